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

mod bench;
mod print;

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};
use sanliang::common::catalog::{Category, MemberStatus, PledgeStatus};
use sanliang::common::money::format_fen;
use sanliang::common::period::Period;
use sanliang::demo::{self, DemoScale};
use sanliang::error::Result;
use sanliang::overview::reminders;
use sanliang::paths::{self, today};
use sanliang::roster::members::{self, MemberQuery};
use sanliang::sanliang::identity;
use sanliang::sanliang::pledges::{self, PledgeQuery};
use sanliang::sanliang::posts;
use sanliang::sijin::pairings;
use sanliang::sijin::{deputies, difficulties, leaders, volunteering};

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
enum Scale {
    Community,
    County,
}

#[derive(Subcommand)]
enum Command {
    /// 载入示例数据 into an empty database.
    Demo {
        #[arg(long, value_enum, default_value = "community")]
        scale: Scale,
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
    /// 待办提醒: what needs doing this month and quarter, as the home page shows it.
    Reminders {
        #[arg(long)]
        org: Option<i64>,
        /// Judge against this date instead of today (YYYY-MM-DD).
        #[arg(long)]
        today: Option<NaiveDate>,
    },
    /// Prints pledge cards and the other items to a PDF file.
    Print(print::PrintArgs),
    /// Benchmarks roster search at county scale (loads the county demo data if the database is empty).
    Bench {
        #[arg(long, default_value_t = 50)]
        iterations: usize,
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
            eprintln!("错误：{e}");
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> Result<()> {
    let Some(data_dir) = cli.data_dir.or_else(|| paths::data_dir_override(std::iter::empty())) else {
        return Err(sanliang::error::Error::validation(
            "dataDir",
            "请用 --data-dir 指定数据目录（或设置 SANLIANG_DATA_DIR）",
        ));
    };
    let pool = sanliang::db::open(&data_dir).await?;
    match cli.command {
        Command::Demo { scale } => {
            let scale = match scale {
                Scale::Community => DemoScale::Community,
                Scale::County => DemoScale::County,
            };
            let summary = demo::load(&pool, scale, today()).await?;
            out!("已载入示例数据：{} 个组织，{} 名党员", summary.organizations, summary.members);
        }
        Command::Members { search, org } => {
            let mut page = 1;
            loop {
                let query = MemberQuery {
                    org_id: org,
                    text: search.clone(),
                    page,
                    page_size: members::PAGE_SIZE_MAX,
                    ..Default::default()
                };
                let result = members::search(&pool, &query).await?;
                for m in &result.rows {
                    out!(
                        "{}\t{}\t{}\t{}\t{}\t{}\t{}",
                        m.id,
                        m.name,
                        m.org_name,
                        Category::label(m.category),
                        MemberStatus::label(m.status),
                        m.phone_masked,
                        m.id_number_masked
                    );
                }
                if i64::from(page) * i64::from(members::PAGE_SIZE_MAX) >= result.total {
                    eprintln!("共 {} 名党员", result.total);
                    break;
                }
                page += 1;
            }
        }
        Command::Identity { org } => {
            let s = identity::summary(&pool, org).await?;
            out!("在册党员\t{}", s.active_members);
            out!("已亮身份\t{}", s.shown);
            out!("未亮身份\t{}", s.not_shown);
            for t in &s.by_type {
                out!("{}\t{}", t.label, t.count);
            }
            let mut page = 1;
            loop {
                let p = identity::not_shown(&pool, org, page, members::PAGE_SIZE_MAX).await?;
                for m in &p.rows {
                    out!("未亮身份：{}\t{}\t{}", m.id, m.name, m.org_name);
                }
                if i64::from(page) * i64::from(members::PAGE_SIZE_MAX) >= p.total {
                    break;
                }
                page += 1;
            }
        }
        Command::Posts { org } => {
            let s = posts::stats(&pool, org).await?;
            out!("在册党员\t{}", s.active_members);
            out!("已认岗定责\t{}", s.with_post);
            out!("其中认岗\t{}", s.claimed);
            out!("其中设岗\t{}", s.assigned);
            out!("岗位数\t{}", s.posts);
            for p in posts::list(&pool, org).await? {
                out!("岗位：{}\t{}\t{}\t{}/{}", p.id, p.community_name, p.name, p.holders, p.capacity);
            }
        }
        Command::Pledges { org, status, today: on, year } => {
            let on = on.unwrap_or_else(today);
            let query = PledgeQuery { org_id: org, year, status, page: 1, page_size: u32::MAX, ..Default::default() };
            let mut page = 1;
            loop {
                let result = pledges::search(&pool, &PledgeQuery { page, page_size: 200, ..query.clone() }, on).await?;
                if page == 1 {
                    let c = &result.counts;
                    out!("承诺\t{}", c.total);
                    for (status, n) in [
                        (PledgeStatus::Draft, c.draft),
                        (PledgeStatus::Published, c.published),
                        (PledgeStatus::Overdue, c.overdue),
                        (PledgeStatus::Completed, c.completed),
                        (PledgeStatus::NotCompleted, c.not_completed),
                    ] {
                        out!("{}\t{n}", status.label());
                    }
                }
                for r in &result.rows {
                    out!(
                        "承诺：{}\t{}年\t{}\t{}\t{}\t完成{}/{}项\t逾期{}项\t最近时限{}",
                        r.id,
                        r.year,
                        r.owner_name,
                        r.org_name,
                        r.status.label(),
                        r.done,
                        r.items,
                        r.overdue_items,
                        r.next_deadline.map_or_else(|| "—".to_owned(), |d| d.to_string())
                    );
                }
                if i64::from(page) * 200 >= result.total {
                    break;
                }
                page += 1;
            }
        }
        Command::Pairings { org } => {
            let s = pairings::stats(&pool, org).await?;
            out!("结对共建\t{}", s.pairings);
            out!("结对社区\t{}", s.communities);
            out!("帮扶资金\t{}", format_fen(s.funds_fen));
            out!("帮扶对子\t{}", s.help_pairs);
            for p in pairings::list(&pool, org).await? {
                let agreement = match (p.signed_on, p.agreement_until) {
                    (Some(s), Some(u)) => format!("协议{s}至{u}"),
                    (Some(s), None) => format!("协议{s}签订"),
                    _ => "未签协议".to_owned(),
                };
                let ended = p.end_on.map(|e| format!("\t已于{e}结束")).unwrap_or_default();
                out!(
                    "结对：{}\t{}\t{}\t{}\t帮扶{}次\t资金{}{ended}",
                    p.id,
                    p.unit_name,
                    p.community_name,
                    agreement,
                    p.records,
                    format_fen(p.funds_fen)
                );
            }
        }
        Command::Visits { org, period } => {
            let period = period.unwrap_or_else(|| Period::month_of(today()).to_string());
            let visits = leaders::visits(&pool, org, Some(&period)).await?;
            let missing = leaders::missing_visits(&pool, org, &period).await?;
            let open = difficulties::open(&pool, org).await?;
            out!("{period}走访\t{}", visits.len());
            out!("{period}未走访\t{}", missing.len());
            out!("未办结诉求\t{}", open.len());
            for v in &visits {
                out!(
                    "走访：{}\t{}\t{}\t{}\t诉求{}件",
                    v.visited_on,
                    v.leader_name,
                    v.community_name,
                    v.kind.label(),
                    v.difficulties
                );
            }
            for m in &missing {
                let last = m.last_visit.map_or_else(|| "从未走访".to_owned(), |d| format!("上次{d}"));
                out!("未走访：{}\t{}\t{}\t{last}", m.leader_name, m.level.label(), m.community_name);
            }
            for d in &open {
                out!(
                    "诉求：{}\t{}\t{}\t{}\t{}",
                    d.raised_on,
                    d.community_name,
                    d.content,
                    d.responsible,
                    d.status.label()
                );
            }
        }
        Command::Deputies { org, period } => {
            let period = period.unwrap_or_else(|| Period::quarter_of(today()).to_string());
            let visits = deputies::visits(&pool, org, &period).await?;
            let missing = deputies::missing_visits(&pool, org, &period).await?;
            let open = deputies::open_suggestions(&pool, org).await?;
            out!("代表委员\t{}", deputies::list(&pool, org).await?.len());
            out!("本季度进社区\t{}", visits.len());
            out!("本季度未进社区\t{}", missing.len());
            out!("未答复意见建议\t{}", open.len());
            for v in &visits {
                out!("进社区：{}\t{}\t{}\t意见建议{}条", v.visited_on, v.deputy_name, v.community_name, v.suggestions);
            }
            for m in &missing {
                let last = m.last_visit.map_or_else(|| "从未进社区".to_owned(), |d| format!("上次{d}"));
                out!("未进社区：{}\t{}\t{last}", m.deputy_name, m.community_name);
            }
            for p in deputies::receptions(&pool, org).await? {
                out!("接待点：{}\t{}\t{}\t{}", p.community_name, p.place, p.schedule, p.on_duty.join("、"));
            }
            for s in &open {
                out!("意见建议：{}\t{}\t{}\t{}", s.raised_on, s.community_name, s.deputy_name, s.content);
            }
        }
        Command::Volunteering { org, period } => {
            let period = period.unwrap_or_else(|| Period::year_of(today()).to_string());
            let (from, to) = volunteering::period_bounds("period", &period)?;
            let activities = volunteering::list(&pool, org, from, to).await?;
            let hours = |t: i64| format!("{}.{}", t / 10, t % 10);
            out!("志愿服务活动\t{}", activities.len());
            out!("服务群众\t{}", activities.iter().map(|a| a.people_served).sum::<i64>());
            out!("志愿服务时长\t{}", hours(activities.iter().map(|a| a.hours_tenths).sum()));
            for a in &activities {
                out!(
                    "活动：{}\t{}\t{}\t{}\t参加{}人\t服务{}人\t{}小时",
                    a.held_on,
                    a.community_name,
                    a.organizer,
                    a.service_type,
                    a.participants,
                    a.people_served,
                    hours(a.hours_tenths)
                );
            }
            for m in volunteering::member_hours(&pool, org, from, to).await? {
                out!("党员：{}\t{}\t{}次\t{}小时", m.name, m.org_name, m.activities, hours(m.hours_tenths));
            }
        }
        Command::Reminders { org, today: on } => {
            let all = reminders::for_today(&pool, org, on.unwrap_or_else(today)).await?;
            if all.is_empty() {
                out!("没有待办提醒");
            }
            for r in all {
                out!("{}\t{}\t{}", r.key, r.title, r.examples.join("；"));
            }
        }
        Command::Print(args) => print::run(&pool, &data_dir, args).await?,
        Command::Bench { iterations } => bench::search(&pool, iterations).await?,
    }
    pool.close().await;
    Ok(())
}
