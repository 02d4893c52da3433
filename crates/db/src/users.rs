//! Accounts.

use crate::audit::{AuditEntry, audit_in_tx};
use crate::{BeginWrite, Db, DbResult, Page, now};
use chrono::{DateTime, Utc};

/// An account as stored.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct UserRow {
    /// Account id.
    pub id: i64,
    /// Lower-cased e-mail address.
    pub email: String,
    /// Shown name.
    pub display_name: String,
    /// argon2id PHC string.
    pub password_hash: String,
    /// When the address was confirmed; unconfirmed accounts cannot sign in.
    pub email_confirmed_at: Option<DateTime<Utc>>,
    /// Preferred language.
    pub locale: String,
    /// When the account was made.
    pub created_at: DateTime<Utc>,
}

const COLUMNS: &str = "id, email, display_name, password_hash, email_confirmed_at, locale, created_at";

/// Creates an account; `Conflict` when the address is taken.
pub async fn create(
    db: &Db,
    email: &str,
    display_name: &str,
    password_hash: &str,
    locale: &str,
    confirmed: bool,
) -> DbResult<i64> {
    let at = now();
    on!(db, p => Ok(sqlx::query_scalar(
        "INSERT INTO users (email, display_name, password_hash, email_confirmed_at, locale, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(email)
    .bind(display_name)
    .bind(password_hash)
    .bind(confirmed.then_some(at))
    .bind(locale)
    .bind(at)
    .fetch_one(p)
    .await?))
}

/// The account with this address.
pub async fn by_email(db: &Db, email: &str) -> DbResult<Option<UserRow>> {
    let sql = format!("SELECT {COLUMNS} FROM users WHERE email = $1");
    on!(db, p => Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(email).fetch_optional(p).await?))
}

/// The account with this id.
pub async fn by_id(db: &Db, id: i64) -> DbResult<Option<UserRow>> {
    let sql = format!("SELECT {COLUMNS} FROM users WHERE id = $1");
    on!(db, p => Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(p).await?))
}

/// Marks the address confirmed.
pub async fn confirm_email(db: &Db, id: i64) -> DbResult<()> {
    exec!(db, p => sqlx::query("UPDATE users SET email_confirmed_at = $1 WHERE id = $2 AND email_confirmed_at IS NULL")
        .bind(now()).bind(id).execute(p).await?);
    Ok(())
}

/// Replaces the password hash and ends every session of the account but `keep_session`.
pub async fn set_password(db: &Db, id: i64, hash: &str, keep_session: Option<&str>) -> DbResult<()> {
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2").bind(hash).bind(id).execute(&mut *tx).await?;
        sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND id_hash <> $2")
            .bind(id).bind(keep_session.unwrap_or("")).execute(&mut *tx).await?;
        tx.commit().await?;
    });
    Ok(())
}

/// Changes the address (already confirmed by a link sent to it); `Conflict` when taken.
pub async fn set_email(db: &Db, id: i64, email: &str) -> DbResult<()> {
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        sqlx::query("UPDATE users SET email = $1, email_confirmed_at = $2 WHERE id = $3")
            .bind(email).bind(now()).bind(id).execute(&mut *tx).await?;
        // What the account follows goes to the new address, unless that address already
        // follows things of its own, which stay as they are.
        sqlx::query(
            "UPDATE subscribers SET email = $1 WHERE user_id = $2 \
             AND NOT EXISTS (SELECT 1 FROM subscribers o WHERE o.email = $1)",
        )
        .bind(email).bind(id).execute(&mut *tx).await?;
        tx.commit().await?;
    });
    Ok(())
}

/// Changes the display name and preferred language; what the account follows is mailed in
/// the new language from then on.
pub async fn set_profile(db: &Db, id: i64, display_name: &str, locale: &str) -> DbResult<()> {
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        sqlx::query("UPDATE users SET display_name = $1, locale = $2 WHERE id = $3")
            .bind(display_name).bind(locale).bind(id).execute(&mut *tx).await?;
        sqlx::query("UPDATE subscribers SET lang = $1 WHERE user_id = $2").bind(locale).bind(id).execute(&mut *tx).await?;
        tx.commit().await?;
    });
    Ok(())
}

/// Deletes the account for good (RODO): sessions, tokens, roles and everything the address
/// follows go with it, and the audit log keeps the entries but no longer names the person. Rate-limit counters name
/// no one (they are hashes) and are pruned within a day.
pub async fn delete(db: &Db, id: i64, entry: &AuditEntry) -> DbResult<()> {
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        sqlx::query("UPDATE audit_log SET actor_label = $1, actor_id = NULL WHERE actor_id = $2")
            .bind(&entry.actor_label).bind(id).execute(&mut *tx).await?;
        sqlx::query("DELETE FROM subscribers WHERE user_id = $1 OR email = (SELECT email FROM users WHERE id = $1)")
            .bind(id).execute(&mut *tx).await?;
        sqlx::query("DELETE FROM users WHERE id = $1").bind(id).execute(&mut *tx).await?;
        audit_in_tx!(tx, entry, Some(id));
        tx.commit().await?;
    });
    Ok(())
}

/// A page of accounts whose address or name contains `search`, for the role administration.
pub async fn list(db: &Db, search: &str, limit: i64, offset: i64) -> DbResult<Page<UserRow>> {
    let pattern = format!("%{}%", search.to_lowercase().replace('%', "\\%").replace('_', "\\_"));
    let sql = format!(
        "SELECT {COLUMNS} FROM users WHERE email LIKE $1 ESCAPE '\\' OR LOWER(display_name) LIKE $1 ESCAPE '\\' \
         ORDER BY email LIMIT $2 OFFSET $3"
    );
    on!(db, p => {
        let items = sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(&pattern).bind(limit).bind(offset).fetch_all(p).await?;
        let total = sqlx::query_scalar(
            "SELECT COUNT(*) FROM users WHERE email LIKE $1 ESCAPE '\\' OR LOWER(display_name) LIKE $1 ESCAPE '\\'",
        )
        .bind(&pattern)
        .fetch_one(p)
        .await?;
        Ok(Page { items, total })
    })
}
