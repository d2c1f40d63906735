//! 交换文件: a community (or any subtree) exports one file — a versioned manifest, its data and a
//! checksum — and a township's or county's install imports many of them to review them together.
//! An import checks every file first and then writes them all in one transaction; the same file
//! twice changes nothing, a newer file replaces the sender's earlier data, an older, damaged,
//! truncated, foreign or future-version file is refused. Records keep their uuids; ID numbers and
//! phones travel only when the sender asks. Imported organizations are read-only here.

pub mod apply;
pub mod export;
pub mod file;
pub mod guard;
pub mod tables;

use serde::Serialize;
use sqlx::SqlitePool;
use ts_rs::TS;

use crate::db::history;
use crate::error::{Error, Result};
pub use file::Manifest;

/// What an export wrote, for the message that reports it.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExchangeSummary {
    /// The exported organization, with those above it.
    pub source: String,
    pub members: usize,
    pub records: usize,
    pub personal_data: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ImportStatus {
    /// New here.
    Imported,
    /// A newer file from the same organization replaced its earlier data.
    Replaced,
    /// This very file was imported before: nothing changed.
    Unchanged,
}

/// One imported file.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Imported {
    pub file: String,
    pub source: String,
    pub exported_at: String,
    pub status: ImportStatus,
    pub members: usize,
    pub records: usize,
}

/// An imported organization as 数据交换 lists it.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportedOrg {
    pub org_id: i64,
    pub name: String,
    /// Where it came from: its organizations from the top in the sender's tree.
    pub source: String,
    pub exported_at: String,
    pub imported_at: String,
    pub personal_data: bool,
    /// Members on the roll in it now.
    pub members: i64,
}

/// The imported organizations, most recently imported first.
pub async fn imported(pool: &SqlitePool) -> Result<Vec<ImportedOrg>> {
    let rows: Vec<(i64, String, String, String, String, bool, i64)> = sqlx::query_as(
        "SELECT e.org_id, o.name, e.source, e.exported_at, e.imported_at, e.personal_data,
                (SELECT count(*) FROM members m WHERE m.deleted_at IS NULL AND m.status = 'active'
                    AND m.org_id IN (SELECT org_id FROM org_subtree WHERE root_id = e.org_id))
         FROM exchange_imports e JOIN organizations o ON o.id = e.org_id
         ORDER BY e.imported_at DESC, o.path",
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(org_id, name, source, exported_at, imported_at, personal_data, members)| ImportedOrg {
            org_id,
            name,
            source,
            exported_at,
            imported_at,
            personal_data,
            members,
        })
        .collect())
}

/// Each imported organization's mark for the tree: "来自交换文件：…，…导出，…导入（只读）".
pub async fn marks(conn: &mut sqlx::SqliteConnection) -> Result<std::collections::HashMap<i64, String>> {
    let rows: Vec<(i64, String, String, String)> =
        sqlx::query_as("SELECT org_id, source, exported_at, imported_at FROM exchange_imports").fetch_all(conn).await?;
    Ok(rows
        .into_iter()
        .map(|(id, source, exported, imported)| {
            let text = format!(
                "来自交换文件：{source}，{}导出，{}导入（只读）",
                apply::words(&exported),
                apply::words(&imported)
            );
            (id, text)
        })
        .collect())
}

/// The organization an export covers: `org_id`, or the top of the tree for the whole database.
async fn chosen(conn: &mut sqlx::SqliteConnection, org_id: Option<i64>) -> Result<crate::roster::orgs::Organization> {
    match org_id {
        Some(id) => crate::roster::orgs::store::get(conn, id).await,
        None => crate::roster::orgs::store::list(conn)
            .await?
            .into_iter()
            .find(|o| o.parent_id.is_none())
            .ok_or_else(|| Error::validation("org", "数据库中还没有组织，没有可导出的数据")),
    }
}

/// The subtree of `org_id` (the whole database for `None`) as an exchange file's bytes.
pub async fn export(pool: &SqlitePool, org_id: Option<i64>, personal: bool) -> Result<(Vec<u8>, ExchangeSummary)> {
    let mut tx = pool.begin().await?;
    let root = chosen(&mut tx, org_id).await?;
    let (manifest, data) = export::collect(&mut tx, root.id, personal, crate::db::now()).await?;
    tx.commit().await?;
    let bytes = file::write(&manifest, &data)?;
    let summary = ExchangeSummary {
        source: manifest.source_path(),
        members: manifest.counts.get("members").copied().unwrap_or(0),
        records: manifest.counts.values().sum(),
        personal_data: personal,
    };
    Ok((bytes, summary))
}

/// The proposed file name: "河咀社区党总支 交换文件 2026-12-04.sljh".
pub async fn file_name(pool: &SqlitePool, org_id: Option<i64>, today: chrono::NaiveDate) -> Result<String> {
    let org = chosen(&mut *pool.acquire().await?, org_id).await?;
    Ok(format!("{} 交换文件 {today}.{}", org.name, file::EXTENSION))
}

/// Reads the files at `paths` and imports them (see [`import`]); a file that cannot be read is
/// reported by its name.
pub async fn import_files(pool: &SqlitePool, paths: &[std::path::PathBuf]) -> Result<Vec<Imported>> {
    let mut read = Vec::new();
    for path in paths {
        let bytes = std::fs::read(path).map_err(|e| Error::file(path, e))?;
        read.push((path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(), bytes));
    }
    import(pool, &read).await
}

/// Checks every file (name, bytes), then writes them all in one transaction: all or nothing.
pub async fn import(pool: &SqlitePool, files: &[(String, Vec<u8>)]) -> Result<Vec<Imported>> {
    let schema = crate::db::latest_schema_version();
    let mut checked = Vec::new();
    for (name, bytes) in files {
        let (manifest, data) = file::read(bytes, name, schema)?;
        let sha = manifest.data_sha256.clone();
        checked.push((name, manifest, data, sha));
    }
    // Oldest first, so two files of one organization in one go end with the newer.
    checked.sort_by(|a, b| a.1.exported_at.cmp(&b.1.exported_at));
    let now = crate::db::now();
    let mut tx = crate::db::write(pool).await?;
    history::pause(&mut tx).await?;
    sqlx::query("INSERT OR REPLACE INTO settings (key, value, updated_at) VALUES (?1, '1', ?2)")
        .bind(guard::IMPORTING_KEY)
        .bind(&now)
        .execute(&mut *tx)
        .await?;
    let mut out = Vec::new();
    for (name, manifest, data, sha) in &checked {
        out.push(apply::apply(&mut tx, manifest, data, sha, name, &now).await?);
    }
    sqlx::query("DELETE FROM settings WHERE key = ?1").bind(guard::IMPORTING_KEY).execute(&mut *tx).await?;
    history::resume(&mut tx).await?;
    tx.commit().await?;
    Ok(out)
}
