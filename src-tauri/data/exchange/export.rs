//! Writing an exchange file: the subtree's records and the shared ones they refer to, each as a
//! JSON object built by SQLite from the table's own columns (so a column added by a later
//! migration travels without anyone remembering to), references turned into uuids, files and
//! derived columns left out, personal data only when asked.

use serde_json::{Map, Value};
use sqlx::SqliteConnection;

use super::file::{self, Data, Manifest, OrgRef};
use super::tables::{Spec, DERIVED, FILES, ID_LISTS, PERSONAL, SPECS};
use crate::db::history::columns;
use crate::db::quoted_name as quoted;
use crate::error::Result;
use crate::roster::orgs::store as org_store;

/// Column → the table it refers to.
pub(super) async fn references(conn: &mut SqliteConnection, table: &str) -> Result<Vec<(String, String)>> {
    Ok(sqlx::query_as("SELECT \"from\", \"table\" FROM pragma_foreign_key_list(?1)")
        .bind(table)
        .fetch_all(conn)
        .await?)
}

/// Columns that may not be NULL.
pub(super) async fn required(conn: &mut SqliteConnection, table: &str) -> Result<Vec<String>> {
    Ok(sqlx::query_scalar("SELECT name FROM pragma_table_info(?1) WHERE \"notnull\" = 1")
        .bind(table)
        .fetch_all(conn)
        .await?)
}

fn has(list: &[(&str, &str)], table: &str, column: &str) -> bool {
    list.iter().any(|(t, c)| *t == table && *c == column)
}

/// The SELECT that writes each row of `spec`'s table under the subtree `?1` as JSON text.
async fn select(conn: &mut SqliteConnection, spec: &Spec, personal: bool) -> Result<String> {
    let t = spec.table;
    let refs = references(conn, t).await?;
    let required = required(conn, t).await?;
    let mut fields = Vec::new();
    for c in columns(conn, t).await? {
        if c == "id" || has(DERIVED, t, &c) {
            continue;
        }
        let col = format!("t.{}", quoted(&c));
        let value = if has(FILES, t, &c) {
            "NULL".to_owned()
        } else if has(PERSONAL, t, &c) && !personal {
            if required.contains(&c) {
                "''".to_owned()
            } else {
                "NULL".to_owned()
            }
        } else if let Some((_, target)) = refs.iter().find(|(from, _)| *from == c) {
            format!("(SELECT uuid FROM {} WHERE id = {col})", quoted(target))
        } else if let Some((_, _, target)) = ID_LISTS.iter().find(|(lt, lc, _)| *lt == t && *lc == c) {
            format!(
                "COALESCE((SELECT group_concat(x.uuid, ',') FROM {} x WHERE ',' || {col} || ',' LIKE '%,' || x.id || ',%'), '')",
                quoted(target)
            )
        } else {
            col
        };
        fields.push(format!("'{}', {value}", c.replace('\'', "''")));
    }
    let own = spec.owner_of("t").map(|o| format!("{o} IN (SELECT org_id FROM org_subtree WHERE root_id = ?1)"));
    let shared = spec.shared.map(|s| format!("t.{s}"));
    let flag = match (&own, &shared) {
        (Some(o), Some(_)) => format!("CASE WHEN {o} THEN 0 ELSE 1 END"),
        (None, _) => "1".to_owned(),
        _ => "0".to_owned(),
    };
    fields.push(format!("'_shared', {flag}"));
    let filter = [own, shared].into_iter().flatten().map(|c| format!("({c})")).collect::<Vec<_>>().join(" OR ");
    let order = if t == "organizations" { "length(t.path), t.path" } else { "t.id" };
    Ok(format!("SELECT json_object({}) FROM {} t WHERE {filter} ORDER BY {order}", fields.join(", "), quoted(t)))
}

/// The subtree of `org_id` as a file's manifest and data (the data's JSON bytes).
pub async fn collect(
    conn: &mut SqliteConnection,
    org_id: i64,
    personal: bool,
    exported_at: String,
) -> Result<(Manifest, Vec<u8>)> {
    let root = org_store::get(conn, org_id).await?;
    let mut ancestors = Vec::new();
    for id in root.path.split('/').filter_map(|p| p.parse::<i64>().ok()).filter(|id| *id != root.id) {
        let org = org_store::get(conn, id).await?;
        ancestors.push(OrgRef { uuid: org.uuid, name: org.name, kind: org.kind });
    }
    let mut data = Data::new();
    for spec in SPECS {
        let sql = select(conn, spec, personal).await?;
        let rows: Vec<String> = sqlx::query_scalar(&sql).bind(org_id).fetch_all(&mut *conn).await?;
        let rows: Vec<Map<String, Value>> =
            rows.iter().filter_map(|r| serde_json::from_str::<Map<String, Value>>(r).ok()).collect();
        data.insert(spec.table.to_owned(), rows);
    }
    let bytes = serde_json::to_vec(&data).map_err(|e| crate::error::Error::Io(std::io::Error::other(e)))?;
    let counts = data
        .iter()
        .map(|(t, rows)| (t.clone(), rows.iter().filter(|r| r.get("_shared") == Some(&Value::from(0))).count()))
        .collect();
    let manifest = Manifest {
        format: file::FORMAT.into(),
        format_version: file::FORMAT_VERSION,
        app_version: env!("CARGO_PKG_VERSION").into(),
        schema_version: crate::db::latest_schema_version(),
        exported_at,
        source: OrgRef { uuid: root.uuid, name: root.name, kind: root.kind },
        ancestors,
        personal_data: personal,
        counts,
        data_sha256: file::sha256_hex(&bytes),
    };
    Ok((manifest, bytes))
}
