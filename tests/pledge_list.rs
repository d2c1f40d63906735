//! The 亮承诺 list against a reference judged here from the raw pledge and item rows: the same
//! counts, totals and pages in the same order for scopes, years, statuses and names, before and
//! after items are done, rewritten and removed (the item totals kept by triggers).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use sanliang::common::catalog::PledgeStatus;
use sanliang::roster::orgs;
use sanliang::sanliang::pledges::cycle::{self, ProgressInput};
use sanliang::sanliang::pledges::{self, PledgeQuery};
use sqlx::SqlitePool;

use crate::support;

/// A pledge as the test reads it from the tables themselves.
#[derive(Debug, Clone)]
struct Raw {
    id: i64,
    year: i64,
    owner: String,
    org_id: i64,
    status: String,
    /// Each item's deadline and whether it is done.
    items: Vec<(Option<NaiveDate>, bool)>,
}

async fn raw(pool: &SqlitePool) -> Vec<Raw> {
    let heads: Vec<(i64, i64, String, i64, String)> = sqlx::query_as(
        "SELECT p.id, p.year, COALESCE(m.name, o.name), COALESCE(m.org_id, p.org_id), p.status FROM pledges p
         LEFT JOIN members m ON m.id = p.member_id LEFT JOIN organizations o ON o.id = p.org_id
         WHERE p.deleted_at IS NULL AND m.deleted_at IS NULL AND o.deleted_at IS NULL",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    let items: Vec<(i64, Option<NaiveDate>, Option<String>)> =
        sqlx::query_as("SELECT pledge_id, deadline, done_on FROM pledge_items").fetch_all(pool).await.unwrap();
    let mut by_pledge: BTreeMap<i64, Vec<(Option<NaiveDate>, bool)>> = BTreeMap::new();
    for (pledge, deadline, done) in items {
        by_pledge.entry(pledge).or_default().push((deadline, done.is_some()));
    }
    heads
        .into_iter()
        .map(|(id, year, owner, org_id, status)| Raw {
            id,
            year,
            owner,
            org_id,
            status,
            items: by_pledge.remove(&id).unwrap_or_default(),
        })
        .collect()
}

impl Raw {
    fn next_deadline(&self) -> Option<NaiveDate> {
        self.items.iter().filter(|(_, done)| !done).filter_map(|(d, _)| *d).min()
    }

    fn status(&self, today: NaiveDate) -> PledgeStatus {
        let late = self.items.iter().any(|(d, done)| !done && d.is_some_and(|d| d < today));
        match self.status.as_str() {
            "published" if late => PledgeStatus::Overdue,
            code => PledgeStatus::from_code(code).unwrap(),
        }
    }

    /// The list's order: overdue, in progress, drafts, not completed, completed; then the
    /// nearest open deadline, pledges with none after; then the id.
    fn key(&self, today: NaiveDate) -> (u8, bool, Option<NaiveDate>, i64) {
        let rank = match self.status(today) {
            PledgeStatus::Overdue => 0,
            PledgeStatus::Published => 1,
            PledgeStatus::Draft => 2,
            PledgeStatus::NotCompleted => 3,
            PledgeStatus::Completed => 4,
        };
        (rank, self.next_deadline().is_none(), self.next_deadline(), self.id)
    }
}

/// What the list must show for `query`, judged from the raw rows: (total, ids of the page,
/// counts by status of the scope and year).
fn expected(
    all: &[Raw],
    subtree: &[i64],
    query: &PledgeQuery,
    today: NaiveDate,
) -> (i64, Vec<i64>, BTreeMap<PledgeStatus, i64>) {
    let scoped: Vec<&Raw> = all
        .iter()
        .filter(|r| subtree.contains(&r.org_id) && query.year.is_none_or(|y| r.year == i64::from(y)))
        .collect();
    let mut counts = BTreeMap::new();
    for r in &scoped {
        *counts.entry(r.status(today)).or_insert(0) += 1;
    }
    let mut hits: Vec<&Raw> = scoped
        .into_iter()
        .filter(|r| query.status.is_none_or(|s| r.status(today) == s) && r.owner.contains(query.text.trim()))
        .collect();
    hits.sort_by_key(|r| r.key(today));
    let size = query.page_size as usize;
    let page = hits.iter().skip((query.page as usize - 1) * size).take(size).map(|r| r.id).collect();
    (hits.len() as i64, page, counts)
}

async fn subtree(pool: &SqlitePool, root: i64) -> Vec<i64> {
    sqlx::query_scalar("SELECT org_id FROM org_subtree WHERE root_id = ?1").bind(root).fetch_all(pool).await.unwrap()
}

async fn check(pool: &SqlitePool, query: &PledgeQuery, subtree: &[i64], today: NaiveDate) {
    let all = raw(pool).await;
    let (total, ids, counts) = expected(&all, subtree, query, today);
    let got = pledges::search(pool, query, today).await.unwrap();
    assert_eq!(got.total, total, "{query:?}");
    assert_eq!(got.rows.iter().map(|r| r.id).collect::<Vec<_>>(), ids, "{query:?}");
    let c = &got.counts;
    let by = |s| counts.get(&s).copied().unwrap_or(0);
    assert_eq!(
        [c.overdue, c.published, c.draft, c.not_completed, c.completed, c.total],
        [
            by(PledgeStatus::Overdue),
            by(PledgeStatus::Published),
            by(PledgeStatus::Draft),
            by(PledgeStatus::NotCompleted),
            by(PledgeStatus::Completed),
            counts.values().sum::<i64>()
        ],
        "{query:?}"
    );
    for row in &got.rows {
        let r = all.iter().find(|r| r.id == row.id).unwrap();
        assert_eq!(row.status, r.status(today), "pledge {}", row.id);
        assert_eq!(row.next_deadline, r.next_deadline(), "pledge {}", row.id);
        assert_eq!((row.items, row.done), (r.items.len() as i64, r.items.iter().filter(|i| i.1).count() as i64));
        let late = r.items.iter().filter(|(d, done)| !done && d.is_some_and(|d| d < today)).count() as i64;
        assert_eq!(row.overdue_items, if row.status == PledgeStatus::Overdue { late } else { 0 });
        assert_eq!(row.owner_name, r.owner);
    }
}

/// The triggers' totals equal the items counted afresh, for every pledge with items.
async fn totals_match_items(pool: &SqlitePool) {
    let wrong: Vec<(i64,)> = sqlx::query_as(
        "SELECT i.pledge_id FROM pledge_items i GROUP BY i.pledge_id
         HAVING (count(*), count(i.done_on), min(CASE WHEN i.done_on IS NULL THEN i.deadline END)) IS NOT
                (SELECT t.items, t.done, t.next_deadline FROM pledge_totals t WHERE t.pledge_id = i.pledge_id)
         UNION ALL
         SELECT t.pledge_id FROM pledge_totals t
         WHERE t.items <> (SELECT count(*) FROM pledge_items i WHERE i.pledge_id = t.pledge_id)",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    assert!(wrong.is_empty(), "totals differing from their items: {wrong:?}");
}

#[tokio::test]
async fn the_list_counts_orders_and_pages_as_each_pledge_judged_from_its_items() {
    let t = support::demo().await;
    let today = support::today();
    let tree = orgs::tree(&t.pool).await.unwrap();
    let county = tree[0].org.id;
    let township = tree[0].children[0].org.id;
    let (whole, part) = (subtree(&t.pool, county).await, subtree(&t.pool, township).await);
    totals_match_items(&t.pool).await;
    let q = |org_id, year, status, text: &str, page, page_size| PledgeQuery {
        org_id,
        year,
        status,
        text: text.into(),
        page,
        page_size,
    };
    let surname = raw(&t.pool).await[0].owner.chars().next().unwrap().to_string();
    let queries = [
        (q(Some(county), Some(2026), None, "", 1, 20), &whole),
        (q(Some(county), Some(2026), None, "", 3, 20), &whole),
        (q(None, None, None, "", 2, 7), &whole),
        (q(Some(county), Some(2026), Some(PledgeStatus::Overdue), "", 1, 5), &whole),
        (q(Some(county), Some(2025), Some(PledgeStatus::Completed), "", 1, 50), &whole),
        (q(Some(township), Some(2026), None, "", 1, 10), &part),
        (q(Some(township), Some(2026), Some(PledgeStatus::Draft), "", 1, 10), &part),
        (q(Some(county), Some(2026), None, &surname, 1, 10), &whole),
        (q(Some(county), Some(2026), None, "没有这个人", 1, 10), &whole),
    ];
    for (query, scope) in &queries {
        check(&t.pool, query, scope, today).await;
    }
    let overdue = queries[3].0.clone();
    let first = pledges::search(&t.pool, &overdue, today).await.unwrap();
    assert!(first.counts.overdue > 0 && first.counts.published > 0, "the demo has both: {:?}", first.counts);

    // Each late item of the first overdue pledge done: it is in progress again, or completed.
    let pledge = pledges::get(&t.pool, first.rows[0].id, today).await.unwrap();
    for item in pledge.items.iter().filter(|i| i.overdue) {
        let done = ProgressInput {
            pledge_id: pledge.id,
            item_id: Some(item.id),
            entered_on: today.to_string(),
            text: "已完成".into(),
            item_done: true,
        };
        cycle::add_progress(&t.pool, &done, today).await.unwrap();
    }
    totals_match_items(&t.pool).await;
    let after = pledges::search(&t.pool, &overdue, today).await.unwrap();
    assert_eq!(after.counts.overdue, first.counts.overdue - 1);
    assert!(!after.rows.iter().any(|r| r.id == pledge.id));
    for (query, scope) in &queries {
        check(&t.pool, query, scope, today).await;
    }
    // A day later, the deadlines of today are past.
    let tomorrow = today.succ_opt().unwrap();
    for (query, scope) in &queries {
        check(&t.pool, query, scope, tomorrow).await;
    }
}

#[tokio::test]
async fn the_item_totals_follow_a_rewritten_draft_and_records_removed_for_good() {
    let t = support::demo().await;
    let today = support::today();
    let draft = raw(&t.pool).await.into_iter().find(|r| r.status == "draft" && r.items.len() > 1).unwrap();
    let mut pledge = pledges::get(&t.pool, draft.id, today).await.unwrap();
    let input = pledges::PledgeInput {
        member_id: pledge.member_id,
        org_id: pledge.org_id,
        year: pledge.year,
        pledged_on: pledge.pledged_on.to_string(),
        items: vec![pledges::ItemInput {
            content: "年底前为辖区困难家庭办理救助3户".into(),
            measures: "入户核实".into(),
            owner: "本人".into(),
            deadline: format!("{}-12-31", pledge.year),
        }],
        version: Some(pledge.version),
    };
    pledge = pledges::update(&t.pool, pledge.id, &input, today).await.unwrap();
    assert_eq!(pledge.items.len(), 1);
    let totals: (i64, i64, Option<String>) =
        sqlx::query_as("SELECT items, done, next_deadline FROM pledge_totals WHERE pledge_id = ?1")
            .bind(pledge.id)
            .fetch_one(&t.pool)
            .await
            .unwrap();
    assert_eq!(totals, (1, 0, Some(format!("{}-12-31", pledge.year))));
    totals_match_items(&t.pool).await;

    // 清除示例数据 removes every pledge and item for good, and their totals with them.
    sanliang::demo::clear::clear(&t.pool, t.dir.path()).await.unwrap();
    let left: i64 = sqlx::query_scalar("SELECT count(*) FROM pledge_totals").fetch_one(&t.pool).await.unwrap();
    let items: i64 = sqlx::query_scalar("SELECT count(*) FROM pledge_items").fetch_one(&t.pool).await.unwrap();
    assert_eq!((left, items), (0, 0));
}

#[tokio::test]
async fn a_status_this_version_does_not_know_fails_the_list_rather_than_vanishing_from_it() {
    let t = support::demo().await;
    let mut conn = t.pool.acquire().await.unwrap();
    sqlx::query("PRAGMA ignore_check_constraints = ON").execute(&mut *conn).await.unwrap();
    sqlx::query("UPDATE pledges SET status = 'withdrawn' WHERE id = (SELECT min(id) FROM pledges)")
        .execute(&mut *conn)
        .await
        .unwrap();
    sqlx::query("PRAGMA ignore_check_constraints = OFF").execute(&mut *conn).await.unwrap();
    drop(conn);
    let query = PledgeQuery { page: 1, page_size: 20, ..Default::default() };
    let err = pledges::search(&t.pool, &query, support::today()).await.unwrap_err();
    assert_eq!(err.kind(), sanliang::error::ErrorKind::Storage);
    assert!(err.to_string().contains("unknown PledgeStatus code \"withdrawn\""), "{err}");
}
