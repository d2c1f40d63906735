//! 回收站: what was deleted (every record deleted with `deleted_at` rather than removed), put
//! back on request — unless it would clash with what lives now, which is refused with the
//! reason — or removed for good when the bin is emptied, together with what belongs only to it.

mod files;
mod store;

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};
use sqlx::SqlitePool;
use ts_rs::TS;

use crate::common::catalog::RecordKind;
use crate::common::validate::mask_id_number;
use crate::data::cascade;
use crate::data::history::{self, Names};
use crate::error::{Error, Result};
use store::Deleted;

/// One deleted record, with what was deleted at the same moment under it (a zone's lanes).
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BinEntry {
    pub kind: RecordKind,
    pub id: i64,
    /// UTC RFC 3339; the window shows local time.
    pub deleted_at: String,
    pub subject: String,
    /// Records deleted with it, restored with it.
    pub with: i64,
}

/// Which record to restore.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BinKey {
    pub kind: RecordKind,
    pub id: i64,
}

/// What emptying removes (or removed): records of every table, files.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BinEmptied {
    /// The records in the bin.
    pub deleted: i64,
    /// Everything removed with them: their own records too, and what pointed to them.
    pub records: i64,
    pub files: i64,
}

const GONE: &str = "回收站中没有这条记录（可能已经恢复或已清空）";

/// Everything in the bin, latest deletion first.
pub async fn list(pool: &SqlitePool) -> Result<Vec<BinEntry>> {
    let mut conn = pool.acquire().await?;
    let shape = store::shape(&mut conn).await?;
    let mut found: Vec<Deleted> = Vec::new();
    for kind in shape.keys() {
        found.extend(store::deleted(&mut conn, &shape, *kind).await?);
    }
    let records: Vec<_> = found.iter().map(|d| history::object(&d.record).unwrap_or_default()).collect();
    let names = Names::of(&mut conn, records.iter()).await?;
    let mut entries: Vec<BinEntry> = found
        .into_iter()
        .zip(&records)
        .map(|(d, r)| BinEntry {
            kind: d.kind,
            id: d.id,
            deleted_at: d.deleted_at,
            subject: history::subject(d.kind, r, &names),
            with: d.with,
        })
        .collect();
    entries.sort_by(|a, b| b.deleted_at.cmp(&a.deleted_at).then(b.id.cmp(&a.id)));
    Ok(entries)
}

/// Puts a deleted record back, with what was deleted under it at the same moment. Refused,
/// with nothing changed, when what it belongs to is itself in the bin or when it would clash
/// with a living record (a member whose ID number now belongs to someone else).
pub async fn restore(pool: &SqlitePool, data_dir: &Path, key: &BinKey) -> Result<()> {
    let mut tx = crate::db::write(pool).await?;
    let shape = store::shape(&mut tx).await?;
    if !shape.contains_key(&key.kind) {
        return Err(Error::NotFound(GONE.into()));
    }
    let deleted_at = store::deleted_at(&mut tx, key.kind, key.id).await?.ok_or_else(|| Error::NotFound(GONE.into()))?;
    if let Some((parent, parent_id)) = store::deleted_parent(&mut tx, &shape, key.kind, key.id).await? {
        let record = store::record(&mut tx, parent, parent_id).await?;
        let names = Names::of(&mut tx, std::iter::once(&record)).await?;
        let name = history::subject(parent, &record, &names);
        return Err(Error::conflict(None, format!("它所属的{}“{name}”也在回收站中，请先恢复“{name}”", parent.label())));
    }
    if key.kind == RecordKind::Member {
        if let Some((id_number, holder)) = store::id_number_holder(&mut tx, key.id).await? {
            return Err(Error::conflict(
                Some("idNumber"),
                format!(
                    "身份证号 {} 现在属于党员“{holder}”，不能恢复。如果是同一个人，请直接使用现有的记录",
                    mask_id_number(&id_number)
                ),
            ));
        }
    }
    if key.kind == RecordKind::BinnedFile {
        files::restore(&mut tx, data_dir, key.id, GONE).await?;
    } else {
        store::undelete(&mut tx, &shape, key.kind, key.id, &deleted_at).await.map_err(|e| clash(key.kind, e))?;
    }
    tx.commit().await?;
    Ok(())
}

/// A unique index refusing the restore: the record would be a second of something that must be
/// one (a post of the same name in the community, a second pledge of the year).
fn clash(kind: RecordKind, e: Error) -> Error {
    match &e {
        Error::Storage(sqlx::Error::Database(d)) if d.is_unique_violation() => Error::conflict(
            None,
            format!("现有的{0}中已有与它相同的一条（同名或同一年度），不能恢复。请先修改或删除现有的{0}", kind.label()),
        ),
        _ => e,
    }
}

/// Marks what emptying removes: the bin's records and everything pointing to them.
async fn mark(conn: &mut sqlx::SqliteConnection) -> Result<(Vec<String>, BinEmptied)> {
    let shape = store::shape(conn).await?;
    let seeds: BTreeMap<String, String> =
        shape.keys().map(|k| (k.code().to_owned(), "deleted_at IS NOT NULL".to_owned())).collect();
    let tables = cascade::mark(conn, &seeds).await?;
    let mut counts = BinEmptied::default();
    for kind in shape.keys() {
        counts.deleted += store::count_deleted(conn, *kind).await?;
    }
    for table in &tables {
        counts.records += cascade::marked(conn, table).await?;
    }
    counts.files = cascade::files(conn).await?.len() as i64;
    Ok((tables, counts))
}

/// What emptying would remove, for the question before it.
pub async fn preview_empty(pool: &SqlitePool) -> Result<BinEmptied> {
    let mut tx = pool.begin().await?;
    let (_, counts) = mark(&mut tx).await?;
    tx.rollback().await?;
    Ok(counts)
}

/// 清空回收站: removes the bin's records for good with everything that belongs to them, and their
/// history (which holds their personal data), in one transaction; then the files only they used.
pub async fn empty(pool: &SqlitePool, data_dir: &Path) -> Result<BinEmptied> {
    let mut tx = crate::db::write(pool).await?;
    let (tables, counts) = mark(&mut tx).await?;
    let files = cascade::files(&mut tx).await?;
    crate::db::history::pause(&mut tx).await?;
    for table in &tables {
        store::forget(&mut tx, table).await?;
    }
    cascade::remove(&mut tx, &tables).await?;
    crate::db::history::resume(&mut tx).await?;
    tx.commit().await?;
    cascade::remove_files(data_dir, &files);
    tracing::info!(records = counts.records, files = counts.files, "recycle bin emptied");
    Ok(counts)
}
