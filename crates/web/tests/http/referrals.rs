//! Consultations referred to dialogue bodies through HTTP: announcing a consultation puts it in
//! the queue of every body whose themes match its categories (and no other), its organiser
//! sees which bodies were asked, and a body's opinion on it is also a remark of it, answered
//! in the report like any other.

use crate::bodies::{body, category};
use crate::consultations::{entry, unit};
use crate::harness::TestApp;
use agora_db::consultation::{self, Links};
use agora_db::remarks::{self, RemarkFilter};
use agora_domain::consultation::{ConsultationForm, ConsultationInput, Status};
use agora_domain::permission::Grant;
use agora_domain::remark::{Channel, SubmitterKind};
use axum::http::StatusCode;
use chrono::{Duration, Utc};

async fn consultation_on(app: &TestApp, unit: i64, title: &str, categories: Vec<i64>) -> i64 {
    let f = ConsultationForm {
        title: title.into(),
        summary: format!("Streszczenie konsultacji {title}."),
        legal_basis: "optional".into(),
        scope: "city".into(),
        contact_name: "Jan Nowak".into(),
        ..Default::default()
    };
    let opens = Utc::now() + Duration::days(1);
    let input = ConsultationInput::parse(&f, Some(opens), Some(opens + Duration::days(21))).unwrap();
    let links = Links { categories, ..Default::default() };
    consultation::create(app.db(), &input, unit, "pl", &links, &entry()).await.unwrap()
}

async fn announce(app: &TestApp, id: i64, from: Status, to: Status) {
    assert!(consultation::transition(app.db(), id, from, to, None, &entry()).await.unwrap());
}

fn opinion<'a>(unit: &'a str, consultation: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("kind", "opinion"),
        ("title", "Opinia Rady o programie współpracy na 2027 rok"),
        ("unit_id", unit),
        ("consultation_id", consultation),
        ("text", "Rada popiera projekt i prosi o wydłużenie naboru wniosków w otwartych konkursach ofert."),
        ("adopted_on", "2026-11-20"),
        ("votes_for", "11"),
        ("votes_against", "1"),
        ("votes_abstaining", "2"),
    ]
}

#[tokio::test]
async fn an_announced_consultation_reaches_the_bodies_of_its_themes_and_their_opinion_becomes_a_remark() {
    let app = TestApp::new().await;
    let so = unit(&app, "WSO").await;
    let ngo = category(&app, "Organizacje pozarządowe").await;
    let green = category(&app, "Zieleń").await;
    let krdpp =
        body(&app, "Krakowska Rada Działalności Pożytku Publicznego", "krdpp", "public_benefit_council", so, ngo).await;
    let ecology = body(&app, "Komisja Dialogu Obywatelskiego ds. Ekologii", "kdo-ekologia", "kdo", so, green).await;
    let programme = consultation_on(&app, so, "Program współpracy z organizacjami na 2027 rok", vec![ngo]).await;
    let unrelated = consultation_on(&app, so, "Regulamin targowisk miejskich", vec![]).await;

    let mut secretary = app.signed_in("sekretarz@example.pl", &[Grant::BodySecretary(krdpp)]).await;
    let mut eco_secretary = app.signed_in("eko@example.pl", &[Grant::BodySecretary(ecology)]).await;
    let mut organiser = app.signed_in("org@example.pl", &[Grant::Organiser(so)]).await;
    let queue = format!("/admin/ciala-dialogu/{krdpp}/do-zaopiniowania");

    // A draft reaches nobody.
    let before = secretary.get(&queue).await;
    assert_eq!(before.status, StatusCode::OK);
    assert!(before.text().contains("Żadna konsultacja nie została jeszcze skierowana"), "{}", before.text());

    // Announcing refers it to the body whose theme is its category, and only to that one.
    announce(&app, programme, Status::Draft, Status::Announced).await;
    announce(&app, unrelated, Status::Draft, Status::Announced).await;
    let listed = secretary.get(&queue).await.text();
    assert!(listed.contains("Program współpracy z organizacjami na 2027 rok"), "{listed}");
    assert!(listed.contains("Wydaj opinię"), "{listed}");
    assert!(!listed.contains("Regulamin targowisk"), "no category, no referral: {listed}");
    let eco = eco_secretary.get(&format!("/admin/ciala-dialogu/{ecology}/do-zaopiniowania")).await.text();
    assert!(!eco.contains("Program współpracy"), "another theme, another queue: {eco}");
    let foreign = eco_secretary.get(&queue).await;
    assert_eq!(foreign.status, StatusCode::FORBIDDEN, "a body's queue is its secretary's");

    // Its organiser sees which bodies were asked.
    let asked = organiser.get(&format!("/admin/konsultacje/{programme}/ciala-dialogu")).await;
    assert_eq!(asked.status, StatusCode::OK);
    let text = asked.text();
    assert!(text.contains("Krakowska Rada Działalności Pożytku Publicznego"), "{text}");
    assert!(text.contains("brak opinii w terminie oznacza rezygnację"), "the council's window is shown: {text}");
    assert!(!text.contains("Komisja Dialogu Obywatelskiego ds. Ekologii"), "{text}");

    // An opinion on a consultation not referred to the body is refused, naming the field.
    let so_s = so.to_string();
    let path = format!("/admin/ciala-dialogu/{krdpp}/opinie/nowa");
    let unrelated_s = unrelated.to_string();
    let bad = secretary.post(&path, &opinion(&so_s, &unrelated_s)).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        bad.field_error("consultation_id").as_deref(),
        Some("Wybierz konsultację skierowaną do tego ciała dialogu, która jeszcze przyjmuje opinie.")
    );
    assert!(bad.text().contains("Konsultacja, której dotyczy opinia: Wybierz"), "the summary names the field");
    assert_eq!(bad.input_value("title").as_deref(), Some("Opinia Rady o programie współpracy na 2027 rok"));
    assert!(remarks::list(app.db(), unrelated, &RemarkFilter::default(), 10, 0).await.unwrap().items.is_empty());

    // The form offered from the queue has the consultation chosen.
    let form = secretary.get(&format!("{path}?konsultacja={programme}")).await;
    assert!(form.body.contains(&format!("<option value=\"{programme}\" selected>")), "{}", form.body);

    // The body's page, kept in memory, says it has given no opinion yet.
    let mut anon = app.client();
    let body_page = anon.get("/ciala-dialogu/krdpp").await.text();
    assert!(body_page.contains("Ciało dialogu nie wydało jeszcze opinii"), "{body_page}");

    // The opinion goes to the ledger and, in the same step, becomes a remark of the consultation.
    announce(&app, programme, Status::Announced, Status::Open).await;
    let programme_s = programme.to_string();
    let sent = secretary.post(&path, &opinion(&so_s, &programme_s)).await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.text());
    let item = sent.location().split('?').next().unwrap().to_owned();
    let stored = remarks::list(app.db(), programme, &RemarkFilter::default(), 10, 0).await.unwrap().items;
    assert_eq!(stored.len(), 1);
    let r = &stored[0];
    assert_eq!((r.channel, r.submitter_kind), (Channel::DialogueBody, SubmitterKind::Organisation));
    assert_eq!(r.organisation.as_deref(), Some("Krakowska Rada Działalności Pożytku Publicznego"));
    assert!(r.proposed_change.starts_with("Rada popiera projekt"), "{}", r.proposed_change);
    assert!(r.justification.contains("głosy za: 11"), "{}", r.justification);
    assert!(r.justification.contains(&item), "the remark links back to the opinion: {}", r.justification);

    // The body's page lists it at once: the kept page is not stale.
    let body_page = anon.get("/ciala-dialogu/krdpp").await.text();
    assert!(body_page.contains("Opinia Rady o programie współpracy na 2027 rok"), "{body_page}");

    // The opinion's public page names the consultation and the remark's receipt.
    let page = anon.get(&item).await.text();
    assert!(page.contains("Program współpracy z organizacjami na 2027 rok"), "{page}");
    assert!(page.contains(&format!("uwaga nr zgłoszenia {}", r.receipt)), "{page}");

    // The organiser sees the opinion and its receipt; the queue says it was given.
    let asked = organiser.get(&format!("/admin/konsultacje/{programme}/ciala-dialogu")).await.text();
    assert!(asked.contains("Opinia Rady o programie współpracy na 2027 rok"), "{asked}");
    assert!(asked.contains(&r.receipt), "{asked}");
    assert!(secretary.get(&queue).await.text().contains("Opinia wydana"));

    // The answering screen lists it with the other remarks, under its own channel.
    let answering = organiser.get(&format!("/admin/konsultacje/{programme}/uwagi")).await.text();
    assert!(answering.contains("Rada popiera projekt"), "{answering}");
}

#[tokio::test]
async fn a_consultation_back_in_draft_and_announced_again_is_referred_once() {
    let app = TestApp::new().await;
    let so = unit(&app, "WSO").await;
    let ngo = category(&app, "Organizacje pozarządowe").await;
    let krdpp =
        body(&app, "Krakowska Rada Działalności Pożytku Publicznego", "krdpp", "public_benefit_council", so, ngo).await;
    let c = consultation_on(&app, so, "Program współpracy z organizacjami na 2027 rok", vec![ngo]).await;
    announce(&app, c, Status::Draft, Status::Announced).await;
    announce(&app, c, Status::Announced, Status::Draft).await;
    announce(&app, c, Status::Draft, Status::Announced).await;
    let queue = agora_db::referrals::queue(app.db(), krdpp).await.unwrap();
    assert_eq!(queue.len(), 1);
    assert_eq!(queue[0].consultation_id, c);
}

#[tokio::test]
async fn the_public_benefit_councils_silence_past_fourteen_days_waives_its_opinion() {
    let app = TestApp::new().await;
    let so = unit(&app, "WSO").await;
    let ngo = category(&app, "Organizacje pozarządowe").await;
    let krdpp =
        body(&app, "Krakowska Rada Działalności Pożytku Publicznego", "krdpp", "public_benefit_council", so, ngo).await;
    let kdo = body(&app, "Komisja Dialogu Obywatelskiego ds. Organizacji", "kdo-ngo", "kdo", so, ngo).await;
    let old = consultation_on(&app, so, "Program współpracy na 2027 rok", vec![ngo]).await;
    let fresh = consultation_on(&app, so, "Strategia rozwoju wolontariatu", vec![ngo]).await;
    // Referred three weeks ago and today.
    let weeks_ago = Utc::now() - Duration::days(21);
    assert!(
        consultation::transition_at(app.db(), old, Status::Draft, Status::Announced, weeks_ago, None, &entry())
            .await
            .unwrap()
    );
    announce(&app, fresh, Status::Draft, Status::Announced).await;

    let mut secretary = app.signed_in("sekretarz@example.pl", &[Grant::BodySecretary(krdpp)]).await;
    let queue = secretary.get(&format!("/admin/ciala-dialogu/{krdpp}/do-zaopiniowania")).await.text();
    assert!(queue.contains("rada zrezygnowała z prawa do jej wyrażenia"), "{queue}");
    assert!(queue.contains("brak opinii w terminie oznacza rezygnację"), "the fresh one shows its window: {queue}");
    let form = secretary.get(&format!("/admin/ciala-dialogu/{krdpp}/opinie/nowa")).await.body;
    assert!(form.contains("Strategia rozwoju wolontariatu"), "{form}");
    assert!(!form.contains("Program współpracy na 2027 rok"), "the waived one is not offered: {form}");
    let (so_s, old_s) = (so.to_string(), old.to_string());
    let late = secretary.post(&format!("/admin/ciala-dialogu/{krdpp}/opinie/nowa"), &opinion(&so_s, &old_s)).await;
    assert_eq!(late.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(late.field_error("consultation_id").is_some());

    // A commission has no such window: the same old referral is still open to it.
    let mut kdo_secretary = app.signed_in("kdo@example.pl", &[Grant::BodySecretary(kdo)]).await;
    let kdo_form = kdo_secretary.get(&format!("/admin/ciala-dialogu/{kdo}/opinie/nowa")).await.body;
    assert!(kdo_form.contains("Program współpracy na 2027 rok"), "{kdo_form}");
}
