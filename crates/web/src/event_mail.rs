//! Mail about registrations for events, always sent whatever a person's notification settings
//! and in the language they registered in: the confirmation with the entry code and the event
//! as a calendar file, a place on the waiting list, an offer of a freed place with its
//! deadline, the reminder the day before, and the news that an event was cancelled. Each is a
//! job queued with the change that causes it; the text is written when it goes out, from the
//! registration as it then stands, so a message that no longer holds is not sent.

use crate::i18n::{Arg, Lang};
use crate::mail::{Attachment, Mail};
use crate::pages::events::{event_ics, organiser_name, printed_code};
use crate::state::AppState;
use crate::time;
use agora_db::events::{self as db, MAIL_JOB, mail_payload, parse_payload};
use agora_db::{DbResult, jobs};
use agora_domain::event::{Placement, RegistrationMail};
use chrono::{DateTime, Duration, Utc};

/// Sends the mail a job's `payload` names.
pub async fn send(state: &AppState, payload: &str) -> Result<(), String> {
    let (id, what) = parse_payload(payload).ok_or_else(|| format!("bad event mail payload {payload}"))?;
    let Some(r) = db::registration(&state.db, id).await.map_err(|e| e.to_string())? else { return Ok(()) };
    let Some(e) = db::get_uncounted(&state.db, r.event_id).await.map_err(|e| e.to_string())? else { return Ok(()) };
    // An offer taken or run out, a reminder for someone who withdrew, or for an event called
    // off since: the message would no longer be true.
    let still_true = match what {
        RegistrationMail::Offered => r.placement == Placement::Offered,
        RegistrationMail::Reminder => r.placement == Placement::Confirmed && e.cancelled_at.is_none(),
        RegistrationMail::Confirmed | RegistrationMail::Waiting => e.cancelled_at.is_none(),
        RegistrationMail::EventCancelled => true,
        RegistrationMail::Certificate => r.checked_in_at.is_some(),
    };
    if !still_true {
        return Ok(());
    }
    let lang = Lang::parse(&r.lang).unwrap_or_default();
    let place = e.address.clone().or_else(|| e.online_url.clone()).unwrap_or_default();
    let args = [
        ("name", Arg::Str(r.name.clone())),
        ("title", Arg::Str(e.title.clone())),
        ("when", Arg::Str(time::span(lang, e.starts_at, e.ends_at))),
        ("place", Arg::Str(place)),
        ("organiser", Arg::Str(organiser_name(lang, &e))),
        ("code", Arg::Str(printed_code(&r.code))),
        ("until", Arg::Str(r.offer_until().map(|t| time::day_time(lang, t)).unwrap_or_default())),
        ("link", Arg::Str(format!("{}/wydarzenia/zgloszenie/{}", state.config.base_url, r.token))),
        (
            "certificate",
            Arg::Str(format!("{}/wydarzenia/zgloszenie/{}/zaswiadczenie.pdf", state.config.base_url, r.token)),
        ),
    ];
    let key = format!("event-mail-{what}");
    let mut attachments = Vec::new();
    if matches!(what, RegistrationMail::Confirmed | RegistrationMail::Reminder) {
        attachments.push(Attachment {
            filename: format!("wydarzenie-{}.ics", e.id),
            content_type: "text/calendar; charset=utf-8; method=PUBLISH".into(),
            content: event_ics(state, lang, &e),
        });
    }
    let mail = Mail {
        to: r.email.clone(),
        subject: lang.t_args(&format!("{key}-subject"), &args),
        body: lang.t_args(&format!("{key}-body"), &args),
        attachments,
        unsubscribe: None,
    };
    state.mailer.send(&mail).await
}

/// Queues the reminders for events starting on the Warsaw day after `now`'s, once per event
/// (the key is the event's), so a restarted worker or a second instance sends nothing twice.
pub async fn remind(state: &AppState, now: DateTime<Utc>) -> DbResult<usize> {
    let tomorrow = time::local_date(now) + Duration::days(1);
    let (Some(from), Some(to)) = (time::start_of_day(tomorrow), time::start_of_day(tomorrow + Duration::days(1)))
    else {
        return Ok(0);
    };
    let mut queued = 0;
    for (event, regs) in db::to_remind(&state.db, from, to).await? {
        let payloads: Vec<String> = regs.iter().map(|r| mail_payload(*r, RegistrationMail::Reminder)).collect();
        if jobs::enqueue_once(&state.db, &format!("event-reminder:{event}"), MAIL_JOB, &payloads).await? {
            queued += payloads.len();
        }
    }
    if queued > 0 {
        state.jobs_waiting.notify_one();
    }
    Ok(queued)
}

/// Ends the offers whose time ran out, passing each place on to the next person waiting.
pub async fn expire_offers(state: &AppState, now: DateTime<Utc>) -> DbResult<usize> {
    let n = db::expire_offers(&state.db, now).await?;
    if n > 0 {
        state.pages.changed_everything();
        state.jobs_waiting.notify_one();
    }
    Ok(n)
}
