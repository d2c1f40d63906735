//! The types of difficulties: what the store reads and writes and the UI sees.

use crate::common::catalog::DifficultyStatus;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Difficulty {
    pub id: i64,
    pub community_id: i64,
    pub community_name: String,
    pub visit_id: Option<i64>,
    pub raised_by: String,
    pub content: String,
    pub responsible: String,
    pub status: DifficultyStatus,
    pub raised_on: NaiveDate,
    pub started_on: Option<NaiveDate>,
    pub resolved_on: Option<NaiveDate>,
    pub answered_on: Option<NaiveDate>,
    pub outcome: String,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct DifficultyInput {
    pub raised_by: String,
    pub content: String,
    pub responsible: String,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct AdvanceInput {
    pub id: i64,
    pub on: String,
    /// What was done or answered (kept with the difficulty).
    pub outcome: String,
}
