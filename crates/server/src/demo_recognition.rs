//! Demo recognition: a member of the public benefit council with an account of their own, who
//! with the council's secretary has agreed to show their record on the council's page and has
//! co-signed the council's opinions that still await the city, so that the page shows members'
//! records and a member can sign in and download a certificate. Loading it twice changes
//! nothing.

use crate::demo::DemoAccount;
use agora_db::audit::AuditEntry;
use agora_db::tracked::{self, LedgerFilter};
use agora_db::{Db, bodies, recognition, users};
use agora_web::password::{HashCost, hash};
use chrono::Utc;

/// The council member's account; the demo bodies link it to the council's chair.
pub const MEMBER: DemoAccount =
    DemoAccount { email: "czlonek.krdpp@agora.test", password: "demo-czlonek-2026", role: "member (chair) of KRDPP" };

/// Those who show their record in the council: the member and the secretary.
const CONSENTING: [&str; 2] = [MEMBER.email, "sekretarz.krdpp@agora.test"];

fn entry(action: &'static str, entity: &'static str, details: String) -> AuditEntry {
    AuditEntry { actor_id: None, actor_label: "demo".into(), action, entity, details }
}

/// Makes the member's account, before the demo bodies link it to a membership.
pub async fn account(db: &Db, cost: HashCost) -> anyhow::Result<()> {
    if users::by_email(db, MEMBER.email).await?.is_none() {
        let h = hash(cost, MEMBER.password.into()).await.map_err(|e| anyhow::anyhow!("{e}"))?;
        users::create(db, MEMBER.email, "Agnieszka Mazur", &h, "pl", true).await?;
    }
    Ok(())
}

/// Gives the consents and the member's signatures.
pub async fn load(db: &Db) -> anyhow::Result<()> {
    let Some(krdpp) = bodies::by_slug(db, "krdpp").await? else { return Ok(()) };
    let id = krdpp.body.id;
    let today = Utc::now().date_naive();
    let memberships = bodies::memberships(db, id).await?;
    for email in CONSENTING {
        let Some(u) = users::by_email(db, email).await? else { continue };
        let Some(m) = memberships.iter().find(|m| m.user_id == Some(u.id) && m.span().active_on(today)) else {
            continue;
        };
        let details = format!("{}: {}", krdpp.body.name_pl, m.person_name);
        recognition::set_consent(db, id, u.id, true, &entry("body_record.show", "dialogue_body", details)).await?;
        if email != MEMBER.email {
            continue;
        }
        let filter =
            LedgerFilter { public_only: true, body: Some(id), awaiting: Some(true), ..LedgerFilter::default() };
        for t in tracked::ledger(db, &filter, 100, 0).await?.items {
            let e = entry("tracked.cosign", "tracked_request", format!("{}: {}", t.title, m.person_name));
            tracked::cosign(db, t.id, u.id, &m.person_name, m.organisation.as_deref(), &e).await?;
        }
    }
    Ok(())
}
