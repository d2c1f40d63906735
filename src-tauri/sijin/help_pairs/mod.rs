//! 党员领导干部帮扶对子 — a cadre and the household or person he helps in a community, with
//! dated records of the help given.

mod model;
pub(crate) mod store;

pub use model::*;

use chrono::NaiveDate;
use sqlx::SqlitePool;

use crate::common::catalog::OrgKind;
use crate::common::limits;
use crate::common::validate::{check_name, check_paragraphs, check_past_date, check_text};
use crate::error::{Error, Result};
use crate::roster::orgs::store as org_store;

pub async fn create(pool: &SqlitePool, input: &HelpPairInput, today: NaiveDate) -> Result<HelpPair> {
    let community_id = input.community_id.ok_or_else(|| Error::validation("communityId", "请选择社区"))?;
    let cadre = check_name("cadre", &input.cadre)?;
    let cadre_title = check_text("cadreTitle", "职务", &input.cadre_title, limits::JOB_TITLE, false)?;
    let helped = check_text("helped", "帮扶对象", &input.helped, limits::HELPED, true)?;
    let start_on = check_past_date("startOn", "结对日期", &input.start_on, today)?;
    let mut conn = pool.acquire().await?;
    let community = org_store::get(&mut conn, community_id)
        .await
        .map_err(|_| Error::validation("communityId", "所选社区不存在"))?;
    if community.kind != OrgKind::Community {
        return Err(Error::validation("communityId", "帮扶对象所在的应是社区"));
    }
    let id = store::insert(&mut conn, community_id, &cadre, &cadre_title, &helped, start_on).await?;
    store::get(&mut conn, id).await
}

/// A dated record of help given, not before the pair was formed.
pub async fn add_record(
    pool: &SqlitePool,
    pair_id: i64,
    helped_on: &str,
    text: &str,
    today: NaiveDate,
) -> Result<HelpPair> {
    let helped_on = check_past_date("helpedOn", "帮扶日期", helped_on, today)?;
    let text = check_paragraphs("text", "帮扶情况", text, limits::RECORD_TEXT, true)?;
    let mut conn = pool.acquire().await?;
    let pair = store::get(&mut conn, pair_id).await?;
    if helped_on < pair.start_on {
        return Err(Error::validation("helpedOn", "帮扶日期不能早于结对日期"));
    }
    if pair.end_on.is_some_and(|end| helped_on > end) {
        return Err(Error::validation("helpedOn", "帮扶日期不能晚于对子结束的日期"));
    }
    store::insert_record(&mut conn, pair_id, helped_on, &text).await?;
    store::get(&mut conn, pair_id).await
}

/// Ends a pair on a date: not before it began or its last record, not in the future.
pub async fn end(pool: &SqlitePool, pair_id: i64, end_on: &str, today: NaiveDate) -> Result<HelpPair> {
    let end_on = check_past_date("endOn", "结束日期", end_on, today)?;
    let mut tx = crate::db::write(pool).await?;
    let pair = store::get(&mut tx, pair_id).await?;
    if pair.end_on.is_some() {
        return Err(Error::conflict(None, "该帮扶对子已经结束"));
    }
    if end_on < pair.start_on {
        return Err(Error::validation("endOn", format!("结束日期不能早于结对日期 {}", pair.start_on)));
    }
    if let Some(last) = pair.last_record.filter(|last| *last > end_on) {
        return Err(Error::validation("endOn", format!("{last} 还有帮扶记录，结束日期不能早于它")));
    }
    store::end(&mut tx, pair_id, end_on).await?;
    let saved = store::get(&mut tx, pair_id).await?;
    tx.commit().await?;
    Ok(saved)
}

pub async fn list(pool: &SqlitePool, org_id: Option<i64>) -> Result<Vec<HelpPair>> {
    store::list(&mut *pool.acquire().await?, org_id).await
}

pub async fn records(pool: &SqlitePool, pair_id: i64) -> Result<Vec<HelpRecord>> {
    store::records(&mut *pool.acquire().await?, pair_id).await
}
