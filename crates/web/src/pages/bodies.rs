//! Civic dialogue bodies: the public list and each body's page, and the staff pages where
//! administrators create and describe bodies and each body's secretary keeps its description,
//! terms and members (and nothing of another body).

use super::common::{OkQuery, Opt};
use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::forms::{FormErrors, Pairs};
use crate::i18n::{Lang, localized};
use crate::render::{render, render_form, render_public};
use crate::state::AppState;
use crate::time::{day, local_date};
use crate::urls::redirect;
use crate::views::meetings::{MeetingLine, split};
use crate::views::recognition::{self, RecordView};
use agora_db::DbError;
use agora_db::bodies::{self, Body, BodyFilter, Membership, Term};
use agora_db::reference::{self, NamedKind};
use agora_domain::Invalid;
use agora_domain::body::{Account, BodyForm, BodyKind, EndForm, MemberRole, MembershipForm, TermForm, check_overlap};
use agora_domain::permission::Action;
use agora_domain::recognition::may_keep_record;
use askama::Template;
use axum::Router;
use axum::extract::{Form, Path, Query, State};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use chrono::NaiveDate;
use serde::Deserialize;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/ciala-dialogu", get(public_list))
        .route("/ciala-dialogu/{slug}", get(public_page))
        // These come before the generic `/admin/{kind}/{id}` pages, which only name bodies.
        .route("/admin/ciala-dialogu", get(admin_list))
        .route("/admin/ciala-dialogu/nowe", get(new_form).post(create))
        .route("/admin/ciala-dialogu/{id}", get(edit_form).post(update))
        .route("/admin/ciala-dialogu/{id}/czlonkowie", get(members_page).post(add_membership))
        .route("/admin/ciala-dialogu/{id}/kadencje", axum::routing::post(add_term))
        .route("/admin/ciala-dialogu/{id}/czlonkowie/{mid}/koniec", get(end_form).post(end_membership))
}

fn kind_key(k: BodyKind) -> &'static str {
    match k {
        BodyKind::Kdo => "bodies-kind-kdo",
        BodyKind::PublicBenefitCouncil => "bodies-kind-public_benefit_council",
        BodyKind::YouthCouncil => "bodies-kind-youth_council",
        BodyKind::SeniorsCouncil => "bodies-kind-seniors_council",
        BodyKind::DistrictBody => "bodies-kind-district_body",
        BodyKind::WorkingGroup => "bodies-kind-working_group",
        BodyKind::Other => "bodies-kind-other",
    }
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

fn today() -> NaiveDate {
    local_date(chrono::Utc::now())
}

fn kind_options(ctx: &Ctx) -> Vec<Opt> {
    BodyKind::ALL.iter().map(|k| Opt { value: k.as_str().into(), label: ctx.t(kind_key(*k)) }).collect()
}

// ---- public pages ----

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ListQuery {
    rodzaj: String,
    temat: String,
}

struct BodyCard {
    slug: String,
    name: String,
    kind: String,
    themes: Vec<String>,
    members: i64,
}

#[derive(Template)]
#[template(path = "bodies/list.html")]
struct ListTpl<'a> {
    ctx: &'a Ctx,
    kinds: Vec<Opt>,
    themes: Vec<Opt>,
    q: ListQuery,
    cards: Vec<BodyCard>,
}

async fn public_list(State(state): State<AppState>, ctx: Ctx, Query(q): Query<ListQuery>) -> AppResult<Response> {
    // A value no option offers (an old link, a typo) lists everything rather than nothing.
    let kind = BodyKind::parse(q.rodzaj.trim());
    let categories = reference::named(&state.db, NamedKind::Category).await?;
    let category = q.temat.trim().parse::<i64>().ok().filter(|c| categories.iter().any(|k| k.id == *c));
    let q = ListQuery {
        rodzaj: kind.map(|k| k.as_str().to_owned()).unwrap_or_default(),
        temat: category.map(|c| c.to_string()).unwrap_or_default(),
    };
    let rows = bodies::list(&state.db, BodyFilter { kind, category }, today()).await?;
    let all_themes = bodies::all_themes(&state.db).await?;
    let cards = rows
        .into_iter()
        .map(|b| BodyCard {
            themes: all_themes
                .iter()
                .filter(|t| t.body_id == b.id)
                .map(|t| localized(ctx.lang, t.name_pl.clone(), t.name_en.clone()))
                .collect(),
            name: localized(ctx.lang, b.name_pl, b.name_en),
            kind: ctx.t(kind_key(b.kind)),
            slug: b.slug,
            members: b.members,
        })
        .collect();
    let themes = categories
        .into_iter()
        .map(|c| Opt { value: c.id.to_string(), label: localized(ctx.lang, c.name_pl, c.name_en) })
        .collect();
    render_public(&ListTpl { kinds: kind_options(&ctx), ctx: &ctx, themes, q, cards }, None)
}

/// A member as the lists show them.
struct MemberView {
    id: i64,
    name: String,
    role: String,
    organisation: String,
    vote: String,
    term: String,
    period: String,
    ended: bool,
}

fn member_view(lang: Lang, m: Membership, today: NaiveDate) -> MemberView {
    let period = match m.ends_on {
        Some(e) => format!("{} – {}", day(lang, m.starts_on), day(lang, e)),
        None => format!("{} – {}", day(lang, m.starts_on), lang.t("bodies-open-ended")),
    };
    MemberView {
        id: m.id,
        name: m.person_name,
        role: lang.t(role_key(m.role)),
        organisation: m.organisation.unwrap_or_default(),
        vote: lang.t(if m.voting { "bodies-voting-yes" } else { "bodies-voting-no" }),
        term: m.term_name.unwrap_or_default(),
        period,
        ended: m.ends_on.is_some_and(|e| e < today),
    }
}

struct TermView {
    name: String,
    period: String,
}

fn term_view(lang: Lang, t: &Term) -> TermView {
    TermView { name: t.name.clone(), period: format!("{} – {}", day(lang, t.starts_on), day(lang, t.ends_on)) }
}

#[derive(Template)]
#[template(path = "bodies/page.html")]
struct PageTpl<'a> {
    ctx: &'a Ctx,
    /// Its newest news.
    news: Vec<crate::views::news::NewsCard>,
    /// Its events to come, the soonest first.
    events: Vec<super::events::EventCard>,
    /// Its latest opinions and recommendations, as the ledger lists them.
    lines: Vec<super::ledger::Line>,
    /// How many it has in all.
    opinions_total: i64,
    item_base: &'static str,
    id: i64,
    name: String,
    kind: String,
    about_html: String,
    legal_basis: Option<String>,
    units: Vec<String>,
    themes: Vec<String>,
    contact: Option<String>,
    statute_url: Option<String>,
    term: Option<TermView>,
    current: Vec<MemberView>,
    former: Vec<MemberView>,
    can_edit: bool,
    meetings_slug: String,
    upcoming: Vec<MeetingLine>,
    past: Vec<MeetingLine>,
    /// Whether the visitor may read the members' space on the forum.
    members_forum: bool,
    /// The records of the members who agreed to show them.
    records: Vec<RecordView>,
    /// Whether the signed-in visitor shows their own record here, when they are a member.
    my_record: Option<bool>,
    /// Whether the visitor may ask for a certificate of participation here.
    may_certify: bool,
    /// The years with an activity report, the latest first.
    years: Vec<i32>,
}

async fn public_page(State(state): State<AppState>, ctx: Ctx, Path(slug): Path<String>) -> AppResult<Response> {
    let d = bodies::by_slug(&state.db, &slug).await?.ok_or(AppError::NotFound)?;
    let today = today();
    let members = bodies::members(&state.db, d.body.id, today).await?;
    let members_forum = ctx.can(Action::ManageBody(d.body.id))
        || ctx.user.as_ref().is_some_and(|u| members.current.iter().any(|m| m.user_id == Some(u.id)));
    let lang = ctx.lang;
    let b = d.body;
    let (lines, opinions_total) = super::ledger::body_opinions(&state, lang, b.id).await?;
    let meetings = agora_db::meetings::for_body(&state.db, b.id).await?;
    let years = recognition::years(&state, b.id, &meetings, chrono::Utc::now()).await?;
    let (upcoming, past) = split(lang, meetings, b.id, chrono::Utc::now());
    let records = recognition::records(&state, lang, b.id).await?;
    let spans: Vec<_> = members.current.iter().chain(&members.former).map(Membership::span).collect();
    let my_record = match &ctx.user {
        Some(u) if may_keep_record(&spans, u.id) => {
            Some(agora_db::recognition::consented(&state.db, b.id, u.id).await?)
        }
        _ => None,
    };
    let may_certify = my_record.is_some() || ctx.can(Action::ManageBody(b.id));
    let about = agora_db::news::Filter { body: Some(b.id), ..Default::default() };
    let (news, _) = crate::views::news::latest(&state, lang, &about, 3, chrono::Utc::now()).await?;
    let now = chrono::Utc::now();
    let coming = agora_db::events::EventFilter {
        at: Some(now),
        organiser: Some(agora_domain::event::Organiser::Body(b.id)),
        without_cancelled: true,
        ..agora_db::events::EventFilter::default()
    };
    let events = agora_db::events::list(&state.db, &coming, 3, 0).await?.items;
    let tpl = PageTpl {
        news,
        events: events.iter().map(|e| super::events::card(lang, e, now)).collect(),
        meetings_slug: b.slug.clone(),
        upcoming,
        past,
        ctx: &ctx,
        lines,
        opinions_total,
        item_base: "/odpowiedzi-miasta",
        id: b.id,
        name: localized(lang, b.name_pl, b.name_en),
        kind: ctx.t(kind_key(b.kind)),
        about_html: crate::markdown::to_html(&b.about),
        legal_basis: b.legal_basis,
        units: d.units.into_iter().map(|u| localized(lang, u.name_pl, u.name_en)).collect(),
        themes: d.themes.into_iter().map(|c| localized(lang, c.name_pl, c.name_en)).collect(),
        contact: b.contact,
        statute_url: b.statute_url,
        term: d.terms.iter().find(|t| t.starts_on <= today && today <= t.ends_on).map(|t| term_view(lang, t)),
        current: members.current.into_iter().map(|m| member_view(lang, m, today)).collect(),
        former: members.former.into_iter().map(|m| member_view(lang, m, today)).collect(),
        can_edit: ctx.can(Action::ManageBody(b.id)),
        members_forum,
        records,
        my_record,
        may_certify,
        years,
    };
    render_public(&tpl, None)
}

// ---- staff: the list and the body's own data ----

struct AdminRow {
    id: i64,
    slug: String,
    name: String,
    kind: String,
    members: i64,
}

#[derive(Template)]
#[template(path = "bodies/admin_list.html")]
struct AdminListTpl<'a> {
    ctx: &'a Ctx,
    rows: Vec<AdminRow>,
    notice: Option<String>,
}

async fn admin_list(State(state): State<AppState>, ctx: Ctx, Query(q): Query<OkQuery>) -> AppResult<Response> {
    ctx.require(Action::ManageReferenceData)?;
    let rows = bodies::list(&state.db, BodyFilter::default(), today())
        .await?
        .into_iter()
        .map(|b| AdminRow {
            id: b.id,
            slug: b.slug,
            name: b.name_pl,
            kind: ctx.t(kind_key(b.kind)),
            members: b.members,
        })
        .collect();
    let notice = q.notice(&ctx);
    render(&AdminListTpl { ctx: &ctx, rows, notice })
}

/// A list of checkboxes: the departments or the themes of a body.
struct CheckGroup {
    name: &'static str,
    label: String,
    items: Vec<Check>,
}

/// A checkbox in a list of departments or themes.
struct Check {
    value: String,
    label: String,
    checked: bool,
}

#[derive(Template)]
#[template(path = "bodies/edit.html")]
struct EditTpl<'a> {
    ctx: &'a Ctx,
    /// `None` for a new body.
    id: Option<i64>,
    /// The saved name and address, for the title and the link to the public page.
    title: String,
    slug: String,
    f: BodyForm,
    kinds: Vec<Opt>,
    groups: Vec<CheckGroup>,
    /// Administrators edit everything; a secretary only the description, contact and statute.
    full: bool,
    errors: FormErrors,
    notice: Option<String>,
    /// The granted request a new body is created on: its id and name.
    request: Option<(i64, String)>,
}

/// The departments and categories that exist, as ids.
async fn known_ids(state: &AppState) -> AppResult<(Vec<reference::Unit>, Vec<reference::Named>)> {
    Ok((reference::units(&state.db).await?, reference::named(&state.db, NamedKind::Category).await?))
}

#[expect(clippy::too_many_arguments, reason = "each is one part of the form page")]
async fn edit_page(
    state: &AppState,
    ctx: &Ctx,
    id: Option<i64>,
    stored: Option<&Body>,
    f: BodyForm,
    errors: FormErrors,
    notice: Option<String>,
    request: Option<(i64, String)>,
) -> AppResult<Response> {
    let (units, categories) = known_ids(state).await?;
    let checks = |chosen: &[String], items: Vec<(i64, String)>| -> Vec<Check> {
        items
            .into_iter()
            .map(|(id, label)| {
                let value = id.to_string();
                Check { checked: chosen.contains(&value), value, label }
            })
            .collect()
    };
    let unit_items = units
        .into_iter()
        .map(|u| (u.id, format!("{} — {}", u.code, localized(ctx.lang, u.name_pl, u.name_en))))
        .collect();
    let category_items = categories.into_iter().map(|c| (c.id, localized(ctx.lang, c.name_pl, c.name_en))).collect();
    let tpl = EditTpl {
        ctx,
        id,
        title: stored.map_or_else(|| ctx.t("bodies-admin-new"), |b| b.name_pl.clone()),
        slug: stored.map(|b| b.slug.clone()).unwrap_or_default(),
        kinds: kind_options(ctx),
        groups: vec![
            CheckGroup { name: "units", label: ctx.t("bodies-field-units"), items: checks(&f.units, unit_items) },
            CheckGroup {
                name: "categories",
                label: ctx.t("bodies-field-categories"),
                items: checks(&f.categories, category_items),
            },
        ],
        f,
        full: ctx.can(Action::ManageReferenceData),
        errors,
        notice,
        request,
    };
    render_form(&tpl.errors, &tpl)
}

/// The form as the stored body fills it.
async fn stored_form(state: &AppState, id: i64) -> AppResult<(Body, BodyForm)> {
    let d = bodies::detail_by_id(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let b = d.body;
    let opt = |s: &Option<String>| s.clone().unwrap_or_default();
    let f = BodyForm {
        name_pl: b.name_pl.clone(),
        name_en: opt(&b.name_en),
        slug: b.slug.clone(),
        kind: b.kind.as_str().into(),
        legal_basis: opt(&b.legal_basis),
        about: b.about.clone(),
        contact: opt(&b.contact),
        statute_url: opt(&b.statute_url),
        units: d.units.iter().map(|u| u.id.to_string()).collect(),
        categories: d.themes.iter().map(|c| c.id.to_string()).collect(),
    };
    Ok((b, f))
}

fn body_form(p: &Pairs) -> AppResult<BodyForm> {
    let mut f: BodyForm = p.decode()?;
    f.units = p.all("units").into_iter().map(str::to_owned).collect();
    f.categories = p.all("categories").into_iter().map(str::to_owned).collect();
    Ok(f)
}

/// Checks and stores a body (created on `request`, when given); `Err` carries the problems
/// for the form.
async fn save_body(
    state: &AppState,
    ctx: &Ctx,
    id: Option<i64>,
    f: &BodyForm,
    request: Option<i64>,
) -> AppResult<Result<i64, Invalid>> {
    let (units, categories) = known_ids(state).await?;
    let unit_ids: Vec<i64> = units.iter().map(|u| u.id).collect();
    let category_ids: Vec<i64> = categories.iter().map(|c| c.id).collect();
    let input = match f.parse(&unit_ids, &category_ids) {
        Ok(i) => i,
        Err(inv) => return Ok(Err(inv)),
    };
    let action = if id.is_some() { "dialogue_body.update" } else { "dialogue_body.create" };
    let entry = ctx.audit(action, "dialogue_body", format!("{} ({})", input.name_pl, input.slug));
    let saved = match request {
        Some(r) => bodies::create_for_request(&state.db, &input, r, &entry).await,
        None => bodies::save(&state.db, id, &input, &entry).await,
    };
    match saved {
        Ok(id) => Ok(Ok(id)),
        // Another administrator created a body on the same request meanwhile.
        Err(DbError::Conflict(msg)) if msg.contains("body_requests") => {
            Ok(Err(agora_domain::FieldError::new("name_pl", "bodies-request-done").into()))
        }
        // The message of a broken unique rule names its column or index on both databases.
        Err(DbError::Conflict(msg)) if msg.contains("slug") => {
            Ok(Err(agora_domain::FieldError::new("slug", "body-slug-taken").into()))
        }
        Err(DbError::Conflict(_)) => Ok(Err(agora_domain::FieldError::new("name_pl", "name-taken").into())),
        Err(e) => Err(e.into()),
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct NewQuery {
    /// A granted request to create a body, which fills the form.
    wniosek: String,
}

/// Request `raw` when the city granted it and no body has been created on it yet; 404 otherwise,
/// so that a body is created once on each granted request.
async fn granted_request(state: &AppState, raw: &str) -> AppResult<agora_db::applications::BodyRequest> {
    let id: i64 = raw.trim().parse().map_err(|_| AppError::NotFound)?;
    let r = agora_db::applications::request(&state.db, id).await?.ok_or(AppError::NotFound)?;
    if r.state == Some(agora_domain::tracked::TrackedState::Granted) && r.body_slug.is_none() {
        Ok(r)
    } else {
        Err(AppError::NotFound)
    }
}

async fn new_form(State(state): State<AppState>, ctx: Ctx, Query(q): Query<NewQuery>) -> AppResult<Response> {
    ctx.require(Action::ManageReferenceData)?;
    let (f, request) = if q.wniosek.trim().is_empty() {
        (BodyForm { kind: BodyKind::Kdo.as_str().into(), ..BodyForm::default() }, None)
    } else {
        // What the requesters asked for, for the administrator to complete.
        let r = granted_request(&state, &q.wniosek).await?;
        let f = BodyForm {
            name_pl: r.name.clone(),
            kind: r.kind.as_str().into(),
            about: r.justification.clone(),
            units: vec![r.unit_id.to_string()],
            ..BodyForm::default()
        };
        (f, Some((r.id, r.name)))
    };
    edit_page(&state, &ctx, None, None, f, FormErrors::default(), None, request).await
}

async fn create(State(state): State<AppState>, ctx: Ctx, Form(p): Form<Pairs>) -> AppResult<Response> {
    ctx.require(Action::ManageReferenceData)?;
    let f = body_form(&p)?;
    let request = match p.get("request_id") {
        "" => None,
        raw => Some(granted_request(&state, raw).await?),
    };
    match save_body(&state, &ctx, None, &f, request.as_ref().map(|r| r.id)).await? {
        Ok(id) => Ok(redirect(&format!("/admin/ciala-dialogu/{id}?ok=flash-body-created")).into_response()),
        Err(inv) => {
            let errors = FormErrors::from_invalid(&inv, ctx.lang);
            edit_page(&state, &ctx, None, None, f, errors, None, request.map(|r| (r.id, r.name))).await
        }
    }
}

async fn edit_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<OkQuery>,
) -> AppResult<Response> {
    ctx.require(Action::ManageBody(id))?;
    let (b, f) = stored_form(&state, id).await?;
    let notice = q.notice(&ctx);
    edit_page(&state, &ctx, Some(id), Some(&b), f, FormErrors::default(), notice, None).await
}

async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(p): Form<Pairs>,
) -> AppResult<Response> {
    ctx.require(Action::ManageBody(id))?;
    let (b, stored) = stored_form(&state, id).await?;
    let mut f = body_form(&p)?;
    if !ctx.can(Action::ManageReferenceData) {
        // A secretary describes their body; what names and files it (its name, address, kind,
        // legal basis, departments and themes) is the administrators' to change.
        f = BodyForm { about: f.about, contact: f.contact, statute_url: f.statute_url, ..stored };
    }
    match save_body(&state, &ctx, Some(id), &f, None).await? {
        Ok(_) => Ok(redirect(&format!("/admin/ciala-dialogu/{id}?ok=flash-saved")).into_response()),
        Err(inv) => {
            let errors = FormErrors::from_invalid(&inv, ctx.lang);
            edit_page(&state, &ctx, Some(id), Some(&b), f, errors, None, None).await
        }
    }
}

// ---- staff: terms and members ----

#[derive(Template)]
#[template(path = "bodies/members.html")]
struct MembersTpl<'a> {
    ctx: &'a Ctx,
    id: i64,
    title: String,
    slug: String,
    memberships: Vec<MemberView>,
    terms: Vec<TermView>,
    term_options: Vec<Opt>,
    roles: Vec<Opt>,
    mf: MembershipForm,
    t: TermForm,
    errors: FormErrors,
    notice: Option<String>,
}

async fn members_view(
    state: &AppState,
    ctx: &Ctx,
    id: i64,
    m: MembershipForm,
    t: TermForm,
    errors: FormErrors,
    notice: Option<String>,
) -> AppResult<Response> {
    let d = bodies::detail_by_id(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let today = today();
    let memberships =
        bodies::memberships(&state.db, id).await?.into_iter().map(|m| member_view(ctx.lang, m, today)).collect();
    let tpl = MembersTpl {
        ctx,
        id,
        title: d.body.name_pl,
        slug: d.body.slug,
        memberships,
        terms: d.terms.iter().map(|t| term_view(ctx.lang, t)).collect(),
        term_options: d.terms.iter().map(|t| Opt { value: t.id.to_string(), label: t.name.clone() }).collect(),
        roles: MemberRole::ALL.iter().map(|r| Opt { value: r.as_str().into(), label: ctx.t(role_key(*r)) }).collect(),
        mf: m,
        t,
        errors,
        notice,
    };
    render_form(&tpl.errors, &tpl)
}

fn new_membership_form() -> MembershipForm {
    MembershipForm { role: MemberRole::Member.as_str().into(), voting: Some("yes".into()), ..MembershipForm::default() }
}

async fn members_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<OkQuery>,
) -> AppResult<Response> {
    ctx.require(Action::ManageBody(id))?;
    let notice = q.notice(&ctx);
    members_view(&state, &ctx, id, new_membership_form(), TermForm::default(), FormErrors::default(), notice).await
}

async fn add_membership(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(f): Form<MembershipForm>,
) -> AppResult<Response> {
    ctx.require(Action::ManageBody(id))?;
    let d = bodies::detail_by_id(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let account = match f.email.trim() {
        "" => Account::NotGiven,
        email => match agora_db::users::by_email(&state.db, &email.to_lowercase()).await? {
            Some(u) => Account::Found(u.id),
            None => Account::Unknown,
        },
    };
    let terms: Vec<i64> = d.terms.iter().map(|t| t.id).collect();
    let checked = match f.parse(&terms, account) {
        Ok(input) => {
            let existing: Vec<_> = bodies::memberships(&state.db, id).await?.iter().map(Membership::span).collect();
            check_overlap(&input, &existing).map(|()| input).map_err(Invalid::from)
        }
        Err(inv) => Err(inv),
    };
    match checked {
        Ok(input) => {
            let details = format!("{}: {} {}", d.body.name_pl, input.person_name, input.role.as_str());
            bodies::add_membership(
                &state.db,
                id,
                &input,
                &ctx.audit("body_membership.create", "dialogue_body", details),
            )
            .await?;
            Ok(redirect(&format!("/admin/ciala-dialogu/{id}/czlonkowie?ok=flash-membership-added")).into_response())
        }
        Err(inv) => {
            let errors = FormErrors::from_invalid(&inv, ctx.lang);
            members_view(&state, &ctx, id, f, TermForm::default(), errors, None).await
        }
    }
}

async fn add_term(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(t): Form<TermForm>,
) -> AppResult<Response> {
    ctx.require(Action::ManageBody(id))?;
    let b = bodies::by_id(&state.db, id).await?.ok_or(AppError::NotFound)?;
    match t.parse() {
        Ok(input) => {
            let entry = ctx.audit("body_term.create", "dialogue_body", format!("{}: {}", b.name_pl, input.name));
            bodies::add_term(&state.db, id, &input, &entry).await?;
            Ok(redirect(&format!("/admin/ciala-dialogu/{id}/czlonkowie?ok=flash-term-added")).into_response())
        }
        Err(inv) => {
            let errors = FormErrors::from_invalid(&inv, ctx.lang);
            members_view(&state, &ctx, id, new_membership_form(), t, errors, None).await
        }
    }
}

#[derive(Template)]
#[template(path = "bodies/end.html")]
struct EndTpl<'a> {
    ctx: &'a Ctx,
    id: i64,
    mid: i64,
    body_name: String,
    person: String,
    f: EndForm,
    errors: FormErrors,
}

async fn membership_to_end(state: &AppState, ctx: &Ctx, id: i64, mid: i64) -> AppResult<(Body, Membership)> {
    ctx.require(Action::ManageBody(id))?;
    let b = bodies::by_id(&state.db, id).await?.ok_or(AppError::NotFound)?;
    // Only a membership of this body: a secretary's rights end at their body.
    let m = bodies::membership(&state.db, id, mid).await?.ok_or(AppError::NotFound)?;
    Ok((b, m))
}

async fn end_form(State(state): State<AppState>, ctx: Ctx, Path((id, mid)): Path<(i64, i64)>) -> AppResult<Response> {
    let (b, m) = membership_to_end(&state, &ctx, id, mid).await?;
    let f = EndForm { ends_on: m.ends_on.unwrap_or_else(today).format("%Y-%m-%d").to_string() };
    let tpl =
        EndTpl { ctx: &ctx, id, mid, body_name: b.name_pl, person: m.person_name, f, errors: FormErrors::default() };
    render(&tpl)
}

async fn end_membership(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, mid)): Path<(i64, i64)>,
    Form(f): Form<EndForm>,
) -> AppResult<Response> {
    let (b, m) = membership_to_end(&state, &ctx, id, mid).await?;
    let others: Vec<_> =
        bodies::memberships(&state.db, id).await?.iter().filter(|o| o.id != mid).map(Membership::span).collect();
    match f.parse(&m.span(), &others) {
        Ok(ends_on) => {
            let details = format!("{}: {} {} → {ends_on}", b.name_pl, m.person_name, m.role.as_str());
            let entry = ctx.audit("body_membership.end", "dialogue_body", details);
            if !bodies::end_membership(&state.db, id, mid, ends_on, &entry).await? {
                return Err(AppError::NotFound);
            }
            Ok(redirect(&format!("/admin/ciala-dialogu/{id}/czlonkowie?ok=flash-membership-ended")).into_response())
        }
        Err(inv) => {
            let errors = FormErrors::from_invalid(&inv, ctx.lang);
            let tpl = EndTpl { ctx: &ctx, id, mid, body_name: b.name_pl, person: m.person_name, f, errors };
            render_form(&tpl.errors, &tpl)
        }
    }
}
