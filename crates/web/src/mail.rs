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

/// Queues a message; it goes out when the job runner next runs.
pub async fn queue(state: &AppState, mail: Mail) -> DbResult<()> {
    let payload = serde_json::to_string(&mail).unwrap_or_default();
    jobs::enqueue(&state.db, MAIL_JOB, &payload, None).await?;
    state.jobs_waiting.notify_one();
    Ok(())
}

/// Runs every job that is due now; returns how many succeeded.
pub async fn run_due_jobs(state: &AppState) -> DbResult<usize> {
    let mut done = 0;
    while let Some(job) = jobs::claim(&state.db, chrono::Duration::minutes(5)).await? {
        let result = match job.kind.as_str() {
            MAIL_JOB => match serde_json::from_str::<Mail>(&job.payload) {
                Ok(mail) => state.mailer.send(&mail).await,
                Err(e) => Err(format!("bad mail payload: {e}")),
            },
            other => Err(format!("unknown job kind {other}")),
        };
        match result {
            Ok(()) => {
                jobs::complete(&state.db, job.id).await?;
                done += 1;
            }
            Err(e) => {
                tracing::warn!(job = job.id, kind = %job.kind, attempt = job.attempts, error = %e, "job failed");
                jobs::fail(&state.db, &job, &e).await?;
            }
        }
    }
    Ok(done)
}
