//! A district council (rada dzielnicy) as its district's page presents it: what it does and how
//! it can help residents, where it sits, when its office is open and how to reach it. Kept by
//! the district's editors; every part may be left empty until they fill it in.

use crate::validation::{Invalid, optional_text};

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
}
