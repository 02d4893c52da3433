//! Surveys on the public side: answering (one page, pages or one question per screen, with
//! save and resume), results with server-drawn charts, cross-tabs and text answers.

use std::collections::HashMap;

use crate::AppState;
use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::forms::{FormErrors, Pairs};
use crate::i18n::{Arg, Lang};
use crate::pages::{MessageTpl, render, render_status};
use crate::time;
use agora_db::surveys::{self as dbs, NewResponse, Outcome, ResponseFilter, Survey};
use agora_domain::permission::Action;
use agora_domain::survey::{
    Access, Answers, Layout, Question, QuestionKind, SurveyChannel, Visibility, answer_field, is_shown, parse_answers,
    summarize, unknown_questions,
};
use agora_domain::{FieldError, Invalid};
use askama::Template;
use axum::Router;
use axum::extract::{Form, Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::Response;
use axum::routing::get;
use chrono::Utc;
use serde::Deserialize;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        // Answers change no kept page: results pages are read from tallies, never kept.
        .route(
            "/ankiety/{slug}",
            get(answer_page).post(answer_post).layer(axum::middleware::map_response(crate::cache::changes_nothing)),
        )
        .route("/ankiety/{slug}/wyniki", get(results_page))
        .route("/ankiety/{slug}/wyniki/pytanie/{qid}", get(text_answers))
}

/// The cookie that marks a browser that has answered an open survey.
fn answered_cookie(id: i64) -> String {
    format!("agora_ankieta_{id}")
}

/// Whether the visitor may manage the survey.
pub(super) fn manages(ctx: &Ctx, s: &Survey) -> bool {
    ctx.can(Action::ManageUnit(s.unit_id))
}

pub(super) async fn survey_by_slug(state: &AppState, ctx: &Ctx, slug: &str) -> AppResult<Survey> {
    let s = dbs::by_slug(&state.db, slug).await?.ok_or(AppError::NotFound)?;
    if may_see(ctx, &s) { Ok(s) } else { Err(AppError::NotFound) }
}

/// Whether the visitor may see `s`: all but drafts, which only its managers see.
fn may_see(ctx: &Ctx, s: &Survey) -> bool {
    s.status != "draft" || manages(ctx, s)
}

/// A survey and its questions, kept in memory until a change to anything but answers: a busy
/// survey's responses would otherwise read and parse every question each time.
async fn survey_and_questions(
    state: &AppState,
    ctx: &Ctx,
    slug: &str,
) -> AppResult<(Survey, Vec<agora_domain::survey::Question>)> {
    let key = format!("survey/{slug}");
    if let Some((s, q)) = state.pages.memo::<(Survey, Vec<agora_domain::survey::Question>)>(&key)
        && may_see(ctx, &s)
    {
        return Ok((s, q));
    }
    let since = state.pages.now();
    let s = survey_by_slug(state, ctx, slug).await?;
    let questions = dbs::questions(&state.db, s.id).await?;
    state.pages.keep_memo(&key, (s.clone(), questions.clone()), since);
    Ok((s, questions))
}

// ---- the form, as the templates draw it ----

/// One option of a choice, a scale point or a matrix cell.
pub struct OptView {
    /// Submitted value.
    pub value: String,
    /// Label.
    pub label: String,
    /// Ticked.
    pub checked: bool,
    /// Element id.
    pub id: String,
}

/// A row of a Likert matrix.
pub struct RowView {
    /// Label.
    pub label: String,
    /// Field name.
    pub field: String,
    /// Scale points.
    pub options: Vec<OptView>,
}

/// An option to rank, with the rank chosen.
pub struct RankView {
    /// Label.
    pub label: String,
    /// Field name.
    pub field: String,
    /// Element id.
    pub id: String,
    /// Rank chosen (0 = none).
    pub selected: usize,
}

/// A question as the form shows it.
pub struct QView {
    /// Field name (and id of the first control).
    pub field: String,
    /// Kind name.
    pub kind: &'static str,
    /// Number shown.
    pub number: usize,
    /// Question text.
    pub text: String,
    /// Help.
    pub help: String,
    /// "(required)" or empty.
    pub required: String,
    /// "Answer only if …", when the condition can't be checked on this screen.
    pub hint: String,
    /// The error message.
    pub error: Option<String>,
    /// Ids the question's controls are described by.
    pub describedby: String,
    /// Options or scale points.
    pub options: Vec<OptView>,
    /// Matrix rows.
    pub rows: Vec<RowView>,
    /// Ranking.
    pub ranks: Vec<RankView>,
    /// Rank numbers 1..n.
    pub rank_choices: Vec<usize>,
    /// Typed value.
    pub value: String,
    /// Text typed with "other".
    pub other_text: String,
    /// Low end label of a scale.
    pub low: String,
    /// High end label.
    pub high: String,
    /// Label of "other".
    pub other_label: String,
    /// Placeholder of the drop-down.
    pub choose_label: String,
    /// How to type a date.
    pub date_hint: String,
}

fn vals<'a>(pairs: &'a [(String, String)], name: &str) -> Vec<&'a str> {
    pairs.iter().filter(|(k, _)| k == name).map(|(_, v)| v.as_str()).collect()
}

/// Builds the views of `questions` with the values in `pairs`.
pub(super) fn views(
    lang: Lang,
    questions: &[&Question],
    all: &[Question],
    pairs: &[(String, String)],
    errors: &FormErrors,
    hint_conditions: bool,
) -> Vec<QView> {
    let l = lang.code();
    let numbers: HashMap<i64, usize> =
        all.iter().filter(|q| q.kind != QuestionKind::Info).enumerate().map(|(i, q)| (q.id, i + 1)).collect();
    questions
        .iter()
        .map(|q| {
            let field = format!("q{}", q.id);
            let given = vals(pairs, &field);
            let first = given.first().copied().unwrap_or("");
            let opt = |i: usize, value: String, label: String, checked: bool| OptView {
                id: if i == 0 { field.clone() } else { format!("{field}-{i}") },
                value,
                label,
                checked,
            };
            let options: Vec<OptView> = match q.kind {
                QuestionKind::YesNo => vec![
                    opt(0, "yes".into(), lang.t("yes"), first == "yes"),
                    opt(1, "no".into(), lang.t("no"), first == "no"),
                ],
                QuestionKind::Rating => q
                    .scale()
                    .enumerate()
                    .map(|(i, v)| opt(i, v.to_string(), v.to_string(), first == v.to_string()))
                    .collect(),
                QuestionKind::Likert => Vec::new(),
                _ => q
                    .spec
                    .options
                    .iter()
                    .enumerate()
                    .map(|(i, c)| opt(i, c.code.clone(), c.label.get(l).to_owned(), given.contains(&c.code.as_str())))
                    .collect(),
            };
            let rows = if q.kind == QuestionKind::Likert {
                q.spec
                    .rows
                    .iter()
                    .enumerate()
                    .map(|(r, row)| {
                        let rf = format!("{field}_{}", row.code);
                        let chosen = vals(pairs, &rf).first().copied().unwrap_or("").to_owned();
                        RowView {
                            label: row.label.get(l).to_owned(),
                            options: q
                                .spec
                                .options
                                .iter()
                                .enumerate()
                                .map(|(i, c)| OptView {
                                    id: if r == 0 && i == 0 { field.clone() } else { format!("{field}-{r}-{i}") },
                                    value: c.code.clone(),
                                    label: c.label.get(l).to_owned(),
                                    checked: chosen == c.code,
                                })
                                .collect(),
                            field: rf,
                        }
                    })
                    .collect()
            } else {
                Vec::new()
            };
            let ranks = if q.kind == QuestionKind::Ranking {
                q.spec
                    .options
                    .iter()
                    .enumerate()
                    .map(|(i, c)| {
                        let rf = format!("{field}_{}", c.code);
                        RankView {
                            id: if i == 0 { field.clone() } else { format!("{field}-{}", c.code) },
                            selected: vals(pairs, &rf).first().and_then(|v| v.parse().ok()).unwrap_or(0),
                            label: c.label.get(l).to_owned(),
                            field: rf,
                        }
                    })
                    .collect()
            } else {
                Vec::new()
            };
            let hint = match (&q.show_if, hint_conditions) {
                (Some(c), true) => all
                    .iter()
                    .find(|p| p.id == c.question)
                    .map(|p| {
                        let answer = if p.kind == QuestionKind::YesNo {
                            lang.t(&c.value)
                        } else if c.value == agora_domain::survey::OTHER {
                            lang.t("survey-other")
                        } else {
                            p.item_label(&c.value, l)
                        };
                        lang.t_args(
                            "survey-condition-hint",
                            &[("question", Arg::Str(p.text.get(l).to_owned())), ("answer", Arg::Str(answer))],
                        )
                    })
                    .unwrap_or_default(),
                _ => String::new(),
            };
            let error = errors.get(&field).map(str::to_owned);
            let mut describedby = Vec::new();
            if !q.help.get(l).is_empty() {
                describedby.push(format!("{field}-help"));
            }
            if !hint.is_empty() {
                describedby.push(format!("{field}-cond"));
            }
            if q.kind == QuestionKind::Date {
                describedby.push(format!("{field}-format"));
            }
            if error.is_some() {
                describedby.push(format!("{field}-error"));
            }
            QView {
                kind: q.kind.as_str(),
                number: numbers.get(&q.id).copied().unwrap_or(0),
                text: q.text.get(l).to_owned(),
                help: q.help.get(l).to_owned(),
                required: if q.required { lang.t("survey-required") } else { String::new() },
                hint,
                error,
                describedby: describedby.join(" "),
                options,
                rows,
                rank_choices: (1..=ranks.len()).collect(),
                ranks,
                value: if matches!(
                    q.kind,
                    QuestionKind::ShortText | QuestionKind::LongText | QuestionKind::Number | QuestionKind::Date
                ) {
                    first.to_owned()
                } else {
                    String::new()
                },
                other_text: vals(pairs, &format!("{field}_other")).first().copied().unwrap_or("").to_owned(),
                low: q.spec.low.get(l).to_owned(),
                high: q.spec.high.get(l).to_owned(),
                other_label: lang.t("survey-other"),
                choose_label: lang.t("survey-choose"),
                date_hint: lang.t("survey-date-hint"),
                field,
            }
        })
        .collect()
}

/// Only the answer fields of a form (`q…`), as they were typed.
pub(super) fn answer_pairs(p: &Pairs) -> Vec<(String, String)> {
    p.0.iter()
        .filter(|(k, v)| k.starts_with('q') && k[1..].starts_with(|c: char| c.is_ascii_digit()) && !v.trim().is_empty())
        .cloned()
        .collect()
}

fn question_of_field(field: &str) -> Option<i64> {
    field.strip_prefix('q')?.split(['_', '-']).next()?.parse().ok()
}

// ---- answering ----

#[derive(Template)]
#[template(path = "surveys/answer.html")]
struct AnswerTpl<'a> {
    ctx: &'a Ctx,
    s: &'a Survey,
    title: String,
    intro: String,
    consultation: Option<(String, String)>,
    action: String,
    questions: Vec<QView>,
    carried: Vec<(String, String)>,
    screen: usize,
    screens: usize,
    progress: String,
    form_key: String,
    rev: String,
    ask_code: bool,
    code: String,
    can_save: bool,
    changed: Vec<String>,
    notice: Option<String>,
    errors: FormErrors,
    preview: bool,
}

/// Everything needed to draw one screen of the form.
pub(super) struct Screen<'a> {
    pub(super) survey: &'a Survey,
    pub(super) questions: &'a [Question],
    pub(super) pairs: Vec<(String, String)>,
    pub(super) screen: usize,
    pub(super) form_key: String,
    pub(super) code: String,
    pub(super) changed: Vec<String>,
    pub(super) notice: Option<String>,
    pub(super) errors: FormErrors,
    pub(super) preview: bool,
}

fn rev_string(questions: &[Question]) -> String {
    questions.iter().map(|q| format!("{}:{}", q.id, q.revision)).collect::<Vec<_>>().join(",")
}

/// The answers given on screens before `screen`, for conditions.
fn answers_before(screens: &[Vec<&Question>], screen: usize, pairs: &[(String, String)]) -> Answers {
    let earlier: Vec<&Question> = screens.iter().take(screen).flatten().copied().collect();
    match parse_answers(&earlier, pairs, &Answers::new()) {
        Ok(a) => a,
        Err((a, _)) => a,
    }
}

pub(super) async fn show_screen(state: &AppState, ctx: &Ctx, sc: Screen<'_>) -> AppResult<Response> {
    let l = ctx.lang.code();
    let s = sc.survey;
    let layout = Layout::parse(&s.layout).unwrap_or(Layout::OnePage);
    let screens = layout.screens(sc.questions);
    let screen = sc.screen.min(screens.len().saturating_sub(1));
    let before = answers_before(&screens, screen, &sc.pairs);
    // On later screens a condition on an earlier screen is already known: the question is left
    // out when it doesn't apply. Conditions within the screen are explained in words instead.
    let on_screen: Vec<&Question> = screens
        .get(screen)
        .map(|qs| {
            qs.iter()
                .copied()
                .filter(|q| {
                    q.show_if.as_ref().is_none_or(|c| {
                        !before.contains_key(&c.question) && screens[screen].iter().any(|p| p.id == c.question)
                            || is_shown(q, &before)
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    let here: std::collections::HashSet<i64> =
        screens.get(screen).map(|qs| qs.iter().map(|q| q.id).collect()).unwrap_or_default();
    let carried =
        sc.pairs.iter().filter(|(k, _)| question_of_field(k).is_none_or(|id| !here.contains(&id))).cloned().collect();
    let consultation = match s.consultation_id {
        Some(cid) => {
            agora_db::consultation::by_id(&state.db, cid).await?.map(|c| (format!("/konsultacje/{}", c.slug), c.title))
        }
        None => None,
    };
    let tpl = AnswerTpl {
        ctx,
        title: s.title(l).to_owned(),
        intro: crate::markdown::to_html(s.intro(l)),
        consultation,
        action: if sc.preview { String::new() } else { format!("/ankiety/{}", s.slug) },
        questions: views(ctx.lang, &on_screen, sc.questions, &sc.pairs, &sc.errors, true),
        carried,
        screen,
        screens: screens.len(),
        progress: ctx.lang.t_args(
            "survey-progress",
            &[("n", Arg::Num(screen as i64 + 1)), ("total", Arg::Num(screens.len() as i64))],
        ),
        form_key: sc.form_key,
        rev: rev_string(sc.questions),
        ask_code: Access::parse(&s.access) == Some(Access::Codes),
        code: sc.code,
        can_save: ctx.user.is_some() && !sc.preview && screens.len() > 1,
        changed: sc.changed,
        notice: sc.notice,
        errors: sc.errors,
        preview: sc.preview,
        s,
    };
    let code = if tpl.errors.any() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else if !tpl.changed.is_empty() {
        StatusCode::CONFLICT
    } else {
        StatusCode::OK
    };
    render_status(code, &tpl)
}

fn message(
    ctx: &Ctx,
    status: StatusCode,
    title: &str,
    text: String,
    link: Option<(String, String)>,
) -> AppResult<Response> {
    render_status(status, &MessageTpl { ctx, title: ctx.t(title), message: text, link })
}

/// Why the visitor can't answer now, as a page; `None` when they can.
async fn refusal(state: &AppState, ctx: &Ctx, s: &Survey, headers: &HeaderMap) -> AppResult<Option<Response>> {
    let results = (format!("/ankiety/{}/wyniki", s.slug), ctx.t("survey-see-results"));
    let results_link = Visibility::parse(&s.visibility)
        .is_some_and(|v| v.public(s.is_closed(Utc::now())) || manages(ctx, s))
        .then_some(results);
    if !s.is_open(Utc::now()) {
        return Ok(Some(message(
            ctx,
            StatusCode::FORBIDDEN,
            "survey-closed-title",
            ctx.t("survey-closed"),
            results_link,
        )?));
    }
    match Access::parse(&s.access).unwrap_or(Access::Anyone) {
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
    if let Some(r) = refusal(&state, &ctx, &s, &headers).await? {
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

fn form_key_of(p: &Pairs) -> String {
    Some(p.get("form_key").to_owned())
        .filter(|k| k.len() == 64 && k.chars().all(|c| c.is_ascii_hexdigit()))
        .unwrap_or_else(|| agora_db::new_token().0)
}

async fn answer_post(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    Path(slug): Path<String>,
    Form(p): Form<Pairs>,
) -> AppResult<Response> {
    let received = Utc::now();
    let (s, questions) = survey_and_questions(&state, &ctx, &slug).await?;
    if let Some(r) = refusal(&state, &ctx, &s, &headers).await? {
        return Ok(r);
    }
    let layout = Layout::parse(&s.layout).unwrap_or(Layout::OnePage);
    let screens = layout.screens(&questions);
    let last = screens.len().saturating_sub(1);
    let screen = p.get("s").parse::<usize>().unwrap_or(0).min(last);
    let form_key = form_key_of(&p);
    let code = p.get("kod").trim().to_uppercase();
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
    if p.get("v").parse::<i32>().ok() != Some(s.version) {
        let (kept, changed) = reconcile(ctx.lang, &questions, p.get("rev"), pairs);
        if !changed.is_empty() {
            return show_screen(&state, &ctx, sc(kept, 0, FormErrors::default(), changed, None)).await;
        }
        pairs = kept;
    }
    let unknown = unknown_questions(&questions, &pairs);
    if !unknown.is_empty() {
        pairs.retain(|(k, _)| question_of_field(k).is_none_or(|id| !unknown.contains(&id)));
        let e = FormErrors::general("survey", ctx.t("error-survey-unknown-question"));
        return show_screen(&state, &ctx, sc(pairs, screen, e, Vec::new(), None)).await;
    }
    let nav = p.get("nav");
    let code_error =
        |ctx: &Ctx| FormErrors::from_invalid(&Invalid(vec![FieldError::new("kod", "survey-code-invalid")]), ctx.lang);
    if Access::parse(&s.access) == Some(Access::Codes)
        && nav != "back"
        && !dbs::code_usable(&state.db, s.id, &code).await?
    {
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
        return show_screen(
            &state,
            &ctx,
            sc(pairs, screen, FormErrors::from_invalid(&inv, ctx.lang), Vec::new(), None),
        )
        .await;
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
            return show_screen(
                &state,
                &ctx,
                sc(pairs, bad, FormErrors::from_invalid(&inv, ctx.lang), Vec::new(), None),
            )
            .await;
        }
    };
    let response = NewResponse {
        survey_id: s.id,
        channel: SurveyChannel::Online.as_str().into(),
        form_key: form_key.clone(),
        user_id: ctx.user.as_ref().map(|u| u.id),
        code: (Access::parse(&s.access) == Some(Access::Codes)).then(|| code.clone()),
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
    let visible = Visibility::parse(&s.visibility).is_some_and(|v| v.public(s.is_closed(received)));
    let link = visible.then(|| (format!("/ankiety/{}/wyniki", s.slug), ctx.t("survey-see-results")));
    let mut r = message(&ctx, StatusCode::OK, "survey-thanks-title", ctx.t("survey-thanks"), link)?;
    if Access::parse(&s.access) == Some(Access::Anyone) {
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

/// The stored rows of every answer.
pub(super) fn items_of(questions: &[Question], answers: &Answers) -> Vec<(i64, Vec<agora_domain::survey::Item>)> {
    questions.iter().filter_map(|q| answers.get(&q.id).map(|v| (q.id, v.items(q)))).collect()
}

// ---- results ----

/// One bar of a chart and its table row.
pub struct BarView {
    /// Label.
    pub label: String,
    /// Count.
    pub n: i64,
    /// "42,5%".
    pub percent: String,
    /// Extra column (mean rank, score).
    pub extra: String,
}

/// A question's results as the page shows them.
pub struct ResultView {
    /// Anchor id.
    pub id: String,
    /// Question text.
    pub text: String,
    /// Kind name.
    pub kind: &'static str,
    /// "123 answers".
    pub answered: String,
    /// Mean, median and similar, in words.
    pub stats: Vec<String>,
    /// The chart, as SVG markup built from escaped text.
    pub svg: String,
    /// The table's header of the extra column, if any.
    pub extra_header: String,
    /// Bars.
    pub bars: Vec<BarView>,
    /// Matrix rows: (row label, bars, mean).
    pub rows: Vec<(String, Vec<BarView>, String)>,
    /// Latest text answers.
    pub texts: Vec<String>,
    /// Link to all text answers.
    pub texts_link: String,
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

fn percent(lang: Lang, v: f64) -> String {
    let s = format!("{v:.1}%");
    if lang == Lang::Pl { s.replace('.', ",") } else { s }
}

fn number(lang: Lang, v: f64) -> String {
    let s = format!("{v:.2}");
    if lang == Lang::Pl { s.replace('.', ",") } else { s }
}

/// A horizontal bar chart with its title, labels and values written out, so it reads
/// without colour and a screen reader gets the title (the table beside it has the data).
pub(super) fn bar_chart(id: &str, title: &str, bars: &[BarView], max_n: i64) -> String {
    let row = 30;
    let height = bars.len() * row + 10;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" aria-labelledby=\"{id}-t\" viewBox=\"0 0 720 {height}\" width=\"720\" height=\"{height}\"><title id=\"{id}-t\">{}</title>",
        esc(title)
    );
    for (i, b) in bars.iter().enumerate() {
        let y = i * row + 5;
        let w = if max_n > 0 { (b.n as f64 / max_n as f64 * 300.0).round() } else { 0.0 };
        let label: String = if b.label.chars().count() > 34 {
            format!("{}…", b.label.chars().take(33).collect::<String>())
        } else {
            b.label.clone()
        };
        svg.push_str(&format!(
            "<text x=\"0\" y=\"{}\" class=\"chart-label\">{}</text><rect x=\"250\" y=\"{}\" width=\"{w}\" height=\"20\" class=\"chart-bar\"></rect><text x=\"{}\" y=\"{}\" class=\"chart-value\">{} ({})</text>",
            y + 15,
            esc(&label),
            y,
            250.0 + w + 6.0,
            y + 15,
            b.n,
            esc(&b.percent)
        ));
    }
    svg.push_str("</svg>");
    svg
}

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
    let channel = SurveyChannel::parse(channel.trim()).map(|c| c.as_str().to_owned());
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

/// The results of every question, from the tallies.
pub(super) async fn result_views(
    state: &AppState,
    lang: Lang,
    s: &Survey,
    questions: &[Question],
    f: &ResponseFilter,
    with_texts: bool,
) -> AppResult<(i64, Vec<ResultView>)> {
    let l = lang.code();
    let tallies = dbs::tallies(&state.db, s.id, f).await?;
    let count =
        |qid: i64| tallies.get(&qid).and_then(|t| t.iter().find(|t| t.item == dbs::ANSWERED)).map_or(0, |t| t.n);
    let responses = count(dbs::RESPONSES);
    let mut out = Vec::new();
    for q in questions.iter().filter(|q| q.kind != QuestionKind::Info) {
        let answered = count(q.id);
        let empty = Vec::new();
        let sum = summarize(q, tallies.get(&q.id).unwrap_or(&empty), answered);
        let label = |item: &str| match (q.kind, item) {
            (QuestionKind::YesNo, v) => lang.t(v),
            (_, agora_domain::survey::OTHER) if q.kind == QuestionKind::ChoiceOther => lang.t("survey-other"),
            _ => q.item_label(item, l),
        };
        let bars: Vec<BarView> = sum
            .bars
            .iter()
            .map(|b| BarView {
                label: label(&b.item),
                n: b.n,
                percent: percent(lang, b.percent),
                extra: match (b.mean, b.score) {
                    (Some(m), Some(s)) => lang.t_args(
                        "survey-rank-extra",
                        &[("mean", Arg::Str(number(lang, m))), ("score", Arg::Num(s as i64))],
                    ),
                    _ => String::new(),
                },
            })
            .collect();
        let mut stats = Vec::new();
        if let Some(m) = sum.mean {
            stats.push(lang.t_args("survey-mean", &[("value", Arg::Str(number(lang, m)))]));
        }
        if let Some(m) = sum.median {
            stats.push(lang.t_args("survey-median", &[("value", Arg::Str(number(lang, m)))]));
        }
        let rows: Vec<(String, Vec<BarView>, String)> = sum
            .rows
            .iter()
            .map(|(code, bars, mean)| {
                let row_label =
                    q.spec.rows.iter().find(|r| &r.code == code).map(|r| r.label.get(l).to_owned()).unwrap_or_default();
                let bars = bars
                    .iter()
                    .map(|b| BarView {
                        label: label(&b.item),
                        n: b.n,
                        percent: percent(lang, b.percent),
                        extra: String::new(),
                    })
                    .collect();
                (
                    row_label,
                    bars,
                    mean.map(|m| lang.t_args("survey-mean", &[("value", Arg::Str(number(lang, m)))]))
                        .unwrap_or_default(),
                )
            })
            .collect();
        let id = format!("r{}", q.id);
        let text = q.text.get(l).to_owned();
        let svg = if q.kind == QuestionKind::Likert {
            // One chart per row would repeat the scale; the chart shows each row's mean instead.
            let means: Vec<BarView> = sum
                .rows
                .iter()
                .zip(&rows)
                .map(|((_, _, mean), (row_label, _, _))| BarView {
                    label: row_label.clone(),
                    n: mean.map_or(0, |m| (m * 100.0).round() as i64),
                    percent: mean.map(|m| number(lang, m)).unwrap_or_default(),
                    extra: String::new(),
                })
                .collect();
            let top = (q.spec.options.len() as i64) * 100;
            bar_chart(&id, &format!("{text} — {}", lang.t("survey-row-means")), &means, top).replace("(", "(⌀ ")
        } else if bars.is_empty() {
            String::new()
        } else {
            bar_chart(&id, &text, &bars, bars.iter().map(|b| b.n).max().unwrap_or(0))
        };
        let texts = if with_texts && (q.kind.is_text() || q.kind == QuestionKind::ChoiceOther) {
            dbs::texts(&state.db, q.id, "", f, 0, 5, false).await?.0.into_iter().map(|(_, t)| t).collect()
        } else {
            Vec::new()
        };
        out.push(ResultView {
            texts_link: format!("/ankiety/{}/wyniki/pytanie/{}", s.slug, q.id),
            id,
            text,
            kind: q.kind.as_str(),
            answered: lang.t_args("survey-answered", &[("n", Arg::Num(answered))]),
            stats,
            svg,
            extra_header: if q.kind == QuestionKind::Ranking { lang.t("survey-rank-header") } else { String::new() },
            bars,
            rows,
            texts,
        });
    }
    Ok((responses, out))
}

/// A cross-tab as the page shows it.
pub struct CrossView {
    /// Caption.
    pub caption: String,
    /// Column headers (profile answers).
    pub columns: Vec<String>,
    /// Rows: label and cells "n (p%)".
    pub rows: Vec<(String, Vec<String>)>,
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

fn may_see_results(ctx: &Ctx, s: &Survey) -> bool {
    manages(ctx, s)
        || (s.status != "draft" && Visibility::parse(&s.visibility).is_some_and(|v| v.public(s.is_closed(Utc::now()))))
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
        channel: f.channel.clone().unwrap_or_default(),
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
        base.push_str(&format!("szukaj={}&", super::url_encode(&search)));
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

/// What a consultation page shows of its surveys: (title, link, results link if public).
pub(super) async fn links_for_consultation(
    state: &AppState,
    ctx: &Ctx,
    consultation_id: i64,
) -> AppResult<Vec<(String, String, Option<String>, bool)>> {
    let now = Utc::now();
    Ok(dbs::for_consultation(&state.db, consultation_id)
        .await?
        .into_iter()
        .map(|s| {
            let results = may_see_results(ctx, &s).then(|| format!("/ankiety/{}/wyniki", s.slug));
            (s.title(ctx.lang.code()).to_owned(), format!("/ankiety/{}", s.slug), results, s.is_open(now))
        })
        .collect())
}

/// A survey's results as a section of its consultation's report.
pub struct ReportSurvey {
    /// Title.
    pub title: String,
    /// "2 143 responses — online: …".
    pub responses: String,
    /// Results of each question.
    pub results: Vec<ResultView>,
}

impl ReportSurvey {
    /// The section as plain lines, for the PDF, DOCX and XLSX writers.
    pub fn lines(&self) -> Vec<String> {
        let mut out = vec![format!("{} — {}", self.title, self.responses)];
        for r in &self.results {
            let mut line = format!("{} ({})", r.text, r.answered);
            let bars: Vec<String> = r.bars.iter().map(|b| format!("{}: {} ({})", b.label, b.n, b.percent)).collect();
            if !bars.is_empty() {
                line.push_str(": ");
                line.push_str(&bars.join("; "));
            }
            for (row, bars, mean) in &r.rows {
                let cells: Vec<String> = bars.iter().map(|b| format!("{}: {}", b.label, b.percent)).collect();
                line.push_str(&format!(
                    " | {row}{}: {}",
                    if mean.is_empty() { String::new() } else { format!(" ({mean})") },
                    cells.join("; ")
                ));
            }
            if !r.stats.is_empty() {
                line.push_str(&format!(" — {}", r.stats.join(", ")));
            }
            out.push(line);
        }
        out
    }
}

/// The results of a consultation's surveys (not drafts), for its report.
pub(super) async fn report_sections(
    state: &AppState,
    lang: Lang,
    consultation_id: i64,
) -> AppResult<Vec<ReportSurvey>> {
    let mut out = Vec::new();
    for s in dbs::for_consultation(&state.db, consultation_id).await? {
        let questions = dbs::questions(&state.db, s.id).await?;
        let (n, results) = result_views(state, lang, &s, &questions, &ResponseFilter::default(), false).await?;
        let by_channel: Vec<String> = dbs::channel_counts(&state.db, s.id)
            .await?
            .into_iter()
            .map(|(c, k)| format!("{}: {k}", lang.t(&format!("survey-channel-{c}"))))
            .collect();
        let mut responses = lang.t_args("survey-responses", &[("n", Arg::Num(n))]);
        if !by_channel.is_empty() {
            responses.push_str(&format!(" ({})", by_channel.join(", ")));
        }
        out.push(ReportSurvey { title: s.title(lang.code()).to_owned(), responses, results });
    }
    Ok(out)
}
