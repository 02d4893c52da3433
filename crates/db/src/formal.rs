//! The formal check of submissions: its current state, kept on `submissions` for the lists
//! and the report, and every change of it in `formal_checks`, written together.

use crate::audit::{AuditEntry, audit_in_tx};
use crate::{BeginWrite, Db, DbResult, now};
use agora_domain::remark::FormalStatus;
use chrono::{DateTime, Utc};

/// A submission as its formal check page shows it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CheckedSubmission {
    pub id: i64,
    /// Receipt number.
    pub receipt: String,
    /// When it was received, which a deadline may not precede.
    pub received_at: DateTime<Utc>,
    /// The current check.
    pub formal_status: FormalStatus,
    /// What is missing, for a defective one.
    pub defect_reason: Option<String>,
    /// Until when a defect may be corrected.
    pub correct_by: Option<DateTime<Utc>>,
}

/// Submission `submission` of `consultation`, if it is one of its.
pub async fn submission(db: &Db, consultation: i64, submission: i64) -> DbResult<Option<CheckedSubmission>> {
    on!(db, p => Ok(sqlx::query_as(
        "SELECT id, receipt, received_at, formal_status, defect_reason, correct_by FROM submissions \
         WHERE id = $1 AND consultation_id = $2",
    ).bind(submission).bind(consultation).fetch_optional(p).await?))
}

/// One stored formal check of a submission.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct FormalCheckEntry {
    /// When it was made.
    pub at: DateTime<Utc>,
    /// Who made it, as they were named then.
    pub actor_label: String,
    pub status: FormalStatus,
    /// What was missing.
    pub reason: Option<String>,
    /// The deadline set.
    pub correct_by: Option<DateTime<Utc>>,
}

/// A submission's formal checks, newest first.
pub async fn history(db: &Db, submission: i64) -> DbResult<Vec<FormalCheckEntry>> {
    on!(db, p => Ok(sqlx::query_as(
        "SELECT at, actor_label, status, reason, correct_by FROM formal_checks WHERE submission_id = $1 ORDER BY at DESC, id DESC",
    ).bind(submission).fetch_all(p).await?))
}

/// A formal check to store.
#[derive(Debug, Clone)]
pub struct NewCheck<'a> {
    pub status: FormalStatus,
    /// What is missing, for a defective submission.
    pub reason: Option<&'a str>,
    /// Until when it may be corrected, for a defective submission.
    pub correct_by: Option<DateTime<Utc>>,
    /// The staff member's account.
    pub actor_id: i64,
    /// Their name as the history shows it.
    pub actor_label: &'a str,
}

/// What storing a formal check did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckOutcome {
    /// The check changed and its history and the audit log have it.
    Changed,
    /// It was the check already in force: nothing was written.
    Unchanged,
    /// No such submission in that consultation.
    NotFound,
}

/// Sets the formal check of `submission` (within `consultation`), keeping the change in its
/// history and the audit log in the same transaction. The check compared is the whole of it
/// (status, reason and deadline), so a repeated form stores nothing.
pub async fn set(
    db: &Db,
    consultation: i64,
    submission: i64,
    check: &NewCheck<'_>,
    entry: &AuditEntry,
) -> DbResult<CheckOutcome> {
    let at = now();
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        // Read inside the write transaction: two staff saving at once are compared in turn.
        let current: Option<(FormalStatus, Option<String>, Option<DateTime<Utc>>)> = sqlx::query_as(
            "SELECT formal_status, defect_reason, correct_by FROM submissions WHERE id = $1 AND consultation_id = $2",
        ).bind(submission).bind(consultation).fetch_optional(&mut *tx).await?;
        let Some((status, reason, correct_by)) = current else {
            return Ok(CheckOutcome::NotFound);
        };
        if status == check.status && reason.as_deref() == check.reason && correct_by == check.correct_by {
            return Ok(CheckOutcome::Unchanged);
        }
        sqlx::query("UPDATE submissions SET formal_status = $1, defect_reason = $2, correct_by = $3 WHERE id = $4")
            .bind(check.status).bind(check.reason).bind(check.correct_by).bind(submission)
            .execute(&mut *tx).await?;
        sqlx::query(
            "INSERT INTO formal_checks (submission_id, at, actor_id, actor_label, status, reason, correct_by) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(submission).bind(at).bind(check.actor_id).bind(check.actor_label).bind(check.status)
        .bind(check.reason).bind(check.correct_by)
        .execute(&mut *tx).await?;
        audit_in_tx!(tx, entry, Some(consultation));
        tx.commit().await?;
        Ok(CheckOutcome::Changed)
    })
}
