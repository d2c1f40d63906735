//! A database file looked at from outside the pool: its schema version, rows per table and
//! `integrity_check`, read through a read-only connection of its own.

use std::collections::BTreeMap;
use std::path::Path;

use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions, Connection, SqliteConnection};

use crate::error::Result;

/// What a snapshot holds: its schema version (0 without our migrations table) and the records of
/// each table that are not deleted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Described {
    pub schema_version: i64,
    pub counts: BTreeMap<String, i64>,
    /// `PRAGMA integrity_check` said "ok".
    pub intact: bool,
}

/// Opens `db` read-only and describes it; fails on a file SQLite cannot read as a database.
pub async fn describe(db: &Path) -> Result<Described> {
    let mut conn = SqliteConnectOptions::new().filename(db).read_only(true).connect().await?;
    let result = read(&mut conn).await;
    conn.close().await?;
    result
}

async fn read(conn: &mut SqliteConnection) -> Result<Described> {
    let check: Vec<String> = sqlx::query_scalar("PRAGMA integrity_check").fetch_all(&mut *conn).await?;
    let intact = check == ["ok"];
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_sqlx_migrations'
         ORDER BY name",
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut counts = BTreeMap::new();
    for table in tables {
        // Records deleted (kept with `deleted_at` set) are not counted.
        let soft: i64 = sqlx::query_scalar("SELECT count(*) FROM pragma_table_info(?1) WHERE name = 'deleted_at'")
            .bind(&table)
            .fetch_one(&mut *conn)
            .await?;
        let live = if soft > 0 { " WHERE deleted_at IS NULL" } else { "" };
        let n: i64 = sqlx::query_scalar(&format!("SELECT count(*) FROM {}{live}", crate::db::quoted_name(&table)))
            .fetch_one(&mut *conn)
            .await?;
        counts.insert(table, n);
    }
    let migrations: Option<String> =
        sqlx::query_scalar("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_sqlx_migrations'")
            .fetch_optional(&mut *conn)
            .await?;
    let schema_version = match migrations {
        Some(_) => sqlx::query_scalar::<_, Option<i64>>("SELECT max(version) FROM _sqlx_migrations WHERE success = 1")
            .fetch_one(&mut *conn)
            .await?
            .unwrap_or(0),
        None => 0,
    };
    Ok(Described { schema_version, counts, intact })
}
