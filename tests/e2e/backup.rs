//! 数据备份 in the real window: a member's photo given, 立即备份, a foreign file refused beside the
//! button, the member deleted; then, on the next start, the backup restored — the member is back
//! with the photo, the replaced data saved aside, and the day's automatic backup listed.

use sanliang::paths::Setting;

use crate::corrections::PNG;
use crate::harness::{backup_dir, success, App, Options, R};

/// The member the flow deletes and brings back: the first active one of the demo.
const MEMBER: &str = "SELECT min(id) FROM members WHERE deleted_at IS NULL AND status = 'active'";

pub async fn a_backup_brings_a_deleted_member_back_with_the_photo_and_a_foreign_file_is_refused() -> R {
    let picks = tempfile::Builder::new().prefix("备份 测试").tempdir()?;
    let photo = picks.path().join("证件照 李四.png");
    std::fs::write(&photo, PNG)?;
    let zip = picks.path().join("我的 备份.zip");
    let settings = vec![(Setting::Pick, photo.display().to_string()), (Setting::SaveAs, zip.display().to_string())];
    let options = Options { settings, ..Options::default() };
    let zip_in = zip.clone();
    let data = App::session(options, "backup", async |app: &App| back_up_then_delete(app, &zip_in).await).await?;

    let options =
        Options { data: Some(data), settings: vec![(Setting::Pick, zip.display().to_string())], ..Options::default() };
    App::run_with(options, "restore", restore).await
}

async fn back_up_then_delete(app: &App, zip: &std::path::Path) -> R {
    app.load_demo().await?;
    let member = app.db_number(MEMBER).await?;
    let name = app.db_text(&format!("SELECT name FROM members WHERE id = {member}")).await?;
    app.click("menu-roster").await?;
    app.type_into("roster-search", &name).await?;
    app.click(&format!("edit-{member}")).await?;
    app.click("member-photo-pick").await?;
    app.wait_xpath("//div[contains(@class,'photo-box')]/img[starts-with(@src,'data:image/png')]").await?;
    app.click_visible("//div[contains(@class,'el-dialog')]//button[contains(@class,'el-dialog__headerbtn')]").await?;

    app.click("menu-backup").await?;
    let folder = backup_dir(&app.data).display().to_string();
    app.wait_text("backup-folder", |t| t == folder).await?;
    app.wait_text("backup-last", |t| t == "还没有备份").await?;
    let orgs = app.db_number("SELECT count(*) FROM organizations WHERE deleted_at IS NULL").await?;
    let members = app.db_number("SELECT count(*) FROM members WHERE deleted_at IS NULL").await?;
    app.click("backup-now").await?;
    success(app, &format!("已备份到 {}（组织 {orgs} 个，党员 {members} 名，文件 1 个，", zip.display())).await?;
    assert!(zip.exists());
    app.wait_text("backup-last", |t| t.contains("（手动）") && t.contains("我的 备份.zip")).await?;

    // The picker hands over a photo, not a backup: refused beside the button, nothing asked.
    app.click("backup-restore").await?;
    app.wait_text("backup-problem", |t| {
        t.trim() == "“证件照 李四.png”不是三亮四进工作台的备份文件，或文件不完整，未作任何改动。请选择程序生成的备份文件（.zip）"
    })
    .await?;
    app.screenshot("80-backup").await?;

    // Deleted after the backup.
    app.click("menu-roster").await?;
    app.type_into("roster-search", &name).await?;
    app.click(&format!("more-{member}")).await?;
    app.click_visible("//li[@data-testid='cmd-delete']").await?;
    app.answer("确定").await?;
    success(app, &format!("已删除党员“{name}”")).await?;
    assert_eq!(
        app.db_number(&format!("SELECT count(*) FROM members WHERE id = {member} AND deleted_at IS NULL")).await?,
        0
    );
    Ok(())
}

async fn restore(app: &App) -> R {
    // The member deleted in the first session is the first active one no longer.
    let member = app.db_number("SELECT max(id) FROM members WHERE deleted_at IS NOT NULL").await?;
    let name = app.db_text(&format!("SELECT name FROM members WHERE id = {member}")).await?;
    let members = app.db_number("SELECT count(*) FROM members WHERE deleted_at IS NULL").await? + 1;
    // The day's automatic backup, taken as soon as this session's home page had all its parts
    // (the first session, ended by the driver, took none), before the 数据备份 page reads it.
    let folder = backup_dir(&app.data);
    let automatic = || {
        std::fs::read_dir(&folder).is_ok_and(|entries| {
            entries.flatten().any(|e| sanliang::data::backup::auto::day_of(&e.file_name().to_string_lossy()).is_some())
        })
    };
    app.wait_for("the day's automatic backup", automatic).await?;
    app.click("menu-backup").await?;
    app.wait_text("backup-auto", |t| t.contains("现有 1 份自动备份")).await?;
    app.click("backup-restore").await?;
    let question = app.visible_text("//div[contains(@class,'el-message-box')]").await?;
    assert!(question.contains(&format!("党员 {members} 名，文件 1 个")), "{question}");
    app.screenshot("81-restore-confirm").await?;
    app.answer("恢复").await?;
    success(app, &format!("党员 {members} 名。原有数据已另存为 ")).await?;
    let back = format!("SELECT count(*) FROM members WHERE id = {member} AND deleted_at IS NULL AND photo IS NOT NULL");
    assert_eq!(app.db_number(&back).await?, 1, "the member is back, with the photo");
    let file = app.db_text(&format!("SELECT photo FROM members WHERE id = {member}")).await?;
    assert_eq!(std::fs::read(app.data.path().join("photos").join(file))?, PNG);
    let aside: Vec<String> = std::fs::read_dir(backup_dir(&app.data))?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("恢复前的数据-"))
        .collect();
    assert_eq!(aside.len(), 1, "the replaced data saved aside");

    // The window shows the restored data: the member is found in the roster again.
    app.click("menu-roster").await?;
    app.type_into("roster-search", &name).await?;
    app.wait_xpath(&format!("//*[@data-testid='edit-{member}']")).await?;
    app.screenshot("82-restored-roster").await
}

/// The data still in use when the restore swaps them (as Windows can report for a while after
/// the database closed; the test hook `RestoreInUse` makes it so): the window says the restore
/// finishes at the next start and offers only 立即重新启动; the data are untouched until then,
/// and the next start brings the member back.
pub async fn a_restore_the_system_holds_up_finishes_at_the_next_start() -> R {
    let picks = tempfile::Builder::new().prefix("备份 占用").tempdir()?;
    let photo = picks.path().join("证件照 李四.png");
    std::fs::write(&photo, PNG)?;
    let zip = picks.path().join("我的 备份.zip");
    let settings = vec![(Setting::Pick, photo.display().to_string()), (Setting::SaveAs, zip.display().to_string())];
    let zip_in = zip.clone();
    let data = App::session(Options { settings, ..Options::default() }, "held-backup", async |app: &App| {
        back_up_then_delete(app, &zip_in).await
    })
    .await?;

    let settings = vec![(Setting::Pick, zip.display().to_string()), (Setting::RestoreInUse, "1".to_owned())];
    let data = App::session(Options { data: Some(data), settings, ..Options::default() }, "held-restore", held).await?;
    assert!(sanliang::data::backup::swap::is_ready(data.path()), "the restore is left ready");

    App::run_with(Options { data: Some(data), ..Options::default() }, "held-finished", async |app: &App| {
        let back = "SELECT count(*) FROM members WHERE deleted_at IS NOT NULL";
        assert_eq!(app.db_number(back).await?, 0, "the start finished the restore: the member is back");
        app.click("menu-backup").await?;
        app.wait_text("backup-last", |t| !t.is_empty()).await?;
        Ok(())
    })
    .await
}

async fn held(app: &App) -> R {
    let deleted = "SELECT count(*) FROM members WHERE deleted_at IS NOT NULL";
    assert_eq!(app.db_number(deleted).await?, 1);
    app.click("menu-backup").await?;
    app.click("backup-restore").await?;
    app.answer("恢复").await?;
    let told = app.visible_text("//div[contains(@class,'restore-restart')]").await?;
    assert!(told.contains("需要重新启动程序"), "{told}");
    assert!(told.contains("恢复将在程序重新启动时自动完成。重新启动前请不要再录入或修改数据。"), "{told}");
    let buttons = app
        .visible_text("//div[contains(@class,'restore-restart')]//div[contains(@class,'el-message-box__btns')]")
        .await?;
    assert_eq!(buttons.trim(), "立即重新启动", "restarting is the only way on");
    app.screenshot("83-restore-restart").await?;
    assert_eq!(app.db_number(deleted).await?, 1, "nothing swapped while the program runs");
    Ok(())
}
