//! `sanliang print ITEM --out FILE.pdf`: the print centre without a window.

use std::path::{Path, PathBuf};
use std::time::Instant;

use clap::{Args, ValueEnum};
use sanliang::common::catalog::Category;
use sanliang::error::{Error, Result};
use sanliang::paths::today;
use sanliang::print::data::Selection;
use sanliang::print::{self, Paper, PrintKind, PrintOptions};
use sqlx::SqlitePool;

#[derive(Clone, Copy, ValueEnum)]
pub enum Item {
    PledgeCards,
    Boards,
    Badges,
    DeskSigns,
    ZoneSigns,
    Notice,
    /// 服务安排公示表 of a month.
    Schedule,
    /// 代表委员工作证.
    DeputyPasses,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum PaperArg {
    A4,
    A3,
    A6,
    A5,
}

#[derive(Args)]
pub struct PrintArgs {
    pub item: Item,
    /// The PDF to write.
    #[arg(long)]
    pub out: PathBuf,
    /// Limit to an organization subtree (default: everything in the database).
    #[arg(long)]
    pub org: Option<i64>,
    /// Only members of this category (its code, e.g. in_service).
    #[arg(long, value_parser = parse_category)]
    pub category: Option<Category>,
    /// Pledge year (default: this year).
    #[arg(long)]
    pub year: Option<i32>,
    /// Paper: a6 (four cards per A4) or a5 (two per A4) for cards; a4 or a3 for the rest.
    #[arg(long, value_enum)]
    pub paper: Option<PaperArg>,
    #[arg(long)]
    pub no_crop_marks: bool,
    /// Print only the first N members (for trials and benchmarks).
    #[arg(long)]
    pub limit: Option<usize>,
    /// The 服务安排 sheet's month, e.g. 2026-12 (default: this month).
    #[arg(long)]
    pub month: Option<String>,
}

fn parse_category(code: &str) -> std::result::Result<Category, String> {
    Category::from_code(code).ok_or_else(|| {
        let codes: Vec<_> = Category::ALL.iter().map(|c| c.code()).collect();
        format!("类别应为 {} 之一", codes.join(" | "))
    })
}

pub async fn run(pool: &SqlitePool, data_dir: &Path, args: PrintArgs) -> Result<()> {
    let started = Instant::now();
    let kind = match args.item {
        Item::PledgeCards => PrintKind::PledgeCards,
        Item::Boards => PrintKind::Boards,
        Item::Badges => PrintKind::Badges,
        Item::DeskSigns => PrintKind::DeskSigns,
        Item::ZoneSigns => PrintKind::ZoneSigns,
        Item::Notice => PrintKind::Notice,
        Item::Schedule => PrintKind::Schedule,
        Item::DeputyPasses => PrintKind::DeputyPasses,
    };
    let paper = match args.paper {
        Some(PaperArg::A4) => Paper::A4,
        Some(PaperArg::A3) => Paper::A3,
        Some(PaperArg::A5) => Paper::A5,
        Some(PaperArg::A6) => Paper::A6,
        None if kind == PrintKind::PledgeCards => Paper::A6,
        None => Paper::A4,
    };
    let options = PrintOptions {
        kind,
        selection: Selection { org_id: args.org, category: args.category, limit: args.limit, ..Default::default() },
        year: args.year,
        paper,
        crop_marks: !args.no_crop_marks,
        month: args.month,
    };
    let job = print::prepare(pool, data_dir, options, today()).await?;
    let gathered = started.elapsed();
    let (bytes, summary) = job.compose(None, &mut |_, _| true)?;
    // Whole or not at all: an interrupted run never leaves half a PDF.
    sanliang::common::files::write_atomic(&args.out, &bytes).map_err(|e| Error::file(&args.out, e))?;
    out!(
        "已生成 {}：{} 份，{} 张，{:.1} KB；读取数据 {:.2?}，排版与写入 {:.2?}",
        args.out.display(),
        summary.items,
        summary.sheets,
        summary.bytes as f64 / 1024.0,
        gathered,
        started.elapsed() - gathered
    );
    Ok(())
}
