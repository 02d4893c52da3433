//! The City Dialogue Centre's own content: its pages in a menu (about the Centre, how to take
//! part, guides, contact), its library of publications and its photo galleries, and the checks
//! on each as an editor typed it. Only the Centre's editors (and administrators) write them.

use chrono::NaiveDate;

use crate::permission::{Action, Grant, permits};
use crate::validation::{FieldError, Invalid, bounded_text, optional_text, sane_year};

/// Longest title of a page, publication, gallery or document.
pub const TITLE_MAX: usize = 200;
/// Longest page body, in characters of Markdown.
pub const BODY_MAX: usize = 50_000;
/// Longest publication summary or gallery description.
pub const SUMMARY_MAX: usize = 3_000;
/// Longest photo caption.
pub const CAPTION_MAX: usize = 500;
/// Longest alternative text of a photo: the same as a news post's lead image.
pub const ALT_MAX: usize = crate::news::ALT_MAX;
/// Largest photo: the same as a news post's lead image.
pub const PHOTO_MAX_BYTES: usize = crate::news::IMAGE_MAX_BYTES;
/// Highest place in the menu an editor may type.
pub const POSITION_MAX: i64 = 999;
/// Publications per page of `/publikacje`.
pub const PAGE_SIZE: i64 = 20;

crate::text_enum! {
    /// What a page of the Centre is, which groups it in the menu.
    pub enum PageKind {
        /// About the Centre.
        About = "about",
        /// How to take part.
        Participate = "participate",
        /// A guide, such as how to write a draft resolution.
        Guide = "guide",
        /// The Centre's contact.
        Contact = "contact",
    }
}

crate::text_enum! {
    /// What kind of work a publication is.
    pub enum PublicationKind {
        /// A research report.
        Research = "research",
        /// An evaluation report (of consultations, of a programme).
        Evaluation = "evaluation",
        /// A guide or handbook.
        Guide = "guide",
        /// Anything else.
        Other = "other",
    }
}

/// Whether `grants` allow writing the Centre's pages, publications and galleries.
pub fn may_edit(grants: &[Grant]) -> bool {
    permits(grants, Action::EditCentreContent)
}

/// The address part made from a title: readable, without Polish letters; never empty.
pub fn slug_base(title: &str) -> String {
    match crate::consultation::slugify(title) {
        s if s.is_empty() => "strona".to_owned(),
        s => s,
    }
}

fn kind_field<E: crate::TextEnum>(
    field: &'static str,
    raw: &str,
    parse: fn(&str) -> Option<E>,
) -> Result<E, FieldError> {
    match raw.trim() {
        "" => Err(FieldError::new(field, "required")),
        s => parse(s).ok_or(FieldError::new(field, "choice-invalid")),
    }
}

/// A page as its form sends it.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct PageForm {
    pub centre_title: String,
    pub centre_kind: String,
    pub centre_position: String,
    pub centre_body: String,
    pub centre_title_en: String,
    pub centre_body_en: String,
    /// A ticked checkbox: shown to everyone; else a draft only editors see.
    pub centre_published: Option<String>,
}

/// A checked page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageInput {
    pub title: String,
    pub title_en: Option<String>,
    pub kind: PageKind,
    /// Its place in the menu, lowest first.
    pub position: i64,
    pub body: String,
    pub body_en: Option<String>,
    pub published: bool,
}

impl PageForm {
    /// Checks the texts, the kind and the place in the menu.
    pub fn parse(&self) -> Result<PageInput, Invalid> {
        let mut inv = Invalid::default();
        let title = inv.check(bounded_text("centre_title", &self.centre_title, 3, TITLE_MAX));
        let kind = inv.check(kind_field("centre_kind", &self.centre_kind, PageKind::parse));
        let position = inv.check(match self.centre_position.trim() {
            "" => Ok(0),
            s => s
                .parse::<i64>()
                .ok()
                .filter(|n| (0..=POSITION_MAX).contains(n))
                .ok_or(FieldError::new("centre_position", "number-invalid")),
        });
        let body = inv.check(bounded_text("centre_body", &self.centre_body, 10, BODY_MAX));
        let title_en = inv.check(optional_text("centre_title_en", &self.centre_title_en, TITLE_MAX));
        let body_en = inv.check(optional_text("centre_body_en", &self.centre_body_en, BODY_MAX));
        match (title, kind, position, body, title_en, body_en) {
            (Some(title), Some(kind), Some(position), Some(body), Some(title_en), Some(body_en)) if inv.is_empty() => {
                Ok(PageInput {
                    title,
                    title_en,
                    kind,
                    position,
                    body,
                    body_en,
                    published: self.centre_published.is_some(),
                })
            }
            _ => Err(inv),
        }
    }
}

/// A publication as its form sends it (its documents are added one by one afterwards).
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct PublicationForm {
    pub pub_title: String,
    pub pub_title_en: String,
    pub pub_kind: String,
    pub pub_year: String,
    pub pub_summary: String,
    pub pub_summary_en: String,
}

/// A checked publication.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicationInput {
    pub title: String,
    pub title_en: Option<String>,
    pub kind: PublicationKind,
    /// The year it was published.
    pub year: i32,
    pub summary: String,
    pub summary_en: Option<String>,
}

impl PublicationForm {
    /// Checks the texts, the kind and a year that is neither a typo nor in the future.
    pub fn parse(&self, this_year: i32) -> Result<PublicationInput, Invalid> {
        let mut inv = Invalid::default();
        let title = inv.check(bounded_text("pub_title", &self.pub_title, 3, TITLE_MAX));
        let title_en = inv.check(optional_text("pub_title_en", &self.pub_title_en, TITLE_MAX));
        let kind = inv.check(kind_field("pub_kind", &self.pub_kind, PublicationKind::parse));
        let year = inv.check(match self.pub_year.trim() {
            "" => Err(FieldError::new("pub_year", "required")),
            s => s
                .parse::<i32>()
                .ok()
                .filter(|y| sane_year(*y) && *y <= this_year)
                .ok_or(FieldError::new("pub_year", "centre-year-invalid")),
        });
        let summary = inv.check(bounded_text("pub_summary", &self.pub_summary, 10, SUMMARY_MAX));
        let summary_en = inv.check(optional_text("pub_summary_en", &self.pub_summary_en, SUMMARY_MAX));
        match (title, title_en, kind, year, summary, summary_en) {
            (Some(title), Some(title_en), Some(kind), Some(year), Some(summary), Some(summary_en))
                if inv.is_empty() =>
            {
                Ok(PublicationInput { title, title_en, kind, year, summary, summary_en })
            }
            _ => Err(inv),
        }
    }
}

/// A gallery as its form sends it (its photos are added one by one afterwards).
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct GalleryForm {
    pub gallery_title: String,
    pub gallery_title_en: String,
    pub gallery_description: String,
    pub gallery_description_en: String,
    /// `YYYY-MM-DD`: the day of the event photographed.
    pub gallery_date: String,
}

/// A checked gallery.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GalleryInput {
    pub title: String,
    pub title_en: Option<String>,
    pub description: String,
    pub description_en: Option<String>,
    pub taken_on: NaiveDate,
}

impl GalleryForm {
    /// Checks the texts and the date.
    pub fn parse(&self) -> Result<GalleryInput, Invalid> {
        let mut inv = Invalid::default();
        let title = inv.check(bounded_text("gallery_title", &self.gallery_title, 3, TITLE_MAX));
        let title_en = inv.check(optional_text("gallery_title_en", &self.gallery_title_en, TITLE_MAX));
        let description = inv.check(optional_text("gallery_description", &self.gallery_description, SUMMARY_MAX));
        let description_en =
            inv.check(optional_text("gallery_description_en", &self.gallery_description_en, SUMMARY_MAX));
        let taken_on = inv.check(match self.gallery_date.trim() {
            "" => Err(FieldError::new("gallery_date", "required")),
            s => NaiveDate::parse_from_str(s, "%Y-%m-%d")
                .ok()
                .filter(|d| sane_year(chrono::Datelike::year(d)))
                .ok_or(FieldError::new("gallery_date", "date-invalid")),
        });
        match (title, title_en, description, description_en, taken_on) {
            (Some(title), Some(title_en), Some(description), Some(description_en), Some(taken_on))
                if inv.is_empty() =>
            {
                Ok(GalleryInput {
                    title,
                    title_en,
                    description: description.unwrap_or_default(),
                    description_en,
                    taken_on,
                })
            }
            _ => Err(inv),
        }
    }
}

/// A photo's texts as the form sends them (the picture comes as a file beside them).
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct PhotoForm {
    pub photo_alt: String,
    pub photo_alt_en: String,
    pub photo_caption: String,
    pub photo_caption_en: String,
}

/// A photo's checked texts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhotoInput {
    /// What the photo shows, for those who cannot see it: always required.
    pub alt: String,
    pub alt_en: Option<String>,
    pub caption: Option<String>,
    pub caption_en: Option<String>,
}

impl PhotoForm {
    /// Checks the texts; a photo without its alternative text is refused with the message
    /// news' lead images give.
    pub fn parse(&self) -> Result<PhotoInput, Invalid> {
        let mut inv = Invalid::default();
        let alt = inv.check(match self.photo_alt.trim() {
            "" => Err(FieldError::new("photo_alt", "news-image-alt-required")),
            s => bounded_text("photo_alt", s, 3, ALT_MAX),
        });
        let alt_en = inv.check(optional_text("photo_alt_en", &self.photo_alt_en, ALT_MAX));
        let caption = inv.check(optional_text("photo_caption", &self.photo_caption, CAPTION_MAX));
        let caption_en = inv.check(optional_text("photo_caption_en", &self.photo_caption_en, CAPTION_MAX));
        match (alt, alt_en, caption, caption_en) {
            (Some(alt), Some(alt_en), Some(caption), Some(caption_en)) if inv.is_empty() => {
                Ok(PhotoInput { alt, alt_en, caption, caption_en })
            }
            _ => Err(inv),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes<T>(r: Result<T, Invalid>) -> Vec<(&'static str, &'static str)> {
        r.err().map(|i| i.0.iter().map(|e| (e.field, e.code)).collect()).unwrap_or_default()
    }

    #[test]
    fn a_page_needs_a_title_a_kind_and_a_body_and_is_a_draft_unless_ticked() {
        let f = PageForm {
            centre_title: "Jak napisać projekt uchwały".into(),
            centre_kind: "guide".into(),
            centre_position: "3".into(),
            centre_body: "Projekt uchwały zaczyna się od **tytułu**.".into(),
            ..Default::default()
        };
        let p = f.parse().unwrap();
        assert_eq!((p.kind, p.position, p.published), (PageKind::Guide, 3, false));
        let published = PageForm { centre_published: Some("1".into()), ..f.clone() };
        assert!(published.parse().unwrap().published);
        let bad = PageForm { centre_kind: "blog".into(), centre_position: "-1".into(), ..f };
        assert_eq!(codes(bad.parse()), [("centre_kind", "choice-invalid"), ("centre_position", "number-invalid")]);
        assert_eq!(
            codes(PageForm::default().parse()),
            [("centre_title", "required"), ("centre_kind", "required"), ("centre_body", "required")]
        );
    }

    #[test]
    fn a_publication_year_is_no_typo_and_not_ahead() {
        let f = PublicationForm {
            pub_title: "Ewaluacja konsultacji 2025".into(),
            pub_kind: "evaluation".into(),
            pub_year: "2025".into(),
            pub_summary: "Wnioski z konsultacji prowadzonych w 2025 roku.".into(),
            ..Default::default()
        };
        assert_eq!(f.parse(2026).unwrap().kind, PublicationKind::Evaluation);
        assert_eq!(codes(f.parse(2024)), [("pub_year", "centre-year-invalid")]);
        let typo = PublicationForm { pub_year: "20025".into(), ..f };
        assert_eq!(codes(typo.parse(2026)), [("pub_year", "centre-year-invalid")]);
    }

    #[test]
    fn a_gallery_has_a_date_and_a_photo_its_alternative_text() {
        let g = GalleryForm {
            gallery_title: "Forum Dialogu".into(),
            gallery_date: "2025-11-20".into(),
            ..Default::default()
        };
        assert_eq!(g.parse().unwrap().taken_on, NaiveDate::from_ymd_opt(2025, 11, 20).unwrap());
        let bad = GalleryForm { gallery_date: "20.11.2025".into(), ..g };
        assert_eq!(codes(bad.parse()), [("gallery_date", "date-invalid")]);
        assert_eq!(codes(PhotoForm::default().parse()), [("photo_alt", "news-image-alt-required")]);
        let p = PhotoForm { photo_alt: "  Uczestnicy przy stołach  ".into(), ..Default::default() };
        assert_eq!(p.parse().unwrap().alt, "Uczestnicy przy stołach");
    }

    #[test]
    fn slugs_are_readable_and_never_empty() {
        assert_eq!(slug_base("Jak wziąć udział?"), "jak-wziac-udzial");
        assert_eq!(slug_base("???"), "strona");
    }
}
