//! The Polish working-day calendar that every deadline the city owes is counted in.
//!
//! Public holidays are those of the act on days free from work (ustawa z dnia 18 stycznia 1951 r.
//! o dniach wolnych od pracy), Christmas Eve included from 2025 on. Two ways of counting are
//! needed: in working days (e.g. "within 14 working days"), and in calendar days where a deadline
//! that ends on a Saturday or a public holiday moves to the next working day, as art. 57 § 4 of
//! the Code of Administrative Procedure has it; the same rule is used for Sundays.

use chrono::{Datelike, Days, NaiveDate, Weekday};

/// Easter Sunday of `year` in the Gregorian calendar (the anonymous Gregorian algorithm),
/// from which the movable holidays follow.
pub fn easter(year: i32) -> NaiveDate {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    // The formula gives March or April and a day within it, so the date always exists.
    NaiveDate::from_ymd_opt(year, month.unsigned_abs(), day.unsigned_abs()).unwrap_or(NaiveDate::MIN)
}

/// A Polish public holiday: its date and its name in Polish and English.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Holiday {
    pub date: NaiveDate,
    pub name_pl: &'static str,
    pub name_en: &'static str,
}

/// The public holidays of `year`, in date order.
pub fn holidays(year: i32) -> Vec<Holiday> {
    let easter = easter(year);
    let after_easter = |days: u64| easter.checked_add_days(Days::new(days)).unwrap_or(easter);
    let fixed = |month: u32, day: u32| NaiveDate::from_ymd_opt(year, month, day).unwrap_or(NaiveDate::MIN);
    let mut list = vec![
        Holiday { date: fixed(1, 1), name_pl: "Nowy Rok", name_en: "New Year's Day" },
        Holiday { date: fixed(1, 6), name_pl: "Święto Trzech Króli", name_en: "Epiphany" },
        Holiday { date: easter, name_pl: "Wielkanoc", name_en: "Easter Sunday" },
        Holiday { date: after_easter(1), name_pl: "Poniedziałek Wielkanocny", name_en: "Easter Monday" },
        Holiday { date: fixed(5, 1), name_pl: "Święto Pracy", name_en: "Labour Day" },
        Holiday { date: fixed(5, 3), name_pl: "Święto Konstytucji 3 Maja", name_en: "Constitution Day" },
        Holiday { date: after_easter(49), name_pl: "Zielone Świątki", name_en: "Pentecost" },
        Holiday { date: after_easter(60), name_pl: "Boże Ciało", name_en: "Corpus Christi" },
        Holiday { date: fixed(8, 15), name_pl: "Wniebowzięcie NMP", name_en: "Assumption Day" },
        Holiday { date: fixed(11, 1), name_pl: "Wszystkich Świętych", name_en: "All Saints' Day" },
        Holiday { date: fixed(11, 11), name_pl: "Narodowe Święto Niepodległości", name_en: "Independence Day" },
        Holiday { date: fixed(12, 25), name_pl: "Boże Narodzenie", name_en: "Christmas Day" },
        Holiday { date: fixed(12, 26), name_pl: "Drugi dzień Bożego Narodzenia", name_en: "Second Day of Christmas" },
    ];
    if year >= 2025 {
        list.push(Holiday { date: fixed(12, 24), name_pl: "Wigilia Bożego Narodzenia", name_en: "Christmas Eve" });
    }
    list.sort_by_key(|h| h.date);
    list
}

/// The holiday on `date`, if it is one.
pub fn holiday(date: NaiveDate) -> Option<Holiday> {
    holidays(date.year()).into_iter().find(|h| h.date == date)
}

/// Whether offices work on `date`: Monday to Friday and not a public holiday.
pub fn is_working_day(date: NaiveDate) -> bool {
    !matches!(date.weekday(), Weekday::Sat | Weekday::Sun) && holiday(date).is_none()
}

/// The first working day on or after `date`.
pub fn next_working_day(date: NaiveDate) -> NaiveDate {
    let mut d = date;
    while !is_working_day(d) {
        match d.succ_opt() {
            Some(next) => d = next,
            None => break,
        }
    }
    d
}

/// The last day of a period of `n` working days that starts the day after `from` (the day of
/// the event that starts it is not counted). With `n` = 0 it is `from` itself.
pub fn add_working_days(from: NaiveDate, n: u32) -> NaiveDate {
    let mut d = from;
    let mut left = n;
    while left > 0 {
        match d.succ_opt() {
            Some(next) => d = next,
            None => break,
        }
        if is_working_day(d) {
            left -= 1;
        }
    }
    d
}

/// The last day of a period of `n` calendar days that starts the day after `from`, moved to the
/// next working day when it falls on a day off (art. 57 § 1 and § 4 of the Code of
/// Administrative Procedure).
pub fn add_days_to_working_day(from: NaiveDate, n: u32) -> NaiveDate {
    next_working_day(from.checked_add_days(Days::new(n.into())).unwrap_or(from))
}

/// How a deadline is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    /// Working days, not counting weekends and public holidays.
    WorkingDays(u32),
    /// Calendar days; an end on a day off moves to the next working day.
    Days(u32),
}

impl Period {
    /// The last day of the period for an event on `from`.
    pub fn due(self, from: NaiveDate) -> NaiveDate {
        match self {
            Period::WorkingDays(n) => add_working_days(from, n),
            Period::Days(n) => add_days_to_working_day(from, n),
        }
    }
}

/// Working days after `due` up to and including `today`: how late a deadline is (0 while it
/// has not passed).
pub fn working_days_overdue(due: NaiveDate, today: NaiveDate) -> u32 {
    if today <= due {
        return 0;
    }
    let mut n = 0;
    let mut d = due;
    while d < today {
        match d.succ_opt() {
            Some(next) => d = next,
            None => break,
        }
        if is_working_day(d) {
            n += 1;
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn easter_falls_on_the_known_sundays() {
        for (y, m, d) in [
            (2000, 4, 23),
            (2008, 3, 23),
            (2019, 4, 21),
            (2024, 3, 31),
            (2025, 4, 20),
            (2026, 4, 5),
            (2027, 3, 28),
            (2038, 4, 25),
        ] {
            assert_eq!(easter(y), day(y, m, d), "{y}");
        }
    }

    #[test]
    fn the_movable_holidays_follow_easter() {
        let names: Vec<_> = holidays(2026).iter().map(|h| (h.date, h.name_pl)).collect();
        assert!(names.contains(&(day(2026, 4, 6), "Poniedziałek Wielkanocny")));
        assert!(names.contains(&(day(2026, 5, 24), "Zielone Świątki")));
        assert!(names.contains(&(day(2026, 6, 4), "Boże Ciało")));
        assert_eq!(holidays(2026).len(), 14, "thirteen of old and Christmas Eve since 2025");
        assert_eq!(holidays(2024).len(), 13);
        assert!(holiday(day(2024, 12, 24)).is_none());
        assert_eq!(holiday(day(2025, 12, 24)).map(|h| h.name_en), Some("Christmas Eve"));
    }

    #[test]
    fn weekends_and_holidays_are_not_working_days() {
        assert!(is_working_day(day(2026, 12, 4)), "a Friday");
        assert!(!is_working_day(day(2026, 12, 5)), "a Saturday");
        assert!(!is_working_day(day(2026, 11, 11)), "Independence Day, a Wednesday");
        assert!(!is_working_day(day(2026, 6, 4)), "Corpus Christi");
        assert_eq!(next_working_day(day(2026, 12, 24)), day(2026, 12, 28), "Christmas to Monday");
    }

    #[test]
    fn working_days_skip_weekends_and_holidays() {
        // From Friday 4 December 2026: 7–11 (5), 14–18 (10), 21–23 (13), then the 24th and 25th
        // are holidays and the 26th–27th a weekend, so the 14th working day is Monday the 28th.
        assert_eq!(add_working_days(day(2026, 12, 4), 14), day(2026, 12, 28));
        assert_eq!(add_working_days(day(2026, 12, 4), 0), day(2026, 12, 4));
        // Over Easter 2026: Thursday 2 April + 2 working days = Tuesday 7 April.
        assert_eq!(add_working_days(day(2026, 4, 2), 2), day(2026, 4, 7));
    }

    #[test]
    fn a_calendar_deadline_ending_on_a_day_off_moves_to_the_next_working_day() {
        // 30 days from 2 November 2026 end on Wednesday 2 December, a working day.
        assert_eq!(Period::Days(30).due(day(2026, 11, 2)), day(2026, 12, 2));
        // 14 days from 22 October 2026 would end on Thursday 5 November; 14 from 28 October on
        // Wednesday 11 November, Independence Day, so on Thursday 12 November.
        assert_eq!(Period::Days(14).due(day(2026, 10, 22)), day(2026, 11, 5));
        assert_eq!(Period::Days(14).due(day(2026, 10, 28)), day(2026, 11, 12));
        // Ending on a Saturday moves to Monday.
        assert_eq!(Period::Days(1).due(day(2026, 12, 4)), day(2026, 12, 7));
    }

    #[test]
    fn lateness_is_counted_in_working_days() {
        let due = day(2026, 12, 4);
        assert_eq!(working_days_overdue(due, due), 0);
        assert_eq!(working_days_overdue(due, day(2026, 12, 3)), 0);
        assert_eq!(working_days_overdue(due, day(2026, 12, 6)), 0, "a weekend costs nothing");
        assert_eq!(working_days_overdue(due, day(2026, 12, 8)), 2);
    }
}
