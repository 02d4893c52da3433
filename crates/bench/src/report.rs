//! The results: one row per scenario and concurrency, shown as a text table on the terminal
//! and written as Markdown for BENCHMARKS.md, each row next to its budget from DESIGN.md.

/// One measured line.
#[derive(Debug, Clone, Default)]
pub struct Row {
    /// Scenario name.
    pub scenario: String,
    /// Open connections, for load scenarios.
    pub conns: Option<u32>,
    /// Requests per second.
    pub rps: Option<f64>,
    /// Median latency, ms.
    pub p50: Option<f64>,
    /// 95th percentile, ms.
    pub p95: Option<f64>,
    /// 99th percentile, ms.
    pub p99: Option<f64>,
    /// Non-2xx/3xx answers and socket errors.
    pub errors: Option<u64>,
    /// The server's peak resident memory during the scenario, MiB.
    pub peak_mib: Option<f64>,
    /// Requests per second as a multiple of nginx's at the same concurrency.
    pub ratio: Option<f64>,
    /// Anything else: times of one-shot scenarios, counts, why it was skipped.
    pub note: String,
    /// The budget of DESIGN.md this row is held to, and whether it was met.
    pub budget: Option<(String, bool)>,
}

fn opt(v: Option<f64>, digits: usize) -> String {
    v.map_or("—".into(), |x| format!("{x:.digits$}"))
}

fn cells(r: &Row) -> [String; 11] {
    [
        r.scenario.clone(),
        r.conns.map_or("—".into(), |c| c.to_string()),
        r.rps.map_or("—".into(), |x| format!("{x:.0}")),
        opt(r.p50, 1),
        opt(r.p95, 1),
        opt(r.p99, 1),
        r.errors.map_or("—".into(), |e| e.to_string()),
        opt(r.peak_mib, 0),
        r.ratio.map_or("—".into(), |x| format!("{x:.2}×")),
        match &r.budget {
            Some((b, true)) => format!("met: {b}"),
            Some((b, false)) => format!("MISSED: {b}"),
            None => "—".into(),
        },
        r.note.clone(),
    ]
}

const HEADERS: [&str; 11] = [
    "scenario",
    "conns",
    "req/s",
    "p50 ms",
    "p95 ms",
    "p99 ms",
    "errors",
    "peak RSS MiB",
    "× nginx",
    "budget",
    "notes",
];

/// A fixed-width table for the terminal.
pub fn text_table(rows: &[Row]) -> String {
    let all: Vec<[String; 11]> = rows.iter().map(cells).collect();
    let mut widths: Vec<usize> = HEADERS.iter().map(|h| h.chars().count()).collect();
    for r in &all {
        for (i, c) in r.iter().enumerate() {
            widths[i] = widths[i].max(c.chars().count());
        }
    }
    let line = |cols: Vec<&str>| -> String {
        cols.iter()
            .enumerate()
            .map(|(i, c)| {
                let pad = widths[i].saturating_sub(c.chars().count());
                if (1..=8).contains(&i) { format!("{}{c}", " ".repeat(pad)) } else { format!("{c}{}", " ".repeat(pad)) }
            })
            .collect::<Vec<_>>()
            .join("  ")
            .trim_end()
            .to_owned()
    };
    let mut out = line(HEADERS.to_vec());
    out.push('\n');
    out.push_str(&widths.iter().map(|w| "-".repeat(*w)).collect::<Vec<_>>().join("  "));
    out.push('\n');
    for r in &all {
        out.push_str(&line(r.iter().map(String::as_str).collect()));
        out.push('\n');
    }
    out
}

/// A Markdown table.
pub fn markdown_table(rows: &[Row]) -> String {
    let mut out = format!("| {} |\n", HEADERS.join(" | "));
    out.push_str(&format!(
        "|{}\n",
        HEADERS
            .iter()
            .enumerate()
            .map(|(i, _)| if (1..=8).contains(&i) { "---:|" } else { "---|" })
            .collect::<String>()
    ));
    for r in rows {
        out.push_str(&format!(
            "| {} |\n",
            cells(r).iter().map(|c| c.replace('|', "\\|")).collect::<Vec<_>>().join(" | ")
        ));
    }
    out
}

/// Bytes as MiB.
pub fn mib(kib: u64) -> f64 {
    kib as f64 / 1024.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_have_one_line_per_row_and_show_budgets() {
        let rows = vec![
            Row {
                scenario: "consultation".into(),
                conns: Some(500),
                rps: Some(4400.4),
                p99: Some(143.0),
                ratio: Some(0.06),
                budget: Some(("≥ 1.0× nginx".into(), false)),
                ..Row::default()
            },
            Row { scenario: "report-pdf".into(), note: "3.1 s".into(), ..Row::default() },
        ];
        let t = text_table(&rows);
        assert_eq!(t.lines().count(), 4);
        assert!(t.contains("MISSED: ≥ 1.0× nginx") && t.contains("0.06×") && t.contains("4400"));
        let m = markdown_table(&rows);
        assert_eq!(m.lines().count(), 4);
        assert!(m.starts_with("| scenario |"));
    }
}
