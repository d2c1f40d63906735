//! Commands of 操作记录: the log under a filter (or one member's), and who is working.

use tauri::State;

use crate::data::history::{self, HistoryFilter, HistoryPage};
use crate::error::Result;
use crate::state::AppState;

pub async fn history_list(state: State<'_, AppState>, filter: HistoryFilter) -> Result<HistoryPage> {
    history::list(&super::pool(&state)?, &filter).await
}

pub async fn history_operator(state: State<'_, AppState>) -> Result<String> {
    history::operator(&super::pool(&state)?).await
}

/// Sets 操作人; returns the name as kept (trimmed).
pub async fn history_set_operator(state: State<'_, AppState>, name: String) -> Result<String> {
    history::set_operator(&super::pool(&state)?, &name).await
}
