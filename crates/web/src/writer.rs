//! Durable submissions in batches: handlers hand what they store to one writer task per
//! kind, which stores whatever has queued up in a single transaction and only then answers
//! each handler. One commit per batch instead of per submission is what lets a busy
//! consultation keep up with fully synchronous writes, and nothing is acknowledged before
//! it is on disk.

use std::future::Future;
use std::sync::{Arc, OnceLock};

use agora_db::remarks::{Stored, SubmissionBatchItem};
use agora_db::surveys::{NewResponse, Outcome};
use agora_db::{Db, DbError, DbResult};
use tokio::sync::{mpsc, oneshot};

/// Most submissions in one transaction.
const BATCH: usize = 512;

/// How one kind of submission is stored, many at a time or one alone.
pub trait BatchStore: Send + Sync + 'static {
    /// What a handler hands in.
    type Item: Send + Sync + 'static;
    /// What the handler gets back.
    type Out: Send + 'static;
    /// Stores a batch in one transaction, one outcome per item in order.
    fn many<'a>(db: &'a Db, batch: &'a [Self::Item]) -> impl Future<Output = DbResult<Vec<Self::Out>>> + Send + 'a;
    /// Stores one item alone, after its batch failed as a whole.
    fn one<'a>(db: &'a Db, item: &'a Self::Item) -> impl Future<Output = DbResult<Self::Out>> + Send + 'a;
}

type Job<S> = (<S as BatchStore>::Item, oneshot::Sender<DbResult<<S as BatchStore>::Out>>);

/// A handle to the writer task of one kind, started on first use.
pub struct BatchWriter<S: BatchStore> {
    db: Db,
    queue: Arc<OnceLock<mpsc::Sender<Job<S>>>>,
}

impl<S: BatchStore> Clone for BatchWriter<S> {
    fn clone(&self) -> Self {
        BatchWriter { db: self.db.clone(), queue: self.queue.clone() }
    }
}

impl<S: BatchStore> BatchWriter<S> {
    /// A writer over `db`; the task starts with the first submission.
    pub fn new(db: Db) -> Self {
        BatchWriter { db, queue: Arc::new(OnceLock::new()) }
    }

    /// Stores one item and returns once it is committed.
    pub async fn submit(&self, item: S::Item) -> DbResult<S::Out> {
        let queue = self.queue.get_or_init(|| {
            let (tx, rx) = mpsc::channel(4 * BATCH);
            start::<S>(self.db.clone(), rx);
            tx
        });
        let (tx, rx) = oneshot::channel();
        let gone = || DbError::WriterStopped;
        queue.send((item, tx)).await.map_err(|_| gone())?;
        rx.await.map_err(|_| gone())?
    }
}

/// Runs the writer on a thread of its own with a runtime of its own. Each statement of a
/// batch is a hand-off to the connection's thread and back; on the shared runtime the
/// writer, woken from that thread, waited behind every ready request for each of the
/// twenty-odd statements of a batch, and the batches, not the disk or the CPU, set the pace:
/// the writer spent most of its time waiting for its turn.
fn start<S: BatchStore>(db: Db, rx: mpsc::Receiver<Job<S>>) {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build();
    let (db2, slot) = (db.clone(), Arc::new(std::sync::Mutex::new(Some(rx))));
    let taken = slot.clone();
    let spawned = runtime.map_err(std::io::Error::other).and_then(|rt| {
        std::thread::Builder::new().name("batch-writer".into()).spawn(move || {
            if let Some(rx) = taken.lock().ok().and_then(|mut r| r.take()) {
                rt.block_on(run::<S>(db2, rx));
            }
        })
    });
    if let Err(e) = spawned {
        // No thread to be had: the writer shares the runtime, slower but as durable.
        tracing::warn!(error = %e, "batch writer runs on the shared runtime");
        if let Some(rx) = slot.lock().ok().and_then(|mut r| r.take()) {
            tokio::spawn(run::<S>(db, rx));
        }
    }
}

async fn run<S: BatchStore>(db: Db, mut rx: mpsc::Receiver<Job<S>>) {
    while let Some(first) = rx.recv().await {
        let mut jobs = vec![first];
        while jobs.len() < BATCH {
            match rx.try_recv() {
                Ok(j) => jobs.push(j),
                Err(_) => break,
            }
        }
        let (batch, acks): (Vec<S::Item>, Vec<_>) = jobs.into_iter().unzip();
        let started = std::time::Instant::now();
        match S::many(&db, &batch).await {
            Ok(outcomes) => {
                tracing::debug!(
                    size = batch.len(),
                    micros = u64::try_from(started.elapsed().as_micros()).unwrap_or(u64::MAX),
                    "batch stored"
                );
                for (o, ack) in outcomes.into_iter().zip(acks) {
                    let _ = ack.send(Ok(o));
                }
            }
            Err(e) => {
                tracing::warn!(error = %e, size = batch.len(), "batch failed; storing one by one");
                // One bad item must not sink the others queued with it.
                for (item, ack) in batch.iter().zip(acks) {
                    let _ = ack.send(S::one(&db, item).await);
                }
            }
        }
    }
}

/// Survey responses.
pub struct Surveys;

impl BatchStore for Surveys {
    type Item = NewResponse;
    type Out = Outcome;
    fn many<'a>(db: &'a Db, batch: &'a [NewResponse]) -> impl Future<Output = DbResult<Vec<Outcome>>> + Send + 'a {
        agora_db::surveys::submit_batch(db, batch)
    }
    async fn one(db: &Db, item: &NewResponse) -> DbResult<Outcome> {
        let mut v = agora_db::surveys::submit_batch(db, std::slice::from_ref(item)).await?;
        v.pop().ok_or_else(|| DbError::Conflict("survey response".into()))
    }
}

/// Remark submissions, each with its mailed copy queued in the same transaction.
pub struct Remarks;

impl BatchStore for Remarks {
    type Item = SubmissionBatchItem;
    type Out = Stored;
    fn many<'a>(
        db: &'a Db,
        batch: &'a [SubmissionBatchItem],
    ) -> impl Future<Output = DbResult<Vec<Stored>>> + Send + 'a {
        agora_db::remarks::submit_batch(db, batch)
    }
    async fn one(db: &Db, item: &SubmissionBatchItem) -> DbResult<Stored> {
        agora_db::remarks::submit_one(db, item).await
    }
}

/// Forum posts and replies, each with its notification job queued in the same transaction.
pub struct ForumPosts;

impl BatchStore for ForumPosts {
    type Item = agora_db::forum::NewPost;
    type Out = agora_db::forum::PostOutcome;
    fn many<'a>(
        db: &'a Db,
        batch: &'a [agora_db::forum::NewPost],
    ) -> impl Future<Output = DbResult<Vec<agora_db::forum::PostOutcome>>> + Send + 'a {
        agora_db::forum::add_posts(db, batch)
    }
    async fn one(db: &Db, item: &agora_db::forum::NewPost) -> DbResult<agora_db::forum::PostOutcome> {
        let mut v = agora_db::forum::add_posts(db, std::slice::from_ref(item)).await?;
        v.pop().ok_or_else(|| DbError::Conflict("forum post".into()))
    }
}

/// Registrations for events: one transaction per batch decides every place in it.
pub struct Registrations;

impl BatchStore for Registrations {
    type Item = agora_db::events::NewRegistration;
    type Out = agora_db::events::RegOutcome;
    fn many<'a>(
        db: &'a Db,
        batch: &'a [agora_db::events::NewRegistration],
    ) -> impl Future<Output = DbResult<Vec<agora_db::events::RegOutcome>>> + Send + 'a {
        agora_db::events::register(db, batch)
    }
    async fn one(db: &Db, item: &agora_db::events::NewRegistration) -> DbResult<agora_db::events::RegOutcome> {
        let mut v = agora_db::events::register(db, std::slice::from_ref(item)).await?;
        v.pop().ok_or_else(|| DbError::Conflict("registration".into()))
    }
}
