//! The organiser's side of consultations: create and edit, publish under the rules
//! profile, the programme (schedule, methods, events) and documents.

use super::common::Opt;
use super::common::options;
use super::common::{
    OkQuery, check_file, clean_filename, consultation_to_manage, my_units, require_organiser, store_file,
};
use crate::ctx::Ctx;
use crate::error::{AppError, AppResult, conflict_on};
use crate::forms::{FormErrors, Pairs, Problem};
use crate::i18n::localized;
use crate::i18n::{Arg, Lang};
use crate::render::{MessageTpl, render, render_form, render_status};
use crate::state::AppState;
use crate::time;
use crate::urls::redirect;
use agora_db::audit::AuditEntry;
use agora_db::consultation::{self as dbc, Consultation, Links};
use agora_db::programme::{self, NewEvent, Part};
use agora_db::reference::{self, NamedKind};
use agora_domain::Invalid;
use agora_domain::consultation::{
    ConsultationForm, ConsultationInput, MethodKind, OnViolation, PublicationPlan, RuleViolation, RulesProfile, Status,
    cancellation_reason, check_area, check_rules,
};
use agora_domain::document::{DocumentKind, MAX_FILE_BYTES};
use agora_domain::permission::Action;
use agora_domain::programme::{EventForm, EventInput, MethodInput, StepInput};
use agora_domain::validation::{FieldError, bounded_text};
use askama::Template;
use axum::Router;
use axum::extract::{DefaultBodyLimit, Form, Multipart, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use chrono::Utc;
use object_store::ObjectStoreExt;
use serde::Deserialize;

const RULES_KEY: &str = "rules_profile";
const LANGUAGES: [&str; 3] = ["pl", "en", "uk"];

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin/konsultacje", get(list))
        .route("/admin/konsultacje/nowa", get(new_form).post(create))
        .route("/admin/konsultacje/{id}", get(edit_form).post(update))
        .route("/admin/konsultacje/{id}/status", post(change_status))
        .route("/admin/konsultacje/{id}/odwolaj", get(cancel_page).post(cancel))
        .route("/admin/konsultacje/{id}/usun", get(delete_page).post(delete))
        .route("/admin/konsultacje/{id}/program", get(programme_page))
        .route("/admin/konsultacje/{id}/program/{part}/{item}", get(item_page).post(save_item))
        .route("/admin/konsultacje/{id}/harmonogram", post(add_step))
        .route("/admin/konsultacje/{id}/metody", post(add_method))
        .route("/admin/konsultacje/{id}/wydarzenia", post(add_event))
        .route("/admin/konsultacje/{id}/wydarzenia/{event}/frekwencja", post(set_attendance))
        .route("/admin/konsultacje/{id}/usun/{part}/{item}", post(remove_part))
        .route(
            "/admin/konsultacje/{id}/dokumenty",
            get(documents_page).post(upload).layer(DefaultBodyLimit::max(MAX_FILE_BYTES + 1024 * 1024)),
        )
        .route("/admin/zasady", get(rules_form).post(save_rules))
}

/// The rules profile in force (Kraków's until an administrator changes it).
pub async fn rules_profile(state: &AppState) -> AppResult<RulesProfile> {
    Ok(agora_db::settings::get(&state.db, RULES_KEY)
        .await?
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_default())
}

fn audit(ctx: &Ctx, action: &'static str, details: String) -> AuditEntry {
    ctx.audit(action, "consultation", details)
}

// ---- list ----

struct Row {
    id: i64,
    title: String,
    status: String,
    dates: String,
    unit: String,
}

#[derive(Template)]
#[template(path = "organiser/list.html")]
struct ListTpl<'a> {
    ctx: &'a Ctx,
    rows: Vec<Row>,
    total: i64,
    page: i64,
    pages: i64,
    pager_base: String,
    notice: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ListQuery {
    strona: String,
    ok: String,
}

async fn list(State(state): State<AppState>, ctx: Ctx, Query(q): Query<ListQuery>) -> AppResult<Response> {
    let units = require_organiser(&ctx)?;
    let page = q.strona.parse::<i64>().unwrap_or(1).clamp(1, 10_000);
    let per = 50;
    let p = dbc::for_units(&state.db, units.as_deref(), per, (page - 1) * per).await?;
    let rows = p
        .items
        .into_iter()
        .map(|r| Row {
            id: r.id,
            dates: format!(
                "{} – {}",
                time::day(ctx.lang, time::local_date(r.opens_at)),
                time::day(ctx.lang, time::local_date(r.closes_at))
            ),
            status: ctx.t(&format!("status-{}", r.status)),
            title: r.title,
            unit: r.unit_code,
        })
        .collect();
    let notice = super::common::notice(&ctx, &q.ok);
    render(&ListTpl {
        ctx: &ctx,
        rows,
        total: p.total,
        page,
        pages: ((p.total + per - 1) / per).max(1),
        pager_base: "/admin/konsultacje?".into(),
        notice,
    })
}

// ---- create and edit ----

struct Check {
    value: String,
    label: String,
    checked: bool,
}

/// A step a consultation can take from its stage, as the data page offers it.
struct Step {
    /// The status it moves to, as its text.
    to: String,
    /// The button's words.
    button: String,
    /// What the step does, said beside the button: "announce" and "open" are easily confused.
    hint: String,
}

#[derive(Template)]
#[template(path = "organiser/form.html")]
struct FormTpl<'a> {
    ctx: &'a Ctx,
    id: Option<i64>,
    /// The stage's name, and each next step.
    status: Option<(String, Vec<Step>)>,
    /// Whether the organiser may delete it (a draft).
    deletable: bool,
    f: ConsultationForm,
    unit_id: String,
    units: Vec<Opt>,
    co_units: Vec<Check>,
    districts: Vec<Check>,
    categories: Vec<Check>,
    languages: Vec<Check>,
    errors: FormErrors,
    notice: Option<String>,
}

struct Chosen {
    unit_id: String,
    links: Links,
    languages: Vec<String>,
}

#[expect(
    clippy::too_many_arguments,
    reason = "the parts of the consultation form as they are read back; each is redrawn"
)]
async fn form_page(
    state: &AppState,
    ctx: &Ctx,
    id: Option<i64>,
    status: Option<Status>,
    f: ConsultationForm,
    chosen: Chosen,
    errors: FormErrors,
    notice: Option<String>,
) -> AppResult<Response> {
    let lang = ctx.lang;
    let allowed = my_units(ctx);
    let all_units = reference::units(&state.db).await?;
    let units = all_units
        .iter()
        .filter(|u| allowed.as_ref().is_none_or(|a| a.contains(&u.id)) || chosen.unit_id == u.id.to_string())
        .map(|u| Opt {
            value: u.id.to_string(),
            label: format!("{} — {}", u.code, localized(lang, u.name_pl.clone(), u.name_en.clone())),
        })
        .collect();
    let check =
        |id: i64, label: String, chosen: &[i64]| Check { value: id.to_string(), label, checked: chosen.contains(&id) };
    let co_units =
        all_units.iter().map(|u| check(u.id, format!("{} — {}", u.code, u.name_pl), &chosen.links.co_units)).collect();
    let districts = reference::districts(&state.db)
        .await?
        .into_iter()
        .map(|d| {
            check(
                d.id,
                format!("{} {}", agora_domain::reference::DistrictInput::roman(d.number), d.name),
                &chosen.links.districts,
            )
        })
        .collect();
    let categories = reference::named(&state.db, NamedKind::Category)
        .await?
        .into_iter()
        .map(|c| check(c.id, localized(lang, c.name_pl, c.name_en), &chosen.links.categories))
        .collect();
    let languages = LANGUAGES
        .iter()
        .map(|code| Check {
            value: (*code).into(),
            label: ctx.t(&format!("language-{code}")),
            checked: chosen.languages.iter().any(|l| l == code),
        })
        .collect();
    let deletable = status.is_some_and(Status::may_be_deleted);
    let status = status.map(|s| {
        let steps = s
            .next_steps()
            .into_iter()
            // Closing an announced consultation only happens by the calendar.
            .filter(|to| !(s == Status::Announced && *to == Status::Closed))
            .map(|to| {
                let key = format!("transition-{}", to.as_str());
                Step { to: to.as_str().to_owned(), button: ctx.t(&key), hint: ctx.t(&format!("{key}-hint")) }
            })
            .collect();
        (ctx.t(&format!("status-{}", s.as_str())), steps)
    });
    let tpl = FormTpl {
        ctx,
        id,
        status,
        deletable,
        f,
        unit_id: chosen.unit_id,
        units,
        co_units,
        districts,
        categories,
        languages,
        errors,
        notice,
    };
    render_form(&tpl.errors, &tpl)
}

async fn new_form(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let units = require_organiser(&ctx)?;
    let contact = ctx.user.as_ref().map(|u| u.display_name.clone()).unwrap_or_default();
    let f = ConsultationForm {
        legal_basis: "optional".into(),
        scope: "city".into(),
        contact_name: contact,
        privacy_notice: ctx.t("privacy-default"),
        ..Default::default()
    };
    let unit_id = units.and_then(|u| u.first().copied()).map(|u| u.to_string()).unwrap_or_default();
    let chosen = Chosen { unit_id, links: Links::default(), languages: vec!["pl".into()] };
    form_page(&state, &ctx, None, None, f, chosen, FormErrors::default(), None).await
}

/// The consultation form: its fixed fields typed, its lists (units, districts, categories,
/// languages) from the repeated names.
fn read_form(p: &Pairs) -> AppResult<(ConsultationForm, Chosen)> {
    #[derive(Deserialize, Default)]
    #[serde(default)]
    struct Unit {
        unit_id: String,
    }
    let f: ConsultationForm = p.decode()?;
    let Unit { unit_id } = p.decode()?;
    let chosen = Chosen {
        unit_id,
        links: Links { co_units: p.ids("co_units"), districts: p.ids("districts"), categories: p.ids("categories") },
        languages: p.all("languages").into_iter().filter(|l| LANGUAGES.contains(l)).map(str::to_owned).collect(),
    };
    Ok((f, chosen))
}

/// Validates the whole form; `Err` carries what to show next to the fields.
fn validate(ctx: &Ctx, f: &ConsultationForm, chosen: &Chosen) -> Result<(ConsultationInput, i64), Invalid> {
    let mut inv = Invalid::default();
    let unit = chosen.unit_id.parse::<i64>().ok().filter(|u| ctx.can(Action::ManageUnit(*u)));
    let input = ConsultationInput::parse(f, time::parse_local(&f.opens_at), time::parse_local(&f.closes_at));
    if let Err(e) = &input {
        inv.0.extend(e.0.iter().cloned());
    }
    if unit.is_none() {
        inv.push(FieldError::new("unit_id", "choice-invalid"));
    }
    if let Err(e) = check_area(f.scope.trim() != "districts", chosen.links.districts.len()) {
        inv.push(e);
    }
    if chosen.languages.is_empty() {
        inv.push(FieldError::new("languages", "required"));
    }
    match (input, unit) {
        (Ok(i), Some(u)) if inv.is_empty() => Ok((i, u)),
        _ => Err(inv),
    }
}

async fn create(State(state): State<AppState>, ctx: Ctx, Form(p): Form<Pairs>) -> AppResult<Response> {
    require_organiser(&ctx)?;
    let (f, chosen) = read_form(&p)?;
    let (input, unit) = match validate(&ctx, &f, &chosen) {
        Ok(v) => v,
        Err(inv) => {
            return form_page(&state, &ctx, None, None, f, chosen, FormErrors::from_invalid(&inv, ctx.lang), None)
                .await;
        }
    };
    match dbc::create(
        &state.db,
        &input,
        unit,
        &chosen.languages.join(","),
        &chosen.links,
        &audit(&ctx, "consultation.create", input.title.clone()),
    )
    .await
    {
        Ok(id) => Ok(redirect(&format!("/admin/konsultacje/{id}?ok=flash-saved")).into_response()),
        Err(e) => {
            let inv = conflict_on(e, "slug", "slug-taken")?;
            form_page(&state, &ctx, None, None, f, chosen, FormErrors::from_invalid(&inv, ctx.lang), None).await
        }
    }
}

async fn edit_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<OkQuery>,
) -> AppResult<Response> {
    let c = consultation_to_manage(&state, &ctx, id).await?;
    let links = dbc::links(&state.db, id).await?;
    let flag = |b: bool| b.then(|| "yes".to_owned());
    let f = ConsultationForm {
        title: c.title.clone(),
        slug: c.slug.clone(),
        summary: c.summary.clone(),
        description: c.description.clone(),
        subject: c.subject.clone(),
        legal_basis: c.legal_basis.as_str().to_owned(),
        enabling_act: c.enabling_act.clone().unwrap_or_default(),
        scope: if c.scope_citywide { "city".into() } else { "districts".into() },
        contact_name: c.contact_name.clone(),
        contact_email: c.contact_email.clone().unwrap_or_default(),
        contact_phone: c.contact_phone.clone().unwrap_or_default(),
        require_email: flag(c.require_email),
        require_address: flag(c.require_address),
        allow_anonymous: flag(c.allow_anonymous),
        privacy_notice: c.privacy_notice.clone(),
        easy_read: c.easy_read.clone().unwrap_or_default(),
        sign_language_url: c.sign_language_url.clone().unwrap_or_default(),
        opens_at: time::input_value(c.opens_at),
        closes_at: time::input_value(c.closes_at),
    };
    let chosen = Chosen {
        unit_id: c.unit_id.to_string(),
        links,
        languages: c.languages.split(',').map(str::to_owned).collect(),
    };
    form_page(&state, &ctx, Some(id), Some(c.status), f, chosen, FormErrors::default(), q.notice(&ctx)).await
}

async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(p): Form<Pairs>,
) -> AppResult<Response> {
    let c = consultation_to_manage(&state, &ctx, id).await?;
    let (f, chosen) = read_form(&p)?;
    let (input, unit) = match validate(&ctx, &f, &chosen) {
        Ok(v) => v,
        Err(inv) => {
            return form_page(
                &state,
                &ctx,
                Some(id),
                Some(c.status),
                f,
                chosen,
                FormErrors::from_invalid(&inv, ctx.lang),
                None,
            )
            .await;
        }
    };
    if let Some(errors) = published_dates_break_rules(&state, &ctx, &c, &input).await? {
        return form_page(&state, &ctx, Some(id), Some(c.status), f, chosen, errors, None).await;
    }
    match dbc::update(
        &state.db,
        id,
        &input,
        unit,
        &chosen.languages.join(","),
        &chosen.links,
        &audit(&ctx, "consultation.update", input.title.clone()),
    )
    .await
    {
        Ok(()) => Ok(redirect(&format!("/admin/konsultacje/{id}?ok=flash-saved")).into_response()),
        Err(e) => {
            let inv = conflict_on(e, "slug", "slug-taken")?;
            form_page(&state, &ctx, Some(id), Some(c.status), f, chosen, FormErrors::from_invalid(&inv, ctx.lang), None)
                .await
        }
    }
}

/// New dates for a consultation residents already see are held to the same rules as at its
/// publication: the period may not shrink below the minimum, nor the notice before opening.
/// A broken rule is reported on the date field it concerns.
async fn published_dates_break_rules(
    state: &AppState,
    ctx: &Ctx,
    c: &Consultation,
    input: &ConsultationInput,
) -> AppResult<Option<FormErrors>> {
    let moved = input.opens_at != c.opens_at || input.closes_at != c.closes_at;
    if !moved || !matches!(c.status, Status::Announced | Status::Open) {
        return Ok(None);
    }
    let profile = rules_profile(state).await?;
    let plan = PublicationPlan {
        announce_at: c.announced_at.unwrap_or_else(Utc::now),
        opens_at: input.opens_at,
        closes_at: input.closes_at,
        methods: programme::methods(&state.db, c.id).await?.iter().map(|m| m.kind).collect(),
    };
    // A rule already broken, and justified, at publication is not the edit's doing.
    let before =
        check_rules(&profile, &PublicationPlan { opens_at: c.opens_at, closes_at: c.closes_at, ..plan.clone() });
    let list: Vec<Problem> = check_rules(&profile, &plan)
        .iter()
        .filter(|v| !before.iter().any(|b| b.code() == v.code()))
        .filter_map(|v| match v {
            RuleViolation::TooShort { .. } => Some(("closes_at", v)),
            RuleViolation::NoticeTooShort { .. } => Some(("opens_at", v)),
            RuleViolation::TooFewMethods { .. } | RuleViolation::MissingRequiredMethod { .. } => None,
        })
        .map(|(field, v)| Problem::new(field, violation_message(ctx.lang, v), ctx.lang))
        .collect();
    Ok((!list.is_empty()).then_some(FormErrors { list }))
}

// ---- status and the rules profile ----

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct StatusForm {
    to: String,
    justification: String,
}

#[derive(Template)]
#[template(path = "organiser/publish.html")]
struct PublishTpl<'a> {
    ctx: &'a Ctx,
    c: Consultation,
    to: String,
    to_label: String,
    violations: Vec<String>,
    refuse: bool,
    justification: String,
    errors: FormErrors,
}

/// The message explaining one broken rule.
pub fn violation_message(lang: Lang, v: &RuleViolation) -> String {
    let n = |x: i64| Arg::Num(x);
    match v {
        RuleViolation::TooShort { days, min } => lang.t_args(v.code(), &[("days", n(*days)), ("min", n(*min))]),
        RuleViolation::NoticeTooShort { days, min } => lang.t_args(v.code(), &[("days", n(*days)), ("min", n(*min))]),
        RuleViolation::TooFewMethods { count, min } => {
            lang.t_args(v.code(), &[("count", n(*count as i64)), ("min", n(*min as i64))])
        }
        RuleViolation::MissingRequiredMethod { one_of } => {
            let names = one_of.iter().map(|k| lang.t(&format!("method-{}", k.as_str()))).collect::<Vec<_>>().join(", ");
            lang.t_args(v.code(), &[("methods", Arg::Str(names))])
        }
    }
}

async fn change_status(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<StatusForm>,
) -> AppResult<Response> {
    let c = consultation_to_manage(&state, &ctx, id).await?;
    let from = c.status;
    let to = Status::parse(&form.to).filter(|to| from.can_move_to(*to)).ok_or(AppError::BadRequest)?;
    if to == Status::Cancelled {
        // Calling off takes a reason, asked for on a page of its own.
        return Ok(redirect(&format!("/admin/konsultacje/{id}/odwolaj")).into_response());
    }
    if to == Status::ReportPublished {
        // Publishing mails everyone who left an address: it is confirmed on its own page.
        return Ok(redirect(&format!("/admin/konsultacje/{id}/raport/publikuj")).into_response());
    }
    let mut justification = None;
    if from == Status::Draft && matches!(to, Status::Announced | Status::Open) {
        let profile = rules_profile(&state).await?;
        let methods = programme::methods(&state.db, id).await?.iter().map(|m| m.kind).collect();
        let plan = PublicationPlan { announce_at: Utc::now(), opens_at: c.opens_at, closes_at: c.closes_at, methods };
        let violations = check_rules(&profile, &plan);
        if !violations.is_empty() {
            let refuse = profile.on_violation == OnViolation::Refuse;
            let given = form.justification.trim();
            let mut errors = FormErrors::default();
            if !refuse && !given.is_empty() {
                match bounded_text("justification", given, 20, 5_000) {
                    Ok(j) => justification = Some(j),
                    Err(e) => errors = FormErrors::from_invalid(&e.into(), ctx.lang),
                }
            }
            if justification.is_none() {
                let tpl = PublishTpl {
                    ctx: &ctx,
                    to_label: ctx.t(&format!("transition-{}", to.as_str())),
                    to: to.as_str().into(),
                    violations: violations.iter().map(|v| violation_message(ctx.lang, v)).collect(),
                    refuse,
                    justification: form.justification.clone(),
                    errors,
                    c,
                };
                return render_status(StatusCode::UNPROCESSABLE_ENTITY, &tpl);
            }
        }
    }
    let details = format!(
        "{} → {}{}",
        from.as_str(),
        to.as_str(),
        justification.as_deref().map(|j| format!("; {j}")).unwrap_or_default()
    );
    if !dbc::transition(&state.db, id, from, to, justification.as_deref(), &audit(&ctx, "consultation.status", details))
        .await?
    {
        return Err(AppError::Conflict);
    }
    Ok(redirect(&format!("/admin/konsultacje/{id}?ok=flash-status-changed")).into_response())
}

// ---- calling off and deleting ----

#[derive(Template)]
#[template(path = "organiser/cancel.html")]
struct CancelTpl<'a> {
    ctx: &'a Ctx,
    c: Consultation,
    reason: String,
    errors: FormErrors,
}

/// The page that says a consultation can no longer be called off or deleted, and why.
fn cannot(ctx: &Ctx, c: &Consultation, title: &str, message: &str) -> AppResult<Response> {
    render_status(
        StatusCode::CONFLICT,
        &MessageTpl {
            ctx,
            title: ctx.t(title),
            message: ctx.t(message),
            link: Some((format!("/admin/konsultacje/{}", c.id), c.title.clone())),
            back: None,
        },
    )
}

async fn cancel_page(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> AppResult<Response> {
    let c = consultation_to_manage(&state, &ctx, id).await?;
    if !c.status.can_move_to(Status::Cancelled) {
        return cannot(&ctx, &c, "cancel-title", "cancel-not-possible");
    }
    render(&CancelTpl { ctx: &ctx, c, reason: String::new(), errors: FormErrors::default() })
}

/// The reason typed on the page that calls a consultation off.
#[derive(Deserialize, Default)]
#[serde(default)]
struct CancelForm {
    reason: String,
}

async fn cancel(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(f): Form<CancelForm>,
) -> AppResult<Response> {
    let c = consultation_to_manage(&state, &ctx, id).await?;
    if !c.status.can_move_to(Status::Cancelled) {
        return cannot(&ctx, &c, "cancel-title", "cancel-not-possible");
    }
    let reason = match cancellation_reason(&f.reason) {
        Ok(r) => r,
        Err(e) => {
            let errors = FormErrors::from_invalid(&e.into(), ctx.lang);
            return render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &CancelTpl { ctx: &ctx, c, reason: f.reason, errors },
            );
        }
    };
    let details = format!("{} → cancelled; {reason}", c.status.as_str());
    if !dbc::cancel(&state.db, id, c.status, &reason, &audit(&ctx, "consultation.status", details)).await? {
        return Err(AppError::Conflict);
    }
    Ok(redirect(&format!("/admin/konsultacje/{id}?ok=flash-status-changed")).into_response())
}

#[derive(Template)]
#[template(path = "organiser/delete.html")]
struct DeleteTpl<'a> {
    ctx: &'a Ctx,
    c: Consultation,
}

async fn delete_page(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> AppResult<Response> {
    let c = consultation_to_manage(&state, &ctx, id).await?;
    if !c.status.may_be_deleted() {
        return cannot(&ctx, &c, "delete-draft-title", "delete-draft-not-draft");
    }
    render(&DeleteTpl { ctx: &ctx, c })
}

async fn delete(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> AppResult<Response> {
    let c = consultation_to_manage(&state, &ctx, id).await?;
    if !c.status.may_be_deleted() {
        return cannot(&ctx, &c, "delete-draft-title", "delete-draft-not-draft");
    }
    let Some(keys) =
        dbc::delete_draft(&state.db, id, &audit(&ctx, "consultation.delete", format!("{}: {}", c.slug, c.title)))
            .await?
    else {
        // Published meanwhile.
        return cannot(&ctx, &c, "delete-draft-title", "delete-draft-not-draft");
    };
    // The rows are gone; a file left behind would only take space, so a failure is logged.
    for key in keys {
        if let Err(e) = state.storage.delete(&object_store::path::Path::from(key.as_str())).await {
            tracing::warn!(error = %e, key, "a deleted draft's file stayed in storage");
        }
    }
    Ok(redirect("/admin/konsultacje?ok=flash-consultation-deleted").into_response())
}

#[derive(Template)]
#[template(path = "organiser/rules.html")]
struct RulesTpl<'a> {
    ctx: &'a Ctx,
    min_open_days: String,
    min_notice_days: String,
    min_methods: String,
    methods: Vec<Check>,
    on_violation: String,
    errors: FormErrors,
    notice: Option<String>,
}

fn method_checks(ctx: &Ctx, chosen: &[String]) -> Vec<Check> {
    MethodKind::ALL
        .iter()
        .map(|k| Check {
            value: k.as_str().into(),
            label: ctx.t(&format!("method-{}", k.as_str())),
            checked: chosen.iter().any(|c| c == k.as_str()),
        })
        .collect()
}

async fn rules_form(State(state): State<AppState>, ctx: Ctx, Query(q): Query<OkQuery>) -> AppResult<Response> {
    ctx.require(Action::ManageReferenceData)?;
    let p = rules_profile(&state).await?;
    let chosen: Vec<String> = p.required_one_of.iter().map(|k| k.as_str().to_owned()).collect();
    render(&RulesTpl {
        ctx: &ctx,
        min_open_days: p.min_open_days.to_string(),
        min_notice_days: p.min_notice_days.to_string(),
        min_methods: p.min_methods.to_string(),
        methods: method_checks(&ctx, &chosen),
        on_violation: p.on_violation.as_str().into(),
        errors: FormErrors::default(),
        notice: q.notice(&ctx),
    })
}

/// The rules form's fixed fields; the methods of which one is required are a list.
#[derive(Deserialize, Default)]
#[serde(default)]
struct RulesForm {
    min_open_days: String,
    min_notice_days: String,
    min_methods: String,
    on_violation: String,
}

async fn save_rules(State(state): State<AppState>, ctx: Ctx, Form(p): Form<Pairs>) -> AppResult<Response> {
    ctx.require(Action::ManageReferenceData)?;
    let chosen: Vec<String> = p.all("required_one_of").into_iter().map(str::to_owned).collect();
    let f: RulesForm = p.decode()?;
    match RulesProfile::parse(&f.min_open_days, &f.min_notice_days, &f.min_methods, &chosen, &f.on_violation) {
        Ok(profile) => {
            let json = serde_json::to_string(&profile).map_err(|e| AppError::Internal(e.to_string()))?;
            agora_db::settings::put(&state.db, RULES_KEY, &json, &ctx.audit("rules.update", "settings", json.clone()))
                .await?;
            Ok(redirect("/admin/zasady?ok=flash-saved").into_response())
        }
        Err(inv) => render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &RulesTpl {
                ctx: &ctx,
                min_open_days: f.min_open_days,
                min_notice_days: f.min_notice_days,
                min_methods: f.min_methods,
                methods: method_checks(&ctx, &chosen),
                on_violation: f.on_violation,
                errors: FormErrors::from_invalid(&inv, ctx.lang),
                notice: None,
            },
        ),
    }
}

// ---- programme ----

struct ItemView {
    id: i64,
    label: String,
    detail: String,
    attendance: Option<String>,
    is_event: bool,
}

#[derive(Template)]
#[template(path = "organiser/programme.html")]
struct ProgrammeTpl<'a> {
    ctx: &'a Ctx,
    c: Consultation,
    steps: Vec<ItemView>,
    methods: Vec<ItemView>,
    events: Vec<ItemView>,
    kinds: Vec<Opt>,
    form: Pairs,
    errors: FormErrors,
    notice: Option<String>,
}

async fn programme_view(
    state: &AppState,
    ctx: &Ctx,
    c: Consultation,
    form: Pairs,
    errors: FormErrors,
    notice: Option<String>,
) -> AppResult<Response> {
    let lang = ctx.lang;
    let steps = programme::schedule(&state.db, c.id)
        .await?
        .into_iter()
        .map(|s| ItemView {
            id: s.id,
            label: s.title,
            detail: match s.ends_on {
                Some(e) => format!("{} – {}", time::day(lang, s.starts_on), time::day(lang, e)),
                None => time::day(lang, s.starts_on),
            },
            attendance: None,
            is_event: false,
        })
        .collect();
    let methods = programme::methods(&state.db, c.id)
        .await?
        .into_iter()
        .map(|m| ItemView {
            id: m.id,
            label: ctx.t(&format!("method-{}", m.kind)),
            detail: [Some(m.description), m.channel_address]
                .into_iter()
                .flatten()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(" — "),
            attendance: None,
            is_event: false,
        })
        .collect();
    let events = programme::events(&state.db, c.id)
        .await?
        .into_iter()
        .map(|e| ItemView {
            id: e.id,
            label: format!("{}: {}", ctx.t(&format!("method-{}", e.kind)), e.title),
            // A consultation point open for weeks shows both ends, and its hours.
            detail: [Some(time::span(lang, e.starts_at, e.ends_at)), e.opening_hours]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" — "),
            attendance: Some(e.attendance.map(|a| a.to_string()).unwrap_or_default()),
            is_event: true,
        })
        .collect();
    let kinds = options::<MethodKind>(ctx.lang, "method-");
    let tpl = ProgrammeTpl { ctx, c, steps, methods, events, kinds, form, errors, notice };
    render_form(&tpl.errors, &tpl)
}

async fn programme_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<OkQuery>,
) -> AppResult<Response> {
    let c = consultation_to_manage(&state, &ctx, id).await?;
    programme_view(&state, &ctx, c, Pairs::default(), FormErrors::default(), q.notice(&ctx)).await
}

fn back_to_programme(id: i64) -> Response {
    redirect(&format!("/admin/konsultacje/{id}/program?ok=flash-saved")).into_response()
}

/// A schedule step as the programme page submits it (kept as pairs too, to redraw the page).
#[derive(Deserialize, Default)]
#[serde(default)]
struct StepForm {
    step_title: String,
    step_starts_on: String,
    step_ends_on: String,
    step_description: String,
}

/// A method as the programme page submits it.
#[derive(Deserialize, Default)]
#[serde(default)]
struct MethodForm {
    method_kind: String,
    method_description: String,
    method_address: String,
    method_deadline: String,
}

/// The attendance recorded for a past event: empty clears it.
#[derive(Deserialize, Default)]
#[serde(default)]
struct AttendanceForm {
    attendance: String,
}

/// The schedule step a form submits.
fn parse_step(p: &Pairs) -> AppResult<Result<StepInput, Invalid>> {
    let f: StepForm = p.decode()?;
    let (s, e) = (f.step_starts_on.as_str(), f.step_ends_on.as_str());
    Ok(StepInput::parse(&f.step_title, s, time::parse_date(s), e, time::parse_date(e), &f.step_description))
}

/// The method a form submits.
fn parse_method(p: &Pairs) -> AppResult<Result<MethodInput, Invalid>> {
    let f: MethodForm = p.decode()?;
    let d = f.method_deadline.as_str();
    Ok(MethodInput::parse(&f.method_kind, &f.method_description, &f.method_address, d, time::parse_local(d)))
}

/// The event a form submits.
fn parse_event(p: &Pairs) -> AppResult<Result<NewEvent, Invalid>> {
    let f: EventForm = p.decode()?;
    Ok(EventInput::parse(&f, time::parse_local(&f.event_starts_at), time::parse_local(&f.event_ends_at)).map(|e| {
        NewEvent {
            kind: e.kind,
            title: e.title,
            starts_at: e.starts_at,
            ends_at: e.ends_at,
            address: e.address,
            room: e.room,
            accessibility: e.accessibility,
            online_url: e.online_url,
            phone: e.phone,
            opening_hours: e.opening_hours,
            description: e.description,
        }
    }))
}

async fn add_step(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(p): Form<Pairs>,
) -> AppResult<Response> {
    let c = consultation_to_manage(&state, &ctx, id).await?;
    match parse_step(&p)? {
        Ok(step) => {
            programme::add_schedule_item(
                &state.db,
                id,
                &step.title,
                step.starts_on,
                step.ends_on,
                &step.description,
                &audit(&ctx, "consultation.schedule.add", step.title.clone()),
            )
            .await?;
            Ok(back_to_programme(id))
        }
        Err(inv) => programme_view(&state, &ctx, c, p, FormErrors::from_invalid(&inv, ctx.lang), None).await,
    }
}

async fn add_method(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(p): Form<Pairs>,
) -> AppResult<Response> {
    let c = consultation_to_manage(&state, &ctx, id).await?;
    match parse_method(&p)? {
        Ok(m) => {
            programme::add_method(
                &state.db,
                id,
                m.kind.as_str(),
                &m.description,
                m.channel_address.as_deref(),
                m.deadline,
                &audit(&ctx, "consultation.method.add", m.kind.as_str().into()),
            )
            .await?;
            Ok(back_to_programme(id))
        }
        Err(inv) => programme_view(&state, &ctx, c, p, FormErrors::from_invalid(&inv, ctx.lang), None).await,
    }
}

async fn add_event(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(p): Form<Pairs>,
) -> AppResult<Response> {
    let c = consultation_to_manage(&state, &ctx, id).await?;
    match parse_event(&p)? {
        Ok(new) => {
            programme::add_event(&state.db, id, &new, &audit(&ctx, "consultation.event.add", new.title.clone()))
                .await?;
            Ok(back_to_programme(id))
        }
        Err(inv) => programme_view(&state, &ctx, c, p, FormErrors::from_invalid(&inv, ctx.lang), None).await,
    }
}

/// The part of the programme an address names.
fn part_of(segment: &str) -> AppResult<Part> {
    match segment {
        "harmonogram" => Ok(Part::Schedule),
        "metody" => Ok(Part::Method),
        "wydarzenia" => Ok(Part::Event),
        _ => Err(AppError::NotFound),
    }
}

#[derive(Template)]
#[template(path = "organiser/programme_item.html")]
struct ItemTpl<'a> {
    ctx: &'a Ctx,
    c: Consultation,
    /// The address segment of the part: "harmonogram", "metody" or "wydarzenia".
    part: String,
    item: i64,
    /// What is edited, for the heading.
    label: String,
    kinds: Vec<Opt>,
    form: Pairs,
    errors: FormErrors,
}

fn pairs(fields: Vec<(&str, String)>) -> Pairs {
    Pairs(fields.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
}

async fn item_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, part, item)): Path<(i64, String, i64)>,
) -> AppResult<Response> {
    let c = consultation_to_manage(&state, &ctx, id).await?;
    let opt = |v: Option<String>| v.unwrap_or_default();
    let (label, form) = match part_of(&part)? {
        Part::Schedule => {
            let s = programme::schedule_item(&state.db, id, item).await?.ok_or(AppError::NotFound)?;
            let form = pairs(vec![
                ("step_title", s.title.clone()),
                ("step_starts_on", s.starts_on.to_string()),
                ("step_ends_on", s.ends_on.map(|d| d.to_string()).unwrap_or_default()),
                ("step_description", s.description),
            ]);
            (s.title, form)
        }
        Part::Method => {
            let m = programme::method(&state.db, id, item).await?.ok_or(AppError::NotFound)?;
            let form = pairs(vec![
                ("method_kind", m.kind.as_str().to_owned()),
                ("method_description", m.description),
                ("method_address", opt(m.channel_address)),
                ("method_deadline", m.deadline.map(time::input_value).unwrap_or_default()),
            ]);
            (ctx.t(&format!("method-{}", m.kind)), form)
        }
        Part::Event => {
            let e = programme::event(&state.db, id, item).await?.ok_or(AppError::NotFound)?;
            let form = pairs(vec![
                ("event_kind", e.kind.as_str().to_owned()),
                ("event_title", e.title.clone()),
                ("event_starts_at", time::input_value(e.starts_at)),
                ("event_ends_at", time::input_value(e.ends_at)),
                ("event_address", opt(e.address)),
                ("event_room", opt(e.room)),
                ("event_online_url", opt(e.online_url)),
                ("event_phone", opt(e.phone)),
                ("event_opening_hours", opt(e.opening_hours)),
                ("event_accessibility", opt(e.accessibility)),
                ("event_description", e.description),
            ]);
            (e.title, form)
        }
    };
    let kinds = options::<MethodKind>(ctx.lang, "method-");
    render(&ItemTpl { ctx: &ctx, c, part, item, label, kinds, form, errors: FormErrors::default() })
}

async fn save_item(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, part, item)): Path<(i64, String, i64)>,
    Form(p): Form<Pairs>,
) -> AppResult<Response> {
    let c = consultation_to_manage(&state, &ctx, id).await?;
    let which = part_of(&part)?;
    let (saved, label) = match which {
        Part::Schedule => match parse_step(&p)? {
            Ok(step) => {
                let entry = audit(&ctx, "consultation.schedule.update", step.title.clone());
                let saved = programme::update_schedule_item(&state.db, id, item, &step, &entry).await?;
                (Ok(saved), step.title)
            }
            Err(inv) => (Err(inv), p.get("step_title").to_owned()),
        },
        Part::Method => match parse_method(&p)? {
            Ok(m) => {
                let entry = audit(&ctx, "consultation.method.update", m.kind.as_str().into());
                let saved = programme::update_method(&state.db, id, item, &m, &entry).await?;
                (Ok(saved), String::new())
            }
            Err(inv) => {
                let kind = MethodKind::parse(p.get("method_kind"));
                (Err(inv), kind.map(|k| ctx.t(&format!("method-{k}"))).unwrap_or_default())
            }
        },
        Part::Event => match parse_event(&p)? {
            Ok(e) => {
                let entry = audit(&ctx, "consultation.event.update", e.title.clone());
                (Ok(programme::update_event(&state.db, id, item, &e, &entry).await?), e.title)
            }
            Err(inv) => (Err(inv), p.get("event_title").to_owned()),
        },
    };
    match saved {
        Ok(true) => Ok(back_to_programme(id)),
        Ok(false) => Err(AppError::NotFound),
        Err(inv) => {
            let kinds = options::<MethodKind>(ctx.lang, "method-");
            let errors = FormErrors::from_invalid(&inv, ctx.lang);
            render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &ItemTpl { ctx: &ctx, c, part, item, label, kinds, form: p, errors },
            )
        }
    }
}

async fn set_attendance(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, event)): Path<(i64, i64)>,
    Form(p): Form<Pairs>,
) -> AppResult<Response> {
    let c = consultation_to_manage(&state, &ctx, id).await?;
    let f: AttendanceForm = p.decode()?;
    let raw = f.attendance.trim();
    let value = if raw.is_empty() {
        Ok(None)
    } else {
        raw.parse::<i32>()
            .ok()
            .filter(|n| (0..=1_000_000).contains(n))
            .map(Some)
            .ok_or(FieldError::new("attendance", "number-invalid"))
    };
    match value {
        Ok(v) => {
            if !programme::set_attendance(
                &state.db,
                id,
                event,
                v,
                &audit(&ctx, "consultation.event.attendance", format!("{event}: {raw}")),
            )
            .await?
            {
                return Err(AppError::NotFound);
            }
            Ok(back_to_programme(id))
        }
        Err(e) => programme_view(&state, &ctx, c, p, FormErrors::from_invalid(&e.into(), ctx.lang), None).await,
    }
}

async fn remove_part(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, part, item)): Path<(i64, String, i64)>,
) -> AppResult<Response> {
    consultation_to_manage(&state, &ctx, id).await?;
    let part = part_of(&part)?;
    if !programme::remove(
        &state.db,
        part,
        id,
        item,
        &audit(&ctx, "consultation.programme.remove", format!("{part:?} {item}")),
    )
    .await?
    {
        return Err(AppError::NotFound);
    }
    Ok(back_to_programme(id))
}

// ---- documents ----

struct DocRow {
    id: i64,
    title: String,
    kind: String,
    versions: Vec<(i32, String, String)>,
}

#[derive(Template)]
#[template(path = "organiser/documents.html")]
struct DocumentsTpl<'a> {
    ctx: &'a Ctx,
    c: Consultation,
    docs: Vec<DocRow>,
    kinds: Vec<Opt>,
    title: String,
    kind: String,
    errors: FormErrors,
    notice: Option<String>,
    max_mb: usize,
}

async fn documents_view(
    state: &AppState,
    ctx: &Ctx,
    c: Consultation,
    title: String,
    kind: String,
    errors: FormErrors,
    notice: Option<String>,
) -> AppResult<Response> {
    let docs = agora_db::documents::list(&state.db, c.id)
        .await?
        .into_iter()
        .map(|d| DocRow {
            versions: d
                .versions
                .iter()
                .map(|v| {
                    (v.version, v.filename.clone(), format!("/konsultacje/{}/dokumenty/{}/{}", c.slug, d.id, v.version))
                })
                .collect(),
            kind: ctx.t(&format!("doc-kind-{}", d.kind)),
            id: d.id,
            title: d.title,
        })
        .collect();
    let kinds = options::<DocumentKind>(ctx.lang, "doc-kind-");
    let tpl = DocumentsTpl { ctx, c, docs, kinds, title, kind, errors, notice, max_mb: MAX_FILE_BYTES / 1024 / 1024 };
    render_form(&tpl.errors, &tpl)
}

async fn documents_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<OkQuery>,
) -> AppResult<Response> {
    let c = consultation_to_manage(&state, &ctx, id).await?;
    documents_view(
        &state,
        &ctx,
        c,
        String::new(),
        DocumentKind::Draft.as_str().into(),
        FormErrors::default(),
        q.notice(&ctx),
    )
    .await
}

struct Upload {
    title: String,
    kind: String,
    document: Option<i64>,
    filename: String,
    bytes: Vec<u8>,
    too_big: bool,
}

async fn upload(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>, mp: Multipart) -> AppResult<Response> {
    let c = consultation_to_manage(&state, &ctx, id).await?;
    let (fields, file) = crate::forms::read_multipart(mp, "file", MAX_FILE_BYTES).await?;
    let up = Upload {
        title: fields.get("title").to_owned(),
        kind: fields.get("kind").to_owned(),
        document: fields.get("document").trim().parse().ok(),
        filename: file.name,
        bytes: file.bytes,
        too_big: file.too_big,
    };
    let mut inv = Invalid::default();
    let kind = DocumentKind::parse(&up.kind);
    if up.document.is_none() {
        inv.check(bounded_text("title", &up.title, 2, 300));
        if kind.is_none() {
            inv.push(FieldError::new("kind", "choice-invalid"));
        }
    }
    let file_type = inv.check(check_file(&up.bytes, up.too_big, MAX_FILE_BYTES, true)).flatten();
    let (Some(file_type), true) = (file_type, inv.is_empty()) else {
        return documents_view(&state, &ctx, c, up.title, up.kind, FormErrors::from_invalid(&inv, ctx.lang), None)
            .await;
    };
    let size = up.bytes.len() as i64;
    let key = store_file(&state, &format!("documents/{id}"), up.bytes, file_type).await?;
    let path = object_store::path::Path::from(key.as_str());
    let file = agora_db::documents::NewFile {
        filename: clean_filename(&up.filename, file_type.extension()),
        content_type: file_type.mime().into(),
        size_bytes: size,
        storage_key: key,
    };
    let by = ctx.user.as_ref().map(|u| u.email.clone()).unwrap_or_default();
    let title = up.title.trim().to_owned();
    let result = match up.document {
        None => agora_db::documents::add(
            &state.db,
            id,
            kind.map_or("other", |k| k.as_str()),
            &title,
            &file,
            &by,
            &audit(&ctx, "consultation.document.add", title.clone()),
        )
        .await
        .map(Some),
        Some(doc) => agora_db::documents::add_version(
            &state.db,
            id,
            doc,
            &file,
            &by,
            &audit(&ctx, "consultation.document.version", format!("{doc}")),
        )
        .await
        .map(|v| v.map(i64::from)),
    };
    match result {
        Ok(Some(_)) => Ok(redirect(&format!("/admin/konsultacje/{id}/dokumenty?ok=flash-uploaded")).into_response()),
        other => {
            // Nothing half-stored: the file goes if its record could not be written.
            let _ = state.storage.delete(&path).await;
            match other {
                Ok(_) => Err(AppError::NotFound),
                Err(e) => Err(e.into()),
            }
        }
    }
}
