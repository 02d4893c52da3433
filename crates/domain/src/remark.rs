//! Remarks (uwagi): how they arrive, the formal check, the city's decision on each, and
//! how submitters are named in public.

use crate::account::Email;
use crate::validation::{FieldError, Invalid, bounded_text, optional_text, sane_year};
use chrono::{Datelike, NaiveDate};

/// Longest text of one field of a remark.
pub const REMARK_TEXT_MAX: usize = 20_000;
/// Most remarks in one submission.
pub const MAX_REMARKS: usize = 50;

text_enum! {
    /// Whether the public sees a remark.
    pub enum ModerationState {
        /// Shown in the public list and the report.
        Published = "published",
        /// Waiting for a moderator (pre-moderated consultations).
        Held = "held",
        /// Hidden by a moderator; the reason is shown in its place.
        Hidden = "hidden",
    }
}

impl ModerationState {
    /// The states that keep a remark's place in public lists: a hidden remark shows its number
    /// and the reason instead of its text (see `visibility`); a held one is not listed yet.
    pub const LISTED: [ModerationState; 2] = [ModerationState::Published, ModerationState::Hidden];
}

text_enum! {
    /// How a submission reached the city.
    pub enum Channel {
        /// The online form.
        Online = "online",
        /// E-mail (often a scan of the signed form).
        Email = "email",
        Post = "post",
        /// In person at the office.
        InPerson = "in_person",
        /// ePUAP, the public administration's electronic inbox.
        Epuap = "epuap",
        /// A consultation point.
        ConsultationPoint = "consultation_point",
        /// Said or handed in at a meeting.
        Meeting = "meeting",
        /// Phone duty hours.
        Phone = "phone",
        /// An opinion of a civic dialogue body the consultation was referred to.
        DialogueBody = "dialogue_body",
        /// A forum post turned into a remark during the consultation, linking back to it.
        Forum = "forum",
    }
}

impl Channel {
    /// Whether staff key in remarks from this channel on the intake form; a body's opinion
    /// arrives through the body's own opinion form instead, with its vote.
    pub fn keyed_in_by_staff(self) -> bool {
        !matches!(self, Channel::Online | Channel::DialogueBody | Channel::Forum)
    }
}

text_enum! {
    /// The result of the formal check of a submission.
    pub enum FormalStatus {
        /// Counts as received.
        Valid = "valid",
        /// Has a defect the submitter may correct within the set number of days.
        Defective = "defective",
        /// Arrived after the consultation closed.
        Late = "late",
    }
}

text_enum! {
    /// The city's decision on one remark.
    pub enum Decision {
        /// Taken into account.
        Accepted = "accepted",
        /// Taken into account in part.
        PartiallyAccepted = "partially_accepted",
        /// Not taken into account.
        Rejected = "rejected",
        /// Outside the subject of the consultation.
        NotApplicable = "not_applicable",
        /// Withdrawn by its author.
        Withdrawn = "withdrawn",
    }
}

impl Decision {
    /// Whether the answer must explain itself (every decision but a withdrawal).
    pub fn needs_justification(self) -> bool {
        self != Decision::Withdrawn
    }
}

text_enum! {
    /// Who sent a submission, as far as the public version of a report may say.
    pub enum SubmitterKind {
        /// A private person: named only to staff.
        Person = "person",
        /// An organisation (NGO, company, council): named in public.
        Organisation = "organisation",
        /// Sent without a name, where the consultation allows it.
        Anonymous = "anonymous",
    }
}

/// What the consultation requires of a submitter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Requirements {
    /// An e-mail address is required.
    pub email: bool,
    /// A district or address is required.
    pub address: bool,
    /// A submission may carry no name.
    pub anonymous_allowed: bool,
}

/// One remark as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RemarkForm {
    /// A section id from the organiser's list, or empty.
    pub section_id: String,
    /// Free text naming the part of the document, when no section fits.
    pub section_text: String,
    /// The change proposed.
    pub proposed_change: String,
    pub justification: String,
}

/// One validated remark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemarkInput {
    /// The section picked, if any.
    pub section_id: Option<i64>,
    /// The part of the document in the submitter's words.
    pub section_text: Option<String>,
    /// The change proposed.
    pub proposed_change: String,
    pub justification: String,
}

/// The submitter's identity as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(default)]
pub struct IdentityForm {
    /// person, organisation or anonymous.
    pub kind: String,
    /// Name and surname.
    pub name: String,
    /// The organisation, for NGOs.
    pub organisation: String,
    /// District id, or empty.
    pub district_id: String,
    pub address: String,
    pub email: String,
}

/// The validated identity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    pub kind: SubmitterKind,
    /// Name, if given.
    pub name: Option<String>,
    /// Organisation, if any.
    pub organisation: Option<String>,
    pub district_id: Option<i64>,
    pub address: Option<String>,
    pub email: Option<Email>,
}

/// Field names of remark `i` (0-based), as the form and its errors use them.
pub fn remark_field(i: usize, part: &str) -> &'static str {
    // Field names must be 'static for FieldError; the few combinations are interned once.
    use std::collections::HashMap;
    use std::sync::{Mutex, OnceLock};
    static NAMES: OnceLock<Mutex<HashMap<(usize, String), &'static str>>> = OnceLock::new();
    let map = NAMES.get_or_init(|| Mutex::new(HashMap::new()));
    let mut guard = match map.lock() {
        Ok(g) => g,
        Err(p) => p.into_inner(),
    };
    let i = i.min(MAX_REMARKS);
    guard.entry((i, part.to_owned())).or_insert_with(|| Box::leak(format!("r{i}_{part}").into_boxed_str()))
}

impl RemarkInput {
    /// Validates remark `i` of a submission; `sections` are the ids the organiser defined.
    pub fn parse(i: usize, f: &RemarkForm, sections: &[i64]) -> Result<RemarkInput, Invalid> {
        let mut inv = Invalid::default();
        let section_id = if f.section_id.trim().is_empty() {
            None
        } else {
            let id = f.section_id.trim().parse::<i64>().ok().filter(|id| sections.contains(id));
            if id.is_none() {
                inv.push(FieldError::new(remark_field(i, "section_id"), "choice-invalid"));
            }
            id
        };
        let section_text = inv.check(optional_text(remark_field(i, "section_text"), &f.section_text, 500)).flatten();
        let proposed_change =
            inv.check(bounded_text(remark_field(i, "proposed_change"), &f.proposed_change, 3, REMARK_TEXT_MAX));
        let justification =
            inv.check(bounded_text(remark_field(i, "justification"), &f.justification, 0, REMARK_TEXT_MAX));
        match (proposed_change, justification) {
            (Some(proposed_change), Some(justification)) if inv.is_empty() => {
                Ok(RemarkInput { section_id, section_text, proposed_change, justification })
            }
            _ => Err(inv),
        }
    }
}

/// Validates a whole submission: the remarks that were filled in (blank extra rows are
/// dropped) and the identity the consultation requires.
pub fn parse_submission(
    remarks: &[RemarkForm],
    identity: &IdentityForm,
    req: Requirements,
    sections: &[i64],
    districts: &[i64],
) -> Result<(Vec<RemarkInput>, Identity), Invalid> {
    let mut inv = Invalid::default();
    let filled: Vec<(usize, &RemarkForm)> = remarks
        .iter()
        .enumerate()
        .take(MAX_REMARKS)
        .filter(|(_, r)| {
            !(r.proposed_change.trim().is_empty()
                && r.justification.trim().is_empty()
                && r.section_text.trim().is_empty())
        })
        .collect();
    if filled.is_empty() {
        inv.push(FieldError::new(remark_field(0, "proposed_change"), "remark-empty"));
    }
    let mut out = Vec::new();
    for (i, r) in filled {
        match RemarkInput::parse(i, r, sections) {
            Ok(v) => out.push(v),
            Err(e) => inv.0.extend(e.0),
        }
    }
    let identity = match Identity::parse(identity, req, districts) {
        Ok(id) => Some(id),
        Err(e) => {
            inv.0.extend(e.0);
            None
        }
    };
    match identity {
        Some(id) if inv.is_empty() => Ok((out, id)),
        _ => Err(inv),
    }
}

impl Identity {
    /// Validates the identity part of the form.
    pub fn parse(f: &IdentityForm, req: Requirements, districts: &[i64]) -> Result<Identity, Invalid> {
        let mut inv = Invalid::default();
        let kind = match SubmitterKind::parse(f.kind.trim()) {
            Some(SubmitterKind::Anonymous) if !req.anonymous_allowed => {
                inv.push(FieldError::new("kind", "anonymous-not-allowed"));
                None
            }
            Some(k) => Some(k),
            None => {
                inv.push(FieldError::new("kind", "choice-invalid"));
                None
            }
        };
        let anonymous = kind == Some(SubmitterKind::Anonymous);
        let name = if anonymous { None } else { inv.check(bounded_text("name", &f.name, 2, 200)) };
        let organisation = if kind == Some(SubmitterKind::Organisation) {
            inv.check(bounded_text("organisation", &f.organisation, 2, 300)).map(Some)
        } else {
            inv.check(optional_text("organisation", &f.organisation, 300))
        }
        .flatten();
        let district_id = if f.district_id.trim().is_empty() {
            None
        } else {
            let d = f.district_id.trim().parse::<i64>().ok().filter(|d| districts.contains(d));
            if d.is_none() {
                inv.push(FieldError::new("district_id", "choice-invalid"));
            }
            d
        };
        let address = inv.check(optional_text("address", &f.address, 300)).flatten();
        if req.address && !anonymous && district_id.is_none() && address.is_none() {
            inv.push(FieldError::new("address", "address-required"));
        }
        let email = if f.email.trim().is_empty() {
            if req.email && !anonymous {
                inv.push(FieldError::new("email", "required"));
            }
            None
        } else {
            inv.check(Email::parse(&f.email))
        };
        match kind {
            Some(kind) if inv.is_empty() => Ok(Identity { kind, name, organisation, district_id, address, email }),
            _ => Err(inv),
        }
    }
}

/// How a submitter appears in the public version of a report: organisations by name,
/// private persons by a number that is stable within one consultation.
pub fn public_name(kind: SubmitterKind, organisation: Option<&str>, person_number: i64) -> PublicName {
    match (kind, organisation) {
        (SubmitterKind::Organisation, Some(org)) => PublicName::Organisation(org.to_owned()),
        (SubmitterKind::Anonymous, _) => PublicName::Anonymous,
        _ => PublicName::Person(person_number),
    }
}

/// A submitter's name as the public may see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PublicName {
    /// The organisation's name.
    Organisation(String),
    /// "Osoba prywatna nr N".
    Person(i64),
    /// Sent without a name.
    Anonymous,
}

/// The formal check of a submission as typed on a staff form.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(default)]
pub struct FormalCheckForm {
    /// valid, defective or late.
    pub formal_status: String,
    /// What is missing, for a defective submission.
    pub defect_reason: String,
    /// The last day to complete it ("2027-01-17"), for a defective submission.
    pub correct_by: String,
}

/// A validated formal check; a reason and a deadline go only with a defective submission.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormalCheck {
    pub status: FormalStatus,
    /// What is missing.
    pub reason: Option<String>,
    /// The last day to complete it; `None` for a defective one means the consultation's
    /// usual number of days, where the form allows leaving it out.
    pub correct_by: Option<NaiveDate>,
}

/// Longest description of a defect.
pub const DEFECT_REASON_MAX: usize = 1000;

/// Validates a formal check of a submission received on `received_on`. A defective one needs
/// a reason and a deadline no earlier than its receipt; `deadline_optional` lets the intake
/// form leave the deadline to the consultation's setting. Whatever is typed into the reason
/// and deadline of a valid or late submission is dropped, not stored out of sight.
pub fn parse_formal_check(
    f: &FormalCheckForm,
    received_on: NaiveDate,
    deadline_optional: bool,
) -> Result<FormalCheck, Invalid> {
    let mut inv = Invalid::default();
    let code = if f.formal_status.trim().is_empty() { "required" } else { "choice-invalid" };
    let status = inv.check(FormalStatus::parse(f.formal_status.trim()).ok_or(FieldError::new("formal_status", code)));
    if status != Some(FormalStatus::Defective) {
        return match status {
            Some(status) => Ok(FormalCheck { status, reason: None, correct_by: None }),
            None => Err(inv),
        };
    }
    let reason = inv.check(bounded_text("defect_reason", &f.defect_reason, 5, DEFECT_REASON_MAX));
    let raw = f.correct_by.trim();
    let correct_by = if raw.is_empty() {
        if !deadline_optional {
            inv.push(FieldError::new("correct_by", "required"));
        }
        None
    } else {
        match NaiveDate::parse_from_str(raw, "%Y-%m-%d").ok().filter(|d| sane_year(d.year())) {
            None => {
                inv.push(FieldError::new("correct_by", "date-invalid"));
                None
            }
            Some(d) if d < received_on => {
                inv.push(FieldError::new("correct_by", "correct-by-before-received"));
                None
            }
            Some(d) => Some(d),
        }
    };
    match reason {
        Some(reason) if inv.is_empty() => {
            Ok(FormalCheck { status: FormalStatus::Defective, reason: Some(reason), correct_by })
        }
        _ => Err(inv),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn remark(text: &str) -> RemarkForm {
        RemarkForm { proposed_change: text.into(), ..Default::default() }
    }

    fn person() -> IdentityForm {
        IdentityForm { kind: "person".into(), name: "Jan Kowalski".into(), ..Default::default() }
    }

    #[test]
    fn blank_rows_are_dropped_and_an_empty_submission_refused() {
        let err =
            parse_submission(&[remark(""), remark("  ")], &person(), Requirements::default(), &[], &[]).unwrap_err();
        assert_eq!(err.0[0].code, "remark-empty");
        let (remarks, _) = parse_submission(
            &[remark("Dodać przejście dla pieszych"), remark("")],
            &person(),
            Requirements::default(),
            &[],
            &[],
        )
        .unwrap();
        assert_eq!(remarks.len(), 1);
    }

    #[test]
    fn errors_name_the_remark_they_belong_to() {
        let long = "x".repeat(REMARK_TEXT_MAX + 1);
        let forms = [
            remark("Dobra uwaga"),
            RemarkForm { proposed_change: long, section_id: "99".into(), ..Default::default() },
        ];
        let err = parse_submission(&forms, &person(), Requirements::default(), &[1, 2], &[]).unwrap_err();
        let fields: Vec<_> = err.0.iter().map(|e| (e.field, e.code)).collect();
        assert_eq!(fields, vec![("r1_section_id", "choice-invalid"), ("r1_proposed_change", "too-long")]);
    }

    #[test]
    fn identity_follows_the_consultation_requirements() {
        let req = Requirements { email: true, address: true, anonymous_allowed: false };
        let err = Identity::parse(&person(), req, &[]).unwrap_err();
        let codes: Vec<_> = err.0.iter().map(|e| (e.field, e.code)).collect();
        assert_eq!(codes, vec![("address", "address-required"), ("email", "required")]);
        let anon = IdentityForm { kind: "anonymous".into(), ..Default::default() };
        assert_eq!(Identity::parse(&anon, req, &[]).unwrap_err().0[0].code, "anonymous-not-allowed");
        let ok = Identity::parse(&anon, Requirements { anonymous_allowed: true, ..req }, &[]).unwrap();
        assert_eq!((ok.kind, ok.name), (SubmitterKind::Anonymous, None));
        let org = IdentityForm { kind: "organisation".into(), name: "Anna".into(), ..Default::default() };
        assert_eq!(Identity::parse(&org, Requirements::default(), &[]).unwrap_err().0[0].field, "organisation");
    }

    #[test]
    fn public_names_never_show_private_persons() {
        assert_eq!(public_name(SubmitterKind::Person, Some("Firma"), 12), PublicName::Person(12));
        assert_eq!(
            public_name(SubmitterKind::Organisation, Some("Fundacja"), 3),
            PublicName::Organisation("Fundacja".into())
        );
    }

    proptest! {
        #[test]
        fn enums_round_trip(i in 0usize..9) {
            let c = Channel::ALL[i];
            prop_assert_eq!(Channel::parse(c.as_str()), Some(c));
            let d = Decision::ALL[i % 5];
            prop_assert_eq!(Decision::parse(d.as_str()), Some(d));
        }

        #[test]
        fn any_text_either_parses_or_names_its_field(text in "\\PC{0,40}", i in 0usize..5) {
            match RemarkInput::parse(i, &remark(&text), &[]) {
                Ok(r) => prop_assert_eq!(r.proposed_change, text.trim()),
                Err(e) => {
                    let prefix = format!("r{i}_");
                    prop_assert!(e.0.iter().all(|f| f.field.starts_with(prefix.as_str())));
                }
            }
        }
    }

    fn check(status: &str, reason: &str, by: &str) -> FormalCheckForm {
        FormalCheckForm { formal_status: status.into(), defect_reason: reason.into(), correct_by: by.into() }
    }

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn codes(e: Invalid) -> Vec<(&'static str, &'static str)> {
        e.0.into_iter().map(|e| (e.field, e.code)).collect()
    }

    #[test]
    fn a_defective_submission_needs_a_reason_and_a_deadline_after_its_receipt() {
        let received = day("2027-01-10");
        let ok = parse_formal_check(&check("defective", "  Brak podpisu ", "2027-01-17"), received, false).unwrap();
        assert_eq!(
            ok,
            FormalCheck {
                status: FormalStatus::Defective,
                reason: Some("Brak podpisu".into()),
                correct_by: Some(day("2027-01-17"))
            }
        );
        assert_eq!(
            codes(parse_formal_check(&check("defective", "", ""), received, false).unwrap_err()),
            vec![("defect_reason", "required"), ("correct_by", "required")]
        );
        assert_eq!(
            codes(parse_formal_check(&check("defective", "abc", "9999-01-01"), received, false).unwrap_err()),
            vec![("defect_reason", "too-short"), ("correct_by", "date-invalid")]
        );
        let long = "x".repeat(DEFECT_REASON_MAX + 1);
        assert_eq!(
            codes(parse_formal_check(&check("defective", &long, "2027-01-09"), received, false).unwrap_err()),
            vec![("defect_reason", "too-long"), ("correct_by", "correct-by-before-received")]
        );
        let same_day = parse_formal_check(&check("defective", "Brak adresu", "2027-01-10"), received, false);
        assert!(same_day.is_ok(), "the day of receipt itself is a possible deadline");
    }

    #[test]
    fn the_intake_may_leave_the_deadline_to_the_consultations_setting() {
        let received = day("2027-01-10");
        let c = parse_formal_check(&check("defective", "Brak podpisu", ""), received, true).unwrap();
        assert_eq!(c.correct_by, None);
        assert!(parse_formal_check(&check("defective", "Brak podpisu", "17.01.2027"), received, true).is_err());
    }

    #[test]
    fn a_valid_or_late_submission_keeps_no_reason_nor_deadline() {
        let received = day("2027-01-10");
        for status in ["valid", "late"] {
            let c = parse_formal_check(&check(status, "stary opis", "bzdura"), received, false).unwrap();
            assert_eq!((c.reason, c.correct_by), (None, None), "{status}");
        }
        assert_eq!(
            codes(parse_formal_check(&check("", "", ""), received, false).unwrap_err()),
            vec![("formal_status", "required")]
        );
        assert_eq!(
            codes(parse_formal_check(&check("ok", "", ""), received, false).unwrap_err()),
            vec![("formal_status", "choice-invalid")]
        );
    }
}
