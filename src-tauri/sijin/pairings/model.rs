//! The types of pairings: what the store reads and writes and the UI sees.

use crate::common::catalog::SupportKind;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Pairing {
    pub id: i64,
    pub unit_id: i64,
    pub unit_name: String,
    pub community_id: i64,
    pub community_name: String,
    pub start_on: NaiveDate,
    pub end_on: Option<NaiveDate>,
    pub signed_on: Option<NaiveDate>,
    pub agreement_until: Option<NaiveDate>,
    pub agreement: String,
    /// The original name of the scanned agreement, when one is kept.
    pub scan_name: Option<String>,
    pub records: i64,
    /// Funds given under this pairing, in fen.
    pub funds_fen: i64,
    /// Still open, and its agreement ends within `limits::AGREEMENT_NOTICE_DAYS` of today.
    pub agreement_ending_soon: bool,
    /// The change log's position when this was read: the form sends it back with its save
    /// (see `common::versions`).
    pub version: i64,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct PairingInput {
    pub unit_id: Option<i64>,
    pub community_id: Option<i64>,
    pub start_on: String,
    pub signed_on: String,
    pub agreement_until: String,
    pub agreement: String,
}

/// The 《社区党建共建协议》 of a pairing, corrected or renewed (续签: a new signing date and term).
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct AgreementInput {
    pub signed_on: String,
    pub agreement_until: String,
    pub agreement: String,
    /// The version the form opened (the record's `version`); a save over a later change is refused.
    pub version: Option<i64>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SupportRecord {
    pub id: i64,
    pub pairing_id: i64,
    pub kind: SupportKind,
    pub given_on: NaiveDate,
    pub description: String,
    pub amount_fen: Option<i64>,
    /// The change log's position when this was read: the form sends it back with its save
    /// (see `common::versions`).
    pub version: i64,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct SupportInput {
    pub pairing_id: i64,
    pub kind: Option<SupportKind>,
    pub given_on: String,
    pub description: String,
    /// Yuan as typed ("450000", "45万"); required for funds.
    pub amount: String,
    /// The version the form opened (the record's `version`); a save over a later change is refused.
    pub version: Option<i64>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PairingStats {
    pub pairings: i64,
    pub communities: i64,
    pub funds_fen: i64,
    pub help_pairs: i64,
}

pub struct ValidPairing {
    pub unit_id: i64,
    pub community_id: i64,
    pub start_on: NaiveDate,
    pub signed_on: Option<NaiveDate>,
    pub agreement_until: Option<NaiveDate>,
    pub agreement: String,
}
