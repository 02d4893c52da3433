//! Real mail delivery: through an SMTP server such as the city's, or as `.eml` files in an
//! outbox folder for a site that has none. Here each [`Mail`] becomes an RFC 5322 message.
//! It lives in the web crate, not the server, so that the HTTP tests can deliver through a
//! real SMTP server with the very code the site runs.

use crate::mail::{Mail, Mailer, SendFuture};
use lettre::message::header::{ContentType, Header, HeaderName, HeaderValue};
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

/// `List-Unsubscribe` (RFC 2369): the subscription's one-click address. Mail clients show an
/// "unsubscribe" button for it, and large providers expect it on every bulk message.
#[derive(Debug, Clone)]
struct ListUnsubscribe(String);

impl Header for ListUnsubscribe {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("List-Unsubscribe")
    }

    fn parse(s: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(ListUnsubscribe(s.trim().trim_start_matches('<').trim_end_matches('>').to_owned()))
    }

    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), format!("<{}>", self.0))
    }
}

/// `List-Unsubscribe-Post` (RFC 8058): tells the mail client that a bare POST to the
/// `List-Unsubscribe` address unsubscribes, so that it may do so without opening a page.
#[derive(Debug, Clone)]
struct ListUnsubscribePost;

/// The only value RFC 8058 defines.
const ONE_CLICK: &str = "List-Unsubscribe=One-Click";

impl Header for ListUnsubscribePost {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("List-Unsubscribe-Post")
    }

    fn parse(s: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        if s.trim() == ONE_CLICK { Ok(ListUnsubscribePost) } else { Err(format!("not {ONE_CLICK}: {s}").into()) }
    }

    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), ONE_CLICK.to_owned())
    }
}

/// The message as it goes out: plain text, with its attachments in a `multipart/mixed`, and
/// the one-click unsubscribe headers when it is sent under a subscription.
pub fn message(from: &Mailbox, mail: &Mail) -> Result<Message, String> {
    let to: Mailbox = mail.to.parse().map_err(|e| format!("bad recipient {}: {e}", mail.to))?;
    // A Message-ID, which receiving servers expect of every message.
    let mut builder = Message::builder().message_id(None).from(from.clone()).to(to).subject(&mail.subject);
    if let Some(url) = &mail.unsubscribe {
        builder = builder.header(ListUnsubscribe(url.clone())).header(ListUnsubscribePost);
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mail::Attachment as MailAttachment;
    use mail_parser::{MessageParser, MimeHeaders};

    fn mail(unsubscribe: Option<&str>) -> Mail {
        Mail {
            to: "ala@example.org".into(),
            subject: "Zaproszenie: Warsztaty o zieleni — Podgórze, zażółć gęślą jaźń".into(),
            body: "Dzień dobry,\n\nzapraszamy na spotkanie w Podgórzu. Zażółć gęślą jaźń.\n".into(),
            attachments: Vec::new(),
            unsubscribe: unsubscribe.map(str::to_owned),
        }
    }

    fn formatted(mail: &Mail) -> String {
        let from: Mailbox = "Agora <dialog@example.org>".parse().unwrap();
        let bytes = message(&from, mail).unwrap().formatted();
        assert!(bytes.is_ascii(), "everything is encoded for 7-bit transport");
        String::from_utf8(bytes).unwrap()
    }

    /// The header block, with folded lines joined as a reader of RFC 5322 joins them.
    fn headers(raw: &str) -> Vec<(String, String)> {
        let head = raw.split("\r\n\r\n").next().unwrap().replace("\r\n ", " ").replace("\r\n\t", "\t");
        head.split("\r\n")
            .map(|line| {
                let (name, value) = line.split_once(':').unwrap();
                (name.to_owned(), value.trim().to_owned())
            })
            .collect()
    }

    fn header<'a>(all: &'a [(String, String)], name: &str) -> Option<&'a str> {
        all.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    #[test]
    fn mail_under_a_subscription_carries_one_click_unsubscribe() {
        let url = "https://dialog.example.org/wypisz/3f9a0c7d2e4b4a1c8e5f6a7b8c9d0e1f2a3b4c5d6e7f";
        let raw = formatted(&mail(Some(url)));
        let all = headers(&raw);
        assert_eq!(header(&all, "List-Unsubscribe"), Some(format!("<{url}>").as_str()), "{raw}");
        assert_eq!(header(&all, "List-Unsubscribe-Post"), Some("List-Unsubscribe=One-Click"), "{raw}");
        assert_eq!(all.iter().filter(|(n, _)| n.starts_with("List-")).count(), 2, "{raw}");
    }

    #[test]
    fn transactional_mail_carries_no_unsubscribe() {
        let raw = formatted(&mail(None));
        let all = headers(&raw);
        assert!(all.iter().all(|(n, _)| !n.starts_with("List-")), "{raw}");
        assert_eq!(header(&all, "To"), Some("ala@example.org"));
        assert_eq!(header(&all, "From"), Some("Agora <dialog@example.org>"));
    }

    #[test]
    fn a_polish_subject_and_body_survive_encoding() {
        let m = mail(None);
        let raw = formatted(&m);
        let all = headers(&raw);
        assert!(header(&all, "Subject").unwrap().contains("=?utf-8?"), "RFC 2047 encoded words: {raw}");
        assert!(header(&all, "Content-Type").unwrap().contains("charset=utf-8"), "{raw}");
        let read = MessageParser::default().parse(raw.as_bytes()).unwrap();
        assert_eq!(read.subject(), Some(m.subject.as_str()));
        assert_eq!(read.body_text(0).unwrap().replace("\r\n", "\n"), m.body);
    }

    #[test]
    fn attachments_go_in_a_mixed_multipart_with_their_type() {
        let mut m = mail(Some("https://dialog.example.org/wypisz/abc"));
        let ics = "BEGIN:VCALENDAR\r\nSUMMARY:Warsztaty o zieleni w Podgórzu\r\nEND:VCALENDAR\r\n";
        m.attachments.push(MailAttachment {
            filename: "wydarzenie.ics".into(),
            content_type: "text/calendar; charset=utf-8".into(),
            content: ics.into(),
        });
        let raw = formatted(&m);
        let all = headers(&raw);
        assert!(header(&all, "Content-Type").unwrap().starts_with("multipart/mixed"), "{raw}");
        assert!(header(&all, "List-Unsubscribe").is_some(), "the headers stay on the message, not on a part");
        let read = MessageParser::default().parse(raw.as_bytes()).unwrap();
        assert_eq!(read.body_text(0).unwrap().replace("\r\n", "\n"), m.body);
        let file = read.attachment(0).unwrap();
        assert_eq!(file.attachment_name(), Some("wydarzenie.ics"));
        let kind = file.content_type().unwrap();
        assert_eq!((kind.ctype(), kind.subtype()), ("text", Some("calendar")));
        assert_eq!(file.text_contents(), Some(ics));
    }
}
