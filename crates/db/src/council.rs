//! District councils' terms, councillors, their memberships and duty hours. A council's page
//! reads everything of one district in four queries (terms, councillors, memberships, duty
//! hours), whatever the number of councillors; memberships are ended, never deleted.

use crate::audit::{AuditEntry, audit_in_tx};
use crate::news::{Image, ImageChange};
use crate::{BeginWrite, Db, DbResult, now};
use agora_domain::body::TermInput;
use agora_domain::council::{CouncilRole, CouncillorInput, DutyInput, Seat, SeatInput, TermSpan};
use chrono::{DateTime, NaiveDate, Utc};

/// A term (kadencja) of a council.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Term {
    pub id: i64,
    pub name: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
}

impl Term {
    /// The term as the membership rules see it.
    pub fn span(&self) -> TermSpan {
        TermSpan { id: self.id, starts_on: self.starts_on, ends_on: self.ends_on }
    }
}

/// A councillor of a district, past or present.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Councillor {
    pub id: i64,
    pub district_id: i64,
    pub name: String,
    pub constituency: String,
    pub committees: String,
    pub contact: String,
    pub photo_key: Option<String>,
    pub photo_type: Option<String>,
    pub photo_alt: Option<String>,
    pub updated_at: DateTime<Utc>,
}

/// A membership of a councillor in a term, in a role.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SeatRow {
    pub id: i64,
    pub councillor_id: i64,
    pub term_id: i64,
    pub role: CouncilRole,
    pub starts_on: NaiveDate,
    pub ends_on: Option<NaiveDate>,
}

impl SeatRow {
    /// The membership as the overlap rules see it.
    pub fn seat(&self) -> Seat {
        Seat { councillor_id: self.councillor_id, role: self.role, starts_on: self.starts_on, ends_on: self.ends_on }
    }
}

/// Duty hours of a district's council.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Duty {
    pub id: i64,
    pub district_id: i64,
    pub councillor_id: Option<i64>,
    /// The councillor on duty, when one is named.
    pub councillor_name: Option<String>,
    /// The district's number and name, for a link to its council.
    pub district_number: i32,
    pub district_name: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub place: String,
    pub updated_at: DateTime<Utc>,
}

/// Everything a district's council page shows of its people.
#[derive(Debug, Clone, Default)]
pub struct CouncilPeople {
    /// Terms, the latest first.
    pub terms: Vec<Term>,
    /// Councillors by name.
    pub councillors: Vec<Councillor>,
    /// Memberships of all terms, by start.
    pub seats: Vec<SeatRow>,
}

/// The terms of district `district`'s council, the latest first.
pub async fn terms(db: &Db, district: i64) -> DbResult<Vec<Term>> {
    on!(db, p => Ok(sqlx::query_as(
        "SELECT id, name, starts_on, ends_on FROM council_terms WHERE district_id = $1 ORDER BY starts_on DESC",
    ).bind(district).fetch_all(p).await?))
}

const COUNCILLOR_COLS: &str = "id, district_id, name, constituency, committees, contact, photo_key, photo_type, photo_alt, \
     updated_at";

/// The terms, councillors and memberships of district `district`'s council.
pub async fn people(db: &Db, district: i64) -> DbResult<CouncilPeople> {
    let councillors = format!("SELECT {COUNCILLOR_COLS} FROM councillors WHERE district_id = $1 ORDER BY name, id");
    let seats = "SELECT s.id, s.councillor_id, s.term_id, s.role, s.starts_on, s.ends_on FROM council_memberships s \
         JOIN councillors c ON c.id = s.councillor_id WHERE c.district_id = $1 ORDER BY s.starts_on, s.id";
    let terms = terms(db, district).await?;
    on!(db, p => {
        let councillors = sqlx::query_as(sqlx::AssertSqlSafe(councillors)).bind(district).fetch_all(p).await?;
        let seats = sqlx::query_as(seats).bind(district).fetch_all(p).await?;
        Ok(CouncilPeople { terms, councillors, seats })
    })
}

/// Councillor `id` of district `district`; `None` when they belong to another district.
pub async fn councillor(db: &Db, district: i64, id: i64) -> DbResult<Option<Councillor>> {
    let sql = format!("SELECT {COUNCILLOR_COLS} FROM councillors WHERE district_id = $1 AND id = $2");
    on!(db, p => Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(district).bind(id).fetch_optional(p).await?))
}

/// Adds a term to district `district`'s council; `Conflict` when its name is taken.
pub async fn add_term(db: &Db, district: i64, t: &TermInput, entry: &AuditEntry) -> DbResult<i64> {
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO council_terms (district_id, name, starts_on, ends_on, created_at) VALUES ($1, $2, $3, $4, $5) \
             RETURNING id",
        )
        .bind(district).bind(&t.name).bind(t.starts_on).bind(t.ends_on).bind(now())
        .fetch_one(&mut *tx).await?;
        audit_in_tx!(tx, entry, Some(district));
        tx.commit().await?;
        Ok(id)
    })
}

/// Adds a councillor to district `district`, or with `id` changes one; returns the id and the
/// key of a photo no longer used (to delete from the store after the commit), or `None` when
/// `id` names no councillor of the district.
pub async fn save_councillor(
    db: &Db,
    district: i64,
    id: Option<i64>,
    c: &CouncillorInput,
    photo: &ImageChange,
    entry: &AuditEntry,
) -> DbResult<Option<(i64, Option<String>)>> {
    let at = now();
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let (id, old) = match id {
            None => {
                let id: i64 = sqlx::query_scalar(
                    "INSERT INTO councillors (district_id, name, constituency, committees, contact, created_at, updated_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
                )
                .bind(district).bind(&c.name).bind(&c.constituency).bind(&c.committees).bind(&c.contact).bind(at).bind(at)
                .fetch_one(&mut *tx).await?;
                (id, None)
            }
            Some(id) => {
                let old: Option<Option<String>> =
                    sqlx::query_scalar("SELECT photo_key FROM councillors WHERE id = $1 AND district_id = $2")
                        .bind(id).bind(district).fetch_optional(&mut *tx).await?;
                let Some(old) = old else { return Ok(None) };
                sqlx::query(
                    "UPDATE councillors SET name = $1, constituency = $2, committees = $3, contact = $4, updated_at = $5 \
                     WHERE id = $6",
                )
                .bind(&c.name).bind(&c.constituency).bind(&c.committees).bind(&c.contact).bind(at).bind(id)
                .execute(&mut *tx).await?;
                (id, old)
            }
        };
        let dropped = match photo {
            ImageChange::Keep => None,
            ImageChange::Set(Image { key, content_type }) => {
                sqlx::query("UPDATE councillors SET photo_key = $1, photo_type = $2 WHERE id = $3")
                    .bind(key).bind(content_type).bind(id).execute(&mut *tx).await?;
                old
            }
            ImageChange::Remove => {
                sqlx::query("UPDATE councillors SET photo_key = NULL, photo_type = NULL WHERE id = $1")
                    .bind(id).execute(&mut *tx).await?;
                old
            }
        };
        sqlx::query("UPDATE councillors SET photo_alt = CASE WHEN photo_key IS NULL THEN NULL ELSE $1 END WHERE id = $2")
            .bind(&c.photo_alt).bind(id).execute(&mut *tx).await?;
        audit_in_tx!(tx, entry, Some(id));
        tx.commit().await?;
        Ok(Some((id, dropped)))
    })
}

/// Adds a membership to councillor `councillor`; the caller has checked it against the
/// council's others.
pub async fn add_seat(db: &Db, councillor: i64, s: &SeatInput, entry: &AuditEntry) -> DbResult<i64> {
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO council_memberships (councillor_id, term_id, role, starts_on, ends_on, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(councillor).bind(s.term_id).bind(s.role).bind(s.starts_on).bind(s.ends_on).bind(now())
        .fetch_one(&mut *tx).await?;
        audit_in_tx!(tx, entry, Some(councillor));
        tx.commit().await?;
        Ok(id)
    })
}

/// Ends membership `id` of councillor `councillor` on `ends_on`, its last day; `false` when
/// the councillor has no such membership, and nothing is written.
pub async fn end_seat(db: &Db, councillor: i64, id: i64, ends_on: NaiveDate, entry: &AuditEntry) -> DbResult<bool> {
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let done = sqlx::query("UPDATE council_memberships SET ends_on = $1 WHERE id = $2 AND councillor_id = $3")
            .bind(ends_on).bind(id).bind(councillor)
            .execute(&mut *tx).await?.rows_affected();
        if done == 0 {
            return Ok(false);
        }
        audit_in_tx!(tx, entry, Some(councillor));
        tx.commit().await?;
        Ok(true)
    })
}

const DUTY_SELECT: &str = "SELECT d.id, d.district_id, d.councillor_id, c.name AS councillor_name, \
     dist.number AS district_number, dist.name AS district_name, d.starts_at, d.ends_at, d.place, d.updated_at \
     FROM council_duties d JOIN districts dist ON dist.id = d.district_id LEFT JOIN councillors c ON c.id = d.councillor_id";

/// Duty hours of district `district` (of every district with `None`) that have not ended by
/// `after`, the soonest first.
pub async fn duties(db: &Db, district: Option<i64>, after: DateTime<Utc>, limit: i64) -> DbResult<Vec<Duty>> {
    let sql = format!(
        "{DUTY_SELECT} WHERE d.ends_at > $1 AND ($2 IS NULL OR d.district_id = $2) ORDER BY d.starts_at, d.id LIMIT $3"
    );
    on!(db, p => Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(after).bind(district).bind(limit).fetch_all(p).await?))
}

/// Duty hours of every district that have not ended by `after` and start at or after `from`
/// and before `before` (where given), the soonest first: the calendar's share of them.
pub async fn duties_between(
    db: &Db,
    after: DateTime<Utc>,
    from: Option<DateTime<Utc>>,
    before: Option<DateTime<Utc>>,
    limit: i64,
) -> DbResult<Vec<Duty>> {
    let sql = format!(
        "{DUTY_SELECT} WHERE d.ends_at > $1 AND ($2 IS NULL OR d.starts_at >= $2) AND ($3 IS NULL OR d.starts_at < $3) \
         ORDER BY d.starts_at, d.id LIMIT $4"
    );
    on!(db, p => Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(after).bind(from).bind(before).bind(limit).fetch_all(p).await?))
}

/// Adds duty hours to district `district`.
pub async fn add_duty(db: &Db, district: i64, d: &DutyInput, entry: &AuditEntry) -> DbResult<i64> {
    let at = now();
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO council_duties (district_id, councillor_id, starts_at, ends_at, place, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(district).bind(d.councillor_id).bind(d.starts_at).bind(d.ends_at).bind(&d.place).bind(at).bind(at)
        .fetch_one(&mut *tx).await?;
        audit_in_tx!(tx, entry, Some(district));
        tx.commit().await?;
        Ok(id)
    })
}

/// Removes duty hours `id` of district `district`; `false` when it has none such.
pub async fn remove_duty(db: &Db, district: i64, id: i64, entry: &AuditEntry) -> DbResult<bool> {
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let done = sqlx::query("DELETE FROM council_duties WHERE id = $1 AND district_id = $2")
            .bind(id).bind(district).execute(&mut *tx).await?.rows_affected();
        if done == 0 {
            return Ok(false);
        }
        audit_in_tx!(tx, entry, Some(district));
        tx.commit().await?;
        Ok(true)
    })
}

/// The stored key and type of councillor `id`'s photo.
pub async fn photo(db: &Db, id: i64) -> DbResult<Option<(String, String)>> {
    on!(db, p => {
        let row: Option<(Option<String>, Option<String>)> =
            sqlx::query_as("SELECT photo_key, photo_type FROM councillors WHERE id = $1").bind(id).fetch_optional(p).await?;
        Ok(row.and_then(|(k, t)| Some((k?, t?))))
    })
}
