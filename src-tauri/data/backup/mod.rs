//! 备份与恢复: a backup is one zip holding a consistent snapshot of the database, every file the
//! records point to (photos, evidence, agreement scans, the emblem) and a manifest with versions,
//! counts and checksums ([`manifest`]). A restore checks the file through and through, backs the
//! current data up aside, then swaps the data folder's contents ([`swap`]). Automatic backups at
//! most once a day, with a retention, are in [`auto`].

mod archive;
pub mod auto;
pub mod manifest;
mod restore;
mod snapshot;
pub mod swap;
mod words;

use std::path::{Path, PathBuf};

use serde::Serialize;
use sqlx::SqlitePool;
use ts_rs::TS;

use crate::error::Result;
use manifest::Manifest;
pub use restore::FILE_FIELD;

/// A backup written or read: where, when, by which version, and what it holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupInfo {
    pub path: String,
    /// When the snapshot was taken (UTC, RFC 3339).
    pub created_at: String,
    pub app_version: String,
    pub schema_version: i64,
    pub organizations: i64,
    pub members: i64,
    /// Photos, evidence, scans and the emblem.
    pub files: usize,
    #[ts(type = "number")]
    pub bytes: u64,
}

impl BackupInfo {
    fn of(path: &Path, manifest: &Manifest, bytes: u64) -> Self {
        BackupInfo {
            path: path.display().to_string(),
            created_at: manifest.created_at.clone(),
            app_version: manifest.app_version.clone(),
            schema_version: manifest.schema_version,
            organizations: manifest.count("organizations"),
            members: manifest.count("members"),
            files: manifest.files(),
            bytes,
        }
    }
}

fn size(path: &Path) -> u64 {
    std::fs::metadata(path).map(|m| m.len()).unwrap_or(0)
}

/// 立即备份: writes the whole data to `target` (whole or not at all).
pub async fn create(pool: &SqlitePool, data_dir: &Path, target: &Path) -> Result<BackupInfo> {
    let (manifest, bytes) = archive::write(pool, data_dir, target).await?;
    tracing::info!(files = manifest.files(), bytes, "backup written");
    Ok(BackupInfo::of(target, &manifest, bytes))
}

/// Checks the backup `file` through (every checksum, the database's integrity and version)
/// without changing anything, and says what it holds.
pub async fn inspect(data_dir: &Path, file: &Path) -> Result<BackupInfo> {
    let scratch = archive::scratch(data_dir, "inspect");
    let manifest = restore::check_into(file, &scratch.0).await?;
    Ok(BackupInfo::of(file, &manifest, size(file)))
}

/// A restore made ready: what will come back, and where the data it replaces were saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Restored {
    pub restored: BackupInfo,
    pub aside: BackupInfo,
    /// The data could not be swapped while the program runs (a file still in use, as Windows
    /// can report): the restore is ready and is finished at the next start, before the
    /// database opens. Until then the current data are open and must not be changed.
    pub finish_at_restart: bool,
}

/// Checks `file` into the staging folder, saves the current data to `aside` (a backup like any
/// other), and marks the restore ready. Nothing of the data folder has changed yet: the caller
/// closes the database and calls [`swap::finish_pending`], then opens it again.
pub async fn prepare_restore(pool: &SqlitePool, data_dir: &Path, file: &Path, aside: &Path) -> Result<Restored> {
    swap::discard(data_dir);
    let prepared = async {
        let manifest = restore::check_into(file, &data_dir.join(swap::STAGING)).await?;
        let aside = create(pool, data_dir, aside).await?;
        swap::mark_ready(data_dir)?;
        Ok(Restored { restored: BackupInfo::of(file, &manifest, size(file)), aside, finish_at_restart: false })
    }
    .await;
    if prepared.is_err() {
        swap::discard(data_dir);
    }
    prepared
}

/// The name of the backup saved aside before a restore, in `folder`.
pub fn aside_path(folder: &Path, now: chrono::DateTime<chrono::Local>) -> PathBuf {
    folder.join(format!("恢复前的数据-{}.zip", now.format("%Y-%m-%d-%H%M%S")))
}
