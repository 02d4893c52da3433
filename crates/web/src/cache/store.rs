//! The store of rendered pages: what is kept of each, whether a kept page may still be served,
//! and which pages make room when the store is full.

use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::http::HeaderMap;

use super::gzip::Gzipped;
use super::{PageCache, Scope};

/// Longest a page is kept even when nothing changes: pages show times relative to now
/// ("closes in 3 days", whether a survey is still open). Memos are kept as long.
pub(super) const MAX_AGE: Duration = Duration::from_secs(10);
/// Most pages kept; also the most memos, and the most pages remembered as not kept.
pub(super) const MAX_ENTRIES: usize = 4096;
/// Most bytes of pages kept.
const MAX_BYTES: usize = 64 * 1024 * 1024;
/// Largest page kept.
pub(super) const MAX_PAGE_BYTES: usize = 1024 * 1024;

/// A rendered page as kept, with what decides whether it is still current.
pub(super) struct KeptPage {
    /// Clock value read before the page was rendered.
    pub(super) rendered_at: u64,
    /// What the page depends on besides changes to everything, as its handler marked it.
    pub(super) scope: Option<Scope>,
    /// The account the page was rendered for: every change that account makes touches it.
    pub(super) user: Option<i64>,
    /// When the page was kept, for [`MAX_AGE`].
    pub(super) kept_at: Instant,
    /// The headers to answer with, including those the outer layers would have added.
    pub(super) headers: HeaderMap,
    /// The page as rendered for one visitor, whose CSRF token is replaced on the way out.
    pub(super) body: Bytes,
    /// Where that visitor's CSRF token starts in `body`, each time it occurs.
    pub(super) token_offsets: Vec<usize>,
    /// The page gzipped, for browsers that accept it; `None` when that is no smaller.
    pub(super) gzip: Option<Gzipped>,
}

impl KeptPage {
    /// Bytes held for the page, in both encodings.
    fn bytes(&self) -> usize {
        self.body.len() + self.gzip.as_ref().map_or(0, Gzipped::size)
    }
}

/// Whether a kept page may be served.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Freshness {
    /// Rendered after every change that affects it, and recently.
    Fresh,
    /// Current by the clock but older than [`MAX_AGE`]: served once more while it is rendered again.
    Aged,
    /// Rendered before a change that affects it: never served.
    Stale,
}

impl PageCache {
    /// Whether `e` may be served, by the clock and by its age.
    fn freshness(&self, e: &KeptPage) -> Freshness {
        if self.everything_changed_at.load(Ordering::SeqCst) > e.rendered_at {
            return Freshness::Stale;
        }
        if e.scope.is_some() || e.user.is_some() {
            let Ok(m) = self.scope_changed_at.read() else { return Freshness::Stale };
            let fresh = |s: Scope| m.get(&s).is_none_or(|&t| t <= e.rendered_at);
            if !(e.scope.is_none_or(fresh) && e.user.is_none_or(|u| fresh(Scope::User(u)))) {
                return Freshness::Stale;
            }
        }
        if e.kept_at.elapsed() > MAX_AGE { Freshness::Aged } else { Freshness::Fresh }
    }

    /// The page kept under `key` and whether it may be served; `None` also while nothing kept
    /// may be used.
    pub(super) fn get(&self, key: &str) -> Option<(Arc<KeptPage>, Freshness)> {
        if !self.may_use_kept() {
            return None;
        }
        let e = self.pages.read().ok()?.get(key).cloned()?;
        let f = self.freshness(&e);
        Some((e, f))
    }

    /// Whether the page under `key` was last answered without being kept.
    pub(super) fn never_kept(&self, key: &str) -> bool {
        self.not_kept.read().is_ok_and(|s| s.contains(key))
    }

    /// Takes `key` off the pages not kept, as its page has just been kept.
    pub(super) fn forget_not_kept(&self, key: &str) {
        if self.never_kept(key)
            && let Ok(mut s) = self.not_kept.write()
        {
            s.remove(key);
        }
    }

    /// Notes that the page under `key` was answered without being kept.
    pub(super) fn mark_not_kept(&self, key: &str) {
        if let Ok(mut s) = self.not_kept.write() {
            if s.len() >= MAX_ENTRIES {
                s.clear();
            }
            s.insert(key.to_owned());
        }
    }

    /// Keeps `e` under `key` unless a change has already made it stale, first dropping other
    /// pages, in no particular order, until it fits within [`MAX_ENTRIES`] and [`MAX_BYTES`].
    pub(super) fn put(&self, key: String, e: KeptPage) {
        let size = e.bytes() + key.len();
        let Ok(mut map) = self.pages.write() else { return };
        // A change that happened while the page was rendered makes it stale already.
        if self.freshness(&e) != Freshness::Fresh {
            return;
        }
        while !map.is_empty()
            && (map.len() >= MAX_ENTRIES || self.page_bytes.load(Ordering::Relaxed) as usize + size > MAX_BYTES)
        {
            let Some(k) = map.keys().next().cloned() else { break };
            if let Some(old) = map.remove(&k) {
                self.page_bytes.fetch_sub((old.bytes() + k.len()) as u64, Ordering::Relaxed);
            }
        }
        if let Some(old) = map.insert(key.clone(), Arc::new(e)) {
            self.page_bytes.fetch_sub((old.bytes() + key.len()) as u64, Ordering::Relaxed);
        }
        self.page_bytes.fetch_add(size as u64, Ordering::Relaxed);
    }
}
