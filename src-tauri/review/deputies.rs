//! 代表委员进社区 in a review: deputies and their pairs at `as_of` by role, reception points,
//! visits and the quarterly rule (a pair in force at a quarter's end owes that quarter a visit),
//! and suggestions raised and answered.

use std::collections::HashMap;

use chrono::NaiveDate;
use sqlx::SqliteConnection;

use super::model::{DeputyFigures, Share};
use super::rule::{self, Owed};
use crate::common::catalog::DeputyRole;
use crate::error::Result;

pub async fn deputies(
    conn: &mut SqliteConnection,
    ids: &str,
    first: NaiveDate,
    as_of: NaiveDate,
) -> Result<(DeputyFigures, HashMap<i64, Share>)> {
    let paired = sqlx::query!(
        r#"SELECT d.id AS "id!: i64", d.roles, count(*) AS "pairs!: i64"
           FROM deputy_communities a JOIN deputies d ON d.id = a.deputy_id
           WHERE d.deleted_at IS NULL AND a.start_on <= ?2 AND (a.end_on IS NULL OR a.end_on >= ?2)
             AND a.community_id IN (SELECT value FROM json_each(?1))
           GROUP BY d.id"#,
        ids,
        as_of
    )
    .fetch_all(&mut *conn)
    .await?;
    let r = sqlx::query!(
        r#"SELECT (SELECT count(*) FROM reception_points p WHERE p.deleted_at IS NULL
                     AND p.community_id IN (SELECT value FROM json_each(?1))) AS "points!: i64",
                  (SELECT count(*) FROM deputy_visits v WHERE v.deleted_at IS NULL AND v.visited_on BETWEEN ?2 AND ?3
                     AND v.community_id IN (SELECT value FROM json_each(?1))) AS "visits!: i64",
                  (SELECT count(*) FROM suggestions s WHERE s.raised_on BETWEEN ?2 AND ?3
                     AND s.community_id IN (SELECT value FROM json_each(?1))) AS "raised!: i64",
                  (SELECT count(*) FROM suggestions s WHERE s.replied_on BETWEEN ?2 AND ?3
                     AND s.community_id IN (SELECT value FROM json_each(?1))) AS "answered!: i64",
                  (SELECT count(*) FROM suggestions s WHERE s.raised_on <= ?3 AND (s.replied_on IS NULL OR s.replied_on > ?3)
                     AND s.community_id IN (SELECT value FROM json_each(?1))) AS "open!: i64""#,
        ids,
        first,
        as_of
    )
    .fetch_one(&mut *conn)
    .await?;
    let quarters = rule::stretches(first, as_of, true);
    let stretches_json = rule::as_json(&quarters);
    let stretches_json = stretches_json.as_str();
    let owed = sqlx::query!(
        r#"SELECT q.value ->> 0 AS "stretch!: String", a.community_id AS "community_id!: i64", count(*) AS "owed!: i64",
                  coalesce(sum(EXISTS (SELECT 1 FROM deputy_visits v WHERE v.deputy_id = a.deputy_id
                      AND v.community_id = a.community_id AND v.deleted_at IS NULL
                      AND v.visited_on BETWEEN q.value ->> 1 AND q.value ->> 2)), 0) AS "visited!: i64"
           FROM json_each(?2) q
           JOIN deputy_communities a ON a.start_on <= q.value ->> 2 AND (a.end_on IS NULL OR a.end_on >= q.value ->> 2)
           JOIN deputies d ON d.id = a.deputy_id
           WHERE d.deleted_at IS NULL AND a.community_id IN (SELECT value FROM json_each(?1))
           GROUP BY 1, 2"#,
        ids,
        stretches_json
    )
    .fetch_all(&mut *conn)
    .await?;
    let owed: Vec<Owed> = owed
        .into_iter()
        .map(|r| Owed { stretch: r.stretch, community_id: r.community_id, owed: r.owed, visited: r.visited })
        .collect();
    let (quarters, per_community, compliance) = rule::tally(&quarters, &owed);
    // Roles are stored as a comma-separated list of codes.
    let holds = |d: &str, role: DeputyRole| d.split(',').any(|c| c == role.code());
    let figures = DeputyFigures {
        by_role: DeputyRole::counted(|role| paired.iter().filter(|d| holds(&d.roles, role)).count() as i64),
        deputies: paired.len() as i64,
        pairs: paired.iter().map(|d| d.pairs).sum(),
        reception_points: r.points,
        visits: r.visits,
        quarters,
        compliance,
        suggestions: r.raised,
        answered: r.answered,
        open: r.open,
    };
    Ok((figures, per_community))
}
