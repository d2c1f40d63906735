//! SQL for 服务安排: entries, the records that fulfil them, and the leaders owed a visit.

use chrono::NaiveDate;
use sqlx::SqliteConnection;

use super::model::{PlanRecord, ValidPlan};
use crate::common::catalog::{PlanWho, RecordKind, Shift};
use crate::db::now;
use crate::error::{Error, Result};

/// An entry as stored, with the names it points to and the record that fulfilled it.
#[derive(Debug, Clone)]
pub struct EntryRow {
    pub id: i64,
    pub community_id: i64,
    pub community_name: String,
    pub on_date: NaiveDate,
    pub shift: Shift,
    pub starts_at: Option<String>,
    pub ends_at: Option<String>,
    pub reception_point_id: Option<i64>,
    pub place: String,
    pub who_kind: PlanWho,
    pub who_id: Option<i64>,
    pub who: String,
    pub who_name: String,
    pub service: String,
    pub series: Option<String>,
    pub repeat_rule: Option<String>,
    pub moved_from: Option<NaiveDate>,
    pub cancelled_on: Option<NaiveDate>,
    /// The fulfilling record's table, id and date (a deleted record fulfils nothing).
    pub done_kind: Option<String>,
    pub done_id: Option<i64>,
    pub done_on: Option<NaiveDate>,
    pub done_label: Option<String>,
    pub version: i64,
}

pub async fn insert(conn: &mut SqliteConnection, p: &ValidPlan) -> Result<i64> {
    let (now, uuid) = (now(), uuid::Uuid::new_v4().to_string());
    Ok(sqlx::query_scalar!(
        r#"INSERT INTO schedule_entries (uuid, community_id, on_date, shift, starts_at, ends_at, reception_point_id, place,
                  who_kind, unit_id, leader_id, deputy_id, who_name, service, series, repeat_rule, moved_from, created_at, updated_at)
           VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?18) RETURNING id AS "id!""#,
        uuid,
        p.community_id,
        p.on_date,
        p.shift,
        p.starts_at,
        p.ends_at,
        p.reception_point_id,
        p.place,
        p.who_kind,
        p.unit_id,
        p.leader_id,
        p.deputy_id,
        p.who_name,
        p.service,
        p.series,
        p.repeat_rule,
        p.moved_from,
        now
    )
    .fetch_one(conn)
    .await?)
}

/// Corrects one date: its fields, never its series or rule.
pub async fn update(conn: &mut SqliteConnection, id: i64, p: &ValidPlan) -> Result<()> {
    let now = now();
    sqlx::query!(
        "UPDATE schedule_entries SET community_id = ?1, on_date = ?2, shift = ?3, starts_at = ?4, ends_at = ?5,
                reception_point_id = ?6, place = ?7, who_kind = ?8, unit_id = ?9, leader_id = ?10, deputy_id = ?11,
                who_name = ?12, service = ?13, moved_from = ?14, updated_at = ?15
         WHERE id = ?16",
        p.community_id,
        p.on_date,
        p.shift,
        p.starts_at,
        p.ends_at,
        p.reception_point_id,
        p.place,
        p.who_kind,
        p.unit_id,
        p.leader_id,
        p.deputy_id,
        p.who_name,
        p.service,
        p.moved_from,
        now,
        id
    )
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn set_cancelled(conn: &mut SqliteConnection, id: i64, on: Option<NaiveDate>) -> Result<()> {
    let now = now();
    sqlx::query!("UPDATE schedule_entries SET cancelled_on = ?1, updated_at = ?2 WHERE id = ?3", on, now, id)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn delete(conn: &mut SqliteConnection, id: i64) -> Result<()> {
    let now = now();
    sqlx::query!("DELETE FROM schedule_fulfilments WHERE entry_id = ?1", id).execute(&mut *conn).await?;
    sqlx::query!("UPDATE schedule_entries SET deleted_at = ?1, updated_at = ?1 WHERE id = ?2", now, id)
        .execute(conn)
        .await?;
    Ok(())
}

/// Entries of the communities under `under` (all for `None`, one entry for `only`) dated
/// `from` to `to`, by date and time of day.
async fn rows(
    conn: &mut SqliteConnection,
    under: Option<i64>,
    only: Option<i64>,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<EntryRow>> {
    Ok(sqlx::query_as!(
        EntryRow,
        r#"SELECT e.id AS "id!", e.community_id, c.name AS community_name, e.on_date AS "on_date: NaiveDate",
                  e.shift AS "shift: Shift", e.starts_at, e.ends_at, e.reception_point_id,
                  COALESCE(r.place, e.place) AS "place!: String", e.who_kind AS "who_kind: PlanWho",
                  COALESCE(e.unit_id, e.leader_id, e.deputy_id) AS "who_id: i64",
                  COALESCE(u.name, l.name, d.name, e.who_name) AS "who!: String", e.who_name, e.service,
                  e.series, e.repeat_rule, e.moved_from AS "moved_from: NaiveDate", e.cancelled_on AS "cancelled_on: NaiveDate",
                  x.kind AS "done_kind: String", x.record_id AS "done_id: i64", x.on_date AS "done_on: NaiveDate",
                  x.label AS "done_label: String",
                  (SELECT COALESCE(max(id), 0) FROM change_log) AS "version!: i64"
           FROM schedule_entries e JOIN organizations c ON c.id = e.community_id
           LEFT JOIN reception_points r ON r.id = e.reception_point_id
           LEFT JOIN organizations u ON u.id = e.unit_id
           LEFT JOIN contact_leaders l ON l.id = e.leader_id
           LEFT JOIN deputies d ON d.id = e.deputy_id
           LEFT JOIN (SELECT f.entry_id, 'leader_visits' AS kind, v.id AS record_id, v.visited_on AS on_date,
                             cl.name || ' 走访' AS label
                      FROM schedule_fulfilments f JOIN leader_visits v ON v.id = f.leader_visit_id AND v.deleted_at IS NULL
                      JOIN contact_leaders cl ON cl.id = v.leader_id
                      UNION ALL
                      SELECT f.entry_id, 'deputy_visits', v.id, v.visited_on, dp.name || ' 进社区'
                      FROM schedule_fulfilments f JOIN deputy_visits v ON v.id = f.deputy_visit_id AND v.deleted_at IS NULL
                      JOIN deputies dp ON dp.id = v.deputy_id
                      UNION ALL
                      SELECT f.entry_id, 'volunteer_activities', a.id, a.held_on, a.organizer || ' ' || a.service_type
                      FROM schedule_fulfilments f JOIN volunteer_activities a ON a.id = f.activity_id AND a.deleted_at IS NULL
                      UNION ALL
                      SELECT f.entry_id, 'support_records', s.id, s.given_on, su.name || ' ' || s.description
                      FROM schedule_fulfilments f JOIN support_records s ON s.id = f.support_id AND s.deleted_at IS NULL
                      JOIN pairings sp ON sp.id = s.pairing_id JOIN organizations su ON su.id = sp.unit_id) x
                ON x.entry_id = e.id
           WHERE e.deleted_at IS NULL AND (?1 IS NULL OR e.community_id IN (SELECT org_id FROM org_subtree WHERE root_id = ?1))
             AND (?2 IS NULL OR e.id = ?2) AND e.on_date BETWEEN ?3 AND ?4
           ORDER BY e.on_date, CASE e.shift WHEN 'morning' THEN '08:30' WHEN 'all_day' THEN '08:30'
                    WHEN 'afternoon' THEN '14:30' ELSE e.starts_at END, c.sort_order, e.id"#,
        under,
        only,
        from,
        to
    )
    .fetch_all(conn)
    .await?)
}

pub async fn entries(
    conn: &mut SqliteConnection,
    under: Option<i64>,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<EntryRow>> {
    rows(conn, under, None, from, to).await
}

pub async fn entry(conn: &mut SqliteConnection, id: i64) -> Result<EntryRow> {
    // Every date as SQLite compares them (text), NaiveDate::MIN/MAX being signed six-digit years.
    let (from, to) = (NaiveDate::from_ymd_opt(1, 1, 1), NaiveDate::from_ymd_opt(9999, 12, 31));
    let (from, to) = (from.unwrap_or_default(), to.unwrap_or_default());
    rows(conn, None, Some(id), from, to).await?.pop().ok_or_else(|| Error::NotFound("服务安排不存在".into()))
}

/// Contact leaders owed a visit to a community under `under` in the month `first`–`last`: the
/// pair in force at the month's end (the rule of 联系领导未按月走访). As (leader id, leader,
/// community).
pub async fn owed_leaders(
    conn: &mut SqliteConnection,
    under: Option<i64>,
    first: NaiveDate,
    last: NaiveDate,
) -> Result<Vec<(i64, String, String, i64)>> {
    let rows = sqlx::query!(
        r#"SELECT l.id AS "leader_id!", l.name AS leader, c.name AS community, c.id AS "community_id!"
           FROM leader_communities lc JOIN contact_leaders l ON l.id = lc.leader_id AND l.deleted_at IS NULL
           JOIN organizations c ON c.id = lc.community_id
           WHERE lc.start_on <= ?3 AND (lc.end_on IS NULL OR lc.end_on > ?3) AND ?2 <= ?3
             AND (?1 IS NULL OR lc.community_id IN (SELECT org_id FROM org_subtree WHERE root_id = ?1))
           ORDER BY c.sort_order, l.level, l.name"#,
        under,
        first,
        last
    )
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(|r| (r.leader_id, r.leader, r.community, r.community_id)).collect())
}

/// Records of `kind`'s who in the entry's community within a week either side of its date that
/// fulfil no entry yet, nearest first: what the app proposes as the entry's fulfilment.
pub async fn candidates(conn: &mut SqliteConnection, e: &EntryRow) -> Result<Vec<PlanRecord>> {
    let (kind, id) = (e.who_kind, e.who_id);
    let rows = sqlx::query!(
        r#"SELECT kind AS "kind!: String", id AS "id!: i64", on_date AS "on_date!: NaiveDate", label AS "label!: String"
           FROM (SELECT 'leader_visits' AS kind, v.id, v.visited_on AS on_date, l.name || ' 走访' AS label
                 FROM leader_visits v JOIN contact_leaders l ON l.id = v.leader_id
                 WHERE ?1 = 'leader' AND v.leader_id = ?2 AND v.community_id = ?3 AND v.deleted_at IS NULL
                   AND NOT EXISTS (SELECT 1 FROM schedule_fulfilments f WHERE f.leader_visit_id = v.id)
                 UNION ALL
                 SELECT 'deputy_visits', v.id, v.visited_on, d.name || ' 进社区'
                 FROM deputy_visits v JOIN deputies d ON d.id = v.deputy_id
                 WHERE ?1 = 'deputy' AND v.deputy_id = ?2 AND v.community_id = ?3 AND v.deleted_at IS NULL
                   AND NOT EXISTS (SELECT 1 FROM schedule_fulfilments f WHERE f.deputy_visit_id = v.id)
                 UNION ALL
                 SELECT 'support_records', s.id, s.given_on, u.name || ' ' || s.description
                 FROM support_records s JOIN pairings p ON p.id = s.pairing_id JOIN organizations u ON u.id = p.unit_id
                 WHERE ?1 = 'unit' AND p.unit_id = ?2 AND p.community_id = ?3 AND s.deleted_at IS NULL AND p.deleted_at IS NULL
                   AND NOT EXISTS (SELECT 1 FROM schedule_fulfilments f WHERE f.support_id = s.id)
                 UNION ALL
                 SELECT 'volunteer_activities', a.id, a.held_on, a.organizer || ' ' || a.service_type
                 FROM volunteer_activities a
                 WHERE ?1 IN ('team', 'members', 'unit') AND a.community_id = ?3 AND a.deleted_at IS NULL
                   AND (?1 = 'members' OR a.organizer = ?5
                        OR (?1 = 'unit' AND a.organizer = (SELECT name FROM organizations WHERE id = ?2)))
                   AND NOT EXISTS (SELECT 1 FROM schedule_fulfilments f WHERE f.activity_id = a.id))
           WHERE abs(julianday(on_date) - julianday(?4)) <= 7
           ORDER BY abs(julianday(on_date) - julianday(?4)), on_date, id"#,
        kind,
        id,
        e.community_id,
        e.on_date,
        e.who_name
    )
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            let kind = RecordKind::from_code(&r.kind)?;
            Some(PlanRecord { kind, id: r.id, on_date: r.on_date, label: r.label })
        })
        .collect())
}

/// Ties the entry to the record of `kind` and `id` (replacing an earlier tie).
pub async fn tie(conn: &mut SqliteConnection, entry_id: i64, kind: RecordKind, id: i64) -> Result<()> {
    let (now, uuid) = (now(), uuid::Uuid::new_v4().to_string());
    let pick = |k: RecordKind| (kind == k).then_some(id);
    let (leader_visit, deputy_visit, activity, support) = (
        pick(RecordKind::LeaderVisit),
        pick(RecordKind::DeputyVisit),
        pick(RecordKind::VolunteerActivity),
        pick(RecordKind::SupportRecord),
    );
    untie(&mut *conn, entry_id).await?;
    sqlx::query!(
        "INSERT INTO schedule_fulfilments (uuid, entry_id, leader_visit_id, deputy_visit_id, activity_id, support_id, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
        uuid,
        entry_id,
        leader_visit,
        deputy_visit,
        activity,
        support,
        now
    )
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn untie(conn: &mut SqliteConnection, entry_id: i64) -> Result<()> {
    sqlx::query!("DELETE FROM schedule_fulfilments WHERE entry_id = ?1", entry_id).execute(conn).await?;
    Ok(())
}

/// Whether the community has a pairing with the unit, a contact leader link, or a reception
/// point: what a plan may name.
pub async fn paired_unit(conn: &mut SqliteConnection, community_id: i64, unit_id: i64) -> Result<bool> {
    Ok(sqlx::query_scalar!(
        r#"SELECT EXISTS (SELECT 1 FROM pairings WHERE community_id = ?1 AND unit_id = ?2 AND deleted_at IS NULL) AS "x!: bool""#,
        community_id,
        unit_id
    )
    .fetch_one(conn)
    .await?)
}

pub async fn linked_leader(conn: &mut SqliteConnection, community_id: i64, leader_id: i64) -> Result<bool> {
    Ok(sqlx::query_scalar!(
        r#"SELECT EXISTS (SELECT 1 FROM leader_communities lc JOIN contact_leaders l ON l.id = lc.leader_id
                          WHERE lc.community_id = ?1 AND lc.leader_id = ?2 AND l.deleted_at IS NULL) AS "x!: bool""#,
        community_id,
        leader_id
    )
    .fetch_one(conn)
    .await?)
}

pub async fn deputy_exists(conn: &mut SqliteConnection, deputy_id: i64) -> Result<bool> {
    Ok(sqlx::query_scalar!(
        r#"SELECT EXISTS (SELECT 1 FROM deputies WHERE id = ?1 AND deleted_at IS NULL) AS "x!: bool""#,
        deputy_id
    )
    .fetch_one(conn)
    .await?)
}

pub async fn point_of(conn: &mut SqliteConnection, community_id: i64, point_id: i64) -> Result<bool> {
    Ok(sqlx::query_scalar!(
        r#"SELECT EXISTS (SELECT 1 FROM reception_points WHERE id = ?2 AND community_id = ?1 AND deleted_at IS NULL) AS "x!: bool""#,
        community_id,
        point_id
    )
    .fetch_one(conn)
    .await?)
}
