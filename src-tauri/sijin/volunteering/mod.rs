//! 志愿者进社区 — volunteer activities with their organizing unit, service type, place, people
//! served and participants (members and others) with hours; and, per member, the activities
//! joined and hours given in a period.

mod model;
pub(crate) mod store;

pub use model::*;

use chrono::NaiveDate;
use sqlx::{SqliteConnection, SqlitePool};

use crate::common::catalog::{OrgKind, ParticipantKind, RecordKind};
use crate::common::limits;
use crate::common::period::Period;
use crate::common::validate::{check_name, check_past_date, check_text, halfwidth};
use crate::common::versions;
use crate::error::{Error, Result};
use crate::roster::members::store as member_store;
use crate::roster::orgs::store as org_store;

/// A year ("2026") or a month ("2026-11") as first and last day.
pub fn period_bounds(field: &str, period: &str) -> Result<(NaiveDate, NaiveDate)> {
    match Period::parse(period) {
        Some(p @ (Period::Year(_) | Period::Month(..))) => Ok(p.bounds()),
        _ => Err(Error::validation(field, "请填写年份（2026）或月份（2026-11）")),
    }
}

/// Hours as typed, in tenths of an hour, exactly; at most 24 hours in one activity.
pub fn parse_hours(field: &str, text: &str) -> Result<i64> {
    let bad = || Error::validation(field, "请填写时长（小时），如 2 或 2.5");
    let t = halfwidth(text);
    let t = t.trim().trim_end_matches(['小', '时']).trim_end_matches('h');
    let (whole, frac) = t.split_once('.').unwrap_or((t, ""));
    if whole.is_empty() || frac.len() > 1 || !whole.chars().chain(frac.chars()).all(|c| c.is_ascii_digit()) {
        return Err(bad());
    }
    let tenths = whole.parse::<i64>().map_err(|_| bad())? * 10 + frac.parse::<i64>().unwrap_or(0);
    if !(1..=240).contains(&tenths) {
        return Err(Error::validation(field, "时长应在0.1到24小时之间"));
    }
    Ok(tenths)
}

/// Records an activity and its participants, all or nothing.
pub async fn record(pool: &SqlitePool, input: &ActivityInput, today: NaiveDate) -> Result<Activity> {
    let mut tx = crate::db::write(pool).await?;
    let a = checked(&mut tx, input, today).await?;
    let id = store::insert(&mut tx, &a).await?;
    for p in &a.participants {
        store::insert_participant(&mut tx, id, p).await?;
    }
    let activity = store::activity(&mut tx, id).await?;
    tx.commit().await?;
    Ok(activity)
}

/// Corrects an activity: its fields and its whole list of participants, all or nothing.
pub async fn update(pool: &SqlitePool, id: i64, input: &ActivityInput, today: NaiveDate) -> Result<Activity> {
    let mut tx = crate::db::write(pool).await?;
    let current = store::activity(&mut tx, id).await.map_err(|_| Error::NotFound("志愿服务活动不存在".into()))?;
    let what = format!("{}的“{}”活动", current.held_on.format("%-m月%-d日"), current.service_type);
    let parts = [(RecordKind::VolunteerParticipant, "activity_id")];
    versions::check_with_parts(&mut tx, RecordKind::VolunteerActivity, id, &parts, input.version, &what).await?;
    let a = checked(&mut tx, input, today).await?;
    store::update(&mut tx, id, &a).await?;
    store::delete_participants(&mut tx, id).await?;
    for p in &a.participants {
        store::insert_participant(&mut tx, id, p).await?;
    }
    let activity = store::activity(&mut tx, id).await?;
    tx.commit().await?;
    Ok(activity)
}

pub async fn participants(pool: &SqlitePool, id: i64) -> Result<Vec<Participant>> {
    store::participants(&mut *pool.acquire().await?, id).await
}

async fn checked(conn: &mut SqliteConnection, input: &ActivityInput, today: NaiveDate) -> Result<ValidActivity> {
    let community_id = input.community_id.ok_or_else(|| Error::validation("communityId", "请选择社区"))?;
    let held_on = check_past_date("heldOn", "活动日期", &input.held_on, today)?;
    let organizer = check_text("organizer", "承办单位", &input.organizer, limits::ACTIVITY_LABEL, true)?;
    let service_type = check_text("serviceType", "服务类型", &input.service_type, limits::ACTIVITY_LABEL, true)?;
    let place = check_text("place", "地点", &input.place, limits::PLACE, false)?;
    if !(0..=100_000).contains(&input.people_served) {
        return Err(Error::validation("peopleServed", "服务人数应为0到100000"));
    }
    if input.participants.is_empty() {
        return Err(Error::validation("participants", "请添加参加人员"));
    }
    let community =
        org_store::get(conn, community_id).await.map_err(|_| Error::validation("communityId", "所选社区不存在"))?;
    if community.kind != OrgKind::Community {
        return Err(Error::validation("communityId", "志愿服务记在社区"));
    }
    let mut valid = Vec::with_capacity(input.participants.len());
    for (i, p) in input.participants.iter().enumerate() {
        let f = |n: &str| format!("participants.{i}.{n}");
        let hours_tenths = parse_hours(&f("hours"), &p.hours)?;
        let (member_id, name, kind) = match p.member_id {
            Some(id) => {
                let m = member_store::get(conn, id)
                    .await
                    .map_err(|_| Error::validation(&f("memberId"), "所选党员不存在"))?;
                (Some(id), m.name, ParticipantKind::Member)
            }
            None => {
                let kind = p.kind.filter(|k| *k != ParticipantKind::Member).unwrap_or(ParticipantKind::Other);
                (None, check_name(&f("name"), &p.name)?, kind)
            }
        };
        if valid.iter().any(|v: &ValidParticipant| v.name == name && v.member_id == member_id) {
            return Err(Error::validation(&f("name"), format!("{name}重复添加")));
        }
        valid.push(ValidParticipant { member_id, name, kind, hours_tenths });
    }
    Ok(ValidActivity {
        community_id,
        held_on,
        organizer,
        service_type,
        place,
        people_served: input.people_served,
        participants: valid,
    })
}

pub async fn list(pool: &SqlitePool, org_id: Option<i64>, from: NaiveDate, to: NaiveDate) -> Result<Vec<Activity>> {
    store::activities(&mut *pool.acquire().await?, org_id, from, to).await
}

/// Members who volunteered in the period, by organization and name (no ranking).
pub async fn member_hours(
    pool: &SqlitePool,
    org_id: Option<i64>,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<MemberHours>> {
    store::member_hours(&mut *pool.acquire().await?, org_id, from, to).await
}

/// Removes a wrongly entered activity (its participants' hours go with it).
pub async fn delete(pool: &SqlitePool, id: i64) -> Result<()> {
    let mut conn = pool.acquire().await?;
    store::activity(&mut conn, id).await.map_err(|_| Error::NotFound("志愿服务活动不存在".into()))?;
    store::delete(&mut conn, id).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_are_kept_in_exact_tenths() {
        assert_eq!(parse_hours("h", "2").unwrap(), 20);
        assert_eq!(parse_hours("h", "2.5").unwrap(), 25);
        assert_eq!(parse_hours("h", "0.1").unwrap(), 1);
        assert_eq!(parse_hours("h", "24").unwrap(), 240);
        assert_eq!(parse_hours("h", "２．５").unwrap(), 25, "full-width, as an input method types it");
        assert_eq!(parse_hours("h", "3小时").unwrap(), 30);
        let unreadable = "请填写时长（小时），如 2 或 2.5";
        let out_of_range = "时长应在0.1到24小时之间";
        for (bad, why) in [
            ("", unreadable),
            ("0", out_of_range),
            ("25", out_of_range),
            ("2.55", unreadable),
            ("-1", unreadable),
            ("两小时", unreadable),
            ("1e1", unreadable),
        ] {
            let err = parse_hours("hours", bad).unwrap_err();
            assert_eq!((err.field(), err.to_string().as_str()), (Some("hours"), why), "{bad}");
        }
    }
}
