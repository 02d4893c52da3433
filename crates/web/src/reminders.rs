//! The weekly mail to each department of what it owes: how many opinions and recommendations
//! await its answer and how many are past their due date, sent to its staff in their own
//! language once per week of the Warsaw calendar, from Monday morning on. The week's key is
//! stored with the queued mail, so that a restarted worker or a second instance sends nothing
//! twice, and a department that owes nothing gets no mail.

use crate::i18n::{Arg, Lang, localized};
use crate::mail::{MAIL_JOB, Mail, payload};
use crate::state::AppState;
use agora_db::{DbResult, jobs, reference, roles, tracked};
use chrono::{DateTime, Datelike, Timelike, Utc, Weekday};
use chrono_tz::Europe::Warsaw;

/// The Warsaw hour on Monday from which the week's reminders go out.
const MONDAY_FROM_HOUR: u32 = 7;

/// The key of department `unit`'s reminder in ISO week `week` of `year`.
fn week_key(unit: i64, year: i32, week: u32) -> String {
    format!("tracked-weekly:{year}-W{week:02}:{unit}")
}

/// Queues this week's reminders not queued yet, as of `now`; returns how many mails it queued.
pub async fn run(state: &AppState, now: DateTime<Utc>) -> DbResult<usize> {
    let local = now.with_timezone(&Warsaw);
    if local.weekday() == Weekday::Mon && local.hour() < MONDAY_FROM_HOUR {
        return Ok(0);
    }
    let week = local.iso_week();
    let today = local.date_naive();
    let owed = tracked::awaiting_by_unit(&state.db, today).await?;
    if owed.is_empty() {
        return Ok(0);
    }
    let staff = roles::unit_staff(&state.db).await?;
    let units = reference::units(&state.db).await?;
    let mut queued = 0;
    for (unit, awaiting, overdue) in owed {
        let Some(u) = units.iter().find(|u| u.id == unit) else { continue };
        let payloads: Vec<String> = staff
            .iter()
            .filter(|(of, _, _)| *of == unit)
            .map(|(_, email, locale)| {
                let lang = Lang::parse(locale).unwrap_or_default();
                let args = [
                    ("unit", Arg::Str(localized(lang, u.name_pl.clone(), u.name_en.clone()))),
                    ("awaiting", Arg::Num(awaiting)),
                    ("overdue", Arg::Num(overdue)),
                    ("link", Arg::Str(format!("{}/admin/odpowiedzi", state.config.base_url))),
                ];
                payload(&Mail {
                    attachments: Vec::new(),
                    unsubscribe: None,
                    to: email.clone(),
                    subject: lang.t_args("reminder-weekly-subject", &args),
                    body: lang.t_args("reminder-weekly-body", &args),
                })
            })
            .collect();
        if payloads.is_empty() {
            continue;
        }
        if jobs::enqueue_once(&state.db, &week_key(unit, week.year(), week.week()), MAIL_JOB, &payloads).await? {
            queued += payloads.len();
        }
    }
    if queued > 0 {
        state.jobs_waiting.notify_one();
    }
    Ok(queued)
}
