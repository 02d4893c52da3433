//! Answering a request with a kept page: which visitors a kept page may be served to, the key
//! it is kept under, and writing it out with the visitor's own CSRF token in its forms. Also
//! the quickest path, [`PageCache::answer`], which serves a current page before the router and
//! its layers run.

use axum::body::{Body, Bytes};
use axum::extract::Request;
use axum::http::{HeaderMap, HeaderValue, Method, header};
use axum::response::Response;

use super::PageCache;
use super::store::{Freshness, KeptPage};
use crate::csrf::CSRF_COOKIE;
use crate::i18n::Lang;
use crate::visitor::{LANG_COOKIE, SESSION_COOKIE, lang_from};

impl PageCache {
    /// The answer to a GET from memory, before any other layer runs, when the page is kept and
    /// current for this visitor; `None` sends the request the long way (see [`middleware`](fn@super::middleware)).
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
pub(super) fn keepable_get(req: &Request) -> bool {
    req.method() == Method::GET && Visitor::of(req.headers()).is_some()
}

/// Where a page is kept: language, account (0 for none), path and query.
pub(super) fn page_key(lang: Lang, uid: Option<i64>, uri: &axum::http::Uri) -> String {
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
pub(super) fn offsets_of(hay: &[u8], needle: &[u8]) -> Vec<usize> {
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
///
/// The body goes out as slices of the kept page with the token between them, never copied into
/// a new buffer: the connection writes the pieces with one vectored write, and on a large page
/// (a forum thread) the copy showed in the rate the page is served at.
pub(super) fn kept_response(e: &KeptPage, token: &str) -> Response {
    let body = if e.token_offsets.is_empty() {
        Body::from(e.body.clone())
    } else {
        let token = Bytes::copy_from_slice(token.as_bytes());
        let mut parts = Vec::with_capacity(2 * e.token_offsets.len() + 1);
        let mut last = 0;
        for &h in &e.token_offsets {
            parts.push(e.body.slice(last..h));
            parts.push(token.clone());
            last = h + token.len();
        }
        parts.push(e.body.slice(last..));
        Body::new(Pieces::new(parts))
    };
    let mut r = Response::new(body);
    *r.headers_mut() = e.headers.clone();
    r
}

/// A body sent as a few pieces whose total length is known, so it goes out with a
/// `Content-Length` rather than in chunks.
struct Pieces {
    /// The pieces still to send, last first.
    rest: Vec<Bytes>,
    /// How many bytes they hold.
    len: u64,
}

impl Pieces {
    fn new(mut parts: Vec<Bytes>) -> Pieces {
        parts.retain(|p| !p.is_empty());
        parts.reverse();
        let len = parts.iter().map(|p| p.len() as u64).sum();
        Pieces { rest: parts, len }
    }
}

impl http_body::Body for Pieces {
    type Data = Bytes;
    type Error = std::convert::Infallible;

    fn poll_frame(
        mut self: std::pin::Pin<&mut Self>,
        _: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Result<http_body::Frame<Bytes>, Self::Error>>> {
        let next = self.rest.pop();
        if let Some(p) = &next {
            self.len -= p.len() as u64;
        }
        std::task::Poll::Ready(next.map(|p| Ok(http_body::Frame::data(p))))
    }

    fn is_end_stream(&self) -> bool {
        self.rest.is_empty()
    }

    fn size_hint(&self) -> http_body::SizeHint {
        http_body::SizeHint::with_exact(self.len)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

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

    #[tokio::test]
    async fn a_kept_page_goes_out_whole_with_the_visitors_token_and_its_length() {
        use http_body::Body as _;
        let old = "a".repeat(64);
        let page = format!("<form><input value=\"{old}\"></form><p>x</p><form value=\"{old}\">");
        let e = KeptPage {
            rendered_at: 0,
            scope: None,
            user: None,
            kept_at: std::time::Instant::now(),
            headers: HeaderMap::new(),
            token_offsets: offsets_of(page.as_bytes(), old.as_bytes()),
            body: Bytes::from(page.clone()),
        };
        let new = "b".repeat(64);
        let r = kept_response(&e, &new);
        assert_eq!(r.body().size_hint().exact(), Some(page.len() as u64));
        let body = axum::body::to_bytes(r.into_body(), usize::MAX).await.unwrap();
        assert_eq!(body, page.replace(&old, &new).as_bytes());
    }
}
