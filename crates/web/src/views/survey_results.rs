//! A survey's results: tallies drawn as server-side SVG charts with their data tables, as the
//! results page, a consultation page and the consultation's report show them.

use crate::ctx::Ctx;
use crate::error::AppResult;
use crate::i18n::{Arg, Lang};
use crate::state::AppState;
use agora_db::surveys::{self as dbs, ResponseFilter, Survey};
use agora_domain::survey::{Question, QuestionKind, summarize};
use agora_domain::visibility::{Viewer, may_see};
use chrono::Utc;

/// One bar of a chart and its table row.
pub struct BarView {
    pub label: String,
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
    pub bars: Vec<BarView>,
    /// Matrix rows: (row label, bars, mean).
    pub rows: Vec<(String, Vec<BarView>, String)>,
    /// Latest text answers.
    pub texts: Vec<String>,
    /// Link to all text answers.
    pub texts_link: String,
}

pub fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

pub fn percent(lang: Lang, v: f64) -> String {
    let s = format!("{v:.1}%");
    if lang == Lang::Pl { s.replace('.', ",") } else { s }
}

pub fn number(lang: Lang, v: f64) -> String {
    let s = format!("{v:.2}");
    if lang == Lang::Pl { s.replace('.', ",") } else { s }
}

/// One bar of a chart: its label, its length as a share of the longest a bar may be, and
/// what is written after it.
pub struct ChartBar {
    pub label: String,
    /// 0 to 1.
    pub share: f64,
    pub value: String,
}

/// Height of one bar's row: its label above, the bar below.
const CHART_ROW: usize = 44;
/// The longest bar, in per cent of the chart's width: the value written after it must fit.
const CHART_BAR_MAX: f64 = 60.0;
/// Labels longer than this are cut in the chart (the data table beside it has them whole), so
/// that one fits on its line on a 320 px screen.
const CHART_LABEL_MAX: usize = 34;

/// A horizontal bar chart with its title, labels and values written out, so it reads
/// without colour and a screen reader gets the title (the table beside it has the data).
///
/// It has no `viewBox`: a chart scaled down to a phone's width would shrink its text with it
/// until nobody could read it. The chart takes the width it is given, its text keeps the
/// page's size, each label has a line of its own above its bar, and the bars are measured in
/// per cent of the width.
pub fn bar_chart(id: &str, title: &str, bars: &[ChartBar]) -> String {
    let height = bars.len() * CHART_ROW + 4;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" aria-labelledby=\"{id}-t\" width=\"100%\" height=\"{height}\"><title id=\"{id}-t\">{}</title>",
        esc(title)
    );
    for (i, b) in bars.iter().enumerate() {
        let y = i * CHART_ROW;
        let w = (b.share.clamp(0.0, 1.0) * CHART_BAR_MAX * 10.0).round() / 10.0;
        let label: String = if b.label.chars().count() > CHART_LABEL_MAX {
            format!("{}…", b.label.chars().take(CHART_LABEL_MAX - 1).collect::<String>())
        } else {
            b.label.clone()
        };
        // The label starts 2 px in: a capital's stroke reaches left of its origin and the
        // chart's edge would cut it.
        svg.push_str(&format!(
            "<text x=\"2\" y=\"{}\" class=\"chart-label\">{}</text><rect x=\"0\" y=\"{}\" width=\"{w}%\" height=\"16\" class=\"chart-bar\"></rect><text x=\"{}%\" y=\"{}\" class=\"chart-value\">{}</text>",
            y + 15,
            esc(&label),
            y + 21,
            w + 1.5,
            y + 34,
            esc(&b.value)
        ));
    }
    svg.push_str("</svg>");
    svg
}

/// The results of every question, from the tallies.
pub async fn result_views(
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
            // One chart per row would repeat the scale; the chart shows each row's mean instead,
            // as a share of the top of the scale, and writes the mean, not a count.
            let top = q.spec.options.len().max(1) as f64;
            let means: Vec<ChartBar> = sum
                .rows
                .iter()
                .zip(&rows)
                .map(|((_, _, mean), (row_label, _, _))| ChartBar {
                    label: row_label.clone(),
                    share: mean.map_or(0.0, |m| m / top),
                    value: mean.map_or_else(
                        || lang.t("survey-chart-no-answers"),
                        |m| lang.t_args("survey-mean", &[("value", Arg::Str(number(lang, m)))]),
                    ),
                })
                .collect();
            bar_chart(&id, &format!("{text} — {}", lang.t("survey-row-means")), &means)
        } else if bars.is_empty() {
            String::new()
        } else {
            let most = bars.iter().map(|b| b.n).max().unwrap_or(0).max(1) as f64;
            let chart: Vec<ChartBar> = bars
                .iter()
                .map(|b| ChartBar {
                    label: b.label.clone(),
                    share: b.n as f64 / most,
                    value: format!("{} ({})", b.n, b.percent),
                })
                .collect();
            bar_chart(&id, &text, &chart)
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
    pub caption: String,
    /// Column headers (profile answers).
    pub columns: Vec<String>,
    /// Rows: label and cells "n (p%)".
    pub rows: Vec<(String, Vec<String>)>,
}

pub fn may_see_results(ctx: &Ctx, s: &Survey) -> bool {
    ctx.may_see(s.results_item(Utc::now()))
}

/// What a consultation page shows of its surveys: (title, link, results link if public,
/// whether it takes answers now).
pub async fn links_for_consultation(
    state: &AppState,
    ctx: &Ctx,
    c: &agora_db::consultation::Consultation,
) -> AppResult<Vec<(String, String, Option<String>, bool)>> {
    let now = Utc::now();
    let gate_open = agora_domain::survey::consultation_takes_answers(c.status, c.opens_at, now);
    Ok(dbs::for_consultation(&state.db, c.id)
        .await?
        .into_iter()
        .map(|s| {
            let results = may_see_results(ctx, &s).then(|| format!("/ankiety/{}/wyniki", s.slug));
            let open = gate_open && s.is_open(now);
            (s.title(ctx.lang.code()).to_owned(), format!("/ankiety/{}", s.slug), results, open)
        })
        .collect())
}

/// A survey's results as a section of its consultation's report.
pub struct ReportSurvey {
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

/// The results of a consultation's surveys that the public may see, for its report: the report
/// is a public document, so staff-only results stay out of it whoever reads it.
pub async fn report_sections(state: &AppState, lang: Lang, consultation_id: i64) -> AppResult<Vec<ReportSurvey>> {
    let mut out = Vec::new();
    let now = Utc::now();
    for s in dbs::for_consultation(&state.db, consultation_id).await? {
        if !may_see(Viewer::ANONYMOUS, s.results_item(now)) {
            continue;
        }
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
