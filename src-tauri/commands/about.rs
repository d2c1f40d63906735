//! Commands for the 关于 page: what the app and its data are, opening its folders, and
//! 导出诊断信息 to a zip the user chooses.

use tauri::{AppHandle, State};

use crate::about::diagnostics::{self, DiagnosticsSaved};
use crate::about::{self, AboutInfo, Folder};
use crate::common::files;
use crate::error::Result;
use crate::paths::today;
use crate::state::AppState;

pub async fn about_info(state: State<'_, AppState>) -> Result<AboutInfo> {
    about::info(&super::pool(&state)?, &state.data_dir).await
}

/// Opens the data or log folder in the system's file manager.
pub async fn about_open_folder(app: AppHandle, state: State<'_, AppState>, folder: Folder) -> Result<()> {
    let path = folder.path(&state.data_dir);
    std::fs::create_dir_all(&path)?;
    super::dialogs::open(&app, &path, "文件夹")
}

/// Asks where to save and writes the diagnostic zip there; `None` when the user cancels.
pub async fn about_export_diagnostics(app: AppHandle, state: State<'_, AppState>) -> Result<Option<DiagnosticsSaved>> {
    let file_name = format!("三亮四进诊断信息-{}.zip", today().format("%Y%m%d"));
    let Some(mut target) = super::dialogs::save(&app, "导出诊断信息", &file_name, files::ZIP) else {
        return Ok(None);
    };
    if target.extension().is_none() {
        target.set_extension("zip");
    }
    let logs = diagnostics::write(&super::pool(&state)?, &state.data_dir, &target, today()).await?;
    Ok(Some(DiagnosticsSaved { path: target.display().to_string(), logs }))
}
