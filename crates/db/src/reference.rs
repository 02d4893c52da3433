//! Reference data: units, districts, categories and dialogue bodies.

use crate::audit::{AuditEntry, audit_in_tx};
use crate::{BeginWrite, Db, DbResult, now};
use agora_domain::reference::{DistrictInput, NamedInput, UnitInput};

/// A unit (wydział / jednostka).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Unit {
    pub id: i64,
    /// Short code.
    pub code: String,
    /// Polish name.
    pub name_pl: String,
    /// English name.
    pub name_en: Option<String>,
    /// Public contact.
    pub contact: Option<String>,
}

/// A district (dzielnica).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct District {
    pub id: i64,
    /// The district's number.
    pub number: i32,
    /// Its name.
    pub name: String,
}

/// A category or a dialogue body: a name in two languages.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Named {
    pub id: i64,
    /// Polish name.
    pub name_pl: String,
    /// English name.
    pub name_en: Option<String>,
}

/// The two kinds of reference data that are just a name in two languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NamedKind {
    /// Topic categories of consultations.
    Category,
    /// Civic dialogue bodies (KDO, RDPP, youth and senior councils).
    Body,
}

impl NamedKind {
    fn table(self) -> &'static str {
        match self {
            NamedKind::Category => "categories",
            NamedKind::Body => "dialogue_bodies",
        }
    }
}

/// All units by code.
pub async fn units(db: &Db) -> DbResult<Vec<Unit>> {
    on!(db, p => Ok(sqlx::query_as("SELECT id, code, name_pl, name_en, contact FROM units ORDER BY code").fetch_all(p).await?))
}

/// One unit.
pub async fn unit(db: &Db, id: i64) -> DbResult<Option<Unit>> {
    on!(db, p => Ok(sqlx::query_as("SELECT id, code, name_pl, name_en, contact FROM units WHERE id = $1").bind(id).fetch_optional(p).await?))
}

/// Adds a unit, or with `id` changes one; `Conflict` when the code is taken.
pub async fn save_unit(db: &Db, id: Option<i64>, u: &UnitInput, entry: &AuditEntry) -> DbResult<i64> {
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let id: i64 = match id {
            None => sqlx::query_scalar("INSERT INTO units (code, name_pl, name_en, contact, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id")
                .bind(&u.code).bind(&u.name_pl).bind(&u.name_en).bind(&u.contact).bind(now())
                .fetch_one(&mut *tx).await?,
            Some(id) => sqlx::query_scalar("UPDATE units SET code = $1, name_pl = $2, name_en = $3, contact = $4 WHERE id = $5 RETURNING id")
                .bind(&u.code).bind(&u.name_pl).bind(&u.name_en).bind(&u.contact).bind(id)
                .fetch_one(&mut *tx).await?,
        };
        audit_in_tx!(tx, entry, Some(id));
        tx.commit().await?;
        Ok(id)
    })
}

/// All districts by number.
pub async fn districts(db: &Db) -> DbResult<Vec<District>> {
    on!(db, p => Ok(sqlx::query_as("SELECT id, number, name FROM districts ORDER BY number").fetch_all(p).await?))
}

/// One district.
pub async fn district(db: &Db, id: i64) -> DbResult<Option<District>> {
    on!(db, p => Ok(sqlx::query_as("SELECT id, number, name FROM districts WHERE id = $1").bind(id).fetch_optional(p).await?))
}

/// What a district's page tells about its council.
#[derive(Debug, Clone, Default, sqlx::FromRow)]
pub struct Council {
    pub council_about: String,
    pub council_seat: String,
    pub council_hours: String,
    pub council_contact: String,
}

/// The council of district `id`, or `None` when there is no such district.
pub async fn council(db: &Db, id: i64) -> DbResult<Option<Council>> {
    on!(db, p => Ok(sqlx::query_as(
        "SELECT council_about, council_seat, council_hours, council_contact FROM districts WHERE id = $1",
    ).bind(id).fetch_optional(p).await?))
}

/// Saves what district `id`'s page tells about its council; `false` when there is no such district.
pub async fn save_council(
    db: &Db,
    id: i64,
    c: &agora_domain::council::CouncilInput,
    entry: &AuditEntry,
) -> DbResult<bool> {
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let done = sqlx::query(
            "UPDATE districts SET council_about = $1, council_seat = $2, council_hours = $3, council_contact = $4 WHERE id = $5",
        )
        .bind(&c.about).bind(&c.seat).bind(&c.hours).bind(&c.contact).bind(id)
        .execute(&mut *tx).await?.rows_affected() == 1;
        if done {
            audit_in_tx!(tx, entry, Some(id));
        }
        tx.commit().await?;
        Ok(done)
    })
}

/// Adds a district, or with `id` changes one; `Conflict` when the number is taken.
pub async fn save_district(db: &Db, id: Option<i64>, d: &DistrictInput, entry: &AuditEntry) -> DbResult<i64> {
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let id: i64 = match id {
            None => sqlx::query_scalar("INSERT INTO districts (number, name, created_at) VALUES ($1, $2, $3) RETURNING id")
                .bind(d.number).bind(&d.name).bind(now()).fetch_one(&mut *tx).await?,
            Some(id) => sqlx::query_scalar("UPDATE districts SET number = $1, name = $2 WHERE id = $3 RETURNING id")
                .bind(d.number).bind(&d.name).bind(id).fetch_one(&mut *tx).await?,
        };
        audit_in_tx!(tx, entry, Some(id));
        tx.commit().await?;
        Ok(id)
    })
}

/// All categories or bodies by Polish name.
pub async fn named(db: &Db, kind: NamedKind) -> DbResult<Vec<Named>> {
    let sql = format!("SELECT id, name_pl, name_en FROM {} ORDER BY name_pl", kind.table());
    on!(db, p => Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql)).fetch_all(p).await?))
}

/// One category or body.
pub async fn named_one(db: &Db, kind: NamedKind, id: i64) -> DbResult<Option<Named>> {
    let sql = format!("SELECT id, name_pl, name_en FROM {} WHERE id = $1", kind.table());
    on!(db, p => Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(p).await?))
}

/// Adds or changes a category or body; `Conflict` when the Polish name is taken.
pub async fn save_named(
    db: &Db,
    kind: NamedKind,
    id: Option<i64>,
    n: &NamedInput,
    entry: &AuditEntry,
) -> DbResult<i64> {
    let table = kind.table();
    // A body needs an address of its own; the one made from its name serves until it is edited.
    let (slug_col, slug_val) = if kind == NamedKind::Body { (", slug", ", $4") } else { ("", "") };
    let insert = format!(
        "INSERT INTO {table} (name_pl, name_en, created_at{slug_col}) VALUES ($1, $2, $3{slug_val}) RETURNING id"
    );
    let slug = agora_domain::consultation::slugify(&n.name_pl);
    let update = format!("UPDATE {table} SET name_pl = $1, name_en = $2 WHERE id = $3 RETURNING id");
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let id: i64 = match id {
            None => {
                let q = sqlx::query_scalar(sqlx::AssertSqlSafe(insert)).bind(&n.name_pl).bind(&n.name_en).bind(now());
                let q = if kind == NamedKind::Body { q.bind(&slug) } else { q };
                q.fetch_one(&mut *tx).await?
            }
            Some(id) => sqlx::query_scalar(sqlx::AssertSqlSafe(update)).bind(&n.name_pl).bind(&n.name_en).bind(id).fetch_one(&mut *tx).await?,
        };
        audit_in_tx!(tx, entry, Some(id));
        tx.commit().await?;
        Ok(id)
    })
}
