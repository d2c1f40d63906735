//! The types of leaders: what the store reads and writes and the UI sees.

use crate::common::catalog::{LeaderLevel, VisitKind};
use crate::sijin::difficulties::DifficultyInput;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Leader {
    pub id: i64,
    pub name: String,
    pub level: LeaderLevel,
    pub title: String,
    pub phone: String,
    /// The communities he is contact leader of now.
    pub communities: Vec<LeaderCommunity>,
    /// The change log's position when this was read: the form sends it back with its save
    /// (see `common::versions`).
    pub version: i64,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LeaderCommunity {
    pub community_id: i64,
    pub community_name: String,
    pub start_on: NaiveDate,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct LeaderInput {
    pub name: String,
    pub level: Option<LeaderLevel>,
    pub title: String,
    pub phone: String,
    /// The version the form opened (the record's `version`); a save over a later change is refused.
    pub version: Option<i64>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Visit {
    pub id: i64,
    pub leader_id: i64,
    pub leader_name: String,
    pub community_id: i64,
    pub community_name: String,
    pub visited_on: NaiveDate,
    pub kind: VisitKind,
    pub participants: String,
    pub notes: String,
    pub difficulties: i64,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct VisitInput {
    pub leader_id: Option<i64>,
    pub community_id: Option<i64>,
    pub visited_on: String,
    pub kind: Option<VisitKind>,
    pub participants: String,
    pub notes: String,
    /// Difficulties residents raised in this visit, saved with it.
    pub difficulties: Vec<DifficultyInput>,
}

/// A 民情日记 entry.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DiaryEntry {
    pub id: i64,
    pub leader_name: String,
    pub community_name: String,
    pub written_on: NaiveDate,
    pub text: String,
    /// The change log's position when this was read: the form sends it back with its save
    /// (see `common::versions`).
    pub version: i64,
}

/// A leader–community pair with no visit in a month.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MissingVisit {
    pub leader_id: i64,
    pub leader_name: String,
    pub level: LeaderLevel,
    pub community_id: i64,
    pub community_name: String,
    /// The last visit before the month, if any.
    pub last_visit: Option<NaiveDate>,
}
