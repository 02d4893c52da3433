//! CSV in UTF-8 with a header row, one record at a time, separated as the reader's
//! spreadsheet expects.

/// The byte-order mark that makes spreadsheet programs read the file as UTF-8.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// A cell as it is safe to hand to a spreadsheet: one that begins with `=`, `+`, `-`, `@`, a tab or
/// a carriage return would be run as a formula (a remark's text is anyone's input), so it gets a
/// leading apostrophe, which spreadsheets read as "this is text", as OWASP advises. A number
/// ("-5", "+2.5") is left as it is: it cannot be a formula, and quoting it would make it text.
pub fn neutralised(cell: &[u8]) -> std::borrow::Cow<'_, [u8]> {
    let risky = matches!(cell.first(), Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r'));
    let number = || std::str::from_utf8(cell).is_ok_and(|s| s.parse::<f64>().is_ok_and(f64::is_finite));
    if risky && !number() {
        let mut out = Vec::with_capacity(cell.len() + 1);
        out.push(b'\'');
        out.extend_from_slice(cell);
        std::borrow::Cow::Owned(out)
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

/// How the cells of a file are separated.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Separator {
    /// Semicolons, and decimal commas in numbers: what Excel set to Polish expects, since
    /// there the comma is the decimal sign. It would put a comma-separated file in one column
    /// and read "4.5" as the 4th of May.
    #[default]
    Semicolon,
    /// Commas and decimal points, for other programs and other languages.
    Comma,
}

impl Separator {
    /// The separator a download's `separator` parameter asks for: `przecinek` (comma), else
    /// the semicolon.
    pub fn from_param(raw: &str) -> Separator {
        if raw.trim() == "przecinek" { Separator::Comma } else { Separator::Semicolon }
    }

    fn byte(self) -> u8 {
        match self {
            Separator::Semicolon => b';',
            Separator::Comma => b',',
        }
    }
}

/// A cell as `sep`'s readers take it: a decimal number gets a decimal comma under semicolons.
fn localised(sep: Separator, cell: &[u8]) -> std::borrow::Cow<'_, [u8]> {
    let decimal = || std::str::from_utf8(cell).is_ok_and(|s| s.parse::<f64>().is_ok_and(f64::is_finite));
    if sep == Separator::Semicolon && cell.contains(&b'.') && decimal() {
        std::borrow::Cow::Owned(cell.iter().map(|b| if *b == b'.' { b',' } else { *b }).collect())
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

/// A cell ready to write: [`neutralised`], then [`localised`]. A neutralised cell starts with an
/// apostrophe, so it is no number and stays as it is.
fn cell(sep: Separator, c: &[u8]) -> std::borrow::Cow<'_, [u8]> {
    match neutralised(c) {
        std::borrow::Cow::Borrowed(b) => localised(sep, b),
        owned => owned,
    }
}

/// Encodes one record as a CSV line separated by `sep`, quoting where needed, every cell
/// [`neutralised`].
pub fn record<I, S>(sep: Separator, fields: I) -> Vec<u8>
where
    I: IntoIterator<Item = S>,
    S: AsRef<[u8]>,
{
    let mut w = csv::WriterBuilder::new().delimiter(sep.byte()).from_writer(Vec::with_capacity(128));
    let cells: Vec<S> = fields.into_iter().collect();
    // Writing to a Vec cannot fail; an empty line is the safe fallback.
    if w.write_record(cells.iter().map(|c| cell(sep, c.as_ref()))).is_err() {
        return b"\n".to_vec();
    }
    w.into_inner().unwrap_or_default()
}

/// The first chunk of a file: the byte-order mark and the header row.
pub fn header<I, S>(sep: Separator, names: I) -> Vec<u8>
where
    I: IntoIterator<Item = S>,
    S: AsRef<[u8]>,
{
    let mut out = BOM.to_vec();
    out.extend(record(sep, names));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_commas_quotes_and_newlines() {
        let comma = Separator::Comma;
        assert_eq!(record(comma, ["a", "b,c", "d\"e", "f\ng"]), b"a,\"b,c\",\"d\"\"e\",\"f\ng\"\n".to_vec());
        assert!(header(comma, ["kto", "co"]).starts_with(BOM));
        assert_eq!(String::from_utf8(record(comma, ["Łódź", "żółw"])).unwrap(), "Łódź,żółw\n");
    }

    #[test]
    fn semicolons_and_decimal_commas_for_polish_excel() {
        let line = |cells: &[&str]| String::from_utf8(record(Separator::Semicolon, cells.iter().copied())).unwrap();
        assert_eq!(
            line(&["a", "b;c", "d,e", "4.5", "-0.25", "3", "v1.2", "2026-05-04 10:30"]),
            "a;\"b;c\";d,e;4,5;-0,25;3;v1.2;2026-05-04 10:30\n"
        );
        assert!(header(Separator::Semicolon, ["kto"]).starts_with(BOM));
        assert_eq!(Separator::from_param("przecinek"), Separator::Comma);
        assert_eq!(Separator::from_param(""), Separator::Semicolon);
    }

    #[test]
    fn cells_a_spreadsheet_would_run_become_text_and_numbers_stay_numbers() {
        let line = |cells: &[&str]| String::from_utf8(record(Separator::Comma, cells.iter().copied())).unwrap();
        assert_eq!(
            line(&["=HYPERLINK(\"http://evil\")", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"]),
            "\"'=HYPERLINK(\"\"http://evil\"\")\",'+1+1,'-2+3,'@SUM(A1),'\tx,\"'\rx\"\n"
        );
        assert_eq!(line(&["-5", "+2.5", "-0.25", "tekst", "a=b", ""]), "-5,+2.5,-0.25,tekst,a=b,\n");
        assert_eq!(line(&["-inf", "-NaN"]), "'-inf,'-NaN\n", "not a finite number, so text");
    }
}
