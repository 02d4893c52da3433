//! Answering a request with a kept page: which visitors a kept page may be served to, the key
//! it is kept under, and writing it out with the visitor's own CSRF token in its forms. Also
//! the quickest path, [`PageCache::answer`], which serves a current page before the router and
//! its layers run.

use axum::body::{Body, Bytes};
use axum::extract::Request;
use axum::http::{HeaderMap, HeaderValue, Method, header};
use axum::response::Response;

use super::PageCache;
use super::gzip::Gzipped;
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
        let gzip = accepts_gzip(req.headers());
        if e.token_offsets.is_empty() {
            // Nothing on the page posts, so the visitor needs no token either.
            return Some(kept_response(&e, "", gzip));
        }
        let Some(token) = v.csrf.filter(|t| t.len() == 64) else {
            let token = agora_db::random_token();
            let mut r = kept_response(&e, &token, gzip);
            if let Ok(c) = HeaderValue::from_str(&crate::csrf::cookie(&token, secure_cookies)) {
                r.headers_mut().append(header::SET_COOKIE, c);
            }
            return Some(r);
        };
        Some(kept_response(&e, token, gzip))
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

/// Whether a request's `Accept-Encoding` takes gzip (RFC 9110, 12.5.3): named with a weight
/// above zero, or not named and covered by a `*` above zero.
pub(super) fn accepts_gzip(headers: &HeaderMap) -> bool {
    let mut any = false;
    for h in headers.get_all(header::ACCEPT_ENCODING) {
        let Ok(list) = h.to_str() else { continue };
        for item in list.split(',') {
            let mut params = item.split(';');
            let coding = params.next().unwrap_or_default().trim();
            let weight = params
                .find_map(|p| {
                    let (name, value) = p.split_once('=')?;
                    name.trim().eq_ignore_ascii_case("q").then(|| value.trim().parse::<f32>().unwrap_or(0.0))
                })
                .unwrap_or(1.0);
            if coding.eq_ignore_ascii_case("gzip") || coding.eq_ignore_ascii_case("x-gzip") {
                return weight > 0.0;
            }
            if coding == "*" {
                any = weight > 0.0;
            }
        }
    }
    any
}

/// The response for a kept page, with `token` written over the CSRF token it was rendered
/// with, gzipped when `gzip` says the browser takes it.
///
/// The body goes out as slices of the kept page with the token between them, never copied into
/// a new buffer: the connection writes the pieces with one vectored write, and on a large page
/// (a forum thread) the copy showed in the rate the page is served at.
pub(super) fn kept_response(e: &KeptPage, token: &str, gzip: bool) -> Response {
    if gzip && let Some((z, body)) = e.gzip.as_ref().and_then(|z| Some((z, gzip_body(z, token)?))) {
        let mut r = Response::new(body);
        *r.headers_mut() = z.headers.clone();
        return r;
    }
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

/// The gzipped page with `token` in its forms, as pieces of the kept stream.
pub(super) fn gzip_body(z: &Gzipped, token: &str) -> Option<Body> {
    match z.whole() {
        Some(whole) => Some(Body::from(whole.clone())),
        None => z.with_token(token.as_bytes()).map(|parts| Body::new(Pieces::new(parts))),
    }
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

    #[test]
    fn gzip_is_sent_to_browsers_that_take_it() {
        let takes = |v: &str| {
            let mut h = HeaderMap::new();
            h.insert(header::ACCEPT_ENCODING, HeaderValue::from_str(v).unwrap());
            accepts_gzip(&h)
        };
        assert!(takes("gzip, deflate, br, zstd"));
        assert!(takes("br;q=1.0, gzip;q=0.8, *;q=0.1"));
        assert!(takes("*"));
        assert!(!takes("identity"));
        assert!(!takes("gzip;q=0, *"));
        assert!(!takes("br, *;q=0"));
        assert!(!accepts_gzip(&HeaderMap::new()));
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
            gzip: None,
        };
        let new = "b".repeat(64);
        let r = kept_response(&e, &new, true);
        assert_eq!(r.body().size_hint().exact(), Some(page.len() as u64));
        let body = axum::body::to_bytes(r.into_body(), usize::MAX).await.unwrap();
        assert_eq!(body, page.replace(&old, &new).as_bytes());
    }
}
