//! `sanliang`: the headless command line over the same core as the app — for administrators,
//! scripts and benchmarks. No window is opened.

/// `println!` that ends the program quietly when the reader has gone (`sanliang … | head`).
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        if writeln!(std::io::stdout(), $($arg)*).is_err() {
            std::process::exit(0);
        }
    }};
}

mod backup;
mod bench;
mod bench_photos;
mod exchange;
mod export;
mod import;
mod overview;
mod print;
mod review;
mod roster;
#[path = "sanliang.rs"]
mod sanliang_cli;
mod sijin;

use std::future::Future;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};
use sanliang::common::catalog::PledgeStatus;
use sanliang::common::limits;
use sanliang::error::Result;
use sanliang::paths::{self, today};

#[derive(Parser)]
#[command(name = "sanliang", about = "三亮四进工作台 命令行工具", version)]
struct Cli {
    /// Data folder (defaults to $SANLIANG_DATA_DIR).
    #[arg(long, global = true)]
    data_dir: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum Scale {
    Community,
    County,
}

#[derive(Subcommand)]
enum Command {
    /// 载入示例数据 into an empty database.
    Demo {
        #[arg(long, value_enum, default_value = "community")]
        scale: Scale,
        /// 清除示例数据: remove the demo and everything added to its organizations.
        #[arg(long)]
        clear: bool,
    },
    /// Lists members matching a name, pinyin, phone or ID-number tail (empty: everyone).
    Members {
        #[arg(long, default_value = "")]
        search: String,
        /// Limit to an organization subtree.
        #[arg(long)]
        org: Option<i64>,
    },
    /// 亮身份: members on the roll who have shown identity, by mark, and those who have not yet.
    Identity {
        #[arg(long)]
        org: Option<i64>,
    },
    /// 亮职责: members holding a post (认岗定责 / 设岗定责) and every post with its holders.
    Posts {
        #[arg(long)]
        org: Option<i64>,
    },
    /// 亮承诺: pledges by status, overdue first, with their progress.
    Pledges {
        #[arg(long)]
        org: Option<i64>,
        /// draft | published | overdue | completed | not_completed
        #[arg(long, value_parser = parse_status)]
        status: Option<PledgeStatus>,
        /// Judge deadlines against this date instead of today (YYYY-MM-DD).
        #[arg(long)]
        today: Option<NaiveDate>,
        #[arg(long)]
        year: Option<i32>,
    },
    /// 机关单位进社区: pairings with their agreements and support, funds to the fen.
    Pairings {
        #[arg(long)]
        org: Option<i64>,
    },
    /// 党员干部进社区: visits in a month, the leader–community pairs with none, open difficulties.
    Visits {
        #[arg(long)]
        org: Option<i64>,
        /// The month, e.g. 2026-11 (default: this month).
        #[arg(long)]
        period: Option<String>,
    },
    /// 代表委员进社区: visits in a quarter, pairs with none, reception points, open suggestions.
    Deputies {
        #[arg(long)]
        org: Option<i64>,
        /// A quarter (2026-Q4) or a month in it (2026-11); default: this quarter.
        #[arg(long)]
        period: Option<String>,
    },
    /// 志愿者进社区: activities in a period and each member's activities and hours.
    Volunteering {
        #[arg(long)]
        org: Option<i64>,
        /// A year (2026) or a month (2026-11); default: this year.
        #[arg(long)]
        period: Option<String>,
    },
    /// 服务安排: a month's plan with each date done, still to come, missed or cancelled, and
    /// the clashes.
    Schedule {
        #[arg(long)]
        org: Option<i64>,
        /// The month, e.g. 2026-12 (default: this month).
        #[arg(long)]
        month: Option<String>,
    },
    /// 待办提醒: what needs doing this month and quarter, as the home page shows it.
    Reminders {
        #[arg(long)]
        org: Option<i64>,
        /// Judge against this date instead of today (YYYY-MM-DD).
        #[arg(long)]
        today: Option<NaiveDate>,
    },
    /// 检查汇总: the county review's statistics for an organization subtree and period.
    Stats {
        #[arg(long)]
        org: Option<i64>,
        /// 2026 | 2026-Q4 | 2026-11 | 2026-01-01..2026-06-30 (default: this year).
        #[arg(long)]
        period: Option<String>,
        /// The documented JSON of docs/statistics.md instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Prints pledge cards and the other items to a PDF file.
    Print(print::PrintArgs),
    /// 导入花名册: checks a roster file and imports its members in one transaction.
    Import(import::ImportArgs),
    /// 导出花名册 or the review's 台账 to .xlsx.
    Export(export::ExportArgs),
    /// 交换文件: a subtree exported for the county, or such files imported.
    Exchange(exchange::ExchangeArgs),
    /// 立即备份: the database and every file it points to, in one zip.
    Backup {
        #[arg(long)]
        out: PathBuf,
    },
    /// 恢复: checks a backup, saves the current data aside, and puts the backup in place.
    Restore {
        file: PathBuf,
        /// The folder the current data are saved to first (default: the backup folder).
        #[arg(long)]
        aside: Option<PathBuf>,
    },
    /// Benchmarks roster search at county scale (loads the county demo data if the database is empty).
    Bench {
        #[arg(long, default_value_t = 50)]
        iterations: usize,
        /// Instead: give the first N members a 12-megapixel photo, print their boards, and report
        /// the peak memory.
        #[arg(long)]
        boards_with_photos: Option<usize>,
        /// Also write every row measured (label, count, p50 and p95 in ms) to this JSON file,
        /// for `cargo xtask bench`'s table.
        #[arg(long)]
        json: Option<PathBuf>,
    },
}

fn parse_status(code: &str) -> std::result::Result<PledgeStatus, String> {
    PledgeStatus::from_code(code).ok_or_else(|| {
        let codes: Vec<_> = PledgeStatus::ALL.iter().map(|s| s.code()).collect();
        format!("状态应为 {} 之一", codes.join(" | "))
    })
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // The window's words, then the system's for whoever helps.
            let shown = e.to_ipc();
            eprintln!("错误：{}", shown.message);
            if let Some(detail) = shown.detail {
                eprintln!("详情：{detail}");
            }
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> Result<()> {
    // A portable copy's command line works on the data beside it, like its app.
    let portable = || paths::portable_data_dir(std::env::current_exe().ok().as_deref());
    let Some(data_dir) = cli.data_dir.or_else(paths::data_dir_override).or_else(portable) else {
        return Err(sanliang::error::Error::validation(
            "dataDir",
            "请用 --data-dir 指定数据目录（或设置 SANLIANG_DATA_DIR）",
        ));
    };
    // A restore a crash interrupted is finished before the database is opened, as the app does.
    sanliang::data::backup::swap::finish_pending(&data_dir)?;
    let mut pool = sanliang::db::open(&data_dir).await?;
    match cli.command {
        Command::Demo { clear: true, .. } => roster::clear_demo(&pool, &data_dir).await?,
        Command::Demo { scale, .. } => roster::demo(&pool, scale).await?,
        Command::Members { search, org } => roster::members(&pool, &search, org).await?,
        Command::Identity { org } => sanliang_cli::identity(&pool, org).await?,
        Command::Posts { org } => sanliang_cli::posts(&pool, org).await?,
        Command::Pledges { org, status, today: on, year } => {
            sanliang_cli::pledges(&pool, org, status, on.unwrap_or_else(today), year).await?
        }
        Command::Pairings { org } => sijin::pairings(&pool, org).await?,
        Command::Visits { org, period } => sijin::visits(&pool, org, period).await?,
        Command::Deputies { org, period } => sijin::deputies(&pool, org, period).await?,
        Command::Volunteering { org, period } => sijin::volunteering(&pool, org, period).await?,
        Command::Schedule { org, month } => sijin::schedule(&pool, org, month).await?,
        Command::Reminders { org, today: on } => overview::reminders(&pool, org, on.unwrap_or_else(today)).await?,
        Command::Stats { org, period, json } => review::stats(&pool, org, period, json, today()).await?,
        Command::Print(args) => print::run(&pool, &data_dir, args).await?,
        Command::Import(args) => import::run(&pool, args).await?,
        Command::Export(args) => export::run(&pool, args, today()).await?,
        Command::Exchange(args) => exchange::run(&pool, args).await?,
        Command::Backup { out } => backup::backup(&pool, &data_dir, &out).await?,
        Command::Restore { file, aside } => pool = backup::restore(pool, &data_dir, &file, aside).await?,
        Command::Bench { boards_with_photos: Some(n), .. } => bench_photos::boards(&pool, &data_dir, n).await?,
        Command::Bench { iterations, json, .. } => bench::search(&pool, iterations, json.as_deref()).await?,
    }
    sanliang::db::close(&pool).await;
    Ok(())
}

/// Runs `page` for pages 1, 2, … of `limits::PAGE_SIZE_MAX` rows until the total it reports
/// is reached; returns that total.
pub async fn every_page<F, Fut>(mut page: F) -> Result<i64>
where
    F: FnMut(u32) -> Fut,
    Fut: Future<Output = Result<i64>>,
{
    let mut n = 1;
    loop {
        let total = page(n).await?;
        if total <= i64::from(n) * i64::from(limits::PAGE_SIZE_MAX) {
            return Ok(total);
        }
        n += 1;
    }
}
