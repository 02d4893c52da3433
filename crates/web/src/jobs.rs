//! Background work through the database's job queue: queueing a message, and running every
//! job that is due on whichever instance claims it. Mail is most of them; a forum post's job queues the mail to the people it concerns.

use crate::mail::{MAIL_JOB, Mail, payload};
use crate::state::AppState;
use agora_db::{DbResult, jobs};

/// Queues a message; it goes out when the job runner next runs.
pub async fn queue_mail(state: &AppState, mail: Mail) -> DbResult<()> {
    jobs::enqueue(&state.db, MAIL_JOB, &payload(&mail), None).await?;
    state.jobs_waiting.notify_one();
    Ok(())
}

/// Jobs claimed at once.
const CLAIM: i64 = 64;

/// Runs every transactional and system job that is due now; returns how many succeeded.
pub async fn run_due(state: &AppState) -> DbResult<usize> {
    run_queue(state, jobs::Queue::Main).await
}

/// Runs every bulk mail job (subscriptions, newsletters) that is due now. The server runs it
/// on a worker of its own, so that a digest of fifty thousand messages never holds up a receipt.
pub async fn run_bulk(state: &AppState) -> DbResult<usize> {
    run_queue(state, jobs::Queue::Bulk).await
}

async fn run_queue(state: &AppState, queue: jobs::Queue) -> DbResult<usize> {
    let mut done = 0;
    loop {
        let claimed = jobs::claim(&state.db, queue, chrono::Duration::minutes(5), CLAIM).await?;
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
                agora_db::forum::NOTIFY_JOB => match job.payload.parse::<i64>() {
                    Ok(id) => crate::forum_mail::notify(state, id).await.map_err(|e| e.to_string()),
                    Err(e) => Err(format!("bad forum payload: {e}")),
                },
                agora_db::events::MAIL_JOB => crate::event_mail::send(state, &job.payload).await,
                crate::follow_mail::NOTICE_JOB => match job.payload.parse::<i64>() {
                    Ok(id) => crate::follow_mail::send_notice(state, id).await.map(|_| ()).map_err(|e| e.to_string()),
                    Err(e) => Err(format!("bad notice payload: {e}")),
                },
                agora_db::newsletter::SEND_JOB => crate::newsletter_mail::send(state, &job.payload).await,
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
