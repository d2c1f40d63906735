//! 检查汇总 in the real window: the county's figures and 一览表, the period changed, a community
//! opened from its row, the figures sentence copied and pasted, the community's 具体责任人 set.

use crate::harness::{success, App, R};

pub async fn the_review_page_counts_the_county_drills_into_a_community_and_copies_the_sentence() -> R {
    App::run("review", flow).await
}

/// Members on the roll at the harness's today (2026-11-28) who have shown identity by then,
/// counted here from the tables rather than by the code under test.
const SHOWN: &str = "SELECT count(DISTINCT m.id) FROM members m JOIN identity_marks i ON i.member_id = m.id
     WHERE m.deleted_at IS NULL AND i.deleted_at IS NULL AND i.shown_on <= '2026-11-28'
       AND m.joined_on <= '2026-11-28' AND (m.status = 'active' OR m.status_date > '2026-11-28')";

async fn flow(app: &App) -> R {
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
    app.screenshot("91-review-community").await
}
