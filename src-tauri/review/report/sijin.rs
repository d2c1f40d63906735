//! What the report says of the 四进 (units, leaders, deputies, volunteers entering communities)
//! and, for a township or the county, of each community: paragraphs from the statistics with
//! their tables and charts.

use super::chart::{Bar, Scale, Series};
use super::content::{clauses, counted, listed, month_labels, pct, rates, Builder};
use crate::common::catalog::{OrgKind, ShortfallKind};
use crate::common::money;
use crate::review::model::{Shortfall, Statistics};

/// The units drawn in the funds chart, most first.
const FUND_BARS: usize = 10;
/// Communities named in the text as falling short; more are counted by rule instead.
const SHORT_NAMED: usize = 6;

fn hours(tenths: i64) -> String {
    if tenths % 10 == 0 {
        format!("{}", tenths / 10)
    } else {
        format!("{}.{}", tenths / 10, tenths % 10)
    }
}

fn yuan(fen: i64) -> String {
    money::format_fen(fen).trim_start_matches('¥').to_owned()
}

pub fn sijin(b: &mut Builder, s: &Statistics) {
    b.one("“四进”工作开展情况");
    units(b, s);
    leaders(b, s);
    deputies(b, s);
    volunteers(b, s);
    if let Some(text) = schedule_sentence(s) {
        b.two("统筹安排服务");
        b.para(text);
    }
}

fn units(b: &mut Builder, s: &Statistics) {
    b.two("机关单位进社区");
    let p = &s.pairings;
    let support_count: i64 = p.support.iter().map(|k| k.count).sum();
    let text = clauses([
        counted(p.pairings, |n| format!("结成单位共建对子{n}对，覆盖社区{}个", p.communities_paired)),
        counted(p.agreements, |n| {
            let ending = counted(p.agreements_ending, |e| format!("，其中{e}份即将到期")).unwrap_or_default();
            format!("签订并在期的共建协议{n}份{ending}")
        }),
        counted(support_count, |n| format!("本期共建单位提供支持{n}次")),
        counted(p.funds_fen, |fen| format!("投入资金{}", money::in_words(fen))),
        counted(p.help_pairs, |n| format!("结成党员领导干部帮扶对子{n}对")),
        counted(p.help_records, |n| format!("开展帮扶{n}次")),
    ]);
    let Some(text) = text else {
        b.para("本期暂无机关单位进社区记录。".into());
        return;
    };
    let kinds: Vec<_> = p.support.iter().filter(|k| k.count > 0).collect();
    if kinds.is_empty() {
        b.para(format!("{text}。"));
    } else {
        b.para(format!("{text}。支持事项见表{}。", b.next_table()));
        let rows = kinds.iter().map(|k| vec![k.label.clone(), k.count.to_string(), yuan(k.fen)]).collect();
        b.table("共建单位支持事项", &["支持类型", "次数", "金额（元）"], &[2.5, 1.2, 2.0], rows);
    }
    let funded: Vec<_> = p.funds_by_unit.iter().filter(|u| u.fen > 0).take(FUND_BARS).collect();
    if !funded.is_empty() {
        let caption = if p.funds_by_unit.len() > FUND_BARS {
            "共建单位投入资金（前10位，元）"
        } else {
            "共建单位投入资金（元）"
        };
        let bars =
            funded.iter().map(|u| Bar { label: u.unit.clone(), value: u.fen as f64, text: yuan(u.fen) }).collect();
        b.bars(caption, bars);
    }
}

fn leaders(b: &mut Builder, s: &Statistics) {
    b.two("党员干部进社区");
    let l = &s.leaders;
    let d = &s.difficulties;
    let visits: i64 = l.visits.iter().map(|v| v.count).sum();
    let text = clauses([
        (!listed(&l.leaders, "名").is_empty()).then(|| format!("明确联系领导{}", listed(&l.leaders, "名"))),
        counted(l.pairs, |n| format!("联系社区对子{n}对")),
        counted(visits, |n| format!("本期走访社区{n}次（{}）", listed(&l.visits, "次"))),
        counted(l.compliance.of, |_| {
            format!(
                "按月走访率{}（应走访{}对次，已走访{}对次）",
                pct(l.compliance),
                l.compliance.of,
                l.compliance.count
            )
        }),
        counted(l.diaries, |n| format!("撰写民情日记{n}篇")),
    ]);
    let flows = clauses([
        counted(d.raised, |n| format!("收集困难诉求{n}件")),
        counted(d.resolved, |n| format!("办结{n}件")),
        counted(d.answered, |n| format!("反馈{n}件")),
        counted(d.open, |n| format!("尚未反馈{n}件")),
        d.median_days_to_close.map(|m| format!("从反映到反馈用时中位数{m}天")),
    ]);
    if text.is_none() && flows.is_none() {
        b.para("本期暂无党员干部进社区记录。".into());
        return;
    }
    b.para([text, flows].into_iter().flatten().map(|c| format!("{c}。")).collect());
    if l.months.iter().any(|m| m.visited.of > 0) {
        let months: Vec<String> = l.months.iter().map(|m| m.period.clone()).collect();
        b.lines(
            "联系领导按月走访率",
            month_labels(&months),
            vec![rates(l.months.iter().map(|m| m.visited))],
            Scale::percent(),
        );
    }
    if d.months.iter().any(|m| m.raised > 0 || m.answered > 0) {
        let months: Vec<String> = d.months.iter().map(|m| m.month.clone()).collect();
        let max = d.months.iter().map(|m| m.raised.max(m.answered)).max().unwrap_or(0);
        b.lines(
            "困难诉求反映与反馈（件）",
            month_labels(&months),
            vec![
                Series { name: "反映".into(), values: d.months.iter().map(|m| Some(m.raised as f64)).collect() },
                Series { name: "反馈".into(), values: d.months.iter().map(|m| Some(m.answered as f64)).collect() },
            ],
            Scale::counts(max as f64),
        );
    }
}

fn deputies(b: &mut Builder, s: &Statistics) {
    b.two("代表委员进社区");
    let d = &s.deputies;
    let text = clauses([
        counted(d.deputies, |n| format!("联系社区的代表委员{n}名（{}）", listed(&d.by_role, "名"))),
        counted(d.pairs, |n| format!("结成共建对子{n}对")),
        counted(d.reception_points, |n| format!("设立接待点{n}处")),
        counted(d.visits, |n| format!("本期进社区{n}次")),
        counted(d.compliance.of, |_| format!("按季走访率{}", pct(d.compliance))),
        counted(d.suggestions, |n| format!("收集意见建议{n}条")),
        counted(d.answered, |n| format!("答复{n}条")),
        counted(d.open, |n| format!("尚未答复{n}条")),
    ]);
    let Some(text) = text else {
        b.para("本期暂无代表委员进社区记录。".into());
        return;
    };
    let owed: Vec<_> = d.quarters.iter().filter(|q| q.visited.of > 0).collect();
    if owed.is_empty() {
        b.para(format!("{text}。"));
        return;
    }
    b.para(format!("{text}。各季度走访情况见表{}。", b.next_table()));
    let rows = owed
        .iter()
        .map(|q| {
            let mut name = q.period.replace("-Q", "年第") + "季度";
            if !q.complete {
                name.push_str("（进行中）");
            }
            vec![name, q.visited.of.to_string(), q.visited.count.to_string(), pct(q.visited)]
        })
        .collect();
    b.table("代表委员按季走访情况", &["季度", "应走访对子", "已走访", "走访率"], &[2.6, 1.4, 1.2, 1.2], rows);
}

fn volunteers(b: &mut Builder, s: &Statistics) {
    b.two("志愿者进社区");
    let v = &s.volunteering;
    let text = clauses([
        counted(v.activities, |n| format!("本期开展志愿服务活动{n}次")),
        counted(v.participants, |n| format!("参加{n}人次")),
        counted(v.members, |n| format!("其中党员{n}名")),
        counted(v.member_hours_tenths, |t| format!("党员服务{}小时", hours(t))),
        counted(v.hours_tenths, |t| format!("服务总时长{}小时", hours(t))),
        counted(v.people_served, |n| format!("服务群众{n}人次")),
    ]);
    let Some(text) = text else {
        b.para("本期暂无志愿服务活动记录。".into());
        return;
    };
    let kinds: Vec<_> = v.by_service.iter().filter(|k| k.count > 0).collect();
    if kinds.is_empty() {
        b.para(format!("{text}。"));
        return;
    }
    b.para(format!("{text}。按服务类型见表{}。", b.next_table()));
    let rows = kinds.iter().map(|k| vec![k.label.clone(), k.count.to_string()]).collect();
    b.table("志愿服务活动类型", &["服务类型", "活动（次）"], &[3.0, 1.5], rows);
}

/// 服务安排 of the period in one sentence, closing the 四进 section; nothing when nothing was planned.
fn schedule_sentence(s: &Statistics) -> Option<String> {
    let p = &s.schedule;
    let by: Vec<String> =
        p.by_kind.iter().filter(|k| k.planned > 0).map(|k| format!("{}{}次", k.label, k.planned)).collect();
    let text = clauses([
        counted(p.planned, |n| {
            format!("本期统筹安排联系单位、领导干部、代表委员和志愿者到社区服务{n}次（{}）", by.join("、"))
        }),
        counted(p.done, |n| format!("已完成并记录{n}次")),
        counted(p.missed, |n| format!("过期未记录{n}次")),
    ])?;
    Some(format!("{text}。"))
}

/// A rule fallen short of, counted in its own unit: "联系领导未按月走访2次", "承诺逾期3份".
fn shortfall_text(f: &Shortfall) -> String {
    let unit = match ShortfallKind::from_code(&f.code) {
        Some(ShortfallKind::NoPairing) | None => return f.label.clone(),
        Some(ShortfallKind::LeaderVisits | ShortfallKind::DeputyVisits) => "次",
        Some(ShortfallKind::OverduePledges) => "份",
        Some(ShortfallKind::StaleDifficulties) => "件",
    };
    format!("{}{}{unit}", f.label, f.count)
}

/// 五、各社区情况: a township's or the county's communities, the ones falling short named.
pub fn communities(b: &mut Builder, s: &Statistics) {
    let many = matches!(s.scope.org_kind, None | Some(OrgKind::County | OrgKind::Township));
    if !many || s.communities.len() < 2 {
        return;
    }
    b.one("各社区情况");
    let short: Vec<String> = s
        .communities
        .iter()
        .filter(|c| !c.shortfalls.is_empty())
        .map(|c| {
            let what: Vec<String> = c.shortfalls.iter().map(shortfall_text).collect();
            format!("{}（{}）", c.name, what.join("、"))
        })
        .collect();
    let mut text = format!("{}个社区的主要指标见表{}。", s.communities.len(), b.next_table());
    if short.is_empty() {
        text.push_str("各社区均达到工作要求。");
    } else if short.len() <= SHORT_NAMED {
        text.push_str(&format!("有{}个社区存在未达要求的事项：{}。", short.len(), short.join("；")));
    } else {
        // Too many to name: how many communities fall short of each rule.
        let by_rule: Vec<String> = ShortfallKind::ALL
            .iter()
            .filter_map(|kind| {
                let n = s.communities.iter().filter(|c| c.shortfalls.iter().any(|f| f.code == kind.code())).count();
                (n > 0).then(|| format!("{}的{n}个", kind.label()))
            })
            .collect();
        text.push_str(&format!("有{}个社区存在未达要求的事项，其中{}。", short.len(), by_rule.join("，")));
    }
    b.para(text);
    let county = matches!(s.scope.org_kind, None | Some(OrgKind::County));
    let rows = s
        .communities
        .iter()
        .map(|c| {
            let mut row = vec![c.name.clone()];
            if county {
                row.push(c.township.clone());
            }
            row.extend([
                c.on_roll.to_string(),
                pct(c.shown),
                pct(c.with_post),
                format!("{}/{}", c.pledges_completed, c.pledges),
                c.pairings.to_string(),
                pct(c.leader_visits),
                if c.shortfalls.is_empty() { "—".into() } else { format!("{}项", c.shortfalls.len()) },
            ]);
            row
        })
        .collect();
    let mut headers = vec!["社区"];
    let mut widths = vec![2.7];
    if county {
        headers.push("乡镇（街道）");
        widths.push(2.5);
    }
    headers.extend(["在册党员", "亮身份率", "有岗率", "承诺兑现", "共建单位", "领导走访率", "未达要求"]);
    widths.extend([1.1, 1.3, 1.3, 1.4, 1.0, 1.3, 1.0]);
    b.table("各社区主要指标", &headers, &widths, rows);
}
