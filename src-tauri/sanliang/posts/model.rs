//! The types of posts: what the store reads and writes and the UI sees.

use crate::common::catalog::{PostHow, PostKind};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Post {
    pub id: i64,
    pub community_id: i64,
    pub community_name: String,
    pub name: String,
    pub kind: PostKind,
    pub duties: String,
    pub capacity: i64,
    /// Members holding the post now.
    pub holders: i64,
    /// The change log's position when this was read: the form sends it back with its save
    /// (see `common::versions`).
    pub version: i64,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct PostInput {
    pub community_id: Option<i64>,
    pub name: String,
    pub kind: Option<PostKind>,
    pub duties: String,
    pub capacity: i64,
    /// The version the form opened (the record's `version`); a save over a later change is refused.
    pub version: Option<i64>,
}

/// A holding of a post, current (`end_on` empty) or past.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PostAssignment {
    pub id: i64,
    pub post_id: i64,
    pub post_name: String,
    pub member_id: i64,
    pub member_name: String,
    pub how: PostHow,
    pub start_on: NaiveDate,
    pub end_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AssignInput {
    pub post_id: i64,
    pub member_id: Option<i64>,
    pub how: PostHow,
    pub start_on: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PostStats {
    pub active_members: i64,
    /// Members on the roll holding a post now ("已有N名社区党员认岗定责").
    pub with_post: i64,
    pub claimed: i64,
    pub assigned: i64,
    pub posts: i64,
}
