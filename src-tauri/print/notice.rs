//! 公示表: a community's members with their posts and published pledges, on landscape A4 or
//! A3, as many pages as needed — the header row repeated on every page, rows never split,
//! "第 N 页 共 M 页" at the foot. Each community starts on a new page with its own count. The
//! table itself (`table_pages`) also sets the 服务安排 sheet.

use super::canvas::{Align, Font, Sheet, BLACK, GREY, RED};
use super::data::Person;
use super::fonts::{FaceKind, PT_TO_MM};
use super::layout::{wrap, Line, Overflow};
use super::{promise_text, Art, Overflowed};

const HEADERS: [&str; 6] = ["序号", "姓名", "类别", "所属支部", "岗位", "承诺事项（完成时限）"];
/// Column widths on landscape A4, in mm; the last takes the rest.
const WIDTHS: [f32; 5] = [12.0, 22.0, 30.0, 40.0, 42.0];
const PAD: f32 = 1.5;

pub struct Row {
    cells: Vec<Vec<Line>>,
    height: f32,
}

pub struct Layout {
    pub sheet: (f32, f32),
    size: f32,
    widths: Vec<f32>,
    left: f32,
    body_top: f32,
    body_bottom: f32,
}

impl Layout {
    pub fn new(sheet: (f32, f32)) -> Layout {
        Layout::with_widths(sheet, &WIDTHS)
    }

    /// A table of columns `widths` wide on landscape A4 (in mm, scaled for A3); the last column
    /// takes the rest of the width.
    pub fn with_widths(sheet: (f32, f32), widths: &[f32]) -> Layout {
        let s = sheet.0 / 297.0;
        let left = 12.0 * s;
        let mut widths: Vec<f32> = widths.iter().map(|w| w * s).collect();
        widths.push(sheet.0 - 2.0 * left - widths.iter().sum::<f32>());
        Layout { sheet, size: 9.0 * s.sqrt(), widths, left, body_top: 34.0 * s, body_bottom: sheet.1 - 16.0 * s }
    }

    fn leading(&self) -> f32 {
        self.size * 1.35 * PT_TO_MM
    }

    /// A row of `cells`; with `hang`, the last cell's lines are numbered items with hanging indents.
    pub fn row(&self, cells: &[String], hang: bool) -> Row {
        let last = cells.len().saturating_sub(1);
        let cells: Vec<Vec<Line>> = cells
            .iter()
            .zip(&self.widths)
            .enumerate()
            .map(|(i, (text, w))| {
                if i == last && hang {
                    text.split('\n')
                        .enumerate()
                        .flat_map(|(k, item)| {
                            let prefix = format!("{}. ", k + 1);
                            wrap(FaceKind::Sans, &format!("{prefix}{item}"), self.size, w - 2.0 * PAD, Some(&prefix))
                        })
                        .collect()
                } else {
                    wrap(FaceKind::Sans, text, self.size, w - 2.0 * PAD, None)
                }
            })
            .collect();
        let lines = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
        Row { cells, height: lines as f32 * self.leading() + 2.0 * PAD }
    }

    fn draw_row(&self, sheet: &mut Sheet, row: &Row, top: f32, header: bool) {
        let mut x = self.left;
        if header {
            sheet.rect((x, top, self.widths.iter().sum(), row.height), 0.0, (0.98, 0.92, 0.92));
        }
        for (cell, w) in row.cells.iter().zip(&self.widths) {
            sheet.rect((x, top, *w, row.height), 0.4, GREY);
            let font = if header { Font::serif(self.size).color(RED) } else { Font::sans(self.size).color(BLACK) };
            for (i, line) in cell.iter().enumerate() {
                let line_top = top + PAD + i as f32 * self.leading() + (self.leading() - self.size * PT_TO_MM) / 2.0;
                sheet.text(font, x + PAD + line.indent, line_top, Align::Left, &line.text);
            }
            x += w;
        }
    }
}

fn cells(n: usize, p: &Person) -> [String; 6] {
    [
        n.to_string(),
        p.name.clone(),
        p.category.label().to_owned(),
        p.branch.clone().unwrap_or_else(|| "—".into()),
        p.post.as_ref().map_or_else(|| "—".into(), |x| x.0.clone()),
        p.promises.iter().map(promise_text).collect::<Vec<_>>().join("\n"),
    ]
}

/// The pages of one community's notice.
pub fn community_pages(
    layout: &Layout,
    community: &str,
    people: &[&Person],
    art: &Art,
    year: i32,
) -> Result<Vec<Sheet>, Overflowed> {
    let rows = people
        .iter()
        .enumerate()
        .map(|(i, p)| (p.name.clone(), layout.row(&cells(i + 1, p), !p.promises.is_empty())))
        .collect();
    let title = format!("{community}{}", art.settings.notice_title);
    let sub = format!("{year}年度　共{}名党员", people.len());
    table_pages(layout, &title, &sub, &HEADERS, rows, "承诺内容", art)
}

/// A table's pages: the title and a line under it, the header row repeated on every page, rows
/// never split (a row taller than a page is refused, naming `who` and `field`), and at the foot
/// 监督电话, "第 N 页 共 M 页" and the issuer.
pub fn table_pages(
    layout: &Layout,
    title: &str,
    sub: &str,
    headers: &[&str],
    rows: Vec<(String, Row)>,
    field: &'static str,
    art: &Art,
) -> Result<Vec<Sheet>, Overflowed> {
    let header = layout.row(&headers.iter().map(|h| (*h).to_owned()).collect::<Vec<_>>(), false);
    let room = layout.body_bottom - layout.body_top - header.height;
    // Page breaks first, so every page can say how many there are.
    let mut pages: Vec<Vec<Row>> = vec![Vec::new()];
    let mut used = 0.0;
    for (who, row) in rows {
        if row.height > room {
            let lines = ((row.height - 2.0 * PAD) / layout.leading()).round() as usize;
            let overflow = Overflow {
                text: who.clone(),
                lines_needed: lines,
                lines_available: ((room - 2.0 * PAD) / layout.leading()) as usize,
            };
            return Err(Overflowed { who, field, overflow });
        }
        if used + row.height > room + 0.01 {
            pages.push(Vec::new());
            used = 0.0;
        }
        used += row.height;
        if let Some(page) = pages.last_mut() {
            page.push(row);
        }
    }
    let total = pages.len();
    let (w, h) = layout.sheet;
    let s = w / 297.0;
    Ok(pages
        .into_iter()
        .enumerate()
        .map(|(n, rows)| {
            let mut sheet = Sheet::new(w, h);
            sheet.text(Font::serif(18.0 * s).color(RED), w / 2.0, 11.0 * s, Align::Center, title);
            sheet.text(Font::sans(10.0 * s).color(GREY), w / 2.0, 22.0 * s, Align::Center, sub);
            let mut top = layout.body_top;
            layout.draw_row(&mut sheet, &header, top, true);
            top += header.height;
            for row in &rows {
                layout.draw_row(&mut sheet, row, top, false);
                top += row.height;
            }
            let foot = h - 11.0 * s;
            let phone = format!("监督电话：{}", art.settings.phone);
            sheet.text(Font::sans(9.0 * s), layout.left, foot, Align::Left, &phone);
            sheet.text(Font::sans(9.0 * s), w / 2.0, foot, Align::Center, &format!("第 {} 页 共 {total} 页", n + 1));
            if !art.settings.issuer.is_empty() {
                sheet.text(Font::sans(9.0 * s).color(GREY), w - layout.left, foot, Align::Right, &art.settings.issuer);
            }
            sheet
        })
        .collect())
}
