//! The PDF files themselves, read back the way a reader and a printer see them: where poppler
//! finds each word (`pdftotext -bbox`) against the boxes the items drew in millimetres (so the
//! y-flip and unit conversion of `canvas.rs` are tested), and each item's first sheet rendered
//! (`pdftoppm`): ink in every box that should hold some, nothing anywhere else (margins and
//! gutters stay blank), the emblem's area not white, and one golden picture per item compared
//! with a tolerance. `UPDATE_GOLDENS=1` rewrites the goldens after a deliberate change.

use std::path::{Path, PathBuf};
use std::process::Command;

use sanliang::print::canvas::{Mark, MarkKind, Sheet};
use sanliang::print::data::Selection;
use sanliang::print::{self, Paper, PrintKind, PrintOptions};

use crate::support;
use crate::support::pictures::{render, Gray};

const MM_PER_PT: f32 = 25.4 / 72.0;
/// Resolution of the rendering the ink checks read: one pixel is about 0.42 mm.
const DPI: u32 = 60;
/// Resolution of the goldens kept in the repository (small files, still every block visible).
const GOLDEN_DPI: u32 = 20;

fn temp_pdf(bytes: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("sheet.pdf");
    std::fs::write(&file, bytes).unwrap();
    (dir, file)
}

/// A word as poppler found it on the first page: its text and box in millimetres from the top left.
#[derive(Debug)]
struct Word {
    text: String,
    x0: f32,
    y0: f32,
    x1: f32,
    y1: f32,
}

/// The page's size and words from `pdftotext -bbox` (its coordinates: points from the top left).
fn words(pdf: &Path) -> ((f32, f32), Vec<Word>) {
    let out = Command::new("pdftotext").args(["-bbox", "-f", "1", "-l", "1"]).arg(pdf).arg("-").output().unwrap();
    assert!(out.status.success());
    let html = String::from_utf8(out.stdout).unwrap();
    let attr = |tag: &str, name: &str| -> f32 {
        let at = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        tag[at..].split('"').next().unwrap().parse::<f32>().unwrap() * MM_PER_PT
    };
    let page = html.split("<page ").nth(1).unwrap();
    let size = (attr(page, "width"), attr(page, "height"));
    let words = html
        .split("<word ")
        .skip(1)
        .map(|w| {
            let (tag, rest) = w.split_once('>').unwrap();
            let text = rest.split("</word>").next().unwrap().replace("&amp;", "&");
            Word { text, x0: attr(tag, "xMin"), y0: attr(tag, "yMin"), x1: attr(tag, "xMax"), y1: attr(tag, "yMax") }
        })
        .collect();
    (size, words)
}

fn grown(m: &Mark, by: f32) -> (f32, f32, f32, f32) {
    (m.x - by, m.y - by, m.w + 2.0 * by, m.h + 2.0 * by)
}

fn inside((x, y, w, h): (f32, f32, f32, f32), (px, py): (f32, f32)) -> bool {
    px >= x && px <= x + w && py >= y && py <= y + h
}

/// Every word poppler reads lies where a text box was drawn and says part of what that box
/// says; every drawn text box is found again.
fn check_words(kind: PrintKind, sheet: &Sheet, pdf: &Path) {
    let ((w, h), words) = words(pdf);
    assert!((w - sheet.width).abs() < 0.2 && (h - sheet.height).abs() < 0.2, "{kind:?}: page {w}×{h} mm");
    let texts: Vec<(&Mark, String)> = sheet
        .marks
        .iter()
        .filter_map(|m| match &m.kind {
            MarkKind::Text(t) => Some((m, t.chars().filter(|c| !c.is_whitespace()).collect())),
            _ => None,
        })
        .collect();
    assert!(!words.is_empty(), "{kind:?}: no text in the PDF");
    for word in &words {
        let centre = ((word.x0 + word.x1) / 2.0, (word.y0 + word.y1) / 2.0);
        let first = word.text.chars().next().unwrap().to_string();
        let home = texts.iter().find(|(m, t)| inside(grown(m, 1.5), centre) && t.contains(&first));
        assert!(home.is_some(), "{kind:?}: {word:?} is not where any text was drawn");
    }
    for (m, text) in &texts {
        let Some(first) = text.chars().next().map(String::from) else { continue };
        let found = words.iter().any(|w| {
            let centre = ((w.x0 + w.x1) / 2.0, (w.y0 + w.y1) / 2.0);
            inside(grown(m, 1.5), centre) && w.text.contains(&first)
        });
        assert!(found, "{kind:?}: “{text}” drawn at {m:?} is not found there in the PDF");
    }
}

/// Ink where the items drew and nowhere else; the emblem's area is not white.
fn check_ink(kind: PrintKind, sheet: &Sheet, pdf: &Path) {
    let picture = render(pdf, 1, DPI);
    let mm_per_px = 25.4 / DPI as f32;
    for m in sheet.marks.iter().filter(|m| m.kind != MarkKind::Text(String::new())) {
        // A hairline is drawn on whole pixels (poppler's stroke adjustment): look a pixel around it.
        let around = if matches!(m.kind, MarkKind::Text(_) | MarkKind::Image) { 0.0 } else { mm_per_px };
        let region = picture.region(grown(m, around), DPI);
        let darkest = region.iter().copied().min().unwrap_or(255);
        match m.kind {
            MarkKind::Image => {
                let mean = region.iter().map(|&p| p as u32).sum::<u32>() / region.len().max(1) as u32;
                assert!(mean < 200, "{kind:?}: the emblem at {m:?} is white (mean {mean})");
            }
            _ => assert!(darkest < 235, "{kind:?}: no ink in {m:?} (darkest {darkest})"),
        }
    }
    // The emblem art is red on its left, white on its right: upright on the near face of a desk
    // sign and everywhere else, turned (white on the left) on the far face, which is the upper one.
    let mut images: Vec<&Mark> = sheet.marks.iter().filter(|m| m.kind == MarkKind::Image).collect();
    images.sort_by(|a, b| a.y.total_cmp(&b.y));
    for (i, m) in images.iter().enumerate() {
        let mean = |x: f32| {
            let r = picture.region((x, m.y, m.w / 2.0, m.h), DPI);
            r.iter().map(|&p| p as u32).sum::<u32>() / r.len().max(1) as u32
        };
        let (left, right) = (mean(m.x), mean(m.x + m.w / 2.0));
        let turned = kind == PrintKind::DeskSigns && i == 0 && images.len() == 2;
        assert_eq!(left > right, turned, "{kind:?}: emblem {i} at {m:?} (left {left}, right {right})");
    }
    // Every dark pixel lies within a pixel and a millimetre of something drawn (a glyph's
    // strokes may reach a little past its em box).
    let near = mm_per_px + 1.0;
    for row in 0..picture.height {
        for col in 0..picture.width {
            if picture.pixels[row * picture.width + col] < 200 {
                let at = ((col as f32 + 0.5) * mm_per_px, (row as f32 + 0.5) * mm_per_px);
                assert!(
                    sheet.marks.iter().any(|m| inside(grown(m, near), at)),
                    "{kind:?}: ink at {:.1}, {:.1} mm where nothing was drawn",
                    at.0,
                    at.1
                );
            }
        }
    }
}

/// The first sheet against its golden picture: small differences (anti-aliasing of another
/// poppler) pass; a block moved, missing or added does not.
fn check_golden(kind: PrintKind, pdf: &Path) {
    let picture = render(pdf, 1, GOLDEN_DPI);
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/goldens/{kind:?}.pgm"));
    if std::env::var_os("UPDATE_GOLDENS").is_some() {
        std::fs::create_dir_all(golden.parent().unwrap()).unwrap();
        std::fs::write(&golden, picture.to_pgm()).unwrap();
        return;
    }
    let bytes = std::fs::read(&golden)
        .unwrap_or_else(|_| panic!("{} is missing: run with UPDATE_GOLDENS=1 and look at it", golden.display()));
    let expected = Gray::from_pgm(&bytes);
    assert_eq!((picture.width, picture.height), (expected.width, expected.height), "{kind:?}: page size");
    let diffs: Vec<u32> =
        picture.pixels.iter().zip(&expected.pixels).map(|(a, b)| (*a as i32 - *b as i32).unsigned_abs()).collect();
    let mean = diffs.iter().sum::<u32>() as f32 / diffs.len() as f32;
    let far = diffs.iter().filter(|d| **d > 96).count() as f32 / diffs.len() as f32;
    assert!(
        mean < 3.0 && far < 0.005,
        "{kind:?} differs from its golden (mean {mean:.2}, {:.2}% of pixels far off); if intended, UPDATE_GOLDENS=1",
        far * 100.0
    );
}

#[tokio::test]
async fn every_item_reads_back_where_it_was_drawn_and_inks_only_its_boxes() {
    let t = crate::print::demo_with_print_settings().await;

    for (kind, paper) in [
        (PrintKind::PledgeCards, Paper::A6),
        (PrintKind::Boards, Paper::A4),
        (PrintKind::Badges, Paper::A4),
        (PrintKind::DeskSigns, Paper::A4),
        (PrintKind::ZoneSigns, Paper::A4),
        (PrintKind::Notice, Paper::A4),
        (PrintKind::Schedule, Paper::A4),
        (PrintKind::DeputyPasses, Paper::A4),
    ] {
        let options =
            PrintOptions { kind, selection: Selection::default(), year: None, paper, crop_marks: false, month: None };
        let job = print::prepare(&t.pool, t.dir.path(), options, support::today()).await.unwrap();
        let (bytes, _) = job.compose(Some(1), &mut |_, _| true).unwrap();
        let sheet = job.sheets_drawn().unwrap().into_iter().next().unwrap();
        if kind == PrintKind::Badges || kind == PrintKind::Boards || kind == PrintKind::DeskSigns {
            assert!(sheet.marks.iter().any(|m| m.kind == MarkKind::Image), "{kind:?} carries the emblem");
        }
        let (_dir, pdf) = temp_pdf(&bytes);
        check_words(kind, &sheet, &pdf);
        check_ink(kind, &sheet, &pdf);
        check_golden(kind, &pdf);
    }
}

/// The images of a PDF as `pdfimages -list` reports them: width and height in pixels.
fn image_sizes(pdf: &Path) -> Vec<(u32, u32)> {
    let out = Command::new("pdfimages").arg("-list").arg(pdf).output().unwrap();
    let list = String::from_utf8_lossy(&out.stdout).into_owned();
    list.lines()
        .skip(2)
        .filter_map(|l| {
            let cols: Vec<&str> = l.split_whitespace().collect();
            Some((cols.get(3)?.parse().ok()?, cols.get(4)?.parse().ok()?))
        })
        .collect()
}

/// A 12-megapixel phone picture as a member's photo is scaled to the board's photo box before it
/// is embedded (the document keeps every image until it is written: 500 boards must fit in
/// memory); the emblem, already small, goes in as supplied.
#[tokio::test]
async fn a_large_photo_is_scaled_down_before_it_is_embedded() {
    let t = crate::print::demo_with_print_settings().await;
    let member: i64 = sqlx::query_scalar("SELECT min(id) FROM members WHERE deleted_at IS NULL AND status = 'active'")
        .fetch_one(&t.pool)
        .await
        .unwrap();
    let big = image::RgbImage::from_fn(3000, 4000, |x, y| image::Rgb([(x / 12) as u8, (y / 16) as u8, 128]));
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 80).encode_image(&big).unwrap();
    let file = t.dir.path().join("手机 照片.jpg");
    std::fs::write(&file, &jpeg).unwrap();
    sanliang::roster::photos::set(&t.pool, t.dir.path(), sanliang::roster::photos::Whose::Member(member), &file)
        .await
        .unwrap();

    let selection = Selection { ids: vec![member], ..Selection::default() };
    let options = PrintOptions {
        kind: PrintKind::Boards,
        selection,
        year: None,
        paper: Paper::A4,
        crop_marks: false,
        month: None,
    };
    let job = print::prepare(&t.pool, t.dir.path(), options, support::today()).await.unwrap();
    let (bytes, _) = job.compose(None, &mut |_, _| true).unwrap();
    let (_dir, pdf) = temp_pdf(&bytes);
    let mut sizes = image_sizes(&pdf);
    sizes.sort();
    // 3000 × 4000 into 300 × 390 at its own aspect: 293 × 390. The emblem is 2 × 1, as given.
    assert_eq!(sizes, [(2, 1), (293, 390)]);
}
