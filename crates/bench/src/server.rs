//! Running the `agora` binary: its one-shot commands, and `agora serve` as a child process
//! whose start-up time and memory are measured from outside.

use anyhow::{Context, Result, bail};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Where and how the binary runs: the same settings for every command of one database.
#[derive(Debug, Clone)]
pub struct Setup {
    /// The `agora` binary.
    pub bin: PathBuf,
    /// `AGORA_DATA_DIR`; also the working directory, so no stray `agora.toml` is read.
    pub data_dir: PathBuf,
    /// `AGORA_DATABASE_URL`.
    pub database_url: String,
    /// `AGORA_LISTEN`.
    pub listen: String,
}

impl Setup {
    fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(&self.bin);
        cmd.args(args).current_dir(&self.data_dir);
        // Settings of the developer's shell must not leak into the measured server.
        for (k, _) in std::env::vars() {
            if k.starts_with("AGORA_") {
                cmd.env_remove(k);
            }
        }
        cmd.env("AGORA_DATA_DIR", &self.data_dir)
            .env("AGORA_DATABASE_URL", &self.database_url)
            .env("AGORA_LISTEN", &self.listen)
            .env("AGORA_BASE_URL", format!("http://{}", self.listen));
        cmd
    }

    /// Runs `agora <args>` to completion; fails with its output when it fails.
    pub fn run(&self, args: &[&str]) -> Result<Duration> {
        let started = Instant::now();
        let out = self
            .command(args)
            .stdin(Stdio::null())
            .output()
            .with_context(|| format!("running {}", self.bin.display()))?;
        if !out.status.success() {
            bail!(
                "agora {} failed ({}):\n{}{}",
                args.join(" "),
                out.status,
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
        }
        Ok(started.elapsed())
    }

    /// Starts `agora serve` and waits until `/readyz` answers 200.
    pub fn serve(&self) -> Result<Server> {
        let log_path = self.data_dir.join("serve.log");
        let log = std::fs::OpenOptions::new().create(true).append(true).open(&log_path)?;
        let started = Instant::now();
        let child = self
            .command(&["serve"])
            .stdin(Stdio::null())
            .stdout(log.try_clone()?)
            .stderr(log)
            .spawn()
            .with_context(|| format!("starting {} serve", self.bin.display()))?;
        let mut server = Server { child, addr: self.listen.clone(), log_path, startup: Duration::ZERO };
        loop {
            if let Ok(r) = crate::http::request(&server.addr, "GET", "/readyz", &[], &[], Duration::from_secs(5))
                && r.status == 200
            {
                break;
            }
            if let Some(status) = server.child.try_wait()? {
                bail!(
                    "agora serve exited with {status} before it was ready; see {}:\n{}",
                    server.log_path.display(),
                    server.log_tail()
                );
            }
            if started.elapsed() > Duration::from_secs(120) {
                server.kill9();
                bail!("agora serve was not ready after 120 s; see {}", server.log_path.display());
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        server.startup = started.elapsed();
        Ok(server)
    }
}

/// A running `agora serve`.
pub struct Server {
    child: Child,
    /// host:port it listens on.
    pub addr: String,
    log_path: PathBuf,
    /// From spawn until `/readyz` first answered 200.
    pub startup: Duration,
}

impl Server {
    /// The process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Resident memory now, in KiB.
    pub fn rss_kib(&self) -> Option<u64> {
        status_field(self.pid(), "VmRSS")
    }

    /// Peak resident memory since start or the last [`Server::reset_peak`], in KiB.
    pub fn peak_kib(&self) -> Option<u64> {
        status_field(self.pid(), "VmHWM")
    }

    /// Memory the process itself allocated (anonymous), in KiB: resident memory without the
    /// pages of files it maps (the binary, the SQLite database), which are the kernel's page
    /// cache, shared and dropped under pressure.
    pub fn private_kib(&self) -> Option<u64> {
        status_field(self.pid(), "RssAnon")
    }

    /// Resets the kernel's peak-RSS mark, so the next reading is the peak of one scenario;
    /// false where the kernel does not allow it (the peak is then the peak since start).
    pub fn reset_peak(&self) -> bool {
        std::fs::write(format!("/proc/{}/clear_refs", self.pid()), "5").is_ok()
    }

    /// The end of the server's log, for error messages.
    pub fn log_tail(&self) -> String {
        let text = std::fs::read_to_string(&self.log_path).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        lines[lines.len().saturating_sub(30)..].join("\n")
    }

    /// Whether the process is still running.
    pub fn alive(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }

    /// kill -9: no chance to flush or finish anything.
    pub fn kill9(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// SIGTERM, the graceful stop; kill -9 after 15 s.
    pub fn stop(mut self) {
        let _ = Command::new("kill").arg("-TERM").arg(self.pid().to_string()).status();
        let until = Instant::now() + Duration::from_secs(15);
        while Instant::now() < until {
            if !self.alive() {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        self.kill9();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if self.alive() {
            self.kill9();
        }
    }
}

fn status_field(pid: u32, field: &str) -> Option<u64> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    text.lines().find_map(|l| l.strip_prefix(field)?.strip_prefix(':')?.trim().strip_suffix("kB")?.trim().parse().ok())
}

/// A port nobody listens on now.
pub fn free_port() -> Result<u16> {
    Ok(std::net::TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

/// Waits until something accepts connections on `addr`.
pub fn wait_for_port(addr: &str, limit: Duration) -> Result<()> {
    let until = Instant::now() + limit;
    while Instant::now() < until {
        if std::net::TcpStream::connect(addr).is_ok() {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    bail!("nothing listens on {addr} after {limit:?}")
}

/// The `agora` binary to measure: `--agora`, else the build of `profile` in the target folder.
pub fn find_binary(given: Option<&Path>, profile: &str) -> Result<PathBuf> {
    if let Some(p) = given {
        if p.is_file() {
            return Ok(p.to_owned());
        }
        bail!("--agora {}: no such file", p.display());
    }
    let p = crate::target_dir().join(profile).join("agora");
    if p.is_file() {
        Ok(p)
    } else {
        let flag = if profile == "release" { " --release" } else { "" };
        bail!("{} does not exist: build it with `cargo build{flag} -p agora`, or pass --agora PATH", p.display())
    }
}
