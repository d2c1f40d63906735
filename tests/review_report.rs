//! 工作情况报告: the county review's PDF read back as a reader and a printer see it — the seed's
//! figures in the text (`pdftotext`), GB/T 9704 geometry (A4, every mark inside the 156 × 225 mm
//! block at 28 mm / 37 mm, "— N —" 7 mm under it on the outer side), a rendered page with no ink
//! outside the block, the same bytes for the same data, an empty community without "NaN", and the
//! command line.

use std::process::Command;

use sanliang::common::period::Period;
use sanliang::print::canvas::MarkKind;
use sanliang::review::report::{self, page};

use crate::review::seed_county;
use crate::support;
use crate::support::pictures::render;

fn pdftotext(bytes: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("报告.pdf");
    std::fs::write(&file, bytes).unwrap();
    let out = Command::new("pdftotext").arg(&file).arg("-").output().expect("pdftotext (poppler-utils)");
    assert!(out.status.success());
    // Lines break anywhere in Chinese text: read it as one run.
    String::from_utf8(out.stdout).unwrap().split_whitespace().collect()
}

fn inside_block(m: &sanliang::print::canvas::Mark) -> bool {
    m.x >= page::LEFT - 0.01
        && m.x + m.w <= page::RIGHT + 0.01
        && m.y >= page::TOP - 0.01
        && m.y + m.h <= page::BOTTOM + 0.01
}

#[tokio::test]
async fn the_county_report_carries_the_seeds_figures_on_official_document_pages() {
    let db = seed_county().await;
    let report = report::report(&db.pool, None, Period::Year(2026), support::today()).await.unwrap();
    assert_eq!(report.title, "江川县2026年“三亮四进”工作情况报告");
    assert!(report.sheets.len() >= 3, "{} pages", report.sheets.len());
    let em = 14.0 * 25.4 / 72.0;
    for (i, sheet) in report.sheets.iter().enumerate() {
        let n = i + 1;
        assert_eq!((sheet.width, sheet.height), (210.0, 297.0), "page {n} is A4");
        let folio = format!("— {n} —");
        let (folios, marks): (Vec<_>, Vec<_>) =
            sheet.marks.iter().partition(|m| matches!(&m.kind, MarkKind::Text(t) if *t == folio));
        assert_eq!(folios.len(), 1, "page {n} is numbered once");
        let f = folios[0];
        // 7 mm under the block, one character in from the outer edge: right on odd, left on even.
        assert!(f.y > page::BOTTOM + 6.0 && f.y < page::BOTTOM + 9.0, "page {n}: folio at {}", f.y);
        if n % 2 == 1 {
            assert!((f.x + f.w - (page::RIGHT - em)).abs() < 0.01, "page {n}: folio ends at {}", f.x + f.w);
        } else {
            assert!((f.x - (page::LEFT + em)).abs() < 0.01, "page {n}: folio starts at {}", f.x);
        }
        for m in marks {
            assert!(inside_block(m), "page {n}: {m:?} lies outside the text block");
        }
    }
    // A table row is never split: every cell's frame lies on one page inside the block (above),
    // and the funds chart draws 县民政局's bar.
    let bars: Vec<_> = report.sheets.iter().flat_map(|s| &s.marks).filter(|m| m.kind == MarkKind::Bar).collect();
    assert_eq!(bars.len(), 1, "one unit gave funds");

    let again = report::report(&db.pool, None, Period::Year(2026), support::today()).await.unwrap();
    let (bytes, summary) = report::pdf(report);
    assert_eq!(report::pdf(again).0, bytes, "the same data gives the same bytes");
    assert_eq!(summary.title, "江川县2026年“三亮四进”工作情况报告");
    assert!(bytes.len() < 400_000, "fonts subset: {} bytes", bytes.len());

    let text = pdftotext(&bytes);
    for expected in [
        "江川县2026年“三亮四进”工作情况报告",
        "本报告统计期间为2026年1月1日至2026年12月31日，在册、在岗等数据截至2026年11月28日",
        // The figures sentence, as the seed county's report words it.
        "目前，已结成单位共建对子19对，党员领导干部帮扶对子38对，党代表、人大代表、政协委员共建对子114对",
        "明确了19名县级党员领导干部、19名科级乡镇街道党员领导干部为社区共建联系领导",
        "建立党代表、人大代表和政协委员接待点19处",
        "共建单位帮扶资金45万元",
        "已有3560名社区党员亮出身份",
        "已有3504名社区党员认岗定责",
        "共有在册党员3610名，分布在19个社区",
        "一、总体情况",
        "二、责任落实",
        "第一责任人：未填写",
        "三、“三亮”工作开展情况",
        "（一）亮身份",
        "在册党员3610名中，已有3560名亮出身份，占98.6%",
        "（三）亮承诺",
        "本期暂无承诺记录。",
        "四、“四进”工作开展情况",
        "结成单位共建对子19对，覆盖社区19个",
        "450,000.00",
        "图1共建单位投入资金（元）",
        "县民政局",
        "五、各社区情况",
        "19个社区的主要指标见表",
        "续表",
        "大街社区",
        "2026年11月28日",
    ] {
        assert!(text.contains(expected), "no “{expected}” in the report:\n{text}");
    }
    assert!(!text.contains("NaN") && !text.contains("子0对"), "{text}");

    // Printed, nothing lands outside the block but the page number.
    let dpi = 40;
    let px = |mm: f32| (mm / 25.4 * dpi as f32) as usize;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("报告.pdf");
    std::fs::write(&file, &bytes).unwrap();
    for n in 1..=summary.pages {
        let page = render(&file, n, dpi);
        let (w, h, pixels) = (page.width, page.height, page.pixels);
        for y in 0..h {
            for x in 0..w {
                let in_block = x + 1 >= px(page::LEFT)
                    && x <= px(page::RIGHT) + 1
                    && y + 1 >= px(page::TOP)
                    && y <= px(page::BOTTOM) + 1;
                let in_folio = y >= px(page::BOTTOM + 5.0) && y <= px(page::BOTTOM + 14.0);
                assert!(in_block || in_folio || pixels[y * w + x] > 250, "page {n}: ink at ({x}, {y}) px");
            }
        }
    }
}

#[tokio::test]
async fn an_empty_community_is_reported_without_rates_or_sections_it_has_nothing_for() {
    let db = seed_county().await;
    sqlx::query(
        "INSERT INTO organizations (id, uuid, parent_id, kind, name, path, sort_order, created_at, updated_at)
         VALUES (60, 'org-60', 2, 'community', '新建社区', '/1/2/60/', 99, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
    )
    .execute(&db.pool)
    .await
    .unwrap();
    let report = report::report(&db.pool, Some(60), Period::Quarter(2026, 4), support::today()).await.unwrap();
    assert_eq!(report.title, "新建社区2026年第四季度“三亮四进”工作情况报告");
    let text = pdftotext(&report::pdf(report).0);
    for expected in [
        "目前尚无可汇总的工作数据。",
        "共有在册党员0名。",
        "第一责任人：未填写；直接责任人：未填写；具体责任人：未填写；指导责任人（社区共建联系领导）：未明确。",
        "暂无在册党员。",
        "本期暂无岗位和责任区记录。",
        "本期暂无承诺记录。",
        "本期暂无机关单位进社区记录。",
        "本期暂无党员干部进社区记录。",
        "本期暂无代表委员进社区记录。",
        "本期暂无志愿服务活动记录。",
    ] {
        assert!(text.contains(expected), "no “{expected}” in:\n{text}");
    }
    assert!(!text.contains("NaN") && !text.contains('%') && !text.contains("五、"), "{text}");
}

#[tokio::test]
async fn export_report_on_the_command_line_writes_a_pdf_to_a_chinese_path_and_refuses_a_future_period() {
    let db = seed_county().await;
    db.pool.close().await;
    let dir = db.dir.path().to_str().unwrap();
    let out_dir = tempfile::Builder::new().prefix("县 报告 ").tempdir().unwrap();
    let file = out_dir.path().join("大街街道 第四季度.pdf");
    let out = support::cli()
        .args(["export", "report", "--data-dir", dir, "--org", "2", "--period", "2026-Q4", "--out"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.starts_with("已导出大街街道2026年第四季度“三亮四进”工作情况报告，共 "), "{said}");
    let text = pdftotext(&std::fs::read(&file).unwrap());
    // 大街街道: communities 11–20, one unit pairing and six deputy pairs each.
    assert!(
        text.contains("已结成单位共建对子10对，党员领导干部帮扶对子20对，党代表、人大代表、政协委员共建对子60对"),
        "{text}"
    );
    assert!(text.contains("10个社区的主要指标见表"), "{text}");

    let future = out_dir.path().join("未来.pdf");
    let out = support::cli()
        .args(["export", "report", "--data-dir", dir, "--period", "2027", "--out"])
        .arg(&future)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("2027年尚未开始，没有可统计的数据"));
    assert!(!future.exists(), "nothing written");
}
