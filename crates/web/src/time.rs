//! Times: stored in UTC, shown and typed in Europe/Warsaw.

use crate::i18n::{Arg, Lang};
use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, TimeZone, Timelike, Utc};
use chrono_tz::Europe::Warsaw;

/// Parses a `datetime-local` value ("2027-01-17T18:00") typed in Warsaw time.
pub fn parse_local(raw: &str) -> Option<DateTime<Utc>> {
    let raw = raw.trim();
    let naive = NaiveDateTime::parse_from_str(raw, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(raw, "%Y-%m-%dT%H:%M:%S"))
        .or_else(|_| NaiveDateTime::parse_from_str(raw, "%Y-%m-%d %H:%M"))
        .ok()
        .filter(|n| agora_domain::validation::sane_year(n.year()))?;
    // In the autumn hour that happens twice the earlier one is meant; in the spring gap the
    // time does not exist and is refused.
    Warsaw.from_local_datetime(&naive).earliest().map(|t| t.with_timezone(&Utc))
}

/// Parses a `date` value ("2027-01-17").
pub fn parse_date(raw: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d").ok().filter(|d| agora_domain::validation::sane_year(d.year()))
}

/// The last second of Warsaw calendar day `d`, for a deadline "until that day" kept as an
/// instant; `None` only for a day the calendar cannot place.
pub fn end_of_day(d: NaiveDate) -> Option<DateTime<Utc>> {
    let last = d.and_hms_opt(23, 59, 59)?;
    Warsaw.from_local_datetime(&last).latest().map(|t| t.with_timezone(&Utc))
}

/// The first instant of Warsaw calendar day `d`; `None` only for a day the calendar cannot place.
pub fn start_of_day(d: NaiveDate) -> Option<DateTime<Utc>> {
    Warsaw.from_local_datetime(&d.and_hms_opt(0, 0, 0)?).earliest().map(|t| t.with_timezone(&Utc))
}

/// The value for a `datetime-local` input.
pub fn input_value(t: DateTime<Utc>) -> String {
    t.with_timezone(&Warsaw).format("%Y-%m-%dT%H:%M").to_string()
}

/// "17 stycznia 2027" / "17 January 2027".
pub fn day(lang: Lang, d: NaiveDate) -> String {
    format!("{} {} {}", d.day(), lang.t(&format!("month-{}", d.month())), d.year())
}

/// "17 stycznia 2027, 18:00".
pub fn day_time(lang: Lang, t: DateTime<Utc>) -> String {
    let local = t.with_timezone(&Warsaw);
    format!("{}, {:02}:{:02}", day(lang, local.date_naive()), local.hour(), local.minute())
}

/// When something lasts: "17 stycznia 2027, 18:00–20:00" within a day, both ends in full
/// when it spans days ("1 lutego 2027, 09:00 – 28 lutego 2027, 17:00").
pub fn span(lang: Lang, start: DateTime<Utc>, end: DateTime<Utc>) -> String {
    if local_date(start) == local_date(end) {
        format!("{}–{}", day_time(lang, start), clock(end))
    } else {
        format!("{} – {}", day_time(lang, start), day_time(lang, end))
    }
}

/// "18:00".
pub fn clock(t: DateTime<Utc>) -> String {
    t.with_timezone(&Warsaw).format("%H:%M").to_string()
}

/// The Warsaw calendar date of an instant.
pub fn local_date(t: DateTime<Utc>) -> NaiveDate {
    t.with_timezone(&Warsaw).date_naive()
}

/// Whole Warsaw calendar days from `now` until `t` (0 on the same day).
pub fn days_until(now: DateTime<Utc>, t: DateTime<Utc>) -> i64 {
    (local_date(t) - local_date(now)).num_days()
}

/// The first instant of a Warsaw calendar year and of the next, for "opened in year N".
pub fn year_bounds(year: i32) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
    let start = |y: i32| Warsaw.with_ymd_and_hms(y, 1, 1, 0, 0, 0).single().map(|t| t.with_timezone(&Utc));
    Some((start(year)?, start(year.checked_add(1)?)?))
}

/// "zostało 5 dni" with the right plural.
pub fn days_left(lang: Lang, days: i64) -> String {
    lang.t_args("days-left", &[("count", Arg::Num(days))])
}

/// Formats a time in Warsaw's zone for people.
pub fn local_time(t: chrono::DateTime<chrono::Utc>) -> String {
    t.with_timezone(&chrono_tz::Europe::Warsaw).format("%d.%m.%Y %H:%M").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn warsaw_wall_time_round_trips_in_summer_and_winter() {
        let summer = parse_local("2026-06-10T18:00").unwrap();
        assert_eq!(summer.to_rfc3339(), "2026-06-10T16:00:00+00:00");
        let winter = parse_local("2026-01-15T18:00").unwrap();
        assert_eq!(winter.to_rfc3339(), "2026-01-15T17:00:00+00:00");
        assert_eq!(input_value(winter), "2026-01-15T18:00");
        assert!(parse_local("2026-03-29T02:30").is_none(), "a time the spring change skips");
        assert!(parse_local("jutro").is_none());
        assert_eq!(day_time(Lang::Pl, winter), "15 stycznia 2026, 18:00");
        assert_eq!(day_time(Lang::En, summer), "10 June 2026, 18:00");
        let evening = parse_local("2026-06-10T20:00").unwrap();
        assert_eq!(span(Lang::Pl, summer, evening), "10 czerwca 2026, 18:00–20:00");
        let weeks = parse_local("2026-07-08T17:00").unwrap();
        assert_eq!(span(Lang::Pl, summer, weeks), "10 czerwca 2026, 18:00 – 8 lipca 2026, 17:00");
    }

    #[test]
    fn days_left_counts_calendar_days_in_warsaw() {
        let now = parse_local("2027-01-12T23:30").unwrap();
        let close = parse_local("2027-01-17T00:10").unwrap();
        assert_eq!(days_until(now, close), 5);
        assert_eq!(days_left(Lang::Pl, 5), "zostało 5 dni");
        assert_eq!(days_left(Lang::Pl, 2), "zostały 2 dni");
        assert_eq!(days_left(Lang::Pl, 1), "został 1 dzień");
        assert_eq!(days_left(Lang::Pl, 0), "ostatni dzień");
    }

    #[test]
    fn a_deadline_day_ends_at_midnight_in_warsaw() {
        let d = NaiveDate::from_ymd_opt(2027, 1, 17).unwrap();
        let end = end_of_day(d).unwrap();
        assert_eq!(end.to_rfc3339(), "2027-01-17T22:59:59+00:00");
        assert_eq!(local_date(end), d);
    }
}
