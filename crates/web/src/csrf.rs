//! CSRF protection: a same-site check on every state-changing request, plus a token
//! kept in a cookie that every form must echo back (double submit).

use crate::error::AppError;
use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::CookieJar;

/// The cookie holding the token.
pub const CSRF_COOKIE: &str = "agora_csrf";
/// The form field carrying the token.
pub const CSRF_FIELD: &str = "csrf";
/// Largest form body read; larger ones get 413 before any handler runs.
pub const FORM_LIMIT: usize = 2 * 1024 * 1024;

/// Where one-click unsubscribe links point; posts there need no token.
pub const ONE_CLICK_PREFIX: &str = "/wypisz/";

/// The token forms on this page must carry.
#[derive(Debug, Clone)]
pub struct CsrfToken(pub String);

/// How the middleware is set up.
#[derive(Debug, Clone)]
pub struct CsrfConfig {
    /// Add the Secure flag to the cookie.
    pub secure: bool,
    /// The public origin (scheme://host[:port]) forms may be posted from, besides the Host header's.
    pub origin: String,
}

fn same_site(req: &Request, public_origin: &str) -> bool {
    let h = req.headers();
    if h.get("sec-fetch-site").is_some_and(|v| v.as_bytes() == b"cross-site") {
        return false;
    }
    // A page of the same host served over another scheme (plain http beside https) is another
    // origin: the scheme of the site's own address must match too.
    let scheme = public_origin.split("://").next().filter(|s| !s.is_empty()).unwrap_or("http");
    match (h.get(header::ORIGIN).and_then(|v| v.to_str().ok()), h.get(header::HOST).and_then(|v| v.to_str().ok())) {
        (Some(origin), Some(host)) => origin == public_origin || origin == format!("{scheme}://{host}"),
        (Some(origin), None) => origin == public_origin,
        (None, _) => true,
    }
}

/// The middleware; `secure` adds the Secure flag to the cookie.
pub async fn csrf(cfg: std::sync::Arc<CsrfConfig>, req: Request, next: Next) -> Response {
    let secure = cfg.secure;
    let jar = CookieJar::from_headers(req.headers());
    let existing = jar.get(CSRF_COOKIE).map(|c| c.value().to_owned()).filter(|v| v.len() == 64);
    let token = existing.clone().unwrap_or_else(agora_db::random_token);
    let mut req = req;
    // One-click unsubscribe (RFC 8058) is posted by the recipient's mail provider, from
    // another site and without the cookie; the key in the address is the capability, and
    // stopping mail is all it can do.
    let one_click = *req.method() == Method::POST && req.uri().path().starts_with(ONE_CLICK_PREFIX);
    if !one_click && !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        if !same_site(&req, &cfg.origin) {
            return AppError::Csrf.into_response();
        }
        let is_form = req
            .headers()
            .get(header::CONTENT_TYPE)
            .is_some_and(|v| v.as_bytes().starts_with(b"application/x-www-form-urlencoded"));
        let is_multipart =
            req.headers().get(header::CONTENT_TYPE).is_some_and(|v| v.as_bytes().starts_with(b"multipart/form-data"));
        if is_multipart {
            // File uploads are streamed to their handler, so their token rides in the
            // form's action URL instead of the body.
            let submitted = req.uri().query().and_then(|q| {
                url::form_urlencoded::parse(q.as_bytes()).find(|(k, _)| k == CSRF_FIELD).map(|(_, v)| v.into_owned())
            });
            let ok =
                matches!((&existing, &submitted), (Some(a), Some(b)) if constant_time_eq(a.as_bytes(), b.as_bytes()));
            if !ok {
                return AppError::Csrf.into_response();
            }
            req.extensions_mut().insert(CsrfToken(token.clone()));
            return next.run(req).await;
        }
        if !is_form {
            return AppError::BadRequest.into_response();
        }
        let (parts, body) = req.into_parts();
        let Ok(bytes) = axum::body::to_bytes(body, FORM_LIMIT).await else {
            let mut r = axum::http::StatusCode::PAYLOAD_TOO_LARGE.into_response();
            r.extensions_mut()
                .insert(crate::error::ErrorPage { status: axum::http::StatusCode::PAYLOAD_TOO_LARGE, csrf: false });
            return r;
        };
        let submitted = url::form_urlencoded::parse(&bytes).find(|(k, _)| k == CSRF_FIELD).map(|(_, v)| v.into_owned());
        let ok = match (&existing, &submitted) {
            (Some(a), Some(b)) => constant_time_eq(a.as_bytes(), b.as_bytes()),
            _ => false,
        };
        if !ok {
            return AppError::Csrf.into_response();
        }
        req = Request::from_parts(parts, Body::from(bytes));
    }
    req.extensions_mut().insert(CsrfToken(token.clone()));
    let mut resp = next.run(req).await;
    if existing.is_none()
        && let Ok(v) = HeaderValue::from_str(&cookie(&token, secure))
    {
        resp.headers_mut().append(header::SET_COOKIE, v);
    }
    resp
}

/// The `Set-Cookie` value giving a visitor `token`.
pub fn cookie(token: &str, secure: bool) -> String {
    format!("{CSRF_COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax{}", if secure { "; Secure" } else { "" })
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
