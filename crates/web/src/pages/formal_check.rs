//! The formal check of one submission, for the organisers of its consultation: what it is
//! now, a form to change it (a defect completed, a mistake put right) and every change so far.

use super::common::{Opt, consultation_to_manage, options};
use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::forms::{FormErrors, Pairs};
use crate::render::render_form;
use crate::state::AppState;
use crate::time;
use crate::urls::redirect;
use crate::views::remark::{FormalNote, formal_note};
use agora_db::consultation::Consultation;
use agora_db::formal::{self, CheckOutcome, CheckedSubmission, NewCheck};
use agora_domain::remark::{FormalCheckForm, FormalStatus, parse_formal_check};
use askama::Template;
use axum::Router;
use axum::extract::{Form, Path, State};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

pub(super) fn routes() -> Router<AppState> {
    Router::new().route("/admin/konsultacje/{id}/uwagi/zgloszenie/{submission}/ocena", get(page).post(save))
}

/// One entry of the history as shown.
struct HistoryRow {
    at: String,
    who: String,
    status: String,
    reason: String,
    deadline: String,
}

#[derive(Template)]
#[template(path = "answering/formal_check.html")]
struct CheckTpl<'a> {
    ctx: &'a Ctx,
    c: Consultation,
    s: CheckedSubmission,
    received: String,
    current: String,
    note: FormalNote,
    statuses: Vec<Opt>,
    history: Vec<HistoryRow>,
    /// The form's values: the current check at first, what was typed after an error.
    p: Pairs,
    errors: FormErrors,
}

/// The submission `submission` of consultation `id`, for its organisers.
async fn load(state: &AppState, ctx: &Ctx, id: i64, submission: i64) -> AppResult<(Consultation, CheckedSubmission)> {
    let c = consultation_to_manage(state, ctx, id).await?;
    let s = formal::submission(&state.db, c.id, submission).await?.ok_or(AppError::NotFound)?;
    Ok((c, s))
}

async fn view(
    state: &AppState,
    ctx: &Ctx,
    c: Consultation,
    s: CheckedSubmission,
    p: Pairs,
    errors: FormErrors,
) -> AppResult<Response> {
    let lang = ctx.lang;
    let history = formal::history(&state.db, s.id)
        .await?
        .into_iter()
        .map(|h| HistoryRow {
            at: time::day_time(lang, h.at),
            who: h.actor_label,
            status: lang.t(&format!("formal-{}", h.status)),
            reason: h.reason.unwrap_or_default(),
            deadline: h.correct_by.map(|t| time::day(lang, time::local_date(t))).unwrap_or_default(),
        })
        .collect();
    let tpl = CheckTpl {
        ctx,
        received: time::day_time(lang, s.received_at),
        current: lang.t(&format!("formal-{}", s.formal_status)),
        note: formal_note(lang, s.formal_status, s.defect_reason.clone(), s.correct_by),
        statuses: options::<FormalStatus>(lang, "formal-"),
        history,
        p,
        errors,
        c,
        s,
    };
    render_form(&tpl.errors, &tpl)
}

async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, submission)): Path<(i64, i64)>,
) -> AppResult<Response> {
    let (c, s) = load(&state, &ctx, id, submission).await?;
    let p = Pairs(vec![
        ("formal_status".into(), s.formal_status.as_str().into()),
        ("defect_reason".into(), s.defect_reason.clone().unwrap_or_default()),
        ("correct_by".into(), s.correct_by.map(|t| time::local_date(t).to_string()).unwrap_or_default()),
    ]);
    view(&state, &ctx, c, s, p, FormErrors::default()).await
}

async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, submission)): Path<(i64, i64)>,
    Form(p): Form<Pairs>,
) -> AppResult<Response> {
    let (c, s) = load(&state, &ctx, id, submission).await?;
    let f: FormalCheckForm = p.decode()?;
    let check = match parse_formal_check(&f, time::local_date(s.received_at), false) {
        Ok(check) => check,
        Err(e) => return view(&state, &ctx, c, s, p, FormErrors::from_invalid(&e, ctx.lang)).await,
    };
    // The form shows a deadline as a day: the same day sent back keeps the instant stored
    // (the intake's received time plus the consultation's days), so it is not a change.
    let correct_by = match check.correct_by {
        Some(d) if s.correct_by.is_some_and(|t| time::local_date(t) == d) => s.correct_by,
        Some(d) => Some(time::end_of_day(d).ok_or(AppError::BadRequest)?),
        None => None,
    };
    let user = ctx.require_user()?;
    let new = NewCheck {
        status: check.status,
        reason: check.reason.as_deref(),
        correct_by,
        actor_id: user.id,
        actor_label: &user.display_name,
    };
    let details = match (&check.reason, check.correct_by) {
        (Some(reason), Some(by)) => format!("{}: {} ({reason}; {by})", s.receipt, check.status),
        _ => format!("{}: {}", s.receipt, check.status),
    };
    let entry = ctx.audit("remark.formal_check", "consultation", details);
    let flash = match formal::set(&state.db, c.id, s.id, &new, &entry).await? {
        CheckOutcome::Changed => "flash-formal-checked",
        CheckOutcome::Unchanged => "flash-formal-unchanged",
        CheckOutcome::NotFound => return Err(AppError::NotFound),
    };
    Ok(redirect(&format!("/admin/konsultacje/{id}/uwagi?ok={flash}")).into_response())
}
