//! The signal file beside a SQLite database, through which instances on one machine learn of
//! each other's changes.
//!
//! The file holds sixteen bytes: how many changes the last writer has written, and the writer's
//! id. Every change an instance makes writes new bytes; before anything kept is used, the
//! instance reads the file, and bytes it did not write itself mean another instance changed
//! something, which counts here as a change to everything. Reading the file on every request
//! would cost much of what serving from memory saves, so a read is trusted for a short while
//! ([`READ_TRUSTED_FOR`]), and the request that wrote a change waits that long before it is
//! answered, once this instance knows it is not alone on the file.

use std::collections::HashSet;
use std::fs::File;
use std::os::unix::fs::FileExt;
use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use super::PageCache;

/// How long a read of the signal file is trusted: an instance reads the file again only when
/// its last read began longer ago than this, and an instance that wrote a change answers the
/// request that made it only this long after the write, so every read of another instance
/// still trusted when the answer is sent began after the write. Reading once per request
/// instead would be a large share of the time of a page served from memory (see
/// BENCHMARKS.md). An instance that has seen no other write to the file since it opened it
/// (the usual case) does not wait (see [`SignalFile::delay_until_others_read`]).
const READ_TRUSTED_FOR: Duration = Duration::from_millis(1);

/// A file beside a SQLite database through which instances on one machine see each other's
/// changes: each change writes new bytes (a count and the writer's id), and each read
/// compares them with the bytes this instance last saw.
pub(super) struct SignalFile {
    file: File,
    /// This instance's id in the file.
    id: [u8; 8],
    /// What this instance knows of the file; the file is read and written under this lock.
    state: Mutex<SignalState>,
    /// Where the instants below count from.
    start: Instant,
    /// When this instance's first write ended, in nanoseconds from `start`.
    first_write_ended: u64,
    /// When the last finished read began, in nanoseconds from `start` (0: none yet).
    last_read_began: AtomicU64,
    /// When this instance's last write ended, in nanoseconds from `start`.
    last_write_ended: AtomicU64,
    /// Whether another instance has written since this one opened the file.
    others_wrote: AtomicBool,
}

/// What this instance last saw in the signal file, which other instances it has answered, and
/// how many times it wrote (so that each write is new bytes).
struct SignalState {
    /// The file's bytes as this instance last read or wrote them.
    last_bytes: [u8; 16],
    /// How many times this instance has written to the file.
    writes: u64,
    /// Instances whose first write this one has answered (see [`SignalFile::read_now`]).
    answered: HashSet<[u8; 8]>,
}

impl SignalFile {
    /// Opens the file and writes to it once, before anything is kept (see
    /// [`READ_TRUSTED_FOR`]).
    fn open(path: &Path, instance: &str) -> std::io::Result<SignalFile> {
        let file = std::fs::OpenOptions::new().read(true).write(true).create(true).truncate(false).open(path)?;
        let mut bytes = [0u8; 16];
        let _ = file.read_at(&mut bytes, 0);
        let mut id = [0u8; 8];
        let n = instance.len().min(8);
        id[..n].copy_from_slice(&instance.as_bytes()[..n]);
        // What is in the file already may be a stopped instance's: it is not counted as another.
        let state = SignalState { last_bytes: bytes, writes: 0, answered: HashSet::new() };
        let mut f = SignalFile {
            file,
            id,
            state: Mutex::new(state),
            start: Instant::now(),
            first_write_ended: 0,
            last_read_began: AtomicU64::new(0),
            last_write_ended: AtomicU64::new(0),
            others_wrote: AtomicBool::new(false),
        };
        f.write_change(|| {});
        f.first_write_ended = f.last_write_ended.load(Ordering::Acquire);
        Ok(f)
    }

    /// Nanoseconds since `start`, the unit of the instants this file keeps in atomics.
    fn nanos_since_start(&self) -> u64 {
        u64::try_from(self.start.elapsed().as_nanos()).unwrap_or(u64::MAX)
    }

    /// Calls `on_change_elsewhere` if another instance wrote since the last read; reads the
    /// file only when the last read is no longer trusted (see [`READ_TRUSTED_FOR`]).
    pub(super) fn read_if_due(&self, on_change_elsewhere: impl Fn()) {
        let began = self.nanos_since_start();
        let last = self.last_read_began.load(Ordering::Acquire);
        if last != 0 && began.saturating_sub(last) < READ_TRUSTED_FOR.as_nanos() as u64 {
            return;
        }
        self.read_now(on_change_elsewhere);
        self.last_read_began.fetch_max(began.max(1), Ordering::AcqRel);
    }

    /// Reads the file and calls `on_change_elsewhere` if another instance wrote since the last
    /// read. The first write read from an instance is answered with a write, before this read
    /// ends, so that the other instance knows it is not alone before its next change (see
    /// [`SignalFile::delay_until_others_read`]).
    pub(super) fn read_now(&self, on_change_elsewhere: impl Fn()) {
        // Read under the lock that `write_change` writes under: bytes read before one of this
        // instance's own writes and compared after it would look like another instance's.
        // `on_change_elsewhere` runs under it too, so that no other request of this instance
        // finds the bytes already seen while the change is not applied yet.
        let Ok(mut state) = self.state.lock() else { return on_change_elsewhere() };
        let mut now = [0u8; 16];
        // Shared with other readers, not with a writer: a read torn by a write could put
        // together bytes this instance has already seen.
        let locked = self.file.lock_shared().is_ok();
        let read = self.file.read_at(&mut now, 0);
        if locked {
            let _ = self.file.unlock();
        }
        if read.is_err() {
            return on_change_elsewhere();
        }
        if state.last_bytes == now {
            return;
        }
        state.last_bytes = now;
        self.others_wrote.store(true, Ordering::Release);
        on_change_elsewhere();
        let mut from = [0u8; 8];
        from.copy_from_slice(&now[8..]);
        // The answer covers whatever was written since the read above: that is a change
        // elsewhere too.
        if from != self.id && state.answered.insert(from) && self.write_new_bytes(&mut state) {
            on_change_elsewhere();
        }
    }

    /// How long the request that made this instance's last change must still wait before its
    /// answer, so that every other instance reads the change first: nothing when no other
    /// instance has written since this one opened the file, unless this one opened it so
    /// recently that a read another instance began before that may still be trusted.
    fn delay_until_others_read(&self) -> Duration {
        let since = if self.others_wrote.load(Ordering::Acquire) {
            self.last_write_ended.load(Ordering::Acquire)
        } else {
            self.first_write_ended
        };
        READ_TRUSTED_FOR.saturating_sub(Duration::from_nanos(self.nanos_since_start().saturating_sub(since)))
    }

    /// Writes this instance's change, and calls `on_change_elsewhere` if another instance had
    /// written one since the last read, as this write covers it up; under the lock, as in
    /// [`SignalFile::read_now`].
    pub(super) fn write_change(&self, on_change_elsewhere: impl Fn()) {
        let Ok(mut state) = self.state.lock() else { return on_change_elsewhere() };
        if self.write_new_bytes(&mut state) {
            on_change_elsewhere();
        }
    }

    /// Writes new bytes, under `state`'s lock; returns whether another instance had written
    /// since the last read.
    fn write_new_bytes(&self, state: &mut SignalState) -> bool {
        state.writes += 1;
        let mut bytes = [0u8; 16];
        bytes[..8].copy_from_slice(&state.writes.to_le_bytes());
        bytes[8..].copy_from_slice(&self.id);
        // Read and write under the file's lock, so that no other instance writes in between.
        let locked = self.file.lock().is_ok();
        let mut now = [0u8; 16];
        let elsewhere = self.file.read_at(&mut now, 0).is_err() || now != state.last_bytes;
        if elsewhere {
            self.others_wrote.store(true, Ordering::Release);
        }
        let _ = self.file.write_at(&bytes, 0);
        if locked {
            let _ = self.file.unlock();
        }
        state.last_bytes = bytes;
        self.last_write_ended.fetch_max(self.nanos_since_start(), Ordering::AcqRel);
        elsewhere
    }
}

impl PageCache {
    /// A cache whose changes other instances on this machine see through `path` (SQLite).
    pub fn with_shared_file(path: &Path) -> std::io::Result<PageCache> {
        let cache = PageCache::default();
        Ok(PageCache { signal_file: Some(SignalFile::open(path, &cache.instance_id)?), ..cache })
    }

    /// How long the answer to a request that changed something must wait so that every
    /// other instance reads the change before the visitor can ask one of them (SQLite).
    pub fn delay_until_others_read(&self) -> Duration {
        self.signal_file.as_ref().map_or(Duration::ZERO, SignalFile::delay_until_others_read)
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::cache::Scope;
    use crate::cache::store::{Freshness, KeptPage};

    /// Two instances on one signal file, and the file, removed by the caller.
    fn two_instances() -> (std::path::PathBuf, PageCache, PageCache) {
        let path = std::env::temp_dir().join(format!("agora-pages-unit-{}", agora_db::random_token()));
        let (a, b) = (PageCache::with_shared_file(&path).unwrap(), PageCache::with_shared_file(&path).unwrap());
        (path, a, b)
    }

    /// A page rendered at clock `at`.
    fn kept_page(at: u64) -> KeptPage {
        KeptPage {
            rendered_at: at,
            scope: None,
            user: None,
            kept_at: Instant::now(),
            headers: axum::http::HeaderMap::new(),
            body: axum::body::Bytes::from_static(b"<p>kept</p>"),
            token_offsets: vec![],
            gzip: None,
        }
    }

    #[test]
    fn instances_on_one_file_hear_each_change_once_and_never_echo_it() {
        let (path, a, b) = two_instances();
        let reads_a_change = |c: &PageCache| {
            let changed = std::cell::Cell::new(false);
            c.signal_file.as_ref().unwrap().read_now(|| changed.set(true));
            changed.get()
        };
        // Each instance writes once on opening the file, and answers the first write it reads
        // from another: A reads B's and answers, B reads A's answer and answers it, A reads
        // that, and then they are quiet.
        assert!(reads_a_change(&a) && reads_a_change(&b) && reads_a_change(&a));
        assert!(!reads_a_change(&a) && !reads_a_change(&b));
        a.changed_everything();
        assert!(!reads_a_change(&a), "its own change is not news to the instance that made it");
        assert!(reads_a_change(&b));
        // What `get` does on reading a change: apply it here only.
        b.apply_change(None);
        assert!(!reads_a_change(&a), "applying a change read from the file must not send it back");
        assert!(!reads_a_change(&b));
        b.changed_scope(Scope::Remarks(7));
        assert!(reads_a_change(&a));
        let _ = std::fs::remove_file(&path);
    }

    #[test]
    fn a_change_is_heard_by_the_other_instance_once_its_maker_has_waited() {
        let (path, a, b) = two_instances();
        for round in 0..50 {
            b.put("pl0/".into(), kept_page(b.now()));
            // B has just read the file, so its read is trusted for a moment.
            assert_eq!(b.get("pl0/").map(|(_, f)| f), Some(Freshness::Fresh));
            a.changed_everything();
            let wait = a.delay_until_others_read();
            assert!(wait <= READ_TRUSTED_FOR);
            std::thread::sleep(wait);
            assert_eq!(b.get("pl0/").map(|(_, f)| f), Some(Freshness::Stale), "round {round}");
        }
        assert_eq!(
            PageCache::default().delay_until_others_read(),
            Duration::ZERO,
            "without a file there is nothing to wait for"
        );
        let _ = std::fs::remove_file(&path);
    }

    #[test]
    fn an_instance_alone_on_the_file_answers_its_changes_at_once() {
        let path = std::env::temp_dir().join(format!("agora-pages-unit-{}", agora_db::random_token()));
        // What a stopped instance left in the file is not another instance.
        std::fs::write(&path, [7u8; 16]).unwrap();
        let a = PageCache::with_shared_file(&path).unwrap();
        std::thread::sleep(READ_TRUSTED_FOR);
        a.changed_everything();
        assert_eq!(a.delay_until_others_read(), Duration::ZERO);
        let _b = PageCache::with_shared_file(&path).unwrap();
        a.changed_everything();
        assert!(
            a.delay_until_others_read() > Duration::ZERO,
            "a second instance on the file must read the change first"
        );
        let _ = std::fs::remove_file(&path);
    }

    #[test]
    fn an_instance_heard_by_no_one_yet_still_waits_for_the_reads_of_those_already_there() {
        let path = std::env::temp_dir().join(format!("agora-pages-unit-{}", agora_db::random_token()));
        let a = PageCache::with_shared_file(&path).unwrap();
        a.put("pl0/".into(), kept_page(a.now()));
        // A reads, then B starts and changes something before anyone has answered its first write.
        assert_eq!(a.get("pl0/").map(|(_, f)| f), Some(Freshness::Fresh));
        let b = PageCache::with_shared_file(&path).unwrap();
        b.changed_everything();
        std::thread::sleep(b.delay_until_others_read());
        assert_eq!(a.get("pl0/").map(|(_, f)| f), Some(Freshness::Stale));
        let _ = std::fs::remove_file(&path);
    }

    #[test]
    fn a_change_written_over_by_another_instance_before_it_was_heard_still_counts() {
        let (path, a, b) = two_instances();
        b.put("pl0/".into(), kept_page(b.now()));
        a.changed_everything();
        // B writes its own change over A's before reading the file.
        b.changed_scope(Scope::Remarks(7));
        assert_eq!(b.get("pl0/").map(|(_, f)| f), Some(Freshness::Stale));
        let _ = std::fs::remove_file(&path);
    }

    #[test]
    fn an_instance_never_takes_its_own_changes_for_another_instances() {
        let path = std::env::temp_dir().join(format!("agora-pages-unit-{}", agora_db::random_token()));
        let a = Arc::new(PageCache::with_shared_file(&path).unwrap());
        let before = a.everything_changed_at.load(Ordering::SeqCst);
        // Requests read the file while others write their changes, as under a stream of
        // submissions: none of it is a change to everything.
        let threads: Vec<_> = (0..4)
            .map(|i| {
                let a = a.clone();
                std::thread::spawn(move || {
                    for _ in 0..2_000 {
                        if i % 2 == 0 {
                            a.changed_scope(Scope::Remarks(1));
                        } else {
                            a.signal_file.as_ref().unwrap().read_now(|| a.apply_change(None));
                        }
                    }
                })
            })
            .collect();
        threads.into_iter().for_each(|t| t.join().unwrap());
        assert_eq!(
            a.everything_changed_at.load(Ordering::SeqCst),
            before,
            "sessions and memos were dropped for nothing"
        );
        let _ = std::fs::remove_file(&path);
    }

    #[test]
    fn a_change_heard_while_looking_up_a_session_still_makes_kept_pages_stale() {
        let (path, a, b) = two_instances();
        b.put("pl0/".into(), kept_page(b.now()));
        assert_eq!(b.get("pl0/").map(|(_, f)| f), Some(Freshness::Fresh));
        a.changed_everything();
        std::thread::sleep(a.delay_until_others_read());
        // The first to read the file after the change is a session or memo look-up, not a page.
        assert!(b.session("token").is_none() && b.memo::<i32>("x").is_none());
        assert_eq!(b.get("pl0/").map(|(_, f)| f), Some(Freshness::Stale), "the change reached the pages too");
        let _ = std::fs::remove_file(&path);
    }
}
