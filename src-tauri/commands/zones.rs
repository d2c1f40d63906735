//! Commands for 党员责任区.

use tauri::State;

use crate::error::Result;
use crate::sanliang::zones::{self, CoverInput, Zone, ZoneInput, ZoneItem, ZoneItemsInput};
use crate::state::AppState;

pub async fn zone_list(state: State<'_, AppState>, org_id: Option<i64>) -> Result<Vec<Zone>> {
    zones::list(&super::pool(&state)?, org_id).await
}

pub async fn zone_create(state: State<'_, AppState>, input: ZoneInput) -> Result<Zone> {
    zones::create(&super::pool(&state)?, &input).await
}

pub async fn zone_items_add(state: State<'_, AppState>, input: ZoneItemsInput) -> Result<Vec<ZoneItem>> {
    zones::add_items(&super::pool(&state)?, &input).await
}

pub async fn zone_items(state: State<'_, AppState>, zone_id: i64) -> Result<Vec<ZoneItem>> {
    zones::items(&super::pool(&state)?, zone_id).await
}

pub async fn zone_cover(state: State<'_, AppState>, input: CoverInput) -> Result<Vec<ZoneItem>> {
    zones::cover(&super::pool(&state)?, &input).await
}

pub async fn zone_release(state: State<'_, AppState>, item_id: i64) -> Result<()> {
    zones::release(&super::pool(&state)?, item_id).await
}

pub async fn zone_uncovered(state: State<'_, AppState>, org_id: Option<i64>) -> Result<Vec<ZoneItem>> {
    zones::uncovered(&super::pool(&state)?, org_id).await
}

pub async fn zone_member_items(state: State<'_, AppState>, member_id: i64) -> Result<Vec<ZoneItem>> {
    zones::of_member(&super::pool(&state)?, member_id).await
}

pub async fn zone_rename(state: State<'_, AppState>, id: i64, name: String) -> Result<Zone> {
    zones::rename(&super::pool(&state)?, id, &name).await
}

pub async fn zone_delete(state: State<'_, AppState>, id: i64) -> Result<u64> {
    zones::delete(&super::pool(&state)?, id).await
}

pub async fn zone_item_rename(state: State<'_, AppState>, item_id: i64, name: String) -> Result<ZoneItem> {
    zones::rename_item(&super::pool(&state)?, item_id, &name).await
}

pub async fn zone_item_delete(state: State<'_, AppState>, item_id: i64) -> Result<()> {
    zones::delete_item(&super::pool(&state)?, item_id).await
}
