use sanliang::paths::Setting;

use crate::harness::{success, App, Options, R};

/// A 4 × 4 red PNG: what the photo dialog picks.
pub const PNG: [u8; 73] = [
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00,
    0x04, 0x00, 0x00, 0x00, 0x04, 0x08, 0x02, 0x00, 0x00, 0x00, 0x26, 0x93, 0x09, 0x29, 0x00, 0x00, 0x00, 0x10, 0x49,
    0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x38, 0x21, 0x27, 0x07, 0x47, 0x0c, 0xc4, 0x71, 0x00, 0xb1, 0x63, 0x10, 0x41,
    0x3b, 0x4b, 0x63, 0x82, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
];

pub async fn a_secretary_renames_and_moves_a_branch_fixes_a_members_marks_and_photo_and_deletes_a_member() -> R {
    let picks = tempfile::Builder::new().prefix("照片 ").tempdir()?;
    let photo = picks.path().join("证件照 张三.png");
    std::fs::write(&photo, PNG)?;
    let options = Options { settings: vec![(Setting::Pick, photo.display().to_string())], ..Options::default() };
    App::run_with(options, "corrections", flow).await
}

async fn flow(app: &App) -> R {
    app.load_demo().await?;
    organizations(app).await?;
    marks_and_photo(app).await?;
    deletion(app).await
}

/// Opens a folded node of the organization tree (clicking its arrow until it shows open).
async fn open_node(app: &App, name: &str) -> R {
    app.wait_until(
        &format!("//div[contains(@class,'el-tree-node__content')][.//span[normalize-space(.)='{name}']]"),
        "const icon = els.length ? els[0].querySelector('.el-tree-node__expand-icon') : null;
         if (!icon) return null;
         if (!icon.classList.contains('expanded')) { icon.click(); return null; }
         return true;",
    )
    .await
}

/// A branch renamed, then moved under another community: the tree and the database follow.
async fn organizations(app: &App) -> R {
    let id = |name: &str| format!("SELECT id FROM organizations WHERE name = '{name}' AND deleted_at IS NULL");
    let branch = app.db_number(&id("河咀社区第一党支部")).await?;
    let target = app.db_number(&id("下营社区党总支")).await?;
    app.click("menu-orgs").await?;
    // Branches sit under their community, folded: open it as a secretary would.
    open_node(app, "河咀社区党总支").await?;
    app.click(&format!("org-rename-{branch}")).await?;
    app.type_into("org-name", "河咀社区滨河党支部").await?;
    app.click("org-save").await?;
    success(app, "已重命名为“河咀社区滨河党支部”").await?;
    assert_eq!(app.db_number(&id("河咀社区滨河党支部")).await?, branch);

    app.click(&format!("org-move-{branch}")).await?;
    app.choose_in_tree("org-move-target", "下营社区党总支").await?;
    app.click("org-save").await?;
    success(app, "已将“河咀社区滨河党支部”移到“下营社区党总支”之下").await?;
    let parent = format!("SELECT parent_id FROM organizations WHERE id = {branch}");
    assert_eq!(app.db_number(&parent).await?, target);
    // In the tree the branch now sits under its new community, once that is opened.
    open_node(app, "下营社区党总支").await?;
    app.wait_xpath(
        "//div[contains(@class,'el-tree-node')][.//span[normalize-space(.)='下营社区党总支']]\
         //div[contains(@class,'el-tree-node__children')]//span[normalize-space(.)='河咀社区滨河党支部']",
    )
    .await?;
    tokio::time::sleep(std::time::Duration::from_millis(400)).await; // the tree's unfolding, for the picture
    app.screenshot("30-orgs-moved").await
}

/// A member's identity mark recorded by mistake is removed from the member's form; a photo is
/// picked and then removed.
async fn marks_and_photo(app: &App) -> R {
    let member = app
        .db_number(
            "SELECT m.id FROM members m JOIN identity_marks i ON i.member_id = m.id AND i.deleted_at IS NULL
              WHERE m.deleted_at IS NULL AND m.status = 'active' GROUP BY m.id HAVING count(*) >= 2 ORDER BY m.id LIMIT 1",
        )
        .await?;
    let name = app.db_text(&format!("SELECT name FROM members WHERE id = {member}")).await?;
    let marks = format!("SELECT count(*) FROM identity_marks WHERE member_id = {member} AND deleted_at IS NULL");
    let before = app.db_number(&marks).await?;

    app.click("menu-roster").await?;
    app.type_into("roster-search", &name).await?;
    app.click(&format!("edit-{member}")).await?;
    let tags = "//*[@data-testid='member-mark']";
    assert_eq!(app.visible_texts(tags).await?.len() as i64, before);
    app.click_visible(&format!("{tags}//*[contains(@class,'el-tag__close')]")).await?;
    let question = app.visible_text("//div[contains(@class,'el-message-box')]").await?;
    assert!(question.contains("删除这条亮身份记录"), "{question}");
    app.answer("删除").await?;
    success(app, "已删除").await?;
    app.wait_until(tags, &format!("return els.length === {} ? true : null;", before - 1)).await?;
    assert_eq!(app.db_number(&marks).await?, before - 1);

    let photo = format!("SELECT count(*) FROM members WHERE id = {member} AND photo IS NOT NULL");
    assert_eq!(app.db_number(&photo).await?, 0);
    app.click("member-photo-pick").await?;
    app.wait_xpath("//div[contains(@class,'photo-box')]/img[starts-with(@src,'data:image/png')]").await?;
    assert_eq!(app.db_number(&photo).await?, 1);
    let file = app.db_text(&format!("SELECT photo FROM members WHERE id = {member}")).await?;
    let stored = app.data.path().join("photos").join(&file);
    assert_eq!(std::fs::read(&stored)?, PNG, "the photo is copied into the data folder");
    app.screenshot("31-member-photo").await?;
    app.click("member-photo-clear").await?;
    success(app, "照片已移到回收站").await?;
    app.wait_text("member-dialog", |t| t.contains("照片") && !t.contains("移除照片")).await?;
    assert_eq!(app.db_number(&photo).await?, 0);
    assert!(!stored.exists(), "the photo file leaves the photos");
    let binned =
        app.db_text(&format!("SELECT file FROM binned_files WHERE member_id = {member} AND kind = 'photo'")).await?;
    assert_eq!(std::fs::read(app.data.path().join("bin").join(binned))?, PNG, "and waits whole in the recycle bin");
    app.click_visible("//div[contains(@class,'el-dialog')]//button[contains(@class,'el-dialog__headerbtn')]").await
}

/// A member entered twice is deleted from the roster after a question.
async fn deletion(app: &App) -> R {
    let member = app.db_number("SELECT max(id) FROM members WHERE deleted_at IS NULL AND status = 'active'").await?;
    let name = app.db_text(&format!("SELECT name FROM members WHERE id = {member}")).await?;
    app.type_into("roster-search", &name).await?;
    app.click(&format!("more-{member}")).await?;
    app.click_visible("//li[@data-testid='cmd-delete']").await?;
    let question = app.visible_text("//div[contains(@class,'el-message-box')]").await?;
    assert!(question.contains(&name), "{question}");
    app.answer("确定").await?;
    success(app, &format!("已删除党员“{name}”")).await?;
    let deleted = format!("SELECT count(*) FROM members WHERE id = {member} AND deleted_at IS NOT NULL");
    assert_eq!(app.db_number(&deleted).await?, 1);
    app.wait_until(&format!("//*[@data-testid='edit-{member}']"), "return els.length === 0 ? true : null;").await?;
    Ok(())
}
