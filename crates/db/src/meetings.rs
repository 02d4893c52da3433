//! Meetings of civic dialogue bodies and the series several bodies attend together: the
//! documents a body tables, each meeting's agenda, attendance, versions of its minutes and
//! proposed amendments. Every list is a fixed number of queries; every change is one
//! transaction with its audit entry.

use crate::audit::{AuditEntry, audit_in_tx};
use crate::rows::{InsertRows, table_row};
use crate::{BeginWrite, Db, DbResult, now};
use agora_domain::body::MemberRole;
use agora_domain::meeting::{AgendaInput, AgendaLink, DocumentInput, MeetingInput, MinutesState, SeriesInput};
use chrono::{DateTime, NaiveDate, Utc};

/// A meeting as lists, its page and its form show it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Meeting {
    pub id: i64,
    /// The body that convenes it and whose secretary keeps it.
    pub body_id: i64,
    pub body_slug: String,
    pub body_name_pl: String,
    pub body_name_en: Option<String>,
    pub series_id: Option<i64>,
    pub series_slug: Option<String>,
    pub series_name_pl: Option<String>,
    pub series_name_en: Option<String>,
    pub title: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub place: Option<String>,
    pub online_url: Option<String>,
    pub amendment_days: i64,
    pub invited_at: Option<DateTime<Utc>>,
    pub updated_at: DateTime<Utc>,
}

const MEETING_SELECT: &str = "SELECT m.id, m.body_id, b.slug AS body_slug, b.name_pl AS body_name_pl, \
     b.name_en AS body_name_en, m.series_id, s.slug AS series_slug, s.name_pl AS series_name_pl, \
     s.name_en AS series_name_en, m.title, m.starts_at, m.ends_at, m.place, m.online_url, m.amendment_days, \
     m.invited_at, m.updated_at FROM meetings m JOIN dialogue_bodies b ON b.id = m.body_id \
     LEFT JOIN meeting_series s ON s.id = m.series_id";

/// Meeting `id` of body `body`; `None` when it is another body's.
pub async fn by_id(db: &Db, body: i64, id: i64) -> DbResult<Option<Meeting>> {
    let sql = format!("{MEETING_SELECT} WHERE m.body_id = $1 AND m.id = $2");
    on!(db, p => Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(body).bind(id).fetch_optional(p).await?))
}

/// The meetings a body's page lists: its own and those of every series it takes part in,
/// the latest first.
pub async fn for_body(db: &Db, body: i64) -> DbResult<Vec<Meeting>> {
    let sql = format!(
        "{MEETING_SELECT} WHERE m.body_id = $1 OR m.series_id IN \
         (SELECT sb.series_id FROM meeting_series_bodies sb WHERE sb.body_id = $1) ORDER BY m.starts_at DESC, m.id DESC"
    );
    on!(db, p => Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(body).fetch_all(p).await?))
}

/// The meetings of series `series`, the latest first.
pub async fn for_series(db: &Db, series: i64) -> DbResult<Vec<Meeting>> {
    let sql = format!("{MEETING_SELECT} WHERE m.series_id = $1 ORDER BY m.starts_at DESC, m.id DESC");
    on!(db, p => Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(series).fetch_all(p).await?))
}

/// Adds a meeting to body `body`.
pub async fn create(db: &Db, body: i64, m: &MeetingInput, entry: &AuditEntry) -> DbResult<i64> {
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let at = now();
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO meetings (body_id, series_id, title, starts_at, ends_at, place, online_url, amendment_days, \
             created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id",
        )
        .bind(body).bind(m.series_id).bind(&m.title).bind(m.starts_at).bind(m.ends_at).bind(&m.place)
        .bind(&m.online_url).bind(m.amendment_days).bind(at)
        .fetch_one(&mut *tx).await?;
        audit_in_tx!(tx, entry, Some(id));
        tx.commit().await?;
        Ok(id)
    })
}

/// Changes meeting `id` of body `body`; `false` when there is none, and nothing is written.
pub async fn update(db: &Db, body: i64, id: i64, m: &MeetingInput, entry: &AuditEntry) -> DbResult<bool> {
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let done = sqlx::query(
            "UPDATE meetings SET series_id = $1, title = $2, starts_at = $3, ends_at = $4, place = $5, online_url = $6, \
             amendment_days = $7, updated_at = $8 WHERE id = $9 AND body_id = $10",
        )
        .bind(m.series_id).bind(&m.title).bind(m.starts_at).bind(m.ends_at).bind(&m.place).bind(&m.online_url)
        .bind(m.amendment_days).bind(now()).bind(id).bind(body)
        .execute(&mut *tx).await?.rows_affected();
        if done == 0 {
            return Ok(false);
        }
        audit_in_tx!(tx, entry, Some(id));
        tx.commit().await?;
        Ok(true)
    })
}

/// Records that the invitations to meeting `id` were queued at `at`.
pub async fn set_invited(db: &Db, id: i64, at: DateTime<Utc>, entry: &AuditEntry) -> DbResult<()> {
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        sqlx::query("UPDATE meetings SET invited_at = $1 WHERE id = $2").bind(at).bind(id).execute(&mut *tx).await?;
        audit_in_tx!(tx, entry, Some(id));
        tx.commit().await?;
        Ok(())
    })
}

/// A member to invite: the account's address and language.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Invitee {
    pub email: String,
    pub locale: String,
    pub person_name: String,
}

/// The members of body `body` on `day` who have an account, once each.
pub async fn invitees(db: &Db, body: i64, day: NaiveDate) -> DbResult<Vec<Invitee>> {
    on!(db, p => Ok(sqlx::query_as(
        "SELECT u.email, u.locale, MIN(m.person_name) AS person_name FROM body_memberships m \
         JOIN users u ON u.id = m.user_id WHERE m.body_id = $1 AND m.starts_on <= $2 \
         AND (m.ends_on IS NULL OR m.ends_on >= $2) GROUP BY u.email, u.locale ORDER BY u.email",
    ).bind(body).bind(day).fetch_all(p).await?))
}

// ---- documents ----

/// A document a body tables.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct BodyDocument {
    pub id: i64,
    pub body_id: i64,
    pub title: String,
    pub url: String,
}

/// The documents of body `body`, the latest first.
pub async fn documents(db: &Db, body: i64) -> DbResult<Vec<BodyDocument>> {
    on!(db, p => Ok(sqlx::query_as(
        "SELECT id, body_id, title, url FROM body_documents WHERE body_id = $1 ORDER BY created_at DESC, id DESC",
    ).bind(body).fetch_all(p).await?))
}

/// Document `id`, whichever body it is of.
pub async fn document(db: &Db, id: i64) -> DbResult<Option<BodyDocument>> {
    on!(db, p => Ok(sqlx::query_as("SELECT id, body_id, title, url FROM body_documents WHERE id = $1")
        .bind(id).fetch_optional(p).await?))
}

/// Adds a document to body `body`.
pub async fn add_document(db: &Db, body: i64, d: &DocumentInput, entry: &AuditEntry) -> DbResult<i64> {
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO body_documents (body_id, title, url, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
        )
        .bind(body).bind(&d.title).bind(&d.url).bind(now())
        .fetch_one(&mut *tx).await?;
        audit_in_tx!(tx, entry, Some(body));
        tx.commit().await?;
        Ok(id)
    })
}

/// Something an agenda item may point at, for the agenda form's drop-down.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Choice {
    pub id: i64,
    pub title: String,
}

/// Consultations the public may see, the latest first, for the agenda form.
pub async fn consultation_choices(db: &Db) -> DbResult<Vec<Choice>> {
    on!(db, p => Ok(sqlx::query_as(
        "SELECT id, title FROM consultations WHERE status <> 'draft' ORDER BY opens_at DESC, id DESC LIMIT 200",
    ).fetch_all(p).await?))
}

/// Whether the public may see consultation `id`.
pub async fn consultation_exists(db: &Db, id: i64) -> DbResult<bool> {
    on!(db, p => Ok(sqlx::query_scalar::<_, i64>("SELECT id FROM consultations WHERE id = $1 AND status <> 'draft'")
        .bind(id).fetch_optional(p).await?.is_some()))
}

/// The public opinions of body `body`, for the agenda form.
pub async fn opinion_choices(db: &Db, body: i64) -> DbResult<Vec<Choice>> {
    on!(db, p => Ok(sqlx::query_as(
        "SELECT o.id, t.title FROM opinions o JOIN tracked_requests t ON t.id = o.tracked_id \
         WHERE o.body_id = $1 AND t.public ORDER BY o.adopted_on DESC, o.id DESC",
    ).bind(body).fetch_all(p).await?))
}

/// Whether opinion `id` is public.
pub async fn opinion_exists(db: &Db, id: i64) -> DbResult<bool> {
    on!(db, p => Ok(sqlx::query_scalar::<_, i64>(
        "SELECT o.id FROM opinions o JOIN tracked_requests t ON t.id = o.tracked_id WHERE o.id = $1 AND t.public",
    ).bind(id).fetch_optional(p).await?.is_some()))
}

// ---- agenda ----

/// An agenda item with the title and address of what it points at.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AgendaItem {
    pub id: i64,
    pub position: i64,
    pub title: String,
    pub document_title: Option<String>,
    pub document_url: Option<String>,
    pub consultation_title: Option<String>,
    pub consultation_slug: Option<String>,
    pub opinion_title: Option<String>,
    /// The ledger entry of the opinion, whose page shows it.
    pub opinion_tracked_id: Option<i64>,
}

/// The agenda of meeting `meeting` in order.
pub async fn agenda(db: &Db, meeting: i64) -> DbResult<Vec<AgendaItem>> {
    on!(db, p => Ok(sqlx::query_as(
        "SELECT a.id, a.position, a.title, d.title AS document_title, d.url AS document_url, \
         c.title AS consultation_title, c.slug AS consultation_slug, t.title AS opinion_title, \
         t.id AS opinion_tracked_id FROM meeting_agenda_items a \
         LEFT JOIN body_documents d ON d.id = a.document_id \
         LEFT JOIN consultations c ON c.id = a.consultation_id AND c.status <> 'draft' \
         LEFT JOIN opinions o ON o.id = a.opinion_id \
         LEFT JOIN tracked_requests t ON t.id = o.tracked_id AND t.public \
         WHERE a.meeting_id = $1 ORDER BY a.position, a.id",
    ).bind(meeting).fetch_all(p).await?))
}

/// Adds an item at the end of meeting `meeting`'s agenda.
pub async fn add_agenda_item(db: &Db, meeting: i64, a: &AgendaInput, entry: &AuditEntry) -> DbResult<i64> {
    let (document, consultation, opinion) = match a.link {
        Some(AgendaLink::Document(id)) => (Some(id), None, None),
        Some(AgendaLink::Consultation(id)) => (None, Some(id), None),
        Some(AgendaLink::Opinion(id)) => (None, None, Some(id)),
        None => (None, None, None),
    };
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let next: i64 = sqlx::query_scalar(
            "SELECT COALESCE(MAX(position), 0) + 1 FROM meeting_agenda_items WHERE meeting_id = $1",
        ).bind(meeting).fetch_one(&mut *tx).await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO meeting_agenda_items (meeting_id, position, title, document_id, consultation_id, opinion_id) \
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(meeting).bind(next).bind(&a.title).bind(document).bind(consultation).bind(opinion)
        .fetch_one(&mut *tx).await?;
        audit_in_tx!(tx, entry, Some(meeting));
        tx.commit().await?;
        Ok(id)
    })
}

/// Moves item `item` of meeting `meeting`'s agenda one place up; `false` when there is no such
/// item or it is first already, and nothing is written.
pub async fn move_agenda_item_up(db: &Db, meeting: i64, item: i64, entry: &AuditEntry) -> DbResult<bool> {
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let at: Option<i64> = sqlx::query_scalar("SELECT position FROM meeting_agenda_items WHERE id = $1 AND meeting_id = $2")
            .bind(item).bind(meeting).fetch_optional(&mut *tx).await?;
        let Some(at) = at else { return Ok(false) };
        let before: Option<(i64, i64)> = sqlx::query_as(
            "SELECT id, position FROM meeting_agenda_items WHERE meeting_id = $1 AND position < $2 \
             ORDER BY position DESC LIMIT 1",
        ).bind(meeting).bind(at).fetch_optional(&mut *tx).await?;
        let Some((other, other_at)) = before else { return Ok(false) };
        sqlx::query("UPDATE meeting_agenda_items SET position = $1 WHERE id = $2").bind(other_at).bind(item).execute(&mut *tx).await?;
        sqlx::query("UPDATE meeting_agenda_items SET position = $1 WHERE id = $2").bind(at).bind(other).execute(&mut *tx).await?;
        audit_in_tx!(tx, entry, Some(meeting));
        tx.commit().await?;
        Ok(true)
    })
}

// ---- attendance ----

/// One row of a meeting's attendance list, kept as it was on the day.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Attendance {
    pub membership_id: Option<i64>,
    pub user_id: Option<i64>,
    pub person_name: String,
    pub role: MemberRole,
    pub voting: bool,
    pub present: bool,
}

/// The attendance list of meeting `meeting`, by name.
pub async fn attendance(db: &Db, meeting: i64) -> DbResult<Vec<Attendance>> {
    on!(db, p => Ok(sqlx::query_as(
        "SELECT membership_id, user_id, person_name, role, voting, present FROM meeting_attendance \
         WHERE meeting_id = $1 ORDER BY person_name, id",
    ).bind(meeting).fetch_all(p).await?))
}

table_row! {
    /// One person on a meeting's attendance list, the whole list written in one statement.
    struct AttendanceInsert<'a> in "meeting_attendance" {
        meeting_id: i64 as "bigint",
        membership_id: Option<i64> as "bigint",
        user_id: Option<i64> as "bigint",
        person_name: &'a str as "text",
        role: &'a str as "text",
        voting: bool as "boolean",
        present: bool as "boolean",
    }
}

/// Replaces the attendance list of meeting `meeting` with `list`.
pub async fn record_attendance(db: &Db, meeting: i64, list: &[Attendance], entry: &AuditEntry) -> DbResult<()> {
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        sqlx::query("DELETE FROM meeting_attendance WHERE meeting_id = $1").bind(meeting).execute(&mut *tx).await?;
        let rows: Vec<AttendanceInsert<'_>> = list
            .iter()
            .map(|a| AttendanceInsert {
                meeting_id: meeting,
                membership_id: a.membership_id,
                user_id: a.user_id,
                person_name: &a.person_name,
                role: a.role.as_str(),
                voting: a.voting,
                present: a.present,
            })
            .collect();
        InsertRows::insert_rows::<_, ()>(&mut tx, "", &rows).await?;
        audit_in_tx!(tx, entry, Some(meeting));
        tx.commit().await?;
        Ok(())
    })
}

// ---- minutes ----

/// One version of a meeting's minutes.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Minutes {
    pub version: i64,
    pub state: MinutesState,
    pub text: String,
    pub author_label: String,
    pub created_at: DateTime<Utc>,
}

/// Every version of meeting `meeting`'s minutes, the latest first.
pub async fn minutes(db: &Db, meeting: i64) -> DbResult<Vec<Minutes>> {
    on!(db, p => Ok(sqlx::query_as(
        "SELECT version, state, text, author_label, created_at FROM meeting_minutes WHERE meeting_id = $1 \
         ORDER BY version DESC",
    ).bind(meeting).fetch_all(p).await?))
}

/// Adds the next version of meeting `meeting`'s minutes; `None` when the minutes became final
/// meanwhile, and nothing is written.
pub async fn add_minutes(
    db: &Db,
    meeting: i64,
    state: MinutesState,
    text: &str,
    entry: &AuditEntry,
) -> DbResult<Option<i64>> {
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let finals: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM meeting_minutes WHERE meeting_id = $1 AND state = 'final'",
        ).bind(meeting).fetch_one(&mut *tx).await?;
        if finals > 0 {
            return Ok(None);
        }
        let next: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(version), 0) + 1 FROM meeting_minutes WHERE meeting_id = $1")
            .bind(meeting).fetch_one(&mut *tx).await?;
        sqlx::query(
            "INSERT INTO meeting_minutes (meeting_id, version, state, text, author_label, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(meeting).bind(next).bind(state).bind(text).bind(&entry.actor_label).bind(now())
        .execute(&mut *tx).await?;
        audit_in_tx!(tx, entry, Some(meeting));
        tx.commit().await?;
        Ok(Some(next))
    })
}

/// A proposed amendment to the minutes.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Amendment {
    pub version: i64,
    pub author_name: String,
    pub text: String,
    pub created_at: DateTime<Utc>,
}

/// The amendments proposed to meeting `meeting`'s minutes, in order.
pub async fn amendments(db: &Db, meeting: i64) -> DbResult<Vec<Amendment>> {
    on!(db, p => Ok(sqlx::query_as(
        "SELECT version, author_name, text, created_at FROM minutes_amendments WHERE meeting_id = $1 \
         ORDER BY created_at, id",
    ).bind(meeting).fetch_all(p).await?))
}

/// Adds an amendment to version `version` of meeting `meeting`'s minutes.
pub async fn add_amendment(
    db: &Db,
    meeting: i64,
    version: i64,
    user: Option<i64>,
    author_name: &str,
    text: &str,
    entry: &AuditEntry,
) -> DbResult<i64> {
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO minutes_amendments (meeting_id, version, user_id, author_name, text, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(meeting).bind(version).bind(user).bind(author_name).bind(text).bind(now())
        .fetch_one(&mut *tx).await?;
        audit_in_tx!(tx, entry, Some(meeting));
        tx.commit().await?;
        Ok(id)
    })
}

// ---- series ----

/// A meeting series.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Series {
    pub id: i64,
    pub slug: String,
    pub name_pl: String,
    pub name_en: Option<String>,
    pub about: String,
}

/// A participant of a series: a body, a district or a department, with its names.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Participant {
    pub id: i64,
    /// A body's address; none for districts and departments.
    pub slug: Option<String>,
    pub name_pl: String,
    pub name_en: Option<String>,
}

/// A series with those who attend it.
#[derive(Debug, Clone)]
pub struct SeriesDetail {
    pub series: Series,
    pub bodies: Vec<Participant>,
    pub districts: Vec<Participant>,
    pub units: Vec<Participant>,
}

/// Every series, by name.
pub async fn all_series(db: &Db) -> DbResult<Vec<Series>> {
    on!(db, p => Ok(sqlx::query_as("SELECT id, slug, name_pl, name_en, about FROM meeting_series ORDER BY name_pl")
        .fetch_all(p).await?))
}

/// The series body `body` takes part in, by name.
pub async fn series_of_body(db: &Db, body: i64) -> DbResult<Vec<Series>> {
    on!(db, p => Ok(sqlx::query_as(
        "SELECT s.id, s.slug, s.name_pl, s.name_en, s.about FROM meeting_series s \
         JOIN meeting_series_bodies sb ON sb.series_id = s.id WHERE sb.body_id = $1 ORDER BY s.name_pl",
    ).bind(body).fetch_all(p).await?))
}

/// The bodies taking part in series `series`.
pub async fn series_bodies(db: &Db, series: i64) -> DbResult<Vec<i64>> {
    on!(db, p => Ok(sqlx::query_scalar("SELECT body_id FROM meeting_series_bodies WHERE series_id = $1")
        .bind(series).fetch_all(p).await?))
}

/// The series at `slug` with its participants.
pub async fn series_by_slug(db: &Db, slug: &str) -> DbResult<Option<SeriesDetail>> {
    on!(db, p => {
        let series: Option<Series> =
            sqlx::query_as("SELECT id, slug, name_pl, name_en, about FROM meeting_series WHERE slug = $1")
                .bind(slug).fetch_optional(p).await?;
        let Some(series) = series else { return Ok(None) };
        let bodies = sqlx::query_as(
            "SELECT b.id, b.slug, b.name_pl, b.name_en FROM meeting_series_bodies sb \
             JOIN dialogue_bodies b ON b.id = sb.body_id WHERE sb.series_id = $1 ORDER BY b.name_pl",
        ).bind(series.id).fetch_all(p).await?;
        let districts = sqlx::query_as(
            "SELECT d.id, NULL AS slug, d.name AS name_pl, NULL AS name_en FROM meeting_series_districts sd \
             JOIN districts d ON d.id = sd.district_id WHERE sd.series_id = $1 ORDER BY d.number",
        ).bind(series.id).fetch_all(p).await?;
        let units = sqlx::query_as(
            "SELECT u.id, NULL AS slug, u.name_pl, u.name_en FROM meeting_series_units su \
             JOIN units u ON u.id = su.unit_id WHERE su.series_id = $1 ORDER BY u.name_pl",
        ).bind(series.id).fetch_all(p).await?;
        Ok(Some(SeriesDetail { series, bodies, districts, units }))
    })
}

/// Adds a series with its participants; `Conflict` when the address is taken.
pub async fn create_series(db: &Db, s: &SeriesInput, entry: &AuditEntry) -> DbResult<i64> {
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO meeting_series (slug, name_pl, name_en, about, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(&s.slug).bind(&s.name_pl).bind(&s.name_en).bind(&s.about).bind(now())
        .fetch_one(&mut *tx).await?;
        for b in &s.bodies {
            sqlx::query("INSERT INTO meeting_series_bodies (series_id, body_id) VALUES ($1, $2)")
                .bind(id).bind(b).execute(&mut *tx).await?;
        }
        for d in &s.districts {
            sqlx::query("INSERT INTO meeting_series_districts (series_id, district_id) VALUES ($1, $2)")
                .bind(id).bind(d).execute(&mut *tx).await?;
        }
        for u in &s.units {
            sqlx::query("INSERT INTO meeting_series_units (series_id, unit_id) VALUES ($1, $2)")
                .bind(id).bind(u).execute(&mut *tx).await?;
        }
        audit_in_tx!(tx, entry, Some(id));
        tx.commit().await?;
        Ok(id)
    })
}

/// A meeting of a body that has taken place, with the voting members recorded present.
#[derive(Debug, Clone)]
pub struct Held {
    pub id: i64,
    pub title: String,
    pub starts_at: DateTime<Utc>,
    /// Its attendance list, as the quorum is counted from it.
    pub attendance: Vec<Attendance>,
}

#[derive(sqlx::FromRow)]
struct HeldAttendance {
    meeting_id: i64,
    #[sqlx(flatten)]
    a: Attendance,
}

/// The meetings body `body` convened that began by `now`, the latest first, each with its
/// attendance list: two queries.
pub async fn held(db: &Db, body: i64, now: DateTime<Utc>) -> DbResult<Vec<Held>> {
    on!(db, p => {
        let list: Vec<(i64, String, DateTime<Utc>)> = sqlx::query_as(
            "SELECT id, title, starts_at FROM meetings WHERE body_id = $1 AND starts_at <= $2 ORDER BY starts_at DESC, id DESC",
        ).bind(body).bind(now).fetch_all(p).await?;
        let rows: Vec<HeldAttendance> = sqlx::query_as(
            "SELECT a.meeting_id, a.membership_id, a.user_id, a.person_name, a.role, a.voting, a.present \
             FROM meeting_attendance a JOIN meetings m ON m.id = a.meeting_id WHERE m.body_id = $1 AND m.starts_at <= $2",
        ).bind(body).bind(now).fetch_all(p).await?;
        Ok(list
            .into_iter()
            .map(|(id, title, starts_at)| Held {
                id,
                title,
                starts_at,
                attendance: rows.iter().filter(|r| r.meeting_id == id).map(|r| r.a.clone()).collect(),
            })
            .collect())
    })
}
