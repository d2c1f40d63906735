//! 党员干部进社区 — contact leaders assigned to communities, their visits and 民情日记, and the
//! rule that each visits each of his communities at least once a month: for any month, the
//! leader–community pairs with no visit.

mod model;
pub(crate) mod store;

pub use model::*;

use chrono::NaiveDate;
use sqlx::SqlitePool;

use crate::common::catalog::{LeaderLevel, OrgKind, RecordKind};
use crate::common::limits;
use crate::common::period::Period;
use crate::common::validate::{check_name, check_paragraphs, check_past_date, check_phone, check_text};
use crate::common::versions;
use crate::error::{Error, Result};
use crate::roster::orgs::store as org_store;
use crate::sijin::difficulties::{self};

/// A month written "2026-11" (leaders visit monthly).
pub fn month(field: &str, period: &str) -> Result<Period> {
    match Period::parse(period) {
        Some(month @ Period::Month(..)) => Ok(month),
        _ => Err(Error::validation(field, "请填写月份（格式：2026-11）")),
    }
}

/// The leader's fields, checked: (name, level, title, phone).
fn checked(input: &LeaderInput) -> Result<(String, LeaderLevel, String, String)> {
    let name = check_name("name", &input.name)?;
    let level = input.level.ok_or_else(|| Error::validation("level", "请选择县级或科级"))?;
    let title = check_text("title", "职务", &input.title, limits::JOB_TITLE, false)?;
    let phone = check_phone("phone", &input.phone)?;
    Ok((name, level, title, phone))
}

pub async fn create(pool: &SqlitePool, input: &LeaderInput) -> Result<Leader> {
    let (name, level, title, phone) = checked(input)?;
    let mut conn = pool.acquire().await?;
    let id = store::insert_leader(&mut conn, &name, level, &title, &phone).await?;
    store::leader(&mut conn, id).await
}

/// Corrects a leader's name, level, title or phone.
pub async fn update(pool: &SqlitePool, id: i64, input: &LeaderInput) -> Result<Leader> {
    let (name, level, title, phone) = checked(input)?;
    let mut tx = crate::db::write(pool).await?;
    let current = store::leader(&mut tx, id).await?;
    versions::check(
        &mut tx,
        RecordKind::ContactLeader,
        id,
        input.version,
        &format!("联系领导“{}”的信息", current.name),
    )
    .await?;
    store::update_leader(&mut tx, id, &name, level, &title, &phone).await?;
    let saved = store::leader(&mut tx, id).await?;
    tx.commit().await?;
    Ok(saved)
}

/// Deletes a leader entered by mistake. One with visits or diaries on record is kept: the
/// record of the work stays; end his contact instead.
pub async fn delete(pool: &SqlitePool, id: i64) -> Result<()> {
    let mut tx = crate::db::write(pool).await?;
    let leader = store::leader(&mut tx, id).await?;
    let (visits, diaries) = store::history(&mut tx, id).await?;
    if visits + diaries > 0 {
        return Err(Error::conflict(
            None,
            format!("{}已有 {visits} 次走访、{diaries} 篇民情日记，不能删除；如已调离，请用“结束联系”", leader.name),
        ));
    }
    store::delete_leader(&mut tx, id).await?;
    tx.commit().await?;
    Ok(())
}

/// Makes a leader the contact leader of a community from a date.
pub async fn assign(
    pool: &SqlitePool,
    leader_id: i64,
    community_id: Option<i64>,
    start_on: &str,
    today: NaiveDate,
) -> Result<Leader> {
    let community_id = community_id.ok_or_else(|| Error::validation("communityId", "请选择社区"))?;
    let start_on = check_past_date("startOn", "联系日期", start_on, today)?;
    let mut tx = crate::db::write(pool).await?;
    let leader = store::leader(&mut tx, leader_id).await?;
    let community = org_store::get(&mut tx, community_id)
        .await
        .map_err(|_| Error::validation("communityId", "所选社区不存在或已删除"))?;
    if community.kind != OrgKind::Community {
        return Err(Error::validation("communityId", "联系领导联系的是社区"));
    }
    if leader.communities.iter().any(|c| c.community_id == community_id) {
        return Err(Error::conflict(Some("communityId"), format!("{}已是{}的联系领导", leader.name, community.name)));
    }
    store::insert_assignment(&mut tx, leader_id, community_id, start_on).await?;
    let saved = store::leader(&mut tx, leader_id).await?;
    tx.commit().await?;
    Ok(saved)
}

/// Ends a leader's contact with a community (he moved on) on a date: not before the
/// assignment began, not in the future, not before a visit he made there.
pub async fn end_assignment(
    pool: &SqlitePool,
    leader_id: i64,
    community_id: i64,
    end_on: &str,
    today: NaiveDate,
) -> Result<Leader> {
    let end_on = check_past_date("endOn", "结束日期", end_on, today)?;
    let mut tx = crate::db::write(pool).await?;
    let leader = store::leader(&mut tx, leader_id).await?;
    let Some(start_on) = store::open_since(&mut tx, leader_id, community_id).await? else {
        return Err(Error::NotFound(format!("{}目前不联系这个社区", leader.name)));
    };
    if end_on < start_on {
        return Err(Error::validation("endOn", format!("结束日期不能早于开始联系的日期 {start_on}")));
    }
    if let Some(visit) = store::visit_after(&mut tx, leader_id, community_id, end_on).await? {
        return Err(Error::validation("endOn", format!("{visit} 还有{}的走访记录，结束日期不能早于它", leader.name)));
    }
    store::end_open(&mut tx, leader_id, community_id, end_on).await?;
    let saved = store::leader(&mut tx, leader_id).await?;
    tx.commit().await?;
    Ok(saved)
}

pub async fn list(pool: &SqlitePool, org_id: Option<i64>) -> Result<Vec<Leader>> {
    store::leaders(&mut *pool.acquire().await?, org_id).await
}

/// Records a visit and the difficulties raised in it, in one transaction. The leader must be
/// the community's contact leader on that day.
pub async fn log_visit(pool: &SqlitePool, input: &VisitInput, today: NaiveDate) -> Result<Visit> {
    let leader_id = input.leader_id.ok_or_else(|| Error::validation("leaderId", "请选择联系领导"))?;
    let community_id = input.community_id.ok_or_else(|| Error::validation("communityId", "请选择社区"))?;
    let visited_on = check_past_date("visitedOn", "走访日期", &input.visited_on, today)?;
    let kind = input.kind.ok_or_else(|| Error::validation("kind", "请选择活动形式"))?;
    let participants = check_text("participants", "参加人员", &input.participants, limits::PARTICIPANTS, false)?;
    let notes = check_paragraphs("notes", "情况记录", &input.notes, limits::LONG_NOTES, false)?;
    let mut tx = crate::db::write(pool).await?;
    if !store::assigned_on(&mut tx, leader_id, community_id, visited_on).await? {
        let leader = store::leader(&mut tx, leader_id).await?;
        return Err(Error::validation("communityId", format!("{}在{visited_on}不是该社区的联系领导", leader.name)));
    }
    let id = store::insert_visit(&mut tx, leader_id, community_id, visited_on, kind, &participants, &notes).await?;
    for (i, d) in input.difficulties.iter().enumerate() {
        difficulties::insert_in(&mut tx, community_id, Some(id), d, visited_on, i).await?;
    }
    let visit = store::visit(&mut tx, id).await?;
    tx.commit().await?;
    Ok(visit)
}

pub async fn visits(pool: &SqlitePool, org_id: Option<i64>, period: Option<&str>) -> Result<Vec<Visit>> {
    let bounds = period.map(|p| month("period", p).map(Period::bounds)).transpose()?;
    store::visits(&mut *pool.acquire().await?, org_id, bounds).await
}

pub async fn add_diary(
    pool: &SqlitePool,
    leader_id: i64,
    community_id: i64,
    written_on: &str,
    text: &str,
    today: NaiveDate,
) -> Result<()> {
    let written_on = check_past_date("writtenOn", "日记日期", written_on, today)?;
    let text = check_paragraphs("text", "民情日记", text, limits::LONG_NOTES, true)?;
    let mut conn = pool.acquire().await?;
    let leader = store::leader(&mut conn, leader_id).await?;
    if !leader.communities.iter().any(|c| c.community_id == community_id) {
        return Err(Error::validation("communityId", format!("{}不是该社区的联系领导", leader.name)));
    }
    store::insert_diary(&mut conn, leader_id, community_id, written_on, &text).await
}

/// Corrects a diary entry's date or text (the leader and community stay); `version` is the
/// entry's as the form opened it.
pub async fn update_diary(
    pool: &SqlitePool,
    id: i64,
    written_on: &str,
    text: &str,
    version: Option<i64>,
    today: NaiveDate,
) -> Result<()> {
    let written_on = check_past_date("writtenOn", "日记日期", written_on, today)?;
    let text = check_paragraphs("text", "民情日记", text, limits::LONG_NOTES, true)?;
    let mut tx = crate::db::write(pool).await?;
    store::diary_owner(&mut tx, id).await?;
    versions::check(&mut tx, RecordKind::DiaryEntry, id, version, "这篇民情日记").await?;
    store::update_diary(&mut tx, id, written_on, &text).await?;
    tx.commit().await?;
    Ok(())
}

/// Removes a diary entry written by mistake.
pub async fn delete_diary(pool: &SqlitePool, id: i64) -> Result<()> {
    let mut conn = pool.acquire().await?;
    store::diary_owner(&mut conn, id).await?;
    store::delete_diary(&mut conn, id).await
}

/// Diary entries of a month under a subtree, newest first.
pub async fn diaries(pool: &SqlitePool, org_id: Option<i64>, period: &str) -> Result<Vec<DiaryEntry>> {
    let (first, last) = month("period", period)?.bounds();
    store::diaries(&mut *pool.acquire().await?, org_id, first, last).await
}

/// Leader–community pairs in force at the month's end with no visit in it. A visit on the
/// month's last day counts; a pair formed during the month owes it, a pair ended during the
/// month (the leader moved on) does not — its successor does.
pub async fn missing_visits(pool: &SqlitePool, org_id: Option<i64>, period: &str) -> Result<Vec<MissingVisit>> {
    missing_in(pool, org_id, month("period", period)?).await
}

/// [`missing_visits`] for a month already known.
pub async fn missing_in(pool: &SqlitePool, org_id: Option<i64>, month: Period) -> Result<Vec<MissingVisit>> {
    let (first, last) = month.bounds();
    store::missing(&mut *pool.acquire().await?, org_id, first, last).await
}

/// Removes a wrongly entered visit with the difficulties raised in it — refused once any of
/// them is being handled, so nothing followed up is lost.
pub async fn delete_visit(pool: &SqlitePool, id: i64) -> Result<()> {
    let mut tx = crate::db::write(pool).await?;
    store::visit(&mut tx, id).await.map_err(|_| Error::NotFound("走访记录不存在".into()))?;
    let moved = store::visit_progressed(&mut tx, id).await?;
    if moved > 0 {
        return Err(Error::conflict(None, format!("这次走访的{moved}条群众诉求已在办理，不能删除")));
    }
    store::delete_visit(&mut tx, id).await?;
    tx.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn months_and_quarters_have_exact_edges() {
        assert_eq!(month("p", "2026-02").unwrap().bounds(), (d("2026-02-01"), d("2026-02-28")));
        assert_eq!(month("p", "2024-02").unwrap().bounds(), (d("2024-02-01"), d("2024-02-29")));
        assert_eq!(month("p", "2026-12").unwrap().bounds(), (d("2026-12-01"), d("2026-12-31")));
        assert_eq!(month("p", "2026-13").unwrap_err().to_string(), "请填写月份（格式：2026-11）");
    }
}
