//! SQL the import needs beyond the roster's own: every live member's identity in one query, so
//! 20,000 rows are checked for duplicates without 20,000 queries.

use chrono::NaiveDate;
use sqlx::SqliteConnection;

use crate::error::Result;

/// A member already in the database, as duplicates are judged.
#[derive(Debug, Clone)]
pub struct Existing {
    pub id: i64,
    pub name: String,
    pub birth_date: NaiveDate,
    pub id_number: Option<String>,
    pub org_name: String,
}

pub async fn live_members(conn: &mut SqliteConnection) -> Result<Vec<Existing>> {
    Ok(sqlx::query_as!(
        Existing,
        r#"SELECT m.id AS "id!", m.name, m.birth_date AS "birth_date: NaiveDate", m.id_number, o.name AS org_name
           FROM members m JOIN organizations o ON o.id = m.org_id
           WHERE m.deleted_at IS NULL"#
    )
    .fetch_all(conn)
    .await?)
}
