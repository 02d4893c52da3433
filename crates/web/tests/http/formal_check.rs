//! The formal check of a submission: keyed in defective, shown to staff and to its sender,
//! changed later on its own page with a history, never duplicated nor stored when unchanged.

use crate::consultations::{local_in, stored, unit};
use crate::harness::{Client, TestApp};
use agora_db::audit::AuditFilter;
use agora_domain::consultation::Status;
use agora_domain::permission::Grant;
use axum::http::StatusCode;

/// Keys in one paper remark of Anna Nowak through the intake form, with `formal` fields.
async fn key_in(org: &mut Client, id: i64, key: &str, formal: &[(&str, &str)]) -> crate::harness::Resp {
    let when = local_in(0);
    let mut fields = vec![
        ("form_key", key),
        ("channel", "post"),
        ("received_at", when.as_str()),
        ("rows", "1"),
        ("r0_proposed_change", "Więcej kursów linii 52"),
        ("kind", "person"),
        ("name", "Anna Nowak"),
    ];
    fields.extend_from_slice(formal);
    org.post_multipart(&format!("/admin/konsultacje/{id}/uwagi/nowa"), &fields, "scan", "", b"").await
}

fn audited(filter: &str) -> AuditFilter {
    AuditFilter { action_prefix: Some(filter.into()), ..Default::default() }
}

#[tokio::test]
async fn a_defective_paper_remark_is_shown_then_marked_valid_once_with_its_history() {
    let app = TestApp::new().await;
    let ztp = unit(&app, "ZTP").await;
    let id = stored(&app, ztp, "Rozkład jazdy", Status::Open, -1, vec![]).await;
    let mut org = app.signed_in("org@example.pl", &[Grant::Organiser(ztp)]).await;

    let early = key_in(
        &mut org,
        id,
        &"a".repeat(64),
        &[("formal_status", "defective"), ("defect_reason", "Brak podpisu"), ("correct_by", "2001-01-01")],
    )
    .await;
    assert_eq!(early.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        early.field_error("correct_by").as_deref(),
        Some("Termin uzupełnienia nie może być wcześniejszy niż data wpływu.")
    );
    assert_eq!(early.input_value("correct_by").as_deref(), Some("2001-01-01"));

    let r = key_in(
        &mut org,
        id,
        &"a".repeat(64),
        &[
            ("formal_status", "defective"),
            ("defect_reason", "Brak podpisu na formularzu"),
            ("correct_by", "2099-12-31"),
        ],
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let rows = agora_db::remarks::list(app.db(), id, &Default::default(), 10, 0).await.unwrap().items;
    let submission = rows[0].submission_id;

    let screen = org.get(&format!("/admin/konsultacje/{id}/uwagi")).await;
    let text = screen.text();
    assert!(
        text.contains("Z brakami formalnymi")
            && text.contains("Braki formalne: Brak podpisu na formularzu · uzupełnić do 31 grudnia 2099"),
        "{text}"
    );
    let page = format!("/admin/konsultacje/{id}/uwagi/zgloszenie/{submission}/ocena");
    assert!(screen.body.contains(&format!("href=\"{page}\">Ocena formalna")), "each remark links to its check");

    let check = org.get(&page).await;
    assert_eq!(check.status, StatusCode::OK);
    let text = check.text();
    assert!(text.contains(&format!("Ocena formalna zgłoszenia {}", rows[0].receipt)), "{text}");
    assert!(check.body.contains("value=\"defective\" checked"), "the form starts from the current check");
    assert_eq!(check.input_value("correct_by").as_deref(), Some("2099-12-31"));
    assert_eq!(agora_db::formal::history(app.db(), submission).await.unwrap().len(), 1, "the intake's check");

    // Bad input comes back with what was typed and a summary, not a 500.
    let bad =
        org.post(&page, &[("formal_status", "defective"), ("defect_reason", ""), ("correct_by", "9999-01-01")]).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("id=\"error-summary\""));
    assert_eq!(bad.field_error("defect_reason").as_deref(), Some("To pole jest wymagane."));
    assert_eq!(bad.field_error("correct_by").as_deref(), Some("Wpisz datę w formacie RRRR-MM-DD."));
    assert_eq!(bad.input_value("correct_by").as_deref(), Some("9999-01-01"));
    assert!(bad.body.contains("value=\"defective\" checked"));
    let short = org.post(&page, &[("formal_status", "defective"), ("defect_reason", "abc"), ("correct_by", "")]).await;
    assert_eq!(short.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(short.body.contains(">abc</textarea>") && short.field_error("correct_by").is_some());
    assert_eq!(org.post(&page, &[("defect_reason", "x")]).await.status, StatusCode::UNPROCESSABLE_ENTITY);

    let ok = org.post(&page, &[("formal_status", "valid"), ("defect_reason", ""), ("correct_by", "")]).await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.text());
    assert_eq!(ok.location(), format!("/admin/konsultacje/{id}/uwagi?ok=flash-formal-checked"));
    let screen = org.get(ok.location()).await.text();
    assert!(screen.contains("Zapisano ocenę formalną.") && !screen.contains("Braki formalne"), "{screen}");

    let history = org.get(&page).await;
    let body = &history.body;
    let (valid, defective) =
        (body.rfind("<td>Prawidłowa</td>").unwrap(), body.find("<td>Z brakami formalnymi</td>").unwrap());
    assert!(valid < defective, "newest first");
    assert!(history.text().contains("Brak podpisu na formularzu 31 grudnia 2099"), "the old check stays in history");
    assert_eq!(agora_db::formal::history(app.db(), submission).await.unwrap().len(), 2);
    let log = agora_db::audit::list(app.db(), &audited("remark.formal_check"), 10, 0).await.unwrap().items;
    assert_eq!(log.len(), 1);
    assert!(log[0].details.contains("valid"), "{}", log[0].details);

    // The same check sent again is no event.
    let again = org.post(&page, &[("formal_status", "valid"), ("defect_reason", "zostaje"), ("correct_by", "")]).await;
    assert_eq!(again.location(), format!("/admin/konsultacje/{id}/uwagi?ok=flash-formal-unchanged"));
    assert_eq!(agora_db::formal::history(app.db(), submission).await.unwrap().len(), 2);
    assert_eq!(agora_db::audit::list(app.db(), &audited("remark.formal_check"), 10, 0).await.unwrap().items.len(), 1);

    // The report counts the remark once: it was corrected, not keyed in again.
    let counts = agora_db::remarks::counts(app.db(), id).await.unwrap();
    assert_eq!(counts[0].iter().map(|c| c.n).sum::<i64>(), 1);
    assert_eq!(agora_db::remarks::progress(app.db(), id).await.unwrap(), (0, 1));

    // Organisers of another unit, and other consultations' submissions, are kept out.
    let other = unit(&app, "SZ").await;
    let mut stranger = app.signed_in("sz@example.pl", &[Grant::Organiser(other)]).await;
    assert_eq!(stranger.get(&page).await.status, StatusCode::FORBIDDEN);
    let r = stranger.post(&page, &[("formal_status", "late")]).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let elsewhere = stored(&app, ztp, "Inna konsultacja", Status::Open, -1, vec![]).await;
    let wrong = format!("/admin/konsultacje/{elsewhere}/uwagi/zgloszenie/{submission}/ocena");
    assert_eq!(org.get(&wrong).await.status, StatusCode::NOT_FOUND);
    assert_eq!(org.post(&wrong, &[("formal_status", "late")]).await.status, StatusCode::NOT_FOUND);
    assert_eq!(agora_db::formal::history(app.db(), submission).await.unwrap().len(), 2);
}

#[tokio::test]
async fn the_sender_sees_a_defect_with_its_deadline_and_a_late_arrival_in_my_remarks() {
    let app = TestApp::new().await;
    let ztp = unit(&app, "ZTP").await;
    let id = stored(&app, ztp, "Przebudowa ul. Podzamcze", Status::Open, -1, vec![]).await;
    let mut resident = app.signed_in("jan.kowalski@example.pl", &[]).await;
    let url = "/konsultacje/przebudowa-ul-podzamcze/uwagi/nowa";
    let key = resident.get(url).await.input_value("form_key").unwrap();
    let sent = resident.post_multipart(url, &crate::remarks::fields(&key, &[]), "attachment", "", b"").await;
    assert_eq!(sent.status, StatusCode::OK, "{}", sent.text());
    let mine = resident.get("/konto/uwagi").await.text();
    assert!(mine.contains("Dodać przejście dla pieszych") && !mine.contains("braki formalne"), "{mine}");

    let submission =
        agora_db::remarks::list(app.db(), id, &Default::default(), 10, 0).await.unwrap().items[0].submission_id;
    let mut org = app.signed_in("org@example.pl", &[Grant::Organiser(ztp)]).await;
    let page = format!("/admin/konsultacje/{id}/uwagi/zgloszenie/{submission}/ocena");
    assert!(
        org.get(&page).await.text().contains("Pracownicy nie oceniali jeszcze tego zgłoszenia"),
        "an online remark starts with no staff check"
    );
    let r = org
        .post(
            &page,
            &[
                ("formal_status", "defective"),
                ("defect_reason", "Brak adresu zamieszkania"),
                ("correct_by", "2099-01-15"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let mine = resident.get("/konto/uwagi").await.text();
    assert!(
        mine.contains("Twoje zgłoszenie ma braki formalne: Brak adresu zamieszkania")
            && mine.contains("Uzupełnij do 15 stycznia 2099."),
        "{mine}"
    );
    let history = org.get(&page).await.text();
    assert!(history.contains("Brak adresu zamieszkania 15 stycznia 2099"), "{history}");

    let r = org.post(&page, &[("formal_status", "late")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let mine = resident.get("/konto/uwagi").await.text();
    assert!(
        mine.contains("Ta uwaga wpłynęła po terminie zbierania uwag.") && !mine.contains("Brak adresu zamieszkania"),
        "{mine}"
    );
    let screen = org.get(&format!("/admin/konsultacje/{id}/uwagi")).await.text();
    assert!(screen.contains("Wpłynęła po zakończeniu zbierania uwag."), "{screen}");
    assert_eq!(agora_db::formal::history(app.db(), submission).await.unwrap().len(), 2);
    assert_eq!(resident.get(&page).await.status, StatusCode::FORBIDDEN, "residents do not check remarks");
}

#[tokio::test]
async fn an_intake_without_a_deadline_counts_the_consultations_defect_days() {
    let app = TestApp::new().await;
    let ztp = unit(&app, "ZTP").await;
    let id = stored(&app, ztp, "Rozkład jazdy", Status::Open, -1, vec![]).await;
    let mut org = app.signed_in("org@example.pl", &[Grant::Organiser(ztp)]).await;
    let form = org.get(&format!("/admin/konsultacje/{id}/uwagi/nowa")).await;
    assert!(form.body.contains("type=\"date\"") && form.text().contains("3 dni od daty wpływu"), "{}", form.text());
    let r = key_in(&mut org, id, &"b".repeat(64), &[("formal_status", "defective"), ("defect_reason", "Brak podpisu")])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let rows = agora_db::remarks::list(app.db(), id, &Default::default(), 10, 0).await.unwrap().items;
    let by = rows[0].correct_by.unwrap();
    assert_eq!((by - rows[0].received_at).num_days(), 3);
    let day = agora_web::time::day(agora_web::i18n::Lang::Pl, agora_web::time::local_date(by));
    let screen = org.get(&format!("/admin/konsultacje/{id}/uwagi")).await.text();
    assert!(screen.contains(&format!("uzupełnić do {day}")), "{screen}");
}
