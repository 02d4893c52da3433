//! The relay between instances on one PostgreSQL database: each instance's changes go out to
//! the others with NOTIFY and theirs come in through LISTEN.
//!
//! A signal is one line, `<instance id> <what changed>`, and a notification carries as many as
//! queued up. While the listening connection is down, nothing kept is served, since a change
//! made elsewhere meanwhile would go unnoticed; once it is back, everything kept is treated as
//! changed.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use tokio::sync::mpsc;

use super::{PageCache, Scope};
use crate::state::AppState;

impl PageCache {
    /// A cache that serves nothing until [`relay`] receives other instances' signals (PostgreSQL).
    pub fn with_signals() -> PageCache {
        PageCache { receiving_signals: AtomicBool::new(false), ..PageCache::default() }
    }

    /// Whether pages are being served from memory (false while the signals of other instances
    /// are not being received).
    pub fn serving(&self) -> bool {
        self.receiving_signals.load(Ordering::SeqCst)
    }

    /// Records whether the signals of other instances are being received; either way, what
    /// is kept may have missed a change, so it is all treated as changed.
    fn set_receiving_signals(&self, on: bool) {
        self.apply_change(None);
        self.receiving_signals.store(on, Ordering::SeqCst);
    }

    /// Applies a signal from another instance: `<instance> *` (everything), `<instance> r<id>`
    /// (the remarks of a consultation) or `<instance> u<id>` (an account) or `<instance> f<id>` (a forum space).
    pub fn apply_signal(&self, payload: &str) {
        let Some((from, what)) = payload.split_once(' ') else { return };
        if from == self.instance_id {
            return;
        }
        let id = |p: char| what.strip_prefix(p).and_then(|id| id.parse().ok());
        match (id('r'), id('u'), id('f')) {
            (Some(id), _, _) => self.apply_change(Some(Scope::Remarks(id))),
            (_, Some(id), _) => self.apply_change(Some(Scope::User(id))),
            (_, _, Some(id)) => self.apply_change(Some(Scope::Forum(id))),
            _ => self.apply_change(None),
        }
    }

    /// Sends this instance's changes to the others through `tx` from now on.
    pub fn send_signals_to(&self, tx: mpsc::UnboundedSender<String>) {
        if let Ok(mut o) = self.signal_outbox.lock() {
            *o = Some(tx);
        }
    }
}

/// Carries this instance's changes to the others and theirs to it (PostgreSQL), until the
/// process ends; when the connection drops, everything kept is treated as changed.
pub async fn relay(state: AppState) {
    let (tx, mut rx) = mpsc::unbounded_channel::<String>();
    state.pages.send_signals_to(tx);
    let db = state.db.clone();
    // Outgoing: whatever queued up goes in one notification.
    tokio::spawn(async move {
        while let Some(first) = rx.recv().await {
            let mut batch = vec![first];
            while let Ok(more) = rx.try_recv() {
                batch.push(more);
            }
            batch.sort();
            batch.dedup();
            // A notification carries at most 8,000 bytes.
            for chunk in batch.chunks(256) {
                if let Err(e) = agora_db::signals::notify(&db, &chunk.join("\n")).await {
                    tracing::warn!(error = %e, "could not signal a change to other instances");
                }
            }
        }
    });
    loop {
        let mut listener = match agora_db::signals::Listener::start(&state.db).await {
            Ok(Some(l)) => l,
            Ok(None) => return,
            Err(e) => {
                tracing::warn!(error = %e, "cannot listen for other instances' changes; retrying");
                tokio::time::sleep(Duration::from_secs(1)).await;
                continue;
            }
        };
        state.pages.set_receiving_signals(true);
        loop {
            match listener.recv().await {
                Ok(Some(payload)) => payload.lines().for_each(|l| state.pages.apply_signal(l)),
                Ok(None) => state.pages.apply_change(None),
                Err(e) => {
                    tracing::warn!(error = %e, "lost the change signals of other instances");
                    state.pages.set_receiving_signals(false);
                    break;
                }
            }
        }
    }
}
