//! The types of 操作记录: the filter the page sends and the entries it shows.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::common::catalog::{HistoryAction, RecordArea, RecordKind};

/// Which entries to show, newest first.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HistoryFilter {
    /// From this local day, inclusive.
    pub from: Option<NaiveDate>,
    /// Up to this local day, inclusive.
    pub to: Option<NaiveDate>,
    pub area: Option<RecordArea>,
    /// Only what concerns this member (their record and everything recorded against them).
    pub member_id: Option<i64>,
    pub offset: i64,
    pub limit: i64,
}

/// One field that changed (or, for a record created or removed, that it held).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FieldChange {
    pub field: String,
    pub before: String,
    pub after: String,
}

/// One recorded write.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HistoryEntry {
    pub id: i64,
    /// UTC RFC 3339; the window shows local time.
    pub at: String,
    pub operator: String,
    pub kind: RecordKind,
    pub action: HistoryAction,
    /// What the record is, in words: "李明", "大街社区党总支 · 第一网格".
    pub subject: String,
    pub changes: Vec<FieldChange>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HistoryPage {
    pub total: i64,
    pub entries: Vec<HistoryEntry>,
}
