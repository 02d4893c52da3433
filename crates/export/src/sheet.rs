//! Documents besides the consultation report that are downloaded as accessible PDFs, such as a
//! certificate of participation or a dialogue body's yearly activity report: a title and a flow
//! of the parts the report is made of, so that one tagged PDF writer serves them all.

use crate::report::CountTable;

/// A document: its language, its title (the first heading and the PDF's title) and its parts
/// in reading order.
#[derive(Debug, Clone, Default)]
pub struct Sheet {
    /// Language code for the document's metadata ("pl", "en").
    pub lang: String,
    pub title: String,
    pub blocks: Vec<Block>,
}

/// One part of a [`Sheet`]. Empty texts and lists are left out, as in the report.
#[derive(Debug, Clone)]
pub enum Block {
    /// A section heading under the title.
    Heading(String),
    /// Plain text paragraphs separated by blank lines.
    Paragraph(String),
    /// A remark in italics, such as how a document was made.
    Note(String),
    /// Names and their values, side by side.
    Terms(Vec<(String, String)>),
    /// A bulleted list.
    List(Vec<String>),
    /// A small table of counts.
    Counts(CountTable),
    /// A sign-in sheet: names down the left, room to sign beside each.
    SignIn(SignInTable),
}

/// The table of a sign-in sheet printed for the door.
#[derive(Debug, Clone, Default)]
pub struct SignInTable {
    pub caption: String,
    /// The heads of the two columns.
    pub name_header: String,
    pub sign_header: String,
    /// One row each, in order; an empty name is a blank row for someone who comes unregistered.
    pub names: Vec<String>,
}
