//! Commands of 数据交换: a subtree's exchange file saved where the user chooses, exchange files
//! picked and imported, and the organizations imported so far.

use tauri::{AppHandle, State};

use crate::common::files;
use crate::data::exchange::{self, ExchangeSummary, Imported, ImportedOrg};
use crate::error::{Error, Result};
use crate::paths::today;
use crate::state::AppState;

/// Saves the exchange file of `org_id`'s subtree (the whole database for none), ID numbers and phones only when `personal`;
/// what was written, or none when the user cancels.
pub async fn exchange_export(
    app: AppHandle,
    state: State<'_, AppState>,
    org_id: Option<i64>,
    personal: bool,
) -> Result<Option<ExchangeSummary>> {
    let pool = super::pool(&state)?;
    let proposed = exchange::file_name(&pool, org_id, today()).await?;
    let Some(path) = super::dialogs::save(&app, "导出交换文件", &proposed, files::EXCHANGE) else {
        return Ok(None);
    };
    let (bytes, summary) = exchange::export(&pool, org_id, personal).await?;
    files::write_atomic(&path, &bytes).map_err(|e| Error::file(&path, e))?;
    Ok(Some(summary))
}

/// Imports the exchange files the user picks, all or none; empty when the user cancels.
pub async fn exchange_import(app: AppHandle, state: State<'_, AppState>) -> Result<Vec<Imported>> {
    let picked = super::dialogs::pick(&app, "导入交换文件", files::EXCHANGE, true);
    if picked.is_empty() {
        return Ok(Vec::new());
    }
    exchange::import_files(&super::pool(&state)?, &picked).await
}

/// The organizations imported from exchange files.
pub async fn exchange_imported(state: State<'_, AppState>) -> Result<Vec<ImportedOrg>> {
    exchange::imported(&super::pool(&state)?).await
}
