//! Who is asking, as far as the request itself tells without the database: the cookies'
//! names, the page language, and the signed-in account once looked up. The kept pages and
//! the request context both read it, so it depends on neither.

use crate::i18n::Lang;
use agora_domain::permission::Grant;
use axum::http::HeaderMap;
use axum_extra::extract::CookieJar;

/// The session cookie's name.
pub const SESSION_COOKIE: &str = "agora_session";
/// The language cookie's name.
pub const LANG_COOKIE: &str = "agora_lang";

/// The page language: the language cookie, else the account's, else the browser's, else Polish.
pub fn lang_of(headers: &HeaderMap, jar: &CookieJar, account_locale: Option<&str>) -> Lang {
    lang_from(jar.get(LANG_COOKIE).map(|c| c.value()), account_locale.and_then(Lang::parse), headers)
}

/// The language from the language cookie's value, else the account's, else the browser's.
pub fn lang_from(cookie: Option<&str>, account: Option<Lang>, headers: &HeaderMap) -> Lang {
    cookie
        .and_then(Lang::parse)
        .or(account)
        .or_else(|| {
            headers.get(axum::http::header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).and_then(Lang::negotiate)
        })
        .unwrap_or_default()
}

/// The signed-in account.
#[derive(Debug, Clone)]
pub struct CurrentUser {
    /// Account id.
    pub id: i64,
    /// E-mail address.
    pub email: String,
    /// Shown name.
    pub display_name: String,
    /// Preferred language.
    pub locale: String,
    /// Roles held.
    pub grants: Vec<Grant>,
    /// The stored hash of this session, to end it or keep it.
    pub session_hash: String,
    /// When the account was made: new accounts may not post links on the forum.
    pub created_at: chrono::DateTime<chrono::Utc>,
}
