//! The 四进 ledgers: unit pairings in force and the support given, contact leaders' visits and
//! the difficulties handled, deputies' visits and suggestions, and volunteer activities — each
//! scoped and dated by the rule its figure uses.

use chrono::NaiveDate;
use sqlx::SqliteConnection;

use super::sheet::{col, Cell, Column, Table};
use crate::common::catalog::{DeputyRole, DifficultyStatus, LeaderLevel, SupportKind, VisitKind};
use crate::error::Result;
use crate::review::scope::Scope;

const PAIRINGS: &[Column] = &[
    col("社区", 26.0),
    col("共建单位", 24.0),
    col("结对日期", 11.0),
    col("协议签订日期", 11.0),
    col("协议有效期至", 11.0),
    col("本期支持次数", 9.0),
    col("本期资金（元）", 14.0),
];

/// Unit pairings in force at `as_of`, with the support each gave within the period.
pub async fn pairings(conn: &mut SqliteConnection, scope: &Scope, first: NaiveDate, as_of: NaiveDate) -> Result<Table> {
    let mut rows = sqlx::query!(
        r#"SELECT p.community_id AS "community_id!: i64", u.name AS unit, p.start_on AS "start_on: NaiveDate",
                  p.signed_on AS "signed_on?: NaiveDate", p.agreement_until AS "until?: NaiveDate",
                  (SELECT count(*) FROM support_records s WHERE s.pairing_id = p.id AND s.deleted_at IS NULL
                   AND s.given_on BETWEEN ?3 AND ?2) AS "support!: i64",
                  (SELECT coalesce(sum(s.amount_fen), 0) FROM support_records s WHERE s.pairing_id = p.id
                   AND s.deleted_at IS NULL AND s.given_on BETWEEN ?3 AND ?2) AS "fen!: i64"
           FROM pairings p JOIN organizations u ON u.id = p.unit_id
           WHERE p.deleted_at IS NULL AND p.start_on <= ?2 AND (p.end_on IS NULL OR p.end_on >= ?2)
             AND p.community_id IN (SELECT value FROM json_each(?1))
           ORDER BY p.start_on, p.id"#,
        scope.ids,
        as_of,
        first
    )
    .fetch_all(&mut *conn)
    .await?;
    rows.sort_by_cached_key(|r| scope.order(r.community_id));
    let rows = rows
        .into_iter()
        .map(|r| {
            vec![
                Cell::text(scope.name(r.community_id)),
                Cell::Text(r.unit),
                Cell::Date(Some(r.start_on)),
                Cell::Date(r.signed_on),
                Cell::Date(r.until),
                Cell::Int(r.support),
                Cell::Yuan(r.fen),
            ]
        })
        .collect();
    Ok(Table { name: "结对共建", columns: PAIRINGS, rows })
}

const SUPPORT: &[Column] = &[
    col("日期", 11.0),
    col("社区", 26.0),
    col("共建单位", 24.0),
    col("类别", 7.0),
    col("内容", 40.0),
    col("金额（元）", 14.0),
];

/// Support given within the period by the units paired with the subtree's communities.
pub async fn support(conn: &mut SqliteConnection, scope: &Scope, first: NaiveDate, as_of: NaiveDate) -> Result<Table> {
    let rows = sqlx::query!(
        r#"SELECT s.given_on AS "given_on: NaiveDate", q.community_id AS "community_id!: i64", u.name AS unit,
                  s.kind AS "kind: SupportKind", s.description, s.amount_fen
           FROM support_records s JOIN pairings q ON q.id = s.pairing_id JOIN organizations u ON u.id = q.unit_id
           WHERE s.deleted_at IS NULL AND q.deleted_at IS NULL AND s.given_on BETWEEN ?2 AND ?3
             AND q.community_id IN (SELECT value FROM json_each(?1))
           ORDER BY s.given_on, s.id"#,
        scope.ids,
        first,
        as_of
    )
    .fetch_all(&mut *conn)
    .await?;
    let rows = rows
        .into_iter()
        .map(|r| {
            vec![
                Cell::Date(Some(r.given_on)),
                Cell::text(scope.name(r.community_id)),
                Cell::Text(r.unit),
                Cell::text(r.kind.label()),
                Cell::Text(r.description),
                r.amount_fen.map_or(Cell::text(""), Cell::Yuan),
            ]
        })
        .collect();
    Ok(Table { name: "共建支持", columns: SUPPORT, rows })
}

const VISITS: &[Column] = &[
    col("日期", 11.0),
    col("联系领导", 9.0),
    col("级别", 6.0),
    col("职务", 20.0),
    col("社区", 26.0),
    col("方式", 9.0),
    col("参加人员", 20.0),
    col("情况", 36.0),
    col("收集困难", 8.0),
];

/// Contact leaders' visits within the period to the subtree's communities.
pub async fn leader_visits(
    conn: &mut SqliteConnection,
    scope: &Scope,
    first: NaiveDate,
    as_of: NaiveDate,
) -> Result<Table> {
    let rows = sqlx::query!(
        r#"SELECT v.visited_on AS "visited_on: NaiveDate", l.name, l.level AS "level: LeaderLevel", l.title,
                  v.community_id AS "community_id!: i64", v.kind AS "kind: VisitKind", v.participants, v.notes,
                  (SELECT count(*) FROM difficulties d WHERE d.visit_id = v.id) AS "difficulties!: i64"
           FROM leader_visits v JOIN contact_leaders l ON l.id = v.leader_id
           WHERE v.deleted_at IS NULL AND v.visited_on BETWEEN ?2 AND ?3 AND v.community_id IN (SELECT value FROM json_each(?1))
           ORDER BY v.visited_on, v.id"#,
        scope.ids,
        first,
        as_of
    )
    .fetch_all(&mut *conn)
    .await?;
    let rows = rows
        .into_iter()
        .map(|r| {
            vec![
                Cell::Date(Some(r.visited_on)),
                Cell::Text(r.name),
                Cell::text(r.level.label()),
                Cell::Text(r.title),
                Cell::text(scope.name(r.community_id)),
                Cell::text(r.kind.label()),
                Cell::Text(r.participants),
                Cell::Text(r.notes),
                Cell::Int(r.difficulties),
            ]
        })
        .collect();
    Ok(Table { name: "领导走访", columns: VISITS, rows })
}

const DIFFICULTIES: &[Column] = &[
    col("社区", 26.0),
    col("提出日期", 11.0),
    col("提出人", 10.0),
    col("困难诉求", 36.0),
    col("责任人", 12.0),
    col("状态", 8.0),
    col("解决日期", 11.0),
    col("反馈日期", 11.0),
    col("办理结果", 30.0),
];

/// Difficulties open at some point of the period: raised within it, or raised before and not
/// answered by its first day; each standing as at `as_of`.
pub async fn difficulties(
    conn: &mut SqliteConnection,
    scope: &Scope,
    first: NaiveDate,
    as_of: NaiveDate,
) -> Result<Table> {
    let rows = sqlx::query!(
        r#"SELECT d.community_id AS "community_id!: i64", d.raised_on AS "raised_on: NaiveDate", d.raised_by,
                  d.content, d.responsible,
                  CASE WHEN d.answered_on <= ?3 THEN 'answered' WHEN d.resolved_on <= ?3 THEN 'resolved'
                       WHEN d.started_on <= ?3 THEN 'in_progress' ELSE 'open' END AS "status!: DifficultyStatus",
                  CASE WHEN d.resolved_on <= ?3 THEN d.resolved_on END AS "resolved_on?: NaiveDate",
                  CASE WHEN d.answered_on <= ?3 THEN d.answered_on END AS "answered_on?: NaiveDate",
                  CASE WHEN d.answered_on <= ?3 OR d.resolved_on <= ?3 THEN d.outcome ELSE '' END AS "outcome!: String"
           FROM difficulties d
           WHERE d.community_id IN (SELECT value FROM json_each(?1)) AND d.raised_on <= ?3
             AND (d.raised_on >= ?2 OR d.answered_on IS NULL OR d.answered_on >= ?2)
           ORDER BY d.raised_on, d.id"#,
        scope.ids,
        first,
        as_of
    )
    .fetch_all(&mut *conn)
    .await?;
    let rows = rows
        .into_iter()
        .map(|r| {
            vec![
                Cell::text(scope.name(r.community_id)),
                Cell::Date(Some(r.raised_on)),
                Cell::Text(r.raised_by),
                Cell::Text(r.content),
                Cell::Text(r.responsible),
                Cell::text(r.status.label()),
                Cell::Date(r.resolved_on),
                Cell::Date(r.answered_on),
                Cell::Text(r.outcome),
            ]
        })
        .collect();
    Ok(Table { name: "困难诉求", columns: DIFFICULTIES, rows })
}

/// A deputy's roles in words: 党代表、人大代表.
fn roles(codes: &str) -> String {
    let labels: Vec<&str> =
        DeputyRole::ALL.iter().filter(|r| codes.split(',').any(|c| c == r.code())).map(|r| r.label()).collect();
    labels.join("、")
}

const DEPUTY_VISITS: &[Column] = &[
    col("日期", 11.0),
    col("代表委员", 9.0),
    col("身份", 20.0),
    col("社区", 26.0),
    col("情况", 40.0),
    col("意见建议", 8.0),
];

/// Deputies' visits within the period to the subtree's communities.
pub async fn deputy_visits(
    conn: &mut SqliteConnection,
    scope: &Scope,
    first: NaiveDate,
    as_of: NaiveDate,
) -> Result<Table> {
    let rows = sqlx::query!(
        r#"SELECT v.visited_on AS "visited_on: NaiveDate", d.name, d.roles, v.community_id AS "community_id!: i64",
                  v.notes, (SELECT count(*) FROM suggestions s WHERE s.visit_id = v.id) AS "suggestions!: i64"
           FROM deputy_visits v JOIN deputies d ON d.id = v.deputy_id
           WHERE v.deleted_at IS NULL AND v.visited_on BETWEEN ?2 AND ?3 AND v.community_id IN (SELECT value FROM json_each(?1))
           ORDER BY v.visited_on, v.id"#,
        scope.ids,
        first,
        as_of
    )
    .fetch_all(&mut *conn)
    .await?;
    let rows = rows
        .into_iter()
        .map(|r| {
            vec![
                Cell::Date(Some(r.visited_on)),
                Cell::Text(r.name),
                Cell::Text(roles(&r.roles)),
                Cell::text(scope.name(r.community_id)),
                Cell::Text(r.notes),
                Cell::Int(r.suggestions),
            ]
        })
        .collect();
    Ok(Table { name: "代表委员进社区", columns: DEPUTY_VISITS, rows })
}

const SUGGESTIONS: &[Column] = &[
    col("社区", 26.0),
    col("提出日期", 11.0),
    col("提出人", 10.0),
    col("意见建议", 36.0),
    col("收集人", 9.0),
    col("答复日期", 11.0),
    col("答复", 30.0),
];

/// Suggestions open at some point of the period, each answered or not as at `as_of`.
pub async fn suggestions(
    conn: &mut SqliteConnection,
    scope: &Scope,
    first: NaiveDate,
    as_of: NaiveDate,
) -> Result<Table> {
    let rows = sqlx::query!(
        r#"SELECT s.community_id AS "community_id!: i64", s.raised_on AS "raised_on: NaiveDate", s.raised_by, s.content,
                  d.name AS deputy,
                  CASE WHEN s.replied_on <= ?3 THEN s.replied_on END AS "replied_on?: NaiveDate",
                  CASE WHEN s.replied_on <= ?3 THEN s.reply ELSE '' END AS "reply!: String"
           FROM suggestions s JOIN deputy_visits v ON v.id = s.visit_id JOIN deputies d ON d.id = v.deputy_id
           WHERE s.community_id IN (SELECT value FROM json_each(?1)) AND s.raised_on <= ?3
             AND (s.raised_on >= ?2 OR s.replied_on IS NULL OR s.replied_on >= ?2)
           ORDER BY s.raised_on, s.id"#,
        scope.ids,
        first,
        as_of
    )
    .fetch_all(&mut *conn)
    .await?;
    let rows = rows
        .into_iter()
        .map(|r| {
            vec![
                Cell::text(scope.name(r.community_id)),
                Cell::Date(Some(r.raised_on)),
                Cell::Text(r.raised_by),
                Cell::Text(r.content),
                Cell::Text(r.deputy),
                Cell::Date(r.replied_on),
                Cell::Text(r.reply),
            ]
        })
        .collect();
    Ok(Table { name: "意见建议", columns: SUGGESTIONS, rows })
}

const VOLUNTEERING: &[Column] = &[
    col("日期", 11.0),
    col("社区", 26.0),
    col("组织单位", 20.0),
    col("服务类型", 12.0),
    col("地点", 16.0),
    col("参与人次", 8.0),
    col("党员服务时长（小时）", 10.0),
    col("服务群众（人次）", 10.0),
];

/// Volunteer activities held within the period in the subtree's communities.
pub async fn volunteering(
    conn: &mut SqliteConnection,
    scope: &Scope,
    first: NaiveDate,
    as_of: NaiveDate,
) -> Result<Table> {
    let rows = sqlx::query!(
        r#"SELECT a.held_on AS "held_on: NaiveDate", a.community_id AS "community_id!: i64", a.organizer,
                  a.service_type, a.place, a.people_served,
                  (SELECT count(*) FROM volunteer_participants p WHERE p.activity_id = a.id) AS "participants!: i64",
                  (SELECT coalesce(sum(p.hours_tenths), 0) FROM volunteer_participants p
                   WHERE p.activity_id = a.id AND p.kind = 'member') AS "member_hours!: i64"
           FROM volunteer_activities a
           WHERE a.deleted_at IS NULL AND a.held_on BETWEEN ?2 AND ?3 AND a.community_id IN (SELECT value FROM json_each(?1))
           ORDER BY a.held_on, a.id"#,
        scope.ids,
        first,
        as_of
    )
    .fetch_all(&mut *conn)
    .await?;
    let rows = rows
        .into_iter()
        .map(|r| {
            vec![
                Cell::Date(Some(r.held_on)),
                Cell::text(scope.name(r.community_id)),
                Cell::Text(r.organizer),
                Cell::Text(r.service_type),
                Cell::Text(r.place),
                Cell::Int(r.participants),
                Cell::Hours(r.member_hours),
                Cell::Int(r.people_served),
            ]
        })
        .collect();
    Ok(Table { name: "志愿服务", columns: VOLUNTEERING, rows })
}
