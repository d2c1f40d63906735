//! `sanliang import members FILE`: the import dialog's preview and import, as text — each row
//! with a problem on a line of its own, then the counts. Fails when nothing could be imported.

use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};
use sanliang::common::catalog::Category;
use sanliang::data::import::{self, ImportOptions, ImportPreview, OnDuplicate, RowOutcome};
use sanliang::error::{Error, Result};
use sanliang::paths::{today, Setting};
use sqlx::SqlitePool;

#[derive(Args)]
pub struct ImportArgs {
    #[command(subcommand)]
    what: ImportWhat,
}

#[derive(Clone, Copy, ValueEnum)]
enum Duplicates {
    Skip,
    Update,
}

#[derive(Subcommand)]
enum ImportWhat {
    /// 导入花名册 from .xlsx, .xls, .csv or .txt (UTF-8 or GBK).
    Members {
        file: PathBuf,
        /// The organization of rows that name none.
        #[arg(long)]
        org: Option<i64>,
        /// The 党员类别 code of rows that give none (in_service, no_post, …).
        #[arg(long, value_parser = parse_category)]
        category: Option<Category>,
        /// What to do with members already on the roster.
        #[arg(long, value_enum, default_value = "skip")]
        on_duplicate: Duplicates,
        /// 所在支部 names the tree lacks become new branches of --org (a community).
        #[arg(long, requires = "org")]
        new_branches: bool,
        /// Check and report only; write nothing.
        #[arg(long)]
        dry_run: bool,
    },
}

fn parse_category(code: &str) -> std::result::Result<Category, String> {
    Category::from_code(code).ok_or_else(|| {
        let codes: Vec<_> = Category::ALL.iter().map(|c| format!("{}（{}）", c.code(), c.label())).collect();
        format!("类别应为 {} 之一", codes.join("、"))
    })
}

fn report(preview: &ImportPreview) {
    for row in &preview.rows {
        for (issue, kind) in row.errors.iter().map(|i| (i, "错误")).chain(row.warnings.iter().map(|i| (i, "提示")))
        {
            let column = issue.column.map(|c| format!("【{}】", c.label())).unwrap_or_default();
            out!("第{}行 {kind}{column}{}", row.line, issue.message);
        }
        if row.outcome == RowOutcome::Skip {
            if let Some(d) = &row.duplicate {
                out!("第{}行 跳过：已登记的党员“{}”（{}）", row.line, d.name, d.org_name);
            }
        }
    }
    if !preview.new_branches.is_empty() {
        out!("将新建党支部：{}", preview.new_branches.join("、"));
    }
    let missing: Vec<&str> = preview.missing.iter().map(|c| c.label()).collect();
    if !missing.is_empty() {
        out!("缺少列：{}", missing.join("、"));
    }
}

pub async fn run(pool: &SqlitePool, args: ImportArgs) -> Result<()> {
    let ImportWhat::Members { file, org, category, on_duplicate, new_branches, dry_run } = args.what;
    let on_duplicate = match on_duplicate {
        Duplicates::Skip => OnDuplicate::Skip,
        Duplicates::Update => OnDuplicate::Update,
    };
    let options = ImportOptions { org_id: org, category, on_duplicate, new_branches, ..Default::default() };
    let sheets = import::read(&file).await?;
    let preview = import::preview_sheets(pool, &sheets, &options, today()).await?;
    report(&preview);
    let c = &preview.counts;
    let (created, updated) = if dry_run {
        out!(
            "检查完毕（未写入）：可新增 {} 名，可更新 {} 名，跳过 {} 名，有错误 {} 行",
            c.new,
            c.update,
            c.skip,
            c.error
        );
        (c.new, c.update)
    } else {
        // A test hook (debug builds): hold the import inside its transaction once N rows are
        // written (the first statement that reaches N).
        let hold: Option<usize> = Setting::ImportHoldAfter.read().and_then(|v| v.to_str()?.parse().ok());
        let done = import::import_sheets_with(pool, &sheets, &options, today(), |n| {
            if hold.is_some_and(|h| n >= h) {
                eprintln!("import held after {n} rows");
                loop {
                    std::thread::park();
                }
            }
        })
        .await?;
        out!(
            "已导入：新增 {} 名，更新 {} 名，跳过 {} 名，有错误 {} 行{}",
            done.created,
            done.updated,
            done.skipped,
            done.errors,
            if done.branches > 0 { format!("，新建党支部 {} 个", done.branches) } else { String::new() }
        );
        (done.created, done.updated)
    };
    if created + updated == 0 {
        return Err(Error::validation("file", "没有可导入的党员"));
    }
    Ok(())
}
