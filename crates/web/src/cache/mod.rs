//! Rendered public pages kept in memory, per language and per account, and the sessions and
//! form facts kept by the same clock.
//!
//! # The clock
//!
//! A page is rendered once and served from memory until something changes. Every change
//! moves a logical clock, a counter that only goes up: a successful state-changing request
//! (after its commit, before its answer), the scheduler, or a signal from another instance.
//! A change is to everything, or only to what depends on one [`Scope`] (the remarks of a
//! consultation, what an account sees of its own doings); the clock value of the last change
//! to everything and to each scope is recorded. Whatever is kept (a page, a session, a memo)
//! carries the clock value read before it was rendered or loaded, and is used only when that
//! is not older than the last change that can affect it, so a visitor never sees a page older
//! than a change that was acknowledged. Pages and memos are also rendered or loaded again
//! after a short age, since pages show times relative to now. The only per-visitor part of an
//! anonymous page, the CSRF token of its forms, is written into the stored bytes on the way
//! out.
//!
//! # How the pieces fit
//!
//! Handlers mark the pages that may be kept with [`cacheable`] and, on a state-changing
//! request, what it changed with [`changed`] or [`changes_nothing`]; an unmarked change is a
//! change to everything. The [`middleware`](fn@middleware) around the router keeps marked pages
//! and moves the clock after each change (`middleware.rs`); [`PageCache::answer`] serves a
//! current page before the router runs at all (`serve.rs`). The pages themselves, their limits
//! and whether one is still current live in `store.rs`; the sessions and the memos, judged by
//! the same clock, in `sessions.rs` and `memos.rs`.
//!
//! Several instances may serve one database, and each must learn of the others' changes
//! before it serves a kept page again. On SQLite they share a small file beside the database
//! (`signal_file.rs`); on PostgreSQL they send each other notifications through [`relay`](fn@relay)
//! (`relay.rs`). A change learnt from another instance is applied here like a local one but
//! never passed on, which would echo between instances for ever.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};

use axum::response::Response;
use tokio::sync::{mpsc, watch};

mod gzip;
mod memos;
mod middleware;
mod relay;
mod serve;
mod sessions;
mod signal_file;
mod store;

use memos::Memo;
pub use middleware::middleware;
pub use relay::relay;
use sessions::KeptSession;
use signal_file::SignalFile;
use store::KeptPage;

/// What a page depends on besides everything that changes rarely.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    /// The remarks of one consultation (lists, moderation log).
    Remarks(i64),
    /// One forum space: its thread list and its threads' pages, which every post in it
    /// changes, and nothing else.
    Forum(i64),
    /// What one account sees of its own doings (a vote, a saved draft): every change the
    /// account makes touches it.
    User(i64),
}

/// Marks a response as a page that may be kept (per language and account).
#[derive(Debug, Clone, Copy)]
pub struct Cacheable(pub Option<Scope>);

/// What a successful state-changing request changed; without this mark, anything may have.
#[derive(Debug, Clone, Copy)]
pub enum Changed {
    /// Only what depends on this scope.
    Scope(Scope),
    /// Nothing any kept page shows (a vote whose results only voters see, a survey response).
    Nothing,
}

/// Marks `r` as a page that may be kept, depending on `scope` besides rare changes.
pub fn cacheable(mut r: Response, scope: Option<Scope>) -> Response {
    r.extensions_mut().insert(Cacheable(scope));
    r
}

/// Marks a response as having changed nothing any kept page shows.
pub async fn changes_nothing(r: Response) -> Response {
    changed(r, Changed::Nothing)
}

/// Marks `r` as having changed only `what`.
pub fn changed(mut r: Response, what: Changed) -> Response {
    r.extensions_mut().insert(what);
    r
}

/// The pages kept by this instance and the clock that tells whether they are current.
pub struct PageCache {
    /// The logical clock: moves by one at every change, made here or elsewhere.
    clock: AtomicU64,
    /// Clock value of the last change that affects every page.
    everything_changed_at: AtomicU64,
    /// Clock value of the last change to each scope that has changed.
    scope_changed_at: RwLock<HashMap<Scope, u64>>,
    /// The kept pages, by the key of [`serve::page_key`].
    pages: RwLock<HashMap<String, Arc<KeptPage>>>,
    /// Bytes held by `pages`, bodies and keys, for the store's limit on them.
    page_bytes: AtomicU64,
    /// The kept sessions, by session token.
    sessions: RwLock<HashMap<String, KeptSession>>,
    /// The kept memos, by the key the code that keeps them chose.
    memos: RwLock<HashMap<String, Memo>>,
    /// Pages one request is rendering while the others asking for them wait, by key.
    renderings: Mutex<HashMap<String, watch::Sender<()>>>,
    /// Keys of pages old only by age that one request is rendering anew in the background.
    refreshing: Mutex<HashSet<String>>,
    /// Keys of pages their handler did not mark as cacheable, or too large to keep: requests
    /// for them need not wait for each other.
    not_kept: RwLock<HashSet<String>>,
    /// How instances on one SQLite database learn of each other's changes.
    signal_file: Option<SignalFile>,
    /// Where this instance's changes go to reach the other instances (PostgreSQL), once
    /// [`relay`](fn@relay) runs.
    signal_outbox: Mutex<Option<mpsc::UnboundedSender<String>>>,
    /// False while the signals of other instances are not being received: nothing is
    /// served from memory then, since a change elsewhere would go unnoticed.
    receiving_signals: AtomicBool,
    /// Names this instance in its signals, so that it ignores its own.
    instance_id: String,
}

impl Default for PageCache {
    fn default() -> Self {
        PageCache {
            clock: AtomicU64::new(1),
            everything_changed_at: AtomicU64::new(1),
            scope_changed_at: RwLock::new(HashMap::new()),
            pages: RwLock::new(HashMap::new()),
            page_bytes: AtomicU64::new(0),
            sessions: RwLock::new(HashMap::new()),
            memos: RwLock::new(HashMap::new()),
            renderings: Mutex::new(HashMap::new()),
            refreshing: Mutex::new(HashSet::new()),
            not_kept: RwLock::new(HashSet::new()),
            signal_file: None,
            signal_outbox: Mutex::new(None),
            receiving_signals: AtomicBool::new(true),
            instance_id: agora_db::random_token()[..8].to_owned(),
        }
    }
}

impl PageCache {
    /// Records a change to everything (after it is committed).
    pub fn changed_everything(&self) {
        self.apply_change(None);
        self.tell_other_instances("*");
    }

    /// Records a change to what depends on `scope` (after it is committed).
    pub fn changed_scope(&self, scope: Scope) {
        self.apply_change(Some(scope));
        match scope {
            Scope::Remarks(id) => self.tell_other_instances(&format!("r{id}")),
            Scope::User(id) => self.tell_other_instances(&format!("u{id}")),
            Scope::Forum(id) => self.tell_other_instances(&format!("f{id}")),
        }
    }

    /// The clock now: read it before loading what will be kept.
    pub fn now(&self) -> u64 {
        self.clock.load(Ordering::SeqCst)
    }

    /// Whether anything kept may be used: the signals of other instances are being received,
    /// and a change one of them wrote to the signal file has been applied here (the file is
    /// read first when the last read is no longer trusted).
    fn may_use_kept(&self) -> bool {
        if !self.serving() {
            return false;
        }
        if let Some(f) = &self.signal_file {
            f.read_if_due(|| self.apply_change(None));
        }
        true
    }

    /// Moves the clock for a change, made here or learnt from another instance, without telling
    /// anyone: a change to everything when `scope` is `None`, else to what depends on `scope`.
    fn apply_change(&self, scope: Option<Scope>) {
        let stamp = self.clock.fetch_add(1, Ordering::SeqCst) + 1;
        match scope {
            None => {
                // Pages stay in the map, stale by the clock, so that the next request for
                // each renders it once while the others wait (see `middleware`).
                self.everything_changed_at.store(stamp, Ordering::SeqCst);
                self.drop_sessions();
            }
            Some(s) => {
                if let Ok(mut m) = self.scope_changed_at.write() {
                    m.insert(s, stamp);
                }
            }
        }
    }

    /// Tells other instances about a change made here (never about one learnt from them, which
    /// would echo between instances for ever): `what` is `*` for everything, `r<id>` or `u<id>`
    /// for a scope.
    fn tell_other_instances(&self, what: &str) {
        if let Some(f) = &self.signal_file {
            f.write_change(|| self.apply_change(None));
        }
        if let Ok(o) = self.signal_outbox.lock()
            && let Some(tx) = o.as_ref()
        {
            let _ = tx.send(format!("{} {what}", self.instance_id));
        }
    }
}
