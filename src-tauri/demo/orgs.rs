//! The demo county's organizations: 江川县's townships and communities from the seed (topped up
//! to about a hundred communities at county scale), their branches, posts and paired units.

use std::collections::{HashMap, HashSet};

use rand::rngs::SmallRng;
use rand::Rng;

use super::DemoScale;
use crate::common::catalog::{OrgKind, PostKind, UnitKind};
use crate::error::Result;
use crate::roster::orgs::store as org_store;
use crate::roster::orgs::Organization;
use crate::sanliang::posts::store as post_store;

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
    let mut used = HashSet::new();
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

/// What the members, pledges and 四进 records are written against.
pub struct Tree {
    /// Organizations written.
    pub count: i64,
    /// Where members are enrolled: (branch or community, community's short name, community id).
    pub member_orgs: Vec<(Organization, String, i64)>,
    /// Each community's posts: (post id, capacity, holders so far).
    pub community_posts: HashMap<i64, Vec<(i64, i64, i64)>>,
    pub communities: Vec<(i64, String)>,
    pub units: Vec<(i64, String)>,
    /// 河咀社区, whose 环湖 zones the seed describes.
    pub hezui: Option<Organization>,
}

async fn add(
    tx: &mut sqlx::SqliteConnection,
    count: &mut i64,
    parent: Option<&Organization>,
    kind: OrgKind,
    unit: Option<(UnitKind, Option<i64>)>,
    name: &str,
) -> Result<Organization> {
    let id = org_store::insert(tx, parent, kind, unit.map(|u| u.0), unit.and_then(|u| u.1), name).await?;
    *count += 1;
    org_store::get(tx, id).await
}

/// Writes the county, its townships, communities with branches and posts, and the paired units.
pub async fn load(
    tx: &mut sqlx::SqliteConnection,
    rng: &mut SmallRng,
    scale: DemoScale,
    post_capacity: i64,
) -> Result<Tree> {
    let mut count = 0;
    let county = add(tx, &mut count, None, OrgKind::County, None, "中共江川县委").await?;
    let plan = community_plan(scale, rng);
    let mut tree = Tree {
        count: 0,
        member_orgs: Vec::new(),
        community_posts: HashMap::new(),
        communities: Vec::new(),
        units: Vec::new(),
        hezui: None,
    };
    let mut first_community = None;
    for town in &plan {
        let township =
            add(tx, &mut count, Some(&county), OrgKind::Township, None, &format!("{}党工委", town.name)).await?;
        for c in &town.communities {
            let community =
                add(tx, &mut count, Some(&township), OrgKind::Community, None, &format!("{c}党总支")).await?;
            first_community.get_or_insert(community.id);
            tree.communities.push((community.id, community.name.clone()));
            if c == "河咀社区" {
                tree.hezui = Some(community.clone());
            }
            let branches = 2 + rng.random_range(0..2);
            let ordinals = ["第一", "第二", "第三"];
            for ord in ordinals.iter().take(branches) {
                let branch =
                    add(tx, &mut count, Some(&community), OrgKind::Branch, None, &format!("{c}{ord}党支部")).await?;
                tree.member_orgs.push((branch, c.clone(), community.id));
            }
            let mut posts = Vec::new();
            for (name, kind, duties) in POSTS {
                let uuid = uuid::Uuid::new_v4().to_string();
                let id = post_store::insert(tx, &uuid, community.id, name, *kind, duties, post_capacity).await?;
                posts.push((id, post_capacity, 0));
            }
            tree.community_posts.insert(community.id, posts);
            tree.member_orgs.push((community.clone(), c.clone(), community.id));
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
        let unit = add(tx, &mut count, Some(&county), OrgKind::Unit, Some((kind, stationed)), name).await?;
        tree.units.push((unit.id, unit.name));
    }
    if scale == DemoScale::County {
        for (name, kind) in super::county::UNITS {
            let unit = add(tx, &mut count, Some(&county), OrgKind::Unit, Some((*kind, None)), name).await?;
            tree.units.push((unit.id, unit.name));
        }
    }
    tree.count = count;
    Ok(tree)
}
