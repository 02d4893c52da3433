//! The programme of a consultation: schedule steps, methods and events, validated.

use crate::consultation::MethodKind;
use crate::validation::{FieldError, Invalid, bounded_text, optional_text};
use chrono::{DateTime, NaiveDate, Utc};

/// Longest title of a step or event.
pub const TITLE_MAX: usize = 200;
/// Longest description of a step, method or event.
pub const TEXT_MAX: usize = 5_000;
/// Longest short field (address, room, phone, hours).
pub const SHORT_MAX: usize = 300;

/// A moment the handler read from a form field: missing, unreadable or the moment.
pub(crate) fn date_field(
    field: &'static str,
    raw: &str,
    parsed: Option<DateTime<Utc>>,
) -> Result<DateTime<Utc>, FieldError> {
    parsed.ok_or_else(|| FieldError::new(field, if raw.trim().is_empty() { "required" } else { "date-invalid" }))
}

/// An optional web address; only plain http(s) links, so no script can hide in one.
pub(crate) fn optional_url(field: &'static str, raw: &str) -> Result<Option<String>, FieldError> {
    let url = optional_text(field, raw, 500)?;
    match &url {
        Some(u) if !(u.starts_with("https://") || u.starts_with("http://")) || u.contains(char::is_whitespace) => {
            Err(FieldError::new(field, "url-invalid"))
        }
        _ => Ok(url),
    }
}

/// A validated schedule step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepInput {
    /// What happens.
    pub title: String,
    /// First day.
    pub starts_on: NaiveDate,
    /// Last day.
    pub ends_on: Option<NaiveDate>,
    pub description: String,
}

impl StepInput {
    /// Parses the step form; the web layer has parsed the `date` fields.
    pub fn parse(
        title: &str,
        starts_raw: &str,
        starts_on: Option<NaiveDate>,
        ends_raw: &str,
        ends_on: Option<NaiveDate>,
        description: &str,
    ) -> Result<Self, Invalid> {
        let mut inv = Invalid::default();
        let title = inv.check(bounded_text("step_title", title, 2, TITLE_MAX));
        let starts = inv.check(starts_on.ok_or_else(|| {
            FieldError::new("step_starts_on", if starts_raw.trim().is_empty() { "required" } else { "date-invalid" })
        }));
        if !ends_raw.trim().is_empty() && ends_on.is_none() {
            inv.push(FieldError::new("step_ends_on", "date-invalid"));
        }
        if let (Some(s), Some(e)) = (starts, ends_on)
            && e < s
        {
            inv.push(FieldError::new("step_ends_on", "ends-before-starts"));
        }
        let description = inv.check(bounded_text("step_description", description, 0, TEXT_MAX));
        match (title, starts, description) {
            (Some(title), Some(starts_on), Some(description)) if inv.is_empty() => {
                Ok(StepInput { title, starts_on, ends_on, description })
            }
            _ => Err(inv),
        }
    }
}

/// A validated method.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MethodInput {
    pub kind: MethodKind,
    /// How it works here.
    pub description: String,
    /// Where to send or go.
    pub channel_address: Option<String>,
    /// Its own deadline.
    pub deadline: Option<DateTime<Utc>>,
}

impl MethodInput {
    /// Parses the method form.
    pub fn parse(
        kind: &str,
        description: &str,
        channel_address: &str,
        deadline_raw: &str,
        deadline: Option<DateTime<Utc>>,
    ) -> Result<Self, Invalid> {
        let mut inv = Invalid::default();
        let kind = inv.check(MethodKind::parse(kind).ok_or(FieldError::new("method_kind", "choice-invalid")));
        let description = inv.check(bounded_text("method_description", description, 0, TEXT_MAX));
        let channel_address = inv.check(optional_text("method_address", channel_address, SHORT_MAX));
        if !deadline_raw.trim().is_empty() && deadline.is_none() {
            inv.push(FieldError::new("method_deadline", "date-invalid"));
        }
        match (kind, description, channel_address) {
            (Some(kind), Some(description), Some(channel_address)) if inv.is_empty() => {
                Ok(MethodInput { kind, description, channel_address, deadline })
            }
            _ => Err(inv),
        }
    }
}

/// A validated event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventInput {
    pub kind: MethodKind,
    pub title: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    /// Street address.
    pub address: Option<String>,
    pub room: Option<String>,
    /// Accessibility notes.
    pub accessibility: Option<String>,
    /// Online link.
    pub online_url: Option<String>,
    pub phone: Option<String>,
    /// Opening hours.
    pub opening_hours: Option<String>,
    pub description: String,
}

/// Raw event form values.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct EventForm {
    pub event_kind: String,
    pub event_title: String,
    /// Start as typed.
    pub event_starts_at: String,
    /// End as typed.
    pub event_ends_at: String,
    pub event_address: String,
    pub event_room: String,
    pub event_accessibility: String,
    /// Online link.
    pub event_online_url: String,
    pub event_phone: String,
    /// Opening hours.
    pub event_opening_hours: String,
    pub event_description: String,
}

impl EventInput {
    /// Parses the event form; the web layer has parsed the times.
    pub fn parse(
        f: &EventForm,
        starts_at: Option<DateTime<Utc>>,
        ends_at: Option<DateTime<Utc>>,
    ) -> Result<Self, Invalid> {
        let mut inv = Invalid::default();
        let kind = inv.check(MethodKind::parse(&f.event_kind).ok_or(FieldError::new("event_kind", "choice-invalid")));
        let title = inv.check(bounded_text("event_title", &f.event_title, 2, TITLE_MAX));
        let starts = inv.check(date_field("event_starts_at", &f.event_starts_at, starts_at));
        let ends = inv.check(date_field("event_ends_at", &f.event_ends_at, ends_at));
        if let (Some(s), Some(e)) = (starts, ends)
            && e <= s
        {
            inv.push(FieldError::new("event_ends_at", "ends-before-starts"));
        }
        let address = inv.check(optional_text("event_address", &f.event_address, SHORT_MAX));
        let room = inv.check(optional_text("event_room", &f.event_room, SHORT_MAX));
        let accessibility = inv.check(optional_text("event_accessibility", &f.event_accessibility, TEXT_MAX));
        let online_url = inv.check(optional_url("event_online_url", &f.event_online_url));
        let phone = inv.check(optional_text("event_phone", &f.event_phone, 40));
        let opening_hours = inv.check(optional_text("event_opening_hours", &f.event_opening_hours, SHORT_MAX));
        let description = inv.check(bounded_text("event_description", &f.event_description, 0, TEXT_MAX));
        if let (Some(None), Some(None), Some(None)) = (&address, &online_url, &phone) {
            inv.push(FieldError::new("event_address", "event-place-required"));
        }
        match (kind, title, starts, ends, address, room, accessibility, online_url, phone, opening_hours, description) {
            (
                Some(kind),
                Some(title),
                Some(starts_at),
                Some(ends_at),
                Some(address),
                Some(room),
                Some(accessibility),
                Some(online_url),
                Some(phone),
                Some(opening_hours),
                Some(description),
            ) if inv.is_empty() => Ok(EventInput {
                kind,
                title,
                starts_at,
                ends_at,
                address,
                room,
                accessibility,
                online_url,
                phone,
                opening_hours,
                description,
            }),
            _ => Err(inv),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn events_need_order_and_a_place() {
        let t = |h| Utc.with_ymd_and_hms(2027, 1, 10, h, 0, 0).single();
        let f = EventForm {
            event_kind: "workshop".into(),
            event_title: "Warsztaty".into(),
            event_starts_at: "x".into(),
            event_ends_at: "y".into(),
            ..Default::default()
        };
        let err = EventInput::parse(&f, t(18), t(17)).unwrap_err();
        let codes: Vec<_> = err.0.iter().map(|e| (e.field, e.code)).collect();
        assert_eq!(codes, vec![("event_ends_at", "ends-before-starts"), ("event_address", "event-place-required")]);
        let ok = EventForm { event_address: "ul. Podzamcze 1".into(), ..f };
        assert_eq!(EventInput::parse(&ok, t(17), t(19)).unwrap().kind, MethodKind::Workshop);
        let bad_url = EventForm { event_online_url: "javascript:alert(1)".into(), ..ok };
        assert_eq!(EventInput::parse(&bad_url, t(17), t(19)).unwrap_err().0[0].code, "url-invalid");
    }

    #[test]
    fn steps_end_after_they_start() {
        let d = |day| NaiveDate::from_ymd_opt(2027, 1, day);
        assert!(StepInput::parse("Spotkanie", "a", d(10), "b", d(9), "").is_err());
        assert!(StepInput::parse("Spotkanie", "a", d(10), "", None, "").is_ok());
        assert_eq!(MethodInput::parse("nonsense", "", "", "", None).unwrap_err().0[0].field, "method_kind");
    }
}
