//! Memos: values loaded from the database that a form checks its input against (a consultation
//! with its sections and districts, a survey with its questions), kept in memory by the same
//! clock as the kept pages, until the next change to everything.

use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Instant;

use super::PageCache;
use super::store::{MAX_AGE, MAX_ENTRIES};

/// A value loaded from the database, such as what a form checks its input against.
pub(super) struct Memo {
    value: Arc<dyn std::any::Any + Send + Sync>,
    /// Clock value read before the value was loaded.
    loaded_at: u64,
    /// When the value was kept, for [`MAX_AGE`].
    kept_at: Instant,
}

impl PageCache {
    /// A value kept under `key` since the last change to everything (and recently).
    pub fn memo<T: Clone + Send + Sync + 'static>(&self, key: &str) -> Option<T> {
        if !self.may_use_kept() {
            return None;
        }
        let map = self.memos.read().ok()?;
        let m = map.get(key)?;
        if m.loaded_at < self.everything_changed_at.load(Ordering::SeqCst) || m.kept_at.elapsed() > MAX_AGE {
            return None;
        }
        m.value.downcast_ref::<T>().cloned()
    }

    /// Keeps `value`, loaded from the database at clock `since`, under `key`.
    pub fn keep_memo<T: Send + Sync + 'static>(&self, key: &str, value: T, since: u64) {
        let Ok(mut map) = self.memos.write() else { return };
        if map.len() >= MAX_ENTRIES {
            map.clear();
        }
        map.insert(key.to_owned(), Memo { value: Arc::new(value), loaded_at: since, kept_at: Instant::now() });
    }
}
