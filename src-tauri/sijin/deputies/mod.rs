//! 代表委员进社区 — deputies with one or more roles paired with communities, reception points
//! (接待点) with their schedule and deputies on duty, visits with the opinions and suggestions
//! received (each handled to a reply), and the rule that each deputy visits each paired
//! community at least once a calendar quarter.

mod model;
pub(crate) mod store;

pub use model::*;

use chrono::NaiveDate;
use sqlx::{SqliteConnection, SqlitePool};

use crate::common::catalog::{OrgKind, RecordKind};
use crate::common::limits;
use crate::common::period::Period;
use crate::common::validate::{check_name, check_paragraphs, check_past_date, check_phone, check_text};
use crate::common::versions;
use crate::error::{Error, Result};
use crate::roster::orgs::store as org_store;

/// The calendar quarter named "2026-Q4", or holding the month "2026-11" (deputies visit
/// quarterly).
pub fn quarter(field: &str, period: &str) -> Result<Period> {
    match Period::parse(period) {
        Some(quarter @ Period::Quarter(..)) => Ok(quarter),
        Some(month @ Period::Month(..)) => Ok(Period::quarter_of(month.first())),
        _ if period.to_uppercase().contains("-Q") => Err(Error::validation(field, "季度应为Q1到Q4")),
        _ => Err(Error::validation(field, "请填写季度（如 2026-Q4）或月份（如 2026-11）")),
    }
}

/// The deputy's fields, checked: (name, work unit, phone); roles must not be empty.
fn checked(input: &DeputyInput) -> Result<(String, String, String)> {
    let name = check_name("name", &input.name)?;
    if input.roles.is_empty() {
        return Err(Error::validation("roles", "请至少选择一个身份：党代表、人大代表或政协委员"));
    }
    let work_unit = check_text("workUnit", "工作单位", &input.work_unit, limits::DEPUTY_WORK_UNIT, false)?;
    let phone = check_phone("phone", &input.phone)?;
    Ok((name, work_unit, phone))
}

pub async fn create(pool: &SqlitePool, input: &DeputyInput) -> Result<Deputy> {
    let (name, work_unit, phone) = checked(input)?;
    let mut conn = pool.acquire().await?;
    let id = store::insert(&mut conn, &name, &input.roles, &work_unit, &phone).await?;
    store::get(&mut conn, id).await
}

/// Corrects a deputy's name, roles, work unit or phone.
pub async fn update(pool: &SqlitePool, id: i64, input: &DeputyInput) -> Result<Deputy> {
    let (name, work_unit, phone) = checked(input)?;
    let mut tx = crate::db::write(pool).await?;
    let current = store::get(&mut tx, id).await?;
    versions::check(&mut tx, RecordKind::Deputy, id, input.version, &format!("“{}”的信息", current.name)).await?;
    store::update(&mut tx, id, &name, &input.roles, &work_unit, &phone).await?;
    let saved = store::get(&mut tx, id).await?;
    tx.commit().await?;
    Ok(saved)
}

/// Deletes a deputy entered by mistake; one with visits on record is kept (end the pairing).
pub async fn delete(pool: &SqlitePool, id: i64) -> Result<()> {
    let mut tx = crate::db::write(pool).await?;
    let deputy = store::get(&mut tx, id).await?;
    let visits = store::visit_count(&mut tx, id).await?;
    if visits > 0 {
        return Err(Error::conflict(
            None,
            format!("{}已有 {visits} 次进社区记录，不能删除；如已换届或调整，请用“结束结对”", deputy.name),
        ));
    }
    store::delete(&mut tx, id).await?;
    tx.commit().await?;
    Ok(())
}

pub async fn pair(
    pool: &SqlitePool,
    deputy_id: i64,
    community_id: Option<i64>,
    start_on: &str,
    today: NaiveDate,
) -> Result<Deputy> {
    let community_id = community_id.ok_or_else(|| Error::validation("communityId", "请选择社区"))?;
    let start_on = check_past_date("startOn", "结对日期", start_on, today)?;
    let mut tx = crate::db::write(pool).await?;
    let deputy = store::get(&mut tx, deputy_id).await?;
    let community = org_store::get(&mut tx, community_id)
        .await
        .map_err(|_| Error::validation("communityId", "所选社区不存在或已删除"))?;
    if community.kind != OrgKind::Community {
        return Err(Error::validation("communityId", "代表委员结对的是社区"));
    }
    if deputy.communities.iter().any(|(id, _)| *id == community_id) {
        return Err(Error::conflict(Some("communityId"), format!("{}已与{}结对", deputy.name, community.name)));
    }
    store::insert_pair(&mut tx, deputy_id, community_id, start_on).await?;
    let saved = store::get(&mut tx, deputy_id).await?;
    tx.commit().await?;
    Ok(saved)
}

/// Ends a deputy's pairing with a community on a date: not before it began, not in the
/// future, not before a visit made under it.
pub async fn end_pair(
    pool: &SqlitePool,
    deputy_id: i64,
    community_id: i64,
    end_on: &str,
    today: NaiveDate,
) -> Result<Deputy> {
    let end_on = check_past_date("endOn", "结束日期", end_on, today)?;
    let mut tx = crate::db::write(pool).await?;
    let deputy = store::get(&mut tx, deputy_id).await?;
    let Some(start_on) = store::open_since(&mut tx, deputy_id, community_id).await? else {
        return Err(Error::NotFound(format!("{}目前没有与这个社区结对", deputy.name)));
    };
    if end_on < start_on {
        return Err(Error::validation("endOn", format!("结束日期不能早于结对日期 {start_on}")));
    }
    if let Some(visit) = store::visit_after(&mut tx, deputy_id, community_id, end_on).await? {
        return Err(Error::validation("endOn", format!("{visit} 还有{}进社区的记录，结束日期不能早于它", deputy.name)));
    }
    store::end_open(&mut tx, deputy_id, community_id, end_on).await?;
    let saved = store::get(&mut tx, deputy_id).await?;
    tx.commit().await?;
    Ok(saved)
}

/// One deputy as the registry shows it (its version read now).
pub async fn get(pool: &SqlitePool, id: i64) -> Result<Deputy> {
    store::get(&mut *pool.acquire().await?, id).await
}

pub async fn list(pool: &SqlitePool, org_id: Option<i64>) -> Result<Vec<Deputy>> {
    store::list(&mut *pool.acquire().await?, org_id).await
}

/// A reception point's fields, checked: (community, place, schedule); the deputies must exist.
async fn checked_reception(conn: &mut SqliteConnection, input: &ReceptionInput) -> Result<(i64, String, String)> {
    let community_id = input.community_id.ok_or_else(|| Error::validation("communityId", "请选择社区"))?;
    let place = check_text("place", "接待地点", &input.place, limits::PLACE, true)?;
    let schedule = check_text("schedule", "接待时间", &input.schedule, limits::SCHEDULE, true)?;
    let community =
        org_store::get(conn, community_id).await.map_err(|_| Error::validation("communityId", "所选社区不存在"))?;
    if community.kind != OrgKind::Community {
        return Err(Error::validation("communityId", "接待点设在社区"));
    }
    for id in &input.deputy_ids {
        store::get(conn, *id).await.map_err(|_| Error::validation("deputyIds", "所选代表委员不存在"))?;
    }
    Ok((community_id, place, schedule))
}

pub async fn add_reception(pool: &SqlitePool, input: &ReceptionInput) -> Result<ReceptionPoint> {
    let mut tx = crate::db::write(pool).await?;
    let (community_id, place, schedule) = checked_reception(&mut tx, input).await?;
    let id = store::insert_reception(&mut tx, community_id, &place, &schedule, &input.deputy_ids).await?;
    let point = store::reception(&mut tx, id).await?;
    tx.commit().await?;
    Ok(point)
}

/// Changes a reception point's place, schedule or deputies on duty.
pub async fn update_reception(pool: &SqlitePool, id: i64, input: &ReceptionInput) -> Result<ReceptionPoint> {
    let mut tx = crate::db::write(pool).await?;
    let current = store::reception(&mut tx, id).await?;
    versions::check(&mut tx, RecordKind::ReceptionPoint, id, input.version, &format!("接待点“{}”", current.place))
        .await?;
    let (community_id, place, schedule) = checked_reception(&mut tx, input).await?;
    store::update_reception(&mut tx, id, community_id, &place, &schedule, &input.deputy_ids).await?;
    let point = store::reception(&mut tx, id).await?;
    tx.commit().await?;
    Ok(point)
}

/// Closes a reception point (it no longer receives residents).
pub async fn delete_reception(pool: &SqlitePool, id: i64) -> Result<()> {
    let mut conn = pool.acquire().await?;
    store::reception(&mut conn, id).await?;
    store::delete_reception(&mut conn, id).await
}

pub async fn receptions(pool: &SqlitePool, org_id: Option<i64>) -> Result<Vec<ReceptionPoint>> {
    store::receptions(&mut *pool.acquire().await?, org_id).await
}

/// Records a visit to a paired community with its suggestions, in one transaction.
pub async fn log_visit(pool: &SqlitePool, input: &DeputyVisitInput, today: NaiveDate) -> Result<DeputyVisit> {
    let deputy_id = input.deputy_id.ok_or_else(|| Error::validation("deputyId", "请选择代表委员"))?;
    let community_id = input.community_id.ok_or_else(|| Error::validation("communityId", "请选择社区"))?;
    let visited_on = check_past_date("visitedOn", "进社区日期", &input.visited_on, today)?;
    let notes = check_paragraphs("notes", "活动情况", &input.notes, limits::LONG_NOTES, false)?;
    let mut tx = crate::db::write(pool).await?;
    if !store::paired_on(&mut tx, deputy_id, community_id, visited_on).await? {
        return Err(Error::validation("communityId", format!("{visited_on}时该代表委员未与这个社区结对")));
    }
    let id = store::insert_visit(&mut tx, deputy_id, community_id, visited_on, &notes).await?;
    for (i, s) in input.suggestions.iter().enumerate() {
        let f = |n: &str| format!("suggestions.{i}.{n}");
        let raised_by = check_text(&f("raisedBy"), "提出人", &s.raised_by, limits::PERSON, true)?;
        let content = check_text(&f("content"), "意见建议", &s.content, limits::RECORD_TEXT, true)?;
        store::insert_suggestion(&mut tx, id, community_id, &raised_by, &content, visited_on).await?;
    }
    let visit = store::visit(&mut tx, id).await?;
    tx.commit().await?;
    Ok(visit)
}

pub async fn visits(pool: &SqlitePool, org_id: Option<i64>, period: &str) -> Result<Vec<DeputyVisit>> {
    let (first, last) = quarter("period", period)?.bounds();
    store::visits(&mut *pool.acquire().await?, org_id, first, last).await
}

/// Answers a suggestion (dated, not before it was raised, not in the future).
pub async fn reply(pool: &SqlitePool, id: i64, replied_on: &str, reply: &str, today: NaiveDate) -> Result<Suggestion> {
    let replied_on = check_past_date("repliedOn", "答复日期", replied_on, today)?;
    let reply = check_paragraphs("reply", "答复内容", reply, limits::RECORD_TEXT, true)?;
    let mut conn = pool.acquire().await?;
    let s = store::suggestion(&mut conn, id).await?;
    if s.replied_on.is_some() {
        return Err(Error::conflict(None, "这条意见建议已经答复"));
    }
    if replied_on < s.raised_on {
        return Err(Error::validation("repliedOn", format!("答复日期不能早于提出日期（{}）", s.raised_on)));
    }
    store::set_reply(&mut conn, id, replied_on, &reply).await?;
    store::suggestion(&mut conn, id).await
}

/// Suggestions not yet answered, oldest first.
pub async fn open_suggestions(pool: &SqlitePool, org_id: Option<i64>) -> Result<Vec<Suggestion>> {
    store::open_suggestions(&mut *pool.acquire().await?, org_id).await
}

/// Pairs in force at the quarter's end with no visit in it (calendar quarters; the last day
/// counts; a pair ended during the quarter no longer owes it).
pub async fn missing_visits(pool: &SqlitePool, org_id: Option<i64>, period: &str) -> Result<Vec<MissingDeputyVisit>> {
    missing_in(pool, org_id, quarter("period", period)?).await
}

/// [`missing_visits`] for a quarter already known.
pub async fn missing_in(pool: &SqlitePool, org_id: Option<i64>, quarter: Period) -> Result<Vec<MissingDeputyVisit>> {
    let (first, last) = quarter.bounds();
    store::missing(&mut *pool.acquire().await?, org_id, first, last).await
}

/// Removes a wrongly entered visit with its suggestions — refused once any has been answered.
pub async fn delete_visit(pool: &SqlitePool, id: i64) -> Result<()> {
    let mut tx = crate::db::write(pool).await?;
    store::visit(&mut tx, id).await.map_err(|_| Error::NotFound("进社区记录不存在".into()))?;
    let answered = store::visit_answered(&mut tx, id).await?;
    if answered > 0 {
        return Err(Error::conflict(None, format!("这次进社区收到的{answered}条意见建议已答复，不能删除")));
    }
    store::delete_visit(&mut tx, id).await?;
    tx.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_name_calendar_quarters() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(quarter("p", "2026-Q4").unwrap().bounds(), (d("2026-10-01"), d("2026-12-31")));
        assert_eq!(quarter("p", "2026-q1").unwrap().bounds(), (d("2026-01-01"), d("2026-03-31")));
        assert_eq!(quarter("p", "2026-05").unwrap().bounds(), (d("2026-04-01"), d("2026-06-30")));
        assert_eq!(quarter("p", "2026-Q5").unwrap_err().to_string(), "季度应为Q1到Q4");
        assert_eq!(quarter("p", "soon").unwrap_err().to_string(), "请填写季度（如 2026-Q4）或月份（如 2026-11）");
        assert_eq!(quarter("period", "soon").unwrap_err().field(), Some("period"));
    }
}
