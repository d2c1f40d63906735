//! Commands for the member roster.

use tauri::{AppHandle, State};

use crate::common::files;
use crate::error::Result;
use crate::paths::today;
use crate::roster::members::{self, Member, MemberInput, MemberPage, MemberQuery, StatusChange};
use crate::roster::photos::{self, Whose};
use crate::state::AppState;

pub async fn member_search(state: State<'_, AppState>, query: MemberQuery) -> Result<MemberPage> {
    members::search(&super::pool(&state)?, &query).await
}

pub async fn member_get(state: State<'_, AppState>, id: i64) -> Result<Member> {
    members::get(&super::pool(&state)?, id).await
}

pub async fn member_create(state: State<'_, AppState>, input: MemberInput) -> Result<Member> {
    members::create(&super::pool(&state)?, &input, today()).await
}

pub async fn member_update(state: State<'_, AppState>, id: i64, input: MemberInput) -> Result<Member> {
    members::update(&super::pool(&state)?, id, &input, today()).await
}

pub async fn member_set_status(state: State<'_, AppState>, id: i64, change: StatusChange) -> Result<Member> {
    members::set_status(&super::pool(&state)?, id, &change, today()).await
}

pub async fn member_delete(state: State<'_, AppState>, id: i64) -> Result<()> {
    members::delete(&super::pool(&state)?, id, today()).await
}

/// Opens the system's file dialog here, in Rust, so the web view needs no file-system
/// permission; returns whether a photo was chosen.
pub async fn member_photo_pick(app: AppHandle, state: State<'_, AppState>, id: i64) -> Result<bool> {
    let picked = super::dialogs::pick(&app, "选择党员照片", files::IMAGES, false);
    let Some(path) = picked.into_iter().next() else { return Ok(false) };
    photos::set(&super::pool(&state)?, &state.data_dir, Whose::Member(id), &path).await?;
    Ok(true)
}

pub async fn member_photo_clear(state: State<'_, AppState>, id: i64) -> Result<()> {
    photos::clear(&super::pool(&state)?, &state.data_dir, Whose::Member(id)).await
}

pub async fn member_photo_get(state: State<'_, AppState>, id: i64) -> Result<Option<String>> {
    photos::data_url(&super::pool(&state)?, &state.data_dir, Whose::Member(id)).await
}
