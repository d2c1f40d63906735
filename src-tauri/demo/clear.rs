//! 清除示例数据: the demo loaded into a database the secretary then used for real is removed in
//! one step. Loading records, per table, the range of row ids the demo wrote; clearing deletes
//! those rows and every row that points to one of them (a member added to a demo branch, a visit to
//! a demo community), following the schema's foreign keys to a fixpoint, in one transaction, then
//! the files only those rows used. Rows of the secretary's own organizations stay.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;
use sqlx::{SqliteConnection, SqlitePool};
use ts_rs::TS;

use crate::common::files::{EVIDENCE_DIR, PHOTO_DIR, SCAN_DIR};
use crate::common::settings;
use crate::db::quoted_name as quoted;
use crate::error::{Error, Result};

/// Where the demo's row ranges are kept.
const KEY: &str = "demo.rows";

/// The ids a demo load wrote in each table: above `after`, up to `upto`.
type Ranges = BTreeMap<String, (i64, i64)>;

/// The tables of the data (not SQLite's, not the migrations', not settings) with an `id` key.
async fn tables(conn: &mut SqliteConnection) -> Result<Vec<String>> {
    Ok(sqlx::query_scalar(
        "SELECT m.name FROM sqlite_master m WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'
           AND m.name NOT IN ('_sqlx_migrations', 'settings')
           AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) WHERE name = 'id' AND pk = 1)
         ORDER BY m.name",
    )
    .fetch_all(conn)
    .await?)
}

async fn max_ids(conn: &mut SqliteConnection) -> Result<BTreeMap<String, i64>> {
    let mut ids = BTreeMap::new();
    for table in tables(conn).await? {
        let max: Option<i64> =
            sqlx::query_scalar(&format!("SELECT max(id) FROM {}", quoted(&table))).fetch_one(&mut *conn).await?;
        ids.insert(table, max.unwrap_or(0));
    }
    Ok(ids)
}

/// Before a demo load: the largest id of each table.
pub(super) async fn before_load(conn: &mut SqliteConnection) -> Result<BTreeMap<String, i64>> {
    max_ids(conn).await
}

/// After a demo load, in its transaction: remembers the ids it wrote.
pub(super) async fn after_load(conn: &mut SqliteConnection, before: &BTreeMap<String, i64>) -> Result<()> {
    let ranges: Ranges = max_ids(conn)
        .await?
        .into_iter()
        .filter_map(|(t, upto)| {
            let after = before.get(&t).copied().unwrap_or(0);
            (upto > after).then_some((t, (after, upto)))
        })
        .collect();
    let text = serde_json::to_string(&ranges).map_err(|e| std::io::Error::other(e.to_string()))?;
    settings::set(conn, KEY, &text).await
}

async fn ranges(conn: &mut SqliteConnection) -> Result<Option<Ranges>> {
    let text = settings::get(conn, KEY).await?;
    Ok(text.and_then(|t| serde_json::from_str(&t).ok()))
}

/// Whether the database holds demo data that can be cleared.
pub async fn present(pool: &SqlitePool) -> Result<bool> {
    Ok(ranges(&mut *pool.acquire().await?).await?.is_some())
}

/// What clearing removed (or would remove), for the question and the message.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DemoCleared {
    pub organizations: i64,
    pub members: i64,
    /// Every row removed, of every table.
    pub records: i64,
}

/// Marks the rows to remove in a temporary table per data table, `doomed_<table>`: the demo's,
/// then, until nothing more is found, every row pointing to a marked one.
async fn mark(conn: &mut SqliteConnection, ranges: &Ranges) -> Result<Vec<String>> {
    let tables = tables(conn).await?;
    for table in &tables {
        let doomed = quoted(&format!("doomed_{table}"));
        sqlx::query(&format!("DROP TABLE IF EXISTS temp.{doomed}")).execute(&mut *conn).await?;
        sqlx::query(&format!("CREATE TEMP TABLE {doomed} (id INTEGER PRIMARY KEY)")).execute(&mut *conn).await?;
        if let Some((after, upto)) = ranges.get(table) {
            sqlx::query(&format!(
                "INSERT INTO temp.{doomed} SELECT id FROM {} WHERE id > ?1 AND id <= ?2",
                quoted(table)
            ))
            .bind(after)
            .bind(upto)
            .execute(&mut *conn)
            .await?;
        }
    }
    // Each foreign key: (child table, its column, the parent table).
    let mut edges = Vec::new();
    for table in &tables {
        let keys: Vec<(String, String)> = sqlx::query_as("SELECT \"from\", \"table\" FROM pragma_foreign_key_list(?1)")
            .bind(table)
            .fetch_all(&mut *conn)
            .await?;
        edges
            .extend(keys.into_iter().filter(|(_, parent)| tables.contains(parent)).map(|(c, p)| (table.clone(), c, p)));
    }
    loop {
        let mut found = 0;
        for (child, column, parent) in &edges {
            let done = sqlx::query(&format!(
                "INSERT OR IGNORE INTO temp.{} SELECT id FROM {} WHERE {} IN (SELECT id FROM temp.{})",
                quoted(&format!("doomed_{child}")),
                quoted(child),
                quoted(column),
                quoted(&format!("doomed_{parent}"))
            ))
            .execute(&mut *conn)
            .await?;
            found += done.rows_affected();
        }
        if found == 0 {
            break;
        }
    }
    Ok(tables)
}

async fn count(conn: &mut SqliteConnection, tables: &[String]) -> Result<DemoCleared> {
    let mut cleared = DemoCleared::default();
    for table in tables {
        let n: i64 = sqlx::query_scalar(&format!("SELECT count(*) FROM temp.{}", quoted(&format!("doomed_{table}"))))
            .fetch_one(&mut *conn)
            .await?;
        cleared.records += n;
        match table.as_str() {
            "organizations" => cleared.organizations = n,
            "members" => cleared.members = n,
            _ => {}
        }
    }
    Ok(cleared)
}

/// What clearing would remove, without removing it.
pub async fn preview(pool: &SqlitePool) -> Result<DemoCleared> {
    let mut tx = pool.begin().await?;
    let ranges = ranges(&mut tx).await?.ok_or_else(|| Error::NotFound("没有可清除的示例数据".into()))?;
    let tables = mark(&mut tx, &ranges).await?;
    let cleared = count(&mut tx, &tables).await?;
    tx.rollback().await?;
    Ok(cleared)
}

/// The stored files the marked rows point to (photos, evidence, agreement scans).
async fn files(conn: &mut SqliteConnection) -> Result<Vec<String>> {
    let mut found = Vec::new();
    for (dir, table, column) in [
        (PHOTO_DIR, "members", "photo"),
        (EVIDENCE_DIR, "pledge_evidence", "stored_name"),
        (SCAN_DIR, "pairings", "scan_file"),
    ] {
        let names: Vec<String> = sqlx::query_scalar(&format!(
            "SELECT {column} FROM {table} WHERE {column} IS NOT NULL AND id IN (SELECT id FROM temp.{})",
            quoted(&format!("doomed_{table}"))
        ))
        .fetch_all(&mut *conn)
        .await?;
        found.extend(names.into_iter().map(|n| format!("{dir}/{n}")));
    }
    Ok(found)
}

/// 清除示例数据: removes the demo and everything attached to it in one transaction, then the
/// files only those records used.
pub async fn clear(pool: &SqlitePool, data_dir: &Path) -> Result<DemoCleared> {
    let mut tx = crate::db::write(pool).await?;
    let ranges = ranges(&mut tx).await?.ok_or_else(|| Error::NotFound("没有可清除的示例数据".into()))?;
    let tables = mark(&mut tx, &ranges).await?;
    let cleared = count(&mut tx, &tables).await?;
    let files = files(&mut tx).await?;
    // The rows go in any order; the foreign keys are checked once, at the commit.
    sqlx::query("PRAGMA defer_foreign_keys = ON").execute(&mut *tx).await?;
    for table in &tables {
        sqlx::query(&format!(
            "DELETE FROM {} WHERE id IN (SELECT id FROM temp.{})",
            quoted(table),
            quoted(&format!("doomed_{table}"))
        ))
        .execute(&mut *tx)
        .await?;
    }
    sqlx::query("DELETE FROM settings WHERE key = ?1").bind(KEY).execute(&mut *tx).await?;
    tx.commit().await?;
    for file in files {
        let _ = std::fs::remove_file(data_dir.join(file));
    }
    tracing::info!(records = cleared.records, "demo data cleared");
    Ok(cleared)
}
