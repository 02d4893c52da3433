//! Recognition of the people who give their time to dialogue bodies: who may show or hide a
//! member's record, what a certificate of participation covers and for which period, its
//! reference number, and the years a body's activity report is offered for. The record and
//! the certificate are made of facts kept elsewhere (attendance, signatures, memberships);
//! this module decides only what belongs in them.

use crate::body::MembershipSpan;
use crate::validation::{FieldError, Invalid, sane_year};
use chrono::{Datelike, NaiveDate};

/// Whether account `user` may show or hide their record in a body whose memberships are
/// `memberships`: only a person who is or was a member under that account. Consent is theirs
/// to give: a secretary who keeps the memberships does not give it for them.
pub fn may_keep_record(memberships: &[MembershipSpan], user: i64) -> bool {
    memberships.iter().any(|m| m.user_id == Some(user))
}

/// The memberships of the person holding `chosen` (one person may have held several roles).
pub fn person_memberships<'a>(memberships: &'a [MembershipSpan], chosen: &MembershipSpan) -> Vec<&'a MembershipSpan> {
    memberships.iter().filter(|m| m.same_person(chosen.user_id, &chosen.person_name)).collect()
}

/// Whether a membership runs on some day from `from` to `to` (both included).
pub fn within(m: &MembershipSpan, from: NaiveDate, to: NaiveDate) -> bool {
    m.starts_on <= to && m.ends_on.is_none_or(|e| e >= from)
}

/// The period of a certificate as typed.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct CertificateForm {
    pub from_on: String,
    pub to_on: String,
    /// A membership of the person the certificate is for, chosen by a secretary; a member
    /// asking for their own leaves it empty.
    pub member: String,
}

/// A checked period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl CertificateForm {
    /// Checks the period against `today` (a certificate attests what has happened) and the
    /// person's memberships `person` (a period in which they sat on the body at least a day).
    pub fn parse(
        &self,
        parse_date: impl Fn(&str) -> Option<NaiveDate>,
        today: NaiveDate,
        person: &[&MembershipSpan],
    ) -> Result<Period, Invalid> {
        let mut inv = Invalid::default();
        let date = |field: &'static str, raw: &str| match parse_date(raw.trim()) {
            Some(d) if sane_year(d.year()) => Ok(d),
            _ => Err(FieldError::new(field, "date-invalid")),
        };
        let from = inv.check(date("from_on", &self.from_on));
        let to = inv.check(
            date("to_on", &self.to_on)
                .and_then(|d| if d > today { Err(FieldError::new("to_on", "date-in-future")) } else { Ok(d) }),
        );
        if let (Some(f), Some(t)) = (from, to) {
            if f > t {
                inv.push(FieldError::new("to_on", "certificate-period-reversed"));
            } else if !person.iter().any(|m| within(m, f, t)) {
                inv.push(FieldError::new("from_on", "certificate-no-membership"));
            }
        }
        match (from, to) {
            (Some(from), Some(to)) if inv.is_empty() => Ok(Period { from, to }),
            _ => Err(inv),
        }
    }
}

/// The reference number of certificate `id` issued on `issued_on`: "ZU/2026/000042", the
/// year first so that a clerk can file it, the number unique across the site.
pub fn certificate_reference(id: i64, issued_on: NaiveDate) -> String {
    format!("ZU/{}/{id:06}", issued_on.year())
}

/// The first and last day of calendar year `year`, or `None` for a year no report covers.
pub fn year_span(year: i32) -> Option<(NaiveDate, NaiveDate)> {
    if !sane_year(year) {
        return None;
    }
    Some((NaiveDate::from_ymd_opt(year, 1, 1)?, NaiveDate::from_ymd_opt(year, 12, 31)?))
}

/// The years in which something happened on any of `days` and not after `today`, the latest
/// first: those a body's page offers an activity report for.
pub fn activity_years(days: impl IntoIterator<Item = NaiveDate>, today: NaiveDate) -> Vec<i32> {
    let mut years: Vec<i32> = days.into_iter().filter(|d| *d <= today).map(|d| d.year()).collect();
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    years
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::body::MemberRole;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn date(s: &str) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
    }

    fn span(user: Option<i64>, name: &str, role: MemberRole, from: NaiveDate, to: Option<NaiveDate>) -> MembershipSpan {
        MembershipSpan { user_id: user, person_name: name.into(), role, starts_on: from, ends_on: to }
    }

    #[test]
    fn only_a_member_under_their_own_account_keeps_their_record() {
        let list = [
            span(Some(7), "Anna Nowak", MemberRole::Member, day(2024, 1, 1), Some(day(2025, 1, 1))),
            span(None, "Jan Kos", MemberRole::Chair, day(2024, 1, 1), None),
        ];
        assert!(may_keep_record(&list, 7), "a former member too");
        assert!(!may_keep_record(&list, 8), "a secretary or anyone else");
    }

    #[test]
    fn a_person_is_every_membership_under_their_account_or_their_name() {
        let list = [
            span(Some(7), "Anna Nowak", MemberRole::Member, day(2022, 1, 1), Some(day(2023, 12, 31))),
            span(Some(7), "Anna Nowak-Kowalska", MemberRole::Chair, day(2024, 1, 1), None),
            span(None, "Jan  Kos", MemberRole::Member, day(2022, 1, 1), None),
            span(None, "jan kos", MemberRole::Observer, day(2020, 1, 1), Some(day(2021, 1, 1))),
        ];
        assert_eq!(person_memberships(&list, &list[0]).len(), 2);
        assert_eq!(person_memberships(&list, &list[2]).len(), 2);
    }

    #[test]
    fn a_certificate_covers_a_past_period_in_which_the_person_sat_on_the_body() {
        let today = day(2026, 12, 4);
        let m = span(Some(7), "Anna Nowak", MemberRole::Member, day(2025, 3, 1), Some(day(2025, 12, 31)));
        let person = [&m];
        let form =
            |from: &str, to: &str| CertificateForm { from_on: from.into(), to_on: to.into(), member: String::new() };
        let ok = form("2025-01-01", "2025-06-30").parse(date, today, &person).unwrap();
        assert_eq!(ok, Period { from: day(2025, 1, 1), to: day(2025, 6, 30) });
        let codes = |f: CertificateForm| -> Vec<(&str, &str)> {
            f.parse(date, today, &person).unwrap_err().0.iter().map(|e| (e.field, e.code)).collect()
        };
        assert_eq!(codes(form("2025-06-30", "2025-01-01")), vec![("to_on", "certificate-period-reversed")]);
        assert_eq!(codes(form("2024-01-01", "2024-12-31")), vec![("from_on", "certificate-no-membership")]);
        assert_eq!(codes(form("2026-01-01", "2027-01-01")), vec![("to_on", "date-in-future")]);
        assert_eq!(codes(form("wczoraj", "")), vec![("from_on", "date-invalid"), ("to_on", "date-invalid")]);
        assert!(form("2025-12-31", "2025-12-31").parse(date, today, &person).is_ok(), "the last day counts");
    }

    #[test]
    fn references_are_filed_by_year_and_years_of_activity_come_latest_first() {
        assert_eq!(certificate_reference(42, day(2026, 5, 1)), "ZU/2026/000042");
        let days = [day(2024, 3, 1), day(2026, 1, 5), day(2024, 9, 9), day(2027, 1, 1)];
        assert_eq!(activity_years(days, day(2026, 12, 4)), vec![2026, 2024]);
        assert_eq!(year_span(2026), Some((day(2026, 1, 1), day(2026, 12, 31))));
        assert_eq!(year_span(99_999), None);
    }
}
