//! The binary as an operator meets it: help, bad settings, start-up, demo data, shutdown.

// A helper that cannot go on fails its test by panicking, as `#[test]` functions may.
#![allow(clippy::unwrap_used)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn agora(dir: &std::path::Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_agora"));
    c.current_dir(dir)
        .env_remove("AGORA_DATABASE_URL")
        .env_remove("AGORA_LISTEN")
        .env("AGORA_DATA_DIR", dir.join("data"))
        .env("AGORA_LOG", "warn");
    c
}

fn http_get(addr: &str, path: &str) -> String {
    let mut s = TcpStream::connect(addr).unwrap();
    write!(s, "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n").unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    out
}

#[test]
fn help_names_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let out = agora(dir.path()).arg("--help").output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    for cmd in ["serve", "migrate", "demo", "create-admin", "check-config"] {
        assert!(text.contains(cmd), "{cmd} missing from:\n{text}");
    }
    let out = agora(dir.path()).args(["serve", "--help"]).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("--demo"));
}

#[test]
fn bad_settings_stop_start_up_with_their_name() {
    let dir = tempfile::tempdir().unwrap();
    let out = agora(dir.path()).arg("migrate").env("AGORA_LISTEN", "somewhere").output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("AGORA_LISTEN: 'somewhere' is not an address"), "{out:?}");

    let out = agora(dir.path()).arg("migrate").env("AGORA_DATABASE_URL", "mysql://localhost/agora").output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("AGORA_DATABASE_URL"), "{out:?}");

    let out = agora(dir.path())
        .arg("migrate")
        .env("AGORA_DATABASE_URL", "postgres://nobody@127.0.0.1:1/none")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("AGORA_DATABASE_URL: cannot open the database"), "{err}");
    assert!(!err.contains("panicked"));
}

#[test]
fn create_admin_then_serve_demo_and_stop_gracefully() {
    let dir = tempfile::tempdir().unwrap();
    let out =
        agora(dir.path()).args(["create-admin", "--email", "Szef@Example.pl", "--name", "Szef"]).output().unwrap();
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("password: ") && text.contains("szef@example.pl is now an administrator"), "{text}");
    let again = agora(dir.path()).args(["create-admin", "--email", "szef@example.pl"]).output().unwrap();
    assert!(String::from_utf8_lossy(&again.stdout).contains("was an administrator already"));

    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let addr = format!("127.0.0.1:{port}");
    let mut child =
        agora(dir.path()).args(["serve", "--demo"]).env("AGORA_LISTEN", &addr).stdout(Stdio::piped()).spawn().unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let started = Instant::now();
    let mut printed = String::new();
    for line in lines.by_ref() {
        let line = line.unwrap();
        printed.push_str(&line);
        printed.push('\n');
        if line.starts_with("Agora is running") {
            break;
        }
        assert!(started.elapsed() < Duration::from_secs(60), "no start-up line:\n{printed}");
    }
    assert!(printed.contains("demo-admin-2026") && printed.contains("admin@agora.test"), "{printed}");
    assert!(http_get(&addr, "/healthz").ends_with("ok"));
    assert!(http_get(&addr, "/readyz").ends_with("ok sqlite"));
    let home = http_get(&addr, "/");
    assert!(home.contains("Nowa Huta") && home.contains("Stare Miasto"), "Kraków's districts are loaded");

    Command::new("kill").args(["-TERM", &child.id().to_string()]).status().unwrap();
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.success(), "exit after SIGTERM: {status:?}");
            break;
        }
        assert!(Instant::now() < deadline, "did not stop after SIGTERM");
        std::thread::sleep(Duration::from_millis(50));
    }

    // Loading the demo again changes nothing.
    let out = agora(dir.path()).arg("demo").output().unwrap();
    assert!(out.status.success(), "{out:?}");
}
