//! Sign-in throttling with counters in the database, so every instance sees the same count.

use crate::{Db, DbResult, now};
use chrono::{DateTime, Duration, Utc};

/// Records one failed attempt under `key` (e.g. `email:…` or `ip:…`).
pub async fn record_failure(db: &Db, key: &str) -> DbResult<()> {
    exec!(db, p => sqlx::query("INSERT INTO login_failures (throttle_key, failed_at) VALUES ($1, $2)")
        .bind(key).bind(now()).execute(p).await?);
    Ok(())
}

/// How many failures `key` had within `window`, and when the oldest of them happened.
pub async fn recent_failures(db: &Db, key: &str, window: Duration) -> DbResult<(i64, Option<DateTime<Utc>>)> {
    let since = now() - window;
    on!(db, p => Ok(sqlx::query_as("SELECT COUNT(*), MIN(failed_at) FROM login_failures WHERE throttle_key = $1 AND failed_at > $2")
        .bind(key).bind(since).fetch_one(p).await?))
}

/// Forgets the failures of `key` after a successful sign-in.
pub async fn clear(db: &Db, key: &str) -> DbResult<()> {
    exec!(db, p => sqlx::query("DELETE FROM login_failures WHERE throttle_key = $1").bind(key).execute(p).await?);
    Ok(())
}
