//! Commands for 志愿者进社区: activities with participants, and hours per member.

use tauri::State;

use crate::error::Result;
use crate::paths::today;
use crate::sijin::volunteering::{self, period_bounds, Activity, ActivityInput, MemberHours, Participant};
use crate::state::AppState;

pub async fn volunteer_record(state: State<'_, AppState>, input: ActivityInput) -> Result<Activity> {
    volunteering::record(&super::pool(&state)?, &input, today()).await
}

pub async fn volunteer_list(state: State<'_, AppState>, org_id: Option<i64>, period: String) -> Result<Vec<Activity>> {
    let (from, to) = period_bounds("period", &period)?;
    volunteering::list(&super::pool(&state)?, org_id, from, to).await
}

pub async fn volunteer_member_hours(
    state: State<'_, AppState>,
    org_id: Option<i64>,
    period: String,
) -> Result<Vec<MemberHours>> {
    let (from, to) = period_bounds("period", &period)?;
    volunteering::member_hours(&super::pool(&state)?, org_id, from, to).await
}

pub async fn volunteer_delete(state: State<'_, AppState>, id: i64) -> Result<()> {
    volunteering::delete(&super::pool(&state)?, id).await
}

/// Corrects an activity and its participants.
pub async fn volunteer_update(state: State<'_, AppState>, id: i64, input: ActivityInput) -> Result<Activity> {
    volunteering::update(&super::pool(&state)?, id, &input, today()).await
}

/// An activity's participants, for editing it.
pub async fn volunteer_participants(state: State<'_, AppState>, id: i64) -> Result<Vec<Participant>> {
    volunteering::participants(&super::pool(&state)?, id).await
}
