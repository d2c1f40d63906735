//! The types of identity: what the store reads and writes and the UI sees.

use crate::common::catalog::LabeledCount;
use crate::common::catalog::MarkType;
use crate::roster::members::MemberQuery;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IdentityMark {
    pub id: i64,
    pub member_id: i64,
    pub mark_type: MarkType,
    pub shown_on: NaiveDate,
    pub place: String,
}

/// Which members a batch applies to: those picked by hand, or everyone a roster query matches.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum MemberSelection {
    Ids(Vec<i64>),
    Query(MemberQuery),
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BulkMark {
    pub selection: MemberSelection,
    pub mark_type: MarkType,
    /// YYYY-MM-DD; not in the future.
    pub shown_on: String,
    /// 窗口, 岗位 … (optional).
    pub place: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BulkMarkResult {
    /// Members who now hold the mark for the first time.
    pub recorded: i64,
    /// Members who already held it (left as they were).
    pub already: i64,
    /// Members not on the roll (转出/去世), left out.
    pub skipped: i64,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IdentitySummary {
    /// Members on the roll in the subtree.
    pub active_members: i64,
    /// Of those, members holding at least one mark.
    pub shown: i64,
    pub not_shown: i64,
    /// Members on the roll holding each kind of mark.
    pub by_type: Vec<LabeledCount>,
}
