//! 使用说明: F1 and the title bar open it, every topic shows its picture and opens its page, and
//! the pictures are taken here, in the real window, on the pages they explain — so the help
//! never shows a window that has changed (see `harness::help_shots`).

use std::time::Duration;

use crate::harness::help_shots;
use crate::harness::{App, Options, R};
use sanliang::paths::Setting;

/// The topics of `ui/src/help/topics.ts`, with the page each opens (none for the first start).
const TOPICS: [(&str, &str, Option<&str>); 7] = [
    ("first-start", "第一次使用", None),
    ("import", "导入花名册", Some("roster-table")),
    ("identity", "登记亮身份", Some("identity-table")),
    ("print", "打印承诺卡", Some("print-summary")),
    ("visit", "记录联系领导走访", Some("visit-add")),
    ("backup", "备份与恢复数据", Some("backup-now")),
    ("bin", "找回删除的记录", Some("bin-table")),
];
const SHOTS: [&str; 7] =
    ["first-start", "import-preview", "identity-mark", "print-cards", "leader-visit", "backup", "bin"];

/// Lets a dialog's opening animation and a preview's drawing finish before a picture.
async fn settle() {
    tokio::time::sleep(Duration::from_millis(600)).await;
}

pub async fn f1_opens_the_help_whose_pictures_show_the_window_as_it_is() -> R {
    // The roster the import's picture shows being checked.
    let files = tempfile::Builder::new().prefix("花名册 ").tempdir()?;
    let roster = files.path().join("河咀社区 党员花名册.xlsx");
    crate::import::workbook(&roster)?;
    // The backup page's picture shows its folder: the same path on every run of one machine.
    let backups = std::env::temp_dir().join("三亮四进备份 示例");
    let _ = std::fs::remove_dir_all(&backups);
    let settings =
        vec![(Setting::Pick, roster.display().to_string()), (Setting::BackupDir, backups.display().to_string())];
    let options = Options { settings, ..Options::default() };
    App::run_with(options, "help", async |app: &App| {
        // The first start, as the first topic shows it.
        app.wait_xpath("//*[@data-testid='load-demo'][contains(.,'载入示例数据')]").await?;
        settle().await;
        app.help_shot("first-start").await?;
        reading(app).await?;
        app.click("menu-home").await?;
        app.load_demo().await?;
        pictures(app).await
    })
    .await
}

/// F1 from a page opens the help; each topic has its steps, its picture as shipped, and a button
/// to its page; the title bar's link opens it too.
async fn reading(app: &App) -> R {
    app.click("menu-roster").await?;
    app.press_f1().await?;
    app.wait_xpath("//*[@data-testid='help']").await?;
    app.wait_xpath("//header//span[contains(@class,'page-title')][normalize-space(.)='使用说明']").await?;
    for (n, (id, title, _)) in TOPICS.iter().enumerate() {
        let head =
            app.content(&format!("//*[@data-testid='help-topic-{id}']//*[contains(@class,'topic-title')]")).await?;
        assert_eq!(head.trim(), format!("{}. {title}", n + 1));
        let steps = app.visible_texts(&format!("//*[@data-testid='help-topic-{id}']//ol/li")).await?;
        assert!(steps.len() >= 3 && steps.iter().all(|s| s.chars().count() > 20), "{id}: {steps:?}");
    }
    // Each picture is loaded, at the size of the one shipped (while the pictures are being taken
    // again, the window still shows the ones it was built with: loaded is all that can be asked).
    for (id, shot) in TOPICS.iter().map(|t| t.0).zip(SHOTS) {
        let shipped = help_shots::blocks(&std::fs::read(help_shots::dir().join(format!("{shot}.png")))?)?;
        let size = match help_shots::updating() {
            true => "els[0].naturalWidth > 0".to_owned(),
            false => {
                format!("els[0].naturalWidth === {} && els[0].naturalHeight === {}", shipped.width, shipped.height)
            }
        };
        app.wait_until(
            &format!("//img[@data-testid='help-shot-{id}']"),
            &format!("return els.length && els[0].complete && {size} ? true : null;"),
        )
        .await?;
    }
    app.click("help-toc-visit").await?;
    settle().await;
    app.screenshot("60-help").await?;
    // Each topic's button opens its page.
    for (id, _, page) in TOPICS {
        let Some(page) = page else { continue };
        app.click(&format!("help-open-{id}")).await?;
        app.wait_xpath(&format!("//*[@data-testid='{page}']")).await?;
        app.click("menu-help").await?;
        app.wait_xpath("//*[@data-testid='help']").await?;
    }
    Ok(())
}

/// The pictures of the other topics, taken where each task is done.
async fn pictures(app: &App) -> R {
    // 导入花名册: a workbook checked, 支部名称 re-mapped, two rows with errors marked at their cells.
    app.click("menu-roster").await?;
    app.click("import-open").await?;
    app.click("import-pick").await?;
    app.choose("import-map-6", "所在支部").await?;
    app.choose("import-category", "无职党员").await?;
    app.wait_text("import-counts", |t| t.contains("新增 2")).await?;
    settle().await;
    app.help_shot("import-preview").await?;
    app.click_visible(
        "//div[contains(@class,'el-dialog')][.//*[@data-testid='import-run']]//button[contains(.,'取消')]",
    )
    .await?;

    // 登记亮身份: three members ticked, the dialog open.
    app.click("menu-identity").await?;
    let rows = "//div[@data-testid='identity-table']//tbody/tr";
    app.wait_xpath(&format!("{rows}[3]")).await?;
    for i in 1..=3 {
        app.click_visible(&format!("{rows}[{i}]//span[contains(@class,'el-checkbox__inner')]")).await?;
    }
    app.click("identity-mark").await?;
    app.wait_text("mark-scope-picked", |t| t.contains("已勾选的 3 名党员")).await?;
    settle().await;
    app.help_shot("identity-mark").await?;
    app.click_visible(
        "//div[contains(@class,'el-dialog')][.//*[@data-testid='mark-save']]//button[contains(.,'取消')]",
    )
    .await?;

    // 打印承诺卡: the print centre with the first sheet previewed.
    app.click("menu-print").await?;
    app.wait_text("print-summary", |t| t.contains("张纸")).await?;
    app.wait_text("print-page-size", |t| t.contains("210 × 297 mm")).await?;
    settle().await;
    app.help_shot("print-cards").await?;

    // 记录走访: opened from a leader who has not visited this month, leader and community filled.
    app.click("menu-leaders").await?;
    app.click_visible("//div[@data-testid='missing-table']//tbody/tr[1]//button[contains(.,'记录走访')]").await?;
    app.wait_xpath("//*[@data-testid='visit-leader']").await?;
    settle().await;
    app.help_shot("leader-visit").await?;
    app.click_visible(
        "//div[contains(@class,'el-dialog')][.//*[@data-testid='visit-save']]//button[contains(.,'取消')]",
    )
    .await?;

    // 数据备份: the page as it is before the first backup.
    app.click("menu-backup").await?;
    app.wait_text("backup-last", |t| t == "还没有备份").await?;
    settle().await;
    app.help_shot("backup").await?;

    // 回收站: a member deleted by mistake, waiting there to be restored.
    let member = app.db_number("SELECT min(id) FROM members WHERE deleted_at IS NULL AND status = 'active'").await?;
    let name = app.db_text(&format!("SELECT name FROM members WHERE id = {member}")).await?;
    app.click("menu-roster").await?;
    app.type_into("roster-search", &name).await?;
    app.click(&format!("more-{member}")).await?;
    app.click_visible("//li[@data-testid='cmd-delete']").await?;
    app.answer("确定").await?;
    app.click("menu-bin").await?;
    app.wait_text("bin-subject", |t| t == name).await?;
    settle().await;
    app.help_shot("bin").await
}
