//! Helpers for integration tests: a fresh data folder with a migrated database.

use sqlx::SqlitePool;
use tempfile::TempDir;

pub struct TestDb {
    pub dir: TempDir,
    pub pool: SqlitePool,
}

pub async fn fresh() -> TestDb {
    let dir = tempfile::tempdir().expect("temp dir");
    let pool = sanliang::db::open(dir.path()).await.expect("open database");
    TestDb { dir, pool }
}

pub fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 28).expect("date")
}

/// The `sanliang` command line in a clean environment on the tests' date: nothing leaks in from
/// whoever runs the tests (their `SANLIANG_DATA_DIR`, `SANLIANG_TODAY`, …), and the demo and every
/// date judged are those of `today()`, whatever the real date is.
pub fn cli() -> std::process::Command {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_sanliang"));
    command.env_clear().env("SANLIANG_TODAY", today().to_string());
    if let Some(path) = std::env::var_os("PATH") {
        command.env("PATH", path);
    }
    command
}
