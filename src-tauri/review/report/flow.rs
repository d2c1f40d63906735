//! The report's blocks flowed onto GB/T 9704 pages: a paragraph's lines may continue on the next
//! page, a table row never splits and a continued table repeats its header under "续表N", a
//! chart stays whole, and a heading never ends a page (it moves on with what follows it).

use super::chart::Chart;
use super::page::{self, glyph_top, BODY, BOTTOM, INDENT, LEFT, LINE, PAGE, RIGHT, SMALL, TITLE, TOP, WIDTH};
use crate::print::canvas::{Align, Font, Sheet, BLACK};
use crate::print::fonts::{face, FaceKind, PT_TO_MM};
use crate::print::layout::{wrap, Line};

/// Space inside a table cell, in mm.
const PAD: f32 = 1.4;
/// A table's line spacing as a multiple of its type size.
const TABLE_SPACING: f32 = 1.45;
const RULE: (f32, f32, f32) = (0.2, 0.2, 0.2);
const HEADER_FILL: (f32, f32, f32) = (0.92, 0.92, 0.92);

/// A table: its caption ("表1　…"), header, relative column widths and rows of text. The first
/// column is set to the left, the others centred.
#[derive(Debug, Clone)]
pub struct Table {
    pub number: usize,
    pub caption: String,
    pub headers: Vec<String>,
    pub widths: Vec<f32>,
    pub rows: Vec<Vec<String>>,
}

/// A heading's level: 一、 set in the plain face, （一） in the serif.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Level {
    One,
    Two,
}

#[derive(Debug, Clone)]
pub enum Block {
    /// The title in parts: on one line when it fits, else each part from a new line.
    Title(Vec<String>),
    Heading(Level, String),
    Paragraph(String),
    Table(Table),
    Chart(Chart),
    /// The sender, centred over the date at the end, the date four characters in from the right.
    Signature {
        sender: String,
        date: String,
    },
}

struct Pager {
    sheets: Vec<Sheet>,
    y: f32,
}

impl Pager {
    fn sheet(&mut self) -> &mut Sheet {
        if self.sheets.is_empty() {
            self.sheets.push(Sheet::new(PAGE.0, PAGE.1));
        }
        let last = self.sheets.len() - 1;
        &mut self.sheets[last]
    }

    fn room(&self) -> f32 {
        BOTTOM - self.y
    }

    fn at_top(&self) -> bool {
        (self.y - TOP).abs() < 0.01
    }

    fn new_page(&mut self) {
        self.sheets.push(Sheet::new(PAGE.0, PAGE.1));
        self.y = TOP;
    }

    /// Starts a new page unless `height` fits on this one (or this one is still empty).
    fn keep(&mut self, height: f32) {
        if height > self.room() + 0.01 && !self.at_top() {
            self.new_page();
        }
    }

    /// One line of text in a line of `leading` mm at the cursor, moving on first if it does not fit.
    fn line(&mut self, font: Font, leading: f32, x: f32, align: Align, text: &str) {
        self.keep(leading);
        let top = glyph_top(self.y, leading, font.size);
        self.sheet().text(font, x, top, align, text);
        self.y += leading;
    }
}

struct Cells {
    lines: Vec<Vec<Line>>,
    height: f32,
}

fn table_leading() -> f32 {
    SMALL * TABLE_SPACING * PT_TO_MM
}

fn cells(texts: &[String], widths: &[f32], kind: FaceKind) -> Cells {
    let lines: Vec<Vec<Line>> =
        texts.iter().zip(widths).map(|(t, w)| wrap(kind, t, SMALL, w - 2.0 * PAD, None)).collect();
    let n = lines.iter().map(Vec::len).max().unwrap_or(1).max(1);
    Cells { lines, height: n as f32 * table_leading() + 2.0 * PAD }
}

fn draw_cells(sheet: &mut Sheet, row: &Cells, widths: &[f32], top: f32, header: bool) {
    if header {
        sheet.rect((LEFT, top, WIDTH, row.height), 0.0, HEADER_FILL);
    }
    let font = if header { Font::serif(SMALL) } else { Font::sans(SMALL) };
    let mut x = LEFT;
    for (i, (lines, w)) in row.lines.iter().zip(widths).enumerate() {
        sheet.rect((x, top, *w, row.height), 0.5, RULE);
        // Lines sit in the middle of the row's height.
        let block = lines.len() as f32 * table_leading();
        let first = top + (row.height - block) / 2.0;
        for (k, line) in lines.iter().enumerate() {
            let t = glyph_top(first + k as f32 * table_leading(), table_leading(), SMALL);
            if i == 0 && !header {
                sheet.text(font, x + PAD, t, Align::Left, &line.text);
            } else {
                sheet.text(font, x + w / 2.0, t, Align::Center, &line.text);
            }
        }
        x += w;
    }
}

/// The caption's line above a table.
const CAPTION: f32 = 9.0;

fn caption(p: &mut Pager, text: &str) {
    let top = glyph_top(p.y, CAPTION, SMALL + 1.5);
    p.sheet().text(Font::serif(SMALL + 1.5), LEFT + WIDTH / 2.0, top, Align::Center, text);
    p.y += CAPTION;
}

/// The columns' widths in mm: each as wide as its widest cell (its header may wrap), the room
/// left shared by the relative widths; by the relative widths alone when the cells cannot all fit.
fn column_widths(t: &Table) -> Vec<f32> {
    let f = face(FaceKind::Sans);
    let total: f32 = t.widths.iter().sum();
    let need: Vec<f32> = (0..t.widths.len())
        .map(|c| {
            let widest = t.rows.iter().filter_map(|r| r.get(c)).map(|text| f.width_mm(text, SMALL)).fold(0.0, f32::max);
            widest.max(2.0 * SMALL * PT_TO_MM) + 2.0 * PAD + 0.2
        })
        .collect();
    let needed: f32 = need.iter().sum();
    if needed > WIDTH {
        return t.widths.iter().map(|w| w / total * WIDTH).collect();
    }
    need.iter().zip(&t.widths).map(|(n, w)| n + (WIDTH - needed) * w / total).collect()
}

fn table(p: &mut Pager, t: &Table) {
    let widths = column_widths(t);
    let header = cells(&t.headers, &widths, FaceKind::Serif);
    let rows: Vec<Cells> = t.rows.iter().map(|r| cells(r, &widths, FaceKind::Sans)).collect();
    let first = rows.first().map_or(0.0, |r| r.height);
    p.keep(CAPTION + header.height + first);
    caption(p, &format!("表{}　{}", t.number, t.caption));
    let top = p.y;
    draw_cells(p.sheet(), &header, &widths, top, true);
    p.y += header.height;
    for row in &rows {
        if row.height > p.room() + 0.01 {
            p.new_page();
            caption(p, &format!("续表{}", t.number));
            let top = p.y;
            draw_cells(p.sheet(), &header, &widths, top, true);
            p.y += header.height;
        }
        let top = p.y;
        draw_cells(p.sheet(), row, &widths, top, false);
        p.y += row.height;
    }
    p.y += LINE / 2.0;
}

/// How much of a block must share the page with the heading before it.
fn lead_height(block: Option<&Block>) -> f32 {
    match block {
        Some(Block::Table(t)) => {
            let widths = column_widths(t);
            let first = t.rows.first().map_or(0.0, |r| cells(r, &widths, FaceKind::Sans).height);
            CAPTION + cells(&t.headers, &widths, FaceKind::Serif).height + first
        }
        Some(Block::Chart(c)) => c.height(),
        Some(_) => LINE,
        None => 0.0,
    }
}

/// Lays the blocks out on pages and numbers them.
pub fn flow(blocks: &[Block]) -> Vec<Sheet> {
    let mut p = Pager { sheets: Vec::new(), y: TOP };
    p.sheet();
    for (i, block) in blocks.iter().enumerate() {
        match block {
            Block::Title(parts) => {
                let leading = TITLE * 1.5 * PT_TO_MM;
                let width = WIDTH - 2.0 * TITLE * PT_TO_MM;
                let whole = parts.concat();
                let parts =
                    if face(FaceKind::Serif).width_mm(&whole, TITLE) <= width { vec![whole] } else { parts.clone() };
                for part in parts {
                    for line in wrap(FaceKind::Serif, &part, TITLE, width, None) {
                        p.line(Font::serif(TITLE), leading, LEFT + WIDTH / 2.0, Align::Center, &line.text);
                    }
                }
                // One empty line between the title and the text.
                p.y += LINE;
            }
            Block::Heading(level, text) => {
                let lines = wrap(FaceKind::Sans, &format!("{INDENT}{text}"), BODY, WIDTH, None);
                p.keep(lines.len() as f32 * LINE + lead_height(blocks.get(i + 1)));
                let font = match level {
                    Level::One => Font::sans(BODY).heavy(),
                    Level::Two => Font::serif(BODY),
                };
                for line in lines {
                    p.line(font, LINE, LEFT, Align::Left, &line.text);
                }
            }
            Block::Paragraph(text) => {
                for line in wrap(FaceKind::Sans, &format!("{INDENT}{text}"), BODY, WIDTH, None) {
                    p.line(Font::sans(BODY), LINE, LEFT, Align::Left, &line.text);
                }
            }
            Block::Table(t) => table(&mut p, t),
            Block::Chart(chart) => {
                p.keep(chart.height());
                let top = p.y;
                chart.draw(p.sheet(), top);
                p.y += chart.height() + LINE / 2.0;
            }
            Block::Signature { sender, date } => {
                // The date stays with the text before it: half a line apart when the page is full.
                p.keep(2.0 * LINE);
                p.y += if p.room() >= 3.0 * LINE { LINE } else { (p.room() - 2.0 * LINE).max(0.0) };
                let em = BODY * PT_TO_MM;
                let date_right = RIGHT - 4.0 * em;
                let centre = date_right - face(FaceKind::Sans).width_mm(date, BODY) / 2.0;
                p.line(Font::sans(BODY), LINE, centre, Align::Center, sender);
                p.line(Font::sans(BODY).color(BLACK), LINE, date_right, Align::Right, date);
            }
        }
    }
    let mut sheets = p.sheets;
    for (n, sheet) in sheets.iter_mut().enumerate() {
        page::folio(sheet, n + 1);
    }
    sheets
}
