use crate::harness::{success, App, R};

#[tokio::test]
async fn a_deputy_visit_with_a_suggestion_is_recorded_and_the_suggestion_answered() -> R {
    let app = App::start().await?;
    let result = flow(&app).await;
    app.finish("deputies", result).await
}

async fn flow(app: &App) -> R {
    app.click("load-demo").await?;
    success(app, "已载入示例数据").await?;
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
    Ok(())
}
