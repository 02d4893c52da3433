//! The certificate of participation for a member with a long record: the data (a member of
//! the first body for three years, present at many of its meetings and co-signing every one
//! of its opinions in the ledger) and the timed download, whose budget is under a second.

use crate::http;
use crate::report::Row;
use std::time::{Duration, Instant};

/// Meetings of the first body the member attended, one a day back from the generation day.
pub const MEETINGS: i64 = 500;
/// Downloads timed; the slowest is held to the budget.
const RUNS: usize = 5;
/// What the certificate must take at most.
const BUDGET: Duration = Duration::from_secs(1);
/// The member's name as the certificate gives it.
const NAME: &str = "Zofia Długosz";

/// The SQL that gives resident `user` (the one of the first session) a membership of the first
/// body since `since`, its meetings with them present, and their signature under each of its
/// opinions; `at` writes an instant relative to the generation day.
pub fn steps(user: i64, since: &str, at: &dyn Fn(&str) -> String) -> Vec<String> {
    let starts = at("-n * 86400 + 61200");
    let ends = at("-n * 86400 + 68400");
    vec![
        format!(
            "INSERT INTO body_memberships (body_id, person_name, user_id, role, voting, organisation, starts_on, created_at) \
             SELECT bb.id, '{NAME}', {user}, 'member', TRUE, 'Stowarzyszenie Ławka Sąsiedzka', {since}, {created} \
             FROM bbody bb WHERE bb.i = 0",
            created = at("-1095 * 86400"),
        ),
        format!(
            "INSERT INTO meetings (body_id, title, starts_at, ends_at, place, amendment_days, created_at, updated_at) \
             SELECT bb.id, 'Posiedzenie plenarne nr ' || n, {starts}, {ends}, 'Urząd Miasta, sala obrad', 7, {starts}, {starts} \
             FROM bench_seq JOIN bbody bb ON bb.i = 0 WHERE n <= {MEETINGS}"
        ),
        format!(
            "INSERT INTO meeting_attendance (meeting_id, membership_id, user_id, person_name, role, voting, present) \
             SELECT m.id, bm.id, bm.user_id, bm.person_name, bm.role, TRUE, TRUE FROM meetings m \
             JOIN body_memberships bm ON bm.body_id = m.body_id AND bm.user_id = {user} \
             WHERE m.title LIKE 'Posiedzenie plenarne nr %'"
        ),
        format!(
            "INSERT INTO opinion_signatures (tracked_id, user_id, signer_name, organisation, signed_at) \
             SELECT t.id, {user}, '{NAME}', 'Stowarzyszenie Ławka Sąsiedzka', t.created_at FROM tracked_requests t \
             JOIN bbody bb ON bb.i = 0 AND bb.id = t.body_id"
        ),
    ]
}

/// Downloads the member's certificate for the three years `RUNS` times with `cookie` (their
/// session and the CSRF cookie whose token is `csrf`); the row gives the slowest and the size,
/// and the reason beside it when a download failed.
pub fn certificate(addr: &str, path: &str, cookie: &str, csrf: &str) -> (Row, Option<String>) {
    let mut row = Row { scenario: "certificate-pdf".into(), ..Row::default() };
    let today = chrono::Utc::now().date_naive();
    let from = today - chrono::Duration::days(1095);
    let body = format!("csrf={csrf}&from_on={from}&to_on={today}");
    let headers = [("Content-Type", "application/x-www-form-urlencoded"), ("Cookie", cookie)];
    let mut times = Vec::new();
    let mut size = 0;
    for _ in 0..RUNS {
        let started = Instant::now();
        let r = http::request(addr, "POST", path, &headers, body.as_bytes(), Duration::from_secs(60));
        let took = started.elapsed();
        match r {
            Ok(r) if r.status == 200 && r.header("content-type").is_some_and(|t| t.contains("application/pdf")) => {
                size = r.body.len();
                times.push(took);
            }
            Ok(r) => {
                let why = format!("{path} answered {} ({})", r.status, r.header("content-type").unwrap_or("no type"));
                return (row, Some(why));
            }
            Err(e) => return (row, Some(format!("{path}: {e:#}"))),
        }
    }
    times.sort();
    let slowest = times.last().copied().unwrap_or_default();
    let median = times[times.len() / 2];
    row.note = format!(
        "{MEETINGS} meetings attended and every opinion of the body co-signed, 3 years: median {:.0} ms, slowest {:.0} ms of {RUNS}, {:.0} KiB",
        median.as_secs_f64() * 1000.0,
        slowest.as_secs_f64() * 1000.0,
        size as f64 / 1024.0
    );
    row.budget = Some(("< 1 s".into(), slowest < BUDGET));
    println!("  certificate-pdf: {}", row.note);
    (row, None)
}
