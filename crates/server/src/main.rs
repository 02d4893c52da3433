//! The `agora` binary: command line, configuration, serving and background work.

mod config;
mod demo;
mod demo_advice;
mod demo_applications;
mod demo_bodies;
mod demo_centre;
mod demo_consultations;
mod demo_council;
mod demo_events;
mod demo_follow;
mod demo_forum;
mod demo_meetings;
mod demo_news;
mod demo_newsletter;
mod demo_opinions;
mod demo_recognition;
mod demo_remarks;
mod demo_surveys;

use agora_db::Db;
use agora_web::cache::PageCache;
use agora_web::mail::Mailer;
use agora_web::{AppState, WebConfig};
use anyhow::Context;
use clap::{Parser, Subcommand};
use config::Config;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

/// Agora — public consultations and civic dialogue for a city.
///
/// Settings come from built-in defaults, then the file given by --config (agora.toml by
/// default, optional), then AGORA_* environment variables. See README.md for the list.
#[derive(Parser)]
#[command(name = "agora", version, about, long_about)]
struct Cli {
    /// Configuration file; it is fine if it does not exist.
    #[arg(long, global = true, default_value = "agora.toml", env = "AGORA_CONFIG")]
    config: PathBuf,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Start the web server (applies migrations first).
    Serve {
        /// Load the demo data before serving and print the demo accounts.
        #[arg(long)]
        demo: bool,
    },
    /// Apply database migrations and exit.
    Migrate,
    /// Load the demo data (Kraków's districts, units, categories, staff accounts, consultations) and exit.
    Demo,
    /// Create an administrator account, or give an existing account the administrator role.
    CreateAdmin {
        /// The administrator's e-mail address.
        #[arg(long)]
        email: String,
        /// The name shown in the audit log.
        #[arg(long, default_value = "Administrator")]
        name: String,
        /// The password; when omitted a random one is generated and printed.
        #[arg(long, env = "AGORA_ADMIN_PASSWORD", hide_env_values = true)]
        password: Option<String>,
    },
    /// Check the configuration and print the effective settings (passwords hidden).
    CheckConfig,
}

fn init_logging(format: &str) {
    let filter = tracing_subscriber::EnvFilter::try_from_env("AGORA_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx=warn,tower_http=info"));
    let builder = tracing_subscriber::fmt().with_env_filter(filter);
    if format == "json" { builder.json().init() } else { builder.init() }
}

async fn open_db(cfg: &Config) -> anyhow::Result<Db> {
    std::fs::create_dir_all(&cfg.data_dir)
        .with_context(|| format!("AGORA_DATA_DIR: cannot create {}", cfg.data_dir.display()))?;
    let url = cfg.database_url();
    let db =
        Db::connect(&url).await.map_err(|e| anyhow::anyhow!("AGORA_DATABASE_URL: cannot open the database: {e}"))?;
    db.migrate().await.context("applying migrations")?;
    agora_web::ensure_default_pages(&db).await?;
    Ok(db)
}

fn web_config(cfg: &Config) -> anyhow::Result<WebConfig> {
    let mut w = WebConfig::new(&cfg.base_url());
    w.contact_email = cfg.contact_email.clone();
    w.session_days = cfg.session_days;
    w.trusted_proxies = cfg.trusted_proxies()?;
    Ok(w)
}

fn mailer(cfg: &Config) -> anyhow::Result<Arc<dyn Mailer>> {
    Ok(if cfg.smtp_host.is_empty() {
        Arc::new(agora_web::smtp::OutboxMailer::new(cfg.data_dir.join("outbox"), &cfg.smtp_from)?)
    } else {
        Arc::new(agora_web::smtp::SmtpMailer::new(&cfg.smtp())?)
    })
}

fn storage(cfg: &Config) -> anyhow::Result<Arc<dyn object_store::ObjectStore>> {
    Ok(if cfg.storage == "s3" {
        let mut b =
            object_store::aws::AmazonS3Builder::from_env().with_bucket_name(&cfg.s3_bucket).with_region(&cfg.s3_region);
        if !cfg.s3_endpoint.is_empty() {
            b = b.with_endpoint(&cfg.s3_endpoint).with_allow_http(cfg.s3_endpoint.starts_with("http://"));
        }
        if !cfg.s3_access_key_id.is_empty() {
            b = b.with_access_key_id(&cfg.s3_access_key_id).with_secret_access_key(&cfg.s3_secret_access_key);
        }
        Arc::new(b.build().context("AGORA_S3_*: cannot set up S3 storage")?)
    } else {
        let dir = cfg.data_dir.join("files");
        std::fs::create_dir_all(&dir).with_context(|| format!("AGORA_DATA_DIR: cannot create {}", dir.display()))?;
        Arc::new(object_store::local::LocalFileSystem::new_with_prefix(&dir).context("AGORA_DATA_DIR: file storage")?)
    })
}

fn print_demo_accounts() {
    println!("\nDemo accounts (password — e-mail — role):");
    for a in demo::ACCOUNTS.iter().chain([&demo_recognition::MEMBER, &demo_advice::ADVISER]) {
        println!("  {:<22} {:<32} {}", a.password, a.email, a.role);
    }
    println!();
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    let cfg = match Config::load(&cli.config) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("agora: {e}");
            return std::process::ExitCode::from(2);
        }
    };
    init_logging(&cfg.log_format);
    match run(cli.command, cfg).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("agora: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

async fn run(command: Command, cfg: Config) -> anyhow::Result<()> {
    match command {
        Command::CheckConfig => {
            let mut shown = cfg.clone();
            for secret in [&mut shown.smtp_password, &mut shown.s3_secret_access_key] {
                if !secret.is_empty() {
                    *secret = "***".into();
                }
            }
            println!("{}", toml_like(&shown));
            println!("database: {}", redact_url(&cfg.database_url()));
            println!("base URL: {}", cfg.base_url());
            Ok(())
        }
        Command::Migrate => {
            let db = open_db(&cfg).await?;
            println!("migrations applied ({})", db.backend());
            Ok(())
        }
        Command::Demo => {
            let db = open_db(&cfg).await?;
            let files = storage(&cfg)?;
            demo::load(&db, Default::default(), files.as_ref()).await?;
            print_demo_accounts();
            Ok(())
        }
        Command::CreateAdmin { email, name, password } => create_admin(&cfg, &email, &name, password).await,
        Command::Serve { demo } => serve(cfg, demo).await,
    }
}

fn toml_like(cfg: &Config) -> String {
    serde_json::to_value(cfg)
        .ok()
        .and_then(|v| v.as_object().cloned())
        .map(|o| o.iter().map(|(k, v)| format!("{k} = {v}")).collect::<Vec<_>>().join("\n"))
        .unwrap_or_default()
}

fn redact_url(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut u) if u.password().is_some() => {
            let _ = u.set_password(Some("***"));
            u.to_string()
        }
        _ => url.to_owned(),
    }
}

async fn create_admin(cfg: &Config, email: &str, name: &str, password: Option<String>) -> anyhow::Result<()> {
    use agora_domain::account::{DisplayName, Email, NewPassword};
    use agora_domain::permission::Grant;
    let email = Email::parse(email).map_err(|_| anyhow::anyhow!("--email: '{email}' is not a valid e-mail address"))?;
    let name = DisplayName::parse(name).map_err(|_| anyhow::anyhow!("--name: give 2 to 100 characters"))?;
    let db = open_db(cfg).await?;
    let generated = password.is_none();
    let password = password.unwrap_or_else(|| agora_db::new_token().0[..20].to_owned());
    let pw = NewPassword::parse("password", &password, &password)
        .map_err(|_| anyhow::anyhow!("--password: use at least {} characters", agora_domain::account::PASSWORD_MIN))?;
    let entry = agora_db::audit::AuditEntry {
        actor_id: None,
        actor_label: "agora create-admin".into(),
        action: "role.grant",
        entity: "user",
        details: format!("{} administrator", email.as_str()),
    };
    let id = match agora_db::users::by_email(&db, email.as_str()).await? {
        Some(u) => {
            println!("account {} exists; its password is unchanged", email.as_str());
            u.id
        }
        None => {
            let h = agora_web::password::hash(Default::default(), pw.expose().to_owned())
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            let id = agora_db::users::create(&db, email.as_str(), name.as_str(), &h, "pl", true).await?;
            if generated {
                println!("password: {password}");
            }
            id
        }
    };
    match agora_db::roles::grant(&db, id, &Grant::Administrator, &entry).await {
        Ok(_) => println!("{} is now an administrator", email.as_str()),
        Err(agora_db::DbError::Conflict(_)) => println!("{} was an administrator already", email.as_str()),
        Err(e) => return Err(e.into()),
    }
    Ok(())
}

async fn serve(cfg: Config, demo: bool) -> anyhow::Result<()> {
    let started = std::time::Instant::now();
    agora_web::memory::map_large_blocks_alone();
    let addr = cfg.listen_addr()?;
    let db = open_db(&cfg).await?;
    let files = storage(&cfg)?;
    if demo {
        demo::load(&db, Default::default(), files.as_ref()).await?;
        print_demo_accounts();
    }
    // Instances on one SQLite database see each other's changes through a file beside it;
    // on PostgreSQL they signal each other through the database.
    let pages = match &db {
        Db::Sqlite(_) => {
            let path = cfg.data_dir.join("pages.changed");
            PageCache::with_shared_file(&path).with_context(|| format!("cannot open {}", path.display()))?
        }
        Db::Postgres(_) => PageCache::with_signals(),
    };
    let state = AppState::new(db.clone(), mailer(&cfg)?, files, web_config(&cfg)?).with_pages(pages);
    tokio::spawn(agora_web::cache::relay(state.clone()));
    tokio::spawn(agora_web::news_clock::run(state.clone()));
    let listener =
        tokio::net::TcpListener::bind(addr).await.with_context(|| format!("AGORA_LISTEN: cannot listen on {addr}"))?;

    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    let worker = tokio::spawn(job_worker(state.clone(), stop_rx.clone()));
    let bulk = tokio::spawn(bulk_worker(state.clone(), stop_rx));

    let app = agora_web::router(state);
    tracing::info!(%addr, backend = db.backend(), startup_ms = started.elapsed().as_millis() as u64, "agora is listening");
    println!("Agora is running at {} (press Ctrl+C to stop)", cfg.base_url());
    let (stop_http, http_stopping) = tokio::sync::watch::channel(false);
    let (release, released) = tokio::sync::watch::channel(false);
    let (served, mut all_served) = tokio::sync::mpsc::channel::<()>(1);
    let threads =
        serve_on_every_core(listener.into_std()?, app, Stops { stop: http_stopping, served, release: released })?;
    shutdown_signal().await;
    let _ = stop_http.send(true);
    // Ends when every serving thread has dropped its sender, i.e. answered what it had.
    while all_served.recv().await.is_some() {}

    tracing::info!("stopping: in-flight requests finished");
    let _ = stop_tx.send(true);
    let _ = tokio::time::timeout(Duration::from_secs(10), worker).await;
    let _ = tokio::time::timeout(Duration::from_secs(10), bulk).await;
    db.close().await;
    let _ = release.send(true);
    tokio::task::spawn_blocking(move || threads.into_iter().for_each(|t| drop(t.join()))).await?;
    Ok(())
}

/// Serves `app` from one thread per core, each with a runtime of its own accepting on the same
/// socket, until `stop` turns true and the requests under way are answered. As with nginx's
/// workers, a connection stays on the thread that accepted it: on the shared work-stealing
/// runtime, handing connections' tasks between threads slowed pages served from memory
/// (BENCHMARKS.md, "Figures behind choices in the code").
/// Blocking work (reports, exports, password hashes) goes to each runtime's blocking threads,
/// and a thread that is busy leaves new connections to the others, which accept them first.
fn serve_on_every_core(
    listener: std::net::TcpListener,
    app: agora_web::App,
    stops: Stops,
) -> anyhow::Result<Vec<std::thread::JoinHandle<()>>> {
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
    (0..cores)
        .map(|i| {
            let (listener, app, Stops { mut stop, served, mut release }) =
                (listener.try_clone()?, app.clone(), stops.clone());
            let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
            let thread = std::thread::Builder::new().name(format!("http-{i}")).spawn(move || {
                runtime.block_on(async move {
                    let result = match tokio::net::TcpListener::from_std(listener) {
                        Ok(l) => {
                            axum::serve(l, app)
                                .with_graceful_shutdown(async move { drop(stop.wait_for(|s| *s).await) })
                                .await
                        }
                        Err(e) => Err(e),
                    };
                    if let Err(e) = result {
                        tracing::error!(error = %e, "a serving thread stopped");
                    }
                    drop(served);
                    // Database connections opened on this runtime serve the whole process from
                    // the pool, and its sockets die with the runtime: it runs until the pool is
                    // closed, so requests still under way on other threads keep theirs.
                    drop(release.wait_for(|r| *r).await);
                });
            })?;
            Ok(thread)
        })
        .collect()
}

/// How the serving threads are stopped: `stop` ends their serving, each drops its `served`
/// once its requests are answered, and `release` ends its runtime.
#[derive(Clone)]
struct Stops {
    stop: tokio::sync::watch::Receiver<bool>,
    served: tokio::sync::mpsc::Sender<()>,
    release: tokio::sync::watch::Receiver<bool>,
}

/// Collects notices of what followed things publish, builds the digests, and sends bulk mail
/// (subscriptions, newsletters). A task of its own, so that a digest of fifty thousand
/// messages never holds up the receipts and codes `job_worker` sends.
async fn bulk_worker(state: AppState, mut stop: tokio::sync::watch::Receiver<bool>) {
    let mut last_collect = std::time::Instant::now() - Duration::from_secs(3600);
    loop {
        // A notice is mail, not a page: within seconds of its item is on time, and a look
        // is a handful of indexed reads.
        if last_collect.elapsed() >= Duration::from_secs(10) {
            let now = chrono::Utc::now();
            if let Err(e) = agora_web::follow_mail::collect(&state, now).await {
                tracing::error!(error = %e, "collecting notices failed");
            }
            // After the collection, so a digest carries everything of its period.
            if let Err(e) = agora_web::follow_mail::digests(&state, now).await {
                tracing::error!(error = %e, "digests failed");
            }
            last_collect = std::time::Instant::now();
        }
        if let Err(e) = agora_web::jobs::run_bulk(&state).await {
            tracing::error!(error = %e, "bulk mail failed");
        }
        tokio::select! {
            _ = state.bulk_waiting.notified() => {}
            _ = tokio::time::sleep(Duration::from_secs(5)) => {}
            _ = stop.changed() => return,
        }
    }
}

/// Runs queued jobs (mail now, scheduled work later) and prunes expired sessions.
async fn job_worker(state: AppState, mut stop: tokio::sync::watch::Receiver<bool>) {
    let mut last_prune = std::time::Instant::now() - Duration::from_secs(3600);
    let mut last_schedule = last_prune;
    let mut last_reminders = last_prune;
    loop {
        // The worker wakes for every batch of submissions with mail to send; the schedule, to
        // the minute, needs no look that often, and each look reads every consultation.
        if last_schedule.elapsed() >= Duration::from_secs(5) {
            if let Err(e) = agora_web::scheduler::run(&state, chrono::Utc::now()).await {
                tracing::error!(error = %e, "scheduler failed");
            }
            last_schedule = std::time::Instant::now();
        }
        // Weekly reminders are queued once a week; a look every few minutes is on time.
        if last_reminders.elapsed() >= Duration::from_secs(300) {
            if let Err(e) = agora_web::reminders::run(&state, chrono::Utc::now()).await {
                tracing::error!(error = %e, "weekly reminders failed");
            }
            if let Err(e) = agora_web::event_mail::remind(&state, chrono::Utc::now()).await {
                tracing::error!(error = %e, "event reminders failed");
            }
            if let Err(e) = agora_web::event_mail::expire_offers(&state, chrono::Utc::now()).await {
                tracing::error!(error = %e, "expiring offers failed");
            }
            if let Err(e) = agora_web::forum_mail::moderation_alerts(&state).await {
                tracing::error!(error = %e, "moderation alerts failed");
            }
            last_reminders = std::time::Instant::now();
        }
        if let Err(e) = agora_web::jobs::run_due(&state).await {
            tracing::error!(error = %e, "job runner failed");
        }
        if last_prune.elapsed() > Duration::from_secs(3600) {
            match agora_db::sessions::prune(&state.db).await {
                Ok(n) => tracing::info!(sessions = n, "pruned expired sessions"),
                Err(e) => tracing::error!(error = %e, "pruning failed"),
            }
            last_prune = std::time::Instant::now();
        }
        tokio::select! {
            _ = state.jobs_waiting.notified() => {}
            _ = tokio::time::sleep(Duration::from_secs(5)) => {}
            _ = stop.changed() => return,
        }
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
}
