//! Following from the pages: the follow form behind every "Follow" link (a signed-in person
//! follows at once, anyone else after confirming the address by a mailed link), "my
//! subscriptions" (for an account, or behind the link every message carries), one-click
//! unsubscribe (RFC 8058, posted by the mail provider without signing in) and the Atom feed
//! of each kind of notice.

use super::common::OkQuery;
use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::forms::FormErrors;
use crate::i18n::{Arg, Lang, localized};
use crate::jobs::queue_mail;
use crate::mail::Mail;
use crate::render::MessageTpl;
use crate::render::{render, render_form, render_public, render_status};
use crate::state::AppState;
use crate::urls::redirect;
use agora_db::subscriptions::{self as db, Confirmation, Followed, NewFollow, Subscriber, Subscription};
use agora_domain::account::Email;
use agora_domain::subscription::{Frequency, NoticeKind, Target};
use askama::Template;
use axum::Router;
use axum::extract::{Form, Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use chrono::Utc;
use serde::Deserialize;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/obserwuj", get(follow_form).post(follow))
        .route("/subskrypcje/potwierdz/{key}", get(confirm_page).post(confirm))
        .route("/subskrypcje/{key}", get(manage_page))
        .route("/subskrypcje/{key}/{id}", post(manage_change))
        .route("/konto/subskrypcje", get(my_page))
        .route("/konto/subskrypcje/{id}", post(my_change))
        .route("/wypisz/{key}", get(unsubscribe_page).post(unsubscribe))
        .route("/powiadomienia", get(feeds_page))
        .route("/powiadomienia/{kind}", get(feed))
}

/// The frequencies a person picks from; "off" is offered on the subscriptions page only.
const PICKABLE: [Frequency; 3] = [Frequency::Instant, Frequency::Daily, Frequency::Weekly];

/// What a follow link names.
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
struct FollowQuery {
    cel: String,
    id: String,
}

impl FollowQuery {
    fn target(&self) -> Option<(Target, i64)> {
        let t = Target::parse(&self.cel)?;
        let id = self.id.trim().parse::<i64>().ok().filter(|id| *id >= 0)?;
        Some((t, id))
    }
}

/// The follow form as sent.
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
struct FollowForm {
    cel: String,
    id: String,
    email: String,
    frequency: String,
}

#[derive(Template)]
#[template(path = "follow/form.html")]
struct FollowTpl<'a> {
    ctx: &'a Ctx,
    target: &'a str,
    id: i64,
    /// What is followed, e.g. "the district Podgórze".
    what: String,
    newsletter: bool,
    frequencies: Vec<(&'static str, String, bool)>,
    f: FollowForm,
    errors: FormErrors,
}

/// The target a form or link names, if it exists and the public may see it.
async fn known_target(state: &AppState, cel: &str, id: &str) -> AppResult<(Target, i64)> {
    let q = FollowQuery { cel: cel.to_owned(), id: id.to_owned() };
    let (t, id) = q.target().ok_or(AppError::NotFound)?;
    if !db::target_exists(&state.db, t, id).await? {
        return Err(AppError::NotFound);
    }
    Ok((t, id))
}

/// "the district Podgórze", "the newsletter": what is followed, in words.
async fn described(state: &AppState, lang: Lang, t: Target, id: i64) -> AppResult<String> {
    let name = db::target_name(&state.db, t, id).await?;
    Ok(lang.t_args(&format!("follow-what-{}", t.as_str()), &[("name", Arg::Str(name))]))
}

async fn follow_view(
    state: &AppState,
    ctx: &Ctx,
    t: Target,
    id: i64,
    f: FollowForm,
    errors: FormErrors,
) -> AppResult<Response> {
    let chosen = Frequency::parse(&f.frequency).unwrap_or(Frequency::Weekly);
    let frequencies = PICKABLE
        .iter()
        .map(|fr| (fr.as_str(), ctx.t(&format!("follow-frequency-{}", fr.as_str())), *fr == chosen))
        .collect();
    let tpl = FollowTpl {
        ctx,
        target: t.as_str(),
        id,
        what: described(state, ctx.lang, t, id).await?,
        newsletter: t == Target::Newsletter,
        frequencies,
        f,
        errors,
    };
    render_form(&tpl.errors, &tpl)
}

async fn follow_form(State(state): State<AppState>, ctx: Ctx, Query(q): Query<FollowQuery>) -> AppResult<Response> {
    let (t, id) = known_target(&state, &q.cel, &q.id).await?;
    follow_view(&state, &ctx, t, id, FollowForm::default(), FormErrors::default()).await
}

async fn follow(State(state): State<AppState>, ctx: Ctx, Form(f): Form<FollowForm>) -> AppResult<Response> {
    let (t, id) = known_target(&state, &f.cel, &f.id).await?;
    let frequency = if t == Target::Newsletter {
        Frequency::Instant
    } else {
        match Frequency::parse(&f.frequency).filter(|fr| PICKABLE.contains(fr)) {
            Some(fr) => fr,
            None => {
                let errors = FormErrors::general("frequency", ctx.t("error-follow-frequency"), ctx.lang);
                return follow_view(&state, &ctx, t, id, f, errors).await;
            }
        }
    };
    let email = match &ctx.user {
        Some(u) => Email::from_trusted(u.email.clone()),
        None => match Email::parse(&f.email) {
            Ok(e) => e,
            Err(e) => {
                let errors = FormErrors::from_invalid(&agora_domain::Invalid(vec![e]), ctx.lang);
                return follow_view(&state, &ctx, t, id, f, errors).await;
            }
        },
    };
    let source = if t == Target::Newsletter { "newsletter" } else { "page" };
    let asked = NewFollow {
        email: email.as_str(),
        user_id: ctx.user.as_ref().map(|u| u.id),
        lang: ctx.lang.code(),
        target: t,
        target_id: id,
        frequency,
        source,
    };
    let what = described(&state, ctx.lang, t, id).await?;
    match db::follow(&state.db, &asked).await? {
        Followed::Active => Ok(redirect("/konto/subskrypcje?ok=flash-followed").into_response()),
        Followed::Already => {
            let errors = FormErrors::general("email", ctx.t("error-follow-already"), ctx.lang);
            let mut r = follow_view(&state, &ctx, t, id, f, errors).await?;
            *r.status_mut() = StatusCode::CONFLICT;
            Ok(r)
        }
        Followed::Pending { confirm_key, .. } => {
            let base = &state.config.base_url;
            let args = [
                ("what", Arg::Str(what.clone())),
                ("link", Arg::Str(format!("{base}/subskrypcje/potwierdz/{confirm_key}"))),
                ("days", Arg::Num(db::CONFIRM_DAYS)),
            ];
            queue_mail(
                &state,
                Mail {
                    to: email.as_str().to_owned(),
                    subject: ctx.lang.t_args("follow-confirm-mail-subject", &args),
                    body: ctx.lang.t_args("follow-confirm-mail-body", &args),
                    attachments: Vec::new(),
                    unsubscribe: None,
                },
            )
            .await?;
            message(
                &ctx,
                StatusCode::OK,
                ctx.t("follow-check-mail-title"),
                ctx.lang.t_args("follow-check-mail", &args),
                None,
            )
        }
    }
}

fn message(
    ctx: &Ctx,
    status: StatusCode,
    title: String,
    text: String,
    link: Option<(String, String)>,
) -> AppResult<Response> {
    render_status(status, &MessageTpl { ctx, title, message: text, link, back: None })
}

#[derive(Template)]
#[template(path = "follow/confirm.html")]
struct ConfirmTpl<'a> {
    ctx: &'a Ctx,
    action: String,
}

/// The link in the mail shows a button: a mail scanner that fetches every link must not
/// confirm an address its owner never asked for.
async fn confirm_page(State(state): State<AppState>, ctx: Ctx, Path(key): Path<String>) -> AppResult<Response> {
    if !db::confirm_key_known(&state.db, &key).await? {
        return message(
            &ctx,
            StatusCode::NOT_FOUND,
            ctx.t("follow-link-unknown-title"),
            ctx.t("follow-link-unknown"),
            None,
        );
    }
    render(&ConfirmTpl { ctx: &ctx, action: format!("/subskrypcje/potwierdz/{key}") })
}

async fn confirm(State(state): State<AppState>, ctx: Ctx, Path(key): Path<String>) -> AppResult<Response> {
    match db::confirm(&state.db, &key, Utc::now()).await? {
        Confirmation::Confirmed { manage_key, target, target_id } => {
            let what = described(&state, ctx.lang, target, target_id).await?;
            message(
                &ctx,
                StatusCode::OK,
                ctx.t("follow-confirmed-title"),
                ctx.lang.t_args("follow-confirmed", &[("what", Arg::Str(what))]),
                Some((format!("/subskrypcje/{manage_key}"), ctx.t("follow-manage-link"))),
            )
        }
        Confirmation::Expired => {
            message(&ctx, StatusCode::GONE, ctx.t("follow-link-expired-title"), ctx.t("follow-link-expired"), None)
        }
        Confirmation::Unknown => {
            message(&ctx, StatusCode::NOT_FOUND, ctx.t("follow-link-unknown-title"), ctx.t("follow-link-unknown"), None)
        }
    }
}

// ---- my subscriptions ----

/// One subscription as the page lists it.
struct Line {
    id: i64,
    kind: String,
    name: String,
    path: String,
    frequency: &'static str,
    pending: bool,
    since: String,
}

#[derive(Template)]
#[template(path = "follow/manage.html")]
struct ManageTpl<'a> {
    ctx: &'a Ctx,
    email: String,
    /// Where the forms of each line post, without the subscription's id.
    action: String,
    lines: Vec<Line>,
    frequencies: Vec<(&'static str, String)>,
    notice: Option<String>,
}

async fn manage_view(state: &AppState, ctx: &Ctx, s: &Subscriber, action: String, ok: &str) -> AppResult<Response> {
    let lines = db::list(&state.db, s.id)
        .await?
        .into_iter()
        .map(|x: Subscription| Line {
            id: x.id,
            kind: ctx.t(&format!("follow-target-{}", x.target_kind.as_str())),
            name: x.name,
            path: x.path,
            frequency: x.frequency.as_str(),
            pending: x.confirmed_at.is_none(),
            since: crate::time::day(ctx.lang, crate::time::local_date(x.created_at)),
        })
        .collect();
    let frequencies =
        Frequency::ALL.iter().map(|f| (f.as_str(), ctx.t(&format!("follow-frequency-{}", f.as_str())))).collect();
    render(&ManageTpl {
        ctx,
        email: s.email.clone(),
        action,
        lines,
        frequencies,
        notice: super::common::notice(ctx, ok),
    })
}

async fn manage_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(key): Path<String>,
    Query(q): Query<OkQuery>,
) -> AppResult<Response> {
    let s = db::by_manage_key(&state.db, &key).await?.ok_or(AppError::NotFound)?;
    manage_view(&state, &ctx, &s, format!("/subskrypcje/{key}"), &q.ok).await
}

async fn my_page(State(state): State<AppState>, ctx: Ctx, Query(q): Query<OkQuery>) -> AppResult<Response> {
    let u = ctx.require_user()?;
    let s = match db::by_user(&state.db, u.id).await? {
        Some(s) => s,
        None => Subscriber {
            id: 0,
            email: u.email.clone(),
            user_id: Some(u.id),
            lang: u.locale.clone(),
            manage_key: String::new(),
            confirmed_at: None,
        },
    };
    manage_view(&state, &ctx, &s, "/konto/subskrypcje".into(), &q.ok).await
}

/// A change on the subscriptions page: a new frequency, or `remove`.
#[derive(Deserialize, Default)]
#[serde(default)]
struct ChangeForm {
    frequency: String,
    remove: String,
}

async fn change(state: &AppState, subscriber: i64, id: i64, f: &ChangeForm) -> AppResult<&'static str> {
    let done = if !f.remove.is_empty() {
        db::remove(&state.db, subscriber, id).await?
    } else {
        let fr = Frequency::parse(&f.frequency).ok_or(AppError::BadRequest)?;
        db::set_frequency(&state.db, subscriber, id, fr).await?
    };
    if !done {
        return Err(AppError::NotFound);
    }
    Ok(if f.remove.is_empty() { "flash-follow-changed" } else { "flash-follow-removed" })
}

async fn manage_change(
    State(state): State<AppState>,
    Path((key, id)): Path<(String, i64)>,
    Form(f): Form<ChangeForm>,
) -> AppResult<Response> {
    let s = db::by_manage_key(&state.db, &key).await?.ok_or(AppError::NotFound)?;
    let ok = change(&state, s.id, id, &f).await?;
    Ok(redirect(&format!("/subskrypcje/{key}?ok={ok}")).into_response())
}

async fn my_change(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(f): Form<ChangeForm>,
) -> AppResult<Response> {
    let u = ctx.require_user()?;
    let s = db::by_user(&state.db, u.id).await?.ok_or(AppError::NotFound)?;
    let ok = change(&state, s.id, id, &f).await?;
    Ok(redirect(&format!("/konto/subskrypcje?ok={ok}")).into_response())
}

// ---- one-click unsubscribe ----

#[derive(Template)]
#[template(path = "follow/unsubscribe.html")]
struct UnsubscribeTpl<'a> {
    ctx: &'a Ctx,
    what: String,
    action: String,
}

/// The answer to an unsubscribe key nobody has (forged, or its subscription already ended).
fn unknown_unsubscribe(ctx: &Ctx) -> AppResult<Response> {
    message(ctx, StatusCode::NOT_FOUND, ctx.t("follow-link-unknown-title"), ctx.t("unsubscribe-unknown"), None)
}

async fn unsubscribe_page(State(state): State<AppState>, ctx: Ctx, Path(key): Path<String>) -> AppResult<Response> {
    let Some(s) = db::by_unsubscribe_key(&state.db, &key).await? else {
        return unknown_unsubscribe(&ctx);
    };
    let what = described(&state, ctx.lang, s.target_kind, s.target_id).await?;
    render(&UnsubscribeTpl { ctx: &ctx, what, action: format!("/wypisz/{key}") })
}

/// The POST of RFC 8058 (`List-Unsubscribe=One-Click`, from the mail provider) and of the
/// page's button alike: the key is the capability, and stopping mail is all it can do.
async fn unsubscribe(State(state): State<AppState>, ctx: Ctx, Path(key): Path<String>) -> AppResult<Response> {
    let what = match db::by_unsubscribe_key(&state.db, &key).await? {
        Some(s) => described(&state, ctx.lang, s.target_kind, s.target_id).await?,
        None => {
            return unknown_unsubscribe(&ctx);
        }
    };
    db::unsubscribe(&state.db, &key).await?;
    message(
        &ctx,
        StatusCode::OK,
        ctx.t("unsubscribed-title"),
        ctx.lang.t_args("unsubscribed", &[("what", Arg::Str(what))]),
        None,
    )
}

// ---- feeds ----

#[derive(Template)]
#[template(path = "follow/feeds.html")]
struct FeedsTpl<'a> {
    ctx: &'a Ctx,
    feeds: Vec<(String, String)>,
}

async fn feeds_page(ctx: Ctx) -> AppResult<Response> {
    let mut feeds = vec![("/powiadomienia/wszystko.atom".to_owned(), ctx.t("notice-feed-all"))];
    feeds.extend(
        NoticeKind::ALL
            .iter()
            .map(|k| (format!("/powiadomienia/{}.atom", k.as_str()), ctx.t(&format!("notice-kind-{}", k.as_str())))),
    );
    render_public(&FeedsTpl { ctx: &ctx, feeds }, None)
}

/// The latest 50 notices of a kind (`wszystko.atom` for every kind), optionally of one
/// followed thing (`?cel=district&id=3`), each checked again against the visibility rule.
async fn feed(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(file): Path<String>,
    Query(q): Query<FollowQuery>,
) -> AppResult<Response> {
    let name = file.strip_suffix(".atom").ok_or(AppError::NotFound)?;
    let kind = match name {
        "wszystko" => None,
        other => Some(NoticeKind::parse(other).ok_or(AppError::NotFound)?),
    };
    let target = if q.cel.is_empty() { None } else { Some(q.target().ok_or(AppError::NotFound)?) };
    let now = Utc::now();
    let found = db::latest(&state.db, kind, target, 50).await?;
    let public = db::still_public(&state.db, &found, now).await?;
    let found: Vec<_> = found.into_iter().filter(|n| public.contains(&n.id)).collect();
    let base = &state.config.base_url;
    let host = crate::urls::host_of(base);
    let lang = ctx.lang;
    let rows: Vec<(String, String, String, String)> = found
        .iter()
        .map(|n| {
            (
                format!("tag:{host},2026:notice/{}", n.id),
                localized(lang, n.title.clone(), n.title_en.clone()),
                format!("{base}{}", n.path),
                lang.t(&format!("notice-kind-{}", n.kind.as_str())),
            )
        })
        .collect();
    let entries: Vec<agora_export::atom::AtomEntry<'_>> = found
        .iter()
        .zip(&rows)
        .map(|(n, (id, title, link, summary))| agora_export::atom::AtomEntry {
            id,
            title,
            updated: n.at,
            link,
            summary,
            author: "",
        })
        .collect();
    let qs = target.map_or(String::new(), |(t, id)| format!("?cel={}&id={id}", t.as_str()));
    let title = match kind {
        Some(k) => lang.t(&format!("notice-kind-{}", k.as_str())),
        None => lang.t("notice-feed-all"),
    };
    let body = agora_export::atom::feed(
        &format!("tag:{host},2026:notices/{name}{qs}"),
        &title,
        &format!("{base}/powiadomienia/{file}{qs}"),
        &format!("{base}/powiadomienia"),
        lang.code(),
        found.first().map_or(now, |n| n.at),
        &entries,
    );
    Ok(([(header::CONTENT_TYPE, "application/atom+xml; charset=utf-8")], body).into_response())
}
