//! 践诺 and 评诺 — what happens to a pledge after it is published: progress entries (with
//! evidence files copied into the data folder), closing it as completed or not, and the
//! appraisals by the organization, members and residents. Each rule that makes no sense
//! (progress on a draft, an entry dated before publication, appraising a draft) is refused.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Deserialize;
use sqlx::SqlitePool;
use ts_rs::TS;

use crate::common::catalog::{Appraiser, PledgeStatus, Rating};
use crate::common::files;
use crate::common::limits;
use crate::common::validate::{check_paragraphs, check_past_date};
use crate::error::{Error, Result};
use crate::sanliang::pledges::store;
use crate::sanliang::pledges::{self, Evidence, Pledge};

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct ProgressInput {
    pub pledge_id: i64,
    /// The item the entry is about; empty for the pledge as a whole.
    pub item_id: Option<i64>,
    pub entered_on: String,
    pub text: String,
    /// The entry completes its item.
    pub item_done: bool,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct CloseInput {
    pub pledge_id: i64,
    /// `completed` or `not_completed`.
    pub outcome: Option<PledgeStatus>,
    pub closed_on: String,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct AppraisalInput {
    pub pledge_id: i64,
    pub appraiser: Option<Appraiser>,
    pub rating: Option<Rating>,
    pub comment: String,
    pub appraised_on: String,
}

use crate::common::files::EVIDENCE_DIR;

/// A date after publication (named by `label`), not in the future.
fn date_after_publication(
    field: &str,
    label: &str,
    text: &str,
    pledge: &Pledge,
    today: NaiveDate,
) -> Result<NaiveDate> {
    let date = check_past_date(field, label, text, today)?;
    if let Some(published) = pledge.published_on.filter(|p| date < *p) {
        return Err(Error::validation(field, format!("{label}不能早于公示日期（{published}）")));
    }
    Ok(date)
}

/// Records 践诺 progress; optionally marks its item done on the entry's date.
pub async fn add_progress(pool: &SqlitePool, input: &ProgressInput, today: NaiveDate) -> Result<Pledge> {
    let text = check_paragraphs("text", "践诺情况", &input.text, limits::PROGRESS_TEXT, true)?;
    let mut tx = crate::db::write(pool).await?;
    let pledge = pledges::full(&mut tx, input.pledge_id, today).await?;
    match pledge.status {
        PledgeStatus::Draft => return Err(Error::conflict(None, "承诺尚未公示，公示后才能记录践诺情况")),
        PledgeStatus::Completed | PledgeStatus::NotCompleted => {
            return Err(Error::conflict(None, "承诺已结项，不能再记录践诺情况"))
        }
        PledgeStatus::Published | PledgeStatus::Overdue => {}
    }
    let entered_on = date_after_publication("enteredOn", "践诺日期", &input.entered_on, &pledge, today)?;
    if let Some(item_id) = input.item_id {
        let item = pledge
            .items
            .iter()
            .find(|i| i.id == item_id)
            .ok_or_else(|| Error::validation("itemId", "所选事项不属于这份承诺"))?;
        if input.item_done && item.done_on.is_none() {
            store::mark_item_done(&mut tx, item_id, entered_on).await?;
        }
    } else if input.item_done {
        return Err(Error::validation("itemId", "请选择完成的是哪一项"));
    }
    store::insert_progress(&mut tx, input.pledge_id, input.item_id, entered_on, &text).await?;
    tx.commit().await?;
    pledges::get(pool, input.pledge_id, today).await
}

/// Closes a published pledge: completed only when every item is done.
pub async fn close(pool: &SqlitePool, input: &CloseInput, today: NaiveDate) -> Result<Pledge> {
    let outcome = input.outcome.ok_or_else(|| Error::validation("outcome", "请选择结项结果"))?;
    if !matches!(outcome, PledgeStatus::Completed | PledgeStatus::NotCompleted) {
        return Err(Error::validation("outcome", "结项结果只能是“已完成”或“未完成”"));
    }
    let mut tx = crate::db::write(pool).await?;
    let pledge = pledges::full(&mut tx, input.pledge_id, today).await?;
    match pledge.status {
        PledgeStatus::Draft => return Err(Error::conflict(None, "承诺尚未公示，不能结项")),
        PledgeStatus::Completed | PledgeStatus::NotCompleted => return Err(Error::conflict(None, "承诺已经结项")),
        PledgeStatus::Published | PledgeStatus::Overdue => {}
    }
    let closed_on = date_after_publication("closedOn", "结项日期", &input.closed_on, &pledge, today)?;
    let open = pledge.items.iter().filter(|i| i.done_on.is_none()).count();
    if outcome == PledgeStatus::Completed && open > 0 {
        return Err(Error::validation(
            "outcome",
            format!("还有{open}项没有完成，不能结项为“已完成”；请先记录完成情况，或结项为“未完成”"),
        ));
    }
    store::close(&mut tx, input.pledge_id, outcome, closed_on).await?;
    tx.commit().await?;
    pledges::get(pool, input.pledge_id, today).await
}

/// Records an appraisal (评诺) of a published or closed pledge.
pub async fn appraise(pool: &SqlitePool, input: &AppraisalInput, today: NaiveDate) -> Result<Pledge> {
    let appraiser = input.appraiser.ok_or_else(|| Error::validation("appraiser", "请选择评议方"))?;
    let rating = input.rating.ok_or_else(|| Error::validation("rating", "请选择评议结果"))?;
    if rating == Rating::Unsatisfied && input.comment.trim().is_empty() {
        return Err(Error::validation("comment", "评议为“不满意”时请写明原因"));
    }
    let comment = check_paragraphs("comment", "评议意见", &input.comment, limits::APPRAISAL_COMMENT, false)?;
    let mut conn = pool.acquire().await?;
    let pledge = pledges::full(&mut conn, input.pledge_id, today).await?;
    if pledge.status == PledgeStatus::Draft {
        return Err(Error::conflict(None, "承诺尚未公示，不能评诺"));
    }
    let appraised_on = date_after_publication("appraisedOn", "评议日期", &input.appraised_on, &pledge, today)?;
    store::insert_appraisal(&mut conn, input.pledge_id, appraiser, rating, &comment, appraised_on).await?;
    pledges::full(&mut conn, input.pledge_id, today).await
}

/// Copies evidence files into `evidence/` of the data folder and records them under a
/// progress entry — all of them or, if any is refused, none.
pub async fn attach_evidence(
    pool: &SqlitePool,
    data_dir: &Path,
    progress_id: i64,
    files: &[PathBuf],
) -> Result<Vec<Evidence>> {
    let checked = files.iter().map(|f| files::check(f, files::EVIDENCE, "evidence")).collect::<Result<Vec<_>>>()?;
    let mut conn = pool.acquire().await?;
    store::progress_entry(&mut conn, progress_id).await?;
    let dir = data_dir.join(EVIDENCE_DIR);
    let mut copied: Vec<PathBuf> = Vec::new();
    let result = async {
        let mut tx = crate::db::write(pool).await?;
        for picked in &checked {
            let stored = files::keep_copy(data_dir, EVIDENCE_DIR, picked, "evidence")?;
            copied.push(dir.join(&stored));
            let uuid = stored.split('.').next().unwrap_or_default().to_owned();
            store::insert_evidence(&mut tx, &uuid, progress_id, &picked.name, &stored, picked.bytes as i64).await?;
        }
        tx.commit().await?;
        Ok::<_, Error>(())
    }
    .await;
    if let Err(e) = result {
        for path in copied {
            let _ = std::fs::remove_file(path);
        }
        return Err(e);
    }
    store::evidence_of(&mut conn, progress_id).await
}

/// Removes a wrong evidence file while the pledge is still being fulfilled: its row, then its
/// copy in the data folder (the user's original was never touched). Once the pledge is closed
/// its evidence is part of the record and stays.
pub async fn remove_evidence(pool: &SqlitePool, data_dir: &Path, evidence_id: i64) -> Result<()> {
    let mut tx = crate::db::write(pool).await?;
    let (stored, name, status) = store::evidence_with_status(&mut tx, evidence_id).await?;
    if status != PledgeStatus::Published {
        return Err(Error::conflict(None, format!("承诺已结项，证明材料“{name}”作为记录保留，不能删除")));
    }
    store::delete_evidence(&mut tx, evidence_id).await?;
    tx.commit().await?;
    match std::fs::remove_file(data_dir.join(EVIDENCE_DIR).join(stored)) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e.into()),
        _ => Ok(()),
    }
}

/// Where an evidence file is kept, for opening it in the system's viewer.
pub async fn evidence_path(pool: &SqlitePool, data_dir: &Path, evidence_id: i64) -> Result<PathBuf> {
    let stored = store::evidence_file(&mut *pool.acquire().await?, evidence_id).await?;
    let path = data_dir.join(EVIDENCE_DIR).join(stored);
    if !path.exists() {
        return Err(Error::NotFound("证明材料文件已不在数据文件夹中".into()));
    }
    Ok(path)
}
