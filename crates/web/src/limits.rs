//! Rate limits as pages apply them: an attempt counted in the database under one of the
//! domain's rules, and when a rule refuses, the translated reason and a 429 with the time
//! to wait, on the same form with what the visitor typed.

use crate::ctx::Ctx;
use crate::error::AppResult;
use crate::state::AppState;
use agora_db::limits::{self, Verdict};
use agora_domain::limits::Limit;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;
use chrono::Duration;

/// A limit reached: what to tell the visitor, and when they may try again.
#[derive(Debug, Clone)]
pub struct Refusal {
    /// The translated reason, naming the time to wait.
    pub message: String,
    /// How long until the limit lifts.
    pub retry_after: Duration,
}

impl Refusal {
    /// `page`, the form shown again with [`Refusal::message`], answered as 429 Too Many
    /// Requests with `Retry-After`.
    pub fn answer(&self, page: AppResult<Response>) -> AppResult<Response> {
        Ok(too_many(page?, self.retry_after))
    }
}

/// `r` answered as 429 Too Many Requests, saying in `Retry-After` when to come back.
pub fn too_many(mut r: Response, retry_after: Duration) -> Response {
    *r.status_mut() = StatusCode::TOO_MANY_REQUESTS;
    r.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(retry_after.num_seconds().max(1)));
    r
}

/// `d` in whole minutes, rounded up, in the page's language ("15 minut").
pub fn wait(ctx: &Ctx, d: Duration) -> String {
    ctx.t1("minutes", "count", ((d.num_seconds() + 59) / 60).max(1))
}

/// Counts one attempt under `rule` for `subject`; how long to wait if the rule refuses it.
pub async fn check(state: &AppState, rule: &Limit, subject: &str) -> AppResult<Option<Duration>> {
    Ok(match limits::hit(&state.db, rule, subject).await? {
        Verdict::Allowed { .. } => None,
        Verdict::Refused { retry_after } => Some(retry_after),
    })
}
