//! Commands for 亮承诺 pledges: drafts, publication, progress with evidence, closing, appraisal.

use tauri::{AppHandle, State};

use crate::common::files;
use crate::error::Result;
use crate::paths::today;
use crate::sanliang::pledges::cycle::{self, AppraisalInput, CloseInput, ProgressInput};
use crate::sanliang::pledges::{self, CopySummary, Evidence, Pledge, PledgeInput, PledgePage, PledgeQuery, PledgeRow};
use crate::state::AppState;

pub async fn pledge_search(state: State<'_, AppState>, query: PledgeQuery) -> Result<PledgePage> {
    pledges::search(&super::pool(&state)?, &query, today()).await
}

pub async fn pledge_get(state: State<'_, AppState>, id: i64) -> Result<Pledge> {
    pledges::get(&super::pool(&state)?, id, today()).await
}

pub async fn pledge_create(state: State<'_, AppState>, input: PledgeInput) -> Result<Pledge> {
    pledges::create(&super::pool(&state)?, &input, today()).await
}

pub async fn pledge_update(state: State<'_, AppState>, id: i64, input: PledgeInput) -> Result<Pledge> {
    pledges::update(&super::pool(&state)?, id, &input, today()).await
}

pub async fn pledge_publish(state: State<'_, AppState>, id: i64, published_on: String) -> Result<Pledge> {
    pledges::publish(&super::pool(&state)?, id, &published_on, today()).await
}

pub async fn pledge_delete(state: State<'_, AppState>, id: i64) -> Result<()> {
    pledges::delete(&super::pool(&state)?, id).await
}

pub async fn pledge_copy_year(
    state: State<'_, AppState>,
    org_id: Option<i64>,
    from_year: i32,
    to_year: i32,
) -> Result<CopySummary> {
    pledges::copy_year(&super::pool(&state)?, org_id, from_year, to_year, today()).await
}

pub async fn pledge_of_member(state: State<'_, AppState>, member_id: i64) -> Result<Vec<PledgeRow>> {
    pledges::of_member(&super::pool(&state)?, member_id, today()).await
}

pub async fn pledge_progress_add(state: State<'_, AppState>, input: ProgressInput) -> Result<Pledge> {
    cycle::add_progress(&super::pool(&state)?, &input, today()).await
}

pub async fn pledge_close(state: State<'_, AppState>, input: CloseInput) -> Result<Pledge> {
    cycle::close(&super::pool(&state)?, &input, today()).await
}

pub async fn pledge_appraise(state: State<'_, AppState>, input: AppraisalInput) -> Result<Pledge> {
    cycle::appraise(&super::pool(&state)?, &input, today()).await
}

/// Opens the system's file dialog here, in Rust, so the web view needs no file-system
/// permission; copies the chosen files as evidence of a progress entry.
pub async fn pledge_evidence_pick(
    app: AppHandle,
    state: State<'_, AppState>,
    progress_id: i64,
) -> Result<Vec<Evidence>> {
    let files = super::dialogs::pick(&app, "选择践诺证明材料", files::EVIDENCE, true);
    if files.is_empty() {
        return Ok(Vec::new());
    }
    cycle::attach_evidence(&super::pool(&state)?, &state.data_dir, progress_id, &files).await
}

/// Opens an evidence file in the system's viewer for its type.
pub async fn pledge_evidence_open(app: AppHandle, state: State<'_, AppState>, id: i64) -> Result<()> {
    let path = cycle::evidence_path(&super::pool(&state)?, &state.data_dir, id).await?;
    super::dialogs::open(&app, &path, "佐证材料")
}

/// Removes an evidence file added by mistake (while the pledge is open).
pub async fn pledge_evidence_remove(state: State<'_, AppState>, id: i64) -> Result<()> {
    cycle::remove_evidence(&super::pool(&state)?, &state.data_dir, id).await
}
