//! Commands of 数据备份: where backups go and the last one taken, 立即备份 to a file the user
//! chooses, choosing the folder, and 恢复 — a backup picked and checked first, then put in place
//! with the current data saved aside, and the database opened again.

use std::path::PathBuf;

use tauri::{AppHandle, State};

use crate::common::files;
use crate::data::backup::swap::Swapped;
use crate::data::backup::{self, auto, BackupInfo, Restored};
use crate::error::{Error, Result};
use crate::paths::today;
use crate::state::AppState;

pub async fn backup_status(state: State<'_, AppState>) -> Result<auto::BackupStatus> {
    let folder = state.backup_folder().await?;
    auto::status(&super::pool(&state)?, &folder).await
}

/// 立即备份: asks where (in the backup folder, named by today's date) and writes the backup;
/// `None` when the user cancels.
pub async fn backup_now(app: AppHandle, state: State<'_, AppState>) -> Result<Option<BackupInfo>> {
    let folder = state.backup_folder().await?;
    let _ = std::fs::create_dir_all(&folder);
    let name = format!("三亮四进备份-{}.zip", today().format("%Y-%m-%d"));
    let Some(mut target) = super::dialogs::save_in(&app, "立即备份", Some(&folder), &name, files::ZIP) else {
        return Ok(None);
    };
    if target.extension().is_none() {
        target.set_extension("zip");
    }
    auto::take(&super::pool(&state)?, &state.data_dir, &target, false).await.map(Some)
}

/// Asks for the folder backups go to and remembers it; `None` when the user cancels.
pub async fn backup_choose_folder(app: AppHandle, state: State<'_, AppState>) -> Result<Option<String>> {
    let Some(folder) = super::dialogs::pick_folder(&app, "选择备份文件夹") else { return Ok(None) };
    auto::set_folder(&super::pool(&state)?, &folder).await?;
    Ok(Some(folder.display().to_string()))
}

/// Opens the backup folder in the system's file manager.
pub async fn backup_open_folder(app: AppHandle, state: State<'_, AppState>) -> Result<()> {
    let folder = state.backup_folder().await?;
    std::fs::create_dir_all(&folder).map_err(|e| Error::file(&folder, e))?;
    super::dialogs::open(&app, &folder, "文件夹")
}

fn hold(state: &AppState, file: Option<PathBuf>) {
    if let Ok(mut held) = state.pending_restore.lock() {
        *held = file;
    }
}

/// Asks for a backup file and checks it through; what it holds, or `None` when the user cancels.
/// A damaged, truncated, foreign or newer file is refused here, before anything is asked.
pub async fn backup_pick(app: AppHandle, state: State<'_, AppState>) -> Result<Option<BackupInfo>> {
    hold(&state, None);
    let picked = super::dialogs::pick(&app, "选择要恢复的备份文件", files::ZIP, false);
    let Some(file) = picked.into_iter().next() else { return Ok(None) };
    let info = backup::inspect(&state.data_dir, &file).await?;
    hold(&state, Some(file));
    Ok(Some(info))
}

/// 恢复: puts the picked backup in place of the current data, which are saved aside first;
/// the database is opened again on the restored data.
pub async fn backup_restore(state: State<'_, AppState>) -> Result<Restored> {
    let file = state
        .pending_restore
        .lock()
        .ok()
        .and_then(|mut held| held.take())
        .ok_or_else(|| Error::validation(backup::FILE_FIELD, "请先选择要恢复的备份文件"))?;
    let folder = state.backup_folder().await?;
    std::fs::create_dir_all(&folder).map_err(|e| Error::file(&folder, e))?;
    let aside = backup::aside_path(&folder, chrono::Local::now());
    let restored = backup::prepare_restore(&super::pool(&state)?, &state.data_dir, &file, &aside).await?;
    match state.reopen(|| backup::swap::finish_now(&state.data_dir)).await? {
        Swapped::Now => {
            tracing::info!(members = restored.restored.members, "restored from a backup");
            Ok(restored)
        }
        Swapped::AtNextStart(why) => {
            tracing::warn!("restore left for the next start: {}", why.to_ipc().message);
            Ok(Restored { finish_at_restart: true, ..restored })
        }
    }
}

/// 立即重新启动, when a restore is left for the next start: the database closed (its WAL written
/// back), then the program starts again and finishes the restore before it opens the data.
pub async fn backup_restart(app: AppHandle, state: State<'_, AppState>) -> Result<()> {
    state.close_db().await;
    tracing::info!("restarting to finish a restore");
    app.restart()
}
