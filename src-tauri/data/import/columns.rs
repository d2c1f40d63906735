//! The roster's columns: which member field each header names (with the synonyms rosters use),
//! and finding the header row below title rows such as a merged “大街社区党员花名册”.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::sheet::{Cell, Sheet};
use crate::common::validate::halfwidth;

/// A member field a column can hold. The first header of each is the template's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename = "ImportColumn")]
pub enum Column {
    Name,
    Gender,
    Ethnicity,
    BirthDate,
    JoinedOn,
    IdNumber,
    Phone,
    Org,
    Category,
    Education,
    WorkUnit,
    Address,
    Notes,
}

impl Column {
    /// In the template's order.
    pub const ALL: [Column; 13] = [
        Column::Name,
        Column::Gender,
        Column::Ethnicity,
        Column::BirthDate,
        Column::JoinedOn,
        Column::IdNumber,
        Column::Phone,
        Column::Org,
        Column::Category,
        Column::Education,
        Column::WorkUnit,
        Column::Address,
        Column::Notes,
    ];

    /// The headers that name this column, best first: the first is the template's.
    pub fn headers(self) -> &'static [&'static str] {
        match self {
            Column::Name => &["姓名", "党员姓名"],
            Column::Gender => &["性别"],
            Column::Ethnicity => &["民族"],
            Column::BirthDate => &["出生日期", "出生年月", "出生年月日", "出生时间"],
            Column::JoinedOn => &["入党时间", "入党日期", "入党年月", "转正时间", "转正日期"],
            Column::IdNumber => &["公民身份号码", "身份证号", "身份证号码", "身份证"],
            Column::Phone => &["联系电话", "手机", "手机号码", "手机号", "电话", "联系方式"],
            Column::Org => &["所在支部", "所属党组织", "党组织", "所在党组织", "所在党支部", "党支部", "支部"],
            Column::Category => &["党员类别", "类别"],
            Column::Education => &["学历", "文化程度"],
            Column::WorkUnit => &["工作单位", "单位及职务", "工作单位及职务", "单位"],
            Column::Address => &["现居住地", "家庭住址", "住址", "现住址", "居住地址", "家庭地址"],
            Column::Notes => &["备注"],
        }
    }

    pub fn label(self) -> &'static str {
        self.headers()[0]
    }

    /// Whether a member cannot be saved without it. Gender and birth date can come from the ID
    /// number, and the organization from the one chosen for the whole file.
    pub fn required(self) -> bool {
        matches!(self, Column::Name | Column::Ethnicity | Column::JoinedOn | Column::Category)
    }
}

/// A header as compared: no spaces (`姓  名`), half-width, and without a bracketed note
/// (`出生日期（年月日）`, `联系电话(手机)`).
fn normalized(header: &str) -> String {
    let header: String = halfwidth(header).chars().filter(|c| !c.is_whitespace() && *c != '*').collect();
    match header.find(['(', '（', '【', '[']) {
        Some(at) if at > 0 => header[..at].to_owned(),
        _ => header,
    }
}

/// Which column a header names, and how well: 0 for the column's first header, more for a synonym.
fn recognise(header: &str) -> Option<(Column, usize)> {
    let header = normalized(header);
    Column::ALL.iter().find_map(|c| c.headers().iter().position(|h| *h == header).map(|rank| (*c, rank)))
}

/// The columns of a header row: each cell's column, a column kept only for its best-named cell
/// (a roster with 入党时间 and 转正时间 takes 入党时间).
pub fn map_header(row: &[Cell]) -> Vec<Option<Column>> {
    let recognised: Vec<Option<(Column, usize)>> =
        row.iter().map(|cell| if let Cell::Text(text) = cell { recognise(text) } else { None }).collect();
    recognised
        .iter()
        .enumerate()
        .map(|(i, found)| {
            let (column, rank) = (*found)?;
            let better_elsewhere = recognised.iter().enumerate().any(
                |(j, other)| matches!(other, Some((c, r)) if *c == column && (*r < rank || (*r == rank && j < i))),
            );
            (!better_elsewhere).then_some(column)
        })
        .collect()
}

/// How many rows from the top are searched for the header.
const HEADER_SEARCH_ROWS: usize = 30;

/// The header row: among the first rows, the one naming the most columns, at least 姓名 and one
/// other. Title rows, notes and empty rows above it are passed over.
pub fn find_header(sheet: &Sheet) -> Option<(usize, Vec<Option<Column>>)> {
    let mut best: Option<(usize, Vec<Option<Column>>, usize)> = None;
    for (index, row) in sheet.rows.iter().take(HEADER_SEARCH_ROWS).enumerate() {
        let columns = map_header(row);
        let count = columns.iter().flatten().count();
        if count >= 2 && columns.contains(&Some(Column::Name)) && best.as_ref().is_none_or(|(_, _, c)| count > *c) {
            best = Some((index, columns, count));
        }
    }
    best.map(|(index, columns, _)| (index, columns))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[&str]) -> Vec<Cell> {
        cells.iter().map(|c| if c.is_empty() { Cell::Empty } else { Cell::Text((*c).to_owned()) }).collect()
    }

    #[test]
    fn headers_with_synonyms_spaces_and_notes() {
        let header = row(&[
            "序号",
            "姓  名",
            "性别",
            "民族",
            "出生年月",
            "入党日期",
            "身份证号码",
            "手机号码",
            "所属党组织",
            "类别",
            "文化程度",
            "单位及职务",
            "家庭住址",
            "备注",
        ]);
        let columns = map_header(&header);
        assert_eq!(columns[0], None, "序号 is not a member field");
        assert_eq!(columns[1..].iter().copied().collect::<Option<Vec<_>>>(), Some(Column::ALL.to_vec()));
        assert_eq!(
            map_header(&row(&["出生日期（年月日）", "联系电话(手机)", "*姓名", "公民身份号码【18位】"])),
            vec![Some(Column::BirthDate), Some(Column::Phone), Some(Column::Name), Some(Column::IdNumber)]
        );
    }

    #[test]
    fn the_best_named_of_two_columns_wins() {
        let columns = map_header(&row(&["姓名", "转正时间", "入党时间", "电话", "手机"]));
        assert_eq!(columns, vec![Some(Column::Name), None, Some(Column::JoinedOn), None, Some(Column::Phone)]);
        let columns = map_header(&row(&["姓名", "电话", "电话"]));
        assert_eq!(columns, vec![Some(Column::Name), Some(Column::Phone), None], "the first of two equal headers");
    }

    #[test]
    fn the_header_below_a_title_and_an_empty_row() {
        let sheet = Sheet {
            name: String::new(),
            first_row: 1,
            rows: vec![
                row(&["大街社区党员花名册"]),
                row(&[]),
                row(&["填报单位：大街社区党总支", "", "姓名"]),
                row(&["序号", "姓名", "性别", "民族"]),
                row(&["1", "张三", "男", "汉族"]),
            ],
        };
        let (index, columns) = find_header(&sheet).expect("a header");
        assert_eq!(index, 3);
        assert_eq!(columns, vec![None, Some(Column::Name), Some(Column::Gender), Some(Column::Ethnicity)]);
        let no_names =
            Sheet {
                name: String::new(), first_row: 1, rows: vec![row(&["性别", "民族"]), row(&["男", "汉族"])]
            };
        assert_eq!(find_header(&no_names), None);
    }
}
