//! SQL for 操作记录: the log's rows under a filter, newest first, and the names of the records
//! they point to.

use sqlx::SqliteConnection;

use crate::error::Result;

/// The filter as SQL values: UTC bounds, the tables of an area as a JSON array.
pub struct Where {
    pub since: Option<String>,
    pub before: Option<String>,
    pub tables: Option<String>,
    pub member_id: Option<i64>,
}

#[derive(sqlx::FromRow)]
pub struct LogRow {
    pub id: i64,
    pub at: String,
    pub operator: String,
    pub table_name: String,
    pub action: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

const WHERE: &str = "WHERE (?1 IS NULL OR c.at >= ?1) AND (?2 IS NULL OR c.at < ?2)
       AND (?3 IS NULL OR c.table_name IN (SELECT value FROM json_each(?3)))
       AND (?4 IS NULL OR c.member_id = ?4)";

pub async fn count(conn: &mut SqliteConnection, w: &Where) -> Result<i64> {
    Ok(sqlx::query_scalar(&format!("SELECT count(*) FROM change_log c {WHERE}"))
        .bind(&w.since)
        .bind(&w.before)
        .bind(&w.tables)
        .bind(w.member_id)
        .fetch_one(conn)
        .await?)
}

pub async fn page(conn: &mut SqliteConnection, w: &Where, offset: i64, limit: i64) -> Result<Vec<LogRow>> {
    Ok(sqlx::query_as(&format!(
        "SELECT c.id, c.at, c.operator, c.table_name, c.action, c.before, c.after
         FROM change_log c
         {WHERE}
         ORDER BY c.id DESC LIMIT ?5 OFFSET ?6"
    ))
    .bind(&w.since)
    .bind(&w.before)
    .bind(&w.tables)
    .bind(w.member_id)
    .bind(limit)
    .bind(offset)
    .fetch_all(conn)
    .await?)
}

/// Names of the rows of `table` (organizations or members) with these ids, whether or not they
/// were deleted since: the log speaks of the past.
pub async fn names(conn: &mut SqliteConnection, table: &str, ids: &[i64]) -> Result<Vec<(i64, String)>> {
    let ids = serde_json::to_string(ids).unwrap_or_else(|_| "[]".into());
    Ok(sqlx::query_as(&format!(
        "SELECT id, name FROM {} WHERE id IN (SELECT value FROM json_each(?1))",
        crate::db::quoted_name(table)
    ))
    .bind(ids)
    .fetch_all(conn)
    .await?)
}
