//! The daily digest at scale: subscribers each following a district daily, and news notices
//! collected yesterday (Warsaw's day), spread over the districts. The server's own worker
//! builds the digest; the bench reads how long the run took from `digest_runs`, checks that it
//! made at most one message per subscriber who has items, and meanwhile asks for a
//! transactional message (a follow's confirmation) and times its delivery, which the bulk work
//! must not hold up.

use crate::data::{Backend, Conn};
use crate::http;
use crate::report::Row;
use anyhow::{Context, Result, bail};
use chrono::{Days, NaiveDate, TimeZone, Utc};
use chrono_tz::Europe::Warsaw;
use std::time::{Duration, Instant};

/// The size of the run: subscribers and notices.
pub struct Size {
    pub subscribers: i64,
    pub items: i64,
}

impl Size {
    /// The figure for a full run; a small one for the smoke run.
    pub fn for_mode(mode: &str) -> Size {
        if mode == "full" { Size { subscribers: 50_000, items: 500 } } else { Size { subscribers: 1_000, items: 50 } }
    }
}

/// Longest wait for the worker to start and finish the run.
const LIMIT: Duration = Duration::from_secs(300);

/// Yesterday in Warsaw, and an instant at its noon as SQL of the backend.
fn yesterday(b: Backend) -> Result<(NaiveDate, String)> {
    let today = Utc::now().with_timezone(&Warsaw).date_naive();
    let day = today.checked_sub_days(Days::new(1)).context("no yesterday")?;
    let noon = day.and_hms_opt(12, 0, 0).context("no noon")?;
    let at = Warsaw.from_local_datetime(&noon).earliest().context("noon does not exist")?.with_timezone(&Utc);
    let sql = match b {
        Backend::Sqlite => format!("'{}'", at.format("%Y-%m-%dT%H:%M:%S+00:00")),
        Backend::Postgres => format!("TIMESTAMPTZ '{}'", at.format("%Y-%m-%d %H:%M:%S+00")),
    };
    Ok((day, sql))
}

/// Fills the database: `size.subscribers` confirmed subscribers following a district daily,
/// and `size.items` notices of published news collected yesterday noon, each concerning one
/// district; and clears yesterday's digest so that the worker builds it again. One
/// transaction, so the worker never sees half of it.
async fn seed(c: &mut Conn, size: &Size) -> Result<NaiveDate> {
    let b = c.backend();
    let (day, noon) = yesterday(b)?;
    let n = size.subscribers.max(size.items);
    // SQLite: the write lock at once, waiting for the server's writers under the busy timeout;
    // a plain BEGIN that reads first is refused outright when it then needs to write.
    let begin = if b == Backend::Sqlite { "BEGIN IMMEDIATE" } else { "BEGIN" };
    let mut steps: Vec<String> = vec![begin.into()];
    match b {
        Backend::Sqlite => {
            steps.push("CREATE TEMP TABLE IF NOT EXISTS digest_seq (n INTEGER PRIMARY KEY)".into());
            steps.push(format!(
                "INSERT OR IGNORE INTO digest_seq (n) WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < {n}) SELECT n FROM s"
            ));
        }
        Backend::Postgres => {
            steps.push("CREATE TEMP TABLE IF NOT EXISTS digest_seq (n BIGINT PRIMARY KEY)".into());
            steps.push(format!("INSERT INTO digest_seq (n) SELECT generate_series(1, {n}) ON CONFLICT DO NOTHING"));
        }
    }
    steps.push("CREATE TEMP TABLE IF NOT EXISTS digest_d (i INTEGER PRIMARY KEY, id BIGINT NOT NULL)".into());
    steps.push("DELETE FROM digest_d".into());
    steps.push("INSERT INTO digest_d (i, id) SELECT ROW_NUMBER() OVER (ORDER BY id) - 1, id FROM districts".into());
    steps.push(format!(
        "INSERT INTO subscribers (email, user_id, lang, manage_key, confirmed_at, created_at) \
         SELECT 'digest' || CAST(n AS TEXT) || '@bench.test', NULL, CASE WHEN n % 10 = 0 THEN 'en' ELSE 'pl' END, \
           'bench-manage-' || CAST(n AS TEXT), {noon}, {noon} FROM digest_seq WHERE n <= {} \
         ON CONFLICT (email) DO NOTHING",
        size.subscribers
    ));
    steps.push(format!(
        "INSERT INTO subscriptions (subscriber_id, target_kind, target_id, frequency, unsubscribe_key, source, created_at, confirmed_at) \
         SELECT s.id, 'district', d.id, 'daily', 'bench-unsubscribe-' || CAST(s.id AS TEXT), 'bench', {noon}, {noon} \
         FROM subscribers s JOIN digest_d d ON d.i = s.id % (SELECT COUNT(*) FROM digest_d) \
         WHERE s.email LIKE 'digest%@bench.test' ON CONFLICT DO NOTHING"
    ));
    // Published news only: the digest asks the visibility rule again and would drop others.
    steps.push(format!(
        "INSERT INTO notices (kind, source_id, title, title_en, path, at, created_at) \
         SELECT 'news', n.id, n.title, n.title_en, '/aktualnosci/' || n.slug, n.publish_at, {noon} FROM news n \
         WHERE n.publish_at IS NOT NULL AND n.publish_at <= {now} ORDER BY n.id LIMIT {} \
         ON CONFLICT (kind, source_id) DO UPDATE SET created_at = excluded.created_at",
        size.items,
        now = match b {
            Backend::Sqlite => "strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now')",
            Backend::Postgres => "now()",
        }
    ));
    steps.push(
        "INSERT INTO notice_targets (notice_id, target_kind, target_id) \
         SELECT n.id, 'district', d.id FROM notices n JOIN digest_d d ON d.i = n.id % (SELECT COUNT(*) FROM digest_d) \
         WHERE n.kind = 'news' ON CONFLICT DO NOTHING"
            .into(),
    );
    steps.push(format!("DELETE FROM digest_runs WHERE frequency = 'daily' AND period_start = '{day}'"));
    steps.push("COMMIT".into());
    for s in &steps {
        c.exec(s).await?;
    }
    Ok(day)
}

/// What the run left in `digest_runs`: started, finished (seconds after started), messages.
async fn run_state(c: &mut Conn, day: NaiveDate) -> Result<(bool, Option<f64>, i64)> {
    let started = c
        .int(&format!("SELECT COUNT(*) FROM digest_runs WHERE frequency = 'daily' AND period_start = '{day}'"))
        .await?;
    if started == 0 {
        return Ok((false, None, 0));
    }
    let done = c
        .int(&format!(
            "SELECT COUNT(*) FROM digest_runs WHERE frequency = 'daily' AND period_start = '{day}' AND finished_at IS NOT NULL"
        ))
        .await?;
    if done == 0 {
        return Ok((true, None, 0));
    }
    let millis = match c.backend() {
        Backend::Sqlite => format!(
            "SELECT CAST((julianday(finished_at) - julianday(started_at)) * 86400000 AS INTEGER) FROM digest_runs \
             WHERE frequency = 'daily' AND period_start = '{day}'"
        ),
        Backend::Postgres => format!(
            "SELECT CAST(EXTRACT(EPOCH FROM (finished_at - started_at)) * 1000 AS BIGINT) FROM digest_runs \
             WHERE frequency = 'daily' AND period_start = '{day}'"
        ),
    };
    let ms = c.int(&millis).await?;
    let messages = c
        .int(&format!("SELECT messages FROM digest_runs WHERE frequency = 'daily' AND period_start = '{day}'"))
        .await?;
    Ok((true, Some(ms as f64 / 1000.0), messages))
}

/// Asks to follow a district as a new address, which queues its confirmation as transactional
/// mail; returns that job's id.
async fn ask_for_receipt(addr: &str, c: &mut Conn, district: i64) -> Result<i64> {
    let path = format!("/obserwuj?cel=district&id={district}");
    let form = http::get(addr, &path, None)?;
    let csrf = form.cookie("agora_csrf").context("no CSRF cookie on the follow form")?;
    let email = format!("receipt{}@bench.test", rand::random::<u32>());
    let body = format!("csrf={csrf}&cel=district&id={district}&email={email}&frequency=daily");
    let cookie = format!("agora_csrf={csrf}");
    let r = http::request(
        addr,
        "POST",
        "/obserwuj",
        &[("Content-Type", "application/x-www-form-urlencoded"), ("Cookie", &cookie)],
        body.as_bytes(),
        Duration::from_secs(30),
    )?;
    if r.status != 200 {
        bail!("following answered {}", r.status);
    }
    c.int("SELECT COALESCE(MAX(id), 0) FROM jobs WHERE priority = 0").await
}

/// Runs the scenario against the server at `addr` over database `url`.
pub async fn run(addr: &str, url: &str, size: &Size) -> Result<(Row, Option<String>)> {
    let mut c = Conn::open(url).await?;
    // Mail the scenarios before this one queued (a receipt per submission) goes first: the
    // receipt timed here is to wait behind the digest only, not behind their backlog.
    let now = match c.backend() {
        Backend::Sqlite => "strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now')",
        Backend::Postgres => "now()",
    };
    let draining = Instant::now();
    // Jobs still leased to an instance an earlier scenario killed wait out their lease (five
    // minutes) before anyone claims them again, so only the claimable ones are waited for.
    let backlog = format!(
        "SELECT COUNT(*) FROM jobs WHERE priority = 0 AND attempts < max_attempts AND run_at <= {now} \
         AND (locked_until IS NULL OR locked_until < {now})"
    );
    while c.int(&backlog).await? > 0 {
        if draining.elapsed() > LIMIT {
            bail!("the earlier scenarios' mail was not sent within {} s", LIMIT.as_secs());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let seeding = Instant::now();
    let day = seed(&mut c, size).await?;
    let subscribers = c
        .int("SELECT COUNT(DISTINCT subscriber_id) FROM subscriptions WHERE frequency = 'daily' AND source = 'bench'")
        .await?;
    let noon = yesterday(c.backend())?.1;
    let items = c.int(&format!("SELECT COUNT(*) FROM notices WHERE created_at = {noon}")).await?;
    println!(
        "  digest: seeded {subscribers} subscribers and {items} items in {:.1} s",
        seeding.elapsed().as_secs_f64()
    );
    let district = c.int("SELECT MIN(id) FROM districts").await?;

    // The worker looks every few seconds; the receipt is asked for once the run has begun.
    let waiting = Instant::now();
    while !run_state(&mut c, day).await?.0 {
        if waiting.elapsed() > LIMIT {
            bail!("the worker did not start yesterday's digest within {} s", LIMIT.as_secs());
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let job = ask_for_receipt(addr, &mut c, district).await?;
    let asked = Instant::now();
    let mut receipt: Option<f64> = None;
    let mut finished: Option<(f64, i64)> = None;
    while receipt.is_none() || finished.is_none() {
        if receipt.is_none() && c.int(&format!("SELECT COUNT(*) FROM jobs WHERE id = {job}")).await? == 0 {
            receipt = Some(asked.elapsed().as_secs_f64());
        }
        if finished.is_none()
            && let (_, Some(secs), messages) = run_state(&mut c, day).await?
        {
            finished = Some((secs, messages));
        }
        if waiting.elapsed() > LIMIT {
            bail!("the digest or the receipt did not finish within {} s", LIMIT.as_secs());
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let (secs, messages) = finished.unwrap_or_default();
    let receipt = receipt.unwrap_or_default();
    // And once more while the worker sends the digest's messages.
    let waiting_bulk = c.int("SELECT COUNT(*) FROM jobs WHERE priority > 0").await?;
    let job = ask_for_receipt(addr, &mut c, district).await?;
    let asked = Instant::now();
    while c.int(&format!("SELECT COUNT(*) FROM jobs WHERE id = {job}")).await? > 0 {
        if asked.elapsed() > LIMIT {
            bail!("the receipt asked for while the digest was sent did not go out within {} s", LIMIT.as_secs());
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let sending = asked.elapsed().as_secs_f64();
    let receipt = receipt.max(sending);
    let keys = c.int(&format!("SELECT COUNT(*) FROM deliveries WHERE key LIKE 'daily:{day}:%'")).await?;
    let with_items = c
        .int(&format!(
            "SELECT COUNT(*) FROM subscriptions s WHERE s.source = 'bench' AND s.frequency = 'daily' AND EXISTS \
             (SELECT 1 FROM notice_targets t JOIN notices n ON n.id = t.notice_id \
              WHERE t.target_kind = s.target_kind AND t.target_id = s.target_id AND n.created_at = {noon})"
        ))
        .await?;
    c.close().await;
    let one_each = keys == messages && messages == with_items;
    let ok = secs < 60.0 && receipt < 5.0 && one_each;
    let row = Row {
        scenario: "daily digest".into(),
        note: format!(
            "{subscribers} subscribers, {items} items: {messages} messages in {secs:.1} s ({:.0} messages/s); \
             {with_items} subscribers have items, {keys} idempotency keys; receipts asked for during the run \
             and while its {waiting_bulk} messages were being sent went out within {receipt:.2} s",
            messages as f64 / secs.max(0.001)
        ),
        budget: Some(("under 60 s, one message per subscriber with items, receipt within 5 s".into(), ok)),
        ..Row::default()
    };
    println!("  digest: {}", row.note);
    let why = (!ok).then(|| {
        if !one_each {
            format!("{messages} messages and {keys} keys for {with_items} subscribers with items")
        } else if secs >= 60.0 {
            format!("the run took {secs:.1} s")
        } else {
            format!("the receipt took {receipt:.2} s")
        }
    });
    Ok((row, why))
}
