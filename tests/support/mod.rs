//! Helpers for integration tests: a fresh data folder with a migrated database.

use sqlx::SqlitePool;
use tempfile::TempDir;

// poppler is a Linux program: the tests that render pages run there only.
#[cfg(not(windows))]
pub mod pictures;

pub struct TestDb {
    pub dir: TempDir,
    pub pool: SqlitePool,
}

pub async fn fresh() -> TestDb {
    let dir = tempfile::tempdir().expect("temp dir");
    let pool = sanliang::db::open(dir.path()).await.expect("open database");
    TestDb { dir, pool }
}

/// A fresh data folder holding the community demo as of `today()`. The demo is built once per
/// test process and each test gets its own copy of the file, so a test may change it freely.
pub async fn demo() -> TestDb {
    static TEMPLATE: tokio::sync::OnceCell<std::path::PathBuf> = tokio::sync::OnceCell::const_new();
    let template = TEMPLATE
        .get_or_init(|| async {
            let built = fresh().await;
            // Written at one pinned instant: under load the rows' timestamps would otherwise
            // straddle seconds and reorder what is printed (seen once in a clean-clone run).
            let at = chrono::DateTime::parse_from_rfc3339("2026-11-28T09:00:00+08:00").expect("time").to_utc();
            let load = sanliang::demo::load(&built.pool, sanliang::demo::DemoScale::Community, today());
            sanliang::common::clock::pinned(at, load).await.expect("demo");
            // VACUUM INTO writes one consistent file, the WAL folded in; renamed into place, so
            // another test process (the same demo, the same bytes) never sees half a file.
            let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"));
            let part = dir.join(format!("demo-{}.db.{}.part", today(), std::process::id()));
            let file = dir.join(format!("demo-{}.db", today()));
            let _ = std::fs::remove_file(&part);
            sqlx::query("VACUUM INTO ?1")
                .bind(part.to_string_lossy().into_owned())
                .execute(&built.pool)
                .await
                .expect("copy the demo");
            built.pool.close().await;
            std::fs::rename(&part, &file).expect("the demo in place");
            file
        })
        .await;
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::copy(template, sanliang::db::db_path(dir.path())).expect("copy the demo");
    let pool = sanliang::db::open(dir.path()).await.expect("open the demo");
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
    // What finding programs needs, and on Windows what every process needs to start.
    for name in ["PATH", "SYSTEMROOT", "WINDIR", "TEMP", "TMP"] {
        if let Some(value) = std::env::var_os(name) {
            command.env(name, value);
        }
    }
    command
}
