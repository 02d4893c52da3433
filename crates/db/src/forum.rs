//! The forum's storage: spaces, threads, posts written in batches, supports, reports, the
//! moderation log and appeals. A thread page is two indexed queries (a page of top-level
//! posts, then their replies) and a thread list one, whatever the thread's length.

use crate::audit::{AuditEntry, audit_in_tx};
use crate::jobs::{JobInsert, MAX_ATTEMPTS};
use crate::remarks::{NewSubmission, Stored, SubmissionBatchItem, submit_in_tx};
use crate::rows::{InsertRows, Instant, table_row};
use crate::tracked::Actor;
use crate::{BeginWrite, Db, DbResult, Page, now};
use agora_domain::forum::{ModerationAction, Order, PostState, ReportReason, SpaceKind};
use agora_domain::remark::{Channel, FormalStatus, Identity, RemarkInput, SubmitterKind};
use agora_domain::tracked::{TrackedKind, TrackedState};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use std::collections::HashMap;

/// The job that tells a thread's and a post's authors of a new post (its payload: the post id).
pub const NOTIFY_JOB: &str = "forum-notify";

/// A space as stored.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Space {
    pub id: i64,
    pub kind: SpaceKind,
    pub ref_id: Option<i64>,
    pub slug: String,
    pub name: String,
    pub description: String,
    pub residents_start: bool,
    pub premoderated: bool,
    pub members_only: bool,
    pub closed: bool,
    pub position: i64,
}

/// A space's settings as saved from its form, or as a space of a consultation, district or
/// body is first created.
#[derive(Debug, Clone)]
pub struct SpaceInput {
    pub kind: SpaceKind,
    pub ref_id: Option<i64>,
    pub slug: String,
    pub name: String,
    pub description: String,
    pub residents_start: bool,
    pub premoderated: bool,
    pub members_only: bool,
    pub closed: bool,
    pub position: i64,
}

const SPACE_COLS: &str =
    "id, kind, ref_id, slug, name, description, residents_start, premoderated, members_only, closed, position";

/// The space at `slug`, if one is stored.
pub async fn space_by_slug(db: &Db, slug: &str) -> DbResult<Option<Space>> {
    let sql = format!("SELECT {SPACE_COLS} FROM forum_spaces WHERE slug = $1");
    on!(db, p => Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(slug).fetch_optional(p).await?))
}

/// The space with `id`.
pub async fn space(db: &Db, id: i64) -> DbResult<Option<Space>> {
    let sql = format!("SELECT {SPACE_COLS} FROM forum_spaces WHERE id = $1");
    on!(db, p => Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(p).await?))
}

/// The stored spaces of `kinds`, in the administrators' order.
pub async fn spaces(db: &Db, kinds: &[SpaceKind]) -> DbResult<Vec<Space>> {
    let sql = format!(
        "SELECT {SPACE_COLS} FROM forum_spaces WHERE kind IN ({}) ORDER BY position, name",
        crate::text_list(kinds)
    );
    on!(db, p => Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql)).fetch_all(p).await?))
}

/// Stores a space's settings under its slug (created when new), with an audit entry.
pub async fn save_space(db: &Db, s: &SpaceInput, entry: &AuditEntry) -> DbResult<i64> {
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO forum_spaces (kind, ref_id, slug, name, description, residents_start, premoderated, \
             members_only, closed, position, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) \
             ON CONFLICT (slug) DO UPDATE SET name = excluded.name, description = excluded.description, \
             residents_start = excluded.residents_start, premoderated = excluded.premoderated, \
             members_only = excluded.members_only, closed = excluded.closed, position = excluded.position \
             RETURNING id",
        )
        .bind(s.kind).bind(s.ref_id).bind(&s.slug).bind(&s.name).bind(&s.description).bind(s.residents_start)
        .bind(s.premoderated).bind(s.members_only).bind(s.closed).bind(s.position).bind(now())
        .fetch_one(&mut *tx).await?;
        audit_in_tx!(tx, entry, Some(id));
        tx.commit().await?;
        Ok(id)
    })
}

/// The id of the space `s` names, created with `s`'s settings when it is not stored yet (the
/// space of a district, body or consultation comes into being with its first thread).
pub async fn space_id(db: &Db, s: &SpaceInput) -> DbResult<i64> {
    if let Some(found) = space_by_slug(db, &s.slug).await? {
        return Ok(found.id);
    }
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        sqlx::query(
            "INSERT INTO forum_spaces (kind, ref_id, slug, name, description, residents_start, premoderated, \
             members_only, closed, position, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) \
             ON CONFLICT DO NOTHING",
        )
        .bind(s.kind).bind(s.ref_id).bind(&s.slug).bind(&s.name).bind(&s.description).bind(s.residents_start)
        .bind(s.premoderated).bind(s.members_only).bind(s.closed).bind(s.position).bind(now())
        .execute(&mut *tx).await?;
        let id: i64 = sqlx::query_scalar("SELECT id FROM forum_spaces WHERE slug = $1").bind(&s.slug).fetch_one(&mut *tx).await?;
        tx.commit().await?;
        Ok(id)
    })
}

/// A thread as lists and its page show it, with the city's position it awaits, if any.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Thread {
    pub id: i64,
    pub space_id: i64,
    pub title: String,
    pub author_id: Option<i64>,
    pub author_name: String,
    pub created_at: DateTime<Utc>,
    pub last_post_at: DateTime<Utc>,
    pub posts: i64,
    pub closed_at: Option<DateTime<Utc>>,
    pub summary: Option<String>,
    pub tracked_id: Option<i64>,
    pub due_on: Option<NaiveDate>,
    pub tracked_state: Option<TrackedState>,
    pub unit_id: Option<i64>,
    pub unit_name: Option<String>,
    pub unit_name_en: Option<String>,
}

const THREAD_COLS: &str = "t.id, t.space_id, t.title, t.author_id, t.author_name, t.created_at, t.last_post_at, t.posts, \
     t.closed_at, t.summary, t.tracked_id, r.due_on, r.state AS tracked_state, r.unit_id, u.name_pl AS unit_name, \
     u.name_en AS unit_name_en";
const THREAD_FROM: &str = "forum_threads t LEFT JOIN tracked_requests r ON r.id = t.tracked_id \
     LEFT JOIN units u ON u.id = r.unit_id";

/// The thread with `id`.
pub async fn thread(db: &Db, id: i64) -> DbResult<Option<Thread>> {
    let sql = format!("SELECT {THREAD_COLS} FROM {THREAD_FROM} WHERE t.id = $1");
    on!(db, p => Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(p).await?))
}

/// The thread that awaits the city's position under tracked request `tracked`.
pub async fn thread_of_request(db: &Db, tracked: i64) -> DbResult<Option<i64>> {
    on!(db, p => Ok(sqlx::query_scalar("SELECT id FROM forum_threads WHERE tracked_id = $1").bind(tracked).fetch_optional(p).await?))
}

/// A page of space `space`'s threads, the latest active first.
pub async fn threads(db: &Db, space: i64, limit: i64, offset: i64) -> DbResult<Page<Thread>> {
    let sql = format!(
        "SELECT {THREAD_COLS} FROM {THREAD_FROM} WHERE t.space_id = $1 ORDER BY t.last_post_at DESC, t.id DESC LIMIT $2 OFFSET $3"
    );
    let (items, total) = on!(db, p => {
        let items = sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(space).bind(limit).bind(offset).fetch_all(p).await?;
        let total: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM forum_threads WHERE space_id = $1").bind(space).fetch_one(p).await?;
        (items, total)
    });
    Ok(Page { items, total })
}

/// A recent thread with its space, for the forum's front page.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct RecentThread {
    pub id: i64,
    pub title: String,
    pub created_at: DateTime<Utc>,
    pub space_slug: String,
    pub space_name: String,
}

/// The latest threads of spaces anyone may read, newest first: not members-only ones, nor the
/// discussion of a consultation the public may not see (the visibility rule's
/// `Status::PUBLIC`).
pub async fn recent_threads(db: &Db, limit: i64) -> DbResult<Vec<RecentThread>> {
    let sql = format!(
        "SELECT t.id, t.title, t.created_at, s.slug AS space_slug, s.name AS space_name \
         FROM forum_threads t JOIN forum_spaces s ON s.id = t.space_id WHERE s.members_only = FALSE \
         AND (s.kind <> 'consultation' OR EXISTS (SELECT 1 FROM consultations c WHERE c.id = s.ref_id AND c.status IN ({}))) \
         ORDER BY t.created_at DESC, t.id DESC LIMIT $1",
        crate::text_list(&agora_domain::consultation::Status::PUBLIC)
    );
    on!(db, p => Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(limit).fetch_all(p).await?))
}

/// A post as a thread page shows it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Post {
    pub id: i64,
    pub thread_id: i64,
    pub parent_id: Option<i64>,
    pub reply_to_id: Option<i64>,
    pub author_id: Option<i64>,
    pub author_name: String,
    pub text: String,
    pub created_at: DateTime<Utc>,
    pub edited_at: Option<DateTime<Utc>>,
    pub state: PostState,
    pub state_reason: Option<String>,
    pub state_at: Option<DateTime<Utc>>,
    pub supports: i64,
    pub reports: i64,
    pub position_unit_id: Option<i64>,
    pub unit_name: Option<String>,
    pub unit_name_en: Option<String>,
    pub remark_id: Option<i64>,
    pub lang: String,
}

const POST_COLS: &str = "p.id, p.thread_id, p.parent_id, p.reply_to_id, p.author_id, p.author_name, p.text, p.created_at, \
     p.edited_at, p.state, p.state_reason, p.state_at, p.supports, p.reports, p.position_unit_id, u.name_pl AS unit_name, \
     u.name_en AS unit_name_en, p.remark_id, p.lang";
const POST_FROM: &str = "forum_posts p LEFT JOIN units u ON u.id = p.position_unit_id";

/// The post with `id`.
pub async fn post(db: &Db, id: i64) -> DbResult<Option<Post>> {
    let sql = format!("SELECT {POST_COLS} FROM {POST_FROM} WHERE p.id = $1");
    on!(db, p => Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(p).await?))
}

/// The states a thread page lists: held posts only for moderators.
fn listed(with_held: bool) -> &'static str {
    if with_held { "p.state IN ('visible', 'hidden', 'held')" } else { "p.state IN ('visible', 'hidden')" }
}

/// One page of thread `thread`'s top-level posts in `order` (the city's positions are shown
/// apart and left out), with how many there are in all.
pub async fn top_posts(
    db: &Db,
    thread: i64,
    order: Order,
    with_held: bool,
    limit: i64,
    offset: i64,
) -> DbResult<Page<Post>> {
    let by = match order {
        Order::Oldest => "p.id ASC",
        Order::Newest => "p.id DESC",
        Order::MostSupported => "p.supports DESC, p.id ASC",
    };
    let wh =
        format!("p.thread_id = $1 AND p.parent_id IS NULL AND p.position_unit_id IS NULL AND {}", listed(with_held));
    let list = format!("SELECT {POST_COLS} FROM {POST_FROM} WHERE {wh} ORDER BY {by} LIMIT $2 OFFSET $3");
    let count = format!("SELECT COUNT(*) FROM forum_posts p WHERE {wh}");
    let (items, total) = on!(db, p => {
        let items = sqlx::query_as(sqlx::AssertSqlSafe(list)).bind(thread).bind(limit).bind(offset).fetch_all(p).await?;
        let total: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(count)).bind(thread).fetch_one(p).await?;
        (items, total)
    });
    Ok(Page { items, total })
}

/// The replies to posts `parents`, oldest first.
pub async fn replies(db: &Db, parents: &[i64], with_held: bool) -> DbResult<Vec<Post>> {
    if parents.is_empty() {
        return Ok(Vec::new());
    }
    let ids = parents.iter().map(i64::to_string).collect::<Vec<_>>().join(", ");
    let sql = format!(
        "SELECT {POST_COLS} FROM {POST_FROM} WHERE p.parent_id IN ({ids}) AND {} ORDER BY p.id",
        listed(with_held)
    );
    on!(db, p => Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql)).fetch_all(p).await?))
}

/// The city's positions on thread `thread`, oldest first.
pub async fn positions(db: &Db, thread: i64) -> DbResult<Vec<Post>> {
    let sql = format!(
        "SELECT {POST_COLS} FROM {POST_FROM} WHERE p.thread_id = $1 AND p.position_unit_id IS NOT NULL \
         AND p.state = 'visible' ORDER BY p.id"
    );
    on!(db, p => Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(thread).fetch_all(p).await?))
}

/// How many top-level posts of `thread` come before post `top` in the oldest-first order, for
/// the page a permalink opens.
pub async fn posts_before(db: &Db, thread: i64, top: i64) -> DbResult<i64> {
    let sql = format!(
        "SELECT COUNT(*) FROM forum_posts p WHERE p.thread_id = $1 AND p.parent_id IS NULL \
         AND p.position_unit_id IS NULL AND p.id < $2 AND {}",
        listed(false)
    );
    on!(db, p => Ok(sqlx::query_scalar(sqlx::AssertSqlSafe(sql)).bind(thread).bind(top).fetch_one(p).await?))
}

/// The texts an edit replaced, the latest first.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Version {
    pub text: String,
    pub written_at: DateTime<Utc>,
}

/// The earlier versions of post `id`, the latest first.
pub async fn versions(db: &Db, id: i64) -> DbResult<Vec<Version>> {
    on!(db, p => Ok(sqlx::query_as(
        "SELECT text, written_at FROM forum_post_versions WHERE post_id = $1 ORDER BY id DESC")
        .bind(id).fetch_all(p).await?))
}

/// A post handed to the batch writer.
#[derive(Debug, Clone)]
pub struct NewPost {
    pub thread_id: i64,
    /// The top-level post a reply belongs under.
    pub parent_id: Option<i64>,
    /// The post replied to (the parent or one of its replies).
    pub reply_to_id: Option<i64>,
    pub author_id: i64,
    pub author_name: String,
    pub text: String,
    pub state: PostState,
    /// Sent once: a form sent again (a double click, a retry) stores nothing new.
    pub form_key: String,
    /// The author's language, for mail to them about it.
    pub lang: String,
    /// Posts the author may send in an hour, counted in the database across instances.
    pub per_hour: i64,
}

/// What became of a post handed to the batch writer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PostOutcome {
    /// Stored now, with its id and state.
    Stored { id: i64, state: PostState },
    /// The same form was stored before: that post's id.
    Again { id: i64 },
    /// The author has sent as many posts as an hour allows.
    TooMany,
    /// The thread was closed, or the post replied to hidden, before the post was stored.
    Refused,
}

table_row! {
    /// A post written in a batch.
    struct PostInsert<'a> in "forum_posts" {
        thread_id: i64 as "bigint",
        parent_id: Option<i64> as "bigint",
        reply_to_id: Option<i64> as "bigint",
        author_id: i64 as "bigint",
        author_name: &'a str as "text",
        text: &'a str as "text",
        created_at: Instant as "timestamptz",
        state: &'a str as "text",
        supports: i64 as "bigint",
        reports: i64 as "bigint",
        form_key: &'a str as "text",
        lang: &'a str as "text",
    }
}

/// Stores a batch of posts in one transaction: each is checked against the same form sent
/// before, the author's posts of the last hour, a closed thread and a hidden parent, in the
/// transaction itself, so that no check passes on what another instance is writing; then
/// the posts, their threads' counters and one notification job per shown post are written.
pub async fn add_posts(db: &Db, batch: &[NewPost]) -> DbResult<Vec<PostOutcome>> {
    let at = now();
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let mut out = vec![PostOutcome::Refused; batch.len()];
        let mut counted: HashMap<i64, i64> = HashMap::new();
        let mut seen: HashMap<(i64, &str), usize> = HashMap::new();
        let mut open_threads: HashMap<i64, bool> = HashMap::new();
        let mut rows = Vec::new();
        let mut row_of = Vec::new();
        for (k, n) in batch.iter().enumerate() {
            if let Some(&first) = seen.get(&(n.thread_id, n.form_key.as_str())) {
                row_of.push((k, Some(first)));
                continue;
            }
            let before: Option<i64> = sqlx::query_scalar("SELECT id FROM forum_posts WHERE thread_id = $1 AND form_key = $2")
                .bind(n.thread_id).bind(&n.form_key).fetch_optional(&mut *tx).await?;
            if let Some(id) = before {
                out[k] = PostOutcome::Again { id };
                continue;
            }
            let open = match open_threads.get(&n.thread_id) {
                Some(o) => *o,
                None => {
                    let o: Option<bool> = sqlx::query_scalar(
                        "SELECT t.closed_at IS NULL AND s.closed = FALSE FROM forum_threads t \
                         JOIN forum_spaces s ON s.id = t.space_id WHERE t.id = $1")
                        .bind(n.thread_id).fetch_optional(&mut *tx).await?;
                    let o = o.unwrap_or(false);
                    open_threads.insert(n.thread_id, o);
                    o
                }
            };
            let parent_shown = match n.reply_to_id {
                Some(r) => {
                    let s: Option<PostState> = sqlx::query_scalar("SELECT state FROM forum_posts WHERE id = $1 AND thread_id = $2")
                        .bind(r).bind(n.thread_id).fetch_optional(&mut *tx).await?;
                    s == Some(PostState::Visible)
                }
                None => true,
            };
            if !open || !parent_shown {
                continue;
            }
            let sent = match counted.get(&n.author_id) {
                Some(c) => *c,
                None => {
                    let c: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM forum_posts WHERE author_id = $1 AND created_at > $2")
                        .bind(n.author_id).bind(at - Duration::hours(1)).fetch_one(&mut *tx).await?;
                    c
                }
            };
            if sent >= n.per_hour {
                out[k] = PostOutcome::TooMany;
                counted.insert(n.author_id, sent);
                continue;
            }
            counted.insert(n.author_id, sent + 1);
            seen.insert((n.thread_id, n.form_key.as_str()), k);
            row_of.push((k, None));
            rows.push(PostInsert {
                thread_id: n.thread_id,
                parent_id: n.parent_id,
                reply_to_id: n.reply_to_id,
                author_id: n.author_id,
                author_name: &n.author_name,
                text: &n.text,
                created_at: Instant(at),
                state: n.state.as_str(),
                supports: 0,
                reports: 0,
                form_key: &n.form_key,
                lang: &n.lang,
            });
        }
        let ids: Vec<(i64, i64, String)> = InsertRows::insert_rows(&mut tx, "RETURNING id, thread_id, form_key", &rows).await?;
        let by_key: HashMap<(i64, &str), i64> = ids.iter().map(|(id, t, f)| ((*t, f.as_str()), *id)).collect();
        let mut shown: HashMap<i64, i64> = HashMap::new();
        let mut jobs = Vec::new();
        for (k, first) in row_of {
            let n = &batch[k];
            let Some(&id) = by_key.get(&(n.thread_id, n.form_key.as_str())) else { continue };
            if let Some(f) = first {
                out[k] = if matches!(out[f], PostOutcome::Stored { .. }) { PostOutcome::Again { id } } else { out[f] };
                continue;
            }
            out[k] = PostOutcome::Stored { id, state: n.state };
            if n.state == PostState::Visible {
                *shown.entry(n.thread_id).or_default() += 1;
                jobs.push(JobInsert {
                    kind: NOTIFY_JOB,
                    payload: id.to_string(),
                    run_at: Instant(at),
                    max_attempts: MAX_ATTEMPTS,
                    created_at: Instant(at),
                });
            }
        }
        for (thread, count) in shown {
            sqlx::query("UPDATE forum_threads SET posts = posts + $1, last_post_at = $2 WHERE id = $3")
                .bind(count).bind(at).bind(thread).execute(&mut *tx).await?;
        }
        InsertRows::insert_rows::<_, ()>(&mut tx, "", &jobs).await?;
        tx.commit().await?;
        Ok(out)
    })
}

/// A new thread with its first post.
#[derive(Debug, Clone)]
pub struct NewThread {
    pub space_id: i64,
    pub title: String,
    pub first: NewPost,
}

/// Stores a thread and its first post in one transaction; `None` when the author has sent as
/// many posts as an hour allows.
pub async fn create_thread(db: &Db, t: &NewThread, entry: &AuditEntry) -> DbResult<Option<(i64, i64)>> {
    let at = now();
    let n = &t.first;
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let sent: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM forum_posts WHERE author_id = $1 AND created_at > $2")
            .bind(n.author_id).bind(at - Duration::hours(1)).fetch_one(&mut *tx).await?;
        if sent >= n.per_hour {
            return Ok(None);
        }
        let shown = i64::from(n.state == PostState::Visible);
        let thread: i64 = sqlx::query_scalar(
            "INSERT INTO forum_threads (space_id, title, author_id, author_name, created_at, last_post_at, posts) \
             VALUES ($1, $2, $3, $4, $5, $5, $6) RETURNING id")
            .bind(t.space_id).bind(&t.title).bind(n.author_id).bind(&n.author_name).bind(at).bind(shown)
            .fetch_one(&mut *tx).await?;
        let post: i64 = sqlx::query_scalar(
            "INSERT INTO forum_posts (thread_id, author_id, author_name, text, created_at, state, supports, reports, form_key, lang) \
             VALUES ($1, $2, $3, $4, $5, $6, 0, 0, $7, $8) RETURNING id")
            .bind(thread).bind(n.author_id).bind(&n.author_name).bind(&n.text).bind(at).bind(n.state)
            .bind(&n.form_key).bind(&n.lang)
            .fetch_one(&mut *tx).await?;
        audit_in_tx!(tx, entry, Some(thread));
        tx.commit().await?;
        Ok(Some((thread, post)))
    })
}

/// Replaces post `id`'s text by its author, keeping the text it replaces; `false` when the
/// post has changed state meanwhile and no longer may be edited.
pub async fn edit_post(db: &Db, id: i64, text: &str) -> DbResult<bool> {
    let at = now();
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let old: Option<(String, DateTime<Utc>, Option<DateTime<Utc>>)> = sqlx::query_as(
            "SELECT text, created_at, edited_at FROM forum_posts WHERE id = $1 AND state <> 'hidden'")
            .bind(id).fetch_optional(&mut *tx).await?;
        let Some((old, created, edited)) = old else { return Ok(false) };
        sqlx::query("INSERT INTO forum_post_versions (post_id, text, written_at) VALUES ($1, $2, $3)")
            .bind(id).bind(old).bind(edited.unwrap_or(created)).execute(&mut *tx).await?;
        sqlx::query("UPDATE forum_posts SET text = $1, edited_at = $2 WHERE id = $3")
            .bind(text).bind(at).bind(id).execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(true)
    })
}

/// Adds `user`'s support to post `id`; `false` when they had given it before.
pub async fn support(db: &Db, id: i64, user: i64) -> DbResult<bool> {
    let at = now();
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let added = sqlx::query("INSERT INTO forum_supports (post_id, user_id, at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING")
            .bind(id).bind(user).bind(at).execute(&mut *tx).await?.rows_affected() == 1;
        if added {
            sqlx::query("UPDATE forum_posts SET supports = supports + 1 WHERE id = $1").bind(id).execute(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(added)
    })
}

/// The posts among `ids` that `user` supports.
pub async fn supported(db: &Db, user: i64, ids: &[i64]) -> DbResult<Vec<i64>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(", ");
    let sql = format!("SELECT post_id FROM forum_supports WHERE user_id = $1 AND post_id IN ({list})");
    on!(db, p => Ok(sqlx::query_scalar(sqlx::AssertSqlSafe(sql)).bind(user).fetch_all(p).await?))
}

/// What a report came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reported {
    /// Recorded; `held` when it held the post for review.
    Recorded { held: bool },
    /// This person had reported the post before.
    Again,
}

/// Records `reporter`'s report of post `id`, and holds the post for review when the reports
/// reach `to_hold`, logging that publicly; all in one transaction.
pub async fn report(
    db: &Db,
    id: i64,
    reporter: i64,
    reason: ReportReason,
    note: Option<&str>,
    to_hold: i64,
) -> DbResult<Reported> {
    let at = now();
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let added = sqlx::query(
            "INSERT INTO forum_reports (post_id, reporter_id, reason, note, at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING")
            .bind(id).bind(reporter).bind(reason).bind(note).bind(at)
            .execute(&mut *tx).await?.rows_affected() == 1;
        if !added {
            return Ok(Reported::Again);
        }
        let held = sqlx::query(
            "UPDATE forum_posts SET reports = reports + 1, \
             state = CASE WHEN state = 'visible' AND reports + 1 >= $1 THEN 'held' ELSE state END, \
             state_at = CASE WHEN state = 'visible' AND reports + 1 >= $1 THEN $2 ELSE state_at END \
             WHERE id = $3 AND state = 'visible' AND reports + 1 >= $1")
            .bind(to_hold).bind(at).bind(id).execute(&mut *tx).await?.rows_affected() == 1;
        if held {
            sqlx::query(
                "INSERT INTO forum_moderation (post_id, thread_id, content, action, reason, at) \
                 SELECT id, thread_id, CASE WHEN parent_id IS NULL THEN 'post' ELSE 'reply' END, $1, NULL, $2 \
                 FROM forum_posts WHERE id = $3")
                .bind(ModerationAction::HeldByReports).bind(at).bind(id).execute(&mut *tx).await?;
            sqlx::query("UPDATE forum_threads SET posts = posts - 1 WHERE id = (SELECT thread_id FROM forum_posts WHERE id = $1)")
                .bind(id).execute(&mut *tx).await?;
        } else {
            sqlx::query("UPDATE forum_posts SET reports = reports + 1 WHERE id = $1").bind(id).execute(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(Reported::Recorded { held })
    })
}

/// Whether `reporter` has reported post `id`.
pub async fn has_reported(db: &Db, id: i64, reporter: i64) -> DbResult<bool> {
    on!(db, p => Ok(sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM forum_reports WHERE post_id = $1 AND reporter_id = $2")
        .bind(id).bind(reporter).fetch_one(p).await? > 0))
}

/// A post waiting for a moderator: held, reported while shown, or appealed.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Waiting {
    pub id: i64,
    pub thread_id: i64,
    pub thread_title: String,
    pub author_name: String,
    pub text: String,
    pub state: PostState,
    pub reports: i64,
    /// Since when it has waited.
    pub since: DateTime<Utc>,
    pub appeal: Option<String>,
}

/// The moderation queue: held posts, shown posts with reports nobody has looked at, and
/// appeals, the longest waiting first.
pub async fn queue(db: &Db) -> DbResult<Vec<Waiting>> {
    on!(db, p => Ok(sqlx::query_as(
        "SELECT p.id, p.thread_id, t.title AS thread_title, p.author_name, p.text, p.state, p.reports, \
         COALESCE(a.at, p.state_at, p.created_at) AS since, a.text AS appeal \
         FROM forum_posts p JOIN forum_threads t ON t.id = p.thread_id \
         LEFT JOIN forum_appeals a ON a.post_id = p.id AND a.decided_at IS NULL \
         WHERE p.state = 'held' OR a.post_id IS NOT NULL \
         OR (p.state = 'visible' AND EXISTS (SELECT 1 FROM forum_reports r WHERE r.post_id = p.id AND r.outcome IS NULL)) \
         ORDER BY since, p.id LIMIT 200")
        .fetch_all(p).await?))
}

/// The reports of post `id` nobody has decided on yet.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OpenReport {
    pub reporter_id: i64,
    pub reason: ReportReason,
    pub note: Option<String>,
    pub lang: String,
    pub email: String,
}

/// The open reports of post `id`, with each reporter's address and language.
pub async fn open_reports(db: &Db, id: i64) -> DbResult<Vec<OpenReport>> {
    on!(db, p => Ok(sqlx::query_as(
        "SELECT r.reporter_id, r.reason, r.note, u.locale AS lang, u.email FROM forum_reports r \
         JOIN users u ON u.id = r.reporter_id WHERE r.post_id = $1 AND r.outcome IS NULL ORDER BY r.id")
        .bind(id).fetch_all(p).await?))
}

/// The appeal against hiding post `id`, if one was made.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Appeal {
    pub text: String,
    pub at: DateTime<Utc>,
    pub decided_at: Option<DateTime<Utc>>,
}

/// The appeal against hiding post `id`.
pub async fn appeal(db: &Db, id: i64) -> DbResult<Option<Appeal>> {
    on!(db, p => Ok(sqlx::query_as("SELECT text, at, decided_at FROM forum_appeals WHERE post_id = $1")
        .bind(id).fetch_optional(p).await?))
}

/// Records the author's one appeal; `false` when they had appealed before.
pub async fn add_appeal(db: &Db, id: i64, text: &str) -> DbResult<bool> {
    on!(db, p => Ok(sqlx::query("INSERT INTO forum_appeals (post_id, text, at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING")
        .bind(id).bind(text).bind(now()).execute(p).await?.rows_affected() == 1))
}

/// Carries out a moderator's decision on post `id`, which stood at `from`: its new state,
/// the public log entry, the reports' outcome, the appeal decided, the mails (to the author
/// and to each reporter) queued and an audit entry, in one transaction. `false` when the post
/// no longer stands at `from` (another moderator was first): nothing is written.
#[allow(clippy::too_many_arguments)]
pub async fn decide(
    db: &Db,
    id: i64,
    from: PostState,
    action: ModerationAction,
    reason: Option<ReportReason>,
    statement: Option<&str>,
    mails: &[String],
    actor: Actor<'_>,
    entry: &AuditEntry,
) -> DbResult<bool> {
    let at = now();
    let to = action.state_after();
    let reason_text = reason.map(ReportReason::as_str);
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let moved = sqlx::query(
            "UPDATE forum_posts SET state = $1, state_reason = CASE WHEN $1 = 'hidden' THEN COALESCE($2, state_reason) ELSE NULL END, \
             state_at = $3 WHERE id = $4 AND state = $5")
            .bind(to).bind(reason_text).bind(at).bind(id).bind(from)
            .execute(&mut *tx).await?.rows_affected() == 1;
        if !moved {
            return Ok(false);
        }
        let delta: i64 = match (from == PostState::Visible, to == PostState::Visible) {
            (true, false) => -1,
            (false, true) => 1,
            _ => 0,
        };
        if delta != 0 {
            sqlx::query("UPDATE forum_threads SET posts = posts + $1 WHERE id = (SELECT thread_id FROM forum_posts WHERE id = $2)")
                .bind(delta).bind(id).execute(&mut *tx).await?;
        }
        sqlx::query(
            "INSERT INTO forum_moderation (post_id, thread_id, content, action, reason, statement, actor_id, at) \
             SELECT id, thread_id, CASE WHEN parent_id IS NULL THEN 'post' ELSE 'reply' END, $1, $2, $3, $4, $5 \
             FROM forum_posts WHERE id = $6")
            .bind(action).bind(reason_text).bind(statement).bind(actor.id).bind(at).bind(id)
            .execute(&mut *tx).await?;
        sqlx::query("UPDATE forum_reports SET outcome = $1 WHERE post_id = $2 AND outcome IS NULL")
            .bind(action).bind(id).execute(&mut *tx).await?;
        sqlx::query("UPDATE forum_appeals SET decided_at = $1 WHERE post_id = $2 AND decided_at IS NULL")
            .bind(at).bind(id).execute(&mut *tx).await?;
        let rows: Vec<JobInsert<'_>> = mails
            .iter()
            .map(|m| JobInsert { kind: "mail", payload: m.clone(), run_at: Instant(at), max_attempts: MAX_ATTEMPTS, created_at: Instant(at) })
            .collect();
        InsertRows::insert_rows::<_, ()>(&mut tx, "", &rows).await?;
        audit_in_tx!(tx, entry, Some(id));
        tx.commit().await?;
        Ok(true)
    })
}

/// One entry of the public moderation log.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct LogEntry {
    pub at: DateTime<Utc>,
    pub action: ModerationAction,
    pub reason: Option<String>,
    pub content: String,
    pub thread_id: Option<i64>,
}

/// A page of the public moderation log, the latest first: what was done, why, when and to
/// which kind of content, never who reported or who decided.
pub async fn moderation_log(db: &Db, limit: i64, offset: i64) -> DbResult<Page<LogEntry>> {
    let (items, total) = on!(db, p => {
        let items = sqlx::query_as(
            "SELECT m.at, m.action, m.reason, m.content, m.thread_id FROM forum_moderation m \
             LEFT JOIN forum_threads t ON t.id = m.thread_id LEFT JOIN forum_spaces s ON s.id = t.space_id \
             WHERE COALESCE(s.members_only, FALSE) = FALSE ORDER BY m.at DESC, m.id DESC LIMIT $1 OFFSET $2")
            .bind(limit).bind(offset).fetch_all(p).await?;
        let total: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM forum_moderation").fetch_one(p).await?;
        (items, total)
    });
    Ok(Page { items, total })
}

/// Posts waiting longer than `hours` that moderators have not been mailed about: their ids.
pub async fn waiting_longer_than(db: &Db, hours: i64) -> DbResult<Vec<i64>> {
    let before = now() - Duration::hours(hours);
    on!(db, p => Ok(sqlx::query_scalar(
        "SELECT p.id FROM forum_posts p LEFT JOIN forum_appeals a ON a.post_id = p.id AND a.decided_at IS NULL \
         WHERE (p.state = 'held' AND COALESCE(p.state_at, p.created_at) < $1) OR a.at < $1 ORDER BY p.id LIMIT 500")
        .bind(before).fetch_all(p).await?))
}

/// Closes thread `id` with `summary`; `false` when it was closed already.
pub async fn close_thread(db: &Db, id: i64, summary: &str, entry: &AuditEntry) -> DbResult<bool> {
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let closed = sqlx::query("UPDATE forum_threads SET closed_at = $1, summary = $2 WHERE id = $3 AND closed_at IS NULL")
            .bind(now()).bind(summary).bind(id).execute(&mut *tx).await?.rows_affected() == 1;
        if closed {
            audit_in_tx!(tx, entry, Some(id));
        }
        tx.commit().await?;
        Ok(closed)
    })
}

/// Marks thread `id` as awaiting the city's position from department `unit` by `due_on`: a
/// tracked request of the ledger, public unless the space is for members only. `false` when
/// the thread awaits one already.
#[allow(clippy::too_many_arguments)]
pub async fn await_position(
    db: &Db,
    id: i64,
    title: &str,
    unit: i64,
    today: NaiveDate,
    due_on: NaiveDate,
    public: bool,
    actor: Actor<'_>,
    entry: &AuditEntry,
) -> DbResult<bool> {
    let at = now();
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let free: Option<Option<i64>> = sqlx::query_scalar("SELECT tracked_id FROM forum_threads WHERE id = $1")
            .bind(id).fetch_optional(&mut *tx).await?;
        if !matches!(free, Some(None)) {
            return Ok(false);
        }
        let tracked: i64 = sqlx::query_scalar(
            "INSERT INTO tracked_requests (kind, title, body_id, unit_id, opened_on, due_on, state, public, created_at, updated_at) \
             VALUES ($1, $2, NULL, $3, $4, $5, $6, $7, $8, $8) RETURNING id")
            .bind(TrackedKind::ForumPosition).bind(title).bind(unit).bind(today).bind(due_on)
            .bind(TrackedState::Sent).bind(public).bind(at)
            .fetch_one(&mut *tx).await?;
        sqlx::query("INSERT INTO tracked_steps (tracked_id, at, state, note, actor_id, actor_label) VALUES ($1, $2, $3, NULL, $4, $5)")
            .bind(tracked).bind(at).bind(TrackedState::Sent).bind(actor.id).bind(actor.label)
            .execute(&mut *tx).await?;
        sqlx::query("UPDATE forum_threads SET tracked_id = $1 WHERE id = $2").bind(tracked).bind(id).execute(&mut *tx).await?;
        audit_in_tx!(tx, entry, Some(id));
        tx.commit().await?;
        Ok(true)
    })
}

/// Posts the city's position on thread `thread` for department `unit`: a post shown apart,
/// which answers the tracked request the thread awaits (if any), and the notification job,
/// in one transaction.
pub async fn add_position(
    db: &Db,
    thread: i64,
    unit: i64,
    n: &NewPost,
    today: NaiveDate,
    actor: Actor<'_>,
    entry: &AuditEntry,
) -> DbResult<i64> {
    let at = now();
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO forum_posts (thread_id, author_id, author_name, text, created_at, state, supports, reports, \
             position_unit_id, form_key, lang) VALUES ($1, $2, $3, $4, $5, 'visible', 0, 0, $6, $7, $8) RETURNING id")
            .bind(thread).bind(n.author_id).bind(&n.author_name).bind(&n.text).bind(at).bind(unit)
            .bind(&n.form_key).bind(&n.lang)
            .fetch_one(&mut *tx).await?;
        sqlx::query("UPDATE forum_threads SET posts = posts + 1, last_post_at = $1 WHERE id = $2")
            .bind(at).bind(thread).execute(&mut *tx).await?;
        let tracked: Option<i64> = sqlx::query_scalar(
            "SELECT r.id FROM forum_threads t JOIN tracked_requests r ON r.id = t.tracked_id \
             WHERE t.id = $1 AND r.state IN ('sent', 'acknowledged') AND r.unit_id = $2")
            .bind(thread).bind(unit).fetch_optional(&mut *tx).await?;
        if let Some(r) = tracked {
            sqlx::query("UPDATE tracked_requests SET state = $1, answered_on = $2, updated_at = $3 WHERE id = $4")
                .bind(TrackedState::Answered).bind(today).bind(at).bind(r).execute(&mut *tx).await?;
            sqlx::query("INSERT INTO tracked_steps (tracked_id, at, state, note, actor_id, actor_label) VALUES ($1, $2, $3, $4, $5, $6)")
                .bind(r).bind(at).bind(TrackedState::Answered).bind(&n.text).bind(actor.id).bind(actor.label)
                .execute(&mut *tx).await?;
        }
        sqlx::query("INSERT INTO jobs (kind, payload, run_at, max_attempts, created_at) VALUES ($1, $2, $3, $4, $3)")
            .bind(NOTIFY_JOB).bind(id.to_string()).bind(at).bind(MAX_ATTEMPTS).execute(&mut *tx).await?;
        audit_in_tx!(tx, entry, Some(id));
        tx.commit().await?;
        Ok(id)
    })
}

/// A post turned into a remark of consultation `consultation`, keeping its text, author and
/// time, with a link back in the justification; the post records the remark. `None` when the
/// post was turned into a remark before.
#[allow(clippy::too_many_arguments)]
pub async fn promote(
    db: &Db,
    post: &Post,
    consultation: i64,
    link: &str,
    section: &str,
    entered_by: Option<(i64, String)>,
    entry: &AuditEntry,
) -> DbResult<Option<String>> {
    let at = now();
    let marks = db.marks();
    let item = SubmissionBatchItem {
        submission: NewSubmission {
            consultation_id: consultation,
            form_key: format!("forum-post-{}", post.id),
            channel: Channel::Forum,
            received_at: post.created_at,
            entered_by,
            user_id: post.author_id,
            identity: Identity {
                kind: SubmitterKind::Person,
                name: Some(post.author_name.clone()),
                organisation: None,
                district_id: None,
                address: None,
                email: None,
            },
            formal_status: FormalStatus::Valid,
            defect_reason: None,
            correct_by: None,
            attachment: None,
            held: false,
            lang: post.lang.clone(),
        },
        remarks: vec![RemarkInput {
            section_id: None,
            section_text: Some(section.to_owned()),
            proposed_change: post.text.clone(),
            justification: link.to_owned(),
        }],
        entry: AuditEntry { action: "remark.submit", entity: "submission", ..entry.clone() },
        follow_up: None,
    };
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let free: Option<Option<i64>> = sqlx::query_scalar("SELECT remark_id FROM forum_posts WHERE id = $1")
            .bind(post.id).fetch_optional(&mut *tx).await?;
        if !matches!(free, Some(None)) {
            return Ok(None);
        }
        let stored = submit_in_tx!(tx, marks, std::slice::from_ref(&item), at);
        let receipt = stored.first().map(|s: &Stored| s.receipt().to_owned()).unwrap_or_default();
        let remark: Option<i64> = sqlx::query_scalar(
            "SELECT r.id FROM remarks r JOIN submissions s ON s.id = r.submission_id \
             WHERE s.consultation_id = $1 AND s.form_key = $2 ORDER BY r.id LIMIT 1")
            .bind(consultation).bind(&item.submission.form_key).fetch_optional(&mut *tx).await?;
        sqlx::query("UPDATE forum_posts SET remark_id = $1 WHERE id = $2").bind(remark).bind(post.id).execute(&mut *tx).await?;
        audit_in_tx!(tx, entry, Some(post.id));
        tx.commit().await?;
        Ok(Some(receipt))
    })
}

/// Who is told of a new post: the thread's author and the author of the post replied to,
/// each with their address and language, never the new post's own author.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Recipient {
    pub user_id: i64,
    pub email: String,
    pub lang: String,
}

/// The people to tell of post `id` (see [`Recipient`]).
pub async fn recipients(db: &Db, id: i64) -> DbResult<Vec<Recipient>> {
    on!(db, p => Ok(sqlx::query_as(
        "SELECT DISTINCT u.id AS user_id, u.email, u.locale AS lang FROM forum_posts n \
         JOIN forum_threads t ON t.id = n.thread_id \
         LEFT JOIN forum_posts r ON r.id = n.reply_to_id \
         JOIN users u ON u.id = t.author_id OR u.id = r.author_id \
         WHERE n.id = $1 AND u.id <> COALESCE(n.author_id, 0)")
        .bind(id).fetch_all(p).await?))
}

/// The consultations the public may see that list an online discussion, the latest opened
/// first: (address, title).
pub async fn discussed_consultations(db: &Db) -> DbResult<Vec<(String, String)>> {
    let sql = format!(
        "SELECT c.slug, c.title FROM consultations c WHERE c.status IN ({}) AND EXISTS \
         (SELECT 1 FROM methods m WHERE m.consultation_id = c.id AND m.kind = 'online_discussion') \
         ORDER BY c.opens_at DESC, c.id DESC LIMIT 100",
        crate::text_list(&agora_domain::consultation::Status::PUBLIC)
    );
    on!(db, p => Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql)).fetch_all(p).await?))
}

/// The consultation at `slug`, if it lists an online discussion, whatever its status (the
/// page asks the visibility rule).
pub async fn discussion_of(db: &Db, slug: &str) -> DbResult<Option<i64>> {
    on!(db, p => Ok(sqlx::query_scalar(
        "SELECT c.id FROM consultations c WHERE c.slug = $1 AND EXISTS \
         (SELECT 1 FROM methods m WHERE m.consultation_id = c.id AND m.kind = 'online_discussion')")
        .bind(slug).fetch_optional(p).await?))
}
