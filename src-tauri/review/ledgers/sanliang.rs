//! The 三亮 ledgers: members on the roll with how they showed identity, the posts held, the
//! zones' lanes, buildings and households with the member answering for each, and the pledges
//! with their progress and appraisals — each counted by the rule its figure uses.

use chrono::{Datelike, NaiveDate};
use sqlx::SqliteConnection;

use super::sheet::{col, Cell, Column, Table};
use crate::common::catalog::{Category, Gender, MarkType, PostHow, PostKind, Rating, ZoneItemKind};
use crate::common::validate::{mask_id_number, mask_phone};
use crate::error::Result;
use crate::review::scope::Scope;

const MEMBERS: &[Column] = &[
    col("所在组织", 26.0),
    col("姓名", 9.0),
    col("性别", 5.0),
    col("民族", 7.0),
    col("出生日期", 11.0),
    col("入党日期", 11.0),
    col("党员类别", 14.0),
    col("身份证号", 20.0),
    col("联系电话", 13.0),
    col("亮身份方式", 30.0),
    col("亮身份日期", 11.0),
];

/// Members on the roll at `as_of`, as `members::per_org` counts them, with their marks shown by then.
pub async fn members(conn: &mut SqliteConnection, scope: &Scope, as_of: NaiveDate, unmasked: bool) -> Result<Table> {
    let mut rows = sqlx::query!(
        r#"SELECT m.org_id AS "org_id!: i64", m.name, m.gender AS "gender: Gender", m.ethnicity,
                  m.birth_date AS "birth_date: NaiveDate", m.joined_on AS "joined_on: NaiveDate",
                  m.category AS "category: Category", m.id_number, m.phone,
                  (SELECT group_concat(i.mark_type) FROM identity_marks i
                   WHERE i.member_id = m.id AND i.deleted_at IS NULL AND i.shown_on <= ?2) AS "marks?: String",
                  (SELECT min(i.shown_on) FROM identity_marks i
                   WHERE i.member_id = m.id AND i.deleted_at IS NULL AND i.shown_on <= ?2) AS "shown_on: NaiveDate"
           FROM members m
           WHERE m.deleted_at IS NULL AND m.org_id IN (SELECT value FROM json_each(?1))
             AND m.joined_on <= ?2 AND (m.status = 'active' OR m.status_date > ?2)
           ORDER BY m.sort_name, m.id"#,
        scope.ids,
        as_of
    )
    .fetch_all(&mut *conn)
    .await?;
    rows.sort_by_cached_key(|r| scope.order(r.org_id));
    let rows = rows
        .into_iter()
        .map(|m| {
            let id = m.id_number.unwrap_or_default();
            let marks = m.marks.unwrap_or_default();
            let marks: Vec<&str> =
                MarkType::ALL.iter().filter(|t| marks.split(',').any(|c| c == t.code())).map(|t| t.label()).collect();
            vec![
                Cell::text(scope.name(m.org_id)),
                Cell::Text(m.name),
                Cell::text(m.gender.label()),
                Cell::Text(m.ethnicity),
                Cell::Date(Some(m.birth_date)),
                Cell::Date(Some(m.joined_on)),
                Cell::text(m.category.label()),
                Cell::Text(if unmasked || id.is_empty() { id } else { mask_id_number(&id) }),
                Cell::Text(if unmasked { m.phone } else { mask_phone(&m.phone) }),
                Cell::Text(marks.join("、")),
                Cell::Date(m.shown_on),
            ]
        })
        .collect();
    Ok(Table { name: "党员亮身份", columns: MEMBERS, rows })
}

const POSTS: &[Column] = &[
    col("所在组织", 26.0),
    col("党员", 9.0),
    col("岗位", 18.0),
    col("岗位类别", 10.0),
    col("岗位职责", 40.0),
    col("定岗方式", 10.0),
    col("上岗日期", 11.0),
];

/// Posts held at `as_of` by members on the roll then, as the 认岗定责 figure counts them.
pub async fn posts(conn: &mut SqliteConnection, scope: &Scope, as_of: NaiveDate) -> Result<Table> {
    let mut rows = sqlx::query!(
        r#"SELECT m.org_id AS "org_id!: i64", m.name AS member, p.name AS post, p.kind AS "kind: PostKind",
                  p.duties, a.how AS "how: PostHow", a.start_on AS "start_on: NaiveDate"
           FROM post_assignments a JOIN posts p ON p.id = a.post_id JOIN members m ON m.id = a.member_id
           WHERE p.deleted_at IS NULL AND a.start_on <= ?2 AND (a.end_on IS NULL OR a.end_on > ?2)
             AND m.deleted_at IS NULL AND m.org_id IN (SELECT value FROM json_each(?1))
             AND m.joined_on <= ?2 AND (m.status = 'active' OR m.status_date > ?2)
           ORDER BY p.name, m.sort_name, a.id"#,
        scope.ids,
        as_of
    )
    .fetch_all(&mut *conn)
    .await?;
    rows.sort_by_cached_key(|r| scope.order(r.org_id));
    let rows = rows
        .into_iter()
        .map(|r| {
            vec![
                Cell::text(scope.name(r.org_id)),
                Cell::Text(r.member),
                Cell::Text(r.post),
                Cell::text(r.kind.label()),
                Cell::Text(r.duties),
                Cell::text(r.how.label()),
                Cell::Date(Some(r.start_on)),
            ]
        })
        .collect();
    Ok(Table { name: "认岗定责", columns: POSTS, rows })
}

const ZONES: &[Column] =
    &[col("社区", 26.0), col("责任区", 18.0), col("类别", 8.0), col("名称", 24.0), col("责任党员", 12.0)];
const UNCOVERED: &str = "未落实";

/// The zones' lanes, buildings and households and the member answering for each.
pub async fn zones(conn: &mut SqliteConnection, scope: &Scope) -> Result<Table> {
    let mut rows = sqlx::query!(
        r#"SELECT z.community_id AS "community_id!: i64", z.name AS zone, i.kind AS "kind: ZoneItemKind",
                  i.name AS item, m.name AS "member?"
           FROM zones z JOIN zone_items i ON i.zone_id = z.id AND i.deleted_at IS NULL
           LEFT JOIN members m ON m.id = i.member_id AND m.deleted_at IS NULL
           WHERE z.deleted_at IS NULL AND z.community_id IN (SELECT value FROM json_each(?1))
           ORDER BY z.name, i.kind, i.name"#,
        scope.ids
    )
    .fetch_all(&mut *conn)
    .await?;
    rows.sort_by_cached_key(|r| scope.order(r.community_id));
    let rows = rows
        .into_iter()
        .map(|r| {
            vec![
                Cell::text(scope.name(r.community_id)),
                Cell::Text(r.zone),
                Cell::text(r.kind.label()),
                Cell::Text(r.item),
                Cell::Text(r.member.unwrap_or_else(|| UNCOVERED.into())),
            ]
        })
        .collect();
    Ok(Table { name: "责任区", columns: ZONES, rows })
}

const PLEDGES: &[Column] = &[
    col("所在组织", 26.0),
    col("承诺主体", 16.0),
    col("年度", 6.0),
    col("状态", 8.0),
    col("承诺日期", 11.0),
    col("公示日期", 11.0),
    col("办结日期", 11.0),
    col("承诺事项", 8.0),
    col("已完成事项", 8.0),
    col("最新进展", 44.0),
    col("党组织评议", 10.0),
    col("党员评议", 10.0),
    col("群众评议", 10.0),
];

/// Where a pledge stands at the period's end, in the words of the page's chart.
fn standing(code: &str) -> &'static str {
    match code {
        "completed" => "已完成",
        "not_completed" => "未完成",
        "overdue" => "已逾期",
        "published" => "践诺中",
        _ => "未公示",
    }
}

/// Pledges of the period's years made by `as_of`, as `sanliang::pledges_per_org` counts them,
/// each standing as it did at `as_of` with the latest appraisal of each party by then.
pub async fn pledges(conn: &mut SqliteConnection, scope: &Scope, first: NaiveDate, as_of: NaiveDate) -> Result<Table> {
    let (from_year, to_year) = (first.year(), as_of.year());
    let mut rows = sqlx::query!(
        r#"SELECT coalesce(m.org_id, p.org_id) AS "org_id!: i64", m.name AS "member?", p.year AS "year!: i64",
                  CASE WHEN p.status = 'completed' AND p.closed_on <= ?2 THEN 'completed'
                       WHEN p.status = 'not_completed' AND p.closed_on <= ?2 THEN 'not_completed'
                       WHEN p.published_on <= ?2 AND EXISTS (SELECT 1 FROM pledge_items i WHERE i.pledge_id = p.id
                            AND i.deadline < ?2 AND (i.done_on IS NULL OR i.done_on > ?2)) THEN 'overdue'
                       WHEN p.published_on <= ?2 THEN 'published' ELSE 'draft' END AS "standing!: String",
                  p.pledged_on AS "pledged_on: NaiveDate",
                  CASE WHEN p.published_on <= ?2 THEN p.published_on END AS "published_on?: NaiveDate",
                  CASE WHEN p.closed_on <= ?2 THEN p.closed_on END AS "closed_on?: NaiveDate",
                  (SELECT count(*) FROM pledge_items i WHERE i.pledge_id = p.id) AS "items!: i64",
                  (SELECT count(*) FROM pledge_items i WHERE i.pledge_id = p.id AND i.done_on <= ?2) AS "done!: i64",
                  (SELECT g.entered_on || ' ' || g.text FROM pledge_progress g WHERE g.pledge_id = p.id AND g.entered_on <= ?2
                   ORDER BY g.entered_on DESC, g.id DESC LIMIT 1) AS "progress?: String",
                  (SELECT a.rating FROM pledge_appraisals a WHERE a.pledge_id = p.id AND a.appraiser = 'organization'
                   AND a.appraised_on <= ?2 ORDER BY a.appraised_on DESC, a.id DESC LIMIT 1) AS "by_org?: Rating",
                  (SELECT a.rating FROM pledge_appraisals a WHERE a.pledge_id = p.id AND a.appraiser = 'members'
                   AND a.appraised_on <= ?2 ORDER BY a.appraised_on DESC, a.id DESC LIMIT 1) AS "by_members?: Rating",
                  (SELECT a.rating FROM pledge_appraisals a WHERE a.pledge_id = p.id AND a.appraiser = 'residents'
                   AND a.appraised_on <= ?2 ORDER BY a.appraised_on DESC, a.id DESC LIMIT 1) AS "by_residents?: Rating"
           FROM pledges p LEFT JOIN members m ON m.id = p.member_id
           WHERE p.deleted_at IS NULL AND p.year BETWEEN ?3 AND ?4 AND p.pledged_on <= ?2
             AND (p.member_id IS NULL OR m.deleted_at IS NULL)
             AND coalesce(m.org_id, p.org_id) IN (SELECT value FROM json_each(?1))
           ORDER BY p.year, p.member_id IS NOT NULL, m.sort_name, p.id"#,
        scope.ids,
        as_of,
        from_year,
        to_year
    )
    .fetch_all(&mut *conn)
    .await?;
    rows.sort_by_cached_key(|r| scope.order(r.org_id));
    let rating = |r: Option<Rating>| Cell::text(r.map_or("", |r| r.label()));
    let rows = rows
        .into_iter()
        .map(|p| {
            let org = scope.name(p.org_id).to_owned();
            vec![
                Cell::text(org.clone()),
                Cell::Text(p.member.unwrap_or(org)),
                Cell::Int(p.year),
                Cell::text(standing(&p.standing)),
                Cell::Date(Some(p.pledged_on)),
                Cell::Date(p.published_on),
                Cell::Date(p.closed_on),
                Cell::Int(p.items),
                Cell::Int(p.done),
                Cell::Text(p.progress.unwrap_or_default()),
                rating(p.by_org),
                rating(p.by_members),
                rating(p.by_residents),
            ]
        })
        .collect();
    Ok(Table { name: "承诺践诺", columns: PLEDGES, rows })
}
