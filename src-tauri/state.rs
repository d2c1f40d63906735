//! What the running app holds: the database pool (or why it could not be opened) and the
//! data folder. Commands borrow it; nothing here knows about Tauri.

use std::path::PathBuf;

use serde::Serialize;
use sqlx::SqlitePool;
use ts_rs::TS;

use crate::data::backup::swap::Swapped;
use crate::error::{Error, Result};

pub struct AppState {
    pub data_dir: PathBuf,
    /// Replaced as a whole when a restore swaps the data folder's contents.
    db: std::sync::RwLock<std::result::Result<SqlitePool, String>>,
    /// Where backups go unless the user chose a folder (the Documents folder's 三亮四进备份).
    pub backup_default: PathBuf,
    /// Set by the user to stop the print job under way.
    pub print_cancel: std::sync::atomic::AtomicBool,
    /// The PDF saved last, which the user may open from the message that reports it.
    pub last_saved: std::sync::Mutex<Option<PathBuf>>,
    /// The roster file the import dialog has open, read once, previewed as often as it is re-mapped.
    pub pending_import: std::sync::Mutex<Option<crate::data::import::PendingImport>>,
    /// The backup the user picked and saw checked, which 恢复 then puts in place.
    pub pending_restore: std::sync::Mutex<Option<PathBuf>>,
    /// Told when the home page has all its parts, which the day's automatic backup waits for.
    pub first_screen: tokio::sync::Notify,
}

/// What the UI learns at start: where the data is, and whether it could be opened.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AppInfo {
    pub version: String,
    pub data_dir: String,
    /// Set when the database could not be opened or upgraded; the file was left untouched.
    pub startup_error: Option<String>,
    /// Whether the database holds no organizations yet (the UI then offers the demo data).
    pub empty: bool,
    /// Whether demo data is loaded (the home page then offers 清除示例数据).
    pub demo: bool,
    /// Today's date as the app sees it (YYYY-MM-DD).
    pub today: String,
}

impl AppState {
    pub async fn open(data_dir: PathBuf, backup_default: PathBuf) -> Self {
        let db = Self::open_db(&data_dir).await;
        AppState {
            data_dir,
            db: std::sync::RwLock::new(db),
            backup_default,
            print_cancel: Default::default(),
            last_saved: Default::default(),
            pending_import: Default::default(),
            pending_restore: Default::default(),
            first_screen: Default::default(),
        }
    }

    /// Finishes a restore a crash interrupted, then opens the database.
    async fn open_db(data_dir: &std::path::Path) -> std::result::Result<SqlitePool, String> {
        let opened = match crate::data::backup::swap::finish_pending(data_dir) {
            Ok(_) => crate::db::open(data_dir).await,
            Err(e) => Err(e),
        };
        Self::opened(data_dir, opened)
    }

    /// The database as the window holds it: opened, or why not in words for the secretary.
    fn opened(data_dir: &std::path::Path, opened: Result<SqlitePool>) -> std::result::Result<SqlitePool, String> {
        opened.map_err(|e| {
            let message = match e {
                // Already a sentence for the secretary (a database from a newer version).
                Error::Unavailable(message) => message,
                e => format!(
                "无法打开数据库文件 {}。\n数据文件未作任何改动。请关闭程序，并把下面的技术信息告诉技术人员。\n\n技术信息：{e}",
                    crate::db::db_path(data_dir).display()
                ),
            };
            eprintln!("{message}");
            message
        })
    }

    fn current(&self) -> std::result::Result<SqlitePool, String> {
        self.db.read().unwrap_or_else(std::sync::PoisonError::into_inner).clone()
    }

    pub fn pool(&self) -> Result<SqlitePool> {
        self.current().map_err(Error::Unavailable)
    }

    /// Closes the database, lets `swap` change the data folder's files, and opens it again
    /// (migrating what a restored backup from an older version holds). A swap that did not
    /// happen is not tried again here: the data are opened as they are, and a restore left
    /// ready waits for the next start.
    pub async fn reopen(&self, swap: impl FnOnce() -> Result<Swapped>) -> Result<Swapped> {
        if let Ok(pool) = self.current() {
            crate::db::close(&pool).await;
        }
        let swapped = swap();
        let db = match swapped {
            Ok(Swapped::Now) => Self::open_db(&self.data_dir).await,
            _ => Self::opened(&self.data_dir, crate::db::open(&self.data_dir).await),
        };
        *self.db.write().unwrap_or_else(std::sync::PoisonError::into_inner) = db;
        swapped
    }

    /// Where backups go: the folder the user chose, else the default.
    pub async fn backup_folder(&self) -> Result<PathBuf> {
        crate::data::backup::auto::folder(&self.pool()?, &self.backup_default).await
    }

    /// Takes today's automatic backup if the day has none; a failure is logged and remembered
    /// for the 数据备份 page, never shown as an error at start or exit.
    pub async fn auto_backup(&self) {
        let Ok(pool) = self.pool() else { return };
        let taken = async {
            let folder = self.backup_folder().await?;
            let now = crate::paths::today().and_time(chrono::Local::now().time());
            crate::data::backup::auto::run_if_due(&pool, &self.data_dir, &folder, now).await
        };
        match taken.await {
            Ok(Some(b)) => tracing::info!(bytes = b.bytes, "automatic backup taken"),
            Ok(None) => {}
            Err(e) => tracing::warn!("automatic backup failed: {}", e.to_ipc().message),
        }
    }

    /// At a clean exit: today's automatic backup if none was taken, then the database closed.
    pub async fn close(&self) {
        self.auto_backup().await;
        self.close_db().await;
    }

    /// The database closed with its WAL written back (no backup: a restart to finish a restore
    /// must not save the data the restore replaces as today's).
    pub async fn close_db(&self) {
        if let Ok(pool) = self.pool() {
            crate::db::close(&pool).await;
        }
    }

    pub async fn info(&self) -> Result<AppInfo> {
        let (empty, demo) = match &self.current() {
            Ok(pool) => (!crate::roster::orgs::any(pool).await?, crate::demo::clear::present(pool).await?),
            Err(_) => (true, false),
        };
        Ok(AppInfo {
            version: env!("CARGO_PKG_VERSION").to_owned(),
            data_dir: self.data_dir.display().to_string(),
            startup_error: self.current().err(),
            empty,
            demo,
            today: crate::paths::today().format("%Y-%m-%d").to_string(),
        })
    }
}
