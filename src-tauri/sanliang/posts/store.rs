//! SQL for the `posts` and `post_assignments` tables.

use chrono::NaiveDate;
use sqlx::SqliteConnection;

use super::model::{Post, PostAssignment, PostStats};
use crate::common::catalog::{PostHow, PostKind};
use crate::error::{Error, Result};

use crate::db::now;

pub async fn get(conn: &mut SqliteConnection, id: i64) -> Result<Post> {
    let r = sqlx::query_as!(
        Post,
        r#"SELECT p.id AS "id!", p.community_id, o.name AS community_name, p.name, p.kind AS "kind: PostKind", p.duties, p.capacity,
                  (SELECT count(*) FROM post_assignments a WHERE a.post_id = p.id AND a.end_on IS NULL) AS "holders!: i64",
                  (SELECT COALESCE(max(id), 0) FROM change_log) AS "version!: i64"
           FROM posts p JOIN organizations o ON o.id = p.community_id
           WHERE p.id = ?1 AND p.deleted_at IS NULL"#,
        id
    )
    .fetch_optional(conn)
    .await?
    .ok_or_else(|| Error::NotFound("岗位不存在或已删除".into()))?;
    Ok(r)
}

pub async fn list(conn: &mut SqliteConnection, under: Option<i64>) -> Result<Vec<Post>> {
    let rows = sqlx::query_as!(
        Post,
        r#"SELECT p.id AS "id!", p.community_id, o.name AS community_name, p.name, p.kind AS "kind: PostKind", p.duties, p.capacity,
                  (SELECT count(*) FROM post_assignments a WHERE a.post_id = p.id AND a.end_on IS NULL) AS "holders!: i64",
                  (SELECT COALESCE(max(id), 0) FROM change_log) AS "version!: i64"
           FROM posts p JOIN organizations o ON o.id = p.community_id
           WHERE p.deleted_at IS NULL AND (?1 IS NULL OR o.id IN (SELECT org_id FROM org_subtree WHERE root_id = ?1))
           ORDER BY o.path, p.id"#,
        under
    )
    .fetch_all(conn)
    .await?;
    Ok(rows)
}

pub async fn post_named(
    conn: &mut SqliteConnection,
    community_id: i64,
    name: &str,
    except: Option<i64>,
) -> Result<Option<i64>> {
    Ok(sqlx::query_scalar!(
        r#"SELECT id AS "id!" FROM posts WHERE community_id = ?1 AND name = ?2 AND deleted_at IS NULL AND id IS NOT ?3"#,
        community_id,
        name,
        except
    )
    .fetch_optional(conn)
    .await?)
}

pub async fn insert(
    conn: &mut SqliteConnection,
    uuid: &str,
    community_id: i64,
    name: &str,
    kind: PostKind,
    duties: &str,
    capacity: i64,
) -> Result<i64> {
    let (now, kind) = (now(), kind.code());
    Ok(sqlx::query_scalar!(
        r#"INSERT INTO posts (uuid, community_id, name, kind, duties, capacity, created_at, updated_at)
           VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7) RETURNING id AS "id!""#,
        uuid,
        community_id,
        name,
        kind,
        duties,
        capacity,
        now
    )
    .fetch_one(conn)
    .await?)
}

pub async fn update(
    conn: &mut SqliteConnection,
    id: i64,
    community_id: i64,
    name: &str,
    kind: PostKind,
    duties: &str,
    capacity: i64,
) -> Result<()> {
    let (now, kind) = (now(), kind.code());
    sqlx::query!(
        "UPDATE posts SET community_id = ?1, name = ?2, kind = ?3, duties = ?4, capacity = ?5, updated_at = ?6 WHERE id = ?7",
        community_id,
        name,
        kind,
        duties,
        capacity,
        now,
        id
    )
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn soft_delete(conn: &mut SqliteConnection, id: i64) -> Result<()> {
    let now = now();
    sqlx::query!("UPDATE posts SET deleted_at = ?1, updated_at = ?1 WHERE id = ?2", now, id).execute(conn).await?;
    Ok(())
}

/// Which post assignments to read: one, a post's current holders, or a member's history.
enum Assignments {
    One(i64),
    HoldingPost(i64),
    OfMember(i64),
}

/// Post assignments with the post's and the member's names, oldest first.
async fn assignments(conn: &mut SqliteConnection, which: Assignments) -> Result<Vec<PostAssignment>> {
    let (id, post_id, member_id) = match which {
        Assignments::One(id) => (Some(id), None, None),
        Assignments::HoldingPost(post) => (None, Some(post), None),
        Assignments::OfMember(member) => (None, None, Some(member)),
    };
    Ok(sqlx::query_as!(
        PostAssignment,
        r#"SELECT a.id AS "id!", a.post_id, p.name AS post_name, a.member_id, m.name AS member_name, a.how AS "how: PostHow",
                  a.start_on AS "start_on: NaiveDate", a.end_on AS "end_on: NaiveDate"
           FROM post_assignments a JOIN posts p ON p.id = a.post_id JOIN members m ON m.id = a.member_id
           WHERE (?1 IS NULL OR a.id = ?1) AND (?2 IS NULL OR (a.post_id = ?2 AND a.end_on IS NULL))
             AND (?3 IS NULL OR a.member_id = ?3)
           ORDER BY a.start_on, a.id"#,
        id,
        post_id,
        member_id
    )
    .fetch_all(conn)
    .await?)
}

pub async fn assignment(conn: &mut SqliteConnection, id: i64) -> Result<PostAssignment> {
    assignments(conn, Assignments::One(id)).await?.pop().ok_or_else(|| Error::NotFound("岗位记录不存在".into()))
}

pub async fn current_holders(conn: &mut SqliteConnection, post_id: i64) -> Result<Vec<PostAssignment>> {
    assignments(conn, Assignments::HoldingPost(post_id)).await
}

pub async fn member_history(conn: &mut SqliteConnection, member_id: i64) -> Result<Vec<PostAssignment>> {
    assignments(conn, Assignments::OfMember(member_id)).await
}

pub async fn current_of_member(conn: &mut SqliteConnection, member_id: i64) -> Result<Option<PostAssignment>> {
    let id = sqlx::query_scalar!(
        r#"SELECT id AS "id!" FROM post_assignments WHERE member_id = ?1 AND end_on IS NULL"#,
        member_id
    )
    .fetch_optional(&mut *conn)
    .await?;
    match id {
        Some(id) => Ok(Some(assignment(conn, id).await?)),
        None => Ok(None),
    }
}

pub async fn insert_assignment(
    conn: &mut SqliteConnection,
    uuid: &str,
    post_id: i64,
    member_id: i64,
    how: PostHow,
    start_on: NaiveDate,
) -> Result<i64> {
    let (now, how) = (now(), how.code());
    Ok(sqlx::query_scalar!(
        r#"INSERT INTO post_assignments (uuid, post_id, member_id, how, start_on, created_at, updated_at)
           VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6) RETURNING id AS "id!""#,
        uuid,
        post_id,
        member_id,
        how,
        start_on,
        now
    )
    .fetch_one(conn)
    .await?)
}

pub async fn end_assignment(conn: &mut SqliteConnection, id: i64, end_on: NaiveDate) -> Result<()> {
    let now = now();
    sqlx::query!("UPDATE post_assignments SET end_on = ?1, updated_at = ?2 WHERE id = ?3", end_on, now, id)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn stats(conn: &mut SqliteConnection, under: Option<i64>) -> Result<PostStats> {
    let r = sqlx::query!(
        r#"SELECT count(*) AS "active!: i64",
                  coalesce(sum(a.how IS NOT NULL), 0) AS "with_post!: i64",
                  coalesce(sum(a.how = 'claimed'), 0) AS "claimed!: i64",
                  coalesce(sum(a.how = 'assigned'), 0) AS "assigned!: i64"
           FROM members m
           LEFT JOIN post_assignments a ON a.member_id = m.id AND a.end_on IS NULL
           WHERE m.deleted_at IS NULL AND m.status = 'active'
             AND (?1 IS NULL OR m.org_id IN (SELECT org_id FROM org_subtree WHERE root_id = ?1))"#,
        under
    )
    .fetch_one(&mut *conn)
    .await?;
    let posts = sqlx::query_scalar!(
        r#"SELECT count(*) AS "n!: i64" FROM posts p JOIN organizations o ON o.id = p.community_id
           WHERE p.deleted_at IS NULL AND (?1 IS NULL OR o.id IN (SELECT org_id FROM org_subtree WHERE root_id = ?1))"#,
        under
    )
    .fetch_one(conn)
    .await?;
    Ok(PostStats { active_members: r.active, with_post: r.with_post, claimed: r.claimed, assigned: r.assigned, posts })
}

/// Many members starting posts at once: (post, member, how, from).
pub async fn insert_assignments(conn: &mut SqliteConnection, rows: &[(i64, i64, PostHow, NaiveDate)]) -> Result<()> {
    let rows: Vec<serde_json::Value> = rows
        .iter()
        .map(|(post, member, how, on)| {
            serde_json::json!({
                "uuid": uuid::Uuid::new_v4().to_string(), "post_id": post, "member_id": member, "how": how.code(),
                "start_on": on.to_string(),
            })
        })
        .collect();
    crate::db::batch::in_chunks(
        conn,
        "INSERT INTO post_assignments (uuid, post_id, member_id, how, start_on, created_at, updated_at)
         SELECT value ->> 'uuid', value ->> 'post_id', value ->> 'member_id', value ->> 'how', value ->> 'start_on', ?2, ?2
         FROM json_each(?1) ORDER BY key",
        &rows,
        |_| {},
    )
    .await
}
