//! Commands for 党员干部进社区: contact leaders, visits, diaries, difficulties, the monthly check.

use tauri::State;

use crate::error::Result;
use crate::paths::today;
use crate::sijin::difficulties::{self, AdvanceInput, Difficulty};
use crate::sijin::leaders::{self, DiaryEntry, Leader, LeaderInput, MissingVisit, Visit, VisitInput};
use crate::state::AppState;

pub async fn leader_list(state: State<'_, AppState>, org_id: Option<i64>) -> Result<Vec<Leader>> {
    leaders::list(&super::pool(&state)?, org_id).await
}

pub async fn leader_create(state: State<'_, AppState>, input: LeaderInput) -> Result<Leader> {
    leaders::create(&super::pool(&state)?, &input).await
}

pub async fn leader_assign(
    state: State<'_, AppState>,
    leader_id: i64,
    community_id: Option<i64>,
    start_on: String,
) -> Result<Leader> {
    leaders::assign(&super::pool(&state)?, leader_id, community_id, &start_on, today()).await
}

pub async fn visit_log(state: State<'_, AppState>, input: VisitInput) -> Result<Visit> {
    leaders::log_visit(&super::pool(&state)?, &input, today()).await
}

pub async fn visit_list(state: State<'_, AppState>, org_id: Option<i64>, period: Option<String>) -> Result<Vec<Visit>> {
    leaders::visits(&super::pool(&state)?, org_id, period.as_deref()).await
}

pub async fn diary_add(
    state: State<'_, AppState>,
    leader_id: i64,
    community_id: i64,
    written_on: String,
    text: String,
) -> Result<()> {
    leaders::add_diary(&super::pool(&state)?, leader_id, community_id, &written_on, &text, today()).await
}

pub async fn visit_missing(
    state: State<'_, AppState>,
    org_id: Option<i64>,
    period: String,
) -> Result<Vec<MissingVisit>> {
    leaders::missing_visits(&super::pool(&state)?, org_id, &period).await
}

pub async fn difficulty_open(state: State<'_, AppState>, org_id: Option<i64>) -> Result<Vec<Difficulty>> {
    difficulties::open(&super::pool(&state)?, org_id).await
}

pub async fn difficulty_advance(state: State<'_, AppState>, input: AdvanceInput) -> Result<Difficulty> {
    difficulties::advance(&super::pool(&state)?, &input, today()).await
}

pub async fn diary_list(state: State<'_, AppState>, org_id: Option<i64>, period: String) -> Result<Vec<DiaryEntry>> {
    leaders::diaries(&super::pool(&state)?, org_id, &period).await
}

pub async fn visit_delete(state: State<'_, AppState>, id: i64) -> Result<()> {
    leaders::delete_visit(&super::pool(&state)?, id).await
}

pub async fn leader_unassign(
    state: State<'_, AppState>,
    leader_id: i64,
    community_id: i64,
    end_on: String,
) -> Result<Leader> {
    leaders::end_assignment(&super::pool(&state)?, leader_id, community_id, &end_on, today()).await
}

pub async fn leader_update(state: State<'_, AppState>, id: i64, input: LeaderInput) -> Result<Leader> {
    leaders::update(&super::pool(&state)?, id, &input).await
}

pub async fn leader_delete(state: State<'_, AppState>, id: i64) -> Result<()> {
    leaders::delete(&super::pool(&state)?, id).await
}

pub async fn diary_update(
    state: State<'_, AppState>,
    id: i64,
    written_on: String,
    text: String,
    version: Option<i64>,
) -> Result<()> {
    leaders::update_diary(&super::pool(&state)?, id, &written_on, &text, version, today()).await
}

pub async fn diary_delete(state: State<'_, AppState>, id: i64) -> Result<()> {
    leaders::delete_diary(&super::pool(&state)?, id).await
}
