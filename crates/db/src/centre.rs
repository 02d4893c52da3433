//! The Centre's own content: its pages in a menu, its publications with their documents and
//! its photo galleries. A page or gallery keeps the address made from its first title, so that
//! links to it outlive a corrected title; a second one with the same title gets its id after.

use crate::audit::{AuditEntry, audit_in_tx};
use crate::documents::NewFile;
use crate::{BeginWrite, Db, DbResult, Page, Val, now};
use agora_domain::centre::{
    GalleryInput, PageInput, PageKind, PhotoInput, PublicationInput, PublicationKind, slug_base,
};
use chrono::{DateTime, NaiveDate, Utc};

// ---- pages ----

/// A page of the Centre.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CentrePage {
    pub id: i64,
    pub slug: String,
    pub kind: PageKind,
    pub position: i64,
    pub title: String,
    pub title_en: Option<String>,
    pub body: String,
    pub body_en: Option<String>,
    pub published: bool,
    pub updated_at: DateTime<Utc>,
}

const PAGE_COLS: &str = "id, slug, kind, position, title, title_en, body, body_en, published, updated_at";

/// The pages in menu order; drafts only when `drafts` (the editors' list).
pub async fn menu(db: &Db, drafts: bool) -> DbResult<Vec<CentrePage>> {
    let filter = if drafts { "1 = 1" } else { "published = TRUE" };
    let sql = format!("SELECT {PAGE_COLS} FROM centre_pages WHERE {filter} ORDER BY position, id");
    on!(db, p => Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql)).fetch_all(p).await?))
}

/// The page at `slug`, draft or not.
pub async fn page_by_slug(db: &Db, slug: &str) -> DbResult<Option<CentrePage>> {
    let sql = format!("SELECT {PAGE_COLS} FROM centre_pages WHERE slug = $1");
    on!(db, p => Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(slug).fetch_optional(p).await?))
}

/// The page with `id`, draft or not.
pub async fn page(db: &Db, id: i64) -> DbResult<Option<CentrePage>> {
    let sql = format!("SELECT {PAGE_COLS} FROM centre_pages WHERE id = $1");
    on!(db, p => Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(p).await?))
}

/// Stores a new page; returns its id and slug.
pub async fn create_page(db: &Db, input: &PageInput, entry: &AuditEntry) -> DbResult<(i64, String)> {
    let at = now();
    let base = slug_base(&input.title);
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let taken: Option<i64> = sqlx::query_scalar("SELECT id FROM centre_pages WHERE slug = $1")
            .bind(&base).fetch_optional(&mut *tx).await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO centre_pages (slug, kind, position, title, title_en, body, body_en, published, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
        )
        .bind(crate::random_token()).bind(input.kind).bind(input.position).bind(&input.title).bind(&input.title_en)
        .bind(&input.body).bind(&input.body_en).bind(input.published).bind(at).bind(at)
        .fetch_one(&mut *tx).await?;
        let slug = if taken.is_some() { format!("{base}-{id}") } else { base };
        sqlx::query("UPDATE centre_pages SET slug = $1 WHERE id = $2").bind(&slug).bind(id).execute(&mut *tx).await?;
        audit_in_tx!(tx, entry, Some(id));
        tx.commit().await?;
        Ok((id, slug))
    })
}

/// Saves an edited page; false when it is gone.
pub async fn update_page(db: &Db, id: i64, input: &PageInput, entry: &AuditEntry) -> DbResult<bool> {
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let done = sqlx::query(
            "UPDATE centre_pages SET kind = $1, position = $2, title = $3, title_en = $4, body = $5, body_en = $6, \
             published = $7, updated_at = $8 WHERE id = $9",
        )
        .bind(input.kind).bind(input.position).bind(&input.title).bind(&input.title_en).bind(&input.body)
        .bind(&input.body_en).bind(input.published).bind(now()).bind(id)
        .execute(&mut *tx).await?.rows_affected() > 0;
        if done {
            audit_in_tx!(tx, entry, Some(id));
        }
        tx.commit().await?;
        Ok(done)
    })
}

/// Deletes a page; false when it was gone already.
pub async fn delete_page(db: &Db, id: i64, entry: &AuditEntry) -> DbResult<bool> {
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let done = sqlx::query("DELETE FROM centre_pages WHERE id = $1").bind(id).execute(&mut *tx).await?.rows_affected() > 0;
        if done {
            audit_in_tx!(tx, entry, Some(id));
        }
        tx.commit().await?;
        Ok(done)
    })
}

// ---- publications ----

/// A publication without its documents.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PublicationRow {
    pub id: i64,
    pub kind: PublicationKind,
    pub year: i64,
    pub title: String,
    pub title_en: Option<String>,
    pub summary: String,
    pub summary_en: Option<String>,
    pub updated_at: DateTime<Utc>,
}

/// A document of a publication.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PublicationFile {
    pub id: i64,
    pub publication_id: i64,
    pub title: String,
    pub filename: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub storage_key: String,
}

/// A publication with its documents.
#[derive(Debug, Clone)]
pub struct Publication {
    pub row: PublicationRow,
    pub files: Vec<PublicationFile>,
}

const PUB_COLS: &str = "id, kind, year, title, title_en, summary, summary_en, updated_at";
const FILE_COLS: &str = "id, publication_id, title, filename, content_type, size_bytes, storage_key";

/// Which publications the library shows.
#[derive(Debug, Clone, Copy, Default)]
pub struct PublicationFilter {
    pub year: Option<i32>,
    pub kind: Option<PublicationKind>,
}

/// One page of publications, newest year first, each with its documents: two queries for the
/// page whatever its length.
pub async fn publications(db: &Db, f: PublicationFilter, limit: i64, offset: i64) -> DbResult<Page<Publication>> {
    let mut vals = Vec::new();
    let mut wh = vec!["1 = 1".to_owned()];
    if let Some(y) = f.year {
        vals.push(Val::I(i64::from(y)));
        wh.push(format!("year = ${}", vals.len()));
    }
    if let Some(k) = f.kind {
        vals.push(Val::S(k.as_str().to_owned()));
        wh.push(format!("kind = ${}", vals.len()));
    }
    let where_sql = wh.join(" AND ");
    let n = vals.len();
    let list = format!(
        "SELECT {PUB_COLS} FROM publications WHERE {where_sql} ORDER BY year DESC, id DESC LIMIT ${} OFFSET ${}",
        n + 1,
        n + 2
    );
    let count = format!("SELECT COUNT(*) FROM publications WHERE {where_sql}");
    let (rows, total): (Vec<PublicationRow>, i64) = on!(db, p => {
        let rows = bind_all!(sqlx::query_as(sqlx::AssertSqlSafe(list)), &vals).bind(limit).bind(offset).fetch_all(p).await?;
        let total: i64 = bind_all!(sqlx::query_scalar(sqlx::AssertSqlSafe(count)), &vals).fetch_one(p).await?;
        (rows, total)
    });
    let files = files_of(db, &rows.iter().map(|r| r.id).collect::<Vec<_>>()).await?;
    let items = rows
        .into_iter()
        .map(|row| {
            let files = files.iter().filter(|f| f.publication_id == row.id).cloned().collect();
            Publication { row, files }
        })
        .collect();
    Ok(Page { items, total })
}

async fn files_of(db: &Db, ids: &[i64]) -> DbResult<Vec<PublicationFile>> {
    if ids.is_empty() {
        return Ok(vec![]);
    }
    let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(", ");
    let sql = format!("SELECT {FILE_COLS} FROM publication_files WHERE publication_id IN ({list}) ORDER BY id");
    on!(db, p => Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql)).fetch_all(p).await?))
}

/// The years publications came out in, newest first.
pub async fn publication_years(db: &Db) -> DbResult<Vec<i64>> {
    on!(db, p => Ok(sqlx::query_scalar("SELECT DISTINCT year FROM publications ORDER BY year DESC").fetch_all(p).await?))
}

/// The publication with `id` and its documents.
pub async fn publication(db: &Db, id: i64) -> DbResult<Option<Publication>> {
    let sql = format!("SELECT {PUB_COLS} FROM publications WHERE id = $1");
    let row: Option<PublicationRow> =
        on!(db, p => sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(p).await?);
    let Some(row) = row else { return Ok(None) };
    let files = files_of(db, &[id]).await?;
    Ok(Some(Publication { row, files }))
}

/// Stores a new publication; returns its id.
pub async fn create_publication(db: &Db, input: &PublicationInput, entry: &AuditEntry) -> DbResult<i64> {
    let at = now();
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO publications (kind, year, title, title_en, summary, summary_en, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        )
        .bind(input.kind).bind(i64::from(input.year)).bind(&input.title).bind(&input.title_en).bind(&input.summary)
        .bind(&input.summary_en).bind(at).bind(at)
        .fetch_one(&mut *tx).await?;
        audit_in_tx!(tx, entry, Some(id));
        tx.commit().await?;
        Ok(id)
    })
}

/// Saves an edited publication; false when it is gone.
pub async fn update_publication(db: &Db, id: i64, input: &PublicationInput, entry: &AuditEntry) -> DbResult<bool> {
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let done = sqlx::query(
            "UPDATE publications SET kind = $1, year = $2, title = $3, title_en = $4, summary = $5, summary_en = $6, \
             updated_at = $7 WHERE id = $8",
        )
        .bind(input.kind).bind(i64::from(input.year)).bind(&input.title).bind(&input.title_en).bind(&input.summary)
        .bind(&input.summary_en).bind(now()).bind(id)
        .execute(&mut *tx).await?.rows_affected() > 0;
        if done {
            audit_in_tx!(tx, entry, Some(id));
        }
        tx.commit().await?;
        Ok(done)
    })
}

/// Deletes a publication with its documents; returns their storage keys to delete after the
/// commit, or `None` when it was gone already.
pub async fn delete_publication(db: &Db, id: i64, entry: &AuditEntry) -> DbResult<Option<Vec<String>>> {
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let keys: Vec<String> = sqlx::query_scalar("SELECT storage_key FROM publication_files WHERE publication_id = $1")
            .bind(id).fetch_all(&mut *tx).await?;
        let done = sqlx::query("DELETE FROM publications WHERE id = $1").bind(id).execute(&mut *tx).await?.rows_affected() > 0;
        if done {
            audit_in_tx!(tx, entry, Some(id));
        }
        tx.commit().await?;
        Ok(done.then_some(keys))
    })
}

/// Adds a document (already in the object store) to a publication; `None` when it is gone.
pub async fn add_publication_file(
    db: &Db,
    publication_id: i64,
    title: &str,
    f: &NewFile,
    entry: &AuditEntry,
) -> DbResult<Option<i64>> {
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let found: Option<i64> = sqlx::query_scalar("SELECT id FROM publications WHERE id = $1")
            .bind(publication_id).fetch_optional(&mut *tx).await?;
        if found.is_none() {
            return Ok(None);
        }
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO publication_files (publication_id, title, filename, content_type, size_bytes, storage_key, uploaded_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(publication_id).bind(title).bind(&f.filename).bind(&f.content_type).bind(f.size_bytes)
        .bind(&f.storage_key).bind(now())
        .fetch_one(&mut *tx).await?;
        sqlx::query("UPDATE publications SET updated_at = $1 WHERE id = $2")
            .bind(now()).bind(publication_id).execute(&mut *tx).await?;
        audit_in_tx!(tx, entry, Some(publication_id));
        tx.commit().await?;
        Ok(Some(id))
    })
}

/// Removes a document; returns its storage key to delete after the commit.
pub async fn remove_publication_file(
    db: &Db,
    publication_id: i64,
    file_id: i64,
    entry: &AuditEntry,
) -> DbResult<Option<String>> {
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let key: Option<String> = sqlx::query_scalar(
            "DELETE FROM publication_files WHERE id = $1 AND publication_id = $2 RETURNING storage_key",
        )
        .bind(file_id).bind(publication_id).fetch_optional(&mut *tx).await?;
        if key.is_some() {
            audit_in_tx!(tx, entry, Some(publication_id));
        }
        tx.commit().await?;
        Ok(key)
    })
}

// ---- galleries ----

/// A gallery with its first photo (its cover) and how many it has.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct GalleryRow {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub title_en: Option<String>,
    pub description: String,
    pub description_en: Option<String>,
    pub taken_on: NaiveDate,
    pub photos: i64,
    pub cover_id: Option<i64>,
    pub cover_alt: Option<String>,
    pub cover_alt_en: Option<String>,
}

/// A photo of a gallery.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Photo {
    pub id: i64,
    pub gallery_id: i64,
    pub alt: String,
    pub alt_en: Option<String>,
    pub caption: Option<String>,
    pub caption_en: Option<String>,
    pub content_type: String,
    pub size_bytes: i64,
    pub storage_key: String,
}

/// A gallery with its photos, in the order they were added.
#[derive(Debug, Clone)]
pub struct Gallery {
    pub row: GalleryRow,
    pub photos: Vec<Photo>,
}

/// A photo as stored in the object store.
#[derive(Debug, Clone)]
pub struct NewPhoto {
    pub content_type: String,
    pub size_bytes: i64,
    pub storage_key: String,
}

const GALLERY_SELECT: &str = "SELECT g.id, g.slug, g.title, g.title_en, g.description, g.description_en, g.taken_on, \
     (SELECT COUNT(*) FROM gallery_photos c WHERE c.gallery_id = g.id) AS photos, \
     p.id AS cover_id, p.alt AS cover_alt, p.alt_en AS cover_alt_en \
     FROM galleries g LEFT JOIN gallery_photos p ON p.id = (SELECT MIN(f.id) FROM gallery_photos f WHERE f.gallery_id = g.id)";
const PHOTO_COLS: &str = "id, gallery_id, alt, alt_en, caption, caption_en, content_type, size_bytes, storage_key";

/// One page of galleries, the latest event first.
pub async fn galleries(db: &Db, limit: i64, offset: i64) -> DbResult<Page<GalleryRow>> {
    let sql = format!("{GALLERY_SELECT} ORDER BY g.taken_on DESC, g.id DESC LIMIT $1 OFFSET $2");
    on!(db, p => {
        let items = sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(limit).bind(offset).fetch_all(p).await?;
        let total: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM galleries").fetch_one(p).await?;
        Ok(Page { items, total })
    })
}

async fn gallery_where(db: &Db, cond: &str, v: Val) -> DbResult<Option<Gallery>> {
    let sql = format!("{GALLERY_SELECT} WHERE {cond}");
    let vals = [v];
    let row: Option<GalleryRow> =
        on!(db, p => bind_all!(sqlx::query_as(sqlx::AssertSqlSafe(sql)), &vals).fetch_optional(p).await?);
    let Some(row) = row else { return Ok(None) };
    let sql = format!("SELECT {PHOTO_COLS} FROM gallery_photos WHERE gallery_id = $1 ORDER BY id");
    let photos = on!(db, p => sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(row.id).fetch_all(p).await?);
    Ok(Some(Gallery { row, photos }))
}

/// The gallery at `slug` with its photos.
pub async fn gallery_by_slug(db: &Db, slug: &str) -> DbResult<Option<Gallery>> {
    gallery_where(db, "g.slug = $1", Val::S(slug.to_owned())).await
}

/// The gallery with `id` and its photos.
pub async fn gallery(db: &Db, id: i64) -> DbResult<Option<Gallery>> {
    gallery_where(db, "g.id = $1", Val::I(id)).await
}

/// Stores a new gallery; returns its id and slug.
pub async fn create_gallery(db: &Db, input: &GalleryInput, entry: &AuditEntry) -> DbResult<(i64, String)> {
    let at = now();
    let base = slug_base(&input.title);
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let taken: Option<i64> = sqlx::query_scalar("SELECT id FROM galleries WHERE slug = $1")
            .bind(&base).fetch_optional(&mut *tx).await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO galleries (slug, title, title_en, description, description_en, taken_on, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        )
        .bind(crate::random_token()).bind(&input.title).bind(&input.title_en).bind(&input.description)
        .bind(&input.description_en).bind(input.taken_on).bind(at).bind(at)
        .fetch_one(&mut *tx).await?;
        let slug = if taken.is_some() { format!("{base}-{id}") } else { base };
        sqlx::query("UPDATE galleries SET slug = $1 WHERE id = $2").bind(&slug).bind(id).execute(&mut *tx).await?;
        audit_in_tx!(tx, entry, Some(id));
        tx.commit().await?;
        Ok((id, slug))
    })
}

/// Saves an edited gallery; false when it is gone.
pub async fn update_gallery(db: &Db, id: i64, input: &GalleryInput, entry: &AuditEntry) -> DbResult<bool> {
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let done = sqlx::query(
            "UPDATE galleries SET title = $1, title_en = $2, description = $3, description_en = $4, taken_on = $5, \
             updated_at = $6 WHERE id = $7",
        )
        .bind(&input.title).bind(&input.title_en).bind(&input.description).bind(&input.description_en)
        .bind(input.taken_on).bind(now()).bind(id)
        .execute(&mut *tx).await?.rows_affected() > 0;
        if done {
            audit_in_tx!(tx, entry, Some(id));
        }
        tx.commit().await?;
        Ok(done)
    })
}

/// Deletes a gallery with its photos; returns their storage keys to delete after the commit,
/// or `None` when it was gone already.
pub async fn delete_gallery(db: &Db, id: i64, entry: &AuditEntry) -> DbResult<Option<Vec<String>>> {
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let keys: Vec<String> = sqlx::query_scalar("SELECT storage_key FROM gallery_photos WHERE gallery_id = $1")
            .bind(id).fetch_all(&mut *tx).await?;
        let done = sqlx::query("DELETE FROM galleries WHERE id = $1").bind(id).execute(&mut *tx).await?.rows_affected() > 0;
        if done {
            audit_in_tx!(tx, entry, Some(id));
        }
        tx.commit().await?;
        Ok(done.then_some(keys))
    })
}

/// Adds a photo (already in the object store) to a gallery; `None` when the gallery is gone.
pub async fn add_photo(
    db: &Db,
    gallery_id: i64,
    input: &PhotoInput,
    photo: &NewPhoto,
    entry: &AuditEntry,
) -> DbResult<Option<i64>> {
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let found: Option<i64> = sqlx::query_scalar("SELECT id FROM galleries WHERE id = $1")
            .bind(gallery_id).fetch_optional(&mut *tx).await?;
        if found.is_none() {
            return Ok(None);
        }
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO gallery_photos (gallery_id, alt, alt_en, caption, caption_en, content_type, size_bytes, storage_key, uploaded_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
        )
        .bind(gallery_id).bind(&input.alt).bind(&input.alt_en).bind(&input.caption).bind(&input.caption_en)
        .bind(&photo.content_type).bind(photo.size_bytes).bind(&photo.storage_key).bind(now())
        .fetch_one(&mut *tx).await?;
        sqlx::query("UPDATE galleries SET updated_at = $1 WHERE id = $2").bind(now()).bind(gallery_id).execute(&mut *tx).await?;
        audit_in_tx!(tx, entry, Some(gallery_id));
        tx.commit().await?;
        Ok(Some(id))
    })
}

/// Removes a photo; returns its storage key to delete after the commit.
pub async fn remove_photo(db: &Db, gallery_id: i64, photo_id: i64, entry: &AuditEntry) -> DbResult<Option<String>> {
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let key: Option<String> =
            sqlx::query_scalar("DELETE FROM gallery_photos WHERE id = $1 AND gallery_id = $2 RETURNING storage_key")
                .bind(photo_id).bind(gallery_id).fetch_optional(&mut *tx).await?;
        if key.is_some() {
            audit_in_tx!(tx, entry, Some(gallery_id));
        }
        tx.commit().await?;
        Ok(key)
    })
}
