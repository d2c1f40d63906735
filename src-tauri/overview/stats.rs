//! The figures on the home page: organizations by kind, members by status and category.

use serde::Serialize;
use sqlx::SqlitePool;
use ts_rs::TS;

use crate::common::catalog::{Category, LabeledCount, MemberStatus, OrgKind};
use crate::error::Result;
use crate::roster::members::store as member_store;
use crate::roster::orgs::store as org_store;

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HomeStats {
    /// Organizations in the whole database, per kind.
    pub organizations: Vec<LabeledCount>,
    /// Members in the scope per status (在册 / 转出 / 去世).
    pub by_status: Vec<LabeledCount>,
    /// Members on the roll in the scope per category.
    pub by_category: Vec<LabeledCount>,
    pub active_members: i64,
}

pub async fn home(pool: &SqlitePool, org_id: Option<i64>) -> Result<HomeStats> {
    let mut conn = pool.acquire().await?;
    let kinds = org_store::count_by_kind(&mut conn).await?;
    let organizations = OrgKind::ALL
        .iter()
        .map(|k| LabeledCount {
            code: k.code().into(),
            label: k.label().into(),
            count: kinds.iter().find(|(c, _)| c == k.code()).map_or(0, |(_, n)| *n),
        })
        .collect();
    let counts = member_store::counts(&mut conn, org_id).await?;
    let by_status = MemberStatus::ALL
        .iter()
        .map(|s| LabeledCount {
            code: s.code().into(),
            label: s.label().into(),
            count: counts.iter().filter(|(st, _, _)| st == s.code()).map(|(_, _, n)| n).sum(),
        })
        .collect();
    let by_category = Category::ALL
        .iter()
        .map(|c| LabeledCount {
            code: c.code().into(),
            label: c.label().into(),
            count: counts
                .iter()
                .filter(|(st, cat, _)| st == MemberStatus::Active.code() && cat == c.code())
                .map(|(_, _, n)| n)
                .sum(),
        })
        .collect();
    let active_members = counts.iter().filter(|(st, _, _)| st == MemberStatus::Active.code()).map(|(_, _, n)| n).sum();
    Ok(HomeStats { organizations, by_status, by_category, active_members })
}

/// The practice at a glance for the home page: identity shown, posts held, this year's
/// pledges done and overdue, unit pairings — each with its unit, linking to its page.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PracticeFigure {
    pub code: String,
    pub label: String,
    pub count: i64,
    pub unit: String,
    pub route: String,
}

pub async fn practice(pool: &SqlitePool, org_id: Option<i64>, today: chrono::NaiveDate) -> Result<Vec<PracticeFigure>> {
    use chrono::Datelike;
    let query = crate::sanliang::pledges::PledgeQuery {
        org_id,
        year: Some(today.year()),
        page: 1,
        page_size: 1,
        ..Default::default()
    };
    // Each on a connection of its own: a county's figures come in the time of the slowest.
    let ((_, shown), posts, pledges, pairs) = tokio::try_join!(
        crate::sanliang::identity::shown(pool, org_id),
        crate::sanliang::posts::stats(pool, org_id),
        crate::sanliang::pledges::search(pool, &query, today),
        crate::sijin::pairings::stats(pool, org_id),
    )?;
    let pledges = pledges.counts;
    let figure = |code: &str, label: String, count: i64, unit: &str, route: &str| PracticeFigure {
        code: code.into(),
        label,
        count,
        unit: unit.into(),
        route: route.into(),
    };
    Ok(vec![
        figure("shown", "已亮身份".into(), shown, "名", "/identity"),
        figure("with_post", "已认岗定责".into(), posts.with_post, "名", "/posts"),
        figure("pledges_done", format!("{}年承诺已完成", today.year()), pledges.completed, "份", "/pledges"),
        figure("pledges_overdue", "承诺已逾期".into(), pledges.overdue, "份", "/pledges"),
        figure("pairings", "结对共建".into(), pairs.pairings, "对", "/pairings"),
    ])
}
