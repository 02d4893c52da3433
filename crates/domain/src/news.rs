//! News (aktualności): who may write about what, where a post stands (draft, scheduled,
//! published), and the checks on a post as its editor typed it.
//!
//! A post is a draft until it is given a publication time; a time still ahead makes it
//! scheduled, and a scheduled post is shown in no list, page, feed or mail before that time
//! (the visibility rule asks [`Stage::of`]).

use chrono::{DateTime, Utc};

use crate::permission::{Action, Grant, permits};
use crate::validation::{FieldError, Invalid, bounded_text, optional_text};

/// Longest title.
pub const TITLE_MAX: usize = 200;
/// Longest lead (the paragraph under the title in lists).
pub const LEAD_MAX: usize = 600;
/// Longest body, in characters of Markdown.
pub const BODY_MAX: usize = 50_000;
/// Longest alternative text of the lead image.
pub const ALT_MAX: usize = 300;
/// Largest lead image.
pub const IMAGE_MAX_BYTES: usize = 5 * 1024 * 1024;
/// Posts per page of `/aktualnosci`.
pub const PAGE_SIZE: i64 = 20;

/// Where a post stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Being written; seen by those who may edit it.
    Draft,
    /// Given a publication time still ahead.
    Scheduled,
    /// Public since its publication time.
    Published,
}

impl Stage {
    /// The stage of a post with publication time `publish_at`, at `now`.
    pub fn of(publish_at: Option<DateTime<Utc>>, now: DateTime<Utc>) -> Stage {
        match publish_at {
            None => Stage::Draft,
            Some(t) if t > now => Stage::Scheduled,
            Some(_) => Stage::Published,
        }
    }

    /// The locale key of its name.
    pub fn key(self) -> &'static str {
        match self {
            Stage::Draft => "news-stage-draft",
            Stage::Scheduled => "news-stage-scheduled",
            Stage::Published => "news-stage-published",
        }
    }
}

/// What a post is about, which decides who may write it: the Centre's editors write about
/// anything, a district's editors about their district only, a body's secretary about their
/// body only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Subject {
    pub district: Option<i64>,
    pub body: Option<i64>,
}

/// Whether `grants` allow writing, editing or publishing a post about `subject`.
pub fn may_write(grants: &[Grant], subject: Subject) -> bool {
    if permits(grants, Action::EditCentreContent) {
        return true;
    }
    match (subject.district, subject.body) {
        (Some(d), None) => permits(grants, Action::ManageDistrict(d)),
        (None, Some(b)) => permits(grants, Action::ManageBody(b)),
        _ => false,
    }
}

/// Whether `grants` allow writing any post at all: opens the news screens.
pub fn may_write_some(grants: &[Grant]) -> bool {
    permits(grants, Action::EditCentreContent)
        || grants.iter().any(|g| matches!(g, Grant::DistrictEditor(_) | Grant::BodySecretary(_)))
}

/// The districts and bodies an editor writes about; `None` from [`Reach::of`] means anything
/// (the Centre's editors).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Reach {
    pub districts: Vec<i64>,
    pub bodies: Vec<i64>,
}

impl Reach {
    /// The reach of `grants`.
    pub fn of(grants: &[Grant]) -> Option<Reach> {
        if permits(grants, Action::EditCentreContent) {
            return None;
        }
        let mut r = Reach::default();
        for g in grants {
            match g {
                Grant::DistrictEditor(d) => r.districts.push(*d),
                Grant::BodySecretary(b) => r.bodies.push(*b),
                _ => {}
            }
        }
        Some(r)
    }
}

/// What the editor asked for when sending the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Publish {
    /// Keep it a draft (and take a scheduled or published post back to a draft).
    Draft,
    /// Publish at the time typed.
    Schedule,
    /// Publish now.
    Now,
}

/// A post as its form sends it (the lead image comes as a file beside it).
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct NewsForm {
    pub news_title: String,
    pub news_lead: String,
    pub news_body: String,
    pub news_title_en: String,
    pub news_lead_en: String,
    pub news_body_en: String,
    /// The district it is about, or "".
    pub news_district: String,
    /// The body it is about, or "".
    pub news_body_id: String,
    pub news_image_alt: String,
    pub news_image_alt_en: String,
    /// `datetime-local`, Warsaw time; used when scheduling.
    pub news_publish_at: String,
    /// `draft`, `schedule` or `now`: the button pressed.
    pub publish: String,
}

/// A checked post.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewsInput {
    pub title: String,
    pub title_en: Option<String>,
    pub lead: String,
    pub lead_en: Option<String>,
    pub body: String,
    pub body_en: Option<String>,
    pub subject: Subject,
    pub image_alt: Option<String>,
    pub image_alt_en: Option<String>,
    /// `None` keeps it a draft.
    pub publish_at: Option<DateTime<Utc>>,
}

/// The facts the checks need besides the form.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// The editor's grants.
    pub grants: &'a [Grant],
    /// The publication time as read from `news_publish_at` (Warsaw time), if it parsed.
    pub publish_at: Option<DateTime<Utc>>,
    /// A lead image comes with this form, or the post keeps one it has.
    pub has_image: bool,
    /// The publication time the post has now: rescheduling it to the same past time (saving a
    /// published post again) is no scheduling in the past.
    pub current_publish_at: Option<DateTime<Utc>>,
    pub now: DateTime<Utc>,
}

fn id_field(field: &'static str, raw: &str) -> Result<Option<i64>, FieldError> {
    match raw.trim() {
        "" => Ok(None),
        s => s.parse::<i64>().ok().filter(|n| *n > 0).map(Some).ok_or(FieldError::new(field, "choice-invalid")),
    }
}

impl NewsForm {
    /// Checks the form for an editor: texts, the subject they may write about, the image's
    /// alternative text, and a publication time that is not in the past.
    pub fn parse(&self, cx: Context<'_>) -> Result<NewsInput, Invalid> {
        let mut inv = Invalid::default();
        let title = inv.check(bounded_text("news_title", &self.news_title, 3, TITLE_MAX));
        let lead = inv.check(bounded_text("news_lead", &self.news_lead, 10, LEAD_MAX));
        let body = inv.check(bounded_text("news_body", &self.news_body, 10, BODY_MAX));
        let title_en = inv.check(optional_text("news_title_en", &self.news_title_en, TITLE_MAX));
        let lead_en = inv.check(optional_text("news_lead_en", &self.news_lead_en, LEAD_MAX));
        let body_en = inv.check(optional_text("news_body_en", &self.news_body_en, BODY_MAX));
        let district = inv.check(id_field("news_district", &self.news_district));
        let body_id = inv.check(id_field("news_body_id", &self.news_body_id));
        let subject = match (district, body_id) {
            (Some(district), Some(body)) => {
                let s = Subject { district, body };
                if may_write(cx.grants, s) {
                    Some(s)
                } else {
                    // Name the field the editor's own role is about.
                    let field = if s.body.is_some() && s.district.is_none() { "news_body_id" } else { "news_district" };
                    inv.push(FieldError::new(field, "news-subject-not-yours"));
                    None
                }
            }
            _ => None,
        };
        let image_alt = inv.check(optional_text("news_image_alt", &self.news_image_alt, ALT_MAX));
        let image_alt_en = inv.check(optional_text("news_image_alt_en", &self.news_image_alt_en, ALT_MAX));
        if cx.has_image && matches!(image_alt, Some(None)) {
            inv.push(FieldError::new("news_image_alt", "news-image-alt-required"));
        }
        let publish = match self.publish.trim() {
            "schedule" => Publish::Schedule,
            "now" => Publish::Now,
            _ => Publish::Draft,
        };
        let publish_at = match publish {
            Publish::Draft => Some(None),
            Publish::Now => Some(Some(cx.current_publish_at.filter(|t| *t <= cx.now).unwrap_or(cx.now))),
            Publish::Schedule => match cx.publish_at {
                None => {
                    let code = if self.news_publish_at.trim().is_empty() { "required" } else { "date-invalid" };
                    inv.push(FieldError::new("news_publish_at", code));
                    None
                }
                Some(t) if t <= cx.now && Some(t) != cx.current_publish_at => {
                    inv.push(FieldError::new("news_publish_at", "news-schedule-past"));
                    None
                }
                Some(t) => Some(Some(t)),
            },
        };
        match (title, lead, body, title_en, lead_en, body_en, subject, image_alt, image_alt_en, publish_at) {
            (
                Some(title),
                Some(lead),
                Some(body),
                Some(title_en),
                Some(lead_en),
                Some(body_en),
                Some(subject),
                Some(image_alt),
                Some(image_alt_en),
                Some(publish_at),
            ) if inv.is_empty() => Ok(NewsInput {
                title,
                title_en,
                lead,
                lead_en,
                body,
                body_en,
                subject,
                image_alt: image_alt.filter(|_| cx.has_image),
                image_alt_en: image_alt_en.filter(|_| cx.has_image),
                publish_at,
            }),
            _ => Err(inv),
        }
    }
}

/// The address part of a post: its title folded to ASCII as consultations' are, after its id,
/// which keeps it unique and finds the post whatever the title became since.
pub fn slug(title: &str, id: i64) -> String {
    match crate::consultation::slugify(title) {
        base if base.is_empty() => format!("{id}"),
        base => format!("{id}-{base}"),
    }
}

/// The post id at the start of a slug made by [`slug`].
pub fn id_of_slug(slug: &str) -> Option<i64> {
    slug.split('-').next()?.parse().ok().filter(|n| *n > 0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    fn now() -> DateTime<Utc> {
        "2027-03-01T10:00:00Z".parse().unwrap()
    }

    fn form() -> NewsForm {
        NewsForm {
            news_title: "Nowy park w Podgórzu".into(),
            news_lead: "Rada dzielnicy zaprasza na otwarcie parku.".into(),
            news_body: "Szczegóły **otwarcia** parku.".into(),
            news_district: "13".into(),
            publish: "now".into(),
            ..Default::default()
        }
    }

    fn cx(grants: &[Grant]) -> Context<'_> {
        Context { grants, publish_at: None, has_image: false, current_publish_at: None, now: now() }
    }

    fn codes(r: Result<NewsInput, Invalid>) -> Vec<(&'static str, &'static str)> {
        r.err().map(|i| i.0.iter().map(|e| (e.field, e.code)).collect()).unwrap_or_default()
    }

    #[test]
    fn a_district_editor_writes_about_their_district_only() {
        let own = [Grant::DistrictEditor(13)];
        assert_eq!(form().parse(cx(&own)).unwrap().subject, Subject { district: Some(13), body: None });
        let other = [Grant::DistrictEditor(14)];
        assert_eq!(codes(form().parse(cx(&other))), [("news_district", "news-subject-not-yours")]);
        let general = NewsForm { news_district: String::new(), ..form() };
        assert_eq!(codes(general.parse(cx(&own))), [("news_district", "news-subject-not-yours")]);
        let both = NewsForm { news_body_id: "2".into(), ..form() };
        assert!(!codes(both.parse(cx(&own))).is_empty());
    }

    #[test]
    fn a_body_secretary_writes_about_their_body_and_the_centre_about_anything() {
        let sec = [Grant::BodySecretary(2)];
        let body = NewsForm { news_district: String::new(), news_body_id: "2".into(), ..form() };
        assert!(body.parse(cx(&sec)).is_ok());
        assert_eq!(codes(form().parse(cx(&sec))), [("news_district", "news-subject-not-yours")]);
        let centre = [Grant::CentreEditor];
        assert!(form().parse(cx(&centre)).is_ok());
        let general = NewsForm { news_district: String::new(), ..form() };
        assert_eq!(general.parse(cx(&centre)).unwrap().subject, Subject::default());
        assert!(!may_write(&[Grant::Organiser(1), Grant::Moderator, Grant::Resident], Subject::default()));
    }

    #[test]
    fn an_image_needs_its_alternative_text() {
        let g = [Grant::CentreEditor];
        let with_image = Context { has_image: true, ..cx(&g) };
        assert_eq!(codes(form().parse(with_image)), [("news_image_alt", "news-image-alt-required")]);
        let described = NewsForm { news_image_alt: "Dzieci na placu zabaw".into(), ..form() };
        assert_eq!(described.parse(with_image).unwrap().image_alt.as_deref(), Some("Dzieci na placu zabaw"));
        // Alternative text without an image is not kept.
        assert_eq!(described.parse(cx(&g)).unwrap().image_alt, None);
    }

    #[test]
    fn a_schedule_lies_ahead_and_publishing_now_keeps_an_earlier_time() {
        let g = [Grant::CentreEditor];
        let schedule = NewsForm { publish: "schedule".into(), news_publish_at: "2027-03-01T09:00".into(), ..form() };
        let past = Context { publish_at: Some(now() - Duration::hours(1)), ..cx(&g) };
        assert_eq!(codes(schedule.parse(past)), [("news_publish_at", "news-schedule-past")]);
        let ahead = Context { publish_at: Some(now() + Duration::hours(1)), ..cx(&g) };
        assert_eq!(schedule.parse(ahead).unwrap().publish_at, Some(now() + Duration::hours(1)));
        let unreadable = Context { publish_at: None, ..cx(&g) };
        assert_eq!(codes(schedule.parse(unreadable)), [("news_publish_at", "date-invalid")]);
        let earlier = now() - Duration::days(3);
        let again = Context { current_publish_at: Some(earlier), ..cx(&g) };
        assert_eq!(form().parse(again).unwrap().publish_at, Some(earlier));
        assert_eq!(form().parse(cx(&g)).unwrap().publish_at, Some(now()));
        let draft = NewsForm { publish: "draft".into(), ..form() };
        assert_eq!(draft.parse(cx(&g)).unwrap().publish_at, None);
    }

    #[test]
    fn stages_follow_the_publication_time() {
        assert_eq!(Stage::of(None, now()), Stage::Draft);
        assert_eq!(Stage::of(Some(now() + Duration::seconds(1)), now()), Stage::Scheduled);
        assert_eq!(Stage::of(Some(now()), now()), Stage::Published);
    }

    #[test]
    fn slugs_are_readable_and_lead_back_to_the_post() {
        assert_eq!(slug("Nowy park w Podgórzu!", 42), "42-nowy-park-w-podgorzu");
        assert_eq!(slug("???", 7), "7");
        assert_eq!(id_of_slug("42-nowy-park-w-podgorzu"), Some(42));
        assert_eq!(id_of_slug("park"), None);
    }
}
