//! News posts, their categories and attachments. Public lists read only posts whose
//! publication time has come (`publish_at <= now`), newest first, through the indexes on
//! `publish_at`; editors' lists read everything within their reach.

use crate::audit::{AuditEntry, audit_in_tx};
use crate::documents::NewFile;
use crate::{BeginWrite, Db, DbResult, Page, Val, now};
use agora_domain::news::{NewsInput, Subject};
use chrono::{DateTime, Utc};

/// A post as stored, without its body text where a list does not need it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct NewsRow {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub title_en: Option<String>,
    pub lead: String,
    pub lead_en: Option<String>,
    pub district_id: Option<i64>,
    pub body_id: Option<i64>,
    /// The district's name, when the post is about one.
    pub district_name: Option<String>,
    /// The body's Polish name, when the post is about one.
    pub body_name: Option<String>,
    pub body_name_en: Option<String>,
    /// The body's address part, for a link to its page.
    pub body_slug: Option<String>,
    /// Key of the lead image in the object store.
    pub image_key: Option<String>,
    pub image_type: Option<String>,
    pub image_alt: Option<String>,
    pub image_alt_en: Option<String>,
    pub publish_at: Option<DateTime<Utc>>,
    pub author_name: String,
    pub updated_at: DateTime<Utc>,
}

impl NewsRow {
    /// What the post is about.
    pub fn subject(&self) -> Subject {
        Subject { district: self.district_id, body: self.body_id }
    }
}

/// A whole post: its row, its texts, categories and attachments.
#[derive(Debug, Clone)]
pub struct News {
    pub row: NewsRow,
    pub body: String,
    pub body_en: Option<String>,
    /// Category ids.
    pub categories: Vec<i64>,
    pub files: Vec<NewsFile>,
}

/// An attachment of a post.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct NewsFile {
    pub id: i64,
    pub news_id: i64,
    pub title: String,
    pub filename: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub storage_key: String,
}

/// A lead image as stored with a post.
#[derive(Debug, Clone)]
pub struct Image {
    pub key: String,
    pub content_type: String,
}

/// What a save does to the lead image.
#[derive(Debug, Clone)]
pub enum ImageChange {
    /// Keeps the one the post has (or none).
    Keep,
    /// Puts this one in place of any other.
    Set(Image),
    /// Takes it away.
    Remove,
}

const ROW_COLS: &str = "n.id, n.slug, n.title, n.title_en, n.lead, n.lead_en, n.district_id, n.body_id, \
     d.name AS district_name, b.name_pl AS body_name, b.name_en AS body_name_en, b.slug AS body_slug, n.image_key, n.image_type, n.image_alt, n.image_alt_en, \
     n.publish_at, n.author_name, n.updated_at";
const ROW_FROM: &str =
    "news n LEFT JOIN districts d ON d.id = n.district_id LEFT JOIN dialogue_bodies b ON b.id = n.body_id";

fn search_text(n: &NewsInput) -> String {
    [Some(&n.title), Some(&n.lead), n.title_en.as_ref(), n.lead_en.as_ref()]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Stores a new post with its categories; returns its id and slug.
pub async fn create(
    db: &Db,
    n: &NewsInput,
    categories: &[i64],
    image: Option<&Image>,
    author: (Option<i64>, &str),
    entry: &AuditEntry,
) -> DbResult<(i64, String)> {
    let at = now();
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO news (slug, title, title_en, lead, lead_en, body, body_en, search_text, district_id, body_id, \
             image_key, image_type, image_alt, image_alt_en, publish_at, author_id, author_name, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19) RETURNING id",
        )
        .bind(crate::random_token()).bind(&n.title).bind(&n.title_en).bind(&n.lead).bind(&n.lead_en).bind(&n.body)
        .bind(&n.body_en).bind(search_text(n)).bind(n.subject.district).bind(n.subject.body)
        .bind(image.map(|i| i.key.as_str())).bind(image.map(|i| i.content_type.as_str()))
        .bind(&n.image_alt).bind(&n.image_alt_en).bind(n.publish_at).bind(author.0).bind(author.1).bind(at).bind(at)
        .fetch_one(&mut *tx).await?;
        let slug = agora_domain::news::slug(&n.title, id);
        sqlx::query("UPDATE news SET slug = $1 WHERE id = $2").bind(&slug).bind(id).execute(&mut *tx).await?;
        for c in categories {
            sqlx::query("INSERT INTO news_categories (news_id, category_id) VALUES ($1, $2)")
                .bind(id).bind(c).execute(&mut *tx).await?;
        }
        audit_in_tx!(tx, entry, Some(id));
        tx.commit().await?;
        Ok((id, slug))
    })
}

/// Saves an edited post; returns the key of an image it no longer uses (to delete from the
/// store after the commit), or `None` when the post is gone.
pub async fn update(
    db: &Db,
    id: i64,
    n: &NewsInput,
    categories: &[i64],
    image: &ImageChange,
    entry: &AuditEntry,
) -> DbResult<Option<Option<String>>> {
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let old: Option<Option<String>> = sqlx::query_scalar("SELECT image_key FROM news WHERE id = $1")
            .bind(id).fetch_optional(&mut *tx).await?;
        let Some(old) = old else { return Ok(None) };
        let (key, ctype, dropped) = match image {
            ImageChange::Keep => (old.clone(), None, None),
            ImageChange::Set(i) => (Some(i.key.clone()), Some(i.content_type.clone()), old),
            ImageChange::Remove => (None, None, old),
        };
        sqlx::query(
            "UPDATE news SET slug = $1, title = $2, title_en = $3, lead = $4, lead_en = $5, body = $6, body_en = $7, \
             search_text = $8, district_id = $9, body_id = $10, image_key = $11, \
             image_type = COALESCE($12, CASE WHEN $11 IS NULL THEN NULL ELSE image_type END), \
             image_alt = $13, image_alt_en = $14, publish_at = $15, updated_at = $16 WHERE id = $17",
        )
        .bind(agora_domain::news::slug(&n.title, id)).bind(&n.title).bind(&n.title_en).bind(&n.lead).bind(&n.lead_en)
        .bind(&n.body).bind(&n.body_en).bind(search_text(n)).bind(n.subject.district).bind(n.subject.body)
        .bind(&key).bind(ctype).bind(&n.image_alt).bind(&n.image_alt_en).bind(n.publish_at).bind(now()).bind(id)
        .execute(&mut *tx).await?;
        sqlx::query("DELETE FROM news_categories WHERE news_id = $1").bind(id).execute(&mut *tx).await?;
        for c in categories {
            sqlx::query("INSERT INTO news_categories (news_id, category_id) VALUES ($1, $2)")
                .bind(id).bind(c).execute(&mut *tx).await?;
        }
        audit_in_tx!(tx, entry, Some(id));
        tx.commit().await?;
        Ok(Some(dropped))
    })
}

/// The post with `id`, whatever its stage.
pub async fn get(db: &Db, id: i64) -> DbResult<Option<News>> {
    let sql = format!("SELECT {ROW_COLS}, n.body, n.body_en FROM {ROW_FROM} WHERE n.id = $1");
    on!(db, p => {
        let row: Option<NewsRowWithBody> = sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(p).await?;
        let Some(r) = row else { return Ok(None) };
        let categories: Vec<i64> =
            sqlx::query_scalar("SELECT category_id FROM news_categories WHERE news_id = $1 ORDER BY category_id")
                .bind(id).fetch_all(p).await?;
        let files: Vec<NewsFile> = sqlx::query_as(
            "SELECT id, news_id, title, filename, content_type, size_bytes, storage_key FROM news_files \
             WHERE news_id = $1 ORDER BY id",
        )
        .bind(id).fetch_all(p).await?;
        Ok(Some(News { row: r.row, body: r.body, body_en: r.body_en, categories, files }))
    })
}

#[derive(sqlx::FromRow)]
struct NewsRowWithBody {
    #[sqlx(flatten)]
    row: NewsRow,
    body: String,
    body_en: Option<String>,
}

/// Which published posts a list shows.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub district: Option<i64>,
    pub body: Option<i64>,
    pub category: Option<i64>,
    /// Posts published between these instants (a calendar year in Warsaw).
    pub published_between: Option<(DateTime<Utc>, DateTime<Utc>)>,
    /// Lower-case words, each of which the title or lead must contain.
    pub words: Vec<String>,
}

/// One page of posts published by `now`, newest first.
pub async fn published(db: &Db, f: &Filter, now: DateTime<Utc>, limit: i64, offset: i64) -> DbResult<Page<NewsRow>> {
    let mut vals = vec![Val::T(now)];
    let mut wh = vec!["n.publish_at IS NOT NULL".to_owned(), "n.publish_at <= $1".to_owned()];
    let arg = |v: Val, vals: &mut Vec<Val>| {
        vals.push(v);
        format!("${}", vals.len())
    };
    if let Some(d) = f.district {
        let a = arg(Val::I(d), &mut vals);
        wh.push(format!("n.district_id = {a}"));
    }
    if let Some(b) = f.body {
        let a = arg(Val::I(b), &mut vals);
        wh.push(format!("n.body_id = {a}"));
    }
    if let Some(c) = f.category {
        let a = arg(Val::I(c), &mut vals);
        wh.push(format!("EXISTS (SELECT 1 FROM news_categories nc WHERE nc.news_id = n.id AND nc.category_id = {a})"));
    }
    if let Some(y) = f.published_between {
        let a = arg(Val::T(y.0), &mut vals);
        let b = arg(Val::T(y.1), &mut vals);
        wh.push(format!("n.publish_at >= {a} AND n.publish_at < {b}"));
    }
    for w in f.words.iter().take(8) {
        let a = arg(Val::S(crate::contains_pattern(w)), &mut vals);
        wh.push(format!("n.search_text LIKE {a} ESCAPE '\\'"));
    }
    let where_sql = wh.join(" AND ");
    let n = vals.len();
    let list = format!(
        "SELECT {ROW_COLS} FROM {ROW_FROM} WHERE {where_sql} ORDER BY n.publish_at DESC, n.id DESC LIMIT ${} OFFSET ${}",
        n + 1,
        n + 2
    );
    let count = format!("SELECT COUNT(*) FROM news n WHERE {where_sql}");
    on!(db, p => {
        let items = bind_all!(sqlx::query_as(sqlx::AssertSqlSafe(list)), &vals).bind(limit).bind(offset).fetch_all(p).await?;
        let total: i64 = bind_all!(sqlx::query_scalar(sqlx::AssertSqlSafe(count)), &vals).fetch_one(p).await?;
        Ok(Page { items, total })
    })
}

/// The years from the first post published by `now` to the latest, newest first: two reads of
/// the index on `publish_at`, whatever the number of posts.
pub async fn years(db: &Db, now: DateTime<Utc>) -> DbResult<Vec<i32>> {
    let (first, last): (Option<DateTime<Utc>>, Option<DateTime<Utc>>) = on!(db, p => sqlx::query_as(
        "SELECT MIN(publish_at), MAX(publish_at) FROM news WHERE publish_at IS NOT NULL AND publish_at <= $1",
    ).bind(now).fetch_one(p).await?);
    Ok(match (first, last) {
        (Some(a), Some(b)) => (chrono::Datelike::year(&a)..=chrono::Datelike::year(&b)).rev().collect(),
        _ => vec![],
    })
}

/// Posts within an editor's reach, newest change first: all for the Centre's editors
/// (`reach` is `None`), else those about the given districts or bodies.
pub async fn for_editor(db: &Db, reach: Option<(&[i64], &[i64])>, limit: i64, offset: i64) -> DbResult<Page<NewsRow>> {
    let ids = |v: &[i64]| {
        if v.is_empty() { "NULL".to_owned() } else { v.iter().map(i64::to_string).collect::<Vec<_>>().join(", ") }
    };
    let filter = match reach {
        None => "1 = 1".to_owned(),
        Some((districts, bodies)) => format!(
            "((n.district_id IN ({}) AND n.body_id IS NULL) OR (n.body_id IN ({}) AND n.district_id IS NULL))",
            ids(districts),
            ids(bodies)
        ),
    };
    let list = format!(
        "SELECT {ROW_COLS} FROM {ROW_FROM} WHERE {filter} ORDER BY n.updated_at DESC, n.id DESC LIMIT $1 OFFSET $2"
    );
    let count = format!("SELECT COUNT(*) FROM news n WHERE {filter}");
    on!(db, p => {
        let items = sqlx::query_as(sqlx::AssertSqlSafe(list)).bind(limit).bind(offset).fetch_all(p).await?;
        let total: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(count)).fetch_one(p).await?;
        Ok(Page { items, total })
    })
}

/// The earliest publication time after `now`: when the next scheduled post goes public.
pub async fn next_scheduled(db: &Db, now: DateTime<Utc>) -> DbResult<Option<DateTime<Utc>>> {
    on!(db, p => Ok(sqlx::query_scalar("SELECT MIN(publish_at) FROM news WHERE publish_at > $1").bind(now).fetch_one(p).await?))
}

/// Adds an attachment (already in the object store) to a post; `None` when the post is gone.
pub async fn add_file(db: &Db, news_id: i64, title: &str, f: &NewFile, entry: &AuditEntry) -> DbResult<Option<i64>> {
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let found: Option<i64> =
            sqlx::query_scalar("SELECT id FROM news WHERE id = $1").bind(news_id).fetch_optional(&mut *tx).await?;
        if found.is_none() {
            return Ok(None);
        }
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO news_files (news_id, title, filename, content_type, size_bytes, storage_key, uploaded_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(news_id).bind(title).bind(&f.filename).bind(&f.content_type).bind(f.size_bytes).bind(&f.storage_key).bind(now())
        .fetch_one(&mut *tx).await?;
        sqlx::query("UPDATE news SET updated_at = $1 WHERE id = $2").bind(now()).bind(news_id).execute(&mut *tx).await?;
        audit_in_tx!(tx, entry, Some(news_id));
        tx.commit().await?;
        Ok(Some(id))
    })
}

/// Removes an attachment; returns its storage key to delete after the commit.
pub async fn remove_file(db: &Db, news_id: i64, file_id: i64, entry: &AuditEntry) -> DbResult<Option<String>> {
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let key: Option<String> = sqlx::query_scalar("DELETE FROM news_files WHERE id = $1 AND news_id = $2 RETURNING storage_key")
            .bind(file_id).bind(news_id).fetch_optional(&mut *tx).await?;
        if key.is_some() {
            audit_in_tx!(tx, entry, Some(news_id));
        }
        tx.commit().await?;
        Ok(key)
    })
}
