//! Commands for 亮身份.

use tauri::State;

use crate::error::Result;
use crate::paths::today;
use crate::roster::members::MemberPage;
use crate::sanliang::identity::{self, BulkMark, BulkMarkResult, IdentityMark, IdentitySummary};
use crate::state::AppState;

pub async fn identity_mark_bulk(state: State<'_, AppState>, bulk: BulkMark) -> Result<BulkMarkResult> {
    identity::record_bulk(&super::pool(&state)?, &bulk, today()).await
}

pub async fn identity_summary(state: State<'_, AppState>, org_id: Option<i64>) -> Result<IdentitySummary> {
    identity::summary(&super::pool(&state)?, org_id).await
}

pub async fn identity_not_shown(
    state: State<'_, AppState>,
    org_id: Option<i64>,
    page: u32,
    page_size: u32,
) -> Result<MemberPage> {
    identity::not_shown(&super::pool(&state)?, org_id, page, page_size).await
}

pub async fn identity_member_marks(state: State<'_, AppState>, member_id: i64) -> Result<Vec<IdentityMark>> {
    identity::member_marks(&super::pool(&state)?, member_id).await
}

pub async fn identity_mark_remove(state: State<'_, AppState>, id: i64) -> Result<()> {
    identity::remove(&super::pool(&state)?, id).await
}
