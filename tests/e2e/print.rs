use std::process::Command;

use crate::harness::{success, App, Options, R};

#[tokio::test]
async fn pledge_cards_for_members_picked_in_the_roster_are_previewed_and_saved_to_a_file() -> R {
    let out = tempfile::tempdir()?;
    let file = out.path().join("承诺卡.pdf");
    let env = vec![("SANLIANG_SAVE_AS", file.display().to_string())];
    let app = App::start_with(Options { env, ..Options::default() }).await?;
    let result = flow(&app, &file).await;
    app.finish("print", result).await
}

async fn flow(app: &App, file: &std::path::Path) -> R {
    app.load_demo().await?;
    app.click("menu-roster").await?;
    let rows = "//div[@data-testid='roster-table']//tbody/tr";
    app.wait_xpath(&format!("{rows}[3]")).await?;
    let mut names = Vec::new();
    for i in 1..=3 {
        let row = format!("{rows}[{i}]");
        names.push(app.content(&format!("{row}//span[contains(@class,'member-name')]")).await?);
        app.click_visible(&format!("{row}//span[contains(@class,'el-checkbox__inner')]")).await?;
    }
    app.click("print-picked-open").await?;
    app.wait_text("print-picked", |t| t.contains("3 名党员")).await?;
    app.wait_text("print-summary", |t| t.contains("共 3 份，1 张纸")).await?;
    app.wait_text("print-page-size", |t| t.contains("210 × 297 mm")).await?;

    // Two A5 cards on a landscape sheet: the preview follows.
    app.click("print-paper-A5").await?;
    app.wait_text("print-summary", |t| t.contains("共 3 份，2 张纸")).await?;
    app.wait_text("print-page-size", |t| t.contains("297 × 210 mm")).await?;
    tokio::time::sleep(std::time::Duration::from_millis(800)).await;
    app.screenshot("14-print-preview").await?;

    app.click("print-open-after").await?;
    app.click("print-save").await?;
    success(app, "已保存 3 份（2 张）").await?;
    let text = Command::new("pdftotext").arg(file).arg("-").output()?;
    let text = String::from_utf8_lossy(&text.stdout).replace(' ', "");
    for name in &names {
        assert!(text.contains(name.trim()), "{name} is not in the saved cards");
    }
    assert!(text.contains("年度党员承诺卡"));
    Ok(())
}

#[tokio::test]
async fn a_pdf_that_cannot_be_written_is_reported_in_chinese_with_the_system_words_behind_details() -> R {
    let out = tempfile::tempdir()?;
    // A folder that does not exist (e.g. a USB stick pulled out after the dialog).
    let file = out.path().join("已拔出的U盘").join("承诺卡.pdf");
    let env = vec![("SANLIANG_SAVE_AS", file.display().to_string())];
    let app = App::start_with(Options { env, ..Options::default() }).await?;
    let result = unwritable(&app, out.path()).await;
    app.finish("print-unwritable", result).await
}

async fn unwritable(app: &App, out: &std::path::Path) -> R {
    app.load_demo().await?;
    app.click("menu-print").await?;
    app.wait_text("print-summary", |t| t.contains("张纸")).await?;
    app.click("print-save").await?;
    let message = app.visible_text("//div[contains(@class,'el-message--error')]").await?;
    assert!(message.contains("无法读写文件“承诺卡.pdf”：找不到这个文件或文件夹"), "{message}");
    assert!(!message.contains("os error"), "the system's words stay behind 详情: {message}");
    tokio::time::sleep(std::time::Duration::from_millis(400)).await;
    app.screenshot("20-print-error").await?;
    app.click("error-detail").await?;
    let detail = app.visible_text("//div[contains(@class,'el-message-box')]").await?;
    assert!(detail.contains("已拔出的U盘") && detail.contains("os error 2"), "{detail}");
    tokio::time::sleep(std::time::Duration::from_millis(400)).await;
    app.screenshot("21-print-error-detail").await?;
    // Nothing half-written is left behind.
    assert_eq!(std::fs::read_dir(out)?.count(), 0);
    Ok(())
}

#[tokio::test]
async fn a_long_print_shows_its_progress_and_cancelling_it_leaves_no_file() -> R {
    let out = tempfile::tempdir()?;
    let file = out.path().join("全部承诺卡.pdf");
    // About 70 sheets at 80 ms each: long enough to watch and to cancel.
    let env = vec![("SANLIANG_SAVE_AS", file.display().to_string()), ("SANLIANG_PRINT_PACE_MS", "80".to_owned())];
    let app = App::start_with(Options { env, ..Options::default() }).await?;
    let result = cancelled(&app, out.path()).await;
    app.finish("print-cancel", result).await
}

async fn cancelled(app: &App, out: &std::path::Path) -> R {
    app.load_demo().await?;
    app.click("menu-print").await?;
    let summary = app.wait_text("print-summary", |t| t.contains("张纸")).await?;
    let sheets: usize =
        summary.split('，').nth(1).and_then(|s| s.trim_end_matches("张纸").trim().parse().ok()).unwrap_or(0);
    assert!(sheets > 20, "{summary}");
    app.click("print-save").await?;
    // The counter moves while the window stays responsive.
    // "已排版 7 / 70 张" → 7.
    let counted = |t: &str| {
        let before = t.split('/').next()?;
        before.trim_end().rsplit(|c: char| !c.is_ascii_digit()).next()?.parse::<usize>().ok()
    };
    let first = app.wait_text("print-progress", |t| counted(t).is_some_and(|n| n >= 2)).await?;
    assert!(first.contains(&format!("/ {sheets} 张")), "{first}");
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    app.screenshot("22-print-progress").await?;
    let later = app.wait_text("print-progress", |t| counted(t) > counted(&first)).await?;
    assert!(counted(&later) < Some(sheets), "{later}");
    app.click("print-cancel").await?;
    app.visible_text("//div[contains(@class,'el-message')][contains(.,'已取消，未保存文件')]").await?;
    // Nothing written: no PDF, no part file.
    assert_eq!(std::fs::read_dir(out)?.count(), 0);
    Ok(())
}
