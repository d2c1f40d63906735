//! 服务安排 — a community's monthly plan of who comes to serve when: a paired unit, a contact
//! leader, a deputy, a volunteer team or members, at a reception point or a place, in a shift,
//! doing a service. Repeating entries give the month's dates; each date can be moved or
//! cancelled alone. An entry is done when tied to the record of what happened (the app proposes
//! the match), missed from the day after its date, and clashes are shown, never refused.

pub mod clash;
mod model;
pub mod repeat;
pub(crate) mod store;

pub use model::*;

use chrono::{Datelike, Days, NaiveDate};
use sqlx::{SqliteConnection, SqlitePool};

use crate::common::catalog::{OrgKind, PlanStatus, PlanWho, RecordKind, Shift};
use crate::common::limits;
use crate::common::period::Period;
use crate::common::validate::{check_date, check_text, halfwidth};
use crate::common::versions;
use crate::error::{Error, Result};
use crate::review::period_label;
use crate::roster::orgs::store as org_store;
use repeat::Repeat;
use store::EntryRow;

/// A month written "2026-12".
pub fn month(field: &str, text: &str) -> Result<Period> {
    crate::sijin::leaders::month(field, text)
}

/// The month before `month`.
pub fn previous(month: Period) -> Period {
    Period::month_of(month.first() - Days::new(1))
}

/// Plans an entry — or, with a rule, every date the rule gives in the entry's month from its
/// date on — in one transaction; returns the entries made.
pub async fn plan(pool: &SqlitePool, input: &PlanInput, today: NaiveDate) -> Result<Vec<PlanEntry>> {
    let mut tx = crate::db::write(pool).await?;
    let mut valid = checked(&mut tx, input, today).await?;
    let dates = match input.repeat.trim() {
        "" => vec![valid.on_date],
        code => {
            let rule = Repeat::parse(code).ok_or_else(|| Error::validation("repeat", "重复方式不对，请重新选择"))?;
            let dates = rule.dates(Period::month_of(valid.on_date), valid.on_date);
            if dates.is_empty() {
                let from = valid.on_date.format("%-m月%-d日");
                return Err(Error::validation("repeat", format!("{from}起本月没有“{}”的日期", rule.label())));
            }
            valid.series = Some(uuid::Uuid::new_v4().to_string());
            valid.repeat_rule = Some(rule.code());
            dates
        }
    };
    let mut ids = Vec::with_capacity(dates.len());
    for on_date in dates {
        ids.push(store::insert(&mut tx, &ValidPlan { on_date, ..valid.clone() }).await?);
    }
    let mut made = Vec::with_capacity(ids.len());
    for id in ids {
        made.push(shown(store::entry(&mut tx, id).await?, today));
    }
    tx.commit().await?;
    Ok(made)
}

/// Corrects one date of the plan — moving it included; the other dates of its series stay.
pub async fn update(pool: &SqlitePool, id: i64, input: &PlanInput, today: NaiveDate) -> Result<PlanEntry> {
    let mut tx = crate::db::write(pool).await?;
    let current = store::entry(&mut tx, id).await?;
    versions::check(&mut tx, RecordKind::ScheduleEntry, id, input.version, &what(&current)).await?;
    let mut valid = checked(&mut tx, input, today).await?;
    valid.moved_from = match (&current.series, current.moved_from) {
        (Some(_), None) if valid.on_date != current.on_date => Some(current.on_date),
        (_, moved) => moved.filter(|m| *m != valid.on_date),
    };
    store::update(&mut tx, id, &valid).await?;
    let entry = shown(store::entry(&mut tx, id).await?, today);
    tx.commit().await?;
    Ok(entry)
}

/// Calls one date off (kept in the plan, struck through, left off the printed sheet), or
/// brings it back.
pub async fn cancel(pool: &SqlitePool, id: i64, cancelled: bool, today: NaiveDate) -> Result<PlanEntry> {
    let mut tx = crate::db::write(pool).await?;
    let current = store::entry(&mut tx, id).await?;
    if cancelled && current.done_on.is_some() {
        return Err(Error::conflict(None, format!("{}已有完成记录，不能取消", what(&current))));
    }
    store::set_cancelled(&mut tx, id, cancelled.then_some(today)).await?;
    let entry = shown(store::entry(&mut tx, id).await?, today);
    tx.commit().await?;
    Ok(entry)
}

/// Removes a wrongly planned date.
pub async fn delete(pool: &SqlitePool, id: i64) -> Result<()> {
    let mut tx = crate::db::write(pool).await?;
    store::entry(&mut tx, id).await?;
    store::delete(&mut tx, id).await?;
    tx.commit().await?;
    Ok(())
}

/// The month's plan of the communities under `org_id` (all for `None`), each entry with where
/// it stands at `today`, and the clashes.
pub async fn month_plan(pool: &SqlitePool, org_id: Option<i64>, month: Period, today: NaiveDate) -> Result<MonthPlan> {
    let mut conn = pool.acquire().await?;
    let (first, last) = month.bounds();
    let entries: Vec<PlanEntry> =
        store::entries(&mut conn, org_id, first, last).await?.into_iter().map(|e| shown(e, today)).collect();
    // A deputy may be planned in two communities: clashes are looked for among every
    // community's entries of the month, and kept where they touch the plan shown.
    let everywhere: Vec<PlanEntry> = match org_id {
        None => entries.clone(),
        Some(_) => store::entries(&mut conn, None, first, last).await?.into_iter().map(|e| shown(e, today)).collect(),
    };
    let owed = store::owed_leaders(&mut conn, org_id, first, last).await?;
    let shown_ids: Vec<i64> = entries.iter().map(|e| e.id).collect();
    let clashes = clash::clashes(&everywhere, &owed)
        .into_iter()
        .filter(|c| c.entry_ids.is_empty() || c.entry_ids.iter().any(|id| shown_ids.contains(id)))
        .collect();
    let by_status = PlanStatus::counted(|s| entries.iter().filter(|e| e.status == s).count() as i64);
    Ok(MonthPlan { month: month.to_string(), month_label: period_label(month), entries, clashes, by_status })
}

/// Copies last month's plan into `month` for a community: each series continues by its rule,
/// each single date moves to the same day (the month's last where shorter). Dates already
/// planned are left alone, so copying twice adds nothing. One transaction.
pub async fn copy_previous(pool: &SqlitePool, community_id: i64, month: Period) -> Result<CopyOutcome> {
    let mut tx = crate::db::write(pool).await?;
    community(&mut tx, community_id).await?;
    let (from, to) = previous(month).bounds();
    let source: Vec<EntryRow> = store::entries(&mut tx, Some(community_id), from, to).await?;
    if source.is_empty() {
        return Err(Error::validation("month", format!("{}没有服务安排，无可复制", period_label(previous(month)))));
    }
    let (first, last) = month.bounds();
    let existing = store::entries(&mut tx, Some(community_id), first, last).await?;
    let mut planned: Vec<(NaiveDate, String)> = existing.iter().map(|e| (e.on_date, key(e))).collect();
    let mut outcome = CopyOutcome { created: 0, skipped: 0 };
    let mut series_done: Vec<String> = Vec::new();
    for e in source.iter().filter(|e| e.community_id == community_id) {
        let dates = match (&e.series, e.repeat_rule.as_deref().and_then(Repeat::parse)) {
            (Some(series), Some(rule)) => {
                if series_done.contains(series) {
                    continue;
                }
                series_done.push(series.clone());
                rule.dates(month, first)
            }
            _ if e.cancelled_on.is_some() => continue,
            _ => vec![repeat::same_day_in(month, e.on_date.day())],
        };
        for on_date in dates {
            if planned.contains(&(on_date, key(e))) {
                outcome.skipped += 1;
                continue;
            }
            store::insert(&mut tx, &copied(e, on_date)).await?;
            planned.push((on_date, key(e)));
            outcome.created += 1;
        }
    }
    tx.commit().await?;
    Ok(outcome)
}

/// What makes two dates the same plan: when, where, who and what.
fn key(e: &EntryRow) -> String {
    format!(
        "{}|{:?}|{:?}|{:?}|{}|{}|{:?}|{}|{}",
        e.shift.code(),
        e.starts_at,
        e.ends_at,
        e.reception_point_id,
        e.place,
        e.who_kind.code(),
        e.who_id,
        e.who,
        e.service
    )
}

fn copied(e: &EntryRow, on_date: NaiveDate) -> ValidPlan {
    let id = |k: PlanWho| if e.who_kind == k { e.who_id } else { None };
    ValidPlan {
        community_id: e.community_id,
        on_date,
        shift: e.shift,
        starts_at: e.starts_at.clone(),
        ends_at: e.ends_at.clone(),
        reception_point_id: e.reception_point_id,
        place: if e.reception_point_id.is_some() { String::new() } else { e.place.clone() },
        who_kind: e.who_kind,
        unit_id: id(PlanWho::Unit),
        leader_id: id(PlanWho::Leader),
        deputy_id: id(PlanWho::Deputy),
        who_name: e.who_name.clone(),
        service: e.service.clone(),
        series: e.series.clone(),
        repeat_rule: e.repeat_rule.clone(),
        moved_from: None,
    }
}

/// Records that could fulfil the entry, nearest its date first.
pub async fn candidates(pool: &SqlitePool, id: i64) -> Result<Vec<PlanRecord>> {
    let mut conn = pool.acquire().await?;
    let entry = store::entry(&mut conn, id).await?;
    store::candidates(&mut conn, &entry).await
}

/// Ties the entry to the record that fulfilled it: one of the records [`candidates`] proposes.
pub async fn fulfil(
    pool: &SqlitePool,
    id: i64,
    kind: RecordKind,
    record_id: i64,
    today: NaiveDate,
) -> Result<PlanEntry> {
    let mut tx = crate::db::write(pool).await?;
    let entry = store::entry(&mut tx, id).await?;
    if entry.cancelled_on.is_some() {
        return Err(Error::conflict(None, format!("{}已取消，不能记为完成", what(&entry))));
    }
    if !store::candidates(&mut tx, &entry).await?.iter().any(|r| r.kind == kind && r.id == record_id) {
        return Err(Error::validation(
            "record",
            "所选记录与这项安排不符（须为同一社区、同一服务方、前后7天内且未关联其他安排）",
        ));
    }
    store::tie(&mut tx, id, kind, record_id).await?;
    let entry = shown(store::entry(&mut tx, id).await?, today);
    tx.commit().await?;
    Ok(entry)
}

/// Unties an entry from its record: it is due or missed again.
pub async fn unfulfil(pool: &SqlitePool, id: i64, today: NaiveDate) -> Result<PlanEntry> {
    let mut tx = crate::db::write(pool).await?;
    store::entry(&mut tx, id).await?;
    store::untie(&mut tx, id).await?;
    let entry = shown(store::entry(&mut tx, id).await?, today);
    tx.commit().await?;
    Ok(entry)
}

/// Entries of this month and last under `org_id` whose date has passed with nothing recorded:
/// the home page's "N项服务安排已过期未记录".
pub async fn missed(pool: &SqlitePool, org_id: Option<i64>, today: NaiveDate) -> Result<Vec<PlanEntry>> {
    let from = previous(Period::month_of(today)).first();
    let rows = store::entries(&mut *pool.acquire().await?, org_id, from, today).await?;
    Ok(rows.into_iter().map(|e| shown(e, today)).filter(|e| e.status == PlanStatus::Missed).collect())
}

/// Where an entry stands at `today`: cancelled, done (a record tied), missed from the day
/// after its date, else still to come.
pub fn status(e: &EntryRow, today: NaiveDate) -> PlanStatus {
    if e.cancelled_on.is_some() {
        PlanStatus::Cancelled
    } else if e.done_on.is_some() {
        PlanStatus::Done
    } else if e.on_date < today {
        PlanStatus::Missed
    } else {
        PlanStatus::Due
    }
}

/// The time of day in words: 上午, 全天, 09:00–11:30.
pub fn time_label(shift: Shift, starts_at: Option<&str>, ends_at: Option<&str>) -> String {
    match (shift, starts_at, ends_at) {
        (Shift::Hours, Some(a), Some(b)) => format!("{a}–{b}"),
        _ => shift.label().to_owned(),
    }
}

fn shown(e: EntryRow, today: NaiveDate) -> PlanEntry {
    let status = status(&e, today);
    let fulfilled_by = match (&e.done_kind, e.done_id, e.done_on, &e.done_label) {
        (Some(kind), Some(id), Some(on_date), Some(label)) => RecordKind::from_code(kind).map(|kind| PlanRecord {
            kind,
            id,
            on_date,
            label: format!("{} {label}", on_date.format("%-m月%-d日")),
        }),
        _ => None,
    };
    PlanEntry {
        id: e.id,
        community_id: e.community_id,
        community_name: e.community_name,
        weekday: repeat::weekday_label(e.on_date),
        time_label: time_label(e.shift, e.starts_at.as_deref(), e.ends_at.as_deref()),
        on_date: e.on_date,
        shift: e.shift,
        starts_at: e.starts_at,
        ends_at: e.ends_at,
        reception_point_id: e.reception_point_id,
        place: e.place,
        who_kind: e.who_kind,
        who_id: e.who_id,
        who: e.who,
        service: e.service,
        series: e.series,
        repeat_label: e.repeat_rule.as_deref().and_then(Repeat::parse).map(Repeat::label),
        moved_from: e.moved_from,
        status,
        fulfilled_by,
        version: e.version,
    }
}

/// The entry in words, for messages: 12月8日上午“政策解答”.
fn what(e: &EntryRow) -> String {
    format!(
        "{}{}“{}”",
        e.on_date.format("%-m月%-d日"),
        time_label(e.shift, e.starts_at.as_deref(), e.ends_at.as_deref()),
        e.service
    )
}

async fn community(conn: &mut SqliteConnection, id: i64) -> Result<()> {
    let org = org_store::get(conn, id).await.map_err(|_| Error::validation("communityId", "所选社区不存在"))?;
    if org.kind != OrgKind::Community {
        return Err(Error::validation("communityId", "服务安排按社区制定，请选择一个社区"));
    }
    Ok(())
}

/// "9:00" or "０９：００" as "09:00"; `None` when it is not a time of day.
fn clock(text: &str) -> Option<String> {
    let t = halfwidth(text).replace('：', ":");
    let (h, m) = t.trim().split_once(':')?;
    let (h, m) = (h.parse::<u32>().ok()?, m.parse::<u32>().ok()?);
    (h < 24 && m < 60 && !t.contains('-')).then(|| format!("{h:02}:{m:02}"))
}

async fn checked(conn: &mut SqliteConnection, input: &PlanInput, today: NaiveDate) -> Result<ValidPlan> {
    let community_id = input.community_id.ok_or_else(|| Error::validation("communityId", "请选择社区"))?;
    community(conn, community_id).await?;
    let on_date = check_date("onDate", "日期", &input.on_date)?;
    let year = Days::new(366);
    if on_date < today - year || on_date > today + year {
        return Err(Error::validation("onDate", "服务安排的日期应在今天前后一年之内"));
    }
    let shift = input.shift.ok_or_else(|| Error::validation("shift", "请选择上午、下午、全天或时段"))?;
    let (starts_at, ends_at) = if shift == Shift::Hours {
        let starts =
            clock(&input.starts_at).ok_or_else(|| Error::validation("startsAt", "请填写开始时间，如 09:00"))?;
        let ends = clock(&input.ends_at).ok_or_else(|| Error::validation("endsAt", "请填写结束时间，如 11:30"))?;
        if ends <= starts {
            return Err(Error::validation("endsAt", "结束时间应晚于开始时间"));
        }
        (Some(starts), Some(ends))
    } else {
        (None, None)
    };
    let place = check_text("place", "地点", &input.place, limits::PLACE, false)?;
    let (reception_point_id, place) = match input.reception_point_id {
        Some(point) if store::point_of(conn, community_id, point).await? => (Some(point), String::new()),
        Some(_) => return Err(Error::validation("receptionPointId", "所选接待点不属于这个社区")),
        None if place.is_empty() => return Err(Error::validation("place", "请选择接待点或填写地点")),
        None => (None, place),
    };
    let who_kind = input.who_kind.ok_or_else(|| Error::validation("whoKind", "请选择服务方"))?;
    let who_id = |missing: &str| input.who_id.ok_or_else(|| Error::validation("whoId", missing));
    let (mut unit_id, mut leader_id, mut deputy_id, mut who_name) = (None, None, None, String::new());
    match who_kind {
        PlanWho::Unit => {
            let id = who_id("请选择联系单位")?;
            if !store::paired_unit(conn, community_id, id).await? {
                return Err(Error::validation("whoId", "所选单位未与这个社区结对共建"));
            }
            unit_id = Some(id);
        }
        PlanWho::Leader => {
            let id = who_id("请选择联系领导")?;
            if !store::linked_leader(conn, community_id, id).await? {
                return Err(Error::validation("whoId", "所选领导不是这个社区的联系领导"));
            }
            leader_id = Some(id);
        }
        PlanWho::Deputy => {
            let id = who_id("请选择代表委员")?;
            if !store::deputy_exists(conn, id).await? {
                return Err(Error::validation("whoId", "所选代表委员不存在"));
            }
            deputy_id = Some(id);
        }
        PlanWho::Team | PlanWho::Members => {
            let label = if who_kind == PlanWho::Team { "志愿服务队或承办单位" } else { "参加的党员" };
            who_name = check_text("whoName", label, &input.who_name, limits::ACTIVITY_LABEL, true)?;
        }
    }
    let service = check_text("service", "服务内容", &input.service, limits::ACTIVITY_LABEL, true)?;
    Ok(ValidPlan {
        community_id,
        on_date,
        shift,
        starts_at,
        ends_at,
        reception_point_id,
        place,
        who_kind,
        unit_id,
        leader_id,
        deputy_id,
        who_name,
        service,
        series: None,
        repeat_rule: None,
        moved_from: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_of_day_are_read_as_typed() {
        assert_eq!(clock("9:00").as_deref(), Some("09:00"));
        assert_eq!(clock("０９：３０").as_deref(), Some("09:30"));
        assert_eq!(clock("14:05").as_deref(), Some("14:05"));
        for bad in ["", "9", "24:00", "12:60", "九点", "-1:00"] {
            assert_eq!(clock(bad), None, "{bad}");
        }
        assert_eq!(time_label(Shift::Hours, Some("09:00"), Some("11:30")), "09:00–11:30");
        assert_eq!(time_label(Shift::Morning, None, None), "上午");
    }

    #[test]
    fn the_month_before_crosses_the_year() {
        assert_eq!(previous(Period::Month(2027, 1)), Period::Month(2026, 12));
        assert_eq!(previous(Period::Month(2026, 3)), Period::Month(2026, 2));
    }
}
