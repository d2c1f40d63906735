//! `sanliang identity | posts | pledges`: the 三亮 figures and lists.

use chrono::NaiveDate;
use sanliang::common::catalog::PledgeStatus;
use sanliang::common::limits;
use sanliang::error::Result;
use sanliang::sanliang::identity;
use sanliang::sanliang::pledges::{self, PledgeQuery};
use sanliang::sanliang::posts;
use sqlx::SqlitePool;

use crate::every_page;

/// 亮身份: the counts by mark, then every member on the roll who has not shown identity.
pub async fn identity(pool: &SqlitePool, org: Option<i64>) -> Result<()> {
    let s = identity::summary(pool, org).await?;
    out!("在册党员\t{}", s.active_members);
    out!("已亮身份\t{}", s.shown);
    out!("未亮身份\t{}", s.not_shown);
    for t in &s.by_type {
        out!("{}\t{}", t.label, t.count);
    }
    every_page(|page| async move {
        let p = identity::not_shown(pool, org, page, limits::PAGE_SIZE_MAX).await?;
        for m in &p.rows {
            out!("未亮身份：{}\t{}\t{}", m.id, m.name, m.org_name);
        }
        Ok(p.total)
    })
    .await?;
    Ok(())
}

/// 亮职责: who holds a post, then every post with its holders.
pub async fn posts(pool: &SqlitePool, org: Option<i64>) -> Result<()> {
    let s = posts::stats(pool, org).await?;
    out!("在册党员\t{}", s.active_members);
    out!("已认岗定责\t{}", s.with_post);
    out!("其中认岗\t{}", s.claimed);
    out!("其中设岗\t{}", s.assigned);
    out!("岗位数\t{}", s.posts);
    for p in posts::list(pool, org).await? {
        out!("岗位：{}\t{}\t{}\t{}/{}", p.id, p.community_name, p.name, p.holders, p.capacity);
    }
    Ok(())
}

/// 亮承诺: the counts by status, then each pledge, overdue first, judged on `on`.
pub async fn pledges(
    pool: &SqlitePool,
    org: Option<i64>,
    status: Option<PledgeStatus>,
    on: NaiveDate,
    year: Option<i32>,
) -> Result<()> {
    every_page(|page| {
        let query =
            PledgeQuery { org_id: org, year, status, page, page_size: limits::PAGE_SIZE_MAX, ..Default::default() };
        async move {
            let result = pledges::search(pool, &query, on).await?;
            if page == 1 {
                let c = &result.counts;
                out!("承诺\t{}", c.total);
                for (status, n) in [
                    (PledgeStatus::Draft, c.draft),
                    (PledgeStatus::Published, c.published),
                    (PledgeStatus::Overdue, c.overdue),
                    (PledgeStatus::Completed, c.completed),
                    (PledgeStatus::NotCompleted, c.not_completed),
                ] {
                    out!("{}\t{n}", status.label());
                }
            }
            for r in &result.rows {
                out!(
                    "承诺：{}\t{}年\t{}\t{}\t{}\t完成{}/{}项\t逾期{}项\t最近时限{}",
                    r.id,
                    r.year,
                    r.owner_name,
                    r.org_name,
                    r.status.label(),
                    r.done,
                    r.items,
                    r.overdue_items,
                    r.next_deadline.map_or_else(|| "—".to_owned(), |d| d.to_string())
                );
            }
            Ok(result.total)
        }
    })
    .await?;
    Ok(())
}
