//! The types of members: what the store reads and writes and the UI sees.

use crate::common::catalog::{Category, Gender, MemberStatus};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A member as the edit form shows it: everything, unmasked.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Member {
    pub id: i64,
    pub uuid: String,
    pub org_id: i64,
    pub org_name: String,
    pub name: String,
    pub gender: Gender,
    pub ethnicity: String,
    pub birth_date: NaiveDate,
    pub joined_on: NaiveDate,
    pub education: String,
    pub id_number: Option<String>,
    pub phone: String,
    pub address: String,
    pub work_unit: String,
    pub category: Category,
    pub status: MemberStatus,
    pub status_date: Option<NaiveDate>,
    pub notes: String,
    pub has_photo: bool,
    /// The version the form keeps and sends back with its save (see `common::versions`).
    pub version: i64,
}

/// A member as lists show them: ID number and phone masked.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MemberRow {
    pub id: i64,
    pub name: String,
    pub gender: Gender,
    pub ethnicity: String,
    pub birth_date: NaiveDate,
    pub joined_on: NaiveDate,
    pub org_id: i64,
    pub org_name: String,
    pub category: Category,
    pub status: MemberStatus,
    pub status_date: Option<NaiveDate>,
    pub id_number_masked: String,
    pub phone_masked: String,
    /// The post the member holds now (亮职责), if any.
    pub post_name: Option<String>,
}

/// What the form sends. Dates come as text so a bad one is reported at its field.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct MemberInput {
    pub org_id: Option<i64>,
    pub name: String,
    pub gender: Option<Gender>,
    pub ethnicity: String,
    pub birth_date: String,
    pub joined_on: String,
    pub education: String,
    pub id_number: String,
    pub phone: String,
    pub address: String,
    pub work_unit: String,
    pub category: Option<Category>,
    pub notes: String,
    /// Set after the user confirmed that a same-name, same-birth-date member is a different person.
    pub confirm_duplicate: bool,
    /// The version the form opened (`Member::version`); a save over a newer one is refused.
    pub version: Option<i64>,
}

/// A validated record, ready to store.
#[derive(Debug, Clone)]
pub struct MemberRecord {
    pub org_id: i64,
    pub name: String,
    pub gender: Gender,
    pub ethnicity: String,
    pub birth_date: NaiveDate,
    pub joined_on: NaiveDate,
    pub education: String,
    pub id_number: Option<String>,
    pub phone: String,
    pub address: String,
    pub work_unit: String,
    pub category: Category,
    pub notes: String,
    pub search_text: String,
    pub sort_name: String,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum MemberSort {
    #[default]
    Name,
    BirthDate,
    JoinedOn,
    Organization,
    CreatedAt,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct MemberQuery {
    /// Organization subtree to search in; none for everything.
    pub org_id: Option<i64>,
    /// Name, pinyin (full or initials), or the tail of a phone or ID number.
    pub text: String,
    pub category: Option<Category>,
    pub status: Option<MemberStatus>,
    pub sort: MemberSort,
    pub descending: bool,
    /// 1-based.
    pub page: u32,
    pub page_size: u32,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MemberPage {
    pub rows: Vec<MemberRow>,
    pub total: i64,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StatusChange {
    pub status: MemberStatus,
    /// Required for 转出 and 去世.
    pub date: Option<String>,
}

/// The parameters a search text turns into: the range of `member_keys` it begins (names and
/// their spellings, or with digits a phone's `#` keys), an ID number's `$` tail key, and for what
/// the keys do not hold (fewer than 3 digits, a tail longer than 8) patterns to scan.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct TextPatterns {
    /// The keys from `from` (the text typed) up to, not including, `until`.
    pub from: Option<String>,
    pub until: Option<String>,
    pub id_tail_key: Option<String>,
    pub phone_scan: Option<String>,
    pub id_tail_scan: Option<String>,
}
