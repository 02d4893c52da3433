//! Report writer: xlsx. The remarks sheet is written row by row in the library's
//! constant-memory mode, so a consultation with tens of thousands of remarks does not
//! hold every cell in memory before the file is zipped.

use rust_xlsxwriter::{DocProperties, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};

use crate::report::{RemarkLine, ReportDoc};

/// A report could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The writing library refused the content or failed to assemble the file.
    #[error("{0}")]
    Write(String),
}

impl From<XlsxError> for ExportError {
    fn from(e: XlsxError) -> Self {
        Self::Write(e.to_string())
    }
}

/// Excel's limit for a sheet name, counted in UTF-16 code units.
const SHEET_NAME_MAX: usize = 31;
/// Excel's limit for the text of one cell, counted in UTF-16 code units.
const CELL_TEXT_MAX: usize = 32_767;
/// Paper size code for A4 in the spreadsheet format.
const PAPER_A4: u8 = 9;

/// Column widths of the remarks sheet, in characters, one per header, the number first.
const REMARK_WIDTHS: [f64; 8] = [6.0, 16.0, 50.0, 40.0, 24.0, 16.0, 18.0, 50.0];

/// Renders the report as an xlsx workbook: remarks on the first sheet, a summary on the second.
pub fn xlsx(doc: &ReportDoc) -> Result<Vec<u8>, ExportError> {
    let mut workbook = Workbook::new();
    let l = &doc.labels;

    // A server without a writable temporary directory should still get its download,
    // only with the cells held in memory.
    if workbook.add_worksheet_with_constant_memory().is_err() {
        workbook.add_worksheet();
    }
    let remarks_name = sheet_name(&l.remarks);
    let mut summary_name = sheet_name(&l.report);
    if let (Some(a), Some(b)) = (&remarks_name, &summary_name)
        && a.to_lowercase() == b.to_lowercase()
    {
        summary_name = None;
    }

    let sheet = workbook.worksheet_from_index(0)?;
    if let Some(name) = &remarks_name {
        sheet.set_name(name)?;
    }
    write_remarks(sheet, doc)?;

    let sheet = workbook.add_worksheet();
    if let Some(name) = &summary_name {
        sheet.set_name(name)?;
    }
    write_summary(sheet, doc)?;

    workbook
        .set_properties(&DocProperties::new().set_title(&doc.title).set_subject(&doc.subject).set_category(&l.report));
    Ok(workbook.save_to_buffer()?)
}

/// The first sheet. In constant-memory mode rows must arrive in order and everything
/// that is not a cell (widths, filter, panes) has to be set before the first row.
fn write_remarks(sheet: &mut Worksheet, doc: &ReportDoc) -> Result<(), ExportError> {
    let l = &doc.labels;
    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_background_color(0x00D9_E1F2)
        .set_border_bottom(FormatBorder::Thin);
    let top = Format::new().set_align(FormatAlign::Top);
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);

    for (col, width) in (0u16..).zip(REMARK_WIDTHS) {
        sheet.set_column_width(col, width)?;
    }
    let last_row = u32::try_from(doc.remarks.len()).map_err(|_| too_many_rows())?;
    sheet.autofilter(0, 0, last_row, 7)?;
    sheet.set_freeze_panes(1, 0)?;
    sheet.set_repeat_rows(0, 0)?;
    sheet.set_landscape().set_paper_size(PAPER_A4).set_print_fit_to_pages(1, 0);

    let headers = [
        &l.col_number,
        &l.col_section,
        &l.col_proposed,
        &l.col_justification,
        &l.col_who,
        &l.col_channel,
        &l.col_decision,
        &l.col_answer,
    ];
    for (col, text) in (0u16..).zip(headers) {
        sheet.write_string_with_format(0, col, cell_text(text), &header)?;
    }

    for (row, r) in (1u32..).zip(&doc.remarks) {
        sheet.write_number_with_format(row, 0, f64::from(r.number), &top)?;
        for (col, text) in (1u16..).zip(remark_cells(r)) {
            sheet.write_string_with_format(row, col, cell_text(text), &wrap)?;
        }
    }
    Ok(())
}

/// The text columns of a remark, in the order of the headers after the number.
fn remark_cells(r: &RemarkLine) -> [&str; 7] {
    [&r.section, &r.proposed_change, &r.justification, &r.who, &r.channel, &r.decision, &r.answer]
}

/// The second sheet: facts, events, counts, survey and documents, one block under another.
fn write_summary(sheet: &mut Worksheet, doc: &ReportDoc) -> Result<(), ExportError> {
    let l = &doc.labels;
    let title = Format::new().set_bold().set_font_size(14).set_text_wrap().set_align(FormatAlign::Top);
    let bold = Format::new().set_bold().set_align(FormatAlign::Top);
    let italic = Format::new().set_italic();
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let count = Format::new().set_align(FormatAlign::Left).set_align(FormatAlign::Top);

    sheet.set_column_width(0, 36)?;
    sheet.set_column_width(1, 70)?;
    sheet.set_column_width(2, 28)?;
    sheet.set_column_width(3, 18)?;
    sheet.set_paper_size(PAPER_A4).set_print_fit_to_pages(1, 0);

    let mut row = 0u32;
    sheet.merge_range(row, 0, row, 3, &cell_text(&doc.title), &title)?;
    // The merged title needs room: Excel does not grow merged rows to fit wrapped text.
    sheet.set_row_height(row, 40)?;
    row += 1;
    let edition =
        [l.report.as_str(), l.version.as_str()].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(", ");
    sheet.write_string(row, 0, cell_text(&edition))?;
    row += 1;
    if !l.edition_note.is_empty() {
        sheet.write_string_with_format(row, 0, cell_text(&l.edition_note), &italic)?;
        row += 1;
    }
    row += 1;

    let methods = doc.methods.join(", ");
    let facts = [
        (&l.subject, &doc.subject),
        (&l.organiser, &doc.organiser),
        (&l.dates, &doc.dates),
        (&l.legal_basis, &doc.legal_basis),
        (&l.methods, &methods),
    ];
    for (label, value) in facts {
        sheet.write_string_with_format(row, 0, cell_text(label), &bold)?;
        sheet.write_string_with_format(row, 1, cell_text(value), &wrap)?;
        row += 1;
    }

    if !doc.events.is_empty() {
        row += 1;
        let heads = [&l.events, &l.methods, &l.dates, &l.attendance];
        for (col, text) in (0u16..).zip(heads) {
            sheet.write_string_with_format(row, col, cell_text(text), &bold)?;
        }
        row += 1;
        for e in &doc.events {
            sheet.write_string_with_format(row, 0, cell_text(&e.title), &wrap)?;
            sheet.write_string_with_format(row, 1, cell_text(&e.kind), &wrap)?;
            sheet.write_string_with_format(row, 2, cell_text(&e.when), &wrap)?;
            if let Some(n) = e.attendance {
                sheet.write_number_with_format(row, 3, f64::from(n), &count)?;
            }
            row += 1;
        }
    }

    if !doc.counts.is_empty() {
        row += 1;
        sheet.write_string_with_format(row, 0, cell_text(&l.counts), &bold)?;
        row += 1;
        for table in &doc.counts {
            sheet.write_string_with_format(row, 0, cell_text(&table.caption), &italic)?;
            row += 1;
            for (label, n) in &table.rows {
                sheet.write_string_with_format(row, 0, cell_text(label), &wrap)?;
                // Counts are far below 2^53, so the float holds them exactly.
                #[allow(clippy::cast_precision_loss)]
                sheet.write_number_with_format(row, 1, *n as f64, &count)?;
                row += 1;
            }
        }
    }

    for (heading, lines) in [(&l.survey, &doc.survey), (&l.documents, &doc.documents)] {
        if lines.is_empty() {
            continue;
        }
        row += 1;
        sheet.write_string_with_format(row, 0, cell_text(heading), &bold)?;
        row += 1;
        for line in lines {
            sheet.write_string(row, 0, cell_text(line))?;
            row += 1;
        }
    }
    Ok(())
}

/// A sheet name Excel accepts, or `None` to keep the library's default when nothing is left.
fn sheet_name(label: &str) -> Option<String> {
    let cleaned: String =
        label.chars().filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\') && !c.is_control()).collect();
    let mut name = String::new();
    let mut units = 0;
    for c in cleaned.trim().trim_matches('\'').chars() {
        units += c.len_utf16();
        if units > SHEET_NAME_MAX {
            break;
        }
        name.push(c);
    }
    // Cutting may leave a trailing apostrophe or space, which Excel also refuses.
    let name = name.trim_end().trim_end_matches('\'').to_owned();
    (!name.is_empty()).then_some(name)
}

/// Text cut to what one cell can hold, so that one very long remark does not fail the
/// whole download.
fn cell_text(s: &str) -> String {
    let units: usize = s.chars().map(char::len_utf16).sum();
    if units <= CELL_TEXT_MAX {
        return s.to_owned();
    }
    let mut out = String::new();
    let mut used = 1; // room for the ellipsis
    for c in s.chars() {
        used += c.len_utf16();
        if used > CELL_TEXT_MAX {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

fn too_many_rows() -> ExportError {
    ExportError::Write(XlsxError::RowColumnLimitError.to_string())
}

#[cfg(test)]
mod tests {
    use std::io::Cursor;
    use std::time::Instant;

    use calamine::{Data, Reader, Xlsx};

    use super::*;
    use crate::report::sample;

    fn open(bytes: Vec<u8>) -> Xlsx<Cursor<Vec<u8>>> {
        Xlsx::new(Cursor::new(bytes)).expect("the file opens as xlsx")
    }

    fn text(d: Option<&Data>) -> String {
        match d {
            Some(Data::String(s)) => s.clone(),
            Some(Data::Float(f)) => f.to_string(),
            Some(Data::Int(i)) => i.to_string(),
            other => format!("{other:?}"),
        }
    }

    #[test]
    fn remarks_sheet_reads_back() {
        let doc = sample(25);
        let mut book = open(xlsx(&doc).expect("writes"));
        let names = book.sheet_names();
        assert_eq!(names, vec!["Zestawienie uwag".to_owned(), "Raport z konsultacji".to_owned()]);

        let range = book.worksheet_range("Zestawienie uwag").expect("remarks sheet");
        assert_eq!(range.height(), 26, "header and 25 remarks");
        assert_eq!(range.width(), 8);
        let header: Vec<String> = (0..8).map(|c| text(range.get((0, c)))).collect();
        assert_eq!(
            header,
            [
                "Nr",
                "Część dokumentu",
                "Proponowana zmiana",
                "Uzasadnienie",
                "Zgłaszający",
                "Kanał",
                "Stanowisko",
                "Uzasadnienie stanowiska"
            ]
        );

        // Remark 3 sits on row 3 (the header is row 0).
        assert_eq!(range.get((3, 0)), Some(&Data::Float(3.0)), "the number is a number");
        assert_eq!(text(range.get((3, 1))), "§ 3");
        assert_eq!(text(range.get((3, 2))), "Uwaga 3: dodać ścieżkę rowerową i ławki przy źródle");
        assert_eq!(text(range.get((3, 3))), "Bezpieczeństwo pieszych & rowerzystów <ważne>");
        assert_eq!(text(range.get((3, 4))), "Osoba prywatna nr 3");
        assert_eq!(text(range.get((2, 4))), "Stowarzyszenie Miasto Ludzi");
        assert_eq!(text(range.get((3, 6))), "Nieuwzględniona");
        assert_eq!(text(range.get((4, 6))), "Uwzględniona");
        assert_eq!(text(range.get((25, 0))), "25");
    }

    #[test]
    fn summary_sheet_reads_back() {
        let doc = sample(3);
        let mut book = open(xlsx(&doc).expect("writes"));
        let range = book.worksheet_range("Raport z konsultacji").expect("summary sheet");
        let cells: Vec<String> = range.cells().map(|(_, _, d)| text(Some(d))).collect();
        let has = |s: &str| cells.iter().any(|c| c == s);
        assert_eq!(text(range.get((0, 0))), "Przebudowa ulicy Podzamcze — zażółć gęślą jaźń");
        for s in [
            "Raport z konsultacji, wersja 1",
            "Przedmiot konsultacji",
            "Koncepcja przebudowy",
            "Zarząd Dróg Miasta Krakowa",
            "1 lutego 2027, 10:00 – 28 lutego 2027, 18:00",
            "Zbieranie uwag, Warsztaty, Ankieta",
            "Warsztat projektowy",
            "Liczba uczestników",
            "42",
            "Według stanowiska",
            "Nieuwzględniona",
            "Koncepcja przebudowy (PDF)",
        ] {
            assert!(has(s), "summary holds {s:?}: {cells:?}");
        }
        let caption =
            (0..range.height()).find(|&r| text(range.get((r, 0))) == "Według stanowiska").expect("caption row");
        assert_eq!(text(range.get((caption + 1, 0))), "Uwzględniona");
        assert_eq!(range.get((caption + 1, 1)), Some(&Data::Float(1.0)));
    }

    #[test]
    fn workbook_title_is_the_consultation() {
        let doc = sample(1);
        // calamine exposes no core properties, so the part is read as text.
        let bytes = xlsx(&doc).expect("writes");
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("zip");
        let mut core = String::new();
        std::io::Read::read_to_string(&mut zip.by_name("docProps/core.xml").expect("core part"), &mut core)
            .expect("utf-8");
        assert!(core.contains("<dc:title>Przebudowa ulicy Podzamcze — zażółć gęślą jaźń</dc:title>"), "{core}");
    }

    #[test]
    fn sheet_names_follow_excel_rules() {
        assert_eq!(sheet_name("Uwagi: [wszystkie] / *?\\").as_deref(), Some("Uwagi wszystkie"));
        let long = "Zestawienie uwag ze stanowiskiem miasta";
        let cut = sheet_name(long).expect("name");
        assert_eq!(cut.chars().count(), 31);
        assert!(long.starts_with(&cut));
        assert_eq!(sheet_name("'???'"), None);
        assert_eq!(sheet_name("Uwagi 'x'").as_deref(), Some("Uwagi 'x"));

        let mut doc = sample(2);
        doc.labels.remarks = "Zestawienie uwag ze stanowiskiem miasta".into();
        doc.labels.report = "zestawienie uwag ze stanowiskiem".into();
        let book = open(xlsx(&doc).expect("same names after cutting still write"));
        assert_eq!(book.sheet_names().len(), 2);
    }

    #[test]
    fn empty_report_still_writes() {
        let book = open(xlsx(&ReportDoc::default()).expect("writes"));
        assert_eq!(book.sheet_names(), vec!["Sheet1".to_owned(), "Sheet2".to_owned()]);

        let mut book = open(xlsx(&sample(0)).expect("writes"));
        let range = book.worksheet_range_at(0).expect("sheet").expect("range");
        assert_eq!(range.height(), 1, "only the header row");
    }

    #[test]
    fn over_long_text_is_cut_not_refused() {
        let mut doc = sample(1);
        doc.remarks[0].answer = "ą".repeat(40_000);
        let mut book = open(xlsx(&doc).expect("writes"));
        let range = book.worksheet_range_at(0).expect("sheet").expect("range");
        let cell = text(range.get((1, 7)));
        assert_eq!(cell.chars().count(), CELL_TEXT_MAX);
        assert!(cell.ends_with('…'));
    }

    #[test]
    fn ten_thousand_remarks() {
        let doc = sample(10_000);
        let start = Instant::now();
        let bytes = xlsx(&doc).expect("writes");
        let took = start.elapsed();
        eprintln!("xlsx, 10000 remarks: {took:?}, {} bytes", bytes.len());
        let mut book = open(bytes);
        let range = book.worksheet_range_at(0).expect("sheet").expect("range");
        assert_eq!(range.height(), 10_001);
        assert_eq!(text(range.get((10_000, 0))), "10000");
    }
}
