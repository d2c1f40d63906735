//! Opening the SQLite file: pragmas, the pre-migration backup, and embedded migrations.
//! Each feature keeps its own SQL beside its rules (`roster/members/store.rs`, …).

use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{Connection, Sqlite, SqliteConnection, SqlitePool, Transaction};

use crate::error::{Error, Result};

pub mod batch;
pub mod history;

pub const DB_FILE: &str = "sanliang.db";

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// The database file inside a data folder.
pub fn db_path(data_dir: &Path) -> PathBuf {
    data_dir.join(DB_FILE)
}

/// Pages each connection keeps in its own cache (KiB; SQLite's default is 2 MB). No memory map:
/// with one (256 MB, tried for 检查汇总: 147 ms instead of 221 ms for the county's year) every
/// connection maps the pages it reads, and a county's home page alone put ≈200 MB of the file
/// into the app's resident memory (433 MB in all). With 8 MB caches roster search as people type
/// stays as fast as mapped (p95 ≈ 6 ms); four connections hold at most 32 MB.
const CACHE_KIB: i64 = 8 * 1024;

fn options(path: &Path) -> SqliteConnectOptions {
    SqliteConnectOptions::new()
        .filename(path)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Full)
        .foreign_keys(true)
        .busy_timeout(Duration::from_secs(5))
        .pragma("mmap_size", "0")
        .pragma("cache_size", format!("-{CACHE_KIB}"))
}

/// Opens (creating if needed) the database in `data_dir` and brings it to the current schema.
///
/// Before pending migrations run on an existing file, the file is copied aside
/// (`sanliang.db.before-<version>.bak`) so a failed upgrade loses nothing.
pub async fn open(data_dir: &Path) -> Result<SqlitePool> {
    std::fs::create_dir_all(data_dir)?;
    let path = db_path(data_dir);
    let existed = path.exists();
    // Refused before the pool turns WAL mode on, which would write to the file.
    if let Some(applied) = applied_read_only(&path).await.filter(|v| *v > latest_schema_version()) {
        return Err(Error::Unavailable(newer_database(applied)));
    }
    let pool =
        SqlitePoolOptions::new().max_connections(4).connect_with(options(&path).create_if_missing(!existed)).await?;
    // A file a newer version of the app has upgraded is left as it is: this build cannot know
    // what its newer tables mean.
    let applied = schema_version(&pool).await;
    if applied > latest_schema_version() {
        pool.close().await;
        return Err(Error::Unavailable(newer_database(applied)));
    }
    if existed && has_pending_migrations(&pool).await? {
        backup_before_migration(&pool, &path).await?;
    }
    let before = schema_version(&pool).await;
    MIGRATOR.run(&pool).await.inspect_err(|e| tracing::error!(before, "migration failed: {e}"))?;
    let after = schema_version(&pool).await;
    if before != after {
        tracing::info!(before, after, existed, "schema migrated");
    }
    history::install(&mut *pool.acquire().await?).await?;
    crate::data::exchange::guard::install(&mut *pool.acquire().await?).await?;
    crate::roster::members::batch::reindex(&pool).await?;
    Ok(pool)
}

/// The latest migration a database file records, read without changing it (none when it cannot
/// be read so, e.g. a new file).
async fn applied_read_only(path: &Path) -> Option<i64> {
    use sqlx::Connection;
    if !path.is_file() {
        return None;
    }
    let options = SqliteConnectOptions::new().filename(path).read_only(true);
    let mut conn = sqlx::SqliteConnection::connect_with(&options).await.ok()?;
    let applied = sqlx::query_scalar::<_, Option<i64>>("SELECT max(version) FROM _sqlx_migrations WHERE success = 1")
        .fetch_one(&mut conn)
        .await
        .ok()
        .flatten();
    let _ = conn.close().await;
    applied
}

/// What a database from a newer version of the app is told: both versions, and what to do.
pub fn newer_database(version: i64) -> String {
    format!(
        "这个数据文件由较新版本的三亮四进工作台使用过（数据库版本 {version}），本程序只支持到版本 {}。\n数据文件未作任何改动。请安装最新版本的程序后再打开。",
        latest_schema_version()
    )
}

/// A table or column name as SQL text, double-quoted (for statements over tables found in
/// `sqlite_master`, which no checked query can name in advance).
pub fn quoted_name(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// Begins a transaction that writes. It takes SQLite's write lock at once (`BEGIN IMMEDIATE`), so
/// saves made at the same moment wait their turn under the busy timeout; begun deferred, a save
/// whose first read went stale would fail at once as "database is locked".
pub async fn write(pool: &SqlitePool) -> Result<Transaction<'static, Sqlite>> {
    Ok(pool.begin_with(BEGIN_WRITE).await?)
}

/// As [`write`], on a connection already taken from the pool (one given a long write's settings).
pub async fn write_on(conn: &mut SqliteConnection) -> Result<Transaction<'_, Sqlite>> {
    Ok(conn.begin_with(BEGIN_WRITE).await?)
}

const BEGIN_WRITE: &str = "BEGIN IMMEDIATE";

/// The schema version this build brings a database to (its latest migration).
pub fn latest_schema_version() -> i64 {
    MIGRATOR.iter().map(|m| m.version).max().unwrap_or(0)
}

/// Writes the WAL back into the database file and closes the pool: on a clean exit, and before
/// a restore moves the files.
pub async fn close(pool: &SqlitePool) {
    // SQLite's advice for every closing: refresh the planner's statistics where the data changed
    // enough to matter (cheap otherwise). Without them a county's review picks slower plans.
    if let Err(e) = sqlx::query("PRAGMA optimize").execute(pool).await {
        tracing::warn!("optimize at close failed: {e}");
    }
    if let Err(e) = sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)").execute(pool).await {
        tracing::warn!("checkpoint at close failed: {e}");
    }
    pool.close().await;
    leave_wal_mode(pool.connect_options().get_filename()).await;
}

/// After the pool closed: one connection of its own, the only one left, switches the file out of
/// WAL mode, which folds the WAL in and removes `-wal` and `-shm` there and then (the next open
/// switches back). When the pool's connections close at once, none may find itself the last and
/// remove them; on Windows (seen under Wine) the WAL then stayed held for seconds and a restore
/// could not move it. Another process still using the file keeps WAL mode: nothing waits.
async fn leave_wal_mode(file: &Path) {
    use sqlx::Connection;
    if !file.is_file() {
        return;
    }
    let options = SqliteConnectOptions::new().filename(file).busy_timeout(Duration::ZERO);
    let Ok(mut conn) = sqlx::SqliteConnection::connect_with(&options).await else { return };
    match sqlx::query_scalar::<_, String>("PRAGMA journal_mode = DELETE").fetch_one(&mut conn).await {
        Ok(mode) if mode == "delete" => {}
        Ok(mode) => tracing::info!(mode, "the database stays in WAL mode: another program has it open"),
        Err(e) => tracing::info!("the database stays in WAL mode: {e}"),
    }
    let _ = conn.close().await;
}

/// A fresh, migrated in-memory database for tests.
pub async fn open_in_memory() -> Result<SqlitePool> {
    let options = SqliteConnectOptions::from_str("sqlite::memory:")?.foreign_keys(true);
    // One connection: every connection to :memory: would be a separate database.
    let pool = SqlitePoolOptions::new().max_connections(1).connect_with(options).await?;
    MIGRATOR.run(&pool).await?;
    history::install(&mut *pool.acquire().await?).await?;
    crate::data::exchange::guard::install(&mut *pool.acquire().await?).await?;
    crate::roster::members::batch::reindex(&pool).await?;
    Ok(pool)
}

/// The latest migration applied to the database (0 for a new file).
pub async fn schema_version(pool: &SqlitePool) -> i64 {
    sqlx::query_scalar("SELECT max(version) FROM _sqlx_migrations WHERE success = 1")
        .fetch_one(pool)
        .await
        .ok()
        .flatten()
        .unwrap_or(0)
}

async fn has_pending_migrations(pool: &SqlitePool) -> Result<bool> {
    let table: Option<String> =
        sqlx::query_scalar("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_sqlx_migrations'")
            .fetch_optional(pool)
            .await?;
    if table.is_none() {
        // A file without our migrations table: either empty (new) or not ours. Both
        // deserve a backup if they hold anything.
        let tables: i64 = sqlx::query_scalar("SELECT count(*) FROM sqlite_master").fetch_one(pool).await?;
        return Ok(tables > 0);
    }
    let applied: Vec<i64> =
        sqlx::query_scalar("SELECT version FROM _sqlx_migrations WHERE success = 1").fetch_all(pool).await?;
    Ok(MIGRATOR.iter().any(|m| !applied.contains(&m.version)))
}

async fn backup_before_migration(pool: &SqlitePool, path: &Path) -> Result<()> {
    let latest = latest_schema_version();
    let backup = path.with_file_name(format!("{DB_FILE}.before-{latest}.bak"));
    // VACUUM INTO writes a consistent copy even while the WAL holds recent pages.
    let _ = std::fs::remove_file(&backup);
    sqlx::query("VACUUM INTO ?1").bind(backup.to_string_lossy().into_owned()).execute(pool).await?;
    tracing::info!(backup = %backup.display(), "copied aside before migrating");
    Ok(())
}

/// The timestamp stored in `created_at`/`updated_at`: UTC, RFC 3339, whole seconds, from the
/// write clock (pinned by tests, see [`crate::common::clock`]).
pub fn now() -> String {
    crate::common::clock::stamp()
}
