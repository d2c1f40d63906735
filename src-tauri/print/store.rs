//! SQL that gathers what the print items show, in a few batched queries (a county's 3,560
//! cards must not cost 3,560 round trips).

use chrono::NaiveDate;
use sqlx::SqliteConnection;

use crate::common::catalog::{Category, OrgKind, PostKind, ZoneItemKind};
use crate::error::Result;

pub struct MemberPrintRow {
    pub id: i64,
    pub name: String,
    pub category: Category,
    pub phone: String,
    pub photo: Option<String>,
    pub org_name: String,
    pub org_kind: OrgKind,
    pub parent_name: Option<String>,
    pub post_name: Option<String>,
    pub post_kind: Option<PostKind>,
    pub post_duties: Option<String>,
}

/// Members on the roll in a subtree (optionally one category, optionally only the given ids),
/// in organization order then by name's pinyin, with their organization and current post; the
/// first `limit` of them (all when negative).
pub async fn members(
    conn: &mut SqliteConnection,
    under: Option<i64>,
    category: Option<&str>,
    ids_json: Option<&str>,
    limit: i64,
) -> Result<Vec<MemberPrintRow>> {
    Ok(sqlx::query_as!(
        MemberPrintRow,
        r#"SELECT m.id AS "id!", m.name, m.category AS "category: Category", m.phone, m.photo,
                  o.name AS org_name, o.kind AS "org_kind: OrgKind", parent.name AS "parent_name?",
                  p.name AS "post_name?", p.kind AS "post_kind?: PostKind", p.duties AS "post_duties?"
           FROM members m
           JOIN organizations o ON o.id = m.org_id
           LEFT JOIN organizations parent ON parent.id = o.parent_id
           LEFT JOIN post_assignments a ON a.member_id = m.id AND a.end_on IS NULL
           LEFT JOIN posts p ON p.id = a.post_id AND p.deleted_at IS NULL
           WHERE m.deleted_at IS NULL AND m.status = 'active'
             AND (?1 IS NULL OR o.id IN (SELECT org_id FROM org_subtree WHERE root_id = ?1))
             AND (?2 IS NULL OR m.category = ?2)
             AND (?3 IS NULL OR m.id IN (SELECT value FROM json_each(?3)))
           ORDER BY o.path, m.sort_name, m.id
           LIMIT ?4"#,
        under,
        category,
        ids_json,
        limit
    )
    .fetch_all(conn)
    .await?)
}

pub struct PledgeItemRow {
    pub member_id: i64,
    pub content: String,
    pub deadline: Option<NaiveDate>,
}

/// The items of the given members' pledges for a year, in order; `published_only` leaves
/// drafts out.
pub async fn member_pledge_items(
    conn: &mut SqliteConnection,
    member_ids_json: &str,
    year: i32,
    published_only: bool,
) -> Result<Vec<PledgeItemRow>> {
    Ok(sqlx::query_as!(
        PledgeItemRow,
        r#"SELECT p.member_id AS "member_id!", i.content, i.deadline AS "deadline: NaiveDate"
           FROM json_each(?1) chosen
           JOIN pledges p ON p.member_id = chosen.value
           JOIN pledge_items i ON i.pledge_id = p.id
           WHERE p.deleted_at IS NULL AND p.year = ?2 AND (NOT ?3 OR p.status != 'draft')
           ORDER BY p.member_id, i.seq"#,
        member_ids_json,
        year,
        published_only
    )
    .fetch_all(conn)
    .await?)
}

pub struct ZonePrintRow {
    pub zone_id: i64,
    pub zone_name: String,
    pub community_name: String,
    pub kind: ZoneItemKind,
    pub item_name: String,
    pub member_name: Option<String>,
    pub member_phone: Option<String>,
}

/// Zones in a subtree (or the given ones) with their items and who covers each.
pub async fn zones(
    conn: &mut SqliteConnection,
    under: Option<i64>,
    ids_json: Option<&str>,
) -> Result<Vec<ZonePrintRow>> {
    Ok(sqlx::query_as!(
        ZonePrintRow,
        r#"SELECT z.id AS "zone_id!", z.name AS zone_name, o.name AS community_name, i.kind AS "kind: ZoneItemKind", i.name AS item_name,
                  m.name AS "member_name?", m.phone AS "member_phone?"
           FROM zones z
           JOIN organizations o ON o.id = z.community_id
           JOIN zone_items i ON i.zone_id = z.id AND i.deleted_at IS NULL
           LEFT JOIN members m ON m.id = i.member_id AND m.deleted_at IS NULL AND m.status = 'active'
           WHERE z.deleted_at IS NULL
             AND (?1 IS NULL OR o.id IN (SELECT org_id FROM org_subtree WHERE root_id = ?1))
             AND (?2 IS NULL OR z.id IN (SELECT value FROM json_each(?2)))
           ORDER BY o.path, z.id, i.kind, i.id"#,
        under,
        ids_json
    )
    .fetch_all(conn)
    .await?)
}

pub struct DeputyPassRow {
    pub name: String,
    pub photo: Option<String>,
    pub roles: String,
    pub communities: String,
}

/// Deputies paired now with a community under `under` (all for `None`), each with every
/// community they are paired with now, in the tree's order.
pub async fn deputy_passes(conn: &mut SqliteConnection, under: Option<i64>) -> Result<Vec<DeputyPassRow>> {
    Ok(sqlx::query_as!(
        DeputyPassRow,
        r#"SELECT d.name, d.photo, d.roles,
                  (SELECT group_concat(name, '、') FROM (SELECT c.name FROM deputy_communities dc
                       JOIN organizations c ON c.id = dc.community_id
                       WHERE dc.deputy_id = d.id AND dc.end_on IS NULL ORDER BY c.path, c.sort_order, c.id)) AS "communities!: String"
           FROM deputies d
           WHERE d.deleted_at IS NULL AND EXISTS (SELECT 1 FROM deputy_communities dc WHERE dc.deputy_id = d.id AND dc.end_on IS NULL
                 AND (?1 IS NULL OR dc.community_id IN (SELECT org_id FROM org_subtree WHERE root_id = ?1)))
           ORDER BY d.id"#,
        under
    )
    .fetch_all(conn)
    .await?)
}
