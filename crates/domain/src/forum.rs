//! The forum: spaces where residents and the city discuss, threads of two levels (posts and
//! the replies to them), the city's position on a thread, and moderation that tells the
//! author why and the reporter what came of it. The rules of who may write where, how long a
//! post may be edited and when reports hold a post for review live here, so that every page
//! and the batch writer apply the same ones.

use crate::validation::{FieldError, Invalid, bounded_text, optional_text};
use chrono::{DateTime, Duration, Utc};

text_enum! {
    /// What a space of the forum belongs to.
    pub enum SpaceKind {
        /// A category of the general forum, set by administrators.
        General = "general",
        /// The online discussion of one consultation.
        Consultation = "consultation",
        /// One district's debates on local matters.
        District = "district",
        /// One civic dialogue body's public exchange.
        Body = "body",
        /// One civic dialogue body's internal exchange, for its members only.
        BodyMembers = "body_members",
    }
}

text_enum! {
    /// Where a post stands.
    pub enum PostState {
        /// Shown to everyone who may read the space.
        Visible = "visible",
        /// Waiting for a moderator: sent to a pre-moderated space, or reported often enough.
        Held = "held",
        /// Hidden by a moderator: a tombstone with the date and the reason takes its place,
        /// and the replies to it stay.
        Hidden = "hidden",
    }
}

text_enum! {
    /// Why someone reports a post: a reason from this list is required.
    pub enum ReportReason {
        /// Insults, threats or harassment of a person.
        Abuse = "abuse",
        /// Hate speech against a group.
        Hate = "hate",
        /// Advertising or repeated unrelated content.
        Spam = "spam",
        /// Personal data of someone else.
        PersonalData = "personal_data",
        /// Something against the law.
        Illegal = "illegal",
        /// Off the subject of the thread.
        OffTopic = "off_topic",
        /// Anything else, explained in the note.
        Other = "other",
    }
}

text_enum! {
    /// What a moderator did, as the public moderation log lists it.
    pub enum ModerationAction {
        /// A held post was let through.
        Approved = "approved",
        /// A post was hidden.
        Hidden = "hidden",
        /// Reports about a post were looked at and it stays.
        Kept = "kept",
        /// A hidden post was shown again after its author's appeal.
        Restored = "restored",
        /// The author's appeal was heard and the post stays hidden.
        AppealRefused = "appeal_refused",
        /// Reports held the post for review until a moderator decides.
        HeldByReports = "held_by_reports",
    }
}

/// Longest thread title.
pub const TITLE_MAX: usize = 200;
/// Longest post.
pub const POST_MAX: usize = 10_000;
/// Longest note with a report, a statement of reasons, an appeal or a thread's summary.
pub const NOTE_MAX: usize = 2_000;
/// Posts shown on one page of a thread (each with its replies).
pub const POSTS_PER_PAGE: i64 = 20;
/// Threads shown on one page of a space.
pub const THREADS_PER_PAGE: i64 = 25;

/// The forum's settings, which administrators change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Settings {
    /// How long after posting the author may still edit a post, in minutes.
    pub edit_minutes: i64,
    /// Reports from different people after which a post is held for review.
    pub reports_to_hold: i64,
    /// Hours an item may wait in the moderation queue before moderators are mailed.
    pub alert_hours: i64,
    /// Posts one account may send in an hour.
    pub posts_per_hour: i64,
    /// Days an account must exist before its posts may carry links.
    pub days_before_links: i64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings { edit_minutes: 30, reports_to_hold: 3, alert_hours: 24, posts_per_hour: 30, days_before_links: 2 }
    }
}

/// The settings as an administrator types them.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct SettingsForm {
    pub edit_minutes: String,
    pub reports_to_hold: String,
    pub alert_hours: String,
    pub posts_per_hour: String,
    pub days_before_links: String,
}

fn number_in(field: &'static str, raw: &str, range: std::ops::RangeInclusive<i64>) -> Result<i64, FieldError> {
    match raw.trim() {
        "" => Err(FieldError::new(field, "required")),
        s => s.parse::<i64>().ok().filter(|n| range.contains(n)).ok_or(FieldError::new(field, "number-invalid")),
    }
}

impl SettingsForm {
    /// The form as `s` fills it.
    pub fn from_settings(s: Settings) -> Self {
        SettingsForm {
            edit_minutes: s.edit_minutes.to_string(),
            reports_to_hold: s.reports_to_hold.to_string(),
            alert_hours: s.alert_hours.to_string(),
            posts_per_hour: s.posts_per_hour.to_string(),
            days_before_links: s.days_before_links.to_string(),
        }
    }

    /// Checks each number is within what makes sense (an edit window of up to a week, one to a
    /// hundred reports, and so on).
    pub fn parse(&self) -> Result<Settings, Invalid> {
        let mut inv = Invalid::default();
        let edit_minutes = inv.check(number_in("edit_minutes", &self.edit_minutes, 0..=10_080));
        let reports_to_hold = inv.check(number_in("reports_to_hold", &self.reports_to_hold, 1..=100));
        let alert_hours = inv.check(number_in("alert_hours", &self.alert_hours, 1..=720));
        let posts_per_hour = inv.check(number_in("posts_per_hour", &self.posts_per_hour, 1..=1_000));
        let days_before_links = inv.check(number_in("days_before_links", &self.days_before_links, 0..=365));
        match (edit_minutes, reports_to_hold, alert_hours, posts_per_hour, days_before_links) {
            (
                Some(edit_minutes),
                Some(reports_to_hold),
                Some(alert_hours),
                Some(posts_per_hour),
                Some(days_before_links),
            ) if inv.is_empty() => {
                Ok(Settings { edit_minutes, reports_to_hold, alert_hours, posts_per_hour, days_before_links })
            }
            _ => Err(inv),
        }
    }
}

/// How many links a post's Markdown carries: written links, autolinks and bare addresses.
pub fn link_count(text: &str) -> usize {
    let lower = text.to_lowercase();
    lower.matches("http://").count() + lower.matches("https://").count() + lower.matches("www.").count()
}

/// A post or reply as typed.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct PostForm {
    pub post_text: String,
    /// The post replied to, or empty for a new post.
    pub reply_to: String,
}

/// A thread as typed: its title and first post.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct ThreadForm {
    pub title: String,
    pub post_text: String,
}

/// Who writes and how long they have had their account, for the rule on links.
#[derive(Debug, Clone, Copy)]
pub struct Writer {
    pub account_created: DateTime<Utc>,
    /// Staff write links from their first day.
    pub staff: bool,
}

/// Checks a post's text: not empty, not huge, no control characters, and no links from an
/// account younger than the settings allow (the usual shape of spam).
pub fn post_text(raw: &str, writer: Writer, settings: Settings, now: DateTime<Utc>) -> Result<String, FieldError> {
    let text = bounded_text("post_text", raw, 2, POST_MAX)?;
    let young = now - writer.account_created < Duration::days(settings.days_before_links);
    if !writer.staff && young && link_count(&text) > 0 {
        return Err(FieldError::new("post_text", "forum-links-new-account"));
    }
    Ok(text)
}

impl ThreadForm {
    /// The title and the first post's text.
    pub fn parse(&self, writer: Writer, settings: Settings, now: DateTime<Utc>) -> Result<(String, String), Invalid> {
        let mut inv = Invalid::default();
        let title = inv.check(bounded_text("title", &self.title, 5, TITLE_MAX));
        let text = inv.check(post_text(&self.post_text, writer, settings, now));
        match (title, text) {
            (Some(t), Some(x)) if inv.is_empty() => Ok((t, x)),
            _ => Err(inv),
        }
    }
}

/// A space as the rules need it.
#[derive(Debug, Clone, Copy)]
pub struct SpaceFacts {
    pub kind: SpaceKind,
    /// Only residents may start threads here where this is true; staff always may.
    pub residents_start: bool,
    pub premoderated: bool,
    pub members_only: bool,
    /// Closed by an administrator: read-only.
    pub closed: bool,
    /// For a consultation's discussion: whether the consultation takes part now (open, not
    /// ended). Always true for other spaces.
    pub open_for_talk: bool,
}

/// Who is about to write, as the rules need it.
#[derive(Debug, Clone, Copy)]
pub struct Author {
    /// Staff of the space's owner (the consultation's unit, the district's editors, the
    /// body's secretary) or administrators.
    pub staff: bool,
    /// A current member of the space's body, for a members-only space.
    pub member: bool,
}

/// Why a thread cannot take a new post or reply now; `None` when it can.
pub fn refusal(space: SpaceFacts, thread_closed: bool, author: Option<Author>) -> Option<&'static str> {
    if space.closed {
        return Some("forum-space-closed");
    }
    if !space.open_for_talk {
        return Some("forum-consultation-closed");
    }
    if thread_closed {
        return Some("forum-thread-closed");
    }
    match author {
        None => Some("forum-sign-in"),
        Some(a) if space.members_only && !a.member && !a.staff => Some("forum-members-only"),
        Some(_) => None,
    }
}

/// Why a new thread cannot be started here by `author`; `None` when it can.
pub fn start_refusal(space: SpaceFacts, author: Option<Author>) -> Option<&'static str> {
    let staff_only = matches!(author, Some(a) if !a.staff && !space.residents_start);
    refusal(space, false, author).or(staff_only.then_some("forum-staff-start"))
}

/// Whether a post goes straight up or waits for a moderator: staff posts never wait.
pub fn first_state(space: SpaceFacts, author: Author) -> PostState {
    if space.premoderated && !author.staff { PostState::Held } else { PostState::Visible }
}

/// Whether a post may be replied to: it must be shown (a tombstone takes no replies).
pub fn may_reply_to(state: PostState) -> bool {
    state == PostState::Visible
}

/// Whether the author may still edit a post sent at `posted`: within the settings' window,
/// and only while it has not been hidden.
pub fn may_edit(posted: DateTime<Utc>, state: PostState, settings: Settings, now: DateTime<Utc>) -> bool {
    state != PostState::Hidden && now - posted <= Duration::minutes(settings.edit_minutes)
}

/// Whether a post reported `reports` times in all, still shown, is now held for review.
pub fn held_by_reports(state: PostState, reports: i64, settings: Settings) -> bool {
    state == PostState::Visible && reports >= settings.reports_to_hold
}

/// A report as typed.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct ReportForm {
    pub report_reason: String,
    pub report_note: String,
}

impl ReportForm {
    /// The reason (required, from the list) and the optional note, which "other" requires.
    pub fn parse(&self) -> Result<(ReportReason, Option<String>), Invalid> {
        let mut inv = Invalid::default();
        let reason = ReportReason::parse(self.report_reason.trim());
        if reason.is_none() {
            inv.push(FieldError::new("report_reason", "choose-one"));
        }
        let note = inv.check(optional_text("report_note", &self.report_note, NOTE_MAX));
        if reason == Some(ReportReason::Other) && note.as_ref().is_some_and(Option::is_none) {
            inv.push(FieldError::new("report_note", "forum-report-explain"));
        }
        match (reason, note) {
            (Some(r), Some(n)) if inv.is_empty() => Ok((r, n)),
            _ => Err(inv),
        }
    }
}

/// A moderator's decision on a post in the queue, as typed.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct DecisionForm {
    /// `approve`, `keep` or `hide`; for an appeal, `restore` or `refuse`.
    pub mod_decision: String,
    pub mod_reason: String,
    pub mod_statement: String,
}

/// A checked decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    pub action: ModerationAction,
    /// The reason from the list, required to hide.
    pub reason: Option<ReportReason>,
    /// The statement of reasons sent to the author, required to hide or to refuse an appeal.
    pub statement: Option<String>,
}

impl DecisionForm {
    /// Checks the decision on a post in `state`; `appeal` when the author has appealed.
    pub fn parse(&self, state: PostState, appeal: bool) -> Result<Decision, Invalid> {
        let action = match (self.mod_decision.trim(), state, appeal) {
            ("restore", PostState::Hidden, true) => Some(ModerationAction::Restored),
            ("refuse", PostState::Hidden, true) => Some(ModerationAction::AppealRefused),
            ("approve", PostState::Held, false) => Some(ModerationAction::Approved),
            ("keep", PostState::Visible, false) => Some(ModerationAction::Kept),
            ("hide", PostState::Held | PostState::Visible, false) => Some(ModerationAction::Hidden),
            _ => None,
        };
        let mut inv = Invalid::default();
        let Some(action) = action else {
            return Err(FieldError::new("mod_decision", "choose-one").into());
        };
        let statement = inv.check(optional_text("mod_statement", &self.mod_statement, NOTE_MAX)).flatten();
        let needs_reasons = matches!(action, ModerationAction::Hidden | ModerationAction::AppealRefused);
        let reason = ReportReason::parse(self.mod_reason.trim());
        if action == ModerationAction::Hidden && reason.is_none() {
            inv.push(FieldError::new("mod_reason", "choose-one"));
        }
        if needs_reasons && statement.is_none() && inv.is_empty() {
            inv.push(FieldError::new("mod_statement", "forum-statement-required"));
        }
        inv.into_result()?;
        Ok(Decision { action, reason: if action == ModerationAction::Hidden { reason } else { None }, statement })
    }
}

impl ModerationAction {
    /// The state a post is in after this action.
    pub fn state_after(self) -> PostState {
        match self {
            ModerationAction::Approved | ModerationAction::Kept | ModerationAction::Restored => PostState::Visible,
            ModerationAction::Hidden | ModerationAction::AppealRefused => PostState::Hidden,
            ModerationAction::HeldByReports => PostState::Held,
        }
    }
}

/// A thread's closing, as typed: the summary is required, so that whoever reads the thread
/// later learns what came of it.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct CloseForm {
    pub thread_summary: String,
}

impl CloseForm {
    pub fn parse(&self) -> Result<String, Invalid> {
        Ok(bounded_text("thread_summary", &self.thread_summary, 10, NOTE_MAX)?)
    }
}

/// The order of a thread's posts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Order {
    #[default]
    Oldest,
    Newest,
    MostSupported,
}

impl Order {
    /// The order a query string names; anything else is the default.
    pub fn parse(s: &str) -> Order {
        match s {
            "najnowsze" => Order::Newest,
            "poparcie" => Order::MostSupported,
            _ => Order::Oldest,
        }
    }

    /// The order's name in a query string.
    pub fn as_str(self) -> &'static str {
        match self {
            Order::Oldest => "najstarsze",
            Order::Newest => "najnowsze",
            Order::MostSupported => "poparcie",
        }
    }
}

/// The text of `post` quoted in Markdown, with `who` named, for a reply that quotes it.
pub fn quote(who: &str, post: &str) -> String {
    let mut out = format!("> **{who}:**\n");
    for line in post.lines() {
        out.push_str("> ");
        out.push_str(line);
        out.push('\n');
    }
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(h: u32, m: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 2, h, m, 0).single().unwrap_or_default()
    }

    fn space() -> SpaceFacts {
        SpaceFacts {
            kind: SpaceKind::General,
            residents_start: true,
            premoderated: false,
            members_only: false,
            closed: false,
            open_for_talk: true,
        }
    }

    const RESIDENT: Author = Author { staff: false, member: false };
    const STAFF: Author = Author { staff: true, member: false };

    #[test]
    fn nobody_writes_where_a_reply_would_be_refused() {
        assert_eq!(refusal(space(), false, Some(RESIDENT)), None);
        assert_eq!(refusal(space(), false, None), Some("forum-sign-in"));
        assert_eq!(refusal(space(), true, Some(STAFF)), Some("forum-thread-closed"));
        assert_eq!(refusal(SpaceFacts { closed: true, ..space() }, false, Some(STAFF)), Some("forum-space-closed"));
        let ended = SpaceFacts { kind: SpaceKind::Consultation, open_for_talk: false, ..space() };
        assert_eq!(refusal(ended, false, Some(RESIDENT)), Some("forum-consultation-closed"));
        let members = SpaceFacts { kind: SpaceKind::Body, members_only: true, ..space() };
        assert_eq!(refusal(members, false, Some(RESIDENT)), Some("forum-members-only"));
        assert_eq!(refusal(members, false, Some(Author { staff: false, member: true })), None);
    }

    #[test]
    fn residents_start_threads_only_where_the_space_lets_them() {
        let staff_only = SpaceFacts { residents_start: false, ..space() };
        assert_eq!(start_refusal(staff_only, Some(RESIDENT)), Some("forum-staff-start"));
        assert_eq!(start_refusal(staff_only, Some(STAFF)), None);
        assert_eq!(start_refusal(space(), Some(RESIDENT)), None);
    }

    #[test]
    fn premoderation_holds_residents_posts_but_not_staff_ones() {
        let pre = SpaceFacts { premoderated: true, ..space() };
        assert_eq!(first_state(pre, RESIDENT), PostState::Held);
        assert_eq!(first_state(pre, STAFF), PostState::Visible);
        assert_eq!(first_state(space(), RESIDENT), PostState::Visible);
    }

    #[test]
    fn a_post_is_edited_only_within_the_window_and_never_once_hidden() {
        let s = Settings { edit_minutes: 30, ..Settings::default() };
        assert!(may_edit(at(10, 0), PostState::Visible, s, at(10, 30)));
        assert!(!may_edit(at(10, 0), PostState::Visible, s, at(10, 31)));
        assert!(!may_edit(at(10, 0), PostState::Hidden, s, at(10, 1)));
        assert!(may_edit(at(10, 0), PostState::Held, s, at(10, 1)));
    }

    #[test]
    fn empty_huge_and_linked_posts_of_new_accounts_are_refused() {
        let s = Settings::default();
        let old = Writer { account_created: at(0, 0) - Duration::days(10), staff: false };
        let new = Writer { account_created: at(9, 0), staff: false };
        assert_eq!(post_text("  ", old, s, at(10, 0)).map_err(|e| e.code), Err("required"));
        let huge = "x".repeat(POST_MAX + 1);
        assert_eq!(post_text(&huge, old, s, at(10, 0)).map_err(|e| e.code), Err("too-long"));
        let linked = "Zobacz https://example.org/oferta";
        assert_eq!(post_text(linked, new, s, at(10, 0)).map_err(|e| e.code), Err("forum-links-new-account"));
        assert!(post_text(linked, old, s, at(10, 0)).is_ok());
        assert!(post_text(linked, Writer { staff: true, ..new }, s, at(10, 0)).is_ok());
        assert!(post_text("Zgadzam się z przedmówcą.", new, s, at(10, 0)).is_ok());
    }

    #[test]
    fn a_report_needs_a_reason_from_the_list_and_other_needs_words() {
        let f = |r: &str, n: &str| ReportForm { report_reason: r.into(), report_note: n.into() }.parse();
        assert_eq!(f("spam", "").ok(), Some((ReportReason::Spam, None)));
        assert!(f("", "").is_err());
        assert!(f("because", "").is_err());
        let other = f("other", "").err().map(|i| i.0.iter().map(|e| e.code).collect::<Vec<_>>());
        assert_eq!(other, Some(vec!["forum-report-explain"]));
        assert!(f("other", "Reklama w podpisie").is_ok());
    }

    #[test]
    fn hiding_needs_a_reason_and_a_statement_and_fits_the_post_state() {
        let d = |d: &str, r: &str, s: &str| DecisionForm {
            mod_decision: d.into(),
            mod_reason: r.into(),
            mod_statement: s.into(),
        };
        assert!(d("hide", "abuse", "Obraża innego uczestnika.").parse(PostState::Visible, false).is_ok());
        let codes = |r: Result<Decision, Invalid>| r.err().map(|i| i.0.iter().map(|e| e.code).collect::<Vec<_>>());
        assert_eq!(codes(d("hide", "", "").parse(PostState::Held, false)), Some(vec!["choose-one"]));
        assert_eq!(codes(d("hide", "spam", "").parse(PostState::Held, false)), Some(vec!["forum-statement-required"]));
        assert_eq!(
            d("approve", "", "").parse(PostState::Held, false).map(|d| d.action),
            Ok(ModerationAction::Approved)
        );
        assert!(d("approve", "", "").parse(PostState::Visible, false).is_err());
        assert!(d("restore", "", "").parse(PostState::Hidden, false).is_err());
        assert_eq!(
            d("restore", "", "").parse(PostState::Hidden, true).map(|d| d.action),
            Ok(ModerationAction::Restored)
        );
    }

    #[test]
    fn enough_reports_hold_a_shown_post() {
        let s = Settings { reports_to_hold: 3, ..Settings::default() };
        assert!(!held_by_reports(PostState::Visible, 2, s));
        assert!(held_by_reports(PostState::Visible, 3, s));
        assert!(!held_by_reports(PostState::Hidden, 5, s));
    }

    #[test]
    fn a_quote_marks_every_line_and_names_the_author() {
        assert_eq!(quote("Anna", "raz\ndwa"), "> **Anna:**\n> raz\n> dwa\n\n");
    }

    #[test]
    fn settings_stay_within_sense() {
        let good = SettingsForm::from_settings(Settings::default());
        assert_eq!(good.parse(), Ok(Settings::default()));
        let bad = SettingsForm { reports_to_hold: "0".into(), edit_minutes: "x".into(), ..good };
        let codes: Vec<_> = bad.parse().err().map(|i| i.0.iter().map(|e| e.field).collect()).unwrap_or_default();
        assert_eq!(codes, vec!["edit_minutes", "reports_to_hold"]);
    }
}
