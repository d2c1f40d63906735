//! "Changed since it was opened": a form's save carries the version of the record it showed
//! (`db::history::version`); a save over a newer version is refused, saying when and by whom the
//! record changed, instead of silently overwriting that change.

use chrono::{DateTime, Datelike, Local, Timelike};
use sqlx::SqliteConnection;

use crate::db::history;
use crate::error::{Error, Result};

/// The field a stale save is reported on; the window shows it as a notice, not under a field.
pub const FIELD: &str = "version";

/// Refuses the save when the record changed after `version` (none: a caller that does not know).
pub async fn check(conn: &mut SqliteConnection, table: &str, id: i64, version: Option<i64>, what: &str) -> Result<()> {
    let Some(version) = version else { return Ok(()) };
    match history::changed_since(conn, table, id, version).await? {
        Some((at, operator)) => Err(Error::conflict(Some(FIELD), stale(what, &at, &operator))),
        None => Ok(()),
    }
}

/// The message: what changed, when (local time) and by whom, and what to do.
pub fn stale(what: &str, at: &str, operator: &str) -> String {
    let when = DateTime::parse_from_rfc3339(at).map_or_else(
        |_| at.to_owned(),
        |t| {
            let t = t.with_timezone(&Local);
            format!("{}月{}日 {:02}:{:02}", t.month(), t.day(), t.hour(), t.minute())
        },
    );
    let who = if operator.is_empty() { String::new() } else { format!("，操作人：{operator}") };
    format!(
        "{what}在您打开之后又被修改过（{when}{who}）。为免覆盖这些修改，这次没有保存。请关闭窗口，重新打开后再修改。"
    )
}
