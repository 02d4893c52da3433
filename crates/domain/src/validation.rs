//! Field-level validation errors that the web layer turns into translated messages.

use serde::Serialize;

/// One problem with one form field; `code` names a locale message `error-{code}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    /// The form field the problem belongs to.
    pub field: &'static str,
    /// The message code, e.g. `required` or `too-long`.
    pub code: &'static str,
    /// A number the message may mention (a length limit, a count of days).
    pub limit: Option<usize>,
}

impl FieldError {
    /// A problem without a number in its message.
    pub fn new(field: &'static str, code: &'static str) -> Self {
        Self { field, code, limit: None }
    }

    /// A problem whose message names a limit.
    pub fn with_limit(field: &'static str, code: &'static str, limit: usize) -> Self {
        Self { field, code, limit: Some(limit) }
    }
}

/// All problems found in one submitted form.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Invalid(pub Vec<FieldError>);

impl Invalid {
    /// Records the outcome of parsing one field, keeping the value when it parsed.
    pub fn check<T>(&mut self, result: Result<T, FieldError>) -> Option<T> {
        match result {
            Ok(v) => Some(v),
            Err(e) => {
                self.0.push(e);
                None
            }
        }
    }

    /// Adds a problem found by a rule spanning several fields.
    pub fn push(&mut self, e: FieldError) {
        self.0.push(e);
    }

    /// Whether no problem was found.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `Ok(())` when nothing was found, otherwise the collected problems.
    pub fn into_result(self) -> Result<(), Invalid> {
        if self.0.is_empty() { Ok(()) } else { Err(self) }
    }
}

impl From<FieldError> for Invalid {
    fn from(e: FieldError) -> Self {
        Invalid(vec![e])
    }
}

/// Trims `raw` and checks it holds between `min` and `max` characters.
pub fn bounded_text(field: &'static str, raw: &str, min: usize, max: usize) -> Result<String, FieldError> {
    let s = raw.trim();
    let n = s.chars().count();
    if n == 0 && min > 0 {
        return Err(FieldError::new(field, "required"));
    }
    if n < min {
        return Err(FieldError::with_limit(field, "too-short", min));
    }
    if n > max {
        return Err(FieldError::with_limit(field, "too-long", max));
    }
    if s.chars().any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t') {
        return Err(FieldError::new(field, "control-chars"));
    }
    Ok(s.to_owned())
}

/// Like [`bounded_text`] but an empty value is `None`.
pub fn optional_text(field: &'static str, raw: &str, max: usize) -> Result<Option<String>, FieldError> {
    if raw.trim().is_empty() { Ok(None) } else { bounded_text(field, raw, 1, max).map(Some) }
}

/// A field name made at run time (e.g. `q12` for a survey question) as the `'static` name a
/// [`FieldError`] needs; each distinct name is kept once for the life of the process.
pub fn field_name(name: String) -> &'static str {
    use std::collections::HashSet;
    use std::sync::{Mutex, OnceLock};
    static NAMES: OnceLock<Mutex<HashSet<&'static str>>> = OnceLock::new();
    let mut names = match NAMES.get_or_init(Default::default).lock() {
        Ok(g) => g,
        Err(p) => p.into_inner(),
    };
    if let Some(n) = names.get(name.as_str()) {
        return n;
    }
    let leaked: &'static str = Box::leak(name.into_boxed_str());
    names.insert(leaked);
    leaked
}

/// The years a date typed into any form may fall in: a typo such as 9999 or −2026 would
/// otherwise be stored and acted on (the scheduler opened such a consultation at once).
pub const YEARS: std::ops::RangeInclusive<i32> = 2000..=2099;

/// Whether `year` is in [`YEARS`].
pub fn sane_year(year: i32) -> bool {
    YEARS.contains(&year)
}

/// A date typed into a `date` field: `required` when empty, else it must be a real day in a
/// sane year.
pub fn date_field(field: &'static str, raw: &str) -> Result<chrono::NaiveDate, FieldError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err(FieldError::new(field, "required"));
    }
    chrono::NaiveDate::parse_from_str(raw, "%Y-%m-%d")
        .ok()
        .filter(|d| sane_year(chrono::Datelike::year(d)))
        .ok_or(FieldError::new(field, "date-invalid"))
}

/// Like [`date_field`] but an empty value is `None`.
pub fn optional_date(field: &'static str, raw: &str) -> Result<Option<chrono::NaiveDate>, FieldError> {
    if raw.trim().is_empty() { Ok(None) } else { date_field(field, raw).map(Some) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounded_text_counts_characters_not_bytes() {
        assert_eq!(bounded_text("f", " żółć ", 1, 4).unwrap(), "żółć");
        assert_eq!(bounded_text("f", "żółćż", 1, 4).unwrap_err().code, "too-long");
        assert_eq!(bounded_text("f", "   ", 1, 4).unwrap_err().code, "required");
        assert_eq!(bounded_text("f", "a\u{0}b", 1, 4).unwrap_err().code, "control-chars");
    }
}
