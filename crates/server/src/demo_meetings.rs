//! Demo meetings (data/demo-meetings.json): a Forum Dialogu series of several bodies, district
//! councils and a department, documents the bodies table, and past and upcoming meetings
//! with agendas, attendance and minutes, one still a draft open to amendments. Dates move
//! with the calendar. Loading it twice changes nothing: the series is made once, and a body
//! that already has meetings is left as it is.

use agora_db::audit::AuditEntry;
use agora_db::{Db, bodies, meetings, reference};
use agora_domain::meeting::{AgendaInput, AgendaLink, DocumentInput, MeetingInput, MinutesState, SeriesForm};
use chrono::{Duration, NaiveTime, TimeZone, Utc};
use chrono_tz::Europe::Warsaw;
use serde::Deserialize;

const MEETINGS_JSON: &str = include_str!("../data/demo-meetings.json");

#[derive(Deserialize)]
struct Demo {
    series: DemoSeries,
    /// (body slug, title, address).
    documents: Vec<(String, String, String)>,
    meetings: Vec<DemoMeeting>,
}

#[derive(Deserialize)]
struct DemoSeries {
    slug: String,
    name_pl: String,
    name_en: String,
    about: String,
    bodies: Vec<String>,
    /// District numbers.
    districts: Vec<i32>,
    /// Unit codes.
    units: Vec<String>,
}

#[derive(Deserialize)]
struct DemoMeeting {
    body: String,
    title: String,
    /// Days from today.
    days: i64,
    hour: u32,
    hours: i64,
    place: Option<String>,
    online_url: Option<String>,
    series: bool,
    /// (title, "document:<index in documents>" | "consultation" | null).
    agenda: Vec<(String, Option<String>)>,
    /// How many of the members of the day were present, by name.
    present: usize,
    /// (state, text), in order.
    minutes: Vec<(String, String)>,
    /// Proposed by the first member present, to the first version.
    amendment: Option<String>,
}

fn entry(action: &'static str, entity: &'static str, details: String) -> AuditEntry {
    AuditEntry { actor_id: None, actor_label: "demo".into(), action, entity, details }
}

/// Loads the demo meetings once the demo bodies are in.
pub async fn load(db: &Db) -> anyhow::Result<()> {
    let demo: Demo = serde_json::from_str(MEETINGS_JSON)?;
    let all = bodies::list(db, bodies::BodyFilter::default(), Utc::now().date_naive()).await?;
    let body_id = |slug: &str| all.iter().find(|b| b.slug == slug).map(|b| b.id);

    let series_id = match meetings::all_series(db).await?.into_iter().find(|s| s.slug == demo.series.slug) {
        Some(s) => s.id,
        None => {
            let s = &demo.series;
            let districts = reference::districts(db).await?;
            let units = reference::units(db).await?;
            let form = SeriesForm {
                name_pl: s.name_pl.clone(),
                name_en: s.name_en.clone(),
                slug: s.slug.clone(),
                about: s.about.clone(),
                bodies: s.bodies.iter().filter_map(|b| body_id(b)).map(|id| id.to_string()).collect(),
                districts: districts
                    .iter()
                    .filter(|d| s.districts.contains(&d.number))
                    .map(|d| d.id.to_string())
                    .collect(),
                units: units.iter().filter(|u| s.units.contains(&u.code)).map(|u| u.id.to_string()).collect(),
            };
            let body_ids: Vec<i64> = all.iter().map(|b| b.id).collect();
            let district_ids: Vec<i64> = districts.iter().map(|d| d.id).collect();
            let unit_ids: Vec<i64> = units.iter().map(|u| u.id).collect();
            let input =
                form.parse(&body_ids, &district_ids, &unit_ids).map_err(|e| anyhow::anyhow!("demo series: {e:?}"))?;
            meetings::create_series(
                db,
                &input,
                &entry("meeting_series.create", "meeting_series", input.name_pl.clone()),
            )
            .await?
        }
    };

    let mut done: Vec<i64> = Vec::new();
    let mut documents: Vec<Option<i64>> = Vec::new();
    for (slug, title, url) in &demo.documents {
        let Some(body) = body_id(slug) else {
            documents.push(None);
            continue;
        };
        let existing = meetings::documents(db, body).await?;
        let id = match existing.iter().find(|d| &d.title == title) {
            Some(d) => d.id,
            None => {
                let d = DocumentInput { title: title.clone(), url: url.clone() };
                meetings::add_document(db, body, &d, &entry("body_document.create", "dialogue_body", title.clone()))
                    .await?
            }
        };
        documents.push(Some(id));
    }
    let consultation = meetings::consultation_choices(db).await?.first().map(|c| c.id);

    for m in demo.meetings {
        let Some(body) = body_id(&m.body) else { continue };
        // A body with meetings of its own before this load keeps them and gets no others.
        let had = meetings::for_body(db, body).await?.iter().any(|x| x.body_id == body);
        if had && !done.contains(&body) {
            continue;
        }
        done.push(body);
        let day = Utc::now().date_naive() + Duration::days(m.days);
        let at = NaiveTime::from_hms_opt(m.hour, 0, 0).ok_or_else(|| anyhow::anyhow!("bad hour {}", m.hour))?;
        let starts_at = Warsaw
            .from_local_datetime(&day.and_time(at))
            .earliest()
            .ok_or_else(|| anyhow::anyhow!("no such time {day} {at}"))?
            .with_timezone(&Utc);
        let input = MeetingInput {
            title: m.title.clone(),
            starts_at,
            ends_at: starts_at + Duration::hours(m.hours),
            place: m.place,
            online_url: m.online_url,
            amendment_days: agora_domain::meeting::DEFAULT_AMENDMENT_DAYS,
            series_id: m.series.then_some(series_id),
        };
        let mid = meetings::create(db, body, &input, &entry("meeting.create", "meeting", m.title.clone())).await?;
        for (title, link) in m.agenda {
            let link = match link.as_deref() {
                Some("consultation") => consultation.map(AgendaLink::Consultation),
                Some(l) => l
                    .strip_prefix("document:")
                    .and_then(|i| i.parse::<usize>().ok())
                    .and_then(|i| documents.get(i).copied().flatten())
                    .map(AgendaLink::Document),
                None => None,
            };
            let item = AgendaInput { title: title.clone(), link };
            meetings::add_agenda_item(db, mid, &item, &entry("meeting.agenda_item", "meeting", title)).await?;
        }
        let mut first_present: Option<(Option<i64>, String)> = None;
        if m.present > 0 {
            let mut members: Vec<_> =
                bodies::memberships(db, body).await?.into_iter().filter(|x| x.span().active_on(day)).collect();
            // The secretary's account is among those present, so that signing in as them shows
            // the amendment form on a draft.
            members.sort_by_key(|x| (x.user_id.is_none(), x.person_name.clone()));
            let list: Vec<meetings::Attendance> = members
                .into_iter()
                .enumerate()
                .map(|(i, x)| meetings::Attendance {
                    membership_id: Some(x.id),
                    user_id: x.user_id,
                    person_name: x.person_name,
                    role: x.role,
                    voting: x.voting,
                    present: i < m.present,
                })
                .collect();
            first_present = list.iter().find(|a| a.present).map(|a| (a.user_id, a.person_name.clone()));
            meetings::record_attendance(db, mid, &list, &entry("meeting.attendance", "meeting", m.title.clone()))
                .await?;
        }
        for (i, (state, text)) in m.minutes.iter().enumerate() {
            let st = MinutesState::parse(state).ok_or_else(|| anyhow::anyhow!("bad minutes state {state}"))?;
            meetings::add_minutes(db, mid, st, text, &entry("meeting.minutes_draft", "meeting", m.title.clone()))
                .await?;
            if i == 0
                && let (Some(a), Some((user, name))) = (&m.amendment, &first_present)
            {
                let e = entry("minutes_amendment.create", "meeting", m.title.clone());
                meetings::add_amendment(db, mid, 1, *user, name, a, &e).await?;
            }
        }
    }
    Ok(())
}
