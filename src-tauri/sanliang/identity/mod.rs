//! 亮身份: recording the marks by which members show identity — one at a time or for a whole
//! selection in one transaction — and the figures per organization subtree: who has shown
//! identity and who has not yet.

mod model;
pub(crate) mod store;

pub use model::*;

use chrono::NaiveDate;
use sqlx::SqlitePool;

use crate::common::catalog::LabeledCount;
use crate::common::catalog::{MarkType, MemberStatus};
use crate::common::limits;
use crate::common::validate::{check_past_date, check_text};
use crate::error::{Error, Result};
use crate::roster::members::{self, MemberPage};

/// Records one mark for every selected member on the roll, all in one transaction.
pub async fn record_bulk(pool: &SqlitePool, bulk: &BulkMark, today: NaiveDate) -> Result<BulkMarkResult> {
    let shown_on = check_past_date("shownOn", "亮身份日期", &bulk.shown_on, today)?;
    let place = check_text("place", "地点/岗位", &bulk.place, limits::MARK_PLACE, false)?;
    let ids = match &bulk.selection {
        MemberSelection::Ids(ids) => ids.clone(),
        MemberSelection::Query(q) => members::matching_ids(pool, q).await?,
    };
    if ids.is_empty() {
        return Err(Error::validation("selection", "请先选择党员"));
    }
    let mut tx = crate::db::write(pool).await?;
    let mut result = BulkMarkResult { recorded: 0, already: 0, skipped: 0 };
    for id in ids {
        match store::member_status(&mut tx, id).await? {
            None => return Err(Error::NotFound(format!("所选党员（编号{id}）不存在或已删除，未登记任何记录"))),
            Some(status) if status != MemberStatus::Active => result.skipped += 1,
            Some(_) => {
                let uuid = uuid::Uuid::new_v4().to_string();
                if store::insert_if_absent(&mut tx, &uuid, id, bulk.mark_type, shown_on, &place).await? {
                    result.recorded += 1;
                } else {
                    result.already += 1;
                }
            }
        }
    }
    tx.commit().await?;
    Ok(result)
}

pub async fn member_marks(pool: &SqlitePool, member_id: i64) -> Result<Vec<IdentityMark>> {
    store::for_member(&mut *pool.acquire().await?, member_id).await
}

pub async fn remove(pool: &SqlitePool, mark_id: i64) -> Result<()> {
    store::soft_delete(&mut *pool.acquire().await?, mark_id).await
}

pub async fn summary(pool: &SqlitePool, org_id: Option<i64>) -> Result<IdentitySummary> {
    let mut conn = pool.acquire().await?;
    let (active_members, shown) = store::shown_counts(&mut conn, org_id).await?;
    let counts = store::counts_by_type(&mut conn, org_id).await?;
    let by_type = MarkType::ALL
        .iter()
        .map(|t| LabeledCount {
            code: t.code().into(),
            label: t.label().into(),
            count: counts.iter().find(|(c, _)| c == t.code()).map_or(0, |(_, n)| *n),
        })
        .collect();
    Ok(IdentitySummary { active_members, shown, not_shown: active_members - shown, by_type })
}

/// Members on the roll in the subtree and how many of them have shown identity (the home page's
/// figure, without the per-mark counts of [`summary`]).
pub async fn shown(pool: &SqlitePool, org_id: Option<i64>) -> Result<(i64, i64)> {
    store::shown_counts(&mut *pool.acquire().await?, org_id).await
}

/// Members on the roll in the subtree who hold no mark yet, by name.
pub async fn not_shown(pool: &SqlitePool, org_id: Option<i64>, page: u32, page_size: u32) -> Result<MemberPage> {
    let page_size = page_size.clamp(1, limits::PAGE_SIZE_MAX);
    let offset = (page.max(1) - 1) * page_size;
    let mut conn = pool.acquire().await?;
    let (active, shown) = store::shown_counts(&mut conn, org_id).await?;
    let rows = store::not_shown(&mut conn, org_id, page_size, offset).await?;
    Ok(MemberPage { rows, total: active - shown })
}
