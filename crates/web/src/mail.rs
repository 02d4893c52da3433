//! Outgoing mail: queued as jobs in the database, sent by whichever instance claims them.

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
    /// Files sent with the text, such as a calendar entry.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<Attachment>,
    /// The one-click unsubscribe address of the subscription the message is sent under, put
    /// in its `List-Unsubscribe` headers (RFC 8058); `None` for transactional mail.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unsubscribe: Option<String>,
}

/// A text file sent with a message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attachment {
    pub filename: String,
    /// Its media type, e.g. `text/calendar; charset=utf-8`.
    pub content_type: String,
    pub content: String,
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
