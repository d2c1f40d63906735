//! 导入花名册 in the real window: a workbook with a title row, an unrecognised column re-mapped by
//! hand, errors shown at their cells, the rows with errors saved, the rest imported and listed.

use rust_xlsxwriter::{Format, Workbook};
use sanliang::paths::Setting;

use crate::harness::{success, App, Options, R};

const HEADER: [&str; 7] = ["序号", "姓名", "性别", "民族", "出生日期", "入党时间", "支部名称"];
// 110101198506010024: a woman born 1985-06-01; 110101199003070011: a man born 1990-03-07.
const ROWS: [[&str; 7]; 4] = [
    ["1", "黎晓芸", "女", "汉", "1985-06-01", "2008-07-01", "河咀社区第一党支部"],
    ["2", "覃永康", "男", "壮族", "1990-03-07", "2012/7/1", "河咀社区第二党支部"],
    ["3", "柏文静", "女", "汉族", "1990-02-30", "2012-07-01", "河咀社区第一党支部"],
    ["4", "庹建华", "男", "汉族", "1975-05-05", "2000-07-01", "河咀社区第九党支部"],
];

/// The roster of this flow, also shown in 使用说明's picture of the import.
pub fn workbook(path: &std::path::Path) -> R {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.merge_range(0, 0, 0, 6, "河咀社区党员花名册（2026年）", &Format::new())?;
    for (col, header) in HEADER.iter().enumerate() {
        sheet.write(1, col as u16, *header)?;
    }
    for (row, values) in ROWS.iter().enumerate() {
        for (col, value) in values.iter().enumerate() {
            sheet.write(2 + row as u32, col as u16, *value)?;
        }
    }
    book.save(path)?;
    Ok(())
}

pub async fn a_roster_workbook_is_checked_remapped_and_imported_and_its_error_rows_saved() -> R {
    let files = tempfile::Builder::new().prefix("花名册 ").tempdir()?;
    let roster = files.path().join("河咀社区 党员花名册.xlsx");
    workbook(&roster)?;
    // Every save dialog of the flow answers with this file: the error rows, then the export.
    let errors = files.path().join("未导入的行.xlsx");
    let settings = vec![(Setting::Pick, roster.display().to_string()), (Setting::SaveAs, errors.display().to_string())];
    let options = Options { settings, ..Options::default() };
    App::run_with(options, "import", async |app: &App| flow(app, &errors).await).await
}

async fn flow(app: &App, errors: &std::path::Path) -> R {
    app.load_demo().await?;
    let before = app.db_number("SELECT count(*) FROM members WHERE deleted_at IS NULL").await?;
    app.click("menu-roster").await?;
    app.click("import-open").await?;
    app.click("import-pick").await?;
    app.wait_text("import-file", |t| t == "河咀社区 党员花名册.xlsx").await?;
    // 支部名称 is no header the import knows: no organization for any row, and no default chosen.
    app.wait_text("import-counts", |t| t == "共 4 行：新增 0，更新 0，跳过 0，有错误 4").await?;
    let missing = app.text("import-missing").await?;
    assert!(missing.contains("缺少必填列：所在支部"), "{missing}");
    assert!(missing.contains("党员类别"), "{missing}");
    // The rows' problems at columns the file lacks are told beside the row.
    let beside = "//*[@data-testid='import-table']//tr[.//*[@data-testid='import-outcome-3']]/td[last()]";
    assert_eq!(app.visible_text(beside).await?.trim(), "请选择所属组织；请选择党员类别");
    // The secretary tells the import that 支部名称 is 所在支部 (the header's seventh cell), and
    // which 党员类别 the members without one have.
    app.choose("import-map-6", "所在支部").await?;
    app.wait_text("import-missing", |t| !t.contains("所在支部")).await?;
    app.choose("import-category", "无职党员").await?;
    app.wait_text("import-counts", |t| t == "共 4 行：新增 2，更新 0，跳过 0，有错误 2").await?;
    // The errors sit at their cells (file rows 5 and 6), the good rows are new.
    app.wait_text("import-outcome-3", |t| t == "新增").await?;
    app.wait_text("import-outcome-5", |t| t == "有错误").await?;
    let bad_date = "//*[@data-testid='import-cell-5-4'][contains(@class,'bad')]";
    assert_eq!(app.visible_text(bad_date).await?, "1990-02-30");
    let bad_org = "//*[@data-testid='import-cell-6-6'][contains(@class,'bad')]";
    assert_eq!(app.visible_text(bad_org).await?, "河咀社区第九党支部");
    app.screenshot("55-import-preview").await?;

    app.click("import-save-errors").await?;
    success(app, "已保存有错误的行").await?;
    let saved = sanliang::data::import::sheet::read(errors)?;
    let reasons: Vec<String> =
        saved[0].rows.iter().skip(1).map(|r| sanliang::data::import::values::text(&r[7])).collect();
    assert_eq!(reasons.len(), 2, "{reasons:?}");
    assert_eq!(reasons[0], "第5行：【出生日期】出生日期“1990-02-30”不是有效日期（如：2011-08-22）");
    // The closest names come first: 河咀's own branches, one character away.
    let offered = "第6行：【所在支部】找不到党组织“河咀社区第九党支部”，是否是：中共江川县委/大街街道党工委/河咀社区党总支/河咀社区第一党支部、";
    assert!(reasons[1].starts_with(offered), "{}", reasons[1]);

    app.click("import-run").await?;
    success(app, "已导入：新增 2 名，更新 0 名，跳过 0 名，2 行有错误未导入").await?;
    let after = app.db_number("SELECT count(*) FROM members WHERE deleted_at IS NULL").await?;
    assert_eq!(after, before + 2);
    let org = app
        .db_text("SELECT o.name FROM members m JOIN organizations o ON o.id = m.org_id WHERE m.name = '覃永康'")
        .await?;
    assert_eq!(org, "河咀社区第二党支部");
    let category = app.db_text("SELECT category FROM members WHERE name = '覃永康'").await?;
    assert_eq!(category, "no_post");
    // The roster lists the new members at once.
    app.type_into("roster-search", "黎晓芸").await?;
    app.wait_text("roster-total", |t| t == "共 1 名").await?;
    app.screenshot("56-import-done").await?;

    // 导出: the filter's one member, the ID number masked since the box is left unticked.
    app.click("export-open").await?;
    app.wait_text("export-dialog", |t| t.contains("导出当前筛选的 1 名党员")).await?;
    app.click("export-run").await?;
    success(app, "已导出 1 名党员").await?;
    let exported = sanliang::data::import::sheet::read(errors)?;
    let rows: Vec<Vec<String>> =
        exported[0].rows.iter().map(|r| r.iter().map(sanliang::data::import::values::text).collect()).collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[1][0], "黎晓芸");
    assert_eq!(rows[1][3], "1985-06-01");
    assert_eq!(rows[1][7], "河咀社区党总支/河咀社区第一党支部");
    Ok(())
}

/// The first run, on an empty database: 导入花名册 builds the county, township and community in
/// one step (a missing name refused under its field, nothing made), then opens the import on that
/// community. Its 支部名称 column, re-mapped to 所在支部, names branches the new community lacks:
/// with 新建党支部 ticked (as the first run opens it), they are created with the members.
pub async fn the_first_run_builds_the_community_and_imports_the_roster_into_it() -> R {
    let files = tempfile::Builder::new().prefix("花名册 ").tempdir()?;
    let roster = files.path().join("河咀社区 党员花名册.xlsx");
    workbook(&roster)?;
    let options = Options { settings: vec![(Setting::Pick, roster.display().to_string())], ..Options::default() };
    App::run_with(options, "first-import", first_run).await
}

async fn first_run(app: &App) -> R {
    app.click("first-import").await?;
    app.type_into("first-county", "江川区").await?;
    app.type_into("first-community", "河咀社区党总支").await?;
    app.click("first-save").await?;
    assert_eq!(app.field_error("first-township").await?, "请填写乡镇（街道）名称");
    assert_eq!(app.db_number("SELECT count(*) FROM organizations").await?, 0, "nothing half-made");
    app.type_into("first-township", "大街街道").await?;
    app.click("first-save").await?;
    success(app, "已建立“河咀社区党总支”").await?;
    let community =
        app.db_number("SELECT id FROM organizations WHERE name = '河咀社区党总支' AND kind = 'community'").await?;

    // The import opens on the new community.
    app.wait_text("import-org", |t| t.contains("河咀社区党总支")).await?;
    app.click("import-pick").await?;
    app.wait_text("import-file", |t| t == "河咀社区 党员花名册.xlsx").await?;
    app.choose("import-category", "无职党员").await?;
    // Row 5's impossible date is the one error; the others go to the community.
    app.wait_text("import-counts", |t| t == "共 4 行：新增 3，更新 0，跳过 0，有错误 1").await?;
    assert!(app.checked("import-new-branches").await?, "the first run offers the file's branches ticked");
    // 支部名称 is 所在支部: the three branches of the rows to import are to be created (row 5's
    // 第一党支部 is row 3's too).
    app.choose("import-map-6", "所在支部").await?;
    app.wait_text("import-new-branch-list", |t| {
        t.trim() == "将新建 3 个党支部：河咀社区第一党支部、河咀社区第二党支部、河咀社区第九党支部"
    })
    .await?;
    app.wait_text("import-counts", |t| t == "共 4 行：新增 3，更新 0，跳过 0，有错误 1").await?;
    app.screenshot("56-first-import-branches").await?;
    app.click("import-run").await?;
    success(app, "已导入：新增 3 名，更新 0 名，跳过 0 名，新建党支部 3 个，1 行有错误未导入").await?;
    let branches = format!("SELECT count(*) FROM organizations WHERE parent_id = {community} AND kind = 'branch'");
    assert_eq!(app.db_number(&branches).await?, 3);
    let placed = format!(
        "SELECT count(*) FROM members m JOIN organizations o ON o.id = m.org_id
         WHERE o.parent_id = {community} AND m.deleted_at IS NULL"
    );
    assert_eq!(app.db_number(&placed).await?, 3);
    let nine = app
        .db_text("SELECT o.name FROM members m JOIN organizations o ON o.id = m.org_id WHERE m.name = '庹建华'")
        .await?;
    assert_eq!(nine, "河咀社区第九党支部");
    // The roster shows them, the community chosen in the title bar.
    app.wait_text("roster-total", |t| t.contains('3')).await?;
    app.wait_xpath("//*[@data-testid='roster-table']//td[contains(.,'庹建华')]").await?;
    // The organization tree counts them too, under the community and its new branches.
    app.wait_text(&format!("org-node-{community}"), |t| t.contains("3名")).await?;
    app.screenshot("56-first-import").await
}
