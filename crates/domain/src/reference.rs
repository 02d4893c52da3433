//! Reference data the administrators keep: units, districts, categories, dialogue bodies.

use crate::validation::{FieldError, Invalid, bounded_text, optional_text};

/// Longest name of a unit, district, category or body.
pub const NAME_MAX: usize = 200;
/// Longest unit short code.
pub const CODE_MAX: usize = 12;

/// A validated unit (wydział / jednostka miejska).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitInput {
    /// Short code, e.g. `SZ` or `ZTP`: upper-case letters, digits and dashes.
    pub code: String,
    /// Polish name.
    pub name_pl: String,
    /// English name; the Polish one is shown when empty.
    pub name_en: Option<String>,
    /// Public contact e-mail or phone.
    pub contact: Option<String>,
}

impl UnitInput {
    /// Parses the unit form.
    pub fn parse(code: &str, name_pl: &str, name_en: &str, contact: &str) -> Result<Self, Invalid> {
        let mut inv = Invalid::default();
        let code = inv.check(parse_code(code));
        let name_pl = inv.check(bounded_text("name_pl", name_pl, 2, NAME_MAX));
        let name_en = inv.check(optional_text("name_en", name_en, NAME_MAX));
        let contact = inv.check(optional_text("contact", contact, NAME_MAX));
        match (code, name_pl, name_en, contact) {
            (Some(code), Some(name_pl), Some(name_en), Some(contact)) if inv.is_empty() => {
                Ok(UnitInput { code, name_pl, name_en, contact })
            }
            _ => Err(inv),
        }
    }
}

fn parse_code(raw: &str) -> Result<String, FieldError> {
    let code = bounded_text("code", raw, 1, CODE_MAX)?.to_uppercase();
    if code.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-') {
        Ok(code)
    } else {
        Err(FieldError::new("code", "code-invalid"))
    }
}

/// A validated district (dzielnica).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DistrictInput {
    /// The district's number, 1 to 99.
    pub number: i32,
    /// Its name.
    pub name: String,
}

impl DistrictInput {
    /// Parses the district form.
    pub fn parse(number: &str, name: &str) -> Result<Self, Invalid> {
        let mut inv = Invalid::default();
        let number = inv.check(
            number
                .trim()
                .parse::<i32>()
                .ok()
                .filter(|n| (1..=99).contains(n))
                .ok_or_else(|| FieldError::new("number", "district-number-invalid")),
        );
        let name = inv.check(bounded_text("name", name, 2, NAME_MAX));
        match (number, name) {
            (Some(number), Some(name)) => Ok(DistrictInput { number, name }),
            _ => Err(inv),
        }
    }

    /// The district's number in Roman numerals, as Kraków writes it (Dzielnica XIII).
    pub fn roman(number: i32) -> String {
        const TABLE: [(i32, &str); 9] =
            [(90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"), (0, "")];
        let mut n = number.clamp(0, 99);
        let mut out = String::new();
        for (value, numeral) in TABLE {
            while value > 0 && n >= value {
                out.push_str(numeral);
                n -= value;
            }
        }
        out
    }
}

/// A validated category, or a dialogue body: both are a name in two languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamedInput {
    /// Polish name.
    pub name_pl: String,
    /// English name; the Polish one is shown when empty.
    pub name_en: Option<String>,
}

impl NamedInput {
    /// Parses a form with a Polish and an English name.
    pub fn parse(name_pl: &str, name_en: &str) -> Result<Self, Invalid> {
        let mut inv = Invalid::default();
        let name_pl = inv.check(bounded_text("name_pl", name_pl, 2, NAME_MAX));
        let name_en = inv.check(optional_text("name_en", name_en, NAME_MAX));
        match (name_pl, name_en) {
            (Some(name_pl), Some(name_en)) => Ok(NamedInput { name_pl, name_en }),
            _ => Err(inv),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn unit_codes_are_upper_case_and_checked() {
        assert_eq!(UnitInput::parse(" ztp ", "Zarząd Transportu Publicznego", "", "").unwrap().code, "ZTP");
        let err = UnitInput::parse("Z T P", "", "", "").unwrap_err();
        let fields: Vec<_> = err.0.iter().map(|e| (e.field, e.code)).collect();
        assert_eq!(fields, vec![("code", "code-invalid"), ("name_pl", "required")]);
    }

    #[test]
    fn krakow_numbers_in_roman() {
        assert_eq!(DistrictInput::roman(9), "IX");
        assert_eq!(DistrictInput::roman(14), "XIV");
        assert_eq!(DistrictInput::roman(18), "XVIII");
        assert_eq!(DistrictInput::parse("0", "Nowa Huta").unwrap_err().0[0].code, "district-number-invalid");
    }

    proptest! {
        #[test]
        fn roman_numerals_use_only_roman_letters(n in 1i32..100) {
            let r = DistrictInput::roman(n);
            prop_assert!(!r.is_empty());
            prop_assert!(r.chars().all(|c| "IVXLC".contains(c)));
        }
    }
}
