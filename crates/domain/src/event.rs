//! Standalone events and registration for them: what kind an event is, who organises it, when
//! its registration is open, whether a new registration takes a place or joins the waiting
//! list, how long a place offered to the first person waiting stays theirs, and the check-in
//! codes people bring to the door. The rules here are what the storage layer applies inside one
//! write transaction, so that places are counted and taken atomically.

use crate::account::Email;
use crate::permission::{Action, Grant, permits};
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

text_enum! {
    /// What a mail about a registration tells its person.
    pub enum RegistrationMail {
        /// A place is theirs: the code, the QR code and the calendar entry.
        Confirmed = "confirmed",
        /// They are on the waiting list.
        Waiting = "waiting",
        /// A freed place is offered to them, until the offer runs out.
        Offered = "offered",
        /// The event is tomorrow.
        Reminder = "reminder",
        /// The event was cancelled.
        EventCancelled = "event_cancelled",
        /// Their certificate of attendance is ready.
        Certificate = "certificate",
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

/// Who organises an event: its pages list the event and its editors keep it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Organiser {
    /// The City Dialogue Centre itself.
    Centre,
    /// A city department or unit.
    Unit(i64),
    /// A district and its council.
    District(i64),
    /// A civic dialogue body.
    Body(i64),
}

impl Organiser {
    /// The stored kind and id.
    pub fn parts(self) -> (&'static str, Option<i64>) {
        match self {
            Organiser::Centre => ("centre", None),
            Organiser::Unit(id) => ("unit", Some(id)),
            Organiser::District(id) => ("district", Some(id)),
            Organiser::Body(id) => ("body", Some(id)),
        }
    }

    /// From the stored kind and id; `None` when they do not fit together.
    pub fn from_parts(kind: &str, id: Option<i64>) -> Option<Organiser> {
        match (kind, id) {
            ("centre", None) => Some(Organiser::Centre),
            ("unit", Some(id)) => Some(Organiser::Unit(id)),
            ("district", Some(id)) => Some(Organiser::District(id)),
            ("body", Some(id)) => Some(Organiser::Body(id)),
            _ => None,
        }
    }

    /// As a form's option value: `centre`, `unit:3`, `district:12`, `body:4`.
    pub fn key(self) -> String {
        match self.parts() {
            (kind, None) => kind.to_owned(),
            (kind, Some(id)) => format!("{kind}:{id}"),
        }
    }

    /// Reads an option value written by [`Organiser::key`].
    pub fn parse(raw: &str) -> Option<Organiser> {
        let raw = raw.trim();
        match raw.split_once(':') {
            None => Organiser::from_parts(raw, None),
            Some((kind, id)) => Organiser::from_parts(kind, Some(id.parse().ok().filter(|n: &i64| *n > 0)?)),
        }
    }

    /// Whether `grants` allow keeping this organiser's events: the Centre keeps everyone's,
    /// a department, district or body its own.
    pub fn may_keep(self, grants: &[Grant]) -> bool {
        permits(grants, Action::EditCentreContent)
            || match self {
                Organiser::Centre => false,
                Organiser::Unit(u) => permits(grants, Action::ManageUnit(u)),
                Organiser::District(d) => permits(grants, Action::ManageDistrict(d)),
                Organiser::Body(b) => permits(grants, Action::ManageBody(b)),
            }
    }
}

/// Whether `grants` allow keeping any event at all: opens the events' staff screens.
pub fn may_keep_some(grants: &[Grant]) -> bool {
    permits(grants, Action::EditCentreContent)
        || grants.iter().any(|g| matches!(g, Grant::Organiser(_) | Grant::DistrictEditor(_) | Grant::BodySecretary(_)))
}

/// Most questions an organiser asks on registration.
pub const QUESTIONS_MAX: usize = 5;
/// Longest organiser's question.
pub const QUESTION_MAX: usize = 200;
/// Longest answer to an organiser's question.
pub const ANSWER_MAX: usize = 1_000;
/// The form fields of the answers, one per question in order.
pub const ANSWER_FIELDS: [&str; QUESTIONS_MAX] = ["answer_1", "answer_2", "answer_3", "answer_4", "answer_5"];
/// Most places an event can offer.
pub const CAPACITY_MAX: u32 = 100_000;

/// A standalone event as its form sends it; the handler reads the four times in Warsaw time.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct CityEventForm {
    pub event_kind: String,
    pub event_title: String,
    pub event_organiser: String,
    /// The series it belongs to; empty for none.
    pub event_series: String,
    /// The consultation it serves; empty for none.
    pub event_consultation: String,
    /// The district it concerns, for the filters; empty for the whole city.
    pub event_district: String,
    pub event_starts_at: String,
    pub event_ends_at: String,
    pub event_address: String,
    pub event_online_url: String,
    pub event_description: String,
    /// "on" when people register for it.
    pub registration: String,
    /// Places; empty for no limit.
    pub reg_capacity: String,
    pub reg_opens_at: String,
    pub reg_closes_at: String,
    /// The organiser's questions, one per line.
    pub reg_questions: String,
}

/// The moments a [`CityEventForm`] carries, as the handler read them.
#[derive(Debug, Clone, Copy, Default)]
pub struct FormTimes {
    pub starts_at: Option<DateTime<Utc>>,
    pub ends_at: Option<DateTime<Utc>>,
    pub opens_at: Option<DateTime<Utc>>,
    pub closes_at: Option<DateTime<Utc>>,
}

/// What a [`CityEventForm`] may name: the organisers the editor keeps and the series,
/// consultations and districts that exist.
#[derive(Debug, Clone, Default)]
pub struct Choices {
    pub organisers: Vec<Organiser>,
    pub series: Vec<i64>,
    pub consultations: Vec<i64>,
    pub districts: Vec<i64>,
}

/// A checked standalone event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CityEventInput {
    pub kind: EventKind,
    pub title: String,
    pub organiser: Organiser,
    pub series_id: Option<i64>,
    pub consultation_id: Option<i64>,
    pub district_id: Option<i64>,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub address: Option<String>,
    pub online_url: Option<String>,
    pub description: String,
    /// `None` when nobody registers: anyone simply comes.
    pub registration: Option<Registration>,
    pub questions: Vec<String>,
}

fn chosen(field: &'static str, raw: &str, among: &[i64]) -> Result<Option<i64>, FieldError> {
    match raw.trim() {
        "" => Ok(None),
        raw => raw
            .parse::<i64>()
            .ok()
            .filter(|id| among.contains(id))
            .map(Some)
            .ok_or(FieldError::new(field, "choice-invalid")),
    }
}

impl CityEventForm {
    /// Checks the form. A new event starts after `now`; an event being edited may already be
    /// under way (`is_new` false), since its materials and summary come afterwards. A district's
    /// own event concerns that district unless the editor names it.
    pub fn parse(
        &self,
        t: FormTimes,
        c: &Choices,
        now: DateTime<Utc>,
        is_new: bool,
    ) -> Result<CityEventInput, Invalid> {
        use crate::programme::{SHORT_MAX, TEXT_MAX, TITLE_MAX, date_field, optional_url};
        let mut inv = Invalid::default();
        let kind =
            inv.check(EventKind::parse(self.event_kind.trim()).ok_or(FieldError::new("event_kind", "choice-invalid")));
        let title = inv.check(bounded_text("event_title", &self.event_title, 3, TITLE_MAX));
        let organiser = inv.check(
            Organiser::parse(&self.event_organiser)
                .filter(|o| c.organisers.contains(o))
                .ok_or(FieldError::new("event_organiser", "choice-invalid")),
        );
        let series_id = inv.check(chosen("event_series", &self.event_series, &c.series));
        let consultation_id = inv.check(chosen("event_consultation", &self.event_consultation, &c.consultations));
        let district_id = inv.check(chosen("event_district", &self.event_district, &c.districts));
        let starts = inv.check(date_field("event_starts_at", &self.event_starts_at, t.starts_at));
        let ends = inv.check(date_field("event_ends_at", &self.event_ends_at, t.ends_at));
        if let Some(s) = starts
            && is_new
            && s <= now
        {
            inv.push(FieldError::new("event_starts_at", "event-in-past"));
        }
        if let (Some(s), Some(e)) = (starts, ends)
            && e <= s
        {
            inv.push(FieldError::new("event_ends_at", "ends-before-starts"));
        }
        let address = inv.check(optional_text("event_address", &self.event_address, SHORT_MAX));
        let online_url = inv.check(optional_url("event_online_url", &self.event_online_url));
        if let (Some(None), Some(None)) = (&address, &online_url) {
            inv.push(FieldError::new("event_address", "event-place-required"));
        }
        let description = inv.check(bounded_text("event_description", &self.event_description, 10, TEXT_MAX));
        let questions: Vec<String> =
            self.reg_questions.lines().map(str::trim).filter(|q| !q.is_empty()).map(str::to_owned).collect();
        if questions.len() > QUESTIONS_MAX {
            inv.push(FieldError::with_limit("reg_questions", "event-questions-too-many", QUESTIONS_MAX));
        } else if questions.iter().any(|q| q.chars().count() > QUESTION_MAX) {
            inv.push(FieldError::with_limit("reg_questions", "event-question-too-long", QUESTION_MAX));
        }
        let registration =
            if self.registration.trim().is_empty() {
                Some(None)
            } else {
                let capacity =
                    inv.check(match self.reg_capacity.trim() {
                        "" => Ok(None),
                        raw => raw.parse::<u32>().ok().filter(|n| (1..=CAPACITY_MAX).contains(n)).map(Some).ok_or(
                            FieldError::with_limit("reg_capacity", "event-capacity-invalid", CAPACITY_MAX as usize),
                        ),
                    });
                // Registration opens now and closes when the event starts, unless the editor says.
                let opens = if self.reg_opens_at.trim().is_empty() {
                    Some(now)
                } else {
                    inv.check(date_field("reg_opens_at", &self.reg_opens_at, t.opens_at))
                };
                let closes = if self.reg_closes_at.trim().is_empty() {
                    starts
                } else {
                    inv.check(date_field("reg_closes_at", &self.reg_closes_at, t.closes_at))
                };
                // With neither time given, registration runs from now to the start, whatever the
                // start: an event already under way is refused for its start, not for this.
                let typed = !self.reg_opens_at.trim().is_empty() || !self.reg_closes_at.trim().is_empty();
                if let (Some(o), Some(c)) = (opens, closes)
                    && typed
                    && c <= o
                {
                    inv.push(FieldError::new("reg_closes_at", "event-registration-closes-before-opens"));
                }
                if let (Some(c), Some(s)) = (closes, starts)
                    && c > s
                {
                    inv.push(FieldError::new("reg_closes_at", "event-registration-after-start"));
                }
                match (capacity, opens, closes) {
                    (Some(capacity), Some(opens_at), Some(closes_at)) => {
                        Some(Some(Registration { capacity, opens_at, closes_at }))
                    }
                    _ => None,
                }
            };
        let district_id = district_id.map(|d| match (d, organiser) {
            (None, Some(Organiser::District(own))) => Some(own),
            (d, _) => d,
        });
        match (kind, title, organiser, series_id, consultation_id, district_id, starts, ends) {
            (
                Some(kind),
                Some(title),
                Some(organiser),
                Some(series_id),
                Some(consultation_id),
                Some(district_id),
                Some(starts_at),
                Some(ends_at),
            ) if inv.is_empty() => Ok(CityEventInput {
                kind,
                title,
                organiser,
                series_id,
                consultation_id,
                district_id,
                starts_at,
                ends_at,
                address: address.flatten(),
                online_url: online_url.flatten(),
                description: description.unwrap_or_default(),
                registration: registration.flatten(),
                questions,
            }),
            _ => Err(inv),
        }
    }
}

/// The address of an event's recording, if given: a plain web link.
pub fn recording_url(raw: &str) -> Result<Option<String>, FieldError> {
    crate::programme::optional_url("recording_url", raw)
}

/// A series of events as its form sends it.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct SeriesForm {
    pub series_title: String,
    pub series_description: String,
    pub series_organiser: String,
    /// "on" for a training series of the academy.
    pub series_academy: String,
    /// Whom an academy series is for.
    pub series_audience: String,
}

/// A checked series.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeriesInput {
    pub title: String,
    pub description: String,
    pub organiser: Organiser,
    /// Whom it is for, when it is a series of the academy; `None` for any other series.
    pub academy: Option<String>,
}

impl SeriesForm {
    /// Checks the form against the organisers the editor keeps; an academy series names whom
    /// it is for, since its catalogue says so.
    pub fn parse(&self, organisers: &[Organiser]) -> Result<SeriesInput, Invalid> {
        let mut inv = Invalid::default();
        let title = inv.check(bounded_text("series_title", &self.series_title, 3, crate::programme::TITLE_MAX));
        let description =
            inv.check(bounded_text("series_description", &self.series_description, 10, crate::programme::TEXT_MAX));
        let organiser = inv.check(
            Organiser::parse(&self.series_organiser)
                .filter(|o| organisers.contains(o))
                .ok_or(FieldError::new("series_organiser", "choice-invalid")),
        );
        let academy = if self.series_academy.trim().is_empty() {
            Some(None)
        } else {
            inv.check(bounded_text("series_audience", &self.series_audience, 3, crate::programme::SHORT_MAX)).map(Some)
        };
        match (title, description, organiser, academy) {
            (Some(title), Some(description), Some(organiser), Some(academy)) if inv.is_empty() => {
                Ok(SeriesInput { title, description, organiser, academy })
            }
            _ => Err(inv),
        }
    }
}

/// Where a new registration may not go, whatever the places left.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The event takes no registrations.
    NoRegistration,
    /// Registration has not opened yet.
    NotYet,
    /// Registration has closed (or the event has started).
    Closed,
    /// The event was cancelled.
    Cancelled,
    /// This address already holds a registration that is not cancelled.
    Twice,
}

impl Refusal {
    /// The message key shown with the form.
    pub fn key(self) -> &'static str {
        match self {
            Refusal::NoRegistration => "event-refused-no-registration",
            Refusal::NotYet => "event-refused-not-yet",
            Refusal::Closed => "event-refused-closed",
            Refusal::Cancelled => "event-refused-cancelled",
            Refusal::Twice => "event-refused-twice",
        }
    }
}

/// Whether a registration may be taken at `now` for an event with these settings; the place
/// itself is decided by [`Registration::place`] under the write lock.
pub fn may_register(
    registration: Option<&Registration>,
    cancelled: bool,
    starts_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<(), Refusal> {
    if cancelled {
        return Err(Refusal::Cancelled);
    }
    match registration.map(|r| r.window(now, starts_at)) {
        None => Err(Refusal::NoRegistration),
        Some(Window::NotYet) => Err(Refusal::NotYet),
        Some(Window::Closed) => Err(Refusal::Closed),
        Some(Window::Open) => Ok(()),
    }
}

/// The answers to the organiser's `questions`, as the form sent them in [`ANSWER_FIELDS`];
/// answers are optional, so a person may skip a question that does not concern them.
pub fn answers(questions: usize, sent: &[&str]) -> Result<Vec<String>, Invalid> {
    let mut inv = Invalid::default();
    let mut out = Vec::with_capacity(questions);
    for (i, field) in ANSWER_FIELDS.iter().enumerate().take(questions) {
        let raw = sent.get(i).copied().unwrap_or("");
        out.push(inv.check(bounded_text(field, raw, 0, ANSWER_MAX)).unwrap_or_default());
    }
    inv.into_result().map(|()| out)
}

/// How many participants named each need, for the organiser's summary.
pub fn needs_summary<'a>(all: impl IntoIterator<Item = &'a [AccessNeed]>) -> Vec<(AccessNeed, usize)> {
    let mut counts: Vec<(AccessNeed, usize)> = AccessNeed::ALL.iter().map(|n| (*n, 0)).collect();
    for needs in all {
        for n in needs {
            if let Some(c) = counts.iter_mut().find(|(k, _)| k == n) {
                c.1 += 1;
            }
        }
    }
    counts.retain(|(_, c)| *c > 0);
    counts
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

    fn event_form() -> CityEventForm {
        CityEventForm {
            event_kind: "debate".into(),
            event_title: "Debata o Zabłociu".into(),
            event_organiser: "district:13".into(),
            event_starts_at: "x".into(),
            event_ends_at: "y".into(),
            event_address: "ul. Rynek Podgórski 1".into(),
            event_description: "Rozmowa o przyszłości Zabłocia.".into(),
            registration: "on".into(),
            ..CityEventForm::default()
        }
    }

    fn choices() -> Choices {
        Choices { organisers: vec![Organiser::District(13)], districts: vec![13, 18], ..Choices::default() }
    }

    #[test]
    fn an_event_names_an_organiser_the_editor_keeps_and_registration_closes_by_its_start() {
        let times = FormTimes { starts_at: Some(at(48)), ends_at: Some(at(50)), ..FormTimes::default() };
        let ok = event_form().parse(times, &choices(), at(0), true).unwrap();
        assert_eq!(ok.organiser, Organiser::District(13));
        assert_eq!(ok.district_id, Some(13), "a district's own event concerns it");
        assert_eq!(ok.registration, Some(Registration { capacity: None, opens_at: at(0), closes_at: at(48) }));
        let codes = |r: Result<CityEventInput, Invalid>| r.unwrap_err().0.iter().map(|e| e.field).collect::<Vec<_>>();
        let other = CityEventForm { event_organiser: "district:18".into(), ..event_form() };
        assert_eq!(codes(other.parse(times, &choices(), at(0), true)), ["event_organiser"]);
        let late = FormTimes { closes_at: Some(at(49)), ..times };
        let f = CityEventForm { reg_closes_at: "z".into(), reg_capacity: "0".into(), ..event_form() };
        assert_eq!(codes(f.parse(late, &choices(), at(0), true)), ["reg_capacity", "reg_closes_at"]);
        let past = FormTimes { starts_at: Some(at(-2)), ends_at: Some(at(-1)), ..times };
        assert_eq!(codes(event_form().parse(past, &choices(), at(0), true)), ["event_starts_at"]);
        assert!(event_form().parse(past, &choices(), at(0), false).is_ok(), "an event held already can be edited");
        let six = CityEventForm { reg_questions: "a\nb\nc\nd\ne\nf".into(), ..event_form() };
        assert_eq!(codes(six.parse(times, &choices(), at(0), true)), ["reg_questions"]);
        let none = CityEventForm { registration: String::new(), reg_capacity: "abc".into(), ..event_form() };
        assert_eq!(
            none.parse(times, &choices(), at(0), true).unwrap().registration,
            None,
            "no registration, no checks"
        );
    }

    #[test]
    fn organisers_read_back_and_each_keeps_only_its_own() {
        for o in [Organiser::Centre, Organiser::Unit(3), Organiser::District(13), Organiser::Body(4)] {
            assert_eq!(Organiser::parse(&o.key()), Some(o));
        }
        assert_eq!(Organiser::parse("district:-1"), None);
        assert_eq!(Organiser::parse("centre:1"), None);
        let editor = [Grant::DistrictEditor(13)];
        assert!(Organiser::District(13).may_keep(&editor));
        assert!(!Organiser::District(18).may_keep(&editor) && !Organiser::Centre.may_keep(&editor));
        assert!(Organiser::Body(4).may_keep(&[Grant::CentreEditor]), "the Centre keeps everyone's");
        assert!(!may_keep_some(&[Grant::Resident, Grant::Moderator]));
    }

    #[test]
    fn registration_is_refused_when_cancelled_closed_or_not_taken() {
        let r = Registration { capacity: Some(1), opens_at: at(0), closes_at: at(10) };
        assert_eq!(may_register(Some(&r), false, at(20), at(5)), Ok(()));
        assert_eq!(may_register(Some(&r), true, at(20), at(5)), Err(Refusal::Cancelled));
        assert_eq!(may_register(Some(&r), false, at(20), at(11)), Err(Refusal::Closed));
        assert_eq!(may_register(Some(&r), false, at(20), at(-1)), Err(Refusal::NotYet));
        assert_eq!(may_register(None, false, at(20), at(5)), Err(Refusal::NoRegistration));
        let summary = needs_summary([
            &[AccessNeed::SignLanguage][..],
            &[AccessNeed::SignLanguage, AccessNeed::StepFree][..],
            &[][..],
        ]);
        assert_eq!(summary, [(AccessNeed::SignLanguage, 2), (AccessNeed::StepFree, 1)]);
        assert_eq!(answers(1, &["tak", "ignored"]).unwrap(), ["tak"]);
        assert_eq!(answers(2, &[&"x".repeat(ANSWER_MAX + 1)]).unwrap_err().0[0].field, "answer_1");
    }
}
