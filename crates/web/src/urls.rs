//! Building and checking the addresses the site links and redirects to; depends on nothing
//! else of the crate, so every layer may use it.

/// Percent-encodes a value for a query string.
pub fn url_encode(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

/// A local path to return to, or `/` when `next` would leave the site.
pub fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(n) if n.starts_with('/') && !n.starts_with("//") && !n.contains('\\') => n.to_owned(),
        _ => "/".to_owned(),
    }
}
