//! 机关单位进社区 — units paired with communities ("1+1") under a 《社区党建共建协议》 (signed
//! date, term, content, optional scan), the support each pairing records (funds kept exactly in
//! fen), and 党员领导干部帮扶对子 with their records.

mod model;
pub(crate) mod store;

pub use model::*;

use std::path::Path;

use chrono::NaiveDate;
use sqlx::{SqliteConnection, SqlitePool};

use crate::common::catalog::{BinnedFileKind, OrgKind, RecordKind, SupportKind};
use crate::common::files;
use crate::common::limits;
use crate::common::money::parse_yuan;
use crate::common::recycled::{self, Owner};
use crate::common::validate::{check_date, check_paragraphs, check_past_date};
use crate::common::versions;
use crate::error::{Error, Result};
use crate::roster::orgs::store as org_store;

use crate::common::files::SCAN_DIR;

fn optional_date(field: &str, label: &str, text: &str) -> Result<Option<NaiveDate>> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    check_date(field, label, text).map(Some)
}

pub async fn create(pool: &SqlitePool, input: &PairingInput, today: NaiveDate) -> Result<Pairing> {
    let unit_id = input.unit_id.ok_or_else(|| Error::validation("unitId", "请选择机关单位"))?;
    let community_id = input.community_id.ok_or_else(|| Error::validation("communityId", "请选择结对社区"))?;
    let start_on = check_past_date("startOn", "结对日期", &input.start_on, today)?;
    let (signed_on, agreement_until, agreement) =
        check_agreement(&input.signed_on, &input.agreement_until, &input.agreement, today)?;
    let mut tx = crate::db::write(pool).await?;
    let unit =
        org_store::get(&mut tx, unit_id).await.map_err(|_| Error::validation("unitId", "所选单位不存在或已删除"))?;
    if unit.kind != OrgKind::Unit {
        return Err(Error::validation("unitId", "请选择机关事业单位、企业或社会组织"));
    }
    let community = org_store::get(&mut tx, community_id)
        .await
        .map_err(|_| Error::validation("communityId", "所选社区不存在或已删除"))?;
    if community.kind != OrgKind::Community {
        return Err(Error::validation("communityId", "结对的一方应是社区党组织"));
    }
    if store::open_between(&mut tx, unit_id, community_id).await?.is_some() {
        return Err(Error::conflict(
            Some("communityId"),
            format!("{}已与{}结对，不能重复结对", unit.name, community.name),
        ));
    }
    let valid = ValidPairing { unit_id, community_id, start_on, signed_on, agreement_until, agreement };
    let id = store::insert(&mut tx, &valid).await?;
    tx.commit().await?;
    store::get(&mut *pool.acquire().await?, id, today).await
}

/// The agreement's signing date (not in the future), term (not before signing; only with a
/// signing date) and content.
fn check_agreement(
    signed_on: &str,
    until: &str,
    agreement: &str,
    today: NaiveDate,
) -> Result<(Option<NaiveDate>, Option<NaiveDate>, String)> {
    let signed_on = optional_date("signedOn", "协议签订日期", signed_on)?;
    if signed_on.is_some_and(|d| d > today) {
        return Err(Error::validation("signedOn", "协议签订日期不能晚于今天"));
    }
    let agreement_until = optional_date("agreementUntil", "协议有效期", until)?;
    if let (Some(signed), Some(until)) = (signed_on, agreement_until) {
        if until < signed {
            return Err(Error::validation("agreementUntil", "协议有效期不能早于签订日期"));
        }
    }
    if agreement_until.is_some() && signed_on.is_none() {
        return Err(Error::validation("signedOn", "填写了协议有效期，请同时填写签订日期"));
    }
    let agreement = check_paragraphs("agreement", "协议内容", agreement, limits::AGREEMENT, false)?;
    Ok((signed_on, agreement_until, agreement))
}

/// Corrects or renews (续签) the agreement of a pairing still in force.
pub async fn update_agreement(pool: &SqlitePool, id: i64, input: &AgreementInput, today: NaiveDate) -> Result<Pairing> {
    let (signed_on, until, agreement) =
        check_agreement(&input.signed_on, &input.agreement_until, &input.agreement, today)?;
    let mut tx = crate::db::write(pool).await?;
    let p = store::get(&mut tx, id, today).await?;
    let what = format!("{}与{}的共建协议", p.unit_name, p.community_name);
    versions::check(&mut tx, RecordKind::Pairing, id, input.version, &what).await?;
    if p.end_on.is_some() {
        return Err(Error::conflict(None, "该结对已经结束，协议不能再修改"));
    }
    store::update_agreement(&mut tx, id, signed_on, until, &agreement).await?;
    let saved = store::get(&mut tx, id, today).await?;
    tx.commit().await?;
    Ok(saved)
}

/// Ends a pairing on a date (not before it began, not in the future).
pub async fn end(pool: &SqlitePool, id: i64, end_on: &str, today: NaiveDate) -> Result<Pairing> {
    let end_on = check_past_date("endOn", "结束日期", end_on, today)?;
    let mut conn = pool.acquire().await?;
    let p = store::get(&mut conn, id, today).await?;
    if p.end_on.is_some() {
        return Err(Error::conflict(None, "该结对已经结束"));
    }
    if end_on < p.start_on {
        return Err(Error::validation("endOn", "结束日期不能早于结对日期"));
    }
    store::end(&mut conn, id, end_on).await?;
    store::get(&mut conn, id, today).await
}

pub async fn list(pool: &SqlitePool, org_id: Option<i64>, today: NaiveDate) -> Result<Vec<Pairing>> {
    store::list(&mut *pool.acquire().await?, org_id, today).await
}

pub async fn stats(pool: &SqlitePool, org_id: Option<i64>) -> Result<PairingStats> {
    store::stats(&mut *pool.acquire().await?, org_id).await
}

/// Records support under a pairing, dated within the pairing and not in the future.
pub async fn add_support(pool: &SqlitePool, input: &SupportInput, today: NaiveDate) -> Result<SupportRecord> {
    let mut conn = pool.acquire().await?;
    let (kind, given_on, description, amount_fen) = checked_support(&mut conn, input.pairing_id, input, today).await?;
    let id = store::insert_support(&mut conn, input.pairing_id, kind, given_on, &description, amount_fen).await?;
    store::support(&mut conn, id).await
}

/// Corrects a support record (e.g. a mistyped amount); it stays under its pairing.
pub async fn update_support(
    pool: &SqlitePool,
    id: i64,
    input: &SupportInput,
    today: NaiveDate,
) -> Result<SupportRecord> {
    let mut tx = crate::db::write(pool).await?;
    let record = store::support(&mut tx, id).await.map_err(|_| Error::NotFound("帮扶记录不存在".into()))?;
    versions::check(&mut tx, RecordKind::SupportRecord, id, input.version, "这条帮扶记录").await?;
    let (kind, given_on, description, amount_fen) = checked_support(&mut tx, record.pairing_id, input, today).await?;
    store::update_support(&mut tx, id, kind, given_on, &description, amount_fen).await?;
    let saved = store::support(&mut tx, id).await?;
    tx.commit().await?;
    Ok(saved)
}

/// A support record's fields, checked against its pairing: (kind, date, description, amount in fen).
async fn checked_support(
    conn: &mut SqliteConnection,
    pairing_id: i64,
    input: &SupportInput,
    today: NaiveDate,
) -> Result<(SupportKind, NaiveDate, String, Option<i64>)> {
    let kind = input.kind.ok_or_else(|| Error::validation("kind", "请选择帮扶类型"))?;
    let given_on = check_past_date("givenOn", "日期", &input.given_on, today)?;
    let description = check_paragraphs("description", "帮扶内容", &input.description, limits::RECORD_TEXT, true)?;
    let amount_fen = if input.amount.trim().is_empty() {
        if kind == SupportKind::Funds {
            return Err(Error::validation("amount", "资金帮扶请填写金额"));
        }
        None
    } else {
        Some(parse_yuan("amount", &input.amount)?)
    };
    let pairing = store::get(conn, pairing_id, today).await?;
    if given_on < pairing.start_on || pairing.end_on.is_some_and(|e| given_on > e) {
        return Err(Error::validation("givenOn", "日期应在结对期间内"));
    }
    Ok((kind, given_on, description, amount_fen))
}

pub async fn support_records(pool: &SqlitePool, pairing_id: i64) -> Result<Vec<SupportRecord>> {
    store::supports(&mut *pool.acquire().await?, pairing_id).await
}

/// Keeps a scan of the signed agreement (PDF or image) in the data folder.
pub async fn attach_scan(
    pool: &SqlitePool,
    data_dir: &Path,
    pairing_id: i64,
    source: &Path,
    today: NaiveDate,
) -> Result<Pairing> {
    let mut tx = crate::db::write(pool).await?;
    let before = store::get(&mut tx, pairing_id, today).await?;
    let picked = files::check(source, files::SCANS, "scan")?;
    let stored = files::keep_copy(data_dir, SCAN_DIR, &picked, "scan")?;
    // The scan replaced goes to the recycle bin.
    if let Some(old) = store::scan_file(&mut tx, pairing_id).await? {
        let owner = Owner { pairing_id: Some(pairing_id), ..Owner::default() };
        let name = before.scan_name.unwrap_or_default();
        recycled::keep(&mut tx, data_dir, BinnedFileKind::Scan, owner, &data_dir.join(SCAN_DIR).join(old), &name)
            .await?;
    }
    store::set_scan(&mut tx, pairing_id, &stored, &picked.name).await?;
    let pairing = store::get(&mut tx, pairing_id, today).await?;
    tx.commit().await?;
    Ok(pairing)
}
/// Removes a wrongly entered support record.
pub async fn delete_support(pool: &SqlitePool, id: i64) -> Result<()> {
    let mut conn = pool.acquire().await?;
    store::support(&mut conn, id).await.map_err(|_| Error::NotFound("帮扶记录不存在".into()))?;
    store::delete_support(&mut conn, id).await
}
