//! The administrators' page where the days the city has to answer an opinion or
//! recommendation are set for each kind of dialogue body; new opinions take their due date
//! from it, those already sent keep theirs.

use super::common::{ANSWER_RULES_KEY, OkQuery, answer_rules};
use crate::ctx::Ctx;
use crate::error::AppResult;
use crate::forms::{FormErrors, Pairs};
use crate::render::render_form;
use crate::state::AppState;
use crate::urls::redirect;
use agora_domain::answer_rules::{self, AnswerRules};
use agora_domain::body::BodyKind;
use agora_domain::permission::Action;
use askama::Template;
use axum::Router;
use axum::extract::{Form, Query, State};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

pub(super) fn routes() -> Router<AppState> {
    // Before the generic `/admin/ciala-dialogu/{id}`, which names a body.
    Router::new().route("/admin/ciala-dialogu/terminy-odpowiedzi", get(form).post(save))
}

/// One kind of body with its days as typed.
struct Row {
    field: &'static str,
    label: String,
    value: String,
}

#[derive(Template)]
#[template(path = "bodies/answer_rules.html")]
struct RulesTpl<'a> {
    ctx: &'a Ctx,
    rows: Vec<Row>,
    errors: FormErrors,
    notice: Option<String>,
}

fn view(
    ctx: &Ctx,
    typed: impl Fn(&'static str) -> String,
    errors: FormErrors,
    notice: Option<String>,
) -> AppResult<Response> {
    let mut errors = errors;
    let rows: Vec<Row> = BodyKind::ALL
        .iter()
        .map(|k| {
            let field = answer_rules::field(*k);
            let label = ctx.t(&format!("bodies-kind-{}", k.as_str()));
            errors = std::mem::take(&mut errors).labelled(field, label.clone());
            Row { field, label, value: typed(field) }
        })
        .collect();
    render_form(&errors.clone(), &RulesTpl { ctx, rows, errors, notice })
}

fn stored(rules: &AnswerRules) -> impl Fn(&'static str) -> String + '_ {
    move |field| {
        let kind = BodyKind::ALL.iter().find(|k| answer_rules::field(**k) == field).copied().unwrap_or(BodyKind::Other);
        rules.days(kind).to_string()
    }
}

async fn form(State(state): State<AppState>, ctx: Ctx, Query(q): Query<OkQuery>) -> AppResult<Response> {
    ctx.require(Action::ManageReferenceData)?;
    let rules = answer_rules(&state).await?;
    let notice = q.notice(&ctx);
    view(&ctx, stored(&rules), FormErrors::default(), notice)
}

async fn save(State(state): State<AppState>, ctx: Ctx, Form(p): Form<Pairs>) -> AppResult<Response> {
    ctx.require(Action::ManageReferenceData)?;
    match answer_rules::parse(|f| p.get(f).to_owned()) {
        Ok(rules) => {
            let json = serde_json::to_string(&rules).map_err(|e| crate::error::AppError::Internal(e.to_string()))?;
            let entry = ctx.audit("answer_rules.update", "settings", json.clone());
            agora_db::settings::put(&state.db, ANSWER_RULES_KEY, &json, &entry).await?;
            Ok(redirect("/admin/ciala-dialogu/terminy-odpowiedzi?ok=flash-saved").into_response())
        }
        Err(inv) => view(&ctx, |f| p.get(f).to_owned(), FormErrors::from_invalid(&inv, ctx.lang), None),
    }
}
