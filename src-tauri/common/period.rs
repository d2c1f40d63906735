//! A period the practices are counted over: a year ("2026"), a quarter ("2026-Q4"), a month
//! ("2026-11") or a custom range ("2026-03-01~2026-06-30"). Parsed, written and bounded in
//! one place; each feature says which kinds it accepts and in which words it asks for them.

use std::fmt;

use chrono::{Datelike, Months, NaiveDate};

use crate::common::validate::parse_ymd;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Year(i32),
    /// Year and quarter 1–4.
    Quarter(i32, u32),
    /// Year and month 1–12.
    Month(i32, u32),
    /// First and last day, both included.
    Range(NaiveDate, NaiveDate),
}

fn year(text: &str) -> Option<i32> {
    (text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit())).then(|| text.parse().ok()).flatten()
}

fn number_in(text: &str, range: std::ops::RangeInclusive<u32>) -> Option<u32> {
    (!text.is_empty() && text.len() <= 2 && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
        .filter(|n| range.contains(n))
}

impl Period {
    /// Reads the forms above (a lower-case `q` too); `None` for anything else, including a
    /// range that ends before it starts.
    pub fn parse(text: &str) -> Option<Period> {
        let text = text.trim();
        if let Some((from, to)) = text.split_once('~') {
            let (from, to) = (parse_ymd(from)?, parse_ymd(to)?);
            return (from <= to).then_some(Period::Range(from, to));
        }
        match text.split_once('-') {
            None => year(text).map(Period::Year),
            Some((y, rest)) => {
                let y = year(y)?;
                match rest.strip_prefix(['Q', 'q']) {
                    Some(q) => number_in(q, 1..=4).map(|q| Period::Quarter(y, q)),
                    None => number_in(rest, 1..=12).map(|m| Period::Month(y, m)),
                }
            }
        }
    }

    pub fn year_of(day: NaiveDate) -> Period {
        Period::Year(day.year())
    }

    pub fn quarter_of(day: NaiveDate) -> Period {
        Period::Quarter(day.year(), (day.month() - 1) / 3 + 1)
    }

    pub fn month_of(day: NaiveDate) -> Period {
        Period::Month(day.year(), day.month())
    }

    /// The first day of the period.
    pub fn first(self) -> NaiveDate {
        let day = |y, m| NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(NaiveDate::MIN);
        match self {
            Period::Year(y) => day(y, 1),
            Period::Quarter(y, q) => day(y, (q - 1) * 3 + 1),
            Period::Month(y, m) => day(y, m),
            Period::Range(first, _) => first,
        }
    }

    /// The last day of the period, included.
    pub fn last(self) -> NaiveDate {
        let months = match self {
            Period::Year(_) => 12,
            Period::Quarter(..) => 3,
            Period::Month(..) => 1,
            Period::Range(_, last) => return last,
        };
        let first = self.first();
        first.checked_add_months(Months::new(months)).and_then(|d| d.pred_opt()).unwrap_or(first)
    }

    /// First and last day.
    pub fn bounds(self) -> (NaiveDate, NaiveDate) {
        (self.first(), self.last())
    }

    pub fn contains(self, day: NaiveDate) -> bool {
        self.first() <= day && day <= self.last()
    }
}

/// Written the way `parse` reads it.
impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Period::Year(y) => write!(f, "{y}"),
            Period::Quarter(y, q) => write!(f, "{y}-Q{q}"),
            Period::Month(y, m) => write!(f, "{y}-{m:02}"),
            Period::Range(a, b) => write!(f, "{a}~{b}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        parse_ymd(s).unwrap()
    }

    #[test]
    fn every_kind_parses_and_is_written_back_the_same() {
        for (text, period) in [
            ("2026", Period::Year(2026)),
            ("2026-Q4", Period::Quarter(2026, 4)),
            ("2026-11", Period::Month(2026, 11)),
            ("2026-03-01~2026-06-30", Period::Range(d("2026-03-01"), d("2026-06-30"))),
        ] {
            assert_eq!(Period::parse(text), Some(period), "{text}");
            assert_eq!(period.to_string(), text);
        }
        assert_eq!(Period::parse(" 2026-q1 "), Some(Period::Quarter(2026, 1)));
        assert_eq!(Period::parse("2026-1"), Some(Period::Month(2026, 1)));
    }

    #[test]
    fn nonsense_is_not_a_period() {
        for bad in [
            "",
            "soon",
            "226",
            "20266",
            "2026-Q5",
            "2026-Q0",
            "2026-13",
            "2026-00",
            "2026-001",
            "2026-+1",
            "2026-Q+1",
            "2026-Q001",
            "2026-",
            "2026-06-30~2026-03-01",
            "2026-02-30~2026-03-01",
        ] {
            assert_eq!(Period::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn bounds_follow_the_calendar() {
        assert_eq!(Period::Month(2026, 2).bounds(), (d("2026-02-01"), d("2026-02-28")));
        assert_eq!(Period::Month(2024, 2).bounds(), (d("2024-02-01"), d("2024-02-29")));
        assert_eq!(Period::Month(2026, 12).bounds(), (d("2026-12-01"), d("2026-12-31")));
        assert_eq!(Period::Quarter(2026, 4).bounds(), (d("2026-10-01"), d("2026-12-31")));
        assert_eq!(Period::Year(2026).bounds(), (d("2026-01-01"), d("2026-12-31")));
        assert_eq!(Period::quarter_of(d("2026-03-31")), Period::Quarter(2026, 1));
        assert_eq!(Period::quarter_of(d("2026-04-01")), Period::Quarter(2026, 2));
        assert_eq!(Period::month_of(d("2026-11-28")), Period::Month(2026, 11));
        assert!(Period::Quarter(2026, 4).contains(d("2026-12-31")));
        assert!(!Period::Quarter(2026, 4).contains(d("2027-01-01")));
        assert!(!Period::Month(2026, 11).contains(d("2026-10-31")));
    }
}
