//! The types of help_pairs: what the store reads and writes and the UI sees.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HelpPair {
    pub id: i64,
    pub community_id: i64,
    pub community_name: String,
    pub cadre: String,
    pub cadre_title: String,
    pub helped: String,
    pub start_on: NaiveDate,
    /// When the pair ended (the help is no longer needed); `None` while current.
    pub end_on: Option<NaiveDate>,
    pub records: i64,
    pub last_record: Option<NaiveDate>,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct HelpPairInput {
    pub community_id: Option<i64>,
    pub cadre: String,
    pub cadre_title: String,
    pub helped: String,
    pub start_on: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HelpRecord {
    pub id: i64,
    pub helped_on: NaiveDate,
    pub text: String,
}
