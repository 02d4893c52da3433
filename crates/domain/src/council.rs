//! A district council (rada dzielnicy) as its district's page presents it: what it does and how
//! it can help residents, where it sits, when its office is open and how to reach it. Kept by
//! the district's editors; every part may be left empty until they fill it in.
//!
//! Its councillors sit on it through dated memberships of its terms (kadencje), each in one
//! role; a membership is ended rather than deleted, so former councillors stay in the history
//! of past terms. Duty hours (dyżury) are dated events where residents can meet a councillor.

use crate::validation::{FieldError, Invalid, bounded_text, date_field, optional_date, optional_text};
use chrono::{DateTime, NaiveDate, Utc};

/// Longest description, in characters of Markdown.
pub const ABOUT_MAX: usize = 20_000;
/// Longest seat address.
pub const SEAT_MAX: usize = 300;
/// Longest opening hours (a few lines).
pub const HOURS_MAX: usize = 1_000;
/// Longest contact.
pub const CONTACT_MAX: usize = 500;

/// The council's form as sent.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct CouncilForm {
    pub council_about: String,
    pub council_seat: String,
    pub council_hours: String,
    pub council_contact: String,
}

/// The checked description; empty texts are empty strings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CouncilInput {
    pub about: String,
    pub seat: String,
    pub hours: String,
    pub contact: String,
}

impl CouncilForm {
    /// Checks the lengths; nothing is required.
    pub fn parse(&self) -> Result<CouncilInput, Invalid> {
        let mut inv = Invalid::default();
        let about = inv.check(optional_text("council_about", &self.council_about, ABOUT_MAX));
        let seat = inv.check(optional_text("council_seat", &self.council_seat, SEAT_MAX));
        let hours = inv.check(optional_text("council_hours", &self.council_hours, HOURS_MAX));
        let contact = inv.check(optional_text("council_contact", &self.council_contact, CONTACT_MAX));
        match (about, seat, hours, contact) {
            (Some(about), Some(seat), Some(hours), Some(contact)) if inv.is_empty() => Ok(CouncilInput {
                about: about.unwrap_or_default(),
                seat: seat.unwrap_or_default(),
                hours: hours.unwrap_or_default(),
                contact: contact.unwrap_or_default(),
            }),
            _ => Err(inv),
        }
    }
}

text_enum! {
    /// A councillor's role in a term. The council elects its chair, and the board (zarząd)
    /// with its chair from among the councillors.
    pub enum CouncilRole {
        /// Przewodniczący rady dzielnicy.
        CouncilChair = "council_chair",
        /// Przewodniczący zarządu dzielnicy.
        BoardChair = "board_chair",
        /// Członek zarządu.
        BoardMember = "board_member",
        /// Radny.
        Councillor = "councillor",
    }
}

impl CouncilRole {
    /// Where the role comes in a list of the council: its chair first, then the board.
    pub fn rank(self) -> usize {
        CouncilRole::ALL.iter().position(|r| *r == self).unwrap_or(CouncilRole::ALL.len())
    }

    /// Whether only one person holds the role on any day.
    pub fn single(self) -> bool {
        matches!(self, CouncilRole::CouncilChair | CouncilRole::BoardChair)
    }

    /// Whether the role is on the board.
    pub fn on_board(self) -> bool {
        matches!(self, CouncilRole::BoardChair | CouncilRole::BoardMember)
    }
}

/// Longest name of a councillor.
pub const NAME_MAX: usize = 200;
/// Longest constituency, committees or contact of a councillor.
pub const DETAIL_MAX: usize = 1_000;
/// Longest alternative text of a photo.
pub const ALT_MAX: usize = 300;
/// Longest place of duty hours.
pub const PLACE_MAX: usize = 300;

/// A councillor as their form sends it (the photo comes as a file beside it).
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct CouncillorForm {
    pub councillor_name: String,
    pub constituency: String,
    pub committees: String,
    pub councillor_contact: String,
    pub councillor_photo_alt: String,
}

/// A checked councillor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CouncillorInput {
    pub name: String,
    pub constituency: String,
    /// One committee per line.
    pub committees: String,
    pub contact: String,
    /// The photo's alternative text, when the councillor has a photo.
    pub photo_alt: Option<String>,
}

impl CouncillorForm {
    /// Checks the form; `has_photo` says a photo comes with it or the councillor keeps one,
    /// and a photo then needs its alternative text.
    pub fn parse(&self, has_photo: bool) -> Result<CouncillorInput, Invalid> {
        let mut inv = Invalid::default();
        let name = inv.check(bounded_text("councillor_name", &self.councillor_name, 3, NAME_MAX));
        let constituency = inv.check(optional_text("constituency", &self.constituency, DETAIL_MAX));
        let committees = inv.check(optional_text("committees", &self.committees, DETAIL_MAX));
        let contact = inv.check(optional_text("councillor_contact", &self.councillor_contact, DETAIL_MAX));
        let alt = inv.check(optional_text("councillor_photo_alt", &self.councillor_photo_alt, ALT_MAX));
        if has_photo && matches!(alt, Some(None)) {
            inv.push(FieldError::new("councillor_photo_alt", "photo-alt-required"));
        }
        match (name, constituency, committees, contact, alt) {
            (Some(name), Some(constituency), Some(committees), Some(contact), Some(alt)) if inv.is_empty() => {
                Ok(CouncillorInput {
                    name,
                    constituency: constituency.unwrap_or_default(),
                    committees: committees.unwrap_or_default(),
                    contact: contact.unwrap_or_default(),
                    photo_alt: alt.filter(|_| has_photo),
                })
            }
            _ => Err(inv),
        }
    }
}

/// A term of a council as the membership rules need it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TermSpan {
    pub id: i64,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
}

/// A membership already stored, as the overlap rules need it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Seat {
    pub councillor_id: i64,
    pub role: CouncilRole,
    pub starts_on: NaiveDate,
    pub ends_on: Option<NaiveDate>,
}

impl Seat {
    /// Whether the seat is held on `day` (both ends included).
    pub fn held_on(&self, day: NaiveDate) -> bool {
        self.starts_on <= day && self.ends_on.is_none_or(|e| day <= e)
    }

    fn meets(&self, starts_on: NaiveDate, ends_on: Option<NaiveDate>) -> bool {
        self.starts_on <= ends_on.unwrap_or(NaiveDate::MAX) && starts_on <= self.ends_on.unwrap_or(NaiveDate::MAX)
    }
}

/// Where a councillor stands in a term on a day, from their memberships of that term.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Standing {
    /// Sits on the council in these roles, by rank.
    Sitting(Vec<CouncilRole>),
    /// Sat on it earlier in the term.
    Former,
    /// Takes their seat later.
    Coming,
}

/// Where the councillor whose memberships of one term are `seats` stands on `day`.
pub fn standing(seats: &[Seat], day: NaiveDate) -> Standing {
    let mut roles: Vec<CouncilRole> = seats.iter().filter(|s| s.held_on(day)).map(|s| s.role).collect();
    if !roles.is_empty() {
        roles.sort_by_key(|r| r.rank());
        roles.dedup();
        return Standing::Sitting(roles);
    }
    if seats.iter().any(|s| day < s.starts_on) { Standing::Coming } else { Standing::Former }
}

/// A membership as its form sends it.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct SeatForm {
    pub term_id: String,
    pub role: String,
    pub starts_on: String,
    pub ends_on: String,
}

/// A checked membership.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SeatInput {
    pub term_id: i64,
    pub role: CouncilRole,
    pub starts_on: NaiveDate,
    pub ends_on: Option<NaiveDate>,
}

impl SeatForm {
    /// Checks a new membership of `councillor` against the council's `terms` and its stored
    /// `seats`: it lies within its term, ends no earlier than it starts, does not give the
    /// councillor the same role twice on a day, and gives a chair's role to one person at a time.
    pub fn parse(&self, councillor: i64, terms: &[TermSpan], seats: &[Seat]) -> Result<SeatInput, Invalid> {
        let mut inv = Invalid::default();
        let term = inv.check(
            self.term_id
                .trim()
                .parse::<i64>()
                .ok()
                .and_then(|id| terms.iter().find(|t| t.id == id))
                .ok_or(FieldError::new("term_id", "choice-invalid")),
        );
        let role = inv.check(CouncilRole::parse(self.role.trim()).ok_or(FieldError::new("role", "choice-invalid")));
        let starts_on = inv.check(date_field("starts_on", &self.starts_on));
        let ends_on = inv.check(optional_date("ends_on", &self.ends_on));
        let (Some(term), Some(role), Some(starts_on), Some(ends_on)) = (term, role, starts_on, ends_on) else {
            return Err(inv);
        };
        if let Some(e) = ends_on
            && e < starts_on
        {
            inv.push(FieldError::new("ends_on", "membership-ends-before-start"));
        } else if starts_on < term.starts_on || term.ends_on < starts_on {
            inv.push(FieldError::new("starts_on", "council-seat-outside-term"));
        } else if ends_on.is_some_and(|e| term.ends_on < e) {
            inv.push(FieldError::new("ends_on", "council-seat-outside-term"));
        } else if seats.iter().any(|s| s.councillor_id == councillor && s.role == role && s.meets(starts_on, ends_on)) {
            inv.push(FieldError::new("starts_on", "council-seat-overlaps"));
        } else if role.single()
            && seats.iter().any(|s| s.councillor_id != councillor && s.role == role && s.meets(starts_on, ends_on))
        {
            inv.push(FieldError::new("role", "council-role-taken"));
        }
        inv.into_result()?;
        Ok(SeatInput { term_id: term.id, role, starts_on, ends_on })
    }
}

/// Checks the last day of a running membership `seat` of `term`: no earlier than its first
/// day and no later than the term's last.
pub fn check_end(seat: &Seat, term: TermSpan, ends_on: NaiveDate) -> Result<NaiveDate, FieldError> {
    if ends_on < seat.starts_on {
        Err(FieldError::new("seat_ends_on", "membership-ends-before-start"))
    } else if term.ends_on < ends_on {
        Err(FieldError::new("seat_ends_on", "council-seat-outside-term"))
    } else {
        Ok(ends_on)
    }
}

/// Duty hours as their form sends them; the handler reads the two times in Warsaw time.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct DutyForm {
    pub duty_starts_at: String,
    pub duty_ends_at: String,
    pub duty_place: String,
    /// The councillor on duty; empty for the council's office as a whole.
    pub duty_councillor: String,
}

/// Checked duty hours.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DutyInput {
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub place: String,
    pub councillor_id: Option<i64>,
}

impl DutyForm {
    /// Checks the form: `starts_at` and `ends_at` as the handler read them, `councillors` the
    /// district's. Duty hours are announced ahead, so they start in the future and last at
    /// most a day.
    pub fn parse(
        &self,
        starts_at: Option<DateTime<Utc>>,
        ends_at: Option<DateTime<Utc>>,
        councillors: &[i64],
        now: DateTime<Utc>,
    ) -> Result<DutyInput, Invalid> {
        let mut inv = Invalid::default();
        let when = |field, raw: &str, t: Option<DateTime<Utc>>| {
            t.ok_or_else(|| FieldError::new(field, if raw.trim().is_empty() { "required" } else { "date-invalid" }))
        };
        let starts = inv.check(when("duty_starts_at", &self.duty_starts_at, starts_at));
        let ends = inv.check(when("duty_ends_at", &self.duty_ends_at, ends_at));
        let place = inv.check(bounded_text("duty_place", &self.duty_place, 3, PLACE_MAX));
        let councillor = inv.check(match self.duty_councillor.trim() {
            "" => Ok(None),
            raw => raw
                .parse::<i64>()
                .ok()
                .filter(|id| councillors.contains(id))
                .map(Some)
                .ok_or(FieldError::new("duty_councillor", "choice-invalid")),
        });
        if let Some(s) = starts
            && s <= now
        {
            inv.push(FieldError::new("duty_starts_at", "duty-in-past"));
        }
        if let (Some(s), Some(e)) = (starts, ends)
            && (e <= s || e - s > chrono::Duration::hours(24))
        {
            inv.push(FieldError::new("duty_ends_at", "duty-ends-before-start"));
        }
        match (starts, ends, place, councillor) {
            (Some(starts_at), Some(ends_at), Some(place), Some(councillor_id)) if inv.is_empty() => {
                Ok(DutyInput { starts_at, ends_at, place, councillor_id })
            }
            _ => Err(inv),
        }
    }
}

/// What a district's address names: its number (`/dzielnice/13`) or its name folded to ASCII
/// (`/dzielnice/podgorze`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DistrictKey {
    Number(i64),
    Slug(String),
}

impl DistrictKey {
    /// The key in an address segment.
    pub fn parse(raw: &str) -> DistrictKey {
        match raw.parse::<i64>() {
            Ok(n) => DistrictKey::Number(n),
            Err(_) => DistrictKey::Slug(raw.to_ascii_lowercase()),
        }
    }

    /// Whether the district numbered `number` and named `name` is the one named.
    pub fn names(&self, number: i32, name: &str) -> bool {
        match self {
            DistrictKey::Number(n) => *n == i64::from(number),
            DistrictKey::Slug(s) => *s == crate::consultation::slugify(name),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_district_is_found_by_its_number_or_its_name_without_diacritics() {
        assert!(DistrictKey::parse("13").names(13, "Podgórze"));
        assert!(DistrictKey::parse("podgorze").names(13, "Podgórze"));
        assert!(DistrictKey::parse("Podgorze").names(13, "Podgórze"));
        assert!(DistrictKey::parse("zwierzyniec").names(7, "Zwierzyniec"));
        assert!(DistrictKey::parse("pradnik-bialy").names(4, "Prądnik Biały"));
        assert!(!DistrictKey::parse("14").names(13, "Podgórze"));
        assert!(!DistrictKey::parse("podgorze-duchackie").names(13, "Podgórze"));
    }

    #[test]
    fn every_part_may_be_empty_and_none_may_be_too_long() {
        assert_eq!(CouncilForm::default().parse().unwrap(), CouncilInput::default());
        let long = CouncilForm { council_seat: "a".repeat(SEAT_MAX + 1), ..Default::default() };
        let errors = long.parse().unwrap_err();
        assert_eq!(errors.0.iter().map(|e| (e.field, e.code)).collect::<Vec<_>>(), [("council_seat", "too-long")]);
        let filled = CouncilForm { council_seat: " ul. Rynek Podgórski 1 ".into(), ..Default::default() };
        assert_eq!(filled.parse().unwrap().seat, "ul. Rynek Podgórski 1");
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn codes(r: Result<impl std::fmt::Debug, Invalid>) -> Vec<(&'static str, &'static str)> {
        r.unwrap_err().0.iter().map(|e| (e.field, e.code)).collect()
    }

    const TERMS: [TermSpan; 2] = [
        TermSpan {
            id: 1,
            starts_on: NaiveDate::from_ymd_opt(2019, 5, 20).unwrap(),
            ends_on: NaiveDate::from_ymd_opt(2024, 5, 31).unwrap(),
        },
        TermSpan {
            id: 2,
            starts_on: NaiveDate::from_ymd_opt(2024, 6, 1).unwrap(),
            ends_on: NaiveDate::from_ymd_opt(2029, 5, 31).unwrap(),
        },
    ];

    fn seat(term: &str, role: &str, from: &str, to: &str) -> SeatForm {
        SeatForm { term_id: term.into(), role: role.into(), starts_on: from.into(), ends_on: to.into() }
    }

    #[test]
    fn a_membership_lies_within_its_term_and_ends_after_it_starts() {
        let ok = seat("2", "councillor", "2024-06-01", "").parse(7, &TERMS, &[]).unwrap();
        assert_eq!(
            ok,
            SeatInput { term_id: 2, role: CouncilRole::Councillor, starts_on: day(2024, 6, 1), ends_on: None }
        );
        assert_eq!(
            codes(seat("2", "councillor", "2025-03-01", "2025-02-01").parse(7, &TERMS, &[])),
            [("ends_on", "membership-ends-before-start")]
        );
        assert_eq!(
            codes(seat("1", "councillor", "2024-06-01", "").parse(7, &TERMS, &[])),
            [("starts_on", "council-seat-outside-term")]
        );
        assert_eq!(
            codes(seat("1", "councillor", "2019-06-01", "2024-07-01").parse(7, &TERMS, &[])),
            [("ends_on", "council-seat-outside-term")]
        );
        assert_eq!(
            codes(seat("9", "mayor", "", "").parse(7, &TERMS, &[])),
            [("term_id", "choice-invalid"), ("role", "choice-invalid"), ("starts_on", "required")]
        );
    }

    #[test]
    fn a_chair_is_one_person_at_a_time_and_no_one_holds_a_role_twice() {
        let chair =
            Seat { councillor_id: 3, role: CouncilRole::CouncilChair, starts_on: day(2024, 6, 1), ends_on: None };
        assert_eq!(
            codes(seat("2", "council_chair", "2025-01-01", "").parse(7, &TERMS, &[chair])),
            [("role", "council-role-taken")]
        );
        // Once the chair's membership ends, another councillor may take the chair.
        let ended = Seat { ends_on: Some(day(2024, 12, 31)), ..chair };
        assert!(seat("2", "council_chair", "2025-01-01", "").parse(7, &TERMS, &[ended]).is_ok());
        // Many hold a board member's seat at once, but one person only once.
        let member = Seat { councillor_id: 3, role: CouncilRole::BoardMember, ..chair };
        assert!(seat("2", "board_member", "2025-01-01", "").parse(7, &TERMS, &[member]).is_ok());
        assert_eq!(
            codes(seat("2", "board_member", "2025-01-01", "").parse(3, &TERMS, &[member])),
            [("starts_on", "council-seat-overlaps")]
        );
        assert!(ended.held_on(day(2024, 12, 31)) && !ended.held_on(day(2025, 1, 1)));
    }

    #[test]
    fn a_photo_needs_its_alternative_text() {
        let f = CouncillorForm { councillor_name: "Anna Nowak".into(), ..Default::default() };
        assert_eq!(codes(f.parse(true)), [("councillor_photo_alt", "photo-alt-required")]);
        assert_eq!(f.parse(false).unwrap().photo_alt, None);
        let described = CouncillorForm { councillor_photo_alt: "Anna Nowak w parku Bednarskiego".into(), ..f };
        assert_eq!(described.parse(true).unwrap().photo_alt.as_deref(), Some("Anna Nowak w parku Bednarskiego"));
    }

    #[test]
    fn duty_hours_lie_ahead_and_end_after_they_start() {
        let now = Utc::now();
        let f = DutyForm {
            duty_starts_at: "x".into(),
            duty_ends_at: "x".into(),
            duty_place: "Rynek Podgórski 1".into(),
            duty_councillor: "4".into(),
        };
        let (s, e) = (now + chrono::Duration::days(2), now + chrono::Duration::days(2) + chrono::Duration::hours(2));
        assert_eq!(f.parse(Some(s), Some(e), &[4], now).unwrap().councillor_id, Some(4));
        assert_eq!(codes(f.parse(Some(s), Some(e), &[5], now)), [("duty_councillor", "choice-invalid")]);
        assert_eq!(
            codes(f.parse(Some(now - chrono::Duration::hours(1)), Some(now + chrono::Duration::hours(1)), &[4], now)),
            [("duty_starts_at", "duty-in-past")]
        );
        assert_eq!(codes(f.parse(Some(e), Some(s), &[4], now)), [("duty_ends_at", "duty-ends-before-start")]);
        assert_eq!(codes(f.parse(None, Some(e), &[4], now)), [("duty_starts_at", "date-invalid")]);
    }

    #[test]
    fn a_councillor_sits_in_the_roles_held_on_the_day_and_is_former_after_the_last_ends() {
        let seat = |role, from, to: Option<NaiveDate>| Seat { councillor_id: 1, role, starts_on: from, ends_on: to };
        let seats = [
            seat(CouncilRole::Councillor, day(2024, 6, 1), None),
            seat(CouncilRole::BoardChair, day(2024, 6, 20), Some(day(2026, 3, 31))),
        ];
        assert_eq!(
            standing(&seats, day(2025, 1, 1)),
            Standing::Sitting(vec![CouncilRole::BoardChair, CouncilRole::Councillor])
        );
        assert_eq!(standing(&seats, day(2026, 4, 1)), Standing::Sitting(vec![CouncilRole::Councillor]));
        assert_eq!(standing(&seats, day(2024, 5, 1)), Standing::Coming);
        let resigned = [seat(CouncilRole::Councillor, day(2024, 6, 1), Some(day(2025, 9, 30)))];
        assert_eq!(standing(&resigned, day(2026, 1, 1)), Standing::Former);
    }
}
