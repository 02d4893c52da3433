//! Consultations: the record, its links to units, districts and categories, status
//! transitions, and the public catalogue query.

use crate::Val;
use crate::audit::{AuditEntry, audit_in_tx};
use crate::{BeginWrite, Db, DbResult, Page, now, text_list};
use agora_domain::consultation::LegalBasis;
use agora_domain::consultation::{ConsultationInput, Status};
use chrono::{DateTime, Utc};

/// A consultation as stored.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Consultation {
    pub id: i64,
    /// Address part.
    pub slug: String,
    pub title: String,
    /// One-paragraph summary for lists.
    pub summary: String,
    /// Markdown description.
    pub description: String,
    /// The subject under consultation.
    pub subject: String,
    /// `statutory` or `optional`.
    pub legal_basis: LegalBasis,
    /// The resolution or order that enables it.
    pub enabling_act: Option<String>,
    /// The organising unit.
    pub unit_id: i64,
    /// Organising unit's code.
    pub unit_code: String,
    /// Organising unit's Polish name.
    pub unit_name: String,
    /// Whole city, or only the linked districts.
    pub scope_citywide: bool,
    /// Comma-separated language codes the materials are in.
    pub languages: String,
    /// Contact person.
    pub contact_name: String,
    /// Contact e-mail.
    pub contact_email: Option<String>,
    /// Contact phone.
    pub contact_phone: Option<String>,
    /// Remarks must carry an e-mail address.
    pub require_email: bool,
    /// Remarks must carry an address or district.
    pub require_address: bool,
    /// Remarks may be sent without a name.
    pub allow_anonymous: bool,
    /// Privacy notice (RODO clause).
    pub privacy_notice: String,
    /// Easy-to-read summary.
    pub easy_read: Option<String>,
    /// Link to a Polish Sign Language video.
    pub sign_language_url: Option<String>,
    /// Lifecycle status name.
    pub status: Status,
    /// When it was announced.
    pub announced_at: Option<DateTime<Utc>>,
    /// When remarks open.
    pub opens_at: DateTime<Utc>,
    /// When remarks close.
    pub closes_at: DateTime<Utc>,
    /// Why it was published despite a broken rule.
    pub rules_justification: Option<String>,
    /// Why it was called off.
    pub cancellation_reason: Option<String>,
    /// Last change.
    pub updated_at: DateTime<Utc>,
}

impl Consultation {
    /// The consultation as the visibility rule sees it.
    pub fn as_item(&self) -> agora_domain::visibility::Item {
        agora_domain::visibility::Item::Consultation { status: self.status, unit: self.unit_id }
    }
}

const SELECT: &str = "SELECT c.id, c.slug, c.title, c.summary, c.description, c.subject, c.legal_basis, c.enabling_act, \
    c.unit_id, u.code AS unit_code, u.name_pl AS unit_name, c.scope_citywide, c.languages, c.contact_name, c.contact_email, \
    c.contact_phone, c.require_email, c.require_address, c.allow_anonymous, c.privacy_notice, c.easy_read, c.sign_language_url, \
    c.status, c.announced_at, c.opens_at, c.closes_at, c.rules_justification, c.cancellation_reason, c.updated_at \
    FROM consultations c JOIN units u ON u.id = c.unit_id";

/// What links a consultation to other records.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Links {
    /// Co-organising units.
    pub co_units: Vec<i64>,
    /// Districts concerned (empty for the whole city).
    pub districts: Vec<i64>,
    /// Topic categories.
    pub categories: Vec<i64>,
}

fn search_text(c: &ConsultationInput) -> String {
    format!("{} {} {}", c.title, c.summary, c.subject).to_lowercase()
}

/// Creates a draft; `Conflict` when the slug is taken.
pub async fn create(
    db: &Db,
    c: &ConsultationInput,
    unit_id: i64,
    languages: &str,
    links: &Links,
    entry: &AuditEntry,
) -> DbResult<i64> {
    let at = now();
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO consultations (slug, title, summary, description, subject, legal_basis, enabling_act, unit_id, scope_citywide, \
             languages, contact_name, contact_email, contact_phone, require_email, require_address, allow_anonymous, privacy_notice, \
             easy_read, sign_language_url, status, opens_at, closes_at, search_text, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, 'draft', $20, $21, $22, $23, $23) RETURNING id",
        )
        .bind(&c.slug).bind(&c.title).bind(&c.summary).bind(&c.description).bind(&c.subject).bind(c.legal_basis.as_str())
        .bind(&c.enabling_act).bind(unit_id).bind(c.scope_citywide).bind(languages).bind(&c.contact_name).bind(&c.contact_email)
        .bind(&c.contact_phone).bind(c.require_email).bind(c.require_address).bind(c.allow_anonymous).bind(&c.privacy_notice)
        .bind(&c.easy_read).bind(&c.sign_language_url).bind(c.opens_at).bind(c.closes_at).bind(search_text(c)).bind(at)
        .fetch_one(&mut *tx).await?;
        replace_links!(tx, id, links);
        audit_in_tx!(tx, entry, Some(id));
        tx.commit().await?;
        Ok(id)
    })
}

macro_rules! replace_links {
    ($tx:ident, $id:expr, $links:expr) => {{
        let links: &Links = $links;
        for (table, col, ids) in [
            ("consultation_units", "unit_id", &links.co_units),
            ("consultation_districts", "district_id", &links.districts),
            ("consultation_categories", "category_id", &links.categories),
        ] {
            sqlx::query(sqlx::AssertSqlSafe(format!("DELETE FROM {table} WHERE consultation_id = $1")))
                .bind($id)
                .execute(&mut *$tx)
                .await?;
            let mut seen = Vec::new();
            for other in ids {
                if seen.contains(other) {
                    continue;
                }
                seen.push(*other);
                sqlx::query(sqlx::AssertSqlSafe(format!(
                    "INSERT INTO {table} (consultation_id, {col}) VALUES ($1, $2)"
                )))
                .bind($id)
                .bind(*other)
                .execute(&mut *$tx)
                .await?;
            }
        }
    }};
}
use replace_links;

/// Saves the organiser's edits; `Conflict` when the new slug is taken.
pub async fn update(
    db: &Db,
    id: i64,
    c: &ConsultationInput,
    unit_id: i64,
    languages: &str,
    links: &Links,
    entry: &AuditEntry,
) -> DbResult<()> {
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        sqlx::query(
            "UPDATE consultations SET slug = $1, title = $2, summary = $3, description = $4, subject = $5, legal_basis = $6, \
             enabling_act = $7, unit_id = $8, scope_citywide = $9, languages = $10, contact_name = $11, contact_email = $12, \
             contact_phone = $13, require_email = $14, require_address = $15, allow_anonymous = $16, privacy_notice = $17, \
             easy_read = $18, sign_language_url = $19, opens_at = $20, closes_at = $21, search_text = $22, updated_at = $23 WHERE id = $24",
        )
        .bind(&c.slug).bind(&c.title).bind(&c.summary).bind(&c.description).bind(&c.subject).bind(c.legal_basis.as_str())
        .bind(&c.enabling_act).bind(unit_id).bind(c.scope_citywide).bind(languages).bind(&c.contact_name).bind(&c.contact_email)
        .bind(&c.contact_phone).bind(c.require_email).bind(c.require_address).bind(c.allow_anonymous).bind(&c.privacy_notice)
        .bind(&c.easy_read).bind(&c.sign_language_url).bind(c.opens_at).bind(c.closes_at).bind(search_text(c)).bind(now()).bind(id)
        .execute(&mut *tx).await?;
        replace_links!(tx, id, links);
        audit_in_tx!(tx, entry, Some(id));
        tx.commit().await?;
    });
    Ok(())
}

/// The consultation at `slug`.
pub async fn by_slug(db: &Db, slug: &str) -> DbResult<Option<Consultation>> {
    let sql = format!("{SELECT} WHERE c.slug = $1");
    on!(db, p => Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(slug).fetch_optional(p).await?))
}

/// The consultation with `id`.
pub async fn by_id(db: &Db, id: i64) -> DbResult<Option<Consultation>> {
    let sql = format!("{SELECT} WHERE c.id = $1");
    on!(db, p => Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(p).await?))
}

/// The ids linked to a consultation.
pub async fn links(db: &Db, id: i64) -> DbResult<Links> {
    on!(db, p => {
        let co_units = sqlx::query_scalar("SELECT unit_id FROM consultation_units WHERE consultation_id = $1 ORDER BY unit_id").bind(id).fetch_all(p).await?;
        let districts = sqlx::query_scalar("SELECT district_id FROM consultation_districts WHERE consultation_id = $1 ORDER BY district_id").bind(id).fetch_all(p).await?;
        let categories = sqlx::query_scalar("SELECT category_id FROM consultation_categories WHERE consultation_id = $1 ORDER BY category_id").bind(id).fetch_all(p).await?;
        Ok(Links { co_units, districts, categories })
    })
}

/// Moves `id` from `from` to `to` if nobody moved it meanwhile; records the step for the
/// feed and the audit log. Returns whether the move happened.
pub async fn transition(
    db: &Db,
    id: i64,
    from: Status,
    to: Status,
    justification: Option<&str>,
    entry: &AuditEntry,
) -> DbResult<bool> {
    transition_at(db, id, from, to, now(), justification, entry).await
}

/// [`transition`] dated `at`, for history loaded after the fact (demo data, imports).
///
/// Closing before the planned end makes the real end the end everywhere (page, report, PDF,
/// DOCX, calendar); the planned one stays in the audit log.
pub async fn transition_at(
    db: &Db,
    id: i64,
    from: Status,
    to: Status,
    at: DateTime<Utc>,
    justification: Option<&str>,
    entry: &AuditEntry,
) -> DbResult<bool> {
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let n = sqlx::query(
            "UPDATE consultations SET status = $1, updated_at = $2, \
             announced_at = CASE WHEN $1 IN ('announced', 'open') AND announced_at IS NULL THEN $2 ELSE announced_at END, \
             closes_at = CASE WHEN $1 = 'closed' AND closes_at > $2 THEN $2 ELSE closes_at END, \
             rules_justification = COALESCE($3, rules_justification) WHERE id = $4 AND status = $5",
        )
        .bind(to.as_str()).bind(at).bind(justification).bind(id).bind(from.as_str())
        .execute(&mut *tx).await?.rows_affected();
        if n == 1 {
            sqlx::query("INSERT INTO consultation_transitions (consultation_id, from_status, to_status, at, actor_label) VALUES ($1, $2, $3, $4, $5)")
                .bind(id).bind(from.as_str()).bind(to.as_str()).bind(at).bind(&entry.actor_label)
                .execute(&mut *tx).await?;
            audit_in_tx!(tx, entry, Some(id));
            if matches!(to, Status::Announced | Status::Open) {
                sqlx::query(crate::referrals::REFER).bind(id).bind(at).execute(&mut *tx).await?;
            }
        }
        tx.commit().await?;
        Ok(n == 1)
    })
}

/// Calls `id` off from `from` with the reason shown on its page, if nobody moved it meanwhile;
/// recorded like any other step. Returns whether it happened.
pub async fn cancel(db: &Db, id: i64, from: Status, reason: &str, entry: &AuditEntry) -> DbResult<bool> {
    let at = now();
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let n = sqlx::query(
            "UPDATE consultations SET status = 'cancelled', updated_at = $1, cancellation_reason = $2 WHERE id = $3 AND status = $4",
        )
        .bind(at).bind(reason).bind(id).bind(from.as_str())
        .execute(&mut *tx).await?.rows_affected();
        if n == 1 {
            sqlx::query("INSERT INTO consultation_transitions (consultation_id, from_status, to_status, at, actor_label) VALUES ($1, $2, 'cancelled', $3, $4)")
                .bind(id).bind(from.as_str()).bind(at).bind(&entry.actor_label)
                .execute(&mut *tx).await?;
            audit_in_tx!(tx, entry, Some(id));
        }
        tx.commit().await?;
        Ok(n == 1)
    })
}

/// Deletes `id` with everything that hangs on it, if it is still a draft. Returns the storage
/// keys of its files, for the caller to remove once the rows are gone, or `None` when nothing
/// was deleted.
pub async fn delete_draft(db: &Db, id: i64, entry: &AuditEntry) -> DbResult<Option<Vec<String>>> {
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let mut keys: Vec<String> = sqlx::query_scalar(
            "SELECT v.storage_key FROM document_versions v JOIN documents d ON d.id = v.document_id WHERE d.consultation_id = $1",
        ).bind(id).fetch_all(&mut *tx).await?;
        let attachments: Vec<String> = sqlx::query_scalar(
            "SELECT attachment_key FROM submissions WHERE consultation_id = $1 AND attachment_key IS NOT NULL",
        ).bind(id).fetch_all(&mut *tx).await?;
        keys.extend(attachments);
        let n = sqlx::query("DELETE FROM consultations WHERE id = $1 AND status = 'draft'")
            .bind(id).execute(&mut *tx).await?.rows_affected();
        if n != 1 {
            return Ok(None);
        }
        audit_in_tx!(tx, entry, Some(id));
        tx.commit().await?;
        Ok(Some(keys))
    })
}

/// Consultations whose dates may call for an automatic transition now.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Due {
    pub id: i64,
    /// Current status.
    pub status: Status,
    /// Announcement time.
    pub announced_at: Option<DateTime<Utc>>,
    /// Opening time.
    pub opens_at: DateTime<Utc>,
    /// Closing time.
    pub closes_at: DateTime<Utc>,
}

/// Announced consultations past their opening and open ones past their closing.
pub async fn due(db: &Db, at: DateTime<Utc>) -> DbResult<Vec<Due>> {
    on!(db, p => Ok(sqlx::query_as(
        "SELECT id, status, announced_at, opens_at, closes_at FROM consultations \
         WHERE (status = 'announced' AND opens_at <= $1) OR (status = 'open' AND closes_at <= $1) ORDER BY id LIMIT 500",
    ).bind(at).fetch_all(p).await?))
}

/// Which tab of the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    /// Announced, not yet open.
    Planned,
    /// Open for remarks.
    Open,
    /// Closed, reported, archived or cancelled.
    Finished,
    /// Every public consultation.
    All,
}

/// Sort order of the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    /// Soonest to close first (default for open ones).
    Closing,
    /// Most recently opened first.
    Newest,
    /// By title.
    Title,
}

/// Catalogue filters; every one optional.
#[derive(Debug, Clone)]
pub struct CatalogueFilter {
    pub tab: Tab,
    /// Concerning this district (city-wide ones included).
    pub district: Option<i64>,
    /// In this category.
    pub category: Option<i64>,
    /// Organised or co-organised by this unit.
    pub unit: Option<i64>,
    /// Opening between these instants (a calendar year in Warsaw).
    pub opens_between: Option<(DateTime<Utc>, DateTime<Utc>)>,
    /// Words that must all appear in the title, summary or subject (already lower-cased).
    pub words: Vec<String>,
    pub sort: Sort,
}

/// One row of the catalogue.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CatalogueRow {
    pub id: i64,
    /// Address part.
    pub slug: String,
    pub title: String,
    pub summary: String,
    /// Status name.
    pub status: Status,
    pub opens_at: DateTime<Utc>,
    pub closes_at: DateTime<Utc>,
    /// Organiser's code.
    pub unit_code: String,
    /// Organiser's name.
    pub unit_name: String,
    /// Whole city.
    pub scope_citywide: bool,
}

/// One page of the public catalogue.
pub async fn catalogue(db: &Db, f: &CatalogueFilter, limit: i64, offset: i64) -> DbResult<Page<CatalogueRow>> {
    let (where_sql, vals) = catalogue_where(f, f.tab);
    let order = match f.sort {
        Sort::Closing => "c.closes_at ASC, c.id",
        Sort::Newest => "c.opens_at DESC, c.id DESC",
        Sort::Title => "c.title ASC, c.id",
    };
    let n = vals.len();
    let list = format!(
        "SELECT c.id, c.slug, c.title, c.summary, c.status, c.opens_at, c.closes_at, u.code AS unit_code, u.name_pl AS unit_name, c.scope_citywide \
         FROM consultations c JOIN units u ON u.id = c.unit_id WHERE {where_sql} ORDER BY {order} LIMIT ${} OFFSET ${}",
        n + 1,
        n + 2
    );
    let count = format!("SELECT COUNT(*) FROM consultations c WHERE {where_sql}");
    on!(db, p => {
        let items = bind_all!(sqlx::query_as::<_, CatalogueRow>(sqlx::AssertSqlSafe(list)), &vals).bind(limit).bind(offset).fetch_all(p).await?;
        let total: i64 = bind_all!(sqlx::query_scalar(sqlx::AssertSqlSafe(count)), &vals).fetch_one(p).await?;
        Ok(Page { items, total })
    })
}

/// How many consultations each tab of the catalogue holds under the filter's other
/// conditions, in one query: a search that finds nothing in one tab says where its results are.
pub async fn catalogue_tab_counts(db: &Db, f: &CatalogueFilter) -> DbResult<TabCounts> {
    let (where_sql, vals) = catalogue_where(f, Tab::All);
    let sql = format!(
        "SELECT COALESCE(SUM(CASE WHEN c.status = 'open' THEN 1 ELSE 0 END), 0), \
         COALESCE(SUM(CASE WHEN c.status = 'announced' THEN 1 ELSE 0 END), 0), \
         COALESCE(SUM(CASE WHEN c.status IN ('closed', 'report_published', 'archived', 'cancelled') THEN 1 ELSE 0 END), 0) \
         FROM consultations c WHERE {where_sql}"
    );
    on!(db, p => {
        let (open, planned, finished): (i64, i64, i64) =
            bind_all!(sqlx::query_as(sqlx::AssertSqlSafe(sql)), &vals).fetch_one(p).await?;
        Ok(TabCounts { open, planned, finished })
    })
}

/// The number of consultations in each tab of the catalogue.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TabCounts {
    pub open: i64,
    pub planned: i64,
    pub finished: i64,
}

/// The `WHERE` of the catalogue for `tab` under `f`'s conditions, with its values in order.
fn catalogue_where(f: &CatalogueFilter, tab: Tab) -> (String, Vec<Val>) {
    let mut vals: Vec<Val> = Vec::new();
    let arg = |v: Val, vals: &mut Vec<Val>| {
        vals.push(v);
        format!("${}", vals.len())
    };
    let mut wh = vec![match tab {
        Tab::Planned => "c.status = 'announced'".to_owned(),
        Tab::Open => "c.status = 'open'".to_owned(),
        Tab::Finished => "c.status IN ('closed', 'report_published', 'archived', 'cancelled')".to_owned(),
        Tab::All => format!("c.status IN ({})", text_list(&Status::PUBLIC)),
    }];
    if let Some(d) = f.district {
        let a = arg(Val::I(d), &mut vals);
        wh.push(format!("(c.scope_citywide OR EXISTS (SELECT 1 FROM consultation_districts cd WHERE cd.consultation_id = c.id AND cd.district_id = {a}))"));
    }
    if let Some(cat) = f.category {
        let a = arg(Val::I(cat), &mut vals);
        wh.push(format!(
            "EXISTS (SELECT 1 FROM consultation_categories cc WHERE cc.consultation_id = c.id AND cc.category_id = {a})"
        ));
    }
    if let Some(u) = f.unit {
        let a = arg(Val::I(u), &mut vals);
        wh.push(format!("(c.unit_id = {a} OR EXISTS (SELECT 1 FROM consultation_units cu WHERE cu.consultation_id = c.id AND cu.unit_id = {a}))"));
    }
    if let Some((from, until)) = f.opens_between {
        let a = arg(Val::T(from), &mut vals);
        let b = arg(Val::T(until), &mut vals);
        wh.push(format!("c.opens_at >= {a} AND c.opens_at < {b}"));
    }
    for w in f.words.iter().take(8) {
        let a = arg(Val::S(crate::contains_pattern(w)), &mut vals);
        wh.push(format!("c.search_text LIKE {a} ESCAPE '\\'"));
    }
    (wh.join(" AND "), vals)
}

/// Consultations of the given units (all when `units` is `None`), for the organiser's list.
pub async fn for_units(db: &Db, units: Option<&[i64]>, limit: i64, offset: i64) -> DbResult<Page<CatalogueRow>> {
    let filter = match units {
        None => "1 = 1".to_owned(),
        Some([]) => "1 = 0".to_owned(),
        Some(ids) => {
            let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(", ");
            format!(
                "(c.unit_id IN ({list}) OR EXISTS (SELECT 1 FROM consultation_units cu WHERE cu.consultation_id = c.id AND cu.unit_id IN ({list})))"
            )
        }
    };
    let list = format!(
        "SELECT c.id, c.slug, c.title, c.summary, c.status, c.opens_at, c.closes_at, u.code AS unit_code, u.name_pl AS unit_name, c.scope_citywide \
         FROM consultations c JOIN units u ON u.id = c.unit_id WHERE {filter} ORDER BY c.updated_at DESC, c.id DESC LIMIT $1 OFFSET $2"
    );
    let count = format!("SELECT COUNT(*) FROM consultations c WHERE {filter}");
    on!(db, p => {
        let items = sqlx::query_as(sqlx::AssertSqlSafe(list)).bind(limit).bind(offset).fetch_all(p).await?;
        let total: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(count)).fetch_one(p).await?;
        Ok(Page { items, total })
    })
}

/// A step in a consultation's public history, for the Atom feed.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct TransitionRow {
    /// Row id.
    pub id: i64,
    /// Consultation's address part.
    pub slug: String,
    /// Its title.
    pub title: String,
    /// Its summary.
    pub summary: String,
    /// Status it moved to.
    pub to_status: String,
    pub at: DateTime<Utc>,
    /// Organiser's name.
    pub unit_name: String,
}

/// The latest public steps (announced, opened, closed, report published), newest first.
pub async fn recent_transitions(db: &Db, limit: i64) -> DbResult<Vec<TransitionRow>> {
    // The consultation's current status counts too: one taken back to draft must not keep
    // publishing its later edits under an old step.
    let sql = format!(
        "SELECT t.id, c.slug, c.title, c.summary, t.to_status, t.at, u.name_pl AS unit_name FROM consultation_transitions t \
         JOIN consultations c ON c.id = t.consultation_id JOIN units u ON u.id = c.unit_id \
         WHERE t.to_status IN ('announced', 'open', 'closed', 'report_published') AND c.status IN ({}) \
         ORDER BY t.at DESC, t.id DESC LIMIT $1",
        text_list(&Status::PUBLIC)
    );
    on!(db, p => Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str())).bind(limit).fetch_all(p).await?))
}

/// The distinct years (UTC) in which public consultations opened, newest first.
pub async fn years(db: &Db) -> DbResult<Vec<i32>> {
    let public = text_list(&Status::PUBLIC);
    let years: Vec<i32> = match db {
        Db::Sqlite(p) => sqlx::query_scalar(sqlx::AssertSqlSafe(format!("SELECT DISTINCT CAST(substr(opens_at, 1, 4) AS INTEGER) AS y FROM consultations WHERE status IN ({public}) ORDER BY y DESC")))
            .fetch_all(p).await?,
        Db::Postgres(p) => sqlx::query_scalar(sqlx::AssertSqlSafe(format!("SELECT DISTINCT EXTRACT(YEAR FROM opens_at)::int AS y FROM consultations WHERE status IN ({public}) ORDER BY y DESC")))
            .fetch_all(p).await?,
    };
    Ok(years)
}
