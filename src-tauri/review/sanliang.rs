//! The 三亮 figures of a review beyond the members': posts and responsibility zones as they
//! stand, and the pledges of the period's years from promise to appraisal, at `as_of`.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use sqlx::SqliteConnection;

use super::model::{Appraisals, PledgeFigures, Share, ZoneFigures};
use crate::common::catalog::{Appraiser, LabeledCount, Rating};
use crate::error::Result;

/// Service posts of the communities in ?1 that are not deleted.
pub async fn posts(conn: &mut SqliteConnection, ids: &str) -> Result<i64> {
    Ok(sqlx::query_scalar!(
        r#"SELECT count(*) AS "n!: i64" FROM posts p
           WHERE p.deleted_at IS NULL AND p.community_id IN (SELECT value FROM json_each(?1))"#,
        ids
    )
    .fetch_one(conn)
    .await?)
}

/// Zones, their lanes, buildings and households, and the members answering for them.
pub async fn zones(conn: &mut SqliteConnection, ids: &str) -> Result<ZoneFigures> {
    let r = sqlx::query!(
        r#"SELECT (SELECT count(*) FROM zones z WHERE z.deleted_at IS NULL
                     AND z.community_id IN (SELECT value FROM json_each(?1))) AS "zones!: i64",
                  count(i.id) AS "items!: i64", count(i.member_id) AS "covered!: i64",
                  count(DISTINCT i.member_id) AS "members!: i64"
           FROM zones z JOIN zone_items i ON i.zone_id = z.id AND i.deleted_at IS NULL
           WHERE z.deleted_at IS NULL AND z.community_id IN (SELECT value FROM json_each(?1))"#,
        ids
    )
    .fetch_one(conn)
    .await?;
    Ok(ZoneFigures { zones: r.zones, covered_items: Share::new(r.covered, r.items), members: r.members })
}

/// One organization's pledges: made, completed and overdue at `as_of`.
#[derive(Debug, Clone, Copy, Default)]
pub struct OrgPledges {
    pub made: i64,
    pub by_members: i64,
    pub published: i64,
    pub completed: i64,
    pub not_completed: i64,
    pub overdue: i64,
}

/// Pledges of the years `first` to `as_of` touch, made by `as_of`, per organization (a member's
/// pledge counts where the member is registered), with where each stood at `as_of`.
pub async fn pledges_per_org(
    conn: &mut SqliteConnection,
    ids: &str,
    first: NaiveDate,
    as_of: NaiveDate,
) -> Result<HashMap<i64, OrgPledges>> {
    let (from_year, to_year) = (first.year(), as_of.year());
    // Members' pledges reached from the scope's members (an index seek each), organizations'
    // from the scope's organizations: a township's figures never read the county's pledges. The
    // roll's index and migration 19's pledge and item indexes hold every column read here.
    let rows = sqlx::query!(
        r#"SELECT x.org_id AS "org_id!: i64", count(*) AS "made!: i64",
                  coalesce(sum(x.by_member), 0) AS "by_members!: i64",
                  coalesce(sum(x.published_on <= ?2), 0) AS "published!: i64",
                  coalesce(sum(x.status = 'completed' AND x.closed_on <= ?2), 0) AS "completed!: i64",
                  coalesce(sum(x.status = 'not_completed' AND x.closed_on <= ?2), 0) AS "not_completed!: i64",
                  coalesce(sum(x.published_on <= ?2 AND (x.closed_on IS NULL OR x.closed_on > ?2)
                      AND EXISTS (SELECT 1 FROM pledge_items i WHERE i.pledge_id = x.id AND i.deadline < ?2
                                  AND (i.done_on IS NULL OR i.done_on > ?2))), 0) AS "overdue!: i64"
           FROM (SELECT m.org_id, 1 AS by_member, p.id, p.published_on, p.closed_on, p.status
                 FROM members m INDEXED BY members_roll CROSS JOIN pledges p
                 WHERE p.member_id = m.id AND m.deleted_at IS NULL AND m.org_id IN (SELECT value FROM json_each(?1))
                   AND p.member_id IS NOT NULL AND p.deleted_at IS NULL AND p.year BETWEEN ?3 AND ?4 AND p.pledged_on <= ?2
                 UNION ALL
                 SELECT p.org_id, 0, p.id, p.published_on, p.closed_on, p.status FROM pledges p
                 WHERE p.member_id IS NULL AND p.org_id IN (SELECT value FROM json_each(?1))
                   AND p.deleted_at IS NULL AND p.year BETWEEN ?3 AND ?4 AND p.pledged_on <= ?2) x
           GROUP BY x.org_id"#,
        ids,
        as_of,
        from_year,
        to_year
    )
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let figures = OrgPledges {
                made: r.made,
                by_members: r.by_members,
                published: r.published,
                completed: r.completed,
                not_completed: r.not_completed,
                overdue: r.overdue,
            };
            (r.org_id, figures)
        })
        .collect())
}

/// The same pledges' appraisals given by `as_of`, per party and rating.
pub async fn appraisals(
    conn: &mut SqliteConnection,
    ids: &str,
    first: NaiveDate,
    as_of: NaiveDate,
) -> Result<Vec<Appraisals>> {
    let (from_year, to_year) = (first.year(), as_of.year());
    let rows = sqlx::query!(
        r#"SELECT a.appraiser AS "appraiser: Appraiser", a.rating AS "rating: Rating", count(*) AS "n!: i64"
           FROM (SELECT p.id FROM members m INDEXED BY members_roll CROSS JOIN pledges p
                 WHERE p.member_id = m.id AND m.deleted_at IS NULL AND m.org_id IN (SELECT value FROM json_each(?1))
                   AND p.member_id IS NOT NULL AND p.deleted_at IS NULL AND p.year BETWEEN ?3 AND ?4 AND p.pledged_on <= ?2
                 UNION ALL
                 SELECT p.id FROM pledges p
                 WHERE p.member_id IS NULL AND p.org_id IN (SELECT value FROM json_each(?1))
                   AND p.deleted_at IS NULL AND p.year BETWEEN ?3 AND ?4 AND p.pledged_on <= ?2) x
           CROSS JOIN pledge_appraisals a
           WHERE a.pledge_id = x.id AND a.appraised_on <= ?2
           GROUP BY 1, 2"#,
        ids,
        as_of,
        from_year,
        to_year
    )
    .fetch_all(conn)
    .await?;
    let count = |who: Appraiser, rating: Rating| {
        rows.iter().filter(|r| r.appraiser == who && r.rating == rating).map(|r| r.n).sum::<i64>()
    };
    Ok(Appraiser::ALL
        .iter()
        .map(|who| {
            let ratings = Rating::counted(|rating| count(*who, rating));
            let total = ratings.iter().map(|r| r.count).sum();
            Appraisals {
                appraiser: LabeledCount { code: who.code().into(), label: who.label().into(), count: total },
                ratings,
            }
        })
        .collect())
}

/// The scope's pledges from the per-organization rows and the appraisals.
pub fn pledge_figures(orgs: &HashMap<i64, OrgPledges>, appraisals: Vec<Appraisals>) -> PledgeFigures {
    let t = orgs.values().fold(OrgPledges::default(), |t, o| OrgPledges {
        made: t.made + o.made,
        by_members: t.by_members + o.by_members,
        published: t.published + o.published,
        completed: t.completed + o.completed,
        not_completed: t.not_completed + o.not_completed,
        overdue: t.overdue + o.overdue,
    });
    PledgeFigures {
        made: t.made,
        by_members: t.by_members,
        by_organizations: t.made - t.by_members,
        published: t.published,
        completed: t.completed,
        not_completed: t.not_completed,
        overdue: t.overdue,
        in_progress: t.published - t.completed - t.not_completed - t.overdue,
        drafts: t.made - t.published,
        appraisals,
    }
}
