//! Property tests of the text people type: ID numbers, amounts of money and periods are judged
//! without a panic whatever the input, and what the app writes it reads back the same.

use chrono::{Datelike, NaiveDate};
use proptest::prelude::*;

use crate::common::money::{format_fen, parse_yuan};
use crate::common::period::Period;
use crate::common::validate::{id_check_char, normalize_id_number, parse_id_number};

/// A day between 1900 and 2100, the years an ID number or a period can name.
fn day() -> impl Strategy<Value = NaiveDate> {
    (1900..=2100i32, 1..=366u32).prop_map(|(y, n)| {
        NaiveDate::from_yo_opt(y, n).or_else(|| NaiveDate::from_yo_opt(y, 365)).expect("a day of the year")
    })
}

fn period() -> impl Strategy<Value = Period> {
    prop_oneof![
        (1000..=9999i32).prop_map(Period::Year),
        (1000..=9999i32, 1..=4u32).prop_map(|(y, q)| Period::Quarter(y, q)),
        (1000..=9999i32, 1..=12u32).prop_map(|(y, m)| Period::Month(y, m)),
        (day(), day()).prop_map(|(a, b)| Period::Range(a.min(b), a.max(b))),
    ]
}

proptest! {
    #[test]
    fn any_text_is_judged_as_an_id_number_without_a_panic(text in "\\PC{0,24}") {
        let _ = parse_id_number(&normalize_id_number(&text));
    }

    #[test]
    fn an_id_number_with_a_real_birth_date_and_its_check_digit_parses_to_that_date(
        area in "[1-6][0-9]{5}", born in day(), sequence in 0..1000u32, typed_lower in any::<bool>(),
    ) {
        let first = format!("{area}{}{sequence:03}", born.format("%Y%m%d"));
        let check = id_check_char(&first).expect("17 digits");
        let id = format!("{first}{check}");
        let typed = if typed_lower { id.to_lowercase() } else { id.clone() };
        let info = parse_id_number(&normalize_id_number(&typed)).expect("valid");
        prop_assert_eq!(info.birth_date, born);
        prop_assert_eq!(info.male, sequence % 2 == 1);
        // Any other last character is refused by its check digit.
        for other in ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X'].into_iter().filter(|c| *c != check) {
            prop_assert_eq!(parse_id_number(&format!("{first}{other}")).map(|_| ()), Err("身份证号校验位不正确，请核对"));
        }
    }

    #[test]
    fn any_text_is_judged_as_money_without_a_panic(text in "\\PC{0,30}") {
        if let Ok(fen) = parse_yuan("amount", &text) {
            prop_assert!(fen > 0);
        }
    }

    #[test]
    fn amounts_are_read_back_as_written(fen in 1..=10_000_000_000_000i64) {
        prop_assert_eq!(parse_yuan("amount", &format_fen(fen)).expect("written amounts read"), fen);
        prop_assert_eq!(parse_yuan("amount", &format!("{}.{:02}", fen / 100, fen % 100)).expect("plain"), fen);
    }

    #[test]
    fn any_text_is_judged_as_a_period_without_a_panic(text in "\\PC{0,24}") {
        if let Some(p) = Period::parse(&text) {
            prop_assert!(p.first() <= p.last());
        }
    }

    #[test]
    fn periods_are_read_back_as_written_and_bound_their_days(p in period(), inside in day()) {
        prop_assert_eq!(Period::parse(&p.to_string()), Some(p));
        let (first, last) = p.bounds();
        prop_assert!(first <= last && p.contains(first) && p.contains(last));
        prop_assert!(!p.contains(first.pred_opt().expect("a day before")));
        prop_assert!(!p.contains(last.succ_opt().expect("a day after")));
        prop_assert_eq!(p.contains(inside), first <= inside && inside <= last);
        if let Period::Month(y, m) = p {
            prop_assert_eq!((last.year(), last.month(), last.succ_opt().expect("next").day()), (y, m, 1));
        }
    }
}
