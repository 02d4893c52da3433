//! Remarks on the public side: the online form, the confirmation with its receipt number,
//! the public list with the city's answers, the moderation log, and "my remarks".

use super::common::{Opt, check_file, store_file};
use super::common::{district_options, section_options};
use crate::cache::{Changed, Scope, changed};
use crate::client::ClientAddr;
use crate::ctx::Ctx;
use crate::error::AppResult;
use crate::forms::FormErrors;
use crate::i18n::Arg;
use crate::mail::{self, Mail};
use crate::render::{render, render_form, render_public, render_status};
use crate::state::AppState;
use crate::time;
use crate::views::consultation::visible;
use crate::views::remark::{
    ATTACHMENT_MAX, Block, FormalNote, PublicRemark, accepting, formal_note, public_remark, read_blocks, read_identity,
    requirements,
};
use agora_db::consultation::Consultation;
use agora_db::remarks::{self, FollowUp, NewSubmission, RemarkFilter, Stored, SubmissionBatchItem};
use agora_domain::Invalid;
use agora_domain::remark::ModerationState;
use agora_domain::remark::{Channel, FormalStatus};
use agora_domain::remark::{IdentityForm, MAX_REMARKS, RemarkForm, parse_submission};
use askama::Template;
use axum::Router;
use axum::extract::{DefaultBodyLimit, Multipart, Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use chrono::Utc;
use serde::Deserialize;

/// Remarks per page of the public list.
const PER_PAGE: i64 = 50;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/konsultacje/{slug}/uwagi/nowa",
            get(form_page).post(submit).layer(DefaultBodyLimit::max(ATTACHMENT_MAX + 1024 * 1024)),
        )
        .route("/konsultacje/{slug}/uwagi", get(public_list))
        .route("/konsultacje/{slug}/moderacja", get(moderation_log))
        .route("/konto/uwagi", get(my_remarks))
}

#[derive(Template)]
#[template(path = "remarks/form.html")]
struct FormTpl<'a> {
    ctx: &'a Ctx,
    c: Consultation,
    blocks: Vec<Block>,
    identity: IdentityForm,
    sections: Vec<Opt>,
    districts: Vec<Opt>,
    form_key: String,
    errors: FormErrors,
    closes: String,
}

async fn show_form(
    state: &AppState,
    ctx: &Ctx,
    c: Consultation,
    blocks: Vec<RemarkForm>,
    identity: IdentityForm,
    form_key: String,
    errors: FormErrors,
) -> AppResult<Response> {
    let tpl = FormTpl {
        ctx,
        closes: time::day_time(ctx.lang, c.closes_at),
        sections: section_options(state, c.id).await?,
        districts: district_options(state).await?,
        blocks: blocks.into_iter().enumerate().map(|(i, f)| Block { i, f }).collect(),
        identity,
        form_key,
        errors,
        c,
    };
    render_form(&tpl.errors, &tpl)
}

async fn closed_page(ctx: &Ctx, c: &Consultation) -> AppResult<Response> {
    let msg = ctx.t1("remarks-closed", "closes", time::day_time(ctx.lang, c.closes_at));
    render_status(
        StatusCode::FORBIDDEN,
        &crate::render::MessageTpl {
            ctx,
            title: ctx.t("remarks-closed-title"),
            message: msg,
            link: Some((format!("/konsultacje/{}", c.slug), ctx.t("remarks-back"))),
            back: None,
        },
    )
}

async fn form_page(State(state): State<AppState>, ctx: Ctx, Path(slug): Path<String>) -> AppResult<Response> {
    let c = visible(&state, &ctx, &slug).await?;
    if !accepting(&c, Utc::now()) {
        return closed_page(&ctx, &c).await;
    }
    let identity = match &ctx.user {
        Some(u) => IdentityForm {
            kind: "person".into(),
            name: u.display_name.clone(),
            email: u.email.clone(),
            ..Default::default()
        },
        None => IdentityForm { kind: "person".into(), ..Default::default() },
    };
    show_form(&state, &ctx, c, vec![RemarkForm::default(); 3], identity, agora_db::new_token().0, FormErrors::default())
        .await
}

#[derive(Template)]
#[template(path = "remarks/received.html")]
struct ReceivedTpl<'a> {
    ctx: &'a Ctx,
    c: Consultation,
    receipt: String,
    held: bool,
    email: Option<String>,
}

/// What a submission is checked against, loaded once and kept until a change to anything
/// but remarks: a busy consultation's submissions would otherwise read it all every time.
#[derive(Clone)]
struct FormFacts {
    c: Consultation,
    sections: Vec<i64>,
    districts: Vec<i64>,
    settings: remarks::RemarkSettings,
}

async fn form_facts(state: &AppState, ctx: &Ctx, slug: &str) -> AppResult<FormFacts> {
    let key = format!("remark-form/{slug}");
    if let Some(f) = state.pages.memo::<FormFacts>(&key)
        && ctx.may_see(f.c.as_item())
    {
        return Ok(f);
    }
    let since = state.pages.now();
    let c = visible(state, ctx, slug).await?;
    let facts = FormFacts {
        sections: remarks::sections(&state.db, c.id).await?.iter().map(|s| s.id).collect(),
        districts: agora_db::reference::districts(&state.db).await?.iter().map(|d| d.id).collect(),
        settings: remarks::settings(&state.db, c.id).await?,
        c,
    };
    state.pages.keep_memo(&key, facts.clone(), since);
    Ok(facts)
}

async fn submit(
    State(state): State<AppState>,
    ctx: Ctx,
    client: ClientAddr,
    Path(slug): Path<String>,
    mp: Multipart,
) -> AppResult<Response> {
    let received_at = Utc::now();
    let FormFacts { c, sections, districts, settings } = form_facts(&state, &ctx, &slug).await?;
    let (p, file) = crate::forms::read_multipart(mp, "attachment", ATTACHMENT_MAX).await?;
    let mut blocks = read_blocks(&p);
    let identity_form = read_identity(&p)?;
    let form_key = p.form_key();
    if p.has("more") {
        // "Add another remark" without JavaScript: the same form with one more block.
        if blocks.len() < MAX_REMARKS {
            blocks.push(RemarkForm::default());
        }
        // Nothing is stored: no kept page needs rendering again.
        return Ok(changed(
            show_form(&state, &ctx, c, blocks, identity_form, form_key, FormErrors::default()).await?,
            Changed::Nothing,
        ));
    }
    if !accepting(&c, received_at) {
        return closed_page(&ctx, &c).await;
    }
    let mut inv = Invalid::default();
    let parsed = match parse_submission(&blocks, &identity_form, requirements(&c), &sections, &districts) {
        Ok(v) => Some(v),
        Err(e) => {
            inv.0.extend(e.0);
            None
        }
    };
    let attachment_type = match check_file(&file.bytes, file.too_big, ATTACHMENT_MAX, false) {
        Ok(t) => t,
        Err(e) => {
            inv.push(agora_domain::FieldError { field: "attachment", ..e });
            None
        }
    };
    let (Some((remark_inputs, identity)), true) = (parsed, inv.is_empty()) else {
        let errors = FormErrors::from_invalid(&inv, ctx.lang).labelled("kind", ctx.t("identity-legend"));
        return show_form(&state, &ctx, c, blocks, identity_form, form_key, errors).await;
    };
    // Signed-in people answer for what they send; visitors who are not are counted by
    // address, before anything of theirs is stored.
    if ctx.user.is_none() {
        let copy_to = identity.email.as_ref().map(|e| e.as_str());
        if let Err(no) = crate::limits::remarks(&state, &ctx, client, copy_to).await? {
            let field = if no.mailbox { "email" } else { "remark-0" };
            let errors = FormErrors::general(field, no.message.clone(), ctx.lang);
            return no.answer(show_form(&state, &ctx, c, blocks, identity_form, form_key, errors).await);
        }
    }
    let attachment = match attachment_type {
        Some(t) => {
            let name = super::common::clean_filename(&file.name, t.extension());
            Some((store_file(&state, &format!("remarks/{}", c.id), file.bytes, t).await?, name, t.mime().to_owned()))
        }
        None => None,
    };
    let email = identity.email.as_ref().map(|e| e.as_str().to_owned());
    let sub = NewSubmission {
        consultation_id: c.id,
        form_key,
        channel: Channel::Online,
        received_at,
        entered_by: None,
        user_id: ctx.user.as_ref().map(|u| u.id),
        identity,
        formal_status: FormalStatus::Valid,
        defect_reason: None,
        correct_by: None,
        attachment,
        held: settings.premoderation,
        lang: ctx.lang.code().into(),
    };
    let entry = ctx.audit("remark.submit", "consultation", format!("{} ({} remarks)", c.slug, remark_inputs.len()));
    // The mailed copy is queued in the submission's own transaction: it exists exactly when
    // the submission does, and costs no commit of its own.
    let follow_up = email.clone().map(|to| {
        let list = remark_inputs
            .iter()
            .enumerate()
            .map(|(i, r)| format!("{}. {}", i + 1, r.proposed_change))
            .collect::<Vec<_>>()
            .join("\n\n");
        let (lang, title, link) =
            (ctx.lang, c.title.clone(), format!("{}/konsultacje/{}", state.config.base_url, c.slug));
        FollowUp {
            kind: mail::MAIL_JOB,
            payload: Box::new(move |receipt: &str| {
                mail::payload(&Mail {
                    attachments: Vec::new(),
                    unsubscribe: None,
                    to: to.clone(),
                    subject: lang.t_args("mail-remark-subject", &[("receipt", Arg::Str(receipt.to_owned()))]),
                    body: lang.t_args(
                        "mail-remark-body",
                        &[
                            ("title", Arg::Str(title.clone())),
                            ("receipt", Arg::Str(receipt.to_owned())),
                            ("remarks", Arg::Str(list.clone())),
                            ("link", Arg::Str(link.clone())),
                        ],
                    ),
                })
            }),
        }
    });
    let mails = follow_up.is_some();
    let stored = state
        .remark_writer
        .submit(SubmissionBatchItem { submission: sub, remarks: remark_inputs, entry, follow_up })
        .await?;
    if mails && matches!(stored, Stored::Created(_)) {
        state.jobs_waiting.notify_one();
    }
    let scope = Changed::Scope(Scope::Remarks(c.id));
    Ok(changed(
        render(&ReceivedTpl {
            ctx: &ctx,
            receipt: stored.receipt().to_owned(),
            held: settings.premoderation,
            email,
            c,
        })?,
        scope,
    ))
}

// ---- public list ----

#[derive(Template)]
#[template(path = "remarks/list.html")]
struct ListTpl<'a> {
    ctx: &'a Ctx,
    c: Consultation,
    remarks: Vec<PublicRemark>,
    total: i64,
    page: i64,
    pages: i64,
    pager_base: String,
    accepting: bool,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct PageQuery {
    strona: String,
}

async fn public_list(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Query(q): Query<PageQuery>,
) -> AppResult<Response> {
    let c = visible(&state, &ctx, &slug).await?;
    let page = q.strona.trim().parse::<i64>().unwrap_or(1).clamp(1, 100_000);
    let p = remarks::list(
        &state.db,
        c.id,
        &RemarkFilter { public: true, ..Default::default() },
        PER_PAGE,
        (page - 1) * PER_PAGE,
    )
    .await?;
    let tpl = ListTpl {
        ctx: &ctx,
        remarks: p.items.into_iter().map(|r| public_remark(ctx.lang, r)).collect(),
        total: p.total,
        pages: ((p.total + PER_PAGE - 1) / PER_PAGE).max(1),
        page,
        pager_base: format!("/konsultacje/{}/uwagi?", c.slug),
        accepting: accepting(&c, Utc::now()),
        c,
    };
    render_public(&tpl, Some(Scope::Remarks(tpl.c.id)))
}

#[derive(Template)]
#[template(path = "remarks/moderation.html")]
struct ModerationTpl<'a> {
    ctx: &'a Ctx,
    c: Consultation,
    entries: Vec<(i32, String, String, String)>,
}

async fn moderation_log(State(state): State<AppState>, ctx: Ctx, Path(slug): Path<String>) -> AppResult<Response> {
    let c = visible(&state, &ctx, &slug).await?;
    let entries = remarks::moderation_log(&state.db, c.id, 500)
        .await?
        .into_iter()
        .map(|e| {
            (e.remark_number, ctx.t(&format!("moderation-{}", e.action)), e.reason, time::day_time(ctx.lang, e.at))
        })
        .collect();
    let scope = Some(Scope::Remarks(c.id));
    render_public(&ModerationTpl { ctx: &ctx, c, entries }, scope)
}

// ---- my remarks ----

struct MyView {
    slug: String,
    title: String,
    receipt: String,
    number: i32,
    text: String,
    state: String,
    answer: Option<String>,
    received: String,
    /// What the formal check found: a defect to complete by a date, or a late arrival.
    note: FormalNote,
}

#[derive(Template)]
#[template(path = "remarks/mine.html")]
struct MineTpl<'a> {
    ctx: &'a Ctx,
    items: Vec<MyView>,
    total: i64,
    page: i64,
    pages: i64,
    pager_base: String,
}

async fn my_remarks(State(state): State<AppState>, ctx: Ctx, Query(q): Query<PageQuery>) -> AppResult<Response> {
    let user = ctx.require_user()?;
    let page = q.strona.trim().parse::<i64>().unwrap_or(1).clamp(1, 10_000);
    let p = remarks::of_user(&state.db, user.id, PER_PAGE, (page - 1) * PER_PAGE).await?;
    let items = p
        .items
        .into_iter()
        .map(|r| MyView {
            state: match (r.decision, r.moderation) {
                (Some(d), _) => ctx.t(&format!("decision-{d}")),
                (None, ModerationState::Held) => ctx.t("remark-state-held"),
                (None, ModerationState::Hidden) => ctx.t("remark-state-hidden"),
                (None, ModerationState::Published) => ctx.t("remark-state-waiting"),
            },
            answer: r.decision_justification,
            received: time::day_time(ctx.lang, r.received_at),
            note: formal_note(ctx.lang, r.formal_status, r.defect_reason, r.correct_by),
            slug: r.slug,
            title: r.title,
            receipt: r.receipt,
            number: r.number,
            text: r.proposed_change,
        })
        .collect();
    render(&MineTpl {
        ctx: &ctx,
        items,
        total: p.total,
        pages: ((p.total + PER_PAGE - 1) / PER_PAGE).max(1),
        page,
        pager_base: "/konto/uwagi?".into(),
    })
}
