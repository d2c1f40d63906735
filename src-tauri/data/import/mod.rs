//! 导入花名册: a roster file read, its header found, every row checked with the member form's own
//! rules and shown as a preview; then the accepted rows written in one transaction.

pub mod columns;
pub mod orgs;
pub mod preview;
#[cfg(test)]
mod properties;
pub mod rows;
pub mod sheet;
mod store;
pub mod values;
pub mod workbooks;

use std::collections::HashMap;
use std::path::Path;

use chrono::NaiveDate;
use serde::Serialize;
use sqlx::SqlitePool;
use ts_rs::TS;

pub use preview::{ImportOptions, ImportPreview, OnDuplicate, RowOutcome};

use self::columns::Column;
use self::orgs::OrgMatcher;
use self::preview::{Accepted, Context};
use self::sheet::{Sheet, FILE_FIELD};
use crate::common::catalog::OrgKind;
use crate::error::{Error, Result};
use crate::roster::members::{batch, MemberRecord};
use crate::roster::orgs::store as org_store;

/// A roster file read for the import dialog.
#[derive(Debug, Clone)]
pub struct PendingImport {
    pub file_name: String,
    pub sheets: Vec<Sheet>,
}

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportReport {
    pub created: usize,
    pub updated: usize,
    pub skipped: usize,
    pub errors: usize,
    /// New branches created for the rows that named them.
    pub branches: usize,
}

/// The organization chosen for rows that name none must hold members.
async fn check_options(pool: &SqlitePool, options: &ImportOptions) -> Result<()> {
    if let Some(org_id) = options.org_id {
        let mut conn = pool.acquire().await?;
        let org = org_store::get(&mut conn, org_id)
            .await
            .map_err(|_| Error::validation("orgId", "所选组织不存在或已删除"))?;
        if !org.kind.holds_members() {
            return Err(Error::validation("orgId", "党员应登记在社区党总支或党支部"));
        }
        if options.new_branches && !org.kind.allowed_children().contains(&OrgKind::Branch) {
            return Err(Error::validation(
                "orgId",
                format!("新的党支部要建在社区党组织下，“{}”下不能设立党支部", org.name),
            ));
        }
    } else if options.new_branches {
        return Err(Error::validation("orgId", "新建党支部前，请先选择它们所属的社区党组织"));
    }
    Ok(())
}

/// Reads a file off the async threads: a 20,000-row workbook takes a moment.
pub async fn read(path: &Path) -> Result<Vec<Sheet>> {
    let path = path.to_owned();
    tokio::task::spawn_blocking(move || sheet::read(&path))
        .await
        .map_err(|e| Error::Io(std::io::Error::other(e.to_string())))?
}

async fn judge(
    pool: &SqlitePool,
    sheets: &[Sheet],
    options: &ImportOptions,
    today: NaiveDate,
) -> Result<(ImportPreview, Vec<Accepted>)> {
    check_options(pool, options).await?;
    let mut conn = pool.acquire().await?;
    let orgs = OrgMatcher::new(&org_store::list(&mut conn).await?);
    let existing = store::live_members(&mut conn).await?;
    drop(conn);
    preview::preview(sheets, options, &Context { orgs: &orgs, existing: &existing, today })
        .map_err(|m| Error::validation(FILE_FIELD, m))
}

/// The preview of importing `sheets` with these options.
pub async fn preview_sheets(
    pool: &SqlitePool,
    sheets: &[Sheet],
    options: &ImportOptions,
    today: NaiveDate,
) -> Result<ImportPreview> {
    Ok(judge(pool, sheets, options, today).await?.0)
}

/// An update changes what the file has: a column it lacks, or a cell it leaves empty, keeps
/// the member's value.
fn merged(existing: &MemberRecord, new: MemberRecord, columns: &[Column]) -> MemberRecord {
    let keep = |value: String, old: &str| if value.is_empty() { old.to_owned() } else { value };
    MemberRecord {
        org_id: if columns.contains(&Column::Org) { new.org_id } else { existing.org_id },
        category: if columns.contains(&Column::Category) { new.category } else { existing.category },
        education: keep(new.education, &existing.education),
        id_number: new.id_number.or_else(|| existing.id_number.clone()),
        phone: keep(new.phone, &existing.phone),
        address: keep(new.address, &existing.address),
        work_unit: keep(new.work_unit, &existing.work_unit),
        notes: keep(new.notes, &existing.notes),
        ..new
    }
}

/// Whether the merged record holds exactly what the member's record holds (the search keys follow
/// from the name).
fn unchanged(existing: &MemberRecord, r: &MemberRecord) -> bool {
    (existing.org_id, &existing.name, existing.gender, &existing.ethnicity, existing.birth_date, existing.joined_on)
        == (r.org_id, &r.name, r.gender, &r.ethnicity, r.birth_date, r.joined_on)
        && (&existing.education, &existing.id_number, &existing.phone, &existing.address, &existing.work_unit)
            == (&r.education, &r.id_number, &r.phone, &r.address, &r.work_unit)
        && (existing.category, &existing.notes) == (r.category, &r.notes)
}

/// Creates the new branches the preview lists under `parent`, in the import's transaction; their
/// ids by name.
async fn create_branches(
    tx: &mut sqlx::SqliteConnection,
    parent: Option<i64>,
    names: &[String],
) -> Result<HashMap<String, i64>> {
    let mut ids = HashMap::with_capacity(names.len());
    let Some(parent) = parent.filter(|_| !names.is_empty()) else { return Ok(ids) };
    let parent = org_store::get(&mut *tx, parent).await?;
    for name in names {
        ids.insert(name.clone(), org_store::insert(&mut *tx, Some(&parent), OrgKind::Branch, None, None, name).await?);
    }
    Ok(ids)
}

/// Imports the rows the preview accepts, all in one transaction: every row or none.
pub async fn import_sheets(
    pool: &SqlitePool,
    sheets: &[Sheet],
    options: &ImportOptions,
    today: NaiveDate,
) -> Result<ImportReport> {
    import_sheets_with(pool, sheets, options, today, |_| {}).await
}

/// As [`import_sheets`], calling `written` with the count of rows written so far inside the
/// transaction, after each statement of a few hundred (a test holds the import there to kill
/// it halfway).
pub async fn import_sheets_with(
    pool: &SqlitePool,
    sheets: &[Sheet],
    options: &ImportOptions,
    today: NaiveDate,
    mut written: impl FnMut(usize),
) -> Result<ImportReport> {
    let (preview, accepted) = judge(pool, sheets, options, today).await?;
    let mut conn = pool.acquire().await?;
    let usual = crate::db::batch::long_write(&mut conn).await?;
    let result = async {
        let mut tx = crate::db::write_on(&mut conn).await?;
        let branches = write(&mut tx, options, &preview, accepted, &mut written).await?;
        tx.commit().await?;
        Ok::<_, Error>(branches)
    }
    .await;
    crate::db::batch::restore(&mut conn, usual).await?;
    let branches = result?;
    let counts = preview.counts;
    Ok(ImportReport {
        created: counts.new,
        updated: counts.update,
        skipped: counts.skip,
        errors: counts.error,
        branches,
    })
}

/// The import's writes inside its transaction: new branches, new members, updated members.
/// Returns the number of branches created.
async fn write(
    tx: &mut sqlx::SqliteConnection,
    options: &ImportOptions,
    preview: &ImportPreview,
    accepted: Vec<Accepted>,
    mut written: impl FnMut(usize),
) -> Result<usize> {
    let updated: Vec<i64> = accepted.iter().filter_map(|row| row.update_of).collect();
    let existing = batch::records(tx, &updated).await?;
    let branches = create_branches(tx, options.org_id, &preview.new_branches).await?;
    let (mut creates, mut updates) = (Vec::new(), Vec::new());
    for mut row in accepted {
        if let Some(name) = &row.new_branch {
            row.record.org_id = branches[name];
        }
        match row.update_of {
            None => creates.push(row.record),
            Some(id) => {
                let old = existing.get(&id).ok_or_else(|| Error::NotFound("党员不存在或已删除".into()))?;
                let record = merged(old, row.record, &row.columns);
                // A row that says what the roster says already is up to date: nothing to write.
                if !unchanged(old, &record) {
                    updates.push((id, record));
                }
            }
        }
    }
    batch::insert(tx, &creates, &mut written).await?;
    batch::update(tx, &updates, |n| written(creates.len() + n)).await?;
    Ok(branches.len())
}
