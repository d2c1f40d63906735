//! 检查汇总: the county review's statistics for any organization subtree and period, counted
//! once here for the page, the ledgers, the report and `sanliang stats`. Each figure's
//! definition is written in `docs/statistics.md`.

mod count;
pub mod deputies;
pub mod leaders;
pub mod ledgers;
pub mod members;
pub mod model;
pub mod pairings;
pub mod report;
pub mod responsibility;
pub mod rule;
pub mod sanliang;
pub mod schedule;
pub mod scope;
pub mod sentence;
pub mod volunteering;

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use sqlx::SqlitePool;

pub use model::*;

use crate::common::catalog::{OrgKind, ShortfallKind};
use crate::common::period::Period;
use crate::error::{Error, Result};

/// The period in words: 2026年, 2026年第四季度, 2026年11月, 2026年3月1日至6月30日.
pub fn period_label(period: Period) -> String {
    const QUARTERS: [&str; 4] = ["一", "二", "三", "四"];
    let day = |d: NaiveDate| format!("{}月{}日", d.month(), d.day());
    match period {
        Period::Year(y) => format!("{y}年"),
        Period::Quarter(y, q) => format!("{y}年第{}季度", QUARTERS[(q as usize).clamp(1, 4) - 1]),
        Period::Month(y, m) => format!("{y}年{m}月"),
        Period::Range(a, b) if a.year() == b.year() => format!("{}年{}至{}", a.year(), day(a), day(b)),
        Period::Range(a, b) => format!("{}年{}至{}年{}", a.year(), day(a), b.year(), day(b)),
    }
}

/// Reads a period as the command line and the page write it (`2026`, `2026-Q4`, `2026-11`,
/// `2026-01-01..2026-06-30` or with `~`), refusing one that has not begun by `today`.
pub fn parse_period(field: &str, text: &str, today: NaiveDate) -> Result<Period> {
    let period = Period::parse(&text.replace("..", "~")).ok_or_else(|| {
        Error::validation(field, "统计期间的格式不对：请写年份（2026）、季度（2026-Q4）、月份（2026-11）或日期范围（2026-01-01..2026-06-30）")
    })?;
    if period.first() > today {
        return Err(Error::validation(field, format!("{}尚未开始，没有可统计的数据", period_label(period))));
    }
    Ok(period)
}

/// Everything a review counts for the subtree of `org_id` (the whole database for `None`)
/// over `period`, with standing figures taken at `as_of`: the period's last day, or today
/// while the period runs.
pub async fn statistics(
    pool: &SqlitePool,
    org_id: Option<i64>,
    period: Period,
    today: NaiveDate,
) -> Result<Statistics> {
    let (first, last) = period.bounds();
    if first > today {
        return Err(Error::validation("period", format!("{}尚未开始，没有可统计的数据", period_label(period))));
    }
    let as_of = last.min(today);
    let (scope, m, w) = count::count(pool, org_id, (first, last), as_of, today).await?;
    let member_orgs = m.per_org;
    let (identity, post_figures) = members::identity_and_posts(&member_orgs, m.by_mark, m.posts);
    let pledge_orgs = w.pledges;
    let pledges = sanliang::pledge_figures(&pledge_orgs, w.appraisals);
    let (pairing_figures, pairing_communities) = w.pairings;
    let (leader_figures, guiding, leader_communities) = w.leaders;
    let (difficulty_figures, difficulty_communities) = w.difficulties;
    let (deputy_figures, deputy_communities) = w.deputies;
    let (volunteer_figures, volunteer_communities) = w.volunteering;
    let [first_person, direct, specific] = m.chain;

    let mut member_communities: HashMap<i64, members::OrgMembers> = HashMap::new();
    for (org, figures) in &member_orgs {
        if let Some(c) = scope.community_of(*org) {
            member_communities.entry(c).or_default().add(figures);
        }
    }
    let mut pledge_communities: HashMap<i64, (i64, i64, i64)> = HashMap::new();
    for (org, p) in &pledge_orgs {
        if let Some(c) = scope.community_of(*org) {
            let t = pledge_communities.entry(c).or_default();
            *t = (t.0 + p.made, t.1 + p.completed, t.2 + p.overdue);
        }
    }
    let communities: Vec<CommunityRow> = scope
        .communities
        .iter()
        .map(|org| {
            let id = org.id;
            let m = member_communities.get(&id).copied().unwrap_or_default();
            let (pledges, pledges_completed, pledges_overdue) =
                pledge_communities.get(&id).copied().unwrap_or_default();
            let pairing = pairing_communities.get(&id).copied().unwrap_or_default();
            let (open, stale) = difficulty_communities.get(&id).copied().unwrap_or_default();
            let mut row = CommunityRow {
                org_id: id,
                name: org.name.clone(),
                township: scope.ancestor(org, OrgKind::Township).map(|t| t.name.clone()).unwrap_or_default(),
                on_roll: m.on_roll,
                shown: Share::new(m.shown, m.on_roll),
                with_post: Share::new(m.with_post(), m.on_roll),
                pledges,
                pledges_completed,
                pledges_overdue,
                pairings: pairing.pairings,
                funds_fen: pairing.funds_fen,
                leader_visits: leader_communities.get(&id).copied().unwrap_or_default(),
                deputy_visits: deputy_communities.get(&id).copied().unwrap_or_default(),
                difficulties_open: open,
                volunteer_activities: volunteer_communities.get(&id).copied().unwrap_or_default(),
                shortfalls: Vec::new(),
            };
            row.shortfalls = shortfalls(&row, stale);
            row
        })
        .collect();

    let (org_name, org_kind) = match &scope.root {
        Some(root) => (root.name.clone(), Some(root.kind)),
        None => (scope.top().map(|t| t.name.clone()).unwrap_or_default(), None),
    };
    let mut statistics = Statistics {
        scope: ReviewScope {
            org_id,
            org_name,
            org_kind,
            period: period.to_string(),
            period_label: period_label(period),
            first,
            last,
            as_of,
        },
        members: m.figures,
        identity,
        posts: post_figures,
        zones: m.zones,
        pledges,
        pairings: pairing_figures,
        leaders: leader_figures,
        difficulties: difficulty_figures,
        deputies: deputy_figures,
        volunteering: volunteer_figures,
        schedule: w.schedule,
        responsibility: ResponsibilityChain { first: first_person, direct, specific, guiding },
        communities,
        sentence: String::new(),
    };
    statistics.sentence = sentence::sentence(&statistics);
    Ok(statistics)
}

/// The rules a community's line falls short of: no unit pairing, a month or quarter without
/// the visit owed, pledges overdue, difficulties unanswered past the stale days.
fn shortfalls(row: &CommunityRow, stale_difficulties: i64) -> Vec<Shortfall> {
    let rules = [
        (ShortfallKind::NoPairing, i64::from(row.pairings == 0)),
        (ShortfallKind::LeaderVisits, row.leader_visits.of - row.leader_visits.count),
        (ShortfallKind::DeputyVisits, row.deputy_visits.of - row.deputy_visits.count),
        (ShortfallKind::OverduePledges, row.pledges_overdue),
        (ShortfallKind::StaleDifficulties, stale_difficulties),
    ];
    rules
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .map(|(kind, count)| Shortfall { code: kind.code().into(), label: kind.label().into(), count })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::common::validate::parse_ymd;

    #[test]
    fn periods_are_named_in_words() {
        let d = |s| parse_ymd(s).unwrap();
        assert_eq!(period_label(Period::Year(2026)), "2026年");
        assert_eq!(period_label(Period::Quarter(2026, 4)), "2026年第四季度");
        assert_eq!(period_label(Period::Month(2026, 11)), "2026年11月");
        assert_eq!(period_label(Period::Range(d("2026-03-01"), d("2026-06-30"))), "2026年3月1日至6月30日");
        assert_eq!(period_label(Period::Range(d("2025-12-01"), d("2026-01-31"))), "2025年12月1日至2026年1月31日");
    }

    #[test]
    fn the_command_line_forms_of_a_period_are_read_and_a_future_one_refused() {
        let today = parse_ymd("2026-12-03").unwrap();
        assert_eq!(
            parse_period("period", "2026-01-01..2026-06-30", today).unwrap().to_string(),
            "2026-01-01~2026-06-30"
        );
        assert_eq!(parse_period("period", "2026-q4", today).unwrap(), Period::Quarter(2026, 4));
        let err = parse_period("period", "2027", today).unwrap_err();
        assert_eq!((err.field(), err.to_string().as_str()), (Some("period"), "2027年尚未开始，没有可统计的数据"));
        let err = parse_period("period", "去年", today).unwrap_err();
        assert!(err.to_string().starts_with("统计期间的格式不对"), "{err}");
    }
}
