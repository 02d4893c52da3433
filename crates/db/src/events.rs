//! Standalone events and registration for them. Places are counted and taken inside one write
//! transaction that holds the event (SQLite's `BEGIN IMMEDIATE`, PostgreSQL's row lock on the
//! event), so that however many people register at once, no place is given twice and nobody
//! overtakes the waiting list. Every mail a change owes (a confirmation, a place on the waiting
//! list, an offer of a freed place, a cancelled event) is queued as a job in the same
//! transaction, so it goes out exactly when the change is stored.

use crate::audit::{AuditEntry, audit_in_tx};
use crate::jobs::{JobInsert, MAX_ATTEMPTS};
use crate::rows::{InsertRows, Instant, table_row};
use crate::{BeginWrite, Db, DbResult, Page, Val, now};
use agora_domain::event::{
    AccessNeed, CityEventInput, EventKind, Organiser, Placement, Refusal, Registration, RegistrationMail, SeriesInput,
    may_register, offer_expires,
};
use chrono::{DateTime, Duration, Utc};
use std::collections::{HashMap, HashSet};

/// The job that mails a person about their registration; its payload is
/// `{registration id}:{what}` (see [`RegistrationMail`]).
pub const MAIL_JOB: &str = "event_mail";

/// A job payload for `what` about registration `id`.
pub fn mail_payload(id: i64, what: RegistrationMail) -> String {
    format!("{id}:{what}")
}

/// Reads a payload written by [`mail_payload`].
pub fn parse_payload(payload: &str) -> Option<(i64, RegistrationMail)> {
    let (id, what) = payload.split_once(':')?;
    Some((id.parse().ok()?, RegistrationMail::parse(what)?))
}

/// A standalone event with its organiser's name and its places counted.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CityEvent {
    pub id: i64,
    pub kind: EventKind,
    pub title: String,
    pub description: String,
    pub organiser_kind: String,
    pub organiser_id: Option<i64>,
    /// The department's, district's or body's name; `None` for the Centre.
    pub organiser_name: Option<String>,
    pub organiser_name_en: Option<String>,
    pub series_id: Option<i64>,
    pub series_title: Option<String>,
    pub consultation_id: Option<i64>,
    pub consultation_slug: Option<String>,
    pub consultation_title: Option<String>,
    pub district_id: Option<i64>,
    pub district_name: Option<String>,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub address: Option<String>,
    pub online_url: Option<String>,
    pub capacity: Option<i64>,
    pub reg_opens_at: Option<DateTime<Utc>>,
    pub reg_closes_at: Option<DateTime<Utc>>,
    pub questions: String,
    pub cancelled_at: Option<DateTime<Utc>>,
    pub materials: Option<String>,
    pub recording_url: Option<String>,
    pub summary: Option<String>,
    /// Places held (confirmed or offered).
    pub taken: i64,
    pub waiting: i64,
    pub checked_in: i64,
    pub updated_at: DateTime<Utc>,
}

impl CityEvent {
    /// Who organises it.
    pub fn organiser(&self) -> Organiser {
        Organiser::from_parts(&self.organiser_kind, self.organiser_id).unwrap_or(Organiser::Centre)
    }

    /// Its registration settings; `None` when nobody registers.
    pub fn registration(&self) -> Option<Registration> {
        Some(Registration {
            capacity: self.capacity.and_then(|c| u32::try_from(c).ok()),
            opens_at: self.reg_opens_at?,
            closes_at: self.reg_closes_at.unwrap_or(self.starts_at),
        })
    }

    /// The organiser's questions, in order.
    pub fn questions(&self) -> Vec<String> {
        self.questions.lines().map(str::to_owned).collect()
    }

    /// Places still free; `None` when there is no limit.
    pub fn free(&self) -> Option<i64> {
        self.capacity.map(|c| (c - self.taken).max(0))
    }
}

/// The event query with `s` after its FROM, places counted.
fn ph(s: &str) -> String {
    select(s, true)
}

/// The event query with `s` after its FROM; without `counts` the places are not counted (read
/// as 0), for the paths that run once a registration, where counting an event's thousands of
/// registrations each time would cost more than the registration itself.
fn select(s: &str, counts: bool) -> String {
    let lists = |placement: &str| {
        if counts {
            format!("(SELECT COUNT(*) FROM registrations r WHERE r.event_id = e.id AND r.placement IN ({placement}))")
        } else {
            "CAST(0 AS BIGINT)".to_owned()
        }
    };
    format!(
        "SELECT e.id, e.kind, e.title, e.description, e.organiser_kind, e.organiser_id, \
         CASE e.organiser_kind WHEN 'unit' THEN (SELECT name_pl FROM units WHERE id = e.organiser_id) \
           WHEN 'district' THEN (SELECT name FROM districts WHERE id = e.organiser_id) \
           WHEN 'body' THEN (SELECT name_pl FROM dialogue_bodies WHERE id = e.organiser_id) END AS organiser_name, \
         CASE e.organiser_kind WHEN 'unit' THEN (SELECT name_en FROM units WHERE id = e.organiser_id) \
           WHEN 'body' THEN (SELECT name_en FROM dialogue_bodies WHERE id = e.organiser_id) END AS organiser_name_en, \
         e.series_id, s.title AS series_title, e.consultation_id, c.slug AS consultation_slug, \
         c.title AS consultation_title, e.district_id, d.name AS district_name, e.starts_at, e.ends_at, \
         e.address, e.online_url, e.capacity, e.reg_opens_at, e.reg_closes_at, e.questions, e.cancelled_at, \
         e.materials, e.recording_url, e.summary, {} AS taken, {} AS waiting, \
         {} AS checked_in, \
         e.updated_at \
         FROM city_events e LEFT JOIN event_series s ON s.id = e.series_id \
         LEFT JOIN consultations c ON c.id = e.consultation_id LEFT JOIN districts d ON d.id = e.district_id {s}",
        lists("'confirmed', 'offered'"),
        lists("'waiting'"),
        if counts {
            "(SELECT COUNT(*) FROM registrations r WHERE r.event_id = e.id AND r.checked_in_at IS NOT NULL)"
        } else {
            "CAST(0 AS BIGINT)"
        },
    )
}

/// Which events a list shows.
#[derive(Debug, Clone, Default)]
pub struct EventFilter {
    /// Those still to end from this moment (soonest first), or, when `past`, those that ended
    /// before it (latest first).
    pub at: Option<DateTime<Utc>>,
    pub past: bool,
    pub kind: Option<EventKind>,
    pub district: Option<i64>,
    pub organiser: Option<Organiser>,
    pub series: Option<i64>,
    pub consultation: Option<i64>,
    /// Leave out cancelled events.
    pub without_cancelled: bool,
}

/// One page of events matching `f`.
pub async fn list(db: &Db, f: &EventFilter, limit: i64, offset: i64) -> DbResult<Page<CityEvent>> {
    let mut vals = Vec::new();
    let mut wh = vec!["1 = 1".to_owned()];
    fn push(wh: &mut Vec<String>, vals: &mut Vec<Val>, cond: &str, v: Val) {
        vals.push(v);
        wh.push(cond.replace('?', &format!("${}", vals.len())));
    }
    if let Some(at) = f.at {
        push(&mut wh, &mut vals, if f.past { "e.ends_at <= ?" } else { "e.ends_at > ?" }, Val::T(at));
    }
    if let Some(k) = f.kind {
        push(&mut wh, &mut vals, "e.kind = ?", Val::S(k.as_str().to_owned()));
    }
    if let Some(d) = f.district {
        push(&mut wh, &mut vals, "e.district_id = ?", Val::I(d));
    }
    if let Some(o) = f.organiser {
        let (kind, id) = o.parts();
        push(&mut wh, &mut vals, "e.organiser_kind = ?", Val::S(kind.to_owned()));
        match id {
            Some(id) => push(&mut wh, &mut vals, "e.organiser_id = ?", Val::I(id)),
            None => wh.push("e.organiser_id IS NULL".to_owned()),
        }
    }
    if let Some(s) = f.series {
        push(&mut wh, &mut vals, "e.series_id = ?", Val::I(s));
    }
    if let Some(c) = f.consultation {
        push(&mut wh, &mut vals, "e.consultation_id = ?", Val::I(c));
    }
    if f.without_cancelled {
        wh.push("e.cancelled_at IS NULL".to_owned());
    }
    let where_sql = wh.join(" AND ");
    let order = if f.past { "e.starts_at DESC, e.id DESC" } else { "e.starts_at, e.id" };
    let n = vals.len();
    let sql = ph(&format!("WHERE {where_sql} ORDER BY {order} LIMIT ${} OFFSET ${}", n + 1, n + 2));
    let count = format!("SELECT COUNT(*) FROM city_events e WHERE {where_sql}");
    on!(db, p => {
        let items = bind_all!(sqlx::query_as(sqlx::AssertSqlSafe(sql)), &vals).bind(limit).bind(offset).fetch_all(p).await?;
        let total: i64 = bind_all!(sqlx::query_scalar(sqlx::AssertSqlSafe(count)), &vals).fetch_one(p).await?;
        Ok(Page { items, total })
    })
}

/// The event with `id`.
pub async fn get(db: &Db, id: i64) -> DbResult<Option<CityEvent>> {
    let sql = ph("WHERE e.id = $1");
    on!(db, p => Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(p).await?))
}

/// The event with `id` without its places counted ([`CityEvent::taken`], `waiting` and
/// `checked_in` read 0): for a registration's handler, its mail and its person's page.
pub async fn get_uncounted(db: &Db, id: i64) -> DbResult<Option<CityEvent>> {
    let sql = select("WHERE e.id = $1", false);
    on!(db, p => Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(p).await?))
}

/// Events not cancelled that have not ended by `after` and start at or after `from` and before
/// `before` (where given), the soonest first: the calendar's share of them.
pub async fn between(
    db: &Db,
    after: DateTime<Utc>,
    from: Option<DateTime<Utc>>,
    before: Option<DateTime<Utc>>,
    limit: i64,
) -> DbResult<Vec<CityEvent>> {
    let sql = ph("WHERE e.ends_at > $1 AND ($2 IS NULL OR e.starts_at >= $2) AND ($3 IS NULL OR e.starts_at < $3) \
                  AND e.cancelled_at IS NULL ORDER BY e.starts_at, e.id LIMIT $4");
    on!(db, p => Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(after).bind(from).bind(before).bind(limit).fetch_all(p).await?))
}

/// The series an event may belong to.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Series {
    pub id: i64,
    pub title: String,
    pub description: String,
    pub organiser_kind: String,
    pub organiser_id: Option<i64>,
    pub academy: bool,
    pub audience: Option<String>,
}

/// Every series, by title.
pub async fn series(db: &Db) -> DbResult<Vec<Series>> {
    on!(db, p => Ok(sqlx::query_as(
        "SELECT id, title, description, organiser_kind, organiser_id, academy, audience FROM event_series ORDER BY title, id",
    ).fetch_all(p).await?))
}

/// Stores a new series; returns its id.
pub async fn add_series(db: &Db, s: &SeriesInput, entry: &AuditEntry) -> DbResult<i64> {
    let at = now();
    let (kind, oid) = s.organiser.parts();
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO event_series (title, description, organiser_kind, organiser_id, academy, audience, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        )
        .bind(&s.title).bind(&s.description).bind(kind).bind(oid).bind(s.academy.is_some()).bind(&s.academy).bind(at).bind(at)
        .fetch_one(&mut *tx).await?;
        audit_in_tx!(tx, entry, Some(id));
        tx.commit().await?;
        Ok(id)
    })
}

/// Offers freed places to the first people waiting, as long as places are free; queues each
/// offer's mail. Runs inside the transaction that freed the places.
macro_rules! fill_places {
    ($tx:expr, $event:expr, $at:expr) => {{
        let cap: Option<Option<i64>> = sqlx::query_scalar("SELECT capacity FROM city_events WHERE id = $1 AND cancelled_at IS NULL")
            .bind($event).fetch_optional(&mut *$tx).await?;
        let mut offered: Vec<i64> = Vec::new();
        if let Some(cap) = cap {
            let held: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM registrations WHERE event_id = $1 AND placement IN ('confirmed', 'offered')",
            ).bind($event).fetch_one(&mut *$tx).await?;
            let free = cap.map_or(i64::MAX, |c| c - held);
            if free > 0 {
                let next: Vec<i64> = sqlx::query_scalar(
                    "SELECT id FROM registrations WHERE event_id = $1 AND placement = 'waiting' ORDER BY id LIMIT $2",
                ).bind($event).bind(free.min(10_000)).fetch_all(&mut *$tx).await?;
                for id in &next {
                    sqlx::query("UPDATE registrations SET placement = 'offered', offered_at = $1, updated_at = $1 WHERE id = $2")
                        .bind($at).bind(id).execute(&mut *$tx).await?;
                }
                offered = next;
            }
        }
        let jobs: Vec<JobInsert<'_>> = offered.iter().map(|id| job(*id, RegistrationMail::Offered)).collect();
        InsertRows::insert_rows::<_, ()>(&mut $tx, "", &jobs).await?;
        offered
    }};
}

/// The mail job for `what` about registration `id`, due at once whatever moment the change is
/// dated (an offer ended by the clock is mailed when the clock runs).
fn job(id: i64, what: RegistrationMail) -> JobInsert<'static> {
    let at = now();
    JobInsert {
        kind: MAIL_JOB,
        payload: mail_payload(id, what),
        run_at: Instant(at),
        max_attempts: MAX_ATTEMPTS,
        created_at: Instant(at),
    }
}

/// Stores a new event or saves an edited one; returns its id, or `None` when the edited one is
/// gone. More places on an edited event go at once to the people waiting.
pub async fn save(db: &Db, id: Option<i64>, e: &CityEventInput, entry: &AuditEntry) -> DbResult<Option<i64>> {
    let at = now();
    let (okind, oid) = e.organiser.parts();
    let r = e.registration;
    let questions = e.questions.join("\n");
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let saved: Option<i64> = match id {
            None => Some(sqlx::query_scalar(
                "INSERT INTO city_events (kind, title, description, organiser_kind, organiser_id, series_id, consultation_id, \
                 district_id, starts_at, ends_at, address, online_url, capacity, reg_opens_at, reg_closes_at, questions, \
                 created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $17) \
                 RETURNING id",
            )
            .bind(e.kind).bind(&e.title).bind(&e.description).bind(okind).bind(oid).bind(e.series_id)
            .bind(e.consultation_id).bind(e.district_id).bind(e.starts_at).bind(e.ends_at).bind(&e.address)
            .bind(&e.online_url).bind(r.and_then(|r| r.capacity).map(i64::from)).bind(r.map(|r| r.opens_at))
            .bind(r.map(|r| r.closes_at)).bind(&questions).bind(at)
            .fetch_one(&mut *tx).await?),
            Some(id) => sqlx::query_scalar(
                "UPDATE city_events SET kind = $1, title = $2, description = $3, organiser_kind = $4, organiser_id = $5, \
                 series_id = $6, consultation_id = $7, district_id = $8, starts_at = $9, ends_at = $10, address = $11, \
                 online_url = $12, capacity = $13, reg_opens_at = $14, reg_closes_at = $15, questions = $16, updated_at = $17 \
                 WHERE id = $18 RETURNING id",
            )
            .bind(e.kind).bind(&e.title).bind(&e.description).bind(okind).bind(oid).bind(e.series_id)
            .bind(e.consultation_id).bind(e.district_id).bind(e.starts_at).bind(e.ends_at).bind(&e.address)
            .bind(&e.online_url).bind(r.and_then(|r| r.capacity).map(i64::from)).bind(r.map(|r| r.opens_at))
            .bind(r.map(|r| r.closes_at)).bind(&questions).bind(at).bind(id)
            .fetch_optional(&mut *tx).await?,
        };
        if let Some(id) = saved {
            fill_places!(tx, id, at);
            audit_in_tx!(tx, entry, Some(id));
        }
        tx.commit().await?;
        Ok(saved)
    })
}

/// Cancels an event; everyone registered is told. False when it was gone or cancelled already.
pub async fn cancel_event(db: &Db, id: i64, entry: &AuditEntry) -> DbResult<bool> {
    let at = now();
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let done = sqlx::query("UPDATE city_events SET cancelled_at = $1, updated_at = $1 WHERE id = $2 AND cancelled_at IS NULL")
            .bind(at).bind(id).execute(&mut *tx).await?.rows_affected() > 0;
        if done {
            let told: Vec<i64> = sqlx::query_scalar("SELECT id FROM registrations WHERE event_id = $1 AND placement <> 'cancelled'")
                .bind(id).fetch_all(&mut *tx).await?;
            let jobs: Vec<JobInsert<'_>> = told.iter().map(|r| job(*r, RegistrationMail::EventCancelled)).collect();
            InsertRows::insert_rows::<_, ()>(&mut tx, "", &jobs).await?;
            audit_in_tx!(tx, entry, Some(id));
        }
        tx.commit().await?;
        Ok(done)
    })
}

/// Saves what comes after an event: materials, the recording's address and a summary.
pub async fn save_afterwards(
    db: &Db,
    id: i64,
    materials: Option<&str>,
    recording_url: Option<&str>,
    summary: Option<&str>,
    entry: &AuditEntry,
) -> DbResult<bool> {
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let done = sqlx::query("UPDATE city_events SET materials = $1, recording_url = $2, summary = $3, updated_at = $4 WHERE id = $5")
            .bind(materials).bind(recording_url).bind(summary).bind(now()).bind(id)
            .execute(&mut *tx).await?.rows_affected() > 0;
        if done {
            audit_in_tx!(tx, entry, Some(id));
        }
        tx.commit().await?;
        Ok(done)
    })
}

// ---- registrations ----

/// A registration as the handler hands it to the writer.
#[derive(Debug, Clone)]
pub struct NewRegistration {
    pub event_id: i64,
    pub account_id: Option<i64>,
    pub name: String,
    pub email: String,
    pub lang: String,
    pub needs: Vec<AccessNeed>,
    pub need_other: Option<String>,
    pub answers: Vec<String>,
    /// The secret of the person's link.
    pub token: String,
    /// The check-in code drawn for it.
    pub code: String,
}

/// What became of a registration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegOutcome {
    /// Stored with a place or on the waiting list.
    Stored { id: i64, placement: Placement },
    /// Not taken, for this reason.
    Refused(Refusal),
    /// There is no such event.
    Gone,
}

table_row! {
    /// A registration stored with others of its batch in one statement.
    struct RegistrationInsert<'a> in "registrations" {
        event_id: i64 as "bigint",
        account_id: Option<i64> as "bigint",
        name: &'a str as "text",
        email: &'a str as "text",
        email_key: String as "text",
        lang: &'a str as "text",
        needs: String as "text",
        need_other: Option<&'a str> as "text",
        answers: String as "text",
        placement: &'static str as "text",
        code: &'a str as "text",
        token: &'a str as "text",
        created_at: Instant as "timestamptz",
        updated_at: Instant as "timestamptz",
    }
}

/// An event's state as registration needs it, read once per batch under the lock.
#[derive(sqlx::FromRow)]
struct Held {
    capacity: Option<i64>,
    reg_opens_at: Option<DateTime<Utc>>,
    reg_closes_at: Option<DateTime<Utc>>,
    starts_at: DateTime<Utc>,
    cancelled: bool,
}

/// Stores a batch of registrations in one transaction, in the order they came: each takes a
/// place while one is free and nobody waits, else joins the waiting list. Each gets its mail
/// queued in the same transaction.
pub async fn register(db: &Db, batch: &[NewRegistration]) -> DbResult<Vec<RegOutcome>> {
    let at = now();
    // SQLite's write transaction already excludes every other writer; PostgreSQL locks the
    // event's row, so two instances counting places for the same event take turns.
    let lock = if matches!(db, Db::Postgres(_)) { " FOR UPDATE" } else { "" };
    let read_event = format!(
        "SELECT capacity, reg_opens_at, reg_closes_at, starts_at, cancelled_at IS NOT NULL AS cancelled \
         FROM city_events WHERE id = $1{lock}"
    );
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let mut out = vec![RegOutcome::Gone; batch.len()];
        // Per event: its state, places held and people waiting, counted as the batch goes.
        let mut events: HashMap<i64, Option<(Held, u32, u32)>> = HashMap::new();
        let mut seen: HashSet<(i64, String)> = HashSet::new();
        // The addresses of the batch already registered, found in one statement a batch
        // rather than one a registration.
        let mut taken: HashSet<(i64, String)> = HashSet::new();
        if !batch.is_empty() {
            let marks: Vec<String> = (0..batch.len()).map(|i| format!("(${}, ${})", 2 * i + 1, 2 * i + 2)).collect();
            let sql = format!(
                "SELECT event_id, email_key FROM registrations WHERE placement <> 'cancelled' AND (event_id, email_key) IN (VALUES {})",
                marks.join(", ")
            );
            let mut q = sqlx::query_as::<_, (i64, String)>(sqlx::AssertSqlSafe(sql));
            for r in batch {
                q = q.bind(r.event_id).bind(r.email.to_lowercase());
            }
            taken.extend(q.fetch_all(&mut *tx).await?);
        }
        let mut rows = Vec::new();
        let mut placements = Vec::new();
        for (k, r) in batch.iter().enumerate() {
            if let std::collections::hash_map::Entry::Vacant(slot) = events.entry(r.event_id) {
                let held: Option<Held> = sqlx::query_as(sqlx::AssertSqlSafe(read_event.clone()))
                    .bind(r.event_id).fetch_optional(&mut *tx).await?;
                let state = match held {
                    Some(h) => {
                        let counts: (i64, i64) = sqlx::query_as(
                            "SELECT COALESCE(SUM(CASE WHEN placement IN ('confirmed', 'offered') THEN 1 ELSE 0 END), 0), \
                             COALESCE(SUM(CASE WHEN placement = 'waiting' THEN 1 ELSE 0 END), 0) \
                             FROM registrations WHERE event_id = $1",
                        ).bind(r.event_id).fetch_one(&mut *tx).await?;
                        let n = |x: i64| u32::try_from(x).unwrap_or(u32::MAX);
                        Some((h, n(counts.0), n(counts.1)))
                    }
                    None => None,
                };
                slot.insert(state);
            }
            let Some(Some((h, held, waiting))) = events.get_mut(&r.event_id) else { continue };
            let settings = h.reg_opens_at.map(|opens_at| Registration {
                capacity: h.capacity.and_then(|c| u32::try_from(c).ok()),
                opens_at,
                closes_at: h.reg_closes_at.unwrap_or(h.starts_at),
            });
            if let Err(refusal) = may_register(settings.as_ref(), h.cancelled, h.starts_at, at) {
                out[k] = RegOutcome::Refused(refusal);
                continue;
            }
            let key = r.email.to_lowercase();
            if taken.contains(&(r.event_id, key.clone())) || !seen.insert((r.event_id, key.clone())) {
                out[k] = RegOutcome::Refused(Refusal::Twice);
                continue;
            }
            let placement = settings.map_or(Placement::Confirmed, |s| s.place(*held, *waiting));
            if placement == Placement::Confirmed { *held += 1 } else { *waiting += 1 }
            placements.push((k, placement));
            rows.push(RegistrationInsert {
                event_id: r.event_id,
                account_id: r.account_id,
                name: &r.name,
                email: &r.email,
                email_key: key,
                lang: &r.lang,
                needs: r.needs.iter().map(|n| n.as_str()).collect::<Vec<_>>().join(","),
                need_other: r.need_other.as_deref(),
                answers: serde_json::to_string(&r.answers).unwrap_or_else(|_| "[]".into()),
                placement: placement.as_str(),
                code: &r.code,
                token: &r.token,
                created_at: Instant(at),
                updated_at: Instant(at),
            });
        }
        let ids: Vec<(i64, String)> = InsertRows::insert_rows(&mut tx, "RETURNING id, token", &rows).await?;
        let by_token: HashMap<&str, i64> = ids.iter().map(|(id, t)| (t.as_str(), *id)).collect();
        let mut jobs = Vec::with_capacity(placements.len());
        for (k, placement) in placements {
            let Some(&id) = by_token.get(batch[k].token.as_str()) else { continue };
            out[k] = RegOutcome::Stored { id, placement };
            let what = if placement == Placement::Confirmed { RegistrationMail::Confirmed } else { RegistrationMail::Waiting };
            jobs.push(job(id, what));
        }
        InsertRows::insert_rows::<_, ()>(&mut tx, "", &jobs).await?;
        tx.commit().await?;
        Ok(out)
    })
}

/// A registration with what its person and the organiser see of it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct RegistrationRow {
    pub id: i64,
    pub event_id: i64,
    pub account_id: Option<i64>,
    pub name: String,
    pub email: String,
    pub lang: String,
    pub needs: String,
    pub need_other: Option<String>,
    pub answers: String,
    pub placement: Placement,
    pub code: String,
    pub token: String,
    pub offered_at: Option<DateTime<Utc>>,
    pub checked_in_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

impl RegistrationRow {
    /// The accessibility needs named.
    pub fn needs(&self) -> Vec<AccessNeed> {
        self.needs.split(',').filter_map(AccessNeed::parse).collect()
    }

    /// The answers to the organiser's questions, in order.
    pub fn answers(&self) -> Vec<String> {
        serde_json::from_str(&self.answers).unwrap_or_default()
    }

    /// Until when an offered place stays this person's.
    pub fn offer_until(&self) -> Option<DateTime<Utc>> {
        (self.placement == Placement::Offered).then_some(self.offered_at.map(offer_expires)).flatten()
    }
}

const REG_COLS: &str = "id, event_id, account_id, name, email, lang, needs, need_other, answers, placement, code, token, \
                        offered_at, checked_in_at, created_at";

/// The registration behind a person's link.
pub async fn by_token(db: &Db, token: &str) -> DbResult<Option<RegistrationRow>> {
    let sql = format!("SELECT {REG_COLS} FROM registrations WHERE token = $1");
    on!(db, p => Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(token).fetch_optional(p).await?))
}

/// The registration with `id`.
pub async fn registration(db: &Db, id: i64) -> DbResult<Option<RegistrationRow>> {
    let sql = format!("SELECT {REG_COLS} FROM registrations WHERE id = $1");
    on!(db, p => Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(p).await?))
}

/// Everyone registered for an event, in the order they registered.
pub async fn registrations(db: &Db, event: i64) -> DbResult<Vec<RegistrationRow>> {
    let sql = format!("SELECT {REG_COLS} FROM registrations WHERE event_id = $1 ORDER BY id");
    on!(db, p => Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(event).fetch_all(p).await?))
}

/// A person's registrations, by their account or by the address they used, with the events.
pub async fn of_person(db: &Db, account: i64, email: &str) -> DbResult<Vec<(RegistrationRow, CityEvent)>> {
    let sql = format!(
        "SELECT {REG_COLS} FROM registrations WHERE account_id = $1 OR email_key = $2 ORDER BY created_at DESC LIMIT 200"
    );
    let regs: Vec<RegistrationRow> = on!(db, p => sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(account).bind(email.to_lowercase()).fetch_all(p).await?);
    let ids: Vec<i64> = regs.iter().map(|r| r.event_id).collect::<HashSet<_>>().into_iter().collect();
    let events = of_ids(db, &ids).await?;
    Ok(regs.into_iter().filter_map(|r| events.iter().find(|e| e.id == r.event_id).cloned().map(|e| (r, e))).collect())
}

async fn of_ids(db: &Db, ids: &[i64]) -> DbResult<Vec<CityEvent>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(", ");
    let sql = ph(&format!("WHERE e.id IN ({list})"));
    on!(db, p => Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql)).fetch_all(p).await?))
}

/// What became of a person's cancellation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cancelled {
    /// Cancelled; `offered` people waiting were offered the freed place.
    Done { offered: usize },
    /// It was cancelled already.
    Already,
    /// No such registration.
    Gone,
}

/// Cancels the registration behind a link; a place it held goes to the first person waiting.
pub async fn cancel(db: &Db, token: &str) -> DbResult<Cancelled> {
    let at = now();
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let row: Option<(i64, i64, Placement)> = sqlx::query_as("SELECT id, event_id, placement FROM registrations WHERE token = $1")
            .bind(token).fetch_optional(&mut *tx).await?;
        let result = match row {
            None => Cancelled::Gone,
            Some((_, _, Placement::Cancelled)) => Cancelled::Already,
            Some((id, event, _)) => {
                sqlx::query("UPDATE registrations SET placement = 'cancelled', updated_at = $1 WHERE id = $2")
                    .bind(at).bind(id).execute(&mut *tx).await?;
                let offered = fill_places!(tx, event, at);
                Cancelled::Done { offered: offered.len() }
            }
        };
        tx.commit().await?;
        Ok(result)
    })
}

/// Takes an offered place, while the offer is open; false when there was no open offer.
pub async fn accept_offer(db: &Db, token: &str) -> DbResult<bool> {
    let at = now();
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let done = sqlx::query(
            "UPDATE registrations SET placement = 'confirmed', updated_at = $1 \
             WHERE token = $2 AND placement = 'offered' AND offered_at > $3",
        )
        .bind(at).bind(token).bind(at - Duration::hours(agora_domain::event::OFFER_HOURS))
        .execute(&mut *tx).await?.rows_affected() > 0;
        if done {
            let id: i64 = sqlx::query_scalar("SELECT id FROM registrations WHERE token = $1").bind(token).fetch_one(&mut *tx).await?;
            InsertRows::insert_rows::<_, ()>(&mut tx, "", &[job(id, RegistrationMail::Confirmed)]).await?;
        }
        tx.commit().await?;
        Ok(done)
    })
}

/// Ends the offers whose time ran out and passes each place to the next person waiting;
/// returns how many offers ran out.
pub async fn expire_offers(db: &Db, at: DateTime<Utc>) -> DbResult<usize> {
    let before = at - Duration::hours(agora_domain::event::OFFER_HOURS);
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let ended: Vec<(i64, i64)> = sqlx::query_as(
            "SELECT id, event_id FROM registrations WHERE placement = 'offered' AND offered_at <= $1 ORDER BY id LIMIT 1000",
        ).bind(before).fetch_all(&mut *tx).await?;
        for (id, _) in &ended {
            sqlx::query("UPDATE registrations SET placement = 'cancelled', updated_at = $1 WHERE id = $2")
                .bind(at).bind(id).execute(&mut *tx).await?;
        }
        let events: HashSet<i64> = ended.iter().map(|(_, e)| *e).collect();
        for event in events {
            fill_places!(tx, event, at);
        }
        tx.commit().await?;
        Ok(ended.len())
    })
}

/// What typing a code at the door did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CheckIn {
    /// Checked in now.
    Done { name: String },
    /// Checked in before, at that time: not counted again.
    Already { name: String, at: DateTime<Utc> },
    /// The code is this event's but its registration holds no place.
    NoPlace { name: String, placement: Placement },
    /// No registration for this event has the code.
    Unknown,
}

/// Checks in the holder of `code` at event `event`.
pub async fn check_in(db: &Db, event: i64, code: &str) -> DbResult<CheckIn> {
    let at = now();
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let row: Option<(i64, String, Placement, Option<DateTime<Utc>>)> = sqlx::query_as(
            "SELECT id, name, placement, checked_in_at FROM registrations WHERE event_id = $1 AND code = $2",
        ).bind(event).bind(code).fetch_optional(&mut *tx).await?;
        let result = match row {
            None => CheckIn::Unknown,
            Some((_, name, _, Some(at))) => CheckIn::Already { name, at },
            Some((_, name, placement, None)) if placement != Placement::Confirmed => CheckIn::NoPlace { name, placement },
            Some((id, name, _, None)) => {
                sqlx::query("UPDATE registrations SET checked_in_at = $1, updated_at = $1 WHERE id = $2")
                    .bind(at).bind(id).execute(&mut *tx).await?;
                CheckIn::Done { name }
            }
        };
        tx.commit().await?;
        Ok(result)
    })
}

/// Queues a certificate of attendance for everyone checked in at `event` who has not been sent
/// one; returns how many were queued.
pub async fn send_certificates(db: &Db, event: i64, entry: &AuditEntry) -> DbResult<usize> {
    let at = now();
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let ids: Vec<i64> = sqlx::query_scalar(
            "UPDATE registrations SET certificate_sent_at = $1, updated_at = $1 \
             WHERE event_id = $2 AND checked_in_at IS NOT NULL AND certificate_sent_at IS NULL RETURNING id",
        ).bind(at).bind(event).fetch_all(&mut *tx).await?;
        let jobs: Vec<JobInsert<'_>> = ids.iter().map(|id| job(*id, RegistrationMail::Certificate)).collect();
        InsertRows::insert_rows::<_, ()>(&mut tx, "", &jobs).await?;
        if !ids.is_empty() {
            audit_in_tx!(tx, entry, Some(event));
        }
        tx.commit().await?;
        Ok(ids.len())
    })
}

/// A session of a series and whether a person came to it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SessionAttended {
    pub id: i64,
    pub title: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub attended: bool,
}

/// The sessions of series `series` not cancelled, in order, each marked by whether the person
/// registered with `email` was checked in at it.
pub async fn series_attendance(db: &Db, series: i64, email: &str) -> DbResult<Vec<SessionAttended>> {
    on!(db, p => Ok(sqlx::query_as(
        "SELECT e.id, e.title, e.starts_at, e.ends_at, EXISTS (SELECT 1 FROM registrations r WHERE r.event_id = e.id \
           AND r.email_key = $2 AND r.checked_in_at IS NOT NULL) AS attended \
         FROM city_events e WHERE e.series_id = $1 AND e.cancelled_at IS NULL ORDER BY e.starts_at, e.id",
    ).bind(series).bind(email.to_lowercase()).fetch_all(p).await?))
}

/// The academy's series, by title.
pub async fn academy(db: &Db) -> DbResult<Vec<Series>> {
    on!(db, p => Ok(sqlx::query_as(
        "SELECT id, title, description, organiser_kind, organiser_id, academy, audience FROM event_series \
         WHERE academy = TRUE ORDER BY title, id",
    ).fetch_all(p).await?))
}

/// Every event of the series in `series`, not cancelled, in order: the academy's sessions.
pub async fn of_series(db: &Db, series: &[i64]) -> DbResult<Vec<CityEvent>> {
    if series.is_empty() {
        return Ok(Vec::new());
    }
    let list = series.iter().map(i64::to_string).collect::<Vec<_>>().join(", ");
    let sql = ph(&format!("WHERE e.series_id IN ({list}) AND e.cancelled_at IS NULL ORDER BY e.starts_at, e.id"));
    on!(db, p => Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql)).fetch_all(p).await?))
}

/// People with a place at events starting in `[from, to)`, for the reminder the day before:
/// (event id, registration ids).
pub async fn to_remind(db: &Db, from: DateTime<Utc>, to: DateTime<Utc>) -> DbResult<Vec<(i64, Vec<i64>)>> {
    let rows: Vec<(i64, i64)> = on!(db, p => sqlx::query_as(
        "SELECT e.id, r.id FROM city_events e JOIN registrations r ON r.event_id = e.id \
         WHERE e.starts_at >= $1 AND e.starts_at < $2 AND e.cancelled_at IS NULL AND r.placement = 'confirmed' \
         ORDER BY e.id, r.id",
    ).bind(from).bind(to).fetch_all(p).await?);
    let mut out: Vec<(i64, Vec<i64>)> = Vec::new();
    for (event, reg) in rows {
        match out.last_mut() {
            Some((e, regs)) if *e == event => regs.push(reg),
            _ => out.push((event, vec![reg])),
        }
    }
    Ok(out)
}
