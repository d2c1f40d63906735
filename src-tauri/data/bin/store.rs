//! SQL for 回收站: the tables that delete into it, found from the schema (a `deleted_at` column),
//! their links to each other, and the statements that read and restore their deleted rows.

use std::collections::BTreeMap;

use serde_json::{Map, Value};
use sqlx::SqliteConnection;

use crate::common::catalog::RecordKind;
use crate::data::cascade;
use crate::db::history::{columns, json_of, recorded_tables};
use crate::db::quoted_name as quoted;
use crate::error::Result;

/// A table that deletes into the bin.
pub struct Table {
    columns: Vec<String>,
    /// Its links to other such tables: (its column, the table pointed to).
    parents: Vec<(String, RecordKind)>,
    /// The links of other such tables to it: (the other table, its column).
    children: Vec<(RecordKind, String)>,
}

pub type Shape = BTreeMap<RecordKind, Table>;

pub async fn shape(conn: &mut SqliteConnection) -> Result<Shape> {
    let mut shape = Shape::new();
    for table in recorded_tables(conn).await? {
        let Some(kind) = RecordKind::from_code(&table) else { continue };
        let columns = columns(conn, &table).await?;
        if columns.iter().any(|c| c == "deleted_at") {
            shape.insert(kind, Table { columns, parents: Vec::new(), children: Vec::new() });
        }
    }
    let kinds: Vec<RecordKind> = shape.keys().copied().collect();
    for kind in kinds {
        let keys: Vec<(String, String)> = sqlx::query_as("SELECT \"from\", \"table\" FROM pragma_foreign_key_list(?1)")
            .bind(kind.code())
            .fetch_all(&mut *conn)
            .await?;
        for (column, parent) in keys {
            let Some(parent) = RecordKind::from_code(&parent).filter(|p| shape.contains_key(p)) else { continue };
            if let Some(p) = shape.get_mut(&parent) {
                p.children.push((kind, column.clone()));
            }
            if let Some(t) = shape.get_mut(&kind) {
                t.parents.push((column, parent));
            }
        }
    }
    Ok(shape)
}

/// A deleted record as the bin lists it.
pub struct Deleted {
    pub kind: RecordKind,
    pub id: i64,
    pub deleted_at: String,
    /// The record as JSON.
    pub record: String,
    pub with: i64,
}

/// The deleted rows of a table, except those deleted at the same moment as what they belong to
/// (they are listed, and restored, with it).
pub async fn deleted(conn: &mut SqliteConnection, shape: &Shape, kind: RecordKind) -> Result<Vec<Deleted>> {
    let Some(table) = shape.get(&kind) else { return Ok(Vec::new()) };
    let with_parent: String = table
        .parents
        .iter()
        .map(|(column, parent)| {
            format!(
                " AND NOT EXISTS (SELECT 1 FROM {} p WHERE p.id = t.{} AND p.deleted_at = t.deleted_at)",
                quoted(parent.code()),
                quoted(column)
            )
        })
        .collect();
    let with: Vec<String> = table
        .children
        .iter()
        .map(|(child, column)| {
            format!(
                "(SELECT count(*) FROM {} c WHERE c.{} = t.id AND c.deleted_at = t.deleted_at)",
                quoted(child.code()),
                quoted(column)
            )
        })
        .collect();
    let with = if with.is_empty() { "0".to_owned() } else { with.join(" + ") };
    let rows: Vec<(i64, String, String, i64)> = sqlx::query_as(&format!(
        "SELECT t.id, t.deleted_at, {}, {with} FROM {} t WHERE t.deleted_at IS NOT NULL{with_parent}",
        json_of(&table.columns, "t"),
        quoted(kind.code())
    ))
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(|(id, deleted_at, record, with)| Deleted { kind, id, deleted_at, record, with }).collect())
}

pub async fn count_deleted(conn: &mut SqliteConnection, kind: RecordKind) -> Result<i64> {
    Ok(sqlx::query_scalar(&format!("SELECT count(*) FROM {} WHERE deleted_at IS NOT NULL", quoted(kind.code())))
        .fetch_one(conn)
        .await?)
}

/// When the record was deleted; `None` when it is not in the bin.
pub async fn deleted_at(conn: &mut SqliteConnection, kind: RecordKind, id: i64) -> Result<Option<String>> {
    Ok(sqlx::query_scalar(&format!(
        "SELECT deleted_at FROM {} WHERE id = ?1 AND deleted_at IS NOT NULL",
        quoted(kind.code())
    ))
    .bind(id)
    .fetch_optional(conn)
    .await?)
}

/// What the record belongs to that is itself in the bin.
pub async fn deleted_parent(
    conn: &mut SqliteConnection,
    shape: &Shape,
    kind: RecordKind,
    id: i64,
) -> Result<Option<(RecordKind, i64)>> {
    let Some(table) = shape.get(&kind) else { return Ok(None) };
    for (column, parent) in &table.parents {
        let found: Option<i64> = sqlx::query_scalar(&format!(
            "SELECT p.id FROM {} t JOIN {} p ON p.id = t.{} WHERE t.id = ?1 AND p.deleted_at IS NOT NULL",
            quoted(kind.code()),
            quoted(parent.code()),
            quoted(column)
        ))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
        if let Some(found) = found {
            return Ok(Some((*parent, found)));
        }
    }
    Ok(None)
}

/// A record as JSON, every column.
pub async fn record(conn: &mut SqliteConnection, kind: RecordKind, id: i64) -> Result<Map<String, Value>> {
    let columns = columns(conn, kind.code()).await?;
    let text: Option<String> = sqlx::query_scalar(&format!(
        "SELECT {} FROM {} t WHERE t.id = ?1",
        json_of(&columns, "t"),
        quoted(kind.code())
    ))
    .bind(id)
    .fetch_optional(conn)
    .await?;
    Ok(text.and_then(|t| crate::data::history::object(&t)).unwrap_or_default())
}

/// A deleted member's ID number when a living member holds it now, with that member's name.
pub async fn id_number_holder(conn: &mut SqliteConnection, member_id: i64) -> Result<Option<(String, String)>> {
    Ok(sqlx::query_as(
        "SELECT o.id_number, o.name FROM members m
         JOIN members o ON o.id_number = m.id_number AND o.deleted_at IS NULL AND o.id <> m.id
         WHERE m.id = ?1",
    )
    .bind(member_id)
    .fetch_optional(conn)
    .await?)
}

/// Clears `deleted_at` of the record and of what was deleted under it at the same moment.
pub async fn undelete(
    conn: &mut SqliteConnection,
    shape: &Shape,
    kind: RecordKind,
    id: i64,
    deleted_at: &str,
) -> Result<()> {
    let now = crate::db::now();
    sqlx::query(&format!("UPDATE {} SET deleted_at = NULL, updated_at = ?1 WHERE id = ?2", quoted(kind.code())))
        .bind(&now)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    if let Some(table) = shape.get(&kind) {
        for (child, column) in &table.children {
            sqlx::query(&format!(
                "UPDATE {} SET deleted_at = NULL, updated_at = ?1 WHERE {} = ?2 AND deleted_at = ?3",
                quoted(child.code()),
                quoted(column)
            ))
            .bind(&now)
            .bind(id)
            .bind(deleted_at)
            .execute(&mut *conn)
            .await?;
        }
    }
    Ok(())
}

/// Removes the history of the marked rows of `table`: emptying the bin takes their personal data
/// out of the log too.
pub async fn forget(conn: &mut SqliteConnection, table: &str) -> Result<()> {
    sqlx::query(&format!(
        "DELETE FROM change_log WHERE table_name = ?1 AND row_id IN (SELECT id FROM {})",
        cascade::doomed(table)
    ))
    .bind(table)
    .execute(conn)
    .await?;
    Ok(())
}
