//! A test application with in-memory mail (or real SMTP: mailbox.rs), and a client that keeps
//! cookies like a browser.

use agora_db::Db;
use agora_domain::permission::Grant;
use agora_web::mail::{Mail, Mailer, MemoryMailer};
use agora_web::password::HashCost;
use agora_web::{AppState, WebConfig};
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use tower::ServiceExt;

/// A page that always carries a form (pages without one hand out no token).
const FORM_PAGE: &str = "/konto/logowanie";

/// The password every test account gets.
pub const PASSWORD: &str = "bardzo-tajne-hasło";

pub struct TestApp {
    pub state: AppState,
    pub router: agora_web::App,
    pub mailer: Arc<MemoryMailer>,
}

impl TestApp {
    pub async fn new() -> TestApp {
        Self::with_config(|_| {}).await
    }

    /// An application whose settings `adjust` changes from the tests' defaults.
    pub async fn with_config(adjust: impl FnOnce(&mut WebConfig)) -> TestApp {
        Self::with_mailer(None, adjust).await
    }

    /// An application that sends its mail through `delivery` (in memory when `None`, and then
    /// only: with another mailer, `mail()` finds nothing), with settings `adjust` changes.
    pub async fn with_mailer(delivery: Option<Arc<dyn Mailer>>, adjust: impl FnOnce(&mut WebConfig)) -> TestApp {
        // Errors behind a 500 show in the failing test's output.
        let _ = tracing_subscriber::fmt().with_env_filter("agora_web=error").with_test_writer().try_init();
        let db = agora_db::testing::fresh().await.expect("test database");
        agora_web::ensure_default_pages(&db).await.unwrap();
        let mailer = Arc::new(MemoryMailer::default());
        let delivery: Arc<dyn Mailer> = match delivery {
            Some(d) => d,
            None => mailer.clone(),
        };
        let mut config = WebConfig::new("http://agora.test");
        config.hash_cost = HashCost { m_kib: 64, t: 1 };
        adjust(&mut config);
        let state = AppState::new(db, delivery, Arc::new(object_store::memory::InMemory::new()), config);
        TestApp { router: agora_web::router(state.clone()), state, mailer }
    }

    pub fn db(&self) -> &Db {
        &self.state.db
    }

    /// A new browser, on a network address of its own, as different visitors are.
    pub fn client(&self) -> Client {
        static NEXT: AtomicU32 = AtomicU32::new(1);
        let ip = Ipv4Addr::from(0x0A00_0000 + NEXT.fetch_add(1, Ordering::Relaxed));
        self.client_from(IpAddr::V4(ip))
    }

    /// A new browser connecting from `ip`.
    pub fn client_from(&self, ip: IpAddr) -> Client {
        Client {
            router: self.router.clone(),
            cookies: HashMap::new(),
            headers: Vec::new(),
            peer: SocketAddr::new(ip, 50_000),
        }
    }

    /// Delivers queued mail, transactional and bulk, and returns everything sent so far.
    pub async fn mail(&self) -> Vec<Mail> {
        agora_web::jobs::run_due(&self.state).await.unwrap();
        agora_web::jobs::run_bulk(&self.state).await.unwrap();
        self.mailer.sent()
    }

    /// The last message to `to`.
    pub async fn last_mail_to(&self, to: &str) -> Mail {
        self.mail().await.into_iter().rev().find(|m| m.to == to).unwrap_or_else(|| panic!("no mail to {to}"))
    }

    /// A confirmed account with the given roles.
    pub async fn user(&self, email: &str, grants: &[Grant]) -> i64 {
        let hash = agora_web::password::hash(HashCost { m_kib: 64, t: 1 }, PASSWORD.into()).await.unwrap();
        let id = agora_db::users::create(self.db(), email, "Test User", &hash, "pl", true).await.unwrap();
        for g in grants {
            let entry = agora_db::audit::AuditEntry {
                actor_id: None,
                actor_label: "test".into(),
                action: "role.grant",
                entity: "user",
                details: String::new(),
            };
            agora_db::roles::grant(self.db(), id, g, &entry).await.unwrap();
        }
        id
    }

    /// A client signed in as a new account with `grants`.
    pub async fn signed_in(&self, email: &str, grants: &[Grant]) -> Client {
        self.user(email, grants).await;
        let mut c = self.client();
        let r = c.post("/konto/logowanie", &[("email", email), ("password", PASSWORD)]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "sign-in failed: {}", r.body);
        c
    }
}

pub struct Client {
    router: agora_web::App,
    cookies: HashMap<String, String>,
    headers: Vec<(String, String)>,
    /// The address the connection comes from, as the server would see it.
    peer: SocketAddr,
}

#[derive(Debug)]
pub struct Resp {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub body: String,
    /// The body as sent, for downloads.
    pub bytes: Vec<u8>,
}

impl Resp {
    pub fn location(&self) -> &str {
        self.headers.get(header::LOCATION).and_then(|v| v.to_str().ok()).unwrap_or("")
    }

    /// The text of the page with tags removed and whitespace collapsed, as a reader sees it.
    pub fn text(&self) -> String {
        let mut out = String::new();
        let mut in_tag = false;
        for c in self.body.chars() {
            match c {
                '<' => in_tag = true,
                '>' => {
                    in_tag = false;
                    out.push(' ');
                }
                _ if !in_tag => out.push(c),
                _ => {}
            }
        }
        out.replace("&#39;", "'")
            .replace("&quot;", "\"")
            .replace("&amp;", "&")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The error message shown next to `field`.
    pub fn field_error(&self, field: &str) -> Option<String> {
        let marker = format!("id=\"{field}-error\">");
        let start = self.body.find(&marker)? + marker.len();
        let end = self.body[start..].find('<')? + start;
        Some(self.body[start..end].replace("&#39;", "'").replace("&quot;", "\""))
    }

    /// The `value` attribute of the input named `field`.
    pub fn input_value(&self, field: &str) -> Option<String> {
        let marker = format!("name=\"{field}\"");
        let at = self.body.find(&marker)?;
        let tag_end = self.body[at..].find('>')? + at;
        let tag = &self.body[at..tag_end];
        let v = tag.find("value=\"")? + 7;
        let end = tag[v..].find('"')? + v;
        Some(tag[v..end].to_owned())
    }
}

impl Client {
    /// Sends this header with every request from now on.
    pub fn with_header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }

    fn cookie_header(&self) -> String {
        self.cookies.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("; ")
    }

    /// The same browser talking to another instance of the application.
    pub fn switch_to(&self, router: agora_web::App) -> Client {
        Client { router, cookies: self.cookies.clone(), headers: self.headers.clone(), peer: self.peer }
    }

    pub fn cookie(&self, name: &str) -> Option<String> {
        self.cookies.get(name).cloned()
    }

    async fn send(&mut self, mut req: Request<Body>) -> Resp {
        req.extensions_mut().insert(ConnectInfo(self.peer));
        req.headers_mut().insert(header::HOST, "agora.test".parse().unwrap());
        if !self.cookies.is_empty() {
            req.headers_mut().insert(header::COOKIE, self.cookie_header().parse().unwrap());
        }
        for (k, v) in &self.headers {
            req.headers_mut().insert(axum::http::HeaderName::from_bytes(k.as_bytes()).unwrap(), v.parse().unwrap());
        }
        let resp = self.router.clone().oneshot(req).await.unwrap();
        for v in resp.headers().get_all(header::SET_COOKIE) {
            let s = v.to_str().unwrap();
            let pair = s.split(';').next().unwrap();
            let (k, val) = pair.split_once('=').unwrap();
            if val.is_empty() || s.contains("Max-Age=0") {
                self.cookies.remove(k);
            } else {
                self.cookies.insert(k.to_owned(), val.to_owned());
            }
        }
        let status = resp.status();
        let headers = resp.headers().clone();
        let bytes = resp.into_body().collect().await.unwrap().to_bytes();
        Resp { status, headers, body: String::from_utf8_lossy(&bytes).into_owned(), bytes: bytes.to_vec() }
    }

    /// A download: status, content type and the raw bytes.
    pub async fn get_bytes(&mut self, path: &str) -> (StatusCode, String, Vec<u8>) {
        let mut req = Request::get(path).body(Body::empty()).unwrap();
        req.extensions_mut().insert(ConnectInfo(self.peer));
        req.headers_mut().insert(header::HOST, "agora.test".parse().unwrap());
        if !self.cookies.is_empty() {
            req.headers_mut().insert(header::COOKIE, self.cookie_header().parse().unwrap());
        }
        let resp = self.router.clone().oneshot(req).await.unwrap();
        let status = resp.status();
        let ct = resp.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
        let bytes = resp.into_body().collect().await.unwrap().to_bytes().to_vec();
        (status, ct, bytes)
    }

    pub async fn get(&mut self, path: &str) -> Resp {
        self.send(Request::get(path).body(Body::empty()).unwrap()).await
    }

    /// Posts a form the way the page's own form would, with its CSRF token.
    pub async fn post(&mut self, path: &str, fields: &[(&str, &str)]) -> Resp {
        if !self.cookies.contains_key("agora_csrf") {
            // As a browser would have: a page with a form hands out the token.
            self.get(FORM_PAGE).await;
        }
        let token = self.cookies.get("agora_csrf").cloned().unwrap_or_default();
        let mut all: Vec<(&str, &str)> = vec![("csrf", token.as_str())];
        all.extend_from_slice(fields);
        self.post_raw(path, &all).await
    }

    /// Posts a multipart form with one file, the token in the action URL as the page does.
    pub async fn post_file(&mut self, path: &str, fields: &[(&str, &str)], file_name: &str, file: &[u8]) -> Resp {
        self.post_multipart(path, fields, "file", file_name, file).await
    }

    /// Posts a multipart form whose file field is `file_field`.
    pub async fn post_multipart(
        &mut self,
        path: &str,
        fields: &[(&str, &str)],
        file_field: &str,
        file_name: &str,
        file: &[u8],
    ) -> Resp {
        if !self.cookies.contains_key("agora_csrf") {
            // As a browser would have: a page with a form hands out the token.
            self.get(FORM_PAGE).await;
        }
        let token = self.cookies.get("agora_csrf").cloned().unwrap_or_default();
        let boundary = "agora-test-boundary-7d3f";
        let mut body = Vec::new();
        for (k, v) in fields {
            body.extend(
                format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n").as_bytes(),
            );
        }
        body.extend(format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{file_field}\"; filename=\"{file_name}\"\r\nContent-Type: application/octet-stream\r\n\r\n").as_bytes());
        body.extend(file);
        body.extend(format!("\r\n--{boundary}--\r\n").as_bytes());
        let req = Request::post(format!("{path}?csrf={token}"))
            .header(header::CONTENT_TYPE, format!("multipart/form-data; boundary={boundary}"))
            .body(Body::from(body))
            .unwrap();
        self.send(req).await
    }

    /// Posts exactly these fields, with no CSRF token added.
    pub async fn post_raw(&mut self, path: &str, fields: &[(&str, &str)]) -> Resp {
        let body = url::form_urlencoded::Serializer::new(String::new()).extend_pairs(fields).finish();
        let req = Request::post(path)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(body))
            .unwrap();
        self.send(req).await
    }
}

/// The path of the first link to this site in a mail body.
pub fn link_in(mail: &Mail) -> String {
    let start = mail.body.find("http://agora.test").expect("link in mail") + "http://agora.test".len();
    mail.body[start..].split_whitespace().next().unwrap().to_owned()
}
