//! Commands for 服务安排: a community's monthly plan, its dates moved or cancelled, last
//! month copied, and each date tied to the record of what happened.

use tauri::State;

use crate::common::catalog::{CatalogOption, RecordKind};
use crate::common::validate::check_date;
use crate::error::Result;
use crate::paths::today;
use crate::sijin::schedule::{self, CopyOutcome, MonthPlan, PlanEntry, PlanInput, PlanRecord};
use crate::state::AppState;

/// The month's plan ("2026-12") of the communities under the organization, with clashes.
pub async fn schedule_month(state: State<'_, AppState>, org_id: Option<i64>, month: String) -> Result<MonthPlan> {
    let month = schedule::month("month", &month)?;
    schedule::month_plan(&super::pool(&state)?, org_id, month, today()).await
}

/// Plans one date, or every date a repeat rule gives in its month.
pub async fn schedule_plan(state: State<'_, AppState>, input: PlanInput) -> Result<Vec<PlanEntry>> {
    schedule::plan(&super::pool(&state)?, &input, today()).await
}

/// Corrects or moves one date.
pub async fn schedule_update(state: State<'_, AppState>, id: i64, input: PlanInput) -> Result<PlanEntry> {
    schedule::update(&super::pool(&state)?, id, &input, today()).await
}

/// Cancels one date, or brings it back.
pub async fn schedule_cancel(state: State<'_, AppState>, id: i64, cancelled: bool) -> Result<PlanEntry> {
    schedule::cancel(&super::pool(&state)?, id, cancelled, today()).await
}

pub async fn schedule_delete(state: State<'_, AppState>, id: i64) -> Result<()> {
    schedule::delete(&super::pool(&state)?, id).await
}

/// Copies the month before into this month for a community.
pub async fn schedule_copy_previous(
    state: State<'_, AppState>,
    community_id: i64,
    month: String,
) -> Result<CopyOutcome> {
    let month = schedule::month("month", &month)?;
    schedule::copy_previous(&super::pool(&state)?, community_id, month).await
}

/// Records that could fulfil a date, nearest first.
pub async fn schedule_candidates(state: State<'_, AppState>, id: i64) -> Result<Vec<PlanRecord>> {
    schedule::candidates(&super::pool(&state)?, id).await
}

pub async fn schedule_fulfil(
    state: State<'_, AppState>,
    id: i64,
    kind: RecordKind,
    record_id: i64,
) -> Result<PlanEntry> {
    schedule::fulfil(&super::pool(&state)?, id, kind, record_id, today()).await
}

pub async fn schedule_unfulfil(state: State<'_, AppState>, id: i64) -> Result<PlanEntry> {
    schedule::unfulfil(&super::pool(&state)?, id, today()).await
}

/// How a plan starting on the date can repeat, each rule's code with its words.
pub fn schedule_repeat_options(on_date: String) -> Result<Vec<CatalogOption>> {
    let date = check_date("onDate", "日期", &on_date)?;
    let rules = schedule::repeat::options(date);
    Ok(rules.into_iter().map(|r| CatalogOption { value: r.code(), label: r.label() }).collect())
}
