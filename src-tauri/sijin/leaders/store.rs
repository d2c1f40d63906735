//! SQL for contact leaders, their communities, visits and diaries, and the monthly check.

use chrono::NaiveDate;
use sqlx::SqliteConnection;

use super::model::{DiaryEntry, Leader, LeaderCommunity, MissingVisit, Visit};
use crate::common::catalog::{LeaderLevel, VisitKind};
use crate::error::{Error, Result};

use crate::db::now;

pub async fn insert_leader(
    conn: &mut SqliteConnection,
    name: &str,
    level: LeaderLevel,
    title: &str,
    phone: &str,
) -> Result<i64> {
    let (now, uuid, level) = (now(), uuid::Uuid::new_v4().to_string(), level.code());
    Ok(sqlx::query_scalar!(
        r#"INSERT INTO contact_leaders (uuid, name, level, title, phone, created_at, updated_at)
           VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6) RETURNING id AS "id!""#,
        uuid,
        name,
        level,
        title,
        phone,
        now
    )
    .fetch_one(conn)
    .await?)
}

pub async fn update_leader(
    conn: &mut SqliteConnection,
    id: i64,
    name: &str,
    level: LeaderLevel,
    title: &str,
    phone: &str,
) -> Result<()> {
    let (now, level) = (now(), level.code());
    sqlx::query!(
        "UPDATE contact_leaders SET name = ?1, level = ?2, title = ?3, phone = ?4, updated_at = ?5
         WHERE id = ?6 AND deleted_at IS NULL",
        name,
        level,
        title,
        phone,
        now,
        id
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// How many visits and diary entries a leader has on record.
pub async fn history(conn: &mut SqliteConnection, id: i64) -> Result<(i64, i64)> {
    let r = sqlx::query!(
        r#"SELECT (SELECT count(*) FROM leader_visits WHERE leader_id = ?1 AND deleted_at IS NULL) AS "visits!: i64",
                  (SELECT count(*) FROM diary_entries WHERE leader_id = ?1) AS "diaries!: i64""#,
        id
    )
    .fetch_one(conn)
    .await?;
    Ok((r.visits, r.diaries))
}

/// Soft-deletes a leader entered by mistake, with the assignments he never used.
pub async fn delete_leader(conn: &mut SqliteConnection, id: i64) -> Result<()> {
    let now = now();
    sqlx::query!("DELETE FROM leader_communities WHERE leader_id = ?1", id).execute(&mut *conn).await?;
    sqlx::query!("UPDATE contact_leaders SET deleted_at = ?1, updated_at = ?1 WHERE id = ?2", now, id)
        .execute(conn)
        .await?;
    Ok(())
}

async fn communities_of(conn: &mut SqliteConnection, leader_id: i64) -> Result<Vec<LeaderCommunity>> {
    Ok(sqlx::query_as!(
        LeaderCommunity,
        r#"SELECT a.community_id, o.name AS community_name, a.start_on AS "start_on: NaiveDate"
           FROM leader_communities a JOIN organizations o ON o.id = a.community_id
           WHERE a.leader_id = ?1 AND a.end_on IS NULL ORDER BY o.path"#,
        leader_id
    )
    .fetch_all(conn)
    .await?)
}

pub async fn leader(conn: &mut SqliteConnection, id: i64) -> Result<Leader> {
    let r = sqlx::query!(
        r#"SELECT id AS "id!", name, level AS "level: LeaderLevel", title, phone,
                  (SELECT COALESCE(max(id), 0) FROM change_log) AS "version!: i64"
           FROM contact_leaders WHERE id = ?1 AND deleted_at IS NULL"#,
        id
    )
    .fetch_optional(&mut *conn)
    .await?
    .ok_or_else(|| Error::NotFound("联系领导不存在或已删除".into()))?;
    let communities = communities_of(conn, id).await?;
    Ok(Leader {
        id: r.id,
        name: r.name,
        level: r.level,
        title: r.title,
        phone: r.phone,
        communities,
        version: r.version,
    })
}

/// Leaders with a community under the subtree (all leaders when no subtree is given).
pub async fn leaders(conn: &mut SqliteConnection, under: Option<i64>) -> Result<Vec<Leader>> {
    let ids = sqlx::query_scalar!(
        r#"SELECT l.id AS "id!" FROM contact_leaders l
           WHERE l.deleted_at IS NULL AND (?1 IS NULL OR EXISTS (
             SELECT 1 FROM leader_communities a JOIN organizations o ON o.id = a.community_id
             WHERE a.leader_id = l.id AND a.end_on IS NULL AND o.id IN (SELECT org_id FROM org_subtree WHERE root_id = ?1)))
           ORDER BY l.level, l.id"#,
        under
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        out.push(leader(conn, id).await?);
    }
    Ok(out)
}

pub async fn insert_assignment(
    conn: &mut SqliteConnection,
    leader_id: i64,
    community_id: i64,
    start_on: NaiveDate,
) -> Result<()> {
    let (now, uuid) = (now(), uuid::Uuid::new_v4().to_string());
    sqlx::query!(
        "INSERT INTO leader_communities (uuid, leader_id, community_id, start_on, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
        uuid,
        leader_id,
        community_id,
        start_on,
        now
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// Whether the leader was the community's contact leader on a day.
pub async fn assigned_on(
    conn: &mut SqliteConnection,
    leader_id: i64,
    community_id: i64,
    day: NaiveDate,
) -> Result<bool> {
    Ok(sqlx::query_scalar!(
        r#"SELECT EXISTS (SELECT 1 FROM leader_communities
             WHERE leader_id = ?1 AND community_id = ?2 AND start_on <= ?3 AND (end_on IS NULL OR end_on >= ?3)) AS "ok!: bool""#,
        leader_id,
        community_id,
        day
    )
    .fetch_one(conn)
    .await?)
}

pub async fn insert_visit(
    conn: &mut SqliteConnection,
    leader_id: i64,
    community_id: i64,
    on: NaiveDate,
    kind: VisitKind,
    participants: &str,
    notes: &str,
) -> Result<i64> {
    let (now, uuid, kind) = (now(), uuid::Uuid::new_v4().to_string(), kind.code());
    Ok(sqlx::query_scalar!(
        r#"INSERT INTO leader_visits (uuid, leader_id, community_id, visited_on, kind, participants, notes, created_at, updated_at)
           VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8) RETURNING id AS "id!""#,
        uuid,
        leader_id,
        community_id,
        on,
        kind,
        participants,
        notes,
        now
    )
    .fetch_one(conn)
    .await?)
}

pub async fn visit(conn: &mut SqliteConnection, id: i64) -> Result<Visit> {
    let r = sqlx::query_as!(
        Visit,
        r#"SELECT v.id AS "id!", v.leader_id, l.name AS leader_name, v.community_id, o.name AS community_name,
                  v.visited_on AS "visited_on: NaiveDate", v.kind AS "kind: VisitKind", v.participants, v.notes,
                  (SELECT count(*) FROM difficulties d WHERE d.visit_id = v.id) AS "difficulties!: i64"
           FROM leader_visits v JOIN contact_leaders l ON l.id = v.leader_id JOIN organizations o ON o.id = v.community_id
           WHERE v.id = ?1"#,
        id
    )
    .fetch_one(conn)
    .await?;
    Ok(r)
}

/// Visits under a subtree, optionally within (first, last) days, newest first.
pub async fn visits(
    conn: &mut SqliteConnection,
    under: Option<i64>,
    bounds: Option<(NaiveDate, NaiveDate)>,
) -> Result<Vec<Visit>> {
    let (first, last) = (bounds.map(|b| b.0), bounds.map(|b| b.1));
    let rows = sqlx::query_as!(
        Visit,
        r#"SELECT v.id AS "id!", v.leader_id, l.name AS leader_name, v.community_id, o.name AS community_name,
                  v.visited_on AS "visited_on: NaiveDate", v.kind AS "kind: VisitKind", v.participants, v.notes,
                  (SELECT count(*) FROM difficulties d WHERE d.visit_id = v.id) AS "difficulties!: i64"
           FROM leader_visits v JOIN contact_leaders l ON l.id = v.leader_id JOIN organizations o ON o.id = v.community_id
           WHERE v.deleted_at IS NULL AND (?1 IS NULL OR o.id IN (SELECT org_id FROM org_subtree WHERE root_id = ?1))
             AND (?2 IS NULL OR v.visited_on >= ?2) AND (?3 IS NULL OR v.visited_on <= ?3)
           ORDER BY v.visited_on DESC, v.id DESC"#,
        under,
        first,
        last
    )
    .fetch_all(conn)
    .await?;
    Ok(rows)
}

pub async fn insert_diary(
    conn: &mut SqliteConnection,
    leader_id: i64,
    community_id: i64,
    on: NaiveDate,
    text: &str,
) -> Result<()> {
    let (now, uuid) = (now(), uuid::Uuid::new_v4().to_string());
    sqlx::query!(
        "INSERT INTO diary_entries (uuid, leader_id, community_id, written_on, text, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
        uuid,
        leader_id,
        community_id,
        on,
        text,
        now
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// A diary entry's leader and community, if it exists.
pub async fn diary_owner(conn: &mut SqliteConnection, id: i64) -> Result<(i64, i64)> {
    let r = sqlx::query!(r#"SELECT leader_id, community_id FROM diary_entries WHERE id = ?1"#, id)
        .fetch_optional(conn)
        .await?
        .ok_or_else(|| Error::NotFound("民情日记不存在或已删除".into()))?;
    Ok((r.leader_id, r.community_id))
}

pub async fn update_diary(conn: &mut SqliteConnection, id: i64, on: NaiveDate, text: &str) -> Result<()> {
    let now = now();
    sqlx::query!(
        "UPDATE diary_entries SET written_on = ?1, text = ?2, updated_at = ?3 WHERE id = ?4",
        on,
        text,
        now,
        id
    )
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn delete_diary(conn: &mut SqliteConnection, id: i64) -> Result<()> {
    sqlx::query!("DELETE FROM diary_entries WHERE id = ?1", id).execute(conn).await?;
    Ok(())
}

/// The start of the open assignment of a leader and a community, if there is one.
pub async fn open_since(conn: &mut SqliteConnection, leader_id: i64, community_id: i64) -> Result<Option<NaiveDate>> {
    Ok(sqlx::query_scalar!(
        r#"SELECT start_on AS "start_on: NaiveDate" FROM leader_communities
           WHERE leader_id = ?1 AND community_id = ?2 AND end_on IS NULL"#,
        leader_id,
        community_id
    )
    .fetch_optional(conn)
    .await?)
}

/// The latest visit of the pair after a day, if any (ending the pair before it is refused).
pub async fn visit_after(
    conn: &mut SqliteConnection,
    leader_id: i64,
    community_id: i64,
    day: NaiveDate,
) -> Result<Option<NaiveDate>> {
    Ok(sqlx::query_scalar!(
        r#"SELECT max(visited_on) AS "last?: NaiveDate" FROM leader_visits
           WHERE leader_id = ?1 AND community_id = ?2 AND deleted_at IS NULL AND visited_on > ?3"#,
        leader_id,
        community_id,
        day
    )
    .fetch_one(conn)
    .await?)
}

pub async fn end_open(conn: &mut SqliteConnection, leader_id: i64, community_id: i64, end_on: NaiveDate) -> Result<()> {
    let now = now();
    sqlx::query!(
        "UPDATE leader_communities SET end_on = ?1, updated_at = ?2 WHERE leader_id = ?3 AND community_id = ?4 AND end_on IS NULL",
        end_on,
        now,
        leader_id,
        community_id
    )
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn missing(
    conn: &mut SqliteConnection,
    under: Option<i64>,
    first: NaiveDate,
    last: NaiveDate,
) -> Result<Vec<MissingVisit>> {
    Ok(sqlx::query_as!(
        MissingVisit,
        r#"SELECT l.id AS "leader_id!", l.name AS leader_name, l.level AS "level: LeaderLevel", a.community_id, o.name AS community_name,
                  (SELECT max(v.visited_on) FROM leader_visits v WHERE v.leader_id = l.id AND v.community_id = a.community_id
                    AND v.deleted_at IS NULL AND v.visited_on < ?2) AS "last_visit?: NaiveDate"
           FROM leader_communities a
           JOIN contact_leaders l ON l.id = a.leader_id
           JOIN organizations o ON o.id = a.community_id
           WHERE l.deleted_at IS NULL AND a.start_on <= ?3 AND (a.end_on IS NULL OR a.end_on >= ?3)
             AND (?1 IS NULL OR o.id IN (SELECT org_id FROM org_subtree WHERE root_id = ?1))
             AND NOT EXISTS (SELECT 1 FROM leader_visits v WHERE v.leader_id = l.id AND v.community_id = a.community_id
                             AND v.deleted_at IS NULL AND v.visited_on BETWEEN ?2 AND ?3)
           ORDER BY l.level, l.id, o.path"#,
        under,
        first,
        last
    )
    .fetch_all(conn)
    .await?)
}

pub async fn diaries(
    conn: &mut SqliteConnection,
    under: Option<i64>,
    first: NaiveDate,
    last: NaiveDate,
) -> Result<Vec<DiaryEntry>> {
    Ok(sqlx::query_as!(
        DiaryEntry,
        r#"SELECT d.id AS "id!", l.name AS leader_name, o.name AS community_name, d.written_on AS "written_on: NaiveDate", d.text,
                  (SELECT COALESCE(max(id), 0) FROM change_log) AS "version!: i64"
           FROM diary_entries d JOIN contact_leaders l ON l.id = d.leader_id JOIN organizations o ON o.id = d.community_id
           WHERE d.written_on BETWEEN ?2 AND ?3 AND (?1 IS NULL OR o.id IN (SELECT org_id FROM org_subtree WHERE root_id = ?1))
           ORDER BY d.written_on DESC, d.id DESC"#,
        under,
        first,
        last
    )
    .fetch_all(conn)
    .await?)
}

/// Removes a visit and the difficulties raised in it (the caller checks none has moved on).
pub async fn delete_visit(conn: &mut SqliteConnection, id: i64) -> Result<()> {
    let now = now();
    sqlx::query!("DELETE FROM difficulties WHERE visit_id = ?1", id).execute(&mut *conn).await?;
    sqlx::query!("UPDATE leader_visits SET deleted_at = ?1, updated_at = ?1 WHERE id = ?2", now, id)
        .execute(conn)
        .await?;
    Ok(())
}

/// How many difficulties of a visit have moved past 待办.
pub async fn visit_progressed(conn: &mut SqliteConnection, id: i64) -> Result<i64> {
    Ok(sqlx::query_scalar!(
        r#"SELECT count(*) AS "n!: i64" FROM difficulties WHERE visit_id = ?1 AND status <> 'open'"#,
        id
    )
    .fetch_one(conn)
    .await?)
}
