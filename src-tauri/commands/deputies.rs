//! Commands for 代表委员进社区: deputies, pairs, reception points, visits and suggestions.

use tauri::State;

use crate::error::Result;
use crate::paths::today;
use crate::sijin::deputies::{
    self, Deputy, DeputyInput, DeputyVisit, DeputyVisitInput, MissingDeputyVisit, ReceptionInput, ReceptionPoint,
    Suggestion,
};
use crate::state::AppState;

pub async fn deputy_list(state: State<'_, AppState>, org_id: Option<i64>) -> Result<Vec<Deputy>> {
    deputies::list(&super::pool(&state)?, org_id).await
}

pub async fn deputy_create(state: State<'_, AppState>, input: DeputyInput) -> Result<Deputy> {
    deputies::create(&super::pool(&state)?, &input).await
}

pub async fn deputy_pair(
    state: State<'_, AppState>,
    deputy_id: i64,
    community_id: Option<i64>,
    start_on: String,
) -> Result<Deputy> {
    deputies::pair(&super::pool(&state)?, deputy_id, community_id, &start_on, today()).await
}

pub async fn reception_list(state: State<'_, AppState>, org_id: Option<i64>) -> Result<Vec<ReceptionPoint>> {
    deputies::receptions(&super::pool(&state)?, org_id).await
}

pub async fn reception_add(state: State<'_, AppState>, input: ReceptionInput) -> Result<ReceptionPoint> {
    deputies::add_reception(&super::pool(&state)?, &input).await
}

pub async fn deputy_visit_log(state: State<'_, AppState>, input: DeputyVisitInput) -> Result<DeputyVisit> {
    deputies::log_visit(&super::pool(&state)?, &input, today()).await
}

pub async fn deputy_visit_list(
    state: State<'_, AppState>,
    org_id: Option<i64>,
    period: String,
) -> Result<Vec<DeputyVisit>> {
    deputies::visits(&super::pool(&state)?, org_id, &period).await
}

pub async fn deputy_missing(
    state: State<'_, AppState>,
    org_id: Option<i64>,
    period: String,
) -> Result<Vec<MissingDeputyVisit>> {
    deputies::missing_visits(&super::pool(&state)?, org_id, &period).await
}

pub async fn suggestion_open(state: State<'_, AppState>, org_id: Option<i64>) -> Result<Vec<Suggestion>> {
    deputies::open_suggestions(&super::pool(&state)?, org_id).await
}

pub async fn suggestion_reply(
    state: State<'_, AppState>,
    id: i64,
    replied_on: String,
    reply: String,
) -> Result<Suggestion> {
    deputies::reply(&super::pool(&state)?, id, &replied_on, &reply, today()).await
}

pub async fn deputy_visit_delete(state: State<'_, AppState>, id: i64) -> Result<()> {
    deputies::delete_visit(&super::pool(&state)?, id).await
}

pub async fn deputy_unpair(
    state: State<'_, AppState>,
    deputy_id: i64,
    community_id: i64,
    end_on: String,
) -> Result<Deputy> {
    deputies::end_pair(&super::pool(&state)?, deputy_id, community_id, &end_on, today()).await
}

pub async fn deputy_update(state: State<'_, AppState>, id: i64, input: DeputyInput) -> Result<Deputy> {
    deputies::update(&super::pool(&state)?, id, &input).await
}

pub async fn deputy_delete(state: State<'_, AppState>, id: i64) -> Result<()> {
    deputies::delete(&super::pool(&state)?, id).await
}

pub async fn reception_update(state: State<'_, AppState>, id: i64, input: ReceptionInput) -> Result<ReceptionPoint> {
    deputies::update_reception(&super::pool(&state)?, id, &input).await
}

pub async fn reception_delete(state: State<'_, AppState>, id: i64) -> Result<()> {
    deputies::delete_reception(&super::pool(&state)?, id).await
}
