//! Real mail delivery: SMTP when configured, otherwise `.eml` files in the outbox folder.

use crate::config::Config;
use agora_web::mail::{Mail, Mailer, SendFuture};
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart, header::ContentType};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::path::PathBuf;

fn build(from: &Mailbox, mail: &Mail) -> Result<Message, String> {
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
    /// Builds the transport from the SMTP settings.
    pub fn new(cfg: &Config) -> anyhow::Result<Self> {
        let builder = match cfg.smtp_security.as_str() {
            "tls" => AsyncSmtpTransport::<Tokio1Executor>::relay(&cfg.smtp_host)?,
            "starttls" => AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(&cfg.smtp_host)?,
            _ => AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&cfg.smtp_host),
        };
        let mut builder = builder.port(cfg.smtp_port);
        if !cfg.smtp_username.is_empty() {
            builder = builder.credentials(Credentials::new(cfg.smtp_username.clone(), cfg.smtp_password.clone()));
        }
        Ok(SmtpMailer { transport: builder.build(), from: cfg.smtp_from.parse()? })
    }
}

impl Mailer for SmtpMailer {
    fn send<'a>(&'a self, mail: &'a Mail) -> SendFuture<'a> {
        Box::pin(async move {
            let msg = build(&self.from, mail)?;
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
    pub fn new(dir: PathBuf, from: &str) -> anyhow::Result<Self> {
        std::fs::create_dir_all(&dir)?;
        Ok(OutboxMailer { dir, from: from.parse()? })
    }
}

impl Mailer for OutboxMailer {
    fn send<'a>(&'a self, mail: &'a Mail) -> SendFuture<'a> {
        Box::pin(async move {
            let msg = build(&self.from, mail)?;
            let name = format!("{}-{:08x}.eml", chrono::Utc::now().format("%Y%m%dT%H%M%S%.6f"), rand::random::<u32>());
            tokio::fs::write(self.dir.join(name), msg.formatted()).await.map_err(|e| e.to_string())
        })
    }
}
