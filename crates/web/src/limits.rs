//! Rate limits as pages apply them: an attempt counted in the database under one of the
//! domain's rules, and when a rule refuses, the translated reason and a 429 with the time
//! to wait, on the same form with what the visitor typed.

use crate::client::ClientAddr;
use crate::ctx::Ctx;
use crate::error::AppResult;
use crate::i18n::Arg;
use crate::state::AppState;
use agora_db::limits::{self, Verdict};
use agora_domain::limits::{Limit, MESSAGES_PER_ADDRESS, MESSAGES_PER_CLIENT, REMARKS_PER_CLIENT};
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
    /// Whether it was the mailbox that had enough messages, rather than the client enough
    /// requests: the form points at the address field then.
    pub mailbox: bool,
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

/// The refusal for a mailbox that has had enough messages for now; `key` words it for the form.
fn mailbox_full(ctx: &Ctx, key: &str, to: &str, retry_after: Duration) -> Refusal {
    let args = [("email", Arg::Str(to.to_owned())), ("wait", Arg::Str(wait(ctx, retry_after)))];
    Refusal { message: ctx.lang.t_args(key, &args), retry_after, mailbox: true }
}

/// Counts a request that sends mail to `to` (if anything) on behalf of `client`: the
/// client's requests for messages, then the messages to that mailbox. Counted whether or
/// not a message then goes, so that a refusal says nothing about which addresses have
/// accounts.
pub async fn messages(
    state: &AppState,
    ctx: &Ctx,
    client: ClientAddr,
    to: Option<&str>,
) -> AppResult<Result<(), Refusal>> {
    client_then_mailbox(state, ctx, client, &MESSAGES_PER_CLIENT, "limit-mail-client", to, "limit-mail-address").await
}

/// Counts a remark submission from a visitor who is not signed in, with a copy to go to
/// `copy_to` if they gave an address.
pub async fn remarks(
    state: &AppState,
    ctx: &Ctx,
    client: ClientAddr,
    copy_to: Option<&str>,
) -> AppResult<Result<(), Refusal>> {
    client_then_mailbox(state, ctx, client, &REMARKS_PER_CLIENT, "limit-remarks-client", copy_to, "limit-remark-copy")
        .await
}

/// The client's own `rule` first (refusal worded by `client_key`), then the mailbox's limit,
/// which every sender shares (worded by `mailbox_key`).
async fn client_then_mailbox(
    state: &AppState,
    ctx: &Ctx,
    client: ClientAddr,
    rule: &Limit,
    client_key: &str,
    to: Option<&str>,
    mailbox_key: &str,
) -> AppResult<Result<(), Refusal>> {
    if let Some(retry_after) = check(state, rule, &client.limit_subject()).await? {
        let message = ctx.t1(client_key, "wait", wait(ctx, retry_after));
        return Ok(Err(Refusal { message, retry_after, mailbox: false }));
    }
    if let Some(to) = to
        && let Some(retry_after) = check(state, &MESSAGES_PER_ADDRESS, to).await?
    {
        return Ok(Err(mailbox_full(ctx, mailbox_key, to, retry_after)));
    }
    Ok(Ok(()))
}
