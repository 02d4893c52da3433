//! Meetings of civic dialogue bodies: each meeting's public page with its agenda, attendance,
//! quorum and minutes, a body's calendar feed of meetings, the page of a meeting series (the
//! Forum Dialogu), the form where those present propose amendments to draft minutes, and the
//! staff pages where a body's secretary keeps its meetings, documents, invitations,
//! attendance and minutes (and nothing of another body's).

use super::common::{OkQuery, Opt};
use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::forms::{FormErrors, Pairs};
use crate::i18n::{Arg, Lang, localized};
use crate::mail::Mail;
use crate::render::{render_form, render_public, render_status};
use crate::state::AppState;
use crate::time::{self, day, day_time, local_date};
use crate::urls::redirect;
use crate::views::meetings::{MeetingLine, split};
use agora_db::DbError;
use agora_db::bodies::{self, Body};
use agora_db::meetings::{self, Attendance, Meeting, Minutes};
use agora_domain::body::MemberRole;
use agora_domain::meeting::{
    AgendaForm, AgendaLink, Attendee, DocumentForm, LinkTarget, MeetingForm, MinutesForm, MinutesStand, MinutesState,
    Quorum, SeriesForm, amendment_text, amendments_close_on, may_amend, quorum,
};
use agora_domain::permission::Action;
use agora_domain::{FieldError, Invalid};
use askama::Template;
use axum::Router;
use axum::extract::{Form, Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use chrono::{NaiveDate, Utc};

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/ciala-dialogu/{slug}/posiedzenia.ics", get(body_ics))
        .route("/ciala-dialogu/{slug}/posiedzenia/{id}", get(public_page))
        .route("/ciala-dialogu/{slug}/posiedzenia/{id}/poprawki", get(amend_form).post(amend))
        .route("/cykle-posiedzen/{slug}", get(series_page))
        .route("/admin/cykle-posiedzen", get(series_admin).post(create_series))
        .route("/admin/ciala-dialogu/{id}/posiedzenia", get(admin_list).post(create_meeting))
        .route("/admin/ciala-dialogu/{id}/dokumenty", post(add_document))
        .route("/admin/ciala-dialogu/{id}/posiedzenia/{mid}", get(admin_meeting).post(update_meeting))
        .route("/admin/ciala-dialogu/{id}/posiedzenia/{mid}/porzadek", post(add_agenda_item))
        .route("/admin/ciala-dialogu/{id}/posiedzenia/{mid}/porzadek/{item}/wyzej", post(move_up))
        .route("/admin/ciala-dialogu/{id}/posiedzenia/{mid}/zaproszenia", post(invite))
        .route("/admin/ciala-dialogu/{id}/posiedzenia/{mid}/obecnosc", post(record_attendance))
        .route("/admin/ciala-dialogu/{id}/posiedzenia/{mid}/protokol", post(add_minutes))
}

fn today() -> NaiveDate {
    local_date(Utc::now())
}

fn body_name(lang: Lang, b: &Body) -> String {
    localized(lang, b.name_pl.clone(), b.name_en.clone())
}

fn role_key(r: MemberRole) -> &'static str {
    match r {
        MemberRole::Chair => "bodies-role-chair",
        MemberRole::ViceChair => "bodies-role-vice_chair",
        MemberRole::Secretary => "bodies-role-secretary",
        MemberRole::Member => "bodies-role-member",
        MemberRole::Observer => "bodies-role-observer",
    }
}

fn state_key(s: MinutesState) -> &'static str {
    match s {
        MinutesState::Draft => "meetings-minutes-draft",
        MinutesState::Final => "meetings-minutes-final",
    }
}

/// The quorum from a recorded attendance list.
fn quorum_of(list: &[Attendance]) -> Quorum {
    let people: Vec<Attendee> = list
        .iter()
        .map(|a| Attendee {
            user_id: a.user_id,
            person_name: a.person_name.clone(),
            voting: a.voting,
            present: a.present,
        })
        .collect();
    quorum(&people)
}

/// Where the minutes stand: the latest version and the day the first draft went out.
fn stand(m: &Meeting, versions: &[Minutes]) -> MinutesStand {
    MinutesStand {
        latest: versions.first().map(|v| v.state),
        draft_on: versions.last().map(|v| local_date(v.created_at)),
        amendment_days: m.amendment_days,
    }
}

/// The quorum as a sentence.
fn quorum_text(lang: Lang, q: Quorum) -> String {
    let args = [
        ("present", Arg::Num(q.present as i64)),
        ("members", Arg::Num(q.voting_members as i64)),
        ("required", Arg::Num(q.required as i64)),
    ];
    let key = if q.reached() { "meetings-quorum-reached" } else { "meetings-quorum-not-reached" };
    lang.t_args(key, &args)
}

// ---- public pages ----

struct AgendaView {
    id: i64,
    title: String,
    link: Option<(String, String)>,
}

fn agenda_views(items: Vec<meetings::AgendaItem>) -> Vec<AgendaView> {
    items
        .into_iter()
        .map(|a| {
            let link = match (a.document_title, a.document_url, a.consultation_title, a.consultation_slug) {
                (Some(t), Some(u), _, _) => Some((u, t)),
                (_, _, Some(t), Some(s)) => Some((format!("/konsultacje/{s}"), t)),
                _ => a.opinion_title.zip(a.opinion_tracked_id).map(|(t, id)| (format!("/odpowiedzi-miasta/{id}"), t)),
            };
            AgendaView { id: a.id, title: a.title, link }
        })
        .collect()
}

struct AttendanceView {
    name: String,
    voting: bool,
    present: bool,
}

struct MinutesView {
    version: i64,
    state: String,
    text_html: String,
    when: String,
    by: String,
}

fn minutes_view(lang: Lang, v: &Minutes) -> MinutesView {
    MinutesView {
        version: v.version,
        state: lang.t(state_key(v.state)),
        text_html: crate::markdown::to_html(&v.text),
        when: day_time(lang, v.created_at),
        by: v.author_label.clone(),
    }
}

#[derive(Template)]
#[template(path = "meetings/page.html")]
struct PageTpl<'a> {
    ctx: &'a Ctx,
    slug: String,
    id: i64,
    body_id: i64,
    body: String,
    title: String,
    when: String,
    place: Option<String>,
    online_url: Option<String>,
    series: Option<(String, String)>,
    agenda: Vec<AgendaView>,
    attendance: Vec<AttendanceView>,
    quorum: Option<String>,
    minutes: Option<MinutesView>,
    amendments_until: Option<String>,
    may_amend: bool,
    can_edit: bool,
    /// The opinions and recommendations adopted at it: (id, title).
    opinions: Vec<(i64, String)>,
}

/// Body `slug` and its meeting `id`; 404 when the meeting is another body's.
async fn meeting_at(state: &AppState, slug: &str, id: i64) -> AppResult<(Body, Meeting)> {
    let d = bodies::by_slug(&state.db, slug).await?.ok_or(AppError::NotFound)?;
    let m = meetings::by_id(&state.db, d.body.id, id).await?.ok_or(AppError::NotFound)?;
    Ok((d.body, m))
}

/// Whether the signed-in user was present at the meeting.
fn attended(ctx: &Ctx, list: &[Attendance]) -> bool {
    ctx.user.as_ref().is_some_and(|u| list.iter().any(|a| a.present && a.user_id == Some(u.id)))
}

async fn public_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, id)): Path<(String, i64)>,
) -> AppResult<Response> {
    let (b, m) = meeting_at(&state, &slug, id).await?;
    let lang = ctx.lang;
    let agenda = agenda_views(meetings::agenda(&state.db, id).await?);
    let list = meetings::attendance(&state.db, id).await?;
    let versions = meetings::minutes(&state.db, id).await?;
    let st = stand(&m, &versions);
    let open = may_amend(st, true, today()).is_ok();
    let tpl = PageTpl {
        ctx: &ctx,
        id,
        body_id: b.id,
        body: body_name(lang, &b),
        title: m.title.clone(),
        when: time::span(lang, m.starts_at, m.ends_at),
        place: m.place.clone(),
        online_url: m.online_url.clone(),
        series: m
            .series_slug
            .clone()
            .zip(m.series_name_pl.clone())
            .map(|(s, pl)| (format!("/cykle-posiedzen/{s}"), localized(lang, pl, m.series_name_en.clone()))),
        agenda,
        quorum: (!list.is_empty()).then(|| quorum_text(lang, quorum_of(&list))),
        may_amend: open && attended(&ctx, &list),
        attendance: list
            .into_iter()
            .map(|a| AttendanceView { name: a.person_name, voting: a.voting, present: a.present })
            .collect(),
        // The final text is the record; before it, the draft is shown as a draft so that
        // anyone may follow what is being amended.
        minutes: versions.first().map(|v| minutes_view(lang, v)),
        amendments_until: (open)
            .then(|| st.draft_on.map(|d| day(lang, amendments_close_on(d, m.amendment_days))))
            .flatten(),
        can_edit: ctx.can(Action::ManageBody(b.id)),
        slug,
        opinions: agora_db::tracked::of_meeting(&state.db, id).await?,
    };
    render_public(&tpl, None)
}

fn ics_response(body: String, name: &str) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8".to_owned()),
            (header::CONTENT_DISPOSITION, format!("inline; filename=\"{name}.ics\"")),
        ],
        body,
    )
        .into_response()
}

async fn body_ics(State(state): State<AppState>, ctx: Ctx, Path(file): Path<String>) -> AppResult<Response> {
    let d = bodies::by_slug(&state.db, &file).await?.ok_or(AppError::NotFound)?;
    let list = meetings::for_body(&state.db, d.body.id).await?;
    let base = &state.config.base_url;
    let host =
        url::Url::parse(base).ok().and_then(|u| u.host_str().map(str::to_owned)).unwrap_or_else(|| "agora".into());
    let texts: Vec<(String, String, String, String)> = list
        .iter()
        .map(|m| {
            (
                format!("meeting-{}@{host}", m.id),
                m.place.clone().or_else(|| m.online_url.clone()).unwrap_or_default(),
                format!("{base}{}", crate::views::meetings::href(m)),
                localized(ctx.lang, m.body_name_pl.clone(), m.body_name_en.clone()),
            )
        })
        .collect();
    let events: Vec<agora_export::ical::IcalEvent<'_>> = list
        .iter()
        .zip(&texts)
        .map(|(m, (uid, location, url, host_body))| agora_export::ical::IcalEvent {
            uid,
            start: m.starts_at,
            end: m.ends_at,
            summary: &m.title,
            description: host_body,
            location,
            url,
            updated: m.updated_at,
        })
        .collect();
    let name = ctx.t1("meetings-ics-name", "body", body_name(ctx.lang, &d.body));
    Ok(ics_response(agora_export::ical::calendar(&name, &events), &format!("{}-posiedzenia", d.body.slug)))
}

#[derive(Template)]
#[template(path = "meetings/series.html")]
struct SeriesTpl<'a> {
    ctx: &'a Ctx,
    name: String,
    about_html: String,
    bodies: Vec<(String, String)>,
    districts: Vec<String>,
    units: Vec<String>,
    upcoming: Vec<MeetingLine>,
    past: Vec<MeetingLine>,
}

async fn series_page(State(state): State<AppState>, ctx: Ctx, Path(slug): Path<String>) -> AppResult<Response> {
    let d = meetings::series_by_slug(&state.db, &slug).await?.ok_or(AppError::NotFound)?;
    let lang = ctx.lang;
    let list = meetings::for_series(&state.db, d.series.id).await?;
    // Every meeting of a series names its convening body: no body's id is 0.
    let (upcoming, past) = split(lang, list, 0, Utc::now());
    let tpl = SeriesTpl {
        ctx: &ctx,
        name: localized(lang, d.series.name_pl, d.series.name_en),
        about_html: crate::markdown::to_html(&d.series.about),
        bodies: d
            .bodies
            .into_iter()
            .map(|b| (format!("/ciala-dialogu/{}", b.slug.unwrap_or_default()), localized(lang, b.name_pl, b.name_en)))
            .collect(),
        districts: d.districts.into_iter().map(|x| x.name_pl).collect(),
        units: d.units.into_iter().map(|u| localized(lang, u.name_pl, u.name_en)).collect(),
        upcoming,
        past,
    };
    render_public(&tpl, None)
}

// ---- amendments by those present ----

#[derive(Template)]
#[template(path = "meetings/amend.html")]
struct AmendTpl<'a> {
    ctx: &'a Ctx,
    slug: String,
    id: i64,
    title: String,
    body: String,
    draft: Option<MinutesView>,
    amendment_text: String,
    errors: FormErrors,
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
struct AmendForm {
    amendment_text: String,
}

async fn amend_view(
    state: &AppState,
    ctx: &Ctx,
    slug: String,
    id: i64,
    text: String,
    refusal: Option<(StatusCode, FieldError)>,
) -> AppResult<Response> {
    let (b, m) = meeting_at(state, &slug, id).await?;
    let versions = meetings::minutes(&state.db, id).await?;
    let (status, errors) = match refusal {
        Some((s, e)) => (s, FormErrors::from_invalid(&Invalid::from(e), ctx.lang)),
        None => (StatusCode::OK, FormErrors::default()),
    };
    let tpl = AmendTpl {
        ctx,
        body: body_name(ctx.lang, &b),
        title: m.title,
        draft: versions.first().map(|v| minutes_view(ctx.lang, v)),
        amendment_text: text,
        errors,
        slug,
        id,
    };
    render_status(status, &tpl)
}

/// Whether the signed-in user may amend now: `Err` carries the status and the message.
async fn amend_check(
    state: &AppState,
    ctx: &Ctx,
    slug: &str,
    id: i64,
) -> AppResult<Result<(Meeting, i64), (StatusCode, FieldError)>> {
    ctx.require_user()?;
    let (_, m) = meeting_at(state, slug, id).await?;
    let list = meetings::attendance(&state.db, id).await?;
    let versions = meetings::minutes(&state.db, id).await?;
    Ok(match may_amend(stand(&m, &versions), attended(ctx, &list), today()) {
        Ok(()) => Ok((m, versions.first().map_or(0, |v| v.version))),
        // Someone who was not there cannot say what was said: a refusal of the person, not
        // of what they typed.
        Err(r @ agora_domain::meeting::AmendmentRefusal::NotPresent) => Err((StatusCode::FORBIDDEN, r.error())),
        Err(r) => Err((StatusCode::UNPROCESSABLE_ENTITY, r.error())),
    })
}

async fn amend_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, id)): Path<(String, i64)>,
) -> AppResult<Response> {
    let refusal = amend_check(&state, &ctx, &slug, id).await?.err();
    amend_view(&state, &ctx, slug, id, String::new(), refusal).await
}

async fn amend(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, id)): Path<(String, i64)>,
    Form(f): Form<AmendForm>,
) -> AppResult<Response> {
    let (m, version) = match amend_check(&state, &ctx, &slug, id).await? {
        Ok(ok) => ok,
        Err(refusal) => return amend_view(&state, &ctx, slug, id, f.amendment_text, Some(refusal)).await,
    };
    let text = match amendment_text(&f.amendment_text) {
        Ok(t) => t,
        Err(e) => {
            let refusal = Some((StatusCode::UNPROCESSABLE_ENTITY, e));
            return amend_view(&state, &ctx, slug, id, f.amendment_text, refusal).await;
        }
    };
    let user = ctx.require_user()?;
    let entry = ctx.audit("minutes_amendment.create", "meeting", format!("{}: v{version}", m.title));
    meetings::add_amendment(&state.db, id, version, Some(user.id), &user.display_name, &text, &entry).await?;
    Ok(redirect(&format!("/ciala-dialogu/{slug}/posiedzenia/{id}?ok=flash-amendment-sent")).into_response())
}

// ---- staff: the body's meetings and documents ----

#[derive(Template)]
#[template(path = "meetings/admin_list.html")]
struct AdminListTpl<'a> {
    ctx: &'a Ctx,
    id: i64,
    title: String,
    slug: String,
    upcoming: Vec<(i64, MeetingLine)>,
    past: Vec<(i64, MeetingLine)>,
    documents: Vec<(String, String)>,
    series: Vec<Opt>,
    f: MeetingForm,
    d: DocumentForm,
    errors: FormErrors,
    notice: Option<String>,
}

async fn body_to_manage(state: &AppState, ctx: &Ctx, id: i64) -> AppResult<Body> {
    ctx.require(Action::ManageBody(id))?;
    bodies::by_id(&state.db, id).await?.ok_or(AppError::NotFound)
}

async fn series_options(state: &AppState, ctx: &Ctx, body: i64) -> AppResult<Vec<Opt>> {
    Ok(meetings::series_of_body(&state.db, body)
        .await?
        .into_iter()
        .map(|s| Opt { value: s.id.to_string(), label: localized(ctx.lang, s.name_pl, s.name_en) })
        .collect())
}

async fn list_view(
    state: &AppState,
    ctx: &Ctx,
    b: Body,
    f: MeetingForm,
    d: DocumentForm,
    errors: FormErrors,
    notice: Option<String>,
) -> AppResult<Response> {
    // Only the body's own meetings: a series meeting another body convenes is that body's.
    let own: Vec<Meeting> =
        meetings::for_body(&state.db, b.id).await?.into_iter().filter(|m| m.body_id == b.id).collect();
    let ids: Vec<(i64, bool)> = own.iter().map(|m| (m.id, m.ends_at < Utc::now())).collect();
    let (upcoming, past) = split(ctx.lang, own, b.id, Utc::now());
    let mut up_ids: Vec<i64> = ids.iter().filter(|(_, ended)| !ended).map(|(id, _)| *id).collect();
    up_ids.reverse();
    let past_ids = ids.iter().filter(|(_, ended)| *ended).map(|(id, _)| *id);
    let tpl = AdminListTpl {
        ctx,
        id: b.id,
        title: b.name_pl.clone(),
        slug: b.slug.clone(),
        upcoming: up_ids.into_iter().zip(upcoming).collect(),
        past: past_ids.zip(past).collect(),
        documents: meetings::documents(&state.db, b.id).await?.into_iter().map(|d| (d.url, d.title)).collect(),
        series: series_options(state, ctx, b.id).await?,
        f,
        d,
        errors,
        notice,
    };
    render_form(&tpl.errors, &tpl)
}

async fn admin_list(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<OkQuery>,
) -> AppResult<Response> {
    let b = body_to_manage(&state, &ctx, id).await?;
    let notice = q.notice(&ctx);
    let f = MeetingForm {
        amendment_days: agora_domain::meeting::DEFAULT_AMENDMENT_DAYS.to_string(),
        ..MeetingForm::default()
    };
    list_view(&state, &ctx, b, f, DocumentForm::default(), FormErrors::default(), notice).await
}

/// Checks a meeting form against the series the body takes part in.
async fn check_meeting(
    state: &AppState,
    body: i64,
    f: &MeetingForm,
) -> AppResult<Result<agora_domain::meeting::MeetingInput, Invalid>> {
    let series: Vec<i64> = meetings::series_of_body(&state.db, body).await?.iter().map(|s| s.id).collect();
    Ok(f.parse(time::parse_local(&f.meeting_starts_at), time::parse_local(&f.meeting_ends_at), &series))
}

async fn create_meeting(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(f): Form<MeetingForm>,
) -> AppResult<Response> {
    let b = body_to_manage(&state, &ctx, id).await?;
    match check_meeting(&state, id, &f).await? {
        Ok(input) => {
            let entry = ctx.audit("meeting.create", "meeting", format!("{}: {}", b.name_pl, input.title));
            let mid = meetings::create(&state.db, id, &input, &entry).await?;
            Ok(redirect(&format!("/admin/ciala-dialogu/{id}/posiedzenia/{mid}?ok=flash-meeting-created"))
                .into_response())
        }
        Err(inv) => {
            let errors = FormErrors::from_invalid(&inv, ctx.lang);
            list_view(&state, &ctx, b, f, DocumentForm::default(), errors, None).await
        }
    }
}

async fn add_document(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(d): Form<DocumentForm>,
) -> AppResult<Response> {
    let b = body_to_manage(&state, &ctx, id).await?;
    match d.parse() {
        Ok(input) => {
            let entry = ctx.audit("body_document.create", "dialogue_body", format!("{}: {}", b.name_pl, input.title));
            meetings::add_document(&state.db, id, &input, &entry).await?;
            Ok(redirect(&format!("/admin/ciala-dialogu/{id}/posiedzenia?ok=flash-document-added")).into_response())
        }
        Err(inv) => {
            let errors = FormErrors::from_invalid(&inv, ctx.lang);
            list_view(&state, &ctx, b, MeetingForm::default(), d, errors, None).await
        }
    }
}

// ---- staff: one meeting ----

struct AttendanceRow {
    membership_id: i64,
    name: String,
    role: String,
    voting: bool,
    present: bool,
}

#[derive(Template)]
#[template(path = "meetings/admin_meeting.html")]
struct MeetingTpl<'a> {
    ctx: &'a Ctx,
    id: i64,
    mid: i64,
    body: String,
    slug: String,
    f: MeetingForm,
    series: Vec<Opt>,
    agenda: Vec<AgendaView>,
    a: AgendaForm,
    link_groups: Vec<(String, Vec<Opt>)>,
    invited: Option<String>,
    rows: Vec<AttendanceRow>,
    recorded: bool,
    quorum: Option<String>,
    versions: Vec<MinutesView>,
    amendments: Vec<(String, String, i64, String)>,
    is_final: bool,
    minutes_text: String,
    errors: FormErrors,
    notice: Option<String>,
}

/// What the staff page of one meeting shows besides the stored meeting: the forms as typed.
#[derive(Default)]
struct Typed {
    f: Option<MeetingForm>,
    a: AgendaForm,
    minutes_text: Option<String>,
}

fn meeting_form(m: &Meeting) -> MeetingForm {
    MeetingForm {
        title: m.title.clone(),
        meeting_starts_at: time::input_value(m.starts_at),
        meeting_ends_at: time::input_value(m.ends_at),
        meeting_place: m.place.clone().unwrap_or_default(),
        meeting_online_url: m.online_url.clone().unwrap_or_default(),
        amendment_days: m.amendment_days.to_string(),
        series_id: m.series_id.map(|s| s.to_string()).unwrap_or_default(),
    }
}

/// The members of body `body` on the meeting's day, as its attendance form lists them.
async fn members_on(state: &AppState, body: i64, m: &Meeting) -> AppResult<Vec<bodies::Membership>> {
    let on = local_date(m.starts_at);
    Ok(bodies::memberships(&state.db, body).await?.into_iter().filter(|x| x.span().active_on(on)).collect())
}

async fn meeting_view(
    state: &AppState,
    ctx: &Ctx,
    b: Body,
    m: Meeting,
    typed: Typed,
    errors: FormErrors,
    notice: Option<String>,
) -> AppResult<Response> {
    let lang = ctx.lang;
    let mid = m.id;
    let list = meetings::attendance(&state.db, mid).await?;
    let recorded = !list.is_empty();
    let members = members_on(state, b.id, &m).await?;
    let rows = members
        .into_iter()
        .map(|x| AttendanceRow {
            present: list.iter().any(|a| a.membership_id == Some(x.id) && a.present),
            membership_id: x.id,
            name: x.person_name,
            role: lang.t(role_key(x.role)),
            voting: x.voting,
        })
        .collect();
    let versions = meetings::minutes(&state.db, mid).await?;
    let is_final = versions.first().is_some_and(|v| v.state == MinutesState::Final);
    let doc_opts: Vec<Opt> = meetings::documents(&state.db, b.id)
        .await?
        .into_iter()
        .map(|d| Opt { value: AgendaLink::Document(d.id).value(), label: d.title })
        .collect();
    let consultation_opts = meetings::consultation_choices(&state.db)
        .await?
        .into_iter()
        .map(|c| Opt { value: AgendaLink::Consultation(c.id).value(), label: c.title })
        .collect();
    let opinion_opts = meetings::opinion_choices(&state.db, b.id)
        .await?
        .into_iter()
        .map(|o| Opt { value: AgendaLink::Opinion(o.id).value(), label: o.title })
        .collect();
    let tpl = MeetingTpl {
        ctx,
        id: b.id,
        mid,
        body: b.name_pl.clone(),
        slug: b.slug.clone(),
        f: typed.f.unwrap_or_else(|| meeting_form(&m)),
        series: series_options(state, ctx, b.id).await?,
        agenda: agenda_views(meetings::agenda(&state.db, mid).await?),
        a: typed.a,
        link_groups: vec![
            (lang.t("meetings-link-documents"), doc_opts),
            (lang.t("meetings-link-consultations"), consultation_opts),
            (lang.t("meetings-link-opinions"), opinion_opts),
        ],
        invited: m.invited_at.map(|t| day_time(lang, t)),
        rows,
        recorded,
        quorum: recorded.then(|| quorum_text(lang, quorum_of(&list))),
        amendments: meetings::amendments(&state.db, mid)
            .await?
            .into_iter()
            .map(|a| (a.author_name, day_time(lang, a.created_at), a.version, a.text))
            .collect(),
        minutes_text: typed
            .minutes_text
            .unwrap_or_else(|| versions.first().map(|v| v.text.clone()).unwrap_or_default()),
        versions: versions.iter().map(|v| minutes_view(lang, v)).collect(),
        is_final,
        errors,
        notice,
    };
    render_form(&tpl.errors, &tpl)
}

/// Body `id` and its meeting `mid`, for the body's secretary: a meeting of another body is
/// not found here, whatever the address says.
async fn meeting_to_manage(state: &AppState, ctx: &Ctx, id: i64, mid: i64) -> AppResult<(Body, Meeting)> {
    let b = body_to_manage(state, ctx, id).await?;
    let m = meetings::by_id(&state.db, id, mid).await?.ok_or(AppError::NotFound)?;
    Ok((b, m))
}

async fn admin_meeting(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, mid)): Path<(i64, i64)>,
    Query(q): Query<OkQuery>,
) -> AppResult<Response> {
    let (b, m) = meeting_to_manage(&state, &ctx, id, mid).await?;
    let notice = q.notice(&ctx);
    meeting_view(&state, &ctx, b, m, Typed::default(), FormErrors::default(), notice).await
}

fn back(id: i64, mid: i64, flash: &str) -> Response {
    redirect(&format!("/admin/ciala-dialogu/{id}/posiedzenia/{mid}?ok={flash}")).into_response()
}

async fn update_meeting(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, mid)): Path<(i64, i64)>,
    Form(f): Form<MeetingForm>,
) -> AppResult<Response> {
    let (b, m) = meeting_to_manage(&state, &ctx, id, mid).await?;
    match check_meeting(&state, id, &f).await? {
        Ok(input) => {
            let entry = ctx.audit("meeting.update", "meeting", format!("{}: {}", b.name_pl, input.title));
            if !meetings::update(&state.db, id, mid, &input, &entry).await? {
                return Err(AppError::NotFound);
            }
            Ok(back(id, mid, "flash-saved"))
        }
        Err(inv) => {
            let errors = FormErrors::from_invalid(&inv, ctx.lang);
            meeting_view(&state, &ctx, b, m, Typed { f: Some(f), ..Typed::default() }, errors, None).await
        }
    }
}

/// What an agenda item's link points at, as the domain's rule needs it.
async fn link_target(state: &AppState, link: Option<AgendaLink>) -> AppResult<LinkTarget> {
    Ok(match link {
        None => LinkTarget::Open,
        Some(AgendaLink::Document(d)) => {
            meetings::document(&state.db, d).await?.map_or(LinkTarget::Missing, |d| LinkTarget::DocumentOf(d.body_id))
        }
        Some(AgendaLink::Consultation(c)) => {
            if meetings::consultation_exists(&state.db, c).await? {
                LinkTarget::Open
            } else {
                LinkTarget::Missing
            }
        }
        Some(AgendaLink::Opinion(o)) => {
            if meetings::opinion_exists(&state.db, o).await? {
                LinkTarget::Open
            } else {
                LinkTarget::Missing
            }
        }
    })
}

async fn add_agenda_item(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, mid)): Path<(i64, i64)>,
    Form(a): Form<AgendaForm>,
) -> AppResult<Response> {
    let (b, m) = meeting_to_manage(&state, &ctx, id, mid).await?;
    let target = match a.link() {
        Ok(link) => link_target(&state, link).await?,
        Err(_) => LinkTarget::Missing,
    };
    // A series meeting discusses the papers of every body that attends it.
    let mut allowed = vec![id];
    if let Some(s) = m.series_id {
        allowed.extend(meetings::series_bodies(&state.db, s).await?);
    }
    match a.parse(target, &allowed) {
        Ok(input) => {
            let entry = ctx.audit("meeting.agenda_item", "meeting", format!("{}: {}", m.title, input.title));
            meetings::add_agenda_item(&state.db, mid, &input, &entry).await?;
            Ok(back(id, mid, "flash-agenda-item-added"))
        }
        Err(inv) => {
            let errors = FormErrors::from_invalid(&inv, ctx.lang);
            meeting_view(&state, &ctx, b, m, Typed { a, ..Typed::default() }, errors, None).await
        }
    }
}

async fn move_up(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, mid, item)): Path<(i64, i64, i64)>,
) -> AppResult<Response> {
    let (_, m) = meeting_to_manage(&state, &ctx, id, mid).await?;
    let entry = ctx.audit("meeting.agenda_move", "meeting", format!("{}: {item}", m.title));
    // The first item has nowhere to go: the page comes back as it was.
    if meetings::move_agenda_item_up(&state.db, mid, item, &entry).await? {
        Ok(back(id, mid, "flash-agenda-moved"))
    } else {
        Ok(redirect(&format!("/admin/ciala-dialogu/{id}/posiedzenia/{mid}")).into_response())
    }
}

async fn invite(State(state): State<AppState>, ctx: Ctx, Path((id, mid)): Path<(i64, i64)>) -> AppResult<Response> {
    let (b, m) = meeting_to_manage(&state, &ctx, id, mid).await?;
    let link = format!("{}{}", state.config.base_url, crate::views::meetings::href(&m));
    let invitees = meetings::invitees(&state.db, id, local_date(m.starts_at)).await?;
    for i in &invitees {
        // Each member is written to in the language of their account.
        let lang = Lang::parse(&i.locale).unwrap_or(Lang::Pl);
        let place = m.place.clone().or_else(|| m.online_url.clone()).unwrap_or_default();
        let args = [
            ("body", Arg::Str(body_name(lang, &b))),
            ("title", Arg::Str(m.title.clone())),
            ("when", Arg::Str(time::span(lang, m.starts_at, m.ends_at))),
            ("place", Arg::Str(place)),
            ("link", Arg::Str(link.clone())),
            ("name", Arg::Str(i.person_name.clone())),
        ];
        let mail = Mail {
            attachments: Vec::new(),
            unsubscribe: None,
            to: i.email.clone(),
            subject: lang.t_args("mail-meeting-invitation-subject", &args),
            body: lang.t_args("mail-meeting-invitation-body", &args),
        };
        crate::jobs::queue_mail(&state, mail).await?;
    }
    let entry = ctx.audit("meeting.invite", "meeting", format!("{}: {} ({})", b.name_pl, m.title, invitees.len()));
    meetings::set_invited(&state.db, mid, Utc::now(), &entry).await?;
    Ok(back(id, mid, "flash-invitations-sent"))
}

async fn record_attendance(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, mid)): Path<(i64, i64)>,
    Form(p): Form<Pairs>,
) -> AppResult<Response> {
    let (b, m) = meeting_to_manage(&state, &ctx, id, mid).await?;
    let present = p.ids("present");
    let members = members_on(&state, id, &m).await?;
    if present.iter().any(|pid| !members.iter().any(|x| x.id == *pid)) {
        let errors = FormErrors::from_invalid(&FieldError::new("present", "choice-invalid").into(), ctx.lang);
        return meeting_view(&state, &ctx, b, m, Typed::default(), errors, None).await;
    }
    let list: Vec<Attendance> = members
        .into_iter()
        .map(|x| Attendance {
            present: present.contains(&x.id),
            membership_id: Some(x.id),
            user_id: x.user_id,
            person_name: x.person_name,
            role: x.role,
            voting: x.voting,
        })
        .collect();
    let q = quorum_of(&list);
    let entry = ctx.audit(
        "meeting.attendance",
        "meeting",
        format!("{}: {} ({}/{})", b.name_pl, m.title, q.present, q.voting_members),
    );
    meetings::record_attendance(&state.db, mid, &list, &entry).await?;
    Ok(back(id, mid, "flash-attendance-saved"))
}

async fn add_minutes(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, mid)): Path<(i64, i64)>,
    Form(f): Form<MinutesForm>,
) -> AppResult<Response> {
    let (b, m) = meeting_to_manage(&state, &ctx, id, mid).await?;
    let latest = meetings::minutes(&state.db, mid).await?.first().map(|v| v.state);
    let refused = |inv: Invalid| FormErrors::from_invalid(&inv, ctx.lang);
    let errors = match f.parse(latest) {
        Ok((text, st)) => {
            let action = if st == MinutesState::Final { "meeting.minutes_final" } else { "meeting.minutes_draft" };
            let entry = ctx.audit(action, "meeting", format!("{}: {}", b.name_pl, m.title));
            match meetings::add_minutes(&state.db, mid, st, &text, &entry).await? {
                Some(_) if st == MinutesState::Final => return Ok(back(id, mid, "flash-minutes-final")),
                Some(_) => return Ok(back(id, mid, "flash-minutes-saved")),
                None => refused(FieldError::new("minutes_text", "minutes-already-final").into()),
            }
        }
        Err(inv) => refused(inv),
    };
    let typed = Typed { minutes_text: Some(f.minutes_text), ..Typed::default() };
    meeting_view(&state, &ctx, b, m, typed, errors, None).await
}

// ---- administrators: meeting series ----

struct CheckGroup {
    name: &'static str,
    label: String,
    items: Vec<(String, String, bool)>,
}

#[derive(Template)]
#[template(path = "meetings/series_admin.html")]
struct SeriesAdminTpl<'a> {
    ctx: &'a Ctx,
    list: Vec<(String, String)>,
    f: SeriesForm,
    groups: Vec<CheckGroup>,
    errors: FormErrors,
    notice: Option<String>,
}

async fn series_admin_view(
    state: &AppState,
    ctx: &Ctx,
    f: SeriesForm,
    errors: FormErrors,
    notice: Option<String>,
) -> AppResult<Response> {
    let lang = ctx.lang;
    let list = meetings::all_series(&state.db)
        .await?
        .into_iter()
        .map(|s| (format!("/cykle-posiedzen/{}", s.slug), localized(lang, s.name_pl, s.name_en)))
        .collect();
    let (b, d, u) = participants(state).await?;
    let group = |name: &'static str, key: &str, chosen: &[String], items: Vec<(i64, String)>| CheckGroup {
        name,
        label: lang.t(key),
        items: items
            .into_iter()
            .map(|(id, label)| {
                let v = id.to_string();
                let checked = chosen.contains(&v);
                (v, label, checked)
            })
            .collect(),
    };
    let groups = vec![
        group("bodies", "meetings-series-bodies", &f.bodies, b),
        group("districts", "field-districts", &f.districts, d),
        group("units", "bodies-field-units", &f.units, u),
    ];
    let tpl = SeriesAdminTpl { ctx, list, f, groups, errors, notice };
    render_form(&tpl.errors, &tpl)
}

type Named = Vec<(i64, String)>;

/// The bodies, districts and departments a series may gather, with their names.
async fn participants(state: &AppState) -> AppResult<(Named, Named, Named)> {
    let b = bodies::list(&state.db, bodies::BodyFilter::default(), today())
        .await?
        .into_iter()
        .map(|b| (b.id, b.name_pl))
        .collect();
    let d = agora_db::reference::districts(&state.db).await?.into_iter().map(|d| (d.id, d.name)).collect();
    let u = agora_db::reference::units(&state.db).await?.into_iter().map(|u| (u.id, u.name_pl)).collect();
    Ok((b, d, u))
}

async fn series_admin(State(state): State<AppState>, ctx: Ctx, Query(q): Query<OkQuery>) -> AppResult<Response> {
    ctx.require(Action::ManageReferenceData)?;
    let notice = q.notice(&ctx);
    series_admin_view(&state, &ctx, SeriesForm::default(), FormErrors::default(), notice).await
}

async fn create_series(State(state): State<AppState>, ctx: Ctx, Form(p): Form<Pairs>) -> AppResult<Response> {
    ctx.require(Action::ManageReferenceData)?;
    let mut f: SeriesForm = p.decode()?;
    f.bodies = p.all("bodies").into_iter().map(str::to_owned).collect();
    f.districts = p.all("districts").into_iter().map(str::to_owned).collect();
    f.units = p.all("units").into_iter().map(str::to_owned).collect();
    let (b, d, u) = participants(&state).await?;
    let ids = |v: &Named| v.iter().map(|x| x.0).collect::<Vec<i64>>();
    let checked = match f.parse(&ids(&b), &ids(&d), &ids(&u)) {
        Ok(input) => {
            let entry =
                ctx.audit("meeting_series.create", "meeting_series", format!("{} ({})", input.name_pl, input.slug));
            match meetings::create_series(&state.db, &input, &entry).await {
                Ok(_) => Ok(()),
                Err(DbError::Conflict(_)) => Err(FieldError::new("slug", "body-slug-taken").into()),
                Err(e) => return Err(e.into()),
            }
        }
        Err(inv) => Err(inv),
    };
    match checked {
        Ok(()) => Ok(redirect("/admin/cykle-posiedzen?ok=flash-series-created").into_response()),
        Err(inv) => {
            let errors = FormErrors::from_invalid(&inv, ctx.lang);
            series_admin_view(&state, &ctx, f, errors, None).await
        }
    }
}
