//! The types of volunteering: what the store reads and writes and the UI sees.

use crate::common::catalog::ParticipantKind;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Activity {
    pub id: i64,
    pub community_id: i64,
    pub community_name: String,
    pub held_on: NaiveDate,
    pub organizer: String,
    pub service_type: String,
    pub place: String,
    pub people_served: i64,
    pub participants: i64,
    /// Hours of all participants, in tenths.
    pub hours_tenths: i64,
    /// The change log's position when this was read: the form sends it back with its save
    /// (see `common::versions`).
    pub version: i64,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct ParticipantInput {
    /// A member on the roll; empty for others (then `name` is required).
    pub member_id: Option<i64>,
    pub name: String,
    pub kind: Option<ParticipantKind>,
    /// Hours as typed: "2", "2.5".
    pub hours: String,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct ActivityInput {
    pub community_id: Option<i64>,
    pub held_on: String,
    pub organizer: String,
    pub service_type: String,
    pub place: String,
    pub people_served: i64,
    pub participants: Vec<ParticipantInput>,
    /// The version the form opened (the record's `version`); a save over a later change is refused.
    pub version: Option<i64>,
}

/// A member's volunteering in a period.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MemberHours {
    pub member_id: i64,
    pub name: String,
    pub org_name: String,
    pub activities: i64,
    pub hours_tenths: i64,
}

pub struct ValidParticipant {
    pub member_id: Option<i64>,
    pub name: String,
    pub kind: ParticipantKind,
    pub hours_tenths: i64,
}

/// One participant as saved, for editing an activity.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Participant {
    pub member_id: Option<i64>,
    pub name: String,
    pub kind: ParticipantKind,
    pub hours_tenths: i64,
}

/// An activity's fields, checked, with its participants.
pub struct ValidActivity {
    pub community_id: i64,
    pub held_on: NaiveDate,
    pub organizer: String,
    pub service_type: String,
    pub place: String,
    pub people_served: i64,
    pub participants: Vec<ValidParticipant>,
}
