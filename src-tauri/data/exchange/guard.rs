//! Imported organizations are read-only here: triggers refuse every write to a record that
//! belongs to one (found by the same owner expressions the export uses), except the import's
//! own. Generated from the table list at every opening, like 操作记录's triggers.

use sqlx::SqliteConnection;

use super::tables::SPECS;
use crate::db::history::renew_trigger;
use crate::db::quoted_name as quoted;
use crate::error::Result;

/// The message SQLite raises, turned into Chinese by `error.rs`.
pub const READ_ONLY: &str = "sanliang: imported records are read-only";

/// While this setting exists (an import under way), the guard lets writes through.
pub const IMPORTING_KEY: &str = "exchange.importing";

fn triggers(table: &str, owner: &str) -> Vec<(String, String)> {
    let imported = "(SELECT s.org_id FROM org_subtree s JOIN exchange_imports e ON s.root_id = e.org_id)";
    let of = |row: &str| {
        // A new organization belongs to its parent until it has an id.
        if table == "organizations" && row == "NEW" {
            "NEW.parent_id".to_owned()
        } else {
            owner.replace("{r}", row)
        }
    };
    let when = |rows: &[&str]| {
        let test = rows.iter().map(|r| format!("{} IN {imported}", of(r))).collect::<Vec<_>>().join(" OR ");
        format!(
            "EXISTS (SELECT 1 FROM exchange_imports) AND NOT EXISTS (SELECT 1 FROM settings WHERE key = '{IMPORTING_KEY}') AND ({test})"
        )
    };
    [("insert", "INSERT", vec!["NEW"]), ("update", "UPDATE", vec!["OLD", "NEW"]), ("delete", "DELETE", vec!["OLD"])]
        .into_iter()
        .map(|(name, write, rows)| {
            let trigger = format!("exchange_guard_{table}_{name}");
            let sql = format!(
                "CREATE TRIGGER {} BEFORE {write} ON {} WHEN {} BEGIN SELECT RAISE(ABORT, '{READ_ONLY}'); END",
                quoted(&trigger),
                quoted(table),
                when(&rows)
            );
            (trigger, sql)
        })
        .collect()
}

/// Creates or renews the guard's triggers; current ones are left alone.
pub async fn install(conn: &mut SqliteConnection) -> Result<()> {
    for spec in SPECS {
        let Some(owner) = spec.owner else { continue };
        for (name, sql) in triggers(spec.table, owner) {
            renew_trigger(conn, &name, &sql).await?;
        }
    }
    Ok(())
}
