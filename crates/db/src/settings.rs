//! Site-wide settings stored as JSON under a key (the rules profile, for one).

use crate::audit::{AuditEntry, audit_in_tx};
use crate::{BeginWrite, Db, DbResult, now};

/// The stored JSON under `key`.
pub async fn get(db: &Db, key: &str) -> DbResult<Option<String>> {
    on!(db, p => Ok(sqlx::query_scalar("SELECT value FROM settings WHERE key = $1").bind(key).fetch_optional(p).await?))
}

/// Stores `value` under `key`.
pub async fn put(db: &Db, key: &str, value: &str, entry: &AuditEntry) -> DbResult<()> {
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        sqlx::query("INSERT INTO settings (key, value, updated_at) VALUES ($1, $2, $3) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at")
            .bind(key).bind(value).bind(now()).execute(&mut *tx).await?;
        audit_in_tx!(tx, entry, None);
        tx.commit().await?;
    });
    Ok(())
}
