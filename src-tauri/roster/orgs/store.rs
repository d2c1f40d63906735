//! SQL for the `organizations` table.

use sqlx::SqliteConnection;

use super::model::Organization;
use crate::common::catalog::{OrgKind, UnitKind};
use crate::error::{Error, Result};

use crate::db::now;

pub async fn get(conn: &mut SqliteConnection, id: i64) -> Result<Organization> {
    let row = sqlx::query_as!(
        Organization,
        r#"SELECT id AS "id!", uuid, parent_id, kind AS "kind: OrgKind", unit_kind AS "unit_kind: UnitKind", stationed_in, name, path
           FROM organizations WHERE id = ?1 AND deleted_at IS NULL"#,
        id
    )
    .fetch_optional(conn)
    .await?;
    row.ok_or_else(|| Error::NotFound("组织不存在或已删除".into()))
}

pub async fn list(conn: &mut SqliteConnection) -> Result<Vec<Organization>> {
    let rows = sqlx::query_as!(
        Organization,
        r#"SELECT id AS "id!", uuid, parent_id, kind AS "kind: OrgKind", unit_kind AS "unit_kind: UnitKind", stationed_in, name, path
           FROM organizations WHERE deleted_at IS NULL
           ORDER BY CASE kind WHEN 'county' THEN 0 WHEN 'township' THEN 1 WHEN 'community' THEN 2
                              WHEN 'branch' THEN 3 ELSE 4 END, sort_order, id"#
    )
    .fetch_all(conn)
    .await?;
    Ok(rows)
}

pub async fn sibling_with_name(
    conn: &mut SqliteConnection,
    parent_id: Option<i64>,
    name: &str,
    except: Option<i64>,
) -> Result<Option<i64>> {
    let id = sqlx::query_scalar!(
        r#"SELECT id AS "id!" FROM organizations
           WHERE parent_id IS ?1 AND name = ?2 AND deleted_at IS NULL AND id IS NOT ?3"#,
        parent_id,
        name,
        except
    )
    .fetch_optional(conn)
    .await?;
    Ok(id)
}

pub async fn insert(
    conn: &mut SqliteConnection,
    parent: Option<&Organization>,
    kind: OrgKind,
    unit_kind: Option<UnitKind>,
    stationed_in: Option<i64>,
    name: &str,
) -> Result<i64> {
    let uuid = uuid::Uuid::new_v4().to_string();
    let now = now();
    let parent_id = parent.map(|p| p.id);
    let kind = kind.code();
    let unit_kind = unit_kind.map(UnitKind::code);
    let id = sqlx::query_scalar!(
        r#"INSERT INTO organizations (uuid, parent_id, kind, unit_kind, stationed_in, name, path, sort_order, created_at, updated_at)
           VALUES (?1, ?2, ?3, ?4, ?5, ?6, '', (SELECT coalesce(max(sort_order), 0) + 1 FROM organizations WHERE parent_id IS ?2), ?7, ?7)
           RETURNING id AS "id!""#,
        uuid,
        parent_id,
        kind,
        unit_kind,
        stationed_in,
        name,
        now
    )
    .fetch_one(&mut *conn)
    .await?;
    let path = format!("{}{id}/", parent.map_or("/", |p| p.path.as_str()));
    sqlx::query!("UPDATE organizations SET path = ?1 WHERE id = ?2", path, id).execute(&mut *conn).await?;
    Ok(id)
}

pub async fn rename(conn: &mut SqliteConnection, id: i64, name: &str) -> Result<()> {
    let now = now();
    sqlx::query!("UPDATE organizations SET name = ?1, updated_at = ?2 WHERE id = ?3", name, now, id)
        .execute(conn)
        .await?;
    Ok(())
}

/// Gives `id` a new parent and rewrites the path prefix of its whole subtree.
pub async fn reparent(
    conn: &mut SqliteConnection,
    id: i64,
    parent_id: i64,
    old_path: &str,
    new_path: &str,
) -> Result<()> {
    let now = now();
    sqlx::query!("UPDATE organizations SET parent_id = ?1, updated_at = ?2 WHERE id = ?3", parent_id, now, id)
        .execute(&mut *conn)
        .await?;
    let old_len = i64::try_from(old_path.len()).unwrap_or(i64::MAX);
    sqlx::query!(
        "UPDATE organizations SET path = ?1 || substr(path, ?2 + 1) WHERE substr(path, 1, ?2) = ?3",
        new_path,
        old_len,
        old_path
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}

pub async fn count_children(conn: &mut SqliteConnection, id: i64) -> Result<i64> {
    Ok(sqlx::query_scalar!(
        r#"SELECT count(*) AS "n!: i64" FROM organizations WHERE parent_id = ?1 AND deleted_at IS NULL"#,
        id
    )
    .fetch_one(conn)
    .await?)
}

pub async fn count_members(conn: &mut SqliteConnection, id: i64) -> Result<i64> {
    Ok(sqlx::query_scalar!(r#"SELECT count(*) AS "n!: i64" FROM members WHERE org_id = ?1 AND deleted_at IS NULL"#, id)
        .fetch_one(conn)
        .await?)
}

pub async fn soft_delete(conn: &mut SqliteConnection, id: i64) -> Result<()> {
    let now = now();
    sqlx::query!("UPDATE organizations SET deleted_at = ?1, updated_at = ?1 WHERE id = ?2", now, id)
        .execute(conn)
        .await?;
    Ok(())
}

/// Members on the roll per organization (direct, not subtree).
pub async fn active_member_counts(conn: &mut SqliteConnection) -> Result<Vec<(i64, i64)>> {
    let rows = sqlx::query!(
        r#"SELECT org_id AS "org_id!", count(*) AS "n!: i64" FROM members
           WHERE deleted_at IS NULL AND status = 'active' GROUP BY org_id"#
    )
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(|r| (r.org_id, r.n)).collect())
}

/// Whether any organization is live (an empty database offers the demo data).
pub async fn any(conn: &mut SqliteConnection) -> Result<bool> {
    let any =
        sqlx::query_scalar!(r#"SELECT EXISTS (SELECT 1 FROM organizations WHERE deleted_at IS NULL) AS "any!: bool""#)
            .fetch_one(conn)
            .await?;
    Ok(any)
}

/// Counts of live organizations per kind code.
pub async fn count_by_kind(conn: &mut SqliteConnection) -> Result<Vec<(String, i64)>> {
    let rows =
        sqlx::query!(r#"SELECT kind, count(*) AS "n!: i64" FROM organizations WHERE deleted_at IS NULL GROUP BY kind"#)
            .fetch_all(conn)
            .await?;
    Ok(rows.into_iter().map(|r| (r.kind, r.n)).collect())
}

/// The scope a subtree filter needs: none when `org_id` is none or the root of every
/// organization (the whole county), so county-wide lists skip the per-row subtree test.
pub async fn narrowing(conn: &mut SqliteConnection, org_id: Option<i64>) -> Result<Option<i64>> {
    let Some(id) = org_id else { return Ok(None) };
    let everything: Option<bool> = sqlx::query_scalar(
        "SELECT NOT EXISTS (SELECT 1 FROM organizations o WHERE substr(o.path, 1, length(r.path)) <> r.path)
         FROM organizations r WHERE r.id = ?1",
    )
    .bind(id)
    .fetch_optional(conn)
    .await?;
    Ok(if everything == Some(true) { None } else { Some(id) })
}
