//! Turning templates into responses: pages, kept public pages, forms with errors, streamed
//! downloads, and the error page every failed request ends on.

use crate::ctx::Ctx;
use crate::error::{AppResult, ErrorPage};
use crate::forms::FormErrors;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};

/// Changes whenever the stylesheet or script changes, so browsers may cache them for long;
/// every page links them with it.
pub const ASSET_VERSION: &str = env!("CARGO_PKG_VERSION");

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

/// Renders a form page: 422 when it carries errors, so that a refused form is never taken for
/// an accepted one, else 200.
pub fn render_form(errors: &FormErrors, t: &impl Template) -> AppResult<Response> {
    let status = if errors.any() { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
    render_status(status, t)
}

/// A page with a title, a message and an optional link onward.
#[derive(Template)]
#[template(path = "account/message.html")]
pub struct MessageTpl<'a> {
    pub ctx: &'a Ctx,
    pub title: String,
    pub message: String,
    pub link: Option<(String, String)>,
    /// A plain link under the main one, e.g. back to where the visitor came from.
    pub back: Option<(String, String)>,
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

/// Renders the HTML page for any error response that carries an [`ErrorPage`], and for
/// the framework's own bare 4xx/5xx responses (bad form encodings, unknown methods).
pub async fn error_pages(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let wants_json = req
        .headers()
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    // Only what an error page's language and header need, kept from every request.
    let mut headers = axum::http::HeaderMap::new();
    for name in [header::COOKIE, header::ACCEPT_LANGUAGE] {
        for v in req.headers().get_all(&name) {
            headers.append(name.clone(), v.clone());
        }
    }
    let resp = next.run(req).await;
    let status = resp.status();
    let page = match resp.extensions().get::<ErrorPage>() {
        Some(p) => *p,
        None if (status.is_client_error() || status.is_server_error())
            && resp.headers().get(header::CONTENT_TYPE).is_none_or(|ct| !ct.as_bytes().starts_with(b"text/html")) =>
        {
            ErrorPage { status, csrf: false }
        }
        None => return resp,
    };
    if wants_json {
        return (status, axum::Json(serde_json::json!({ "error": status.as_u16() }))).into_response();
    }
    let ctx = Ctx::from_headers(&state, &headers).await;
    let mut out = render_error_page(&ctx, page);
    // Keep cookies the inner layers set (a fresh CSRF cookie, for one).
    for v in resp.headers().get_all(header::SET_COOKIE) {
        out.headers_mut().append(header::SET_COOKIE, v.clone());
    }
    out
}
