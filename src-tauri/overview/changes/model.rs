//! The types of changes: what the store reads and writes and the UI sees.

use crate::common::catalog::ChangeKind;
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Change {
    pub kind: ChangeKind,
    /// When (the latest record of the batch), UTC RFC 3339; the window shows local time.
    pub at: String,
    /// The sentence shown, in Chinese.
    pub text: String,
    pub count: i64,
}
