//! The demo county (江川县, from the seed): organizations and plausible members, generated
//! deterministically so every run — and every test — sees the same data.

mod pledges;
mod sijin;

use chrono::{Datelike, Days, Months, NaiveDate};
use rand::rngs::SmallRng;
use rand::{Rng, SeedableRng};
use serde::{Deserialize, Serialize};
use sqlx::SqlitePool;
use ts_rs::TS;

use crate::common::catalog::{
    Category, Gender, MarkType, MemberStatus, OrgKind, PostHow, PostKind, UnitKind, ZoneItemKind, EDUCATIONS,
};
use crate::common::validate::id_check_char;
use crate::error::{Error, Result};
use crate::roster::members::store as member_store;
use crate::roster::members::{validate, MemberInput};
use crate::roster::orgs::store as org_store;
use crate::roster::orgs::Organization;
use crate::sanliang::identity::store as identity_store;
use crate::sanliang::posts::store as post_store;
use crate::sanliang::zones::store as zone_store;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DemoScale {
    /// The five communities the seed names, about 300 members.
    Community,
    /// A whole county: ~100 communities, ~20,000 members (benchmarks).
    County,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DemoSummary {
    pub organizations: i64,
    pub members: i64,
}

const SEED: u64 = 20_110_822;
/// 江川县's administrative division code, the first six digits of local ID numbers.
const AREA_CODE: &str = "530421";

const SURNAMES: &[(&str, u32)] = &[
    ("李", 60),
    ("王", 50),
    ("张", 45),
    ("刘", 30),
    ("杨", 40),
    ("赵", 20),
    ("陈", 25),
    ("周", 15),
    ("普", 18),
    ("毕", 10),
    ("白", 12),
    ("段", 10),
    ("施", 8),
    ("徐", 10),
    ("马", 12),
    ("何", 12),
    ("朱", 8),
    ("孙", 8),
    ("钱", 5),
    ("罗", 10),
    ("高", 8),
    ("黄", 10),
    ("龚", 5),
    ("保", 6),
    ("矣", 4),
    ("单", 3),
    ("曾", 4),
    ("解", 2),
    ("查", 2),
    ("仇", 1),
    ("尹", 6),
    ("董", 6),
    ("番", 2),
    ("柏", 3),
];
const GIVEN: &[&str] = &[
    "建", "国", "华", "明", "秀", "英", "红", "伟", "芳", "丽", "军", "平", "兰", "云", "文", "玉", "海", "春", "德",
    "志", "梅", "林", "琼", "艳", "勇", "杰", "涛", "静", "敏", "强", "福", "昌", "荣", "萍", "燕", "斌", "鹏", "磊",
    "婷", "洁", "宏", "祥", "珍", "凤", "仙", "发", "忠", "学", "光", "成", "晓", "丹", "蕊", "琴", "堃", "喆", "燚",
    "犇", "淼", "赟", "翔", "睿", "瑶", "晨",
];
const ETHNIC_WEIGHTS: &[(&str, u32)] =
    &[("汉族", 78), ("彝族", 12), ("回族", 4), ("白族", 2), ("哈尼族", 2), ("傣族", 1), ("苗族", 1)];
const CATEGORY_WEIGHTS: &[(Category, u32)] = &[
    (Category::InService, 34),
    (Category::NoPost, 36),
    (Category::Committee, 5),
    (Category::StationedFrontline, 10),
    (Category::WindowPost, 8),
    (Category::EnterpriseFrontline, 7),
];
const WORK_UNITS: &[&str] = &[
    "县民政局",
    "县人民医院",
    "县司法局",
    "县市场监管局",
    "县自来水公司",
    "大街街道便民服务中心",
    "县供销社",
    "县人社局",
    "县税务局",
    "星云湖渔业合作社",
    "县第一中学",
    "县农业农村局",
];

/// The posts every demo community sets up, with their published duties.
const POSTS: &[(&str, PostKind, &str)] = &[
    (
        "便民服务窗口先锋岗",
        PostKind::Vanguard,
        "在社区便民服务站窗口为居民办理低保、医保、社保等事项，做到一次告知、限时办结。",
    ),
    ("环境卫生示范岗", PostKind::Model, "带头保持房前屋后和公共区域清洁，每周参加一次环境整治，劝导乱扔乱倒行为。"),
    ("治安巡逻服务岗", PostKind::Service, "每周参加两次夜间治安巡逻，发现安全隐患及时报告社区，协助调解邻里纠纷。"),
    ("政策宣传服务岗", PostKind::Service, "向居民宣讲党的路线方针政策和惠民政策，每月入户走访不少于五户并记录民情。"),
];

struct TownshipPlan {
    name: &'static str,
    communities: Vec<String>,
}

fn community_plan(scale: DemoScale, rng: &mut SmallRng) -> Vec<TownshipPlan> {
    let seed_towns = vec![
        TownshipPlan {
            name: "大街街道", communities: vec!["大街社区".into(), "河咀社区".into(), "下营社区".into()]
        },
        TownshipPlan { name: "宁海街道", communities: vec!["大庄社区".into(), "上头营社区".into()] },
    ];
    if scale == DemoScale::Community {
        return seed_towns;
    }
    let mut towns = seed_towns;
    let more = ["前卫镇", "九溪镇", "路居镇", "江城镇", "雄关乡", "安化彝族乡", "星云街道", "海门街道"];
    let first =
        ["东", "西", "南", "北", "上", "下", "新", "中", "大", "小", "前", "后", "高", "龙", "凤", "马", "海", "石"];
    let second = ["营", "村", "庄", "街", "坝", "湾", "河", "屯", "桥", "山", "塘", "寨", "溪", "沟", "堡", "田"];
    let mut used = std::collections::HashSet::new();
    for t in &towns {
        used.extend(t.communities.iter().cloned());
    }
    for name in more {
        let mut communities = Vec::new();
        while communities.len() < 12 {
            let c =
                format!("{}{}社区", first[rng.random_range(0..first.len())], second[rng.random_range(0..second.len())]);
            if used.insert(c.clone()) {
                communities.push(c);
            }
        }
        towns.push(TownshipPlan { name, communities });
    }
    // Top up the seed's townships so the county has about a hundred communities.
    for (i, t) in towns.iter_mut().take(2).enumerate() {
        while t.communities.len() < 5 + i {
            let c =
                format!("{}{}社区", first[rng.random_range(0..first.len())], second[rng.random_range(0..second.len())]);
            if used.insert(c.clone()) {
                t.communities.push(c);
            }
        }
    }
    towns
}

fn pick<'a, T>(rng: &mut SmallRng, weighted: &'a [(T, u32)]) -> &'a T {
    let total: u32 = weighted.iter().map(|(_, w)| w).sum();
    let mut n = rng.random_range(0..total);
    for (item, w) in weighted {
        if n < *w {
            return item;
        }
        n -= w;
    }
    &weighted[0].0
}

fn date_between(rng: &mut SmallRng, from: NaiveDate, to: NaiveDate) -> NaiveDate {
    let span = (to - from).num_days().max(0) as u64;
    from.checked_add_days(Days::new(rng.random_range(0..=span))).unwrap_or(from)
}

fn phone(rng: &mut SmallRng) -> String {
    match rng.random_range(0..20) {
        0 => String::new(),
        1 | 2 => format!("0877-80{:05}", rng.random_range(0..100_000)),
        _ => {
            let prefix = ["138", "139", "150", "151", "158", "187", "188", "135", "137", "177"];
            format!("{}{:08}", prefix[rng.random_range(0..prefix.len())], rng.random_range(0..100_000_000u32))
        }
    }
}

/// Writes the demo county into an empty database, all in one transaction.
pub async fn load(pool: &SqlitePool, scale: DemoScale, today: NaiveDate) -> Result<DemoSummary> {
    let mut rng = SmallRng::seed_from_u64(SEED);
    let mut tx = pool.begin().await?;
    let existing: i64 =
        sqlx::query_scalar!(r#"SELECT count(*) AS "n!: i64" FROM organizations WHERE deleted_at IS NULL"#)
            .fetch_one(&mut *tx)
            .await?;
    if existing > 0 {
        return Err(Error::conflict(None, "数据库中已有组织数据，示例数据只能载入到空数据库"));
    }
    let mut orgs = 0i64;
    let mut add = async |tx: &mut sqlx::SqliteConnection,
                         parent: Option<&Organization>,
                         kind: OrgKind,
                         unit: Option<(UnitKind, Option<i64>)>,
                         name: &str|
           -> Result<Organization> {
        let id = org_store::insert(tx, parent, kind, unit.map(|u| u.0), unit.and_then(|u| u.1), name).await?;
        orgs += 1;
        org_store::get(tx, id).await
    };
    let county = add(&mut tx, None, OrgKind::County, None, "中共江川县委").await?;
    let plan = community_plan(scale, &mut rng);
    let members_per_community = match scale {
        DemoScale::Community => 60,
        DemoScale::County => 200,
    };
    let mut member_orgs: Vec<(Organization, String, i64)> = Vec::new();
    // Each community's posts: (post id, capacity, holders so far).
    let mut community_posts: std::collections::HashMap<i64, Vec<(i64, i64, i64)>> = std::collections::HashMap::new();
    let capacity = (members_per_community as i64) / 4 + 1;
    let mut first_community = None;
    let mut communities: Vec<(i64, String)> = Vec::new();
    let mut units: Vec<(i64, String)> = Vec::new();
    let mut pledgers: Vec<(i64, String, Category, NaiveDate)> = Vec::new();
    let mut hezui = None;
    for town in &plan {
        let township = add(&mut tx, Some(&county), OrgKind::Township, None, &format!("{}党工委", town.name)).await?;
        for c in &town.communities {
            let community = add(&mut tx, Some(&township), OrgKind::Community, None, &format!("{c}党总支")).await?;
            first_community.get_or_insert(community.id);
            communities.push((community.id, community.name.clone()));
            if c == "河咀社区" {
                hezui = Some(community.clone());
            }
            let branches = 2 + rng.random_range(0..2);
            let ordinals = ["第一", "第二", "第三"];
            for ord in ordinals.iter().take(branches) {
                let branch = add(&mut tx, Some(&community), OrgKind::Branch, None, &format!("{c}{ord}党支部")).await?;
                member_orgs.push((branch, c.clone(), community.id));
            }
            let mut posts = Vec::new();
            for (name, kind, duties) in POSTS {
                let uuid = uuid::Uuid::new_v4().to_string();
                let id = post_store::insert(&mut tx, &uuid, community.id, name, *kind, duties, capacity).await?;
                posts.push((id, capacity, 0));
            }
            community_posts.insert(community.id, posts);
            member_orgs.push((community.clone(), c.clone(), community.id));
        }
    }
    for (name, kind, stationed) in [
        ("县民政局", UnitKind::Organ, None),
        ("共青团江川县委员会", UnitKind::Organ, None),
        ("县人民医院", UnitKind::Organ, first_community),
        ("县总工会", UnitKind::Organ, None),
        ("县妇女联合会", UnitKind::Organ, None),
        ("县司法局", UnitKind::Organ, None),
        ("县委统战部", UnitKind::Organ, None),
        ("江川县自来水有限公司", UnitKind::Enterprise, first_community),
        ("县个体劳动者协会", UnitKind::Social, None),
    ] {
        let unit = add(&mut tx, Some(&county), OrgKind::Unit, Some((kind, stationed)), name).await?;
        units.push((unit.id, unit.name));
    }

    let total_members = plan.iter().map(|t| t.communities.len()).sum::<usize>() * members_per_community;
    let mut used_ids = std::collections::HashSet::new();
    let mut used_person = std::collections::HashSet::new();
    let mut written = 0i64;
    let mut attempt = 0usize;
    while (written as usize) < total_members {
        attempt += 1;
        let (org, community, community_id) = &member_orgs[attempt % member_orgs.len()];
        let surname = *pick(&mut rng, SURNAMES);
        let mut name = surname.to_owned();
        for _ in 0..rng.random_range(1..=2) {
            name.push_str(GIVEN[rng.random_range(0..GIVEN.len())]);
        }
        let birth = date_between(
            &mut rng,
            NaiveDate::from_ymd_opt(1938, 1, 1).unwrap_or(today),
            NaiveDate::from_ymd_opt(2003, 12, 31).unwrap_or(today),
        );
        if !used_person.insert((name.clone(), birth)) {
            continue;
        }
        let male = rng.random_bool(0.6);
        // The day after the 18th birthday, which also settles those born on 29 February.
        let adult = birth.checked_add_months(Months::new(18 * 12)).and_then(|d| d.succ_opt()).unwrap_or(birth);
        let earliest_join = adult.max(NaiveDate::from_ymd_opt(1958, 7, 1).unwrap_or(adult));
        let joined = date_between(&mut rng, earliest_join, NaiveDate::from_ymd_opt(2025, 12, 31).unwrap_or(today));
        let id_number = if rng.random_range(0..10) == 0 {
            String::new()
        } else {
            let seq = rng.random_range(0..500) * 2 + u32::from(male);
            let first17 = format!("{AREA_CODE}{}{seq:03}", birth.format("%Y%m%d"));
            let id = format!("{first17}{}", id_check_char(&first17).unwrap_or('0'));
            if !used_ids.insert(id.clone()) {
                continue;
            }
            id
        };
        let category = *pick(&mut rng, CATEGORY_WEIGHTS);
        let age = today.year() - birth.year();
        let education = if age > 65 { EDUCATIONS[rng.random_range(4..7)] } else { EDUCATIONS[rng.random_range(0..6)] };
        let work_unit = match category {
            Category::NoPost => String::new(),
            Category::Committee => format!("{community}居委会"),
            _ => WORK_UNITS[rng.random_range(0..WORK_UNITS.len())].to_owned(),
        };
        let input = MemberInput {
            org_id: Some(org.id),
            name,
            gender: Some(if male { Gender::Male } else { Gender::Female }),
            ethnicity: (*pick(&mut rng, ETHNIC_WEIGHTS)).to_owned(),
            birth_date: birth.format("%Y-%m-%d").to_string(),
            joined_on: joined.format("%Y-%m-%d").to_string(),
            education: education.to_owned(),
            id_number,
            phone: phone(&mut rng),
            address: format!(
                "{}{}组{}号",
                community.trim_end_matches("社区"),
                rng.random_range(1..12),
                rng.random_range(1..80)
            ),
            work_unit,
            category: Some(category),
            notes: String::new(),
            confirm_duplicate: true,
        };
        // Generated data passes the same rules as typed data.
        let record = validate(&input, today)?;
        let id = member_store::insert(&mut tx, &uuid::Uuid::new_v4().to_string(), &record).await?;
        let roll = rng.random_range(0..100);
        let until = today.min(NaiveDate::from_ymd_opt(2026, 10, 31).unwrap_or(today)).max(joined);
        if roll < 8 {
            let status = if roll < 5 { MemberStatus::Transferred } else { MemberStatus::Deceased };
            let when = date_between(&mut rng, joined, until);
            member_store::set_status(&mut tx, id, status, Some(when)).await?;
        } else if rng.random_range(0..100) < 85 {
            // 亮身份: most members wear the badge since the practice began; posts and zones by category.
            let since = joined.max(NaiveDate::from_ymd_opt(2011, 6, 1).unwrap_or(joined)).min(until);
            let mut marks = vec![(MarkType::Badge, String::new())];
            match category {
                Category::WindowPost => marks.push((MarkType::ModelPost, "便民服务窗口".to_owned())),
                Category::StationedFrontline | Category::EnterpriseFrontline => {
                    marks.push((MarkType::VanguardPost, "一线岗位".to_owned()))
                }
                Category::NoPost if rng.random_bool(0.4) => {
                    marks.push((MarkType::ResponsibilityZone, format!("{}责任区", community.trim_end_matches("社区"))))
                }
                _ => {}
            }
            for (mark, place) in marks {
                let shown = date_between(&mut rng, since, until);
                identity_store::insert_if_absent(&mut tx, &uuid::Uuid::new_v4().to_string(), id, mark, shown, &place)
                    .await?;
            }
        }
        // 亮职责: most members on the roll hold a post; in-service members claimed theirs.
        if roll >= 8 && rng.random_range(0..100) < 80 {
            if let Some(posts) = community_posts.get_mut(community_id) {
                let start = rng.random_range(0..posts.len());
                let free = (0..posts.len()).map(|k| (start + k) % posts.len()).find(|k| posts[*k].2 < posts[*k].1);
                if let Some(k) = free {
                    posts[k].2 += 1;
                    let how = if category == Category::InService { PostHow::Claimed } else { PostHow::Assigned };
                    let since = joined.max(NaiveDate::from_ymd_opt(2011, 6, 1).unwrap_or(joined)).min(until);
                    let on = date_between(&mut rng, since, until);
                    post_store::insert_assignment(&mut tx, &uuid::Uuid::new_v4().to_string(), posts[k].0, id, how, on)
                        .await?;
                }
            }
        }
        if roll >= 8 {
            pledgers.push((id, input.name.clone(), category, joined));
        }
        written += 1;
    }
    if let Some(community) = hezui {
        lakeside_zones(&mut tx, &community, &mut rng).await?;
    }
    pledges::load(&mut tx, &mut rng, &pledgers, &communities, today).await?;
    sijin::load(&mut tx, &mut rng, &units, &communities, today).await?;
    tx.commit().await?;
    Ok(DemoSummary { organizations: orgs, members: written })
}

/// 河咀社区's 环湖党建 from the seed: twelve responsibility zones, each lane and household
/// assigned to one member on the roll — all but a few, so the page has work to show.
async fn lakeside_zones(tx: &mut sqlx::SqliteConnection, community: &Organization, rng: &mut SmallRng) -> Result<()> {
    let filter = member_store::Filter {
        subtree: Some(community.path.clone()),
        patterns: Default::default(),
        category: None,
        status: Some(MemberStatus::Active.code()),
    };
    let members = member_store::matching_ids(tx, &filter).await?;
    if members.is_empty() {
        return Ok(());
    }
    let ordinals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"];
    for (z, ord) in ordinals.iter().enumerate() {
        let zone =
            zone_store::insert_zone(tx, &uuid::Uuid::new_v4().to_string(), community.id, &format!("环湖第{ord}责任区"))
                .await?;
        let mut items = vec![
            (ZoneItemKind::Lane, format!("湖滨{}巷", z * 2 + 1)),
            (ZoneItemKind::Lane, format!("湖滨{}巷", z * 2 + 2)),
        ];
        for h in 1..=3 {
            items.push((ZoneItemKind::Household, format!("河咀村{}组{}号", z + 1, h * 7 + z)));
        }
        // One member looks after a zone's lanes, a neighbour its households.
        let keeper = members[(z * 2) % members.len()];
        let neighbour = members[(z * 2 + 1) % members.len()];
        for (kind, name) in items {
            let item = zone_store::insert_item(tx, &uuid::Uuid::new_v4().to_string(), zone, kind, &name).await?;
            if rng.random_range(0..100) < 92 {
                let who = if kind == ZoneItemKind::Lane { keeper } else { neighbour };
                zone_store::cover_if_free(tx, item, who).await?;
            }
        }
    }
    Ok(())
}
