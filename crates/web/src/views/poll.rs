//! The quick poll's box, as the home, consultation and district pages show it: the question
//! to vote on, or the results once this visitor has voted.

use crate::ctx::Ctx;
use crate::error::AppResult;
use crate::state::AppState;
use agora_db::polls::{self as dbp, Poll};
use agora_domain::poll::PollStatus;
use agora_domain::poll::{Placement, VoteMode};
use axum::http::HeaderMap;

pub fn cookie_name(id: i64) -> String {
    format!("agora_sonda_{id}")
}

/// This browser's voter key for a poll, if it has voted there.
pub fn cookie_value(headers: &HeaderMap, name: &str) -> Option<String> {
    axum_extra::extract::cookie::CookieJar::from_headers(headers)
        .get(name)
        .map(|c| c.value().to_owned())
        .filter(|v| v.len() == 64 && v.chars().all(|c| c.is_ascii_hexdigit()))
}

/// One option's result.
pub struct PollBar {
    pub label: String,
    pub n: i64,
    /// "42%".
    pub percent: String,
    /// Bar width in per cent of the box.
    pub width: i64,
}

/// A poll as its box shows it.
pub struct PollView {
    pub id: i64,
    pub question: String,
    /// (code, label) options to vote on.
    pub options: Vec<(String, String)>,
    /// Results, once the visitor has voted.
    pub results: Option<Vec<PollBar>>,
    /// "123 votes".
    pub total: String,
    /// Must sign in to vote.
    pub sign_in: bool,
    /// Where to come back after voting.
    pub back: String,
    /// A message after voting (e.g. already voted).
    pub message: Option<String>,
}

/// The box for the newest open poll at a placement, if there is one.
pub async fn widget(
    state: &AppState,
    ctx: &Ctx,
    headers: &HeaderMap,
    placement: Placement,
    target: Option<i64>,
    back: &str,
) -> AppResult<Option<PollView>> {
    let Some(p) = dbp::current(&state.db, placement.as_str(), target).await? else { return Ok(None) };
    Ok(Some(view(state, ctx, headers, &p, back, None).await?))
}

pub async fn view(
    state: &AppState,
    ctx: &Ctx,
    headers: &HeaderMap,
    p: &Poll,
    back: &str,
    message: Option<String>,
) -> AppResult<PollView> {
    let l = ctx.lang.code();
    let mode = p.vote_mode;
    let voted = match mode {
        VoteMode::SignedIn => match &ctx.user {
            Some(u) => dbp::has_voted(&state.db, p.id, Some(u.id), None).await?,
            None => false,
        },
        VoteMode::Cookie => cookie_value(headers, &cookie_name(p.id)).is_some(),
    };
    let show_results = voted || p.status != PollStatus::Open;
    let (results, total) = if show_results {
        let counts = dbp::results(&state.db, p.id).await?;
        let total: i64 = counts.iter().map(|c| c.1).sum();
        let bars = p
            .options
            .iter()
            .map(|o| {
                let n = counts.iter().find(|c| c.0 == o.code).map_or(0, |c| c.1);
                let pct = if total > 0 { (n * 100 + total / 2) / total } else { 0 };
                PollBar { label: o.label.get(l).to_owned(), n, percent: format!("{pct}%"), width: pct }
            })
            .collect();
        (Some(bars), ctx.t1("poll-votes", "n", total))
    } else {
        (None, String::new())
    };
    Ok(PollView {
        id: p.id,
        question: p.question.get(l).to_owned(),
        options: p.options.iter().map(|o| (o.code.clone(), o.label.get(l).to_owned())).collect(),
        results,
        total,
        sign_in: mode == VoteMode::SignedIn && ctx.user.is_none(),
        back: back.to_owned(),
        // A voter is told the vote counted, not just shown bars.
        message: message.or_else(|| voted.then(|| ctx.t("poll-vote-recorded"))),
    })
}
