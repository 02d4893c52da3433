//! Agora's HTTP layer: pages, forms, sessions, permissions and the page shell.

pub mod cache;
pub mod client;
pub mod csrf;
pub mod ctx;
pub mod error;
pub mod event_mail;
pub mod follow_mail;
pub mod forms;
pub mod forum_mail;
pub mod headers;
pub mod i18n;
pub mod jobs;
pub mod limits;
pub mod mail;
pub mod markdown;
pub mod memory;
pub mod news_clock;
pub mod newsletter_mail;
pub mod pages;
pub mod password;
pub mod reminders;
pub mod render;
pub mod scheduler;
pub mod smtp;
pub mod state;
pub mod time;
pub mod urls;
pub mod views;
pub mod visitor;
pub mod writer;

pub use headers::{CSP, security_headers};
pub use state::{AppState, Shared, WebConfig};
pub use views::content::ensure_default_pages;

use axum::Router;
use axum::extract::ConnectInfo;
use axum::middleware::{from_fn, from_fn_with_state};
use futures_util::future::{Either, Ready, ready};
use std::net::SocketAddr;
use std::sync::Arc;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;

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
        // inserting it cost more than the rest of such a request (BENCHMARKS.md).
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
        .layer(from_fn_with_state(state.clone(), render::error_pages))
        .with_state(state);
    for (name, value) in security_headers() {
        app = app.layer(SetResponseHeaderLayer::if_not_present(name, value));
    }
    let app = app.layer(from_fn(headers::private_no_store));
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
