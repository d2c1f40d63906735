//! 服务安排 in a review: the dates planned within the period per who comes (联系单位, 联系领导,
//! 代表委员, 志愿服务队, 党员), how many were done — tied to a record of what happened — and how
//! many passed with nothing recorded.

use chrono::NaiveDate;
use sqlx::SqliteConnection;

use super::model::{PlanCount, ScheduleFigures};
use crate::common::catalog::PlanWho;
use crate::error::Result;

/// Entries of the scope's communities dated within `first`–`last`, not cancelled by `as_of`;
/// done when a record (not deleted) dated by `as_of` fulfils them; missed when not done and
/// dated by `as_of` and before `today` (the day after its date).
pub async fn schedule(
    conn: &mut SqliteConnection,
    ids: &str,
    (first, last): (NaiveDate, NaiveDate),
    as_of: NaiveDate,
    today: NaiveDate,
) -> Result<ScheduleFigures> {
    let rows = sqlx::query!(
        r#"SELECT e.who_kind AS "kind!: PlanWho", count(*) AS "planned!: i64",
                  coalesce(sum(x.on_date IS NOT NULL), 0) AS "done!: i64",
                  coalesce(sum(x.on_date IS NULL AND e.on_date <= ?4 AND e.on_date < ?5), 0) AS "missed!: i64"
           FROM schedule_entries e
           LEFT JOIN (SELECT f.entry_id, COALESCE(
                        (SELECT visited_on FROM leader_visits WHERE id = f.leader_visit_id AND deleted_at IS NULL),
                        (SELECT visited_on FROM deputy_visits WHERE id = f.deputy_visit_id AND deleted_at IS NULL),
                        (SELECT held_on FROM volunteer_activities WHERE id = f.activity_id AND deleted_at IS NULL),
                        (SELECT given_on FROM support_records WHERE id = f.support_id AND deleted_at IS NULL)) AS on_date
                      FROM schedule_fulfilments f) x ON x.entry_id = e.id AND x.on_date <= ?4
           WHERE e.deleted_at IS NULL AND e.community_id IN (SELECT value FROM json_each(?1))
             AND e.on_date BETWEEN ?2 AND ?3 AND (e.cancelled_on IS NULL OR e.cancelled_on > ?4)
           GROUP BY e.who_kind"#,
        ids,
        first,
        last,
        as_of,
        today
    )
    .fetch_all(conn)
    .await?;
    let by_kind: Vec<PlanCount> = PlanWho::ALL
        .iter()
        .map(|k| {
            let r = rows.iter().find(|r| r.kind == *k);
            PlanCount {
                code: k.code().into(),
                label: k.label().into(),
                planned: r.map_or(0, |r| r.planned),
                done: r.map_or(0, |r| r.done),
                missed: r.map_or(0, |r| r.missed),
            }
        })
        .collect();
    let sum = |f: fn(&PlanCount) -> i64| by_kind.iter().map(f).sum();
    Ok(ScheduleFigures { planned: sum(|c| c.planned), done: sum(|c| c.done), missed: sum(|c| c.missed), by_kind })
}
