//! The county-scale demo's 四进 people in the seed's proportions (19 unit pairings, 19 county-level
//! and 19 township-level contact leaders, 57 deputies in 114 pairs for 19 communities): a unit
//! pairing for every community, its own county-level and township-level contact leader, and six
//! deputy pairs — three deputies of its own and three of its neighbour's.

use rand::rngs::SmallRng;
use rand::Rng;
use sqlx::SqliteConnection;

use super::members::person_name;
use crate::common::catalog::{DeputyRole, LeaderLevel, UnitKind};
use crate::error::Result;
use crate::roster::orgs::store as org_store;
use crate::sijin::deputies::store as deputy_store;
use crate::sijin::leaders::store as leader_store;

/// County organs that pair with communities at county scale, besides the seed's units.
pub const UNITS: &[(&str, UnitKind)] = &[
    ("县发展和改革局", UnitKind::Organ),
    ("县财政局", UnitKind::Organ),
    ("县教育体育局", UnitKind::Organ),
    ("县公安局", UnitKind::Organ),
    ("县人力资源和社会保障局", UnitKind::Organ),
    ("县自然资源局", UnitKind::Organ),
    ("县住房和城乡建设局", UnitKind::Organ),
    ("县交通运输局", UnitKind::Organ),
    ("县农业农村局", UnitKind::Organ),
    ("县水务局", UnitKind::Organ),
    ("县卫生健康局", UnitKind::Organ),
    ("县市场监督管理局", UnitKind::Organ),
    ("县应急管理局", UnitKind::Organ),
    ("县文化和旅游局", UnitKind::Organ),
    ("县审计局", UnitKind::Organ),
    ("县统计局", UnitKind::Organ),
    ("县医疗保障局", UnitKind::Organ),
    ("县退役军人事务局", UnitKind::Organ),
    ("县委办公室", UnitKind::Organ),
    ("县人民政府办公室", UnitKind::Organ),
    ("县委宣传部", UnitKind::Organ),
    ("县委政法委员会", UnitKind::Organ),
    ("县委党校", UnitKind::Organ),
    ("县融媒体中心", UnitKind::Organ),
    ("县人民法院", UnitKind::Organ),
    ("县人民检察院", UnitKind::Organ),
    ("县残疾人联合会", UnitKind::Organ),
    ("县红十字会", UnitKind::Organ),
    ("县中医医院", UnitKind::Organ),
    ("县供电局", UnitKind::Enterprise),
    ("县农村信用合作联社", UnitKind::Enterprise),
    ("县工商业联合会", UnitKind::Social),
];

const COUNTY_TITLES: &[&str] = &[
    "县委常委",
    "副县长",
    "县人大常委会副主任",
    "县政协副主席",
    "县委常委、组织部部长",
    "县委常委、宣传部部长",
    "县委常委、政法委书记",
    "县人民法院院长",
    "县人民检察院检察长",
];

/// The titles of a township's cadres: a street's (党工委) or a town's (党委).
fn township_title(township: &str, i: usize) -> String {
    let street = township.contains("街道");
    let titles: [&str; 5] = if street {
        ["街道党工委书记", "街道党工委副书记", "街道办事处主任", "街道办事处副主任", "街道党工委委员"]
    } else {
        ["党委书记", "党委副书记", "镇长", "副镇长", "党委委员"]
    };
    let place = township.trim_end_matches("党工委").trim_end_matches("党委");
    if street {
        titles[i % titles.len()].to_owned()
    } else {
        format!("{place}{}", titles[i % titles.len()])
    }
}

/// One county-level and one township-level contact leader of each community's own.
pub async fn leaders(
    tx: &mut SqliteConnection,
    rng: &mut SmallRng,
    communities: &[(i64, String)],
) -> Result<Vec<(i64, Vec<i64>)>> {
    let mut out = Vec::new();
    for (i, (community, _)) in communities.iter().enumerate() {
        let org = org_store::get(tx, *community).await?;
        let township = match org.parent_id {
            Some(id) => org_store::get(tx, id).await?.name,
            None => String::new(),
        };
        let county_title = COUNTY_TITLES[i % COUNTY_TITLES.len()];
        let county = leader_store::insert_leader(tx, &person_name(rng), LeaderLevel::County, county_title, "").await?;
        let title = township_title(&township, i);
        let local = leader_store::insert_leader(tx, &person_name(rng), LeaderLevel::Township, &title, "").await?;
        out.push((*community, vec![county, local]));
    }
    Ok(out)
}

const WORK_UNITS: &[&str] =
    &["县第一中学", "县人民医院", "县个体劳动者协会", "县妇女联合会", "县供销合作社", "县农业技术推广站", "县实验小学"];

/// Three deputies of each community's own (a 党代表, a 人大代表 and a 政协委员, some holding two
/// roles), each paired with that community and the next: six pairs a community.
pub async fn deputies(
    tx: &mut SqliteConnection,
    rng: &mut SmallRng,
    communities: &[(i64, String)],
) -> Result<Vec<(i64, Vec<i64>)>> {
    let mut own: Vec<Vec<i64>> = Vec::new();
    for _ in communities {
        let mut ids = Vec::new();
        for role in [DeputyRole::Party, DeputyRole::Npc, DeputyRole::Cppcc] {
            let roles: Vec<DeputyRole> = if role == DeputyRole::Party && rng.random_range(0..100) < 25 {
                vec![DeputyRole::Party, DeputyRole::Npc]
            } else {
                vec![role]
            };
            let unit = WORK_UNITS[rng.random_range(0..WORK_UNITS.len())];
            ids.push(deputy_store::insert(tx, &person_name(rng), &roles, unit, "").await?);
        }
        own.push(ids);
    }
    let n = communities.len();
    Ok(communities
        .iter()
        .enumerate()
        .map(|(i, (community, _))| {
            let neighbour: &[i64] = if n > 1 { &own[(i + n - 1) % n] } else { &[] };
            (*community, own[i].iter().chain(neighbour).copied().collect())
        })
        .collect())
}
