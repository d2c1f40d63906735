use crate::harness::{App, Options, R};

pub async fn a_broken_database_is_reported_and_left_untouched() -> R {
    let junk = "这不是数据库 — not a database".repeat(100).into_bytes();
    let options = Options { files: vec![("sanliang.db", junk.clone())], ..Options::default() };
    App::run_with(options, "startup", async |app: &App| check(app, &junk).await).await
}

async fn check(app: &App, junk: &[u8]) -> R {
    let text = app.visible_text("//div[contains(@class,'el-message-box')][contains(.,'无法打开数据库文件')]").await?;
    assert!(text.contains("数据文件未作任何改动"), "dialog text: {text:?}");
    app.screenshot("00-startup-error").await?;
    assert_eq!(std::fs::read(app.data.path().join("sanliang.db"))?, junk);
    Ok(())
}
