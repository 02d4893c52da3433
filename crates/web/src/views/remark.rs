//! Remarks as several pages handle them: the remark form's blocks and identity read from a
//! submission (online and keyed in by staff), and a remark as the public and the report see it.

use crate::error::AppResult;
use crate::forms::Pairs;
use crate::i18n::{Arg, Lang};
use agora_db::consultation::Consultation;
use agora_db::remarks::RemarkRow;
use agora_domain::consultation::Status;
use agora_domain::visibility::{Item, Viewer, may_see};

use agora_domain::remark::{
    FormalStatus, IdentityForm, MAX_REMARKS, PublicName, RemarkForm, Requirements, public_name,
};
use chrono::Utc;

/// What a submission's formal check says beyond its status, as staff and its sender see it.
pub struct FormalNote {
    /// What is missing, for a defective submission.
    pub defect: Option<String>,
    /// The last day to complete it, as a date for people.
    pub deadline: Option<String>,
    /// It arrived after the consultation closed.
    pub late: bool,
}

/// The note of a submission's formal check; a reason or deadline left from an earlier
/// check of a submission no longer defective is not shown.
pub fn formal_note(
    lang: Lang,
    status: FormalStatus,
    reason: Option<String>,
    correct_by: Option<chrono::DateTime<Utc>>,
) -> FormalNote {
    let defective = status == FormalStatus::Defective;
    FormalNote {
        defect: reason.filter(|_| defective),
        deadline: correct_by.filter(|_| defective).map(|t| crate::time::day(lang, crate::time::local_date(t))),
        late: status == FormalStatus::Late,
    }
}

/// Largest attachment to a remark.
pub const ATTACHMENT_MAX: usize = 10 * 1024 * 1024;

/// Whether a consultation takes remarks at `now` (the server's clock decides).
pub fn accepting(c: &Consultation, now: chrono::DateTime<Utc>) -> bool {
    c.status == Status::Open && c.opens_at <= now && now < c.closes_at
}

/// One remark block of the form, with its values.
pub struct Block {
    pub i: usize,
    pub f: RemarkForm,
}

/// Reads remark blocks `r{i}_…` from a submitted form.
pub fn read_blocks(p: &Pairs) -> Vec<RemarkForm> {
    let rows = p.get("rows").parse::<usize>().unwrap_or(3).clamp(1, MAX_REMARKS);
    (0..rows)
        .map(|i| RemarkForm {
            section_id: p.get(&format!("r{i}_section_id")).into(),
            section_text: p.get(&format!("r{i}_section_text")).into(),
            proposed_change: p.get(&format!("r{i}_proposed_change")).into(),
            justification: p.get(&format!("r{i}_justification")).into(),
        })
        .collect()
}

/// Reads the identity part of a submitted form.
pub fn read_identity(p: &Pairs) -> AppResult<IdentityForm> {
    p.decode()
}

/// What a consultation asks of submitters.
pub fn requirements(c: &Consultation) -> Requirements {
    Requirements { email: c.require_email, address: c.require_address, anonymous_allowed: c.allow_anonymous }
}

/// A remark as the public sees it.
pub struct PublicRemark {
    pub number: i32,
    pub section: String,
    /// Proposed change.
    pub proposed_change: String,
    pub justification: String,
    /// Who, as the public may know.
    pub who: String,
    /// The reason it is hidden, instead of its text.
    pub hidden: Option<String>,
    /// Decision label.
    pub decision: Option<String>,
    /// The answer.
    pub answer: Option<String>,
    /// Channel label.
    pub channel: String,
}

/// The public name of a remark's author in `lang`.
pub fn who(lang: Lang, r: &RemarkRow) -> String {
    let kind = r.submitter_kind;
    match public_name(kind, r.organisation.as_deref(), r.person_number.map(i64::from).unwrap_or(0)) {
        PublicName::Organisation(o) => o,
        PublicName::Person(n) => lang.t_args("private-person", &[("n", Arg::Num(n))]),
        PublicName::Anonymous => lang.t("anonymous-person"),
    }
}

/// The section a remark concerns, in words.
pub fn section_of(r: &RemarkRow) -> String {
    match (&r.section_label, &r.section_text) {
        (Some(l), Some(t)) => format!("{l} — {t}"),
        (Some(l), None) => l.clone(),
        (None, Some(t)) => t.clone(),
        (None, None) => String::new(),
    }
}

/// Turns a stored remark into what the public may see.
pub fn public_remark(lang: Lang, r: RemarkRow) -> PublicRemark {
    let hidden = (!may_see(Viewer::ANONYMOUS, Item::RemarkText { moderation: r.moderation }))
        .then(|| r.hidden_reason.clone().unwrap_or_default());
    PublicRemark {
        number: r.number,
        section: section_of(&r),
        who: who(lang, &r),
        channel: lang.t(&format!("channel-{}", r.channel)),
        decision: r.decision.as_ref().map(|d| lang.t(&format!("decision-{d}"))),
        answer: r.decision_justification.clone(),
        proposed_change: if hidden.is_some() { String::new() } else { r.proposed_change },
        justification: if hidden.is_some() { String::new() } else { r.justification },
        hidden,
    }
}
