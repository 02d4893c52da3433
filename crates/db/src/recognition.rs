//! What recognises a member's work in a dialogue body: their consent to a public record, the
//! record itself for the body's page, the facts a certificate of participation lists, the
//! certificates issued, and what a body's yearly activity report is made of. Each of these is
//! a fixed number of queries, however many members, meetings or opinions there are.

use crate::audit::{AuditEntry, audit_in_tx};
use crate::bodies::Membership;
use crate::{BeginWrite, Db, DbResult, now, random_token};
use agora_domain::body::MemberRole;
use agora_domain::recognition::certificate_reference;
use agora_domain::tracked::{TrackedKind, TrackedState};
use chrono::{DateTime, NaiveDate, Utc};

/// Whether account `user` has consented to show their record in body `body`.
pub async fn consented(db: &Db, body: i64, user: i64) -> DbResult<bool> {
    on!(db, p => Ok(sqlx::query_scalar::<_, i64>(
        "SELECT COUNT(*) FROM body_record_consents WHERE body_id = $1 AND user_id = $2",
    ).bind(body).bind(user).fetch_one(p).await? > 0))
}

/// Gives (`show`) or withdraws the consent of account `user` in body `body`, with its audit
/// entry; `false` when nothing changed (it already stood so), and then nothing is written.
pub async fn set_consent(db: &Db, body: i64, user: i64, show: bool, entry: &AuditEntry) -> DbResult<bool> {
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let changed = if show {
            sqlx::query(
                "INSERT INTO body_record_consents (body_id, user_id, consented_at) VALUES ($1, $2, $3) \
                 ON CONFLICT (body_id, user_id) DO NOTHING",
            ).bind(body).bind(user).bind(now()).execute(&mut *tx).await?.rows_affected()
        } else {
            sqlx::query("DELETE FROM body_record_consents WHERE body_id = $1 AND user_id = $2")
                .bind(body).bind(user).execute(&mut *tx).await?.rows_affected()
        } == 1;
        if changed {
            audit_in_tx!(tx, entry, Some(body));
        }
        tx.commit().await?;
        Ok(changed)
    })
}

/// The records a body's page shows: the memberships of those who consented, and how many of
/// the body's meetings each attended and how many of its public opinions each co-signed.
#[derive(Debug, Clone, Default)]
pub struct Records {
    /// (account, membership), by start.
    pub memberships: Vec<(i64, Membership)>,
    /// (account, meetings attended).
    pub meetings: Vec<(i64, i64)>,
    /// (account, opinions co-signed).
    pub opinions: Vec<(i64, i64)>,
}

#[derive(sqlx::FromRow)]
struct OwnedMembership {
    owner: i64,
    #[sqlx(flatten)]
    m: Membership,
}

/// The public records of body `body`'s consenting members: three queries for all of them.
pub async fn records(db: &Db, body: i64) -> DbResult<Records> {
    on!(db, p => {
        let memberships: Vec<OwnedMembership> = sqlx::query_as(
            "SELECT c.user_id AS owner, m.id, m.person_name, m.user_id, m.role, m.voting, m.organisation, m.term_id, \
             t.name AS term_name, m.starts_on, m.ends_on FROM body_record_consents c \
             JOIN body_memberships m ON m.body_id = c.body_id AND m.user_id = c.user_id \
             LEFT JOIN body_terms t ON t.id = m.term_id WHERE c.body_id = $1 ORDER BY m.starts_on, m.id",
        ).bind(body).fetch_all(p).await?;
        let meetings = sqlx::query_as(
            "SELECT a.user_id, COUNT(DISTINCT a.meeting_id) FROM meeting_attendance a \
             JOIN meetings mt ON mt.id = a.meeting_id \
             JOIN body_record_consents c ON c.body_id = mt.body_id AND c.user_id = a.user_id \
             WHERE mt.body_id = $1 AND a.present = TRUE GROUP BY a.user_id",
        ).bind(body).fetch_all(p).await?;
        let opinions = sqlx::query_as(
            "SELECT s.user_id, COUNT(*) FROM opinion_signatures s JOIN tracked_requests t ON t.id = s.tracked_id \
             JOIN body_record_consents c ON c.body_id = t.body_id AND c.user_id = s.user_id \
             WHERE t.body_id = $1 AND t.public = TRUE GROUP BY s.user_id",
        ).bind(body).fetch_all(p).await?;
        Ok(Records {
            memberships: memberships.into_iter().map(|o: OwnedMembership| (o.owner, o.m)).collect(),
            meetings,
            opinions,
        })
    })
}

/// A meeting someone attended.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Attended {
    pub id: i64,
    pub title: String,
    pub starts_at: DateTime<Utc>,
}

/// The meetings of body `body` from `from` until before `until` at which the person was
/// present: under account `user`, or under one of `memberships` (a member without an account).
pub async fn attended(
    db: &Db,
    body: i64,
    user: Option<i64>,
    memberships: &[i64],
    from: DateTime<Utc>,
    until: DateTime<Utc>,
) -> DbResult<Vec<Attended>> {
    let ids = memberships.iter().map(i64::to_string).collect::<Vec<_>>().join(", ");
    let by_membership = if ids.is_empty() { "1 = 0".to_owned() } else { format!("a.membership_id IN ({ids})") };
    let sql = format!(
        "SELECT mt.id, mt.title, mt.starts_at FROM meetings mt WHERE mt.body_id = $1 AND mt.starts_at >= $2 \
         AND mt.starts_at < $3 AND EXISTS (SELECT 1 FROM meeting_attendance a WHERE a.meeting_id = mt.id \
         AND a.present = TRUE AND (a.user_id = $4 OR {by_membership})) ORDER BY mt.starts_at, mt.id"
    );
    on!(db, p => Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(body).bind(from).bind(until).bind(user).fetch_all(p).await?))
}

/// An opinion or recommendation someone co-signed.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Cosigned {
    pub id: i64,
    pub kind: TrackedKind,
    pub title: String,
    pub opened_on: NaiveDate,
}

/// The public opinions and recommendations of body `body` adopted from `from` to `to` that
/// account `user` co-signed.
pub async fn cosigned(db: &Db, body: i64, user: i64, from: NaiveDate, to: NaiveDate) -> DbResult<Vec<Cosigned>> {
    on!(db, p => Ok(sqlx::query_as(
        "SELECT t.id, t.kind, t.title, t.opened_on FROM opinion_signatures s JOIN tracked_requests t ON t.id = s.tracked_id \
         WHERE t.body_id = $1 AND s.user_id = $2 AND t.public = TRUE AND t.opened_on >= $3 AND t.opened_on <= $4 \
         ORDER BY t.opened_on, t.id",
    ).bind(body).bind(user).bind(from).bind(to).fetch_all(p).await?))
}

/// A certificate about to be issued.
#[derive(Debug, Clone)]
pub struct NewCertificate<'a> {
    pub body_id: i64,
    /// The membership it was asked for (the person's latest in the period).
    pub membership_id: i64,
    pub user_id: Option<i64>,
    pub person_name: &'a str,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub issued_on: NaiveDate,
    pub issued_by: Option<i64>,
}

/// Records certificate `c` with its audit entry and returns its reference number.
pub async fn issue(db: &Db, c: &NewCertificate<'_>, entry: &AuditEntry) -> DbResult<String> {
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        // The number comes from the row's id, known only once it is written.
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO participation_certificates (reference, body_id, membership_id, user_id, person_name, \
             period_from, period_to, issued_on, issued_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) \
             RETURNING id",
        )
        .bind(random_token()).bind(c.body_id).bind(c.membership_id).bind(c.user_id).bind(c.person_name)
        .bind(c.from).bind(c.to).bind(c.issued_on).bind(c.issued_by).bind(now())
        .fetch_one(&mut *tx).await?;
        let reference = certificate_reference(id, c.issued_on);
        sqlx::query("UPDATE participation_certificates SET reference = $1 WHERE id = $2")
            .bind(&reference).bind(id).execute(&mut *tx).await?;
        let entry = AuditEntry { details: format!("{} {reference}", entry.details), ..entry.clone() };
        audit_in_tx!(tx, &entry, Some(id));
        tx.commit().await?;
        Ok(reference)
    })
}

/// A meeting of a body's year with its attendance list.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct YearAttendance {
    pub meeting_id: i64,
    pub user_id: Option<i64>,
    pub person_name: String,
    pub role: MemberRole,
    pub voting: bool,
    pub present: bool,
}

/// An opinion, recommendation or other request of a body's year as the report lists it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct YearRequest {
    pub id: i64,
    pub kind: TrackedKind,
    pub title: String,
    pub unit_name: String,
    pub unit_name_en: Option<String>,
    pub opened_on: NaiveDate,
    pub due_on: NaiveDate,
    pub state: TrackedState,
    pub answered_on: Option<NaiveDate>,
    pub signatures: i64,
}

/// A consultation referred to a body in a year and whether the body gave its opinion on it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct YearReferral {
    pub slug: String,
    pub title: String,
    pub referred_at: DateTime<Utc>,
    pub opinions: i64,
}

/// What body `body` did in one year, besides its memberships and meetings, which have their
/// own lists.
#[derive(Debug, Clone, Default)]
pub struct Year {
    pub attendance: Vec<YearAttendance>,
    pub requests: Vec<YearRequest>,
    pub referrals: Vec<YearReferral>,
}

/// The attendance lists of body `body`'s meetings from `from` until before `until`, its public
/// requests sent from `first` to `last`, and the consultations referred to it in that time:
/// three queries.
pub async fn year(
    db: &Db,
    body: i64,
    (from, until): (DateTime<Utc>, DateTime<Utc>),
    (first, last): (NaiveDate, NaiveDate),
) -> DbResult<Year> {
    on!(db, p => {
        let attendance = sqlx::query_as(
            "SELECT a.meeting_id, a.user_id, a.person_name, a.role, a.voting, a.present FROM meeting_attendance a \
             JOIN meetings mt ON mt.id = a.meeting_id WHERE mt.body_id = $1 AND mt.starts_at >= $2 AND mt.starts_at < $3 \
             ORDER BY a.meeting_id, a.id",
        ).bind(body).bind(from).bind(until).fetch_all(p).await?;
        let requests = sqlx::query_as(
            "SELECT t.id, t.kind, t.title, u.name_pl AS unit_name, u.name_en AS unit_name_en, t.opened_on, t.due_on, \
             t.state, t.answered_on, (SELECT COUNT(*) FROM opinion_signatures s WHERE s.tracked_id = t.id) AS signatures \
             FROM tracked_requests t JOIN units u ON u.id = t.unit_id \
             WHERE t.body_id = $1 AND t.public = TRUE AND t.opened_on >= $2 AND t.opened_on <= $3 ORDER BY t.opened_on, t.id",
        ).bind(body).bind(first).bind(last).fetch_all(p).await?;
        let referrals = sqlx::query_as(
            "SELECT c.slug, c.title, r.referred_at, (SELECT COUNT(*) FROM opinions o WHERE o.body_id = r.body_id \
             AND o.consultation_id = r.consultation_id) AS opinions FROM body_referrals r \
             JOIN consultations c ON c.id = r.consultation_id \
             WHERE r.body_id = $1 AND r.referred_at >= $2 AND r.referred_at < $3 ORDER BY r.referred_at, c.id",
        ).bind(body).bind(from).bind(until).fetch_all(p).await?;
        Ok(Year { attendance, requests, referrals })
    })
}

/// The days on which body `body` sent public requests to the city: with its meetings, what
/// dates its activity.
pub async fn request_days(db: &Db, body: i64) -> DbResult<Vec<NaiveDate>> {
    on!(db, p => Ok(sqlx::query_scalar(
        "SELECT DISTINCT opened_on FROM tracked_requests WHERE body_id = $1 AND public = TRUE",
    ).bind(body).fetch_all(p).await?))
}

/// A body in which an account is or was a member, and whether it shows its record there.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MyBody {
    pub id: i64,
    pub slug: String,
    pub name_pl: String,
    pub name_en: Option<String>,
    pub shown: bool,
}

/// The bodies in which account `user` holds or held a membership, by name.
pub async fn my_bodies(db: &Db, user: i64) -> DbResult<Vec<MyBody>> {
    on!(db, p => Ok(sqlx::query_as(
        "SELECT b.id, b.slug, b.name_pl, b.name_en, EXISTS (SELECT 1 FROM body_record_consents c \
         WHERE c.body_id = b.id AND c.user_id = $1) AS shown FROM dialogue_bodies b \
         WHERE EXISTS (SELECT 1 FROM body_memberships m WHERE m.body_id = b.id AND m.user_id = $1) ORDER BY b.name_pl",
    ).bind(user).fetch_all(p).await?))
}
