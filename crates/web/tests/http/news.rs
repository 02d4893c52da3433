//! News: who may write about what, drafts and scheduled posts that nobody else sees before
//! their time, the lead image and its required description, attachments, and the lists, pages
//! and feeds a published post reaches.

use crate::consultations::entry;
use crate::harness::{Client, TestApp};
use agora_db::reference;
use agora_domain::permission::Grant;
use agora_domain::reference::DistrictInput;
use axum::http::StatusCode;

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR tiny";

pub(crate) async fn district(app: &TestApp, number: &str, name: &str) -> i64 {
    reference::save_district(app.db(), None, &DistrictInput::parse(number, name).unwrap(), &entry()).await.unwrap()
}

/// Sends the news form as the page does, with no image unless one is given.
async fn send(
    c: &mut Client,
    path: &str,
    fields: &[(&str, &str)],
    image: Option<(&str, &[u8])>,
) -> crate::harness::Resp {
    let (name, bytes) = image.unwrap_or(("", b""));
    c.post_multipart(path, fields, "news_image", name, bytes).await
}

fn post<'a>(title: &'a str, district: &'a str, publish: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("news_title", title),
        ("news_lead", "Rada dzielnicy zaprasza mieszkańców na spotkanie."),
        ("news_body", "Spotkanie w **siedzibie rady**, wstęp wolny."),
        ("news_district", district),
        ("publish", publish),
    ]
}

/// The id in the address a save redirects to.
fn saved_id(r: &crate::harness::Resp) -> i64 {
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    r.location().trim_start_matches("/admin/aktualnosci/").split('?').next().unwrap().parse().unwrap()
}

#[tokio::test]
async fn a_district_editor_writes_for_their_district_only_and_a_draft_stays_unseen() {
    let app = TestApp::new().await;
    let podgorze = district(&app, "13", "Podgórze").await;
    let huta = district(&app, "18", "Nowa Huta").await;
    let mut editor = app.signed_in("rada13@example.org", &[Grant::DistrictEditor(podgorze)]).await;
    let (p, h) = (podgorze.to_string(), huta.to_string());

    // Another district: refused beside the field, the text kept, nothing stored.
    let r = send(&mut editor, "/admin/aktualnosci/nowa", &post("Festyn w Nowej Hucie", &h, "now"), None).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.field_error("news_district").unwrap().contains("Nie możesz pisać w imieniu tej dzielnicy"));
    assert_eq!(r.input_value("news_title").as_deref(), Some("Festyn w Nowej Hucie"));
    assert!(!r.body.contains(&format!("<option value=\"{h}\"")), "only the editor's district is offered");
    assert_eq!(agora_db::news::for_editor(app.db(), None, 10, 0).await.unwrap().total, 0);

    // A draft: the editor sees it, nobody else does, anywhere.
    let r = send(&mut editor, "/admin/aktualnosci/nowa", &post("Dyżur rady w Podgórzu", &p, "draft"), None).await;
    let id = saved_id(&r);
    let page = editor.get(&format!("/admin/aktualnosci/{id}?ok=flash-news-draft")).await;
    assert!(page.body.contains("Zapisano szkic"));
    let link = page.body.split("href=\"/aktualnosci/").nth(1).unwrap().split('"').next().unwrap().to_owned();
    let address = format!("/aktualnosci/{link}");
    let own = editor.get(&address).await;
    assert_eq!(own.status, StatusCode::OK);
    assert!(own.body.contains("Ta wiadomość nie jest jeszcze publiczna."));
    let mut anon = app.client();
    assert_eq!(anon.get(&address).await.status, StatusCode::NOT_FOUND);
    for page in ["/aktualnosci", "/", &format!("/dzielnice/{podgorze}"), "/aktualnosci.atom"] {
        assert!(!anon.get(page).await.body.contains("Dyżur rady w Podgórzu"), "{page}");
    }

    // Published: on the list, the home page, the district's page and its feed.
    let mut fields = post("Dyżur rady w Podgórzu", &p, "now");
    fields.push(("news_body_en", "The council's duty hours."));
    let r = send(&mut editor, &format!("/admin/aktualnosci/{id}"), &fields, None).await;
    assert_eq!(saved_id(&r), id);
    let list = anon.get("/aktualnosci").await;
    assert!(list.body.contains(&format!("<a href=\"{address}\">Dyżur rady w Podgórzu</a>")));
    assert!(list.body.contains("1 wiadomość"));
    assert!(anon.get("/").await.body.contains("Dyżur rady w Podgórzu"));
    let district_page = anon.get(&format!("/dzielnice/{podgorze}")).await;
    assert!(district_page.body.contains("Dyżur rady w Podgórzu"));
    let feed = anon.get(&format!("/aktualnosci.atom?dzielnica={podgorze}")).await;
    assert!(feed.body.contains("<title type=\"text\">Dyżur rady w Podgórzu</title>"));
    assert!(
        feed.body.contains(&format!("<link rel=\"alternate\" type=\"text/html\" href=\"http://agora.test{address}\""))
    );
    assert!(!anon.get(&format!("/aktualnosci.atom?dzielnica={huta}")).await.body.contains("Dyżur rady"));
    assert!(!anon.get(&format!("/aktualnosci?dzielnica={huta}")).await.body.contains("Dyżur rady"));
    // A year past the calendar's end is ignored, as the catalogue ignores it, and is no error.
    assert_eq!(anon.get("/aktualnosci?rok=2147483647").await.status, StatusCode::OK);
    let page = anon.get(&address).await;
    assert!(page.body.contains("<strong>siedzibie rady</strong>"));
    assert!(!page.body.contains("Edytuj wiadomość"));

    // Nowa Huta's editor cannot open or change Podgórze's post.
    let mut other = app.signed_in("rada18@example.org", &[Grant::DistrictEditor(huta)]).await;
    assert_eq!(other.get(&format!("/admin/aktualnosci/{id}")).await.status, StatusCode::FORBIDDEN);
    let r = send(&mut other, &format!("/admin/aktualnosci/{id}"), &post("Przejęte", &h, "now"), None).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert!(!other.get("/admin/aktualnosci").await.body.contains("Dyżur rady"));
    // Someone who writes no news at all.
    let mut resident = app.signed_in("jan@example.org", &[]).await;
    assert_eq!(resident.get("/admin/aktualnosci/nowa").await.status, StatusCode::FORBIDDEN);
    assert!(anon.get(&address).await.body.contains("Dyżur rady w Podgórzu"), "unchanged");
}

#[tokio::test]
async fn a_scheduled_post_appears_nowhere_before_its_time_and_everywhere_right_after() {
    let app = TestApp::new().await;
    tokio::spawn(agora_web::news_clock::run(app.state.clone()));
    let mut centre = app.signed_in("centrum@example.org", &[Grant::CentreEditor]).await;

    // A time in the past is refused.
    let mut fields = post("Konferencja o budżecie obywatelskim", "", "schedule");
    fields.push(("news_publish_at", "2020-05-01T10:00"));
    let r = send(&mut centre, "/admin/aktualnosci/nowa", &fields, None).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.field_error("news_publish_at").unwrap().contains("Czas publikacji już minął"));
    assert_eq!(r.input_value("news_publish_at").as_deref(), Some("2020-05-01T10:00"));

    // Two seconds ahead (the form takes minutes, so the time is set through the database).
    let r =
        send(&mut centre, "/admin/aktualnosci/nowa", &post("Konferencja o budżecie obywatelskim", "", "draft"), None)
            .await;
    let id = saved_id(&r);
    let at = chrono::Utc::now() + chrono::Duration::seconds(2);
    let stored = agora_db::news::get(app.db(), id).await.unwrap().unwrap();
    let input = agora_domain::news::NewsInput {
        title: stored.row.title.clone(),
        title_en: None,
        lead: stored.row.lead.clone(),
        lead_en: None,
        body: stored.body.clone(),
        body_en: None,
        subject: Default::default(),
        image_alt: None,
        image_alt_en: None,
        publish_at: Some(at),
    };
    agora_db::news::update(app.db(), id, &input, &[], &agora_db::news::ImageChange::Keep, &entry()).await.unwrap();
    app.state.news_saved.notify_one();
    app.state.pages.changed_everything();

    let mut anon = app.client();
    let address = format!("/aktualnosci/{}", stored.row.slug);
    // Read (and so kept in memory) before the time.
    for page in ["/aktualnosci", "/", "/aktualnosci.atom"] {
        assert!(!anon.get(page).await.body.contains("Konferencja o budżecie"), "{page} before its time");
    }
    assert_eq!(anon.get(&address).await.status, StatusCode::NOT_FOUND);
    assert!(!anon.get("/aktualnosci?q=konferencja").await.body.contains("Konferencja o budżecie"));
    let scheduled = centre.get("/admin/aktualnosci").await;
    assert!(scheduled.body.contains("Zaplanowana"));

    let wait = (at - chrono::Utc::now()).to_std().unwrap_or_default() + std::time::Duration::from_millis(900);
    tokio::time::sleep(wait).await;
    for page in ["/aktualnosci", "/", "/aktualnosci.atom", "/aktualnosci?q=konferencja"] {
        assert!(anon.get(page).await.body.contains("Konferencja o budżecie"), "{page} within a second of its time");
    }
    assert_eq!(anon.get(&address).await.status, StatusCode::OK);
}

#[tokio::test]
async fn a_lead_image_needs_its_description_and_must_be_a_picture() {
    let app = TestApp::new().await;
    let podgorze = district(&app, "13", "Podgórze").await;
    let p = podgorze.to_string();
    let mut editor = app.signed_in("rada13@example.org", &[Grant::DistrictEditor(podgorze)]).await;
    let path = "/admin/aktualnosci/nowa";

    let r = send(&mut editor, path, &post("Nowy plac zabaw", &p, "now"), Some(("plac.png", PNG))).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.field_error("news_image_alt").unwrap().contains("Opisz zdjęcie"));
    assert!(r.field_error("news_image").unwrap().contains("Wybierz zdjęcie ponownie"));
    assert!(r.body.contains("<a href=\"#news_image_alt\">Opis zdjęcia: Opisz zdjęcie"));
    assert_eq!(r.input_value("news_title").as_deref(), Some("Nowy plac zabaw"));

    let r = send(&mut editor, path, &post("Nowy plac zabaw", &p, "now"), Some(("plac.png", b"%PDF-1.4 not a picture")))
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.field_error("news_image").unwrap().contains("PNG, JPG albo WebP"));
    let big = vec![0u8; agora_domain::news::IMAGE_MAX_BYTES + 1];
    let r = send(&mut editor, path, &post("Nowy plac zabaw", &p, "now"), Some(("duze.png", &big))).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.field_error("news_image").unwrap().contains("za duży"));
    assert_eq!(agora_db::news::for_editor(app.db(), None, 10, 0).await.unwrap().total, 0, "nothing stored");

    let mut fields = post("Nowy plac zabaw", &p, "now");
    fields.push(("news_image_alt", "Dzieci na nowej zjeżdżalni"));
    let id = saved_id(&send(&mut editor, path, &fields, Some(("plac.png", PNG))).await);
    let stored = agora_db::news::get(app.db(), id).await.unwrap().unwrap();
    let mut anon = app.client();
    let list = anon.get("/aktualnosci").await;
    let img = format!("<img src=\"/aktualnosci/{}/obraz\" alt=\"Dzieci na nowej zjeżdżalni\"", stored.row.slug);
    assert!(list.body.contains(&img), "{}", list.body);
    let (status, ct, bytes) = anon.get_bytes(&format!("/aktualnosci/{}/obraz", stored.row.slug)).await;
    assert_eq!((status, ct.as_str(), bytes.as_slice()), (StatusCode::OK, "image/png", PNG));

    // Removing the image removes its description too.
    let mut fields = post("Nowy plac zabaw", &p, "now");
    fields.push(("news_image_remove", "1"));
    saved_id(&send(&mut editor, &format!("/admin/aktualnosci/{id}"), &fields, None).await);
    assert!(!anon.get("/aktualnosci").await.body.contains("/obraz"));
    let (status, _, _) = anon.get_bytes(&format!("/aktualnosci/{}/obraz", stored.row.slug)).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn attachments_are_listed_downloaded_and_removed() {
    let app = TestApp::new().await;
    let mut centre = app.signed_in("centrum@example.org", &[Grant::CentreEditor]).await;
    let id = saved_id(
        &send(&mut centre, "/admin/aktualnosci/nowa", &post("Raport z badania partycypacji", "", "now"), None).await,
    );
    let files = format!("/admin/aktualnosci/{id}/pliki");
    let r = centre.post_multipart(&files, &[("news_file_title", "")], "news_file", "x.exe", b"MZ\x90\0").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.field_error("news_file_title").is_some());
    assert!(r.field_error("news_file").unwrap().contains("Ten typ pliku nie jest dozwolony"));

    let pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF";
    let r = centre.post_multipart(&files, &[("news_file_title", "Pełny raport")], "news_file", "raport.pdf", pdf).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let stored = agora_db::news::get(app.db(), id).await.unwrap().unwrap();
    let file = &stored.files[0];
    let mut anon = app.client();
    let page = anon.get(&format!("/aktualnosci/{}", stored.row.slug)).await;
    let href = format!("/aktualnosci/{}/pliki/{}", stored.row.slug, file.id);
    assert!(page.body.contains(&format!("<a href=\"{href}\">Pełny raport</a>")));
    let (status, ct, bytes) = anon.get_bytes(&href).await;
    assert_eq!((status, ct.as_str(), bytes.as_slice()), (StatusCode::OK, "application/pdf", pdf.as_slice()));

    let r = centre.post(&format!("/admin/aktualnosci/{id}/pliki/{}/usun", file.id), &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(!anon.get(&format!("/aktualnosci/{}", stored.row.slug)).await.body.contains("Pełny raport"));
    assert_eq!(anon.get_bytes(&href).await.0, StatusCode::NOT_FOUND);
}
