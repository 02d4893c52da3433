//! News (aktualności): `/aktualnosci` with its filters and Atom feed, each post with its lead
//! image and attachments, and the editors' screens under `/admin/aktualnosci`. Who may write
//! about what is decided in `agora_domain::news`; whether a post is shown, by the visibility
//! rule, so a draft or a post scheduled for later is in no page, list or feed.

use super::common::{
    OkQuery, Opt, check_file, checked_picture, clean_filename, delete_stored, notice, store_file, stored_download,
    stored_picture,
};
use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::forms::FormErrors;
use crate::render::{render, render_form, render_public};
use crate::state::AppState;
use crate::urls::redirect;
use crate::views::news::{NewsCard, card, pick};
use agora_db::news::{Filter, ImageChange, News};
use agora_domain::news::{self as rules, Context, IMAGE_MAX_BYTES, NewsForm, PAGE_SIZE, Stage};
use agora_domain::permission::Grant;
use agora_domain::validation::{FieldError, Invalid, bounded_text};
use agora_domain::visibility::Item;
use askama::Template;
use axum::Router;
use axum::extract::{DefaultBodyLimit, Multipart, Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use chrono::Utc;
use serde::Deserialize;

/// Largest attachment.
const FILE_MAX_BYTES: usize = 20 * 1024 * 1024;

pub(super) fn routes() -> Router<AppState> {
    let upload = DefaultBodyLimit::max(FILE_MAX_BYTES + 1024 * 1024);
    Router::new()
        .route("/aktualnosci", get(list))
        .route("/aktualnosci.atom", get(feed))
        .route("/aktualnosci/{slug}", get(post_page))
        .route("/aktualnosci/{slug}/obraz", get(image))
        .route("/aktualnosci/{slug}/pliki/{file}", get(attachment))
        .route("/admin/aktualnosci", get(admin_list))
        .route("/admin/aktualnosci/nowa", get(new_form).post(create).layer(upload))
        .route("/admin/aktualnosci/{id}", get(edit_form).post(update).layer(upload))
        .route("/admin/aktualnosci/{id}/pliki", post(add_file).layer(upload))
        .route("/admin/aktualnosci/{id}/pliki/{file}/usun", post(remove_file))
}

// ---- the public list and its feed ----

#[derive(Deserialize, Default)]
#[serde(default)]
struct ListQuery {
    q: String,
    dzielnica: String,
    cialo: String,
    kategoria: String,
    rok: String,
    strona: String,
}

impl ListQuery {
    fn filter(&self) -> Filter {
        let id = |s: &str| s.trim().parse::<i64>().ok().filter(|n| *n > 0);
        Filter {
            district: id(&self.dzielnica),
            body: id(&self.cialo),
            category: id(&self.kategoria),
            published_between: self.rok.trim().parse().ok().and_then(crate::time::year_bounds),
            words: self.q.split_whitespace().map(str::to_lowercase).collect(),
        }
    }

    /// The filters as a query string, for the pager and the feed.
    fn query_string(&self) -> String {
        let pairs = [
            ("q", &self.q),
            ("dzielnica", &self.dzielnica),
            ("cialo", &self.cialo),
            ("kategoria", &self.kategoria),
            ("rok", &self.rok),
        ];
        serde_urlencoded::to_string(pairs.iter().filter(|(_, v)| !v.trim().is_empty()).collect::<Vec<_>>())
            .unwrap_or_default()
    }
}

#[derive(Template)]
#[template(path = "news/list.html")]
struct ListTpl<'a> {
    ctx: &'a Ctx,
    q: ListQuery,
    news: Vec<NewsCard>,
    total: i64,
    page: i64,
    pages: i64,
    pager_base: String,
    feed: String,
    districts: Vec<Opt>,
    bodies: Vec<Opt>,
    categories: Vec<Opt>,
    years: Vec<i32>,
}

async fn list(State(state): State<AppState>, ctx: Ctx, Query(q): Query<ListQuery>) -> AppResult<Response> {
    let now = Utc::now();
    let page = q.strona.trim().parse::<i64>().unwrap_or(1).clamp(1, 10_000);
    let found = agora_db::news::published(&state.db, &q.filter(), now, PAGE_SIZE, (page - 1) * PAGE_SIZE).await?;
    let qs = q.query_string();
    render_public(
        &ListTpl {
            news: found.items.iter().map(|r| card(ctx.lang, r)).collect(),
            total: found.total,
            page,
            pages: (found.total + PAGE_SIZE - 1) / PAGE_SIZE,
            pager_base: format!("/aktualnosci?{qs}"),
            feed: if qs.is_empty() { "/aktualnosci.atom".into() } else { format!("/aktualnosci.atom?{qs}") },
            districts: super::common::district_options(&state).await?,
            bodies: named_options(&state, &ctx, agora_db::reference::NamedKind::Body).await?,
            categories: named_options(&state, &ctx, agora_db::reference::NamedKind::Category).await?,
            years: agora_db::news::years(&state.db, now).await?,
            ctx: &ctx,
            q,
        },
        None,
    )
}

async fn named_options(state: &AppState, ctx: &Ctx, kind: agora_db::reference::NamedKind) -> AppResult<Vec<Opt>> {
    Ok(agora_db::reference::named(&state.db, kind)
        .await?
        .into_iter()
        .map(|n| Opt { value: n.id.to_string(), label: pick(ctx.lang, &n.name_pl, n.name_en.as_deref()) })
        .collect())
}

/// The newest 50 posts the filters let through, as Atom: the same filters as the list, so a
/// district's or a body's news has a feed of its own.
async fn feed(State(state): State<AppState>, ctx: Ctx, Query(q): Query<ListQuery>) -> AppResult<Response> {
    let found = agora_db::news::published(&state.db, &q.filter(), Utc::now(), 50, 0).await?;
    let base = &state.config.base_url;
    let host = crate::urls::host_of(base);
    let cards: Vec<(NewsCard, String)> =
        found.items.iter().map(|r| (card(ctx.lang, r), format!("tag:{host},2026:news/{}", r.id))).collect();
    let links: Vec<String> = cards.iter().map(|(c, _)| format!("{base}{}", c.href)).collect();
    let entries: Vec<agora_export::atom::AtomEntry<'_>> = found
        .items
        .iter()
        .zip(&cards)
        .zip(&links)
        .map(|((r, (c, id)), link)| agora_export::atom::AtomEntry {
            id,
            title: &c.title,
            updated: r.publish_at.unwrap_or(r.updated_at),
            link,
            summary: &c.lead,
            author: &c.about,
        })
        .collect();
    let qs = q.query_string();
    let suffix = if qs.is_empty() { String::new() } else { format!("?{qs}") };
    let body = agora_export::atom::feed(
        &format!("tag:{host},2026:news{suffix}"),
        &ctx.t("news-feed-title"),
        &format!("{base}/aktualnosci.atom{suffix}"),
        &format!("{base}/aktualnosci{suffix}"),
        ctx.lang.code(),
        found.items.first().and_then(|r| r.publish_at).unwrap_or_else(Utc::now),
        &entries,
    );
    Ok(([(header::CONTENT_TYPE, "application/atom+xml; charset=utf-8")], body).into_response())
}

// ---- a post ----

/// The post behind `slug` when the visitor may see it; 404 otherwise, so a scheduled post's
/// address tells nothing before its time.
async fn visible(state: &AppState, ctx: &Ctx, slug: &str) -> AppResult<News> {
    let id = rules::id_of_slug(slug).ok_or(AppError::NotFound)?;
    let n = agora_db::news::get(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let item = Item::News { stage: Stage::of(n.row.publish_at, Utc::now()), subject: n.row.subject() };
    if ctx.may_see(item) { Ok(n) } else { Err(AppError::NotFound) }
}

fn grants(ctx: &Ctx) -> &[Grant] {
    ctx.user.as_ref().map_or(&[], |u| u.grants.as_slice())
}

#[derive(Template)]
#[template(path = "news/post.html")]
struct PostTpl<'a> {
    ctx: &'a Ctx,
    card: NewsCard,
    body_html: String,
    /// Shown to editors while the post is not public yet.
    stage: Option<String>,
    files: Vec<(String, String, String)>,
    categories: Vec<(String, String)>,
    edit: Option<String>,
}

async fn post_page(State(state): State<AppState>, ctx: Ctx, Path(slug): Path<String>) -> AppResult<Response> {
    let n = visible(&state, &ctx, &slug).await?;
    if n.row.slug != slug {
        return Ok(axum::response::Redirect::permanent(&crate::views::news::href(&n.row.slug)).into_response());
    }
    let lang = ctx.lang;
    let stage = Stage::of(n.row.publish_at, Utc::now());
    let names = agora_db::reference::named(&state.db, agora_db::reference::NamedKind::Category).await?;
    let categories = names
        .into_iter()
        .filter(|c| n.categories.contains(&c.id))
        .map(|c| (format!("/aktualnosci?kategoria={}", c.id), pick(lang, &c.name_pl, c.name_en.as_deref())))
        .collect();
    let files = n
        .files
        .iter()
        .map(|f| {
            let kind = f.filename.rsplit('.').next().unwrap_or("").to_uppercase();
            (
                format!("/aktualnosci/{}/pliki/{}", n.row.slug, f.id),
                f.title.clone(),
                format!("{kind}, {}", super::common::size_label(lang, f.size_bytes)),
            )
        })
        .collect();
    let body = pick(lang, &n.body, n.body_en.as_deref());
    render_public(
        &PostTpl {
            card: card(lang, &n.row),
            body_html: crate::markdown::to_html(&body),
            stage: (stage != Stage::Published).then(|| ctx.t(stage.key())),
            files,
            categories,
            edit: rules::may_write(grants(&ctx), n.row.subject()).then(|| format!("/admin/aktualnosci/{}", n.row.id)),
            ctx: &ctx,
        },
        None,
    )
}

async fn image(State(state): State<AppState>, ctx: Ctx, Path(slug): Path<String>) -> AppResult<Response> {
    let n = visible(&state, &ctx, &slug).await?;
    let (Some(key), Some(ctype)) = (&n.row.image_key, &n.row.image_type) else { return Err(AppError::NotFound) };
    stored_picture(&state, key, ctype).await
}

async fn attachment(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, file)): Path<(String, i64)>,
) -> AppResult<Response> {
    let n = visible(&state, &ctx, &slug).await?;
    let f = n.files.into_iter().find(|f| f.id == file).ok_or(AppError::NotFound)?;
    stored_download(&state, &f.storage_key, &f.filename, &f.content_type, f.size_bytes).await
}

// ---- the editors' screens ----

/// The signed-in editor's grants, or 403 for someone who may write no news at all.
fn editor(ctx: &Ctx) -> AppResult<&[Grant]> {
    let u = ctx.require_user()?;
    if rules::may_write_some(&u.grants) { Ok(&u.grants) } else { Err(AppError::Forbidden) }
}

struct AdminRow {
    href: String,
    title: String,
    about: String,
    stage: String,
    when: String,
}

#[derive(Template)]
#[template(path = "news/admin_list.html")]
struct AdminListTpl<'a> {
    ctx: &'a Ctx,
    rows: Vec<AdminRow>,
    total: i64,
    page: i64,
    pages: i64,
    pager_base: String,
    notice: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct AdminQuery {
    strona: String,
    ok: String,
}

async fn admin_list(State(state): State<AppState>, ctx: Ctx, Query(q): Query<AdminQuery>) -> AppResult<Response> {
    let grants = editor(&ctx)?;
    let reach = rules::Reach::of(grants);
    let page = q.strona.trim().parse::<i64>().unwrap_or(1).clamp(1, 10_000);
    let found = agora_db::news::for_editor(
        &state.db,
        reach.as_ref().map(|r| (r.districts.as_slice(), r.bodies.as_slice())),
        PAGE_SIZE,
        (page - 1) * PAGE_SIZE,
    )
    .await?;
    let now = Utc::now();
    let rows = found
        .items
        .iter()
        .map(|r| {
            let stage = Stage::of(r.publish_at, now);
            let about = crate::views::news::about(ctx.lang, r).0;
            AdminRow {
                href: format!("/admin/aktualnosci/{}", r.id),
                title: r.title.clone(),
                about: if about.is_empty() { ctx.t("news-about-centre") } else { about },
                stage: ctx.t(stage.key()),
                when: r.publish_at.map(|t| crate::time::day_time(ctx.lang, t)).unwrap_or_default(),
            }
        })
        .collect();
    render(&AdminListTpl {
        rows,
        total: found.total,
        page,
        pages: (found.total + PAGE_SIZE - 1) / PAGE_SIZE,
        pager_base: "/admin/aktualnosci?".into(),
        notice: notice(&ctx, &q.ok),
        ctx: &ctx,
    })
}

#[derive(Template)]
#[template(path = "news/form.html")]
struct FormTpl<'a> {
    ctx: &'a Ctx,
    /// `None` for a new post.
    id: Option<i64>,
    f: NewsForm,
    /// Ticked categories.
    ticked: Vec<i64>,
    errors: FormErrors,
    notice: Option<String>,
    districts: Vec<Opt>,
    bodies: Vec<Opt>,
    categories: Vec<Opt>,
    /// The Centre's editors may leave both empty: news of the Centre itself.
    centre: bool,
    /// The lead image the post has, with its address.
    image: Option<String>,
    stage: Option<String>,
    public_href: Option<String>,
    files: Vec<(i64, String, String)>,
    file_title: String,
    max_image_mb: usize,
    max_file_mb: usize,
}

/// The choices of district and body an editor may write about.
async fn subject_options(state: &AppState, ctx: &Ctx, grants: &[Grant]) -> AppResult<(Vec<Opt>, Vec<Opt>)> {
    let reach = rules::Reach::of(grants);
    let districts = super::common::district_options(state)
        .await?
        .into_iter()
        .filter(|o| reach.as_ref().is_none_or(|r| r.districts.iter().any(|d| d.to_string() == o.value)))
        .collect();
    let bodies = named_options(state, ctx, agora_db::reference::NamedKind::Body)
        .await?
        .into_iter()
        .filter(|o| reach.as_ref().is_none_or(|r| r.bodies.iter().any(|b| b.to_string() == o.value)))
        .collect();
    Ok((districts, bodies))
}

/// What the form shows besides the typed fields.
struct Shown {
    id: Option<i64>,
    stored: Option<News>,
    errors: FormErrors,
    notice: Option<String>,
    file_title: String,
}

async fn form_page(state: &AppState, ctx: &Ctx, f: NewsForm, ticked: Vec<i64>, shown: Shown) -> AppResult<Response> {
    let grants = editor(ctx)?;
    let (districts, bodies) = subject_options(state, ctx, grants).await?;
    let now = Utc::now();
    let stored = shown.stored.as_ref();
    render_form(
        &shown.errors,
        &FormTpl {
            id: shown.id,
            f,
            ticked,
            districts,
            bodies,
            categories: named_options(state, ctx, agora_db::reference::NamedKind::Category).await?,
            centre: rules::Reach::of(grants).is_none(),
            image: stored.filter(|n| n.row.image_key.is_some()).map(|n| format!("/aktualnosci/{}/obraz", n.row.slug)),
            stage: stored.map(|n| ctx.t(Stage::of(n.row.publish_at, now).key())),
            public_href: stored.map(|n| crate::views::news::href(&n.row.slug)),
            files: stored
                .map(|n| n.files.iter().map(|f| (f.id, f.title.clone(), f.filename.clone())).collect())
                .unwrap_or_default(),
            file_title: shown.file_title,
            max_image_mb: IMAGE_MAX_BYTES / 1024 / 1024,
            max_file_mb: FILE_MAX_BYTES / 1024 / 1024,
            errors: shown.errors.clone(),
            notice: shown.notice,
            ctx,
        },
    )
}

async fn new_form(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let grants = editor(&ctx)?;
    // An editor of one district or body starts with it chosen.
    let f = match rules::Reach::of(grants) {
        Some(r) if r.districts.len() == 1 && r.bodies.is_empty() => {
            NewsForm { news_district: r.districts[0].to_string(), ..NewsForm::default() }
        }
        Some(r) if r.bodies.len() == 1 && r.districts.is_empty() => {
            NewsForm { news_body_id: r.bodies[0].to_string(), ..NewsForm::default() }
        }
        _ => NewsForm::default(),
    };
    let shown =
        Shown { id: None, stored: None, errors: FormErrors::default(), notice: None, file_title: String::new() };
    form_page(&state, &ctx, f, vec![], shown).await
}

/// The post with `id` when the editor may write about it: 404 when there is none, 403 when it
/// is another district's or body's.
async fn editable(state: &AppState, ctx: &Ctx, id: i64) -> AppResult<News> {
    let grants = editor(ctx)?;
    let n = agora_db::news::get(&state.db, id).await?.ok_or(AppError::NotFound)?;
    if rules::may_write(grants, n.row.subject()) { Ok(n) } else { Err(AppError::Forbidden) }
}

async fn edit_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<OkQuery>,
) -> AppResult<Response> {
    let n = editable(&state, &ctx, id).await?;
    let f = stored_form(&n);
    let ticked = n.categories.clone();
    let shown = Shown {
        id: Some(id),
        stored: Some(n),
        errors: FormErrors::default(),
        notice: q.notice(&ctx),
        file_title: String::new(),
    };
    form_page(&state, &ctx, f, ticked, shown).await
}

/// The form as the stored post fills it.
fn stored_form(n: &News) -> NewsForm {
    let r = &n.row;
    let stage = Stage::of(r.publish_at, Utc::now());
    NewsForm {
        news_title: r.title.clone(),
        news_lead: r.lead.clone(),
        news_body: n.body.clone(),
        news_title_en: r.title_en.clone().unwrap_or_default(),
        news_lead_en: r.lead_en.clone().unwrap_or_default(),
        news_body_en: n.body_en.clone().unwrap_or_default(),
        news_district: r.district_id.map(|d| d.to_string()).unwrap_or_default(),
        news_body_id: r.body_id.map(|b| b.to_string()).unwrap_or_default(),
        news_image_alt: r.image_alt.clone().unwrap_or_default(),
        news_image_alt_en: r.image_alt_en.clone().unwrap_or_default(),
        news_publish_at: r.publish_at.map(crate::time::input_value).unwrap_or_default(),
        publish: match stage {
            Stage::Draft => "draft",
            Stage::Scheduled => "schedule",
            Stage::Published => "now",
        }
        .into(),
    }
}

async fn create(State(state): State<AppState>, ctx: Ctx, mp: Multipart) -> AppResult<Response> {
    save(&state, &ctx, None, mp).await
}

async fn update(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>, mp: Multipart) -> AppResult<Response> {
    save(&state, &ctx, Some(id), mp).await
}

/// Checks and stores a new or edited post. The image is put in the store only once the form is
/// valid, and an image the post stops using is deleted only after the save is committed.
async fn save(state: &AppState, ctx: &Ctx, id: Option<i64>, mp: Multipart) -> AppResult<Response> {
    let grants = editor(ctx)?;
    let stored = match id {
        Some(id) => Some(editable(state, ctx, id).await?),
        None => None,
    };
    let (p, file) = crate::forms::read_multipart(mp, "news_image", IMAGE_MAX_BYTES).await?;
    let f: NewsForm = p.decode()?;
    let ticked = p.ids("news_categories");
    let remove = p.has("news_image_remove");
    let mut inv = Invalid::default();
    let image_type = inv.check(checked_picture(&file, "news_image", "news-image-type", IMAGE_MAX_BYTES)).flatten();
    let keeps = stored.as_ref().is_some_and(|n| n.row.image_key.is_some()) && !remove;
    let now = Utc::now();
    let cx = Context {
        grants,
        publish_at: crate::time::parse_local(&f.news_publish_at),
        has_image: image_type.is_some() || keeps,
        current_publish_at: stored.as_ref().and_then(|n| n.row.publish_at),
        now,
    };
    let parsed = f.parse(cx);
    if let Err(e) = &parsed {
        inv.0.extend(e.0.iter().cloned());
    }
    let input = match parsed {
        Ok(input) if inv.is_empty() => input,
        _ => {
            if image_type.is_some() {
                // A browser never sends a chosen file again: say so beside the field.
                inv.push(FieldError::new("news_image", "news-image-again"));
            }
            let errors = FormErrors::from_invalid(&inv, ctx.lang);
            let shown = Shown { id, stored, errors, notice: None, file_title: String::new() };
            return form_page(state, ctx, f, ticked, shown).await;
        }
    };
    let image = match image_type {
        Some(t) => Some(agora_db::news::Image {
            key: store_file(state, "news", file.bytes, t).await?,
            content_type: t.mime().to_owned(),
        }),
        None => None,
    };
    let entry = |action| ctx.audit(action, "news", input.title.clone());
    let author = ctx.user.as_ref().map(|u| (Some(u.id), u.display_name.as_str())).unwrap_or((None, ""));
    let id = match id {
        None => {
            agora_db::news::create(&state.db, &input, &ticked, image.as_ref(), author, &entry("news.create")).await?.0
        }
        Some(id) => {
            let change = match image {
                Some(i) => ImageChange::Set(i),
                None if remove => ImageChange::Remove,
                None => ImageChange::Keep,
            };
            let dropped = agora_db::news::update(&state.db, id, &input, &ticked, &change, &entry("news.update"))
                .await?
                .ok_or(AppError::NotFound)?;
            if let Some(key) = dropped {
                delete_stored(state, &key).await;
            }
            id
        }
    };
    state.news_saved.notify_one();
    let flash = match Stage::of(input.publish_at, now) {
        Stage::Draft => "flash-news-draft",
        Stage::Scheduled => "flash-news-scheduled",
        Stage::Published => "flash-news-published",
    };
    Ok(redirect(&format!("/admin/aktualnosci/{id}?ok={flash}")).into_response())
}

async fn add_file(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>, mp: Multipart) -> AppResult<Response> {
    let n = editable(&state, &ctx, id).await?;
    let (p, file) = crate::forms::read_multipart(mp, "news_file", FILE_MAX_BYTES).await?;
    let title = p.get("news_file_title").to_owned();
    let mut inv = Invalid::default();
    inv.check(bounded_text("news_file_title", &title, 2, 300));
    let file_type = inv
        .check(
            check_file(&file.bytes, file.too_big, FILE_MAX_BYTES, true)
                .map_err(|e| FieldError { field: "news_file", ..e }),
        )
        .flatten();
    let (Some(t), true) = (file_type, inv.is_empty()) else {
        let f = stored_form(&n);
        let ticked = n.categories.clone();
        let errors = FormErrors::from_invalid(&inv, ctx.lang);
        let shown = Shown { id: Some(id), stored: Some(n), errors, notice: None, file_title: title };
        return form_page(&state, &ctx, f, ticked, shown).await;
    };
    let size = file.bytes.len() as i64;
    let new = agora_db::documents::NewFile {
        filename: clean_filename(&file.name, t.extension()),
        content_type: t.mime().into(),
        size_bytes: size,
        storage_key: store_file(&state, &format!("news/{id}"), file.bytes, t).await?,
    };
    let entry = ctx.audit("news.file.add", "news", title.trim().to_owned());
    if agora_db::news::add_file(&state.db, id, title.trim(), &new, &entry).await?.is_none() {
        delete_stored(&state, &new.storage_key).await;
        return Err(AppError::NotFound);
    }
    Ok(redirect(&format!("/admin/aktualnosci/{id}?ok=flash-news-file-added")).into_response())
}

async fn remove_file(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, file)): Path<(i64, i64)>,
) -> AppResult<Response> {
    editable(&state, &ctx, id).await?;
    let entry = ctx.audit("news.file.remove", "news", file.to_string());
    let key = agora_db::news::remove_file(&state.db, id, file, &entry).await?.ok_or(AppError::NotFound)?;
    delete_stored(&state, &key).await;
    Ok(redirect(&format!("/admin/aktualnosci/{id}?ok=flash-news-file-removed")).into_response())
}
