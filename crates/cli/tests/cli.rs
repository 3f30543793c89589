//! The `handover` binary end to end, run as a user runs it, on SQLite and on PostgreSQL in the
//! same test run: init, the directory, plans from the RTO template, refused input that writes
//! nothing, template export and import, the demo data, the audit trail and `--as` scopes,
//! exchange rates, cost lines and budgets.
//! One test binary; its modules live in tests/cli/.

#[path = "cli/accounts.rs"]
mod accounts;
#[path = "cli/audit.rs"]
mod audit;
#[path = "cli/config.rs"]
mod config;
#[path = "cli/demo.rs"]
mod demo;
#[path = "cli/finance.rs"]
mod finance;
#[path = "cli/plans.rs"]
mod plans;
#[path = "cli/templates.rs"]
mod templates;

use handover_store::testing::TestDb;
use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

/// Runs `handover --database URL ARGS…` (unless ARGS name another database) in `dir`, as
/// system user `tester`, with no `HANDOVER_*` variables from the test's own environment.
fn run(db: &TestDb, dir: &Path, args: &[&str]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_handover"));
    if !args.contains(&"--database") {
        cmd.arg("--database").arg(&db.url);
    }
    cmd.args(args).current_dir(dir);
    for (k, _) in std::env::vars() {
        if k.starts_with("HANDOVER_") {
            cmd.env_remove(k);
        }
    }
    cmd.env("USER", "tester")
        .env("RUST_LOG", "warn")
        .output()
        .expect("the handover binary runs")
}

/// Runs a command that must succeed; returns its standard output.
fn ok(db: &TestDb, dir: &Path, args: &[&str]) -> String {
    let out = run(db, dir, args);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "{args:?} failed on {}: {stderr}",
        db.label
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// Runs a command that must fail with `code`; returns its standard error.
fn fails(db: &TestDb, dir: &Path, code: i32, args: &[&str]) -> String {
    let out = run(db, dir, args);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(
        out.status.code(),
        Some(code),
        "{args:?} on {}: {stderr}",
        db.label
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    stderr
}

fn json(db: &TestDb, dir: &Path, args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    serde_json::from_str(&ok(db, dir, &all)).expect("JSON output")
}

/// `init`, two organisations and an RTO plan for Tyre.
fn setup(db: &TestDb, dir: &Path) {
    let init = ok(db, dir, &["init"]);
    assert!(init.contains("rto-transition"), "{init}");
    ok(
        db,
        dir,
        &[
            "org",
            "add",
            "--code",
            "union-tyre",
            "--name",
            "Union of Tyre Municipalities",
            "--type",
            "union_of_municipalities",
            "--region",
            "South",
        ],
    );
    ok(
        db,
        dir,
        &[
            "org",
            "add",
            "--code",
            "dp-x",
            "--name",
            "Partner X",
            "--type",
            "development_partner",
            "--iati-id",
            "XM-DAC-12345",
        ],
    );
    let made = ok(
        db,
        dir,
        &[
            "plan",
            "new",
            "--template",
            "rto-transition",
            "--name",
            "Tyre RTO transition",
            "--local-authority",
            "union-tyre",
            "--partner",
            "dp-x",
            "--start",
            "2027-01-01",
            "--code",
            "tyre-rto",
        ],
    );
    assert!(made.contains("27 activities"), "{made}");
}

fn count_lines(text: &str, prefix: &str) -> usize {
    text.lines()
        .filter(|l| l.trim_start().starts_with(prefix))
        .count()
}
