//! Report writer: docx. docx-rs cannot mark a repeating table header, set the text
//! language or fill the core properties, so those are added to the generated parts
//! before they are zipped; the remark rows, the bulk of a long report, are written as
//! XML there too, to keep memory small.

use std::io::Cursor;

use docx_rs::{
    AbstractNumbering, AlignmentType, Docx, IndentLevel, Level, LevelJc, LevelText, LineSpacing, NumberFormat,
    Numbering, NumberingId, PageMargin, PageOrientationType, PageSize, Paragraph, Run, RunFonts, SectionProperty,
    Shading, SpecialIndentType, Start, Style, StyleType, Table, TableCell, TableLayoutType, TableRow, VAlignType,
    WidthType,
};

pub use crate::xlsx::ExportError;

use crate::report::ReportDoc;

/// A4 in twentieths of a point.
const A4_SHORT: u32 = 11_906;
const A4_LONG: u32 = 16_838;
/// Two centimetres, all round.
const MARGIN: i32 = 1_134;
/// Text width between the margins, portrait and landscape.
const PORTRAIT_WIDTH: usize = 9_638;
const LANDSCAPE_WIDTH: usize = 14_570;
/// Remarks columns; their sum is `LANDSCAPE_WIDTH`.
const REMARK_GRID: [usize; 8] = [600, 1_300, 2_800, 2_400, 1_900, 1_300, 1_700, 2_570];
/// The remarks table is set a size smaller, in half-points, so decisions fit unbroken.
const REMARK_SIZE: usize = 18;
/// Header cell fill, light enough for black text to keep its contrast.
const HEADER_FILL: &str = "D9E1F2";
/// Marks the remarks table's only body row until the rows are spliced in. It starts with
/// a noncharacter, which `xml_safe` removes from all report text, so no text can match it.
const REMARKS_PLACEHOLDER: &str = "\u{fdd0}remarks\u{fdd0}";
/// docx-rs always defines numbering 1 (decimal), so the bullets take the next id.
const BULLETS: usize = 2;

/// Renders the report as a Word document with real headings and accessible tables.
pub fn docx(doc: &ReportDoc) -> Result<Vec<u8>, ExportError> {
    let l = &doc.labels;
    let font = RunFonts::new().ascii("Arial").hi_ansi("Arial").east_asia("Arial").cs("Arial");
    let mut d = Docx::new()
        .page_size(A4_SHORT, A4_LONG)
        .page_margin(margins())
        .default_fonts(font)
        .default_size(22)
        .default_line_spacing(LineSpacing::new().after(120))
        .add_style(heading(1, 36))
        .add_style(heading(2, 28))
        .add_style(heading(3, 24))
        .add_abstract_numbering(
            AbstractNumbering::new(BULLETS).add_level(
                Level::new(0, Start::new(1), NumberFormat::new("bullet"), LevelText::new("•"), LevelJc::new("left"))
                    .indent(Some(720), Some(SpecialIndentType::Hanging(360)), None, None),
            ),
        )
        .add_numbering(Numbering::new(BULLETS, BULLETS));

    d = d.add_paragraph(heading_para(1, &doc.title));
    let edition =
        [l.report.as_str(), l.version.as_str()].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(", ");
    if !edition.is_empty() {
        d = d.add_paragraph(text_para(&edition));
    }
    if !l.edition_note.is_empty() {
        d = d.add_paragraph(Paragraph::new().add_run(text_run(&l.edition_note).italic()));
    }

    let methods = doc.methods.join(", ");
    let facts = [
        (&l.subject, &doc.subject),
        (&l.organiser, &doc.organiser),
        (&l.dates, &doc.dates),
        (&l.legal_basis, &doc.legal_basis),
        (&l.methods, &methods),
    ];
    let grid = vec![2_800, PORTRAIT_WIDTH - 2_800];
    let rows: Vec<TableRow> = facts
        .iter()
        .filter(|(_, value)| !value.is_empty())
        .map(|(label, value)| TableRow::new(vec![cell(bold_para(label), grid[0]), cell(text_para(value), grid[1])]))
        .collect();
    // A table without rows is invalid, so an empty block is left out altogether.
    if !rows.is_empty() {
        d = d.add_table(table(rows, grid, PORTRAIT_WIDTH));
    }

    d = add_text_section(d, &l.introduction, &doc.introduction);

    if !doc.events.is_empty() {
        d = d.add_paragraph(heading_para(2, &l.events));
        let grid = vec![4_638, 3_000, 2_000];
        let mut rows = vec![header_row(&[&l.events, &l.dates, &l.attendance], &grid, None)];
        for e in &doc.events {
            let what = Paragraph::new()
                .add_run(text_run(&e.title))
                .add_run(Run::new().add_break(docx_rs::BreakType::TextWrapping))
                .add_run(text_run(&e.kind).italic());
            let came = e.attendance.map(|n| n.to_string()).unwrap_or_default();
            rows.push(TableRow::new(vec![
                cell(what, grid[0]),
                cell(text_para(&e.when), grid[1]),
                cell(text_para(&came).align(AlignmentType::Right), grid[2]),
            ]));
        }
        d = d.add_table(table(rows, grid, PORTRAIT_WIDTH));
    }

    if !doc.counts.is_empty() {
        d = d.add_paragraph(heading_para(2, &l.counts));
        for t in doc.counts.iter().filter(|t| !t.rows.is_empty()) {
            d = d.add_paragraph(heading_para(3, &t.caption));
            let grid = vec![7_638, 2_000];
            let rows = t
                .rows
                .iter()
                .map(|(label, n)| {
                    TableRow::new(vec![
                        cell(text_para(label), grid[0]),
                        cell(text_para(&n.to_string()).align(AlignmentType::Right), grid[1]),
                    ])
                })
                .collect();
            d = d.add_table(table(rows, grid, PORTRAIT_WIDTH));
        }
    }

    if !doc.remarks.is_empty() {
        // Eight columns do not fit a portrait page, so the remarks get a landscape
        // section of their own; the paragraph carrying a section's properties ends it.
        d = d.add_paragraph(Paragraph::new().section_property(section(false)));
        d = d.add_paragraph(heading_para(2, &l.remarks));
        let heads = [
            &l.col_number,
            &l.col_section,
            &l.col_proposed,
            &l.col_justification,
            &l.col_who,
            &l.col_channel,
            &l.col_decision,
            &l.col_answer,
        ];
        let grid = REMARK_GRID.to_vec();
        // The remark rows are spliced in as XML after the build (see `remark_rows`); the
        // placeholder row marks where.
        let placeholder = TableRow::new(vec![cell(
            Paragraph::new().add_run(Run::new().add_text(REMARKS_PLACEHOLDER)),
            LANDSCAPE_WIDTH,
        )]);
        let rows = vec![header_row(&heads, &grid, Some(REMARK_SIZE)), placeholder];
        // A fixed layout spares Word measuring every row of a long table before showing it.
        d = d.add_table(table(rows, grid, LANDSCAPE_WIDTH).layout(TableLayoutType::Fixed));
        d = d.add_paragraph(Paragraph::new().section_property(section(true)));
    }

    if !doc.survey.is_empty() {
        d = d.add_paragraph(heading_para(2, &l.survey));
        for line in &doc.survey {
            d = d.add_paragraph(text_para(line));
        }
    }
    if !doc.documents.is_empty() {
        d = d.add_paragraph(heading_para(2, &l.documents));
        for title in &doc.documents {
            d = d.add_paragraph(text_para(title).numbering(NumberingId::new(BULLETS), IndentLevel::new(0)));
        }
    }
    d = add_text_section(d, &l.conclusions, &doc.conclusions);

    let mut parts = d.build();
    parts.document = mark_header_rows(parts.document)?;
    if !doc.remarks.is_empty() {
        parts.document = splice_remarks(parts.document, doc)?;
    }
    parts.styles = set_language(parts.styles, &doc.lang)?;
    parts.doc_props.core = core_properties(doc).into_bytes();
    let mut out = Cursor::new(Vec::new());
    parts.pack(&mut out).map_err(write_error)?;
    deflate(out.into_inner())
}

/// Replaces the placeholder row of the remarks table with one row per remark.
fn splice_remarks(document: Vec<u8>, doc: &ReportDoc) -> Result<Vec<u8>, ExportError> {
    let xml = into_string(document)?;
    let missing = || ExportError::Write("remarks placeholder not found in the document".into());
    let at = xml.find(REMARKS_PLACEHOLDER).ok_or_else(missing)?;
    let start = xml[..at].rfind("<w:tr>").ok_or_else(missing)?;
    let end = at + xml[at..].find("</w:tr>").ok_or_else(missing)? + "</w:tr>".len();
    let mut out = String::with_capacity(xml.len() + doc.remarks.len() * 2_048);
    out.push_str(&xml[..start]);
    remark_rows(&mut out, doc);
    out.push_str(&xml[end..]);
    Ok(out.into_bytes())
}

/// The remark rows written straight as WordprocessingML. docx-rs keeps several kilobytes of
/// model per table cell, which for a large consultation's report is far over the memory
/// budget; the rows as text take a fraction of that, and the cells are simple enough to write
/// by hand: text in the table's grid widths, top-aligned, a size smaller.
fn remark_rows(out: &mut String, doc: &ReportDoc) {
    use std::fmt::Write as _;
    for r in &doc.remarks {
        out.push_str("<w:tr>");
        let number = r.number.to_string();
        let texts = [
            number.as_str(),
            &r.section,
            &r.proposed_change,
            &r.justification,
            &r.who,
            &r.channel,
            &r.decision,
            &r.answer,
        ];
        for (text, width) in texts.into_iter().zip(REMARK_GRID) {
            // Writing to a String cannot fail.
            let _ = write!(
                out,
                "<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\" /><w:vAlign w:val=\"top\" /></w:tcPr>\
                 <w:p><w:r><w:rPr><w:sz w:val=\"{REMARK_SIZE}\" /><w:szCs w:val=\"{REMARK_SIZE}\" /></w:rPr>"
            );
            for (i, line) in xml_safe(text).split('\n').enumerate() {
                if i > 0 {
                    out.push_str("<w:br />");
                }
                out.push_str("<w:t xml:space=\"preserve\">");
                out.push_str(&escape(line));
                out.push_str("</w:t>");
            }
            out.push_str("</w:r></w:p></w:tc>");
        }
        out.push_str("</w:tr>");
    }
}

/// docx-rs stores every part uncompressed, which makes a long report many times larger
/// than it needs to be, so the package is written again with compression. Folder
/// entries are dropped, as a package consists of parts only, and the content types go
/// first, where tools that sniff the file type look for them.
fn deflate(stored: Vec<u8>) -> Result<Vec<u8>, ExportError> {
    const CONTENT_TYPES: &str = "[Content_Types].xml";
    let mut input = zip::ZipArchive::new(Cursor::new(stored)).map_err(write_error)?;
    let mut names = Vec::with_capacity(input.len());
    for i in 0..input.len() {
        let entry = input.by_index(i).map_err(write_error)?;
        if !entry.is_dir() {
            names.push(entry.name().map_err(write_error)?.into_owned());
        }
    }
    names.sort_by_key(|name| name != CONTENT_TYPES);

    let mut output = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for name in names {
        let mut entry = input.by_name(&name).map_err(write_error)?;
        output.start_file(name, options).map_err(write_error)?;
        std::io::copy(&mut entry, &mut output).map_err(write_error)?;
    }
    Ok(output.finish().map_err(write_error)?.into_inner())
}

fn write_error(e: impl std::fmt::Display) -> ExportError {
    ExportError::Write(e.to_string())
}

fn margins() -> PageMargin {
    PageMargin::new().top(MARGIN).bottom(MARGIN).left(MARGIN).right(MARGIN).header(709).footer(709).gutter(0)
}

fn section(landscape: bool) -> SectionProperty {
    let size = if landscape {
        PageSize::new().size(A4_LONG, A4_SHORT).orient(PageOrientationType::Landscape)
    } else {
        PageSize::new().size(A4_SHORT, A4_LONG)
    };
    SectionProperty::new().page_size(size).page_margin(margins())
}

/// Word and LibreOffice recognise headings by the built-in names "heading N"; the
/// outline level is what screen readers and the navigation pane read.
fn heading(level: usize, half_points: usize) -> Style {
    Style::new(format!("Heading{level}"), StyleType::Paragraph)
        .name(format!("heading {level}"))
        .based_on("Normal")
        .next("Normal")
        .q_format(true)
        .outline_lvl(level - 1)
        .bold()
        .size(half_points)
        .line_spacing(LineSpacing::new().before(240).after(120))
}

fn heading_para(level: usize, text: &str) -> Paragraph {
    Paragraph::new().style(&format!("Heading{level}")).keep_next(true).add_run(text_run(text))
}

/// A heading and its paragraphs, which the report separates by blank lines.
fn add_text_section(mut d: Docx, heading: &str, body: &str) -> Docx {
    let paragraphs = paragraphs(body);
    if paragraphs.is_empty() {
        return d;
    }
    d = d.add_paragraph(heading_para(2, heading));
    for p in paragraphs {
        d = d.add_paragraph(text_para(&p));
    }
    d
}

fn paragraphs(body: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in body.lines() {
        if line.trim().is_empty() {
            if !current.is_empty() {
                out.push(current.join("\n"));
                current.clear();
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        out.push(current.join("\n"));
    }
    out
}

fn text_para(text: &str) -> Paragraph {
    Paragraph::new().add_run(text_run(text))
}

fn bold_para(text: &str) -> Paragraph {
    Paragraph::new().add_run(text_run(text).bold())
}

/// A run whose single line breaks become real breaks, since Word shows a newline inside
/// text as a space.
fn text_run(text: &str) -> Run {
    let clean = xml_safe(text);
    let mut run = Run::new();
    for (i, line) in clean.split('\n').enumerate() {
        if i > 0 {
            run = run.add_break(docx_rs::BreakType::TextWrapping);
        }
        run = run.add_text(line);
    }
    run
}

/// Removes characters XML 1.0 cannot carry: text pasted from other programs brings
/// control characters (a vertical tab for Word's manual line break), and one of them
/// would make the whole file unreadable.
fn xml_safe(text: &str) -> String {
    text.replace("\r\n", "\n")
        .chars()
        .filter_map(|c| match c {
            '\n' | '\t' => Some(c),
            '\u{b}' | '\r' => Some('\n'),
            c if c.is_control() || is_noncharacter(c) => None,
            c => Some(c),
        })
        .collect()
}

/// Noncharacters are never meant to be exchanged; XML forbids the last two of each plane.
fn is_noncharacter(c: char) -> bool {
    let c = u32::from(c);
    (0xFDD0..=0xFDEF).contains(&c) || c & 0xFFFE == 0xFFFE
}

fn cell(p: Paragraph, width: usize) -> TableCell {
    TableCell::new().add_paragraph(p).width(width, WidthType::Dxa).vertical_align(VAlignType::Top)
}

/// Header rows are made unsplittable here and gain `tblHeader` in `mark_header_rows`.
fn header_row(texts: &[&String], grid: &[usize], size: Option<usize>) -> TableRow {
    let cells = texts
        .iter()
        .zip(grid)
        .map(|(t, w)| {
            let run = text_run(t).bold();
            let run = if let Some(size) = size { run.size(size) } else { run };
            cell(Paragraph::new().add_run(run), *w).shading(Shading::new().fill(HEADER_FILL))
        })
        .collect();
    TableRow::new(cells).cant_split()
}

fn table(rows: Vec<TableRow>, grid: Vec<usize>, width: usize) -> Table {
    Table::new(rows).set_grid(grid).width(width, WidthType::Dxa)
}

/// Only header rows carry `cantSplit`, and user text cannot contain the element since
/// it is escaped, so the marker is safe to key on.
fn mark_header_rows(document: Vec<u8>) -> Result<Vec<u8>, ExportError> {
    let xml = into_string(document)?;
    Ok(xml.replace("<w:cantSplit />", "<w:cantSplit /><w:tblHeader />").into_bytes())
}

/// Sets the language of all text through the default run properties.
fn set_language(styles: Vec<u8>, lang: &str) -> Result<Vec<u8>, ExportError> {
    let styles = into_string(styles)?;
    let tag: String = lang.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-').collect();
    if tag.is_empty() {
        return Ok(styles.into_bytes());
    }
    let lang = format!("<w:lang w:val=\"{tag}\" />");
    let patched = if let Some(at) = styles.find("<w:rPrDefault><w:rPr />") {
        let end = at + "<w:rPrDefault><w:rPr />".len();
        format!("{}<w:rPrDefault><w:rPr>{lang}</w:rPr>{}", &styles[..at], &styles[end..])
    } else if let Some(at) = styles.find("</w:rPr></w:rPrDefault>") {
        // The language goes last, where the schema's order of run properties puts it.
        format!("{}{lang}{}", &styles[..at], &styles[at..])
    } else {
        return Err(ExportError::Write("default run properties not found in styles".into()));
    };
    Ok(patched.into_bytes())
}

fn into_string(bytes: Vec<u8>) -> Result<String, ExportError> {
    String::from_utf8(bytes).map_err(write_error)
}

/// docx-rs keeps the title and language of its core properties private, so the part is
/// written here.
fn core_properties(doc: &ReportDoc) -> String {
    let mut xml = String::from(concat!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
        r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties""#,
        r#" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/""#,
        r#" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
    ));
    for (element, value) in [
        ("dc:title", &doc.title),
        ("dc:subject", &doc.subject),
        ("dc:language", &doc.lang),
        ("cp:category", &doc.labels.report),
    ] {
        if !value.is_empty() {
            xml.push_str(&format!("<{element}>{}</{element}>", escape(&xml_safe(value))));
        }
    }
    xml.push_str("</cp:coreProperties>");
    xml
}

/// Escapes text for XML; the text has been through `xml_safe` already.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use std::io::Read;
    use std::time::Instant;

    use super::*;
    use crate::report::sample;

    fn part(bytes: &[u8], name: &str) -> String {
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("the file is a zip");
        let mut xml = String::new();
        zip.by_name(name).expect("part exists").read_to_string(&mut xml).expect("utf-8");
        xml
    }

    /// The visible text of a part: the contents of every `w:t`, unescaped, one per line.
    fn texts(xml: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut rest = xml;
        while let Some(start) = rest.find("<w:t") {
            rest = &rest[start + 4..];
            let Some(open_end) = rest.find('>') else {
                break;
            };
            let self_closing = rest[..open_end].ends_with('/');
            // Skip `<w:tbl…>`, `<w:tc…>` and friends.
            if !(rest.starts_with('>') || rest.starts_with(' ')) || self_closing {
                continue;
            }
            rest = &rest[open_end + 1..];
            let Some(end) = rest.find("</w:t>") else {
                break;
            };
            out.push(
                rest[..end]
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&quot;", "\"")
                    .replace("&apos;", "'")
                    .replace("&amp;", "&"),
            );
            rest = &rest[end..];
        }
        out
    }

    #[test]
    fn document_text_reads_back() {
        let doc = sample(5);
        let bytes = docx(&doc).expect("writes");
        let xml = part(&bytes, "word/document.xml");
        let text = texts(&xml);
        let has = |s: &str| text.iter().any(|t| t == s);

        assert!(has("Przebudowa ulicy Podzamcze — zażółć gęślą jaźń"), "{text:?}");
        assert!(has("Osoba prywatna nr 1"));
        assert!(has("Stowarzyszenie Miasto Ludzi"));
        for i in 1..=5 {
            assert!(has(&format!("Uwaga {i}: dodać ścieżkę rowerową i ławki przy źródle")), "remark {i}");
        }
        assert!(has("Bezpieczeństwo pieszych & rowerzystów <ważne>"));
        assert!(xml.contains("Bezpieczeństwo pieszych &amp; rowerzystów &lt;ważne&gt;"), "escaped in the XML");
        for s in [
            "Wersja publiczna: osoby prywatne oznaczono numerami.",
            "Raport z konsultacji, wersja 1",
            "Zarząd Dróg Miasta Krakowa",
            "Zbieranie uwag, Warsztaty, Ankieta",
            "Konsultacje trwały 28 dni.",
            "Zebraliśmy uwagi mieszkańców.",
            "Warsztat projektowy",
            "42",
            "Według stanowiska",
            "Uzasadnienie stanowiska",
            "Koncepcja przebudowy (PDF)",
            "Miasto przebuduje ulicę w 2028 roku.",
        ] {
            assert!(has(s), "document holds {s:?}");
        }
    }

    #[test]
    fn headings_are_real_headings() {
        let bytes = docx(&sample(2)).expect("writes");
        let xml = part(&bytes, "word/document.xml");
        let title_at = xml.find("zażółć gęślą jaźń").expect("title");
        let style_at = xml[..title_at].rfind("<w:pStyle w:val=\"").expect("a paragraph style before the title");
        assert!(xml[style_at..title_at].starts_with("<w:pStyle w:val=\"Heading1\""));
        assert!(xml.contains("<w:pStyle w:val=\"Heading2\""));

        let styles = part(&bytes, "word/styles.xml");
        let def = styles.find("w:styleId=\"Heading1\"").expect("Heading1 is defined");
        let def = &styles[def..styles[def..].find("</w:style>").map_or(styles.len(), |e| def + e)];
        assert!(def.contains("<w:name w:val=\"heading 1\""), "{def}");
        assert!(def.contains("<w:outlineLvl w:val=\"0\""), "{def}");
    }

    #[test]
    fn header_rows_repeat_and_only_they() {
        let bytes = docx(&sample(30)).expect("writes");
        let xml = part(&bytes, "word/document.xml");
        // The events table and the remarks table each have one header row.
        assert_eq!(xml.matches("<w:tblHeader />").count(), 2);
        let header_at = xml.rfind("<w:tblHeader />").expect("remarks header");
        let first_cell = &xml[header_at..];
        let first_text = texts(first_cell).into_iter().next();
        assert_eq!(first_text.as_deref(), Some("Nr"));
    }

    #[test]
    fn language_and_title_are_set() {
        let bytes = docx(&sample(1)).expect("writes");
        let styles = part(&bytes, "word/styles.xml");
        let defaults =
            &styles[styles.find("<w:rPrDefault>").expect("defaults")..styles.find("</w:rPrDefault>").expect("end")];
        assert!(defaults.contains("<w:lang w:val=\"pl\""), "{defaults}");
        let core = part(&bytes, "docProps/core.xml");
        assert!(core.contains("<dc:title>Przebudowa ulicy Podzamcze — zażółć gęślą jaźń</dc:title>"), "{core}");
        assert!(core.contains("<dc:language>pl</dc:language>"));
    }

    #[test]
    fn control_characters_and_line_breaks_stay_valid() {
        let mut doc = sample(1);
        doc.title = "Tytuł \"z\" <b> & \u{1}".into();
        doc.remarks[0].answer = "pierwsza\u{b}druga\r\ntrzecia\u{7}".into();
        let bytes = docx(&doc).expect("writes");
        let xml = part(&bytes, "word/document.xml");
        assert!(!xml.contains('\u{1}') && !xml.contains('\u{7}') && !xml.contains('\u{b}'));
        let text = texts(&xml);
        for s in ["pierwsza", "druga", "trzecia"] {
            assert!(text.iter().any(|t| t == s), "{s} in {text:?}");
        }
        let core = part(&bytes, "docProps/core.xml");
        assert!(core.contains("<dc:title>Tytuł &quot;z&quot; &lt;b&gt; &amp; </dc:title>"), "{core}");
    }

    #[test]
    fn parts_are_compressed_and_content_types_come_first() {
        let bytes = docx(&sample(50)).expect("writes");
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("zip");
        for i in 0..zip.len() {
            assert!(!zip.by_index(i).expect("entry").is_dir(), "no folder entries");
        }
        assert_eq!(zip.by_index(0).expect("first entry").name().expect("name"), "[Content_Types].xml");
        let document = zip.by_name("word/document.xml").expect("document");
        assert_eq!(document.compression(), zip::CompressionMethod::Deflated);
        assert!(
            document.compressed_size() * 5 < document.size(),
            "{} of {}",
            document.compressed_size(),
            document.size()
        );
    }

    #[test]
    fn documents_are_a_bulleted_list() {
        let bytes = docx(&sample(1)).expect("writes");
        let numbering = part(&bytes, "word/numbering.xml");
        assert_eq!(numbering.matches(&format!("<w:num w:numId=\"{BULLETS}\">")).count(), 1, "{numbering}");
        let xml = part(&bytes, "word/document.xml");
        let at = xml.find("Koncepcja przebudowy (PDF)").expect("document title");
        let p = &xml[xml[..at].rfind("<w:p ").expect("its paragraph")..at];
        assert!(p.contains(&format!("<w:numId w:val=\"{BULLETS}\" />")), "{p}");
    }

    #[test]
    fn empty_report_still_writes_a_valid_package() {
        let doc = ReportDoc {
            counts: vec![crate::report::CountTable { caption: "Pusta".into(), rows: vec![] }],
            ..ReportDoc::default()
        };
        let bytes = docx(&doc).expect("writes");
        let xml = part(&bytes, "word/document.xml");
        assert!(!xml.contains("<w:tbl>"), "no table without rows");
        assert!(!xml.contains("Pusta"));
        let styles = part(&bytes, "word/styles.xml");
        assert!(!styles.contains("<w:lang"), "no language when none is given");
    }

    #[test]
    fn report_text_cannot_pose_as_the_remarks_placeholder() {
        let mut doc = sample(2);
        doc.title = REMARKS_PLACEHOLDER.into();
        doc.introduction = format!("x{REMARKS_PLACEHOLDER}y");
        let bytes = docx(&doc).expect("writes");
        let xml = part(&bytes, "word/document.xml");
        assert!(!xml.contains(REMARKS_PLACEHOLDER));
        let text = texts(&xml);
        let title = text.iter().position(|t| t == "remarks").expect("title, cleaned");
        assert_eq!(title, 0);
        assert!(text.iter().any(|t| t == "xremarksy"));
        let first = text.iter().position(|t| t.starts_with("Uwaga 1:")).expect("remark 1");
        let conclusions = text.iter().position(|t| t.starts_with("Miasto przebuduje")).expect("conclusions");
        assert!(first < conclusions, "the rows sit in the remarks table");
    }

    #[test]
    fn remark_rows_follow_the_header_in_the_same_table() {
        let bytes = docx(&sample(3)).expect("writes");
        let xml = part(&bytes, "word/document.xml");
        let header = xml.rfind("<w:tblHeader />").expect("remarks header");
        let table_end = header + xml[header..].find("</w:tbl>").expect("table end");
        let table = &xml[header..table_end];
        assert_eq!(table.matches("<w:tr>").count(), 3, "one row per remark");
        for i in 1..=3 {
            assert!(table.contains(&format!("Uwaga {i}: dodać")), "remark {i}");
        }
        // The header's eight cells come after its marker too.
        assert_eq!(table.matches("<w:tc>").count(), 8 + 3 * 8);
    }

    #[test]
    fn blank_lines_separate_paragraphs() {
        assert_eq!(paragraphs("a\n\n  \nb\nc\n\n"), vec!["a".to_owned(), "b\nc".to_owned()]);
        assert!(paragraphs(" \n").is_empty());
    }

    #[test]
    fn ten_thousand_remarks() {
        let doc = sample(10_000);
        let start = Instant::now();
        let bytes = docx(&doc).expect("writes");
        let took = start.elapsed();
        eprintln!("docx, 10000 remarks: {took:?}, {} bytes", bytes.len());
        let xml = part(&bytes, "word/document.xml");
        assert!(xml.contains("Uwaga 10000: dodać ścieżkę rowerową i ławki przy źródle"));
    }
}
