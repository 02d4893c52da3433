//! Following things and the mail it brings: what can be followed, how often a person wants to
//! hear, what a notice is about, the three classes of mail and their queue priority, and the
//! digests' days and weeks, which are Warsaw's calendar days and ISO weeks whatever the clocks
//! do: a spring day is 23 hours long and an autumn day 25, and every instant falls in exactly
//! one of them.

use chrono::{DateTime, Datelike, Days, NaiveDate, TimeZone, Utc};
use chrono_tz::Europe::Warsaw;

text_enum! {
    /// What a subscription follows.
    pub enum Target {
        /// One consultation, from its announcement to its report.
        Consultation = "consultation",
        /// A district: consultations in its area, its news, its forum and events.
        District = "district",
        /// A topic (consultation category): consultations on it.
        Category = "category",
        /// A civic dialogue body: its news, meetings, opinions, forum and events.
        Body = "body",
        /// One forum thread: the city's position on it.
        Thread = "thread",
        /// An event series: its new events.
        Series = "series",
        /// The Centre's newsletter; the target id is 0.
        Newsletter = "newsletter",
    }
}

impl Target {
    /// The targets a person follows from a page; the newsletter has its own form.
    pub const FOLLOWABLE: [Target; 6] =
        [Target::Consultation, Target::District, Target::Category, Target::Body, Target::Thread, Target::Series];
}

text_enum! {
    /// How often a subscription mails.
    pub enum Frequency {
        /// A message for each notice, as it happens.
        Instant = "instant",
        /// One message a day with the day's notices.
        Daily = "daily",
        /// One message a week (Monday to Sunday).
        Weekly = "weekly",
        /// Nothing, while the subscription is kept.
        Off = "off",
    }
}

text_enum! {
    /// What happened, as a notice says and a feed groups it.
    pub enum NoticeKind {
        /// A consultation was announced.
        Announced = "announced",
        /// A consultation opened for remarks.
        Opened = "opened",
        /// A consultation closes in three days.
        Closing = "closing",
        /// A consultation's report was published.
        Report = "report",
        /// A news post of a district, a body or the Centre.
        News = "news",
        /// A new forum thread.
        Thread = "thread",
        /// The city's position on a thread.
        Position = "position",
        /// A body's meeting was called.
        Meeting = "meeting",
        /// A body adopted an opinion.
        Opinion = "opinion",
        /// A new event.
        Event = "event",
        /// The city answered a body's opinion or recommendation in the ledger.
        Answer = "answer",
    }
}

/// How long before a consultation closes its followers are reminded.
pub const CLOSING_NOTICE_DAYS: i64 = 3;

text_enum! {
    /// The three classes of mail. Each has its own queue priority and the bulk ones their own
    /// worker, so that a receipt is never delayed behind a digest or a newsletter.
    pub enum MailClass {
        /// Receipts, codes, and answers to what the person submitted: always sent, first.
        Transactional = "transactional",
        /// Notices and digests of what the person follows.
        Subscription = "subscription",
        /// The Centre's newsletter.
        Newsletter = "newsletter",
    }
}

impl MailClass {
    /// The job queue's priority of the class: lower runs first.
    pub const fn priority(self) -> i32 {
        match self {
            MailClass::Transactional => 0,
            MailClass::Subscription => 1,
            MailClass::Newsletter => 2,
        }
    }
}

/// A digest's period: the Warsaw day, or the ISO week starting on Monday `start`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Period {
    /// Daily or weekly.
    pub frequency: Frequency,
    /// Its first Warsaw calendar day.
    pub start: NaiveDate,
}

impl Period {
    /// The period of `frequency` that instant `at` falls in; `None` for instant or off.
    pub fn containing(frequency: Frequency, at: DateTime<Utc>) -> Option<Period> {
        let day = at.with_timezone(&Warsaw).date_naive();
        let start = match frequency {
            Frequency::Daily => day,
            Frequency::Weekly => day - Days::new(u64::from(day.weekday().num_days_from_monday())),
            Frequency::Instant | Frequency::Off => return None,
        };
        Some(Period { frequency, start })
    }

    /// The latest period that has ended by `now`: yesterday, or last week.
    pub fn last_ended(frequency: Frequency, now: DateTime<Utc>) -> Option<Period> {
        Period::containing(frequency, now)?.previous()
    }

    /// The Warsaw day after the period's last day.
    fn end_day(self) -> Option<NaiveDate> {
        self.start.checked_add_days(Days::new(if self.frequency == Frequency::Weekly { 7 } else { 1 }))
    }

    /// The period before this one.
    pub fn previous(self) -> Option<Period> {
        let days = if self.frequency == Frequency::Weekly { 7 } else { 1 };
        Some(Period { frequency: self.frequency, start: self.start.checked_sub_days(Days::new(days))? })
    }

    /// The period after this one.
    pub fn next(self) -> Option<Period> {
        Some(Period { frequency: self.frequency, start: self.end_day()? })
    }

    /// The instants of the period, from its first (included) to the next period's first
    /// (excluded), so that consecutive periods meet without a gap or an overlap.
    pub fn bounds(self) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
        Some((midnight(self.start)?, midnight(self.end_day()?)?))
    }

    /// The idempotency key of the period's message to subscriber `subscriber`.
    pub fn key(self, subscriber: i64) -> String {
        format!("{}:{}:{subscriber}", self.frequency.as_str(), self.start)
    }
}

/// Warsaw's midnight starting day `d`. Poland changes its clocks at 02:00 and 03:00, so
/// midnight always exists and happens once.
fn midnight(d: NaiveDate) -> Option<DateTime<Utc>> {
    Warsaw.from_local_datetime(&d.and_hms_opt(0, 0, 0)?).earliest().map(|t| t.with_timezone(&Utc))
}

/// The idempotency key of notice `notice`'s instant message to `subscriber`.
pub fn instant_key(notice: i64, subscriber: i64) -> String {
    format!("instant:{notice}:{subscriber}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;
    use proptest::prelude::*;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).map(|t| t.with_timezone(&Utc)).expect("test time")
    }

    #[test]
    fn clock_change_days_are_23_and_25_hours_long() {
        let spring = Period { frequency: Frequency::Daily, start: NaiveDate::from_ymd_opt(2027, 3, 28).expect("day") };
        let (a, b) = spring.bounds().expect("bounds");
        assert_eq!(b - a, Duration::hours(23));
        let autumn = Period { frequency: Frequency::Daily, start: NaiveDate::from_ymd_opt(2026, 10, 25).expect("day") };
        let (a, b) = autumn.bounds().expect("bounds");
        assert_eq!(b - a, Duration::hours(25));
        assert_eq!(a, utc("2026-10-24T22:00:00Z"));
        assert_eq!(b, utc("2026-10-25T23:00:00Z"));
    }

    #[test]
    fn a_week_starts_on_warsaw_monday() {
        // Sunday 23:30 UTC in winter is already Monday in Warsaw.
        let p = Period::containing(Frequency::Weekly, utc("2026-12-06T23:30:00Z")).expect("weekly");
        assert_eq!(p.start, NaiveDate::from_ymd_opt(2026, 12, 7).expect("day"));
        let last = Period::last_ended(Frequency::Weekly, utc("2026-12-07T10:00:00Z")).expect("weekly");
        assert_eq!(last.start, NaiveDate::from_ymd_opt(2026, 11, 30).expect("day"));
        assert!(Period::containing(Frequency::Instant, utc("2026-12-07T10:00:00Z")).is_none());
    }

    /// Instants from the autumn 2026 clock change to past the spring 2027 one and the autumn
    /// 2027 one, at second resolution.
    fn instant() -> impl Strategy<Value = DateTime<Utc>> {
        (utc("2026-10-20T00:00:00Z").timestamp()..utc("2027-11-05T00:00:00Z").timestamp())
            .prop_map(|s| DateTime::from_timestamp(s, 0).expect("in range"))
    }

    proptest! {
        /// Walking the digests one period after another, as the job does, every item is in
        /// exactly one of them, whatever the clocks did in between.
        #[test]
        fn every_item_lands_in_exactly_one_digest(
            items in proptest::collection::vec(instant(), 1..60),
            weekly in any::<bool>(),
        ) {
            let frequency = if weekly { Frequency::Weekly } else { Frequency::Daily };
            let first = Period::containing(frequency, utc("2026-10-19T00:00:00Z")).expect("period");
            let last = Period::containing(frequency, utc("2027-11-06T00:00:00Z")).expect("period");
            let mut seen = vec![0u32; items.len()];
            let mut p = first;
            while p.start <= last.start {
                let (from, to) = p.bounds().expect("bounds");
                for (i, at) in items.iter().enumerate() {
                    if from <= *at && *at < to {
                        seen[i] += 1;
                    }
                }
                p = p.next().expect("next");
            }
            prop_assert!(seen.iter().all(|n| *n == 1), "{:?}", seen);
            for at in &items {
                let p = Period::containing(frequency, *at).expect("period");
                let (from, to) = p.bounds().expect("bounds");
                prop_assert!(from <= *at && *at < to);
            }
        }

        /// The period that ended last is the one before the one now is in, and it has ended.
        #[test]
        fn last_ended_has_ended(now in instant(), weekly in any::<bool>()) {
            let frequency = if weekly { Frequency::Weekly } else { Frequency::Daily };
            let p = Period::last_ended(frequency, now).expect("period");
            let (_, to) = p.bounds().expect("bounds");
            prop_assert!(to <= now);
            prop_assert_eq!(p.next(), Period::containing(frequency, now));
        }
    }
}
