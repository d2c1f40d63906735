//! SQL for the `settings` key–value table (UI preferences such as the chosen organization).

use sqlx::SqliteConnection;

use crate::error::Result;

use crate::db::now;

pub async fn get(conn: &mut SqliteConnection, key: &str) -> Result<Option<String>> {
    Ok(sqlx::query_scalar!("SELECT value FROM settings WHERE key = ?1", key).fetch_optional(conn).await?)
}

pub async fn set(conn: &mut SqliteConnection, key: &str, value: &str) -> Result<()> {
    let now = now();
    sqlx::query!(
        "INSERT INTO settings (key, value, updated_at) VALUES (?1, ?2, ?3)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
        key,
        value,
        now
    )
    .execute(conn)
    .await?;
    Ok(())
}
