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
