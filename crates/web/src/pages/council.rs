//! A district council's people: the public "get to know your council" page
//! (`/dzielnice/{key}/rada`) with the board, the councillors of the current term, their duty
//! hours and the history of past terms; duty hours as a calendar feed; and the district
//! editors' screens under `/admin/dzielnice/{id}/radni` for terms, councillors with their
//! photos and memberships, and duty hours. Who may edit is the district's own rule
//! (`Action::ManageDistrict`), so Podgórze's editor never reaches Nowa Huta's councillors.

use super::common::{OkQuery, Opt, checked_picture, options, store_file, stored_picture};
use super::districts::{by_key, district_name, managed};
use crate::ctx::Ctx;
use crate::error::{AppError, AppResult, conflict_on};
use crate::forms::FormErrors;
use crate::i18n::Lang;
use crate::render::{render_form, render_public};
use crate::state::AppState;
use crate::time;
use crate::urls::redirect;
use crate::views::district_map;
use agora_db::council::{CouncilPeople, Councillor, Duty};
use agora_db::news::{Image, ImageChange};
use agora_db::reference::District;
use agora_domain::body::TermForm;
use agora_domain::council::{CouncilRole, CouncillorForm, DutyForm, Seat, SeatForm, Standing, TermSpan, standing};
use agora_domain::news::IMAGE_MAX_BYTES;
use agora_domain::permission::Action;
use agora_domain::validation::{Invalid, date_field};
use askama::Template;
use axum::Router;
use axum::extract::{DefaultBodyLimit, Form, Multipart, Path, Query, State};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use chrono::{NaiveDate, Utc};
use std::collections::HashMap;

/// Duty hours on the council's page; the feed has all those to come.
const DUTIES_SHOWN: i64 = 10;

pub(super) fn routes() -> Router<AppState> {
    let upload = DefaultBodyLimit::max(IMAGE_MAX_BYTES + 1024 * 1024);
    Router::new()
        .route("/dzielnice/{key}/rada", get(council_page))
        .route("/dzielnice/{key}/dyzury.ics", get(duties_ics))
        .route("/radni/{id}/zdjecie", get(photo))
        .route("/admin/dzielnice/{id}/radni", get(admin_page))
        .route("/admin/dzielnice/{id}/kadencje", post(add_term))
        .route("/admin/dzielnice/{id}/dyzury", post(add_duty))
        .route("/admin/dzielnice/{id}/dyzury/{duty}/usun", post(remove_duty))
        .route("/admin/dzielnice/{id}/radni/nowy", get(new_councillor).post(create_councillor).layer(upload))
        .route("/admin/dzielnice/{id}/radni/{cid}", get(edit_councillor).post(update_councillor).layer(upload))
        .route("/admin/dzielnice/{id}/radni/{cid}/mandaty", post(add_seat))
        .route("/admin/dzielnice/{id}/radni/{cid}/mandaty/koniec", post(end_seat))
}

// ---- what the pages show ----

/// A councillor as a term of the council shows them.
pub struct PersonView {
    pub id: i64,
    pub name: String,
    /// Their roles in the term, joined: "Przewodnicząca Zarządu, radna".
    pub roles: String,
    pub photo: Option<String>,
    pub photo_alt: String,
    pub constituency: String,
    pub committees: Vec<String>,
    pub contact: String,
    /// When they sat in the term: "od 1 czerwca 2024", "1 czerwca 2024 – 30 września 2025".
    pub period: String,
}

/// A term of the council with its people.
pub struct TermView {
    pub name: String,
    pub period: String,
    pub current: bool,
    /// The chair of the council and the board, by rank (the current term only).
    pub board: Vec<PersonView>,
    /// Everyone sitting (the current term) or who sat (a past term), by name.
    pub councillors: Vec<PersonView>,
    /// Those who left the current term early.
    pub former: Vec<PersonView>,
}

/// Duty hours as a list shows them.
pub struct DutyView {
    pub id: i64,
    pub when: String,
    pub place: String,
    /// The councillor on duty, or the council's office.
    pub who: String,
}

fn period(lang: Lang, from: NaiveDate, to: Option<NaiveDate>) -> String {
    match to {
        Some(to) => format!("{} – {}", time::day(lang, from), time::day(lang, to)),
        None => lang.t_args("council-period-from", &[("date", crate::i18n::Arg::Str(time::day(lang, from)))]),
    }
}

fn person(lang: Lang, c: &Councillor, roles: &[CouncilRole], seats: &[Seat]) -> PersonView {
    let from = seats.iter().map(|s| s.starts_on).min().unwrap_or_default();
    let to =
        if seats.iter().any(|s| s.ends_on.is_none()) { None } else { seats.iter().filter_map(|s| s.ends_on).max() };
    PersonView {
        id: c.id,
        name: c.name.clone(),
        roles: roles.iter().map(|r| lang.t(&format!("council-role-{r}"))).collect::<Vec<_>>().join(", "),
        photo: c.photo_key.as_ref().map(|_| format!("/radni/{}/zdjecie", c.id)),
        photo_alt: c.photo_alt.clone().unwrap_or_default(),
        constituency: c.constituency.clone(),
        committees: c.committees.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned).collect(),
        contact: c.contact.clone(),
        period: period(lang, from, to),
    }
}

/// Every term of the council with who sits in it on `today`, who sat in it before, and for a
/// past term everyone who sat in it.
pub fn terms_view(lang: Lang, people: &CouncilPeople, today: NaiveDate) -> Vec<TermView> {
    let by_id: HashMap<i64, &Councillor> = people.councillors.iter().map(|c| (c.id, c)).collect();
    people
        .terms
        .iter()
        .map(|t| {
            let current = t.starts_on <= today && today <= t.ends_on;
            let mut seats: Vec<(i64, Vec<Seat>)> = Vec::new();
            for s in people.seats.iter().filter(|s| s.term_id == t.id) {
                match seats.iter_mut().find(|(c, _)| *c == s.councillor_id) {
                    Some((_, list)) => list.push(s.seat()),
                    None => seats.push((s.councillor_id, vec![s.seat()])),
                }
            }
            let mut view = TermView {
                name: t.name.clone(),
                period: period(lang, t.starts_on, Some(t.ends_on)),
                current,
                board: Vec::new(),
                councillors: Vec::new(),
                former: Vec::new(),
            };
            let mut board: Vec<(usize, PersonView)> = Vec::new();
            for (id, list) in &seats {
                let Some(c) = by_id.get(id) else { continue };
                if !current {
                    let mut roles: Vec<CouncilRole> = list.iter().map(|s| s.role).collect();
                    roles.sort_by_key(|r| r.rank());
                    roles.dedup();
                    view.councillors.push(person(lang, c, &roles, list));
                    continue;
                }
                match standing(list, today) {
                    Standing::Sitting(roles) => {
                        if let Some(top) = roles.first().filter(|r| **r != CouncilRole::Councillor) {
                            board.push((top.rank(), person(lang, c, &roles, list)));
                        }
                        view.councillors.push(person(lang, c, &roles, list));
                    }
                    Standing::Former => view.former.push(person(lang, c, &[], list)),
                    Standing::Coming => {}
                }
            }
            board.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.name.cmp(&b.1.name)));
            view.board = board.into_iter().map(|(_, p)| p).collect();
            view.councillors.sort_by(|a, b| a.name.cmp(&b.name));
            view
        })
        .collect()
}

/// Duty hours as lists show them.
pub fn duty_views(ctx: &Ctx, duties: Vec<Duty>) -> Vec<DutyView> {
    duties
        .into_iter()
        .map(|d| DutyView {
            id: d.id,
            when: time::span(ctx.lang, d.starts_at, d.ends_at),
            place: d.place,
            who: d.councillor_name.unwrap_or_else(|| ctx.t("council-duty-office")),
        })
        .collect()
}

// ---- the public pages ----

#[derive(Template)]
#[template(path = "districts/council_people.html")]
struct PeopleTpl<'a> {
    ctx: &'a Ctx,
    name: String,
    href: String,
    council: agora_db::reference::Council,
    council_html: String,
    terms: Vec<TermView>,
    duties: Vec<DutyView>,
    feed: String,
    edit: Option<String>,
}

async fn council_page(State(state): State<AppState>, ctx: Ctx, Path(key): Path<String>) -> AppResult<Response> {
    let d = by_key(&state, &key).await?;
    let council = agora_db::reference::council(&state.db, d.id).await?.unwrap_or_default();
    let people = agora_db::council::people(&state.db, d.id).await?;
    let now = Utc::now();
    let duties = agora_db::council::duties(&state.db, Some(d.id), now, DUTIES_SHOWN).await?;
    let href = district_map::href(&d.name);
    render_public(
        &PeopleTpl {
            ctx: &ctx,
            name: district_name(&d),
            council_html: crate::markdown::to_html(&council.council_about),
            council,
            terms: terms_view(ctx.lang, &people, time::local_date(now)),
            duties: duty_views(&ctx, duties),
            feed: format!("{href}/dyzury.ics"),
            href,
            edit: ctx.can(Action::ManageDistrict(d.id)).then(|| format!("/admin/dzielnice/{}/radni", d.id)),
        },
        None,
    )
}

async fn duties_ics(State(state): State<AppState>, ctx: Ctx, Path(key): Path<String>) -> AppResult<Response> {
    let d = by_key(&state, &key).await?;
    let duties =
        agora_db::council::duties(&state.db, Some(d.id), Utc::now() - chrono::Duration::days(90), 5000).await?;
    let entries: Vec<_> = duties.into_iter().map(|x| super::consultations::duty_entry(&state, ctx.lang, x)).collect();
    let title = ctx.lang.t_args("council-duties-feed", &[("name", district_name(&d).into())]);
    let body = super::consultations::ics_body(&title, &entries);
    Ok(super::consultations::ics_response(body, &format!("dyzury-{}", d.number)))
}

async fn photo(State(state): State<AppState>, Path(id): Path<i64>) -> AppResult<Response> {
    let c = agora_db::council::photo(&state.db, id).await?.ok_or(AppError::NotFound)?;
    stored_picture(&state, &c.0, &c.1).await
}

// ---- the district editors' screens ----

/// A councillor in the editors' list.
struct RowView {
    id: i64,
    name: String,
    /// Roles held today, or "former".
    standing: String,
}

#[derive(Template)]
#[template(path = "districts/councillors.html")]
struct AdminTpl<'a> {
    ctx: &'a Ctx,
    id: i64,
    name: String,
    href: String,
    rows: Vec<RowView>,
    terms: Vec<(String, String)>,
    duties: Vec<DutyView>,
    people: Vec<Opt>,
    t: TermForm,
    df: DutyForm,
    errors: FormErrors,
    notice: Option<String>,
}

async fn admin_view(
    state: &AppState,
    ctx: &Ctx,
    d: &District,
    t: TermForm,
    df: DutyForm,
    errors: FormErrors,
    notice: Option<String>,
) -> AppResult<Response> {
    let people = agora_db::council::people(&state.db, d.id).await?;
    let today = time::local_date(Utc::now());
    let rows = people
        .councillors
        .iter()
        .map(|c| {
            let seats: Vec<Seat> = people.seats.iter().filter(|s| s.councillor_id == c.id).map(|s| s.seat()).collect();
            let standing = match standing(&seats, today) {
                Standing::Sitting(roles) => {
                    roles.iter().map(|r| ctx.t(&format!("council-role-{r}"))).collect::<Vec<_>>().join(", ")
                }
                Standing::Coming => ctx.t("council-standing-coming"),
                Standing::Former => ctx.t("council-standing-former"),
            };
            RowView { id: c.id, name: c.name.clone(), standing }
        })
        .collect();
    let duties = agora_db::council::duties(&state.db, Some(d.id), Utc::now(), 200).await?;
    let tpl = AdminTpl {
        ctx,
        id: d.id,
        name: district_name(d),
        href: district_map::href(&d.name),
        rows,
        terms: people.terms.iter().map(|t| (t.name.clone(), period(ctx.lang, t.starts_on, Some(t.ends_on)))).collect(),
        duties: duty_views(ctx, duties),
        people: people.councillors.iter().map(|c| Opt { value: c.id.to_string(), label: c.name.clone() }).collect(),
        t,
        df,
        errors,
        notice,
    };
    render_form(&tpl.errors, &tpl)
}

async fn admin_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<OkQuery>,
) -> AppResult<Response> {
    let d = managed(&state, &ctx, id).await?;
    admin_view(&state, &ctx, &d, TermForm::default(), DutyForm::default(), FormErrors::default(), q.notice(&ctx)).await
}

async fn add_term(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(t): Form<TermForm>,
) -> AppResult<Response> {
    let d = managed(&state, &ctx, id).await?;
    let refused = |inv: &Invalid| FormErrors::from_invalid(inv, ctx.lang);
    let input = match t.parse() {
        Ok(input) => input,
        Err(inv) => return admin_view(&state, &ctx, &d, t, DutyForm::default(), refused(&inv), None).await,
    };
    let entry = ctx.audit("council.term", "district", format!("{}: {}", d.name, input.name));
    if let Err(e) = agora_db::council::add_term(&state.db, id, &input, &entry).await {
        let inv = conflict_on(e, "term_name", "council-term-taken")?;
        return admin_view(&state, &ctx, &d, t, DutyForm::default(), refused(&inv), None).await;
    }
    Ok(redirect(&format!("/admin/dzielnice/{id}/radni?ok=flash-saved")).into_response())
}

async fn add_duty(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(f): Form<DutyForm>,
) -> AppResult<Response> {
    let d = managed(&state, &ctx, id).await?;
    let people = agora_db::council::people(&state.db, id).await?;
    let ids: Vec<i64> = people.councillors.iter().map(|c| c.id).collect();
    let parsed = f.parse(time::parse_local(&f.duty_starts_at), time::parse_local(&f.duty_ends_at), &ids, Utc::now());
    let input = match parsed {
        Ok(input) => input,
        Err(inv) => {
            let errors = FormErrors::from_invalid(&inv, ctx.lang);
            return admin_view(&state, &ctx, &d, TermForm::default(), f, errors, None).await;
        }
    };
    let entry = ctx.audit("council.duty", "district", format!("{}: {}", d.name, input.place));
    agora_db::council::add_duty(&state.db, id, &input, &entry).await?;
    Ok(redirect(&format!("/admin/dzielnice/{id}/radni?ok=flash-saved")).into_response())
}

async fn remove_duty(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, duty)): Path<(i64, i64)>,
) -> AppResult<Response> {
    let d = managed(&state, &ctx, id).await?;
    let entry = ctx.audit("council.duty.remove", "district", d.name.clone());
    if !agora_db::council::remove_duty(&state.db, id, duty, &entry).await? {
        return Err(AppError::NotFound);
    }
    Ok(redirect(&format!("/admin/dzielnice/{id}/radni?ok=flash-council-duty-removed")).into_response())
}

// ---- one councillor ----

/// A membership in the councillor's screen.
struct SeatView {
    id: i64,
    term: String,
    role: String,
    period: String,
    /// Still running: it can be ended.
    open: bool,
}

#[derive(Template)]
#[template(path = "districts/councillor.html")]
struct CouncillorTpl<'a> {
    ctx: &'a Ctx,
    id: i64,
    district: String,
    /// The councillor being edited; `None` for a new one.
    cid: Option<i64>,
    photo: Option<String>,
    f: CouncillorForm,
    seats: Vec<SeatView>,
    /// Some membership still runs and can be ended.
    has_open: bool,
    sf: SeatForm,
    roles: Vec<Opt>,
    term_options: Vec<Opt>,
    max_photo_mb: usize,
    errors: FormErrors,
    notice: Option<String>,
}

/// What the councillor's screen shows beside the form being sent.
struct Screen {
    stored: Option<Councillor>,
    f: CouncillorForm,
    sf: SeatForm,
    errors: FormErrors,
    notice: Option<String>,
}

async fn councillor_view(state: &AppState, ctx: &Ctx, d: &District, s: Screen) -> AppResult<Response> {
    let people = agora_db::council::people(&state.db, d.id).await?;
    let terms: HashMap<i64, &str> = people.terms.iter().map(|t| (t.id, t.name.as_str())).collect();
    let cid = s.stored.as_ref().map(|c| c.id);
    let seats = people
        .seats
        .iter()
        .filter(|x| Some(x.councillor_id) == cid)
        .map(|x| SeatView {
            id: x.id,
            term: terms.get(&x.term_id).map(|n| (*n).to_owned()).unwrap_or_default(),
            role: ctx.t(&format!("council-role-{}", x.role)),
            period: period(ctx.lang, x.starts_on, x.ends_on),
            open: x.ends_on.is_none(),
        })
        .collect::<Vec<SeatView>>();
    let tpl = CouncillorTpl {
        has_open: seats.iter().any(|x| x.open),
        ctx,
        id: d.id,
        district: district_name(d),
        cid,
        photo: s.stored.as_ref().filter(|c| c.photo_key.is_some()).map(|c| format!("/radni/{}/zdjecie", c.id)),
        f: s.f,
        seats,
        sf: s.sf,
        roles: options::<CouncilRole>(ctx.lang, "council-role-"),
        term_options: people.terms.iter().map(|t| Opt { value: t.id.to_string(), label: t.name.clone() }).collect(),
        max_photo_mb: IMAGE_MAX_BYTES / 1024 / 1024,
        errors: s.errors,
        notice: s.notice,
    };
    render_form(&tpl.errors, &tpl)
}

fn form_of(c: &Councillor) -> CouncillorForm {
    CouncillorForm {
        councillor_name: c.name.clone(),
        constituency: c.constituency.clone(),
        committees: c.committees.clone(),
        councillor_contact: c.contact.clone(),
        councillor_photo_alt: c.photo_alt.clone().unwrap_or_default(),
    }
}

async fn new_councillor(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> AppResult<Response> {
    let d = managed(&state, &ctx, id).await?;
    let screen = Screen {
        stored: None,
        f: CouncillorForm::default(),
        sf: SeatForm::default(),
        errors: FormErrors::default(),
        notice: None,
    };
    councillor_view(&state, &ctx, &d, screen).await
}

async fn edit_councillor(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, cid)): Path<(i64, i64)>,
    Query(q): Query<OkQuery>,
) -> AppResult<Response> {
    let d = managed(&state, &ctx, id).await?;
    let c = agora_db::council::councillor(&state.db, id, cid).await?.ok_or(AppError::NotFound)?;
    let screen = Screen {
        f: form_of(&c),
        stored: Some(c),
        sf: SeatForm::default(),
        errors: FormErrors::default(),
        notice: q.notice(&ctx),
    };
    councillor_view(&state, &ctx, &d, screen).await
}

async fn create_councillor(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    mp: Multipart,
) -> AppResult<Response> {
    save_councillor(&state, &ctx, id, None, mp).await
}

async fn update_councillor(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, cid)): Path<(i64, i64)>,
    mp: Multipart,
) -> AppResult<Response> {
    save_councillor(&state, &ctx, id, Some(cid), mp).await
}

/// Checks and stores a new or edited councillor. The photo goes into the store only once the
/// form is valid, and a photo no longer used is deleted only after the save is committed.
async fn save_councillor(state: &AppState, ctx: &Ctx, id: i64, cid: Option<i64>, mp: Multipart) -> AppResult<Response> {
    let d = managed(state, ctx, id).await?;
    let stored = match cid {
        Some(cid) => Some(agora_db::council::councillor(&state.db, id, cid).await?.ok_or(AppError::NotFound)?),
        None => None,
    };
    let (p, file) = crate::forms::read_multipart(mp, "councillor_photo", IMAGE_MAX_BYTES).await?;
    let f: CouncillorForm = p.decode()?;
    let remove = p.has("councillor_photo_remove");
    let mut inv = Invalid::default();
    let photo_type = inv.check(checked_picture(&file, "councillor_photo", "photo-type", IMAGE_MAX_BYTES)).flatten();
    let keeps = stored.as_ref().is_some_and(|c| c.photo_key.is_some()) && !remove;
    let parsed = f.parse(photo_type.is_some() || keeps);
    if let Err(e) = &parsed {
        inv.0.extend(e.0.iter().cloned());
    }
    let input = match parsed {
        Ok(input) if inv.is_empty() => input,
        _ => {
            if photo_type.is_some() {
                // A browser never sends a chosen file again: say so beside the field.
                inv.push(agora_domain::FieldError::new("councillor_photo", "photo-again"));
            }
            let errors = FormErrors::from_invalid(&inv, ctx.lang);
            let screen = Screen { stored, f, sf: SeatForm::default(), errors, notice: None };
            return councillor_view(state, ctx, &d, screen).await;
        }
    };
    let change = match photo_type {
        Some(t) => ImageChange::Set(Image {
            key: store_file(state, "councillors", file.bytes, t).await?,
            content_type: t.mime().to_owned(),
        }),
        None if remove => ImageChange::Remove,
        None => ImageChange::Keep,
    };
    let entry = ctx.audit(
        if cid.is_some() { "councillor.update" } else { "councillor.create" },
        "councillor",
        input.name.clone(),
    );
    let (cid, dropped) = agora_db::council::save_councillor(&state.db, id, cid, &input, &change, &entry)
        .await?
        .ok_or(AppError::NotFound)?;
    if let Some(key) = dropped {
        super::common::delete_stored(state, &key).await;
    }
    Ok(redirect(&format!("/admin/dzielnice/{id}/radni/{cid}?ok=flash-saved")).into_response())
}

async fn add_seat(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, cid)): Path<(i64, i64)>,
    Form(sf): Form<SeatForm>,
) -> AppResult<Response> {
    let d = managed(&state, &ctx, id).await?;
    let c = agora_db::council::councillor(&state.db, id, cid).await?.ok_or(AppError::NotFound)?;
    let people = agora_db::council::people(&state.db, id).await?;
    let terms: Vec<TermSpan> = people.terms.iter().map(|t| t.span()).collect();
    let seats: Vec<Seat> = people.seats.iter().map(|s| s.seat()).collect();
    let input = match sf.parse(cid, &terms, &seats) {
        Ok(input) => input,
        Err(inv) => {
            let errors = FormErrors::from_invalid(&inv, ctx.lang);
            let screen = Screen { f: form_of(&c), stored: Some(c), sf, errors, notice: None };
            return councillor_view(&state, &ctx, &d, screen).await;
        }
    };
    let entry = ctx.audit("councillor.seat", "councillor", format!("{}: {}", c.name, input.role));
    agora_db::council::add_seat(&state.db, cid, &input, &entry).await?;
    Ok(redirect(&format!("/admin/dzielnice/{id}/radni/{cid}?ok=flash-saved")).into_response())
}

/// Ending a membership: which one and its last day.
#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct EndForm {
    seat_id: String,
    seat_ends_on: String,
}

async fn end_seat(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, cid)): Path<(i64, i64)>,
    Form(f): Form<EndForm>,
) -> AppResult<Response> {
    let d = managed(&state, &ctx, id).await?;
    let c = agora_db::council::councillor(&state.db, id, cid).await?.ok_or(AppError::NotFound)?;
    let people = agora_db::council::people(&state.db, id).await?;
    let seat = people
        .seats
        .iter()
        .find(|s| Some(s.id) == f.seat_id.trim().parse().ok() && s.councillor_id == cid && s.ends_on.is_none());
    let checked = match seat {
        None => Err(agora_domain::FieldError::new("seat_id", "choice-invalid")),
        Some(seat) => {
            let term =
                people.terms.iter().find(|t| t.id == seat.term_id).map(|t| t.span()).ok_or(AppError::NotFound)?;
            date_field("seat_ends_on", &f.seat_ends_on)
                .and_then(|e| agora_domain::council::check_end(&seat.seat(), term, e))
                .map(|e| (seat.id, e))
        }
    };
    let (sid, ends_on) = match checked {
        Ok(done) => done,
        Err(e) => {
            let errors = FormErrors::from_invalid(&e.into(), ctx.lang);
            let screen = Screen { f: form_of(&c), stored: Some(c), sf: SeatForm::default(), errors, notice: None };
            return councillor_view(&state, &ctx, &d, screen).await;
        }
    };
    let entry = ctx.audit("councillor.seat.end", "councillor", c.name.clone());
    if !agora_db::council::end_seat(&state.db, cid, sid, ends_on, &entry).await? {
        return Err(AppError::NotFound);
    }
    Ok(redirect(&format!("/admin/dzielnice/{id}/radni/{cid}?ok=flash-saved")).into_response())
}
