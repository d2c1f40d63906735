//! 关于 and 导出诊断信息: what the page reports about the data, and the zip for support holding
//! the logs and a summary with no names, ID numbers or phones.

use std::io::Read;

use sanliang::about::{self, diagnostics, Folder};
use sanliang::common::log;

use crate::support;

/// The demo as loaded into a fresh folder, with what the loader says it wrote.
async fn demo_with_summary() -> (support::TestDb, sanliang::demo::DemoSummary) {
    let t = support::fresh().await;
    let summary = sanliang::demo::load(&t.pool, sanliang::demo::DemoScale::Community, support::today()).await.unwrap();
    (t, summary)
}

/// The newest migration shipped, read from the file names in `migrations/`.
fn newest_migration() -> i64 {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations");
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.unwrap().file_name().to_string_lossy().split('_').next()?.parse().ok())
        .max()
        .unwrap()
}

#[tokio::test]
async fn about_reports_the_versions_folders_size_and_records_of_the_data() {
    let (t, loaded) = demo_with_summary().await;
    let info = about::info(&t.pool, t.dir.path()).await.unwrap();
    assert_eq!(info.version, env!("CARGO_PKG_VERSION"));
    assert_eq!(info.schema_version, newest_migration());
    assert_eq!(info.data_dir, t.dir.path().display().to_string());
    assert_eq!(info.log_dir, t.dir.path().join("logs").display().to_string());
    assert_eq!(Folder::Logs.path(t.dir.path()), t.dir.path().join("logs"));
    assert_eq!(Folder::Data.path(t.dir.path()), t.dir.path());
    // The file and its write-ahead log, where the latest writes still are.
    let size = |name: &str| std::fs::metadata(t.dir.path().join(name)).map(|m| m.len()).unwrap_or(0);
    let on_disk = size("sanliang.db") + size("sanliang.db-wal");
    assert_eq!(info.database_bytes, on_disk);
    assert!(on_disk > 1_000_000, "the demo takes megabytes: {on_disk}");

    let count = |code: &str| info.counts.iter().find(|c| c.code == code).unwrap_or_else(|| panic!("{code}")).count;
    assert_eq!(count("organizations"), loaded.organizations);
    assert_eq!(count("members"), loaded.members);
    let labels: Vec<&str> = info.counts.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "组织",
            "党员",
            "岗位",
            "责任区",
            "承诺",
            "结对共建",
            "结对帮扶",
            "领导走访",
            "民情日记",
            "困难诉求",
            "代表接待",
            "志愿活动"
        ]
    );
    // The demo practises everything the page counts.
    for c in &info.counts {
        assert!(c.count > 0, "{} {}", c.label, c.count);
    }
    assert_eq!(info.fonts.len(), 2);
    assert!(info.fonts.iter().all(|f| f.licence == "SIL Open Font License 1.1"));
}

/// The zip's files by name.
fn unzip(path: &std::path::Path) -> Vec<(String, String)> {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut files = Vec::new();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        let mut text = String::new();
        file.read_to_string(&mut text).unwrap();
        files.push((file.name().unwrap().into_owned(), text));
    }
    files
}

#[tokio::test]
async fn the_diagnostic_zip_holds_the_logs_and_a_summary_without_personal_data() {
    let (t, loaded) = demo_with_summary().await;
    let mut settings = sanliang::print::settings::load(&t.pool, t.dir.path()).await.unwrap();
    settings.phone = "13812345678".into();
    settings.issuer = "中共江川县委组织部监制".into();
    sanliang::print::settings::save(&t.pool, t.dir.path(), &settings).await.unwrap();
    // A log written by an earlier version that did not mask: the zip masks it again.
    let logs = t.dir.path().join("logs");
    std::fs::create_dir_all(&logs).unwrap();
    std::fs::write(logs.join("sanliang.2026-11-27.log"), "WARN 身份证号 530421198003071234 重复\n").unwrap();
    std::fs::write(logs.join("sanliang.2026-11-28.log"), "INFO start\n").unwrap();
    std::fs::write(logs.join("readme.txt"), "not a log").unwrap();

    let target = t.dir.path().join("发 给 技术支持").join("诊断 信息.zip");
    std::fs::create_dir_all(target.parent().unwrap()).unwrap();
    let written = diagnostics::write(&t.pool, t.dir.path(), &target, support::today()).await.unwrap();
    assert_eq!(written, 2);

    let files = unzip(&target);
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["诊断摘要.txt", "logs/sanliang.2026-11-27.log", "logs/sanliang.2026-11-28.log"]);
    assert_eq!(files[1].1, "WARN 身份证号 530*************34 重复\n");

    let summary = &files[0].1;
    let lines: Vec<&str> = summary.lines().collect();
    assert_eq!(lines[0], format!("程序版本: {}", env!("CARGO_PKG_VERSION")));
    assert_eq!(lines[1], format!("数据库版本: {}", newest_migration()));
    assert_eq!(lines[3], "导出日期: 2026-11-28");
    assert_eq!(lines[5], "日志文件: 2 个");
    assert!(lines.contains(&format!("记录数 党员: {}", loaded.members).as_str()), "{summary}");
    assert!(lines.contains(&"打印 监督电话: 138****5678"), "{summary}");
    assert!(lines.contains(&"打印 监制单位: 中共江川县委组织部监制"), "{summary}");
    assert!(lines.contains(&"打印 徽标: 未设置"), "{summary}");

    // No member's name, ID number or phone is anywhere in the zip.
    let members: Vec<(String, Option<String>, String)> =
        sqlx::query_as("SELECT name, id_number, phone FROM members").fetch_all(&t.pool).await.unwrap();
    let everything: String = files.iter().map(|(_, text)| text.as_str()).collect();
    for (name, id, phone) in &members {
        assert!(!everything.contains(name.as_str()), "{name}");
        if let Some(id) = id {
            assert!(!everything.contains(id.as_str()), "an ID number");
        }
        if !phone.is_empty() {
            assert!(!everything.contains(phone.as_str()), "a phone");
        }
    }
    assert!(!everything.contains("13812345678"));
    assert_eq!(log::redact(&everything), everything, "nothing left to mask");
}

#[tokio::test]
async fn a_diagnostic_zip_that_cannot_be_written_leaves_nothing_behind() {
    let (t, _) = demo_with_summary().await;
    let target = t.dir.path().join("没有的文件夹").join("诊断.zip");
    let error = diagnostics::write(&t.pool, t.dir.path(), &target, support::today()).await.unwrap_err();
    let ipc = error.to_ipc();
    assert_eq!(ipc.kind, sanliang::error::ErrorKind::Io);
    assert!(ipc.message.contains("诊断.zip"), "{}", ipc.message);
    assert!(!target.exists() && !target.parent().unwrap().exists());
}
