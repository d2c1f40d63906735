//! SQL for pledges and their items, progress entries, evidence files and appraisals.

use chrono::NaiveDate;
use sqlx::SqliteConnection;

use super::model::{Appraisal, Evidence, PledgeItem, Progress, ValidPledge};
use super::rules::vague_flags;
use crate::common::catalog::{Appraiser, Category, PledgeStatus, Rating};
use crate::error::{Error, Result};

use crate::db::now;

/// The pledge itself, with its stored (not effective) status.
pub struct Head {
    pub year: i32,
    pub member_id: Option<i64>,
    pub org_id: Option<i64>,
    pub owner_name: String,
    pub org_name: String,
    pub category: Option<Category>,
    pub status: PledgeStatus,
    pub pledged_on: NaiveDate,
    pub published_on: Option<NaiveDate>,
    pub closed_on: Option<NaiveDate>,
}

pub async fn get(conn: &mut SqliteConnection, id: i64) -> Result<Head> {
    let r = sqlx::query!(
        r#"SELECT p.year AS "year: i32", p.member_id, p.org_id,
                  COALESCE(m.name, o.name) AS "owner_name!: String",
                  COALESCE(mo.name, o.name) AS "org_name!: String",
                  m.category AS "category?: Category", p.status AS "status: PledgeStatus",
                  p.pledged_on AS "pledged_on: NaiveDate", p.published_on AS "published_on: NaiveDate",
                  p.closed_on AS "closed_on: NaiveDate"
           FROM pledges p
           LEFT JOIN members m ON m.id = p.member_id
           LEFT JOIN organizations mo ON mo.id = m.org_id
           LEFT JOIN organizations o ON o.id = p.org_id
           WHERE p.id = ?1 AND p.deleted_at IS NULL"#,
        id
    )
    .fetch_optional(conn)
    .await?
    .ok_or_else(|| Error::NotFound("承诺不存在或已删除".into()))?;
    Ok(Head {
        year: r.year,
        member_id: r.member_id,
        org_id: r.org_id,
        owner_name: r.owner_name,
        org_name: r.org_name,
        category: r.category,
        status: r.status,
        pledged_on: r.pledged_on,
        published_on: r.published_on,
        closed_on: r.closed_on,
    })
}

/// The owner's pledge for a year, if any.
pub async fn of_owner(
    conn: &mut SqliteConnection,
    member_id: Option<i64>,
    org_id: Option<i64>,
    year: i32,
) -> Result<Option<i64>> {
    Ok(sqlx::query_scalar!(
        r#"SELECT id AS "id!" FROM pledges
           WHERE year = ?3 AND deleted_at IS NULL
             AND ((?1 IS NOT NULL AND member_id = ?1) OR (?2 IS NOT NULL AND org_id = ?2))"#,
        member_id,
        org_id,
        year
    )
    .fetch_optional(conn)
    .await?)
}

/// Whether the owner may still pledge: a member on the roll, or an organization not deleted.
pub async fn owner_active(conn: &mut SqliteConnection, member_id: Option<i64>, org_id: Option<i64>) -> Result<bool> {
    Ok(sqlx::query_scalar!(
        r#"SELECT (EXISTS (SELECT 1 FROM members WHERE id = ?1 AND status = 'active' AND deleted_at IS NULL)
                OR EXISTS (SELECT 1 FROM organizations WHERE id = ?2 AND deleted_at IS NULL)) AS "ok!: bool""#,
        member_id,
        org_id
    )
    .fetch_one(conn)
    .await?)
}

async fn insert_items(conn: &mut SqliteConnection, pledge_id: i64, pledge: &ValidPledge) -> Result<()> {
    let now = now();
    for (seq, item) in (1_i64..).zip(&pledge.items) {
        let uuid = uuid::Uuid::new_v4().to_string();
        sqlx::query!(
            "INSERT INTO pledge_items (uuid, pledge_id, seq, content, measures, owner, deadline, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
            uuid,
            pledge_id,
            seq,
            item.content,
            item.measures,
            item.owner,
            item.deadline,
            now
        )
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// Inserts a draft pledge and its items.
pub async fn insert(conn: &mut SqliteConnection, pledge: &ValidPledge) -> Result<i64> {
    let (now, uuid) = (now(), uuid::Uuid::new_v4().to_string());
    let id = sqlx::query_scalar!(
        r#"INSERT INTO pledges (uuid, year, member_id, org_id, pledged_on, status, created_at, updated_at)
           VALUES (?1, ?2, ?3, ?4, ?5, 'draft', ?6, ?6) RETURNING id AS "id!""#,
        uuid,
        pledge.year,
        pledge.member_id,
        pledge.org_id,
        pledge.pledged_on,
        now
    )
    .fetch_one(&mut *conn)
    .await?;
    insert_items(conn, id, pledge).await?;
    Ok(id)
}

/// Rewrites a draft's date and items. Drafts have no progress, so items are simply replaced.
pub async fn replace_draft(conn: &mut SqliteConnection, id: i64, pledge: &ValidPledge) -> Result<()> {
    let now = now();
    sqlx::query!("UPDATE pledges SET pledged_on = ?1, updated_at = ?2 WHERE id = ?3", pledge.pledged_on, now, id)
        .execute(&mut *conn)
        .await?;
    sqlx::query!("DELETE FROM pledge_items WHERE pledge_id = ?1", id).execute(&mut *conn).await?;
    insert_items(conn, id, pledge).await
}

pub async fn publish(conn: &mut SqliteConnection, id: i64, on: NaiveDate) -> Result<()> {
    let now = now();
    sqlx::query!(
        "UPDATE pledges SET status = 'published', published_on = ?1, updated_at = ?2 WHERE id = ?3 AND status = 'draft'",
        on,
        now,
        id
    )
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn close(conn: &mut SqliteConnection, id: i64, outcome: PledgeStatus, on: NaiveDate) -> Result<()> {
    let (now, code) = (now(), outcome.code());
    sqlx::query!(
        "UPDATE pledges SET status = ?1, closed_on = ?2, updated_at = ?3 WHERE id = ?4 AND status = 'published'",
        code,
        on,
        now,
        id
    )
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn soft_delete(conn: &mut SqliteConnection, id: i64) -> Result<()> {
    let now = now();
    sqlx::query!("UPDATE pledges SET deleted_at = ?1, updated_at = ?1 WHERE id = ?2", now, id).execute(conn).await?;
    Ok(())
}

/// A pledge's items in order; `overdue` only while the pledge is published.
pub async fn items(conn: &mut SqliteConnection, pledge_id: i64, today: NaiveDate) -> Result<Vec<PledgeItem>> {
    let rows = sqlx::query!(
        r#"SELECT i.id AS "id!", i.seq, i.content, i.measures, i.owner,
                  i.deadline AS "deadline: NaiveDate", i.done_on AS "done_on: NaiveDate",
                  (p.status = 'published' AND i.done_on IS NULL AND i.deadline < ?2) AS "overdue!: bool"
           FROM pledge_items i JOIN pledges p ON p.id = i.pledge_id
           WHERE i.pledge_id = ?1 ORDER BY i.seq"#,
        pledge_id,
        today
    )
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| PledgeItem {
            flags: vague_flags(&r.content, &r.measures, &r.owner, r.deadline),
            id: r.id,
            seq: r.seq,
            content: r.content,
            measures: r.measures,
            owner: r.owner,
            deadline: r.deadline,
            done_on: r.done_on,
            overdue: r.overdue,
        })
        .collect())
}

pub async fn mark_item_done(conn: &mut SqliteConnection, item_id: i64, on: NaiveDate) -> Result<()> {
    let now = now();
    sqlx::query!("UPDATE pledge_items SET done_on = ?1, updated_at = ?2 WHERE id = ?3", on, now, item_id)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn insert_progress(
    conn: &mut SqliteConnection,
    pledge_id: i64,
    item_id: Option<i64>,
    on: NaiveDate,
    text: &str,
) -> Result<i64> {
    let (now, uuid) = (now(), uuid::Uuid::new_v4().to_string());
    Ok(sqlx::query_scalar!(
        r#"INSERT INTO pledge_progress (uuid, pledge_id, item_id, entered_on, text, created_at, updated_at)
           VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6) RETURNING id AS "id!""#,
        uuid,
        pledge_id,
        item_id,
        on,
        text,
        now
    )
    .fetch_one(conn)
    .await?)
}

/// Checks that a progress entry exists.
pub async fn progress_entry(conn: &mut SqliteConnection, id: i64) -> Result<()> {
    sqlx::query_scalar!(r#"SELECT id AS "id!" FROM pledge_progress WHERE id = ?1"#, id)
        .fetch_optional(conn)
        .await?
        .ok_or_else(|| Error::NotFound("践诺记录不存在".into()))?;
    Ok(())
}

/// Progress entries, newest first, each with its evidence.
pub async fn progress(conn: &mut SqliteConnection, pledge_id: i64) -> Result<Vec<Progress>> {
    let rows = sqlx::query!(
        r#"SELECT g.id AS "id!", g.item_id, i.seq AS "item_seq?", g.entered_on AS "entered_on: NaiveDate", g.text
           FROM pledge_progress g LEFT JOIN pledge_items i ON i.id = g.item_id
           WHERE g.pledge_id = ?1 ORDER BY g.entered_on DESC, g.id DESC"#,
        pledge_id
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let evidence = evidence_of(conn, r.id).await?;
        out.push(Progress {
            id: r.id,
            item_id: r.item_id,
            item_seq: r.item_seq,
            entered_on: r.entered_on,
            text: r.text,
            evidence,
        });
    }
    Ok(out)
}

pub async fn insert_evidence(
    conn: &mut SqliteConnection,
    uuid: &str,
    progress_id: i64,
    original_name: &str,
    stored_name: &str,
    bytes: i64,
) -> Result<()> {
    let now = now();
    sqlx::query!(
        "INSERT INTO pledge_evidence (uuid, progress_id, original_name, stored_name, bytes, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        uuid,
        progress_id,
        original_name,
        stored_name,
        bytes,
        now
    )
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn evidence_of(conn: &mut SqliteConnection, progress_id: i64) -> Result<Vec<Evidence>> {
    Ok(sqlx::query_as!(
        Evidence,
        r#"SELECT id AS "id!", progress_id, original_name, bytes FROM pledge_evidence WHERE progress_id = ?1 ORDER BY id"#,
        progress_id
    )
    .fetch_all(conn)
    .await?)
}

pub async fn evidence_file(conn: &mut SqliteConnection, id: i64) -> Result<String> {
    sqlx::query_scalar!("SELECT stored_name FROM pledge_evidence WHERE id = ?1", id)
        .fetch_optional(conn)
        .await?
        .ok_or_else(|| Error::NotFound("证明材料不存在".into()))
}

/// An evidence file's stored name, its original name and the stored status of its pledge.
pub async fn evidence_with_status(conn: &mut SqliteConnection, id: i64) -> Result<(String, String, PledgeStatus)> {
    let r = sqlx::query!(
        r#"SELECT e.stored_name, e.original_name, p.status AS "status: PledgeStatus" FROM pledge_evidence e
           JOIN pledge_progress g ON g.id = e.progress_id JOIN pledges p ON p.id = g.pledge_id
           WHERE e.id = ?1"#,
        id
    )
    .fetch_optional(conn)
    .await?
    .ok_or_else(|| Error::NotFound("证明材料不存在或已删除".into()))?;
    Ok((r.stored_name, r.original_name, r.status))
}

pub async fn delete_evidence(conn: &mut SqliteConnection, id: i64) -> Result<()> {
    sqlx::query!("DELETE FROM pledge_evidence WHERE id = ?1", id).execute(conn).await?;
    Ok(())
}

pub async fn insert_appraisal(
    conn: &mut SqliteConnection,
    pledge_id: i64,
    appraiser: Appraiser,
    rating: Rating,
    comment: &str,
    on: NaiveDate,
) -> Result<()> {
    let (now, uuid, appraiser, rating) = (now(), uuid::Uuid::new_v4().to_string(), appraiser.code(), rating.code());
    sqlx::query!(
        "INSERT INTO pledge_appraisals (uuid, pledge_id, appraiser, rating, comment, appraised_on, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
        uuid,
        pledge_id,
        appraiser,
        rating,
        comment,
        on,
        now
    )
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn appraisals(conn: &mut SqliteConnection, pledge_id: i64) -> Result<Vec<Appraisal>> {
    Ok(sqlx::query_as!(
        Appraisal,
        r#"SELECT id AS "id!", appraiser AS "appraiser: Appraiser", rating AS "rating: Rating", comment,
                  appraised_on AS "appraised_on: NaiveDate"
           FROM pledge_appraisals WHERE pledge_id = ?1 ORDER BY appraised_on, id"#,
        pledge_id
    )
    .fetch_all(conn)
    .await?)
}
