//! 数据交换 in the real window: two communities' exchange files, written by another install,
//! imported into a fresh county install — both in the tree marked as imported, the banner saying
//! they are read-only, the figures counting them — and the same files again changing nothing; a
//! damaged file explained beside the button, and the good file beside it not imported either.

use sanliang::data::exchange;
use sanliang::paths::Setting;

use crate::harness::{success, App, Options, R};

/// Two communities of the demo (loaded in another data folder) as exchange files.
async fn files(folder: &std::path::Path) -> R<Vec<std::path::PathBuf>> {
    let sender = tempfile::tempdir()?;
    let pool = sanliang::db::open(sender.path()).await?;
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 28).ok_or("date")?;
    sanliang::demo::load(&pool, sanliang::demo::DemoScale::Community, today).await?;
    let mut out = Vec::new();
    for name in ["河咀社区党总支", "大庄社区党总支"] {
        let id: i64 =
            sqlx::query_scalar("SELECT id FROM organizations WHERE name = ?1").bind(name).fetch_one(&pool).await?;
        let (bytes, _) = exchange::export(&pool, Some(id), false).await?;
        let file = folder.join(format!("{name} 交换文件.sljh"));
        std::fs::write(&file, bytes)?;
        out.push(file);
    }
    pool.close().await;
    Ok(out)
}

pub async fn two_communities_exchange_files_are_imported_into_a_fresh_county_and_counted() -> R {
    let folder = tempfile::Builder::new().prefix("交换 文件 ").tempdir()?;
    let picked = files(folder.path()).await?;
    let list = std::env::join_paths(&picked)?.to_string_lossy().into_owned();
    let saved = tempfile::Builder::new().prefix("县 交换 ").tempdir()?;
    let settings = vec![(Setting::Pick, list), (Setting::SaveAs, saved.path().display().to_string())];
    let options = Options { settings, ..Options::default() };
    App::run_with(options, "exchange", async |app: &App| flow(app, saved.path()).await).await
}

async fn flow(app: &App, saved: &std::path::Path) -> R {
    app.click("menu-exchange").await?;
    app.click("exchange-import").await?;
    success(app, "已处理2个交换文件").await?;
    let results = app.wait_text("exchange-results", |t| t.contains("大庄社区党总支")).await?;
    assert!(results.contains("已导入：中共江川县委 / 大街街道党工委 / 河咀社区党总支"), "{results}");
    let rows = app.visible_texts("//div[@data-testid='exchange-list']//tbody/tr").await?;
    assert_eq!(rows.len(), 2, "{rows:?}");
    app.screenshot("95-exchange").await?;

    // In the tree, both communities marked as imported.
    app.click("menu-orgs").await?;
    let tags = app.visible_texts("//*[@data-testid='org-imported']").await?;
    assert_eq!(tags.len(), 2, "{tags:?}");

    // The county's figures count both communities' members.
    let shown = app
        .db_number(
            "SELECT count(DISTINCT m.id) FROM members m JOIN identity_marks i ON i.member_id = m.id
             WHERE m.deleted_at IS NULL AND i.deleted_at IS NULL AND i.shown_on <= '2026-11-28'
               AND m.joined_on <= '2026-11-28' AND (m.status = 'active' OR m.status_date > '2026-11-28')",
        )
        .await?;
    assert!(shown > 0);
    app.click("menu-review").await?;
    app.wait_text("review-sentence", |t| t.contains(&format!("已有{shown}名社区党员亮出身份"))).await?;
    let rows = app.visible_texts("//div[@data-testid='review-communities']//tbody/tr").await?;
    assert_eq!(rows.len(), 2, "{rows:?}");

    // Opened from its row, a community says its data are read-only here.
    let row = "//div[@data-testid='review-communities']//tbody/tr[.//td[normalize-space(.)='河咀社区党总支']]";
    app.click_visible(row).await?;
    app.wait_text("imported-banner", |t| t.contains("来自交换文件：中共江川县委 / 大街街道党工委 / 河咀社区党总支"))
        .await?;
    app.screenshot("96-imported-banner").await?;

    // The same files again change nothing.
    let members = app.db_number("SELECT count(*) FROM members").await?;
    app.click("menu-exchange").await?;
    app.click("exchange-import").await?;
    app.wait_text("exchange-results", |t| t.matches("已导入过，未更改").count() == 2).await?;
    assert_eq!(app.db_number("SELECT count(*) FROM members").await?, members);

    // With the county chosen in the title bar, it passes its whole tree on, both communities in it.
    crate::scope::choose_scope(app, "中共江川县委").await?;
    app.click("exchange-export").await?;
    success(app, "已导出交换文件：中共江川县委，").await?;
    let file = saved.join("中共江川县委 交换文件 2026-11-28.sljh");
    let (manifest, data) =
        exchange::file::read(&std::fs::read(&file)?, "县.sljh", sanliang::db::latest_schema_version())?;
    assert_eq!(manifest.source.name, "中共江川县委");
    assert_eq!(data["members"].len() as i64, members);
    Ok(())
}

pub async fn a_damaged_exchange_file_is_refused_beside_the_button_and_nothing_is_imported() -> R {
    let folder = tempfile::Builder::new().prefix("交换 文件 ").tempdir()?;
    let mut picked = files(folder.path()).await?;
    // The second file cut short, as a copy interrupted on a USB stick leaves it.
    let whole = std::fs::read(&picked[1])?;
    let broken = folder.path().join("坏的 交换文件.sljh");
    std::fs::write(&broken, &whole[..whole.len() / 2])?;
    picked[1] = broken;
    let list = std::env::join_paths(&picked)?.to_string_lossy().into_owned();
    let options = Options { settings: vec![(Setting::Pick, list)], ..Options::default() };
    App::run_with(options, "exchange-damaged", async |app: &App| {
        app.click("menu-exchange").await?;
        app.click("exchange-import").await?;
        let said = app.wait_text("exchange-problem", |t| !t.is_empty()).await?;
        assert_eq!(
            said.trim(),
            "“坏的 交换文件.sljh”已损坏或不完整（可能没有复制完），请让对方重新导出后再试，没有导入任何数据"
        );
        assert_eq!(
            app.db_number("SELECT count(*) FROM organizations").await?,
            0,
            "the good file was not imported either"
        );
        Ok(())
    })
    .await
}
