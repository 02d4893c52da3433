//! Real mail delivery: through an SMTP server such as the city's, or as `.eml` files in an
//! outbox folder for a site that has none. Here each [`Mail`] becomes an RFC 5322 message.
//! It lives in the web crate, not the server, so that the HTTP tests can deliver through a
//! real SMTP server with the very code the site runs.

use crate::mail::{Mail, Mailer, SendFuture};
use lettre::message::header::ContentType;
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::path::PathBuf;

/// How the connection to the SMTP server is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Security {
    /// TLS from the first byte, usually on port 465.
    Tls,
    /// A plain connection upgraded with STARTTLS, usually on port 587.
    StartTls,
    /// No encryption: only for a server on the same machine or a test server.
    None,
}

/// Where and as whom to send.
#[derive(Debug, Clone)]
pub struct SmtpSettings {
    pub host: String,
    pub port: u16,
    pub security: Security,
    /// Empty for a server that takes mail without signing in.
    pub username: String,
    pub password: String,
    /// The sender, e.g. `Agora <dialog@example.org>`.
    pub from: String,
}

/// Why a mailer could not be set up.
#[derive(Debug, thiserror::Error)]
pub enum SetupError {
    #[error("'{0}' is not a sender like Agora <dialog@example.org>: {1}")]
    Sender(String, lettre::address::AddressError),
    #[error("SMTP server {0}: {1}")]
    Server(String, lettre::transport::smtp::Error),
    #[error("outbox folder {0}: {1}")]
    Outbox(PathBuf, std::io::Error),
}

fn sender(from: &str) -> Result<Mailbox, SetupError> {
    from.parse().map_err(|e| SetupError::Sender(from.to_owned(), e))
}

/// The message as it goes out: plain text, with its attachments in a `multipart/mixed`.
pub fn message(from: &Mailbox, mail: &Mail) -> Result<Message, String> {
    let to: Mailbox = mail.to.parse().map_err(|e| format!("bad recipient {}: {e}", mail.to))?;
    let builder = Message::builder().from(from.clone()).to(to).subject(&mail.subject);
    if mail.attachments.is_empty() {
        return builder.header(ContentType::TEXT_PLAIN).body(mail.body.clone()).map_err(|e| e.to_string());
    }
    let mut parts = MultiPart::mixed().singlepart(SinglePart::plain(mail.body.clone()));
    for a in &mail.attachments {
        let kind =
            ContentType::parse(&a.content_type).map_err(|e| format!("bad attachment type {}: {e}", a.content_type))?;
        parts = parts.singlepart(Attachment::new(a.filename.clone()).body(a.content.clone(), kind));
    }
    builder.multipart(parts).map_err(|e| e.to_string())
}

/// Sends through an SMTP server.
pub struct SmtpMailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl SmtpMailer {
    /// Builds the transport; it connects only when the first message goes out.
    pub fn new(settings: &SmtpSettings) -> Result<Self, SetupError> {
        let server = |e| SetupError::Server(settings.host.clone(), e);
        let builder = match settings.security {
            Security::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(&settings.host).map_err(server)?,
            Security::StartTls => {
                AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(&settings.host).map_err(server)?
            }
            Security::None => AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&settings.host),
        };
        let mut builder = builder.port(settings.port);
        if !settings.username.is_empty() {
            builder = builder.credentials(Credentials::new(settings.username.clone(), settings.password.clone()));
        }
        Ok(SmtpMailer { transport: builder.build(), from: sender(&settings.from)? })
    }
}

impl Mailer for SmtpMailer {
    fn send<'a>(&'a self, mail: &'a Mail) -> SendFuture<'a> {
        Box::pin(async move {
            let msg = message(&self.from, mail)?;
            self.transport.send(msg).await.map(|_| ()).map_err(|e| e.to_string())
        })
    }
}

/// Writes each message as an `.eml` file, for a site without an SMTP server.
pub struct OutboxMailer {
    dir: PathBuf,
    from: Mailbox,
}

impl OutboxMailer {
    /// Mail goes to `dir`, which is created if missing.
    pub fn new(dir: PathBuf, from: &str) -> Result<Self, SetupError> {
        std::fs::create_dir_all(&dir).map_err(|e| SetupError::Outbox(dir.clone(), e))?;
        Ok(OutboxMailer { dir, from: sender(from)? })
    }
}

impl Mailer for OutboxMailer {
    fn send<'a>(&'a self, mail: &'a Mail) -> SendFuture<'a> {
        Box::pin(async move {
            let msg = message(&self.from, mail)?;
            // Sorted by name is sorted by time; the random part keeps two in one microsecond apart.
            let name = format!("{}-{:08x}.eml", chrono::Utc::now().format("%Y%m%dT%H%M%S%.6f"), rand::random::<u32>());
            tokio::fs::write(self.dir.join(name), msg.formatted()).await.map_err(|e| e.to_string())
        })
    }
}
