//! Tracked requests: anything the city owes an answer to by a date, and how it moves from
//! sent to answered. Opinions and recommendations of dialogue bodies are the first kind; forum
//! positions, advice requests and accessibility requests are to be kept the same way, so that
//! one ledger of the city's answers lists them all with one notion of "due" and "overdue".

use crate::calendar::{Period, working_days_overdue};
use crate::validation::{FieldError, Invalid, bounded_text, sane_year};
use chrono::NaiveDate;

text_enum! {
    /// What the city owes an answer to.
    pub enum TrackedKind {
        /// An opinion of a dialogue body on a matter of the city.
        Opinion = "opinion",
        /// A recommendation of a body or a working group, answered and then implemented.
        Recommendation = "recommendation",
        /// A forum thread awaiting the city's position.
        ForumPosition = "forum_position",
        /// A request for advice from a resident, a group or an organisation.
        AdviceRequest = "advice_request",
        /// A request for an accessible version of a page or document.
        AccessibilityRequest = "accessibility_request",
        /// A request of residents and organisations to create a new dialogue body.
        BodyRequest = "body_request",
    }
}

text_enum! {
    /// Where a tracked request stands.
    pub enum TrackedState {
        /// Sent to the department; nothing heard yet.
        Sent = "sent",
        /// The department has confirmed it has it.
        Acknowledged = "acknowledged",
        /// Answered with reasons.
        Answered = "answered",
        /// A recommendation the city has carried out.
        Implemented = "implemented",
        /// The time to give it ran out and silence counts as waiving it.
        Waived = "waived",
        /// A request to create a body the city granted: the body is to be created.
        Granted = "granted",
        /// A request the city refused, with reasons.
        Refused = "refused",
        /// The city asked the person who sent it for something and waits for the reply: the
        /// clock stands still, so nothing is due meanwhile (advice requests).
        Paused = "paused",
    }
}

impl TrackedState {
    /// Whether the city still owes the answer.
    pub fn awaits_city(self) -> bool {
        matches!(self, TrackedState::Sent | TrackedState::Acknowledged)
    }

    /// Whether a request of `kind` may move from this state to `to` by a department's hand.
    /// Implementation follows an answer and is for recommendations only; waiving is not a
    /// department's act but the calendar's.
    pub fn can_move_to(self, to: TrackedState, kind: TrackedKind) -> bool {
        use TrackedState::*;
        // A request to create a body is not answered but decided one way or the other.
        let decided = kind == TrackedKind::BodyRequest;
        match (self, to) {
            (Sent, Acknowledged) => true,
            (Sent | Acknowledged, Answered) => !decided,
            (Sent | Acknowledged, Granted | Refused) => decided,
            (Answered, Implemented) => kind == TrackedKind::Recommendation,
            _ => false,
        }
    }
}

impl TrackedState {
    /// Whether this step gives the city's answer, which dates the request as answered.
    pub fn is_answer(self) -> bool {
        matches!(self, TrackedState::Answered | TrackedState::Granted | TrackedState::Refused)
    }
}

impl TrackedKind {
    /// The time the city has to answer, counted from the day the request was sent, unless a
    /// body's own rule says otherwise. Opinions and recommendations follow the 30 days in which
    /// an office answers a letter (art. 35 KPA), advice requests and forum positions the 14 days
    /// of a simple matter, and an accessibility request the 7 days of the act on digital
    /// accessibility. An advice request counts working days, as its clock stops and starts
    /// with the replies it waits for: ten of them are the same fortnight.
    pub fn default_period(self) -> Period {
        match self {
            TrackedKind::Opinion | TrackedKind::Recommendation => Period::Days(30),
            TrackedKind::ForumPosition => Period::Days(14),
            TrackedKind::AdviceRequest => Period::WorkingDays(10),
            TrackedKind::AccessibilityRequest => Period::Days(7),
            // Like a letter to the office: the month of art. 35 KPA.
            TrackedKind::BodyRequest => Period::Days(30),
        }
    }
}

/// How late a request is on `today`, in working days (0 when answered or not yet due).
pub fn overdue_days(state: TrackedState, due_on: NaiveDate, today: NaiveDate) -> u32 {
    if state.awaits_city() { working_days_overdue(due_on, today) } else { 0 }
}

/// The membership under which a person may co-sign an opinion of a body: one that runs on
/// `today` under their account, while the opinion still awaits the city (once answered, a
/// signature would add nothing to what the city weighed). `None` when they may not.
pub fn cosigning_membership(
    memberships: &[crate::body::MembershipSpan],
    user: i64,
    state: TrackedState,
    today: NaiveDate,
) -> Option<&crate::body::MembershipSpan> {
    if !state.awaits_city() {
        return None;
    }
    memberships.iter().find(|m| m.user_id == Some(user) && m.active_on(today))
}

/// Longest opinion or answer text.
pub const TEXT_MAX: usize = 20_000;

/// An opinion or a recommendation as a body's secretary types it.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct OpinionForm {
    pub kind: String,
    pub title: String,
    pub unit_id: String,
    pub text: String,
    pub adopted_on: String,
    pub votes_for: String,
    pub votes_against: String,
    pub votes_abstaining: String,
    /// A consultation referred to the body that the opinion is given on, or empty.
    pub consultation_id: String,
    /// The meeting of the body at which it was adopted, or empty.
    pub meeting_id: String,
}

/// A meeting of a body that has taken place, as an opinion drafted at it is checked against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HeldMeeting {
    pub id: i64,
    /// Voting members recorded present: no vote can count more.
    pub voting_present: usize,
}

/// An opinion or recommendation ready to be sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpinionInput {
    pub kind: TrackedKind,
    pub title: String,
    /// The department it is addressed to.
    pub unit_id: i64,
    /// Markdown.
    pub text: String,
    /// The day the body adopted it, from which the city's time to answer runs.
    pub adopted_on: NaiveDate,
    pub votes_for: i32,
    pub votes_against: i32,
    pub votes_abstaining: i32,
    /// The consultation it is given on, where it also becomes a remark.
    pub consultation_id: Option<i64>,
    /// The meeting it was adopted at.
    pub meeting_id: Option<i64>,
}

fn votes(field: &'static str, raw: &str) -> Result<i32, FieldError> {
    match raw.trim() {
        "" => Ok(0),
        s => s.parse::<i32>().ok().filter(|n| (0..=1_000).contains(n)).ok_or(FieldError::new(field, "number-invalid")),
    }
}

impl OpinionForm {
    /// Checks the form: `units` are the departments it may be addressed to, `consultations`
    /// those referred to the body that still take its opinion, `meetings` the body's meetings
    /// that have taken place, `parse_date` reads a typed date, and `today` bounds the day of
    /// adoption (a body cannot adopt tomorrow).
    pub fn parse(
        &self,
        units: &[i64],
        consultations: &[i64],
        meetings: &[HeldMeeting],
        parse_date: impl Fn(&str) -> Option<NaiveDate>,
        today: NaiveDate,
    ) -> Result<OpinionInput, Invalid> {
        let mut inv = Invalid::default();
        let kind = inv.check(
            TrackedKind::parse(self.kind.trim())
                .filter(|k| matches!(k, TrackedKind::Opinion | TrackedKind::Recommendation))
                .ok_or(FieldError::new("kind", "choice-invalid")),
        );
        let title = inv.check(bounded_text("title", &self.title, 5, 300));
        let unit_id = inv.check(
            self.unit_id
                .trim()
                .parse::<i64>()
                .ok()
                .filter(|u| units.contains(u))
                .ok_or(FieldError::new("unit_id", "choice-invalid")),
        );
        let text = inv.check(bounded_text("text", &self.text, 20, TEXT_MAX));
        let adopted_on = inv.check(match parse_date(self.adopted_on.trim()) {
            None => Err(FieldError::new("adopted_on", "date-invalid")),
            Some(d) if !sane_year(chrono::Datelike::year(&d)) => Err(FieldError::new("adopted_on", "date-invalid")),
            Some(d) if d > today => Err(FieldError::new("adopted_on", "date-in-future")),
            Some(d) => Ok(d),
        });
        let consultation_id = inv.check(match self.consultation_id.trim() {
            "" => Ok(None),
            s => s
                .parse::<i64>()
                .ok()
                .filter(|c| consultations.contains(c))
                .map(Some)
                .ok_or(FieldError::new("consultation_id", "opinion-consultation-not-referred")),
        });
        let votes_for = inv.check(votes("votes_for", &self.votes_for));
        let votes_against = inv.check(votes("votes_against", &self.votes_against));
        let votes_abstaining = inv.check(votes("votes_abstaining", &self.votes_abstaining));
        if let (Some(f), Some(a)) = (votes_for, votes_against)
            && f <= a
            && f + a > 0
        {
            // An opinion the vote rejected is not the body's opinion.
            inv.push(FieldError::new("votes_for", "opinion-not-adopted"));
        }
        let meeting = inv.check(match self.meeting_id.trim() {
            "" => Ok(None),
            s => s
                .parse::<i64>()
                .ok()
                .and_then(|id| meetings.iter().find(|m| m.id == id))
                .map(Some)
                .ok_or(FieldError::new("meeting_id", "opinion-meeting-not-held")),
        });
        if let (Some(Some(m)), Some(f), Some(a), Some(s)) = (meeting, votes_for, votes_against, votes_abstaining) {
            // Only those recorded present with a vote could have voted.
            let cast = usize::try_from(i64::from(f) + i64::from(a) + i64::from(s)).unwrap_or(usize::MAX);
            if cast > m.voting_present {
                inv.push(FieldError::with_limit("votes_for", "opinion-votes-exceed-present", m.voting_present));
            }
        }
        let meeting_id = meeting.map(|m| m.map(|m| m.id));
        match (kind, title, unit_id, text, adopted_on, consultation_id, votes_for, votes_against, votes_abstaining) {
            (
                Some(kind),
                Some(title),
                Some(unit_id),
                Some(text),
                Some(adopted_on),
                Some(consultation_id),
                Some(f),
                Some(a),
                Some(s),
            ) if inv.is_empty() => Ok(OpinionInput {
                kind,
                title,
                unit_id,
                text,
                adopted_on,
                votes_for: f,
                votes_against: a,
                votes_abstaining: s,
                consultation_id,
                meeting_id: meeting_id.flatten(),
            }),
            _ => Err(inv),
        }
    }
}

/// A department's step on a tracked request: acknowledging it, answering it with reasons, or
/// reporting a recommendation carried out.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct StepForm {
    pub to: String,
    pub note: String,
}

/// A checked step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub to: TrackedState,
    /// The reasons (an answer) or what was done; optional only for an acknowledgement.
    pub note: Option<String>,
}

impl StepForm {
    /// Checks the step against where a request of `kind` stands now.
    pub fn parse(&self, kind: TrackedKind, now: TrackedState) -> Result<Step, Invalid> {
        let Some(to) = TrackedState::parse(self.to.trim()).filter(|to| now.can_move_to(*to, kind)) else {
            return Err(FieldError::new("to", "choice-invalid").into());
        };
        let note = if to == TrackedState::Acknowledged {
            crate::validation::optional_text("note", &self.note, TEXT_MAX)?
        } else {
            // An answer without reasons is what the bodies complained of.
            Some(bounded_text("note", &self.note, 20, TEXT_MAX)?)
        };
        Ok(Step { to, note })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn form() -> OpinionForm {
        OpinionForm {
            kind: "opinion".into(),
            title: "Opinia o programie współpracy".into(),
            unit_id: "3".into(),
            text: "Rada pozytywnie opiniuje projekt programu, z dwiema uwagami.".into(),
            adopted_on: "2026-12-01".into(),
            votes_for: "12".into(),
            votes_against: "1".into(),
            votes_abstaining: "2".into(),
            consultation_id: String::new(),
            meeting_id: String::new(),
        }
    }

    fn date(s: &str) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
    }

    #[test]
    fn an_opinion_needs_a_department_of_its_body_a_past_date_and_a_majority() {
        let today = day(2026, 12, 4);
        let ok = form().parse(&[3, 4], &[], &[], date, today).unwrap();
        assert_eq!((ok.unit_id, ok.votes_for, ok.adopted_on), (3, 12, day(2026, 12, 1)));
        let bad = OpinionForm {
            unit_id: "9".into(),
            adopted_on: "2026-12-05".into(),
            votes_for: "2".into(),
            votes_against: "5".into(),
            kind: "forum_position".into(),
            consultation_id: "8".into(),
            ..form()
        };
        let fields: Vec<_> =
            bad.parse(&[3, 4], &[7], &[], date, today).unwrap_err().0.iter().map(|e| (e.field, e.code)).collect();
        assert_eq!(
            fields,
            vec![
                ("kind", "choice-invalid"),
                ("unit_id", "choice-invalid"),
                ("adopted_on", "date-in-future"),
                ("consultation_id", "opinion-consultation-not-referred"),
                ("votes_for", "opinion-not-adopted")
            ]
        );
        let far = OpinionForm { adopted_on: "9999-01-01".into(), ..form() };
        assert_eq!(far.parse(&[3], &[], &[], date, today).unwrap_err().0[0].field, "adopted_on");
        let on = OpinionForm { consultation_id: "7".into(), ..form() };
        assert_eq!(on.parse(&[3], &[7], &[], date, today).unwrap().consultation_id, Some(7));
    }

    #[test]
    fn an_opinion_from_a_meeting_names_a_held_meeting_and_no_more_votes_than_voters_present() {
        let today = day(2026, 12, 4);
        let held = [HeldMeeting { id: 5, voting_present: 15 }];
        let at = OpinionForm { meeting_id: "5".into(), ..form() };
        assert_eq!(at.parse(&[3], &[], &held, date, today).unwrap().meeting_id, Some(5));
        let too_many = OpinionForm { votes_for: "13".into(), ..at.clone() };
        let e = too_many.parse(&[3], &[], &held, date, today).unwrap_err();
        assert_eq!((e.0[0].field, e.0[0].code, e.0[0].limit), ("votes_for", "opinion-votes-exceed-present", Some(15)));
        let elsewhere = OpinionForm { meeting_id: "6".into(), ..form() };
        let e = elsewhere.parse(&[3], &[], &held, date, today).unwrap_err();
        assert_eq!((e.0[0].field, e.0[0].code), ("meeting_id", "opinion-meeting-not-held"));
        assert_eq!(form().parse(&[3], &[], &held, date, today).unwrap().meeting_id, None);
    }

    #[test]
    fn an_answer_needs_reasons_and_only_recommendations_are_implemented() {
        let answer = StepForm { to: "answered".into(), note: "krótko".into() };
        assert_eq!(answer.parse(TrackedKind::Opinion, TrackedState::Sent).unwrap_err().0[0].field, "note");
        let ack = StepForm { to: "acknowledged".into(), note: String::new() };
        assert_eq!(ack.parse(TrackedKind::Opinion, TrackedState::Sent).unwrap().note, None);
        let done = StepForm { to: "implemented".into(), note: "Wdrożono w zarządzeniu nr 12/2027.".into() };
        assert!(done.parse(TrackedKind::Opinion, TrackedState::Answered).is_err());
        assert!(done.parse(TrackedKind::Recommendation, TrackedState::Answered).is_ok());
        assert!(done.parse(TrackedKind::Recommendation, TrackedState::Sent).is_err(), "answered first");
        let grant = StepForm { to: "granted".into(), note: "Komisja zostanie powołana zarządzeniem.".into() };
        assert!(grant.parse(TrackedKind::BodyRequest, TrackedState::Acknowledged).is_ok());
        assert!(grant.parse(TrackedKind::Opinion, TrackedState::Sent).is_err());
        assert!(answer.parse(TrackedKind::BodyRequest, TrackedState::Sent).is_err(), "decided, not answered");
        let back = StepForm { to: "sent".into(), note: String::new() };
        assert!(back.parse(TrackedKind::Opinion, TrackedState::Answered).is_err());
    }

    #[test]
    fn only_a_current_member_cosigns_and_only_while_the_city_owes_the_answer() {
        use crate::body::{MemberRole, MembershipSpan};
        let span = |user: Option<i64>, ends: Option<NaiveDate>| MembershipSpan {
            user_id: user,
            person_name: "Anna Nowak".into(),
            role: MemberRole::Member,
            starts_on: day(2025, 1, 1),
            ends_on: ends,
        };
        let today = day(2026, 12, 4);
        let members = [span(Some(7), None), span(Some(8), Some(day(2026, 6, 30))), span(None, None)];
        assert!(cosigning_membership(&members, 7, TrackedState::Sent, today).is_some());
        assert!(cosigning_membership(&members, 7, TrackedState::Acknowledged, today).is_some());
        assert!(cosigning_membership(&members, 7, TrackedState::Answered, today).is_none(), "answered");
        assert!(cosigning_membership(&members, 8, TrackedState::Sent, today).is_none(), "a former member");
        assert!(cosigning_membership(&members, 9, TrackedState::Sent, today).is_none(), "not a member");
    }

    #[test]
    fn only_what_awaits_the_city_is_overdue() {
        let due = day(2026, 12, 4);
        assert_eq!(overdue_days(TrackedState::Sent, due, day(2026, 12, 8)), 2);
        assert_eq!(overdue_days(TrackedState::Answered, due, day(2026, 12, 8)), 0);
        assert_eq!(TrackedKind::Opinion.default_period().due(day(2026, 11, 2)), day(2026, 12, 2));
    }
}
