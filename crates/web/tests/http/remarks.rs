//! Remarks: the online form, receipts, the double-click guard, the public list.

use crate::consultations::{stored, unit};
use crate::harness::TestApp;
use agora_domain::consultation::Status;
use axum::http::StatusCode;

fn fields<'a>(key: &'a str, extra: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut v = vec![
        ("form_key", key),
        ("rows", "2"),
        ("r0_section_text", "§ 2"),
        ("r0_proposed_change", "Dodać przejście dla pieszych przy szkole."),
        ("r0_justification", "Dzieci przechodzą tam codziennie."),
        ("r1_proposed_change", ""),
        ("kind", "person"),
        ("name", "Jan Kowalski"),
        ("email", "jan.kowalski@example.pl"),
    ];
    v.retain(|(k, _)| !extra.iter().any(|(e, _)| e == k));
    v.extend_from_slice(extra);
    v
}

#[tokio::test]
async fn a_resident_sends_remarks_once_even_on_a_double_click() {
    let app = TestApp::new().await;
    let ztp = unit(&app, "ZTP").await;
    stored(&app, ztp, "Przebudowa ul. Podzamcze", Status::Open, -1, vec![]).await;
    let mut c = app.client();
    let form = c.get("/konsultacje/przebudowa-ul-podzamcze/uwagi/nowa").await;
    assert_eq!(form.status, StatusCode::OK);
    let key = form.input_value("form_key").unwrap();
    assert_eq!(key.len(), 64);

    let url = "/konsultacje/przebudowa-ul-podzamcze/uwagi/nowa";
    let first = c.post_multipart(url, &fields(&key, &[]), "attachment", "", b"").await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.text());
    assert!(first.text().contains("Numer potwierdzenia: UW/"), "{}", first.text());
    let second = c.post_multipart(url, &fields(&key, &[]), "attachment", "", b"").await;
    assert_eq!(first.text(), second.text(), "the second click shows the same receipt");
    let mail = app.last_mail_to("jan.kowalski@example.pl").await;
    assert!(mail.subject.starts_with("Potwierdzenie przyjęcia uwag UW/") && mail.body.contains("Dodać przejście dla pieszych"));
    assert_eq!(app.mail().await.len(), 1, "one mail for one submission");

    let list = c.get("/konsultacje/przebudowa-ul-podzamcze/uwagi").await.text();
    assert!(list.contains("1 uwaga") && list.contains("Uwaga nr 1: § 2") && list.contains("Osoba prywatna nr 1"), "{list}");
    assert!(!list.contains("Jan Kowalski") && !list.contains("jan.kowalski@example.pl"), "private persons are not named in public");
}

#[tokio::test]
async fn bad_remarks_come_back_with_everything_typed() {
    let app = TestApp::new().await;
    let ztp = unit(&app, "ZTP").await;
    stored(&app, ztp, "Konsultacja otwarta", Status::Open, -1, vec![]).await;
    let mut c = app.client();
    let url = "/konsultacje/konsultacja-otwarta/uwagi/nowa";
    let key = "a".repeat(64);
    let huge = "x".repeat(100_000);
    let r = c.post_multipart(url, &fields(&key, &[("r1_proposed_change", &huge), ("email", "nie-adres"), ("kind", "anonymous")]), "attachment", "skan.pdf", b"<html>").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.field_error("r1_proposed_change").as_deref(), Some("Wpisz najwyżej 20000 znaków."));
    assert_eq!(r.field_error("kind").as_deref(), Some("W tej konsultacji nie można zgłaszać uwag anonimowo."));
    assert!(r.field_error("attachment").unwrap().starts_with("Ten typ pliku nie jest dozwolony"));
    assert!(r.body.contains("Dodać przejście dla pieszych przy szkole.</textarea>"));
    assert_eq!(r.input_value("form_key").as_deref(), Some(key.as_str()));
    let empty = c.post_multipart(url, &[("form_key", key.as_str()), ("rows", "1"), ("kind", "person"), ("name", "Jan")], "attachment", "", b"").await;
    assert_eq!(empty.field_error("r0_proposed_change").as_deref(), Some("Wpisz treść co najmniej jednej uwagi."));
    let more = c.post_multipart(url, &fields(&key, &[("more", "1")]), "attachment", "", b"").await;
    assert!(more.body.contains("name=\"r2_proposed_change\""), "a third block appears without JavaScript");
    assert!(agora_db::remarks::list(app.db(), 1, &Default::default(), 10, 0).await.unwrap().items.is_empty(), "nothing stored");
}

#[tokio::test]
async fn remarks_are_refused_outside_the_open_period() {
    let app = TestApp::new().await;
    let ztp = unit(&app, "ZTP").await;
    stored(&app, ztp, "Zakończona konsultacja", Status::Closed, -30, vec![]).await;
    stored(&app, ztp, "Zapowiedziana konsultacja", Status::Announced, 5, vec![]).await;
    let mut c = app.client();
    for slug in ["zakonczona-konsultacja", "zapowiedziana-konsultacja"] {
        let r = c.get(&format!("/konsultacje/{slug}/uwagi/nowa")).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        assert!(r.text().contains("Zbieranie uwag nie trwa"));
        let r = c.post_multipart(&format!("/konsultacje/{slug}/uwagi/nowa"), &fields(&"b".repeat(64), &[]), "attachment", "", b"").await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
    }
}
