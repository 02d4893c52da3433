//! Advice requests (Bank Wspierania Partycypacji): a resident, an informal group or an
//! organisation asks the city's advisers a question on a topic, they talk it through in
//! messages and an adviser answers. Each request is a tracked request of the city's answers
//! ledger; its due date counts working days and stands still while the adviser waits for the
//! person who asked. An answered request may be published, with names taken out, as a
//! question and answer for everyone.

use crate::account::Email;
use crate::calendar::{add_working_days, working_days_overdue};
use crate::document::{FileType, name_fits, sniff};
use crate::tracked::{TrackedKind, TrackedState};
use crate::validation::{FieldError, Invalid, bounded_text, optional_text};
use chrono::NaiveDate;

/// Shortest question: "how do I…" with too little to answer is sent back to be completed.
pub const QUESTION_MIN: usize = 20;
/// Longest question or message.
pub const TEXT_MAX: usize = 10_000;
/// Shortest answer: an answer without reasons helps nobody.
pub const ANSWER_MIN: usize = 20;
/// Longest answer, and longest published question or answer.
pub const ANSWER_MAX: usize = 20_000;
/// Longest name of a person, group or organisation.
pub const NAME_MAX: usize = 200;
/// Longest comment on a rating.
pub const COMMENT_MAX: usize = 2_000;
/// Files a request may carry.
pub const FILES_MAX: usize = 3;
/// Largest file.
pub const FILE_MAX_BYTES: usize = 10 * 1024 * 1024;
/// Published questions per page of `/doradztwo`.
pub const PAGE_SIZE: i64 = 20;

text_enum! {
    /// What a request is about, which tells the adviser which knowledge it needs.
    pub enum Topic {
        /// Local plans, planning decisions, the study of conditions.
        SpatialPlanning = "spatial_planning",
        /// Greenery, trees, air, water, noise.
        Environment = "environment",
        /// Resolutions, by-laws, petitions, the local law-making initiative.
        CityLaw = "city_law",
        /// Public and sustainable transport, cycling, walking.
        Transport = "transport",
        /// Founding and running an organisation, grants, the cooperation programme.
        Ngo = "ngo",
        /// Joining a civic dialogue body or founding one.
        DialogueBody = "dialogue_body",
        /// Anything else.
        Other = "other",
    }
}

text_enum! {
    /// Who asks.
    pub enum Asker {
        /// A resident on their own behalf.
        Resident = "resident",
        /// An informal group of residents (neighbours, parents, a street).
        InformalGroup = "informal_group",
        /// A non-governmental organisation.
        Organisation = "organisation",
    }
}

/// The request form as sent (the files come beside it).
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct RequestForm {
    pub advice_topic: String,
    pub advice_asker: String,
    /// The group's or organisation's name; required unless a resident asks.
    pub advice_organisation: String,
    pub advice_name: String,
    /// Only asked of people who are not signed in: the account's address serves otherwise.
    pub advice_email: String,
    pub advice_question: String,
}

/// A checked request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestInput {
    pub topic: Topic,
    pub asker: Asker,
    pub organisation: Option<String>,
    /// How the adviser addresses the person; optional, as collecting the minimum asks.
    pub name: Option<String>,
    /// Where the receipt, the messages and the answer go.
    pub email: Email,
    pub question: String,
}

fn choice<E: crate::TextEnum>(field: &'static str, raw: &str, parse: fn(&str) -> Option<E>) -> Result<E, FieldError> {
    match raw.trim() {
        "" => Err(FieldError::new(field, "required")),
        s => parse(s).ok_or(FieldError::new(field, "choice-invalid")),
    }
}

impl RequestForm {
    /// Checks the form; `account` is the signed-in person's address, which then replaces the
    /// typed one.
    pub fn parse(&self, account: Option<&Email>) -> Result<RequestInput, Invalid> {
        let mut inv = Invalid::default();
        let topic = inv.check(choice("advice_topic", &self.advice_topic, Topic::parse));
        let asker = inv.check(choice("advice_asker", &self.advice_asker, Asker::parse));
        let organisation = inv.check(match (asker, self.advice_organisation.trim()) {
            (Some(Asker::InformalGroup | Asker::Organisation), "") => {
                Err(FieldError::new("advice_organisation", "advice-organisation-required"))
            }
            // A resident asking alone names no group, whatever was left in the field.
            (Some(Asker::Resident), _) => Ok(None),
            (_, raw) => optional_text("advice_organisation", raw, NAME_MAX),
        });
        let name = inv.check(optional_text("advice_name", &self.advice_name, NAME_MAX));
        let email = inv.check(match account {
            Some(e) => Ok(e.clone()),
            None => Email::parse_field("advice_email", &self.advice_email),
        });
        let question = inv.check(bounded_text("advice_question", &self.advice_question, QUESTION_MIN, TEXT_MAX));
        match (topic, asker, organisation, name, email, question) {
            (Some(topic), Some(asker), Some(organisation), Some(name), Some(email), Some(question))
                if inv.is_empty() =>
            {
                Ok(RequestInput { topic, asker, organisation, name, email, question })
            }
            _ => Err(inv),
        }
    }
}

/// Checks one attached file by its content: not over the size, of a type documents may be,
/// and named as what it is, so that a program renamed `.pdf` or a picture renamed `.docx` is
/// refused rather than passed on to the adviser.
pub fn attachment(name: &str, bytes: &[u8], too_big: bool) -> Result<FileType, FieldError> {
    if too_big {
        return Err(FieldError::with_limit("advice_files", "file-too-big", FILE_MAX_BYTES / 1024 / 1024));
    }
    let found = sniff(bytes).ok_or(FieldError::new("advice_files", "file-type"))?;
    if name_fits(name, found) { Ok(found) } else { Err(FieldError::new("advice_files", "advice-file-disguised")) }
}

/// Checks every attached file, reporting the first problem; more than [`FILES_MAX`] is refused.
pub fn attachments<'a>(
    files: impl IntoIterator<Item = (&'a str, &'a [u8], bool)>,
) -> Result<Vec<FileType>, FieldError> {
    let mut out = Vec::new();
    for (name, bytes, too_big) in files {
        if out.len() == FILES_MAX {
            return Err(FieldError::with_limit("advice_files", "advice-too-many-files", FILES_MAX));
        }
        out.push(attachment(name, bytes, too_big)?);
    }
    Ok(out)
}

/// A message in a request's conversation as its form sends it.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct MessageForm {
    pub advice_message: String,
    /// A ticked box (advisers only): the message asks the person something, so the clock
    /// stops until they reply.
    pub advice_pause: Option<String>,
    /// The requester's key, for those who are not signed in (carried by the page's link).
    pub klucz: String,
}

/// A checked message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MessageInput {
    pub text: String,
    pub pause: bool,
}

impl MessageForm {
    /// Checks the text.
    pub fn parse(&self) -> Result<MessageInput, Invalid> {
        let text = bounded_text("advice_message", &self.advice_message, 2, TEXT_MAX)?;
        Ok(MessageInput { text, pause: self.advice_pause.is_some() })
    }
}

/// An adviser's answer as its form sends it.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct AnswerForm {
    pub advice_answer: String,
}

impl AnswerForm {
    /// Checks the answer's text.
    pub fn parse(&self) -> Result<String, Invalid> {
        Ok(bounded_text("advice_answer", &self.advice_answer, ANSWER_MIN, ANSWER_MAX)?)
    }
}

/// The requester's rating of an answer as its form sends it.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct RatingForm {
    /// 1 (did not help) to 5 (helped a lot).
    pub advice_rating: String,
    pub advice_rating_comment: String,
    pub klucz: String,
}

/// Lowest and highest rating.
pub const RATINGS: std::ops::RangeInclusive<i32> = 1..=5;

impl RatingForm {
    /// Checks the rating and the optional comment.
    pub fn parse(&self) -> Result<(i32, Option<String>), Invalid> {
        let mut inv = Invalid::default();
        let rating = inv.check(match self.advice_rating.trim() {
            "" => Err(FieldError::new("advice_rating", "required")),
            s => s
                .parse::<i32>()
                .ok()
                .filter(|r| RATINGS.contains(r))
                .ok_or(FieldError::new("advice_rating", "choice-invalid")),
        });
        let comment = inv.check(optional_text("advice_rating_comment", &self.advice_rating_comment, COMMENT_MAX));
        match (rating, comment) {
            (Some(r), Some(c)) if inv.is_empty() => Ok((r, c)),
            _ => Err(inv),
        }
    }
}

/// The public question and answer an adviser publishes, as the form sends them.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct PublishForm {
    pub advice_public_question: String,
    pub advice_public_answer: String,
}

impl PublishForm {
    /// Checks both texts: (question, answer).
    pub fn parse(&self) -> Result<(String, String), Invalid> {
        let mut inv = Invalid::default();
        let q =
            inv.check(bounded_text("advice_public_question", &self.advice_public_question, QUESTION_MIN, ANSWER_MAX));
        let a = inv.check(bounded_text("advice_public_answer", &self.advice_public_answer, ANSWER_MIN, ANSWER_MAX));
        match (q, a) {
            (Some(q), Some(a)) if inv.is_empty() => Ok((q, a)),
            _ => Err(inv),
        }
    }
}

/// What stands in for what [`anonymise`] takes out.
pub const REDACTED: &str = "[…]";

/// A first draft of the public text: the names given (the person's, the group's) and every
/// part of them of three letters or more, e-mail addresses and phone numbers replaced by
/// [`REDACTED`]. The adviser reads and edits it before publishing; this only spares them the
/// obvious.
pub fn anonymise(text: &str, names: &[&str]) -> String {
    let mut out = text.to_owned();
    let mut parts: Vec<&str> = Vec::new();
    for n in names {
        let n = n.trim();
        if n.chars().count() >= 3 {
            parts.push(n);
        }
        parts.extend(n.split_whitespace().filter(|p| p.chars().count() >= 3));
    }
    // The whole name before its parts, longest first, so that no part is left of a whole.
    parts.sort_by_key(|p| std::cmp::Reverse(p.len()));
    for p in parts {
        out = out.replace(p, REDACTED);
    }
    let out: Vec<String> = out.split(' ').map(redact_address).collect();
    redact_numbers(&out.join(" "))
}

/// A word holding an e-mail address, redacted, keeping the punctuation around it.
fn redact_address(word: &str) -> String {
    if !word.contains('@') {
        return word.to_owned();
    }
    let start = word.find(char::is_alphanumeric).unwrap_or(0);
    let end = word
        .rfind(char::is_alphanumeric)
        .map_or(word.len(), |i| i + word[i..].chars().next().map_or(1, char::len_utf8));
    format!("{}{REDACTED}{}", &word[..start], &word[end..])
}

/// Replaces runs of digits, spaces, `+`, `-` and brackets holding nine digits or more (phone
/// numbers, as Polish ones have nine).
fn redact_numbers(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() || chars[i] == '+' {
            let mut j = i;
            let mut digits = 0;
            while j < chars.len() && (chars[j].is_ascii_digit() || " +-()".contains(chars[j])) {
                if chars[j].is_ascii_digit() {
                    digits += 1;
                }
                j += 1;
            }
            // What follows the last digit (a space, a closing bracket) belongs to the text.
            let mut end = j;
            while end > i && !chars[end - 1].is_ascii_digit() {
                end -= 1;
            }
            if digits >= 9 {
                out.push_str(REDACTED);
                out.extend(&chars[end..j]);
            } else {
                out.extend(&chars[i..j]);
            }
            i = j;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

/// The number a request is known by, e.g. "DOR/17": its receipt number.
pub fn number(id: i64) -> String {
    format!("DOR/{id}")
}

/// The day a request sent on `opened_on` is due: the working days of
/// [`TrackedKind::AdviceRequest`]'s period.
pub fn due_on(opened_on: NaiveDate) -> NaiveDate {
    TrackedKind::AdviceRequest.default_period().due(opened_on)
}

/// Working days the clock stood still for a pause that began on `paused_on` and ended on
/// `resumed_on`: those after the day the adviser asked, up to and including the day of the
/// reply. A reply the same day costs nothing; one over a weekend counts only working days.
pub fn pause_days(paused_on: NaiveDate, resumed_on: NaiveDate) -> u32 {
    working_days_overdue(paused_on, resumed_on)
}

/// The due date after a pause: the old one moved on by the working days paused.
pub fn resumed_due(due_on: NaiveDate, paused_on: NaiveDate, resumed_on: NaiveDate) -> NaiveDate {
    add_working_days(due_on, pause_days(paused_on, resumed_on))
}

/// Whether an adviser may take the request from the queue.
pub fn may_take(state: TrackedState) -> bool {
    state == TrackedState::Sent
}

/// Whether the adviser who took it may write to the person or answer.
pub fn in_hand(state: TrackedState) -> bool {
    matches!(state, TrackedState::Acknowledged | TrackedState::Paused)
}

/// Whether the person who asked may still write: until it is answered.
pub fn requester_may_write(state: TrackedState) -> bool {
    matches!(state, TrackedState::Sent | TrackedState::Acknowledged | TrackedState::Paused)
}

/// Whether the answer may be rated: answered, and not rated before.
pub fn may_rate(state: TrackedState, rated: bool) -> bool {
    state == TrackedState::Answered && !rated
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn codes<T: std::fmt::Debug>(r: Result<T, Invalid>) -> Vec<(&'static str, &'static str)> {
        r.unwrap_err().0.iter().map(|e| (e.field, e.code)).collect()
    }

    fn form() -> RequestForm {
        RequestForm {
            advice_topic: "spatial_planning".into(),
            advice_asker: "resident".into(),
            advice_organisation: String::new(),
            advice_name: "Anna Nowak".into(),
            advice_email: "anna@example.pl".into(),
            advice_question: "Jak złożyć uwagę do projektu planu miejscowego dla Zabłocia?".into(),
        }
    }

    #[test]
    fn a_request_needs_a_topic_who_asks_an_address_and_a_question() {
        let ok = form().parse(None).unwrap();
        assert_eq!(
            (ok.topic, ok.asker, ok.email.as_str()),
            (Topic::SpatialPlanning, Asker::Resident, "anna@example.pl")
        );
        assert_eq!(
            codes(RequestForm::default().parse(None)),
            [
                ("advice_topic", "required"),
                ("advice_asker", "required"),
                ("advice_email", "required"),
                ("advice_question", "required")
            ]
        );
        let group = RequestForm { advice_asker: "informal_group".into(), ..form() };
        assert_eq!(codes(group.parse(None)), [("advice_organisation", "advice-organisation-required")]);
        let short = RequestForm { advice_question: "Jak?".into(), advice_topic: "budget".into(), ..form() };
        assert_eq!(codes(short.parse(None)), [("advice_topic", "choice-invalid"), ("advice_question", "too-short")]);
        let account = Email::parse("konto@example.pl").unwrap();
        let signed_in = RequestForm { advice_email: String::new(), ..form() };
        assert_eq!(signed_in.parse(Some(&account)).unwrap().email, account, "the account's address serves");
        let alone = RequestForm { advice_organisation: "Sąsiedzi z Zabłocia".into(), ..form() };
        assert_eq!(alone.parse(None).unwrap().organisation, None, "a resident names no group");
    }

    #[test]
    fn a_file_is_judged_by_its_content_and_must_be_named_as_what_it_is() {
        let pdf: &[u8] = b"%PDF-1.4 tiny";
        assert_eq!(attachment("plan.PDF", pdf, false), Ok(FileType::Pdf));
        assert_eq!(attachment("plan", pdf, false), Ok(FileType::Pdf), "no extension claims nothing");
        assert_eq!(attachment("plan.docx", pdf, false).unwrap_err().code, "advice-file-disguised");
        assert_eq!(attachment("program.pdf", b"MZ\x90\x00", false).unwrap_err().code, "file-type");
        let big = attachment("plan.pdf", b"", true).unwrap_err();
        assert_eq!((big.code, big.limit), ("file-too-big", Some(10)));
        let four = vec![("a.pdf", pdf, false); 4];
        assert_eq!(attachments(four).unwrap_err().code, "advice-too-many-files");
        assert_eq!(attachments(vec![("a.pdf", pdf, false); 3]).unwrap().len(), 3);
    }

    #[test]
    fn messages_answers_ratings_and_published_texts_are_checked() {
        let m = MessageForm {
            advice_message: " Proszę o mapę. ".into(),
            advice_pause: Some("1".into()),
            ..Default::default()
        };
        assert_eq!(m.parse().unwrap(), MessageInput { text: "Proszę o mapę.".into(), pause: true });
        assert_eq!(codes(MessageForm::default().parse()), [("advice_message", "required")]);
        assert_eq!(codes(AnswerForm { advice_answer: "Tak.".into() }.parse()), [("advice_answer", "too-short")]);
        let rate = |r: &str| RatingForm { advice_rating: r.into(), ..Default::default() }.parse();
        assert_eq!(rate("5").unwrap(), (5, None));
        assert_eq!(codes(rate("6")), [("advice_rating", "choice-invalid")]);
        assert_eq!(codes(rate("")), [("advice_rating", "required")]);
        assert_eq!(
            codes(PublishForm::default().parse()),
            [("advice_public_question", "required"), ("advice_public_answer", "required")]
        );
    }

    #[test]
    fn anonymising_takes_out_names_addresses_and_phone_numbers() {
        let text = "Nazywam się Anna Nowak (anna.nowak@example.pl, tel. +48 600 100 200). Pani Nowak mieszka przy ul. Lipowej 12.";
        assert_eq!(
            anonymise(text, &["Anna Nowak", ""]),
            "Nazywam się […] ([…], tel. […]). Pani […] mieszka przy ul. Lipowej 12."
        );
        assert_eq!(
            anonymise("Stowarzyszenie Zielone Zabłocie pyta o granty.", &["Zielone Zabłocie"]),
            "Stowarzyszenie […] pyta o granty."
        );
        assert_eq!(
            anonymise("Rok 2026, działka 123/4.", &["Al"]),
            "Rok 2026, działka 123/4.",
            "short names and numbers stay"
        );
    }

    #[test]
    fn the_due_date_counts_ten_working_days() {
        // Sent on Friday 6 November 2026: 11 November is a holiday, so ten working days end
        // on Monday 23 November.
        assert_eq!(due_on(day(2026, 11, 6)), day(2026, 11, 23));
    }

    #[test]
    fn a_pause_moves_the_due_date_by_the_working_days_it_lasted() {
        let due = day(2026, 11, 23);
        // Asked on Tuesday 10 November, replied on Monday 16 November: the 11th is a holiday
        // and the weekend does not count, so 12, 13 and 16 November: three working days.
        assert_eq!(pause_days(day(2026, 11, 10), day(2026, 11, 16)), 3);
        assert_eq!(resumed_due(due, day(2026, 11, 10), day(2026, 11, 16)), day(2026, 11, 26));
        // A reply the same day, or over a weekend only, moves nothing.
        assert_eq!(resumed_due(due, day(2026, 11, 12), day(2026, 11, 12)), due);
        assert_eq!(pause_days(day(2026, 11, 13), day(2026, 11, 15)), 0);
        // Over Christmas: 24, 25 and 26 December and the weekend are days off.
        assert_eq!(pause_days(day(2026, 12, 22), day(2026, 12, 29)), 3);
    }

    #[test]
    fn who_may_do_what_follows_the_state() {
        use TrackedState::*;
        assert!(may_take(Sent) && !may_take(Acknowledged));
        assert!(in_hand(Acknowledged) && in_hand(Paused) && !in_hand(Sent) && !in_hand(Answered));
        assert!(requester_may_write(Paused) && !requester_may_write(Answered));
        assert!(may_rate(Answered, false) && !may_rate(Answered, true) && !may_rate(Paused, false));
    }
}
