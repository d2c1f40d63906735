//! The Linux package as a user gets it: `cargo xtask deb` builds the .deb, installs it with apt
//! and runs this flow on `/usr/bin/sanliang-siji` — the installed program opens its first screen,
//! in Chinese, with the demo offered — then removes the package. Run only when named.

use crate::harness::{application, App, INSTALLED_APP, R};

pub async fn the_installed_package_opens_its_first_screen() -> R {
    let app = std::env::var_os(INSTALLED_APP).ok_or(format!("{INSTALLED_APP} is not set: run `cargo xtask deb`"))?;
    assert_eq!(application(), std::path::PathBuf::from(&app));
    assert!(std::path::Path::new(&app).starts_with("/usr/bin"), "{app:?} is not the installed program");
    App::run("installed", async |app: &App| {
        app.wait_xpath("//header//span[contains(@class,'app-name')][normalize-space(.)='三亮四进工作台']").await?;
        app.wait_text("today", |t| t == "2026年11月28日").await?;
        // An empty data folder: the first screen offers the demo.
        app.wait_xpath("//*[@data-testid='load-demo'][contains(.,'载入示例数据')]").await?;
        app.screenshot("50-installed-first-screen").await?;
        Ok(())
    })
    .await
}
