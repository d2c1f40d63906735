//! 群众困难/诉求 — what residents raise in a leader's visit, with who is responsible, followed
//! to closure ("事事有人管、件件有回音"): 待办 → 办理中 → 已解决 → 已反馈, one step at a time,
//! each dated no earlier than the step before and not in the future. Open ones list oldest first.

mod model;
pub(crate) mod store;

pub use model::*;

use chrono::NaiveDate;
use sqlx::{SqliteConnection, SqlitePool};

use crate::common::catalog::DifficultyStatus;
use crate::common::limits;
use crate::common::validate::{check_paragraphs, check_past_date, check_text};
use crate::error::{Error, Result};

/// Inserts one difficulty inside a visit's transaction; `index` names its row in the form.
pub(crate) async fn insert_in(
    conn: &mut SqliteConnection,
    community_id: i64,
    visit_id: Option<i64>,
    input: &DifficultyInput,
    raised_on: NaiveDate,
    index: usize,
) -> Result<i64> {
    let f = |name: &str| format!("difficulties.{index}.{name}");
    let raised_by = check_text(&f("raisedBy"), "反映人", &input.raised_by, limits::PERSON, true)?;
    let content = check_text(&f("content"), "困难或诉求", &input.content, limits::RECORD_TEXT, true)?;
    let responsible = check_text(&f("responsible"), "责任人", &input.responsible, limits::PERSON, true)?;
    store::insert(conn, community_id, visit_id, &raised_by, &content, &responsible, raised_on).await
}

/// The next step of a difficulty, dated: 待办 → 办理中 → 已解决 → 已反馈.
pub async fn advance(pool: &SqlitePool, input: &AdvanceInput, today: NaiveDate) -> Result<Difficulty> {
    let on = check_past_date("on", "日期", &input.on, today)?;
    let outcome = check_paragraphs("outcome", "办理情况", &input.outcome, limits::RECORD_TEXT, false)?;
    let mut conn = pool.acquire().await?;
    let d = store::get(&mut conn, input.id).await?;
    let (next, previous) = match d.status {
        DifficultyStatus::Open => (DifficultyStatus::InProgress, d.raised_on),
        DifficultyStatus::InProgress => (DifficultyStatus::Resolved, d.started_on.unwrap_or(d.raised_on)),
        DifficultyStatus::Resolved => (DifficultyStatus::Answered, d.resolved_on.unwrap_or(d.raised_on)),
        DifficultyStatus::Answered => return Err(Error::conflict(None, "这件事已办结并反馈，不能再变更")),
    };
    if on < previous {
        return Err(Error::validation("on", format!("“{}”的日期不能早于上一步（{previous}）", next.label())));
    }
    if next == DifficultyStatus::Answered && outcome.is_empty() && d.outcome.is_empty() {
        return Err(Error::validation("outcome", "请写明向群众反馈的内容"));
    }
    store::advance(&mut conn, d.id, next, on, &outcome).await?;
    store::get(&mut conn, d.id).await
}

/// Difficulties not yet answered, oldest first.
pub async fn open(pool: &SqlitePool, org_id: Option<i64>) -> Result<Vec<Difficulty>> {
    store::open(&mut *pool.acquire().await?, org_id).await
}
