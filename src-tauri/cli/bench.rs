//! `sanliang bench`: p50/p95 of roster searches, pledge lists, 最近变动 and the roster's export and
//! import through the core, on county-scale data.

use std::time::{Duration, Instant};

use chrono::Datelike;
use sanliang::common::catalog::{Category, MemberStatus, PledgeStatus};
use sanliang::data::import::columns::{self, Column};
use sanliang::data::import::sheet::{Cell, Sheet};
use sanliang::data::import::{ImportOptions, OnDuplicate};
use sanliang::data::{export, import};
use sanliang::demo::{self, DemoScale};
use sanliang::error::Result;
use sanliang::overview::changes;
use sanliang::paths::today;
use sanliang::review;
use sanliang::roster::members::{self, MemberQuery, MemberSort};
use sanliang::roster::orgs;
use sanliang::sanliang::pledges::{self, PledgeQuery};
use sqlx::SqlitePool;

/// Every row measured so far: label, count, p50 and p95 in milliseconds.
static MEASURED: std::sync::Mutex<Vec<serde_json::Value>> = std::sync::Mutex::new(Vec::new());

pub async fn search(pool: &SqlitePool, iterations: usize, json: Option<&std::path::Path>) -> Result<()> {
    run(pool, iterations).await?;
    if let Some(path) = json {
        let rows = MEASURED.lock().map(|m| m.clone()).unwrap_or_default();
        std::fs::write(path, serde_json::Value::from(rows).to_string())?;
    }
    Ok(())
}

async fn run(pool: &SqlitePool, iterations: usize) -> Result<()> {
    if !orgs::any(pool).await? {
        let started = Instant::now();
        let s = demo::load(pool, DemoScale::County, today()).await?;
        out!("载入县级示例数据：{} 个组织，{} 名党员，用时 {:.2?}", s.organizations, s.members, started.elapsed());
    }
    let tree = orgs::tree(pool).await?;
    let county = tree.first().map(|n| n.org.id);
    let township = tree.first().and_then(|n| n.children.first()).map(|n| n.org.id);
    let all = members::search(pool, &MemberQuery { page_size: 1, ..Default::default() }).await?.total;
    out!("党员总数：{all}");

    let q = |text: &str| MemberQuery { text: text.into(), page: 1, page_size: 20, ..Default::default() };
    let cases: Vec<(&str, MemberQuery)> = vec![
        ("全部（第1页）", q("")),
        ("姓名“李”", q("李")),
        ("拼音全拼 wangjian", q("wangjian")),
        ("拼音首字母 zs", q("zs")),
        ("拼音首字母 lh + 乡镇子树", MemberQuery { org_id: township, ..q("lh") }),
        ("手机号尾号 5678", q("5678")),
        ("身份证尾号 123X", q("123x")),
        (
            "类别+状态筛选",
            MemberQuery {
                category: Some(Category::NoPost),
                status: Some(MemberStatus::Active),
                org_id: county,
                ..q("")
            },
        ),
        ("按入党日期倒序第50页", MemberQuery { sort: MemberSort::JoinedOn, descending: true, page: 50, ..q("") }),
    ];
    let mut all_samples = Vec::new();
    out!("{:<28} {:>8} {:>10} {:>10}", "查询", "命中", "p50", "p95");
    for (label, query) in &cases {
        all_samples.extend(measure(label, iterations, async || Ok(members::search(pool, query).await?.total)).await?);
    }
    let (p50, p95) = percentiles(&mut all_samples);
    record("roster search (all)", all_samples.len() as i64, p50, p95);
    out!("全部 {} 次查询：p50 {p50:.2?}，p95 {p95:.2?}（目标 p95 < 20ms）", all_samples.len());
    pledge_lists(pool, iterations.min(20), county, township).await?;
    recent_changes(pool, iterations.min(20), county, township).await?;
    review_figures(pool, iterations.min(20), county, township).await?;
    roster_files(pool, iterations.min(5)).await
}

/// Characters added to the names of the bench's new members, one per round.
const NEW_NAMES: [char; 6] = ['甲', '乙', '丙', '丁', '戊', '己'];

/// 导出 and 导入花名册 of the whole county (≈21,000 rows): the export, then that file read, every
/// row checked and previewed, and imported as updates of the same members in one transaction.
async fn roster_files(pool: &SqlitePool, iterations: usize) -> Result<()> {
    let everyone = MemberQuery::default();
    let dir = std::env::temp_dir().join(format!("sanliang-bench-import-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let file = dir.join("全县花名册.xlsx");
    out!("{:<28} {:>8} {:>10} {:>10}", "花名册文件", "行数", "p50", "p95");
    measure("导出花名册：全县", iterations, async || {
        let (bytes, exported) = export::members_workbook(pool, &everyone, true).await?;
        std::fs::write(&file, bytes)?;
        Ok(exported.members as i64)
    })
    .await?;
    let sheets = import::read(&file).await?;
    let rows = sheets.first().map_or(0, |s| s.rows.len() as i64 - 1);
    measure("导入：读取文件", iterations, async || {
        Ok(import::read(&file).await?.first().map_or(0, |s| s.rows.len() as i64))
    })
    .await?;
    let options = ImportOptions { on_duplicate: OnDuplicate::Update, ..Default::default() };
    measure("导入：检查与预览", iterations, async || {
        Ok(import::preview_sheets(pool, &sheets, &options, today()).await?.counts.rows as i64)
    })
    .await?;
    measure("导入：写入（一个事务）", iterations, async || {
        let report = import::import_sheets(pool, &sheets, &options, today()).await?;
        Ok((report.created + report.updated) as i64)
    })
    .await?;
    // Every row changed (the address), so each update also writes its 操作记录 with the record
    // before and after: the import as a real correction of the whole roster costs.
    let mut round = 0;
    measure("导入：写入（每行有改动，含操作记录）", iterations, async || {
        round += 1;
        let changed = each_member_row(&sheets, |row, columns| {
            if let Some(Cell::Text(t)) = cell(row, columns, Column::Address) {
                t.push_str(&format!("{round}"));
            }
        });
        let report = import::import_sheets(pool, &changed, &options, today()).await?;
        Ok((report.created + report.updated) as i64)
    })
    .await?;
    // The same roster as new people (other names, no ID numbers): every row a new member, as
    // when a community's roster is first imported.
    let skip = ImportOptions { on_duplicate: OnDuplicate::Skip, ..Default::default() };
    let mut round = 0;
    measure("导入：写入（全部是新党员）", iterations, async || {
        round += 1;
        let fresh = each_member_row(&sheets, |row, columns| {
            if let Some(Cell::Text(t)) = cell(row, columns, Column::Name) {
                t.push(NEW_NAMES[round % NEW_NAMES.len()]);
            }
            if let Some(id_number) = cell(row, columns, Column::IdNumber) {
                *id_number = Cell::Empty;
            }
        });
        Ok(import::import_sheets(pool, &fresh, &skip, today()).await?.created as i64)
    })
    .await?;
    out!("（文件共 {rows} 行；目标：读取、检查与预览合计 < 2s，写入 < 5s）");
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

/// A copy of `sheets` with `edit` applied to each row below the first sheet's header, as the
/// import finds it (`columns::find_header`), given the column of each cell.
fn each_member_row(sheets: &[Sheet], mut edit: impl FnMut(&mut [Cell], &[Option<Column>])) -> Vec<Sheet> {
    let mut copy = sheets.to_vec();
    if let Some(sheet) = copy.first_mut() {
        if let Some((header, columns)) = columns::find_header(sheet) {
            for row in sheet.rows.iter_mut().skip(header + 1) {
                edit(row, &columns);
            }
        }
    }
    copy
}

/// The cell of `column` in a row, if the sheet has that column.
fn cell<'a>(row: &'a mut [Cell], columns: &[Option<Column>], column: Column) -> Option<&'a mut Cell> {
    columns.iter().position(|c| *c == Some(column)).and_then(|i| row.get_mut(i))
}

/// 最近变动 on the home page, right after a county was loaded: every record is recent, the
/// worst case for its per-minute grouping.
async fn recent_changes(
    pool: &SqlitePool,
    iterations: usize,
    county: Option<i64>,
    township: Option<i64>,
) -> Result<()> {
    out!("{:<28} {:>8} {:>10} {:>10}", "查询", "行数", "p50", "p95");
    // Two months on, nothing is recent: the steady state of a quiet install.
    let later = chrono::Utc::now() + chrono::Duration::days(60);
    let cases = [
        ("最近变动：全县", county, chrono::Utc::now()),
        ("最近变动：乡镇子树", township, chrono::Utc::now()),
        ("最近变动：全县，近30天无新记录", county, later),
    ];
    for (label, org, now) in cases {
        measure(label, iterations, async || Ok(changes::recent(pool, org, now, 12).await?.len() as i64)).await?;
    }
    Ok(())
}

/// The 亮承诺 list: every pledge of the year in scope is judged against today, then sorted.
async fn pledge_lists(pool: &SqlitePool, iterations: usize, county: Option<i64>, township: Option<i64>) -> Result<()> {
    let year = Some(today().year());
    let q = |org_id, status| PledgeQuery { org_id, year, status, page: 1, page_size: 50, ..Default::default() };
    let cases = [
        ("承诺：全县本年度第1页", q(county, None)),
        ("承诺：全县已逾期", q(county, Some(PledgeStatus::Overdue))),
        ("承诺：乡镇子树", q(township, None)),
    ];
    out!("{:<28} {:>8} {:>10} {:>10}", "查询", "命中", "p50", "p95");
    for (label, query) in &cases {
        measure(label, iterations, async || Ok(pledges::search(pool, query, today()).await?.total)).await?;
    }
    Ok(())
}

/// Runs `query` `iterations` times and prints its row: the label, what the last run counted, and
/// the p50 and p95 of its timings, which it returns.
/// 检查汇总: a year's full statistics for the county and for a township (targets 100 ms and
/// 20 ms), and the county's 台账 built in memory.
async fn review_figures(
    pool: &SqlitePool,
    iterations: usize,
    county: Option<i64>,
    township: Option<i64>,
) -> Result<()> {
    let year = sanliang::common::period::Period::year_of(today());
    out!("{:<28} {:>8} {:>10} {:>10}", "检查汇总", "在册", "p50", "p95");
    for (label, org) in [("全年统计：全县（目标 < 100ms）", county), ("全年统计：乡镇（目标 < 20ms）", township)]
    {
        measure(label, iterations, async || Ok(review::statistics(pool, org, year, today()).await?.members.on_roll))
            .await?;
    }
    measure("全年台账：全县（内存中）", iterations.min(5), async || {
        Ok(review::ledgers::workbook(pool, county, year, today(), false).await?.0.len() as i64)
    })
    .await?;
    Ok(())
}

async fn measure(label: &str, iterations: usize, mut query: impl AsyncFnMut() -> Result<i64>) -> Result<Vec<Duration>> {
    let mut samples = Vec::with_capacity(iterations);
    let mut count = 0;
    for _ in 0..iterations {
        let started = Instant::now();
        count = query().await?;
        samples.push(started.elapsed());
    }
    let (p50, p95) = percentiles(&mut samples);
    out!("{label:<28} {count:>8} {p50:>10.2?} {p95:>10.2?}");
    record(label, count, p50, p95);
    Ok(samples)
}

fn record(label: &str, count: i64, p50: Duration, p95: Duration) {
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    if let Ok(mut m) = MEASURED.lock() {
        m.push(serde_json::json!({ "label": label, "count": count, "p50": ms(p50), "p95": ms(p95) }));
    }
}

fn percentiles(samples: &mut [Duration]) -> (Duration, Duration) {
    samples.sort();
    let at = |p: f64| samples[((samples.len() as f64 - 1.0) * p).round() as usize];
    (at(0.50), at(0.95))
}
