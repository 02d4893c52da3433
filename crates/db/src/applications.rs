//! Applications to join a dialogue body and requests to create a new one, with the
//! organisations supporting them. Accepting an application creates the membership and
//! submitting a request opens its tracked request in the same transaction, so that neither
//! exists without the other.

use crate::audit::{AuditEntry, audit_in_tx};
use crate::{BeginWrite, Db, DbResult, now};
use agora_domain::application::{
    ApplicantKind, ApplicationInput, ApplicationStatus, BodyRequestInput, organisation_key,
};
use agora_domain::body::{BodyKind, MembershipInput};
use agora_domain::tracked::{TrackedKind, TrackedState};
use chrono::{DateTime, NaiveDate, Utc};

/// An application to join as the applicant's page and the secretary's queue show it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Application {
    pub id: i64,
    pub body_id: i64,
    pub body_slug: String,
    pub body_name: String,
    pub body_name_en: Option<String>,
    pub user_id: i64,
    pub applicant_kind: ApplicantKind,
    pub person_name: String,
    pub organisation: Option<String>,
    pub statement: String,
    pub email: String,
    pub lang: String,
    pub status: ApplicationStatus,
    pub reason: Option<String>,
    pub created_at: DateTime<Utc>,
    pub decided_at: Option<DateTime<Utc>>,
}

const APPLICATION_SELECT: &str = "SELECT a.id, a.body_id, b.slug AS body_slug, b.name_pl AS body_name, \
     b.name_en AS body_name_en, a.user_id, a.applicant_kind, a.person_name, a.organisation, a.statement, a.email, a.lang, \
     a.status, a.reason, a.created_at, a.decided_at FROM body_applications a JOIN dialogue_bodies b ON b.id = a.body_id";

/// Stores an application of user `user` to join body `body`, pending, with its audit entry.
pub async fn create_application(
    db: &Db,
    body: i64,
    user: i64,
    a: &ApplicationInput,
    lang: &str,
    entry: &AuditEntry,
) -> DbResult<i64> {
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO body_applications (body_id, user_id, applicant_kind, person_name, organisation, statement, email, \
             lang, status, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
        )
        .bind(body).bind(user).bind(a.kind).bind(&a.name).bind(&a.organisation).bind(&a.statement)
        .bind(a.email.as_str()).bind(lang).bind(ApplicationStatus::Pending).bind(now())
        .fetch_one(&mut *tx).await?;
        audit_in_tx!(tx, entry, Some(id));
        tx.commit().await?;
        Ok(id)
    })
}

/// Application `id`.
pub async fn application(db: &Db, id: i64) -> DbResult<Option<Application>> {
    let sql = format!("{APPLICATION_SELECT} WHERE a.id = $1");
    on!(db, p => Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(p).await?))
}

/// Decided applications a queue shows below the pending ones.
pub const DECIDED_SHOWN: i64 = 50;

/// Body `body`'s applications: every pending one, the longest waiting first, then the latest
/// decided ones.
pub async fn queue(db: &Db, body: i64) -> DbResult<(Vec<Application>, Vec<Application>)> {
    let pending =
        format!("{APPLICATION_SELECT} WHERE a.body_id = $1 AND a.status = 'pending' ORDER BY a.created_at, a.id");
    let decided = format!(
        "{APPLICATION_SELECT} WHERE a.body_id = $1 AND a.status <> 'pending' ORDER BY a.decided_at DESC, a.id DESC LIMIT $2"
    );
    on!(db, p => {
        let pending = sqlx::query_as(sqlx::AssertSqlSafe(pending)).bind(body).fetch_all(p).await?;
        let decided = sqlx::query_as(sqlx::AssertSqlSafe(decided)).bind(body).bind(DECIDED_SHOWN).fetch_all(p).await?;
        Ok((pending, decided))
    })
}

/// Accepts pending application `id` of body `body` as membership `m`; `false` when it is no
/// longer pending (decided meanwhile), and nothing is written.
pub async fn accept(
    db: &Db,
    body: i64,
    id: i64,
    m: &MembershipInput,
    decided_by: i64,
    entry: &AuditEntry,
) -> DbResult<bool> {
    let at = now();
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let membership: i64 = sqlx::query_scalar(
            "INSERT INTO body_memberships (body_id, term_id, person_name, user_id, role, voting, organisation, starts_on, \
             ends_on, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
        )
        .bind(body).bind(m.term_id).bind(&m.person_name).bind(m.user_id).bind(m.role).bind(m.voting)
        .bind(&m.organisation).bind(m.starts_on).bind(m.ends_on).bind(at)
        .fetch_one(&mut *tx).await?;
        let done = sqlx::query(
            "UPDATE body_applications SET status = $1, membership_id = $2, decided_at = $3, decided_by = $4 \
             WHERE id = $5 AND body_id = $6 AND status = 'pending'",
        )
        .bind(ApplicationStatus::Accepted).bind(membership).bind(at).bind(decided_by).bind(id).bind(body)
        .execute(&mut *tx).await?.rows_affected();
        if done == 0 {
            return Ok(false);
        }
        audit_in_tx!(tx, entry, Some(id));
        tx.commit().await?;
        Ok(true)
    })
}

/// Refuses pending application `id` of body `body` for `reason`; `false` as for [`accept`].
pub async fn refuse(db: &Db, body: i64, id: i64, reason: &str, decided_by: i64, entry: &AuditEntry) -> DbResult<bool> {
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let done = sqlx::query(
            "UPDATE body_applications SET status = $1, reason = $2, decided_at = $3, decided_by = $4 \
             WHERE id = $5 AND body_id = $6 AND status = 'pending'",
        )
        .bind(ApplicationStatus::Refused).bind(reason).bind(now()).bind(decided_by).bind(id).bind(body)
        .execute(&mut *tx).await?.rows_affected();
        if done == 0 {
            return Ok(false);
        }
        audit_in_tx!(tx, entry, Some(id));
        tx.commit().await?;
        Ok(true)
    })
}

/// A request to create a body with where its tracked request stands.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct BodyRequest {
    pub id: i64,
    pub name: String,
    pub kind: BodyKind,
    pub justification: String,
    pub unit_id: i64,
    pub unit_name: String,
    pub unit_name_en: Option<String>,
    pub user_id: i64,
    pub requester_name: String,
    pub tracked_id: Option<i64>,
    pub created_at: DateTime<Utc>,
    pub state: Option<TrackedState>,
    pub due_on: Option<NaiveDate>,
    pub supporters: i64,
    /// The body created on it, once the city granted it.
    pub body_slug: Option<String>,
}

const REQUEST_SELECT: &str = "SELECT r.id, r.name, r.kind, r.justification, r.unit_id, u.name_pl AS unit_name, \
     u.name_en AS unit_name_en, r.user_id, r.requester_name, r.tracked_id, r.created_at, t.state, t.due_on, \
     (SELECT COUNT(*) FROM body_request_supports s WHERE s.request_id = r.id) AS supporters, bd.slug AS body_slug \
     FROM body_requests r JOIN units u ON u.id = r.unit_id LEFT JOIN tracked_requests t ON t.id = r.tracked_id \
     LEFT JOIN dialogue_bodies bd ON bd.id = r.body_id";

/// Stores a request of user `user`, collecting support; the requester's organisation, if
/// given, is its first supporter.
pub async fn create_request(
    db: &Db,
    user: i64,
    requester: &str,
    r: &BodyRequestInput,
    entry: &AuditEntry,
) -> DbResult<i64> {
    let at = now();
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO body_requests (name, kind, justification, unit_id, user_id, requester_name, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(&r.name).bind(r.kind).bind(&r.justification).bind(r.unit_id).bind(user).bind(requester).bind(at)
        .fetch_one(&mut *tx).await?;
        if let Some(org) = &r.organisation {
            sqlx::query(
                "INSERT INTO body_request_supports (request_id, organisation, organisation_key, user_id, person_name, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(id).bind(org).bind(organisation_key(org)).bind(user).bind(requester).bind(at)
            .execute(&mut *tx).await?;
        }
        audit_in_tx!(tx, entry, Some(id));
        tx.commit().await?;
        Ok(id)
    })
}

/// Request `id` with its number of supporters.
pub async fn request(db: &Db, id: i64) -> DbResult<Option<BodyRequest>> {
    let sql = format!("{REQUEST_SELECT} WHERE r.id = $1");
    on!(db, p => Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(p).await?))
}

/// Requests listed for administrators, the latest first.
pub const REQUESTS_SHOWN: i64 = 200;

/// The latest requests, each with its number of supporters (one query).
pub async fn requests(db: &Db) -> DbResult<Vec<BodyRequest>> {
    let sql = format!("{REQUEST_SELECT} ORDER BY r.created_at DESC, r.id DESC LIMIT $1");
    on!(db, p => Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(REQUESTS_SHOWN).fetch_all(p).await?))
}

/// One organisation's support of a request.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Support {
    pub organisation: String,
    pub person_name: String,
    pub created_at: DateTime<Utc>,
}

/// The organisations supporting request `id`, in the order they came.
pub async fn supports(db: &Db, id: i64) -> DbResult<Vec<Support>> {
    on!(db, p => Ok(sqlx::query_as(
        "SELECT organisation, person_name, created_at FROM body_request_supports WHERE request_id = $1 ORDER BY created_at, id",
    ).bind(id).fetch_all(p).await?))
}

/// Adds organisation `org`'s support of request `id`; `Conflict` when that organisation
/// already supports it.
pub async fn support(db: &Db, id: i64, org: &str, user: i64, person: &str, entry: &AuditEntry) -> DbResult<()> {
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        sqlx::query(
            "INSERT INTO body_request_supports (request_id, organisation, organisation_key, user_id, person_name, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(id).bind(org).bind(organisation_key(org)).bind(user).bind(person).bind(now())
        .execute(&mut *tx).await?;
        audit_in_tx!(tx, entry, Some(id));
        tx.commit().await?;
        Ok(())
    })
}

/// Sends request `id` to the city: its tracked request, addressed to the request's department
/// and due on `due_on`, is opened on `today` with its first step. `false` when it was already
/// submitted, and nothing is written.
pub async fn submit(
    db: &Db,
    id: i64,
    today: NaiveDate,
    due_on: NaiveDate,
    actor: &str,
    entry: &AuditEntry,
) -> DbResult<bool> {
    let at = now();
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let tracked: i64 = sqlx::query_scalar(
            "INSERT INTO tracked_requests (kind, title, body_id, unit_id, opened_on, due_on, state, public, created_at, updated_at) \
             SELECT $1, r.name, NULL, r.unit_id, $2, $3, $4, TRUE, $5, $5 FROM body_requests r WHERE r.id = $6 RETURNING id",
        )
        .bind(TrackedKind::BodyRequest).bind(today).bind(due_on).bind(TrackedState::Sent).bind(at).bind(id)
        .fetch_one(&mut *tx).await?;
        let done = sqlx::query("UPDATE body_requests SET tracked_id = $1, submitted_at = $2 WHERE id = $3 AND tracked_id IS NULL")
            .bind(tracked).bind(at).bind(id)
            .execute(&mut *tx).await?.rows_affected();
        if done == 0 {
            return Ok(false);
        }
        sqlx::query("INSERT INTO tracked_steps (tracked_id, at, state, note, actor_id, actor_label) VALUES ($1, $2, $3, NULL, $4, $5)")
            .bind(tracked).bind(at).bind(TrackedState::Sent).bind(entry.actor_id).bind(actor)
            .execute(&mut *tx).await?;
        audit_in_tx!(tx, entry, Some(id));
        tx.commit().await?;
        Ok(true)
    })
}
