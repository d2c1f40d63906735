//! 四进 in the demo county, from the seed: 县民政局's 45万元 for 大街社区's elderly-care centre,
//! 团县委 at 下营社区, the other units paired with the remaining communities, each pairing with
//! its agreement and a few support records.

use chrono::{Datelike, NaiveDate};
use rand::rngs::SmallRng;
use rand::Rng;
use sqlx::SqliteConnection;

use crate::db::pairings as store;
use crate::domain::catalog::SupportKind;
use crate::domain::pairings::ValidPairing;
use crate::error::Result;

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

pub(crate) async fn load(
    tx: &mut SqliteConnection,
    rng: &mut SmallRng,
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
    Ok(())
}
