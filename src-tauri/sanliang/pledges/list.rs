//! The 亮承诺 list: one pass over a scope's pledges (with their item totals kept by triggers in
//! `pledge_totals`) judges each against today, counts them by status and picks one page, overdue
//! first, then by the nearest open deadline; the page's rows are then read in full.

use chrono::NaiveDate;
use sqlx::{QueryBuilder, Sqlite, SqliteConnection};

use super::model::{PledgeCounts, PledgeQuery, PledgeRow};
use super::rules::effective_status;
use crate::common::catalog::{Category, PledgeStatus};
use crate::error::Result;
use crate::roster::orgs::store as org_store;

/// The list's order of statuses: overdue first, completed last.
const ORDER: [PledgeStatus; 5] = [
    PledgeStatus::Overdue,
    PledgeStatus::Published,
    PledgeStatus::Draft,
    PledgeStatus::NotCompleted,
    PledgeStatus::Completed,
];

fn status_rank(s: PledgeStatus) -> usize {
    ORDER.iter().position(|o| *o == s).unwrap_or(ORDER.len())
}

/// The counts by status of the query's scope and year, the number of rows its filters match,
/// and the ids of its page in order.
pub struct Page {
    pub counts: PledgeCounts,
    pub total: i64,
    pub ids: Vec<i64>,
}

/// One row of the list's statement: a count by status (part 0), the filtered total (part 1) or
/// an id of the page with its sort keys (part 2).
/// Statuses decode as the vocabulary does: a code this version does not know is an error.
type Part = (i64, Option<PledgeStatus>, i64, Option<i64>, Option<NaiveDate>);

pub async fn page(conn: &mut SqliteConnection, query: &PledgeQuery, today: NaiveDate) -> Result<Page> {
    let under = org_store::narrowing(conn, query.org_id).await?;
    let text = query.text.trim();
    let mut sql: QueryBuilder<Sqlite> = QueryBuilder::new(
        "WITH s AS MATERIALIZED (SELECT p.id, CASE WHEN p.status = 'published' AND t.next_deadline < ",
    );
    sql.push_bind(today).push(" THEN 'overdue' ELSE p.status END AS status, t.next_deadline AS d, ");
    if text.is_empty() {
        sql.push("1");
    } else {
        sql.push("instr(COALESCE(m.name, o.name), ").push_bind(text.to_owned()).push(") > 0");
    }
    sql.push(
        " AS hit FROM pledges p
          LEFT JOIN pledge_totals t ON t.pledge_id = p.id
          LEFT JOIN members m ON m.id = p.member_id
          LEFT JOIN organizations o ON o.id = p.org_id
          WHERE p.deleted_at IS NULL AND m.deleted_at IS NULL AND o.deleted_at IS NULL",
    );
    if let Some(year) = query.year {
        sql.push(" AND p.year = ").push_bind(year);
    }
    if let Some(root) = under {
        sql.push(" AND COALESCE(m.org_id, p.org_id) IN (SELECT org_id FROM org_subtree WHERE root_id = ")
            .push_bind(root)
            .push(")");
    }
    sql.push(") SELECT 0, status, count(*), NULL, NULL FROM s GROUP BY status UNION ALL SELECT 1, NULL, count(*), NULL, NULL FROM s WHERE hit");
    let filter = |sql: &mut QueryBuilder<Sqlite>| {
        if let Some(status) = query.status {
            sql.push(" AND status = ").push_bind(status.code());
        }
    };
    filter(&mut sql);
    sql.push(" UNION ALL SELECT * FROM (SELECT 2, status, 0, id, d FROM s WHERE hit");
    filter(&mut sql);
    let rank: String = ORDER.iter().enumerate().map(|(i, s)| format!(" WHEN '{}' THEN {i}", s.code())).collect();
    let size = query.page_size.clamp(1, 200);
    let offset = (query.page.max(1) - 1) * size;
    sql.push(format_args!(" ORDER BY CASE status{rank} END, d IS NULL, d, id LIMIT {size} OFFSET {offset})"));
    let parts: Vec<Part> = sql.build_query_as().fetch_all(conn).await?;

    let mut counts = PledgeCounts::default();
    let mut total = 0;
    let mut page = Vec::new();
    for (part, status, n, id, deadline) in parts {
        match (part, status, id) {
            (0, Some(s), _) => {
                counts.total += n;
                *match s {
                    PledgeStatus::Draft => &mut counts.draft,
                    PledgeStatus::Published => &mut counts.published,
                    PledgeStatus::Overdue => &mut counts.overdue,
                    PledgeStatus::Completed => &mut counts.completed,
                    PledgeStatus::NotCompleted => &mut counts.not_completed,
                } += n;
            }
            (1, _, _) => total = n,
            (2, Some(s), Some(id)) => page.push((status_rank(s), deadline.is_none(), deadline, id)),
            _ => {}
        }
    }
    page.sort();
    Ok(Page { counts, total, ids: page.into_iter().map(|(.., id)| id).collect() })
}

/// The pledges of a subtree, a year or a member (each optional), newest year first.
pub async fn rows(
    conn: &mut SqliteConnection,
    under: Option<i64>,
    year: Option<i32>,
    member_id: Option<i64>,
    today: NaiveDate,
) -> Result<Vec<PledgeRow>> {
    let ids = sqlx::query_scalar!(
        r#"SELECT p.id AS "id!" FROM pledges p
           LEFT JOIN members m ON m.id = p.member_id
           LEFT JOIN organizations o ON o.id = p.org_id
           WHERE p.deleted_at IS NULL AND m.deleted_at IS NULL AND o.deleted_at IS NULL
             AND (?1 IS NULL OR COALESCE(m.org_id, o.id) IN (SELECT org_id FROM org_subtree WHERE root_id = ?1))
             AND (?2 IS NULL OR p.year = ?2)
             AND (?3 IS NULL OR p.member_id = ?3)
           ORDER BY p.year DESC, p.id"#,
        under,
        year,
        member_id,
    )
    .fetch_all(&mut *conn)
    .await?;
    by_ids(conn, &ids, today).await
}

/// The rows of these pledges, in the order given, judged against `today`.
pub async fn by_ids(conn: &mut SqliteConnection, ids: &[i64], today: NaiveDate) -> Result<Vec<PledgeRow>> {
    let json = serde_json::json!(ids).to_string();
    let rows = sqlx::query!(
        r#"SELECT p.id AS "id!", p.year AS "year: i32", p.member_id, p.org_id,
                  COALESCE(m.name, o.name) AS "owner_name!: String",
                  COALESCE(mo.name, o.name) AS "org_name!: String",
                  m.category AS "category?: Category", p.status AS "status: PledgeStatus",
                  p.published_on AS "published_on: NaiveDate",
                  COALESCE(t.items, 0) AS "items!: i64", COALESCE(t.done, 0) AS "done!: i64",
                  (SELECT count(*) FROM pledge_items i
                   WHERE i.pledge_id = p.id AND i.done_on IS NULL AND i.deadline < ?2) AS "late!: i64",
                  t.next_deadline AS "next_deadline?: NaiveDate",
                  (SELECT count(*) FROM pledge_appraisals a WHERE a.pledge_id = p.id) AS "appraisals!: i64"
           FROM pledges p
           LEFT JOIN pledge_totals t ON t.pledge_id = p.id
           LEFT JOIN members m ON m.id = p.member_id
           LEFT JOIN organizations mo ON mo.id = m.org_id
           LEFT JOIN organizations o ON o.id = p.org_id
           WHERE p.id IN (SELECT value FROM json_each(?1))"#,
        json,
        today
    )
    .fetch_all(conn)
    .await?;
    let mut out: Vec<PledgeRow> = rows
        .into_iter()
        .map(|r| {
            let overdue_items = if r.status == PledgeStatus::Published { r.late } else { 0 };
            PledgeRow {
                id: r.id,
                year: r.year,
                member_id: r.member_id,
                org_id: r.org_id,
                owner_name: r.owner_name,
                org_name: r.org_name,
                category: r.category,
                status: effective_status(r.status, overdue_items),
                items: r.items,
                done: r.done,
                overdue_items,
                next_deadline: r.next_deadline,
                published_on: r.published_on,
                appraisals: r.appraisals,
            }
        })
        .collect();
    let position: std::collections::HashMap<i64, usize> = ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    out.sort_by_key(|r| position.get(&r.id).copied());
    Ok(out)
}
