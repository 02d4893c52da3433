//! Consultations: their lifecycle, forms of participation, the city's rules and the organiser's form.

use crate::account::Email;
use crate::validation::{FieldError, Invalid, bounded_text, optional_text};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Longest title; it also has to fit in listings and e-mail subjects.
pub const TITLE_MAX: usize = 200;
/// Longest slug; slugify cuts titles down to this.
pub const SLUG_MAX: usize = 80;
/// Longest summary shown on cards and in the newsletter.
pub const SUMMARY_MAX: usize = 500;
/// Longest description, which is Markdown.
pub const DESCRIPTION_MAX: usize = 50_000;
/// Longest privacy notice or easy-read version.
pub const LONG_TEXT_MAX: usize = 10_000;
/// Longest contact phone number, spaces and punctuation included.
pub const PHONE_MAX: usize = 40;
/// Longest sign-language video address.
pub const URL_MAX: usize = 500;

const SECONDS_PER_DAY: i64 = 86_400;

text_enum! {
    /// Lifecycle of a consultation.
    #[derive(Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Status {
        /// Being prepared; only the organisers see it.
        Draft = "draft",
        /// Public, but residents cannot take part yet.
        Announced = "announced",
        /// Residents are taking part.
        Open = "open",
        /// Participation has ended; the report is being written.
        Closed = "closed",
        /// The report is out; kept visible while it is fresh.
        ReportPublished = "report_published",
        /// Kept for the record only.
        Archived = "archived",
        /// Called off; stays public so residents know why.
        Cancelled = "cancelled",
    }
}

impl Status {
    /// The statuses residents may see, for the SQL filters of public lists; see `visibility`.
    pub const PUBLIC: [Status; 6] =
        [Status::Announced, Status::Open, Status::Closed, Status::ReportPublished, Status::Archived, Status::Cancelled];

    /// Whether residents may see the consultation at all.
    pub fn is_public(self) -> bool {
        self != Status::Draft
    }

    /// Whether nothing can happen to the consultation any more.
    pub fn is_final(self) -> bool {
        matches!(self, Status::Archived | Status::Cancelled)
    }

    /// Whether an organiser or the scheduler may take the consultation from `self` to `to`.
    ///
    /// Announced→Closed exists only for the scheduler, which catches up when a
    /// consultation's whole participation period passed while it was still announced.
    pub fn can_move_to(self, to: Status) -> bool {
        use Status::*;
        matches!(
            (self, to),
            (Draft, Announced)
                | (Draft, Open)
                | (Draft, Cancelled)
                | (Announced, Open)
                | (Announced, Closed)
                | (Announced, Cancelled)
                | (Announced, Draft)
                | (Open, Closed)
                | (Open, Cancelled)
                | (Closed, ReportPublished)
                | (ReportPublished, Archived)
        )
    }

    /// The statuses reachable in one step, in lifecycle order, for offering actions.
    pub fn next_steps(self) -> Vec<Status> {
        Status::ALL.into_iter().filter(|&to| self.can_move_to(to)).collect()
    }

    /// Whether the organiser may delete the consultation: only a draft, which nobody outside
    /// has seen; anything once public stays, called off at most, so the record is kept.
    pub fn may_be_deleted(self) -> bool {
        self == Status::Draft
    }
}

/// Longest reason for calling a consultation off.
pub const CANCELLATION_REASON_MAX: usize = 2_000;

/// The reason given for calling a consultation off, shown on its public page: residents who
/// planned to take part are owed more than a word.
pub fn cancellation_reason(raw: &str) -> Result<String, FieldError> {
    bounded_text("reason", raw, 10, CANCELLATION_REASON_MAX)
        .map_err(|e| if e.code == "required" { FieldError::new("reason", "cancellation-reason-required") } else { e })
}

/// Checks the area against the districts ticked: "chosen districts" needs at least one, and
/// districts ticked while the area is the whole city would be dropped, so the organiser is
/// asked which was meant rather than losing them unseen.
pub fn check_area(scope_citywide: bool, districts: usize) -> Result<(), FieldError> {
    match (scope_citywide, districts) {
        (false, 0) => Err(FieldError::new("districts", "districts-required")),
        (true, n) if n > 0 => Err(FieldError::new("scope", "districts-with-city")),
        _ => Ok(()),
    }
}

/// The dates that drive automatic transitions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timeline {
    /// When the consultation was made public, if it was announced before opening.
    pub announced_at: Option<DateTime<Utc>>,
    /// When participation starts.
    pub opens_at: DateTime<Utc>,
    /// When participation ends.
    pub closes_at: DateTime<Utc>,
}

/// What the scheduler should do now: Announced→Open when now >= opens_at; Open→Closed when now >= closes_at;
/// an Announced consultation whose closes_at already passed goes straight to Closed (return Closed). Otherwise None.
pub fn due_transition(status: Status, t: &Timeline, now: DateTime<Utc>) -> Option<Status> {
    match status {
        Status::Announced if now >= t.closes_at => Some(Status::Closed),
        Status::Announced if now >= t.opens_at => Some(Status::Open),
        Status::Open if now >= t.closes_at => Some(Status::Closed),
        _ => None,
    }
}

text_enum! {
    /// A form of consultation an organiser offers residents.
    #[derive(Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum MethodKind {
        /// Written remarks sent in by form, e-mail or post.
        CollectingRemarks = "collecting_remarks",
        /// A meeting anyone may attend.
        OpenMeeting = "open_meeting",
        /// Guided work in small groups.
        Workshop = "workshop",
        /// An expert available at set hours to answer questions.
        ExpertDuty = "expert_duty",
        /// A staffed stand where residents look at materials and leave remarks.
        ConsultationPoint = "consultation_point",
        /// A questionnaire.
        Survey = "survey",
        /// A questionnaire whose answers are places on a map.
        MapSurvey = "map_survey",
        /// A walk through the area under discussion.
        StudyWalk = "study_walk",
        /// A formal hearing with statements on the record.
        PublicHearing = "public_hearing",
        /// A moderated discussion on the platform.
        OnlineDiscussion = "online_discussion",
        /// Quick questions put to passers-by.
        StreetPoll = "street_poll",
        /// A conversation with one resident or organisation.
        Interview = "interview",
        /// A moderated discussion with an invited group.
        FocusGroup = "focus_group",
        /// Anything the list does not name; the description explains it.
        Other = "other",
    }
}

impl MethodKind {
    /// Whether the method happens at a time and place, so it needs event details.
    pub fn is_event(self) -> bool {
        matches!(
            self,
            MethodKind::OpenMeeting
                | MethodKind::Workshop
                | MethodKind::ExpertDuty
                | MethodKind::StudyWalk
                | MethodKind::PublicHearing
                | MethodKind::StreetPoll
                | MethodKind::FocusGroup
                | MethodKind::Interview
        )
    }
}

text_enum! {
    /// What happens when a plan breaks the city's rules.
    #[derive(Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum OnViolation {
        /// Publishing goes ahead once the organiser explains why, and the explanation is shown.
        RequireJustification = "require_justification",
        /// Publishing is refused until the plan is fixed.
        Refuse = "refuse",
    }
}

/// The consultation rules a city has adopted; they differ from city to city.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RulesProfile {
    /// Shortest participation period, in days.
    pub min_open_days: i64,
    /// Shortest time between announcing and opening, in days.
    pub min_notice_days: i64,
    /// Fewest distinct methods a consultation must offer.
    pub min_methods: usize,
    /// At least one of these methods must be offered; empty means no such rule.
    pub required_one_of: Vec<MethodKind>,
    /// Whether a broken rule blocks publishing or only needs explaining.
    pub on_violation: OnViolation,
}

impl Default for RulesProfile {
    /// Kraków's rules (resolution CXI/2904/18), which the platform was first built for.
    fn default() -> Self {
        RulesProfile {
            min_open_days: 21,
            min_notice_days: 7,
            min_methods: 3,
            required_one_of: vec![MethodKind::OpenMeeting, MethodKind::Workshop],
            on_violation: OnViolation::RequireJustification,
        }
    }
}

impl RulesProfile {
    /// Parses the administrator's rules form.
    pub fn parse(
        min_open_days: &str,
        min_notice_days: &str,
        min_methods: &str,
        required_one_of: &[String],
        on_violation: &str,
    ) -> Result<RulesProfile, Invalid> {
        let mut inv = Invalid::default();
        let min_open_days = inv.check(parse_number("min_open_days", min_open_days, 0, 365));
        let min_notice_days = inv.check(parse_number("min_notice_days", min_notice_days, 0, 365));
        let min_methods = inv.check(parse_number("min_methods", min_methods, 0, MethodKind::ALL.len() as i64));
        let required_one_of = inv.check(parse_methods("required_one_of", required_one_of));
        let on_violation = inv.check(
            OnViolation::parse(on_violation.trim()).ok_or_else(|| FieldError::new("on_violation", "choice-invalid")),
        );
        match (min_open_days, min_notice_days, min_methods, required_one_of, on_violation) {
            (
                Some(min_open_days),
                Some(min_notice_days),
                Some(min_methods),
                Some(required_one_of),
                Some(on_violation),
            ) if inv.is_empty() => {
                Ok(RulesProfile {
                    min_open_days,
                    min_notice_days,
                    // The range check above keeps this non-negative.
                    min_methods: min_methods as usize,
                    required_one_of,
                    on_violation,
                })
            }
            _ => Err(inv),
        }
    }
}

fn parse_number(field: &'static str, raw: &str, min: i64, max: i64) -> Result<i64, FieldError> {
    raw.trim()
        .parse::<i64>()
        .ok()
        .filter(|n| (min..=max).contains(n))
        .ok_or_else(|| FieldError::new(field, "number-invalid"))
}

fn parse_methods(field: &'static str, raw: &[String]) -> Result<Vec<MethodKind>, FieldError> {
    let mut out = Vec::new();
    for r in raw {
        let m = MethodKind::parse(r.trim()).ok_or_else(|| FieldError::new(field, "choice-invalid"))?;
        if !out.contains(&m) {
            out.push(m);
        }
    }
    Ok(out)
}

/// One broken rule, with the numbers a message needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RuleViolation {
    /// The participation period is shorter than the rules allow.
    TooShort {
        /// Whole days the plan gives.
        days: i64,
        /// Whole days the rules ask for.
        min: i64,
    },
    /// Residents would hear about it too late before it opens.
    NoticeTooShort {
        /// Whole days between announcing and opening.
        days: i64,
        /// Whole days the rules ask for.
        min: i64,
    },
    /// Too few distinct methods are offered.
    TooFewMethods {
        /// Distinct methods in the plan.
        count: usize,
        /// Distinct methods the rules ask for.
        min: usize,
    },
    /// None of the methods the rules insist on is offered.
    MissingRequiredMethod {
        /// The methods of which at least one is needed.
        one_of: Vec<MethodKind>,
    },
}

impl RuleViolation {
    /// The locale message code, `error-{code}` in the web layer.
    pub fn code(&self) -> &'static str {
        match self {
            RuleViolation::TooShort { .. } => "rule-too-short",
            RuleViolation::NoticeTooShort { .. } => "rule-notice-too-short",
            RuleViolation::TooFewMethods { .. } => "rule-too-few-methods",
            RuleViolation::MissingRequiredMethod { .. } => "rule-missing-method",
        }
    }
}

/// What publishing would look like.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicationPlan {
    /// When residents would first see the consultation.
    pub announce_at: DateTime<Utc>,
    /// When participation would start.
    pub opens_at: DateTime<Utc>,
    /// When participation would end.
    pub closes_at: DateTime<Utc>,
    /// The methods on offer; repeats are allowed and count once.
    pub methods: Vec<MethodKind>,
}

/// Whole 24-hour days from `from` to `to`, rounded down, so a period one second short of a day does not count.
fn whole_days(from: DateTime<Utc>, to: DateTime<Utc>) -> i64 {
    (to - from).num_seconds().div_euclid(SECONDS_PER_DAY)
}

/// Every rule of `profile` that `plan` breaks, in the order the rules are listed.
pub fn check_rules(profile: &RulesProfile, plan: &PublicationPlan) -> Vec<RuleViolation> {
    let mut out = Vec::new();
    let days = whole_days(plan.opens_at, plan.closes_at);
    if days < profile.min_open_days {
        out.push(RuleViolation::TooShort { days, min: profile.min_open_days });
    }
    let notice = whole_days(plan.announce_at, plan.opens_at);
    if notice < profile.min_notice_days {
        out.push(RuleViolation::NoticeTooShort { days: notice, min: profile.min_notice_days });
    }
    let count = MethodKind::ALL.iter().filter(|m| plan.methods.contains(m)).count();
    if count < profile.min_methods {
        out.push(RuleViolation::TooFewMethods { count, min: profile.min_methods });
    }
    if !profile.required_one_of.is_empty() && !plan.methods.iter().any(|m| profile.required_one_of.contains(m)) {
        out.push(RuleViolation::MissingRequiredMethod { one_of: profile.required_one_of.clone() });
    }
    out
}

text_enum! {
    /// Whether the council is obliged by law to consult, or chose to.
    pub enum LegalBasis {
        /// A statute requires the consultation; the enabling act must be named.
        Statutory = "statutory",
        /// The city consults of its own accord.
        Optional = "optional",
    }
}

/// Validated consultation fields from the organiser's form.
#[derive(Debug, Clone, PartialEq)]
pub struct ConsultationInput {
    /// The consultation's name.
    pub title: String,
    /// Its address segment, unique across the platform.
    pub slug: String,
    /// A short lead for listings.
    pub summary: String,
    /// The full description, in Markdown; may be empty while a draft.
    pub description: String,
    /// What is being consulted, in a phrase.
    pub subject: String,
    /// Whether the law requires this consultation.
    pub legal_basis: LegalBasis,
    /// The act that requires it, for statutory consultations.
    pub enabling_act: Option<String>,
    /// Whether it concerns the whole city rather than chosen districts.
    pub scope_citywide: bool,
    /// Who answers residents' questions.
    pub contact_name: String,
    /// Where residents may write.
    pub contact_email: Option<String>,
    /// Where residents may call.
    pub contact_phone: Option<String>,
    /// Whether a participant must give an e-mail address.
    pub require_email: bool,
    /// Whether a participant must give a postal address.
    pub require_address: bool,
    /// Whether remarks may be sent without a name.
    pub allow_anonymous: bool,
    /// The data-protection notice shown before participating.
    pub privacy_notice: String,
    /// An easy-to-read version of the description.
    pub easy_read: Option<String>,
    /// A sign-language video about the consultation.
    pub sign_language_url: Option<String>,
    /// When participation starts.
    pub opens_at: DateTime<Utc>,
    /// When participation ends.
    pub closes_at: DateTime<Utc>,
}

/// Raw form values (all strings, as submitted).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ConsultationForm {
    /// See [`ConsultationInput::title`].
    pub title: String,
    /// Empty to derive the slug from the title.
    pub slug: String,
    /// See [`ConsultationInput::summary`].
    pub summary: String,
    /// See [`ConsultationInput::description`].
    pub description: String,
    /// See [`ConsultationInput::subject`].
    pub subject: String,
    /// `statutory` or `optional`.
    pub legal_basis: String,
    /// See [`ConsultationInput::enabling_act`].
    pub enabling_act: String,
    /// `city` or `districts`.
    pub scope: String,
    /// See [`ConsultationInput::contact_name`].
    pub contact_name: String,
    /// See [`ConsultationInput::contact_email`].
    pub contact_email: String,
    /// See [`ConsultationInput::contact_phone`].
    pub contact_phone: String,
    /// A checkbox: present when ticked.
    pub require_email: Option<String>,
    /// A checkbox: present when ticked.
    pub require_address: Option<String>,
    /// A checkbox: present when ticked.
    pub allow_anonymous: Option<String>,
    /// See [`ConsultationInput::privacy_notice`].
    pub privacy_notice: String,
    /// See [`ConsultationInput::easy_read`].
    pub easy_read: String,
    /// See [`ConsultationInput::sign_language_url`].
    pub sign_language_url: String,
    /// The `datetime-local` value, kept to tell an empty field from a bad one.
    pub opens_at: String,
    /// The `datetime-local` value, kept to tell an empty field from a bad one.
    pub closes_at: String,
}

impl ConsultationInput {
    /// Parses the organiser's form; the web layer has already read the dates in the city's time zone.
    pub fn parse(
        f: &ConsultationForm,
        opens_at: Option<DateTime<Utc>>,
        closes_at: Option<DateTime<Utc>>,
    ) -> Result<ConsultationInput, Invalid> {
        let mut inv = Invalid::default();
        let title = inv.check(bounded_text("title", &f.title, 5, TITLE_MAX));
        let slug = match f.slug.trim() {
            // Without a valid title there is nothing to derive from, and the title error says enough.
            "" => title.as_deref().and_then(|t| inv.check(check_slug(&slugify(t)))),
            s => inv.check(check_slug(s)),
        };
        let summary = inv.check(bounded_text("summary", &f.summary, 10, SUMMARY_MAX));
        let description = inv.check(bounded_text("description", &f.description, 0, DESCRIPTION_MAX));
        let subject = inv.check(bounded_text("subject", &f.subject, 0, 500));
        let legal_basis = inv.check(
            LegalBasis::parse(f.legal_basis.trim()).ok_or_else(|| FieldError::new("legal_basis", "choice-invalid")),
        );
        let enabling_act =
            inv.check(optional_text("enabling_act", &f.enabling_act, 300).and_then(|act| match (act, legal_basis) {
                (None, Some(LegalBasis::Statutory)) => Err(FieldError::new("enabling_act", "required")),
                (act, _) => Ok(act),
            }));
        let scope_citywide = inv.check(match f.scope.trim() {
            "city" => Ok(true),
            "districts" => Ok(false),
            _ => Err(FieldError::new("scope", "choice-invalid")),
        });
        let contact_name = inv.check(bounded_text("contact_name", &f.contact_name, 2, 200));
        let contact_email = inv.check(if f.contact_email.trim().is_empty() {
            Ok(None)
        } else {
            Email::parse_field("contact_email", &f.contact_email).map(|e| Some(e.as_str().to_owned()))
        });
        let contact_phone = inv.check(parse_phone(&f.contact_phone));
        let privacy_notice = inv.check(bounded_text("privacy_notice", &f.privacy_notice, 0, LONG_TEXT_MAX));
        let easy_read = inv.check(optional_text("easy_read", &f.easy_read, LONG_TEXT_MAX));
        let sign_language_url = inv.check(parse_url("sign_language_url", &f.sign_language_url));
        let opens_at = inv.check(required_date("opens_at", &f.opens_at, opens_at));
        let closes_at = inv.check(required_date("closes_at", &f.closes_at, closes_at));
        if let (Some(o), Some(c)) = (opens_at, closes_at)
            && c <= o
        {
            inv.push(FieldError::new("closes_at", "closes-before-opens"));
        }
        if !inv.is_empty() {
            return Err(inv);
        }
        let input = (|| {
            Some(ConsultationInput {
                title: title?,
                slug: slug?,
                summary: summary?,
                description: description?,
                subject: subject?,
                legal_basis: legal_basis?,
                enabling_act: enabling_act?,
                scope_citywide: scope_citywide?,
                contact_name: contact_name?,
                contact_email: contact_email?,
                contact_phone: contact_phone?,
                require_email: f.require_email.is_some(),
                require_address: f.require_address.is_some(),
                allow_anonymous: f.allow_anonymous.is_some(),
                privacy_notice: privacy_notice?,
                easy_read: easy_read?,
                sign_language_url: sign_language_url?,
                opens_at: opens_at?,
                closes_at: closes_at?,
            })
        })();
        input.ok_or(inv)
    }
}

pub(crate) fn check_slug(s: &str) -> Result<String, FieldError> {
    let n = s.chars().count();
    let ok = (3..=SLUG_MAX).contains(&n)
        && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !s.starts_with('-')
        && !s.ends_with('-');
    if ok { Ok(s.to_owned()) } else { Err(FieldError::new("slug", "slug-invalid")) }
}

fn parse_phone(raw: &str) -> Result<Option<String>, FieldError> {
    let phone = optional_text("contact_phone", raw, PHONE_MAX)?;
    match phone {
        Some(p)
            if !p.chars().all(|c| c.is_ascii_digit() || " +-()".contains(c))
                || !p.chars().any(|c| c.is_ascii_digit()) =>
        {
            Err(FieldError::new("contact_phone", "phone-invalid"))
        }
        p => Ok(p),
    }
}

pub(crate) fn parse_url(field: &'static str, raw: &str) -> Result<Option<String>, FieldError> {
    let url = optional_text(field, raw, URL_MAX)?;
    match url {
        Some(u) if !u.starts_with("https://") || u.len() == "https://".len() || u.chars().any(char::is_whitespace) => {
            Err(FieldError::new(field, "url-invalid"))
        }
        u => Ok(u),
    }
}

fn required_date(field: &'static str, raw: &str, parsed: Option<DateTime<Utc>>) -> Result<DateTime<Utc>, FieldError> {
    match parsed {
        Some(d) => Ok(d),
        None if raw.trim().is_empty() => Err(FieldError::new(field, "required")),
        None => Err(FieldError::new(field, "date-invalid")),
    }
}

/// Turns a title into an address segment that reads well in Polish without diacritics.
pub fn slugify(title: &str) -> String {
    let mut s = String::new();
    let mut pending_dash = false;
    for c in title.chars() {
        let c = match c {
            'ą' | 'Ą' => 'a',
            'ć' | 'Ć' => 'c',
            'ę' | 'Ę' => 'e',
            'ł' | 'Ł' => 'l',
            'ń' | 'Ń' => 'n',
            'ó' | 'Ó' => 'o',
            'ś' | 'Ś' => 's',
            'ź' | 'Ź' | 'ż' | 'Ż' => 'z',
            c => c.to_ascii_lowercase(),
        };
        if c.is_ascii_alphanumeric() {
            if pending_dash && !s.is_empty() {
                s.push('-');
            }
            pending_dash = false;
            s.push(c);
        } else {
            pending_dash = true;
        }
    }
    if s.len() > SLUG_MAX {
        // Only ASCII is left, so byte positions are character positions.
        let cut = if s.as_bytes()[SLUG_MAX] == b'-' { SLUG_MAX } else { s[..SLUG_MAX].rfind('-').unwrap_or(SLUG_MAX) };
        s.truncate(cut);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_drafts_are_deleted_and_a_cancellation_needs_a_reason() {
        assert!(Status::Draft.may_be_deleted());
        assert!(Status::ALL.iter().filter(|s| s.may_be_deleted()).count() == 1);
        assert_eq!(cancellation_reason("  ").unwrap_err().code, "cancellation-reason-required");
        assert_eq!(cancellation_reason("brak").unwrap_err().code, "too-short");
        assert_eq!(cancellation_reason(" Projekt wycofano z budżetu. ").unwrap(), "Projekt wycofano z budżetu.");
    }

    #[test]
    fn the_area_and_its_districts_agree() {
        assert!(check_area(true, 0).is_ok() && check_area(false, 2).is_ok());
        assert_eq!(check_area(false, 0).unwrap_err().field, "districts");
        assert_eq!(check_area(true, 1).unwrap_err().code, "districts-with-city");
    }
    use chrono::{Duration, TimeZone};
    use proptest::prelude::*;

    fn at(d: u32, h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2025, 5, d, h, 0, 0).unwrap()
    }

    fn form() -> ConsultationForm {
        ConsultationForm {
            title: "Przebudowa ul. Podzamcze — etap II".into(),
            summary: "Jak ma wyglądać ulica po przebudowie?".into(),
            legal_basis: "optional".into(),
            scope: "city".into(),
            contact_name: "Zarząd Dróg".into(),
            opens_at: "2025-05-01T09:00".into(),
            closes_at: "2025-05-29T09:00".into(),
            ..ConsultationForm::default()
        }
    }

    fn parse(f: &ConsultationForm) -> Result<ConsultationInput, Invalid> {
        ConsultationInput::parse(f, Some(at(1, 9)), Some(at(29, 9)))
    }

    fn errors(f: &ConsultationForm) -> Vec<(&'static str, &'static str)> {
        parse(f).unwrap_err().0.iter().map(|e| (e.field, e.code)).collect()
    }

    fn with(change: impl FnOnce(&mut ConsultationForm)) -> ConsultationForm {
        let mut f = form();
        change(&mut f);
        f
    }

    #[test]
    fn names_round_trip() {
        for s in Status::ALL {
            assert_eq!(Status::parse(s.as_str()), Some(s));
        }
        for m in MethodKind::ALL {
            assert_eq!(MethodKind::parse(m.as_str()), Some(m));
        }
        assert_eq!(Status::parse("Open"), None);
        assert_eq!(MethodKind::parse("map_survey"), Some(MethodKind::MapSurvey));
        assert_eq!(LegalBasis::parse("statutory"), Some(LegalBasis::Statutory));
        assert_eq!(LegalBasis::Optional.as_str(), "optional");
    }

    #[test]
    fn only_drafts_are_hidden() {
        let hidden: Vec<_> = Status::ALL.into_iter().filter(|s| !s.is_public()).collect();
        assert_eq!(hidden, vec![Status::Draft]);
    }

    #[test]
    fn transition_graph() {
        use Status::*;
        assert_eq!(Draft.next_steps(), vec![Announced, Open, Cancelled]);
        assert_eq!(Announced.next_steps(), vec![Draft, Open, Closed, Cancelled]);
        assert_eq!(Open.next_steps(), vec![Closed, Cancelled]);
        assert_eq!(Closed.next_steps(), vec![ReportPublished]);
        assert_eq!(ReportPublished.next_steps(), vec![Archived]);
        assert!(Archived.next_steps().is_empty());
        assert!(Cancelled.next_steps().is_empty());
        assert!(Status::ALL.iter().all(|&s| !s.can_move_to(s)));
        assert!(!Closed.can_move_to(Cancelled));
    }

    #[test]
    fn scheduler_moves() {
        let t = Timeline { announced_at: Some(at(1, 0)), opens_at: at(10, 0), closes_at: at(20, 0) };
        assert_eq!(due_transition(Status::Announced, &t, at(9, 23)), None);
        assert_eq!(due_transition(Status::Announced, &t, at(10, 0)), Some(Status::Open));
        assert_eq!(due_transition(Status::Announced, &t, at(21, 0)), Some(Status::Closed));
        assert_eq!(due_transition(Status::Open, &t, at(19, 23)), None);
        assert_eq!(due_transition(Status::Open, &t, at(20, 0)), Some(Status::Closed));
        assert_eq!(due_transition(Status::Draft, &t, at(21, 0)), None);
        assert_eq!(due_transition(Status::Closed, &t, at(31, 0)), None);
    }

    #[test]
    fn krakow_rules_are_the_default() {
        let p = RulesProfile::default();
        assert_eq!((p.min_open_days, p.min_notice_days, p.min_methods), (21, 7, 3));
        assert_eq!(p.required_one_of, vec![MethodKind::OpenMeeting, MethodKind::Workshop]);
        assert_eq!(p.on_violation, OnViolation::RequireJustification);
    }

    #[test]
    fn rules_form_parses_and_reports_every_field() {
        let p =
            RulesProfile::parse(" 30 ", "14", "2", &["survey".into(), "workshop".into(), "survey".into()], "refuse")
                .unwrap();
        assert_eq!(p.min_open_days, 30);
        assert_eq!(p.required_one_of, vec![MethodKind::Survey, MethodKind::Workshop]);
        assert_eq!(p.on_violation, OnViolation::Refuse);
        let err = RulesProfile::parse("366", "-1", "15", &["poll".into()], "warn").unwrap_err();
        let fields: Vec<_> = err.0.iter().map(|e| (e.field, e.code)).collect();
        assert_eq!(
            fields,
            vec![
                ("min_open_days", "number-invalid"),
                ("min_notice_days", "number-invalid"),
                ("min_methods", "number-invalid"),
                ("required_one_of", "choice-invalid"),
                ("on_violation", "choice-invalid"),
            ]
        );
        assert!(RulesProfile::parse("0", "365", "14", &[], "refuse").is_ok());
        assert_eq!(RulesProfile::parse("x", "7", "3", &[], "refuse").unwrap_err().0[0].field, "min_open_days");
    }

    fn plan(
        announce: DateTime<Utc>,
        opens: DateTime<Utc>,
        closes: DateTime<Utc>,
        methods: &[MethodKind],
    ) -> PublicationPlan {
        PublicationPlan { announce_at: announce, opens_at: opens, closes_at: closes, methods: methods.to_vec() }
    }

    #[test]
    fn a_plan_within_krakow_rules_passes() {
        use MethodKind::*;
        let p = plan(at(1, 9), at(8, 9), at(29, 9), &[Workshop, Survey, CollectingRemarks]);
        assert!(check_rules(&RulesProfile::default(), &p).is_empty());
    }

    #[test]
    fn each_rule_is_reported_with_its_numbers() {
        use MethodKind::*;
        // One second short of 21 days counts as 20; one second short of 7 days as 6.
        let opens = at(8, 9);
        let p = plan(
            at(1, 9) + Duration::seconds(1),
            opens,
            at(29, 9) - Duration::seconds(1),
            &[Survey, Survey, MapSurvey],
        );
        let v = check_rules(&RulesProfile::default(), &p);
        assert_eq!(
            v,
            vec![
                RuleViolation::TooShort { days: 20, min: 21 },
                RuleViolation::NoticeTooShort { days: 6, min: 7 },
                RuleViolation::TooFewMethods { count: 2, min: 3 },
                RuleViolation::MissingRequiredMethod { one_of: vec![OpenMeeting, Workshop] },
            ]
        );
        let codes: Vec<_> = v.iter().map(RuleViolation::code).collect();
        assert_eq!(
            codes,
            vec!["rule-too-short", "rule-notice-too-short", "rule-too-few-methods", "rule-missing-method"]
        );
    }

    #[test]
    fn no_required_methods_means_no_such_rule() {
        let profile = RulesProfile { required_one_of: vec![], min_methods: 0, ..RulesProfile::default() };
        let p = plan(at(1, 9), at(8, 9), at(29, 9), &[]);
        assert!(check_rules(&profile, &p).is_empty());
    }

    #[test]
    fn announcing_after_opening_is_negative_notice() {
        let p = plan(at(9, 9), at(8, 9), at(29, 9), &[MethodKind::Workshop, MethodKind::Survey, MethodKind::Other]);
        assert_eq!(check_rules(&RulesProfile::default(), &p), vec![RuleViolation::NoticeTooShort { days: -1, min: 7 }]);
    }

    #[test]
    fn slugify_examples() {
        assert_eq!(slugify("Przebudowa ul. Podzamcze — etap II"), "przebudowa-ul-podzamcze-etap-ii");
        assert_eq!(slugify("Żółć Łódź"), "zolc-lodz");
        assert_eq!(slugify("ĄĆĘŁŃÓŚŹŻ ąćęłńóśźż"), "acelnoszz-acelnoszz");
        assert_eq!(slugify("  --Park  Jordana!! "), "park-jordana");
        assert_eq!(slugify("—"), "");
    }

    #[test]
    fn slugify_cuts_long_titles_between_words() {
        let title = "konsultacje ".repeat(10);
        let s = slugify(&title);
        assert!(s.len() <= SLUG_MAX);
        assert!(s.ends_with("konsultacje"));
        assert_eq!(s.len(), 6 * 12 - 1);
        assert_eq!(slugify(&"a".repeat(100)), "a".repeat(80));
        // A word ending exactly at the limit is kept whole.
        let exact = format!("{} dalej", "b".repeat(80));
        assert_eq!(slugify(&exact), "b".repeat(80));
    }

    #[test]
    fn a_good_form_parses() {
        let f = with(|f| {
            f.require_email = Some("on".into());
            f.contact_email = " Drogi@Krakow.pl ".into();
            f.contact_phone = "+48 (12) 616-70-00".into();
            f.easy_read = "  ".into();
            f.sign_language_url = "https://wideo.krakow.pl/pjm/1".into();
        });
        let c = parse(&f).unwrap();
        assert_eq!(c.slug, "przebudowa-ul-podzamcze-etap-ii");
        assert_eq!(c.legal_basis, LegalBasis::Optional);
        assert!(c.scope_citywide);
        assert!(c.require_email && !c.require_address && !c.allow_anonymous);
        assert_eq!(c.contact_email.as_deref(), Some("drogi@krakow.pl"));
        assert_eq!(c.contact_phone.as_deref(), Some("+48 (12) 616-70-00"));
        assert_eq!(c.easy_read, None);
        assert_eq!(c.description, "");
        assert_eq!((c.opens_at, c.closes_at), (at(1, 9), at(29, 9)));
    }

    #[test]
    fn an_empty_form_reports_every_field_in_order() {
        let err = ConsultationInput::parse(&ConsultationForm::default(), None, None).unwrap_err();
        let fields: Vec<_> = err.0.iter().map(|e| (e.field, e.code)).collect();
        assert_eq!(
            fields,
            vec![
                ("title", "required"),
                ("summary", "required"),
                ("legal_basis", "choice-invalid"),
                ("scope", "choice-invalid"),
                ("contact_name", "required"),
                ("opens_at", "required"),
                ("closes_at", "required"),
            ]
        );
    }

    #[test]
    fn text_lengths() {
        assert_eq!(errors(&with(|f| f.title = "Park".into())), vec![("title", "too-short")]);
        let long = with(|f| f.title = "x".repeat(201));
        assert_eq!(parse(&long).unwrap_err().0[0], FieldError::with_limit("title", "too-long", 200));
        assert_eq!(errors(&with(|f| f.summary = "Krótko".into())), vec![("summary", "too-short")]);
        assert_eq!(errors(&with(|f| f.summary = "x".repeat(501))), vec![("summary", "too-long")]);
        assert_eq!(errors(&with(|f| f.description = "x".repeat(50_001))), vec![("description", "too-long")]);
        assert_eq!(errors(&with(|f| f.subject = "x".repeat(501))), vec![("subject", "too-long")]);
        assert_eq!(errors(&with(|f| f.contact_name = "Z".into())), vec![("contact_name", "too-short")]);
        assert_eq!(errors(&with(|f| f.privacy_notice = "x".repeat(10_001))), vec![("privacy_notice", "too-long")]);
        assert_eq!(errors(&with(|f| f.easy_read = "x".repeat(10_001))), vec![("easy_read", "too-long")]);
        assert!(parse(&with(|f| f.easy_read = "Prosty tekst".into())).unwrap().easy_read.is_some());
    }

    #[test]
    fn slugs() {
        assert_eq!(parse(&with(|f| f.slug = " park-jordana-2 ".into())).unwrap().slug, "park-jordana-2");
        for bad in ["ab", "-park", "park-", "Park", "park jordana", "żółw", &"a".repeat(81)] {
            assert_eq!(errors(&with(|f| f.slug = bad.into())), vec![("slug", "slug-invalid")], "{bad}");
        }
        // A title with no letters gives nothing to derive from.
        assert_eq!(errors(&with(|f| f.title = "— — —".into())), vec![("slug", "slug-invalid")]);
        // A bad title is reported once, not again as a slug problem.
        assert_eq!(errors(&with(|f| f.title = String::new())), vec![("title", "required")]);
    }

    #[test]
    fn statutory_consultations_name_their_act() {
        let f = with(|f| f.legal_basis = "statutory".into());
        assert_eq!(errors(&f), vec![("enabling_act", "required")]);
        let f = with(|f| {
            f.legal_basis = "statutory".into();
            f.enabling_act = "art. 5a ustawy o samorządzie gminnym".into();
        });
        assert_eq!(parse(&f).unwrap().legal_basis, LegalBasis::Statutory);
        assert_eq!(errors(&with(|f| f.legal_basis = "maybe".into())), vec![("legal_basis", "choice-invalid")]);
        assert_eq!(errors(&with(|f| f.enabling_act = "x".repeat(301))), vec![("enabling_act", "too-long")]);
    }

    #[test]
    fn scope_is_city_or_districts() {
        assert!(!parse(&with(|f| f.scope = "districts".into())).unwrap().scope_citywide);
        assert_eq!(errors(&with(|f| f.scope = "region".into())), vec![("scope", "choice-invalid")]);
    }

    #[test]
    fn contact_details() {
        assert_eq!(
            errors(&with(|f| f.contact_email = "drogi.krakow.pl".into())),
            vec![("contact_email", "email-invalid")]
        );
        for bad in ["12 345 abc", "()", &"1".repeat(41)] {
            let code = if bad.len() > 40 { "too-long" } else { "phone-invalid" };
            assert_eq!(errors(&with(|f| f.contact_phone = bad.into())), vec![("contact_phone", code)], "{bad}");
        }
    }

    #[test]
    fn sign_language_links_are_https() {
        for bad in ["http://wideo.krakow.pl/1", "https://", "https://wideo krakow.pl", "wideo.krakow.pl"] {
            assert_eq!(
                errors(&with(|f| f.sign_language_url = bad.into())),
                vec![("sign_language_url", "url-invalid")],
                "{bad}"
            );
        }
        let long = format!("https://{}", "a".repeat(493));
        assert_eq!(errors(&with(|f| f.sign_language_url = long)), vec![("sign_language_url", "too-long")]);
    }

    #[test]
    fn dates() {
        let f = form();
        let err = ConsultationInput::parse(&f, None, Some(at(29, 9))).unwrap_err();
        assert_eq!(err.0, vec![FieldError::new("opens_at", "date-invalid")]);
        let f = with(|f| f.closes_at = String::new());
        let err = ConsultationInput::parse(&f, Some(at(1, 9)), None).unwrap_err();
        assert_eq!(err.0, vec![FieldError::new("closes_at", "required")]);
        for closes in [at(1, 9), at(1, 8)] {
            let err = ConsultationInput::parse(&form(), Some(at(1, 9)), Some(closes)).unwrap_err();
            assert_eq!(err.0, vec![FieldError::new("closes_at", "closes-before-opens")]);
        }
    }

    fn status() -> impl Strategy<Value = Status> {
        prop::sample::select(Status::ALL.to_vec())
    }

    fn method() -> impl Strategy<Value = MethodKind> {
        prop::sample::select(MethodKind::ALL.to_vec())
    }

    fn time() -> impl Strategy<Value = DateTime<Utc>> {
        // 2000 to about 2060, to the second.
        (946_684_800i64..2_840_000_000).prop_map(|s| DateTime::from_timestamp(s, 0).unwrap())
    }

    proptest! {
        #[test]
        fn nothing_returns_to_draft_once_opened(
            start in prop::sample::select(vec![
                Status::Open, Status::Closed, Status::ReportPublished, Status::Archived, Status::Cancelled,
            ]),
            picks in prop::collection::vec(any::<prop::sample::Index>(), 0..20),
        ) {
            let mut s = start;
            for pick in picks {
                prop_assert!(!s.can_move_to(Status::Draft));
                let next = s.next_steps();
                if next.is_empty() {
                    prop_assert!(s.is_final());
                    break;
                }
                s = next[pick.index(next.len())];
                prop_assert_ne!(s, Status::Draft);
            }
            prop_assert!(Status::Archived.next_steps().is_empty());
            prop_assert!(Status::Cancelled.next_steps().is_empty());
        }

        #[test]
        fn allowed_moves_stay_in_the_graph(targets in prop::collection::vec(status(), 0..40)) {
            let mut s = Status::Draft;
            for to in targets {
                let was_final = s.is_final();
                if s.can_move_to(to) {
                    prop_assert!(s.next_steps().contains(&to));
                    s = to;
                }
                prop_assert!(Status::ALL.contains(&s));
                if was_final {
                    prop_assert!(s.is_final());
                }
            }
        }

        #[test]
        fn the_scheduler_follows_the_graph(s in status(), opens in time(), len in -40i64..40, now in time()) {
            let t = Timeline { announced_at: None, opens_at: opens, closes_at: opens + Duration::days(len) };
            if let Some(to) = due_transition(s, &t, now) {
                prop_assert!(s.can_move_to(to));
            }
            if s == Status::Open {
                prop_assert_eq!(due_transition(s, &t, now) == Some(Status::Closed), now >= t.closes_at);
            }
        }

        #[test]
        fn plans_within_the_rules_pass(
            min_open in 0i64..60,
            min_notice in 0i64..30,
            min_methods in 0usize..=14,
            required in prop::sample::subsequence(MethodKind::ALL.to_vec(), 0..5),
            extra in prop::collection::vec(method(), 0..6),
            opens in time(),
            spare in 0i64..SECONDS_PER_DAY * 3,
        ) {
            let profile = RulesProfile {
                min_open_days: min_open,
                min_notice_days: min_notice,
                min_methods,
                required_one_of: required.clone(),
                on_violation: OnViolation::Refuse,
            };
            let mut methods = MethodKind::ALL[..min_methods].to_vec();
            methods.extend(required.first().copied());
            methods.extend(extra);
            let p = PublicationPlan {
                announce_at: opens - Duration::days(min_notice) - Duration::seconds(spare),
                opens_at: opens,
                closes_at: opens + Duration::days(min_open) + Duration::seconds(spare),
                methods,
            };
            prop_assert_eq!(check_rules(&profile, &p), vec![]);
        }

        #[test]
        fn too_short_exactly_when_under_the_minimum(
            min_open in 0i64..60,
            opens in time(),
            secs in -SECONDS_PER_DAY * 5..SECONDS_PER_DAY * 70,
            methods in prop::collection::vec(method(), 0..6),
        ) {
            let profile = RulesProfile { min_open_days: min_open, ..RulesProfile::default() };
            let p = PublicationPlan {
                announce_at: opens,
                opens_at: opens,
                closes_at: opens + Duration::seconds(secs),
                methods,
            };
            let short = check_rules(&profile, &p).iter().any(|v| matches!(v, RuleViolation::TooShort { .. }));
            prop_assert_eq!(short, p.closes_at < p.opens_at + Duration::days(min_open));
        }

        #[test]
        fn slugs_are_clean_and_stable(title in "\\PC{0,200}", polish in "[a-zA-Z0-9ąćęłńóśźżĄĆĘŁŃÓŚŹŻ .,—-]{0,200}") {
            for t in [title, polish] {
                let s = slugify(&t);
                prop_assert!(s.len() <= SLUG_MAX);
                let clean = s.is_empty()
                    || s.split('-').all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()));
                prop_assert!(clean, "{:?} -> {:?}", t, s);
                prop_assert_eq!(slugify(&s), s.clone());
            }
        }
    }
}
