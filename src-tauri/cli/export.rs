//! `sanliang export members|ledgers|report --out F`: the roster (or a search of it), or the
//! county review's 台账 or 工作情况报告, as the app exports them.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Subcommand};
use sanliang::common::files;
use sanliang::common::period::Period;
use sanliang::data::export;
use sanliang::error::{Error, Result};
use sanliang::review::{self, ledgers, report};
use sanliang::roster::members::MemberQuery;
use sqlx::SqlitePool;

#[derive(Args)]
pub struct ExportArgs {
    #[command(subcommand)]
    what: ExportWhat,
}

#[derive(Subcommand)]
enum ExportWhat {
    /// 导出花名册 to .xlsx; ID numbers and phones masked unless --unmasked.
    Members {
        #[arg(long)]
        out: PathBuf,
        #[arg(long)]
        org: Option<i64>,
        /// Name, pinyin, or the tail of a phone or ID number.
        #[arg(long, default_value = "")]
        search: String,
        /// Write ID numbers and phones whole (the file then holds personal data).
        #[arg(long)]
        unmasked: bool,
    },
    /// 台账 of the county review to .xlsx; ID numbers and phones masked unless --unmasked.
    Ledgers {
        #[arg(long)]
        out: PathBuf,
        #[command(flatten)]
        review: ReviewScope,
        /// Write ID numbers and phones whole (the file then holds personal data).
        #[arg(long)]
        unmasked: bool,
    },
    /// 工作情况报告 of the county review to .pdf (names only, no ID numbers or phones).
    Report {
        #[arg(long)]
        out: PathBuf,
        #[command(flatten)]
        review: ReviewScope,
    },
}

/// What a review export covers.
#[derive(Args)]
struct ReviewScope {
    /// The organization whose subtree is counted (default: the whole database).
    #[arg(long)]
    org: Option<i64>,
    /// 2026 | 2026-Q4 | 2026-11 | 2026-01-01..2026-06-30 (default: this year).
    #[arg(long)]
    period: Option<String>,
}

impl ReviewScope {
    fn period(&self, today: NaiveDate) -> Result<Period> {
        match &self.period {
            Some(text) => review::parse_period("period", text, today),
            None => Ok(Period::year_of(today)),
        }
    }
}

pub async fn run(pool: &SqlitePool, args: ExportArgs, today: NaiveDate) -> Result<()> {
    match args.what {
        ExportWhat::Members { out, org, search, unmasked } => {
            let query = MemberQuery { org_id: org, text: search, ..Default::default() };
            let (bytes, exported) = export::members_workbook(pool, &query, unmasked).await?;
            files::write_atomic(&out, &bytes).map_err(|e| Error::file(&out, e))?;
            out!("已导出 {} 名党员：{}", exported.members, out.display());
        }
        ExportWhat::Ledgers { out, review, unmasked } => {
            let period = review.period(today)?;
            let (bytes, summary) = ledgers::workbook(pool, review.org, period, today, unmasked).await?;
            files::write_atomic(&out, &bytes).map_err(|e| Error::file(&out, e))?;
            out!("已导出{}台账，{} 张表 {} 行：{}", summary.title, summary.sheets, summary.rows, out.display());
        }
        ExportWhat::Report { out, review } => {
            let period = review.period(today)?;
            let (bytes, summary) = report::pdf(report::report(pool, review.org, period, today).await?);
            files::write_atomic(&out, &bytes).map_err(|e| Error::file(&out, e))?;
            out!("已导出{}，共 {} 页：{}", summary.title, summary.pages, out.display());
        }
    }
    Ok(())
}
