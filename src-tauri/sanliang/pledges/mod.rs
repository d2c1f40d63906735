//! 亮承诺 — pledges (承诺) by an organization or a member for a year: writing them as drafts,
//! flagging vague items, publishing (公示), listing them overdue-first, and starting a new year
//! from last year's. Progress, closing and appraisal live in `cycle`.

pub mod batch;
pub mod cycle;
mod list;
mod model;
mod rules;
pub(crate) mod store;

pub use model::*;
pub use rules::{effective_status, item_overdue, vague_flags};

use chrono::{Datelike, NaiveDate};
use sqlx::SqlitePool;

use crate::common::catalog::{MemberStatus, OrgKind, PledgeStatus, RecordKind};
use crate::common::limits;
use crate::common::validate::{check_date, check_paragraphs, check_past_date, check_text};
use crate::common::versions;
use crate::error::{Error, Result};
use crate::roster::members::store as member_store;
use crate::roster::orgs::store as org_store;

fn validate_items(items: &[ItemInput], year: i32, pledged_on: NaiveDate) -> Result<Vec<ValidItem>> {
    if items.is_empty() {
        return Err(Error::validation("items", "请至少写一项承诺"));
    }
    if items.len() > limits::PLEDGE_ITEMS {
        return Err(Error::validation("items", format!("一份承诺最多{}项", limits::PLEDGE_ITEMS)));
    }
    let year_end = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(pledged_on);
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let f = |name: &str| format!("items.{i}.{name}");
        let n = i + 1;
        let content = check_paragraphs(
            &f("content"),
            &format!("第{n}项的承诺内容"),
            &item.content,
            limits::PLEDGE_CONTENT,
            true,
        )?;
        let measures =
            check_text(&f("measures"), &format!("第{n}项的措施"), &item.measures, limits::PLEDGE_MEASURES, false)?;
        let owner = check_text(&f("owner"), &format!("第{n}项的责任人"), &item.owner, limits::PLEDGE_OWNER, false)?;
        let deadline = if item.deadline.trim().is_empty() {
            None
        } else {
            let d = check_date(&f("deadline"), &format!("第{n}项的完成时限"), &item.deadline)?;
            if d < pledged_on {
                return Err(Error::validation(&f("deadline"), format!("第{n}项的完成时限不能早于承诺日期")));
            }
            if d > year_end {
                return Err(Error::validation(&f("deadline"), format!("第{n}项的完成时限应在{year}年内")));
            }
            Some(d)
        };
        out.push(ValidItem { content, measures, owner, deadline });
    }
    Ok(out)
}

async fn validate(pool: &SqlitePool, input: &PledgeInput) -> Result<ValidPledge> {
    if !(2000..=2100).contains(&input.year) {
        return Err(Error::validation("year", "请选择承诺年度"));
    }
    let pledged_on = check_date("pledgedOn", "承诺日期", &input.pledged_on)?;
    if !(input.year - 1..=input.year).contains(&pledged_on.year()) {
        return Err(Error::validation("pledgedOn", format!("承诺日期应在{}年或上一年年底", input.year)));
    }
    let mut conn = pool.acquire().await?;
    match (input.member_id, input.org_id) {
        (Some(member_id), None) => {
            let member = member_store::get(&mut conn, member_id)
                .await
                .map_err(|_| Error::validation("memberId", "所选党员不存在或已删除"))?;
            if member.status != MemberStatus::Active {
                return Err(Error::validation(
                    "memberId",
                    format!("{}已{}，不能作出承诺", member.name, member.status.label()),
                ));
            }
        }
        (None, Some(org_id)) => {
            let org = org_store::get(&mut conn, org_id)
                .await
                .map_err(|_| Error::validation("orgId", "所选组织不存在或已删除"))?;
            if !matches!(org.kind, OrgKind::Community | OrgKind::Branch) {
                return Err(Error::validation("orgId", "党组织承诺由社区党组织或党支部作出"));
            }
        }
        (None, None) => return Err(Error::validation("memberId", "请选择作出承诺的党员或党组织")),
        (Some(_), Some(_)) => return Err(Error::validation("memberId", "一份承诺只能属于一名党员或一个党组织")),
    }
    let items = validate_items(&input.items, input.year, pledged_on)?;
    Ok(ValidPledge { member_id: input.member_id, org_id: input.org_id, year: input.year, pledged_on, items })
}

/// Saves a new pledge as a draft.
pub async fn create(pool: &SqlitePool, input: &PledgeInput, today: NaiveDate) -> Result<Pledge> {
    let valid = validate(pool, input).await?;
    let mut tx = crate::db::write(pool).await?;
    if let Some(existing) = store::of_owner(&mut tx, valid.member_id, valid.org_id, valid.year).await? {
        let owner = store::get(&mut tx, existing).await?.owner_name;
        return Err(Error::conflict(Some("year"), format!("{owner}已有{}年的承诺，请在原承诺中增加事项", valid.year)));
    }
    let id = store::insert(&mut tx, &valid).await?;
    tx.commit().await?;
    get(pool, id, today).await
}

/// Rewrites a draft (its date and all its items) in one transaction. Published pledges are
/// public and stay as published.
pub async fn update(pool: &SqlitePool, id: i64, input: &PledgeInput, today: NaiveDate) -> Result<Pledge> {
    let valid = validate(pool, input).await?;
    let mut tx = crate::db::write(pool).await?;
    let current = store::get(&mut tx, id).await?;
    let what = format!("{}的{}年承诺", current.owner_name, current.year);
    versions::check_with_parts(
        &mut tx,
        RecordKind::Pledge,
        id,
        &[(RecordKind::PledgeItem, "pledge_id")],
        input.version,
        &what,
    )
    .await?;
    if current.status != PledgeStatus::Draft {
        return Err(Error::conflict(None, "承诺已公示，不能再修改；如需调整请记录在践诺情况中"));
    }
    if (current.member_id, current.org_id, current.year) != (valid.member_id, valid.org_id, valid.year) {
        return Err(Error::validation("year", "承诺人和年度保存后不能更改；请删除草稿后重新填写"));
    }
    store::replace_draft(&mut tx, id, &valid).await?;
    tx.commit().await?;
    get(pool, id, today).await
}

/// Publishes (公示) a draft on a date. Refused while any item is too vague to supervise.
pub async fn publish(pool: &SqlitePool, id: i64, published_on: &str, today: NaiveDate) -> Result<Pledge> {
    let published_on = check_past_date("publishedOn", "公示日期", published_on, today)?;
    let mut tx = crate::db::write(pool).await?;
    let pledge = full(&mut tx, id, today).await?;
    if pledge.status != PledgeStatus::Draft {
        return Err(Error::conflict(None, "这份承诺已经公示过了"));
    }
    if published_on < pledge.pledged_on {
        return Err(Error::validation("publishedOn", "公示日期不能早于承诺日期"));
    }
    if let Some(item) = pledge.items.iter().find(|i| !i.flags.is_empty()) {
        return Err(Error::validation("items", format!("第{}项{}，补全后才能公示", item.seq, item.flags.join("；"))));
    }
    store::publish(&mut tx, id, published_on).await?;
    tx.commit().await?;
    get(pool, id, today).await
}

/// Deletes a draft. A published pledge was public and is closed as 未完成 instead.
pub async fn delete(pool: &SqlitePool, id: i64) -> Result<()> {
    let mut conn = pool.acquire().await?;
    let pledge = store::get(&mut conn, id).await?;
    if pledge.status != PledgeStatus::Draft {
        return Err(Error::conflict(None, "已公示的承诺不能删除；未兑现的请结项为“未完成”"));
    }
    store::soft_delete(&mut conn, id).await
}

pub(crate) async fn full(conn: &mut sqlx::SqliteConnection, id: i64, today: NaiveDate) -> Result<Pledge> {
    let version = crate::db::history::position(conn).await?;
    let head = store::get(conn, id).await?;
    let items = store::items(conn, id, today).await?;
    let overdue = items.iter().filter(|i| i.overdue).count() as i64;
    let progress = store::progress(conn, id).await?;
    let appraisals = store::appraisals(conn, id).await?;
    Ok(Pledge {
        id,
        year: head.year,
        member_id: head.member_id,
        org_id: head.org_id,
        owner_name: head.owner_name,
        org_name: head.org_name,
        category: head.category,
        status: effective_status(head.status, overdue),
        pledged_on: head.pledged_on,
        published_on: head.published_on,
        closed_on: head.closed_on,
        items,
        progress,
        appraisals,
        version,
    })
}

pub async fn get(pool: &SqlitePool, id: i64, today: NaiveDate) -> Result<Pledge> {
    full(&mut *pool.acquire().await?, id, today).await
}

/// Pledges in a subtree and year, overdue first, then by the nearest open deadline.
pub async fn search(pool: &SqlitePool, query: &PledgeQuery, today: NaiveDate) -> Result<PledgePage> {
    let mut conn = pool.acquire().await?;
    let page = list::page(&mut conn, query, today).await?;
    let rows = list::by_ids(&mut conn, &page.ids, today).await?;
    Ok(PledgePage { total: page.total, rows, counts: page.counts })
}

/// A member's pledges, newest year first, for the member form.
pub async fn of_member(pool: &SqlitePool, member_id: i64, today: NaiveDate) -> Result<Vec<PledgeRow>> {
    list::rows(&mut *pool.acquire().await?, None, None, Some(member_id), today).await
}

/// Starts `to_year` from the pledges of `from_year` in a subtree: each becomes a draft with
/// the same items, deadlines moved by the years between (29 Feb → 28 Feb), nothing done yet.
pub async fn copy_year(
    pool: &SqlitePool,
    org_id: Option<i64>,
    from_year: i32,
    to_year: i32,
    today: NaiveDate,
) -> Result<CopySummary> {
    if to_year <= from_year || !(2000..=2100).contains(&to_year) {
        return Err(Error::validation("toYear", "新年度应晚于被复制的年度"));
    }
    let pledged_on =
        if today.year() == to_year { today } else { NaiveDate::from_ymd_opt(to_year, 1, 1).unwrap_or(today) };
    let shift = |d: NaiveDate| {
        let y = d.year() + (to_year - from_year);
        NaiveDate::from_ymd_opt(y, d.month(), d.day()).or_else(|| NaiveDate::from_ymd_opt(y, d.month(), 28))
    };
    let mut tx = crate::db::write(pool).await?;
    let sources = list::rows(&mut tx, org_id, Some(from_year), None, today).await?;
    let mut summary = CopySummary { created: 0, existing: 0, inactive: 0 };
    for source in sources {
        if !store::owner_active(&mut tx, source.member_id, source.org_id).await? {
            summary.inactive += 1;
            continue;
        }
        if store::of_owner(&mut tx, source.member_id, source.org_id, to_year).await?.is_some() {
            summary.existing += 1;
            continue;
        }
        let items = store::items(&mut tx, source.id, today)
            .await?
            .into_iter()
            .map(|i| ValidItem {
                content: i.content,
                measures: i.measures,
                owner: i.owner,
                // A moved deadline before the new pledge date is left for the writer to set.
                deadline: i.deadline.and_then(shift).filter(|d| *d >= pledged_on),
            })
            .collect();
        let valid =
            ValidPledge { member_id: source.member_id, org_id: source.org_id, year: to_year, pledged_on, items };
        store::insert(&mut tx, &valid).await?;
        summary.created += 1;
    }
    tx.commit().await?;
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn an_item_is_overdue_from_the_day_after_its_deadline() {
        let deadline = Some(d("2026-06-30"));
        assert!(!item_overdue(deadline, None, d("2026-06-29")));
        assert!(!item_overdue(deadline, None, d("2026-06-30")), "the deadline day itself is still in time");
        assert!(item_overdue(deadline, None, d("2026-07-01")));
        assert!(!item_overdue(deadline, Some(d("2026-07-05")), d("2026-08-01")), "done items are never overdue");
        assert!(!item_overdue(None, None, d("2030-01-01")));
    }

    #[test]
    fn only_published_pledges_become_overdue() {
        assert_eq!(effective_status(PledgeStatus::Published, 1), PledgeStatus::Overdue);
        assert_eq!(effective_status(PledgeStatus::Published, 0), PledgeStatus::Published);
        assert_eq!(effective_status(PledgeStatus::Draft, 3), PledgeStatus::Draft);
        assert_eq!(effective_status(PledgeStatus::Completed, 1), PledgeStatus::Completed);
    }

    #[test]
    fn vague_items_are_flagged() {
        let concrete = vague_flags("每月走访辖区困难群众不少于2次", "建立走访台账", "张三", Some(d("2026-12-31")));
        assert!(concrete.is_empty(), "{concrete:?}");
        let vague = vague_flags("服务群众", "", "", None);
        assert_eq!(vague.len(), 4, "{vague:?}");
        assert!(vague[0].contains("笼统"));
        assert!(vague[3].contains("时限"));
        // Punctuation and spaces do not make content longer.
        assert_eq!(vague_flags("服务，群众！！！ ！！", "措施", "人", Some(d("2026-01-01"))).len(), 1);
    }

    #[test]
    fn deadlines_must_fall_between_the_pledge_date_and_the_year_end() {
        let item = |deadline: &str| ItemInput {
            content: "每月走访辖区困难群众不少于2次".into(),
            deadline: deadline.into(),
            ..Default::default()
        };
        let err = validate_items(&[item("2026-02-28")], 2026, d("2026-03-01")).err().unwrap();
        assert_eq!(err.field(), Some("items.0.deadline"));
        assert!(err.to_string().contains("不能早于承诺日期"));
        let err = validate_items(&[item("2026-12-31"), item("2027-01-01")], 2026, d("2026-03-01")).err().unwrap();
        assert_eq!(err.field(), Some("items.1.deadline"));
        let err = validate_items(&[item("2026-02-30")], 2026, d("2026-01-01")).err().unwrap();
        assert!(err.to_string().contains("有效"));
        assert!(validate_items(&[item("")], 2026, d("2026-03-01")).is_ok(), "a draft may lack a deadline");
        let none = validate_items(&[], 2026, d("2026-03-01")).err().unwrap();
        assert_eq!((none.field(), none.to_string().as_str()), (Some("items"), "请至少写一项承诺"));
    }
}
