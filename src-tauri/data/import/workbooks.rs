//! The workbooks the import dialog saves: the blank template with the expected headers (ID
//! numbers kept as text, lists to choose from, a sheet of instructions), and the rows with
//! errors with a 错误原因 column, to be fixed in Excel and imported again.

use rust_xlsxwriter::{DataValidation, Format, Workbook, Worksheet};

use super::columns::Column;
use super::preview::{ImportPreview, RowOutcome};
use crate::common::catalog::{Category, Gender, EDUCATIONS};
use crate::common::xlsx::{failed, PAPER_A4};
use crate::error::Result;

/// Rows the template's lists and formats reach.
const TEMPLATE_ROWS: u32 = 2000;

fn header_format() -> Format {
    Format::new().set_bold().set_background_color(0xF2E6E6).set_text_wrap()
}

fn width(column: Column) -> f64 {
    match column {
        Column::IdNumber => 22.0,
        Column::Org | Column::WorkUnit | Column::Address => 26.0,
        Column::Category => 22.0,
        Column::BirthDate | Column::JoinedOn | Column::Phone => 14.0,
        Column::Notes => 30.0,
        _ => 9.0,
    }
}

fn page_setup(sheet: &mut Worksheet) {
    sheet.set_landscape().set_paper_size(PAPER_A4);
}

/// The blank template: one header row in the import's words, ready for a secretary's roster.
pub fn template() -> Result<Vec<u8>> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name("党员花名册").map_err(failed)?;
    let text = Format::new().set_num_format("@");
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for (col, column) in Column::ALL.iter().enumerate() {
        let col = col as u16;
        sheet.write_string_with_format(0, col, column.label(), &header_format()).map_err(failed)?;
        sheet.set_column_width(col, width(*column)).map_err(failed)?;
        let format = match column {
            // Typed as numbers, Excel keeps 15 digits of an 18-digit ID number and loses the rest.
            Column::IdNumber | Column::Phone => Some(&text),
            Column::BirthDate | Column::JoinedOn => Some(&date),
            _ => None,
        };
        if let Some(format) = format {
            for row in 1..=TEMPLATE_ROWS {
                sheet.write_blank(row, col, format).map_err(failed)?;
            }
        }
        let choices: Option<Vec<&str>> = match column {
            Column::Gender => Some(Gender::ALL.iter().map(|g| g.label()).collect()),
            Column::Category => Some(Category::ALL.iter().map(|c| c.label()).collect()),
            Column::Education => Some(EDUCATIONS.to_vec()),
            _ => None,
        };
        if let Some(choices) = choices {
            let rule = DataValidation::new().allow_list_strings(&choices).map_err(failed)?;
            sheet.add_data_validation(1, col, TEMPLATE_ROWS, col, &rule).map_err(failed)?;
        }
    }
    sheet.set_freeze_panes(1, 0).map_err(failed)?;
    page_setup(sheet);
    let notes = book.add_worksheet().set_name("填写说明").map_err(failed)?;
    let lines = [
        "每行一名党员；第一行是表头，可以保留表头上方的标题行。".to_owned(),
        format!(
            "必填：{}；性别、出生日期可由身份证号得出。",
            Column::ALL.iter().filter(|c| c.required()).map(|c| c.label()).collect::<Vec<_>>().join("、")
        ),
        "日期写作 2011-08-22、2011/8/22、2011.8.22 或 2011年8月22日。".to_owned(),
        "身份证号一列已设为文本，请勿改为数字，否则末几位会丢失。".to_owned(),
        "所在支部写组织架构中的名称，重名时写上级，如“大街社区党总支/第一党支部”。".to_owned(),
        format!("党员类别：{}。", Category::ALL.iter().map(|c| c.label()).collect::<Vec<_>>().join("、")),
    ];
    notes.set_column_width(0, 90).map_err(failed)?;
    for (row, line) in lines.iter().enumerate() {
        notes.write_string(row as u32, 0, line).map_err(failed)?;
    }
    book.save_to_buffer().map_err(failed)
}

/// The header of the column that tells why a row was not imported.
pub const REASON: &str = "错误原因";

/// The rows with errors, each with its file's values and the reasons, under the file's header.
pub fn error_rows(preview: &ImportPreview) -> Result<Vec<u8>> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name("未导入的行").map_err(failed)?;
    let text = Format::new().set_num_format("@");
    let reason_format = Format::new().set_font_color(0xC00000).set_text_wrap();
    let reason_col = preview.headers.len() as u16;
    for (col, header) in preview.headers.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, header, &header_format()).map_err(failed)?;
        sheet
            .set_column_width(col as u16, preview.columns.get(col).copied().flatten().map_or(10.0, width))
            .map_err(failed)?;
    }
    sheet.write_string_with_format(0, reason_col, REASON, &header_format()).map_err(failed)?;
    sheet.set_column_width(reason_col, 50).map_err(failed)?;
    let failed_rows = preview.rows.iter().filter(|r| r.outcome == RowOutcome::Error);
    for (row, failed_row) in (1u32..).zip(failed_rows) {
        for (col, value) in failed_row.values.iter().enumerate() {
            // Everything as text: an ID number or a date stays exactly as the file had it.
            sheet.write_string_with_format(row, col as u16, value, &text).map_err(failed)?;
        }
        let reasons: Vec<String> = failed_row
            .errors
            .iter()
            .map(|e| match e.column {
                Some(c) => format!("【{}】{}", c.label(), e.message),
                None => e.message.clone(),
            })
            .collect();
        let reason = format!("第{}行：{}", failed_row.line, reasons.join("；"));
        sheet.write_string_with_format(row, reason_col, reason, &reason_format).map_err(failed)?;
    }
    sheet.set_freeze_panes(1, 0).map_err(failed)?;
    page_setup(sheet);
    book.save_to_buffer().map_err(failed)
}

#[cfg(test)]
mod tests {
    use super::super::{columns, sheet};
    use super::*;

    #[test]
    fn the_template_reads_back_as_an_empty_roster_with_every_column() {
        let bytes = template().expect("template");
        let sheets = sheet::read_workbook(&bytes).expect("read back");
        assert_eq!(sheets.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(), ["党员花名册", "填写说明"]);
        let (index, found) = columns::find_header(&sheets[0]).expect("a header");
        assert_eq!(index, 0);
        assert_eq!(found, Column::ALL.iter().copied().map(Some).collect::<Vec<_>>());
        assert!(
            sheets[0].rows.iter().skip(1).all(|r| r.iter().all(sheet::Cell::is_blank)),
            "no example rows to import by mistake"
        );
    }
}
