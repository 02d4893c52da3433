//! Meetings of a dialogue body as lines in a list: the body's page and its meetings' staff
//! page both split them into upcoming and past.

use crate::i18n::{Lang, localized};
use crate::time;
use agora_db::meetings::Meeting;
use chrono::{DateTime, Utc};

/// A meeting in a list.
pub struct MeetingLine {
    /// The public page of the meeting.
    pub href: String,
    pub title: String,
    pub when: String,
    /// The place, else the words for an online meeting.
    pub place: String,
    /// The convening body when it is not the body whose list this is (a series meeting).
    pub host: Option<String>,
    /// The series it belongs to.
    pub series: Option<String>,
}

/// The public address of meeting `m`: under the body that convenes it.
pub fn href(m: &Meeting) -> String {
    format!("/ciala-dialogu/{}/posiedzenia/{}", m.body_slug, m.id)
}

/// `list` (the latest first) as upcoming meetings, the soonest first, and past ones, the
/// latest first; `body` is the body whose page shows them.
pub fn split(lang: Lang, list: Vec<Meeting>, body: i64, now: DateTime<Utc>) -> (Vec<MeetingLine>, Vec<MeetingLine>) {
    let mut upcoming = Vec::new();
    let mut past = Vec::new();
    for m in list {
        let ended = m.ends_at < now;
        let line = MeetingLine {
            href: href(&m),
            when: time::span(lang, m.starts_at, m.ends_at),
            place: m.place.clone().unwrap_or_else(|| lang.t("meetings-online")),
            host: (m.body_id != body).then(|| localized(lang, m.body_name_pl.clone(), m.body_name_en.clone())),
            series: m.series_name_pl.clone().map(|pl| localized(lang, pl, m.series_name_en.clone())),
            title: m.title,
        };
        if ended { past.push(line) } else { upcoming.push(line) }
    }
    upcoming.reverse();
    (upcoming, past)
}
