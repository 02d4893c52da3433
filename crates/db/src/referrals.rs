//! Consultations referred to dialogue bodies: a consultation whose categories match a body's
//! themes is put in that body's queue when it is announced (see `consultation::transition_at`),
//! and both the body's secretary and the consultation's organiser read the same rows.

use crate::{Db, DbResult};
use agora_domain::body::BodyKind;
use agora_domain::consultation::Status;
use agora_domain::tracked::TrackedState;
use chrono::{DateTime, NaiveDate, Utc};

/// Refers consultation `$1` at `$2` to every body one of whose themes is one of its categories;
/// a body already asked is not asked again, so announcing after a return to draft keeps the
/// first date. Run inside the transition's transaction.
pub(crate) const REFER: &str = "INSERT INTO body_referrals (body_id, consultation_id, referred_at) \
     SELECT DISTINCT bc.body_id, cc.consultation_id, $2 FROM body_categories bc \
     JOIN consultation_categories cc ON cc.category_id = bc.category_id WHERE cc.consultation_id = $1 \
     ON CONFLICT (body_id, consultation_id) DO NOTHING";

/// A consultation in a body's queue, with the opinion the body gave on it, if any.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Referred {
    pub consultation_id: i64,
    pub slug: String,
    pub title: String,
    pub status: Status,
    pub opens_at: DateTime<Utc>,
    pub closes_at: DateTime<Utc>,
    pub referred_at: DateTime<Utc>,
    /// The body's opinion on it (its tracked request), the latest when there are several.
    pub opinion_id: Option<i64>,
    pub opinion_state: Option<TrackedState>,
}

/// Body `body`'s queue: what still takes remarks first, the soonest to close at the top, then
/// the rest, the latest referred first. One query whatever its length.
pub async fn queue(db: &Db, body: i64) -> DbResult<Vec<Referred>> {
    on!(db, p => Ok(sqlx::query_as(
        "SELECT c.id AS consultation_id, c.slug, c.title, c.status, c.opens_at, c.closes_at, r.referred_at, \
         o.tracked_id AS opinion_id, t.state AS opinion_state \
         FROM body_referrals r JOIN consultations c ON c.id = r.consultation_id \
         LEFT JOIN opinions o ON o.tracked_id = (SELECT MAX(o2.tracked_id) FROM opinions o2 \
           WHERE o2.consultation_id = r.consultation_id AND o2.body_id = r.body_id) \
         LEFT JOIN tracked_requests t ON t.id = o.tracked_id \
         WHERE r.body_id = $1 \
         ORDER BY CASE WHEN c.status IN ('announced', 'open') THEN 0 ELSE 1 END, \
         CASE WHEN c.status IN ('announced', 'open') THEN c.closes_at END ASC, r.referred_at DESC, c.id DESC",
    ).bind(body).fetch_all(p).await?))
}

/// The consultations referred to body `body` not yet past the stage at which a remark can join
/// the report, with when each was referred (the body's own window may have run out since).
pub async fn open_to_opinion(db: &Db, body: i64) -> DbResult<Vec<(i64, String, DateTime<Utc>)>> {
    on!(db, p => Ok(sqlx::query_as(
        "SELECT c.id, c.title, r.referred_at FROM body_referrals r JOIN consultations c ON c.id = r.consultation_id \
         WHERE r.body_id = $1 AND c.status IN ('announced', 'open', 'closed') ORDER BY c.closes_at, c.id",
    ).bind(body).fetch_all(p).await?))
}

/// A body a consultation was referred to, with its opinion on it, if any.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AskedBody {
    pub body_id: i64,
    pub slug: String,
    pub name_pl: String,
    pub name_en: Option<String>,
    pub kind: BodyKind,
    pub referred_at: DateTime<Utc>,
    pub opinion_id: Option<i64>,
    pub opinion_title: Option<String>,
    pub opinion_state: Option<TrackedState>,
    pub adopted_on: Option<NaiveDate>,
    pub remark_receipt: Option<String>,
}

/// The bodies consultation `consultation` was referred to, by name, each with every opinion it
/// gave on it (a body without one appears once, with none).
pub async fn asked(db: &Db, consultation: i64) -> DbResult<Vec<AskedBody>> {
    on!(db, p => Ok(sqlx::query_as(
        "SELECT b.id AS body_id, b.slug, b.name_pl, b.name_en, b.kind, r.referred_at, o.tracked_id AS opinion_id, \
         t.title AS opinion_title, t.state AS opinion_state, o.adopted_on, o.remark_receipt \
         FROM body_referrals r JOIN dialogue_bodies b ON b.id = r.body_id \
         LEFT JOIN opinions o ON o.consultation_id = r.consultation_id AND o.body_id = r.body_id \
         LEFT JOIN tracked_requests t ON t.id = o.tracked_id \
         WHERE r.consultation_id = $1 ORDER BY b.name_pl, o.adopted_on, o.tracked_id",
    ).bind(consultation).fetch_all(p).await?))
}

/// Refers every consultation already announced to the bodies whose themes it matches, for
/// bodies given themes after the fact (demo data, an import); returns how many were added.
pub async fn refer_published(db: &Db, at: DateTime<Utc>) -> DbResult<u64> {
    on!(db, p => Ok(sqlx::query(
        "INSERT INTO body_referrals (body_id, consultation_id, referred_at) \
         SELECT DISTINCT bc.body_id, cc.consultation_id, $1 FROM body_categories bc \
         JOIN consultation_categories cc ON cc.category_id = bc.category_id \
         JOIN consultations c ON c.id = cc.consultation_id WHERE c.status IN ('announced', 'open') \
         ON CONFLICT (body_id, consultation_id) DO NOTHING",
    ).bind(at).execute(p).await?.rows_affected()))
}
