//! Commands of 回收站: what is in it, putting a record back, and emptying it after the question.

use tauri::State;

use crate::data::bin::{self, BinEmptied, BinEntry, BinKey};
use crate::error::Result;
use crate::state::AppState;

pub async fn bin_list(state: State<'_, AppState>) -> Result<Vec<BinEntry>> {
    bin::list(&super::pool(&state)?).await
}

pub async fn bin_restore(state: State<'_, AppState>, key: BinKey) -> Result<()> {
    bin::restore(&super::pool(&state)?, &state.data_dir, &key).await
}

/// What emptying would remove, for the question.
pub async fn bin_preview_empty(state: State<'_, AppState>) -> Result<BinEmptied> {
    bin::preview_empty(&super::pool(&state)?).await
}

pub async fn bin_empty(state: State<'_, AppState>) -> Result<BinEmptied> {
    bin::empty(&super::pool(&state)?, &state.data_dir).await
}
