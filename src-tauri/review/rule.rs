//! The visit rules of a review: which months (leaders, at least once a month) or quarters
//! (deputies, at least once a quarter) of the period are judged, and how the pairs owed a visit
//! and those visited add up per month, per community and in all.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::model::{Compliance, Share};
use crate::common::period::Period;

/// One month or quarter judged: its name, first day, the day pairs are taken at (its last day,
/// or `as_of` while it runs) and whether it has ended.
#[derive(Debug, Clone, PartialEq)]
pub struct Stretch {
    pub period: Period,
    pub first: NaiveDate,
    pub at: NaiveDate,
    pub complete: bool,
}

/// The months (`quarters` false) or quarters of `first..=as_of`, each cut to that span: a
/// custom period from 15 March judges March from the 15th.
pub fn stretches(first: NaiveDate, as_of: NaiveDate, quarters: bool) -> Vec<Stretch> {
    let mut out = Vec::new();
    let mut day = first;
    while day <= as_of {
        let period = if quarters { Period::quarter_of(day) } else { Period::month_of(day) };
        let last = period.last();
        out.push(Stretch { period, first: day, at: last.min(as_of), complete: last <= as_of });
        match last.succ_opt() {
            Some(next) => day = next,
            None => break,
        }
    }
    out
}

/// The stretches as the JSON array the queries read: `[["2026-11", first, at], …]`.
pub fn as_json(stretches: &[Stretch]) -> String {
    let rows: Vec<[String; 3]> =
        stretches.iter().map(|s| [s.period.to_string(), s.first.to_string(), s.at.to_string()]).collect();
    serde_json::to_string(&rows).unwrap_or_else(|_| "[]".into())
}

/// A query's row: stretch name, community, pairs owed a visit, pairs visited.
pub struct Owed {
    pub stretch: String,
    pub community_id: i64,
    pub owed: i64,
    pub visited: i64,
}

/// Stretch by stretch, per community, and in all.
pub fn tally(stretches: &[Stretch], rows: &[Owed]) -> (Vec<Compliance>, HashMap<i64, Share>, Share) {
    let mut per_community: HashMap<i64, Share> = HashMap::new();
    for r in rows {
        let share = per_community.entry(r.community_id).or_default();
        share.count += r.visited;
        share.of += r.owed;
    }
    let each: Vec<Compliance> = stretches
        .iter()
        .map(|s| {
            let name = s.period.to_string();
            let of_it = rows.iter().filter(|r| r.stretch == name);
            let visited = of_it.fold(Share::default(), |t, r| Share::new(t.count + r.visited, t.of + r.owed));
            Compliance { period: name, visited, complete: s.complete }
        })
        .collect();
    let all = each.iter().fold(Share::default(), |t, c| Share::new(t.count + c.visited.count, t.of + c.visited.of));
    (each, per_community, all)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::common::validate::parse_ymd;

    fn d(s: &str) -> NaiveDate {
        parse_ymd(s).unwrap()
    }

    #[test]
    fn a_year_still_running_is_judged_month_by_month_up_to_today() {
        let months = stretches(d("2026-01-01"), d("2026-12-03"), false);
        assert_eq!(months.len(), 12);
        assert_eq!(
            months[0],
            Stretch { period: Period::Month(2026, 1), first: d("2026-01-01"), at: d("2026-01-31"), complete: true }
        );
        assert_eq!(months[1].at, d("2026-02-28"));
        assert_eq!(
            months[11],
            Stretch { period: Period::Month(2026, 12), first: d("2026-12-01"), at: d("2026-12-03"), complete: false }
        );
    }

    #[test]
    fn quarters_of_a_custom_range_start_where_it_starts() {
        let quarters = stretches(d("2026-03-15"), d("2026-09-30"), true);
        let names: Vec<String> = quarters.iter().map(|q| q.period.to_string()).collect();
        assert_eq!(names, ["2026-Q1", "2026-Q2", "2026-Q3"]);
        assert_eq!(quarters[0].first, d("2026-03-15"));
        assert_eq!(quarters[0].at, d("2026-03-31"));
        assert!(quarters.iter().all(|q| q.complete));
        assert_eq!(as_json(&quarters[..1]), r#"[["2026-Q1","2026-03-15","2026-03-31"]]"#);
    }

    #[test]
    fn pairs_add_up_per_stretch_and_per_community() {
        let months = stretches(d("2026-10-01"), d("2026-11-30"), false);
        let row =
            |stretch: &str, community_id, owed, visited| Owed { stretch: stretch.into(), community_id, owed, visited };
        let rows = [row("2026-10", 1, 2, 2), row("2026-10", 2, 1, 0), row("2026-11", 1, 2, 1)];
        let (each, per_community, all) = tally(&months, &rows);
        assert_eq!(each[0].visited, Share::new(2, 3));
        assert_eq!(each[1].visited, Share::new(1, 2));
        assert_eq!(per_community[&1], Share::new(3, 4));
        assert_eq!(per_community[&2], Share::new(0, 1));
        assert_eq!(all, Share::new(3, 5));
        assert_eq!(all.percent_text(), "60%");
        assert_eq!(Share::new(0, 0).percent_text(), "—");
        assert_eq!(Share::new(2, 3).percent(), Some(66.7));
    }
}
