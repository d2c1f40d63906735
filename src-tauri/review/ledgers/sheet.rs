//! One ledger sheet: a title row naming the organization and period, a header, typed cells
//! (real dates, numbers, money in 元 to the fen, shares as percentages), frozen header,
//! filters, widths, and an A4 landscape print set-up repeating the title and header rows.

use chrono::NaiveDate;
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, Worksheet};

use crate::common::xlsx::{excel_date, failed, PAPER_A4};
use crate::error::Result;
use crate::review::Share;

/// The header's fill: the app's red, faded.
const HEADER_FILL: u32 = 0xF2E6E6;

/// A value in a ledger cell, written as Excel's own type.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Int(i64),
    /// A date cell; `None` leaves the cell empty.
    Date(Option<NaiveDate>),
    /// Money kept in fen, written as a number of 元 with two decimals.
    Yuan(i64),
    /// A share written as a percentage, or "—" when there is nothing to share.
    Percent(Share),
    /// Hours kept in tenths, written as a number with one decimal.
    Hours(i64),
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }
}

/// A column: its header and width in characters.
pub struct Column {
    pub header: &'static str,
    pub width: f64,
}

pub const fn col(header: &'static str, width: f64) -> Column {
    Column { header, width }
}

/// One sheet's content.
pub struct Table {
    /// The sheet's tab name (at most 31 characters, as Excel allows).
    pub name: &'static str,
    pub columns: &'static [Column],
    pub rows: Vec<Vec<Cell>>,
}

/// The formats every sheet shares, made once per workbook.
pub struct Formats {
    title: Format,
    header: Format,
    text: Format,
    int: Format,
    date: Format,
    yuan: Format,
    percent: Format,
    hours: Format,
}

impl Default for Formats {
    fn default() -> Formats {
        let body = Format::new().set_border(FormatBorder::Thin).set_align(FormatAlign::VerticalCenter);
        Formats {
            title: Format::new().set_bold().set_font_size(16).set_align(FormatAlign::Center),
            header: body
                .clone()
                .set_bold()
                .set_background_color(HEADER_FILL)
                .set_align(FormatAlign::Center)
                .set_text_wrap(),
            text: body.clone().set_text_wrap(),
            int: body.clone().set_num_format("0"),
            date: body.clone().set_num_format("yyyy-mm-dd"),
            yuan: body.clone().set_num_format("#,##0.00"),
            percent: body.clone().set_num_format("0.0%"),
            hours: body.set_num_format("0.0"),
        }
    }
}

/// Rows above the data: the title and the header.
pub const HEAD_ROWS: u32 = 2;

/// Adds `table` as a sheet titled `title`, with a 序号 column first.
pub fn write(book: &mut Workbook, f: &Formats, title: &str, table: &Table) -> Result<()> {
    let sheet = book.add_worksheet().set_name(table.name).map_err(failed)?;
    let last_col = table.columns.len() as u16;
    sheet.merge_range(0, 0, 0, last_col, title, &f.title).map_err(failed)?;
    sheet.set_row_height(0, 30).map_err(failed)?;
    sheet.write_string_with_format(1, 0, "序号", &f.header).map_err(failed)?;
    sheet.set_column_width(0, 5).map_err(failed)?;
    for (i, c) in table.columns.iter().enumerate() {
        let col = i as u16 + 1;
        sheet.write_string_with_format(1, col, c.header, &f.header).map_err(failed)?;
        sheet.set_column_width(col, c.width).map_err(failed)?;
    }
    let header = table.columns.iter().map(|c| lines(&Cell::text(c.header), c.width)).max().unwrap_or(1);
    sheet.set_row_height(1, LINE_HEIGHT * header as f64).map_err(failed)?;
    for (n, row) in table.rows.iter().enumerate() {
        let r = HEAD_ROWS + n as u32;
        sheet.write_number_with_format(r, 0, (n + 1) as f64, &f.int).map_err(failed)?;
        for (i, cell) in row.iter().enumerate() {
            write_cell(sheet, f, r, i as u16 + 1, cell)?;
        }
        // Every row's height is set: spreadsheet programs differ in how (and whether) they grow
        // a row for wrapped text they did not lay out themselves.
        let tallest = row.iter().zip(table.columns).map(|(cell, c)| lines(cell, c.width)).max().unwrap_or(1);
        sheet.set_row_height(r, LINE_HEIGHT * tallest as f64).map_err(failed)?;
    }
    let last_row = HEAD_ROWS + table.rows.len().max(1) as u32 - 1;
    sheet.set_freeze_panes(HEAD_ROWS, 0).map_err(failed)?;
    sheet.autofilter(1, 0, last_row, last_col).map_err(failed)?;
    sheet
        .set_landscape()
        .set_paper_size(PAPER_A4)
        .set_print_fit_to_pages(1, 0)
        .set_print_center_horizontally(true)
        .set_footer("&C第 &P 页，共 &N 页")
        .set_repeat_rows(0, HEAD_ROWS - 1)
        .map_err(failed)?;
    Ok(())
}

/// The height of one line of 11-point text, in points.
const LINE_HEIGHT: f64 = 15.0;

/// How many lines a text cell wraps to in a column `width` characters wide: a Chinese character
/// takes a little over two of the width's units (as LibreOffice and WPS draw it), a Latin one,
/// and a little is kept for the cell's margins.
fn lines(cell: &Cell, width: f64) -> usize {
    let Cell::Text(s) = cell else { return 1 };
    let units: f64 = s.chars().map(|c| if c.is_ascii() { 1.0 } else { 2.3 }).sum();
    let per_line = (width - 1.0).max(2.5);
    ((units / per_line).ceil() as usize).max(1)
}

fn write_cell(sheet: &mut Worksheet, f: &Formats, r: u32, c: u16, cell: &Cell) -> Result<()> {
    let written = match cell {
        Cell::Text(s) => sheet.write_string_with_format(r, c, s, &f.text),
        Cell::Int(n) => sheet.write_number_with_format(r, c, *n as f64, &f.int),
        Cell::Date(Some(d)) => sheet.write_datetime_with_format(r, c, excel_date(*d)?, &f.date),
        Cell::Date(None) => sheet.write_blank(r, c, &f.date),
        // Fen to 元: exact in a double for any sum a county holds (below 2^53 fen).
        Cell::Yuan(fen) => sheet.write_number_with_format(r, c, *fen as f64 / 100.0, &f.yuan),
        Cell::Percent(share) if share.of > 0 => {
            sheet.write_number_with_format(r, c, share.count as f64 / share.of as f64, &f.percent)
        }
        Cell::Percent(_) => sheet.write_string_with_format(r, c, "—", &f.text),
        Cell::Hours(tenths) => sheet.write_number_with_format(r, c, *tenths as f64 / 10.0, &f.hours),
    };
    written.map(|_| ()).map_err(failed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapped_text_is_given_the_lines_it_needs() {
        // 10 characters wide keeps 9 units a line: three Chinese characters and most of a fourth.
        assert_eq!(lines(&Cell::text("代表委"), 10.0), 1);
        assert_eq!(lines(&Cell::text("代表委员"), 10.0), 2);
        assert_eq!(lines(&Cell::text("代表委员进社区"), 10.0), 2);
        assert_eq!(lines(&Cell::text("abcdefghij"), 10.0), 2);
        assert_eq!(lines(&Cell::text(""), 10.0), 1);
        assert_eq!(lines(&Cell::Int(123_456_789), 3.0), 1, "numbers are not wrapped");
    }
}
