//! A consultation as other pages show it: the card in lists, its one-line state, and who may
//! see it at all.

use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::i18n::{Arg, Lang};
use crate::state::AppState;
use crate::time;
use agora_db::consultation::{self as dbc, CatalogueRow, Consultation};
use agora_domain::consultation::Status;
use chrono::Utc;

/// A consultation in a list, ready to show.
pub struct Card {
    /// Address part.
    pub slug: String,
    pub title: String,
    pub summary: String,
    /// Status name, for the badge's class.
    pub status: String,
    /// Status label.
    pub status_label: String,
    /// Dates line.
    pub dates: String,
    pub unit: String,
    /// Whole city or districts.
    pub scope: String,
}

pub fn card(ctx: &Ctx, r: CatalogueRow, now: chrono::DateTime<Utc>) -> Card {
    Card {
        dates: status_line(ctx.lang, r.status, r.opens_at, r.closes_at, now),
        status_label: ctx.t(&format!("status-{}", r.status)),
        status: r.status.as_str().to_owned(),
        slug: r.slug,
        title: r.title,
        summary: r.summary,
        unit: r.unit_name,
        scope: ctx.t(if r.scope_citywide { "scope-city" } else { "scope-districts" }),
    }
}

/// The one-line state of a consultation: "Trwa do 17 stycznia 2027, 23:59 — zostało 5 dni".
pub fn status_line(
    lang: Lang,
    status: Status,
    opens: chrono::DateTime<Utc>,
    closes: chrono::DateTime<Utc>,
    now: chrono::DateTime<Utc>,
) -> String {
    let args = |extra: Vec<(&'static str, Arg)>| {
        let mut a =
            vec![("opens", Arg::Str(time::day_time(lang, opens))), ("closes", Arg::Str(time::day_time(lang, closes)))];
        a.extend(extra);
        a
    };
    match status {
        Status::Draft => lang.t_args("banner-draft", &args(vec![])),
        Status::Announced => {
            let to_go = lang.t_args("days-to-go", &[("count", Arg::Num(time::days_until(now, opens).max(0)))]);
            lang.t_args("banner-announced", &args(vec![("togo", Arg::Str(to_go))]))
        }
        Status::Open => lang.t_args(
            "banner-open",
            &args(vec![("left", Arg::Str(time::days_left(lang, time::days_until(now, closes).max(0))))]),
        ),
        Status::Closed => lang.t_args("banner-closed", &args(vec![])),
        Status::ReportPublished => lang.t_args("banner-report", &args(vec![])),
        Status::Archived => lang.t_args("banner-archived", &args(vec![])),
        Status::Cancelled => lang.t_args("banner-cancelled", &args(vec![])),
    }
}

/// Loads a consultation a visitor may see.
pub async fn visible(state: &AppState, ctx: &Ctx, slug: &str) -> AppResult<Consultation> {
    let c = dbc::by_slug(&state.db, slug).await?.ok_or(AppError::NotFound)?;
    if ctx.may_see(c.as_item()) { Ok(c) } else { Err(AppError::NotFound) }
}
