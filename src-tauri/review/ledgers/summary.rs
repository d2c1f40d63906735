//! The ledgers' first two sheets, from the statistics themselves: the 统计汇总 (every figure
//! with its unit) and the 一览表 (a row per community, its shortfalls named).

use super::sheet::{col, Cell, Column, Table};
use crate::common::catalog::{LabeledCount, LeaderLevel};
use crate::review::{leaders_at, Share, Statistics};

const SUMMARY: &[Column] =
    &[col("类别", 16.0), col("指标", 32.0), col("数值", 14.0), col("单位", 8.0), col("说明", 50.0)];

struct Lines(Vec<Vec<Cell>>);

impl Lines {
    fn add(&mut self, topic: &str, name: impl Into<String>, value: Cell, unit: &str, note: impl Into<String>) {
        self.0.push(vec![Cell::text(topic), Cell::Text(name.into()), value, Cell::text(unit), Cell::Text(note.into())]);
    }

    fn count(&mut self, topic: &str, name: impl Into<String>, n: i64, unit: &str) {
        self.add(topic, name, Cell::Int(n), unit, "");
    }

    fn share(&mut self, topic: &str, name: &str, s: Share, of: &str) {
        self.add(topic, name, Cell::Percent(s), "", format!("{}/{}{of}", s.count, s.of));
    }

    fn counts(&mut self, topic: &str, prefix: &str, items: &[LabeledCount], unit: &str) {
        for c in items {
            self.count(topic, format!("{prefix}：{}", c.label), c.count, unit);
        }
    }
}

/// Every figure of the statistics, a line each, in the order of `sanliang stats`.
pub fn summary(s: &Statistics) -> Table {
    let mut l = Lines(Vec::new());
    let (m, i, p) = (&s.members, &s.identity, &s.posts);
    l.count("党员", "在册党员", m.on_roll, "名");
    l.counts("党员", "类别", &m.by_category, "名");
    l.counts("党员", "性别", &m.by_gender, "名");
    l.counts("党员", "民族", &m.by_ethnicity, "名");
    l.counts("党员", "年龄", &m.by_age, "名");
    l.count("党员", "本期入党", m.joined, "名");
    l.count("党员", "本期转出", m.transferred, "名");
    l.count("党员", "本期去世", m.deceased, "名");
    l.count("亮身份", "亮出身份的党员", i.shown.count, "名");
    l.share("亮身份", "亮身份率", i.shown, "名在册党员");
    l.counts("亮身份", "方式", &i.by_mark, "名");
    l.count("亮职责", "认岗定责的党员", p.with_post.count, "名");
    l.share("亮职责", "认岗定责率", p.with_post, "名在册党员");
    l.count("亮职责", "其中认岗定责", p.claimed, "名");
    l.count("亮职责", "其中设岗定责", p.assigned, "名");
    l.count("亮职责", "服务岗位", p.posts, "个");
    l.count("亮职责", "责任区", s.zones.zones, "个");
    l.share("亮职责", "责任区包片对象落实率", s.zones.covered_items, "个巷道、楼栋、户");
    l.count("亮职责", "责任区责任党员", s.zones.members, "名");
    let c = &s.pledges;
    for (name, n) in [
        ("作出承诺", c.made),
        ("其中党员承诺", c.by_members),
        ("其中党组织承诺", c.by_organizations),
        ("已公示", c.published),
        ("践诺中", c.in_progress),
        ("已逾期", c.overdue),
        ("已完成", c.completed),
        ("未完成", c.not_completed),
        ("未公示", c.drafts),
    ] {
        l.count("亮承诺", name, n, "份");
    }
    for a in &c.appraisals {
        l.counts("亮承诺", &format!("{}评议", a.appraiser.label), &a.ratings, "次");
    }
    let u = &s.pairings;
    l.count("单位进社区", "单位共建对子", u.pairings, "对");
    l.count("单位进社区", "结对社区", u.communities_paired, "个");
    l.count("单位进社区", "有效共建协议", u.agreements, "份");
    l.count("单位进社区", "即将到期的协议", u.agreements_ending, "份");
    for k in &u.support {
        l.count("单位进社区", format!("支持：{}", k.label), k.count, "次");
    }
    l.add("单位进社区", "帮扶资金", Cell::Yuan(u.funds_fen), "元", "");
    for f in &u.funds_by_unit {
        l.add("单位进社区", format!("资金：{}", f.unit), Cell::Yuan(f.fen), "元", "");
    }
    l.count("领导进社区", "党员领导干部帮扶对子", u.help_pairs, "对");
    l.count("领导进社区", "帮扶记录", u.help_records, "条");
    let v = &s.leaders;
    l.count("领导进社区", "县级联系领导", leaders_at(v, LeaderLevel::County), "名");
    l.count("领导进社区", "科级联系领导", leaders_at(v, LeaderLevel::Township), "名");
    l.count("领导进社区", "联系对子", v.pairs, "对");
    l.counts("领导进社区", "走访", &v.visits, "次");
    l.share("领导进社区", "每月走访完成率", v.compliance, "对·月");
    l.count("领导进社区", "民情日记", v.diaries, "篇");
    let d = &s.difficulties;
    l.count("领导进社区", "群众困难：提出", d.raised, "件");
    l.count("领导进社区", "群众困难：解决", d.resolved, "件");
    l.count("领导进社区", "群众困难：反馈", d.answered, "件");
    l.count("领导进社区", "群众困难：未反馈", d.open, "件");
    match d.median_days_to_close {
        Some(days) => l.add("领导进社区", "办结天数中位数", Cell::Text(format!("{days}")), "天", ""),
        None => l.add("领导进社区", "办结天数中位数", Cell::text("—"), "天", "本期没有办结的困难"),
    }
    let r = &s.deputies;
    l.count("代表委员进社区", "代表委员", r.deputies, "名");
    l.counts("代表委员进社区", "身份", &r.by_role, "名");
    l.count("代表委员进社区", "代表委员共建对子", r.pairs, "对");
    l.count("代表委员进社区", "接待点", r.reception_points, "处");
    l.count("代表委员进社区", "进社区", r.visits, "次");
    l.share("代表委员进社区", "每季走访完成率", r.compliance, "对·季");
    l.count("代表委员进社区", "意见建议：提出", r.suggestions, "条");
    l.count("代表委员进社区", "意见建议：答复", r.answered, "条");
    l.count("代表委员进社区", "意见建议：未答复", r.open, "条");
    let w = &s.volunteering;
    l.count("志愿者进社区", "志愿服务活动", w.activities, "次");
    l.count("志愿者进社区", "参与", w.participants, "人次");
    l.count("志愿者进社区", "参与党员", w.members, "名");
    l.add("志愿者进社区", "党员服务时长", Cell::Hours(w.member_hours_tenths), "小时", "");
    l.add("志愿者进社区", "服务总时长", Cell::Hours(w.hours_tenths), "小时", "");
    l.count("志愿者进社区", "服务群众", w.people_served, "人次");
    l.counts("志愿者进社区", "服务类型", &w.by_service, "次");
    let plan = &s.schedule;
    l.count("服务安排", "安排", plan.planned, "次");
    l.count("服务安排", "已完成", plan.done, "次");
    l.count("服务安排", "过期未记录", plan.missed, "次");
    for k in &plan.by_kind {
        let note = format!("已完成{}次，过期未记录{}次", k.done, k.missed);
        l.add("服务安排", format!("安排：{}", k.label), Cell::Int(k.planned), "次", note);
    }
    let chain = &s.responsibility;
    // Names and titles are long: they go in the wide 说明 column.
    for (name, who) in [("第一责任人", &chain.first), ("直接责任人", &chain.direct), ("具体责任人", &chain.specific)]
    {
        l.add("责任体系", name, Cell::text(""), "", who.clone().unwrap_or_else(|| "未填写".into()));
    }
    let guiding = if chain.guiding.is_empty() { "未填写".to_owned() } else { chain.guiding.join("、") };
    l.add("责任体系", "指导责任人", Cell::text(""), "", guiding);
    Table { name: "统计汇总", columns: SUMMARY, rows: l.0 }
}

const COMMUNITIES: &[Column] = &[
    col("乡镇（街道）", 18.0),
    col("社区", 22.0),
    col("在册党员", 8.0),
    col("亮身份率", 9.0),
    col("认岗定责率", 9.0),
    col("承诺", 7.0),
    col("已完成", 7.0),
    col("已逾期", 7.0),
    col("结对单位", 8.0),
    col("资金（元）", 13.0),
    col("领导月走访率", 10.0),
    col("代表季走访率", 10.0),
    col("未反馈困难", 9.0),
    col("志愿活动", 8.0),
    col("未达要求", 30.0),
];

/// The 一览表: the page's table, a row per community.
pub fn communities(s: &Statistics) -> Table {
    let rows = s
        .communities
        .iter()
        .map(|r| {
            let marks: Vec<String> = r.shortfalls.iter().map(|f| format!("{}{}", f.label, f.count)).collect();
            vec![
                Cell::text(r.township.clone()),
                Cell::text(r.name.clone()),
                Cell::Int(r.on_roll),
                Cell::Percent(r.shown),
                Cell::Percent(r.with_post),
                Cell::Int(r.pledges),
                Cell::Int(r.pledges_completed),
                Cell::Int(r.pledges_overdue),
                Cell::Int(r.pairings),
                Cell::Yuan(r.funds_fen),
                Cell::Percent(r.leader_visits),
                Cell::Percent(r.deputy_visits),
                Cell::Int(r.difficulties_open),
                Cell::Int(r.volunteer_activities),
                Cell::Text(marks.join("；")),
            ]
        })
        .collect();
    Table { name: "一览表", columns: COMMUNITIES, rows }
}
