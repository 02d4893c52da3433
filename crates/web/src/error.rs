//! The web layer's one error type. A handler returns it; the response carries an
//! [`ErrorPage`] that `render::error_pages` turns into a page in the visitor's language.

use agora_db::DbError;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

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
    /// A body over the route's limit: the page says to shorten the text or the attachment.
    #[error("payload too large")]
    TooLarge,
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
            AppError::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::Conflict => StatusCode::CONFLICT,
            AppError::SignInRequired(next) => {
                let target = format!("/konto/logowanie?next={}", crate::urls::url_encode(next));
                return crate::urls::redirect(&target).into_response();
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

impl From<axum::extract::multipart::MultipartError> for AppError {
    /// A body cut off at the size limit is too large, not malformed.
    fn from(e: axum::extract::multipart::MultipartError) -> Self {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE { AppError::TooLarge } else { AppError::BadRequest }
    }
}

/// Maps a uniqueness conflict to a form error on `field`; other errors pass through.
pub fn conflict_on(e: DbError, field: &'static str, code: &'static str) -> Result<agora_domain::Invalid, AppError> {
    match e {
        DbError::Conflict(_) => Ok(agora_domain::FieldError::new(field, code).into()),
        other => Err(other.into()),
    }
}
