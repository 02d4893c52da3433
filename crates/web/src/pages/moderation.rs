//! The forum seen from the staff area: the moderators' queue with waiting times, a
//! moderator's decision on a post (with the statement of reasons to its author and the
//! outcome to each person who reported it), the forum's settings, and each space's settings
//! (administrators for general categories, the owner's staff for the others).

use super::common::{OkQuery, Opt};
use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::forms::FormErrors;
use crate::forum_mail;
use crate::render::{render, render_form};
use crate::state::AppState;
use crate::time::day_time;
use crate::urls::redirect;
use crate::views::forum::{Facts, SETTINGS_KEY, settings, space_facts};
use agora_db::DbError;
use agora_db::forum::{self as db, SpaceInput};
use agora_db::tracked::Actor;
use agora_domain::forum::{DecisionForm, PostState, ReportReason, SettingsForm, SpaceKind};
use agora_domain::permission::Action;
use agora_domain::validation::{bounded_text, optional_text};
use agora_domain::{FieldError, Invalid};
use askama::Template;
use axum::Router;
use axum::extract::{Form, Path, Query, State};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use chrono::Utc;
use serde::Deserialize;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin/moderacja", get(queue))
        .route("/admin/moderacja/{id}", get(decision_form).post(decide))
        .route("/admin/forum", get(admin_forum).post(save_settings))
        .route("/admin/forum/przestrzenie/nowa", get(new_space).post(create_space))
        .route("/admin/forum/przestrzenie/{slug}", get(space_form).post(save_space))
}

// ---- the queue ----

struct QueueLine {
    id: i64,
    thread_id: i64,
    thread_title: String,
    author: String,
    excerpt: String,
    what: String,
    waiting: String,
    late: bool,
}

#[derive(Template)]
#[template(path = "moderation/queue.html")]
struct QueueTpl<'a> {
    ctx: &'a Ctx,
    lines: Vec<QueueLine>,
    notice: Option<String>,
}

fn excerpt(text: &str) -> String {
    let mut s: String = text.chars().take(200).collect();
    if text.chars().count() > 200 {
        s.push('…');
    }
    s
}

async fn queue(State(state): State<AppState>, ctx: Ctx, Query(q): Query<OkQuery>) -> AppResult<Response> {
    ctx.require(Action::Moderate)?;
    let s = settings(&state).await?;
    let now = Utc::now();
    let lines = db::queue(&state.db)
        .await?
        .into_iter()
        .map(|w| {
            let hours = (now - w.since).num_hours().max(0);
            let what = if w.appeal.is_some() {
                ctx.t("moderation-what-appeal")
            } else if w.state == PostState::Held && w.reports == 0 {
                ctx.t("moderation-what-premoderation")
            } else {
                ctx.t1("moderation-what-reports", "count", w.reports)
            };
            QueueLine {
                id: w.id,
                thread_id: w.thread_id,
                thread_title: w.thread_title,
                author: w.author_name,
                excerpt: excerpt(&w.text),
                what,
                waiting: ctx.t1("moderation-waiting-hours", "count", hours),
                late: hours >= s.alert_hours,
            }
        })
        .collect();
    render(&QueueTpl { ctx: &ctx, lines, notice: q.notice(&ctx) })
}

// ---- a decision ----

#[derive(Template)]
#[template(path = "moderation/decide.html")]
struct DecideTpl<'a> {
    ctx: &'a Ctx,
    id: i64,
    thread_id: i64,
    thread_title: String,
    author: String,
    when: String,
    html: String,
    state: String,
    reports: Vec<(String, String)>,
    appeal: Option<String>,
    choices: Vec<Opt>,
    reasons: Vec<Opt>,
    form: DecisionForm,
    errors: FormErrors,
}

/// The choices a moderator has on a post in `state`, appealed or not.
fn choices(ctx: &Ctx, state: PostState, appealed: bool) -> Vec<Opt> {
    let keys: &[&str] = match (state, appealed) {
        (PostState::Hidden, true) => &["restore", "refuse"],
        (PostState::Held, _) => &["approve", "hide"],
        (PostState::Visible, _) => &["keep", "hide"],
        (PostState::Hidden, false) => &[],
    };
    keys.iter().map(|k| Opt { value: (*k).into(), label: ctx.t(&format!("moderation-decision-{k}")) }).collect()
}

async fn decide_page(
    state: &AppState,
    ctx: &Ctx,
    id: i64,
    form: DecisionForm,
    errors: FormErrors,
) -> AppResult<Response> {
    let p = db::post(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let t = db::thread(&state.db, p.thread_id).await?.ok_or(AppError::NotFound)?;
    let appeal = db::appeal(&state.db, id).await?.filter(|a| a.decided_at.is_none());
    let reports = db::open_reports(&state.db, id)
        .await?
        .into_iter()
        .map(|r| (ctx.t(&format!("forum-reason-{}", r.reason.as_str())), r.note.unwrap_or_default()))
        .collect();
    let tpl = DecideTpl {
        ctx,
        id,
        thread_id: t.id,
        thread_title: t.title,
        author: p.author_name.clone(),
        when: day_time(ctx.lang, p.created_at),
        html: crate::markdown::to_html(&p.text),
        state: ctx.t(&format!("forum-state-{}", p.state.as_str())),
        reports,
        choices: choices(ctx, p.state, appeal.is_some()),
        appeal: appeal.map(|a| a.text),
        reasons: super::common::options::<ReportReason>(ctx.lang, "forum-reason-"),
        form,
        errors,
    };
    render_form(&tpl.errors, &tpl)
}

async fn decision_form(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> AppResult<Response> {
    ctx.require(Action::Moderate)?;
    decide_page(&state, &ctx, id, DecisionForm::default(), FormErrors::default()).await
}

async fn decide(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<DecisionForm>,
) -> AppResult<Response> {
    let user = ctx.require(Action::Moderate)?.clone();
    let p = db::post(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let t = db::thread(&state.db, p.thread_id).await?.ok_or(AppError::NotFound)?;
    let appealed = db::appeal(&state.db, id).await?.is_some_and(|a| a.decided_at.is_none());
    let d = match form.parse(p.state, appealed) {
        Ok(d) => d,
        Err(inv) => {
            let errors = FormErrors::from_invalid(&inv, ctx.lang);
            return decide_page(&state, &ctx, id, form, errors).await;
        }
    };
    let reports = db::open_reports(&state.db, id).await?;
    let mails = forum_mail::decision_mails(&state, &p, &t.title, &d, &reports).await?;
    let entry = ctx.audit("forum.moderate", "forum_post", format!("post {id}: {}", d.action.as_str()));
    let actor = Actor { id: Some(user.id), label: &user.display_name };
    let done =
        db::decide(&state.db, id, p.state, d.action, d.reason, d.statement.as_deref(), &mails, actor, &entry).await?;
    if !done {
        return Err(AppError::Conflict);
    }
    state.jobs_waiting.notify_one();
    Ok(redirect("/admin/moderacja?ok=flash-moderation-decided").into_response())
}

// ---- the forum's settings and its general spaces ----

struct SpaceRow {
    slug: String,
    name: String,
    flags: String,
}

#[derive(Template)]
#[template(path = "moderation/forum.html")]
struct ForumTpl<'a> {
    ctx: &'a Ctx,
    form: SettingsForm,
    errors: FormErrors,
    spaces: Vec<SpaceRow>,
    notice: Option<String>,
}

fn flags(ctx: &Ctx, residents_start: bool, premoderated: bool, closed: bool) -> String {
    let mut out = Vec::new();
    if !residents_start {
        out.push(ctx.t("forum-flag-staff-start"));
    }
    if premoderated {
        out.push(ctx.t("forum-flag-premoderated"));
    }
    if closed {
        out.push(ctx.t("forum-flag-closed"));
    }
    out.join(", ")
}

async fn forum_page(
    state: &AppState,
    ctx: &Ctx,
    form: SettingsForm,
    errors: FormErrors,
    notice: Option<String>,
) -> AppResult<Response> {
    let spaces = db::spaces(&state.db, &[SpaceKind::General])
        .await?
        .into_iter()
        .map(|s| SpaceRow {
            flags: flags(ctx, s.residents_start, s.premoderated, s.closed),
            slug: s.slug,
            name: s.name,
        })
        .collect();
    let tpl = ForumTpl { ctx, form, errors, spaces, notice };
    render_form(&tpl.errors, &tpl)
}

async fn admin_forum(State(state): State<AppState>, ctx: Ctx, Query(q): Query<OkQuery>) -> AppResult<Response> {
    ctx.require(Action::ManageReferenceData)?;
    let form = SettingsForm::from_settings(settings(&state).await?);
    forum_page(&state, &ctx, form, FormErrors::default(), q.notice(&ctx)).await
}

async fn save_settings(State(state): State<AppState>, ctx: Ctx, Form(form): Form<SettingsForm>) -> AppResult<Response> {
    ctx.require(Action::ManageReferenceData)?;
    match form.parse() {
        Ok(s) => {
            let json = serde_json::to_string(&s).map_err(|e| AppError::Internal(e.to_string()))?;
            let entry = ctx.audit("forum.settings", "settings", json.clone());
            agora_db::settings::put(&state.db, SETTINGS_KEY, &json, &entry).await?;
            Ok(redirect("/admin/forum?ok=flash-saved").into_response())
        }
        Err(inv) => {
            let errors = FormErrors::from_invalid(&inv, ctx.lang);
            forum_page(&state, &ctx, form, errors, None).await
        }
    }
}

/// A space's settings as typed.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
struct SpaceForm {
    name: String,
    slug: String,
    description: String,
    residents_start: String,
    premoderated: String,
    closed: String,
    position: String,
}

#[derive(Template)]
#[template(path = "moderation/space.html")]
struct SpaceTpl<'a> {
    ctx: &'a Ctx,
    /// `None` for a new general category.
    slug: Option<String>,
    /// Names and addresses are the administrators' for general categories only; the others
    /// take their owner's.
    general: bool,
    form: SpaceForm,
    errors: FormErrors,
    notice: Option<String>,
}

/// Words that are pages of the forum rather than spaces.
const RESERVED: [&str; 3] = ["watki", "wpisy", "nowa"];

fn parse_space(f: &SpaceForm, stored: Option<&Facts>) -> Result<SpaceInput, Invalid> {
    let mut inv = Invalid::default();
    let general = stored.is_none_or(|s| s.kind == SpaceKind::General);
    let name = if general { inv.check(bounded_text("name", &f.name, 3, 120)) } else { stored.map(|s| s.name.clone()) };
    let slug = if let Some(s) = stored {
        Some(s.slug.clone())
    } else {
        let s = f.slug.trim().to_lowercase();
        let owned = ["dzielnica-", "konsultacja-", "cialo-"].iter().any(|p| s.starts_with(p));
        if s.len() < 3 || s.len() > 60 || !s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') {
            inv.push(FieldError::new("slug", "slug-invalid"));
            None
        } else if owned || RESERVED.contains(&s.as_str()) {
            inv.push(FieldError::new("slug", "forum-slug-reserved"));
            None
        } else {
            Some(s)
        }
    };
    let description = inv.check(optional_text("description", &f.description, 2_000)).map(Option::unwrap_or_default);
    let position = match f.position.trim() {
        "" => Some(0),
        p => inv.check(
            p.parse::<i64>()
                .ok()
                .filter(|n| (0..=1000).contains(n))
                .ok_or(FieldError::new("position", "number-invalid")),
        ),
    };
    inv.into_result()?;
    match (name, slug, description, position) {
        (Some(name), Some(slug), Some(description), Some(position)) => Ok(SpaceInput {
            kind: stored.map_or(SpaceKind::General, |s| s.kind),
            ref_id: stored.and_then(|s| s.ref_id),
            slug,
            name,
            description,
            residents_start: f.residents_start == "on",
            premoderated: f.premoderated == "on",
            members_only: stored.is_some_and(|s| s.members_only),
            closed: f.closed == "on",
            position,
        }),
        _ => Err(FieldError::new("name", "required").into()),
    }
}

fn on(b: bool) -> String {
    if b { "on".into() } else { String::new() }
}

async fn new_space(State(_state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    ctx.require(Action::ManageReferenceData)?;
    let form = SpaceForm { residents_start: "on".into(), ..SpaceForm::default() };
    render(&SpaceTpl { ctx: &ctx, slug: None, general: true, form, errors: FormErrors::default(), notice: None })
}

async fn create_space(State(state): State<AppState>, ctx: Ctx, Form(form): Form<SpaceForm>) -> AppResult<Response> {
    ctx.require(Action::ManageReferenceData)?;
    let input = match parse_space(&form, None) {
        Ok(i) => i,
        Err(inv) => {
            let errors = FormErrors::from_invalid(&inv, ctx.lang);
            return render_form(
                &errors,
                &SpaceTpl { ctx: &ctx, slug: None, general: true, form, errors: errors.clone(), notice: None },
            );
        }
    };
    if db::space_by_slug(&state.db, &input.slug).await?.is_some() {
        let errors = FormErrors::from_invalid(&FieldError::new("slug", "body-slug-taken").into(), ctx.lang);
        return render_form(
            &errors,
            &SpaceTpl { ctx: &ctx, slug: None, general: true, form, errors: errors.clone(), notice: None },
        );
    }
    let entry = ctx.audit("forum.space", "forum_space", format!("{} ({})", input.name, input.slug));
    match db::save_space(&state.db, &input, &entry).await {
        Ok(_) => Ok(redirect(&format!("/admin/forum/przestrzenie/{}?ok=flash-saved", input.slug)).into_response()),
        Err(DbError::Conflict(_)) => Err(AppError::Conflict),
        Err(e) => Err(e.into()),
    }
}

/// The space at `slug` if this person may set it up.
async fn owned_space(state: &AppState, ctx: &Ctx, slug: &str) -> AppResult<Facts> {
    ctx.require_user()?;
    let f = space_facts(state, ctx, slug).await?.ok_or(AppError::NotFound)?;
    let allowed = if f.kind == SpaceKind::General { ctx.can(Action::ManageReferenceData) } else { f.is_staff(ctx) };
    if !allowed {
        return Err(AppError::Forbidden);
    }
    Ok(f)
}

async fn space_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Query(q): Query<OkQuery>,
) -> AppResult<Response> {
    let f = owned_space(&state, &ctx, &slug).await?;
    let form = SpaceForm {
        name: f.name.clone(),
        slug: f.slug.clone(),
        description: f.description.clone(),
        residents_start: on(f.residents_start),
        premoderated: on(f.premoderated),
        closed: on(f.closed),
        position: "0".into(),
    };
    let tpl = SpaceTpl {
        ctx: &ctx,
        slug: Some(f.slug.clone()),
        general: f.kind == SpaceKind::General,
        form,
        errors: FormErrors::default(),
        notice: q.notice(&ctx),
    };
    render(&tpl)
}

async fn save_space(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Form(form): Form<SpaceForm>,
) -> AppResult<Response> {
    let f = owned_space(&state, &ctx, &slug).await?;
    let input = match parse_space(&form, Some(&f)) {
        Ok(i) => i,
        Err(inv) => {
            let errors = FormErrors::from_invalid(&inv, ctx.lang);
            let tpl = SpaceTpl {
                ctx: &ctx,
                slug: Some(f.slug.clone()),
                general: f.kind == SpaceKind::General,
                form,
                errors: errors.clone(),
                notice: None,
            };
            return render_form(&errors, &tpl);
        }
    };
    let entry = ctx.audit("forum.space", "forum_space", format!("{} ({})", input.name, input.slug));
    db::save_space(&state.db, &input, &entry).await?;
    Ok(redirect(&format!("/admin/forum/przestrzenie/{}?ok=flash-saved", input.slug)).into_response())
}
