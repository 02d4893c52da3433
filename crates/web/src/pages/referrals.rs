//! Consultations referred to dialogue bodies: a body's queue of what it is asked to give an
//! opinion on, for its secretary, and the organiser's view of which bodies were asked and what
//! they answered. Both read the referrals made when the consultation was announced.

use super::common::consultation_to_manage;
use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::i18n::localized;
use crate::render::render;
use crate::state::AppState;
use crate::time;
use agora_db::consultation::Consultation;
use agora_db::{bodies, referrals};
use agora_domain::body::{Referral, referral};
use agora_domain::consultation::Status;
use agora_domain::permission::Action;
use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::routing::get;
use chrono::Utc;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin/ciala-dialogu/{id}/do-zaopiniowania", get(queue_page))
        .route("/admin/konsultacje/{id}/ciala-dialogu", get(asked_page))
}

/// Where a referral stands for the body, in words: whether it may still give its opinion,
/// and until when where its kind has a window, or that its silence waived it.
fn standing_text(ctx: &Ctx, r: Referral) -> String {
    match r {
        Referral::Open { until: Some(d) } => ctx.t1("referrals-until", "date", time::day(ctx.lang, d)),
        Referral::Waived { on } => ctx.t1("referrals-waived", "date", time::day(ctx.lang, on)),
        Referral::Open { until: None } | Referral::Given => String::new(),
    }
}

/// The consultations body `body` may still give an opinion on: referred to it, still able to
/// take a remark, and within the window its kind has for an opinion.
pub(super) async fn open_to_opinion(state: &AppState, body: i64) -> AppResult<Vec<(i64, String)>> {
    let kind = bodies::by_id(&state.db, body).await?.ok_or(AppError::NotFound)?.kind;
    let today = time::local_date(Utc::now());
    Ok(referrals::open_to_opinion(&state.db, body)
        .await?
        .into_iter()
        .filter(|(_, _, at)| matches!(referral(kind, time::local_date(*at), false, today), Referral::Open { .. }))
        .map(|(id, title, _)| (id, title))
        .collect())
}

/// A consultation in a body's queue as the secretary sees it.
struct QueueLine {
    id: i64,
    slug: String,
    title: String,
    status: String,
    /// Whether the body can still give its opinion (it then joins the consultation's remarks).
    open_to_opinion: bool,
    /// Until when it may, or that it waived it.
    standing: String,
    closes: String,
    referred: String,
    opinion: Option<(i64, String)>,
}

#[derive(Template)]
#[template(path = "referrals/queue.html")]
struct QueueTpl<'a> {
    ctx: &'a Ctx,
    id: i64,
    slug: String,
    title: String,
    lines: Vec<QueueLine>,
}

async fn queue_page(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> AppResult<Response> {
    ctx.require(Action::ManageBody(id))?;
    let lang = ctx.lang;
    let body = bodies::by_id(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let today = time::local_date(Utc::now());
    let lines = referrals::queue(&state.db, id)
        .await?
        .into_iter()
        .map(|r| {
            let standing = referral(body.kind, time::local_date(r.referred_at), r.opinion_id.is_some(), today);
            (r, standing)
        })
        .map(|(r, standing)| QueueLine {
            id: r.consultation_id,
            status: lang.t(&format!("status-{}", r.status)),
            open_to_opinion: matches!(r.status, Status::Announced | Status::Open | Status::Closed)
                && matches!(standing, Referral::Open { .. }),
            standing: standing_text(&ctx, standing),
            closes: time::day(lang, time::local_date(r.closes_at)),
            referred: time::day(lang, time::local_date(r.referred_at)),
            opinion: r.opinion_id.zip(r.opinion_state).map(|(o, s)| (o, lang.t(&format!("tracked-state-{s}")))),
            slug: r.slug,
            title: r.title,
        })
        .collect();
    render(&QueueTpl { ctx: &ctx, id, slug: body.slug, title: localized(lang, body.name_pl, body.name_en), lines })
}

/// A body a consultation was referred to, as its organiser sees it.
struct AskedLine {
    slug: String,
    name: String,
    referred: String,
    /// Until when it may give its opinion, or that it waived it.
    standing: String,
    /// The opinion's id, title, state and the remark it became, when the body gave one.
    opinion: Option<(i64, String, String, String)>,
}

#[derive(Template)]
#[template(path = "referrals/asked.html")]
struct AskedTpl<'a> {
    ctx: &'a Ctx,
    c: Consultation,
    section: &'static str,
    lines: Vec<AskedLine>,
}

async fn asked_page(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> AppResult<Response> {
    let c = consultation_to_manage(&state, &ctx, id).await?;
    let lang = ctx.lang;
    let today = time::local_date(Utc::now());
    let lines = referrals::asked(&state.db, id)
        .await?
        .into_iter()
        .map(|a| AskedLine {
            standing: standing_text(
                &ctx,
                referral(a.kind, time::local_date(a.referred_at), a.opinion_id.is_some(), today),
            ),
            referred: time::day(lang, time::local_date(a.referred_at)),
            opinion: match (a.opinion_id, a.opinion_title, a.opinion_state) {
                (Some(o), Some(title), Some(s)) => {
                    Some((o, title, lang.t(&format!("tracked-state-{s}")), a.remark_receipt.unwrap_or_default()))
                }
                _ => None,
            },
            name: localized(lang, a.name_pl, a.name_en),
            slug: a.slug,
        })
        .collect();
    render(&AskedTpl { ctx: &ctx, c, section: "bodies", lines })
}
