//! The forum's pages: the front page, each space with its threads, a thread with its posts
//! and replies, and what people do there (post, reply, quote, support, edit within the
//! window, report), what staff do (the city's position, awaiting it, closing with a summary,
//! turning a post into a remark of the consultation) and the pages moderation keeps in the
//! open (the public log, the author's appeal). The moderators' queue and the spaces'
//! settings are in `moderation`.
//!
//! A space belongs to a general category, a consultation that lists an online discussion, a
//! district, or a dialogue body (a public space and one for its members). Only general ones
//! are made by administrators; the others exist from the start, each at an address made of
//! its owner's (`dzielnica-5`, `konsultacja-…`, `cialo-…`, `cialo-…-czlonkowie`), and are
//! stored when their first thread is.

use super::common::OkQuery;
use crate::cache::{Changed, Scope, changed};
use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::forms::{FormErrors, Pairs};
use crate::i18n::{Lang, localized};
use crate::render::{render, render_form, render_public, render_status};
use crate::state::AppState;
use crate::time::{day, day_time, local_date};
use crate::urls::redirect;
use crate::views::forum::{Facts, ThreadLine, settings, space_facts, thread_facts, thread_lines};
use crate::views::remark::accepting;
use agora_db::DbError;
use agora_db::forum::{self as db, NewPost, NewThread, Post, PostOutcome, Reported};
use agora_db::tracked::Actor;
use agora_domain::forum::{
    self as rules, CloseForm, Order, POSTS_PER_PAGE, PostForm, PostState, ReportForm, ReportReason, THREADS_PER_PAGE,
    ThreadForm, Writer,
};
use agora_domain::permission::Action;
use agora_domain::tracked::TrackedKind;
use agora_domain::visibility::Item;
use agora_domain::{FieldError, Invalid};
use askama::Template;
use axum::Router;
use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use chrono::Utc;
use serde::Deserialize;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/forum", get(index))
        .route("/forum/{slug}", get(space_page))
        .route("/forum/{slug}/nowy-watek", get(new_thread_form).post(create_thread))
        .route("/forum/watki/{id}", get(thread_page).post(send_post))
        .route("/forum/watki/{id}/stanowisko", post(position))
        .route("/forum/watki/{id}/oczekuje", post(await_position))
        .route("/forum/watki/{id}/zamkniecie", post(close))
        .route("/forum/wpisy/{id}", get(permalink))
        .route("/forum/wpisy/{id}/poparcie", post(support))
        .route("/forum/wpisy/{id}/edycja", get(edit_form).post(edit))
        .route("/forum/wpisy/{id}/historia", get(history))
        .route("/forum/wpisy/{id}/zgloszenie", get(report_form).post(report))
        .route("/forum/wpisy/{id}/odwolanie", get(appeal_form).post(appeal))
        .route("/forum/wpisy/{id}/uwaga", post(promote))
        .route("/moderacja", get(public_log))
}

// ---- the front page ----

/// A space on the front page.
struct SpaceLink {
    slug: String,
    name: String,
}

/// A recent thread on the front page: no counts of posts, which change with every post while
/// the front page is kept until a thread is started.
struct Recent {
    id: i64,
    title: String,
    space_slug: String,
    space_name: String,
    when: String,
}

#[derive(Template)]
#[template(path = "forum/index.html")]
struct IndexTpl<'a> {
    ctx: &'a Ctx,
    general: Vec<SpaceLink>,
    consultations: Vec<SpaceLink>,
    districts: Vec<SpaceLink>,
    bodies: Vec<SpaceLink>,
    recent: Vec<Recent>,
}

async fn index(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let lang = ctx.lang;
    let general = db::spaces(&state.db, &[rules::SpaceKind::General])
        .await?
        .into_iter()
        .map(|s| SpaceLink { slug: s.slug, name: s.name })
        .collect();
    let consultations = db::discussed_consultations(&state.db)
        .await?
        .into_iter()
        .map(|(slug, title)| SpaceLink { slug: format!("konsultacja-{slug}"), name: title })
        .collect();
    let districts = agora_db::reference::districts(&state.db)
        .await?
        .into_iter()
        .map(|d| SpaceLink { slug: format!("dzielnica-{}", d.number), name: d.name })
        .collect();
    let bodies = agora_db::bodies::list(&state.db, Default::default(), local_date(Utc::now()))
        .await?
        .into_iter()
        .map(|b| SpaceLink { slug: format!("cialo-{}", b.slug), name: localized(lang, b.name_pl, b.name_en) })
        .collect();
    let recent = db::recent_threads(&state.db, 10)
        .await?
        .into_iter()
        .map(|t| Recent {
            id: t.id,
            title: t.title,
            space_slug: t.space_slug,
            space_name: t.space_name,
            when: day_time(lang, t.created_at),
        })
        .collect();
    render_public(&IndexTpl { ctx: &ctx, general, consultations, districts, bodies, recent }, None)
}

// ---- a space ----

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct PageQuery {
    strona: String,
}

fn page_number(raw: &str) -> i64 {
    raw.parse::<i64>().ok().filter(|p| *p >= 1 && *p <= 100_000).unwrap_or(1)
}

#[derive(Template)]
#[template(path = "forum/space.html")]
struct SpaceTpl<'a> {
    ctx: &'a Ctx,
    f: &'a Facts,
    threads: Vec<ThreadLine>,
    total: i64,
    page: i64,
    pages: i64,
    pager_base: String,
    /// Why a new thread cannot be started by this visitor, if it cannot.
    no_start: Option<String>,
    notice: Option<String>,
}

/// The space at `slug` as this visitor may see it, or 404 (a members-only space is not
/// found by those who may not read it, which says nothing of what it holds).
async fn visible_space(state: &AppState, ctx: &Ctx, slug: &str) -> AppResult<Facts> {
    let f = space_facts(state, ctx, slug).await?.ok_or(AppError::NotFound)?;
    if !ctx.may_see(f.item(ctx)) || f.consultation_item().is_some_and(|i| !ctx.may_see(i)) {
        return Err(AppError::NotFound);
    }
    Ok(f)
}

async fn space_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Query(q): Query<PageQuery>,
    Query(ok): Query<OkQuery>,
) -> AppResult<Response> {
    let f = visible_space(&state, &ctx, &slug).await?;
    let page = page_number(&q.strona);
    let (threads, total) = match f.space_id {
        Some(id) => {
            let p = db::threads(&state.db, id, THREADS_PER_PAGE, (page - 1) * THREADS_PER_PAGE).await?;
            (thread_lines(ctx.lang, p.items), p.total)
        }
        None => (Vec::new(), 0),
    };
    let no_start = rules::start_refusal(f.rules(), f.author(&ctx)).map(|k| ctx.t(k));
    let tpl = SpaceTpl {
        pages: (total + THREADS_PER_PAGE - 1) / THREADS_PER_PAGE,
        pager_base: format!("/forum/{}?", f.slug),
        ctx: &ctx,
        f: &f,
        threads,
        total,
        page,
        no_start,
        notice: ok.notice(&ctx),
    };
    render_public(&tpl, f.space_id.map(Scope::Forum))
}

#[derive(Template)]
#[template(path = "forum/new_thread.html")]
struct NewThreadTpl<'a> {
    ctx: &'a Ctx,
    f: &'a Facts,
    form: ThreadForm,
    errors: FormErrors,
}

async fn new_thread_form(State(state): State<AppState>, ctx: Ctx, Path(slug): Path<String>) -> AppResult<Response> {
    let f = visible_space(&state, &ctx, &slug).await?;
    ctx.require_user()?;
    if let Some(k) = rules::start_refusal(f.rules(), f.author(&ctx)) {
        return refused_page(&ctx, k, &format!("/forum/{}", f.slug));
    }
    render(&NewThreadTpl { ctx: &ctx, f: &f, form: ThreadForm::default(), errors: FormErrors::default() })
}

/// A page saying why something cannot be done here, with a way back, as 403.
fn refused_page(ctx: &Ctx, key: &str, back: &str) -> AppResult<Response> {
    message_page(ctx, StatusCode::FORBIDDEN, ctx.t("forum-refused-title"), ctx.t(key), back)
}

/// A page with a title, a message and a way back, answered with `status`.
fn message_page(ctx: &Ctx, status: StatusCode, title: String, message: String, back: &str) -> AppResult<Response> {
    let back = Some((back.to_owned(), ctx.t("forum-back")));
    render_status(status, &crate::render::MessageTpl { ctx, title, message, link: None, back })
}

fn writer_of(ctx: &Ctx, f: &Facts) -> Option<Writer> {
    ctx.user.as_ref().map(|u| Writer { account_created: u.created_at, staff: f.is_staff(ctx) })
}

async fn create_thread(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Form(p): Form<Pairs>,
) -> AppResult<Response> {
    let f = visible_space(&state, &ctx, &slug).await?;
    let user = ctx.require_user()?.clone();
    if let Some(k) = rules::start_refusal(f.rules(), f.author(&ctx)) {
        return refused_page(&ctx, k, &format!("/forum/{}", f.slug));
    }
    let form: ThreadForm = p.decode()?;
    let s = settings(&state).await?;
    let Some(writer) = writer_of(&ctx, &f) else { return Err(AppError::SignInRequired(ctx.path.clone())) };
    let (title, text) = match form.parse(writer, s, Utc::now()) {
        Ok(v) => v,
        Err(inv) => {
            let errors = FormErrors::from_invalid(&inv, ctx.lang);
            return render_form(&errors, &NewThreadTpl { ctx: &ctx, f: &f, form, errors: errors.clone() });
        }
    };
    let space_id = match f.space_id {
        Some(id) => id,
        None => db::space_id(&state.db, &f.input()).await?,
    };
    let author = f.author(&ctx).unwrap_or(rules::Author { staff: false, member: false });
    let first = NewPost {
        thread_id: 0,
        parent_id: None,
        reply_to_id: None,
        author_id: user.id,
        author_name: user.display_name.clone(),
        text,
        state: rules::first_state(f.rules(), author),
        form_key: p.form_key(),
        lang: ctx.lang.code().into(),
        per_hour: s.posts_per_hour,
    };
    let held = first.state == PostState::Held;
    let entry = ctx.audit("forum.thread", "forum_thread", format!("{} ({})", title, f.slug));
    match db::create_thread(&state.db, &NewThread { space_id, title, first }, &entry).await? {
        Some((thread, _)) => {
            let ok = if held { "?ok=flash-forum-held" } else { "" };
            Ok(redirect(&format!("/forum/watki/{thread}{ok}")).into_response())
        }
        None => {
            let errors = FormErrors::general("post_text", too_many_message(&ctx, s.posts_per_hour), ctx.lang);
            let page = render_form(&errors, &NewThreadTpl { ctx: &ctx, f: &f, form, errors: errors.clone() })?;
            Ok(crate::limits::too_many(page, chrono::Duration::hours(1)))
        }
    }
}

fn too_many_message(ctx: &Ctx, per_hour: i64) -> String {
    ctx.t1("forum-too-many", "count", per_hour)
}

// ---- a thread ----

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ThreadQuery {
    kolejnosc: String,
    strona: String,
    /// The post a reply is being written to (the form below the thread names it).
    odpowiedz: String,
    /// The post being quoted in a reply.
    cytuj: String,
    ok: String,
}

/// A post as the thread page shows it.
struct PostView {
    id: i64,
    author: String,
    when: String,
    edited: Option<String>,
    /// Sanitised HTML of the text; empty for a tombstone.
    html: String,
    /// For a hidden post: the date and the reason in words.
    tombstone: Option<String>,
    /// Waiting for a moderator (shown to moderators only).
    held: bool,
    supports: i64,
    supported: bool,
    /// The post it replies to, when that is not its parent: (id, author).
    in_reply_to: Option<(i64, String)>,
    may_reply: bool,
    may_edit: bool,
    may_promote: bool,
    may_report: bool,
    may_appeal: bool,
    remark: bool,
    replies: Vec<PostView>,
}

/// The city's position on a thread.
struct PositionView {
    id: i64,
    unit: String,
    official: String,
    when: String,
    html: String,
}

#[derive(Template)]
#[template(path = "forum/thread.html")]
struct ThreadTpl<'a> {
    ctx: &'a Ctx,
    f: &'a Facts,
    id: i64,
    title: String,
    started: String,
    author: String,
    closed: Option<String>,
    summary_html: Option<String>,
    awaiting: Option<String>,
    overdue: bool,
    positions: Vec<PositionView>,
    posts: Vec<PostView>,
    total: i64,
    page: i64,
    pages: i64,
    order: &'static str,
    orders: Vec<(&'static str, String)>,
    pager_base: String,
    /// Why no post or reply can be written here now, if so.
    no_reply: Option<String>,
    /// The post a reply is being written to: (id, author).
    reply_to: Option<(i64, String)>,
    form: PostForm,
    errors: FormErrors,
    notice: Option<String>,
    /// Departments this person may give the city's position for: (id, name).
    units: Vec<(i64, String)>,
    may_close: bool,
    /// The due date the form shows: the one typed, or the default period's end.
    due_value: String,
    staff_errors: FormErrors,
    staff_form: StaffForm,
}

/// What staff type on a thread: a position, a department and a due date, a summary.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
struct StaffForm {
    position_unit: String,
    position_text: String,
    await_unit: String,
    due_on: String,
    thread_summary: String,
}

/// Everything a thread page is drawn from besides the stored data.
#[derive(Default)]
struct ThreadInput {
    q: ThreadQuery,
    form: PostForm,
    errors: FormErrors,
    staff_form: StaffForm,
    staff_errors: FormErrors,
}

/// The departments this person may give the city's position for: (id, name). Someone who
/// organises for none gets none without a look at the database, which every visitor's thread
/// page would otherwise pay for.
async fn position_units(state: &AppState, ctx: &Ctx) -> AppResult<Vec<(i64, String)>> {
    let mine = super::common::my_units(ctx);
    if mine.as_ref().is_some_and(Vec::is_empty) {
        return Ok(Vec::new());
    }
    Ok(agora_db::reference::units(&state.db)
        .await?
        .into_iter()
        .filter(|u| mine.as_ref().is_none_or(|m| m.contains(&u.id)))
        .map(|u| (u.id, format!("{} — {}", u.code, localized(ctx.lang, u.name_pl, u.name_en))))
        .collect())
}

async fn thread_view(state: &AppState, ctx: &Ctx, id: i64, input: ThreadInput) -> AppResult<Response> {
    let (t, f) = thread_facts(state, ctx, id).await?;
    let lang = ctx.lang;
    let ThreadInput { q, mut form, errors, staff_form, staff_errors } = input;
    let order = Order::parse(&q.kolejnosc);
    let page = page_number(&q.strona);
    let moderator = ctx.can(Action::Moderate);
    let s = settings(state).await?;
    let top = db::top_posts(&state.db, id, order, moderator, POSTS_PER_PAGE, (page - 1) * POSTS_PER_PAGE).await?;
    let ids: Vec<i64> = top.items.iter().map(|p| p.id).collect();
    let replies = db::replies(&state.db, &ids, moderator).await?;
    let me = ctx.user.as_ref().map(|u| u.id);
    let shown_ids: Vec<i64> = ids.iter().chain(replies.iter().map(|r| &r.id)).copied().collect();
    let supported = match me {
        Some(u) => db::supported(&state.db, u, &shown_ids).await?,
        None => Vec::new(),
    };
    let no_reply = rules::refusal(f.rules(), t.closed_at.is_some(), f.author(ctx)).map(|k| ctx.t(k));
    let may_write = no_reply.is_none();
    let names: std::collections::HashMap<i64, String> =
        top.items.iter().chain(replies.iter()).map(|p| (p.id, p.author_name.clone())).collect();
    let now = Utc::now();
    let promotable = f.consultation.as_ref().is_some_and(|c| accepting(c, now));
    let staff_here = f.is_staff(ctx);
    let view = |p: &Post| -> PostView {
        let mine = me.is_some() && p.author_id == me;
        let shown = p.state == PostState::Visible;
        PostView {
            id: p.id,
            author: p.author_name.clone(),
            when: day_time(lang, p.created_at),
            edited: p.edited_at.map(|e| day_time(lang, e)),
            html: if ctx.may_see(Item::ForumPost { state: p.state }) {
                crate::markdown::to_html(&p.text)
            } else {
                String::new()
            },
            tombstone: (p.state == PostState::Hidden).then(|| {
                let reason = p
                    .state_reason
                    .as_deref()
                    .and_then(ReportReason::parse)
                    .map(|r| lang.t(&format!("forum-reason-{}", r.as_str())))
                    .unwrap_or_default();
                let when = p.state_at.map(|a| day(lang, local_date(a))).unwrap_or_default();
                lang.t_args(
                    "forum-tombstone",
                    &[("date", crate::i18n::Arg::Str(when)), ("reason", crate::i18n::Arg::Str(reason))],
                )
            }),
            held: p.state == PostState::Held,
            supports: p.supports,
            supported: supported.contains(&p.id),
            in_reply_to: p
                .reply_to_id
                .filter(|r| Some(*r) != p.parent_id)
                .map(|r| (r, names.get(&r).cloned().unwrap_or_default())),
            may_reply: may_write && shown,
            may_edit: mine && rules::may_edit(p.created_at, p.state, s, now),
            may_promote: promotable && shown && p.remark_id.is_none() && (mine || staff_here),
            may_report: shown && me.is_some() && !mine,
            may_appeal: mine && p.state == PostState::Hidden,
            remark: p.remark_id.is_some(),
            replies: Vec::new(),
        }
    };
    let mut posts: Vec<PostView> = top.items.iter().map(&view).collect();
    for r in &replies {
        if let Some(parent) = posts.iter_mut().find(|p| Some(p.id) == r.parent_id) {
            parent.replies.push(view(r));
        }
    }
    let positions = db::positions(&state.db, id)
        .await?
        .into_iter()
        .map(|p| PositionView {
            id: p.id,
            unit: p.unit_name.map(|pl| localized(lang, pl, p.unit_name_en)).unwrap_or_default(),
            official: p.author_name,
            when: day_time(lang, p.created_at),
            html: crate::markdown::to_html(&p.text),
        })
        .collect();
    // A reply names the post it answers; a quote fills the form with the quoted text.
    let target =
        q.cytuj.parse::<i64>().ok().or_else(|| q.odpowiedz.parse::<i64>().ok()).or_else(|| form.reply_to.parse().ok());
    let mut reply_to = None;
    if let Some(r) = target
        && let Some(p) = db::post(&state.db, r).await?
        && p.thread_id == id
        && rules::may_reply_to(p.state)
    {
        if form.reply_to.is_empty() {
            form.reply_to = p.id.to_string();
        }
        if q.cytuj.parse::<i64>().ok() == Some(p.id) && form.post_text.is_empty() {
            form.post_text = rules::quote(&p.author_name, &p.text);
        }
        reply_to = Some((p.id, p.author_name));
    }
    let awaiting = match (t.tracked_state, t.due_on) {
        (Some(st), Some(due)) if st.awaits_city() => Some(lang.t_args(
            "forum-awaiting",
            &[
                (
                    "unit",
                    crate::i18n::Arg::Str(
                        t.unit_name.clone().map(|pl| localized(lang, pl, t.unit_name_en.clone())).unwrap_or_default(),
                    ),
                ),
                ("date", crate::i18n::Arg::Str(day(lang, due))),
            ],
        )),
        _ => None,
    };
    let today = local_date(now);
    let units = position_units(state, ctx).await?;
    let orders = [Order::Oldest, Order::Newest, Order::MostSupported]
        .into_iter()
        .map(|o| (o.as_str(), lang.t(&format!("forum-order-{}", o.as_str()))))
        .collect();
    let tpl = ThreadTpl {
        ctx,
        f: &f,
        id,
        title: t.title.clone(),
        started: day_time(lang, t.created_at),
        author: t.author_name.clone(),
        closed: t.closed_at.map(|c| day(lang, local_date(c))),
        summary_html: t.summary.as_deref().map(crate::markdown::to_html),
        overdue: awaiting.is_some() && t.due_on.is_some_and(|d| d < today),
        awaiting,
        positions,
        posts,
        total: top.total,
        page,
        pages: (top.total + POSTS_PER_PAGE - 1) / POSTS_PER_PAGE,
        order: order.as_str(),
        orders,
        pager_base: format!("/forum/watki/{id}?kolejnosc={}", order.as_str()),
        no_reply,
        reply_to,
        form,
        notice: super::common::notice(ctx, &q.ok),
        errors,
        units,
        may_close: t.closed_at.is_none() && (staff_here || ctx.can(Action::Moderate)),
        due_value: if staff_form.due_on.is_empty() {
            TrackedKind::ForumPosition.default_period().due(today).format("%Y-%m-%d").to_string()
        } else {
            staff_form.due_on.clone()
        },
        staff_errors,
        staff_form,
    };
    if tpl.errors.any() || tpl.staff_errors.any() {
        return render_status(StatusCode::UNPROCESSABLE_ENTITY, &tpl);
    }
    render_public(&tpl, f.space_id.map(Scope::Forum))
}

async fn thread_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<ThreadQuery>,
) -> AppResult<Response> {
    thread_view(&state, &ctx, id, ThreadInput { q, ..ThreadInput::default() }).await
}

/// A post's permalink: the page of its thread that shows it, at its place.
async fn permalink(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> AppResult<Response> {
    let p = db::post(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let _ = thread_facts(&state, &ctx, p.thread_id).await?;
    let top = p.parent_id.unwrap_or(p.id);
    let page = if p.position_unit_id.is_some() {
        1
    } else {
        db::posts_before(&state.db, p.thread_id, top).await? / POSTS_PER_PAGE + 1
    };
    Ok(redirect(&format!("/forum/watki/{}?strona={page}#wpis-{id}", p.thread_id)).into_response())
}

async fn send_post(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(p): Form<Pairs>,
) -> AppResult<Response> {
    let (t, f) = thread_facts(&state, &ctx, id).await?;
    let user = ctx.require_user()?.clone();
    let form: PostForm = p.decode()?;
    let again = |errors: FormErrors, form: PostForm| ThreadInput { form, errors, ..ThreadInput::default() };
    if let Some(k) = rules::refusal(f.rules(), t.closed_at.is_some(), f.author(&ctx)) {
        let errors = FormErrors::general("post_text", ctx.t(k), ctx.lang);
        let page = thread_view(&state, &ctx, id, again(errors, form)).await?;
        return Ok(with_status(page, StatusCode::CONFLICT));
    }
    let s = settings(&state).await?;
    let mut inv = Invalid::default();
    let (mut parent_id, mut reply_to_id) = (None, None);
    if !form.reply_to.trim().is_empty() {
        match form.reply_to.trim().parse::<i64>().ok() {
            Some(r) => match db::post(&state.db, r).await? {
                Some(target) if target.thread_id == id && rules::may_reply_to(target.state) => {
                    parent_id = Some(target.parent_id.unwrap_or(target.id));
                    reply_to_id = Some(target.id);
                }
                _ => inv.push(FieldError::new("post_text", "forum-reply-gone")),
            },
            None => inv.push(FieldError::new("post_text", "forum-reply-gone")),
        }
    }
    let writer = Writer { account_created: user.created_at, staff: f.is_staff(&ctx) };
    let text = inv.check(rules::post_text(&form.post_text, writer, s, Utc::now()));
    let Some(text) = text.filter(|_| inv.is_empty()) else {
        let errors = FormErrors::from_invalid(&inv, ctx.lang);
        return thread_view(&state, &ctx, id, again(errors, form)).await;
    };
    let author = f.author(&ctx).unwrap_or(rules::Author { staff: false, member: false });
    let item = NewPost {
        thread_id: id,
        parent_id,
        reply_to_id,
        author_id: user.id,
        author_name: user.display_name.clone(),
        text,
        state: rules::first_state(f.rules(), author),
        form_key: p.form_key(),
        lang: ctx.lang.code().into(),
        per_hour: s.posts_per_hour,
    };
    let scope = Changed::Scope(Scope::Forum(t.space_id));
    match state.forum_writer.submit(item).await? {
        PostOutcome::Stored { id: post, state: PostState::Visible } | PostOutcome::Again { id: post } => {
            state.jobs_waiting.notify_one();
            Ok(changed(redirect(&format!("/forum/wpisy/{post}")).into_response(), scope))
        }
        PostOutcome::Stored { .. } => {
            Ok(changed(redirect(&format!("/forum/watki/{id}?ok=flash-forum-held")).into_response(), scope))
        }
        PostOutcome::TooMany => {
            let errors = FormErrors::general("post_text", too_many_message(&ctx, s.posts_per_hour), ctx.lang);
            let page = thread_view(&state, &ctx, id, again(errors, form)).await?;
            Ok(crate::limits::too_many(page, chrono::Duration::hours(1)))
        }
        PostOutcome::Refused => {
            let errors = FormErrors::general("post_text", ctx.t("error-forum-reply-gone"), ctx.lang);
            let page = thread_view(&state, &ctx, id, again(errors, form)).await?;
            Ok(with_status(page, StatusCode::CONFLICT))
        }
    }
}

fn with_status(mut r: Response, status: StatusCode) -> Response {
    *r.status_mut() = status;
    r
}

// ---- staff on a thread ----

/// The department chosen in `field` among those this person speaks for (403 for someone who
/// speaks for none); a choice outside them is a field error in `inv`.
async fn chosen_unit(
    state: &AppState,
    ctx: &Ctx,
    raw: &str,
    field: &'static str,
    inv: &mut Invalid,
) -> AppResult<Option<i64>> {
    let units = position_units(state, ctx).await?;
    if units.is_empty() {
        return Err(AppError::Forbidden);
    }
    let unit = raw.parse::<i64>().ok().filter(|u| units.iter().any(|(id, _)| id == u));
    if unit.is_none() {
        inv.push(FieldError::new(field, "choose-one"));
    }
    Ok(unit)
}

/// The position is given for one of the departments this person works for.
async fn position(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(p): Form<Pairs>,
) -> AppResult<Response> {
    let (t, _f) = thread_facts(&state, &ctx, id).await?;
    let user = ctx.require_user()?.clone();
    let sf: StaffForm = p.decode()?;
    let mut inv = Invalid::default();
    let unit = chosen_unit(&state, &ctx, &sf.position_unit, "position_unit", &mut inv).await?;
    let text =
        inv.check(agora_domain::validation::bounded_text("position_text", &sf.position_text, 2, rules::POST_MAX));
    let (Some(unit), Some(text), true) = (unit, text, inv.is_empty()) else {
        let staff_errors = FormErrors::from_invalid(&inv, ctx.lang);
        return thread_view(&state, &ctx, id, ThreadInput { staff_form: sf, staff_errors, ..ThreadInput::default() })
            .await;
    };
    let n = NewPost {
        thread_id: id,
        parent_id: None,
        reply_to_id: None,
        author_id: user.id,
        author_name: user.display_name.clone(),
        text,
        state: PostState::Visible,
        form_key: p.form_key(),
        lang: ctx.lang.code().into(),
        per_hour: i64::MAX,
    };
    let entry = ctx.audit("forum.position", "forum_post", format!("thread {id}: {}", t.title));
    let actor = Actor { id: Some(user.id), label: &user.display_name };
    let post = match db::add_position(&state.db, id, unit, &n, local_date(Utc::now()), actor, &entry).await {
        Ok(post) => post,
        // The same form sent twice: the position stands once.
        Err(DbError::Conflict(_)) => return Ok(redirect(&format!("/forum/watki/{id}")).into_response()),
        Err(e) => return Err(e.into()),
    };
    state.jobs_waiting.notify_one();
    Ok(redirect(&format!("/forum/wpisy/{post}")).into_response())
}

async fn await_position(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(p): Form<Pairs>,
) -> AppResult<Response> {
    let (t, f) = thread_facts(&state, &ctx, id).await?;
    let user = ctx.require_user()?.clone();
    let sf: StaffForm = p.decode()?;
    let today = local_date(Utc::now());
    let mut inv = Invalid::default();
    let unit = chosen_unit(&state, &ctx, &sf.await_unit, "await_unit", &mut inv).await?;
    let due = crate::time::parse_date(&sf.due_on);
    match due {
        None => inv.push(FieldError::new("due_on", "date-invalid")),
        Some(d) if d < today => inv.push(FieldError::new("due_on", "forum-due-past")),
        Some(d) if !agora_domain::validation::sane_year(chrono::Datelike::year(&d)) => {
            inv.push(FieldError::new("due_on", "date-invalid"))
        }
        Some(_) => {}
    }
    let (Some(unit), Some(due), true) = (unit, due, inv.is_empty()) else {
        let staff_errors = FormErrors::from_invalid(&inv, ctx.lang);
        return thread_view(&state, &ctx, id, ThreadInput { staff_form: sf, staff_errors, ..ThreadInput::default() })
            .await;
    };
    let entry = ctx.audit("forum.await_position", "forum_thread", format!("thread {id}: {}", t.title));
    let actor = Actor { id: Some(user.id), label: &user.display_name };
    let public = !f.members_only;
    db::await_position(&state.db, id, &t.title, unit, today, due, public, actor, &entry).await?;
    Ok(redirect(&format!("/forum/watki/{id}?ok=flash-forum-awaiting")).into_response())
}

async fn close(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(p): Form<Pairs>,
) -> AppResult<Response> {
    let (t, f) = thread_facts(&state, &ctx, id).await?;
    if !(f.is_staff(&ctx) || ctx.can(Action::Moderate)) {
        return Err(AppError::Forbidden);
    }
    let sf: StaffForm = p.decode()?;
    let summary = match (CloseForm { thread_summary: sf.thread_summary.clone() }).parse() {
        Ok(s) => s,
        Err(inv) => {
            let staff_errors = FormErrors::from_invalid(&inv, ctx.lang);
            return thread_view(
                &state,
                &ctx,
                id,
                ThreadInput { staff_form: sf, staff_errors, ..ThreadInput::default() },
            )
            .await;
        }
    };
    let entry = ctx.audit("forum.close", "forum_thread", format!("thread {id}: {}", t.title));
    db::close_thread(&state.db, id, &summary, &entry).await?;
    Ok(redirect(&format!("/forum/watki/{id}?ok=flash-forum-closed")).into_response())
}

// ---- what people do with a post ----

/// The post, its thread and space, if this visitor may see them.
async fn post_facts(state: &AppState, ctx: &Ctx, id: i64) -> AppResult<(Post, agora_db::forum::Thread, Facts)> {
    let p = db::post(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let (t, f) = thread_facts(state, ctx, p.thread_id).await?;
    Ok((p, t, f))
}

async fn support(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> AppResult<Response> {
    let (p, t, _f) = post_facts(&state, &ctx, id).await?;
    let user = ctx.require_user()?.clone();
    let back = format!("/forum/wpisy/{id}");
    if p.state != PostState::Visible {
        return Err(AppError::NotFound);
    }
    if p.author_id == Some(user.id) {
        return message(&ctx, StatusCode::UNPROCESSABLE_ENTITY, "forum-support-own", &back);
    }
    if !db::support(&state.db, id, user.id).await? {
        return message(&ctx, StatusCode::CONFLICT, "forum-support-twice", &back);
    }
    Ok(changed(redirect(&back).into_response(), Changed::Scope(Scope::Forum(t.space_id))))
}

/// A refusal named by `key`: its title, and its explanation under `{key}-message`.
fn message(ctx: &Ctx, status: StatusCode, key: &str, back: &str) -> AppResult<Response> {
    message_page(ctx, status, ctx.t(key), ctx.t(&format!("{key}-message")), back)
}

#[derive(Template)]
#[template(path = "forum/edit.html")]
struct EditTpl<'a> {
    ctx: &'a Ctx,
    id: i64,
    thread_id: i64,
    thread_title: String,
    form: PostForm,
    errors: FormErrors,
    until: String,
}

/// The author's own post, still within the edit window, or why not.
async fn editable(
    state: &AppState,
    ctx: &Ctx,
    id: i64,
) -> AppResult<Result<(Post, agora_db::forum::Thread, String), Response>> {
    let (p, t, _f) = post_facts(state, ctx, id).await?;
    let user = ctx.require_user()?;
    if p.author_id != Some(user.id) || p.position_unit_id.is_some() {
        return Err(AppError::Forbidden);
    }
    let s = settings(state).await?;
    if !rules::may_edit(p.created_at, p.state, s, Utc::now()) {
        return Ok(Err(message(ctx, StatusCode::CONFLICT, "forum-edit-late", &format!("/forum/wpisy/{id}"))?));
    }
    let until = day_time(ctx.lang, p.created_at + chrono::Duration::minutes(s.edit_minutes));
    Ok(Ok((p, t, until)))
}

async fn edit_form(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> AppResult<Response> {
    let (p, t, until) = match editable(&state, &ctx, id).await? {
        Ok(v) => v,
        Err(r) => return Ok(r),
    };
    let form = PostForm { post_text: p.text, reply_to: String::new() };
    render(&EditTpl {
        ctx: &ctx,
        id,
        thread_id: t.id,
        thread_title: t.title,
        form,
        errors: FormErrors::default(),
        until,
    })
}

async fn edit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(f): Form<PostForm>,
) -> AppResult<Response> {
    let (_p, t, until) = match editable(&state, &ctx, id).await? {
        Ok(v) => v,
        Err(r) => return Ok(r),
    };
    let (_, facts) = thread_facts(&state, &ctx, t.id).await?;
    let Some(writer) = writer_of(&ctx, &facts) else { return Err(AppError::SignInRequired(ctx.path.clone())) };
    let s = settings(&state).await?;
    match rules::post_text(&f.post_text, writer, s, Utc::now()) {
        Ok(text) => {
            if !db::edit_post(&state.db, id, &text).await? {
                return Err(AppError::Conflict);
            }
            Ok(changed(
                redirect(&format!("/forum/wpisy/{id}")).into_response(),
                Changed::Scope(Scope::Forum(t.space_id)),
            ))
        }
        Err(e) => {
            let errors = FormErrors::from_invalid(&e.into(), ctx.lang);
            render_form(
                &errors,
                &EditTpl {
                    ctx: &ctx,
                    id,
                    thread_id: t.id,
                    thread_title: t.title,
                    form: f,
                    errors: errors.clone(),
                    until,
                },
            )
        }
    }
}

struct VersionView {
    when: String,
    html: String,
}

#[derive(Template)]
#[template(path = "forum/history.html")]
struct HistoryTpl<'a> {
    ctx: &'a Ctx,
    id: i64,
    thread_id: i64,
    thread_title: String,
    current: VersionView,
    earlier: Vec<VersionView>,
}

async fn history(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> AppResult<Response> {
    let (p, t, _f) = post_facts(&state, &ctx, id).await?;
    if !ctx.may_see(Item::ForumPost { state: p.state }) {
        return Err(AppError::NotFound);
    }
    let lang = ctx.lang;
    let earlier = db::versions(&state.db, id)
        .await?
        .into_iter()
        .map(|v| VersionView { when: day_time(lang, v.written_at), html: crate::markdown::to_html(&v.text) })
        .collect();
    let current = VersionView {
        when: day_time(lang, p.edited_at.unwrap_or(p.created_at)),
        html: crate::markdown::to_html(&p.text),
    };
    render_public(
        &HistoryTpl { ctx: &ctx, id, thread_id: t.id, thread_title: t.title, current, earlier },
        Some(Scope::Forum(t.space_id)),
    )
}

#[derive(Template)]
#[template(path = "forum/report.html")]
struct ReportTpl<'a> {
    ctx: &'a Ctx,
    id: i64,
    thread_id: i64,
    thread_title: String,
    reasons: Vec<super::common::Opt>,
    form: ReportForm,
    errors: FormErrors,
}

/// A shown post of someone else, which this person has not reported yet, or why not.
async fn reportable(
    state: &AppState,
    ctx: &Ctx,
    id: i64,
) -> AppResult<Result<(Post, agora_db::forum::Thread), Response>> {
    let (p, t, _f) = post_facts(state, ctx, id).await?;
    let user = ctx.require_user()?;
    let back = format!("/forum/wpisy/{id}");
    if db::has_reported(&state.db, id, user.id).await? {
        return Ok(Err(message(ctx, StatusCode::CONFLICT, "forum-report-twice", &back)?));
    }
    if p.state != PostState::Visible {
        return Err(AppError::NotFound);
    }
    if p.author_id == Some(user.id) {
        return Ok(Err(message(ctx, StatusCode::UNPROCESSABLE_ENTITY, "forum-report-own", &back)?));
    }
    Ok(Ok((p, t)))
}

fn reasons(lang: Lang) -> Vec<super::common::Opt> {
    super::common::options::<ReportReason>(lang, "forum-reason-")
}

async fn report_form(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> AppResult<Response> {
    let (_p, t) = match reportable(&state, &ctx, id).await? {
        Ok(v) => v,
        Err(r) => return Ok(r),
    };
    let tpl = ReportTpl {
        ctx: &ctx,
        id,
        thread_id: t.id,
        thread_title: t.title,
        reasons: reasons(ctx.lang),
        form: ReportForm::default(),
        errors: FormErrors::default(),
    };
    render(&tpl)
}

async fn report(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<ReportForm>,
) -> AppResult<Response> {
    let (_p, t) = match reportable(&state, &ctx, id).await? {
        Ok(v) => v,
        Err(r) => return Ok(r),
    };
    let user = ctx.require_user()?.clone();
    let (reason, note) = match form.parse() {
        Ok(v) => v,
        Err(inv) => {
            let errors = FormErrors::from_invalid(&inv, ctx.lang);
            let tpl = ReportTpl {
                ctx: &ctx,
                id,
                thread_id: t.id,
                thread_title: t.title,
                reasons: reasons(ctx.lang),
                form,
                errors: errors.clone(),
            };
            return render_form(&errors, &tpl);
        }
    };
    let s = settings(&state).await?;
    match db::report(&state.db, id, user.id, reason, note.as_deref(), s.reports_to_hold).await? {
        Reported::Again => message(&ctx, StatusCode::CONFLICT, "forum-report-twice", &format!("/forum/wpisy/{id}")),
        Reported::Recorded { held } => {
            let r = redirect(&format!("/forum/watki/{}?ok=flash-forum-reported", t.id)).into_response();
            // Only a post held for review changes what the thread shows.
            Ok(changed(r, if held { Changed::Scope(Scope::Forum(t.space_id)) } else { Changed::Nothing }))
        }
    }
}

#[derive(Template)]
#[template(path = "forum/appeal.html")]
struct AppealTpl<'a> {
    ctx: &'a Ctx,
    id: i64,
    thread_id: i64,
    thread_title: String,
    reason: String,
    text: String,
    errors: FormErrors,
}

/// The author's hidden post not appealed yet, or why it cannot be appealed.
async fn appealable(
    state: &AppState,
    ctx: &Ctx,
    id: i64,
) -> AppResult<Result<(Post, agora_db::forum::Thread), Response>> {
    let (p, t, _f) = post_facts(state, ctx, id).await?;
    let user = ctx.require_user()?;
    if p.author_id != Some(user.id) {
        return Err(AppError::Forbidden);
    }
    if p.state != PostState::Hidden {
        return Err(AppError::NotFound);
    }
    if db::appeal(&state.db, id).await?.is_some() {
        return Ok(Err(message(ctx, StatusCode::CONFLICT, "forum-appeal-twice", &format!("/forum/wpisy/{id}"))?));
    }
    Ok(Ok((p, t)))
}

fn reason_words(lang: Lang, p: &Post) -> String {
    p.state_reason
        .as_deref()
        .and_then(ReportReason::parse)
        .map(|r| lang.t(&format!("forum-reason-{}", r.as_str())))
        .unwrap_or_default()
}

async fn appeal_form(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> AppResult<Response> {
    let (p, t) = match appealable(&state, &ctx, id).await? {
        Ok(v) => v,
        Err(r) => return Ok(r),
    };
    let tpl = AppealTpl {
        ctx: &ctx,
        id,
        thread_id: t.id,
        thread_title: t.title,
        reason: reason_words(ctx.lang, &p),
        text: String::new(),
        errors: FormErrors::default(),
    };
    render(&tpl)
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct AppealForm {
    appeal_text: String,
}

async fn appeal(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<AppealForm>,
) -> AppResult<Response> {
    let (p, t) = match appealable(&state, &ctx, id).await? {
        Ok(v) => v,
        Err(r) => return Ok(r),
    };
    match agora_domain::validation::bounded_text("appeal_text", &form.appeal_text, 10, rules::NOTE_MAX) {
        Ok(text) => {
            if !db::add_appeal(&state.db, id, &text).await? {
                return message(&ctx, StatusCode::CONFLICT, "forum-appeal-twice", &format!("/forum/wpisy/{id}"));
            }
            Ok(changed(
                redirect(&format!("/forum/watki/{}?ok=flash-forum-appealed", t.id)).into_response(),
                Changed::Nothing,
            ))
        }
        Err(e) => {
            let errors = FormErrors::from_invalid(&e.into(), ctx.lang);
            let tpl = AppealTpl {
                ctx: &ctx,
                id,
                thread_id: t.id,
                thread_title: t.title,
                reason: reason_words(ctx.lang, &p),
                text: form.appeal_text,
                errors: errors.clone(),
            };
            render_form(&errors, &tpl)
        }
    }
}

/// Turns a post into a remark of the consultation whose discussion it is in: its author
/// with one click, or the consultation's staff.
async fn promote(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> AppResult<Response> {
    let (p, t, f) = post_facts(&state, &ctx, id).await?;
    let user = ctx.require_user()?.clone();
    let Some(c) = f.consultation.as_ref() else { return Err(AppError::NotFound) };
    let mine = p.author_id == Some(user.id);
    if !(mine || f.is_staff(&ctx)) {
        return Err(AppError::Forbidden);
    }
    let back = format!("/forum/wpisy/{id}");
    if !accepting(c, Utc::now()) {
        return message(&ctx, StatusCode::CONFLICT, "forum-promote-closed", &back);
    }
    if p.state != PostState::Visible || p.position_unit_id.is_some() {
        return Err(AppError::NotFound);
    }
    let link = format!("{}/forum/wpisy/{id}", state.config.base_url);
    let justification = ctx.lang.t_args("forum-promoted-justification", &[("link", crate::i18n::Arg::Str(link))]);
    let entered_by = (!mine).then(|| (user.id, user.display_name.clone()));
    let entry = ctx.audit("forum.promote", "forum_post", format!("post {id} of thread {}", t.id));
    match db::promote(&state.db, &p, c.id, &justification, &t.title, entered_by, &entry).await? {
        Some(_receipt) => {
            Ok(redirect(&format!("/forum/watki/{}?ok=flash-forum-promoted#wpis-{id}", t.id)).into_response())
        }
        None => message(&ctx, StatusCode::CONFLICT, "forum-promote-twice", &back),
    }
}

// ---- the public moderation log ----

struct LogLine {
    when: String,
    action: String,
    reason: String,
    content: String,
    thread_id: Option<i64>,
}

#[derive(Template)]
#[template(path = "forum/log.html")]
struct LogTpl<'a> {
    ctx: &'a Ctx,
    lines: Vec<LogLine>,
    page: i64,
    pages: i64,
    pager_base: String,
}

const LOG_PAGE: i64 = 50;

async fn public_log(State(state): State<AppState>, ctx: Ctx, Query(q): Query<PageQuery>) -> AppResult<Response> {
    let page = page_number(&q.strona);
    let lang = ctx.lang;
    let log = db::moderation_log(&state.db, LOG_PAGE, (page - 1) * LOG_PAGE).await?;
    let lines = log
        .items
        .into_iter()
        .map(|e| LogLine {
            when: day_time(lang, e.at),
            action: lang.t(&format!("forum-action-{}", e.action.as_str())),
            reason: e
                .reason
                .as_deref()
                .and_then(ReportReason::parse)
                .map(|r| lang.t(&format!("forum-reason-{}", r.as_str())))
                .unwrap_or_default(),
            content: lang.t(&format!("forum-content-{}", e.content)),
            thread_id: e.thread_id,
        })
        .collect();
    let tpl = LogTpl {
        ctx: &ctx,
        lines,
        page,
        pages: (log.total + LOG_PAGE - 1) / LOG_PAGE,
        pager_base: "/moderacja?".into(),
    };
    render_public(&tpl, None)
}
