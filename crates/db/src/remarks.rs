//! Submissions and their remarks: intake from every channel, moderation, the city's
//! answers, and the counts a report needs.

use crate::audit::{AuditEntry, audit_in_tx};
use crate::jobs::JobInsert;
use crate::rows::{Instant, table_row};
use crate::{BeginWrite, Db, DbError, DbResult, Marks, Page, now, text_list};
use agora_domain::consultation::Status;
use agora_domain::remark::{Channel, Decision, FormalStatus, ModerationState, SubmitterKind};
use agora_domain::remark::{Identity, RemarkInput};
use chrono::{DateTime, Utc};
use sqlx::Transaction;
use std::collections::HashMap;

/// A section of the consulted document that remarks can point at.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Section {
    pub id: i64,
    /// "§ 3 ust. 2", "Rozdział II".
    pub label: String,
}

/// The organiser's sections, in order.
pub async fn sections(db: &Db, consultation: i64) -> DbResult<Vec<Section>> {
    on!(db, p => Ok(sqlx::query_as("SELECT id, label FROM document_sections WHERE consultation_id = $1 ORDER BY position, id")
        .bind(consultation).fetch_all(p).await?))
}

/// Adds a section at the end.
pub async fn add_section(db: &Db, consultation: i64, label: &str, entry: &AuditEntry) -> DbResult<i64> {
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO document_sections (consultation_id, label, position) \
             VALUES ($1, $2, (SELECT COALESCE(MAX(position), 0) + 1 FROM document_sections WHERE consultation_id = $1)) RETURNING id",
        ).bind(consultation).bind(label).fetch_one(&mut *tx).await?;
        audit_in_tx!(tx, entry, Some(consultation));
        tx.commit().await?;
        Ok(id)
    })
}

/// Everything about a submission except its remarks.
#[derive(Debug, Clone)]
pub struct NewSubmission {
    /// The consultation.
    pub consultation_id: i64,
    /// A token from the form, so that a double-click stores one submission.
    pub form_key: String,
    /// Channel name.
    pub channel: Channel,
    /// When it was received (this is what counts for the deadline).
    pub received_at: DateTime<Utc>,
    /// The staff member who keyed it in.
    pub entered_by: Option<(i64, String)>,
    /// The signed-in resident who sent it.
    pub user_id: Option<i64>,
    /// Who sent it.
    pub identity: Identity,
    /// Formal status name.
    pub formal_status: FormalStatus,
    /// What is wrong, for a defective one.
    pub defect_reason: Option<String>,
    /// Until when a defect may be corrected.
    pub correct_by: Option<DateTime<Utc>>,
    /// Stored attachment or scan: (key, original name, content type).
    pub attachment: Option<(String, String, String)>,
    /// Held for a moderator instead of published at once.
    pub held: bool,
    /// The submitter's language ("pl" or "en"), for mail about the submission.
    pub lang: String,
}

/// What storing a submission did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stored {
    /// A new submission with this receipt number.
    Created(String),
    /// The same form was sent before; this is its receipt number.
    Duplicate(String),
}

impl Stored {
    /// The receipt number either way.
    pub fn receipt(&self) -> &str {
        match self {
            Stored::Created(r) | Stored::Duplicate(r) => r,
        }
    }
}

async fn existing_receipt(db: &Db, consultation: i64, form_key: &str) -> DbResult<Option<String>> {
    on!(db, p => Ok(sqlx::query_scalar("SELECT receipt FROM submissions WHERE consultation_id = $1 AND form_key = $2")
        .bind(consultation).bind(form_key).fetch_optional(p).await?))
}

/// A job to queue with a submission, in the same transaction, once its receipt is known.
pub struct FollowUp {
    /// The job kind, e.g. `mail`.
    pub kind: &'static str,
    /// Builds the job's payload from the receipt number.
    pub payload: Box<dyn Fn(&str) -> String + Send + Sync>,
}

impl std::fmt::Debug for FollowUp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FollowUp").field("kind", &self.kind).finish_non_exhaustive()
    }
}

/// One submission to store: what was sent, its remarks, its audit entry, and an optional
/// job (the mailed copy) that must exist exactly when the submission does.
#[derive(Debug)]
pub struct SubmissionBatchItem {
    /// The submission.
    pub submission: NewSubmission,
    /// Its remarks, in order.
    pub remarks: Vec<RemarkInput>,
    /// The audit entry.
    pub entry: AuditEntry,
    /// A job queued with it when it is new.
    pub follow_up: Option<FollowUp>,
}

/// Stores a submission and all its remarks in one transaction, numbering the remarks
/// within the consultation; a repeated form key stores nothing and returns the first receipt.
pub async fn submit(db: &Db, s: &NewSubmission, remarks: &[RemarkInput], entry: &AuditEntry) -> DbResult<Stored> {
    submit_one(
        db,
        &SubmissionBatchItem {
            submission: s.clone(),
            remarks: remarks.to_vec(),
            entry: entry.clone(),
            follow_up: None,
        },
    )
    .await
}

/// Stores one submission in its own transaction, as [`submit`] does, with its follow-up job.
pub async fn submit_one(db: &Db, item: &SubmissionBatchItem) -> DbResult<Stored> {
    let s = &item.submission;
    match submit_batch(db, std::slice::from_ref(item)).await {
        Ok(mut v) => v.pop().ok_or_else(|| DbError::Conflict("submission".into())),
        // Two clicks that raced on two instances: the other one won; answer with its receipt.
        Err(DbError::Conflict(_)) => match existing_receipt(db, s.consultation_id, &s.form_key).await? {
            Some(r) => Ok(Stored::Duplicate(r)),
            None => Err(DbError::Conflict("submission".into())),
        },
        Err(e) => Err(e),
    }
}

table_row! {
    /// A new submission as stored; `RETURNING` gives its id with its receipt, which its remarks need.
    struct SubmissionInsert<'a> in "submissions" {
        consultation_id: i64 as "bigint",
        receipt: &'a str as "text",
        form_key: &'a str as "text",
        channel: &'a str as "text",
        received_at: Instant as "timestamptz",
        entered_by_id: Option<i64> as "bigint",
        entered_by: Option<&'a str> as "text",
        user_id: Option<i64> as "bigint",
        submitter_kind: &'a str as "text",
        person_number: Option<i32> as "integer",
        name: Option<&'a str> as "text",
        organisation: Option<&'a str> as "text",
        district_id: Option<i64> as "bigint",
        address: Option<&'a str> as "text",
        email: Option<&'a str> as "text",
        formal_status: &'a str as "text",
        defect_reason: Option<&'a str> as "text",
        correct_by: Option<Instant> as "timestamptz",
        attachment_key: Option<&'a str> as "text",
        attachment_name: Option<&'a str> as "text",
        attachment_type: Option<&'a str> as "text",
        created_at: Instant as "timestamptz",
        lang: &'a str as "text",
    }
}

table_row! {
    /// A remark of a new submission, numbered within its consultation.
    struct RemarkInsert<'a> in "remarks" {
        consultation_id: i64 as "bigint",
        submission_id: i64 as "bigint",
        number: i32 as "integer",
        section_id: Option<i64> as "bigint",
        section_text: Option<&'a str> as "text",
        proposed_change: &'a str as "text",
        justification: &'a str as "text",
        moderation: &'a str as "text",
    }
}

table_row! {
    /// The formal check of a submission keyed in by staff, the first entry of its history.
    struct FormalCheckInsert<'a> in "formal_checks" {
        submission_id: i64 as "bigint",
        at: Instant as "timestamptz",
        actor_id: Option<i64> as "bigint",
        actor_label: &'a str as "text",
        status: &'a str as "text",
        reason: Option<&'a str> as "text",
        correct_by: Option<Instant> as "timestamptz",
    }
}

table_row! {
    /// A new submission's audit entry, written with the batch instead of by `audit_in_tx!`.
    struct AuditInsert<'a> in "audit_log" {
        at: Instant as "timestamptz",
        actor_id: Option<i64> as "bigint",
        actor_label: &'a str as "text",
        action: &'a str as "text",
        entity: &'a str as "text",
        entity_id: i64 as "bigint",
        details: &'a str as "text",
    }
}

/// The steps of [`submit_batch`] inside a transaction `tx` the caller opened and commits, so
/// that something stored with a submission (a body's opinion that becomes a remark) exists
/// exactly when the submission does. Evaluates to the outcomes, or returns the error.
macro_rules! submit_in_tx {
    ($tx:ident, $marks:expr, $batch:expr, $at:expr) => {{
        use $crate::remarks::batch_steps as s;
        let batch: &[$crate::remarks::SubmissionBatchItem] = $batch;
        let given = s::stored_receipts(&mut $tx, $marks, batch).await?;
        let new = s::new_items(batch, &given);
        let firsts = s::reserve_numbers(&mut $tx, &new.need).await?;
        let numbered = s::number(batch, &new.order, firsts)?;
        // Each table's rows of the whole batch together (see `crate::rows`).
        let submissions = s::submission_rows(batch, &numbered, $at);
        let ids: Vec<(i64, String)> =
            $crate::rows::InsertRows::insert_rows(&mut $tx, "RETURNING id, receipt", &submissions).await?;
        let ids: std::collections::HashMap<String, i64> = ids.into_iter().map(|(id, receipt)| (receipt, id)).collect();
        $crate::rows::InsertRows::insert_rows::<_, ()>(&mut $tx, "", &s::remark_rows(batch, &numbered, &ids)?).await?;
        $crate::rows::InsertRows::insert_rows::<_, ()>(&mut $tx, "", &s::check_rows(batch, &numbered, &ids, $at)?)
            .await?;
        $crate::rows::InsertRows::insert_rows::<_, ()>(&mut $tx, "", &s::audit_rows(batch, &numbered, $at)).await?;
        $crate::rows::InsertRows::insert_rows::<_, ()>(&mut $tx, "", &s::job_rows(batch, &numbered, $at)).await?;
        s::outcomes(batch, numbered, &given, &new.first_of)?
    }};
}
pub(crate) use submit_in_tx;

/// Stores many submissions in one transaction (one durable commit for all of them), each
/// numbered and audited as [`submit`] does, with its follow-up job; returns one outcome per
/// item. The work is set-based: one look-up of repeated form keys and one numbering per
/// consultation, then one multi-row insert per table, whatever the batch's size.
pub async fn submit_batch(db: &Db, batch: &[SubmissionBatchItem]) -> DbResult<Vec<Stored>> {
    let at = now();
    let marks = db.marks();
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let stored = submit_in_tx!(tx, marks, batch, at);
        tx.commit().await?;
        Ok(stored)
    })
}

/// The steps [`submit_in_tx!`] runs, reachable from wherever it expands.
pub(crate) mod batch_steps {
    pub(crate) use super::{
        audit_rows, check_rows, job_rows, new_items, number, outcomes, remark_rows, reserve_numbers, stored_receipts,
        submission_rows,
    };
}

/// A submission's consultation and form key, which identify it as sent once.
pub(crate) type FormKey<'b> = (i64, &'b str);

fn form_key(s: &NewSubmission) -> FormKey<'_> {
    (s.consultation_id, s.form_key.as_str())
}

/// How many remark numbers an item takes.
fn remark_count(item: &SubmissionBatchItem) -> i32 {
    i32::try_from(item.remarks.len()).unwrap_or(i32::MAX)
}

/// Whether the submitter is a private person, who is shown by a pseudonym number.
fn is_person(s: &NewSubmission) -> bool {
    s.identity.kind == agora_domain::remark::SubmitterKind::Person
}

/// The receipts already stored for the batch's form keys.
///
/// Each key is looked up on its own through the unique (consultation, form key) index, as a
/// sub-select per row of a `VALUES` list: as `form_key IN (…)`, PostgreSQL's planner, its
/// statistics taken before a flood of submissions to one consultation, read all of that
/// consultation's submissions instead. The list is filled up to one of three lengths with the
/// last key again, so that each length stays prepared.
pub(crate) async fn stored_receipts<'b, DB>(
    tx: &mut Transaction<'static, DB>,
    marks: Marks,
    batch: &'b [SubmissionBatchItem],
) -> Result<HashMap<FormKey<'b>, String>, sqlx::Error>
where
    DB: sqlx::Database,
    for<'c> &'c mut DB::Connection: sqlx::Executor<'c, Database = DB>,
    DB::Arguments: sqlx::IntoArguments<DB>,
    i64: for<'q> sqlx::Encode<'q, DB> + sqlx::Type<DB>,
    &'b str: for<'q> sqlx::Encode<'q, DB> + sqlx::Type<DB>,
    (String, Option<String>): for<'r> sqlx::FromRow<'r, DB::Row>,
{
    let mut given = HashMap::new();
    let mut consultations: Vec<i64> = batch.iter().map(|b| b.submission.consultation_id).collect();
    consultations.sort_unstable();
    consultations.dedup();
    for c in consultations {
        let keys: Vec<&str> = batch
            .iter()
            .filter(|b| b.submission.consultation_id == c)
            .map(|b| b.submission.form_key.as_str())
            .collect();
        for chunk in keys.chunks(64) {
            let len = [4, 16, 64].into_iter().find(|&n| n >= chunk.len()).unwrap_or(64);
            let values = (0..len).map(|k| format!("({})", marks.list(k + 2, 1))).collect::<Vec<_>>().join(", ");
            let sql = format!(
                "SELECT k.column1, (SELECT receipt FROM submissions s WHERE s.consultation_id = {} AND s.form_key = k.column1) \
                 FROM (VALUES {values}) AS k",
                marks.list(1, 1),
            );
            let mut q = sqlx::query_as::<_, (String, Option<String>)>(sqlx::AssertSqlSafe(sql)).bind(c);
            for k in chunk.iter().chain(std::iter::repeat_n(chunk.last().unwrap_or(&""), len - chunk.len())) {
                q = q.bind(*k);
            }
            for (key, receipt) in q.fetch_all(&mut **tx).await? {
                if let (Some(k), Some(receipt)) = (chunk.iter().find(|k| **k == key), receipt) {
                    given.insert((c, *k), receipt);
                }
            }
        }
    }
    Ok(given)
}

/// A consultation's remark and pseudonym numbers: how many a batch needs, or the first free.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Numbers {
    /// Remark numbers, which run through the whole consultation.
    remarks: i32,
    /// Pseudonym numbers, one per submission of a private person.
    persons: i32,
}

/// Which items of a batch are new, and the numbers they need.
#[derive(Debug, Default)]
pub(crate) struct NewItems<'b> {
    /// The new items' indexes in the batch, in the order they arrived.
    pub(crate) order: Vec<usize>,
    /// The new item of each form key, whose receipt its repeats later in the batch get.
    pub(crate) first_of: HashMap<FormKey<'b>, usize>,
    /// The numbers each consultation's new items need.
    pub(crate) need: HashMap<i64, Numbers>,
}

/// Picks the new items: the first of each form key that has no receipt yet (`given`).
pub(crate) fn new_items<'b>(batch: &'b [SubmissionBatchItem], given: &HashMap<FormKey<'b>, String>) -> NewItems<'b> {
    let mut new = NewItems::default();
    for (i, item) in batch.iter().enumerate() {
        let key = form_key(&item.submission);
        if given.contains_key(&key) || new.first_of.contains_key(&key) {
            continue;
        }
        new.first_of.insert(key, i);
        new.order.push(i);
        let need = new.need.entry(item.submission.consultation_id).or_default();
        need.remarks += remark_count(item);
        need.persons += i32::from(is_person(&item.submission));
    }
    new
}

/// Reserves what each consultation needs with one update of its counters, however many
/// submissions it has in the batch, and returns its first reserved numbers.
pub(crate) async fn reserve_numbers<DB>(
    tx: &mut Transaction<'static, DB>,
    need: &HashMap<i64, Numbers>,
) -> Result<HashMap<i64, Numbers>, sqlx::Error>
where
    DB: sqlx::Database,
    for<'c> &'c mut DB::Connection: sqlx::Executor<'c, Database = DB>,
    DB::Arguments: sqlx::IntoArguments<DB>,
    i32: for<'q> sqlx::Encode<'q, DB> + sqlx::Type<DB>,
    i64: for<'q> sqlx::Encode<'q, DB> + sqlx::Type<DB>,
    (i32, i32): for<'r> sqlx::FromRow<'r, DB::Row>,
{
    let mut firsts = HashMap::new();
    for (&c, n) in need {
        let (remarks, persons): (i32, i32) = sqlx::query_as(
            "UPDATE consultations SET next_remark_number = next_remark_number + $1, next_person_number = next_person_number + $2 \
             WHERE id = $3 RETURNING next_remark_number - $1, next_person_number - $2",
        )
        .bind(n.remarks)
        .bind(n.persons)
        .bind(c)
        .fetch_one(&mut **tx)
        .await?;
        firsts.insert(c, Numbers { remarks, persons });
    }
    Ok(firsts)
}

/// A new submission with its numbers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Numbered {
    /// Its index in the batch.
    item: usize,
    /// Its first remark's number; its other remarks follow in order.
    first_remark: i32,
    /// Its pseudonym number, for a private person.
    person: Option<i32>,
    /// Its receipt number, which also matches it to its id among the inserted submissions.
    receipt: String,
}

/// Numbers the new items from their consultations' first reserved numbers (`firsts`) in the
/// order they arrived, so that numbers follow arrival within a consultation.
pub(crate) fn number(
    batch: &[SubmissionBatchItem],
    order: &[usize],
    mut firsts: HashMap<i64, Numbers>,
) -> DbResult<Vec<Numbered>> {
    order
        .iter()
        .map(|&i| {
            let s = &batch[i].submission;
            let next = firsts.get_mut(&s.consultation_id).ok_or_else(|| DbError::Conflict("consultation".into()))?;
            let given = *next;
            next.remarks += remark_count(&batch[i]);
            next.persons += i32::from(is_person(s));
            Ok(Numbered {
                item: i,
                first_remark: given.remarks,
                person: is_person(s).then_some(given.persons),
                receipt: format!("UW/{}/{:05}", s.consultation_id, given.remarks),
            })
        })
        .collect()
}

/// The new submissions' rows.
pub(crate) fn submission_rows<'b>(
    batch: &'b [SubmissionBatchItem],
    numbered: &'b [Numbered],
    at: DateTime<Utc>,
) -> Vec<SubmissionInsert<'b>> {
    numbered
        .iter()
        .map(|n| {
            let s = &batch[n.item].submission;
            let attachment = s.attachment.as_ref();
            SubmissionInsert {
                consultation_id: s.consultation_id,
                receipt: &n.receipt,
                form_key: &s.form_key,
                channel: s.channel.as_str(),
                received_at: Instant(s.received_at),
                entered_by_id: s.entered_by.as_ref().map(|e| e.0),
                entered_by: s.entered_by.as_ref().map(|e| e.1.as_str()),
                user_id: s.user_id,
                submitter_kind: s.identity.kind.as_str(),
                person_number: n.person,
                name: s.identity.name.as_deref(),
                organisation: s.identity.organisation.as_deref(),
                district_id: s.identity.district_id,
                address: s.identity.address.as_deref(),
                email: s.identity.email.as_ref().map(|e| e.as_str()),
                formal_status: s.formal_status.as_str(),
                defect_reason: s.defect_reason.as_deref(),
                correct_by: s.correct_by.map(Instant),
                attachment_key: attachment.map(|a| a.0.as_str()),
                attachment_name: attachment.map(|a| a.1.as_str()),
                attachment_type: attachment.map(|a| a.2.as_str()),
                created_at: Instant(at),
                lang: &s.lang,
            }
        })
        .collect()
}

/// The new submissions' remarks, numbered, each with its submission's id (`ids`, by receipt).
pub(crate) fn remark_rows<'b>(
    batch: &'b [SubmissionBatchItem],
    numbered: &[Numbered],
    ids: &HashMap<String, i64>,
) -> DbResult<Vec<RemarkInsert<'b>>> {
    let mut rows = Vec::new();
    for n in numbered {
        let id = *ids.get(&n.receipt).ok_or_else(|| DbError::Conflict("submission".into()))?;
        let s = &batch[n.item].submission;
        let moderation = if s.held { ModerationState::Held } else { ModerationState::Published }.as_str();
        for (k, r) in batch[n.item].remarks.iter().enumerate() {
            rows.push(RemarkInsert {
                consultation_id: s.consultation_id,
                submission_id: id,
                number: n.first_remark + i32::try_from(k).unwrap_or(0),
                section_id: r.section_id,
                section_text: r.section_text.as_deref(),
                proposed_change: &r.proposed_change,
                justification: &r.justification,
                moderation,
            });
        }
    }
    Ok(rows)
}

/// The formal checks of the new submissions staff keyed in, who checked them as they did;
/// the online form's automatic "valid" is nobody's check and starts no history.
pub(crate) fn check_rows<'b>(
    batch: &'b [SubmissionBatchItem],
    numbered: &[Numbered],
    ids: &HashMap<String, i64>,
    at: DateTime<Utc>,
) -> DbResult<Vec<FormalCheckInsert<'b>>> {
    let mut rows = Vec::new();
    for n in numbered {
        let s = &batch[n.item].submission;
        let Some((actor_id, actor_label)) = &s.entered_by else { continue };
        rows.push(FormalCheckInsert {
            submission_id: *ids.get(&n.receipt).ok_or_else(|| DbError::Conflict("submission".into()))?,
            at: Instant(at),
            actor_id: Some(*actor_id),
            actor_label,
            status: s.formal_status.as_str(),
            reason: s.defect_reason.as_deref(),
            correct_by: s.correct_by.map(Instant),
        });
    }
    Ok(rows)
}

/// The new submissions' audit entries; a repeat is not audited again.
pub(crate) fn audit_rows<'b>(
    batch: &'b [SubmissionBatchItem],
    numbered: &[Numbered],
    at: DateTime<Utc>,
) -> Vec<AuditInsert<'b>> {
    numbered
        .iter()
        .map(|n| {
            let e = &batch[n.item].entry;
            AuditInsert {
                at: Instant(at),
                actor_id: e.actor_id,
                actor_label: &e.actor_label,
                action: e.action,
                entity: e.entity,
                entity_id: batch[n.item].submission.consultation_id,
                details: &e.details,
            }
        })
        .collect()
}

/// The new submissions' follow-up jobs, their payloads made from the receipts just given.
pub(crate) fn job_rows(
    batch: &[SubmissionBatchItem],
    numbered: &[Numbered],
    at: DateTime<Utc>,
) -> Vec<JobInsert<'static>> {
    numbered
        .iter()
        .filter_map(|n| {
            batch[n.item].follow_up.as_ref().map(|job| JobInsert {
                kind: job.kind,
                payload: (job.payload)(&n.receipt),
                run_at: Instant(at),
                max_attempts: crate::jobs::MAX_ATTEMPTS,
                created_at: Instant(at),
            })
        })
        .collect()
}

/// One outcome per item, in order: a new one is created with its receipt; a repeat gets the
/// receipt stored before (`given`), or the one the first of it in this batch got.
pub(crate) fn outcomes(
    batch: &[SubmissionBatchItem],
    numbered: Vec<Numbered>,
    given: &HashMap<FormKey<'_>, String>,
    first_of: &HashMap<FormKey<'_>, usize>,
) -> DbResult<Vec<Stored>> {
    let mut out: Vec<Option<Stored>> = vec![None; batch.len()];
    for n in numbered {
        out[n.item] = Some(Stored::Created(n.receipt));
    }
    for (i, item) in batch.iter().enumerate() {
        if out[i].is_none() {
            let key = form_key(&item.submission);
            let receipt = given
                .get(&key)
                .cloned()
                .or_else(|| first_of.get(&key).and_then(|&f| out[f].as_ref().map(|o| o.receipt().to_owned())));
            out[i] = Some(Stored::Duplicate(receipt.ok_or_else(|| DbError::Conflict("submission".into()))?));
        }
    }
    Ok(out.into_iter().flatten().collect())
}

/// A remark with what the lists and the report show of it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct RemarkRow {
    pub id: i64,
    /// Number within the consultation.
    pub number: i32,
    /// The submission.
    pub submission_id: i64,
    /// Receipt number of the submission.
    pub receipt: String,
    /// Section label picked.
    pub section_label: Option<String>,
    /// Section in the submitter's words.
    pub section_text: Option<String>,
    /// The change proposed.
    pub proposed_change: String,
    pub justification: String,
    /// published, held or hidden.
    pub moderation: ModerationState,
    /// Why it was hidden.
    pub hidden_reason: Option<String>,
    /// Group id, when answered together with similar ones.
    pub group_id: Option<i64>,
    /// Decision name.
    pub decision: Option<Decision>,
    /// The decision's justification.
    pub decision_justification: Option<String>,
    /// Channel name.
    pub channel: Channel,
    /// When received.
    pub received_at: DateTime<Utc>,
    /// person, organisation or anonymous.
    pub submitter_kind: SubmitterKind,
    /// Pseudonym number of a private person.
    pub person_number: Option<i32>,
    /// Name (staff only).
    pub name: Option<String>,
    pub organisation: Option<String>,
    /// District name.
    pub district_name: Option<String>,
    /// E-mail (staff only).
    pub email: Option<String>,
    /// Formal status name.
    pub formal_status: FormalStatus,
    /// What is missing, for a defective submission (staff only).
    pub defect_reason: Option<String>,
    /// Until when a defect may be corrected.
    pub correct_by: Option<DateTime<Utc>>,
    /// Whether its submission came with an attachment or a scan.
    pub has_attachment: bool,
}

const REMARK_SELECT: &str = "SELECT r.id, r.number, r.submission_id, s.receipt, ds.label AS section_label, r.section_text, r.proposed_change, \
    r.justification, r.moderation, r.hidden_reason, r.group_id, r.decision, r.decision_justification, s.channel, s.received_at, \
    s.submitter_kind, s.person_number, s.name, s.organisation, d.name AS district_name, s.email, s.formal_status, \
    s.defect_reason, s.correct_by, s.attachment_key IS NOT NULL AS has_attachment \
    FROM remarks r JOIN submissions s ON s.id = r.submission_id \
    LEFT JOIN document_sections ds ON ds.id = r.section_id LEFT JOIN districts d ON d.id = s.district_id";

/// Filters of the answering screen.
#[derive(Debug, Clone, Default)]
pub struct RemarkFilter {
    /// Only remarks without a decision.
    pub unanswered: bool,
    /// Only this section.
    pub section: Option<i64>,
    /// Only this channel.
    pub channel: Option<Channel>,
    /// Only this decision.
    pub decision: Option<Decision>,
    /// Only remarks the public may see (published or hidden with a reason).
    pub public: bool,
}

/// One page of a consultation's remarks by number.
pub async fn list(db: &Db, consultation: i64, f: &RemarkFilter, limit: i64, offset: i64) -> DbResult<Page<RemarkRow>> {
    let mut wh = vec!["r.consultation_id = $1".to_owned()];
    if f.unanswered {
        wh.push("r.decision IS NULL".into());
    }
    if f.public {
        wh.push(format!("r.moderation IN ({})", text_list(&ModerationState::LISTED)));
    }
    // The optional filters take fixed parameter slots so the SQL text stays constant. The
    // channel is the submission's, looked up only when asked for: joining every submission
    // made PostgreSQL hash-join the whole table for a count or a deep page.
    wh.push("($2 = 0 OR r.section_id = $2)".into());
    wh.push("($3 = '' OR r.submission_id IN (SELECT sc.id FROM submissions sc WHERE sc.consultation_id = $1 AND sc.channel = $3))".into());
    wh.push("($4 = '' OR r.decision = $4)".into());
    let where_sql = wh.join(" AND ");
    // The page is chosen from the remarks alone, by number; only its rows are joined.
    let list = format!(
        "{REMARK_SELECT} WHERE r.id IN (SELECT r.id FROM remarks r WHERE {where_sql} ORDER BY r.number LIMIT $5 OFFSET $6) ORDER BY r.number"
    );
    let count = format!("SELECT COUNT(*) FROM remarks r WHERE {where_sql}");
    let (section, channel, decision) =
        (f.section.unwrap_or(0), f.channel.map_or("", Channel::as_str), f.decision.map_or("", Decision::as_str));
    on!(db, p => {
        let items = sqlx::query_as(sqlx::AssertSqlSafe(list)).bind(consultation).bind(section).bind(channel).bind(decision)
            .bind(limit).bind(offset).fetch_all(p).await?;
        let total: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(count)).bind(consultation).bind(section).bind(channel).bind(decision)
            .fetch_one(p).await?;
        Ok(Page { items, total })
    })
}

/// Every remark of a consultation in number order, handed over one at a time (reports, exports).
pub async fn for_each<F, Fut>(db: &Db, consultation: i64, public: bool, mut each: F) -> DbResult<()>
where
    F: FnMut(RemarkRow) -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    use futures_util::TryStreamExt;
    let filter =
        if public { format!(" AND r.moderation IN ({})", text_list(&ModerationState::LISTED)) } else { String::new() };
    let sql = format!("{REMARK_SELECT} WHERE r.consultation_id = $1{filter} ORDER BY r.number");
    on!(db, p => {
        let mut rows = sqlx::query_as::<_, RemarkRow>(sqlx::AssertSqlSafe(sql)).bind(consultation).fetch(p);
        while let Some(row) = rows.try_next().await? {
            if !each(row).await {
                break;
            }
        }
    });
    Ok(())
}

/// (answered, total) remarks of a consultation.
pub async fn progress(db: &Db, consultation: i64) -> DbResult<(i64, i64)> {
    on!(db, p => Ok(sqlx::query_as(
        "SELECT COALESCE(SUM(CASE WHEN decision IS NULL THEN 0 ELSE 1 END), 0), COUNT(*) FROM remarks WHERE consultation_id = $1",
    ).bind(consultation).fetch_one(p).await?))
}

/// The city's answer given to one or more remarks.
#[derive(Debug, Clone, Copy)]
pub struct Answer<'a> {
    /// What was decided.
    pub decision: Decision,
    /// Why, as the report shows it.
    pub justification: &'a str,
    /// With a title, the remarks are grouped as similar and answered once.
    pub group_title: Option<&'a str>,
    /// The official's name, kept with the answer.
    pub answered_by: &'a str,
}

/// Gives `remarks` (ids within `consultation`) one answer. Returns how many were answered.
pub async fn answer(
    db: &Db,
    consultation: i64,
    remarks: &[i64],
    answer: &Answer<'_>,
    entry: &AuditEntry,
) -> DbResult<u64> {
    let Answer { decision, justification, group_title, answered_by } = *answer;
    let at = now();
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let group: Option<i64> = match group_title {
            Some(t) => Some(sqlx::query_scalar("INSERT INTO remark_groups (consultation_id, title, created_at) VALUES ($1, $2, $3) RETURNING id")
                .bind(consultation).bind(t).bind(at).fetch_one(&mut *tx).await?),
            None => None,
        };
        let mut n = 0;
        for id in remarks {
            n += sqlx::query(
                "UPDATE remarks SET decision = $1, decision_justification = $2, answered_at = $3, answered_by = $4, \
                 group_id = COALESCE($5, group_id) WHERE id = $6 AND consultation_id = $7 \
                 AND (decision IS DISTINCT FROM $1 OR decision_justification IS DISTINCT FROM $2 \
                      OR ($5 IS NOT NULL AND group_id IS DISTINCT FROM $5))",
            )
            .bind(decision).bind(justification).bind(at).bind(answered_by).bind(group).bind(id).bind(consultation)
            .execute(&mut *tx).await?.rows_affected();
        }
        // The same answer sent again changes nothing: no new time, no audit entry, no empty group.
        if n == 0 {
            return Ok(0);
        }
        audit_in_tx!(tx, entry, Some(consultation));
        tx.commit().await?;
        Ok(n)
    })
}

agora_domain::text_enum! {
    /// A moderator's action on a remark.
    pub enum Moderation {
        /// Publish a held remark.
        Approve = "approve",
        /// Hide a remark, leaving the reason in its place.
        Hide = "hide",
        /// Show a hidden remark again.
        Restore = "restore",
    }
}

/// Applies a moderation action and records it in the public log; `false` when the remark
/// is not in a state the action applies to.
pub async fn moderate(
    db: &Db,
    consultation: i64,
    remark: i64,
    action: Moderation,
    reason: &str,
    actor: &str,
    entry: &AuditEntry,
) -> DbResult<bool> {
    use ModerationState::{Held, Hidden, Published};
    let (to, from): (ModerationState, &[ModerationState]) = match action {
        Moderation::Approve => (Published, &[Held]),
        Moderation::Hide => (Hidden, &[Held, Published]),
        Moderation::Restore => (Published, &[Hidden]),
    };
    let from_sql = from.iter().map(|s| format!("'{s}'")).collect::<Vec<_>>().join(", ");
    let update = format!(
        "UPDATE remarks SET moderation = $1, hidden_reason = CASE WHEN $1 = '{hidden}' THEN $2 ELSE NULL END \
         WHERE id = $3 AND consultation_id = $4 AND moderation IN ({from_sql}) RETURNING number",
        hidden = Hidden,
    );
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let number: Option<i32> = sqlx::query_scalar(sqlx::AssertSqlSafe(update)).bind(to).bind(reason).bind(remark).bind(consultation)
            .fetch_optional(&mut *tx).await?;
        if let Some(number) = number {
            sqlx::query("INSERT INTO moderation_log (consultation_id, remark_id, remark_number, action, reason, actor_label, at) VALUES ($1, $2, $3, $4, $5, $6, $7)")
                .bind(consultation).bind(remark).bind(number).bind(action.as_str()).bind(reason).bind(actor).bind(now())
                .execute(&mut *tx).await?;
            audit_in_tx!(tx, entry, Some(consultation));
        }
        tx.commit().await?;
        Ok(number.is_some())
    })
}

/// One entry of a consultation's public moderation log.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ModerationEntry {
    /// Remark number.
    pub remark_number: i32,
    /// Action name.
    pub action: String,
    /// Reason given.
    pub reason: String,
    pub at: DateTime<Utc>,
}

/// The moderation log, newest first.
pub async fn moderation_log(db: &Db, consultation: i64, limit: i64) -> DbResult<Vec<ModerationEntry>> {
    on!(db, p => Ok(sqlx::query_as("SELECT remark_number, action, reason, at FROM moderation_log WHERE consultation_id = $1 ORDER BY at DESC, id DESC LIMIT $2")
        .bind(consultation).bind(limit).fetch_all(p).await?))
}

/// A count under a label, for the report's tables.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Count {
    /// What is counted (a channel, a decision, a district name…); empty for none.
    pub label: Option<String>,
    /// How many.
    pub n: i64,
}

/// Counts of a consultation's public remarks by channel, decision, district and submitter kind.
pub async fn counts(db: &Db, consultation: i64) -> DbResult<[Vec<Count>; 4]> {
    let base = format!(
        "FROM remarks r JOIN submissions s ON s.id = r.submission_id LEFT JOIN districts d ON d.id = s.district_id \
         WHERE r.consultation_id = $1 AND r.moderation IN ({})",
        text_list(&ModerationState::LISTED)
    );
    let q = |col: &str| format!("SELECT {col} AS label, COUNT(*) AS n {base} GROUP BY {col} ORDER BY n DESC, label");
    let sqls = [q("s.channel"), q("r.decision"), q("d.name"), q("s.submitter_kind")];
    let mut out: [Vec<Count>; 4] = Default::default();
    for (i, sql) in sqls.into_iter().enumerate() {
        out[i] = on!(db, p => sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(consultation).fetch_all(p).await?);
    }
    Ok(out)
}

/// A resident's own remark with its consultation and answer.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MyRemark {
    /// Consultation's address part.
    pub slug: String,
    /// Consultation's title.
    pub title: String,
    /// Consultation's status.
    pub status: Status,
    /// Receipt number.
    pub receipt: String,
    /// Remark number.
    pub number: i32,
    /// The change proposed.
    pub proposed_change: String,
    /// Moderation state.
    pub moderation: ModerationState,
    pub decision: Option<Decision>,
    /// Its justification.
    pub decision_justification: Option<String>,
    /// When received.
    pub received_at: DateTime<Utc>,
    /// The formal check of its submission.
    pub formal_status: FormalStatus,
    /// What is missing, for a defective submission.
    pub defect_reason: Option<String>,
    /// Until when the defect may be corrected.
    pub correct_by: Option<DateTime<Utc>>,
}

/// The remarks a signed-in resident sent, newest first.
pub async fn of_user(db: &Db, user_id: i64, limit: i64, offset: i64) -> DbResult<Page<MyRemark>> {
    on!(db, p => {
        let items = sqlx::query_as(
            "SELECT c.slug, c.title, c.status, s.receipt, r.number, r.proposed_change, r.moderation, r.decision, r.decision_justification, s.received_at, \
             s.formal_status, s.defect_reason, s.correct_by \
             FROM remarks r JOIN submissions s ON s.id = r.submission_id JOIN consultations c ON c.id = r.consultation_id \
             WHERE s.user_id = $1 ORDER BY s.received_at DESC, r.number LIMIT $2 OFFSET $3",
        ).bind(user_id).bind(limit).bind(offset).fetch_all(p).await?;
        let total: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM remarks r JOIN submissions s ON s.id = r.submission_id WHERE s.user_id = $1")
            .bind(user_id).fetch_one(p).await?;
        Ok(Page { items, total })
    })
}

/// The receipt number `receipt` if a submission of the consultation has it.
pub async fn receipt_of(db: &Db, consultation: i64, receipt: &str) -> DbResult<Option<String>> {
    on!(db, p => Ok(sqlx::query_scalar("SELECT receipt FROM submissions WHERE consultation_id = $1 AND receipt = $2")
        .bind(consultation).bind(receipt).fetch_optional(p).await?))
}

/// Addresses to tell when a consultation's report is published, each once, with the language
/// of its latest submission, which the mail is written in.
pub async fn notify_addresses(db: &Db, consultation: i64) -> DbResult<Vec<(String, String)>> {
    on!(db, p => Ok(sqlx::query_as(
        "SELECT email, lang FROM (SELECT email, lang, ROW_NUMBER() OVER (PARTITION BY email ORDER BY id DESC) AS nth \
         FROM submissions WHERE consultation_id = $1 AND email IS NOT NULL) latest WHERE nth = 1 ORDER BY email")
        .bind(consultation).fetch_all(p).await?))
}

/// How a consultation handles remarks.
#[derive(Debug, Clone, Copy, sqlx::FromRow)]
pub struct RemarkSettings {
    /// Held for a moderator before they are shown.
    pub premoderation: bool,
    /// Days a submitter has to correct a defect.
    pub defect_days: i32,
}

/// The consultation's remark settings.
pub async fn settings(db: &Db, consultation: i64) -> DbResult<RemarkSettings> {
    on!(db, p => Ok(sqlx::query_as("SELECT premoderation, defect_days FROM consultations WHERE id = $1").bind(consultation).fetch_one(p).await?))
}

/// Changes the consultation's remark settings.
pub async fn set_settings(db: &Db, consultation: i64, s: RemarkSettings, entry: &AuditEntry) -> DbResult<()> {
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        sqlx::query("UPDATE consultations SET premoderation = $1, defect_days = $2 WHERE id = $3")
            .bind(s.premoderation).bind(s.defect_days).bind(consultation).execute(&mut *tx).await?;
        audit_in_tx!(tx, entry, Some(consultation));
        tx.commit().await?;
    });
    Ok(())
}

/// A submission's attachment, for download by staff.
pub async fn attachment(db: &Db, consultation: i64, submission: i64) -> DbResult<Option<(String, String, String)>> {
    on!(db, p => Ok(sqlx::query_as(
        "SELECT attachment_key, attachment_name, attachment_type FROM submissions WHERE id = $1 AND consultation_id = $2 AND attachment_key IS NOT NULL",
    ).bind(submission).bind(consultation).fetch_optional(p).await?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use agora_domain::remark::SubmitterKind;

    fn item(consultation: i64, key: &str, remarks: &[&str], kind: SubmitterKind) -> SubmissionBatchItem {
        let identity = Identity { kind, name: None, organisation: None, district_id: None, address: None, email: None };
        SubmissionBatchItem {
            submission: NewSubmission {
                consultation_id: consultation,
                form_key: key.into(),
                channel: Channel::Online,
                received_at: now(),
                entered_by: None,
                user_id: None,
                identity,
                formal_status: FormalStatus::Valid,
                defect_reason: None,
                correct_by: None,
                attachment: None,
                held: false,
                lang: "pl".into(),
            },
            remarks: remarks
                .iter()
                .map(|t| RemarkInput {
                    section_id: None,
                    section_text: None,
                    proposed_change: (*t).into(),
                    justification: String::new(),
                })
                .collect(),
            entry: AuditEntry {
                actor_id: None,
                actor_label: "test".into(),
                action: "remark.submit",
                entity: "consultation",
                details: String::new(),
            },
            follow_up: None,
        }
    }

    /// Two consultations interleaved, a repeat inside the batch and a key stored before.
    fn batch() -> Vec<SubmissionBatchItem> {
        use SubmitterKind::{Organisation, Person};
        vec![
            item(1, "k1", &["A", "B"], Person),
            item(1, "k2", &["C"], Organisation),
            item(1, "k1", &["A", "B"], Person),
            item(2, "k9", &["D"], Person),
            item(1, "old", &["E"], Person),
        ]
    }

    #[test]
    fn only_the_first_of_a_form_key_not_stored_before_is_new() {
        let batch = batch();
        let given = HashMap::from([((1, "old"), "UW/1/00001".to_owned())]);
        let new = new_items(&batch, &given);
        assert_eq!(new.order, vec![0, 1, 3]);
        assert_eq!(new.first_of, HashMap::from([((1, "k1"), 0), ((1, "k2"), 1), ((2, "k9"), 3)]));
        assert_eq!(
            new.need,
            HashMap::from([(1, Numbers { remarks: 3, persons: 1 }), (2, Numbers { remarks: 1, persons: 1 })])
        );
    }

    #[test]
    fn numbers_follow_arrival_within_each_consultation_and_repeats_get_the_first_receipt() {
        let batch = batch();
        let given = HashMap::from([((1, "old"), "UW/1/00001".to_owned())]);
        let new = new_items(&batch, &given);
        let firsts = HashMap::from([(1, Numbers { remarks: 5, persons: 2 }), (2, Numbers { remarks: 1, persons: 1 })]);
        let numbered = number(&batch, &new.order, firsts).unwrap();
        let numbers: Vec<_> = numbered.iter().map(|n| (n.item, n.first_remark, n.person, n.receipt.as_str())).collect();
        assert_eq!(
            numbers,
            vec![(0, 5, Some(2), "UW/1/00005"), (1, 7, None, "UW/1/00007"), (3, 1, Some(1), "UW/2/00001")]
        );

        let ids = HashMap::from([
            ("UW/1/00005".to_owned(), 10),
            ("UW/1/00007".to_owned(), 11),
            ("UW/2/00001".to_owned(), 12),
        ]);
        let remarks: Vec<_> = remark_rows(&batch, &numbered, &ids)
            .unwrap()
            .iter()
            .map(|r| (r.consultation_id, r.submission_id, r.number, r.proposed_change))
            .collect();
        assert_eq!(remarks, vec![(1, 10, 5, "A"), (1, 10, 6, "B"), (1, 11, 7, "C"), (2, 12, 1, "D")]);

        assert_eq!(
            outcomes(&batch, numbered, &given, &new.first_of).unwrap(),
            vec![
                Stored::Created("UW/1/00005".into()),
                Stored::Created("UW/1/00007".into()),
                Stored::Duplicate("UW/1/00005".into()),
                Stored::Created("UW/2/00001".into()),
                Stored::Duplicate("UW/1/00001".into()),
            ]
        );
    }

    #[test]
    fn a_consultation_without_reserved_numbers_is_an_error_not_a_guess() {
        let batch = batch();
        let firsts = HashMap::from([(1, Numbers { remarks: 1, persons: 1 })]);
        assert!(matches!(number(&batch, &[0, 3], firsts), Err(DbError::Conflict(_))));
    }
}
