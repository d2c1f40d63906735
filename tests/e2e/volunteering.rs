use crate::harness::{success, App, R};

pub async fn a_volunteer_activity_with_a_member_and_a_league_member_is_recorded() -> R {
    App::run("volunteering", flow).await
}

async fn flow(app: &App) -> R {
    app.load_demo().await?;
    app.click("menu-volunteering").await?;
    let before = app.loaded_figure("volunteering-count").await?;

    app.click("activity-add").await?;
    app.choose("activity-community", "河咀社区党总支").await?;
    app.choose("activity-organizer", "县医院").await?;
    app.choose("activity-service", "义务诊疗").await?;
    app.type_into("activity-place", "河咀社区卫生室").await?;
    app.type_into("activity-served", "86").await?;
    // The member picker lists each member by name (first), then where they belong.
    // Its own list: the service picker's list may still be fading out.
    let list = app.open_list("participant-member-0").await?;
    let option =
        format!("{list}//li[contains(@class,'el-select-dropdown__item') and not(contains(@class,'is-disabled'))]");
    let member = app.visible_text(&format!("{option}/span[1]")).await?;
    app.click_visible(&option).await?;
    app.type_into("participant-hours-0", "2.5").await?;
    app.click("participant-add").await?;
    app.type_into("participant-name-1", "杨佳怡").await?;
    app.type_into("participant-hours-1", "30").await?;
    app.screenshot("19a-activity-dialog").await?;
    app.click("activity-save").await?;
    let error = app.field_error("participant-hours-1").await?;
    assert!(error.contains("0.1到24小时"), "{error}");
    app.type_into("participant-hours-1", "3").await?;
    app.click("activity-save").await?;
    success(app, "已记录活动，2人参加").await?;
    app.wait_text("volunteering-count", |t| t.contains(&format!("{}", before + 1))).await?;
    let first = app.visible_text("//div[@data-testid='activities-table']//tbody/tr[1]").await?;
    assert!(first.contains("义务诊疗") && first.contains("86") && first.contains("5.5"), "{first}");

    app.click_visible("//div[contains(@class,'el-tabs__item')][normalize-space(.)='党员参与']").await?;
    app.wait_xpath(&format!(
        "//div[@data-testid='volunteer-members-table']//tbody/tr[.//td[normalize-space(.)='{}']]",
        member.trim()
    ))
    .await?;
    tokio::time::sleep(std::time::Duration::from_millis(600)).await;
    app.screenshot("19-volunteering").await?;

    // A correction: the form opens with the member by name and the hours as saved; the league
    // member worked 4 hours, not 3.
    app.click_visible("//div[contains(@class,'el-tabs__item')][normalize-space(.)='活动']").await?;
    app.click_visible("//div[@data-testid='activities-table']//tbody/tr[1]//button[contains(.,'编辑')]").await?;
    let shown = app
        .visible_text("//*[@data-testid='participant-member-0']//div[contains(@class,'el-select__selected-item')]")
        .await?;
    assert_eq!(shown.trim(), member.trim(), "the member shows by name, not by number");
    assert_eq!(app.value("participant-hours-0").await?, "2.5");
    assert_eq!(app.value("participant-name-1").await?, "杨佳怡");
    app.type_into("participant-hours-1", "4").await?;
    app.click("activity-save").await?;
    success(app, "已保存活动，2人参加").await?;
    app.wait_xpath("//div[@data-testid='activities-table']//tbody/tr[1][.//td[normalize-space(.)='6.5']]").await?;
    // Corrected in place: still one row for it, not a second activity.
    let rows = app
        .visible_texts("//div[@data-testid='activities-table']//tbody/tr[.//td[contains(.,'河咀社区卫生室')]]")
        .await?;
    assert_eq!(rows.len(), 1, "{rows:?}");

    // A wrong entry is deleted after a confirmation, and the count goes back.
    app.click_visible("//div[@data-testid='activities-table']//tbody/tr[1]//button[contains(.,'删除')]").await?;
    app.click_visible("//div[contains(@class,'el-message-box')]//button[contains(.,'删除')]").await?;
    success(app, "已删除").await?;
    app.wait_text("volunteering-count", |t| t.contains(&format!("{before}"))).await?;
    Ok(())
}
