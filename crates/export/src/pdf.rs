//! The consultation report as a tagged, accessible PDF (PDF/UA-1), laid out by typst.
//!
//! The report's data goes to typst as `sys.inputs`, never spliced into markup, so text
//! written by residents comes out exactly as they typed it.

use std::sync::OnceLock;

use typst::diag::SourceDiagnostic;
use typst::foundations::{Array, Dict, IntoValue, Value};
use typst_as_lib::typst_kit_options::TypstKitFontOptions;
use typst_as_lib::{TypstAsLibError, TypstEngine, TypstTemplateMainFile};
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards};

use crate::report::ReportDoc;
use crate::xlsx::ExportError;

const TEMPLATE: &str = include_str!("report.typ");

/// Writes the report as a PDF/UA-1 document with its fonts embedded.
pub fn pdf(doc: &ReportDoc) -> Result<Vec<u8>, ExportError> {
    let compiled = engine().compile_with_input(inputs(doc));
    let document = compiled.output.map_err(|e| match e {
        TypstAsLibError::TypstSource(diags) => ExportError::Write(describe(&diags)),
        other => ExportError::Write(other.to_string()),
    })?;
    let options = PdfOptions {
        standards: PdfStandards::new(&[PdfStandard::Ua_1])
            .map_err(|e| ExportError::Write(e.message().to_string()))?,
        ..PdfOptions::default()
    };
    let bytes =
        typst_pdf::pdf(&document, &options).map_err(|diags| ExportError::Write(describe(&diags)));
    // The export memoises per-page work that no later report can reuse.
    typst::comemo::evict(0);
    bytes
}

/// Built once and shared: it holds the template and the font book, which every report reuses.
fn engine() -> &'static TypstEngine<TypstTemplateMainFile> {
    static ENGINE: OnceLock<TypstEngine<TypstTemplateMainFile>> = OnceLock::new();
    ENGINE.get_or_init(|| {
        TypstEngine::builder()
            .main_file(TEMPLATE)
            // Only the bundled fonts: the output must not depend on the server's fonts.
            .search_fonts_with(
                TypstKitFontOptions::new()
                    .include_system_fonts(false)
                    .include_embedded_fonts(true),
            )
            .build()
    })
}

fn describe(diags: &[SourceDiagnostic]) -> String {
    diags
        .iter()
        .map(|d| {
            let mut s = d.message.to_string();
            for hint in &d.hints {
                s.push_str("; ");
                s.push_str(&hint.v);
            }
            s
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn strings(items: &[String]) -> Value {
    items
        .iter()
        .map(|s| s.as_str().into_value())
        .collect::<Array>()
        .into_value()
}

fn inputs(doc: &ReportDoc) -> Dict {
    let l = &doc.labels;
    let mut labels = Dict::new();
    for (key, value) in [
        ("report", &l.report),
        ("version", &l.version),
        ("edition_note", &l.edition_note),
        ("subject", &l.subject),
        ("organiser", &l.organiser),
        ("dates", &l.dates),
        ("legal_basis", &l.legal_basis),
        ("methods", &l.methods),
        ("introduction", &l.introduction),
        ("events", &l.events),
        ("attendance", &l.attendance),
        ("counts", &l.counts),
        ("remarks", &l.remarks),
        ("col_number", &l.col_number),
        ("col_section", &l.col_section),
        ("col_proposed", &l.col_proposed),
        ("col_justification", &l.col_justification),
        ("col_who", &l.col_who),
        ("col_channel", &l.col_channel),
        ("col_decision", &l.col_decision),
        ("col_answer", &l.col_answer),
        ("documents", &l.documents),
        ("conclusions", &l.conclusions),
        ("survey", &l.survey),
    ] {
        labels.insert(key.into(), value.as_str().into_value());
    }

    let events: Array = doc
        .events
        .iter()
        .map(|e| {
            let mut d = Dict::new();
            d.insert("kind".into(), e.kind.as_str().into_value());
            d.insert("title".into(), e.title.as_str().into_value());
            d.insert("when".into(), e.when.as_str().into_value());
            d.insert(
                "attendance".into(),
                e.attendance.map(i64::from).into_value(),
            );
            d.into_value()
        })
        .collect();

    let counts: Array = doc
        .counts
        .iter()
        .map(|c| {
            let rows: Array = c
                .rows
                .iter()
                .map(|(label, n)| {
                    Array::from([label.as_str().into_value(), n.into_value()].as_slice())
                        .into_value()
                })
                .collect();
            let mut d = Dict::new();
            d.insert("caption".into(), c.caption.as_str().into_value());
            d.insert("rows".into(), rows.into_value());
            d.into_value()
        })
        .collect();

    // Rows go in as the table's cells in column order, which the template can splat.
    let remarks: Array = doc
        .remarks
        .iter()
        .map(|r| {
            Array::from(
                [
                    r.number.to_string().into_value(),
                    r.section.as_str().into_value(),
                    r.proposed_change.as_str().into_value(),
                    r.justification.as_str().into_value(),
                    r.who.as_str().into_value(),
                    r.channel.as_str().into_value(),
                    r.decision.as_str().into_value(),
                    r.answer.as_str().into_value(),
                ]
                .as_slice(),
            )
            .into_value()
        })
        .collect();

    let mut d = Dict::new();
    // typst rejects an empty language code.
    let lang = if doc.lang.trim().is_empty() {
        "pl"
    } else {
        doc.lang.trim()
    };
    d.insert("lang".into(), lang.into_value());
    d.insert("labels".into(), labels.into_value());
    d.insert("edition_note".into(), l.edition_note.as_str().into_value());
    d.insert("title".into(), doc.title.as_str().into_value());
    d.insert("subject".into(), doc.subject.as_str().into_value());
    d.insert("organiser".into(), doc.organiser.as_str().into_value());
    d.insert("dates".into(), doc.dates.as_str().into_value());
    d.insert("legal_basis".into(), doc.legal_basis.as_str().into_value());
    d.insert("methods".into(), strings(&doc.methods));
    d.insert("events".into(), events.into_value());
    d.insert(
        "introduction".into(),
        doc.introduction.as_str().into_value(),
    );
    d.insert("counts".into(), counts.into_value());
    d.insert("remarks".into(), remarks.into_value());
    d.insert("survey".into(), strings(&doc.survey));
    d.insert("documents".into(), strings(&doc.documents));
    d.insert("conclusions".into(), doc.conclusions.as_str().into_value());
    d
}

#[cfg(test)]
mod tests {
    use std::time::Instant;

    use super::*;
    use crate::report::sample;

    fn contains(haystack: &[u8], needle: &str) -> bool {
        haystack
            .windows(needle.len())
            .any(|w| w == needle.as_bytes())
    }

    #[test]
    fn pdf_is_tagged_and_its_text_reads_back() {
        let bytes = pdf(&sample(20)).expect("pdf");
        assert!(bytes.starts_with(b"%PDF"));
        assert!(contains(&bytes, "/StructTreeRoot"));
        assert!(contains(&bytes, "/Lang"));
        assert!(contains(&bytes, "pdfuaid"));

        let text = pdf_extract::extract_text_from_mem(&bytes).expect("text");
        for expected in [
            "Podzamcze",
            "zażółć gęślą jaźń",
            "Osoba prywatna nr 1",
            "Stowarzyszenie Miasto Ludzi",
            "pieszych & rowerzystów <ważne>",
            "Uwaga 20: dodać ścieżkę rowerową i ławki przy źródle",
        ] {
            assert!(
                text.contains(expected),
                "{expected:?} missing from:\n{text}"
            );
        }
    }

    #[test]
    fn pdf_prints_markup_characters_literally() {
        let mut doc = sample(1);
        doc.remarks[0].proposed_change =
            "#set page(width: 1cm) [x] $y$ *z* <w> \\ _u_ @v // q".into();
        let bytes = pdf(&doc).expect("pdf");
        let text = pdf_extract::extract_text_from_mem(&bytes).expect("text");
        let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            flat.contains("#set page(width: 1cm) [x] $y$ *z* <w> \\ _u_ @v // q"),
            "{flat}"
        );
    }

    #[test]
    fn pdf_of_a_draft_with_empty_parts_passes_the_ua_checks() {
        let mut doc = sample(0);
        doc.lang = String::new();
        doc.title = String::new();
        doc.labels.version = String::new();
        doc.labels.introduction = String::new();
        doc.introduction = String::new();
        doc.events[0].attendance = None;
        doc.counts.clear();
        doc.survey = vec!["Odpowiedzi: 120".into()];
        let bytes = pdf(&doc).expect("pdf");
        let text = pdf_extract::extract_text_from_mem(&bytes).expect("text");
        assert!(text.contains("Odpowiedzi: 120"), "{text}");
    }

    #[test]
    fn pdf_of_ten_thousand_remarks_is_timed() {
        let doc = sample(10_000);
        let start = Instant::now();
        let bytes = pdf(&doc).expect("pdf");
        let elapsed = start.elapsed();
        println!("pdf: 10000 remarks, {} bytes, {:.2?}", bytes.len(), elapsed);
        assert!(bytes.starts_with(b"%PDF"));
    }
}
