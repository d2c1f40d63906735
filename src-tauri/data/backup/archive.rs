//! Writing a backup: a consistent snapshot of the live database (`VACUUM INTO`, which includes
//! what still sits in the WAL), the data folder's stored files and the manifest, zipped into a part
//! file that is synced and renamed over the target — a backup is whole or absent.

use std::collections::BTreeMap;
use std::fs::File;
use std::path::{Path, PathBuf};

use sqlx::SqlitePool;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use super::manifest::{
    copy_hashed, target_of, CopyError, Entry, Manifest, DB_ENTRY, FILES, FORMAT, FORMAT_VERSION, MANIFEST,
};
use super::snapshot;
use crate::common::files::{part_path, EMBLEM, EMBLEM_EXTENSIONS, STORED_DIRS};
use crate::error::{Error, Result};

/// A file removed when dropped: the snapshot, whatever happens to the backup.
pub(super) struct Scratch(pub PathBuf);

impl Drop for Scratch {
    fn drop(&mut self) {
        if self.0.is_dir() {
            let _ = super::swap::patiently(|| std::fs::remove_dir_all(&self.0));
        } else if self.0.exists() {
            let _ = super::swap::patiently(|| std::fs::remove_file(&self.0));
        }
    }
}

/// A scratch path in the data folder (same disk as the database, so the snapshot needs no copy).
pub(super) fn scratch(data_dir: &Path, what: &str) -> Scratch {
    Scratch(data_dir.join(format!(".{what}-{}", uuid::Uuid::new_v4())))
}

/// Snapshots the database and writes the backup to `target`; returns its manifest and size.
pub async fn write(pool: &SqlitePool, data_dir: &Path, target: &Path) -> Result<(Manifest, u64)> {
    let snap = scratch(data_dir, "backup.db");
    sqlx::query("VACUUM INTO ?1").bind(snap.0.to_string_lossy().into_owned()).execute(pool).await?;
    let described = snapshot::describe(&snap.0).await?;
    let base = Manifest {
        format: FORMAT.into(),
        format_version: FORMAT_VERSION,
        app_version: env!("CARGO_PKG_VERSION").into(),
        schema_version: described.schema_version,
        created_at: crate::db::now(),
        counts: described.counts,
        entries: vec![],
    };
    let (data_dir, target) = (data_dir.to_owned(), target.to_owned());
    let written = tokio::task::spawn_blocking(move || zip_to(&snap.0, &data_dir, &target, base))
        .await
        .map_err(|e| Error::Io(std::io::Error::other(e.to_string())))?;
    written
}

/// The data folder's stored files, by their names in the zip, in a stable order.
fn stored_files(data_dir: &Path) -> Result<BTreeMap<String, PathBuf>> {
    let mut files = BTreeMap::new();
    for dir in STORED_DIRS {
        let Ok(listing) = std::fs::read_dir(data_dir.join(dir)) else { continue };
        for item in listing {
            let item = item?;
            let name = format!("{FILES}{dir}/{}", item.file_name().to_string_lossy());
            // Part files of a copy under way and anything else a backup never restores stay out.
            if item.file_type()?.is_file() && target_of(&name).is_some() && !name.ends_with(".part") {
                files.insert(name, item.path());
            }
        }
    }
    for ext in EMBLEM_EXTENSIONS {
        let path = data_dir.join(format!("{EMBLEM}.{ext}"));
        if path.is_file() {
            files.insert(format!("{FILES}{EMBLEM}.{ext}"), path);
        }
    }
    Ok(files)
}

fn zip_error(e: zip::result::ZipError) -> Error {
    Error::Io(std::io::Error::other(e))
}

fn zip_to(snapshot: &Path, data_dir: &Path, target: &Path, mut manifest: Manifest) -> Result<(Manifest, u64)> {
    let part = part_path(target);
    let result = (|| {
        let mut zip = ZipWriter::new(File::create(&part).map_err(|e| Error::file(target, e))?);
        let packed = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
        // Photos, scans and PDFs are compressed already.
        let stored = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
        let add = |zip: &mut ZipWriter<File>, name: &str, path: &Path, options| -> Result<Entry> {
            zip.start_file(name, options).map_err(zip_error)?;
            let mut source = File::open(path).map_err(|e| Error::file(path, e))?;
            let (bytes, sha256) = copy_hashed(&mut source, zip).map_err(|e| match e {
                CopyError::Read(e) => Error::file(path, e),
                CopyError::Write(e) => Error::file(target, e),
            })?;
            Ok(Entry { name: name.to_owned(), bytes, sha256 })
        };
        manifest.entries.push(add(&mut zip, DB_ENTRY, snapshot, packed)?);
        for (name, path) in stored_files(data_dir)? {
            manifest.entries.push(add(&mut zip, &name, &path, stored)?);
        }
        zip.start_file(MANIFEST, packed).map_err(zip_error)?;
        let text = serde_json::to_vec_pretty(&manifest).map_err(|e| Error::Io(std::io::Error::other(e)))?;
        std::io::Write::write_all(&mut zip, &text).map_err(|e| Error::file(target, e))?;
        let file = zip.finish().map_err(zip_error)?;
        file.sync_all().map_err(|e| Error::file(target, e))?;
        let bytes = file.metadata().map_err(|e| Error::file(target, e))?.len();
        drop(file);
        std::fs::rename(&part, target).map_err(|e| Error::file(target, e))?;
        Ok(bytes)
    })();
    match result {
        Ok(bytes) => Ok((manifest, bytes)),
        Err(e) => {
            let _ = std::fs::remove_file(&part);
            Err(e)
        }
    }
}
