//! SQL for residents' difficulties and their dated steps to closure.

use chrono::NaiveDate;
use sqlx::SqliteConnection;

use super::model::Difficulty;
use crate::common::catalog::DifficultyStatus;
use crate::error::{Error, Result};

use crate::db::now;

pub async fn insert(
    conn: &mut SqliteConnection,
    community_id: i64,
    visit_id: Option<i64>,
    raised_by: &str,
    content: &str,
    responsible: &str,
    raised_on: NaiveDate,
) -> Result<i64> {
    let (now, uuid) = (now(), uuid::Uuid::new_v4().to_string());
    Ok(sqlx::query_scalar!(
        r#"INSERT INTO difficulties (uuid, community_id, visit_id, raised_by, content, responsible, status, raised_on, created_at, updated_at)
           VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'open', ?7, ?8, ?8) RETURNING id AS "id!""#,
        uuid,
        community_id,
        visit_id,
        raised_by,
        content,
        responsible,
        raised_on,
        now
    )
    .fetch_one(conn)
    .await?)
}

pub async fn get(conn: &mut SqliteConnection, id: i64) -> Result<Difficulty> {
    let r = sqlx::query_as!(
        Difficulty,
        r#"SELECT d.id AS "id!", d.community_id, o.name AS community_name, d.visit_id, d.raised_by, d.content, d.responsible,
                  d.status AS "status: DifficultyStatus", d.raised_on AS "raised_on: NaiveDate", d.started_on AS "started_on: NaiveDate",
                  d.resolved_on AS "resolved_on: NaiveDate", d.answered_on AS "answered_on: NaiveDate", d.outcome
           FROM difficulties d JOIN organizations o ON o.id = d.community_id WHERE d.id = ?1"#,
        id
    )
    .fetch_optional(conn)
    .await?
    .ok_or_else(|| Error::NotFound("这条群众诉求不存在".into()))?;
    Ok(r)
}

/// Sets the next status with its date; the outcome text, when given, replaces the old one.
pub async fn advance(
    conn: &mut SqliteConnection,
    id: i64,
    status: DifficultyStatus,
    on: NaiveDate,
    outcome: &str,
) -> Result<()> {
    let (now, code) = (now(), status.code());
    sqlx::query!(
        r#"UPDATE difficulties SET status = ?1,
             started_on = CASE WHEN ?1 = 'in_progress' THEN ?2 ELSE started_on END,
             resolved_on = CASE WHEN ?1 = 'resolved' THEN ?2 ELSE resolved_on END,
             answered_on = CASE WHEN ?1 = 'answered' THEN ?2 ELSE answered_on END,
             outcome = CASE WHEN ?3 = '' THEN outcome ELSE ?3 END,
             updated_at = ?4
           WHERE id = ?5"#,
        code,
        on,
        outcome,
        now,
        id
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// Not yet answered, oldest first.
pub async fn open(conn: &mut SqliteConnection, under: Option<i64>) -> Result<Vec<Difficulty>> {
    let rows = sqlx::query_as!(
        Difficulty,
        r#"SELECT d.id AS "id!", d.community_id, o.name AS community_name, d.visit_id, d.raised_by, d.content, d.responsible,
                  d.status AS "status: DifficultyStatus", d.raised_on AS "raised_on: NaiveDate", d.started_on AS "started_on: NaiveDate",
                  d.resolved_on AS "resolved_on: NaiveDate", d.answered_on AS "answered_on: NaiveDate", d.outcome
           FROM difficulties d JOIN organizations o ON o.id = d.community_id
           WHERE d.status <> 'answered' AND (?1 IS NULL OR o.id IN (SELECT org_id FROM org_subtree WHERE root_id = ?1))
           ORDER BY d.raised_on, d.id"#,
        under
    )
    .fetch_all(conn)
    .await?;
    Ok(rows)
}
