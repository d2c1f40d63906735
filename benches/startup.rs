//! `cargo bench --bench startup`: the real window launched on a copy of a demo county, timed from
//! launch until the home page's figures are in the DOM (through the WebDriver harness the
//! end-to-end tests use, under Xvfb), then the memory of the app process and of it with its
//! WebKit children read from /proc 2 s later. Several runs per scale; the medians and spreads are
//! printed and written as JSON to the file `SANLIANG_BENCH_OUT` names, for `cargo xtask bench`.
//! `SANLIANG_BENCH_SCALE=county` (or `community`) launches one scale only, for a quick look.
#![allow(clippy::unwrap_used)] // a bench that cannot run says so by failing

#[allow(dead_code, unused_imports)]
#[path = "../tests/e2e/harness/mod.rs"]
mod harness;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use harness::{App, Options, R};
use sanliang::demo::{self, DemoScale};
use serde_json::json;

/// Launches per scale; the median of these is reported.
const RUNS: usize = 3;

/// The app's today in the window, the demo's day too.
const TODAY: &str = "2026-11-28";

/// The home page's figures: the members on the roll and the practice figures (pledges overdue
/// among them), each waited for.
const FIGURES: [&str; 2] = ["//*[@data-testid='stat-active']", "//*[@data-testid='practice-pledges_overdue']"];

/// A demo database of `scale`, built once into `dir`.
async fn demo_file(dir: &Path, scale: DemoScale) -> PathBuf {
    let pool = sanliang::db::open(dir).await.unwrap();
    let today = chrono::NaiveDate::parse_from_str(TODAY, "%Y-%m-%d").unwrap();
    demo::load(&pool, scale, today).await.unwrap();
    sanliang::db::close(&pool).await;
    sanliang::db::db_path(dir)
}

/// A line of /proc/PID/status in MB (`VmRSS`, `RssAnon`, `RssFile`).
fn status_mb(pid: u32, field: &str) -> f64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let kb: f64 = status
        .lines()
        .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.0);
    kb / 1024.0
}

fn rss_mb(pid: u32) -> f64 {
    status_mb(pid, "VmRSS")
}

/// Every process: (pid, parent pid, executable).
fn processes() -> Vec<(u32, u32, PathBuf)> {
    let Ok(entries) = std::fs::read_dir("/proc") else { return Vec::new() };
    entries
        .flatten()
        .filter_map(|e| {
            let pid: u32 = e.file_name().to_str()?.parse().ok()?;
            let stat = std::fs::read_to_string(e.path().join("stat")).ok()?;
            // The parent follows the command name, which may hold spaces: after the last ')'.
            let ppid = stat.rsplit_once(')')?.1.split_whitespace().nth(1)?.parse().ok()?;
            let exe = std::fs::read_link(e.path().join("exe")).unwrap_or_default();
            Some((pid, ppid, exe))
        })
        .collect()
}

/// The app process's memory, and with every process under it (the WebKit web and network
/// processes), in MB; the app's own split into private memory and mapped files (the database
/// pages read through SQLite's memory map among them) is printed.
fn memory() -> (f64, f64) {
    let app = std::fs::canonicalize(harness::application()).unwrap();
    let all = processes();
    let Some(root) = all.iter().find(|p| p.2 == app).map(|p| p.0) else { return (0.0, 0.0) };
    let mut family = vec![root];
    let mut i = 0;
    while i < family.len() {
        let parent = family[i];
        family.extend(all.iter().filter(|p| p.1 == parent).map(|p| p.0));
        i += 1;
    }
    println!(
        "  app: {:.0} MB private, {:.0} MB of mapped files",
        status_mb(root, "RssAnon"),
        status_mb(root, "RssFile")
    );
    (rss_mb(root), family.iter().map(|p| rss_mb(*p)).sum())
}

/// One launch on a copy of `db`: seconds to the figures, and memory 2 s later.
async fn launch(db: &Path) -> R<(f64, f64, f64)> {
    let data = tempfile::Builder::new().prefix("三亮 基准").tempdir()?;
    std::fs::copy(db, sanliang::db::db_path(data.path()))?;
    // On the disk, as a secretary's file is when the app starts: a copy still in the OS's
    // dirty pages is written out by the opening's switch to WAL mode (0.14 s of the county's
    // first screen, a cost no real start pays).
    std::fs::File::open(sanliang::db::db_path(data.path()))?.sync_all()?;
    let options = Options { data: Some(data), today: Some(TODAY), ..Default::default() };
    let started = Instant::now();
    let mut figures = (0.0, 0.0, 0.0);
    App::session(options, "bench-startup", async |app: &App| {
        for figure in FIGURES {
            app.wait_xpath(figure).await?;
        }
        let seconds = started.elapsed().as_secs_f64();
        tokio::time::sleep(Duration::from_secs(2)).await;
        let (own, with_webkit) = memory();
        figures = (seconds, own, with_webkit);
        Ok(())
    })
    .await?;
    Ok(figures)
}

fn median_and_spread(mut v: Vec<f64>) -> serde_json::Value {
    v.sort_by(f64::total_cmp);
    json!({ "median": v[v.len() / 2], "min": v[0], "max": v[v.len() - 1], "runs": v })
}

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    let mut report = serde_json::Map::new();
    for (name, scale) in [("county", DemoScale::County), ("community", DemoScale::Community)] {
        if std::env::var("SANLIANG_BENCH_SCALE").is_ok_and(|only| only != name) {
            continue;
        }
        let dir = tempfile::tempdir().unwrap();
        let db = runtime.block_on(demo_file(dir.path(), scale));
        let mut runs = Vec::new();
        for _ in 0..RUNS {
            runs.push(runtime.block_on(launch(&db)).unwrap_or_else(|e| panic!("a launch failed: {e}")));
        }
        for (i, (s, own, all)) in runs.iter().enumerate() {
            println!("{name} run {}: first screen {s:.2} s, memory {own:.0} MB / {all:.0} MB with WebKit", i + 1);
        }
        report.insert(
            name.to_owned(),
            json!({
                "first_screen_s": median_and_spread(runs.iter().map(|r| r.0).collect()),
                "app_mb": median_and_spread(runs.iter().map(|r| r.1).collect()),
                "with_webkit_mb": median_and_spread(runs.iter().map(|r| r.2).collect()),
            }),
        );
    }
    harness::stop_stage();
    let text = serde_json::Value::from(report).to_string();
    println!("{text}");
    if let Some(out) = std::env::var_os("SANLIANG_BENCH_OUT") {
        std::fs::write(out, text).unwrap();
    }
}
