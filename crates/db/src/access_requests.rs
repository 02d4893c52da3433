//! Requests for an accessible alternative of a page or document, and how staff handled them.

use crate::advice::{Job, queue_in_tx};
use crate::audit::{AuditEntry, audit_in_tx};
use crate::jobs::MAX_ATTEMPTS;
use crate::{BeginWrite, Db, DbResult, Page, hash_token, now};
use agora_domain::access_request::Format;
use chrono::{DateTime, Utc};

/// A request as it arrives from the form.
#[derive(Debug, Clone)]
pub struct NewAccessRequest {
    /// The hash of the random token in the receipt page's address, so that only the
    /// sender finds the page and a database leak does not reveal the addresses.
    pub token_hash: String,
    /// The page's address or the document's title.
    pub subject: String,
    /// Format name (`agora_domain::access_request::Format`).
    pub format: Format,
    /// What exactly is needed.
    pub details: Option<String>,
    /// E-mail address or phone number.
    pub contact: String,
    /// The sender's name, if given.
    pub name: Option<String>,
    /// The interface language the request was made in, for the answer.
    pub lang: String,
    /// The signed-in account that sent it.
    pub user_id: Option<i64>,
    /// The consultation the subject points at, if any.
    pub consultation_id: Option<i64>,
    /// That consultation's unit, whose organisers see the request.
    pub unit_id: Option<i64>,
    /// When it arrived.
    pub received_at: DateTime<Utc>,
    /// When it must be met or answered.
    pub due_at: DateTime<Utc>,
}

/// A stored request.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AccessRequest {
    /// Id; also its number.
    pub id: i64,
    /// The page's address or the document's title.
    pub subject: String,
    /// Format name.
    pub format: Format,
    /// What exactly is needed.
    pub details: Option<String>,
    /// E-mail address or phone number.
    pub contact: String,
    /// The sender's name.
    pub name: Option<String>,
    /// Language of the request.
    pub lang: String,
    /// The consultation it concerns.
    pub consultation_id: Option<i64>,
    /// That consultation's title, when it still exists.
    pub consultation_title: Option<String>,
    /// The unit responsible.
    pub unit_id: Option<i64>,
    /// When it arrived.
    pub received_at: DateTime<Utc>,
    /// The statutory deadline.
    pub due_at: DateTime<Utc>,
    /// When staff marked it handled.
    pub handled_at: Option<DateTime<Utc>>,
    /// Who did, as shown at the time.
    pub handled_by: Option<String>,
    /// What was done.
    pub note: Option<String>,
}

const COLUMNS: &str = "r.id, r.subject, r.format, r.details, r.contact, r.name, r.lang, r.consultation_id, \
    c.title AS consultation_title, r.unit_id, r.received_at, r.due_at, r.handled_at, r.handled_by, r.note \
    FROM access_requests r LEFT JOIN consultations c ON c.id = r.consultation_id";

/// Stores a request; returns its id.
pub async fn create(db: &Db, r: &NewAccessRequest) -> DbResult<i64> {
    on!(db, p => Ok(sqlx::query_scalar(
        "INSERT INTO access_requests (token_hash, subject, format, details, contact, name, lang, user_id, consultation_id, unit_id, received_at, due_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
    )
    .bind(&r.token_hash).bind(&r.subject).bind(r.format).bind(&r.details).bind(&r.contact).bind(&r.name).bind(&r.lang)
    .bind(r.user_id).bind(r.consultation_id).bind(r.unit_id).bind(r.received_at).bind(r.due_at)
    .fetch_one(p).await?))
}

/// The request behind a receipt page's token.
pub async fn by_token(db: &Db, token: &str) -> DbResult<Option<AccessRequest>> {
    let sql = format!("SELECT {COLUMNS} WHERE r.token_hash = $1");
    on!(db, p => Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(hash_token(token)).fetch_optional(p).await?))
}

/// One request.
pub async fn by_id(db: &Db, id: i64) -> DbResult<Option<AccessRequest>> {
    let sql = format!("SELECT {COLUMNS} WHERE r.id = $1");
    on!(db, p => Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(p).await?))
}

/// Which requests a list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Handled {
    /// Still waiting.
    Open,
    /// Marked handled.
    Done,
    All,
}

/// Who is looking: administrators see every request, organisers those of their units.
#[derive(Debug, Clone)]
pub enum Visible {
    /// Every request.
    All,
    /// Requests about these units' consultations.
    Units(Vec<i64>),
}

/// A page of requests, open ones first by deadline, then handled ones, newest first.
pub async fn list(
    db: &Db,
    visible: &Visible,
    handled: Handled,
    limit: i64,
    offset: i64,
) -> DbResult<Page<AccessRequest>> {
    let mut conditions = Vec::new();
    match handled {
        Handled::Open => conditions.push("r.handled_at IS NULL".to_owned()),
        Handled::Done => conditions.push("r.handled_at IS NOT NULL".to_owned()),
        Handled::All => {}
    }
    if let Visible::Units(units) = visible {
        if units.is_empty() {
            return Ok(Page { items: Vec::new(), total: 0 });
        }
        // Ids are integers, so they can go into the text without binding.
        let ids = units.iter().map(i64::to_string).collect::<Vec<_>>().join(", ");
        conditions.push(format!("r.unit_id IN ({ids})"));
    }
    let filter = if conditions.is_empty() { String::new() } else { format!(" WHERE {}", conditions.join(" AND ")) };
    let sql = format!(
        "SELECT {COLUMNS}{filter} ORDER BY CASE WHEN r.handled_at IS NULL THEN 0 ELSE 1 END, \
         CASE WHEN r.handled_at IS NULL THEN r.due_at END ASC, r.handled_at DESC, r.id DESC LIMIT $1 OFFSET $2"
    );
    let count = format!("SELECT COUNT(*) FROM access_requests r{filter}");
    on!(db, p => {
        let items = sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(limit).bind(offset).fetch_all(p).await?;
        let total: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(count)).fetch_one(p).await?;
        Ok(Page { items, total })
    })
}

/// How many requests are open, and how many of those are past their deadline at `at`.
pub async fn open_counts(db: &Db, visible: &Visible, at: DateTime<Utc>) -> DbResult<(i64, i64)> {
    let scope = match visible {
        Visible::All => String::new(),
        Visible::Units(units) if units.is_empty() => return Ok((0, 0)),
        Visible::Units(units) => {
            format!(" AND unit_id IN ({})", units.iter().map(i64::to_string).collect::<Vec<_>>().join(", "))
        }
    };
    let sql = format!(
        "SELECT COUNT(*), COALESCE(SUM(CASE WHEN due_at < $1 THEN 1 ELSE 0 END), 0) FROM access_requests WHERE handled_at IS NULL{scope}"
    );
    on!(db, p => {
        let (open, overdue): (i64, i64) = sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(at).fetch_one(p).await?;
        Ok((open, overdue))
    })
}

/// Marks a request handled with a note (or changes the note of a handled one), queueing
/// `first_mail` in the same transaction when this is the first time it is handled, so the
/// person who asked hears of it once even when two of the staff handle it at once;
/// `false` when there is no such request.
pub async fn mark_handled(
    db: &Db,
    id: i64,
    by: &str,
    note: &str,
    entry: &AuditEntry,
    first_mail: Option<&Job>,
) -> DbResult<bool> {
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let at = now();
        let first = sqlx::query("UPDATE access_requests SET handled_at = $1 WHERE id = $2 AND handled_at IS NULL")
            .bind(at).bind(id).execute(&mut *tx).await?.rows_affected() == 1;
        let n = sqlx::query("UPDATE access_requests SET handled_by = $1, note = $2 WHERE id = $3")
            .bind(by).bind(note).bind(id).execute(&mut *tx).await?.rows_affected();
        if n == 1 {
            audit_in_tx!(tx, entry, Some(id));
        }
        if first && let Some(job) = first_mail {
            queue_in_tx!(tx, job, at);
        }
        tx.commit().await?;
        Ok(n == 1)
    })
}
