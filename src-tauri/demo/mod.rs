//! The demo county (江川县, from the seed): organizations and plausible members, generated
//! deterministically so every run — and every test — sees the same data.

pub mod clear;
mod county;
mod members;
mod orgs;
mod pledges;
mod schedule;
mod sijin;

use chrono::{Days, NaiveDate};
use rand::rngs::SmallRng;
use rand::{Rng, SeedableRng};
use serde::{Deserialize, Serialize};
use sqlx::SqlitePool;
use ts_rs::TS;

use crate::common::catalog::{MemberStatus, ZoneItemKind};
use crate::error::{Error, Result};
use crate::roster::members::store as member_store;
use crate::roster::orgs::Organization;
use crate::sanliang::zones::store as zone_store;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DemoScale {
    /// The five communities the seed names, about 300 members.
    Community,
    /// A whole county: ~100 communities, ~20,000 members (benchmarks).
    County,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DemoSummary {
    pub organizations: i64,
    pub members: i64,
}

const SEED: u64 = 20_110_822;

pub(crate) fn pick<'a, T>(rng: &mut SmallRng, weighted: &'a [(T, u32)]) -> &'a T {
    let total: u32 = weighted.iter().map(|(_, w)| w).sum();
    let mut n = rng.random_range(0..total);
    for (item, w) in weighted {
        if n < *w {
            return item;
        }
        n -= w;
    }
    &weighted[0].0
}

pub(crate) fn date_between(rng: &mut SmallRng, from: NaiveDate, to: NaiveDate) -> NaiveDate {
    let span = (to - from).num_days().max(0) as u64;
    from.checked_add_days(Days::new(rng.random_range(0..=span))).unwrap_or(from)
}

/// Writes the demo county into an empty database, all in one transaction.
pub async fn load(pool: &SqlitePool, scale: DemoScale, today: NaiveDate) -> Result<DemoSummary> {
    let mut conn = pool.acquire().await?;
    let usual = crate::db::batch::long_write(&mut conn).await?;
    let loaded = load_on(&mut conn, scale, today).await;
    crate::db::batch::restore(&mut conn, usual).await?;
    drop(conn);
    let summary = loaded?;
    // A fresh county's worth of rows: the planner's statistics gathered now, not at the next close.
    sqlx::query("ANALYZE").execute(pool).await?;
    Ok(summary)
}

async fn load_on(conn: &mut sqlx::SqliteConnection, scale: DemoScale, today: NaiveDate) -> Result<DemoSummary> {
    let mut rng = SmallRng::seed_from_u64(SEED);
    let mut tx = crate::db::write_on(conn).await?;
    if crate::roster::orgs::store::any(&mut tx).await? {
        return Err(Error::conflict(None, "数据库中已有组织数据，示例数据只能载入到空数据库"));
    }
    let before = clear::before_load(&mut tx).await?;
    // The demo is nobody's work: it leaves no 操作记录.
    crate::db::history::pause(&mut tx).await?;
    let members_per_community = match scale {
        DemoScale::Community => 60,
        DemoScale::County => 200,
    };
    let mut tree = orgs::load(&mut tx, &mut rng, scale, members_per_community as i64 / 4 + 1).await?;
    let total = tree.communities.len() * members_per_community;
    let pledgers = members::load(&mut tx, &mut rng, &mut tree, total, today).await?;
    if let Some(community) = &tree.hezui {
        lakeside_zones(&mut tx, community, &mut rng).await?;
    }
    pledges::load(&mut tx, &mut rng, &pledgers, &tree.communities, today).await?;
    sijin::load(&mut tx, &mut rng, scale, &tree.units, &tree.communities, today).await?;
    schedule::load(&mut tx, &mut rng, &tree.communities, today).await?;
    // What the demo wrote, so 清除示例数据 can take it away again.
    clear::after_load(&mut tx, &before).await?;
    crate::db::history::resume(&mut tx).await?;
    tx.commit().await?;
    Ok(DemoSummary { organizations: tree.count, members: total as i64 })
}

/// 河咀社区's 环湖党建 from the seed: twelve responsibility zones, each lane and household
/// assigned to one member on the roll — all but a few, so the page has work to show.
async fn lakeside_zones(tx: &mut sqlx::SqliteConnection, community: &Organization, rng: &mut SmallRng) -> Result<()> {
    let filter = member_store::Filter {
        under: Some(community.id),
        text: None,
        category: None,
        status: Some(MemberStatus::Active.code()),
    };
    let members = member_store::matching_ids(tx, &filter).await?;
    if members.is_empty() {
        return Ok(());
    }
    let ordinals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"];
    for (z, ord) in ordinals.iter().enumerate() {
        let zone =
            zone_store::insert_zone(tx, &uuid::Uuid::new_v4().to_string(), community.id, &format!("环湖第{ord}责任区"))
                .await?;
        let mut items = vec![
            (ZoneItemKind::Lane, format!("湖滨{}巷", z * 2 + 1)),
            (ZoneItemKind::Lane, format!("湖滨{}巷", z * 2 + 2)),
        ];
        for h in 1..=3 {
            items.push((ZoneItemKind::Household, format!("河咀村{}组{}号", z + 1, h * 7 + z)));
        }
        // One member looks after a zone's lanes, a neighbour its households.
        let keeper = members[(z * 2) % members.len()];
        let neighbour = members[(z * 2 + 1) % members.len()];
        for (kind, name) in items {
            let item = zone_store::insert_item(tx, &uuid::Uuid::new_v4().to_string(), zone, kind, &name).await?;
            if rng.random_range(0..100) < 92 {
                let who = if kind == ZoneItemKind::Lane { keeper } else { neighbour };
                zone_store::cover_if_free(tx, item, who).await?;
            }
        }
    }
    Ok(())
}
