//! The consultation report: generated from the data with the organiser's introduction and
//! conclusions; public (private persons pseudonymised) or full for staff; HTML and CSV.

use super::common::{OkQuery, consultation_to_manage};
use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::forms::FormErrors;
use crate::i18n::localized;
use crate::i18n::{Arg, Lang};
use crate::mail::Mail;
use crate::render::{render, render_form};
use crate::state::AppState;
use crate::time;
use crate::urls::redirect;
use crate::views::consultation::visible;
use crate::views::remark::{section_of, who};
use agora_db::consultation::{self as dbc, Consultation};
use agora_db::remarks::{self, Count, RemarkFilter, RemarkRow};
use agora_db::reports::{self, Report};
use agora_domain::Invalid;
use agora_domain::consultation::Status;
use agora_domain::permission::Action;
use agora_domain::visibility::{Item, Viewer, may_see};

use agora_domain::validation::bounded_text;
use agora_export::csv_rows::Separator;
use askama::Template;
use axum::Router;
use axum::extract::{Form, Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde::Deserialize;

/// Remarks per page of the HTML report.
const PER_PAGE: i64 = 500;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/konsultacje/{slug}/raport", get(report_page))
        .route("/konsultacje/{slug}/raport.csv", get(report_csv))
        .route("/konsultacje/{slug}/raport.pdf", get(report_pdf))
        .route("/konsultacje/{slug}/raport.docx", get(report_docx))
        .route("/konsultacje/{slug}/raport.xlsx", get(report_xlsx))
        .route("/admin/konsultacje/{id}/raport", get(edit_form).post(save))
        .route("/admin/konsultacje/{id}/raport/publikuj", get(publish_page).post(publish))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ReportQuery {
    wersja: String,
    strona: String,
    /// `przecinek` for a CSV with commas.
    separator: String,
}

/// Whether this request gets the full version (names and contacts): staff of the unit only.
fn full_version(ctx: &Ctx, c: &Consultation, q: &ReportQuery) -> AppResult<bool> {
    if q.wersja == "pelna" {
        ctx.require(Action::ManageUnit(c.unit_id))?;
        return Ok(true);
    }
    Ok(false)
}

/// The report text a request may see: the published one, or for staff the newest draft.
async fn text_for(state: &AppState, ctx: &Ctx, c: &Consultation) -> AppResult<(Option<Report>, bool)> {
    if let Some(r) = reports::published(&state.db, c.id).await? {
        return Ok((Some(r), false));
    }
    if ctx.can(Action::ManageUnit(c.unit_id)) {
        return Ok((reports::latest(&state.db, c.id).await?, true));
    }
    Err(AppError::NotFound)
}

struct RemarkLine {
    number: i32,
    section: String,
    proposed_change: String,
    justification: String,
    who: String,
    channel: String,
    decision: String,
    answer: String,
    hidden: Option<String>,
}

fn line(lang: Lang, r: RemarkRow, full: bool) -> RemarkLine {
    let shown = full || may_see(Viewer::ANONYMOUS, Item::RemarkText { moderation: r.moderation });
    let hidden = (!shown).then(|| r.hidden_reason.clone().unwrap_or_default());
    let who = if full {
        [r.name.clone(), r.organisation.clone(), r.email.clone(), r.district_name.clone()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", ")
    } else {
        who(lang, &r)
    };
    RemarkLine {
        number: r.number,
        section: section_of(&r),
        channel: lang.t(&format!("channel-{}", r.channel)),
        decision: r
            .decision
            .as_ref()
            .map(|d| lang.t(&format!("decision-{d}")))
            .unwrap_or_else(|| lang.t("report-no-decision")),
        answer: r.decision_justification.clone().unwrap_or_default(),
        proposed_change: if hidden.is_some() { String::new() } else { r.proposed_change },
        justification: if hidden.is_some() { String::new() } else { r.justification },
        who,
        hidden,
    }
}

struct CountTable {
    caption: String,
    rows: Vec<(String, i64)>,
}

fn table(lang: Lang, caption: &str, prefix: &str, counts: Vec<Count>) -> CountTable {
    CountTable {
        caption: lang.t(caption),
        rows: counts
            .into_iter()
            .map(|c| {
                let label = match (c.label, prefix) {
                    (Some(l), "") => l,
                    (Some(l), p) => lang.t(&format!("{p}{l}")),
                    (None, "decision-") => lang.t("report-no-decision"),
                    (None, _) => lang.t("report-not-given"),
                };
                (label, c.n)
            })
            .collect(),
    }
}

struct MethodLine {
    kind: String,
    title: String,
    when: String,
    attendance: Option<i32>,
}

#[derive(Template)]
#[template(path = "report/page.html")]
struct ReportTpl<'a> {
    ctx: &'a Ctx,
    c: Consultation,
    report: Option<Report>,
    draft: bool,
    full: bool,
    intro_html: String,
    conclusions_html: String,
    organiser: String,
    dates: String,
    legal_basis: String,
    methods: Vec<String>,
    events: Vec<MethodLine>,
    tables: Vec<CountTable>,
    remarks: Vec<RemarkLine>,
    total: i64,
    documents: Vec<(String, String)>,
    page: i64,
    pages: i64,
    pager_base: String,
    downloads: Vec<(String, String)>,
    surveys: Vec<crate::views::survey_results::ReportSurvey>,
}

async fn report_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Query(q): Query<ReportQuery>,
) -> AppResult<Response> {
    let c = visible(&state, &ctx, &slug).await?;
    let full = full_version(&ctx, &c, &q)?;
    let (report, draft) = text_for(&state, &ctx, &c).await?;
    let lang = ctx.lang;
    let page = q.strona.parse::<i64>().unwrap_or(1).clamp(1, 100_000);
    let filter = RemarkFilter { public: !full, ..Default::default() };
    let p = remarks::list(&state.db, c.id, &filter, PER_PAGE, (page - 1) * PER_PAGE).await?;
    let [by_channel, by_decision, by_district, by_kind] = remarks::counts(&state.db, c.id).await?;
    let units = agora_db::reference::units(&state.db).await?;
    let organiser =
        localized(lang, c.unit_name.clone(), units.iter().find(|u| u.id == c.unit_id).and_then(|u| u.name_en.clone()));
    let methods = agora_db::programme::methods(&state.db, c.id)
        .await?
        .into_iter()
        .map(|m| lang.t(&format!("method-{}", m.kind)))
        .collect();
    let events = agora_db::programme::events(&state.db, c.id)
        .await?
        .into_iter()
        .map(|e| MethodLine {
            kind: lang.t(&format!("method-{}", e.kind)),
            title: e.title,
            when: time::day_time(lang, e.starts_at),
            attendance: e.attendance,
        })
        .collect();
    let documents = agora_db::documents::list(&state.db, c.id)
        .await?
        .into_iter()
        .filter_map(|d| {
            d.versions
                .first()
                .map(|v| (d.title.clone(), format!("/konsultacje/{}/dokumenty/{}/{}", c.slug, d.id, v.version)))
        })
        .collect();
    let suffix = if full { "wersja=pelna&" } else { "" };
    let tpl = ReportTpl {
        ctx: &ctx,
        intro_html: report.as_ref().map(|r| crate::markdown::to_html(&r.introduction)).unwrap_or_default(),
        conclusions_html: report.as_ref().map(|r| crate::markdown::to_html(&r.conclusions)).unwrap_or_default(),
        organiser,
        dates: format!("{} – {}", time::day_time(lang, c.opens_at), time::day_time(lang, c.closes_at)),
        legal_basis: format!(
            "{}{}",
            lang.t(&format!("legal-basis-{}", c.legal_basis)),
            c.enabling_act.as_ref().map(|a| format!(" — {a}")).unwrap_or_default()
        ),
        methods,
        events,
        tables: vec![
            table(lang, "report-by-channel", "channel-", by_channel),
            table(lang, "report-by-decision", "decision-", by_decision),
            table(lang, "report-by-district", "", by_district),
            table(lang, "report-by-kind", "submitter-kind-", by_kind),
        ],
        remarks: p.items.into_iter().map(|r| line(lang, r, full)).collect(),
        total: p.total,
        documents,
        pages: ((p.total + PER_PAGE - 1) / PER_PAGE).max(1),
        page,
        pager_base: format!("/konsultacje/{}/raport?{suffix}", c.slug),
        surveys: crate::views::survey_results::report_sections(&state, ctx.lang, c.id).await?,
        // The CSV twice: with semicolons for Excel in Polish (the default), and with commas.
        downloads: [("pdf", ""), ("docx", ""), ("xlsx", ""), ("csv", ""), ("csv", "separator=przecinek")]
            .iter()
            .map(|(ext, param)| {
                let query = [if full { "wersja=pelna" } else { "" }, param]
                    .into_iter()
                    .filter(|q| !q.is_empty())
                    .collect::<Vec<_>>()
                    .join("&");
                let key = if param.is_empty() {
                    format!("report-download-{ext}")
                } else {
                    "report-download-csv-comma".into()
                };
                (
                    ctx.t(&key),
                    format!("/konsultacje/{}/raport.{ext}{}{query}", c.slug, if query.is_empty() { "" } else { "?" }),
                )
            })
            .collect(),
        report,
        draft,
        full,
        c,
    };
    render(&tpl)
}

async fn report_csv(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Query(q): Query<ReportQuery>,
) -> AppResult<Response> {
    let c = visible(&state, &ctx, &slug).await?;
    let full = full_version(&ctx, &c, &q)?;
    text_for(&state, &ctx, &c).await?;
    let lang = ctx.lang;
    let sep = Separator::from_param(&q.separator);
    let header_row = agora_export::csv_rows::header(
        sep,
        [
            "report-col-number",
            "field-section",
            "field-proposed-change",
            "field-remark-justification",
            "report-col-who",
            "filter-channel",
            "field-decision",
            "field-answer",
        ]
        .map(|k| lang.t(k)),
    );
    let (tx, rx) = tokio::sync::mpsc::channel::<Vec<u8>>(32);
    let db = state.db.clone();
    let id = c.id;
    tokio::spawn(async move {
        if tx.send(header_row).await.is_err() {
            return;
        }
        let result = remarks::for_each(&db, id, !full, |r| {
            let tx = tx.clone();
            let l = line(lang, r, full);
            let hidden = l.hidden.map(|reason| lang.t_args("remark-hidden", &[("reason", Arg::Str(reason))]));
            let record = agora_export::csv_rows::record(
                sep,
                [
                    l.number.to_string(),
                    l.section,
                    hidden.unwrap_or(l.proposed_change),
                    l.justification,
                    l.who,
                    l.channel,
                    l.decision,
                    l.answer,
                ],
            );
            async move { tx.send(record).await.is_ok() }
        })
        .await;
        if let Err(e) = result {
            tracing::error!(error = %e, "report export failed");
        }
    });
    Ok(crate::render::csv_download(rx, &format!("raport-{}.csv", c.slug)))
}

// ---- editing and publishing ----

#[derive(Template)]
#[template(path = "report/edit.html")]
struct EditTpl<'a> {
    ctx: &'a Ctx,
    c: Consultation,
    introduction: String,
    conclusions: String,
    version: Option<(i32, bool)>,
    unanswered: i64,
    can_publish: bool,
    errors: FormErrors,
    notice: Option<String>,
}

async fn edit_view(
    state: &AppState,
    ctx: &Ctx,
    c: Consultation,
    form: Option<ReportForm>,
    errors: FormErrors,
    notice: Option<String>,
) -> AppResult<Response> {
    let latest = reports::latest(&state.db, c.id).await?;
    let (answered, total) = remarks::progress(&state.db, c.id).await?;
    let (introduction, conclusions) = match (form, &latest) {
        (Some(f), _) => (f.introduction, f.conclusions),
        (None, Some(r)) => (r.introduction.clone(), r.conclusions.clone()),
        (None, None) => (String::new(), String::new()),
    };
    let tpl = EditTpl {
        ctx,
        introduction,
        conclusions,
        version: latest.as_ref().map(|r| (r.version, r.published_at.is_some())),
        unanswered: total - answered,
        can_publish: matches!(c.status, Status::Closed | Status::ReportPublished | Status::Archived),
        errors,
        notice,
        c,
    };
    render_form(&tpl.errors, &tpl)
}

async fn edit_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<OkQuery>,
) -> AppResult<Response> {
    let c = consultation_to_manage(&state, &ctx, id).await?;
    let notice = q.notice(&ctx);
    edit_view(&state, &ctx, c, None, FormErrors::default(), notice).await
}

/// The report's own text around the remarks: what the consultation was and what follows.
#[derive(Deserialize, Default)]
#[serde(default)]
struct ReportForm {
    introduction: String,
    conclusions: String,
}

async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(f): Form<ReportForm>,
) -> AppResult<Response> {
    let c = consultation_to_manage(&state, &ctx, id).await?;
    let mut inv = Invalid::default();
    let intro = inv.check(bounded_text("introduction", &f.introduction, 10, 100_000));
    let concl = inv.check(bounded_text("conclusions", &f.conclusions, 10, 100_000));
    let (Some(intro), Some(concl)) = (intro, concl) else {
        return edit_view(&state, &ctx, c, Some(f), FormErrors::from_invalid(&inv, ctx.lang), None).await;
    };
    reports::save_draft(&state.db, id, &intro, &concl, &ctx.audit("report.save", "consultation", c.slug.clone()))
        .await?;
    Ok(redirect(&format!("/admin/konsultacje/{id}/raport?ok=flash-saved")).into_response())
}

#[derive(Template)]
#[template(path = "report/publish.html")]
struct PublishTpl<'a> {
    ctx: &'a Ctx,
    c: Consultation,
    remarks: i64,
    recipients: i64,
}

/// Why the report cannot be published now, as the editor showing the reason; `None` when it can.
async fn cannot_publish(state: &AppState, ctx: &Ctx, c: &Consultation) -> AppResult<Option<Response>> {
    let (answered, total) = remarks::progress(&state.db, c.id).await?;
    let key = if !matches!(c.status, Status::Closed | Status::ReportPublished | Status::Archived) {
        "report-not-closed"
    } else if answered < total {
        "report-unanswered"
    } else {
        return Ok(None);
    };
    let errors = FormErrors::general("introduction", ctx.t(key), ctx.lang);
    Ok(Some(edit_view(state, ctx, c.clone(), None, errors, None).await?))
}

/// Publishing mails everyone who gave an address, which cannot be undone: it is confirmed
/// on this page, which says how many remarks go public and how many people are told.
async fn publish_page(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> AppResult<Response> {
    let c = consultation_to_manage(&state, &ctx, id).await?;
    if let Some(refusal) = cannot_publish(&state, &ctx, &c).await? {
        return Ok(refusal);
    }
    let (_, remarks_total) = remarks::progress(&state.db, id).await?;
    let recipients = i64::try_from(remarks::notify_addresses(&state.db, id).await?.len()).unwrap_or(i64::MAX);
    render(&PublishTpl { ctx: &ctx, c, remarks: remarks_total, recipients })
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct PublishForm {
    /// `yes` from the confirmation page; anything else shows that page.
    confirm: String,
}

async fn publish(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(f): Form<PublishForm>,
) -> AppResult<Response> {
    let c = consultation_to_manage(&state, &ctx, id).await?;
    if f.confirm != "yes" {
        return Ok(redirect(&format!("/admin/konsultacje/{id}/raport/publikuj")).into_response());
    }
    if let Some(refusal) = cannot_publish(&state, &ctx, &c).await? {
        return Ok(refusal);
    }
    let by = ctx.user.as_ref().map(|u| u.display_name.clone()).unwrap_or_default();
    if !reports::publish(&state.db, id, &by, &ctx.audit("report.publish", "consultation", c.slug.clone())).await? {
        let errors = FormErrors::general("introduction", ctx.t("report-no-draft"), ctx.lang);
        return edit_view(&state, &ctx, c, None, errors, None).await;
    }
    if c.status == Status::Closed {
        let entry = ctx.audit("consultation.status", "consultation", "closed → report_published");
        dbc::transition(&state.db, id, Status::Closed, Status::ReportPublished, None, &entry).await?;
    }
    let link = format!("{}/konsultacje/{}/raport", state.config.base_url, c.slug);
    for (to, lang) in remarks::notify_addresses(&state.db, id).await? {
        // Each submitter is written to in the language they sent their remarks in.
        let lang = Lang::parse(&lang).unwrap_or(Lang::Pl);
        let args = [("title", Arg::Str(c.title.clone())), ("link", Arg::Str(link.clone()))];
        let mail = Mail {
            attachments: Vec::new(),
            unsubscribe: None,
            to,
            subject: lang.t_args("mail-report-subject", &args[..1]),
            body: lang.t_args("mail-report-body", &args),
        };
        crate::jobs::queue_mail(&state, mail).await?;
    }
    Ok(redirect(&format!("/admin/konsultacje/{id}/raport?ok=flash-report-published")).into_response())
}

// ---- documents for download ----

/// Builds the whole report as data for the PDF, DOCX and XLSX writers.
async fn report_doc(
    state: &AppState,
    ctx: &Ctx,
    c: &Consultation,
    report: Option<&Report>,
    full: bool,
) -> AppResult<agora_export::report::ReportDoc> {
    use agora_export::report::{CountTable as XTable, EventLine, Labels, RemarkLine as XLine, ReportDoc};
    let lang = ctx.lang;
    let t = |k: &str| lang.t(k);
    let units = agora_db::reference::units(&state.db).await?;
    let [by_channel, by_decision, by_district, by_kind] = remarks::counts(&state.db, c.id).await?;
    let tables = [
        table(lang, "report-by-channel", "channel-", by_channel),
        table(lang, "report-by-decision", "decision-", by_decision),
        table(lang, "report-by-district", "", by_district),
        table(lang, "report-by-kind", "submitter-kind-", by_kind),
    ];
    let mut lines = Vec::new();
    remarks::for_each(&state.db, c.id, !full, |r| {
        let l = line(lang, r, full);
        let hidden = l.hidden.clone().map(|reason| lang.t_args("remark-hidden", &[("reason", Arg::Str(reason))]));
        lines.push(XLine {
            number: l.number,
            section: l.section,
            proposed_change: hidden.unwrap_or(l.proposed_change),
            justification: l.justification,
            who: l.who,
            channel: l.channel,
            decision: l.decision,
            answer: l.answer,
        });
        async { true }
    })
    .await?;
    Ok(ReportDoc {
        lang: lang.code().into(),
        labels: Labels {
            report: t("report-title"),
            version: report
                .map(|r| lang.t_args("report-version", &[("n", Arg::Num(r.version.into()))]))
                .unwrap_or_default(),
            edition_note: t(if full { "report-full-banner" } else { "report-public-note" }),
            subject: t("consultation-subject"),
            organiser: t("consultation-organiser"),
            dates: t("consultation-dates"),
            legal_basis: t("consultation-legal-basis"),
            methods: t("programme-methods"),
            introduction: t("report-introduction"),
            events: t("report-events"),
            attendance: t("field-attendance"),
            counts: t("report-counts"),
            remarks: t("report-remarks"),
            col_number: t("report-col-number"),
            col_section: t("field-section"),
            col_proposed: t("field-proposed-change"),
            col_justification: t("field-remark-justification"),
            col_who: t("report-col-who"),
            col_channel: t("filter-channel"),
            col_decision: t("field-decision"),
            col_answer: t("field-answer"),
            documents: t("consultation-documents"),
            conclusions: t("report-conclusions"),
            survey: t("report-survey"),
        },
        title: c.title.clone(),
        subject: if c.subject.is_empty() { c.title.clone() } else { c.subject.clone() },
        organiser: localized(
            lang,
            c.unit_name.clone(),
            units.iter().find(|u| u.id == c.unit_id).and_then(|u| u.name_en.clone()),
        ),
        dates: format!("{} – {}", time::day_time(lang, c.opens_at), time::day_time(lang, c.closes_at)),
        legal_basis: format!(
            "{}{}",
            t(&format!("legal-basis-{}", c.legal_basis)),
            c.enabling_act.as_ref().map(|a| format!(" — {a}")).unwrap_or_default()
        ),
        methods: agora_db::programme::methods(&state.db, c.id)
            .await?
            .into_iter()
            .map(|m| t(&format!("method-{}", m.kind)))
            .collect(),
        events: agora_db::programme::events(&state.db, c.id)
            .await?
            .into_iter()
            .map(|e| EventLine {
                kind: t(&format!("method-{}", e.kind)),
                title: e.title,
                when: time::day_time(lang, e.starts_at),
                attendance: e.attendance,
            })
            .collect(),
        introduction: report.map(|r| r.introduction.clone()).unwrap_or_default(),
        counts: tables.into_iter().map(|x| XTable { caption: x.caption, rows: x.rows }).collect(),
        remarks: lines,
        survey: crate::views::survey_results::report_sections(state, lang, c.id)
            .await?
            .iter()
            .flat_map(|s| s.lines())
            .collect(),
        documents: agora_db::documents::list(&state.db, c.id).await?.into_iter().map(|d| d.title).collect(),
        conclusions: report.map(|r| r.conclusions.clone()).unwrap_or_default(),
    })
}

/// Which writer.
#[derive(Clone, Copy)]
enum Format {
    Pdf,
    Docx,
    Xlsx,
}

async fn download(state: AppState, ctx: Ctx, slug: String, q: ReportQuery, format: Format) -> AppResult<Response> {
    let c = visible(&state, &ctx, &slug).await?;
    let full = full_version(&ctx, &c, &q)?;
    let (report, _) = text_for(&state, &ctx, &c).await?;
    let doc = report_doc(&state, &ctx, &c, report.as_ref(), full).await?;
    // Writing a large report is CPU work: keep it off the threads that serve requests. It is
    // also the largest thing the server builds: it starts from memory given back to the
    // system, and gives back what it used.
    let bytes = tokio::task::spawn_blocking(move || {
        crate::memory::release();
        let bytes = match format {
            Format::Pdf => agora_export::pdf::pdf(&doc).map_err(|e| e.to_string()),
            Format::Docx => agora_export::docx::docx(&doc).map_err(|e| e.to_string()),
            Format::Xlsx => agora_export::xlsx::xlsx(&doc).map_err(|e| e.to_string()),
        };
        drop(doc);
        crate::memory::release();
        bytes
    })
    .await
    .map_err(|e| AppError::Internal(e.to_string()))?
    .map_err(|e| AppError::Internal(format!("report {slug}: {e}")))?;
    let (ct, ext) = match format {
        Format::Pdf => ("application/pdf", "pdf"),
        Format::Docx => ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
        Format::Xlsx => ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    };
    let edition = if full { "-pelny" } else { "" };
    Ok((
        [
            (header::CONTENT_TYPE, ct.to_owned()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"raport-{}{edition}.{ext}\"", c.slug)),
        ],
        bytes,
    )
        .into_response())
}

async fn report_pdf(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Query(q): Query<ReportQuery>,
) -> AppResult<Response> {
    download(state, ctx, slug, q, Format::Pdf).await
}

async fn report_docx(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Query(q): Query<ReportQuery>,
) -> AppResult<Response> {
    download(state, ctx, slug, q, Format::Docx).await
}

async fn report_xlsx(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Query(q): Query<ReportQuery>,
) -> AppResult<Response> {
    download(state, ctx, slug, q, Format::Xlsx).await
}
