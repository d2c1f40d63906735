//! Reading a roster file into rows of cells: Excel workbooks (`.xlsx`, `.xls`, through calamine)
//! and text tables (`.csv`, `.txt`) in UTF-8, UTF-16 or GB18030/GBK as Excel on Chinese Windows
//! saves them, separated by commas or tabs.

use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Reader};
use chrono::NaiveDate;

use crate::error::{Error, Result};

/// One cell as the file holds it; what it means is decided by its column.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Date(NaiveDate),
}

impl Cell {
    pub fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(text) => text.trim().is_empty(),
            _ => false,
        }
    }
}

/// One worksheet (a text file is one sheet), with the number of the file's row its first row is
/// so messages can name the row the secretary sees in Excel.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub name: String,
    pub first_row: usize,
    pub rows: Vec<Vec<Cell>>,
}

impl Sheet {
    /// The row number Excel shows for a row of `rows`.
    pub fn line(&self, index: usize) -> usize {
        self.first_row + index
    }
}

/// The field that file errors are reported at in the import dialog.
pub const FILE_FIELD: &str = "file";

fn unreadable(path: &Path, why: &str) -> Error {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    Error::validation(FILE_FIELD, format!("无法读取“{name}”：{why}"))
}

/// Reads every sheet of a roster file, judging its kind by its content, so a workbook saved
/// with the wrong extension still opens; anything that is neither is read as text.
pub fn read(path: &Path) -> Result<Vec<Sheet>> {
    let bytes = std::fs::read(path).map_err(|e| Error::file(path, e))?;
    let extension = path.extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
    let workbook_like = matches!(extension.as_str(), "xlsx" | "xlsm" | "xls") || is_workbook(&bytes);
    if workbook_like {
        return read_workbook(&bytes).map_err(|why| unreadable(path, why));
    }
    read_text(&bytes).map(|sheet| vec![sheet]).map_err(|why| unreadable(path, why))
}

/// A zip (xlsx) or an OLE compound file (xls) by their first bytes.
fn is_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
}

fn cell_of(data: &Data) -> Cell {
    match data {
        Data::Empty | Data::Error(_) => Cell::Empty,
        Data::String(text) => Cell::Text(text.clone()),
        Data::Int(n) => Cell::Number(*n as f64),
        Data::Float(n) => Cell::Number(*n),
        Data::Bool(b) => Cell::Text(if *b { "是" } else { "否" }.to_owned()),
        Data::DateTime(dt) if dt.is_datetime() => dt.as_datetime().map_or(Cell::Empty, |d| Cell::Date(d.date())),
        Data::DateTime(dt) => Cell::Number(dt.as_f64()),
        Data::DateTimeIso(text) | Data::DurationIso(text) => Cell::Text(text.clone()),
    }
}

pub fn read_workbook(bytes: &[u8]) -> std::result::Result<Vec<Sheet>, &'static str> {
    let mut workbook =
        calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|_| "文件已损坏，或不是Excel工作簿")?;
    let mut sheets = Vec::new();
    for (name, range) in workbook.worksheets() {
        let (first_row, first_col) = range.start().map_or((0, 0), |(r, c)| (r as usize, c as usize));
        let rows = range
            .rows()
            .map(|row| std::iter::repeat_n(Cell::Empty, first_col).chain(row.iter().map(cell_of)).collect())
            .collect();
        sheets.push(Sheet { name, first_row: first_row + 1, rows });
    }
    if sheets.is_empty() {
        return Err("工作簿中没有工作表");
    }
    Ok(sheets)
}

/// Decodes a text table: a BOM says UTF-8 or UTF-16; without one, valid UTF-8 is UTF-8 and
/// anything else is GB18030 (a superset of GBK and GB2312), what Excel writes on Chinese Windows.
pub fn decode(bytes: &[u8]) -> std::result::Result<String, &'static str> {
    if let Some((encoding, bom_length)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom_length..]);
        return if had_errors {
            Err("文件编码有误，无法识别其中的文字")
        } else {
            Ok(text.into_owned())
        };
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(text.to_owned());
    }
    let (text, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
    if had_errors {
        return Err("文件编码无法识别（应为UTF-8或GBK）");
    }
    Ok(text.into_owned())
}

/// Tab when the first lines hold more tabs than commas (Excel's 文本文件(制表符分隔)), else comma.
fn delimiter(text: &str) -> u8 {
    let head: String = text.lines().take(10).collect();
    let tabs = head.matches('\t').count();
    let commas = head.matches(',').count();
    if tabs > commas {
        b'\t'
    } else {
        b','
    }
}

pub fn read_text(bytes: &[u8]) -> std::result::Result<Sheet, &'static str> {
    if bytes.contains(&0) && encoding_rs::Encoding::for_bom(bytes).is_none() {
        return Err("文件不是文本表格，也不是Excel工作簿");
    }
    let text = decode(bytes)?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter(&text))
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|_| "文件格式有误（引号不成对？）")?;
        rows.push(
            record
                .iter()
                .map(|field| if field.is_empty() { Cell::Empty } else { Cell::Text(field.to_owned()) })
                .collect(),
        );
    }
    Ok(Sheet { name: String::new(), first_row: 1, rows })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(sheet: &Sheet) -> Vec<Vec<String>> {
        sheet
            .rows
            .iter()
            .map(|row| row.iter().map(|c| if let Cell::Text(t) = c { t.clone() } else { format!("{c:?}") }).collect())
            .collect()
    }

    #[test]
    fn utf8_with_and_without_bom_gbk_and_utf16() {
        let table = "姓名,性别\n张三,男\n";
        let expected = vec![vec!["姓名".to_owned(), "性别".to_owned()], vec!["张三".to_owned(), "男".to_owned()]];
        assert_eq!(texts(&read_text(table.as_bytes()).expect("utf-8")), expected);
        let with_bom = [b"\xEF\xBB\xBF".as_slice(), table.as_bytes()].concat();
        assert_eq!(texts(&read_text(&with_bom).expect("utf-8 with BOM")), expected);
        let (gbk, _, _) = encoding_rs::GBK.encode(table);
        assert!(std::str::from_utf8(&gbk).is_err(), "the GBK bytes must not pass as UTF-8");
        assert_eq!(texts(&read_text(&gbk).expect("gbk")), expected);
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend(table.replace(',', "\t").encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(texts(&read_text(&utf16).expect("utf-16 tab-separated")), expected);
    }

    #[test]
    fn rare_characters_survive_gb18030() {
        // 𠮷 is outside GBK; GB18030 encodes it in four bytes.
        let (bytes, _, _) = encoding_rs::GB18030.encode("姓名\n𠮷祥\n");
        let sheet = read_text(&bytes).expect("gb18030");
        assert_eq!(sheet.rows[1], vec![Cell::Text("𠮷祥".to_owned())]);
    }

    #[test]
    fn quoted_fields_tabs_and_broken_files() {
        let sheet = read_text("姓名\t住址\n李四\t\"幸福路1号,2单元\"\n".as_bytes()).expect("tabs");
        assert_eq!(sheet.rows[1], vec![Cell::Text("李四".to_owned()), Cell::Text("幸福路1号,2单元".to_owned())]);
        let sheet = read_text("姓名,住址\n王五,\"幸福路\n3号\"\n,\n".as_bytes()).expect("a line break inside quotes");
        assert_eq!(sheet.rows[1][1], Cell::Text("幸福路\n3号".to_owned()));
        assert_eq!(sheet.rows[2], vec![Cell::Empty, Cell::Empty]);
        assert_eq!(read_text(b"PK\x03\x04\x00\x00garbage"), Err("文件不是文本表格，也不是Excel工作簿"));
        assert_eq!(read_workbook(b"PK\x03\x04\x00\x00garbage"), Err("文件已损坏，或不是Excel工作簿"));
        assert_eq!(decode(&[0xFF, 0xFE, 0x00, 0xD8]), Err("文件编码有误，无法识别其中的文字"));
    }

    #[test]
    fn a_workbook_with_a_title_row_dates_and_numbers() {
        use rust_xlsxwriter::{Format, Workbook};
        let mut book = Workbook::new();
        let sheet = book.add_worksheet().set_name("花名册").expect("name");
        sheet.merge_range(0, 0, 0, 2, "大街社区党员花名册", &Format::new()).expect("title");
        sheet.write(2, 1, "姓名").expect("header");
        sheet.write(3, 1, "张三").expect("name");
        let date = NaiveDate::from_ymd_opt(2011, 8, 22).expect("date");
        sheet.write_with_format(3, 2, &date, &Format::new().set_num_format("yyyy-mm-dd")).expect("date");
        sheet.write(3, 3, 13800138000_f64).expect("number");
        let bytes = book.save_to_buffer().expect("save");
        let sheets = read_workbook(&bytes).expect("read back");
        assert_eq!(sheets.len(), 1);
        let sheet = &sheets[0];
        assert_eq!(sheet.name, "花名册");
        assert_eq!(sheet.first_row, 1);
        assert_eq!(sheet.rows[0][0], Cell::Text("大街社区党员花名册".to_owned()));
        assert_eq!(sheet.rows[2][1], Cell::Text("姓名".to_owned()));
        assert_eq!(sheet.line(3), 4, "the member sits on Excel's row 4");
        assert_eq!(sheet.rows[3][1..], [Cell::Text("张三".to_owned()), Cell::Date(date), Cell::Number(13800138000.0)]);
    }
}
