//! Mail through a real SMTP server, read back as a mail client would show it. `.ci/run` starts
//! aiosmtpd, which keeps every message it accepts in a Maildir, and sets `AGORA_TEST_SMTP`
//! (its `host:port`) and `AGORA_TEST_MAILDIR`. A test builds the application with
//! [`TestApp::with_smtp`], which sends with the site's own SMTP mailer, and reads the messages
//! back with [`TestApp::delivered`] or [`smtp_messages`].
//!
//! Every test running at once shares the one server, and a Maildir kept between local runs
//! still holds the last run's messages: send only to addresses from [`address`], which are
//! new each time, and read only those.
//!
//! Without `AGORA_TEST_SMTP` these tests say they were skipped and pass, unless
//! `AGORA_REQUIRE_SMTP=1` (as in CI), when they fail.
//!
//! ```ignore
//! let Some(app) = TestApp::with_smtp().await else { return };
//! let to = address("digest");
//! // … something that mails `to` …
//! let mail = app.delivered(&to).await.pop().expect("one message");
//! assert_eq!(mail.header("List-Unsubscribe-Post"), Some("List-Unsubscribe=One-Click"));
//! ```

use crate::harness::TestApp;
use agora_web::mail::{Mail, Mailer, SendFuture};
use agora_web::smtp::{Security, SmtpMailer, SmtpSettings};
use mail_parser::{HeaderValue, MessageParser, MimeHeaders};
use std::io::Write;
use std::path::PathBuf;
use std::sync::Arc;

/// The test SMTP server's `host:port` and its Maildir, or `None` when SMTP tests are skipped.
fn server() -> Option<(String, PathBuf)> {
    match std::env::var("AGORA_TEST_SMTP") {
        Ok(addr) if !addr.trim().is_empty() => {
            let dir = std::env::var("AGORA_TEST_MAILDIR")
                .expect("AGORA_TEST_MAILDIR: the Maildir the SMTP server at AGORA_TEST_SMTP writes to");
            Some((addr.trim().to_owned(), PathBuf::from(dir)))
        }
        _ if std::env::var("AGORA_REQUIRE_SMTP").as_deref() == Ok("1") => panic!(
            "AGORA_REQUIRE_SMTP=1 but AGORA_TEST_SMTP is not set: start aiosmtpd \
             (python3 -m pip install aiosmtpd; python3 -m aiosmtpd -n -l 127.0.0.1:8025 \
             -c aiosmtpd.handlers.Mailbox /tmp/agora-maildir) and set AGORA_TEST_SMTP=127.0.0.1:8025 \
             and AGORA_TEST_MAILDIR=/tmp/agora-maildir, as .ci/run does"
        ),
        _ => None,
    }
}

/// A recipient address no other test and no earlier run has used, e.g.
/// `digest.5f3a9c01d2e4@example.org`.
pub fn address(name: &str) -> String {
    format!("{name}.{:012x}@example.org", rand::random::<u64>() & 0xffff_ffff_ffff)
}

/// The site's SMTP mailer, saying in the test's output why a message could not go: the job
/// queue would only retry it later, and the test would see no message and no reason.
struct Loud(SmtpMailer);

impl Mailer for Loud {
    fn send<'a>(&'a self, mail: &'a Mail) -> SendFuture<'a> {
        Box::pin(async move {
            let sent = self.0.send(mail).await;
            if let Err(e) = &sent {
                eprintln!("SMTP delivery to {} failed: {e}", mail.to);
            }
            sent
        })
    }
}

impl TestApp {
    /// An application that sends its mail through the test SMTP server, in plain SMTP as a
    /// server on the same machine takes it; `None`, after saying so, when SMTP tests are skipped.
    pub async fn with_smtp() -> Option<TestApp> {
        let Some((addr, _)) = server() else {
            let test = std::thread::current().name().unwrap_or("an SMTP test").to_owned();
            // Past the test harness's capture (it takes only `eprintln!`), so that a run without
            // `--nocapture` shows what it did not test.
            let _ = writeln!(
                std::io::stderr(),
                "skipped {test}: no SMTP server (set AGORA_TEST_SMTP and AGORA_TEST_MAILDIR, as .ci/run does)"
            );
            return None;
        };
        let (host, port) = addr.rsplit_once(':').expect("AGORA_TEST_SMTP is host:port");
        let settings = SmtpSettings {
            host: host.to_owned(),
            port: port.parse().expect("AGORA_TEST_SMTP's port is a number"),
            security: Security::None,
            username: String::new(),
            password: String::new(),
            from: "Agora <dialog@agora.test>".into(),
        };
        let mailer = Loud(SmtpMailer::new(&settings).unwrap());
        Some(TestApp::with_mailer(Some(Arc::new(mailer)), |_| {}).await)
    }

    /// Sends every message queued so far, transactional and bulk, and returns those the SMTP
    /// server holds for `to`, oldest first.
    pub async fn delivered(&self, to: &str) -> Vec<Delivered> {
        agora_web::jobs::run_due(&self.state).await.unwrap();
        agora_web::jobs::run_bulk(&self.state).await.unwrap();
        smtp_messages(to)
    }
}

/// A file sent with a message.
#[derive(Debug, Clone)]
pub struct DeliveredFile {
    pub filename: String,
    /// Its media type without parameters, e.g. `text/calendar`.
    pub content_type: String,
    pub content: Vec<u8>,
}

/// One message as the SMTP server stored it, decoded as a mail client shows it.
#[derive(Debug, Clone)]
pub struct Delivered {
    /// Every header of the message in order: its name as sent, and its value unfolded, with
    /// encoded words decoded in free text such as the subject.
    pub headers: Vec<(String, String)>,
    /// The subject, decoded.
    pub subject: String,
    /// The plain-text body, decoded, with `\n` line ends and none at its end (lettre ends the
    /// SMTP data with a line break of its own, which the server keeps).
    pub body: String,
    pub attachments: Vec<DeliveredFile>,
    /// The message as stored, for anything the fields above leave out.
    pub raw: String,
}

impl Delivered {
    /// The first header called `name` (in any case), e.g. `List-Unsubscribe`.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    /// The path of the first link to this site in the body, to follow with a test client.
    pub fn link(&self) -> String {
        let base = "http://agora.test";
        let start = self.body.find(base).unwrap_or_else(|| panic!("no link in {}", self.body)) + base.len();
        self.body[start..].split_whitespace().next().unwrap().to_owned()
    }
}

/// Every message the test SMTP server holds for `to` (compared without regard to case), oldest
/// first; none when SMTP tests are skipped.
pub fn smtp_messages(to: &str) -> Vec<Delivered> {
    let Some((_, dir)) = server() else { return Vec::new() };
    let mut files = Vec::new();
    // The server writes in tmp/ and moves a finished message into new/; a client moves it to cur/.
    for sub in ["new", "cur"] {
        let Ok(entries) = std::fs::read_dir(dir.join(sub)) else { continue };
        files.extend(entries.map(|e| e.unwrap().path()));
    }
    let mut found: Vec<(Order, Delivered)> = files
        .into_iter()
        .filter_map(|path| {
            let bytes = std::fs::read(&path).unwrap();
            let message = parse(&bytes);
            let recipients = message.header("X-RcptTo").or(message.header("To")).unwrap_or("").to_owned();
            let is_for = recipients.split(',').any(|r| bare_address(r).eq_ignore_ascii_case(to));
            is_for.then(|| (Order::of(&path), message))
        })
        .collect();
    found.sort_by(|a, b| a.0.cmp(&b.0));
    found.into_iter().map(|(_, m)| m).collect()
}

/// `a@b` out of `Name <a@b>` or `a@b`.
fn bare_address(s: &str) -> &str {
    let s = s.trim();
    match (s.rfind('<'), s.rfind('>')) {
        (Some(open), Some(close)) if open < close => &s[open + 1..close],
        _ => s,
    }
}

/// Where a message falls in time: Python's Maildir names a file
/// `<seconds>.M<microseconds>P<pid>Q<count>.<host>`.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Order(u64, u64, u64, String);

impl Order {
    fn of(path: &std::path::Path) -> Order {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("").to_owned();
        let mut parts = name.split('.');
        let seconds = parts.next().and_then(|s| s.parse().ok()).unwrap_or(0);
        let unique = parts.next().unwrap_or("");
        let number_after = |tag: char| -> u64 {
            let Some(at) = unique.find(tag) else { return 0 };
            unique[at + 1..].chars().take_while(char::is_ascii_digit).collect::<String>().parse().unwrap_or(0)
        };
        Order(seconds, number_after('M'), number_after('Q'), name)
    }
}

fn parse(bytes: &[u8]) -> Delivered {
    let raw = String::from_utf8_lossy(bytes).into_owned();
    let message = MessageParser::default().parse(bytes).unwrap_or_else(|| panic!("not a message: {raw}"));
    let headers = message
        .headers()
        .iter()
        .map(|h| {
            let value = match h.value() {
                HeaderValue::Text(text) => text.to_string(),
                HeaderValue::TextList(list) => list.join(", "),
                // Addresses, dates and content types as written, only unfolded.
                _ => unfold(&bytes[h.offset_start() as usize..h.offset_end() as usize]),
            };
            (h.name().to_owned(), value)
        })
        .collect();
    let attachments = message
        .attachments()
        .map(|part| DeliveredFile {
            filename: part.attachment_name().unwrap_or("").to_owned(),
            content_type: part
                .content_type()
                .map(|t| match t.subtype() {
                    Some(sub) => format!("{}/{sub}", t.ctype()),
                    None => t.ctype().to_owned(),
                })
                .unwrap_or_default(),
            content: part.contents().to_vec(),
        })
        .collect();
    Delivered {
        headers,
        subject: message.subject().unwrap_or("").to_owned(),
        body: message
            .body_text(0)
            .map(|b| b.replace("\r\n", "\n").trim_end_matches('\n').to_owned())
            .unwrap_or_default(),
        attachments,
        raw,
    }
}

/// A header's value with its folding undone (RFC 5322 §2.2.3) and the spaces around it trimmed.
fn unfold(value: &[u8]) -> String {
    String::from_utf8_lossy(value).replace("\r\n", "").replace('\n', "").trim().to_owned()
}
