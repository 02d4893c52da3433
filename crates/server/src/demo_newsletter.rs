//! Demo newsletter: one issue sent two weeks ago, in Polish and English, in the archive at
//! `/newsletter`, and a draft of the next one, for Podgórze's followers, for the Centre's editor
//! to preview and send. Loading it twice changes nothing: once there is any issue, none is added.

use agora_db::audit::AuditEntry;
use agora_db::{Db, newsletter, reference, users};
use agora_domain::newsletter::{NewsletterInput, Recipients};
use chrono::{Duration, Utc};

/// How many people the sent issue reached, as the archive of a Centre that has mailed its
/// newsletter for a while would show it.
const SENT_TO: i64 = 1_284;

fn entry(action: &'static str, details: &str) -> AuditEntry {
    AuditEntry { actor_id: None, actor_label: "demo".into(), action, entity: "newsletter", details: details.into() }
}

/// Loads the demo newsletter.
pub async fn load(db: &Db) -> anyhow::Result<()> {
    if newsletter::list(db, 1, 0).await?.total > 0 {
        return Ok(());
    }
    let editor = users::by_email(db, crate::demo::ACCOUNTS[6].email).await?.map(|u| u.id);
    let sent = NewsletterInput {
        subject: "Biuletyn Centrum Dialogu: listopad".into(),
        subject_en: Some("Dialogue Centre newsletter: November".into()),
        body: "Dzień dobry!\n\nW listopadzie miasto prowadziło **trzy konsultacje**, a Centrum Dialogu:\n\n\
- zebrało ponad 400 uwag do przebudowy ulicy Podzamcze,\n\
- zaprosiło na Forum Dialogu podsumowujące rok,\n\
- otworzyło nabór do Akademii Dobrego Dialogu.\n\n\
Wszystkie trwające konsultacje znajdziesz w katalogu konsultacji na stronie Centrum."
            .into(),
        body_en: Some(
            "Hello!\n\nIn November the city ran **three consultations**, and the Dialogue Centre:\n\n\
- collected over 400 remarks on the rebuilding of Podzamcze street,\n\
- invited everyone to the Dialogue Forum closing the year,\n\
- opened applications for the Good Dialogue Academy.\n\n\
Every consultation under way is in the catalogue on the Centre's site."
                .into(),
        ),
        recipients: Recipients::All,
    };
    let id = newsletter::create(db, &sent, editor, &entry("newsletter.create", &sent.subject)).await?;
    newsletter::record_sent(db, id, Utc::now() - Duration::days(14), SENT_TO, &entry("newsletter.sent", &sent.subject))
        .await?;
    let podgorze = reference::districts(db).await?.into_iter().find(|d| d.number == 13).map(|d| d.id);
    let draft = NewsletterInput {
        subject: "Podgórze: grudniowe spotkania z radnymi".into(),
        subject_en: None,
        body: "Radni Dzielnicy XIII zapraszają na **dyżury** w każdy wtorek grudnia, 17:00–18:00, \
w siedzibie rady przy Rynku Podgórskim 1.\n\nNie trzeba się wcześniej umawiać."
            .into(),
        body_en: None,
        recipients: podgorze.map_or(Recipients::All, Recipients::District),
    };
    newsletter::create(db, &draft, editor, &entry("newsletter.create", &draft.subject)).await?;
    Ok(())
}
