//! Documents of a consultation; a new upload adds a version and keeps the old ones.

use crate::audit::{AuditEntry, audit_in_tx};
use crate::{BeginWrite, Db, DbResult, now};
use agora_domain::document::DocumentKind;
use chrono::{DateTime, Utc};

/// A document with its versions, newest first.
#[derive(Debug, Clone)]
pub struct Document {
    pub id: i64,
    /// Kind name (draft, form, presentation, schedule, results, report, other).
    pub kind: DocumentKind,
    pub title: String,
    /// Versions, newest first; never empty.
    pub versions: Vec<Version>,
}

/// One uploaded file.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Version {
    pub id: i64,
    /// The document.
    pub document_id: i64,
    /// 1, 2, …
    pub version: i32,
    /// The name it was uploaded under.
    pub filename: String,
    /// Type found from its content.
    pub content_type: String,
    pub size_bytes: i64,
    /// Key in the object store.
    pub storage_key: String,
    pub uploaded_at: DateTime<Utc>,
}

/// A file about to be recorded; it is already in the object store.
#[derive(Debug, Clone)]
pub struct NewFile {
    /// Original name.
    pub filename: String,
    /// Type found from its content.
    pub content_type: String,
    pub size_bytes: i64,
    /// Key in the object store.
    pub storage_key: String,
}

#[derive(sqlx::FromRow)]
struct DocRow {
    id: i64,
    kind: DocumentKind,
    title: String,
}

/// The documents of a consultation, each with its versions (two queries in all).
pub async fn list(db: &Db, consultation: i64) -> DbResult<Vec<Document>> {
    let (docs, versions): (Vec<DocRow>, Vec<Version>) = on!(db, p => {
        let docs = sqlx::query_as("SELECT id, kind, title FROM documents WHERE consultation_id = $1 ORDER BY id").bind(consultation).fetch_all(p).await?;
        let versions = sqlx::query_as(
            "SELECT v.id, v.document_id, v.version, v.filename, v.content_type, v.size_bytes, v.storage_key, v.uploaded_at \
             FROM document_versions v JOIN documents d ON d.id = v.document_id WHERE d.consultation_id = $1 ORDER BY v.document_id, v.version DESC",
        ).bind(consultation).fetch_all(p).await?;
        (docs, versions)
    });
    Ok(docs
        .into_iter()
        .map(|d| Document {
            versions: versions.iter().filter(|v| v.document_id == d.id).cloned().collect(),
            id: d.id,
            kind: d.kind,
            title: d.title,
        })
        .filter(|d| !d.versions.is_empty())
        .collect())
}

/// Records a new document with its first version.
pub async fn add(
    db: &Db,
    consultation: i64,
    kind: &str,
    title: &str,
    file: &NewFile,
    uploaded_by: &str,
    entry: &AuditEntry,
) -> DbResult<i64> {
    let at = now();
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let id: i64 = sqlx::query_scalar("INSERT INTO documents (consultation_id, kind, title, created_at) VALUES ($1, $2, $3, $4) RETURNING id")
            .bind(consultation).bind(kind).bind(title).bind(at).fetch_one(&mut *tx).await?;
        sqlx::query("INSERT INTO document_versions (document_id, version, filename, content_type, size_bytes, storage_key, uploaded_at, uploaded_by) VALUES ($1, 1, $2, $3, $4, $5, $6, $7)")
            .bind(id).bind(&file.filename).bind(&file.content_type).bind(file.size_bytes).bind(&file.storage_key).bind(at).bind(uploaded_by)
            .execute(&mut *tx).await?;
        audit_in_tx!(tx, entry, Some(consultation));
        tx.commit().await?;
        Ok(id)
    })
}

/// Adds a version to a document of `consultation`; `None` when there is no such document.
pub async fn add_version(
    db: &Db,
    consultation: i64,
    document: i64,
    file: &NewFile,
    uploaded_by: &str,
    entry: &AuditEntry,
) -> DbResult<Option<i32>> {
    let at = now();
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let next: Option<i32> = sqlx::query_scalar(
            "SELECT COALESCE(MAX(v.version), 0) + 1 FROM documents d LEFT JOIN document_versions v ON v.document_id = d.id \
             WHERE d.id = $1 AND d.consultation_id = $2 GROUP BY d.id",
        ).bind(document).bind(consultation).fetch_optional(&mut *tx).await?;
        let Some(next) = next else { return Ok(None) };
        sqlx::query("INSERT INTO document_versions (document_id, version, filename, content_type, size_bytes, storage_key, uploaded_at, uploaded_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)")
            .bind(document).bind(next).bind(&file.filename).bind(&file.content_type).bind(file.size_bytes).bind(&file.storage_key).bind(at).bind(uploaded_by)
            .execute(&mut *tx).await?;
        audit_in_tx!(tx, entry, Some(consultation));
        tx.commit().await?;
        Ok(Some(next))
    })
}

/// One version of a document of `consultation`, for download.
pub async fn version(db: &Db, consultation: i64, document: i64, version: i32) -> DbResult<Option<Version>> {
    on!(db, p => Ok(sqlx::query_as(
        "SELECT v.id, v.document_id, v.version, v.filename, v.content_type, v.size_bytes, v.storage_key, v.uploaded_at \
         FROM document_versions v JOIN documents d ON d.id = v.document_id WHERE d.consultation_id = $1 AND v.document_id = $2 AND v.version = $3",
    ).bind(consultation).bind(document).bind(version).fetch_optional(p).await?))
}
