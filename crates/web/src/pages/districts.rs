//! The districts: `/dzielnice`, all of them on one map of the city with a plain list beside
//! it, and each district's page (`/dzielnice/{number-or-name}`): its council and how to reach
//! it, its outline, what is being consulted there now and soon, its news and its quick poll.
//! The district's editors keep the council's part at `/admin/dzielnice/{id}/rada`.

use super::common::OkQuery;
use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::forms::FormErrors;
use crate::render::{render_form, render_public};
use crate::state::AppState;
use crate::urls::redirect;
use crate::views::consultation::{Card, card};
use crate::views::district_map::{self, CityMap, MapDistrict, OSM_COPYRIGHT};
use crate::views::poll::{PollView, widget};
use agora_db::consultation::{CatalogueFilter, Sort, Tab, catalogue};
use agora_domain::council::{CouncilForm, DistrictKey};
use agora_domain::district_map::Drawing;
use agora_domain::permission::Action;
use agora_domain::poll::Placement;
use askama::Template;
use axum::Router;
use axum::extract::{Form, Query};
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::IntoResponse;
use axum::response::Response;
use axum::routing::get;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/dzielnice", get(districts_index))
        .route("/dzielnice/{key}", get(district_page))
        .route("/admin/dzielnice/{id}/rada", get(council_form).post(save_council))
}

#[derive(Template)]
#[template(path = "districts/index.html")]
struct IndexTpl<'a> {
    ctx: &'a Ctx,
    map: Option<CityMap>,
    list: Vec<MapDistrict>,
    osm: &'static str,
}

async fn districts_index(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let districts = agora_db::reference::districts(&state.db).await?;
    render_public(
        &IndexTpl {
            ctx: &ctx,
            map: district_map::city(&districts),
            list: district_map::list(&districts),
            osm: OSM_COPYRIGHT,
        },
        None,
    )
}

#[derive(Template)]
#[template(path = "districts/page.html")]
struct DistrictTpl<'a> {
    ctx: &'a Ctx,
    id: i64,
    name: String,
    council: agora_db::reference::Council,
    council_html: String,
    /// The council's form, for the district's editors.
    edit: Option<String>,
    /// The district's space on the forum.
    forum: String,
    open: Vec<Card>,
    open_total: i64,
    planned: Vec<Card>,
    poll: Option<PollView>,
    news: Vec<crate::views::news::NewsCard>,
    /// The chair of the council and the board today.
    board: Vec<super::council::PersonView>,
    /// Duty hours to come, the soonest first.
    duties: Vec<super::council::DutyView>,
    /// Events to come that concern the district, the soonest first.
    events: Vec<super::events::EventCard>,
    /// The "get to know your council" page.
    people_href: String,
    /// The district's boundary, when the built-in boundaries include its number.
    outline: Option<Drawing>,
    osm: &'static str,
}

async fn district_page(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    Path(key): Path<String>,
) -> AppResult<Response> {
    let d = by_key(&state, &key).await?;
    let id = d.id;
    let council = agora_db::reference::council(&state.db, id).await?.unwrap_or_default();
    let now = chrono::Utc::now();
    let filter = |tab| CatalogueFilter {
        tab,
        district: Some(id),
        category: None,
        unit: None,
        opens_between: None,
        words: vec![],
        sort: Sort::Closing,
    };
    let open = catalogue(&state.db, &filter(Tab::Open), 6, 0).await?;
    let planned = catalogue(&state.db, &filter(Tab::Planned), 3, 0).await?;
    let poll = widget(&state, &ctx, &headers, Placement::District, Some(id), &district_map::href(&d.name)).await?;
    let about = agora_db::news::Filter { district: Some(id), ..Default::default() };
    let (news, _) = crate::views::news::latest(&state, ctx.lang, &about, 3, now).await?;
    let people = agora_db::council::people(&state.db, id).await?;
    let board = super::council::terms_view(ctx.lang, &people, crate::time::local_date(now))
        .into_iter()
        .find(|t| t.current)
        .map(|t| t.board)
        .unwrap_or_default();
    let duties = super::council::duty_views(&ctx, agora_db::council::duties(&state.db, Some(id), now, 3).await?);
    let coming = agora_db::events::EventFilter {
        at: Some(now),
        district: Some(id),
        without_cancelled: true,
        ..agora_db::events::EventFilter::default()
    };
    let events = agora_db::events::list(&state.db, &coming, 3, 0).await?.items;
    render_public(
        &DistrictTpl {
            ctx: &ctx,
            id,
            council_html: crate::markdown::to_html(&council.council_about),
            council,
            edit: ctx.can(Action::ManageDistrict(id)).then(|| format!("/admin/dzielnice/{id}/rada")),
            forum: format!("/forum/dzielnica-{}", d.number),
            name: district_name(&d),
            open_total: open.total,
            open: open.items.into_iter().map(|r| card(&ctx, r, now)).collect(),
            planned: planned.items.into_iter().map(|r| card(&ctx, r, now)).collect(),
            poll,
            news,
            board,
            duties,
            events: events.iter().map(|e| super::events::card(ctx.lang, e, now)).collect(),
            people_href: format!("{}/rada", district_map::href(&d.name)),
            outline: district_map::outline(d.number),
            osm: OSM_COPYRIGHT,
        },
        None,
    )
}

/// The district an address names by number or name; an address from before names were used
/// gave the id.
pub(super) async fn by_key(state: &AppState, key: &str) -> AppResult<agora_db::reference::District> {
    let all = agora_db::reference::districts(&state.db).await?;
    let wanted = DistrictKey::parse(key);
    all.iter()
        .find(|d| wanted.names(d.number, &d.name))
        .or_else(|| match wanted {
            DistrictKey::Number(id) => all.iter().find(|d| d.id == id),
            DistrictKey::Slug(_) => None,
        })
        .cloned()
        .ok_or(AppError::NotFound)
}

/// "XIII Podgórze": the district's number in Roman numerals, as Kraków writes it, and its name.
pub(super) fn district_name(d: &agora_db::reference::District) -> String {
    format!("{} {}", agora_domain::reference::DistrictInput::roman(d.number), d.name)
}

// ---- the council's part, for the district's editors ----

#[derive(Template)]
#[template(path = "districts/council.html")]
struct CouncilTpl<'a> {
    ctx: &'a Ctx,
    id: i64,
    name: String,
    href: String,
    f: CouncilForm,
    errors: FormErrors,
    notice: Option<String>,
}

/// The district `id` when the visitor may keep its page: 404 for none, 403 for another's.
pub(super) async fn managed(state: &AppState, ctx: &Ctx, id: i64) -> AppResult<agora_db::reference::District> {
    ctx.require(Action::ManageDistrict(id))?;
    agora_db::reference::district(&state.db, id).await?.ok_or(AppError::NotFound)
}

fn council_page(
    ctx: &Ctx,
    d: &agora_db::reference::District,
    f: CouncilForm,
    errors: FormErrors,
    notice: Option<String>,
) -> AppResult<Response> {
    let tpl =
        CouncilTpl { ctx, id: d.id, name: district_name(d), href: district_map::href(&d.name), f, errors, notice };
    render_form(&tpl.errors, &tpl)
}

async fn council_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<OkQuery>,
) -> AppResult<Response> {
    let d = managed(&state, &ctx, id).await?;
    let c = agora_db::reference::council(&state.db, id).await?.unwrap_or_default();
    let f = CouncilForm {
        council_about: c.council_about,
        council_seat: c.council_seat,
        council_hours: c.council_hours,
        council_contact: c.council_contact,
    };
    council_page(&ctx, &d, f, FormErrors::default(), q.notice(&ctx))
}

async fn save_council(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(f): Form<CouncilForm>,
) -> AppResult<Response> {
    let d = managed(&state, &ctx, id).await?;
    let input = match f.parse() {
        Ok(input) => input,
        Err(inv) => return council_page(&ctx, &d, f, FormErrors::from_invalid(&inv, ctx.lang), None),
    };
    let entry = ctx.audit("district.council", "district", d.name.clone());
    if !agora_db::reference::save_council(&state.db, id, &input, &entry).await? {
        return Err(AppError::NotFound);
    }
    Ok(redirect(&format!("/admin/dzielnice/{id}/rada?ok=flash-saved")).into_response())
}
