//! Surveys on the public side: answering (one page, pages or one question per screen, with
//! save and resume), results with server-drawn charts, cross-tabs and text answers.

use std::collections::HashMap;

use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::forms::{FormErrors, Pairs};
use crate::i18n::{Arg, Lang};
use crate::render::{MessageTpl, render, render_public, render_status};
use crate::state::AppState;
use crate::time;
use crate::views::survey_form::{
    Screen, answer_pairs, answers_before, items_of, manages, question_of_field, show_screen, survey_by_slug,
};
use crate::views::survey_results::{CrossView, ResultView, may_see_results, percent, result_views};
use agora_db::surveys::{self as dbs, NewResponse, Outcome, ResponseFilter, Survey};
use agora_domain::consultation::Status;
use agora_domain::survey::{
    Access, Answers, Question, QuestionKind, SurveyChannel, answer_field, consultation_takes_answers, parse_answers,
    unknown_questions,
};
use agora_domain::{FieldError, Invalid};
use askama::Template;
use axum::Router;
use axum::extract::{Form, Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::Response;
use axum::routing::get;
use chrono::{DateTime, Utc};
use serde::Deserialize;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        // Answers change no kept page: results pages are read from tallies, never kept.
        .route(
            "/ankiety/{slug}",
            get(answer_page).post(answer_post).layer(axum::middleware::map_response(crate::cache::changes_nothing)),
        )
        .route("/ankiety", get(public_list))
        .route("/ankiety/{slug}/wyniki", get(results_page))
        .route("/ankiety/{slug}/wyniki/pytanie/{qid}", get(text_answers))
}

/// A survey on the public list.
struct ListedSurvey {
    href: String,
    title: String,
    /// Who may answer.
    access: String,
    /// "until 3 March 2027", or when it closed; empty when it has no end.
    when: String,
    results: Option<String>,
}

#[derive(Template)]
#[template(path = "surveys/list.html")]
struct ListTpl<'a> {
    ctx: &'a Ctx,
    open: Vec<ListedSurvey>,
    closed: Vec<ListedSurvey>,
}

/// `/ankiety`: the surveys not tied to a consultation, open ones first, each with its results
/// where they are public (a consultation's surveys are on its own page).
async fn public_list(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let now = Utc::now();
    let (mut open, mut closed) = (Vec::new(), Vec::new());
    for s in agora_db::surveys::standalone(&state.db).await? {
        if !ctx.may_see(s.as_item()) {
            continue;
        }
        let is_open = s.is_open(now);
        let day = s.closes_at.map(|t| crate::time::day(ctx.lang, crate::time::local_date(t)));
        let listed = ListedSurvey {
            href: format!("/ankiety/{}", s.slug),
            title: s.title(ctx.lang.code()).to_owned(),
            access: ctx.t(&format!("survey-access-{}", s.access.as_str())),
            when: match (&day, is_open) {
                (Some(d), true) => ctx.t1("surveys-open-until", "date", d.as_str()),
                (Some(d), false) if s.closes_at.is_some_and(|t| t <= now) => {
                    ctx.t1("surveys-closed-on", "date", d.as_str())
                }
                _ => String::new(),
            },
            results: ctx.may_see(s.results_item(now)).then(|| format!("/ankiety/{}/wyniki", s.slug)),
        };
        if is_open { open.push(listed) } else { closed.push(listed) }
    }
    render_public(&ListTpl { ctx: &ctx, open, closed }, None)
}

/// The cookie that marks a browser that has answered an open survey.
fn answered_cookie(id: i64) -> String {
    format!("agora_ankieta_{id}")
}

/// What a survey's consultation decides about answering it.
#[derive(Clone)]
struct Gate {
    status: Status,
    opens_at: DateTime<Utc>,
    title: String,
    slug: String,
}

/// The gate of the consultation `s` belongs to, if it belongs to one.
async fn consultation_gate(state: &AppState, s: &Survey) -> AppResult<Option<Gate>> {
    let Some(cid) = s.consultation_id else { return Ok(None) };
    Ok(agora_db::consultation::by_id(&state.db, cid).await?.map(|c| Gate {
        status: c.status,
        opens_at: c.opens_at,
        title: c.title,
        slug: c.slug,
    }))
}

/// A survey, its questions and its consultation's gate, kept in memory until a change to
/// anything but answers: a busy survey's responses would otherwise read and parse every
/// question each time.
async fn survey_and_questions(
    state: &AppState,
    ctx: &Ctx,
    slug: &str,
) -> AppResult<(Survey, Vec<agora_domain::survey::Question>, Option<Gate>)> {
    type Kept = (Survey, Vec<agora_domain::survey::Question>, Option<Gate>);
    let key = format!("survey/{slug}");
    if let Some((s, q, g)) = state.pages.memo::<Kept>(&key)
        && ctx.may_see(s.as_item())
    {
        return Ok((s, q, g));
    }
    let since = state.pages.now();
    let s = survey_by_slug(state, ctx, slug).await?;
    let questions = dbs::questions(&state.db, s.id).await?;
    let gate = consultation_gate(state, &s).await?;
    state.pages.keep_memo(&key, (s.clone(), questions.clone(), gate.clone()), since);
    Ok((s, questions, gate))
}

// ---- answering ----

fn message(
    ctx: &Ctx,
    status: StatusCode,
    title: &str,
    text: String,
    link: Option<(String, String)>,
) -> AppResult<Response> {
    render_status(status, &MessageTpl { ctx, title: ctx.t(title), message: text, link, back: None })
}

/// Why the visitor can't answer now, as a page; `None` when they can.
async fn refusal(
    state: &AppState,
    ctx: &Ctx,
    s: &Survey,
    gate: Option<&Gate>,
    headers: &HeaderMap,
) -> AppResult<Option<Response>> {
    let now = Utc::now();
    let results = (format!("/ankiety/{}/wyniki", s.slug), ctx.t("survey-see-results"));
    let results_link = (s.visibility.public(s.is_closed(now)) || manages(ctx, s)).then_some(results);
    if !s.is_open(now) {
        return Ok(Some(message(
            ctx,
            StatusCode::FORBIDDEN,
            "survey-closed-title",
            ctx.t("survey-closed"),
            results_link,
        )?));
    }
    if let Some(g) = gate
        && !consultation_takes_answers(g.status, g.opens_at, now)
    {
        let text = if g.status == Status::Cancelled {
            ctx.lang.t_args("survey-consultation-cancelled", &[("title", Arg::Str(g.title.clone()))])
        } else {
            ctx.lang.t_args(
                "survey-consultation-not-open",
                &[("title", Arg::Str(g.title.clone())), ("opens", Arg::Str(time::day_time(ctx.lang, g.opens_at)))],
            )
        };
        return Ok(Some(message(ctx, StatusCode::FORBIDDEN, "survey-not-open-title", text, None)?));
    }
    match s.access {
        Access::SignedIn => match &ctx.user {
            None => return Err(AppError::SignInRequired(format!("/ankiety/{}", s.slug))),
            Some(u) => {
                if dbs::response_of_user(&state.db, s.id, u.id).await?.is_some() {
                    return Ok(Some(message(
                        ctx,
                        StatusCode::OK,
                        "survey-thanks-title",
                        ctx.t("survey-already-answered"),
                        results_link,
                    )?));
                }
            }
        },
        Access::Anyone
            if axum_extra::extract::cookie::CookieJar::from_headers(headers).get(&answered_cookie(s.id)).is_some() =>
        {
            return Ok(Some(message(
                ctx,
                StatusCode::OK,
                "survey-thanks-title",
                ctx.t("survey-already-answered"),
                results_link,
            )?));
        }
        _ => {}
    }
    Ok(None)
}

async fn answer_page(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let s = survey_by_slug(&state, &ctx, &slug).await?;
    let gate = consultation_gate(&state, &s).await?;
    if let Some(r) = refusal(&state, &ctx, &s, gate.as_ref(), &headers).await? {
        return Ok(r);
    }
    let questions = dbs::questions(&state.db, s.id).await?;
    let (pairs, screen, notice) = match &ctx.user {
        Some(u) => match dbs::draft(&state.db, s.id, u.id).await? {
            Some((pairs, screen)) => (pairs, usize::try_from(screen).unwrap_or(0), Some(ctx.t("survey-resumed"))),
            None => (Vec::new(), 0, None),
        },
        None => (Vec::new(), 0, None),
    };
    let sc = Screen {
        survey: &s,
        questions: &questions,
        pairs,
        screen,
        form_key: agora_db::new_token().0,
        code: String::new(),
        changed: Vec::new(),
        notice,
        errors: FormErrors::default(),
        preview: false,
    };
    show_screen(&state, &ctx, sc).await
}

/// Compares the revisions the form was drawn with to the survey now: keeps answers to
/// unchanged questions, and names what changed.
fn reconcile(
    lang: Lang,
    questions: &[Question],
    rev: &str,
    pairs: Vec<(String, String)>,
) -> (Vec<(String, String)>, Vec<String>) {
    let l = lang.code();
    let seen: HashMap<i64, i32> = rev
        .split(',')
        .filter_map(|p| p.split_once(':'))
        .filter_map(|(a, b)| Some((a.parse().ok()?, b.parse().ok()?)))
        .collect();
    let mut changed = Vec::new();
    for q in questions {
        match seen.get(&q.id) {
            None => {
                changed.push(lang.t_args("survey-changed-new", &[("question", Arg::Str(q.text.get(l).to_owned()))]))
            }
            Some(r) if *r != q.revision => {
                changed.push(lang.t_args("survey-changed-edited", &[("question", Arg::Str(q.text.get(l).to_owned()))]))
            }
            _ => {}
        }
    }
    let removed = seen.keys().filter(|id| !questions.iter().any(|q| q.id == **id)).count();
    if removed > 0 {
        changed.push(lang.t_args("survey-changed-removed", &[("n", Arg::Num(removed as i64))]));
    }
    let keep: std::collections::HashSet<i64> =
        questions.iter().filter(|q| seen.get(&q.id) == Some(&q.revision)).map(|q| q.id).collect();
    let pairs = pairs.into_iter().filter(|(k, _)| question_of_field(k).is_some_and(|id| keep.contains(&id))).collect();
    (pairs, changed)
}

/// What a survey form carries besides the answers (which are read by question).
#[derive(Deserialize, Default)]
#[serde(default)]
struct ScreenForm {
    /// The screen sent.
    s: String,
    /// The one-time code, on surveys that need one.
    kod: String,
    /// The survey's version the form was drawn from.
    v: String,
    /// The questions' revisions the form was drawn from.
    rev: String,
    /// "back", "next" or nothing (send).
    nav: String,
}

async fn answer_post(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    Path(slug): Path<String>,
    Form(p): Form<Pairs>,
) -> AppResult<Response> {
    let received = Utc::now();
    let (s, questions, gate) = survey_and_questions(&state, &ctx, &slug).await?;
    if let Some(r) = refusal(&state, &ctx, &s, gate.as_ref(), &headers).await? {
        return Ok(r);
    }
    let layout = s.layout;
    let screens = layout.screens(&questions);
    let last = screens.len().saturating_sub(1);
    let f: ScreenForm = p.decode()?;
    let screen = f.s.parse::<usize>().unwrap_or(0).min(last);
    let form_key = p.form_key();
    let code = f.kod.trim().to_uppercase();
    let mut pairs = answer_pairs(&p);
    let sc = |pairs: Vec<(String, String)>,
              screen: usize,
              errors: FormErrors,
              changed: Vec<String>,
              notice: Option<String>| Screen {
        survey: &s,
        questions: &questions,
        pairs,
        screen,
        form_key: form_key.clone(),
        code: code.clone(),
        changed,
        notice,
        errors,
        preview: false,
    };
    if f.v.parse::<i32>().ok() != Some(s.version) {
        let (kept, changed) = reconcile(ctx.lang, &questions, &f.rev, pairs);
        if !changed.is_empty() {
            return show_screen(&state, &ctx, sc(kept, 0, FormErrors::default(), changed, None)).await;
        }
        pairs = kept;
    }
    let unknown = unknown_questions(&questions, &pairs);
    if !unknown.is_empty() {
        pairs.retain(|(k, _)| question_of_field(k).is_none_or(|id| !unknown.contains(&id)));
        let e = FormErrors::general("survey", ctx.t("error-survey-unknown-question"), ctx.lang);
        return show_screen(&state, &ctx, sc(pairs, screen, e, Vec::new(), None)).await;
    }
    let nav = f.nav.as_str();
    let code_error =
        |ctx: &Ctx| FormErrors::from_invalid(&Invalid(vec![FieldError::new("kod", "survey-code-invalid")]), ctx.lang);
    if s.access == Access::Codes && nav != "back" && !dbs::code_usable(&state.db, s.id, &code).await? {
        return show_screen(&state, &ctx, sc(pairs, screen, code_error(&ctx), Vec::new(), None)).await;
    }
    match nav {
        "back" => {
            return show_screen(
                &state,
                &ctx,
                sc(pairs, screen.saturating_sub(1), FormErrors::default(), Vec::new(), None),
            )
            .await;
        }
        "save" => {
            if let Some(u) = &ctx.user {
                dbs::save_draft(&state.db, s.id, u.id, &pairs, i32::try_from(screen).unwrap_or(0)).await?;
                return show_screen(
                    &state,
                    &ctx,
                    sc(pairs, screen, FormErrors::default(), Vec::new(), Some(ctx.t("survey-saved"))),
                )
                .await;
            }
        }
        _ => {}
    }
    let before = answers_before(&screens, screen, &pairs);
    let here: Vec<&Question> = screens.get(screen).cloned().unwrap_or_default();
    if let Err((_, inv)) = parse_answers(&here, &pairs, &before) {
        return show_screen(&state, &ctx, sc(pairs, screen, answer_errors(&inv, &here, &ctx), Vec::new(), None)).await;
    }
    if screen < last && nav != "submit" {
        if let Some(u) = &ctx.user {
            dbs::save_draft(&state.db, s.id, u.id, &pairs, i32::try_from(screen + 1).unwrap_or(0)).await?;
        }
        return show_screen(&state, &ctx, sc(pairs, screen + 1, FormErrors::default(), Vec::new(), None)).await;
    }
    let all: Vec<&Question> = questions.iter().collect();
    let answers = match parse_answers(&all, &pairs, &Answers::new()) {
        Ok(a) => a,
        Err((_, inv)) => {
            // A problem on an earlier screen: go back to the first screen that has one.
            let bad = screens
                .iter()
                .position(|qs| qs.iter().any(|q| inv.0.iter().any(|e| e.field == answer_field(q.id))))
                .unwrap_or(screen);
            return show_screen(&state, &ctx, sc(pairs, bad, answer_errors(&inv, &all, &ctx), Vec::new(), None)).await;
        }
    };
    let response = NewResponse {
        survey_id: s.id,
        channel: SurveyChannel::Online,
        form_key: form_key.clone(),
        user_id: ctx.user.as_ref().map(|u| u.id),
        code: (s.access == Access::Codes).then(|| code.clone()),
        interviewer: None,
        place: None,
        collected_at: received,
        day: time::local_date(received),
        entered_by: None,
        version: s.version,
        items: items_of(&questions, &answers),
    };
    match state.survey_writer.submit(response).await? {
        Outcome::Stored(_) | Outcome::Duplicate => {}
        Outcome::AlreadyAnswered => {
            return message(&ctx, StatusCode::OK, "survey-thanks-title", ctx.t("survey-already-answered"), None);
        }
        Outcome::CodeRejected => {
            return show_screen(&state, &ctx, sc(pairs, 0, code_error(&ctx), Vec::new(), None)).await;
        }
    }
    if let Some(u) = &ctx.user {
        dbs::delete_draft(&state.db, s.id, u.id).await?;
    }
    let visible = s.visibility.public(s.is_closed(received));
    let link = visible.then(|| (format!("/ankiety/{}/wyniki", s.slug), ctx.t("survey-see-results")));
    // The respondent came from the consultation (or the home page) and is shown the way back.
    let back = match &gate {
        Some(g) => {
            (format!("/konsultacje/{}", g.slug), ctx.t1("survey-back-to-consultation", "title", g.title.clone()))
        }
        None => ("/".to_owned(), ctx.t("survey-back-home")),
    };
    let thanks = MessageTpl {
        ctx: &ctx,
        title: ctx.t("survey-thanks-title"),
        message: ctx.t("survey-thanks"),
        link,
        back: Some(back),
    };
    let mut r = render_status(StatusCode::OK, &thanks)?;
    if s.access == Access::Anyone {
        let cookie = format!(
            "{}=1; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax{}",
            answered_cookie(s.id),
            if state.config.secure_cookies { "; Secure" } else { "" }
        );
        if let Ok(v) = cookie.parse() {
            r.headers_mut().append(header::SET_COOKIE, v);
        }
    }
    Ok(r)
}

// ---- results ----

#[derive(Deserialize, Default)]
#[serde(default)]
struct ResultsQuery {
    kanal: String,
    od: String,
    #[serde(rename = "do")]
    do_: String,
    pytanie: String,
    profil: String,
}

/// The filter from the query, and the query string that repeats it.
fn filter_of(channel: &str, from: &str, to: &str) -> (ResponseFilter, String) {
    use chrono::TimeZone;
    use chrono_tz::Europe::Warsaw;
    let channel = SurveyChannel::parse(channel.trim());
    let from = time::parse_date(from);
    let to = time::parse_date(to);
    let start = |d: chrono::NaiveDate| {
        Warsaw
            .from_local_datetime(&d.and_hms_opt(0, 0, 0).unwrap_or_default())
            .earliest()
            .map(|t| t.with_timezone(&Utc))
    };
    let f = ResponseFilter {
        from_at: from.and_then(start),
        to_at: to.and_then(|d| d.succ_opt()).and_then(start),
        channel,
        from,
        to,
    };
    let mut q = Vec::new();
    if let Some(c) = &f.channel {
        q.push(format!("kanal={c}"));
    }
    if let Some(d) = f.from {
        q.push(format!("od={d}"));
    }
    if let Some(d) = f.to {
        q.push(format!("do={d}"));
    }
    (f, q.join("&"))
}

#[derive(Template)]
#[template(path = "surveys/results.html")]
struct ResultsTpl<'a> {
    ctx: &'a Ctx,
    s: &'a Survey,
    title: String,
    responses: String,
    by_channel: Vec<(String, i64)>,
    results: Vec<ResultView>,
    channel: String,
    from: String,
    to: String,
    channels: Vec<(String, String)>,
    questions: Vec<(String, String)>,
    profiles: Vec<(String, String)>,
    picked_q: String,
    picked_p: String,
    cross: Option<CrossView>,
    staff: bool,
}

async fn results_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Query(q): Query<ResultsQuery>,
) -> AppResult<Response> {
    let s = survey_by_slug(&state, &ctx, &slug).await?;
    if !may_see_results(&ctx, &s) {
        return message(
            &ctx,
            StatusCode::FORBIDDEN,
            "survey-results-hidden-title",
            ctx.t("survey-results-hidden"),
            None,
        );
    }
    let lang = ctx.lang;
    let l = lang.code();
    let questions = dbs::questions(&state.db, s.id).await?;
    let (f, _) = filter_of(&q.kanal, &q.od, &q.do_);
    let (responses, results) = result_views(&state, lang, &s, &questions, &f, true).await?;
    let by_channel = dbs::channel_counts(&state.db, s.id)
        .await?
        .into_iter()
        .map(|(c, n)| (lang.t(&format!("survey-channel-{c}")), n))
        .collect();
    let counted: Vec<&Question> = questions
        .iter()
        .filter(|q| {
            q.kind.has_options() && q.kind != QuestionKind::Likert
                || q.kind == QuestionKind::YesNo
                || q.kind == QuestionKind::Rating
        })
        .collect();
    let profiles: Vec<&Question> = questions.iter().filter(|q| q.profile).collect();
    let picked_q = q.pytanie.trim().parse::<i64>().ok().and_then(|id| counted.iter().find(|x| x.id == id).copied());
    let picked_p = q.profil.trim().parse::<i64>().ok().and_then(|id| profiles.iter().find(|x| x.id == id).copied());
    let cross = match (picked_q, picked_p) {
        (Some(a), Some(b)) if a.id != b.id => {
            let cells = dbs::crosstab(&state.db, a.id, b.id, &f).await?;
            let label = |q: &Question, item: &str| {
                if q.kind == QuestionKind::YesNo { lang.t(item) } else { q.item_label(item, l) }
            };
            let mut columns: Vec<String> = b.spec.options.iter().map(|o| o.code.clone()).collect();
            if b.kind == QuestionKind::YesNo {
                columns = vec!["yes".into(), "no".into()];
            }
            let mut rows_keys: Vec<String> = if a.kind == QuestionKind::YesNo {
                vec!["yes".into(), "no".into()]
            } else if a.kind == QuestionKind::Rating {
                a.scale().map(|v| v.to_string()).collect()
            } else {
                a.spec.options.iter().map(|o| o.code.clone()).collect()
            };
            if a.kind == QuestionKind::ChoiceOther {
                rows_keys.push(agora_domain::survey::OTHER.into());
            }
            let col_totals: Vec<i64> =
                columns.iter().map(|c| cells.iter().filter(|x| &x.1 == c).map(|x| x.2).sum()).collect();
            Some(CrossView {
                caption: lang.t_args(
                    "survey-crosstab-caption",
                    &[
                        ("question", Arg::Str(a.text.get(l).to_owned())),
                        ("profile", Arg::Str(b.text.get(l).to_owned())),
                    ],
                ),
                columns: columns.iter().map(|c| label(b, c)).collect(),
                rows: rows_keys
                    .iter()
                    .map(|r| {
                        let row_label =
                            if r == agora_domain::survey::OTHER { lang.t("survey-other") } else { label(a, r) };
                        let cells = columns
                            .iter()
                            .zip(&col_totals)
                            .map(|(c, total)| {
                                let n = cells.iter().find(|x| &x.0 == r && &x.1 == c).map_or(0, |x| x.2);
                                format!(
                                    "{n} ({})",
                                    percent(lang, if *total > 0 { n as f64 * 100.0 / *total as f64 } else { 0.0 })
                                )
                            })
                            .collect();
                        (row_label, cells)
                    })
                    .collect(),
            })
        }
        _ => None,
    };
    let tpl = ResultsTpl {
        ctx: &ctx,
        title: s.title(l).to_owned(),
        responses: lang.t_args("survey-responses", &[("n", Arg::Num(responses))]),
        by_channel,
        results,
        channel: f.channel.map(SurveyChannel::as_str).unwrap_or_default().to_owned(),
        from: f.from.map(|d| d.to_string()).unwrap_or_default(),
        to: f.to.map(|d| d.to_string()).unwrap_or_default(),
        channels: SurveyChannel::ALL
            .iter()
            .map(|c| (c.as_str().to_owned(), lang.t(&format!("survey-channel-{}", c.as_str()))))
            .collect(),
        questions: counted.iter().map(|q| (q.id.to_string(), q.text.get(l).to_owned())).collect(),
        profiles: profiles.iter().map(|q| (q.id.to_string(), q.text.get(l).to_owned())).collect(),
        picked_q: picked_q.map(|q| q.id.to_string()).unwrap_or_default(),
        picked_p: picked_p.map(|q| q.id.to_string()).unwrap_or_default(),
        cross,
        staff: manages(&ctx, &s),
        s: &s,
    };
    render(&tpl)
}

#[derive(Template)]
#[template(path = "surveys/texts.html")]
struct TextsTpl<'a> {
    ctx: &'a Ctx,
    s: &'a Survey,
    title: String,
    question: String,
    answers: Vec<String>,
    total: String,
    search: String,
    page: i64,
    pages: i64,
    pager_base: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct TextsQuery {
    szukaj: String,
    strona: String,
    kanal: String,
    od: String,
    #[serde(rename = "do")]
    do_: String,
}

const TEXTS_PER_PAGE: i64 = 50;

async fn text_answers(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, qid)): Path<(String, i64)>,
    Query(q): Query<TextsQuery>,
) -> AppResult<Response> {
    let s = survey_by_slug(&state, &ctx, &slug).await?;
    if !may_see_results(&ctx, &s) {
        return message(
            &ctx,
            StatusCode::FORBIDDEN,
            "survey-results-hidden-title",
            ctx.t("survey-results-hidden"),
            None,
        );
    }
    let questions = dbs::questions(&state.db, s.id).await?;
    let question = questions
        .iter()
        .find(|x| x.id == qid && (x.kind.is_text() || x.kind == QuestionKind::ChoiceOther))
        .ok_or(AppError::NotFound)?;
    let (f, filter_query) = filter_of(&q.kanal, &q.od, &q.do_);
    let search: String = q.szukaj.trim().chars().take(200).collect();
    let page = q.strona.trim().parse::<i64>().unwrap_or(1).clamp(1, 100_000);
    let (rows, total) =
        dbs::texts(&state.db, qid, &search, &f, (page - 1) * TEXTS_PER_PAGE, TEXTS_PER_PAGE, true).await?;
    let mut base = format!("/ankiety/{}/wyniki/pytanie/{qid}?", s.slug);
    if !search.is_empty() {
        base.push_str(&format!("szukaj={}&", crate::urls::url_encode(&search)));
    }
    if !filter_query.is_empty() {
        base.push_str(&format!("{filter_query}&"));
    }
    let l = ctx.lang.code();
    let tpl = TextsTpl {
        ctx: &ctx,
        title: s.title(l).to_owned(),
        question: question.text.get(l).to_owned(),
        answers: rows.into_iter().map(|(_, t)| t).collect(),
        total: ctx.lang.t_args("survey-text-count", &[("n", Arg::Num(total))]),
        search,
        pages: ((total + TEXTS_PER_PAGE - 1) / TEXTS_PER_PAGE).max(1),
        page,
        pager_base: base,
        s: &s,
    };
    render(&tpl)
}

/// The problems with a respondent's answers, each named by its question's text.
fn answer_errors(inv: &Invalid, questions: &[&Question], ctx: &Ctx) -> FormErrors {
    let lang = ctx.lang.code();
    questions.iter().fold(FormErrors::from_invalid(inv, ctx.lang), |errors, q| {
        errors.labelled(answer_field(q.id), q.text.get(lang).to_owned())
    })
}
