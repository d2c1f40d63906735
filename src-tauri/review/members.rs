//! The member figures of a review: members on the roll by category, sex, 民族 and age, who
//! joined and left, who has shown identity (亮身份) and who holds a post (认岗定责 / 设岗定责).
//! Counted per organization so the 一览表 and the totals come from the same rows.

use std::collections::HashMap;

use chrono::NaiveDate;
use sqlx::SqliteConnection;

use super::model::{IdentityFigures, MemberFigures, PostFigures, Share};
use crate::common::catalog::{AgeBand, Category, Gender, LabeledCount, MarkType};
use crate::error::Result;

/// Members on the roll at `as_of` (?2) in the organizations of ?1 (a JSON array): not deleted,
/// joined by then, and either still 在册 or left after it; further arguments are ?3 on.
macro_rules! on_roll {
    ($conn:expr, $query:literal, $($arg:expr),+) => {
        sqlx::query!(
            r#"WITH roll AS (
                 SELECT m.id, m.org_id, m.category, m.gender, m.ethnicity, m.birth_date FROM members m
                 WHERE m.deleted_at IS NULL AND m.org_id IN (SELECT value FROM json_each(?1))
                   AND m.joined_on <= ?2 AND (m.status = 'active' OR m.status_date > ?2))
               "# + $query,
            $($arg),+
        )
        .fetch_all(&mut *$conn)
        .await?
    };
}

/// One organization's members on the roll, and of them who has shown identity and holds a post.
#[derive(Debug, Clone, Copy, Default)]
pub struct OrgMembers {
    pub on_roll: i64,
    pub shown: i64,
    pub first_shown: i64,
    pub claimed: i64,
    pub assigned: i64,
}

impl OrgMembers {
    pub fn with_post(&self) -> i64 {
        self.claimed + self.assigned
    }

    pub fn add(&mut self, o: &OrgMembers) {
        self.on_roll += o.on_roll;
        self.shown += o.shown;
        self.first_shown += o.first_shown;
        self.claimed += o.claimed;
        self.assigned += o.assigned;
    }
}

/// Per organization: on the roll, shown identity by `as_of` (a mark dated by then), first shown
/// within the period, and holding a post at `as_of` (started by then, not ended by then). Three
/// queries that each read the roll once, driven by the covering indexes of migration 18: the
/// members' roll columns, a member's marks by date and a member's posts by start.
pub async fn per_org(
    conn: &mut SqliteConnection,
    ids: &str,
    first: NaiveDate,
    as_of: NaiveDate,
) -> Result<HashMap<i64, OrgMembers>> {
    let mut out: HashMap<i64, OrgMembers> = HashMap::new();
    let roll = on_roll!(
        conn,
        r#"SELECT r.org_id AS "org_id!: i64", count(*) AS "n!: i64" FROM roll r GROUP BY r.org_id"#,
        ids,
        as_of
    );
    for r in roll {
        out.entry(r.org_id).or_default().on_roll = r.n;
    }
    let shown = on_roll!(
        conn,
        r#"SELECT org_id AS "org_id!: i64", count(*) AS "shown!: i64", coalesce(sum(shown_on >= ?3), 0) AS "first!: i64"
           FROM (SELECT r.org_id, min(i.shown_on) AS shown_on FROM roll r JOIN identity_marks i ON i.member_id = r.id
                 WHERE i.deleted_at IS NULL AND i.shown_on <= ?2 GROUP BY r.id)
           GROUP BY org_id"#,
        ids,
        as_of,
        first
    );
    for r in shown {
        let o = out.entry(r.org_id).or_default();
        (o.shown, o.first_shown) = (r.shown, r.first);
    }
    let posts = on_roll!(
        conn,
        r#"SELECT org_id AS "org_id!: i64", coalesce(sum(how = 'claimed'), 0) AS "claimed!: i64",
                  coalesce(sum(how = 'assigned'), 0) AS "assigned!: i64"
           FROM (SELECT r.org_id, max(a.how) AS how FROM roll r JOIN post_assignments a ON a.member_id = r.id
                 JOIN posts p ON p.id = a.post_id
                 WHERE p.deleted_at IS NULL AND a.start_on <= ?2 AND (a.end_on IS NULL OR a.end_on > ?2)
                 GROUP BY r.id)
           GROUP BY org_id"#,
        ids,
        as_of
    );
    for r in posts {
        let o = out.entry(r.org_id).or_default();
        (o.claimed, o.assigned) = (r.claimed, r.assigned);
    }
    Ok(out)
}

/// Members on the roll by category, sex, 民族 and age band, and who joined and left in the period.
pub async fn members(
    conn: &mut SqliteConnection,
    ids: &str,
    first: NaiveDate,
    as_of: NaiveDate,
) -> Result<MemberFigures> {
    let rows = on_roll!(
        conn,
        r#"SELECT r.category AS "category!: Category", r.gender AS "gender!: Gender", r.ethnicity AS "ethnicity!: String",
                  CASE WHEN age <= 35 THEN 'to_35' WHEN age <= 45 THEN '36_45' WHEN age <= 55 THEN '46_55'
                       WHEN age <= 60 THEN '56_60' ELSE 'over_60' END AS "band!: AgeBand",
                  count(*) AS "n!: i64"
           FROM (SELECT r.*, CAST(substr(?2, 1, 4) AS INTEGER) - CAST(substr(r.birth_date, 1, 4) AS INTEGER)
                             - (substr(?2, 6, 5) < substr(r.birth_date, 6, 5)) AS age FROM roll r) r
           GROUP BY 1, 2, 3, 4"#,
        ids,
        as_of
    );
    let sum = |keep: &dyn Fn(Category, Gender, AgeBand) -> bool| -> i64 {
        rows.iter().filter(|r| keep(r.category, r.gender, r.band)).map(|r| r.n).sum()
    };
    let mut ethnicities: Vec<LabeledCount> = Vec::new();
    for r in &rows {
        match ethnicities.iter_mut().find(|e| e.code == r.ethnicity) {
            Some(e) => e.count += r.n,
            None => {
                ethnicities.push(LabeledCount { code: r.ethnicity.clone(), label: r.ethnicity.clone(), count: r.n })
            }
        }
    }
    ethnicities.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.code.cmp(&b.code)));
    // The roll's index holds the dates and status: no visit to the wide member rows.
    let moves = sqlx::query!(
        r#"SELECT coalesce(sum(m.joined_on BETWEEN ?2 AND ?3), 0) AS "joined!: i64",
                  coalesce(sum(m.status = 'transferred' AND m.status_date BETWEEN ?2 AND ?3), 0) AS "transferred!: i64",
                  coalesce(sum(m.status = 'deceased' AND m.status_date BETWEEN ?2 AND ?3), 0) AS "deceased!: i64"
           FROM members m INDEXED BY members_roll
           WHERE m.deleted_at IS NULL AND m.org_id IN (SELECT value FROM json_each(?1))"#,
        ids,
        first,
        as_of
    )
    .fetch_one(&mut *conn)
    .await?;
    Ok(MemberFigures {
        on_roll: sum(&|_, _, _| true),
        by_category: Category::counted(|c| sum(&|category, _, _| category == c)),
        by_gender: Gender::counted(|g| sum(&|_, gender, _| gender == g)),
        by_ethnicity: ethnicities,
        by_age: AgeBand::counted(|b| sum(&|_, _, band| band == b)),
        joined: moves.joined,
        transferred: moves.transferred,
        deceased: moves.deceased,
    })
}

/// Members on the roll per identity mark shown by `as_of`.
pub async fn marks(conn: &mut SqliteConnection, ids: &str, as_of: NaiveDate) -> Result<Vec<LabeledCount>> {
    let rows = on_roll!(
        conn,
        r#"SELECT i.mark_type AS "mark!: MarkType", count(*) AS "n!: i64"
           FROM roll r JOIN identity_marks i ON i.member_id = r.id
           WHERE i.deleted_at IS NULL AND i.shown_on <= ?2
           GROUP BY i.mark_type"#,
        ids,
        as_of
    );
    Ok(MarkType::counted(|t| rows.iter().filter(|r| r.mark == t).map(|r| r.n).sum()))
}

/// 亮身份 and 亮职责 for the whole scope, from the per-organization rows.
pub fn identity_and_posts(
    orgs: &HashMap<i64, OrgMembers>,
    by_mark: Vec<LabeledCount>,
    posts: i64,
) -> (IdentityFigures, PostFigures) {
    let mut total = OrgMembers::default();
    orgs.values().for_each(|o| total.add(o));
    let identity =
        IdentityFigures { shown: Share::new(total.shown, total.on_roll), by_mark, first_shown: total.first_shown };
    let posts = PostFigures {
        posts,
        with_post: Share::new(total.with_post(), total.on_roll),
        claimed: total.claimed,
        assigned: total.assigned,
    };
    (identity, posts)
}
