//! Reading a backup back: the zip opened, the manifest read, every entry checked against its size
//! and SHA-256 while it is written to a staging folder, and the database in it checked
//! (`integrity_check`, its schema not newer than this build's). Any fault refuses the file with
//! its reason and leaves the data folder as it was.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use zip::ZipArchive;

use super::manifest::{copy_hashed, target_of, CopyError, Manifest, DB_ENTRY, FORMAT, FORMAT_VERSION, MANIFEST};
use super::{snapshot, words};
use crate::common::files::STORED_DIRS;
use crate::error::{Error, Result};

/// The field a refused backup is reported at (the file the user picked).
pub const FILE_FIELD: &str = "file";

fn refuse(message: String) -> Error {
    Error::validation(FILE_FIELD, message)
}

fn display_name(file: &Path) -> String {
    file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

fn open(file: &Path) -> Result<ZipArchive<File>> {
    let name = display_name(file);
    let handle = File::open(file).map_err(|e| refuse(words::unreadable(&name, &crate::error::io_message(&e))))?;
    ZipArchive::new(handle).map_err(|_| refuse(words::not_ours(&name)))
}

fn manifest(zip: &mut ZipArchive<File>, name: &str) -> Result<Manifest> {
    let mut text = String::new();
    zip.by_name(MANIFEST)
        .map_err(|_| refuse(words::not_ours(name)))?
        .read_to_string(&mut text)
        .map_err(|_| refuse(words::damaged(name, MANIFEST)))?;
    let manifest: Manifest = serde_json::from_str(&text).map_err(|_| refuse(words::not_ours(name)))?;
    if manifest.format != FORMAT {
        return Err(refuse(words::not_ours(name)));
    }
    if manifest.format_version > FORMAT_VERSION || manifest.schema_version > crate::db::latest_schema_version() {
        return Err(refuse(words::newer(name, manifest.schema_version, crate::db::latest_schema_version())));
    }
    if !manifest.entries.iter().any(|e| e.name == DB_ENTRY) {
        return Err(refuse(words::damaged(name, DB_ENTRY)));
    }
    if let Some(stray) = manifest.entries.iter().find(|e| target_of(&e.name).is_none()) {
        return Err(refuse(words::damaged(name, &stray.name)));
    }
    Ok(manifest)
}

/// Writes every entry of the backup into `into` (as it goes in the data folder), checking each
/// against the manifest; the folders of stored files are made even when empty.
fn extract(zip: &mut ZipArchive<File>, manifest: &Manifest, name: &str, into: &Path) -> Result<()> {
    for dir in STORED_DIRS {
        std::fs::create_dir_all(into.join(dir))?;
    }
    for entry in &manifest.entries {
        let target = into.join(target_of(&entry.name).unwrap_or_default());
        let mut source = zip.by_name(&entry.name).map_err(|_| refuse(words::damaged(name, &entry.name)))?;
        let mut out = File::create(&target)?;
        let (bytes, sha256) = copy_hashed(&mut source, &mut out).map_err(|e| match e {
            // Whatever fails while reading an entry (its CRC, its compressed stream cut or
            // garbled) is damage; failing to write it is the disk's fault.
            CopyError::Read(_) => refuse(words::damaged(name, &entry.name)),
            CopyError::Write(e) => Error::Io(e),
        })?;
        if bytes != entry.bytes || sha256 != entry.sha256 {
            return Err(refuse(words::damaged(name, &entry.name)));
        }
        out.sync_all()?;
    }
    Ok(())
}

/// Checks the backup `file` entry by entry into the folder `into` (made, and left for the caller
/// to use or remove); returns its manifest.
pub async fn check_into(file: &Path, into: &Path) -> Result<Manifest> {
    let name = display_name(file);
    let (file, into) = (file.to_owned(), into.to_owned());
    let (manifest, into) = tokio::task::spawn_blocking(move || -> Result<(Manifest, std::path::PathBuf)> {
        let mut zip = open(&file)?;
        let manifest = manifest(&mut zip, &display_name(&file))?;
        std::fs::create_dir_all(&into)?;
        extract(&mut zip, &manifest, &display_name(&file), &into)?;
        Ok((manifest, into))
    })
    .await
    .map_err(|e| Error::Io(std::io::Error::other(e.to_string())))??;
    let described = snapshot::describe(&into.join(crate::db::DB_FILE))
        .await
        .map_err(|_| refuse(words::damaged(&name, DB_ENTRY)))?;
    if !described.intact
        || described.schema_version != manifest.schema_version
        || !described.counts.contains_key("members")
    {
        return Err(refuse(words::damaged(&name, DB_ENTRY)));
    }
    Ok(manifest)
}
