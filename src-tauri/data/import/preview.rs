//! The preview of an import: every row with what will happen to it (new member, update, skip,
//! or an error at its cells), duplicates within the file and against the database, and counts.
//! The import itself re-computes this preview and writes what it says, so what was shown is
//! what is written.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::columns::{self, Column};
use super::orgs::OrgMatcher;
use super::rows::{self, CellIssue, RowCells, RowDefaults};
use super::sheet::Sheet;
use super::store::Existing;
use super::values;
use crate::common::catalog::Category;
use crate::roster::members::MemberRecord;

/// What to do with a row whose member is already registered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum OnDuplicate {
    #[default]
    Skip,
    Update,
}

/// The choices of the import dialog (and of `sanliang import members`).
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct ImportOptions {
    /// The organization of rows that name none.
    pub org_id: Option<i64>,
    /// The category of rows that give none.
    pub category: Option<Category>,
    pub on_duplicate: OnDuplicate,
    /// Which sheet of a workbook; none for the first that has a header.
    pub sheet: Option<usize>,
    /// The columns as re-mapped by hand, one per header cell; none for the recognised ones.
    pub columns: Option<Vec<Option<Column>>>,
    /// 所在支部 names the tree lacks become new branches of `org_id` (a community), created with
    /// the import.
    pub new_branches: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum RowOutcome {
    New,
    Update,
    Skip,
    Error,
}

/// A member the row duplicates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Duplicate {
    pub member_id: i64,
    pub name: String,
    pub org_name: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PreviewRow {
    /// The row's number as Excel shows it.
    pub line: usize,
    /// Each header cell's value as text (ID numbers and phones unmasked: the secretary is
    /// checking her own file).
    pub values: Vec<String>,
    pub outcome: RowOutcome,
    pub errors: Vec<CellIssue>,
    pub warnings: Vec<CellIssue>,
    pub duplicate: Option<Duplicate>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportCounts {
    pub rows: usize,
    pub new: usize,
    pub update: usize,
    pub skip: usize,
    pub error: usize,
}

/// A member field the preview's column menus offer, in the template's words.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ColumnChoice {
    pub column: Column,
    pub label: String,
    pub required: bool,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportPreview {
    /// The fields a column can be re-mapped to.
    pub choices: Vec<ColumnChoice>,
    pub sheets: Vec<String>,
    pub sheet: usize,
    /// The header's row number as Excel shows it.
    pub header_line: usize,
    pub headers: Vec<String>,
    pub columns: Vec<Option<Column>>,
    /// Required columns the file lacks (and no default stands in for).
    pub missing: Vec<Column>,
    pub rows: Vec<PreviewRow>,
    pub counts: ImportCounts,
    /// The branches the import will create under the organization chosen (`new_branches`), for
    /// the rows it will write.
    pub new_branches: Vec<String>,
}

/// A row that passed, with what to write.
#[derive(Debug, Clone)]
pub struct Accepted {
    pub line: usize,
    pub record: MemberRecord,
    pub update_of: Option<i64>,
    /// The columns the file has, so an update changes only those.
    pub columns: Vec<Column>,
    /// The new branch the member goes to, created with the import (`record.org_id` is a stand-in).
    pub new_branch: Option<String>,
}

/// Why a file gives no preview at all.
pub const NO_HEADER: &str = "找不到表头：文件前30行中没有含“姓名”等列名的一行（可先下载模板对照）";

/// Everything the preview needs from the database.
pub struct Context<'a> {
    pub orgs: &'a OrgMatcher,
    pub existing: &'a [Existing],
    pub today: NaiveDate,
}

/// Judges every row of a sheet. Errors without a sheet to show (no header) come back as `Err`.
pub fn preview(
    sheets: &[Sheet],
    options: &ImportOptions,
    cx: &Context,
) -> Result<(ImportPreview, Vec<Accepted>), &'static str> {
    let found = match options.sheet {
        Some(i) => sheets.get(i).and_then(|s| columns::find_header(s).map(|h| (i, h))),
        None => sheets.iter().enumerate().find_map(|(i, s)| columns::find_header(s).map(|h| (i, h))),
    };
    let (sheet_index, (header_index, recognised)) = found.ok_or(NO_HEADER)?;
    let sheet = &sheets[sheet_index];
    let header = &sheet.rows[header_index];
    let mut columns = options.columns.clone().unwrap_or(recognised);
    columns.resize(header.len().max(columns.len()), None);
    let present: Vec<Column> = Column::ALL.iter().copied().filter(|c| columns.contains(&Some(*c))).collect();
    let missing = Column::ALL
        .iter()
        .copied()
        .filter(|c| !present.contains(c))
        .filter(|c| c.required() || (*c == Column::Org && options.org_id.is_none()))
        .filter(|c| !(*c == Column::Category && options.category.is_some()))
        .collect();

    let by_id_number: HashMap<&str, &Existing> =
        cx.existing.iter().filter_map(|e| e.id_number.as_deref().map(|id| (id, e))).collect();
    let by_person: HashMap<(&str, NaiveDate), &Existing> =
        cx.existing.iter().map(|e| ((e.name.as_str(), e.birth_date), e)).collect();
    let mut seen_id: HashMap<String, usize> = HashMap::new();
    let mut seen_person: HashMap<(String, NaiveDate), usize> = HashMap::new();
    let defaults = RowDefaults { org_id: options.org_id, category: options.category };
    let mut orgs = cx.orgs.clone();
    let pending = match options.org_id.filter(|_| options.new_branches && present.contains(&Column::Org)) {
        Some(parent) => {
            let cells: Vec<String> = sheet.rows[header_index + 1..]
                .iter()
                .map(|cells| values::text(RowCells { cells, columns: &columns }.get(Column::Org)))
                .filter(|t| !t.is_empty())
                .collect();
            orgs.add_new_branches(parent, cells.iter().map(String::as_str))
        }
        None => Vec::new(),
    };

    let mut rows = Vec::new();
    let mut accepted = Vec::new();
    let mut new_branches = Vec::new();
    let mut counts = ImportCounts::default();
    for (index, cells) in sheet.rows.iter().enumerate().skip(header_index + 1) {
        let row = RowCells { cells, columns: &columns };
        if row.is_blank() {
            continue;
        }
        let line = sheet.line(index);
        let values = (0..columns.len()).map(|i| cells.get(i).map(values::text).unwrap_or_default()).collect();
        let mut warnings = Vec::new();
        let mut duplicate = None;
        let (outcome, errors) = match rows::check(&row, &orgs, defaults, cx.today) {
            Err(errors) => (RowOutcome::Error, errors),
            Ok(record) => {
                // A branch the tree lacks, made new for this row (`options.new_branches`).
                let new_branch = (record.org_id < 0).then(|| pending[(-record.org_id - 1) as usize].clone());
                let person = (record.name.clone(), record.birth_date);
                let earlier_id = record.id_number.as_ref().and_then(|id| seen_id.get(id).copied());
                if let Some(earlier) = earlier_id {
                    (
                        RowOutcome::Error,
                        vec![CellIssue::at(
                            Column::IdNumber,
                            format!("与第{earlier}行的身份证号相同，同一人只能登记一次"),
                        )],
                    )
                } else {
                    if let Some(id) = &record.id_number {
                        seen_id.insert(id.clone(), line);
                    }
                    if let Some(earlier) = seen_person.insert(person, line) {
                        warnings.push(CellIssue::at(
                            Column::Name,
                            format!("与第{earlier}行姓名、出生日期相同，请确认不是同一人"),
                        ));
                    }
                    let existing = record
                        .id_number
                        .as_deref()
                        .and_then(|id| by_id_number.get(id))
                        .or_else(|| {
                            // Same name and birth date counts as the same person when an ID number
                            // cannot tell them apart.
                            by_person
                                .get(&(record.name.as_str(), record.birth_date))
                                .filter(|e| e.id_number.is_none() || record.id_number.is_none())
                        })
                        .copied();
                    duplicate = existing.map(|e| Duplicate {
                        member_id: e.id,
                        name: e.name.clone(),
                        org_name: e.org_name.clone(),
                    });
                    let outcome = match (existing, options.on_duplicate) {
                        (None, _) => RowOutcome::New,
                        (Some(_), OnDuplicate::Skip) => RowOutcome::Skip,
                        (Some(_), OnDuplicate::Update) => RowOutcome::Update,
                    };
                    if matches!(outcome, RowOutcome::New | RowOutcome::Update) {
                        if let Some(name) = &new_branch {
                            warnings.push(CellIssue::at(Column::Org, format!("将新建党支部“{name}”")));
                            if !new_branches.contains(name) {
                                new_branches.push(name.clone());
                            }
                        }
                        accepted.push(Accepted {
                            line,
                            record,
                            update_of: existing.map(|e| e.id),
                            columns: present.clone(),
                            new_branch,
                        });
                    }
                    (outcome, Vec::new())
                }
            }
        };
        counts.rows += 1;
        match outcome {
            RowOutcome::New => counts.new += 1,
            RowOutcome::Update => counts.update += 1,
            RowOutcome::Skip => counts.skip += 1,
            RowOutcome::Error => counts.error += 1,
        }
        rows.push(PreviewRow { line, values, outcome, errors, warnings, duplicate });
    }
    let preview = ImportPreview {
        choices: Column::ALL
            .iter()
            .map(|c| ColumnChoice { column: *c, label: c.label().to_owned(), required: c.required() })
            .collect(),
        sheets: sheets.iter().map(|s| s.name.clone()).collect(),
        sheet: sheet_index,
        header_line: sheet.line(header_index),
        headers: header.iter().map(values::text).collect(),
        columns,
        missing,
        rows,
        counts,
        new_branches,
    };
    Ok((preview, accepted))
}
