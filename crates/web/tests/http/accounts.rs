//! Sign-up, confirmation, sign-in, reset, settings and deletion (their limits: limits.rs).

use crate::harness::{PASSWORD, TestApp, link_in};
use axum::http::StatusCode;

const NEW_PASSWORD: &str = "nowe hasło do konta";

async fn sign_up(app: &TestApp, email: &str) -> crate::harness::Resp {
    let mut c = app.client();
    c.post(
        "/konto/rejestracja",
        &[
            ("display_name", "Jan Kowalski"),
            ("email", email),
            ("password", PASSWORD),
            ("password_repeat", PASSWORD),
            ("accept", "yes"),
        ],
    )
    .await
}

#[tokio::test]
async fn sign_up_confirm_by_mail_then_sign_in_and_out() {
    let app = TestApp::new().await;
    let r = sign_up(&app, "Jan.Kowalski@Example.PL").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.text().contains("Wysłaliśmy wiadomość na adres jan.kowalski@example.pl"), "{}", r.text());

    let mut c = app.client();
    let r = c.post("/konto/logowanie", &[("email", "jan.kowalski@example.pl"), ("password", PASSWORD)]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().contains("Najpierw potwierdź adres e-mail"));

    let mail = app.last_mail_to("jan.kowalski@example.pl").await;
    assert_eq!(mail.subject, "Potwierdź adres e-mail w serwisie Agora");
    let link = link_in(&mail);
    assert!(link.starts_with("/konto/potwierdz/"));
    let r = c.get(&link).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.text().contains("Adres potwierdzony"));
    let again = c.get(&link).await;
    assert_eq!(again.status, StatusCode::BAD_REQUEST);
    assert!(again.text().contains("Ten link został już użyty"));

    let r = c
        .post("/konto/logowanie", &[("email", "JAN.kowalski@example.pl"), ("password", PASSWORD), ("next", "/konto")])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(r.location(), "/konto");
    let cookie = r
        .headers
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .find(|v| v.starts_with("agora_session="))
        .unwrap();
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), "{cookie}");
    let r = c.get("/konto").await;
    assert!(r.text().contains("Jesteś zalogowany(-a) jako jan.kowalski@example.pl"));

    let r = c.post("/konto/wyloguj", &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = c.get("/konto").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(r.location(), "/konto/logowanie?next=%2Fkonto");
}

#[tokio::test]
async fn sessions_live_in_the_database_and_survive_a_new_app_instance() {
    let app = TestApp::new().await;
    let c = app.signed_in("ala@example.pl", &[]).await;
    // A second instance, sharing only the database, knows the session.
    let second = agora_web::AppState::new(
        app.state.db.clone(),
        app.mailer.clone(),
        app.state.storage.clone(),
        (*app.state.config).clone(),
    );
    let mut c = c.switch_to(agora_web::router(second));
    let r = c.get("/konto").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.text().contains("ala@example.pl"));
    let user = agora_db::users::by_email(app.db(), "ala@example.pl").await.unwrap().unwrap();
    assert_eq!(agora_db::sessions::count_for(app.db(), user.id).await.unwrap(), 1);
}

#[tokio::test]
async fn sign_up_with_bad_input_keeps_values_and_shows_errors_by_the_fields() {
    let app = TestApp::new().await;
    let mut c = app.client();
    let long_name = "x".repeat(101);
    let r = c
        .post(
            "/konto/rejestracja",
            &[
                ("display_name", &long_name),
                ("email", "jan(at)example.pl"),
                ("password", "krótkie"),
                ("password_repeat", "krótkie"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.field_error("display_name").as_deref(), Some("Wpisz najwyżej 100 znaków."));
    assert_eq!(r.field_error("email").as_deref(), Some("Wpisz adres e-mail w formacie nazwa@domena.pl."));
    assert_eq!(r.field_error("password").as_deref(), Some("Hasło musi mieć co najmniej 10 znaków."));
    assert!(r.field_error("accept").is_some());
    assert_eq!(r.input_value("display_name").as_deref(), Some(long_name.as_str()));
    assert_eq!(r.input_value("email").as_deref(), Some("jan(at)example.pl"));
    assert!(r.body.contains("<a href=\"#email\">Adres e-mail: Wpisz adres e-mail"), "the summary names the field");
    assert!(r.body.contains("<a href=\"/regulamin\">"), "the terms to accept are one click away");
    let terms = c.get("/regulamin").await;
    assert_eq!(terms.status, StatusCode::OK);
    assert!(terms.text().contains("Regulamin serwisu i ochrona danych osobowych") && terms.text().contains("RODO"));

    let r = c
        .post(
            "/konto/rejestracja",
            &[
                ("display_name", "Jan"),
                ("email", "jan@example.pl"),
                ("password", PASSWORD),
                ("password_repeat", "inne hasło 123"),
                ("accept", "yes"),
            ],
        )
        .await;
    assert_eq!(r.field_error("password_repeat").as_deref(), Some("Hasła nie są takie same."));
    let huge = "a".repeat(100_000);
    let r = c.post("/konto/rejestracja", &[("display_name", &huge), ("email", &huge)]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn registering_a_taken_address_reveals_nothing_on_the_page() {
    let app = TestApp::new().await;
    app.user("zajety@example.pl", &[]).await;
    let fresh = sign_up(&app, "nowy@example.pl").await;
    let taken = sign_up(&app, "zajety@example.pl").await;
    assert_eq!(taken.status, fresh.status);
    assert_eq!(taken.text().replace("zajety@example.pl", "X"), fresh.text().replace("nowy@example.pl", "X"));
    let mail = app.last_mail_to("zajety@example.pl").await;
    assert_eq!(mail.subject, "Próba założenia konta w serwisie Agora");
}

#[tokio::test]
async fn unknown_address_fails_like_a_wrong_password() {
    let app = TestApp::new().await;
    let mut c = app.client();
    let r = c.post("/konto/logowanie", &[("email", "nikt@example.pl"), ("password", PASSWORD)]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().contains("Nieprawidłowy adres e-mail lub hasło."));
}

#[tokio::test]
async fn password_reset_by_mailed_link() {
    let app = TestApp::new().await;
    app.user("reset@example.pl", &[]).await;
    let mut c = app.client();
    let r = c.post("/konto/haslo/przypomnij", &[("email", "reset@example.pl")]).await;
    assert!(r.text().contains("Jeśli konto z adresem reset@example.pl istnieje"));
    let r2 = c.post("/konto/haslo/przypomnij", &[("email", "brak@example.pl")]).await;
    assert_eq!(r.status, r2.status);
    let link = link_in(&app.last_mail_to("reset@example.pl").await);
    assert!(app.mail().await.iter().all(|m| m.to != "brak@example.pl"));

    let r = c.get(&link).await;
    assert_eq!(r.status, StatusCode::OK);
    let r = c.post(&link, &[("password", "za krótkie"), ("password_repeat", "za krótkie")]).await;
    assert_eq!(r.status, StatusCode::OK, "ten characters is long enough");
    let r = c.post(&link, &[("password", NEW_PASSWORD), ("password_repeat", NEW_PASSWORD)]).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "a spent link cannot be used twice");
    let r = c.post("/konto/logowanie", &[("email", "reset@example.pl"), ("password", "za krótkie")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = c.get("/konto/haslo/nowe/0000").await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.text().contains("Ten link jest nieprawidłowy"));
}

#[tokio::test]
async fn settings_change_password_and_email_then_delete_account() {
    let app = TestApp::new().await;
    let mut c = app.signed_in("zmiana@example.pl", &[]).await;

    let r = c
        .post(
            "/konto/haslo",
            &[("current_password", "złe hasło"), ("new_password", NEW_PASSWORD), ("password_repeat", NEW_PASSWORD)],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.field_error("current_password").as_deref(), Some("Hasło jest nieprawidłowe."));
    let r = c
        .post(
            "/konto/haslo",
            &[("current_password", PASSWORD), ("new_password", NEW_PASSWORD), ("password_repeat", NEW_PASSWORD)],
        )
        .await;
    assert_eq!(r.location(), "/konto?ok=flash-password-changed");
    assert!(c.get("/konto?ok=flash-password-changed").await.text().contains("Hasło zostało zmienione"));

    let r = c.post("/konto/email", &[("new_email", "nie-adres"), ("email_password", NEW_PASSWORD)]).await;
    assert_eq!(r.input_value("new_email").as_deref(), Some("nie-adres"));
    let r = c.post("/konto/email", &[("new_email", "nowy.adres@example.pl"), ("email_password", NEW_PASSWORD)]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let link = link_in(&app.last_mail_to("nowy.adres@example.pl").await);
    assert!(app.last_mail_to("zmiana@example.pl").await.body.contains("nowy.adres@example.pl"));
    let r = c.get(&link).await;
    assert!(r.text().contains("Twój adres e-mail to teraz nowy.adres@example.pl"));

    let r = c.post("/konto/usun", &[("delete_password", NEW_PASSWORD)]).await;
    assert_eq!(r.field_error("delete_confirm").as_deref(), Some("Potwierdź, że chcesz usunąć konto."));
    let r = c.post("/konto/usun", &[("delete_password", NEW_PASSWORD), ("delete_confirm", "yes")]).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.text().contains("Konto usunięte"));
    assert!(agora_db::users::by_email(app.db(), "nowy.adres@example.pl").await.unwrap().is_none());
    let log = agora_db::audit::list(app.db(), &Default::default(), 10, 0).await.unwrap();
    let deletion = log.items.iter().find(|r| r.action == "account.delete").unwrap();
    assert!(!deletion.actor_label.contains("example.pl") && !deletion.details.contains("example.pl"));
    let mut c2 = app.client();
    let r = c2.post("/konto/logowanie", &[("email", "nowy.adres@example.pl"), ("password", NEW_PASSWORD)]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
}
