//! Where secretaries keep things: data folders and output files under paths with Chinese
//! characters and spaces (`C:\Users\张 三\…` on Windows), and a PDF still open in a reader
//! when it is printed again. Run on Linux and, by the test command, on the Windows build
//! under Wine.

use std::path::Path;
use std::process::Output;

use crate::support;

fn cli(args: &[&str]) -> Output {
    support::cli().args(args).output().unwrap()
}

fn text(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// The county office's PC: the user's folder has a space and Chinese characters in it.
fn home(root: &Path) -> std::path::PathBuf {
    root.join("Users").join("张 三")
}

#[tokio::test]
async fn a_data_folder_and_a_pdf_under_chinese_names_with_spaces_work_from_start_to_print() {
    let root = tempfile::tempdir().unwrap();
    let data = home(root.path()).join("AppData").join("Local").join("三亮四进 工作台");
    let out = home(root.path()).join("桌面 文件").join("2026年 承诺卡.pdf");
    std::fs::create_dir_all(out.parent().unwrap()).unwrap();

    let o = cli(&["demo", "--data-dir", text(&data)]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let o = cli(&["print", "pledge-cards", "--data-dir", text(&data), "--out", text(&out), "--limit", "8"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stdout).contains("8 份，2 张"), "{}", String::from_utf8_lossy(&o.stdout));
    assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF-"));
    assert!(!sanliang::common::files::part_path(&out).exists(), "no part file is left behind");

    // The same folder opened by the core: the database is where the path says, with the demo in it.
    let pool = sanliang::db::open(&data).await.unwrap();
    let demo_members: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM members").fetch_one(&pool).await.unwrap();
    assert!((280..=320).contains(&demo_members), "{demo_members}");
    pool.close().await;
    assert!(sanliang::db::db_path(&data).starts_with(&data));
    assert!(sanliang::db::db_path(&data).exists());
}

/// A PDF reader (or WPS) keeps the last cards open and the secretary prints them again: the
/// print fails with the reason in Chinese, the open file keeps its content, and nothing is left
/// beside it. Windows enforces the reader's sharing mode; elsewhere the file is replaced.
#[cfg(windows)]
#[test]
fn printing_over_a_pdf_open_in_a_reader_says_so_and_leaves_it_as_it_was() {
    use std::os::windows::fs::OpenOptionsExt;

    let root = tempfile::tempdir().unwrap();
    let data = home(root.path()).join("数据");
    let out = home(root.path()).join("承诺卡 已打开.pdf");
    std::fs::create_dir_all(out.parent().unwrap()).unwrap();
    assert!(cli(&["demo", "--data-dir", text(&data)]).status.success());
    std::fs::write(&out, b"%PDF-1.7 the copy being read").unwrap();

    // Open for reading, sharing reads only, as readers do (FILE_SHARE_READ = 1).
    let reader = std::fs::OpenOptions::new().read(true).share_mode(1).open(&out).unwrap();
    let o = cli(&["print", "pledge-cards", "--data-dir", text(&data), "--out", text(&out), "--limit", "4"]);
    assert!(!o.status.success());
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(
        stderr.lines().next().unwrap_or_default(),
        "错误：无法读写文件“承诺卡 已打开.pdf”：文件正被其他程序打开（例如 PDF 阅读器或 WPS），请关闭它后重试",
        "{stderr}"
    );
    assert!(stderr.contains("os error 32"), "the system's words follow as the detail: {stderr}");
    drop(reader);
    assert_eq!(std::fs::read(&out).unwrap(), b"%PDF-1.7 the copy being read");
    assert!(!sanliang::common::files::part_path(&out).exists());

    // Closed in the reader, the same print goes through.
    let o = cli(&["print", "pledge-cards", "--data-dir", text(&data), "--out", text(&out), "--limit", "4"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(std::fs::read(&out).unwrap().len() > 1000);
}
