//! 自动备份: at most one a day (taken once the first screen is up, and at exit, when the day has
//! none yet), kept in a folder the user can change — by default outside the data folder, which an
//! uninstaller may delete — and thinned to the newest of each of the last 7 days, 4 weeks and 12
//! months. Only files named as automatic backups are ever removed.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use sqlx::SqlitePool;
use ts_rs::TS;

use super::BackupInfo;
use crate::common::settings;
use crate::error::Result;

/// How automatic backups are named: the prefix, then `YYYY-MM-DD-HHMMSS.zip`.
pub const PREFIX: &str = "三亮四进自动备份-";
/// The longest the day's automatic backup waits at start-up for the home page to have all its
/// parts (the window says so): a county's backup reads the whole file (its integrity check, then
/// the copy: ≈4 s of a core), which at once slowed the first screen on a two-core PC by half a
/// second. A session shorter than this has its backup taken at exit.
pub const START_DELAY: std::time::Duration = std::time::Duration::from_secs(60);
/// How many days, weeks and months keep their newest automatic backup.
pub const KEEP: Retention = Retention { days: 7, weeks: 4, months: 12 };

const FOLDER_KEY: &str = "backup.folder";
const LAST_KEY: &str = "backup.last";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Retention {
    pub days: usize,
    pub weeks: usize,
    pub months: usize,
}

/// The day an automatic backup was taken, read from its name.
pub fn day_of(name: &str) -> Option<NaiveDate> {
    let rest = name.strip_prefix(PREFIX)?.strip_suffix(".zip")?;
    NaiveDate::parse_from_str(rest.get(..10)?, "%Y-%m-%d").ok()
}

/// The name of an automatic backup taken at `at` (local time).
pub fn file_name(at: chrono::NaiveDateTime) -> String {
    format!("{PREFIX}{}.zip", at.format("%Y-%m-%d-%H%M%S"))
}

/// Of these automatic backups' names, the ones the retention lets go.
pub fn to_remove(names: &[String], keep: Retention) -> Vec<String> {
    let mut dated: Vec<(NaiveDate, &String)> = names.iter().filter_map(|n| Some((day_of(n)?, n))).collect();
    // Newest first; of one day, the latest name (the time sorts with it).
    dated.sort_by(|a, b| b.cmp(a));
    let mut kept: BTreeSet<&String> = BTreeSet::new();
    let mut periods = |bucket: &dyn Fn(NaiveDate) -> (i32, u32), limit: usize| {
        let mut seen = Vec::new();
        for (day, name) in &dated {
            let key = bucket(*day);
            if !seen.contains(&key) {
                if seen.len() == limit {
                    break;
                }
                seen.push(key);
                kept.insert(*name);
            }
        }
    };
    periods(&|d| (d.year(), d.ordinal()), keep.days);
    periods(&|d| (d.iso_week().year(), d.iso_week().week()), keep.weeks);
    periods(&|d| (d.year(), d.month()), keep.months);
    dated.iter().filter(|(_, n)| !kept.contains(n)).map(|(_, n)| (*n).clone()).collect()
}

/// The automatic backups in `folder`, by name.
fn automatic(folder: &Path) -> Vec<String> {
    let Ok(listing) = std::fs::read_dir(folder) else { return vec![] };
    listing
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| day_of(n).is_some())
        .collect()
}

/// Where backups go: the folder the user chose, else `default`.
pub async fn folder(pool: &SqlitePool, default: &Path) -> Result<PathBuf> {
    let chosen = settings::get(&mut *pool.acquire().await?, FOLDER_KEY).await?;
    Ok(chosen.filter(|f| !f.trim().is_empty()).map(PathBuf::from).unwrap_or_else(|| default.to_owned()))
}

/// Remembers the folder the user chose for backups.
pub async fn set_folder(pool: &SqlitePool, folder: &Path) -> Result<()> {
    std::fs::create_dir_all(folder).map_err(|e| crate::error::Error::file(folder, e))?;
    settings::set(&mut *pool.acquire().await?, FOLDER_KEY, &folder.display().to_string()).await
}

/// The last backup taken, by hand or automatically, and how it went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LastBackup {
    /// When it was taken (UTC, RFC 3339).
    pub at: String,
    pub path: String,
    pub automatic: bool,
    /// Why it failed, in Chinese; `None` when it was written.
    pub failed: Option<String>,
}

pub async fn last(pool: &SqlitePool) -> Result<Option<LastBackup>> {
    let text = settings::get(&mut *pool.acquire().await?, LAST_KEY).await?;
    Ok(text.and_then(|t| serde_json::from_str(&t).ok()))
}

async fn remember(pool: &SqlitePool, last: &LastBackup) -> Result<()> {
    let text = serde_json::to_string(last).map_err(|e| std::io::Error::other(e.to_string()))?;
    settings::set(&mut *pool.acquire().await?, LAST_KEY, &text).await
}

/// Writes a backup to `target` and remembers how it went (by hand or automatic, and why it
/// failed) for the 数据备份 page.
pub async fn take(pool: &SqlitePool, data_dir: &Path, target: &Path, automatic: bool) -> Result<BackupInfo> {
    let written = super::create(pool, data_dir, target).await;
    let failed = written.as_ref().err().map(|e| e.to_ipc().message);
    remember(pool, &LastBackup { at: crate::db::now(), path: target.display().to_string(), automatic, failed }).await?;
    written
}

/// What the 数据备份 page shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupStatus {
    pub folder: String,
    pub last: Option<LastBackup>,
    /// Automatic backups kept in the folder.
    pub automatic: usize,
    pub keep_days: usize,
    pub keep_weeks: usize,
    pub keep_months: usize,
}

pub async fn status(pool: &SqlitePool, folder: &Path) -> Result<BackupStatus> {
    Ok(BackupStatus {
        folder: folder.display().to_string(),
        last: last(pool).await?,
        automatic: automatic(folder).len(),
        keep_days: KEEP.days,
        keep_weeks: KEEP.weeks,
        keep_months: KEEP.months,
    })
}

/// Takes today's automatic backup into `folder` unless it has one or there is nothing to keep
/// yet, then thins the folder's automatic backups. Returns the backup taken, if any.
pub async fn run_if_due(
    pool: &SqlitePool,
    data_dir: &Path,
    folder: &Path,
    now: chrono::NaiveDateTime,
) -> Result<Option<BackupInfo>> {
    let today = now.date();
    if automatic(folder).iter().any(|n| day_of(n) == Some(today)) {
        return Ok(None);
    }
    let orgs: i64 = sqlx::query_scalar("SELECT count(*) FROM organizations").fetch_one(pool).await?;
    if orgs == 0 {
        return Ok(None);
    }
    std::fs::create_dir_all(folder).map_err(|e| crate::error::Error::file(folder, e))?;
    let written = take(pool, data_dir, &folder.join(file_name(now)), true).await?;
    for old in to_remove(&automatic(folder), KEEP) {
        let _ = std::fs::remove_file(folder.join(old));
    }
    Ok(Some(written))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(days: &[&str]) -> Vec<String> {
        days.iter().map(|d| format!("{PREFIX}{d}-093000.zip")).collect()
    }

    #[test]
    fn names_carry_their_day_and_other_files_are_not_ours() {
        let at = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap().and_hms_opt(14, 5, 9).unwrap();
        assert_eq!(file_name(at), "三亮四进自动备份-2026-12-03-140509.zip");
        assert_eq!(day_of(&file_name(at)), NaiveDate::from_ymd_opt(2026, 12, 3));
        for other in [
            "恢复前的数据-2026-12-03-140509.zip",
            "三亮四进自动备份-2026-13-03-1.zip",
            "三亮四进自动备份-2026-12-03.txt",
        ] {
            assert_eq!(day_of(other), None, "{other}");
        }
    }

    #[test]
    fn a_year_of_daily_backups_thins_to_7_days_4_weeks_and_12_months() {
        // One backup a day from 2026-01-01 to 2026-12-03 (a Thursday).
        let start = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let days: Vec<String> =
            (0..337).map(|i| (start + chrono::Days::new(i)).format("%Y-%m-%d").to_string()).collect();
        let all = names(&days.iter().map(String::as_str).collect::<Vec<_>>());
        let gone = to_remove(&all, KEEP);
        let mut kept: Vec<String> =
            all.iter().filter(|n| !gone.contains(n)).map(|n| day_of(n).unwrap().to_string()).collect();
        kept.sort();
        // Written down by hand: the 7 newest days (11-27 … 12-03); the newest of the 4 newest
        // ISO weeks (weeks end on Sundays: 11-15, 11-22, 11-29, and 12-03 of this week); the newest
        // of each month (the last day of January … November, and 12-03).
        let mut expected: Vec<&str> = vec![
            "2026-01-31",
            "2026-02-28",
            "2026-03-31",
            "2026-04-30",
            "2026-05-31",
            "2026-06-30",
            "2026-07-31",
            "2026-08-31",
            "2026-09-30",
            "2026-10-31",
            "2026-11-15",
            "2026-11-22",
            "2026-11-27",
            "2026-11-28",
            "2026-11-29",
            "2026-11-30",
            "2026-12-01",
            "2026-12-02",
            "2026-12-03",
        ];
        expected.sort();
        assert_eq!(kept, expected);
    }

    #[test]
    fn a_few_backups_are_all_kept_and_a_day_keeps_its_latest() {
        assert!(to_remove(&names(&["2026-11-01", "2026-12-02", "2026-12-03"]), KEEP).is_empty());
        let twice = vec![format!("{PREFIX}2026-12-03-080000.zip"), format!("{PREFIX}2026-12-03-170000.zip")];
        // Two of one day: the day keeps its latest; the earlier one is no week's or month's newest.
        assert_eq!(to_remove(&twice, KEEP), vec![twice[0].clone()]);
    }
}
