//! 台账: the county review as an Excel workbook — the 统计汇总 and the 一览表 from the same
//! statistics the page shows, then a sheet per topic listing the records behind the figures,
//! each titled with the organization and period. ID numbers and phones are masked unless the
//! user asks for them whole.

mod sanliang;
pub mod sheet;
mod sijin;
mod summary;

use chrono::NaiveDate;
use rust_xlsxwriter::Workbook;
use serde::Serialize;
use sqlx::SqlitePool;
use ts_rs::TS;

use crate::common::catalog::OrgKind;
use crate::common::period::Period;
use crate::common::xlsx::failed;
use crate::error::Result;
use crate::review::scope::Scope;
use sheet::{Formats, Table};

/// What a ledger export wrote, for the message that reports it.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LedgerSummary {
    /// The organization and period, as the sheets' titles name them.
    pub title: String,
    pub sheets: usize,
    /// Data rows over all sheets.
    pub rows: usize,
}

/// The workbook's title, "江川县2026年": the organization (the county for the whole database)
/// and the period, as the statistics name them.
pub async fn title(pool: &SqlitePool, org_id: Option<i64>, period: Period) -> Result<String> {
    let mut conn = pool.acquire().await?;
    let scope = Scope::of(&mut conn, org_id).await?;
    let name = match &scope.root {
        Some(root) => root.name.clone(),
        None => scope.top().map(|t| t.name.clone()).unwrap_or_default(),
    };
    Ok(format!("{name}{}", super::period_label(period)))
}

/// The sheets for the subtree of `org_id` over `period`, in the workbook's order.
pub async fn tables(
    pool: &SqlitePool,
    org_id: Option<i64>,
    period: Period,
    today: NaiveDate,
    unmasked: bool,
) -> Result<(String, Vec<Table>)> {
    let stats = super::statistics(pool, org_id, period, today).await?;
    let (first, as_of) = (stats.scope.first, stats.scope.as_of);
    let mut tx = pool.begin().await?;
    let conn = &mut *tx;
    let scope = Scope::of(conn, org_id).await?;
    let mut tables = vec![summary::summary(&stats)];
    // As on the page: a township or the county has a 一览表, a community does not.
    if !matches!(stats.scope.org_kind, Some(OrgKind::Community | OrgKind::Branch | OrgKind::Unit))
        && !stats.communities.is_empty()
    {
        tables.push(summary::communities(&stats));
    }
    tables.push(sanliang::members(conn, &scope, as_of, unmasked).await?);
    tables.push(sanliang::posts(conn, &scope, as_of).await?);
    tables.push(sanliang::zones(conn, &scope).await?);
    tables.push(sanliang::pledges(conn, &scope, first, as_of).await?);
    tables.push(sijin::pairings(conn, &scope, first, as_of).await?);
    tables.push(sijin::support(conn, &scope, first, as_of).await?);
    tables.push(sijin::leader_visits(conn, &scope, first, as_of).await?);
    tables.push(sijin::difficulties(conn, &scope, first, as_of).await?);
    tables.push(sijin::deputy_visits(conn, &scope, first, as_of).await?);
    tables.push(sijin::suggestions(conn, &scope, first, as_of).await?);
    tables.push(sijin::volunteering(conn, &scope, first, as_of).await?);
    tx.commit().await?;
    let title = format!("{}{}", stats.scope.org_name, stats.scope.period_label);
    Ok((title, tables))
}

/// The ledgers as `.xlsx` bytes.
pub async fn workbook(
    pool: &SqlitePool,
    org_id: Option<i64>,
    period: Period,
    today: NaiveDate,
    unmasked: bool,
) -> Result<(Vec<u8>, LedgerSummary)> {
    let (title, tables) = tables(pool, org_id, period, today, unmasked).await?;
    let mut book = Workbook::new();
    let formats = Formats::default();
    for table in &tables {
        sheet::write(&mut book, &formats, &format!("{title}{}台账", table.name), table)?;
    }
    let bytes = book.save_to_buffer().map_err(failed)?;
    let rows = tables.iter().map(|t| t.rows.len()).sum();
    Ok((bytes, LedgerSummary { title, sheets: tables.len(), rows }))
}
