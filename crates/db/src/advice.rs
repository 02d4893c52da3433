//! Advice requests (Bank Wspierania Partycypacji): each one a tracked request of the ledger
//! with the same id, whose state, due date and answer day live there; the question, the
//! conversation, the files, the rating and the published text here. Every change that moves
//! the request writes its ledger row, its history step, the mail it sends and its audit entry
//! in one transaction, guarded by the state it was read in.

use crate::audit::{AuditEntry, audit_in_tx};
use crate::documents::NewFile;
use crate::jobs::MAX_ATTEMPTS;
use crate::tracked::Actor;
use crate::{BeginWrite, Db, DbResult, Page, now};
use agora_domain::advice::{Asker, RequestInput, Topic};
use agora_domain::tracked::{TrackedKind, TrackedState};
use chrono::{DateTime, NaiveDate, Utc};

/// The setting that names the department answering for the advice desk in the ledger.
pub const DESK_SETTING: &str = "advice_desk";

/// A job that goes with a change (the mail it sends): its kind and payload.
#[derive(Debug, Clone)]
pub struct Job {
    pub kind: &'static str,
    pub payload: String,
}

/// A new request, checked, with where it goes.
pub struct NewRequest<'a> {
    pub input: &'a RequestInput,
    /// The requester's key for the links mailed to them.
    pub access_key: String,
    pub user_id: Option<i64>,
    /// The language the person wrote in, which the mail to them uses.
    pub lang: String,
    /// The department that answers for the advice desk in the ledger.
    pub unit_id: i64,
    pub opened_on: NaiveDate,
    pub due_on: NaiveDate,
    /// The ledger's title, given the request's id (its number): no personal data in it.
    pub title: &'a (dyn Fn(i64) -> String + Sync),
    /// The receipt, given the request's id.
    pub receipt: Option<&'a (dyn Fn(i64) -> Job + Sync)>,
    /// How the ledger's history names the person who asked.
    pub actor_label: &'a str,
}

/// Adds a step to the ledger's history of request `$id` in the transaction `$tx`.
macro_rules! step_in_tx {
    ($tx:expr, $id:expr, $state:expr, $actor:expr) => {{
        let actor: Actor<'_> = $actor;
        sqlx::query(
            "INSERT INTO tracked_steps (tracked_id, at, state, note, actor_id, actor_label) VALUES ($1, $2, $3, NULL, $4, $5)",
        )
        .bind($id)
        .bind(now())
        .bind($state)
        .bind(actor.id)
        .bind(actor.label)
        .execute(&mut *$tx)
        .await?;
    }};
}

/// Queues `$job` in the transaction `$tx`.
macro_rules! queue_in_tx {
    ($tx:expr, $job:expr, $at:expr) => {{
        let job: &Job = $job;
        sqlx::query("INSERT INTO jobs (kind, payload, run_at, max_attempts, created_at) VALUES ($1, $2, $3, $4, $3)")
            .bind(job.kind)
            .bind(&job.payload)
            .bind($at)
            .bind(MAX_ATTEMPTS)
            .execute(&mut *$tx)
            .await?;
    }};
}
pub(crate) use queue_in_tx;

/// Stores a request with its files, its ledger row and first step, its receipt mail and its
/// audit entry, all or nothing; returns its id.
pub async fn create(db: &Db, r: &NewRequest<'_>, files: &[NewFile], entry: &AuditEntry) -> DbResult<i64> {
    let at = now();
    let i = r.input;
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO tracked_requests (kind, title, body_id, unit_id, opened_on, due_on, state, public, created_at, updated_at) \
             VALUES ($1, '', NULL, $2, $3, $4, $5, TRUE, $6, $6) RETURNING id")
            .bind(TrackedKind::AdviceRequest).bind(r.unit_id).bind(r.opened_on).bind(r.due_on)
            .bind(TrackedState::Sent).bind(at)
            .fetch_one(&mut *tx).await?;
        sqlx::query("UPDATE tracked_requests SET title = $1 WHERE id = $2")
            .bind((r.title)(id)).bind(id).execute(&mut *tx).await?;
        sqlx::query(
            "INSERT INTO advice_requests (id, access_key, topic, asker, organisation, name, email, user_id, question, lang, \
             paused_days, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 0, $11)")
            .bind(id).bind(&r.access_key).bind(i.topic).bind(i.asker).bind(i.organisation.as_deref())
            .bind(i.name.as_deref()).bind(i.email.as_str()).bind(r.user_id).bind(&i.question).bind(&r.lang).bind(at)
            .execute(&mut *tx).await?;
        for f in files {
            sqlx::query(
                "INSERT INTO advice_files (request_id, storage_key, file_name, content_type, size_bytes) \
                 VALUES ($1, $2, $3, $4, $5)")
                .bind(id).bind(&f.storage_key).bind(&f.filename).bind(&f.content_type).bind(f.size_bytes)
                .execute(&mut *tx).await?;
        }
        step_in_tx!(tx, id, TrackedState::Sent, Actor { id: r.user_id, label: r.actor_label });
        if let Some(receipt) = r.receipt {
            queue_in_tx!(tx, &receipt(id), at);
        }
        audit_in_tx!(tx, entry, Some(id));
        tx.commit().await?;
        Ok(id)
    })
}

/// A request as the person who asked and the advisers see it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Request {
    pub id: i64,
    pub access_key: String,
    pub topic: Topic,
    pub asker: Asker,
    pub organisation: Option<String>,
    pub name: Option<String>,
    pub email: String,
    pub user_id: Option<i64>,
    pub question: String,
    pub lang: String,
    pub adviser_id: Option<i64>,
    pub adviser_name: Option<String>,
    pub paused_on: Option<NaiveDate>,
    pub paused_days: i32,
    pub answer: Option<String>,
    pub answered_at: Option<DateTime<Utc>>,
    pub rating: Option<i32>,
    pub rating_comment: Option<String>,
    pub public_question: Option<String>,
    pub public_answer: Option<String>,
    pub published_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    /// From the ledger.
    pub state: TrackedState,
    pub opened_on: NaiveDate,
    pub due_on: NaiveDate,
    pub answered_on: Option<NaiveDate>,
    pub title: String,
}

const REQUEST_COLS: &str = "a.id, a.access_key, a.topic, a.asker, a.organisation, a.name, a.email, a.user_id, \
     a.question, a.lang, a.adviser_id, a.adviser_name, a.paused_on, a.paused_days, a.answer, a.answered_at, a.rating, \
     a.rating_comment, a.public_question, a.public_answer, a.published_at, a.created_at, t.state, t.opened_on, \
     t.due_on, t.answered_on, t.title";

/// Request `id`.
pub async fn get(db: &Db, id: i64) -> DbResult<Option<Request>> {
    let sql =
        format!("SELECT {REQUEST_COLS} FROM advice_requests a JOIN tracked_requests t ON t.id = a.id WHERE a.id = $1");
    on!(db, p => Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(p).await?))
}

/// A message in a request's conversation.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Message {
    pub at: DateTime<Utc>,
    pub from_adviser: bool,
    pub author_name: String,
    pub text: String,
    pub pauses: bool,
}

/// Request `id`'s messages, oldest first.
pub async fn messages(db: &Db, id: i64) -> DbResult<Vec<Message>> {
    on!(db, p => Ok(sqlx::query_as(
        "SELECT at, from_adviser, author_name, text, pauses FROM advice_messages WHERE request_id = $1 ORDER BY at, id")
        .bind(id).fetch_all(p).await?))
}

/// A file sent with a request.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct File {
    pub id: i64,
    pub request_id: i64,
    pub storage_key: String,
    pub file_name: String,
    pub content_type: String,
    pub size_bytes: i64,
}

/// Request `id`'s files, in the order sent.
pub async fn files(db: &Db, id: i64) -> DbResult<Vec<File>> {
    on!(db, p => Ok(sqlx::query_as(
        "SELECT id, request_id, storage_key, file_name, content_type, size_bytes FROM advice_files WHERE request_id = $1 ORDER BY id")
        .bind(id).fetch_all(p).await?))
}

/// File `file` of request `id`.
pub async fn file(db: &Db, id: i64, file: i64) -> DbResult<Option<File>> {
    on!(db, p => Ok(sqlx::query_as(
        "SELECT id, request_id, storage_key, file_name, content_type, size_bytes FROM advice_files WHERE request_id = $1 AND id = $2")
        .bind(id).bind(file).fetch_optional(p).await?))
}

/// Which requests the advisers' queue shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Queue {
    /// Waiting for an adviser to take them.
    New,
    /// Taken by this adviser and not yet answered.
    Mine(i64),
    /// Taken by anyone and not yet answered, paused ones included.
    Open,
    /// Answered.
    Answered,
}

/// One request as the queue lists it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct QueueRow {
    pub id: i64,
    pub topic: Topic,
    pub asker: Asker,
    pub adviser_name: Option<String>,
    pub state: TrackedState,
    pub opened_on: NaiveDate,
    pub due_on: NaiveDate,
    pub answered_on: Option<NaiveDate>,
    pub rating: Option<i32>,
    pub published: bool,
}

/// A page of the queue: what is due soonest first (the longest overdue at the top), answered
/// ones the latest first.
pub async fn queue_page(db: &Db, q: Queue, limit: i64, offset: i64) -> DbResult<Page<QueueRow>> {
    let (wh, order) = match q {
        Queue::New => ("t.state = 'sent'".to_owned(), "t.due_on, a.id"),
        Queue::Mine(u) => (format!("t.state IN ('acknowledged', 'paused') AND a.adviser_id = {u}"), "t.due_on, a.id"),
        Queue::Open => ("t.state IN ('acknowledged', 'paused')".to_owned(), "t.due_on, a.id"),
        Queue::Answered => ("t.state = 'answered'".to_owned(), "t.answered_on DESC, a.id DESC"),
    };
    let list = format!(
        "SELECT a.id, a.topic, a.asker, a.adviser_name, t.state, t.opened_on, t.due_on, t.answered_on, a.rating, \
         (a.published_at IS NOT NULL) AS published \
         FROM tracked_requests t JOIN advice_requests a ON a.id = t.id \
         WHERE t.kind = 'advice_request' AND {wh} ORDER BY {order} LIMIT $1 OFFSET $2"
    );
    let count = format!(
        "SELECT COUNT(*) FROM tracked_requests t JOIN advice_requests a ON a.id = t.id WHERE t.kind = 'advice_request' AND {wh}"
    );
    on!(db, p => {
        let items = sqlx::query_as(sqlx::AssertSqlSafe(list)).bind(limit).bind(offset).fetch_all(p).await?;
        let total: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(count)).fetch_one(p).await?;
        Ok(Page { items, total })
    })
}

/// The queue's headline: how many wait for an adviser, how many are in hand, and how many of
/// those two are past their due date on `today` (a paused one never is).
pub async fn queue_counts(db: &Db, today: NaiveDate) -> DbResult<(i64, i64, i64)> {
    on!(db, p => Ok(sqlx::query_as(
        "SELECT COALESCE(SUM(CASE WHEN state = 'sent' THEN 1 ELSE 0 END), 0), \
         COALESCE(SUM(CASE WHEN state IN ('acknowledged', 'paused') THEN 1 ELSE 0 END), 0), \
         COALESCE(SUM(CASE WHEN state IN ('sent', 'acknowledged') AND due_on < $1 THEN 1 ELSE 0 END), 0) \
         FROM tracked_requests WHERE kind = 'advice_request' AND state IN ('sent', 'acknowledged', 'paused')")
        .bind(today).fetch_one(p).await?))
}

/// An adviser takes request `id` from the queue; `false` when someone took it first.
pub async fn take(db: &Db, id: i64, actor: Actor<'_>, entry: &AuditEntry) -> DbResult<bool> {
    let at = now();
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let moved = sqlx::query("UPDATE tracked_requests SET state = $1, updated_at = $2 WHERE id = $3 AND state = $4")
            .bind(TrackedState::Acknowledged).bind(at).bind(id).bind(TrackedState::Sent)
            .execute(&mut *tx).await?.rows_affected();
        if moved == 0 {
            return Ok(false);
        }
        sqlx::query("UPDATE advice_requests SET adviser_id = $1, adviser_name = $2 WHERE id = $3")
            .bind(actor.id).bind(actor.label).bind(id).execute(&mut *tx).await?;
        step_in_tx!(tx, id, TrackedState::Acknowledged, actor);
        audit_in_tx!(tx, entry, Some(id));
        tx.commit().await?;
        Ok(true)
    })
}

/// What a message does to the clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    /// Nothing: it keeps running, or stays stopped.
    Same,
    /// The adviser asks something: the clock stops on this day.
    Pause(NaiveDate),
    /// The person replied to a question: the clock runs again, the due date moved to `due_on`
    /// by the `days` it stood still.
    Resume { due_on: NaiveDate, days: i32 },
}

/// A message to add.
#[derive(Debug, Clone)]
pub struct NewMessage<'a> {
    pub from_adviser: bool,
    pub author_id: Option<i64>,
    pub author_name: &'a str,
    pub text: &'a str,
}

/// Adds a message to request `id`, which must still stand at `from`, moving the clock as
/// `clock` says and queueing `mail`; `false` when the request moved meanwhile (nothing is
/// written then).
#[allow(clippy::too_many_arguments)]
pub async fn add_message(
    db: &Db,
    id: i64,
    from: TrackedState,
    m: &NewMessage<'_>,
    clock: Clock,
    mail: Option<&Job>,
    actor: Actor<'_>,
    entry: &AuditEntry,
) -> DbResult<bool> {
    let at = now();
    let to = match clock {
        Clock::Same => from,
        Clock::Pause(_) => TrackedState::Paused,
        Clock::Resume { .. } => TrackedState::Acknowledged,
    };
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let moved = sqlx::query("UPDATE tracked_requests SET state = $1, updated_at = $2 WHERE id = $3 AND state = $4")
            .bind(to).bind(at).bind(id).bind(from).execute(&mut *tx).await?.rows_affected();
        if moved == 0 {
            return Ok(false);
        }
        match clock {
            Clock::Same => {}
            Clock::Pause(day) => {
                sqlx::query("UPDATE advice_requests SET paused_on = $1 WHERE id = $2")
                    .bind(day).bind(id).execute(&mut *tx).await?;
            }
            Clock::Resume { due_on, days } => {
                sqlx::query("UPDATE advice_requests SET paused_on = NULL, paused_days = paused_days + $1 WHERE id = $2")
                    .bind(days).bind(id).execute(&mut *tx).await?;
                sqlx::query("UPDATE tracked_requests SET due_on = $1 WHERE id = $2")
                    .bind(due_on).bind(id).execute(&mut *tx).await?;
            }
        }
        sqlx::query(
            "INSERT INTO advice_messages (request_id, at, from_adviser, author_id, author_name, text, pauses) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)")
            .bind(id).bind(at).bind(m.from_adviser).bind(m.author_id).bind(m.author_name).bind(m.text)
            .bind(matches!(clock, Clock::Pause(_)))
            .execute(&mut *tx).await?;
        if to != from {
            step_in_tx!(tx, id, to, actor);
        }
        if let Some(job) = mail {
            queue_in_tx!(tx, job, at);
        }
        audit_in_tx!(tx, entry, Some(id));
        tx.commit().await?;
        Ok(true)
    })
}

/// Answers request `id`, which must still stand at `from`: the ledger's row answered on
/// `today` (the answer itself stays private unless published), the clock stopped for good,
/// and the mail with the answer queued. `false` when it moved meanwhile.
#[allow(clippy::too_many_arguments)]
pub async fn answer(
    db: &Db,
    id: i64,
    from: TrackedState,
    text: &str,
    today: NaiveDate,
    mail: Option<&Job>,
    actor: Actor<'_>,
    entry: &AuditEntry,
) -> DbResult<bool> {
    let at = now();
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let moved = sqlx::query(
            "UPDATE tracked_requests SET state = $1, answered_on = $2, updated_at = $3 WHERE id = $4 AND state = $5")
            .bind(TrackedState::Answered).bind(today).bind(at).bind(id).bind(from)
            .execute(&mut *tx).await?.rows_affected();
        if moved == 0 {
            return Ok(false);
        }
        sqlx::query("UPDATE advice_requests SET answer = $1, answered_at = $2, paused_on = NULL WHERE id = $3")
            .bind(text).bind(at).bind(id).execute(&mut *tx).await?;
        step_in_tx!(tx, id, TrackedState::Answered, actor);
        if let Some(job) = mail {
            queue_in_tx!(tx, job, at);
        }
        audit_in_tx!(tx, entry, Some(id));
        tx.commit().await?;
        Ok(true)
    })
}

/// The person who asked rates the answer to request `id`; `false` when it is not answered or
/// was rated before (a second click), in which case nothing is written.
pub async fn rate(db: &Db, id: i64, rating: i32, comment: Option<&str>, entry: &AuditEntry) -> DbResult<bool> {
    let at = now();
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let rated = sqlx::query(
            "UPDATE advice_requests SET rating = $1, rating_comment = $2, rated_at = $3 WHERE id = $4 AND rating IS NULL \
             AND answer IS NOT NULL")
            .bind(rating).bind(comment).bind(at).bind(id).execute(&mut *tx).await?.rows_affected() == 1;
        if rated {
            audit_in_tx!(tx, entry, Some(id));
        }
        tx.commit().await?;
        Ok(rated)
    })
}

/// Publishes answered request `id` as a question and answer for everyone with the texts the
/// adviser made anonymous (again, with new texts, if it was published); `false` when it is not
/// answered.
pub async fn publish(db: &Db, id: i64, question: &str, answer: &str, entry: &AuditEntry) -> DbResult<bool> {
    let at = now();
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let done = sqlx::query(
            "UPDATE advice_requests SET public_question = $1, public_answer = $2, published_at = COALESCE(published_at, $3) \
             WHERE id = $4 AND answer IS NOT NULL")
            .bind(question).bind(answer).bind(at).bind(id).execute(&mut *tx).await?.rows_affected() == 1;
        if done {
            audit_in_tx!(tx, entry, Some(id));
        }
        tx.commit().await?;
        Ok(done)
    })
}

/// Takes request `id`'s question and answer off the public list (the texts are kept for a
/// later publication).
pub async fn unpublish(db: &Db, id: i64, entry: &AuditEntry) -> DbResult<()> {
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        sqlx::query("UPDATE advice_requests SET published_at = NULL WHERE id = $1").bind(id).execute(&mut *tx).await?;
        audit_in_tx!(tx, entry, Some(id));
        tx.commit().await?;
        Ok(())
    })
}

/// A published question and answer.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Published {
    pub id: i64,
    pub topic: Topic,
    pub asker: Asker,
    pub question: String,
    pub answer: String,
    pub answered_on: Option<NaiveDate>,
    pub published_at: DateTime<Utc>,
}

const PUBLISHED_COLS: &str = "a.id, a.topic, a.asker, a.public_question AS question, a.public_answer AS answer, \
     t.answered_on, a.published_at";

/// A page of the published questions and answers, on `topic` if given, the latest first.
pub async fn published(db: &Db, topic: Option<Topic>, limit: i64, offset: i64) -> DbResult<Page<Published>> {
    let wh = match topic {
        // The texts are the enum's own, never typed by a visitor.
        Some(t) => format!("a.published_at IS NOT NULL AND a.topic = '{}'", t.as_str()),
        None => "a.published_at IS NOT NULL".to_owned(),
    };
    let list = format!(
        "SELECT {PUBLISHED_COLS} FROM advice_requests a JOIN tracked_requests t ON t.id = a.id WHERE {wh} \
         ORDER BY a.published_at DESC, a.id DESC LIMIT $1 OFFSET $2"
    );
    let count = format!("SELECT COUNT(*) FROM advice_requests a WHERE {wh}");
    on!(db, p => {
        let items = sqlx::query_as(sqlx::AssertSqlSafe(list)).bind(limit).bind(offset).fetch_all(p).await?;
        let total: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(count)).fetch_one(p).await?;
        Ok(Page { items, total })
    })
}

/// Published question and answer `id`; `None` when there is no such one in public.
pub async fn published_one(db: &Db, id: i64) -> DbResult<Option<Published>> {
    let sql = format!(
        "SELECT {PUBLISHED_COLS} FROM advice_requests a JOIN tracked_requests t ON t.id = a.id \
         WHERE a.id = $1 AND a.published_at IS NOT NULL"
    );
    on!(db, p => Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(p).await?))
}

/// One of a person's own requests as their list shows it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Mine {
    pub id: i64,
    pub topic: Topic,
    pub state: TrackedState,
    pub opened_on: NaiveDate,
    pub due_on: NaiveDate,
    pub answered_on: Option<NaiveDate>,
}

/// The requests account `user` sent, the latest first.
pub async fn mine(db: &Db, user: i64) -> DbResult<Vec<Mine>> {
    on!(db, p => Ok(sqlx::query_as(
        "SELECT a.id, a.topic, t.state, t.opened_on, t.due_on, t.answered_on FROM advice_requests a \
         JOIN tracked_requests t ON t.id = a.id WHERE a.user_id = $1 ORDER BY a.id DESC LIMIT 200")
        .bind(user).fetch_all(p).await?))
}
