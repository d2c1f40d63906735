use std::process::Command;

use sanliang::domain::catalog::{Category, Gender};
use sanliang::domain::demo::{self, DemoScale};
use sanliang::domain::members::{self, MemberInput};
use sanliang::print::canvas::{MarkKind, Sheet};
use sanliang::print::data::Selection;
use sanliang::print::{self, pledge_card, Paper, PrintKind, PrintOptions};

use crate::support;

fn options(kind: PrintKind, paper: Paper) -> PrintOptions {
    PrintOptions { kind, selection: Selection::default(), year: None, paper, crop_marks: true }
}

fn pdftotext(bytes: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.pdf");
    std::fs::write(&file, bytes).unwrap();
    let out =
        Command::new("pdftotext").args(["-layout"]).arg(&file).arg("-").output().expect("pdftotext (poppler-utils)");
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

#[tokio::test]
async fn pledge_cards_carry_the_names_and_pledges_as_text_small_and_identical_each_time() {
    let t = support::fresh().await;
    demo::load(&t.pool, DemoScale::Community, support::today()).await.unwrap();
    let job = print::prepare(&t.pool, t.dir.path(), options(PrintKind::PledgeCards, Paper::A6), support::today())
        .await
        .unwrap();
    assert!(job.items() > 250);
    assert_eq!(job.sheets(), job.items().div_ceil(4));
    let (bytes, summary) = job.compose(None, &mut |_, _| true).unwrap();
    assert_eq!(summary.sheets, job.sheets());
    // Fonts are subset: a whole face would be 9–13 MB.
    assert!(bytes.len() < 20_000 + 4_000 * summary.sheets, "{} bytes for {} sheets", bytes.len(), summary.sheets);

    let text = pdftotext(&bytes);
    let first = &job.people[0];
    assert!(text.contains(&first.name), "{} missing", first.name);
    let with_pledge = job.people.iter().find(|p| !p.promises.is_empty()).unwrap();
    let content: String = with_pledge.promises[0].content.chars().take(8).collect();
    assert!(text.contains(&content), "{content} missing");
    assert!(text.contains("2026年度党员承诺卡") && text.contains("承诺人签字"));

    let (again, _) = job.compose(None, &mut |_, _| true).unwrap();
    assert!(again == bytes, "the same data gives the same bytes");

    // Cancelling stops the job.
    let err = job.compose(None, &mut |done, _| done < 3).unwrap_err();
    assert!(matches!(err, sanliang::error::Error::Cancelled));
    // A preview is the first sheet only.
    let (_, one) = job.compose(Some(1), &mut |_, _| true).unwrap();
    assert_eq!((one.sheets, one.items), (1, 4));
}

#[tokio::test]
async fn a_character_no_font_has_is_reported_by_member_and_field_before_printing() {
    let t = support::fresh().await;
    let [_, _, community, _, _] = crate::orgs::small_tree(&t.pool).await;
    let input = MemberInput {
        org_id: Some(community.id),
        // U+2B740 (CJK Extension D): a valid name character the bundled faces do not have.
        name: "李\u{2B740}".into(),
        gender: Some(Gender::Female),
        ethnicity: "彝族".into(),
        birth_date: "1970-01-01".into(),
        joined_on: "1995-07-01".into(),
        category: Some(Category::NoPost),
        ..Default::default()
    };
    members::create(&t.pool, &input, support::today()).await.unwrap();
    let err = match print::prepare(&t.pool, t.dir.path(), options(PrintKind::PledgeCards, Paper::A6), support::today())
        .await
    {
        Err(e) => e,
        Ok(_) => panic!("a missing glyph must stop the job"),
    };
    let message = err.to_string();
    assert!(message.contains("李\u{2B740}的姓名") && message.contains("U+2B740"), "{message}");
}

#[tokio::test]
async fn a_card_keeps_everything_inside_its_border() {
    let t = support::fresh().await;
    demo::load(&t.pool, DemoScale::Community, support::today()).await.unwrap();
    let job = print::prepare(&t.pool, t.dir.path(), options(PrintKind::PledgeCards, Paper::A6), support::today())
        .await
        .unwrap();
    let settings = sanliang::print::settings::PrintSettings {
        phone: "0877-8012345".into(),
        issuer: "中共江川县委组织部监制".into(),
        ..Default::default()
    };
    for size in [pledge_card::CardSize::A6, pledge_card::CardSize::A5] {
        let grid = pledge_card::grid(size);
        let (w, h) = grid.cell;
        for person in job.people.iter().take(40) {
            let mut sheet = Sheet::new(grid.sheet.0, grid.sheet.1);
            let cell = grid.cells()[1];
            pledge_card::draw(&mut sheet, cell, grid.cell, person, &settings, 2026, "2026-0001").unwrap();
            for m in &sheet.marks {
                let inset = if matches!(m.kind, MarkKind::Text(_)) { 5.0 } else { 3.9 };
                assert!(
                    m.x >= cell.0 + inset - 0.01
                        && m.y >= cell.1 + inset - 0.01
                        && m.x + m.w <= cell.0 + w - inset + 0.01
                        && m.y + m.h <= cell.1 + h - inset + 0.01,
                    "{m:?} leaves the {size:?} card of {}",
                    person.name
                );
            }
            assert!(sheet.marks.iter().any(|m| m.kind == MarkKind::Text(format!("姓名：{}", person.name))));
        }
    }
}

#[test]
fn the_command_line_prints_pledge_cards_to_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_str().unwrap();
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_sanliang")).args(args).env("SANLIANG_TODAY", "2026-11-28").output().unwrap()
    };
    assert!(run(&["demo", "--data-dir", d]).status.success());
    let out = dir.path().join("cards.pdf");
    let o = run(&[
        "print",
        "pledge-cards",
        "--data-dir",
        d,
        "--out",
        out.to_str().unwrap(),
        "--paper",
        "a5",
        "--limit",
        "5",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stdout).contains("5 份，3 张"));
    let info = Command::new("pdfinfo").arg(&out).output().unwrap();
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(info.contains("Pages:           3") && info.contains("841.89 x 595.276"), "{info}");
}
