//! Recognition of the people who give their time to dialogue bodies: a member shows or hides
//! their own record on the body's page, gets a certificate of participation for a period (or
//! the body's secretary issues one for them), and anyone reads a body's yearly activity report
//! as a page or a PDF.

use super::common::{OkQuery, Opt};
use crate::cache::{Changed, changed};
use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::forms::FormErrors;
use crate::i18n::{Arg, Lang, localized};
use crate::render::{render, render_form, render_public};
use crate::state::AppState;
use crate::time::{self, day, local_date};
use crate::urls::redirect;
use crate::views::recognition::served;
use agora_db::bodies::{self, BodyDetail, Membership};
use agora_db::recognition::{self as db, NewCertificate};
use agora_domain::body::MembershipSpan;
use agora_domain::meeting::{Attendee, quorum};
use agora_domain::permission::Action;
use agora_domain::recognition::{CertificateForm, Period, may_keep_record, person_memberships, within, year_span};
use agora_domain::tracked::overdue_days;
use agora_export::report::CountTable;
use agora_export::sheet::{Block, Sheet};
use askama::Template;
use axum::Router;
use axum::extract::{Form, Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use chrono_tz::Europe::Warsaw;
use serde::Deserialize;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/ciala-dialogu/{slug}/moj-udzial", post(set_consent))
        .route("/ciala-dialogu/{slug}/zaswiadczenie", get(certificate_form).post(issue_certificate))
        .route("/ciala-dialogu/{slug}/sprawozdanie/{year}", get(year_report))
        .route("/konto/ciala-dialogu", get(my_bodies))
}

fn today() -> NaiveDate {
    local_date(Utc::now())
}

/// The first instant of Warsaw day `d`.
fn start_of(d: NaiveDate) -> AppResult<DateTime<Utc>> {
    d.and_hms_opt(0, 0, 0)
        .and_then(|t| Warsaw.from_local_datetime(&t).earliest())
        .map(|t| t.with_timezone(&Utc))
        .ok_or(AppError::BadRequest)
}

/// From the first instant of `from` until before the first instant of the day after `to`.
fn instants(from: NaiveDate, to: NaiveDate) -> AppResult<(DateTime<Utc>, DateTime<Utc>)> {
    Ok((start_of(from)?, start_of(to.succ_opt().ok_or(AppError::BadRequest)?)?))
}

pub(super) fn pdf_response(bytes: Vec<u8>, filename: &str) -> Response {
    (
        [
            (header::CONTENT_TYPE, "application/pdf".to_owned()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{filename}\"")),
        ],
        bytes,
    )
        .into_response()
}

/// Lays out `sheet` off the threads that serve requests.
pub(super) async fn sheet_pdf(sheet: Sheet) -> AppResult<Vec<u8>> {
    tokio::task::spawn_blocking(move || agora_export::pdf::sheet(&sheet))
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?
        .map_err(|e| AppError::Internal(format!("sheet: {e}")))
}

// ---- consent ----

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ConsentForm {
    show: String,
    /// Where the form was sent from: "konto" for the account page, else the body's page.
    back: String,
}

/// A member shows or hides their own record; no one else can do it for them.
async fn set_consent(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Form(f): Form<ConsentForm>,
) -> AppResult<Response> {
    let user = ctx.require_user()?;
    let d = bodies::by_slug(&state.db, &slug).await?.ok_or(AppError::NotFound)?;
    let spans: Vec<MembershipSpan> =
        bodies::memberships(&state.db, d.body.id).await?.iter().map(Membership::span).collect();
    if !may_keep_record(&spans, user.id) {
        return Err(AppError::Forbidden);
    }
    let show = match f.show.as_str() {
        "yes" => true,
        "no" => false,
        _ => return Err(AppError::BadRequest),
    };
    let action = if show { "body_record.show" } else { "body_record.hide" };
    let entry = ctx.audit(action, "dialogue_body", format!("{}: {}", d.body.name_pl, user.display_name));
    db::set_consent(&state.db, d.body.id, user.id, show, &entry).await?;
    let flash = if show { "flash-record-shown" } else { "flash-record-hidden" };
    let to = if f.back == "konto" {
        format!("/konto/ciala-dialogu?ok={flash}")
    } else {
        format!("/ciala-dialogu/{slug}?ok={flash}#udzial")
    };
    Ok(redirect(&to).into_response())
}

struct MyBodyView {
    slug: String,
    name: String,
    shown: bool,
}

#[derive(Template)]
#[template(path = "recognition/mine.html")]
struct MineTpl<'a> {
    ctx: &'a Ctx,
    bodies: Vec<MyBodyView>,
    notice: Option<String>,
}

/// The bodies a signed-in person sits or sat on, each with their record's switch and the way
/// to their certificate.
async fn my_bodies(State(state): State<AppState>, ctx: Ctx, Query(q): Query<OkQuery>) -> AppResult<Response> {
    let user = ctx.require_user()?;
    let bodies = db::my_bodies(&state.db, user.id)
        .await?
        .into_iter()
        .map(|b| MyBodyView { slug: b.slug, name: localized(ctx.lang, b.name_pl, b.name_en), shown: b.shown })
        .collect();
    let notice = q.notice(&ctx);
    render(&MineTpl { ctx: &ctx, bodies, notice })
}

// ---- the certificate of participation ----

/// Who asks for a certificate in a body, and whose they may ask for.
struct Certifying {
    d: BodyDetail,
    /// Every membership of the body, the latest start first.
    all: Vec<Membership>,
    /// The body's secretary or an administrator: for any member.
    staff: bool,
    /// The asker's own latest membership, when they are a member.
    own: Option<Membership>,
}

/// The body at `slug` for someone who may ask for a certificate there; 403 for anyone else.
async fn certifying(state: &AppState, ctx: &Ctx, slug: &str) -> AppResult<Certifying> {
    let user = ctx.require_user()?;
    let d = bodies::by_slug(&state.db, slug).await?.ok_or(AppError::NotFound)?;
    let all = bodies::memberships(&state.db, d.body.id).await?;
    let staff = ctx.can(Action::ManageBody(d.body.id));
    let own = all.iter().find(|m| m.user_id == Some(user.id)).cloned();
    if !staff && own.is_none() {
        return Err(AppError::Forbidden);
    }
    Ok(Certifying { d, all, staff, own })
}

#[derive(Template)]
#[template(path = "recognition/certificate_form.html")]
struct CertificateTpl<'a> {
    ctx: &'a Ctx,
    slug: String,
    body: String,
    /// The people a secretary may choose from; empty for a member asking for their own.
    people: Vec<Opt>,
    /// The member asking for their own.
    own: Option<String>,
    f: CertificateForm,
    errors: FormErrors,
}

fn certificate_view(ctx: &Ctx, c: &Certifying, f: CertificateForm, errors: FormErrors) -> AppResult<Response> {
    let mut people: Vec<Opt> = Vec::new();
    if c.staff {
        let spans: Vec<MembershipSpan> = c.all.iter().map(Membership::span).collect();
        for (i, m) in c.all.iter().enumerate() {
            // One choice per person: their latest membership stands for all of them.
            if spans[..i].iter().any(|s| s.same_person(m.user_id, &m.person_name)) {
                continue;
            }
            let label = match &m.organisation {
                Some(o) => format!("{} ({o})", m.person_name),
                None => m.person_name.clone(),
            };
            people.push(Opt { value: m.id.to_string(), label });
        }
        people.sort_by(|a, b| a.label.cmp(&b.label));
    }
    let errors = errors
        .labelled("from_on", ctx.t("recognition-field-from"))
        .labelled("to_on", ctx.t("recognition-field-to"))
        .labelled("member", ctx.t("recognition-field-member"));
    let tpl = CertificateTpl {
        ctx,
        slug: c.d.body.slug.clone(),
        body: localized(ctx.lang, c.d.body.name_pl.clone(), c.d.body.name_en.clone()),
        people,
        own: c.own.as_ref().map(|m| m.person_name.clone()),
        f,
        errors,
    };
    render_form(&tpl.errors.clone(), &tpl)
}

async fn certificate_form(State(state): State<AppState>, ctx: Ctx, Path(slug): Path<String>) -> AppResult<Response> {
    let c = certifying(&state, &ctx, &slug).await?;
    // The latest term's start, or the person's own start, up to today: the usual request.
    let from = c.own.as_ref().map(|m| m.starts_on).or_else(|| c.d.terms.first().map(|t| t.starts_on));
    let f = CertificateForm {
        from_on: from.map(|d| d.to_string()).unwrap_or_default(),
        to_on: today().to_string(),
        member: if c.staff { String::new() } else { c.own.as_ref().map(|m| m.id.to_string()).unwrap_or_default() },
    };
    certificate_view(&ctx, &c, f, FormErrors::default())
}

/// Everything a certificate says.
pub struct Certificate {
    pub lang: Lang,
    pub person: String,
    pub body: String,
    pub period: Period,
    /// Roles with their terms or periods.
    pub served: Vec<String>,
    /// (day, title) of each meeting attended.
    pub meetings: Vec<(NaiveDate, String)>,
    /// (day adopted, kind, title) of each opinion co-signed.
    pub opinions: Vec<(NaiveDate, String, String)>,
    pub issued_on: NaiveDate,
    pub reference: String,
}

/// The certificate as a document.
pub fn certificate_sheet(c: &Certificate) -> Sheet {
    let lang = c.lang;
    let t = |k: &str| lang.t(k);
    let period = format!("{} – {}", day(lang, c.period.from), day(lang, c.period.to));
    let attests = lang.t_args(
        "recognition-cert-attests",
        &[
            ("name", Arg::Str(c.person.clone())),
            ("body", Arg::Str(c.body.clone())),
            ("period", Arg::Str(period.clone())),
        ],
    );
    let none = || Block::Paragraph(t("recognition-cert-none"));
    let list = |items: Vec<String>| if items.is_empty() { none() } else { Block::List(items) };
    Sheet {
        lang: lang.code().to_owned(),
        title: t("recognition-cert-title"),
        blocks: vec![
            Block::Terms(vec![
                (t("recognition-cert-person"), c.person.clone()),
                (t("recognition-cert-body"), c.body.clone()),
                (t("recognition-cert-period"), period),
                (t("recognition-cert-reference"), c.reference.clone()),
                (t("recognition-cert-issued"), day(lang, c.issued_on)),
            ]),
            Block::Paragraph(attests),
            Block::Heading(t("recognition-cert-roles")),
            list(c.served.clone()),
            Block::Heading(lang.t_args("recognition-cert-meetings", &[("count", Arg::Num(c.meetings.len() as i64))])),
            list(c.meetings.iter().map(|(d, title)| format!("{}: {title}", day(lang, *d))).collect()),
            Block::Heading(lang.t_args("recognition-cert-opinions", &[("count", Arg::Num(c.opinions.len() as i64))])),
            list(c.opinions.iter().map(|(d, kind, title)| format!("{}: {kind} „{title}”", day(lang, *d))).collect()),
            Block::Note(lang.t_args(
                "recognition-cert-note",
                &[("issued", Arg::Str(day(lang, c.issued_on))), ("reference", Arg::Str(c.reference.clone()))],
            )),
        ],
    }
}

async fn issue_certificate(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Form(f): Form<CertificateForm>,
) -> AppResult<Response> {
    let c = certifying(&state, &ctx, &slug).await?;
    let user = ctx.require_user()?;
    // A member gets their own; only the body's staff may name someone else.
    let named = match f.member.trim() {
        "" => None,
        raw => Some(raw.parse::<i64>().ok().and_then(|id| c.all.iter().find(|m| m.id == id))),
    };
    let chosen = match named {
        Some(m) if c.staff => m,
        Some(Some(m)) if m.user_id == Some(user.id) => Some(m),
        Some(_) => return Err(AppError::Forbidden),
        None => c.own.as_ref(),
    };
    let Some(chosen) = chosen.cloned() else {
        let errors = FormErrors::general("member", ctx.t("error-recognition-member-choose"), ctx.lang);
        return certificate_view(&ctx, &c, f, errors);
    };
    let spans: Vec<MembershipSpan> = c.all.iter().map(Membership::span).collect();
    let person = person_memberships(&spans, &chosen.span());
    let period = match f.parse(time::parse_date, today(), &person) {
        Ok(p) => p,
        Err(inv) => return certificate_view(&ctx, &c, f, FormErrors::from_invalid(&inv, ctx.lang)),
    };
    let lang = ctx.lang;
    let mine: Vec<&Membership> =
        c.all.iter().filter(|m| m.span().same_person(chosen.user_id, &chosen.person_name)).collect();
    let in_period: Vec<&&Membership> = mine.iter().filter(|m| within(&m.span(), period.from, period.to)).collect();
    let ids: Vec<i64> = mine.iter().map(|m| m.id).collect();
    let (from, until) = instants(period.from, period.to)?;
    let meetings = db::attended(&state.db, c.d.body.id, chosen.user_id, &ids, from, until).await?;
    let opinions = match chosen.user_id {
        Some(u) => db::cosigned(&state.db, c.d.body.id, u, period.from, period.to).await?,
        None => Vec::new(),
    };
    let issued_on = today();
    let body = localized(lang, c.d.body.name_pl.clone(), c.d.body.name_en.clone());
    let details = format!("{}: {} {} – {}", c.d.body.name_pl, chosen.person_name, period.from, period.to);
    let reference = db::issue(
        &state.db,
        &NewCertificate {
            body_id: c.d.body.id,
            // The latest membership of the period names the person as the certificate does.
            membership_id: in_period.first().map_or(chosen.id, |m| m.id),
            user_id: chosen.user_id,
            person_name: &chosen.person_name,
            from: period.from,
            to: period.to,
            issued_on,
            issued_by: Some(user.id),
        },
        &ctx.audit("certificate.issue", "dialogue_body", details),
    )
    .await?;
    let cert = Certificate {
        lang,
        person: in_period.first().map_or_else(|| chosen.person_name.clone(), |m| m.person_name.clone()),
        body,
        period,
        served: in_period.iter().rev().map(|m| served(lang, m)).collect(),
        meetings: meetings.into_iter().map(|m| (local_date(m.starts_at), m.title)).collect(),
        opinions: opinions
            .into_iter()
            .map(|o| (o.opened_on, lang.t(&format!("tracked-kind-{}", o.kind)), o.title))
            .collect(),
        issued_on,
        reference,
    };
    let bytes = sheet_pdf(certificate_sheet(&cert)).await?;
    let name = format!("zaswiadczenie-{}.pdf", cert.reference.replace('/', "-"));
    // Issuing changes no page anyone is shown.
    Ok(changed(pdf_response(bytes, &name), Changed::Nothing))
}

// ---- the yearly activity report ----

/// A line of the report: what, and the facts about it.
pub struct ReportLine {
    pub title: String,
    pub facts: String,
}

/// A body's year, as the page and the PDF show it.
pub struct YearReport {
    pub body: String,
    pub year: i32,
    pub counts: Vec<(String, i64)>,
    pub terms: Vec<String>,
    pub members: Vec<ReportLine>,
    pub meetings: Vec<ReportLine>,
    pub opinions: Vec<ReportLine>,
    pub referrals: Vec<ReportLine>,
}

async fn year_data(state: &AppState, lang: Lang, d: &BodyDetail, year: i32) -> AppResult<YearReport> {
    let (first, last) = year_span(year).ok_or(AppError::NotFound)?;
    let now = Utc::now();
    let today = local_date(now);
    let (from, until) = instants(first, last)?;
    let id = d.body.id;
    let mut members: Vec<Membership> =
        bodies::memberships(&state.db, id).await?.into_iter().filter(|m| within(&m.span(), first, last)).collect();
    members.sort_by(|a, b| a.role.rank().cmp(&b.role.rank()).then_with(|| a.person_name.cmp(&b.person_name)));
    let held: Vec<_> = agora_db::meetings::for_body(&state.db, id)
        .await?
        .into_iter()
        .filter(|m| m.body_id == id && m.starts_at >= from && m.starts_at < until && m.starts_at <= now)
        .rev()
        .collect();
    let y = db::year(&state.db, id, (from, until), (first, last)).await?;
    let meetings: Vec<ReportLine> = held
        .iter()
        .map(|m| {
            let list: Vec<Attendee> = y
                .attendance
                .iter()
                .filter(|a| a.meeting_id == m.id)
                .map(|a| Attendee {
                    user_id: a.user_id,
                    person_name: a.person_name.clone(),
                    voting: a.voting,
                    present: a.present,
                })
                .collect();
            let present = list.iter().filter(|a| a.present).count() as i64;
            let q = quorum(&list);
            let quorum_key = if list.is_empty() {
                "recognition-quorum-unknown"
            } else if q.reached() {
                "recognition-quorum-reached"
            } else {
                "recognition-quorum-missed"
            };
            let facts = lang.t_args(
                "recognition-meeting-facts",
                &[
                    ("when", Arg::Str(time::day_time(lang, m.starts_at))),
                    ("present", Arg::Num(present)),
                    ("listed", Arg::Num(list.len() as i64)),
                    ("quorum", Arg::Str(lang.t(quorum_key))),
                ],
            );
            ReportLine { title: m.title.clone(), facts }
        })
        .collect();
    let answered = y.requests.iter().filter(|r| !r.state.awaits_city()).count() as i64;
    let opinions = y
        .requests
        .iter()
        .map(|r| {
            let answer = match (r.state.awaits_city(), r.answered_on) {
                (false, Some(on)) => lang.t_args("recognition-answered-on", &[("date", Arg::Str(day(lang, on)))]),
                (false, None) => lang.t(&format!("tracked-state-{}", r.state)),
                (true, _) => match overdue_days(r.state, r.due_on, today) {
                    0 => lang.t_args("recognition-awaiting", &[("date", Arg::Str(day(lang, r.due_on)))]),
                    n => lang.t_args("recognition-overdue", &[("count", Arg::Num(i64::from(n)))]),
                },
            };
            let facts = lang.t_args(
                "recognition-opinion-facts",
                &[
                    ("kind", Arg::Str(lang.t(&format!("tracked-kind-{}", r.kind)))),
                    ("adopted", Arg::Str(day(lang, r.opened_on))),
                    ("unit", Arg::Str(localized(lang, r.unit_name.clone(), r.unit_name_en.clone()))),
                    ("state", Arg::Str(lang.t(&format!("tracked-state-{}", r.state)))),
                    ("answer", Arg::Str(answer)),
                    ("signatures", Arg::Num(r.signatures)),
                ],
            );
            ReportLine { title: r.title.clone(), facts }
        })
        .collect();
    let given = y.referrals.iter().filter(|r| r.opinions > 0).count() as i64;
    let referrals = y
        .referrals
        .iter()
        .map(|r| ReportLine {
            title: r.title.clone(),
            facts: lang.t_args(
                "recognition-referral-facts",
                &[
                    ("date", Arg::Str(day(lang, local_date(r.referred_at)))),
                    ("answered", Arg::Str(lang.t(if r.opinions > 0 { "recognition-yes" } else { "recognition-no" }))),
                ],
            ),
        })
        .collect();
    let counts = vec![
        (lang.t("recognition-count-members"), members.len() as i64),
        (lang.t("recognition-count-meetings"), held.len() as i64),
        (lang.t("recognition-count-opinions"), y.requests.len() as i64),
        (lang.t("recognition-count-answered"), answered),
        (lang.t("recognition-count-referrals"), y.referrals.len() as i64),
        (lang.t("recognition-count-referrals-answered"), given),
    ];
    Ok(YearReport {
        body: localized(lang, d.body.name_pl.clone(), d.body.name_en.clone()),
        year,
        counts,
        terms: d
            .terms
            .iter()
            .filter(|t| t.starts_on <= last && t.ends_on >= first)
            .map(|t| format!("{} ({} – {})", t.name, day(lang, t.starts_on), day(lang, t.ends_on)))
            .collect(),
        members: members
            .iter()
            .map(|m| ReportLine {
                title: match &m.organisation {
                    Some(o) => format!("{} ({o})", m.person_name),
                    None => m.person_name.clone(),
                },
                facts: served(lang, m),
            })
            .collect(),
        meetings,
        opinions,
        referrals,
    })
}

/// The report as a document.
pub fn year_sheet(lang: Lang, r: &YearReport) -> Sheet {
    let t = |k: &str| lang.t(k);
    let lines = |list: &[ReportLine]| -> Block {
        if list.is_empty() {
            Block::Paragraph(t("recognition-cert-none"))
        } else {
            Block::List(list.iter().map(|l| format!("{}. {}", l.title, l.facts)).collect())
        }
    };
    Sheet {
        lang: lang.code().to_owned(),
        title: year_title(lang, r),
        blocks: vec![
            Block::Counts(CountTable { caption: t("recognition-summary"), rows: r.counts.clone() }),
            Block::Heading(t("recognition-terms")),
            if r.terms.is_empty() {
                Block::Paragraph(t("recognition-cert-none"))
            } else {
                Block::List(r.terms.clone())
            },
            Block::Heading(t("recognition-members")),
            lines(&r.members),
            Block::Heading(t("recognition-meetings")),
            lines(&r.meetings),
            Block::Heading(t("recognition-opinions")),
            lines(&r.opinions),
            Block::Heading(t("recognition-referrals")),
            lines(&r.referrals),
        ],
    }
}

fn year_title(lang: Lang, r: &YearReport) -> String {
    lang.t_args(
        "recognition-report-title",
        &[("body", Arg::Str(r.body.clone())), ("year", Arg::Str(r.year.to_string()))],
    )
}

/// A list of the report's page under its heading.
struct Section {
    id: &'static str,
    heading: String,
    lines: Vec<ReportLine>,
}

#[derive(Template)]
#[template(path = "recognition/year.html")]
struct YearTpl<'a> {
    ctx: &'a Ctx,
    slug: String,
    title: String,
    r: YearReport,
    sections: Vec<Section>,
}

async fn year_report(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, raw)): Path<(String, String)>,
) -> AppResult<Response> {
    let (year, pdf) = match raw.strip_suffix(".pdf") {
        Some(y) => (y, true),
        None => (raw.as_str(), false),
    };
    // Only years that have begun: a report of the future would be empty, and so misleading.
    let year: i32 = year.parse().map_err(|_| AppError::NotFound)?;
    if year > chrono::Datelike::year(&today()) {
        return Err(AppError::NotFound);
    }
    let d = bodies::by_slug(&state.db, &slug).await?.ok_or(AppError::NotFound)?;
    let r = year_data(&state, ctx.lang, &d, year).await?;
    if pdf {
        let bytes = sheet_pdf(year_sheet(ctx.lang, &r)).await?;
        return Ok(pdf_response(bytes, &format!("sprawozdanie-{slug}-{year}.pdf")));
    }
    let title = year_title(ctx.lang, &r);
    let mut r = r;
    let section = |id: &'static str, key: &str, lines: &mut Vec<ReportLine>| Section {
        id,
        heading: ctx.t(key),
        lines: std::mem::take(lines),
    };
    let sections = vec![
        section("members", "recognition-members", &mut r.members),
        section("meetings", "recognition-meetings", &mut r.meetings),
        section("opinions", "recognition-opinions", &mut r.opinions),
        section("referrals", "recognition-referrals", &mut r.referrals),
    ];
    render_public(&YearTpl { ctx: &ctx, slug, title, r, sections }, None)
}
