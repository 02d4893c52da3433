//! Redirect targets taken from the request never lead off the site and never fail the request
//! (issue 19, item 1): the language switch, sign-in and the poll's way back.

use crate::harness::{PASSWORD, TestApp};
use agora_domain::permission::Grant;
use axum::http::StatusCode;

/// `next` values a browser would follow to another site or that cannot be a header, URL-encoded
/// as they would arrive in a link.
const HOSTILE: [&str; 6] = [
    "/%09/evil.example",
    "%2F%2Fevil.example",
    "/%5Cevil.example",
    "https%3A%2F%2Fevil.example%2F",
    "/%0D%0ASet-Cookie:%20a=b",
    "/%0Aevil",
];

#[tokio::test]
async fn the_language_switch_sends_hostile_targets_home() {
    let app = TestApp::new().await;
    let mut c = app.client();
    for next in HOSTILE {
        let r = c.get(&format!("/jezyk/en?next={next}")).await;
        assert_eq!((r.status, r.location()), (StatusCode::SEE_OTHER, "/"), "next={next}");
    }
    let r = c.get("/jezyk/en?next=%2Fkonsultacje%3Fstatus%3Dotwarte").await;
    assert_eq!(r.location(), "/konsultacje?status=otwarte", "a path of the site is kept");
}

#[tokio::test]
async fn sign_in_sends_hostile_targets_home_and_still_signs_in() {
    let app = TestApp::new().await;
    app.user("ola@example.pl", &[]).await;
    for next in ["/\t/evil.example", "/\r\nSet-Cookie: a=b", "//evil.example", "/\\evil.example"] {
        let mut c = app.client();
        let r =
            c.post("/konto/logowanie", &[("email", "ola@example.pl"), ("password", PASSWORD), ("next", next)]).await;
        assert_eq!((r.status, r.location()), (StatusCode::SEE_OTHER, "/"), "next={next:?}");
        assert!(c.get("/konto").await.status == StatusCode::OK, "signed in despite next={next:?}");
    }
}

#[tokio::test]
async fn a_poll_vote_goes_back_only_to_a_page_of_the_site() {
    let app = TestApp::new().await;
    let mut admin = app.signed_in("admin@agora.test", &[Grant::Administrator]).await;
    let r = admin
        .post(
            "/admin/sondy",
            &[("question_pl", "Czy?"), ("options", "Tak\nNie"), ("placement", "home"), ("vote_mode", "cookie")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    for back in ["/\t/evil.example", "/\r\nSet-Cookie: a=b"] {
        let mut voter = app.client();
        let home = voter.get("/").await;
        let id = home.body.split("action=\"/sondy/").nth(1).unwrap().split('"').next().unwrap().to_owned();
        let csrf = home.input_value("csrf").unwrap();
        let r = voter.post_raw(&format!("/sondy/{id}"), &[("csrf", &csrf), ("option", "1"), ("back", back)]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "back={back:?}");
        assert_eq!(r.location(), format!("/#sonda-{id}"), "back={back:?}");
    }
}
