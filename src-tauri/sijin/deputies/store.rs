//! SQL for deputies, their community pairs, reception points, visits and suggestions.

use chrono::NaiveDate;
use sqlx::SqliteConnection;

use super::model::{Deputy, DeputyVisit, MissingDeputyVisit, ReceptionPoint, Suggestion};
use crate::common::catalog::DeputyRole;
use crate::error::{Error, Result};

use crate::db::now;

/// The roles stored as a comma-separated list of codes; a code this version does not know is
/// an error, never dropped.
fn roles_of(codes: &str) -> Result<Vec<DeputyRole>> {
    codes
        .split(',')
        .map(|code| {
            DeputyRole::from_code(code).ok_or_else(|| {
                Error::Storage(sqlx::Error::Decode(format!("unknown DeputyRole code {code:?} in the database").into()))
            })
        })
        .collect()
}

fn codes_of(roles: &[DeputyRole]) -> String {
    // In the catalog's order, each once.
    DeputyRole::ALL.iter().filter(|r| roles.contains(r)).map(|r| r.code()).collect::<Vec<_>>().join(",")
}

pub async fn insert(
    conn: &mut SqliteConnection,
    name: &str,
    roles: &[DeputyRole],
    work_unit: &str,
    phone: &str,
) -> Result<i64> {
    let (now, uuid, roles) = (now(), uuid::Uuid::new_v4().to_string(), codes_of(roles));
    Ok(sqlx::query_scalar!(
        r#"INSERT INTO deputies (uuid, name, roles, work_unit, phone, created_at, updated_at)
           VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6) RETURNING id AS "id!""#,
        uuid,
        name,
        roles,
        work_unit,
        phone,
        now
    )
    .fetch_one(conn)
    .await?)
}

pub async fn update(
    conn: &mut SqliteConnection,
    id: i64,
    name: &str,
    roles: &[DeputyRole],
    work_unit: &str,
    phone: &str,
) -> Result<()> {
    let (now, roles) = (now(), codes_of(roles));
    sqlx::query!(
        "UPDATE deputies SET name = ?1, roles = ?2, work_unit = ?3, phone = ?4, updated_at = ?5
         WHERE id = ?6 AND deleted_at IS NULL",
        name,
        roles,
        work_unit,
        phone,
        now,
        id
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// How many visits a deputy has on record.
pub async fn visit_count(conn: &mut SqliteConnection, id: i64) -> Result<i64> {
    Ok(sqlx::query_scalar!(
        r#"SELECT count(*) AS "n!: i64" FROM deputy_visits WHERE deputy_id = ?1 AND deleted_at IS NULL"#,
        id
    )
    .fetch_one(conn)
    .await?)
}

/// Soft-deletes a deputy entered by mistake, with the pairs never used.
pub async fn delete(conn: &mut SqliteConnection, id: i64) -> Result<()> {
    let now = now();
    sqlx::query!("DELETE FROM deputy_communities WHERE deputy_id = ?1", id).execute(&mut *conn).await?;
    sqlx::query!("UPDATE deputies SET deleted_at = ?1, updated_at = ?1 WHERE id = ?2", now, id).execute(conn).await?;
    Ok(())
}

pub async fn get(conn: &mut SqliteConnection, id: i64) -> Result<Deputy> {
    let r = sqlx::query!(
        r#"SELECT id AS "id!", name, roles, work_unit, phone, photo IS NOT NULL AS "has_photo!: bool",
                  (SELECT COALESCE(max(id), 0) FROM change_log) AS "version!: i64"
           FROM deputies WHERE id = ?1 AND deleted_at IS NULL"#,
        id
    )
    .fetch_optional(&mut *conn)
    .await?
    .ok_or_else(|| Error::NotFound("代表委员不存在或已删除".into()))?;
    let communities = sqlx::query!(
        r#"SELECT a.community_id AS "id!", o.name FROM deputy_communities a JOIN organizations o ON o.id = a.community_id
           WHERE a.deputy_id = ?1 AND a.end_on IS NULL ORDER BY o.path"#,
        id
    )
    .fetch_all(conn)
    .await?
    .into_iter()
    .map(|c| (c.id, c.name))
    .collect();
    Ok(Deputy {
        id: r.id,
        name: r.name,
        roles: roles_of(&r.roles)?,
        work_unit: r.work_unit,
        phone: r.phone,
        has_photo: r.has_photo,
        communities,
        version: r.version,
    })
}

pub async fn list(conn: &mut SqliteConnection, under: Option<i64>) -> Result<Vec<Deputy>> {
    let ids = sqlx::query_scalar!(
        r#"SELECT d.id AS "id!" FROM deputies d WHERE d.deleted_at IS NULL AND (?1 IS NULL OR EXISTS (
             SELECT 1 FROM deputy_communities a JOIN organizations o ON o.id = a.community_id
             WHERE a.deputy_id = d.id AND a.end_on IS NULL AND o.id IN (SELECT org_id FROM org_subtree WHERE root_id = ?1)))
           ORDER BY d.id"#,
        under
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        out.push(get(conn, id).await?);
    }
    Ok(out)
}

pub async fn insert_pair(
    conn: &mut SqliteConnection,
    deputy_id: i64,
    community_id: i64,
    start_on: NaiveDate,
) -> Result<()> {
    let (now, uuid) = (now(), uuid::Uuid::new_v4().to_string());
    sqlx::query!(
        "INSERT INTO deputy_communities (uuid, deputy_id, community_id, start_on, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
        uuid,
        deputy_id,
        community_id,
        start_on,
        now
    )
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn paired_on(conn: &mut SqliteConnection, deputy_id: i64, community_id: i64, day: NaiveDate) -> Result<bool> {
    Ok(sqlx::query_scalar!(
        r#"SELECT EXISTS (SELECT 1 FROM deputy_communities
             WHERE deputy_id = ?1 AND community_id = ?2 AND start_on <= ?3 AND (end_on IS NULL OR end_on >= ?3)) AS "ok!: bool""#,
        deputy_id,
        community_id,
        day
    )
    .fetch_one(conn)
    .await?)
}

pub async fn insert_reception(
    conn: &mut SqliteConnection,
    community_id: i64,
    place: &str,
    schedule: &str,
    deputies: &[i64],
) -> Result<i64> {
    let (now, uuid) = (now(), uuid::Uuid::new_v4().to_string());
    let on_duty = deputies.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
    Ok(sqlx::query_scalar!(
        r#"INSERT INTO reception_points (uuid, community_id, place, schedule, on_duty, created_at, updated_at)
           VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6) RETURNING id AS "id!""#,
        uuid,
        community_id,
        place,
        schedule,
        on_duty,
        now
    )
    .fetch_one(conn)
    .await?)
}

struct ReceptionRow {
    id: i64,
    community_id: i64,
    community_name: String,
    place: String,
    schedule: String,
    on_duty: String,
    version: i64,
}

async fn reception_of(conn: &mut SqliteConnection, r: ReceptionRow) -> Result<ReceptionPoint> {
    let (mut names, mut ids) = (Vec::new(), Vec::new());
    for id in r.on_duty.split(',').filter_map(|s| s.parse::<i64>().ok()) {
        // A deputy deleted since is no longer on duty.
        if let Ok(d) = get(conn, id).await {
            names.push(d.name);
            ids.push(id);
        }
    }
    Ok(ReceptionPoint {
        id: r.id,
        community_id: r.community_id,
        community_name: r.community_name,
        place: r.place,
        schedule: r.schedule,
        on_duty: names,
        on_duty_ids: ids,
        version: r.version,
    })
}

pub async fn reception(conn: &mut SqliteConnection, id: i64) -> Result<ReceptionPoint> {
    let r = sqlx::query_as!(
        ReceptionRow,
        r#"SELECT p.id AS "id!", p.community_id, o.name AS community_name, p.place, p.schedule, p.on_duty,
                  (SELECT COALESCE(max(id), 0) FROM change_log) AS "version!: i64"
           FROM reception_points p JOIN organizations o ON o.id = p.community_id
           WHERE p.id = ?1 AND p.deleted_at IS NULL"#,
        id
    )
    .fetch_optional(&mut *conn)
    .await?
    .ok_or_else(|| Error::NotFound("接待点不存在或已删除".into()))?;
    reception_of(conn, r).await
}

pub async fn update_reception(
    conn: &mut SqliteConnection,
    id: i64,
    community_id: i64,
    place: &str,
    schedule: &str,
    deputies: &[i64],
) -> Result<()> {
    let now = now();
    let on_duty = deputies.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
    sqlx::query!(
        "UPDATE reception_points SET community_id = ?1, place = ?2, schedule = ?3, on_duty = ?4, updated_at = ?5
         WHERE id = ?6",
        community_id,
        place,
        schedule,
        on_duty,
        now,
        id
    )
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn delete_reception(conn: &mut SqliteConnection, id: i64) -> Result<()> {
    let now = now();
    sqlx::query!("UPDATE reception_points SET deleted_at = ?1, updated_at = ?1 WHERE id = ?2", now, id)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn receptions(conn: &mut SqliteConnection, under: Option<i64>) -> Result<Vec<ReceptionPoint>> {
    let rows = sqlx::query_as!(
        ReceptionRow,
        r#"SELECT p.id AS "id!", p.community_id, o.name AS community_name, p.place, p.schedule, p.on_duty,
                  (SELECT COALESCE(max(id), 0) FROM change_log) AS "version!: i64"
           FROM reception_points p JOIN organizations o ON o.id = p.community_id
           WHERE p.deleted_at IS NULL AND (?1 IS NULL OR o.id IN (SELECT org_id FROM org_subtree WHERE root_id = ?1)) ORDER BY o.path, p.id"#,
        under
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        out.push(reception_of(conn, r).await?);
    }
    Ok(out)
}

pub async fn insert_visit(
    conn: &mut SqliteConnection,
    deputy_id: i64,
    community_id: i64,
    on: NaiveDate,
    notes: &str,
) -> Result<i64> {
    let (now, uuid) = (now(), uuid::Uuid::new_v4().to_string());
    Ok(sqlx::query_scalar!(
        r#"INSERT INTO deputy_visits (uuid, deputy_id, community_id, visited_on, notes, created_at, updated_at)
           VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6) RETURNING id AS "id!""#,
        uuid,
        deputy_id,
        community_id,
        on,
        notes,
        now
    )
    .fetch_one(conn)
    .await?)
}

pub async fn insert_suggestion(
    conn: &mut SqliteConnection,
    visit_id: i64,
    community_id: i64,
    raised_by: &str,
    content: &str,
    on: NaiveDate,
) -> Result<()> {
    let (now, uuid) = (now(), uuid::Uuid::new_v4().to_string());
    sqlx::query!(
        "INSERT INTO suggestions (uuid, visit_id, community_id, raised_by, content, raised_on, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
        uuid,
        visit_id,
        community_id,
        raised_by,
        content,
        on,
        now
    )
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn visit(conn: &mut SqliteConnection, id: i64) -> Result<DeputyVisit> {
    Ok(sqlx::query_as!(
        DeputyVisit,
        r#"SELECT v.id AS "id!", d.name AS deputy_name, o.name AS community_name, v.visited_on AS "visited_on: NaiveDate", v.notes,
                  (SELECT count(*) FROM suggestions s WHERE s.visit_id = v.id) AS "suggestions!: i64"
           FROM deputy_visits v JOIN deputies d ON d.id = v.deputy_id JOIN organizations o ON o.id = v.community_id
           WHERE v.id = ?1"#,
        id
    )
    .fetch_one(conn)
    .await?)
}

pub async fn visits(
    conn: &mut SqliteConnection,
    under: Option<i64>,
    first: NaiveDate,
    last: NaiveDate,
) -> Result<Vec<DeputyVisit>> {
    Ok(sqlx::query_as!(
        DeputyVisit,
        r#"SELECT v.id AS "id!", d.name AS deputy_name, o.name AS community_name, v.visited_on AS "visited_on: NaiveDate", v.notes,
                  (SELECT count(*) FROM suggestions s WHERE s.visit_id = v.id) AS "suggestions!: i64"
           FROM deputy_visits v JOIN deputies d ON d.id = v.deputy_id JOIN organizations o ON o.id = v.community_id
           WHERE v.deleted_at IS NULL AND v.visited_on BETWEEN ?2 AND ?3 AND (?1 IS NULL OR o.id IN (SELECT org_id FROM org_subtree WHERE root_id = ?1))
           ORDER BY v.visited_on DESC, v.id DESC"#,
        under,
        first,
        last
    )
    .fetch_all(conn)
    .await?)
}

pub async fn suggestion(conn: &mut SqliteConnection, id: i64) -> Result<Suggestion> {
    sqlx::query_as!(
        Suggestion,
        r#"SELECT s.id AS "id!", o.name AS community_name, d.name AS deputy_name, s.raised_by, s.content,
                  s.raised_on AS "raised_on: NaiveDate", s.replied_on AS "replied_on: NaiveDate", s.reply
           FROM suggestions s JOIN deputy_visits v ON v.id = s.visit_id JOIN deputies d ON d.id = v.deputy_id
           JOIN organizations o ON o.id = s.community_id WHERE s.id = ?1"#,
        id
    )
    .fetch_optional(conn)
    .await?
    .ok_or_else(|| Error::NotFound("这条意见建议不存在".into()))
}

pub async fn set_reply(conn: &mut SqliteConnection, id: i64, on: NaiveDate, reply: &str) -> Result<()> {
    let now = now();
    sqlx::query!(
        "UPDATE suggestions SET replied_on = ?1, reply = ?2, updated_at = ?3 WHERE id = ?4",
        on,
        reply,
        now,
        id
    )
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn open_suggestions(conn: &mut SqliteConnection, under: Option<i64>) -> Result<Vec<Suggestion>> {
    Ok(sqlx::query_as!(
        Suggestion,
        r#"SELECT s.id AS "id!", o.name AS community_name, d.name AS deputy_name, s.raised_by, s.content,
                  s.raised_on AS "raised_on: NaiveDate", s.replied_on AS "replied_on: NaiveDate", s.reply
           FROM suggestions s JOIN deputy_visits v ON v.id = s.visit_id JOIN deputies d ON d.id = v.deputy_id
           JOIN organizations o ON o.id = s.community_id
           WHERE s.replied_on IS NULL AND (?1 IS NULL OR o.id IN (SELECT org_id FROM org_subtree WHERE root_id = ?1))
           ORDER BY s.raised_on, s.id"#,
        under
    )
    .fetch_all(conn)
    .await?)
}

/// The start of the open pair of a deputy and a community, if there is one.
pub async fn open_since(conn: &mut SqliteConnection, deputy_id: i64, community_id: i64) -> Result<Option<NaiveDate>> {
    Ok(sqlx::query_scalar!(
        r#"SELECT start_on AS "start_on: NaiveDate" FROM deputy_communities
           WHERE deputy_id = ?1 AND community_id = ?2 AND end_on IS NULL"#,
        deputy_id,
        community_id
    )
    .fetch_optional(conn)
    .await?)
}

/// The latest visit of the pair after a day, if any (ending the pair before it is refused).
pub async fn visit_after(
    conn: &mut SqliteConnection,
    deputy_id: i64,
    community_id: i64,
    day: NaiveDate,
) -> Result<Option<NaiveDate>> {
    Ok(sqlx::query_scalar!(
        r#"SELECT max(visited_on) AS "last?: NaiveDate" FROM deputy_visits
           WHERE deputy_id = ?1 AND community_id = ?2 AND deleted_at IS NULL AND visited_on > ?3"#,
        deputy_id,
        community_id,
        day
    )
    .fetch_one(conn)
    .await?)
}

pub async fn end_open(conn: &mut SqliteConnection, deputy_id: i64, community_id: i64, end_on: NaiveDate) -> Result<()> {
    let now = now();
    sqlx::query!(
        "UPDATE deputy_communities SET end_on = ?1, updated_at = ?2 WHERE deputy_id = ?3 AND community_id = ?4 AND end_on IS NULL",
        end_on,
        now,
        deputy_id,
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
) -> Result<Vec<MissingDeputyVisit>> {
    Ok(sqlx::query_as!(
        MissingDeputyVisit,
        r#"SELECT d.id AS "deputy_id!", d.name AS deputy_name, a.community_id, o.name AS community_name,
                  (SELECT max(v.visited_on) FROM deputy_visits v WHERE v.deputy_id = d.id AND v.community_id = a.community_id
                    AND v.deleted_at IS NULL AND v.visited_on < ?2) AS "last_visit?: NaiveDate"
           FROM deputy_communities a JOIN deputies d ON d.id = a.deputy_id JOIN organizations o ON o.id = a.community_id
           WHERE d.deleted_at IS NULL AND a.start_on <= ?3 AND (a.end_on IS NULL OR a.end_on >= ?3)
             AND (?1 IS NULL OR o.id IN (SELECT org_id FROM org_subtree WHERE root_id = ?1))
             AND NOT EXISTS (SELECT 1 FROM deputy_visits v WHERE v.deputy_id = d.id AND v.community_id = a.community_id
                             AND v.deleted_at IS NULL AND v.visited_on BETWEEN ?2 AND ?3)
           ORDER BY d.id, o.path"#,
        under,
        first,
        last
    )
    .fetch_all(conn)
    .await?)
}

/// Removes a visit and its suggestions (the caller checks none has been answered).
pub async fn delete_visit(conn: &mut SqliteConnection, id: i64) -> Result<()> {
    let now = now();
    sqlx::query!("DELETE FROM suggestions WHERE visit_id = ?1", id).execute(&mut *conn).await?;
    sqlx::query!("UPDATE deputy_visits SET deleted_at = ?1, updated_at = ?1 WHERE id = ?2", now, id)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn visit_answered(conn: &mut SqliteConnection, id: i64) -> Result<i64> {
    Ok(sqlx::query_scalar!(
        r#"SELECT count(*) AS "n!: i64" FROM suggestions WHERE visit_id = ?1 AND replied_on IS NOT NULL"#,
        id
    )
    .fetch_one(conn)
    .await?)
}
