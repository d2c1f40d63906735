//! 服务安排 in the demo: every community's plan for last month and this one — its deputies'
//! weekly duty at the reception point, its paired unit's activity, its contact leaders' visits
//! and a volunteer team's Saturday — most past dates tied to the record of what happened, a
//! few left missed, and one clash (a team booked at the first community's point during the
//! deputies' duty), so the page and the printed sheet show something real on first look.

use chrono::{Datelike, NaiveDate};
use rand::rngs::SmallRng;
use rand::Rng;
use sqlx::SqliteConnection;

use crate::common::catalog::{PlanWho, RecordKind, Shift, SupportKind, SERVICE_TYPES};
use crate::common::period::Period;
use crate::error::Result;
use crate::sijin::deputies::store as deputy_store;
use crate::sijin::pairings::store as pairing_store;
use crate::sijin::schedule::repeat::Repeat;
use crate::sijin::schedule::{previous, store, ValidPlan};

/// What a community's plan can name: its reception point and the deputies on duty there, its
/// paired unit (pairing, unit) and its contact leaders.
struct Community {
    id: i64,
    point: Option<(i64, Vec<i64>)>,
    pairing: Option<(i64, i64)>,
    leaders: Vec<i64>,
}

async fn communities(tx: &mut SqliteConnection, ids: &[(i64, String)]) -> Result<Vec<Community>> {
    let mut out = Vec::with_capacity(ids.len());
    for (id, _) in ids {
        let point =
            sqlx::query!(r#"SELECT id AS "id!", on_duty FROM reception_points WHERE community_id = ?1 LIMIT 1"#, id)
                .fetch_optional(&mut *tx)
                .await?
                .map(|p| (p.id, p.on_duty.split(',').filter_map(|d| d.trim().parse().ok()).collect()));
        let pairing = sqlx::query!(
            r#"SELECT id AS "id!", unit_id FROM pairings WHERE community_id = ?1 ORDER BY id LIMIT 1"#,
            id
        )
        .fetch_optional(&mut *tx)
        .await?
        .map(|p| (p.id, p.unit_id));
        let leaders = sqlx::query_scalar!(
            r#"SELECT lc.leader_id AS "id!" FROM leader_communities lc JOIN contact_leaders l ON l.id = lc.leader_id
               WHERE lc.community_id = ?1 AND lc.end_on IS NULL ORDER BY l.level, lc.id"#,
            id
        )
        .fetch_all(&mut *tx)
        .await?;
        out.push(Community { id: *id, point, pairing, leaders });
    }
    Ok(out)
}

fn entry(community: i64, on_date: NaiveDate, shift: Shift, who: PlanWho, service: &str) -> ValidPlan {
    ValidPlan {
        community_id: community,
        on_date,
        shift,
        starts_at: None,
        ends_at: None,
        reception_point_id: None,
        place: "社区党群服务站".into(),
        who_kind: who,
        unit_id: None,
        leader_id: None,
        deputy_id: None,
        who_name: String::new(),
        service: service.into(),
        series: None,
        repeat_rule: None,
        moved_from: None,
    }
}

pub(crate) async fn load(
    tx: &mut SqliteConnection,
    rng: &mut SmallRng,
    communities_named: &[(i64, String)],
    today: NaiveDate,
) -> Result<()> {
    let this = Period::month_of(today);
    let months = [previous(this), this];
    for (n, c) in communities(tx, communities_named).await?.iter().enumerate() {
        let series = uuid::Uuid::new_v4().to_string();
        let duty = Repeat::Weekly(chrono::Weekday::Tue);
        for month in months {
            let first = month.first();
            // The deputies' duty at the point, every Tuesday morning, taken in turns.
            if let Some((point, on_duty)) = &c.point {
                for (k, on) in duty.dates(month, first).into_iter().enumerate() {
                    let Some(&deputy) = on_duty.get(k % on_duty.len().max(1)) else { continue };
                    let mut e = entry(c.id, on, Shift::Morning, PlanWho::Deputy, "政策解答");
                    (e.reception_point_id, e.place, e.deputy_id) = (Some(*point), String::new(), Some(deputy));
                    (e.series, e.repeat_rule) = (Some(series.clone()), Some(duty.code()));
                    let id = store::insert(tx, &e).await?;
                    // Past duties mostly kept — recorded only for a deputy who has visited the
                    // community that quarter, so the quarter's missing visits stay as they were.
                    let (q_first, q_last) = Period::quarter_of(on).bounds();
                    let visited = sqlx::query_scalar!(
                        r#"SELECT EXISTS (SELECT 1 FROM deputy_visits WHERE deputy_id = ?1 AND community_id = ?2
                             AND deleted_at IS NULL AND visited_on BETWEEN ?3 AND ?4) AS "x!: bool""#,
                        deputy,
                        c.id,
                        q_first,
                        q_last
                    )
                    .fetch_one(&mut *tx)
                    .await?;
                    if on < today && visited && rng.random_range(0..100) < 80 {
                        let visit =
                            deputy_store::insert_visit(tx, deputy, c.id, on, "接待点值班，听取群众意见").await?;
                        store::tie(tx, id, RecordKind::DeputyVisit, visit).await?;
                    }
                }
            }
            // The paired unit's activity on the 10th, in the afternoon.
            if let Some((pairing, unit)) = c.pairing {
                let on = first.with_day(10).unwrap_or(first);
                let service = SERVICE_TYPES[(n + month.first().month() as usize) % SERVICE_TYPES.len()];
                let mut e = entry(c.id, on, Shift::Afternoon, PlanWho::Unit, service);
                e.unit_id = Some(unit);
                let id = store::insert(tx, &e).await?;
                if on < today && rng.random_range(0..100) < 70 {
                    let what = format!("{service}进社区");
                    let support =
                        pairing_store::insert_support(tx, pairing, SupportKind::Activity, on, &what, None).await?;
                    store::tie(tx, id, RecordKind::SupportRecord, support).await?;
                }
            }
            // Each contact leader's monthly talk with residents: on the day of the visit the demo
            // recorded that month (tied to it), else the 15th, the 20th … (missed once past).
            for (k, &leader) in c.leaders.iter().enumerate() {
                let last = month.last();
                let visit = sqlx::query!(
                    r#"SELECT id AS "id!", visited_on AS "on!: NaiveDate" FROM leader_visits
                       WHERE leader_id = ?1 AND community_id = ?2 AND deleted_at IS NULL AND visited_on BETWEEN ?3 AND ?4
                       ORDER BY visited_on, id LIMIT 1"#,
                    leader,
                    c.id,
                    first,
                    last
                )
                .fetch_optional(&mut *tx)
                .await?;
                let on =
                    visit.as_ref().map_or_else(|| first.with_day(15 + 5 * k as u32 % 15).unwrap_or(first), |v| v.on);
                let mut e = entry(c.id, on, Shift::Morning, PlanWho::Leader, "民情恳谈");
                e.leader_id = Some(leader);
                let id = store::insert(tx, &e).await?;
                if let Some(v) = visit {
                    store::tie(tx, id, RecordKind::LeaderVisit, v.id).await?;
                }
            }
            // A volunteer team on the first Saturday; at the first community, at the point during
            // the deputies' duty on the first Tuesday instead — the demo's one clash.
            let mut e = entry(c.id, first, Shift::Morning, PlanWho::Team, "义务诊疗");
            e.who_name = "县医院志愿服务队".into();
            match (&c.point, n, month == this) {
                (Some((point, _)), 0, true) => {
                    e.on_date = duty.dates(month, first).first().copied().unwrap_or(first);
                    (e.reception_point_id, e.place) = (Some(*point), String::new());
                }
                _ => {
                    e.on_date =
                        Repeat::Nth(1, chrono::Weekday::Sat).dates(month, first).first().copied().unwrap_or(first)
                }
            }
            store::insert(tx, &e).await?;
        }
    }
    Ok(())
}
