//! Mail the forum sends, each in its recipient's language: to the authors of a thread and of
//! the post replied to when someone answers them or the city gives its position (queued by a
//! job that each stored post comes with, once per post whatever the retries), to the author
//! and to the reporters when a moderator decides, and to moderators when an item has waited
//! longer than the forum's settings allow.

use crate::error::AppResult;
use crate::i18n::{Arg, Lang};
use crate::mail::{MAIL_JOB, Mail, payload};
use crate::state::AppState;
use agora_db::forum::{self as db, OpenReport, Post};
use agora_db::{DbResult, jobs};
use agora_domain::forum::{Decision, ModerationAction};

/// Queues the mails about new post `id` to the people it concerns. Written under a key of the
/// post, so that a retried job queues nothing twice.
pub async fn notify(state: &AppState, id: i64) -> DbResult<()> {
    let Some(p) = db::post(&state.db, id).await? else { return Ok(()) };
    let Some(t) = db::thread(&state.db, p.thread_id).await? else { return Ok(()) };
    let link = format!("{}/forum/wpisy/{id}", state.config.base_url);
    let position = p.position_unit_id.is_some();
    let payloads: Vec<String> = db::recipients(&state.db, id)
        .await?
        .into_iter()
        .map(|r| {
            let lang = Lang::parse(&r.lang).unwrap_or_default();
            let unit = p.unit_name.clone().map(|pl| crate::i18n::localized(lang, pl, p.unit_name_en.clone()));
            let args = [
                ("title", Arg::Str(t.title.clone())),
                ("author", Arg::Str(p.author_name.clone())),
                ("unit", Arg::Str(unit.unwrap_or_default())),
                ("text", Arg::Str(p.text.clone())),
                ("link", Arg::Str(link.clone())),
            ];
            let key = if position { "forum-mail-position" } else { "forum-mail-reply" };
            payload(&Mail {
                attachments: Vec::new(),
                unsubscribe: None,
                to: r.email,
                subject: lang.t_args(&format!("{key}-subject"), &args),
                body: lang.t_args(&format!("{key}-body"), &args),
            })
        })
        .collect();
    if !payloads.is_empty() && jobs::enqueue_once(&state.db, &format!("forum-notify:{id}"), MAIL_JOB, &payloads).await?
    {
        state.jobs_waiting.notify_one();
    }
    Ok(())
}

/// The mails a moderator's decision sends, as job payloads: the statement of reasons (or the
/// outcome) to the post's author, and the outcome to each person who reported it.
pub async fn decision_mails(
    state: &AppState,
    p: &Post,
    thread_title: &str,
    d: &Decision,
    reports: &[OpenReport],
) -> AppResult<Vec<String>> {
    let base = &state.config.base_url;
    let link = format!("{base}/forum/wpisy/{}", p.id);
    let appeal = format!("{base}/forum/wpisy/{}/odwolanie", p.id);
    let mut out = Vec::new();
    let author = match p.author_id {
        Some(a) => agora_db::users::by_id(&state.db, a).await?,
        None => None,
    };
    let author_key = match d.action {
        ModerationAction::Hidden => Some("forum-mail-hidden"),
        ModerationAction::Approved => Some("forum-mail-approved"),
        ModerationAction::Restored => Some("forum-mail-restored"),
        ModerationAction::AppealRefused => Some("forum-mail-appeal-refused"),
        ModerationAction::Kept | ModerationAction::HeldByReports => None,
    };
    let args = |lang: Lang| {
        [
            ("title", Arg::Str(thread_title.to_owned())),
            ("reason", Arg::Str(d.reason.map(|r| lang.t(&format!("forum-reason-{}", r.as_str()))).unwrap_or_default())),
            ("statement", Arg::Str(d.statement.clone().unwrap_or_default())),
            ("text", Arg::Str(p.text.clone())),
            ("link", Arg::Str(link.clone())),
            ("appeal", Arg::Str(appeal.clone())),
            ("outcome", Arg::Str(lang.t(&format!("forum-outcome-{}", d.action.as_str())))),
        ]
    };
    if let (Some(u), Some(key)) = (author, author_key) {
        let lang = Lang::parse(&u.locale).unwrap_or_default();
        let a = args(lang);
        out.push(payload(&Mail {
            attachments: Vec::new(),
            unsubscribe: None,
            to: u.email,
            subject: lang.t_args(&format!("{key}-subject"), &a),
            body: lang.t_args(&format!("{key}-body"), &a),
        }));
    }
    for r in reports {
        let lang = Lang::parse(&r.lang).unwrap_or_default();
        let a = args(lang);
        out.push(payload(&Mail {
            attachments: Vec::new(),
            unsubscribe: None,
            to: r.email.clone(),
            subject: lang.t_args("forum-mail-outcome-subject", &a),
            body: lang.t_args("forum-mail-outcome-body", &a),
        }));
    }
    Ok(out)
}

/// Mails each moderator once about every item that has waited in the queue longer than the
/// forum's settings allow; returns how many mails it queued.
pub async fn moderation_alerts(state: &AppState) -> AppResult<usize> {
    let s = crate::views::forum::settings(state).await?;
    let waiting = db::waiting_longer_than(&state.db, s.alert_hours).await?;
    if waiting.is_empty() {
        return Ok(0);
    }
    let moderators = agora_db::roles::moderators(&state.db).await?;
    let link = format!("{}/admin/moderacja", state.config.base_url);
    let mut queued = 0;
    for id in waiting {
        let payloads: Vec<String> = moderators
            .iter()
            .map(|(email, locale)| {
                let lang = Lang::parse(locale).unwrap_or_default();
                let args = [("hours", Arg::Num(s.alert_hours)), ("link", Arg::Str(link.clone()))];
                payload(&Mail {
                    attachments: Vec::new(),
                    unsubscribe: None,
                    to: email.clone(),
                    subject: lang.t_args("forum-mail-waiting-subject", &args),
                    body: lang.t_args("forum-mail-waiting-body", &args),
                })
            })
            .collect();
        if jobs::enqueue_once(&state.db, &format!("forum-waiting:{id}:{}", s.alert_hours), MAIL_JOB, &payloads).await? {
            queued += payloads.len();
        }
    }
    if queued > 0 {
        state.jobs_waiting.notify_one();
    }
    Ok(queued)
}
