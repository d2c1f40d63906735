//! "Changed since it was opened": a form's save carries the version of the record it showed —
//! a position in the change log at or after the moment the record was read (`db::history`) —
//! and a save over a change logged after it is refused, saying when and by whom the record
//! changed, instead of silently overwriting that change.

use chrono::{DateTime, Datelike, Local, Timelike};
use sqlx::SqliteConnection;

use crate::common::catalog::RecordKind;
use crate::db::history;
use crate::error::{Error, Result};

/// The field a stale save is reported on; the window shows it as a notice, not under a field.
pub const FIELD: &str = "version";

// A model carries as its version the log's position read by the same statement as its row,
// `(SELECT COALESCE(max(id), 0) FROM change_log) AS "version!: i64"` in its query (sqlx's checked
// queries take only literals, so the fragment is written in each); a model read by several
// statements reads it first (`db::history::position`).

/// Refuses the save when the record of `kind` and `id` changed after `version` (none: a caller
/// that does not know, such as the command line).
pub async fn check(
    conn: &mut SqliteConnection,
    kind: RecordKind,
    id: i64,
    version: Option<i64>,
    what: &str,
) -> Result<()> {
    check_with_parts(conn, kind, id, &[], version, what).await
}

/// As [`check`], counting also a change to the record's parts saved by the same form: each a
/// kind and the column naming the record (a pledge's items by `pledge_id`).
pub async fn check_with_parts(
    conn: &mut SqliteConnection,
    kind: RecordKind,
    id: i64,
    parts: &[(RecordKind, &str)],
    version: Option<i64>,
    what: &str,
) -> Result<()> {
    let Some(version) = version else { return Ok(()) };
    let parts: Vec<(&str, &str)> = parts.iter().map(|(kind, column)| (kind.code(), *column)).collect();
    match history::changed_since(conn, kind.code(), id, &parts, version).await? {
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
