//! 清除示例数据 in the real window: the home page says the demo is loaded, the question names what
//! goes, and afterwards the first screen is back with nothing of the demo left.

use crate::harness::{success, App, R};

pub async fn the_demo_is_cleared_in_one_step_and_the_first_screen_returns() -> R {
    App::run("demo-clear", async |app: &App| {
        app.load_demo().await?;
        app.wait_text("demo-notice", |t| t.contains("当前载入的是示例数据")).await?;
        let orgs = app.db_number("SELECT count(*) FROM organizations").await?;
        let members = app.db_number("SELECT count(*) FROM members").await?;
        app.click("demo-clear").await?;
        let question = app.visible_text("//div[contains(@class,'el-message-box')]").await?;
        assert!(question.contains(&format!("组织 {orgs} 个、党员 {members} 名")), "{question}");
        app.screenshot("90-demo-clear").await?;
        app.answer("清除").await?;
        success(app, &format!("已清除示例数据：组织 {orgs} 个、党员 {members} 名")).await?;
        // The first screen again, and the database holds nothing of the demo.
        app.wait_xpath("//*[@data-testid='home-empty']//*[@data-testid='load-demo']").await?;
        assert_eq!(app.db_number("SELECT count(*) FROM organizations").await?, 0);
        assert_eq!(app.db_number("SELECT count(*) FROM members").await?, 0);
        assert_eq!(app.db_number("SELECT count(*) FROM pledges").await?, 0);
        Ok(())
    })
    .await
}
