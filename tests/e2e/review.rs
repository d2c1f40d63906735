//! 检查汇总 in the real window: the county's figures and 一览表, the period changed, a street chosen
//! in the title bar, a community opened from its row, the figures sentence copied and pasted, the community's 具体责任人 set,
//! the community's 台账 and 工作情况报告 saved under the names the save dialog proposes in a
//! folder the test chooses.

use std::path::Path;

use sanliang::paths::Setting;

use crate::harness::{success, App, Options, R};

pub async fn the_review_page_counts_the_county_drills_into_a_community_and_copies_the_sentence() -> R {
    let files = tempfile::Builder::new().prefix("检查汇总 ").tempdir()?;
    let folder = files.path().to_path_buf();
    let options = Options { settings: vec![(Setting::SaveAs, folder.display().to_string())], ..Options::default() };
    App::run_with(options, "review", async |app: &App| flow(app, &folder).await).await
}

/// Members on the roll at the harness's today (2026-11-28) who have shown identity by then,
/// counted here from the tables rather than by the code under test.
const SHOWN: &str = "SELECT count(DISTINCT m.id) FROM members m JOIN identity_marks i ON i.member_id = m.id
     WHERE m.deleted_at IS NULL AND i.deleted_at IS NULL AND i.shown_on <= '2026-11-28'
       AND m.joined_on <= '2026-11-28' AND (m.status = 'active' OR m.status_date > '2026-11-28')";

async fn flow(app: &App, folder: &Path) -> R {
    app.load_demo().await?;
    app.click("menu-review").await?;
    let sentence = app.wait_text("review-sentence", |t| t.starts_with("目前，")).await?;
    assert!(sentence.contains("单位共建对子5对"), "the demo's five unit pairings: {sentence}");
    let shown = app.db_number(SHOWN).await?;
    assert!(sentence.contains(&format!("已有{shown}名社区党员亮出身份")), "{shown} shown: {sentence}");
    let scope = app.text("review-scope").await?;
    assert!(scope.contains("江川县") && scope.contains("2026年（存量数据截至2026年11月28日）"), "{scope}");

    // The county's 一览表 has a row per community, each naming its township.
    let communities =
        app.db_number("SELECT count(*) FROM organizations WHERE kind = 'community' AND deleted_at IS NULL").await?;
    let rows = app.visible_texts("//div[@data-testid='review-communities']//tbody/tr").await?;
    assert_eq!(rows.len() as i64, communities, "{rows:?}");
    for chart in ["coverage", "pledges", "leaders", "funds", "difficulties"] {
        app.wait_xpath(&format!(
            "//*[@data-testid='review-chart-{chart}']//*[local-name()='svg']//*[local-name()='path']"
        ))
        .await?;
    }
    app.screenshot("90-review-county").await?;

    // A quarter: the line names it and the figures are counted again.
    app.choose("review-period-kind", "季度").await?;
    app.choose("review-period-quarter", "第三季度").await?;
    app.wait_text("review-scope", |t| t.contains("2026年第三季度（存量数据截至2026年9月30日）")).await?;

    // A street chosen in the title bar: its own communities in the 一览表.
    crate::scope::choose_scope(app, "大街街道党工委").await?;
    app.wait_xpath("//*[@data-testid='review-scope']//b[normalize-space(.)='大街街道党工委']").await?;
    let streets = app
        .db_number(
            "SELECT count(*) FROM organizations WHERE kind = 'community' AND deleted_at IS NULL
               AND parent_id = (SELECT id FROM organizations WHERE name = '大街街道党工委')",
        )
        .await?;
    let street_rows = "//div[@data-testid='review-communities']//tbody/tr";
    app.wait_until(street_rows, &format!("return els.length === {streets} ? true : null;")).await?;
    let texts = app.visible_texts(street_rows).await?;
    assert!(texts.iter().all(|t| t.contains("大街街道党工委")), "{texts:?}");

    // Clicking a community's row scopes the app to it: no 一览表, its own sentence.
    let row = "//div[@data-testid='review-communities']//tbody/tr[.//td[normalize-space(.)='河咀社区党总支']]";
    app.click_visible(row).await?;
    app.wait_xpath("//*[@data-testid='review-scope']//b[normalize-space(.)='河咀社区党总支']").await?;
    app.wait_text("review-sentence", |t| t != sentence).await?;
    let tables = app.content("//div[@data-testid='review-page']").await?;
    assert!(!tables.contains("各社区主要指标一览表"), "a community has no 一览表");

    // 复制 puts the sentence on the clipboard: pasted into a field it reads the same.
    let community_sentence = app.text("review-sentence").await?;
    app.click("review-copy").await?;
    success(app, "已复制到剪贴板").await?;
    app.click("review-person-edit").await?;
    app.paste_into("review-person").await?;
    // The field keeps its first 40 characters (the length of a name and title).
    let head: String = community_sentence.chars().take(40).collect();
    assert_eq!(app.value("review-person").await?, head);

    // The community's 具体责任人, a name and title, saved and shown in the chain.
    app.type_into("review-person", "李梅（河咀社区党总支书记）").await?;
    app.click("review-person-save").await?;
    success(app, "已保存责任人").await?;
    app.wait_text("review-chain", |t| t.contains("具体责任人") && t.contains("李梅（河咀社区党总支书记）")).await?;
    assert_eq!(
        app.db_text("SELECT person FROM org_responsibilities r JOIN organizations o ON o.id = r.org_id WHERE o.name = '河咀社区党总支' AND r.role = 'specific'").await?,
        "李梅（河咀社区党总支书记）"
    );
    app.screenshot("91-review-community").await?;

    // 导出台账 for the community and the quarter on the page, masked as the box is left unticked.
    app.click("review-ledgers").await?;
    app.wait_text("ledger-dialog", |t| t.contains("河咀社区党总支2026年第三季度")).await?;
    app.screenshot("92-review-ledgers").await?;
    app.click("ledger-run").await?;
    success(app, "已导出台账").await?;
    let sheets = sanliang::data::import::sheet::read(&folder.join("河咀社区党总支2026年第三季度台账.xlsx"))?;
    let title = sanliang::data::import::values::text(&sheets[0].rows[0][0]);
    assert_eq!((sheets[0].name.as_str(), title.as_str()), ("统计汇总", "河咀社区党总支2026年第三季度统计汇总台账"));
    let members = sheets.iter().find(|s| s.name == "党员亮身份").ok_or("no 党员亮身份 sheet")?;
    let on_roll = app
        .db_number(
            "SELECT count(*) FROM members m JOIN organizations o ON o.id = m.org_id
             WHERE m.deleted_at IS NULL AND o.path LIKE (SELECT path FROM organizations WHERE name = '河咀社区党总支') || '%'
               AND m.joined_on <= '2026-09-30' AND (m.status = 'active' OR m.status_date > '2026-09-30')",
        )
        .await?;
    assert_eq!(members.rows.len() as i64, on_roll + 2, "title, header and a row per member on the roll at 9月30日");
    let cells: Vec<String> = members.rows.iter().flatten().map(sanliang::data::import::values::text).collect();
    let whole = cells.iter().filter(|t| t.len() == 18 && t.chars().take(17).all(|c| c.is_ascii_digit())).count();
    let masked = cells.iter().filter(|t| t.chars().count() == 18 && t.contains("****")).count();
    assert_eq!(whole, 0, "no ID number whole when the box is left unticked");
    assert!(masked > 0, "the demo's ID numbers appear masked");

    // 导出报告: the PDF under the proposed name, naming the 具体责任人 set above.
    let title = "河咀社区党总支2026年第三季度“三亮四进”工作情况报告";
    app.click("review-report").await?;
    success(app, &format!("已导出{title}，共")).await?;
    let report = folder.join(format!("{title}.pdf"));
    let out = std::process::Command::new("pdftotext").arg(&report).arg("-").output()?;
    let text: String = String::from_utf8(out.stdout)?.split_whitespace().collect();
    assert!(text.starts_with(title), "{text}");
    assert!(text.contains("具体责任人：李梅（河咀社区党总支书记）"), "{text}");
    assert!(text.contains(&format!("在册党员{on_roll}名")), "{on_roll} on the roll: {text}");
    Ok(())
}
