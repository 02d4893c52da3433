//! Rendered public pages kept in memory, per language and per account, and the sessions and
//! form facts kept by the same clock.
//!
//! A page is rendered once and served from memory until something changes. Every change
//! moves a logical clock: a successful state-changing request (after its commit, before its
//! answer), the scheduler, or a signal from another instance. A page is served from memory
//! only when it was rendered after the last change that can affect it, so a visitor never
//! sees a page older than a change that was acknowledged. The only per-visitor part of an
//! anonymous page, the CSRF token of its forms, is written into the stored bytes on the way
//! out.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;
use axum_extra::extract::CookieJar;
use tokio::sync::{mpsc, watch};

use crate::AppState;
use crate::csrf::{CSRF_COOKIE, CsrfToken};
use crate::ctx::{LANG_COOKIE, SESSION_COOKIE, lang_from, lang_of, user_from};
use crate::i18n::Lang;

mod memos;
mod relay;
mod sessions;
mod signal_file;
mod store;

use memos::Memo;
pub use relay::relay;
use sessions::KeptSession;
use signal_file::SignalFile;
use store::{Freshness, KeptPage, MAX_PAGE_BYTES};

/// What a page depends on besides everything that changes rarely.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    /// The remarks of one consultation (lists, moderation log).
    Remarks(i64),
    /// What one account sees of its own doings (a vote, a saved draft): every change the
    /// account makes touches it.
    User(i64),
}

/// Marks a response as a page that may be kept (per language and account).
#[derive(Debug, Clone, Copy)]
pub struct Cacheable(pub Option<Scope>);

/// What a successful state-changing request changed; without this mark, anything may have.
#[derive(Debug, Clone, Copy)]
pub enum Changed {
    /// Only what depends on this scope.
    Scope(Scope),
    /// Nothing any kept page shows (a vote whose results only voters see, a survey response).
    Nothing,
}

/// Marks `r` as a page that may be kept, depending on `scope` besides rare changes.
pub fn cacheable(mut r: Response, scope: Option<Scope>) -> Response {
    r.extensions_mut().insert(Cacheable(scope));
    r
}

/// Marks a response as having changed nothing any kept page shows.
pub async fn changes_nothing(r: Response) -> Response {
    changed(r, Changed::Nothing)
}

/// Marks `r` as having changed only `what`.
pub fn changed(mut r: Response, what: Changed) -> Response {
    r.extensions_mut().insert(what);
    r
}

/// The pages kept by this instance and the clock that tells whether they are current.
pub struct PageCache {
    /// The logical clock: moves by one at every change, made here or elsewhere.
    clock: AtomicU64,
    /// Clock value of the last change that affects every page.
    everything_changed_at: AtomicU64,
    /// Clock value of the last change to each scope that has changed.
    scope_changed_at: RwLock<HashMap<Scope, u64>>,
    /// The kept pages, by the key of [`page_key`].
    pages: RwLock<HashMap<String, Arc<KeptPage>>>,
    /// Bytes held by `pages`, bodies and keys, for [`MAX_BYTES`].
    page_bytes: AtomicU64,
    /// The kept sessions, by session token.
    sessions: RwLock<HashMap<String, KeptSession>>,
    /// The kept memos, by the key their user chose.
    memos: RwLock<HashMap<String, Memo>>,
    /// Pages one request is rendering while the others asking for them wait, by key.
    renderings: Mutex<HashMap<String, watch::Sender<()>>>,
    /// Keys of pages old only by age that one request is rendering anew in the background.
    refreshing: Mutex<HashSet<String>>,
    /// Keys of pages their handler did not mark as cacheable, or too large to keep: requests
    /// for them need not wait for each other.
    not_kept: RwLock<HashSet<String>>,
    /// How instances on one SQLite database learn of each other's changes.
    signal_file: Option<SignalFile>,
    /// Where this instance's changes go to reach the other instances (PostgreSQL), once
    /// [`relay`] runs.
    signal_outbox: Mutex<Option<mpsc::UnboundedSender<String>>>,
    /// False while the signals of other instances are not being received: nothing is
    /// served from memory then, since a change elsewhere would go unnoticed.
    receiving_signals: AtomicBool,
    /// Names this instance in its signals, so that it ignores its own.
    instance_id: String,
}

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

impl Default for PageCache {
    fn default() -> Self {
        PageCache {
            clock: AtomicU64::new(1),
            everything_changed_at: AtomicU64::new(1),
            scope_changed_at: RwLock::new(HashMap::new()),
            pages: RwLock::new(HashMap::new()),
            page_bytes: AtomicU64::new(0),
            sessions: RwLock::new(HashMap::new()),
            memos: RwLock::new(HashMap::new()),
            renderings: Mutex::new(HashMap::new()),
            refreshing: Mutex::new(HashSet::new()),
            not_kept: RwLock::new(HashSet::new()),
            signal_file: None,
            signal_outbox: Mutex::new(None),
            receiving_signals: AtomicBool::new(true),
            instance_id: agora_db::random_token()[..8].to_owned(),
        }
    }
}

impl PageCache {
    /// Records a change to everything (after it is committed).
    pub fn changed_everything(&self) {
        self.apply_change(None);
        self.tell_other_instances("*");
    }

    /// Records a change to what depends on `scope` (after it is committed).
    pub fn changed_scope(&self, scope: Scope) {
        self.apply_change(Some(scope));
        match scope {
            Scope::Remarks(id) => self.tell_other_instances(&format!("r{id}")),
            Scope::User(id) => self.tell_other_instances(&format!("u{id}")),
        }
    }

    /// The clock now: read it before loading what will be kept.
    pub fn now(&self) -> u64 {
        self.clock.load(Ordering::SeqCst)
    }

    /// Whether anything kept may be used: the signals of other instances are being received,
    /// and a change one of them wrote to the signal file has been applied here (the file is
    /// read first when the last read is no longer trusted).
    fn may_use_kept(&self) -> bool {
        if !self.serving() {
            return false;
        }
        if let Some(f) = &self.signal_file {
            f.read_if_due(|| self.apply_change(None));
        }
        true
    }

    /// The answer to a GET from memory, before any other layer runs, when the page is kept and
    /// current for this visitor; `None` sends the request the long way (see [`middleware`]).
    pub fn answer<B>(&self, req: &axum::http::Request<B>, secure_cookies: bool) -> Option<Response> {
        if req.method() != Method::GET {
            return None;
        }
        let v = Visitor::of(req.headers())?;
        let (uid, locale) = match v.session {
            Some(t) => self.session_with(t, |u| (Some(u.id), Lang::parse(&u.locale)))?,
            None => (None, None),
        };
        let lang = lang_from(v.lang, locale, req.headers());
        // The key is built in a buffer each serving thread reuses: this runs for every page
        // served from memory, where even one allocation shows in the time it takes.
        thread_local!(static KEY: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) });
        let (e, Freshness::Fresh) = KEY.with_borrow_mut(|key| {
            key.clear();
            write_page_key(key, lang, uid, req.uri());
            let found = self.get(key);
            if key.capacity() > 4096 {
                // One very long address must not stay held by the thread.
                *key = String::new();
            }
            found
        })?
        else {
            return None;
        };
        if e.token_offsets.is_empty() {
            // Nothing on the page posts, so the visitor needs no token either.
            return Some(kept_response(&e, ""));
        }
        let Some(token) = v.csrf.filter(|t| t.len() == 64) else {
            let token = agora_db::random_token();
            let mut r = kept_response(&e, &token);
            if let Ok(c) = HeaderValue::from_str(&crate::csrf::cookie(&token, secure_cookies)) {
                r.headers_mut().append(header::SET_COOKIE, c);
            }
            return Some(r);
        };
        Some(kept_response(&e, token))
    }

    /// Moves the clock for a change, made here or learnt from another instance, without telling
    /// anyone: a change to everything when `scope` is `None`, else to what depends on `scope`.
    fn apply_change(&self, scope: Option<Scope>) {
        let stamp = self.clock.fetch_add(1, Ordering::SeqCst) + 1;
        match scope {
            None => {
                // Pages stay in the map, stale by the clock, so that the next request for
                // each renders it once while the others wait (see `middleware`).
                self.everything_changed_at.store(stamp, Ordering::SeqCst);
                self.drop_sessions();
            }
            Some(s) => {
                if let Ok(mut m) = self.scope_changed_at.write() {
                    m.insert(s, stamp);
                }
            }
        }
    }

    /// Tells other instances about a change made here (never about one heard from them, which
    /// would echo between instances for ever).
    fn tell_other_instances(&self, what: &str) {
        if let Some(f) = &self.signal_file {
            f.write_change(|| self.apply_change(None));
        }
        if let Ok(o) = self.signal_outbox.lock()
            && let Some(tx) = o.as_ref()
        {
            let _ = tx.send(format!("{} {what}", self.instance_id));
        }
    }

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

/// The cookies of a visitor a kept page may be served to: none but the CSRF, language and
/// session ones (a vote or an answered survey change what the page shows).
#[derive(Default)]
struct Visitor<'a> {
    csrf: Option<&'a str>,
    lang: Option<&'a str>,
    session: Option<&'a str>,
}

impl<'a> Visitor<'a> {
    /// The visitor behind `headers`, or `None` when another cookie is sent.
    fn of(headers: &'a HeaderMap) -> Option<Visitor<'a>> {
        let mut v = Visitor::default();
        for h in headers.get_all(header::COOKIE) {
            for c in h.to_str().ok()?.split(';') {
                let (name, value) = c.split_once('=').unwrap_or((c, ""));
                let value = Some(value.trim());
                match name.trim() {
                    "" => {}
                    CSRF_COOKIE => v.csrf = value,
                    LANG_COOKIE => v.lang = value,
                    SESSION_COOKIE => v.session = value,
                    _ => return None,
                }
            }
        }
        Some(v)
    }
}

/// Whether a GET's page may come from memory.
fn keepable_get(req: &Request) -> bool {
    req.method() == Method::GET && Visitor::of(req.headers()).is_some()
}

/// Where a page is kept: language, account (0 for none), path and query.
fn page_key(lang: Lang, uid: Option<i64>, uri: &axum::http::Uri) -> String {
    let mut key = String::new();
    write_page_key(&mut key, lang, uid, uri);
    key
}

/// Writes the key of [`page_key`] into `key`.
fn write_page_key(key: &mut String, lang: Lang, uid: Option<i64>, uri: &axum::http::Uri) {
    use std::fmt::Write;
    // Built by hand: on a page served from memory, `format!` shows in the server's time.
    let path = uri.path_and_query().map_or("/", |p| p.as_str());
    key.reserve(24 + path.len());
    key.push_str(lang.code());
    match uid {
        Some(id) => {
            let _ = write!(key, "{id}");
        }
        None => key.push('0'),
    }
    key.push_str(path);
}

/// Where each occurrence of `needle` starts in `hay`, left to right, without overlaps.
fn offsets_of(hay: &[u8], needle: &[u8]) -> Vec<usize> {
    if needle.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(p) = memchr::memmem::find(&hay[i..], needle) {
        out.push(i + p);
        i += p + needle.len();
    }
    out
}

/// The response for a kept page, with `token` written over the CSRF token it was rendered with.
fn kept_response(e: &KeptPage, token: &str) -> Response {
    let body = if e.token_offsets.is_empty() {
        e.body.clone()
    } else {
        let mut b = Vec::with_capacity(e.body.len());
        let mut last = 0;
        for &h in &e.token_offsets {
            b.extend_from_slice(&e.body[last..h]);
            b.extend_from_slice(token.as_bytes());
            last = h + token.len();
        }
        b.extend_from_slice(&e.body[last..]);
        Bytes::from(b)
    };
    let mut r = Response::new(Body::from(body));
    *r.headers_mut() = e.headers.clone();
    r
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
    let lookup = cache.get(&key);
    match &lookup {
        Some((e, Freshness::Fresh)) => return kept_response(e, &token),
        Some((e, Freshness::Aged)) => {
            // Old only by age: this visitor gets it at once, and one request renders it anew.
            let claimed = cache.refreshing.lock().is_ok_and(|mut r| r.insert(key.clone()));
            if claimed {
                let (cache, key, token) = (cache.clone(), key.clone(), token.clone());
                tokio::spawn(async move {
                    let resp = next.run(req).await;
                    keep(&cache, key.clone(), rendered_at, uid, &token, resp).await;
                    if let Ok(mut r) = cache.refreshing.lock() {
                        r.remove(&key);
                    }
                });
            }
            return kept_response(e, &token);
        }
        _ => {}
    }
    if !cache.serving() || cache.never_kept(&key) {
        let resp = next.run(req).await;
        return keep(cache, key, rendered_at, uid, &token, resp).await;
    }
    // One request renders a missing or stale page; the others asking for it meanwhile wait
    // for that page instead of rendering it again each.
    let _guard = match cache.join_rendering(&key) {
        RenderRole::Renderer(g) => Some(g),
        RenderRole::Waiter(mut rx) => {
            let _ = rx.changed().await;
            if let Some((e, Freshness::Fresh)) = cache.get(&key) {
                return kept_response(&e, &token);
            }
            None
        }
        RenderRole::Alone => None,
    };
    let resp = next.run(req).await;
    keep(cache, key, rendered_at, uid, &token, resp).await
}

/// Keeps `resp` when its handler marked it and it can be kept; returns it either way.
async fn keep(
    cache: &Arc<PageCache>,
    key: String,
    rendered_at: u64,
    uid: Option<i64>,
    token: &str,
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
    let (parts, body) = resp.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_PAGE_BYTES).await else {
        return Response::from_parts(parts, Body::empty());
    };
    let mut headers = parts.headers.clone();
    headers.remove(header::SET_COOKIE);
    // Kept answers skip the outer layers, so they carry what those would add.
    for (name, value) in crate::security_headers() {
        headers.entry(name).or_insert(value);
    }
    let entry = KeptPage {
        rendered_at,
        scope,
        user: uid,
        kept_at: Instant::now(),
        headers,
        token_offsets: offsets_of(&bytes, token.as_bytes()),
        body: bytes.clone(),
    };
    cache.forget_not_kept(&key);
    cache.put(key, entry);
    Response::from_parts(parts, Body::from(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_is_kept_apart_per_language_account_and_query() {
        let uri = |s: &str| s.parse::<axum::http::Uri>().unwrap();
        let keys = [
            page_key(Lang::Pl, None, &uri("/konsultacje?status=trwajace")),
            page_key(Lang::En, None, &uri("/konsultacje?status=trwajace")),
            page_key(Lang::Pl, Some(7), &uri("/konsultacje?status=trwajace")),
            page_key(Lang::Pl, None, &uri("/konsultacje?status=planowane")),
            page_key(Lang::Pl, None, &uri("/konsultacje")),
        ];
        assert_eq!(keys[0], "pl0/konsultacje?status=trwajace");
        assert_eq!(keys[2], "pl7/konsultacje?status=trwajace");
        assert_eq!(keys.iter().collect::<HashSet<_>>().len(), keys.len());
    }
}
