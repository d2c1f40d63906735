//! 亮身份: recording the marks by which members show identity — one at a time or for a whole
//! selection in one transaction — and the figures per organization subtree: who has shown
//! identity and who has not yet.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sqlx::SqlitePool;
use ts_rs::TS;

use crate::db::identity as store;
use crate::domain::catalog::MarkType;
use crate::domain::members::{self, MemberPage, MemberQuery};
use crate::domain::orgs::subtree_path;
use crate::domain::stats::LabeledCount;
use crate::domain::validate::check_text;
use crate::error::{Error, Result};

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IdentityMark {
    pub id: i64,
    pub member_id: i64,
    pub mark_type: MarkType,
    pub shown_on: NaiveDate,
    pub place: String,
}

/// Which members a batch applies to: those picked by hand, or everyone a roster query matches.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum MemberSelection {
    Ids(Vec<i64>),
    Query(MemberQuery),
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BulkMark {
    pub selection: MemberSelection,
    pub mark_type: MarkType,
    /// YYYY-MM-DD; not in the future.
    pub shown_on: String,
    /// 窗口, 岗位 … (optional).
    pub place: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BulkMarkResult {
    /// Members who now hold the mark for the first time.
    pub recorded: i64,
    /// Members who already held it (left as they were).
    pub already: i64,
    /// Members not on the roll (转出/去世), left out.
    pub skipped: i64,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IdentitySummary {
    /// Members on the roll in the subtree.
    pub active_members: i64,
    /// Of those, members holding at least one mark.
    pub shown: i64,
    pub not_shown: i64,
    /// Members on the roll holding each kind of mark.
    pub by_type: Vec<LabeledCount>,
}

pub const PLACE_MAX: usize = 30;

/// Records one mark for every selected member on the roll, all in one transaction.
pub async fn record_bulk(pool: &SqlitePool, bulk: &BulkMark, today: NaiveDate) -> Result<BulkMarkResult> {
    let shown_on = NaiveDate::parse_from_str(bulk.shown_on.trim(), "%Y-%m-%d")
        .map_err(|_| Error::validation("shownOn", "请填写有效的亮身份日期（格式：2026-11-28）"))?;
    if shown_on > today {
        return Err(Error::validation("shownOn", "亮身份日期不能晚于今天"));
    }
    let place = check_text("place", "地点/岗位", &bulk.place, PLACE_MAX, false)?;
    let ids = match &bulk.selection {
        MemberSelection::Ids(ids) => ids.clone(),
        MemberSelection::Query(q) => members::matching_ids(pool, q).await?,
    };
    if ids.is_empty() {
        return Err(Error::validation("selection", "请先选择党员"));
    }
    let mut tx = pool.begin().await?;
    let mut result = BulkMarkResult { recorded: 0, already: 0, skipped: 0 };
    for id in ids {
        match store::member_status(&mut tx, id).await? {
            None => return Err(Error::NotFound(format!("所选党员（编号{id}）不存在或已删除，未登记任何记录"))),
            Some(status) if status != "active" => result.skipped += 1,
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
    let path = subtree_path(pool, org_id).await?;
    let mut conn = pool.acquire().await?;
    let (active_members, shown) = store::shown_counts(&mut conn, path.as_deref()).await?;
    let counts = store::counts_by_type(&mut conn, path.as_deref()).await?;
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

/// Members on the roll in the subtree who hold no mark yet, by name.
pub async fn not_shown(pool: &SqlitePool, org_id: Option<i64>, page: u32, page_size: u32) -> Result<MemberPage> {
    let path = subtree_path(pool, org_id).await?;
    let page_size = page_size.clamp(1, members::PAGE_SIZE_MAX);
    let offset = (page.max(1) - 1) * page_size;
    let mut conn = pool.acquire().await?;
    let (active, shown) = store::shown_counts(&mut conn, path.as_deref()).await?;
    let rows = store::not_shown(&mut conn, path.as_deref(), page_size, offset).await?;
    Ok(MemberPage { rows, total: active - shown })
}
