//! Civic dialogue bodies with their departments, themes, terms and dated memberships. Every
//! list is a fixed number of queries whatever its length; every change is one transaction
//! with its audit entry.

use crate::audit::{AuditEntry, audit_in_tx};
use crate::{BeginWrite, Db, DbResult, now};
use agora_domain::body::{BodyInput, BodyKind, MemberRole, MembershipInput, MembershipSpan, TermInput};
use chrono::NaiveDate;

/// A body as its page and its edit form show it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Body {
    pub id: i64,
    pub slug: String,
    pub name_pl: String,
    pub name_en: Option<String>,
    pub kind: BodyKind,
    pub legal_basis: Option<String>,
    /// Markdown.
    pub about: String,
    pub contact: Option<String>,
    pub statute_url: Option<String>,
}

const BODY_COLUMNS: &str =
    "b.id, b.slug, b.name_pl, b.name_en, b.kind, b.legal_basis, b.about, b.contact, b.statute_url";

/// Which bodies a list shows.
#[derive(Debug, Clone, Copy, Default)]
pub struct BodyFilter {
    pub kind: Option<BodyKind>,
    /// Only bodies with this theme (category).
    pub category: Option<i64>,
}

/// A body in a list, with how many members it has on the day asked.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct BodyListRow {
    pub id: i64,
    pub slug: String,
    pub name_pl: String,
    pub name_en: Option<String>,
    pub kind: BodyKind,
    pub members: i64,
}

/// Bodies matching `f` by name, each with its number of members on `today`.
pub async fn list(db: &Db, f: BodyFilter, today: NaiveDate) -> DbResult<Vec<BodyListRow>> {
    on!(db, p => Ok(sqlx::query_as(
        "SELECT b.id, b.slug, b.name_pl, b.name_en, b.kind, \
         (SELECT COUNT(*) FROM body_memberships m WHERE m.body_id = b.id AND m.starts_on <= $3 \
          AND (m.ends_on IS NULL OR m.ends_on >= $3)) AS members \
         FROM dialogue_bodies b \
         WHERE ($1 IS NULL OR b.kind = $1) \
         AND ($2 IS NULL OR EXISTS (SELECT 1 FROM body_categories bc WHERE bc.body_id = b.id AND bc.category_id = $2)) \
         ORDER BY b.name_pl",
    ).bind(f.kind).bind(f.category).bind(today).fetch_all(p).await?))
}

/// A department or theme linked to a body, with its names.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Linked {
    pub body_id: i64,
    pub id: i64,
    pub name_pl: String,
    pub name_en: Option<String>,
}

/// The themes of every body, for lists: one query for all of them.
pub async fn all_themes(db: &Db) -> DbResult<Vec<Linked>> {
    on!(db, p => Ok(sqlx::query_as(
        "SELECT bc.body_id, c.id, c.name_pl, c.name_en FROM body_categories bc \
         JOIN categories c ON c.id = bc.category_id ORDER BY c.name_pl",
    ).fetch_all(p).await?))
}

/// A term (kadencja) of a body.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Term {
    pub id: i64,
    pub name: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
}

/// A body with everything its page shows besides its members.
#[derive(Debug, Clone)]
pub struct BodyDetail {
    pub body: Body,
    /// Departments, by name.
    pub units: Vec<Linked>,
    /// Themes, by name.
    pub themes: Vec<Linked>,
    /// Terms, the latest first.
    pub terms: Vec<Term>,
}

/// Body `id`.
pub async fn by_id(db: &Db, id: i64) -> DbResult<Option<Body>> {
    let sql = format!("SELECT {BODY_COLUMNS} FROM dialogue_bodies b WHERE b.id = $1");
    on!(db, p => Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(p).await?))
}

/// The body at `slug` with its departments, themes and terms.
pub async fn by_slug(db: &Db, slug: &str) -> DbResult<Option<BodyDetail>> {
    let sql = format!("SELECT {BODY_COLUMNS} FROM dialogue_bodies b WHERE b.slug = $1");
    let body: Option<Body> = on!(db, p => sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(slug).fetch_optional(p).await?);
    match body {
        Some(body) => Ok(Some(detail(db, body).await?)),
        None => Ok(None),
    }
}

/// Body `id` with its departments, themes and terms.
pub async fn detail_by_id(db: &Db, id: i64) -> DbResult<Option<BodyDetail>> {
    match by_id(db, id).await? {
        Some(body) => Ok(Some(detail(db, body).await?)),
        None => Ok(None),
    }
}

async fn detail(db: &Db, body: Body) -> DbResult<BodyDetail> {
    let id = body.id;
    on!(db, p => {
        let units = sqlx::query_as(
            "SELECT bu.body_id, u.id, u.name_pl, u.name_en FROM body_units bu JOIN units u ON u.id = bu.unit_id \
             WHERE bu.body_id = $1 ORDER BY u.name_pl",
        ).bind(id).fetch_all(p).await?;
        let themes = sqlx::query_as(
            "SELECT bc.body_id, c.id, c.name_pl, c.name_en FROM body_categories bc JOIN categories c ON c.id = bc.category_id \
             WHERE bc.body_id = $1 ORDER BY c.name_pl",
        ).bind(id).fetch_all(p).await?;
        let terms = sqlx::query_as(
            "SELECT id, name, starts_on, ends_on FROM body_terms WHERE body_id = $1 ORDER BY starts_on DESC, id DESC",
        ).bind(id).fetch_all(p).await?;
        Ok(BodyDetail { body, units, themes, terms })
    })
}

/// One membership as the body's pages list it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Membership {
    pub id: i64,
    pub person_name: String,
    pub user_id: Option<i64>,
    pub role: MemberRole,
    pub voting: bool,
    pub organisation: Option<String>,
    pub term_id: Option<i64>,
    pub term_name: Option<String>,
    pub starts_on: NaiveDate,
    pub ends_on: Option<NaiveDate>,
}

impl Membership {
    /// The facts the domain's rules about memberships need.
    pub fn span(&self) -> MembershipSpan {
        MembershipSpan {
            user_id: self.user_id,
            person_name: self.person_name.clone(),
            role: self.role,
            starts_on: self.starts_on,
            ends_on: self.ends_on,
        }
    }
}

const MEMBERSHIP_SELECT: &str = "SELECT m.id, m.person_name, m.user_id, m.role, m.voting, m.organisation, m.term_id, \
     t.name AS term_name, m.starts_on, m.ends_on FROM body_memberships m LEFT JOIN body_terms t ON t.id = m.term_id";

/// Sorts by role (the chair first), then name: SQL would need the role order spelt out again.
fn by_role(mut list: Vec<Membership>) -> Vec<Membership> {
    list.sort_by(|a, b| a.role.rank().cmp(&b.role.rank()).then_with(|| a.person_name.cmp(&b.person_name)));
    list
}

/// A body's members on one day and those whose membership has ended before it.
#[derive(Debug, Clone, Default)]
pub struct Members {
    /// Memberships running on the day, by role.
    pub current: Vec<Membership>,
    /// Memberships that ended before the day, the latest ended first.
    pub former: Vec<Membership>,
}

/// Who sits on body `body` on `today`, and who sat on it before.
pub async fn members(db: &Db, body: i64, today: NaiveDate) -> DbResult<Members> {
    let current = format!(
        "{MEMBERSHIP_SELECT} WHERE m.body_id = $1 AND m.starts_on <= $2 AND (m.ends_on IS NULL OR m.ends_on >= $2)"
    );
    let former =
        format!("{MEMBERSHIP_SELECT} WHERE m.body_id = $1 AND m.ends_on < $2 ORDER BY m.ends_on DESC, m.person_name");
    on!(db, p => {
        let current: Vec<Membership> = sqlx::query_as(sqlx::AssertSqlSafe(current)).bind(body).bind(today).fetch_all(p).await?;
        let former = sqlx::query_as(sqlx::AssertSqlSafe(former)).bind(body).bind(today).fetch_all(p).await?;
        Ok(Members { current: by_role(current), former })
    })
}

/// Every membership of body `body`, past, present and to come, the latest start first.
pub async fn memberships(db: &Db, body: i64) -> DbResult<Vec<Membership>> {
    let sql = format!("{MEMBERSHIP_SELECT} WHERE m.body_id = $1 ORDER BY m.starts_on DESC, m.person_name");
    on!(db, p => Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(body).fetch_all(p).await?))
}

/// Membership `id` of body `body`; `None` when it belongs to another body.
pub async fn membership(db: &Db, body: i64, id: i64) -> DbResult<Option<Membership>> {
    let sql = format!("{MEMBERSHIP_SELECT} WHERE m.body_id = $1 AND m.id = $2");
    on!(db, p => Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(body).bind(id).fetch_optional(p).await?))
}

/// Adds a body, or with `id` changes one, with its departments and themes; `Conflict` when
/// the name or the address is taken (the message names which).
pub async fn save(db: &Db, id: Option<i64>, b: &BodyInput, entry: &AuditEntry) -> DbResult<i64> {
    save_linked(db, id, b, None, entry).await
}

/// Adds a body created on request `request` and links the request to it, in one transaction;
/// `Conflict` when the request has a body already (it was acted on meanwhile).
pub async fn create_for_request(db: &Db, b: &BodyInput, request: i64, entry: &AuditEntry) -> DbResult<i64> {
    save_linked(db, None, b, Some(request), entry).await
}

async fn save_linked(
    db: &Db,
    id: Option<i64>,
    b: &BodyInput,
    request: Option<i64>,
    entry: &AuditEntry,
) -> DbResult<i64> {
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let id: i64 = match id {
            None => sqlx::query_scalar(
                "INSERT INTO dialogue_bodies (name_pl, name_en, slug, kind, legal_basis, about, contact, statute_url, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
            )
            .bind(&b.name_pl).bind(&b.name_en).bind(&b.slug).bind(b.kind).bind(&b.legal_basis).bind(&b.about)
            .bind(&b.contact).bind(&b.statute_url).bind(now())
            .fetch_one(&mut *tx).await?,
            Some(id) => sqlx::query_scalar(
                "UPDATE dialogue_bodies SET name_pl = $1, name_en = $2, slug = $3, kind = $4, legal_basis = $5, about = $6, \
                 contact = $7, statute_url = $8 WHERE id = $9 RETURNING id",
            )
            .bind(&b.name_pl).bind(&b.name_en).bind(&b.slug).bind(b.kind).bind(&b.legal_basis).bind(&b.about)
            .bind(&b.contact).bind(&b.statute_url).bind(id)
            .fetch_one(&mut *tx).await?,
        };
        sqlx::query("DELETE FROM body_units WHERE body_id = $1").bind(id).execute(&mut *tx).await?;
        for unit in &b.units {
            sqlx::query("INSERT INTO body_units (body_id, unit_id) VALUES ($1, $2)").bind(id).bind(unit).execute(&mut *tx).await?;
        }
        sqlx::query("DELETE FROM body_categories WHERE body_id = $1").bind(id).execute(&mut *tx).await?;
        for category in &b.categories {
            sqlx::query("INSERT INTO body_categories (body_id, category_id) VALUES ($1, $2)")
                .bind(id).bind(category).execute(&mut *tx).await?;
        }
        if let Some(r) = request {
            let linked = sqlx::query("UPDATE body_requests SET body_id = $1 WHERE id = $2 AND body_id IS NULL")
                .bind(id).bind(r).execute(&mut *tx).await?.rows_affected();
            if linked == 0 {
                return Err(crate::DbError::Conflict("body_requests.body_id".into()));
            }
        }
        audit_in_tx!(tx, entry, Some(id));
        tx.commit().await?;
        Ok(id)
    })
}

/// Adds a term to body `body`.
pub async fn add_term(db: &Db, body: i64, t: &TermInput, entry: &AuditEntry) -> DbResult<i64> {
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO body_terms (body_id, name, starts_on, ends_on, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(body).bind(&t.name).bind(t.starts_on).bind(t.ends_on).bind(now())
        .fetch_one(&mut *tx).await?;
        audit_in_tx!(tx, entry, Some(body));
        tx.commit().await?;
        Ok(id)
    })
}

/// Adds a membership to body `body`; the caller has checked it against the body's others.
pub async fn add_membership(db: &Db, body: i64, m: &MembershipInput, entry: &AuditEntry) -> DbResult<i64> {
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO body_memberships (body_id, term_id, person_name, user_id, role, voting, organisation, starts_on, \
             ends_on, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
        )
        .bind(body).bind(m.term_id).bind(&m.person_name).bind(m.user_id).bind(m.role).bind(m.voting)
        .bind(&m.organisation).bind(m.starts_on).bind(m.ends_on).bind(now())
        .fetch_one(&mut *tx).await?;
        audit_in_tx!(tx, entry, Some(body));
        tx.commit().await?;
        Ok(id)
    })
}

/// Ends membership `id` of body `body` on `ends_on` (its last day); `false` when there is no
/// such membership in that body, and nothing is written.
pub async fn end_membership(db: &Db, body: i64, id: i64, ends_on: NaiveDate, entry: &AuditEntry) -> DbResult<bool> {
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let done = sqlx::query("UPDATE body_memberships SET ends_on = $1 WHERE id = $2 AND body_id = $3")
            .bind(ends_on).bind(id).bind(body)
            .execute(&mut *tx).await?.rows_affected();
        if done == 0 {
            return Ok(false);
        }
        audit_in_tx!(tx, entry, Some(body));
        tx.commit().await?;
        Ok(true)
    })
}
