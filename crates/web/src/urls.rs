//! Building and checking the addresses the site links and redirects to; depends on nothing
//! else of the crate, so every layer may use it.

use axum::response::Redirect;

/// Percent-encodes a value for a query string.
pub fn url_encode(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

/// Whether `target` is a path on this site that every browser reads the same way. Browsers drop
/// tabs and line breaks from addresses and read `\` as `/`, so `/<TAB>/evil.example` would be
/// read as `//evil.example`, another site: only visible ASCII is allowed (what a URI is made of,
/// non-ASCII comes percent-encoded), and the path must not begin with a second slash.
pub fn is_local_path(target: &str) -> bool {
    target.starts_with('/') && !target.starts_with("//") && target.bytes().all(|b| b.is_ascii_graphic() && b != b'\\')
}

/// A local path to return to, or `/` when `next` is anything else.
pub fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(n) if is_local_path(n) => n.to_owned(),
        _ => "/".to_owned(),
    }
}

/// A redirect (303) to `target` when it is a path on this site, else to the home page: every
/// redirect the site answers goes through here, whatever part of its target came from the
/// request, so none leaves the site and none fails to be written as a header.
pub fn redirect(target: &str) -> Redirect {
    Redirect::to(&safe_next(Some(target)))
}

/// The host of the site's address, for the `tag:` ids of feeds and calendars.
pub fn host_of(base: &str) -> String {
    url::Url::parse(base).ok().and_then(|u| u.host_str().map(str::to_owned)).unwrap_or_else(|| "agora".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_paths_of_this_site_every_browser_reads_alike_are_local() {
        for ok in ["/", "/konsultacje?status=otwarte&q=most", "/ankiety/a-b#sonda-3", "/konto/logowanie?next=%2Fkonto"]
        {
            assert!(is_local_path(ok), "{ok}");
        }
        for bad in [
            "",
            "https://evil.example/",
            "//evil.example",
            "/\t/evil.example",
            "/\\evil.example",
            "\\/evil.example",
            "/\r\nSet-Cookie: a=b",
            "/a b",
            "/zażółć",
            "evil.example",
        ] {
            assert!(!is_local_path(bad), "{bad:?}");
        }
    }

    #[test]
    fn a_redirect_elsewhere_goes_home() {
        use axum::response::IntoResponse;
        let location = |t: &str| redirect(t).into_response().headers()["location"].to_str().unwrap().to_owned();
        assert_eq!(location("/konto"), "/konto");
        assert_eq!(location("/\t/evil.example"), "/");
        assert_eq!(location("/\r\nSet-Cookie: a=b"), "/");
    }
}
