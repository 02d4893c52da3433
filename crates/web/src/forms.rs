//! Form errors shown next to their fields and in a summary at the top of the form.

use crate::i18n::{Arg, Lang};
use agora_domain::{FieldError, Invalid};

/// One translated problem with a field.
#[derive(Debug, Clone)]
pub struct Problem {
    /// The field's name (also its element id).
    pub field: &'static str,
    /// The translated message, shown next to the field.
    pub message: String,
    /// The field's label, which the summary at the top puts before the message: a list of
    /// bare "This field is required" lines does not say which field to go to.
    pub label: Option<String>,
}

impl Problem {
    /// A problem with `field`, labelled as the forms label it.
    pub fn new(field: &'static str, message: String, lang: Lang) -> Self {
        Problem { field, message, label: label(field, lang) }
    }
}

/// The problems of a submitted form, translated.
#[derive(Debug, Clone, Default)]
pub struct FormErrors {
    /// In the order found, which is the order of the fields.
    pub list: Vec<Problem>,
}

impl FormErrors {
    /// Translates the domain's findings.
    pub fn from_invalid(invalid: &Invalid, lang: Lang) -> Self {
        FormErrors { list: invalid.0.iter().map(|e| Problem::new(e.field, message(e, lang), lang)).collect() }
    }

    /// A form-wide problem shown above the fields, pointing at `field`.
    pub fn general(field: &'static str, message: String, lang: Lang) -> Self {
        FormErrors { list: vec![Problem::new(field, message, lang)] }
    }

    /// Names `field` by `label` where the generic name would be wrong for this form or the
    /// field is made at run time (a survey's question).
    pub fn labelled(mut self, field: &str, label: String) -> Self {
        for p in self.list.iter_mut().filter(|p| p.field == field) {
            p.label = Some(label.clone());
        }
        self
    }

    /// The message for `field`, if it has one.
    pub fn get(&self, field: &str) -> Option<&str> {
        self.list.iter().find(|p| p.field == field).map(|p| p.message.as_str())
    }

    /// Whether there is anything to show.
    pub fn any(&self) -> bool {
        !self.list.is_empty()
    }
}

/// The translated message for one field error.
pub fn message(e: &FieldError, lang: Lang) -> String {
    let key = format!("error-{}", e.code);
    match e.limit {
        Some(n) => lang.t_args(&key, &[("limit", Arg::Num(i64::try_from(n).unwrap_or(i64::MAX)))]),
        None => lang.t(&key),
    }
}

/// The label of a field as the summary names it, without a trailing "(optional)"; `None` for a
/// field no form labels (then the message stands alone).
pub fn label(field: &str, lang: Lang) -> Option<String> {
    let plain = |key: &str| {
        let text = lang.t(key);
        match text.rfind(" (") {
            Some(at) if text.ends_with(')') => text[..at].to_owned(),
            _ => text,
        }
    };
    if let Some((i, part)) = remark_part(field) {
        let n = lang.t_args("remark-number", &[("n", Arg::Num(i + 1))]);
        return label_key(part).map(|key| format!("{n}, {}", plain(key)));
    }
    label_key(field).map(plain)
}

/// `r2_justification` → (2, "justification"): the numbered fields of the remark form.
fn remark_part(field: &str) -> Option<(i64, &str)> {
    let (n, part) = field.strip_prefix('r')?.split_once('_')?;
    Some((n.parse().ok()?, part))
}

/// The locale key of each field's label, as the forms show it.
fn label_key(field: &str) -> Option<&'static str> {
    Some(match field {
        "accept" => "field-accept-short",
        "frequency" => "follow-field-frequency",
        "need_other" => "event-field-need-other",
        "needs" => "event-field-needs",
        "participant_email" => "event-field-email",
        "participant_name" => "event-field-name",
        "event_organiser" => "event-field-organiser",
        "event_series" => "event-field-series",
        "event_consultation" => "event-field-consultation-opt",
        "event_district" => "event-field-district",
        "reg_capacity" => "event-field-capacity",
        "reg_opens_at" => "event-field-opens",
        "reg_closes_at" => "event-field-closes",
        "reg_questions" => "event-field-questions",
        "answer_1" | "answer_2" | "answer_3" | "answer_4" | "answer_5" => "event-field-questions",
        "checkin_code" => "event-field-code",
        "series_title" => "event-field-title",
        "series_description" => "event-field-description",
        "series_organiser" => "event-field-organiser",
        "series_audience" => "event-field-audience",
        "materials" => "event-field-materials",
        "recording_url" => "event-field-recording-opt",
        "committees" => "councillor-field-committees",
        "constituency" => "councillor-field-constituency",
        "councillor_contact" => "councillor-field-contact",
        "councillor_name" => "councillor-field-name",
        "duty_councillor" => "council-field-duty-councillor",
        "duty_ends_at" => "council-field-duty-ends",
        "duty_place" => "council-field-duty-place",
        "duty_starts_at" => "council-field-duty-starts",
        "councillor_photo" => "councillor-field-photo",
        "councillor_photo_alt" => "councillor-field-photo-alt",
        "seat_ends_on" => "councillor-field-seat-ends-on",
        "seat_id" => "councillor-field-seat",
        "applicant_kind" => "application-field-kind",
        "adopted_on" => "field-adopted-on",
        "about" => "bodies-field-about",
        "access" => "survey-access",
        "address" | "event_address" => "field-address",
        "akcja" => "audit-filter-action",
        "answer" => "field-answer",
        "attachment" => "field-attachment",
        "attendance" => "field-attendance",
        "body_en" | "body_pl" => "field-body",
        "categories" => "bodies-field-categories",
        "channel" => "filter-channel",
        "closes_at" => "field-closes-at",
        "code" => "field-unit-code",
        "collected_at" => "survey-collected-at",
        "conclusions" => "report-conclusions",
        "consultation_id" => "survey-consultation",
        "contact" => "field-contact",
        "contact_email" | "email" => "field-email",
        "contact_name" => "field-contact-name",
        "correct_by" => "field-correct-by",
        "contact_phone" | "event_phone" => "field-phone",
        "decision" => "field-decision",
        "defect_days" => "field-defect-days",
        "defect_reason" => "field-defect-reason",
        "delete_confirm" => "field-delete-confirm",
        "description" | "event_description" | "method_description" | "step_description" => "field-description",
        "details" => "field-access-details",
        "display_name" => "field-display-name",
        "district_id" => "field-district",
        "districts" => "field-districts",
        "do" => "audit-filter-until",
        "easy_read" => "field-easy-read",
        "enabling_act" => "field-enabling-act",
        "ends_on" => "bodies-field-ends-on",
        "event_accessibility" => "field-accessibility",
        "event_ends_at" => "field-ends-at",
        "event_kind" | "kind" => "field-kind",
        "event_online_url" => "field-online-url",
        "event_opening_hours" => "field-opening-hours",
        "event_room" => "field-room",
        "event_starts_at" => "field-starts-at",
        "event_title" | "step_title" | "title" | "title_en" | "title_pl" => "field-title",
        "file" | "scan" => "field-file",
        "format" => "field-access-format",
        "from_on" => "recognition-field-from",
        "to_on" => "recognition-field-to",
        "member" => "recognition-field-member",
        "meeting_id" => "opinion-meeting",
        "formal_status" => "field-formal-status",
        "group_title" => "field-group-title",
        "help_en" => "survey-help-en",
        "help_pl" => "survey-help-pl",
        "ids" => "field-chosen-remarks",
        "interviewer" => "survey-interviewer",
        "intro_en" => "survey-intro-en",
        "intro_pl" => "survey-intro-pl",
        "introduction" => "report-introduction",
        "justification" => "field-remark-justification",
        "kod" => "survey-code",
        "kto" => "audit-filter-actor",
        "languages" => "consultation-languages",
        "layout" => "survey-layout",
        "legal_basis" => "consultation-legal-basis",
        "locale" => "field-locale",
        "max" => "survey-max",
        "method_address" => "field-channel-address",
        "method_deadline" => "field-deadline",
        "method_kind" => "field-method-kind",
        "min" => "survey-min",
        "min_methods" => "field-min-methods",
        "min_notice_days" => "field-min-notice-days",
        "min_open_days" => "field-min-open-days",
        "n" => "survey-codes-count",
        "name" => "field-submitter-name",
        "name_en" => "field-name-en",
        "name_pl" => "field-name-pl",
        "council_about" => "council-field-about",
        "council_contact" => "council-field-contact",
        "council_hours" => "council-field-hours",
        "council_seat" => "council-field-seat",
        "news_body" => "news-field-body",
        "news_body_en" => "news-field-body-en",
        "news_body_id" => "news-field-body-id",
        "news_district" => "news-field-district",
        "news_file" => "news-field-file",
        "news_file_title" => "news-field-file-title",
        "news_image" => "news-field-image",
        "news_image_alt" => "news-field-image-alt",
        "news_image_alt_en" => "news-field-image-alt-en",
        "news_lead" => "news-field-lead",
        "news_lead_en" => "news-field-lead-en",
        "news_publish_at" => "news-field-publish-at",
        "news_title" => "news-field-title",
        "news_title_en" => "news-field-title-en",
        "new_email" => "field-new-email",
        "new_password" | "password" => "field-new-password",
        "note" => "field-access-note",
        "number" => "field-district-number",
        "od" => "audit-filter-from",
        "on_violation" => "field-on-violation",
        "opens_at" => "field-opens-at",
        "options" => "survey-options",
        "organisation" => "field-organisation",
        "page" => "survey-page",
        "password_repeat" => "field-password-repeat",
        "place" => "survey-place",
        "placement" => "poll-placement",
        "privacy_notice" => "field-privacy-notice",
        "profile" => "survey-profile-label",
        "proposed_change" => "field-proposed-change",
        "question_en" | "text_en" => "survey-question-en",
        "question_pl" | "text_pl" => "survey-question-pl",
        "reason" => "field-reason",
        "received_at" => "field-received-at",
        "required_one_of" => "field-required-one-of",
        "role" => "field-role",
        "rows" => "survey-rows",
        "scope" => "field-scope",
        "section_id" => "field-section",
        "section_label" => "field-new-section",
        "section_text" => "field-section-text",
        "show_if" => "survey-show-if",
        "sign_language_url" => "field-pjm-url",
        "slug" => "field-slug",
        "step_ends_on" => "field-ends-on",
        "step_starts_on" => "field-starts-on",
        "starts_on" => "bodies-field-starts-on",
        "statement" => "application-field-statement",
        "statute_url" => "bodies-field-statute",
        "subject" => "field-subject",
        "summary" => "field-summary",
        "supporters" => "body-request-supporters",
        "term_ends_on" => "bodies-field-term-ends-on",
        "term_id" => "bodies-field-term",
        "term_name" => "bodies-field-term-name",
        "term_starts_on" => "bodies-field-term-starts-on",
        "text" => "field-opinion-text",
        "survey" => "survey-questions",
        "to" => "survey-status",
        "unit_id" => "consultation-organiser",
        "units" => "bodies-field-units",
        "votes_abstaining" => "field-votes-abstaining",
        "votes_against" => "field-votes-against",
        "votes_for" => "field-votes-for",
        "video_url" => "field-pjm-video",
        "visibility" => "survey-visibility",
        "vote_mode" => "poll-mode",
        "agenda_link" => "meetings-field-agenda-link",
        "agenda_title" => "meetings-field-agenda-title",
        "amendment_days" => "meetings-field-amendment-days",
        "amendment_text" => "meetings-field-amendment",
        "bodies" => "meetings-series-bodies",
        "doc_title" => "meetings-field-doc-title",
        "doc_url" => "meetings-field-doc-url",
        "meeting_ends_at" => "meetings-field-ends-at",
        "meeting_online_url" => "meetings-field-online-url",
        "meeting_place" => "meetings-field-place",
        "meeting_starts_at" => "meetings-field-starts-at",
        "minutes_text" => "meetings-field-minutes",
        "present" => "meetings-field-present",
        "series_id" => "meetings-field-series",
        "post_text" => "forum-field-text",
        "report_reason" => "forum-field-reason",
        "report_note" => "forum-field-note",
        "mod_decision" => "moderation-field-decision",
        "mod_reason" => "moderation-field-reason",
        "mod_statement" => "moderation-field-statement",
        "thread_summary" => "forum-field-summary",
        "appeal_text" => "forum-field-appeal",
        "position_unit" | "await_unit" => "forum-field-unit",
        "position_text" => "forum-field-position",
        "due_on" => "forum-field-due",
        "edit_minutes" => "forum-field-edit-minutes",
        "reports_to_hold" => "forum-field-reports-to-hold",
        "alert_hours" => "forum-field-alert-hours",
        "posts_per_hour" => "forum-field-posts-per-hour",
        "days_before_links" => "forum-field-days-before-links",
        "position" => "forum-field-position-order",
        "centre_body" => "centre-field-body",
        "centre_body_en" => "centre-field-body-en",
        "centre_kind" => "centre-field-kind",
        "centre_position" => "centre-field-position",
        "centre_title" => "centre-field-title",
        "centre_title_en" => "centre-field-title-en",
        "pub_file" => "publication-field-file",
        "pub_file_title" => "publication-field-file-title",
        "pub_kind" => "publication-field-kind",
        "pub_summary" => "publication-field-summary",
        "pub_summary_en" => "publication-field-summary-en",
        "pub_title" => "publication-field-title",
        "pub_title_en" => "publication-field-title-en",
        "pub_year" => "publication-field-year",
        "gallery_date" => "gallery-field-date",
        "gallery_description" => "gallery-field-description",
        "gallery_description_en" => "gallery-field-description-en",
        "gallery_title" => "gallery-field-title",
        "gallery_title_en" => "gallery-field-title-en",
        "photo" => "gallery-field-photo",
        "photo_alt" => "gallery-field-alt",
        "photo_alt_en" => "gallery-field-alt-en",
        "photo_caption" => "gallery-field-caption",
        "photo_caption_en" => "gallery-field-caption-en",
        "advice_topic" => "advice-field-topic",
        "advice_asker" => "advice-field-asker",
        "advice_organisation" => "advice-field-organisation",
        "advice_name" => "advice-field-name",
        "advice_email" => "advice-field-email",
        "advice_question" => "advice-field-question",
        "advice_files" => "advice-field-files",
        "advice_message" => "advice-field-message",
        "advice_answer" => "advice-field-answer",
        "advice_rating" => "advice-field-rating",
        "advice_rating_comment" => "advice-field-rating-comment",
        "advice_public_question" => "advice-field-public-question",
        "advice_public_answer" => "advice-field-public-answer",
        "advice_unit" => "advice-field-unit",
        "newsletter_subject" => "newsletter-field-subject",
        "newsletter_body" => "newsletter-field-body",
        "newsletter_subject_en" => "newsletter-field-subject-en",
        "newsletter_body_en" => "newsletter-field-body-en",
        "newsletter_audience" => "newsletter-field-audience",
        "newsletter_district" => "newsletter-field-district",
        "newsletter_category" => "newsletter-field-category",
        "newsletter_body_id" => "newsletter-field-body-id",
        "newsletter_scheduled_at" => "newsletter-field-scheduled-at",
        "newsletter_per_minute" => "newsletter-field-per-minute",
        "newsletter_send" => "newsletter-send-now",
        _ => return None,
    })
}

/// A submitted form as name–value pairs, for forms with repeated fields (checkbox lists).
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(transparent)]
pub struct Pairs(pub Vec<(String, String)>);

impl Pairs {
    /// The key that makes a repeated submission of this form (a second click, a resent request)
    /// store nothing new: the one the form carries when well formed, else a new one.
    pub fn form_key(&self) -> String {
        Some(self.get("form_key"))
            .filter(|k| k.len() == 64 && k.chars().all(|c| c.is_ascii_hexdigit()))
            .map_or_else(|| agora_db::new_token().0, str::to_owned)
    }

    /// The fixed fields of a form as the struct `T` names them. A form that also carries lists
    /// (ticked checkboxes sharing a name) reads those with [`Pairs::all`] and [`Pairs::ids`];
    /// here only the first value of each name counts, as with [`Pairs::get`].
    pub fn decode<T: serde::de::DeserializeOwned>(&self) -> Result<T, crate::error::AppError> {
        let mut seen = std::collections::HashSet::new();
        let first: Vec<(&str, &str)> =
            self.0.iter().filter(|(k, _)| seen.insert(k.as_str())).map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let body = serde_urlencoded::to_string(first).map_err(|_| crate::error::AppError::BadRequest)?;
        serde_urlencoded::from_str(&body).map_err(|_| crate::error::AppError::BadRequest)
    }

    /// The first value of `name`, or "".
    pub fn get(&self, name: &str) -> &str {
        self.0.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str()).unwrap_or("")
    }

    /// Every value of `name`.
    pub fn all(&self, name: &str) -> Vec<&str> {
        self.0.iter().filter(|(k, _)| k == name).map(|(_, v)| v.as_str()).collect()
    }

    /// Every value of `name` that is a positive id; others are dropped.
    pub fn ids(&self, name: &str) -> Vec<i64> {
        self.all(name).into_iter().filter_map(|v| v.trim().parse().ok()).filter(|n: &i64| *n > 0).collect()
    }

    /// Whether `name` was sent (a ticked checkbox).
    pub fn has(&self, name: &str) -> bool {
        self.0.iter().any(|(k, _)| k == name)
    }
}

/// A file sent with a multipart form.
#[derive(Debug, Clone, Default)]
pub struct UploadedFile {
    /// The name it had on the sender's computer.
    pub name: String,
    /// Its bytes (empty when nothing was chosen or it was too big).
    pub bytes: Vec<u8>,
    /// It was larger than allowed and was dropped.
    pub too_big: bool,
}

/// Reads a multipart form: text fields as [`Pairs`], and the field named `file_field` as a
/// file of at most `max` bytes.
pub async fn read_multipart(
    mut mp: axum::extract::Multipart,
    file_field: &str,
    max: usize,
) -> Result<(Pairs, UploadedFile), crate::error::AppError> {
    let mut pairs = Vec::new();
    let mut file = UploadedFile::default();
    while let Some(mut field) = mp.next_field().await? {
        let name = field.name().unwrap_or("").to_owned();
        if name == file_field {
            file.name = field.file_name().unwrap_or("").to_owned();
            while let Some(chunk) = field.chunk().await? {
                if file.bytes.len() + chunk.len() > max {
                    file.too_big = true;
                    file.bytes = Vec::new();
                } else if !file.too_big {
                    file.bytes.extend_from_slice(&chunk);
                }
            }
        } else {
            pairs.push((name, field.text().await?));
        }
    }
    Ok((Pairs(pairs), file))
}

/// Reads a multipart form whose field `file_field` may carry several files, each of at most
/// `max` bytes: text fields as [`Pairs`], and the files chosen (a field left empty, as
/// browsers send it when no file is chosen, is no file). The bytes of at most `keep` files
/// are kept; later ones are listed without them, so that a flood of parts costs no memory and
/// the caller can still refuse too many.
pub async fn read_multipart_files(
    mut mp: axum::extract::Multipart,
    file_field: &str,
    max: usize,
    keep: usize,
) -> Result<(Pairs, Vec<UploadedFile>), crate::error::AppError> {
    let mut pairs = Vec::new();
    let mut files: Vec<UploadedFile> = Vec::new();
    while let Some(mut field) = mp.next_field().await? {
        let name = field.name().unwrap_or("").to_owned();
        if name != file_field {
            pairs.push((name, field.text().await?));
            continue;
        }
        let mut file = UploadedFile { name: field.file_name().unwrap_or("").to_owned(), ..UploadedFile::default() };
        let skip = files.len() >= keep;
        let mut size = 0;
        while let Some(chunk) = field.chunk().await? {
            size += chunk.len();
            if skip {
                continue;
            }
            if file.bytes.len() + chunk.len() > max {
                file.too_big = true;
                file.bytes = Vec::new();
            } else if !file.too_big {
                file.bytes.extend_from_slice(&chunk);
            }
        }
        if size > 0 {
            files.push(file);
        }
    }
    Ok((Pairs(pairs), files))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize, Default, Debug, PartialEq)]
    #[serde(default)]
    struct Settings {
        days: String,
        premoderation: Option<String>,
    }

    fn pairs(list: &[(&str, &str)]) -> Pairs {
        Pairs(list.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect())
    }

    /// Every field name the code gives an error to, read from the sources: the literal first
    /// argument of the functions that make field errors.
    fn field_names_in_sources() -> Vec<String> {
        const MAKERS: &[&str] = &[
            "FieldError::new(",
            "FieldError::with_limit(",
            "bounded_text(",
            "optional_text(",
            "general(",
            "parse_field(",
            "parse_number(",
            "parse_methods(",
            "parse_url(",
            "required_date(",
            "date_field(",
            "optional_url(",
            "parse_lines(",
            "optional_int(",
            "warsaw_day_start(",
            "NewPassword::parse(",
            "remark_field(i, ",
            "field: ",
        ];
        fn walk(dir: &std::path::Path, out: &mut Vec<String>) {
            for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    walk(&path, out);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    out.push(std::fs::read_to_string(&path).unwrap_or_default());
                }
            }
        }
        let mut sources = Vec::new();
        for krate in ["domain", "web"] {
            walk(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(krate).join("src"), &mut sources);
        }
        let mut names = Vec::new();
        for src in sources {
            // Unit tests name made-up fields.
            let code = src.split("#[cfg(test)]").next().unwrap_or("");
            for maker in MAKERS {
                for (at, _) in code.match_indices(maker) {
                    let rest = code[at + maker.len()..].trim_start();
                    let Some(rest) = rest.strip_prefix('"') else { continue };
                    let name: String = rest.chars().take_while(|c| *c != '"').collect();
                    if name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_') {
                        names.push(name);
                    }
                }
            }
        }
        names.sort();
        names.dedup();
        names
    }

    #[test]
    fn every_field_with_an_error_is_named_in_the_summary_in_both_languages() {
        let names = field_names_in_sources();
        assert!(names.len() > 80, "found only {} field names: {names:?}", names.len());
        let unnamed: Vec<_> = names.iter().filter(|n| label_key(n).is_none()).collect();
        assert!(unnamed.is_empty(), "fields without a label in the error summary: {unnamed:?}");
        for lang in [Lang::Pl, Lang::En] {
            let untranslated: Vec<_> = names.iter().filter_map(|n| label_key(n)).filter(|k| !lang.has(k)).collect();
            assert!(untranslated.is_empty(), "{lang:?} lacks {untranslated:?}");
        }
    }

    #[test]
    fn the_summary_names_numbered_remark_fields_and_drops_the_optional_mark() {
        assert_eq!(label("r1_proposed_change", Lang::Pl).as_deref(), Some("Uwaga nr 2, Proponowana zmiana"));
        assert_eq!(label("attachment", Lang::Pl).as_deref(), Some("Załącznik"));
        assert_eq!(label("email", Lang::En).as_deref(), Some("E-mail address"));
        assert_eq!(label("q12", Lang::Pl), None);
    }

    #[test]
    fn decode_reads_the_first_value_of_each_field_and_leaves_lists_to_all() {
        let p = pairs(&[("days", "7"), ("ids", "1"), ("ids", "2"), ("days", "9"), ("premoderation", "on")]);
        let s: Settings = p.decode().unwrap();
        assert_eq!(s, Settings { days: "7".into(), premoderation: Some("on".into()) });
        assert_eq!(p.ids("ids"), vec![1, 2]);
    }

    #[test]
    fn decode_leaves_absent_fields_empty_and_an_unticked_checkbox_unset() {
        let s: Settings = pairs(&[("other", "x")]).decode().unwrap();
        assert_eq!(s, Settings::default());
    }
}
