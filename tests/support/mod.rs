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
