//! The site's editable pages (the accessibility statement, and the information about the site
//! in easy-to-read text and in Polish Sign Language that Polish law requires of public bodies'
//! sites): their addresses, their defaults, and how one is shown.

use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::i18n::Lang;
use crate::render::render;
use crate::state::AppState;
use crate::time::local_time;
use agora_domain::permission::Action;
use askama::Template;
use axum::response::Response;

/// The slug of the accessibility statement page.
pub const ACCESSIBILITY_SLUG: &str = "deklaracja-dostepnosci";

/// The slug of the page about the site in easy-to-read text.
pub const EASY_READ_SLUG: &str = "tekst-latwy-do-czytania";
/// The slug of the page about the site in Polish Sign Language.
pub const SIGN_LANGUAGE_SLUG: &str = "jezyk-migowy";
/// The slug of the terms of the site, which sign-up asks people to accept: how the site works
/// and how it processes personal data.
pub const TERMS_SLUG: &str = "regulamin";
/// The settings key of the sign-language video's address.
pub const SIGN_LANGUAGE_VIDEO_KEY: &str = "sign_language_video_url";
/// Writes the pages every site needs where missing: the accessibility statement, and the
/// information about the site in easy-to-read text and in Polish Sign Language that Polish
/// law requires of public bodies' sites.
pub async fn ensure_default_pages(db: &agora_db::Db) -> agora_db::DbResult<()> {
    let pages = [
        (ACCESSIBILITY_SLUG, "a11y-default-title", "a11y-default-body"),
        (EASY_READ_SLUG, "etr-default-title", "etr-default-body"),
        (SIGN_LANGUAGE_SLUG, "pjm-default-title", "pjm-default-body"),
        (TERMS_SLUG, "terms-default-title", "terms-default-body"),
    ];
    for lang in Lang::ALL {
        for (slug, title, body) in pages {
            agora_db::pages::put_if_missing(db, slug, lang.code(), &lang.t(title), &lang.t(body)).await?;
        }
    }
    Ok(())
}

#[derive(Template)]
#[template(path = "page.html")]
struct PageTpl<'a> {
    ctx: &'a Ctx,
    slug: &'a str,
    title: String,
    body_html: String,
    updated: String,
    updated_iso: String,
    can_edit: bool,
    /// The statement offers the request form.
    is_statement: bool,
    /// The sign-language page: `Some` with the video's address, if set.
    sign_language: Option<Option<String>>,
}

/// An editable page in the visitor's language, or in Polish when not translated.
pub async fn content_page(state: &AppState, ctx: &Ctx, slug: &str) -> AppResult<Response> {
    let page = match agora_db::pages::get(&state.db, slug, ctx.lang.code()).await? {
        Some(p) => p,
        None => agora_db::pages::get(&state.db, slug, "pl").await?.ok_or(AppError::NotFound)?,
    };
    let sign_language = if slug == SIGN_LANGUAGE_SLUG { Some(sign_language_video(state).await?) } else { None };
    render(&PageTpl {
        ctx,
        slug,
        title: page.title,
        body_html: crate::markdown::to_html(&page.body),
        updated: local_time(page.updated_at),
        updated_iso: page.updated_at.to_rfc3339(),
        can_edit: ctx.can(Action::ManageReferenceData),
        is_statement: slug == ACCESSIBILITY_SLUG,
        sign_language,
    })
}

/// The sign-language video's address, if an administrator has set one.
pub async fn sign_language_video(state: &AppState) -> AppResult<Option<String>> {
    let raw = agora_db::settings::get(&state.db, SIGN_LANGUAGE_VIDEO_KEY).await?;
    Ok(raw.and_then(|json| serde_json::from_str::<String>(&json).ok()).filter(|u| !u.is_empty()))
}

/// Stores the sign-language video's address (empty removes it).
pub async fn set_sign_language_video(state: &AppState, ctx: &Ctx, url: Option<&str>) -> AppResult<()> {
    let value = url.unwrap_or("");
    if sign_language_video(state).await?.as_deref().unwrap_or("") == value {
        return Ok(());
    }
    let json = serde_json::to_string(value).map_err(|e| AppError::Internal(e.to_string()))?;
    let entry = ctx.audit("page.video", "page", format!("{SIGN_LANGUAGE_SLUG} {value}"));
    agora_db::settings::put(&state.db, SIGN_LANGUAGE_VIDEO_KEY, &json, &entry).await?;
    Ok(())
}
