//! Commands of 导入花名册: pick a roster file (read once and kept while the dialog is open),
//! preview it as often as the columns are re-mapped, import it, and save the template and the
//! rows with errors. The web view never sees a path.

use std::path::Path;

use tauri::{AppHandle, State};

use crate::common::files;
use crate::data::import::{self, workbooks, ImportOptions, ImportPreview, ImportReport, PendingImport};
use crate::error::{Error, Result};
use crate::paths::today;
use crate::state::AppState;

fn pending(state: &AppState) -> Result<PendingImport> {
    let held = state.pending_import.lock().map_err(|_| Error::Io(std::io::Error::other("导入状态不可用")))?;
    held.clone().ok_or_else(|| Error::validation("file", "请先选择要导入的花名册文件"))
}

fn write(path: &Path, bytes: &[u8]) -> Result<()> {
    files::write_atomic(path, bytes).map_err(|e| Error::file(path, e))
}

/// Asks for a roster file and reads it; its name, or none when the user cancels.
pub async fn import_pick(app: AppHandle, state: State<'_, AppState>) -> Result<Option<String>> {
    let picked = super::dialogs::pick(&app, "选择花名册（Excel或CSV）", files::ROSTERS, false);
    let Some(path) = picked.into_iter().next() else { return Ok(None) };
    let sheets = import::read(&path).await?;
    let file_name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    if let Ok(mut held) = state.pending_import.lock() {
        *held = Some(PendingImport { file_name: file_name.clone(), sheets });
    }
    Ok(Some(file_name))
}

pub async fn import_preview(state: State<'_, AppState>, options: ImportOptions) -> Result<ImportPreview> {
    let file = pending(&state)?;
    import::preview_sheets(&super::pool(&state)?, &file.sheets, &options, today()).await
}

/// Imports the accepted rows in one transaction; the file is let go once it is in.
pub async fn import_run(state: State<'_, AppState>, options: ImportOptions) -> Result<ImportReport> {
    let file = pending(&state)?;
    let report = import::import_sheets(&super::pool(&state)?, &file.sheets, &options, today()).await?;
    if let Ok(mut held) = state.pending_import.lock() {
        *held = None;
    }
    Ok(report)
}

/// Lets go of the file when the dialog closes without importing.
pub async fn import_close(state: State<'_, AppState>) -> Result<()> {
    if let Ok(mut held) = state.pending_import.lock() {
        *held = None;
    }
    Ok(())
}

/// Saves the blank template; false when the user cancels.
pub async fn import_template(app: AppHandle) -> Result<bool> {
    let Some(path) = super::dialogs::save(&app, "保存花名册模板", "党员花名册模板.xlsx", files::XLSX)
    else {
        return Ok(false);
    };
    write(&path, &workbooks::template()?)?;
    Ok(true)
}

/// Saves the rows with errors, with their reasons, to fix in Excel; false when the user cancels.
pub async fn import_save_errors(app: AppHandle, state: State<'_, AppState>, options: ImportOptions) -> Result<bool> {
    let file = pending(&state)?;
    let preview = import::preview_sheets(&super::pool(&state)?, &file.sheets, &options, today()).await?;
    let stem = Path::new(&file.file_name).file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let proposed = format!("{stem}-未导入的行.xlsx");
    let Some(path) = super::dialogs::save(&app, "保存未导入的行", &proposed, files::XLSX) else {
        return Ok(false);
    };
    write(&path, &workbooks::error_rows(&preview)?)?;
    Ok(true)
}
