//! The types of deputies: what the store reads and writes and the UI sees.

use crate::common::catalog::DeputyRole;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Deputy {
    pub id: i64,
    pub name: String,
    pub roles: Vec<DeputyRole>,
    pub work_unit: String,
    pub phone: String,
    /// Whether a photo is kept for the 工作证.
    pub has_photo: bool,
    /// Names of the communities paired with now.
    pub communities: Vec<(i64, String)>,
    /// The change log's position when this was read: the form sends it back with its save
    /// (see `common::versions`).
    pub version: i64,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct DeputyInput {
    pub name: String,
    pub roles: Vec<DeputyRole>,
    pub work_unit: String,
    pub phone: String,
    /// The version the form opened (the record's `version`); a save over a later change is refused.
    pub version: Option<i64>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReceptionPoint {
    pub id: i64,
    pub community_id: i64,
    pub community_name: String,
    pub place: String,
    pub schedule: String,
    /// Names of the deputies on duty, and their ids (for editing).
    pub on_duty: Vec<String>,
    pub on_duty_ids: Vec<i64>,
    /// The change log's position when this was read: the form sends it back with its save
    /// (see `common::versions`).
    pub version: i64,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct ReceptionInput {
    pub community_id: Option<i64>,
    pub place: String,
    pub schedule: String,
    pub deputy_ids: Vec<i64>,
    /// The version the form opened (the record's `version`); a save over a later change is refused.
    pub version: Option<i64>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DeputyVisit {
    pub id: i64,
    pub deputy_name: String,
    pub community_name: String,
    pub visited_on: NaiveDate,
    pub notes: String,
    pub suggestions: i64,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct DeputyVisitInput {
    pub deputy_id: Option<i64>,
    pub community_id: Option<i64>,
    pub visited_on: String,
    pub notes: String,
    /// (who raised it, what) for each opinion or suggestion received.
    pub suggestions: Vec<SuggestionInput>,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct SuggestionInput {
    pub raised_by: String,
    pub content: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Suggestion {
    pub id: i64,
    pub community_name: String,
    pub deputy_name: String,
    pub raised_by: String,
    pub content: String,
    pub raised_on: NaiveDate,
    pub replied_on: Option<NaiveDate>,
    pub reply: String,
}

/// A deputy–community pair with no visit in a quarter.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MissingDeputyVisit {
    pub deputy_id: i64,
    pub deputy_name: String,
    pub community_id: i64,
    pub community_name: String,
    pub last_visit: Option<NaiveDate>,
}
