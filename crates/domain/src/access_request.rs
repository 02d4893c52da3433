//! Requests for an accessible alternative of a page or document, which a public body must
//! answer within seven days (the Polish digital accessibility act, art. 18).

use crate::account::Email;
use crate::validation::{FieldError, Invalid, bounded_text, optional_text};
use chrono::{DateTime, Duration, Utc};

/// Days the city has to meet or answer a request.
pub const DEADLINE_DAYS: i64 = 7;
/// Longest "what" (an address or a document's title) accepted.
pub const SUBJECT_MAX: usize = 500;
/// Longest description of the need accepted.
pub const DETAILS_MAX: usize = 2000;
/// Longest name accepted.
pub const NAME_MAX: usize = 200;
/// Longest staff note accepted.
pub const NOTE_MAX: usize = 4000;

text_enum! {
    /// The form the person needs the content in.
    pub enum Format {
        /// A document screen readers can read (tagged PDF, DOCX, ODT).
        AccessibleDocument = "accessible_document",
        /// Easy-to-read text (tekst łatwy do czytania, ETR).
        EasyRead = "easy_read",
        /// A video in Polish Sign Language (PJM).
        SignLanguage = "sign_language",
        /// Large print.
        LargePrint = "large_print",
        Braille = "braille",
        /// An audio recording.
        Audio = "audio",
        /// Something else, described in the details.
        Other = "other",
    }
}

/// How the city can reach the person: an e-mail address or a phone number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Contact {
    /// An e-mail address; a copy of the request goes there.
    Email(Email),
    /// A phone number as typed (digits, spaces, +, - and brackets).
    Phone(String),
}

impl Contact {
    /// Parses the `contact` field: anything with an `@` must be an e-mail address,
    /// anything else a phone number with 9 to 15 digits.
    pub fn parse(raw: &str) -> Result<Contact, FieldError> {
        let s = bounded_text("contact", raw, 1, 254)?;
        if s.contains('@') {
            return Email::parse_field("contact", &s).map(Contact::Email);
        }
        let digits = s.chars().filter(char::is_ascii_digit).count();
        if s.chars().all(|c| c.is_ascii_digit() || " +-()".contains(c)) && (9..=15).contains(&digits) {
            Ok(Contact::Phone(s))
        } else {
            Err(FieldError::new("contact", "contact-invalid"))
        }
    }

    /// The contact as stored and shown.
    pub fn as_str(&self) -> &str {
        match self {
            Contact::Email(e) => e.as_str(),
            Contact::Phone(p) => p,
        }
    }

    /// The e-mail address, when the contact is one.
    pub fn email(&self) -> Option<&Email> {
        match self {
            Contact::Email(e) => Some(e),
            Contact::Phone(_) => None,
        }
    }
}

/// A validated request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccessRequestInput {
    /// The page's address or the document's title.
    pub subject: String,
    /// The format needed.
    pub format: Format,
    /// What exactly is needed; required for [`Format::Other`].
    pub details: Option<String>,
    /// How to reach the person.
    pub contact: Contact,
    /// The person's name, if given.
    pub name: Option<String>,
}

impl AccessRequestInput {
    /// Checks the submitted fields, collecting every problem at once.
    pub fn parse(subject: &str, format: &str, details: &str, contact: &str, name: &str) -> Result<Self, Invalid> {
        let mut inv = Invalid::default();
        let subject = inv.check(bounded_text("subject", subject, 3, SUBJECT_MAX));
        let format = inv.check(Format::parse(format).ok_or(FieldError::new("format", "format-required")));
        let details = inv.check(optional_text("details", details, DETAILS_MAX)).flatten();
        if format == Some(Format::Other) && details.is_none() && !inv.0.iter().any(|e| e.field == "details") {
            inv.push(FieldError::new("details", "format-other-details"));
        }
        let contact = inv.check(Contact::parse(contact));
        let name = inv.check(optional_text("name", name, NAME_MAX)).flatten();
        match (subject, format, contact, inv.is_empty()) {
            (Some(subject), Some(format), Some(contact), true) => {
                Ok(AccessRequestInput { subject, format, details, contact, name })
            }
            _ => Err(inv),
        }
    }
}

/// When a request received at `received` must be met or answered.
pub fn due(received: DateTime<Utc>) -> DateTime<Utc> {
    received + Duration::days(DEADLINE_DAYS)
}

/// Checks the address of the site's sign-language video: empty, or a whole `https://` address.
pub fn video_url(raw: &str) -> Result<Option<String>, FieldError> {
    match optional_text("video_url", raw, 500)? {
        Some(u) if !u.starts_with("https://") || u.len() == "https://".len() || u.chars().any(char::is_whitespace) => {
            Err(FieldError::new("video_url", "url-invalid"))
        }
        u => Ok(u),
    }
}

/// The slug of a consultation the subject points at (`/konsultacje/<slug>` anywhere in it),
/// so that the request reaches the consultation's organisers.
pub fn consultation_slug(subject: &str) -> Option<&str> {
    let at = subject.find("/konsultacje/")? + "/konsultacje/".len();
    let rest = &subject[at..];
    let end = rest.find(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')).unwrap_or(rest.len());
    let slug = &rest[..end];
    (slug.len() >= 3).then_some(slug)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn contact_is_an_email_or_a_phone_number() {
        assert_eq!(
            Contact::parse(" Anna@Example.PL ").unwrap(),
            Contact::Email(Email::parse("anna@example.pl").unwrap())
        );
        assert_eq!(Contact::parse("+48 12 616 12 00").unwrap(), Contact::Phone("+48 12 616 12 00".into()));
        assert_eq!(Contact::parse("").unwrap_err().code, "required");
        assert_eq!(Contact::parse("anna@").unwrap_err().code, "email-invalid");
        assert_eq!(Contact::parse("12 34").unwrap_err().code, "contact-invalid");
        assert_eq!(Contact::parse("zadzwońcie").unwrap_err().code, "contact-invalid");
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let inv = AccessRequestInput::parse("", "fax", "", "x", "").unwrap_err();
        let fields: Vec<_> = inv.0.iter().map(|e| (e.field, e.code)).collect();
        assert_eq!(
            fields,
            vec![("subject", "required"), ("format", "format-required"), ("contact", "contact-invalid")]
        );
        let inv = AccessRequestInput::parse("Raport z konsultacji", "other", " ", "anna@example.pl", "").unwrap_err();
        assert_eq!(inv.0[0].code, "format-other-details");
        let ok = AccessRequestInput::parse(" /konsultacje/park ", "easy_read", "", "600 100 200", " Anna ").unwrap();
        assert_eq!(
            (ok.subject.as_str(), ok.format, ok.name.as_deref()),
            ("/konsultacje/park", Format::EasyRead, Some("Anna"))
        );
    }

    #[test]
    fn the_deadline_is_seven_days_after_receipt() {
        let received = Utc.with_ymd_and_hms(2026, 11, 2, 10, 0, 0).unwrap();
        assert_eq!(due(received), Utc.with_ymd_and_hms(2026, 11, 9, 10, 0, 0).unwrap());
    }

    #[test]
    fn the_video_address_is_https_or_nothing() {
        assert_eq!(video_url(" ").unwrap(), None);
        assert_eq!(
            video_url("https://video.example.org/pjm").unwrap().as_deref(),
            Some("https://video.example.org/pjm")
        );
        for bad in ["http://video.example.org", "https://", "youtube.com/x", "https://a b"] {
            assert_eq!(video_url(bad).unwrap_err().code, "url-invalid", "{bad}");
        }
    }

    #[test]
    fn a_consultation_address_is_recognised_in_the_subject() {
        assert_eq!(
            consultation_slug("https://dialog.krakow.pl/konsultacje/park-rzeczny-wilga/uwagi"),
            Some("park-rzeczny-wilga")
        );
        assert_eq!(consultation_slug("/konsultacje/park?x=1"), Some("park"));
        assert_eq!(consultation_slug("/konsultacje"), None);
        assert_eq!(consultation_slug("Sprawozdanie roczne"), None);
    }
}
