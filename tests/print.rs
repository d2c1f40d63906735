use std::process::Command;

use sanliang::common::catalog::{Category, Gender};
use sanliang::print::canvas::{MarkKind, Sheet};
use sanliang::print::data::Selection;
use sanliang::print::{self, pledge_card, Paper, PrintKind, PrintOptions};
use sanliang::roster::members::{self, MemberInput};

use crate::support;

fn options(kind: PrintKind, paper: Paper) -> PrintOptions {
    PrintOptions { kind, selection: Selection::default(), year: None, paper, crop_marks: true, month: None }
}

pub fn pdftotext(bytes: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.pdf");
    std::fs::write(&file, bytes).unwrap();
    let out =
        Command::new("pdftotext").args(["-layout"]).arg(&file).arg("-").output().expect("pdftotext (poppler-utils)");
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

/// The pages of a PDF as poppler reads them (not as the code that wrote it counts them).
fn pdf_pages(bytes: &[u8]) -> usize {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.pdf");
    std::fs::write(&file, bytes).unwrap();
    let out = Command::new("pdfinfo").arg(&file).output().expect("pdfinfo (poppler-utils)");
    assert!(out.status.success());
    let info = String::from_utf8(out.stdout).unwrap();
    let pages = info.lines().find_map(|l| l.strip_prefix("Pages:")).expect("a page count");
    pages.trim().parse().unwrap()
}

#[cfg_attr(
    windows,
    ignore = "poppler is a Linux program; the Windows build's PDFs are proven byte-identical to these by the_same_data_prints_the_same_bytes_on_every_system"
)]
#[tokio::test]
async fn pledge_cards_carry_the_names_and_pledges_as_text_small_and_identical_each_time() {
    let t = support::demo().await;
    let job = print::prepare(&t.pool, t.dir.path(), options(PrintKind::PledgeCards, Paper::A6), support::today())
        .await
        .unwrap();
    assert!(job.items() > 250);
    assert_eq!(job.sheets(), job.items().div_ceil(4));
    let (bytes, summary) = job.compose(None, &mut |_, _| true).unwrap();
    assert_eq!((pdf_pages(&bytes), summary.sheets), (job.items().div_ceil(4), job.items().div_ceil(4)));
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
    let t = support::demo().await;
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

#[cfg_attr(
    windows,
    ignore = "poppler is a Linux program; the Windows build's PDFs are proven byte-identical to these by the_same_data_prints_the_same_bytes_on_every_system"
)]
#[test]
fn the_command_line_prints_pledge_cards_to_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_str().unwrap();
    let run = |args: &[&str]| crate::support::cli().args(args).output().unwrap();
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

/// A limited job reads no further than its limit, and what it reads is the whole job's start:
/// the same members in the same order with the same pledge items, the same zones.
#[tokio::test]
async fn a_limited_job_is_the_start_of_the_whole_job() {
    let t = support::demo().await;
    let prepare = |kind: PrintKind, limit: Option<usize>| {
        let mut o = options(kind, Paper::A4);
        o.selection.limit = limit;
        print::prepare(&t.pool, t.dir.path(), o, support::today())
    };
    let seen =
        |people: &[print::data::Person]| people.iter().map(|p| (p.id, format!("{:?}", p.promises))).collect::<Vec<_>>();
    let whole = prepare(PrintKind::PledgeCards, None).await.unwrap();
    assert!(
        whole.people.iter().take(40).filter(|p| !p.promises.is_empty()).count() > 10,
        "the demo's first members pledge"
    );
    for n in [1, 7, 40] {
        let part = prepare(PrintKind::PledgeCards, Some(n)).await.unwrap();
        assert_eq!(seen(&part.people), seen(&whole.people[..n]), "{n} cards");
        assert_eq!(part.items(), n);
    }
    let zones = prepare(PrintKind::ZoneSigns, None).await.unwrap();
    let part = prepare(PrintKind::ZoneSigns, Some(2)).await.unwrap();
    let names = |z: &[print::data::ZoneSheet]| z.iter().map(|z| (z.name.clone(), z.items.len())).collect::<Vec<_>>();
    assert!(zones.zones.len() > 2);
    assert_eq!(names(&part.zones), names(&zones.zones[..2]));
}

pub fn png_bytes() -> Vec<u8> {
    // A 2×1 red-and-white PNG: emblem artwork as a user would supply it (aspect 2:1).
    let mut png = vec![0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];
    let chunk = |png: &mut Vec<u8>, kind: &[u8], data: &[u8]| {
        png.extend((data.len() as u32).to_be_bytes());
        let mut body = kind.to_vec();
        body.extend(data);
        png.extend(&body);
        png.extend(crc32(&body).to_be_bytes());
    };
    chunk(&mut png, b"IHDR", &[0, 0, 0, 2, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
    // zlib stream, stored block: filter byte 0 then two RGB pixels.
    let raw = [0u8, 200, 20, 30, 255, 255, 255];
    let mut z = vec![0x78, 0x01, 0x01, raw.len() as u8, 0, !(raw.len() as u8), 0xFF];
    z.extend(raw);
    let (mut a, mut b) = (1u32, 0u32);
    for x in raw {
        a = (a + u32::from(x)) % 65521;
        b = (b + a) % 65521;
    }
    z.extend(((b << 16) | a).to_be_bytes());
    chunk(&mut png, b"IDAT", &z);
    chunk(&mut png, b"IEND", &[]);
    png
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for b in bytes {
        crc ^= u32::from(*b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

/// The demo with a supervision phone, an issuer and emblem artwork set, as every item prints them.
pub async fn demo_with_print_settings() -> support::TestDb {
    let t = support::demo().await;
    let mut settings = print::settings::load(&t.pool, t.dir.path()).await.unwrap();
    settings.phone = "0877-8012345".into();
    settings.issuer = "中共江川县委组织部监制".into();
    print::settings::save(&t.pool, t.dir.path(), &settings).await.unwrap();
    let art = t.dir.path().join("art.png");
    std::fs::write(&art, png_bytes()).unwrap();
    print::settings::set_emblem(&t.pool, t.dir.path(), &art).await.unwrap();
    t
}

/// The demo's 河咀社区, whose members every item is printed for.
pub async fn hezui(pool: &sqlx::SqlitePool) -> i64 {
    sanliang::roster::orgs::tree(pool).await.unwrap()[0]
        .children
        .iter()
        .flat_map(|town| &town.children)
        .find(|c| c.org.name.starts_with("河咀"))
        .unwrap()
        .org
        .id
}

/// The same data prints the same bytes on Linux and on Windows: each item's PDF for 河咀 is
/// pinned by its SHA-256 in `tests/goldens/print.sha256`, which the Linux run and the Windows
/// build's run under Wine both check — so what poppler reads and renders on Linux (here and in
/// print_pictures) is what a Windows user gets. `UPDATE_GOLDENS=1` rewrites it on Linux after a
/// deliberate change to an item; print_pictures then says whether the change looks right.
#[tokio::test]
async fn the_same_data_prints_the_same_bytes_on_every_system() {
    use sha2::{Digest, Sha256};

    let t = demo_with_print_settings().await;
    let org = hezui(&t.pool).await;
    let mut digests = String::new();
    for (kind, paper) in [
        (PrintKind::PledgeCards, Paper::A6),
        (PrintKind::Boards, Paper::A3),
        (PrintKind::Badges, Paper::A4),
        (PrintKind::DeskSigns, Paper::A4),
        (PrintKind::ZoneSigns, Paper::A4),
        (PrintKind::Notice, Paper::A4),
        (PrintKind::Schedule, Paper::A4),
        (PrintKind::DeputyPasses, Paper::A4),
    ] {
        let mut o = options(kind, paper);
        o.selection.org_id = Some(org);
        let job = print::prepare(&t.pool, t.dir.path(), o, support::today()).await.unwrap();
        let (bytes, _) = job.compose(None, &mut |_, _| true).unwrap();
        // Left for comparison when the digests differ (`cmp`, or `qpdf --qdf` to read them).
        let kept = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/print-check");
        std::fs::create_dir_all(&kept).unwrap();
        std::fs::write(kept.join(format!("{kind:?}-{}.pdf", std::env::consts::OS)), &bytes).unwrap();
        let hex: String = Sha256::digest(&bytes).iter().map(|b| format!("{b:02x}")).collect();
        digests.push_str(&format!("{kind:?} {paper:?} {} {hex}\n", bytes.len()));
    }
    let golden = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/goldens/print.sha256");
    if std::env::var_os("UPDATE_GOLDENS").is_some() && !cfg!(windows) {
        std::fs::write(&golden, &digests).unwrap();
    }
    let expected = std::fs::read_to_string(&golden).unwrap_or_else(|e| panic!("{}: {e}", golden.display()));
    assert_eq!(
        digests.lines().collect::<Vec<_>>(),
        expected.lines().collect::<Vec<_>>(),
        "the PDFs differ from the pinned ones (kind, paper, bytes, SHA-256)"
    );
}

#[cfg_attr(
    windows,
    ignore = "poppler is a Linux program; the Windows build's PDFs are proven byte-identical to these by the_same_data_prints_the_same_bytes_on_every_system"
)]
#[tokio::test]
async fn every_item_prints_its_text_and_the_emblem_only_where_it_belongs() {
    let t = demo_with_print_settings().await;
    assert!(print::settings::load(&t.pool, t.dir.path()).await.unwrap().has_emblem);

    let hezui = hezui(&t.pool).await;
    for (kind, paper, expect, emblem) in [
        (PrintKind::Boards, Paper::A3, vec!["欢迎群众监督", "监督电话：0877-8012345", "承诺事项"], true),
        (PrintKind::Badges, Paper::A4, vec!["共产党员"], true),
        (PrintKind::DeskSigns, Paper::A4, vec![], true),
        (PrintKind::ZoneSigns, Paper::A4, vec!["党员责任区", "环湖第一责任区", "湖滨1巷"], false),
        (PrintKind::Notice, Paper::A4, vec!["社区党员公开承诺公示表", "承诺事项（完成时限）", "第1页共"], false),
        (PrintKind::PledgeCards, Paper::A6, vec!["中共江川县委组织部监制"], false),
    ] {
        let mut o = options(kind, paper);
        o.selection.org_id = Some(hezui);
        let job = print::prepare(&t.pool, t.dir.path(), o, support::today()).await.unwrap();
        let (bytes, summary) = job.compose(None, &mut |_, _| true).unwrap();
        assert_eq!((pdf_pages(&bytes), summary.sheets), (job.sheets(), job.sheets()), "{kind:?}");
        // Nothing leaves the sheet, and text stays clear of the edge printers cannot reach.
        for sheet in job.sheets_drawn().unwrap() {
            for m in &sheet.marks {
                let inset = if matches!(m.kind, MarkKind::Text(_)) { 3.0 } else { 0.0 };
                assert!(
                    m.x >= inset - 0.01
                        && m.y >= inset - 0.01
                        && m.x + m.w <= sheet.width - inset + 0.01
                        && m.y + m.h <= sheet.height - inset + 0.01,
                    "{kind:?}: {m:?} leaves the {}×{} sheet",
                    sheet.width,
                    sheet.height
                );
            }
        }
        // pdftotext drops the spaces set between Chinese characters.
        let text = pdftotext(&bytes).replace(' ', "");
        for e in &expect {
            assert!(text.contains(e), "{kind:?}: {e} missing");
        }
        if kind != PrintKind::ZoneSigns {
            assert!(text.contains(&job.people[0].name), "{kind:?}");
        }
        let has_image = bytes.windows(13).any(|w| w == b"/Subtype/Imag" || w == b"/Subtype /Ima");
        assert_eq!(has_image, emblem, "{kind:?}: the emblem belongs only on badges, boards and desk signs");
        if kind == PrintKind::DeskSigns {
            // Both faces carry the name.
            assert_eq!(text.matches(&job.people[0].name).count(), 2, "{text}");
        }
        if kind == PrintKind::Notice {
            // The header row is repeated on every page, and every page says which it is.
            let pages = summary.sheets;
            assert!(pages >= 2, "河咀 needs more than one notice page");
            assert_eq!(text.matches("承诺事项（完成时限）").count(), pages);
            assert!(text.contains(&format!("第{pages}页共{pages}页")));
        }
    }
}

#[tokio::test]
async fn the_rosters_filter_chooses_whom_to_print() {
    use sanliang::roster::members::{MemberQuery, MemberSort};
    let t = support::demo().await;
    let query = MemberQuery {
        text: "李".into(),
        status: Some(sanliang::common::catalog::MemberStatus::Active),
        page: 1,
        page_size: 20,
        sort: MemberSort::Name,
        ..Default::default()
    };
    let found = members::search(&t.pool, &query).await.unwrap().total;
    assert!(found > 1);
    let mut o = options(PrintKind::PledgeCards, Paper::A6);
    o.selection.query = Some(query);
    let job = print::prepare(&t.pool, t.dir.path(), o, support::today()).await.unwrap();
    assert_eq!(job.items() as i64, found, "only the members the filter finds (on the roll)");
    assert!(job.people.iter().all(|p| p.name.contains('李')));
    let mut none = options(PrintKind::PledgeCards, Paper::A6);
    none.selection.query =
        Some(MemberQuery { text: "不存在的名字".into(), page: 1, page_size: 20, ..Default::default() });
    let err = print::prepare(&t.pool, t.dir.path(), none, support::today()).await.err().unwrap();
    assert_eq!(err.field(), Some("selection"));
}

/// The longest name the form accepts, as transliterated minority names are written.
const LONGEST_NAME: &str = "买买提·艾力·阿不都热合曼·阿卜杜拉克木";

#[tokio::test]
async fn the_longest_name_the_form_accepts_stays_inside_its_box_on_every_item() {
    use sanliang::print::badges;

    assert_eq!(LONGEST_NAME.chars().count(), sanliang::common::limits::NAME);
    let t = support::fresh().await;
    let [_, _, _, branch, _] = crate::orgs::small_tree(&t.pool).await;
    let input = MemberInput {
        org_id: Some(branch.id),
        name: LONGEST_NAME.into(),
        gender: Some(Gender::Male),
        ethnicity: "维吾尔族".into(),
        birth_date: "1980-01-01".into(),
        joined_on: "2005-07-01".into(),
        category: Some(Category::InService),
        ..Default::default()
    };
    let member = members::create(&t.pool, &input, support::today()).await.unwrap();
    for (kind, paper) in [
        (PrintKind::Badges, Paper::A4),
        (PrintKind::Boards, Paper::A4),
        (PrintKind::DeskSigns, Paper::A4),
        (PrintKind::PledgeCards, Paper::A6),
    ] {
        let mut o = options(kind, paper);
        o.selection.ids = vec![member.id];
        let job = print::prepare(&t.pool, t.dir.path(), o, support::today()).await.unwrap();
        let sheets = job.sheets_drawn().unwrap_or_else(|e| panic!("{kind:?}: {e}"));
        // The box the name must stay in: the first cell of a sheet of small items, else the
        // sheet; 3 mm clear of its edges either way.
        let (x, y, w, h) = match kind {
            PrintKind::Badges => (badges::GRID.cells()[0].0, badges::GRID.cells()[0].1, 86.0, 54.0),
            PrintKind::PledgeCards => {
                let grid = pledge_card::grid(pledge_card::CardSize::A6);
                (grid.cells()[0].0, grid.cells()[0].1, grid.cell.0, grid.cell.1)
            }
            _ => (0.0, 0.0, sheets[0].width, sheets[0].height),
        };
        let names: Vec<_> = sheets[0]
            .marks
            .iter()
            .filter(|m| matches!(&m.kind, MarkKind::Text(text) if text.contains(LONGEST_NAME)))
            .collect();
        assert!(!names.is_empty(), "{kind:?} prints the name whole on one line");
        for m in names {
            assert!(
                m.x >= x + 3.0 - 0.01
                    && m.y >= y + 3.0 - 0.01
                    && m.x + m.w <= x + w - 3.0 + 0.01
                    && m.y + m.h <= y + h - 3.0 + 0.01,
                "{kind:?}: {m:?} leaves its {w}×{h} box at ({x}, {y})"
            );
        }
    }
}
