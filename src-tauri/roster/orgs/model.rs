//! The types of orgs: what the store reads and writes and the UI sees.

use crate::common::catalog::{OrgKind, UnitKind};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Organization {
    pub id: i64,
    pub uuid: String,
    pub parent_id: Option<i64>,
    pub kind: OrgKind,
    pub unit_kind: Option<UnitKind>,
    pub stationed_in: Option<i64>,
    pub name: String,
    pub path: String,
}

/// A node of the tree as the UI shows it, with the members registered in its subtree.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OrgNode {
    #[serde(flatten)]
    #[ts(flatten)]
    pub org: Organization,
    /// Members on the roll (在册) in this organization and everything under it.
    pub active_members: i64,
    /// For an organization imported from an exchange file (read-only here): where and when it
    /// came from, in words.
    pub imported: Option<String>,
    pub children: Vec<OrgNode>,
}

/// The first run's three names: the county, its township (street) and the community, created
/// together so a roster can be imported at once.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OrgChain {
    pub county: String,
    pub township: String,
    pub community: String,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OrgInput {
    pub parent_id: Option<i64>,
    pub kind: OrgKind,
    pub unit_kind: Option<UnitKind>,
    pub stationed_in: Option<i64>,
    pub name: String,
}
