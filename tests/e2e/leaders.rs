use crate::harness::{enter, last_number, success, App, R};

pub async fn a_leader_visit_with_a_difficulty_is_logged_and_the_difficulty_followed_to_closure() -> R {
    App::run("leaders", flow).await
}

async fn flow(app: &App) -> R {
    app.load_demo().await?;
    // The home page reminds of the visits still owed this month.
    let owed = |t: &str| t.split("还有").nth(1).and_then(|r| r.split('处').next()).and_then(|n| n.parse::<i64>().ok());
    let reminder = app.wait_text("reminder-leader_visits", |t| owed(t).is_some()).await?;
    assert_eq!(app.loaded_figure("practice-pairings").await?, 5, "the demo's five unit pairings");
    let owed_before = owed(&reminder).unwrap_or_default();
    app.click("menu-leaders").await?;
    app.loaded_figure("leaders-count").await?;
    let missing = app.figure("leaders-missing").await?;
    let open = app.figure("leaders-open").await?;
    assert!(missing > 0, "the demo leaves some November visits to make");

    // Log the visit owed by the first pair without one, with a resident's difficulty.
    let first = "//div[@data-testid='missing-table']//tbody/tr[1]";
    let pair = app.visible_text(first).await?;
    app.click_visible(&format!("{first}//button[contains(.,'记录走访')]")).await?;
    app.type_into("visit-notes", "召开民情恳谈会，听取居民对环境整治的意见").await?;
    app.click("visit-difficulty-add").await?;
    app.type_into("difficulty-by-0", "湖滨巷住户").await?;
    app.type_into("difficulty-responsible-0", "社区主任").await?;
    // The empty content is refused at its row and nothing is saved.
    app.click("visit-save").await?;
    let error = app.field_error("difficulty-content-0").await?;
    assert!(error.contains("请填写困难或诉求"), "{error}");
    app.type_into("difficulty-content-0", "湖滨巷下水道堵塞").await?;
    app.click("visit-save").await?;
    success(app, "已记录走访和1条群众诉求").await?;
    app.wait_text("leaders-missing", |t| t.contains(&format!("{}", missing - 1))).await?;
    assert_eq!(missing, owed_before, "the home reminder counts the same pairs as the page");
    app.wait_text("leaders-open", |t| t.contains(&format!("{}", open + 1))).await?;
    assert!(missing > 1, "the demo owes more than one visit, so the list keeps rows to compare");
    let left = app.visible_texts("//div[@data-testid='missing-table']//tbody/tr").await?;
    assert_eq!(left.len() as i64, missing - 1, "{left:?}");
    assert!(!left.contains(&pair), "the visited pair left the list: {left:?}");

    // Follow it: 办理中 → 已解决 → 已反馈.
    app.click_visible("//div[contains(@class,'el-tabs__item')][normalize-space(.)='群众诉求']").await?;
    let row = "//div[@data-testid='difficulties-table']//tbody/tr[.//td[contains(.,'湖滨巷下水道堵塞')]]";
    for (next, outcome) in [("办理中", ""), ("已解决", "已疏通下水道"), ("已反馈", "已上门告知住户")]
    {
        app.click_visible(&format!("{row}//button[contains(.,'{next}')]")).await?;
        if !outcome.is_empty() {
            app.type_into("step-outcome", outcome).await?;
        }
        app.click("step-save").await?;
        success(app, &format!("已标记为“{next}”")).await?;
    }
    app.wait_text("leaders-open", |t| t.contains(&format!("{open}"))).await?;
    let table = app.content("//div[@data-testid='difficulties-table']").await?;
    assert!(!table.contains("湖滨巷下水道堵塞"), "closed and answered: no longer open");
    tokio::time::sleep(std::time::Duration::from_millis(600)).await;
    app.screenshot("16-leaders").await?;

    // A 民情日记 entry for the month.
    app.click_visible("//div[contains(@class,'el-tabs__item')][normalize-space(.)='民情日记']").await?;
    app.click("diary-add").await?;
    app.choose_first("diary-leader").await?;
    app.choose_first("diary-community").await?;
    app.type_into("diary-text", "湖滨巷下水道已疏通，住户满意").await?;
    app.click("diary-save").await?;
    success(app, "已保存民情日记").await?;
    app.wait_xpath("//div[@data-testid='diary-table']//td[contains(.,'湖滨巷下水道已疏通')]").await?;
    // A detail added to it afterwards.
    let diary = "//div[@data-testid='diary-table']//tbody/tr[.//td[contains(.,'湖滨巷下水道已疏通')]]";
    app.click_visible(&format!("{diary}//button[contains(.,'修改')]")).await?;
    assert_eq!(app.value("diary-text").await?, "湖滨巷下水道已疏通，住户满意");
    app.type_into("diary-text", "湖滨巷下水道已疏通，住户满意；已请环卫所每月检查一次").await?;
    app.click("diary-save").await?;
    success(app, "已保存民情日记").await?;
    app.wait_xpath("//div[@data-testid='diary-table']//td[contains(.,'每月检查一次')]").await?;

    // Back home, the reminder follows.
    app.click("menu-home").await?;
    app.wait_text("reminder-leader_visits", |t| owed(t) == Some(owed_before - 1)).await?;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    app.screenshot("18-home-reminders").await?;

    // A leader who moved on: his contact with a community he still owes a visit ends, and the
    // month no longer asks it of him.
    app.click("menu-leaders").await?;
    let missing = app.loaded_figure("leaders-missing").await?;
    let leader = app.content(&format!("{first}/td[1]")).await?;
    let community = app.content(&format!("{first}/td[3]")).await?;
    app.click_visible("//div[contains(@class,'el-tabs__item')][normalize-space(.)='联系领导']").await?;
    let row = format!("//div[@data-testid='leaders-table']//tbody/tr[td[1][normalize-space(.)='{leader}']]");
    app.click_visible(&format!("{row}//button[contains(.,'结束联系')]")).await?;
    app.choose("unassign-community", &community).await?;
    app.type_into("unassign-date", &enter("2025-01-01")).await?;
    app.click("unassign-save").await?;
    let error = app.field_error("unassign-date").await?;
    assert!(error.contains("不能早于开始联系的日期"), "{error}");
    app.type_into("unassign-date", &enter("2026-11-20")).await?;
    app.click("unassign-save").await?;
    success(app, &format!("{leader}已结束联系{community}")).await?;
    app.wait_text("leaders-missing", |t| t.contains(&format!("{}", missing - 1))).await?;
    app.wait_xpath(&format!("{row}[not(td[4][contains(.,'{community}')])]")).await?;

    // A new leader's title is corrected; entered by mistake (no visits yet), he is deleted.
    app.click("leader-add").await?;
    app.type_into("leader-name", "罗志明").await?;
    app.type_into("leader-title", "县人大副主任").await?;
    app.click("leader-save").await?;
    success(app, "已新增联系领导“罗志明”").await?;
    let new_row = "//div[@data-testid='leaders-table']//tbody/tr[td[1][normalize-space(.)='罗志明']]";
    app.click_visible(&format!("{new_row}//button[contains(.,'编辑')]")).await?;
    assert_eq!(app.value("leader-title").await?, "县人大副主任", "the form opens with his details");
    app.type_into("leader-title", "县人大常委会副主任").await?;
    app.click("leader-save").await?;
    success(app, "已保存联系领导“罗志明”").await?;
    app.wait_xpath(&format!("{new_row}[td[3][normalize-space(.)='县人大常委会副主任']]")).await?;
    tokio::time::sleep(std::time::Duration::from_millis(400)).await;
    app.screenshot("23-leaders-registry").await?;

    // He takes 河咀社区 from 1 November, and so owes it November's visit.
    let missing = app.figure("leaders-missing").await?;
    app.click_visible(&format!("{new_row}//button[contains(.,'联系社区')]")).await?;
    app.choose("assign-community", "河咀社区党总支").await?;
    app.type_into("assign-date", &enter("2026-11-01")).await?;
    app.click("assign-save").await?;
    success(app, "已保存").await?;
    app.wait_xpath(&format!("{new_row}[td[4][contains(.,'河咀社区党总支')]]")).await?;
    app.wait_text("leaders-missing", |t| t.contains(&format!("{}", missing + 1))).await?;
    let contacts = "SELECT count(*) FROM leader_communities lc JOIN contact_leaders l ON l.id = lc.leader_id
                     JOIN organizations o ON o.id = lc.community_id
                    WHERE l.name = '罗志明' AND o.name = '河咀社区党总支' AND lc.start_on = '2026-11-01' AND lc.end_on IS NULL";
    assert_eq!(app.db_number(contacts).await?, 1);

    // Entered by mistake after all (no visits yet): he is deleted, and owes nothing.
    app.click_visible(&format!("{new_row}//button[contains(.,'删除')]")).await?;
    app.answer("删除").await?;
    success(app, "已删除").await?;
    app.wait_text("leaders-table", |t| !t.contains("罗志明")).await?;
    app.wait_text("leaders-missing", |t| t.contains(&format!("{missing}"))).await?;
    let kept = "SELECT count(*) FROM contact_leaders WHERE name = '罗志明' AND deleted_at IS NULL";
    assert_eq!(app.db_number(kept).await?, 0);
    // The next new leader starts from an empty form.
    app.click("leader-add").await?;
    assert_eq!(app.value("leader-name").await?, "");
    app.click_visible("//div[contains(@class,'el-dialog')]//button[contains(@class,'el-dialog__headerbtn')]").await?;
    delete_visit_and_diary(app).await
}

/// The visit logged above cannot be deleted once its difficulty is being handled; a visit
/// logged by mistake can, after a question; so can the diary entry.
async fn delete_visit_and_diary(app: &App) -> R {
    let followed =
        app.db_number("SELECT id FROM leader_visits WHERE notes LIKE '召开民情恳谈会%' AND deleted_at IS NULL").await?;
    app.click_visible("//div[contains(@class,'el-tabs__item')][normalize-space(.)='走访记录']").await?;
    let row = |notes: &str| format!("//div[@data-testid='visits-table']//tbody/tr[.//td[contains(.,'{notes}')]]");
    app.click_visible(&format!("{}//button[contains(.,'删除')]", row("召开民情恳谈会"))).await?;
    let question = app.visible_text("//div[contains(@class,'el-message-box')]").await?;
    assert!(question.contains("的 1 条走访记录及其 1 条群众诉求吗？"), "{question}");
    app.answer("删除").await?;
    let refusal = app.visible_text("//div[contains(@class,'el-message--error')]").await?;
    assert!(refusal.contains("这次走访的1条群众诉求已在办理，不能删除"), "{refusal}");
    let kept = format!("SELECT count(*) FROM leader_visits WHERE id = {followed} AND deleted_at IS NULL");
    assert_eq!(app.db_number(&kept).await?, 1);

    // A visit logged twice by mistake, without difficulties, goes.
    let visits = app.figure("leaders-visits").await?;
    app.click_visible("//div[contains(@class,'el-tabs__item')][normalize-space(.)='未走访']").await?;
    app.click_visible("//div[@data-testid='missing-table']//tbody/tr[1]//button[contains(.,'记录走访')]").await?;
    app.type_into("visit-notes", "误录的一次走访").await?;
    app.click("visit-save").await?;
    success(app, "已记录走访").await?;
    app.wait_text("leaders-visits", |t| last_number(t) == Some(visits + 1)).await?;
    app.click_visible("//div[contains(@class,'el-tabs__item')][normalize-space(.)='走访记录']").await?;
    app.click_visible(&format!("{}//button[contains(.,'删除')]", row("误录的一次走访"))).await?;
    let question = app.visible_text("//div[contains(@class,'el-message-box')]").await?;
    assert!(question.contains("的 1 条走访记录吗？"), "{question}");
    app.answer("删除").await?;
    app.wait_text("leaders-visits", |t| last_number(t) == Some(visits)).await?;
    app.wait_until(&row("误录的一次走访"), "return els.length === 0 ? true : null;").await?;
    let gone = "SELECT count(*) FROM leader_visits WHERE notes = '误录的一次走访' AND deleted_at IS NOT NULL";
    assert_eq!(app.db_number(gone).await?, 1);

    app.click_visible("//div[contains(@class,'el-tabs__item')][normalize-space(.)='民情日记']").await?;
    let diary = "//div[@data-testid='diary-table']//tbody/tr[.//td[contains(.,'每月检查一次')]]";
    app.click_visible(&format!("{diary}//button[contains(.,'删除')]")).await?;
    let question = app.visible_text("//div[contains(@class,'el-message-box')]").await?;
    assert!(question.contains("的这篇民情日记？"), "{question}");
    app.answer("删除").await?;
    success(app, "已删除").await?;
    app.wait_until(diary, "return els.length === 0 ? true : null;").await?;
    let left = "SELECT count(*) FROM diary_entries WHERE text LIKE '%每月检查一次'";
    assert_eq!(app.db_number(left).await?, 0);
    Ok(())
}
