//! iCalendar (RFC 5545) feeds, so residents can subscribe to consultation dates.

use chrono::{DateTime, TimeZone, Utc};
use chrono_tz::Europe::Warsaw;

/// RFC 5545 §3.1 counts octets, so a line of Polish text folds sooner than its char count suggests.
const MAX_LINE_OCTETS: usize = 75;

/// The only zone Agora publishes in; it matches the VTIMEZONE block below.
const TZID: &str = "Europe/Warsaw";

/// RFC 5545 requires a definition for every TZID used; the 1970 onsets are the last
/// Sundays of October and March, because DTSTART must itself match the RRULE.
const VTIMEZONE: &[&str] = &[
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Warsaw",
    "BEGIN:STANDARD",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "END:STANDARD",
    "BEGIN:DAYLIGHT",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "END:DAYLIGHT",
    "END:VTIMEZONE",
];

/// One event for a calendar feed.
pub struct IcalEvent<'a> {
    /// Globally unique and stable across exports, e.g. "event-42@agora".
    pub uid: &'a str,
    /// When the event begins.
    pub start: DateTime<Utc>,
    /// When the event ends; not after `start` means the event has no duration.
    pub end: DateTime<Utc>,
    /// Short title; always written, even when empty.
    pub summary: &'a str,
    /// Longer text; omitted when empty.
    pub description: &'a str,
    /// Where it takes place; omitted when empty.
    pub location: &'a str,
    /// Absolute address of the event's page; omitted when empty.
    pub url: &'a str,
    /// Last change of the event; used for DTSTAMP and LAST-MODIFIED.
    pub updated: DateTime<Utc>,
}

/// A whole calendar: `name` becomes X-WR-CALNAME.
pub fn calendar(name: &str, events: &[IcalEvent<'_>]) -> String {
    let mut out = String::with_capacity(1024 + events.len() * 512);
    for line in
        ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Agora//Konsultacje//PL", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
    {
        push_line(&mut out, line);
    }
    push_line(&mut out, &format!("X-WR-CALNAME:{}", escape_text(name)));
    push_line(&mut out, &format!("X-WR-TIMEZONE:{TZID}"));
    for line in VTIMEZONE {
        push_line(&mut out, line);
    }
    for event in events {
        push_event(&mut out, event);
    }
    push_line(&mut out, "END:VCALENDAR");
    out
}

fn push_event(out: &mut String, e: &IcalEvent<'_>) {
    push_line(out, "BEGIN:VEVENT");
    push_line(out, &format!("UID:{}", escape_text(e.uid)));
    // Derived from `updated` rather than the clock so that an unchanged calendar
    // renders byte-for-byte the same and HTTP caching keeps working.
    push_line(out, &format!("DTSTAMP:{}", utc_stamp(e.updated)));
    push_line(out, &format!("DTSTART{}", local_value(e.start)));
    // RFC 5545 requires DTEND to be strictly later; without it the event lasts zero time.
    if e.end > e.start {
        push_line(out, &format!("DTEND{}", local_value(e.end)));
    }
    push_line(out, &format!("SUMMARY:{}", escape_text(e.summary)));
    if !e.description.is_empty() {
        push_line(out, &format!("DESCRIPTION:{}", escape_text(e.description)));
    }
    if !e.location.is_empty() {
        push_line(out, &format!("LOCATION:{}", escape_text(e.location)));
    }
    if !e.url.is_empty() {
        // URL is a URI value, not TEXT: commas and semicolons in it must stay unescaped.
        push_line(out, &format!("URL:{}", strip_controls(e.url)));
    }
    push_line(out, &format!("LAST-MODIFIED:{}", utc_stamp(e.updated)));
    push_line(out, "END:VEVENT");
}

fn utc_stamp(t: DateTime<Utc>) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

/// The `;TZID=…:value` or `:value` part of a date-time property.
fn local_value(t: DateTime<Utc>) -> String {
    let wall = t.with_timezone(&Warsaw).naive_local();
    // In the October fall-back hour a wall time occurs twice and readers take the
    // first occurrence (RFC 5545 §3.3.5), so the second one must be given in UTC.
    if Warsaw.from_local_datetime(&wall).earliest().map(|d| d.with_timezone(&Utc)) == Some(t) {
        format!(";TZID={TZID}:{}", wall.format("%Y%m%dT%H%M%S"))
    } else {
        format!(":{}", utc_stamp(t))
    }
}

/// Escapes a TEXT value per RFC 5545 §3.3.11.
fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                // Text from web forms arrives with CRLF; one line break, not two.
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            // Other control characters are not allowed in TEXT and would corrupt the line.
            c if c.is_ascii_control() && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

fn strip_controls(s: &str) -> String {
    s.chars().filter(|c| !c.is_ascii_control()).collect()
}

/// Appends one content line with CRLF, folding at octet limits on char boundaries.
fn push_line(out: &mut String, line: &str) {
    let mut rest = line;
    let mut limit = MAX_LINE_OCTETS;
    loop {
        if rest.len() <= limit {
            out.push_str(rest);
            out.push_str("\r\n");
            return;
        }
        let mut cut = limit;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        out.push_str(&rest[..cut]);
        out.push_str("\r\n ");
        rest = &rest[cut..];
        // The leading space of a continuation line counts towards its 75 octets.
        limit = MAX_LINE_OCTETS - 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Datelike, Duration, NaiveDate, Offset, Weekday};

    fn at(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
    }

    fn event<'a>(start: DateTime<Utc>, summary: &'a str) -> IcalEvent<'a> {
        IcalEvent {
            uid: "event-42@agora",
            start,
            end: start + Duration::hours(2),
            summary,
            description: "",
            location: "",
            url: "",
            updated: at(2026, 5, 1, 8, 30),
        }
    }

    /// Physical lines, checked byte by byte so a split UTF-8 sequence would be caught.
    fn physical_lines(ics: &str) -> Vec<&str> {
        let bytes = ics.as_bytes();
        let (mut lines, mut start, mut i) = (Vec::new(), 0, 0);
        while i < bytes.len() {
            match bytes[i] {
                b'\r' => {
                    assert_eq!(bytes.get(i + 1), Some(&b'\n'), "bare CR at {i}");
                    let line = std::str::from_utf8(&bytes[start..i]);
                    lines.push(line.expect("each physical line is valid UTF-8"));
                    i += 2;
                    start = i;
                }
                b'\n' => panic!("bare LF at {i}"),
                _ => i += 1,
            }
        }
        assert_eq!(start, bytes.len(), "output ends with CRLF");
        lines
    }

    fn unfold(ics: &str) -> String {
        ics.replace("\r\n ", "")
    }

    #[test]
    fn full_output_for_one_event() {
        let e = IcalEvent {
            uid: "event-42@agora",
            start: at(2026, 6, 10, 16, 0),
            end: at(2026, 6, 10, 18, 0),
            summary: "Spotkanie w sprawie parku",
            description: "Zapraszamy, mieszkańcy",
            location: "Urząd Miasta; sala 5",
            url: "https://agora.example/k/12?a=1,2",
            updated: at(2026, 5, 1, 8, 30),
        };
        let expected = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Agora//Konsultacje//PL",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:Konsultacje\\, Kraków",
            "X-WR-TIMEZONE:Europe/Warsaw",
            "BEGIN:VTIMEZONE",
            "TZID:Europe/Warsaw",
            "BEGIN:STANDARD",
            "DTSTART:19701025T030000",
            "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
            "TZOFFSETFROM:+0200",
            "TZOFFSETTO:+0100",
            "TZNAME:CET",
            "END:STANDARD",
            "BEGIN:DAYLIGHT",
            "DTSTART:19700329T020000",
            "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
            "TZOFFSETFROM:+0100",
            "TZOFFSETTO:+0200",
            "TZNAME:CEST",
            "END:DAYLIGHT",
            "END:VTIMEZONE",
            "BEGIN:VEVENT",
            "UID:event-42@agora",
            "DTSTAMP:20260501T083000Z",
            "DTSTART;TZID=Europe/Warsaw:20260610T180000",
            "DTEND;TZID=Europe/Warsaw:20260610T200000",
            "SUMMARY:Spotkanie w sprawie parku",
            "DESCRIPTION:Zapraszamy\\, mieszkańcy",
            "LOCATION:Urząd Miasta\\; sala 5",
            "URL:https://agora.example/k/12?a=1,2",
            "LAST-MODIFIED:20260501T083000Z",
            "END:VEVENT",
            "END:VCALENDAR",
            "",
        ]
        .join("\r\n");
        assert_eq!(calendar("Konsultacje, Kraków", &[e]), expected);
    }

    #[test]
    fn summer_time_is_utc_plus_two() {
        let ics = calendar("K", &[event(at(2026, 6, 10, 16, 0), "Lato")]);
        assert!(ics.contains("\r\nDTSTART;TZID=Europe/Warsaw:20260610T180000\r\n"));
        assert!(ics.contains("\r\nDTEND;TZID=Europe/Warsaw:20260610T200000\r\n"));
    }

    #[test]
    fn winter_time_is_utc_plus_one() {
        let ics = calendar("K", &[event(at(2026, 1, 15, 17, 0), "Zima")]);
        assert!(ics.contains("\r\nDTSTART;TZID=Europe/Warsaw:20260115T180000\r\n"));
        assert!(ics.contains("\r\nDTEND;TZID=Europe/Warsaw:20260115T200000\r\n"));
    }

    #[test]
    fn repeated_fall_back_hour_is_written_in_utc() {
        // 2026-10-25 00:30 UTC is 02:30 CEST, the first 02:30; 01:30 UTC is the second.
        let first = calendar("K", &[event(at(2026, 10, 25, 0, 30), "A")]);
        assert!(first.contains("\r\nDTSTART;TZID=Europe/Warsaw:20261025T023000\r\n"));
        let second = calendar("K", &[event(at(2026, 10, 25, 1, 30), "B")]);
        assert!(second.contains("\r\nDTSTART:20261025T013000Z\r\n"));
    }

    #[test]
    fn vtimezone_rules_match_tzdata() {
        fn last_sunday(year: i32, month: u32) -> NaiveDate {
            let mut d = NaiveDate::from_ymd_opt(year, month + 1, 1).unwrap().pred_opt().unwrap();
            while d.weekday() != Weekday::Sun {
                d = d.pred_opt().unwrap();
            }
            d
        }
        let offset = |t: DateTime<Utc>| t.with_timezone(&Warsaw).offset().fix().local_minus_utc();
        for year in 2000..2040 {
            // Both switches happen at 01:00 UTC: 02:00 CET in March, 03:00 CEST in October.
            for (month, before, after) in [(3, 3600, 7200), (10, 7200, 3600)] {
                let switch = last_sunday(year, month).and_hms_opt(1, 0, 0).unwrap().and_utc();
                assert_eq!(offset(switch - Duration::seconds(1)), before, "{year}-{month}");
                assert_eq!(offset(switch), after, "{year}-{month}");
            }
        }
        assert_eq!(last_sunday(1970, 3), NaiveDate::from_ymd_opt(1970, 3, 29).unwrap());
        assert_eq!(last_sunday(1970, 10), NaiveDate::from_ymd_opt(1970, 10, 25).unwrap());
    }

    #[test]
    fn escapes_text_values() {
        assert_eq!(escape_text("a, b; c\nd"), "a\\, b\\; c\\nd");
        assert_eq!(escape_text("C:\\dir\r\nx\u{7}y\tz"), "C:\\\\dir\\nxy\tz");
        let mut e = event(at(2026, 1, 15, 17, 0), "a, b; c\nd");
        e.description = "a, b; c\nd";
        e.location = "a, b; c\nd";
        let ics = calendar("K", &[e]);
        assert!(ics.contains("\r\nSUMMARY:a\\, b\\; c\\nd\r\n"));
        assert!(ics.contains("\r\nDESCRIPTION:a\\, b\\; c\\nd\r\n"));
        assert!(ics.contains("\r\nLOCATION:a\\, b\\; c\\nd\r\n"));
    }

    #[test]
    fn empty_optional_properties_are_omitted() {
        let ics = calendar("K", &[event(at(2026, 1, 15, 17, 0), "")]);
        assert!(ics.contains("\r\nSUMMARY:\r\n"));
        for name in ["DESCRIPTION", "LOCATION", "URL"] {
            assert!(!ics.contains(&format!("\r\n{name}:")), "{name}");
        }
    }

    #[test]
    fn event_without_duration_has_no_dtend() {
        let mut e = event(at(2026, 1, 15, 17, 0), "x");
        e.end = e.start;
        assert!(!calendar("K", &[e]).contains("DTEND"));
    }

    #[test]
    fn folds_long_polish_lines_by_octets() {
        let summary: String = "Zażółć gęślą jaźń, ".chars().cycle().take(200).collect();
        assert_eq!(summary.chars().count(), 200);
        let ics = calendar("K", &[event(at(2026, 1, 15, 17, 0), &summary)]);
        let lines = physical_lines(&ics);
        for line in &lines {
            assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
        }
        let folded = lines.iter().filter(|l| l.starts_with(' ')).count();
        assert!(folded >= 3, "a 200-char Polish summary spans several lines");
        assert!(unfold(&ics).contains(&format!("\r\nSUMMARY:{}\r\n", escape_text(&summary))));
    }

    #[test]
    fn folding_fills_lines_exactly() {
        let mut out = String::new();
        push_line(&mut out, &"x".repeat(75 + 74 + 1));
        assert_eq!(out, format!("{}\r\n {}\r\n x\r\n", "x".repeat(75), "x".repeat(74)));
        let mut out = String::new();
        // 74 ASCII octets then "ż": the 2-byte char would straddle octet 75, so it moves down.
        push_line(&mut out, &format!("{}żx", "y".repeat(74)));
        assert_eq!(out, format!("{}\r\n żx\r\n", "y".repeat(74)));
    }

    #[test]
    fn framing_and_line_endings() {
        let ics = calendar("K", &[event(at(2026, 6, 10, 16, 0), "a\nb"), event(at(2026, 1, 15, 17, 0), "c")]);
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"));
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        // Panics on any bare CR or LF.
        physical_lines(&ics);
        assert_eq!(ics.matches("\r\nBEGIN:VEVENT\r\n").count(), 2);
        assert_eq!(ics.matches("\r\nEND:VEVENT\r\n").count(), 2);
    }
}
