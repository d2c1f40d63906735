//! `sanliang stats`: the county review's statistics for an organization and period, as text
//! or as the documented JSON (`docs/statistics.md`).

use chrono::NaiveDate;
use sanliang::common::catalog::LabeledCount;
use sanliang::common::money::format_fen;
use sanliang::error::Result;
use sanliang::review::{self, Share, Statistics};
use sqlx::SqlitePool;

pub async fn stats(
    pool: &SqlitePool,
    org: Option<i64>,
    period: Option<String>,
    json: bool,
    today: NaiveDate,
) -> Result<()> {
    let period = match period {
        Some(text) => review::parse_period("period", &text, today)?,
        None => sanliang::common::period::Period::year_of(today),
    };
    let s = review::statistics(pool, org, period, today).await?;
    if json {
        out!("{}", serde_json::to_string_pretty(&s).unwrap_or_default());
    } else {
        print_text(&s);
    }
    Ok(())
}

fn counts(items: &[LabeledCount]) -> String {
    items.iter().map(|c| format!("{} {}", c.label, c.count)).collect::<Vec<_>>().join("，")
}

fn share(s: Share) -> String {
    format!("{}/{}（{}）", s.count, s.of, s.percent_text())
}

fn hours(tenths: i64) -> String {
    format!("{}.{}", tenths / 10, tenths % 10)
}

fn print_text(s: &Statistics) {
    let c = &s.scope;
    out!("{} {}（统计至{}）", c.org_name, c.period_label, c.as_of);
    out!("{}", s.sentence);
    out!("\n党员");
    out!("在册\t{}", s.members.on_roll);
    out!("类别\t{}", counts(&s.members.by_category));
    out!("性别\t{}", counts(&s.members.by_gender));
    out!("民族\t{}", counts(&s.members.by_ethnicity));
    out!("年龄\t{}", counts(&s.members.by_age));
    out!("本期入党 / 转出 / 去世\t{} / {} / {}", s.members.joined, s.members.transferred, s.members.deceased);
    out!("\n三亮");
    out!("亮出身份\t{}", share(s.identity.shown));
    out!("亮身份方式\t{}", counts(&s.identity.by_mark));
    out!(
        "认岗定责\t{}（认岗定责 {}，设岗定责 {}），服务岗位 {} 个",
        share(s.posts.with_post),
        s.posts.claimed,
        s.posts.assigned,
        s.posts.posts
    );
    out!("责任区\t{} 个，包片对象 {}，责任党员 {} 名", s.zones.zones, share(s.zones.covered_items), s.zones.members);
    let p = &s.pledges;
    out!(
        "承诺\t作出 {}（党员 {}，党组织 {}），公示 {}，践诺中 {}，已逾期 {}，已完成 {}，未完成 {}，草稿 {}",
        p.made,
        p.by_members,
        p.by_organizations,
        p.published,
        p.in_progress,
        p.overdue,
        p.completed,
        p.not_completed,
        p.drafts
    );
    for a in &p.appraisals {
        out!("{}\t{}", a.appraiser.label, counts(&a.ratings));
    }
    out!("\n四进");
    let u = &s.pairings;
    out!(
        "单位共建对子\t{} 对（{} 个社区），协议有效 {}，60天内到期 {}",
        u.pairings,
        u.communities_paired,
        u.agreements,
        u.agreements_ending
    );
    for k in &u.support {
        out!("支持：{}\t{} 次，{}", k.label, k.count, format_fen(k.fen));
    }
    for f in &u.funds_by_unit {
        out!("资金：{}\t{}", f.unit, format_fen(f.fen));
    }
    out!("帮扶对子\t{} 对，帮扶记录 {}", u.help_pairs, u.help_records);
    let l = &s.leaders;
    out!("联系领导\t{}，联系对子 {}", counts(&l.leaders), l.pairs);
    out!("走访\t{}，民情日记 {}", counts(&l.visits), l.diaries);
    out!("每月走访\t{}", share(l.compliance));
    for m in &l.months {
        out!("  {}\t{}{}", m.period, share(m.visited), if m.complete { "" } else { "（本月未结束）" });
    }
    let d = &s.difficulties;
    let median = d.median_days_to_close.map_or_else(|| "—".to_owned(), |m| format!("{m}天"));
    out!(
        "群众困难\t提出 {}，解决 {}，反馈 {}，未反馈 {}，办结天数中位数 {}",
        d.raised,
        d.resolved,
        d.answered,
        d.open,
        median
    );
    let v = &s.deputies;
    out!(
        "代表委员\t{} 人（{}），共建对子 {} 对，接待点 {} 处",
        v.deputies,
        counts(&v.by_role),
        v.pairs,
        v.reception_points
    );
    out!("每季走访\t{}，进社区 {} 次", share(v.compliance), v.visits);
    out!("意见建议\t提出 {}，答复 {}，未答复 {}", v.suggestions, v.answered, v.open);
    let w = &s.volunteering;
    out!(
        "志愿服务\t活动 {} 次，参与 {} 人次（党员 {} 名，党员时长 {} 小时，共 {} 小时），服务群众 {} 人次",
        w.activities,
        w.participants,
        w.members,
        hours(w.member_hours_tenths),
        hours(w.hours_tenths),
        w.people_served
    );
    let p = &s.schedule;
    let by: Vec<String> = p
        .by_kind
        .iter()
        .filter(|k| k.planned > 0)
        .map(|k| format!("{} {}（完成 {}，未记录 {}）", k.label, k.planned, k.done, k.missed))
        .collect();
    out!("服务安排	安排 {} 次，已完成 {}，过期未记录 {}；{}", p.planned, p.done, p.missed, by.join("、"));
    let r = &s.responsibility;
    let name = |n: &Option<String>| n.clone().unwrap_or_else(|| "—".into());
    out!("\n责任人\t第一责任人 {}，直接责任人 {}，具体责任人 {}", name(&r.first), name(&r.direct), name(&r.specific));
    if !r.guiding.is_empty() {
        out!("指导责任人\t{}", r.guiding.join("、"));
    }
    if s.communities.len() > 1 {
        out!("\n一览表\t社区\t在册\t亮身份\t认岗定责\t承诺\t逾期\t结对单位\t月走访\t季走访\t未反馈困难\t志愿活动\t未达要求");
        for row in &s.communities {
            let marks: Vec<String> = row.shortfalls.iter().map(|f| format!("{}{}", f.label, f.count)).collect();
            out!(
                "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                row.township,
                row.name,
                row.on_roll,
                row.shown.percent_text(),
                row.with_post.percent_text(),
                row.pledges,
                row.pledges_overdue,
                row.pairings,
                row.leader_visits.percent_text(),
                row.deputy_visits.percent_text(),
                row.difficulties_open,
                row.volunteer_activities,
                marks.join("；")
            );
        }
    }
}
