//! Advice requests through HTTP: a visitor asks with a file and gets a receipt number and a
//! link by mail, an adviser takes the request, asks a question that stops the clock, the reply
//! moves the due date by the working days it stood, the answer is rated and published without
//! names; bad files and bad forms keep the text and store nothing; other people are refused;
//! an overdue request is marked in the queue and in the city's answers ledger.

use crate::consultations::unit;
use crate::harness::{Client, PASSWORD, Resp, TestApp, link_in};
use agora_domain::advice::{self as rules, FILE_MAX_BYTES};
use agora_domain::permission::Grant;
use agora_domain::tracked::TrackedState;
use axum::http::StatusCode;
use chrono::{Days, Utc};

const PDF: &[u8] = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF";
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR tiny";
const QUESTION: &str =
    "Nazywam się Anna Nowak. Jak złożyć uwagę do projektu planu miejscowego dla Zabłocia? Tel. 600 100 200.";

fn request(email: &str) -> Vec<(&str, &str)> {
    vec![
        ("advice_topic", "spatial_planning"),
        ("advice_asker", "resident"),
        ("advice_name", "Anna Nowak"),
        ("advice_email", email),
        ("advice_question", QUESTION),
    ]
}

async fn ask(c: &mut Client, fields: &[(&str, &str)], file_name: &str, file: &[u8]) -> Resp {
    c.post_multipart("/doradztwo/nowa", fields, "advice_files", file_name, file).await
}

/// The request's id and key from the address a request is sent to.
fn sent(r: &Resp) -> (i64, String) {
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let loc = r.location();
    let rest = loc.trim_start_matches("/doradztwo/prosby/");
    let id = rest.split('?').next().unwrap().parse().unwrap();
    let key = rest.split("klucz=").nth(1).map(|k| k.split('&').next().unwrap().to_owned()).unwrap_or_default();
    (id, key)
}

/// A new browser signed in to an account that exists.
async fn sign_in(app: &TestApp, email: &str) -> Client {
    let mut c = app.client();
    let r = c.post("/konto/logowanie", &[("email", email), ("password", PASSWORD)]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    c
}

fn today() -> chrono::NaiveDate {
    agora_web::time::local_date(Utc::now())
}

#[tokio::test]
async fn a_question_goes_from_receipt_through_a_paused_clock_to_a_published_answer() {
    let app = TestApp::new().await;
    unit(&app, "SO").await;
    let mut adviser = app.signed_in("doradca@example.pl", &[Grant::Adviser]).await;
    let mut resident = app.client();

    let form = resident.get("/doradztwo/nowa").await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.text().contains("Imię i nazwisko (opcjonalnie)"), "optional fields are marked");

    let r = ask(&mut resident, &request("anna@example.pl"), "plan.pdf", PDF).await;
    let (id, key) = sent(&r);
    assert!(!key.is_empty(), "a visitor without an account is given the key");
    let number = rules::number(id);
    let page = resident.get(r.location()).await;
    assert_eq!(page.status, StatusCode::OK);
    let text = page.text();
    assert!(text.contains(&number) && text.contains("Wysłano prośbę o poradę"), "{text}");
    assert!(text.contains("Czeka na doradcę") && text.contains("plan.pdf"), "{text}");

    // The receipt: in the language the request was written in, with the link back.
    let receipt = app.last_mail_to("anna@example.pl").await;
    assert!(receipt.subject.contains(&number), "{}", receipt.subject);
    assert!(receipt.body.contains("Przyjęliśmy Twoją prośbę o poradę"), "{}", receipt.body);
    let link = link_in(&receipt);
    assert_eq!(app.client().get(&link).await.status, StatusCode::OK, "the mailed link opens it anywhere");
    let (_, _, bytes) = resident.get_bytes(&format!("/doradztwo/prosby/{id}/pliki/1?klucz={key}")).await;
    assert_eq!(bytes, PDF, "the file comes back as sent");

    // In the ledger: its number and topic, never the question.
    let ledger = app.client().get("/odpowiedzi-miasta").await.text();
    assert!(ledger.contains(&format!("Prośba o poradę {number} (Planowanie przestrzenne)")), "{ledger}");
    assert!(!ledger.contains("Zabłocia"), "the question stays private");

    // The adviser takes it and asks something, which stops the clock.
    let queue = adviser.get("/admin/doradztwo").await;
    assert_eq!(queue.status, StatusCode::OK);
    assert!(queue.text().contains(&number));
    let r = adviser.post(&format!("/admin/doradztwo/{id}/przyjmij"), &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let again = adviser.post(&format!("/admin/doradztwo/{id}/przyjmij"), &[]).await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY, "taken once");
    let r = adviser
        .post(
            &format!("/admin/doradztwo/{id}/wiadomosc"),
            &[("advice_message", "Proszę o numer działki, której dotyczy uwaga."), ("advice_pause", "1")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let asked = app.last_mail_to("anna@example.pl").await;
    assert!(asked.body.contains("Proszę o numer działki"), "{}", asked.body);
    assert_eq!(link_in(&asked), link, "the same link in every mail");
    let held = agora_db::advice::get(app.db(), id).await.unwrap().unwrap();
    assert_eq!(held.state, TrackedState::Paused);
    let page = resident.get(&link).await.text();
    assert!(page.contains("Czeka na odpowiedź osoby pytającej"), "{page}");

    // The reply comes a week after the question: the due date moves by the working days it stood.
    let paused_on = today().checked_sub_days(Days::new(7)).unwrap();
    agora_db::testing::date_advice_pause(app.db(), id, paused_on).await.unwrap();
    let r = resident
        .post(&format!("/doradztwo/prosby/{id}/wiadomosc"), &[("klucz", &key), ("advice_message", "Działka 123/4.")])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let resumed = agora_db::advice::get(app.db(), id).await.unwrap().unwrap();
    let days = rules::pause_days(paused_on, today());
    assert!(days >= 4, "a week holds at least four working days");
    assert_eq!(resumed.state, TrackedState::Acknowledged);
    assert_eq!(resumed.due_on, rules::resumed_due(held.due_on, paused_on, today()));
    assert!(resumed.due_on > held.due_on);
    assert_eq!(resumed.paused_days, i32::try_from(days).unwrap());
    assert!(adviser.get(&format!("/admin/doradztwo/{id}")).await.text().contains("Działka 123/4."));

    // The answer, mailed; then rated once.
    let short = adviser.post(&format!("/admin/doradztwo/{id}/odpowiedz"), &[("advice_answer", "Tak.")]).await;
    assert_eq!(short.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(short.input_value("advice_answer"), None, "a textarea, checked below");
    assert!(short.body.contains(">Tak.</textarea>"), "the typed answer is kept");
    let answer = "Uwagę składa się na piśmie do Prezydenta Miasta w terminie podanym w ogłoszeniu; Anna Nowak może ją też wysłać przez ePUAP.";
    let r = adviser.post(&format!("/admin/doradztwo/{id}/odpowiedz"), &[("advice_answer", answer)]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let answered = app.last_mail_to("anna@example.pl").await;
    assert!(answered.body.contains("ePUAP") && answered.subject.contains(&number), "{}", answered.body);
    let late = resident
        .post(
            &format!("/doradztwo/prosby/{id}/wiadomosc"),
            &[("klucz", &key), ("advice_message", "Jeszcze jedno pytanie.")],
        )
        .await;
    assert_eq!(late.status, StatusCode::UNPROCESSABLE_ENTITY, "an answered request takes no messages");
    assert!(late.body.contains(">Jeszcze jedno pytanie.</textarea>"));
    let r = resident.post(&format!("/doradztwo/prosby/{id}/ocena"), &[("klucz", &key), ("advice_rating", "5")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let twice =
        resident.post(&format!("/doradztwo/prosby/{id}/ocena"), &[("klucz", &key), ("advice_rating", "1")]).await;
    assert_eq!(twice.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(agora_db::advice::get(app.db(), id).await.unwrap().unwrap().rating, Some(5));
    let ledger = app.client().get("/odpowiedzi-miasta").await.text();
    assert!(ledger.contains("Odpowiedziano") || ledger.contains("odpowiedź z dnia") || ledger.contains(&number));

    // Published without the names: the adviser starts from a draft with them taken out.
    let mut anon = app.client();
    assert_eq!(anon.get(&format!("/doradztwo/pytania/{id}")).await.status, StatusCode::NOT_FOUND);
    let case = adviser.get(&format!("/admin/doradztwo/{id}")).await;
    assert!(case.body.contains("Nazywam się […]. Jak złożyć uwagę"), "the draft is anonymised");
    assert!(case.body.contains("Tel. […]."), "phone numbers are taken out");
    let public_q = "Jak złożyć uwagę do projektu planu miejscowego dla Zabłocia?";
    let r = adviser
        .post(
            &format!("/admin/doradztwo/{id}/publikacja"),
            &[
                ("advice_public_question", public_q),
                ("advice_public_answer", "Uwagę składa się na piśmie albo przez ePUAP."),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let list = anon.get("/doradztwo").await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(list.text().contains(public_q), "{}", list.text());
    assert!(!list.body.contains("Anna Nowak"));
    let one = anon.get(&format!("/doradztwo/pytania/{id}")).await;
    assert_eq!(one.status, StatusCode::OK);
    assert!(one.text().contains("przez ePUAP"));
    let other_topic = anon.get("/doradztwo?temat=transport").await.text();
    assert!(!other_topic.contains(public_q), "the topic filter holds");
    let via_ledger = anon.get(&format!("/odpowiedzi-miasta/{id}")).await;
    assert_eq!(via_ledger.location(), format!("/doradztwo/pytania/{id}"));
    let r = adviser.post(&format!("/admin/doradztwo/{id}/wycofaj"), &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(!anon.get("/doradztwo").await.text().contains(public_q), "taken off the list");
}

#[tokio::test]
async fn a_bad_form_or_file_keeps_the_text_and_stores_nothing() {
    let app = TestApp::new().await;
    unit(&app, "SO").await;
    let mut c = app.client();
    let nothing = || async { agora_db::advice::queue_counts(app.db(), today()).await.unwrap() };

    // A picture named as a PDF, and a program named as one.
    let r = ask(&mut c, &request("anna@example.pl"), "plan.pdf", PNG).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.field_error("advice_files").unwrap().contains("nie pasuje do jego rozszerzenia"));
    assert!(r.text().contains("Załączniki: Zawartość pliku"), "the summary names the field");
    assert!(r.body.contains(">Nazywam się Anna Nowak."), "the question is kept");
    assert_eq!(r.input_value("advice_email").as_deref(), Some("anna@example.pl"));
    let r = ask(&mut c, &request("anna@example.pl"), "plan.pdf", b"MZ\x90\x00 a program").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.field_error("advice_files").unwrap().contains("Ten typ pliku nie jest dozwolony"));

    // Too large, by one byte.
    let mut big = PDF.to_vec();
    big.resize(FILE_MAX_BYTES + 1, b' ');
    let r = ask(&mut c, &request("anna@example.pl"), "plan.pdf", &big).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.field_error("advice_files").unwrap().contains("10 MB"), "{:?}", r.field_error("advice_files"));
    assert!(r.body.contains(">Nazywam się Anna Nowak."));

    // Fields left out, and a group with no name.
    let r = ask(&mut c, &[("advice_question", "Krótko")], "", b"").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    for field in ["advice_topic", "advice_asker", "advice_email", "advice_question"] {
        assert!(r.field_error(field).is_some(), "{field}: {}", r.text());
    }
    assert!(r.body.contains("<a href=\"#advice_topic\">Temat: To pole jest wymagane."), "{}", r.body);
    let mut group = request("anna@example.pl");
    group[1] = ("advice_asker", "informal_group");
    let r = ask(&mut c, &group, "", b"").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.field_error("advice_organisation").unwrap().contains("nazwę grupy"));

    assert_eq!(nothing().await, (0, 0, 0), "nothing stored");
    assert!(app.mail().await.is_empty(), "nothing mailed");
}

#[tokio::test]
async fn only_the_person_who_asked_and_advisers_reach_a_request() {
    let app = TestApp::new().await;
    unit(&app, "SO").await;
    let mut owner = app.signed_in("anna@example.pl", &[]).await;
    let mut other = app.signed_in("jan@example.pl", &[]).await;
    let mut organiser = app.signed_in("organizator@example.pl", &[Grant::Organiser(1)]).await;
    let mut admin = app.signed_in("admin@example.pl", &[Grant::Administrator]).await;

    // A signed-in person gives no address: the account's serves, and no key is needed.
    let mut fields = request("");
    fields.retain(|(k, _)| *k != "advice_email");
    let (id, key) = sent(&ask(&mut owner, &fields, "mapa.png", PNG).await);
    assert!(key.is_empty());
    assert!(app.last_mail_to("anna@example.pl").await.subject.contains(&rules::number(id)));
    let path = format!("/doradztwo/prosby/{id}");
    assert_eq!(owner.get(&path).await.status, StatusCode::OK);
    assert!(owner.get("/konto/doradztwo").await.text().contains(&rules::number(id)));

    // Someone else: refused everything, and nothing is stored.
    assert_eq!(other.get(&path).await.status, StatusCode::FORBIDDEN);
    let r = other.post(&format!("{path}/wiadomosc"), &[("advice_message", "Wtrącam się.")]).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = other.post(&format!("{path}/wiadomosc"), &[("klucz", "0123"), ("advice_message", "Wtrącam się.")]).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "a wrong key is no key");
    assert_eq!(other.get(&format!("{path}/pliki/1")).await.status, StatusCode::FORBIDDEN);
    assert!(agora_db::advice::messages(app.db(), id).await.unwrap().is_empty());
    assert!(!other.get("/konto/doradztwo").await.text().contains(&rules::number(id)));
    // Signed out, the owner is asked to sign in.
    assert_eq!(app.client().get(&path).await.status, StatusCode::SEE_OTHER);

    // Staff who are not advisers have no queue; an administrator makes one an adviser.
    assert_eq!(organiser.get("/admin/doradztwo").await.status, StatusCode::FORBIDDEN);
    assert_eq!(organiser.get(&format!("/admin/doradztwo/{id}")).await.status, StatusCode::FORBIDDEN);
    assert_eq!(organiser.post(&format!("/admin/doradztwo/{id}/przyjmij"), &[]).await.status, StatusCode::FORBIDDEN);
    let roles = admin.get("/admin/role").await;
    assert!(roles.text().contains("Doradca (Bank Wspierania Partycypacji)"));
    let r = admin.post("/admin/role", &[("email", "organizator@example.pl"), ("role", "adviser"), ("scope", "")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let mut organiser = sign_in(&app, "organizator@example.pl").await;
    assert_eq!(organiser.get("/admin/doradztwo").await.status, StatusCode::OK);
    let dashboard = organiser.get("/admin").await.text();
    assert!(dashboard.contains("Doradztwo (czekają na doradcę: 1"), "{dashboard}");
    let (_, ct, bytes) = organiser.get_bytes(&format!("{path}/pliki/1")).await;
    assert_eq!((ct.as_str(), bytes.as_slice()), ("image/png", PNG), "advisers read the files");
}

#[tokio::test]
async fn an_overdue_request_is_marked_in_the_queue_and_the_ledger_and_a_paused_one_is_not_due() {
    let app = TestApp::new().await;
    unit(&app, "SO").await;
    let mut adviser = app.signed_in("doradca@example.pl", &[Grant::Adviser]).await;
    let mut c = app.client();
    let (late, _) = sent(&ask(&mut c, &request("anna@example.pl"), "", b"").await);
    let (paused, _) = sent(&ask(&mut app.client(), &request("jan@example.pl"), "", b"").await);
    let month_ago = today().checked_sub_days(Days::new(30)).unwrap();
    let due = rules::due_on(month_ago);
    for id in [late, paused] {
        agora_db::testing::date_tracked(app.db(), id, month_ago, due).await.unwrap();
    }
    let queue = adviser.get("/admin/doradztwo").await;
    let text = queue.text();
    assert!(text.contains("Po terminie: 2"), "{text}");
    assert!(text.contains("dni roboczych po terminie"), "{text}");
    assert!(queue.body.contains("<tr class=\"overdue\">"));
    let ledger = app.client().get("/odpowiedzi-miasta").await.text();
    assert!(ledger.contains("Na odpowiedź czekają 2 sprawy") || ledger.contains("czekają 2"), "{ledger}");
    assert!(ledger.contains("dni roboczych po terminie"), "{ledger}");

    // Waiting for the person who asked, it is not due: neither overdue nor awaiting the city.
    adviser.post(&format!("/admin/doradztwo/{paused}/przyjmij"), &[]).await;
    let r = adviser
        .post(
            &format!("/admin/doradztwo/{paused}/wiadomosc"),
            &[("advice_message", "Proszę o mapę."), ("advice_pause", "1")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    assert!(adviser.get("/admin/doradztwo").await.text().contains("Po terminie: 1"));
    let filter = agora_db::tracked::LedgerFilter { public_only: true, ..Default::default() };
    assert_eq!(agora_db::tracked::ledger_counts(app.db(), &filter, today()).await.unwrap(), (1, 1));
    let ledger = app.client().get("/odpowiedzi-miasta").await.text();
    assert!(ledger.contains("Czeka na odpowiedź osoby pytającej (termin wstrzymany)"), "{ledger}");
    // A department's staff never answer it by a step of the ledger.
    let mut admin = app.signed_in("admin@example.pl", &[Grant::Administrator]).await;
    let r = admin.get(&format!("/admin/odpowiedzi/{late}")).await;
    assert_eq!(r.location(), format!("/admin/doradztwo/{late}"));
}
