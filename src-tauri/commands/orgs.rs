//! Commands for the organization tree.

use tauri::State;

use crate::error::Result;
use crate::roster::orgs::{self, OrgChain, OrgInput, OrgNode, Organization};
use crate::state::AppState;

pub async fn org_tree(state: State<'_, AppState>) -> Result<Vec<OrgNode>> {
    orgs::tree(&super::pool(&state)?).await
}

pub async fn org_create(state: State<'_, AppState>, input: OrgInput) -> Result<Organization> {
    orgs::create(&super::pool(&state)?, input).await
}

/// 建立本社区 on the first run: county, township and community at once; returns the community.
pub async fn org_create_chain(state: State<'_, AppState>, chain: OrgChain) -> Result<Organization> {
    orgs::create_chain(&super::pool(&state)?, &chain).await
}

pub async fn org_rename(state: State<'_, AppState>, id: i64, name: String) -> Result<Organization> {
    orgs::rename(&super::pool(&state)?, id, &name).await
}

pub async fn org_move(state: State<'_, AppState>, id: i64, parent_id: i64) -> Result<Organization> {
    orgs::move_to(&super::pool(&state)?, id, parent_id).await
}

pub async fn org_delete(state: State<'_, AppState>, id: i64) -> Result<()> {
    orgs::delete(&super::pool(&state)?, id).await
}
