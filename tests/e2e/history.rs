//! 操作记录 and 回收站 in the real window: the operator named, a member's phone changed and the
//! change read in the member's 修改记录 (masked, by that operator); the member deleted, found in
//! the log and in the bin, and brought back from it; another deleted and the bin emptied after
//! the question.

use crate::harness::{success, App, R};

/// The members the flow works on: the first two active ones of the demo.
const FIRST: &str = "SELECT min(id) FROM members WHERE deleted_at IS NULL AND status = 'active'";

async fn delete_member(app: &App, member: i64, name: &str) -> R {
    app.click("menu-roster").await?;
    app.type_into("roster-search", name).await?;
    app.click(&format!("more-{member}")).await?;
    app.click_visible("//li[@data-testid='cmd-delete']").await?;
    app.answer("确定").await?;
    success(app, &format!("已删除党员“{name}”")).await
}

pub async fn a_members_change_is_in_their_history_and_a_deleted_member_comes_back_from_the_bin() -> R {
    App::run("history", async |app: &App| {
        app.load_demo().await?;
        app.click("menu-history").await?;
        app.type_into("history-operator", "王书记").await?;
        app.click("history-operator-save").await?;
        success(app, "以后的操作将记录为“王书记”").await?;

        let member = app.db_number(FIRST).await?;
        let name = app.db_text(&format!("SELECT name FROM members WHERE id = {member}")).await?;
        app.click("menu-roster").await?;
        app.type_into("roster-search", &name).await?;
        app.click(&format!("edit-{member}")).await?;
        app.type_into("member-phone", "13900001111").await?;
        app.click("member-save").await?;
        success(app, &format!("已保存党员“{name}”")).await?;

        // The member's own history: one change, by 王书记, of the phone, masked.
        app.click(&format!("edit-{member}")).await?;
        app.click("member-history-open").await?;
        app.wait_text("history-fields", |t| t == "联系电话").await?;
        let row = "//*[@data-testid='member-history']//tr[contains(@class,'el-table__row')][1]";
        let line = app.visible_text(row).await?;
        assert!(line.contains("王书记") && line.contains("修改") && line.contains(&name), "{line}");
        app.click_visible(&format!("{row}//*[contains(@class,'el-table__expand-icon')]")).await?;
        app.wait_text("history-changes", |t| t.contains("139****1111")).await?;
        let changes = app.visible_text("//*[@data-testid='history-changes']").await?;
        assert!(!changes.contains("13900001111"), "a phone shown whole: {changes}");
        app.screenshot("95-member-history").await?;
        app.click_visible("//div[@data-testid='member-history']//button[contains(@class,'el-dialog__headerbtn')]").await?;
        app.click_visible("//div[@data-testid='member-dialog']//button[contains(@class,'el-dialog__headerbtn')]").await?;

        // Changed elsewhere while the form is open: the save says so and keeps what was typed.
        let notes_before = app.db_text(&format!("SELECT notes FROM members WHERE id = {member}")).await?;
        app.click(&format!("edit-{member}")).await?;
        app.wait_until(
            "//input[@data-testid='member-name']",
            &format!("return els.length && els[0].value === '{name}' ? true : null;"),
        )
        .await?;
        app.db_write_elsewhere(&format!(
            "UPDATE members SET address = '湖滨路 8 号', updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = {member}"
        ))
        .await?;
        app.type_into("member-notes", "楼道长").await?;
        app.click("member-save").await?;
        app.wait_xpath("//div[contains(@class,'stale-save')][contains(.,'的信息在您打开之后又被修改过')]").await?;
        app.screenshot("99-stale-save").await?;
        app.answer("知道了").await?;
        let typed = app.value("member-notes").await?;
        assert_eq!(typed, "楼道长", "what was typed stays in the form");
        let notes = app.db_text(&format!("SELECT notes FROM members WHERE id = {member}")).await?;
        assert_eq!(notes, notes_before, "nothing was overwritten");
        app.click_visible("//div[@data-testid='member-dialog']//button[contains(@class,'el-dialog__headerbtn')]").await?;

        // Deleted: the log says so first; the bin holds the member.
        delete_member(app, member, &name).await?;
        app.click("menu-history").await?;
        // The deletion, and the post it ended (the member left their duties with it).
        let deleted = format!(
            "//*[@data-testid='history-table']//tr[.//*[@data-testid='history-action'][.='删除']][.//*[@data-testid='history-subject'][.='{name}']]"
        );
        app.wait_xpath(&deleted).await?;
        app.choose("history-area", "亮承诺").await?;
        app.wait_xpath("//*[@data-testid='history-table']//*[contains(@class,'el-table__empty-text')]").await?;
        app.choose("history-area", "组织与党员").await?;
        app.wait_xpath(&deleted).await?;
        app.screenshot("96-history").await?;

        app.click("menu-bin").await?;
        app.wait_text("bin-subject", |t| t == name).await?;
        app.screenshot("97-bin").await?;
        app.click("bin-restore").await?;
        success(app, &format!("已恢复党员“{name}”。删除时结束的岗位和责任区不会自动恢复")).await?;
        app.wait_xpath("//*[@data-testid='bin-table']//*[contains(@class,'el-table__empty-text')]").await?;
        assert_eq!(app.db_number(&format!("SELECT count(*) FROM members WHERE id = {member} AND deleted_at IS NULL")).await?, 1);
        app.click("menu-roster").await?;
        app.type_into("roster-search", &name).await?;
        app.wait_xpath(&format!("//*[@data-testid='edit-{member}']")).await?;

        // Another member deleted, and the bin emptied after the question names what goes.
        let other = app.db_number(&format!("SELECT min(id) FROM members WHERE deleted_at IS NULL AND id > {member}")).await?;
        let other_name = app.db_text(&format!("SELECT name FROM members WHERE id = {other}")).await?;
        delete_member(app, other, &other_name).await?;
        app.click("menu-bin").await?;
        app.wait_text("bin-subject", |t| t == other_name).await?;
        app.click("bin-empty").await?;
        app.wait_xpath("//div[contains(@class,'bin-empty-confirm')][contains(.,'将永久删除回收站中的 1 条记录')]").await?;
        app.screenshot("98-bin-empty").await?;
        app.answer("永久删除").await?;
        success(app, "已永久删除").await?;
        assert_eq!(app.db_number(&format!("SELECT count(*) FROM members WHERE id = {other}")).await?, 0);
        app.wait_xpath("//*[@data-testid='bin-table']//*[contains(@class,'el-table__empty-text')]").await?;
        Ok(())
    })
    .await
}
