//! 关于: what the app and its data are (versions, folders, size, record counts, font licences),
//! and 导出诊断信息 (see [`diagnostics`]). Nothing here shows a person's data.

pub mod diagnostics;

use std::path::Path;

use serde::Serialize;
use sqlx::SqlitePool;
use ts_rs::TS;

use crate::common::catalog::LabeledCount;
use crate::error::Result;

/// The records counted on the 关于 page and in the diagnostic summary: table and label.
pub const COUNTED: &[(&str, &str)] = &[
    ("organizations", "组织"),
    ("members", "党员"),
    ("posts", "岗位"),
    ("zones", "责任区"),
    ("pledges", "承诺"),
    ("pairings", "结对共建"),
    ("help_pairs", "结对帮扶"),
    ("leader_visits", "领导走访"),
    ("diary_entries", "民情日记"),
    ("difficulties", "困难诉求"),
    ("deputy_visits", "代表接待"),
    ("volunteer_activities", "志愿活动"),
];

/// A font the app ships, with its licence.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FontLicence {
    pub name: String,
    pub use_for: String,
    pub licence: String,
    pub copyright: String,
}

/// The fonts embedded in every PDF (`fonts/`, Noto CJK SC).
pub fn fonts() -> Vec<FontLicence> {
    let noto = |name: &str, use_for: &str| FontLicence {
        name: name.into(),
        use_for: use_for.into(),
        licence: "SIL Open Font License 1.1".into(),
        copyright: "Copyright 2010–2012 Google Corporation（许可全文随程序附带：COPYRIGHT-fonts-noto-cjk.txt）".into(),
    };
    vec![noto("思源黑体 Noto Sans SC Regular", "打印正文"), noto("思源宋体 Noto Serif SC Bold", "打印标题")]
}

/// A folder of the app that the 关于 page opens in the system's file manager.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Folder {
    Data,
    Logs,
}

impl Folder {
    pub fn path(self, data_dir: &Path) -> std::path::PathBuf {
        match self {
            Folder::Data => data_dir.to_owned(),
            Folder::Logs => crate::common::log::log_dir(data_dir),
        }
    }
}

/// What the 关于 page shows.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AboutInfo {
    pub version: String,
    /// The latest migration applied to the database.
    pub schema_version: i64,
    pub system: String,
    pub data_dir: String,
    pub log_dir: String,
    /// The database file with its write-ahead log, in bytes.
    #[ts(type = "number")]
    pub database_bytes: u64,
    pub counts: Vec<LabeledCount>,
    pub fonts: Vec<FontLicence>,
}

/// The running system, e.g. `windows x86_64`.
pub fn system() -> String {
    format!("{} {}", std::env::consts::OS, std::env::consts::ARCH)
}

/// The database file and its write-ahead log together, in bytes.
pub fn database_bytes(data_dir: &Path) -> u64 {
    let db = crate::db::db_path(data_dir);
    let wal = db.with_file_name(format!("{}-wal", crate::db::DB_FILE));
    [db, wal].iter().filter_map(|p| std::fs::metadata(p).ok()).map(|m| m.len()).sum()
}

/// How many records each table of [`COUNTED`] holds.
pub async fn counts(pool: &SqlitePool) -> Result<Vec<LabeledCount>> {
    let mut counts = Vec::with_capacity(COUNTED.len());
    for (table, label) in COUNTED {
        // The table names are this module's constants, never input.
        let count: i64 = sqlx::query_scalar(&format!("SELECT count(*) FROM {table}")).fetch_one(pool).await?;
        counts.push(LabeledCount { code: (*table).into(), label: (*label).into(), count });
    }
    Ok(counts)
}

pub async fn info(pool: &SqlitePool, data_dir: &Path) -> Result<AboutInfo> {
    Ok(AboutInfo {
        version: env!("CARGO_PKG_VERSION").into(),
        schema_version: crate::db::schema_version(pool).await,
        system: system(),
        data_dir: data_dir.display().to_string(),
        log_dir: crate::common::log::log_dir(data_dir).display().to_string(),
        database_bytes: database_bytes(data_dir),
        counts: counts(pool).await?,
        fonts: fonts(),
    })
}
