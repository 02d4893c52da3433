//! Rate limits: sign-in per account and per client without locking owners out, mail per
//! mailbox and per client, anonymous remarks, and the client's address behind a proxy.

use crate::cache::{home_poll, poll_id};
use crate::consultations::{stored, unit};
use crate::harness::{Client, PASSWORD, Resp, TestApp, link_in};
use agora_db::access_requests::Visible;
use agora_domain::consultation::Status;
use agora_web::password::HashCost;
use axum::http::StatusCode;
use std::net::IpAddr;
use std::time::{Duration, Instant};

const WRONG: &str = "złe hasło 123";

async fn sign_in(c: &mut Client, email: &str, password: &str) -> Resp {
    c.post("/konto/logowanie", &[("email", email), ("password", password)]).await
}

/// Seconds the answer asks the client to wait.
fn retry_after(r: &Resp) -> i64 {
    r.headers.get("retry-after").and_then(|v| v.to_str().ok()).and_then(|v| v.parse().ok()).unwrap_or(0)
}

fn ip(s: &str) -> IpAddr {
    s.parse().unwrap()
}

#[tokio::test]
async fn wrong_passwords_stop_the_guesser_but_not_the_owner_elsewhere() {
    let app = TestApp::new().await;
    app.user("ola@example.pl", &[]).await;
    let mut guesser = app.client();
    for _ in 0..5 {
        let r = sign_in(&mut guesser, "ola@example.pl", WRONG).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text().contains("Nieprawidłowy adres e-mail lub hasło."));
    }
    // Even the right password is not checked for the guesser now.
    let r = sign_in(&mut guesser, "ola@example.pl", PASSWORD).await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(r.text().contains("Spróbuj ponownie za 15 minut albo ustaw nowe hasło"), "{}", r.text());
    assert!((840..=900).contains(&retry_after(&r)), "{:?}", r.headers);
    assert_eq!(r.input_value("email").as_deref(), Some("ola@example.pl"));

    // The owner, elsewhere, signs in with the right password.
    let mut owner = app.client();
    assert_eq!(sign_in(&mut owner, "ola@example.pl", PASSWORD).await.status, StatusCode::SEE_OTHER);
    // While the account is being guessed at, another machine gets one try on it, not five.
    let mut second = app.client();
    assert_eq!(sign_in(&mut second, "ola@example.pl", WRONG).await.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(sign_in(&mut second, "ola@example.pl", PASSWORD).await.status, StatusCode::TOO_MANY_REQUESTS);
    // The guesser's other accounts are not affected.
    app.user("ela@example.pl", &[]).await;
    assert_eq!(sign_in(&mut guesser, "ela@example.pl", PASSWORD).await.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn an_owner_who_mistyped_signs_in_after_the_reset_link() {
    let app = TestApp::new().await;
    app.user("ola@example.pl", &[]).await;
    let mut c = app.client();
    for _ in 0..5 {
        sign_in(&mut c, "ola@example.pl", WRONG).await;
    }
    assert_eq!(sign_in(&mut c, "ola@example.pl", PASSWORD).await.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(c.post("/konto/haslo/przypomnij", &[("email", "ola@example.pl")]).await.status, StatusCode::OK);
    let link = link_in(&app.last_mail_to("ola@example.pl").await);
    let new = "zupełnie nowe hasło";
    let r = c.post(&link, &[("password", new), ("password_repeat", new)]).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(sign_in(&mut c, "ola@example.pl", new).await.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn one_client_trying_many_accounts_is_refused_and_others_are_not() {
    let app = TestApp::new().await;
    app.user("ola@example.pl", &[]).await;
    let mut c = app.client();
    // Signing in is no failure: it does not count.
    for _ in 0..3 {
        assert_eq!(sign_in(&mut c, "ola@example.pl", PASSWORD).await.status, StatusCode::SEE_OTHER);
    }
    for n in 0..20 {
        let r = sign_in(&mut c, &format!("osoba{n}@example.pl"), WRONG).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "attempt {n}");
    }
    let r = sign_in(&mut c, "ola@example.pl", PASSWORD).await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(r.text().contains("Z Twojej sieci było ostatnio zbyt wiele nieudanych prób logowania"), "{}", r.text());
    assert_eq!(sign_in(&mut app.client(), "ola@example.pl", PASSWORD).await.status, StatusCode::SEE_OTHER);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn parallel_guesses_are_checked_no_more_often_than_the_limit() {
    let app = TestApp::new().await;
    app.user("ola@example.pl", &[]).await;
    let from = ip("198.51.100.20");
    let mut clients = Vec::new();
    for _ in 0..20 {
        let mut c = app.client_from(from);
        c.get("/konto/logowanie").await;
        clients.push(c);
    }
    let attempts = clients
        .into_iter()
        .map(|mut c| tokio::spawn(async move { sign_in(&mut c, "ola@example.pl", WRONG).await.status }));
    let statuses: Vec<StatusCode> =
        futures_util::future::join_all(attempts).await.into_iter().map(Result::unwrap).collect();
    let checked = statuses.iter().filter(|s| **s == StatusCode::UNPROCESSABLE_ENTITY).count();
    let refused = statuses.iter().filter(|s| **s == StatusCode::TOO_MANY_REQUESTS).count();
    assert_eq!((checked, refused), (5, 15), "{statuses:?}");
}

#[tokio::test]
async fn an_unknown_address_takes_as_long_as_a_wrong_password() {
    // A cost at which one hash run outweighs the rest of a request.
    let cost = HashCost { m_kib: 16 * 1024, t: 3 };
    let app = TestApp::with_config(|c| c.hash_cost = cost).await;
    let hash = agora_web::password::hash(cost, PASSWORD.into()).await.unwrap();
    agora_db::users::create(app.db(), "ola@example.pl", "Ola", &hash, "pl", true).await.unwrap();
    let time = async |email: &str| {
        // A new client each time, so that no limit answers before the password is checked.
        let mut c = app.client();
        c.get("/konto/logowanie").await;
        let start = Instant::now();
        assert_eq!(sign_in(&mut c, email, WRONG).await.status, StatusCode::UNPROCESSABLE_ENTITY);
        start.elapsed()
    };
    let (mut known, mut unknown) = (Vec::new(), Vec::new());
    for n in 0..11 {
        known.push(time("ola@example.pl").await);
        unknown.push(time(&format!("nikt{n}@example.pl")).await);
    }
    // The quickest of each: the tests running alongside only ever add time, and a median of a
    // few samples on two busy cores wandered past the bounds either way.
    let (known, unknown) = (known.iter().min().copied().unwrap(), unknown.iter().min().copied().unwrap());
    let ratio = unknown.as_secs_f64() / known.as_secs_f64();
    // Two hash runs for an unknown address would make this about 2.
    assert!((0.75..1.35).contains(&ratio), "unknown {unknown:?} vs known {known:?}");
    assert!(known > Duration::from_millis(2), "the cost is too low to tell: {known:?}");
}

#[tokio::test]
async fn a_mailbox_gets_five_messages_an_hour_and_the_page_says_the_same_for_any_address() {
    let app = TestApp::new().await;
    app.user("reset@example.pl", &[]).await;
    for email in ["reset@example.pl", "brak@example.pl"] {
        for _ in 0..5 {
            let r = app.client().post("/konto/haslo/przypomnij", &[("email", email)]).await;
            assert_eq!(r.status, StatusCode::OK);
        }
    }
    let known = app.client().post("/konto/haslo/przypomnij", &[("email", "reset@example.pl")]).await;
    let unknown = app.client().post("/konto/haslo/przypomnij", &[("email", "brak@example.pl")]).await;
    assert_eq!((known.status, unknown.status), (StatusCode::TOO_MANY_REQUESTS, StatusCode::TOO_MANY_REQUESTS));
    assert!(
        known.text().contains("Na adres reset@example.pl wysłaliśmy ostatnio kilka wiadomości"),
        "{}",
        known.text()
    );
    assert_eq!(known.input_value("email").as_deref(), Some("reset@example.pl"));
    assert_eq!(known.text().replace("reset@example.pl", "X"), unknown.text().replace("brak@example.pl", "X"));
    assert_eq!(app.mail().await.iter().filter(|m| m.to == "reset@example.pl").count(), 5);

    // Signing up with the address is a message to the same mailbox; the form keeps what was typed.
    let r = app
        .client()
        .post(
            "/konto/rejestracja",
            &[
                ("display_name", "Jan Kowalski"),
                ("email", "reset@example.pl"),
                ("password", PASSWORD),
                ("password_repeat", PASSWORD),
                ("accept", "yes"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(r.input_value("display_name").as_deref(), Some("Jan Kowalski"));
    assert_eq!(app.mail().await.iter().filter(|m| m.to == "reset@example.pl").count(), 5);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn twenty_parallel_requests_send_one_mailbox_five_messages() {
    let app = TestApp::new().await;
    app.user("cel@example.pl", &[]).await;
    let mut clients = Vec::new();
    for _ in 0..20 {
        let mut c = app.client();
        c.get("/konto/haslo/przypomnij").await;
        clients.push(c);
    }
    let requests = clients.into_iter().map(|mut c| {
        tokio::spawn(async move { c.post("/konto/haslo/przypomnij", &[("email", "cel@example.pl")]).await.status })
    });
    let statuses: Vec<StatusCode> =
        futures_util::future::join_all(requests).await.into_iter().map(Result::unwrap).collect();
    assert_eq!(statuses.iter().filter(|s| **s == StatusCode::OK).count(), 5, "{statuses:?}");
    assert_eq!(app.mail().await.iter().filter(|m| m.to == "cel@example.pl").count(), 5);
}

#[tokio::test]
async fn one_client_asking_for_many_messages_is_refused() {
    let app = TestApp::new().await;
    let mut c = app.client();
    for n in 0..20 {
        let r = c.post("/konto/haslo/przypomnij", &[("email", &format!("osoba{n}@example.pl"))]).await;
        assert_eq!(r.status, StatusCode::OK, "request {n}");
    }
    let r = c.post("/konto/haslo/przypomnij", &[("email", "ktos@example.pl")]).await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(r.text().contains("Z Twojej sieci zamówiono ostatnio zbyt wiele wiadomości e-mail"), "{}", r.text());
    let other = app.client().post("/konto/haslo/przypomnij", &[("email", "ktos@example.pl")]).await;
    assert_eq!(other.status, StatusCode::OK);
}

#[tokio::test]
async fn an_accessibility_request_past_the_limit_comes_back_filled_in_and_is_not_stored() {
    let app = TestApp::new().await;
    let form = |details: &'static str| {
        vec![
            ("subject", "/kalendarz"),
            ("format", "easy_read"),
            ("details", details),
            ("contact", "anna.nowak@example.pl"),
            ("name", "Anna Nowak"),
        ]
    };
    for _ in 0..5 {
        let r = app.client().post("/deklaracja-dostepnosci/wniosek", &form("")).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    }
    let r = app.client().post("/deklaracja-dostepnosci/wniosek", &form("Proszę o wersję w PDF.")).await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(r.text().contains("Na adres anna.nowak@example.pl wysłaliśmy ostatnio kilka wiadomości"));
    assert!(r.body.contains("Proszę o wersję w PDF.") && r.input_value("subject").as_deref() == Some("/kalendarz"));
    assert_eq!(r.field_error("contact").as_deref().map(|e| e.contains("anna.nowak@example.pl")), Some(true));
    let (open, _) = agora_db::access_requests::open_counts(app.db(), &Visible::All, chrono::Utc::now()).await.unwrap();
    assert_eq!(open, 5, "the refused request was not stored");
    assert_eq!(app.mail().await.len(), 5);
}

#[tokio::test]
async fn anonymous_remarks_are_limited_per_client_and_their_copies_per_mailbox() {
    let app = TestApp::new().await;
    let ztp = unit(&app, "ZTP").await;
    stored(&app, ztp, "Przebudowa ul. Podzamcze", Status::Open, -1, vec![]).await;
    let url = "/konsultacje/przebudowa-ul-podzamcze/uwagi/nowa";
    let send = async |c: &mut Client, email: &str| {
        let key = c.get(url).await.input_value("form_key").unwrap();
        let fields = crate::remarks::fields(&key, &[("email", email)]);
        c.post_multipart(url, &fields, "attachment", "", b"").await
    };
    for _ in 0..5 {
        assert_eq!(send(&mut app.client(), "jan.kowalski@example.pl").await.status, StatusCode::OK);
    }
    let mut c = app.client();
    let r = send(&mut c, "jan.kowalski@example.pl").await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(r.text().contains("Usuń adres e-mail, aby wysłać uwagi bez kopii"), "{}", r.text());
    assert!(r.body.contains("Dodać przejście dla pieszych przy szkole.") && r.body.contains("Jan Kowalski"));
    assert_eq!(r.field_error("email").as_deref().map(|e| e.contains("jan.kowalski@example.pl")), Some(true));
    let r = send(&mut c, "").await;
    assert_eq!(r.status, StatusCode::OK, "without a copy the remarks go: {}", r.text());
    assert!(r.text().contains("Numer potwierdzenia: UW/"));

    let mut c = app.client();
    for n in 0..20 {
        assert_eq!(send(&mut c, "").await.status, StatusCode::OK, "submission {n}");
    }
    let r = send(&mut c, "").await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(r.text().contains("Z Twojej sieci wysłano w krótkim czasie wiele uwag"), "{}", r.text());
    assert!(r.body.contains("Dodać przejście dla pieszych przy szkole."));
    // Signed-in residents answer for what they send.
    let mut resident = app.signed_in("mieszkanka@example.pl", &[]).await;
    for _ in 0..3 {
        assert_eq!(send(&mut resident, "").await.status, StatusCode::OK);
    }
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
    assert!(retry_after(&r) > 0);
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
