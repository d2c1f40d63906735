//! Putting a checked backup in place of the data, safe against a crash at any step: the backup's
//! contents are staged in `.restore/` and a plan (`ready.json`) is written last; then each item of
//! the data folder (the database, its WAL, the stored folders, the emblem) is moved aside and the
//! staged one moved in. Run again after a crash, the plan finishes what was left — so it runs
//! before the database is opened at every start, and while the pool is closed during a restore.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::common::files::{write_atomic, EMBLEM, EMBLEM_EXTENSIONS, STORED_DIRS};
use crate::db::DB_FILE;
use crate::error::{Error, Result};

/// The staging folder inside the data folder.
pub const STAGING: &str = ".restore";
/// The folder the replaced data are moved to until the swap is done.
pub const ASIDE: &str = ".restore-old";
/// The plan, written into the staging folder once everything in it has been checked.
const READY: &str = "ready.json";

/// Each item of the data folder, and whether the backup has one (an item it lacks is removed).
#[derive(Debug, Serialize, Deserialize)]
struct Plan {
    items: Vec<(String, bool)>,
}

/// Marks the staged contents complete: from here on, the restore will be finished.
pub fn mark_ready(data_dir: &Path) -> Result<()> {
    let staging = data_dir.join(STAGING);
    // The old database's WAL and shared memory never belong to the new one.
    let mut items = vec![(format!("{DB_FILE}-wal"), false), (format!("{DB_FILE}-shm"), false)];
    items.push((DB_FILE.to_owned(), true));
    items.extend(STORED_DIRS.iter().map(|d| ((*d).to_owned(), true)));
    for ext in EMBLEM_EXTENSIONS {
        let name = format!("{EMBLEM}.{ext}");
        let present = staging.join(&name).exists();
        items.push((name, present));
    }
    let plan = serde_json::to_vec(&Plan { items }).map_err(|e| std::io::Error::other(e.to_string()))?;
    write_atomic(&staging.join(READY), &plan)?;
    Ok(())
}

/// Whether a restore is staged and marked ready: if it could not be finished now, the next
/// start finishes it before the database opens.
pub fn is_ready(data_dir: &Path) -> bool {
    data_dir.join(STAGING).join(READY).exists()
}

/// How a restore's swap in a running process ended.
#[derive(Debug)]
pub enum Swapped {
    Now,
    /// A file was still in use (a virus scanner, say): the plan stands, and the next start
    /// finishes it before the database opens. Why, for the log and the command line.
    AtNextStart(Error),
}

/// Finishes a staged restore now, as [`finish_pending`] does, in a process that had the database
/// open; a swap the system holds up is left for the next start. With the test hook
/// `Setting::RestoreInUse`, the data are found still in use and nothing is moved.
pub fn finish_now(data_dir: &Path) -> Result<Swapped> {
    let tried = if crate::paths::Setting::RestoreInUse.read().is_some() {
        let wal = data_dir.join(format!("{DB_FILE}-wal"));
        Err(Error::file(&wal, std::io::Error::other("in use (test hook)")))
    } else {
        finish_pending(data_dir)
    };
    match tried {
        Ok(_) => Ok(Swapped::Now),
        Err(e) if is_ready(data_dir) => Ok(Swapped::AtNextStart(e)),
        Err(e) => Err(e),
    }
}

/// Removes a staging folder that was never marked ready (a restore refused or interrupted early).
pub fn discard(data_dir: &Path) {
    let _ = std::fs::remove_dir_all(data_dir.join(STAGING));
}

/// Runs a file operation again while Windows reports the file still in use (sharing violation,
/// or access denied while a just-closed handle lets go: the database's last connection, a virus
/// scanner, the search indexer), for up to ten seconds. Elsewhere it runs once.
pub fn patiently<T>(mut op: impl FnMut() -> std::io::Result<T>) -> std::io::Result<T> {
    let started = std::time::Instant::now();
    let mut pause = std::time::Duration::from_millis(20);
    loop {
        match op() {
            Err(e)
                if cfg!(windows)
                    && matches!(e.raw_os_error(), Some(5 | 32 | 33))
                    && started.elapsed() < std::time::Duration::from_secs(10) =>
            {
                std::thread::sleep(pause);
                pause = (pause * 2).min(std::time::Duration::from_millis(400));
            }
            other => return other,
        }
    }
}

fn remove(path: &Path) -> std::io::Result<()> {
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.is_dir() => std::fs::remove_dir_all(path),
        Ok(_) => std::fs::remove_file(path),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    }
}

/// Finishes a staged restore, if there is one; returns whether one was finished. The database
/// must not be open.
pub fn finish_pending(data_dir: &Path) -> Result<bool> {
    let staging = data_dir.join(STAGING);
    let Ok(text) = std::fs::read(staging.join(READY)) else {
        discard(data_dir);
        return Ok(false);
    };
    let plan: Plan = serde_json::from_slice(&text).map_err(|e| std::io::Error::other(e.to_string()))?;
    let aside = data_dir.join(ASIDE);
    std::fs::create_dir_all(&aside)?;
    for (name, present) in &plan.items {
        let (current, staged, old) = (data_dir.join(name), staging.join(name), aside.join(name));
        if *present && !staged.exists() {
            // Moved in by an earlier run that stopped before the end.
            continue;
        }
        if current.exists() {
            patiently(|| remove(&old)).map_err(|e| Error::file(&old, e))?;
            match patiently(|| std::fs::rename(&current, &old)) {
                // Gone meanwhile: the WAL and shared memory the closing database removes itself.
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                other => other.map_err(|e| Error::file(&current, e))?,
            }
        }
        if *present {
            patiently(|| std::fs::rename(&staged, &current)).map_err(|e| Error::file(&staged, e))?;
        }
    }
    // The plan goes last: until it is gone, a new start finishes the swap.
    patiently(|| std::fs::remove_file(staging.join(READY)))?;
    let _ = std::fs::remove_dir_all(&staging);
    let _ = std::fs::remove_dir_all(&aside);
    tracing::info!("restore finished");
    Ok(true)
}
