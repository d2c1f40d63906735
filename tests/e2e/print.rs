use std::process::Command;

use sanliang::paths::Setting;

use crate::harness::{success, App, Options, R};

pub async fn pledge_cards_for_members_picked_in_the_roster_are_previewed_and_saved_to_a_file() -> R {
    let out = tempfile::tempdir()?;
    let file = out.path().join("承诺卡.pdf");
    // The emblem artwork the settings' open dialog picks; what the app opens is listed.
    let emblem = out.path().join("党徽 标准图样.png");
    std::fs::write(&emblem, crate::corrections::PNG)?;
    let opened = out.path().join("opened.txt");
    let settings = vec![
        (Setting::SaveAs, file.display().to_string()),
        (Setting::Pick, emblem.display().to_string()),
        (Setting::OpenedLog, opened.display().to_string()),
    ];
    App::run_with(Options { settings, ..Options::default() }, "print", async |app: &App| {
        flow(app, &file).await?;
        opening(app, &file, &opened).await?;
        settings_and_emblem(app, &file, &opened).await
    })
    .await
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

fn pdf_text(file: &std::path::Path) -> R<String> {
    let out = Command::new("pdftotext").arg(file).arg("-").output()?;
    Ok(String::from_utf8_lossy(&out.stdout).replace(' ', ""))
}

/// The images embedded in a PDF (`pdfimages -list`: two header lines, then one line each).
fn pdf_images(file: &std::path::Path) -> R<usize> {
    let out = Command::new("pdfimages").arg("-list").arg(file).output()?;
    assert!(out.status.success(), "pdfimages: {}", String::from_utf8_lossy(&out.stderr));
    Ok(String::from_utf8_lossy(&out.stdout).lines().skip(2).filter(|l| !l.trim().is_empty()).count())
}

/// The lines of the opened-files list once it has `n`.
pub async fn opened_lines(list: &std::path::Path, n: usize) -> R<Vec<String>> {
    let started = std::time::Instant::now();
    loop {
        let lines: Vec<String> = std::fs::read_to_string(list).unwrap_or_default().lines().map(str::to_owned).collect();
        if lines.len() >= n {
            return Ok(lines);
        }
        if started.elapsed() > std::time::Duration::from_secs(15) {
            return Err(format!("{} files opened, not {n}: {lines:?}", lines.len()).into());
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

/// Saves the job to `file` again and waits for the new file (the same message may still be on
/// screen from the save before).
async fn save_again(app: &App, file: &std::path::Path, message: &str) -> R {
    std::fs::remove_file(file)?;
    app.click("print-save").await?;
    success(app, message).await?;
    let started = std::time::Instant::now();
    while !file.exists() {
        if started.elapsed() > std::time::Duration::from_secs(15) {
            return Err(format!("{} was not written again", file.display()).into());
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    Ok(())
}

/// Saved with "open when saved" unticked, nothing opened; the 打开 button opens the PDF just saved.
async fn opening(app: &App, file: &std::path::Path, opened: &std::path::Path) -> R {
    assert!(!opened.exists(), "nothing opened while 保存后打开 was unticked");
    app.click("print-open-last").await?;
    assert_eq!(opened_lines(opened, 1).await?, std::slice::from_ref(&file.display().to_string()));
    Ok(())
}

/// The card's title and supervision phone come from the print settings; the emblem, once
/// picked, is printed on the badges, and no longer once cleared.
async fn settings_and_emblem(app: &App, file: &std::path::Path, opened: &std::path::Path) -> R {
    app.click("print-open-after").await?;
    app.click("print-settings").await?;
    app.type_into("print-setting-cardTitle", "党员承诺践诺卡").await?;
    app.type_into("print-setting-phone", "0877-8012345").await?;
    app.click("print-settings-save").await?;
    success(app, "打印设置已保存").await?;
    let title = "SELECT value FROM settings WHERE key = 'print.cardTitle'";
    assert_eq!(app.db_text(title).await?, "党员承诺践诺卡");
    save_again(app, file, "已保存 3 份（2 张）").await?;
    // Ticked again, the saved PDF opens at once.
    let saved = file.display().to_string();
    assert_eq!(opened_lines(opened, 2).await?, [saved.clone(), saved]);
    let text = pdf_text(file)?;
    assert!(text.contains("2026年度党员承诺践诺卡") && text.contains("监督电话：0877-8012345"), "{text}");

    app.click("print-kind-badges").await?;
    app.wait_text("print-summary", |t| t.contains("共 3 份，1 张纸")).await?;
    app.click("print-settings").await?;
    app.wait_text("print-emblem-state", |t| t.starts_with("未设置")).await?;
    app.click("print-emblem-pick").await?;
    app.wait_text("print-emblem-state", |t| t.starts_with("已设置")).await?;
    assert_eq!(std::fs::read(app.data.path().join("emblem.png"))?, crate::corrections::PNG);
    app.click("print-settings-save").await?;
    success(app, "打印设置已保存").await?;
    save_again(app, file, "已保存 3 份（1 张）").await?;
    assert_eq!(pdf_images(file)?, 3, "the emblem is drawn on each of the three badges");

    app.click("print-settings").await?;
    app.click("print-emblem-clear").await?;
    app.wait_text("print-emblem-state", |t| t.starts_with("未设置")).await?;
    assert!(!app.data.path().join("emblem.png").exists());
    app.click("print-settings-save").await?;
    success(app, "打印设置已保存").await?;
    save_again(app, file, "已保存 3 份（1 张）").await?;
    assert_eq!(pdf_images(file)?, 0, "no emblem once cleared");
    Ok(())
}

pub async fn a_pdf_that_cannot_be_written_is_reported_in_chinese_with_the_system_words_behind_details() -> R {
    let out = tempfile::tempdir()?;
    // A folder that does not exist (e.g. a USB stick pulled out after the dialog).
    let file = out.path().join("已拔出的U盘").join("承诺卡.pdf");
    let settings = vec![(Setting::SaveAs, file.display().to_string())];
    let options = Options { settings, ..Options::default() };
    App::run_with(options, "print-unwritable", async |app: &App| unwritable(app, out.path()).await).await
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

pub async fn a_long_print_shows_its_progress_and_cancelling_it_leaves_no_file() -> R {
    let out = tempfile::tempdir()?;
    let file = out.path().join("全部承诺卡.pdf");
    // About 70 sheets; the print holds after the seventh until it is cancelled.
    let settings = vec![(Setting::SaveAs, file.display().to_string()), (Setting::PrintHoldAfter, HELD.to_string())];
    let options = Options { settings, ..Options::default() };
    App::run_with(options, "print-cancel", async |app: &App| cancelled(app, out.path()).await).await
}

const HELD: usize = 7;

async fn cancelled(app: &App, out: &std::path::Path) -> R {
    app.load_demo().await?;
    app.click("menu-print").await?;
    let summary = app.wait_text("print-summary", |t| t.contains("张纸")).await?;
    let sheets: usize =
        summary.split('，').nth(1).and_then(|s| s.trim_end_matches("张纸").trim().parse().ok()).unwrap_or(0);
    assert!(sheets > 20, "{summary}");
    app.click("print-save").await?;
    // The counter follows the job to where it holds, and the window stays responsive.
    app.wait_text("print-progress", |t| t.contains(&format!("已排版 {HELD} / {sheets} 张"))).await?;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await; // the bar's animation, for the picture
    app.screenshot("22-print-progress").await?;
    app.click("print-cancel").await?;
    app.visible_text("//div[contains(@class,'el-message')][contains(.,'已取消，未保存文件')]").await?;
    // Nothing written: no PDF, no part file.
    assert_eq!(std::fs::read_dir(out)?.count(), 0);
    Ok(())
}

pub async fn direct_printing_hands_the_sheets_to_the_printer_or_says_why_it_cannot() -> R {
    App::run("print-direct", async |app: &App| direct(app).await).await
}

/// What `pdfinfo` says of a file: its page count and the first page's size in points.
fn pdf_pages_and_size(file: &std::path::Path) -> R<(usize, String)> {
    let out = Command::new("pdfinfo").arg(file).output()?;
    let info = String::from_utf8_lossy(&out.stdout).into_owned();
    let field = |name: &str| info.lines().find_map(|l| l.strip_prefix(name)).map(|v| v.trim().to_owned());
    let pages = field("Pages:").and_then(|p| p.parse().ok()).ok_or(format!("no page count in {info}"))?;
    Ok((pages, field("Page size:").unwrap_or_default()))
}

async fn direct(app: &App) -> R {
    let jobs = crate::harness::printer_dir();
    app.load_demo().await?;
    app.click("menu-print").await?;
    // The notice sheets on A3: the printer is asked for A3, not scaled.
    app.click("print-kind-notice").await?;
    app.click("print-paper-A3").await?;
    // The preview and the count follow the paper.
    app.wait_text("print-page-size", |t| t.contains("420 × 297 mm")).await?;
    let summary = app.wait_text("print-summary", |t| t.contains("张纸")).await?;
    let sheets: usize =
        summary.split('，').nth(1).and_then(|s| s.trim_end_matches("张纸").trim().parse().ok()).unwrap_or(0);
    assert!(sheets >= 2, "{summary}");
    let before = std::fs::read_dir(&jobs)?.count();
    app.click("print-direct").await?;
    success(app, "已发送到打印机“Office_Printer”：共").await?;
    let message =
        app.visible_text("//div[contains(@class,'el-message--success')][contains(.,'已发送到打印机')]").await?;
    assert!(message.trim().ends_with(&format!("{sheets} 张A3纸")), "{message}");
    // The printer got one job: the sheets in a PDF kept in the data folder, on A3, unscaled.
    let n = (std::fs::read_dir(&jobs)?.count() - before) / 2;
    assert_eq!(n, 1, "one job for one click");
    let args = std::fs::read_to_string(jobs.join(format!("job-{}.args", before / 2 + 1)))?;
    let args: Vec<&str> = args.lines().collect();
    assert_eq!(
        &args[..7],
        ["-t", "社区党员公开承诺公示表", "-o", "media=A3", "-o", "print-scaling=none", "--"],
        "{args:?}"
    );
    let spooled = std::path::Path::new(args[7]);
    assert!(spooled.starts_with(app.data.path().join("printing")), "{spooled:?}");
    assert!(spooled.exists(), "the PDF stays for the printer to read");
    let (pages, size) = pdf_pages_and_size(&jobs.join(format!("job-{}.pdf", before / 2 + 1)))?;
    assert_eq!(pages, sheets);
    assert!(size.starts_with("1190.55 x 841.89 pts"), "A3 landscape: {size}");

    // A PC with no default printer: said in a box, in Chinese, with what to do.
    std::fs::write(jobs.join(crate::harness::PRINTER_OFFLINE), "")?;
    app.click("print-direct").await?;
    let said = app.visible_text("//div[contains(@class,'print-direct-failed')]").await?;
    std::fs::remove_file(jobs.join(crate::harness::PRINTER_OFFLINE))?;
    assert!(said.contains("无法直接打印"), "{said}");
    assert!(said.contains("没有设置默认打印机。请在系统设置的“打印机”中添加打印机并设为默认"), "{said}");
    assert!(!said.contains("lp: Error"), "CUPS's own words stay out of the box: {said}");
    tokio::time::sleep(std::time::Duration::from_millis(400)).await;
    app.screenshot("23-print-direct-no-printer").await?;
    assert_eq!((std::fs::read_dir(&jobs)?.count() - before) / 2, 1, "nothing more reached the printer");
    Ok(())
}
