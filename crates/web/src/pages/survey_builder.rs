//! Surveys for organisers: the builder (settings, questions, order, conditions, preview,
//! copies), one-time codes, paper and street-poll entry, and exports of the responses.

use super::common::options;
use super::common::{OkQuery, Opt, StatusForm, require_organiser, survey_to_manage};
use crate::ctx::Ctx;
use crate::error::{AppError, AppResult, conflict_on};
use crate::forms::{FormErrors, Pairs};
use crate::i18n::{Arg, Lang};
use crate::render::{render, render_form, render_status};
use crate::state::AppState;
use crate::time;
use crate::urls::redirect;
use crate::views::survey_form::{QView, Screen, answer_pairs, items_of, show_screen, views};
use agora_db::audit::AuditEntry;
use agora_db::surveys::{self as dbs, NewResponse, Outcome, ResponseFilter, Survey, SurveyFields};
use agora_domain::permission::Action;
use agora_domain::survey::SurveyStatus;
use agora_domain::survey::{
    Access, Answers, Layout, Part, Question, QuestionForm, QuestionKind, SurveyChannel, SurveyForm, Visibility, cells,
    columns, parse_answers,
};
use agora_domain::{FieldError, Invalid};
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
        .route("/admin/ankiety", get(list))
        .route("/admin/ankiety/nowa", get(new_form).post(create))
        .route("/admin/ankiety/{id}", get(edit_form).post(save))
        .route("/admin/ankiety/{id}/status", post(set_status))
        .route("/admin/ankiety/{id}/duplikuj", post(duplicate))
        .route("/admin/ankiety/{id}/podglad", get(preview))
        .route("/admin/ankiety/{id}/pytania/nowe", get(new_question).post(add_question))
        .route("/admin/ankiety/{id}/pytania/{qid}", get(edit_question).post(save_question))
        .route("/admin/ankiety/{id}/pytania/{qid}/usun", post(remove_question))
        .route("/admin/ankiety/{id}/pytania/{qid}/przesun", post(move_question))
        .route("/admin/ankiety/{id}/kody", get(codes_page).post(make_codes))
        .route("/admin/ankiety/{id}/wprowadz", get(entry_form).post(entry_save))
        .route("/admin/ankiety/{id}/odpowiedzi.csv", get(export_csv))
        .route("/admin/ankiety/{id}/odpowiedzi.xlsx", get(export_xlsx))
}

fn audit(ctx: &Ctx, action: &'static str, details: String) -> AuditEntry {
    ctx.audit(action, "survey", details)
}

// ---- list ----

/// A survey in the organiser's list.
pub struct Row {
    pub id: i64,
    pub title: String,
    /// Status label.
    pub status: String,
    /// Public address.
    pub slug: String,
    /// Responses so far.
    pub responses: i64,
}

#[derive(Template)]
#[template(path = "surveys/admin_list.html")]
struct ListTpl<'a> {
    ctx: &'a Ctx,
    rows: Vec<Row>,
    notice: Option<String>,
}

async fn list(State(state): State<AppState>, ctx: Ctx, Query(q): Query<OkQuery>) -> AppResult<Response> {
    let units = require_organiser(&ctx)?;
    let surveys = dbs::list(&state.db, units.as_deref()).await?;
    let counts = dbs::response_counts(&state.db).await?;
    let rows = surveys
        .into_iter()
        .map(|s| Row {
            id: s.id,
            title: s.title(ctx.lang.code()).to_owned(),
            status: ctx.t(&format!("survey-status-{}", s.status)),
            responses: counts.get(&s.id).copied().unwrap_or(0),
            slug: s.slug,
        })
        .collect();
    render(&ListTpl { ctx: &ctx, rows, notice: q.notice(&ctx) })
}

// ---- settings ----

/// A question in the builder's list.
pub struct QRow {
    pub id: i64,
    pub text: String,
    /// Kind label.
    pub kind: String,
    pub page: i32,
    /// Flags in words: required, profile, condition.
    pub flags: Vec<String>,
}

#[derive(Template)]
#[template(path = "surveys/settings.html")]
struct SettingsTpl<'a> {
    ctx: &'a Ctx,
    id: Option<i64>,
    f: SurveyForm,
    status: String,
    status_label: String,
    slug: String,
    units: Vec<Opt>,
    consultations: Vec<Opt>,
    accesses: Vec<Opt>,
    layouts: Vec<Opt>,
    visibilities: Vec<Opt>,
    kinds: Vec<Opt>,
    questions: Vec<QRow>,
    errors: FormErrors,
    notice: Option<String>,
    responses: i64,
}

async fn unit_options(state: &AppState, ctx: &Ctx) -> AppResult<Vec<Opt>> {
    Ok(agora_db::reference::units(&state.db)
        .await?
        .into_iter()
        .filter(|u| ctx.can(Action::ManageUnit(u.id)))
        .map(|u| Opt {
            value: u.id.to_string(),
            label: format!(
                "{} — {}",
                u.code,
                if ctx.lang == Lang::En { u.name_en.clone().unwrap_or(u.name_pl.clone()) } else { u.name_pl.clone() }
            ),
        })
        .collect())
}

async fn consultation_options(state: &AppState, ctx: &Ctx) -> AppResult<Vec<Opt>> {
    let units = super::common::my_units(ctx);
    Ok(agora_db::consultation::for_units(&state.db, units.as_deref(), 500, 0)
        .await?
        .items
        .into_iter()
        .map(|c| Opt { value: c.id.to_string(), label: c.title })
        .collect())
}

async fn show_settings(
    state: &AppState,
    ctx: &Ctx,
    s: Option<&Survey>,
    f: SurveyForm,
    errors: FormErrors,
    notice: Option<String>,
) -> AppResult<Response> {
    let lang = ctx.lang;
    let l = lang.code();
    let questions = match s {
        Some(s) => dbs::questions(&state.db, s.id).await?,
        None => Vec::new(),
    };
    let rows = questions
        .iter()
        .map(|q| {
            let mut flags = Vec::new();
            if q.required {
                flags.push(lang.t("survey-required"));
            }
            if q.profile {
                flags.push(lang.t("survey-profile"));
            }
            if let Some(c) = &q.show_if {
                let on = questions.iter().position(|p| p.id == c.question).map(|i| i + 1).unwrap_or(0);
                flags.push(lang.t_args("survey-has-condition", &[("n", Arg::Num(on as i64))]));
            }
            QRow {
                id: q.id,
                text: q.text.get(l).to_owned(),
                kind: lang.t(&format!("question-kind-{}", q.kind.as_str())),
                page: q.page,
                flags,
            }
        })
        .collect();
    let responses = match s {
        Some(s) => dbs::channel_counts(&state.db, s.id).await?.iter().map(|(_, n)| n).sum(),
        None => 0,
    };
    let tpl = SettingsTpl {
        ctx,
        id: s.map(|s| s.id),
        status: s.map(|s| s.status.as_str()).unwrap_or_default().to_owned(),
        status_label: s.map(|s| lang.t(&format!("survey-status-{}", s.status))).unwrap_or_default(),
        slug: s.map(|s| s.slug.clone()).unwrap_or_default(),
        units: unit_options(state, ctx).await?,
        consultations: consultation_options(state, ctx).await?,
        accesses: options::<Access>(lang, "survey-access-"),
        layouts: options::<Layout>(lang, "survey-layout-"),
        visibilities: options::<Visibility>(lang, "survey-visibility-"),
        kinds: options::<QuestionKind>(lang, "question-kind-"),
        questions: rows,
        errors,
        notice,
        responses,
        f,
    };
    render_form(&tpl.errors, &tpl)
}

fn form_of(s: &Survey) -> SurveyForm {
    SurveyForm {
        title_pl: s.title_pl.clone(),
        title_en: s.title_en.clone(),
        slug: s.slug.clone(),
        intro_pl: s.intro_pl.clone(),
        intro_en: s.intro_en.clone(),
        unit_id: s.unit_id.to_string(),
        consultation_id: s.consultation_id.map(|c| c.to_string()).unwrap_or_default(),
        access: s.access.as_str().to_owned(),
        layout: s.layout.as_str().to_owned(),
        visibility: s.visibility.as_str().to_owned(),
        closes_at: s.closes_at.map(time::input_value).unwrap_or_default(),
    }
}

async fn new_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<std::collections::HashMap<String, String>>,
) -> AppResult<Response> {
    require_organiser(&ctx)?;
    let units = unit_options(&state, &ctx).await?;
    let f = SurveyForm {
        unit_id: units.first().map(|u| u.value.clone()).unwrap_or_default(),
        consultation_id: q.get("konsultacja").cloned().unwrap_or_default(),
        access: Access::Anyone.as_str().into(),
        layout: Layout::Pages.as_str().into(),
        visibility: Visibility::AfterClose.as_str().into(),
        ..Default::default()
    };
    show_settings(&state, &ctx, None, f, FormErrors::default(), None).await
}

/// Parses the settings form: the fields and the closing time.
async fn parse_settings(
    state: &AppState,
    ctx: &Ctx,
    f: &SurveyForm,
    except: Option<i64>,
) -> AppResult<Result<SurveyFields, Invalid>> {
    let units: Vec<i64> = agora_db::reference::units(&state.db)
        .await?
        .into_iter()
        .map(|u| u.id)
        .filter(|u| ctx.can(Action::ManageUnit(*u)))
        .collect();
    let consultations: Vec<i64> =
        consultation_options(state, ctx).await?.iter().filter_map(|o| o.value.parse().ok()).collect();
    let mut inv = Invalid::default();
    let closes_at = match f.closes_at.trim() {
        "" => None,
        raw => {
            let t = time::parse_local(raw);
            if t.is_none() {
                inv.push(FieldError::new("closes_at", "date-invalid"));
            }
            t
        }
    };
    let parsed = f.parse(&units, &consultations);
    let input = match parsed {
        Ok(i) => Some(i),
        Err(e) => {
            inv.0.extend(e.0);
            None
        }
    };
    if let Some(i) = &input
        && dbs::slug_taken(&state.db, &i.slug, except).await?
    {
        inv.push(FieldError::new("slug", "slug-taken"));
    }
    Ok(match (input, inv.is_empty()) {
        (Some(i), true) => Ok(SurveyFields {
            slug: i.slug,
            consultation_id: i.consultation_id,
            unit_id: i.unit_id,
            title: i.title,
            intro: i.intro,
            access: i.access,
            layout: i.layout,
            visibility: i.visibility,
            closes_at,
        }),
        _ => Err(inv),
    })
}

async fn create(State(state): State<AppState>, ctx: Ctx, Form(f): Form<SurveyForm>) -> AppResult<Response> {
    require_organiser(&ctx)?;
    let fields = match parse_settings(&state, &ctx, &f, None).await? {
        Ok(v) => v,
        Err(inv) => return show_settings(&state, &ctx, None, f, FormErrors::from_invalid(&inv, ctx.lang), None).await,
    };
    let entry = audit(&ctx, "survey.create", fields.slug.clone());
    let id = match dbs::create(&state.db, &fields, ctx.user.as_ref().map(|u| u.id), &entry).await {
        Ok(id) => id,
        Err(e) => {
            let inv = conflict_on(e, "slug", "slug-taken")?;
            return show_settings(&state, &ctx, None, f, FormErrors::from_invalid(&inv, ctx.lang), None).await;
        }
    };
    Ok(redirect(&format!("/admin/ankiety/{id}?ok=flash-survey-created")).into_response())
}

async fn edit_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<OkQuery>,
) -> AppResult<Response> {
    let s = survey_to_manage(&state, &ctx, id).await?;
    show_settings(&state, &ctx, Some(&s), form_of(&s), FormErrors::default(), q.notice(&ctx)).await
}

async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(f): Form<SurveyForm>,
) -> AppResult<Response> {
    let s = survey_to_manage(&state, &ctx, id).await?;
    let fields = match parse_settings(&state, &ctx, &f, Some(id)).await? {
        Ok(v) => v,
        Err(inv) => {
            return show_settings(&state, &ctx, Some(&s), f, FormErrors::from_invalid(&inv, ctx.lang), None).await;
        }
    };
    let entry = audit(&ctx, "survey.update", fields.slug.clone());
    if let Err(e) = dbs::update(&state.db, id, &fields, &entry).await {
        let inv = conflict_on(e, "slug", "slug-taken")?;
        return show_settings(&state, &ctx, Some(&s), f, FormErrors::from_invalid(&inv, ctx.lang), None).await;
    }
    Ok(redirect(&format!("/admin/ankiety/{id}?ok=flash-saved")).into_response())
}

async fn set_status(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(f): Form<StatusForm>,
) -> AppResult<Response> {
    let s = survey_to_manage(&state, &ctx, id).await?;
    let Some(to) = SurveyStatus::parse(&f.to) else { return Err(AppError::BadRequest) };
    if to == SurveyStatus::Open && dbs::questions(&state.db, id).await?.iter().all(|q| q.kind == QuestionKind::Info) {
        let f = form_of(&s);
        return show_settings(
            &state,
            &ctx,
            Some(&s),
            f,
            FormErrors::general("to", ctx.t("error-survey-no-questions"), ctx.lang),
            None,
        )
        .await;
    }
    dbs::set_status(&state.db, id, to, &audit(&ctx, "survey.status", format!("{} → {to}", s.slug))).await?;
    Ok(redirect(&format!("/admin/ankiety/{id}?ok=flash-saved")).into_response())
}

async fn duplicate(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> AppResult<Response> {
    let s = survey_to_manage(&state, &ctx, id).await?;
    let mut n = 2;
    let slug = loop {
        let candidate = format!("{}-{n}", s.slug);
        if !dbs::slug_taken(&state.db, &candidate, None).await? {
            break candidate;
        }
        n += 1;
    };
    let new_id = dbs::duplicate(
        &state.db,
        id,
        &slug,
        &ctx.t("survey-copy-suffix"),
        ctx.user.as_ref().map(|u| u.id),
        &audit(&ctx, "survey.duplicate", slug.clone()),
    )
    .await?
    .ok_or(AppError::NotFound)?;
    Ok(redirect(&format!("/admin/ankiety/{new_id}?ok=flash-survey-copied")).into_response())
}

/// Which screen of the preview, from 1.
#[derive(Deserialize, Default)]
#[serde(default)]
struct PreviewQuery {
    strona: String,
}

async fn preview(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<PreviewQuery>,
) -> AppResult<Response> {
    let s = survey_to_manage(&state, &ctx, id).await?;
    let questions = dbs::questions(&state.db, id).await?;
    // The preview goes screen by screen as respondents will, every question of a screen shown
    // with its condition in words, whatever was answered before.
    let screen = q.strona.trim().parse::<usize>().unwrap_or(1).max(1) - 1;
    let sc = Screen {
        survey: &s,
        questions: &questions,
        pairs: Vec::new(),
        screen,
        form_key: String::new(),
        code: String::new(),
        changed: Vec::new(),
        notice: None,
        errors: FormErrors::default(),
        preview: true,
    };
    show_screen(&state, &ctx, sc).await
}

// ---- questions ----

#[derive(Template)]
#[template(path = "surveys/question_form.html")]
struct QuestionTpl<'a> {
    ctx: &'a Ctx,
    s: &'a Survey,
    qid: Option<i64>,
    f: QuestionForm,
    kind_label: String,
    kinds: Vec<Opt>,
    conditions: Vec<Opt>,
    errors: FormErrors,
    has_options: bool,
    has_rows: bool,
    has_min_max: bool,
    is_rating: bool,
    can_profile: bool,
}

async fn show_question(
    state: &AppState,
    ctx: &Ctx,
    s: &Survey,
    qid: Option<i64>,
    f: QuestionForm,
    errors: FormErrors,
) -> AppResult<Response> {
    let lang = ctx.lang;
    let l = lang.code();
    let questions = dbs::questions(&state.db, s.id).await?;
    let kind = QuestionKind::parse(&f.kind).unwrap_or(QuestionKind::Single);
    // Conditions may only point at questions before this one.
    let before: Vec<&Question> = match qid {
        Some(id) => questions.iter().take_while(|q| q.id != id).collect(),
        None => questions.iter().collect(),
    };
    let mut conditions = Vec::new();
    for q in before.iter().filter(|q| q.kind.can_be_condition()) {
        let mut values: Vec<(String, String)> = if q.kind == QuestionKind::YesNo {
            vec![("yes".into(), lang.t("yes")), ("no".into(), lang.t("no"))]
        } else {
            q.spec.options.iter().map(|o| (o.code.clone(), o.label.get(l).to_owned())).collect()
        };
        if q.kind == QuestionKind::ChoiceOther {
            values.push((agora_domain::survey::OTHER.into(), lang.t("survey-other")));
        }
        for (v, label) in values {
            conditions.push(Opt {
                value: format!("{}:{v}", q.id), label: format!("„{}” = „{label}”", q.text.get(l))
            });
        }
    }
    let tpl = QuestionTpl {
        ctx,
        s,
        qid,
        kind_label: lang.t(&format!("question-kind-{}", kind.as_str())),
        kinds: options::<QuestionKind>(lang, "question-kind-"),
        conditions,
        errors,
        has_options: kind.has_options(),
        has_rows: kind == QuestionKind::Likert,
        has_min_max: matches!(kind, QuestionKind::Multiple | QuestionKind::Number),
        is_rating: kind == QuestionKind::Rating,
        can_profile: kind.can_be_profile(),
        f,
    };
    render_form(&tpl.errors, &tpl)
}

async fn new_question(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<std::collections::HashMap<String, String>>,
) -> AppResult<Response> {
    let s = survey_to_manage(&state, &ctx, id).await?;
    let kind = q.get("rodzaj").and_then(|k| QuestionKind::parse(k)).unwrap_or(QuestionKind::Single);
    let last_page = dbs::questions(&state.db, id).await?.last().map(|q| q.page).unwrap_or(1);
    let f = QuestionForm {
        kind: kind.as_str().into(),
        page: last_page.to_string(),
        max: if kind == QuestionKind::Rating { "5".into() } else { String::new() },
        ..Default::default()
    };
    show_question(&state, &ctx, &s, None, f, FormErrors::default()).await
}

async fn add_question(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(f): Form<QuestionForm>,
) -> AppResult<Response> {
    let s = survey_to_manage(&state, &ctx, id).await?;
    let questions = dbs::questions(&state.db, id).await?;
    if questions.len() >= agora_domain::survey::MAX_QUESTIONS {
        return show_question(
            &state,
            &ctx,
            &s,
            None,
            f,
            FormErrors::general("kind", ctx.t("error-survey-too-many-questions"), ctx.lang),
        )
        .await;
    }
    let earlier: Vec<&Question> = questions.iter().collect();
    match f.parse(&earlier, None) {
        Ok(input) => {
            dbs::add_question(
                &state.db,
                id,
                &input,
                &audit(&ctx, "survey.question.add", format!("{}: {}", s.slug, input.text.pl)),
            )
            .await?;
            Ok(redirect(&format!("/admin/ankiety/{id}?ok=flash-question-added#pytania")).into_response())
        }
        Err(inv) => show_question(&state, &ctx, &s, None, f, FormErrors::from_invalid(&inv, ctx.lang)).await,
    }
}

async fn edit_question(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, qid)): Path<(i64, i64)>,
) -> AppResult<Response> {
    let s = survey_to_manage(&state, &ctx, id).await?;
    let q = dbs::questions(&state.db, id).await?.into_iter().find(|q| q.id == qid).ok_or(AppError::NotFound)?;
    show_question(&state, &ctx, &s, Some(qid), QuestionForm::from_question(&q), FormErrors::default()).await
}

async fn save_question(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, qid)): Path<(i64, i64)>,
    Form(f): Form<QuestionForm>,
) -> AppResult<Response> {
    let s = survey_to_manage(&state, &ctx, id).await?;
    let questions = dbs::questions(&state.db, id).await?;
    let existing = questions.iter().find(|q| q.id == qid).ok_or(AppError::NotFound)?;
    let earlier: Vec<&Question> = questions.iter().take_while(|q| q.id != qid).collect();
    match f.parse(&earlier, Some(existing)) {
        Ok(input) => {
            dbs::update_question(
                &state.db,
                id,
                qid,
                &input,
                &audit(&ctx, "survey.question.update", format!("{}: {}", s.slug, input.text.pl)),
            )
            .await?;
            Ok(redirect(&format!("/admin/ankiety/{id}?ok=flash-saved#pytania")).into_response())
        }
        Err(inv) => show_question(&state, &ctx, &s, Some(qid), f, FormErrors::from_invalid(&inv, ctx.lang)).await,
    }
}

async fn remove_question(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, qid)): Path<(i64, i64)>,
) -> AppResult<Response> {
    let s = survey_to_manage(&state, &ctx, id).await?;
    dbs::remove_question(&state.db, id, qid, &audit(&ctx, "survey.question.remove", format!("{} #{qid}", s.slug)))
        .await?;
    Ok(redirect(&format!("/admin/ankiety/{id}?ok=flash-question-removed#pytania")).into_response())
}

/// Which way a question moves in the builder's list: "up", else down.
#[derive(Deserialize, Default)]
#[serde(default)]
struct MoveForm {
    dir: String,
}

async fn move_question(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, qid)): Path<(i64, i64)>,
    Form(f): Form<MoveForm>,
) -> AppResult<Response> {
    let s = survey_to_manage(&state, &ctx, id).await?;
    let up = f.dir == "up";
    dbs::move_question(&state.db, id, qid, up, &audit(&ctx, "survey.question.move", format!("{} #{qid}", s.slug)))
        .await?;
    Ok(redirect(&format!("/admin/ankiety/{id}?ok=flash-saved#q-{qid}")).into_response())
}

// ---- codes ----

#[derive(Template)]
#[template(path = "surveys/codes.html")]
struct CodesTpl<'a> {
    ctx: &'a Ctx,
    s: &'a Survey,
    title: String,
    codes: Vec<(String, bool)>,
    used: usize,
    errors: FormErrors,
}

async fn codes_page(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> AppResult<Response> {
    let s = survey_to_manage(&state, &ctx, id).await?;
    let codes = dbs::codes(&state.db, id).await?;
    render(&CodesTpl {
        ctx: &ctx,
        title: s.title(ctx.lang.code()).to_owned(),
        used: codes.iter().filter(|c| c.1).count(),
        codes,
        errors: FormErrors::default(),
        s: &s,
    })
}

/// How many one-time codes to make.
#[derive(Deserialize, Default)]
#[serde(default)]
struct CodesForm {
    n: String,
}

async fn make_codes(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(CodesForm { n }): Form<CodesForm>,
) -> AppResult<Response> {
    let s = survey_to_manage(&state, &ctx, id).await?;
    let n = match n.trim().parse::<usize>() {
        Ok(n) if (1..=5_000).contains(&n) => n,
        _ => {
            let codes = dbs::codes(&state.db, id).await?;
            let errors = FormErrors::from_invalid(&FieldError::with_limit("n", "out-of-range", 5_000).into(), ctx.lang);
            return render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &CodesTpl {
                    ctx: &ctx,
                    title: s.title(ctx.lang.code()).to_owned(),
                    used: codes.iter().filter(|c| c.1).count(),
                    codes,
                    errors,
                    s: &s,
                },
            );
        }
    };
    dbs::generate_codes(&state.db, id, n, &audit(&ctx, "survey.codes", format!("{}: {n}", s.slug))).await?;
    Ok(redirect(&format!("/admin/ankiety/{id}/kody")).into_response())
}

// ---- paper and street-poll entry ----

#[derive(Template)]
#[template(path = "surveys/entry.html")]
struct EntryTpl<'a> {
    ctx: &'a Ctx,
    s: &'a Survey,
    title: String,
    questions: Vec<QView>,
    channel: String,
    interviewer: String,
    place: String,
    collected_at: String,
    form_key: String,
    errors: FormErrors,
    notice: Option<String>,
    channels: Vec<Opt>,
}

struct EntryValues {
    pairs: Vec<(String, String)>,
    channel: String,
    interviewer: String,
    place: String,
    collected_at: String,
}

async fn show_entry(
    state: &AppState,
    ctx: &Ctx,
    s: &Survey,
    v: EntryValues,
    errors: FormErrors,
    notice: Option<String>,
) -> AppResult<Response> {
    let questions = dbs::questions(&state.db, s.id).await?;
    let all: Vec<&Question> = questions.iter().collect();
    let tpl = EntryTpl {
        ctx,
        title: s.title(ctx.lang.code()).to_owned(),
        questions: views(ctx.lang, &all, &questions, &v.pairs, &errors, true),
        channel: v.channel,
        interviewer: v.interviewer,
        place: v.place,
        collected_at: v.collected_at,
        form_key: agora_db::new_token().0,
        channels: [SurveyChannel::Paper, SurveyChannel::StreetPoll]
            .iter()
            .map(|c| Opt { value: c.as_str().into(), label: ctx.t(&format!("survey-channel-{}", c.as_str())) })
            .collect(),
        errors,
        notice,
        s,
    };
    render_form(&tpl.errors, &tpl)
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct EntryQuery {
    ok: String,
    kanal: String,
    ankieter: String,
    miejsce: String,
}

async fn entry_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<EntryQuery>,
) -> AppResult<Response> {
    let s = survey_to_manage(&state, &ctx, id).await?;
    // After saving, the next questionnaire starts with the same interviewer and place.
    let v = EntryValues {
        pairs: Vec::new(),
        channel: SurveyChannel::parse(&q.kanal).unwrap_or(SurveyChannel::Paper).as_str().into(),
        interviewer: q.ankieter.chars().take(200).collect(),
        place: q.miejsce.chars().take(200).collect(),
        collected_at: time::input_value(Utc::now()),
    };
    let notice = (q.ok == "flash-response-entered").then(|| ctx.t("flash-response-entered"));
    show_entry(&state, &ctx, &s, v, FormErrors::default(), notice).await
}

/// How a paper or street-poll response was collected; its answers are read as the online form's.
#[derive(Deserialize, Default)]
#[serde(default)]
struct EntryFields {
    channel: String,
    interviewer: String,
    place: String,
    collected_at: String,
}

async fn entry_save(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(p): Form<Pairs>,
) -> AppResult<Response> {
    let s = survey_to_manage(&state, &ctx, id).await?;
    let user = ctx.require_user()?.clone();
    let questions = dbs::questions(&state.db, id).await?;
    let EntryFields { channel, interviewer, place, collected_at } = p.decode()?;
    let v = EntryValues {
        pairs: answer_pairs(&p),
        channel,
        interviewer: interviewer.trim().to_owned(),
        place: place.trim().to_owned(),
        collected_at,
    };
    let mut inv = Invalid::default();
    let channel = SurveyChannel::parse(&v.channel).filter(|c| *c != SurveyChannel::Online);
    if channel.is_none() {
        inv.push(FieldError::new("channel", "choice-invalid"));
    }
    let collected = time::parse_local(&v.collected_at).filter(|t| *t <= Utc::now() + chrono::Duration::minutes(5));
    if collected.is_none() {
        inv.push(FieldError::new("collected_at", "date-invalid"));
    }
    let interviewer = inv.check(agora_domain::validation::optional_text("interviewer", &v.interviewer, 200));
    let place = inv.check(agora_domain::validation::optional_text("place", &v.place, 200));
    let all: Vec<&Question> = questions.iter().collect();
    let answers = match parse_answers(&all, &v.pairs, &Answers::new()) {
        Ok(a) => Some(a),
        Err((_, e)) => {
            inv.0.extend(e.0);
            None
        }
    };
    let (Some(channel), Some(collected), Some(interviewer), Some(place), Some(answers), true) =
        (channel, collected, interviewer, place, answers, inv.is_empty())
    else {
        return show_entry(&state, &ctx, &s, v, FormErrors::from_invalid(&inv, ctx.lang), None).await;
    };
    let form_key = p.form_key();
    let response = NewResponse {
        survey_id: id,
        channel,
        form_key,
        user_id: None,
        code: None,
        interviewer: interviewer.clone().or_else(|| Some(user.display_name.clone())),
        place: place.clone(),
        collected_at: collected,
        day: time::local_date(collected),
        entered_by: Some(user.id),
        version: s.version,
        items: items_of(&questions, &answers),
    };
    match state.survey_writer.submit(response).await? {
        Outcome::Stored(_) | Outcome::Duplicate => {}
        Outcome::AlreadyAnswered | Outcome::CodeRejected => return Err(AppError::Conflict),
    }
    let q = format!(
        "ok=flash-response-entered&kanal={}&ankieter={}&miejsce={}",
        channel.as_str(),
        crate::urls::url_encode(&interviewer.unwrap_or_default()),
        crate::urls::url_encode(&place.unwrap_or_default())
    );
    Ok(redirect(&format!("/admin/ankiety/{id}/wprowadz?{q}")).into_response())
}

// ---- exports ----

/// Header row and codebook rows of an export in `lang`.
fn export_layout(
    lang: Lang,
    questions: &[Question],
) -> (Vec<agora_domain::survey::Column>, Vec<String>, Vec<Vec<String>>) {
    let l = lang.code();
    let cols = columns(questions);
    let mut headers: Vec<String> =
        ["survey-col-id", "survey-col-channel", "survey-col-collected", "survey-col-interviewer", "survey-col-place"]
            .iter()
            .map(|k| lang.t(k))
            .collect();
    headers.extend(cols.iter().map(|c| c.header.clone()));
    let mut codebook = vec![
        ["survey-codebook-column", "survey-codebook-question", "survey-codebook-kind", "survey-codebook-values"]
            .iter()
            .map(|k| lang.t(k))
            .collect::<Vec<_>>(),
    ];
    for c in &cols {
        let Some(q) = questions.iter().find(|q| q.id == c.question) else { continue };
        let list = |cs: &[agora_domain::survey::Choice]| {
            cs.iter().map(|o| format!("{} = {}", o.code, o.label.get(l))).collect::<Vec<_>>().join("; ")
        };
        let (question, values) = match &c.part {
            Part::Value => (
                q.text.get(l).to_owned(),
                match q.kind {
                    QuestionKind::YesNo => format!("yes = {}; no = {}", lang.t("yes"), lang.t("no")),
                    QuestionKind::Rating => format!("1–{}", q.spec.max.unwrap_or(5)),
                    QuestionKind::ChoiceOther => {
                        format!("{}; other = {}", list(&q.spec.options), lang.t("survey-other"))
                    }
                    _ if q.kind.has_options() => list(&q.spec.options),
                    _ => String::new(),
                },
            ),
            Part::Option(code) => {
                (format!("{} — {}", q.text.get(l), q.item_label(code, l)), lang.t("survey-codebook-chosen"))
            }
            Part::Other => (format!("{} — {}", q.text.get(l), lang.t("survey-other")), String::new()),
            Part::Row(code) => (
                format!(
                    "{} — {}",
                    q.text.get(l),
                    q.spec.rows.iter().find(|r| &r.code == code).map(|r| r.label.get(l)).unwrap_or("")
                ),
                list(&q.spec.options),
            ),
            Part::Rank(code) => {
                (format!("{} — {}", q.text.get(l), q.item_label(code, l)), lang.t("survey-codebook-rank"))
            }
        };
        codebook.push(vec![c.header.clone(), question, lang.t(&format!("question-kind-{}", q.kind.as_str())), values]);
    }
    (cols, headers, codebook)
}

fn response_cells(
    r: &dbs::ResponseRow,
    cols: &[agora_domain::survey::Column],
    answers: &std::collections::HashMap<i64, Vec<agora_domain::survey::Item>>,
) -> Vec<String> {
    let mut row = vec![
        r.id.to_string(),
        r.channel.as_str().to_owned(),
        time::input_value(r.collected_at).replace('T', " "),
        r.interviewer.clone().unwrap_or_default(),
        r.place.clone().unwrap_or_default(),
    ];
    row.extend(cells(cols, answers));
    row
}

/// Which separator a CSV download uses.
#[derive(Deserialize, Default)]
#[serde(default)]
struct CsvQuery {
    /// `przecinek` for commas; semicolons otherwise.
    separator: String,
}

async fn export_csv(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<CsvQuery>,
) -> AppResult<Response> {
    let s = survey_to_manage(&state, &ctx, id).await?;
    let sep = agora_export::csv_rows::Separator::from_param(&q.separator);
    let questions = dbs::questions(&state.db, id).await?;
    let (cols, headers, _) = export_layout(ctx.lang, &questions);
    let (tx, rx) = tokio::sync::mpsc::channel::<Vec<u8>>(32);
    let db = state.db.clone();
    tokio::spawn(async move {
        // A quarter of a million rows: start from memory given back to the system.
        let _ = tokio::task::spawn_blocking(crate::memory::release).await;
        if tx.send(agora_export::csv_rows::header(sep, headers)).await.is_err() {
            return;
        }
        let result = dbs::for_each_response(&db, id, &ResponseFilter::default(), |r, answers| {
            let tx = tx.clone();
            let record = agora_export::csv_rows::record(sep, response_cells(&r, &cols, &answers));
            async move { tx.send(record).await.is_ok() }
        })
        .await;
        if let Err(e) = result {
            tracing::error!(error = %e, "survey export failed");
        }
    });
    Ok(crate::render::csv_download(rx, &format!("ankieta-{}.csv", s.slug)))
}

async fn export_xlsx(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> AppResult<Response> {
    let s = survey_to_manage(&state, &ctx, id).await?;
    let questions = dbs::questions(&state.db, id).await?;
    let (cols, headers, codebook) = export_layout(ctx.lang, &questions);
    let (sheet, cb_sheet) = (ctx.t("survey-sheet-responses"), ctx.t("survey-sheet-codebook"));
    // Rows go from the database reader to the writer thread through a small channel, so only
    // a few hundred rows are in memory at once; the workbook keeps its cells in a temp file.
    let (tx, mut rx) = tokio::sync::mpsc::channel::<Vec<String>>(256);
    // A quarter of a million rows: the workbook starts from memory given back to the system,
    // and gives back what it used.
    let writer = tokio::task::spawn_blocking(move || {
        crate::memory::release();
        let bytes = agora_export::table_xlsx::table_xlsx(&sheet, &headers, || rx.blocking_recv(), &cb_sheet, &codebook);
        crate::memory::release();
        bytes
    });
    dbs::for_each_response(&state.db, id, &ResponseFilter::default(), |r, answers| {
        let tx = tx.clone();
        let row = response_cells(&r, &cols, &answers);
        async move { tx.send(row).await.is_ok() }
    })
    .await?;
    drop(tx);
    let bytes = writer
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?
        .map_err(|e| AppError::Internal(format!("survey {id}: {e}")))?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet".to_owned()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"ankieta-{}.xlsx\"", s.slug)),
        ],
        bytes,
    )
        .into_response())
}
