//! The middleware around the router: it serves current pages from memory, keeps the pages
//! handlers mark, has one request render a missing or stale page while the others asking for
//! it wait, and records what each successful change touched.

use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;
use axum_extra::extract::CookieJar;
use tokio::sync::watch;

use super::gzip::Gzipped;
use super::serve::{accepts_gzip, gzip_body, keepable_get, kept_response, offsets_of, page_key};
use super::store::{Freshness, KeptPage, MAX_PAGE_BYTES};
use super::{Cacheable, Changed, PageCache, Scope};
use crate::csrf::CsrfToken;
use crate::ctx::user_from;
use crate::state::AppState;
use crate::visitor::lang_of;

/// A request's part in rendering a page that is missing or stale.
enum RenderRole {
    /// It renders the page; the requests waiting for it wake when the guard drops.
    Renderer(RenderingGuard),
    /// Another request renders the page: wait for it, then look the page up again.
    Waiter(watch::Receiver<()>),
    /// The renderings under way cannot be told (a poisoned lock): render without the others.
    Alone,
}

/// Ends a rendering when dropped, waking the requests waiting for it.
struct RenderingGuard {
    cache: Arc<PageCache>,
    key: String,
}

impl Drop for RenderingGuard {
    fn drop(&mut self) {
        if let Ok(mut m) = self.cache.renderings.lock() {
            m.remove(&self.key);
        }
    }
}

impl PageCache {
    /// Joins the rendering of `key` under way, or becomes the one that renders it.
    fn join_rendering(self: &Arc<Self>, key: &str) -> RenderRole {
        let Ok(mut map) = self.renderings.lock() else { return RenderRole::Alone };
        match map.get(key) {
            Some(tx) => RenderRole::Waiter(tx.subscribe()),
            None => {
                let (tx, _) = watch::channel(());
                map.insert(key.to_owned(), tx);
                RenderRole::Renderer(RenderingGuard { cache: self.clone(), key: key.to_owned() })
            }
        }
    }
}

/// The middleware: answers GETs from memory when the page is current, keeps the pages
/// handlers mark (per language, and per account for someone signed in), and records what
/// each successful change touched.
pub async fn middleware(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let cache = &state.pages;
    let jar = CookieJar::from_headers(req.headers());
    if !keepable_get(&req) {
        let changes = !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
        // Looked up before the change, which may be the end of the session.
        let user = if changes { user_from(&state, &jar).await.map(|u| u.id) } else { None };
        let resp = next.run(req).await;
        if changes && (resp.status().is_success() || resp.status().is_redirection()) {
            let changed = resp.extensions().get::<Changed>().copied();
            match changed {
                Some(Changed::Nothing) => {}
                Some(Changed::Scope(s)) => cache.changed_scope(s),
                None => cache.changed_everything(),
            }
            if let Some(u) = user {
                cache.changed_scope(Scope::User(u));
            }
            let recorded = user.is_some() || !matches!(changed, Some(Changed::Nothing));
            let wait = if recorded { cache.delay_until_others_read() } else { Duration::ZERO };
            if !wait.is_zero() {
                tokio::time::sleep(wait).await;
            }
        }
        return resp;
    }
    let token = req.extensions().get::<CsrfToken>().map(|t| t.0.clone()).unwrap_or_default();
    let rendered_at = cache.now();
    let user = user_from(&state, &jar).await;
    let lang = lang_of(req.headers(), &jar, user.as_ref().map(|u| u.locale.as_str()));
    let uid = user.as_ref().map(|u| u.id);
    let key = page_key(lang, uid, req.uri());
    let gzip = accepts_gzip(req.headers());
    let lookup = cache.get(&key);
    match &lookup {
        Some((e, Freshness::Fresh)) => return kept_response(e, &token, gzip),
        Some((e, Freshness::Aged)) => {
            // Old only by age: this visitor gets it at once, and one request renders it anew.
            let claimed = cache.refreshing.lock().is_ok_and(|mut r| r.insert(key.clone()));
            if claimed {
                let (cache, key, token) = (cache.clone(), key.clone(), token.clone());
                tokio::spawn(async move {
                    let resp = next.run(req).await;
                    keep(&cache, key.clone(), rendered_at, uid, &token, false, resp).await;
                    if let Ok(mut r) = cache.refreshing.lock() {
                        r.remove(&key);
                    }
                });
            }
            return kept_response(e, &token, gzip);
        }
        _ => {}
    }
    if !cache.serving() || cache.never_kept(&key) {
        let resp = next.run(req).await;
        return keep(cache, key, rendered_at, uid, &token, gzip, resp).await;
    }
    // One request renders a missing or stale page; the others asking for it meanwhile wait
    // for that page instead of rendering it again each.
    let _guard = match cache.join_rendering(&key) {
        RenderRole::Renderer(g) => Some(g),
        RenderRole::Waiter(mut rx) => {
            let _ = rx.changed().await;
            if let Some((e, Freshness::Fresh)) = cache.get(&key) {
                return kept_response(&e, &token, gzip);
            }
            None
        }
        RenderRole::Alone => None,
    };
    let resp = next.run(req).await;
    keep(cache, key, rendered_at, uid, &token, gzip, resp).await
}

/// Keeps `resp` when its handler marked it and it can be kept; returns it either way, gzipped
/// when `gzip` says the browser takes it and the page was.
#[allow(clippy::too_many_arguments)]
async fn keep(
    cache: &Arc<PageCache>,
    key: String,
    rendered_at: u64,
    uid: Option<i64>,
    token: &str,
    gzip: bool,
    resp: Response,
) -> Response {
    let Some(Cacheable(scope)) = resp.extensions().get::<Cacheable>().copied() else {
        // A page its handler never marks: later requests for it need not wait for each other.
        if resp.status() == StatusCode::OK {
            cache.mark_not_kept(&key);
        }
        return resp;
    };
    if resp.status() != StatusCode::OK || token.is_empty() {
        return resp;
    }
    if http_body::Body::size_hint(resp.body()).exact().is_none_or(|n| n > MAX_PAGE_BYTES as u64) {
        cache.mark_not_kept(&key);
        return resp;
    }
    let (mut parts, body) = resp.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_PAGE_BYTES).await else {
        return Response::from_parts(parts, Body::empty());
    };
    // The same address answers gzipped or not, by the request's Accept-Encoding.
    parts.headers.insert(header::VARY, HeaderValue::from_static("Accept-Encoding"));
    let mut headers = parts.headers.clone();
    headers.remove(header::SET_COOKIE);
    // Kept answers skip the outer layers, so they carry what those would add.
    for (name, value) in crate::headers::security_headers() {
        headers.entry(name).or_insert(value);
    }
    let token_offsets = offsets_of(&bytes, token.as_bytes());
    let gzipped = Gzipped::new(&bytes, &token_offsets, token.len(), &headers);
    let entry = KeptPage {
        rendered_at,
        scope,
        user: uid,
        kept_at: Instant::now(),
        headers,
        token_offsets,
        body: bytes.clone(),
        gzip: gzipped,
    };
    let body = match entry.gzip.as_ref().filter(|_| gzip).and_then(|z| gzip_body(z, token)) {
        Some(body) => {
            parts.headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
            parts.headers.remove(header::CONTENT_LENGTH);
            body
        }
        None => Body::from(bytes),
    };
    cache.forget_not_kept(&key);
    cache.put(key, entry);
    Response::from_parts(parts, body)
}
