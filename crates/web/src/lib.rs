//! Agora's HTTP layer: pages, forms, sessions, permissions and the page shell.

pub mod cache;
pub mod csrf;
pub mod ctx;
pub mod error;
pub mod forms;
pub mod i18n;
pub mod mail;
pub mod markdown;
pub mod memory;
pub mod pages;
pub mod password;
pub mod scheduler;
pub mod time;
pub mod writer;

pub use pages::ensure_default_pages;

use agora_db::Db;
use axum::Router;
use axum::extract::ConnectInfo;
use axum::http::{HeaderName, HeaderValue, header};
use axum::middleware::{from_fn, from_fn_with_state};
use futures_util::future::{Either, Ready, ready};
use std::net::SocketAddr;
use std::sync::Arc;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;

/// Settings the web layer needs.
#[derive(Debug, Clone)]
pub struct WebConfig {
    /// Public address of the site, used in e-mailed links, e.g. `https://dialog.krakow.pl`.
    pub base_url: String,
    /// Whether cookies get the Secure flag (on whenever the base URL is https).
    pub secure_cookies: bool,
    /// Contact address shown in the footer.
    pub contact_email: String,
    /// How long a sign-in lasts.
    pub session_days: i64,
    /// argon2id cost.
    pub hash_cost: password::HashCost,
}

impl WebConfig {
    /// Settings for `base_url` with the defaults for everything else.
    pub fn new(base_url: &str) -> Self {
        WebConfig {
            base_url: base_url.trim_end_matches('/').to_owned(),
            secure_cookies: base_url.starts_with("https://"),
            contact_email: "dialog@example.org".into(),
            session_days: 30,
            hash_cost: password::HashCost::default(),
        }
    }
}

/// Shared state of every handler: one pointer, so that the per-request clones axum makes
/// cost one reference count instead of one per field.
#[derive(Clone)]
pub struct AppState(Arc<Shared>);

/// What [`AppState`] points at.
#[derive(Clone)]
pub struct Shared {
    /// The database.
    pub db: Db,
    /// Where mail goes.
    pub mailer: Arc<dyn mail::Mailer>,
    /// Settings.
    pub config: Arc<WebConfig>,
    /// Woken when a job is queued, so the runner need not poll often.
    pub jobs_waiting: Arc<tokio::sync::Notify>,
    /// Where uploaded files live: a local folder, S3, or memory in tests.
    pub storage: Arc<dyn object_store::ObjectStore>,
    /// Stores survey responses in batches.
    pub survey_writer: writer::BatchWriter<writer::Surveys>,
    /// Rendered pages for visitors who are not signed in.
    pub pages: Arc<cache::PageCache>,
    /// Stores remark submissions in batches.
    pub remark_writer: writer::BatchWriter<writer::Remarks>,
}

impl std::ops::Deref for AppState {
    type Target = Shared;
    fn deref(&self) -> &Shared {
        &self.0
    }
}

impl AppState {
    /// State over `db` sending mail through `mailer` and keeping files in `storage`.
    pub fn new(
        db: Db,
        mailer: Arc<dyn mail::Mailer>,
        storage: Arc<dyn object_store::ObjectStore>,
        config: WebConfig,
    ) -> Self {
        AppState(Arc::new(Shared {
            survey_writer: writer::BatchWriter::new(db.clone()),
            remark_writer: writer::BatchWriter::new(db.clone()),
            pages: Arc::new(cache::PageCache::default()),
            db,
            mailer,
            storage,
            config: Arc::new(config),
            jobs_waiting: Arc::new(tokio::sync::Notify::new()),
        }))
    }

    /// The same state keeping pages in `pages` (one that sees other instances' changes).
    pub fn with_pages(mut self, pages: cache::PageCache) -> Self {
        Arc::make_mut(&mut self.0).pages = Arc::new(pages);
        self
    }
}

/// The content security policy: no inline script or style, nothing from other sites.
pub const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
    font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; object-src 'none'; frame-ancestors 'none'";

/// Headers every answer carries.
pub fn security_headers() -> [(HeaderName, HeaderValue); 6] {
    [
        (header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP)),
        (header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")),
        (header::REFERRER_POLICY, HeaderValue::from_static("same-origin")),
        (header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY")),
        (
            HeaderName::from_static("permissions-policy"),
            HeaderValue::from_static("camera=(), microphone=(), geolocation=()"),
        ),
        (HeaderName::from_static("cross-origin-opener-policy"), HeaderValue::from_static("same-origin")),
    ]
}

/// The whole application: kept pages are answered from memory before anything else runs,
/// every other request goes through the router and its layers.
#[derive(Clone)]
pub struct App {
    pages: Arc<cache::PageCache>,
    secure_cookies: bool,
    router: Router,
    /// The address of the visitor on this connection, once the server has accepted one.
    peer: Option<SocketAddr>,
}

impl<B> tower::Service<axum::http::Request<B>> for App
where
    Router:
        tower::Service<axum::http::Request<B>, Response = axum::response::Response, Error = std::convert::Infallible>,
{
    type Response = axum::response::Response;
    type Error = std::convert::Infallible;
    type Future =
        Either<Ready<Result<Self::Response, Self::Error>>, <Router as tower::Service<axum::http::Request<B>>>::Future>;

    fn poll_ready(&mut self, _: &mut std::task::Context<'_>) -> std::task::Poll<Result<(), Self::Error>> {
        std::task::Poll::Ready(Ok(()))
    }

    fn call(&mut self, mut req: axum::http::Request<B>) -> Self::Future {
        if let Some(kept) = self.pages.answer(&req, self.secure_cookies) {
            return Either::Left(ready(Ok(kept)));
        }
        // Only requests that reach the router get the address: on a page served from memory,
        // inserting it (three allocations) was a tenth of the application's own time.
        if let Some(peer) = self.peer {
            req.extensions_mut().insert(ConnectInfo(peer));
        }
        Either::Right(self.router.call(req))
    }
}

/// What `axum::serve` asks for each accepted connection: the application, knowing the
/// visitor's address.
impl<'a> tower::Service<axum::serve::IncomingStream<'a, tokio::net::TcpListener>> for App {
    type Response = App;
    type Error = std::convert::Infallible;
    type Future = Ready<Result<App, Self::Error>>;

    fn poll_ready(&mut self, _: &mut std::task::Context<'_>) -> std::task::Poll<Result<(), Self::Error>> {
        std::task::Poll::Ready(Ok(()))
    }

    fn call(&mut self, stream: axum::serve::IncomingStream<'a, tokio::net::TcpListener>) -> Self::Future {
        ready(Ok(App { peer: Some(*stream.remote_addr()), ..self.clone() }))
    }
}

/// The whole application.
pub fn router(state: AppState) -> App {
    let csrf_cfg =
        Arc::new(csrf::CsrfConfig { secure: state.config.secure_cookies, origin: origin_of(&state.config.base_url) });
    let (pages, secure_cookies) = (state.pages.clone(), state.config.secure_cookies);
    let mut app = pages::routes()
        .layer(from_fn_with_state(state.clone(), cache::middleware))
        .layer(from_fn(move |req, next| csrf::csrf(csrf_cfg.clone(), req, next)))
        .layer(CatchPanicLayer::custom(|_| error::AppError::Internal("panic".into()).into_response_boxed()))
        .layer(from_fn_with_state(state.clone(), error::error_pages))
        .with_state(state);
    for (name, value) in security_headers() {
        app = app.layer(SetResponseHeaderLayer::if_not_present(name, value));
    }
    App { pages, secure_cookies, router: app.layer(TraceLayer::new_for_http()), peer: None }
}

fn origin_of(base_url: &str) -> String {
    match url::Url::parse(base_url) {
        Ok(u) => u.origin().ascii_serialization(),
        Err(_) => String::new(),
    }
}

impl error::AppError {
    fn into_response_boxed(self) -> axum::response::Response {
        axum::response::IntoResponse::into_response(self)
    }
}
