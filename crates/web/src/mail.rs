//! Outgoing mail: queued as jobs in the database, sent by whichever instance claims them.

use crate::AppState;
use agora_db::{DbResult, jobs};
use serde::{Deserialize, Serialize};
use std::future::Future;
use std::pin::Pin;
use std::sync::Mutex;

/// One plain-text message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mail {
    /// Recipient address.
    pub to: String,
    /// Subject line.
    pub subject: String,
    /// Plain-text body.
    pub body: String,
}

/// The future a mailer returns.
pub type SendFuture<'a> = Pin<Box<dyn Future<Output = Result<(), String>> + Send + 'a>>;

/// Somewhere mail can be delivered: SMTP, the outbox folder, or memory in tests.
pub trait Mailer: Send + Sync {
    /// Delivers one message; an error is retried later by the job queue.
    fn send<'a>(&'a self, mail: &'a Mail) -> SendFuture<'a>;
}

/// Keeps messages in memory, for tests.
#[derive(Debug, Default)]
pub struct MemoryMailer {
    sent: Mutex<Vec<Mail>>,
}

impl MemoryMailer {
    /// Every message delivered so far.
    pub fn sent(&self) -> Vec<Mail> {
        self.sent.lock().map(|v| v.clone()).unwrap_or_default()
    }
}

impl Mailer for MemoryMailer {
    fn send<'a>(&'a self, mail: &'a Mail) -> SendFuture<'a> {
        Box::pin(async move {
            self.sent.lock().map_err(|e| e.to_string())?.push(mail.clone());
            Ok(())
        })
    }
}

/// The job kind of an e-mail.
pub const MAIL_JOB: &str = "mail";

/// The job payload of a message.
pub fn payload(mail: &Mail) -> String {
    serde_json::to_string(mail).unwrap_or_default()
}

/// Queues a message; it goes out when the job runner next runs.
pub async fn queue(state: &AppState, mail: Mail) -> DbResult<()> {
    jobs::enqueue(&state.db, MAIL_JOB, &payload(&mail), None).await?;
    state.jobs_waiting.notify_one();
    Ok(())
}

/// Jobs claimed at once.
const CLAIM: i64 = 64;

/// Runs every job that is due now; returns how many succeeded.
pub async fn run_due_jobs(state: &AppState) -> DbResult<usize> {
    let mut done = 0;
    loop {
        let claimed = jobs::claim(&state.db, chrono::Duration::minutes(5), CLAIM).await?;
        if claimed.is_empty() {
            return Ok(done);
        }
        let mut succeeded = Vec::with_capacity(claimed.len());
        for job in &claimed {
            let result = match job.kind.as_str() {
                MAIL_JOB => match serde_json::from_str::<Mail>(&job.payload) {
                    Ok(mail) => state.mailer.send(&mail).await,
                    Err(e) => Err(format!("bad mail payload: {e}")),
                },
                other => Err(format!("unknown job kind {other}")),
            };
            match result {
                Ok(()) => succeeded.push(job.id),
                Err(e) => {
                    tracing::warn!(job = job.id, kind = %job.kind, attempt = job.attempts, error = %e, "job failed");
                    jobs::fail(&state.db, job, &e).await?;
                }
            }
        }
        jobs::complete(&state.db, &succeeded).await?;
        done += succeeded.len();
    }
}
