use crate::harness::{enter, last_number, success, App, R};

pub async fn a_deputy_visit_with_a_suggestion_is_recorded_and_the_suggestion_answered() -> R {
    App::run("deputies", flow).await
}

async fn flow(app: &App) -> R {
    app.load_demo().await?;
    app.click("menu-deputies").await?;
    app.loaded_figure("deputies-count").await?;
    let missing = app.figure("deputies-missing").await?;
    let open = app.figure("deputies-open").await?;
    assert!(missing > 0, "the demo leaves some of this quarter's visits to make");

    let first = "//div[@data-testid='deputy-missing-table']//tbody/tr[1]";
    app.click_visible(&format!("{first}//button[contains(.,'记录进社区')]")).await?;
    app.type_into("deputy-visit-notes", "给居民上政治理论课，听取意见建议").await?;
    app.click("suggestion-add").await?;
    app.type_into("suggestion-by-0", "居民代表").await?;
    app.type_into("suggestion-content-0", "希望增设社区图书角").await?;
    app.click("deputy-visit-save").await?;
    success(app, "已记录进社区和1条意见建议").await?;
    app.wait_text("deputies-missing", |t| t.contains(&format!("{}", missing - 1))).await?;
    app.wait_text("deputies-open", |t| t.contains(&format!("{}", open + 1))).await?;

    app.click_visible("//div[contains(@class,'el-tabs__item')][normalize-space(.)='意见建议']").await?;
    let row = "//div[@data-testid='suggestions-table']//tbody/tr[.//td[contains(.,'希望增设社区图书角')]]";
    app.click_visible(&format!("{row}//button[contains(.,'答复')]")).await?;
    app.type_into("reply-text", "已协调活动室一角设置图书角").await?;
    app.click("reply-save").await?;
    success(app, "已答复").await?;
    app.wait_text("deputies-open", |t| t.contains(&format!("{open}"))).await?;
    tokio::time::sleep(std::time::Duration::from_millis(600)).await;
    app.screenshot("17-deputies").await?;

    // A new deputy with two roles, paired with a community, on duty at a new reception point.
    app.click_visible("//div[contains(@class,'el-tabs__item')][normalize-space(.)='代表委员']").await?;
    app.click("deputy-add").await?;
    app.type_into("deputy-name", "张丽芬").await?;
    app.click("deputy-role-npc").await?;
    app.click("deputy-role-cppcc").await?;
    app.click("deputy-save").await?;
    success(app, "已保存").await?;
    let row = "//div[@data-testid='deputies-table']//tbody/tr[.//td[contains(.,'张丽芬')]]";
    let text = app.visible_text(row).await?;
    assert!(text.contains("人大代表、政协委员"), "{text}");
    app.click_visible(&format!("{row}//button[contains(.,'结对社区')]")).await?;
    app.choose("deputy-pair-community", "下营社区党总支").await?;
    app.click("deputy-pair-save").await?;
    app.wait_xpath(&format!("{row}[.//td[contains(.,'下营社区党总支')]]")).await?;
    app.click_visible("//div[contains(@class,'el-tabs__item')][normalize-space(.)='接待点']").await?;
    app.click("reception-add").await?;
    app.choose("reception-community", "下营社区党总支").await?;
    app.type_into("reception-place", "下营社区党群服务中心一楼").await?;
    app.type_into("reception-schedule", "每周三下午").await?;
    app.click("reception-save").await?;
    success(app, "已新增接待点").await?;
    app.wait_xpath("//div[@data-testid='points-table']//td[contains(.,'下营社区党群服务中心一楼')]").await?;
    // Its schedule changes: the form opens with what was saved.
    let point = "//div[@data-testid='points-table']//tbody/tr[.//td[contains(.,'下营社区党群服务中心一楼')]]";
    app.click_visible(&format!("{point}//button[contains(.,'编辑')]")).await?;
    assert_eq!(app.value("reception-schedule").await?, "每周三下午");
    app.type_into("reception-schedule", "每周三、周五下午").await?;
    app.click("reception-save").await?;
    success(app, "已保存接待点").await?;
    app.wait_xpath(&format!("{point}[.//td[contains(.,'每周三、周五下午')]]")).await?;

    // Paired today, she owes this quarter a visit; ending the pairing (not before it began)
    // takes it off the list.
    let owed = app.figure("deputies-missing").await?;
    app.click_visible("//div[contains(@class,'el-tabs__item')][normalize-space(.)='代表委员']").await?;
    app.click_visible(&format!("{row}//button[contains(.,'结束结对')]")).await?;
    app.type_into("unpair-date", &enter("2026-11-27")).await?;
    app.click("unpair-save").await?;
    let error = app.field_error("unpair-date").await?;
    assert!(error.contains("不能早于结对日期"), "{error}");
    app.type_into("unpair-date", &enter("2026-11-28")).await?;
    app.click("unpair-save").await?;
    success(app, "张丽芬已结束与下营社区党总支的结对").await?;
    app.wait_text("deputies-missing", |t| t.contains(&format!("{}", owed - 1))).await?;
    app.wait_xpath(&format!("{row}[not(.//td[contains(.,'下营社区党总支')])]")).await?;

    // A typo in her name is corrected; entered twice by mistake, the copy without visits goes.
    app.click_visible(&format!("{row}//button[contains(.,'编辑')]")).await?;
    app.type_into("deputy-name", "张丽芳").await?;
    app.click("deputy-save").await?;
    let fixed = "//div[@data-testid='deputies-table']//tbody/tr[.//td[contains(.,'张丽芳')]]";
    let text = app.visible_text(fixed).await?;
    assert!(text.contains("人大代表、政协委员"), "roles kept: {text}");
    tokio::time::sleep(std::time::Duration::from_millis(400)).await;
    app.screenshot("24-deputies-registry").await?;
    app.click_visible(&format!("{fixed}//button[contains(.,'删除')]")).await?;
    app.click_visible("//div[contains(@class,'el-message-box')]//button[contains(.,'删除')]").await?;
    success(app, "已删除").await?;
    app.wait_text("deputies-table", |t| !t.contains("张丽芳")).await?;
    delete_point_and_visit(app).await
}

/// The reception point closes and the visit logged above was a mistake: both deleted after a
/// question, gone from the window and the database.
async fn delete_point_and_visit(app: &App) -> R {
    app.click_visible("//div[contains(@class,'el-tabs__item')][normalize-space(.)='接待点']").await?;
    let point = "//div[@data-testid='points-table']//tbody/tr[.//td[contains(.,'下营社区党群服务中心一楼')]]";
    app.click_visible(&format!("{point}//button[contains(.,'删除')]")).await?;
    let question = app.visible_text("//div[contains(@class,'el-message-box')]").await?;
    assert!(question.contains("删除下营社区党总支的接待点“下营社区党群服务中心一楼”？"), "{question}");
    app.answer("删除").await?;
    success(app, "已删除").await?;
    app.wait_until(point, "return els.length === 0 ? true : null;").await?;
    let points =
        "SELECT count(*) FROM reception_points WHERE place = '下营社区党群服务中心一楼' AND deleted_at IS NULL";
    assert_eq!(app.db_number(points).await?, 0);

    // The visit logged above: its suggestion is answered, so it stays.
    app.click_visible("//div[contains(@class,'el-tabs__item')][normalize-space(.)='进社区记录']").await?;
    let row =
        |notes: &str| format!("//div[@data-testid='deputy-visits-table']//tbody/tr[.//td[contains(.,'{notes}')]]");
    app.click_visible(&format!("{}//button[contains(.,'删除')]", row("给居民上政治理论课"))).await?;
    let question = app.visible_text("//div[contains(@class,'el-message-box')]").await?;
    assert!(question.contains("的 1 条记录及其 1 条意见建议吗？"), "{question}");
    app.answer("删除").await?;
    let refusal = app.visible_text("//div[contains(@class,'el-message--error')]").await?;
    assert!(refusal.contains("这次进社区收到的1条意见建议已答复，不能删除"), "{refusal}");
    let kept =
        "SELECT count(*) FROM deputy_visits WHERE notes = '给居民上政治理论课，听取意见建议' AND deleted_at IS NULL";
    assert_eq!(app.db_number(kept).await?, 1);

    // A visit logged by mistake goes, and the pair owes this quarter's visit again.
    let visits = app.figure("deputies-visits").await?;
    let missing = app.figure("deputies-missing").await?;
    app.click_visible("//div[contains(@class,'el-tabs__item')][normalize-space(.)='未进社区']").await?;
    app.click_visible("//div[@data-testid='deputy-missing-table']//tbody/tr[1]//button[contains(.,'记录进社区')]")
        .await?;
    app.type_into("deputy-visit-notes", "误录的一次进社区").await?;
    app.click("deputy-visit-save").await?;
    success(app, "已记录进社区").await?;
    app.wait_text("deputies-visits", |t| last_number(t) == Some(visits + 1)).await?;
    app.wait_text("deputies-missing", |t| last_number(t) == Some(missing - 1)).await?;
    app.click_visible("//div[contains(@class,'el-tabs__item')][normalize-space(.)='进社区记录']").await?;
    app.click_visible(&format!("{}//button[contains(.,'删除')]", row("误录的一次进社区"))).await?;
    let question = app.visible_text("//div[contains(@class,'el-message-box')]").await?;
    assert!(question.contains("的 1 条记录吗？"), "{question}");
    app.answer("删除").await?;
    app.wait_text("deputies-visits", |t| last_number(t) == Some(visits)).await?;
    app.wait_text("deputies-missing", |t| last_number(t) == Some(missing)).await?;
    let gone = "SELECT count(*) FROM deputy_visits WHERE notes = '误录的一次进社区' AND deleted_at IS NOT NULL";
    assert_eq!(app.db_number(gone).await?, 1);
    Ok(())
}
