//! The consultation report, and the other documents made of the same parts (a [`Sheet`]),
//! as tagged, accessible PDFs (PDF/UA-1).
//!
//! The layout is one flowing column on A4 pages. Text is measured with the fonts' own
//! advance widths and broken greedily at spaces, and every remark becomes a small
//! two-column table of its own, so a report of thousands of remarks is written in one
//! pass that holds a single page's drawing in memory at a time.

use std::num::NonZeroU16;
use std::ops::Range;

use krilla::color::luma;
use krilla::configure::{Accessibility, ConfigurationBuilder};
use krilla::destination::XyzDestination;
use krilla::geom::{PathBuilder, Point};
use krilla::metadata::Metadata;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::Stroke;
use krilla::surface::{Location, Surface};
use krilla::tagging::{
    Artifact, ArtifactType, ContentTag, Identifier, ListNumbering, Node, SpanTag, TableHeaderScope, Tag, TagGroup,
    TagKind, TagTree,
};
use krilla::text::{Font, GlyphId};
use krilla::{Document, SerializeSettings};
use skrifa::MetadataProvider;
use skrifa::charmap::Charmap;
use skrifa::instance::{LocationRef, Size};
use skrifa::metrics::GlyphMetrics;
use skrifa::string::StringId;
use unicode_normalization::UnicodeNormalization;

use crate::report::{CountTable, RemarkLine, ReportDoc};
use crate::sheet::{Block, Sheet, SignInTable};
use crate::xlsx::ExportError;

/// A4 in points.
const PAGE_W: f32 = 595.28;
const PAGE_H: f32 = 841.89;
/// 2 cm on every side.
const MARGIN: f32 = 56.69;
const TOP: f32 = MARGIN;
const BOTTOM: f32 = PAGE_H - MARGIN;
const LEFT: f32 = MARGIN;
const WIDTH: f32 = PAGE_W - 2.0 * MARGIN;

const BODY: f32 = 10.0;
const SMALL: f32 = 9.0;
const LEADING: f32 = 1.3;
/// Inner padding of a bordered table cell.
const PAD: f32 = 4.0;
/// Room above and below a name on a sign-in sheet, for a signature by hand.
const SIGN_PAD: f32 = 10.0;
/// Width of the label column in the terms list and the remark tables.
const LABEL_W: f32 = 125.0;
/// Width of a count table.
const COUNT_W: f32 = 280.0;

/// The faces the report is set in, by PostScript name, from the fonts bundled with
/// `typst-assets`: Libertinus Serif for the text, then two faces with wide coverage
/// for characters it lacks (arrows, box drawing, mathematical signs).
const REGULAR: &str = "LibertinusSerif-Regular";
const BOLD: &str = "LibertinusSerif-Bold";
const ITALIC: &str = "LibertinusSerif-Italic";
const FALLBACKS: [&str; 2] = ["DejaVuSansMono", "NewCMMath-Regular"];

/// Characters below this are resolved once per style and then looked up in a table,
/// which covers every Latin, Greek and Cyrillic letter.
const DENSE: usize = 0x0600;

/// Writes the report as a PDF/UA-1 document with its fonts embedded.
pub fn pdf(doc: &ReportDoc) -> Result<Vec<u8>, ExportError> {
    let lang = match doc.lang.trim() {
        "" => "pl".to_string(),
        l => l.to_string(),
    };
    // PDF/UA requires a document title and non-empty headings.
    let title = [&doc.title, &doc.labels.report, &doc.subject]
        .into_iter()
        .map(|s| clean(s))
        .find(|s| !s.is_empty())
        .unwrap_or_else(|| "–".to_string());

    let mut w = Writer::new(Fonts::load()?)?;
    w.report(doc, &title);
    w.finish(title, lang)
}

/// Writes a [`Sheet`] as a PDF/UA-1 document with its fonts embedded, laid out like the report.
pub fn sheet(doc: &Sheet) -> Result<Vec<u8>, ExportError> {
    let lang = match doc.lang.trim() {
        "" => "pl".to_string(),
        l => l.to_string(),
    };
    // PDF/UA requires a document title and non-empty headings.
    let title = match clean(&doc.title) {
        t if t.is_empty() => "–".to_string(),
        t => t,
    };
    let mut w = Writer::new(Fonts::load()?)?;
    w.heading(1, &title);
    for block in &doc.blocks {
        match block {
            Block::Heading(h) => w.section(h),
            Block::Paragraph(p) => w.paragraphs(p),
            Block::Note(n) => w.paragraph(n, Style::Italic, BODY),
            Block::Terms(terms) => {
                let terms: Vec<(&str, &str)> =
                    terms.iter().filter(|(_, v)| !clean(v).is_empty()).map(|(k, v)| (k.as_str(), v.as_str())).collect();
                if !terms.is_empty() {
                    w.terms(&terms);
                }
            }
            Block::List(items) if !items.is_empty() => w.list(items),
            Block::List(_) => {}
            Block::Counts(c) if !c.rows.is_empty() => w.count_table(c),
            Block::Counts(_) => {}
            Block::SignIn(t) => w.sign_in(t),
        }
    }
    w.finish(title, lang)
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Style {
    Regular = 0,
    Bold = 1,
    Italic = 2,
}

/// A character resolved to a glyph of one of the faces.
#[derive(Clone, Copy, Debug)]
struct Resolved {
    face: u8,
    id: u32,
    /// Advance in ems.
    adv: f32,
}

struct Face {
    pdf: Font,
    charmap: Charmap<'static>,
    metrics: GlyphMetrics<'static>,
    upem: f32,
}

struct Fonts {
    /// Regular, bold and italic, then the fallbacks.
    faces: Vec<Face>,
    cache: [Vec<Option<Resolved>>; 3],
    /// What a character no face has is drawn as, per style.
    missing: [Resolved; 3],
}

impl Fonts {
    fn load() -> Result<Self, ExportError> {
        let mut bundled: Vec<(String, &'static [u8])> = typst_assets::fonts()
            .filter_map(|data| {
                let font = skrifa::FontRef::new(data).ok()?;
                let name = font.localized_strings(StringId::POSTSCRIPT_NAME).english_or_first()?.to_string();
                Some((name, data))
            })
            .collect();
        let mut faces = Vec::new();
        for name in [REGULAR, BOLD, ITALIC].into_iter().chain(FALLBACKS) {
            let i = bundled
                .iter()
                .position(|(n, _)| n == name)
                .ok_or_else(|| ExportError::Write(format!("font {name} is not bundled")))?;
            let (_, data) = bundled.swap_remove(i);
            faces.push(Face::new(data)?);
        }
        let mut fonts = Self {
            faces,
            cache: [vec![None; DENSE], vec![None; DENSE], vec![None; DENSE]],
            missing: [Resolved { face: 0, id: 0, adv: 0.0 }; 3],
        };
        for style in [Style::Regular, Style::Bold, Style::Italic] {
            fonts.missing[style as usize] = ['\u{FFFD}', '?']
                .into_iter()
                .find_map(|c| fonts.lookup(style, c))
                .ok_or_else(|| ExportError::Write("font lacks a question mark".into()))?;
        }
        Ok(fonts)
    }

    fn lookup(&self, style: Style, ch: char) -> Option<Resolved> {
        [style as usize].into_iter().chain(3..self.faces.len()).find_map(|f| {
            let face = &self.faces[f];
            let id = face.charmap.map(ch).filter(|g| g.to_u32() != 0)?;
            let adv = face.metrics.advance_width(id).unwrap_or(0.0) / face.upem;
            Some(Resolved { face: f as u8, id: id.to_u32(), adv })
        })
    }

    fn resolve(&mut self, style: Style, ch: char) -> Resolved {
        let c = ch as usize;
        if c < DENSE
            && let Some(r) = self.cache[style as usize][c]
        {
            return r;
        }
        let r = self.lookup(style, ch).unwrap_or(self.missing[style as usize]);
        if c < DENSE {
            self.cache[style as usize][c] = Some(r);
        }
        r
    }

    /// Width of a piece of text in ems.
    fn width(&mut self, style: Style, text: &str) -> f32 {
        text.chars().map(|c| self.resolve(style, c).adv).sum()
    }
}

impl Face {
    fn new(data: &'static [u8]) -> Result<Self, ExportError> {
        let font = skrifa::FontRef::new(data).map_err(|e| ExportError::Write(e.to_string()))?;
        let pdf =
            Font::new(data.into(), 0).ok_or_else(|| ExportError::Write("a bundled font could not be read".into()))?;
        Ok(Self {
            pdf,
            charmap: font.charmap(),
            metrics: font.glyph_metrics(Size::unscaled(), LocationRef::default()),
            upem: f32::from(font.metrics(Size::unscaled(), LocationRef::default()).units_per_em),
        })
    }
}

/// A glyph as krilla draws it: its advance comes from the same table that measured the
/// line, so what was laid out is what is drawn.
struct PdfGlyph {
    id: u32,
    text: Range<usize>,
    adv: f32,
}

impl krilla::text::Glyph for PdfGlyph {
    fn glyph_id(&self) -> GlyphId {
        GlyphId::new(self.id)
    }
    fn text_range(&self) -> Range<usize> {
        self.text.clone()
    }
    fn x_advance(&self, size: f32) -> f32 {
        self.adv * size
    }
    fn x_offset(&self, _: f32) -> f32 {
        0.0
    }
    fn y_offset(&self, _: f32) -> f32 {
        0.0
    }
    fn y_advance(&self, _: f32) -> f32 {
        0.0
    }
    fn location(&self) -> Option<Location> {
        None
    }
}

/// Text as it is laid out: composed (so letters typed as a base and a combining mark
/// find the font's precomposed glyph), runs of spaces collapsed, at most one empty
/// line in a row, and no control or invisible formatting characters, which have no
/// glyph and would leave the PDF with unmapped ones.
fn clean(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    let mut after_cr = false;
    for ch in s.nfc() {
        let was_cr = std::mem::replace(&mut after_cr, ch == '\r');
        match ch {
            '\n' if was_cr => {}
            '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{85}' => {
                space = false;
                if !out.is_empty() && !out.ends_with("\n\n") {
                    out.push('\n');
                }
            }
            c if c.is_whitespace() => space = true,
            c if c.is_control() || invisible(c) => {}
            c => {
                if space && !out.is_empty() && !out.ends_with('\n') {
                    out.push(' ');
                }
                space = false;
                out.push(c);
            }
        }
    }
    while out.ends_with('\n') {
        out.pop();
    }
    out
}

fn invisible(c: char) -> bool {
    matches!(c,
        '\u{AD}' | '\u{34F}' | '\u{61C}' | '\u{180E}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}' | '\u{FFFE}' | '\u{FFFF}'
        | '\u{E0000}'..='\u{E0FFF}')
}

/// Text for a table cell, which must not be empty for the table to keep its shape.
fn cell(s: &str) -> String {
    let c = clean(s);
    if c.is_empty() { "–".to_string() } else { c }
}

/// A laid out line: a byte range of the cell's text and its width in points.
struct Line {
    text: Range<usize>,
    width: f32,
    /// Whether the line ends where the text has a space or a line break, drawn as a
    /// space so that words stay apart when the text is extracted or read aloud.
    space: bool,
}

/// One column of a row of text.
struct Cell {
    text: String,
    style: Style,
    x: f32,
    width: f32,
    right: bool,
    /// Whether the text ends with a space, so that a name read before its value in one
    /// paragraph stays a word apart from it.
    spaced: bool,
}

impl Cell {
    fn new(text: String, style: Style, x: f32, width: f32) -> Self {
        Self { text, style, x, width, right: false, spaced: false }
    }
}

/// A structure element, as recorded while laying out.
#[derive(Clone, Copy)]
enum Kind {
    P,
    /// A heading: its level and the index of its title.
    H(u16, u32),
    L(ListNumbering),
    LI,
    Lbl,
    LBody,
    Div,
    Table,
    Caption,
    TR,
    TH,
    /// A column's head, in a table's first row.
    ColumnTH,
    TD,
}

/// The structure tree, recorded flat in reading order while laying out. It is small
/// next to krilla's own tree, which is built from it only once every page is written,
/// when the marked content it points to has its identifiers.
#[derive(Clone, Copy)]
enum Ev {
    Open(Kind),
    Close,
    /// Marked content, by its place in the order of drawing.
    Leaf(u32),
}

/// A line of text waiting on the current page.
struct TextOp {
    /// Start of the baseline.
    at: Point,
    size: f32,
    style: Style,
    text: Range<usize>,
    /// Whether the line starts a new piece of marked content; the lines of one cell
    /// on one page share one.
    starts: bool,
}

/// A bordered block on the current page.
struct Frame {
    x: f32,
    width: f32,
    /// Where the vertical rule between label and value goes.
    split: Option<f32>,
    top: f32,
}

struct Writer {
    doc: Document,
    fonts: Fonts,
    page: usize,
    y: f32,
    texts: Vec<TextOp>,
    page_text: String,
    rules: Vec<[f32; 4]>,
    frame: Option<Frame>,
    /// Marked content of the pages written so far, in drawing order.
    ids: Vec<Identifier>,
    /// Marked content queued so far, written or not.
    queued: u32,
    events: Vec<Ev>,
    /// Heading titles, and where each heading is: level, title, page, y.
    headings: Vec<(u16, String, usize, f32)>,
    glyphs: Vec<PdfGlyph>,
}

impl Writer {
    fn new(fonts: Fonts) -> Result<Self, ExportError> {
        let configuration = ConfigurationBuilder::new()
            .with_accessibility_validator(Accessibility::UA1)
            .finish()
            .map_err(|e| ExportError::Write(format!("{e:?}")))?;
        let settings = SerializeSettings { configuration, enable_tagging: true, ..SerializeSettings::default() };
        Ok(Self {
            doc: Document::new_with(settings),
            fonts,
            page: 0,
            y: TOP,
            texts: Vec::new(),
            page_text: String::new(),
            rules: Vec::new(),
            frame: None,
            ids: Vec::new(),
            queued: 0,
            events: Vec::new(),
            headings: Vec::new(),
            glyphs: Vec::new(),
        })
    }

    fn report(&mut self, doc: &ReportDoc, title: &str) {
        let l = &doc.labels;
        self.paragraph(&l.report, Style::Regular, 12.0);
        self.heading(1, title);

        let note = [clean(&l.version), clean(&l.edition_note)]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(". ");
        self.paragraph(&note, Style::Italic, BODY);

        let methods = doc.methods.join(", ");
        let terms: Vec<(&str, &str)> = [
            (&l.subject, &doc.subject),
            (&l.organiser, &doc.organiser),
            (&l.dates, &doc.dates),
            (&l.legal_basis, &doc.legal_basis),
            (&l.methods, &methods),
        ]
        .into_iter()
        .filter(|(_, v)| !clean(v).is_empty())
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
        if !terms.is_empty() {
            self.terms(&terms);
        }

        if !clean(&doc.introduction).is_empty() {
            self.section(&l.introduction);
            self.paragraphs(&doc.introduction);
        }

        if !doc.events.is_empty() {
            self.section(&l.events);
            let items: Vec<String> = doc
                .events
                .iter()
                .map(|e| {
                    let mut s = format!("{}: {}, {}", e.kind, e.title, e.when);
                    if let Some(n) = e.attendance {
                        s.push_str(&format!(". {}: {n}", l.attendance));
                    }
                    s
                })
                .collect();
            self.list(&items);
        }

        if !doc.counts.is_empty() {
            self.section(&l.counts);
            for c in &doc.counts {
                self.count_table(c);
            }
        }

        if !doc.remarks.is_empty() {
            self.section(&l.remarks);
            for r in &doc.remarks {
                self.remark(doc, r);
            }
        }

        if !doc.survey.is_empty() {
            self.section(&l.survey);
            self.list(&doc.survey);
        }

        if !doc.documents.is_empty() {
            self.section(&l.documents);
            self.list(&doc.documents);
        }

        if !clean(&doc.conclusions).is_empty() {
            self.section(&l.conclusions);
            self.paragraphs(&doc.conclusions);
        }
    }

    /// A group holding the given marked content.
    fn element(&mut self, kind: Kind, leaves: Vec<u32>) {
        self.events.push(Ev::Open(kind));
        self.events.extend(leaves.into_iter().map(Ev::Leaf));
        self.events.push(Ev::Close);
    }

    /// A second-level heading, left out when its label is empty, as in the other formats.
    fn section(&mut self, label: &str) {
        if !clean(label).is_empty() {
            self.y += 8.0;
            self.heading(2, label);
        }
    }

    fn heading(&mut self, level: u16, text: &str) {
        let size = if level == 1 { 18.0 } else { 13.0 };
        // Keep a heading with the first lines of what it introduces.
        self.ensure(size * LEADING + 4.0 * BODY * LEADING);
        let (page, y) = (self.page, self.y);
        let text = clean(text);
        let title = text.replace('\n', " ");
        let leaves = self.row(&[Cell::new(text, Style::Bold, LEFT, WIDTH)], size, 0.0, false).swap_remove(0);
        self.y += 4.0;
        let index = u32::try_from(self.headings.len()).unwrap_or(u32::MAX);
        self.headings.push((level, title, page, y));
        self.element(Kind::H(level, index), leaves);
    }

    fn paragraph(&mut self, text: &str, style: Style, size: f32) {
        let text = clean(text);
        if text.is_empty() {
            return;
        }
        let leaves = self.row(&[Cell::new(text, style, LEFT, WIDTH)], size, 0.0, false).swap_remove(0);
        self.y += 6.0;
        self.element(Kind::P, leaves);
    }

    /// Plain text paragraphs separated by blank lines.
    fn paragraphs(&mut self, text: &str) {
        for p in clean(text).split("\n\n") {
            self.paragraph(p, Style::Regular, BODY);
        }
    }

    /// A list item or a term: a label and its body side by side.
    fn item(&mut self, label: Cell, body: Cell) {
        let mut out = self.row(&[label, body], BODY, 1.5, false).into_iter();
        self.events.push(Ev::Open(Kind::LI));
        self.element(Kind::Lbl, out.next().unwrap_or_default());
        self.element(Kind::LBody, out.next().unwrap_or_default());
        self.events.push(Ev::Close);
    }

    fn list(&mut self, items: &[String]) {
        self.events.push(Ev::Open(Kind::L(ListNumbering::Disc)));
        for item in items {
            self.item(
                Cell::new("•".into(), Style::Regular, LEFT + 4.0, 10.0),
                Cell::new(cell(item), Style::Regular, LEFT + 16.0, WIDTH - 16.0),
            );
        }
        self.events.push(Ev::Close);
        self.y += 4.0;
    }

    fn terms(&mut self, terms: &[(&str, &str)]) {
        self.events.push(Ev::Open(Kind::L(ListNumbering::None)));
        for (k, v) in terms {
            self.item(
                Cell::new(clean(k), Style::Bold, LEFT, LABEL_W - 6.0),
                Cell::new(clean(v), Style::Regular, LEFT + LABEL_W, WIDTH - LABEL_W),
            );
        }
        self.events.push(Ev::Close);
        self.y += 4.0;
    }

    /// A row of a bordered two-column table: a header cell and a data cell.
    fn table_row(&mut self, header: Cell, data: Cell, size: f32, first: bool) {
        let mut out = self.row(&[header, data], size, PAD / 2.0, !first).into_iter();
        self.events.push(Ev::Open(Kind::TR));
        self.element(Kind::TH, out.next().unwrap_or_default());
        self.element(Kind::TD, out.next().unwrap_or_default());
        self.events.push(Ev::Close);
    }

    fn count_table(&mut self, c: &CountTable) {
        let rows = c.rows.len() as f32;
        // Kept on one page when it fits on one.
        let height = (rows + 1.0) * (BODY * LEADING + PAD) + 10.0;
        if height < BOTTOM - TOP {
            self.ensure(height);
        }
        self.events.push(Ev::Open(Kind::Table));
        let caption = clean(&c.caption);
        if !caption.is_empty() {
            let leaves = self.row(&[Cell::new(caption, Style::Bold, LEFT, COUNT_W)], BODY, 2.0, false).swap_remove(0);
            self.element(Kind::Caption, leaves);
        }
        let split = COUNT_W * 0.7;
        self.begin_frame(LEFT, COUNT_W, Some(LEFT + split));
        for (i, (label, n)) in c.rows.iter().enumerate() {
            let mut count = Cell::new(n.to_string(), Style::Regular, LEFT + split + PAD, COUNT_W - split - 2.0 * PAD);
            count.right = true;
            let label = Cell::new(cell(label), Style::Regular, LEFT + PAD, split - 2.0 * PAD);
            self.table_row(label, count, BODY, i == 0);
        }
        self.end_frame();
        self.events.push(Ev::Close);
        self.y += 8.0;
    }

    /// A sign-in table across the page: a header row, then a row a name, each tall enough to
    /// sign in by hand, breaking across pages as the rows run.
    fn sign_in(&mut self, t: &SignInTable) {
        self.events.push(Ev::Open(Kind::Table));
        let caption = clean(&t.caption);
        if !caption.is_empty() {
            let leaves = self.row(&[Cell::new(caption, Style::Bold, LEFT, WIDTH)], BODY, 2.0, false).swap_remove(0);
            self.element(Kind::Caption, leaves);
        }
        let split = WIDTH * 0.55;
        let cells = |name: String, sign: String, style: Style| {
            [
                Cell::new(name, style, LEFT + PAD, split - 2.0 * PAD),
                Cell::new(sign, style, LEFT + split + PAD, WIDTH - split - 2.0 * PAD),
            ]
        };
        self.begin_frame(LEFT, WIDTH, Some(LEFT + split));
        let head = cells(cell(&t.name_header), cell(&t.sign_header), Style::Bold);
        let mut out = self.row(&head, BODY, PAD / 2.0, false).into_iter();
        self.events.push(Ev::Open(Kind::TR));
        self.element(Kind::ColumnTH, out.next().unwrap_or_default());
        self.element(Kind::ColumnTH, out.next().unwrap_or_default());
        self.events.push(Ev::Close);
        for (i, name) in t.names.iter().enumerate() {
            let label = if name.is_empty() { format!("{}.", i + 1) } else { format!("{}. {}", i + 1, cell(name)) };
            let row = cells(label, String::new(), Style::Regular);
            let mut out = self.row(&row, BODY, SIGN_PAD, true).into_iter();
            self.events.push(Ev::Open(Kind::TR));
            self.element(Kind::TD, out.next().unwrap_or_default());
            self.element(Kind::TD, out.next().unwrap_or_default());
            self.events.push(Ev::Close);
        }
        self.end_frame();
        self.events.push(Ev::Close);
        self.y += 8.0;
    }

    /// One remark in a bordered frame: the field names in a column on the left, the values
    /// beside them. Each field is tagged as one paragraph, its name read before its value:
    /// the relation the layout shows is kept in the reading order, with 9 structure elements a
    /// remark rather than the 25 of a table of eight rows, which the report of a large
    /// consultation repeats ten thousand times and a PDF holds in memory until it is written.
    fn remark(&mut self, doc: &ReportDoc, r: &RemarkLine) {
        let l = &doc.labels;
        let fields: [(&str, String); 8] = [
            (&l.col_number, r.number.to_string()),
            (&l.col_section, cell(&r.section)),
            (&l.col_proposed, cell(&r.proposed_change)),
            (&l.col_justification, cell(&r.justification)),
            (&l.col_who, cell(&r.who)),
            (&l.col_channel, cell(&r.channel)),
            (&l.col_decision, cell(&r.decision)),
            (&l.col_answer, cell(&r.answer)),
        ];
        // The start of a remark, not just its top border, goes on the page it starts on.
        self.ensure(3.0 * (SMALL * LEADING + PAD));
        self.events.push(Ev::Open(Kind::Div));
        self.begin_frame(LEFT, WIDTH, Some(LEFT + LABEL_W));
        for (i, (label, value)) in fields.into_iter().enumerate() {
            let mut name = Cell::new(cell(label), Style::Bold, LEFT + PAD, LABEL_W - 2.0 * PAD);
            name.spaced = true;
            let data = Cell::new(value, Style::Regular, LEFT + LABEL_W + PAD, WIDTH - LABEL_W - 2.0 * PAD);
            let leaves = self.row(&[name, data], SMALL, PAD / 2.0, i > 0);
            self.element(Kind::P, leaves.into_iter().flatten().collect());
        }
        self.end_frame();
        self.events.push(Ev::Close);
        self.y += 6.0;
    }

    /// Starts a new page unless `height` fits on this one (or this one is still empty).
    fn ensure(&mut self, height: f32) {
        if self.y + height > BOTTOM && self.y > TOP + 1.0 {
            self.new_page();
        }
    }

    fn begin_frame(&mut self, x: f32, width: f32, split: Option<f32>) {
        self.frame = Some(Frame { x, width, split, top: self.y });
    }

    fn end_frame(&mut self) {
        self.close_frame(self.y);
        self.frame = None;
    }

    /// Draws the part of the current frame that is on this page.
    fn close_frame(&mut self, bottom: f32) {
        if let Some(f) = &self.frame {
            let (l, r, t) = (f.x, f.x + f.width, f.top);
            self.rules.push([l, t, r, t]);
            self.rules.push([l, bottom, r, bottom]);
            self.rules.push([l, t, l, bottom]);
            self.rules.push([r, t, r, bottom]);
            if let Some(s) = f.split {
                self.rules.push([s, t, s, bottom]);
            }
        }
    }

    /// Lays out cells side by side, breaking the page between lines. Returns each
    /// cell's marked content: one piece per page the cell is on.
    fn row(&mut self, cells: &[Cell], size: f32, pad: f32, rule_above: bool) -> Vec<Vec<u32>> {
        let lines: Vec<Vec<Line>> = cells.iter().map(|c| self.lines(&c.text, c.style, size, c.width)).collect();
        let n = lines.iter().map(Vec::len).max().unwrap_or(0);
        let lh = size * LEADING;
        if self.y + 2.0 * pad + lh > BOTTOM {
            self.new_page();
        }
        if rule_above
            && let Some(f) = &self.frame
            && self.y > f.top + 0.5
        {
            self.rules.push([f.x, self.y, f.x + f.width, self.y]);
        }
        self.y += pad;
        let mut out: Vec<Vec<u32>> = cells.iter().map(|_| Vec::new()).collect();
        let mut i = 0;
        while i < n {
            // Floors a non-negative count of lines; the small slack absorbs rounding.
            let fit = ((BOTTOM - self.y) / lh + 1e-3).max(0.0) as usize;
            if fit == 0 {
                self.new_page();
                self.y += pad;
                continue;
            }
            let end = n.min(i + fit);
            for (k, c) in cells.iter().enumerate() {
                let mut starts = true;
                for (j, line) in lines[k].iter().enumerate().take(end).skip(i) {
                    if line.text.is_empty() {
                        continue;
                    }
                    let x = if c.right { c.x + c.width - line.width } else { c.x };
                    let at = Point::from_xy(x, self.y + (j - i) as f32 * lh + size);
                    let text = &c.text[line.text.clone()];
                    let space = line.space || (c.spaced && j + 1 == lines[k].len());
                    if let Some(slot) = self.queue(at, size, c.style, text, space, starts) {
                        out[k].push(slot);
                    }
                    starts = false;
                }
            }
            self.y += (end - i) as f32 * lh;
            i = end;
        }
        self.y += pad;
        out
    }

    /// Queues a line; returns the new piece of marked content if it starts one.
    fn queue(&mut self, at: Point, size: f32, style: Style, text: &str, space: bool, starts: bool) -> Option<u32> {
        let start = self.page_text.len();
        self.page_text.push_str(text);
        if space {
            self.page_text.push(' ');
        }
        let text = start..self.page_text.len();
        self.texts.push(TextOp { at, size, style, text, starts });
        starts.then(|| {
            self.queued += 1;
            self.queued - 1
        })
    }

    /// Greedy line breaking at spaces; a word wider than the line is broken between
    /// characters. An empty line of the text still takes its height.
    fn lines(&mut self, text: &str, style: Style, size: f32, max: f32) -> Vec<Line> {
        let mut out = Vec::new();
        let space = self.fonts.resolve(style, ' ').adv * size;
        let mut base = 0;
        for hard in text.split('\n') {
            let mut cur: Option<(usize, usize, f32)> = None;
            let mut pos = base;
            for word in hard.split(' ') {
                let (ws, we) = (pos, pos + word.len());
                pos = we + 1;
                if word.is_empty() {
                    continue;
                }
                let w = self.fonts.width(style, word) * size;
                if let Some((s, e, cw)) = cur {
                    if cw + space + w <= max {
                        cur = Some((s, we, cw + space + w));
                        continue;
                    }
                    out.push(Line { text: s..e, width: cw, space: true });
                }
                if w <= max {
                    cur = Some((ws, we, w));
                } else {
                    let (mut s, mut cw) = (ws, 0.0);
                    for (i, ch) in word.char_indices() {
                        let a = self.fonts.resolve(style, ch).adv * size;
                        if cw + a > max && cw > 0.0 {
                            out.push(Line { text: s..ws + i, width: cw, space: false });
                            s = ws + i;
                            cw = 0.0;
                        }
                        cw += a;
                    }
                    cur = Some((s, we, cw));
                }
            }
            out.push(match cur {
                Some((s, e, w)) => Line { text: s..e, width: w, space: true },
                None => Line { text: base..base, width: 0.0, space: false },
            });
            base += hard.len() + 1;
        }
        if let Some(last) = out.last_mut() {
            last.space = false;
        }
        out
    }

    fn new_page(&mut self) {
        self.close_frame(self.y);
        self.write_page();
        self.page += 1;
        self.y = TOP;
        if let Some(f) = &mut self.frame {
            f.top = TOP;
        }
    }

    /// Writes the current page and its number; from here on it holds no memory here.
    fn write_page(&mut self) {
        let Some(settings) = PageSettings::from_wh(PAGE_W, PAGE_H) else {
            return;
        };
        let mut page = self.doc.start_page_with(settings);
        let mut surface = page.surface();
        let mut open = false;
        for op in self.texts.drain(..) {
            if op.starts {
                if open {
                    surface.end_tagged();
                }
                self.ids.push(surface.start_tagged(ContentTag::Span(SpanTag::empty())));
                open = true;
            }
            draw_text(
                &mut surface,
                &mut self.fonts,
                &mut self.glyphs,
                op.at,
                op.size,
                op.style,
                &self.page_text[op.text],
            );
        }
        if open {
            surface.end_tagged();
        }
        self.page_text.clear();

        if !self.rules.is_empty() {
            let mut pb = PathBuilder::new();
            for [x1, y1, x2, y2] in self.rules.drain(..) {
                pb.move_to(x1, y1);
                pb.line_to(x2, y2);
            }
            if let Some(path) = pb.finish() {
                surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(ArtifactType::Layout)));
                surface.set_stroke(Some(Stroke {
                    paint: luma::Color::new(140).into(),
                    width: 0.5,
                    ..Stroke::default()
                }));
                surface.draw_path(&path);
                surface.set_stroke(None);
                surface.end_tagged();
            }
        }

        let number = (self.page + 1).to_string();
        let width = self.fonts.width(Style::Regular, &number) * SMALL;
        surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(ArtifactType::PageNumber)));
        draw_text(
            &mut surface,
            &mut self.fonts,
            &mut self.glyphs,
            Point::from_xy((PAGE_W - width) / 2.0, PAGE_H - MARGIN / 2.0),
            SMALL,
            Style::Regular,
            &number,
        );
        surface.end_tagged();
        surface.finish();
        page.finish();
    }

    fn finish(mut self, title: String, lang: String) -> Result<Vec<u8>, ExportError> {
        self.close_frame(self.y);
        self.write_page();
        let Writer { mut doc, events, ids, headings, .. } = self;

        let mut tags = TagTree::new().with_lang(Some(lang.clone()));
        let mut stack: Vec<(TagKind, Vec<Node>)> = Vec::new();
        for ev in events {
            match ev {
                Ev::Open(kind) => stack.push((kind.tag(&headings), Vec::new())),
                Ev::Leaf(i) => {
                    if let (Some((_, children)), Some(id)) = (stack.last_mut(), ids.get(i as usize)) {
                        children.push(Node::Leaf(*id));
                    }
                }
                Ev::Close => {
                    if let Some((kind, mut children)) = stack.pop() {
                        // Most elements hold one or two children, far below what a
                        // growing vector reserves, and there are hundreds of thousands.
                        children.shrink_to_fit();
                        let group = TagGroup::with_children(kind, children);
                        match stack.last_mut() {
                            Some((_, parent)) => parent.push(Node::Group(group)),
                            None => tags.push(group),
                        }
                    }
                }
            }
        }
        drop(ids);
        doc.set_tag_tree(tags);

        let mut outline = Outline::new();
        let mut top: Option<OutlineNode> = None;
        for (level, text, page, y) in headings {
            let node = OutlineNode::new(text, XyzDestination::new(page, Point::from_xy(LEFT, y)));
            match (level, &mut top) {
                (1, _) => {
                    if let Some(t) = top.replace(node.with_open(true)) {
                        outline.push_child(t);
                    }
                }
                (_, Some(t)) => t.push_child(node),
                (_, None) => outline.push_child(node),
            }
        }
        if let Some(t) = top {
            outline.push_child(t);
        }
        doc.set_outline(outline);
        doc.set_metadata(Metadata::new().title(title).language(lang));
        doc.finish().map_err(|e| ExportError::Write(e.to_string()))
    }
}

impl Kind {
    fn tag(self, headings: &[(u16, String, usize, f32)]) -> TagKind {
        match self {
            Kind::P => Tag::P.into(),
            Kind::H(level, title) => {
                let title = headings.get(title as usize).map(|h| h.1.clone());
                Tag::Hn(NonZeroU16::new(level).unwrap_or(NonZeroU16::MIN), title).into()
            }
            Kind::L(numbering) => Tag::L(numbering).into(),
            Kind::LI => Tag::LI.into(),
            Kind::Lbl => Tag::Lbl.into(),
            Kind::LBody => Tag::LBody.into(),
            Kind::Div => Tag::Div.into(),
            Kind::Table => Tag::Table.into(),
            Kind::Caption => Tag::Caption.into(),
            Kind::TR => Tag::TR.into(),
            Kind::TH => Tag::TH(TableHeaderScope::Row).into(),
            Kind::ColumnTH => Tag::TH(TableHeaderScope::Column).into(),
            Kind::TD => Tag::TD.into(),
        }
    }
}

/// Draws one line, switching to a fallback face for the characters the text face lacks.
fn draw_text(
    surface: &mut Surface<'_>,
    fonts: &mut Fonts,
    glyphs: &mut Vec<PdfGlyph>,
    at: Point,
    size: f32,
    style: Style,
    text: &str,
) {
    let (mut x, baseline) = (at.x, at.y);
    let mut run_start = 0;
    let mut run_face = None;
    let mut run_adv = 0.0;
    glyphs.clear();
    for (i, ch) in text.char_indices() {
        let r = fonts.resolve(style, ch);
        if let Some(face) = run_face.filter(|&f| f != r.face) {
            let font = fonts.faces[usize::from(face)].pdf.clone();
            surface.draw_glyphs(Point::from_xy(x, baseline), glyphs, font, &text[run_start..i], size, false);
            x += run_adv * size;
            glyphs.clear();
            run_start = i;
            run_adv = 0.0;
        }
        run_face = Some(r.face);
        run_adv += r.adv;
        glyphs.push(PdfGlyph { id: r.id, text: i - run_start..i - run_start + ch.len_utf8(), adv: r.adv });
    }
    if let Some(face) = run_face {
        let font = fonts.faces[usize::from(face)].pdf.clone();
        surface.draw_glyphs(Point::from_xy(x, baseline), glyphs, font, &text[run_start..], size, false);
    }
}

#[cfg(test)]
mod tests {
    use std::time::Instant;

    use super::*;
    use crate::report::sample;
    use crate::sheet::{Block, Sheet, SignInTable};

    fn count(haystack: &[u8], needle: &str) -> usize {
        haystack.windows(needle.len()).filter(|w| *w == needle.as_bytes()).count()
    }

    fn contains(haystack: &[u8], needle: &str) -> bool {
        count(haystack, needle) > 0
    }

    /// The text a reader extracts, with the line breaks of the layout flattened.
    fn text(bytes: &[u8]) -> String {
        let text = pdf_extract::extract_text_from_mem(bytes).expect("text");
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn pdf_is_tagged_and_its_text_reads_back() {
        let mut doc = sample(20);
        doc.remarks[4].who = "ZAŻÓŁĆ GĘŚLĄ JAŹŃ".into();
        let bytes = pdf(&doc).expect("pdf");
        assert!(bytes.starts_with(b"%PDF"));
        for key in [
            "/StructTreeRoot",
            "/MarkInfo<</Marked true",
            "/Lang(pl)",
            "pdfuaid:part",
            "/DisplayDocTitle true",
            "/Outlines",
            "/S/H1",
            "/S/H2",
            "/S/P",
            "/S/L/",
            "/S/LBody",
            "/S/Caption",
        ] {
            assert!(contains(&bytes, key), "{key} missing");
        }
        // A table per count table, its labels as row headers; a group of eight paragraphs
        // per remark, each a field's name and its value.
        assert_eq!(count(&bytes, "/S/Table"), 1);
        assert_eq!(count(&bytes, "/S/TH"), 2);
        assert_eq!(count(&bytes, "/S/TD"), 2);
        assert!(contains(&bytes, "/Scope/Row"));
        assert_eq!(count(&bytes, "/S/Div"), 20);

        let text = text(&bytes);
        for expected in [
            "Przebudowa ulicy Podzamcze — zażółć gęślą jaźń",
            "Zgłaszający ZAŻÓŁĆ GĘŚLĄ JAŹŃ",
            "Osoba prywatna nr 1",
            "Stowarzyszenie Miasto Ludzi",
            "pieszych & rowerzystów <ważne>",
            "Uwaga 20: dodać ścieżkę rowerową i ławki przy źródle",
            "Uwzględniono w projekcie wykonawczym.",
            "Liczba uczestników: 42",
            "Nieuwzględniona 1",
            "Koncepcja przebudowy (PDF)",
            "Miasto przebuduje ulicę w 2028 roku.",
        ] {
            assert!(text.contains(expected), "{expected:?} missing from:\n{text}");
        }
    }

    #[test]
    fn a_sheet_is_tagged_like_the_report_and_leaves_out_empty_parts() {
        let doc = Sheet {
            lang: "pl".into(),
            title: "Zaświadczenie o udziale w pracach ciała dialogu".into(),
            blocks: vec![
                Block::Terms(vec![("Imię i nazwisko".into(), "Anna Żółć".into()), ("Puste".into(), " ".into())]),
                Block::Heading("Posiedzenia".into()),
                Block::List(vec!["12 marca 2026: Posiedzenie nr 3".into()]),
                Block::Heading("Opinie".into()),
                Block::List(Vec::new()),
                Block::Paragraph("Brak.".into()),
                Block::Counts(CountTable { caption: "Głosy".into(), rows: vec![("Za".into(), 9)] }),
                Block::SignIn(SignInTable {
                    caption: "Lista obecności".into(),
                    name_header: "Uczestnik".into(),
                    sign_header: "Podpis".into(),
                    names: (0..60)
                        .map(|i| if i < 55 { format!("Uczestnik Żółty {i}") } else { String::new() })
                        .collect(),
                }),
                Block::Note("Wydano 4 grudnia 2026, nr ZU/2026/000001.".into()),
            ],
        };
        let bytes = sheet(&doc).expect("pdf");
        for key in ["/StructTreeRoot", "/Lang(pl)", "pdfuaid:part", "/S/H1", "/S/H2", "/S/L/", "/S/Table"] {
            assert!(contains(&bytes, key), "{key} missing");
        }
        let text = text(&bytes);
        for expected in [
            "Zaświadczenie o udziale w pracach ciała dialogu",
            "Imię i nazwisko Anna Żółć",
            "12 marca 2026: Posiedzenie nr 3",
            "Za 9",
            "Uczestnik Podpis",
            "1. Uczestnik Żółty 0",
            "55. Uczestnik Żółty 54",
            "60.",
            "nr ZU/2026/000001",
        ] {
            assert!(text.contains(expected), "{expected:?} missing from:\n{text}");
        }
        assert!(!text.contains("Puste"), "{text}");
        assert!(sheet(&Sheet::default()).expect("an empty sheet").starts_with(b"%PDF"));
    }

    #[test]
    fn pdf_prints_markup_characters_literally() {
        let mut doc = sample(1);
        doc.remarks[0].proposed_change = "#set page(width: 1cm) [x] $y$ *z* <w> \\ _u_ @v // q".into();
        let text = text(&pdf(&doc).expect("pdf"));
        assert!(text.contains("#set page(width: 1cm) [x] $y$ *z* <w> \\ _u_ @v // q"), "{text}");
    }

    #[test]
    fn long_texts_wrap_and_break_across_pages() {
        let mut doc = sample(1);
        let words = (1..=900).map(|i| format!("słowo{i}")).collect::<Vec<_>>();
        let url = format!("https://example.org/{}", "a".repeat(300));
        doc.remarks[0].justification = format!("{}\n\n{url}", words.join(" "));
        let bytes = pdf(&doc).expect("pdf");
        assert!(count(&bytes, "/Type/Page/") >= 3);
        let text = text(&bytes);
        // Page numbers come between the pages' text in extraction, so word by word.
        let mut rest = text.as_str();
        for word in &words {
            let at = rest.find(&format!("{word} ")).unwrap_or_else(|| panic!("{word}: {text}"));
            rest = &rest[at..];
        }
        assert!(text.contains(&url[..60]), "{text}");
        // Everything after the long remark is still there.
        assert!(text.contains("Miasto przebuduje ulicę w 2028 roku."), "{text}");
    }

    #[test]
    fn text_without_glyphs_or_in_decomposed_form_still_makes_a_valid_pdf() {
        let mut doc = sample(1);
        // "źródło" typed as base letters with combining accents.
        doc.remarks[0].proposed_change = "z\u{301}ro\u{301}dło".into();
        doc.remarks[0].answer = "Tab\there,\r\nnul\u{0}and zero\u{200B}width; ┼ ∑ → 😀 \u{E000} \u{FEFF}".into();
        let bytes = pdf(&doc).expect("pdf");
        let text = text(&bytes);
        assert!(text.contains("źródło"), "{text}");
        assert!(text.contains("Tab here,"), "{text}");
        assert!(text.contains("nuland zerowidth; ┼ ∑ →"), "{text}");
    }

    #[test]
    fn characters_the_serif_lacks_come_from_a_fallback_face() {
        let mut fonts = Fonts::load().expect("fonts");
        assert_eq!(fonts.resolve(Style::Regular, 'ż').face, Style::Regular as u8);
        assert_eq!(fonts.resolve(Style::Bold, 'Ż').face, Style::Bold as u8);
        assert!(fonts.resolve(Style::Regular, '┼').face >= 3);
        let missing = fonts.resolve(Style::Italic, '😀');
        assert_ne!(missing.id, 0, "no character may be drawn as .notdef");
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
        assert!(contains(&bytes, "/Lang(pl)"));
        let text = text(&bytes);
        assert!(text.contains("Odpowiedzi: 120"), "{text}");
    }

    #[test]
    fn pdf_of_an_empty_report_passes_the_ua_checks() {
        let mut doc = ReportDoc { remarks: sample(1).remarks, ..ReportDoc::default() };
        doc.remarks[0].section = String::new();
        doc.remarks[0].answer = " \n ".into();
        let bytes = pdf(&doc).expect("pdf");
        assert!(bytes.starts_with(b"%PDF"));
    }

    #[test]
    fn pdf_of_ten_thousand_remarks_has_many_pages() {
        let bytes = pdf(&sample(10_000)).expect("pdf");
        assert!(count(&bytes, "/Type/Page/") > 1_000);
    }

    /// The named figure of this process's memory, in KiB.
    fn memory_kib(field: &str) -> u64 {
        let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
        status
            .lines()
            .find_map(|l| l.strip_prefix(field))
            .and_then(|l| l.split_whitespace().next()?.parse().ok())
            .unwrap_or(0)
    }

    /// The budget is under 5 s and under 200 MB of peak memory in a release build;
    /// run alone, so that no other test's memory counts:
    /// `cargo test -p agora-export --release pdf_budget -- --ignored --nocapture`.
    #[test]
    #[ignore = "a measurement, for a release build"]
    fn pdf_budget_for_ten_thousand_remarks() {
        let doc = sample(10_000);
        let before = memory_kib("VmRSS:");
        let start = Instant::now();
        let bytes = pdf(&doc).expect("pdf");
        let elapsed = start.elapsed();
        let peak = memory_kib("VmHWM:");
        println!(
            "pdf: 10000 remarks, {} pages, {} bytes, {:.2?}, peak RSS {} MiB ({} MiB before)",
            count(&bytes, "/Type/Page/"),
            bytes.len(),
            elapsed,
            peak / 1024,
            before / 1024,
        );
        assert!(elapsed.as_secs_f64() < 5.0);
        assert!(peak < 200 * 1024);
    }
}
