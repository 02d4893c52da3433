//! Accounts: e-mail addresses, display names and passwords as validated types.

use crate::validation::{FieldError, bounded_text};
use serde::{Deserialize, Serialize};

/// Longest e-mail address accepted (RFC 5321 path limit).
pub const EMAIL_MAX: usize = 254;
/// Shortest password accepted.
pub const PASSWORD_MIN: usize = 10;
/// Longest password accepted; argon2 hashes anything, this only bounds the work.
pub const PASSWORD_MAX: usize = 128;
/// Longest display name accepted.
pub const NAME_MAX: usize = 100;

/// A syntactically valid, lower-cased e-mail address.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Email(String);

impl Email {
    /// Parses what a person typed into an e-mail field named `field`.
    pub fn parse_field(field: &'static str, raw: &str) -> Result<Self, FieldError> {
        let s = raw.trim();
        if s.is_empty() {
            return Err(FieldError::new(field, "required"));
        }
        if s.chars().count() > EMAIL_MAX {
            return Err(FieldError::with_limit(field, "too-long", EMAIL_MAX));
        }
        let bad = || FieldError::new(field, "email-invalid");
        let (local, domain) = s.rsplit_once('@').ok_or_else(bad)?;
        let local_ok = !local.is_empty()
            && local.len() <= 64
            && !local.starts_with('.')
            && !local.ends_with('.')
            && !local.contains("..")
            && local.chars().all(|c| c.is_alphanumeric() || "!#$%&'*+-/=?^_`{|}~.".contains(c));
        let labels: Vec<&str> = domain.split('.').collect();
        let domain_ok = labels.len() >= 2
            && labels.iter().all(|l| {
                !l.is_empty()
                    && l.len() <= 63
                    && !l.starts_with('-')
                    && !l.ends_with('-')
                    && l.chars().all(|c| c.is_alphanumeric() || c == '-')
            })
            && labels.last().is_some_and(|tld| tld.chars().all(char::is_alphabetic) && tld.len() >= 2);
        if !(local_ok && domain_ok) {
            return Err(bad());
        }
        Ok(Email(s.to_lowercase()))
    }

    /// Parses the usual `email` form field.
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        Self::parse_field("email", raw)
    }

    /// The address as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Wraps an address read back from storage, which was validated on the way in.
    pub fn from_trusted(s: String) -> Self {
        Email(s)
    }
}

impl std::fmt::Display for Email {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The name a person wants to be shown under.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DisplayName(String);

impl DisplayName {
    /// Parses the `display_name` form field.
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        bounded_text("display_name", raw, 2, NAME_MAX).map(DisplayName)
    }

    /// The name as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A new password that meets the length rules; kept only until it is hashed.
#[derive(Clone)]
pub struct NewPassword(String);

impl NewPassword {
    /// Checks a new password typed into `field`, and that the repeat matches.
    pub fn parse(field: &'static str, raw: &str, repeat: &str) -> Result<Self, FieldError> {
        let n = raw.chars().count();
        if n == 0 {
            return Err(FieldError::new(field, "required"));
        }
        if n < PASSWORD_MIN {
            return Err(FieldError::with_limit(field, "password-too-short", PASSWORD_MIN));
        }
        if n > PASSWORD_MAX {
            return Err(FieldError::with_limit(field, "too-long", PASSWORD_MAX));
        }
        if raw != repeat {
            return Err(FieldError::new("password_repeat", "password-mismatch"));
        }
        Ok(NewPassword(raw.to_owned()))
    }

    /// The password text, for hashing.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NewPassword(***)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn emails() {
        assert_eq!(Email::parse(" Jan.Kowalski@Krakow.PL ").unwrap().as_str(), "jan.kowalski@krakow.pl");
        for bad in [
            "",
            "jan",
            "jan@",
            "@krakow.pl",
            "jan@krakow",
            "jan kowalski@krakow.pl",
            "jan@@krakow.pl",
            "jan@krakow..pl",
            "a..b@krakow.pl",
            "jan@-krakow.pl",
        ] {
            assert!(Email::parse(bad).is_err(), "{bad} accepted");
        }
        let long = format!("{}@krakow.pl", "a".repeat(300));
        assert_eq!(Email::parse(&long).unwrap_err().code, "too-long");
    }

    #[test]
    fn passwords() {
        assert_eq!(NewPassword::parse("password", "short", "short").unwrap_err().code, "password-too-short");
        assert_eq!(
            NewPassword::parse("password", "długie hasło 1", "długie hasło 2").unwrap_err().field,
            "password_repeat"
        );
        assert!(NewPassword::parse("password", "długie hasło 1", "długie hasło 1").is_ok());
    }

    proptest! {
        #[test]
        fn parsed_emails_are_lowercase_and_trimmed(s in "\\PC{0,80}") {
            if let Ok(e) = Email::parse(&s) {
                prop_assert_eq!(e.as_str(), s.trim().to_lowercase());
                prop_assert!(e.as_str().contains('@'));
            }
        }
    }
}
