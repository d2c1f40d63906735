//! The types of zones: what the store reads and writes and the UI sees.

use crate::common::catalog::ZoneItemKind;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Zone {
    pub id: i64,
    pub community_id: i64,
    pub community_name: String,
    pub name: String,
    pub items: i64,
    pub covered: i64,
    /// Names of the members covering its items.
    pub members: Vec<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ZoneItem {
    pub id: i64,
    pub zone_id: i64,
    pub zone_name: String,
    pub kind: ZoneItemKind,
    pub name: String,
    pub member_id: Option<i64>,
    pub member_name: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct ZoneInput {
    pub community_id: Option<i64>,
    pub name: String,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ZoneItemsInput {
    pub zone_id: i64,
    pub kind: ZoneItemKind,
    /// One item per line (e.g. 湖滨巷, 湖滨巷2号).
    pub names: String,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CoverInput {
    pub item_ids: Vec<i64>,
    pub member_id: Option<i64>,
}
