//! A job queue in the database: shared by all instances, retried with back-off.

use crate::rows::{InsertRows, Instant, table_row};
use crate::{BeginWrite, Db, DbResult, now};

table_row! {
    /// A job queued with other rows in one statement (a submission's mailed copy, a week's
    /// reminders), due at once.
    struct JobInsert<'a> in "jobs" {
        kind: &'a str as "text",
        payload: String as "text",
        run_at: Instant as "timestamptz",
        max_attempts: i32 as "integer",
        created_at: Instant as "timestamptz",
    }
}

table_row! {
    /// A job of a bulk mailing (a digest, a notice's messages, a newsletter), queued at the
    /// priority of its class of mail and run by the bulk worker.
    struct BulkJobInsert<'a> in "jobs" {
        kind: &'a str as "text",
        payload: String as "text",
        run_at: Instant as "timestamptz",
        max_attempts: i32 as "integer",
        created_at: Instant as "timestamptz",
        priority: i32 as "integer",
    }
}

/// Which jobs a worker claims.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Queue {
    /// Transactional mail and system work (priority 0): never waits behind bulk mail.
    Main,
    /// Subscription mail and newsletters, lowest priority number first.
    Bulk,
}
use chrono::{DateTime, Duration, Utc};

/// A claimed job.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Job {
    pub id: i64,
    /// What to do, e.g. `mail`.
    pub kind: String,
    /// JSON payload.
    pub payload: String,
    /// Attempts so far, counting this one.
    pub attempts: i32,
    /// Attempts allowed before the job is given up.
    pub max_attempts: i32,
}

/// Attempts a job gets before it is given up.
pub const MAX_ATTEMPTS: i32 = 5;

/// Queues a job to run at `run_at` (now when `None`).
pub async fn enqueue(db: &Db, kind: &str, payload: &str, run_at: Option<DateTime<Utc>>) -> DbResult<i64> {
    let at = now();
    on!(db, p => Ok(sqlx::query_scalar(
        "INSERT INTO jobs (kind, payload, run_at, max_attempts, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(kind).bind(payload).bind(run_at.unwrap_or(at)).bind(MAX_ATTEMPTS).bind(at)
    .fetch_one(p).await?))
}

/// Queues `payloads` as jobs of `kind` unless work under `key` was done before; returns
/// whether it queued them. The key and the jobs are written in one transaction.
pub async fn enqueue_once(db: &Db, key: &str, kind: &str, payloads: &[String]) -> DbResult<bool> {
    let at = now();
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let fresh = sqlx::query("INSERT INTO done_once (key, done_at) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING")
            .bind(key).bind(at).execute(&mut *tx).await?.rows_affected() == 1;
        if fresh {
            let rows: Vec<JobInsert<'_>> = payloads
                .iter()
                .map(|payload| JobInsert {
                    kind,
                    payload: payload.clone(),
                    run_at: Instant(at),
                    max_attempts: MAX_ATTEMPTS,
                    created_at: Instant(at),
                })
                .collect();
            InsertRows::insert_rows::<_, ()>(&mut tx, "", &rows).await?;
        }
        tx.commit().await?;
        Ok(fresh)
    })
}

/// Claims up to `limit` due jobs for `lease`; another instance cannot claim them until the
/// lease runs out, so a crashed worker's jobs are retried. One commit claims many jobs.
pub async fn claim(db: &Db, queue: Queue, lease: Duration, limit: i64) -> DbResult<Vec<Job>> {
    let at = now();
    let class = match queue {
        Queue::Main => "priority = 0",
        Queue::Bulk => "priority > 0",
    };
    let until = at + lease;
    // PostgreSQL skips rows another instance is claiming at this moment; SQLite has a
    // single writer, so the sub-select and update are atomic there already.
    let mut jobs: Vec<Job> = match db {
        Db::Sqlite(p) => {
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "UPDATE jobs SET locked_until = $1, attempts = attempts + 1 WHERE id IN (\
               SELECT id FROM jobs WHERE {class} AND run_at <= $2 AND (locked_until IS NULL OR locked_until < $2) \
               AND attempts < max_attempts ORDER BY priority, run_at, id LIMIT $3) \
             RETURNING id, kind, payload, attempts, max_attempts",
            )))
            .bind(until)
            .bind(at)
            .bind(limit)
            .fetch_all(p)
            .await?
        }
        Db::Postgres(p) => {
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "UPDATE jobs SET locked_until = $1, attempts = attempts + 1 WHERE id IN (\
               SELECT id FROM jobs WHERE {class} AND run_at <= $2 AND (locked_until IS NULL OR locked_until < $2) \
               AND attempts < max_attempts ORDER BY priority, run_at, id LIMIT $3 FOR UPDATE SKIP LOCKED) \
             RETURNING id, kind, payload, attempts, max_attempts",
            )))
            .bind(until)
            .bind(at)
            .bind(limit)
            .fetch_all(p)
            .await?
        }
    };
    jobs.sort_by_key(|j| j.id);
    Ok(jobs)
}

/// Removes jobs that ran successfully, in one statement.
pub async fn complete(db: &Db, ids: &[i64]) -> DbResult<()> {
    if ids.is_empty() {
        return Ok(());
    }
    let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
    let sql = format!("DELETE FROM jobs WHERE id IN ({list})");
    exec!(db, p => sqlx::query(sqlx::AssertSqlSafe(sql.clone())).execute(p).await?);
    Ok(())
}

/// Records a failure; the job runs again after a back-off that doubles each time,
/// until its attempts are used up, when it stays in the table for an operator to see.
pub async fn fail(db: &Db, job: &Job, error: &str) -> DbResult<()> {
    let backoff = Duration::seconds(30 * (1i64 << job.attempts.clamp(0, 10)));
    exec!(db, p => sqlx::query("UPDATE jobs SET locked_until = NULL, run_at = $1, last_error = $2 WHERE id = $3")
        .bind(now() + backoff).bind(error).bind(job.id).execute(p).await?);
    Ok(())
}

/// Jobs waiting or failing, for the operator (count of pending, count given up).
pub async fn counts(db: &Db) -> DbResult<(i64, i64)> {
    on!(db, p => Ok(sqlx::query_as(
        "SELECT COALESCE(SUM(CASE WHEN attempts < max_attempts THEN 1 ELSE 0 END), 0), \
                COALESCE(SUM(CASE WHEN attempts >= max_attempts THEN 1 ELSE 0 END), 0) FROM jobs",
    ).fetch_one(p).await?))
}
