//! The City Dialogue Centre's own content: its pages in a menu (`/centrum`), its library of
//! publications (`/publikacje`) and its photo galleries (`/galerie`), all kept in memory for
//! visitors like the other public pages, and the editors' screens under `/admin/centrum`,
//! `/admin/publikacje` and `/admin/galerie`. Every save is a state-changing request, which
//! makes every kept page stale, so no visitor sees a page older than an edit.

use super::common::{
    OkQuery, Opt, check_file, checked_picture, clean_filename, delete_stored, options, store_file, stored_download,
    stored_picture,
};
use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::forms::FormErrors;
use crate::i18n::{Lang, localized};
use crate::render::{render, render_form, render_public};
use crate::state::AppState;
use crate::urls::redirect;
use agora_db::centre::{CentrePage, Gallery, NewPhoto, Publication, PublicationFilter};
use agora_domain::centre::{
    GalleryForm, PAGE_SIZE, PHOTO_MAX_BYTES, PageForm, PageKind, PhotoForm, PublicationForm, PublicationKind,
};
use agora_domain::permission::Action;
use agora_domain::validation::{FieldError, Invalid, bounded_text};
use agora_domain::visibility::Item;
use askama::Template;
use axum::Router;
use axum::extract::{DefaultBodyLimit, Form, Multipart, Path, Query, State};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use chrono::Datelike;
use serde::Deserialize;

/// Largest document of a publication.
const FILE_MAX_BYTES: usize = 20 * 1024 * 1024;
/// Galleries per page of `/galerie`.
const GALLERIES_PER_PAGE: i64 = 24;

pub(super) fn routes() -> Router<AppState> {
    // Room for a file over its limit to arrive whole, so that it is refused beside its field.
    let upload = DefaultBodyLimit::max(FILE_MAX_BYTES + 1024 * 1024);
    Router::new()
        .route("/centrum", get(index))
        .route("/centrum/{slug}", get(page_view))
        .route("/publikacje", get(library))
        .route("/publikacje/{id}/pliki/{file}", get(document))
        .route("/galerie", get(gallery_list))
        .route("/galerie/{slug}", get(gallery_view))
        .route("/galerie/{slug}/zdjecia/{photo}", get(photo))
        .route("/admin/centrum", get(admin_pages))
        .route("/admin/centrum/nowa", get(new_page).post(create_page))
        .route("/admin/centrum/{id}", get(edit_page).post(update_page))
        .route("/admin/centrum/{id}/usun", get(confirm_page_delete).post(delete_page))
        .route("/admin/publikacje", get(admin_publications))
        .route("/admin/publikacje/nowa", get(new_publication).post(create_publication))
        .route("/admin/publikacje/{id}", get(edit_publication).post(update_publication))
        .route("/admin/publikacje/{id}/pliki", post(add_document).layer(upload))
        .route("/admin/publikacje/{id}/pliki/{file}/usun", post(remove_document))
        .route("/admin/publikacje/{id}/usun", get(confirm_publication_delete).post(delete_publication))
        .route("/admin/galerie", get(admin_galleries))
        .route("/admin/galerie/nowa", get(new_gallery).post(create_gallery))
        .route("/admin/galerie/{id}", get(edit_gallery).post(update_gallery))
        .route("/admin/galerie/{id}/zdjecia", post(add_photo).layer(upload))
        .route("/admin/galerie/{id}/zdjecia/{photo}/usun", post(remove_photo))
        .route("/admin/galerie/{id}/usun", get(confirm_gallery_delete).post(delete_gallery))
}

fn pick(lang: Lang, pl: &str, en: Option<&str>) -> String {
    localized(lang, pl.to_owned(), en.map(str::to_owned))
}

/// The Centre's editors (and administrators), or 403; a visitor who is not signed in is
/// asked to sign in first.
fn editor(ctx: &Ctx) -> AppResult<()> {
    ctx.require(Action::EditCentreContent).map(|_| ())
}

// ---- the pages ----

/// A link in the Centre's menu.
struct MenuItem {
    href: String,
    title: String,
    kind: String,
    current: bool,
}

fn menu_items(ctx: &Ctx, pages: &[CentrePage], current: Option<i64>) -> Vec<MenuItem> {
    pages
        .iter()
        .map(|p| MenuItem {
            href: format!("/centrum/{}", p.slug),
            title: pick(ctx.lang, &p.title, p.title_en.as_deref()),
            kind: ctx.t(&format!("centre-kind-{}", p.kind)),
            current: current == Some(p.id),
        })
        .collect()
}

#[derive(Template)]
#[template(path = "centre/index.html")]
struct IndexTpl<'a> {
    ctx: &'a Ctx,
    menu: Vec<MenuItem>,
    editor: bool,
}

async fn index(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let pages = agora_db::centre::menu(&state.db, false).await?;
    render_public(
        &IndexTpl { menu: menu_items(&ctx, &pages, None), editor: ctx.can(Action::EditCentreContent), ctx: &ctx },
        None,
    )
}

#[derive(Template)]
#[template(path = "centre/page.html")]
struct PageTpl<'a> {
    ctx: &'a Ctx,
    title: String,
    body_html: String,
    draft: bool,
    menu: Vec<MenuItem>,
    edit: Option<String>,
}

async fn page_view(State(state): State<AppState>, ctx: Ctx, Path(slug): Path<String>) -> AppResult<Response> {
    let p = agora_db::centre::page_by_slug(&state.db, &slug).await?.ok_or(AppError::NotFound)?;
    if !ctx.may_see(Item::CentrePage { published: p.published }) {
        return Err(AppError::NotFound);
    }
    let pages = agora_db::centre::menu(&state.db, false).await?;
    let editor = ctx.can(Action::EditCentreContent);
    render_public(
        &PageTpl {
            title: pick(ctx.lang, &p.title, p.title_en.as_deref()),
            body_html: crate::markdown::to_html(&pick(ctx.lang, &p.body, p.body_en.as_deref())),
            draft: !p.published,
            menu: menu_items(&ctx, &pages, Some(p.id)),
            edit: editor.then(|| format!("/admin/centrum/{}", p.id)),
            ctx: &ctx,
        },
        None,
    )
}

// ---- the publications library ----

#[derive(Deserialize, Default)]
#[serde(default)]
struct LibraryQuery {
    rok: String,
    rodzaj: String,
    strona: String,
}

impl LibraryQuery {
    fn filter(&self) -> PublicationFilter {
        PublicationFilter {
            year: self.rok.trim().parse().ok().filter(|y| agora_domain::validation::sane_year(*y)),
            kind: PublicationKind::parse(self.rodzaj.trim()),
        }
    }

    fn query_string(&self) -> String {
        let pairs = [("rok", &self.rok), ("rodzaj", &self.rodzaj)];
        serde_urlencoded::to_string(pairs.iter().filter(|(_, v)| !v.trim().is_empty()).collect::<Vec<_>>())
            .unwrap_or_default()
    }
}

/// A publication as the library lists it.
struct PublicationCard {
    title: String,
    kind: String,
    year: i64,
    summary: String,
    /// Address, title and "PDF, 1,2 MB" of each document.
    files: Vec<(String, String, String)>,
}

fn publication_card(lang: Lang, p: &Publication) -> PublicationCard {
    let r = &p.row;
    PublicationCard {
        title: pick(lang, &r.title, r.title_en.as_deref()),
        kind: lang.t(&format!("publication-kind-{}", r.kind)),
        year: r.year,
        summary: pick(lang, &r.summary, r.summary_en.as_deref()),
        files: p
            .files
            .iter()
            .map(|f| {
                let kind = f.filename.rsplit('.').next().unwrap_or("").to_uppercase();
                (
                    format!("/publikacje/{}/pliki/{}", r.id, f.id),
                    f.title.clone(),
                    format!("{kind}, {}", super::common::size_label(lang, f.size_bytes)),
                )
            })
            .collect(),
    }
}

#[derive(Template)]
#[template(path = "centre/library.html")]
struct LibraryTpl<'a> {
    ctx: &'a Ctx,
    q: LibraryQuery,
    items: Vec<PublicationCard>,
    total: i64,
    page: i64,
    pages: i64,
    pager_base: String,
    years: Vec<i64>,
    kinds: Vec<Opt>,
}

async fn library(State(state): State<AppState>, ctx: Ctx, Query(q): Query<LibraryQuery>) -> AppResult<Response> {
    let page = q.strona.trim().parse::<i64>().unwrap_or(1).clamp(1, 10_000);
    let found = agora_db::centre::publications(&state.db, q.filter(), PAGE_SIZE, (page - 1) * PAGE_SIZE).await?;
    render_public(
        &LibraryTpl {
            items: found.items.iter().map(|p| publication_card(ctx.lang, p)).collect(),
            total: found.total,
            page,
            pages: (found.total + PAGE_SIZE - 1) / PAGE_SIZE,
            pager_base: format!("/publikacje?{}", q.query_string()),
            years: agora_db::centre::publication_years(&state.db).await?,
            kinds: options::<PublicationKind>(ctx.lang, "publication-kind-"),
            ctx: &ctx,
            q,
        },
        None,
    )
}

async fn document(State(state): State<AppState>, Path((id, file)): Path<(i64, i64)>) -> AppResult<Response> {
    let p = agora_db::centre::publication(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let f = p.files.into_iter().find(|f| f.id == file).ok_or(AppError::NotFound)?;
    stored_download(&state, &f.storage_key, &f.filename, &f.content_type, f.size_bytes).await
}

// ---- the galleries ----

/// A gallery as the list shows it.
struct GalleryCard {
    href: String,
    title: String,
    iso: String,
    date: String,
    photos: i64,
    /// The first photo's address and alternative text.
    cover: Option<(String, String)>,
}

fn gallery_card(lang: Lang, g: &agora_db::centre::GalleryRow) -> GalleryCard {
    let href = format!("/galerie/{}", g.slug);
    GalleryCard {
        title: pick(lang, &g.title, g.title_en.as_deref()),
        iso: g.taken_on.to_string(),
        date: crate::time::day(lang, g.taken_on),
        photos: g.photos,
        cover: g.cover_id.map(|id| {
            (
                format!("{href}/zdjecia/{id}"),
                pick(lang, g.cover_alt.as_deref().unwrap_or(""), g.cover_alt_en.as_deref()),
            )
        }),
        href,
    }
}

#[derive(Template)]
#[template(path = "centre/galleries.html")]
struct GalleriesTpl<'a> {
    ctx: &'a Ctx,
    items: Vec<GalleryCard>,
    page: i64,
    pages: i64,
    pager_base: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct PageQuery {
    strona: String,
}

async fn gallery_list(State(state): State<AppState>, ctx: Ctx, Query(q): Query<PageQuery>) -> AppResult<Response> {
    let page = q.strona.trim().parse::<i64>().unwrap_or(1).clamp(1, 10_000);
    let found = agora_db::centre::galleries(&state.db, GALLERIES_PER_PAGE, (page - 1) * GALLERIES_PER_PAGE).await?;
    render_public(
        &GalleriesTpl {
            items: found.items.iter().map(|g| gallery_card(ctx.lang, g)).collect(),
            page,
            pages: (found.total + GALLERIES_PER_PAGE - 1) / GALLERIES_PER_PAGE,
            pager_base: "/galerie?".into(),
            ctx: &ctx,
        },
        None,
    )
}

/// A photo as a gallery's page shows it.
struct PhotoView {
    src: String,
    alt: String,
    caption: Option<String>,
}

#[derive(Template)]
#[template(path = "centre/gallery.html")]
struct GalleryTpl<'a> {
    ctx: &'a Ctx,
    card: GalleryCard,
    description: String,
    photos: Vec<PhotoView>,
    edit: Option<String>,
}

async fn gallery_view(State(state): State<AppState>, ctx: Ctx, Path(slug): Path<String>) -> AppResult<Response> {
    let g = agora_db::centre::gallery_by_slug(&state.db, &slug).await?.ok_or(AppError::NotFound)?;
    let lang = ctx.lang;
    let card = gallery_card(lang, &g.row);
    let photos = g
        .photos
        .iter()
        .map(|p| PhotoView {
            src: format!("{}/zdjecia/{}", card.href, p.id),
            alt: pick(lang, &p.alt, p.alt_en.as_deref()),
            caption: p.caption.as_deref().map(|c| pick(lang, c, p.caption_en.as_deref())),
        })
        .collect();
    render_public(
        &GalleryTpl {
            description: pick(lang, &g.row.description, g.row.description_en.as_deref()),
            card,
            photos,
            edit: ctx.can(Action::EditCentreContent).then(|| format!("/admin/galerie/{}", g.row.id)),
            ctx: &ctx,
        },
        None,
    )
}

async fn photo(State(state): State<AppState>, Path((slug, photo)): Path<(String, i64)>) -> AppResult<Response> {
    let g = agora_db::centre::gallery_by_slug(&state.db, &slug).await?.ok_or(AppError::NotFound)?;
    let p = g.photos.into_iter().find(|p| p.id == photo).ok_or(AppError::NotFound)?;
    stored_picture(&state, &p.storage_key, &p.content_type).await
}

// ---- the editors' lists ----

/// A row of an editors' list.
struct AdminRow {
    href: String,
    title: String,
    detail: String,
    detail2: String,
}

#[derive(Template)]
#[template(path = "centre/admin_list.html")]
struct AdminListTpl<'a> {
    ctx: &'a Ctx,
    /// The message key of the heading; also names the breadcrumb.
    title_key: &'static str,
    new_href: &'static str,
    new_key: &'static str,
    /// Message keys of the two columns after the title.
    cols: (&'static str, &'static str),
    rows: Vec<AdminRow>,
    public_href: &'static str,
    notice: Option<String>,
}

async fn admin_pages(State(state): State<AppState>, ctx: Ctx, Query(q): Query<OkQuery>) -> AppResult<Response> {
    editor(&ctx)?;
    let pages = agora_db::centre::menu(&state.db, true).await?;
    let rows = pages
        .iter()
        .map(|p| AdminRow {
            href: format!("/admin/centrum/{}", p.id),
            title: p.title.clone(),
            detail: ctx.t(&format!("centre-kind-{}", p.kind)),
            detail2: ctx.t(if p.published { "centre-published" } else { "centre-draft" }),
        })
        .collect();
    render(&AdminListTpl {
        title_key: "centre-admin-title",
        new_href: "/admin/centrum/nowa",
        new_key: "centre-admin-new",
        cols: ("centre-field-kind", "centre-col-stage"),
        rows,
        public_href: "/centrum",
        notice: q.notice(&ctx),
        ctx: &ctx,
    })
}

async fn admin_publications(State(state): State<AppState>, ctx: Ctx, Query(q): Query<OkQuery>) -> AppResult<Response> {
    editor(&ctx)?;
    let found = agora_db::centre::publications(&state.db, PublicationFilter::default(), 500, 0).await?;
    let rows = found
        .items
        .iter()
        .map(|p| AdminRow {
            href: format!("/admin/publikacje/{}", p.row.id),
            title: p.row.title.clone(),
            detail: ctx.t(&format!("publication-kind-{}", p.row.kind)),
            detail2: p.row.year.to_string(),
        })
        .collect();
    render(&AdminListTpl {
        title_key: "publication-admin-title",
        new_href: "/admin/publikacje/nowa",
        new_key: "publication-admin-new",
        cols: ("publication-field-kind", "publication-field-year"),
        rows,
        public_href: "/publikacje",
        notice: q.notice(&ctx),
        ctx: &ctx,
    })
}

async fn admin_galleries(State(state): State<AppState>, ctx: Ctx, Query(q): Query<OkQuery>) -> AppResult<Response> {
    editor(&ctx)?;
    let found = agora_db::centre::galleries(&state.db, 500, 0).await?;
    let rows = found
        .items
        .iter()
        .map(|g| AdminRow {
            href: format!("/admin/galerie/{}", g.id),
            title: g.title.clone(),
            detail: crate::time::day(ctx.lang, g.taken_on),
            detail2: ctx.t1("gallery-photo-count", "count", g.photos),
        })
        .collect();
    render(&AdminListTpl {
        title_key: "gallery-admin-title",
        new_href: "/admin/galerie/nowa",
        new_key: "gallery-admin-new",
        cols: ("gallery-field-date", "gallery-col-photos"),
        rows,
        public_href: "/galerie",
        notice: q.notice(&ctx),
        ctx: &ctx,
    })
}

// ---- deleting, with a confirmation ----

#[derive(Template)]
#[template(path = "centre/confirm.html")]
struct ConfirmTpl<'a> {
    ctx: &'a Ctx,
    title: String,
    action: String,
    back: String,
}

fn confirm(ctx: &Ctx, title: &str, action: String, back: String) -> AppResult<Response> {
    render(&ConfirmTpl { ctx, title: title.to_owned(), action, back })
}

async fn confirm_page_delete(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> AppResult<Response> {
    editor(&ctx)?;
    let p = agora_db::centre::page(&state.db, id).await?.ok_or(AppError::NotFound)?;
    confirm(&ctx, &p.title, format!("/admin/centrum/{id}/usun"), format!("/admin/centrum/{id}"))
}

async fn delete_page(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> AppResult<Response> {
    editor(&ctx)?;
    let p = agora_db::centre::page(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let entry = ctx.audit("centre.page.delete", "centre_page", p.title);
    if !agora_db::centre::delete_page(&state.db, id, &entry).await? {
        return Err(AppError::NotFound);
    }
    Ok(redirect("/admin/centrum?ok=flash-centre-deleted").into_response())
}

async fn confirm_publication_delete(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    editor(&ctx)?;
    let p = agora_db::centre::publication(&state.db, id).await?.ok_or(AppError::NotFound)?;
    confirm(&ctx, &p.row.title, format!("/admin/publikacje/{id}/usun"), format!("/admin/publikacje/{id}"))
}

async fn delete_publication(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> AppResult<Response> {
    editor(&ctx)?;
    let p = agora_db::centre::publication(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let entry = ctx.audit("centre.publication.delete", "publication", p.row.title);
    let keys = agora_db::centre::delete_publication(&state.db, id, &entry).await?.ok_or(AppError::NotFound)?;
    for key in keys {
        delete_stored(&state, &key).await;
    }
    Ok(redirect("/admin/publikacje?ok=flash-centre-deleted").into_response())
}

async fn confirm_gallery_delete(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> AppResult<Response> {
    editor(&ctx)?;
    let g = agora_db::centre::gallery(&state.db, id).await?.ok_or(AppError::NotFound)?;
    confirm(&ctx, &g.row.title, format!("/admin/galerie/{id}/usun"), format!("/admin/galerie/{id}"))
}

async fn delete_gallery(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> AppResult<Response> {
    editor(&ctx)?;
    let g = agora_db::centre::gallery(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let entry = ctx.audit("centre.gallery.delete", "gallery", g.row.title);
    let keys = agora_db::centre::delete_gallery(&state.db, id, &entry).await?.ok_or(AppError::NotFound)?;
    for key in keys {
        delete_stored(&state, &key).await;
    }
    Ok(redirect("/admin/galerie?ok=flash-centre-deleted").into_response())
}

// ---- a page's form ----

#[derive(Template)]
#[template(path = "centre/page_form.html")]
struct PageFormTpl<'a> {
    ctx: &'a Ctx,
    id: Option<i64>,
    public_href: Option<String>,
    f: PageForm,
    kinds: Vec<Opt>,
    errors: FormErrors,
    notice: Option<String>,
}

fn page_form(
    ctx: &Ctx,
    stored: Option<&CentrePage>,
    f: PageForm,
    errors: FormErrors,
    notice: Option<String>,
) -> AppResult<Response> {
    render_form(
        &errors.clone(),
        &PageFormTpl {
            id: stored.map(|p| p.id),
            public_href: stored.map(|p| format!("/centrum/{}", p.slug)),
            f,
            kinds: options::<PageKind>(ctx.lang, "centre-kind-"),
            errors,
            notice,
            ctx,
        },
    )
}

async fn new_page(ctx: Ctx) -> AppResult<Response> {
    editor(&ctx)?;
    page_form(&ctx, None, PageForm::default(), FormErrors::default(), None)
}

async fn edit_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<OkQuery>,
) -> AppResult<Response> {
    editor(&ctx)?;
    let p = agora_db::centre::page(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let f = PageForm {
        centre_title: p.title.clone(),
        centre_kind: p.kind.to_string(),
        centre_position: p.position.to_string(),
        centre_body: p.body.clone(),
        centre_title_en: p.title_en.clone().unwrap_or_default(),
        centre_body_en: p.body_en.clone().unwrap_or_default(),
        centre_published: p.published.then(|| "1".to_owned()),
    };
    page_form(&ctx, Some(&p), f, FormErrors::default(), q.notice(&ctx))
}

async fn create_page(State(state): State<AppState>, ctx: Ctx, Form(f): Form<PageForm>) -> AppResult<Response> {
    editor(&ctx)?;
    let input = match f.parse() {
        Ok(i) => i,
        Err(inv) => return page_form(&ctx, None, f, FormErrors::from_invalid(&inv, ctx.lang), None),
    };
    let entry = ctx.audit("centre.page.create", "centre_page", input.title.clone());
    let (id, _) = agora_db::centre::create_page(&state.db, &input, &entry).await?;
    Ok(redirect(&format!("/admin/centrum/{id}?ok=flash-centre-saved")).into_response())
}

async fn update_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(f): Form<PageForm>,
) -> AppResult<Response> {
    editor(&ctx)?;
    let p = agora_db::centre::page(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let input = match f.parse() {
        Ok(i) => i,
        Err(inv) => return page_form(&ctx, Some(&p), f, FormErrors::from_invalid(&inv, ctx.lang), None),
    };
    let entry = ctx.audit("centre.page.update", "centre_page", input.title.clone());
    if !agora_db::centre::update_page(&state.db, id, &input, &entry).await? {
        return Err(AppError::NotFound);
    }
    Ok(redirect(&format!("/admin/centrum/{id}?ok=flash-centre-saved")).into_response())
}

// ---- a publication's form and documents ----

#[derive(Template)]
#[template(path = "centre/publication_form.html")]
struct PublicationFormTpl<'a> {
    ctx: &'a Ctx,
    id: Option<i64>,
    f: PublicationForm,
    kinds: Vec<Opt>,
    /// Id, title and file name of each document.
    files: Vec<(i64, String, String)>,
    file_title: String,
    max_file_mb: usize,
    errors: FormErrors,
    notice: Option<String>,
}

fn stored_publication_form(p: &Publication) -> PublicationForm {
    let r = &p.row;
    PublicationForm {
        pub_title: r.title.clone(),
        pub_title_en: r.title_en.clone().unwrap_or_default(),
        pub_kind: r.kind.to_string(),
        pub_year: r.year.to_string(),
        pub_summary: r.summary.clone(),
        pub_summary_en: r.summary_en.clone().unwrap_or_default(),
    }
}

fn publication_form(
    ctx: &Ctx,
    stored: Option<&Publication>,
    f: PublicationForm,
    file_title: String,
    errors: FormErrors,
    notice: Option<String>,
) -> AppResult<Response> {
    render_form(
        &errors.clone(),
        &PublicationFormTpl {
            id: stored.map(|p| p.row.id),
            f,
            kinds: options::<PublicationKind>(ctx.lang, "publication-kind-"),
            files: stored
                .map(|p| p.files.iter().map(|f| (f.id, f.title.clone(), f.filename.clone())).collect())
                .unwrap_or_default(),
            file_title,
            max_file_mb: FILE_MAX_BYTES / 1024 / 1024,
            errors,
            notice,
            ctx,
        },
    )
}

fn this_year() -> i32 {
    crate::time::local_date(chrono::Utc::now()).year()
}

async fn new_publication(ctx: Ctx) -> AppResult<Response> {
    editor(&ctx)?;
    let f = PublicationForm { pub_year: this_year().to_string(), ..PublicationForm::default() };
    publication_form(&ctx, None, f, String::new(), FormErrors::default(), None)
}

async fn edit_publication(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<OkQuery>,
) -> AppResult<Response> {
    editor(&ctx)?;
    let p = agora_db::centre::publication(&state.db, id).await?.ok_or(AppError::NotFound)?;
    publication_form(&ctx, Some(&p), stored_publication_form(&p), String::new(), FormErrors::default(), q.notice(&ctx))
}

async fn create_publication(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(f): Form<PublicationForm>,
) -> AppResult<Response> {
    editor(&ctx)?;
    let input = match f.parse(this_year()) {
        Ok(i) => i,
        Err(inv) => {
            return publication_form(&ctx, None, f, String::new(), FormErrors::from_invalid(&inv, ctx.lang), None);
        }
    };
    let entry = ctx.audit("centre.publication.create", "publication", input.title.clone());
    let id = agora_db::centre::create_publication(&state.db, &input, &entry).await?;
    Ok(redirect(&format!("/admin/publikacje/{id}?ok=flash-centre-saved")).into_response())
}

async fn update_publication(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(f): Form<PublicationForm>,
) -> AppResult<Response> {
    editor(&ctx)?;
    let p = agora_db::centre::publication(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let input = match f.parse(this_year()) {
        Ok(i) => i,
        Err(inv) => {
            let errors = FormErrors::from_invalid(&inv, ctx.lang);
            return publication_form(&ctx, Some(&p), f, String::new(), errors, None);
        }
    };
    let entry = ctx.audit("centre.publication.update", "publication", input.title.clone());
    if !agora_db::centre::update_publication(&state.db, id, &input, &entry).await? {
        return Err(AppError::NotFound);
    }
    Ok(redirect(&format!("/admin/publikacje/{id}?ok=flash-centre-saved")).into_response())
}

/// Adds a document: its title and a file whose type is checked by its content. The file is
/// stored only once both are valid, and deleted again if the publication went meanwhile.
async fn add_document(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    mp: Multipart,
) -> AppResult<Response> {
    editor(&ctx)?;
    let p = agora_db::centre::publication(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let (fields, file) = crate::forms::read_multipart(mp, "pub_file", FILE_MAX_BYTES).await?;
    let title = fields.get("pub_file_title").to_owned();
    let mut inv = Invalid::default();
    inv.check(bounded_text("pub_file_title", &title, 2, agora_domain::centre::TITLE_MAX));
    let file_type = inv
        .check(
            check_file(&file.bytes, file.too_big, FILE_MAX_BYTES, true)
                .map_err(|e| FieldError { field: "pub_file", ..e }),
        )
        .flatten();
    let (Some(t), true) = (file_type, inv.is_empty()) else {
        let errors = FormErrors::from_invalid(&inv, ctx.lang);
        return publication_form(&ctx, Some(&p), stored_publication_form(&p), title, errors, None);
    };
    let new = agora_db::documents::NewFile {
        filename: clean_filename(&file.name, t.extension()),
        content_type: t.mime().into(),
        size_bytes: file.bytes.len() as i64,
        storage_key: store_file(&state, &format!("publications/{id}"), file.bytes, t).await?,
    };
    let entry = ctx.audit("centre.publication.file.add", "publication", title.trim().to_owned());
    if agora_db::centre::add_publication_file(&state.db, id, title.trim(), &new, &entry).await?.is_none() {
        delete_stored(&state, &new.storage_key).await;
        return Err(AppError::NotFound);
    }
    Ok(redirect(&format!("/admin/publikacje/{id}?ok=flash-centre-file-added")).into_response())
}

async fn remove_document(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, file)): Path<(i64, i64)>,
) -> AppResult<Response> {
    editor(&ctx)?;
    let entry = ctx.audit("centre.publication.file.remove", "publication", file.to_string());
    let key =
        agora_db::centre::remove_publication_file(&state.db, id, file, &entry).await?.ok_or(AppError::NotFound)?;
    delete_stored(&state, &key).await;
    Ok(redirect(&format!("/admin/publikacje/{id}?ok=flash-centre-file-removed")).into_response())
}

// ---- a gallery's form and photos ----

#[derive(Template)]
#[template(path = "centre/gallery_form.html")]
struct GalleryFormTpl<'a> {
    ctx: &'a Ctx,
    id: Option<i64>,
    public_href: Option<String>,
    f: GalleryForm,
    /// Id, address and alternative text of each photo.
    photos: Vec<(i64, String, String)>,
    p: PhotoForm,
    max_photo_mb: usize,
    errors: FormErrors,
    notice: Option<String>,
}

fn stored_gallery_form(g: &Gallery) -> GalleryForm {
    let r = &g.row;
    GalleryForm {
        gallery_title: r.title.clone(),
        gallery_title_en: r.title_en.clone().unwrap_or_default(),
        gallery_description: r.description.clone(),
        gallery_description_en: r.description_en.clone().unwrap_or_default(),
        gallery_date: r.taken_on.to_string(),
    }
}

fn gallery_form(
    ctx: &Ctx,
    stored: Option<&Gallery>,
    f: GalleryForm,
    p: PhotoForm,
    errors: FormErrors,
    notice: Option<String>,
) -> AppResult<Response> {
    render_form(
        &errors.clone(),
        &GalleryFormTpl {
            id: stored.map(|g| g.row.id),
            public_href: stored.map(|g| format!("/galerie/{}", g.row.slug)),
            f,
            photos: stored
                .map(|g| {
                    g.photos
                        .iter()
                        .map(|ph| (ph.id, format!("/galerie/{}/zdjecia/{}", g.row.slug, ph.id), ph.alt.clone()))
                        .collect()
                })
                .unwrap_or_default(),
            p,
            max_photo_mb: PHOTO_MAX_BYTES / 1024 / 1024,
            errors,
            notice,
            ctx,
        },
    )
}

async fn new_gallery(ctx: Ctx) -> AppResult<Response> {
    editor(&ctx)?;
    let f =
        GalleryForm { gallery_date: crate::time::local_date(chrono::Utc::now()).to_string(), ..GalleryForm::default() };
    gallery_form(&ctx, None, f, PhotoForm::default(), FormErrors::default(), None)
}

async fn edit_gallery(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<OkQuery>,
) -> AppResult<Response> {
    editor(&ctx)?;
    let g = agora_db::centre::gallery(&state.db, id).await?.ok_or(AppError::NotFound)?;
    gallery_form(&ctx, Some(&g), stored_gallery_form(&g), PhotoForm::default(), FormErrors::default(), q.notice(&ctx))
}

async fn create_gallery(State(state): State<AppState>, ctx: Ctx, Form(f): Form<GalleryForm>) -> AppResult<Response> {
    editor(&ctx)?;
    let input = match f.parse() {
        Ok(i) => i,
        Err(inv) => {
            let errors = FormErrors::from_invalid(&inv, ctx.lang);
            return gallery_form(&ctx, None, f, PhotoForm::default(), errors, None);
        }
    };
    let entry = ctx.audit("centre.gallery.create", "gallery", input.title.clone());
    let (id, _) = agora_db::centre::create_gallery(&state.db, &input, &entry).await?;
    Ok(redirect(&format!("/admin/galerie/{id}?ok=flash-gallery-created")).into_response())
}

async fn update_gallery(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(f): Form<GalleryForm>,
) -> AppResult<Response> {
    editor(&ctx)?;
    let g = agora_db::centre::gallery(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let input = match f.parse() {
        Ok(i) => i,
        Err(inv) => {
            let errors = FormErrors::from_invalid(&inv, ctx.lang);
            return gallery_form(&ctx, Some(&g), f, PhotoForm::default(), errors, None);
        }
    };
    let entry = ctx.audit("centre.gallery.update", "gallery", input.title.clone());
    if !agora_db::centre::update_gallery(&state.db, id, &input, &entry).await? {
        return Err(AppError::NotFound);
    }
    Ok(redirect(&format!("/admin/galerie/{id}?ok=flash-centre-saved")).into_response())
}

/// Adds a photo: a picture checked as news' lead images are, with its required alternative
/// text. The picture is stored only once everything is valid.
async fn add_photo(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>, mp: Multipart) -> AppResult<Response> {
    editor(&ctx)?;
    let g = agora_db::centre::gallery(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let (fields, file) = crate::forms::read_multipart(mp, "photo", PHOTO_MAX_BYTES).await?;
    let p: PhotoForm = fields.decode()?;
    let mut inv = Invalid::default();
    let photo_type = inv.check(checked_picture(&file, "photo", "news-image-type", PHOTO_MAX_BYTES)).flatten();
    if photo_type.is_none() && inv.is_empty() {
        inv.push(FieldError::new("photo", "required"));
    }
    let parsed = p.parse();
    if let Err(e) = &parsed {
        inv.0.extend(e.0.iter().cloned());
    }
    let (Some(t), Ok(input), true) = (photo_type, &parsed, inv.is_empty()) else {
        if photo_type.is_some() {
            // A browser never sends a chosen file again: say so beside the field.
            inv.push(FieldError::new("photo", "news-image-again"));
        }
        let errors = FormErrors::from_invalid(&inv, ctx.lang);
        return gallery_form(&ctx, Some(&g), stored_gallery_form(&g), p, errors, None);
    };
    let new = NewPhoto {
        content_type: t.mime().to_owned(),
        size_bytes: file.bytes.len() as i64,
        storage_key: store_file(&state, &format!("galleries/{id}"), file.bytes, t).await?,
    };
    let entry = ctx.audit("centre.gallery.photo.add", "gallery", input.alt.clone());
    if agora_db::centre::add_photo(&state.db, id, input, &new, &entry).await?.is_none() {
        delete_stored(&state, &new.storage_key).await;
        return Err(AppError::NotFound);
    }
    Ok(redirect(&format!("/admin/galerie/{id}?ok=flash-centre-photo-added")).into_response())
}

async fn remove_photo(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, photo)): Path<(i64, i64)>,
) -> AppResult<Response> {
    editor(&ctx)?;
    let entry = ctx.audit("centre.gallery.photo.remove", "gallery", photo.to_string());
    let key = agora_db::centre::remove_photo(&state.db, id, photo, &entry).await?.ok_or(AppError::NotFound)?;
    delete_stored(&state, &key).await;
    Ok(redirect(&format!("/admin/galerie/{id}?ok=flash-centre-photo-removed")).into_response())
}

// The confirmations this module redirects with must exist in both languages.
#[cfg(test)]
mod tests {
    #[test]
    fn every_confirmation_is_translated() {
        for key in [
            "flash-centre-saved",
            "flash-centre-deleted",
            "flash-centre-file-added",
            "flash-centre-file-removed",
            "flash-centre-photo-added",
            "flash-centre-photo-removed",
            "flash-gallery-created",
        ] {
            for lang in [crate::i18n::Lang::Pl, crate::i18n::Lang::En] {
                assert!(lang.has(key), "{lang:?} lacks {key}");
            }
        }
    }
}
