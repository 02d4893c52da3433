//! Quick polls and their votes, with counts kept up to date at each vote.

use agora_domain::poll::PollInput;
use agora_domain::poll::{Placement, PollStatus, VoteMode};
use agora_domain::survey::{Choice, Text};
use chrono::{DateTime, Utc};

use crate::audit::{AuditEntry, audit_in_tx};
use crate::{BeginWrite, Db, DbResult, now};

/// A stored poll.
#[derive(Debug, Clone)]
pub struct Poll {
    pub id: i64,
    pub question: Text,
    pub options: Vec<Choice>,
    /// Placement name.
    pub placement: Placement,
    pub consultation_id: Option<i64>,
    pub district_id: Option<i64>,
    /// Vote mode name.
    pub vote_mode: VoteMode,
    /// open or closed.
    pub status: PollStatus,
    pub created_at: DateTime<Utc>,
}

#[derive(sqlx::FromRow)]
struct PollRow {
    id: i64,
    question_pl: String,
    question_en: String,
    options: String,
    placement: Placement,
    consultation_id: Option<i64>,
    district_id: Option<i64>,
    vote_mode: VoteMode,
    status: PollStatus,
    created_at: DateTime<Utc>,
}

impl From<PollRow> for Poll {
    fn from(r: PollRow) -> Self {
        Poll {
            id: r.id,
            question: Text { pl: r.question_pl, en: r.question_en },
            options: serde_json::from_str(&r.options).unwrap_or_default(),
            placement: r.placement,
            consultation_id: r.consultation_id,
            district_id: r.district_id,
            vote_mode: r.vote_mode,
            status: r.status,
            created_at: r.created_at,
        }
    }
}

const COLUMNS: &str =
    "id, question_pl, question_en, options, placement, consultation_id, district_id, vote_mode, status, created_at";

/// Creates an open poll.
pub async fn create(db: &Db, p_: &PollInput, created_by: Option<i64>, entry: &AuditEntry) -> DbResult<i64> {
    let options = serde_json::to_string(&p_.options).unwrap_or_else(|_| "[]".into());
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO polls (question_pl, question_en, options, placement, consultation_id, district_id, vote_mode, status, created_by_id, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, 'open', $8, $9) RETURNING id",
        )
        .bind(&p_.question.pl).bind(&p_.question.en).bind(&options).bind(p_.placement.as_str()).bind(p_.consultation_id).bind(p_.district_id)
        .bind(p_.vote_mode.as_str()).bind(created_by).bind(now())
        .fetch_one(&mut *tx).await?;
        audit_in_tx!(tx, entry, Some(id));
        tx.commit().await?;
        Ok(id)
    })
}

/// Opens or closes a poll.
pub async fn set_status(db: &Db, id: i64, status: PollStatus, entry: &AuditEntry) -> DbResult<()> {
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        sqlx::query("UPDATE polls SET status = $1 WHERE id = $2").bind(status).bind(id).execute(&mut *tx).await?;
        audit_in_tx!(tx, entry, Some(id));
        tx.commit().await?;
        Ok(())
    })
}

/// Every poll, newest first.
pub async fn list(db: &Db) -> DbResult<Vec<Poll>> {
    let sql = format!("SELECT {COLUMNS} FROM polls ORDER BY id DESC");
    let rows: Vec<PollRow> = on!(db, p => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).fetch_all(p).await?);
    Ok(rows.into_iter().map(Poll::from).collect())
}

/// The poll with `id`.
pub async fn by_id(db: &Db, id: i64) -> DbResult<Option<Poll>> {
    let sql = format!("SELECT {COLUMNS} FROM polls WHERE id = $1");
    let row: Option<PollRow> =
        on!(db, p => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(id).fetch_optional(p).await?);
    Ok(row.map(Poll::from))
}

/// The newest open poll at a placement (for a consultation or district when given).
pub async fn current(db: &Db, placement: &str, target: Option<i64>) -> DbResult<Option<Poll>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM polls WHERE placement = $1 AND status = 'open' \
         AND ($2 = 0 OR consultation_id = $2 OR district_id = $2) ORDER BY id DESC LIMIT 1"
    );
    let row: Option<PollRow> = on!(db, p => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(placement).bind(target.unwrap_or(0)).fetch_optional(p).await?);
    Ok(row.map(Poll::from))
}

/// Votes per option code.
pub async fn results(db: &Db, poll_id: i64) -> DbResult<Vec<(String, i64)>> {
    on!(db, p => Ok(sqlx::query_as("SELECT option_code, n FROM poll_tallies WHERE poll_id = $1").bind(poll_id).fetch_all(p).await?))
}

/// Votes of every poll, by poll id.
pub async fn totals(db: &Db) -> DbResult<std::collections::HashMap<i64, i64>> {
    let rows: Vec<(i64, i64)> = on!(db, p => sqlx::query_as("SELECT poll_id, CAST(SUM(n) AS BIGINT) FROM poll_tallies GROUP BY poll_id").fetch_all(p).await?);
    Ok(rows.into_iter().collect())
}

/// Whether this account or browser key already voted.
pub async fn has_voted(db: &Db, poll_id: i64, user_id: Option<i64>, voter_key: Option<&str>) -> DbResult<bool> {
    let n: i64 = on!(db, p => sqlx::query_scalar(
        "SELECT COUNT(*) FROM poll_votes WHERE poll_id = $1 AND (user_id = $2 OR voter_key = $3)",
    ).bind(poll_id).bind(user_id.unwrap_or(-1)).bind(voter_key.unwrap_or("")).fetch_one(p).await?);
    Ok(n > 0)
}

/// Records a vote; `false` when this person already voted.
pub async fn vote(
    db: &Db,
    poll_id: i64,
    option: &str,
    user_id: Option<i64>,
    voter_key: Option<&str>,
) -> DbResult<bool> {
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let id: Option<i64> = sqlx::query_scalar(
            "INSERT INTO poll_votes (poll_id, option_code, user_id, voter_key, created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING id",
        ).bind(poll_id).bind(option).bind(user_id).bind(voter_key).bind(now()).fetch_optional(&mut *tx).await?;
        if id.is_none() {
            return Ok(false);
        }
        sqlx::query(
            "INSERT INTO poll_tallies (poll_id, option_code, n) VALUES ($1, $2, 1) ON CONFLICT (poll_id, option_code) DO UPDATE SET n = poll_tallies.n + 1",
        ).bind(poll_id).bind(option).execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(true)
    })
}
