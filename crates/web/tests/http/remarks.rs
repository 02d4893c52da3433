//! Remarks: the online form, receipts, the double-click guard, the public list.

use crate::consultations::{stored, unit};
use crate::harness::TestApp;
use agora_domain::consultation::Status;
use axum::http::StatusCode;

/// The remark form as a resident fills it in, with `extra` fields replacing or adding to it.
pub fn fields<'a>(key: &'a str, extra: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
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
    assert!(
        mail.subject.starts_with("Potwierdzenie przyjęcia uwag UW/")
            && mail.body.contains("Dodać przejście dla pieszych")
    );
    assert_eq!(app.mail().await.len(), 1, "one mail for one submission");

    let list = c.get("/konsultacje/przebudowa-ul-podzamcze/uwagi").await.text();
    assert!(
        list.contains("1 uwaga") && list.contains("Uwaga nr 1: § 2") && list.contains("Osoba prywatna nr 1"),
        "{list}"
    );
    assert!(
        !list.contains("Jan Kowalski") && !list.contains("jan.kowalski@example.pl"),
        "private persons are not named in public"
    );
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
    let r = c
        .post_multipart(
            url,
            &fields(&key, &[("r1_proposed_change", &huge), ("email", "nie-adres"), ("kind", "anonymous")]),
            "attachment",
            "skan.pdf",
            b"<html>",
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.field_error("r1_proposed_change").as_deref(), Some("Wpisz najwyżej 20000 znaków."));
    assert_eq!(r.field_error("kind").as_deref(), Some("W tej konsultacji nie można zgłaszać uwag anonimowo."));
    assert!(r.field_error("attachment").unwrap().starts_with("Ten typ pliku nie jest dozwolony"));
    assert!(r.body.contains("Dodać przejście dla pieszych przy szkole.</textarea>"));
    assert_eq!(r.input_value("form_key").as_deref(), Some(key.as_str()));
    // The summary at the top says which field each message is about.
    let summary =
        r.body.split("id=\"error-summary\"").nth(1).and_then(|s| s.split("</div>").next()).unwrap_or_default();
    for line in [
        "href=\"#r1_proposed_change\">Uwaga nr 2, Proponowana zmiana: Wpisz najwyżej 20000 znaków.</a>",
        "href=\"#kind\">Kto zgłasza uwagi: W tej konsultacji nie można zgłaszać uwag anonimowo.</a>",
        "href=\"#email\">Adres e-mail: ",
        "href=\"#attachment\">Załącznik: Ten typ pliku",
    ] {
        assert!(summary.contains(line), "{line} in {summary}");
    }
    // What may be left empty says so; what is asked of organisations only says that.
    for label in [
        "Uzasadnienie (opcjonalnie)</label>",
        "Której części dotyczy uwaga (własnymi słowami) (opcjonalnie)</label>",
        "Adres e-mail (opcjonalnie)</label>",
        "Dzielnica (opcjonalnie)</label>",
        "Nazwa organizacji (gdy zgłaszasz uwagi jako organizacja)</label>",
    ] {
        assert!(r.body.contains(label), "{label}");
    }
    assert!(r.body.contains(">Proponowana zmiana</label>"), "a required field carries no mark");
    let empty = c
        .post_multipart(
            url,
            &[("form_key", key.as_str()), ("rows", "1"), ("kind", "person"), ("name", "Jan")],
            "attachment",
            "",
            b"",
        )
        .await;
    assert_eq!(empty.field_error("r0_proposed_change").as_deref(), Some("Wpisz treść co najmniej jednej uwagi."));
    let more = c.post_multipart(url, &fields(&key, &[("more", "1")]), "attachment", "", b"").await;
    assert!(more.body.contains("name=\"r2_proposed_change\""), "a third block appears without JavaScript");
    assert!(
        agora_db::remarks::list(app.db(), 1, &Default::default(), 10, 0).await.unwrap().items.is_empty(),
        "nothing stored"
    );
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
        let r = c
            .post_multipart(
                &format!("/konsultacje/{slug}/uwagi/nowa"),
                &fields(&"b".repeat(64), &[]),
                "attachment",
                "",
                b"",
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
    }
}

#[tokio::test]
async fn organisers_key_in_paper_remarks_moderate_and_answer_them() {
    use agora_domain::permission::Grant;
    let app = TestApp::new().await;
    let ztp = unit(&app, "ZTP").await;
    let id = stored(&app, ztp, "Rozkład jazdy", Status::Open, -1, vec![]).await;
    let mut org = app.signed_in("org@example.pl", &[Grant::Organiser(ztp)]).await;
    let intake = format!("/admin/konsultacje/{id}/uwagi/nowa");
    let form = org.get(&intake).await;
    assert_eq!(form.status, StatusCode::OK);
    let key = form.input_value("form_key").unwrap();

    let bad = org
        .post_multipart(
            &intake,
            &[
                ("form_key", &key),
                ("channel", "post"),
                ("received_at", "wczoraj"),
                ("formal_status", "defective"),
                ("rows", "1"),
                ("r0_proposed_change", "Więcej kursów linii 52"),
                ("kind", "person"),
                ("name", "Anna Nowak"),
            ],
            "scan",
            "",
            b"",
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(bad.field_error("received_at").as_deref(), Some("Wpisz datę w formacie RRRR-MM-DD."));
    assert!(bad.field_error("defect_reason").is_some());
    assert!(bad.body.contains("Więcej kursów linii 52</textarea>"));

    let when = crate::consultations::local_in(0);
    let ok = org
        .post_multipart(
            &intake,
            &[
                ("form_key", &key),
                ("channel", "post"),
                ("received_at", &when),
                ("formal_status", "valid"),
                ("rows", "2"),
                ("r0_proposed_change", "Więcej kursów linii 52"),
                ("r1_proposed_change", "Nocny autobus do Bieżanowa"),
                ("kind", "organisation"),
                ("name", "Anna Nowak"),
                ("organisation", "Rada Dzielnicy XII"),
            ],
            "scan",
            "skan.pdf",
            b"%PDF-1.4 skan",
        )
        .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.text());
    // The receipt number goes onto the paper original: the next form shows it.
    let after = org.get(ok.location()).await.text();
    assert!(after.contains(&format!("Numer zgłoszenia: UW/{id}/00001. Zapisz go")), "{after}");
    let forged = org.get(&format!("{intake}?ok=flash-intake&numer=UW/999/00077")).await.text();
    assert!(!forged.contains("UW/999/00077"), "only a receipt of this consultation is shown");
    let closed = stored(&app, ztp, "Zamknięta konsultacja", Status::Closed, -30, vec![]).await;
    let late = org
        .post_multipart(
            &format!("/admin/konsultacje/{closed}/uwagi/nowa"),
            &[
                ("form_key", &"c".repeat(64)),
                ("channel", "email"),
                ("received_at", &when),
                ("formal_status", "valid"),
                ("rows", "1"),
                ("r0_proposed_change", "Spóźniona uwaga"),
                ("kind", "person"),
                ("name", "Jan"),
            ],
            "scan",
            "",
            b"",
        )
        .await;
    assert_eq!(late.status, StatusCode::SEE_OTHER);
    let late_rows = agora_db::remarks::list(app.db(), closed, &Default::default(), 10, 0).await.unwrap().items;
    assert_eq!(late_rows[0].formal_status, agora_domain::remark::FormalStatus::Late, "the date of receipt decides");

    // The attachment link stands only where there is one (issue 19, item 10).
    let closed_screen = org.get(&format!("/admin/konsultacje/{closed}/uwagi")).await;
    assert!(!closed_screen.body.contains("/uwagi/zalacznik/"), "no scan was sent with the late remark");
    let screen = org.get(&format!("/admin/konsultacje/{id}/uwagi")).await;
    let scan_link = format!("/admin/konsultacje/{id}/uwagi/zalacznik/");
    assert_eq!(screen.body.matches(&scan_link).count(), 2, "both remarks of the scanned letter link to it");
    let scan = org.get_bytes(&format!("{scan_link}{}", late_rows[0].submission_id)).await;
    assert_eq!(scan.0, StatusCode::NOT_FOUND, "another consultation's submission is not this one's");
    let text = screen.text();
    assert!(
        text.contains("Odpowiedziano na 0 / 2") && text.contains("Rada Dzielnicy XII") && text.contains("Poczta"),
        "{text}"
    );
    let rows = agora_db::remarks::list(app.db(), id, &Default::default(), 10, 0).await.unwrap().items;
    let (a, b) = (rows[0].id.to_string(), rows[1].id.to_string());
    let scan = org.get(&format!("{scan_link}{}", rows[0].submission_id)).await;
    assert_eq!(scan.status, StatusCode::OK);
    assert_eq!(scan.headers["content-security-policy"], "default-src 'none'; sandbox", "a scan cannot run as a page");

    let r = org
        .post(
            &format!("/admin/konsultacje/{id}/uwagi/odpowiedz"),
            &[("ids", &a), ("ids", &b), ("decision", "rejected"), ("answer", "za krótko")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.field_error("answer").as_deref(), Some("Wpisz co najmniej 10 znaków."));
    for remark in [&a, &b] {
        assert!(r.body.contains(&format!("value=\"{remark}\" id=\"pick-{remark}\" checked")), "ticks are kept");
    }
    // No position is chosen for the official: each form starts at "choose".
    assert!(
        screen
            .body
            .contains("<select id=\"decision\" name=\"decision\"><option value=\"\">Wybierz stanowisko</option>")
    );
    assert!(!screen.body.contains("\" selected>Uwzględniona"), "nothing preselected");
    let r = org
        .post(
            &format!("/admin/konsultacje/{id}/uwagi/odpowiedz"),
            &[("ids", &a), ("answer", "Odpowiedź bez stanowiska.")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("href=\"#decision\">Stanowisko: Wybierz jedną z dostępnych opcji."), "{}", r.body);
    // Ticking every remark of the page takes one link, no script.
    assert!(!screen.body.contains(" checked>"), "nothing ticked at first");
    let all = org.get(&format!("/admin/konsultacje/{id}/uwagi?zaznacz=wszystkie")).await;
    assert!(all.text().contains("Odznacz wszystkie"));
    for remark in [&a, &b] {
        assert!(all.body.contains(&format!("value=\"{remark}\" id=\"pick-{remark}\" checked")));
    }
    assert!(screen.text().contains("Zaznacz wszystkie uwagi na tej stronie (2)"));
    // The report editor leads to the other parts, and to ending the collection while it runs.
    let editor = org.get(&format!("/admin/konsultacje/{id}/raport")).await;
    assert!(editor.body.contains(&format!("href=\"/admin/konsultacje/{id}/uwagi\">")));
    assert!(editor.body.contains(&format!("href=\"/admin/konsultacje/{id}#status-heading\">Zakończ zbieranie uwag")));
    // What each step does is said where its button is.
    let data = org.get(&format!("/admin/konsultacje/{id}")).await.text();
    assert!(data.contains("Zakończ zbieranie uwag Kończy zbieranie uwag teraz"), "{data}");
    let r = org
        .post(
            &format!("/admin/konsultacje/{id}/uwagi/odpowiedz"),
            &[("decision", "rejected"), ("answer", "Brak środków w budżecie na 2027 rok.")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "no remark ticked");
    let r = org
        .post(
            &format!("/admin/konsultacje/{id}/uwagi/odpowiedz"),
            &[
                ("ids", &a),
                ("ids", &b),
                ("decision", "partially_accepted"),
                ("answer", "Zwiększymy częstotliwość od września."),
                ("group_title", "Komunikacja nocna"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let text = org.get(&format!("/admin/konsultacje/{id}/uwagi?bez_odpowiedzi=1")).await.text();
    assert!(text.contains("Odpowiedziano na 2 / 2") && text.contains("0 uwag"), "{text}");

    let mut moderator = app.signed_in("mod@example.pl", &[Grant::Moderator]).await;
    let r = moderator
        .post(&format!("/admin/konsultacje/{id}/uwagi/{a}/moderacja"), &[("action", "hide"), ("reason", "x")])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "a reason is required");
    let r = moderator
        .post(
            &format!("/admin/konsultacje/{id}/uwagi/{a}/moderacja"),
            &[("action", "hide"), ("reason", "Zawiera dane osobowe")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = moderator
        .post(
            &format!("/admin/konsultacje/{id}/uwagi/odpowiedz"),
            &[("ids", &a), ("decision", "rejected"), ("answer", "Moderator nie odpowiada.")],
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "moderators moderate; organisers answer");

    let mut visitor = app.client();
    let list = visitor.get("/konsultacje/rozklad-jazdy/uwagi").await.text();
    assert!(
        list.contains("Uwaga ukryta przez moderatora. Powód: Zawiera dane osobowe")
            && !list.contains("Więcej kursów linii 52"),
        "{list}"
    );
    assert!(
        list.contains("Stanowisko miasta: Uwzględniona częściowo")
            && list.contains("Zwiększymy częstotliwość od września.")
    );
    assert!(list.contains("Rada Dzielnicy XII") && !list.contains("Anna Nowak"));
    let log = visitor.get("/konsultacje/rozklad-jazdy/moderacja").await.text();
    assert!(log.contains("Ukryto") && log.contains("Zawiera dane osobowe"));

    let other = unit(&app, "SZ").await;
    let mut stranger = app.signed_in("sz@example.pl", &[Grant::Organiser(other)]).await;
    assert_eq!(stranger.get(&format!("/admin/konsultacje/{id}/uwagi")).await.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_body_over_the_limit_is_too_large_not_malformed() {
    let app = TestApp::new().await;
    let ztp = unit(&app, "ZTP").await;
    let id = stored(&app, ztp, "Przebudowa ul. Podzamcze", Status::Open, -1, vec![]).await;
    let mut c = app.client();
    let form = c.get("/konsultacje/przebudowa-ul-podzamcze/uwagi/nowa").await;
    let key = form.input_value("form_key").unwrap();
    let huge = vec![b'x'; 12 * 1024 * 1024];
    let url = "/konsultacje/przebudowa-ul-podzamcze/uwagi/nowa";
    let r = c.post_multipart(url, &fields(&key, &[]), "attachment", "skan.pdf", &huge).await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(r.text().contains("Przesłany formularz jest zbyt duży"), "{}", r.text());
    assert_eq!(agora_db::remarks::list(app.db(), id, &Default::default(), 10, 0).await.unwrap().total, 0);
}

#[tokio::test]
async fn the_same_answer_sent_twice_is_logged_once() {
    use agora_domain::remark::SubmitterKind;
    let app = TestApp::new().await;
    let ztp = unit(&app, "ZTP").await;
    let id = stored(&app, ztp, "Sieć tramwajowa", Status::Closed, -30, vec![]).await;
    crate::report::submit(&app, id, "k1", SubmitterKind::Person, "Jan Kowalski", None, None, "Linia 50 co 5 minut")
        .await;
    let remark = agora_db::remarks::list(app.db(), id, &Default::default(), 10, 0).await.unwrap().items[0].id;
    let mut org = app.signed_in("org@agora.test", &[agora_domain::permission::Grant::Organiser(ztp)]).await;
    let fields =
        [("ids", remark.to_string()), ("decision", "rejected".into()), ("answer", "Brak środków w 2027.".into())];
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let path = format!("/admin/konsultacje/{id}/uwagi/odpowiedz");
    for _ in 0..2 {
        let r = org.post(&path, &fields).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    }
    let filter = agora_db::audit::AuditFilter { action_prefix: Some("remark.answer".into()), ..Default::default() };
    let log = agora_db::audit::list(app.db(), &filter, 10, 0).await.unwrap();
    assert_eq!(log.items.len(), 1, "an answer that changed nothing is not an event");
    let changed =
        [("ids", remark.to_string()), ("decision", "accepted".into()), ("answer", "Uwzględniono w planie.".into())];
    let changed: Vec<(&str, &str)> = changed.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(org.post(&path, &changed).await.status, StatusCode::SEE_OTHER);
    assert_eq!(agora_db::audit::list(app.db(), &filter, 10, 0).await.unwrap().items.len(), 2);
}
