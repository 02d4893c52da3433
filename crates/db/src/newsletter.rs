//! The newsletter's issues, who receives them, and the queueing of a mailing.
//!
//! Recipients are subscribers with a confirmed address whose newsletter subscription is
//! confirmed (the double opt-in) and not turned off; its row's `created_at` and `source` are
//! the recorded opt-in. An issue's audience narrows them to those who also follow a district or
//! a topic (a confirmed follow, not turned off), or who are current members of a body. The
//! count shown before sending and the sending job read through the same statement.
//!
//! A mailing is queued in keyset batches of subscribers through
//! [`crate::subscriptions::queue_mailing`]: per batch, one transaction writes a `deliveries`
//! row under `newsletter:{id}:{subscriber}` for each message and a bulk mail job for each row
//! that was new, so a run killed half-way and started again mails nobody twice. The rows'
//! count is the number of messages an issue went out as.

use crate::audit::{AuditEntry, audit_in_tx};
use crate::jobs::MAX_ATTEMPTS;
use crate::{BeginWrite, Db, DbResult, Page, Val, now, text_list};
use agora_domain::newsletter::{Audience, NewsletterInput, Recipients, Start, Status};
use agora_domain::subscription::{Frequency, Target};
use chrono::{DateTime, NaiveDate, Utc};

/// The job kind that sends an issue: it queues the messages, on the bulk queue at the
/// newsletter's priority.
pub const SEND_JOB: &str = "newsletter";

/// Where the pace of mailings is kept (as JSON of `agora_domain::newsletter::Pace`).
pub const PACE_SETTING: &str = "newsletter.pace";

/// An issue as stored.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Newsletter {
    pub id: i64,
    pub subject: String,
    pub subject_en: Option<String>,
    pub body: String,
    pub body_en: Option<String>,
    pub audience: Audience,
    pub audience_id: Option<i64>,
    pub status: Status,
    pub scheduled_at: Option<DateTime<Utc>>,
    pub started_at: Option<DateTime<Utc>>,
    pub sent_at: Option<DateTime<Utc>>,
    /// Messages queued, once it is sent.
    pub recipients: Option<i64>,
    pub updated_at: DateTime<Utc>,
}

impl Newsletter {
    /// Its audience; `None` only for a row the application did not write.
    pub fn audience(&self) -> Option<Recipients> {
        Recipients::from_parts(self.audience, self.audience_id)
    }

    /// Its texts and audience as a checked issue.
    pub fn input(&self) -> Option<NewsletterInput> {
        Some(NewsletterInput {
            subject: self.subject.clone(),
            subject_en: self.subject_en.clone(),
            body: self.body.clone(),
            body_en: self.body_en.clone(),
            recipients: self.audience()?,
        })
    }
}

/// An issue in a list, without its texts.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Summary {
    pub id: i64,
    pub subject: String,
    pub subject_en: Option<String>,
    pub audience: Audience,
    pub audience_id: Option<i64>,
    pub status: Status,
    pub scheduled_at: Option<DateTime<Utc>>,
    pub sent_at: Option<DateTime<Utc>>,
    pub recipients: Option<i64>,
    pub updated_at: DateTime<Utc>,
}

const COLUMNS: &str = "id, subject, subject_en, body, body_en, audience, audience_id, status, scheduled_at, \
     started_at, sent_at, recipients, updated_at";
const SUMMARY: &str =
    "id, subject, subject_en, audience, audience_id, status, scheduled_at, sent_at, recipients, updated_at";

/// What a change asked of an issue came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// It was made.
    Done,
    /// There is no such issue.
    Missing,
    /// The state does not allow it (sent meanwhile, for one).
    Refused,
}

/// The statuses in which `allowed` holds, as an SQL list.
fn statuses(allowed: impl Fn(Status) -> bool) -> String {
    let list: Vec<Status> = Status::ALL.into_iter().filter(|s| allowed(*s)).collect();
    text_list(&list)
}

/// Stores a new draft; returns its id.
pub async fn create(db: &Db, n: &NewsletterInput, author: Option<i64>, entry: &AuditEntry) -> DbResult<i64> {
    let at = now();
    let (audience, audience_id) = n.recipients.parts();
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO newsletters (subject, subject_en, body, body_en, audience, audience_id, status, \
             created_by, created_at, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $8, $9) RETURNING id",
        )
        .bind(&n.subject).bind(&n.subject_en).bind(&n.body).bind(&n.body_en).bind(audience).bind(audience_id)
        .bind(Status::Draft).bind(author).bind(at)
        .fetch_one(&mut *tx).await?;
        audit_in_tx!(tx, entry, Some(id));
        tx.commit().await?;
        Ok(id)
    })
}

/// Runs `sql` (an `UPDATE newsletters … WHERE id = $1 AND status IN (…)` whose other
/// parameters `bind` adds) and audits it when it changed the issue; tells apart an issue that is
/// missing from one whose state refused the change.
macro_rules! change {
    ($db:expr, $id:expr, $entry:expr, $sql:expr, |$q:ident| $bind:expr) => {{
        let sql: String = $sql;
        on!($db, p => {
            let mut tx = p.begin_write().await?;
            let $q = sqlx::query(sqlx::AssertSqlSafe(sql)).bind($id);
            let changed = $bind.execute(&mut *tx).await?.rows_affected() == 1;
            if changed {
                audit_in_tx!(tx, $entry, Some($id));
                tx.commit().await?;
                return Ok(Outcome::Done);
            }
            drop(tx);
            missing_or_refused($db, $id).await
        })
    }};
}

/// Why a change to issue `id` changed nothing: there is no such issue, or its state refused it.
async fn missing_or_refused(db: &Db, id: i64) -> DbResult<Outcome> {
    let exists: Option<i64> =
        on!(db, p => sqlx::query_scalar("SELECT id FROM newsletters WHERE id = $1").bind(id).fetch_optional(p).await?);
    Ok(if exists.is_some() { Outcome::Refused } else { Outcome::Missing })
}

/// Saves an edited issue, while it is still a draft or scheduled.
pub async fn update(
    db: &Db,
    id: i64,
    n: &NewsletterInput,
    author: Option<i64>,
    entry: &AuditEntry,
) -> DbResult<Outcome> {
    let (audience, audience_id) = n.recipients.parts();
    let sql = format!(
        "UPDATE newsletters SET subject = $2, subject_en = $3, body = $4, body_en = $5, audience = $6, \
         audience_id = $7, updated_by = $8, updated_at = $9 WHERE id = $1 AND status IN ({})",
        statuses(Status::editable)
    );
    change!(db, id, entry, sql, |q| q
        .bind(&n.subject)
        .bind(&n.subject_en)
        .bind(&n.body)
        .bind(&n.body_en)
        .bind(audience)
        .bind(audience_id)
        .bind(author)
        .bind(now()))
}

/// Gives an issue the time it goes out (now, to send it at once), and queues its sending job
/// for that time in the same transaction, so no issue is scheduled without one. A job left from
/// an earlier time finds the issue not due then, and does nothing.
pub async fn schedule(
    db: &Db,
    id: i64,
    at: DateTime<Utc>,
    author: Option<i64>,
    entry: &AuditEntry,
) -> DbResult<Outcome> {
    let sql = format!(
        "UPDATE newsletters SET status = $2, scheduled_at = $3, updated_by = $4, updated_at = $5 \
         WHERE id = $1 AND status IN ({})",
        statuses(Status::may_send)
    );
    let changed_at = now();
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let changed = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(id).bind(Status::Scheduled).bind(at).bind(author).bind(changed_at)
            .execute(&mut *tx).await?.rows_affected() == 1;
        if !changed {
            drop(tx);
            return missing_or_refused(db, id).await;
        }
        // On the bulk queue: walking fifty thousand recipients must not hold up a receipt.
        sqlx::query(
            "INSERT INTO jobs (kind, payload, run_at, max_attempts, created_at, priority) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(SEND_JOB).bind(id.to_string()).bind(at).bind(MAX_ATTEMPTS).bind(changed_at)
        .bind(agora_domain::subscription::MailClass::Newsletter.priority())
        .execute(&mut *tx).await?;
        audit_in_tx!(tx, entry, Some(id));
        tx.commit().await?;
        Ok(Outcome::Done)
    })
}

/// Calls a scheduled issue back to a draft.
pub async fn cancel(db: &Db, id: i64, author: Option<i64>, entry: &AuditEntry) -> DbResult<Outcome> {
    let sql = format!(
        "UPDATE newsletters SET status = $2, scheduled_at = NULL, updated_by = $3, updated_at = $4 \
         WHERE id = $1 AND status IN ({})",
        statuses(Status::may_cancel)
    );
    change!(db, id, entry, sql, |q| q.bind(Status::Draft).bind(author).bind(now()))
}

/// The issue `id`, whatever its state.
pub async fn get(db: &Db, id: i64) -> DbResult<Option<Newsletter>> {
    let sql = format!("SELECT {COLUMNS} FROM newsletters WHERE id = $1");
    on!(db, p => Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(p).await?))
}

/// Every issue, for the editors: the latest change first.
pub async fn list(db: &Db, limit: i64, offset: i64) -> DbResult<Page<Summary>> {
    let sql = format!("SELECT {SUMMARY} FROM newsletters ORDER BY updated_at DESC, id DESC LIMIT $1 OFFSET $2");
    on!(db, p => {
        let items = sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(limit).bind(offset).fetch_all(p).await?;
        let total: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM newsletters").fetch_one(p).await?;
        Ok(Page { items, total })
    })
}

/// The archive: issues that are sent, the newest first.
pub async fn archive(db: &Db, limit: i64, offset: i64) -> DbResult<Page<Summary>> {
    let public = statuses(Status::is_public);
    let list = format!(
        "SELECT {SUMMARY} FROM newsletters WHERE status IN ({public}) ORDER BY sent_at DESC, id DESC LIMIT $1 OFFSET $2"
    );
    let count = format!("SELECT COUNT(*) FROM newsletters WHERE status IN ({public})");
    on!(db, p => {
        let items = sqlx::query_as(sqlx::AssertSqlSafe(list)).bind(limit).bind(offset).fetch_all(p).await?;
        let total: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(count)).fetch_one(p).await?;
        Ok(Page { items, total })
    })
}

// ---- recipients ----

/// One recipient of an issue, with what their message says of their opt-in.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Recipient {
    pub subscriber_id: i64,
    pub email: String,
    /// The language their messages are written in.
    pub lang: String,
    /// The key of their "my subscriptions" page.
    pub manage_key: String,
    /// The one-click unsubscribe key of their newsletter subscription.
    pub unsubscribe_key: String,
    /// When they subscribed to the newsletter, and where.
    pub opted_in_at: DateTime<Utc>,
    pub source: String,
}

/// `FROM … WHERE …` of the recipients of `audience` on Warsaw day `today`, its parameters
/// pushed onto `vals`.
fn recipients_from(audience: Recipients, today: NaiveDate, vals: &mut Vec<Val>) -> String {
    let mut arg = |v: Val| {
        vals.push(v);
        format!("${}", vals.len())
    };
    let (newsletter, zero, off) =
        (arg(Val::S(Target::Newsletter.as_str().into())), arg(Val::I(0)), arg(Val::S(Frequency::Off.as_str().into())));
    let mut sql = format!(
        "FROM subscribers s JOIN subscriptions n ON n.subscriber_id = s.id AND n.target_kind = {newsletter} \
         AND n.target_id = {zero} AND n.frequency <> {off} AND n.confirmed_at IS NOT NULL \
         WHERE s.confirmed_at IS NOT NULL"
    );
    let follows = |target: Target, id: i64, arg: &mut dyn FnMut(Val) -> String| {
        let (kind, id) = (arg(Val::S(target.as_str().into())), arg(Val::I(id)));
        format!(
            " AND EXISTS (SELECT 1 FROM subscriptions f WHERE f.subscriber_id = s.id AND f.target_kind = {kind} \
             AND f.target_id = {id} AND f.frequency <> {off} AND f.confirmed_at IS NOT NULL)"
        )
    };
    match audience {
        Recipients::All => {}
        Recipients::District(d) => sql.push_str(&follows(Target::District, d, &mut arg)),
        Recipients::Category(c) => sql.push_str(&follows(Target::Category, c, &mut arg)),
        Recipients::Body(b) => {
            let (body, day) = (arg(Val::I(b)), arg(Val::D(today)));
            sql.push_str(&format!(
                " AND EXISTS (SELECT 1 FROM body_memberships m WHERE m.user_id = s.user_id AND m.body_id = {body} \
                 AND m.starts_on <= {day} AND (m.ends_on IS NULL OR m.ends_on >= {day}))"
            ));
        }
    }
    sql
}

/// How many people an issue for `audience` would reach on Warsaw day `today`.
pub async fn count(db: &Db, audience: Recipients, today: NaiveDate) -> DbResult<i64> {
    let mut vals = Vec::new();
    let sql = format!("SELECT COUNT(*) {}", recipients_from(audience, today, &mut vals));
    on!(db, p => Ok(bind_all!(sqlx::query_scalar(sqlx::AssertSqlSafe(sql)), &vals).fetch_one(p).await?))
}

/// Up to `limit` recipients of `audience` after subscriber `after`, in subscriber order: one
/// batch of a mailing, read through the primary key wherever the last one stopped.
pub async fn recipients(
    db: &Db,
    audience: Recipients,
    today: NaiveDate,
    after: i64,
    limit: i64,
) -> DbResult<Vec<Recipient>> {
    let mut vals = Vec::new();
    let from = recipients_from(audience, today, &mut vals);
    vals.push(Val::I(after));
    let after_arg = vals.len();
    vals.push(Val::I(limit));
    let sql = format!(
        "SELECT s.id AS subscriber_id, s.email, s.lang, s.manage_key, n.unsubscribe_key, \
         n.created_at AS opted_in_at, n.source {from} AND s.id > ${after_arg} ORDER BY s.id LIMIT ${}",
        after_arg + 1
    );
    on!(db, p => Ok(bind_all!(sqlx::query_as(sqlx::AssertSqlSafe(sql)), &vals).fetch_all(p).await?))
}

// ---- sending ----

/// Moves an issue whose time has come to sending, or finds it sending (a run cut off); `None`
/// when its job is stale: the issue was called back, moved to later or sent already.
pub async fn begin(db: &Db, id: i64, at: DateTime<Utc>, entry: &AuditEntry) -> DbResult<Option<Newsletter>> {
    let sql = format!("SELECT {COLUMNS} FROM newsletters WHERE id = $1");
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let found: Option<Newsletter> = sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(&mut *tx).await?;
        let Some(mut n) = found else { return Ok(None) };
        match Start::of(n.status, n.scheduled_at, at) {
            Start::Skip => return Ok(None),
            Start::Resume => return Ok(Some(n)),
            Start::Begin => {}
        }
        let began = sqlx::query("UPDATE newsletters SET status = $1, started_at = $2 WHERE id = $3 AND status = $4")
            .bind(Status::Sending).bind(at).bind(id).bind(Status::Scheduled)
            .execute(&mut *tx).await?.rows_affected() == 1;
        if !began {
            // Another instance's job began it a moment ago (PostgreSQL let both read it
            // scheduled): that one sends it.
            return Ok(None);
        }
        audit_in_tx!(tx, entry, Some(id));
        tx.commit().await?;
        n.status = Status::Sending;
        n.started_at = Some(at);
        Ok(Some(n))
    })
}

/// The bounds of issue `id`'s keys in `deliveries`: `;` follows `:`, so every key of the issue
/// and no other lies between them, and the primary key's index finds them.
fn key_range(id: i64) -> (String, String) {
    (format!("newsletter:{id}:"), format!("newsletter:{id};"))
}

/// Messages of issue `id` queued so far.
pub async fn delivered(db: &Db, id: i64) -> DbResult<i64> {
    let (from, to) = key_range(id);
    on!(db, p => Ok(sqlx::query_scalar("SELECT COUNT(*) FROM deliveries WHERE key >= $1 AND key < $2")
        .bind(from).bind(to).fetch_one(p).await?))
}

/// Marks a sending issue sent at `at`, with the number of messages queued for it in all its
/// runs; returns that number, or `None` when it was not sending.
pub async fn finish(db: &Db, id: i64, at: DateTime<Utc>, entry: &AuditEntry) -> DbResult<Option<i64>> {
    let (from, to) = key_range(id);
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM deliveries WHERE key >= $1 AND key < $2")
            .bind(from).bind(to).fetch_one(&mut *tx).await?;
        let done = sqlx::query(
            "UPDATE newsletters SET status = $1, sent_at = $2, recipients = $3 WHERE id = $4 AND status = $5",
        )
        .bind(Status::Sent).bind(at).bind(count).bind(id).bind(Status::Sending)
        .execute(&mut *tx).await?.rows_affected() == 1;
        if !done {
            return Ok(None);
        }
        audit_in_tx!(tx, entry, Some(id));
        tx.commit().await?;
        Ok(Some(count))
    })
}

/// Records an issue sent before this archive kept its messages (demo data): sent at `at` to
/// `recipients` people.
pub async fn record_sent(db: &Db, id: i64, at: DateTime<Utc>, recipients: i64, entry: &AuditEntry) -> DbResult<()> {
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        sqlx::query(
            "UPDATE newsletters SET status = $1, scheduled_at = $2, started_at = $2, sent_at = $2, recipients = $3 \
             WHERE id = $4",
        )
        .bind(Status::Sent).bind(at).bind(recipients).bind(id)
        .execute(&mut *tx).await?;
        audit_in_tx!(tx, entry, Some(id));
        tx.commit().await?;
    });
    Ok(())
}
