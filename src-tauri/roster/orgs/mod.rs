//! The organization tree: county → township/street → community → branch, and units beside
//! it. Rules for creating, renaming, moving and deleting, and the tree the UI shows.

mod model;
pub(crate) mod store;

pub use model::*;
pub use store::narrowing;

use sqlx::SqlitePool;

use crate::common::catalog::OrgKind;
use crate::common::limits;
use crate::common::validate::check_text;
use crate::error::{Error, Result};

fn check_placement(parent: Option<&Organization>, kind: OrgKind) -> Result<()> {
    match parent {
        None if kind == OrgKind::County => Ok(()),
        None => Err(Error::validation("parentId", "请选择上级组织")),
        Some(p) if p.kind.allowed_children().contains(&kind) => Ok(()),
        Some(p) => {
            Err(Error::validation("parentId", format!("“{}”（{}）下不能设立{}", p.name, p.kind.label(), kind.label())))
        }
    }
}

async fn check_sibling_name(pool: &SqlitePool, parent_id: Option<i64>, name: &str, except: Option<i64>) -> Result<()> {
    let mut conn = pool.acquire().await?;
    if store::sibling_with_name(&mut conn, parent_id, name, except).await?.is_some() {
        return Err(Error::conflict(Some("name"), format!("同一上级下已有名为“{name}”的组织")));
    }
    Ok(())
}

async fn check_unit_fields(pool: &SqlitePool, input: &OrgInput) -> Result<()> {
    if input.kind != OrgKind::Unit {
        return Ok(());
    }
    if input.unit_kind.is_none() {
        return Err(Error::validation("unitKind", "请选择单位类型"));
    }
    if let Some(id) = input.stationed_in {
        let mut conn = pool.acquire().await?;
        let community = store::get(&mut conn, id).await?;
        if community.kind != OrgKind::Community {
            return Err(Error::validation("stationedIn", "驻在地应为社区"));
        }
    }
    Ok(())
}

pub async fn create(pool: &SqlitePool, input: OrgInput) -> Result<Organization> {
    let name = check_text("name", "组织名称", &input.name, limits::ORG_NAME, true)?;
    let parent = match input.parent_id {
        Some(id) => Some(store::get(&mut *pool.acquire().await?, id).await?),
        None => None,
    };
    check_placement(parent.as_ref(), input.kind)?;
    check_unit_fields(pool, &input).await?;
    check_sibling_name(pool, input.parent_id, &name, None).await?;
    let mut tx = crate::db::write(pool).await?;
    let unit_kind = if input.kind == OrgKind::Unit { input.unit_kind } else { None };
    let stationed = if input.kind == OrgKind::Unit { input.stationed_in } else { None };
    let id = store::insert(&mut tx, parent.as_ref(), input.kind, unit_kind, stationed, &name).await?;
    let org = store::get(&mut tx, id).await?;
    tx.commit().await?;
    Ok(org)
}

/// Creates a county, a township under it and a community under that, in one transaction (the
/// first run's 建立本社区); returns the community. A county of that name is used if it exists, and
/// likewise the township under it.
pub async fn create_chain(pool: &SqlitePool, chain: &OrgChain) -> Result<Organization> {
    let county = check_text("county", "县（市、区）名称", &chain.county, limits::ORG_NAME, true)?;
    let township = check_text("township", "乡镇（街道）名称", &chain.township, limits::ORG_NAME, true)?;
    let community = check_text("community", "社区党组织名称", &chain.community, limits::ORG_NAME, true)?;
    let mut tx = crate::db::write(pool).await?;
    let mut parent: Option<Organization> = None;
    for (kind, name, field) in [
        (OrgKind::County, &county, "county"),
        (OrgKind::Township, &township, "township"),
        (OrgKind::Community, &community, "community"),
    ] {
        let parent_id = parent.as_ref().map(|p| p.id);
        let org = match store::sibling_with_name(&mut tx, parent_id, name, None).await? {
            Some(id) => {
                let org = store::get(&mut tx, id).await?;
                if org.kind != kind {
                    return Err(Error::conflict(Some(field), format!("已有名为“{name}”的{}", org.kind.label())));
                }
                org
            }
            None => {
                let id = store::insert(&mut tx, parent.as_ref(), kind, None, None, name).await?;
                store::get(&mut tx, id).await?
            }
        };
        parent = Some(org);
    }
    tx.commit().await?;
    parent.ok_or_else(|| Error::NotFound("社区".into()))
}

pub async fn rename(pool: &SqlitePool, id: i64, name: &str) -> Result<Organization> {
    let name = check_text("name", "组织名称", name, limits::ORG_NAME, true)?;
    let mut conn = pool.acquire().await?;
    let org = store::get(&mut conn, id).await?;
    drop(conn);
    check_sibling_name(pool, org.parent_id, &name, Some(id)).await?;
    let mut conn = pool.acquire().await?;
    store::rename(&mut conn, id, &name).await?;
    store::get(&mut conn, id).await
}

/// Moves an organization (with everything under it) to a new parent.
pub async fn move_to(pool: &SqlitePool, id: i64, new_parent_id: i64) -> Result<Organization> {
    let mut tx = crate::db::write(pool).await?;
    let org = store::get(&mut tx, id).await?;
    let parent = store::get(&mut tx, new_parent_id).await?;
    if parent.path.starts_with(&org.path) {
        return Err(Error::validation("parentId", "不能移动到自身或其下级组织之下"));
    }
    check_placement(Some(&parent), org.kind)?;
    if store::sibling_with_name(&mut tx, Some(parent.id), &org.name, Some(id)).await?.is_some() {
        return Err(Error::conflict(Some("parentId"), format!("“{}”下已有名为“{}”的组织", parent.name, org.name)));
    }
    let new_path = format!("{}{}/", parent.path, org.id);
    store::reparent(&mut tx, id, parent.id, &org.path, &new_path).await?;
    let moved = store::get(&mut tx, id).await?;
    tx.commit().await?;
    Ok(moved)
}

/// Soft-deletes an organization that has no children and no members left.
pub async fn delete(pool: &SqlitePool, id: i64) -> Result<()> {
    let mut tx = crate::db::write(pool).await?;
    let org = store::get(&mut tx, id).await?;
    let children = store::count_children(&mut tx, id).await?;
    if children > 0 {
        return Err(Error::conflict(None, format!("“{}”下还有{children}个下级组织，请先删除或移走它们", org.name)));
    }
    let members = store::count_members(&mut tx, id).await?;
    if members > 0 {
        return Err(Error::conflict(
            None,
            format!("“{}”下还有{members}名党员（含转出、去世），请先将他们转到其他组织或删除", org.name),
        ));
    }
    store::soft_delete(&mut tx, id).await?;
    tx.commit().await?;
    Ok(())
}

pub async fn get(pool: &SqlitePool, id: i64) -> Result<Organization> {
    store::get(&mut *pool.acquire().await?, id).await
}

/// Whether the database holds any organization yet.
pub async fn any(pool: &SqlitePool) -> Result<bool> {
    store::any(&mut *pool.acquire().await?).await
}

/// The whole tree, each node with its subtree's active member count, siblings by kind then name order.
pub async fn tree(pool: &SqlitePool) -> Result<Vec<OrgNode>> {
    let mut conn = pool.acquire().await?;
    let orgs = store::list(&mut conn).await?;
    let counts = store::active_member_counts(&mut conn).await?;
    let mut nodes = build_tree(orgs, &counts);
    let imported = crate::data::exchange::marks(&mut conn).await?;
    if !imported.is_empty() {
        mark(&mut nodes, &imported);
    }
    Ok(nodes)
}

/// Marks the imported organizations with where and when they came from.
fn mark(nodes: &mut [OrgNode], imported: &std::collections::HashMap<i64, String>) {
    for node in nodes {
        node.imported = imported.get(&node.org.id).cloned();
        mark(&mut node.children, imported);
    }
}

pub(crate) fn build_tree(orgs: Vec<Organization>, direct_counts: &[(i64, i64)]) -> Vec<OrgNode> {
    use std::collections::HashMap;
    let direct: HashMap<i64, i64> = direct_counts.iter().copied().collect();
    let mut children: HashMap<Option<i64>, Vec<Organization>> = HashMap::new();
    for org in orgs {
        children.entry(org.parent_id).or_default().push(org);
    }
    fn build(
        parent: Option<i64>,
        children: &mut HashMap<Option<i64>, Vec<Organization>>,
        direct: &HashMap<i64, i64>,
    ) -> Vec<OrgNode> {
        let Some(list) = children.remove(&parent) else { return Vec::new() };
        list.into_iter()
            .map(|org| {
                let kids = build(Some(org.id), children, direct);
                let active =
                    direct.get(&org.id).copied().unwrap_or(0) + kids.iter().map(|k| k.active_members).sum::<i64>();
                OrgNode { org, active_members: active, imported: None, children: kids }
            })
            .collect()
    }
    build(None, &mut children, &direct)
}
