//! The review's queries in two halves, counted side by side on two connections (the members'
//! figures and the work recorded and planned), both reading one moment of the data.

use std::collections::HashMap;

use chrono::NaiveDate;
use sqlx::{SqliteConnection, SqlitePool};

use super::model::{
    Appraisals, DeputyFigures, DifficultyFigures, LeaderFigures, MemberFigures, PairingFigures, ScheduleFigures, Share,
    VolunteerFigures, ZoneFigures,
};
use super::pairings::CommunityPairings;
use super::scope::Scope;
use super::{deputies, leaders, members, pairings, responsibility, sanliang, schedule, volunteering};
use crate::common::catalog::LabeledCount;
use crate::error::Result;

/// The members' side: the roll, identity, posts, zones and the responsibility chain.
pub struct MemberSide {
    pub per_org: HashMap<i64, members::OrgMembers>,
    pub figures: MemberFigures,
    pub by_mark: Vec<LabeledCount>,
    pub posts: i64,
    pub zones: ZoneFigures,
    pub chain: [Option<String>; 3],
}

/// The work side: pledges and their appraisals, and everything of the 四进.
pub struct WorkSide {
    pub pledges: HashMap<i64, sanliang::OrgPledges>,
    pub appraisals: Vec<Appraisals>,
    pub pairings: (PairingFigures, HashMap<i64, CommunityPairings>),
    pub leaders: (LeaderFigures, Vec<String>, HashMap<i64, Share>),
    pub difficulties: (DifficultyFigures, HashMap<i64, (i64, i64)>),
    pub deputies: (DeputyFigures, HashMap<i64, Share>),
    pub volunteering: (VolunteerFigures, HashMap<i64, i64>),
    pub schedule: ScheduleFigures,
}

/// Counts both sides for the subtree of `org_id` between `first` and `as_of` (the period ends
/// on `last`; dates planned are counted to its end). The first
/// transaction takes the write lock before the second begins, so nothing can be written in
/// between and both see the same data; a writer waits the few tens of milliseconds (busy
/// timeout). With a pool of one connection (the in-memory test database) the sides run in turn.
pub async fn count(
    pool: &SqlitePool,
    org_id: Option<i64>,
    (first, last): (NaiveDate, NaiveDate),
    as_of: NaiveDate,
    today: NaiveDate,
) -> Result<(Scope, MemberSide, WorkSide)> {
    let mut lead = crate::db::write(pool).await?;
    let scope = Scope::of(&mut lead, org_id).await?;
    let (member_side, work_side) = if pool.options().get_max_connections() > 1 {
        let mut side = pool.begin().await?;
        let sides = tokio::try_join!(
            member_side(&mut lead, &scope, first, as_of),
            work_side(&mut side, &scope.ids, (first, last), as_of, today)
        )?;
        side.commit().await?;
        sides
    } else {
        let members = member_side(&mut lead, &scope, first, as_of).await?;
        (members, work_side(&mut lead, &scope.ids, (first, last), as_of, today).await?)
    };
    lead.commit().await?;
    Ok((scope, member_side, work_side))
}

async fn member_side(
    conn: &mut SqliteConnection,
    scope: &Scope,
    first: NaiveDate,
    as_of: NaiveDate,
) -> Result<MemberSide> {
    let ids = scope.ids.as_str();
    Ok(MemberSide {
        per_org: members::per_org(conn, ids, first, as_of).await?,
        figures: members::members(conn, ids, first, as_of).await?,
        by_mark: members::marks(conn, ids, as_of).await?,
        posts: sanliang::posts(conn, ids).await?,
        zones: sanliang::zones(conn, ids).await?,
        chain: responsibility::chain(conn, scope).await?,
    })
}

async fn work_side(
    conn: &mut SqliteConnection,
    ids: &str,
    (first, last): (NaiveDate, NaiveDate),
    as_of: NaiveDate,
    today: NaiveDate,
) -> Result<WorkSide> {
    Ok(WorkSide {
        pledges: sanliang::pledges_per_org(conn, ids, first, as_of).await?,
        appraisals: sanliang::appraisals(conn, ids, first, as_of).await?,
        pairings: pairings::pairings(conn, ids, first, as_of).await?,
        leaders: leaders::leaders(conn, ids, first, as_of).await?,
        difficulties: leaders::difficulties(conn, ids, first, as_of).await?,
        deputies: deputies::deputies(conn, ids, first, as_of).await?,
        volunteering: volunteering::volunteering(conn, ids, first, as_of).await?,
        schedule: schedule::schedule(conn, ids, (first, last), as_of, today).await?,
    })
}
