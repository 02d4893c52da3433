//! News posts as the lists show them: on `/aktualnosci`, the home page, a district's page and a
//! body's page. Every list reads published posts only, so a draft or a post scheduled for later
//! is in none of them.

use crate::error::AppResult;
use crate::i18n::{Lang, localized};
use crate::state::AppState;
use agora_db::news::{Filter, NewsRow};
use chrono::{DateTime, Utc};

/// A post in a list.
pub struct NewsCard {
    pub href: String,
    pub title: String,
    pub lead: String,
    /// ISO date and time of publication, for `<time datetime>`.
    pub iso: String,
    /// The publication day, as people read it.
    pub date: String,
    /// Who speaks: the district or body it is about, empty for the Centre's own news.
    pub about: String,
    /// That district's or body's news, filtered.
    pub about_href: String,
    /// The lead image's address and alternative text.
    pub image: Option<(String, String)>,
}

/// Where a post lives.
pub fn href(slug: &str) -> String {
    format!("/aktualnosci/{slug}")
}

/// The text of a post in `lang`, falling back to Polish where the English is missing.
pub fn pick(lang: Lang, pl: &str, en: Option<&str>) -> String {
    localized(lang, pl.to_owned(), en.map(str::to_owned))
}

/// Who a post speaks for, and the link to their news.
pub fn about(lang: Lang, r: &NewsRow) -> (String, String) {
    match (r.district_id, &r.district_name, r.body_id, &r.body_name) {
        (Some(d), Some(name), _, _) => (name.clone(), format!("/aktualnosci?dzielnica={d}")),
        (_, _, Some(b), Some(name)) => (pick(lang, name, r.body_name_en.as_deref()), format!("/aktualnosci?cialo={b}")),
        _ => (String::new(), String::new()),
    }
}

/// A row as a card.
pub fn card(lang: Lang, r: &NewsRow) -> NewsCard {
    let at = r.publish_at.unwrap_or(r.updated_at);
    let (about, about_href) = about(lang, r);
    NewsCard {
        href: href(&r.slug),
        title: pick(lang, &r.title, r.title_en.as_deref()),
        lead: pick(lang, &r.lead, r.lead_en.as_deref()),
        iso: at.to_rfc3339(),
        date: crate::time::day(lang, crate::time::local_date(at)),
        about,
        about_href,
        image: r.image_key.as_ref().map(|_| {
            (
                format!("{}/obraz", href(&r.slug)),
                pick(lang, r.image_alt.as_deref().unwrap_or(""), r.image_alt_en.as_deref()),
            )
        }),
    }
}

/// The newest `n` posts published by `now` that `filter` lets through, with how many there are.
pub async fn latest(
    state: &AppState,
    lang: Lang,
    filter: &Filter,
    n: i64,
    now: DateTime<Utc>,
) -> AppResult<(Vec<NewsCard>, i64)> {
    let page = agora_db::news::published(&state.db, filter, now, n, 0).await?;
    Ok((page.items.iter().map(|r| card(lang, r)).collect(), page.total))
}
