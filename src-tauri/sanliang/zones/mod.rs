//! 党员责任区 — responsibility zones of a community and their scope items (lanes, buildings,
//! households). Every item is covered by exactly one member: assigning an item someone else
//! covers is refused, and the page lists the items nobody covers yet.

mod model;
pub(crate) mod store;

pub use model::*;

use sqlx::SqlitePool;

use crate::common::catalog::{MemberStatus, OrgKind};
use crate::common::limits;
use crate::common::validate::check_text;
use crate::error::{Error, Result};
use crate::roster::members::store as member_store;
use crate::roster::orgs::store as org_store;

pub async fn create(pool: &SqlitePool, input: &ZoneInput) -> Result<Zone> {
    let community_id = input.community_id.ok_or_else(|| Error::validation("communityId", "请选择社区"))?;
    let name = check_text("name", "责任区名称", &input.name, limits::ZONE_NAME, true)?;
    let mut conn = pool.acquire().await?;
    let org = org_store::get(&mut conn, community_id)
        .await
        .map_err(|_| Error::validation("communityId", "所选社区不存在或已删除"))?;
    if org.kind != OrgKind::Community {
        return Err(Error::validation("communityId", "党员责任区划在社区内"));
    }
    if store::zone_named(&mut conn, community_id, &name).await?.is_some() {
        return Err(Error::conflict(Some("name"), format!("{}已有名为“{name}”的责任区", org.name)));
    }
    let id = store::insert_zone(&mut conn, &uuid::Uuid::new_v4().to_string(), community_id, &name).await?;
    store::zone(&mut conn, id).await
}

/// Adds items to a zone, one per line, all or none.
pub async fn add_items(pool: &SqlitePool, input: &ZoneItemsInput) -> Result<Vec<ZoneItem>> {
    let mut names: Vec<String> = Vec::new();
    for line in input.names.lines() {
        let name = check_text("names", "名称", line, limits::ZONE_ITEM_NAME, false)?;
        if !name.is_empty() && !names.contains(&name) {
            names.push(name);
        }
    }
    if names.is_empty() {
        return Err(Error::validation("names", "请填写巷道、楼栋或户的名称，每行一个"));
    }
    let mut tx = crate::db::write(pool).await?;
    let zone = store::zone(&mut tx, input.zone_id).await?;
    for name in &names {
        if store::item_named(&mut tx, zone.id, input.kind, name).await?.is_some() {
            return Err(Error::conflict(Some("names"), format!("“{}”中已有{}“{name}”", zone.name, input.kind.label())));
        }
        store::insert_item(&mut tx, &uuid::Uuid::new_v4().to_string(), zone.id, input.kind, name).await?;
    }
    let items = store::items(&mut tx, Some(zone.id), None, false).await?;
    tx.commit().await?;
    Ok(items)
}

/// Makes one member responsible for the given items, in one transaction. An item covered by
/// someone else is refused (release it first); the member must be on the roll in the community.
pub async fn cover(pool: &SqlitePool, input: &CoverInput) -> Result<Vec<ZoneItem>> {
    let member_id = input.member_id.ok_or_else(|| Error::validation("memberId", "请选择负责的党员"))?;
    if input.item_ids.is_empty() {
        return Err(Error::validation("itemIds", "请先勾选巷道、楼栋或户"));
    }
    let mut tx = crate::db::write(pool).await?;
    let member = member_store::get(&mut tx, member_id)
        .await
        .map_err(|_| Error::validation("memberId", "所选党员不存在或已删除"))?;
    if member.status != MemberStatus::Active {
        return Err(Error::validation(
            "memberId",
            format!("{}已{}，不能负责责任区", member.name, member.status.label()),
        ));
    }
    let member_path = org_store::get(&mut tx, member.org_id).await?.path;
    for item_id in &input.item_ids {
        let item = store::item(&mut tx, *item_id).await?;
        let zone = store::zone(&mut tx, item.zone_id).await?;
        let community = org_store::get(&mut tx, zone.community_id).await?;
        if !member_path.starts_with(&community.path) {
            return Err(Error::validation("memberId", format!("{}不属于{}", member.name, community.name)));
        }
        match (&item.member_id, &item.member_name) {
            (Some(other), Some(other_name)) if *other != member_id => {
                return Err(Error::conflict(
                    Some("itemIds"),
                    format!(
                        "{}“{}”已由{}负责，一处只能由一名党员负责；请先解除再重新安排",
                        item.kind.label(),
                        item.name,
                        other_name
                    ),
                ));
            }
            (Some(_), _) => {}
            (None, _) => {
                if !store::cover_if_free(&mut tx, item.id, member_id).await? {
                    return Err(Error::conflict(
                        Some("itemIds"),
                        format!("{}“{}”刚被他人认领", item.kind.label(), item.name),
                    ));
                }
            }
        }
    }
    let items = store::items_by_ids(&mut tx, &input.item_ids).await?;
    tx.commit().await?;
    Ok(items)
}

/// Renames a zone; the name stays unique within its community.
pub async fn rename(pool: &SqlitePool, id: i64, name: &str) -> Result<Zone> {
    let name = check_text("name", "责任区名称", name, limits::ZONE_NAME, true)?;
    let mut tx = crate::db::write(pool).await?;
    let zone = store::zone(&mut tx, id).await?;
    if matches!(store::zone_named(&mut tx, zone.community_id, &name).await?, Some(other) if other != id) {
        return Err(Error::conflict(Some("name"), format!("{}已有名为“{name}”的责任区", zone.community_name)));
    }
    store::rename_zone(&mut tx, id, &name).await?;
    let zone = store::zone(&mut tx, id).await?;
    tx.commit().await?;
    Ok(zone)
}

/// Deletes a zone with all its items in one transaction; returns how many items went with it.
/// The members who covered them simply no longer do.
pub async fn delete(pool: &SqlitePool, id: i64) -> Result<u64> {
    let mut tx = crate::db::write(pool).await?;
    store::zone(&mut tx, id).await?;
    let items = store::delete_zone(&mut tx, id).await?;
    tx.commit().await?;
    Ok(items)
}

/// Corrects the name of a lane, building or household; unique per zone and kind.
pub async fn rename_item(pool: &SqlitePool, item_id: i64, name: &str) -> Result<ZoneItem> {
    let name = check_text("name", "名称", name, limits::ZONE_ITEM_NAME, true)?;
    let mut tx = crate::db::write(pool).await?;
    let item = store::item(&mut tx, item_id).await?;
    if matches!(store::item_named(&mut tx, item.zone_id, item.kind, &name).await?, Some(other) if other != item_id) {
        return Err(Error::conflict(Some("name"), format!("“{}”中已有{}“{name}”", item.zone_name, item.kind.label())));
    }
    store::rename_item(&mut tx, item_id, &name).await?;
    let item = store::item(&mut tx, item_id).await?;
    tx.commit().await?;
    Ok(item)
}

pub async fn delete_item(pool: &SqlitePool, item_id: i64) -> Result<()> {
    let mut conn = pool.acquire().await?;
    store::item(&mut conn, item_id).await?;
    store::delete_item(&mut conn, item_id).await
}

pub async fn release(pool: &SqlitePool, item_id: i64) -> Result<()> {
    let mut conn = pool.acquire().await?;
    store::item(&mut conn, item_id).await?;
    store::release(&mut conn, item_id).await
}

pub async fn list(pool: &SqlitePool, org_id: Option<i64>) -> Result<Vec<Zone>> {
    store::zones(&mut *pool.acquire().await?, org_id).await
}

pub async fn items(pool: &SqlitePool, zone_id: i64) -> Result<Vec<ZoneItem>> {
    store::items(&mut *pool.acquire().await?, Some(zone_id), None, false).await
}

/// Items nobody covers yet, under an organization subtree.
pub async fn uncovered(pool: &SqlitePool, org_id: Option<i64>) -> Result<Vec<ZoneItem>> {
    store::items(&mut *pool.acquire().await?, None, org_id, true).await
}

/// The zone items a member covers, for the member form.
pub async fn of_member(pool: &SqlitePool, member_id: i64) -> Result<Vec<ZoneItem>> {
    store::member_items(&mut *pool.acquire().await?, member_id).await
}
