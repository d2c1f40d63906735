use crate::harness::{enter, success, App, R};

#[tokio::test]
async fn a_unit_is_paired_with_a_community_under_an_agreement_and_a_fund_is_recorded_to_the_fen() -> R {
    App::run("pairings", flow).await
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
    Ok(())
}
