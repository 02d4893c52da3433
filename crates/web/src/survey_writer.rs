//! Durable survey submissions in batches: handlers hand their response to one writer task,
//! which stores whatever has queued up in a single transaction and only then answers each
//! handler. One commit per batch instead of per response is what lets a busy survey keep up
//! with fully synchronous writes, and no response is acknowledged before it is on disk.

use std::sync::{Arc, OnceLock};

use agora_db::surveys::{NewResponse, Outcome, submit_batch};
use agora_db::{Db, DbError, DbResult};
use tokio::sync::{mpsc, oneshot};

/// Most responses in one transaction.
const BATCH: usize = 512;

type Job = (NewResponse, oneshot::Sender<DbResult<Outcome>>);

/// A handle to the writer task, started on first use.
#[derive(Clone)]
pub struct SurveyWriter {
    db: Db,
    queue: Arc<OnceLock<mpsc::Sender<Job>>>,
}

impl SurveyWriter {
    /// A writer over `db`; the task starts with the first submission.
    pub fn new(db: Db) -> Self {
        SurveyWriter { db, queue: Arc::new(OnceLock::new()) }
    }

    /// Stores one response and returns once it is committed.
    pub async fn submit(&self, r: NewResponse) -> DbResult<Outcome> {
        let queue = self.queue.get_or_init(|| {
            let (tx, rx) = mpsc::channel(4 * BATCH);
            tokio::spawn(run(self.db.clone(), rx));
            tx
        });
        let (tx, rx) = oneshot::channel();
        let gone = || DbError::WriterStopped;
        queue.send((r, tx)).await.map_err(|_| gone())?;
        rx.await.map_err(|_| gone())?
    }
}

async fn run(db: Db, mut rx: mpsc::Receiver<Job>) {
    while let Some(first) = rx.recv().await {
        let mut jobs = vec![first];
        while jobs.len() < BATCH {
            match rx.try_recv() {
                Ok(j) => jobs.push(j),
                Err(_) => break,
            }
        }
        let (batch, acks): (Vec<NewResponse>, Vec<_>) = jobs.into_iter().unzip();
        match submit_batch(&db, &batch).await {
            Ok(outcomes) => {
                for (o, ack) in outcomes.into_iter().zip(acks) {
                    let _ = ack.send(Ok(o));
                }
            }
            Err(e) => {
                tracing::warn!(error = %e, size = batch.len(), "survey batch failed; storing one by one");
                // One bad response must not sink the others queued with it.
                for (r, ack) in batch.iter().zip(acks) {
                    let one = submit_batch(&db, std::slice::from_ref(r)).await.map(|mut v| v.pop().unwrap_or(Outcome::Duplicate));
                    let _ = ack.send(one);
                }
            }
        }
    }
}
