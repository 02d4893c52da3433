//! The newsletter: its public archive at `/newsletter` with the sign-up form, each sent issue,
//! and the Centre's editors' screens under `/admin/newsletter` (write, preview with the
//! recipient count, send a test to oneself, schedule, send now, call back, and set the pace of
//! mailings). What may be done in each state is decided in `agora_domain::newsletter`; the
//! archive shows what the visibility rule lets anyone see, which is sent issues only.

use super::common::{OkQuery, Opt, notice};
use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::forms::FormErrors;
use crate::i18n::Lang;
use crate::newsletter_mail::{AudienceNames, message, pace, subject, texts};
use crate::render::{render_form, render_public};
use crate::state::AppState;
use crate::time;
use crate::urls::redirect;
use agora_db::newsletter::{self as db, Newsletter, Outcome};
use agora_db::reference::{self, NamedKind};
use agora_domain::newsletter::{
    Audience, Choices, NewsletterForm, NewsletterInput, PAGE_SIZE, Pace, Recipients, Status, schedule_at,
};
use agora_domain::permission::Action;
use agora_domain::visibility::Item;
use askama::Template;
use axum::Router;
use axum::extract::{Form, Path, Query, State};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::Deserialize;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/newsletter", get(archive))
        .route("/newsletter/{id}", get(issue))
        .route("/admin/newsletter", get(admin_list))
        .route("/admin/newsletter/tempo", post(save_pace))
        .route("/admin/newsletter/nowy", get(new_form).post(create))
        .route("/admin/newsletter/{id}", get(preview))
        .route("/admin/newsletter/{id}/edycja", get(edit_form).post(update))
        .route(
            "/admin/newsletter/{id}/test",
            post(test_send).layer(axum::middleware::map_response(crate::cache::changes_nothing)),
        )
        .route("/admin/newsletter/{id}/zaplanuj", post(schedule))
        .route("/admin/newsletter/{id}/wyslij", post(send_now))
        .route("/admin/newsletter/{id}/anuluj", post(cancel))
}

/// The page number of `?strona=`, from 1.
fn page_of(raw: &str) -> i64 {
    raw.trim().parse::<i64>().unwrap_or(1).clamp(1, 10_000)
}

// ---- the public archive ----

#[derive(Deserialize, Default)]
#[serde(default)]
struct PageQuery {
    strona: String,
}

/// An issue in a list.
struct Row {
    href: String,
    subject: String,
    /// The date it went out, and the same as `datetime`.
    date: String,
    iso: String,
}

#[derive(Template)]
#[template(path = "newsletter/archive.html")]
struct ArchiveTpl<'a> {
    ctx: &'a Ctx,
    rows: Vec<Row>,
    total: i64,
    page: i64,
    pages: i64,
    pager_base: String,
}

async fn archive(State(state): State<AppState>, ctx: Ctx, Query(q): Query<PageQuery>) -> AppResult<Response> {
    let page = page_of(&q.strona);
    let found = db::archive(&state.db, PAGE_SIZE, (page - 1) * PAGE_SIZE).await?;
    let rows = found
        .items
        .iter()
        .filter(|n| ctx.may_see(Item::Newsletter { status: n.status }))
        .map(|n| {
            let sent = n.sent_at.unwrap_or(n.updated_at);
            Row {
                href: format!("/newsletter/{}", n.id),
                subject: subject(ctx.lang, &n.subject, n.subject_en.as_deref()),
                date: time::day(ctx.lang, time::local_date(sent)),
                iso: sent.to_rfc3339(),
            }
        })
        .collect();
    render_public(
        &ArchiveTpl {
            rows,
            total: found.total,
            page,
            pages: (found.total + PAGE_SIZE - 1) / PAGE_SIZE,
            pager_base: "/newsletter?".into(),
            ctx: &ctx,
        },
        None,
    )
}

#[derive(Template)]
#[template(path = "newsletter/issue.html")]
struct IssueTpl<'a> {
    ctx: &'a Ctx,
    subject: String,
    date: String,
    iso: String,
    body_html: String,
    /// `pl` when an English reader gets the Polish text, for their screen reader.
    text_lang: Option<&'static str>,
}

async fn issue(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> AppResult<Response> {
    let n = db::get(&state.db, id).await?.ok_or(AppError::NotFound)?;
    // A draft or scheduled issue's address tells nothing before it is sent.
    if !ctx.may_see(Item::Newsletter { status: n.status }) {
        return Err(AppError::NotFound);
    }
    let (subject, body, in_lang) = texts(ctx.lang, &n);
    let sent = n.sent_at.unwrap_or(n.updated_at);
    render_public(
        &IssueTpl {
            subject: subject.to_owned(),
            date: time::day(ctx.lang, time::local_date(sent)),
            iso: sent.to_rfc3339(),
            body_html: crate::markdown::to_html(body),
            text_lang: (!in_lang).then_some("pl"),
            ctx: &ctx,
        },
        None,
    )
}

// ---- the editors' list and the pace of mailings ----

/// An issue in the editors' list.
struct AdminRow {
    href: String,
    subject: String,
    audience: String,
    status: String,
    when: String,
    recipients: String,
}

#[derive(Template)]
#[template(path = "newsletter/admin_list.html")]
struct AdminListTpl<'a> {
    ctx: &'a Ctx,
    rows: Vec<AdminRow>,
    total: i64,
    page: i64,
    pages: i64,
    pager_base: String,
    per_minute: String,
    errors: FormErrors,
    notice: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct AdminQuery {
    strona: String,
    ok: String,
}

/// The locale key of a status's name.
fn status_key(s: Status) -> &'static str {
    match s {
        Status::Draft => "newsletter-status-draft",
        Status::Scheduled => "newsletter-status-scheduled",
        Status::Sending => "newsletter-status-sending",
        Status::Sent => "newsletter-status-sent",
    }
}

async fn list_page(
    state: &AppState,
    ctx: &Ctx,
    page: i64,
    per_minute: String,
    errors: FormErrors,
    notice: Option<String>,
) -> AppResult<Response> {
    let found = db::list(&state.db, PAGE_SIZE, (page - 1) * PAGE_SIZE).await?;
    let names = AudienceNames::load(state).await?;
    let lang = ctx.lang;
    let rows = found
        .items
        .iter()
        .map(|n| AdminRow {
            href: format!("/admin/newsletter/{}", n.id),
            subject: n.subject.clone(),
            audience: Recipients::from_parts(n.audience, n.audience_id)
                .map(|r| names.describe(lang, r))
                .unwrap_or_default(),
            status: ctx.t(status_key(n.status)),
            when: n.sent_at.or(n.scheduled_at).map(|t| time::day_time(lang, t)).unwrap_or_default(),
            recipients: n.recipients.map(|c| c.to_string()).unwrap_or_default(),
        })
        .collect();
    let tpl = AdminListTpl {
        rows,
        total: found.total,
        page,
        pages: (found.total + PAGE_SIZE - 1) / PAGE_SIZE,
        pager_base: "/admin/newsletter?".into(),
        per_minute,
        errors,
        notice,
        ctx,
    };
    render_form(&tpl.errors, &tpl)
}

async fn admin_list(State(state): State<AppState>, ctx: Ctx, Query(q): Query<AdminQuery>) -> AppResult<Response> {
    ctx.require(Action::EditCentreContent)?;
    let per_minute = pace(&state).await?.per_minute.to_string();
    list_page(&state, &ctx, page_of(&q.strona), per_minute, FormErrors::default(), notice(&ctx, &q.ok)).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct PaceForm {
    newsletter_per_minute: String,
}

async fn save_pace(State(state): State<AppState>, ctx: Ctx, Form(f): Form<PaceForm>) -> AppResult<Response> {
    ctx.require(Action::EditCentreContent)?;
    match Pace::parse(&f.newsletter_per_minute) {
        Ok(p) => {
            let json = serde_json::to_string(&p).map_err(|e| AppError::Internal(e.to_string()))?;
            let entry = ctx.audit("newsletter.pace", "settings", json.clone());
            agora_db::settings::put(&state.db, db::PACE_SETTING, &json, &entry).await?;
            Ok(redirect("/admin/newsletter?ok=flash-newsletter-pace").into_response())
        }
        Err(inv) => {
            let errors = FormErrors::from_invalid(&inv, ctx.lang);
            list_page(&state, &ctx, 1, f.newsletter_per_minute, errors, None).await
        }
    }
}

// ---- writing an issue ----

#[derive(Template)]
#[template(path = "newsletter/form.html")]
struct FormTpl<'a> {
    ctx: &'a Ctx,
    /// `None` for a new issue.
    id: Option<i64>,
    f: NewsletterForm,
    errors: FormErrors,
    audiences: Vec<Opt>,
    districts: Vec<Opt>,
    categories: Vec<Opt>,
    bodies: Vec<Opt>,
}

/// The label of each audience's choice.
fn audience_options(lang: Lang) -> Vec<Opt> {
    Audience::ALL
        .into_iter()
        .map(|a| {
            let key = match a {
                Audience::All => "newsletter-audience-all",
                Audience::District => "newsletter-audience-district",
                Audience::Category => "newsletter-audience-category",
                Audience::Body => "newsletter-audience-body",
            };
            Opt { value: a.as_str().to_owned(), label: lang.t(key) }
        })
        .collect()
}

/// The districts, topics and bodies an audience may name, as drop-downs.
async fn choice_lists(state: &AppState, lang: Lang) -> AppResult<(Vec<Opt>, Vec<Opt>, Vec<Opt>)> {
    let named = |list: Vec<reference::Named>| {
        list.into_iter()
            .map(|n| Opt { value: n.id.to_string(), label: crate::i18n::localized(lang, n.name_pl, n.name_en) })
            .collect::<Vec<_>>()
    };
    Ok((
        super::common::district_options(state).await?,
        named(reference::named(&state.db, NamedKind::Category).await?),
        named(reference::named(&state.db, NamedKind::Body).await?),
    ))
}

async fn form_page(
    state: &AppState,
    ctx: &Ctx,
    id: Option<i64>,
    f: NewsletterForm,
    errors: FormErrors,
) -> AppResult<Response> {
    let (districts, categories, bodies) = choice_lists(state, ctx.lang).await?;
    let tpl = FormTpl { ctx, id, f, errors, audiences: audience_options(ctx.lang), districts, categories, bodies };
    render_form(&tpl.errors, &tpl)
}

async fn new_form(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    ctx.require(Action::EditCentreContent)?;
    form_page(&state, &ctx, None, NewsletterForm::default(), FormErrors::default()).await
}

/// The issue `id` for the Centre's editors: 404 when there is none.
async fn stored(state: &AppState, ctx: &Ctx, id: i64) -> AppResult<Newsletter> {
    ctx.require(Action::EditCentreContent)?;
    db::get(&state.db, id).await?.ok_or(AppError::NotFound)
}

async fn edit_form(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> AppResult<Response> {
    let n = stored(&state, &ctx, id).await?;
    if !n.status.editable() {
        return Err(AppError::Conflict);
    }
    let f = n.input().map(|i| NewsletterForm::of(&i)).unwrap_or_default();
    form_page(&state, &ctx, Some(id), f, FormErrors::default()).await
}

/// Checks the form against the districts, topics and bodies there are.
async fn parse(state: &AppState, f: &NewsletterForm) -> AppResult<Result<NewsletterInput, agora_domain::Invalid>> {
    let ids = |list: Vec<reference::Named>| list.into_iter().map(|n| n.id).collect::<Vec<_>>();
    let districts: Vec<i64> = reference::districts(&state.db).await?.into_iter().map(|d| d.id).collect();
    let categories = ids(reference::named(&state.db, NamedKind::Category).await?);
    let bodies = ids(reference::named(&state.db, NamedKind::Body).await?);
    Ok(f.parse(Choices { districts: &districts, categories: &categories, bodies: &bodies }))
}

async fn create(State(state): State<AppState>, ctx: Ctx, Form(f): Form<NewsletterForm>) -> AppResult<Response> {
    let user = ctx.require(Action::EditCentreContent)?;
    let input = match parse(&state, &f).await? {
        Ok(input) => input,
        Err(inv) => return form_page(&state, &ctx, None, f, FormErrors::from_invalid(&inv, ctx.lang)).await,
    };
    let entry = ctx.audit("newsletter.create", "newsletter", input.subject.clone());
    let id = db::create(&state.db, &input, Some(user.id), &entry).await?;
    Ok(redirect(&format!("/admin/newsletter/{id}?ok=flash-newsletter-saved")).into_response())
}

async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(f): Form<NewsletterForm>,
) -> AppResult<Response> {
    let n = stored(&state, &ctx, id).await?;
    if !n.status.editable() {
        return Err(AppError::Conflict);
    }
    let input = match parse(&state, &f).await? {
        Ok(input) => input,
        Err(inv) => return form_page(&state, &ctx, Some(id), f, FormErrors::from_invalid(&inv, ctx.lang)).await,
    };
    let entry = ctx.audit("newsletter.update", "newsletter", input.subject.clone());
    let author = ctx.user.as_ref().map(|u| u.id);
    done(db::update(&state.db, id, &input, author, &entry).await?, id, "flash-newsletter-saved")
}

/// The redirect after a change that was made, or the error for one that was not.
fn done(outcome: Outcome, id: i64, flash: &str) -> AppResult<Response> {
    match outcome {
        Outcome::Done => Ok(redirect(&format!("/admin/newsletter/{id}?ok={flash}")).into_response()),
        Outcome::Missing => Err(AppError::NotFound),
        Outcome::Refused => Err(AppError::Conflict),
    }
}

// ---- the preview, and sending ----

#[derive(Template)]
#[template(path = "newsletter/preview.html")]
struct PreviewTpl<'a> {
    ctx: &'a Ctx,
    id: i64,
    subject: String,
    subject_en: Option<String>,
    body_html: String,
    body_en_html: Option<String>,
    status: String,
    audience: String,
    /// Who it reaches now, or reached; in words.
    recipients: String,
    /// Nobody would receive it now.
    nobody: bool,
    /// When it is due or went out, in words.
    when: Option<String>,
    editable: bool,
    may_send: bool,
    may_cancel: bool,
    sent: bool,
    /// The time typed into the schedule's field.
    scheduled_at: String,
    pace: i64,
    errors: FormErrors,
    notice: Option<String>,
}

/// What the preview shows besides the issue.
struct Screen {
    scheduled_at: Option<String>,
    errors: FormErrors,
    notice: Option<String>,
}

/// How many people issue `n` reaches: those it was sent to, or those it would reach now.
async fn reach(state: &AppState, n: &Newsletter) -> AppResult<i64> {
    Ok(match (n.status, n.audience()) {
        (Status::Sent, _) => n.recipients.unwrap_or(0),
        (Status::Sending, _) => db::delivered(&state.db, n.id).await?,
        (_, Some(r)) => db::count(&state.db, r, time::local_date(agora_db::now())).await?,
        (_, None) => 0,
    })
}

async fn preview_page(state: &AppState, ctx: &Ctx, n: Newsletter, s: Screen) -> AppResult<Response> {
    let lang = ctx.lang;
    let names = AudienceNames::load(state).await?;
    let count = reach(state, &n).await?;
    let recipients_key = match n.status {
        Status::Sent => "newsletter-recipients-sent",
        Status::Sending => "newsletter-recipients-queued",
        Status::Draft | Status::Scheduled => "newsletter-recipients-now",
    };
    let when = match n.status {
        Status::Sent | Status::Sending => n.sent_at.or(n.started_at),
        Status::Scheduled => n.scheduled_at,
        Status::Draft => None,
    };
    let tpl = PreviewTpl {
        id: n.id,
        subject_en: n.subject_en.clone(),
        body_html: crate::markdown::to_html(&n.body),
        body_en_html: n.body_en.as_deref().map(crate::markdown::to_html),
        status: ctx.t(status_key(n.status)),
        audience: n.audience().map(|r| names.describe(lang, r)).unwrap_or_default(),
        recipients: ctx.t1(recipients_key, "count", count),
        nobody: count == 0 && n.status.may_send(),
        when: when.map(|t| time::day_time(lang, t)),
        editable: n.status.editable(),
        may_send: n.status.may_send(),
        may_cancel: n.status.may_cancel(),
        sent: n.status == Status::Sent,
        scheduled_at: s.scheduled_at.unwrap_or_else(|| n.scheduled_at.map(time::input_value).unwrap_or_default()),
        pace: i64::from(pace(state).await?.per_minute),
        subject: n.subject,
        errors: s.errors,
        notice: s.notice,
        ctx,
    };
    render_form(&tpl.errors, &tpl)
}

async fn preview(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<OkQuery>,
) -> AppResult<Response> {
    let n = stored(&state, &ctx, id).await?;
    let s = Screen { scheduled_at: None, errors: FormErrors::default(), notice: q.notice(&ctx) };
    preview_page(&state, &ctx, n, s).await
}

/// Sends the issue as a subscriber in the editor's language would get it, to the editor's own
/// address only; changes nothing about the issue.
async fn test_send(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> AppResult<Response> {
    let n = stored(&state, &ctx, id).await?;
    let user = ctx.require_user()?;
    let mail = message(&state.config.base_url, ctx.lang, &n, &user.email, None);
    crate::jobs::queue_mail(&state, mail).await?;
    let entry = ctx.audit("newsletter.test", "newsletter", user.email.clone());
    agora_db::audit::record(&state.db, &entry, Some(id)).await?;
    Ok(redirect(&format!("/admin/newsletter/{id}?ok=flash-newsletter-test-sent")).into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ScheduleForm {
    newsletter_scheduled_at: String,
}

async fn schedule(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(f): Form<ScheduleForm>,
) -> AppResult<Response> {
    let n = stored(&state, &ctx, id).await?;
    if !n.status.may_send() {
        return Err(AppError::Conflict);
    }
    let raw = f.newsletter_scheduled_at;
    let at = match schedule_at(&raw, time::parse_local(&raw), agora_db::now()) {
        Ok(at) => at,
        Err(inv) => {
            let errors = FormErrors::from_invalid(&inv, ctx.lang);
            return preview_page(&state, &ctx, n, Screen { scheduled_at: Some(raw), errors, notice: None }).await;
        }
    };
    let entry = ctx.audit("newsletter.schedule", "newsletter", format!("{}: {}", n.subject, time::local_time(at)));
    let author = ctx.user.as_ref().map(|u| u.id);
    done(db::schedule(&state.db, id, at, author, &entry).await?, id, "flash-newsletter-scheduled")
}

async fn send_now(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> AppResult<Response> {
    let n = stored(&state, &ctx, id).await?;
    if !n.status.may_send() {
        return Err(AppError::Conflict);
    }
    if reach(&state, &n).await? == 0 {
        let errors = FormErrors::general("newsletter_send", ctx.t("newsletter-nobody"), ctx.lang);
        return preview_page(&state, &ctx, n, Screen { scheduled_at: None, errors, notice: None }).await;
    }
    let entry = ctx.audit("newsletter.send", "newsletter", n.subject.clone());
    let author = ctx.user.as_ref().map(|u| u.id);
    let outcome = db::schedule(&state.db, id, agora_db::now(), author, &entry).await?;
    state.bulk_waiting.notify_one();
    done(outcome, id, "flash-newsletter-sending")
}

async fn cancel(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> AppResult<Response> {
    let n = stored(&state, &ctx, id).await?;
    let entry = ctx.audit("newsletter.cancel", "newsletter", n.subject.clone());
    let author = ctx.user.as_ref().map(|u| u.id);
    done(db::cancel(&state.db, id, author, &entry).await?, id, "flash-newsletter-cancelled")
}
