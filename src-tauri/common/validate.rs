//! Field rules shared by every write path: ID numbers (GB 11643), names, phones, dates.
//! Each check returns the Chinese message a secretary sees under the field.

use chrono::{Datelike, NaiveDate};

use crate::common::limits;
use crate::error::{Error, Result};

/// Weights of the first 17 digits in the GB 11643-1999 checksum.
const ID_WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/// Check character for each remainder mod 11.
const ID_CHECK: [char; 11] = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];

/// What an ID number says about its holder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdInfo {
    pub birth_date: NaiveDate,
    pub male: bool,
}

/// The check character for the first 17 digits of an ID number.
pub fn id_check_char(first17: &str) -> Option<char> {
    if first17.len() != 17 || !first17.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let sum: u32 = first17.bytes().zip(ID_WEIGHTS).map(|(b, w)| u32::from(b - b'0') * w).sum();
    Some(ID_CHECK[(sum % 11) as usize])
}

/// Upper-cases a trailing `x` and trims spaces, the forms people type.
/// Full-width letters, digits and signs (what a Chinese input method types in full-width mode:
/// １３８, Ｘ, －) as their ASCII forms, and the ideographic space as a space.
pub fn halfwidth(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c,
        })
        .collect()
}

pub fn normalize_id_number(raw: &str) -> String {
    halfwidth(raw).trim().to_ascii_uppercase()
}

/// Parses an 18-character ID number (already normalized) and checks its check digit and date.
/// Any text is judged, never a panic: a pasted non-breaking space or a Chinese character is
/// just a character that is not a digit.
pub fn parse_id_number(id: &str) -> std::result::Result<IdInfo, &'static str> {
    let chars: Vec<char> = id.chars().collect();
    let [first17 @ .., last] = chars.as_slice() else { return Err("身份证号应为18位") };
    if chars.len() != 18 {
        return Err("身份证号应为18位");
    }
    if !first17.iter().all(char::is_ascii_digit) {
        return Err("身份证号前17位应为数字");
    }
    if !(last.is_ascii_digit() || *last == 'X') {
        return Err("身份证号最后一位应为数字或X");
    }
    let first17: String = first17.iter().collect();
    let birth = NaiveDate::parse_from_str(&first17[6..14], "%Y%m%d").map_err(|_| "身份证号中的出生日期不存在")?;
    if birth.year() < 1900 {
        return Err("身份证号中的出生日期不合理");
    }
    if id_check_char(&first17) != Some(*last) {
        return Err("身份证号校验位不正确，请核对");
    }
    let sequence_digit = first17.as_bytes()[16] - b'0';
    Ok(IdInfo { birth_date: birth, male: sequence_digit % 2 == 1 })
}

/// A name of 1–20 characters: Chinese (including rare characters outside the BMP),
/// the middle dot of minority and transliterated names, and Latin letters.
pub fn check_name(field: &str, name: &str) -> Result<String> {
    let name = name.trim();
    let count = name.chars().count();
    if count == 0 {
        return Err(Error::validation(field, "请填写姓名"));
    }
    if count > limits::NAME {
        return Err(Error::validation(field, format!("姓名不能超过{}个字", limits::NAME)));
    }
    // People type the dot in several ways; store the one standard form.
    let name: String = name.chars().map(|c| if matches!(c, '.' | '•' | '‧' | '・' | '．') { '·' } else { c }).collect();
    if name.starts_with('·') || name.ends_with('·') || name.contains("··") {
        return Err(Error::validation(field, "姓名中的“·”只能用在两个字之间"));
    }
    if let Some(bad) = name.chars().find(|c| !is_name_char(*c)) {
        return Err(Error::validation(field, format!("姓名中不能含有“{bad}”")));
    }
    Ok(name)
}

fn is_name_char(c: char) -> bool {
    c == '·'
        || c.is_ascii_alphabetic()
        || matches!(c as u32,
            0x3400..=0x4DBF      // CJK Extension A (䶮)
            | 0x4E00..=0x9FFF    // CJK Unified Ideographs
            | 0xF900..=0xFAFF    // CJK Compatibility Ideographs
            | 0x20000..=0x323AF  // Extensions B–H (𠮷)
            | 0x3007             // 〇
        )
}

/// A date written YYYY-MM-DD (month and day may have one digit): the year has exactly four
/// digits, so `226-11-28` and `+12026-01-01` are not dates here, whatever chrono's `%Y` accepts.
pub fn parse_ymd(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    let year = text.split('-').next()?;
    if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

/// A date typed as YYYY-MM-DD.
pub fn check_date(field: &str, label: &str, text: &str) -> Result<NaiveDate> {
    parse_ymd(text).ok_or_else(|| Error::validation(field, format!("请填写有效的{label}（格式：2026-11-28）")))
}

/// A date typed as YYYY-MM-DD that is not after today (something that has happened).
pub fn check_past_date(field: &str, label: &str, text: &str, today: NaiveDate) -> Result<NaiveDate> {
    let date = check_date(field, label, text)?;
    if date > today {
        return Err(Error::validation(field, format!("{label}不能晚于今天")));
    }
    Ok(date)
}

/// Characters that take no room and print as nothing or as a box: zero-width spaces and
/// joiners, direction marks, the word joiner, the byte-order mark and the soft hyphen. They
/// arrive with text pasted from web pages and chat programs, and are dropped.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}')
}

fn checked_text(field: &str, label: &str, value: &str, max: usize, required: bool, lines: bool) -> Result<String> {
    let value: String = value.replace("\r\n", "\n").chars().filter(|c| !is_invisible(*c)).collect();
    let value = value.trim();
    if required && value.is_empty() {
        return Err(Error::validation(field, format!("请填写{label}")));
    }
    if !lines && value.contains(['\n', '\r', '\u{2028}', '\u{2029}']) {
        return Err(Error::validation(field, format!("{label}只能写一行，请去掉换行")));
    }
    if value.chars().any(|c| c.is_control() && c != '\n') {
        return Err(Error::validation(field, format!("{label}中有无法显示和打印的控制字符，请重新输入")));
    }
    if value.chars().count() > max {
        return Err(Error::validation(field, format!("{label}不能超过{max}个字")));
    }
    Ok(value.to_owned())
}

/// A one-line text of at most `max` characters (a name, a place, a title): no line breaks or
/// control characters; invisible characters are dropped, so text made only of them is empty.
pub fn check_text(field: &str, label: &str, value: &str, max: usize, required: bool) -> Result<String> {
    checked_text(field, label, value, max, required, false)
}

/// A text of several lines (notes, duties, a diary entry) of at most `max` characters: line
/// breaks are kept (as `\n`), other control characters refused, invisible characters dropped.
pub fn check_paragraphs(field: &str, label: &str, value: &str, max: usize, required: bool) -> Result<String> {
    checked_text(field, label, value, max, required, true)
}

/// An 11-digit mobile number starting with 1, or a landline (area code optional,
/// with or without a hyphen, optional extension). Empty is allowed.
pub fn check_phone(field: &str, phone: &str) -> Result<String> {
    let phone: String = halfwidth(phone).trim().chars().filter(|c| *c != ' ').collect();
    if phone.is_empty() {
        return Ok(phone);
    }
    if phone.chars().count() > limits::PHONE {
        return Err(Error::validation(field, format!("电话不能超过{}位", limits::PHONE)));
    }
    if is_mobile(&phone) || is_landline(&phone) {
        Ok(phone)
    } else {
        Err(Error::validation(field, "电话应为11位手机号或座机号（如0877-8012345）"))
    }
}

fn is_mobile(p: &str) -> bool {
    p.len() == 11 && p.starts_with('1') && p.bytes().all(|b| b.is_ascii_digit()) && p.as_bytes()[1] >= b'3'
}

fn is_landline(p: &str) -> bool {
    let (main, ext) = match p.split_once(['转', '#']) {
        Some((m, e)) => (m, Some(e)),
        None => (p, None),
    };
    if let Some(ext) = ext {
        if ext.is_empty() || ext.len() > 6 || !ext.bytes().all(|b| b.is_ascii_digit()) {
            return false;
        }
    }
    let digits_only = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    match main.split_once('-') {
        Some((area, local)) => {
            area.starts_with('0')
                && (3..=4).contains(&area.len())
                && digits_only(area)
                && (7..=8).contains(&local.len())
                && digits_only(local)
        }
        None => {
            digits_only(main)
                && ((7..=8).contains(&main.len()) && !main.starts_with('0')
                    || (main.starts_with('0') && (10..=12).contains(&main.len())))
        }
    }
}

/// Whether someone born on `birth` had turned `years` on `on`.
pub fn age_reached(birth: NaiveDate, years: i32, on: NaiveDate) -> bool {
    let birthday = NaiveDate::from_ymd_opt(birth.year() + years, birth.month(), birth.day())
        // Born on 29 February: the birthday in a common year is 1 March.
        .unwrap_or_else(|| NaiveDate::from_ymd_opt(birth.year() + years, 3, 1).unwrap_or(birth));
    on >= birthday
}

/// Party members join at 18 or older, and not in the future.
pub fn check_joined_on(birth: NaiveDate, joined: NaiveDate, today: NaiveDate) -> Result<()> {
    if joined > today {
        return Err(Error::validation("joinedOn", "入党日期不能晚于今天"));
    }
    if !age_reached(birth, 18, joined) {
        return Err(Error::validation("joinedOn", "入党日期不能早于年满18周岁之日"));
    }
    Ok(())
}

pub fn check_birth_date(birth: NaiveDate, today: NaiveDate) -> Result<()> {
    if birth > today {
        return Err(Error::validation("birthDate", "出生日期不能晚于今天"));
    }
    if birth.year() < 1900 {
        return Err(Error::validation("birthDate", "出生日期不合理"));
    }
    Ok(())
}

/// Long free text cut to what one line can hold, with "…" where it was cut.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        format!("{}…", text.chars().take(max).collect::<String>())
    }
}

/// Masks the middle of an ID number: `5304211980****1234`.
pub fn mask_id_number(id: &str) -> String {
    let chars: Vec<char> = id.chars().collect();
    if chars.len() < 8 {
        return "*".repeat(chars.len());
    }
    let head: String = chars[..10.min(chars.len() - 4)].iter().collect();
    let tail: String = chars[chars.len() - 4..].iter().collect();
    format!("{head}****{tail}")
}

/// Masks a phone: mobile `138****5678`, landline keeps area code and last 2.
pub fn mask_phone(phone: &str) -> String {
    let chars: Vec<char> = phone.chars().collect();
    if chars.len() == 11 && is_mobile(phone) {
        let head: String = chars[..3].iter().collect();
        let tail: String = chars[7..].iter().collect();
        return format!("{head}****{tail}");
    }
    if chars.len() <= 4 {
        return phone.to_owned();
    }
    let keep_head = phone.find('-').map(|i| phone[..=i].chars().count()).unwrap_or(0);
    let head: String = chars[..keep_head].iter().collect();
    let tail: String = chars[chars.len() - 2..].iter().collect();
    format!("{head}{}{tail}", "*".repeat(chars.len() - keep_head - 2))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn check_digit_follows_gb11643() {
        // The standard's own example.
        assert_eq!(id_check_char("11010519491231002"), Some('X'));
        assert_eq!(id_check_char("44052418800101001"), Some('4'));
        assert_eq!(id_check_char("53042119800101123"), Some('2'));
    }

    #[test]
    fn valid_id_numbers_parse_with_birth_and_gender() {
        let info = parse_id_number("11010519491231002X").unwrap();
        assert_eq!(info.birth_date, d("1949-12-31"));
        assert!(!info.male);
        let info = parse_id_number("530421198001011232").unwrap();
        assert_eq!(info.birth_date, d("1980-01-01"));
        assert!(info.male);
    }

    /// The shared vectors: the UI's quick check (idcard.test.ts) reads the same file.
    #[test]
    fn id_numbers_as_typed_get_the_verdicts_the_ui_gives_too() {
        let vectors: serde_json::Value =
            serde_json::from_str(include_str!("../../tests/vectors/id-numbers.json")).unwrap();
        let cases = vectors["cases"].as_array().unwrap();
        assert!(cases.len() >= 30, "{} cases", cases.len());
        for case in cases {
            let (name, input, expect) = (&case["name"], case["input"].as_str().unwrap(), &case["expect"]);
            let verdict = match parse_id_number(&normalize_id_number(input)) {
                Ok(info) => serde_json::json!({
                    "birthDate": info.birth_date.to_string(),
                    "gender": if info.male { "male" } else { "female" },
                }),
                Err(message) => serde_json::json!({ "error": message }),
            };
            assert_eq!(&verdict, expect, "{name}: {input:?}");
        }
    }

    #[test]
    fn a_birth_date_lies_between_1900_and_today() {
        let today = d("2026-11-28");
        assert!(check_birth_date(today, today).is_ok(), "born today");
        assert!(check_birth_date(d("1900-01-01"), today).is_ok());
        let late = check_birth_date(d("2026-11-29"), today).unwrap_err();
        assert_eq!((late.field(), late.to_string().as_str()), (Some("birthDate"), "出生日期不能晚于今天"));
        let early = check_birth_date(d("1899-12-31"), today).unwrap_err();
        assert_eq!((early.field(), early.to_string().as_str()), (Some("birthDate"), "出生日期不合理"));
    }

    #[test]
    fn a_past_date_may_be_today_but_not_tomorrow() {
        let today = d("2026-11-28");
        assert_eq!(check_past_date("visitedOn", "走访日期", "2026-11-27", today).unwrap(), d("2026-11-27"));
        assert_eq!(check_past_date("visitedOn", "走访日期", " 2026-11-28 ", today).unwrap(), today);
        let err = check_past_date("visitedOn", "走访日期", "2026-11-29", today).unwrap_err();
        assert_eq!((err.field(), err.to_string().as_str()), (Some("visitedOn"), "走访日期不能晚于今天"));
        let err = check_past_date("visitedOn", "走访日期", "2026-02-30", today).unwrap_err();
        assert_eq!(err.to_string(), "请填写有效的走访日期（格式：2026-11-28）");
    }

    #[test]
    fn a_check_character_needs_exactly_seventeen_digits() {
        assert_eq!(id_check_char("11010519491231002"), Some('X'));
        assert_eq!(id_check_char("1101051949123100"), None, "sixteen digits");
        assert_eq!(id_check_char("110105194912310021"), None, "eighteen digits");
        assert_eq!(id_check_char("1101051949123100A"), None, "a letter among seventeen");
    }

    #[test]
    fn wrong_check_digit_is_refused() {
        assert_eq!(parse_id_number("530421198001011237"), Err("身份证号校验位不正确，请核对"));
        assert_eq!(parse_id_number("110105194912310021"), Err("身份证号校验位不正确，请核对"));
    }

    #[test]
    fn impossible_birth_dates_in_id_are_refused() {
        // 30 February and 29 February of a common year.
        let first = "53042119800230123";
        let id = format!("{first}{}", id_check_char(first).unwrap());
        assert_eq!(parse_id_number(&id), Err("身份证号中的出生日期不存在"));
        let first = "53042119810229123";
        let id = format!("{first}{}", id_check_char(first).unwrap());
        assert_eq!(parse_id_number(&id), Err("身份证号中的出生日期不存在"));
        // 29 February of a leap year exists.
        let first = "53042119800229123";
        let id = format!("{first}{}", id_check_char(first).unwrap());
        assert!(parse_id_number(&id).is_ok());
    }

    #[test]
    fn id_length_and_characters_are_checked() {
        assert_eq!(parse_id_number("53042119800101123"), Err("身份证号应为18位"));
        assert_eq!(parse_id_number("5304211980010112326"), Err("身份证号应为18位"));
        assert_eq!(parse_id_number("53042119800101A236"), Err("身份证号前17位应为数字"));
        assert_eq!(parse_id_number("53042119800101123Y"), Err("身份证号最后一位应为数字或X"));
    }

    #[test]
    fn any_eighteen_characters_are_judged_without_a_panic() {
        // Byte 17 falls inside a multi-byte character in each of these.
        assert_eq!(parse_id_number("5304211980010112\u{a0}3"), Err("身份证号前17位应为数字"));
        assert_eq!(parse_id_number("5304211980010112张3"), Err("身份证号前17位应为数字"));
        assert_eq!(parse_id_number("53042119800101123张"), Err("身份证号最后一位应为数字或X"));
        assert_eq!(parse_id_number("张张张张张张张张张张张张张张张张张张"), Err("身份证号前17位应为数字"));
        assert_eq!(parse_id_number(""), Err("身份证号应为18位"));
    }

    #[test]
    fn dates_need_a_four_digit_year() {
        assert_eq!(parse_ymd("2026-11-28"), Some(d("2026-11-28")));
        assert_eq!(parse_ymd(" 2026-1-5 "), Some(d("2026-01-05")));
        for bad in [
            "226-11-28",
            "+12026-01-01",
            "02026-01-01",
            "-2026-01-01",
            "2026-02-30",
            "2026/11/28",
            "",
            "二〇二六-11-28",
        ] {
            assert_eq!(parse_ymd(bad), None, "{bad}");
        }
        let err = check_date("signedOn", "签订日期", "226-11-28").unwrap_err();
        assert_eq!((err.kind(), err.field()), (crate::error::ErrorKind::Validation, Some("signedOn")));
        assert_eq!(err.to_string(), "请填写有效的签订日期（格式：2026-11-28）");
    }

    #[test]
    fn one_line_texts_refuse_breaks_and_control_characters() {
        let refused = |value: &str| check_text("place", "地点", value, 60, true).unwrap_err().to_string();
        assert_eq!(refused("大街社区\n居委会"), "地点只能写一行，请去掉换行");
        assert_eq!(refused("大街社区\r居委会"), "地点只能写一行，请去掉换行");
        assert_eq!(refused("大街\u{7}社区"), "地点中有无法显示和打印的控制字符，请重新输入");
        assert_eq!(refused("大街\t社区"), "地点中有无法显示和打印的控制字符，请重新输入");
        assert_eq!(refused("\u{200B}\u{FEFF}\u{200D}"), "请填写地点", "invisible characters alone are nothing");
        assert_eq!(check_text("place", "地点", "大街\u{200B}社区\u{FEFF}", 60, true).unwrap(), "大街社区");
        assert_eq!(check_text("place", "地点", "", 60, false).unwrap(), "");
        assert_eq!(
            check_text("place", "地点", &"街".repeat(60), 60, true).unwrap(),
            "街".repeat(60),
            "the limit itself"
        );
        let err = check_text("place", "地点", &"街".repeat(61), 60, true).unwrap_err();
        assert_eq!((err.field(), err.to_string().as_str()), (Some("place"), "地点不能超过60个字"));
    }

    #[test]
    fn paragraphs_keep_line_breaks_but_not_other_control_characters() {
        assert_eq!(check_paragraphs("notes", "备注", "第一行\r\n第二行\n", 500, false).unwrap(), "第一行\n第二行");
        let err = check_paragraphs("notes", "备注", "第一行\u{1b}[31m", 500, false).unwrap_err();
        assert_eq!(
            (err.field(), err.to_string().as_str()),
            (Some("notes"), "备注中有无法显示和打印的控制字符，请重新输入")
        );
        assert_eq!(
            check_paragraphs("notes", "备注", "\u{200B}\n\u{200B}", 500, true).unwrap_err().to_string(),
            "请填写备注"
        );
    }

    #[test]
    fn names_allow_dots_and_rare_characters() {
        for name in ["张三", "阿依古丽·买买提", "王堃", "李喆", "赵燚", "牛犇", "陈淼", "刘赟", "李䶮", "𠮷野", "A"]
        {
            assert_eq!(check_name("name", name).unwrap(), name, "{name}");
        }
        assert_eq!(check_name("name", " 阿依.买买提 ").unwrap(), "阿依·买买提");
    }

    #[test]
    fn bad_names_are_refused() {
        let refused = |name: &str| check_name("name", name).unwrap_err().to_string();
        assert_eq!(refused(""), "请填写姓名");
        assert_eq!(refused("   "), "请填写姓名");
        assert_eq!(refused(&"王".repeat(21)), "姓名不能超过20个字");
        assert!(check_name("name", &"𠮷".repeat(20)).is_ok(), "20 characters, even outside the BMP");
        for dotted in ["·张三", "张三·", "阿依古丽··买买提", "阿依古丽.·买买提"] {
            assert_eq!(refused(dotted), "姓名中的“·”只能用在两个字之间", "{dotted}");
        }
        assert_eq!(check_name("name", "阿依古丽.买买提").unwrap(), "阿依古丽·买买提", "the dot as people type it");
        assert_eq!(refused("张3"), "姓名中不能含有“3”");
        assert_eq!(refused("张<b>"), "姓名中不能含有“<”");
        assert_eq!(check_name("name", "张3").unwrap_err().field(), Some("name"));
    }

    #[test]
    fn full_width_input_is_read_as_ascii() {
        assert_eq!(halfwidth("１３８１２３４５６７８"), "13812345678");
        assert_eq!(halfwidth("０８７７－８０１２３４５　"), "0877-8012345 ");
        assert_eq!(normalize_id_number(" ５３０４２１１９８５０６１５０３１ｘ"), "53042119850615031X");
        assert_eq!(check_phone("phone", "１３８ １２３４ ５６７８").unwrap(), "13812345678");
        assert_eq!(halfwidth("欧阳喆"), "欧阳喆", "Chinese text is left alone");
    }

    #[test]
    fn phones_mobile_and_landline() {
        // The last is exactly 20 characters, the limit.
        for ok in
            ["13812345678", "0877-8012345", "08778012345", "8012345", "0877-80123456转123", "", "0877-80123456转123456"]
        {
            assert!(check_phone("phone", ok).is_ok(), "{ok}");
        }
        let err = check_phone("phone", "0877-80123456转1234567").unwrap_err();
        assert_eq!(err.to_string(), "电话不能超过20位");
        let extensions = ["0877-8012345转", "0877-8012345转1234567", "0877-8012345转12a", "0877-8012345#"];
        let letters = ["0877-80a2345", "0a77-8012345", "8012a45", "0877801234a"];
        for bad in ["1381234567", "138123456789", "12812345678", "phone", "0877-12", "877-8012345"]
            .into_iter()
            .chain(extensions)
            .chain(letters)
        {
            let err = check_phone("phone", bad).unwrap_err();
            assert_eq!(
                (err.field(), err.to_string().as_str()),
                (Some("phone"), "电话应为11位手机号或座机号（如0877-8012345）"),
                "{bad}"
            );
        }
    }

    #[test]
    fn joining_needs_eighteen_years_and_not_the_future() {
        let birth = d("2000-03-15");
        let today = d("2026-11-28");
        assert!(check_joined_on(birth, d("2018-03-15"), today).is_ok());
        let too_young = |e: Error| (e.field().map(str::to_owned), e.to_string());
        let under_age = (Some("joinedOn".to_owned()), "入党日期不能早于年满18周岁之日".to_owned());
        assert_eq!(too_young(check_joined_on(birth, d("2018-03-14"), today).unwrap_err()), under_age);
        assert!(check_joined_on(birth, d("2026-11-28"), today).is_ok());
        assert_eq!(
            too_young(check_joined_on(birth, d("2026-11-29"), today).unwrap_err()),
            (Some("joinedOn".to_owned()), "入党日期不能晚于今天".to_owned())
        );
        // Born on 29 February: of age on 1 March of a common year.
        let leap = d("2004-02-29");
        assert_eq!(too_young(check_joined_on(leap, d("2022-02-28"), today).unwrap_err()), under_age);
        assert!(check_joined_on(leap, d("2022-03-01"), today).is_ok());
    }

    #[test]
    fn masks_keep_only_what_identifies_the_row() {
        assert_eq!(mask_id_number("530421198001011232"), "5304211980****1232");
        // Stored numbers are 18 characters; anything shorter keeps its ends only, or nothing.
        assert_eq!(mask_id_number("123456789012"), "12345678****9012");
        assert_eq!(mask_id_number("12345678"), "1234****5678");
        assert_eq!(mask_id_number("1234567"), "*******");
        assert_eq!(mask_phone("13812345678"), "138****5678");
        assert_eq!(mask_phone("0877-8012345"), "0877-*****45");
        assert_eq!(mask_phone("08778012345"), "*********45", "eleven digits, but a landline");
    }
}
