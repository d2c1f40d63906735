//! Commands of 导出花名册: the roster's current filter saved as an Excel workbook.

use tauri::{AppHandle, State};

use crate::common::files;
use crate::data::export;
use crate::error::{Error, Result};
use crate::paths::today;
use crate::roster::members::MemberQuery;
use crate::state::AppState;

/// Saves the members `query` finds to a workbook the user chooses, ID numbers and phones
/// masked unless `unmasked`; how many were written, or none when the user cancels.
pub async fn export_members(
    app: AppHandle,
    state: State<'_, AppState>,
    query: MemberQuery,
    unmasked: bool,
) -> Result<Option<usize>> {
    let proposed = format!("党员花名册-{}.xlsx", today().format("%Y-%m-%d"));
    let Some(path) = super::dialogs::save(&app, "导出花名册", &proposed, files::XLSX) else { return Ok(None) };
    let (bytes, exported) = export::members_workbook(&super::pool(&state)?, &query, unmasked).await?;
    files::write_atomic(&path, &bytes).map_err(|e| Error::file(&path, e))?;
    Ok(Some(exported.members))
}
