//! Importing exchange files: each one's organizations placed under the matching ones here (found
//! by uuid, else by kind and name, else created), the sender's earlier data for the same
//! organization removed, and every record written back with its uuid — references turned from
//! uuids into this database's ids, shared records (units, leaders, deputies) reused when present.

use std::collections::HashMap;

use serde_json::Value;
use sqlx::SqliteConnection;

use super::export::{references, required};
use super::file::{Data, Manifest};
use super::tables::{DERIVED, ID_LISTS, SPECS};
use super::{ImportStatus, Imported};
use crate::db::history::columns;
use crate::db::quoted_name as quoted;
use crate::error::{Error, Result};
use crate::roster::orgs::store as org_store;
use crate::roster::search_key;

/// (table, uuid) → id here.
type Ids = HashMap<(String, String), i64>;

async fn id_of(conn: &mut SqliteConnection, ids: &Ids, table: &str, uuid: &str) -> Result<Option<i64>> {
    if let Some(id) = ids.get(&(table.to_owned(), uuid.to_owned())) {
        return Ok(Some(*id));
    }
    Ok(sqlx::query_scalar(&format!("SELECT id FROM {} WHERE uuid = ?1", quoted(table)))
        .bind(uuid)
        .fetch_optional(conn)
        .await?)
}

/// Removes the records of the subtree of `org_id`, children before parents.
async fn remove(conn: &mut SqliteConnection, org_id: i64) -> Result<()> {
    sqlx::query("DELETE FROM exchange_imports WHERE org_id = ?1").bind(org_id).execute(&mut *conn).await?;
    for spec in SPECS.iter().rev() {
        if let Some(owner) = spec.owner_of("t") {
            let sql = format!(
                "DELETE FROM {} AS t WHERE {owner} IN (SELECT org_id FROM org_subtree WHERE root_id = ?1)",
                quoted(spec.table)
            );
            sqlx::query(&sql).bind(org_id).execute(&mut *conn).await?;
        }
    }
    Ok(())
}

/// The manifest's organizations above the exported one, found here or created: the last one's id.
async fn place(conn: &mut SqliteConnection, manifest: &Manifest, ids: &mut Ids) -> Result<Option<i64>> {
    let mut parent: Option<crate::roster::orgs::Organization> = None;
    for a in &manifest.ancestors {
        let by_uuid = id_of(conn, ids, "organizations", &a.uuid).await?;
        let by_name: Option<i64> = sqlx::query_scalar(
            "SELECT id FROM organizations WHERE parent_id IS ?1 AND kind = ?2 AND name = ?3 AND deleted_at IS NULL ORDER BY id LIMIT 1",
        )
        .bind(parent.as_ref().map(|p| p.id))
        .bind(a.kind.code())
        .bind(&a.name)
        .fetch_optional(&mut *conn)
        .await?;
        let id = match by_uuid.or(by_name) {
            Some(id) => id,
            None => org_store::insert(conn, parent.as_ref(), a.kind, None, None, &a.name).await?,
        };
        ids.insert(("organizations".into(), a.uuid.clone()), id);
        parent = Some(org_store::get(conn, id).await?);
    }
    Ok(parent.map(|p| p.id))
}

fn bindable(v: &Value) -> Value {
    match v {
        Value::Bool(b) => Value::from(i64::from(*b)),
        other => other.clone(),
    }
}

/// Writes one file's records; the counts of what it held.
async fn write(conn: &mut SqliteConnection, manifest: &Manifest, data: &Data, file: &str) -> Result<usize> {
    let mut ids = Ids::new();
    let top = place(conn, manifest, &mut ids).await?;
    let broken = |table: &str| {
        Error::validation(
            "file",
            format!("“{file}”中的数据不完整（{table}的记录引用了文件中没有的数据），没有导入任何数据"),
        )
    };
    let mut written = 0;
    for spec in SPECS {
        let t = spec.table;
        let Some(rows) = data.get(t) else { continue };
        let refs = references(conn, t).await?;
        let required = required(conn, t).await?;
        let local: Vec<String> = columns(conn, t).await?;
        for row in rows {
            let Some(uuid) = row.get("uuid").and_then(Value::as_str) else { return Err(broken(t)) };
            let shared = row.get("_shared").and_then(Value::as_i64) == Some(1);
            if shared {
                let mut found = id_of(conn, &ids, t, uuid).await?;
                if found.is_none() && t == "organizations" {
                    // A unit entered here by hand under the same name is the same unit.
                    found = sqlx::query_scalar(
                        "SELECT id FROM organizations WHERE kind = 'unit' AND name = ?1 AND deleted_at IS NULL",
                    )
                    .bind(row.get("name").and_then(Value::as_str).unwrap_or_default())
                    .fetch_optional(&mut *conn)
                    .await?;
                }
                if let Some(id) = found {
                    ids.insert((t.to_owned(), uuid.to_owned()), id);
                    continue;
                }
            }
            let mut names = Vec::new();
            let mut values: Vec<Value> = Vec::new();
            for c in &local {
                if c == "id" || DERIVED.iter().any(|(dt, dc)| *dt == t && dc == c) {
                    continue;
                }
                let Some(v) = row.get(c) else { continue };
                let v = if let Some((_, target)) = refs.iter().find(|(from, _)| from == c) {
                    match v.as_str() {
                        None => Value::Null,
                        Some(r) => match id_of(conn, &ids, target, r).await? {
                            Some(id) => Value::from(id),
                            // The exported organization's parent: the organization it was placed under.
                            None if t == "organizations" && c == "parent_id" => top.map_or(Value::Null, Value::from),
                            None if !required.contains(c) => Value::Null,
                            None => return Err(broken(t)),
                        },
                    }
                } else if t == "members" && (c == "search_text" || c == "sort_name") {
                    // Keys made here, whatever version of the app the sender ran.
                    let name = row.get("name").and_then(Value::as_str).unwrap_or_default();
                    let key =
                        if c == "search_text" { search_key::search_text(name) } else { search_key::sort_name(name) };
                    Value::from(key)
                } else if let Some((_, _, target)) = ID_LISTS.iter().find(|(lt, lc, _)| *lt == t && lc == c) {
                    let mut list = Vec::new();
                    for u in v.as_str().unwrap_or_default().split(',').filter(|u| !u.is_empty()) {
                        if let Some(id) = id_of(conn, &ids, target, u).await? {
                            list.push(id.to_string());
                        }
                    }
                    Value::from(list.join(","))
                } else {
                    bindable(v)
                };
                names.push(quoted(c));
                values.push(v);
            }
            if t == "organizations" {
                names.push("path".into());
                values.push(Value::from(""));
            }
            let marks = (1..=values.len()).map(|i| format!("?{i}")).collect::<Vec<_>>().join(", ");
            let sql = format!("INSERT INTO {} ({}) VALUES ({marks}) RETURNING id", quoted(t), names.join(", "));
            let mut query = sqlx::query_scalar::<_, i64>(&sql);
            for v in &values {
                query = match v {
                    Value::Null => query.bind(None::<String>),
                    Value::Number(n) if n.is_i64() => query.bind(n.as_i64()),
                    Value::Number(n) => query.bind(n.as_f64()),
                    Value::String(s) => query.bind(s.clone()),
                    other => query.bind(other.to_string()),
                };
            }
            let id = query.fetch_one(&mut *conn).await.map_err(|e| match e {
                sqlx::Error::Database(d) if d.is_unique_violation() => Error::validation(
                    "file",
                    format!("“{file}”中的记录在本机已经存在（这个文件可能就是从本机导出的），没有导入任何数据"),
                ),
                other => other.into(),
            })?;
            if t == "organizations" {
                sqlx::query(
                    "UPDATE organizations SET path = COALESCE((SELECT p.path FROM organizations p WHERE p.id = organizations.parent_id), '/') || id || '/' WHERE id = ?1",
                )
                .bind(id)
                .execute(&mut *conn)
                .await?;
            }
            ids.insert((t.to_owned(), uuid.to_owned()), id);
            if !shared {
                written += 1;
            }
        }
    }
    Ok(written)
}

/// Applies one checked file inside the caller's transaction.
pub async fn apply(
    conn: &mut SqliteConnection,
    manifest: &Manifest,
    data: &Data,
    sha: &str,
    file: &str,
    now: &str,
) -> Result<Imported> {
    let previous: Option<(i64, String, String)> =
        sqlx::query_as("SELECT org_id, exported_at, data_sha256 FROM exchange_imports WHERE source_uuid = ?1")
            .bind(&manifest.source.uuid)
            .fetch_optional(&mut *conn)
            .await?;
    let source = manifest.source_path();
    let members =
        data.get("members").map_or(0, |rows| rows.iter().filter(|r| r.get("_shared") == Some(&Value::from(0))).count());
    let status = match &previous {
        Some((_, _, previous_sha)) if previous_sha == sha => {
            return Ok(Imported {
                file: file.into(),
                source,
                exported_at: manifest.exported_at.clone(),
                status: ImportStatus::Unchanged,
                members,
                records: 0,
            });
        }
        Some((_, at, _)) if manifest.exported_at < *at => {
            return Err(Error::validation(
                "file",
                format!(
                    "“{file}”是{}导出的，比已导入的（{}导出）旧，没有导入；请选择最新导出的文件",
                    words(&manifest.exported_at),
                    words(at)
                ),
            ));
        }
        Some((org_id, _, _)) => {
            remove(conn, *org_id).await?;
            ImportStatus::Replaced
        }
        None => {
            let here: Option<i64> = sqlx::query_scalar("SELECT id FROM organizations WHERE uuid = ?1")
                .bind(&manifest.source.uuid)
                .fetch_optional(&mut *conn)
                .await?;
            if here.is_some() {
                return Err(Error::validation(
                    "file",
                    format!("“{file}”中的{}就是本机的组织（文件是从本机导出的），不需要导入", manifest.source.name),
                ));
            }
            ImportStatus::Imported
        }
    };
    let records = write(conn, manifest, data, file).await?;
    let org_id: i64 = sqlx::query_scalar("SELECT id FROM organizations WHERE uuid = ?1")
        .bind(&manifest.source.uuid)
        .fetch_one(&mut *conn)
        .await?;
    sqlx::query(
        "INSERT INTO exchange_imports (source_uuid, org_id, source, exported_at, imported_at, personal_data, data_sha256)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )
    .bind(&manifest.source.uuid)
    .bind(org_id)
    .bind(&source)
    .bind(&manifest.exported_at)
    .bind(now)
    .bind(manifest.personal_data)
    .bind(sha)
    .execute(&mut *conn)
    .await?;
    Ok(Imported { file: file.into(), source, exported_at: manifest.exported_at.clone(), status, members, records })
}

/// A stored time in words, in Beijing time: 2026年12月4日 16:05.
pub fn words(stamp: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(stamp)
        .map(|t| {
            let beijing = chrono::FixedOffset::east_opt(8 * 3600).unwrap_or_else(|| t.timezone());
            t.with_timezone(&beijing).format("%Y年%-m月%-d日 %H:%M").to_string()
        })
        .unwrap_or_else(|_| stamp.to_owned())
}
