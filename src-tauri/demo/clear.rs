//! 清除示例数据: the demo loaded into a database the secretary then used for real is removed in
//! one step. Loading records, per table, the range of row ids the demo wrote; clearing deletes
//! those rows and every row that points to one of them (a member added to a demo branch, a visit
//! to a demo community) through `data::cascade`, in one transaction, then the files only those
//! rows used. Rows of the secretary's own organizations stay.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;
use sqlx::{SqliteConnection, SqlitePool};
use ts_rs::TS;

use crate::common::settings;
use crate::data::cascade;
use crate::db::quoted_name as quoted;
use crate::error::{Error, Result};

/// Where the demo's row ranges are kept.
const KEY: &str = "demo.rows";

/// The ids a demo load wrote in each table: above `after`, up to `upto`.
type Ranges = BTreeMap<String, (i64, i64)>;

async fn max_ids(conn: &mut SqliteConnection) -> Result<BTreeMap<String, i64>> {
    let mut ids = BTreeMap::new();
    for table in cascade::tables(conn).await? {
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

/// Marks the demo's rows and everything pointing to them.
async fn mark(conn: &mut SqliteConnection, ranges: &Ranges) -> Result<Vec<String>> {
    let seeds = ranges.iter().map(|(t, (after, upto))| (t.clone(), format!("id > {after} AND id <= {upto}"))).collect();
    cascade::mark(conn, &seeds).await
}

async fn count(conn: &mut SqliteConnection, tables: &[String]) -> Result<DemoCleared> {
    let mut cleared = DemoCleared::default();
    for table in tables {
        let n = cascade::marked(conn, table).await?;
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

/// 清除示例数据: removes the demo and everything attached to it in one transaction, then the
/// files only those records used.
pub async fn clear(pool: &SqlitePool, data_dir: &Path) -> Result<DemoCleared> {
    let mut tx = crate::db::write(pool).await?;
    let ranges = ranges(&mut tx).await?.ok_or_else(|| Error::NotFound("没有可清除的示例数据".into()))?;
    let tables = mark(&mut tx, &ranges).await?;
    let cleared = count(&mut tx, &tables).await?;
    let files = cascade::files(&mut tx).await?;
    crate::db::history::pause(&mut tx).await?;
    cascade::remove(&mut tx, &tables).await?;
    sqlx::query("DELETE FROM settings WHERE key = ?1").bind(KEY).execute(&mut *tx).await?;
    crate::db::history::resume(&mut tx).await?;
    tx.commit().await?;
    cascade::remove_files(data_dir, &files);
    tracing::info!(records = cleared.records, "demo data cleared");
    Ok(cleared)
}
