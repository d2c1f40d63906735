//! SQL for cadre help pairs and their records.

use chrono::NaiveDate;
use sqlx::SqliteConnection;

use super::model::{HelpPair, HelpRecord};
use crate::error::{Error, Result};

use crate::db::now;

pub async fn insert(
    conn: &mut SqliteConnection,
    community_id: i64,
    cadre: &str,
    cadre_title: &str,
    helped: &str,
    start_on: NaiveDate,
) -> Result<i64> {
    let (now, uuid) = (now(), uuid::Uuid::new_v4().to_string());
    Ok(sqlx::query_scalar!(
        r#"INSERT INTO help_pairs (uuid, community_id, cadre, cadre_title, helped, start_on, created_at, updated_at)
           VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7) RETURNING id AS "id!""#,
        uuid,
        community_id,
        cadre,
        cadre_title,
        helped,
        start_on,
        now
    )
    .fetch_one(conn)
    .await?)
}

pub async fn insert_record(conn: &mut SqliteConnection, pair_id: i64, on: NaiveDate, text: &str) -> Result<()> {
    let (now, uuid) = (now(), uuid::Uuid::new_v4().to_string());
    sqlx::query!(
        "INSERT INTO help_records (uuid, help_pair_id, helped_on, text, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
        uuid,
        pair_id,
        on,
        text,
        now
    )
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn end(conn: &mut SqliteConnection, id: i64, on: NaiveDate) -> Result<()> {
    let now = now();
    sqlx::query!("UPDATE help_pairs SET end_on = ?1, updated_at = ?2 WHERE id = ?3", on, now, id).execute(conn).await?;
    Ok(())
}

pub async fn get(conn: &mut SqliteConnection, id: i64) -> Result<HelpPair> {
    sqlx::query_as!(
        HelpPair,
        r#"SELECT h.id AS "id!", h.community_id, o.name AS community_name, h.cadre, h.cadre_title, h.helped,
                  h.start_on AS "start_on: NaiveDate", h.end_on AS "end_on: NaiveDate",
                  (SELECT count(*) FROM help_records r WHERE r.help_pair_id = h.id) AS "records!: i64",
                  (SELECT max(r.helped_on) FROM help_records r WHERE r.help_pair_id = h.id) AS "last_record?: NaiveDate"
           FROM help_pairs h JOIN organizations o ON o.id = h.community_id WHERE h.id = ?1 AND h.deleted_at IS NULL"#,
        id
    )
    .fetch_optional(conn)
    .await?
    .ok_or_else(|| Error::NotFound("帮扶对子不存在或已删除".into()))
}

pub async fn list(conn: &mut SqliteConnection, under: Option<i64>) -> Result<Vec<HelpPair>> {
    Ok(sqlx::query_as!(
        HelpPair,
        r#"SELECT h.id AS "id!", h.community_id, o.name AS community_name, h.cadre, h.cadre_title, h.helped,
                  h.start_on AS "start_on: NaiveDate", h.end_on AS "end_on: NaiveDate",
                  (SELECT count(*) FROM help_records r WHERE r.help_pair_id = h.id) AS "records!: i64",
                  (SELECT max(r.helped_on) FROM help_records r WHERE r.help_pair_id = h.id) AS "last_record?: NaiveDate"
           FROM help_pairs h JOIN organizations o ON o.id = h.community_id
           WHERE h.deleted_at IS NULL AND (?1 IS NULL OR o.id IN (SELECT org_id FROM org_subtree WHERE root_id = ?1))
           ORDER BY h.end_on IS NOT NULL, o.path, h.id"#,
        under
    )
    .fetch_all(conn)
    .await?)
}

pub async fn records(conn: &mut SqliteConnection, pair_id: i64) -> Result<Vec<HelpRecord>> {
    Ok(sqlx::query_as!(
        HelpRecord,
        r#"SELECT id AS "id!", helped_on AS "helped_on: NaiveDate", text FROM help_records
           WHERE help_pair_id = ?1 ORDER BY helped_on DESC, id DESC"#,
        pair_id
    )
    .fetch_all(conn)
    .await?)
}
