//! The mail of following: notices collected from what became public, a message per notice to
//! those who follow instantly, and the daily and weekly digests, built in Warsaw days and
//! weeks. All of it is subscription mail, queued at its class's priority on the bulk queue, so
//! a receipt never waits behind it; every message is in its recipient's language, says why it
//! was sent, and carries the one-click unsubscribe of the subscription it was sent under.
//!
//! Each message is queued under an idempotency key in the transaction that queues it, so a
//! digest run killed half-way and started again, or a notice's job retried, mails nobody twice.

use crate::i18n::{Arg, Lang, localized};
use crate::mail::{MAIL_JOB, Mail, payload};
use crate::state::AppState;
use agora_db::DbResult;
use agora_db::subscriptions::{self as db, Notice, Recipient};
use agora_domain::subscription::{Frequency, MailClass, Period, instant_key};
use chrono::{DateTime, Duration, Utc};
use std::collections::HashMap;

/// The job that mails a notice to those who follow instantly; its payload is the notice id.
pub use agora_db::subscriptions::NOTICE_JOB;

/// Subscribers whose digests are built and queued in one transaction.
const DIGEST_BATCH: i64 = 1_000;

/// How long after a period ends its digest waits, so that anything stored in its last moments
/// by a slower transaction has been collected.
const GRACE_MINUTES: i64 = 5;

/// How many ended periods a worker looks back on for digests not yet built (a server stopped
/// over a weekend still sends Friday's and Saturday's).
const CATCH_UP: usize = 7;

/// Collects notices of what became public by `now`; returns how many are new. Each new notice
/// comes with its job that mails the instant followers.
pub async fn collect(state: &AppState, now: DateTime<Utc>) -> DbResult<usize> {
    let new = db::collect(&state.db, now).await?;
    if !new.is_empty() {
        state.bulk_waiting.notify_one();
    }
    Ok(new.len())
}

/// Mails notice `id` to everyone following what it concerns instantly, unless its item is no
/// longer public.
pub async fn send_notice(state: &AppState, id: i64) -> DbResult<usize> {
    let Some(n) = db::notice(&state.db, id).await? else { return Ok(0) };
    let now = Utc::now();
    if !db::still_public(&state.db, std::slice::from_ref(&n), now).await?.contains(&n.id) {
        return Ok(0);
    }
    let base = &state.config.base_url;
    let recipients = db::instant_recipients(&state.db, id).await?;
    let mut queued = 0;
    // A transaction per thousand, as a digest's batches: one notice may have many followers.
    for chunk in recipients.chunks(usize::try_from(DIGEST_BATCH).unwrap_or(1_000)) {
        let messages: Vec<(String, String)> =
            chunk.iter().map(|r| (instant_key(id, r.subscriber_id), payload(&instant_mail(base, r, &n)))).collect();
        queued +=
            db::queue_mailing(&state.db, MAIL_JOB, MailClass::Subscription.priority(), messages, now, Duration::zero())
                .await?;
    }
    if queued > 0 {
        state.bulk_waiting.notify_one();
    }
    Ok(queued)
}

/// Builds every daily and weekly digest that has ended by `now` and is not built yet; returns
/// how many messages it queued.
pub async fn digests(state: &AppState, now: DateTime<Utc>) -> DbResult<usize> {
    let mut queued = 0;
    let settled = now - Duration::minutes(GRACE_MINUTES);
    for frequency in [Frequency::Daily, Frequency::Weekly] {
        let mut due = Vec::new();
        let mut p = Period::last_ended(frequency, settled);
        while let Some(period) = p {
            if due.len() == CATCH_UP || db::digest_done(&state.db, frequency, period.start).await? {
                break;
            }
            due.push(period);
            p = period.previous();
        }
        for period in due.into_iter().rev() {
            queued += digest(state, period, now, None).await?;
        }
    }
    Ok(queued)
}

/// Builds the digest of `period` with what is public at `now`, stopping after `stop_after`
/// batches when given (a test's stand-in for a worker killed half-way); records it finished
/// only when it ran to the end.
pub async fn digest(
    state: &AppState,
    period: Period,
    now: DateTime<Utc>,
    stop_after: Option<usize>,
) -> DbResult<usize> {
    digest_in_batches(state, period, now, DIGEST_BATCH, stop_after).await
}

/// [`digest`] with `batch` subscribers to a transaction.
pub async fn digest_in_batches(
    state: &AppState,
    period: Period,
    now: DateTime<Utc>,
    batch: i64,
    stop_after: Option<usize>,
) -> DbResult<usize> {
    let Some((from, to)) = period.bounds() else { return Ok(0) };
    db::start_digest(&state.db, period.frequency, period.start).await?;
    let notices = db::notices_between(&state.db, from, to).await?;
    let public = db::still_public(&state.db, &notices, now).await?;
    let by_id: HashMap<i64, &Notice> = notices.iter().filter(|n| public.contains(&n.id)).map(|n| (n.id, n)).collect();
    let base = &state.config.base_url;
    let targets = db::targets_of(&state.db, &by_id.keys().copied().collect::<Vec<_>>()).await?;
    let (mut after, mut queued, mut batches) = (0, 0, 0);
    if !by_id.is_empty() {
        loop {
            if stop_after.is_some_and(|n| batches >= n) {
                return Ok(queued);
            }
            let (shares, last) = db::digest_batch(&state.db, period.frequency, &targets, after, batch).await?;
            let Some(last) = last else { break };
            after = last;
            let messages: Vec<(String, String)> = shares
                .iter()
                .filter_map(|s| {
                    let mut items: Vec<&Notice> = s.notices.iter().filter_map(|id| by_id.get(id).copied()).collect();
                    items.sort_by_key(|n| (n.at, n.id));
                    (!items.is_empty()).then(|| {
                        (
                            period.key(s.recipient.subscriber_id),
                            payload(&digest_mail(base, &s.recipient, period, &items)),
                        )
                    })
                })
                .collect();
            // Due as soon as queued, whatever moment the run was judged at.
            queued += db::queue_mailing(
                &state.db,
                MAIL_JOB,
                MailClass::Subscription.priority(),
                messages,
                agora_db::now(),
                Duration::zero(),
            )
            .await?;
            batches += 1;
        }
    }
    db::finish_digest(&state.db, period.frequency, period.start, i64::try_from(queued).unwrap_or(i64::MAX)).await?;
    if queued > 0 {
        state.bulk_waiting.notify_one();
    }
    Ok(queued)
}

/// A notice's line: what happened, the item's title, and its address.
fn notice_line(lang: Lang, base: &str, n: &Notice) -> String {
    let title = localized(lang, n.title.clone(), n.title_en.clone());
    format!("{}: {title}\n{base}{}", lang.t(&format!("notice-kind-{}", n.kind.as_str())), n.path)
}

/// Why the message came and how to stop it: the subscription it was sent under, the page to
/// manage them all, and the one-click address.
fn footer(lang: Lang, base: &str, r: &Recipient) -> String {
    lang.t_args(
        "follow-mail-footer",
        &[
            ("kind", Arg::Str(lang.t(&format!("follow-target-{}", r.target_kind.as_str())))),
            ("name", Arg::Str(r.name.clone())),
            ("manage", Arg::Str(format!("{base}/subskrypcje/{}", r.manage_key))),
            ("unsubscribe", Arg::Str(unsubscribe_url(base, &r.unsubscribe_key))),
        ],
    )
}

/// The one-click unsubscribe address of a subscription.
pub fn unsubscribe_url(base: &str, key: &str) -> String {
    format!("{base}/wypisz/{key}")
}

fn instant_mail(base: &str, r: &Recipient, n: &Notice) -> Mail {
    let lang = Lang::parse(&r.lang).unwrap_or_default();
    let title = localized(lang, n.title.clone(), n.title_en.clone());
    Mail {
        to: r.email.clone(),
        subject: lang.t_args(
            "follow-mail-instant-subject",
            &[("kind", Arg::Str(lang.t(&format!("notice-kind-{}", n.kind.as_str())))), ("title", Arg::Str(title))],
        ),
        body: format!("{}\n\n-- \n{}", notice_line(lang, base, n), footer(lang, base, r)),
        attachments: Vec::new(),
        unsubscribe: Some(unsubscribe_url(base, &r.unsubscribe_key)),
    }
}

fn digest_mail(base: &str, r: &Recipient, period: Period, items: &[&Notice]) -> Mail {
    let lang = Lang::parse(&r.lang).unwrap_or_default();
    let lines: Vec<String> = items.iter().map(|n| notice_line(lang, base, n)).collect();
    let args = [
        ("count", Arg::Num(i64::try_from(items.len()).unwrap_or(i64::MAX))),
        ("day", Arg::Str(crate::time::day(lang, period.start))),
    ];
    let key = format!("follow-mail-{}", period.frequency.as_str());
    Mail {
        to: r.email.clone(),
        subject: lang.t_args(&format!("{key}-subject"), &args),
        body: format!(
            "{}\n\n{}\n\n-- \n{}",
            lang.t_args(&format!("{key}-intro"), &args),
            lines.join("\n\n"),
            footer(lang, base, r)
        ),
        attachments: Vec::new(),
        unsubscribe: Some(unsubscribe_url(base, &r.unsubscribe_key)),
    }
}
