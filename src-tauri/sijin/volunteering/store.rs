//! SQL for volunteer activities, participants and hours per member.

use chrono::NaiveDate;
use sqlx::SqliteConnection;

use super::model::{Activity, MemberHours, Participant, ValidActivity, ValidParticipant};
use crate::common::catalog::ParticipantKind;
use crate::error::{Error, Result};

use crate::db::now;

pub async fn insert(conn: &mut SqliteConnection, a: &ValidActivity) -> Result<i64> {
    let (now, uuid) = (now(), uuid::Uuid::new_v4().to_string());
    Ok(sqlx::query_scalar!(
        r#"INSERT INTO volunteer_activities (uuid, community_id, held_on, organizer, service_type, place, people_served, created_at, updated_at)
           VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8) RETURNING id AS "id!""#,
        uuid,
        a.community_id,
        a.held_on,
        a.organizer,
        a.service_type,
        a.place,
        a.people_served,
        now
    )
    .fetch_one(conn)
    .await?)
}

pub async fn update(conn: &mut SqliteConnection, id: i64, a: &ValidActivity) -> Result<()> {
    let now = now();
    sqlx::query!(
        "UPDATE volunteer_activities SET community_id = ?1, held_on = ?2, organizer = ?3, service_type = ?4, place = ?5,
                people_served = ?6, updated_at = ?7 WHERE id = ?8",
        a.community_id,
        a.held_on,
        a.organizer,
        a.service_type,
        a.place,
        a.people_served,
        now,
        id
    )
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn delete_participants(conn: &mut SqliteConnection, activity_id: i64) -> Result<()> {
    sqlx::query!("DELETE FROM volunteer_participants WHERE activity_id = ?1", activity_id).execute(conn).await?;
    Ok(())
}

pub async fn participants(conn: &mut SqliteConnection, activity_id: i64) -> Result<Vec<Participant>> {
    Ok(sqlx::query_as!(
        Participant,
        r#"SELECT member_id, name, kind AS "kind: ParticipantKind", hours_tenths
           FROM volunteer_participants WHERE activity_id = ?1 ORDER BY id"#,
        activity_id
    )
    .fetch_all(conn)
    .await?)
}

pub async fn insert_participant(conn: &mut SqliteConnection, activity_id: i64, p: &ValidParticipant) -> Result<()> {
    let (now, uuid, kind) = (now(), uuid::Uuid::new_v4().to_string(), p.kind.code());
    sqlx::query!(
        "INSERT INTO volunteer_participants (uuid, activity_id, member_id, name, kind, hours_tenths, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        uuid,
        activity_id,
        p.member_id,
        p.name,
        kind,
        p.hours_tenths,
        now
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// Activities under an organization (all when `None`) held in a period, or only the activity
/// `only`, with their participants and hours: the one projection the list and one activity share.
async fn rows(
    conn: &mut SqliteConnection,
    under: Option<i64>,
    only: Option<i64>,
    period: Option<(NaiveDate, NaiveDate)>,
) -> Result<Vec<Activity>> {
    let (from, to) = (period.map(|p| p.0), period.map(|p| p.1));
    Ok(sqlx::query_as!(
        Activity,
        r#"SELECT a.id AS "id!", a.community_id, o.name AS community_name, a.held_on AS "held_on: NaiveDate", a.organizer,
                  a.service_type, a.place, a.people_served,
                  (SELECT count(*) FROM volunteer_participants p WHERE p.activity_id = a.id) AS "participants!: i64",
                  (SELECT coalesce(sum(p.hours_tenths), 0) FROM volunteer_participants p WHERE p.activity_id = a.id) AS "hours_tenths!: i64",
                  (SELECT COALESCE(max(id), 0) FROM change_log) AS "version!: i64"
           FROM volunteer_activities a JOIN organizations o ON o.id = a.community_id
           WHERE a.deleted_at IS NULL AND (?1 IS NULL OR o.id IN (SELECT org_id FROM org_subtree WHERE root_id = ?1))
             AND (?2 IS NULL OR a.id = ?2) AND (?3 IS NULL OR a.held_on BETWEEN ?3 AND ?4)
           ORDER BY a.held_on DESC, a.id DESC"#,
        under,
        only,
        from,
        to
    )
    .fetch_all(conn)
    .await?)
}

pub async fn activity(conn: &mut SqliteConnection, id: i64) -> Result<Activity> {
    rows(conn, None, Some(id), None).await?.pop().ok_or_else(|| Error::NotFound("志愿服务活动不存在".into()))
}

pub async fn activities(
    conn: &mut SqliteConnection,
    under: Option<i64>,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<Activity>> {
    rows(conn, under, None, Some((from, to))).await
}

pub async fn member_hours(
    conn: &mut SqliteConnection,
    under: Option<i64>,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<MemberHours>> {
    Ok(sqlx::query_as!(
        MemberHours,
        r#"SELECT m.id AS "member_id!", m.name, mo.name AS org_name, count(DISTINCT a.id) AS "activities!: i64",
                  sum(p.hours_tenths) AS "hours_tenths!: i64"
           FROM volunteer_participants p
           JOIN volunteer_activities a ON a.id = p.activity_id
           JOIN members m ON m.id = p.member_id
           JOIN organizations mo ON mo.id = m.org_id
           WHERE a.deleted_at IS NULL AND m.deleted_at IS NULL AND a.held_on BETWEEN ?2 AND ?3 AND (?1 IS NULL OR mo.id IN (SELECT org_id FROM org_subtree WHERE root_id = ?1))
           GROUP BY m.id
           ORDER BY mo.path, m.sort_name"#,
        under,
        from,
        to
    )
    .fetch_all(conn)
    .await?)
}

pub async fn delete(conn: &mut SqliteConnection, id: i64) -> Result<()> {
    let now = now();
    sqlx::query!("UPDATE volunteer_activities SET deleted_at = ?1, updated_at = ?1 WHERE id = ?2", now, id)
        .execute(conn)
        .await?;
    Ok(())
}
