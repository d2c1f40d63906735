//! `sanliang pairings | visits | deputies | volunteering | schedule`: the 四进 figures and lists.

use sanliang::common::money::format_fen;
use sanliang::common::period::Period;
use sanliang::error::Result;
use sanliang::paths::today;
use sanliang::sijin::{deputies, difficulties, leaders, pairings, schedule, volunteering};
use sqlx::SqlitePool;

/// 机关单位进社区: the figures, then each pairing with its agreement and support.
pub async fn pairings(pool: &SqlitePool, org: Option<i64>) -> Result<()> {
    let s = pairings::stats(pool, org).await?;
    out!("结对共建\t{}", s.pairings);
    out!("结对社区\t{}", s.communities);
    out!("帮扶资金\t{}", format_fen(s.funds_fen));
    out!("帮扶对子\t{}", s.help_pairs);
    for p in pairings::list(pool, org, today()).await? {
        let agreement = match (p.signed_on, p.agreement_until) {
            (Some(s), Some(u)) => format!("协议{s}至{u}"),
            (Some(s), None) => format!("协议{s}签订"),
            _ => "未签协议".to_owned(),
        };
        let ended = p.end_on.map(|e| format!("\t已于{e}结束")).unwrap_or_default();
        out!(
            "结对：{}\t{}\t{}\t{}\t帮扶{}次\t资金{}{ended}",
            p.id,
            p.unit_name,
            p.community_name,
            agreement,
            p.records,
            format_fen(p.funds_fen)
        );
    }
    Ok(())
}

/// 党员干部进社区: a month's visits (default this month), the pairs with none, open difficulties.
pub async fn visits(pool: &SqlitePool, org: Option<i64>, period: Option<String>) -> Result<()> {
    let period = period.unwrap_or_else(|| Period::month_of(today()).to_string());
    let visits = leaders::visits(pool, org, Some(&period)).await?;
    let missing = leaders::missing_visits(pool, org, &period).await?;
    let open = difficulties::open(pool, org).await?;
    out!("{period}走访\t{}", visits.len());
    out!("{period}未走访\t{}", missing.len());
    out!("未办结诉求\t{}", open.len());
    for v in &visits {
        out!(
            "走访：{}\t{}\t{}\t{}\t诉求{}件",
            v.visited_on,
            v.leader_name,
            v.community_name,
            v.kind.label(),
            v.difficulties
        );
    }
    for m in &missing {
        let last = m.last_visit.map_or_else(|| "从未走访".to_owned(), |d| format!("上次{d}"));
        out!("未走访：{}\t{}\t{}\t{last}", m.leader_name, m.level.label(), m.community_name);
    }
    for d in &open {
        out!("诉求：{}\t{}\t{}\t{}\t{}", d.raised_on, d.community_name, d.content, d.responsible, d.status.label());
    }
    Ok(())
}

/// 代表委员进社区: a quarter's visits (default this quarter), pairs with none, reception points,
/// open suggestions.
pub async fn deputies(pool: &SqlitePool, org: Option<i64>, period: Option<String>) -> Result<()> {
    let period = period.unwrap_or_else(|| Period::quarter_of(today()).to_string());
    let visits = deputies::visits(pool, org, &period).await?;
    let missing = deputies::missing_visits(pool, org, &period).await?;
    let open = deputies::open_suggestions(pool, org).await?;
    out!("代表委员\t{}", deputies::list(pool, org).await?.len());
    out!("本季度进社区\t{}", visits.len());
    out!("本季度未进社区\t{}", missing.len());
    out!("未答复意见建议\t{}", open.len());
    for v in &visits {
        out!("进社区：{}\t{}\t{}\t意见建议{}条", v.visited_on, v.deputy_name, v.community_name, v.suggestions);
    }
    for m in &missing {
        let last = m.last_visit.map_or_else(|| "从未进社区".to_owned(), |d| format!("上次{d}"));
        out!("未进社区：{}\t{}\t{last}", m.deputy_name, m.community_name);
    }
    for p in deputies::receptions(pool, org).await? {
        out!("接待点：{}\t{}\t{}\t{}", p.community_name, p.place, p.schedule, p.on_duty.join("、"));
    }
    for s in &open {
        out!("意见建议：{}\t{}\t{}\t{}", s.raised_on, s.community_name, s.deputy_name, s.content);
    }
    Ok(())
}

/// 志愿者进社区: a period's activities (default this year) and each member's activities and hours.
pub async fn volunteering(pool: &SqlitePool, org: Option<i64>, period: Option<String>) -> Result<()> {
    let period = period.unwrap_or_else(|| Period::year_of(today()).to_string());
    let (from, to) = volunteering::period_bounds("period", &period)?;
    let activities = volunteering::list(pool, org, from, to).await?;
    let hours = |t: i64| format!("{}.{}", t / 10, t % 10);
    out!("志愿服务活动\t{}", activities.len());
    out!("服务群众\t{}", activities.iter().map(|a| a.people_served).sum::<i64>());
    out!("志愿服务时长\t{}", hours(activities.iter().map(|a| a.hours_tenths).sum()));
    for a in &activities {
        out!(
            "活动：{}\t{}\t{}\t{}\t参加{}人\t服务{}人\t{}小时",
            a.held_on,
            a.community_name,
            a.organizer,
            a.service_type,
            a.participants,
            a.people_served,
            hours(a.hours_tenths)
        );
    }
    for m in volunteering::member_hours(pool, org, from, to).await? {
        out!("党员：{}\t{}\t{}次\t{}小时", m.name, m.org_name, m.activities, hours(m.hours_tenths));
    }
    Ok(())
}

/// 服务安排: the month's dates (default this month) with where each stands, then the clashes.
pub async fn schedule(pool: &SqlitePool, org: Option<i64>, month: Option<String>) -> Result<()> {
    let month = month.unwrap_or_else(|| Period::month_of(today()).to_string());
    let plan = schedule::month_plan(pool, org, schedule::month("month", &month)?, today()).await?;
    out!("{}服务安排\t{}项", plan.month_label, plan.entries.len());
    for s in &plan.by_status {
        out!("{}\t{}", s.label, s.count);
    }
    for e in &plan.entries {
        let repeat = e.repeat_label.as_deref().map(|r| format!("（{r}）")).unwrap_or_default();
        let moved = e.moved_from.map(|m| format!("\t原定{}", m.format("%-m月%-d日"))).unwrap_or_default();
        let done = e.fulfilled_by.as_ref().map(|r| format!("\t{}", r.label)).unwrap_or_default();
        out!(
            "安排：{}\t{}{}\t{}\t{}\t{}\t{}{}\t{}\t{}{}{}",
            e.id,
            e.on_date.format("%-m月%-d日"),
            e.weekday,
            e.time_label,
            e.community_name,
            e.place,
            e.who,
            repeat,
            e.service,
            e.status.label(),
            done,
            moved
        );
    }
    for c in &plan.clashes {
        out!("冲突：{}\t{}", c.label, c.detail);
    }
    Ok(())
}
