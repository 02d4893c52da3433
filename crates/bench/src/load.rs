//! Load from a separate process: wrk with Lua scripts that build the requests, count the
//! acknowledged submissions and print one machine-readable line at the end; and nginx
//! serving a saved copy of a page, for the ceiling.

use anyhow::{Context, Result, bail};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// What one wrk run measured.
#[derive(Debug, Clone, Default)]
pub struct WrkResult {
    /// Requests per second over the run.
    pub rps: f64,
    /// Latency percentiles, milliseconds.
    pub p50: f64,
    /// 95th percentile, ms.
    pub p95: f64,
    /// 99th percentile, ms.
    pub p99: f64,
    /// Responses other than 2xx/3xx.
    pub status_errors: u64,
    /// Connect, read, write errors and timeouts.
    pub socket_errors: u64,
    /// Submissions the server acknowledged (POST scripts only).
    pub acks: u64,
}

impl WrkResult {
    /// Every kind of error together.
    pub fn errors(&self) -> u64 {
        self.status_errors + self.socket_errors
    }

    /// Rounds of equal length as one run: the mean rate, the median of the medians, the worst
    /// round's tail latencies and every error.
    pub fn combined(rounds: &[WrkResult]) -> WrkResult {
        let n = rounds.len().max(1) as f64;
        let mut p50: Vec<f64> = rounds.iter().map(|r| r.p50).collect();
        p50.sort_by(f64::total_cmp);
        let worst = |f: fn(&WrkResult) -> f64| rounds.iter().map(f).fold(0.0, f64::max);
        WrkResult {
            rps: rounds.iter().map(|r| r.rps).sum::<f64>() / n,
            p50: p50.get(p50.len() / 2).copied().unwrap_or(0.0),
            p95: worst(|r| r.p95),
            p99: worst(|r| r.p99),
            status_errors: rounds.iter().map(|r| r.status_errors).sum(),
            socket_errors: rounds.iter().map(|r| r.socket_errors).sum(),
            acks: rounds.iter().map(|r| r.acks).sum(),
        }
    }
}

/// Lua run in every script: numbers the threads, and at the end sums what the threads
/// counted and prints it with wrk's own statistics on one line.
pub(crate) const FOOTER: &str = r#"
local bench_threads = {}
function setup(thread)
  thread:set("tid", #bench_threads)
  table.insert(bench_threads, thread)
end
function done(summary, latency, requests)
  local acks = 0
  local out = nil
  if RECEIPTS_FILE ~= nil then out = io.open(RECEIPTS_FILE, "w") end
  for _, t in ipairs(bench_threads) do
    acks = acks + (t:get("acks") or 0)
    if out ~= nil then
      local r = t:get("receipts")
      if r ~= nil then
        for _, v in ipairs(r) do out:write(v, "\n") end
      end
    end
  end
  if out ~= nil then out:close() end
  local e = summary.errors
  io.write(string.format("BENCH requests=%d duration_us=%d p50=%.0f p95=%.0f p99=%.0f connect=%d read=%d write=%d status=%d timeout=%d acks=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95), latency:percentile(99),
    e.connect, e.read, e.write, e.status, e.timeout, acks))
end
"#;

fn lua_str(s: &str) -> String {
    let mut out = String::from("\"");
    for ch in s.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn lua_list(items: &[String]) -> String {
    format!("{{ {} }}", items.iter().map(|s| lua_str(s)).collect::<Vec<_>>().join(", "))
}

/// What a browser says it takes (Chromium over HTTPS). Page loads send it unless the run asks
/// for plain pages, and nginx then serves the gzipped copies, as a site would.
pub const BROWSER_ENCODINGS: &str = "gzip, deflate, br, zstd";

/// A script that only reports; wrk then sends its one pre-built request to the URL's path,
/// with `Accept-Encoding: encodings` when given.
pub fn static_script(encodings: Option<&str>) -> String {
    match encodings {
        Some(e) => format!("wrk.headers[\"Accept-Encoding\"] = {}\n{FOOTER}", lua_str(e)),
        None => FOOTER.to_owned(),
    }
}

/// GETs cycling through `paths`, each with the matching cookie of `cookies` (if any) and
/// `Accept-Encoding: encodings` when given; the requests are formatted once per thread so the
/// Lua costs little per request.
pub fn get_script(paths: &[String], cookies: &[String], encodings: Option<&str>) -> String {
    format!(
        r#"
local paths = {paths}
local cookies = {cookies}
local encodings = {encodings}
local reqs = {{}}
local i = 0
function init(args)
  local n = math.max(#paths, #cookies)
  for k = 1, n do
    local headers = {{}}
    if #cookies > 0 then headers["Cookie"] = cookies[((k - 1) % #cookies) + 1] end
    if encodings ~= nil then headers["Accept-Encoding"] = encodings end
    reqs[k] = wrk.format("GET", paths[((k - 1) % #paths) + 1], headers)
  end
  i = (tid or 0) * 7
end
function request()
  i = i + 1
  return reqs[(i % #reqs) + 1]
end
{FOOTER}"#,
        paths = lua_list(paths),
        cookies = lua_list(cookies),
        encodings = encodings.map_or("nil".to_owned(), lua_str),
    )
}

/// The multipart boundary of every generated form.
pub const BOUNDARY: &str = "----agorabenchQ7f3kZ9x";

/// A multipart/form-data body with `fields` and an empty file input named `file_field`, as
/// a browser sends the form when no file is chosen.
pub fn multipart(fields: &[(&str, String)], file_field: &str) -> Vec<u8> {
    let mut body = String::new();
    for (k, v) in fields {
        body.push_str(&format!("--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n"));
    }
    body.push_str(&format!(
        "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{file_field}\"; filename=\"\"\r\nContent-Type: application/octet-stream\r\n\r\n\r\n--{BOUNDARY}--\r\n"
    ));
    body.into_bytes()
}

/// The remark form's fields for submission `n` with key `form_key`; the same fields the Lua
/// script sends, so a single submission can be tried before the load starts.
pub fn remark_fields(form_key: &str, n: u64) -> Vec<(&'static str, String)> {
    vec![
        ("form_key", form_key.to_owned()),
        ("rows", "1".into()),
        ("r0_section_id", String::new()),
        ("r0_section_text", "§ 2 ust. 1".into()),
        ("r0_proposed_change", format!("Proszę zwiększyć pulę na projekty dzielnicowe (uwaga {n}).")),
        ("r0_justification", "Projekty lokalne najbardziej odpowiadają na potrzeby mieszkańców.".into()),
        ("kind", "person".into()),
        ("name", "Jan Testowy".into()),
        ("organisation", String::new()),
        ("district_id", String::new()),
        ("address", String::new()),
        ("email", format!("zglaszajacy{n}@example.org")),
    ]
}

/// POSTs of the remark form to `path` (whose query carries the CSRF token), each with a new
/// form key — `nonce` (32 hex digits, new per run) + thread + counter — so that the duplicate
/// guard stores every one; cookies cycle through `cookies`. A 200 or 303 counts as
/// acknowledged, and the receipt number found in the answer is kept for the durability check
/// (written to `receipts_file` at the end when given).
pub fn remark_post_script(path: &str, cookies: &[String], nonce: &str, receipts_file: Option<&Path>) -> String {
    format!(
        r#"
RECEIPTS_FILE = {receipts}
local path = {path}
local cookies = {cookies}
local nonce = {nonce}
local boundary = {boundary}
acks = 0
receipts = {{}}
local n = 0
local function part(name, value)
  return "--" .. boundary .. "\r\nContent-Disposition: form-data; name=\"" .. name .. "\"\r\n\r\n" .. value .. "\r\n"
end
local tail = "--" .. boundary .. "\r\nContent-Disposition: form-data; name=\"attachment\"; filename=\"\"\r\nContent-Type: application/octet-stream\r\n\r\n\r\n--" .. boundary .. "--\r\n"
function request()
  n = n + 1
  local key = nonce .. string.format("%08x%024x", tid or 0, n)
  local b = {{}}
  b[#b + 1] = part("form_key", key)
  b[#b + 1] = part("rows", "1")
  b[#b + 1] = part("r0_section_id", "")
  b[#b + 1] = part("r0_section_text", "§ 2 ust. 1")
  b[#b + 1] = part("r0_proposed_change", "Proszę zwiększyć pulę na projekty dzielnicowe (uwaga " .. n .. ").")
  b[#b + 1] = part("r0_justification", "Projekty lokalne najbardziej odpowiadają na potrzeby mieszkańców.")
  b[#b + 1] = part("kind", "person")
  b[#b + 1] = part("name", "Jan Testowy")
  b[#b + 1] = part("organisation", "")
  b[#b + 1] = part("district_id", "")
  b[#b + 1] = part("address", "")
  b[#b + 1] = part("email", "zglaszajacy" .. n .. "@example.org")
  b[#b + 1] = tail
  local headers = {{}}
  headers["Content-Type"] = "multipart/form-data; boundary=" .. boundary
  headers["Cookie"] = cookies[(n % #cookies) + 1]
  return wrk.format("POST", path, headers, table.concat(b))
end
function response(status, headers, body)
  if status == 200 or status == 303 then
    acks = acks + 1
    local r = nil
    if body ~= nil then r = body:match("UW/%d+/%d+") or body:match("UW&#x2f;%d+&#x2f;%d+") or body:match("UW&#47;%d+&#47;%d+") end
    if r == nil and headers ~= nil then
      local loc = headers["Location"] or headers["location"]
      if loc ~= nil then r = loc:match("UW/%d+/%d+") or loc:match("UW%%2F%d+%%2F%d+") end
    end
    if r ~= nil then
      r = r:gsub("&#x2f;", "/"):gsub("&#47;", "/"):gsub("%%2F", "/")
      receipts[#receipts + 1] = r
    end
  end
end
{FOOTER}"#,
        receipts = receipts_file.map_or("nil".to_owned(), |p| lua_str(&p.display().to_string())),
        path = lua_str(path),
        cookies = lua_list(cookies),
        nonce = lua_str(nonce),
        boundary = lua_str(BOUNDARY),
    )
}

/// Forum posts to `path` (a thread), each a new post with a new form key, signed in with the
/// sessions of `cookies` in turn. The id in each acknowledgement's `Location`
/// (`/forum/wpisy/<id>`) is kept as its receipt, written to `receipts_file` when given.
pub fn forum_post_script(
    path: &str,
    cookies: &[String],
    csrf: &str,
    nonce: &str,
    receipts_file: Option<&Path>,
) -> String {
    format!(
        r#"
RECEIPTS_FILE = {receipts}
local path = {path}
local cookies = {cookies}
local csrf = {csrf}
local nonce = {nonce}
acks = 0
receipts = {{}}
local n = 0
function request()
  n = n + 1
  local key = nonce .. string.format("%08x%024x", tid or 0, n)
  local body = "csrf=" .. csrf .. "&form_key=" .. key .. "&post_text=Nocny+tramwaj+to+dobry+pomys%C5%82+%28wpis+" .. n .. "%29&reply_to="
  local headers = {{}}
  headers["Content-Type"] = "application/x-www-form-urlencoded"
  headers["Cookie"] = cookies[(n % #cookies) + 1]
  return wrk.format("POST", path, headers, body)
end
function response(status, headers, body)
  if status == 303 then
    local loc = headers["Location"] or headers["location"]
    local id = nil
    if loc ~= nil then id = loc:match("/forum/wpisy/(%d+)") end
    if id ~= nil then
      acks = acks + 1
      receipts[#receipts + 1] = id
    end
  end
end
{FOOTER}"#,
        receipts = receipts_file.map_or("nil".to_owned(), |p| lua_str(&p.display().to_string())),
        path = lua_str(path),
        cookies = lua_list(cookies),
        csrf = lua_str(csrf),
        nonce = lua_str(nonce),
    )
}

/// Registrations for an event: a new address each time (one person registers once), signed
/// in with the sessions in turn; a person's link in the redirect is the receipt.
pub fn registration_script(
    path: &str,
    cookies: &[String],
    csrf: &str,
    nonce: &str,
    receipts_file: Option<&Path>,
) -> String {
    format!(
        r#"
RECEIPTS_FILE = {receipts}
local path = {path}
local cookies = {cookies}
local csrf = {csrf}
local nonce = {nonce}
acks = 0
receipts = {{}}
local n = 0
function request()
  n = n + 1
  local who = nonce .. string.format("-%x-%x", tid or 0, n)
  local body = "csrf=" .. csrf .. "&participant_name=Uczestnik+" .. n .. "&participant_email=" .. who .. "%40example.org&needs=pjm"
  local headers = {{}}
  headers["Content-Type"] = "application/x-www-form-urlencoded"
  headers["Cookie"] = cookies[(n % #cookies) + 1]
  return wrk.format("POST", path, headers, body)
end
function response(status, headers, body)
  if status == 303 then
    local loc = headers["Location"] or headers["location"]
    local token = nil
    if loc ~= nil then token = loc:match("/wydarzenia/zgloszenie/(%w+)") end
    if token ~= nil then
      acks = acks + 1
      receipts[#receipts + 1] = token
    end
  end
end
{FOOTER}"#,
        receipts = receipts_file.map_or("nil".to_owned(), |p| lua_str(&p.display().to_string())),
        path = lua_str(path),
        cookies = lua_list(cookies),
        csrf = lua_str(csrf),
        nonce = lua_str(nonce),
    )
}

/// Starts wrk in the background; [`finish`] collects its result.
pub fn spawn(dir: &Path, name: &str, url: &str, script: &str, connections: u32, duration: Duration) -> Result<Child> {
    let script_path = dir.join(format!("{name}.lua"));
    std::fs::write(&script_path, script)?;
    let threads = connections.clamp(1, std::thread::available_parallelism().map_or(2, |n| n.get() as u32));
    Command::new("wrk")
        .arg(format!("-t{threads}"))
        .arg(format!("-c{connections}"))
        .arg(format!("-d{}s", duration.as_secs().max(1)))
        .arg("--timeout")
        .arg("10s")
        .arg("-s")
        .arg(&script_path)
        .arg(url)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .context("starting wrk (apt-get install wrk)")
}

/// Waits for a wrk started by [`spawn`] and parses its line.
pub fn finish(child: Child) -> Result<WrkResult> {
    let out = child.wait_with_output()?;
    let stdout = String::from_utf8_lossy(&out.stdout);
    let Some(line) = stdout.lines().find(|l| l.starts_with("BENCH ")) else {
        bail!("wrk printed no result ({}):\n{stdout}{}", out.status, String::from_utf8_lossy(&out.stderr));
    };
    let field = |k: &str| -> f64 {
        line.split_whitespace().find_map(|kv| kv.strip_prefix(k)?.strip_prefix('=')?.parse::<f64>().ok()).unwrap_or(0.0)
    };
    let duration_s = field("duration_us") / 1e6;
    let requests = field("requests") as u64;
    Ok(WrkResult {
        rps: if duration_s > 0.0 { requests as f64 / duration_s } else { 0.0 },
        p50: field("p50") / 1000.0,
        p95: field("p95") / 1000.0,
        p99: field("p99") / 1000.0,
        status_errors: field("status") as u64,
        socket_errors: (field("connect") + field("read") + field("write") + field("timeout")) as u64,
        acks: field("acks") as u64,
    })
}

/// Runs wrk to the end.
pub fn run(dir: &Path, name: &str, url: &str, script: &str, connections: u32, duration: Duration) -> Result<WrkResult> {
    finish(spawn(dir, name, url, script, connections, duration)?)
}

/// nginx serving one saved page at every path, with its own configuration and files.
pub struct Nginx {
    child: Child,
    /// host:port.
    pub addr: String,
}

impl Nginx {
    /// Starts nginx in the foreground on a free port, serving each of `files` (name, bytes) at
    /// `/<name>` and `html` at `/page.html`; with `gzip`, also a gzipped copy of each, sent to
    /// clients that take it (`gzip_static`).
    pub fn start(dir: &Path, html: &[u8], files: &[(String, Vec<u8>)], gzip: bool) -> Result<Nginx> {
        let dir = dir.join("nginx");
        let root = dir.join("root");
        for d in [&root, &dir.join("tmp")] {
            std::fs::create_dir_all(d)?;
        }
        let page = ("page.html".to_owned(), html.to_vec());
        for (name, bytes) in files.iter().chain([&page]) {
            std::fs::write(root.join(name), bytes)?;
            if gzip {
                // At the level Agora gzips its kept pages with.
                let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
                std::io::Write::write_all(&mut e, bytes)?;
                std::fs::write(root.join(format!("{name}.gz")), e.finish()?)?;
            }
        }
        let port = crate::server::free_port()?;
        let addr = format!("127.0.0.1:{port}");
        let d = dir.display();
        // Settings a site serving static files would use; long keep-alive so that the
        // ceiling is not lowered by reconnections the application server does not make.
        let conf = format!(
            "worker_processes auto;\npid {d}/nginx.pid;\nerror_log {d}/error.log warn;\nevents {{ worker_connections 4096; }}\n\
             http {{\n  access_log off;\n  types {{ text/html html; }}\n  charset utf-8;\n  sendfile on;\n  tcp_nopush on;\n  gzip_static {gzip_static};\n  keepalive_requests 10000000;\n\
             client_body_temp_path {d}/tmp/body;\n  proxy_temp_path {d}/tmp/proxy;\n  fastcgi_temp_path {d}/tmp/fastcgi;\n  uwsgi_temp_path {d}/tmp/uwsgi;\n  scgi_temp_path {d}/tmp/scgi;\n\
             server {{\n    listen {addr};\n    root {root};\n    location / {{ }}\n  }}\n}}\n",
            root = root.display(),
            gzip_static = if gzip { "on" } else { "off" },
        );
        let conf_path = dir.join("nginx.conf");
        std::fs::write(&conf_path, conf)?;
        let child = Command::new(nginx_binary())
            .arg("-p")
            .arg(&dir)
            .arg("-e")
            .arg(dir.join("error.log"))
            .arg("-c")
            .arg(&conf_path)
            .arg("-g")
            .arg("daemon off;")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .context("starting nginx (apt-get install nginx)")?;
        let mut n = Nginx { child, addr };
        if let Err(e) = crate::server::wait_for_port(&n.addr, Duration::from_secs(10)) {
            let log = std::fs::read_to_string(dir.join("error.log")).unwrap_or_default();
            n.stop();
            bail!("{e}: nginx did not start:\n{log}");
        }
        Ok(n)
    }

    /// Stops nginx: SIGQUIT lets the master take its workers down with it.
    pub fn stop(&mut self) {
        let _ = Command::new("kill").arg("-QUIT").arg(self.child.id().to_string()).status();
        for _ in 0..500 {
            if matches!(self.child.try_wait(), Ok(Some(_))) {
                return;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Nginx {
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            self.stop();
        }
    }
}

fn nginx_binary() -> PathBuf {
    ["/usr/sbin/nginx", "/usr/bin/nginx"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.is_file())
        .unwrap_or_else(|| PathBuf::from("nginx"))
}

/// The first line of `cmd --version`-like output, for the report.
pub fn tool_version(cmd: &str, arg: &str) -> String {
    match Command::new(cmd).arg(arg).output() {
        Ok(o) => {
            let text = format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr));
            text.lines().next().unwrap_or("").trim().to_owned()
        }
        Err(_) => format!("{cmd}: not found"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lua_strings_are_escaped() {
        assert_eq!(lua_str("a\"b\\c\n"), r#""a\"b\\c\n""#);
        assert_eq!(lua_list(&["/x".into(), "/y".into()]), r#"{ "/x", "/y" }"#);
    }

    #[test]
    fn multipart_has_every_field_and_the_empty_file() {
        let body = String::from_utf8(multipart(&remark_fields("k", 3), "attachment")).unwrap();
        assert!(body.contains("name=\"form_key\"\r\n\r\nk\r\n"));
        assert!(body.contains("filename=\"\""));
        assert!(body.ends_with(&format!("--{BOUNDARY}--\r\n")));
    }

    #[test]
    fn rounds_combine_into_the_mean_rate_and_the_worst_tail() {
        let round = |rps: f64, p50: f64, p99: f64, errors: u64| WrkResult {
            rps,
            p50,
            p95: p99 / 2.0,
            p99,
            status_errors: errors,
            ..WrkResult::default()
        };
        let r = WrkResult::combined(&[
            round(90_000.0, 4.0, 12.0, 0),
            round(120_000.0, 3.0, 30.0, 2),
            round(105_000.0, 5.0, 9.0, 1),
        ]);
        assert_eq!(r.rps, 105_000.0);
        assert_eq!(r.p50, 4.0);
        assert_eq!((r.p95, r.p99), (15.0, 30.0));
        assert_eq!(r.errors(), 3);
    }
}
