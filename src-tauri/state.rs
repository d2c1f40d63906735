//! What the running app holds: the database pool (or why it could not be opened) and the
//! data folder. Commands borrow it; nothing here knows about Tauri.

use std::path::PathBuf;

use serde::Serialize;
use sqlx::SqlitePool;
use ts_rs::TS;

use crate::error::{Error, Result};

pub struct AppState {
    pub data_dir: PathBuf,
    db: std::result::Result<SqlitePool, String>,
    /// Set by the user to stop the print job under way.
    pub print_cancel: std::sync::atomic::AtomicBool,
    /// The PDF saved last, which the user may open from the message that reports it.
    pub last_saved: std::sync::Mutex<Option<PathBuf>>,
    /// The roster file the import dialog has open, read once, previewed as often as it is re-mapped.
    pub pending_import: std::sync::Mutex<Option<crate::data::import::PendingImport>>,
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
    /// Today's date as the app sees it (YYYY-MM-DD).
    pub today: String,
}

impl AppState {
    pub async fn open(data_dir: PathBuf) -> Self {
        let db = crate::db::open(&data_dir).await.map_err(|e| {
            format!(
                "无法打开数据库文件 {}。\n数据文件未作任何改动。请关闭程序，并把下面的技术信息告诉技术人员。\n\n技术信息：{e}",
                crate::db::db_path(&data_dir).display()
            )
        });
        if let Err(message) = &db {
            eprintln!("{message}");
        }
        AppState {
            data_dir,
            db,
            print_cancel: Default::default(),
            last_saved: Default::default(),
            pending_import: Default::default(),
        }
    }

    pub fn pool(&self) -> Result<&SqlitePool> {
        self.db.as_ref().map_err(|m| Error::Unavailable(m.clone()))
    }

    pub async fn info(&self) -> Result<AppInfo> {
        let empty = match &self.db {
            Ok(pool) => crate::roster::orgs::tree(pool).await?.is_empty(),
            Err(_) => true,
        };
        Ok(AppInfo {
            version: env!("CARGO_PKG_VERSION").to_owned(),
            data_dir: self.data_dir.display().to_string(),
            startup_error: self.db.as_ref().err().cloned(),
            empty,
            today: crate::paths::today().format("%Y-%m-%d").to_string(),
        })
    }
}
