//! What happens in a consultation: the schedule, the methods used and the events held.

use crate::audit::{AuditEntry, audit_in_tx};
use crate::{BeginWrite, Db, DbResult, now};
use agora_domain::consultation::MethodKind;
use agora_domain::programme::{MethodInput, StepInput};
use chrono::{DateTime, NaiveDate, Utc};

/// One step of the schedule (harmonogram).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ScheduleItem {
    pub id: i64,
    /// Order among items with the same date.
    pub position: i32,
    /// What happens.
    pub title: String,
    /// First day.
    pub starts_on: NaiveDate,
    /// Last day, for a step that lasts.
    pub ends_on: Option<NaiveDate>,
    /// More detail.
    pub description: String,
}

/// A method (form of consultation) in use.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Method {
    pub id: i64,
    /// Method kind name.
    pub kind: MethodKind,
    /// How it works for this consultation.
    pub description: String,
    /// Where to send or go (an e-mail, postal address, URL).
    pub channel_address: Option<String>,
    /// Deadline for this channel, if it differs from the closing time.
    pub deadline: Option<DateTime<Utc>>,
}

/// A dated event: a meeting, a workshop, duty hours, a consultation point.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Event {
    pub id: i64,
    /// The consultation.
    pub consultation_id: i64,
    /// Method kind name.
    pub kind: MethodKind,
    pub title: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    /// Street address.
    pub address: Option<String>,
    pub room: Option<String>,
    /// Accessibility notes (step-free access, induction loop, PJM interpreter).
    pub accessibility: Option<String>,
    /// Online link.
    pub online_url: Option<String>,
    /// Phone for duty hours by telephone.
    pub phone: Option<String>,
    /// Opening hours of a consultation point.
    pub opening_hours: Option<String>,
    pub description: String,
    /// People who came, recorded afterwards.
    pub attendance: Option<i32>,
    /// Last change.
    pub updated_at: DateTime<Utc>,
}

/// The fields of a new event.
#[derive(Debug, Clone)]
pub struct NewEvent {
    /// Method kind name.
    pub kind: MethodKind,
    pub title: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    /// Street address.
    pub address: Option<String>,
    pub room: Option<String>,
    /// Accessibility notes.
    pub accessibility: Option<String>,
    /// Online link.
    pub online_url: Option<String>,
    pub phone: Option<String>,
    /// Opening hours.
    pub opening_hours: Option<String>,
    pub description: String,
}

/// The schedule, in date order.
pub async fn schedule(db: &Db, consultation: i64) -> DbResult<Vec<ScheduleItem>> {
    on!(db, p => Ok(sqlx::query_as("SELECT id, position, title, starts_on, ends_on, description FROM schedule_items WHERE consultation_id = $1 ORDER BY starts_on, position, id")
        .bind(consultation).fetch_all(p).await?))
}

/// Adds a schedule step.
pub async fn add_schedule_item(
    db: &Db,
    consultation: i64,
    title: &str,
    starts_on: NaiveDate,
    ends_on: Option<NaiveDate>,
    description: &str,
    entry: &AuditEntry,
) -> DbResult<i64> {
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO schedule_items (consultation_id, position, title, starts_on, ends_on, description) \
             VALUES ($1, (SELECT COALESCE(MAX(position), 0) + 1 FROM schedule_items WHERE consultation_id = $1), $2, $3, $4, $5) RETURNING id",
        ).bind(consultation).bind(title).bind(starts_on).bind(ends_on).bind(description).fetch_one(&mut *tx).await?;
        audit_in_tx!(tx, entry, Some(consultation));
        tx.commit().await?;
        Ok(id)
    })
}

/// One schedule step of `consultation`.
pub async fn schedule_item(db: &Db, consultation: i64, id: i64) -> DbResult<Option<ScheduleItem>> {
    on!(db, p => Ok(sqlx::query_as("SELECT id, position, title, starts_on, ends_on, description FROM schedule_items WHERE id = $1 AND consultation_id = $2")
        .bind(id).bind(consultation).fetch_optional(p).await?))
}

/// Changes a schedule step; returns whether `consultation` has it.
pub async fn update_schedule_item(
    db: &Db,
    consultation: i64,
    id: i64,
    step: &StepInput,
    entry: &AuditEntry,
) -> DbResult<bool> {
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let n = sqlx::query(
            "UPDATE schedule_items SET title = $1, starts_on = $2, ends_on = $3, description = $4 WHERE id = $5 AND consultation_id = $6",
        ).bind(&step.title).bind(step.starts_on).bind(step.ends_on).bind(&step.description).bind(id).bind(consultation)
        .execute(&mut *tx).await?.rows_affected();
        if n == 1 {
            audit_in_tx!(tx, entry, Some(consultation));
        }
        tx.commit().await?;
        Ok(n == 1)
    })
}

/// The methods, in the order added.
pub async fn methods(db: &Db, consultation: i64) -> DbResult<Vec<Method>> {
    on!(db, p => Ok(sqlx::query_as("SELECT id, kind, description, channel_address, deadline FROM methods WHERE consultation_id = $1 ORDER BY position, id")
        .bind(consultation).fetch_all(p).await?))
}

/// Adds a method.
pub async fn add_method(
    db: &Db,
    consultation: i64,
    kind: &str,
    description: &str,
    channel_address: Option<&str>,
    deadline: Option<DateTime<Utc>>,
    entry: &AuditEntry,
) -> DbResult<i64> {
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO methods (consultation_id, kind, description, channel_address, deadline, position) \
             VALUES ($1, $2, $3, $4, $5, (SELECT COALESCE(MAX(position), 0) + 1 FROM methods WHERE consultation_id = $1)) RETURNING id",
        ).bind(consultation).bind(kind).bind(description).bind(channel_address).bind(deadline).fetch_one(&mut *tx).await?;
        audit_in_tx!(tx, entry, Some(consultation));
        tx.commit().await?;
        Ok(id)
    })
}

/// One method of `consultation`.
pub async fn method(db: &Db, consultation: i64, id: i64) -> DbResult<Option<Method>> {
    on!(db, p => Ok(sqlx::query_as("SELECT id, kind, description, channel_address, deadline FROM methods WHERE id = $1 AND consultation_id = $2")
        .bind(id).bind(consultation).fetch_optional(p).await?))
}

/// Changes a method; returns whether `consultation` has it.
pub async fn update_method(db: &Db, consultation: i64, id: i64, m: &MethodInput, entry: &AuditEntry) -> DbResult<bool> {
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let n = sqlx::query(
            "UPDATE methods SET kind = $1, description = $2, channel_address = $3, deadline = $4 WHERE id = $5 AND consultation_id = $6",
        ).bind(m.kind).bind(&m.description).bind(&m.channel_address).bind(m.deadline).bind(id).bind(consultation)
        .execute(&mut *tx).await?.rows_affected();
        if n == 1 {
            audit_in_tx!(tx, entry, Some(consultation));
        }
        tx.commit().await?;
        Ok(n == 1)
    })
}

const EVENT_COLUMNS: &str = "id, consultation_id, kind, title, starts_at, ends_at, address, room, accessibility, online_url, phone, opening_hours, description, attendance, updated_at";

/// The events of one consultation by start.
pub async fn events(db: &Db, consultation: i64) -> DbResult<Vec<Event>> {
    let sql = format!("SELECT {EVENT_COLUMNS} FROM events WHERE consultation_id = $1 ORDER BY starts_at, id");
    on!(db, p => Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(consultation).fetch_all(p).await?))
}

/// One event of `consultation`.
pub async fn event(db: &Db, consultation: i64, id: i64) -> DbResult<Option<Event>> {
    let sql = format!("SELECT {EVENT_COLUMNS} FROM events WHERE id = $1 AND consultation_id = $2");
    on!(db, p => Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(id).bind(consultation).fetch_optional(p).await?))
}

/// Changes an event (its recorded attendance stays); returns whether `consultation` has it.
pub async fn update_event(db: &Db, consultation: i64, id: i64, e: &NewEvent, entry: &AuditEntry) -> DbResult<bool> {
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let n = sqlx::query(
            "UPDATE events SET kind = $1, title = $2, starts_at = $3, ends_at = $4, address = $5, room = $6, accessibility = $7, \
             online_url = $8, phone = $9, opening_hours = $10, description = $11, updated_at = $12 WHERE id = $13 AND consultation_id = $14",
        )
        .bind(e.kind).bind(&e.title).bind(e.starts_at).bind(e.ends_at).bind(&e.address).bind(&e.room).bind(&e.accessibility)
        .bind(&e.online_url).bind(&e.phone).bind(&e.opening_hours).bind(&e.description).bind(now()).bind(id).bind(consultation)
        .execute(&mut *tx).await?.rows_affected();
        if n == 1 {
            audit_in_tx!(tx, entry, Some(consultation));
        }
        tx.commit().await?;
        Ok(n == 1)
    })
}

/// An event with the title and address of its consultation, for the city calendar.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CalendarEvent {
    /// The event.
    #[sqlx(flatten)]
    pub event: Event,
    /// The consultation's address part.
    pub slug: String,
    /// The consultation's title.
    pub consultation_title: String,
}

/// The longest event the calendar looks back for: a consultation point open for a whole
/// consultation still shows while it lasts, and the index range stays bounded.
pub const LONGEST_EVENT_DAYS: i64 = 180;

/// Events of public consultations ending at or after `from`, by start, at most `limit`.
pub async fn upcoming(db: &Db, from: DateTime<Utc>, limit: i64, offset: i64) -> DbResult<Vec<CalendarEvent>> {
    let cols = EVENT_COLUMNS.split(", ").map(|c| format!("e.{c}")).collect::<Vec<_>>().join(", ");
    let sql = format!(
        "SELECT {cols}, c.slug, c.title AS consultation_title FROM events e JOIN consultations c ON c.id = e.consultation_id \
         WHERE c.status NOT IN ('draft', 'cancelled') AND e.starts_at >= $1 AND e.ends_at >= $2 ORDER BY e.starts_at, e.id LIMIT $3 OFFSET $4"
    );
    let earliest = from - chrono::Duration::days(LONGEST_EVENT_DAYS);
    on!(db, p => Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(earliest).bind(from).bind(limit).bind(offset).fetch_all(p).await?))
}

/// Adds an event.
pub async fn add_event(db: &Db, consultation: i64, e: &NewEvent, entry: &AuditEntry) -> DbResult<i64> {
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO events (consultation_id, kind, title, starts_at, ends_at, address, room, accessibility, online_url, phone, opening_hours, description, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id",
        )
        .bind(consultation).bind(e.kind).bind(&e.title).bind(e.starts_at).bind(e.ends_at).bind(&e.address).bind(&e.room)
        .bind(&e.accessibility).bind(&e.online_url).bind(&e.phone).bind(&e.opening_hours).bind(&e.description).bind(now())
        .fetch_one(&mut *tx).await?;
        audit_in_tx!(tx, entry, Some(consultation));
        tx.commit().await?;
        Ok(id)
    })
}

/// Removes one schedule item, method or event of `consultation`; returns whether it existed.
pub async fn remove(db: &Db, what: Part, consultation: i64, id: i64, entry: &AuditEntry) -> DbResult<bool> {
    let sql = format!("DELETE FROM {} WHERE id = $1 AND consultation_id = $2", what.table());
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let n = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(id).bind(consultation).execute(&mut *tx).await?.rows_affected();
        if n == 1 {
            audit_in_tx!(tx, entry, Some(consultation));
        }
        tx.commit().await?;
        Ok(n == 1)
    })
}

/// The removable parts of a consultation's programme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// A schedule step.
    Schedule,
    /// A method.
    Method,
    /// An event.
    Event,
}

impl Part {
    fn table(self) -> &'static str {
        match self {
            Part::Schedule => "schedule_items",
            Part::Method => "methods",
            Part::Event => "events",
        }
    }
}

/// Records how many people came to an event.
pub async fn set_attendance(
    db: &Db,
    consultation: i64,
    event: i64,
    attendance: Option<i32>,
    entry: &AuditEntry,
) -> DbResult<bool> {
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let n = sqlx::query("UPDATE events SET attendance = $1, updated_at = $2 WHERE id = $3 AND consultation_id = $4")
            .bind(attendance).bind(now()).bind(event).bind(consultation).execute(&mut *tx).await?.rows_affected();
        if n == 1 {
            audit_in_tx!(tx, entry, Some(consultation));
        }
        tx.commit().await?;
        Ok(n == 1)
    })
}
