//! The command line, without running a benchmark. Having an integration test also makes
//! `cargo test --workspace` build the `agora-bench` binary that `.ci/run` then runs.

use std::process::Command;

fn bench(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_agora-bench")).args(args).output().expect("agora-bench runs")
}

#[test]
fn lists_every_scenario_of_the_issue() {
    let out = bench(&["list"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    for name in [
        "home",
        "catalogue",
        "consultation",
        "remarks",
        "submit-remark",
        "survey-results",
        "submit-survey",
        "report-pdf",
        "survey-csv",
        "survey-xlsx",
        "durability",
    ] {
        assert!(text.lines().any(|l| l.split_whitespace().next() == Some(name)), "{name} missing from:\n{text}");
    }
}

#[test]
fn an_unknown_scenario_is_named() {
    let out = bench(&["smoke", "--scenarios", "home,nonsense", "--agora", "/bin/true"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("\"nonsense\""));
}
