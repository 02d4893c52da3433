//! The Centre's newsletter: an issue as its editor types it, who it goes to, where it stands
//! (draft, scheduled, sending, sent), what may be done to it in each state, and the pace at
//! which its messages go out.
//!
//! Only people who opted in receive it; who they are is the storage crate's question, asked
//! with the [`Recipients`] an issue names. An issue is public in the archive once it is sent,
//! never before (the visibility rule asks [`Status::is_public`]).

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use crate::validation::{FieldError, Invalid, bounded_text, optional_text};

/// Longest subject line.
pub const SUBJECT_MAX: usize = 200;
/// Longest body, in characters of Markdown.
pub const BODY_MAX: usize = 50_000;
/// Issues per page of the archive and of the editors' list.
pub const PAGE_SIZE: i64 = 20;
/// Recipients read, and their messages queued, in one transaction of the sending job.
pub const BATCH: i64 = 1_000;

text_enum! {
    /// Who an issue is for, before naming which district, topic or body.
    pub enum Audience {
        /// Everyone subscribed to the newsletter.
        All = "all",
        /// Subscribers who also follow one district.
        District = "district",
        /// Subscribers who also follow one topic (consultation category).
        Category = "category",
        /// Subscribers who are current members of one civic dialogue body.
        Body = "body",
    }
}

/// The audience of an issue, with the district, topic or body it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recipients {
    /// Every newsletter subscriber.
    All,
    /// Those who follow district `id`.
    District(i64),
    /// Those who follow topic `id`.
    Category(i64),
    /// The current members of body `id`.
    Body(i64),
}

impl Recipients {
    /// The audience as stored: its kind and its id.
    pub fn parts(self) -> (Audience, Option<i64>) {
        match self {
            Recipients::All => (Audience::All, None),
            Recipients::District(id) => (Audience::District, Some(id)),
            Recipients::Category(id) => (Audience::Category, Some(id)),
            Recipients::Body(id) => (Audience::Body, Some(id)),
        }
    }

    /// The audience from its stored parts; `None` when a kind that names something has no id.
    pub fn from_parts(kind: Audience, id: Option<i64>) -> Option<Recipients> {
        match (kind, id) {
            (Audience::All, _) => Some(Recipients::All),
            (Audience::District, Some(id)) => Some(Recipients::District(id)),
            (Audience::Category, Some(id)) => Some(Recipients::Category(id)),
            (Audience::Body, Some(id)) => Some(Recipients::Body(id)),
            _ => None,
        }
    }
}

text_enum! {
    /// Where an issue stands.
    pub enum Status {
        /// Being written; seen by the Centre's editors only.
        Draft = "draft",
        /// Given a time to go out; still editable, and can be called back to a draft.
        Scheduled = "scheduled",
        /// Its job is queueing the messages; nothing may change it any more.
        Sending = "sending",
        /// Every message is queued; the issue is in the public archive.
        Sent = "sent",
    }
}

impl Status {
    /// Whether its texts and audience may still change.
    pub fn editable(self) -> bool {
        matches!(self, Status::Draft | Status::Scheduled)
    }

    /// Whether it may be given a time to go out (or another time), or sent at once.
    pub fn may_send(self) -> bool {
        self.editable()
    }

    /// Whether a schedule may be called off, taking it back to a draft.
    pub fn may_cancel(self) -> bool {
        self == Status::Scheduled
    }

    /// Whether anyone may read it in the archive.
    pub fn is_public(self) -> bool {
        self == Status::Sent
    }
}

/// What the sending job does when it runs for an issue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Start {
    /// Its time has come: begin sending.
    Begin,
    /// A run was cut off half-way: go on where it stopped.
    Resume,
    /// Called back, rescheduled to later or already sent: the job is stale and does nothing.
    Skip,
}

impl Start {
    /// The decision for an issue in `status`, due at `scheduled_at`, when its job runs at `now`.
    pub fn of(status: Status, scheduled_at: Option<DateTime<Utc>>, now: DateTime<Utc>) -> Start {
        match status {
            Status::Sending => Start::Resume,
            Status::Scheduled if scheduled_at.is_some_and(|t| t <= now) => Start::Begin,
            Status::Draft | Status::Scheduled | Status::Sent => Start::Skip,
        }
    }
}

/// An issue as its form sends it.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct NewsletterForm {
    pub newsletter_subject: String,
    pub newsletter_body: String,
    pub newsletter_subject_en: String,
    pub newsletter_body_en: String,
    /// `all`, `district`, `category` or `body`; "" when none was chosen.
    pub newsletter_audience: String,
    /// The district, when the audience is a district's followers.
    pub newsletter_district: String,
    /// The topic, when the audience is a topic's followers.
    pub newsletter_category: String,
    /// The body, when the audience is a body's members.
    pub newsletter_body_id: String,
}

/// A checked issue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewsletterInput {
    pub subject: String,
    pub subject_en: Option<String>,
    pub body: String,
    pub body_en: Option<String>,
    pub recipients: Recipients,
}

/// The districts, topics and bodies there are, which an audience may name.
#[derive(Debug, Clone, Copy)]
pub struct Choices<'a> {
    pub districts: &'a [i64],
    pub categories: &'a [i64],
    pub bodies: &'a [i64],
}

/// One of `known` chosen in `field`: `missing` when nothing was chosen, `choice-invalid` for
/// anything else.
fn chosen(field: &'static str, raw: &str, known: &[i64], missing: &'static str) -> Result<i64, FieldError> {
    match raw.trim() {
        "" => Err(FieldError::new(field, missing)),
        s => s.parse::<i64>().ok().filter(|id| known.contains(id)).ok_or(FieldError::new(field, "choice-invalid")),
    }
}

impl NewsletterForm {
    /// Checks the texts and the audience: one must be chosen, and a district, topic or body
    /// audience must name one that exists.
    pub fn parse(&self, choices: Choices<'_>) -> Result<NewsletterInput, Invalid> {
        let mut inv = Invalid::default();
        let subject = inv.check(bounded_text("newsletter_subject", &self.newsletter_subject, 3, SUBJECT_MAX));
        let body = inv.check(bounded_text("newsletter_body", &self.newsletter_body, 10, BODY_MAX));
        let subject_en = inv.check(optional_text("newsletter_subject_en", &self.newsletter_subject_en, SUBJECT_MAX));
        let body_en = inv.check(optional_text("newsletter_body_en", &self.newsletter_body_en, BODY_MAX));
        let recipients = match Audience::parse(self.newsletter_audience.trim()) {
            None => {
                let code = if self.newsletter_audience.trim().is_empty() {
                    "newsletter-audience-required"
                } else {
                    "choice-invalid"
                };
                inv.push(FieldError::new("newsletter_audience", code));
                None
            }
            Some(Audience::All) => Some(Recipients::All),
            Some(Audience::District) => inv
                .check(chosen(
                    "newsletter_district",
                    &self.newsletter_district,
                    choices.districts,
                    "newsletter-district-required",
                ))
                .map(Recipients::District),
            Some(Audience::Category) => inv
                .check(chosen(
                    "newsletter_category",
                    &self.newsletter_category,
                    choices.categories,
                    "newsletter-category-required",
                ))
                .map(Recipients::Category),
            Some(Audience::Body) => inv
                .check(chosen(
                    "newsletter_body_id",
                    &self.newsletter_body_id,
                    choices.bodies,
                    "newsletter-body-required",
                ))
                .map(Recipients::Body),
        };
        match (subject, body, subject_en, body_en, recipients) {
            (Some(subject), Some(body), Some(subject_en), Some(body_en), Some(recipients)) if inv.is_empty() => {
                Ok(NewsletterInput { subject, subject_en, body, body_en, recipients })
            }
            _ => Err(inv),
        }
    }

    /// The form as a stored issue fills it.
    pub fn of(input: &NewsletterInput) -> NewsletterForm {
        let (kind, id) = input.recipients.parts();
        let id = id.map(|i| i.to_string()).unwrap_or_default();
        NewsletterForm {
            newsletter_subject: input.subject.clone(),
            newsletter_body: input.body.clone(),
            newsletter_subject_en: input.subject_en.clone().unwrap_or_default(),
            newsletter_body_en: input.body_en.clone().unwrap_or_default(),
            newsletter_audience: kind.as_str().to_owned(),
            newsletter_district: if kind == Audience::District { id.clone() } else { String::new() },
            newsletter_category: if kind == Audience::Category { id.clone() } else { String::new() },
            newsletter_body_id: if kind == Audience::Body { id } else { String::new() },
        }
    }
}

/// The time an issue is to go out, as typed into `newsletter_scheduled_at` (`parsed` is that
/// text read as Warsaw time, when it could be): it must lie ahead of `now`.
pub fn schedule_at(raw: &str, parsed: Option<DateTime<Utc>>, now: DateTime<Utc>) -> Result<DateTime<Utc>, Invalid> {
    const FIELD: &str = "newsletter_scheduled_at";
    match parsed {
        None if raw.trim().is_empty() => Err(FieldError::new(FIELD, "required").into()),
        None => Err(FieldError::new(FIELD, "newsletter-schedule-invalid").into()),
        Some(t) if t <= now => Err(FieldError::new(FIELD, "newsletter-schedule-past").into()),
        Some(t) => Ok(t),
    }
}

/// How fast a mailing goes out, in messages a minute: kept as a setting that the Centre's
/// editors change, so that a mail server's limits are kept without a new release.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pace {
    pub per_minute: u32,
}

impl Default for Pace {
    /// Ten a second: fifty thousand subscribers in under an hour and a half.
    fn default() -> Self {
        Pace { per_minute: 600 }
    }
}

/// The fastest pace an editor may set.
pub const PACE_MAX: u32 = 60_000;

impl Pace {
    /// The pace typed into `newsletter_per_minute`: a whole number from 1 to [`PACE_MAX`].
    pub fn parse(raw: &str) -> Result<Pace, Invalid> {
        const FIELD: &str = "newsletter_per_minute";
        let raw = raw.trim();
        if raw.is_empty() {
            return Err(FieldError::new(FIELD, "required").into());
        }
        match raw.parse::<u32>() {
            Ok(n) if (1..=PACE_MAX).contains(&n) => Ok(Pace { per_minute: n }),
            _ => Err(FieldError::with_limit(FIELD, "newsletter-pace-range", PACE_MAX as usize).into()),
        }
    }

    /// The time between two messages.
    pub fn interval(self) -> Duration {
        Duration::microseconds(60_000_000 / i64::from(self.per_minute.clamp(1, PACE_MAX)))
    }

    /// When message number `k` (from 0) of a run that queues from `start` goes out.
    pub fn slot(self, start: DateTime<Utc>, k: i64) -> DateTime<Utc> {
        start + self.interval() * i32::try_from(k).unwrap_or(i32::MAX)
    }

    /// Where a run of the sending job starts its messages: after the `done` messages an earlier
    /// run queued from `started_at`, and never before `now`, so that a run resumed after a long
    /// stop does not send everything left at once.
    pub fn resume_at(self, started_at: DateTime<Utc>, done: i64, now: DateTime<Utc>) -> DateTime<Utc> {
        self.slot(started_at, done).max(now)
    }
}

/// The idempotency key of issue `newsletter`'s message to `subscriber`.
pub fn delivery_key(newsletter: i64, subscriber: i64) -> String {
    format!("newsletter:{newsletter}:{subscriber}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn now() -> DateTime<Utc> {
        "2027-03-01T10:00:00Z".parse().unwrap()
    }

    const CHOICES: Choices<'static> = Choices { districts: &[13, 18], categories: &[4], bodies: &[2] };

    fn form(audience: &str) -> NewsletterForm {
        NewsletterForm {
            newsletter_subject: "Co słychać w dialogu".into(),
            newsletter_body: "W marcu **trzy konsultacje** i jedno spotkanie.".into(),
            newsletter_audience: audience.into(),
            ..Default::default()
        }
    }

    fn codes(r: Result<NewsletterInput, Invalid>) -> Vec<(&'static str, &'static str)> {
        r.err().map(|i| i.0.iter().map(|e| (e.field, e.code)).collect()).unwrap_or_default()
    }

    #[test]
    fn an_audience_must_be_chosen_and_name_something_that_exists() {
        assert_eq!(codes(form("").parse(CHOICES)), [("newsletter_audience", "newsletter-audience-required")]);
        assert_eq!(codes(form("everyone").parse(CHOICES)), [("newsletter_audience", "choice-invalid")]);
        assert_eq!(form("all").parse(CHOICES).unwrap().recipients, Recipients::All);
        assert_eq!(codes(form("district").parse(CHOICES)), [("newsletter_district", "newsletter-district-required")]);
        let unknown = NewsletterForm { newsletter_district: "99".into(), ..form("district") };
        assert_eq!(codes(unknown.parse(CHOICES)), [("newsletter_district", "choice-invalid")]);
        let podgorze = NewsletterForm { newsletter_district: "13".into(), ..form("district") };
        assert_eq!(podgorze.parse(CHOICES).unwrap().recipients, Recipients::District(13));
        let topic = NewsletterForm { newsletter_category: "4".into(), ..form("category") };
        assert_eq!(topic.parse(CHOICES).unwrap().recipients, Recipients::Category(4));
        assert_eq!(codes(form("body").parse(CHOICES)), [("newsletter_body_id", "newsletter-body-required")]);
        // A district chosen while the audience is a body counts for nothing.
        let mixed = NewsletterForm { newsletter_district: "13".into(), newsletter_body_id: "2".into(), ..form("body") };
        assert_eq!(mixed.parse(CHOICES).unwrap().recipients, Recipients::Body(2));
    }

    #[test]
    fn texts_are_checked_and_english_is_optional() {
        let empty = NewsletterForm { newsletter_subject: " ".into(), newsletter_body: "krótko".into(), ..form("all") };
        assert_eq!(codes(empty.parse(CHOICES)), [("newsletter_subject", "required"), ("newsletter_body", "too-short")]);
        let en = NewsletterForm { newsletter_subject_en: "Dialogue news".into(), ..form("all") };
        let input = en.parse(CHOICES).unwrap();
        assert_eq!(input.subject_en.as_deref(), Some("Dialogue news"));
        assert_eq!(input.body_en, None);
        // The form a stored issue fills gives the same issue back.
        let again = NewsletterForm::of(&input).parse(CHOICES).unwrap();
        assert_eq!(again, input);
    }

    #[test]
    fn stored_parts_round_trip() {
        for r in [Recipients::All, Recipients::District(3), Recipients::Category(4), Recipients::Body(5)] {
            let (kind, id) = r.parts();
            assert_eq!(Recipients::from_parts(kind, id), Some(r));
        }
        assert_eq!(Recipients::from_parts(Audience::Body, None), None);
    }

    #[test]
    fn a_schedule_lies_ahead() {
        let later = now() + Duration::hours(1);
        assert_eq!(schedule_at("2027-03-01T12:00", Some(later), now()), Ok(later));
        let past = schedule_at("2027-03-01T10:00", Some(now()), now()).unwrap_err();
        assert_eq!(past.0[0].code, "newsletter-schedule-past");
        assert_eq!(schedule_at("", None, now()).unwrap_err().0[0].code, "required");
        assert_eq!(schedule_at("jutro", None, now()).unwrap_err().0[0].code, "newsletter-schedule-invalid");
    }

    #[test]
    fn what_each_state_allows() {
        assert!(Status::Draft.editable() && Status::Scheduled.editable());
        assert!(!Status::Sending.editable() && !Status::Sent.editable());
        assert!(Status::Scheduled.may_cancel() && !Status::Draft.may_cancel());
        assert!(!Status::Sending.may_send() && !Status::Sent.may_send());
        assert_eq!(Status::ALL.iter().filter(|s| s.is_public()).collect::<Vec<_>>(), [&Status::Sent]);
    }

    #[test]
    fn a_job_begins_when_due_resumes_a_cut_run_and_skips_when_stale() {
        let due = Some(now() - Duration::seconds(1));
        assert_eq!(Start::of(Status::Scheduled, due, now()), Start::Begin);
        assert_eq!(Start::of(Status::Scheduled, Some(now() + Duration::hours(1)), now()), Start::Skip);
        assert_eq!(Start::of(Status::Sending, due, now()), Start::Resume);
        assert_eq!(Start::of(Status::Draft, due, now()), Start::Skip, "called back");
        assert_eq!(Start::of(Status::Sent, due, now()), Start::Skip, "sent already");
    }

    #[test]
    fn a_pace_is_a_whole_number_within_bounds() {
        assert_eq!(Pace::parse(" 120 "), Ok(Pace { per_minute: 120 }));
        assert_eq!(Pace::parse("").unwrap_err().0[0].code, "required");
        for bad in ["0", "-5", "1.5", "dużo", "60001"] {
            assert_eq!(Pace::parse(bad).unwrap_err().0[0].code, "newsletter-pace-range", "{bad}");
        }
        assert_eq!(Pace { per_minute: 120 }.interval(), Duration::milliseconds(500));
    }

    #[test]
    fn keys_name_the_issue_and_the_subscriber() {
        assert_eq!(delivery_key(3, 17), "newsletter:3:17");
    }

    proptest! {
        /// Messages go out no faster than the pace, and a resumed run never starts before the
        /// messages an earlier run queued, nor in the past.
        #[test]
        fn messages_keep_the_pace_across_a_resumed_run(
            per_minute in 1u32..=PACE_MAX,
            done in 0i64..5_000,
            stopped_secs in 0i64..100_000,
        ) {
            let pace = Pace { per_minute };
            let started = now();
            let first = pace.slot(started, 0);
            let second = pace.slot(started, 1);
            prop_assert!(second - first >= pace.interval());
            prop_assert!(pace.interval() >= Duration::milliseconds(1));
            let resumed = started + Duration::seconds(stopped_secs);
            let from = pace.resume_at(started, done, resumed);
            prop_assert!(from >= resumed);
            if done > 0 {
                prop_assert!(from >= pace.slot(started, done - 1) + pace.interval());
            }
        }
    }
}
