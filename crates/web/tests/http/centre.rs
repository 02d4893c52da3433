//! The Centre's own content: pages in its menu (drafts and deleted pages gone from it), the
//! publications library with its filters by year and kind and its documents, galleries whose
//! every photo has its alternative text, and the editors' screens closed to everyone else.

use crate::harness::TestApp;
use agora_domain::permission::Grant;
use axum::http::StatusCode;

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR tiny";
const PDF: &[u8] = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF";

/// The id in the address a save redirects to, under `prefix`.
fn saved_id(r: &crate::harness::Resp, prefix: &str) -> i64 {
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    r.location().trim_start_matches(prefix).split('?').next().unwrap().parse().unwrap()
}

fn page<'a>(title: &'a str, kind: &'a str, position: &'a str, published: bool) -> Vec<(&'a str, &'a str)> {
    let mut f = vec![
        ("centre_title", title),
        ("centre_kind", kind),
        ("centre_position", position),
        ("centre_body", "Projekt uchwały zaczyna się od **tytułu** i podstawy prawnej."),
    ];
    if published {
        f.push(("centre_published", "1"));
    }
    f
}

#[tokio::test]
async fn pages_are_listed_in_menu_order_and_a_draft_or_deleted_page_is_gone() {
    let app = TestApp::new().await;
    let mut editor = app.signed_in("centrum@example.org", &[Grant::CentreEditor]).await;
    let mut anon = app.client();
    // Read before any edit, so kept in memory: every edit below must make it stale.
    assert!(anon.get("/centrum").await.body.contains("nie opublikowało jeszcze żadnej strony"));
    assert!(anon.get("/").await.body.contains("<a href=\"/centrum\">Centrum Dialogu</a>"), "linked from the footer");

    // Bad input: named beside the field and in the summary, the text kept, nothing stored.
    let r = editor.post("/admin/centrum/nowa", &page("Jak napisać projekt uchwały", "blog", "x", true)).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.field_error("centre_kind").unwrap().contains("Wybierz jedną z dostępnych opcji"));
    assert!(r.body.contains("<a href=\"#centre_position\">Miejsce w menu:"));
    assert_eq!(r.input_value("centre_title").as_deref(), Some("Jak napisać projekt uchwały"));
    assert!(agora_db::centre::menu(app.db(), true).await.unwrap().is_empty());

    let guide = saved_id(
        &editor.post("/admin/centrum/nowa", &page("Jak napisać projekt uchwały", "guide", "20", true)).await,
        "/admin/centrum/",
    );
    saved_id(
        &editor.post("/admin/centrum/nowa", &page("O Centrum Dialogu", "about", "1", true)).await,
        "/admin/centrum/",
    );
    let draft = saved_id(
        &editor.post("/admin/centrum/nowa", &page("Kontakt w budowie", "contact", "5", false)).await,
        "/admin/centrum/",
    );

    let menu = anon.get("/centrum").await;
    let about = menu.body.find("<a href=\"/centrum/o-centrum-dialogu\">O Centrum Dialogu</a>").unwrap();
    let howto =
        menu.body.find("<a href=\"/centrum/jak-napisac-projekt-uchwaly\">Jak napisać projekt uchwały</a>").unwrap();
    assert!(about < howto, "ordered by their place in the menu");
    assert!(!menu.body.contains("Kontakt w budowie"));
    let shown = anon.get("/centrum/jak-napisac-projekt-uchwaly").await;
    assert!(shown.body.contains("<strong>tytułu</strong>"));
    assert!(!shown.body.contains("Edytuj stronę"));
    assert_eq!(anon.get("/centrum/kontakt-w-budowie").await.status, StatusCode::NOT_FOUND);
    // The editor sees the draft, marked as such.
    let own = editor.get("/centrum/kontakt-w-budowie").await;
    assert!(own.body.contains("Ta strona nie jest jeszcze publiczna"));

    // Published later: in the menu at once.
    let r = editor.post(&format!("/admin/centrum/{draft}"), &page("Kontakt", "contact", "5", true)).await;
    assert_eq!(saved_id(&r, "/admin/centrum/"), draft);
    assert!(anon.get("/centrum").await.body.contains("<a href=\"/centrum/kontakt-w-budowie\">Kontakt</a>"));

    // Deleted, after a confirmation: gone from the menu and its address.
    let confirm = editor.get(&format!("/admin/centrum/{guide}/usun")).await;
    assert!(confirm.body.contains("Czy na pewno usunąć „Jak napisać projekt uchwały”?"));
    let r = editor.post(&format!("/admin/centrum/{guide}/usun"), &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(!anon.get("/centrum").await.body.contains("Jak napisać projekt uchwały"));
    assert_eq!(anon.get("/centrum/jak-napisac-projekt-uchwaly").await.status, StatusCode::NOT_FOUND);
    let audit = agora_db::audit::list(app.db(), &Default::default(), 50, 0).await.unwrap();
    assert!(audit.items.iter().any(|e| e.action == "centre.page.delete"));
}

#[tokio::test]
async fn only_the_centres_editors_manage_its_content() {
    let app = TestApp::new().await;
    let mut district = app.signed_in("moderator@example.org", &[Grant::Moderator]).await;
    for path in ["/admin/centrum", "/admin/centrum/nowa", "/admin/publikacje", "/admin/galerie/nowa"] {
        assert_eq!(district.get(path).await.status, StatusCode::FORBIDDEN, "{path}");
    }
    let r = district.post("/admin/centrum/nowa", &page("Przejęta strona", "about", "1", true)).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let mut anon = app.client();
    let r = anon.get("/admin/centrum").await;
    assert!(r.status.is_redirection(), "asked to sign in");
    assert!(agora_db::centre::menu(app.db(), true).await.unwrap().is_empty());
    let mut admin = app.signed_in("admin@example.org", &[Grant::Administrator]).await;
    assert_eq!(admin.get("/admin/centrum").await.status, StatusCode::OK);
}

#[tokio::test]
async fn the_library_filters_by_year_and_kind_and_serves_its_documents() {
    let app = TestApp::new().await;
    let mut editor = app.signed_in("centrum@example.org", &[Grant::CentreEditor]).await;
    let mut anon = app.client();
    assert!(anon.get("/publikacje").await.body.contains("0 publikacji"));
    let publication = |title: &'static str, kind: &'static str, year: &'static str| {
        vec![
            ("pub_title", title),
            ("pub_kind", kind),
            ("pub_year", year),
            ("pub_summary", "Wnioski i rekomendacje z konsultacji prowadzonych w Krakowie."),
        ]
    };
    let r = editor.post("/admin/publikacje/nowa", &publication("Raport z przyszłości", "research", "2999")).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.field_error("pub_year").unwrap().contains("Nie może być późniejszy niż bieżący"));
    assert_eq!(r.input_value("pub_title").as_deref(), Some("Raport z przyszłości"));

    let evaluation = saved_id(
        &editor.post("/admin/publikacje/nowa", &publication("Ewaluacja konsultacji 2025", "evaluation", "2025")).await,
        "/admin/publikacje/",
    );
    saved_id(
        &editor.post("/admin/publikacje/nowa", &publication("Badanie partycypacji 2024", "research", "2024")).await,
        "/admin/publikacje/",
    );

    // A document: checked by its content, refused beside its field when it is no document.
    let files = format!("/admin/publikacje/{evaluation}/pliki");
    let r = editor.post_multipart(&files, &[("pub_file_title", "Raport")], "pub_file", "raport.pdf", b"MZ\x90\0").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.field_error("pub_file").unwrap().contains("Ten typ pliku nie jest dozwolony"));
    assert_eq!(r.input_value("pub_file_title").as_deref(), Some("Raport"));
    let r = editor.post_multipart(&files, &[("pub_file_title", "Pełny raport")], "pub_file", "raport.pdf", PDF).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);

    let all = anon.get("/publikacje").await;
    assert!(all.body.contains("2 publikacje"));
    assert!(all.body.find("Ewaluacja konsultacji 2025").unwrap() < all.body.find("Badanie partycypacji 2024").unwrap());
    let y2024 = anon.get("/publikacje?rok=2024").await;
    assert!(y2024.body.contains("Badanie partycypacji 2024") && !y2024.body.contains("Ewaluacja konsultacji 2025"));
    let evaluations = anon.get("/publikacje?rodzaj=evaluation").await;
    assert!(
        evaluations.body.contains("Ewaluacja konsultacji 2025") && !evaluations.body.contains("Badanie partycypacji")
    );
    assert!(anon.get("/publikacje?rok=2025&rodzaj=research").await.body.contains("0 publikacji"));
    // Nonsense filters are ignored, never an error.
    assert_eq!(anon.get("/publikacje?rok=abc&rodzaj=x&strona=-4").await.status, StatusCode::OK);

    let stored = agora_db::centre::publication(app.db(), evaluation).await.unwrap().unwrap();
    let href = format!("/publikacje/{evaluation}/pliki/{}", stored.files[0].id);
    assert!(all.body.contains(&format!("<a href=\"{href}\">Pełny raport</a>")));
    let (status, ct, bytes) = anon.get_bytes(&href).await;
    assert_eq!((status, ct.as_str(), bytes.as_slice()), (StatusCode::OK, "application/pdf", PDF));
    assert_eq!(anon.get_bytes(&format!("/publikacje/{evaluation}/pliki/999")).await.0, StatusCode::NOT_FOUND);

    // Deleting the publication takes its documents with it.
    assert_eq!(editor.post(&format!("/admin/publikacje/{evaluation}/usun"), &[]).await.status, StatusCode::SEE_OTHER);
    assert!(!anon.get("/publikacje").await.body.contains("Ewaluacja konsultacji 2025"));
    assert_eq!(anon.get_bytes(&href).await.0, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn every_photo_of_a_gallery_has_its_alternative_text() {
    let app = TestApp::new().await;
    let mut editor = app.signed_in("centrum@example.org", &[Grant::CentreEditor]).await;
    let mut anon = app.client();
    assert!(anon.get("/galerie").await.body.contains("Nie ma jeszcze żadnej galerii"));

    let r = editor
        .post("/admin/galerie/nowa", &[("gallery_title", "Forum Dialogu 2025"), ("gallery_date", "20.11.2025")])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.field_error("gallery_date").is_some());
    assert_eq!(r.input_value("gallery_title").as_deref(), Some("Forum Dialogu 2025"));
    let id = saved_id(
        &editor
            .post(
                "/admin/galerie/nowa",
                &[
                    ("gallery_title", "Forum Dialogu 2025"),
                    ("gallery_date", "2025-11-20"),
                    ("gallery_description", "Spotkanie ciał dialogu."),
                ],
            )
            .await,
        "/admin/galerie/",
    );
    let photos = format!("/admin/galerie/{id}/zdjecia");

    // No alternative text: refused with the message beside the field, the caption kept.
    let r = editor
        .post_multipart(&photos, &[("photo_alt", " "), ("photo_caption", "Sala obrad")], "photo", "a.png", PNG)
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.field_error("photo_alt").unwrap().contains("Opisz zdjęcie"));
    assert!(r.body.contains("<a href=\"#photo_alt\">Opis zdjęcia: Opisz zdjęcie"));
    assert!(r.field_error("photo").unwrap().contains("Wybierz zdjęcie ponownie"));
    assert_eq!(r.input_value("photo_caption").as_deref(), Some("Sala obrad"));
    // Not a picture, or too big.
    let alt = [("photo_alt", "Uczestnicy forum przy stołach")];
    let r = editor.post_multipart(&photos, &alt, "photo", "a.png", PDF).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.field_error("photo").unwrap().contains("PNG, JPG albo WebP"));
    assert_eq!(r.input_value("photo_alt").as_deref(), Some("Uczestnicy forum przy stołach"));
    let big = vec![0u8; agora_domain::centre::PHOTO_MAX_BYTES + 1];
    let r = editor.post_multipart(&photos, &alt, "photo", "duze.png", &big).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.field_error("photo").unwrap().contains("za duży"));
    // No file at all.
    let r = editor.post_multipart(&photos, &alt, "photo", "", b"").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.field_error("photo").is_some());
    assert!(agora_db::centre::gallery(app.db(), id).await.unwrap().unwrap().photos.is_empty(), "nothing stored");

    let r = editor.post_multipart(&photos, &alt, "photo", "a.png", PNG).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let g = agora_db::centre::gallery(app.db(), id).await.unwrap().unwrap();
    let src = format!("/galerie/forum-dialogu-2025/zdjecia/{}", g.photos[0].id);
    let list = anon.get("/galerie").await;
    assert!(list.body.contains(&format!("<img src=\"{src}\" alt=\"Uczestnicy forum przy stołach\"")));
    assert!(list.body.contains("1 zdjęcie"));
    let page = anon.get("/galerie/forum-dialogu-2025").await;
    assert!(page.body.contains(&format!("<img src=\"{src}\" alt=\"Uczestnicy forum przy stołach\"")));
    let (status, ct, bytes) = anon.get_bytes(&src).await;
    assert_eq!((status, ct.as_str(), bytes.as_slice()), (StatusCode::OK, "image/png", PNG));

    // Removed: gone from the page and its address.
    let r = editor.post(&format!("/admin/galerie/{id}/zdjecia/{}/usun", g.photos[0].id), &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(!anon.get("/galerie/forum-dialogu-2025").await.body.contains(&src));
    assert_eq!(anon.get_bytes(&src).await.0, StatusCode::NOT_FOUND);
}
