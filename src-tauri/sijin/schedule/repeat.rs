//! How a repeating 服务安排 entry repeats — every week on a weekday, a month's first … fourth or
//! last weekday, or a day of the month (the month's last day where the month is shorter) — and
//! the dates it gives in a month.

use chrono::{Datelike, NaiveDate, Weekday};

use crate::common::period::Period;

const WEEKDAYS: [&str; 7] = ["一", "二", "三", "四", "五", "六", "日"];
const NTH: [&str; 4] = ["一", "二", "三", "四"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Repeat {
    /// 每周二: `weekly:2` (1 = Monday … 7 = Sunday).
    Weekly(Weekday),
    /// 每月第一个周六 `nth:1:6`, 每月最后一个周五 `nth:-1:5`.
    Nth(i8, Weekday),
    /// 每月15日 `day:15`; 31 in a 30-day month is its 30th, in February its last day.
    Day(u32),
}

fn weekday(n: &str) -> Option<Weekday> {
    match n.parse::<u8>().ok()? {
        d @ 1..=7 => Some(Weekday::try_from(d - 1).ok()?),
        _ => None,
    }
}

impl Repeat {
    /// Reads a rule as stored; `None` for anything else.
    pub fn parse(code: &str) -> Option<Repeat> {
        let parts: Vec<&str> = code.trim().split(':').collect();
        match parts.as_slice() {
            ["weekly", d] => Some(Repeat::Weekly(weekday(d)?)),
            ["nth", n, d] => match n.parse::<i8>().ok()? {
                n @ (1..=4 | -1) => Some(Repeat::Nth(n, weekday(d)?)),
                _ => None,
            },
            ["day", d] => match d.parse::<u32>().ok()? {
                d @ 1..=31 => Some(Repeat::Day(d)),
                _ => None,
            },
            _ => None,
        }
    }

    pub fn code(self) -> String {
        match self {
            Repeat::Weekly(d) => format!("weekly:{}", d.number_from_monday()),
            Repeat::Nth(n, d) => format!("nth:{n}:{}", d.number_from_monday()),
            Repeat::Day(d) => format!("day:{d}"),
        }
    }

    /// The rule in words: 每周二, 每月第一个周六, 每月最后一个周五, 每月15日.
    pub fn label(self) -> String {
        let day = |d: Weekday| format!("周{}", WEEKDAYS[d.num_days_from_monday() as usize]);
        match self {
            Repeat::Weekly(d) => format!("每{}", day(d)),
            Repeat::Nth(-1, d) => format!("每月最后一个{}", day(d)),
            Repeat::Nth(n, d) => format!("每月第{}个{}", NTH[(n as usize).clamp(1, 4) - 1], day(d)),
            Repeat::Day(d) => format!("每月{d}日"),
        }
    }

    /// The dates the rule gives in `month` on or after `from`, in order.
    pub fn dates(self, month: Period, from: NaiveDate) -> Vec<NaiveDate> {
        let (first, last) = month.bounds();
        let days = first.iter_days().take_while(|d| *d <= last);
        let dates: Vec<NaiveDate> = match self {
            Repeat::Weekly(w) => days.filter(|d| d.weekday() == w).collect(),
            Repeat::Nth(n, w) => {
                let all: Vec<NaiveDate> = days.filter(|d| d.weekday() == w).collect();
                let pick = if n < 0 { all.last() } else { all.get(n as usize - 1) };
                pick.copied().into_iter().collect()
            }
            Repeat::Day(d) => vec![first.with_day(d.min(last.day())).unwrap_or(last)],
        };
        dates.into_iter().filter(|d| *d >= from).collect()
    }
}

/// The ways a plan starting on `date` can repeat in its month, in words: every week on its
/// weekday, the month's n-th (and, in its last week, last) such weekday, the day of the month.
pub fn options(date: NaiveDate) -> Vec<Repeat> {
    let w = date.weekday();
    let nth = (date.day() - 1) / 7 + 1;
    let last = Period::month_of(date).last();
    let mut out = vec![Repeat::Weekly(w)];
    if nth <= 4 {
        out.push(Repeat::Nth(nth as i8, w));
    }
    if last.day() - date.day() < 7 {
        out.push(Repeat::Nth(-1, w));
    }
    out.push(Repeat::Day(date.day()));
    out
}

/// A month's day for a date copied from another month: the same day, or the month's last day
/// where the month is shorter (31 January → 28 or 29 February).
pub fn same_day_in(month: Period, day: u32) -> NaiveDate {
    let (first, last) = month.bounds();
    first.with_day(day.min(last.day())).unwrap_or(last)
}

/// The weekday in words, as the plan and the printed sheet show it: 周二.
pub fn weekday_label(d: NaiveDate) -> String {
    format!("周{}", WEEKDAYS[d.weekday().num_days_from_monday() as usize])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::common::validate::parse_ymd;

    fn d(s: &str) -> NaiveDate {
        parse_ymd(s).unwrap()
    }

    fn days(r: &str, month: Period, from: &str) -> Vec<u32> {
        Repeat::parse(r).unwrap().dates(month, d(from)).iter().map(|d| d.day()).collect()
    }

    #[test]
    fn rules_read_and_write_their_codes_and_words() {
        for (code, label) in [
            ("weekly:2", "每周二"),
            ("weekly:7", "每周日"),
            ("nth:1:6", "每月第一个周六"),
            ("nth:4:1", "每月第四个周一"),
            ("nth:-1:5", "每月最后一个周五"),
            ("day:15", "每月15日"),
        ] {
            let r = Repeat::parse(code).unwrap();
            assert_eq!((r.code(), r.label()), (code.to_owned(), label.to_owned()));
        }
        for bad in
            ["", "weekly", "weekly:0", "weekly:8", "nth:5:1", "nth:0:1", "nth:-2:1", "day:0", "day:32", "monthly:1"]
        {
            assert_eq!(Repeat::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn weekly_dates_fall_on_the_weekday_from_the_start() {
        // December 2026 begins on a Tuesday.
        assert_eq!(days("weekly:2", Period::Month(2026, 12), "2026-12-01"), [1, 8, 15, 22, 29]);
        assert_eq!(days("weekly:2", Period::Month(2026, 12), "2026-12-09"), [15, 22, 29]);
        assert_eq!(days("weekly:4", Period::Month(2026, 12), "2026-12-01"), [3, 10, 17, 24, 31]);
    }

    #[test]
    fn nth_weekdays_and_the_last_one() {
        assert_eq!(days("nth:1:6", Period::Month(2026, 12), "2026-12-01"), [5]);
        assert_eq!(days("nth:-1:4", Period::Month(2026, 12), "2026-12-01"), [31], "the month's very last day");
        // February 2027 has four Mondays (1, 8, 15, 22); a fourth exists, a fifth would not.
        assert_eq!(days("nth:4:1", Period::Month(2027, 2), "2027-02-01"), [22]);
        assert_eq!(days("nth:1:6", Period::Month(2026, 12), "2026-12-06"), Vec::<u32>::new(), "started after it");
    }

    #[test]
    fn a_day_beyond_a_short_month_is_its_last_day_leap_years_included() {
        assert_eq!(days("day:31", Period::Month(2026, 11), "2026-11-01"), [30]);
        assert_eq!(days("day:31", Period::Month(2027, 2), "2027-02-01"), [28]);
        assert_eq!(days("day:30", Period::Month(2028, 2), "2028-02-01"), [29], "2028 is a leap year");
        assert_eq!(days("day:29", Period::Month(2100, 2), "2100-02-01"), [28], "2100 is not");
        assert_eq!(days("day:15", Period::Month(2026, 12), "2026-12-01"), [15]);
        assert_eq!(same_day_in(Period::Month(2027, 2), 31), d("2027-02-28"));
        assert_eq!(same_day_in(Period::Month(2028, 2), 30), d("2028-02-29"));
        assert_eq!(same_day_in(Period::Month(2026, 12), 31), d("2026-12-31"));
        assert_eq!(weekday_label(d("2026-12-01")), "周二");
    }

    #[test]
    fn a_dates_repeat_options_follow_its_weekday_and_place_in_the_month() {
        let labels = |s: &str| options(d(s)).into_iter().map(Repeat::label).collect::<Vec<_>>();
        assert_eq!(labels("2026-12-01"), ["每周二", "每月第一个周二", "每月1日"]);
        assert_eq!(labels("2026-12-26"), ["每周六", "每月第四个周六", "每月最后一个周六", "每月26日"]);
        assert_eq!(labels("2026-12-29"), ["每周二", "每月最后一个周二", "每月29日"], "a fifth Tuesday is the last");
    }
}
