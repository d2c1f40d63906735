//! Property tests of the import's readers: any bytes, any text in any cell, any header — judged
//! without a panic, and a date the reader accepts reads back as the same day.

use chrono::NaiveDate;
use proptest::prelude::*;

use super::columns::{self, Column};
use super::orgs::OrgMatcher;
use super::rows::{self, RowCells, RowDefaults};
use super::sheet::{self, Cell, Sheet};
use super::values::{self, DateValue};

fn cell() -> impl Strategy<Value = Cell> {
    prop_oneof![
        Just(Cell::Empty),
        "\\PC{0,24}".prop_map(Cell::Text),
        // The words and shapes a roster holds, so rows get past the first check sometimes.
        prop::sample::select(vec!["姓名", "性别", "男", "汉", "2011.8", "2011-08-22", "530421198001011232", "在职"])
            .prop_map(|s| Cell::Text(s.to_owned())),
        any::<f64>().prop_map(Cell::Number),
        (0..80_000u64).prop_map(|n| Cell::Number(n as f64)),
    ]
}

fn day() -> impl Strategy<Value = NaiveDate> {
    (1900..=2100i32, 1..=366u32).prop_map(|(y, n)| {
        NaiveDate::from_yo_opt(y, n).or_else(|| NaiveDate::from_yo_opt(y, 365)).expect("a day of the year")
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_bytes_are_read_as_text_or_refused_without_a_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = sheet::read_text(&bytes);
        let _ = sheet::decode(&bytes);
    }

    #[test]
    fn any_bytes_are_refused_as_a_workbook_without_a_panic(bytes in prop::collection::vec(any::<u8>(), 0..400), zip in any::<bool>()) {
        let bytes = if zip { [b"PK\x03\x04".as_slice(), &bytes].concat() } else { bytes };
        let _ = sheet::read_workbook(&bytes);
    }

    #[test]
    fn a_workbook_cut_short_is_refused_or_read_without_a_panic(cut in 0.0..1.0f64) {
        let whole = super::workbooks::template().expect("template");
        let _ = sheet::read_workbook(&whole[..(whole.len() as f64 * cut) as usize]);
    }

    #[test]
    fn any_text_is_judged_as_a_date_and_a_day_read_is_the_day_written(text in "\\PC{0,16}", born in day(), style in 0..5usize) {
        let _ = values::parse_date_text(&text);
        use chrono::Datelike;
        let (y, m, d) = (born.year(), born.month(), born.day());
        let written = match style {
            0 => format!("{y}-{m:02}-{d:02}"),
            1 => format!("{y}/{m}/{d}"),
            2 => format!("{y}.{m}.{d}"),
            3 => format!("{y}{m:02}{d:02}"),
            _ => format!("{y}年{m}月{d}日"),
        };
        prop_assert_eq!(values::parse_date_text(&written), DateValue::Day(born));
    }

    #[test]
    fn any_cell_in_any_column_is_judged_without_a_panic(cells in prop::collection::vec(cell(), 0..14), org in "\\PC{0,12}") {
        let _ = values::id_number(cells.first().unwrap_or(&Cell::Empty));
        let _ = values::parse_date(cells.first().unwrap_or(&Cell::Empty));
        let matcher = OrgMatcher::new(&[]);
        let _ = matcher.find(&org);
        let columns: Vec<Option<Column>> = Column::ALL.iter().copied().map(Some).collect();
        let today = NaiveDate::from_ymd_opt(2026, 11, 28).expect("date");
        let _ = rows::check(&RowCells { cells: &cells, columns: &columns }, &matcher, RowDefaults::default(), today);
    }

    #[test]
    fn any_grid_is_searched_for_a_header_without_a_panic(grid in prop::collection::vec(prop::collection::vec(cell(), 0..8), 0..12)) {
        let sheet = Sheet { name: String::new(), first_row: 1, rows: grid };
        if let Some((index, found)) = columns::find_header(&sheet) {
            prop_assert!(found.contains(&Some(Column::Name)));
            prop_assert!(index < sheet.rows.len());
        }
    }
}
