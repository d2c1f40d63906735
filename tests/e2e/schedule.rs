//! 服务安排 in the window: a deputies' weekly duty at the reception point and the paired
//! hospital's clinic planned for December; a week later the clinic, recorded as a volunteer
//! activity, is tied to its date and the first duty, with nothing recorded, shows as missed.

use std::process::Command;

use sanliang::paths::Setting;

use crate::harness::{enter, success, App, Options, R};

const COMMUNITY: &str = "河咀社区党总支";
const ROW: &str = "//div[@data-testid='schedule-table']//tbody/tr";

pub async fn a_weekly_duty_and_a_units_clinic_are_planned_and_a_week_later_one_is_done_and_one_missed() -> R {
    // The deputy's photo the open dialog picks.
    let picks = tempfile::Builder::new().prefix("照片 ").tempdir()?;
    let photo = picks.path().join("代表 照片.png");
    std::fs::write(&photo, crate::corrections::PNG)?;
    let first = Options { settings: vec![(Setting::Pick, photo.display().to_string())], ..Options::default() };
    let data = App::session(first, "schedule", async |app: &App| {
        plan(app).await?;
        deputy_photo(app).await
    })
    .await?;
    // The print centre's save dialog answers with this folder (a space and Chinese in its name).
    let out = tempfile::Builder::new().prefix("公示 ").tempdir()?;
    // What the app opens after saving is listed, not opened.
    let opened = out.path().join("opened.txt");
    let settings =
        vec![(Setting::SaveAs, out.path().display().to_string()), (Setting::OpenedLog, opened.display().to_string())];
    let later = Options { data: Some(data), today: Some("2026-12-04"), settings, ..Options::default() };
    App::run_with(later, "schedule-later", async |app: &App| {
        record_and_fulfil(app).await?;
        print(app, out.path()).await
    })
    .await
}

async fn plan(app: &App) -> R {
    app.load_demo().await?;
    crate::scope::choose_scope(app, COMMUNITY).await?;
    app.click("menu-schedule").await?;
    // The demo plans November (this month): its past dates done or missed, its one clash shown.
    app.loaded_figure("schedule-count-done").await?;
    app.choose("schedule-month", "2026年12月").await?;
    app.wait_xpath("//*[@data-testid='schedule-table']//*[contains(.,'这个月还没有服务安排')]").await?;

    // Every Tuesday morning of December, a deputy on duty at the community's reception point.
    app.click("schedule-add").await?;
    app.type_into("plan-date", &enter("2026-12-01")).await?;
    app.click_visible("//*[@data-testid='plan-shift']//label[normalize-space(.)='上午']").await?;
    let point = app.choose_first("plan-point").await?;
    app.click_visible("//*[@data-testid='plan-who-kind']//label[normalize-space(.)='代表委员']").await?;
    let deputy = app.choose_first("plan-who").await?;
    app.choose("plan-service", "政策解答").await?;
    app.choose("plan-repeat", "每周二").await?;
    app.screenshot("20a-plan-dialog").await?;
    app.click("plan-save").await?;
    success(app, "已安排5次").await?;
    app.wait_xpath(&format!("{ROW}[5]")).await?;

    // The paired hospital's free clinic on the square, Thursday 3 December in the afternoon.
    app.click("schedule-add").await?;
    app.type_into("plan-date", &enter("2026-12-03")).await?;
    app.click_visible("//*[@data-testid='plan-shift']//label[normalize-space(.)='下午']").await?;
    app.click_visible("//*[@data-testid='plan-where']//label[normalize-space(.)='其他地点']").await?;
    app.type_into("plan-place", "社区文化广场").await?;
    app.click_visible("//*[@data-testid='plan-who-kind']//label[normalize-space(.)='联系单位']").await?;
    app.click("plan-save").await?;
    let error = app.field_error("plan-who").await?;
    assert_eq!(error, "请选择联系单位");
    app.choose("plan-who", "县人民医院").await?;
    app.choose("plan-service", "义务诊疗").await?;
    app.click("plan-save").await?;
    success(app, "已安排").await?;
    app.wait_xpath(&format!("{ROW}[6]")).await?;
    let second = app.visible_text(&format!("{ROW}[2]")).await?;
    assert!(second.contains("12月3日") && second.contains("县人民医院") && second.contains("社区文化广场"), "{second}");
    let first = app.visible_text(&format!("{ROW}[1]")).await?;
    assert!(
        first.contains(&point) && first.contains(&deputy) && first.contains("每周二") && first.contains("未到期"),
        "{first}"
    );
    assert_eq!(app.figure("schedule-count-due").await?, 6);
    app.screenshot("20-schedule").await?;
    Ok(())
}

async fn record_and_fulfil(app: &App) -> R {
    // The clinic took place and is recorded on the volunteering page.
    app.click("menu-volunteering").await?;
    app.click("activity-add").await?;
    app.type_into("activity-date", &enter("2026-12-03")).await?;
    app.type_into("activity-organizer", &enter("县人民医院")).await?;
    app.choose("activity-service", "义务诊疗").await?;
    app.type_into("activity-served", "40").await?;
    let list = app.open_list("participant-member-0").await?;
    let option =
        format!("{list}//li[contains(@class,'el-select-dropdown__item') and not(contains(@class,'is-disabled'))]");
    app.click_visible(&option).await?;
    app.click("activity-save").await?;
    success(app, "已记录活动").await?;

    app.click("menu-schedule").await?;
    app.choose("schedule-month", "2026年12月").await?;
    app.wait_xpath(&format!("{ROW}[6]")).await?;
    // Tuesday 1 December passed with nothing recorded: missed. The clinic waits to be tied.
    let first = app.visible_text(&format!("{ROW}[1]")).await?;
    assert!(first.contains("已过期未记录"), "{first}");
    assert_eq!(app.figure("schedule-count-missed").await?, 2);
    app.click_visible(&format!("{ROW}[2]//button[@data-testid='plan-fulfil']")).await?;
    let proposed = app.visible_text("//*[@data-testid='fulfil-record']").await?;
    assert!(proposed.contains("2026-12-03") && proposed.contains("县人民医院 义务诊疗"), "{proposed}");
    app.click("fulfil-save").await?;
    success(app, "已记为完成").await?;
    app.wait_xpath(&format!("{ROW}[2][.//*[@data-testid='plan-status'][normalize-space(.)='已完成']]")).await?;
    assert_eq!(app.figure("schedule-count-missed").await?, 1);
    assert_eq!(app.figure("schedule-count-done").await?, 1);
    app.screenshot("20b-schedule-done").await?;

    // The home page reminds of the missed dates of this month and last.
    app.click("menu-home").await?;
    app.wait_xpath("//*[contains(.,'项服务安排已过期未记录')]").await?;
    Ok(())
}

/// The first deputy of the registry is given a photo for the pass.
async fn deputy_photo(app: &App) -> R {
    app.click("menu-deputies").await?;
    app.click_visible("//div[contains(@class,'el-tabs__item')][normalize-space(.)='代表委员']").await?;
    app.click_visible("//div[@data-testid='deputies-table']//tbody/tr[1]//button[contains(.,'编辑')]").await?;
    app.click("deputy-photo-pick").await?;
    app.wait_xpath("//*[@data-testid='deputy-photo']//img").await?;
    // Saving the form after the photo is not refused as a change made meanwhile.
    app.click("deputy-save").await?;
    success(app, "已保存").await
}

/// The month's sheet for the notice board and the deputies' passes, printed from the plan.
async fn print(app: &App, out: &std::path::Path) -> R {
    app.click("menu-schedule").await?;
    app.choose("schedule-month", "2026年12月").await?;
    app.wait_xpath(&format!("{ROW}[6]")).await?;
    app.click("schedule-print").await?;
    app.wait_text("print-summary", |t| t.contains("共 6 份，1 张纸")).await?;
    app.screenshot("20c-schedule-sheet").await?;
    app.click("print-save").await?;
    success(app, "已保存 6 份（1 张）").await?;
    let sheet = out.join("服务安排公示表-河咀社区党总支-2026年12月.pdf");
    let text = String::from_utf8(Command::new("pdftotext").arg(&sheet).arg("-").output()?.stdout)?.replace(' ', "");
    for expected in ["河咀社区党总支2026年12月服务安排", "县人民医院（联系单位）", "社区文化广场", "12月29日"]
    {
        assert!(text.contains(expected), "{expected}: {text}");
    }

    app.click("print-kind-deputy_passes").await?;
    app.wait_text("print-summary", |t| t.contains("份，1 张纸")).await?;
    app.click("print-save").await?;
    success(app, "已保存").await?;
    let passes = out.join("代表委员工作证-河咀社区党总支-2026.pdf");
    let text = String::from_utf8(Command::new("pdftotext").arg(&passes).arg("-").output()?.stdout)?.replace(' ', "");
    assert!(
        text.contains("代表委员工作证") && text.contains("联系社区：") && text.contains("河咀社区党总支"),
        "{text}"
    );
    Ok(())
}
