//! Commands for the app as a whole: start-up info, vocabularies, home figures, demo data, preferences.

use tauri::State;

use crate::common::catalog::{self, Catalog};
use crate::common::preferences;
use crate::demo::clear::DemoCleared;
use crate::demo::{self, DemoScale, DemoSummary};
use crate::error::Result;
use crate::overview::changes::{self, Change};
use crate::overview::reminders::{self, Reminder};
use crate::overview::stats::{self, HomeStats};
use crate::paths::today;
use crate::state::{AppInfo, AppState};

pub async fn app_info(state: State<'_, AppState>) -> Result<AppInfo> {
    state.info().await
}

pub fn catalog_get() -> Result<Catalog> {
    Ok(catalog::catalog())
}

pub async fn home_stats(state: State<'_, AppState>, org_id: Option<i64>) -> Result<HomeStats> {
    stats::home(&super::pool(&state)?, org_id).await
}

pub async fn demo_load(state: State<'_, AppState>) -> Result<DemoSummary> {
    demo::load(&super::pool(&state)?, DemoScale::Community, today()).await
}

/// What 清除示例数据 would remove, for the question asked first.
pub async fn demo_clear_preview(state: State<'_, AppState>) -> Result<DemoCleared> {
    demo::clear::preview(&super::pool(&state)?).await
}

/// 清除示例数据: the demo and everything added to its organizations, in one transaction.
pub async fn demo_clear(state: State<'_, AppState>) -> Result<DemoCleared> {
    demo::clear::clear(&super::pool(&state)?, &state.data_dir).await
}

pub async fn preference_get(state: State<'_, AppState>, key: String) -> Result<Option<String>> {
    preferences::get(&super::pool(&state)?, &key).await
}

pub async fn preference_set(state: State<'_, AppState>, key: String, value: String) -> Result<()> {
    preferences::set(&super::pool(&state)?, &key, &value).await
}

/// 待办提醒 for the home page, judged on today's date.
pub async fn reminders(state: State<'_, AppState>, org_id: Option<i64>) -> Result<Vec<Reminder>> {
    reminders::for_today(&super::pool(&state)?, org_id, today()).await
}

/// The practice figures for the home page (identity, posts, pledges, pairings).
pub async fn home_practice(state: State<'_, AppState>, org_id: Option<i64>) -> Result<Vec<stats::PracticeFigure>> {
    stats::practice(&super::pool(&state)?, org_id, today()).await
}

/// 最近变动 for the home page: the latest change groups of the last 30 days.
pub async fn home_changes(state: State<'_, AppState>, org_id: Option<i64>) -> Result<Vec<Change>> {
    changes::recent(&super::pool(&state)?, org_id, crate::common::clock::now(), 12).await
}

/// The home page has all its parts: the day's automatic backup, which reads the whole file, may
/// start now without slowing the first screen.
pub fn first_screen_shown(state: State<'_, AppState>) -> Result<()> {
    state.first_screen.notify_one();
    Ok(())
}

/// 复制: puts text on the system clipboard from the app's side, where WebKitGTK refuses the
/// page's own clipboard calls. The page is given this command only, not the plugin's read access.
pub fn clipboard_write(app: tauri::AppHandle, text: String) -> Result<()> {
    use tauri_plugin_clipboard_manager::ClipboardExt;
    app.clipboard()
        .write_text(text)
        .map_err(|e| crate::error::Error::Unavailable(format!("复制失败，请选中文字后按 Ctrl+C 复制（{e}）")))
}
