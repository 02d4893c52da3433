//! Meetings (posiedzenia) of civic dialogue bodies and the series several bodies attend
//! together (the Forum Dialogu): the meeting form, the agenda and what its items may point at,
//! the quorum counted from the voting members present, and the minutes, which go from a draft
//! through amendments proposed by those present within a set number of days to a final text.

use crate::body::chosen_ids;
use crate::consultation::{check_slug, parse_url, slugify};
use crate::reference::NAME_MAX;
use crate::validation::{FieldError, Invalid, bounded_text, optional_text};
use chrono::{DateTime, Duration, NaiveDate, Utc};

/// Longest title of a meeting or of an agenda item.
pub const TITLE_MAX: usize = 200;
/// Longest place of a meeting.
pub const PLACE_MAX: usize = 300;
/// Longest text of the minutes.
pub const MINUTES_MAX: usize = 100_000;
/// Longest proposed amendment.
pub const AMENDMENT_MAX: usize = 5_000;
/// Days the attendees have to propose amendments when the secretary sets nothing else.
pub const DEFAULT_AMENDMENT_DAYS: i64 = 7;
/// The longest window for amendments a secretary may set.
pub const MAX_AMENDMENT_DAYS: i64 = 60;

text_enum! {
    /// Where a version of the minutes stands.
    pub enum MinutesState {
        /// Circulated to those present, who may propose amendments.
        Draft = "draft",
        /// Adopted; published on the meeting's page and never changed again.
        Final = "final",
    }
}

/// A meeting as its form sends it.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct MeetingForm {
    pub title: String,
    /// `datetime-local`, Warsaw time.
    pub meeting_starts_at: String,
    pub meeting_ends_at: String,
    pub meeting_place: String,
    pub meeting_online_url: String,
    pub amendment_days: String,
    /// A meeting series it belongs to, or "".
    pub series_id: String,
}

/// A checked meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingInput {
    pub title: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub place: Option<String>,
    pub online_url: Option<String>,
    /// Days after the draft minutes within which those present may propose amendments.
    pub amendment_days: i64,
    pub series_id: Option<i64>,
}

fn time_field(field: &'static str, raw: &str, parsed: Option<DateTime<Utc>>) -> Result<DateTime<Utc>, FieldError> {
    parsed.ok_or_else(|| FieldError::new(field, if raw.trim().is_empty() { "required" } else { "date-invalid" }))
}

impl MeetingForm {
    /// Checks the form; the web layer has read the times as Warsaw time, and `series` are the
    /// series the body takes part in.
    pub fn parse(
        &self,
        starts_at: Option<DateTime<Utc>>,
        ends_at: Option<DateTime<Utc>>,
        series: &[i64],
    ) -> Result<MeetingInput, Invalid> {
        let mut inv = Invalid::default();
        let title = inv.check(bounded_text("title", &self.title, 3, TITLE_MAX));
        let starts = inv.check(time_field("meeting_starts_at", &self.meeting_starts_at, starts_at));
        let ends = inv.check(time_field("meeting_ends_at", &self.meeting_ends_at, ends_at));
        if let (Some(s), Some(e)) = (starts, ends)
            && e <= s
        {
            inv.push(FieldError::new("meeting_ends_at", "ends-before-starts"));
        }
        let place = inv.check(optional_text("meeting_place", &self.meeting_place, PLACE_MAX));
        let online_url = inv.check(parse_url("meeting_online_url", &self.meeting_online_url));
        // A meeting nobody can find is no meeting: a room, a link, or both.
        if let (Some(None), Some(None)) = (&place, &online_url) {
            inv.push(FieldError::new("meeting_place", "meeting-place-required"));
        }
        let days =
            inv.check(match self.amendment_days.trim() {
                "" => Ok(DEFAULT_AMENDMENT_DAYS),
                s => s.parse::<i64>().ok().filter(|d| (1..=MAX_AMENDMENT_DAYS).contains(d)).ok_or(
                    FieldError::with_limit("amendment_days", "amendment-days-invalid", MAX_AMENDMENT_DAYS as usize),
                ),
            });
        let series_id = inv.check(match self.series_id.trim() {
            "" => Ok(None),
            s => s
                .parse::<i64>()
                .ok()
                .filter(|id| series.contains(id))
                .map(Some)
                .ok_or(FieldError::new("series_id", "choice-invalid")),
        });
        match (title, starts, ends, place, online_url, days, series_id) {
            (
                Some(title),
                Some(starts_at),
                Some(ends_at),
                Some(place),
                Some(online_url),
                Some(amendment_days),
                Some(series_id),
            ) if inv.is_empty() => {
                Ok(MeetingInput { title, starts_at, ends_at, place, online_url, amendment_days, series_id })
            }
            _ => Err(inv),
        }
    }
}

/// What an agenda item points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgendaLink {
    /// A document of a body.
    Document(i64),
    /// A consultation.
    Consultation(i64),
    /// An opinion of a body.
    Opinion(i64),
}

impl AgendaLink {
    /// The value of the agenda form's drop-down for this link.
    pub fn value(self) -> String {
        match self {
            AgendaLink::Document(id) => format!("document:{id}"),
            AgendaLink::Consultation(id) => format!("consultation:{id}"),
            AgendaLink::Opinion(id) => format!("opinion:{id}"),
        }
    }

    /// Reads a drop-down value; "" is no link.
    pub fn parse(raw: &str) -> Result<Option<AgendaLink>, FieldError> {
        let raw = raw.trim();
        if raw.is_empty() {
            return Ok(None);
        }
        let bad = || FieldError::new("agenda_link", "choice-invalid");
        let (kind, id) = raw.split_once(':').ok_or_else(bad)?;
        let id = id.parse::<i64>().ok().filter(|id| *id > 0).ok_or_else(bad)?;
        match kind {
            "document" => Ok(Some(AgendaLink::Document(id))),
            "consultation" => Ok(Some(AgendaLink::Consultation(id))),
            "opinion" => Ok(Some(AgendaLink::Opinion(id))),
            _ => Err(bad()),
        }
    }
}

/// What the handler found at the other end of an agenda item's link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkTarget {
    /// Nothing the public may see has that id.
    Missing,
    /// A document of body `body`.
    DocumentOf(i64),
    /// A consultation or an opinion, which any body may put on its agenda.
    Open,
}

/// An agenda item as its form sends it.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct AgendaForm {
    pub agenda_title: String,
    /// "document:12", "consultation:3", "opinion:5" or "".
    pub agenda_link: String,
}

/// A checked agenda item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgendaInput {
    pub title: String,
    pub link: Option<AgendaLink>,
}

impl AgendaForm {
    /// The link the form names, before the handler looks it up.
    pub fn link(&self) -> Result<Option<AgendaLink>, FieldError> {
        AgendaLink::parse(&self.agenda_link)
    }

    /// Checks the item; `target` is what its link was found to be and `bodies` the bodies
    /// whose documents the meeting may discuss (its own, or every body of its series).
    pub fn parse(&self, target: LinkTarget, bodies: &[i64]) -> Result<AgendaInput, Invalid> {
        let mut inv = Invalid::default();
        let title = inv.check(bounded_text("agenda_title", &self.agenda_title, 2, TITLE_MAX));
        let link = inv.check(self.link().and_then(|link| match (link, target) {
            (None, _) => Ok(None),
            (Some(_), LinkTarget::Missing) => Err(FieldError::new("agenda_link", "agenda-link-missing")),
            // A body's agenda is its own business: another body's papers are that body's to
            // table, and linking them here would pass them off as this body's.
            (Some(AgendaLink::Document(_)), LinkTarget::DocumentOf(owner)) if !bodies.contains(&owner) => {
                Err(FieldError::new("agenda_link", "agenda-document-other-body"))
            }
            (Some(l), _) => Ok(Some(l)),
        }));
        match (title, link) {
            (Some(title), Some(link)) if inv.is_empty() => Ok(AgendaInput { title, link }),
            _ => Err(inv),
        }
    }
}

/// A document of a body as its form sends it: a title and where it is published.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct DocumentForm {
    pub doc_title: String,
    pub doc_url: String,
}

/// A checked body document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentInput {
    pub title: String,
    pub url: String,
}

impl DocumentForm {
    /// Checks the form: a title and an `https://` address.
    pub fn parse(&self) -> Result<DocumentInput, Invalid> {
        let mut inv = Invalid::default();
        let title = inv.check(bounded_text("doc_title", &self.doc_title, 2, TITLE_MAX));
        let url = inv
            .check(parse_url("doc_url", &self.doc_url).and_then(|u| u.ok_or(FieldError::new("doc_url", "required"))));
        match (title, url) {
            (Some(title), Some(url)) if inv.is_empty() => Ok(DocumentInput { title, url }),
            _ => Err(inv),
        }
    }
}

/// One person on a meeting's attendance list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attendee {
    pub user_id: Option<i64>,
    pub person_name: String,
    pub voting: bool,
    pub present: bool,
}

/// The quorum of a meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quorum {
    /// Voting members on the day of the meeting.
    pub voting_members: usize,
    /// Of them, those present.
    pub present: usize,
    /// How many must be present: more than half.
    pub required: usize,
}

impl Quorum {
    /// Whether the meeting may adopt anything.
    pub fn reached(&self) -> bool {
        self.voting_members > 0 && self.present >= self.required
    }
}

/// The quorum of a meeting whose attendance list is `list`: more than half of the voting
/// members, each person counted once even when they hold two roles, so that a chair who is
/// also listed as a member cannot make a quorum alone.
pub fn quorum(list: &[Attendee]) -> Quorum {
    let mut people: Vec<(String, bool, bool)> = Vec::new();
    for a in list {
        let key = match a.user_id {
            Some(id) => format!("#{id}"),
            None => a.person_name.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase(),
        };
        match people.iter_mut().find(|p| p.0 == key) {
            Some(p) => {
                p.1 |= a.voting;
                p.2 |= a.present;
            }
            None => people.push((key, a.voting, a.present)),
        }
    }
    let voting_members = people.iter().filter(|p| p.1).count();
    let present = people.iter().filter(|p| p.1 && p.2).count();
    Quorum { voting_members, present, required: voting_members / 2 + 1 }
}

/// The last day on which amendments to a draft circulated on `draft_on` may be proposed.
pub fn amendments_close_on(draft_on: NaiveDate, days: i64) -> NaiveDate {
    draft_on + Duration::days(days)
}

/// Where the minutes stand when someone proposes an amendment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MinutesStand {
    /// The state of the latest version; `None` before any.
    pub latest: Option<MinutesState>,
    /// The day the first draft went out.
    pub draft_on: Option<NaiveDate>,
    pub amendment_days: i64,
}

/// Why an amendment is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AmendmentRefusal {
    /// The person was not present at the meeting: only those present can say what was said.
    NotPresent,
    /// There is no draft yet.
    NoDraft,
    /// The minutes are final.
    Final,
    /// The days for amendments are over.
    Closed,
}

impl AmendmentRefusal {
    /// The message code, shown next to the amendment's field.
    pub fn code(self) -> &'static str {
        match self {
            AmendmentRefusal::NotPresent => "amendment-not-present",
            AmendmentRefusal::NoDraft => "amendment-no-draft",
            AmendmentRefusal::Final => "amendment-minutes-final",
            AmendmentRefusal::Closed => "amendment-window-closed",
        }
    }

    /// The refusal as a form error.
    pub fn error(self) -> FieldError {
        FieldError::new("amendment_text", self.code())
    }
}

/// Whether a person who was (`attended`) or was not present may propose an amendment `today`.
pub fn may_amend(stand: MinutesStand, attended: bool, today: NaiveDate) -> Result<(), AmendmentRefusal> {
    if !attended {
        return Err(AmendmentRefusal::NotPresent);
    }
    match (stand.latest, stand.draft_on) {
        (Some(MinutesState::Final), _) => Err(AmendmentRefusal::Final),
        (None, _) | (_, None) => Err(AmendmentRefusal::NoDraft),
        (Some(MinutesState::Draft), Some(d)) if today > amendments_close_on(d, stand.amendment_days) => {
            Err(AmendmentRefusal::Closed)
        }
        _ => Ok(()),
    }
}

/// Checks a proposed amendment's text.
pub fn amendment_text(raw: &str) -> Result<String, FieldError> {
    bounded_text("amendment_text", raw, 5, AMENDMENT_MAX)
}

/// The minutes' form: the text and whether it is the final one.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct MinutesForm {
    pub minutes_text: String,
    /// Set by the "adopt as final" button.
    pub finalise: Option<String>,
}

impl MinutesForm {
    /// Checks a new version of the minutes after `latest`: none follows a final version.
    pub fn parse(&self, latest: Option<MinutesState>) -> Result<(String, MinutesState), Invalid> {
        if latest == Some(MinutesState::Final) {
            return Err(FieldError::new("minutes_text", "minutes-already-final").into());
        }
        let text = bounded_text("minutes_text", &self.minutes_text, 10, MINUTES_MAX)?;
        Ok((text, if self.finalise.is_some() { MinutesState::Final } else { MinutesState::Draft }))
    }
}

/// A meeting series as its form sends it; the ticked participants are filled by the handler.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct SeriesForm {
    pub name_pl: String,
    pub name_en: String,
    pub slug: String,
    pub about: String,
    #[serde(skip)]
    pub bodies: Vec<String>,
    #[serde(skip)]
    pub districts: Vec<String>,
    #[serde(skip)]
    pub units: Vec<String>,
}

/// A checked meeting series with the bodies, districts and departments that attend it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeriesInput {
    pub name_pl: String,
    pub name_en: Option<String>,
    pub slug: String,
    pub about: String,
    pub bodies: Vec<i64>,
    pub districts: Vec<i64>,
    pub units: Vec<i64>,
}

impl SeriesForm {
    /// Checks the form against the bodies, districts and departments that exist; a series is
    /// a meeting of several, so it needs at least two bodies.
    pub fn parse(&self, bodies: &[i64], districts: &[i64], units: &[i64]) -> Result<SeriesInput, Invalid> {
        let mut inv = Invalid::default();
        let name_pl = inv.check(bounded_text("name_pl", &self.name_pl, 2, NAME_MAX));
        let name_en = inv.check(optional_text("name_en", &self.name_en, NAME_MAX));
        let slug = inv.check(match self.slug.trim() {
            "" => check_slug(&slugify(&self.name_pl)),
            s => check_slug(s),
        });
        let about = inv.check(bounded_text("about", &self.about, 0, crate::body::ABOUT_MAX));
        let chosen =
            inv.check(chosen_ids("bodies", &self.bodies, bodies).and_then(|b| {
                if b.len() < 2 { Err(FieldError::new("bodies", "series-needs-two-bodies")) } else { Ok(b) }
            }));
        let district_ids = inv.check(chosen_ids("districts", &self.districts, districts));
        let unit_ids = inv.check(chosen_ids("units", &self.units, units));
        match (name_pl, name_en, slug, about, chosen, district_ids, unit_ids) {
            (Some(name_pl), Some(name_en), Some(slug), Some(about), Some(bodies), Some(districts), Some(units))
                if inv.is_empty() =>
            {
                Ok(SeriesInput { name_pl, name_en, slug, about, bodies, districts, units })
            }
            _ => Err(inv),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn person(id: Option<i64>, name: &str, voting: bool, present: bool) -> Attendee {
        Attendee { user_id: id, person_name: name.into(), voting, present }
    }

    #[test]
    fn the_quorum_is_more_than_half_of_the_voting_members() {
        let mut list: Vec<Attendee> = (0..6).map(|i| person(None, &format!("Członek {i}"), true, i < 3)).collect();
        list.push(person(None, "Obserwatorka", false, true));
        let q = quorum(&list);
        assert_eq!((q.voting_members, q.present, q.required, q.reached()), (6, 3, 4, false), "half is not enough");
        list[3].present = true;
        assert!(quorum(&list).reached());
        let odd: Vec<Attendee> = (0..5).map(|i| person(None, &format!("P{i}"), true, i < 3)).collect();
        assert_eq!((quorum(&odd).required, quorum(&odd).reached()), (3, true));
        assert!(!quorum(&[]).reached(), "a body without voting members has no quorum");
        assert!(!quorum(&[person(None, "Gość", false, true)]).reached());
    }

    #[test]
    fn a_person_with_two_roles_counts_once() {
        let list = [
            person(Some(4), "Anna Kowalska", true, true),
            person(Some(4), "Anna Kowalska", true, true),
            person(None, "Jan  Nowak", true, false),
            person(None, "jan nowak", false, false),
            person(None, "Ewa Lis", true, false),
        ];
        let q = quorum(&list);
        assert_eq!((q.voting_members, q.present, q.required, q.reached()), (3, 1, 2, false));
    }

    proptest::proptest! {
        #[test]
        fn the_quorum_is_reached_exactly_when_present_voters_outnumber_absent_ones(
            flags in proptest::collection::vec((proptest::bool::ANY, proptest::bool::ANY), 0..30)
        ) {
            let list: Vec<Attendee> = flags.iter().enumerate()
                .map(|(i, (v, p))| person(Some(i as i64), "x", *v, *p)).collect();
            let voters = flags.iter().filter(|(v, _)| *v).count();
            let present = flags.iter().filter(|(v, p)| *v && *p).count();
            proptest::prop_assert_eq!(quorum(&list).reached(), present > voters - present);
        }
    }

    fn draft(on: NaiveDate) -> MinutesStand {
        MinutesStand { latest: Some(MinutesState::Draft), draft_on: Some(on), amendment_days: 7 }
    }

    #[test]
    fn amendments_come_from_those_present_within_the_window() {
        let out = day(2026, 3, 2);
        assert_eq!(amendments_close_on(out, 7), day(2026, 3, 9));
        assert_eq!(may_amend(draft(out), true, out), Ok(()));
        assert_eq!(may_amend(draft(out), true, day(2026, 3, 9)), Ok(()), "the last day counts");
        assert_eq!(may_amend(draft(out), true, day(2026, 3, 10)), Err(AmendmentRefusal::Closed));
        assert_eq!(may_amend(draft(out), false, out), Err(AmendmentRefusal::NotPresent));
        let fin = MinutesStand { latest: Some(MinutesState::Final), ..draft(out) };
        assert_eq!(may_amend(fin, true, out), Err(AmendmentRefusal::Final));
        let none = MinutesStand { latest: None, draft_on: None, amendment_days: 7 };
        assert_eq!(may_amend(none, true, out), Err(AmendmentRefusal::NoDraft));
        assert_eq!(AmendmentRefusal::NotPresent.error().field, "amendment_text");
        assert_eq!(amendment_text(" ok ").unwrap_err().code, "too-short");
    }

    #[test]
    fn no_version_follows_the_final_minutes() {
        let f = MinutesForm { minutes_text: "Posiedzenie otworzyła przewodnicząca.".into(), finalise: None };
        assert_eq!(f.parse(None).unwrap().1, MinutesState::Draft);
        let fin = MinutesForm { finalise: Some("1".into()), ..f.clone() };
        assert_eq!(fin.parse(Some(MinutesState::Draft)).unwrap().1, MinutesState::Final);
        assert_eq!(f.parse(Some(MinutesState::Final)).unwrap_err().0[0].code, "minutes-already-final");
    }

    fn meeting() -> MeetingForm {
        MeetingForm {
            title: "Posiedzenie nr 12".into(),
            meeting_starts_at: "2026-03-02T17:00".into(),
            meeting_ends_at: "2026-03-02T19:00".into(),
            meeting_place: "Urząd Miasta, sala 201".into(),
            ..MeetingForm::default()
        }
    }

    #[test]
    fn a_meeting_needs_a_place_or_a_link_and_ends_after_it_starts() {
        let s = DateTime::parse_from_rfc3339("2026-03-02T16:00:00Z").unwrap().with_timezone(&Utc);
        let e = s + Duration::hours(2);
        let ok = meeting().parse(Some(s), Some(e), &[]).unwrap();
        assert_eq!((ok.amendment_days, ok.series_id), (DEFAULT_AMENDMENT_DAYS, None));
        let bad =
            MeetingForm { meeting_place: " ".into(), amendment_days: "0".into(), series_id: "9".into(), ..meeting() };
        let codes: Vec<_> =
            bad.parse(Some(e), Some(s), &[1]).unwrap_err().0.iter().map(|x| (x.field, x.code)).collect();
        assert_eq!(
            codes,
            vec![
                ("meeting_ends_at", "ends-before-starts"),
                ("meeting_place", "meeting-place-required"),
                ("amendment_days", "amendment-days-invalid"),
                ("series_id", "choice-invalid"),
            ]
        );
        let online = MeetingForm {
            meeting_place: String::new(),
            meeting_online_url: "https://meet.example.org/x".into(),
            series_id: "1".into(),
            ..meeting()
        };
        assert_eq!(online.parse(Some(s), Some(e), &[1]).unwrap().series_id, Some(1));
    }

    #[test]
    fn an_agenda_item_may_not_table_another_bodys_document() {
        let f = AgendaForm { agenda_title: "Opinia o programie współpracy".into(), agenda_link: "document:5".into() };
        assert_eq!(f.parse(LinkTarget::DocumentOf(1), &[1]).unwrap().link, Some(AgendaLink::Document(5)));
        let other = f.parse(LinkTarget::DocumentOf(2), &[1]).unwrap_err();
        assert_eq!((other.0[0].field, other.0[0].code), ("agenda_link", "agenda-document-other-body"));
        assert_eq!(f.parse(LinkTarget::Missing, &[1]).unwrap_err().0[0].code, "agenda-link-missing");
        let c = AgendaForm { agenda_link: "consultation:3".into(), ..f.clone() };
        assert_eq!(c.parse(LinkTarget::Open, &[1]).unwrap().link, Some(AgendaLink::Consultation(3)));
        for junk in ["document", "document:x", "poll:3", "document:-1"] {
            let j = AgendaForm { agenda_link: junk.into(), ..f.clone() };
            assert_eq!(j.parse(LinkTarget::Open, &[1]).unwrap_err().0[0].code, "choice-invalid", "{junk}");
        }
        assert_eq!(AgendaLink::parse(&AgendaLink::Opinion(4).value()), Ok(Some(AgendaLink::Opinion(4))));
    }

    #[test]
    fn a_series_gathers_at_least_two_known_bodies() {
        let f = SeriesForm {
            name_pl: "Forum Dialogu".into(),
            bodies: vec!["1".into(), "2".into()],
            districts: vec!["7".into()],
            ..SeriesForm::default()
        };
        let ok = f.parse(&[1, 2], &[7], &[]).unwrap();
        assert_eq!((ok.slug.as_str(), ok.bodies, ok.districts), ("forum-dialogu", vec![1, 2], vec![7]));
        let one = SeriesForm { bodies: vec!["1".into()], ..f.clone() };
        assert_eq!(one.parse(&[1, 2], &[7], &[]).unwrap_err().0[0].code, "series-needs-two-bodies");
        let unknown = SeriesForm { units: vec!["3".into()], ..f };
        assert_eq!(unknown.parse(&[1, 2], &[7], &[]).unwrap_err().0[0].field, "units");
    }
}
