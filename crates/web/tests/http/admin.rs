//! The staff area: permission checks, reference data, roles and the audit log.

use crate::harness::TestApp;
use agora_db::reference;
use agora_domain::permission::Grant;
use agora_domain::reference::UnitInput;
use axum::http::StatusCode;

async fn unit(app: &TestApp, code: &str, name: &str) -> i64 {
    let entry = agora_db::audit::AuditEntry {
        actor_id: None,
        actor_label: "test".into(),
        action: "unit.create",
        entity: "unit",
        details: String::new(),
    };
    reference::save_unit(app.db(), None, &UnitInput::parse(code, name, "", "").unwrap(), &entry).await.unwrap()
}

#[tokio::test]
async fn staff_pages_need_sign_in_and_the_right_role() {
    let app = TestApp::new().await;
    let r = app.client().get("/admin/jednostki").await;
    assert_eq!((r.status, r.location()), (StatusCode::SEE_OTHER, "/konto/logowanie?next=%2Fadmin%2Fjednostki"));

    let mut resident = app.signed_in("mieszkanka@example.pl", &[]).await;
    for path in ["/admin", "/admin/jednostki", "/admin/role", "/admin/dziennik", "/admin/dziennik.csv"] {
        let r = resident.get(path).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{path}");
        assert!(r.text().contains("Brak dostępu"));
    }
    let r = resident.post("/admin/jednostki", &[("code", "X"), ("name_pl", "Nowa")]).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert!(!resident.get("/").await.text().contains("Panel pracownika"));
}

#[tokio::test]
async fn an_organiser_edits_their_own_unit_only() {
    let app = TestApp::new().await;
    let a = unit(&app, "ZTP", "Zarząd Transportu Publicznego").await;
    let b = unit(&app, "SZ", "Wydział Polityki Społecznej i Zdrowia").await;
    let mut org = app.signed_in("org@example.pl", &[Grant::Organiser(a)]).await;

    let r = org.get("/admin").await;
    assert!(r.text().contains("ZTP — Zarząd Transportu Publicznego"));
    assert!(!r.text().contains("Dziennik zmian"));
    assert_eq!(org.get(&format!("/admin/jednostki/{b}")).await.status, StatusCode::FORBIDDEN);
    let r =
        org.post(&format!("/admin/jednostki/{b}"), &[("code", "SZ"), ("name_pl", "Przejęte"), ("contact", "")]).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(reference::unit(app.db(), b).await.unwrap().unwrap().name_pl, "Wydział Polityki Społecznej i Zdrowia");

    let r = org
        .post(
            &format!("/admin/jednostki/{a}"),
            &[("code", "HACK"), ("name_pl", "Zarząd Transportu Publicznego"), ("contact", "ztp@example.pl")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let stored = reference::unit(app.db(), a).await.unwrap().unwrap();
    assert_eq!(
        (stored.code.as_str(), stored.contact.as_deref()),
        ("ZTP", Some("ztp@example.pl")),
        "organisers cannot change the code"
    );
    assert_eq!(org.get("/admin/jednostki").await.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn administrators_keep_reference_data_with_clear_errors() {
    let app = TestApp::new().await;
    let mut admin = app.signed_in("admin@example.pl", &[Grant::Administrator]).await;
    let r = admin
        .post(
            "/admin/jednostki",
            &[("code", "Z T P"), ("name_pl", "Zarząd Transportu Publicznego"), ("name_en", ""), ("contact", "")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.field_error("code").as_deref(), Some("Kod może zawierać tylko wielkie litery, cyfry i myślnik."));
    assert_eq!(r.input_value("name_pl").as_deref(), Some("Zarząd Transportu Publicznego"));

    let r = admin
        .post(
            "/admin/jednostki",
            &[
                ("code", "ztp"),
                ("name_pl", "Zarząd Transportu Publicznego"),
                ("name_en", "Public Transport Authority"),
                ("contact", ""),
            ],
        )
        .await;
    assert_eq!((r.status, r.location()), (StatusCode::SEE_OTHER, "/admin/jednostki?ok=flash-saved"));
    let r = admin.get("/admin/jednostki?ok=flash-saved").await;
    assert!(
        r.text().contains("Zapisano zmiany.")
            && r.text().contains("ZTP Zarząd Transportu Publicznego Public Transport Authority")
    );
    let r = admin.post("/admin/jednostki", &[("code", "ZTP"), ("name_pl", "Inna")]).await;
    assert_eq!(r.field_error("code").as_deref(), Some("Ten kod ma już inna jednostka."));

    let r = admin.post("/admin/dzielnice", &[("number", "100"), ("name", "Nowa Huta")]).await;
    assert_eq!(r.field_error("number").as_deref(), Some("Numer dzielnicy musi być liczbą od 1 do 99."));
    let r = admin.post("/admin/dzielnice", &[("number", "18"), ("name", "Nowa Huta")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(admin.get("/admin/dzielnice").await.text().contains("XVIII Nowa Huta"));
    assert!(app.client().get("/").await.text().contains("XVIII Nowa Huta"));

    // Dialogue bodies have a form of their own (tests in `bodies.rs`).
    for slug in ["kategorie"] {
        let r = admin.post(&format!("/admin/{slug}"), &[("name_pl", "Zieleń"), ("name_en", "Greenery")]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{slug}");
        let r = admin.post(&format!("/admin/{slug}"), &[("name_pl", "Zieleń")]).await;
        assert_eq!(r.field_error("name_pl").as_deref(), Some("Pozycja o tej nazwie już istnieje."), "{slug}");
    }
    assert_eq!(admin.get("/admin/cokolwiek").await.status, StatusCode::NOT_FOUND);
    assert_eq!(admin.get("/admin/jednostki/9999").await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn administrators_grant_and_revoke_roles_and_everything_is_in_the_audit_log() {
    let app = TestApp::new().await;
    let ztp = unit(&app, "ZTP", "Zarząd Transportu Publicznego").await;
    let mut admin = app.signed_in("admin@example.pl", &[Grant::Administrator]).await;
    let org_id = app.user("anna@example.pl", &[]).await;

    let r = admin.post("/admin/role", &[("email", "anna@example.pl"), ("role", "organiser"), ("scope", "")]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.field_error("scope").unwrap().starts_with("Wybierz zakres pasujący do roli"));
    assert_eq!(r.input_value("email").as_deref(), Some("anna@example.pl"));
    let r = admin.post("/admin/role", &[("email", "nikt@example.pl"), ("role", "moderator"), ("scope", "")]).await;
    assert_eq!(r.field_error("email").as_deref(), Some("Nie ma konta z tym adresem e-mail."));

    let scope = format!("unit:{ztp}");
    let r = admin.post("/admin/role", &[("email", "anna@example.pl"), ("role", "organiser"), ("scope", &scope)]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(agora_db::roles::of_user(app.db(), org_id).await.unwrap(), vec![Grant::Organiser(ztp)]);
    let r = admin.post("/admin/role", &[("email", "anna@example.pl"), ("role", "organiser"), ("scope", &scope)]).await;
    assert_eq!(r.field_error("role").as_deref(), Some("Ta osoba ma już tę rolę."));

    let grants = agora_db::roles::all(app.db()).await.unwrap();
    let own_admin = grants.iter().find(|g| g.email == "admin@example.pl").unwrap().id;
    let r = admin.post(&format!("/admin/role/{own_admin}/usun"), &[]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().contains("Nie możesz odebrać sobie roli administratora"));
    let anna = grants.iter().find(|g| g.email == "anna@example.pl").unwrap().id;
    assert_eq!(admin.post(&format!("/admin/role/{anna}/usun"), &[]).await.status, StatusCode::SEE_OTHER);
    assert!(agora_db::roles::of_user(app.db(), org_id).await.unwrap().is_empty());

    let r = admin.get("/admin/dziennik?kto=admin%40example.pl").await;
    assert_eq!(r.status, StatusCode::OK);
    let text = r.text();
    assert!(text.contains("2 wpisy"), "{text}");
    assert!(text.contains("role.grant") && text.contains("role.revoke"));
    let r = admin.get("/admin/dziennik?akcja=role.revoke").await;
    assert!(r.text().contains("1 wpis "));
    let r = admin.get("/admin/dziennik?od=wczoraj").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.field_error("od").as_deref(), Some("Wpisz datę w formacie RRRR-MM-DD."));
    let today = chrono::Utc::now().with_timezone(&chrono_tz::Europe::Warsaw).format("%Y-%m-%d").to_string();
    let r = admin.get(&format!("/admin/dziennik?od={today}&do={today}&obiekt=user")).await;
    assert!(r.text().contains("3 wpisy"), "{}", r.text());

    let page = admin.get("/admin/dziennik?akcja=role.").await;
    assert!(
        page.body.contains(
            "href=\"/admin/dziennik.csv?akcja=role.\" download>Pobierz jako CSV (średniki, dla Excela po polsku)<"
        ) && page.body.contains(
            "href=\"/admin/dziennik.csv?akcja=role.&amp;separator=przecinek\" download>Pobierz jako CSV (przecinki)<"
        ),
        "both separators offered and named"
    );
    let r = admin.get("/admin/dziennik.csv?akcja=role.").await;
    assert!(r.body.starts_with('\u{feff}'));
    assert_eq!(r.body.trim_start_matches('\u{feff}').lines().next(), Some("Kiedy;Kto;Działanie;Obiekt;id;Szczegóły"));
    let r = admin.get("/admin/dziennik.csv?akcja=role.&separator=przecinek").await;
    assert_eq!(r.headers["content-type"], "text/csv; charset=utf-8");
    let lines: Vec<&str> = r.body.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(lines[0], "Kiedy,Kto,Działanie,Obiekt,id,Szczegóły");
    assert_eq!(lines.len(), 4, "header + the test's own grant + grant + revoke: {lines:?}");
    assert!(lines[3].contains("role.revoke"));
}

#[tokio::test]
async fn only_administrators_rename_shared_reference_data() {
    let app = TestApp::new().await;
    let ztp = unit(&app, "ZTP", "Zarząd Transportu Publicznego").await;
    let entry = agora_db::audit::AuditEntry {
        actor_id: None,
        actor_label: "test".into(),
        action: "district.create",
        entity: "district",
        details: String::new(),
    };
    let input = agora_domain::reference::DistrictInput::parse("13", "Podgórze").unwrap();
    let d = reference::save_district(app.db(), None, &input, &entry).await.unwrap();
    let mut editor = app.signed_in("rada@agora.test", &[Grant::DistrictEditor(d)]).await;
    let r = editor.post(&format!("/admin/dzielnice/{d}"), &[("number", "1"), ("name", "Stare Miasto")]).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(reference::districts(app.db()).await.unwrap()[0].name, "Podgórze");
    let mut org = app.signed_in("org@agora.test", &[Grant::Organiser(ztp)]).await;
    let fields = [("code", "XYZ"), ("name_pl", "Inna nazwa"), ("name_en", "Other"), ("contact", "ztp@example.pl")];
    let r = org.post(&format!("/admin/jednostki/{ztp}"), &fields).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let u = reference::unit(app.db(), ztp).await.unwrap().unwrap();
    assert_eq!((u.code.as_str(), u.name_pl.as_str()), ("ZTP", "Zarząd Transportu Publicznego"));
    assert_eq!(u.contact.as_deref(), Some("ztp@example.pl"), "the unit's contact is the organiser's to keep");
}
