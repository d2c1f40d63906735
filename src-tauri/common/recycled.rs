//! Files replaced or cleared (a member's photo, an agreement scan, the emblem) go to the recycle
//! bin rather than away: moved into the data folder's `bin/` and listed in `binned_files`, inside
//! the transaction of the change that let them go, so 回收站 can put them back.

use std::path::{Path, PathBuf};

use sqlx::SqliteConnection;

use crate::common::catalog::BinnedFileKind;
use crate::common::files::BIN_DIR;
use crate::error::Result;

/// Whose file it was.
#[derive(Debug, Clone, Copy, Default)]
pub struct Owner {
    pub member_id: Option<i64>,
    pub pairing_id: Option<i64>,
    pub deputy_id: Option<i64>,
}

/// A file in the bin, as taken back out.
#[derive(Debug, Clone)]
pub struct Binned {
    pub kind: BinnedFileKind,
    pub owner: Owner,
    /// Its place in the bin.
    pub path: PathBuf,
    pub original_name: String,
}

/// Moves `path` into the bin and lists it there.
pub async fn keep(
    conn: &mut SqliteConnection,
    data_dir: &Path,
    kind: BinnedFileKind,
    owner: Owner,
    path: &Path,
    original_name: &str,
) -> Result<()> {
    if !path.exists() {
        return Ok(());
    }
    let uuid = uuid::Uuid::new_v4().to_string();
    let file = match path.extension() {
        Some(ext) => format!("{uuid}.{}", ext.to_string_lossy()),
        None => uuid.clone(),
    };
    let dir = data_dir.join(BIN_DIR);
    std::fs::create_dir_all(&dir)?;
    move_file(path, &dir.join(&file))?;
    let now = crate::db::now();
    sqlx::query(
        "INSERT INTO binned_files (uuid, kind, member_id, pairing_id, deputy_id, file, original_name, deleted_at, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, ?8)",
    )
    .bind(&uuid)
    .bind(kind)
    .bind(owner.member_id)
    .bind(owner.pairing_id)
    .bind(owner.deputy_id)
    .bind(&file)
    .bind(original_name)
    .bind(&now)
    .execute(conn)
    .await?;
    Ok(())
}

/// Takes a file out of the bin to `target` and drops it from the list.
pub async fn take(conn: &mut SqliteConnection, data_dir: &Path, id: i64, target: &Path) -> Result<()> {
    let file: String =
        sqlx::query_scalar("SELECT file FROM binned_files WHERE id = ?1").bind(id).fetch_one(&mut *conn).await?;
    if let Some(dir) = target.parent() {
        std::fs::create_dir_all(dir)?;
    }
    move_file(&data_dir.join(BIN_DIR).join(file), target)?;
    sqlx::query("DELETE FROM binned_files WHERE id = ?1").bind(id).execute(conn).await?;
    Ok(())
}

/// A binned file's kind, owner and place.
pub async fn get(conn: &mut SqliteConnection, data_dir: &Path, id: i64) -> Result<Option<Binned>> {
    type Row = (BinnedFileKind, Option<i64>, Option<i64>, Option<i64>, String, String);
    let row: Option<Row> = sqlx::query_as(
        "SELECT kind, member_id, pairing_id, deputy_id, file, original_name FROM binned_files WHERE id = ?1",
    )
    .bind(id)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|(kind, member_id, pairing_id, deputy_id, file, original_name)| Binned {
        kind,
        owner: Owner { member_id, pairing_id, deputy_id },
        path: data_dir.join(BIN_DIR).join(file),
        original_name,
    }))
}

/// A rename within the data folder; a copy and removal where a rename cannot be made.
fn move_file(from: &Path, to: &Path) -> std::io::Result<()> {
    if std::fs::rename(from, to).is_ok() {
        return Ok(());
    }
    crate::common::files::copy_atomic(from, to)?;
    std::fs::remove_file(from)
}
