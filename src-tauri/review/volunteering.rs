//! 志愿者进社区 in a review: activities held within the period, who took part and for how
//! long, the people served, and the service types; per community the activities held.

use std::collections::HashMap;

use chrono::NaiveDate;
use sqlx::SqliteConnection;

use super::model::VolunteerFigures;
use crate::common::catalog::LabeledCount;
use crate::error::Result;

pub async fn volunteering(
    conn: &mut SqliteConnection,
    ids: &str,
    first: NaiveDate,
    as_of: NaiveDate,
) -> Result<(VolunteerFigures, HashMap<i64, i64>)> {
    let per_type = sqlx::query!(
        r#"SELECT a.community_id AS "community_id!: i64", a.service_type, count(*) AS "activities!: i64",
                  coalesce(sum(a.people_served), 0) AS "served!: i64"
           FROM volunteer_activities a
           WHERE a.deleted_at IS NULL AND a.held_on BETWEEN ?2 AND ?3 AND a.community_id IN (SELECT value FROM json_each(?1))
           GROUP BY 1, 2"#,
        ids,
        first,
        as_of
    )
    .fetch_all(&mut *conn)
    .await?;
    let people = sqlx::query!(
        r#"SELECT count(*) AS "places!: i64", count(DISTINCT p.member_id) AS "members!: i64",
                  coalesce(sum(CASE WHEN p.kind = 'member' THEN p.hours_tenths END), 0) AS "member_hours!: i64",
                  coalesce(sum(p.hours_tenths), 0) AS "hours!: i64"
           FROM volunteer_participants p JOIN volunteer_activities a ON a.id = p.activity_id
           WHERE a.deleted_at IS NULL AND a.held_on BETWEEN ?2 AND ?3 AND a.community_id IN (SELECT value FROM json_each(?1))"#,
        ids,
        first,
        as_of
    )
    .fetch_one(&mut *conn)
    .await?;
    let mut per_community: HashMap<i64, i64> = HashMap::new();
    let mut by_service: Vec<LabeledCount> = Vec::new();
    for r in &per_type {
        *per_community.entry(r.community_id).or_default() += r.activities;
        match by_service.iter_mut().find(|s| s.code == r.service_type) {
            Some(s) => s.count += r.activities,
            None => by_service.push(LabeledCount {
                code: r.service_type.clone(),
                label: r.service_type.clone(),
                count: r.activities,
            }),
        }
    }
    by_service.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.code.cmp(&b.code)));
    let figures = VolunteerFigures {
        activities: per_type.iter().map(|r| r.activities).sum(),
        participants: people.places,
        members: people.members,
        member_hours_tenths: people.member_hours,
        hours_tenths: people.hours,
        people_served: per_type.iter().map(|r| r.served).sum(),
        by_service,
    };
    Ok((figures, per_community))
}
