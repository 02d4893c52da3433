//! Demo application to join the public benefit council, waiting for its secretary, and a
//! demo request to create a district's public benefit council, supported by five
//! organisations and submitted, so that it waits for the city in the answers ledger. Loading
//! it twice changes nothing: each is made only when none exists yet.

use agora_db::applications;
use agora_db::audit::AuditEntry;
use agora_db::{Db, bodies, reference, users};
use agora_domain::application::{ApplicationForm, BodyRequestForm};
use agora_domain::tracked::TrackedKind;
use chrono::Utc;

/// The department a district's council would be attached to, as in the demo bodies.
const UNIT: &str = "SO";

/// Organisations supporting the demo request, each with the demo account that supports it.
const SUPPORTERS: [(&str, &str); 4] = [
    ("Stowarzyszenie Przyjaciół Nowej Huty", "organizator.ztp@agora.test"),
    ("Fundacja Zielona Nowa Huta", "organizator.sz@agora.test"),
    ("Klub Sportowy Hutnik Juniorzy", "redaktor.podgorze@agora.test"),
    ("Nowohuckie Centrum Wolontariatu", "moderator@agora.test"),
];

fn entry(action: &'static str, entity: &'static str, details: String) -> AuditEntry {
    AuditEntry { actor_id: None, actor_label: "demo".into(), action, entity, details }
}

/// Loads the demo application and request.
pub async fn load(db: &Db) -> anyhow::Result<()> {
    let Some(krdpp) = bodies::by_slug(db, "krdpp").await? else { return Ok(()) };
    let id = krdpp.body.id;
    if let Some(applicant) = users::by_email(db, "redaktor.podgorze@agora.test").await? {
        let (pending, decided) = applications::queue(db, id).await?;
        if pending.is_empty() && decided.is_empty() {
            let a = ApplicationForm {
                applicant_kind: "organisation".into(),
                name: applicant.display_name.clone(),
                organisation: "Stowarzyszenie Seniorów Podgórza".into(),
                statement: "Od ośmiu lat prowadzimy klub seniora i punkt porad prawnych w Podgórzu. Chcemy wnieść do \
                            Rady doświadczenie organizacji działających z osobami starszymi."
                    .into(),
                email: applicant.email.clone(),
            }
            .parse()
            .map_err(|e| anyhow::anyhow!("demo application: {e:?}"))?;
            let details = format!("{}: {}", krdpp.body.name_pl, a.name);
            applications::create_application(
                db,
                id,
                applicant.id,
                &a,
                "pl",
                &entry("body_application.create", "body_application", details),
            )
            .await?;
        }
    }

    let requester = users::by_email(db, "admin@agora.test").await?;
    let unit = reference::units(db).await?.into_iter().find(|u| u.code == UNIT);
    let (Some(requester), Some(unit)) = (requester, unit) else { return Ok(()) };
    if !applications::requests(db).await?.is_empty() {
        return Ok(());
    }
    let r = BodyRequestForm {
        name: "Rada Działalności Pożytku Publicznego Dzielnicy XVIII Nowa Huta".into(),
        kind: "public_benefit_council".into(),
        justification: "Organizacje z Nowej Huty chcą opiniować dzielnicowe programy współpracy i zadania \
                        publiczne, które ich dotyczą, jak pozwala art. 41a ust. 5 ustawy o działalności pożytku \
                        publicznego i o wolontariacie."
            .into(),
        unit_id: unit.id.to_string(),
        organisation: "Nowohucka Rada Organizacji Pozarządowych".into(),
    }
    .parse(&[unit.id])
    .map_err(|e| anyhow::anyhow!("demo body request: {e:?}"))?;
    let rid = applications::create_request(
        db,
        requester.id,
        &requester.display_name,
        &r,
        &entry("body_request.create", "body_request", r.name.clone()),
    )
    .await?;
    for (org, email) in SUPPORTERS {
        if let Some(u) = users::by_email(db, email).await? {
            let e = entry("body_request.support", "body_request", format!("{}: {org}", r.name));
            applications::support(db, rid, org, u.id, &u.display_name, &e).await?;
        }
    }
    let today = Utc::now().date_naive();
    let due = TrackedKind::BodyRequest.default_period().due(today);
    let e = entry("body_request.submit", "body_request", format!("{} ({due})", r.name));
    applications::submit(db, rid, today, due, &requester.display_name, &e).await?;
    Ok(())
}
