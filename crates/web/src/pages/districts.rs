//! The districts: `/dzielnice`, all of them on one map of the city with a plain list beside
//! it, and each district's page: its outline, what is being consulted there now and soon,
//! and its quick poll.

use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::render::render_public;
use crate::state::AppState;
use crate::views::consultation::{Card, card};
use crate::views::district_map::{self, CityMap, MapDistrict, OSM_COPYRIGHT};
use crate::views::poll::{PollView, widget};
use agora_db::consultation::{CatalogueFilter, Sort, Tab, catalogue};
use agora_domain::district_map::Drawing;
use agora_domain::poll::Placement;
use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
use axum::routing::get;

pub(super) fn routes() -> Router<AppState> {
    Router::new().route("/dzielnice", get(districts_index)).route("/dzielnice/{id}", get(district_page))
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
    /// The district's space on the forum.
    forum: String,
    open: Vec<Card>,
    open_total: i64,
    planned: Vec<Card>,
    poll: Option<PollView>,
    news: Vec<crate::views::news::NewsCard>,
    /// The district's boundary, when the built-in boundaries include its number.
    outline: Option<Drawing>,
    osm: &'static str,
}

async fn district_page(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let d =
        agora_db::reference::districts(&state.db).await?.into_iter().find(|d| d.id == id).ok_or(AppError::NotFound)?;
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
    let poll = widget(&state, &ctx, &headers, Placement::District, Some(id), &format!("/dzielnice/{id}")).await?;
    let about = agora_db::news::Filter { district: Some(id), ..Default::default() };
    let (news, _) = crate::views::news::latest(&state, ctx.lang, &about, 3, now).await?;
    render_public(
        &DistrictTpl {
            ctx: &ctx,
            id,
            forum: format!("/forum/dzielnica-{}", d.number),
            name: format!("{} {}", agora_domain::reference::DistrictInput::roman(d.number), d.name),
            open_total: open.total,
            open: open.items.into_iter().map(|r| card(&ctx, r, now)).collect(),
            planned: planned.items.into_iter().map(|r| card(&ctx, r, now)).collect(),
            poll,
            news,
            outline: district_map::outline(d.number),
            osm: OSM_COPYRIGHT,
        },
        None,
    )
}
