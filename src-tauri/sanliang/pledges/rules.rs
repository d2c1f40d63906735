//! The pure rules of a pledge that storage and use cases both apply: when an item is too
//! vague to publish, and when a published pledge counts as overdue.

use chrono::NaiveDate;

use crate::common::catalog::PledgeStatus;
use crate::common::limits;

/// What makes an item impossible to supervise; empty when it is concrete enough to publish.
pub fn vague_flags(content: &str, measures: &str, owner: &str, deadline: Option<NaiveDate>) -> Vec<String> {
    let mut flags = Vec::new();
    let meaningful = content.chars().filter(|c| c.is_alphanumeric()).count();
    if meaningful < limits::PLEDGE_CONTENT_MIN {
        flags.push(format!("内容过于笼统（不足{}个字），请写明做什么、做到什么程度", limits::PLEDGE_CONTENT_MIN));
    }
    if measures.trim().is_empty() {
        flags.push("没有写落实措施".to_owned());
    }
    if owner.trim().is_empty() {
        flags.push("没有责任人".to_owned());
    }
    if deadline.is_none() {
        flags.push("没有完成时限，群众无法监督".to_owned());
    }
    flags
}

/// The status a pledge shows on `today`: a published pledge with an open item whose deadline
/// has passed is overdue from the day after that deadline.
pub fn effective_status(stored: PledgeStatus, overdue_items: i64) -> PledgeStatus {
    if stored == PledgeStatus::Published && overdue_items > 0 {
        PledgeStatus::Overdue
    } else {
        stored
    }
}

pub fn item_overdue(deadline: Option<NaiveDate>, done_on: Option<NaiveDate>, today: NaiveDate) -> bool {
    done_on.is_none() && deadline.is_some_and(|d| d < today)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn an_item_is_vague_below_the_minimum_of_meaningful_characters_and_for_each_missing_part() {
        let at_minimum = "安".repeat(limits::PLEDGE_CONTENT_MIN);
        let deadline = Some(d("2026-12-10"));
        assert!(vague_flags(&at_minimum, "联系消防站", "李明", deadline).is_empty());
        // Punctuation and spaces are not meaningful.
        let short = format!("{}，。 ！", "安".repeat(limits::PLEDGE_CONTENT_MIN - 1));
        assert_eq!(
            vague_flags(&short, "联系消防站", "李明", deadline),
            [format!("内容过于笼统（不足{}个字），请写明做什么、做到什么程度", limits::PLEDGE_CONTENT_MIN)]
        );
        assert_eq!(
            vague_flags(&at_minimum, " ", "", None),
            ["没有写落实措施", "没有责任人", "没有完成时限，群众无法监督"]
        );
    }

    #[test]
    fn a_published_pledge_is_overdue_only_with_an_open_item_past_its_deadline() {
        let today = d("2026-12-11");
        assert!(item_overdue(Some(d("2026-12-10")), None, today), "the day after the deadline");
        assert!(!item_overdue(Some(today), None, today), "on the deadline itself");
        assert!(!item_overdue(Some(d("2026-12-10")), Some(d("2026-12-11")), today), "done, if late");
        assert!(!item_overdue(None, None, today), "no deadline");
        assert_eq!(effective_status(PledgeStatus::Published, 1), PledgeStatus::Overdue);
        assert_eq!(effective_status(PledgeStatus::Published, 0), PledgeStatus::Published);
        assert_eq!(effective_status(PledgeStatus::Draft, 1), PledgeStatus::Draft);
        assert_eq!(effective_status(PledgeStatus::Completed, 2), PledgeStatus::Completed);
    }
}
