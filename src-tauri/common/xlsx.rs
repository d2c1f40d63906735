//! What every workbook the app writes shares: the A4 paper code, date cells, and the error a
//! failed write becomes.

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{ExcelDateTime, XlsxError};

use crate::error::{Error, Result};

/// Excel's paper code for A4.
pub const PAPER_A4: u8 = 9;

/// A failed workbook write, as the user is told of it.
pub fn failed(e: XlsxError) -> Error {
    Error::Io(std::io::Error::other(format!("无法生成Excel文件：{e}")))
}

/// A date as an Excel date cell's value.
pub fn excel_date(date: NaiveDate) -> Result<ExcelDateTime> {
    ExcelDateTime::from_ymd(date.year() as u16, date.month() as u8, date.day() as u8).map_err(failed)
}
