//! The system's file dialogs, opened here in Rust so the web view needs no file-system
//! permission. Unattended end-to-end tests answer them through the environment:
//! `SANLIANG_PICK` names the files an open dialog picks (a path list, `:`-separated on Linux,
//! `;` on Windows) and `SANLIANG_SAVE_AS` the file a save dialog saves to.

use std::path::PathBuf;

use tauri::AppHandle;
use tauri_plugin_dialog::DialogExt;

use crate::common::files::FileKind;

const PICK_ENV: &str = "SANLIANG_PICK";
const SAVE_AS_ENV: &str = "SANLIANG_SAVE_AS";

/// Asks for files to open (several when `multiple`); empty when the user cancels.
pub(crate) fn pick(app: &AppHandle, title: &str, kind: FileKind, multiple: bool) -> Vec<PathBuf> {
    if let Some(list) = std::env::var_os(PICK_ENV) {
        let files: Vec<PathBuf> = std::env::split_paths(&list).collect();
        return if multiple { files } else { files.into_iter().take(1).collect() };
    }
    let dialog = app.dialog().file().set_title(title).add_filter(kind.label, kind.extensions);
    if multiple {
        dialog.blocking_pick_files().unwrap_or_default().into_iter().filter_map(|p| p.into_path().ok()).collect()
    } else {
        dialog.blocking_pick_file().and_then(|p| p.into_path().ok()).into_iter().collect()
    }
}

/// Asks where to save, proposing `file_name`; `None` when the user cancels.
pub(crate) fn save(app: &AppHandle, title: &str, file_name: &str, kind: FileKind) -> Option<PathBuf> {
    if let Some(path) = std::env::var_os(SAVE_AS_ENV) {
        return Some(PathBuf::from(path));
    }
    app.dialog()
        .file()
        .set_title(title)
        .set_file_name(file_name)
        .add_filter(kind.label, kind.extensions)
        .blocking_save_file()
        .and_then(|p| p.into_path().ok())
}
