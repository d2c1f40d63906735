//! The triggers behind 操作记录: for every table of the data, one trigger per kind of write that
//! copies the record before and after into `change_log`, in the same statement's transaction.
//! They are generated from the tables' columns at every opening, so a table or column added by a
//! later migration is recorded without anyone remembering to.

use sqlx::SqliteConnection;

use super::quoted_name as quoted;
use crate::error::Result;

/// Tables whose writes are not recorded: SQLite's and the migrations' own, the window's
/// preferences, the log itself, and totals the triggers derive from other tables.
pub const UNRECORDED: &[&str] =
    &["_sqlx_migrations", "settings", "change_log", "exchange_imports", "pledge_totals", "member_keys"];

/// The setting that names who is working (操作人), copied into every record.
pub const OPERATOR_KEY: &str = "history.operator";

/// While this setting exists, nothing is recorded: loading or clearing the demo, which is not
/// anybody's work.
pub const PAUSE_KEY: &str = "history.paused";

/// Columns left out of the copies: bookkeeping that changes on every save and keys derived from
/// other columns. A save that changes nothing else leaves no record.
const UNCOPIED: &[&str] = &["created_at", "updated_at", "search_text", "sort_name"];

/// The tables recorded: every table of the data, by name.
pub async fn recorded_tables(conn: &mut SqliteConnection) -> Result<Vec<String>> {
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .fetch_all(conn)
    .await?;
    Ok(tables.into_iter().filter(|t| !UNRECORDED.contains(&t.as_str())).collect())
}

/// A table's columns, in order.
pub async fn columns(conn: &mut SqliteConnection, table: &str) -> Result<Vec<String>> {
    Ok(sqlx::query_scalar("SELECT name FROM pragma_table_info(?1) ORDER BY cid").bind(table).fetch_all(conn).await?)
}

/// SQL building a JSON object of the row `row` (NEW, OLD or a table alias) from these columns:
/// how the log copies a record, and how 回收站 reads one.
pub fn json_of<'a>(columns: impl IntoIterator<Item = &'a String>, row: &str) -> String {
    let pairs: Vec<String> =
        columns.into_iter().map(|c| format!("'{}', {row}.{}", c.replace('\'', "''"), quoted(c))).collect();
    format!("json_object({})", pairs.join(", "))
}

/// The trigger names of a table, one per kind of write.
pub fn trigger_names(table: &str) -> [String; 3] {
    ["insert", "update", "delete"].map(|w| format!("history_{table}_{w}"))
}

/// Creates or renews the triggers of every recorded table; a trigger whose text is current is
/// left alone, so an ordinary start writes nothing.
pub async fn install(conn: &mut SqliteConnection) -> Result<()> {
    for table in recorded_tables(conn).await? {
        let columns = columns(conn, &table).await?;
        for (name, sql) in trigger_names(&table).into_iter().zip(triggers(&table, &columns)) {
            renew_trigger(conn, &name, &sql).await?;
        }
    }
    Ok(())
}

/// Creates the trigger `name` as `sql`, replacing one whose text differs; a current one is left
/// alone (so an ordinary start writes nothing). Shared by every set of generated triggers.
pub async fn renew_trigger(conn: &mut SqliteConnection, name: &str, sql: &str) -> Result<()> {
    let current: Option<String> =
        sqlx::query_scalar("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?1")
            .bind(name)
            .fetch_optional(&mut *conn)
            .await?;
    if current.as_deref() != Some(sql) {
        sqlx::query(&format!("DROP TRIGGER IF EXISTS {}", quoted(name))).execute(&mut *conn).await?;
        sqlx::query(sql).execute(&mut *conn).await?;
    }
    Ok(())
}

/// The three triggers' SQL (insert, update, delete) for a table with these columns.
fn triggers(table: &str, columns: &[String]) -> [String; 3] {
    let has = |c: &str| columns.iter().any(|x| x == c);
    let copy = |row: &str| json_of(columns.iter().filter(|c| !UNCOPIED.contains(&c.as_str())), row);
    let clock = "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')";
    let at =
        |row: &str| if has("updated_at") { format!("COALESCE({row}.updated_at, {clock})") } else { clock.to_owned() };
    let member = |row: &str| {
        if table == "members" {
            format!("{row}.rowid")
        } else if has("member_id") {
            format!("{row}.member_id")
        } else {
            "NULL".to_owned()
        }
    };
    let names = trigger_names(table);
    let q = quoted(table);
    let t = table.replace('\'', "''");
    let head = |name: &str, write: &str, also: &str| {
        format!(
            "CREATE TRIGGER {} AFTER {write} ON {q} WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = '{PAUSE_KEY}'){also} BEGIN ",
            quoted(name)
        )
    };
    // An update fires only when a copied column changed: a save of what was there (an import
    // updating a whole roster with the same values) costs a comparison per column, no copies.
    let changed: Vec<String> = columns
        .iter()
        .filter(|c| !UNCOPIED.contains(&c.as_str()))
        .map(|c| format!("OLD.{0} IS NOT NEW.{0}", quoted(c)))
        .collect();
    let changed = format!(" AND ({})", changed.join(" OR "));
    let insert = "INSERT INTO change_log (at, operator, table_name, row_id, action, member_id, before, after)";
    let operator = format!("COALESCE((SELECT value FROM settings WHERE key = '{OPERATOR_KEY}'), '')");
    // A soft deletion (deleted_at set) sends the record to the recycle bin; clearing it brings
    // the record back.
    let action = if has("deleted_at") {
        "CASE WHEN OLD.deleted_at IS NULL AND NEW.deleted_at IS NOT NULL THEN 'delete' \
         WHEN OLD.deleted_at IS NOT NULL AND NEW.deleted_at IS NULL THEN 'restore' ELSE 'update' END"
    } else {
        "'update'"
    };
    [
        format!(
            "{}{insert} VALUES ({}, {operator}, '{t}', NEW.rowid, 'create', {}, NULL, {}); END",
            head(&names[0], "INSERT", ""),
            at("NEW"),
            member("NEW"),
            copy("NEW")
        ),
        format!(
            "{}{insert} VALUES ({}, {operator}, '{t}', NEW.rowid, {action}, {}, {}, {}); END",
            head(&names[1], "UPDATE", &changed),
            at("NEW"),
            member("NEW"),
            copy("OLD"),
            copy("NEW")
        ),
        format!(
            "{}{insert} VALUES ({clock}, {operator}, '{t}', OLD.rowid, 'delete', {}, {}, NULL); END",
            head(&names[2], "DELETE", ""),
            member("OLD"),
            copy("OLD")
        ),
    ]
}

/// Stops recording on this connection's transaction until [`resume`]: for writes that are
/// nobody's work (the demo). Both belong inside the same transaction, so a failure between them
/// rolls the pause back too.
pub async fn pause(conn: &mut SqliteConnection) -> Result<()> {
    sqlx::query("INSERT OR REPLACE INTO settings (key, value, updated_at) VALUES (?1, '1', ?2)")
        .bind(PAUSE_KEY)
        .bind(super::now())
        .execute(conn)
        .await?;
    Ok(())
}

/// Records again after [`pause`].
pub async fn resume(conn: &mut SqliteConnection) -> Result<()> {
    sqlx::query("DELETE FROM settings WHERE key = ?1").bind(PAUSE_KEY).execute(conn).await?;
    Ok(())
}

/// The log's position now: a version for a record read after it (by several statements).
pub async fn position(conn: &mut SqliteConnection) -> Result<i64> {
    Ok(sqlx::query_scalar("SELECT COALESCE(max(id), 0) FROM change_log").fetch_one(conn).await?)
}

/// When and by whom the record `table`/`id`, or one of its `parts` (a table and the column in it
/// naming the record, e.g. a pledge's items by `pledge_id`), was last changed, if that was after
/// `version`. Only the log's tail after `version` is read.
pub async fn changed_since(
    conn: &mut SqliteConnection,
    table: &str,
    id: i64,
    parts: &[(&str, &str)],
    version: i64,
) -> Result<Option<(String, String)>> {
    let mut owned = String::from("(table_name = ?2 AND row_id = ?3)");
    for (part, column) in parts {
        let (part, column) = (part.replace('\'', "''"), column.replace('\'', "''"));
        owned.push_str(&format!(
            " OR (table_name = '{part}' AND json_extract(COALESCE(after, before), '$.{column}') = ?3)"
        ));
    }
    Ok(sqlx::query_as(&format!(
        "SELECT at, operator FROM change_log WHERE id > ?1 AND ({owned}) ORDER BY id DESC LIMIT 1"
    ))
    .bind(version)
    .bind(table)
    .bind(id)
    .fetch_optional(conn)
    .await?)
}
