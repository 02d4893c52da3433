//! Advice requests (Bank Wspierania Partycypacji) at `/doradztwo`: the published questions and
//! answers for everyone, the request form, the requester's own page (signed in, or holding the
//! key from their mail) with the conversation and the rating, and the advisers' queue and
//! request page under `/admin/doradztwo`, where they take, write, answer and publish.

use super::common::{OkQuery, Opt, clean_filename, notice, options, size_label, store_file, stored_download};
use crate::client::ClientAddr;
use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::forms::{FormErrors, UploadedFile};
use crate::i18n::{Arg, Lang};
use crate::mail::{self, Mail};
use crate::markdown;
use crate::render::{render, render_form, render_public};
use crate::state::AppState;
use crate::time;
use crate::urls::{redirect, url_encode};
use agora_db::Page;
use agora_db::advice::{self as db, Clock, Job, NewMessage, NewRequest, Queue, Request};
use agora_db::documents::NewFile;
use agora_db::tracked::Actor;
use agora_domain::account::Email;
use agora_domain::advice::{
    self as rules, AnswerForm, FILE_MAX_BYTES, FILES_MAX, MessageForm, PAGE_SIZE, PublishForm, RatingForm, RequestForm,
    Topic,
};
use agora_domain::permission::Action;
use agora_domain::tracked::{TrackedState, overdue_days};
use agora_domain::{FieldError, Invalid};
use askama::Template;
use axum::Router;
use axum::extract::{DefaultBodyLimit, Form, Multipart, Path, Query, State};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use chrono::{NaiveDate, Utc};
use serde::Deserialize;

/// Where administrators' choice of the department answering for the advice desk is kept.
const DESK_KEY: &str = db::DESK_SETTING;
/// Requests per page of the advisers' queue.
const QUEUE_PAGE: i64 = 50;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/doradztwo", get(index))
        .route("/doradztwo/pytania/{id}", get(qa_page))
        .route(
            "/doradztwo/nowa",
            get(form_page).post(submit).layer(DefaultBodyLimit::max(FILES_MAX * FILE_MAX_BYTES + 1024 * 1024)),
        )
        .route("/doradztwo/prosby/{id}", get(request_page))
        .route("/doradztwo/prosby/{id}/wiadomosc", post(requester_message))
        .route("/doradztwo/prosby/{id}/ocena", post(rate))
        .route("/doradztwo/prosby/{id}/pliki/{file}", get(download))
        .route("/konto/doradztwo", get(mine))
        .route("/admin/doradztwo", get(queue))
        .route("/admin/doradztwo/biuro", post(set_desk))
        .route("/admin/doradztwo/{id}", get(case_page))
        .route("/admin/doradztwo/{id}/przyjmij", post(take))
        .route("/admin/doradztwo/{id}/wiadomosc", post(adviser_message))
        .route("/admin/doradztwo/{id}/odpowiedz", post(answer))
        .route("/admin/doradztwo/{id}/publikacja", post(publish))
        .route("/admin/doradztwo/{id}/wycofaj", post(unpublish))
}

fn today() -> NaiveDate {
    time::local_date(Utc::now())
}

fn topic_label(lang: Lang, t: Topic) -> String {
    lang.t(&format!("advice-topic-{t}"))
}

// ---- the published questions and answers ----

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct IndexQuery {
    temat: String,
    strona: String,
}

/// A published question and answer as the public pages show it.
struct Qa {
    id: i64,
    topic: String,
    asker: String,
    question: String,
    answer_html: String,
    answered: String,
}

fn qa(lang: Lang, p: db::Published) -> Qa {
    Qa {
        id: p.id,
        topic: topic_label(lang, p.topic),
        asker: lang.t(&format!("advice-asker-{}", p.asker)),
        question: p.question,
        answer_html: markdown::to_html(&p.answer),
        answered: p.answered_on.map(|d| time::day(lang, d)).unwrap_or_default(),
    }
}

#[derive(Template)]
#[template(path = "advice/index.html")]
struct IndexTpl<'a> {
    ctx: &'a Ctx,
    topics: Vec<Opt>,
    temat: String,
    items: Vec<Qa>,
    total: i64,
    page: i64,
    pages: i64,
    pager_base: String,
}

async fn index(State(state): State<AppState>, ctx: Ctx, Query(q): Query<IndexQuery>) -> AppResult<Response> {
    let topic = Topic::parse(q.temat.trim());
    let page = q.strona.trim().parse::<i64>().unwrap_or(1).clamp(1, 100_000);
    let Page { items, total } = db::published(&state.db, topic, PAGE_SIZE, (page - 1) * PAGE_SIZE).await?;
    let temat = topic.map(|t| t.as_str().to_owned()).unwrap_or_default();
    render_public(
        &IndexTpl {
            topics: options::<Topic>(ctx.lang, "advice-topic-"),
            items: items.into_iter().map(|p| qa(ctx.lang, p)).collect(),
            total,
            page,
            pages: ((total + PAGE_SIZE - 1) / PAGE_SIZE).max(1),
            pager_base: format!("/doradztwo?temat={}", url_encode(&temat)),
            temat,
            ctx: &ctx,
        },
        None,
    )
}

#[derive(Template)]
#[template(path = "advice/qa.html")]
struct QaTpl<'a> {
    ctx: &'a Ctx,
    q: Qa,
}

async fn qa_page(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> AppResult<Response> {
    let p = db::published_one(&state.db, id).await?.ok_or(AppError::NotFound)?;
    render_public(&QaTpl { q: qa(ctx.lang, p), ctx: &ctx }, None)
}

// ---- the request form ----

#[derive(Template)]
#[template(path = "advice/form.html")]
struct FormTpl<'a> {
    ctx: &'a Ctx,
    f: RequestForm,
    topics: Vec<Opt>,
    askers: Vec<Opt>,
    /// What the file field takes: how many files, how large.
    files_hint: String,
    /// No department answers for the desk yet (a new site without units): nothing is taken.
    closed: bool,
    errors: FormErrors,
}

async fn form_view(state: &AppState, ctx: &Ctx, f: RequestForm, errors: FormErrors) -> AppResult<Response> {
    let closed = desk_unit(state).await?.is_none();
    let tpl = FormTpl {
        ctx,
        f,
        topics: options::<Topic>(ctx.lang, "advice-topic-"),
        askers: options::<rules::Asker>(ctx.lang, "advice-asker-"),
        files_hint: ctx.lang.t_args(
            "advice-field-files-hint",
            &[
                ("files", Arg::Num(i64::try_from(FILES_MAX).unwrap_or(i64::MAX))),
                ("mb", Arg::Num(i64::try_from(FILE_MAX_BYTES / 1024 / 1024).unwrap_or(i64::MAX))),
            ],
        ),
        closed,
        errors,
    };
    render_form(&tpl.errors, &tpl)
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct FormQuery {
    temat: String,
}

async fn form_page(State(state): State<AppState>, ctx: Ctx, Query(q): Query<FormQuery>) -> AppResult<Response> {
    let f = RequestForm {
        advice_topic: Topic::parse(q.temat.trim()).map(|t| t.as_str().to_owned()).unwrap_or_default(),
        advice_name: ctx.user.as_ref().map(|u| u.display_name.clone()).unwrap_or_default(),
        ..RequestForm::default()
    };
    form_view(&state, &ctx, f, FormErrors::default()).await
}

/// The department answering for the advice desk in the ledger: the one administrators chose,
/// else the first there is; `None` on a site with no departments yet.
async fn desk_unit(state: &AppState) -> AppResult<Option<i64>> {
    let units: Vec<i64> = agora_db::reference::units(&state.db).await?.into_iter().map(|u| u.id).collect();
    let chosen = agora_db::settings::get(&state.db, DESK_KEY).await?.and_then(|v| v.trim().parse::<i64>().ok());
    Ok(chosen.filter(|c| units.contains(c)).or_else(|| units.first().copied()))
}

/// The link to request `id` that the person who asked gets by mail.
fn requester_link(state: &AppState, id: i64, key: &str) -> String {
    format!("{}/doradztwo/prosby/{id}?klucz={key}", state.config.base_url)
}

async fn submit(State(state): State<AppState>, ctx: Ctx, client: ClientAddr, mp: Multipart) -> AppResult<Response> {
    let (p, files) = crate::forms::read_multipart_files(mp, "advice_files", FILE_MAX_BYTES, FILES_MAX).await?;
    let f: RequestForm = p.decode()?;
    let account = ctx.user.as_ref().and_then(|u| Email::parse(&u.email).ok());
    let mut inv = Invalid::default();
    let input = match f.parse(account.as_ref()) {
        Ok(i) => Some(i),
        Err(e) => {
            inv.0.extend(e.0);
            None
        }
    };
    let types = match rules::attachments(files.iter().map(|f| (f.name.as_str(), f.bytes.as_slice(), f.too_big))) {
        Ok(t) => Some(t),
        Err(e) => {
            inv.push(e);
            None
        }
    };
    let (Some(input), Some(types), true) = (input, types, inv.is_empty()) else {
        return form_view(&state, &ctx, f, FormErrors::from_invalid(&inv, ctx.lang)).await;
    };
    let Some(unit_id) = desk_unit(&state).await? else {
        let errors = FormErrors::general("advice_question", ctx.t("advice-desk-closed"), ctx.lang);
        return form_view(&state, &ctx, f, errors).await;
    };
    // Each request is an adviser's work and sends mail: visitors who are not signed in are
    // counted by address and mailbox before anything is stored.
    if ctx.user.is_none()
        && let Err(no) = crate::limits::messages(&state, &ctx, client, Some(input.email.as_str())).await?
    {
        let field = if no.mailbox { "advice_email" } else { "advice_question" };
        let errors = FormErrors::general(field, no.message.clone(), ctx.lang);
        return no.answer(form_view(&state, &ctx, f, errors).await);
    }
    let mut stored = Vec::with_capacity(types.len());
    for (file, t) in files.into_iter().zip(types) {
        let UploadedFile { name, bytes, .. } = file;
        let size_bytes = i64::try_from(bytes.len()).unwrap_or(i64::MAX);
        stored.push(NewFile {
            filename: clean_filename(&name, t.extension()),
            content_type: t.mime().to_owned(),
            size_bytes,
            storage_key: store_file(&state, "advice", bytes, t).await?,
        });
    }
    let (key, _) = agora_db::new_token();
    let opened_on = today();
    let due_on = rules::due_on(opened_on);
    let lang = ctx.lang;
    let topic_pl = topic_label(Lang::Pl, input.topic);
    let title = move |id: i64| {
        Lang::Pl.t_args(
            "advice-ledger-title",
            &[("number", Arg::Str(rules::number(id))), ("topic", Arg::Str(topic_pl.clone()))],
        )
    };
    let (to, topic, due, base_key) =
        (input.email.as_str().to_owned(), topic_label(lang, input.topic), time::day(lang, due_on), key.clone());
    let link_base = state.config.base_url.clone();
    let receipt = move |id: i64| Job {
        kind: mail::MAIL_JOB,
        payload: mail::payload(&Mail {
            attachments: Vec::new(),
            unsubscribe: None,
            to: to.clone(),
            subject: lang.t_args("advice-mail-receipt-subject", &[("number", Arg::Str(rules::number(id)))]),
            body: lang.t_args(
                "advice-mail-receipt-body",
                &[
                    ("number", Arg::Str(rules::number(id))),
                    ("topic", Arg::Str(topic.clone())),
                    ("due", Arg::Str(due.clone())),
                    ("link", Arg::Str(format!("{link_base}/doradztwo/prosby/{id}?klucz={base_key}"))),
                ],
            ),
        }),
    };
    let actor_label = Lang::Pl.t("advice-actor-requester");
    let entry = ctx.audit("advice.create", "advice_request", format!("{} ({} files)", input.topic, stored.len()));
    let id = db::create(
        &state.db,
        &NewRequest {
            input: &input,
            access_key: key.clone(),
            user_id: ctx.user.as_ref().map(|u| u.id),
            lang: lang.code().to_owned(),
            unit_id,
            opened_on,
            due_on,
            title: &title,
            receipt: Some(&receipt),
            actor_label: &actor_label,
        },
        &stored,
        &entry,
    )
    .await?;
    state.jobs_waiting.notify_one();
    // Signed-in people reach their request by their account; others by the key, as in the mail.
    let target = if ctx.user.is_some() {
        format!("/doradztwo/prosby/{id}?ok=flash-advice-sent")
    } else {
        format!("/doradztwo/prosby/{id}?klucz={key}&ok=flash-advice-sent")
    };
    Ok(redirect(&target).into_response())
}

// ---- one request, as both sides see it ----

/// A request as its pages show it.
struct View {
    id: i64,
    number: String,
    topic: String,
    asker: String,
    organisation: String,
    name: String,
    email: String,
    question: String,
    state_label: String,
    opened: String,
    due: String,
    /// Past the due date while it awaits an adviser.
    late: bool,
    overdue: u32,
    /// The day the clock stopped, while it stands.
    paused_since: String,
    paused_days: i32,
    adviser: String,
    answer_html: String,
    answered: String,
    rating: Option<i32>,
    rating_comment: String,
    published: bool,
    messages: Vec<MessageView>,
    files: Vec<FileView>,
}

struct MessageView {
    at: String,
    who: String,
    from_adviser: bool,
    text: String,
    pauses: bool,
}

struct FileView {
    id: i64,
    name: String,
    size: String,
}

async fn view(state: &AppState, lang: Lang, r: &Request) -> AppResult<View> {
    let today = today();
    let messages = db::messages(&state.db, r.id)
        .await?
        .into_iter()
        .map(|m| MessageView {
            at: time::day_time(lang, m.at),
            who: m.author_name,
            from_adviser: m.from_adviser,
            text: m.text,
            pauses: m.pauses,
        })
        .collect();
    let files = db::files(&state.db, r.id)
        .await?
        .into_iter()
        .map(|f| FileView { id: f.id, size: size_label(lang, f.size_bytes), name: f.file_name })
        .collect();
    Ok(View {
        id: r.id,
        number: rules::number(r.id),
        topic: topic_label(lang, r.topic),
        asker: lang.t(&format!("advice-asker-{}", r.asker)),
        organisation: r.organisation.clone().unwrap_or_default(),
        name: r.name.clone().unwrap_or_default(),
        email: r.email.clone(),
        question: r.question.clone(),
        state_label: lang.t(&format!("advice-state-{}", r.state)),
        opened: time::day(lang, r.opened_on),
        due: time::day(lang, r.due_on),
        late: r.state.awaits_city() && r.due_on < today,
        overdue: overdue_days(r.state, r.due_on, today),
        paused_since: r.paused_on.map(|d| time::day(lang, d)).unwrap_or_default(),
        paused_days: r.paused_days,
        adviser: r.adviser_name.clone().unwrap_or_default(),
        answer_html: r.answer.as_deref().map(markdown::to_html).unwrap_or_default(),
        answered: r.answered_on.map(|d| time::day(lang, d)).unwrap_or_default(),
        rating: r.rating,
        rating_comment: r.rating_comment.clone().unwrap_or_default(),
        published: r.published_at.is_some(),
        messages,
        files,
    })
}

/// Whether the visitor is the person who asked: signed in as them, or holding the key their
/// mail links carry. Anyone else is refused; the owner of an account-bound request who is
/// signed out is asked to sign in.
fn requester(ctx: &Ctx, r: &Request, key: &str) -> AppResult<()> {
    let by_account = r.user_id.is_some() && ctx.user.as_ref().map(|u| u.id) == r.user_id;
    // Compared as hashes, so that the comparison takes no longer for a closer guess.
    let by_key = !key.is_empty() && agora_db::hash_token(key) == agora_db::hash_token(&r.access_key);
    match (by_account || by_key, &ctx.user) {
        (true, _) => Ok(()),
        (false, None) if r.user_id.is_some() && key.is_empty() => Err(AppError::SignInRequired(ctx.path.clone())),
        (false, _) => Err(AppError::Forbidden),
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct KeyQuery {
    klucz: String,
    ok: String,
}

/// What was typed into the requester's page's forms, kept when one is refused.
#[derive(Default)]
struct Typed {
    message: MessageForm,
    rating: RatingForm,
}

#[derive(Template)]
#[template(path = "advice/request.html")]
struct RequestTpl<'a> {
    ctx: &'a Ctx,
    v: View,
    /// The key to carry in this page's forms and links, if it was opened with one.
    key: String,
    may_write: bool,
    may_rate: bool,
    message: MessageForm,
    rating: RatingForm,
    errors: FormErrors,
    notice: Option<String>,
}

async fn request_view(
    state: &AppState,
    ctx: &Ctx,
    r: &Request,
    key: &str,
    typed: Typed,
    errors: FormErrors,
    notice: Option<String>,
) -> AppResult<Response> {
    let Typed { message, rating } = typed;
    let tpl = RequestTpl {
        ctx,
        v: view(state, ctx.lang, r).await?,
        key: key.to_owned(),
        may_write: rules::requester_may_write(r.state),
        may_rate: rules::may_rate(r.state, r.rating.is_some()),
        message,
        rating,
        errors,
        notice,
    };
    render_form(&tpl.errors, &tpl)
}

async fn load(state: &AppState, id: i64) -> AppResult<Request> {
    db::get(&state.db, id).await?.ok_or(AppError::NotFound)
}

async fn request_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<KeyQuery>,
) -> AppResult<Response> {
    let r = load(&state, id).await?;
    requester(&ctx, &r, &q.klucz)?;
    let notice = notice(&ctx, &q.ok);
    request_view(&state, &ctx, &r, &q.klucz, Typed::default(), FormErrors::default(), notice).await
}

/// Where the requester's page is, with the key when they came with one.
fn requester_path(id: i64, key: &str, ok: &str) -> String {
    match key {
        "" => format!("/doradztwo/prosby/{id}?ok={ok}"),
        k => format!("/doradztwo/prosby/{id}?klucz={}&ok={ok}", url_encode(k)),
    }
}

async fn requester_message(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(f): Form<MessageForm>,
) -> AppResult<Response> {
    let r = load(&state, id).await?;
    requester(&ctx, &r, &f.klucz)?;
    let key = f.klucz.clone();
    let reshow = async |errors: FormErrors, r: Request, f: MessageForm| {
        request_view(&state, &ctx, &r, &key, Typed { message: f, ..Typed::default() }, errors, None).await
    };
    if !rules::requester_may_write(r.state) {
        let errors = FormErrors::general("advice_message", ctx.t("advice-closed-for-messages"), ctx.lang);
        return reshow(errors, r, f).await;
    }
    let m = match f.parse() {
        Ok(m) => m,
        Err(e) => return reshow(FormErrors::from_invalid(&e, ctx.lang), r, f).await,
    };
    // A reply to a question the adviser asked sets the clock going again, the due date moved
    // by the working days it stood still.
    let clock = match (r.state, r.paused_on) {
        (TrackedState::Paused, Some(since)) => {
            let today = today();
            Clock::Resume {
                due_on: rules::resumed_due(r.due_on, since, today),
                days: i32::try_from(rules::pause_days(since, today)).unwrap_or(i32::MAX),
            }
        }
        _ => Clock::Same,
    };
    let author = r.name.clone().unwrap_or_else(|| Lang::Pl.t("advice-actor-requester"));
    let msg = NewMessage {
        from_adviser: false,
        author_id: ctx.user.as_ref().map(|u| u.id),
        author_name: &author,
        text: &m.text,
    };
    let label = Lang::Pl.t("advice-actor-requester");
    let actor = Actor { id: r.user_id, label: &label };
    let entry = ctx.audit("advice.message", "advice_request", rules::number(id));
    if !db::add_message(&state.db, id, r.state, &msg, clock, None, actor, &entry).await? {
        let now = load(&state, id).await?;
        return reshow(FormErrors::general("advice_message", ctx.t("advice-moved"), ctx.lang), now, f).await;
    }
    Ok(redirect(&requester_path(id, &key, "flash-advice-message-sent")).into_response())
}

async fn rate(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(f): Form<RatingForm>,
) -> AppResult<Response> {
    let r = load(&state, id).await?;
    requester(&ctx, &r, &f.klucz)?;
    let key = f.klucz.clone();
    let errors = if rules::may_rate(r.state, r.rating.is_some()) {
        match f.parse() {
            Ok((rating, comment)) => {
                let entry = ctx.audit("advice.rate", "advice_request", format!("{}: {rating}", rules::number(id)));
                if db::rate(&state.db, id, rating, comment.as_deref(), &entry).await? {
                    return Ok(redirect(&requester_path(id, &key, "flash-advice-rated")).into_response());
                }
                FormErrors::general("advice_rating", ctx.t("advice-rated-before"), ctx.lang)
            }
            Err(e) => FormErrors::from_invalid(&e, ctx.lang),
        }
    } else {
        FormErrors::general("advice_rating", ctx.t("advice-rated-before"), ctx.lang)
    };
    let r = load(&state, id).await?;
    request_view(&state, &ctx, &r, &key, Typed { rating: f, ..Typed::default() }, errors, None).await
}

/// A file of a request, for the person who asked and for advisers.
async fn download(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, file)): Path<(i64, i64)>,
    Query(q): Query<KeyQuery>,
) -> AppResult<Response> {
    let r = load(&state, id).await?;
    if !ctx.can(Action::Advise) {
        requester(&ctx, &r, &q.klucz)?;
    }
    let f = db::file(&state.db, id, file).await?.ok_or(AppError::NotFound)?;
    stored_download(&state, &f.storage_key, &f.file_name, &f.content_type, f.size_bytes).await
}

// ---- a person's own requests ----

struct MineRow {
    id: i64,
    number: String,
    topic: String,
    state: String,
    opened: String,
    due: String,
}

#[derive(Template)]
#[template(path = "advice/mine.html")]
struct MineTpl<'a> {
    ctx: &'a Ctx,
    rows: Vec<MineRow>,
}

async fn mine(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let user = ctx.require_user()?;
    let lang = ctx.lang;
    let rows = db::mine(&state.db, user.id)
        .await?
        .into_iter()
        .map(|m| MineRow {
            id: m.id,
            number: rules::number(m.id),
            topic: topic_label(lang, m.topic),
            state: lang.t(&format!("advice-state-{}", m.state)),
            opened: time::day(lang, m.opened_on),
            due: time::day(lang, m.due_on),
        })
        .collect();
    render(&MineTpl { ctx: &ctx, rows })
}

// ---- the advisers ----

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct QueueQuery {
    widok: String,
    strona: String,
    ok: String,
}

struct QueueLine {
    id: i64,
    number: String,
    topic: String,
    asker: String,
    adviser: String,
    state: String,
    opened: String,
    due: String,
    late: bool,
    overdue: u32,
    answered: String,
    rating: Option<i32>,
    published: bool,
}

#[derive(Template)]
#[template(path = "advice/queue.html")]
struct QueueTpl<'a> {
    ctx: &'a Ctx,
    widok: &'static str,
    lines: Vec<QueueLine>,
    total: i64,
    /// How many wait for an adviser and how many are in hand, in words.
    counts: String,
    overdue: i64,
    page: i64,
    pages: i64,
    pager_base: String,
    /// For administrators: the departments and the one answering for the desk.
    units: Vec<Opt>,
    desk: String,
    notice: Option<String>,
}

async fn queue(State(state): State<AppState>, ctx: Ctx, Query(q): Query<QueueQuery>) -> AppResult<Response> {
    let user = ctx.require(Action::Advise)?;
    let (which, widok) = match q.widok.as_str() {
        "moje" => (Queue::Mine(user.id), "moje"),
        "w-toku" => (Queue::Open, "w-toku"),
        "odpowiedziane" => (Queue::Answered, "odpowiedziane"),
        _ => (Queue::New, "nowe"),
    };
    let page = q.strona.trim().parse::<i64>().unwrap_or(1).clamp(1, 100_000);
    let today = today();
    let lang = ctx.lang;
    let Page { items, total } = db::queue_page(&state.db, which, QUEUE_PAGE, (page - 1) * QUEUE_PAGE).await?;
    let (waiting, in_hand, overdue) = db::queue_counts(&state.db, today).await?;
    let lines = items
        .into_iter()
        .map(|r| QueueLine {
            id: r.id,
            number: rules::number(r.id),
            topic: topic_label(lang, r.topic),
            asker: lang.t(&format!("advice-asker-{}", r.asker)),
            adviser: r.adviser_name.unwrap_or_default(),
            state: lang.t(&format!("advice-state-{}", r.state)),
            opened: time::day(lang, r.opened_on),
            due: time::day(lang, r.due_on),
            late: r.state.awaits_city() && r.due_on < today,
            overdue: overdue_days(r.state, r.due_on, today),
            answered: r.answered_on.map(|d| time::day(lang, d)).unwrap_or_default(),
            rating: r.rating,
            published: r.published,
        })
        .collect();
    let (units, desk) = if ctx.can(Action::ManageReferenceData) {
        let units = agora_db::reference::units(&state.db)
            .await?
            .into_iter()
            .map(|u| Opt { value: u.id.to_string(), label: crate::i18n::localized(lang, u.name_pl, u.name_en) })
            .collect();
        (units, desk_unit(&state).await?.map(|d| d.to_string()).unwrap_or_default())
    } else {
        (Vec::new(), String::new())
    };
    render(&QueueTpl {
        ctx: &ctx,
        widok,
        lines,
        total,
        counts: ctx.lang.t_args("advice-queue-counts", &[("waiting", Arg::Num(waiting)), ("open", Arg::Num(in_hand))]),
        overdue,
        page,
        pages: ((total + QUEUE_PAGE - 1) / QUEUE_PAGE).max(1),
        pager_base: format!("/admin/doradztwo?widok={widok}"),
        units,
        desk,
        notice: notice(&ctx, &q.ok),
    })
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct DeskForm {
    advice_unit: String,
}

/// Administrators choose the department that answers for the desk in the ledger; requests
/// already sent keep theirs.
async fn set_desk(State(state): State<AppState>, ctx: Ctx, Form(f): Form<DeskForm>) -> AppResult<Response> {
    ctx.require(Action::ManageReferenceData)?;
    let units: Vec<i64> = agora_db::reference::units(&state.db).await?.into_iter().map(|u| u.id).collect();
    let Some(unit) = f.advice_unit.trim().parse::<i64>().ok().filter(|u| units.contains(u)) else {
        return Err(AppError::BadRequest);
    };
    let entry = ctx.audit("advice.desk", "unit", unit.to_string());
    agora_db::settings::put(&state.db, DESK_KEY, &unit.to_string(), &entry).await?;
    Ok(redirect("/admin/doradztwo?ok=flash-advice-desk-saved").into_response())
}

#[derive(Template)]
#[template(path = "advice/case.html")]
struct CaseTpl<'a> {
    ctx: &'a Ctx,
    v: View,
    /// Whether the signed-in adviser is the one who took it (others may still help).
    may_take: bool,
    in_hand: bool,
    may_publish: bool,
    message: MessageForm,
    answer: AnswerForm,
    publish: PublishForm,
    errors: FormErrors,
    notice: Option<String>,
}

/// The texts the publication form starts from: those published before, else the originals
/// with the obvious personal data taken out.
fn publish_draft(r: &Request) -> PublishForm {
    let names: Vec<&str> = [r.name.as_deref(), r.organisation.as_deref()].into_iter().flatten().collect();
    PublishForm {
        advice_public_question: r.public_question.clone().unwrap_or_else(|| rules::anonymise(&r.question, &names)),
        advice_public_answer: r
            .public_answer
            .clone()
            .unwrap_or_else(|| r.answer.as_deref().map(|a| rules::anonymise(a, &names)).unwrap_or_default()),
    }
}

/// What was typed into the adviser's page's forms, kept when one is refused; the publication
/// form starts from its draft unless it was sent.
#[derive(Default)]
struct CaseTyped {
    message: MessageForm,
    answer: AnswerForm,
    publish: Option<PublishForm>,
}

/// The adviser's page of request `r`, with what was typed into whichever of its forms.
async fn case_view(
    state: &AppState,
    ctx: &Ctx,
    r: &Request,
    typed: CaseTyped,
    errors: FormErrors,
    notice: Option<String>,
) -> AppResult<Response> {
    let CaseTyped { message, answer, publish } = typed;
    let tpl = CaseTpl {
        ctx,
        v: view(state, ctx.lang, r).await?,
        may_take: rules::may_take(r.state),
        in_hand: rules::in_hand(r.state),
        may_publish: r.state == TrackedState::Answered,
        message,
        answer,
        publish: publish.unwrap_or_else(|| publish_draft(r)),
        errors,
        notice,
    };
    render_form(&tpl.errors, &tpl)
}

async fn case_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<OkQuery>,
) -> AppResult<Response> {
    ctx.require(Action::Advise)?;
    let r = load(&state, id).await?;
    let notice = q.notice(&ctx);
    case_view(&state, &ctx, &r, CaseTyped::default(), FormErrors::default(), notice).await
}

fn case_path(id: i64, ok: &str) -> String {
    format!("/admin/doradztwo/{id}?ok={ok}")
}

async fn take(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> AppResult<Response> {
    let user = ctx.require(Action::Advise)?;
    let r = load(&state, id).await?;
    let entry = ctx.audit("advice.take", "advice_request", rules::number(id));
    let actor = Actor { id: Some(user.id), label: &user.display_name };
    if !rules::may_take(r.state) || !db::take(&state.db, id, actor, &entry).await? {
        let now = load(&state, id).await?;
        let errors = FormErrors::general("advice_message", ctx.t("advice-taken-before"), ctx.lang);
        return case_view(&state, &ctx, &now, CaseTyped::default(), errors, None).await;
    }
    Ok(redirect(&case_path(id, "flash-advice-taken")).into_response())
}

/// The mail to the person who asked, in their language, about request `r`.
fn requester_mail(state: &AppState, r: &Request, subject_key: &str, body_key: &str, text: &str) -> Job {
    let lang = Lang::parse(&r.lang).unwrap_or(Lang::Pl);
    let number = rules::number(r.id);
    Job {
        kind: mail::MAIL_JOB,
        payload: mail::payload(&Mail {
            attachments: Vec::new(),
            unsubscribe: None,
            to: r.email.clone(),
            subject: lang.t_args(subject_key, &[("number", Arg::Str(number.clone()))]),
            body: lang.t_args(
                body_key,
                &[
                    ("number", Arg::Str(number)),
                    ("text", Arg::Str(text.to_owned())),
                    ("link", Arg::Str(requester_link(state, r.id, &r.access_key))),
                ],
            ),
        }),
    }
}

async fn adviser_message(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(f): Form<MessageForm>,
) -> AppResult<Response> {
    let user = ctx.require(Action::Advise)?.clone();
    let r = load(&state, id).await?;
    if !rules::in_hand(r.state) {
        let errors = FormErrors::general("advice_message", ctx.t("advice-take-first"), ctx.lang);
        return case_view(&state, &ctx, &r, CaseTyped { message: f, ..CaseTyped::default() }, errors, None).await;
    }
    let m = match f.parse() {
        Ok(m) => m,
        Err(e) => {
            let errors = FormErrors::from_invalid(&e, ctx.lang);
            return case_view(&state, &ctx, &r, CaseTyped { message: f, ..CaseTyped::default() }, errors, None).await;
        }
    };
    // Asking again while the clock already stands leaves it standing since the first time.
    let clock = if m.pause && r.state == TrackedState::Acknowledged { Clock::Pause(today()) } else { Clock::Same };
    let mail = requester_mail(&state, &r, "advice-mail-message-subject", "advice-mail-message-body", &m.text);
    let msg =
        NewMessage { from_adviser: true, author_id: Some(user.id), author_name: &user.display_name, text: &m.text };
    let entry = ctx.audit("advice.message", "advice_request", rules::number(id));
    let actor = Actor { id: Some(user.id), label: &user.display_name };
    if !db::add_message(&state.db, id, r.state, &msg, clock, Some(&mail), actor, &entry).await? {
        let now = load(&state, id).await?;
        let errors = FormErrors::general("advice_message", ctx.t("advice-moved"), ctx.lang);
        return case_view(&state, &ctx, &now, CaseTyped { message: f, ..CaseTyped::default() }, errors, None).await;
    }
    state.jobs_waiting.notify_one();
    Ok(redirect(&case_path(id, "flash-advice-message-sent")).into_response())
}

async fn answer(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(f): Form<AnswerForm>,
) -> AppResult<Response> {
    let user = ctx.require(Action::Advise)?.clone();
    let r = load(&state, id).await?;
    if !rules::in_hand(r.state) {
        let errors = FormErrors::general("advice_answer", ctx.t("advice-take-first"), ctx.lang);
        return case_view(&state, &ctx, &r, CaseTyped { answer: f, ..CaseTyped::default() }, errors, None).await;
    }
    let text = match f.parse() {
        Ok(t) => t,
        Err(e) => {
            let errors = FormErrors::from_invalid(&e, ctx.lang);
            return case_view(&state, &ctx, &r, CaseTyped { answer: f, ..CaseTyped::default() }, errors, None).await;
        }
    };
    let mail = requester_mail(&state, &r, "advice-mail-answer-subject", "advice-mail-answer-body", &text);
    let entry = ctx.audit("advice.answer", "advice_request", rules::number(id));
    let actor = Actor { id: Some(user.id), label: &user.display_name };
    if !db::answer(&state.db, id, r.state, &text, today(), Some(&mail), actor, &entry).await? {
        let now = load(&state, id).await?;
        let errors = FormErrors::general("advice_answer", ctx.t("advice-moved"), ctx.lang);
        return case_view(&state, &ctx, &now, CaseTyped { answer: f, ..CaseTyped::default() }, errors, None).await;
    }
    state.jobs_waiting.notify_one();
    Ok(redirect(&case_path(id, "flash-advice-answered")).into_response())
}

async fn publish(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(f): Form<PublishForm>,
) -> AppResult<Response> {
    ctx.require(Action::Advise)?;
    let r = load(&state, id).await?;
    let errors = match f.parse() {
        Ok((q, a)) => {
            let entry = ctx.audit("advice.publish", "advice_request", rules::number(id));
            if db::publish(&state.db, id, &q, &a, &entry).await? {
                return Ok(redirect(&case_path(id, "flash-advice-published")).into_response());
            }
            FormErrors::from_invalid(&FieldError::new("advice_public_question", "advice-not-answered").into(), ctx.lang)
        }
        Err(e) => FormErrors::from_invalid(&e, ctx.lang),
    };
    case_view(&state, &ctx, &r, CaseTyped { publish: Some(f), ..CaseTyped::default() }, errors, None).await
}

async fn unpublish(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> AppResult<Response> {
    ctx.require(Action::Advise)?;
    load(&state, id).await?;
    let entry = ctx.audit("advice.unpublish", "advice_request", rules::number(id));
    db::unpublish(&state.db, id, &entry).await?;
    Ok(redirect(&case_path(id, "flash-advice-unpublished")).into_response())
}
