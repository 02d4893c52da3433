//! A large table as an xlsx workbook, written row by row in the library's constant-memory
//! mode as the rows arrive, with a second sheet that explains the columns (a codebook).

use rust_xlsxwriter::{Format, Workbook};

use crate::xlsx::ExportError;

/// Excel's limit for the text of one cell, counted in UTF-16 code units.
const CELL_TEXT_MAX: usize = 32_767;
/// Excel's last row.
const ROWS_MAX: u32 = 1_048_575;

fn clip(s: &str) -> &str {
    if s.len() <= CELL_TEXT_MAX / 2 {
        return s;
    }
    let mut units = 0;
    for (i, c) in s.char_indices() {
        units += c.len_utf16();
        if units > CELL_TEXT_MAX {
            return &s[..i];
        }
    }
    s
}

/// Whether a cell is a plain number worth storing as one (codes and counts; not "007").
fn as_number(s: &str) -> Option<f64> {
    if s.is_empty() || s.len() > 15 || (s.len() > 1 && s.starts_with('0') && !s.starts_with("0.")) {
        return None;
    }
    s.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// Writes `headers`, then every row `next_row` yields until it returns `None`, then the
/// codebook rows on a sheet of their own; returns the file.
pub fn table_xlsx(
    sheet: &str,
    headers: &[String],
    mut next_row: impl FnMut() -> Option<Vec<String>>,
    codebook_sheet: &str,
    codebook: &[Vec<String>],
) -> Result<Vec<u8>, ExportError> {
    let mut workbook = Workbook::new();
    if workbook.add_worksheet_with_constant_memory().is_err() {
        workbook.add_worksheet();
    }
    let bold = Format::new().set_bold();
    let ws = workbook.worksheet_from_index(0)?;
    ws.set_name(sheet)?;
    for (c, h) in headers.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, clip(h), &bold)?;
    }
    let mut row: u32 = 1;
    while let Some(cells) = next_row() {
        if row > ROWS_MAX {
            break;
        }
        for (c, v) in cells.iter().enumerate() {
            if v.is_empty() {
                continue;
            }
            match as_number(v) {
                Some(n) => ws.write_number(row, c as u16, n)?,
                None => ws.write_string(row, c as u16, clip(v))?,
            };
        }
        row += 1;
    }
    let cb = workbook.add_worksheet();
    cb.set_name(codebook_sheet)?;
    for (r, cells) in codebook.iter().enumerate() {
        for (c, v) in cells.iter().enumerate() {
            if r == 0 {
                cb.write_string_with_format(0, c as u16, clip(v), &bold)?;
            } else {
                cb.write_string(r as u32, c as u16, clip(v))?;
            }
        }
    }
    Ok(workbook.save_to_buffer()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_and_codebook_are_written_with_numbers_as_numbers() {
        let mut rows =
            vec![vec!["1".to_owned(), "Więcej zieleni".to_owned()], vec!["007".to_owned(), String::new()]].into_iter();
        let bytes = table_xlsx(
            "Odpowiedzi",
            &["Q1".into(), "Q2".into()],
            || rows.next(),
            "Kody",
            &[vec!["Kolumna".into()], vec!["Q1".into()]],
        )
        .unwrap();
        use calamine::{Reader, Xlsx};
        let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
        let sheet = book.worksheet_range("Odpowiedzi").unwrap();
        assert_eq!(sheet.get_value((1, 0)), Some(&calamine::Data::Float(1.0)));
        assert_eq!(sheet.get_value((1, 1)), Some(&calamine::Data::String("Więcej zieleni".into())));
        assert_eq!(sheet.get_value((2, 0)), Some(&calamine::Data::String("007".into())));
        assert!(book.worksheet_range("Kody").is_ok());
    }
}
