//! Pages kept in memory for visitors who are not signed in: never older than a change the
//! site acknowledged, on this instance or another, and each visitor's forms carry their own token.

use crate::consultations::{stored, unit};
use crate::harness::TestApp;
use crate::remarks::fields as remark_fields;
use agora_db::audit::AuditEntry;
use agora_domain::consultation::Status;
use agora_domain::permission::Grant;
use agora_domain::reference::DistrictInput;
use agora_web::AppState;
use agora_web::cache::PageCache;
use axum::http::StatusCode;

fn entry() -> AuditEntry {
    AuditEntry {
        actor_id: None,
        actor_label: "test".into(),
        action: "district.create",
        entity: "district",
        details: String::new(),
    }
}

/// A quick poll on the home page, made by an administrator through the site.
pub async fn home_poll(app: &TestApp, question: &str, vote_mode: &str) {
    let mut admin = app.signed_in("admin@agora.test", &[Grant::Administrator]).await;
    let r = admin
        .post(
            "/admin/sondy",
            &[("question_pl", question), ("options", "Tak\nNie"), ("placement", "home"), ("vote_mode", vote_mode)],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
}

/// The id of the poll whose vote form is on `page`.
pub fn poll_id(page: &str) -> String {
    page.split("action=\"/sondy/").nth(1).unwrap().split('"').next().unwrap().to_owned()
}

#[tokio::test]
async fn a_kept_page_changes_as_soon_as_the_site_changes_it() {
    let app = TestApp::new().await;
    let mut anon = app.client();
    assert!(!anon.get("/").await.text().contains("Wzgórza Krzesławickie"));
    // Written behind the application's back, the change is not seen: the page was kept.
    agora_db::reference::save_district(
        app.db(),
        None,
        &DistrictInput::parse("17", "Wzgórza Krzesławickie").unwrap(),
        &entry(),
    )
    .await
    .unwrap();
    assert!(!anon.get("/").await.text().contains("Wzgórza Krzesławickie"), "the home page is served from memory");
    // A change through the site is seen by the next visitor at once, with everything before it.
    let mut admin = app.signed_in("admin2@agora.test", &[Grant::Administrator]).await;
    assert_eq!(
        admin.post("/admin/dzielnice", &[("number", "18"), ("name", "Nowa Huta")]).await.status,
        StatusCode::SEE_OTHER
    );
    let home = anon.get("/").await.text();
    assert!(home.contains("XVIII Nowa Huta") && home.contains("XVII Wzgórza Krzesławickie"), "{home}");
    // Each language is kept apart.
    let en = app.client().with_header("accept-language", "en").get("/").await.text();
    assert!(en.contains("Public consultations in one place"), "{en}");
    assert!(app.client().get("/").await.text().contains("Konsultacje społeczne w jednym miejscu"));
}

#[tokio::test]
async fn every_visitor_gets_their_own_form_token_from_a_kept_page() {
    let app = TestApp::new().await;
    home_poll(&app, "Czy zamykać bulwary dla hulajnóg?", "cookie").await;
    let (mut a, mut b) = (app.client(), app.client());
    let page_a = a.get("/").await;
    let page_b = b.get("/").await;
    let (ta, tb) = (page_a.input_value("csrf").unwrap(), page_b.input_value("csrf").unwrap());
    assert_eq!(ta.len(), 64);
    assert_ne!(ta, tb, "two visitors, two tokens");
    assert_eq!(page_a.body.replace(&ta, "T"), page_b.body.replace(&tb, "T"), "the same page otherwise");
    let id = poll_id(&page_b.body);
    let vote = b.post_raw(&format!("/sondy/{id}"), &[("csrf", &tb), ("option", "1"), ("back", "/")]).await;
    assert_eq!(vote.status, StatusCode::SEE_OTHER, "the token in the kept page is the visitor's own");
    // A voter's page shows the results; visitors who have not voted still get the form.
    assert!(b.get("/").await.text().contains("Tak 100% (1)"));
    assert!(app.client().get("/").await.body.contains("name=\"option\""));
}

/// Sends `request` to `addr` over TCP and returns the whole answer.
async fn over_tcp(addr: std::net::SocketAddr, request: &str) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut s = tokio::net::TcpStream::connect(addr).await.unwrap();
    s.write_all(request.as_bytes()).await.unwrap();
    let mut out = Vec::new();
    s.read_to_end(&mut out).await.unwrap();
    String::from_utf8_lossy(&out).into_owned()
}

#[tokio::test]
async fn a_vote_over_the_network_counts_against_the_voters_address_even_after_a_kept_page() {
    let app = TestApp::new().await;
    home_poll(&app, "Czy sadzić więcej drzew?", "cookie").await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let server = app.router.clone();
    tokio::spawn(async move { axum::serve(listener, server).await });
    let get = "GET / HTTP/1.1\r\nHost: agora.test\r\nConnection: close\r\n\r\n";
    over_tcp(addr, get).await;
    // The second visit is answered from memory, before the address is looked at.
    let home = over_tcp(addr, get).await;
    let token = home.split("agora_csrf=").nth(1).unwrap().split(';').next().unwrap().to_owned();
    let id = poll_id(&home);
    let body = format!("csrf={token}&option=1&back=%2F");
    let vote = format!(
        "POST /sondy/{id} HTTP/1.1\r\nHost: agora.test\r\nCookie: agora_csrf={token}\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    let answer = over_tcp(addr, &vote).await;
    assert!(answer.starts_with("HTTP/1.1 303"), "{answer}");
    let rule = agora_domain::limits::POLL_VOTES_PER_CLIENT;
    let votes = agora_db::limits::count(app.db(), &rule, &format!("{id} 127.0.0.1")).await.unwrap();
    assert_eq!(votes, 1, "the vote is counted against the address it came from");
}

#[tokio::test]
async fn a_kept_page_keeps_its_headers_and_sets_a_token_only_where_it_has_forms() {
    let app = TestApp::new().await;
    let ztp = unit(&app, "ZTP").await;
    stored(&app, ztp, "Przebudowa ul. Podzamcze", Status::Open, -1, vec![]).await;
    let path = "/konsultacje/przebudowa-ul-podzamcze";
    let first = app.client().get(path).await;
    let kept = app.client().get(path).await;
    assert_eq!(kept.status, StatusCode::OK);
    assert_eq!(kept.body, first.body, "the same page from memory");
    for name in
        ["content-type", "content-security-policy", "x-frame-options", "x-content-type-options", "referrer-policy"]
    {
        assert_eq!(kept.headers.get(name), first.headers.get(name), "{name}");
    }
    assert!(kept.headers.get("content-security-policy").is_some());
    assert!(kept.headers.get("set-cookie").is_none(), "nothing on this page posts, so no token is handed out");
    // A kept page with a form gives each new visitor a token in a cookie and in the form alike.
    home_poll(&app, "Czy zamykać bulwary dla hulajnóg?", "cookie").await;
    app.client().get("/").await;
    let mut visitor = app.client();
    let home = visitor.get("/").await;
    assert_eq!(visitor.cookie("agora_csrf"), home.input_value("csrf"));
    let again = visitor.get("/").await;
    assert!(again.headers.get("set-cookie").is_none(), "a visitor with a token keeps it");
    assert_eq!(again.input_value("csrf"), home.input_value("csrf"));
}

/// What a browser reads from a gzipped answer; the decoder checks the stream's CRC and length.
fn gunzip(bytes: &[u8]) -> String {
    use std::io::Read;
    let mut out = String::new();
    flate2::read::GzDecoder::new(bytes).read_to_string(&mut out).expect("a whole gzip stream");
    out
}

#[tokio::test]
async fn a_browser_that_takes_gzip_gets_the_kept_page_gzipped_with_its_own_token() {
    let app = TestApp::new().await;
    let ztp = unit(&app, "ZTP").await;
    stored(&app, ztp, "Przebudowa ul. Podzamcze", Status::Open, -1, vec![]).await;
    let path = "/konsultacje/przebudowa-ul-podzamcze";
    let plain = app.client().get(path).await;
    assert_eq!(plain.headers.get("vary").unwrap(), "Accept-Encoding");
    assert!(plain.headers.get("content-encoding").is_none(), "no gzip for a client that does not ask");
    // Kept by the request before, and from memory after: the same page either way.
    for _ in 0..2 {
        let z = app.client().with_header("accept-encoding", "gzip, deflate, br, zstd").get(path).await;
        assert_eq!(z.headers.get("content-encoding").unwrap(), "gzip");
        assert_eq!(z.headers.get("vary").unwrap(), "Accept-Encoding");
        assert!(z.headers.get("content-security-policy").is_some());
        assert!(z.bytes.len() * 2 < plain.bytes.len(), "{} of {} bytes", z.bytes.len(), plain.bytes.len());
        assert_eq!(gunzip(&z.bytes), plain.body);
    }
    // A page with a form: each new visitor's token is in the gzipped page and in their cookie.
    home_poll(&app, "Czy zamykać bulwary dla hulajnóg?", "cookie").await;
    let mut tokens = Vec::new();
    for _ in 0..3 {
        let mut browser = app.client().with_header("accept-encoding", "gzip");
        let home = browser.get("/").await;
        assert_eq!(home.headers.get("content-encoding").unwrap(), "gzip");
        let token = browser.cookie("agora_csrf").unwrap();
        let page = gunzip(&home.bytes);
        assert!(page.contains(&format!("value=\"{token}\"")), "the visitor's own token");
        // And the visitor's page read again, plain, is the same page.
        let again = browser.with_header("accept-encoding", "identity").get("/").await;
        assert!(again.headers.get("content-encoding").is_none());
        assert_eq!(again.body, page);
        tokens.push(token);
    }
    tokens.dedup();
    assert_eq!(tokens.len(), 3);
    // A change through the site shows in the gzipped page at once.
    let list = "/konsultacje/przebudowa-ul-podzamcze/uwagi";
    let mut reader = app.client().with_header("accept-encoding", "gzip");
    assert!(gunzip(&reader.get(list).await.bytes).contains("0 uwag"));
    let mut resident = app.client();
    let key = resident.get(&format!("{list}/nowa")).await.input_value("form_key").unwrap();
    let fields = remark_fields(&key, &[("r0_proposed_change", "Dodać ławki.")]);
    let r = resident.post_multipart(&format!("{list}/nowa"), &fields, "attachment", "", b"").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let page = gunzip(&reader.get(list).await.bytes);
    assert!(page.contains("1 uwaga") && page.contains("Dodać ławki."), "{page}");
}

#[tokio::test]
async fn a_new_remark_shows_in_the_kept_list_at_once() {
    let app = TestApp::new().await;
    let ztp = unit(&app, "ZTP").await;
    stored(&app, ztp, "Przebudowa ul. Podzamcze", Status::Open, -1, vec![]).await;
    let mut anon = app.client();
    assert!(anon.get("/konsultacje/przebudowa-ul-podzamcze/uwagi").await.text().contains("0 uwag"));
    let mut resident = app.client();
    let key = resident.get("/konsultacje/przebudowa-ul-podzamcze/uwagi/nowa").await.input_value("form_key").unwrap();
    let fields = remark_fields(&key, &[("r0_proposed_change", "Dodać ławki.")]);
    let r = resident
        .post_multipart("/konsultacje/przebudowa-ul-podzamcze/uwagi/nowa", &fields, "attachment", "", b"")
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let list = anon.get("/konsultacje/przebudowa-ul-podzamcze/uwagi").await.text();
    assert!(list.contains("1 uwaga") && list.contains("Dodać ławki."), "{list}");
}

#[tokio::test]
async fn two_instances_on_one_database_never_serve_each_other_stale_pages() {
    let app = TestApp::new().await;
    let file = std::env::temp_dir().join(format!("agora-pages-{}", agora_db::new_token().0));
    let sqlite = matches!(app.db(), agora_db::Db::Sqlite(_));
    let instance = |state: &AppState| {
        let pages = if sqlite { PageCache::with_shared_file(&file).unwrap() } else { PageCache::with_signals() };
        let state = state.clone().with_pages(pages);
        tokio::spawn(agora_web::cache::relay(state.clone()));
        (agora_web::router(state.clone()), state.pages.clone())
    };
    let ((one, _), (two, pages_two)) = (instance(&app.state), instance(&app.state));
    for _ in 0..250 {
        if pages_two.serving() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert!(pages_two.serving(), "the second instance hears the first");
    let mut admin = app.signed_in("admin@agora.test", &[Grant::Administrator]).await.switch_to(one);
    let mut anon = app.client().switch_to(two);
    assert!(!anon.get("/").await.text().contains("Nowa Huta"));
    agora_db::reference::save_district(app.db(), None, &DistrictInput::parse("1", "Stare Miasto").unwrap(), &entry())
        .await
        .unwrap();
    assert!(!anon.get("/").await.text().contains("Stare Miasto"), "the second instance keeps its page");
    assert_eq!(
        admin.post("/admin/dzielnice", &[("number", "18"), ("name", "Nowa Huta")]).await.status,
        StatusCode::SEE_OTHER
    );
    // Beside SQLite the change is heard before its answer; PostgreSQL's signal takes a moment to arrive.
    let mut seen = false;
    for _ in 0..if sqlite { 1 } else { 100 } {
        let home = anon.get("/").await.text();
        if home.contains("XVIII Nowa Huta") && home.contains("I Stare Miasto") {
            seen = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert!(seen, "the second instance shows the change made on the first");
    // Having heard the change, each instance keeps its pages again: hearing must not echo back.
    for _ in 0..3 {
        admin.get("/").await;
        anon.get("/").await;
    }
    agora_db::reference::save_district(app.db(), None, &DistrictInput::parse("2", "Grzegórzki").unwrap(), &entry())
        .await
        .unwrap();
    admin.get("/").await;
    assert!(!anon.get("/").await.text().contains("Grzegórzki"), "the second instance keeps its page");
    let _ = std::fs::remove_file(&file);
}

#[tokio::test]
async fn a_signed_in_residents_kept_page_follows_their_own_doings_and_ends_with_the_session() {
    let app = TestApp::new().await;
    home_poll(&app, "Czy potrzebny jest nowy przystanek?", "signed_in").await;
    let mut anna = app.signed_in("anna@agora.test", &[]).await;
    let mut jan = app.signed_in("jan@agora.test", &[]).await;
    let home = anna.get("/").await;
    assert!(home.body.contains("name=\"option\"") && home.text().contains("Wyloguj"), "{}", home.text());
    assert_eq!(anna.get("/").await.body, home.body, "kept for her");
    let id = poll_id(&home.body);
    assert_eq!(
        anna.post(&format!("/sondy/{id}"), &[("option", "2"), ("back", "/")]).await.status,
        StatusCode::SEE_OTHER
    );
    let after = anna.get("/").await.text();
    assert!(after.contains("Nie 100% (1)"), "her vote shows at once");
    assert!(after.contains("Twój głos został zapisany."), "and she is told it counted");
    assert!(jan.get("/").await.body.contains("name=\"option\""), "others still get the form");
    let session = anna.cookie("agora_session").unwrap();
    let csrf = anna.cookie("agora_csrf").unwrap();
    assert_eq!(anna.post("/konto/wyloguj", &[]).await.status, StatusCode::SEE_OTHER);
    let after = anna.get("/").await.text();
    assert!(after.contains("Zaloguj się") && !after.contains("Wyloguj"), "{after}");
    // The old cookie, sent again, opens nothing: the session ended everywhere at once.
    let stale = app
        .client()
        .with_header("cookie", &format!("agora_session={session}; agora_csrf={csrf}"))
        .get("/")
        .await
        .text();
    assert!(stale.contains("Zaloguj się") && !stale.contains("Wyloguj"), "{stale}");
}
