use crate::harness::{enter, success, App, R};

fn zone_row(zone: &str) -> String {
    format!("//div[@data-testid='zones-table']//tr[.//span[contains(@class,'zone-name')][.='{zone}']]")
}

pub async fn a_secretary_creates_a_zone_assigns_its_lanes_and_double_assignment_is_refused() -> R {
    App::run("zones", flow).await
}

async fn flow(app: &App) -> R {
    app.load_demo().await?;
    app.click("menu-posts").await?;
    app.click_visible("//div[contains(@class,'el-tabs__item')][normalize-space(.)='党员责任区']").await?;
    let before = app.text("zones-uncovered").await?;

    app.click("zone-add").await?;
    app.choose("zone-community", "河咀社区党总支").await?;
    app.type_into("zone-name", "湖心责任区").await?;
    // Saved from the keyboard (Ctrl+S), as every dialog allows.
    app.press_ctrl_s().await?;
    app.visible_text("//div[contains(@class,'el-message--success')][contains(.,'已新建责任区“湖心责任区”')]").await?;

    app.click_visible(&format!("{}//button[contains(.,'添加巷道')]", zone_row("湖心责任区"))).await?;
    app.type_into("items-names", &format!("湖心1巷{}湖心2巷", char::from(fantoccini::key::Key::Enter))).await?;
    app.click("items-save").await?;
    app.visible_text("//div[contains(@class,'el-message--success')][contains(.,'已添加 2 处')]").await?;
    // The table reloads after the message: wait for it rather than read it at once.
    app.wait_xpath(&format!("{}//span[contains(@class,'coverage')][.='0/2']", zone_row("湖心责任区"))).await?;
    let with_new = app.wait_text("zones-uncovered", |t| t.contains("湖心1巷") && t.contains("湖心2巷")).await?;
    assert_ne!(with_new, before);

    // Tick both lanes, pick a member, assign.
    app.click_visible(&format!("{}//button[contains(.,'安排党员')]", zone_row("湖心责任区"))).await?;
    app.click_visible("//div[@data-testid='zone-items']//thead//span[contains(@class,'el-checkbox__inner')]").await?;
    let list = app.open_list("zone-member").await?;
    let names = app.visible_texts(&format!("{list}//li[contains(@class,'el-select-dropdown__item')]/span[1]")).await?;
    assert!(names.len() >= 2, "{names:?}");
    let option = |name: &str| format!("{list}//li[contains(@class,'el-select-dropdown__item')][span[1][.='{name}']]");
    let keeper = names[0].clone();
    app.click_visible(&option(&keeper)).await?;
    app.click("zone-cover").await?;
    app.visible_text(&format!(
        "//div[contains(@class,'el-message--success')][contains(.,'已将 2 处落实给“{keeper}”')]"
    ))
    .await?;
    app.wait_xpath(&format!("{}//span[contains(@class,'coverage')][.='2/2']", zone_row("湖心责任区"))).await?;

    // Another member cannot take a lane someone covers: the reason shows at the field.
    app.click_visible("//div[@data-testid='zone-items']//tbody/tr[1]//span[contains(@class,'el-checkbox__inner')]")
        .await?;
    app.open_list("zone-member").await?;
    let other = names.iter().find(|n| **n != keeper).ok_or("only one member to choose from")?;
    app.click_visible(&option(other)).await?;
    app.click("zone-cover").await?;
    let error = app.field_error("zone-member").await?;
    assert!(error.contains(&format!("已由{keeper}负责")), "{error}");
    // Let the message finish its entrance before the picture.
    tokio::time::sleep(std::time::Duration::from_millis(600)).await;
    app.screenshot("10-zones").await?;

    // A typo in a lane's name is corrected in place; the member keeps covering it.
    let item_row =
        |name: &str| format!("//div[@data-testid='zone-items']//tbody/tr[td[3][normalize-space(.)='{name}']]");
    app.click_visible(&format!("{}//button[contains(.,'改名')]", item_row("湖心2巷"))).await?;
    // Enter in the name box saves, too.
    app.type_into("item-rename-name", &enter("湖心1巷")).await?;
    let error = app.field_error("item-rename-name").await?;
    assert!(error.contains("已有巷道“湖心1巷”"), "{error}");
    app.type_into("item-rename-name", "湖心南巷").await?;
    app.click("item-rename-save").await?;
    success(app, "已改名为“湖心南巷”").await?;
    let renamed = app.visible_text(&item_row("湖心南巷")).await?;
    assert!(renamed.contains(&keeper), "{renamed}");

    // The member is released from one lane, which is then deleted; the other stays theirs.
    let item = app.db_number("SELECT id FROM zone_items WHERE name = '湖心南巷' AND deleted_at IS NULL").await?;
    app.click_visible(&format!("{}//button[contains(.,'解除')]", item_row("湖心南巷"))).await?;
    let question = app.visible_text("//div[contains(@class,'el-message-box')]").await?;
    assert!(question.contains(&format!("解除“湖心南巷”的负责人{keeper}")), "{question}");
    app.answer("确定").await?;
    success(app, "已解除“湖心南巷”的负责人").await?;
    app.wait_xpath(&format!("{}[contains(.,'未落实')]", item_row("湖心南巷"))).await?;
    assert_eq!(app.db_number(&format!("SELECT count(member_id) FROM zone_items WHERE id = {item}")).await?, 0);
    app.click_visible(&format!("{}//button[contains(.,'删除')]", item_row("湖心南巷"))).await?;
    let question = app.visible_text("//div[contains(@class,'el-message-box')]").await?;
    assert!(question.contains("删除巷道“湖心南巷”？"), "{question}");
    app.answer("删除").await?;
    success(app, "已删除").await?;
    app.wait_until(&item_row("湖心南巷"), "return els.length === 0 ? true : null;").await?;
    let gone = format!("SELECT count(*) FROM zone_items WHERE id = {item} AND deleted_at IS NOT NULL");
    assert_eq!(app.db_number(&gone).await?, 1);

    // The zone itself is renamed.
    app.click_visible("//div[contains(@class,'el-drawer')]//button[contains(@class,'el-drawer__close-btn')]").await?;
    app.click_visible(&format!("{}//button[contains(.,'改名')]", zone_row("湖心责任区"))).await?;
    app.type_into("zone-name", "湖心北责任区").await?;
    app.click("zone-save").await?;
    success(app, "已改名为“湖心北责任区”").await?;
    app.wait_xpath(&format!("{}//span[contains(@class,'coverage')][.='1/1']", zone_row("湖心北责任区"))).await?;
    assert_eq!(app.db_number("SELECT count(*) FROM zones WHERE name = '湖心北责任区'").await?, 1);

    // The zone's sign, straight from its row: one A4 landscape sheet.
    app.click_visible(&format!("{}//button[contains(.,'打印标识牌')]", zone_row("湖心北责任区"))).await?;
    app.wait_text("print-picked", |t| t.contains("1 个责任区")).await?;
    app.wait_text("print-summary", |t| t.contains("共 1 份，1 张纸")).await?;
    app.wait_text("print-page-size", |t| t.contains("297 × 210 mm")).await?;

    // The member who covers the lane dies: marked 去世 in the roster, they no longer cover it,
    // and the zone shows the lane open again.
    app.click("menu-roster").await?;
    app.type_into("roster-search", &keeper).await?;
    app.wait_text("roster-total", |t| t.contains("共 1 名")).await?;
    let member_row = format!("//tr[.//span[contains(@class,'member-name')][.='{keeper}']]");
    app.click_visible(&format!("{member_row}//button[contains(.,'更多')]")).await?;
    app.click_visible("//li[@data-testid='cmd-deceased']").await?;
    let hint = app.text("status-hint").await?;
    assert!(hint.contains("负责的责任区同时解除"), "{hint}");
    // Let the dialog finish its entrance before the picture.
    tokio::time::sleep(std::time::Duration::from_millis(600)).await;
    app.screenshot("25-member-deceased").await?;
    app.click("status-save").await?;
    success(app, &format!("已将“{keeper}”标记为去世")).await?;
    app.click("menu-posts").await?;
    app.click_visible("//div[contains(@class,'el-tabs__item')][normalize-space(.)='党员责任区']").await?;
    app.wait_xpath(&format!("{}//span[contains(@class,'coverage')][.='0/1']", zone_row("湖心北责任区"))).await?;
    app.wait_text("zones-uncovered", |t| t.contains("湖心1巷") && !t.contains("湖心南巷")).await?;

    // Deleted with its lanes, after a question that says what goes with it.
    app.click_visible(&format!("{}//button[contains(.,'删除')]", zone_row("湖心北责任区"))).await?;
    let question = app.visible_text("//div[contains(@class,'el-message-box')]").await?;
    assert!(question.contains("其中 1 处（已落实到人 0 处）将一并删除"), "{question}");
    app.click_visible("//div[contains(@class,'el-message-box')]//button[contains(.,'删除')]").await?;
    success(app, "已删除").await?;
    app.wait_text("zones-table", |t| !t.contains("湖心北责任区")).await?;
    Ok(())
}
