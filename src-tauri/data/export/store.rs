//! The rows a roster export reads: every field of the members a filter matched, in one query.

use chrono::NaiveDate;
use sqlx::SqliteConnection;

use crate::common::catalog::{Category, Gender, MemberStatus};
use crate::error::Result;

#[derive(Debug, Clone)]
pub struct ExportRow {
    pub org_id: i64,
    pub name: String,
    pub gender: Gender,
    pub ethnicity: String,
    pub birth_date: NaiveDate,
    pub joined_on: NaiveDate,
    pub id_number: Option<String>,
    pub phone: String,
    pub category: Category,
    pub education: String,
    pub work_unit: String,
    pub address: String,
    pub notes: String,
    pub status: MemberStatus,
}

/// The members with these ids, by organization and then name as the roster sorts them.
pub async fn rows(conn: &mut SqliteConnection, ids: &[i64]) -> Result<Vec<ExportRow>> {
    let ids = serde_json::to_string(ids).unwrap_or_else(|_| "[]".to_owned());
    Ok(sqlx::query_as!(
        ExportRow,
        r#"SELECT m.org_id, m.name, m.gender AS "gender: Gender", m.ethnicity,
                  m.birth_date AS "birth_date: NaiveDate", m.joined_on AS "joined_on: NaiveDate",
                  m.id_number, m.phone, m.category AS "category: Category", m.education, m.work_unit,
                  m.address, m.notes, m.status AS "status: MemberStatus"
           FROM members m JOIN organizations o ON o.id = m.org_id
           WHERE m.id IN (SELECT value FROM json_each(?1))
           ORDER BY o.path, m.sort_name, m.id"#,
        ids
    )
    .fetch_all(conn)
    .await?)
}
