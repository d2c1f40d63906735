//! Cell values as secretaries type them in Excel, turned into what the member form takes:
//! dates in a dozen spellings and as Excel serials, 汉/汉族, 男/女, full-width digits, ID numbers
//! with spaces — and an ID number that Excel has already damaged, which is reported, never guessed.

use chrono::{Datelike, NaiveDate};

use super::sheet::Cell;
use crate::common::catalog::{Category, Gender, EDUCATIONS, ETHNICITIES};
use crate::common::validate::halfwidth;

/// What a date cell holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateValue {
    Empty,
    Day(NaiveDate),
    /// `2011.08`, `2011年8月`: a year and month without a day.
    Month {
        year: i32,
        month: u32,
    },
    Unreadable,
}

/// Day 0 of Excel's 1900 date system; serial 60 is the 29 February 1900 that never was,
/// so serials from 61 on count from here and every date people type lands right.
fn excel_epoch() -> NaiveDate {
    NaiveDate::from_ymd_opt(1899, 12, 30).unwrap_or_default()
}

/// A number Excel shows as a date: whole days since its epoch, from 1900-03-01 to 2199.
pub fn date_from_serial(serial: f64) -> Option<NaiveDate> {
    if !(61.0..110_000.0).contains(&serial) {
        return None;
    }
    excel_epoch().checked_add_days(chrono::Days::new(serial.trunc() as u64))
}

fn month_of(year: i32, month: u32) -> DateValue {
    if (1..=12).contains(&month) {
        DateValue::Month { year, month }
    } else {
        DateValue::Unreadable
    }
}

fn day_of(year: i32, month: u32, day: u32) -> DateValue {
    NaiveDate::from_ymd_opt(year, month, day).map_or(DateValue::Unreadable, DateValue::Day)
}

/// Reads a typed date: `2011-08-22`, `2011/8/22`, `2011.8.22`, `20110822`, `2011年8月22日`,
/// and the months `2011.08`, `2011-8`, `201108`, `2011年8月`. Years have four digits.
pub fn parse_date_text(text: &str) -> DateValue {
    let text = halfwidth(text);
    let text = text.trim();
    // A time of day after the date (a date cell pasted as text): keep the date.
    let text = match text.split_once([' ', 'T']) {
        Some((date, time)) if time.contains(':') => date,
        _ => text,
    };
    let text: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if text.is_empty() {
        return DateValue::Empty;
    }
    let digits_only = text.bytes().all(|b| b.is_ascii_digit());
    if digits_only {
        let num = |range: std::ops::Range<usize>| text[range].parse::<u32>().unwrap_or(0);
        return match text.len() {
            8 => day_of(num(0..4) as i32, num(4..6), num(6..8)),
            6 => month_of(num(0..4) as i32, num(4..6)),
            _ => DateValue::Unreadable,
        };
    }
    let text = text.trim_end_matches(['日', '号']);
    let parts: Vec<&str> = text.split(['-', '/', '.', '年', '月']).collect();
    let parts: Vec<&str> = match parts.as_slice() {
        // `2011年8月` splits into ["2011", "8", ""].
        [rest @ .., ""] if text.ends_with('月') => rest.to_vec(),
        _ => parts,
    };
    if parts.iter().any(|p| p.is_empty() || p.len() > 4 || !p.bytes().all(|b| b.is_ascii_digit())) {
        return DateValue::Unreadable;
    }
    if parts[0].len() != 4 || parts[1..].iter().any(|p| p.len() > 2) {
        return DateValue::Unreadable;
    }
    let n = |i: usize| parts[i].parse::<u32>().unwrap_or(0);
    match parts.len() {
        3 => day_of(n(0) as i32, n(1), n(2)),
        2 => month_of(n(0) as i32, n(1)),
        _ => DateValue::Unreadable,
    }
}

/// A date cell of any kind: a real date cell, an Excel serial, or text.
pub fn parse_date(cell: &Cell) -> DateValue {
    match cell {
        Cell::Empty => DateValue::Empty,
        Cell::Date(date) => DateValue::Day(*date),
        Cell::Number(n) => match date_from_serial(*n) {
            Some(date) if n.fract() == 0.0 => DateValue::Day(date),
            // 20110822 or 201108 typed into a number cell.
            _ if n.fract() == 0.0 && *n > 0.0 => parse_date_text(&format!("{n:.0}")),
            _ => DateValue::Unreadable,
        },
        Cell::Text(text) => parse_date_text(text),
    }
}

impl DateValue {
    /// The form's spelling (`2011-08-22`), or `None` when there is no whole day.
    pub fn ymd(self) -> Option<String> {
        match self {
            DateValue::Day(d) => Some(format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())),
            _ => None,
        }
    }
}

/// Why an ID number cell cannot be read as written.
pub const ID_STORED_AS_NUMBER: &str = "身份证号被Excel存成了数字，末几位已丢失：请将该列设为文本后重新录入";
pub const ID_TRAILING_ZEROS: &str =
    "身份证号末尾为000且校验位不符，可能已被Excel按数字保存而丢失末几位：请将该列设为文本后重新录入";

/// An ID number cell as text: spaces and full-width forms removed, `x` upper-cased. A number cell
/// (Excel keeps 15 digits, an ID has 18) or scientific notation is damaged beyond repair.
pub fn id_number(cell: &Cell) -> Result<String, &'static str> {
    match cell {
        Cell::Empty => Ok(String::new()),
        Cell::Number(_) | Cell::Date(_) => Err(ID_STORED_AS_NUMBER),
        Cell::Text(text) => {
            let id: String =
                halfwidth(text).chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_uppercase();
            let scientific = id.contains("E+") && id.chars().all(|c| c.is_ascii_digit() || "E+.".contains(c));
            if scientific {
                return Err(ID_STORED_AS_NUMBER);
            }
            Ok(id)
        }
    }
}

/// Whether a valid-looking ID number with a wrong check digit ends the way Excel leaves numbers
/// it has cut to 15 digits.
pub fn looks_truncated(id: &str) -> bool {
    id.len() == 18 && id.ends_with("000") && id.bytes().all(|b| b.is_ascii_digit())
}

/// The text of a cell as typed into a form field, trimmed (full-width forms are the field's
/// rules' to read: an address keeps its （）); numbers without a needless `.0`.
pub fn text(cell: &Cell) -> String {
    match cell {
        Cell::Empty => String::new(),
        Cell::Text(text) => text.trim().to_owned(),
        Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{n:.0}"),
        Cell::Number(n) => n.to_string(),
        Cell::Date(d) => d.format("%Y-%m-%d").to_string(),
    }
}

/// 男/女, also written 男性/女性.
pub fn gender(text: &str) -> Option<Gender> {
    match text.trim() {
        "男" | "男性" => Some(Gender::Male),
        "女" | "女性" => Some(Gender::Female),
        _ => None,
    }
}

/// A 民族 from the list, written with or without 族 (汉 → 汉族).
pub fn ethnicity(text: &str) -> Option<&'static str> {
    let text = text.trim();
    ETHNICITIES.iter().copied().find(|e| *e == text || e.strip_suffix('族') == Some(text))
}

/// 学历 from the list, or one of the names people use for it (本科, 大专, 中专, 硕士 …).
pub fn education(text: &str) -> Option<&'static str> {
    let text = text.trim();
    if let Some(known) = EDUCATIONS.iter().copied().find(|e| *e == text) {
        return Some(known);
    }
    let synonym = match text {
        "硕士" | "博士" | "硕士研究生" | "博士研究生" | "研究生及以上" => "研究生",
        "本科" | "大本" => "大学本科",
        "大专" | "专科" => "大学专科",
        "中专" | "中技" | "技校" | "职高" => "中等专科",
        "高中及以下" => "高中",
        _ => return None,
    };
    EDUCATIONS.iter().copied().find(|e| *e == synonym)
}

/// 党员类别 by its label or the short words rosters use (在职, 无职, 两委, 窗口 …).
pub fn category(text: &str) -> Option<Category> {
    let text = text.trim();
    if let Some(exact) = Category::ALL.iter().copied().find(|c| c.label() == text) {
        return Some(exact);
    }
    let by_word: [(&str, Category); 6] = [
        ("两委", Category::Committee),
        ("窗口", Category::WindowPost),
        ("驻", Category::StationedFrontline),
        ("企业", Category::EnterpriseFrontline),
        ("社会组织", Category::EnterpriseFrontline),
        ("无职", Category::NoPost),
    ];
    if let Some((_, c)) = by_word.iter().find(|(word, _)| text.contains(word)) {
        return Some(*c);
    }
    text.contains("在职").then_some(Category::InService)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> DateValue {
        DateValue::Day(NaiveDate::from_ymd_opt(y, m, d).expect("a real date"))
    }

    #[test]
    fn dates_as_people_type_them() {
        for text in [
            "2011-08-22",
            "2011/8/22",
            "2011.8.22",
            "20110822",
            "2011年8月22日",
            "２０１１．８．２２",
            " 2011-8-22 ",
            "2011-08-22 00:00:00",
            "2011年8月22号",
        ] {
            assert_eq!(parse_date_text(text), day(2011, 8, 22), "{text}");
        }
        for text in ["2011.08", "2011.8", "2011-8", "2011/08", "201108", "2011年8月", "2011年08月"] {
            assert_eq!(parse_date_text(text), DateValue::Month { year: 2011, month: 8 }, "{text}");
        }
        assert_eq!(parse_date_text(""), DateValue::Empty);
        assert_eq!(parse_date_text("  "), DateValue::Empty);
        for text in [
            "2011-02-30",
            "2011.13",
            "11.8.22",
            "2011-8-22-1",
            "二〇一一年",
            "2011",
            "8/22/2011",
            "2011年",
            "2011..8",
            "201113",
            "2011-123-1",
        ] {
            assert_eq!(parse_date_text(text), DateValue::Unreadable, "{text}");
        }
    }

    #[test]
    fn excel_serials_and_date_cells() {
        // 40777 is 2011-08-22 in Excel; 61 is 1900-03-01; 60 is Excel's 1900-02-29, which never was.
        assert_eq!(parse_date(&Cell::Number(40777.0)), day(2011, 8, 22));
        assert_eq!(parse_date(&Cell::Number(61.0)), day(1900, 3, 1));
        assert_eq!(parse_date(&Cell::Number(60.0)), DateValue::Unreadable);
        assert_eq!(parse_date(&Cell::Number(40777.5)), DateValue::Unreadable);
        assert_eq!(parse_date(&Cell::Number(20110822.0)), day(2011, 8, 22));
        assert_eq!(parse_date(&Cell::Number(201108.0)), DateValue::Month { year: 2011, month: 8 });
        assert_eq!(parse_date(&Cell::Number(-3.0)), DateValue::Unreadable);
        let date = NaiveDate::from_ymd_opt(1990, 1, 1).expect("date");
        assert_eq!(parse_date(&Cell::Date(date)), DateValue::Day(date));
        assert_eq!(parse_date(&Cell::Empty), DateValue::Empty);
        assert_eq!(day(2011, 8, 2).ymd().as_deref(), Some("2011-08-02"));
        assert_eq!(DateValue::Month { year: 2011, month: 8 }.ymd(), None);
    }

    #[test]
    fn id_numbers_typed_and_damaged() {
        let text = |s: &str| Cell::Text(s.to_owned());
        assert_eq!(id_number(&text(" 440305 19900101 123x ")).as_deref(), Ok("44030519900101123X"));
        assert_eq!(id_number(&text("４４０３０５１９９００１０１１２３Ｘ")).as_deref(), Ok("44030519900101123X"));
        assert_eq!(id_number(&Cell::Empty).as_deref(), Ok(""));
        assert_eq!(id_number(&Cell::Number(4.40305199e17)), Err(ID_STORED_AS_NUMBER));
        assert_eq!(id_number(&text("4.40305E+17")), Err(ID_STORED_AS_NUMBER));
        assert_eq!(id_number(&text("4.40305e+17")), Err(ID_STORED_AS_NUMBER));
        assert!(looks_truncated("440305199001011000"));
        assert!(!looks_truncated("440305199001011230"));
        assert!(!looks_truncated("44030519900101100X"));
        assert!(!looks_truncated("4403051990010110000"));
    }

    #[test]
    fn words_for_gender_ethnicity_education_and_category() {
        assert_eq!(gender("男"), Some(Gender::Male));
        assert_eq!(gender(" 女性 "), Some(Gender::Female));
        assert_eq!(gender("M"), None);
        assert_eq!(ethnicity("汉"), Some("汉族"));
        assert_eq!(ethnicity("汉族"), Some("汉族"));
        assert_eq!(ethnicity("蒙古"), Some("蒙古族"));
        assert_eq!(ethnicity("火星"), None);
        assert_eq!(education("本科"), Some("大学本科"));
        assert_eq!(education("大专"), Some("大学专科"));
        assert_eq!(education("高中"), Some("高中"));
        assert_eq!(education("幼儿园"), None);
        assert_eq!(category("在职党员"), Some(Category::InService));
        assert_eq!(category("在职"), Some(Category::InService));
        assert_eq!(category("无职党员"), Some(Category::NoPost));
        assert_eq!(category("社区两委成员"), Some(Category::Committee));
        assert_eq!(category("社区“两委”成员"), Some(Category::Committee));
        assert_eq!(category("窗口岗位"), Some(Category::WindowPost));
        assert_eq!(category("驻社区单位一线党员"), Some(Category::StationedFrontline));
        assert_eq!(category("社会组织"), Some(Category::EnterpriseFrontline));
        assert_eq!(category("离退休"), None);
    }

    #[test]
    fn cell_text_as_a_field_holds_it() {
        assert_eq!(text(&Cell::Number(13800138000.0)), "13800138000");
        assert_eq!(text(&Cell::Number(2.5)), "2.5");
        assert_eq!(text(&Cell::Text("\u{3000}幸福路（东段） ".to_owned())), "幸福路（东段）");
        assert_eq!(text(&Cell::Empty), "");
    }
}
