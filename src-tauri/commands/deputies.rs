//! Commands for 代表委员进社区: deputies, pairs, reception points, visits and suggestions.

use tauri::{AppHandle, State};

use crate::common::files;
use crate::error::Result;
use crate::paths::today;
use crate::roster::photos::{self, Whose};
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

/// The deputy's photo for the 工作证, picked in the system's file dialog (the web view needs no
/// file-system permission); returns the deputy as now (its form keeps the new version), or
/// nothing when no file was chosen.
pub async fn deputy_photo_pick(app: AppHandle, state: State<'_, AppState>, id: i64) -> Result<Option<Deputy>> {
    let picked = super::dialogs::pick(&app, "选择代表委员照片", files::IMAGES, false);
    let Some(path) = picked.into_iter().next() else { return Ok(None) };
    let pool = super::pool(&state)?;
    photos::set(&pool, &state.data_dir, Whose::Deputy(id), &path).await?;
    Ok(Some(deputies::get(&pool, id).await?))
}

/// Moves the deputy's photo to the recycle bin; returns the deputy as now.
pub async fn deputy_photo_clear(state: State<'_, AppState>, id: i64) -> Result<Deputy> {
    let pool = super::pool(&state)?;
    photos::clear(&pool, &state.data_dir, Whose::Deputy(id)).await?;
    deputies::get(&pool, id).await
}

pub async fn deputy_photo_get(state: State<'_, AppState>, id: i64) -> Result<Option<String>> {
    photos::data_url(&super::pool(&state)?, &state.data_dir, Whose::Deputy(id)).await
}
