//! Sign-in sessions, stored so that they survive restarts and work across instances.

use crate::users::UserRow;
use crate::{Db, DbResult, hash_token, new_token, now};
use chrono::{DateTime, Duration, Utc};

/// Starts a session for `user_id`; returns the token for the cookie and its stored hash.
pub async fn create(db: &Db, user_id: i64, ttl: Duration) -> DbResult<(String, String)> {
    let (token, hash) = new_token();
    let at = now();
    exec!(db, p => sqlx::query("INSERT INTO sessions (id_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)")
        .bind(&hash).bind(user_id).bind(at).bind(at + ttl).execute(p).await?);
    Ok((token, hash))
}

/// A live session: its account, stored hash and end.
#[derive(Debug, Clone)]
pub struct LiveSession {
    /// The account.
    pub user: UserRow,
    /// The stored hash of the token.
    pub hash: String,
    /// When it ends.
    pub expires_at: DateTime<Utc>,
}

#[derive(sqlx::FromRow)]
struct SessionRow {
    #[sqlx(flatten)]
    user: UserRow,
    expires_at: DateTime<Utc>,
}

/// The account behind a session cookie, if the session exists and has not expired.
pub async fn user_for(db: &Db, token: &str) -> DbResult<Option<LiveSession>> {
    let hash = hash_token(token);
    let row: Option<SessionRow> = on!(db, p => sqlx::query_as(
        "SELECT u.id, u.email, u.display_name, u.password_hash, u.email_confirmed_at, u.locale, u.created_at, s.expires_at \
         FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id_hash = $1 AND s.expires_at > $2",
    )
    .bind(&hash)
    .bind(now())
    .fetch_optional(p)
    .await?);
    Ok(row.map(|r| LiveSession { user: r.user, hash, expires_at: r.expires_at }))
}

/// Ends one session.
pub async fn delete(db: &Db, hash: &str) -> DbResult<()> {
    exec!(db, p => sqlx::query("DELETE FROM sessions WHERE id_hash = $1").bind(hash).execute(p).await?);
    Ok(())
}

/// Removes expired sessions, tokens and rate-limit counters whose window is long over;
/// returns how many sessions went.
pub async fn prune(db: &Db) -> DbResult<u64> {
    let at = now();
    let n = on!(db, p => {
        let n = sqlx::query("DELETE FROM sessions WHERE expires_at < $1").bind(at).execute(p).await?.rows_affected();
        sqlx::query("DELETE FROM account_tokens WHERE expires_at < $1").bind(at - Duration::days(7)).execute(p).await?;
        sqlx::query("DELETE FROM rate_limits WHERE window_start < $1")
            .bind(at - agora_domain::limits::KEEP_FOR).execute(p).await?;
        n
    });
    Ok(n)
}

/// How many live sessions an account has.
pub async fn count_for(db: &Db, user_id: i64) -> DbResult<i64> {
    on!(db, p => Ok(sqlx::query_scalar("SELECT COUNT(*) FROM sessions WHERE user_id = $1 AND expires_at > $2")
        .bind(user_id).bind(now()).fetch_one(p).await?))
}
