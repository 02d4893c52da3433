//! The home page, the language switch, the stylesheet and script, and the health checks.

use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::i18n::Lang;
use crate::render::render_public;
use crate::state::AppState;
use crate::urls::{redirect, safe_next};
use crate::views::consultation::{Card, card};
use crate::views::poll::{PollView, widget};
use crate::visitor::LANG_COOKIE;
use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(home))
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .route("/jezyk/{lang}", get(switch_language))
        .route("/static/{file}", get(asset))
}

const APP_CSS: &str = include_str!("../../assets/app.css");
const PRINT_CSS: &str = include_str!("../../assets/print.css");
const APP_JS: &str = include_str!("../../assets/app.js");

#[derive(Template)]
#[template(path = "home.html")]
struct HomeTpl<'a> {
    ctx: &'a Ctx,
    districts: Vec<agora_db::reference::District>,
    open: Vec<Card>,
    open_total: i64,
    planned: Vec<Card>,
    poll: Option<PollView>,
    /// The newest news.
    news: Vec<crate::views::news::NewsCard>,
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
    let poll = widget(&state, &ctx, &headers, agora_domain::poll::Placement::Home, None, "/").await?;
    let (news, _) = crate::views::news::latest(&state, ctx.lang, &Default::default(), 3, now).await?;
    render_public(
        &HomeTpl {
            ctx: &ctx,
            poll,
            news,
            districts,
            open_total: open.total,
            open: open.items.into_iter().map(|r| card(&ctx, r, now)).collect(),
            planned: planned.items.into_iter().map(|r| card(&ctx, r, now)).collect(),
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

async fn switch_language(
    State(state): State<AppState>,
    Path(code): Path<String>,
    Query(q): Query<super::common::NextQuery>,
) -> AppResult<Response> {
    // Only the browser's choice changes: a GET (a prefetch, a crawled link) must not write to
    // the account. The account's language, used for its mail, is set on the settings page.
    let lang = Lang::parse(&code).ok_or(AppError::NotFound)?;
    let mut resp = redirect(&safe_next(q.next.as_deref())).into_response();
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
