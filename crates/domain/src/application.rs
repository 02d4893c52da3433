//! Applications to join a dialogue body, reviewed by its secretary, and requests to create a
//! new body, supported by organisations and decided by the city as a tracked request. A public
//! benefit council is created at the request of organisations, so such a request goes to the
//! city only with enough of them behind it.

use crate::account::Email;
use crate::body::BodyKind;
use crate::reference::NAME_MAX;
use crate::tracked::TrackedState;
use crate::validation::{FieldError, Invalid, bounded_text, optional_text, sane_year};
use chrono::{Datelike, NaiveDate};

text_enum! {
    /// Who applies: a person for themselves, or a person on behalf of an organisation.
    pub enum ApplicantKind {
        Person = "person",
        Organisation = "organisation",
    }
}

text_enum! {
    /// Where an application to join stands.
    pub enum ApplicationStatus {
        /// Waiting for the body's secretary.
        Pending = "pending",
        /// Accepted: a membership was created.
        Accepted = "accepted",
        /// Refused with a reason.
        Refused = "refused",
    }
}

/// Longest statement or justification.
pub const STATEMENT_MAX: usize = 5_000;
/// Shortest statement: a few words saying why, not a placeholder.
pub const STATEMENT_MIN: usize = 20;
/// How many organisations must support a request for a public benefit council (art. 41a ust. 2
/// of the act on public benefit activity and volunteering).
pub const COUNCIL_SUPPORTERS_MIN: usize = 5;

/// An application to join as the public form sends it.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct ApplicationForm {
    pub applicant_kind: String,
    pub name: String,
    pub organisation: String,
    pub statement: String,
    pub email: String,
}

/// A checked application.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApplicationInput {
    pub kind: ApplicantKind,
    pub name: String,
    /// The organisation represented; always given for an organisation, never for a person.
    pub organisation: Option<String>,
    pub statement: String,
    pub email: Email,
}

impl ApplicationForm {
    /// Checks the form: an organisation's application names the organisation.
    pub fn parse(&self) -> Result<ApplicationInput, Invalid> {
        let mut inv = Invalid::default();
        let kind = inv.check(
            ApplicantKind::parse(self.applicant_kind.trim()).ok_or(FieldError::new("applicant_kind", "choice-invalid")),
        );
        let name = inv.check(bounded_text("name", &self.name, 3, NAME_MAX));
        let organisation = inv.check(match kind {
            Some(ApplicantKind::Organisation) => {
                bounded_text("organisation", &self.organisation, 2, NAME_MAX).map(Some)
            }
            _ => Ok(None),
        });
        let statement = inv.check(bounded_text("statement", &self.statement, STATEMENT_MIN, STATEMENT_MAX));
        let email = inv.check(Email::parse_field("email", &self.email));
        match (kind, name, organisation, statement, email) {
            (Some(kind), Some(name), Some(organisation), Some(statement), Some(email)) if inv.is_empty() => {
                Ok(ApplicationInput { kind, name, organisation, statement, email })
            }
            _ => Err(inv),
        }
    }
}

/// A secretary's decision on an application as the form sends it.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct DecisionForm {
    pub decision: String,
    pub starts_on: String,
    pub voting: Option<String>,
    pub reason: String,
}

/// A checked decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// Accept as a member from `starts_on`.
    Accept { starts_on: NaiveDate, voting: bool },
    /// Refuse, saying why.
    Refuse { reason: String },
}

impl DecisionForm {
    /// Checks the form: accepting needs a start date no earlier than the application, refusing
    /// needs a reason, since the applicant is told it.
    pub fn parse(&self, applied_on: NaiveDate) -> Result<Decision, Invalid> {
        match self.decision.trim() {
            "accept" => {
                let raw = self.starts_on.trim();
                if raw.is_empty() {
                    return Err(FieldError::new("starts_on", "required").into());
                }
                let starts_on = NaiveDate::parse_from_str(raw, "%Y-%m-%d")
                    .ok()
                    .filter(|d| sane_year(d.year()))
                    .ok_or(FieldError::new("starts_on", "date-invalid"))?;
                if starts_on < applied_on {
                    return Err(FieldError::new("starts_on", "application-starts-before").into());
                }
                Ok(Decision::Accept { starts_on, voting: self.voting.is_some() })
            }
            "refuse" => Ok(Decision::Refuse { reason: bounded_text("reason", &self.reason, 10, STATEMENT_MAX)? }),
            _ => Err(FieldError::new("decision", "choice-invalid").into()),
        }
    }
}

/// A request to create a body as the public form sends it.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct BodyRequestForm {
    pub name: String,
    pub kind: String,
    pub justification: String,
    pub unit_id: String,
    pub organisation: String,
}

/// A checked request to create a body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BodyRequestInput {
    pub name: String,
    pub kind: BodyKind,
    pub justification: String,
    /// The department it would be attached to, which decides the request.
    pub unit_id: i64,
    /// The requester's organisation, which then counts as its first supporter.
    pub organisation: Option<String>,
}

impl BodyRequestForm {
    /// Checks the form against the departments that exist.
    pub fn parse(&self, units: &[i64]) -> Result<BodyRequestInput, Invalid> {
        let mut inv = Invalid::default();
        let name = inv.check(bounded_text("name", &self.name, 5, NAME_MAX));
        let kind = inv.check(BodyKind::parse(self.kind.trim()).ok_or(FieldError::new("kind", "choice-invalid")));
        let justification = inv.check(bounded_text("justification", &self.justification, STATEMENT_MIN, STATEMENT_MAX));
        let unit_id = inv.check(
            self.unit_id
                .trim()
                .parse::<i64>()
                .ok()
                .filter(|u| units.contains(u))
                .ok_or(FieldError::new("unit_id", "choice-invalid")),
        );
        let organisation = inv.check(optional_text("organisation", &self.organisation, NAME_MAX));
        match (name, kind, justification, unit_id, organisation) {
            (Some(name), Some(kind), Some(justification), Some(unit_id), Some(organisation)) if inv.is_empty() => {
                Ok(BodyRequestInput { name, kind, justification, unit_id, organisation })
            }
            _ => Err(inv),
        }
    }
}

/// An organisation's support as its form sends it.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct SupportForm {
    pub organisation: String,
}

impl SupportForm {
    /// The organisation's name as typed, checked.
    pub fn parse(&self) -> Result<String, Invalid> {
        Ok(bounded_text("organisation", &self.organisation, 2, NAME_MAX)?)
    }
}

/// The key one organisation supports a request under, whatever the spacing and case it was
/// typed in, so that "Fundacja  Wspólnota" and "fundacja wspólnota" count once.
pub fn organisation_key(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// Whether a request for a body of `kind` with `supporters` organisations behind it may go to
/// the city: a public benefit council needs [`COUNCIL_SUPPORTERS_MIN`] of them.
pub fn check_submission(kind: BodyKind, supporters: usize) -> Result<(), FieldError> {
    if kind == BodyKind::PublicBenefitCouncil && supporters < COUNCIL_SUPPORTERS_MIN {
        Err(FieldError::with_limit("supporters", "body-request-too-few-supporters", COUNCIL_SUPPORTERS_MIN))
    } else {
        Ok(())
    }
}

text_enum! {
    /// Where a request to create a body stands, as its page says.
    pub enum BodyRequestStatus {
        /// Open for organisations' support; not yet sent to the city.
        Collecting = "collecting",
        /// With the city, which owes a decision by the due date.
        Submitted = "submitted",
        /// The city decided to create the body.
        Created = "created",
        /// The city refused, with reasons.
        Refused = "refused",
    }
}

/// A request's status from its tracked request's state (`None` before it was submitted): the
/// decision lives in one place, the ledger, and the request only reads it.
pub fn body_request_status(tracked: Option<TrackedState>) -> BodyRequestStatus {
    match tracked {
        None => BodyRequestStatus::Collecting,
        Some(TrackedState::Granted) => BodyRequestStatus::Created,
        Some(TrackedState::Refused) => BodyRequestStatus::Refused,
        Some(_) => BodyRequestStatus::Submitted,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(inv: Invalid) -> Vec<(&'static str, &'static str)> {
        inv.0.iter().map(|e| (e.field, e.code)).collect()
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn a_public_benefit_council_needs_five_organisations_other_bodies_none() {
        assert_eq!(COUNCIL_SUPPORTERS_MIN, 5);
        let e = check_submission(BodyKind::PublicBenefitCouncil, 4).unwrap_err();
        assert_eq!((e.field, e.code, e.limit), ("supporters", "body-request-too-few-supporters", Some(5)));
        assert!(check_submission(BodyKind::PublicBenefitCouncil, 5).is_ok());
        assert!(check_submission(BodyKind::Kdo, 0).is_ok());
    }

    #[test]
    fn an_organisation_names_itself_and_a_person_does_not() {
        let f = ApplicationForm {
            applicant_kind: "organisation".into(),
            name: "Anna Nowak".into(),
            organisation: " ".into(),
            statement: "Chcę pracować na rzecz organizacji seniorów.".into(),
            email: "anna@example".into(),
        };
        assert_eq!(codes(f.parse().unwrap_err()), vec![("organisation", "required"), ("email", "email-invalid")]);
        let person = ApplicationForm {
            applicant_kind: "person".into(),
            organisation: "Fundacja".into(),
            email: "Anna@Example.org".into(),
            ..f
        };
        let ok = person.parse().unwrap();
        assert_eq!((ok.organisation, ok.email.as_str()), (None, "anna@example.org"));
    }

    #[test]
    fn a_decision_needs_a_start_no_earlier_than_the_application_or_a_reason() {
        let applied = day(2026, 12, 1);
        let accept = DecisionForm { decision: "accept".into(), starts_on: "2026-12-10".into(), ..Default::default() };
        assert_eq!(accept.parse(applied).unwrap(), Decision::Accept { starts_on: day(2026, 12, 10), voting: false });
        let early = DecisionForm { starts_on: "2026-11-30".into(), ..accept };
        assert_eq!(codes(early.parse(applied).unwrap_err()), vec![("starts_on", "application-starts-before")]);
        let refuse = DecisionForm { decision: "refuse".into(), reason: "Nie".into(), ..Default::default() };
        assert_eq!(codes(refuse.parse(applied).unwrap_err())[0].0, "reason");
    }

    #[test]
    fn supporters_count_once_whatever_the_spelling_and_status_follows_the_ledger() {
        assert_eq!(organisation_key(" Fundacja  Wspólnota "), organisation_key("fundacja wspólnota"));
        assert_eq!(body_request_status(None), BodyRequestStatus::Collecting);
        assert_eq!(body_request_status(Some(TrackedState::Acknowledged)), BodyRequestStatus::Submitted);
        assert_eq!(body_request_status(Some(TrackedState::Granted)), BodyRequestStatus::Created);
        let bad = BodyRequestForm { kind: "club".into(), unit_id: "9".into(), ..Default::default() };
        assert_eq!(
            codes(bad.parse(&[1]).unwrap_err()),
            vec![
                ("name", "required"),
                ("kind", "choice-invalid"),
                ("justification", "required"),
                ("unit_id", "choice-invalid")
            ]
        );
    }
}
