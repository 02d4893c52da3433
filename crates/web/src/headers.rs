//! The security headers every answer carries, whether it comes from the router or from the
//! pages kept in memory.

use axum::http::{HeaderName, HeaderValue, header};

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

/// Marks what belongs to one person as theirs alone: staff and account pages, exports, and
/// anything answered to a signed-in browser. Shared caches and the browser's back-forward store
/// would otherwise keep personal data after sign-out. Answers that set their own policy
/// (assets, public feeds) keep it.
pub async fn private_no_store(req: axum::extract::Request, next: axum::middleware::Next) -> axum::response::Response {
    let path = req.uri().path();
    let personal = path.starts_with("/admin")
        || path.starts_with("/konto")
        || req.headers().get_all(header::COOKIE).iter().filter_map(|v| v.to_str().ok()).any(|v| {
            v.split(';').any(|c| {
                c.trim_start().strip_prefix(crate::visitor::SESSION_COOKIE).is_some_and(|rest| rest.starts_with('='))
            })
        });
    let mut res = next.run(req).await;
    if personal && !res.headers().contains_key(header::CACHE_CONTROL) {
        res.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
    }
    res
}
