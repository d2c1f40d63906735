//! `cargo xtask <task>`: the project's two commands and its maintenance tasks, in Rust so they
//! work the same on Debian, Ubuntu and Windows.
//!
//! - `run`   installs what is missing and starts the app on the default local database;
//! - `test`  installs what is missing and runs every check (fmt, clippy, Rust tests, UI
//!   type-check and unit tests, end-to-end tests in the real window under Xvfb);
//! - `sqlx-prepare` regenerates `.sqlx/` after a query or migration changes;
//! - `bench` measures the county-scale table (first screen, memory, prints, lists, search, demo)
//!   and writes it to docs/benchmarks.md;
//! - `windows` cross-builds for Windows and runs the core's tests there under Wine (part of `test`);
//! - `deb` builds the Linux package, installs it, opens it to its first screen, removes it (part of `test`).

mod bench;
mod deb;
mod node;
mod portable;
mod setup;
mod windows;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

type Result<T = ()> = std::result::Result<T, String>;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().map(Path::to_path_buf).unwrap_or_default()
}

/// Runs a command in `dir`, echoing it, failing on a non-zero exit.
fn run(dir: &Path, program: &str, args: &[&str], envs: &[(&str, &str)]) -> Result {
    eprintln!("\n==> {program} {}", args.join(" "));
    let status = Command::new(program)
        .args(args)
        .current_dir(dir)
        .envs(envs.iter().copied())
        .status()
        .map_err(|e| format!("cannot start {program}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{program} {}` failed ({status})", args.join(" ")))
    }
}

fn npm() -> &'static str {
    if cfg!(windows) {
        "npm.cmd"
    } else {
        "npm"
    }
}

/// Runs npm in `ui/` with the Node.js the UI needs (see node.rs).
fn npm_ui(root: &Path, args: &[&str], node: &[(String, String)]) -> Result {
    let env: Vec<(&str, &str)> = node.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    run(&root.join("ui"), npm(), args, &env)
}

fn build_ui(root: &Path) -> Result {
    let node = node::env(root)?;
    if !root.join("ui").join("node_modules").exists() {
        npm_ui(root, &["ci", "--no-audit", "--no-fund"], &node)?;
    }
    npm_ui(root, &["run", "build"], &node)
}

fn task_run(root: &Path) -> Result {
    setup::system_packages(false)?;
    build_ui(root)?;
    run(root, "cargo", &["run", "--release", "--bin", "sanliang-siji"], &[])
}

fn task_test(root: &Path) -> Result {
    setup::system_packages(true)?;
    setup::tauri_driver()?;
    let node = node::env(root)?;
    npm_ui(root, &["ci", "--no-audit", "--no-fund"], &node)?;
    npm_ui(root, &["run", "typecheck"], &node)?;
    npm_ui(root, &["run", "lint"], &node)?;
    npm_ui(root, &["test"], &node)?;
    npm_ui(root, &["run", "build"], &node)?;
    run(root, "cargo", &["fmt", "--all", "--", "--check"], &[])?;
    run(root, "cargo", &["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"], &[])?;
    // Unit, storage and integration tests; then the end-to-end tests, one app window at a time.
    // The app's package alone, as it ships: built with the workspace, its dependencies would
    // take on features only xtask asks for (and every later run would build them again).
    run(root, "cargo", &["test", "-p", "sanliang-siji", "--lib", "--bins", "--test", "tests"], &[])?;
    // The integration tests again on later days: none may depend on the real date (faketime
    // moves the wall clock; timers keep the real monotonic one).
    for day in ["2027-01-02 10:00:00", "2030-02-28 10:00:00"] {
        let faked = [("FAKETIME_DONT_FAKE_MONOTONIC", "1")];
        run(root, "faketime", &[day, "cargo", "test", "--quiet", "--test", "tests"], &faked)?;
    }
    run(root, "cargo", &["test", "--test", "e2e"], &[])?;
    // The Linux package, installed and opened as a user would.
    deb::test(root)?;
    // The Windows build: the core's tests under Wine (built without the desktop app, which also
    // proves the command line needs no Tauri or WebKit), then both programs.
    windows::test(root)
}

fn task_deb(root: &Path) -> Result {
    setup::system_packages(true)?;
    setup::tauri_driver()?;
    build_ui(root)?;
    deb::test(root)
}

fn task_windows(root: &Path) -> Result {
    setup::system_packages(true)?;
    windows::test(root)
}

fn task_sqlx_prepare(root: &Path) -> Result {
    let db = root.join("target").join("sqlx-prepare.db");
    std::fs::create_dir_all(root.join("target")).map_err(|e| e.to_string())?;
    let _ = std::fs::remove_file(&db);
    let mut migrations: Vec<PathBuf> = std::fs::read_dir(root.join("migrations"))
        .map_err(|e| e.to_string())?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "sql"))
        .collect();
    migrations.sort();
    for m in &migrations {
        let sql = std::fs::File::open(m).map_err(|e| e.to_string())?;
        let out = Command::new("sqlite3")
            .arg(&db)
            .stdin(sql)
            .output()
            .map_err(|e| format!("sqlite3 is needed for sqlx-prepare: {e}"))?;
        if !out.status.success() {
            return Err(format!("{}: {}", m.display(), String::from_utf8_lossy(&out.stderr)));
        }
    }
    let sqlx_dir = root.join(".sqlx");
    let _ = std::fs::remove_dir_all(&sqlx_dir);
    std::fs::create_dir_all(&sqlx_dir).map_err(|e| e.to_string())?;
    let url = format!("sqlite:{}", db.display());
    let dir = sqlx_dir.display().to_string();
    // The macros write their query data only when they run, so force a recompile of the crate.
    run(root, "cargo", &["clean", "--package", "sanliang-siji"], &[])?;
    run(
        root,
        "cargo",
        &["check", "--all-targets"],
        &[("SQLX_OFFLINE", "false"), ("DATABASE_URL", &url), ("SQLX_OFFLINE_DIR", &dir)],
    )
}

fn main() -> ExitCode {
    let root = root();
    let task = std::env::args().nth(1).unwrap_or_default();
    let result = match task.as_str() {
        "run" => task_run(&root),
        "test" => task_test(&root),
        "sqlx-prepare" => task_sqlx_prepare(&root),
        "bench" => bench::task(&root),
        "windows" => task_windows(&root),
        "deb" => task_deb(&root),
        _ => Err("usage: cargo xtask <run|test|sqlx-prepare|bench|windows|deb>".into()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask {task}: {e}");
            ExitCode::FAILURE
        }
    }
}
