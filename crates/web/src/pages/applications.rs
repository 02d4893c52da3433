//! Joining and creating dialogue bodies: a signed-in resident applies to join a body (for
//! themselves or an organisation) and follows the outcome on a page of theirs, the body's
//! secretary accepts (a dated membership) or refuses with a reason; a resident requests a new
//! body, organisations support it from its public page, and once submitted it is a tracked
//! request the department decides in the city's answers ledger.

use super::common::{OkQuery, Opt, notice, options};
use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::forms::FormErrors;
use crate::i18n::{Arg, Lang, localized};
use crate::mail::Mail;
use crate::render::{render, render_form, render_public};
use crate::state::AppState;
use crate::time;
use crate::urls::redirect;
use agora_db::DbError;
use agora_db::applications::{self as db, Application, BodyRequest};
use agora_db::bodies::{self, Membership};
use agora_db::reference;
use agora_domain::application::{
    ApplicantKind, ApplicationForm, ApplicationStatus, BodyRequestForm, BodyRequestStatus, COUNCIL_SUPPORTERS_MIN,
    Decision, DecisionForm, SupportForm, body_request_status, check_submission,
};
use agora_domain::body::{Account, BodyKind, MembershipForm, check_overlap};
use agora_domain::permission::Action;
use agora_domain::tracked::TrackedKind;
use agora_domain::{FieldError, Invalid};
use askama::Template;
use axum::Router;
use axum::extract::{Form, Path, Query, State};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use chrono::{NaiveDate, Utc};

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/ciala-dialogu/wniosek", get(request_form).post(create_request))
        .route("/ciala-dialogu/wnioski/{id}", get(request_page))
        .route("/ciala-dialogu/wnioski/{id}/poparcie", post(support))
        .route("/ciala-dialogu/wnioski/{id}/zloz", post(submit))
        .route("/ciala-dialogu/{slug}/zgloszenie", get(apply_form).post(apply))
        .route("/konto/zgloszenia/{id}", get(my_application))
        .route("/admin/ciala-dialogu/{id}/zgloszenia", get(queue))
        .route("/admin/ciala-dialogu/{id}/zgloszenia/{aid}", get(decide_form).post(decide))
        .route("/admin/wnioski-o-ciala", get(admin_requests))
}

fn today() -> NaiveDate {
    time::local_date(Utc::now())
}

/// The number an application is known by, e.g. "ZC/12".
fn number(id: i64) -> String {
    format!("ZC/{id}")
}

fn kind_label(lang: Lang, k: BodyKind) -> String {
    lang.t(&format!("bodies-kind-{k}"))
}

// ---- applying to join ----

#[derive(Template)]
#[template(path = "applications/apply.html")]
struct ApplyTpl<'a> {
    ctx: &'a Ctx,
    slug: String,
    body: String,
    kinds: Vec<Opt>,
    f: ApplicationForm,
    errors: FormErrors,
}

async fn body_at(state: &AppState, slug: &str) -> AppResult<bodies::Body> {
    Ok(bodies::by_slug(&state.db, slug).await?.ok_or(AppError::NotFound)?.body)
}

fn apply_view(ctx: &Ctx, b: &bodies::Body, f: ApplicationForm, errors: FormErrors) -> AppResult<Response> {
    let errors = errors
        .labelled("applicant_kind", ctx.t("application-field-kind"))
        .labelled("name", ctx.t("application-field-name"))
        .labelled("organisation", ctx.t("application-field-organisation"))
        .labelled("statement", ctx.t("application-field-statement"))
        .labelled("email", ctx.t("application-field-email"));
    let tpl = ApplyTpl {
        ctx,
        slug: b.slug.clone(),
        body: localized(ctx.lang, b.name_pl.clone(), b.name_en.clone()),
        kinds: options::<ApplicantKind>(ctx.lang, "application-kind-"),
        f,
        errors,
    };
    render_form(&tpl.errors, &tpl)
}

async fn apply_form(State(state): State<AppState>, ctx: Ctx, Path(slug): Path<String>) -> AppResult<Response> {
    let user = ctx.require_user()?;
    let b = body_at(&state, &slug).await?;
    let f = ApplicationForm {
        applicant_kind: ApplicantKind::Person.as_str().into(),
        name: user.display_name.clone(),
        email: user.email.clone(),
        ..ApplicationForm::default()
    };
    apply_view(&ctx, &b, f, FormErrors::default())
}

async fn apply(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Form(f): Form<ApplicationForm>,
) -> AppResult<Response> {
    let user = ctx.require_user()?;
    let b = body_at(&state, &slug).await?;
    let a = match f.parse() {
        Ok(a) => a,
        Err(e) => return apply_view(&ctx, &b, f, FormErrors::from_invalid(&e, ctx.lang)),
    };
    let entry = ctx.audit("body_application.create", "body_application", format!("{}: {}", b.name_pl, a.name));
    let id = db::create_application(&state.db, b.id, user.id, &a, ctx.lang.code(), &entry).await?;
    let body = localized(ctx.lang, b.name_pl.clone(), b.name_en.clone());
    let args = [
        ("number", Arg::Str(number(id))),
        ("body", Arg::Str(body)),
        ("link", Arg::Str(format!("{}/konto/zgloszenia/{id}", state.config.base_url))),
    ];
    let mail = Mail {
        attachments: Vec::new(),
        unsubscribe: None,
        to: a.email.as_str().to_owned(),
        subject: ctx.t1("application-mail-subject", "number", number(id)),
        body: ctx.lang.t_args("application-mail-body", &args),
    };
    crate::jobs::queue_mail(&state, mail).await?;
    Ok(redirect(&format!("/konto/zgloszenia/{id}?ok=flash-application-sent")).into_response())
}

/// An application as pages show it.
struct ApplicationView {
    id: i64,
    number: String,
    body: String,
    body_slug: String,
    kind: String,
    name: String,
    organisation: String,
    statement: String,
    email: String,
    status: String,
    pending: bool,
    reason: String,
    received: String,
    decided: String,
    /// Whole days since it came in.
    waiting: i64,
}

fn application_view(lang: Lang, a: Application) -> ApplicationView {
    ApplicationView {
        id: a.id,
        number: number(a.id),
        body: localized(lang, a.body_name, a.body_name_en),
        body_slug: a.body_slug,
        kind: lang.t(&format!("application-kind-{}", a.applicant_kind)),
        name: a.person_name,
        organisation: a.organisation.unwrap_or_default(),
        statement: a.statement,
        email: a.email,
        status: lang.t(&format!("application-status-{}", a.status)),
        pending: a.status == ApplicationStatus::Pending,
        reason: a.reason.unwrap_or_default(),
        received: time::day_time(lang, a.created_at),
        decided: a.decided_at.map(|t| time::day_time(lang, t)).unwrap_or_default(),
        waiting: (today() - time::local_date(a.created_at)).num_days().max(0),
    }
}

#[derive(Template)]
#[template(path = "applications/mine.html")]
struct MineTpl<'a> {
    ctx: &'a Ctx,
    a: ApplicationView,
    notice: Option<String>,
}

async fn my_application(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(ok): Query<OkQuery>,
) -> AppResult<Response> {
    let user = ctx.require_user()?;
    let a = db::application(&state.db, id).await?.ok_or(AppError::NotFound)?;
    // Another person's application is not theirs to see, not even to know it exists.
    if a.user_id != user.id && !ctx.can(Action::ManageBody(a.body_id)) {
        return Err(AppError::NotFound);
    }
    render(&MineTpl { notice: ok.notice(&ctx), a: application_view(ctx.lang, a), ctx: &ctx })
}

// ---- the secretary's queue ----

#[derive(Template)]
#[template(path = "applications/queue.html")]
struct QueueTpl<'a> {
    ctx: &'a Ctx,
    id: i64,
    body: String,
    pending: Vec<ApplicationView>,
    decided: Vec<ApplicationView>,
    notice: Option<String>,
}

async fn queue(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(ok): Query<OkQuery>,
) -> AppResult<Response> {
    ctx.require(Action::ManageBody(id))?;
    let b = bodies::by_id(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let (pending, decided) = db::queue(&state.db, id).await?;
    render(&QueueTpl {
        ctx: &ctx,
        id,
        body: localized(ctx.lang, b.name_pl, b.name_en),
        pending: pending.into_iter().map(|a| application_view(ctx.lang, a)).collect(),
        decided: decided.into_iter().map(|a| application_view(ctx.lang, a)).collect(),
        notice: ok.notice(&ctx),
    })
}

#[derive(Template)]
#[template(path = "applications/decide.html")]
struct DecideTpl<'a> {
    ctx: &'a Ctx,
    id: i64,
    body: String,
    a: ApplicationView,
    f: DecisionForm,
    errors: FormErrors,
}

/// Pending application `aid` of body `id`, for that body's secretary only.
async fn to_decide(state: &AppState, ctx: &Ctx, id: i64, aid: i64) -> AppResult<Application> {
    ctx.require(Action::ManageBody(id))?;
    db::application(&state.db, aid).await?.filter(|a| a.body_id == id).ok_or(AppError::NotFound)
}

fn decide_view(ctx: &Ctx, a: Application, f: DecisionForm, errors: FormErrors) -> AppResult<Response> {
    let errors = errors
        .labelled("decision", ctx.t("application-field-decision"))
        .labelled("starts_on", ctx.t("bodies-field-starts-on"))
        .labelled("reason", ctx.t("application-field-reason"));
    let tpl = DecideTpl {
        ctx,
        id: a.body_id,
        body: localized(ctx.lang, a.body_name.clone(), a.body_name_en.clone()),
        a: application_view(ctx.lang, a),
        f,
        errors,
    };
    render_form(&tpl.errors, &tpl)
}

async fn decide_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, aid)): Path<(i64, i64)>,
) -> AppResult<Response> {
    let a = to_decide(&state, &ctx, id, aid).await?;
    let f = DecisionForm {
        decision: "accept".into(),
        starts_on: today().to_string(),
        voting: Some("yes".into()),
        reason: String::new(),
    };
    decide_view(&ctx, a, f, FormErrors::default())
}

async fn decide(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, aid)): Path<(i64, i64)>,
    Form(f): Form<DecisionForm>,
) -> AppResult<Response> {
    let a = to_decide(&state, &ctx, id, aid).await?;
    let user = ctx.require(Action::ManageBody(id))?;
    if a.status != ApplicationStatus::Pending {
        return decide_view(&ctx, a, f, FormErrors::general("decision", ctx.t("error-application-decided"), ctx.lang));
    }
    let decision = match f.parse(time::local_date(a.created_at)) {
        Ok(d) => d,
        Err(e) => return decide_view(&ctx, a, f, FormErrors::from_invalid(&e, ctx.lang)),
    };
    let lang = Lang::parse(&a.lang).unwrap_or(ctx.lang);
    let body = localized(lang, a.body_name.clone(), a.body_name_en.clone());
    let link = format!("{}/konto/zgloszenia/{aid}", state.config.base_url);
    let (done, subject, text) = match &decision {
        Decision::Accept { starts_on, voting } => {
            let detail = bodies::detail_by_id(&state.db, id).await?.ok_or(AppError::NotFound)?;
            let term = detail.terms.iter().find(|t| t.starts_on <= *starts_on && *starts_on <= t.ends_on);
            let m = MembershipForm {
                name: a.person_name.clone(),
                email: String::new(),
                role: "member".into(),
                voting: voting.then(|| "yes".to_owned()),
                organisation: a.organisation.clone().unwrap_or_default(),
                term_id: term.map(|t| t.id.to_string()).unwrap_or_default(),
                starts_on: starts_on.to_string(),
                ends_on: String::new(),
            };
            let terms: Vec<i64> = detail.terms.iter().map(|t| t.id).collect();
            let existing: Vec<_> = bodies::memberships(&state.db, id).await?.iter().map(Membership::span).collect();
            let checked = m.parse(&terms, Account::Found(a.user_id)).and_then(|m| {
                check_overlap(&m, &existing).map_err(Invalid::from)?;
                Ok(m)
            });
            let m = match checked {
                Ok(m) => m,
                Err(e) => return decide_view(&ctx, a, f, FormErrors::from_invalid(&e, ctx.lang)),
            };
            let entry =
                ctx.audit("body_application.accept", "body_application", format!("{}: {}", a.body_name, a.person_name));
            let done = db::accept(&state.db, id, aid, &m, user.id, &entry).await?;
            let args =
                [("body", Arg::Str(body)), ("starts", Arg::Str(time::day(lang, *starts_on))), ("link", Arg::Str(link))];
            (done, lang.t("application-mail-accepted-subject"), lang.t_args("application-mail-accepted-body", &args))
        }
        Decision::Refuse { reason } => {
            let entry =
                ctx.audit("body_application.refuse", "body_application", format!("{}: {}", a.body_name, a.person_name));
            let done = db::refuse(&state.db, id, aid, reason, user.id, &entry).await?;
            let args = [("body", Arg::Str(body)), ("reason", Arg::Str(reason.clone())), ("link", Arg::Str(link))];
            (done, lang.t("application-mail-refused-subject"), lang.t_args("application-mail-refused-body", &args))
        }
    };
    if !done {
        // Decided in another tab meanwhile: show where it stands, keeping what was typed.
        let now = to_decide(&state, &ctx, id, aid).await?;
        return decide_view(
            &ctx,
            now,
            f,
            FormErrors::general("decision", ctx.t("error-application-decided"), ctx.lang),
        );
    }
    crate::jobs::queue_mail(
        &state,
        Mail { attachments: Vec::new(), unsubscribe: None, to: a.email.clone(), subject, body: text },
    )
    .await?;
    Ok(redirect(&format!("/admin/ciala-dialogu/{id}/zgloszenia?ok=flash-application-decided")).into_response())
}

// ---- requests to create a body ----

#[derive(Template)]
#[template(path = "applications/request_form.html")]
struct RequestFormTpl<'a> {
    ctx: &'a Ctx,
    kinds: Vec<Opt>,
    units: Vec<Opt>,
    f: BodyRequestForm,
    errors: FormErrors,
}

async fn request_view(state: &AppState, ctx: &Ctx, f: BodyRequestForm, errors: FormErrors) -> AppResult<Response> {
    let units = reference::units(&state.db)
        .await?
        .into_iter()
        .map(|u| Opt { value: u.id.to_string(), label: localized(ctx.lang, u.name_pl, u.name_en) })
        .collect();
    let errors = errors
        .labelled("name", ctx.t("body-request-field-name"))
        .labelled("kind", ctx.t("body-request-field-kind"))
        .labelled("justification", ctx.t("body-request-field-justification"))
        .labelled("unit_id", ctx.t("body-request-field-unit"))
        .labelled("organisation", ctx.t("body-request-field-organisation"));
    let kinds =
        BodyKind::ALL.iter().map(|k| Opt { value: k.as_str().into(), label: kind_label(ctx.lang, *k) }).collect();
    let tpl = RequestFormTpl { ctx, kinds, units, f, errors };
    render_form(&tpl.errors, &tpl)
}

async fn request_form(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    ctx.require_user()?;
    let f = BodyRequestForm { kind: BodyKind::Kdo.as_str().into(), ..BodyRequestForm::default() };
    request_view(&state, &ctx, f, FormErrors::default()).await
}

async fn create_request(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(f): Form<BodyRequestForm>,
) -> AppResult<Response> {
    let user = ctx.require_user()?;
    let units: Vec<i64> = reference::units(&state.db).await?.into_iter().map(|u| u.id).collect();
    let r = match f.parse(&units) {
        Ok(r) => r,
        Err(e) => return request_view(&state, &ctx, f, FormErrors::from_invalid(&e, ctx.lang)).await,
    };
    let entry = ctx.audit("body_request.create", "body_request", format!("{}: {}", r.kind, r.name));
    let id = db::create_request(&state.db, user.id, &user.display_name, &r, &entry).await?;
    Ok(redirect(&format!("/ciala-dialogu/wnioski/{id}?ok=flash-body-request-created")).into_response())
}

/// A request as its page and the administrators' list show it.
struct RequestView {
    id: i64,
    name: String,
    kind: String,
    justification: String,
    unit: String,
    requester: String,
    created: String,
    status: String,
    collecting: bool,
    tracked_id: Option<i64>,
    due: String,
    supporters: i64,
    /// The body created on it.
    body_slug: Option<String>,
    /// Granted with no body yet: an administrator may create it.
    to_create: bool,
}

fn request_view_of(lang: Lang, r: BodyRequest) -> RequestView {
    let status: BodyRequestStatus = body_request_status(r.state);
    RequestView {
        id: r.id,
        kind: kind_label(lang, r.kind),
        unit: localized(lang, r.unit_name, r.unit_name_en),
        created: time::day_time(lang, r.created_at),
        status: lang.t(&format!("body-request-status-{status}")),
        collecting: status == BodyRequestStatus::Collecting,
        tracked_id: r.tracked_id,
        due: r.due_on.map(|d| time::day(lang, d)).unwrap_or_default(),
        supporters: r.supporters,
        to_create: r.state == Some(agora_domain::tracked::TrackedState::Granted) && r.body_slug.is_none(),
        body_slug: r.body_slug,
        name: r.name,
        justification: r.justification,
        requester: r.requester_name,
    }
}

struct SupportView {
    organisation: String,
    person: String,
    at: String,
}

#[derive(Template)]
#[template(path = "applications/request.html")]
struct RequestTpl<'a> {
    ctx: &'a Ctx,
    r: RequestView,
    supports: Vec<SupportView>,
    /// Public benefit councils need this many supporting organisations; 0 for other kinds.
    needed: i64,
    may_submit: bool,
    f: SupportForm,
    errors: FormErrors,
    notice: Option<String>,
}

async fn request_page_view(
    state: &AppState,
    ctx: &Ctx,
    r: BodyRequest,
    f: SupportForm,
    errors: FormErrors,
    notice: Option<String>,
) -> AppResult<Response> {
    let supports = db::supports(&state.db, r.id)
        .await?
        .into_iter()
        .map(|s| SupportView {
            organisation: s.organisation,
            person: s.person_name,
            at: time::day(ctx.lang, time::local_date(s.created_at)),
        })
        .collect();
    let needed = if r.kind == BodyKind::PublicBenefitCouncil { COUNCIL_SUPPORTERS_MIN as i64 } else { 0 };
    let may_submit = r.state.is_none() && ctx.user.as_ref().is_some_and(|u| u.id == r.user_id);
    let errors = errors
        .labelled("organisation", ctx.t("body-request-field-supporter"))
        .labelled("supporters", ctx.t("body-request-supporters"));
    let tpl = RequestTpl { ctx, r: request_view_of(ctx.lang, r), supports, needed, may_submit, f, errors, notice };
    if tpl.errors.any() { render_form(&tpl.errors, &tpl) } else { render_public(&tpl, None) }
}

async fn request_at(state: &AppState, id: i64) -> AppResult<BodyRequest> {
    db::request(&state.db, id).await?.ok_or(AppError::NotFound)
}

async fn request_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(ok): Query<OkQuery>,
) -> AppResult<Response> {
    let r = request_at(&state, id).await?;
    let notice = notice(&ctx, &ok.ok);
    request_page_view(&state, &ctx, r, SupportForm::default(), FormErrors::default(), notice).await
}

async fn support(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(f): Form<SupportForm>,
) -> AppResult<Response> {
    let user = ctx.require_user()?;
    let r = request_at(&state, id).await?;
    let refuse = |code: &'static str| FormErrors::from_invalid(&FieldError::new("organisation", code).into(), ctx.lang);
    if r.state.is_some() {
        return request_page_view(&state, &ctx, r, f, refuse("body-request-closed"), None).await;
    }
    let org = match f.parse() {
        Ok(org) => org,
        Err(e) => return request_page_view(&state, &ctx, r, f, FormErrors::from_invalid(&e, ctx.lang), None).await,
    };
    let entry = ctx.audit("body_request.support", "body_request", format!("{}: {org}", r.name));
    match db::support(&state.db, id, &org, user.id, &user.display_name, &entry).await {
        Ok(()) => Ok(redirect(&format!("/ciala-dialogu/wnioski/{id}?ok=flash-body-request-supported")).into_response()),
        Err(DbError::Conflict(_)) => {
            request_page_view(&state, &ctx, r, f, refuse("body-request-supported-twice"), None).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn submit(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> AppResult<Response> {
    let user = ctx.require_user()?;
    let r = request_at(&state, id).await?;
    if r.user_id != user.id {
        return Err(AppError::Forbidden);
    }
    if r.state.is_some() {
        return Ok(redirect(&format!("/ciala-dialogu/wnioski/{id}")).into_response());
    }
    if let Err(e) = check_submission(r.kind, usize::try_from(r.supporters).unwrap_or(0)) {
        let errors = FormErrors::from_invalid(&e.into(), ctx.lang);
        return request_page_view(&state, &ctx, r, SupportForm::default(), errors, None).await;
    }
    let today = today();
    let due = TrackedKind::BodyRequest.default_period().due(today);
    let entry = ctx.audit("body_request.submit", "body_request", format!("{} ({due})", r.name));
    db::submit(&state.db, id, today, due, &user.display_name, &entry).await?;
    Ok(redirect(&format!("/ciala-dialogu/wnioski/{id}?ok=flash-body-request-submitted")).into_response())
}

#[derive(Template)]
#[template(path = "applications/requests_admin.html")]
struct AdminTpl<'a> {
    ctx: &'a Ctx,
    list: Vec<RequestView>,
}

async fn admin_requests(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    ctx.require(Action::ManageReferenceData)?;
    let list = db::requests(&state.db).await?.into_iter().map(|r| request_view_of(ctx.lang, r)).collect();
    render(&AdminTpl { ctx: &ctx, list })
}
