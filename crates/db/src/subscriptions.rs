//! Following: subscribers and their subscriptions, the notices that things followed give rise
//! to, and the mailings built from them under idempotency keys.
//!
//! A notice is collected from the tables it is about once it is public, by the same filters
//! the public lists use (`Status::PUBLIC`, published news, readable forum spaces, visible
//! posts), and the check is made again just before a message is built, so an item hidden or
//! unpublished meanwhile is never mailed.

use crate::rows::{InsertRows, Instant, table_row};
use crate::{BeginWrite, Db, DbResult, now, text_list};
use agora_domain::consultation::Status;
use agora_domain::subscription::{Frequency, NoticeKind, Target};
use agora_domain::tracked::TrackedState;
use chrono::{DateTime, Duration, Utc};
use std::collections::{HashMap, HashSet};

/// The job that mails a new notice to those who follow instantly; its payload is the notice's id.
pub const NOTICE_JOB: &str = "notice";

/// How long a confirmation link works.
pub const CONFIRM_DAYS: i64 = 7;

/// How far back the collector looks for things that became public: a new site does not mail
/// its whole history, and a stopped worker catches up on a week.
pub const LOOKBACK_DAYS: i64 = 8;

/// A subscriber as stored.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Subscriber {
    pub id: i64,
    pub email: String,
    pub user_id: Option<i64>,
    pub lang: String,
    pub manage_key: String,
    pub confirmed_at: Option<DateTime<Utc>>,
}

/// Someone asks to follow something.
#[derive(Debug, Clone)]
pub struct NewFollow<'a> {
    /// The address mail goes to.
    pub email: &'a str,
    /// The account, when signed in: the subscription needs no confirmation then.
    pub user_id: Option<i64>,
    /// The language of the messages.
    pub lang: &'a str,
    pub target: Target,
    pub target_id: i64,
    pub frequency: Frequency,
    /// Where the person asked (`page`, `sign-up`, `newsletter`), kept as the opt-in's record.
    pub source: &'a str,
}

/// What following did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Followed {
    /// The subscription is in force.
    Active,
    /// A link with this key must be followed first (or again, for a pending subscription
    /// asked for a second time, with a fresh key).
    Pending { confirm_key: String, manage_key: String },
    /// The subscriber already follows it.
    Already,
}

/// The subscriber of an address, made if missing. The upsert keeps an existing row's key and
/// language; following while signed in ties an address followed anonymously before to the
/// account and confirms it.
const UPSERT_SUBSCRIBER: &str = "INSERT INTO subscribers (email, user_id, lang, manage_key, confirmed_at, created_at) \
     VALUES ($1, $2, $3, $4, $5, $6) \
     ON CONFLICT (email) DO UPDATE SET user_id = COALESCE(subscribers.user_id, excluded.user_id), \
       confirmed_at = COALESCE(subscribers.confirmed_at, excluded.confirmed_at) \
     RETURNING id, email, user_id, lang, manage_key, confirmed_at";

/// Follows `f.target`: at once for a signed-in person, after the mailed link otherwise.
pub async fn follow(db: &Db, f: &NewFollow<'_>) -> DbResult<Followed> {
    let at = now();
    let (unsubscribe_key, _) = crate::new_token();
    let (confirm_key, _) = crate::new_token();
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let s: Subscriber = sqlx::query_as(UPSERT_SUBSCRIBER)
            .bind(f.email).bind(f.user_id).bind(f.lang).bind(crate::new_token().0).bind(f.user_id.map(|_| at)).bind(at)
            .fetch_one(&mut *tx).await?;
        let existing: Option<(i64, Option<DateTime<Utc>>)> = sqlx::query_as(
            "SELECT id, confirmed_at FROM subscriptions WHERE subscriber_id = $1 AND target_kind = $2 AND target_id = $3",
        )
        .bind(s.id).bind(f.target).bind(f.target_id).fetch_optional(&mut *tx).await?;
        let signed_in = f.user_id.is_some();
        let outcome = match existing {
            Some((_, Some(_))) => Followed::Already,
            Some((id, None)) if signed_in => {
                sqlx::query("UPDATE subscriptions SET confirmed_at = $1, confirm_key = NULL, frequency = $2 WHERE id = $3")
                    .bind(at).bind(f.frequency).bind(id).execute(&mut *tx).await?;
                Followed::Active
            }
            Some((id, None)) => {
                sqlx::query("UPDATE subscriptions SET confirm_key = $1, created_at = $2, frequency = $3 WHERE id = $4")
                    .bind(&confirm_key).bind(at).bind(f.frequency).bind(id).execute(&mut *tx).await?;
                Followed::Pending { confirm_key: confirm_key.clone(), manage_key: s.manage_key.clone() }
            }
            None => {
                sqlx::query(
                    "INSERT INTO subscriptions (subscriber_id, target_kind, target_id, frequency, unsubscribe_key, source, \
                     created_at, confirm_key, confirmed_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                )
                .bind(s.id).bind(f.target).bind(f.target_id).bind(f.frequency).bind(&unsubscribe_key).bind(f.source)
                .bind(at).bind((!signed_in).then_some(&confirm_key)).bind(signed_in.then_some(at))
                .execute(&mut *tx).await?;
                if signed_in {
                    Followed::Active
                } else {
                    Followed::Pending { confirm_key: confirm_key.clone(), manage_key: s.manage_key.clone() }
                }
            }
        };
        tx.commit().await?;
        Ok(outcome)
    })
}

/// What following a confirmation link found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Confirmation {
    /// Confirmed now: the subscriber's manage key, and what is followed.
    Confirmed { manage_key: String, target: Target, target_id: i64 },
    /// The link is older than [`CONFIRM_DAYS`]; nothing changed.
    Expired,
    /// No pending subscription has this key (never had, or it was used).
    Unknown,
}

/// Confirms the subscription with `key` at `at`.
pub async fn confirm(db: &Db, key: &str, at: DateTime<Utc>) -> DbResult<Confirmation> {
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let row: Option<(i64, i64, Target, i64, DateTime<Utc>, String)> = sqlx::query_as(
            "SELECT s.id, s.subscriber_id, s.target_kind, s.target_id, s.created_at, b.manage_key \
             FROM subscriptions s JOIN subscribers b ON b.id = s.subscriber_id WHERE s.confirm_key = $1",
        )
        .bind(key).fetch_optional(&mut *tx).await?;
        let Some((id, subscriber, target, target_id, asked, manage_key)) = row else {
            return Ok(Confirmation::Unknown);
        };
        if at - asked > Duration::days(CONFIRM_DAYS) {
            return Ok(Confirmation::Expired);
        }
        sqlx::query("UPDATE subscriptions SET confirmed_at = $1, confirm_key = NULL WHERE id = $2")
            .bind(at).bind(id).execute(&mut *tx).await?;
        sqlx::query("UPDATE subscribers SET confirmed_at = COALESCE(confirmed_at, $1) WHERE id = $2")
            .bind(at).bind(subscriber).execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(Confirmation::Confirmed { manage_key, target, target_id })
    })
}

/// Whether a pending subscription has confirmation key `key`.
pub async fn confirm_key_known(db: &Db, key: &str) -> DbResult<bool> {
    let n: i64 = on!(db, p => sqlx::query_scalar("SELECT COUNT(*) FROM subscriptions WHERE confirm_key = $1")
        .bind(key).fetch_one(p).await?);
    Ok(n > 0)
}

/// Confirms every subscription waiting on the address of account `user`, now confirmed by the
/// account's own link, and ties the subscriber to the account.
pub async fn confirm_account(db: &Db, user: i64) -> DbResult<()> {
    let at = now();
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let id: Option<i64> = sqlx::query_scalar(
            "UPDATE subscribers SET user_id = $1, confirmed_at = COALESCE(confirmed_at, $2) \
             WHERE email = (SELECT email FROM users WHERE id = $1) AND (user_id IS NULL OR user_id = $1) RETURNING id",
        )
        .bind(user).bind(at).fetch_optional(&mut *tx).await?;
        if let Some(id) = id {
            sqlx::query("UPDATE subscriptions SET confirmed_at = $1, confirm_key = NULL WHERE subscriber_id = $2 AND confirmed_at IS NULL")
                .bind(at).bind(id).execute(&mut *tx).await?;
        }
        tx.commit().await?;
    });
    Ok(())
}

/// The subscriber behind a manage link.
pub async fn by_manage_key(db: &Db, key: &str) -> DbResult<Option<Subscriber>> {
    on!(db, p => Ok(sqlx::query_as(
        "SELECT id, email, user_id, lang, manage_key, confirmed_at FROM subscribers WHERE manage_key = $1",
    ).bind(key).fetch_optional(p).await?))
}

/// The subscriber of a signed-in account, if it follows anything.
pub async fn by_user(db: &Db, user_id: i64) -> DbResult<Option<Subscriber>> {
    on!(db, p => Ok(sqlx::query_as(
        "SELECT id, email, user_id, lang, manage_key, confirmed_at FROM subscribers WHERE user_id = $1",
    ).bind(user_id).fetch_optional(p).await?))
}

/// One subscription as "my subscriptions" lists it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Subscription {
    pub id: i64,
    pub target_kind: Target,
    pub target_id: i64,
    pub frequency: Frequency,
    pub unsubscribe_key: String,
    pub source: String,
    pub created_at: DateTime<Utc>,
    pub confirmed_at: Option<DateTime<Utc>>,
    /// What is followed, by name (empty for the newsletter, or when it is gone).
    pub name: String,
    /// Its page.
    pub path: String,
}

/// The name and page of a target, as SQL over the subscription `s`.
const TARGET_NAME: &str = "CASE s.target_kind \
    WHEN 'consultation' THEN (SELECT title FROM consultations WHERE id = s.target_id) \
    WHEN 'district' THEN (SELECT name FROM districts WHERE id = s.target_id) \
    WHEN 'category' THEN (SELECT name_pl FROM categories WHERE id = s.target_id) \
    WHEN 'body' THEN (SELECT name_pl FROM dialogue_bodies WHERE id = s.target_id) \
    WHEN 'thread' THEN (SELECT title FROM forum_threads WHERE id = s.target_id) \
    WHEN 'series' THEN (SELECT title FROM event_series WHERE id = s.target_id) \
    ELSE '' END";

const TARGET_PATH: &str = "CASE s.target_kind \
    WHEN 'consultation' THEN (SELECT '/konsultacje/' || slug FROM consultations WHERE id = s.target_id) \
    WHEN 'district' THEN (SELECT '/dzielnice/' || CAST(id AS TEXT) FROM districts WHERE id = s.target_id) \
    WHEN 'category' THEN '/konsultacje' \
    WHEN 'body' THEN (SELECT '/ciala-dialogu/' || slug FROM dialogue_bodies WHERE id = s.target_id) \
    WHEN 'thread' THEN (SELECT '/forum/watki/' || CAST(id AS TEXT) FROM forum_threads WHERE id = s.target_id) \
    WHEN 'series' THEN '/wydarzenia' \
    ELSE '/newsletter' END";

/// Every subscription of `subscriber`, by kind and name.
pub async fn list(db: &Db, subscriber: i64) -> DbResult<Vec<Subscription>> {
    let sql = format!(
        "SELECT s.id, s.target_kind, s.target_id, s.frequency, s.unsubscribe_key, s.source, s.created_at, s.confirmed_at, \
         COALESCE({TARGET_NAME}, '') AS name, COALESCE({TARGET_PATH}, '/') AS path \
         FROM subscriptions s WHERE s.subscriber_id = $1 ORDER BY s.target_kind, s.id"
    );
    on!(db, p => Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(subscriber).fetch_all(p).await?))
}

/// Sets how often subscription `id` of `subscriber` mails; whether there was one.
pub async fn set_frequency(db: &Db, subscriber: i64, id: i64, frequency: Frequency) -> DbResult<bool> {
    on!(db, p => Ok(sqlx::query("UPDATE subscriptions SET frequency = $1 WHERE id = $2 AND subscriber_id = $3")
        .bind(frequency).bind(id).bind(subscriber).execute(p).await?.rows_affected() == 1))
}

/// Ends subscription `id` of `subscriber`; whether there was one.
pub async fn remove(db: &Db, subscriber: i64, id: i64) -> DbResult<bool> {
    on!(db, p => Ok(sqlx::query("DELETE FROM subscriptions WHERE id = $1 AND subscriber_id = $2")
        .bind(id).bind(subscriber).execute(p).await?.rows_affected() == 1))
}

/// The subscription a one-click unsubscribe link names, with what it follows.
pub async fn by_unsubscribe_key(db: &Db, key: &str) -> DbResult<Option<Subscription>> {
    let sql = format!(
        "SELECT s.id, s.target_kind, s.target_id, s.frequency, s.unsubscribe_key, s.source, s.created_at, s.confirmed_at, \
         COALESCE({TARGET_NAME}, '') AS name, COALESCE({TARGET_PATH}, '/') AS path \
         FROM subscriptions s WHERE s.unsubscribe_key = $1"
    );
    on!(db, p => Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(key).fetch_optional(p).await?))
}

/// Ends the subscription with one-click key `key`; whether there was one.
pub async fn unsubscribe(db: &Db, key: &str) -> DbResult<bool> {
    on!(db, p => Ok(sqlx::query("DELETE FROM subscriptions WHERE unsubscribe_key = $1")
        .bind(key).execute(p).await?.rows_affected() == 1))
}

/// Whether `target`/`id` exists and the public may see it, so nobody follows a draft.
pub async fn target_exists(db: &Db, target: Target, id: i64) -> DbResult<bool> {
    let sql = match target {
        Target::Consultation => {
            format!("SELECT COUNT(*) FROM consultations WHERE id = $1 AND status IN ({})", text_list(&Status::PUBLIC))
        }
        Target::District => "SELECT COUNT(*) FROM districts WHERE id = $1".to_owned(),
        Target::Category => "SELECT COUNT(*) FROM categories WHERE id = $1".to_owned(),
        Target::Body => "SELECT COUNT(*) FROM dialogue_bodies WHERE id = $1".to_owned(),
        Target::Thread => format!("SELECT COUNT(*) FROM forum_threads t WHERE t.id = $1 AND {}", readable_thread()),
        Target::Series => "SELECT COUNT(*) FROM event_series WHERE id = $1".to_owned(),
        Target::Newsletter => return Ok(id == 0),
    };
    let n: i64 = on!(db, p => sqlx::query_scalar(sqlx::AssertSqlSafe(sql)).bind(id).fetch_one(p).await?);
    Ok(n > 0)
}

/// The name of what `target`/`id` is, for a confirmation page or message.
pub async fn target_name(db: &Db, target: Target, id: i64) -> DbResult<String> {
    let sql = format!(
        "SELECT COALESCE({TARGET_NAME}, '') FROM (SELECT CAST($1 AS TEXT) AS target_kind, CAST($2 AS BIGINT) AS target_id) s"
    );
    on!(db, p => Ok(sqlx::query_scalar(sqlx::AssertSqlSafe(sql)).bind(target.as_str()).bind(id).fetch_one(p).await?))
}

// ---- Notices ----

/// A forum thread anyone may read: not in a members-only space, nor in the discussion of a
/// consultation the public may not see, and its opening post visible.
const READABLE_THREAD: &str = "EXISTS (SELECT 1 FROM forum_spaces sp WHERE sp.id = t.space_id AND sp.members_only = FALSE \
    AND (sp.kind <> 'consultation' OR EXISTS (SELECT 1 FROM consultations c WHERE c.id = sp.ref_id AND c.status IN (PUBLIC)))) \
    AND (SELECT fp.state FROM forum_posts fp WHERE fp.thread_id = t.id ORDER BY fp.id LIMIT 1) = 'visible'";

fn readable_thread() -> String {
    READABLE_THREAD.replace("PUBLIC", &text_list(&Status::PUBLIC))
}

/// A notice as collected.
#[derive(Debug, Clone, sqlx::FromRow)]
struct Found {
    source_id: i64,
    title: String,
    title_en: Option<String>,
    path: String,
    at: DateTime<Utc>,
}

/// The statement finding things of `kind` that became public in `[$1, $2]`.
fn found_sql(kind: NoticeKind) -> String {
    let public = text_list(&Status::PUBLIC);
    let thread = readable_thread();
    match kind {
        NoticeKind::Announced | NoticeKind::Opened => format!(
            "SELECT c.id AS source_id, c.title, CAST(NULL AS TEXT) AS title_en, '/konsultacje/' || c.slug AS path, MIN(t.at) AS at \
             FROM consultation_transitions t JOIN consultations c ON c.id = t.consultation_id \
             WHERE t.to_status = '{}' AND t.at >= $1 AND t.at <= $2 AND c.status IN ({public}) \
             GROUP BY c.id, c.title, c.slug",
            if kind == NoticeKind::Announced { Status::Announced.as_str() } else { Status::Open.as_str() }
        ),
        NoticeKind::Closing => format!(
            "SELECT c.id AS source_id, c.title, CAST(NULL AS TEXT) AS title_en, '/konsultacje/' || c.slug AS path, c.closes_at AS at \
             FROM consultations c WHERE c.status = '{}' AND c.closes_at >= $1 AND c.closes_at > $2 AND c.closes_at <= $3",
            Status::Open.as_str()
        ),
        NoticeKind::Report => format!(
            "SELECT c.id AS source_id, c.title, CAST(NULL AS TEXT) AS title_en, '/konsultacje/' || c.slug || '/raport' AS path, \
             MIN(r.published_at) AS at FROM reports r JOIN consultations c ON c.id = r.consultation_id \
             WHERE r.published_at >= $1 AND r.published_at <= $2 AND c.status IN ({public}) GROUP BY c.id, c.title, c.slug"
        ),
        NoticeKind::News => {
            "SELECT n.id AS source_id, n.title, n.title_en, '/aktualnosci/' || n.slug AS path, n.publish_at AS at \
             FROM news n WHERE n.publish_at IS NOT NULL AND n.publish_at >= $1 AND n.publish_at <= $2"
                .to_owned()
        }
        NoticeKind::Thread => format!(
            "SELECT t.id AS source_id, t.title, CAST(NULL AS TEXT) AS title_en, '/forum/watki/' || CAST(t.id AS TEXT) AS path, \
             t.created_at AS at FROM forum_threads t WHERE t.created_at >= $1 AND t.created_at <= $2 AND {thread}"
        ),
        NoticeKind::Position => format!(
            "SELECT p.id AS source_id, t.title, CAST(NULL AS TEXT) AS title_en, '/forum/wpisy/' || CAST(p.id AS TEXT) AS path, \
             p.created_at AS at FROM forum_posts p JOIN forum_threads t ON t.id = p.thread_id \
             WHERE p.position_unit_id IS NOT NULL AND p.state = 'visible' AND p.created_at >= $1 AND p.created_at <= $2 AND {thread}"
        ),
        NoticeKind::Meeting => "SELECT m.id AS source_id, m.title, CAST(NULL AS TEXT) AS title_en, \
             '/ciala-dialogu/' || b.slug || '/posiedzenia/' || CAST(m.id AS TEXT) AS path, m.invited_at AS at \
             FROM meetings m JOIN dialogue_bodies b ON b.id = m.body_id \
             WHERE m.invited_at IS NOT NULL AND m.invited_at >= $1 AND m.invited_at <= $2"
            .to_owned(),
        NoticeKind::Opinion => "SELECT t.id AS source_id, t.title, CAST(NULL AS TEXT) AS title_en, \
             '/odpowiedzi-miasta/' || CAST(t.id AS TEXT) AS path, t.created_at AS at \
             FROM opinions o JOIN tracked_requests t ON t.id = o.tracked_id \
             WHERE t.public = TRUE AND t.created_at >= $1 AND t.created_at <= $2"
            .to_owned(),
        NoticeKind::Answer => format!(
            "SELECT t.id AS source_id, t.title, CAST(NULL AS TEXT) AS title_en, \
             '/odpowiedzi-miasta/' || CAST(t.id AS TEXT) AS path, t.updated_at AS at FROM tracked_requests t \
             WHERE t.public = TRUE AND t.body_id IS NOT NULL AND t.state IN ({}) AND t.updated_at >= $1 AND t.updated_at <= $2",
            text_list(&[
                TrackedState::Answered,
                TrackedState::Implemented,
                TrackedState::Granted,
                TrackedState::Refused
            ])
        ),
        NoticeKind::Event => "SELECT e.id AS source_id, e.title, CAST(NULL AS TEXT) AS title_en, \
             '/wydarzenia/' || CAST(e.id AS TEXT) AS path, e.created_at AS at FROM city_events e \
             WHERE e.cancelled_at IS NULL AND e.created_at >= $1 AND e.created_at <= $2"
            .to_owned(),
    }
}

/// The targets of notices of `kind` about `sources`, as `(source, target, id)`.
fn targets_sql(kind: NoticeKind, sources: &str) -> String {
    match kind {
        NoticeKind::Announced | NoticeKind::Opened | NoticeKind::Closing | NoticeKind::Report => format!(
            "SELECT id, 'consultation', id FROM consultations WHERE id IN ({sources}) \
             UNION ALL SELECT consultation_id, 'district', district_id FROM consultation_districts WHERE consultation_id IN ({sources}) \
             UNION ALL SELECT consultation_id, 'category', category_id FROM consultation_categories WHERE consultation_id IN ({sources})"
        ),
        NoticeKind::News => format!(
            "SELECT id, 'district', district_id FROM news WHERE id IN ({sources}) AND district_id IS NOT NULL \
             UNION ALL SELECT id, 'body', body_id FROM news WHERE id IN ({sources}) AND body_id IS NOT NULL"
        ),
        NoticeKind::Thread => format!(
            "SELECT t.id, sp.kind, sp.ref_id FROM forum_threads t JOIN forum_spaces sp ON sp.id = t.space_id \
             WHERE t.id IN ({sources}) AND sp.kind IN ('consultation', 'district', 'body') AND sp.ref_id IS NOT NULL"
        ),
        NoticeKind::Position => format!(
            "SELECT p.id, 'thread', p.thread_id FROM forum_posts p WHERE p.id IN ({sources}) \
             UNION ALL SELECT p.id, sp.kind, sp.ref_id FROM forum_posts p JOIN forum_threads t ON t.id = p.thread_id \
             JOIN forum_spaces sp ON sp.id = t.space_id \
             WHERE p.id IN ({sources}) AND sp.kind IN ('consultation', 'district', 'body') AND sp.ref_id IS NOT NULL"
        ),
        NoticeKind::Meeting => format!("SELECT id, 'body', body_id FROM meetings WHERE id IN ({sources})"),
        NoticeKind::Opinion => {
            format!("SELECT tracked_id, 'body', body_id FROM opinions WHERE tracked_id IN ({sources})")
        }
        NoticeKind::Answer => format!("SELECT id, 'body', body_id FROM tracked_requests WHERE id IN ({sources})"),
        NoticeKind::Event => format!(
            "SELECT id, 'series', series_id FROM city_events WHERE id IN ({sources}) AND series_id IS NOT NULL \
             UNION ALL SELECT id, 'district', district_id FROM city_events WHERE id IN ({sources}) AND district_id IS NOT NULL \
             UNION ALL SELECT id, organiser_kind, organiser_id FROM city_events WHERE id IN ({sources}) \
               AND organiser_kind IN ('district', 'body') AND organiser_id IS NOT NULL \
               AND NOT (organiser_kind = 'district' AND organiser_id = district_id)"
        ),
    }
}

table_row! {
    /// A notice being stored.
    struct NoticeInsert<'a> in "notices" {
        kind: &'a str as "text",
        source_id: i64 as "bigint",
        title: String as "text",
        title_en: Option<String> as "text",
        path: String as "text",
        at: Instant as "timestamptz",
        created_at: Instant as "timestamptz",
    }
}

table_row! {
    /// One thing a notice concerns.
    struct TargetInsert<'a> in "notice_targets" {
        notice_id: i64 as "bigint",
        target_kind: &'a str as "text",
        target_id: i64 as "bigint",
    }
}

/// Stores a notice for everything that became public up to `now` and has none yet; returns
/// the new notices' ids. Run by every instance's worker: the unique key of kind and source
/// makes a second collector's rows no-ops.
pub async fn collect(db: &Db, now: DateTime<Utc>) -> DbResult<Vec<i64>> {
    let since = now - Duration::days(LOOKBACK_DAYS);
    let closing_until = now + Duration::days(agora_domain::subscription::CLOSING_NOTICE_DAYS);
    let mut created = Vec::new();
    for kind in NoticeKind::ALL {
        let sql = found_sql(kind);
        let found: Vec<Found> = on!(db, p => {
            let q = sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(since).bind(now);
            let q = if kind == NoticeKind::Closing { q.bind(closing_until) } else { q };
            q.fetch_all(p).await?
        });
        if found.is_empty() {
            continue;
        }
        let ids: Vec<i64> = found.iter().map(|f| f.source_id).collect();
        let known: HashSet<i64> = known_sources(db, kind, &ids).await?;
        let fresh: Vec<Found> = found.into_iter().filter(|f| !known.contains(&f.source_id)).collect();
        if fresh.is_empty() {
            continue;
        }
        let list = fresh.iter().map(|f| f.source_id.to_string()).collect::<Vec<_>>().join(",");
        let targets: Vec<(i64, String, i64)> =
            on!(db, p => sqlx::query_as(sqlx::AssertSqlSafe(targets_sql(kind, &list))).fetch_all(p).await?);
        // A notice belongs to the digest of the period it was collected in: the collection's
        // moment, not the item's, so an item published late in a period that has already
        // been mailed still goes into the next one.
        let at = now;
        let rows: Vec<NoticeInsert<'_>> = fresh
            .iter()
            .map(|f| NoticeInsert {
                kind: kind.as_str(),
                source_id: f.source_id,
                title: f.title.clone(),
                title_en: f.title_en.clone(),
                path: f.path.clone(),
                // A consultation starts closing when the collector sees it within three days
                // of its end; its closing time is not the notice's.
                at: Instant(if kind == NoticeKind::Closing { now } else { f.at }),
                created_at: Instant(at),
            })
            .collect();
        let new: Vec<(i64, i64)> = on!(db, p => {
            let mut tx = p.begin_write().await?;
            let new: Vec<(i64, i64)> =
                InsertRows::insert_rows(&mut tx, "ON CONFLICT (kind, source_id) DO NOTHING RETURNING id, source_id", &rows)
                    .await?;
            let by_source: HashMap<i64, i64> = new.iter().map(|(id, source)| (*source, *id)).collect();
            let target_rows: Vec<TargetInsert<'_>> = targets
                .iter()
                .filter_map(|(source, kind, id)| {
                    Some(TargetInsert { notice_id: *by_source.get(source)?, target_kind: kind.as_str(), target_id: *id })
                })
                .collect();
            InsertRows::insert_rows::<_, ()>(&mut tx, "ON CONFLICT DO NOTHING", &target_rows).await?;
            // Each notice's instant mail is queued with it, so a crash cannot drop it.
            let jobs: Vec<crate::jobs::BulkJobInsert<'_>> = new
                .iter()
                .map(|(id, _)| crate::jobs::BulkJobInsert {
                    kind: NOTICE_JOB,
                    payload: id.to_string(),
                    run_at: Instant(at),
                    max_attempts: crate::jobs::MAX_ATTEMPTS,
                    created_at: Instant(at),
                    priority: agora_domain::subscription::MailClass::Subscription.priority(),
                })
                .collect();
            InsertRows::insert_rows::<_, ()>(&mut tx, "", &jobs).await?;
            tx.commit().await?;
            new
        });
        created.extend(new.into_iter().map(|(id, _)| id));
    }
    Ok(created)
}

async fn known_sources(db: &Db, kind: NoticeKind, ids: &[i64]) -> DbResult<HashSet<i64>> {
    let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
    let sql = format!("SELECT source_id FROM notices WHERE kind = $1 AND source_id IN ({list})");
    let rows: Vec<i64> = on!(db, p => sqlx::query_scalar(sqlx::AssertSqlSafe(sql)).bind(kind).fetch_all(p).await?);
    Ok(rows.into_iter().collect())
}

/// A notice as mail and feeds show it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Notice {
    pub id: i64,
    pub kind: NoticeKind,
    pub source_id: i64,
    pub title: String,
    pub title_en: Option<String>,
    pub path: String,
    pub at: DateTime<Utc>,
}

const NOTICE_COLS: &str = "n.id, n.kind, n.source_id, n.title, n.title_en, n.path, n.at";

/// Of `notices`, the ids of those whose item the public may still see now: the collector's
/// filters, asked again just before a message is built.
pub async fn still_public(db: &Db, notices: &[Notice], now: DateTime<Utc>) -> DbResult<HashSet<i64>> {
    let mut out = HashSet::new();
    for kind in NoticeKind::ALL {
        let of_kind: Vec<&Notice> = notices.iter().filter(|n| n.kind == kind).collect();
        if of_kind.is_empty() {
            continue;
        }
        let list = of_kind.iter().map(|n| n.source_id.to_string()).collect::<Vec<_>>().join(",");
        // The collector's statement over all time up to now, limited to these sources.
        let sql = format!("SELECT source_id FROM ({}) f WHERE source_id IN ({list})", found_sql(kind));
        let far_past = DateTime::<Utc>::from_timestamp(0, 0).unwrap_or(now);
        let far_future = now + Duration::days(36_500);
        let visible: Vec<i64> = on!(db, p => {
            let q = sqlx::query_scalar(sqlx::AssertSqlSafe(sql)).bind(far_past).bind(now);
            let q = if kind == NoticeKind::Closing { q.bind(far_future) } else { q };
            q.fetch_all(p).await?
        });
        let visible: HashSet<i64> = visible.into_iter().collect();
        out.extend(of_kind.iter().filter(|n| visible.contains(&n.source_id)).map(|n| n.id));
    }
    Ok(out)
}

/// Notice `id`.
pub async fn notice(db: &Db, id: i64) -> DbResult<Option<Notice>> {
    let sql = format!("SELECT {NOTICE_COLS} FROM notices n WHERE n.id = $1");
    on!(db, p => Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(p).await?))
}

/// The latest notices of `kind` (of every kind when `None`), optionally only those concerning
/// one target, newest first: the Atom feeds.
pub async fn latest(
    db: &Db,
    kind: Option<NoticeKind>,
    target: Option<(Target, i64)>,
    limit: i64,
) -> DbResult<Vec<Notice>> {
    let mut wh = vec!["1 = 1".to_owned()];
    if let Some(k) = kind {
        wh.push(format!("n.kind = '{}'", k.as_str()));
    }
    if let Some((t, id)) = target {
        wh.push(format!(
            "EXISTS (SELECT 1 FROM notice_targets nt WHERE nt.notice_id = n.id AND nt.target_kind = '{}' AND nt.target_id = {id})",
            t.as_str()
        ));
    }
    let sql = format!(
        "SELECT {NOTICE_COLS} FROM notices n WHERE {} ORDER BY n.at DESC, n.id DESC LIMIT $1",
        wh.join(" AND ")
    );
    on!(db, p => Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(limit).fetch_all(p).await?))
}

/// A subscriber a mailing goes to, with the subscription it goes under.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Recipient {
    pub subscriber_id: i64,
    pub email: String,
    pub lang: String,
    pub manage_key: String,
    pub subscription_id: i64,
    pub target_kind: Target,
    pub target_id: i64,
    pub unsubscribe_key: String,
    /// What is followed, by name.
    pub name: String,
}

/// The people following, instantly, something notice `id` concerns: one row per person (the
/// subscription with the lowest id when several match).
pub async fn instant_recipients(db: &Db, notice: i64) -> DbResult<Vec<Recipient>> {
    let sql = format!(
        "SELECT b.id AS subscriber_id, b.email, b.lang, b.manage_key, s.id AS subscription_id, s.target_kind, s.target_id, \
         s.unsubscribe_key, COALESCE({TARGET_NAME}, '') AS name \
         FROM subscriptions s JOIN subscribers b ON b.id = s.subscriber_id \
         WHERE s.id IN (SELECT MIN(s2.id) FROM notice_targets nt JOIN subscriptions s2 \
             ON s2.target_kind = nt.target_kind AND s2.target_id = nt.target_id \
           WHERE nt.notice_id = $1 AND s2.frequency = 'instant' AND s2.confirmed_at IS NOT NULL GROUP BY s2.subscriber_id) \
         ORDER BY b.id"
    );
    on!(db, p => Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(notice).fetch_all(p).await?))
}

/// One subscriber's share of a digest: the notices of the period concerning what they follow
/// at that frequency, each once, under the first matching subscription.
#[derive(Debug, Clone)]
pub struct DigestShare {
    pub recipient: Recipient,
    /// The notices' ids, in the order of `targets`' lists.
    pub notices: Vec<i64>,
}

/// What a digest run knows of its period: for each followed thing, the notices concerning it.
pub type PeriodTargets = HashMap<(Target, i64), Vec<i64>>;

/// The targets of `notices`, as a digest run matches them against subscriptions.
pub async fn targets_of(db: &Db, notices: &[i64]) -> DbResult<PeriodTargets> {
    let mut out: PeriodTargets = HashMap::new();
    for chunk in notices.chunks(500) {
        let list = chunk.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
        let sql = format!(
            "SELECT notice_id, target_kind, target_id FROM notice_targets WHERE notice_id IN ({list}) ORDER BY notice_id"
        );
        let rows: Vec<(i64, Target, i64)> = on!(db, p => sqlx::query_as(sqlx::AssertSqlSafe(sql)).fetch_all(p).await?);
        for (notice, t, id) in rows {
            out.entry((t, id)).or_default().push(notice);
        }
    }
    Ok(out)
}

#[derive(sqlx::FromRow)]
struct FollowRow {
    subscriber_id: i64,
    id: i64,
    target_kind: Target,
    target_id: i64,
}

/// The digest of `frequency` for the subscribers after `after` in id order that the next
/// `limit` subscriptions belong to (with all their subscriptions): each one's notices among
/// `targets`, in one pass over the subscriptions by the index of frequency and subscriber. Returns the shares of those who have any, and the
/// last subscriber looked at (`None` when there were no more).
pub async fn digest_batch(
    db: &Db,
    frequency: Frequency,
    targets: &PeriodTargets,
    after: i64,
    limit: i64,
) -> DbResult<(Vec<DigestShare>, Option<i64>)> {
    let sql = "SELECT s.subscriber_id, s.id, s.target_kind, s.target_id FROM subscriptions s \
         WHERE s.frequency = $1 AND s.confirmed_at IS NOT NULL AND s.subscriber_id > $2 \
           AND s.subscriber_id <= (SELECT MAX(b.subscriber_id) FROM (SELECT s2.subscriber_id FROM subscriptions s2 \
             WHERE s2.frequency = $1 AND s2.confirmed_at IS NOT NULL AND s2.subscriber_id > $2 \
             ORDER BY s2.subscriber_id LIMIT $3) b) \
         ORDER BY s.subscriber_id, s.id";
    let rows: Vec<FollowRow> =
        on!(db, p => sqlx::query_as(sql).bind(frequency).bind(after).bind(limit).fetch_all(p).await?);
    let Some(last) = rows.last().map(|r| r.subscriber_id) else { return Ok((Vec::new(), None)) };
    // Per subscriber: the first subscription that matched, and the notices, each once.
    let mut found: Vec<(i64, i64, Vec<i64>)> = Vec::new();
    for r in &rows {
        let Some(ns) = targets.get(&(r.target_kind, r.target_id)) else { continue };
        match found.last_mut() {
            Some((sub, _, list)) if *sub == r.subscriber_id => {
                for n in ns {
                    if !list.contains(n) {
                        list.push(*n);
                    }
                }
            }
            _ => found.push((r.subscriber_id, r.id, ns.clone())),
        }
    }
    if found.is_empty() {
        return Ok((Vec::new(), Some(last)));
    }
    let list = found.iter().map(|(_, id, _)| id.to_string()).collect::<Vec<_>>().join(",");
    let sql = format!(
        "SELECT b.id AS subscriber_id, b.email, b.lang, b.manage_key, s.id AS subscription_id, s.target_kind, s.target_id, \
         s.unsubscribe_key, COALESCE({TARGET_NAME}, '') AS name \
         FROM subscriptions s JOIN subscribers b ON b.id = s.subscriber_id WHERE s.id IN ({list})"
    );
    let recipients: Vec<Recipient> = on!(db, p => sqlx::query_as(sqlx::AssertSqlSafe(sql)).fetch_all(p).await?);
    let mut by_subscriber: HashMap<i64, Recipient> = recipients.into_iter().map(|r| (r.subscriber_id, r)).collect();
    let shares = found
        .into_iter()
        .filter_map(|(sub, _, notices)| Some(DigestShare { recipient: by_subscriber.remove(&sub)?, notices }))
        .collect();
    Ok((shares, Some(last)))
}

/// The notices collected in a period, which a digest of it carries: by the time of
/// collection, not of the item, so an item collected late (a worker stopped for a while)
/// still lands in a digest not yet built rather than in one already sent.
pub async fn notices_between(db: &Db, from: DateTime<Utc>, to: DateTime<Utc>) -> DbResult<Vec<Notice>> {
    let sql = format!(
        "SELECT {NOTICE_COLS} FROM notices n WHERE n.created_at >= $1 AND n.created_at < $2 ORDER BY n.at, n.id"
    );
    on!(db, p => Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(from).bind(to).fetch_all(p).await?))
}

table_row! {
    /// A message's idempotency key, written with its job.
    struct DeliveryInsert in "deliveries" {
        key: String as "text",
        at: Instant as "timestamptz",
    }
}

/// Queues `messages` (idempotency key, mail job payload) as bulk mail of `priority`, each
/// unless its key was queued before, in one transaction; returns how many were queued. The
/// n-th message runs `spacing` × n after `start`, which spreads a mailing at a set rate.
pub async fn queue_mailing(
    db: &Db,
    kind: &str,
    priority: i32,
    messages: Vec<(String, String)>,
    start: DateTime<Utc>,
    spacing: Duration,
) -> DbResult<usize> {
    if messages.is_empty() {
        return Ok(0);
    }
    let at = now();
    let keys: Vec<DeliveryInsert> =
        messages.iter().map(|(key, _)| DeliveryInsert { key: key.clone(), at: Instant(at) }).collect();
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let fresh: Vec<(String,)> =
            InsertRows::insert_rows(&mut tx, "ON CONFLICT (key) DO NOTHING RETURNING key", &keys).await?;
        let fresh: HashSet<String> = fresh.into_iter().map(|(k,)| k).collect();
        let jobs: Vec<crate::jobs::BulkJobInsert<'_>> = messages
            .into_iter()
            .filter(|(key, _)| fresh.contains(key))
            .enumerate()
            .map(|(n, (_, payload))| crate::jobs::BulkJobInsert {
                kind,
                payload,
                run_at: Instant(start + spacing * i32::try_from(n).unwrap_or(i32::MAX)),
                max_attempts: crate::jobs::MAX_ATTEMPTS,
                created_at: Instant(at),
                priority,
            })
            .collect();
        let queued = jobs.len();
        InsertRows::insert_rows::<_, ()>(&mut tx, "", &jobs).await?;
        tx.commit().await?;
        Ok(queued)
    })
}

/// Whether the digest of `frequency` starting `period_start` has been finished.
pub async fn digest_done(db: &Db, frequency: Frequency, period_start: chrono::NaiveDate) -> DbResult<bool> {
    let n: i64 = on!(db, p => sqlx::query_scalar(
        "SELECT COUNT(*) FROM digest_runs WHERE frequency = $1 AND period_start = $2 AND finished_at IS NOT NULL",
    ).bind(frequency).bind(period_start).fetch_one(p).await?);
    Ok(n > 0)
}

/// Records that the digest of `frequency` starting `period_start` is being built, keeping the
/// time of the first attempt when it was started before.
pub async fn start_digest(db: &Db, frequency: Frequency, period_start: chrono::NaiveDate) -> DbResult<()> {
    exec!(db, p => sqlx::query(
        "INSERT INTO digest_runs (frequency, period_start, started_at, messages) VALUES ($1, $2, $3, 0) \
         ON CONFLICT (frequency, period_start) DO NOTHING",
    ).bind(frequency).bind(period_start).bind(now()).execute(p).await?);
    Ok(())
}

/// Records the digest of `frequency` starting `period_start` as finished with `messages`.
pub async fn finish_digest(
    db: &Db,
    frequency: Frequency,
    period_start: chrono::NaiveDate,
    messages: i64,
) -> DbResult<()> {
    let at = now();
    exec!(db, p => sqlx::query(
        "INSERT INTO digest_runs (frequency, period_start, started_at, finished_at, messages) VALUES ($1, $2, $3, $3, $4) \
         ON CONFLICT (frequency, period_start) DO UPDATE SET finished_at = excluded.finished_at, \
           messages = digest_runs.messages + excluded.messages",
    ).bind(frequency).bind(period_start).bind(at).bind(messages).execute(p).await?);
    Ok(())
}
