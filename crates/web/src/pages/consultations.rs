//! The public side of consultations: catalogue, consultation page, documents, calendar, feeds.

use super::common::Opt;
use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::i18n::localized;
use crate::i18n::{Arg, Lang};
use crate::render::render_public;
use crate::state::AppState;
use crate::time;
use crate::urls::{host_of, url_encode};
use crate::views::consultation::{Card, card, status_line, visible};
use agora_db::Page;
use agora_db::consultation::{self as dbc, CatalogueFilter, Consultation, Sort, Tab};
use agora_db::documents::{self, Document};
use agora_db::programme::{self, CalendarEvent, Event, Method, ScheduleItem};
use agora_db::reference::{self, NamedKind};
use agora_domain::consultation::Status;
use agora_domain::permission::Action;
use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use chrono::{Duration, Utc};
use serde::Deserialize;

/// Consultations per catalogue page.
pub const PER_PAGE: i64 = 20;
/// Events per calendar page.
const EVENTS_PER_PAGE: i64 = 50;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/konsultacje", get(catalogue))
        .route("/konsultacje.atom", get(atom_feed))
        .route("/kalendarz", get(calendar))
        .route("/kalendarz.ics", get(calendar_ics))
        .route("/konsultacje/{slug}", get(consultation_page))
        .route("/konsultacje/{slug}/kalendarz.ics", get(consultation_ics))
        .route("/konsultacje/{slug}/dokumenty/{doc}/{version}", get(download))
}

// ---- catalogue ----

#[derive(Debug, Default, Deserialize, Clone)]
#[serde(default)]
struct CatalogueQuery {
    status: String,
    dzielnica: String,
    kategoria: String,
    jednostka: String,
    rok: String,
    q: String,
    sortuj: String,
    strona: String,
}

impl CatalogueQuery {
    fn tab(&self) -> Tab {
        match self.status.as_str() {
            "planowane" => Tab::Planned,
            "zakonczone" => Tab::Finished,
            "wszystkie" => Tab::All,
            _ => Tab::Open,
        }
    }

    fn tab_slug(&self) -> &'static str {
        match self.tab() {
            Tab::Planned => "planowane",
            Tab::Open => "trwajace",
            Tab::Finished => "zakonczone",
            Tab::All => "wszystkie",
        }
    }

    fn sort(&self) -> Sort {
        match (self.sortuj.as_str(), self.tab()) {
            ("koniec", _) => Sort::Closing,
            ("najnowsze", _) => Sort::Newest,
            ("tytul", _) => Sort::Title,
            (_, Tab::Open | Tab::Planned) => Sort::Closing,
            _ => Sort::Newest,
        }
    }

    /// The query string of every filter but the tab and page, for links that keep them.
    fn filters_qs(&self) -> String {
        [
            ("dzielnica", &self.dzielnica),
            ("kategoria", &self.kategoria),
            ("jednostka", &self.jednostka),
            ("rok", &self.rok),
            ("q", &self.q),
            ("sortuj", &self.sortuj),
        ]
        .iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .map(|(k, v)| format!("&{k}={}", url_encode(v.trim())))
        .collect()
    }
}

#[derive(Template)]
#[template(path = "consultations/catalogue.html")]
struct CatalogueTpl<'a> {
    ctx: &'a Ctx,
    tab: &'static str,
    q: CatalogueQuery,
    filters_qs: String,
    pager_base: String,
    cards: Vec<Card>,
    total: i64,
    page: i64,
    pages: i64,
    districts: Vec<Opt>,
    categories: Vec<Opt>,
    units: Vec<Opt>,
    years: Vec<i32>,
    /// With a filter set, how many results each tab holds, so that none is missed behind
    /// another tab: (tab slug, its label key, count).
    tab_counts: Option<Vec<(&'static str, &'static str, i64)>>,
}

fn id_param(raw: &str) -> Option<i64> {
    raw.trim().parse::<i64>().ok().filter(|n| *n > 0)
}

async fn catalogue(State(state): State<AppState>, ctx: Ctx, Query(q): Query<CatalogueQuery>) -> AppResult<Response> {
    let now = Utc::now();
    let page = q.strona.trim().parse::<i64>().unwrap_or(1).clamp(1, 10_000);
    let units = reference::units(&state.db).await?;
    let unit = id_param(&q.jednostka)
        .or_else(|| units.iter().find(|u| u.code.eq_ignore_ascii_case(q.jednostka.trim())).map(|u| u.id));
    let filter = CatalogueFilter {
        tab: q.tab(),
        district: id_param(&q.dzielnica),
        category: id_param(&q.kategoria),
        unit,
        opens_between: q
            .rok
            .trim()
            .parse::<i32>()
            .ok()
            .filter(|y| (1990..=2200).contains(y))
            .and_then(time::year_bounds),
        words: q
            .q
            .to_lowercase()
            .split_whitespace()
            .filter(|w| !w.is_empty())
            .map(|w| w.chars().take(50).collect())
            .collect(),
        sort: q.sort(),
    };
    let Page { items, total } = dbc::catalogue(&state.db, &filter, PER_PAGE, (page - 1) * PER_PAGE).await?;
    let filtered = [&q.dzielnica, &q.kategoria, &q.jednostka, &q.rok, &q.q].iter().any(|v| !v.trim().is_empty());
    let tab_counts = if filtered {
        let n = dbc::catalogue_tab_counts(&state.db, &filter).await?;
        Some(vec![
            ("trwajace", "tab-open", n.open),
            ("planowane", "tab-planned", n.planned),
            ("zakonczone", "tab-finished", n.finished),
        ])
    } else {
        None
    };
    let districts = reference::districts(&state.db)
        .await?
        .into_iter()
        .map(|d| Opt {
            value: d.id.to_string(),
            label: format!("{} {}", agora_domain::reference::DistrictInput::roman(d.number), d.name),
        })
        .collect();
    let categories = reference::named(&state.db, NamedKind::Category)
        .await?
        .into_iter()
        .map(|c| Opt { value: c.id.to_string(), label: localized(ctx.lang, c.name_pl, c.name_en) })
        .collect();
    let units = units
        .into_iter()
        .map(|u| Opt { value: u.id.to_string(), label: localized(ctx.lang, u.name_pl, u.name_en) })
        .collect();
    let years = dbc::years(&state.db).await?;
    let tpl = CatalogueTpl {
        ctx: &ctx,
        tab: q.tab_slug(),
        filters_qs: q.filters_qs(),
        pager_base: format!("/konsultacje?status={}{}", q.tab_slug(), q.filters_qs()),
        cards: items.into_iter().map(|r| card(&ctx, r, now)).collect(),
        pages: ((total + PER_PAGE - 1) / PER_PAGE).max(1),
        total,
        page,
        q,
        districts,
        categories,
        units,
        years,
        tab_counts,
    };
    render_public(&tpl, None)
}

// ---- consultation page ----

/// A schedule step, with whether it is the current one.
pub struct StepView {
    pub title: String,
    pub when: String,
    /// ISO date for `<time>`.
    pub iso: String,
    pub description: String,
    /// The step under way today.
    pub current: bool,
    /// Already over.
    pub past: bool,
}

/// An event ready to show.
pub struct EventView {
    /// Method kind label.
    pub kind: String,
    pub title: String,
    /// "17 stycznia 2027, 18:00–20:00".
    pub when: String,
    /// ISO start.
    pub iso: String,
    /// Place lines.
    pub place: Vec<String>,
    /// Accessibility notes.
    pub accessibility: Option<String>,
    /// Online link.
    pub online_url: Option<String>,
    pub phone: Option<String>,
    /// Opening hours.
    pub opening_hours: Option<String>,
    pub description: String,
    /// Attendance, once recorded.
    pub attendance: Option<i32>,
    /// Over already.
    pub past: bool,
}

/// A way to take part.
pub struct ChannelView {
    /// Method label.
    pub label: String,
    pub description: String,
    pub address: Option<String>,
    /// Until when.
    pub deadline: Option<String>,
}

/// A document ready to show.
pub struct DocView {
    /// Kind label.
    pub kind: String,
    pub title: String,
    /// Link to the newest version.
    pub href: String,
    /// "PDF, 1,2 MB".
    pub meta: String,
    /// Older versions: (label, href).
    pub older: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "consultations/page.html")]
struct PageTpl<'a> {
    ctx: &'a Ctx,
    c: Consultation,
    status_label: String,
    legal_basis_label: String,
    opens_label: String,
    closes_label: String,
    banner: String,
    description_html: String,
    easy_read_html: Option<String>,
    organisers: Vec<String>,
    districts: Vec<String>,
    /// Its topics, each of which the page offers to follow.
    categories: Vec<(i64, String)>,
    steps: Vec<StepView>,
    channels: Vec<ChannelView>,
    events: Vec<EventView>,
    docs: Vec<DocView>,
    languages: String,
    can_manage: bool,
    open_for_remarks: bool,
    surveys: Vec<(String, String, Option<String>, bool)>,
    poll: Option<crate::views::poll::PollView>,
    /// For a consultation that lists an online discussion: its space and latest threads.
    discussion: Option<(String, Vec<crate::views::forum::ThreadLine>)>,
}

fn event_view(lang: Lang, e: Event, now: chrono::DateTime<Utc>) -> EventView {
    let when = time::span(lang, e.starts_at, e.ends_at);
    EventView {
        kind: lang.t(&format!("method-{}", e.kind)),
        iso: e.starts_at.to_rfc3339(),
        place: [e.address, e.room].into_iter().flatten().filter(|s| !s.is_empty()).collect(),
        past: e.ends_at < now,
        title: e.title,
        when,
        accessibility: e.accessibility,
        online_url: e.online_url,
        phone: e.phone,
        opening_hours: e.opening_hours,
        description: e.description,
        attendance: e.attendance,
    }
}

fn steps(lang: Lang, items: Vec<ScheduleItem>, now: chrono::DateTime<Utc>) -> Vec<StepView> {
    let today = time::local_date(now);
    let current = items.iter().rposition(|s| s.starts_on <= today);
    items
        .into_iter()
        .enumerate()
        .map(|(i, s)| {
            let when = match s.ends_on {
                Some(end) if end != s.starts_on => {
                    format!("{} – {}", time::day(lang, s.starts_on), time::day(lang, end))
                }
                _ => time::day(lang, s.starts_on),
            };
            let past = s.ends_on.unwrap_or(s.starts_on) < today && Some(i) != current;
            StepView {
                title: s.title,
                when,
                iso: s.starts_on.to_string(),
                description: s.description,
                current: Some(i) == current,
                past,
            }
        })
        .collect()
}

fn channels(lang: Lang, methods: &[Method], closes: chrono::DateTime<Utc>) -> Vec<ChannelView> {
    methods
        .iter()
        .map(|m| ChannelView {
            label: lang.t(&format!("method-{}", m.kind)),
            description: m.description.clone(),
            address: m.channel_address.clone(),
            deadline: Some(time::day_time(lang, m.deadline.unwrap_or(closes))),
        })
        .collect()
}

fn doc_views(lang: Lang, slug: &str, docs: Vec<Document>) -> Vec<DocView> {
    docs.into_iter()
        .filter_map(|d| {
            let (newest, older) = d.versions.split_first()?;
            let label = |v: &agora_db::documents::Version| {
                agora_domain::document::FileType::from_mime(&v.content_type).map(|t| t.label()).unwrap_or_default()
            };
            Some(DocView {
                kind: lang.t(&format!("doc-kind-{}", d.kind)),
                href: format!("/konsultacje/{slug}/dokumenty/{}/{}", d.id, newest.version),
                meta: format!(
                    "{}, {}, {}",
                    label(newest),
                    super::common::size_label(lang, newest.size_bytes),
                    lang.t_args("doc-version", &[("n", Arg::Num(newest.version.into()))])
                ),
                older: older
                    .iter()
                    .map(|v| {
                        (
                            format!(
                                "{} — {}",
                                lang.t_args("doc-version", &[("n", Arg::Num(v.version.into()))]),
                                time::day(lang, time::local_date(v.uploaded_at))
                            ),
                            format!("/konsultacje/{slug}/dokumenty/{}/{}", d.id, v.version),
                        )
                    })
                    .collect(),
                title: d.title,
            })
        })
        .collect()
}

async fn consultation_page(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: axum::http::HeaderMap,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let now = Utc::now();
    let c = visible(&state, &ctx, &slug).await?;
    let lang = ctx.lang;
    let links = dbc::links(&state.db, c.id).await?;
    let (units, districts, categories) = (
        reference::units(&state.db).await?,
        reference::districts(&state.db).await?,
        reference::named(&state.db, NamedKind::Category).await?,
    );
    let mut organisers = vec![localized(
        lang,
        c.unit_name.clone(),
        units.iter().find(|u| u.id == c.unit_id).and_then(|u| u.name_en.clone()),
    )];
    organisers.extend(
        units
            .iter()
            .filter(|u| links.co_units.contains(&u.id))
            .map(|u| localized(lang, u.name_pl.clone(), u.name_en.clone())),
    );
    let district_names = if c.scope_citywide {
        vec![ctx.t("scope-city")]
    } else {
        districts
            .iter()
            .filter(|d| links.districts.contains(&d.id))
            .map(|d| format!("{} {}", agora_domain::reference::DistrictInput::roman(d.number), d.name))
            .collect()
    };
    let category_names = categories
        .into_iter()
        .filter(|k| links.categories.contains(&k.id))
        .map(|k| (k.id, localized(lang, k.name_pl, k.name_en)))
        .collect();
    let methods = programme::methods(&state.db, c.id).await?;
    let events = programme::events(&state.db, c.id).await?.into_iter().map(|e| event_view(lang, e, now)).collect();
    let docs = doc_views(lang, &c.slug, documents::list(&state.db, c.id).await?);
    let status = c.status;
    let languages = c
        .languages
        .split(',')
        .filter_map(|code| match code.trim() {
            "pl" => Some(ctx.t("language-pl")),
            "en" => Some(ctx.t("language-en")),
            "uk" => Some(ctx.t("language-uk")),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join(", ");
    let tpl = PageTpl {
        ctx: &ctx,
        banner: status_line(lang, status, c.opens_at, c.closes_at, now),
        status_label: ctx.t(&format!("status-{}", c.status)),
        opens_label: time::day_time(lang, c.opens_at),
        closes_label: time::day_time(lang, c.closes_at),
        legal_basis_label: ctx.t(&format!("legal-basis-{}", c.legal_basis)),
        description_html: crate::markdown::to_html(&c.description),
        easy_read_html: c.easy_read.as_deref().map(crate::markdown::to_html),
        organisers,
        districts: district_names,
        categories: category_names,
        steps: steps(lang, programme::schedule(&state.db, c.id).await?, now),
        discussion: crate::views::forum::discussion(&state, lang, &c.slug, &methods).await?,
        channels: channels(lang, &methods, c.closes_at),
        events,
        docs,
        languages,
        can_manage: ctx.can(Action::ManageUnit(c.unit_id)),
        open_for_remarks: status == Status::Open && now < c.closes_at,
        surveys: crate::views::survey_results::links_for_consultation(&state, &ctx, &c).await?,
        poll: crate::views::poll::widget(
            &state,
            &ctx,
            &headers,
            agora_domain::poll::Placement::Consultation,
            Some(c.id),
            &format!("/konsultacje/{}", c.slug),
        )
        .await?,
        c,
    };
    render_public(&tpl, None)
}

async fn download(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, doc, version)): Path<(String, i64, i32)>,
) -> AppResult<Response> {
    let c = visible(&state, &ctx, &slug).await?;
    let v = documents::version(&state.db, c.id, doc, version).await?.ok_or(AppError::NotFound)?;
    super::common::stored_download(&state, &v.storage_key, &v.filename, &v.content_type, v.size_bytes).await
}

// ---- calendar ----

/// A day of the calendar with its events.
pub struct DayView {
    /// "17 stycznia 2027".
    pub label: String,
    /// ISO date.
    pub iso: String,
    /// Events with what they belong to.
    pub events: Vec<CalendarItem>,
}

/// An event in the calendar: a consultation's meeting or a district council's duty hours.
pub struct CalendarItem {
    pub event: EventView,
    /// "Part of the consultation", "District council".
    pub part_of: String,
    pub href: String,
    /// The consultation's title or the district's name.
    pub owner: String,
}

#[derive(Template)]
#[template(path = "consultations/calendar.html")]
struct CalendarTpl<'a> {
    ctx: &'a Ctx,
    days: Vec<DayView>,
    page: i64,
    has_next: bool,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct PageQuery {
    strona: String,
}

/// Duty hours as the calendar shows them beside the consultations' events.
fn duty_item(
    lang: Lang,
    d: agora_db::council::Duty,
    now: chrono::DateTime<Utc>,
) -> (chrono::DateTime<Utc>, CalendarItem) {
    let who = d.councillor_name.unwrap_or_else(|| lang.t("council-duty-office"));
    let event = EventView {
        kind: lang.t("calendar-kind-duty"),
        title: lang.t_args("council-duty-summary", &[("who", who.into())]),
        when: time::span(lang, d.starts_at, d.ends_at),
        iso: d.starts_at.to_rfc3339(),
        place: vec![d.place],
        accessibility: None,
        online_url: None,
        phone: None,
        opening_hours: None,
        description: String::new(),
        attendance: None,
        past: d.ends_at < now,
    };
    let item = CalendarItem {
        event,
        part_of: lang.t("calendar-part-of-council"),
        href: format!("{}/rada", crate::views::district_map::href(&d.district_name)),
        owner: format!("{} {}", agora_domain::reference::DistrictInput::roman(d.district_number), d.district_name),
    };
    (d.starts_at, item)
}

/// A standalone event as the calendar shows it, with its organiser.
fn city_event_item(
    lang: Lang,
    e: &agora_db::events::CityEvent,
    now: chrono::DateTime<Utc>,
) -> (chrono::DateTime<Utc>, CalendarItem) {
    let card = super::events::card(lang, e, now);
    let event = EventView {
        kind: card.kind,
        title: card.title,
        when: card.when,
        iso: card.iso,
        place: vec![card.place],
        accessibility: None,
        online_url: None,
        phone: None,
        opening_hours: None,
        description: String::new(),
        attendance: None,
        past: card.past,
    };
    let item =
        CalendarItem { event, part_of: lang.t("calendar-part-of-organiser"), href: card.href, owner: card.organiser };
    (e.starts_at, item)
}

/// The calendar pages through the consultations' events; the district councils' duty hours
/// join the page whose events they fall between (from this page's first event to the next
/// page's), so each appears on exactly one page.
async fn calendar(State(state): State<AppState>, ctx: Ctx, Query(q): Query<PageQuery>) -> AppResult<Response> {
    let now = Utc::now();
    let page = q.strona.trim().parse::<i64>().unwrap_or(1).clamp(1, 10_000);
    let mut rows = programme::upcoming(&state.db, now, EVENTS_PER_PAGE + 1, (page - 1) * EVENTS_PER_PAGE).await?;
    let has_next = rows.len() as i64 > EVENTS_PER_PAGE;
    let from = if page == 1 { None } else { rows.first().map(|r| r.event.starts_at) };
    let before = rows.get(EVENTS_PER_PAGE as usize).map(|r| r.event.starts_at);
    rows.truncate(EVENTS_PER_PAGE as usize);
    let (duties, city_events) = if page > 1 && rows.is_empty() {
        (Vec::new(), Vec::new())
    } else {
        (
            agora_db::council::duties_between(&state.db, now, from, before, EVENTS_PER_PAGE * 4).await?,
            agora_db::events::between(&state.db, now, from, before, EVENTS_PER_PAGE * 4).await?,
        )
    };
    let mut items: Vec<(chrono::DateTime<Utc>, CalendarItem)> = rows
        .into_iter()
        .map(|CalendarEvent { event, slug, consultation_title }| {
            let at = event.starts_at;
            let item = CalendarItem {
                part_of: ctx.t("event-part-of"),
                href: format!("/konsultacje/{slug}"),
                owner: consultation_title,
                event: event_view(ctx.lang, event, now),
            };
            (at, item)
        })
        .chain(duties.into_iter().map(|d| duty_item(ctx.lang, d, now)))
        .chain(city_events.iter().map(|e| city_event_item(ctx.lang, e, now)))
        .collect();
    items.sort_by_key(|(at, _)| *at);
    let mut days: Vec<DayView> = Vec::new();
    for (at, item) in items {
        let date = time::local_date(at);
        let iso = date.to_string();
        if days.last().is_none_or(|d| d.iso != iso) {
            days.push(DayView { label: time::day(ctx.lang, date), iso: iso.clone(), events: Vec::new() });
        }
        if let Some(d) = days.last_mut() {
            d.events.push(item);
        }
    }
    render_public(&CalendarTpl { ctx: &ctx, days, page, has_next }, None)
}

pub(super) fn ics_response(body: String, name: &str) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8".to_owned()),
            (header::CONTENT_DISPOSITION, format!("inline; filename=\"{name}.ics\"")),
        ],
        body,
    )
        .into_response()
}

/// One entry of a calendar feed with its texts written out.
pub(super) struct IcsEntry {
    uid: String,
    start: chrono::DateTime<Utc>,
    end: chrono::DateTime<Utc>,
    summary: String,
    description: String,
    location: String,
    url: String,
    updated: chrono::DateTime<Utc>,
}

impl IcsEntry {
    /// An entry from its parts: `span` is its start and end.
    pub(super) fn new(
        uid: String,
        span: (chrono::DateTime<Utc>, chrono::DateTime<Utc>),
        summary: String,
        description: String,
        location: String,
        url: String,
        updated: chrono::DateTime<Utc>,
    ) -> Self {
        IcsEntry { uid, start: span.0, end: span.1, summary, description, location, url, updated }
    }
}

/// An event as a calendar entry: the room joins the address, and what a person needs to know
/// before going (opening hours, accessibility, a phone, an online link) joins the description,
/// since a calendar shows nothing else of it.
fn event_entry(state: &AppState, lang: Lang, e: Event, slug: &str) -> IcsEntry {
    let labelled =
        |key: &str, v: Option<String>| v.filter(|v| !v.trim().is_empty()).map(|v| format!("{}: {v}", lang.t(key)));
    let description = [
        Some(e.description).filter(|d| !d.trim().is_empty()),
        labelled("field-opening-hours", e.opening_hours),
        labelled("field-accessibility", e.accessibility),
        labelled("field-phone", e.phone),
        labelled("field-online-url", e.online_url.clone()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join("\n");
    let place: Vec<String> = [e.address, e.room].into_iter().flatten().filter(|s| !s.trim().is_empty()).collect();
    let location = if place.is_empty() { e.online_url.unwrap_or_default() } else { place.join(", ") };
    IcsEntry {
        uid: format!("event-{}@{}", e.id, host_of(&state.config.base_url)),
        start: e.starts_at,
        end: e.ends_at,
        summary: e.title,
        description,
        location,
        url: format!("{}/konsultacje/{slug}", state.config.base_url),
        updated: e.updated_at,
    }
}

/// The start and the end of remark collection, as two moments in the consultation's calendar;
/// none for a consultation called off.
fn collection_entries(state: &AppState, lang: Lang, c: &Consultation) -> Vec<IcsEntry> {
    if c.status == Status::Cancelled {
        return Vec::new();
    }
    let host = host_of(&state.config.base_url);
    let url = format!("{}/konsultacje/{}", state.config.base_url, c.slug);
    [("opens", "ics-remarks-open", c.opens_at), ("closes", "ics-remarks-close", c.closes_at)]
        .into_iter()
        .map(|(what, key, at)| IcsEntry {
            uid: format!("consultation-{}-{what}@{host}", c.id),
            start: at,
            end: at,
            summary: lang.t_args(key, &[("title", Arg::Str(c.title.clone()))]),
            description: c.summary.clone(),
            location: String::new(),
            url: url.clone(),
            updated: c.updated_at,
        })
        .collect()
}

/// A district councillor's duty hours as a calendar entry, linked to the council's page.
pub(super) fn duty_entry(state: &AppState, lang: Lang, d: agora_db::council::Duty) -> IcsEntry {
    let who = d.councillor_name.unwrap_or_else(|| lang.t("council-duty-office"));
    IcsEntry {
        uid: format!("council-duty-{}@{}", d.id, host_of(&state.config.base_url)),
        start: d.starts_at,
        end: d.ends_at,
        summary: lang.t_args("council-duty-summary", &[("who", who.into())]),
        description: String::new(),
        location: d.place,
        url: format!("{}{}/rada", state.config.base_url, crate::views::district_map::href(&d.district_name)),
        updated: d.updated_at,
    }
}

pub(super) fn ics_body(name: &str, entries: &[IcsEntry]) -> String {
    let events: Vec<agora_export::ical::IcalEvent<'_>> = entries
        .iter()
        .map(|e| agora_export::ical::IcalEvent {
            uid: &e.uid,
            start: e.start,
            end: e.end,
            summary: &e.summary,
            description: &e.description,
            location: &e.location,
            url: &e.url,
            updated: e.updated,
        })
        .collect();
    agora_export::ical::calendar(name, &events)
}

async fn calendar_ics(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let since = Utc::now() - Duration::days(90);
    let rows = programme::upcoming(&state.db, since, 5000, 0).await?;
    let mut entries: Vec<IcsEntry> =
        rows.into_iter().map(|r| event_entry(&state, ctx.lang, r.event, &r.slug)).collect();
    let duties = agora_db::council::duties_between(&state.db, since, None, None, 5000).await?;
    entries.extend(duties.into_iter().map(|d| duty_entry(&state, ctx.lang, d)));
    let city_events = agora_db::events::between(&state.db, since, None, None, 5000).await?;
    entries.extend(city_events.iter().map(|e| super::events::city_event_entry(&state, ctx.lang, e)));
    Ok(ics_response(ics_body(&ctx.t("calendar-title"), &entries), "kalendarz"))
}

async fn consultation_ics(State(state): State<AppState>, ctx: Ctx, Path(slug): Path<String>) -> AppResult<Response> {
    let c = visible(&state, &ctx, &slug).await?;
    let mut entries = collection_entries(&state, ctx.lang, &c);
    entries.extend(
        programme::events(&state.db, c.id).await?.into_iter().map(|e| event_entry(&state, ctx.lang, e, &c.slug)),
    );
    Ok(ics_response(ics_body(&c.title, &entries), &c.slug))
}

async fn atom_feed(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let rows = dbc::recent_transitions(&state.db, 50).await?;
    let base = &state.config.base_url;
    let titles: Vec<String> =
        rows.iter().map(|r| format!("{}: {}", ctx.t(&format!("feed-{}", r.to_status)), r.title)).collect();
    let ids: Vec<String> = rows.iter().map(|r| format!("tag:{},2026:transition/{}", host_of(base), r.id)).collect();
    let links: Vec<String> = rows.iter().map(|r| format!("{base}/konsultacje/{}", r.slug)).collect();
    let entries: Vec<agora_export::atom::AtomEntry<'_>> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| agora_export::atom::AtomEntry {
            id: &ids[i],
            title: &titles[i],
            updated: r.at,
            link: &links[i],
            summary: &r.summary,
            author: &r.unit_name,
        })
        .collect();
    let updated = rows.first().map_or_else(Utc::now, |r| r.at);
    let body = agora_export::atom::feed(
        &format!("tag:{},2026:consultations", host_of(base)),
        &ctx.t("feed-title"),
        &format!("{base}/konsultacje.atom"),
        &format!("{base}/konsultacje"),
        ctx.lang.code(),
        updated,
        &entries,
    );
    Ok(([(header::CONTENT_TYPE, "application/atom+xml; charset=utf-8")], body).into_response())
}
