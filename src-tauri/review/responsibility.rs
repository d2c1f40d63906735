//! The seed's responsibility chain: the county's 第一责任人, a township's 直接责任人 and a
//! community's 具体责任人, one person each, typed as "name（title）"; 指导责任人 are the
//! community's contact leaders, read from their pairings.

use serde::{Deserialize, Serialize};
use sqlx::{SqliteConnection, SqlitePool};
use ts_rs::TS;

use super::scope::Scope;
use crate::common::catalog::{OrgKind, Responsibility};
use crate::common::limits;
use crate::common::validate::check_text;
use crate::db::now;
use crate::error::{Error, Result};
use crate::roster::orgs::store as org_store;

/// The role an organization of this kind answers for, if any.
pub fn role_of(kind: OrgKind) -> Option<Responsibility> {
    match kind {
        OrgKind::County => Some(Responsibility::First),
        OrgKind::Township => Some(Responsibility::Direct),
        OrgKind::Community => Some(Responsibility::Specific),
        OrgKind::Branch | OrgKind::Unit => None,
    }
}

/// An organization's responsible person as the form edits it.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ResponsiblePerson {
    pub org_id: i64,
    pub role: Responsibility,
    /// Name and title as typed, e.g. "王建国（县委书记）"; empty when nobody is recorded.
    pub person: String,
}

/// Who answers for `org_id`: a county, township or community; empty when nobody is recorded.
pub async fn get(pool: &SqlitePool, org_id: i64) -> Result<ResponsiblePerson> {
    let mut conn = pool.acquire().await?;
    let org = org_store::get(&mut conn, org_id).await?;
    let role = role_of(org.kind).ok_or_else(|| Error::validation("orgId", "只有县、乡镇（街道）和社区记录责任人"))?;
    let person = person_of(&mut conn, org_id).await?.unwrap_or_default();
    Ok(ResponsiblePerson { org_id, role, person })
}

/// Records who answers for `org_id`; an empty name removes the record.
pub async fn set(pool: &SqlitePool, org_id: i64, person: &str) -> Result<ResponsiblePerson> {
    let label = "责任人";
    let person = check_text("person", label, person, limits::PERSON, false)?;
    let mut tx = crate::db::write(pool).await?;
    let org = org_store::get(&mut tx, org_id).await?;
    let role = role_of(org.kind).ok_or_else(|| Error::validation("orgId", "只有县、乡镇（街道）和社区记录责任人"))?;
    if person.is_empty() {
        sqlx::query!("DELETE FROM org_responsibilities WHERE org_id = ?1", org_id).execute(&mut *tx).await?;
    } else {
        let (uuid, now) = (uuid::Uuid::new_v4().to_string(), now());
        sqlx::query!(
            r#"INSERT INTO org_responsibilities (uuid, org_id, role, person, created_at, updated_at)
               VALUES (?1, ?2, ?3, ?4, ?5, ?5)
               ON CONFLICT (org_id, role) DO UPDATE SET person = excluded.person, updated_at = excluded.updated_at
               WHERE person IS NOT excluded.person"#,
            uuid,
            org_id,
            role,
            person,
            now
        )
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(ResponsiblePerson { org_id, role, person })
}

async fn person_of(conn: &mut SqliteConnection, org_id: i64) -> Result<Option<String>> {
    Ok(sqlx::query_scalar!("SELECT person FROM org_responsibilities WHERE org_id = ?1", org_id)
        .fetch_optional(conn)
        .await?)
}

/// First, direct and specific for the scope: each read from the scope's own county, township
/// and community where the scope lies within one (a county-wide review has no single township).
pub async fn chain(conn: &mut SqliteConnection, scope: &Scope) -> Result<[Option<String>; 3]> {
    let mut out = [None, None, None];
    let Some(anchor) = scope.root.clone().or_else(|| scope.top().cloned()) else { return Ok(out) };
    for (slot, kind) in [OrgKind::County, OrgKind::Township, OrgKind::Community].into_iter().enumerate() {
        if let Some(org) = scope.ancestor(&anchor, kind) {
            let id = org.id;
            out[slot] = person_of(conn, id).await?;
        }
    }
    Ok(out)
}
