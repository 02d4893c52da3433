//! The city's answers ledger: what the city owes an answer to, by whom and by when, in the
//! open (`/odpowiedzi-miasta`); a body's secretary sending an opinion; and a department's
//! staff acknowledging, answering and reporting what was carried out.

use super::common::{Opt, my_units, notice};
use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::forms::FormErrors;
use crate::i18n::{Arg, Lang, localized};
use crate::markdown;
use crate::render::{render, render_form, render_public};
use crate::state::AppState;
use crate::time;
use crate::urls::redirect;
use agora_db::bodies::Membership;
use agora_db::reference::{self, NamedKind};
use agora_db::tracked::{self as db, Actor, LedgerFilter, LedgerRow, OnConsultation, TrackedRow};
use agora_db::{Page, audit::AuditEntry};
use agora_domain::TextEnum;
use agora_domain::body::MembershipSpan;
use agora_domain::consultation::Status;
use agora_domain::meeting::{Attendee, quorum};
use agora_domain::permission::Action;
use agora_domain::tracked::{
    HeldMeeting, OpinionForm, OpinionInput, StepForm, TrackedKind, TrackedState, cosigning_membership, overdue_days,
};
use agora_domain::visibility::Item;
use askama::Template;
use axum::Router;
use axum::extract::{Form, Path, Query, State};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use chrono::{NaiveDate, Utc};
use serde::Deserialize;

/// Requests per ledger page.
pub const PER_PAGE: i64 = 50;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/odpowiedzi-miasta", get(public_ledger))
        .route("/odpowiedzi-miasta/{id}", get(item_page))
        .route("/odpowiedzi-miasta/{id}/podpis", post(cosign))
        .route("/admin/ciala-dialogu/{body}/opinie/nowa", get(opinion_form).post(send_opinion))
        .route("/admin/odpowiedzi", get(staff_ledger))
        .route("/admin/odpowiedzi/{id}", get(step_form).post(take_step))
}

fn today() -> NaiveDate {
    time::local_date(Utc::now())
}

/// One request as a ledger row shows it.
pub(super) struct Line {
    pub(super) id: i64,
    pub(super) title: String,
    pub(super) kind: String,
    pub(super) body: String,
    pub(super) unit: String,
    pub(super) opened: String,
    pub(super) due: String,
    pub(super) state: String,
    /// Past the due date while the city still owes the answer.
    pub(super) late: bool,
    /// Working days past the due date.
    pub(super) overdue: u32,
    pub(super) answered: String,
}

fn line(lang: Lang, r: LedgerRow, today: NaiveDate) -> Line {
    Line {
        id: r.id,
        kind: lang.t(&format!("tracked-kind-{}", r.kind)),
        body: r.body_name.map(|pl| localized(lang, pl, r.body_name_en)).unwrap_or_default(),
        unit: localized(lang, r.unit_name, r.unit_name_en),
        opened: time::day(lang, r.opened_on),
        due: time::day(lang, r.due_on),
        state: lang.t(&format!("tracked-state-{}", r.state)),
        late: r.state.awaits_city() && r.due_on < today,
        overdue: overdue_days(r.state, r.due_on, today),
        answered: r.answered_on.map(|d| time::day(lang, d)).unwrap_or_default(),
        title: r.title,
    }
}

/// Opinions a body's page lists before linking to the ledger filtered by that body.
const BODY_PAGE_OPINIONS: i64 = 10;

/// Body `body`'s opinions and recommendations for its public page: what still awaits the city
/// first, then the latest answered, and how many there are in all.
pub(super) async fn body_opinions(state: &AppState, lang: Lang, body: i64) -> AppResult<(Vec<Line>, i64)> {
    let filter = LedgerFilter { public_only: true, body: Some(body), ..LedgerFilter::default() };
    let today = today();
    let Page { items, total } = db::ledger(&state.db, &filter, BODY_PAGE_OPINIONS, 0).await?;
    Ok((items.into_iter().map(|r| line(lang, r, today)).collect(), total))
}

// ---- the public ledger ----

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct LedgerQuery {
    cialo: String,
    wydzial: String,
    stan: String,
    strona: String,
}

impl LedgerQuery {
    fn page(&self) -> i64 {
        self.strona.trim().parse::<i64>().unwrap_or(1).clamp(1, 100_000)
    }

    fn awaiting(&self) -> Option<bool> {
        match self.stan.as_str() {
            "czeka" => Some(true),
            "odpowiedziane" => Some(false),
            _ => None,
        }
    }

    /// The filters as a query string for the pager, which adds the page.
    fn base(&self, path: &str) -> String {
        let enc = |s: &str| url::form_urlencoded::byte_serialize(s.as_bytes()).collect::<String>();
        format!("{path}?cialo={}&wydzial={}&stan={}", enc(&self.cialo), enc(&self.wydzial), enc(&self.stan))
    }
}

#[derive(Template)]
#[template(path = "ledger/public.html")]
struct LedgerTpl<'a> {
    ctx: &'a Ctx,
    q: LedgerQuery,
    bodies: Vec<Opt>,
    units: Vec<Opt>,
    lines: Vec<Line>,
    total: i64,
    awaiting: i64,
    overdue: i64,
    page: i64,
    pages: i64,
    pager_base: String,
}

async fn public_ledger(State(state): State<AppState>, ctx: Ctx, Query(q): Query<LedgerQuery>) -> AppResult<Response> {
    let lang = ctx.lang;
    let filter = LedgerFilter {
        public_only: true,
        body: q.cialo.trim().parse().ok(),
        unit: q.wydzial.trim().parse().ok(),
        units: None,
        awaiting: q.awaiting(),
    };
    let page = q.page();
    let today = today();
    let Page { items, total } = db::ledger(&state.db, &filter, PER_PAGE, (page - 1) * PER_PAGE).await?;
    let (awaiting, overdue) = db::ledger_counts(&state.db, &filter, today).await?;
    let bodies = reference::named(&state.db, NamedKind::Body)
        .await?
        .into_iter()
        .map(|b| Opt { value: b.id.to_string(), label: localized(lang, b.name_pl, b.name_en) })
        .collect();
    let units = reference::units(&state.db)
        .await?
        .into_iter()
        .map(|u| Opt { value: u.id.to_string(), label: localized(lang, u.name_pl, u.name_en) })
        .collect();
    render_public(
        &LedgerTpl {
            ctx: &ctx,
            bodies,
            units,
            lines: items.into_iter().map(|r| line(lang, r, today)).collect(),
            total,
            awaiting,
            overdue,
            page,
            pages: ((total + PER_PAGE - 1) / PER_PAGE).max(1),
            pager_base: q.base("/odpowiedzi-miasta"),
            q,
        },
        None,
    )
}

// ---- one request ----

/// A request as its page shows it.
struct Shown {
    t: TrackedRow,
    kind: String,
    state: String,
    body: String,
    unit: String,
    opened: String,
    due: String,
    late: bool,
    overdue: u32,
    answered: String,
    adopted: String,
    text_html: String,
    history: Vec<HistoryRow>,
    /// The consultation the opinion was given on (slug, title) and its remark's receipt, when
    /// the viewer may see that consultation.
    consultation: Option<(String, String, String)>,
    /// The meeting it was adopted at: its address and title.
    meeting: Option<(String, String)>,
}

struct HistoryRow {
    at: String,
    state: String,
    who: String,
    note_html: String,
}

async fn shown(state: &AppState, ctx: &Ctx, t: TrackedRow) -> AppResult<Shown> {
    let lang = ctx.lang;
    let history = db::steps(&state.db, t.id)
        .await?
        .into_iter()
        .map(|s| HistoryRow {
            at: time::day_time(lang, s.at),
            state: lang.t(&format!("tracked-state-{}", s.state)),
            who: s.actor_label,
            note_html: s.note.as_deref().map(markdown::to_html).unwrap_or_default(),
        })
        .collect();
    Ok(Shown {
        kind: lang.t(&format!("tracked-kind-{}", t.kind)),
        state: lang.t(&format!("tracked-state-{}", t.state)),
        body: t.body_name.clone().map(|pl| localized(lang, pl, t.body_name_en.clone())).unwrap_or_default(),
        unit: localized(lang, t.unit_name.clone(), t.unit_name_en.clone()),
        opened: time::day(lang, t.opened_on),
        due: time::day(lang, t.due_on),
        late: t.state.awaits_city() && t.due_on < today(),
        overdue: overdue_days(t.state, t.due_on, today()),
        answered: t.answered_on.map(|d| time::day(lang, d)).unwrap_or_default(),
        adopted: t.adopted_on.map(|d| time::day(lang, d)).unwrap_or_default(),
        text_html: t.text.as_deref().map(markdown::to_html).unwrap_or_default(),
        history,
        consultation: match (&t.consultation_slug, &t.consultation_title, t.consultation_status, t.consultation_unit) {
            (Some(slug), Some(title), Some(status), Some(unit)) if ctx.may_see(Item::Consultation { status, unit }) => {
                Some((slug.clone(), title.clone(), t.remark_receipt.clone().unwrap_or_default()))
            }
            _ => None,
        },
        meeting: match (&t.body_slug, t.meeting_id, &t.meeting_title) {
            (Some(slug), Some(id), Some(title)) => {
                Some((format!("/ciala-dialogu/{slug}/posiedzenia/{id}"), title.clone()))
            }
            _ => None,
        },
        t,
    })
}

/// Request `id` if this visitor may see it; hidden ones are not found, as if they did not exist.
async fn visible(state: &AppState, ctx: &Ctx, id: i64) -> AppResult<TrackedRow> {
    let t = db::get(&state.db, id).await?.ok_or(AppError::NotFound)?;
    if ctx.may_see(Item::Tracked { public: t.public, unit: t.unit_id, body: t.body_id }) {
        Ok(t)
    } else {
        Err(AppError::NotFound)
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct OkQuery {
    ok: String,
}

#[derive(Template)]
#[template(path = "ledger/item.html")]
struct ItemTpl<'a> {
    ctx: &'a Ctx,
    s: Shown,
    may_answer: bool,
    /// The members who signed it: name and the organisation they represent.
    signatures: Vec<(String, String)>,
    /// Whether the visitor is a current member of the body who has not signed it yet.
    may_cosign: bool,
    notice: Option<String>,
}

/// The membership under which the signed-in visitor may co-sign `t`, if any.
async fn cosigning(state: &AppState, ctx: &Ctx, t: &TrackedRow) -> AppResult<Option<Membership>> {
    let (Some(user), Some(body)) = (ctx.user.as_ref(), t.body_id) else { return Ok(None) };
    if !matches!(t.kind, TrackedKind::Opinion | TrackedKind::Recommendation) {
        return Ok(None);
    }
    let mut memberships = agora_db::bodies::memberships(&state.db, body).await?;
    let spans: Vec<MembershipSpan> = memberships.iter().map(|m| m.span()).collect();
    let found = cosigning_membership(&spans, user.id, t.state, today()).and_then(|m| spans.iter().position(|s| s == m));
    Ok(found.map(|i| memberships.swap_remove(i)))
}

async fn item_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(ok): Query<OkQuery>,
) -> AppResult<Response> {
    let t = visible(&state, &ctx, id).await?;
    // A position the forum awaits is given and read on its thread.
    if t.kind == TrackedKind::ForumPosition
        && let Some(thread) = agora_db::forum::thread_of_request(&state.db, id).await?
    {
        return Ok(crate::urls::redirect(&format!("/forum/watki/{thread}")).into_response());
    }
    // An advice request published as a question and answer is read there; one that is not
    // shows here only what the ledger holds (its number, topic and dates), never the question.
    if t.kind == TrackedKind::AdviceRequest && agora_db::advice::published_one(&state.db, id).await?.is_some() {
        return Ok(crate::urls::redirect(&format!("/doradztwo/pytania/{id}")).into_response());
    }
    let may_answer = t.kind == TrackedKind::AdviceRequest && ctx.can(Action::Advise)
        || t.kind != TrackedKind::AdviceRequest && t.state.awaits_city() && ctx.can(Action::ManageUnit(t.unit_id))
        || t.state == TrackedState::Answered
            && t.kind == TrackedKind::Recommendation
            && ctx.can(Action::ManageUnit(t.unit_id));
    let signed = db::signatures(&state.db, t.id).await?;
    let already = ctx.user.as_ref().is_some_and(|u| signed.iter().any(|s| s.user_id == u.id));
    let may_cosign = !already && cosigning(&state, &ctx, &t).await?.is_some();
    let signatures = signed.into_iter().map(|s| (s.signer_name, s.organisation.unwrap_or_default())).collect();
    let s = shown(&state, &ctx, t).await?;
    let notice = notice(&ctx, &ok.ok);
    render_public(&ItemTpl { ctx: &ctx, s, may_answer, signatures, may_cosign, notice }, None)
}

/// A current member of the body signs its opinion; anyone else is refused.
async fn cosign(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> AppResult<Response> {
    let user = ctx.require_user()?;
    let t = visible(&state, &ctx, id).await?;
    let Some(m) = cosigning(&state, &ctx, &t).await? else { return Err(AppError::Forbidden) };
    let entry = ctx.audit("tracked.cosign", "tracked_request", format!("{}: {}", t.title, m.person_name));
    db::cosign(&state.db, id, user.id, &m.person_name, m.organisation.as_deref(), &entry).await?;
    Ok(redirect(&format!("/odpowiedzi-miasta/{id}?ok=flash-cosigned")).into_response())
}

// ---- a body's secretary sends an opinion ----

#[derive(Template)]
#[template(path = "ledger/opinion_form.html")]
struct OpinionTpl<'a> {
    ctx: &'a Ctx,
    body_id: i64,
    body: String,
    units: Vec<Opt>,
    /// Consultations referred to the body that still take its opinion.
    consultations: Vec<Opt>,
    /// The body's meetings that have taken place, with the voting members present at each.
    meetings: Vec<Opt>,
    kinds: Vec<Opt>,
    f: OpinionForm,
    errors: FormErrors,
}

/// Body `body`'s name in Polish (as the report names a submitter) and in `lang`.
async fn body_names(state: &AppState, lang: Lang, body: i64) -> AppResult<(String, String)> {
    let b = agora_db::bodies::by_id(&state.db, body).await?.ok_or(AppError::NotFound)?;
    Ok((b.name_pl.clone(), localized(lang, b.name_pl, b.name_en)))
}

async fn opinion_view(
    state: &AppState,
    ctx: &Ctx,
    body_id: i64,
    f: OpinionForm,
    errors: FormErrors,
) -> AppResult<Response> {
    let lang = ctx.lang;
    let units = reference::units(&state.db)
        .await?
        .into_iter()
        .map(|u| Opt { value: u.id.to_string(), label: localized(lang, u.name_pl, u.name_en) })
        .collect();
    let kinds = [TrackedKind::Opinion, TrackedKind::Recommendation]
        .iter()
        .map(|k| Opt { value: k.as_str().to_owned(), label: lang.t(&format!("tracked-kind-{k}")) })
        .collect();
    let consultations = super::referrals::open_to_opinion(state, body_id)
        .await?
        .into_iter()
        .map(|(id, title)| Opt { value: id.to_string(), label: title })
        .collect();
    let meetings = held_meetings(state, body_id)
        .await?
        .into_iter()
        .map(|(m, h)| Opt {
            value: m.id.to_string(),
            label: ctx.lang.t_args(
                "opinion-meeting-option",
                &[
                    ("title", Arg::Str(m.title)),
                    ("date", Arg::Str(time::day(lang, time::local_date(m.starts_at)))),
                    ("present", Arg::Num(i64::try_from(h.voting_present).unwrap_or(i64::MAX))),
                ],
            ),
        })
        .collect();
    let (_, body) = body_names(state, lang, body_id).await?;
    let errors = errors
        .labelled("unit_id", ctx.t("tracked-unit"))
        .labelled("consultation_id", ctx.t("opinion-consultation"))
        .labelled("meeting_id", ctx.t("opinion-meeting"));
    render_form(&errors.clone(), &OpinionTpl { ctx, body_id, body, units, consultations, meetings, kinds, f, errors })
}

/// Body `body`'s meetings that have taken place, each with the voting members recorded
/// present (each person once, as the quorum counts them).
async fn held_meetings(state: &AppState, body: i64) -> AppResult<Vec<(agora_db::meetings::Held, HeldMeeting)>> {
    Ok(agora_db::meetings::held(&state.db, body, Utc::now())
        .await?
        .into_iter()
        .map(|m| {
            let list: Vec<Attendee> = m
                .attendance
                .iter()
                .map(|a| Attendee {
                    user_id: a.user_id,
                    person_name: a.person_name.clone(),
                    voting: a.voting,
                    present: a.present,
                })
                .collect();
            let h = HeldMeeting { id: m.id, voting_present: quorum(&list).present };
            (m, h)
        })
        .collect())
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct OnQuery {
    konsultacja: String,
}

async fn opinion_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(body): Path<i64>,
    Query(on): Query<OnQuery>,
) -> AppResult<Response> {
    ctx.require(Action::ManageBody(body))?;
    let f = OpinionForm {
        kind: TrackedKind::Opinion.as_str().into(),
        consultation_id: on.konsultacja.trim().to_owned(),
        ..OpinionForm::default()
    };
    opinion_view(&state, &ctx, body, f, FormErrors::default()).await
}

async fn send_opinion(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(body): Path<i64>,
    Form(f): Form<OpinionForm>,
) -> AppResult<Response> {
    let user = ctx.require(Action::ManageBody(body))?;
    let units: Vec<i64> = reference::units(&state.db).await?.into_iter().map(|u| u.id).collect();
    let referred = super::referrals::open_to_opinion(&state, body).await?;
    let referred_ids: Vec<i64> = referred.iter().map(|(id, _)| *id).collect();
    let held: Vec<HeldMeeting> = held_meetings(&state, body).await?.into_iter().map(|(_, h)| h).collect();
    let o = match f.parse(&units, &referred_ids, &held, time::parse_date, today()) {
        Ok(o) => o,
        Err(e) => return opinion_view(&state, &ctx, body, f, FormErrors::from_invalid(&e, ctx.lang)).await,
    };
    // The body's kind sets the city's time to answer, as administrators have ruled it.
    let kind = agora_db::bodies::by_id(&state.db, body).await?.ok_or(AppError::NotFound)?.kind;
    let due = super::common::answer_rules(&state).await?.period(kind).due(o.adopted_on);
    let entry = ctx.audit("tracked.create", "tracked_request", format!("{}: {} ({due})", o.kind, o.title));
    let actor = Actor { id: Some(user.id), label: &user.display_name };
    let on = match o.consultation_id {
        Some(c) => Some(on_consultation(&state, &ctx, body, c, &o, Some((user.id, user.display_name.clone()))).await?),
        None => None,
    };
    let id = db::create_opinion(&state.db, body, &o, due, on.as_ref(), actor, &entry).await?;
    Ok(redirect(&format!("/odpowiedzi-miasta/{id}?ok=flash-opinion-sent")).into_response())
}

/// How an opinion on consultation `c` joins it as a remark: named after the body, entered by
/// the secretary, with a justification in the report's language (Polish) that gives the vote
/// and links back to the opinion's page, where the department's answer will be.
async fn on_consultation(
    state: &AppState,
    ctx: &Ctx,
    body: i64,
    c: i64,
    o: &OpinionInput,
    entered_by: Option<(i64, String)>,
) -> AppResult<OnConsultation> {
    let consultation = agora_db::consultation::by_id(&state.db, c).await?.ok_or(AppError::NotFound)?;
    let (body_pl, _) = body_names(state, ctx.lang, body).await?;
    let base = state.config.base_url.clone();
    let args = vec![
        ("adopted", Arg::Str(time::day(Lang::Pl, o.adopted_on))),
        ("for", Arg::Num(i64::from(o.votes_for))),
        ("against", Arg::Num(i64::from(o.votes_against))),
        ("abstaining", Arg::Num(i64::from(o.votes_abstaining))),
    ];
    Ok(OnConsultation {
        consultation_id: c,
        body_name: body_pl,
        entered_by,
        justification: Box::new(move |id| {
            let mut args = args.clone();
            args.push(("link", Arg::Str(format!("{base}/odpowiedzi-miasta/{id}"))));
            Lang::Pl.t_args("opinion-remark-justification", &args)
        }),
        late: consultation.status == Status::Closed,
        lang: ctx.lang.code().to_owned(),
    })
}

// ---- a department's staff ----

#[derive(Template)]
#[template(path = "ledger/staff.html")]
struct StaffTpl<'a> {
    ctx: &'a Ctx,
    q: LedgerQuery,
    lines: Vec<Line>,
    total: i64,
    page: i64,
    pages: i64,
    pager_base: String,
}

/// The departments whose requests this person answers (`None`: all), or 403 for staff of none.
fn answering_units(ctx: &Ctx) -> AppResult<Option<Vec<i64>>> {
    ctx.require(Action::EnterStaffArea)?;
    match my_units(ctx) {
        Some(units) if units.is_empty() => Err(AppError::Forbidden),
        other => Ok(other),
    }
}

async fn staff_ledger(State(state): State<AppState>, ctx: Ctx, Query(q): Query<LedgerQuery>) -> AppResult<Response> {
    let units = answering_units(&ctx)?;
    let awaiting = match q.stan.as_str() {
        "" | "czeka" => Some(true),
        "odpowiedziane" => Some(false),
        _ => None,
    };
    let filter = LedgerFilter { public_only: false, body: None, unit: None, units, awaiting };
    let page = q.page();
    let today = today();
    let Page { items, total } = db::ledger(&state.db, &filter, PER_PAGE, (page - 1) * PER_PAGE).await?;
    render(&StaffTpl {
        ctx: &ctx,
        lines: items.into_iter().map(|r| line(ctx.lang, r, today)).collect(),
        total,
        page,
        pages: ((total + PER_PAGE - 1) / PER_PAGE).max(1),
        pager_base: q.base("/admin/odpowiedzi"),
        q,
    })
}

#[derive(Template)]
#[template(path = "ledger/step_form.html")]
struct StepTpl<'a> {
    ctx: &'a Ctx,
    s: Shown,
    choices: Vec<Opt>,
    f: StepForm,
    errors: FormErrors,
}

/// Request `id` for the staff of the department it is addressed to; anyone else is refused.
/// An advice request is the advisers' and is answered on their page, never by a step here.
async fn to_answer(state: &AppState, ctx: &Ctx, id: i64) -> AppResult<Result<TrackedRow, Response>> {
    let t = db::get(&state.db, id).await?.ok_or(AppError::NotFound)?;
    if t.kind == TrackedKind::AdviceRequest {
        return Ok(Err(redirect(&format!("/admin/doradztwo/{id}")).into_response()));
    }
    ctx.require(Action::ManageUnit(t.unit_id))?;
    Ok(Ok(t))
}

async fn step_view(state: &AppState, ctx: &Ctx, t: TrackedRow, f: StepForm, errors: FormErrors) -> AppResult<Response> {
    let lang = ctx.lang;
    let choices = TrackedState::VALUES
        .iter()
        .filter(|to| t.state.can_move_to(**to, t.kind))
        .map(|to| Opt { value: to.as_str().to_owned(), label: lang.t(&format!("tracked-step-{to}")) })
        .collect();
    let s = shown(state, ctx, t).await?;
    let errors = errors.labelled("note", ctx.t("tracked-note")).labelled("to", ctx.t("tracked-step"));
    render_form(&errors.clone(), &StepTpl { ctx, s, choices, f, errors })
}

async fn step_form(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> AppResult<Response> {
    let t = match to_answer(&state, &ctx, id).await? {
        Ok(t) => t,
        Err(elsewhere) => return Ok(elsewhere),
    };
    let first =
        TrackedState::VALUES.iter().find(|to| t.state.can_move_to(**to, t.kind) && **to != TrackedState::Acknowledged);
    let f = StepForm { to: first.map(|s| s.as_str().to_owned()).unwrap_or_default(), note: String::new() };
    step_view(&state, &ctx, t, f, FormErrors::default()).await
}

async fn take_step(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(f): Form<StepForm>,
) -> AppResult<Response> {
    let t = match to_answer(&state, &ctx, id).await? {
        Ok(t) => t,
        Err(elsewhere) => return Ok(elsewhere),
    };
    let step = match f.parse(t.kind, t.state) {
        Ok(step) => step,
        Err(e) => return step_view(&state, &ctx, t, f, FormErrors::from_invalid(&e, ctx.lang)).await,
    };
    let user = ctx.require(Action::ManageUnit(t.unit_id))?;
    let entry: AuditEntry =
        ctx.audit("tracked.step", "tracked_request", format!("{}: {} → {}", t.title, t.state, step.to));
    let actor = Actor { id: Some(user.id), label: &user.display_name };
    if !db::take_step(&state.db, id, t.state, &step, today(), actor, &entry).await? {
        // Someone else moved it meanwhile: show where it stands now, keeping what was typed.
        let now = db::get(&state.db, id).await?.ok_or(AppError::NotFound)?;
        let errors = FormErrors::general("to", ctx.t("error-tracked-moved"), ctx.lang);
        return step_view(&state, &ctx, now, f, errors).await;
    }
    Ok(redirect(&format!("/odpowiedzi-miasta/{id}?ok=flash-tracked-{}", step.to)).into_response())
}
