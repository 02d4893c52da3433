//! Routes and the handlers of the public pages; accounts and administration have
//! modules of their own.

mod access;
mod account;
mod admin;
mod answering;
mod consultations;
mod districts;
mod organiser;
mod polls;
mod remarks;
mod report;
mod survey_builder;
mod surveys;

use crate::AppState;
use crate::ctx::{Ctx, LANG_COOKIE};
use crate::error::{AppError, AppResult, ErrorPage};
use crate::i18n::Lang;
use agora_domain::permission::Action;
use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;
use serde::Deserialize;

/// Changes whenever the stylesheet or script changes, so browsers may cache them for long.
pub const ASSET_VERSION: &str = env!("CARGO_PKG_VERSION");

const APP_CSS: &str = include_str!("../../assets/app.css");
const PRINT_CSS: &str = include_str!("../../assets/print.css");
const APP_JS: &str = include_str!("../../assets/app.js");

/// The slug of the accessibility statement page.
pub const ACCESSIBILITY_SLUG: &str = "deklaracja-dostepnosci";

/// Every route of the application.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(home))
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .route("/jezyk/{lang}", get(switch_language))
        .route("/deklaracja-dostepnosci", get(accessibility_statement))
        .route("/static/{file}", get(asset))
        .merge(access::routes())
        .merge(account::routes())
        .merge(consultations::routes())
        .merge(organiser::routes())
        .merge(remarks::routes())
        .merge(answering::routes())
        .merge(report::routes())
        .merge(surveys::routes())
        .merge(survey_builder::routes())
        .merge(polls::routes())
        .merge(districts::routes())
        .merge(admin::routes())
        .fallback(|| async { AppError::NotFound })
}

/// A CSV download whose rows arrive through `rx` as they are produced.
pub fn csv_download(rx: tokio::sync::mpsc::Receiver<Vec<u8>>, filename: &str) -> Response {
    let stream = futures_util::stream::unfold(rx, |mut rx| async move {
        rx.recv().await.map(|chunk| (Ok::<_, std::convert::Infallible>(chunk), rx))
    });
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{filename}\"")),
        ],
        axum::body::Body::from_stream(stream),
    )
        .into_response()
}

/// Renders a template into an HTML response.
pub fn render(t: &impl Template) -> AppResult<Response> {
    Ok(Html(t.render()?).into_response())
}

/// Renders a public page that may be kept in memory for visitors who are not signed in;
/// `scope` names what, besides rare changes, makes it stale.
pub fn render_public(t: &impl Template, scope: Option<crate::cache::Scope>) -> AppResult<Response> {
    Ok(crate::cache::cacheable(render(t)?, scope))
}

/// Renders a template with a status other than 200 (a form with errors gets 422).
pub fn render_status(status: StatusCode, t: &impl Template) -> AppResult<Response> {
    Ok((status, Html(t.render()?)).into_response())
}

/// Percent-encodes a value for a query string.
pub fn url_encode(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

/// A local path to return to, or `/` when `next` would leave the site.
pub fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(n) if n.starts_with('/') && !n.starts_with("//") && !n.contains('\\') => n.to_owned(),
        _ => "/".to_owned(),
    }
}

/// Formats a time in Warsaw's zone for people.
pub fn local_time(t: chrono::DateTime<chrono::Utc>) -> String {
    t.with_timezone(&chrono_tz::Europe::Warsaw).format("%d.%m.%Y %H:%M").to_string()
}

/// The confirmation shown after a redirect (`?ok=flash-…`); unknown keys show nothing.
pub fn notice(ctx: &Ctx, key: &str) -> Option<String> {
    (key.starts_with("flash-") && ctx.lang.has(key)).then(|| ctx.t(key))
}

/// A page with a title, a message and an optional link onward.
#[derive(Template)]
#[template(path = "account/message.html")]
pub(super) struct MessageTpl<'a> {
    pub(super) ctx: &'a Ctx,
    pub(super) title: String,
    pub(super) message: String,
    pub(super) link: Option<(String, String)>,
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorTpl<'a> {
    ctx: &'a Ctx,
    title: String,
    message: String,
}

/// The HTML error page for `page`, in the visitor's language.
pub fn render_error_page(ctx: &Ctx, page: ErrorPage) -> Response {
    let status = page.status;
    let (title_key, message_key) = if page.csrf {
        ("error-csrf-title", "error-csrf-message")
    } else {
        match status.as_u16() {
            400 => ("error-400-title", "error-400-message"),
            403 => ("error-403-title", "error-403-message"),
            404 => ("error-404-title", "error-404-message"),
            405 => ("error-405-title", "error-405-message"),
            409 => ("error-409-title", "error-409-message"),
            413 => ("error-413-title", "error-413-message"),
            415 | 422 => ("error-400-title", "error-400-message"),
            429 => ("error-429-title", "error-429-message"),
            s if s < 500 => ("error-400-title", "error-400-message"),
            _ => ("error-500-title", "error-500-message"),
        }
    };
    let tpl = ErrorTpl { ctx, title: ctx.t(title_key), message: ctx.t(message_key) };
    match tpl.render() {
        Ok(html) => (status, Html(html)).into_response(),
        Err(_) => (status, ctx.t(message_key)).into_response(),
    }
}

#[derive(Template)]
#[template(path = "home.html")]
struct HomeTpl<'a> {
    ctx: &'a Ctx,
    districts: Vec<agora_db::reference::District>,
    open: Vec<consultations::Card>,
    open_total: i64,
    planned: Vec<consultations::Card>,
    poll: Option<polls::PollView>,
}

async fn home(State(state): State<AppState>, ctx: Ctx, headers: axum::http::HeaderMap) -> AppResult<Response> {
    use agora_db::consultation::{CatalogueFilter, Sort, Tab, catalogue};
    let now = chrono::Utc::now();
    let filter = |tab| CatalogueFilter {
        tab,
        district: None,
        category: None,
        unit: None,
        opens_between: None,
        words: vec![],
        sort: Sort::Closing,
    };
    let open = catalogue(&state.db, &filter(Tab::Open), 6, 0).await?;
    let planned = catalogue(&state.db, &filter(Tab::Planned), 3, 0).await?;
    let districts = agora_db::reference::districts(&state.db).await?;
    let poll = polls::widget(&state, &ctx, &headers, agora_domain::poll::Placement::Home, None, "/").await?;
    render_public(
        &HomeTpl {
            ctx: &ctx,
            poll,
            districts,
            open_total: open.total,
            open: open.items.into_iter().map(|r| consultations::card(&ctx, r, now)).collect(),
            planned: planned.items.into_iter().map(|r| consultations::card(&ctx, r, now)).collect(),
        },
        None,
    )
}

async fn healthz() -> &'static str {
    "ok"
}

async fn readyz(State(state): State<AppState>) -> Response {
    if state.db.ping().await {
        (StatusCode::OK, format!("ok {}", state.db.backend())).into_response()
    } else {
        let mut r = (StatusCode::SERVICE_UNAVAILABLE, "database unreachable").into_response();
        r.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("text/plain; charset=utf-8"));
        r
    }
}

#[derive(Deserialize)]
struct NextQuery {
    next: Option<String>,
}

async fn switch_language(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(code): Path<String>,
    Query(q): Query<NextQuery>,
) -> AppResult<Response> {
    let lang = Lang::parse(&code).ok_or(AppError::NotFound)?;
    if let Some(u) = &ctx.user {
        agora_db::users::set_profile(&state.db, u.id, &u.display_name, lang.code()).await?;
    }
    let mut resp = Redirect::to(&safe_next(q.next.as_deref())).into_response();
    let cookie = format!(
        "{LANG_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax{}",
        lang.code(),
        if state.config.secure_cookies { "; Secure" } else { "" }
    );
    resp.headers_mut()
        .append(header::SET_COOKIE, HeaderValue::from_str(&cookie).map_err(|e| AppError::Internal(e.to_string()))?);
    Ok(resp)
}

async fn asset(Path(file): Path<String>) -> AppResult<Response> {
    let (body, ct) = match file.as_str() {
        "app.css" => (APP_CSS, "text/css; charset=utf-8"),
        "print.css" => (PRINT_CSS, "text/css; charset=utf-8"),
        "app.js" => (APP_JS, "text/javascript; charset=utf-8"),
        _ => return Err(AppError::NotFound),
    };
    Ok(([(header::CONTENT_TYPE, ct), (header::CACHE_CONTROL, "public, max-age=86400")], body).into_response())
}

/// Writes the pages every site needs where missing: the accessibility statement, and the
/// information about the site in easy-to-read text and in Polish Sign Language that Polish
/// law requires of public bodies' sites.
pub async fn ensure_default_pages(db: &agora_db::Db) -> agora_db::DbResult<()> {
    let pages = [
        (ACCESSIBILITY_SLUG, "a11y-default-title", "a11y-default-body"),
        (access::EASY_READ_SLUG, "etr-default-title", "etr-default-body"),
        (access::SIGN_LANGUAGE_SLUG, "pjm-default-title", "pjm-default-body"),
    ];
    for lang in Lang::ALL {
        for (slug, title, body) in pages {
            agora_db::pages::put_if_missing(db, slug, lang.code(), &lang.t(title), &lang.t(body)).await?;
        }
    }
    Ok(())
}

#[derive(Template)]
#[template(path = "page.html")]
struct PageTpl<'a> {
    ctx: &'a Ctx,
    slug: &'a str,
    title: String,
    body_html: String,
    updated: String,
    updated_iso: String,
    can_edit: bool,
    /// The statement offers the request form.
    is_statement: bool,
    /// The sign-language page: `Some` with the video's address, if set.
    sign_language: Option<Option<String>>,
}

async fn accessibility_statement(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    content_page(&state, &ctx, ACCESSIBILITY_SLUG).await
}

/// An editable page in the visitor's language, or in Polish when not translated.
async fn content_page(state: &AppState, ctx: &Ctx, slug: &str) -> AppResult<Response> {
    let page = match agora_db::pages::get(&state.db, slug, ctx.lang.code()).await? {
        Some(p) => p,
        None => agora_db::pages::get(&state.db, slug, "pl").await?.ok_or(AppError::NotFound)?,
    };
    let sign_language =
        if slug == access::SIGN_LANGUAGE_SLUG { Some(access::sign_language_video(state).await?) } else { None };
    render(&PageTpl {
        ctx,
        slug,
        title: page.title,
        body_html: crate::markdown::to_html(&page.body),
        updated: local_time(page.updated_at),
        updated_iso: page.updated_at.to_rfc3339(),
        can_edit: ctx.can(Action::ManageReferenceData),
        is_statement: slug == ACCESSIBILITY_SLUG,
        sign_language,
    })
}
