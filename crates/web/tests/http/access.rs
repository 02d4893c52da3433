//! Accessibility: the easy-to-read and sign-language pages, requests for an accessible
//! version with their receipt, and the staff list against the seven-day deadline.

use crate::consultations::{stored, unit};
use crate::harness::{TestApp, link_in};
use agora_db::access_requests::{self, NewAccessRequest};
use agora_domain::consultation::Status;
use agora_domain::permission::Grant;
use axum::http::StatusCode;
use chrono::{DateTime, Duration, Utc};

fn as_refs<'a>(v: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    v.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

fn form<'a>(extra: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut v = vec![
        ("subject", "Projekt uchwały — załącznik 1"),
        ("format", "easy_read"),
        ("details", ""),
        ("contact", "anna.nowak@example.pl"),
        ("name", "Anna Nowak"),
    ];
    v.retain(|(k, _)| !extra.iter().any(|(e, _)| e == k));
    v.extend_from_slice(extra);
    v
}

/// A request stored directly, received at `received`.
async fn request(app: &TestApp, subject: &str, received: DateTime<Utc>, unit: Option<i64>) -> i64 {
    let (_, token_hash) = agora_db::new_token();
    access_requests::create(
        app.db(),
        &NewAccessRequest {
            token_hash,
            subject: subject.into(),
            format: agora_domain::access_request::Format::AccessibleDocument,
            details: None,
            contact: "600 100 200".into(),
            name: None,
            lang: "pl".into(),
            user_id: None,
            consultation_id: None,
            unit_id: unit,
            received_at: received,
            due_at: agora_domain::access_request::due(received),
        },
    )
    .await
    .unwrap()
}

#[tokio::test]
async fn the_home_page_and_footer_lead_to_easy_to_read_and_sign_language_information() {
    let app = TestApp::new().await;
    let mut c = app.client();
    let home = c.get("/").await;
    for href in ["href=\"/tekst-latwy-do-czytania\"", "href=\"/jezyk-migowy\""] {
        assert_eq!(home.body.matches(href).count(), 2, "{href} on the home page and in the footer");
    }
    assert!(c.get("/konsultacje").await.body.contains("href=\"/jezyk-migowy\""), "the footer links on every page");

    let etr = c.get("/tekst-latwy-do-czytania").await;
    assert_eq!(etr.status, StatusCode::OK);
    assert!(
        etr.text().contains("Co to jest Agora?") && etr.text().contains("Miasto odpowiada na każdą uwagę."),
        "{}",
        etr.text()
    );
    let en = app.client().with_header("accept-language", "en").get("/tekst-latwy-do-czytania").await;
    assert!(en.text().contains("What is Agora?") && en.body.contains("<html lang=\"en\">"));

    let pjm = c.get("/jezyk-migowy").await;
    assert_eq!(pjm.status, StatusCode::OK);
    assert!(
        pjm.text().contains("Agora w polskim języku migowym") && pjm.text().contains("Film jest w przygotowaniu"),
        "{}",
        pjm.text()
    );

    // Administrators give the video's address on the page's edit form.
    let mut admin = app.signed_in("admin@example.pl", &[Grant::Administrator]).await;
    let edit = admin.get("/admin/strony/jezyk-migowy").await;
    assert_eq!(edit.status, StatusCode::OK);
    let title_pl = edit.input_value("title_pl").unwrap();
    let body = |r: &crate::harness::Resp, f: &str| -> String {
        let start = r.body.find(&format!("name=\"{f}\"")).unwrap();
        let open = r.body[start..].find('>').unwrap() + start + 1;
        let close = r.body[open..].find("</textarea>").unwrap() + open;
        r.body[open..close]
            .replace("&#39;", "'")
            .replace("&quot;", "\"")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&")
    };
    let (body_pl, body_en) = (body(&edit, "body_pl"), body(&edit, "body_en"));
    let title_en = edit.input_value("title_en").unwrap();
    let fields = |url: &'static str| {
        vec![
            ("title_pl", title_pl.clone()),
            ("body_pl", body_pl.clone()),
            ("title_en", title_en.clone()),
            ("body_en", body_en.clone()),
            ("video_url", url.to_owned()),
        ]
    };
    let bad = fields("youtube.com/watch?v=1");
    let r = admin.post("/admin/strony/jezyk-migowy", &as_refs(&bad)).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.field_error("video_url").as_deref(), Some("Wpisz pełny adres zaczynający się od https://"));
    assert_eq!(r.input_value("video_url").as_deref(), Some("youtube.com/watch?v=1"));
    let good = fields("https://video.example.org/agora-pjm");
    let r = admin.post("/admin/strony/jezyk-migowy", &as_refs(&good)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let pjm = c.get("/jezyk-migowy").await;
    assert!(
        pjm.body.contains("href=\"https://video.example.org/agora-pjm\"")
            && pjm.text().contains("Obejrzyj film o serwisie w PJM")
    );
    assert!(!pjm.text().contains("Film jest w przygotowaniu"));
    let r = admin.get("/admin/dziennik?obiekt=page").await;
    assert!(r.text().contains("page.video"), "{}", r.text());
    assert_eq!(admin.get("/admin/strony/tekst-latwy-do-czytania").await.status, StatusCode::OK);
}

#[tokio::test]
async fn a_resident_asks_for_an_accessible_version_and_gets_a_receipt_with_the_deadline() {
    let app = TestApp::new().await;
    let mut c = app.client();
    let statement = c.get("/deklaracja-dostepnosci").await;
    assert!(
        statement.text().contains("axe-core") && statement.text().contains("Znane ograniczenia"),
        "the statement says what was tested"
    );
    assert!(statement.body.contains("href=\"/deklaracja-dostepnosci/wniosek\""));

    // The footer's link offers the page the visitor was on.
    let r = c.get("/deklaracja-dostepnosci/wniosek?adres=%2Fkalendarz").await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.input_value("subject").as_deref(), Some("/kalendarz"));
    let r = c.get("/deklaracja-dostepnosci/wniosek?adres=https%3A%2F%2Fevil.example%2F").await;
    assert_eq!(r.input_value("subject").as_deref(), Some(""), "only addresses on this site are offered");

    let before = Utc::now();
    let r = c.post("/deklaracja-dostepnosci/wniosek", &form(&[])).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let receipt_url = r.location().to_owned();
    assert!(receipt_url.starts_with("/deklaracja-dostepnosci/wniosek/") && receipt_url.len() > 60, "{receipt_url}");
    let receipt = c.get(&receipt_url).await;
    assert_eq!(receipt.status, StatusCode::OK);
    let text = receipt.text();
    let due = agora_web::time::day(agora_web::i18n::Lang::Pl, agora_web::time::local_date(before + Duration::days(7)));
    assert!(text.contains("Przyjęliśmy Twój wniosek") && text.contains("Numer wniosku: WD/1."), "{text}");
    assert!(text.contains(&format!("najpóźniej {due}")), "the deadline is seven days on: {text}");
    assert!(
        text.contains("Projekt uchwały — załącznik 1")
            && text.contains("Tekst łatwy do czytania (ETR)")
            && text.contains("Oczekuje na realizację")
    );

    let mail = app.last_mail_to("anna.nowak@example.pl").await;
    assert_eq!(mail.subject, "Wniosek WD/1 o zapewnienie dostępności");
    assert_eq!(link_in(&mail), receipt_url, "the mail links to the receipt");
    assert_eq!(c.get("/deklaracja-dostepnosci/wniosek/nie-ma-takiego").await.status, StatusCode::NOT_FOUND);

    // A phone number is enough, and then no mail goes out.
    let sent = app.mail().await.len();
    let r = c
        .post(
            "/deklaracja-dostepnosci/wniosek",
            &form(&[
                ("contact", "+48 12 616 12 00"),
                ("name", ""),
                ("format", "other"),
                ("details", "Wydruk w alfabecie Braille’a z powiększonymi rysunkami."),
            ]),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(app.mail().await.len(), sent);
    let text = c.get(r.location()).await.text();
    assert!(
        text.contains("WD/2")
            && text.contains("+48 12 616 12 00")
            && text.contains("Inna forma")
            && text.contains("Wydruk w alfabecie"),
        "{text}"
    );

    let en = app.client().with_header("accept-language", "en").get("/deklaracja-dostepnosci/wniosek").await;
    assert!(en.text().contains("Request for accessibility") && en.text().contains("Easy-to-read text (ETR)"));
}

#[tokio::test]
async fn a_bad_request_comes_back_filled_in_with_every_problem_explained() {
    let app = TestApp::new().await;
    let mut c = app.client();
    let r = c.post("/deklaracja-dostepnosci/wniosek", &[("subject", ""), ("contact", "")]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("id=\"error-summary\""));
    assert_eq!(r.field_error("subject").as_deref(), Some("To pole jest wymagane."));
    assert_eq!(r.field_error("format").as_deref(), Some("Wybierz formę, w jakiej potrzebujesz treści."));
    assert_eq!(r.field_error("contact").as_deref(), Some("To pole jest wymagane."));
    // The summary's link for the choice lands on its first radio button.
    assert!(r.body.contains("href=\"#format\"") && r.body.contains("type=\"radio\" id=\"format\""));

    let r = c
        .post(
            "/deklaracja-dostepnosci/wniosek",
            &form(&[("contact", "zadzwońcie 12"), ("format", "other"), ("name", "Jan")]),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        r.field_error("contact").as_deref(),
        Some("Wpisz adres e-mail (nazwa@domena.pl) albo numer telefonu (od 9 do 15 cyfr).")
    );
    assert_eq!(r.field_error("details").as_deref(), Some("Napisz, jakiej formy potrzebujesz."));
    assert_eq!(r.input_value("subject").as_deref(), Some("Projekt uchwały — załącznik 1"));
    assert_eq!(r.input_value("contact").as_deref(), Some("zadzwońcie 12"));
    assert_eq!(r.input_value("name").as_deref(), Some("Jan"));
    assert!(
        r.body.contains("value=\"other\" aria-describedby=\"format-other-hint\" checked"),
        "the chosen format stays chosen"
    );

    let r = c.post("/deklaracja-dostepnosci/wniosek", &form(&[("contact", "anna@"), ("format", "fax")])).await;
    assert_eq!(r.field_error("contact").as_deref(), Some("Wpisz adres e-mail w formacie nazwa@domena.pl."));
    assert_eq!(r.field_error("format").as_deref(), Some("Wybierz formę, w jakiej potrzebujesz treści."));

    let en = app
        .client()
        .with_header("accept-language", "en")
        .post("/deklaracja-dostepnosci/wniosek", &form(&[("contact", "12")]))
        .await;
    assert_eq!(
        en.field_error("contact").as_deref(),
        Some("Enter an e-mail address (name@domain.org) or a phone number (9 to 15 digits).")
    );

    // Like every form, it needs the page's token.
    let r = c.post_raw("/deklaracja-dostepnosci/wniosek", &form(&[])).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert!(
        access_requests::list(app.db(), &access_requests::Visible::All, access_requests::Handled::All, 10, 0)
            .await
            .unwrap()
            .items
            .is_empty()
    );
}

#[tokio::test]
async fn staff_see_requests_by_deadline_with_overdue_ones_marked_and_handle_them() {
    let app = TestApp::new().await;
    let now = Utc::now();
    let ztp = unit(&app, "ZTP").await;
    let other = unit(&app, "SZ").await;
    stored(&app, ztp, "Przebudowa ul. Podzamcze", Status::Open, -1, vec![]).await;
    let fresh = request(&app, "Sprawozdanie roczne", now - Duration::hours(1), None).await;
    let overdue = request(&app, "Regulamin konsultacji", now - Duration::days(10), None).await;
    let soon = request(&app, "Mapa dzielnic", now - Duration::days(5), None).await;

    // A request about a consultation reaches that consultation's organisers.
    let mut resident = app.client();
    let r = resident
        .post(
            "/deklaracja-dostepnosci/wniosek",
            &form(&[("subject", "http://agora.test/konsultacje/przebudowa-ul-podzamcze"), ("format", "sign_language")]),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let about_ztp = fresh + 3;

    assert_eq!(app.client().get("/admin/wnioski-dostepnosci").await.status, StatusCode::SEE_OTHER);
    let mut nobody = app.signed_in("mieszkaniec@example.pl", &[]).await;
    assert_eq!(nobody.get("/admin/wnioski-dostepnosci").await.status, StatusCode::FORBIDDEN);
    assert_eq!(nobody.get(&format!("/admin/wnioski-dostepnosci/{fresh}")).await.status, StatusCode::FORBIDDEN);

    let mut admin = app.signed_in("admin@example.pl", &[Grant::Administrator]).await;
    let list = admin.get("/admin/wnioski-dostepnosci").await;
    assert_eq!(list.status, StatusCode::OK);
    let text = list.text();
    assert!(text.contains("4 wnioski czekają na realizację.") && text.contains("Po terminie: 1"), "{text}");
    // Nearest deadline first: the overdue one, then the one due in two days, then the new ones.
    let at = |s: &str| text.find(s).unwrap_or_else(|| panic!("{s} not in {text}"));
    assert!(
        at("Regulamin konsultacji") < at("Mapa dzielnic") && at("Mapa dzielnic") < at("Sprawozdanie roczne"),
        "{text}"
    );
    assert!(
        text.contains("3 dni po terminie") && text.contains("Zostały 2 dni") && text.contains("Zostało 7 dni"),
        "{text}"
    );
    assert!(list.body.contains("<tr class=\"overdue\">"), "the overdue row is highlighted");
    assert!(
        admin.get("/admin").await.text().contains("Wnioski o zapewnienie dostępności (oczekujące: 4, po terminie: 1)")
    );

    // Organisers see only their unit's requests.
    let mut org = app.signed_in("org@example.pl", &[Grant::Organiser(ztp)]).await;
    let text = org.get("/admin/wnioski-dostepnosci").await.text();
    assert!(
        text.contains("1 wniosek czeka na realizację.")
            && text.contains("Przebudowa ul. Podzamcze")
            && !text.contains("Regulamin konsultacji"),
        "{text}"
    );
    assert_eq!(org.get(&format!("/admin/wnioski-dostepnosci/{overdue}")).await.status, StatusCode::FORBIDDEN);
    assert_eq!(org.get(&format!("/admin/wnioski-dostepnosci/{about_ztp}")).await.status, StatusCode::OK);
    let mut stranger = app.signed_in("sz@example.pl", &[Grant::Organiser(other)]).await;
    assert!(stranger.get("/admin/wnioski-dostepnosci").await.text().contains("Nie ma wniosków w tym widoku."));

    // Handling needs a note, kept when missing.
    let url = format!("/admin/wnioski-dostepnosci/{overdue}");
    let r = admin.post(&url, &[("note", " ")]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.field_error("note").as_deref(), Some("To pole jest wymagane."));
    let r = admin.post(&url, &[("note", "Wysłano plik DOCX e-mailem; opóźnienie z powodu urlopu.")]).await;
    assert_eq!((r.status, r.location()), (StatusCode::SEE_OTHER, "/admin/wnioski-dostepnosci?ok=flash-access-handled"));
    let text = admin.get("/admin/wnioski-dostepnosci?ok=flash-access-handled").await.text();
    assert!(
        text.contains("Wniosek oznaczono jako załatwiony.")
            && text.contains("3 wnioski czekają")
            && !text.contains("Regulamin konsultacji"),
        "{text}"
    );
    let text = admin.get("/admin/wnioski-dostepnosci?stan=zalatwione").await.text();
    assert!(
        text.contains("Regulamin konsultacji") && text.contains("Załatwiony") && !text.contains("po terminie"),
        "{text}"
    );
    let detail = admin.get(&url).await.text();
    assert!(detail.contains("Wysłano plik DOCX") && detail.contains("Test User"), "{detail}");
    let audit = admin.get("/admin/dziennik?obiekt=access_request").await.text();
    assert!(
        audit.contains("access_request.handle") && audit.contains(&format!("WD/{overdue} Regulamin konsultacji")),
        "{audit}"
    );
    assert_eq!(org.post(&url, &[("note", "Przejęte")]).await.status, StatusCode::FORBIDDEN);
    let _ = soon;
}

#[tokio::test]
async fn a_failed_answer_to_one_remark_comes_back_on_that_remark_where_the_summary_links() {
    let app = TestApp::new().await;
    let ztp = unit(&app, "ZTP").await;
    let id = stored(&app, ztp, "Rozkład jazdy", Status::Open, -1, vec![]).await;
    let mut resident = app.client();
    let url = "/konsultacje/rozklad-jazdy/uwagi/nowa";
    for (key, text) in [("a", "Więcej kursów linii 52 wieczorem."), ("b", "Nocny autobus do Bieżanowa.")] {
        let fields = [
            ("form_key", key.repeat(64)),
            ("rows", "1".into()),
            ("r0_proposed_change", text.into()),
            ("kind", "person".into()),
            ("name", "Jan Kowalski".into()),
            ("email", "jan.kowalski@example.pl".into()),
        ];
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let r = resident.post_multipart(url, &fields, "attachment", "", b"").await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    }
    let rows = agora_db::remarks::list(app.db(), id, &Default::default(), 10, 0).await.unwrap().items;
    let second = rows.iter().find(|r| r.proposed_change.starts_with("Nocny")).unwrap().id.to_string();

    let mut org = app.signed_in("org@example.pl", &[Grant::Organiser(ztp)]).await;
    let screen = org.get(&format!("/admin/konsultacje/{id}/uwagi?bez_odpowiedzi=1")).await;
    assert!(screen.body.contains("name=\"single\" value=\"1\""));
    let r = org
        .post(
            &format!("/admin/konsultacje/{id}/uwagi/odpowiedz"),
            &[
                ("ids", &second),
                ("single", "1"),
                ("back", "bez_odpowiedzi=1&"),
                ("decision", "rejected"),
                ("answer", ""),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("<a href=\"#answer\">"), "the summary links to the answer field");
    // The field with that id, its error and the chosen decision are on the failed remark's own form.
    let form_start =
        r.body.find(&format!("<input type=\"hidden\" name=\"ids\" value=\"{second}\">")).expect("the remark's form");
    let form = &r.body[form_start..form_start + r.body[form_start..].find("</form>").unwrap()];
    assert!(
        form.contains("id=\"answer\"")
            && form.contains("aria-invalid=\"true\"")
            && form.contains("id=\"answer-error\""),
        "{form}"
    );
    assert!(form.contains("<option value=\"rejected\" selected>"), "{form}");
    assert_eq!(r.body.matches("id=\"answer\"").count(), 1, "one field with the id");
    assert!(r.body.contains("id=\"bulk-answer\""), "the bulk form steps aside");
    assert!(r.text().contains("1 uwaga") || r.text().contains("2 uwagi"), "the filtered list came back");
}

/// Handling a request tells the person who asked by mail, in the language they asked in, once,
/// without the staff's note; a request with a phone number is handled without mail.
#[tokio::test]
async fn the_person_who_asked_hears_once_that_the_request_was_handled() {
    let app = TestApp::new().await;
    let mut admin = app.signed_in("admin@example.pl", &[Grant::Administrator]).await;
    let (_, token_hash) = agora_db::new_token();
    let received = Utc::now() - Duration::days(2);
    let asked = access_requests::create(
        app.db(),
        &NewAccessRequest {
            token_hash,
            subject: "Consultation rules as plain text".into(),
            format: agora_domain::access_request::Format::AccessibleDocument,
            details: None,
            contact: "reader@example.org".into(),
            name: None,
            lang: "en".into(),
            user_id: None,
            consultation_id: None,
            unit_id: None,
            received_at: received,
            due_at: agora_domain::access_request::due(received),
        },
    )
    .await
    .unwrap();
    let by_phone = request(&app, "Mapa obszaru", received, None).await;
    let before = app.mail().await.len();
    let url = format!("/admin/wnioski-dostepnosci/{asked}");
    let r = admin.post(&url, &[("note", "Wysłano plik TXT e-mailem.")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let r = admin.post(&url, &[("note", "Wysłano plik TXT e-mailem; potwierdzone telefonicznie.")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let r =
        admin.post(&format!("/admin/wnioski-dostepnosci/{by_phone}"), &[("note", "Przekazano telefonicznie.")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let mail: Vec<_> = app.mail().await.into_iter().skip(before).collect();
    assert_eq!(mail.len(), 1, "one message, to the address only: {mail:#?}");
    assert_eq!(mail[0].to, "reader@example.org");
    assert_eq!(mail[0].subject, format!("Accessibility request WD/{asked} handled"));
    assert!(mail[0].body.contains("About: Consultation rules as plain text"), "{}", mail[0].body);
    assert!(!mail[0].body.contains("TXT"), "the staff's note stays with the staff: {}", mail[0].body);
    assert!(mail[0].unsubscribe.is_none(), "an answer to the person's own request");
}
