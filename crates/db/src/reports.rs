//! Consultation reports: an editable introduction and conclusions, versioned; publishing
//! a version fixes it.

use crate::audit::{AuditEntry, audit_in_tx};
use crate::{BeginWrite, Db, DbResult, now};
use chrono::{DateTime, Utc};

/// One version of a report's own text.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Report {
    pub id: i64,
    /// 1, 2, …
    pub version: i32,
    /// Introduction (Markdown).
    pub introduction: String,
    /// Conclusions (Markdown).
    pub conclusions: String,
    /// When this version was published.
    pub published_at: Option<DateTime<Utc>>,
}

/// The newest version, published or not.
pub async fn latest(db: &Db, consultation: i64) -> DbResult<Option<Report>> {
    on!(db, p => Ok(sqlx::query_as("SELECT id, version, introduction, conclusions, published_at FROM reports WHERE consultation_id = $1 ORDER BY version DESC LIMIT 1")
        .bind(consultation).fetch_optional(p).await?))
}

/// The newest published version.
pub async fn published(db: &Db, consultation: i64) -> DbResult<Option<Report>> {
    on!(db, p => Ok(sqlx::query_as("SELECT id, version, introduction, conclusions, published_at FROM reports WHERE consultation_id = $1 AND published_at IS NOT NULL ORDER BY version DESC LIMIT 1")
        .bind(consultation).fetch_optional(p).await?))
}

/// Every published version, newest first.
pub async fn versions(db: &Db, consultation: i64) -> DbResult<Vec<Report>> {
    on!(db, p => Ok(sqlx::query_as("SELECT id, version, introduction, conclusions, published_at FROM reports WHERE consultation_id = $1 AND published_at IS NOT NULL ORDER BY version DESC")
        .bind(consultation).fetch_all(p).await?))
}

/// Saves the draft text: edits the unpublished newest version, or starts a new version
/// when the newest one is already published. Returns the draft's version number.
pub async fn save_draft(
    db: &Db,
    consultation: i64,
    introduction: &str,
    conclusions: &str,
    entry: &AuditEntry,
) -> DbResult<i32> {
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let latest: Option<(i64, i32, Option<DateTime<Utc>>)> = sqlx::query_as("SELECT id, version, published_at FROM reports WHERE consultation_id = $1 ORDER BY version DESC LIMIT 1")
            .bind(consultation).fetch_optional(&mut *tx).await?;
        let version = match latest {
            Some((id, v, None)) => {
                sqlx::query("UPDATE reports SET introduction = $1, conclusions = $2 WHERE id = $3").bind(introduction).bind(conclusions).bind(id).execute(&mut *tx).await?;
                v
            }
            other => {
                let v = other.map_or(1, |(_, v, _)| v + 1);
                sqlx::query("INSERT INTO reports (consultation_id, version, introduction, conclusions, created_at) VALUES ($1, $2, $3, $4, $5)")
                    .bind(consultation).bind(v).bind(introduction).bind(conclusions).bind(now()).execute(&mut *tx).await?;
                v
            }
        };
        audit_in_tx!(tx, entry, Some(consultation));
        tx.commit().await?;
        Ok(version)
    })
}

/// Publishes the newest draft; `false` when there is none.
pub async fn publish(db: &Db, consultation: i64, by: &str, entry: &AuditEntry) -> DbResult<bool> {
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let n = sqlx::query(
            "UPDATE reports SET published_at = $1, published_by = $2 WHERE consultation_id = $3 AND published_at IS NULL \
             AND version = (SELECT MAX(version) FROM reports WHERE consultation_id = $3)",
        ).bind(now()).bind(by).bind(consultation).execute(&mut *tx).await?.rows_affected();
        if n == 1 {
            audit_in_tx!(tx, entry, Some(consultation));
        }
        tx.commit().await?;
        Ok(n == 1)
    })
}
