//! 操作记录: every create, change and delete of the data, read back from `change_log` (which the
//! triggers of `db::history` write in the same transaction as the change): the whole log under a
//! filter, a member's own history, and who is working (操作人).

pub mod fields;
mod model;
mod store;

pub use model::*;

use std::collections::HashMap;

use chrono::{Local, NaiveDate, SecondsFormat, TimeZone, Utc};
use serde_json::{Map, Value};
use sqlx::{SqliteConnection, SqlitePool};

use crate::common::catalog::{HistoryAction, RecordKind};
use crate::common::limits;
use crate::common::settings;
use crate::common::validate::shorten;
use crate::db::history::OPERATOR_KEY;
use crate::error::{Error, Result};
use store::{LogRow, Where};

/// At most this many entries in one page.
const PAGE_MAX: i64 = 200;

/// Who is working, as set on the 操作记录 page ("" when nobody said).
pub async fn operator(pool: &SqlitePool) -> Result<String> {
    Ok(settings::get(&mut *pool.acquire().await?, OPERATOR_KEY).await?.unwrap_or_default())
}

/// Sets who is working; every record written from now on carries the name.
pub async fn set_operator(pool: &SqlitePool, name: &str) -> Result<String> {
    let name = name.trim();
    if name.chars().count() > limits::OPERATOR {
        return Err(Error::validation("operator", format!("操作人姓名不能超过 {} 个字", limits::OPERATOR)));
    }
    settings::set(&mut *pool.acquire().await?, OPERATOR_KEY, name).await?;
    Ok(name.to_owned())
}

/// The start of a local day as the log's UTC text.
fn utc_start(day: NaiveDate) -> String {
    let local = day.and_hms_opt(0, 0, 0).unwrap_or_default();
    let at = Local.from_local_datetime(&local).earliest().map_or_else(|| local.and_utc(), |t| t.with_timezone(&Utc));
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// The entries under a filter, newest first.
pub async fn list(pool: &SqlitePool, filter: &HistoryFilter) -> Result<HistoryPage> {
    if let (Some(from), Some(to)) = (filter.from, filter.to) {
        if from > to {
            return Err(Error::validation("to", "结束日期不能早于开始日期"));
        }
    }
    let tables = filter.area.map(|area| {
        let names: Vec<&str> = RecordKind::ALL.iter().filter(|k| k.area() == area).map(|k| k.code()).collect();
        serde_json::to_string(&names).unwrap_or_default()
    });
    let w = Where {
        since: filter.from.map(utc_start),
        before: filter.to.and_then(|d| d.succ_opt()).map(utc_start),
        tables,
        member_id: filter.member_id,
    };
    let mut conn = pool.acquire().await?;
    let total = store::count(&mut conn, &w).await?;
    let rows = store::page(&mut conn, &w, filter.offset.max(0), filter.limit.clamp(1, PAGE_MAX)).await?;
    let records: Vec<(Map<String, Value>, Map<String, Value>)> = rows
        .iter()
        .map(|r| {
            let read = |t: &Option<String>| t.as_deref().and_then(object).unwrap_or_default();
            (read(&r.before), read(&r.after))
        })
        .collect();
    let names = Names::of(&mut conn, records.iter().flat_map(|(b, a)| [b, a])).await?;
    let entries = rows.into_iter().zip(records).filter_map(|(r, (b, a))| entry(r, b, a, &names)).collect();
    Ok(HistoryPage { total, entries })
}

/// The names of the organizations and members the page's records point to.
/// The column of a binned photo naming its deputy.
const DEPUTY_OWNER: &str = "deputy_id";

#[derive(Default)]
pub(crate) struct Names {
    orgs: HashMap<i64, String>,
    members: HashMap<i64, String>,
    /// Deputies, the owners of their photos in the bin.
    deputies: HashMap<i64, String>,
}

impl Names {
    /// The names behind every reference of these records.
    pub(crate) async fn of<'a>(
        conn: &mut SqliteConnection,
        records: impl Iterator<Item = &'a Map<String, Value>>,
    ) -> Result<Self> {
        let (mut orgs, mut members, mut deputies) = (Vec::new(), Vec::new(), Vec::new());
        for record in records {
            for (column, value) in record {
                match (fields::reference(column), value.as_i64()) {
                    (Some(RecordKind::Organization), Some(id)) => orgs.push(id),
                    (Some(RecordKind::Member), Some(id)) => members.push(id),
                    (None, Some(id)) if column == DEPUTY_OWNER => deputies.push(id),
                    _ => {}
                }
            }
        }
        Ok(Names {
            orgs: store::names(conn, "organizations", &orgs).await?.into_iter().collect(),
            members: store::names(conn, "members", &members).await?.into_iter().collect(),
            deputies: store::names(conn, "deputies", &deputies).await?.into_iter().collect(),
        })
    }

    fn of_value(&self, column: &str, value: &Value) -> Option<String> {
        let id = value.as_i64()?;
        let names = match fields::reference(column) {
            Some(RecordKind::Organization) => &self.orgs,
            Some(_) => &self.members,
            None if column == DEPUTY_OWNER => &self.deputies,
            None => return None,
        };
        Some(names.get(&id).cloned().unwrap_or_else(|| format!("（编号 {id}）")))
    }
}

pub(crate) fn object(text: &str) -> Option<Map<String, Value>> {
    match serde_json::from_str(text) {
        Ok(Value::Object(map)) => Some(map),
        _ => None,
    }
}

fn entry(row: LogRow, before: Map<String, Value>, after: Map<String, Value>, names: &Names) -> Option<HistoryEntry> {
    // A table or action this version does not know (a newer file's) is left out, not guessed.
    let kind = RecordKind::from_code(&row.table_name)?;
    let action = HistoryAction::from_code(&row.action)?;
    let shown = |column: &str, value: Option<&Value>| match value {
        None | Some(Value::Null) => String::new(),
        Some(v) => names.of_value(column, v).unwrap_or_else(|| fields::shown(kind, column, v)),
    };
    let record = if after.is_empty() { &before } else { &after };
    let mut changes = Vec::new();
    for column in record.keys() {
        let Some(label) = fields::label(kind, column) else { continue };
        let (b, a) = (shown(column, before.get(column)), shown(column, after.get(column)));
        if b != a {
            changes.push(FieldChange { field: label.to_owned(), before: b, after: a });
        }
    }
    let subject = subject(kind, record, names);
    Some(HistoryEntry { id: row.id, at: row.at, operator: row.operator, kind, action, subject, changes })
}

/// What the record is, in words: its owner (member, else organization) and its own name.
pub(crate) fn subject(kind: RecordKind, record: &Map<String, Value>, names: &Names) -> String {
    let text = |key: &str| record.get(key).and_then(Value::as_str).map(str::to_owned).filter(|s| !s.is_empty());
    let own = match kind {
        RecordKind::Pledge => record.get("year").and_then(Value::as_i64).map(|y| format!("{y}年度承诺")),
        RecordKind::IdentityMark => text("mark_type").map(|c| fields::shown(kind, "mark_type", &Value::String(c))),
        RecordKind::BinnedFile => text("kind").map(|c| {
            let what = fields::shown(kind, "kind", &Value::String(c));
            text("original_name").map_or_else(|| what.clone(), |n| format!("{what}（{n}）"))
        }),
        RecordKind::LeaderVisit | RecordKind::DeputyVisit => text("visited_on"),
        RecordKind::VolunteerActivity => {
            text("held_on").map(|d| format!("{d} {}", text("service_type").unwrap_or_default()))
        }
        _ => ["name", "content", "text", "place", "description", "original_name", "helped", "cadre"]
            .iter()
            .find_map(|k| text(k)),
    };
    let own = own.map(|s| shorten(&s, 24));
    let owner_of = |columns: &[&str]| columns.iter().find_map(|c| record.get(*c).and_then(|v| names.of_value(c, v)));
    let owner = match kind {
        RecordKind::Member => None,
        RecordKind::Organization => owner_of(&["parent_id"]),
        RecordKind::BinnedFile => owner_of(&["member_id", DEPUTY_OWNER]),
        _ => owner_of(&["member_id", "community_id", "org_id", "unit_id"]),
    };
    [owner, own].into_iter().flatten().collect::<Vec<_>>().join(" · ")
}
