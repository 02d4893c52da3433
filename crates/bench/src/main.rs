//! `agora-bench`: generates a large dataset on SQLite and PostgreSQL, starts `agora serve`,
//! drives it with wrk from a separate process, measures nginx serving a saved copy of the
//! consultation page as the ceiling, kills the server with -9 during submissions to prove
//! that nothing acknowledged is lost, and reports every figure next to the budgets of
//! DESIGN.md. `full` is the manual benchmark; `smoke` is a small run for CI.

mod data;
mod digest;
mod http;
mod load;
mod recognition;
mod report;
mod server;
mod surveys;

use anyhow::{Context, Result, bail};
use clap::{Args, Parser, Subcommand, ValueEnum};
use data::{BIG_SLUG, Backend, Conn, Dataset, Scale, TARGET_SLUG};
use report::{Row, mib};
use server::{Server, Setup};
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

#[derive(Parser)]
#[command(name = "agora-bench", about = "Load benchmark of the agora binary against the budgets of DESIGN.md")]
struct Cli {
    #[command(subcommand)]
    command: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// The full benchmark: issue 7's dataset, 50 and 500 connections, 15 s per scenario.
    Full(Opts),
    /// A small run (tiny dataset, 10 connections, 2 s per scenario) that fails on any error.
    Smoke(Opts),
    /// List the scenarios.
    List,
}

/// Which databases to run on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum DbChoice {
    /// SQLite only.
    Sqlite,
    /// PostgreSQL only.
    Postgres,
    /// Both (smoke: PostgreSQL only when reachable).
    Both,
}

#[derive(Args, Clone)]
struct Opts {
    /// Databases to run on.
    #[arg(long, value_enum, default_value = "both")]
    db: DbChoice,
    /// Scenarios to run, comma-separated (see `agora-bench list`); start-up and idle memory are always measured.
    #[arg(long, value_delimiter = ',')]
    scenarios: Vec<String>,
    /// Connection counts for the load scenarios, comma-separated [full: 50,500; smoke: 10].
    #[arg(long, value_delimiter = ',')]
    concurrency: Vec<u32>,
    /// Seconds per load scenario and concurrency [full: 15; smoke: 2].
    #[arg(long)]
    duration: Option<u64>,
    /// The agora binary [full: target/release/agora; smoke: target/debug/agora].
    #[arg(long)]
    agora: Option<PathBuf>,
    /// A PostgreSQL server to create the benchmark database on (any existing database on it).
    #[arg(long, env = "AGORA_BENCH_PG_URL", default_value = "postgres://postgres@127.0.0.1:5432/test")]
    pg_url: String,
    /// The database created (dropped first) on that server for the benchmark.
    #[arg(long, default_value = "bench")]
    pg_database: String,
    /// Where to write the Markdown results [target/bench/<mode>-latest.md].
    #[arg(long)]
    out: Option<PathBuf>,
    /// Keep the working folder (databases, logs, scripts) instead of deleting it.
    #[arg(long)]
    keep: bool,
    /// Ask for pages without `Accept-Encoding`, as a client that takes no compression would;
    /// nginx's copies then go out plain too. By default pages are asked for as a browser does.
    #[arg(long)]
    plain: bool,
}

/// A scenario: its name on the command line and what it measures.
struct Scenario {
    name: &'static str,
    what: &'static str,
}

const SCENARIOS: [Scenario; 24] = [
    Scenario {
        name: "catalogue",
        what: "GET /konsultacje with filters (tab, district, category, unit, year, text, sort, page), 12 URLs in turn; in rounds alternating with nginx serving saved copies",
    },
    Scenario {
        name: "consultation",
        what: "GET the page of the consultation with the most remarks, anonymous; in rounds alternating with nginx serving a saved copy",
    },
    Scenario { name: "home", what: "GET / for an anonymous visitor" },
    Scenario {
        name: "consultation-signed-in",
        what: "the same page with a resident's session cookie, sessions in turn",
    },
    Scenario { name: "remarks", what: "GET the public list of that consultation's remarks, its pages in turn" },
    Scenario {
        name: "ledger",
        what: "GET /odpowiedzi-miasta (the city's answers ledger), its pages in turn and filtered by state",
    },
    Scenario {
        name: "forum-thread",
        what: "GET the long forum thread's pages in turn, anonymous, after a post shows at once; in rounds alternating with nginx serving saved copies",
    },
    Scenario {
        name: "news",
        what: "GET /aktualnosci with filters and pages, news posts, district pages and their councils, anonymous, after a new post shows at once; in rounds alternating with nginx serving saved copies",
    },
    Scenario {
        name: "submit-post",
        what: "POST a forum post to the long thread: form, CSRF token, signed in, a new form key each time",
    },
    Scenario {
        name: "submit-remark",
        what: "POST the remark form: multipart, CSRF token, signed in, a new form key each time",
    },
    Scenario { name: "survey-results", what: "GET the results page of the survey with the most responses" },
    Scenario { name: "submit-survey", what: "POST a survey response" },
    Scenario {
        name: "report-pdf",
        what: "GET raport.pdf of the consultation with the most remarks: time and peak memory",
    },
    Scenario {
        name: "certificate-pdf",
        what: "POST a member's certificate of participation (PDF) for three years of meetings and co-signed opinions",
    },
    Scenario { name: "report-xlsx", what: "GET raport.xlsx of the same consultation: time and peak memory" },
    Scenario { name: "report-csv", what: "GET raport.csv of the same consultation: time and peak memory" },
    Scenario { name: "survey-csv", what: "CSV export of every response of the big survey: time and peak memory" },
    Scenario { name: "survey-xlsx", what: "XLSX export of every response of the big survey: time and peak memory" },
    Scenario {
        name: "durability",
        what: "kill -9 during remark submission, restart, check every acknowledged receipt is in the database",
    },
    Scenario {
        name: "forum-durability",
        what: "kill -9 during forum posting, restart, check every acknowledged post is in the database",
    },
    Scenario {
        name: "register",
        what: "POST a registration for an event a month ahead: CSRF token, signed in, a new address each time; places, then the waiting list, checked",
    },
    Scenario {
        name: "register-durability",
        what: "kill -9 during registration, restart, check every acknowledged registration is stored and no place was given twice",
    },
    Scenario {
        name: "survey-durability",
        what: "kill -9 during survey submission, restart, check the stored responses are at least the acknowledged ones",
    },
    // Last: its fifty thousand messages go out after the run, and would share the cores with
    // any scenario measured after it.
    Scenario {
        name: "digest",
        what: "the daily digest of 50,000 subscribers and 500 items, built by the server's worker; a receipt asked for meanwhile is timed",
    },
];

/// The settings of one run, after defaults for the mode.
struct Plan {
    mode: &'static str,
    scale: Scale,
    concurrency: Vec<u32>,
    duration: Duration,
    warmup: Duration,
    scenarios: Vec<&'static str>,
    bin: PathBuf,
    work: PathBuf,
    opts: Opts,
}

impl Plan {
    /// What page loads say they accept.
    fn encodings(&self) -> Option<&'static str> {
        (!self.opts.plain).then_some(load::BROWSER_ENCODINGS)
    }
}

/// The Cargo target folder, where results and the binaries are.
pub fn target_dir() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(d) if !d.is_empty() => PathBuf::from(d),
        _ => {
            let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
            root.canonicalize().unwrap_or(root).join("target")
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let (mode, opts) = match cli.command {
        Cmd::List => {
            for s in &SCENARIOS {
                println!("{:<24} {}", s.name, s.what);
            }
            return ExitCode::SUCCESS;
        }
        Cmd::Full(o) => ("full", o),
        Cmd::Smoke(o) => ("smoke", o),
    };
    let rt = match tokio::runtime::Builder::new_multi_thread().worker_threads(1).enable_all().build() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("agora-bench: {e}");
            return ExitCode::FAILURE;
        }
    };
    match rt.block_on(run(mode, opts)) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("agora-bench: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn plan(mode: &'static str, opts: Opts) -> Result<Plan> {
    let smoke = mode == "smoke";
    let scenarios: Vec<&'static str> = if opts.scenarios.is_empty() {
        SCENARIOS.iter().map(|s| s.name).collect()
    } else {
        let mut v = Vec::new();
        for name in &opts.scenarios {
            match SCENARIOS.iter().find(|s| s.name == name.trim()) {
                Some(s) => v.push(s.name),
                None => bail!("--scenarios: unknown scenario {name:?}; `agora-bench list` shows them"),
            }
        }
        // In the list's order, so that the nginx figures exist before the pages quoted against them.
        v.sort_by_key(|n| SCENARIOS.iter().position(|s| s.name == *n));
        v.dedup();
        v
    };
    let concurrency = if opts.concurrency.is_empty() {
        if smoke { vec![10] } else { vec![50, 500] }
    } else {
        opts.concurrency.clone()
    };
    if concurrency.contains(&0) {
        bail!("--concurrency: give at least 1 connection");
    }
    for tool in ["wrk", "nginx"] {
        let found = std::env::var_os("PATH")
            .map(|p| std::env::split_paths(&p).chain([PathBuf::from("/usr/sbin")]).any(|d| d.join(tool).is_file()))
            .unwrap_or(false);
        if !found {
            bail!("{tool} is not installed: apt-get install -y {tool}");
        }
    }
    let bin = server::find_binary(opts.agora.as_deref(), if smoke { "debug" } else { "release" })?;
    let work = std::env::temp_dir().join(format!("agora-bench-{}", std::process::id()));
    std::fs::create_dir_all(&work)?;
    Ok(Plan {
        mode,
        scale: if smoke { Scale::SMOKE } else { Scale::FULL },
        duration: Duration::from_secs(opts.duration.unwrap_or(if smoke { 2 } else { 15 }).max(1)),
        warmup: if smoke { Duration::ZERO } else { Duration::from_secs(3) },
        concurrency,
        scenarios,
        bin,
        work,
        opts,
    })
}

fn pg_reachable(url: &str) -> bool {
    let rest = url.split("://").nth(1).unwrap_or("");
    let host_port = rest.split(['/', '?']).next().unwrap_or("");
    let host_port = host_port.rsplit('@').next().unwrap_or("");
    let addr = if host_port.contains(':') { host_port.to_owned() } else { format!("{host_port}:5432") };
    use std::net::ToSocketAddrs;
    addr.to_socket_addrs()
        .ok()
        .and_then(|mut a| a.next())
        .is_some_and(|a| std::net::TcpStream::connect_timeout(&a, Duration::from_secs(2)).is_ok())
}

async fn run(mode: &'static str, opts: Opts) -> Result<bool> {
    let started = Instant::now();
    let p = plan(mode, opts)?;
    let mut backends = Vec::new();
    if matches!(p.opts.db, DbChoice::Sqlite | DbChoice::Both) {
        backends.push(Backend::Sqlite);
    }
    if matches!(p.opts.db, DbChoice::Postgres | DbChoice::Both) {
        if pg_reachable(&p.opts.pg_url) {
            backends.push(Backend::Postgres);
        } else if p.mode == "smoke" && p.opts.db == DbChoice::Both && std::env::var("CI").as_deref() != Ok("true") {
            println!("PostgreSQL is not reachable at {}; smoke runs on SQLite only", p.opts.pg_url);
        } else {
            bail!("PostgreSQL is not reachable at {} (--pg-url)", p.opts.pg_url);
        }
    }
    println!(
        "agora-bench {}: {} on {}; {:?} connections, {} s per scenario; binary {}",
        p.mode,
        p.scenarios.join(", "),
        backends.iter().map(|b| b.name()).collect::<Vec<_>>().join(" and "),
        p.concurrency,
        p.duration.as_secs(),
        p.bin.display()
    );

    let mut failures: Vec<String> = Vec::new();
    let mut sections = Vec::new();
    for b in backends {
        println!("\n== {}", b.name());
        let mut out = DbOutcome::default();
        if let Err(e) = bench_backend(&p, b, &mut out).await {
            failures.push(format!("{}: {e:#}", b.name()));
            eprintln!("agora-bench: {}: {e:#}", b.name());
        }
        for f in &out.failures {
            failures.push(format!("{}: {f}", b.name()));
        }
        if !out.rows.is_empty() {
            println!("\n{}", report::text_table(&out.rows));
        }
        sections.push((b, out));
    }

    let md = markdown(&p, &sections, started.elapsed());
    let out_path =
        p.opts.out.clone().unwrap_or_else(|| target_dir().join("bench").join(format!("{}-latest.md", p.mode)));
    if let Some(dir) = out_path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(&out_path, md).with_context(|| format!("writing {}", out_path.display()))?;
    println!("results written to {}", out_path.display());
    if p.opts.keep {
        println!("working folder kept: {}", p.work.display());
    } else {
        let _ = std::fs::remove_dir_all(&p.work);
    }
    println!("took {:.0} s", started.elapsed().as_secs_f64());
    if failures.is_empty() {
        Ok(true)
    } else {
        eprintln!("\nagora-bench {} FAILED:", p.mode);
        for f in &failures {
            eprintln!("  - {f}");
        }
        Ok(false)
    }
}

/// What one database's run produced.
#[derive(Default)]
struct DbOutcome {
    rows: Vec<Row>,
    failures: Vec<String>,
    notes: Vec<String>,
    counts: Vec<(String, i64)>,
}

/// Whatever is shared by the scenarios of one database.
struct Ctx<'a> {
    p: &'a Plan,
    url: String,
    dir: PathBuf,
    ds: Dataset,
    /// nginx's requests per second per page (consultation, catalogue) and connection count.
    ceiling: BTreeMap<(&'static str, u32), f64>,
    /// nginx serving the saved copies, for as long as the scenarios run.
    nginx: Option<load::Nginx>,
    /// Per page kind: nginx serving its saved copies.
    copies: BTreeMap<&'static str, Copies>,
    /// Cookie header values for the signed-in scenarios: CSRF token and a session each.
    cookies: Vec<String>,
    /// The remark form's action: path with the CSRF token.
    form_action: String,
    /// The CSRF token in `cookies`.
    csrf: String,
}

async fn bench_backend(p: &Plan, b: Backend, out: &mut DbOutcome) -> Result<()> {
    let dir = p.work.join(b.name());
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)?;
    let url = match b {
        Backend::Sqlite => format!("sqlite://{}", dir.join("agora.db").display()),
        Backend::Postgres => data::recreate_postgres(&p.opts.pg_url, &p.opts.pg_database).await?,
    };
    let setup = Setup {
        bin: p.bin.clone(),
        data_dir: dir.clone(),
        database_url: url.clone(),
        listen: format!("127.0.0.1:{}", server::free_port()?),
    };
    let t_migrate = setup.run(&["migrate"])?;
    let t_demo = setup.run(&["demo"])?;
    print!("generating data… ");
    let ds = data::generate(&url, &dir, p.scale).await?;
    println!(
        "{:.1} s (migrate {:.1} s, demo {:.1} s)",
        ds.took.as_secs_f64(),
        t_migrate.as_secs_f64(),
        t_demo.as_secs_f64()
    );
    println!("  {}", ds.counts.iter().map(|(t, n)| format!("{t} {n}")).collect::<Vec<_>>().join(", "));
    out.counts = ds.counts.clone();
    for n in &ds.notes {
        println!("  {n}");
    }
    out.notes.extend(ds.notes.iter().cloned());
    out.notes.push(format!(
        "data generated in {:.1} s (after `agora migrate` {:.1} s and `agora demo` {:.1} s)",
        ds.took.as_secs_f64(),
        t_migrate.as_secs_f64(),
        t_demo.as_secs_f64()
    ));
    {
        let mut c = Conn::open(&url).await?;
        let v = match b {
            Backend::Sqlite => c.strings("SELECT 'SQLite ' || sqlite_version()").await?,
            Backend::Postgres => c.strings("SELECT version()").await?,
        };
        out.notes.push(v.join(""));
        c.close().await;
    }

    let server = setup.serve()?;
    let startup = server.startup;
    std::thread::sleep(Duration::from_secs(1));
    let idle = server.rss_kib().map(mib);
    out.rows.push(Row {
        scenario: "start-up, idle".into(),
        peak_mib: idle,
        note: format!(
            "ready in {} ms; idle RSS {}",
            startup.as_millis(),
            idle.map_or("?".into(), |m| format!("{m:.1} MiB"))
        ),
        budget: Some((
            "start-up < 1 s, idle < 50 MB".into(),
            startup < Duration::from_secs(1) && idle.is_some_and(|m| m * 1.048_576 < 50.0),
        )),
        ..Row::default()
    });

    let mut ctx = Ctx {
        p,
        url,
        dir: dir.clone(),
        ds,
        ceiling: BTreeMap::new(),
        nginx: None,
        copies: BTreeMap::new(),
        cookies: Vec::new(),
        form_action: String::new(),
        csrf: String::new(),
    };
    scenarios(&mut ctx, &setup, server, out).await
}

fn failed(out: &mut DbOutcome, row: Row, why: String) {
    println!("  {}: FAILED: {why}", row.scenario);
    out.failures.push(format!("{}: {why}", row.scenario));
    out.rows.push(Row { note: if row.note.is_empty() { why } else { format!("{}; {why}", row.note) }, ..row });
}

fn skipped(out: &mut DbOutcome, name: &str, why: &str) {
    println!("  {name}: skipped: {why}");
    out.rows.push(Row { scenario: name.into(), note: format!("skipped: {why}"), ..Row::default() });
}

async fn scenarios(ctx: &mut Ctx<'_>, setup: &Setup, mut server: Server, out: &mut DbOutcome) -> Result<()> {
    let addr = server.addr.clone();
    let page_path = format!("/konsultacje/{BIG_SLUG}");

    // Pre-flight: every page the load will hit answers, and one real sign-in and one real
    // submission work, so that a broken form shows as a message instead of a wall of errors.
    let page = http::get(&addr, &page_path, None)?;
    if page.status != 200 {
        bail!("{page_path} answered {}:\n{}", page.status, excerpt(&page.text()));
    }
    println!("  consultation page: {} KiB", page.body.len() / 1024);
    sign_in(ctx, &addr, out)?;
    let form_path = format!("/konsultacje/{TARGET_SLUG}/uwagi/nowa");
    let session0 = ctx.ds.sessions.first().cloned().unwrap_or_default();
    let form = http::get(&addr, &form_path, Some(&format!("agora_session={session0}")))?;
    let csrf = form.cookie("agora_csrf").unwrap_or_default();
    if form.status != 200 || csrf.len() != 64 {
        bail!(
            "the remark form {form_path} answered {} with CSRF cookie {csrf:?}:\n{}",
            form.status,
            excerpt(&form.text())
        );
    }
    if !form.text().contains(&format!("csrf={csrf}")) {
        println!("  note: the form's action does not carry ?csrf= as expected; posting with it anyway");
    }
    ctx.form_action = format!("{form_path}?csrf={csrf}");
    ctx.csrf = csrf.clone();
    ctx.cookies = ctx.ds.sessions.iter().map(|s| format!("agora_csrf={csrf}; agora_session={s}")).collect();
    let key = format!("{:064x}", rand::random::<u128>());
    let body = load::multipart(&load::remark_fields(&key, 0), "attachment");
    let content_type = format!("multipart/form-data; boundary={}", load::BOUNDARY);
    let cookie = ctx.cookies[0].clone();
    let r = http::request(
        &addr,
        "POST",
        &ctx.form_action,
        &[("Content-Type", &content_type), ("Cookie", &cookie)],
        &body,
        Duration::from_secs(60),
    )?;
    if !matches!(r.status, 200 | 303) {
        bail!("a single remark submission answered {} (expected 200 or 303):\n{}", r.status, excerpt(&r.text()));
    }

    // The ceiling: nginx serving the same pages from files, with the same wrk settings, measured
    // in rounds alternating with the pages it is the ceiling of (see `load_get`). The
    // catalogue's pages are larger than the consultation's, so they get their own.
    {
        let mut copies = Vec::new();
        if ctx.p.scenarios.contains(&"catalogue") {
            for (i, path) in ctx.ds.catalogue_paths.iter().enumerate() {
                copies.push((format!("catalogue-{i}.html"), http::get(&addr, path, None)?.body));
            }
        }
        let mut forum_copies = Vec::new();
        if ctx.p.scenarios.contains(&"forum-thread") && ctx.ds.forum_thread > 0 {
            for (i, path) in forum_paths(&ctx.ds).iter().enumerate() {
                forum_copies.push((format!("forum-{i}.html"), http::get(&addr, path, None)?.body));
            }
        }
        let mut news_copies = Vec::new();
        if ctx.p.scenarios.contains(&"news") {
            for (i, path) in ctx.ds.news_paths.iter().enumerate() {
                news_copies.push((format!("news-{i}.html"), http::get(&addr, path, None)?.body));
            }
        }
        let news_copy_paths: Vec<String> = news_copies.iter().map(|(name, _)| format!("/{name}")).collect();
        let news_size = news_copies.iter().map(|(_, b)| b.len()).sum::<usize>() / news_copies.len().max(1);
        let news_count = news_copies.len();
        let forum_copy_paths: Vec<String> = forum_copies.iter().map(|(name, _)| format!("/{name}")).collect();
        let forum_size = forum_copies.iter().map(|(_, b)| b.len()).sum::<usize>() / forum_copies.len().max(1);
        let forum_count = forum_copies.len();
        let copy_paths: Vec<String> = copies.iter().map(|(name, _)| format!("/{name}")).collect();
        copies.extend(forum_copies);
        copies.extend(news_copies);
        let nginx = load::Nginx::start(&ctx.dir, &page.body, &copies, !ctx.p.opts.plain)?;
        // Asked for by its own name: through a fallback, each request would cost nginx a failed
        // look-up first and lower the ceiling.
        let consultation = format!("http://{}/page.html", nginx.addr);
        let note = format!("{} KiB page", page.body.len() / 1024);
        ctx.copies.insert(
            "consultation",
            Copies {
                row: "nginx (static copy)",
                url: consultation,
                script: load::static_script(ctx.p.encodings()),
                note,
            },
        );
        if !copies.is_empty() {
            let size = copies.iter().map(|(_, b)| b.len()).sum::<usize>() / copies.len();
            let note = format!("{} KiB pages on average, {} in turn", size / 1024, copies.len());
            let (url, script) =
                (format!("http://{}", nginx.addr), load::get_script(&copy_paths, &[], ctx.p.encodings()));
            ctx.copies.insert("catalogue", Copies { row: "nginx (catalogue copies)", url, script, note });
        }
        if forum_count > 0 {
            let note = format!("{} KiB pages on average, {forum_count} in turn", forum_size / 1024);
            let (url, script) =
                (format!("http://{}", nginx.addr), load::get_script(&forum_copy_paths, &[], ctx.p.encodings()));
            ctx.copies.insert("forum", Copies { row: "nginx (forum thread copies)", url, script, note });
        }
        if news_count > 0 {
            let note = format!("{} KiB pages on average, {news_count} in turn", news_size / 1024);
            let (url, script) =
                (format!("http://{}", nginx.addr), load::get_script(&news_copy_paths, &[], ctx.p.encodings()));
            ctx.copies.insert("news", Copies { row: "nginx (news copies)", url, script, note });
        }
        ctx.nginx = Some(nginx);
    }

    let survey = {
        let mut c = Conn::open(&ctx.url).await?;
        let s = surveys::paths(&mut c).await?;
        c.close().await;
        s
    };
    let big_report = format!("/konsultacje/{BIG_SLUG}/raport");
    for name in ctx.p.scenarios.clone() {
        match name {
            "home" => load_get(ctx, &server, out, name, &["/".to_owned()], &[], None).await?,
            "catalogue" => {
                let paths = ctx.ds.catalogue_paths.clone();
                for path in &paths {
                    let r = http::get(&addr, path, None)?;
                    if r.status != 200 {
                        failed(
                            out,
                            Row { scenario: name.into(), ..Row::default() },
                            format!("{path} answered {}", r.status),
                        );
                    }
                }
                load_get(ctx, &server, out, name, &paths, &[], Some(Budget::Anonymous)).await?;
            }
            "consultation" => {
                load_get(ctx, &server, out, name, std::slice::from_ref(&page_path), &[], Some(Budget::Anonymous))
                    .await?
            }
            "consultation-signed-in" => {
                let cookies: Vec<String> = ctx.ds.sessions.iter().map(|s| format!("agora_session={s}")).collect();
                load_get(ctx, &server, out, name, std::slice::from_ref(&page_path), &cookies, Some(Budget::SignedIn))
                    .await?
            }
            "remarks" => {
                let pages: Vec<String> = (1..=ctx.ds.remark_pages.max(1))
                    .map(|i| format!("/konsultacje/{BIG_SLUG}/uwagi?strona={i}"))
                    .collect();
                load_get(ctx, &server, out, name, &pages, &[], None).await?
            }
            "ledger" => {
                let mut pages: Vec<String> =
                    (1..=ctx.ds.ledger_pages.max(1)).map(|i| format!("/odpowiedzi-miasta?strona={i}")).collect();
                pages.push("/odpowiedzi-miasta?stan=czeka".into());
                pages.push("/odpowiedzi-miasta?stan=odpowiedziane&strona=2".into());
                load_get(ctx, &server, out, name, &pages, &[], None).await?
            }
            "news" => {
                if let Err(why) = news_fresh(&addr) {
                    failed(out, Row { scenario: name.into(), ..Row::default() }, why);
                    continue;
                }
                let paths = ctx.ds.news_paths.clone();
                load_get(ctx, &server, out, name, &paths, &[], Some(Budget::Anonymous)).await?
            }
            "forum-thread" | "submit-post" | "forum-durability" if ctx.ds.forum_thread == 0 => {
                skipped(out, name, "the demo's forum category is missing, so no thread was generated")
            }
            "forum-thread" => {
                if let Err(why) = forum_fresh(ctx, &addr) {
                    failed(out, Row { scenario: name.into(), ..Row::default() }, why);
                    continue;
                }
                let paths = forum_paths(&ctx.ds);
                load_get(ctx, &server, out, name, &paths, &[], Some(Budget::Anonymous)).await?
            }
            "submit-post" => {
                let path = format!("/forum/watki/{}", ctx.ds.forum_thread);
                let make = || load::forum_post_script(&path, &ctx.cookies, &ctx.csrf, &nonce(), None);
                post_load(ctx, &server, out, name, &make, Some(Counted::ForumPosts(ctx.ds.forum_thread))).await?
            }
            "forum-durability" => {
                server = forum_durability(ctx, setup, server, out).await?;
            }
            "register" => {
                let path = format!("/wydarzenia/{}/zapisy", ctx.ds.event);
                let make = || load::registration_script(&path, &ctx.cookies, &ctx.csrf, &nonce(), None);
                post_load(ctx, &server, out, name, &make, Some(Counted::Registrations(ctx.ds.event))).await?;
                places_kept(ctx, out, "register").await?;
            }
            "register-durability" => {
                server = registration_durability(ctx, setup, server, out).await?;
                places_kept(ctx, out, "register-durability").await?;
            }
            "submit-remark" => {
                let make = || load::remark_post_script(&ctx.form_action, &ctx.cookies, &nonce(), None);
                post_load(ctx, &server, out, name, &make, Some(Counted::Remarks(ctx.ds.target_id))).await?
            }
            "report-pdf" => one_shot(
                &server,
                out,
                name,
                &format!("{big_report}.pdf"),
                "application/pdf",
                Some(Budget::Report),
                None,
            ),
            "certificate-pdf" => match &ctx.ds.certificate_path {
                None => skipped(out, name, "no dialogue body to be a member of"),
                Some(path) => match recognition::certificate(&addr, path, &ctx.cookies[0], &ctx.csrf) {
                    (row, None) => out.rows.push(row),
                    (row, Some(why)) => failed(out, row, why),
                },
            },
            "report-xlsx" => one_shot(&server, out, name, &format!("{big_report}.xlsx"), "spreadsheetml", None, None),
            "report-csv" => one_shot(&server, out, name, &format!("{big_report}.csv"), "text/csv", None, None),
            "survey-results" | "submit-survey" | "survey-csv" | "survey-xlsx" => match &survey {
                Err(why) => skipped(out, name, why),
                Ok(sp) => match name {
                    "survey-results" => {
                        load_get(ctx, &server, out, name, std::slice::from_ref(&sp.results), &[], None).await?
                    }
                    "submit-survey" => {
                        let form = http::get(&addr, &sp.form, Some(&ctx.cookies[0]))?;
                        if form.status != 200 {
                            failed(
                                out,
                                Row { scenario: name.into(), ..Row::default() },
                                format!("{} answered {}", sp.form, form.status),
                            );
                            continue;
                        }
                        let make = || surveys::post_script(sp, &ctx.cookies, &ctx.csrf, &nonce());
                        match make() {
                            Err(why) => skipped(out, name, &why),
                            Ok(_) => {
                                post_load(
                                    ctx,
                                    &server,
                                    out,
                                    name,
                                    &|| make().unwrap_or_default(),
                                    Some(Counted::Surveys),
                                )
                                .await?
                            }
                        }
                    }
                    "survey-csv" => {
                        one_shot(&server, out, name, &sp.csv, "text/csv", Some(Budget::Export), Some(&sp.staff_cookie))
                    }
                    _ => one_shot(
                        &server,
                        out,
                        name,
                        &sp.xlsx,
                        "spreadsheetml",
                        Some(Budget::Export),
                        Some(&sp.staff_cookie),
                    ),
                },
            },
            "durability" => {
                server = durability(ctx, setup, server, out).await?;
            }
            "digest" => match digest::run(&addr, &ctx.url, &digest::Size::for_mode(ctx.p.mode)).await {
                Ok((row, None)) => out.rows.push(row),
                Ok((row, Some(why))) => failed(out, row, why),
                Err(e) => failed(out, Row { scenario: "daily digest".into(), ..Row::default() }, format!("{e:#}")),
            },
            "survey-durability" => match &survey {
                Err(why) => skipped(out, name, why),
                Ok(sp) => server = survey_durability(ctx, setup, server, out, sp).await?,
            },
            _ => {}
        }
    }
    server.stop();
    if let Some(mut nginx) = ctx.nginx.take() {
        nginx.stop();
    }
    Ok(())
}

fn excerpt(s: &str) -> String {
    s.chars().take(1500).collect()
}

/// One real sign-in through the form, which proves the generated argon2 hashes verify.
fn sign_in(ctx: &Ctx<'_>, addr: &str, out: &mut DbOutcome) -> Result<()> {
    let form = http::get(addr, "/konto/logowanie", None)?;
    let csrf = form.cookie("agora_csrf").unwrap_or_default();
    let body =
        format!("csrf={csrf}&email={}&password={}&next=%2F", ctx.ds.user_email.replace('@', "%40"), data::PASSWORD);
    let started = Instant::now();
    let r = http::request(
        addr,
        "POST",
        "/konto/logowanie",
        &[("Content-Type", "application/x-www-form-urlencoded"), ("Cookie", &format!("agora_csrf={csrf}"))],
        body.as_bytes(),
        Duration::from_secs(60),
    )?;
    let took = started.elapsed();
    let row = Row {
        scenario: "sign-in (argon2id)".into(),
        note: format!("{} ms for one sign-in", took.as_millis()),
        ..Row::default()
    };
    if r.status == 303 && r.cookie("agora_session").is_some() {
        out.rows.push(row);
    } else {
        failed(out, row, format!("sign-in answered {} without a session", r.status));
    }
    Ok(())
}

/// Which budget of DESIGN.md a row is held to.
#[derive(Clone, Copy)]
enum Budget {
    /// Anonymous pages: as fast as nginx at 500 connections, p99 < 25 ms.
    Anonymous,
    /// Signed-in pages: ≥ 5,000 req/s at 50 connections, p99 < 20 ms.
    SignedIn,
    /// Durable submissions: ≥ 5,000 per second (the floor is 1,000).
    Submission,
    /// The report of 10,000 remarks as PDF: < 5 s, < 200 MB.
    Report,
    /// Exports of 250,000 survey responses: streamed, < 150 MB.
    Export,
}

/// A row with what wrk measured for `scenario` at `c` connections.
fn load_row(scenario: &str, c: u32, r: &load::WrkResult) -> Row {
    Row {
        scenario: scenario.into(),
        conns: Some(c),
        rps: Some(r.rps),
        p50: Some(r.p50),
        p95: Some(r.p95),
        p99: Some(r.p99),
        errors: Some(r.errors()),
        ..Row::default()
    }
}

fn judge(budget: Option<Budget>, row: &Row) -> Option<(String, bool)> {
    let (c, rps, p99) = (row.conns?, row.rps.unwrap_or(0.0), row.p99.unwrap_or(f64::MAX));
    match budget? {
        Budget::Anonymous if c == 500 => {
            Some(("≥ 1.0× nginx, p99 < 25 ms".into(), row.ratio.unwrap_or(0.0) >= 1.0 && p99 < 25.0))
        }
        Budget::SignedIn if c == 50 => Some(("≥ 5,000 req/s, p99 < 20 ms".into(), rps >= 5000.0 && p99 < 20.0)),
        Budget::Submission => Some(("≥ 5,000/s durable (floor 1,000/s)".into(), rps >= 5000.0)),
        _ => None,
    }
}

/// nginx serving the saved copies of one kind of page: the row it gets, the URL and wrk script
/// that load it, and a note on the copies' size.
#[derive(Clone)]
struct Copies {
    row: &'static str,
    url: String,
    script: String,
    note: String,
}

/// Rounds of nginx and of the server alternating, for a page quoted as a ratio to nginx: this
/// machine's speed drifts by a fifth within minutes, so a ceiling measured once, before the
/// other scenarios, was not the same machine as the figure set against it.
const ROUNDS: u32 = 3;

async fn load_get(
    ctx: &mut Ctx<'_>,
    server: &Server,
    out: &mut DbOutcome,
    name: &str,
    paths: &[String],
    cookies: &[String],
    budget: Option<Budget>,
) -> Result<()> {
    let script = if paths.len() == 1 && cookies.is_empty() {
        load::static_script(ctx.p.encodings())
    } else {
        load::get_script(paths, cookies, ctx.p.encodings())
    };
    let url = format!(
        "http://{}{}",
        server.addr,
        if paths.len() == 1 && cookies.is_empty() { paths[0].as_str() } else { "" }
    );
    let plan = ctx.p;
    let kind = match name {
        "catalogue" => "catalogue",
        "forum-thread" => "forum",
        "news" => "news",
        _ => "consultation",
    };
    let paired = if matches!(budget, Some(Budget::Anonymous)) { ctx.copies.get(kind).cloned() } else { None };
    let rounds = if paired.is_some() && plan.duration.as_secs() >= 2 * u64::from(ROUNDS) { ROUNDS } else { 1 };
    let round_length = plan.duration / rounds;
    if !plan.warmup.is_zero() {
        load::run(&ctx.dir, name, &url, &script, plan.concurrency[0], plan.warmup)?;
        if let Some(n) = &paired {
            load::run(&ctx.dir, "nginx", &n.url, &n.script, plan.concurrency[0], plan.warmup)?;
        }
    }
    for &c in &plan.concurrency {
        server.reset_peak();
        let (mut ours, mut theirs) = (Vec::new(), Vec::new());
        for _ in 0..rounds {
            if let Some(n) = &paired {
                theirs.push(load::run(&ctx.dir, "nginx", &n.url, &n.script, c, round_length)?);
            }
            ours.push(load::run(&ctx.dir, name, &url, &script, c, round_length)?);
        }
        let r = load::WrkResult::combined(&ours);
        if let Some(copies) = &paired {
            let n = load::WrkResult::combined(&theirs);
            println!("  {} @{c}: {:.0} req/s, p99 {:.1} ms", copies.row, n.rps, n.p99);
            ctx.ceiling.insert((kind, c), n.rps);
            let note = if rounds > 1 {
                format!("{}; {rounds} rounds alternating with {name}", copies.note)
            } else {
                copies.note.clone()
            };
            out.rows.push(Row { ratio: Some(1.0), note, ..load_row(copies.row, c, &n) });
        }
        let mut notes = Vec::new();
        if paths.len() > 1 {
            notes.push(format!("{} URLs in turn", paths.len()));
        }
        if rounds > 1 {
            let each: Vec<String> =
                ours.iter().zip(&theirs).map(|(a, b)| format!("{:.2}", a.rps / b.rps.max(1.0))).collect();
            notes.push(format!("× nginx by round: {}", each.join(", ")));
        }
        let mut row = Row {
            peak_mib: server.peak_kib().map(mib),
            ratio: ctx.ceiling.get(&(kind, c)).filter(|n| **n > 0.0).map(|n| r.rps / n),
            note: notes.join("; "),
            ..load_row(name, c, &r)
        };
        row.budget = judge(budget, &row);
        println!("  {name} @{c}: {:.0} req/s, p50 {:.1} ms, p99 {:.1} ms, {} errors", r.rps, r.p50, r.p99, r.errors());
        if r.errors() > 0 {
            failed(
                out,
                row,
                format!("{} errors ({} non-2xx/3xx, {} socket)", r.errors(), r.status_errors, r.socket_errors),
            );
        } else {
            out.rows.push(row);
        }
    }
    Ok(())
}

async fn submissions(url: &str, consultation: i64) -> Result<i64> {
    let mut c = Conn::open(url).await?;
    let n = c.int(&format!("SELECT COUNT(*) FROM submissions WHERE consultation_id = {consultation}")).await?;
    c.close().await;
    Ok(n)
}

/// What a submission scenario counts in the database afterwards.
#[derive(Clone, Copy)]
enum Counted {
    /// Submissions of remarks to this consultation.
    Remarks(i64),
    /// Responses to the big survey.
    Surveys,
    /// Posts in this forum thread.
    ForumPosts(i64),
    /// Registrations for this event.
    Registrations(i64),
}

async fn stored_count(url: &str, what: Counted) -> Result<i64> {
    match what {
        Counted::ForumPosts(thread) => {
            let mut c = Conn::open(url).await?;
            let n = c.int(&format!("SELECT COUNT(*) FROM forum_posts WHERE thread_id = {thread}")).await?;
            c.close().await;
            Ok(n)
        }
        Counted::Registrations(event) => {
            let mut c = Conn::open(url).await?;
            let n = c.int(&format!("SELECT COUNT(*) FROM registrations WHERE event_id = {event}")).await?;
            c.close().await;
            Ok(n)
        }
        Counted::Remarks(id) => submissions(url, id).await,
        Counted::Surveys => {
            let mut c = Conn::open(url).await?;
            let n = c
                .int(&format!("SELECT COUNT(*) FROM survey_responses WHERE survey_id = (SELECT id FROM surveys WHERE slug = '{}')", surveys::SURVEY_SLUG))
                .await?;
            c.close().await;
            Ok(n)
        }
    }
}

fn nonce() -> String {
    format!("{:032x}", rand::random::<u128>())
}

/// Submissions at each concurrency, with a new script (so new form keys) for each run;
/// with `consultation`, the rows stored there are counted against the acknowledgements.
async fn post_load(
    ctx: &Ctx<'_>,
    server: &Server,
    out: &mut DbOutcome,
    name: &str,
    make_script: &dyn Fn() -> String,
    counted: Option<Counted>,
) -> Result<()> {
    let url = format!("http://{}", server.addr);
    for &c in &ctx.p.concurrency {
        let before = match counted {
            Some(k) => stored_count(&ctx.url, k).await?,
            None => 0,
        };
        server.reset_peak();
        let r = load::run(&ctx.dir, name, &url, &make_script(), c, ctx.p.duration)?;
        let stored = match counted {
            Some(k) => Some(stored_count(&ctx.url, k).await? - before),
            None => None,
        };
        let mut row = Row {
            peak_mib: server.peak_kib().map(mib),
            note: match stored {
                Some(n) => format!("{} acknowledged, {n} stored", r.acks),
                None => format!("{} acknowledged", r.acks),
            },
            ..load_row(name, c, &r)
        };
        row.budget = judge(Some(Budget::Submission), &row);
        println!(
            "  {name} @{c}: {:.0} req/s, p50 {:.1} ms, p99 {:.1} ms, {}, {} errors",
            r.rps,
            r.p50,
            r.p99,
            row.note,
            r.errors()
        );
        if r.errors() > 0 {
            failed(
                out,
                row,
                format!("{} errors ({} non-2xx/3xx, {} socket)", r.errors(), r.status_errors, r.socket_errors),
            );
        } else if stored.is_some_and(|n| (n.max(0) as u64) < r.acks) {
            failed(out, row, format!("{} acknowledged but fewer stored", r.acks));
        } else if r.acks == 0 {
            failed(out, row, "nothing was acknowledged".into());
        } else {
            out.rows.push(row);
        }
    }
    Ok(())
}

fn one_shot(
    server: &Server,
    out: &mut DbOutcome,
    name: &str,
    path: &str,
    content_type: &str,
    budget: Option<Budget>,
    cookie: Option<&str>,
) {
    let reset = server.reset_peak();
    // The kernel keeps no peak of private memory alone, so it is sampled while the download runs.
    let done = std::sync::atomic::AtomicBool::new(false);
    let (r, took, private) = std::thread::scope(|s| {
        let sampler = s.spawn(|| {
            let mut most = server.private_kib().unwrap_or(0);
            while !done.load(std::sync::atomic::Ordering::Relaxed) {
                most = most.max(server.private_kib().unwrap_or(0));
                std::thread::sleep(Duration::from_millis(5));
            }
            most.max(server.private_kib().unwrap_or(0))
        });
        let started = Instant::now();
        let r = http::get(&server.addr, path, cookie);
        let took = started.elapsed();
        done.store(true, std::sync::atomic::Ordering::Relaxed);
        (r, took, sampler.join().ok().filter(|k| *k > 0).map(mib))
    });
    let peak = server.peak_kib().map(mib);
    let mut row = Row { scenario: name.into(), peak_mib: peak, ..Row::default() };
    match r {
        Ok(r) if r.status == 200 && r.header("content-type").is_some_and(|t| t.contains(content_type)) => {
            row.note = format!(
                "{:.2} s, {:.1} MiB; private memory peak {}{}",
                took.as_secs_f64(),
                r.body.len() as f64 / 1_048_576.0,
                private.map_or("?".into(), |m| format!("{m:.0} MiB")),
                if reset { "" } else { " (peak RSS since start: the kernel refused to reset it)" }
            );
            // Held to the process's own memory: the rest of its resident set is the binary and
            // the database file mapped from the page cache, which the kernel shares and reclaims.
            let under = |mb: f64| private.is_some_and(|m| m * 1.048_576 < mb);
            match budget {
                Some(Budget::Report) => {
                    row.budget = Some(("< 5 s, < 200 MB".into(), took < Duration::from_secs(5) && under(200.0)))
                }
                Some(Budget::Export) => row.budget = Some(("streams, < 150 MB".into(), under(150.0))),
                _ => {}
            }
            println!("  {name}: {}, peak RSS {}", row.note, peak.map_or("?".into(), |m| format!("{m:.0} MiB")));
            out.rows.push(row);
        }
        Ok(r) => {
            let why = format!("{path} answered {} ({})", r.status, r.header("content-type").unwrap_or("no type"));
            failed(out, row, why);
        }
        Err(e) => failed(out, row, format!("{path}: {e:#}")),
    }
}

/// The receipts (or ids) wrk's script wrote, one a line, for what the server acknowledged.
fn acknowledged(file: &std::path::Path) -> Vec<String> {
    std::fs::read_to_string(file).unwrap_or_default().lines().filter(|l| !l.is_empty()).map(str::to_owned).collect()
}

/// The texts the one-column query `sql` finds, to look acknowledged receipts up in.
async fn stored_set(url: &str, sql: &str) -> Result<HashSet<String>> {
    let mut conn = Conn::open(url).await?;
    let v = conn.strings(sql).await?;
    conn.close().await;
    Ok(v.into_iter().collect())
}

/// Submissions under load; kill -9 half-way; restart; every receipt the server handed out
/// must be in the database.
async fn durability(ctx: &Ctx<'_>, setup: &Setup, mut server: Server, out: &mut DbOutcome) -> Result<Server> {
    let c = *ctx.p.concurrency.iter().max().unwrap_or(&10);
    let duration = ctx.p.duration.max(Duration::from_secs(4));
    let receipts_file = ctx.dir.join("acknowledged.txt");
    let _ = std::fs::remove_file(&receipts_file);
    let script = load::remark_post_script(&ctx.form_action, &ctx.cookies, &nonce(), Some(&receipts_file));
    let before = submissions(&ctx.url, ctx.ds.target_id).await?;
    let wrk = load::spawn(&ctx.dir, "durability", &format!("http://{}", server.addr), &script, c, duration)?;
    std::thread::sleep(duration / 2);
    server.kill9();
    let r = load::finish(wrk)?;
    let restarted = setup.serve()?;
    let stored = submissions(&ctx.url, ctx.ds.target_id).await? - before;
    let acked = acknowledged(&receipts_file);
    let in_db =
        stored_set(&ctx.url, &format!("SELECT receipt FROM submissions WHERE consultation_id = {}", ctx.ds.target_id))
            .await?;
    let missing: Vec<&String> = acked.iter().filter(|r| !in_db.contains(*r)).collect();
    let lost = if acked.len() as u64 == r.acks {
        missing.len() as u64
    } else {
        r.acks.saturating_sub(stored.max(0) as u64).max(missing.len() as u64)
    };
    let row = Row {
        scenario: "durability (kill -9)".into(),
        conns: Some(c),
        rps: Some(r.rps),
        note: format!(
            "{} acknowledged before the kill, {} of their receipts read, {stored} stored, {lost} lost; restart after kill -9: {} ms",
            r.acks,
            acked.len(),
            restarted.startup.as_millis()
        ),
        budget: Some(("zero acknowledged submissions lost".into(), lost == 0 && r.acks > 0)),
        ..Row::default()
    };
    println!("  durability: {}", row.note);
    if r.acks == 0 {
        failed(out, row, "no submission was acknowledged before the kill".into());
    } else if lost > 0 {
        let sample: Vec<&str> = missing.iter().take(5).map(|s| s.as_str()).collect();
        failed(
            out,
            row,
            format!("{lost} acknowledged submissions are not in the database (e.g. {})", sample.join(", ")),
        );
    } else {
        out.rows.push(row);
    }
    Ok(restarted)
}

/// The long thread's pages the forum scenario reads in turn (at most ten).
fn forum_paths(ds: &Dataset) -> Vec<String> {
    (1..=ds.forum_pages.clamp(1, 10)).map(|i| format!("/forum/watki/{}?strona={i}", ds.forum_thread)).collect()
}

/// The kept news list is never stale: it is read (and so kept), the Centre's demo editor signs
/// in and publishes a post, and the list read again at once must show it.
fn news_fresh(addr: &str) -> std::result::Result<(), String> {
    let list = "/aktualnosci";
    let first = http::get(addr, list, None).map_err(|e| format!("{list}: {e:#}"))?;
    if first.status != 200 {
        return Err(format!("{list} answered {}", first.status));
    }
    let form = http::get(addr, "/konto/logowanie", None).map_err(|e| format!("sign-in form: {e:#}"))?;
    let csrf = form.cookie("agora_csrf").unwrap_or_default();
    let body = format!("csrf={csrf}&email=redaktor.centrum%40agora.test&password=demo-centrum-2026&next=%2F");
    let cookie = format!("agora_csrf={csrf}");
    let form_type = ("Content-Type", "application/x-www-form-urlencoded");
    let r = http::request(
        addr,
        "POST",
        "/konto/logowanie",
        &[form_type, ("Cookie", &cookie)],
        body.as_bytes(),
        Duration::from_secs(60),
    )
    .map_err(|e| format!("signing in: {e:#}"))?;
    let session =
        r.cookie("agora_session").ok_or_else(|| format!("the Centre's editor could not sign in ({})", r.status))?;
    let marker = nonce();
    let boundary = "agora-bench-news";
    let mut multipart = String::new();
    for (k, v) in [
        ("news_title", format!("Sprawdzam {marker}")),
        ("news_lead", "Wiadomość wysłana przez benchmark.".to_owned()),
        ("news_body", "Sprawdzenie, że lista aktualności od razu ją pokazuje.".to_owned()),
        ("publish", "now".to_owned()),
    ] {
        multipart.push_str(&format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n"));
    }
    multipart.push_str(&format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"news_image\"; filename=\"\"\r\nContent-Type: application/octet-stream\r\n\r\n\r\n--{boundary}--\r\n"
    ));
    let path = format!("/admin/aktualnosci/nowa?csrf={csrf}");
    let r = http::request(
        addr,
        "POST",
        &path,
        &[
            ("Content-Type", &format!("multipart/form-data; boundary={boundary}")),
            ("Cookie", &format!("agora_csrf={csrf}; agora_session={session}")),
        ],
        multipart.as_bytes(),
        Duration::from_secs(30),
    )
    .map_err(|e| format!("publishing a post: {e:#}"))?;
    if r.status != 303 {
        return Err(format!("publishing a post answered {}:\n{}", r.status, excerpt(&r.text())));
    }
    let again = http::get(addr, list, None).map_err(|e| format!("{list}: {e:#}"))?;
    if !again.text().contains(&marker) {
        return Err(format!("{list} did not show the post just published: a stale page was served"));
    }
    println!("  news: a published post shows on the kept list at once");
    Ok(())
}

/// A kept thread page is never stale: the newest page is read (and so kept), a post is sent,
/// and the same page read again at once must show it.
fn forum_fresh(ctx: &Ctx<'_>, addr: &str) -> std::result::Result<(), String> {
    let page = format!("/forum/watki/{}?kolejnosc=najnowsze", ctx.ds.forum_thread);
    let first = http::get(addr, &page, None).map_err(|e| format!("{page}: {e:#}"))?;
    if first.status != 200 {
        return Err(format!("{page} answered {}", first.status));
    }
    let marker = nonce();
    let body = format!("csrf={}&post_text=Sprawdzam+{marker}&reply_to=", ctx.csrf);
    let cookie = ctx.cookies.first().cloned().unwrap_or_default();
    let path = format!("/forum/watki/{}", ctx.ds.forum_thread);
    let r = http::request(
        addr,
        "POST",
        &path,
        &[("Content-Type", "application/x-www-form-urlencoded"), ("Cookie", &cookie)],
        body.as_bytes(),
        Duration::from_secs(30),
    )
    .map_err(|e| format!("posting to {path}: {e:#}"))?;
    if r.status != 303 {
        return Err(format!("a post to {path} answered {}:\n{}", r.status, excerpt(&r.text())));
    }
    let again = http::get(addr, &page, None).map_err(|e| format!("{page}: {e:#}"))?;
    if !again.text().contains(&marker) {
        return Err(format!("{page} did not show the post just acknowledged: a stale page was served"));
    }
    println!("  forum thread: a post shows on the kept page at once");
    Ok(())
}

/// Forum posts under load; kill -9 half-way; restart; every post whose id the server handed
/// out must be in the database.
async fn forum_durability(ctx: &Ctx<'_>, setup: &Setup, mut server: Server, out: &mut DbOutcome) -> Result<Server> {
    let c = *ctx.p.concurrency.iter().max().unwrap_or(&10);
    let duration = ctx.p.duration.max(Duration::from_secs(4));
    let ids_file = ctx.dir.join("acknowledged-posts.txt");
    let _ = std::fs::remove_file(&ids_file);
    let path = format!("/forum/watki/{}", ctx.ds.forum_thread);
    let script = load::forum_post_script(&path, &ctx.cookies, &ctx.csrf, &nonce(), Some(&ids_file));
    let wrk = load::spawn(&ctx.dir, "forum-durability", &format!("http://{}", server.addr), &script, c, duration)?;
    std::thread::sleep(duration / 2);
    server.kill9();
    let r = load::finish(wrk)?;
    let restarted = setup.serve()?;
    let acked = acknowledged(&ids_file);
    let in_db = stored_set(
        &ctx.url,
        &format!("SELECT CAST(id AS TEXT) FROM forum_posts WHERE thread_id = {}", ctx.ds.forum_thread),
    )
    .await?;
    let lost = acked.iter().filter(|id| !in_db.contains(*id)).count() as u64;
    let row = Row {
        scenario: "forum durability (kill -9)".into(),
        conns: Some(c),
        rps: Some(r.rps),
        note: format!(
            "{} acknowledged before the kill, {} of their ids read, {lost} lost; restart after kill -9: {} ms",
            r.acks,
            acked.len(),
            restarted.startup.as_millis()
        ),
        budget: Some(("zero acknowledged posts lost".into(), lost == 0 && r.acks > 0)),
        ..Row::default()
    };
    println!("  forum durability: {}", row.note);
    if r.acks == 0 || (acked.len() as u64) < r.acks {
        failed(out, row, "no post was acknowledged before the kill, or their ids were not all read".into());
    } else if lost > 0 {
        failed(out, row, format!("{lost} acknowledged posts are not in the database"));
    } else {
        out.rows.push(row);
    }
    Ok(restarted)
}

/// Registrations under load; kill -9 half-way; restart; every registration whose link the
/// server handed out must be stored.
async fn registration_durability(
    ctx: &Ctx<'_>,
    setup: &Setup,
    mut server: Server,
    out: &mut DbOutcome,
) -> Result<Server> {
    let c = *ctx.p.concurrency.iter().max().unwrap_or(&10);
    let duration = ctx.p.duration.max(Duration::from_secs(4));
    let file = ctx.dir.join("acknowledged-registrations.txt");
    let _ = std::fs::remove_file(&file);
    let path = format!("/wydarzenia/{}/zapisy", ctx.ds.event);
    let script = load::registration_script(&path, &ctx.cookies, &ctx.csrf, &nonce(), Some(&file));
    let wrk = load::spawn(&ctx.dir, "register-durability", &format!("http://{}", server.addr), &script, c, duration)?;
    std::thread::sleep(duration / 2);
    server.kill9();
    let r = load::finish(wrk)?;
    let restarted = setup.serve()?;
    let acked = acknowledged(&file);
    let in_db =
        stored_set(&ctx.url, &format!("SELECT token FROM registrations WHERE event_id = {}", ctx.ds.event)).await?;
    let lost = acked.iter().filter(|t| !in_db.contains(*t)).count() as u64;
    let row = Row {
        scenario: "registration durability (kill -9)".into(),
        conns: Some(c),
        rps: Some(r.rps),
        note: format!(
            "{} acknowledged before the kill, {} of their links read, {lost} lost; restart after kill -9: {} ms",
            r.acks,
            acked.len(),
            restarted.startup.as_millis()
        ),
        budget: Some(("zero acknowledged registrations lost".into(), lost == 0 && r.acks > 0)),
        ..Row::default()
    };
    println!("  registration durability: {}", row.note);
    if r.acks == 0 || (acked.len() as u64) < r.acks {
        failed(out, row, "no registration was acknowledged before the kill, or their links were not all read".into());
    } else if lost > 0 {
        failed(out, row, format!("{lost} acknowledged registrations are not in the database"));
    } else {
        out.rows.push(row);
    }
    Ok(restarted)
}

/// The waiting-list invariant after a load: no more places taken than the event has, and
/// nobody on the waiting list registered before someone who got a place.
async fn places_kept(ctx: &Ctx<'_>, out: &mut DbOutcome, after: &str) -> Result<()> {
    let event = ctx.ds.event;
    let mut c = Conn::open(&ctx.url).await?;
    let placed = c
        .int(&format!(
            "SELECT COUNT(*) FROM registrations WHERE event_id = {event} AND placement IN ('confirmed', 'offered')"
        ))
        .await?;
    let waiting = c
        .int(&format!("SELECT COUNT(*) FROM registrations WHERE event_id = {event} AND placement = 'waiting'"))
        .await?;
    let overtaken = c
        .int(&format!(
            "SELECT COUNT(*) FROM registrations w WHERE w.event_id = {event} AND w.placement = 'waiting' AND w.id < \
             (SELECT COALESCE(MAX(id), 0) FROM registrations p WHERE p.event_id = {event} AND p.placement = 'confirmed')"
        ))
        .await?;
    c.close().await;
    let ok = placed <= ctx.ds.event_capacity && overtaken == 0 && (waiting == 0 || placed == ctx.ds.event_capacity);
    let row = Row {
        scenario: format!("places after {after}"),
        note: format!(
            "{placed} of {} places taken, {waiting} waiting, {overtaken} waiting ahead of a place",
            ctx.ds.event_capacity
        ),
        budget: Some(("no place given twice, nobody overtaken".into(), ok)),
        ..Row::default()
    };
    println!("  places after {after}: {}", row.note);
    if ok {
        out.rows.push(row);
    } else {
        failed(out, row, "the waiting list was not kept".into());
    }
    Ok(())
}

/// Survey responses under load; kill -9 half-way; restart; the responses stored must be at
/// least as many as the server acknowledged (a response is acknowledged only after its commit).
async fn survey_durability(
    ctx: &Ctx<'_>,
    setup: &Setup,
    mut server: Server,
    out: &mut DbOutcome,
    sp: &surveys::SurveyPaths,
) -> Result<Server> {
    let c = *ctx.p.concurrency.iter().max().unwrap_or(&10);
    let duration = ctx.p.duration.max(Duration::from_secs(4));
    let script = surveys::post_script(sp, &ctx.cookies, &ctx.csrf, &nonce()).map_err(|e| anyhow::anyhow!(e))?;
    let before = stored_count(&ctx.url, Counted::Surveys).await?;
    let wrk = load::spawn(&ctx.dir, "survey-durability", &format!("http://{}", server.addr), &script, c, duration)?;
    std::thread::sleep(duration / 2);
    server.kill9();
    let r = load::finish(wrk)?;
    let restarted = setup.serve()?;
    let stored = stored_count(&ctx.url, Counted::Surveys).await? - before;
    let lost = r.acks.saturating_sub(stored.max(0) as u64);
    let row = Row {
        scenario: "survey durability (kill -9)".into(),
        conns: Some(c),
        rps: Some(r.rps),
        note: format!(
            "{} acknowledged before the kill, {stored} stored, {lost} lost; restart after kill -9: {} ms",
            r.acks,
            restarted.startup.as_millis()
        ),
        budget: Some(("zero acknowledged responses lost".into(), lost == 0 && r.acks > 0)),
        ..Row::default()
    };
    println!("  survey durability: {}", row.note);
    if r.acks == 0 {
        failed(out, row, "no response was acknowledged before the kill".into());
    } else if lost > 0 {
        failed(out, row, format!("{lost} acknowledged responses are not in the database"));
    } else {
        out.rows.push(row);
    }
    Ok(restarted)
}

fn machine() -> Vec<String> {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpuinfo
        .lines()
        .find_map(|l| l.strip_prefix("model name")?.split(':').nth(1).map(|s| s.trim().to_owned()))
        .unwrap_or_else(|| "?".into());
    let mem = std::fs::read_to_string("/proc/meminfo")
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("MemTotal:")?.trim().strip_suffix("kB")?.trim().parse::<u64>().ok())
        .map_or("?".into(), |k| format!("{:.1} GiB", k as f64 / 1_048_576.0));
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let kernel = std::fs::read_to_string("/proc/sys/kernel/osrelease").unwrap_or_default().trim().to_owned();
    vec![
        format!("{cores} cores ({model}), {mem} memory, Linux {kernel}"),
        format!("{}; {}", load::tool_version("wrk", "-v"), load::tool_version(load_nginx(), "-v")),
    ]
}

fn load_nginx() -> &'static str {
    if Path::new("/usr/sbin/nginx").is_file() { "/usr/sbin/nginx" } else { "nginx" }
}

fn markdown(p: &Plan, sections: &[(Backend, DbOutcome)], took: Duration) -> String {
    let mut md = format!("# agora-bench {} — {}\n\n", p.mode, chrono::Utc::now().format("%Y-%m-%d %H:%M UTC"));
    for line in machine() {
        md.push_str(&format!("- {line}\n"));
    }
    md.push_str(&format!(
        "- binary: `{}`; {:?} connections; {} s per scenario and concurrency{}; whole run {:.0} s\n",
        p.bin.display(),
        p.concurrency,
        p.duration.as_secs(),
        if p.warmup.is_zero() { String::new() } else { format!(" after a {} s warm-up", p.warmup.as_secs()) },
        took.as_secs_f64()
    ));
    md.push_str(&format!("- dataset: {}\n", p.scale.describe()));
    md.push_str(&match p.encodings() {
        Some(e) => {
            format!("- pages asked for as a browser does (`Accept-Encoding: {e}`); nginx sends gzipped copies\n")
        }
        None => "- pages asked for plain (`--plain`), from Agora and nginx alike\n".to_owned(),
    });
    for (b, out) in sections {
        md.push_str(&format!("\n## {}\n\n", b.name()));
        for n in &out.notes {
            md.push_str(&format!("- {n}\n"));
        }
        if !out.counts.is_empty() {
            md.push_str(&format!(
                "- rows: {}\n",
                out.counts.iter().map(|(t, n)| format!("{t} {n}")).collect::<Vec<_>>().join(", ")
            ));
        }
        md.push('\n');
        md.push_str(&report::markdown_table(&out.rows));
        if !out.failures.is_empty() {
            md.push_str("\nFailures:\n\n");
            for f in &out.failures {
                md.push_str(&format!("- {f}\n"));
            }
        }
    }
    md
}
