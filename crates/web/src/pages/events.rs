//! Standalone events: the public list `/wydarzenia` with its filters, an event's page with the
//! registration form, a person's own registration behind its link (code, cancelling, taking an
//! offered place, the calendar entry), "Moje wydarzenia" for a signed-in person, and the
//! organisers' screens (the event form, the participants with their needs and answers,
//! check-in at the door, cancelling, and what comes afterwards). Who keeps an event is its
//! organiser's rule in `domain::event` (`Organiser::may_keep`).

use super::common::{OkQuery, Opt, options};
use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::forms::{FormErrors, Pairs};
use crate::i18n::{Lang, localized};
use crate::render::{render, render_form, render_public, render_status};
use crate::state::AppState;
use crate::time;
use crate::urls::redirect;
use agora_db::events::{CheckIn, CityEvent, EventFilter, NewRegistration, RegOutcome, RegistrationRow};
use agora_domain::event::{
    ANSWER_FIELDS, AccessNeed, Choices, CityEventForm, EventKind, FormTimes, Organiser, Placement, RegistrationForm,
    SeriesForm, Window, answers, code_from, may_keep_some, needs_summary, normalise_code,
};
use askama::Template;
use axum::Router;
use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use chrono::{DateTime, Utc};
use serde::Deserialize;

/// Events on one page of the list.
const PER_PAGE: i64 = 20;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/wydarzenia", get(list_page))
        .route("/wydarzenia/{id}", get(event_page))
        .route("/wydarzenia/{id}/zapisy", post(register))
        .route("/wydarzenia/zgloszenie/{token}", get(mine))
        .route("/wydarzenia/zgloszenie/{token}/rezygnacja", post(cancel_mine))
        .route("/wydarzenia/zgloszenie/{token}/przyjmij", post(accept_offer))
        .route("/wydarzenia/zgloszenie/{token}/wydarzenie.ics", get(mine_ics))
        .route("/wydarzenia/zgloszenie/{token}/kod.svg", get(mine_qr))
        .route("/wydarzenia/zgloszenie/{token}/zaswiadczenie.pdf", get(attendance_certificate))
        .route("/wydarzenia/zgloszenie/{token}/ukonczenie.pdf", get(completion_certificate))
        .route("/akademia", get(academy_page))
        .route("/konto/wydarzenia", get(my_events))
        .route("/admin/wydarzenia", get(admin_list))
        .route("/admin/wydarzenia/nowe", get(new_event).post(create_event))
        .route("/admin/wydarzenia/serie", post(add_series))
        .route("/admin/wydarzenia/{id}", get(edit_event).post(update_event))
        .route("/admin/wydarzenia/{id}/uczestnicy", get(participants))
        .route("/admin/wydarzenia/{id}/obecnosc", post(check_in))
        .route("/admin/wydarzenia/{id}/odwolaj", post(cancel_event))
        .route("/admin/wydarzenia/{id}/po", post(afterwards))
        .route("/admin/wydarzenia/{id}/lista.pdf", get(sign_in_sheet))
        .route("/admin/wydarzenia/{id}/zaswiadczenia", post(send_certificates))
}

// ---- what lists show ----

/// An event as lists and cards show it.
pub struct EventCard {
    pub href: String,
    pub title: String,
    pub kind: String,
    pub when: String,
    pub iso: String,
    pub place: String,
    pub organiser: String,
    pub cancelled: bool,
    pub past: bool,
    /// "7 places left", "Full: waiting list", or nothing without registration.
    pub places: Option<String>,
}

/// Who organises `e`, in `lang`.
pub fn organiser_name(lang: Lang, e: &CityEvent) -> String {
    match (e.organiser(), e.organiser_name.clone()) {
        (Organiser::Centre, _) | (_, None) => lang.t("event-organiser-centre"),
        (Organiser::District(_), Some(name)) => lang.t_args("event-organiser-district", &[("name", name.into())]),
        (_, Some(pl)) => localized(lang, pl, e.organiser_name_en.clone()),
    }
}

fn places(lang: Lang, e: &CityEvent, now: DateTime<Utc>) -> Option<String> {
    let r = e.registration()?;
    if e.cancelled_at.is_some() || e.ends_at < now {
        return None;
    }
    Some(match (r.window(now, e.starts_at), e.free()) {
        (Window::Closed, _) => lang.t("event-registration-closed"),
        (_, None) => lang.t("event-places-unlimited"),
        (_, Some(0)) => lang.t("event-places-full"),
        (_, Some(n)) => lang.t_args("event-places-left", &[("count", n.into())]),
    })
}

/// The card of `e` as of `now`.
pub fn card(lang: Lang, e: &CityEvent, now: DateTime<Utc>) -> EventCard {
    EventCard {
        href: format!("/wydarzenia/{}", e.id),
        title: e.title.clone(),
        kind: lang.t(&format!("event-kind-{}", e.kind)),
        when: time::span(lang, e.starts_at, e.ends_at),
        iso: e.starts_at.to_rfc3339(),
        place: e.address.clone().unwrap_or_else(|| lang.t("event-online-only")),
        organiser: organiser_name(lang, e),
        cancelled: e.cancelled_at.is_some(),
        past: e.ends_at < now,
        places: places(lang, e, now),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ListQuery {
    rodzaj: String,
    dzielnica: String,
    organizator: String,
    archiwum: String,
    strona: String,
}

impl ListQuery {
    fn query_string(&self) -> String {
        let pairs = [
            ("rodzaj", &self.rodzaj),
            ("dzielnica", &self.dzielnica),
            ("organizator", &self.organizator),
            ("archiwum", &self.archiwum),
        ];
        pairs
            .iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| format!("{k}={}", crate::urls::url_encode(v)))
            .collect::<Vec<_>>()
            .join("&")
    }
}

#[derive(Template)]
#[template(path = "events/list.html")]
struct ListTpl<'a> {
    ctx: &'a Ctx,
    q: ListQuery,
    past: bool,
    items: Vec<EventCard>,
    total: i64,
    kinds: Vec<Opt>,
    districts: Vec<Opt>,
    organisers: Vec<Opt>,
    page: i64,
    pages: i64,
    pager_base: String,
}

/// Every organiser that has events, for the filter.
async fn organiser_options(state: &AppState, lang: Lang) -> AppResult<Vec<Opt>> {
    let mut out = vec![Opt { value: Organiser::Centre.key(), label: lang.t("event-organiser-centre") }];
    for u in agora_db::reference::units(&state.db).await? {
        out.push(Opt { value: Organiser::Unit(u.id).key(), label: localized(lang, u.name_pl, u.name_en) });
    }
    for d in agora_db::reference::districts(&state.db).await? {
        out.push(Opt {
            value: Organiser::District(d.id).key(),
            label: lang.t_args("event-organiser-district", &[("name", d.name.into())]),
        });
    }
    for b in agora_db::reference::named(&state.db, agora_db::reference::NamedKind::Body).await? {
        out.push(Opt { value: Organiser::Body(b.id).key(), label: localized(lang, b.name_pl, b.name_en) });
    }
    Ok(out)
}

async fn list_page(State(state): State<AppState>, ctx: Ctx, Query(q): Query<ListQuery>) -> AppResult<Response> {
    let now = Utc::now();
    let page = q.strona.trim().parse::<i64>().unwrap_or(1).clamp(1, 10_000);
    let past = q.archiwum == "1";
    let f = EventFilter {
        at: Some(now),
        past,
        kind: EventKind::parse(q.rodzaj.trim()),
        district: q.dzielnica.trim().parse().ok(),
        organiser: Organiser::parse(&q.organizator),
        ..EventFilter::default()
    };
    let found = agora_db::events::list(&state.db, &f, PER_PAGE, (page - 1) * PER_PAGE).await?;
    let tpl = ListTpl {
        ctx: &ctx,
        past,
        items: found.items.iter().map(|e| card(ctx.lang, e, now)).collect(),
        total: found.total,
        kinds: options::<EventKind>(ctx.lang, "event-kind-"),
        districts: super::common::district_options(&state).await?,
        organisers: organiser_options(&state, ctx.lang).await?,
        page,
        pages: (found.total + PER_PAGE - 1) / PER_PAGE,
        pager_base: format!("/wydarzenia?{}", q.query_string()),
        q,
    };
    render_public(&tpl, None)
}

// ---- an event's page and registering ----

/// A question of the organiser with the answer being typed.
struct AnswerView {
    field: &'static str,
    /// The question, marked optional.
    label: String,
    value: String,
}

#[derive(Template)]
#[template(path = "events/event.html")]
struct EventTpl<'a> {
    ctx: &'a Ctx,
    e: EventCard,
    id: i64,
    description: String,
    online_url: Option<String>,
    series: Option<String>,
    /// Its series, which the page offers to follow.
    series_id: Option<i64>,
    consultation: Option<(String, String)>,
    district: Option<String>,
    /// When registration opens or closes, in words.
    window: Option<String>,
    open: bool,
    /// Every place is taken: a registration joins the waiting list.
    full: bool,
    f: RegistrationForm,
    answers: Vec<AnswerView>,
    needs: Vec<(String, String, bool)>,
    materials: String,
    recording_url: Option<String>,
    summary: String,
    errors: FormErrors,
    /// Why a registration was not taken, when it was not.
    refusal: Option<String>,
    edit: Option<String>,
}

fn window_note(lang: Lang, e: &CityEvent, now: DateTime<Utc>) -> (Option<String>, bool) {
    let Some(r) = e.registration() else { return (None, false) };
    if e.cancelled_at.is_some() {
        return (None, false);
    }
    match r.window(now, e.starts_at) {
        Window::NotYet => {
            (Some(lang.t_args("event-registration-opens", &[("at", time::day_time(lang, r.opens_at).into())])), false)
        }
        Window::Open => (
            Some(lang.t_args(
                "event-registration-until",
                &[("at", time::day_time(lang, r.closes_at.min(e.starts_at)).into())],
            )),
            true,
        ),
        Window::Closed => (Some(lang.t("event-registration-closed")), false),
    }
}

struct Screen {
    f: RegistrationForm,
    answers: Vec<String>,
    errors: FormErrors,
    refusal: Option<String>,
}

fn event_tpl<'a>(ctx: &'a Ctx, e: &CityEvent, s: Screen) -> EventTpl<'a> {
    let now = Utc::now();
    let (window, open) = window_note(ctx.lang, e, now);
    let questions = e.questions();
    let answers = questions
        .into_iter()
        .zip(ANSWER_FIELDS)
        .enumerate()
        .map(|(i, (question, field))| AnswerView {
            field,
            label: format!("{question} {}", ctx.t("event-optional-mark")),
            value: s.answers.get(i).cloned().unwrap_or_default(),
        })
        .collect();
    let needs = AccessNeed::ALL
        .iter()
        .map(|n| (n.as_str().to_owned(), ctx.t(&format!("event-need-{n}")), s.f.needs.iter().any(|x| x == n.as_str())))
        .collect();
    EventTpl {
        ctx,
        e: card(ctx.lang, e, now),
        id: e.id,
        description: crate::markdown::to_html(&e.description),
        online_url: e.online_url.clone(),
        series: e.series_title.clone(),
        series_id: e.series_id,
        consultation: e.consultation_slug.clone().zip(e.consultation_title.clone()),
        district: e.district_name.clone(),
        window,
        open,
        full: e.free() == Some(0),
        f: s.f,
        answers,
        needs,
        materials: e.materials.as_deref().map(crate::markdown::to_html).unwrap_or_default(),
        recording_url: e.recording_url.clone(),
        summary: e.summary.as_deref().map(crate::markdown::to_html).unwrap_or_default(),
        errors: s.errors,
        refusal: s.refusal,
        edit: e
            .organiser()
            .may_keep(&ctx.user.as_ref().map(|u| u.grants.clone()).unwrap_or_default())
            .then(|| format!("/admin/wydarzenia/{}/uczestnicy", e.id)),
    }
}

async fn event_of(state: &AppState, id: i64) -> AppResult<CityEvent> {
    agora_db::events::get(&state.db, id).await?.ok_or(AppError::NotFound)
}

async fn event_page(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> AppResult<Response> {
    let e = event_of(&state, id).await?;
    let f = RegistrationForm {
        participant_name: ctx.user.as_ref().map(|u| u.display_name.clone()).unwrap_or_default(),
        participant_email: ctx.user.as_ref().map(|u| u.email.clone()).unwrap_or_default(),
        ..RegistrationForm::default()
    };
    let tpl = event_tpl(&ctx, &e, Screen { f, answers: Vec::new(), errors: FormErrors::default(), refusal: None });
    render_public(&tpl, None)
}

/// A new check-in code.
fn new_code() -> String {
    code_from(&rand::random::<[u8; agora_domain::event::CODE_LEN]>())
}

async fn register(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(p): Form<Pairs>,
) -> AppResult<Response> {
    // The places are counted under the writer's lock; the page shown again after a refusal
    // counts them for the reader.
    let e = agora_db::events::get_uncounted(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let f = RegistrationForm {
        participant_name: p.get("participant_name").to_owned(),
        participant_email: p.get("participant_email").to_owned(),
        needs: p.all("needs").into_iter().map(str::to_owned).collect(),
        need_other: p.get("need_other").to_owned(),
    };
    let sent: Vec<&str> = ANSWER_FIELDS.iter().map(|k| p.get(k)).collect();
    let typed: Vec<String> = sent.iter().map(|s| (*s).to_owned()).collect();
    let questions = e.questions();
    let parsed = (f.parse(), answers(questions.len(), &sent));
    let (input, given) = match parsed {
        (Ok(input), Ok(given)) => (input, given),
        (a, b) => {
            let mut inv = a.err().unwrap_or_default();
            inv.0.extend(b.err().unwrap_or_default().0);
            let mut errors = FormErrors::from_invalid(&inv, ctx.lang);
            for (q, field) in questions.iter().zip(ANSWER_FIELDS) {
                errors = errors.labelled(field, q.clone());
            }
            let e = event_of(&state, id).await?;
            let tpl = event_tpl(&ctx, &e, Screen { f, answers: typed, errors, refusal: None });
            return render_form(&tpl.errors, &tpl);
        }
    };
    let token = agora_db::random_token();
    let item = NewRegistration {
        event_id: id,
        account_id: ctx.user.as_ref().map(|u| u.id),
        name: input.name,
        email: input.email.as_str().to_owned(),
        lang: ctx.lang.code().to_owned(),
        needs: input.needs,
        need_other: input.need_other,
        answers: given,
        token: token.clone(),
        code: new_code(),
    };
    match state.registration_writer.submit(item).await? {
        RegOutcome::Stored { .. } => {
            state.jobs_waiting.notify_one();
            Ok(redirect(&format!("/wydarzenia/zgloszenie/{token}")).into_response())
        }
        RegOutcome::Gone => Err(AppError::NotFound),
        RegOutcome::Refused(r) => {
            let twice = r == agora_domain::event::Refusal::Twice;
            let (errors, refusal) = if twice {
                (FormErrors::general("participant_email", ctx.t(r.key()), ctx.lang), None)
            } else {
                (FormErrors::default(), Some(ctx.t(r.key())))
            };
            let e = event_of(&state, id).await?;
            let tpl = event_tpl(&ctx, &e, Screen { f, answers: typed, errors, refusal });
            render_status(StatusCode::CONFLICT, &tpl)
        }
    }
}

// ---- a person's own registration ----

#[derive(Template)]
#[template(path = "events/mine.html")]
struct MineTpl<'a> {
    ctx: &'a Ctx,
    e: EventCard,
    token: String,
    name: String,
    placement: Placement,
    status: String,
    code: String,
    offer_until: Option<String>,
    checked_in: bool,
    /// The series of the academy was completed: its certificate can be downloaded.
    completed: bool,
    notice: Option<String>,
}

/// A code as printed: `ABCD-EFGH`.
pub fn printed_code(code: &str) -> String {
    if code.len() == 8 { format!("{}-{}", &code[..4], &code[4..]) } else { code.to_owned() }
}

/// What a registration's state means, in words.
pub fn status_text(lang: Lang, r: &RegistrationRow, e: &CityEvent) -> String {
    if e.cancelled_at.is_some() {
        return lang.t("event-status-event-cancelled");
    }
    lang.t(&format!("event-status-{}", r.placement))
}

async fn registration_of(state: &AppState, token: &str) -> AppResult<(RegistrationRow, CityEvent)> {
    let r = agora_db::events::by_token(&state.db, token).await?.ok_or(AppError::NotFound)?;
    // What the person's pages show of the event needs no count of its places.
    let e = agora_db::events::get_uncounted(&state.db, r.event_id).await?.ok_or(AppError::NotFound)?;
    Ok((r, e))
}

async fn mine(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
    Query(q): Query<OkQuery>,
) -> AppResult<Response> {
    let (r, e) = registration_of(&state, &token).await?;
    let tpl = MineTpl {
        ctx: &ctx,
        e: card(ctx.lang, &e, Utc::now()),
        token,
        name: r.name.clone(),
        placement: r.placement,
        status: status_text(ctx.lang, &r, &e),
        code: printed_code(&r.code),
        offer_until: r.offer_until().map(|t| time::day_time(ctx.lang, t)),
        checked_in: r.checked_in_at.is_some(),
        completed: match e.series_id {
            Some(series) if r.checked_in_at.is_some() => completed(&state, series, &r).await?.is_some(),
            _ => false,
        },
        notice: q.notice(&ctx),
    };
    let mut resp = render(&tpl)?;
    // The link is the person's key to their registration: it stays out of other sites' logs.
    resp.headers_mut().insert("referrer-policy", axum::http::HeaderValue::from_static("no-referrer"));
    Ok(resp)
}

async fn cancel_mine(State(state): State<AppState>, Path(token): Path<String>) -> AppResult<Response> {
    use agora_db::events::Cancelled;
    match agora_db::events::cancel(&state.db, &token).await? {
        Cancelled::Gone => Err(AppError::NotFound),
        Cancelled::Already | Cancelled::Done { .. } => {
            state.jobs_waiting.notify_one();
            Ok(redirect(&format!("/wydarzenia/zgloszenie/{token}?ok=flash-event-cancelled-mine")).into_response())
        }
    }
}

async fn accept_offer(State(state): State<AppState>, ctx: Ctx, Path(token): Path<String>) -> AppResult<Response> {
    let (r, _) = registration_of(&state, &token).await?;
    if agora_db::events::accept_offer(&state.db, &token).await? {
        state.jobs_waiting.notify_one();
        return Ok(redirect(&format!("/wydarzenia/zgloszenie/{token}?ok=flash-event-offer-taken")).into_response());
    }
    let key = if r.placement == Placement::Confirmed { "event-offer-taken-already" } else { "event-offer-expired" };
    let tpl = crate::render::MessageTpl {
        ctx: &ctx,
        title: ctx.t("event-offer-title"),
        message: ctx.t(key),
        link: Some((format!("/wydarzenia/zgloszenie/{token}"), ctx.t("event-mine-back"))),
        back: None,
    };
    render_status(StatusCode::GONE, &tpl)
}

async fn mine_ics(State(state): State<AppState>, ctx: Ctx, Path(token): Path<String>) -> AppResult<Response> {
    let (_, e) = registration_of(&state, &token).await?;
    let body = event_ics(&state, ctx.lang, &e);
    Ok(super::consultations::ics_response(body, &format!("wydarzenie-{}", e.id)))
}

/// The entry code as a QR code. It holds the address of the organiser's check-in screen with
/// the code filled in, so a phone at the door opens it ready to confirm; for anyone else the
/// address leads to a sign-in.
async fn mine_qr(State(state): State<AppState>, Path(token): Path<String>) -> AppResult<Response> {
    let (r, e) = registration_of(&state, &token).await?;
    if r.placement != Placement::Confirmed {
        return Err(AppError::NotFound);
    }
    let target = format!("{}/admin/wydarzenia/{}/uczestnicy?kod={}", state.config.base_url, e.id, r.code);
    let code = qrcode::QrCode::new(target.as_bytes()).map_err(|e| AppError::Internal(e.to_string()))?;
    let svg = code.render::<qrcode::render::svg::Color<'_>>().min_dimensions(200, 200).quiet_zone(true).build();
    Ok((
        [
            (axum::http::header::CONTENT_TYPE, "image/svg+xml"),
            (axum::http::header::CACHE_CONTROL, "private, no-store"),
            (axum::http::header::REFERRER_POLICY, "no-referrer"),
        ],
        svg,
    )
        .into_response())
}

/// One event as a calendar file, for the confirmation mail and the person's page.
pub fn event_ics(state: &AppState, lang: Lang, e: &CityEvent) -> String {
    let entry = city_event_entry(state, lang, e);
    super::consultations::ics_body(&e.title, std::slice::from_ref(&entry))
}

/// A standalone event as a calendar entry.
pub(super) fn city_event_entry(state: &AppState, lang: Lang, e: &CityEvent) -> super::consultations::IcsEntry {
    super::consultations::IcsEntry::new(
        format!("city-event-{}@{}", e.id, crate::urls::host_of(&state.config.base_url)),
        (e.starts_at, e.ends_at),
        e.title.clone(),
        format!("{}\n{}", organiser_name(lang, e), e.online_url.clone().unwrap_or_default()).trim().to_owned(),
        e.address.clone().or_else(|| e.online_url.clone()).unwrap_or_default(),
        format!("{}/wydarzenia/{}", state.config.base_url, e.id),
        e.updated_at,
    )
}

// ---- "Moje wydarzenia" ----

struct MyRow {
    e: EventCard,
    status: String,
    href: String,
}

#[derive(Template)]
#[template(path = "events/my_events.html")]
struct MyTpl<'a> {
    ctx: &'a Ctx,
    coming: Vec<MyRow>,
    past: Vec<MyRow>,
}

async fn my_events(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let user = ctx.require_user()?;
    let now = Utc::now();
    let mut coming = Vec::new();
    let mut past = Vec::new();
    for (r, e) in agora_db::events::of_person(&state.db, user.id, &user.email).await? {
        let row = MyRow {
            e: card(ctx.lang, &e, now),
            status: status_text(ctx.lang, &r, &e),
            href: format!("/wydarzenia/zgloszenie/{}", r.token),
        };
        if e.ends_at < now { past.push((e.starts_at, row)) } else { coming.push((e.starts_at, row)) }
    }
    coming.sort_by_key(|(at, _)| *at);
    past.sort_by_key(|(at, _)| std::cmp::Reverse(*at));
    let strip = |v: Vec<(DateTime<Utc>, MyRow)>| v.into_iter().map(|(_, r)| r).collect();
    render(&MyTpl { ctx: &ctx, coming: strip(coming), past: strip(past) })
}

// ---- the organisers' screens ----

/// The organisers the signed-in person keeps events for, and the same as a drop-down's options.
async fn kept_organisers(state: &AppState, ctx: &Ctx) -> AppResult<(Vec<Organiser>, Vec<Opt>)> {
    let user = ctx.require_user()?;
    if !may_keep_some(&user.grants) {
        return Err(AppError::Forbidden);
    }
    let mut kept = Vec::new();
    let mut options = Vec::new();
    for o in organiser_options(state, ctx.lang).await? {
        if let Some(org) = Organiser::parse(&o.value).filter(|org| org.may_keep(&user.grants)) {
            kept.push(org);
            options.push(o);
        }
    }
    Ok((kept, options))
}

/// The event `id` if the signed-in person keeps its organiser's events.
async fn kept_event(state: &AppState, ctx: &Ctx, id: i64) -> AppResult<CityEvent> {
    let user = ctx.require_user()?;
    let e = event_of(state, id).await?;
    if e.organiser().may_keep(&user.grants) { Ok(e) } else { Err(AppError::Forbidden) }
}

#[derive(Template)]
#[template(path = "events/admin_list.html")]
struct AdminListTpl<'a> {
    ctx: &'a Ctx,
    rows: Vec<(i64, EventCard)>,
    series: Vec<String>,
    organisers: Vec<Opt>,
    sf: SeriesForm,
    errors: FormErrors,
    notice: Option<String>,
}

async fn admin_list(State(state): State<AppState>, ctx: Ctx, Query(q): Query<OkQuery>) -> AppResult<Response> {
    admin_list_view(&state, &ctx, SeriesForm::default(), FormErrors::default(), q.notice(&ctx)).await
}

async fn add_series(State(state): State<AppState>, ctx: Ctx, Form(sf): Form<SeriesForm>) -> AppResult<Response> {
    let (kept, _) = kept_organisers(&state, &ctx).await?;
    let input = match sf.parse(&kept) {
        Ok(input) => input,
        Err(inv) => return admin_list_view(&state, &ctx, sf, FormErrors::from_invalid(&inv, ctx.lang), None).await,
    };
    let entry = ctx.audit("event.series", "event_series", input.title.clone());
    agora_db::events::add_series(&state.db, &input, &entry).await?;
    Ok(redirect("/admin/wydarzenia?ok=flash-saved").into_response())
}

async fn admin_list_view(
    state: &AppState,
    ctx: &Ctx,
    sf: SeriesForm,
    errors: FormErrors,
    notice: Option<String>,
) -> AppResult<Response> {
    let (kept, organisers) = kept_organisers(state, ctx).await?;
    let now = Utc::now();
    let everyone = ctx.can(agora_domain::permission::Action::EditCentreContent);
    let mut events: Vec<CityEvent> = Vec::new();
    if everyone {
        events = agora_db::events::list(&state.db, &EventFilter::default(), 200, 0).await?.items;
    } else {
        for o in &kept {
            let f = EventFilter { organiser: Some(*o), ..EventFilter::default() };
            events.extend(agora_db::events::list(&state.db, &f, 200, 0).await?.items);
        }
    }
    events.sort_by_key(|e| std::cmp::Reverse(e.starts_at));
    let rows = events.iter().map(|e| (e.id, card(ctx.lang, e, now))).collect();
    let series = agora_db::events::series(&state.db).await?;
    let series = series
        .into_iter()
        .filter(|s| Organiser::from_parts(&s.organiser_kind, s.organiser_id).is_some_and(|o| kept.contains(&o)))
        .map(|s| s.title)
        .collect();
    let tpl = AdminListTpl { ctx, rows, series, organisers, sf, errors, notice };
    render_form(&tpl.errors, &tpl)
}

#[derive(Template)]
#[template(path = "events/form.html")]
struct FormTpl<'a> {
    ctx: &'a Ctx,
    id: Option<i64>,
    f: CityEventForm,
    kinds: Vec<Opt>,
    organisers: Vec<Opt>,
    series: Vec<Opt>,
    consultations: Vec<Opt>,
    districts: Vec<Opt>,
    errors: FormErrors,
}

async fn form_view(
    state: &AppState,
    ctx: &Ctx,
    id: Option<i64>,
    f: CityEventForm,
    errors: FormErrors,
) -> AppResult<Response> {
    let (_, lists) = choices(state, ctx).await?;
    let tpl = FormTpl {
        ctx,
        id,
        f,
        kinds: options::<EventKind>(ctx.lang, "event-kind-"),
        organisers: lists.0,
        series: lists.1,
        consultations: lists.2,
        districts: lists.3,
        errors,
    };
    render_form(&tpl.errors, &tpl)
}

/// What the event form may name, as rules and as drop-downs.
async fn choices(state: &AppState, ctx: &Ctx) -> AppResult<(Choices, (Vec<Opt>, Vec<Opt>, Vec<Opt>, Vec<Opt>))> {
    let (organisers, organiser_opts) = kept_organisers(state, ctx).await?;
    // An editor adds events to the series of the organisers they keep.
    let series: Vec<_> = agora_db::events::series(&state.db)
        .await?
        .into_iter()
        .filter(|s| Organiser::from_parts(&s.organiser_kind, s.organiser_id).is_some_and(|o| organisers.contains(&o)))
        .collect();
    let consultations = agora_db::consultation::for_units(&state.db, None, 200, 0).await?.items;
    let districts = super::common::district_options(state).await?;
    let c = Choices {
        organisers,
        series: series.iter().map(|s| s.id).collect(),
        consultations: consultations.iter().map(|c| c.id).collect(),
        districts: districts.iter().filter_map(|d| d.value.parse().ok()).collect(),
    };
    let opts = (
        organiser_opts,
        series.into_iter().map(|s| Opt { value: s.id.to_string(), label: s.title }).collect(),
        consultations.into_iter().map(|c| Opt { value: c.id.to_string(), label: c.title }).collect(),
        districts,
    );
    Ok((c, opts))
}

fn times(f: &CityEventForm) -> FormTimes {
    FormTimes {
        starts_at: time::parse_local(&f.event_starts_at),
        ends_at: time::parse_local(&f.event_ends_at),
        opens_at: time::parse_local(&f.reg_opens_at),
        closes_at: time::parse_local(&f.reg_closes_at),
    }
}

fn form_of(e: &CityEvent) -> CityEventForm {
    let opt_time = |t: Option<DateTime<Utc>>| t.map(time::input_value).unwrap_or_default();
    let opt_id = |v: Option<i64>| v.map(|v| v.to_string()).unwrap_or_default();
    CityEventForm {
        event_kind: e.kind.as_str().to_owned(),
        event_title: e.title.clone(),
        event_organiser: e.organiser().key(),
        event_series: opt_id(e.series_id),
        event_consultation: opt_id(e.consultation_id),
        event_district: opt_id(e.district_id),
        event_starts_at: time::input_value(e.starts_at),
        event_ends_at: time::input_value(e.ends_at),
        event_address: e.address.clone().unwrap_or_default(),
        event_online_url: e.online_url.clone().unwrap_or_default(),
        event_description: e.description.clone(),
        registration: if e.reg_opens_at.is_some() { "on".into() } else { String::new() },
        reg_capacity: e.capacity.map(|c| c.to_string()).unwrap_or_default(),
        reg_opens_at: opt_time(e.reg_opens_at),
        reg_closes_at: opt_time(e.reg_closes_at),
        reg_questions: e.questions.clone(),
    }
}

async fn new_event(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let f = CityEventForm { registration: "on".into(), ..CityEventForm::default() };
    form_view(&state, &ctx, None, f, FormErrors::default()).await
}

async fn edit_event(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> AppResult<Response> {
    let e = kept_event(&state, &ctx, id).await?;
    form_view(&state, &ctx, Some(id), form_of(&e), FormErrors::default()).await
}

async fn create_event(State(state): State<AppState>, ctx: Ctx, Form(f): Form<CityEventForm>) -> AppResult<Response> {
    save_event(&state, &ctx, None, f).await
}

async fn update_event(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(f): Form<CityEventForm>,
) -> AppResult<Response> {
    kept_event(&state, &ctx, id).await?;
    save_event(&state, &ctx, Some(id), f).await
}

async fn save_event(state: &AppState, ctx: &Ctx, id: Option<i64>, f: CityEventForm) -> AppResult<Response> {
    let (c, _) = choices(state, ctx).await?;
    let input = match f.parse(times(&f), &c, Utc::now(), id.is_none()) {
        Ok(input) => input,
        Err(inv) => return form_view(state, ctx, id, f, FormErrors::from_invalid(&inv, ctx.lang)).await,
    };
    let entry =
        ctx.audit(if id.is_some() { "event.update" } else { "event.create" }, "city_event", input.title.clone());
    let saved = agora_db::events::save(&state.db, id, &input, &entry).await?.ok_or(AppError::NotFound)?;
    state.jobs_waiting.notify_one();
    Ok(redirect(&format!("/admin/wydarzenia/{saved}/uczestnicy?ok=flash-saved")).into_response())
}

/// A participant in the organiser's list.
struct ParticipantView {
    name: String,
    email: String,
    status: String,
    needs: String,
    answers: Vec<String>,
    checked_in: Option<String>,
}

#[derive(Template)]
#[template(path = "events/participants.html")]
struct ParticipantsTpl<'a> {
    ctx: &'a Ctx,
    id: i64,
    e: EventCard,
    questions: Vec<String>,
    rows: Vec<ParticipantView>,
    needs: Vec<(String, usize)>,
    other_needs: Vec<String>,
    /// Places taken, people waiting and people present, in words.
    counts: String,
    code: String,
    after: AfterForm,
    errors: FormErrors,
    notice: Option<String>,
}

/// What comes after an event, as its form sends it.
#[derive(Deserialize, Default)]
#[serde(default)]
struct AfterForm {
    materials: String,
    recording_url: String,
    summary: String,
}

struct ParticipantsScreen {
    code: String,
    after: Option<AfterForm>,
    errors: FormErrors,
    notice: Option<String>,
}

async fn participants_view(state: &AppState, ctx: &Ctx, e: &CityEvent, s: ParticipantsScreen) -> AppResult<Response> {
    let regs = agora_db::events::registrations(&state.db, e.id).await?;
    let count = |p: Placement| i64::try_from(regs.iter().filter(|r| r.placement == p).count()).unwrap_or(i64::MAX);
    let all_needs: Vec<Vec<AccessNeed>> =
        regs.iter().filter(|r| r.placement.holds_place()).map(|r| r.needs()).collect();
    let needs = needs_summary(all_needs.iter().map(Vec::as_slice))
        .into_iter()
        .map(|(n, c)| (ctx.t(&format!("event-need-{n}")), c))
        .collect();
    let other_needs = regs.iter().filter(|r| r.placement.holds_place()).filter_map(|r| r.need_other.clone()).collect();
    let rows = regs
        .iter()
        .map(|r| ParticipantView {
            name: r.name.clone(),
            email: r.email.clone(),
            status: status_text(ctx.lang, r, e),
            needs: r.needs().iter().map(|n| ctx.t(&format!("event-need-{n}"))).collect::<Vec<_>>().join(", "),
            answers: r.answers(),
            checked_in: r.checked_in_at.map(time::clock),
        })
        .collect();
    let after = s.after.unwrap_or_else(|| AfterForm {
        materials: e.materials.clone().unwrap_or_default(),
        recording_url: e.recording_url.clone().unwrap_or_default(),
        summary: e.summary.clone().unwrap_or_default(),
    });
    let tpl = ParticipantsTpl {
        ctx,
        id: e.id,
        e: card(ctx.lang, e, Utc::now()),
        questions: e.questions(),
        rows,
        needs,
        other_needs,
        counts: ctx.lang.t_args(
            "event-counts",
            &[
                ("confirmed", count(Placement::Confirmed).into()),
                ("waiting", count(Placement::Waiting).into()),
                ("present", e.checked_in.into()),
            ],
        ),
        code: s.code,
        after,
        errors: s.errors,
        notice: s.notice,
    };
    render_form(&tpl.errors, &tpl)
}

/// The participants' screen as a link opens it: with a confirmation to show, or a code read
/// from a QR code, filled in to confirm.
#[derive(Deserialize, Default)]
#[serde(default)]
struct ParticipantsQuery {
    ok: String,
    kod: String,
}

async fn participants(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<ParticipantsQuery>,
) -> AppResult<Response> {
    let e = kept_event(&state, &ctx, id).await?;
    let code = normalise_code(&q.kod).map(|c| printed_code(&c)).unwrap_or_default();
    let notice = super::common::notice(&ctx, &q.ok);
    let s = ParticipantsScreen { code, after: None, errors: FormErrors::default(), notice };
    participants_view(&state, &ctx, &e, s).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct CodeForm {
    checkin_code: String,
}

async fn check_in(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(f): Form<CodeForm>,
) -> AppResult<Response> {
    let e = kept_event(&state, &ctx, id).await?;
    let refuse = |key: &str| FormErrors::general("checkin_code", ctx.t(key), ctx.lang);
    let outcome = match normalise_code(&f.checkin_code) {
        None => Err(refuse(if f.checkin_code.trim().is_empty() { "error-required" } else { "event-code-invalid" })),
        Some(code) => match agora_db::events::check_in(&state.db, id, &code).await? {
            CheckIn::Done { name } => Ok(ctx.t1("event-checked-in", "name", name)),
            CheckIn::Already { name, at } => Err(FormErrors::general(
                "checkin_code",
                ctx.lang.t_args("event-checked-in-already", &[("name", name.into()), ("at", time::clock(at).into())]),
                ctx.lang,
            )),
            CheckIn::NoPlace { name, .. } => {
                Err(FormErrors::general("checkin_code", ctx.t1("event-checkin-no-place", "name", name), ctx.lang))
            }
            CheckIn::Unknown => Err(refuse("event-code-unknown")),
        },
    };
    let s = match outcome {
        Ok(done) => {
            ParticipantsScreen { code: String::new(), after: None, errors: FormErrors::default(), notice: Some(done) }
        }
        Err(errors) => ParticipantsScreen { code: f.checkin_code, after: None, errors, notice: None },
    };
    let e = if s.notice.is_some() { event_of(&state, e.id).await? } else { e };
    participants_view(&state, &ctx, &e, s).await
}

async fn cancel_event(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> AppResult<Response> {
    let e = kept_event(&state, &ctx, id).await?;
    let entry = ctx.audit("event.cancel", "city_event", e.title.clone());
    agora_db::events::cancel_event(&state.db, id, &entry).await?;
    state.jobs_waiting.notify_one();
    Ok(redirect(&format!("/admin/wydarzenia/{id}/uczestnicy?ok=flash-event-cancelled")).into_response())
}

async fn afterwards(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(f): Form<AfterForm>,
) -> AppResult<Response> {
    use agora_domain::validation::{Invalid, optional_text};
    let e = kept_event(&state, &ctx, id).await?;
    let mut inv = Invalid::default();
    let materials = inv.check(optional_text("materials", &f.materials, 20_000));
    let recording = inv.check(agora_domain::event::recording_url(&f.recording_url));
    let summary = inv.check(optional_text("summary", &f.summary, 20_000));
    let (Some(materials), Some(recording), Some(summary)) = (materials, recording, summary) else {
        let errors = FormErrors::from_invalid(&inv, ctx.lang);
        let s = ParticipantsScreen { code: String::new(), after: Some(f), errors, notice: None };
        return participants_view(&state, &ctx, &e, s).await;
    };
    let entry = ctx.audit("event.afterwards", "city_event", e.title.clone());
    agora_db::events::save_afterwards(
        &state.db,
        id,
        materials.as_deref(),
        recording.as_deref(),
        summary.as_deref(),
        &entry,
    )
    .await?;
    Ok(redirect(&format!("/admin/wydarzenia/{id}/uczestnicy?ok=flash-saved")).into_response())
}

// ---- documents: the sign-in sheet and certificates ----

/// Blank rows at the end of a sign-in sheet, for people who come without registering.
const BLANK_ROWS: usize = 10;

/// What an event's documents say of it: its kind, time, place and organiser.
fn event_terms(lang: Lang, e: &CityEvent) -> Vec<(String, String)> {
    let c = card(lang, e, Utc::now());
    vec![
        (lang.t("event-field-kind"), c.kind),
        (lang.t("event-when"), c.when),
        (lang.t("event-field-place"), c.place),
        (lang.t("event-field-organiser"), c.organiser),
    ]
}

/// The sign-in sheet printed for the door: everyone with a place, by name, then blank rows.
async fn sign_in_sheet(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> AppResult<Response> {
    use agora_export::sheet::{Block, Sheet, SignInTable};
    let e = kept_event(&state, &ctx, id).await?;
    let regs = agora_db::events::registrations(&state.db, id).await?;
    let mut names: Vec<String> =
        regs.into_iter().filter(|r| r.placement == Placement::Confirmed).map(|r| r.name).collect();
    names.sort_by_key(|n| n.to_lowercase());
    names.extend(std::iter::repeat_n(String::new(), BLANK_ROWS));
    let lang = ctx.lang;
    let sheet = Sheet {
        lang: lang.code().to_owned(),
        title: lang.t_args("event-sheet-title", &[("title", e.title.clone().into())]),
        blocks: vec![
            Block::Terms(event_terms(lang, &e)),
            Block::SignIn(SignInTable {
                caption: lang.t("event-sheet-caption"),
                name_header: lang.t("event-field-name"),
                sign_header: lang.t("event-sheet-signature"),
                names,
            }),
        ],
    };
    let bytes = super::recognition::sheet_pdf(sheet).await?;
    Ok(super::recognition::pdf_response(bytes, &format!("lista-obecnosci-{id}.pdf")))
}

async fn send_certificates(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> AppResult<Response> {
    let e = kept_event(&state, &ctx, id).await?;
    let entry = ctx.audit("event.certificates", "city_event", e.title.clone());
    let n = agora_db::events::send_certificates(&state.db, id, &entry).await?;
    state.jobs_waiting.notify_one();
    let key = if n > 0 { "flash-event-certificates-sent" } else { "flash-event-certificates-none" };
    Ok(redirect(&format!("/admin/wydarzenia/{id}/uczestnicy?ok={key}")).into_response())
}

/// A certificate's reference: the event's and the registration's numbers.
fn reference(e: &CityEvent, r: &RegistrationRow) -> String {
    format!("ZU/W/{}/{}", e.id, r.id)
}

/// A certificate of attendance, for someone checked in at the event.
async fn attendance_certificate(State(state): State<AppState>, Path(token): Path<String>) -> AppResult<Response> {
    use agora_export::sheet::{Block, Sheet};
    let (r, e) = registration_of(&state, &token).await?;
    let Some(came) = r.checked_in_at else { return Err(AppError::NotFound) };
    let lang = Lang::parse(&r.lang).unwrap_or_default();
    let issued = time::day(lang, time::local_date(Utc::now()));
    let mut terms = vec![(lang.t("event-cert-person"), r.name.clone()), (lang.t("event-cert-event"), e.title.clone())];
    terms.extend(event_terms(lang, &e));
    terms.push((lang.t("event-cert-reference"), reference(&e, &r)));
    let sheet = Sheet {
        lang: lang.code().to_owned(),
        title: lang.t("event-cert-title"),
        blocks: vec![
            Block::Terms(terms),
            Block::Paragraph(lang.t_args(
                "event-cert-attests",
                &[
                    ("name", r.name.clone().into()),
                    ("title", e.title.clone().into()),
                    ("day", time::day(lang, time::local_date(came)).into()),
                    ("organiser", organiser_name(lang, &e).into()),
                ],
            )),
            Block::Note(
                lang.t_args("event-cert-note", &[("issued", issued.into()), ("reference", reference(&e, &r).into())]),
            ),
        ],
    };
    let bytes = super::recognition::sheet_pdf(sheet).await?;
    Ok(super::recognition::pdf_response(bytes, &format!("zaswiadczenie-{}.pdf", e.id)))
}

/// Whether the person behind `r` has come to every session of the academy series `series`,
/// all of them held: then the series is completed. Returns the sessions with attendance.
async fn completed(
    state: &AppState,
    series: i64,
    r: &RegistrationRow,
) -> AppResult<Option<Vec<agora_db::events::SessionAttended>>> {
    let academy = agora_db::events::academy(&state.db).await?;
    if !academy.iter().any(|s| s.id == series) {
        return Ok(None);
    }
    let sessions = agora_db::events::series_attendance(&state.db, series, &r.email).await?;
    let now = Utc::now();
    let done = !sessions.is_empty() && sessions.iter().all(|s| s.attended && s.ends_at <= now);
    Ok(done.then_some(sessions))
}

/// A certificate of completing an academy series, for someone who came to every session.
async fn completion_certificate(State(state): State<AppState>, Path(token): Path<String>) -> AppResult<Response> {
    use agora_export::sheet::{Block, Sheet};
    let (r, e) = registration_of(&state, &token).await?;
    let series = e.series_id.ok_or(AppError::NotFound)?;
    let sessions = completed(&state, series, &r).await?.ok_or(AppError::NotFound)?;
    let lang = Lang::parse(&r.lang).unwrap_or_default();
    let title = e.series_title.clone().unwrap_or_default();
    let reference = format!("ZU/A/{series}/{}", r.id);
    let sheet = Sheet {
        lang: lang.code().to_owned(),
        title: lang.t("academy-cert-title"),
        blocks: vec![
            Block::Terms(vec![
                (lang.t("event-cert-person"), r.name.clone()),
                (lang.t("academy-cert-series"), title.clone()),
                (lang.t("event-cert-reference"), reference.clone()),
            ]),
            Block::Paragraph(lang.t_args(
                "academy-cert-attests",
                &[
                    ("name", r.name.clone().into()),
                    ("series", title.into()),
                    ("count", i64::try_from(sessions.len()).unwrap_or(0).into()),
                ],
            )),
            Block::Heading(lang.t("academy-cert-sessions")),
            Block::List(
                sessions
                    .iter()
                    .map(|s| format!("{}: {}", time::day(lang, time::local_date(s.starts_at)), s.title))
                    .collect(),
            ),
            Block::Note(lang.t_args(
                "event-cert-note",
                &[("issued", time::day(lang, time::local_date(Utc::now())).into()), ("reference", reference.into())],
            )),
        ],
    };
    let bytes = super::recognition::sheet_pdf(sheet).await?;
    Ok(super::recognition::pdf_response(bytes, &format!("akademia-{series}.pdf")))
}

// ---- the academy ----

/// A series of the academy with its sessions.
struct SeriesView {
    id: i64,
    title: String,
    description: String,
    audience: Option<String>,
    sessions: Vec<EventCard>,
}

#[derive(Template)]
#[template(path = "events/academy.html")]
struct AcademyTpl<'a> {
    ctx: &'a Ctx,
    series: Vec<SeriesView>,
}

/// The academy's catalogue: its training series, whom each is for, and their sessions.
async fn academy_page(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let now = Utc::now();
    let series = agora_db::events::academy(&state.db).await?;
    let sessions = agora_db::events::of_series(&state.db, &series.iter().map(|s| s.id).collect::<Vec<_>>()).await?;
    let series = series
        .into_iter()
        .map(|s| SeriesView {
            sessions: sessions.iter().filter(|e| e.series_id == Some(s.id)).map(|e| card(ctx.lang, e, now)).collect(),
            id: s.id,
            title: s.title,
            description: crate::markdown::to_html(&s.description),
            audience: s.audience,
        })
        .collect();
    render_public(&AcademyTpl { ctx: &ctx, series }, None)
}
