//! Which organizations a review covers: the chosen subtree, its ids for the queries, and the
//! community each organization belongs to, for the one-row-per-community 一览表.

use std::collections::HashMap;

use sqlx::SqliteConnection;

use crate::common::catalog::OrgKind;
use crate::error::Result;
use crate::roster::orgs::store as org_store;
use crate::roster::orgs::Organization;

pub struct Scope {
    /// The organization counted, `None` for the whole database.
    pub root: Option<Organization>,
    /// Every organization of the subtree and its ancestors, in the tree's order.
    orgs: Vec<Organization>,
    /// JSON array of the subtree's organization ids, for `IN (SELECT value FROM json_each(?))`.
    pub ids: String,
    /// The subtree's communities, in the tree's order.
    pub communities: Vec<Organization>,
    /// Each organization of the subtree that lies in a community (the community itself and its
    /// branches) → that community.
    community_of: HashMap<i64, i64>,
    /// Each organization's place in `orgs`.
    position: HashMap<i64, usize>,
}

impl Scope {
    /// The subtree under `org_id` (the whole database for `None`); a deleted or unknown
    /// organization is `NotFound`.
    pub async fn of(conn: &mut SqliteConnection, org_id: Option<i64>) -> Result<Scope> {
        let root = match org_id {
            Some(id) => Some(org_store::get(conn, id).await?),
            None => None,
        };
        let orgs = org_store::list(conn).await?;
        Ok(Scope::over(root, orgs))
    }

    fn over(root: Option<Organization>, orgs: Vec<Organization>) -> Scope {
        let prefix = root.as_ref().map_or("/", |r| r.path.as_str()).to_owned();
        let inside: Vec<&Organization> = orgs.iter().filter(|o| o.path.starts_with(&prefix)).collect();
        let ids =
            serde_json::to_string(&inside.iter().map(|o| o.id).collect::<Vec<_>>()).unwrap_or_else(|_| "[]".into());
        let by_id: HashMap<i64, &Organization> = orgs.iter().map(|o| (o.id, o)).collect();
        let mut community_of = HashMap::new();
        for org in &inside {
            let ancestors = org.path.split('/').filter_map(|s| s.parse::<i64>().ok());
            if let Some(c) = ancestors.filter_map(|id| by_id.get(&id)).find(|a| a.kind == OrgKind::Community) {
                community_of.insert(org.id, c.id);
            }
        }
        let mut communities: Vec<Organization> =
            inside.iter().filter(|o| o.kind == OrgKind::Community).map(|o| (*o).clone()).collect();
        let position: HashMap<i64, usize> = orgs.iter().enumerate().map(|(i, o)| (o.id, i)).collect();
        communities.sort_by_cached_key(|c| tree_order(&position, c));
        Scope { root, orgs, ids, communities, community_of, position }
    }

    /// The community an organization of the subtree lies in, if any.
    pub fn community_of(&self, org_id: i64) -> Option<i64> {
        self.community_of.get(&org_id).copied()
    }

    /// The nearest organization of `kind` at or above `org` (a community's township, say).
    pub fn ancestor(&self, org: &Organization, kind: OrgKind) -> Option<&Organization> {
        let ids: Vec<i64> = org.path.split('/').filter_map(|s| s.parse().ok()).collect();
        ids.iter().rev().filter_map(|id| self.orgs.iter().find(|o| o.id == *id)).find(|o| o.kind == kind)
    }

    /// An organization's name ("" for one outside the subtree and its ancestors).
    pub fn name(&self, org_id: i64) -> &str {
        self.position.get(&org_id).map_or("", |i| self.orgs[*i].name.as_str())
    }

    /// A key that sorts organizations (and the rows that belong to them) in the tree's order.
    pub fn order(&self, org_id: i64) -> Vec<usize> {
        self.position.get(&org_id).map_or_else(Vec::new, |i| tree_order(&self.position, &self.orgs[*i]))
    }

    /// The top of the tree: the county the whole database is named after.
    pub fn top(&self) -> Option<&Organization> {
        self.orgs.iter().find(|o| o.parent_id.is_none() && o.kind != OrgKind::Unit)
    }
}

/// Sort key following the tree: each ancestor's place in the list, which orders siblings by
/// their sort order.
fn tree_order(position: &HashMap<i64, usize>, org: &Organization) -> Vec<usize> {
    org.path
        .split('/')
        .filter_map(|s| s.parse::<i64>().ok())
        .map(|id| position.get(&id).copied().unwrap_or(usize::MAX))
        .collect()
}
