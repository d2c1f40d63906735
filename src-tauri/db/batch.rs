//! Writing many rows in few statements: each statement takes a chunk of rows as one JSON array
//! (`json_each`), so 20,000 rows are tens of statements rather than tens of thousands.

use serde_json::Value;
use sqlx::SqliteConnection;

use super::now;
use crate::error::Result;

/// Rows per statement: a statement's JSON stays well under a megabyte.
pub const CHUNK: usize = 500;

/// Runs `sql` (`?1` a JSON array of rows, `?2` the time of the write) over `rows`, `CHUNK` rows a
/// statement, telling `done` how many are written after each.
pub async fn in_chunks(
    conn: &mut SqliteConnection,
    sql: &str,
    rows: &[Value],
    mut done: impl FnMut(usize),
) -> Result<()> {
    let now = now();
    for (n, chunk) in rows.chunks(CHUNK).enumerate() {
        sqlx::query(sql).bind(Value::Array(chunk.to_vec()).to_string()).bind(&now).execute(&mut *conn).await?;
        done(n * CHUNK + chunk.len());
    }
    Ok(())
}

/// The id the next row of `table` gets from SQLite (a rowid table without AUTOINCREMENT: one past
/// the largest), so rows written together can name each other before they are written. Only
/// inside a write transaction, where nobody else can take it.
pub async fn next_id(conn: &mut SqliteConnection, table: &str) -> Result<i64> {
    let sql = format!("SELECT coalesce(max(id), 0) + 1 FROM {}", super::quoted_name(table));
    Ok(sqlx::query_scalar(&sql).fetch_one(conn).await?)
}
