//! The public record of the members of a dialogue body who agreed to show it, as the body's
//! page lists it, and the years for which the body's activity report is offered. Built from a
//! fixed number of queries whatever the number of members.

use crate::error::AppResult;
use crate::i18n::Lang;
use crate::state::AppState;
use crate::time::{day, local_date};
use agora_db::bodies::Membership;
use agora_db::meetings::Meeting;
use agora_domain::recognition::activity_years;
use chrono::{DateTime, NaiveDate, Utc};

/// One member's record.
pub struct RecordView {
    pub name: String,
    /// Roles with their terms or periods: "Przewodnicząca, kadencja 2023–2027".
    pub served: Vec<String>,
    pub meetings: i64,
    pub opinions: i64,
}

/// A role held, with its term (or, outside any term, its period).
pub fn served(lang: Lang, m: &Membership) -> String {
    let role = lang.t(&format!("bodies-role-{}", m.role.as_str()));
    let span = match (&m.term_name, m.ends_on) {
        (Some(term), _) => term.clone(),
        (None, Some(e)) => format!("{} – {}", day(lang, m.starts_on), day(lang, e)),
        (None, None) => format!("{} – {}", day(lang, m.starts_on), lang.t("bodies-open-ended")),
    };
    format!("{role}, {span}")
}

/// The records of body `body`'s members who consented, by name.
pub async fn records(state: &AppState, lang: Lang, body: i64) -> AppResult<Vec<RecordView>> {
    let r = agora_db::recognition::records(&state.db, body).await?;
    let mut out: Vec<(i64, RecordView)> = Vec::new();
    for (owner, m) in &r.memberships {
        let line = served(lang, m);
        match out.iter_mut().find(|(o, _)| o == owner) {
            Some((_, v)) => {
                // The latest membership names the person as they are known now.
                v.name.clone_from(&m.person_name);
                if !v.served.contains(&line) {
                    v.served.push(line);
                }
            }
            None => {
                let count = |list: &[(i64, i64)]| list.iter().find(|(u, _)| u == owner).map_or(0, |(_, n)| *n);
                let view = RecordView {
                    name: m.person_name.clone(),
                    served: vec![line],
                    meetings: count(&r.meetings),
                    opinions: count(&r.opinions),
                };
                out.push((*owner, view));
            }
        }
    }
    let mut out: Vec<RecordView> = out.into_iter().map(|(_, v)| v).collect();
    out.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(out)
}

/// The years body `body` met (its own meetings among `meetings`, held by `now`) or sent the
/// city an opinion, the latest first.
pub async fn years(state: &AppState, body: i64, meetings: &[Meeting], now: DateTime<Utc>) -> AppResult<Vec<i32>> {
    let sent = agora_db::recognition::request_days(&state.db, body).await?;
    let met = meetings.iter().filter(|m| m.body_id == body && m.starts_at <= now).map(|m| local_date(m.starts_at));
    let days: Vec<NaiveDate> = sent.into_iter().chain(met).collect();
    Ok(activity_years(days, local_date(now)))
}
