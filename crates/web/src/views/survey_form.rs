//! A survey's questions as a form: the views its templates draw, answers read back from a
//! submission, and one screen of the form. Answering and the builder's preview show the same.

use std::collections::HashMap;

use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::forms::{FormErrors, Pairs};
use crate::i18n::{Arg, Lang};
use crate::render::render_status;
use crate::state::AppState;
use agora_db::surveys::{self as dbs, Survey};
use agora_domain::permission::Action;
use agora_domain::survey::{Access, parse_answers};
use agora_domain::survey::{Answers, Question, QuestionKind, is_shown};
use askama::Template;
use axum::http::StatusCode;
use axum::response::Response;

/// One option of a choice, a scale point or a matrix cell.
pub struct OptView {
    /// Submitted value.
    pub value: String,
    pub label: String,
    pub checked: bool,
    /// Element id.
    pub id: String,
}

/// A row of a Likert matrix.
pub struct RowView {
    pub label: String,
    /// Field name.
    pub field: String,
    /// Scale points.
    pub options: Vec<OptView>,
}

/// An option to rank, with the rank chosen.
pub struct RankView {
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
pub fn views(
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
pub fn answer_pairs(p: &Pairs) -> Vec<(String, String)> {
    p.0.iter()
        .filter(|(k, v)| k.starts_with('q') && k[1..].starts_with(|c: char| c.is_ascii_digit()) && !v.trim().is_empty())
        .cloned()
        .collect()
}

pub fn question_of_field(field: &str) -> Option<i64> {
    field.strip_prefix('q')?.split(['_', '-']).next()?.parse().ok()
}

/// Whether the visitor may manage the survey.
pub fn manages(ctx: &Ctx, s: &Survey) -> bool {
    ctx.can(Action::ManageUnit(s.unit_id))
}

pub async fn survey_by_slug(state: &AppState, ctx: &Ctx, slug: &str) -> AppResult<Survey> {
    let s = dbs::by_slug(&state.db, slug).await?.ok_or(AppError::NotFound)?;
    if ctx.may_see(s.as_item()) { Ok(s) } else { Err(AppError::NotFound) }
}

#[derive(Template)]
#[template(path = "surveys/answer.html")]
pub struct AnswerTpl<'a> {
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
    /// The preview's links to the screens before and after.
    preview_prev: Option<String>,
    preview_next: Option<String>,
}

/// Everything needed to draw one screen of the form.
pub struct Screen<'a> {
    pub survey: &'a Survey,
    pub questions: &'a [Question],
    pub pairs: Vec<(String, String)>,
    pub screen: usize,
    pub form_key: String,
    pub code: String,
    pub changed: Vec<String>,
    pub notice: Option<String>,
    pub errors: FormErrors,
    pub preview: bool,
}

/// The questions' revisions as the form carries them, so that an answer to a question edited
/// meanwhile is noticed.
pub fn rev_string(questions: &[Question]) -> String {
    questions.iter().map(|q| format!("{}:{}", q.id, q.revision)).collect::<Vec<_>>().join(",")
}

/// The answers given on screens before `screen`, for conditions.
pub fn answers_before(screens: &[Vec<&Question>], screen: usize, pairs: &[(String, String)]) -> Answers {
    let earlier: Vec<&Question> = screens.iter().take(screen).flatten().copied().collect();
    match parse_answers(&earlier, pairs, &Answers::new()) {
        Ok(a) => a,
        Err((a, _)) => a,
    }
}

pub async fn show_screen(state: &AppState, ctx: &Ctx, sc: Screen<'_>) -> AppResult<Response> {
    let l = ctx.lang.code();
    let s = sc.survey;
    let layout = s.layout;
    let screens = layout.screens(sc.questions);
    let screen = sc.screen.min(screens.len().saturating_sub(1));
    let before = answers_before(&screens, screen, &sc.pairs);
    // On later screens a condition on an earlier screen is already known: the question is left
    // out when it doesn't apply. Conditions within the screen are explained in words instead,
    // and so is every condition in the preview, where nothing was answered.
    let on_screen: Vec<&Question> = screens
        .get(screen)
        .map(|qs| {
            qs.iter()
                .copied()
                .filter(|q| {
                    sc.preview
                        || q.show_if.as_ref().is_none_or(|c| {
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
        Some(cid) => agora_db::consultation::by_id(&state.db, cid)
            .await?
            .filter(|c| ctx.may_see(c.as_item()))
            .map(|c| (format!("/konsultacje/{}", c.slug), c.title)),
        None => None,
    };
    let preview_base = format!("/admin/ankiety/{}/podglad?strona=", s.id);
    let tpl = AnswerTpl {
        ctx,
        preview_prev: (sc.preview && screen > 0).then(|| format!("{preview_base}{screen}")),
        preview_next: (sc.preview && screen + 1 < screens.len()).then(|| format!("{preview_base}{}", screen + 2)),
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
        ask_code: s.access == Access::Codes,
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

/// The stored rows of every answer.
pub fn items_of(questions: &[Question], answers: &Answers) -> Vec<(i64, Vec<agora_domain::survey::Item>)> {
    questions.iter().filter_map(|q| answers.get(&q.id).map(|v| (q.id, v.items(q)))).collect()
}
