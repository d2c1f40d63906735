//! Commands of 检查汇总: the statistics of an organization subtree and period, and the
//! responsibility chain's people.

use tauri::{AppHandle, State};

use crate::common::files;
use crate::error::{Error, Result};
use crate::paths::today;
use crate::review::ledgers::{self, LedgerSummary};
use crate::review::report::{self, ReportSummary};
use crate::review::responsibility::{self, ResponsiblePerson};
use crate::review::{self, Statistics};
use crate::state::AppState;

/// The figures of `org_id`'s subtree (the whole database for `None`) over `period`, written as
/// the command line writes it (`2026`, `2026-Q4`, `2026-11`, `2026-01-01~2026-06-30`).
pub async fn review_statistics(state: State<'_, AppState>, org_id: Option<i64>, period: String) -> Result<Statistics> {
    let period = review::parse_period("period", &period, today())?;
    review::statistics(&super::pool(&state)?, org_id, period, today()).await
}

/// Who answers for a county, township or community (第一 / 直接 / 具体责任人).
pub async fn responsibility_get(state: State<'_, AppState>, org_id: i64) -> Result<ResponsiblePerson> {
    responsibility::get(&super::pool(&state)?, org_id).await
}

/// Records (or, with an empty name, removes) who answers for a county, township or community.
pub async fn responsibility_set(state: State<'_, AppState>, org_id: i64, person: String) -> Result<ResponsiblePerson> {
    responsibility::set(&super::pool(&state)?, org_id, &person).await
}

/// Saves the 台账 of `org_id`'s subtree over `period` to a workbook the user chooses, ID
/// numbers and phones masked unless `unmasked`; what was written, or none when the user cancels.
pub async fn review_export_ledgers(
    app: AppHandle,
    state: State<'_, AppState>,
    org_id: Option<i64>,
    period: String,
    unmasked: bool,
) -> Result<Option<LedgerSummary>> {
    let period = review::parse_period("period", &period, today())?;
    let pool = super::pool(&state)?;
    let proposed = format!("{}台账.xlsx", ledgers::title(&pool, org_id, period).await?);
    let Some(path) = super::dialogs::save(&app, "导出台账", &proposed, files::XLSX) else { return Ok(None) };
    let (bytes, summary) = ledgers::workbook(&pool, org_id, period, today(), unmasked).await?;
    files::write_atomic(&path, &bytes).map_err(|e| Error::file(&path, e))?;
    Ok(Some(summary))
}

/// Saves the 工作情况报告 of `org_id`'s subtree over `period` as a PDF the user chooses; what was
/// written, or none when the user cancels.
pub async fn review_export_report(
    app: AppHandle,
    state: State<'_, AppState>,
    org_id: Option<i64>,
    period: String,
) -> Result<Option<ReportSummary>> {
    let period = review::parse_period("period", &period, today())?;
    let pool = super::pool(&state)?;
    let report = report::report(&pool, org_id, period, today()).await?;
    let proposed = format!("{}.pdf", report.title);
    let Some(path) = super::dialogs::save(&app, "导出工作情况报告", &proposed, files::PDF) else {
        return Ok(None);
    };
    let (bytes, summary) = report::pdf(report);
    files::write_atomic(&path, &bytes).map_err(|e| Error::file(&path, e))?;
    Ok(Some(summary))
}
