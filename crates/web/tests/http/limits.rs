//! Rate limits: the client's address behind a proxy.

use crate::cache::{home_poll, poll_id};
use crate::harness::{Client, TestApp};
use axum::http::StatusCode;
use std::net::IpAddr;

fn ip(s: &str) -> IpAddr {
    s.parse().unwrap()
}

#[tokio::test]
async fn behind_a_trusted_proxy_each_voter_has_their_own_poll_limit() {
    let proxy = ip("10.9.0.1");
    let app = TestApp::with_config(|c| c.trusted_proxies = "10.9.0.0/24".parse().unwrap()).await;
    home_poll(&app, "Czy sadzić więcej drzew?", "cookie").await;
    let id = poll_id(&app.client().get("/").await.body);
    let vote = async |c: Client| {
        let mut c = c;
        c.post(&format!("/sondy/{id}"), &[("option", "1"), ("back", "/")]).await
    };
    // Twenty browsers of one voter, each without the cookie that would stop a second vote.
    for n in 0..20 {
        let voter = app.client_from(proxy).with_header("x-forwarded-for", "203.0.113.5, 10.9.0.2");
        assert_eq!(vote(voter).await.status, StatusCode::SEE_OTHER, "vote {n}");
    }
    let r = vote(app.client_from(proxy).with_header("x-forwarded-for", "203.0.113.5")).await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(r.text().contains("Z tego adresu oddano ostatnio zbyt wiele głosów"));
    // Another voter behind the same proxy is not held back.
    let r = vote(app.client_from(proxy).with_header("x-forwarded-for", "203.0.113.6")).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);

    // A client that is no proxy of ours cannot pose as many by writing the header itself.
    let spoofer = ip("198.51.100.9");
    for n in 0..20 {
        let c = app.client_from(spoofer).with_header("x-forwarded-for", &format!("192.0.2.{n}"));
        assert_eq!(vote(c).await.status, StatusCode::SEE_OTHER, "vote {n}");
    }
    let c = app.client_from(spoofer).with_header("x-forwarded-for", "192.0.2.200");
    assert_eq!(vote(c).await.status, StatusCode::TOO_MANY_REQUESTS);
}
