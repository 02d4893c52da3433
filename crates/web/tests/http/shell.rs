//! The page shell: languages, error pages, security headers, CSRF, health checks.

use crate::harness::TestApp;
use axum::http::StatusCode;

#[tokio::test]
async fn polish_by_default_english_by_accept_language_and_by_the_switch() {
    let app = TestApp::new().await;
    let mut c = app.client();
    let r = c.get("/").await;
    assert!(r.body.contains("<html lang=\"pl\">"));
    assert!(r.text().contains("Konsultacje społeczne w jednym miejscu"));

    let mut en = app.client().with_header("accept-language", "en-GB,en;q=0.9,pl;q=0.5");
    let r = en.get("/").await;
    assert!(r.body.contains("<html lang=\"en\">"));
    assert!(r.text().contains("Public consultations in one place"));

    let r = c.get("/jezyk/en?next=/konto/logowanie").await;
    assert_eq!((r.status, r.location()), (StatusCode::SEE_OTHER, "/konto/logowanie"));
    let r = c.get("/konto/logowanie").await;
    assert!(r.body.contains("<html lang=\"en\">"));
    assert!(r.text().contains("Sign in"));
    let r = c.get("/jezyk/en?next=https://evil.example").await;
    assert_eq!(r.location(), "/", "the switch never sends people off the site");
    assert_eq!(c.get("/jezyk/xx").await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn not_found_pages_are_html_in_both_languages() {
    let app = TestApp::new().await;
    let r = app.client().get("/nie-ma-takiej-strony").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(r.text().contains("Nie znaleziono strony"));
    let r = app.client().with_header("accept-language", "en").get("/no-such-page").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(r.body.contains("<html lang=\"en\">") && r.text().contains("Page not found"));
}

#[tokio::test]
async fn security_headers_on_every_page() {
    let app = TestApp::new().await;
    for path in ["/", "/konto/logowanie", "/nope"] {
        let r = app.client().get(path).await;
        let csp = r.headers["content-security-policy"].to_str().unwrap();
        assert!(
            csp.contains("script-src 'self'")
                && csp.contains("frame-ancestors 'none'")
                && !csp.contains("unsafe-inline")
        );
        assert_eq!(r.headers["x-content-type-options"], "nosniff");
        assert_eq!(r.headers["referrer-policy"], "same-origin");
    }
}

#[tokio::test]
async fn forms_without_the_token_or_from_another_site_are_refused() {
    let app = TestApp::new().await;
    app.user("csrf@example.pl", &[]).await;
    let mut c = app.client();
    c.get("/konto/logowanie").await;
    let r =
        c.post_raw("/konto/logowanie", &[("email", "csrf@example.pl"), ("password", crate::harness::PASSWORD)]).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert!(r.text().contains("Formularz wygasł"));
    let r = c.post_raw("/konto/logowanie", &[("csrf", "0".repeat(64).as_str()), ("email", "csrf@example.pl")]).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);

    let mut evil = app.client().with_header("origin", "https://evil.example");
    let r =
        evil.post("/konto/logowanie", &[("email", "csrf@example.pl"), ("password", crate::harness::PASSWORD)]).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let mut cross = app.client().with_header("sec-fetch-site", "cross-site");
    assert_eq!(cross.post("/konto/wyloguj", &[]).await.status, StatusCode::FORBIDDEN);
    let mut other_scheme = app.client().with_header("origin", "https://agora.test").with_header("host", "agora.test");
    let r = other_scheme
        .post("/konto/logowanie", &[("email", "csrf@example.pl"), ("password", crate::harness::PASSWORD)])
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "the same host over another scheme is another site");
    let mut same = app.client().with_header("origin", "http://agora.test");
    let r =
        same.post("/konto/logowanie", &[("email", "csrf@example.pl"), ("password", crate::harness::PASSWORD)]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn health_and_readiness() {
    let app = TestApp::new().await;
    let mut c = app.client();
    assert_eq!(c.get("/healthz").await.body, "ok");
    let r = c.get("/readyz").await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.body, format!("ok {}", app.db().backend()));
    app.db().close().await;
    assert_eq!(c.get("/readyz").await.status, StatusCode::SERVICE_UNAVAILABLE);
    let r = c.get("/").await;
    assert_eq!(r.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert!(r.text().contains("Błąd serwisu") && r.text().contains("Twoje dane nie zostały utracone"));
    let r = app.client().with_header("accept-language", "en").get("/konsultacje").await;
    assert_eq!(r.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert!(r.body.contains("<html lang=\"en\">") && r.text().contains("Service error"));
}

#[tokio::test]
async fn accessibility_statement_is_public_and_editable_by_administrators() {
    let app = TestApp::new().await;
    let r = app.client().get("/deklaracja-dostepnosci").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.text().contains("Deklaracja dostępności") && r.text().contains("WCAG 2.1"));
    let r = app.client().with_header("accept-language", "en").get("/deklaracja-dostepnosci").await;
    assert!(r.text().contains("Accessibility statement"));

    let mut admin = app.signed_in("admin@example.pl", &[agora_domain::permission::Grant::Administrator]).await;
    let r = admin
        .post(
            "/admin/strony/deklaracja-dostepnosci",
            &[("title_pl", "Deklaracja"), ("body_pl", ""), ("title_en", "Statement"), ("body_en", "x")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.field_error("body_pl").as_deref(), Some("To pole jest wymagane."));
    assert_eq!(r.input_value("title_pl").as_deref(), Some("Deklaracja"));
    let r = admin
        .post(
            "/admin/strony/deklaracja-dostepnosci",
            &[
                ("title_pl", "Deklaracja"),
                ("body_pl", "Serwis jest **częściowo** zgodny. <script>x</script>"),
                ("title_en", "Statement"),
                ("body_en", "Partly compliant."),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = app.client().get("/deklaracja-dostepnosci").await;
    assert!(r.body.contains("<strong>częściowo</strong>") && !r.body.contains("<script>x"));
    let mut resident = app.signed_in("mieszkaniec@example.pl", &[]).await;
    assert_eq!(resident.get("/admin/strony/deklaracja-dostepnosci").await.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn personal_pages_and_exports_are_never_stored_by_a_cache() {
    use agora_domain::permission::Grant;
    let app = TestApp::new().await;
    let cache_control = |r: &crate::harness::Resp| {
        r.headers.get("cache-control").map(|v| v.to_str().unwrap().to_owned()).unwrap_or_default()
    };
    let mut admin = app.signed_in("admin@agora.test", &[Grant::Administrator]).await;
    for path in ["/konto", "/admin", "/admin/dziennik.csv", "/konto/uwagi", "/konsultacje"] {
        let r = admin.get(path).await;
        assert_eq!(r.status, StatusCode::OK, "{path}");
        assert_eq!(cache_control(&r), "private, no-store", "{path}");
    }
    let r = app.client().get("/konto/logowanie").await;
    assert_eq!(cache_control(&r), "private, no-store");
    let r = app.client().get("/konsultacje").await;
    assert!(!cache_control(&r).contains("no-store"), "a public page stays cacheable");
}

#[tokio::test]
async fn the_language_switch_changes_the_browser_not_the_account() {
    let app = TestApp::new().await;
    let mut c = app.signed_in("ewa@agora.test", &[]).await;
    let ewa = agora_db::users::by_email(app.db(), "ewa@agora.test").await.unwrap().unwrap();
    assert_eq!(ewa.locale, "pl");
    let r = c.get("/jezyk/en?next=/").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(c.get("/").await.body.contains("<html lang=\"en\">"), "the browser's pages follow the switch");
    let after = agora_db::users::by_id(app.db(), ewa.id).await.unwrap().unwrap();
    assert_eq!(after.locale, "pl", "a GET must not write the account's language");
}
