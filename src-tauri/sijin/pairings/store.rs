//! SQL for unit–community pairings and their support records.

use chrono::NaiveDate;
use sqlx::SqliteConnection;

use super::model::{Pairing, PairingStats, SupportRecord, ValidPairing};
use crate::common::catalog::SupportKind;
use crate::common::limits;
use crate::error::{Error, Result};

use crate::db::now;

/// The modifier of SQLite's `date()` that reaches the agreement notice horizon.
fn notice_horizon() -> String {
    format!("+{} days", limits::AGREEMENT_NOTICE_DAYS)
}

/// Pairings under an organization (all when `None`), or only the pairing `only`, with their
/// support figures: the one projection the list and a single pairing share.
async fn rows(
    conn: &mut SqliteConnection,
    under: Option<i64>,
    only: Option<i64>,
    today: NaiveDate,
) -> Result<Vec<Pairing>> {
    let horizon = notice_horizon();
    Ok(sqlx::query_as!(
        Pairing,
        r#"SELECT p.id AS "id!", p.unit_id, u.name AS unit_name, p.community_id, c.name AS community_name,
                  p.start_on AS "start_on: NaiveDate", p.end_on AS "end_on: NaiveDate",
                  p.signed_on AS "signed_on: NaiveDate", p.agreement_until AS "agreement_until: NaiveDate",
                  p.agreement, p.scan_name,
                  (SELECT count(*) FROM support_records s WHERE s.pairing_id = p.id AND s.deleted_at IS NULL) AS "records!: i64",
                  (SELECT coalesce(sum(s.amount_fen), 0) FROM support_records s
                    WHERE s.pairing_id = p.id AND s.deleted_at IS NULL AND s.kind = 'funds') AS "funds_fen!: i64",
                  coalesce(p.end_on IS NULL AND p.agreement_until BETWEEN ?3 AND date(?3, ?4), 0) AS "agreement_ending_soon!: bool",
                  (SELECT COALESCE(max(id), 0) FROM change_log) AS "version!: i64"
           FROM pairings p JOIN organizations u ON u.id = p.unit_id JOIN organizations c ON c.id = p.community_id
           WHERE p.deleted_at IS NULL AND (?1 IS NULL OR c.id IN (SELECT org_id FROM org_subtree WHERE root_id = ?1))
             AND (?2 IS NULL OR p.id = ?2)
           ORDER BY p.end_on IS NOT NULL, c.path, u.name, p.id"#,
        under,
        only,
        today,
        horizon
    )
    .fetch_all(conn)
    .await?)
}

pub async fn list(conn: &mut SqliteConnection, under: Option<i64>, today: NaiveDate) -> Result<Vec<Pairing>> {
    rows(conn, under, None, today).await
}

pub async fn get(conn: &mut SqliteConnection, id: i64, today: NaiveDate) -> Result<Pairing> {
    rows(conn, None, Some(id), today).await?.pop().ok_or_else(|| Error::NotFound("结对记录不存在或已删除".into()))
}

pub async fn open_between(conn: &mut SqliteConnection, unit_id: i64, community_id: i64) -> Result<Option<i64>> {
    Ok(sqlx::query_scalar!(
        r#"SELECT id AS "id!" FROM pairings
           WHERE unit_id = ?1 AND community_id = ?2 AND end_on IS NULL AND deleted_at IS NULL"#,
        unit_id,
        community_id
    )
    .fetch_optional(conn)
    .await?)
}

pub async fn insert(conn: &mut SqliteConnection, p: &ValidPairing) -> Result<i64> {
    let (now, uuid) = (now(), uuid::Uuid::new_v4().to_string());
    Ok(sqlx::query_scalar!(
        r#"INSERT INTO pairings (uuid, unit_id, community_id, start_on, signed_on, agreement_until, agreement, created_at, updated_at)
           VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8) RETURNING id AS "id!""#,
        uuid,
        p.unit_id,
        p.community_id,
        p.start_on,
        p.signed_on,
        p.agreement_until,
        p.agreement,
        now
    )
    .fetch_one(conn)
    .await?)
}

pub async fn update_agreement(
    conn: &mut SqliteConnection,
    id: i64,
    signed_on: Option<NaiveDate>,
    until: Option<NaiveDate>,
    agreement: &str,
) -> Result<()> {
    let now = now();
    sqlx::query!(
        "UPDATE pairings SET signed_on = ?1, agreement_until = ?2, agreement = ?3, updated_at = ?4 WHERE id = ?5",
        signed_on,
        until,
        agreement,
        now,
        id
    )
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn end(conn: &mut SqliteConnection, id: i64, on: NaiveDate) -> Result<()> {
    let now = now();
    sqlx::query!("UPDATE pairings SET end_on = ?1, updated_at = ?2 WHERE id = ?3", on, now, id).execute(conn).await?;
    Ok(())
}

/// The stored file of the pairing's agreement scan, if any.
pub async fn scan_file(conn: &mut SqliteConnection, id: i64) -> Result<Option<String>> {
    Ok(sqlx::query_scalar("SELECT scan_file FROM pairings WHERE id = ?1")
        .bind(id)
        .fetch_optional(conn)
        .await?
        .flatten())
}

pub async fn set_scan(conn: &mut SqliteConnection, id: i64, stored: &str, original: &str) -> Result<()> {
    let now = now();
    sqlx::query!(
        "UPDATE pairings SET scan_file = ?1, scan_name = ?2, updated_at = ?3 WHERE id = ?4",
        stored,
        original,
        now,
        id
    )
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn insert_support(
    conn: &mut SqliteConnection,
    pairing_id: i64,
    kind: SupportKind,
    on: NaiveDate,
    description: &str,
    amount_fen: Option<i64>,
) -> Result<i64> {
    let (now, uuid, kind) = (now(), uuid::Uuid::new_v4().to_string(), kind.code());
    Ok(sqlx::query_scalar!(
        r#"INSERT INTO support_records (uuid, pairing_id, kind, given_on, description, amount_fen, created_at, updated_at)
           VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7) RETURNING id AS "id!""#,
        uuid,
        pairing_id,
        kind,
        on,
        description,
        amount_fen,
        now
    )
    .fetch_one(conn)
    .await?)
}

pub async fn update_support(
    conn: &mut SqliteConnection,
    id: i64,
    kind: SupportKind,
    on: NaiveDate,
    description: &str,
    amount_fen: Option<i64>,
) -> Result<()> {
    let (now, kind) = (now(), kind.code());
    sqlx::query!(
        "UPDATE support_records SET kind = ?1, given_on = ?2, description = ?3, amount_fen = ?4, updated_at = ?5 WHERE id = ?6",
        kind,
        on,
        description,
        amount_fen,
        now,
        id
    )
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn support(conn: &mut SqliteConnection, id: i64) -> Result<SupportRecord> {
    let r = sqlx::query_as!(
        SupportRecord,
        r#"SELECT id AS "id!", pairing_id, kind AS "kind: SupportKind", given_on AS "given_on: NaiveDate", description, amount_fen,
                  (SELECT COALESCE(max(id), 0) FROM change_log) AS "version!: i64"
           FROM support_records WHERE id = ?1 AND deleted_at IS NULL"#,
        id
    )
    .fetch_optional(conn)
    .await?
    .ok_or_else(|| Error::NotFound("帮扶记录不存在或已删除".into()))?;
    Ok(r)
}

pub async fn supports(conn: &mut SqliteConnection, pairing_id: i64) -> Result<Vec<SupportRecord>> {
    let rows = sqlx::query_as!(
        SupportRecord,
        r#"SELECT id AS "id!", pairing_id, kind AS "kind: SupportKind", given_on AS "given_on: NaiveDate", description, amount_fen,
                  (SELECT COALESCE(max(id), 0) FROM change_log) AS "version!: i64"
           FROM support_records WHERE pairing_id = ?1 AND deleted_at IS NULL ORDER BY given_on DESC, id DESC"#,
        pairing_id
    )
    .fetch_all(conn)
    .await?;
    Ok(rows)
}

pub async fn stats(conn: &mut SqliteConnection, under: Option<i64>) -> Result<PairingStats> {
    let r = sqlx::query!(
        r#"SELECT count(*) AS "pairings!: i64", count(DISTINCT p.community_id) AS "communities!: i64",
                  coalesce((SELECT sum(s.amount_fen) FROM support_records s JOIN pairings q ON q.id = s.pairing_id
                            JOIN organizations c2 ON c2.id = q.community_id
                            WHERE s.kind = 'funds' AND s.deleted_at IS NULL AND q.deleted_at IS NULL
                              AND (?1 IS NULL OR c2.id IN (SELECT org_id FROM org_subtree WHERE root_id = ?1))), 0) AS "funds_fen!: i64",
                  (SELECT count(*) FROM help_pairs h JOIN organizations c3 ON c3.id = h.community_id
                    WHERE h.deleted_at IS NULL AND h.end_on IS NULL AND (?1 IS NULL OR c3.id IN (SELECT org_id FROM org_subtree WHERE root_id = ?1))) AS "help_pairs!: i64"
           FROM pairings p JOIN organizations c ON c.id = p.community_id
           WHERE p.deleted_at IS NULL AND p.end_on IS NULL AND (?1 IS NULL OR c.id IN (SELECT org_id FROM org_subtree WHERE root_id = ?1))"#,
        under
    )
    .fetch_one(conn)
    .await?;
    Ok(PairingStats {
        pairings: r.pairings,
        communities: r.communities,
        funds_fen: r.funds_fen,
        help_pairs: r.help_pairs,
    })
}

pub async fn delete_support(conn: &mut SqliteConnection, id: i64) -> Result<()> {
    let now = now();
    sqlx::query!("UPDATE support_records SET deleted_at = ?1, updated_at = ?1 WHERE id = ?2", now, id)
        .execute(conn)
        .await?;
    Ok(())
}
