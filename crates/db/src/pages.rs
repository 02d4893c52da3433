//! Editable pages such as the accessibility statement, one version per language.

use crate::audit::{AuditEntry, audit_in_tx};
use crate::{BeginWrite, Db, DbResult, now};
use chrono::{DateTime, Utc};

/// A stored page.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PageRow {
    /// Its address part, e.g. `deklaracja-dostepnosci`.
    pub slug: String,
    /// Language code.
    pub lang: String,
    pub title: String,
    /// Body in Markdown.
    pub body: String,
    /// Last change.
    pub updated_at: DateTime<Utc>,
}

/// The page in `lang`, if written.
pub async fn get(db: &Db, slug: &str, lang: &str) -> DbResult<Option<PageRow>> {
    on!(db, p => Ok(sqlx::query_as("SELECT slug, lang, title, body, updated_at FROM pages WHERE slug = $1 AND lang = $2")
        .bind(slug).bind(lang).fetch_optional(p).await?))
}

/// Writes the page in `lang`, replacing what was there.
pub async fn put(db: &Db, slug: &str, lang: &str, title: &str, body: &str, entry: Option<&AuditEntry>) -> DbResult<()> {
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        sqlx::query(
            "INSERT INTO pages (slug, lang, title, body, updated_at) VALUES ($1, $2, $3, $4, $5) \
             ON CONFLICT (slug, lang) DO UPDATE SET title = excluded.title, body = excluded.body, updated_at = excluded.updated_at",
        )
        .bind(slug).bind(lang).bind(title).bind(body).bind(now())
        .execute(&mut *tx).await?;
        if let Some(e) = entry {
            audit_in_tx!(tx, e, None);
        }
        tx.commit().await?;
    });
    Ok(())
}

/// Writes the page only if it does not exist yet (demo data and first start).
pub async fn put_if_missing(db: &Db, slug: &str, lang: &str, title: &str, body: &str) -> DbResult<()> {
    exec!(db, p => sqlx::query(
        "INSERT INTO pages (slug, lang, title, body, updated_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (slug, lang) DO NOTHING",
    ).bind(slug).bind(lang).bind(title).bind(body).bind(now()).execute(p).await?);
    Ok(())
}
