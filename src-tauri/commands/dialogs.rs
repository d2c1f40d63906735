//! The system's file dialogs, opened here in Rust so the web view needs no file-system
//! permission, and opening a file in the system's program for its type. Unattended end-to-end
//! tests answer them through launch settings ([`Setting::Pick`]: the files an open dialog picks;
//! [`Setting::SaveAs`]: the file a save dialog saves to, or the folder it saves the proposed name in; [`Setting::OpenedLog`]: where the files
//! the app would open are listed instead).

use std::path::PathBuf;

use tauri::AppHandle;
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;

use crate::common::files::FileKind;
use crate::error::{Error, Result};
use crate::paths::Setting;

/// Asks for files to open (several when `multiple`); empty when the user cancels.
pub(crate) fn pick(app: &AppHandle, title: &str, kind: FileKind, multiple: bool) -> Vec<PathBuf> {
    if let Some(list) = Setting::Pick.read() {
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
    save_in(app, title, None, file_name, kind)
}

/// As [`save`], starting in the folder `dir` when it is given.
pub(crate) fn save_in(
    app: &AppHandle,
    title: &str,
    dir: Option<&std::path::Path>,
    file_name: &str,
    kind: FileKind,
) -> Option<PathBuf> {
    if let Some(path) = Setting::SaveAs.read() {
        let path = PathBuf::from(path);
        return Some(if path.is_dir() { path.join(file_name) } else { path });
    }
    let mut dialog =
        app.dialog().file().set_title(title).set_file_name(file_name).add_filter(kind.label, kind.extensions);
    if let Some(dir) = dir.filter(|d| d.is_dir()) {
        dialog = dialog.set_directory(dir);
    }
    dialog.blocking_save_file().and_then(|p| p.into_path().ok())
}

/// Asks for a folder; `None` when the user cancels. Tests answer with the first path of
/// [`Setting::Pick`].
pub(crate) fn pick_folder(app: &AppHandle, title: &str) -> Option<PathBuf> {
    if let Some(list) = Setting::Pick.read() {
        return std::env::split_paths(&list).next();
    }
    app.dialog().file().set_title(title).blocking_pick_folder().and_then(|p| p.into_path().ok())
}

/// Opens `path` in the system's program for its type (`what` names it in the message: "PDF").
pub(crate) fn open(app: &AppHandle, path: &std::path::Path, what: &str) -> Result<()> {
    if let Some(log) = Setting::OpenedLog.read() {
        let line = format!("{}\n", path.display());
        let mut file = std::fs::OpenOptions::new().create(true).append(true).open(&log)?;
        return Ok(std::io::Write::write_all(&mut file, line.as_bytes())?);
    }
    app.opener()
        .open_path(path.to_string_lossy(), None::<&str>)
        .map_err(|e| Error::Io(std::io::Error::other(format!("无法用系统程序打开{what}：{e}"))))
}
