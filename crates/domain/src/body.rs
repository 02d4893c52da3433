//! Civic dialogue bodies: what kind of body each is, its terms (kadencje) and its members as
//! dated memberships. A membership is never deleted but ended, so that the people who sat on a
//! body stay in its history; the rules here keep one person from holding the same role twice
//! at once and a membership from ending before it starts.

use crate::calendar::Period;
use crate::consultation::{check_slug, parse_url, slugify};
use crate::reference::NAME_MAX;
use crate::validation::{FieldError, Invalid, bounded_text, date_field, optional_date, optional_text};
use chrono::NaiveDate;

text_enum! {
    /// What kind of body it is, which decides its legal footing and, later, its deadlines.
    pub enum BodyKind {
        /// A civic dialogue commission (Komisja Dialogu Obywatelskiego) attached to departments.
        Kdo = "kdo",
        /// The public benefit council (Rada Działalności Pożytku Publicznego).
        PublicBenefitCouncil = "public_benefit_council",
        /// The youth council of the city.
        YouthCouncil = "youth_council",
        /// The seniors' council of the city.
        SeniorsCouncil = "seniors_council",
        /// A body of one district.
        DistrictBody = "district_body",
        /// A working group set up for one matter.
        WorkingGroup = "working_group",
        /// Any other advisory body.
        Other = "other",
    }
}

impl BodyKind {
    /// The time a body of this kind has to give its opinion on a matter referred to it, after
    /// which its silence counts as waiving the right: the public benefit council's 14 days on
    /// programmes and strategies (art. 41i of the act on public benefit activity); the other
    /// kinds have no such window and may give an opinion while the matter is open.
    pub fn opinion_window(self) -> Option<Period> {
        match self {
            BodyKind::PublicBenefitCouncil => Some(Period::Days(14)),
            _ => None,
        }
    }
}

/// Where a matter referred to a body stands for that body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Referral {
    /// It may still give its opinion, by the day given when its kind has a window.
    Open { until: Option<NaiveDate> },
    /// It has given its opinion.
    Given,
    /// Its window ran out on the day given without an opinion: it waived the right.
    Waived { on: NaiveDate },
}

/// Where a matter referred to a body of `kind` on `referred_on` stands on `today`.
pub fn referral(kind: BodyKind, referred_on: NaiveDate, given: bool, today: NaiveDate) -> Referral {
    if given {
        return Referral::Given;
    }
    match kind.opinion_window().map(|w| w.due(referred_on)) {
        Some(until) if until < today => Referral::Waived { on: until },
        until => Referral::Open { until },
    }
}

text_enum! {
    /// A member's role in a body, in the order a list of members shows them.
    pub enum MemberRole {
        Chair = "chair",
        ViceChair = "vice_chair",
        Secretary = "secretary",
        Member = "member",
        Observer = "observer",
    }
}

impl MemberRole {
    /// Where the role comes in a list of members: the chair first, observers last.
    pub fn rank(self) -> usize {
        MemberRole::ALL.iter().position(|r| *r == self).unwrap_or(MemberRole::ALL.len())
    }
}

/// Longest "about" text of a body.
pub const ABOUT_MAX: usize = 20_000;
/// Longest legal basis.
pub const LEGAL_BASIS_MAX: usize = 500;
/// Longest contact text.
pub const CONTACT_MAX: usize = 500;

/// A body as its edit form sends it. The ticked departments and themes are lists, filled by
/// the handler from the repeated fields.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct BodyForm {
    pub name_pl: String,
    pub name_en: String,
    pub slug: String,
    pub kind: String,
    pub legal_basis: String,
    pub about: String,
    pub contact: String,
    pub statute_url: String,
    #[serde(skip)]
    pub units: Vec<String>,
    #[serde(skip)]
    pub categories: Vec<String>,
}

/// A checked body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BodyInput {
    pub name_pl: String,
    pub name_en: Option<String>,
    /// The address segment after `/ciala-dialogu/`.
    pub slug: String,
    pub kind: BodyKind,
    pub legal_basis: Option<String>,
    /// Markdown.
    pub about: String,
    pub contact: Option<String>,
    /// A link to the statute or rules of procedure.
    pub statute_url: Option<String>,
    /// Departments it is attached to.
    pub units: Vec<i64>,
    /// Its themes, among the site's categories.
    pub categories: Vec<i64>,
}

/// The ticked ids of `field`, each of which must be one of `known`; repeats count once.
pub(crate) fn chosen_ids(field: &'static str, raw: &[String], known: &[i64]) -> Result<Vec<i64>, FieldError> {
    let mut ids = Vec::with_capacity(raw.len());
    for r in raw {
        let id = r.trim().parse::<i64>().ok().filter(|id| known.contains(id));
        match id {
            Some(id) if !ids.contains(&id) => ids.push(id),
            Some(_) => {}
            None => return Err(FieldError::new(field, "choice-invalid")),
        }
    }
    ids.sort_unstable();
    Ok(ids)
}

impl BodyForm {
    /// Checks the form against the departments and categories that exist.
    pub fn parse(&self, known_units: &[i64], known_categories: &[i64]) -> Result<BodyInput, Invalid> {
        let mut inv = Invalid::default();
        let name_pl = inv.check(bounded_text("name_pl", &self.name_pl, 2, NAME_MAX));
        let name_en = inv.check(optional_text("name_en", &self.name_en, NAME_MAX));
        // Like a consultation's address: made from the name when left empty.
        let slug = inv.check(match self.slug.trim() {
            "" => check_slug(&slugify(&self.name_pl)),
            s => check_slug(s),
        });
        let kind = inv.check(BodyKind::parse(self.kind.trim()).ok_or(FieldError::new("kind", "choice-invalid")));
        let legal_basis = inv.check(optional_text("legal_basis", &self.legal_basis, LEGAL_BASIS_MAX));
        let about = inv.check(bounded_text("about", &self.about, 0, ABOUT_MAX));
        let contact = inv.check(optional_text("contact", &self.contact, CONTACT_MAX));
        let statute_url = inv.check(parse_url("statute_url", &self.statute_url));
        let units = inv.check(chosen_ids("units", &self.units, known_units));
        let categories = inv.check(chosen_ids("categories", &self.categories, known_categories));
        match (name_pl, name_en, slug, kind, legal_basis, about, contact, statute_url, units, categories) {
            (
                Some(name_pl),
                Some(name_en),
                Some(slug),
                Some(kind),
                Some(legal_basis),
                Some(about),
                Some(contact),
                Some(statute_url),
                Some(units),
                Some(categories),
            ) if inv.is_empty() => Ok(BodyInput {
                name_pl,
                name_en,
                slug,
                kind,
                legal_basis,
                about,
                contact,
                statute_url,
                units,
                categories,
            }),
            _ => Err(inv),
        }
    }
}

/// A term (kadencja) as its form sends it.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct TermForm {
    pub term_name: String,
    pub term_starts_on: String,
    pub term_ends_on: String,
}

/// A checked term.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermInput {
    /// E.g. "2024–2028".
    pub name: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
}

impl TermForm {
    /// Checks the form: a term has a name and ends after it starts.
    pub fn parse(&self) -> Result<TermInput, Invalid> {
        let mut inv = Invalid::default();
        let name = inv.check(bounded_text("term_name", &self.term_name, 2, 100));
        let starts_on = inv.check(date_field("term_starts_on", &self.term_starts_on));
        let ends_on = inv.check(date_field("term_ends_on", &self.term_ends_on));
        if let (Some(s), Some(e)) = (starts_on, ends_on)
            && e <= s
        {
            inv.push(FieldError::new("term_ends_on", "term-ends-before-start"));
        }
        match (name, starts_on, ends_on) {
            (Some(name), Some(starts_on), Some(ends_on)) if inv.is_empty() => {
                Ok(TermInput { name, starts_on, ends_on })
            }
            _ => Err(inv),
        }
    }
}

/// A membership as its form sends it.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct MembershipForm {
    /// The person's name, as the body's page shows it.
    pub name: String,
    /// The e-mail of the person's account, when they have one.
    pub email: String,
    pub role: String,
    /// Ticked when the member has a vote.
    pub voting: Option<String>,
    pub organisation: String,
    pub term_id: String,
    pub starts_on: String,
    pub ends_on: String,
}

/// What the handler found for the e-mail typed into a membership form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Account {
    /// No e-mail was typed: the person has no account here.
    NotGiven,
    /// The account with that e-mail.
    Found(i64),
    /// No account has that e-mail.
    Unknown,
}

/// A checked membership.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MembershipInput {
    pub person_name: String,
    pub user_id: Option<i64>,
    pub role: MemberRole,
    pub voting: bool,
    pub organisation: Option<String>,
    pub term_id: Option<i64>,
    pub starts_on: NaiveDate,
    pub ends_on: Option<NaiveDate>,
}

impl MembershipForm {
    /// Checks the form: `terms` are the body's terms, `account` what the typed e-mail names.
    pub fn parse(&self, terms: &[i64], account: Account) -> Result<MembershipInput, Invalid> {
        let mut inv = Invalid::default();
        let person_name = inv.check(bounded_text("name", &self.name, 3, NAME_MAX));
        let user_id = inv.check(match account {
            Account::NotGiven => Ok(None),
            Account::Found(id) => Ok(Some(id)),
            Account::Unknown => Err(FieldError::new("email", "no-such-account")),
        });
        let role = inv.check(MemberRole::parse(self.role.trim()).ok_or(FieldError::new("role", "choice-invalid")));
        let organisation = inv.check(optional_text("organisation", &self.organisation, NAME_MAX));
        let term_id = inv.check(match self.term_id.trim() {
            "" => Ok(None),
            s => s
                .parse::<i64>()
                .ok()
                .filter(|t| terms.contains(t))
                .map(Some)
                .ok_or(FieldError::new("term_id", "choice-invalid")),
        });
        let starts_on = inv.check(date_field("starts_on", &self.starts_on));
        let ends_on = inv.check(optional_date("ends_on", &self.ends_on));
        if let (Some(s), Some(Some(e))) = (starts_on, ends_on) {
            inv.check(check_end(s, e));
        }
        match (person_name, user_id, role, organisation, term_id, starts_on, ends_on) {
            (
                Some(person_name),
                Some(user_id),
                Some(role),
                Some(organisation),
                Some(term_id),
                Some(starts_on),
                Some(ends_on),
            ) if inv.is_empty() => Ok(MembershipInput {
                person_name,
                user_id,
                role,
                voting: self.voting.is_some(),
                organisation,
                term_id,
                starts_on,
                ends_on,
            }),
            _ => Err(inv),
        }
    }
}

/// A membership may end on the day it starts (a one-day observer) but not before it.
fn check_end(starts_on: NaiveDate, ends_on: NaiveDate) -> Result<(), FieldError> {
    if ends_on < starts_on { Err(FieldError::new("ends_on", "membership-ends-before-start")) } else { Ok(()) }
}

/// Ending a membership: the last day the person sits on the body.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct EndForm {
    pub ends_on: String,
}

impl EndForm {
    /// Checks the last day of membership `m` against the day it started and, since a later
    /// last day lengthens it, against the body's `others`.
    pub fn parse(&self, m: &MembershipSpan, others: &[MembershipSpan]) -> Result<NaiveDate, Invalid> {
        let ends_on = date_field("ends_on", &self.ends_on)?;
        check_end(m.starts_on, ends_on)?;
        if overlaps(&MembershipSpan { ends_on: Some(ends_on), ..m.clone() }, others) {
            return Err(FieldError::new("ends_on", "membership-overlaps").into());
        }
        Ok(ends_on)
    }
}

/// An existing membership as far as the overlap rule needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MembershipSpan {
    pub user_id: Option<i64>,
    pub person_name: String,
    pub role: MemberRole,
    pub starts_on: NaiveDate,
    pub ends_on: Option<NaiveDate>,
}

impl MembershipSpan {
    /// Whether the membership runs on `day` (both ends included).
    pub fn active_on(&self, day: NaiveDate) -> bool {
        self.starts_on <= day && self.ends_on.is_none_or(|e| day <= e)
    }

    /// Whether `other` is the same person: the same account, or the same name when either has
    /// no account (names typed by hand differ only in case and spaces).
    pub fn same_person(&self, user_id: Option<i64>, name: &str) -> bool {
        match (self.user_id, user_id) {
            (Some(a), Some(b)) => a == b,
            _ => normalise(&self.person_name) == normalise(name),
        }
    }
}

fn normalise(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

impl MembershipInput {
    /// The new membership as the overlap rule sees it.
    pub fn span(&self) -> MembershipSpan {
        MembershipSpan {
            user_id: self.user_id,
            person_name: self.person_name.clone(),
            role: self.role,
            starts_on: self.starts_on,
            ends_on: self.ends_on,
        }
    }
}

/// Whether `new` gives a person the same role as one of `existing` on some day.
fn overlaps(new: &MembershipSpan, existing: &[MembershipSpan]) -> bool {
    existing.iter().any(|m| {
        m.role == new.role
            && m.same_person(new.user_id, &new.person_name)
            && m.starts_on <= new.ends_on.unwrap_or(NaiveDate::MAX)
            && new.starts_on <= m.ends_on.unwrap_or(NaiveDate::MAX)
    })
}

/// Refuses a new membership that would give a person the same role in the same body twice on
/// any one day; `existing` are the body's memberships. Two people may share a role (members),
/// and one person may hold two roles, but a doubled role would count their vote twice.
pub fn check_overlap(new: &MembershipInput, existing: &[MembershipSpan]) -> Result<(), FieldError> {
    if overlaps(&new.span(), existing) { Err(FieldError::new("starts_on", "membership-overlaps")) } else { Ok(()) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_public_benefit_council_waives_an_opinion_by_silence_after_fourteen_days() {
        let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
        // Referred on Monday 2 November: the 14 days end on Monday 16 November.
        let pbc = BodyKind::PublicBenefitCouncil;
        assert_eq!(referral(pbc, d(11, 2), false, d(11, 16)), Referral::Open { until: Some(d(11, 16)) });
        assert_eq!(referral(pbc, d(11, 2), false, d(11, 17)), Referral::Waived { on: d(11, 16) });
        assert_eq!(referral(pbc, d(11, 2), true, d(11, 17)), Referral::Given);
        // Referred on Friday 30 October: the 14th day is Friday 13 November.
        assert_eq!(referral(pbc, d(10, 30), false, d(11, 13)), Referral::Open { until: Some(d(11, 13)) });
        // A commission has no window: it may give its opinion while the matter is open.
        assert_eq!(referral(BodyKind::Kdo, d(1, 5), false, d(11, 17)), Referral::Open { until: None });
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn codes(inv: Invalid) -> Vec<(&'static str, &'static str)> {
        inv.0.iter().map(|e| (e.field, e.code)).collect()
    }

    fn body() -> BodyForm {
        BodyForm {
            name_pl: "Komisja Dialogu Obywatelskiego ds. Ekologii".into(),
            kind: "kdo".into(),
            about: "Opiniuje sprawy **zieleni**.".into(),
            statute_url: "https://www.krakow.pl/regulamin".into(),
            units: vec!["3".into(), "3".into(), "1".into()],
            categories: vec!["2".into()],
            ..BodyForm::default()
        }
    }

    #[test]
    fn a_body_takes_its_address_from_its_name_and_only_known_units_and_themes() {
        let ok = body().parse(&[1, 3], &[2]).unwrap();
        assert_eq!(ok.slug, "komisja-dialogu-obywatelskiego-ds-ekologii");
        assert_eq!((ok.kind, ok.units, ok.categories), (BodyKind::Kdo, vec![1, 3], vec![2]));
        assert_eq!((ok.legal_basis, ok.contact), (None, None));
        let bad = BodyForm {
            slug: "Zła Nazwa".into(),
            kind: "club".into(),
            statute_url: "http://example.org".into(),
            units: vec!["9".into()],
            categories: vec!["x".into()],
            ..body()
        };
        assert_eq!(
            codes(bad.parse(&[1, 3], &[2]).unwrap_err()),
            vec![
                ("slug", "slug-invalid"),
                ("kind", "choice-invalid"),
                ("statute_url", "url-invalid"),
                ("units", "choice-invalid"),
                ("categories", "choice-invalid"),
            ]
        );
        assert_eq!(
            codes(BodyForm { name_pl: " ".into(), ..body() }.parse(&[1, 3], &[2]).unwrap_err())[0],
            ("name_pl", "required")
        );
    }

    #[test]
    fn a_term_ends_after_it_starts() {
        let f = TermForm {
            term_name: "2024–2028".into(),
            term_starts_on: "2024-05-01".into(),
            term_ends_on: "2028-04-30".into(),
        };
        assert_eq!(f.parse().unwrap().ends_on, day(2028, 4, 30));
        let same = TermForm { term_ends_on: "2024-05-01".into(), ..f.clone() };
        assert_eq!(codes(same.parse().unwrap_err()), vec![("term_ends_on", "term-ends-before-start")]);
        let junk = TermForm { term_starts_on: "1.5.2024".into(), term_ends_on: String::new(), ..f };
        assert_eq!(
            codes(junk.parse().unwrap_err()),
            vec![("term_starts_on", "date-invalid"), ("term_ends_on", "required")]
        );
    }

    fn member() -> MembershipForm {
        MembershipForm {
            name: "Anna Kowalska".into(),
            role: "chair".into(),
            voting: Some("yes".into()),
            organisation: "Fundacja Zielony Kraków".into(),
            term_id: "7".into(),
            starts_on: "2024-05-01".into(),
            ..MembershipForm::default()
        }
    }

    #[test]
    fn a_membership_may_not_end_before_it_starts() {
        let ok = member().parse(&[7], Account::NotGiven).unwrap();
        assert_eq!((ok.role, ok.voting, ok.term_id, ok.ends_on), (MemberRole::Chair, true, Some(7), None));
        let one_day = MembershipForm { ends_on: "2024-05-01".into(), ..member() };
        assert_eq!(one_day.parse(&[7], Account::NotGiven).unwrap().ends_on, Some(day(2024, 5, 1)));
        let backwards = MembershipForm { ends_on: "2024-04-30".into(), ..member() };
        assert_eq!(
            codes(backwards.parse(&[7], Account::NotGiven).unwrap_err()),
            vec![("ends_on", "membership-ends-before-start")]
        );
        let m = span(None, "Anna Kowalska", MemberRole::Chair, day(2024, 5, 1), None);
        let end = |s: &str, others: &[MembershipSpan]| EndForm { ends_on: s.into() }.parse(&m, others);
        assert_eq!(end("2024-04-30", &[]).unwrap_err().0[0].code, "membership-ends-before-start");
        assert_eq!(end("2026-01-31", &[]).unwrap(), day(2026, 1, 31));
        let next = span(None, "Anna Kowalska", MemberRole::Chair, day(2026, 2, 1), None);
        assert_eq!(end("2026-01-31", std::slice::from_ref(&next)).unwrap(), day(2026, 1, 31));
        assert_eq!(end("2026-02-01", &[next]).unwrap_err().0[0], FieldError::new("ends_on", "membership-overlaps"));
    }

    #[test]
    fn a_membership_names_a_known_term_role_and_account() {
        let bad = MembershipForm { role: "king".into(), term_id: "8".into(), voting: None, ..member() };
        assert_eq!(
            codes(bad.parse(&[7], Account::Unknown).unwrap_err()),
            vec![("email", "no-such-account"), ("role", "choice-invalid"), ("term_id", "choice-invalid")]
        );
        assert_eq!(member().parse(&[7], Account::Found(4)).unwrap().user_id, Some(4));
    }

    fn span(user: Option<i64>, name: &str, role: MemberRole, from: NaiveDate, to: Option<NaiveDate>) -> MembershipSpan {
        MembershipSpan { user_id: user, person_name: name.into(), role, starts_on: from, ends_on: to }
    }

    #[test]
    fn the_same_person_cannot_hold_the_same_role_twice_at_once() {
        let new = member().parse(&[7], Account::NotGiven).unwrap();
        let past = span(None, "anna  KOWALSKA", MemberRole::Chair, day(2020, 5, 1), Some(day(2024, 4, 30)));
        assert_eq!(check_overlap(&new, std::slice::from_ref(&past)), Ok(()), "the day after the last one is free");
        let touching = span(None, "Anna Kowalska", MemberRole::Chair, day(2020, 5, 1), Some(day(2024, 5, 1)));
        assert_eq!(check_overlap(&new, &[touching]).unwrap_err().field, "starts_on");
        let open = span(None, "Anna Kowalska", MemberRole::Chair, day(2025, 1, 1), None);
        assert!(check_overlap(&new, std::slice::from_ref(&open)).is_err(), "an open-ended membership runs for ever");
        let other_role = span(None, "Anna Kowalska", MemberRole::Member, day(2024, 1, 1), None);
        let other_person = span(None, "Jan Nowak", MemberRole::Chair, day(2024, 1, 1), None);
        assert_eq!(check_overlap(&new, &[other_role, other_person]), Ok(()));
        let with_account = MembershipInput { user_id: Some(4), ..new.clone() };
        let namesake = span(Some(5), "Anna Kowalska", MemberRole::Chair, day(2024, 1, 1), None);
        assert_eq!(check_overlap(&with_account, std::slice::from_ref(&namesake)), Ok(()), "two accounts, two people");
        let same_account = span(Some(4), "A. Kowalska", MemberRole::Chair, day(2024, 1, 1), None);
        assert!(check_overlap(&with_account, &[same_account]).is_err());
        assert!(check_overlap(&with_account, &[open]).is_err(), "an account against a name typed by hand");
    }

    proptest::proptest! {
        #[test]
        fn two_memberships_overlap_exactly_when_some_day_has_both(
            a in 0i64..60, a_len in proptest::option::of(0i64..30),
            b in 0i64..60, b_len in proptest::option::of(0i64..30),
        ) {
            let at = |n: i64| day(2025, 1, 1) + chrono::Duration::days(n);
            let x = span(None, "Jan Nowak", MemberRole::Member, at(a), a_len.map(|l| at(a + l)));
            let y = span(None, "Jan Nowak", MemberRole::Member, at(b), b_len.map(|l| at(b + l)));
            let shared = (0..120).any(|n| x.active_on(at(n)) && y.active_on(at(n)));
            proptest::prop_assert_eq!(overlaps(&x, std::slice::from_ref(&y)), shared);
            proptest::prop_assert_eq!(overlaps(&y, std::slice::from_ref(&x)), shared);
        }
    }

    #[test]
    fn a_membership_is_active_on_both_of_its_ends() {
        let m = span(None, "X", MemberRole::Member, day(2024, 5, 1), Some(day(2024, 5, 31)));
        assert!(m.active_on(day(2024, 5, 1)) && m.active_on(day(2024, 5, 31)));
        assert!(!m.active_on(day(2024, 4, 30)) && !m.active_on(day(2024, 6, 1)));
        assert!(MemberRole::Chair.rank() < MemberRole::Observer.rank());
    }
}
