//! 关于: the version and the data's figures as the database holds them, the data folder opened,
//! and 导出诊断信息 — refused into a missing folder with the reason, then saved, holding the log
//! of this very session with no personal number in it.

use std::io::Read;

use sanliang::paths::Setting;

use crate::harness::{success, App, Options, R};

pub async fn about_shows_the_data_and_exports_the_logs_for_support() -> R {
    let out = tempfile::tempdir()?;
    let folder = out.path().join("发给 技术支持");
    let zip = folder.join("诊断 信息.zip");
    let opened = out.path().join("opened.txt");
    let settings =
        vec![(Setting::SaveAs, zip.display().to_string()), (Setting::OpenedLog, opened.display().to_string())];
    App::run_with(Options { settings, ..Options::default() }, "about", async |app: &App| {
        app.load_demo().await?;
        app.click("menu-about").await?;
        app.wait_text("about-version", |t| t == env!("CARGO_PKG_VERSION")).await?;
        let schema = app.db_number("SELECT max(version) FROM _sqlx_migrations").await?;
        assert_eq!(app.text("about-schema").await?, schema.to_string());
        let members = app.db_number("SELECT count(*) FROM members").await?;
        let shown = app.text("about-count-members").await?;
        assert_eq!(shown, format!("党员 {members}"));
        assert_eq!(app.text("about-data-dir").await?, app.data.path().display().to_string());
        app.screenshot("40-about").await?;

        app.click("about-open-data").await?;
        let listed = crate::print::opened_lines(&opened, 1).await?;
        assert_eq!(listed, [app.data.path().display().to_string()]);

        // Into a folder that does not exist: refused with the file named; nothing written.
        app.click("about-diagnostics").await?;
        app.wait_xpath("//div[contains(@class,'el-message--error')][contains(.,'诊断 信息.zip')]").await?;
        assert!(!zip.exists());
        std::fs::create_dir_all(&folder)?;
        app.click("about-diagnostics").await?;
        success(app, "诊断信息已保存到").await?;

        let id = app.db_text("SELECT id_number FROM members WHERE id_number IS NOT NULL ORDER BY id LIMIT 1").await?;
        let files = unzip(&zip)?;
        let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names[0], "诊断摘要.txt");
        assert!(names.len() == 2 && names[1].starts_with("logs/sanliang.") && names[1].ends_with(".log"), "{names:?}");
        assert!(files[0].1.contains(&format!("记录数 党员: {members}")), "{}", files[0].1);
        let log = &files[1].1;
        assert!(log.contains(" INFO ") && log.contains(" start "), "{log}");
        assert!(log.contains("command=\"about_export_diagnostics\"") && log.contains("诊断 信息.zip"), "{log}");
        let everything: String = files.iter().map(|(_, t)| t.as_str()).collect();
        assert!(!everything.contains(&id), "a member's ID number");
        assert_eq!(sanliang::common::log::redact(&everything), everything, "a long number unmasked");
        Ok(())
    })
    .await
}

fn unzip(path: &std::path::Path) -> R<Vec<(String, String)>> {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(path)?)?;
    let mut files = Vec::new();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i)?;
        let mut text = String::new();
        file.read_to_string(&mut text)?;
        files.push((file.name()?.into_owned(), text));
    }
    Ok(files)
}
