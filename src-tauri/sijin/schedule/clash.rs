//! Clashes in a month's 服务安排, shown and never refused: one deputy in two places at once, a
//! reception point with two teams at once, a contact leader owed a visit with nothing planned.

use chrono::NaiveDate;

use super::model::{Clash, PlanEntry};
use crate::common::catalog::{ClashKind, PlanStatus, PlanWho, Shift};

/// Minutes of the day an entry takes: 上午 08:30–12:00, 下午 14:30–17:30, 全天 both, or the range.
pub fn span(shift: Shift, starts_at: Option<&str>, ends_at: Option<&str>) -> (u32, u32) {
    let minutes = |t: Option<&str>| {
        t.and_then(|t| t.split_once(':')).and_then(|(h, m)| Some(h.parse::<u32>().ok()? * 60 + m.parse::<u32>().ok()?))
    };
    match shift {
        Shift::Morning => (510, 720),
        Shift::Afternoon => (870, 1050),
        Shift::AllDay => (510, 1050),
        Shift::Hours => (minutes(starts_at).unwrap_or(0), minutes(ends_at).unwrap_or(24 * 60)),
    }
}

fn at_once(a: &PlanEntry, b: &PlanEntry) -> bool {
    let (x, y) = (
        span(a.shift, a.starts_at.as_deref(), a.ends_at.as_deref()),
        span(b.shift, b.starts_at.as_deref(), b.ends_at.as_deref()),
    );
    a.on_date == b.on_date && x.0 < y.1 && y.0 < x.1
}

fn place_of(e: &PlanEntry) -> (Option<i64>, i64, &str) {
    (e.reception_point_id, e.community_id, if e.reception_point_id.is_some() { "" } else { e.place.as_str() })
}

fn day(d: NaiveDate) -> String {
    d.format("%-m月%-d日").to_string()
}

fn clash(kind: ClashKind, on_date: Option<NaiveDate>, entry_ids: Vec<i64>, detail: String) -> Clash {
    Clash { code: kind.code().into(), label: kind.label().into(), on_date, entry_ids, detail }
}

/// The clashes among `entries` (the month's, cancelled ones ignored) and the contact leaders
/// owed a visit in the month, `owed` as (leader id, leader, community, community id).
pub fn clashes(entries: &[PlanEntry], owed: &[(i64, String, String, i64)]) -> Vec<Clash> {
    let live: Vec<&PlanEntry> = entries.iter().filter(|e| e.status != PlanStatus::Cancelled).collect();
    let mut out = Vec::new();
    for (i, a) in live.iter().enumerate() {
        for b in &live[i + 1..] {
            if !at_once(a, b) {
                continue;
            }
            let when = format!("{}{}", day(a.on_date), a.time_label);
            if a.who_kind == PlanWho::Deputy
                && a.who_id == b.who_id
                && b.who_kind == PlanWho::Deputy
                && place_of(a) != place_of(b)
            {
                let detail = format!(
                    "{when}，{}同时安排在{}（{}）和{}（{}）",
                    a.who, a.place, a.community_name, b.place, b.community_name
                );
                out.push(clash(ClashKind::DeputyTwice, Some(a.on_date), vec![a.id, b.id], detail));
            }
            let same_team = a.who_kind == b.who_kind && a.who_id == b.who_id && a.who == b.who;
            if a.reception_point_id.is_some() && a.reception_point_id == b.reception_point_id && !same_team {
                let detail = format!("{when}，{}同时安排了{}和{}", a.place, a.who, b.who);
                out.push(clash(ClashKind::PointTwice, Some(a.on_date), vec![a.id, b.id], detail));
            }
        }
    }
    for (leader_id, leader, community, community_id) in owed {
        let planned = live
            .iter()
            .any(|e| e.community_id == *community_id && e.who_kind == PlanWho::Leader && e.who_id == Some(*leader_id));
        if !planned {
            let detail = format!("{leader}—{community}");
            out.push(clash(ClashKind::LeaderUnplanned, None, Vec::new(), detail));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::common::validate::parse_ymd;

    fn entry(
        id: i64,
        date: &str,
        shift: Shift,
        who: (PlanWho, Option<i64>, &str),
        point: Option<i64>,
        place: &str,
    ) -> PlanEntry {
        PlanEntry {
            id,
            community_id: 11,
            community_name: "大街社区".into(),
            on_date: parse_ymd(date).unwrap(),
            weekday: String::new(),
            shift,
            starts_at: (shift == Shift::Hours).then(|| "09:00".into()),
            ends_at: (shift == Shift::Hours).then(|| "10:00".into()),
            time_label: shift.label().into(),
            reception_point_id: point,
            place: place.into(),
            who_kind: who.0,
            who_id: who.1,
            who: who.2.into(),
            service: "政策解答".into(),
            series: None,
            repeat_label: None,
            moved_from: None,
            status: PlanStatus::Due,
            fulfilled_by: None,
            version: 0,
        }
    }

    #[test]
    fn spans_overlap_by_the_minute() {
        assert_eq!(span(Shift::Morning, None, None), (510, 720));
        assert_eq!(span(Shift::Hours, Some("09:00"), Some("11:30")), (540, 690));
        assert_eq!(span(Shift::AllDay, None, None), (510, 1050));
    }

    #[test]
    fn a_deputy_in_two_places_at_once_is_a_clash_and_at_different_times_is_not() {
        let li = (PlanWho::Deputy, Some(5), "李华");
        let entries = vec![
            entry(1, "2026-12-08", Shift::Morning, li, Some(1), "大街社区接待点"),
            entry(2, "2026-12-08", Shift::Hours, li, None, "社区广场"),
            entry(3, "2026-12-08", Shift::Afternoon, li, None, "河咀社区"),
            entry(4, "2026-12-09", Shift::Morning, li, None, "社区广场"),
        ];
        let found = clashes(&entries, &[]);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!((found[0].code.as_str(), found[0].entry_ids.clone()), ("deputy_twice", vec![1, 2]));
        assert_eq!(found[0].detail, "12月8日上午，李华同时安排在大街社区接待点（大街社区）和社区广场（大街社区）");

        let mut cancelled = entries.clone();
        cancelled[1].status = PlanStatus::Cancelled;
        assert!(clashes(&cancelled, &[]).is_empty(), "a cancelled date clashes with nothing");
    }

    #[test]
    fn a_reception_point_with_two_teams_at_once_is_a_clash() {
        let entries = vec![
            entry(1, "2026-12-08", Shift::AllDay, (PlanWho::Team, None, "县医院志愿队"), Some(1), "大街社区接待点"),
            entry(2, "2026-12-08", Shift::Afternoon, (PlanWho::Unit, Some(40), "县民政局"), Some(1), "大街社区接待点"),
            entry(3, "2026-12-08", Shift::Afternoon, (PlanWho::Unit, Some(40), "县民政局"), Some(2), "河咀接待点"),
        ];
        let found = clashes(&entries, &[]);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].code, "point_twice");
        assert_eq!(found[0].detail, "12月8日全天，大街社区接待点同时安排了县医院志愿队和县民政局");
    }

    #[test]
    fn a_leader_owed_a_visit_with_nothing_planned_is_named() {
        let planned = vec![entry(1, "2026-12-10", Shift::Morning, (PlanWho::Leader, Some(7), "王建国"), None, "社区")];
        let owed = vec![
            (7, "王建国".to_owned(), "大街社区".to_owned(), 11),
            (8, "赵敏".to_owned(), "大街社区".to_owned(), 11),
            (7, "王建国".to_owned(), "河咀社区".to_owned(), 12),
        ];
        let found = clashes(&planned, &owed);
        let details: Vec<&str> = found.iter().map(|c| c.detail.as_str()).collect();
        assert_eq!(details, ["赵敏—大街社区", "王建国—河咀社区"]);
        assert!(found.iter().all(|c| c.code == "leader_unplanned"));
    }
}
