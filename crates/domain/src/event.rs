//! Standalone events and registration for them: what kind an event is, who organises it, when
//! its registration is open, whether a new registration takes a place or joins the waiting
//! list, how long a place offered to the first person waiting stays theirs, and the check-in
//! codes people bring to the door. The rules here are what the storage layer applies inside one
//! write transaction, so that places are counted and taken atomically.

use crate::account::Email;
use crate::validation::{FieldError, Invalid, bounded_text, optional_text};
use chrono::{DateTime, Duration, Utc};

text_enum! {
    /// What kind of gathering an event is.
    pub enum EventKind {
        /// A conference open to bodies, organisations, councillors and officials.
        Conference = "conference",
        /// A debate, such as a district's cyclic debate.
        Debate = "debate",
        /// An open workshop collecting ideas.
        Workshop = "workshop",
        /// A training, such as a session of the academy.
        Training = "training",
        /// A session of the Forum Dialogu.
        ForumSession = "forum_session",
        /// A study visit.
        StudyVisit = "study_visit",
        /// An integration event.
        Integration = "integration",
        /// A district councillor's duty hours.
        DutyHours = "duty_hours",
    }
}

text_enum! {
    /// An accessibility need a participant names when registering; the organiser sees them
    /// counted before the event.
    pub enum AccessNeed {
        /// A Polish Sign Language interpreter.
        SignLanguage = "pjm",
        /// An induction loop.
        InductionLoop = "induction_loop",
        /// Step-free access.
        StepFree = "step_free",
        /// Something else, described in words.
        Other = "other",
    }
}

/// How long a place offered to the first person waiting stays theirs before it goes to the
/// next one.
pub const OFFER_HOURS: i64 = 48;
/// Longest description of an accessibility need.
pub const NEED_MAX: usize = 500;
/// Longest participant's name.
pub const NAME_MAX: usize = 200;
/// Letters of a check-in code: no 0, O, 1, I or L, which are read one for another.
pub const CODE_ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";
/// Characters of a check-in code.
pub const CODE_LEN: usize = 8;

/// When registration for an event is open, and for how many.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Registration {
    /// Places; `None` is no limit.
    pub capacity: Option<u32>,
    pub opens_at: DateTime<Utc>,
    pub closes_at: DateTime<Utc>,
}

/// Whether registration is possible at a moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Window {
    NotYet,
    Open,
    Closed,
}

impl Registration {
    /// Whether registration is open at `now`; it closes at the latest when the event starts.
    pub fn window(&self, now: DateTime<Utc>, event_starts_at: DateTime<Utc>) -> Window {
        if now < self.opens_at {
            Window::NotYet
        } else if now >= self.closes_at.min(event_starts_at) {
            Window::Closed
        } else {
            Window::Open
        }
    }

    /// Where a new registration goes when `confirmed` places are taken and someone is already
    /// `waiting`: a place while one is free and nobody waits ahead, else the waiting list.
    pub fn place(&self, confirmed: u32, waiting: u32) -> Placement {
        match self.capacity {
            Some(cap) if confirmed >= cap || waiting > 0 => Placement::Waiting,
            _ => Placement::Confirmed,
        }
    }
}

text_enum! {
    /// Where a registration stands.
    pub enum Placement {
        /// Has a place.
        Confirmed = "confirmed",
        /// On the waiting list, in order of registration.
        Waiting = "waiting",
        /// Offered a freed place, until the offer's time runs out.
        Offered = "offered",
        /// Cancelled by the person, or an offer that ran out.
        Cancelled = "cancelled",
    }
}

impl Placement {
    /// Whether the registration holds a place (an offer holds it until it runs out).
    pub fn holds_place(self) -> bool {
        matches!(self, Placement::Confirmed | Placement::Offered)
    }
}

/// Until when a place offered at `offered_at` stays the person's.
pub fn offer_expires(offered_at: DateTime<Utc>) -> DateTime<Utc> {
    offered_at + Duration::hours(OFFER_HOURS)
}

/// Whether an offer made at `offered_at` can still be taken at `now`.
pub fn offer_open(offered_at: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    now < offer_expires(offered_at)
}

/// A check-in code typed at the door, as stored: spaces and dashes dropped, upper case;
/// `None` when it cannot be a code (the alphabet has no look-alike letters to mistake).
pub fn normalise_code(raw: &str) -> Option<String> {
    let code: String =
        raw.chars().filter(|c| !c.is_whitespace() && *c != '-').map(|c| c.to_ascii_uppercase()).collect();
    (code.len() == CODE_LEN && code.bytes().all(|b| CODE_ALPHABET.contains(&b))).then_some(code)
}

/// A check-in code from `random` bytes (one letter each), for printing as `ABCD-EFGH`.
pub fn code_from(random: &[u8; CODE_LEN]) -> String {
    random.iter().map(|b| CODE_ALPHABET[usize::from(*b) % CODE_ALPHABET.len()] as char).collect()
}

/// A registration as its form sends it; the ticked needs come as a list.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct RegistrationForm {
    pub participant_name: String,
    pub participant_email: String,
    pub needs: Vec<String>,
    pub need_other: String,
}

/// A checked registration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegistrationInput {
    pub name: String,
    pub email: Email,
    pub needs: Vec<AccessNeed>,
    /// What "other" means, when ticked.
    pub need_other: Option<String>,
}

impl RegistrationForm {
    /// Checks the form: a name, an e-mail for the confirmation, known needs, and words for
    /// "other" when it is ticked.
    pub fn parse(&self) -> Result<RegistrationInput, Invalid> {
        let mut inv = Invalid::default();
        let name = inv.check(bounded_text("participant_name", &self.participant_name, 2, NAME_MAX));
        let email = inv.check(Email::parse_field("participant_email", &self.participant_email));
        let mut needs = Vec::new();
        for raw in &self.needs {
            match AccessNeed::parse(raw.trim()) {
                Some(n) if !needs.contains(&n) => needs.push(n),
                Some(_) => {}
                None => inv.push(FieldError::new("needs", "choice-invalid")),
            }
        }
        let other = inv.check(optional_text("need_other", &self.need_other, NEED_MAX));
        if needs.contains(&AccessNeed::Other) && matches!(other, Some(None)) {
            inv.push(FieldError::new("need_other", "event-need-other-required"));
        }
        match (name, email, other) {
            (Some(name), Some(email), Some(other)) if inv.is_empty() => Ok(RegistrationInput {
                name,
                email,
                need_other: other.filter(|_| needs.contains(&AccessNeed::Other)),
                needs,
            }),
            _ => Err(inv),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(h: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000, 0).unwrap() + Duration::hours(h)
    }

    #[test]
    fn registration_opens_and_closes_at_its_times_and_at_the_latest_when_the_event_starts() {
        let r = Registration { capacity: Some(10), opens_at: at(0), closes_at: at(100) };
        assert_eq!(r.window(at(-1), at(50)), Window::NotYet);
        assert_eq!(r.window(at(0), at(50)), Window::Open);
        assert_eq!(r.window(at(50), at(50)), Window::Closed, "the event has started");
        assert_eq!(r.window(at(49), at(200)), Window::Open);
        assert_eq!(r.window(at(100), at(200)), Window::Closed);
    }

    #[test]
    fn a_place_while_one_is_free_and_nobody_waits_else_the_waiting_list() {
        let r = Registration { capacity: Some(10), opens_at: at(0), closes_at: at(100) };
        assert_eq!(r.place(9, 0), Placement::Confirmed);
        assert_eq!(r.place(10, 0), Placement::Waiting);
        // A place freed while people wait goes to them through an offer, not to a newcomer.
        assert_eq!(r.place(9, 3), Placement::Waiting);
        let open = Registration { capacity: None, ..r };
        assert_eq!(open.place(10_000, 0), Placement::Confirmed);
    }

    #[test]
    fn an_offer_stays_open_for_its_hours() {
        assert!(offer_open(at(0), at(OFFER_HOURS) - Duration::seconds(1)));
        assert!(!offer_open(at(0), at(OFFER_HOURS)));
        assert!(Placement::Offered.holds_place() && !Placement::Waiting.holds_place());
    }

    #[test]
    fn a_code_is_read_back_whatever_the_case_dashes_and_look_alike_letters() {
        let code = code_from(&[0, 1, 2, 3, 30, 31, 200, 255]);
        assert_eq!(code.len(), CODE_LEN);
        assert_eq!(normalise_code(&code).as_deref(), Some(code.as_str()));
        let printed = format!("{}-{}", &code[..4], &code[4..]).to_lowercase();
        assert_eq!(normalise_code(&printed).as_deref(), Some(code.as_str()));
        assert_eq!(normalise_code("ABCD EFG"), None, "too short");
        assert_eq!(normalise_code("ABCD-EFG!"), None);
        // A look-alike letter is in no code: refused rather than matched to another one.
        assert_eq!(normalise_code("ABCD-EFGO"), None);
    }

    #[test]
    fn other_needs_are_described_and_unknown_ones_refused() {
        let f = RegistrationForm {
            participant_name: "Jan Nowak".into(),
            participant_email: "jan@example.org".into(),
            needs: vec!["pjm".into(), "other".into(), "pjm".into()],
            need_other: String::new(),
        };
        let codes = |r: Result<RegistrationInput, Invalid>| {
            r.unwrap_err().0.iter().map(|e| (e.field, e.code)).collect::<Vec<_>>()
        };
        assert_eq!(codes(f.parse()), [("need_other", "event-need-other-required")]);
        let described = RegistrationForm { need_other: "Pies asystujący".into(), ..f.clone() };
        let ok = described.parse().unwrap();
        assert_eq!(ok.needs, [AccessNeed::SignLanguage, AccessNeed::Other]);
        assert_eq!(ok.need_other.as_deref(), Some("Pies asystujący"));
        let unknown = RegistrationForm { needs: vec!["jetpack".into()], ..f };
        assert_eq!(codes(unknown.parse()), [("needs", "choice-invalid")]);
    }
}
