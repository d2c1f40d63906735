//! 党员干部进社区 in a review: contact leaders and their pairs at `as_of`, visits and the
//! monthly rule (a pair in force at a month's end owes that month a visit), 民情日记, and
//! residents' difficulties followed to closure.

use std::collections::HashMap;

use chrono::{Days, NaiveDate};
use sqlx::SqliteConnection;

use super::model::{DifficultyFigures, LeaderFigures, MonthFlow, Share};
use super::rule::{self, Owed};
use crate::common::catalog::{LeaderLevel, VisitKind};
use crate::common::limits;
use crate::error::Result;

pub async fn leaders(
    conn: &mut SqliteConnection,
    ids: &str,
    first: NaiveDate,
    as_of: NaiveDate,
) -> Result<(LeaderFigures, Vec<String>, HashMap<i64, Share>)> {
    let levels = sqlx::query!(
        r#"SELECT l.level AS "level: LeaderLevel", count(DISTINCT l.id) AS "leaders!: i64", count(*) AS "pairs!: i64"
           FROM leader_communities a JOIN contact_leaders l ON l.id = a.leader_id
           WHERE l.deleted_at IS NULL AND a.start_on <= ?2 AND (a.end_on IS NULL OR a.end_on >= ?2)
             AND a.community_id IN (SELECT value FROM json_each(?1))
           GROUP BY l.level"#,
        ids,
        as_of
    )
    .fetch_all(&mut *conn)
    .await?;
    let guiding = sqlx::query!(
        r#"SELECT DISTINCT l.name, l.title, l.level FROM leader_communities a JOIN contact_leaders l ON l.id = a.leader_id
           WHERE l.deleted_at IS NULL AND a.start_on <= ?2 AND (a.end_on IS NULL OR a.end_on >= ?2)
             AND a.community_id IN (SELECT value FROM json_each(?1))
           ORDER BY l.level, l.name"#,
        ids,
        as_of
    )
    .fetch_all(&mut *conn)
    .await?;
    let visits = sqlx::query!(
        r#"SELECT v.kind AS "kind: VisitKind", count(*) AS "n!: i64" FROM leader_visits v
           WHERE v.deleted_at IS NULL AND v.visited_on BETWEEN ?2 AND ?3 AND v.community_id IN (SELECT value FROM json_each(?1))
           GROUP BY v.kind"#,
        ids,
        first,
        as_of
    )
    .fetch_all(&mut *conn)
    .await?;
    let diaries = sqlx::query_scalar!(
        r#"SELECT count(*) AS "n!: i64" FROM diary_entries d
           WHERE d.written_on BETWEEN ?2 AND ?3 AND d.community_id IN (SELECT value FROM json_each(?1))"#,
        ids,
        first,
        as_of
    )
    .fetch_one(&mut *conn)
    .await?;
    let months = rule::stretches(first, as_of, false);
    let stretches_json = rule::as_json(&months);
    let stretches_json = stretches_json.as_str();
    let owed = sqlx::query!(
        r#"SELECT mo.value ->> 0 AS "stretch!: String", a.community_id AS "community_id!: i64", count(*) AS "owed!: i64",
                  coalesce(sum(EXISTS (SELECT 1 FROM leader_visits v WHERE v.leader_id = a.leader_id
                      AND v.community_id = a.community_id AND v.deleted_at IS NULL
                      AND v.visited_on BETWEEN mo.value ->> 1 AND mo.value ->> 2)), 0) AS "visited!: i64"
           FROM json_each(?2) mo
           JOIN leader_communities a ON a.start_on <= mo.value ->> 2 AND (a.end_on IS NULL OR a.end_on >= mo.value ->> 2)
           JOIN contact_leaders l ON l.id = a.leader_id
           WHERE l.deleted_at IS NULL AND a.community_id IN (SELECT value FROM json_each(?1))
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
    let (months, per_community, compliance) = rule::tally(&months, &owed);
    let figures = LeaderFigures {
        leaders: LeaderLevel::counted(|l| levels.iter().filter(|r| r.level == l).map(|r| r.leaders).sum()),
        pairs: levels.iter().map(|r| r.pairs).sum(),
        visits: VisitKind::counted(|k| visits.iter().filter(|r| r.kind == k).map(|r| r.n).sum()),
        months,
        compliance,
        diaries,
    };
    let guiding = guiding
        .into_iter()
        .map(|g| if g.title.is_empty() { g.name } else { format!("{}（{}）", g.name, g.title) })
        .collect();
    Ok((figures, guiding, per_community))
}

/// Difficulties raised, resolved and answered within the period, open at `as_of`, the median
/// days to an answer, month by month; and per community those open and open past the stale days.
pub async fn difficulties(
    conn: &mut SqliteConnection,
    ids: &str,
    first: NaiveDate,
    as_of: NaiveDate,
) -> Result<(DifficultyFigures, HashMap<i64, (i64, i64)>)> {
    let stale_before = as_of.checked_sub_days(Days::new(limits::STALE_DAYS)).unwrap_or(as_of);
    let rows = sqlx::query!(
        r#"SELECT d.community_id AS "community_id!: i64",
                  coalesce(sum(d.raised_on BETWEEN ?2 AND ?3), 0) AS "raised!: i64",
                  coalesce(sum(d.resolved_on BETWEEN ?2 AND ?3), 0) AS "resolved!: i64",
                  coalesce(sum(d.answered_on BETWEEN ?2 AND ?3), 0) AS "answered!: i64",
                  coalesce(sum(d.raised_on <= ?3 AND (d.answered_on IS NULL OR d.answered_on > ?3)), 0) AS "open!: i64",
                  coalesce(sum(d.raised_on < ?4 AND (d.answered_on IS NULL OR d.answered_on > ?3)), 0) AS "stale!: i64"
           FROM difficulties d WHERE d.community_id IN (SELECT value FROM json_each(?1))
           GROUP BY d.community_id"#,
        ids,
        first,
        as_of,
        stale_before
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut days = sqlx::query_scalar!(
        r#"SELECT CAST(julianday(d.answered_on) - julianday(d.raised_on) AS INTEGER) AS "days!: i64" FROM difficulties d
           WHERE d.answered_on BETWEEN ?2 AND ?3 AND d.community_id IN (SELECT value FROM json_each(?1))"#,
        ids,
        first,
        as_of
    )
    .fetch_all(&mut *conn)
    .await?;
    let flow = sqlx::query!(
        r#"SELECT month AS "month!: String", sum(raised) AS "raised!: i64", sum(answered) AS "answered!: i64" FROM (
             SELECT substr(d.raised_on, 1, 7) AS month, 1 AS raised, 0 AS answered FROM difficulties d
             WHERE d.raised_on BETWEEN ?2 AND ?3 AND d.community_id IN (SELECT value FROM json_each(?1))
             UNION ALL
             SELECT substr(d.answered_on, 1, 7), 0, 1 FROM difficulties d
             WHERE d.answered_on BETWEEN ?2 AND ?3 AND d.community_id IN (SELECT value FROM json_each(?1)))
           GROUP BY month"#,
        ids,
        first,
        as_of
    )
    .fetch_all(&mut *conn)
    .await?;
    let months = rule::stretches(first, as_of, false)
        .into_iter()
        .map(|s| {
            let month = s.period.to_string();
            let row = flow.iter().find(|f| f.month == month);
            MonthFlow { raised: row.map_or(0, |r| r.raised), answered: row.map_or(0, |r| r.answered), month }
        })
        .collect();
    let figures = DifficultyFigures {
        raised: rows.iter().map(|r| r.raised).sum(),
        resolved: rows.iter().map(|r| r.resolved).sum(),
        answered: rows.iter().map(|r| r.answered).sum(),
        open: rows.iter().map(|r| r.open).sum(),
        median_days_to_close: median(&mut days),
        months,
    };
    Ok((figures, rows.iter().map(|r| (r.community_id, (r.open, r.stale))).collect()))
}

/// The middle value, or the mean of the two middle ones; `None` for none.
fn median(values: &mut [i64]) -> Option<f64> {
    values.sort_unstable();
    let n = values.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(values[n / 2] as f64),
        _ => Some((values[n / 2 - 1] + values[n / 2]) as f64 / 2.0),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_median_of_an_even_count_is_the_mean_of_the_middle_two() {
        assert_eq!(super::median(&mut []), None);
        assert_eq!(super::median(&mut [9, 1, 5]), Some(5.0));
        assert_eq!(super::median(&mut [10, 1, 4, 7]), Some(5.5));
    }
}
