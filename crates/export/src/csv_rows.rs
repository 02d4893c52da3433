//! CSV in UTF-8 with a header row, one record at a time.

/// The byte-order mark that makes spreadsheet programs read the file as UTF-8.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Encodes one record as a CSV line, quoting where needed.
pub fn record<I, S>(fields: I) -> Vec<u8>
where
    I: IntoIterator<Item = S>,
    S: AsRef<[u8]>,
{
    let mut w = csv::WriterBuilder::new().from_writer(Vec::with_capacity(128));
    // Writing to a Vec cannot fail; an empty line is the safe fallback.
    if w.write_record(fields).is_err() {
        return b"\n".to_vec();
    }
    w.into_inner().unwrap_or_default()
}

/// The first chunk of a file: the byte-order mark and the header row.
pub fn header<I, S>(names: I) -> Vec<u8>
where
    I: IntoIterator<Item = S>,
    S: AsRef<[u8]>,
{
    let mut out = BOM.to_vec();
    out.extend(record(names));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_commas_quotes_and_newlines() {
        assert_eq!(record(["a", "b,c", "d\"e", "f\ng"]), b"a,\"b,c\",\"d\"\"e\",\"f\ng\"\n".to_vec());
        assert!(header(["kto", "co"]).starts_with(BOM));
        assert_eq!(String::from_utf8(record(["Łódź", "żółw"])).unwrap(), "Łódź,żółw\n");
    }
}
