//! The per-request context every page gets: language, signed-in user, CSRF token,
//! and the one permission check handlers call.

use crate::csrf::CsrfToken;
use crate::error::{AppError, AppResult};
use crate::i18n::{Arg, Lang};
use crate::state::AppState;
use crate::visitor::{CurrentUser, SESSION_COOKIE, lang_of};
use agora_db::audit::AuditEntry;
use agora_domain::permission::{Action, permits};
use agora_domain::visibility::{Item, Viewer, may_see};
use axum::extract::FromRequestParts;
use axum::http::HeaderMap;
use axum::http::request::Parts;
use axum_extra::extract::CookieJar;

/// The account behind a session token: from memory when looked up since the last change
/// that could end or alter it, else from the database.
pub async fn current_user(state: &AppState, token: &str) -> Option<CurrentUser> {
    if let Some(u) = state.pages.session(token) {
        return Some(u);
    }
    let since = state.pages.now();
    match agora_db::sessions::user_for(&state.db, token).await {
        Ok(Some(live)) => {
            let grants = match agora_db::roles::of_user(&state.db, live.user.id).await {
                Ok(g) => g,
                Err(e) => {
                    tracing::error!(error = %e, "role lookup failed");
                    return None;
                }
            };
            let u = CurrentUser {
                id: live.user.id,
                email: live.user.email,
                display_name: live.user.display_name,
                locale: live.user.locale,
                grants,
                session_hash: live.hash,
                created_at: live.user.created_at,
            };
            state.pages.keep_session(token, &u, since, live.expires_at);
            Some(u)
        }
        Ok(None) => None,
        Err(e) => {
            tracing::error!(error = %e, "session lookup failed");
            None
        }
    }
}

/// The account whose session cookie is in `jar`, if the session is live.
pub async fn user_from(state: &AppState, jar: &CookieJar) -> Option<CurrentUser> {
    match jar.get(SESSION_COOKIE) {
        Some(c) => current_user(state, c.value()).await,
        None => None,
    }
}

/// What every page needs to know about the request.
#[derive(Debug, Clone)]
pub struct Ctx {
    /// The interface language.
    pub lang: Lang,
    /// The signed-in account, if any.
    pub user: Option<CurrentUser>,
    /// The token forms must carry.
    pub csrf: String,
    /// The path and query of this request, for the language switch and sign-in returns.
    pub path: String,
    /// The contact address shown in the footer.
    pub contact_email: String,
}

impl Ctx {
    /// Builds the context from request headers (also used to render error pages).
    pub async fn from_headers(state: &AppState, headers: &HeaderMap) -> Ctx {
        Self::build(state, headers, String::new(), "/".into()).await
    }

    async fn build(state: &AppState, headers: &HeaderMap, csrf: String, path: String) -> Ctx {
        let jar = CookieJar::from_headers(headers);
        let user = user_from(state, &jar).await;
        let lang = lang_of(headers, &jar, user.as_ref().map(|u| u.locale.as_str()));
        Ctx { lang, user, csrf, path, contact_email: state.config.contact_email.clone() }
    }

    /// The message `key` in the page's language.
    pub fn t(&self, key: &str) -> String {
        self.lang.t(key)
    }

    /// The message `key` with one argument.
    pub fn t1(&self, key: &str, name: &'static str, value: impl Into<Arg>) -> String {
        self.lang.t_args(key, &[(name, value.into())])
    }

    /// Whether the signed-in user may do `action` (false when signed out).
    pub fn can(&self, action: Action) -> bool {
        self.user.as_ref().is_some_and(|u| permits(&u.grants, action))
    }

    /// Whether the visitor may see `item`: the one visibility rule, asked with their grants.
    pub fn may_see(&self, item: Item) -> bool {
        let viewer = self.user.as_ref().map_or(Viewer::ANONYMOUS, |u| Viewer::with_grants(&u.grants));
        may_see(viewer, item)
    }

    /// The signed-in user, or a redirect to sign in and back.
    pub fn require_user(&self) -> AppResult<&CurrentUser> {
        self.user.as_ref().ok_or_else(|| AppError::SignInRequired(self.path.clone()))
    }

    /// The permission check every handler uses: signed in and allowed to do `action`.
    pub fn require(&self, action: Action) -> AppResult<&CurrentUser> {
        let user = self.require_user()?;
        if permits(&user.grants, action) { Ok(user) } else { Err(AppError::Forbidden) }
    }

    /// An audit entry naming the current user as the actor.
    pub fn audit(&self, action: &'static str, entity: &'static str, details: impl Into<String>) -> AuditEntry {
        AuditEntry {
            actor_id: self.user.as_ref().map(|u| u.id),
            actor_label: self
                .user
                .as_ref()
                .map_or_else(|| "—".to_owned(), |u| format!("{} <{}>", u.display_name, u.email)),
            action,
            entity,
            details: details.into(),
        }
    }

    /// Whether the page is the one at `prefix` (for marking the current navigation link).
    pub fn at(&self, prefix: &str) -> bool {
        let path = self.path.split('?').next().unwrap_or("");
        if prefix == "/" { path == "/" } else { path.starts_with(prefix) }
    }
}

impl FromRequestParts<AppState> for Ctx {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        if let Some(ctx) = parts.extensions.get::<Ctx>() {
            return Ok(ctx.clone());
        }
        let csrf = parts.extensions.get::<CsrfToken>().map(|t| t.0.clone()).unwrap_or_default();
        let path = parts.uri.path_and_query().map_or_else(|| "/".to_owned(), |p| p.as_str().to_owned());
        let ctx = Ctx::build(state, &parts.headers, csrf, path).await;
        parts.extensions.insert(ctx.clone());
        Ok(ctx)
    }
}
