//! One-time links sent by e-mail: address confirmation, password reset, address change.

use crate::{BeginWrite, Db, DbResult, hash_token, new_token, now};
use chrono::Duration;

agora_domain::text_enum! {
    /// What a link is for.
    pub enum Purpose {
        /// Confirms the address given at sign-up.
        Confirm = "confirm",
        /// Lets the holder set a new password.
        Reset = "reset",
        /// Confirms a new address before it replaces the old one.
        ChangeEmail = "change_email",
    }
}

/// Why a link could not be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenProblem {
    /// No such link (mistyped, or for another purpose).
    Unknown,
    /// The link is past its time.
    Expired,
    /// The link was used already.
    Used,
}

/// A link that was valid and is now spent.
#[derive(Debug, Clone)]
pub struct UsedToken {
    /// The account it belongs to.
    pub user_id: i64,
    /// For an address change, the new address.
    pub new_email: Option<String>,
}

/// Makes a new link token for `user_id`; older unused links of the same purpose stop working.
pub async fn issue(
    db: &Db,
    user_id: i64,
    purpose: Purpose,
    new_email: Option<&str>,
    ttl: Duration,
) -> DbResult<String> {
    let (token, hash) = new_token();
    let at = now();
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        sqlx::query("UPDATE account_tokens SET used_at = $1 WHERE user_id = $2 AND purpose = $3 AND used_at IS NULL")
            .bind(at).bind(user_id).bind(purpose.as_str()).execute(&mut *tx).await?;
        sqlx::query("INSERT INTO account_tokens (token_hash, user_id, purpose, new_email, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)")
            .bind(&hash).bind(user_id).bind(purpose.as_str()).bind(new_email).bind(at).bind(at + ttl)
            .execute(&mut *tx).await?;
        tx.commit().await?;
    });
    Ok(token)
}

/// A stored link: its account, the new address it confirms, when it expires, when it was used.
type TokenRow = (i64, Option<String>, chrono::DateTime<chrono::Utc>, Option<chrono::DateTime<chrono::Utc>>);

/// Checks a link without spending it (to show the form behind it).
pub async fn check(db: &Db, token: &str, purpose: Purpose) -> DbResult<Result<UsedToken, TokenProblem>> {
    let row: Option<TokenRow> = on!(db, p => sqlx::query_as("SELECT user_id, new_email, expires_at, used_at FROM account_tokens WHERE token_hash = $1 AND purpose = $2")
            .bind(hash_token(token)).bind(purpose.as_str()).fetch_optional(p).await?);
    Ok(match row {
        None => Err(TokenProblem::Unknown),
        Some((_, _, _, Some(_))) => Err(TokenProblem::Used),
        Some((_, _, exp, None)) if exp <= now() => Err(TokenProblem::Expired),
        Some((user_id, new_email, _, None)) => Ok(UsedToken { user_id, new_email }),
    })
}

/// Spends a link: only one of two simultaneous uses succeeds.
pub async fn consume(db: &Db, token: &str, purpose: Purpose) -> DbResult<Result<UsedToken, TokenProblem>> {
    let checked = check(db, token, purpose).await?;
    if checked.is_err() {
        return Ok(checked);
    }
    let at = now();
    let n = on!(db, p => sqlx::query("UPDATE account_tokens SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $1")
        .bind(at).bind(hash_token(token)).execute(p).await?.rows_affected());
    Ok(if n == 1 { checked } else { Err(TokenProblem::Used) })
}
