//! SQL for the `identity_marks` table.

use chrono::NaiveDate;
use sqlx::SqliteConnection;

use super::model::IdentityMark;
use crate::common::catalog::{Category, Gender, MarkType, MemberStatus};
use crate::error::Result;
use crate::roster::members::store::{list_row, ListRow};
use crate::roster::members::MemberRow;

use crate::db::now;

/// The status code of a live member, or None if there is none with this id.
pub async fn member_status(conn: &mut SqliteConnection, member_id: i64) -> Result<Option<MemberStatus>> {
    Ok(sqlx::query_scalar!(
        r#"SELECT status AS "status: MemberStatus" FROM members WHERE id = ?1 AND deleted_at IS NULL"#,
        member_id
    )
    .fetch_optional(conn)
    .await?)
}

/// Inserts the mark unless the member already holds one of this type; true if inserted.
pub async fn insert_if_absent(
    conn: &mut SqliteConnection,
    uuid: &str,
    member_id: i64,
    mark_type: MarkType,
    shown_on: NaiveDate,
    place: &str,
) -> Result<bool> {
    let (now, code) = (now(), mark_type.code());
    let done = sqlx::query!(
        "INSERT OR IGNORE INTO identity_marks (uuid, member_id, mark_type, shown_on, place, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
        uuid,
        member_id,
        code,
        shown_on,
        place,
        now
    )
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn for_member(conn: &mut SqliteConnection, member_id: i64) -> Result<Vec<IdentityMark>> {
    Ok(sqlx::query_as!(
        IdentityMark,
        r#"SELECT id AS "id!", member_id, mark_type AS "mark_type: MarkType", shown_on AS "shown_on: NaiveDate", place
           FROM identity_marks WHERE member_id = ?1 AND deleted_at IS NULL ORDER BY shown_on, id"#,
        member_id
    )
    .fetch_all(conn)
    .await?)
}

pub async fn soft_delete(conn: &mut SqliteConnection, mark_id: i64) -> Result<()> {
    let now = now();
    sqlx::query!("UPDATE identity_marks SET deleted_at = ?1, updated_at = ?1 WHERE id = ?2", now, mark_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// (members on the roll, of whom holding at least one mark) under a subtree.
pub async fn shown_counts(conn: &mut SqliteConnection, under: Option<i64>) -> Result<(i64, i64)> {
    let r = sqlx::query!(
        r#"SELECT count(*) AS "active!: i64",
                  coalesce(sum(EXISTS (SELECT 1 FROM identity_marks i WHERE i.member_id = m.id AND i.deleted_at IS NULL)), 0) AS "shown!: i64"
           FROM members m
           WHERE m.deleted_at IS NULL AND m.status = 'active'
             AND (?1 IS NULL OR m.org_id IN (SELECT org_id FROM org_subtree WHERE root_id = ?1))"#,
        under
    )
    .fetch_one(conn)
    .await?;
    Ok((r.active, r.shown))
}

pub async fn counts_by_type(conn: &mut SqliteConnection, under: Option<i64>) -> Result<Vec<(String, i64)>> {
    let rows = sqlx::query!(
        r#"SELECT i.mark_type, count(DISTINCT i.member_id) AS "n!: i64"
           FROM identity_marks i JOIN members m ON m.id = i.member_id
           WHERE i.deleted_at IS NULL AND m.deleted_at IS NULL AND m.status = 'active'
             AND (?1 IS NULL OR m.org_id IN (SELECT org_id FROM org_subtree WHERE root_id = ?1))
           GROUP BY i.mark_type"#,
        under
    )
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(|r| (r.mark_type, r.n)).collect())
}

pub async fn not_shown(
    conn: &mut SqliteConnection,
    under: Option<i64>,
    limit: u32,
    offset: u32,
) -> Result<Vec<MemberRow>> {
    let rows = sqlx::query_as!(
        ListRow,
        r#"SELECT m.id AS "id!", m.name, m.gender AS "gender: Gender", m.ethnicity, m.birth_date AS "birth_date: NaiveDate",
                  m.joined_on AS "joined_on: NaiveDate", m.org_id, o.name AS org_name,
                  m.category AS "category: Category", m.status AS "status: MemberStatus",
                  m.status_date AS "status_date: NaiveDate", m.id_number, m.phone, p.name AS "post_name?"
           FROM members m JOIN organizations o ON o.id = m.org_id
           LEFT JOIN post_assignments a ON a.member_id = m.id AND a.end_on IS NULL
           LEFT JOIN posts p ON p.id = a.post_id
           WHERE m.deleted_at IS NULL AND m.status = 'active'
             AND (?1 IS NULL OR m.org_id IN (SELECT org_id FROM org_subtree WHERE root_id = ?1))
             AND NOT EXISTS (SELECT 1 FROM identity_marks i WHERE i.member_id = m.id AND i.deleted_at IS NULL)
           ORDER BY +m.sort_name, m.id
           LIMIT ?2 OFFSET ?3"#,
        under,
        limit,
        offset
    )
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(list_row).collect())
}

/// Marks for many members at once (member, mark, shown on, place); a mark a member already has
/// is left as it is, like [`insert_if_absent`].
pub async fn insert_many(conn: &mut SqliteConnection, marks: &[(i64, MarkType, NaiveDate, String)]) -> Result<()> {
    let rows: Vec<serde_json::Value> = marks
        .iter()
        .map(|(member, mark, shown, place)| {
            serde_json::json!({
                "uuid": uuid::Uuid::new_v4().to_string(), "member_id": member, "mark_type": mark.code(),
                "shown_on": shown.to_string(), "place": place,
            })
        })
        .collect();
    crate::db::batch::in_chunks(
        conn,
        "INSERT OR IGNORE INTO identity_marks (uuid, member_id, mark_type, shown_on, place, created_at, updated_at)
         SELECT value ->> 'uuid', value ->> 'member_id', value ->> 'mark_type', value ->> 'shown_on', value ->> 'place',
                ?2, ?2
         FROM json_each(?1) ORDER BY key",
        &rows,
        |_| {},
    )
    .await
}
