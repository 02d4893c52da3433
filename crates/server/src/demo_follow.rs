//! Demo following: the demo resident follows Podgórze weekly and the transport topic daily
//! from their account, and two residents without accounts, one reading in English, follow
//! Podgórze at once and the Centre's newsletter, having confirmed their addresses. Loading it
//! twice changes nothing: following twice is no new subscription.

use agora_db::subscriptions::{Confirmation, Followed, NewFollow, confirm, follow};
use agora_db::{Db, reference, users};
use agora_domain::subscription::{Frequency, Target};
use chrono::Utc;

/// Follows `target`, confirming the address as its mailed link would.
async fn add(db: &Db, f: NewFollow<'_>) -> anyhow::Result<()> {
    if let Followed::Pending { confirm_key, .. } = follow(db, &f).await? {
        let done = confirm(db, &confirm_key, Utc::now()).await?;
        anyhow::ensure!(matches!(done, Confirmation::Confirmed { .. }), "demo subscription not confirmed");
    }
    Ok(())
}

/// Adds the demo's followers.
pub async fn load(db: &Db) -> anyhow::Result<()> {
    let Some(podgorze) = reference::districts(db).await?.into_iter().find(|d| d.number == 13).map(|d| d.id) else {
        return Ok(());
    };
    let transport = reference::named(db, reference::NamedKind::Category)
        .await?
        .into_iter()
        .find(|c| c.name_pl.to_lowercase().contains("transport"))
        .map(|c| c.id);
    let resident = users::by_email(db, "anna.mieszkanka@agora.test").await?;
    let base = |email, user_id, lang, target, target_id, frequency| NewFollow {
        email,
        user_id,
        lang,
        target,
        target_id,
        frequency,
        source: "demo",
    };
    if let Some(u) = &resident {
        add(db, base(&u.email, Some(u.id), "pl", Target::District, podgorze, Frequency::Weekly)).await?;
        if let Some(t) = transport {
            add(db, base(&u.email, Some(u.id), "pl", Target::Category, t, Frequency::Daily)).await?;
        }
    }
    for (email, lang) in [("czytelnik.podgorza@example.org", "pl"), ("podgorze.reader@example.org", "en")] {
        add(db, base(email, None, lang, Target::District, podgorze, Frequency::Instant)).await?;
        add(db, base(email, None, lang, Target::Newsletter, 0, Frequency::Instant)).await?;
    }
    Ok(())
}
