//! Money as the ledgers keep it: whole fen (yuan × 100) in integers, never floating point.
//! Parsing takes what a secretary types — "450000", "450,000.50", "45万", "45万元", "0.5万".

use crate::common::validate::halfwidth;
use crate::error::{Error, Result};

/// Parses an amount in yuan (optionally in 万) into fen, exactly.
pub fn parse_yuan(field: &str, text: &str) -> Result<i64> {
    let bad = || Error::validation(field, "请填写金额（元），如 450000、4500.50 或 45万");
    // A Chinese input method may type full-width digits (４５万), a full-width point and a
    // leading ¥ or ￥.
    let t: String = halfwidth(text)
        .trim()
        .trim_start_matches(['¥', '￥'])
        .trim_end_matches('元')
        .chars()
        .filter(|c| *c != ',' && !c.is_whitespace())
        .map(|c| if c == '。' { '.' } else { c })
        .collect();
    let (number, wan) = match t.strip_suffix('万') {
        Some(n) => (n, true),
        None => (t.as_str(), false),
    };
    let (whole, frac) = number.split_once('.').unwrap_or((number, ""));
    if whole.is_empty() || !whole.chars().all(|c| c.is_ascii_digit()) || !frac.chars().all(|c| c.is_ascii_digit()) {
        return Err(bad());
    }
    // Fen per unit typed, and how many decimal places that unit allows.
    let (scale, places): (i64, usize) = if wan { (1_000_000, 6) } else { (100, 2) };
    if frac.len() > places {
        return Err(Error::validation(field, if wan { "金额最多精确到分" } else { "金额最多两位小数（精确到分）" }));
    }
    let whole: i64 = whole.parse().map_err(|_| bad())?;
    let frac_value: i64 = if frac.is_empty() { 0 } else { frac.parse().map_err(|_| bad())? };
    let frac_fen = frac_value * scale / 10_i64.pow(frac.len() as u32);
    let fen = whole.checked_mul(scale).and_then(|w| w.checked_add(frac_fen)).ok_or_else(bad)?;
    if fen <= 0 {
        return Err(Error::validation(field, "金额应大于0"));
    }
    if fen > 100_000_000_000 * 100 {
        return Err(Error::validation(field, "金额过大，请核对"));
    }
    Ok(fen)
}

/// "¥450,000.00", as the ledgers write money.
pub fn format_fen(fen: i64) -> String {
    let yuan = fen / 100;
    let digits = yuan.to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!("¥{grouped}.{:02}", fen % 100)
}

/// As a report's sentence writes money: "45万元", "45.36万元", "8,600元", "8,600.50元" — exact to
/// the fen, in 万元 from ten thousand yuan up.
pub fn in_words(fen: i64) -> String {
    if fen >= 1_000_000 {
        // 万元 with up to six decimals is exact to the fen; trailing zeros go.
        let whole = fen / 1_000_000;
        let rest = format!("{:06}", fen % 1_000_000);
        let rest = rest.trim_end_matches('0');
        return if rest.is_empty() { format!("{whole}万元") } else { format!("{whole}.{rest}万元") };
    }
    let text = format_fen(fen);
    let text = text.trim_start_matches('¥');
    format!("{}元", text.strip_suffix(".00").unwrap_or(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_parsed_exactly_in_fen() {
        for (text, fen) in [
            ("450000", 45_000_000),
            ("45万", 45_000_000),
            ("45万元", 45_000_000),
            ("450,000.00元", 45_000_000),
            ("0.5万", 500_000),
            ("4500.5", 450_050),
            ("0.01", 1),
            ("1.23万", 1_230_000),
            ("0.000001万", 1),
            // 0.1 + 0.2 style sums are exact because nothing is floating point.
            ("0.30", 30),
            ("¥450,000.00", 45_000_000),
            ("￥4500", 450_000),
            ("４５万", 45_000_000),
            ("４５００．５０元", 450_050),
        ] {
            assert_eq!(parse_yuan("amount", text).unwrap(), fen, "{text}");
        }
        const FORM: &str = "请填写金额（元），如 450000、4500.50 或 45万";
        for (bad, message) in [
            ("", FORM),
            ("abc", FORM),
            ("-5", FORM),
            ("5..0", FORM),
            ("1e5", FORM),
            ("45千", FORM),
            ("¥", FORM),
            ("¥-5", FORM),
            ("四十五万", FORM),
            ("1.234", "金额最多两位小数（精确到分）"),
            ("0.0000001万", "金额最多精确到分"),
            ("0", "金额应大于0"),
            ("0.00", "金额应大于0"),
            ("100000000000.01", "金额过大，请核对"),
            ("99999999999999999999", FORM),
        ] {
            let err = parse_yuan("amount", bad).unwrap_err();
            assert_eq!((err.field(), err.to_string().as_str()), (Some("amount"), message), "{bad}");
        }
        assert_eq!(parse_yuan("amount", "100000000000").unwrap(), 100_000_000_000 * 100, "the largest amount");
    }

    /// The shared vectors: the window's formatFen (format.test.ts) reads the same file.
    #[test]
    fn amounts_are_shown_as_the_window_shows_them() {
        let vectors: serde_json::Value = serde_json::from_str(include_str!("../../tests/vectors/money.json")).unwrap();
        for case in vectors["cases"].as_array().unwrap() {
            assert_eq!(format_fen(case["fen"].as_i64().unwrap()), case["text"].as_str().unwrap(), "{case}");
        }
    }

    #[test]
    fn amounts_are_shown_with_grouped_yuan_and_fen() {
        assert_eq!(format_fen(45_000_000), "¥450,000.00");
        assert_eq!(format_fen(1), "¥0.01");
        assert_eq!(format_fen(123_456_789), "¥1,234,567.89");
    }

    #[test]
    fn a_sentence_writes_money_in_wan_exactly() {
        assert_eq!(in_words(45_000_000), "45万元");
        assert_eq!(in_words(45_360_000), "45.36万元");
        assert_eq!(in_words(1_250_050), "1.25005万元");
        assert_eq!(in_words(860_000), "8,600元");
        assert_eq!(in_words(860_050), "8,600.50元");
    }
}
