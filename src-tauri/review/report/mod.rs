//! 工作情况报告: the county review as a formal PDF in the look of Chinese official documents
//! (GB/T 9704) — organization and period, the figures sentence, the responsibility chain, 三亮
//! and each of the 四进 with tables and vector charts, the communities of a township or county —
//! from the same statistics as the page, set with the print layer's fonts and line breaking.

mod chart;
mod content;
pub mod flow;
pub mod page;
mod sijin;

use chrono::NaiveDate;
use serde::Serialize;
use sqlx::SqlitePool;
use ts_rs::TS;

use crate::common::period::Period;
use crate::error::Result;
use crate::print::canvas::{MarkKind, Sheet};
use crate::print::data::check_glyphs;
use crate::print::document::Document;
use crate::print::fonts::FaceKind;
use crate::review::model::Statistics;
use content::Builder;
use flow::Block;

pub use chart::{Bar, Chart, Scale, Series};

/// A report laid out: its title and pages.
pub struct Report {
    pub title: String,
    pub sheets: Vec<Sheet>,
}

/// What a report export wrote, for the message that reports it.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReportSummary {
    pub title: String,
    pub pages: usize,
}

/// The report's blocks for statistics `s`, signed on `today`.
pub fn blocks(s: &Statistics, today: NaiveDate) -> Vec<Block> {
    let mut b = Builder::default();
    b.blocks.push(Block::Title(content::title_parts(s)));
    content::opening(&mut b, s);
    content::overview(&mut b, s);
    content::responsibility(&mut b, s);
    content::sanliang(&mut b, s);
    sijin::sijin(&mut b, s);
    sijin::communities(&mut b, s);
    b.blocks.push(Block::Signature { sender: s.scope.org_name.clone(), date: content::day(today) });
    b.blocks
}

/// The report laid out on pages; refused when a name in it has a character no bundled face has.
pub fn compose(s: &Statistics, today: NaiveDate) -> Result<Report> {
    let sheets = flow::flow(&blocks(s, today));
    let texts = sheets.iter().flat_map(|sheet| &sheet.marks).filter_map(|m| match &m.kind {
        MarkKind::Text(t) => Some(("工作情况报告", "文字", t.as_str(), FaceKind::Sans)),
        _ => None,
    });
    check_glyphs(texts)?;
    Ok(Report { title: content::title(s), sheets })
}

/// The report of `org_id`'s subtree (the whole database for `None`) over `period`.
pub async fn report(pool: &SqlitePool, org_id: Option<i64>, period: Period, today: NaiveDate) -> Result<Report> {
    let s = super::statistics(pool, org_id, period, today).await?;
    compose(&s, today)
}

/// The report as PDF bytes: fonts subset to the characters used, the same bytes for the same data.
pub fn pdf(report: Report) -> (Vec<u8>, ReportSummary) {
    let summary = ReportSummary { title: report.title.clone(), pages: report.sheets.len() };
    (Document::new(&report.title).into_bytes(report.sheets), summary)
}
