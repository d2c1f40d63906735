//! Commands for 亮职责 posts.

use tauri::State;

use crate::error::Result;
use crate::paths::today;
use crate::sanliang::posts::{self, AssignInput, Post, PostAssignment, PostInput, PostStats};
use crate::state::AppState;

pub async fn post_list(state: State<'_, AppState>, org_id: Option<i64>) -> Result<Vec<Post>> {
    posts::list(&super::pool(&state)?, org_id).await
}

pub async fn post_create(state: State<'_, AppState>, input: PostInput) -> Result<Post> {
    posts::create(&super::pool(&state)?, &input).await
}

pub async fn post_update(state: State<'_, AppState>, id: i64, input: PostInput) -> Result<Post> {
    posts::update(&super::pool(&state)?, id, &input).await
}

pub async fn post_delete(state: State<'_, AppState>, id: i64) -> Result<()> {
    posts::delete(&super::pool(&state)?, id).await
}

pub async fn post_holders(state: State<'_, AppState>, post_id: i64) -> Result<Vec<PostAssignment>> {
    posts::holders(&super::pool(&state)?, post_id).await
}

pub async fn post_assign(state: State<'_, AppState>, input: AssignInput) -> Result<PostAssignment> {
    posts::assign(&super::pool(&state)?, &input, today()).await
}

pub async fn post_end(state: State<'_, AppState>, id: i64, end_on: String) -> Result<PostAssignment> {
    posts::end(&super::pool(&state)?, id, &end_on, today()).await
}

pub async fn post_stats(state: State<'_, AppState>, org_id: Option<i64>) -> Result<PostStats> {
    posts::stats(&super::pool(&state)?, org_id).await
}

pub async fn post_member_history(state: State<'_, AppState>, member_id: i64) -> Result<Vec<PostAssignment>> {
    posts::member_history(&super::pool(&state)?, member_id).await
}
