//! The types of 服务安排: what the store reads and writes and the UI sees.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::common::catalog::{LabeledCount, PlanStatus, PlanWho, RecordKind, Shift};

/// One date of a community's plan, with where it stands.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PlanEntry {
    pub id: i64,
    pub community_id: i64,
    pub community_name: String,
    pub on_date: NaiveDate,
    /// 周二.
    pub weekday: String,
    pub shift: Shift,
    /// "09:00" and "11:30" for a time range.
    pub starts_at: Option<String>,
    pub ends_at: Option<String>,
    /// 上午, 全天 or 09:00–11:30.
    pub time_label: String,
    pub reception_point_id: Option<i64>,
    /// The reception point's place, or the place typed.
    pub place: String,
    pub who_kind: PlanWho,
    /// The unit, leader or deputy planned; none for a team or members typed.
    pub who_id: Option<i64>,
    pub who: String,
    pub service: String,
    /// The series of a repeating entry and its rule in words (每周二).
    pub series: Option<String>,
    pub repeat_label: Option<String>,
    /// The date the rule gave, when this date was moved.
    pub moved_from: Option<NaiveDate>,
    pub status: PlanStatus,
    /// The record that fulfilled it: its kind, id and date.
    pub fulfilled_by: Option<PlanRecord>,
    /// The change log's position when this was read (see `common::versions`).
    pub version: i64,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct PlanInput {
    pub community_id: Option<i64>,
    /// The date; for a repeating entry, the first date it may fall on (its month is planned).
    pub on_date: String,
    pub shift: Option<Shift>,
    pub starts_at: String,
    pub ends_at: String,
    pub reception_point_id: Option<i64>,
    pub place: String,
    pub who_kind: Option<PlanWho>,
    pub who_id: Option<i64>,
    pub who_name: String,
    pub service: String,
    /// A rule (`weekly:2`, `nth:1:6`, `day:15`) to plan every date of the month it gives; empty
    /// for one date. Ignored when correcting one date of a series.
    pub repeat: String,
    /// The version the form opened (the entry's `version`); a save over a later change is refused.
    pub version: Option<i64>,
}

/// An entry's fields, checked.
#[derive(Debug, Clone)]
pub struct ValidPlan {
    pub community_id: i64,
    pub on_date: NaiveDate,
    pub shift: Shift,
    pub starts_at: Option<String>,
    pub ends_at: Option<String>,
    pub reception_point_id: Option<i64>,
    pub place: String,
    pub who_kind: PlanWho,
    pub unit_id: Option<i64>,
    pub leader_id: Option<i64>,
    pub deputy_id: Option<i64>,
    pub who_name: String,
    pub service: String,
    pub series: Option<String>,
    pub repeat_rule: Option<String>,
    pub moved_from: Option<NaiveDate>,
}

/// A record that fulfils (or could fulfil) a plan entry.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PlanRecord {
    /// `leader_visits`, `deputy_visits`, `volunteer_activities` or `support_records`.
    pub kind: RecordKind,
    pub id: i64,
    pub on_date: NaiveDate,
    /// 12月8日 王建国 走访 / 12月8日 县医院 义务诊疗.
    pub label: String,
}

/// Something in a month's plan worth a second look; allowed, never refused.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Clash {
    pub code: String,
    pub label: String,
    pub on_date: Option<NaiveDate>,
    pub entry_ids: Vec<i64>,
    /// In words: 12月8日上午，李华同时安排在大街社区接待点和河咀社区接待点.
    pub detail: String,
}

/// A month's plan of a community (or every community under an organization).
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MonthPlan {
    /// 2026-12.
    pub month: String,
    /// 2026年12月.
    pub month_label: String,
    pub entries: Vec<PlanEntry>,
    pub clashes: Vec<Clash>,
    /// Entries by status, in the vocabulary's order.
    pub by_status: Vec<LabeledCount>,
}

/// What copying last month's plan did.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CopyOutcome {
    pub created: i64,
    /// Dates already in this month's plan, left as they were.
    pub skipped: i64,
}
