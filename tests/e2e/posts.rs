use crate::harness::{success, App, R};

fn row(post: &str) -> String {
    format!("//div[@data-testid='posts-table']//tr[.//span[contains(@class,'post-name')][.='{post}']]")
}

pub async fn a_secretary_sets_up_a_post_and_a_member_claims_it() -> R {
    App::run("posts", flow).await
}

async fn flow(app: &App) -> R {
    app.load_demo().await?;
    app.click("menu-posts").await?;
    let with_post = app.figure("posts-with-post").await?;
    let claimed = app.figure("posts-claimed").await?;
    let posts = app.figure("posts-count").await?;

    // A new post for 河咀社区 with its duties.
    app.click("post-add").await?;
    app.choose("post-community", "河咀社区党总支").await?;
    app.type_into("post-name", "文明劝导先锋岗").await?;
    app.type_into("post-duties", "每周两次在湖滨步道劝导乱扔垃圾、乱停车辆，发现问题当天报告社区。").await?;
    app.click("post-save").await?;
    app.visible_text("//div[contains(@class,'el-message--success')][contains(.,'已保存岗位“文明劝导先锋岗”')]").await?;
    app.wait_text("posts-count", |t| t.contains(&format!("{}", posts + 1))).await?;
    let held = app.content(&format!("{}//span[contains(@class,'held')]", row("文明劝导先锋岗"))).await?;
    assert_eq!(held, "0/1");

    // An in-service member without a post claims it (members holding one are shown and disabled).
    app.click_visible(&format!("{}//button[contains(.,'安排党员')]", row("文明劝导先锋岗"))).await?;
    let list = app.open_list("assign-member").await?;
    let option =
        format!("{list}//li[contains(@class,'el-select-dropdown__item') and not(contains(@class,'is-disabled'))]");
    let name = app.visible_text(&format!("{option}/span[1]")).await?;
    app.click_visible(&option).await?;
    app.click("assign-save").await?;
    app.visible_text(&format!(
        "//div[contains(@class,'el-message--success')][contains(.,'已安排“{name}”到“文明劝导先锋岗”')]"
    ))
    .await?;
    app.wait_text("posts-with-post", |t| t.contains(&format!("{}", with_post + 1))).await?;
    assert_eq!(app.figure("posts-claimed").await?, claimed + 1);
    // The posts table reloads on its own request: wait for it.
    app.wait_xpath(&format!("{}//span[contains(@class,'held')][.='1/1']", row("文明劝导先锋岗"))).await?;
    app.screenshot("09-posts").await?;

    // The holders drawer lists the member with 认岗定责.
    app.click_visible(&format!("{}//button[contains(.,'在岗党员')]", row("文明劝导先锋岗"))).await?;
    let drawer = app.visible_text("//div[contains(@class,'el-drawer')]//table//tbody").await?;
    assert!(drawer.contains(&name) && drawer.contains("认岗定责"), "{drawer}");

    // The member's form lists the post under 岗位.
    app.click_visible("//div[contains(@class,'el-drawer')]//button[contains(@class,'el-drawer__close-btn')]").await?;
    app.click("menu-roster").await?;
    app.type_into("roster-search", &name).await?;
    app.wait_text("roster-total", |t| t.contains("共 1 名") || t.contains("共 2 名")).await?;
    app.click_visible(&format!("//tr[.//span[contains(@class,'member-name')][.='{name}']][contains(.,'河咀')][contains(.,'在职党员')]//button[contains(.,'编辑')]"))
        .await?;
    app.wait_text("member-sanliang", |t| t.contains("文明劝导先锋岗（认岗定责")).await?;
    app.screenshot("11-member-sanliang").await?;
    app.click_visible("//div[contains(@class,'el-dialog')]//button[contains(@class,'el-dialog__headerbtn')]").await?;
    end_edit_and_delete(app, &name, posts).await
}

/// A post with a holder cannot be deleted; the holder leaves it, the post is edited, then deleted.
async fn end_edit_and_delete(app: &App, name: &str, posts: i64) -> R {
    let post = app.db_number("SELECT id FROM posts WHERE name = '文明劝导先锋岗' AND deleted_at IS NULL").await?;
    let open = format!("SELECT count(*) FROM post_assignments WHERE post_id = {post} AND end_on IS NULL");
    assert_eq!(app.db_number(&open).await?, 1);
    app.click("menu-posts").await?;
    app.click_visible(&format!("{}//button[contains(.,'删除')]", row("文明劝导先锋岗"))).await?;
    app.answer("确定").await?;
    let refusal = app.visible_text("//div[contains(@class,'el-message-box')][contains(.,'请先结束')]").await?;
    assert!(refusal.contains("岗位“文明劝导先锋岗”上还有1名党员"), "{refusal}");
    app.answer("确定").await?;

    // The holder leaves the post today (the prompt proposes today).
    app.click_visible(&format!("{}//button[contains(.,'在岗党员')]", row("文明劝导先锋岗"))).await?;
    app.click_visible("//div[contains(@class,'el-drawer')]//button[contains(.,'离岗')]").await?;
    assert_eq!(app.value_at("//div[contains(@class,'el-message-box')]//input").await?, "2026-11-28");
    app.answer("确定").await?;
    success(app, &format!("“{name}”已离岗")).await?;
    app.wait_text("holders-drawer", |t| t.contains("岗位上还没有党员")).await?;
    assert_eq!(app.db_number(&open).await?, 0);
    let ended = format!("SELECT count(*) FROM post_assignments WHERE post_id = {post} AND end_on = '2026-11-28'");
    assert_eq!(app.db_number(&ended).await?, 1);
    app.click_visible("//div[contains(@class,'el-drawer')]//button[contains(@class,'el-drawer__close-btn')]").await?;

    // Changed by the command line while the form is open: the save says so, nothing is
    // overwritten, and the form opened again shows the change and saves.
    app.click_visible(&format!("{}//button[contains(.,'编辑')]", row("文明劝导先锋岗"))).await?;
    app.wait_until(
        "//input[@data-testid='post-name']",
        "return els.length && els[0].value === '文明劝导先锋岗' ? true : null;",
    )
    .await?;
    app.db_write_elsewhere(&format!(
        "UPDATE posts SET duties = '每周三次在湖滨步道劝导。', updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = {post}"
    ))
    .await?;
    app.type_into("post-capacity", "3").await?;
    app.click("post-save").await?;
    app.wait_xpath("//div[contains(@class,'stale-save')][contains(.,'岗位“文明劝导先锋岗”在您打开之后又被修改过')]")
        .await?;
    app.answer("知道了").await?;
    assert_eq!(app.value("post-capacity").await?, "3", "what was typed stays in the form");
    let kept = format!(
        "SELECT count(*) FROM posts WHERE id = {post} AND capacity = 1 AND duties = '每周三次在湖滨步道劝导。'"
    );
    assert_eq!(app.db_number(&kept).await?, 1, "nothing was overwritten");
    app.click_visible("//div[@data-testid='post-dialog']//button[contains(@class,'el-dialog__headerbtn')]").await?;

    // Edited, opened again: it shows the change made meanwhile; a new name and room for two.
    app.click_visible(&format!("{}//button[contains(.,'编辑')]", row("文明劝导先锋岗"))).await?;
    app.wait_until(
        "//textarea[@data-testid='post-duties']",
        "return els.length && els[0].value === '每周三次在湖滨步道劝导。' ? true : null;",
    )
    .await?;
    app.type_into("post-name", "文明劝导岗").await?;
    app.type_into("post-capacity", "2").await?;
    app.click("post-save").await?;
    success(app, "已保存岗位“文明劝导岗”").await?;
    app.wait_xpath(&format!("{}//span[contains(@class,'held')][.='0/2']", row("文明劝导岗"))).await?;
    let saved = format!("SELECT count(*) FROM posts WHERE id = {post} AND name = '文明劝导岗' AND capacity = 2");
    assert_eq!(app.db_number(&saved).await?, 1);

    // Deleted, once nobody holds it.
    app.click_visible(&format!("{}//button[contains(.,'删除')]", row("文明劝导岗"))).await?;
    app.answer("确定").await?;
    success(app, "已删除岗位“文明劝导岗”").await?;
    app.wait_text("posts-count", |t| t.contains(&posts.to_string())).await?;
    let deleted = format!("SELECT count(*) FROM posts WHERE id = {post} AND deleted_at IS NOT NULL");
    assert_eq!(app.db_number(&deleted).await?, 1);
    Ok(())
}
