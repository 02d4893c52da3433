//! The newsletter's mail: the job that sends an issue, the text of each message, the names
//! of audiences, and the pace of mailings.
//!
//! The job runs on the bulk queue when the issue is due and only queues: it walks the
//! recipients in keyset batches and, per batch, writes each message's delivery key and its
//! bulk mail job (the newsletter's class, the lowest priority) in one transaction, their times
//! staggered at the configured pace. The bulk worker sends them, so a mailing of fifty thousand
//! never delays a receipt, and a run killed half-way and started again mails nobody twice.

use crate::i18n::{Arg, Lang};
use crate::mail::{MAIL_JOB, Mail, payload};
use crate::state::AppState;
use crate::time;
use agora_db::audit::AuditEntry;
use agora_db::newsletter::{self as db, Newsletter, Recipient};
use agora_db::reference::{self, District, Named, NamedKind};
use agora_db::{DbError, DbResult};
use agora_domain::newsletter::{BATCH, Pace, Recipients, delivery_key};
use agora_domain::subscription::MailClass;

/// The subject and Markdown body an issue is read in by someone in `lang`: the English text
/// when the issue has one, else the Polish; the flag tells whether the text is in `lang`.
pub fn texts(lang: Lang, n: &Newsletter) -> (&str, &str, bool) {
    match (lang, &n.body_en) {
        (Lang::En, Some(body)) => (n.subject_en.as_deref().unwrap_or(&n.subject), body, true),
        (Lang::En, None) => (&n.subject, &n.body, false),
        (Lang::Pl, _) => (&n.subject, &n.body, true),
    }
}

/// The subject in `lang` of an issue in a list.
pub fn subject(lang: Lang, pl: &str, en: Option<&str>) -> String {
    crate::i18n::localized(lang, pl.to_owned(), en.map(str::to_owned))
}

/// The districts, topics and bodies an audience may name, read once for a page or a mailing.
pub struct AudienceNames {
    pub districts: Vec<District>,
    pub categories: Vec<Named>,
    pub bodies: Vec<Named>,
}

impl AudienceNames {
    pub async fn load(state: &AppState) -> DbResult<AudienceNames> {
        Ok(AudienceNames {
            districts: reference::districts(&state.db).await?,
            categories: reference::named(&state.db, NamedKind::Category).await?,
            bodies: reference::named(&state.db, NamedKind::Body).await?,
        })
    }

    /// The name of what `r` names, in `lang`; `None` for everyone.
    pub fn name(&self, lang: Lang, r: Recipients) -> Option<String> {
        let named = |list: &[Named], id: i64| {
            list.iter()
                .find(|n| n.id == id)
                .map(|n| crate::i18n::localized(lang, n.name_pl.clone(), n.name_en.clone()))
                .unwrap_or_else(|| id.to_string())
        };
        Some(match r {
            Recipients::All => return None,
            Recipients::District(id) => self
                .districts
                .iter()
                .find(|d| d.id == id)
                .map(|d| format!("{} {}", agora_domain::reference::DistrictInput::roman(d.number), d.name))
                .unwrap_or_else(|| id.to_string()),
            Recipients::Category(id) => named(&self.categories, id),
            Recipients::Body(id) => named(&self.bodies, id),
        })
    }

    /// Who an issue for `r` goes to, in words.
    pub fn describe(&self, lang: Lang, r: Recipients) -> String {
        let name = self.name(lang, r).unwrap_or_default();
        let key = match r {
            Recipients::All => return lang.t("newsletter-audience-of-all"),
            Recipients::District(_) => "newsletter-audience-of-district",
            Recipients::Category(_) => "newsletter-audience-of-category",
            Recipients::Body(_) => "newsletter-audience-of-body",
        };
        lang.t_args(key, &[("name", Arg::Str(name))])
    }
}

/// The pace of mailings: the stored setting, or the default until the editors set one.
pub async fn pace(state: &AppState) -> DbResult<Pace> {
    let stored = agora_db::settings::get(&state.db, db::PACE_SETTING).await?;
    Ok(stored.and_then(|j| serde_json::from_str(&j).ok()).unwrap_or_default())
}

/// Why a message came and how to stop it: the recipient's recorded opt-in and their keys.
pub struct Why<'a> {
    pub recipient: &'a Recipient,
    /// Who the issue went to, when not to every subscriber.
    pub audience: Option<&'a str>,
}

/// The message of issue `n` to `to` in `lang`. With `why` it is a subscriber's message: it says
/// when and where they subscribed, links their subscriptions and carries the one-click
/// unsubscribe address. Without it, it is the editor's test, which says so instead.
pub fn message(base_url: &str, lang: Lang, n: &Newsletter, to: &str, why: Option<Why<'_>>) -> Mail {
    let (subject, body, _) = texts(lang, n);
    let link = format!("{base_url}/newsletter/{}", n.id);
    let (subject, footer, unsubscribe) = match why {
        Some(w) => {
            let r = w.recipient;
            let unsubscribe = format!("{base_url}/wypisz/{}", r.unsubscribe_key);
            let mut footer = lang.t_args(
                "newsletter-mail-why",
                &[
                    ("date", Arg::Str(time::day(lang, time::local_date(r.opted_in_at)))),
                    ("source", Arg::Str(source_text(lang, &r.source))),
                ],
            );
            if let Some(a) = w.audience {
                footer.push('\n');
                footer.push_str(&lang.t_args("newsletter-mail-audience", &[("audience", Arg::Str(a.to_owned()))]));
            }
            footer.push_str("\n\n");
            footer.push_str(&lang.t_args(
                "newsletter-mail-links",
                &[
                    ("manage", Arg::Str(format!("{base_url}/subskrypcje/{}", r.manage_key))),
                    ("unsubscribe", Arg::Str(unsubscribe.clone())),
                ],
            ));
            (subject.to_owned(), footer, Some(unsubscribe))
        }
        None => (
            lang.t_args("newsletter-mail-test-subject", &[("subject", Arg::Str(subject.to_owned()))]),
            lang.t("newsletter-mail-test-note"),
            None,
        ),
    };
    let archive = lang.t_args("newsletter-mail-online", &[("link", Arg::Str(link))]);
    Mail {
        to: to.to_owned(),
        subject,
        body: format!("{}\n\n-- \n{archive}\n\n{footer}\n", body.trim_end()),
        attachments: Vec::new(),
        unsubscribe,
    }
}

/// Where an opt-in was made, in words; a source this version does not know is shown as stored.
fn source_text(lang: Lang, source: &str) -> String {
    let key = match source {
        "newsletter" => "newsletter-source-newsletter",
        "sign-up" => "newsletter-source-sign-up",
        "page" => "newsletter-source-page",
        other => return other.to_owned(),
    };
    lang.t(key)
}

fn system(action: &'static str, id: i64) -> AuditEntry {
    AuditEntry {
        actor_id: None,
        actor_label: "system".into(),
        action,
        entity: "newsletter",
        details: format!("newsletter {id}"),
    }
}

/// Runs the sending job of issue `payload` (its id).
pub async fn send(state: &AppState, payload: &str) -> Result<(), String> {
    let id = payload.trim().parse::<i64>().map_err(|e| format!("bad newsletter payload {payload}: {e}"))?;
    run(state, id).await.map_err(|e| e.to_string())
}

/// Queues every message of issue `id` not queued yet and marks it sent; does nothing when the
/// issue is not due (called back, moved to later, or sent already).
pub async fn run(state: &AppState, id: i64) -> DbResult<()> {
    let now = agora_db::now();
    let Some(n) = db::begin(&state.db, id, now, &system("newsletter.sending", id)).await? else { return Ok(()) };
    let audience = n.audience().ok_or_else(|| DbError::Conflict(format!("newsletter {id} has no audience")))?;
    let pace = pace(state).await?;
    let done = db::delivered(&state.db, id).await?;
    let start = pace.resume_at(n.started_at.unwrap_or(now), done, now);
    let names = AudienceNames::load(state).await?;
    let audience_name = [Lang::Pl, Lang::En].map(|l| names.name(l, audience).map(|_| names.describe(l, audience)));
    let today = time::local_date(now);
    let base = &state.config.base_url;
    let (mut after, mut queued) = (0, 0);
    loop {
        let batch = db::recipients(&state.db, audience, today, after, BATCH).await?;
        let Some(last) = batch.last() else { break };
        after = last.subscriber_id;
        let messages = batch
            .iter()
            .map(|r| {
                let lang = Lang::parse(&r.lang).unwrap_or_default();
                let audience = audience_name[usize::from(lang == Lang::En)].as_deref();
                let mail = message(base, lang, &n, &r.email, Some(Why { recipient: r, audience }));
                (delivery_key(id, r.subscriber_id), payload(&mail))
            })
            .collect();
        let (priority, first) = (MailClass::Newsletter.priority(), pace.slot(start, queued));
        queued += i64::try_from(
            agora_db::subscriptions::queue_mailing(&state.db, MAIL_JOB, priority, messages, first, pace.interval())
                .await?,
        )
        .unwrap_or(i64::MAX);
        state.bulk_waiting.notify_one();
    }
    if let Some(count) = db::finish(&state.db, id, agora_db::now(), &system("newsletter.sent", id)).await? {
        tracing::info!(newsletter = id, recipients = count, queued, "newsletter queued");
        // The issue is in the archive now.
        state.pages.changed_everything();
    }
    Ok(())
}
