//! Accessibility: the easy-to-read and sign-language pages about the site, requests for an
//! accessible alternative of a page or document with their receipt, and the staff list of
//! those requests against the statutory seven-day deadline.

use crate::client::ClientAddr;
use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::forms::FormErrors;
use crate::i18n::{Arg, Lang};
use crate::mail::{MAIL_JOB, Mail, payload};
use crate::render::{render, render_form, render_status};
use crate::state::AppState;
use crate::time;
use crate::urls::redirect;
use crate::views::access_requests::access_requests_seen;
use crate::views::content;
use agora_db::access_requests::{self, AccessRequest, Handled, NewAccessRequest};
use agora_db::advice::Job;
use agora_domain::Invalid;
use agora_domain::access_request::{self as rules, AccessRequestInput, Contact, Format};
use agora_domain::permission::Action;
use agora_domain::validation::bounded_text;
use askama::Template;
use axum::Router;
use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use chrono::Utc;
use serde::Deserialize;

/// Requests per page of the staff list.
const PER_PAGE: i64 = 50;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/deklaracja-dostepnosci", get(accessibility_statement))
        .route("/tekst-latwy-do-czytania", get(easy_read_page))
        .route("/jezyk-migowy", get(sign_language_page))
        .route("/regulamin", get(terms_page))
        .route("/deklaracja-dostepnosci/wniosek", get(request_form).post(submit_request))
        .route("/deklaracja-dostepnosci/wniosek/{token}", get(receipt))
        .route("/admin/wnioski-dostepnosci", get(staff_list))
        .route("/admin/wnioski-dostepnosci/{id}", get(staff_request).post(handle_request))
}

// ---- the information pages ----

async fn accessibility_statement(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    content::content_page(&state, &ctx, content::ACCESSIBILITY_SLUG).await
}

async fn easy_read_page(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    content::content_page(&state, &ctx, content::EASY_READ_SLUG).await
}

async fn sign_language_page(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    content::content_page(&state, &ctx, content::SIGN_LANGUAGE_SLUG).await
}

async fn terms_page(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    content::content_page(&state, &ctx, content::TERMS_SLUG).await
}

// ---- the request form ----

#[derive(Debug, Default, Deserialize, Clone)]
#[serde(default)]
struct RequestForm {
    subject: String,
    format: String,
    details: String,
    contact: String,
    name: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct FormQuery {
    /// The page the visitor came from, offered as the subject.
    adres: String,
}

struct Choice {
    /// The first choice carries the group's id, so the error summary's link lands on a control.
    id: String,
    value: &'static str,
    label: String,
    hint: String,
}

#[derive(Template)]
#[template(path = "access/form.html")]
struct FormTpl<'a> {
    ctx: &'a Ctx,
    form: RequestForm,
    formats: Vec<Choice>,
    errors: FormErrors,
}

fn format_choices(ctx: &Ctx) -> Vec<Choice> {
    Format::ALL
        .into_iter()
        .enumerate()
        .map(|(i, f)| Choice {
            id: if i == 0 { "format".to_owned() } else { format!("format-{}", f.as_str()) },
            value: f.as_str(),
            label: ctx.t(&format!("access-format-{}", f.as_str())),
            hint: ctx.t(&format!("access-format-{}-hint", f.as_str())),
        })
        .collect()
}

fn form_page(ctx: &Ctx, form: RequestForm, errors: FormErrors) -> AppResult<Response> {
    let tpl = FormTpl { ctx, formats: format_choices(ctx), form, errors };
    render_form(&tpl.errors, &tpl)
}

async fn request_form(ctx: Ctx, Query(q): Query<FormQuery>) -> AppResult<Response> {
    // Only a path on this site is offered, so that a crafted link cannot fill in anything else.
    let subject = match q.adres.trim() {
        a if a.starts_with('/')
            && !a.starts_with("//")
            && a.chars().count() <= rules::SUBJECT_MAX
            && !a.starts_with("/deklaracja-dostepnosci/wniosek") =>
        {
            a.to_owned()
        }
        _ => String::new(),
    };
    form_page(&ctx, RequestForm { subject, ..Default::default() }, FormErrors::default())
}

async fn submit_request(
    State(state): State<AppState>,
    ctx: Ctx,
    client: ClientAddr,
    Form(form): Form<RequestForm>,
) -> AppResult<Response> {
    let input = match AccessRequestInput::parse(&form.subject, &form.format, &form.details, &form.contact, &form.name) {
        Ok(i) => i,
        Err(inv) => return form_page(&ctx, form, FormErrors::from_invalid(&inv, ctx.lang)),
    };
    // Counted for a request with a phone number too: each one is work for the staff.
    let to = input.contact.email().map(|e| e.as_str().to_owned());
    if let Err(no) = crate::limits::messages(&state, &ctx, client, to.as_deref()).await? {
        let field = if no.mailbox { "contact" } else { "subject" };
        return no.answer(form_page(&ctx, form, FormErrors::general(field, no.message.clone(), ctx.lang)));
    }
    let consultation = match rules::consultation_slug(&input.subject) {
        Some(slug) => agora_db::consultation::by_slug(&state.db, slug).await?,
        None => None,
    };
    let (token, token_hash) = agora_db::new_token();
    let received_at = agora_db::now();
    let id = access_requests::create(
        &state.db,
        &NewAccessRequest {
            token_hash,
            subject: input.subject.clone(),
            format: input.format,
            details: input.details.clone(),
            contact: input.contact.as_str().to_owned(),
            name: input.name.clone(),
            lang: ctx.lang.code().to_owned(),
            user_id: ctx.user.as_ref().map(|u| u.id),
            consultation_id: consultation.as_ref().map(|c| c.id),
            unit_id: consultation.as_ref().map(|c| c.unit_id),
            received_at,
            due_at: rules::due(received_at),
        },
    )
    .await?;
    if let Some(email) = input.contact.email() {
        let args = [
            ("number", Arg::Str(number(id))),
            ("subject", Arg::Str(input.subject.clone())),
            ("format", Arg::Str(ctx.t(&format!("access-format-{}", input.format.as_str())))),
            ("due", Arg::Str(time::day(ctx.lang, time::local_date(rules::due(received_at))))),
            ("link", Arg::Str(format!("{}/deklaracja-dostepnosci/wniosek/{token}", state.config.base_url))),
        ];
        let mail = Mail {
            attachments: Vec::new(),
            unsubscribe: None,
            to: email.as_str().to_owned(),
            subject: ctx.t1("access-mail-subject", "number", number(id)),
            body: ctx.lang.t_args("access-mail-body", &args),
        };
        crate::jobs::queue_mail(&state, mail).await?;
    }
    Ok(redirect(&format!("/deklaracja-dostepnosci/wniosek/{token}")).into_response())
}

/// The number a request is known by, e.g. "WD/17".
fn number(id: i64) -> String {
    format!("WD/{id}")
}

// ---- the receipt ----

/// A request as pages show it.
struct RequestView {
    id: i64,
    number: String,
    subject: String,
    subject_href: Option<String>,
    format: String,
    details: String,
    contact: String,
    name: String,
    consultation: String,
    received: String,
    received_iso: String,
    due: String,
    due_iso: String,
    /// Translated "3 days left" / "due today" / "2 days overdue".
    due_note: String,
    overdue: bool,
    handled: Option<String>,
    handled_by: String,
}

fn view(ctx: &Ctx, r: AccessRequest, now: chrono::DateTime<Utc>) -> RequestView {
    let days = time::days_until(now, r.due_at);
    let overdue = r.handled_at.is_none() && r.due_at < now;
    let due_note = if r.handled_at.is_some() {
        String::new()
    } else if overdue {
        ctx.t1("access-overdue-days", "count", (-days).max(0))
    } else if days == 0 {
        ctx.t("access-due-today")
    } else {
        ctx.t1("access-days-left", "count", days)
    };
    // Only addresses on this site become links; anything else is shown as typed.
    let subject_href = r.subject.starts_with('/').then(|| r.subject.clone()).filter(|s| !s.starts_with("//"));
    RequestView {
        id: r.id,
        number: number(r.id),
        subject_href,
        subject: r.subject,
        format: ctx.t(&format!("access-format-{}", r.format)),
        details: r.details.unwrap_or_default(),
        contact: r.contact,
        name: r.name.unwrap_or_default(),
        consultation: r.consultation_title.unwrap_or_default(),
        received: time::day_time(ctx.lang, r.received_at),
        received_iso: r.received_at.to_rfc3339(),
        due: time::day_time(ctx.lang, r.due_at),
        due_iso: r.due_at.to_rfc3339(),
        due_note,
        overdue,
        handled: r.handled_at.map(|t| time::day_time(ctx.lang, t)),
        handled_by: r.handled_by.unwrap_or_default(),
    }
}

#[derive(Template)]
#[template(path = "access/receipt.html")]
struct ReceiptTpl<'a> {
    ctx: &'a Ctx,
    r: RequestView,
}

async fn receipt(State(state): State<AppState>, ctx: Ctx, Path(token): Path<String>) -> AppResult<Response> {
    let r = access_requests::by_token(&state.db, &token).await?.ok_or(AppError::NotFound)?;
    render(&ReceiptTpl { r: view(&ctx, r, Utc::now()), ctx: &ctx })
}

// ---- staff ----

/// Whether the signed-in person may see and handle request `r`.
fn may_handle(ctx: &Ctx, r: &AccessRequest) -> bool {
    ctx.can(Action::ManageReferenceData) || r.unit_id.is_some_and(|u| ctx.can(Action::ManageUnit(u)))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ListQuery {
    stan: String,
    strona: String,
    ok: String,
}

#[derive(Template)]
#[template(path = "access/list.html")]
struct ListTpl<'a> {
    ctx: &'a Ctx,
    rows: Vec<RequestView>,
    stan: &'static str,
    total: i64,
    open: i64,
    overdue: i64,
    page: i64,
    pages: i64,
    notice: Option<String>,
}

async fn staff_list(State(state): State<AppState>, ctx: Ctx, Query(q): Query<ListQuery>) -> AppResult<Response> {
    let visible = access_requests_seen(&ctx)?;
    let (handled, stan) = match q.stan.as_str() {
        "zalatwione" => (Handled::Done, "zalatwione"),
        "wszystkie" => (Handled::All, "wszystkie"),
        _ => (Handled::Open, "otwarte"),
    };
    let page = q.strona.parse::<i64>().unwrap_or(1).clamp(1, 100_000);
    let now = Utc::now();
    let list = access_requests::list(&state.db, &visible, handled, PER_PAGE, (page - 1) * PER_PAGE).await?;
    let (open, overdue) = access_requests::open_counts(&state.db, &visible, now).await?;
    render(&ListTpl {
        ctx: &ctx,
        pages: ((list.total + PER_PAGE - 1) / PER_PAGE).max(1),
        total: list.total,
        rows: list.items.into_iter().map(|r| view(&ctx, r, now)).collect(),
        stan,
        open,
        overdue,
        page,
        notice: super::common::notice(&ctx, &q.ok),
    })
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct HandleForm {
    note: String,
}

#[derive(Template)]
#[template(path = "access/request.html")]
struct RequestTpl<'a> {
    ctx: &'a Ctx,
    r: RequestView,
    note: String,
    errors: FormErrors,
    notice: Option<String>,
}

async fn load(state: &AppState, ctx: &Ctx, id: i64) -> AppResult<AccessRequest> {
    ctx.require(Action::EnterStaffArea)?;
    let r = access_requests::by_id(&state.db, id).await?.ok_or(AppError::NotFound)?;
    if may_handle(ctx, &r) { Ok(r) } else { Err(AppError::Forbidden) }
}

async fn staff_request(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<ListQuery>,
) -> AppResult<Response> {
    let r = load(&state, &ctx, id).await?;
    let note = r.note.clone().unwrap_or_default();
    render(&RequestTpl {
        r: view(&ctx, r, Utc::now()),
        note,
        errors: FormErrors::default(),
        notice: super::common::notice(&ctx, &q.ok),
        ctx: &ctx,
    })
}

async fn handle_request(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(f): Form<HandleForm>,
) -> AppResult<Response> {
    let r = load(&state, &ctx, id).await?;
    let note = match bounded_text("note", &f.note, 3, rules::NOTE_MAX) {
        Ok(n) => n,
        Err(e) => {
            let errors = FormErrors::from_invalid(&Invalid::from(e), ctx.lang);
            let tpl = RequestTpl { r: view(&ctx, r, Utc::now()), note: f.note, errors, notice: None, ctx: &ctx };
            return render_status(StatusCode::UNPROCESSABLE_ENTITY, &tpl);
        }
    };
    let who = ctx.user.as_ref().map(|u| u.display_name.clone()).unwrap_or_default();
    let entry = ctx.audit("access_request.handle", "access_request", format!("{} {}", number(id), r.subject));
    // The person who asked hears of it in the language they asked in; the note is for the
    // staff and stays with them.
    let first_mail = match Contact::parse(&r.contact) {
        Ok(Contact::Email(email)) => {
            let lang = Lang::parse(&r.lang).unwrap_or_default();
            let args = [("number", Arg::Str(number(id))), ("subject", Arg::Str(r.subject.clone()))];
            let mail = Mail {
                attachments: Vec::new(),
                unsubscribe: None,
                to: email.as_str().to_owned(),
                subject: lang.t_args("access-mail-handled-subject", &args[..1]),
                body: lang.t_args("access-mail-handled-body", &args),
            };
            Some(Job { kind: MAIL_JOB, payload: payload(&mail) })
        }
        _ => None,
    };
    if !access_requests::mark_handled(&state.db, id, &who, &note, &entry, first_mail.as_ref()).await? {
        return Err(AppError::NotFound);
    }
    state.jobs_waiting.notify_one();
    Ok(redirect("/admin/wnioski-dostepnosci?ok=flash-access-handled").into_response())
}
