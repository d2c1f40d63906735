//! `cargo xtask bench`: the county-scale benchmark table. Loads the county demo (timed, several
//! runs), runs `sanliang bench` (searches, lists, 最近变动, statistics, roster files), prints the
//! 3,560 pledge cards (timed, several runs), launches the real window (`cargo bench --bench
//! startup`: first screen and memory), then prints one table — median, spread, target — and
//! writes it with the machine's description to docs/benchmarks.md. Last, in a process of its
//! own, 500 boards with 12-megapixel photos and their peak memory.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use serde_json::Value;

use super::{build_ui, run, setup, Result};

/// Timed runs of the demo and of the print.
const RUNS: usize = 3;

/// One row of the table: what, its median, the spread of its runs, its unit and its target
/// (at most, or below when `strict`).
struct Row {
    what: String,
    median: f64,
    spread: String,
    unit: &'static str,
    target: f64,
    strict: bool,
}

impl Row {
    fn met(&self) -> bool {
        if self.strict {
            self.median < self.target
        } else {
            self.median <= self.target
        }
    }
}

fn cli(root: &Path) -> std::path::PathBuf {
    root.join("target/release").join(if cfg!(windows) { "sanliang.exe" } else { "sanliang" })
}

/// Runs the command line `RUNS` times with `args(i)`, timing each; (median, spread) in seconds.
fn timed(root: &Path, what: &str, args: impl Fn(usize) -> Vec<String>) -> Result<(f64, String)> {
    let mut times = Vec::new();
    for i in 0..RUNS {
        let started = Instant::now();
        let status = Command::new(cli(root))
            .args(args(i))
            .stdout(std::process::Stdio::null())
            .status()
            .map_err(|e| format!("{what}: {e}"))?;
        if !status.success() {
            return Err(format!("{what} failed ({status})"));
        }
        times.push(started.elapsed().as_secs_f64());
        eprintln!("{what}, run {}: {:.2} s", i + 1, times[i]);
    }
    times.sort_by(f64::total_cmp);
    Ok((times[times.len() / 2], format!("{:.2}–{:.2}", times[0], times[times.len() - 1])))
}

/// A row of `sanliang bench --json`: (p50, p95) in ms.
fn measured(rows: &Value, label: &str) -> Result<(f64, f64)> {
    rows.as_array()
        .and_then(|r| r.iter().find(|x| x["label"] == label))
        .and_then(|x| Some((x["p50"].as_f64()?, x["p95"].as_f64()?)))
        .ok_or_else(|| format!("`sanliang bench` measured no “{label}”"))
}

fn startup_row(report: &Value, scale: &str, key: &str) -> Result<(f64, String)> {
    let v = &report[scale][key];
    let (median, min, max) = (v["median"].as_f64(), v["min"].as_f64(), v["max"].as_f64());
    match (median, min, max) {
        (Some(m), Some(a), Some(b)) => Ok((m, format!("{a:.2}–{b:.2}"))),
        _ => Err(format!("the start-up bench reported no {scale} {key}")),
    }
}

fn machine() -> String {
    let read = |p: &str| std::fs::read_to_string(p).unwrap_or_default();
    let cpu = read("/proc/cpuinfo")
        .lines()
        .find_map(|l| l.strip_prefix("model name"))
        .map_or(String::new(), |l| l.trim_start_matches([' ', '\t', ':']).to_owned());
    let cores = std::thread::available_parallelism().map_or(0, usize::from);
    let memory = read("/proc/meminfo")
        .lines()
        .find_map(|l| l.strip_prefix("MemTotal:"))
        .and_then(|v| v.split_whitespace().next()?.parse::<f64>().ok())
        .map_or(String::new(), |kb| format!("{:.1} GB", kb / 1024.0 / 1024.0));
    let os = read("/etc/os-release")
        .lines()
        .find_map(|l| l.strip_prefix("PRETTY_NAME="))
        .map_or(String::new(), |v| v.trim_matches('"').to_owned());
    format!("{cpu}, {cores} cores, {memory} memory, {os}")
}

fn commit(root: &Path) -> String {
    Command::new("git")
        .args(["rev-parse", "--short", "HEAD"])
        .current_dir(root)
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
        .unwrap_or_default()
}

pub fn task(root: &Path) -> Result {
    setup::system_packages(true)?;
    setup::tauri_driver()?;
    build_ui(root)?;
    run(root, "cargo", &["build", "--release", "--no-default-features", "--bin", "sanliang"], &[])?;
    let dir = std::env::temp_dir().join(format!("sanliang-bench-{}", std::process::id()));
    let result = measure(root, &dir);
    let _ = std::fs::remove_dir_all(&dir);
    result
}

fn measure(root: &Path, dir: &Path) -> Result {
    std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    let data = |i: usize| dir.join(format!("demo-{i}")).display().to_string();
    let demo = timed(root, "sanliang demo --scale county", |i| {
        ["--data-dir", &data(i), "demo", "--scale", "county"].map(str::to_owned).to_vec()
    })?;
    let cards = dir.join("cards.pdf").display().to_string();
    let print = timed(root, "sanliang print pledge-cards --limit 3560", |_| {
        ["--data-dir", &data(1), "print", "pledge-cards", "--out", &cards, "--limit", "3560"]
            .map(str::to_owned)
            .to_vec()
    })?;
    let json = dir.join("bench.json");
    run(
        root,
        &cli(root).display().to_string(),
        &["--data-dir", &data(0), "bench", "--iterations", "40", "--json", &json.display().to_string()],
        &[],
    )?;
    let rows: Value = serde_json::from_slice(&std::fs::read(&json).map_err(|e| e.to_string())?)
        .map_err(|e| format!("bench.json: {e}"))?;
    let startup_json = dir.join("startup.json").display().to_string();
    run(root, "cargo", &["bench", "--bench", "startup"], &[("SANLIANG_BENCH_OUT", &startup_json)])?;
    let startup: Value = serde_json::from_slice(&std::fs::read(&startup_json).map_err(|e| e.to_string())?)
        .map_err(|e| format!("startup.json: {e}"))?;

    let p95 = |label: &str| measured(&rows, label).map(|(p50, p95)| (p95, format!("p50 {p50:.1}")));
    let row = |what: &str, (median, spread): (f64, String), unit, target, strict| Row {
        what: what.to_owned(),
        median,
        spread,
        unit,
        target,
        strict,
    };
    let table = vec![
        row(
            "首屏（县级示例，从启动到首页数字出现）",
            startup_row(&startup, "county", "first_screen_s")?,
            "s",
            1.0,
            false,
        ),
        row("首屏（社区示例，参考）", startup_row(&startup, "community", "first_screen_s")?, "s", f64::INFINITY, false),
        row("内存：应用进程（县级）", startup_row(&startup, "county", "app_mb")?, "MB", 165.0, false),
        row("内存：含 WebKit 进程（县级）", startup_row(&startup, "county", "with_webkit_mb")?, "MB", 520.0, false),
        row("打印 3,560 张承诺卡", print, "s", 0.7, false),
        row("花名册搜索 p95（全部查询）", p95("roster search (all)")?, "ms", 5.0, true),
        row("承诺列表 p95：全县本年度第1页", p95("承诺：全县本年度第1页")?, "ms", 50.0, true),
        row("承诺列表 p95：全县已逾期", p95("承诺：全县已逾期")?, "ms", 50.0, true),
        row("最近变动 p95：全县（载入后，全部是新记录）", p95("最近变动：全县")?, "ms", 50.0, true),
        row("最近变动 p95：全县（近30天无新记录）", p95("最近变动：全县，近30天无新记录")?, "ms", 50.0, true),
        row("载入县级示例数据", demo, "s", 10.0, true),
    ];
    let mut text = String::from("| 项目 | 中位数 | 范围 | 目标 | 达标 |\n|---|---|---|---|---|\n");
    for r in &table {
        let target = if r.target.is_finite() {
            format!("{}{} {}", if r.strict { "< " } else { "≤ " }, r.target, r.unit)
        } else {
            "—".to_owned()
        };
        let met = if !r.target.is_finite() {
            ""
        } else if r.met() {
            "是"
        } else {
            "否"
        };
        text.push_str(&format!("| {} | {:.2} {} | {} | {target} | {met} |\n", r.what, r.median, r.unit, r.spread));
    }
    println!("\n{text}");
    let doc = format!(
        "# 县级规模基准\n\n`cargo xtask bench` 生成，勿手改。\n\n- 机器：{}\n- 提交：{}\n- 日期：{}\n\n\
         首屏与内存：真实窗口在 Xvfb 下启动 {RUNS} 次（WebDriver 等到首页数字出现），内存为 2 秒后 /proc 中的常驻内存；\
         载入与打印：命令行 {RUNS} 次的墙钟时间；查询：`sanliang bench` 每项 40 次（最近变动等 20 次）的 p95，\
         “范围”一栏为其 p50。\n\n{text}",
        machine(),
        commit(root),
        today(),
    );
    std::fs::write(root.join("docs/benchmarks.md"), doc).map_err(|e| e.to_string())?;
    // Last, in a process of its own: 500 boards with 12-megapixel photos, and the peak memory.
    run(root, &cli(root).display().to_string(), &["--data-dir", &data(2), "bench", "--boards-with-photos", "500"], &[])
}

fn today() -> String {
    Command::new("date")
        .arg("+%Y-%m-%d")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
        .unwrap_or_default()
}
