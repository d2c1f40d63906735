//! What a backup says about itself (`manifest.json`): that it is ours, which version of the app
//! and of the database wrote it, how many records each table held, and every entry's size and
//! SHA-256 — so a restore can tell a whole backup from a damaged, truncated or foreign file.

use std::collections::BTreeMap;
use std::io::{Read, Write};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The manifest's `format`: marks a zip as one of ours.
pub const FORMAT: &str = "sanliang-siji-backup";
/// The layout of the zip this build writes; a newer one is refused.
pub const FORMAT_VERSION: u32 = 1;
/// The manifest's name inside the zip.
pub const MANIFEST: &str = "manifest.json";
/// The database snapshot's name inside the zip.
pub const DB_ENTRY: &str = "sanliang.db";
/// The folder inside the zip that holds the data folder's files (`files/photos/…`, `files/emblem.png`).
pub const FILES: &str = "files/";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Manifest {
    pub format: String,
    pub format_version: u32,
    pub app_version: String,
    /// The latest migration applied to the database in the backup.
    pub schema_version: i64,
    /// When the snapshot was taken (UTC, RFC 3339).
    pub created_at: String,
    /// Records per table of the snapshot (those not deleted).
    pub counts: BTreeMap<String, i64>,
    pub entries: Vec<Entry>,
}

/// One file of the backup: its name in the zip, size and SHA-256 (lower-case hex).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub name: String,
    pub bytes: u64,
    pub sha256: String,
}

impl Manifest {
    /// How many rows `table` held, 0 when the backup does not have it.
    pub fn count(&self, table: &str) -> i64 {
        self.counts.get(table).copied().unwrap_or(0)
    }

    /// The data folder's files in the backup (everything but the database).
    pub fn files(&self) -> usize {
        self.entries.iter().filter(|e| e.name != DB_ENTRY).count()
    }
}

/// Where an entry goes in the data folder, or `None` for a name a backup of ours never holds
/// (so a crafted zip cannot write outside the data folder, `../` or `C:\`).
pub fn target_of(name: &str) -> Option<String> {
    if name == DB_ENTRY {
        return Some(crate::db::DB_FILE.to_owned());
    }
    let rest = name.strip_prefix(FILES)?;
    let plain =
        |s: &str| !s.is_empty() && s != "." && s != ".." && !s.contains(['/', '\\', ':']) && !s.starts_with('.');
    match rest.split_once('/') {
        Some((dir, file)) if crate::common::files::STORED_DIRS.contains(&dir) && plain(file) => Some(rest.to_owned()),
        None if crate::common::files::EMBLEM_EXTENSIONS
            .iter()
            .any(|ext| rest == format!("{}.{ext}", crate::common::files::EMBLEM)) =>
        {
            Some(rest.to_owned())
        }
        _ => None,
    }
}

/// A copy that failed: reading what was copied (in a backup: damage), or writing it (the disk).
#[derive(Debug)]
pub enum CopyError {
    Read(std::io::Error),
    Write(std::io::Error),
}

/// Copies `from` into `to`, returning the bytes copied and their SHA-256.
pub fn copy_hashed(from: &mut impl Read, to: &mut impl Write) -> Result<(u64, String), CopyError> {
    let mut hasher = Sha256::new();
    let mut buffer = vec![0u8; 64 * 1024];
    let mut total = 0u64;
    loop {
        let n = match from.read(&mut buffer) {
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(CopyError::Read(e)),
        };
        if n == 0 {
            break;
        }
        hasher.update(&buffer[..n]);
        to.write_all(&buffer[..n]).map_err(CopyError::Write)?;
        total += n as u64;
    }
    let digest = hasher.finalize();
    Ok((total, digest.iter().map(|b| format!("{b:02x}")).collect()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_names_a_backup_writes_have_a_place_in_the_data_folder() {
        assert_eq!(target_of("sanliang.db").as_deref(), Some("sanliang.db"));
        assert_eq!(target_of("files/photos/a1.jpg").as_deref(), Some("photos/a1.jpg"));
        assert_eq!(target_of("files/agreements/协议 扫描.pdf").as_deref(), Some("agreements/协议 扫描.pdf"));
        assert_eq!(target_of("files/emblem.png").as_deref(), Some("emblem.png"));
        for bad in [
            "files/../sanliang.db",
            "files/photos/../../x",
            "files/photos/a/b.jpg",
            "files/photos/",
            "files/photos/..",
            "files/photos/.hidden",
            "files/logs/a.log",
            "files/emblem.gif",
            "files/C:\\x.jpg",
            "files/photos/C:x",
            "/etc/passwd",
            "manifest.json",
            "sanliang.db-wal",
        ] {
            assert_eq!(target_of(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_copy_counts_and_hashes_what_it_copied() {
        let mut out = Vec::new();
        let (bytes, sha) = copy_hashed(&mut &b"abc"[..], &mut out).unwrap();
        assert_eq!((bytes, out.as_slice()), (3, &b"abc"[..]));
        // The SHA-256 of "abc" from FIPS 180-2, appendix B.1.
        assert_eq!(sha, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
