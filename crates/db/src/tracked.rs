//! Tracked requests (what the city owes an answer to by a date), their steps, and the opinions
//! of dialogue bodies that are the first kind of them. The ledger is one indexed query and
//! one count, whatever the page.

use crate::audit::{AuditEntry, audit_in_tx};
use crate::remarks::{NewSubmission, SubmissionBatchItem, submit_in_tx};
use crate::{BeginWrite, Db, DbResult, Page, now};
use agora_domain::remark::{Channel, FormalStatus, Identity, RemarkInput, SubmitterKind};
use agora_domain::tracked::{OpinionInput, Step, TrackedKind, TrackedState};
use chrono::{DateTime, NaiveDate, Utc};

/// Which requests a ledger shows.
#[derive(Debug, Clone, Default)]
pub struct LedgerFilter {
    /// Only those the public may see (staff lists show all of their departments').
    pub public_only: bool,
    pub body: Option<i64>,
    pub unit: Option<i64>,
    /// Only these departments' (a department's staff); `None` for all.
    pub units: Option<Vec<i64>>,
    /// `Some(true)`: only those awaiting the city; `Some(false)`: only those it has answered.
    pub awaiting: Option<bool>,
}

/// One request as the ledger lists it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct LedgerRow {
    pub id: i64,
    pub kind: TrackedKind,
    pub title: String,
    pub body_id: Option<i64>,
    pub body_name: Option<String>,
    pub body_name_en: Option<String>,
    pub unit_id: i64,
    pub unit_code: String,
    pub unit_name: String,
    pub unit_name_en: Option<String>,
    pub opened_on: NaiveDate,
    pub due_on: NaiveDate,
    pub state: TrackedState,
    pub answered_on: Option<NaiveDate>,
}

const AWAITING: &str = "t.state IN ('sent', 'acknowledged')";

fn ledger_where(f: &LedgerFilter) -> String {
    let ids = |list: &[i64]| list.iter().map(i64::to_string).collect::<Vec<_>>().join(", ");
    let mut wh = vec!["1 = 1".to_owned()];
    if f.public_only {
        wh.push("t.public = TRUE".into());
    }
    if let Some(b) = f.body {
        wh.push(format!("t.body_id = {b}"));
    }
    if let Some(u) = f.unit {
        wh.push(format!("t.unit_id = {u}"));
    }
    match &f.units {
        Some(list) if list.is_empty() => wh.push("1 = 0".into()),
        Some(list) => wh.push(format!("t.unit_id IN ({})", ids(list))),
        None => {}
    }
    match f.awaiting {
        Some(true) => wh.push(AWAITING.into()),
        Some(false) => wh.push(format!("NOT ({AWAITING})")),
        None => {}
    }
    wh.join(" AND ")
}

/// A page of the ledger: what awaits the city first, the longest overdue at the top, then what
/// it has answered, the latest first.
pub async fn ledger(db: &Db, f: &LedgerFilter, limit: i64, offset: i64) -> DbResult<Page<LedgerRow>> {
    let wh = ledger_where(f);
    let list = format!(
        "SELECT t.id, t.kind, t.title, t.body_id, b.name_pl AS body_name, b.name_en AS body_name_en, t.unit_id, \
         u.code AS unit_code, u.name_pl AS unit_name, u.name_en AS unit_name_en, t.opened_on, t.due_on, t.state, t.answered_on \
         FROM tracked_requests t JOIN units u ON u.id = t.unit_id LEFT JOIN dialogue_bodies b ON b.id = t.body_id \
         WHERE {wh} ORDER BY CASE WHEN {AWAITING} THEN 0 ELSE 1 END, \
         CASE WHEN {AWAITING} THEN t.due_on END ASC, t.answered_on DESC, t.id DESC LIMIT $1 OFFSET $2"
    );
    let count = format!("SELECT COUNT(*) FROM tracked_requests t WHERE {wh}");
    on!(db, p => {
        let items = sqlx::query_as(sqlx::AssertSqlSafe(list)).bind(limit).bind(offset).fetch_all(p).await?;
        let total: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(count)).fetch_one(p).await?;
        Ok(Page { items, total })
    })
}

/// How many of the requests `f` selects (whatever its `awaiting`) await the city, and how many
/// of those are past their due date on `today`: the ledger's headline.
pub async fn ledger_counts(db: &Db, f: &LedgerFilter, today: NaiveDate) -> DbResult<(i64, i64)> {
    let wh = ledger_where(&LedgerFilter { awaiting: Some(true), ..f.clone() });
    let sql = format!(
        "SELECT COUNT(*), COALESCE(SUM(CASE WHEN t.due_on < $1 THEN 1 ELSE 0 END), 0) FROM tracked_requests t WHERE {wh}"
    );
    on!(db, p => Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(today).fetch_one(p).await?))
}

/// One request with its opinion, if it is one.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct TrackedRow {
    pub id: i64,
    pub kind: TrackedKind,
    pub title: String,
    pub body_id: Option<i64>,
    pub body_name: Option<String>,
    pub body_name_en: Option<String>,
    pub unit_id: i64,
    pub unit_name: String,
    pub unit_name_en: Option<String>,
    pub opened_on: NaiveDate,
    pub due_on: NaiveDate,
    pub state: TrackedState,
    pub answered_on: Option<NaiveDate>,
    pub public: bool,
    pub text: Option<String>,
    pub adopted_on: Option<NaiveDate>,
    pub votes_for: Option<i32>,
    pub votes_against: Option<i32>,
    pub votes_abstaining: Option<i32>,
    /// The consultation the opinion was given on, and the remark it became there.
    pub consultation_slug: Option<String>,
    pub consultation_title: Option<String>,
    pub consultation_status: Option<agora_domain::consultation::Status>,
    pub consultation_unit: Option<i64>,
    pub remark_receipt: Option<String>,
    /// The body's address and the meeting the opinion was adopted at, for the link to it.
    pub body_slug: Option<String>,
    pub meeting_id: Option<i64>,
    pub meeting_title: Option<String>,
}

/// Request `id`.
pub async fn get(db: &Db, id: i64) -> DbResult<Option<TrackedRow>> {
    on!(db, p => Ok(sqlx::query_as(
        "SELECT t.id, t.kind, t.title, t.body_id, b.name_pl AS body_name, b.name_en AS body_name_en, t.unit_id, \
         u.name_pl AS unit_name, u.name_en AS unit_name_en, t.opened_on, t.due_on, t.state, t.answered_on, t.public, o.text, o.adopted_on, o.votes_for, o.votes_against, \
         o.votes_abstaining, c.slug AS consultation_slug, c.title AS consultation_title, c.status AS consultation_status, \
         c.unit_id AS consultation_unit, o.remark_receipt, b.slug AS body_slug, o.meeting_id, mt.title AS meeting_title \
         FROM tracked_requests t JOIN units u ON u.id = t.unit_id \
         LEFT JOIN dialogue_bodies b ON b.id = t.body_id LEFT JOIN opinions o ON o.tracked_id = t.id \
         LEFT JOIN consultations c ON c.id = o.consultation_id LEFT JOIN meetings mt ON mt.id = o.meeting_id WHERE t.id = $1",
    ).bind(id).fetch_optional(p).await?))
}

/// One step of a request, as its history shows it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct StepRow {
    pub at: DateTime<Utc>,
    pub state: TrackedState,
    pub note: Option<String>,
    pub actor_label: String,
}

/// A request's steps, in order.
pub async fn steps(db: &Db, id: i64) -> DbResult<Vec<StepRow>> {
    on!(db, p => Ok(sqlx::query_as(
        "SELECT at, state, note, actor_label FROM tracked_steps WHERE tracked_id = $1 ORDER BY at, id",
    ).bind(id).fetch_all(p).await?))
}

/// Who did something, as the history names them.
#[derive(Debug, Clone, Copy)]
pub struct Actor<'a> {
    pub id: Option<i64>,
    pub label: &'a str,
}

/// An opinion given on a consultation, which is also stored as a remark of it (channel:
/// dialogue body) so that it gets its answer in the report like any other remark.
pub struct OnConsultation {
    pub consultation_id: i64,
    /// The body as the report names it (an organisation, so named in public).
    pub body_name: String,
    /// Who keyed it in: the body's secretary (none for demo data).
    pub entered_by: Option<(i64, String)>,
    /// The remark's justification, given the tracked request's id, so that it links back.
    pub justification: Box<dyn Fn(i64) -> String + Send + Sync>,
    /// Received after the consultation closed: stored as late, as any other remark would be.
    pub late: bool,
    /// The secretary's language, for mail about the submission.
    pub lang: String,
}

impl std::fmt::Debug for OnConsultation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OnConsultation").field("consultation_id", &self.consultation_id).finish_non_exhaustive()
    }
}

fn opinion_remark(
    o: &OpinionInput,
    on: &OnConsultation,
    tracked_id: i64,
    at: DateTime<Utc>,
    entry: &AuditEntry,
) -> SubmissionBatchItem {
    SubmissionBatchItem {
        submission: NewSubmission {
            consultation_id: on.consultation_id,
            form_key: format!("opinion-{tracked_id}"),
            channel: Channel::DialogueBody,
            received_at: at,
            entered_by: on.entered_by.clone(),
            user_id: None,
            identity: Identity {
                kind: SubmitterKind::Organisation,
                name: None,
                organisation: Some(on.body_name.clone()),
                district_id: None,
                address: None,
                email: None,
            },
            formal_status: if on.late { FormalStatus::Late } else { FormalStatus::Valid },
            defect_reason: None,
            correct_by: None,
            attachment: None,
            held: false,
            lang: on.lang.clone(),
        },
        remarks: vec![RemarkInput {
            section_id: None,
            section_text: Some(o.title.clone()),
            proposed_change: o.text.clone(),
            justification: (on.justification)(tracked_id),
        }],
        entry: AuditEntry { action: "remark.submit", entity: "submission", ..entry.clone() },
        follow_up: None,
    }
}

/// Stores an opinion or recommendation of body `body`, sent at once, due on `due_on`, with its
/// first step and an audit entry, all in one transaction; given `on` a consultation, also as a
/// remark of it, in the same transaction, so that neither exists without the other.
pub async fn create_opinion(
    db: &Db,
    body: i64,
    o: &OpinionInput,
    due_on: NaiveDate,
    on: Option<&OnConsultation>,
    actor: Actor<'_>,
    entry: &AuditEntry,
) -> DbResult<i64> {
    let at = now();
    let marks = db.marks();
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO tracked_requests (kind, title, body_id, unit_id, opened_on, due_on, state, public, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, TRUE, $8, $8) RETURNING id",
        )
        .bind(o.kind).bind(&o.title).bind(body).bind(o.unit_id).bind(o.adopted_on).bind(due_on)
        .bind(TrackedState::Sent).bind(at)
        .fetch_one(&mut *tx).await?;
        let receipt = match on {
            Some(on) => {
                let item = opinion_remark(o, on, id, at, entry);
                let stored = submit_in_tx!(tx, marks, std::slice::from_ref(&item), at);
                stored.first().map(|s| s.receipt().to_owned())
            }
            None => None,
        };
        sqlx::query(
            "INSERT INTO opinions (tracked_id, body_id, text, adopted_on, votes_for, votes_against, votes_abstaining, \
             consultation_id, remark_receipt, meeting_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(id).bind(body).bind(&o.text).bind(o.adopted_on).bind(o.votes_for).bind(o.votes_against)
        .bind(o.votes_abstaining).bind(on.map(|c| c.consultation_id)).bind(receipt).bind(o.meeting_id)
        .execute(&mut *tx).await?;
        sqlx::query("INSERT INTO tracked_steps (tracked_id, at, state, note, actor_id, actor_label) VALUES ($1, $2, $3, NULL, $4, $5)")
            .bind(id).bind(at).bind(TrackedState::Sent).bind(actor.id).bind(actor.label)
            .execute(&mut *tx).await?;
        audit_in_tx!(tx, entry, Some(id));
        tx.commit().await?;
        Ok(id)
    })
}

/// Moves request `id` from `from` by `step`, keeping the step and an audit entry. `false` when
/// it no longer stands at `from` (someone else moved it first): nothing is written.
pub async fn take_step(
    db: &Db,
    id: i64,
    from: TrackedState,
    step: &Step,
    today: NaiveDate,
    actor: Actor<'_>,
    entry: &AuditEntry,
) -> DbResult<bool> {
    let at = now();
    let answered_on = step.to.is_answer().then_some(today);
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let moved = sqlx::query(
            "UPDATE tracked_requests SET state = $1, answered_on = COALESCE($2, answered_on), updated_at = $3 \
             WHERE id = $4 AND state = $5",
        )
        .bind(step.to).bind(answered_on).bind(at).bind(id).bind(from)
        .execute(&mut *tx).await?.rows_affected();
        if moved == 0 {
            return Ok(false);
        }
        sqlx::query("INSERT INTO tracked_steps (tracked_id, at, state, note, actor_id, actor_label) VALUES ($1, $2, $3, $4, $5, $6)")
            .bind(id).bind(at).bind(step.to).bind(step.note.as_deref()).bind(actor.id).bind(actor.label)
            .execute(&mut *tx).await?;
        audit_in_tx!(tx, entry, Some(id));
        tx.commit().await?;
        Ok(true)
    })
}

/// A member's signature under an opinion.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Signature {
    pub user_id: i64,
    pub signer_name: String,
    pub organisation: Option<String>,
    pub signed_at: DateTime<Utc>,
}

/// The signatures under opinion `id`, in the order given.
pub async fn signatures(db: &Db, id: i64) -> DbResult<Vec<Signature>> {
    on!(db, p => Ok(sqlx::query_as(
        "SELECT user_id, signer_name, organisation, signed_at FROM opinion_signatures WHERE tracked_id = $1 \
         ORDER BY signed_at, user_id",
    ).bind(id).fetch_all(p).await?))
}

/// Adds `user`'s signature under opinion `id` with its audit entry; `false` when they had
/// signed it already (a second click), in which case nothing is written.
pub async fn cosign(
    db: &Db,
    id: i64,
    user: i64,
    name: &str,
    organisation: Option<&str>,
    entry: &AuditEntry,
) -> DbResult<bool> {
    let at = now();
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let added = sqlx::query(
            "INSERT INTO opinion_signatures (tracked_id, user_id, signer_name, organisation, signed_at) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (tracked_id, user_id) DO NOTHING",
        )
        .bind(id).bind(user).bind(name).bind(organisation).bind(at)
        .execute(&mut *tx).await?.rows_affected() == 1;
        if added {
            audit_in_tx!(tx, entry, Some(id));
        }
        tx.commit().await?;
        Ok(added)
    })
}

/// How many requests await each department and how many of them are past `today`, for the
/// weekly reminder: (unit id, awaiting, overdue).
pub async fn awaiting_by_unit(db: &Db, today: NaiveDate) -> DbResult<Vec<(i64, i64, i64)>> {
    on!(db, p => Ok(sqlx::query_as(
        "SELECT t.unit_id, COUNT(*), COALESCE(SUM(CASE WHEN t.due_on < $1 THEN 1 ELSE 0 END), 0) \
         FROM tracked_requests t WHERE t.state IN ('sent', 'acknowledged') GROUP BY t.unit_id ORDER BY t.unit_id",
    ).bind(today).fetch_all(p).await?))
}

/// The public opinions and recommendations adopted at meeting `meeting`: (id, title).
pub async fn of_meeting(db: &Db, meeting: i64) -> DbResult<Vec<(i64, String)>> {
    on!(db, p => Ok(sqlx::query_as(
        "SELECT t.id, t.title FROM opinions o JOIN tracked_requests t ON t.id = o.tracked_id \
         WHERE o.meeting_id = $1 AND t.public = TRUE ORDER BY t.id",
    ).bind(meeting).fetch_all(p).await?))
}
