//! The types of pledges: what the store reads and writes and the UI sees.

use crate::common::catalog::{Appraiser, Category, PledgeStatus, Rating};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One promise of a pledge. `flags` name what makes it too vague to supervise.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PledgeItem {
    pub id: i64,
    pub seq: i64,
    pub content: String,
    pub measures: String,
    pub owner: String,
    pub deadline: Option<NaiveDate>,
    pub done_on: Option<NaiveDate>,
    pub overdue: bool,
    pub flags: Vec<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Progress {
    pub id: i64,
    pub item_id: Option<i64>,
    pub item_seq: Option<i64>,
    pub entered_on: NaiveDate,
    pub text: String,
    pub evidence: Vec<Evidence>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Evidence {
    pub id: i64,
    pub progress_id: i64,
    pub original_name: String,
    pub bytes: i64,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Appraisal {
    pub id: i64,
    pub appraiser: Appraiser,
    pub rating: Rating,
    pub comment: String,
    pub appraised_on: NaiveDate,
}

/// A pledge with everything the detail page shows.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Pledge {
    pub id: i64,
    pub year: i32,
    pub member_id: Option<i64>,
    pub org_id: Option<i64>,
    /// The member's name, or the organization's for 党组织承诺.
    pub owner_name: String,
    /// The member's organization, or the organization itself.
    pub org_name: String,
    pub category: Option<Category>,
    pub status: PledgeStatus,
    pub pledged_on: NaiveDate,
    pub published_on: Option<NaiveDate>,
    pub closed_on: Option<NaiveDate>,
    pub items: Vec<PledgeItem>,
    pub progress: Vec<Progress>,
    pub appraisals: Vec<Appraisal>,
    /// The change log's position when this was read: the form sends it back with its save
    /// (see `common::versions`).
    pub version: i64,
}

/// A pledge as the list shows it.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PledgeRow {
    pub id: i64,
    pub year: i32,
    pub member_id: Option<i64>,
    pub org_id: Option<i64>,
    pub owner_name: String,
    pub org_name: String,
    pub category: Option<Category>,
    pub status: PledgeStatus,
    pub items: i64,
    pub done: i64,
    pub overdue_items: i64,
    /// The earliest deadline of an item not yet done.
    pub next_deadline: Option<NaiveDate>,
    pub published_on: Option<NaiveDate>,
    pub appraisals: i64,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct PledgeQuery {
    pub org_id: Option<i64>,
    pub year: Option<i32>,
    pub status: Option<PledgeStatus>,
    /// Part of the owner's name.
    pub text: String,
    pub page: u32,
    pub page_size: u32,
}

#[derive(Debug, Clone, Default, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PledgeCounts {
    pub total: i64,
    pub draft: i64,
    pub published: i64,
    pub overdue: i64,
    pub completed: i64,
    pub not_completed: i64,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PledgePage {
    /// Rows matching the query (all pages).
    pub total: i64,
    pub rows: Vec<PledgeRow>,
    /// By status, for the scope and year, whatever the status filter.
    pub counts: PledgeCounts,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct ItemInput {
    pub content: String,
    pub measures: String,
    pub owner: String,
    /// Empty while undecided; required before publishing.
    pub deadline: String,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct PledgeInput {
    /// Exactly one of member and organization.
    pub member_id: Option<i64>,
    pub org_id: Option<i64>,
    pub year: i32,
    pub pledged_on: String,
    pub items: Vec<ItemInput>,
    /// The version the form opened (the record's `version`); a save over a later change is refused.
    pub version: Option<i64>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CopySummary {
    pub created: i64,
    /// Owners who already have a pledge for the new year.
    pub existing: i64,
    /// Members no longer on the roll, or organizations deleted.
    pub inactive: i64,
}

pub struct ValidItem {
    pub content: String,
    pub measures: String,
    pub owner: String,
    pub deadline: Option<NaiveDate>,
}

pub struct ValidPledge {
    pub member_id: Option<i64>,
    pub org_id: Option<i64>,
    pub year: i32,
    pub pledged_on: NaiveDate,
    pub items: Vec<ValidItem>,
}
