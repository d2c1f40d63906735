use crate::harness::{App, Options, R};

/// Chooses an organization in the title bar's picker by typing its name and clicking it.
pub async fn choose_scope(app: &App, name: &str) -> R {
    app.click_visible("//*[@data-testid='scope-picker']//div[contains(@class,'el-select__wrapper')]").await?;
    app.type_into("scope-picker", name).await?;
    app.click_visible(&format!(
        "//div[contains(@class,'el-select-dropdown')]//span[contains(@class,'el-tree-node__label') or self::span][normalize-space(.)='{name}']"
    ))
    .await
}

/// The 在册党员 card once it shows a figure other than `before` (waits for the reload).
async fn active_other_than(app: &App, before: &str) -> R<String> {
    app.wait_text("stat-active", |t| t != before && t.chars().any(|c| c.is_ascii_digit() && c != '0')).await
}

pub async fn the_chosen_organization_scopes_the_pages_and_is_kept_between_starts() -> R {
    let community = std::sync::Mutex::new(String::new());
    let data = App::session(Options::default(), "scope", async |app: &App| {
        app.load_demo().await?;
        let county = active_other_than(app, "").await?;
        choose_scope(app, "河咀社区党总支").await?;
        app.wait_xpath("//*[@data-testid='home-scope'][normalize-space(.)='河咀社区党总支']").await?;
        // The home figures follow the scope: the card changes from the county's figure.
        *community.lock().unwrap() = active_other_than(app, &county).await?;
        // The roster shows only that community's tree.
        app.click("menu-roster").await?;
        app.wait_xpath(
            "//div[@data-testid='org-tree']//span[contains(@class,'name')][normalize-space(.)='河咀社区党总支']",
        )
        .await?;
        let other = app.content("//div[@data-testid='org-tree']").await?;
        assert!(!other.contains("大庄社区"), "other communities are out of scope: {other}");
        app.screenshot("06-scoped-roster").await?;
        app.click("menu-home").await
    })
    .await?;

    let community = community.into_inner().unwrap();
    App::run_with(Options { data: Some(data), ..Options::default() }, "scope-restart", async |app: &App| {
        app.wait_xpath("//*[@data-testid='home-scope'][normalize-space(.)='河咀社区党总支']").await?;
        app.wait_text("stat-active", |t| t == community).await?;
        Ok(())
    })
    .await
}
