//! The web layer's one error type, and the middleware that turns it into an HTML page
//! in the visitor's language.

use crate::AppState;
use crate::ctx::Ctx;
use crate::pages::render_error_page;
use agora_db::DbError;
use axum::extract::{Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};

/// Everything a handler can fail with.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// No such page or record.
    #[error("not found")]
    NotFound,
    /// Signed in, but not allowed.
    #[error("forbidden")]
    Forbidden,
    /// The page needs a signed-in user; carries where to come back to.
    #[error("sign-in required")]
    SignInRequired(String),
    /// The form's CSRF token was missing or wrong, or the request came from another site.
    #[error("csrf check failed")]
    Csrf,
    /// The record changed meanwhile (another tab, another person, the scheduler).
    #[error("conflict")]
    Conflict,
    /// A request no form of ours produces (e.g. a malformed body).
    #[error("bad request")]
    BadRequest,
    /// Storage failed.
    #[error(transparent)]
    Db(#[from] DbError),
    /// A template failed to render.
    #[error(transparent)]
    Template(#[from] askama::Error),
    /// Anything else unexpected.
    #[error("{0}")]
    Internal(String),
}

/// Which error page to show; attached to a bare error response for the middleware.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ErrorPage {
    /// The response status.
    pub status: StatusCode,
    /// Whether the page should explain an expired or foreign form.
    pub csrf: bool,
}

/// Result of a handler.
pub type AppResult<T> = Result<T, AppError>;

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let status = match &self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Forbidden | AppError::Csrf => StatusCode::FORBIDDEN,
            AppError::BadRequest => StatusCode::BAD_REQUEST,
            AppError::Conflict => StatusCode::CONFLICT,
            AppError::SignInRequired(next) => {
                let target = format!("/konto/logowanie?next={}", crate::pages::url_encode(next));
                return Redirect::to(&target).into_response();
            }
            AppError::Db(_) | AppError::Template(_) | AppError::Internal(_) => {
                tracing::error!(error = %self, "request failed");
                StatusCode::INTERNAL_SERVER_ERROR
            }
        };
        let page = ErrorPage { status, csrf: matches!(self, AppError::Csrf) };
        let mut resp = status.into_response();
        resp.extensions_mut().insert(page);
        resp
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

/// Maps a uniqueness conflict to a form error on `field`; other errors pass through.
pub fn conflict_on(e: DbError, field: &'static str, code: &'static str) -> Result<agora_domain::Invalid, AppError> {
    match e {
        DbError::Conflict(_) => Ok(agora_domain::FieldError::new(field, code).into()),
        other => Err(other.into()),
    }
}
