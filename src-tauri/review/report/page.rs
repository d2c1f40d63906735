//! The page of a Chinese official document (GB/T 9704): A4, 37 mm top margin, 28 mm on the
//! binding side, a 156 × 225 mm text block holding 22 lines of 3号 body text, the title in 2号
//! serif bold, headings 一、 in the plain face and （一） in the serif, tables in 5号, and the
//! page number "— 1 —" in 4号 7 mm below the block, on the outer side (odd pages right, even
//! pages left, one character in).

use crate::print::canvas::{Align, Font, Sheet};
use crate::print::fonts::PT_TO_MM;

pub const PAGE: (f32, f32) = (210.0, 297.0);
/// The text block: left edge (the binding side), top, width and height, in mm.
pub const LEFT: f32 = 28.0;
pub const TOP: f32 = 37.0;
pub const WIDTH: f32 = 156.0;
pub const HEIGHT: f32 = 225.0;
pub const RIGHT: f32 = LEFT + WIDTH;
pub const BOTTOM: f32 = TOP + HEIGHT;

/// 3号: the body text.
pub const BODY: f32 = 16.0;
/// 22 lines to the block.
pub const LINE: f32 = HEIGHT / 22.0;
/// 2号: the title.
pub const TITLE: f32 = 22.0;
/// 5号: tables and charts.
pub const SMALL: f32 = 10.5;
/// 4号: the page number.
const FOLIO: f32 = 14.0;
/// The page number's top below the block.
const FOLIO_GAP: f32 = 7.0;

/// Two ideographic spaces: the first-line indent of paragraphs and headings.
pub const INDENT: &str = "\u{3000}\u{3000}";

/// The top of a glyph box of `size` pt centred in a line of `leading` mm starting at `y`.
pub fn glyph_top(y: f32, leading: f32, size: f32) -> f32 {
    y + (leading - size * PT_TO_MM) / 2.0
}

/// "— 3 —" under the block of page `n` (from 1): odd pages at the right, even at the left.
pub fn folio(sheet: &mut Sheet, n: usize) {
    let text = format!("— {n} —");
    let font = Font::serif(FOLIO);
    let em = FOLIO * PT_TO_MM;
    let top = BOTTOM + FOLIO_GAP;
    if n % 2 == 1 {
        sheet.text(font, RIGHT - em, top, Align::Right, &text);
    } else {
        sheet.text(font, LEFT + em, top, Align::Left, &text);
    }
}
