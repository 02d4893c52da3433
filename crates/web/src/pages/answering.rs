//! The organiser's side of remarks: sections, intake of remarks from offline channels,
//! moderation, and the answering screen with filters, progress and bulk answers.

use super::common::{
    Opt, check_file, clean_filename, consultation_to_manage, district_options, section_options, store_file,
};
use super::common::{options, options_where};
use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::forms::{FormErrors, Pairs};
use crate::render::render_form;
use crate::state::AppState;
use crate::time;
use crate::urls::{redirect, url_encode};
use crate::views::remark::{
    ATTACHMENT_MAX, Block, FormalNote, formal_note, read_blocks, read_identity, requirements, section_of,
};
use agora_db::consultation::{self as dbc, Consultation};
use agora_db::remarks::{self, Moderation, NewSubmission, RemarkFilter, RemarkSettings};
use agora_domain::Invalid;
use agora_domain::permission::Action;
use agora_domain::remark::{
    Channel, Decision, FormalCheckForm, FormalStatus, IdentityForm, RemarkForm, parse_formal_check, parse_submission,
};
use agora_domain::validation::{FieldError, bounded_text};
use askama::Template;
use axum::Router;
use axum::body::Body;
use axum::extract::{DefaultBodyLimit, Form, Multipart, Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use chrono::{Duration, NaiveDate, Utc};
use object_store::ObjectStoreExt;
use serde::Deserialize;

const PER_PAGE: i64 = 25;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin/konsultacje/{id}/uwagi", get(screen))
        .route("/admin/konsultacje/{id}/uwagi/odpowiedz", post(answer))
        .route("/admin/konsultacje/{id}/uwagi/ustawienia", post(save_settings))
        .route("/admin/konsultacje/{id}/uwagi/{remark}/moderacja", post(moderate))
        .route("/admin/konsultacje/{id}/uwagi/zalacznik/{submission}", get(attachment))
        .route("/admin/konsultacje/{id}/sekcje", post(add_section))
        .route(
            "/admin/konsultacje/{id}/uwagi/nowa",
            get(intake_form).post(intake).layer(DefaultBodyLimit::max(ATTACHMENT_MAX + 1024 * 1024)),
        )
}

/// Organisers of the unit and moderators may moderate.
async fn load_for_moderation(state: &AppState, ctx: &Ctx, id: i64) -> AppResult<Consultation> {
    ctx.require_user()?;
    let c = dbc::by_id(&state.db, id).await?.ok_or(AppError::NotFound)?;
    if ctx.can(Action::ManageUnit(c.unit_id)) || ctx.can(Action::Moderate) { Ok(c) } else { Err(AppError::Forbidden) }
}

// ---- the forms' fixed fields (each page keeps the pairs too, to redraw itself) ----

/// An answer to the remarks ticked on the answering screen (their ids are a list).
#[derive(Deserialize, Default)]
#[serde(default)]
struct AnswerForm {
    decision: String,
    answer: String,
    group_title: String,
    /// The screen's filters as a query string, to return to the same list.
    back: String,
    strona: String,
}

/// The consultation's settings for remarks.
#[derive(Deserialize, Default)]
#[serde(default)]
struct SettingsForm {
    defect_days: String,
    premoderation: Option<String>,
}

/// A moderator's action on one remark.
#[derive(Deserialize, Default)]
#[serde(default)]
struct ModerationForm {
    action: String,
    reason: String,
}

/// A new section of the consulted document for remarks to refer to.
#[derive(Deserialize, Default)]
#[serde(default)]
struct SectionForm {
    section_label: String,
}

/// How a remark keyed in by staff arrived; its blocks and identity are read as the online form's.
#[derive(Deserialize, Default)]
#[serde(default)]
struct IntakeForm {
    channel: String,
    received_at: String,
    formal_status: String,
    defect_reason: String,
    /// The last day to complete a defect; empty for the consultation's usual days.
    correct_by: String,
}

// ---- answering screen ----

#[derive(Debug, Default, Deserialize, Clone)]
#[serde(default)]
struct Filters {
    bez_odpowiedzi: String,
    sekcja: String,
    kanal: String,
    decyzja: String,
    strona: String,
    ok: String,
    /// `wszystkie` ticks every remark of the page for a bulk answer, which works without scripts.
    zaznacz: String,
}

impl Filters {
    fn query(&self) -> String {
        [
            ("bez_odpowiedzi", &self.bez_odpowiedzi),
            ("sekcja", &self.sekcja),
            ("kanal", &self.kanal),
            ("decyzja", &self.decyzja),
        ]
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{k}={}&", url_encode(v)))
        .collect()
    }
}

struct StaffRemark {
    id: i64,
    number: i32,
    submission_id: i64,
    /// Whether there is an attachment or scan to link to.
    has_attachment: bool,
    receipt: String,
    section: String,
    proposed_change: String,
    justification: String,
    who: String,
    contact: String,
    channel: String,
    received: String,
    formal: String,
    /// The defect and its deadline, or that it came late.
    note: FormalNote,
    moderation: String,
    moderation_label: String,
    hidden_reason: Option<String>,
    decision: String,
    answer: String,
    /// Ticked for the bulk answer: all were asked for, or it was ticked in a form sent back.
    picked: bool,
}

#[derive(Template)]
#[template(path = "answering/screen.html")]
struct ScreenTpl<'a> {
    ctx: &'a Ctx,
    c: Consultation,
    answered: i64,
    total: i64,
    percent: i64,
    remarks: Vec<StaffRemark>,
    f: Filters,
    sections: Vec<Opt>,
    channels: Vec<Opt>,
    decisions: Vec<Opt>,
    page: i64,
    pages: i64,
    pager_base: String,
    back_query: String,
    matching: i64,
    settings: RemarkSettings,
    bulk: Pairs,
    /// The remark whose own answer form failed (0: none), which then carries the error
    /// and the ids the error summary links to, instead of the bulk form.
    failed: i64,
    errors: FormErrors,
    notice: Option<String>,
    can_answer: bool,
}

async fn screen_view(
    state: &AppState,
    ctx: &Ctx,
    c: Consultation,
    f: Filters,
    bulk: Pairs,
    errors: FormErrors,
) -> AppResult<Response> {
    let lang = ctx.lang;
    let page = f.strona.parse::<i64>().unwrap_or(1).clamp(1, 100_000);
    let filter = RemarkFilter {
        unanswered: !f.bez_odpowiedzi.is_empty(),
        section: f.sekcja.parse().ok(),
        channel: Channel::parse(&f.kanal),
        decision: Decision::parse(&f.decyzja),
        public: false,
    };
    let p = remarks::list(&state.db, c.id, &filter, PER_PAGE, (page - 1) * PER_PAGE).await?;
    let (answered, total) = remarks::progress(&state.db, c.id).await?;
    let all_picked = f.zaznacz == "wszystkie";
    let ticked = bulk.ids("ids");
    let remarks = p
        .items
        .into_iter()
        .map(|r| StaffRemark {
            picked: all_picked || ticked.contains(&r.id),
            section: section_of(&r),
            who: [r.name.clone(), r.organisation.clone()].into_iter().flatten().collect::<Vec<_>>().join(", "),
            contact: [r.email.clone(), r.district_name.clone()].into_iter().flatten().collect::<Vec<_>>().join(" · "),
            channel: lang.t(&format!("channel-{}", r.channel)),
            received: time::day_time(lang, r.received_at),
            formal: lang.t(&format!("formal-{}", r.formal_status)),
            note: formal_note(lang, r.formal_status, r.defect_reason.clone(), r.correct_by),
            moderation: r.moderation.as_str().to_owned(),
            moderation_label: lang.t(&format!("moderation-state-{}", r.moderation)),
            hidden_reason: r.hidden_reason.clone(),
            decision: r.decision.map(Decision::as_str).unwrap_or_default().to_owned(),
            answer: r.decision_justification.clone().unwrap_or_default(),
            id: r.id,
            number: r.number,
            submission_id: r.submission_id,
            has_attachment: r.has_attachment,
            receipt: r.receipt,
            proposed_change: r.proposed_change,
            justification: r.justification,
        })
        .collect();
    let opts = |items: Vec<(&str, String)>| {
        items.into_iter().map(|(v, l)| Opt { value: v.to_owned(), label: l }).collect::<Vec<_>>()
    };
    let tpl = ScreenTpl {
        ctx,
        answered,
        total,
        percent: if total == 0 { 0 } else { answered * 100 / total },
        remarks,
        sections: section_options(state, c.id).await?,
        channels: opts(
            Channel::ALL.iter().map(|ch| (ch.as_str(), lang.t(&format!("channel-{}", ch.as_str())))).collect(),
        ),
        decisions: opts(
            Decision::ALL.iter().map(|d| (d.as_str(), lang.t(&format!("decision-{}", d.as_str())))).collect(),
        ),
        pages: ((p.total + PER_PAGE - 1) / PER_PAGE).max(1),
        matching: p.total,
        page,
        pager_base: format!("/admin/konsultacje/{}/uwagi?{}", c.id, f.query()),
        back_query: f.query(),
        settings: remarks::settings(&state.db, c.id).await?,
        notice: super::common::notice(ctx, &f.ok),
        can_answer: ctx.can(Action::ManageUnit(c.unit_id)),
        f,
        failed: if bulk.has("single") { bulk.ids("ids").first().copied().unwrap_or(0) } else { 0 },
        bulk,
        errors,
        c,
    };
    render_form(&tpl.errors, &tpl)
}

async fn screen(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(f): Query<Filters>,
) -> AppResult<Response> {
    let c = load_for_moderation(&state, &ctx, id).await?;
    screen_view(&state, &ctx, c, f, Pairs::default(), FormErrors::default()).await
}

async fn answer(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(p): Form<Pairs>,
) -> AppResult<Response> {
    let c = consultation_to_manage(&state, &ctx, id).await?;
    let ids = p.ids("ids");
    let f: AnswerForm = p.decode()?;
    let mut inv = Invalid::default();
    if ids.is_empty() {
        inv.push(FieldError::new("ids", "remarks-none-chosen"));
    }
    let decision = inv.check(Decision::parse(&f.decision).ok_or(FieldError::new("decision", "choice-invalid")));
    let min = if decision.is_some_and(Decision::needs_justification) { 10 } else { 0 };
    let justification = inv.check(bounded_text("answer", &f.answer, min, 20_000));
    let group = inv.check(agora_domain::validation::optional_text("group_title", &f.group_title, 200)).flatten();
    // The list comes back as it was filtered, its filters read and written again, not echoed.
    let filters: Filters = Pairs(url::form_urlencoded::parse(f.back.as_bytes()).into_owned().collect()).decode()?;
    let (Some(decision), Some(justification), true) = (decision, justification, inv.is_empty()) else {
        // The same filtered list, so that the remark whose answer failed is on it.
        let filters = Filters { strona: f.strona, ok: String::new(), ..filters };
        return screen_view(&state, &ctx, c, filters, p.clone(), FormErrors::from_invalid(&inv, ctx.lang)).await;
    };
    let who = ctx.user.as_ref().map(|u| u.display_name.clone()).unwrap_or_default();
    let entry = ctx.audit("remark.answer", "consultation", format!("{} × {}", ids.len(), decision.as_str()));
    let answer =
        remarks::Answer { decision, justification: &justification, group_title: group.as_deref(), answered_by: &who };
    remarks::answer(&state.db, id, &ids, &answer, &entry).await?;
    let back = format!("/admin/konsultacje/{id}/uwagi?{}ok=flash-answered", filters.query());
    Ok(redirect(&back).into_response())
}

async fn save_settings(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(p): Form<Pairs>,
) -> AppResult<Response> {
    let c = consultation_to_manage(&state, &ctx, id).await?;
    let f: SettingsForm = p.decode()?;
    let days = f.defect_days.trim().parse::<i32>().ok().filter(|d| (1..=60).contains(d));
    let Some(defect_days) = days else {
        let e: Invalid = FieldError::new("defect_days", "number-invalid").into();
        return screen_view(&state, &ctx, c, Filters::default(), p, FormErrors::from_invalid(&e, ctx.lang)).await;
    };
    let s = RemarkSettings { premoderation: f.premoderation.is_some(), defect_days };
    remarks::set_settings(
        &state.db,
        id,
        s,
        &ctx.audit(
            "remark.settings",
            "consultation",
            format!("premoderation={} defect_days={defect_days}", s.premoderation),
        ),
    )
    .await?;
    Ok(redirect(&format!("/admin/konsultacje/{id}/uwagi?ok=flash-saved")).into_response())
}

async fn moderate(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, remark)): Path<(i64, i64)>,
    Form(p): Form<Pairs>,
) -> AppResult<Response> {
    let c = load_for_moderation(&state, &ctx, id).await?;
    let f: ModerationForm = p.decode()?;
    let Some(action) = Moderation::parse(&f.action) else { return Err(AppError::BadRequest) };
    let reason = match bounded_text("reason", &f.reason, if action == Moderation::Hide { 5 } else { 0 }, 500) {
        Ok(r) => r,
        Err(e) => {
            return screen_view(&state, &ctx, c, Filters::default(), p, FormErrors::from_invalid(&e.into(), ctx.lang))
                .await;
        }
    };
    let actor = ctx.user.as_ref().map(|u| u.display_name.clone()).unwrap_or_default();
    let entry = ctx.audit("remark.moderate", "consultation", format!("{remark}: {} {reason}", action.as_str()));
    if !remarks::moderate(&state.db, id, remark, action, &reason, &actor, &entry).await? {
        return Err(AppError::Conflict);
    }
    Ok(redirect(&format!("/admin/konsultacje/{id}/uwagi?ok=flash-moderated")).into_response())
}

async fn attachment(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, submission)): Path<(i64, i64)>,
) -> AppResult<Response> {
    load_for_moderation(&state, &ctx, id).await?;
    let (key, name, ct) = remarks::attachment(&state.db, id, submission).await?.ok_or(AppError::NotFound)?;
    let got = state
        .storage
        .get(&object_store::path::Path::from(key.as_str()))
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?;
    Ok((
        [
            (header::CONTENT_TYPE, ct),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename*=UTF-8''{}", url_encode(&name).replace('+', "%20")),
            ),
            (header::CACHE_CONTROL, "private, no-store".to_owned()),
            // A resident's file opened by staff must not run as a page of the site.
            (header::CONTENT_SECURITY_POLICY, "default-src 'none'; sandbox".to_owned()),
        ],
        Body::from_stream(got.into_stream()),
    )
        .into_response())
}

async fn add_section(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(p): Form<Pairs>,
) -> AppResult<Response> {
    let c = consultation_to_manage(&state, &ctx, id).await?;
    let f: SectionForm = p.decode()?;
    match bounded_text("section_label", &f.section_label, 1, 200) {
        Ok(label) => {
            remarks::add_section(
                &state.db,
                id,
                &label,
                &ctx.audit("remark.section.add", "consultation", label.clone()),
            )
            .await?;
            Ok(redirect(&format!("/admin/konsultacje/{id}/uwagi?ok=flash-saved")).into_response())
        }
        Err(e) => {
            screen_view(&state, &ctx, c, Filters::default(), p, FormErrors::from_invalid(&e.into(), ctx.lang)).await
        }
    }
}

// ---- intake of offline remarks ----

#[derive(Template)]
#[template(path = "answering/intake.html")]
struct IntakeTpl<'a> {
    ctx: &'a Ctx,
    c: Consultation,
    blocks: Vec<Block>,
    identity: IdentityForm,
    sections: Vec<Opt>,
    districts: Vec<Opt>,
    channels: Vec<Opt>,
    statuses: Vec<Opt>,
    /// For the days a defect's deadline is counted in when none is typed.
    settings: RemarkSettings,
    p: Pairs,
    form_key: String,
    errors: FormErrors,
    notice: Option<String>,
}

#[expect(clippy::too_many_arguments, reason = "the parts of a keyed-in form as they are read back; each is redrawn")]
async fn intake_view(
    state: &AppState,
    ctx: &Ctx,
    c: Consultation,
    p: Pairs,
    blocks: Vec<RemarkForm>,
    identity: IdentityForm,
    form_key: String,
    errors: FormErrors,
    notice: Option<String>,
) -> AppResult<Response> {
    let lang = ctx.lang;
    let tpl = IntakeTpl {
        ctx,
        sections: section_options(state, c.id).await?,
        districts: district_options(state).await?,
        channels: options_where::<Channel>(lang, "channel-", Channel::keyed_in_by_staff),
        statuses: options::<FormalStatus>(lang, "formal-"),
        settings: remarks::settings(&state.db, c.id).await?,
        blocks: blocks.into_iter().enumerate().map(|(i, f)| Block { i, f }).collect(),
        identity,
        p,
        form_key,
        errors,
        notice,
        c,
    };
    render_form(&tpl.errors, &tpl)
}

/// After keying in: the confirmation and the receipt number given to the stored submission.
#[derive(Deserialize, Default)]
#[serde(default)]
struct IntakeDone {
    ok: String,
    numer: String,
}

async fn intake_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<IntakeDone>,
) -> AppResult<Response> {
    let c = consultation_to_manage(&state, &ctx, id).await?;
    let p = Pairs(vec![
        ("received_at".into(), time::input_value(Utc::now())),
        ("channel".into(), Channel::Post.as_str().into()),
        ("formal_status".into(), FormalStatus::Valid.as_str().into()),
    ]);
    // The receipt number goes onto the paper original, so the one stored is shown, not
    // whatever a link carries.
    let receipt = match q.numer.trim() {
        "" => None,
        n => remarks::receipt_of(&state.db, c.id, n).await?,
    };
    let notice = super::common::notice(&ctx, &q.ok).map(|saved| match receipt {
        Some(r) => format!("{saved} {}", ctx.t1("intake-receipt-number", "receipt", r)),
        None => saved,
    });
    let identity = IdentityForm { kind: "person".into(), ..Default::default() };
    intake_view(
        &state,
        &ctx,
        c,
        p,
        vec![RemarkForm::default(); 3],
        identity,
        agora_db::new_token().0,
        FormErrors::default(),
        notice,
    )
    .await
}

async fn intake(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>, mp: Multipart) -> AppResult<Response> {
    let c = consultation_to_manage(&state, &ctx, id).await?;
    let (p, file) = crate::forms::read_multipart(mp, "scan", ATTACHMENT_MAX).await?;
    let mut blocks = read_blocks(&p);
    let identity_form = read_identity(&p)?;
    let form_key = p.form_key();
    if p.has("more") {
        blocks.push(RemarkForm::default());
        return intake_view(&state, &ctx, c, p.clone(), blocks, identity_form, form_key, FormErrors::default(), None)
            .await;
    }
    let f: IntakeForm = p.decode()?;
    let mut inv = Invalid::default();
    let channel = inv.check(
        Channel::parse(&f.channel)
            .filter(|ch| ch.keyed_in_by_staff())
            .ok_or(FieldError::new("channel", "choice-invalid")),
    );
    let received_at = inv.check(
        time::parse_local(&f.received_at)
            .filter(|t| *t <= Utc::now() + Duration::minutes(5))
            .ok_or(FieldError::new("received_at", "date-invalid")),
    );
    // The date of receipt decides: anything received after the close is late.
    let late = received_at.is_some_and(|t| t >= c.closes_at);
    let check_form = FormalCheckForm {
        formal_status: if late { FormalStatus::Late.as_str().to_owned() } else { f.formal_status.clone() },
        defect_reason: f.defect_reason.clone(),
        correct_by: f.correct_by.clone(),
    };
    // Without a date of receipt a deadline has nothing to be checked against yet; the
    // date's own error is reported instead.
    let received_on = received_at.map_or(NaiveDate::MIN, time::local_date);
    let check = match parse_formal_check(&check_form, received_on, true) {
        Ok(check) => Some(check),
        Err(e) => {
            inv.0.extend(e.0);
            None
        }
    };
    let sections: Vec<i64> = remarks::sections(&state.db, c.id).await?.iter().map(|s| s.id).collect();
    let districts: Vec<i64> = agora_db::reference::districts(&state.db).await?.iter().map(|d| d.id).collect();
    // Paper forms are kept as they came: the consultation's requirements are checked by the
    // formal check above, not by refusing to record what arrived.
    let relaxed = agora_domain::remark::Requirements { email: false, address: false, anonymous_allowed: true };
    let parsed = match parse_submission(&blocks, &identity_form, relaxed, &sections, &districts) {
        Ok(v) => Some(v),
        Err(e) => {
            inv.0.extend(e.0);
            None
        }
    };
    let scan_type = match check_file(&file.bytes, file.too_big, ATTACHMENT_MAX, false) {
        Ok(t) => t,
        Err(e) => {
            inv.push(FieldError { field: "scan", ..e });
            None
        }
    };
    let (Some(channel), Some(received_at), Some(check), Some((remark_inputs, identity)), true) =
        (channel, received_at, check, parsed, inv.is_empty())
    else {
        return intake_view(
            &state,
            &ctx,
            c,
            p.clone(),
            blocks,
            identity_form,
            form_key,
            FormErrors::from_invalid(&inv, ctx.lang),
            None,
        )
        .await;
    };
    let _ = requirements(&c);
    let attachment = match scan_type {
        Some(t) => Some((
            store_file(&state, &format!("remarks/{}", c.id), file.bytes, t).await?,
            clean_filename(&file.name, t.extension()),
            t.mime().to_owned(),
        )),
        None => None,
    };
    let settings = remarks::settings(&state.db, c.id).await?;
    let user = ctx.require_user()?;
    let sub = NewSubmission {
        consultation_id: c.id,
        form_key,
        channel,
        received_at,
        entered_by: Some((user.id, user.display_name.clone())),
        user_id: None,
        identity,
        formal_status: check.status,
        // A deadline typed is the end of that day; none typed is the consultation's usual days.
        correct_by: match (check.status, check.correct_by) {
            (FormalStatus::Defective, Some(d)) => Some(time::end_of_day(d).ok_or(AppError::BadRequest)?),
            (FormalStatus::Defective, None) => Some(received_at + Duration::days(settings.defect_days.into())),
            _ => None,
        },
        defect_reason: check.reason,
        attachment,
        held: settings.premoderation,
        lang: "pl".into(),
    };
    let entry = ctx.audit("remark.intake", "consultation", format!("{} {}", channel.as_str(), remark_inputs.len()));
    let stored = remarks::submit(&state.db, &sub, &remark_inputs, &entry).await?;
    Ok(redirect(&format!("/admin/konsultacje/{id}/uwagi/nowa?ok=flash-intake&numer={}", url_encode(stored.receipt())))
        .into_response())
}
