//! Writing many rows in few statements: each statement takes a chunk of rows as one JSON array
//! (`json_each`), so 20,000 rows are tens of statements rather than tens of thousands.

use serde_json::Value;
use sqlx::SqliteConnection;

use super::now;
use crate::error::Result;

/// Rows per statement: a statement's JSON stays well under a megabyte.
pub const CHUNK: usize = 500;

/// Page cache for one long write of a county's rows (the demo, a roster imported): what it
/// changes held in memory until the commit. With SQLite's default 2 MB every filled cache spills
/// its pages into the WAL, written again and again (4.5 million writes for the county's demo;
/// 21,400 new members' search keys, 600,000 index rows, took 2.5 times as long).
const LONG_WRITE_CACHE_KIB: i64 = 128 * 1024;

/// A connection's settings before [`long_write`] changed them, for [`restore`].
#[derive(Debug, Clone, Copy)]
pub struct Usual {
    cache: i64,
    temp_store: i64,
}

/// Gives this connection, outside any transaction, what one long write wants: the bigger page
/// cache, and statement journals in memory rather than files under the system's temp folder
/// (inside one long transaction every statement that could fail part-way keeps its pages' old
/// contents in such a journal: 3.7 million page writes for the county's demo when written to a
/// file). Returns what it had, for [`restore`].
pub async fn long_write(conn: &mut SqliteConnection) -> Result<Usual> {
    let cache: i64 = sqlx::query_scalar("PRAGMA cache_size").fetch_one(&mut *conn).await?;
    let temp_store: i64 = sqlx::query_scalar("PRAGMA temp_store").fetch_one(&mut *conn).await?;
    sqlx::query(&format!("PRAGMA cache_size = -{LONG_WRITE_CACHE_KIB}")).execute(&mut *conn).await?;
    sqlx::query("PRAGMA temp_store = MEMORY").execute(&mut *conn).await?;
    Ok(Usual { cache, temp_store })
}

/// Gives the connection back its usual cache and temporary files, whatever happened to the
/// write, so the pool does not keep a county's pages (nor, later, a temporary sort of a county's
/// rows in the app's memory).
pub async fn restore(conn: &mut SqliteConnection, usual: Usual) -> Result<()> {
    sqlx::query(&format!("PRAGMA cache_size = {}", usual.cache)).execute(&mut *conn).await?;
    sqlx::query(&format!("PRAGMA temp_store = {}", usual.temp_store)).execute(conn).await?;
    Ok(())
}

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
