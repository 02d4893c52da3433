//! Rate limits counted in the database, so that every instance sees the same counts. Each
//! attempt is counted by one statement that reads and raises its counter together, so that
//! parallel requests cannot all see room under the limit and pass.

use crate::{Db, DbResult, hash_token, now};
use agora_domain::limits::Limit;
use chrono::{DateTime, Duration, Utc};

/// What counting one attempt found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Within the limit: `count` attempts in this window, this one included.
    Allowed { count: i64 },
    /// Over the limit until the window ends, `retry_after` from now.
    Refused { retry_after: Duration },
}

impl Verdict {
    /// Whether the attempt may go ahead.
    pub fn allowed(&self) -> bool {
        matches!(self, Verdict::Allowed { .. })
    }
}

/// The counter's name: a hash, so that the table holds no address or account in the clear.
fn bucket(rule: &Limit, subject: &str) -> String {
    hash_token(&rule.key(subject))
}

/// Counts one attempt under `rule` for `subject` and says whether it is within the limit.
/// A refused attempt is counted too, which changes nothing: the window, begun by the first
/// attempt, ends when it ends however hard a client keeps trying.
pub async fn hit(db: &Db, rule: &Limit, subject: &str) -> DbResult<Verdict> {
    let at = now();
    // On PostgreSQL the conflicting row is locked until the statement ends; on SQLite a
    // writing statement holds the write lock from its start. Either way the next attempt
    // sees this one's count.
    let (hits, started): (i64, DateTime<Utc>) = on!(db, p => sqlx::query_as(
        "INSERT INTO rate_limits (bucket, window_start, hits) VALUES ($1, $2, 1) \
         ON CONFLICT (bucket) DO UPDATE SET \
         hits = CASE WHEN rate_limits.window_start <= $3 THEN 1 ELSE rate_limits.hits + 1 END, \
         window_start = CASE WHEN rate_limits.window_start <= $3 THEN $2 ELSE rate_limits.window_start END \
         RETURNING hits, window_start")
        .bind(bucket(rule, subject)).bind(at).bind(at - rule.window()).fetch_one(p).await?);
    Ok(if hits <= rule.max {
        Verdict::Allowed { count: hits }
    } else {
        Verdict::Refused { retry_after: (started + rule.window() - at).max(Duration::seconds(1)) }
    })
}

/// Takes back one attempt counted by [`hit`] that turned out not to be what the rule counts
/// (a sign-in that succeeded is no failure).
pub async fn refund(db: &Db, rule: &Limit, subject: &str) -> DbResult<()> {
    exec!(db, p => sqlx::query("UPDATE rate_limits SET hits = hits - 1 WHERE bucket = $1 AND hits > 0")
        .bind(bucket(rule, subject)).execute(p).await?);
    Ok(())
}

/// Forgets every attempt counted under `rule` for `subject`.
pub async fn clear(db: &Db, rule: &Limit, subject: &str) -> DbResult<()> {
    exec!(db, p => sqlx::query("DELETE FROM rate_limits WHERE bucket = $1").bind(bucket(rule, subject)).execute(p).await?);
    Ok(())
}

/// The attempts counted under `rule` for `subject` in the window still running (0 if none).
pub async fn count(db: &Db, rule: &Limit, subject: &str) -> DbResult<i64> {
    let since = now() - rule.window();
    let n: Option<i64> = on!(db, p => sqlx::query_scalar("SELECT hits FROM rate_limits WHERE bucket = $1 AND window_start > $2")
        .bind(bucket(rule, subject)).bind(since).fetch_optional(p).await?);
    Ok(n.unwrap_or(0))
}
