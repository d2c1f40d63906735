use sanliang::paths::Setting;

use crate::harness::{enter, success, App, Options, R};

const SCAN: &[u8] = b"%PDF-1.4\n% scanned agreement\n%%EOF\n";

pub async fn a_unit_is_paired_with_a_community_under_an_agreement_and_a_fund_is_recorded_to_the_fen() -> R {
    // The agreement's scan the open dialog picks.
    let picks = tempfile::Builder::new().prefix("扫描 ").tempdir()?;
    let scan = picks.path().join("共建协议 扫描件.pdf");
    std::fs::write(&scan, SCAN)?;
    let options = Options { settings: vec![(Setting::Pick, scan.display().to_string())], ..Options::default() };
    App::run_with(options, "pairings", flow).await
}

async fn flow(app: &App) -> R {
    app.load_demo().await?;
    app.click("menu-pairings").await?;
    let before = app.loaded_figure("pairings-count").await?;

    app.click("pairing-add").await?;
    app.choose("pairing-unit", "县司法局").await?;
    app.choose("pairing-community", "河咀社区党总支").await?;
    app.type_into("pairing-until", &enter("2026-12-31")).await?;
    app.type_into("pairing-agreement", "共建法律服务站，每月开展一次法律咨询").await?;
    app.click("pairing-save").await?;
    success(app, "已建立结对：县司法局 — 河咀社区党总支").await?;
    app.wait_text("pairings-count", |t| t.contains(&format!("{}", before + 1))).await?;
    let row =
        "//div[@data-testid='pairings-table']//tbody/tr[.//td[contains(.,'县司法局')]][.//td[contains(.,'河咀社区')]]";
    // The agreement ends within 60 days: marked.
    let text = app.visible_text(row).await?;
    assert!(text.contains("即将到期") && text.contains("2026年12月31日"), "{text}");

    // A fund of 45万元: a wrong amount is refused at the field, then recorded to the fen.
    app.click_visible(&format!("{row}//button[contains(.,'记录帮扶')]")).await?;
    app.type_into("support-description", "资助建设社区法律服务站").await?;
    app.type_into("support-amount", "四十五万").await?;
    app.click("support-save").await?;
    let error = app.field_error("support-amount").await?;
    assert!(error.contains("请填写金额"), "{error}");
    app.type_into("support-amount", "45万").await?;
    app.click("support-save").await?;
    success(app, "已记录帮扶").await?;
    app.wait_xpath(&format!("{row}[.//span[contains(@class,'money')][.='¥450,000.00']]")).await?;
    app.click_visible(&format!("{row}//button[contains(.,'查看')]")).await?;
    let records = app.visible_text("//div[@data-testid='support-drawer']//tbody").await?;
    assert!(records.contains("资金") && records.contains("¥450,000.00"), "{records}");
    tokio::time::sleep(std::time::Duration::from_millis(600)).await;
    app.screenshot("15-pairings").await?;
    // The amount was 46万, not 45万: corrected from the records, to the fen.
    app.click_visible("//div[@data-testid='support-drawer']//tbody/tr[1]//button[contains(.,'修改')]").await?;
    assert_eq!(app.value("support-amount").await?, "¥450,000.00", "the form opens with the amount as shown");
    app.type_into("support-amount", "46万").await?;
    app.click("support-save").await?;
    success(app, "已保存帮扶记录").await?;
    app.wait_xpath("//div[@data-testid='support-drawer']//tbody/tr[1][.//td[contains(.,'¥460,000.00')]]").await?;
    app.click_visible("//div[contains(@class,'el-drawer')]//button[contains(@class,'el-drawer__close-btn')]").await?;
    app.wait_xpath(&format!("{row}[.//span[contains(@class,'money')][.='¥460,000.00']]")).await?;

    // 续签: the agreement gets a new term (a term before signing is refused at its field), and
    // the row is no longer marked as ending.
    app.click_visible(&format!("{row}//button[contains(.,'修改协议')]")).await?;
    assert_eq!(app.value("pairing-until").await?, "2026-12-31", "the form opens with the agreement");
    app.type_into("pairing-signed", &enter("2026-11-28")).await?;
    app.type_into("pairing-until", &enter("2026-11-01")).await?;
    app.click("pairing-save").await?;
    let error = app.field_error("pairing-until").await?;
    assert!(error.contains("不能早于签订日期"), "{error}");
    app.type_into("pairing-until", &enter("2029-12-31")).await?;
    app.click("pairing-save").await?;
    success(app, "已保存共建协议").await?;
    app.wait_xpath(&format!("{row}[contains(.,'2029年12月31日')][not(contains(.,'即将到期'))]")).await?;
    app.wait_xpath(&format!("{row}[.//span[contains(@class,'money')][.='¥460,000.00']]")).await?;

    // A cadre help pair, then a dated record of help.
    app.click_visible("//div[contains(@class,'el-tabs__item')][normalize-space(.)='帮扶对子']").await?;
    app.click("help-pair-add").await?;
    app.choose("help-community", "河咀社区党总支").await?;
    app.type_into("help-cadre", "杨建华").await?;
    app.type_into("help-helped", "河咀村3组 李大爷（独居老人）").await?;
    app.click("help-save").await?;
    success(app, "已保存").await?;
    let help = "//div[@data-testid='help-pairs-table']//tbody/tr[.//td[contains(.,'李大爷（独居老人）')]]";
    app.click_visible(&format!("{help}//button[contains(.,'记录帮扶')]")).await?;
    app.type_into("help-record-text", "送去米油，帮助申请临时救助").await?;
    app.click("help-record-save").await?;
    app.wait_xpath(&format!("{help}[.//td[contains(.,'2026年11月28日')]]")).await?;
    // The household no longer needs help: the pair ends (not before it began), figures follow.
    let help_count = app.loaded_figure("pairings-help").await?;
    app.click_visible(&format!("{help}//button[contains(.,'结束帮扶')]")).await?;
    app.type_into("help-end-date", &enter("2026-11-01")).await?;
    app.click("help-end-save").await?;
    let error = app.field_error("help-end-date").await?;
    assert!(error.contains("结束日期不能早于结对日期"), "{error}");
    app.type_into("help-end-date", &enter("2026-11-28")).await?;
    app.click("help-end-save").await?;
    success(app, "已结束帮扶对子").await?;
    app.wait_xpath(&format!("{help}[.//div[contains(.,'已于2026年11月28日结束')]]")).await?;
    app.wait_text("pairings-help", |t| t.contains(&format!("{}", help_count - 1))).await?;
    // Its record stays to be read.
    app.click_visible(&format!("{help}//button[contains(.,'查看')]")).await?;
    let records = app.visible_text("//*[@data-testid='help-records']//div[contains(@class,'el-timeline')]").await?;
    assert!(records.contains("2026年11月28日") && records.contains("送去米油，帮助申请临时救助"), "{records}");
    app.click_visible("//div[contains(@class,'el-drawer')]//button[contains(@class,'el-drawer__close-btn')]").await?;
    scan_delete_and_end(app, row).await
}

/// The agreement's scan is attached; a support record entered by mistake is deleted; the
/// pairing ends — each seen in the window and in the database.
async fn scan_delete_and_end(app: &App, row: &str) -> R {
    let pairing = app
        .db_number(
            "SELECT p.id FROM pairings p JOIN organizations u ON u.id = p.unit_id JOIN organizations c ON c.id = p.community_id
              WHERE u.name = '县司法局' AND c.name = '河咀社区党总支' AND p.end_on IS NULL",
        )
        .await?;
    app.click_visible("//div[contains(@class,'el-tabs__item')][normalize-space(.)='单位结对']").await?;
    app.click_visible(&format!("{row}//button[contains(.,'扫描件')]")).await?;
    success(app, "已保存协议扫描件“共建协议 扫描件.pdf”").await?;
    app.wait_xpath(&format!("{row}[contains(.,'共建协议 扫描件.pdf')]")).await?;
    let file = app.db_text(&format!("SELECT scan_file FROM pairings WHERE id = {pairing}")).await?;
    let stored = std::fs::read_dir(app.data.path())?
        .flatten()
        .flat_map(|e| walk(&e.path()))
        .find(|p| p.file_name().is_some_and(|n| n.to_string_lossy() == file))
        .ok_or(format!("the scan {file} is not in the data folder"))?;
    assert_eq!(std::fs::read(stored)?, SCAN);

    let funds = format!("SELECT count(*) FROM support_records WHERE pairing_id = {pairing} AND deleted_at IS NULL");
    assert_eq!(app.db_number(&funds).await?, 1);
    app.click_visible(&format!("{row}//button[contains(.,'查看')]")).await?;
    app.click_visible("//div[@data-testid='support-drawer']//tbody/tr[1]//button[contains(.,'删除')]").await?;
    let question = app.visible_text("//div[contains(@class,'el-message-box')]").await?;
    assert!(question.contains("删除2026年11月28日的这条帮扶记录吗？"), "{question}");
    app.answer("删除").await?;
    success(app, "已删除").await?;
    app.wait_until("//div[@data-testid='support-drawer']//tbody/tr", "return els.length === 0 ? true : null;").await?;
    assert_eq!(app.db_number(&funds).await?, 0);
    app.click_visible("//div[contains(@class,'el-drawer')]//button[contains(@class,'el-drawer__close-btn')]").await?;
    app.wait_xpath(&format!("{row}[.//span[contains(@class,'money')][.='¥0.00']]")).await?;

    let count = app.figure("pairings-count").await?;
    app.click_visible(&format!("{row}//button[normalize-space(.)='结束']")).await?;
    assert_eq!(app.value_at("//div[contains(@class,'el-message-box')]//input").await?, "2026-11-28");
    app.answer("确定").await?;
    success(app, "已结束结对：县司法局 — 河咀社区党总支").await?;
    app.wait_xpath(&format!("{row}[contains(.,'已于2026年11月28日结束')]")).await?;
    app.wait_text("pairings-count", |t| t.contains(&format!("{}", count - 1))).await?;
    let ended = format!("SELECT count(*) FROM pairings WHERE id = {pairing} AND end_on = '2026-11-28'");
    assert_eq!(app.db_number(&ended).await?, 1);
    Ok(())
}

/// Every file under `path` (itself when it is a file).
fn walk(path: &std::path::Path) -> Vec<std::path::PathBuf> {
    match std::fs::read_dir(path) {
        Ok(entries) => entries.flatten().flat_map(|e| walk(&e.path())).collect(),
        Err(_) => vec![path.to_path_buf()],
    }
}
