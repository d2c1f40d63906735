use sanliang::paths::Setting;

use crate::harness::{enter, last_number, success, App, Options, R};

const BRANCH: &str = "河咀社区第一党支部";

pub async fn a_pledge_is_written_published_followed_overdue_on_a_later_day_and_appraised() -> R {
    // The evidence files the "add" dialog picks (the test answers it through the pick setting).
    let picks = tempfile::tempdir()?;
    let photo = picks.path().join("安装照片.jpg");
    let receipt = picks.path().join("签收单.pdf");
    std::fs::write(&photo, [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10])?;
    std::fs::write(&receipt, b"%PDF-1.4\n%%EOF\n")?;
    let list = std::env::join_paths([&photo, &receipt])?.to_string_lossy().into_owned();
    // Opening a file in its program is answered by a list of what was opened.
    let opened = picks.path().join("opened.txt");
    let settings = vec![(Setting::Pick, list), (Setting::OpenedLog, opened.display().to_string())];
    let options = Options { settings, ..Options::default() };
    let data = App::session(options, "pledges", async |app: &App| write_and_publish(app, &opened).await).await?;

    // Two weeks later the second item's deadline (10 December) has passed without it being done.
    let later = Options { data: Some(data), today: Some("2026-12-11"), ..Options::default() };
    App::run_with(later, "pledges-later", overdue_then_appraise).await
}

async fn write_and_publish(app: &App, opened: &std::path::Path) -> R {
    app.load_demo().await?;
    app.click("menu-pledges").await?;
    let overdue = app.loaded_figure("pledges-count-overdue").await?;
    assert!(overdue > 0, "the demo has overdue pledges");
    // Overdue pledges come first.
    let first = app.visible_text("//div[@data-testid='pledges-table']//tbody/tr[1]").await?;
    assert!(first.contains("已逾期"), "{first}");
    app.screenshot("11-pledges").await?;

    // The member's form shows that pledge beside marks and posts.
    let cells = app.visible_texts("//div[@data-testid='pledges-table']//tbody/tr[1]/td").await?;
    let (name, org) = (cells[0].trim().to_owned(), cells[1].trim().to_owned());
    app.click("menu-roster").await?;
    app.type_into("roster-search", &name).await?;
    app.click_visible(&format!(
        "//tr[.//span[contains(@class,'member-name')][.='{name}']][contains(.,'{org}')]//button[contains(.,'编辑')]"
    ))
    .await?;
    let pledges = app.wait_text("member-pledges", |t| t.contains("2026年")).await?;
    assert!(pledges.contains("已逾期"), "{pledges}");
    app.wait_text("member-zones", |t| t.contains("责任区")).await?;
    app.screenshot("11-member-pledges").await?;
    app.click_visible("//div[contains(@class,'el-dialog')]//button[normalize-space(.)='取消']").await?;
    app.click("menu-pledges").await?;

    // A branch's pledge with three items; the third still lacks a deadline.
    app.click("pledge-add").await?;
    // Writing for a member offers the seed's themes for the member's category.
    let list = app.open_list("pledge-member").await?;
    let option = format!("{list}//li[contains(@class,'el-select-dropdown__item')][.//span[contains(.,'无职党员')]][1]");
    app.click_visible(&option).await?;
    let themes = app.visible_texts("//span[@data-testid='pledge-theme']").await?;
    assert!(
        themes.iter().any(|t| t.contains("调解邻里矛盾")) && !themes.iter().any(|t| t.contains("简化服务手续")),
        "{themes:?}"
    );
    app.click("pledge-by-org").await?;
    app.choose("pledge-org", BRANCH).await?;
    app.type_into("pledge-item-content-0", "为辖区12户独居老人各安装1个烟感报警器").await?;
    app.type_into("pledge-item-measures-0", "联系县消防救援大队，党员分片上门安装").await?;
    app.type_into("pledge-item-owner-0", "李红梅").await?;
    app.type_into("pledge-item-deadline-0", &enter("2026-12-05")).await?;
    app.click("pledge-item-add").await?;
    app.type_into("pledge-item-content-1", "清理湖滨1巷至4巷卫生死角，建立周巡查制度").await?;
    app.type_into("pledge-item-measures-1", "组织无职党员分巷包干").await?;
    app.type_into("pledge-item-owner-1", "张国强").await?;
    app.type_into("pledge-item-deadline-1", &enter("2026-12-10")).await?;
    // The recommended themes start an item.
    app.click_visible("//span[@data-testid='pledge-theme'][normalize-space(.)='促进社区和谐']").await?;
    assert_eq!(app.value("pledge-item-content-2").await?, "促进社区和谐：");
    app.type_into("pledge-item-content-2", "促进社区和谐：年底前组织邻里议事会2次").await?;
    app.type_into("pledge-item-measures-2", "支部委员轮流主持").await?;
    app.type_into("pledge-item-owner-2", "王丽").await?;
    app.click("pledge-save").await?;
    success(app, &format!("已保存“{BRANCH}”的承诺草稿")).await?;

    // The draft opens with its vague item flagged, and publishing is refused until it is fixed.
    let flags = app.text("pledge-flags").await?;
    assert!(flags.contains("第3项：没有完成时限"), "{flags}");
    app.click("pledge-publish").await?;
    app.click("action-save").await?;
    let refused = app.text("action-error").await?;
    assert!(refused.contains("第3项没有完成时限"), "{refused}");
    app.click_visible("//div[@data-testid='pledge-action']//button[normalize-space(.)='取消']").await?;
    app.click("pledge-edit").await?;
    app.type_into("pledge-item-deadline-2", &enter("2026-12-31")).await?;
    app.click("pledge-save").await?;
    success(app, "承诺草稿").await?;
    app.wait_text("pledge-drawer", |t| !t.contains("补全后才能公示")).await?;

    app.click("pledge-publish").await?;
    app.click("action-save").await?;
    success(app, "已公示").await?;
    app.wait_text("pledge-status", |t| t.trim() == "践诺中").await?;

    // 践诺: the first item is done today.
    app.click("pledge-progress").await?;
    app.type_into("action-text", "已为12户独居老人安装烟感报警器，并教会使用").await?;
    app.click("progress-done").await?;
    app.click("action-save").await?;
    success(app, "已保存").await?;
    let timeline = app.text("pledge-timeline").await?;
    assert!(timeline.contains("第1项：已为12户独居老人安装烟感报警器"), "{timeline}");
    let items = app.text("pledge-items").await?;
    assert!(items.contains("2026年11月28日完成"), "{items}");

    // Evidence: a photo and a receipt attached; the receipt was the wrong file and is removed.
    app.click_visible("//*[@data-testid='pledge-timeline']//button[contains(.,'添加材料')]").await?;
    success(app, "已添加2份证明材料").await?;
    app.wait_text("pledge-timeline", |t| t.contains("安装照片.jpg") && t.contains("签收单.pdf")).await?;
    let evidence = app.data.path().join("evidence");
    assert_eq!(std::fs::read_dir(&evidence)?.count(), 2, "both copied into the data folder");
    app.click_visible(
        "//span[contains(@class,'evidence-file')][contains(.,'签收单.pdf')]//button[@data-testid='evidence-remove']",
    )
    .await?;
    let question = app.visible_text("//div[contains(@class,'el-message-box')]").await?;
    assert!(question.contains("签收单.pdf") && question.contains("原文件不受影响"), "{question}");
    app.click_visible("//div[contains(@class,'el-message-box')]//button[contains(.,'删除')]").await?;
    success(app, "已删除").await?;
    app.wait_text("pledge-timeline", |t| !t.contains("签收单.pdf") && t.contains("安装照片.jpg")).await?;
    assert_eq!(std::fs::read_dir(&evidence)?.count(), 1);
    tokio::time::sleep(std::time::Duration::from_millis(600)).await;
    app.screenshot("12-pledge-published").await?;

    // The photo opens in the system's viewer: its copy in the data folder, not the original.
    app.click_visible(
        "//span[contains(@class,'evidence-file')][contains(.,'安装照片.jpg')]//button[@data-testid='evidence-open']",
    )
    .await?;
    let line = until_file_has_a_line(opened).await?;
    let shown = std::path::Path::new(&line);
    assert!(shown.starts_with(&evidence), "{line}");
    assert_eq!(std::fs::read(shown)?, [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]);
    Ok(())
}

/// The first line of `file`, once the app has written it.
async fn until_file_has_a_line(file: &std::path::Path) -> R<String> {
    let started = std::time::Instant::now();
    loop {
        if let Some(line) = std::fs::read_to_string(file).ok().and_then(|t| t.lines().next().map(str::to_owned)) {
            return Ok(line);
        }
        if started.elapsed() > std::time::Duration::from_secs(15) {
            return Err(format!("nothing was opened ({} stayed empty)", file.display()).into());
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

async fn overdue_then_appraise(app: &App) -> R {
    app.click("menu-pledges").await?;
    app.type_into("pledges-search", BRANCH).await?;
    let row = "//div[@data-testid='pledges-table']//tbody/tr[1]";
    app.wait_xpath(&format!("{row}[contains(.,'{BRANCH}')]")).await?;
    let text = app.visible_text(row).await?;
    assert!(text.contains("已逾期") && text.contains("逾期1项") && text.contains("1/3"), "{text}");

    app.click_visible(&format!("{row}//button[contains(.,'查看')]")).await?;
    app.wait_text("pledge-status", |t| t.trim() == "已逾期").await?;
    let items = app.text("pledge-items").await?;
    assert!(items.contains("已逾期"), "{items}");

    // 评诺 by residents.
    app.click("pledge-appraise").await?;
    app.click("appraiser-residents").await?;
    app.click("rating-fair").await?;
    app.type_into("action-text", "烟感已装好，巷道清理还没完成").await?;
    app.click("action-save").await?;
    success(app, "已保存").await?;
    let appraisals = app.text("pledge-appraisals").await?;
    assert!(appraisals.contains("群众评议") && appraisals.contains("基本满意"), "{appraisals}");
    assert!(appraisals.contains("2026年12月11日"), "{appraisals}");
    tokio::time::sleep(std::time::Duration::from_millis(600)).await;
    app.screenshot("13-pledge-overdue-appraised").await?;
    close_copy_and_delete(app).await
}

/// The year's pledge is closed as not completed; the year is copied into next year's drafts,
/// and one draft is deleted — in the window and in the database.
async fn close_copy_and_delete(app: &App) -> R {
    let pledge = app
        .db_number(&format!(
            "SELECT p.id FROM pledges p JOIN organizations o ON o.id = p.org_id
              WHERE o.name = '{BRANCH}' AND p.year = 2026 AND p.deleted_at IS NULL"
        ))
        .await?;
    app.click("pledge-close").await?;
    app.click("close-not_completed").await?;
    app.click("action-save").await?;
    success(app, "已保存").await?;
    app.wait_text("pledge-status", |t| t.trim() == "未完成").await?;
    let closed = format!("SELECT count(*) FROM pledges WHERE id = {pledge} AND status = 'not_completed'");
    assert_eq!(app.db_number(&closed).await?, 1);
    app.click_visible("//div[contains(@class,'el-drawer')]//button[contains(@class,'el-drawer__close-btn')]").await?;

    let next_year = "SELECT count(*) FROM pledges WHERE year = 2027 AND deleted_at IS NULL";
    assert_eq!(app.db_number(next_year).await?, 0);
    app.type_into("pledges-search", "").await?;
    app.choose("pledges-year", "2027年").await?;
    app.click("pledges-copy").await?;
    let question = app.visible_text("//div[contains(@class,'el-message-box')]").await?;
    assert!(question.contains("2026年的承诺复制为2027年的草稿"), "{question}");
    app.answer("复制").await?;
    let message = app.visible_text("//div[contains(@class,'el-message--success')][contains(.,'已复制')]").await?;
    let copied: i64 = message
        .trim_start_matches("已复制")
        .split('份')
        .next()
        .and_then(|n| n.parse().ok())
        .ok_or(format!("no count in {message:?}"))?;
    assert!(copied > 0, "{message}");
    assert_eq!(app.db_number(next_year).await?, copied);
    let drafts = "SELECT count(*) FROM pledges WHERE year = 2027 AND deleted_at IS NULL AND status = 'draft'";
    assert_eq!(app.db_number(drafts).await?, copied, "copies are drafts");
    app.wait_text("pledges-count-all", |t| last_number(t) == Some(copied)).await?;

    let row = "//div[@data-testid='pledges-table']//tbody/tr[1]";
    app.click_visible(&format!("{row}//button[contains(.,'查看')]")).await?;
    app.click("pledge-delete").await?;
    let question = app.visible_text("//div[contains(@class,'el-message-box')]").await?;
    assert!(question.contains("的承诺草稿吗？"), "{question}");
    app.answer("确定").await?;
    success(app, "的承诺草稿").await?;
    assert_eq!(app.db_number(next_year).await?, copied - 1);
    app.wait_text("pledges-count-all", |t| last_number(t) == Some(copied - 1)).await?;
    Ok(())
}
