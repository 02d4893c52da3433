//! The state every handler shares: the database, mail, storage, settings and the pages kept
//! in memory, behind one pointer.

use crate::{cache, client, mail, password, writer};
use agora_db::Db;
use std::sync::Arc;

/// Settings the web layer needs.
#[derive(Debug, Clone)]
pub struct WebConfig {
    /// Public address of the site, used in e-mailed links, e.g. `https://dialog.krakow.pl`.
    pub base_url: String,
    /// Whether cookies get the Secure flag (on whenever the base URL is https).
    pub secure_cookies: bool,
    /// Contact address shown in the footer.
    pub contact_email: String,
    /// How long a sign-in lasts.
    pub session_days: i64,
    /// argon2id cost.
    pub hash_cost: password::HashCost,
    /// The proxies whose `X-Forwarded-For` names the client.
    pub trusted_proxies: client::TrustedProxies,
}

impl WebConfig {
    /// Settings for `base_url` with the defaults for everything else.
    pub fn new(base_url: &str) -> Self {
        WebConfig {
            base_url: base_url.trim_end_matches('/').to_owned(),
            secure_cookies: base_url.starts_with("https://"),
            contact_email: "dialog@example.org".into(),
            session_days: 30,
            hash_cost: password::HashCost::default(),
            trusted_proxies: client::TrustedProxies::default(),
        }
    }
}

/// Shared state of every handler: one pointer, so that the per-request clones axum makes
/// cost one reference count instead of one per field.
#[derive(Clone)]
pub struct AppState(Arc<Shared>);

/// What [`AppState`] points at.
#[derive(Clone)]
pub struct Shared {
    /// The database.
    pub db: Db,
    /// Where mail goes.
    pub mailer: Arc<dyn mail::Mailer>,
    pub config: Arc<WebConfig>,
    /// Woken when a job is queued, so the runner need not poll often.
    pub jobs_waiting: Arc<tokio::sync::Notify>,
    /// Woken when bulk mail (a notice, a digest, a newsletter) is queued: its worker is
    /// another than the one `jobs_waiting` wakes, and a wake-up meant for one must not be
    /// taken by the other.
    pub bulk_waiting: Arc<tokio::sync::Notify>,
    /// Where uploaded files live: a local folder, S3, or memory in tests.
    pub storage: Arc<dyn object_store::ObjectStore>,
    /// Stores survey responses in batches.
    pub survey_writer: writer::BatchWriter<writer::Surveys>,
    /// Rendered pages for visitors who are not signed in.
    pub pages: Arc<cache::PageCache>,
    /// Stores remark submissions in batches.
    pub remark_writer: writer::BatchWriter<writer::Remarks>,
    /// Woken when a news post is saved, so the clock that publishes scheduled posts looks
    /// again at when the next one is due.
    pub news_saved: Arc<tokio::sync::Notify>,
    /// Stores forum posts in batches.
    pub forum_writer: writer::BatchWriter<writer::ForumPosts>,
    /// Registrations for events, which take places in the order they are stored.
    pub registration_writer: writer::BatchWriter<writer::Registrations>,
    /// A hash of a password nobody has, at the configured cost: sign-in checks an unknown
    /// address against it, so that such an answer takes as long as a wrong password.
    pub dummy_hash: String,
}

impl std::ops::Deref for AppState {
    type Target = Shared;
    fn deref(&self) -> &Shared {
        &self.0
    }
}

impl AppState {
    /// State over `db` sending mail through `mailer` and keeping files in `storage`.
    pub fn new(
        db: Db,
        mailer: Arc<dyn mail::Mailer>,
        storage: Arc<dyn object_store::ObjectStore>,
        config: WebConfig,
    ) -> Self {
        AppState(Arc::new(Shared {
            survey_writer: writer::BatchWriter::new(db.clone()),
            remark_writer: writer::BatchWriter::new(db.clone()),
            forum_writer: writer::BatchWriter::new(db.clone()),
            registration_writer: writer::BatchWriter::new(db.clone()),
            pages: Arc::new(cache::PageCache::default()),
            // Made here, once, rather than at the first unknown address, whose answer would
            // then take two hash runs instead of one.
            dummy_hash: password::dummy_hash(config.hash_cost),
            db,
            mailer,
            storage,
            config: Arc::new(config),
            jobs_waiting: Arc::new(tokio::sync::Notify::new()),
            bulk_waiting: Arc::new(tokio::sync::Notify::new()),
            news_saved: Arc::new(tokio::sync::Notify::new()),
        }))
    }

    /// The same state keeping pages in `pages` (one that sees other instances' changes).
    pub fn with_pages(mut self, pages: cache::PageCache) -> Self {
        Arc::make_mut(&mut self.0).pages = Arc::new(pages);
        self
    }
}
