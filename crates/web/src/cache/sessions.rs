//! Sessions kept in memory: the account behind a session token, looked up in the database once
//! and used until a change that could end or alter it, by the same clock as the kept pages.

use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use super::PageCache;
use crate::visitor::CurrentUser;

/// Longest a session is kept. Every change through the site that could end or alter one
/// (signing out, roles, passwords, deleted accounts) is a change to everything and drops it at
/// once; the limit only bounds how long a change made outside the site (the command line)
/// takes to be seen.
const SESSION_MAX_AGE: Duration = Duration::from_secs(300);
/// Most sessions kept.
const MAX_SESSIONS: usize = 100_000;

/// The account behind a session token, as looked up in the database.
pub(super) struct KeptSession {
    user: CurrentUser,
    /// Clock value read before the session was looked up.
    loaded_at: u64,
    /// When the session was kept, for [`SESSION_MAX_AGE`].
    kept_at: Instant,
    /// When the session ends in the database.
    expires_at: chrono::DateTime<chrono::Utc>,
}

impl PageCache {
    /// The account of a session looked up since the last change that could end or alter it.
    pub fn session(&self, token: &str) -> Option<CurrentUser> {
        self.session_with(token, CurrentUser::clone)
    }

    /// What `f` reads from the account of a session kept as in [`PageCache::session`].
    pub(super) fn session_with<R>(&self, token: &str, f: impl FnOnce(&CurrentUser) -> R) -> Option<R> {
        if !self.may_use_kept() {
            return None;
        }
        let map = self.sessions.read().ok()?;
        let k = map.get(token)?;
        let current = k.loaded_at >= self.everything_changed_at.load(Ordering::SeqCst)
            && k.kept_at.elapsed() <= SESSION_MAX_AGE
            && k.expires_at > chrono::Utc::now();
        current.then(|| f(&k.user))
    }

    /// Keeps a session looked up from the database at clock `since`.
    pub fn keep_session(&self, token: &str, user: &CurrentUser, since: u64, expires_at: chrono::DateTime<chrono::Utc>) {
        let Ok(mut map) = self.sessions.write() else { return };
        if map.len() >= MAX_SESSIONS {
            map.clear();
        }
        map.insert(
            token.to_owned(),
            KeptSession { user: user.clone(), loaded_at: since, kept_at: Instant::now(), expires_at },
        );
    }

    /// Drops every kept session, on a change to everything.
    pub(super) fn drop_sessions(&self) {
        if let Ok(mut s) = self.sessions.write() {
            s.clear();
        }
    }
}
