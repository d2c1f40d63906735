//! 待办提醒 for the home page: what needs doing in the current period, each pointing to the page
//! where to act — leader visits missing this month, deputy visits missing this quarter,
//! difficulties and suggestions open more than 30 days, agreements ending within 60 days,
//! 服务安排 dates passed with nothing recorded, and overdue pledges. No rankings of individuals.

use chrono::{Datelike, Days, NaiveDate};
use serde::Serialize;
use sqlx::SqlitePool;
use ts_rs::TS;

use crate::common::catalog::PledgeStatus;
use crate::common::limits;
use crate::common::period::Period;
use crate::error::Result;
use crate::sanliang::pledges::{self, PledgeQuery};
use crate::sijin::{deputies, difficulties, leaders, pairings, schedule};

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Reminder {
    /// A stable key: leader_visits, deputy_visits, difficulties, suggestions, agreements, schedule,
    /// pledges.
    pub key: String,
    pub title: String,
    pub count: i64,
    /// A few examples, for the line under the title.
    pub examples: Vec<String>,
    /// The page to act on.
    pub route: String,
}

fn examples(items: impl IntoIterator<Item = String>) -> Vec<String> {
    items.into_iter().take(3).collect()
}

pub async fn for_today(pool: &SqlitePool, org_id: Option<i64>, today: NaiveDate) -> Result<Vec<Reminder>> {
    let mut out = Vec::new();
    let missing = leaders::missing_in(pool, org_id, Period::month_of(today)).await?;
    if !missing.is_empty() {
        out.push(Reminder {
            key: "leader_visits".into(),
            title: format!("{}月还有{}处联系领导未进社区", today.month(), missing.len()),
            count: missing.len() as i64,
            examples: examples(missing.iter().map(|m| format!("{}—{}", m.leader_name, m.community_name))),
            route: "/leaders".into(),
        });
    }
    let missing = deputies::missing_in(pool, org_id, Period::quarter_of(today)).await?;
    if !missing.is_empty() {
        out.push(Reminder {
            key: "deputy_visits".into(),
            title: format!("本季度还有{}处代表委员未进结对社区", missing.len()),
            count: missing.len() as i64,
            examples: examples(missing.iter().map(|m| format!("{}—{}", m.deputy_name, m.community_name))),
            route: "/deputies".into(),
        });
    }
    let stale = today.checked_sub_days(Days::new(limits::STALE_DAYS)).unwrap_or(today);
    let old: Vec<_> = difficulties::open(pool, org_id).await?.into_iter().filter(|d| d.raised_on < stale).collect();
    if !old.is_empty() {
        out.push(Reminder {
            key: "difficulties".into(),
            title: format!("{}件群众诉求超过{}天未办结", old.len(), limits::STALE_DAYS),
            count: old.len() as i64,
            examples: examples(old.iter().map(|d| format!("{} {}", d.community_name, d.content))),
            route: "/leaders".into(),
        });
    }
    let old: Vec<_> =
        deputies::open_suggestions(pool, org_id).await?.into_iter().filter(|s| s.raised_on < stale).collect();
    if !old.is_empty() {
        out.push(Reminder {
            key: "suggestions".into(),
            title: format!("{}条意见建议超过{}天未答复", old.len(), limits::STALE_DAYS),
            count: old.len() as i64,
            examples: examples(old.iter().map(|s| format!("{} {}", s.community_name, s.content))),
            route: "/deputies".into(),
        });
    }
    let ending: Vec<_> =
        pairings::list(pool, org_id, today).await?.into_iter().filter(|p| p.agreement_ending_soon).collect();
    if !ending.is_empty() {
        out.push(Reminder {
            key: "agreements".into(),
            title: format!("{}份共建协议将在{}天内到期", ending.len(), limits::AGREEMENT_NOTICE_DAYS),
            count: ending.len() as i64,
            examples: examples(ending.iter().map(|p| format!("{}—{}", p.unit_name, p.community_name))),
            route: "/pairings".into(),
        });
    }
    let missed = schedule::missed(pool, org_id, today).await?;
    if !missed.is_empty() {
        out.push(Reminder {
            key: "schedule".into(),
            title: format!("{}项服务安排已过期未记录", missed.len()),
            count: missed.len() as i64,
            examples: examples(missed.iter().map(|e| {
                format!("{}{} {}（{}）", e.on_date.format("%-m月%-d日"), e.time_label, e.service, e.community_name)
            })),
            route: "/schedule".into(),
        });
    }
    let query =
        PledgeQuery { org_id, status: Some(PledgeStatus::Overdue), page: 1, page_size: 3, ..Default::default() };
    let overdue = pledges::search(pool, &query, today).await?;
    if overdue.total > 0 {
        out.push(Reminder {
            key: "pledges".into(),
            title: format!("{}份承诺已逾期", overdue.total),
            count: overdue.total,
            examples: examples(overdue.rows.iter().map(|r| r.owner_name.clone())),
            route: "/pledges".into(),
        });
    }
    Ok(out)
}
