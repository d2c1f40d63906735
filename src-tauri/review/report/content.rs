//! What the report says, from the statistics alone: the title, the opening, 一、总体情况 (the
//! figures sentence and the members), 二、责任落实 (the responsibility chain) and 三、“三亮” with
//! its tables and chart; the 四进 and the communities follow in `sijin.rs`. Clauses whose figures
//! are all zero are left out; a topic with nothing recorded says so.

use super::chart::{Bar, Chart, Scale, Series};
use super::flow::{Block, Level, Table};
use crate::common::catalog::{LabeledCount, OrgKind};
use crate::review::model::{Share, Statistics};

const NUMERALS: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/// The blocks in order, with headings, tables and figures numbered as they are added.
#[derive(Default)]
pub struct Builder {
    pub blocks: Vec<Block>,
    ones: usize,
    twos: usize,
    tables: usize,
    charts: usize,
}

impl Builder {
    pub fn one(&mut self, text: &str) {
        self.ones += 1;
        self.twos = 0;
        let n = NUMERALS.get(self.ones - 1).copied().unwrap_or("十");
        self.blocks.push(Block::Heading(Level::One, format!("{n}、{text}")));
    }

    pub fn two(&mut self, text: &str) {
        self.twos += 1;
        let n = NUMERALS.get(self.twos - 1).copied().unwrap_or("十");
        self.blocks.push(Block::Heading(Level::Two, format!("（{n}）{text}")));
    }

    pub fn para(&mut self, text: String) {
        self.blocks.push(Block::Paragraph(text));
    }

    /// The number the next table will carry, for "见表N" in the text before it.
    pub fn next_table(&self) -> usize {
        self.tables + 1
    }

    /// The number the next chart will carry, for "见图N".
    pub fn next_chart(&self) -> usize {
        self.charts + 1
    }

    pub fn table(&mut self, caption: &str, headers: &[&str], widths: &[f32], rows: Vec<Vec<String>>) {
        self.tables += 1;
        self.blocks.push(Block::Table(Table {
            number: self.tables,
            caption: caption.to_owned(),
            headers: headers.iter().map(|h| (*h).to_owned()).collect(),
            widths: widths.to_vec(),
            rows,
        }));
    }

    pub fn bars(&mut self, caption: &str, bars: Vec<Bar>) {
        self.charts += 1;
        let caption = format!("图{}　{caption}", self.charts);
        self.blocks.push(Block::Chart(Chart::Bars { caption, bars }));
    }

    pub fn lines(&mut self, caption: &str, categories: Vec<String>, series: Vec<Series>, scale: Scale) {
        self.charts += 1;
        let caption = format!("图{}　{caption}", self.charts);
        self.blocks.push(Block::Chart(Chart::Lines { caption, categories, series, scale }));
    }
}

/// The clauses that are there, joined with "，"; None when none is.
pub fn clauses(parts: impl IntoIterator<Item = Option<String>>) -> Option<String> {
    let parts: Vec<String> = parts.into_iter().flatten().collect();
    (!parts.is_empty()).then(|| parts.join("，"))
}

/// `text(n)` when `n` is not zero.
pub fn counted(n: i64, text: impl FnOnce(i64) -> String) -> Option<String> {
    (n != 0).then(|| text(n))
}

/// "党员3200名、党组织20个": the non-zero counts, each with its unit.
pub fn listed(items: &[LabeledCount], unit: &str) -> String {
    items.iter().filter(|i| i.count > 0).map(|i| format!("{}{}{unit}", i.label, i.count)).collect::<Vec<_>>().join("、")
}

/// "97.5%" of a share, "—" when its base is zero.
pub fn pct(s: Share) -> String {
    s.percent_text()
}

/// A date in words: 2026年12月4日.
pub fn day(d: chrono::NaiveDate) -> String {
    d.format("%Y年%-m月%-d日").to_string()
}

/// The title in the parts it may be broken into: who and when, then what.
pub fn title_parts(s: &Statistics) -> Vec<String> {
    vec![format!("{}{}", s.scope.org_name, s.scope.period_label), "“三亮四进”工作情况报告".to_owned()]
}

pub fn title(s: &Statistics) -> String {
    title_parts(s).concat()
}

pub fn opening(b: &mut Builder, s: &Statistics) {
    let c = &s.scope;
    b.para(format!(
        "按照“三亮四进”工作要求，现将{}{}工作开展情况报告如下。本报告统计期间为{}至{}，在册、在岗等数据截至{}。",
        c.org_name,
        c.period_label,
        day(c.first),
        day(c.last),
        day(c.as_of)
    ));
}

pub fn overview(b: &mut Builder, s: &Statistics) {
    b.one("总体情况");
    b.para(s.sentence.clone());
    let m = &s.members;
    let communities = s.communities.len();
    let mut text = format!("截至{}，共有在册党员{}名", day(s.scope.as_of), m.on_roll);
    if communities > 1 {
        text = format!("{text}，分布在{communities}个社区");
    }
    if m.on_roll > 0 && !listed(&m.by_category, "名").is_empty() {
        text = format!("{text}，其中{}", listed(&m.by_category, "名"));
    }
    text.push('。');
    if let Some(flow) = clauses([
        counted(m.joined, |n| format!("新发展党员{n}名")),
        counted(m.transferred, |n| format!("转出{n}名")),
        counted(m.deceased, |n| format!("去世{n}名")),
    ]) {
        text = format!("{text}本期{flow}。");
    }
    b.para(text);
}

pub fn responsibility(b: &mut Builder, s: &Statistics) {
    b.one("责任落实");
    let r = &s.responsibility;
    let roles: &[(&str, &Option<String>)] = match s.scope.org_kind {
        None | Some(OrgKind::County) => &[("第一责任人", &r.first)],
        Some(OrgKind::Township) => &[("第一责任人", &r.first), ("直接责任人", &r.direct)],
        Some(_) => &[("第一责任人", &r.first), ("直接责任人", &r.direct), ("具体责任人", &r.specific)],
    };
    let mut parts: Vec<String> =
        roles.iter().map(|(role, who)| format!("{role}：{}", who.as_deref().unwrap_or("未填写"))).collect();
    // A county has a contact leader per community: named up to ten, then counted.
    let guiding = match r.guiding.len() {
        0 => "未明确".to_owned(),
        n if n <= 10 => r.guiding.join("、"),
        n => format!("{}等{n}名", r.guiding[..10].join("、")),
    };
    parts.push(format!("指导责任人（社区共建联系领导）：{guiding}"));
    b.para(format!("{}。", parts.join("；")));
}

pub fn sanliang(b: &mut Builder, s: &Statistics) {
    b.one("“三亮”工作开展情况");
    b.two("亮身份");
    let id = &s.identity;
    if id.shown.of == 0 {
        b.para("暂无在册党员。".into());
    } else {
        let first = counted(id.first_shown, |n| format!("，本期首次亮身份{n}名"));
        b.para(format!(
            "在册党员{}名中，已有{}名亮出身份，占{}{}。各亮身份方式的人数见表{}。",
            id.shown.of,
            id.shown.count,
            pct(id.shown),
            first.unwrap_or_default(),
            b.next_table()
        ));
        let rows = id
            .by_mark
            .iter()
            .map(|m| vec![m.label.clone(), m.count.to_string(), pct(Share::new(m.count, id.shown.of))])
            .collect();
        b.table("亮身份方式", &["亮身份方式", "党员（名）", "占在册党员"], &[3.0, 1.5, 1.5], rows);
    }

    b.two("亮职责");
    let (p, z) = (&s.posts, &s.zones);
    let posts = clauses([
        counted(p.posts, |n| format!("设立服务岗位{n}个")),
        counted(p.with_post.count, |n| format!("{n}名党员有岗在岗，占在册党员的{}", pct(p.with_post))),
        clauses([
            counted(p.claimed, |n| format!("其中认岗定责{n}名")),
            counted(p.assigned, |n| format!("设岗定责{n}名")),
        ]),
    ]);
    let zones = clauses([
        counted(z.zones, |n| format!("划分党员责任区{n}个")),
        counted(z.covered_items.count, |n| {
            format!("{n}个楼院户有党员包保，占{}（共{}个）", pct(z.covered_items), z.covered_items.of)
        }),
        counted(z.members, |n| format!("包保党员{n}名")),
    ]);
    let text = [posts, zones].into_iter().flatten().map(|c| format!("{c}。")).collect::<String>();
    b.para(if text.is_empty() { "本期暂无岗位和责任区记录。".into() } else { text });

    b.two("亮承诺");
    let pl = &s.pledges;
    if pl.made == 0 {
        b.para("本期暂无承诺记录。".into());
        return;
    }
    let status = [
        ("已完成", pl.completed),
        ("践诺中", pl.in_progress),
        ("已逾期", pl.overdue),
        ("未完成", pl.not_completed),
        ("未公示", pl.drafts),
    ];
    let made = format!(
        "党组织和党员作出承诺{}份{}，已公示{}份",
        pl.made,
        clauses([
            counted(pl.by_members, |n| format!("党员{n}份")),
            counted(pl.by_organizations, |n| format!("党组织{n}份"))
        ])
        .map(|c| format!("（{}）", c.replace('，', "、")))
        .unwrap_or_default(),
        pl.published
    );
    let states = status.iter().filter(|(_, n)| *n > 0).map(|(l, n)| format!("{l}{n}份")).collect::<Vec<_>>().join("、");
    b.para(format!("{made}；其中{states}（见图{}）。", b.next_chart()));
    b.bars(
        "承诺践诺情况（份）",
        status.iter().map(|(l, n)| Bar { label: (*l).into(), value: *n as f64, text: n.to_string() }).collect(),
    );
    let rated: Vec<_> = pl.appraisals.iter().filter(|a| a.ratings.iter().any(|r| r.count > 0)).collect();
    if !rated.is_empty() {
        b.para(format!("承诺评议情况见表{}。", b.next_table()));
        let rows = rated
            .iter()
            .map(|a| {
                let mut row = vec![a.appraiser.label.clone()];
                row.extend(a.ratings.iter().map(|r| r.count.to_string()));
                row
            })
            .collect();
        let mut headers = vec!["评议方"];
        headers.extend(rated[0].ratings.iter().map(|r| r.label.as_str()));
        let widths: Vec<f32> = std::iter::once(2.0).chain(rated[0].ratings.iter().map(|_| 1.5)).collect();
        b.table("承诺评议情况（份）", &headers, &widths, rows);
    }
}

/// The months of a period as the charts label them: "1月"…"12月" (with the year when it changes).
pub fn month_labels(months: &[String]) -> Vec<String> {
    let years: std::collections::BTreeSet<&str> = months.iter().filter_map(|m| m.get(..4)).collect();
    months
        .iter()
        .map(|m| {
            let month: u32 = m.get(5..).and_then(|t| t.parse().ok()).unwrap_or(0);
            if years.len() > 1 {
                format!("{}.{month}", m.get(2..4).unwrap_or_default())
            } else {
                format!("{month}月")
            }
        })
        .collect()
}

/// A share per month as a line's values: its rate, or a gap where nothing was owed.
pub fn rates(shares: impl Iterator<Item = Share>) -> Series {
    Series { name: "走访率".into(), values: shares.map(|s| s.percent()).collect() }
}
