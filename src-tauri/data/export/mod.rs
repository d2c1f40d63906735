//! 导出花名册: the roster's current filter as an `.xlsx` in the import's columns — real date cells,
//! ID numbers as text, a frozen header with filters, A4 landscape — with ID numbers and phones
//! masked unless the user asks for them whole. Exported unmasked, the file imports back as it was.

mod store;

use std::collections::HashMap;

use rust_xlsxwriter::{Format, Workbook};
use sqlx::SqlitePool;

use crate::common::validate::{mask_id_number, mask_phone};
use crate::common::xlsx::{excel_date, failed, PAPER_A4};
use crate::data::import::columns::Column;
use crate::error::Result;
use crate::roster::members::{self, MemberQuery};
use crate::roster::orgs::store as org_store;

/// The header of the column after the import's, which the import leaves alone.
pub const STATUS: &str = "状态";

/// What an export wrote, for the message that reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Exported {
    pub members: usize,
}

/// The organization as the import finds it again: its parent's name and its own, unless the
/// organization has no parent.
fn org_names(orgs: &[crate::roster::orgs::Organization]) -> HashMap<i64, String> {
    let names: HashMap<i64, &str> = orgs.iter().map(|o| (o.id, o.name.as_str())).collect();
    orgs.iter()
        .map(|o| {
            let name = match o.parent_id.and_then(|p| names.get(&p)) {
                Some(parent) => format!("{parent}/{}", o.name),
                None => o.name.clone(),
            };
            (o.id, name)
        })
        .collect()
}

/// The members `query` finds (every page of it) as an `.xlsx`.
pub async fn members_workbook(pool: &SqlitePool, query: &MemberQuery, unmasked: bool) -> Result<(Vec<u8>, Exported)> {
    let ids = members::matching_ids(pool, query).await?;
    let mut conn = pool.acquire().await?;
    let rows = store::rows(&mut conn, &ids).await?;
    let orgs = org_names(&org_store::list(&mut conn).await?);
    drop(conn);

    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name("党员花名册").map_err(failed)?;
    let header = Format::new().set_bold().set_background_color(0xF2E6E6);
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let text = Format::new().set_num_format("@");
    let mut headers: Vec<&str> = Column::ALL.iter().map(|c| c.label()).collect();
    headers.push(STATUS);
    for (col, title) in headers.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, *title, &header).map_err(failed)?;
    }
    for (r, m) in (1u32..).zip(&rows) {
        for (col, column) in Column::ALL.iter().enumerate() {
            let col = col as u16;
            let written = match column {
                Column::Name => sheet.write_string(r, col, &m.name),
                Column::Gender => sheet.write_string(r, col, m.gender.label()),
                Column::Ethnicity => sheet.write_string(r, col, &m.ethnicity),
                Column::BirthDate => sheet.write_datetime_with_format(r, col, excel_date(m.birth_date)?, &date),
                Column::JoinedOn => sheet.write_datetime_with_format(r, col, excel_date(m.joined_on)?, &date),
                Column::IdNumber => {
                    let id = m.id_number.as_deref().unwrap_or_default();
                    let shown = if unmasked || id.is_empty() { id.to_owned() } else { mask_id_number(id) };
                    sheet.write_string_with_format(r, col, shown, &text)
                }
                Column::Phone => {
                    let shown = if unmasked { m.phone.clone() } else { mask_phone(&m.phone) };
                    sheet.write_string_with_format(r, col, shown, &text)
                }
                Column::Org => sheet.write_string(r, col, orgs.get(&m.org_id).map(String::as_str).unwrap_or_default()),
                Column::Category => sheet.write_string(r, col, m.category.label()),
                Column::Education => sheet.write_string(r, col, &m.education),
                Column::WorkUnit => sheet.write_string(r, col, &m.work_unit),
                Column::Address => sheet.write_string(r, col, &m.address),
                Column::Notes => sheet.write_string(r, col, &m.notes),
            };
            written.map_err(failed)?;
        }
        sheet.write_string(r, Column::ALL.len() as u16, m.status.label()).map_err(failed)?;
    }
    let widths: [f64; 14] = [9.0, 5.0, 8.0, 11.0, 11.0, 21.0, 14.0, 34.0, 22.0, 10.0, 22.0, 26.0, 20.0, 6.0];
    for (col, width) in widths.iter().enumerate() {
        sheet.set_column_width(col as u16, *width).map_err(failed)?;
    }
    sheet.set_freeze_panes(1, 0).map_err(failed)?;
    sheet.autofilter(0, 0, rows.len() as u32, Column::ALL.len() as u16).map_err(failed)?;
    sheet
        .set_landscape()
        .set_paper_size(PAPER_A4)
        .set_print_fit_to_pages(1, 0)
        .set_repeat_rows(0, 0)
        .map_err(failed)?;
    let bytes = book.save_to_buffer().map_err(failed)?;
    Ok((bytes, Exported { members: rows.len() }))
}
