//! 四进 in the demo county, from the seed: 县民政局's 45万元 for 大街社区's elderly-care centre,
//! 团县委 at 下营社区 and the other pairings with agreements and support; contact leaders with
//! monthly visits and difficulties; deputies with quarterly visits, suggestions and reception
//! points; volunteer activities — with a few gaps left so the reminders have work to show.

use chrono::{Datelike, NaiveDate};
use rand::rngs::SmallRng;
use rand::Rng;
use sqlx::SqliteConnection;

use super::DemoScale;
use crate::common::catalog::{
    DeputyRole, DifficultyStatus, LeaderLevel, MemberStatus, ParticipantKind, SupportKind, VisitKind, SERVICE_TYPES,
    VOLUNTEER_ORGANIZERS,
};
use crate::error::Result;
use crate::roster::members::store as member_store;
use crate::roster::orgs::store as org_store;
use crate::sijin::deputies::store as deputy_store;
use crate::sijin::difficulties::store as difficulty_store;
use crate::sijin::help_pairs::store as help_store;
use crate::sijin::leaders::store as leader_store;
use crate::sijin::pairings::store;
use crate::sijin::pairings::ValidPairing;
use crate::sijin::volunteering::store as volunteer_store;
use crate::sijin::volunteering::{ValidActivity, ValidParticipant};

/// A support record: kind, description, amount in fen.
type Support = (SupportKind, &'static str, Option<i64>);

/// (unit, community prefix, its support).
const PAIRS: &[(&str, &str, &[Support])] = &[
    ("县民政局", "大街社区", &[(SupportKind::Funds, "协调资金帮扶建成居家养老活动中心", Some(45_000_000))]),
    (
        "共青团江川县委员会",
        "下营社区",
        &[
            (SupportKind::Activity, "敬老献爱心、爱心圆梦志愿服务", None),
            (SupportKind::Activity, "关心留守儿童、社区环境监护志愿服务", None),
        ],
    ),
    ("县委统战部", "上头营社区", &[(SupportKind::Funds, "非公经济人士“感恩行动”救助困难群众", Some(3_600_000))]),
    ("县人民医院", "河咀社区", &[(SupportKind::Activity, "义务诊疗、健康讲座", None)]),
    ("县司法局", "大庄社区", &[(SupportKind::Facilities, "配备社区调解室桌椅和档案柜", Some(1_250_050))]),
];

const COUNTY_LEADERS: &[(&str, &str)] = &[
    ("杨建华", "县委常委、组织部部长"),
    ("李文清", "副县长"),
    ("普建国", "县人大常委会副主任"),
    ("赵丽萍", "县政协副主席"),
    ("王志刚", "县委常委、宣传部部长"),
];
const TOWNSHIP_LEADERS: &[(&str, &str)] =
    &[("张卫东", "街道党工委书记"), ("马晓燕", "街道办事处主任"), ("李春华", "街道党工委副书记")];
const DIFFICULTIES: &[(&str, &str, &str)] = &[
    ("王大妈", "巷道路灯不亮，夜间出行不便", "社区主任"),
    ("李师傅", "小区雨水井堵塞", "物业服务站"),
    ("赵奶奶", "独居老人希望定期有人上门探望", "网格员"),
    ("居民代表", "活动室开放时间太短", "社区副书记"),
];

/// The seed's eight contact leaders shared among the communities: one of each level a community.
async fn seed_leaders(tx: &mut SqliteConnection, communities: &[(i64, String)]) -> Result<Vec<(i64, Vec<i64>)>> {
    let mut ids = Vec::new();
    for (name, title) in COUNTY_LEADERS {
        ids.push((leader_store::insert_leader(tx, name, LeaderLevel::County, title, "").await?, LeaderLevel::County));
    }
    for (name, title) in TOWNSHIP_LEADERS {
        ids.push((
            leader_store::insert_leader(tx, name, LeaderLevel::Township, title, "").await?,
            LeaderLevel::Township,
        ));
    }
    let county: Vec<i64> = ids.iter().filter(|(_, l)| *l == LeaderLevel::County).map(|(id, _)| *id).collect();
    let township: Vec<i64> = ids.iter().filter(|(_, l)| *l == LeaderLevel::Township).map(|(id, _)| *id).collect();
    Ok(communities
        .iter()
        .enumerate()
        .map(|(i, (community, _))| (*community, vec![county[i % county.len()], township[i % township.len()]]))
        .collect())
}

/// Contact leaders for each community, a visit most months, and difficulties in some visits —
/// most closed, a few still open (some older than 30 days), and a few months missed.
async fn leaders(
    tx: &mut SqliteConnection,
    rng: &mut SmallRng,
    scale: DemoScale,
    communities: &[(i64, String)],
    today: NaiveDate,
) -> Result<()> {
    let start = NaiveDate::from_ymd_opt(today.year(), 1, 1).unwrap_or(today);
    let contacts = match scale {
        DemoScale::Community => seed_leaders(tx, communities).await?,
        DemoScale::County => super::county::leaders(tx, rng, communities).await?,
    };
    for (community, leaders) in &contacts {
        for &leader in leaders {
            leader_store::insert_assignment(tx, leader, *community, start).await?;
            let mut month = start;
            while month <= today {
                let last = month.checked_add_months(chrono::Months::new(1)).and_then(|d| d.pred_opt()).unwrap_or(month);
                let until = last.min(today);
                // Most months have a visit; the current month often not yet.
                let current = month.year() == today.year() && month.month() == today.month();
                if rng.random_range(0..100) < if current { 45 } else { 92 } {
                    let span = (until - month).num_days().max(0) as u64;
                    let on = month + chrono::Days::new(rng.random_range(0..=span));
                    let kind = [VisitKind::Talk, VisitKind::Visit, VisitKind::Review][rng.random_range(0..3)];
                    if rng.random_bool(0.5) {
                        leader_store::insert_diary(
                            tx,
                            leader,
                            *community,
                            on,
                            "走访中与居民面对面交流，记录居民关心的环境、养老和就业问题",
                        )
                        .await?;
                    }
                    let visit = leader_store::insert_visit(
                        tx,
                        leader,
                        *community,
                        on,
                        kind,
                        "社区两委、居民代表",
                        "开展民情恳谈，听取居民意见",
                    )
                    .await?;
                    if rng.random_range(0..100) < 30 {
                        let (who, what, responsible) = DIFFICULTIES[rng.random_range(0..DIFFICULTIES.len())];
                        let id =
                            difficulty_store::insert(tx, *community, Some(visit), who, what, responsible, on).await?;
                        let age = (today - on).num_days();
                        // Older ones were followed to closure; recent ones are under way.
                        let steps = if age > 60 {
                            3
                        } else if age > 20 {
                            rng.random_range(0..=2)
                        } else {
                            0
                        };
                        let mut day = on;
                        for (k, status) in
                            [DifficultyStatus::InProgress, DifficultyStatus::Resolved, DifficultyStatus::Answered]
                                .iter()
                                .take(steps)
                                .enumerate()
                        {
                            day = (day + chrono::Days::new(3 + k as u64 * 4)).min(today);
                            difficulty_store::advance(tx, id, *status, day, "已办理并向居民反馈").await?;
                        }
                    }
                }
                month = last.succ_opt().unwrap_or(today);
                if month <= last {
                    break;
                }
            }
        }
    }
    Ok(())
}

const DEPUTIES: &[(&str, &[DeputyRole], &str)] = &[
    ("普丽华", &[DeputyRole::Party, DeputyRole::Npc], "县第一中学"),
    ("刘建明", &[DeputyRole::Npc], "江川县自来水有限公司"),
    ("孔德仁", &[DeputyRole::Cppcc], "县个体劳动者协会"),
    ("杨秀英", &[DeputyRole::Party], "大街街道办事处"),
    ("马光荣", &[DeputyRole::Npc, DeputyRole::Cppcc], "县人民医院"),
    ("李红霞", &[DeputyRole::Cppcc], "县妇女联合会"),
    ("周永福", &[DeputyRole::Party], "宁海街道办事处"),
];
const SUGGESTIONS: &[&str] = &["增设老年活动室开放时间", "小区停车位不足", "希望多开展政策宣讲", "垃圾清运时间需调整"];

/// Deputies paired with communities, a reception point in each community, a visit most
/// quarters (the current one not yet everywhere), and suggestions, most answered.
async fn deputies(
    tx: &mut SqliteConnection,
    rng: &mut SmallRng,
    scale: DemoScale,
    communities: &[(i64, String)],
    today: NaiveDate,
) -> Result<()> {
    let start = NaiveDate::from_ymd_opt(today.year(), 1, 1).unwrap_or(today);
    let paired = match scale {
        DemoScale::Community => {
            let mut ids = Vec::new();
            for (name, roles, unit) in DEPUTIES {
                ids.push(deputy_store::insert(tx, name, roles, unit, "").await?);
            }
            communities
                .iter()
                .enumerate()
                .map(|(i, (community, _))| (*community, vec![ids[i % ids.len()], ids[(i + 3) % ids.len()]]))
                .collect()
        }
        DemoScale::County => super::county::deputies(tx, rng, communities).await?,
    };
    for ((community, name), (_, deputies)) in communities.iter().zip(&paired) {
        // Two of its deputies on duty at the community's reception point.
        let on_duty: Vec<i64> = deputies.iter().take(2).copied().collect();
        let place = format!("{}代表委员接待点", name.trim_end_matches("党总支"));
        deputy_store::insert_reception(tx, *community, &place, "每月5日、20日上午9:00—11:30", &on_duty).await?;
        for &deputy in deputies {
            deputy_store::insert_pair(tx, deputy, *community, start).await?;
            let mut quarter = start;
            while quarter <= today {
                let (first, last) = crate::common::period::Period::quarter_of(quarter).bounds();
                let current = last >= today;
                if rng.random_range(0..100) < if current { 50 } else { 95 } {
                    let span = (last.min(today) - first).num_days().max(0) as u64;
                    let on = first + chrono::Days::new(rng.random_range(0..=span));
                    let visit =
                        deputy_store::insert_visit(tx, deputy, *community, on, "听取群众意见建议，宣讲政策").await?;
                    if rng.random_range(0..100) < 40 {
                        let content = SUGGESTIONS[rng.random_range(0..SUGGESTIONS.len())];
                        deputy_store::insert_suggestion(tx, visit, *community, "居民代表", content, on).await?;
                        if (today - on).num_days() > 25 && rng.random_bool(0.7) {
                            let id = sqlx::query_scalar!(r#"SELECT max(id) AS "id!: i64" FROM suggestions"#)
                                .fetch_one(&mut *tx)
                                .await?;
                            let replied = (on + chrono::Days::new(10)).min(today);
                            deputy_store::set_reply(tx, id, replied, "已转交相关部门办理并答复").await?;
                        }
                    }
                }
                quarter = last.succ_opt().unwrap_or(today);
                if quarter <= last {
                    break;
                }
            }
        }
    }
    Ok(())
}

const HELPED: &[&str] = &["独居老人 李大爷", "低保户 王家", "残疾人 赵师傅家", "留守儿童 小杨家"];

/// Two 党员领导干部帮扶对子 per community, each with a few records.
async fn help_pairs(
    tx: &mut SqliteConnection,
    rng: &mut SmallRng,
    communities: &[(i64, String)],
    today: NaiveDate,
) -> Result<()> {
    let start = NaiveDate::from_ymd_opt(today.year(), 2, 1).unwrap_or(today).min(today);
    for (i, (community, _)) in communities.iter().enumerate() {
        for k in 0..2 {
            let (cadre, title) = COUNTY_LEADERS[(i + k) % COUNTY_LEADERS.len()];
            let helped = HELPED[(i * 2 + k) % HELPED.len()];
            let id = help_store::insert(tx, *community, cadre, title, helped, start).await?;
            let span = (today - start).num_days().max(0) as u64;
            for _ in 0..rng.random_range(1..4) {
                let on = start + chrono::Days::new(rng.random_range(0..=span));
                help_store::insert_record(tx, id, on, "上门走访，送去米油，了解生活困难").await?;
            }
        }
    }
    Ok(())
}

const LEAGUE: &[&str] = &["李晓雯", "赵子豪", "杨佳怡", "王浩然", "普思雨"];

/// Volunteer activities in each community about every five weeks, by the seed's organizing
/// units and service types, with members of the community and league members taking part.
async fn volunteering(
    tx: &mut SqliteConnection,
    rng: &mut SmallRng,
    communities: &[(i64, String)],
    today: NaiveDate,
) -> Result<()> {
    for (community, _) in communities {
        let org = org_store::get(tx, *community).await?;
        let filter = member_store::Filter {
            under: Some(org.id),
            text: None,
            category: None,
            status: Some(MemberStatus::Active.code()),
        };
        let members = member_store::matching_ids(tx, &filter).await?;
        let mut day = NaiveDate::from_ymd_opt(today.year(), 1, 15).unwrap_or(today);
        while day <= today && !members.is_empty() {
            let organizer = VOLUNTEER_ORGANIZERS[rng.random_range(0..VOLUNTEER_ORGANIZERS.len())];
            let service = SERVICE_TYPES[rng.random_range(0..SERVICE_TYPES.len())];
            let activity = ValidActivity {
                community_id: *community,
                held_on: day,
                organizer: organizer.to_owned(),
                service_type: service.to_owned(),
                place: format!("{}广场", org.name.trim_end_matches("党总支")),
                people_served: rng.random_range(10..60),
                participants: Vec::new(),
            };
            let id = volunteer_store::insert(tx, &activity).await?;
            let start = rng.random_range(0..members.len());
            for k in 0..rng.random_range(2..5).min(members.len()) {
                let member_id = members[(start + k * 7) % members.len()];
                let name = member_store::get(tx, member_id).await?.name;
                let p = ValidParticipant {
                    member_id: Some(member_id),
                    name,
                    kind: ParticipantKind::Member,
                    hours_tenths: rng.random_range(2..9) * 5,
                };
                volunteer_store::insert_participant(tx, id, &p).await?;
            }
            if organizer == "共青团" {
                let name = LEAGUE[rng.random_range(0..LEAGUE.len())].to_owned();
                let p = ValidParticipant { member_id: None, name, kind: ParticipantKind::League, hours_tenths: 30 };
                volunteer_store::insert_participant(tx, id, &p).await?;
            }
            day = day + chrono::Days::new(rng.random_range(28..45));
        }
    }
    Ok(())
}

const COUNTY_SUPPORT: &[Support] = &[
    (SupportKind::Activity, "组织党员志愿者开展环境整治和政策宣讲", None),
    (SupportKind::Facilities, "为社区服务站添置办公桌椅和便民服务设备", Some(860_000)),
    (SupportKind::Funds, "帮扶资金用于困难群众慰问和活动场所维修", Some(2_000_000)),
    (SupportKind::Activity, "开展送医、送法、送文化进社区活动", None),
];

/// At county scale every community the seed's pairs leave out gets a county organ of its own
/// (each organ pairing with about three communities), with an agreement and support given.
async fn county_pairings(
    tx: &mut SqliteConnection,
    rng: &mut SmallRng,
    units: &[(i64, String)],
    communities: &[(i64, String)],
    start: NaiveDate,
    today: NaiveDate,
) -> Result<()> {
    let seeded: Vec<&str> = PAIRS.iter().map(|(_, c, _)| *c).collect();
    let organs: Vec<i64> =
        units.iter().filter(|(_, n)| super::county::UNITS.iter().any(|(u, _)| u == n)).map(|(id, _)| *id).collect();
    let unpaired = communities.iter().filter(|(_, n)| !seeded.iter().any(|c| n.starts_with(c)));
    for (k, (community, _)) in unpaired.enumerate() {
        let Some(unit_id) = organs.get(k % organs.len().max(1)) else { break };
        let pairing = ValidPairing {
            unit_id: *unit_id,
            community_id: *community,
            start_on: start,
            signed_on: Some(start),
            agreement_until: NaiveDate::from_ymd_opt(today.year() + 2, 12, 31),
            agreement: "帮助社区建设活动场所、完善服务设施、开展服务活动".into(),
        };
        let id = store::insert(tx, &pairing).await?;
        let days = (today - start).num_days().max(0) as u64;
        for _ in 0..rng.random_range(1..=2) {
            let (kind, description, fen) = COUNTY_SUPPORT[rng.random_range(0..COUNTY_SUPPORT.len())];
            let on = start + chrono::Days::new(rng.random_range(0..=days));
            store::insert_support(tx, id, kind, on, description, fen).await?;
        }
    }
    Ok(())
}

pub(crate) async fn load(
    tx: &mut SqliteConnection,
    rng: &mut SmallRng,
    scale: DemoScale,
    units: &[(i64, String)],
    communities: &[(i64, String)],
    today: NaiveDate,
) -> Result<()> {
    let year = today.year();
    let start = NaiveDate::from_ymd_opt(year, 1, 10).unwrap_or(today).min(today);
    for (unit, community, supports) in PAIRS {
        let Some((unit_id, _)) = units.iter().find(|(_, n)| n == unit) else { continue };
        let Some((community_id, _)) = communities.iter().find(|(_, n)| n.starts_with(community)) else { continue };
        let pairing = ValidPairing {
            unit_id: *unit_id,
            community_id: *community_id,
            start_on: start,
            signed_on: Some(start),
            // One agreement ends soon, so the reminder has something to show.
            agreement_until: NaiveDate::from_ymd_opt(if *community == "大庄社区" { year } else { year + 2 }, 12, 31),
            agreement: "帮助社区建设活动场所、完善服务设施、开展服务活动".into(),
        };
        let id = store::insert(tx, &pairing).await?;
        for (kind, description, fen) in *supports {
            let days = (today - start).num_days().max(0);
            let on = start + chrono::Days::new(rng.random_range(0..=days) as u64);
            store::insert_support(tx, id, *kind, on, description, *fen).await?;
        }
    }
    if scale == DemoScale::County {
        county_pairings(tx, rng, units, communities, start, today).await?;
    }
    help_pairs(tx, rng, communities, today).await?;
    leaders(tx, rng, scale, communities, today).await?;
    deputies(tx, rng, scale, communities, today).await?;
    volunteering(tx, rng, communities, today).await
}

#[cfg(test)]
mod tests {
    use rand::SeedableRng;

    use super::*;
    use crate::common::catalog::{OrgKind, UnitKind};

    async fn scalar(tx: &mut SqliteConnection, sql: &str) -> Vec<i64> {
        sqlx::query_scalar::<_, i64>(sql).fetch_all(tx).await.unwrap()
    }

    /// At county scale, every community gets the seed's proportions: one unit pairing, two help
    /// pairs, a county-level and a township-level contact leader of its own, six deputy pairs
    /// and a reception point — with visits, difficulties and suggestions over the year.
    #[tokio::test]
    async fn the_county_demo_gives_every_community_the_seeds_four_entries() {
        let pool = crate::db::open_in_memory().await.unwrap();
        let mut tx = pool.begin().await.unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        let county_id = org_store::insert(&mut tx, None, OrgKind::County, None, None, "中共江川县委").await.unwrap();
        let county = org_store::get(&mut tx, county_id).await.unwrap();
        let mut communities = Vec::new();
        for (town, names) in [
            ("大街街道党工委", ["大街社区", "海河社区", "东营社区"]),
            ("路居镇党委", ["南村社区", "北村社区", "西村社区"]),
        ] {
            let t = org_store::insert(&mut tx, Some(&county), OrgKind::Township, None, None, town).await.unwrap();
            let township = org_store::get(&mut tx, t).await.unwrap();
            for name in names {
                let name = format!("{name}党总支");
                let id =
                    org_store::insert(&mut tx, Some(&township), OrgKind::Community, None, None, &name).await.unwrap();
                communities.push((id, name));
            }
        }
        let mut units = Vec::new();
        for (name, kind) in [("县民政局", UnitKind::Organ)].iter().chain(super::super::county::UNITS) {
            let id = org_store::insert(&mut tx, Some(&county), OrgKind::Unit, Some(*kind), None, name).await.unwrap();
            units.push((id, (*name).to_owned()));
        }
        let mut rng = SmallRng::seed_from_u64(7);
        load(&mut tx, &mut rng, DemoScale::County, &units, &communities, today).await.unwrap();

        let per_community = |table: &str| {
            format!("SELECT count(t.community_id) FROM organizations o LEFT JOIN {table} t ON t.community_id = o.id WHERE o.kind = 'community' GROUP BY o.id")
        };
        assert_eq!(scalar(&mut tx, &per_community("pairings")).await, [1; 6], "one unit pairing each");
        assert_eq!(scalar(&mut tx, &per_community("help_pairs")).await, [2; 6], "two help pairs each");
        assert_eq!(scalar(&mut tx, &per_community("deputy_communities")).await, [6; 6], "six deputy pairs each");
        assert_eq!(scalar(&mut tx, &per_community("reception_points")).await, [1; 6]);
        let levels = "SELECT count(DISTINCT lc.leader_id) FROM leader_communities lc JOIN contact_leaders l ON l.id = lc.leader_id
                      WHERE l.level = ?1 GROUP BY lc.community_id";
        for level in ["county", "township"] {
            let counts: Vec<i64> = sqlx::query_scalar(levels).bind(level).fetch_all(&mut *tx).await.unwrap();
            assert_eq!(counts, [1; 6], "one {level}-level leader each");
        }
        // Each leader contacts one community, each deputy two (their own and the next one).
        assert_eq!(scalar(&mut tx, "SELECT count(*) FROM contact_leaders").await, [12]);
        assert_eq!(scalar(&mut tx, "SELECT count(*) FROM deputies").await, [18]);
        assert_eq!(
            scalar(&mut tx, "SELECT count(*) FROM deputy_communities GROUP BY deputy_id HAVING count(*) <> 2").await,
            Vec::<i64>::new()
        );
        let titles: Vec<String> =
            sqlx::query_scalar("SELECT title FROM contact_leaders WHERE level = 'township' ORDER BY id")
                .fetch_all(&mut *tx)
                .await
                .unwrap();
        assert!(titles[0].starts_with("街道") && titles[3].starts_with("路居镇"), "{titles:?}");
        // Over the year: most months visited, some difficulties and suggestions.
        let visits = scalar(&mut tx, "SELECT count(*) FROM leader_visits").await[0];
        assert!(visits > 12 * 8 && visits <= 12 * 11, "{visits} visits of 12 pairs over 11 months");
        assert!(scalar(&mut tx, "SELECT count(*) FROM difficulties").await[0] > 0);
        assert!(scalar(&mut tx, "SELECT count(*) FROM deputy_visits").await[0] > 36 * 2);
        assert!(scalar(&mut tx, "SELECT count(*) FROM suggestions").await[0] > 0);
        assert!(scalar(&mut tx, "SELECT count(*) FROM support_records").await[0] >= 6);
    }
}
