//! 台账: the county review's workbook read back with calamine — the sheets in order, the
//! fixture's figures in the 统计汇总 and 一览表, the records behind them, real dates and numbers,
//! money in 元, masking unless asked, and the print set-up in the sheets' XML.

use std::io::Read;

use calamine::{Data, Reader, Xlsx};
use sanliang::common::period::Period;
use sanliang::review::ledgers;

use crate::review::seed_county;
use crate::support;

type Sheets = Vec<(String, Vec<Vec<Data>>)>;

fn read(bytes: &[u8]) -> Sheets {
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes.to_vec())).unwrap();
    book.worksheets().into_iter().map(|(name, range)| (name, range.rows().map(|r| r.to_vec()).collect())).collect()
}

fn sheet<'a>(sheets: &'a Sheets, name: &str) -> &'a [Vec<Data>] {
    &sheets.iter().find(|(n, _)| n == name).unwrap_or_else(|| panic!("no sheet {name}")).1
}

fn text(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Empty => String::new(),
        other => panic!("{other:?} is not text"),
    }
}

fn number(d: &Data) -> f64 {
    match d {
        Data::Float(f) => *f,
        Data::Int(i) => *i as f64,
        other => panic!("{other:?} is not a number"),
    }
}

/// The 统计汇总's value for `name` (its 指标 column), as a number.
fn figure(rows: &[Vec<Data>], name: &str) -> f64 {
    let row = rows.iter().find(|r| r.len() > 2 && text(&r[2]) == name).unwrap_or_else(|| panic!("no line {name}"));
    number(&row[3])
}

fn date(d: &Data) -> String {
    match d {
        Data::DateTime(t) => t.as_datetime().unwrap().date().to_string(),
        other => panic!("{other:?} is not a date"),
    }
}

/// The data rows of a sheet (below its title and header).
fn data(rows: &[Vec<Data>]) -> &[Vec<Data>] {
    &rows[2..]
}

#[tokio::test]
async fn the_county_ledgers_hold_the_seeds_figures_and_the_records_behind_them() {
    let db = seed_county().await;
    // One member given an ID number and a phone, to see them masked.
    sqlx::query("UPDATE members SET id_number = '530421197006150038', phone = '13812345678' WHERE id = 1")
        .execute(&db.pool)
        .await
        .unwrap();
    let (bytes, summary) =
        ledgers::workbook(&db.pool, None, Period::Year(2026), support::today(), false).await.unwrap();
    let sheets = read(&bytes);
    let names: Vec<&str> = sheets.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "统计汇总",
            "一览表",
            "党员亮身份",
            "认岗定责",
            "责任区",
            "承诺践诺",
            "结对共建",
            "共建支持",
            "领导走访",
            "困难诉求",
            "代表委员进社区",
            "意见建议",
            "志愿服务"
        ]
    );
    assert_eq!(summary.title, "江川县2026年");
    assert_eq!(ledgers::title(&db.pool, None, Period::Year(2026)).await.unwrap(), summary.title, "the name proposed");
    assert_eq!(ledgers::title(&db.pool, Some(2), Period::Quarter(2026, 3)).await.unwrap(), "大街街道2026年第三季度");
    assert_eq!(summary.sheets, 13);
    assert_eq!(summary.rows, sheets.iter().map(|(_, rows)| rows.len() - 2).sum::<usize>());

    // Every sheet: the title row names the organization and period, the header starts with 序号.
    for (name, rows) in &sheets {
        assert_eq!(text(&rows[0][0]), format!("江川县2026年{name}台账"));
        assert_eq!(text(&rows[1][0]), "序号");
    }

    // The seed's figures, from the fixture's comment: 3,610 on the roll, 3,560 shown, 3,504 posted.
    let s = sheet(&sheets, "统计汇总");
    assert_eq!(figure(s, "在册党员"), 3610.0);
    assert_eq!(figure(s, "亮出身份的党员"), 3560.0);
    assert_eq!(figure(s, "认岗定责的党员"), 3504.0);
    assert!((figure(s, "亮身份率") - 3560.0 / 3610.0).abs() < 1e-12, "a share is the exact fraction, shown as 0.0%");
    assert_eq!(figure(s, "单位共建对子"), 19.0);
    assert_eq!(figure(s, "党员领导干部帮扶对子"), 38.0);
    assert_eq!(figure(s, "县级联系领导"), 19.0);
    assert_eq!(figure(s, "科级联系领导"), 19.0);
    assert_eq!(figure(s, "代表委员共建对子"), 114.0);
    assert_eq!(figure(s, "接待点"), 19.0);
    assert_eq!(figure(s, "帮扶资金"), 450_000.0, "45万元 as a number of 元");
    assert_eq!(figure(s, "资金：县民政局"), 450_000.0);

    // The 一览表: a row per community in the tree's order, 大街社区 first under 大街街道.
    let table = data(sheet(&sheets, "一览表"));
    assert_eq!(table.len(), 19);
    assert_eq!((text(&table[0][1]), text(&table[0][2])), ("大街街道".into(), "大街社区".into()));
    assert_eq!(number(&table[0][10]), 450_000.0);
    // Members 1–3610 spread over 19 communities: 190 each.
    assert!(table.iter().all(|r| number(&r[3]) == 190.0));

    // The members: one row each, dates as dates, the ID number and phone masked.
    let members = data(sheet(&sheets, "党员亮身份"));
    assert_eq!(members.len(), 3610);
    let first = members.iter().find(|r| text(&r[2]) == "党员1").unwrap();
    assert_eq!(text(&first[1]), "大街社区");
    assert_eq!((date(&first[5]), date(&first[6])), ("1970-06-15".into(), "1995-07-01".into()));
    assert_eq!((text(&first[8]), text(&first[9])), ("5304211970****0038".into(), "138****5678".into()));
    assert_eq!((text(&first[10]), date(&first[11])), ("佩戴党徽".into(), "2026-03-01".into()));
    let unshown = members.iter().find(|r| text(&r[2]) == "党员3561").unwrap();
    assert_eq!((text(&unshown[10]), &unshown[11]), (String::new(), &Data::Empty));

    assert_eq!(data(sheet(&sheets, "认岗定责")).len(), 3504);
    let pairings = data(sheet(&sheets, "结对共建"));
    assert_eq!(pairings.len(), 19);
    let support = data(sheet(&sheets, "共建支持"));
    assert_eq!(support.len(), 1);
    assert_eq!(date(&support[0][1]), "2026-03-15");
    assert_eq!((text(&support[0][2]), text(&support[0][3])), ("大街社区".into(), "县民政局".into()));
    assert_eq!(number(&support[0][6]), 450_000.0);
}

#[tokio::test]
async fn personal_data_is_whole_only_when_asked_and_money_keeps_its_fen() {
    let db = seed_county().await;
    sqlx::query("UPDATE members SET id_number = '530421197006150038', phone = '13812345678' WHERE id = 1")
        .execute(&db.pool)
        .await
        .unwrap();
    sqlx::query("UPDATE support_records SET amount_fen = 12345678901").execute(&db.pool).await.unwrap();
    let (bytes, _) = ledgers::workbook(&db.pool, Some(11), Period::Year(2026), support::today(), true).await.unwrap();
    let sheets = read(&bytes);
    assert!(sheets.iter().all(|(n, _)| n != "一览表"), "a community has no 一览表, as on the page");
    let members = data(sheet(&sheets, "党员亮身份"));
    // Community 11 holds members 1, 20, 39, …: 190 of them.
    assert_eq!(members.len(), 190);
    let first = members.iter().find(|r| text(&r[2]) == "党员1").unwrap();
    assert_eq!((text(&first[8]), text(&first[9])), ("530421197006150038".into(), "13812345678".into()));
    let support = data(sheet(&sheets, "共建支持"));
    assert_eq!(number(&support[0][6]), 123_456_789.01);
}

#[tokio::test]
async fn a_community_without_records_gets_empty_sheets_and_no_rates() {
    let db = seed_county().await;
    sqlx::query(
        "INSERT INTO organizations (id, uuid, parent_id, kind, name, path, sort_order, created_at, updated_at)
         VALUES (90, 'org-90', 2, 'community', '新建社区', '/1/2/90/', 99, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
    )
    .execute(&db.pool)
    .await
    .unwrap();
    let (bytes, _) =
        ledgers::workbook(&db.pool, Some(90), Period::Quarter(2026, 3), support::today(), false).await.unwrap();
    let sheets = read(&bytes);
    assert_eq!(text(&sheet(&sheets, "统计汇总")[0][0]), "新建社区2026年第三季度统计汇总台账");
    let summary = sheet(&sheets, "统计汇总");
    for name in ["亮身份率", "认岗定责率", "每月走访完成率"] {
        let line = summary.iter().find(|r| r.len() > 2 && text(&r[2]) == name).unwrap();
        assert_eq!(text(&line[3]), "—", "{name}: no rate, not 0% or NaN");
        assert!(text(&line[5]).starts_with("0/0"), "{name}: {:?}", line[5]);
    }
    for name in ["党员亮身份", "认岗定责", "承诺践诺", "志愿服务"] {
        assert_eq!(sheet(&sheets, name).len(), 2, "{name}: title and header only");
    }
}

/// The parts of the sheet XML that make a ledger usable on screen and on paper.
#[tokio::test]
async fn every_sheet_freezes_its_header_filters_and_prints_a4_landscape_with_the_header_repeated() {
    let db = seed_county().await;
    let (bytes, summary) =
        ledgers::workbook(&db.pool, None, Period::Year(2026), support::today(), false).await.unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut part = |name: &str| {
        let mut s = String::new();
        zip.by_name(name).unwrap().read_to_string(&mut s).unwrap();
        s
    };
    let workbook = part("xl/workbook.xml");
    for n in 1..=summary.sheets {
        let xml = part(&format!("xl/worksheets/sheet{n}.xml"));
        assert!(xml.contains(r#"ySplit="2""#), "sheet {n}: header frozen below row 2");
        assert!(xml.contains("<autoFilter ref=\"A2:"), "sheet {n}: filters on the header row");
        assert!(
            xml.contains(r#"paperSize="9""#) && xml.contains(r#"orientation="landscape""#),
            "sheet {n}: A4 landscape"
        );
        assert!(xml.contains(r#"<mergeCell ref="A1:"#), "sheet {n}: the title across the columns");
        assert!(xml.contains("<cols>"), "sheet {n}: column widths");
        assert!(
            workbook.contains(&format!(r#"name="_xlnm.Print_Titles" localSheetId="{}""#, n - 1)),
            "sheet {n}: rows repeated"
        );
    }
    assert!(workbook.contains("!$1:$2</definedName>"), "{workbook}");
}

#[tokio::test]
async fn export_ledgers_on_the_command_line_writes_to_a_chinese_path_and_refuses_a_future_period() {
    let db = seed_county().await;
    db.pool.close().await;
    let dir = db.dir.path().to_str().unwrap();
    let out_dir = tempfile::Builder::new().prefix("县 台账 ").tempdir().unwrap();
    let file = out_dir.path().join("大街街道 2026年上半年.xlsx");
    let out = support::cli()
        .args(["export", "ledgers", "--data-dir", dir, "--org", "2", "--period", "2026-01-01..2026-06-30", "--out"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.starts_with("已导出大街街道2026年1月1日至6月30日台账，13 张表"), "{said}");
    let sheets = read(&std::fs::read(&file).unwrap());
    // 大街街道 holds communities 11–20, and members n with (n-1)%19 < 10: 1,900 of them.
    assert_eq!(data(sheet(&sheets, "一览表")).len(), 10);
    assert_eq!(data(sheet(&sheets, "党员亮身份")).len(), 1900);

    let out = support::cli()
        .args(["export", "ledgers", "--data-dir", dir, "--period", "2027", "--out"])
        .arg(out_dir.path().join("未来.xlsx"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("2027年尚未开始，没有可统计的数据"));
    assert!(!out_dir.path().join("未来.xlsx").exists(), "nothing written");
}
