//! Applications to join a dialogue body and requests to create one, through HTTP: a resident
//! applies and gets a receipt by mail, only the body's own secretary decides, acceptance makes
//! a dated membership; a request collects organisations' support, a public benefit council
//! needs five of them, and a submitted request is in the city's answers ledger with its due
//! date, decided by its department.

use crate::bodies::{body, category};
use crate::consultations::unit;
use crate::harness::TestApp;
use agora_db::audit::{self, AuditFilter};
use agora_domain::permission::Grant;
use axum::http::StatusCode;

fn application<'a>(kind: &'a str, organisation: &'a str, email: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("applicant_kind", kind),
        ("name", "Anna Nowak"),
        ("organisation", organisation),
        ("statement", "Od dziesięciu lat prowadzę stowarzyszenie seniorów w Nowej Hucie."),
        ("email", email),
    ]
}

fn id_after(location: &str, prefix: &str) -> i64 {
    location.trim_start_matches(prefix).split('?').next().unwrap().parse().unwrap()
}

async fn audit_count(app: &TestApp, prefix: &str) -> usize {
    let f = AuditFilter { action_prefix: Some(prefix.into()), ..Default::default() };
    audit::list(app.db(), &f, 100, 0).await.unwrap().items.len()
}

#[tokio::test]
async fn an_application_is_received_mailed_and_decided_by_its_own_secretary_only() {
    let app = TestApp::new().await;
    let so = unit(&app, "WSO").await;
    let theme = category(&app, "Organizacje pozarządowe").await;
    let krdpp =
        body(&app, "Krakowska Rada Działalności Pożytku Publicznego", "krdpp", "public_benefit_council", so, theme)
            .await;
    let youth = body(&app, "Młodzieżowa Rada Krakowa", "mrk", "youth_council", so, theme).await;

    // Signing in comes first; the account is kept with the application.
    let mut anon = app.client();
    assert_eq!(anon.get("/ciala-dialogu/krdpp/zgloszenie").await.status, StatusCode::SEE_OTHER);
    assert!(anon.get("/ciala-dialogu/krdpp").await.body.contains("/ciala-dialogu/krdpp/zgloszenie"));

    let mut resident = app.signed_in("anna@example.pl", &[]).await;
    let form = resident.get("/ciala-dialogu/krdpp/zgloszenie").await;
    assert_eq!(form.status, StatusCode::OK);
    assert_eq!(form.input_value("email").as_deref(), Some("anna@example.pl"), "the account's address offered");

    // An organisation without its name and a bad address: both named, the input kept.
    let bad = resident.post("/ciala-dialogu/krdpp/zgloszenie", &application("organisation", "", "anna@")).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(bad.field_error("organisation").as_deref(), Some("To pole jest wymagane."));
    assert!(bad.field_error("email").is_some());
    let text = bad.text();
    assert!(text.contains("Reprezentowana organizacja: To pole jest wymagane."), "{text}");
    assert!(text.contains("Adres e-mail do kontaktu:"), "the summary names the field: {text}");
    assert_eq!(bad.input_value("name").as_deref(), Some("Anna Nowak"));
    assert_eq!(audit_count(&app, "body_application.").await, 0, "nothing stored");

    let sent = resident
        .post(
            "/ciala-dialogu/krdpp/zgloszenie",
            &application("organisation", "Stowarzyszenie Seniorów", "anna@example.pl"),
        )
        .await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.text());
    let aid = id_after(sent.location(), "/konto/zgloszenia/");
    let receipt = resident.get(sent.location()).await.text();
    assert!(receipt.contains(&format!("ZC/{aid}")) && receipt.contains("Czeka na decyzję sekretarza"), "{receipt}");
    let mail = app.last_mail_to("anna@example.pl").await;
    assert_eq!(mail.subject, format!("Zgłoszenie ZC/{aid} do ciała dialogu"));
    assert!(mail.body.contains(&format!("/konto/zgloszenia/{aid}")));

    // Someone else's application is not found.
    let mut other = app.signed_in("jan@example.pl", &[]).await;
    assert_eq!(other.get(&format!("/konto/zgloszenia/{aid}")).await.status, StatusCode::NOT_FOUND);

    // The secretary of another body: 403 on the queue and on the decision.
    let mut wrong = app.signed_in("mrk@example.pl", &[Grant::BodySecretary(youth)]).await;
    assert_eq!(wrong.get(&format!("/admin/ciala-dialogu/{krdpp}/zgloszenia")).await.status, StatusCode::FORBIDDEN);
    let refused = wrong
        .post(
            &format!("/admin/ciala-dialogu/{krdpp}/zgloszenia/{aid}"),
            &[("decision", "refuse"), ("reason", "x".repeat(20).as_str())],
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert_eq!(
        wrong.get(&format!("/admin/ciala-dialogu/{youth}/zgloszenia/{aid}")).await.status,
        StatusCode::NOT_FOUND
    );

    let mut secretary = app.signed_in("krdpp@example.pl", &[Grant::BodySecretary(krdpp)]).await;
    let q = secretary.get(&format!("/admin/ciala-dialogu/{krdpp}/zgloszenia")).await;
    assert_eq!(q.status, StatusCode::OK);
    assert!(q.text().contains("Anna Nowak") && q.text().contains("0 dni"), "{}", q.text());

    // Refusing without a reason and accepting before the application: named, nothing stored.
    let path = format!("/admin/ciala-dialogu/{krdpp}/zgloszenia/{aid}");
    let no_reason = secretary.post(&path, &[("decision", "refuse"), ("reason", "")]).await;
    assert_eq!(no_reason.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(no_reason.text().contains("Uzasadnienie odmowy: To pole jest wymagane."), "{}", no_reason.text());
    let early = secretary.post(&path, &[("decision", "accept"), ("starts_on", "2020-01-01"), ("voting", "yes")]).await;
    assert_eq!(early.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        early.field_error("starts_on").as_deref(),
        Some("Członkostwo nie może zacząć się przed dniem zgłoszenia.")
    );
    assert_eq!(early.input_value("starts_on").as_deref(), Some("2020-01-01"));

    let starts = (chrono::Utc::now() + chrono::Duration::days(3)).date_naive().to_string();
    let ok = secretary.post(&path, &[("decision", "accept"), ("starts_on", starts.as_str()), ("voting", "yes")]).await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.text());
    let m = agora_db::bodies::memberships(app.db(), krdpp).await.unwrap();
    assert_eq!(m.len(), 1);
    assert_eq!(
        (m[0].person_name.as_str(), m[0].voting, m[0].starts_on.to_string()),
        ("Anna Nowak", true, starts.clone())
    );
    assert_eq!(m[0].organisation.as_deref(), Some("Stowarzyszenie Seniorów"));
    assert_eq!(m[0].role, agora_domain::body::MemberRole::Member);
    assert!(m[0].user_id.is_some(), "the account is kept");
    let again = secretary.post(&path, &[("decision", "refuse"), ("reason", "Rada ma już komplet członków.")]).await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY, "decided once");

    let outcome = app.last_mail_to("anna@example.pl").await;
    assert_eq!(outcome.subject, "Przyjęto Twoje zgłoszenie do ciała dialogu");
    assert!(resident.get(&format!("/konto/zgloszenia/{aid}")).await.text().contains("Przyjęte"));

    // A refusal reaches the applicant in their language, with the reason.
    let mut english = app.signed_in("john@example.org", &[]).await;
    english.get("/jezyk/en?next=/").await;
    let sent = english.post("/ciala-dialogu/krdpp/zgloszenie", &application("person", "", "john@example.org")).await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER);
    let second = id_after(sent.location(), "/konto/zgloszenia/");
    let reason = "The council has no free seat this term.";
    let r = secretary
        .post(
            &format!("/admin/ciala-dialogu/{krdpp}/zgloszenia/{second}"),
            &[("decision", "refuse"), ("reason", reason)],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let mail = app.last_mail_to("john@example.org").await;
    assert_eq!(mail.subject, "The decision on your application to a dialogue body", "in the applicant's language");
    assert!(mail.body.contains(reason), "{}", mail.body);
    assert_eq!(audit_count(&app, "body_application.").await, 4, "two made, one accepted, one refused");
}

fn request<'a>(kind: &'a str, unit: &'a str, organisation: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("name", "Rada Działalności Pożytku Publicznego Dzielnicy XIV"),
        ("kind", kind),
        ("justification", "Organizacje z dzielnicy chcą opiniować programy współpracy, które ich dotyczą."),
        ("unit_id", unit),
        ("organisation", organisation),
    ]
}

#[tokio::test]
async fn a_council_request_needs_five_organisations_then_is_decided_in_the_ledger() {
    let app = TestApp::new().await;
    let wso = unit(&app, "WSO").await;
    let ztp = unit(&app, "ZTP").await;
    let wso_s = wso.to_string();
    let mut requester = app.signed_in("wnioskodawca@example.pl", &[]).await;
    assert_eq!(app.client().get("/ciala-dialogu/wniosek").await.status, StatusCode::SEE_OTHER, "sign in first");

    let bad = requester
        .post("/ciala-dialogu/wniosek", &[("name", "Rada"), ("kind", "club"), ("justification", ""), ("unit_id", "")])
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    let text = bad.text();
    assert!(text.contains("Rodzaj ciała: Wybierz jedną z dostępnych opcji."), "{text}");
    assert!(text.contains("Uzasadnienie: To pole jest wymagane."), "{text}");
    assert!(text.contains("Wydział, przy którym działałoby ciało:"), "{text}");
    assert_eq!(bad.input_value("name").as_deref(), Some("Rada"));
    assert!(agora_db::applications::requests(app.db()).await.unwrap().is_empty(), "nothing stored");

    let made =
        requester.post("/ciala-dialogu/wniosek", &request("public_benefit_council", &wso_s, "Fundacja Pierwsza")).await;
    assert_eq!(made.status, StatusCode::SEE_OTHER, "{}", made.text());
    let rid = id_after(made.location(), "/ciala-dialogu/wnioski/");
    let page_path = format!("/ciala-dialogu/wnioski/{rid}");

    // Four organisations in all: too few for a public benefit council.
    for (i, org) in ["Stowarzyszenie Druga", "Fundacja Trzecia", "Klub Czwarty"].iter().enumerate() {
        let mut c = app.signed_in(&format!("org{i}@example.pl"), &[]).await;
        let r = c.post(&format!("{page_path}/poparcie"), &[("organisation", org)]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    }
    let mut late = app.signed_in("org9@example.pl", &[]).await;
    let twice = late.post(&format!("{page_path}/poparcie"), &[("organisation", " fundacja  PIERWSZA ")]).await;
    assert_eq!(twice.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(twice.field_error("organisation").as_deref(), Some("Ta organizacja już poparła ten wniosek."));

    let too_few = requester.post(&format!("{page_path}/zloz"), &[]).await;
    assert_eq!(too_few.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(too_few.text().contains("musi poprzeć co najmniej 5 organizacji"), "a clear message: {}", too_few.text());
    assert!(!app.client().get("/odpowiedzi-miasta").await.text().contains("Dzielnicy XIV"), "not in the ledger yet");
    // Only the requester submits.
    assert_eq!(late.post(&format!("{page_path}/zloz"), &[]).await.status, StatusCode::FORBIDDEN);

    let fifth = late.post(&format!("{page_path}/poparcie"), &[("organisation", "Spółdzielnia Socjalna Piąta")]).await;
    assert_eq!(fifth.status, StatusCode::SEE_OTHER);
    let page = app.client().get(&page_path).await.text();
    assert!(page.contains("Organizacje popierające (5)") && page.contains("Zbiera poparcie"), "{page}");

    let submitted = requester.post(&format!("{page_path}/zloz"), &[]).await;
    assert_eq!(submitted.status, StatusCode::SEE_OTHER, "{}", submitted.text());
    let r = agora_db::applications::request(app.db(), rid).await.unwrap().unwrap();
    let tracked = r.tracked_id.unwrap();
    let due = r.due_on.unwrap();
    let today = agora_web::time::local_date(chrono::Utc::now());
    assert_eq!(due, agora_domain::tracked::TrackedKind::BodyRequest.default_period().due(today));

    let ledger = app.client().get("/odpowiedzi-miasta").await.text();
    assert!(ledger.contains("Rada Działalności Pożytku Publicznego Dzielnicy XIV"), "{ledger}");
    assert!(ledger.contains("Wniosek o utworzenie ciała dialogu"), "{ledger}");
    assert!(ledger.contains(&agora_web::time::day(agora_web::i18n::Lang::Pl, due)), "the due date: {ledger}");
    let closed = late.post(&format!("{page_path}/poparcie"), &[("organisation", "Fundacja Szósta")]).await;
    assert_eq!(closed.status, StatusCode::UNPROCESSABLE_ENTITY, "no support after submission");

    // Another department may not decide; the department it is attached to does, with reasons.
    let mut stranger = app.signed_in("ztp@example.pl", &[Grant::Organiser(ztp)]).await;
    assert_eq!(stranger.get(&format!("/admin/odpowiedzi/{tracked}")).await.status, StatusCode::FORBIDDEN);
    let mut staff = app.signed_in("wso@example.pl", &[Grant::Organiser(wso)]).await;
    let answered = staff
        .post(&format!("/admin/odpowiedzi/{tracked}"), &[("to", "answered"), ("note", "x".repeat(30).as_str())])
        .await;
    assert_eq!(answered.status, StatusCode::UNPROCESSABLE_ENTITY, "a request is decided, not answered");
    let reasons = "Rada zostanie powołana zarządzeniem Prezydenta w przyszłym miesiącu.";
    let granted = staff.post(&format!("/admin/odpowiedzi/{tracked}"), &[("to", "granted"), ("note", reasons)]).await;
    assert_eq!(granted.status, StatusCode::SEE_OTHER, "{}", granted.text());
    let page = app.client().get(&page_path).await.text();
    assert!(page.contains("Rozpatrzony: ciało zostanie utworzone"), "{page}");
    assert!(app.client().get(&format!("/odpowiedzi-miasta/{tracked}")).await.text().contains(reasons));

    // Administrators see every request; a resident does not.
    let mut admin = app.signed_in("admin@example.pl", &[Grant::Administrator]).await;
    let list = admin.get("/admin/wnioski-o-ciala").await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(list.text().contains("Dzielnicy XIV"));
    assert_eq!(requester.get("/admin/wnioski-o-ciala").await.status, StatusCode::FORBIDDEN);
    assert_eq!(audit_count(&app, "body_request.").await, 6, "created, four supports, submitted");
}

#[tokio::test]
async fn a_commission_request_goes_to_the_city_without_supporters() {
    let app = TestApp::new().await;
    let wso = unit(&app, "WSO").await;
    let mut requester = app.signed_in("kdo@example.pl", &[]).await;
    let made = requester.post("/ciala-dialogu/wniosek", &request("kdo", &wso.to_string(), "")).await;
    assert_eq!(made.status, StatusCode::SEE_OTHER, "{}", made.text());
    let rid = id_after(made.location(), "/ciala-dialogu/wnioski/");
    let r = requester.post(&format!("/ciala-dialogu/wnioski/{rid}/zloz"), &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    assert!(
        requester
            .get(&format!("/ciala-dialogu/wnioski/{rid}"))
            .await
            .text()
            .contains("Złożony, czeka na decyzję miasta")
    );
}
