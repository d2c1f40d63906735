//! Commands for 机关单位进社区 pairings and their support records.

use tauri::{AppHandle, State};

use crate::common::files;
use crate::error::Result;
use crate::paths::today;
use crate::sijin::help_pairs::{self, HelpPair, HelpPairInput, HelpRecord};
use crate::sijin::pairings::{self, AgreementInput, Pairing, PairingInput, PairingStats, SupportInput, SupportRecord};
use crate::state::AppState;

pub async fn pairing_list(state: State<'_, AppState>, org_id: Option<i64>) -> Result<Vec<Pairing>> {
    pairings::list(&super::pool(&state)?, org_id, today()).await
}

pub async fn pairing_stats(state: State<'_, AppState>, org_id: Option<i64>) -> Result<PairingStats> {
    pairings::stats(&super::pool(&state)?, org_id).await
}

pub async fn pairing_create(state: State<'_, AppState>, input: PairingInput) -> Result<Pairing> {
    pairings::create(&super::pool(&state)?, &input, today()).await
}

pub async fn pairing_end(state: State<'_, AppState>, id: i64, end_on: String) -> Result<Pairing> {
    pairings::end(&super::pool(&state)?, id, &end_on, today()).await
}

pub async fn pairing_support_add(state: State<'_, AppState>, input: SupportInput) -> Result<SupportRecord> {
    pairings::add_support(&super::pool(&state)?, &input, today()).await
}

pub async fn pairing_supports(state: State<'_, AppState>, pairing_id: i64) -> Result<Vec<SupportRecord>> {
    pairings::support_records(&super::pool(&state)?, pairing_id).await
}

/// Picks the scanned agreement through the system dialog (opened here, in Rust).
pub async fn pairing_scan_pick(app: AppHandle, state: State<'_, AppState>, id: i64) -> Result<Option<Pairing>> {
    let picked = super::dialogs::pick(&app, "选择协议扫描件", files::SCANS, false);
    let Some(path) = picked.into_iter().next() else { return Ok(None) };
    pairings::attach_scan(&super::pool(&state)?, &state.data_dir, id, &path, today()).await.map(Some)
}

pub async fn help_pair_list(state: State<'_, AppState>, org_id: Option<i64>) -> Result<Vec<HelpPair>> {
    help_pairs::list(&super::pool(&state)?, org_id).await
}

pub async fn help_pair_create(state: State<'_, AppState>, input: HelpPairInput) -> Result<HelpPair> {
    help_pairs::create(&super::pool(&state)?, &input, today()).await
}

pub async fn help_record_add(
    state: State<'_, AppState>,
    pair_id: i64,
    helped_on: String,
    text: String,
) -> Result<HelpPair> {
    help_pairs::add_record(&super::pool(&state)?, pair_id, &helped_on, &text, today()).await
}

pub async fn help_records(state: State<'_, AppState>, pair_id: i64) -> Result<Vec<HelpRecord>> {
    help_pairs::records(&super::pool(&state)?, pair_id).await
}

pub async fn pairing_support_delete(state: State<'_, AppState>, id: i64) -> Result<()> {
    pairings::delete_support(&super::pool(&state)?, id).await
}

/// Corrects or renews a pairing's agreement.
pub async fn pairing_agreement_update(state: State<'_, AppState>, id: i64, input: AgreementInput) -> Result<Pairing> {
    pairings::update_agreement(&super::pool(&state)?, id, &input, today()).await
}

/// Ends a cadre help pair on a date.
pub async fn help_pair_end(state: State<'_, AppState>, id: i64, end_on: String) -> Result<HelpPair> {
    help_pairs::end(&super::pool(&state)?, id, &end_on, today()).await
}

/// Corrects a support record.
pub async fn pairing_support_update(state: State<'_, AppState>, id: i64, input: SupportInput) -> Result<SupportRecord> {
    pairings::update_support(&super::pool(&state)?, id, &input, today()).await
}
