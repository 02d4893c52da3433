//! Quick polls: the box on the home, consultation and district pages, voting once per
//! person, results after voting, and the organisers' page to run them.

use super::common::options;
use super::common::{OkQuery, Opt, StatusForm, require_organiser};
use crate::client::ClientAddr;
use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::forms::{FormErrors, Pairs};
use crate::render::{render_form, render_status};
use crate::state::AppState;
use crate::urls::{redirect, safe_next};
use crate::views::poll::{PollView, cookie_name, cookie_value, view};
use agora_db::polls::{self as dbp};
use agora_domain::limits::POLL_VOTES_PER_CLIENT;
use agora_domain::permission::{Action, Grant};
use agora_domain::poll::PollStatus;
use agora_domain::poll::{Placement, PollForm, VoteMode};
use askama::Template;
use axum::Router;
use axum::extract::{Form, Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        // An open poll's results are shown only to those who voted, whose pages are never kept.
        .route("/sondy/{id}", post(vote).layer(axum::middleware::map_response(crate::cache::changes_nothing)))
        .route("/admin/sondy", get(admin).post(create))
        .route("/admin/sondy/{id}/status", post(set_status))
}

#[derive(Template)]
#[template(path = "polls/voted.html")]
struct VotedTpl<'a> {
    ctx: &'a Ctx,
    poll: PollView,
}

async fn vote(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    client: ClientAddr,
    Path(id): Path<i64>,
    Form(f): Form<Pairs>,
) -> AppResult<Response> {
    let p = dbp::by_id(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let back = safe_next(Some(f.get("back")));
    let option = f.get("option").to_owned();
    let page = |poll: PollView, code: StatusCode| render_status(code, &VotedTpl { ctx: &ctx, poll });
    if p.status != PollStatus::Open {
        let v = view(&state, &ctx, &headers, &p, &back, Some(ctx.t("poll-closed"))).await?;
        return page(v, StatusCode::FORBIDDEN);
    }
    if !p.options.iter().any(|o| o.code == option) {
        let v = view(&state, &ctx, &headers, &p, &back, Some(ctx.t("poll-pick-one"))).await?;
        return page(v, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let mut set_cookie = None;
    let stored = match p.vote_mode {
        VoteMode::SignedIn => {
            let Some(u) = &ctx.user else { return Err(AppError::SignInRequired(back)) };
            dbp::vote(&state.db, id, &option, Some(u.id), None).await?
        }
        VoteMode::Cookie => {
            if cookie_value(&headers, &cookie_name(id)).is_some() {
                false
            } else {
                let subject = format!("{id} {}", client.limit_subject());
                if let Some(retry_after) = crate::limits::check(&state, &POLL_VOTES_PER_CLIENT, &subject).await? {
                    let v = view(&state, &ctx, &headers, &p, &back, Some(ctx.t("poll-rate-limited"))).await?;
                    return Ok(crate::limits::too_many(page(v, StatusCode::TOO_MANY_REQUESTS)?, retry_after));
                }
                let voter = agora_db::new_token().0;
                let ok = dbp::vote(&state.db, id, &option, ctx.user.as_ref().map(|u| u.id), Some(&voter)).await?;
                set_cookie = Some(format!(
                    "{}={voter}; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax{}",
                    cookie_name(id),
                    if state.config.secure_cookies { "; Secure" } else { "" }
                ));
                ok
            }
        }
    };
    if stored && set_cookie.is_none() {
        return Ok(redirect(&format!("{back}#sonda-{id}")).into_response());
    }
    let mut r = if stored {
        redirect(&format!("{back}#sonda-{id}")).into_response()
    } else {
        let v = view(&state, &ctx, &headers, &p, &back, Some(ctx.t("poll-already-voted"))).await?;
        page(v, StatusCode::OK)?
    };
    if let Some(c) = set_cookie.and_then(|c| c.parse().ok()) {
        r.headers_mut().append(header::SET_COOKIE, c);
    }
    Ok(r)
}

// ---- administration ----

/// A poll in the organisers' list.
pub struct AdminRow {
    pub id: i64,
    pub question: String,
    pub placement: String,
    pub status: String,
    pub votes: i64,
}

#[derive(Template)]
#[template(path = "polls/admin.html")]
struct AdminTpl<'a> {
    ctx: &'a Ctx,
    rows: Vec<AdminRow>,
    f: PollForm,
    placements: Vec<Opt>,
    modes: Vec<Opt>,
    consultations: Vec<Opt>,
    districts: Vec<Opt>,
    errors: FormErrors,
    notice: Option<String>,
}

async fn show_admin(
    state: &AppState,
    ctx: &Ctx,
    f: PollForm,
    errors: FormErrors,
    notice: Option<String>,
) -> AppResult<Response> {
    let l = ctx.lang.code();
    let totals = dbp::totals(&state.db).await?;
    let units = super::common::my_units(ctx);
    let consultations = agora_db::consultation::for_units(&state.db, units.as_deref(), 500, 0).await?.items;
    let mine: std::collections::HashSet<i64> = consultations.iter().map(|c| c.id).collect();
    // Live totals are the poll's owners' business: each sees the polls they could close.
    let rows = dbp::list(&state.db)
        .await?
        .into_iter()
        .filter(|p| match p.consultation_id {
            Some(cid) => mine.contains(&cid),
            None => city_poll_allowed(ctx, p.district_id),
        })
        .map(|p| AdminRow {
            id: p.id,
            question: p.question.get(l).to_owned(),
            placement: ctx.t(&format!("poll-placement-{}", p.placement)),
            votes: totals.get(&p.id).copied().unwrap_or(0),
            status: p.status.as_str().to_owned(),
        })
        .collect();
    let tpl = AdminTpl {
        ctx,
        rows,
        f,
        placements: options::<Placement>(ctx.lang, "poll-placement-"),
        modes: options::<VoteMode>(ctx.lang, "poll-mode-"),
        consultations: consultations.into_iter().map(|c| Opt { value: c.id.to_string(), label: c.title }).collect(),
        districts: super::common::district_options(state).await?,
        errors,
        notice,
    };
    render_form(&tpl.errors, &tpl)
}

/// A poll not tied to a consultation speaks for the city (administrators) or for one district
/// (its editors).
fn city_poll_allowed(ctx: &Ctx, district: Option<i64>) -> bool {
    ctx.can(Action::ManageReferenceData) || district.is_some_and(|d| ctx.can(Action::ManageDistrict(d)))
}

/// Organisers run their consultations' polls and district editors their districts' polls.
fn require_poll_staff(ctx: &Ctx) -> AppResult<()> {
    let user = ctx.require(Action::EnterStaffArea)?;
    let district_editor = user.grants.iter().any(|g| matches!(g, Grant::DistrictEditor(_)));
    if district_editor || require_organiser(ctx).is_ok() { Ok(()) } else { Err(AppError::Forbidden) }
}

async fn admin(State(state): State<AppState>, ctx: Ctx, Query(q): Query<OkQuery>) -> AppResult<Response> {
    require_poll_staff(&ctx)?;
    let f = PollForm { placement: "home".into(), vote_mode: "cookie".into(), ..Default::default() };
    show_admin(&state, &ctx, f, FormErrors::default(), q.notice(&ctx)).await
}

async fn create(State(state): State<AppState>, ctx: Ctx, Form(f): Form<PollForm>) -> AppResult<Response> {
    require_poll_staff(&ctx)?;
    let input = match f.parse() {
        Ok(i) => i,
        Err(inv) => return show_admin(&state, &ctx, f, FormErrors::from_invalid(&inv, ctx.lang), None).await,
    };
    // A poll on the home or a district page speaks for the city: administrators only.
    let allowed = match input.consultation_id {
        Some(cid) => match agora_db::consultation::by_id(&state.db, cid).await? {
            Some(c) => ctx.can(Action::ManageUnit(c.unit_id)),
            None => false,
        },
        None => city_poll_allowed(&ctx, input.district_id),
    };
    if !allowed {
        return Err(AppError::Forbidden);
    }
    dbp::create(
        &state.db,
        &input,
        ctx.user.as_ref().map(|u| u.id),
        &ctx.audit("poll.create", "poll", input.question.pl.clone()),
    )
    .await?;
    Ok(redirect("/admin/sondy?ok=flash-poll-created").into_response())
}

async fn set_status(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(f): Form<StatusForm>,
) -> AppResult<Response> {
    require_poll_staff(&ctx)?;
    let poll = dbp::by_id(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let allowed = match poll.consultation_id {
        Some(cid) => {
            agora_db::consultation::by_id(&state.db, cid).await?.is_some_and(|c| ctx.can(Action::ManageUnit(c.unit_id)))
        }
        None => city_poll_allowed(&ctx, poll.district_id),
    };
    if !allowed {
        return Err(AppError::Forbidden);
    }
    let to = if f.to == PollStatus::Closed.as_str() { PollStatus::Closed } else { PollStatus::Open };
    dbp::set_status(&state.db, id, to, &ctx.audit("poll.status", "poll", format!("#{id} → {to}"))).await?;
    Ok(redirect("/admin/sondy?ok=flash-saved").into_response())
}
