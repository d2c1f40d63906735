//! Removing records for good together with every record that points to one of them (a member's
//! pledges, a community's visits), following the schema's foreign keys to a fixpoint inside one
//! transaction, and then the stored files only those records used. Shared by 清空回收站 and
//! 清除示例数据, which differ only in the records they start from.

use std::collections::BTreeMap;
use std::path::Path;

use sqlx::SqliteConnection;

use crate::common::files::STORED_COLUMNS;
use crate::db::quoted_name as quoted;
use crate::error::Result;

/// The tables of the data (not SQLite's, not the migrations', not settings, not the log) with
/// an `id` key.
pub async fn tables(conn: &mut SqliteConnection) -> Result<Vec<String>> {
    Ok(sqlx::query_scalar(
        "SELECT m.name FROM sqlite_master m WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'
           AND m.name NOT IN ('_sqlx_migrations', 'settings', 'change_log')
           AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) WHERE name = 'id' AND pk = 1)
         ORDER BY m.name",
    )
    .fetch_all(conn)
    .await?)
}

/// The temporary table holding the marked ids of `table`.
pub fn doomed(table: &str) -> String {
    format!("temp.{}", quoted(&format!("doomed_{table}")))
}

/// Marks the rows to remove in a temporary table per data table: those each table's `seed`
/// condition (SQL over the table's columns) selects, then, until nothing more is found, every
/// row pointing to a marked one. Returns the tables.
pub async fn mark(conn: &mut SqliteConnection, seeds: &BTreeMap<String, String>) -> Result<Vec<String>> {
    let tables = tables(conn).await?;
    for table in &tables {
        sqlx::query(&format!("DROP TABLE IF EXISTS {}", doomed(table))).execute(&mut *conn).await?;
        sqlx::query(&format!("CREATE TEMP TABLE {} (id INTEGER PRIMARY KEY)", &doomed(table)[5..]))
            .execute(&mut *conn)
            .await?;
        if let Some(seed) = seeds.get(table) {
            sqlx::query(&format!("INSERT INTO {} SELECT id FROM {} WHERE {seed}", doomed(table), quoted(table)))
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
                "INSERT OR IGNORE INTO {} SELECT id FROM {} WHERE {} IN (SELECT id FROM {})",
                doomed(child),
                quoted(child),
                quoted(column),
                doomed(parent)
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

/// How many rows of `table` are marked.
pub async fn marked(conn: &mut SqliteConnection, table: &str) -> Result<i64> {
    Ok(sqlx::query_scalar(&format!("SELECT count(*) FROM {}", doomed(table))).fetch_one(conn).await?)
}

/// The stored files (relative to the data folder) that marked rows use and no other row does.
pub async fn files(conn: &mut SqliteConnection) -> Result<Vec<String>> {
    let mut found = Vec::new();
    for (dir, table, column) in STORED_COLUMNS {
        let (t, c) = (quoted(table), quoted(column));
        let names: Vec<String> = sqlx::query_scalar(&format!(
            "SELECT DISTINCT {c} FROM {t} WHERE {c} IS NOT NULL AND id IN (SELECT id FROM {d})
               AND {c} NOT IN (SELECT {c} FROM {t} WHERE {c} IS NOT NULL AND id NOT IN (SELECT id FROM {d}))",
            d = doomed(table)
        ))
        .fetch_all(&mut *conn)
        .await?;
        found.extend(names.into_iter().map(|n| format!("{dir}/{n}")));
    }
    Ok(found)
}

/// Deletes the marked rows, in any order: the foreign keys are checked once, at the commit.
pub async fn remove(conn: &mut SqliteConnection, tables: &[String]) -> Result<()> {
    sqlx::query("PRAGMA defer_foreign_keys = ON").execute(&mut *conn).await?;
    for table in tables {
        sqlx::query(&format!("DELETE FROM {} WHERE id IN (SELECT id FROM {})", quoted(table), doomed(table)))
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// After the commit: the files the removed rows alone used. A file that cannot be removed (held
/// open) is left; it holds nothing the data still names.
pub fn remove_files(data_dir: &Path, files: &[String]) {
    for file in files {
        let _ = std::fs::remove_file(data_dir.join(file));
    }
}
