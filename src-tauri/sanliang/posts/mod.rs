//! 亮职责 — service posts (服务岗位) per community with published duties, and who holds them:
//! 认岗定责 (an in-service member claims a post) or 设岗定责 (the community sets one for a
//! member without a post). One current post per member; ended posts stay as history.

mod model;
pub(crate) mod store;

pub use model::*;

use chrono::NaiveDate;
use sqlx::SqlitePool;

use crate::common::catalog::{Category, MemberStatus, OrgKind, PostHow, PostKind, RecordKind};
use crate::common::limits;
use crate::common::validate::{check_paragraphs, check_past_date, check_text};
use crate::common::versions;
use crate::error::{Error, Result};
use crate::roster::members::store as member_store;
use crate::roster::orgs::store as org_store;

struct ValidPost {
    community_id: i64,
    name: String,
    kind: PostKind,
    duties: String,
    capacity: i64,
}

async fn validate(pool: &SqlitePool, input: &PostInput, except: Option<i64>) -> Result<ValidPost> {
    let community_id = input.community_id.ok_or_else(|| Error::validation("communityId", "请选择社区"))?;
    let mut conn = pool.acquire().await?;
    let org = org_store::get(&mut conn, community_id)
        .await
        .map_err(|_| Error::validation("communityId", "所选社区不存在或已删除"))?;
    if org.kind != OrgKind::Community {
        return Err(Error::validation("communityId", "服务岗位设在社区党总支"));
    }
    let name = check_text("name", "岗位名称", &input.name, limits::POST_NAME, true)?;
    let kind = input.kind.ok_or_else(|| Error::validation("kind", "请选择岗位类型"))?;
    let duties = check_paragraphs("duties", "岗位职责", &input.duties, limits::POST_DUTIES, true)?;
    if !(1..=limits::POST_CAPACITY).contains(&input.capacity) {
        return Err(Error::validation("capacity", format!("岗位人数应为1到{}名", limits::POST_CAPACITY)));
    }
    if store::post_named(&mut conn, community_id, &name, except).await?.is_some() {
        return Err(Error::conflict(Some("name"), format!("{}已有名为“{name}”的岗位", org.name)));
    }
    Ok(ValidPost { community_id, name, kind, duties, capacity: input.capacity })
}

pub async fn create(pool: &SqlitePool, input: &PostInput) -> Result<Post> {
    let v = validate(pool, input, None).await?;
    let mut conn = pool.acquire().await?;
    let uuid = uuid::Uuid::new_v4().to_string();
    let id = store::insert(&mut conn, &uuid, v.community_id, &v.name, v.kind, &v.duties, v.capacity).await?;
    store::get(&mut conn, id).await
}

pub async fn update(pool: &SqlitePool, id: i64, input: &PostInput) -> Result<Post> {
    let v = validate(pool, input, Some(id)).await?;
    let mut tx = crate::db::write(pool).await?;
    let current = store::get(&mut tx, id).await?;
    versions::check(&mut tx, RecordKind::Post, id, input.version, &format!("岗位“{}”", current.name)).await?;
    if current.community_id != v.community_id && current.holders > 0 {
        return Err(Error::validation("communityId", "岗位上还有党员，不能改到其他社区"));
    }
    if v.capacity < current.holders {
        return Err(Error::validation("capacity", format!("岗位上已有{}名党员，人数不能少于此数", current.holders)));
    }
    store::update(&mut tx, id, v.community_id, &v.name, v.kind, &v.duties, v.capacity).await?;
    let post = store::get(&mut tx, id).await?;
    tx.commit().await?;
    Ok(post)
}

pub async fn delete(pool: &SqlitePool, id: i64) -> Result<()> {
    let mut conn = pool.acquire().await?;
    let post = store::get(&mut conn, id).await?;
    if post.holders > 0 {
        return Err(Error::conflict(
            None,
            format!("岗位“{}”上还有{}名党员，请先结束他们的岗位", post.name, post.holders),
        ));
    }
    store::soft_delete(&mut conn, id).await
}

pub async fn list(pool: &SqlitePool, org_id: Option<i64>) -> Result<Vec<Post>> {
    store::list(&mut *pool.acquire().await?, org_id).await
}

pub async fn holders(pool: &SqlitePool, post_id: i64) -> Result<Vec<PostAssignment>> {
    store::current_holders(&mut *pool.acquire().await?, post_id).await
}

pub async fn member_history(pool: &SqlitePool, member_id: i64) -> Result<Vec<PostAssignment>> {
    store::member_history(&mut *pool.acquire().await?, member_id).await
}

/// Puts a member on a post (认岗 or 设岗), checking every rule inside one transaction.
pub async fn assign(pool: &SqlitePool, input: &AssignInput, today: NaiveDate) -> Result<PostAssignment> {
    let member_id = input.member_id.ok_or_else(|| Error::validation("memberId", "请选择党员"))?;
    let start_on = check_past_date("startOn", "上岗日期", &input.start_on, today)?;
    let mut tx = crate::db::write(pool).await?;
    let post = store::get(&mut tx, input.post_id).await?;
    let member = member_store::get(&mut tx, member_id)
        .await
        .map_err(|_| Error::validation("memberId", "所选党员不存在或已删除"))?;
    if member.status != MemberStatus::Active {
        return Err(Error::validation("memberId", format!("{}已{}，不能安排岗位", member.name, member.status.label())));
    }
    let community = org_store::get(&mut tx, post.community_id).await?;
    let member_org = org_store::get(&mut tx, member.org_id).await?;
    if !member_org.path.starts_with(&community.path) {
        return Err(Error::validation(
            "memberId",
            format!("{}不属于{}，不能认领该社区的岗位", member.name, community.name),
        ));
    }
    if input.how == PostHow::Claimed && member.category != Category::InService {
        return Err(Error::validation("how", "认岗定责由在职党员自选岗位；为其他党员安排岗位请选“设岗定责”"));
    }
    if start_on < member.joined_on {
        return Err(Error::validation("startOn", "上岗日期不能早于入党日期"));
    }
    if let Some(current) = store::current_of_member(&mut tx, member_id).await? {
        return Err(Error::conflict(
            Some("memberId"),
            format!("{}已在岗位“{}”，请先结束原岗位再安排新岗位", member.name, current.post_name),
        ));
    }
    if post.holders >= post.capacity {
        return Err(Error::conflict(Some("postId"), format!("岗位“{}”已满（{}名）", post.name, post.capacity)));
    }
    let uuid = uuid::Uuid::new_v4().to_string();
    let id = store::insert_assignment(&mut tx, &uuid, post.id, member_id, input.how, start_on).await?;
    let saved = store::assignment(&mut tx, id).await?;
    tx.commit().await?;
    Ok(saved)
}

/// Ends a holding on a date (not before it began, not in the future).
pub async fn end(pool: &SqlitePool, assignment_id: i64, end_on: &str, today: NaiveDate) -> Result<PostAssignment> {
    let end_on = check_past_date("endOn", "离岗日期", end_on, today)?;
    let mut conn = pool.acquire().await?;
    let a = store::assignment(&mut conn, assignment_id).await?;
    if a.end_on.is_some() {
        return Err(Error::conflict(None, "该岗位记录已经结束"));
    }
    if end_on < a.start_on {
        return Err(Error::validation("endOn", "离岗日期不能早于上岗日期"));
    }
    store::end_assignment(&mut conn, assignment_id, end_on).await?;
    store::assignment(&mut conn, assignment_id).await
}

pub async fn stats(pool: &SqlitePool, org_id: Option<i64>) -> Result<PostStats> {
    store::stats(&mut *pool.acquire().await?, org_id).await
}
