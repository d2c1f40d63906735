use crate::harness::{enter, success, App, R};

fn node(name: &str) -> String {
    format!("//span[contains(@class,'node')][span[contains(@class,'name')][normalize-space(.)='{name}']]")
}

pub async fn a_secretary_builds_the_roster_and_the_home_counts_follow() -> R {
    App::run("roster", roster_flow).await
}

async fn roster_flow(app: &App) -> R {
    // First start: the empty home offers the demo data.
    app.load_demo().await?;
    let active_before = app.figure("stat-active").await?;
    assert!((250..=320).contains(&active_before), "{active_before} members on the roll");
    let transferred_before = app.figure("stat-status-transferred").await?;
    let communities_before = app.figure("stat-org-community").await?;
    let branches_before = app.figure("stat-org-branch").await?;
    app.screenshot("01-home-demo").await?;

    // A township with children cannot be deleted.
    app.click("menu-orgs").await?;
    app.click_visible(&format!("{}//button[contains(.,'删除')]", node("大街街道党工委"))).await?;
    app.click_visible("//div[contains(@class,'el-message-box')]//button[contains(.,'确定')]").await?;
    app.wait_xpath("//div[contains(@class,'el-message-box')][contains(.,'下级组织')]").await?;
    app.click_visible("//div[contains(@class,'el-message-box')]//button[contains(.,'确定')]").await?;

    // Create a community under the township, and a branch under it.
    app.click_visible(&format!("{}//button[contains(.,'新增下级')]", node("大街街道党工委"))).await?;
    app.click_visible("//*[@data-testid='org-kind-community']").await?;
    app.type_into("org-name", "新河社区党总支").await?;
    app.click("org-save").await?;
    success(app, "已新建“新河社区党总支”").await?;
    app.click_visible(&format!("{}//button[contains(.,'新增下级')]", node("新河社区党总支"))).await?;
    app.type_into("org-name", "新河社区第一党支部").await?;
    app.click("org-save").await?;
    success(app, "已新建“新河社区第一党支部”").await?;
    app.screenshot("02-orgs").await?;

    // Add a member to the new branch, first with a wrong ID check digit.
    app.click("menu-roster").await?;
    app.click_visible(&format!(
        "//div[contains(@class,'el-tree-node__content')][.{}]//*[contains(@class,'el-tree-node__expand-icon')]",
        node("新河社区党总支")
    ))
    .await?;
    app.click_visible(&node("新河社区第一党支部")).await?;
    app.click("member-add").await?;
    app.type_into("member-name", "欧阳喆").await?;
    app.click_visible(
        "//div[@data-testid='member-gender']//label[contains(.,'男')]//span[contains(@class,'el-radio__inner')]",
    )
    .await?;
    app.type_into("member-id-number", "530421198506150319").await?;
    app.type_into("member-birth-date", &enter("1985-06-15")).await?;
    app.type_into("member-joined-on", &enter("2010-07-01")).await?;
    app.choose("member-category", "在职党员").await?;
    app.type_into("member-phone", "13812340000").await?;
    app.click("member-save").await?;
    let error = app.field_error("member-id-number").await?;
    assert!(error.contains("校验位"), "{error}");
    app.screenshot("03-id-error").await?;

    // Corrected, it saves; typed fields were kept.
    app.type_into("member-id-number", "530421198506150318").await?;
    app.click("member-save").await?;
    success(app, "已保存党员“欧阳喆”").await?;

    // Found by pinyin initials, personal data masked in the list.
    app.type_into("roster-search", "oyz").await?;
    app.wait_text("roster-total", |t| t.contains("共 1 名")).await?;
    // The table scrolls sideways at 1366 px, so read the row's content rather than what is in view.
    let row_text = app.content("//table//tr[.//span[contains(@class,'member-name')][.='欧阳喆']]").await?;
    assert!(row_text.contains("5304211985****0318"), "{row_text}");
    assert!(row_text.contains("138****0000"), "{row_text}");
    assert!(row_text.contains("新河社区第一党支部"), "{row_text}");
    app.screenshot("04-search").await?;

    // Edit: the form shows the full numbers; change the phone.
    app.click_visible("//tr[.//span[contains(@class,'member-name')][.='欧阳喆']]//button[contains(.,'编辑')]").await?;
    app.visible_text("//span[contains(@class,'el-dialog__title')][.='编辑党员']").await?;
    assert_eq!(app.value("member-id-number").await?, "530421198506150318");
    // The form also shows the member's 三亮 at a glance: nothing recorded yet for a new member.
    let sanliang = app.text("member-sanliang").await?;
    assert!(sanliang.contains("尚未亮身份") && sanliang.contains("尚无岗位"), "{sanliang}");
    app.type_into("member-phone", "13900001111").await?;
    app.click("member-save").await?;
    success(app, "已保存党员“欧阳喆”").await?;
    app.wait_xpath("//tr[.//span[contains(@class,'member-name')][.='欧阳喆']][contains(.,'139****1111')]").await?;

    // Mark 转出 with today's date: the member leaves the list of those on the roll.
    app.click_visible("//tr[.//span[contains(@class,'member-name')][.='欧阳喆']]//button[contains(.,'更多')]").await?;
    app.click_visible("//li[@data-testid='cmd-transferred']").await?;
    app.click("status-save").await?;
    success(app, "已将“欧阳喆”标记为转出").await?;
    app.wait_text("roster-total", |t| t.contains("共 0 名")).await?;

    // Home: one more community, branch and transferred member; on the roll as before (+1 −1).
    app.click("menu-home").await?;
    app.wait_text("stat-status-transferred", |t| t.contains(&format!("{}", transferred_before + 1))).await?;
    assert_eq!(app.figure("stat-active").await?, active_before);
    assert_eq!(app.figure("stat-org-community").await?, communities_before + 1);
    assert_eq!(app.figure("stat-org-branch").await?, branches_before + 1);
    // 最近变动 names the member just edited, and leads back to the roster.
    let change = "//div[@data-testid='home-change'][contains(.,'修改党员信息：欧阳喆')]";
    let line = app.visible_text(change).await?;
    assert!(line.starts_with("今天"), "{line}");
    app.screenshot("05-home-after").await?;
    app.click_visible(change).await?;
    app.wait_xpath("//div[@data-testid='roster-table']").await
}
