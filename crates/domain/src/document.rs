//! Documents: what kinds there are and which file types are accepted, judged by content.

text_enum! {
    /// What a document is for.
    pub enum DocumentKind {
        /// The draft under consultation.
        Draft = "draft",
        /// The form for remarks.
        Form = "form",
        /// A presentation from a meeting.
        Presentation = "presentation",
        /// The schedule.
        Schedule = "schedule",
        /// Results of research or a survey.
        Results = "results",
        /// The consultation report.
        Report = "report",
        /// Anything else.
        Other = "other",
    }
}

/// Largest file accepted.
pub const MAX_FILE_BYTES: usize = 25 * 1024 * 1024;

/// A file type accepted for documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileType {
    Pdf,
    /// Word document.
    Docx,
    /// Excel workbook.
    Xlsx,
    /// OpenDocument text.
    Odt,
    /// OpenDocument spreadsheet.
    Ods,
    /// PNG image.
    Png,
    /// JPEG image.
    Jpeg,
    /// WebP image.
    Webp,
}

impl FileType {
    /// The MIME type sent with downloads.
    pub fn mime(self) -> &'static str {
        match self {
            FileType::Pdf => "application/pdf",
            FileType::Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            FileType::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            FileType::Odt => "application/vnd.oasis.opendocument.text",
            FileType::Ods => "application/vnd.oasis.opendocument.spreadsheet",
            FileType::Png => "image/png",
            FileType::Jpeg => "image/jpeg",
            FileType::Webp => "image/webp",
        }
    }

    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            FileType::Pdf => "pdf",
            FileType::Docx => "docx",
            FileType::Xlsx => "xlsx",
            FileType::Odt => "odt",
            FileType::Ods => "ods",
            FileType::Png => "png",
            FileType::Jpeg => "jpg",
            FileType::Webp => "webp",
        }
    }

    /// Whether browsers show it as a picture (a lead image or a photo must be one).
    pub fn is_image(self) -> bool {
        matches!(self, FileType::Png | FileType::Jpeg | FileType::Webp)
    }

    /// A short label for lists ("PDF", "DOCX").
    pub fn label(self) -> String {
        self.extension().to_uppercase()
    }

    /// The type whose MIME type is `mime`.
    pub fn from_mime(mime: &str) -> Option<FileType> {
        [
            FileType::Pdf,
            FileType::Docx,
            FileType::Xlsx,
            FileType::Odt,
            FileType::Ods,
            FileType::Png,
            FileType::Jpeg,
            FileType::Webp,
        ]
        .into_iter()
        .find(|t| t.mime() == mime)
    }
}

/// Whether a file's name fits the type found in its content: its extension, if it has one,
/// is one that type goes by. A name without an extension claims nothing.
pub fn name_fits(name: &str, t: FileType) -> bool {
    let base = name.rsplit(['/', '\\']).next().unwrap_or("");
    let Some((_, ext)) = base.rsplit_once('.') else { return true };
    let ext = ext.to_ascii_lowercase();
    ext == t.extension() || (t == FileType::Jpeg && ext == "jpeg")
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// Finds the type of a file from its bytes; the name a person gave it does not count.
pub fn sniff(bytes: &[u8]) -> Option<FileType> {
    if bytes.starts_with(b"%PDF-") {
        return Some(FileType::Pdf);
    }
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Some(FileType::Png);
    }
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Some(FileType::Jpeg);
    }
    if bytes.len() > 12 && bytes.starts_with(b"RIFF") && &bytes[8..12] == b"WEBP" {
        return Some(FileType::Webp);
    }
    if bytes.starts_with(b"PK\x03\x04") {
        // OpenDocument stores its type uncompressed in the first entry, "mimetype".
        if bytes.len() > 38 && &bytes[30..38] == b"mimetype" {
            let rest = &bytes[38..bytes.len().min(38 + 80)];
            if rest.starts_with(b"application/vnd.oasis.opendocument.text") {
                return Some(FileType::Odt);
            }
            if rest.starts_with(b"application/vnd.oasis.opendocument.spreadsheet") {
                return Some(FileType::Ods);
            }
            return None;
        }
        // Office Open XML names its main part in the (uncompressed) directory of entries.
        if contains(bytes, b"word/document.xml") {
            return Some(FileType::Docx);
        }
        if contains(bytes, b"xl/workbook.xml") {
            return Some(FileType::Xlsx);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_come_from_content() {
        assert_eq!(sniff(b"%PDF-1.7\n..."), Some(FileType::Pdf));
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n...."), Some(FileType::Png));
        assert_eq!(sniff(&[0xFF, 0xD8, 0xFF, 0xE0]), Some(FileType::Jpeg));
        let mut odt = b"PK\x03\x04".to_vec();
        odt.extend([0u8; 26]);
        odt.extend(b"mimetypeapplication/vnd.oasis.opendocument.text");
        assert_eq!(sniff(&odt), Some(FileType::Odt));
        let mut docx = b"PK\x03\x04".to_vec();
        docx.extend(b"....[Content_Types].xml....word/document.xml....");
        assert_eq!(sniff(&docx), Some(FileType::Docx));
        assert_eq!(sniff(b"MZ\x90\x00 an executable renamed to .pdf"), None);
        assert_eq!(sniff(b"<html><script>"), None);
        assert_eq!(sniff(b""), None);
        assert_eq!(FileType::from_mime("application/pdf"), Some(FileType::Pdf));
    }
}
