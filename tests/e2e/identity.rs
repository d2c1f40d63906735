use crate::harness::{App, R};

async fn message(app: &App, start: &str) -> R<String> {
    app.visible_text(&format!("//div[contains(@class,'el-message--success')][contains(.,'{start}')]")).await
}

pub async fn a_secretary_records_identity_for_a_filtered_set_and_for_picked_members() -> R {
    App::run("identity", flow).await
}

async fn flow(app: &App) -> R {
    app.load_demo().await?;

    app.click("menu-identity").await?;
    let shown_before = app.figure("identity-shown").await?;
    let missing_before = app.figure("identity-not-shown").await?;
    let active = app.figure("identity-active").await?;
    assert_eq!(shown_before + missing_before, active);
    assert!(missing_before > 0, "the demo leaves someone to act on");

    // Roster: everyone on the roll in the 窗口岗位 category gets 党员示范岗, in one batch.
    app.click("menu-roster").await?;
    let unfiltered = app.wait_text("roster-total", |t| t.starts_with("共") && !t.contains("共 0 名")).await?;
    app.choose("roster-category", "窗口岗位党员").await?;
    // Wait for the filtered search to arrive, not the list that was there before.
    let total_text = app.wait_text("roster-total", |t| t.starts_with("共") && t != unfiltered).await?;
    let filtered: i64 = total_text.chars().filter(|c| c.is_ascii_digit()).collect::<String>().parse()?;
    app.click("mark-open").await?;
    app.click_visible("//*[@data-testid='mark-scope-all']").await?;
    app.choose("mark-type", "党员示范岗").await?;
    app.click("mark-save").await?;
    let done = message(app, "名党员登记亮身份").await?;
    let numbers: Vec<i64> =
        done.split(|c: char| !c.is_ascii_digit()).filter(|s| !s.is_empty()).map(|s| s.parse().unwrap()).collect();
    assert_eq!(numbers.iter().sum::<i64>(), filtered, "recorded + already = the filtered set: {done}");
    app.screenshot("07-identity-batch").await?;

    // The 亮身份 page: every window-post member now holds 党员示范岗 (no one else gets it).
    app.click("menu-identity").await?;
    app.wait_text("identity-type-model_post", |t| t.contains(&format!("{filtered}名"))).await?;
    let missing_after_batch = app.figure("identity-not-shown").await?;
    assert!(missing_after_batch <= missing_before);
    assert_eq!(app.figure("identity-shown").await? + missing_after_batch, active);

    // Pick one member from the not-yet list by hand.
    app.click_visible("//div[@data-testid='identity-table']//tbody/tr[1]//span[contains(@class,'el-checkbox__inner')]")
        .await?;
    app.click("identity-mark").await?;
    app.click("mark-save").await?;
    message(app, "已为 1 名党员登记亮身份").await?;
    app.wait_text("identity-not-shown", |t| t.contains(&format!("{}", missing_after_batch - 1))).await?;
    assert_eq!(app.figure("identity-shown").await?, active - missing_after_batch + 1);
    app.screenshot("08-identity-page").await
}
