//! SQL for the `zones` and `zone_items` tables.

use sqlx::SqliteConnection;

use super::model::{Zone, ZoneItem};
use crate::common::catalog::ZoneItemKind;
use crate::error::{Error, Result};

use crate::db::now;

struct ZoneRow {
    id: i64,
    community_id: i64,
    community_name: String,
    name: String,
    items: i64,
    covered: i64,
    members: Option<String>,
}

fn zone_of(r: ZoneRow) -> Zone {
    Zone {
        id: r.id,
        community_id: r.community_id,
        community_name: r.community_name,
        name: r.name,
        items: r.items,
        covered: r.covered,
        // Names cannot contain commas (see validate::check_name), so the list splits cleanly.
        members: r.members.map(|m| m.split(',').map(str::to_owned).collect()).unwrap_or_default(),
    }
}

/// Zones under an organization (all when `None`), or only the zone `only`, with their figures.
async fn rows(conn: &mut SqliteConnection, under: Option<i64>, only: Option<i64>) -> Result<Vec<Zone>> {
    let rows = sqlx::query_as!(
        ZoneRow,
        r#"SELECT z.id AS "id!", z.community_id, o.name AS community_name, z.name,
                  (SELECT count(*) FROM zone_items i WHERE i.zone_id = z.id AND i.deleted_at IS NULL) AS "items!: i64",
                  (SELECT count(*) FROM zone_items i WHERE i.zone_id = z.id AND i.deleted_at IS NULL AND i.member_id IS NOT NULL) AS "covered!: i64",
                  (SELECT group_concat(DISTINCT m.name) FROM zone_items i JOIN members m ON m.id = i.member_id
                    WHERE i.zone_id = z.id AND i.deleted_at IS NULL) AS "members?: String"
           FROM zones z JOIN organizations o ON o.id = z.community_id
           WHERE z.deleted_at IS NULL AND (?1 IS NULL OR o.id IN (SELECT org_id FROM org_subtree WHERE root_id = ?1))
             AND (?2 IS NULL OR z.id = ?2)
           ORDER BY o.path, z.id"#,
        under,
        only
    )
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(zone_of).collect())
}

pub async fn zone(conn: &mut SqliteConnection, id: i64) -> Result<Zone> {
    rows(conn, None, Some(id)).await?.pop().ok_or_else(|| Error::NotFound("责任区不存在或已删除".into()))
}

pub async fn zones(conn: &mut SqliteConnection, under: Option<i64>) -> Result<Vec<Zone>> {
    rows(conn, under, None).await
}

pub async fn zone_named(conn: &mut SqliteConnection, community_id: i64, name: &str) -> Result<Option<i64>> {
    Ok(sqlx::query_scalar!(
        r#"SELECT id AS "id!" FROM zones WHERE community_id = ?1 AND name = ?2 AND deleted_at IS NULL"#,
        community_id,
        name
    )
    .fetch_optional(conn)
    .await?)
}

pub async fn insert_zone(conn: &mut SqliteConnection, uuid: &str, community_id: i64, name: &str) -> Result<i64> {
    let now = now();
    Ok(sqlx::query_scalar!(
        r#"INSERT INTO zones (uuid, community_id, name, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)
           RETURNING id AS "id!""#,
        uuid,
        community_id,
        name,
        now
    )
    .fetch_one(conn)
    .await?)
}

pub async fn item_named(
    conn: &mut SqliteConnection,
    zone_id: i64,
    kind: ZoneItemKind,
    name: &str,
) -> Result<Option<i64>> {
    let kind = kind.code();
    Ok(sqlx::query_scalar!(
        r#"SELECT id AS "id!" FROM zone_items WHERE zone_id = ?1 AND kind = ?2 AND name = ?3 AND deleted_at IS NULL"#,
        zone_id,
        kind,
        name
    )
    .fetch_optional(conn)
    .await?)
}

pub async fn insert_item(
    conn: &mut SqliteConnection,
    uuid: &str,
    zone_id: i64,
    kind: ZoneItemKind,
    name: &str,
) -> Result<i64> {
    let (now, kind) = (now(), kind.code());
    Ok(sqlx::query_scalar!(
        r#"INSERT INTO zone_items (uuid, zone_id, kind, name, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)
           RETURNING id AS "id!""#,
        uuid,
        zone_id,
        kind,
        name,
        now
    )
    .fetch_one(conn)
    .await?)
}

pub async fn item(conn: &mut SqliteConnection, id: i64) -> Result<ZoneItem> {
    let r = sqlx::query_as!(
        ZoneItem,
        r#"SELECT i.id AS "id!", i.zone_id, z.name AS zone_name, i.kind AS "kind: ZoneItemKind", i.name, i.member_id, m.name AS "member_name?"
           FROM zone_items i JOIN zones z ON z.id = i.zone_id LEFT JOIN members m ON m.id = i.member_id
           WHERE i.id = ?1 AND i.deleted_at IS NULL"#,
        id
    )
    .fetch_optional(conn)
    .await?
    .ok_or_else(|| Error::NotFound("责任区中的这一处不存在或已删除".into()))?;
    Ok(r)
}

pub async fn items_by_ids(conn: &mut SqliteConnection, ids: &[i64]) -> Result<Vec<ZoneItem>> {
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        out.push(item(conn, *id).await?);
    }
    Ok(out)
}

/// Items of one zone, or under a subtree; optionally only those nobody covers.
pub async fn items(
    conn: &mut SqliteConnection,
    zone_id: Option<i64>,
    under: Option<i64>,
    only_uncovered: bool,
) -> Result<Vec<ZoneItem>> {
    let rows = sqlx::query_as!(
        ZoneItem,
        r#"SELECT i.id AS "id!", i.zone_id, z.name AS zone_name, i.kind AS "kind: ZoneItemKind", i.name, i.member_id, m.name AS "member_name?"
           FROM zone_items i JOIN zones z ON z.id = i.zone_id JOIN organizations o ON o.id = z.community_id
           LEFT JOIN members m ON m.id = i.member_id
           WHERE i.deleted_at IS NULL AND z.deleted_at IS NULL
             AND (?1 IS NULL OR i.zone_id = ?1)
             AND (?2 IS NULL OR o.id IN (SELECT org_id FROM org_subtree WHERE root_id = ?2))
             AND (NOT ?3 OR i.member_id IS NULL)
           ORDER BY o.path, z.id, i.kind, i.id"#,
        zone_id,
        under,
        only_uncovered
    )
    .fetch_all(conn)
    .await?;
    Ok(rows)
}

/// The items a member covers.
pub async fn member_items(conn: &mut SqliteConnection, member_id: i64) -> Result<Vec<ZoneItem>> {
    let rows = sqlx::query_as!(
        ZoneItem,
        r#"SELECT i.id AS "id!", i.zone_id, z.name AS zone_name, i.kind AS "kind: ZoneItemKind", i.name, i.member_id, m.name AS "member_name?"
           FROM zone_items i JOIN zones z ON z.id = i.zone_id LEFT JOIN members m ON m.id = i.member_id
           WHERE i.member_id = ?1 AND i.deleted_at IS NULL AND z.deleted_at IS NULL
           ORDER BY z.id, i.kind, i.id"#,
        member_id
    )
    .fetch_all(conn)
    .await?;
    Ok(rows)
}

/// Gives an uncovered item to a member; false if someone covers it already. The condition in
/// the UPDATE makes "exactly one member per item" hold even against a concurrent writer.
pub async fn cover_if_free(conn: &mut SqliteConnection, item_id: i64, member_id: i64) -> Result<bool> {
    let now = now();
    let done = sqlx::query!(
        "UPDATE zone_items SET member_id = ?1, updated_at = ?2 WHERE id = ?3 AND member_id IS NULL AND deleted_at IS NULL",
        member_id,
        now,
        item_id
    )
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn release(conn: &mut SqliteConnection, item_id: i64) -> Result<()> {
    let now = now();
    sqlx::query!("UPDATE zone_items SET member_id = NULL, updated_at = ?1 WHERE id = ?2", now, item_id)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn rename_zone(conn: &mut SqliteConnection, id: i64, name: &str) -> Result<()> {
    let now = now();
    sqlx::query!("UPDATE zones SET name = ?1, updated_at = ?2 WHERE id = ?3 AND deleted_at IS NULL", name, now, id)
        .execute(conn)
        .await?;
    Ok(())
}

/// Soft-deletes a zone and its items; returns how many items went with it.
pub async fn delete_zone(conn: &mut SqliteConnection, id: i64) -> Result<u64> {
    let now = now();
    let items = sqlx::query!(
        "UPDATE zone_items SET deleted_at = ?1, updated_at = ?1 WHERE zone_id = ?2 AND deleted_at IS NULL",
        now,
        id
    )
    .execute(&mut *conn)
    .await?
    .rows_affected();
    sqlx::query!("UPDATE zones SET deleted_at = ?1, updated_at = ?1 WHERE id = ?2 AND deleted_at IS NULL", now, id)
        .execute(conn)
        .await?;
    Ok(items)
}

pub async fn rename_item(conn: &mut SqliteConnection, id: i64, name: &str) -> Result<()> {
    let now = now();
    sqlx::query!(
        "UPDATE zone_items SET name = ?1, updated_at = ?2 WHERE id = ?3 AND deleted_at IS NULL",
        name,
        now,
        id
    )
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn delete_item(conn: &mut SqliteConnection, id: i64) -> Result<()> {
    let now = now();
    sqlx::query!(
        "UPDATE zone_items SET deleted_at = ?1, updated_at = ?1 WHERE id = ?2 AND deleted_at IS NULL",
        now,
        id
    )
    .execute(conn)
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use sqlx::SqlitePool;

    use super::*;
    use crate::common::catalog::OrgKind;
    use crate::roster::members::{example_input, validate};
    use crate::roster::{members::store as members, orgs::store as orgs};

    #[sqlx::test]
    async fn an_item_is_covered_by_at_most_one_member(pool: SqlitePool) {
        let conn = &mut *pool.acquire().await.unwrap();
        let county = orgs::insert(conn, None, OrgKind::County, None, None, "县").await.unwrap();
        let county = orgs::get(conn, county).await.unwrap();
        let town = orgs::insert(conn, Some(&county), OrgKind::Township, None, None, "街道").await.unwrap();
        let town = orgs::get(conn, town).await.unwrap();
        let community = orgs::insert(conn, Some(&town), OrgKind::Community, None, None, "社区").await.unwrap();
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        let a = members::insert(conn, "a", &validate(&example_input(community), today).unwrap()).await.unwrap();
        let mut other = example_input(community);
        other.name = "李四".into();
        other.id_number.clear();
        let b = members::insert(conn, "b", &validate(&other, today).unwrap()).await.unwrap();
        let zone = insert_zone(conn, "z", community, "第一责任区").await.unwrap();
        let lane = insert_item(conn, "i", zone, ZoneItemKind::Lane, "湖滨巷").await.unwrap();

        assert!(cover_if_free(conn, lane, a).await.unwrap());
        assert!(!cover_if_free(conn, lane, b).await.unwrap(), "a second member cannot take a covered item");
        assert_eq!(item(conn, lane).await.unwrap().member_id, Some(a));
        release(conn, lane).await.unwrap();
        assert!(cover_if_free(conn, lane, b).await.unwrap());
        // The same lane cannot be listed twice in a zone.
        let twice = insert_item(conn, "j", zone, ZoneItemKind::Lane, "湖滨巷").await.unwrap_err();
        assert!(matches!(&twice, Error::Storage(sqlx::Error::Database(d)) if d.is_unique_violation()), "{twice:?}");
    }
}
