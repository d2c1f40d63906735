//! SQL for the `members` table.

use chrono::NaiveDate;
use sqlx::SqliteConnection;

use super::model::{Member, MemberRecord, MemberRow, MemberSort, TextPatterns};
use crate::common::catalog::{Category, Gender, MemberStatus};
use crate::common::validate::{mask_id_number, mask_phone};
use crate::error::{Error, Result};

use crate::db::now;

pub async fn get(conn: &mut SqliteConnection, id: i64) -> Result<Member> {
    sqlx::query_as!(
        Member,
        r#"SELECT m.id AS "id!", m.uuid, m.org_id, o.name AS org_name, m.name, m.gender AS "gender: Gender", m.ethnicity,
                  m.birth_date AS "birth_date: NaiveDate", m.joined_on AS "joined_on: NaiveDate",
                  m.education, m.id_number, m.phone, m.address, m.work_unit, m.category AS "category: Category",
                  m.status AS "status: MemberStatus", m.status_date AS "status_date: NaiveDate", m.notes,
                  m.photo IS NOT NULL AS "has_photo!: bool",
                  (SELECT COALESCE(max(id), 0) FROM change_log) AS "version!: i64"
           FROM members m JOIN organizations o ON o.id = m.org_id
           WHERE m.id = ?1 AND m.deleted_at IS NULL"#,
        id
    )
    .fetch_optional(conn)
    .await?
    .ok_or_else(|| Error::NotFound("党员不存在或已删除".into()))
}

/// Another live member holding this ID number: (name, organization name).
pub async fn find_by_id_number(
    conn: &mut SqliteConnection,
    id_number: &str,
    except: Option<i64>,
) -> Result<Option<(String, String)>> {
    let row = sqlx::query!(
        r#"SELECT m.name, o.name AS org_name FROM members m JOIN organizations o ON o.id = m.org_id
           WHERE m.id_number = ?1 AND m.deleted_at IS NULL AND m.id IS NOT ?2"#,
        id_number,
        except
    )
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|r| (r.name, r.org_name)))
}

/// The organization of another live member with the same name and birth date.
pub async fn find_same_person(
    conn: &mut SqliteConnection,
    name: &str,
    birth: NaiveDate,
    except: Option<i64>,
) -> Result<Option<String>> {
    Ok(sqlx::query_scalar!(
        r#"SELECT o.name FROM members m JOIN organizations o ON o.id = m.org_id
           WHERE m.name = ?1 AND m.birth_date = ?2 AND m.deleted_at IS NULL AND m.id IS NOT ?3"#,
        name,
        birth,
        except
    )
    .fetch_optional(conn)
    .await?)
}

pub async fn insert(conn: &mut SqliteConnection, uuid: &str, r: &MemberRecord) -> Result<i64> {
    let now = now();
    let (gender, category) = (r.gender.code(), r.category.code());
    Ok(sqlx::query_scalar!(
        r#"INSERT INTO members (uuid, org_id, name, gender, ethnicity, birth_date, joined_on, education, id_number,
                                phone, address, work_unit, category, notes, search_text, sort_name, created_at, updated_at)
           VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?17)
           RETURNING id AS "id!""#,
        uuid,
        r.org_id,
        r.name,
        gender,
        r.ethnicity,
        r.birth_date,
        r.joined_on,
        r.education,
        r.id_number,
        r.phone,
        r.address,
        r.work_unit,
        category,
        r.notes,
        r.search_text,
        r.sort_name,
        now
    )
    .fetch_one(conn)
    .await?)
}

pub async fn update(conn: &mut SqliteConnection, id: i64, r: &MemberRecord) -> Result<()> {
    let now = now();
    let (gender, category) = (r.gender.code(), r.category.code());
    sqlx::query!(
        r#"UPDATE members SET org_id = ?1, name = ?2, gender = ?3, ethnicity = ?4, birth_date = ?5, joined_on = ?6,
                  education = ?7, id_number = ?8, phone = ?9, address = ?10, work_unit = ?11, category = ?12,
                  notes = ?13, search_text = ?14, sort_name = ?15, updated_at = ?16
           WHERE id = ?17 AND deleted_at IS NULL"#,
        r.org_id,
        r.name,
        gender,
        r.ethnicity,
        r.birth_date,
        r.joined_on,
        r.education,
        r.id_number,
        r.phone,
        r.address,
        r.work_unit,
        category,
        r.notes,
        r.search_text,
        r.sort_name,
        now,
        id
    )
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn set_status(conn: &mut SqliteConnection, id: i64, s: MemberStatus, date: Option<NaiveDate>) -> Result<()> {
    let (now, code) = (now(), s.code());
    sqlx::query!(
        "UPDATE members SET status = ?1, status_date = ?2, updated_at = ?3 WHERE id = ?4",
        code,
        date,
        now,
        id
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// Ends the member's current post on `on` (not before it began) and releases the
/// responsibility-zone items the member covers.
pub async fn end_duties(conn: &mut SqliteConnection, id: i64, on: NaiveDate) -> Result<()> {
    let now = now();
    sqlx::query!(
        "UPDATE post_assignments SET end_on = max(start_on, ?1), updated_at = ?2 WHERE member_id = ?3 AND end_on IS NULL",
        on,
        now,
        id
    )
    .execute(&mut *conn)
    .await?;
    sqlx::query!("UPDATE zone_items SET member_id = NULL, updated_at = ?1 WHERE member_id = ?2", now, id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub async fn soft_delete(conn: &mut SqliteConnection, id: i64) -> Result<()> {
    let now = now();
    sqlx::query!("UPDATE members SET deleted_at = ?1, updated_at = ?1 WHERE id = ?2", now, id).execute(conn).await?;
    Ok(())
}

/// The WHERE clause of a roster search, as bound parameters.
pub struct Filter<'a> {
    /// Path prefix of the organization subtree.
    pub under: Option<i64>,
    pub patterns: TextPatterns,
    pub category: Option<&'a str>,
    pub status: Option<&'a str>,
}

pub async fn count(conn: &mut SqliteConnection, f: &Filter<'_>) -> Result<i64> {
    let p = &f.patterns;
    let no_text = p.name_or_pinyin.is_none() && p.phone.is_none() && p.id_tail.is_none();
    Ok(sqlx::query_scalar!(
        r#"SELECT count(*) AS "n!: i64"
           FROM members m
           WHERE m.deleted_at IS NULL
             AND (?1 IS NULL OR m.org_id IN (SELECT org_id FROM org_subtree WHERE root_id = ?1))
             AND (?2 OR m.search_text LIKE ?3 ESCAPE '\' OR m.phone LIKE ?4 ESCAPE '\' OR m.id_number LIKE ?5 ESCAPE '\')
             AND (?6 IS NULL OR m.category = ?6)
             AND (?7 IS NULL OR m.status = ?7)"#,
        f.under,
        no_text,
        p.name_or_pinyin,
        p.phone,
        p.id_tail,
        f.category,
        f.status
    )
    .fetch_one(conn)
    .await?)
}

pub(crate) struct ListRow {
    pub(crate) id: i64,
    pub(crate) name: String,
    pub(crate) gender: Gender,
    pub(crate) ethnicity: String,
    pub(crate) birth_date: NaiveDate,
    pub(crate) joined_on: NaiveDate,
    pub(crate) org_id: i64,
    pub(crate) org_name: String,
    pub(crate) category: Category,
    pub(crate) status: MemberStatus,
    pub(crate) status_date: Option<NaiveDate>,
    pub(crate) id_number: Option<String>,
    pub(crate) phone: String,
    pub(crate) post_name: Option<String>,
}

/// One checked query per sort order: a plain `ORDER BY column` lets SQLite walk the column's
/// index and stop at the page, where a computed order would sort the whole county each time.
macro_rules! search_sorted {
    ($conn:expr, $f:expr, $limit:expr, $offset:expr, $order:literal) => {{
        let p = &$f.patterns;
        let no_text = p.name_or_pinyin.is_none() && p.phone.is_none() && p.id_tail.is_none();
        sqlx::query_as!(
            ListRow,
            r#"SELECT m.id AS "id!", m.name, m.gender AS "gender: Gender", m.ethnicity, m.birth_date AS "birth_date: NaiveDate",
                      m.joined_on AS "joined_on: NaiveDate", m.org_id, o.name AS org_name,
                      m.category AS "category: Category", m.status AS "status: MemberStatus",
                      m.status_date AS "status_date: NaiveDate", m.id_number, m.phone, p.name AS "post_name?"
               FROM members m JOIN organizations o ON o.id = m.org_id
               LEFT JOIN post_assignments a ON a.member_id = m.id AND a.end_on IS NULL
               LEFT JOIN posts p ON p.id = a.post_id
               WHERE m.deleted_at IS NULL
                 AND (?1 IS NULL OR m.org_id IN (SELECT org_id FROM org_subtree WHERE root_id = ?1))
                 AND (?2 OR m.search_text LIKE ?3 ESCAPE '\' OR m.phone LIKE ?4 ESCAPE '\' OR m.id_number LIKE ?5 ESCAPE '\')
                 AND (?6 IS NULL OR m.category = ?6)
                 AND (?7 IS NULL OR m.status = ?7)
               ORDER BY "#
                + $order
                + r#"
               LIMIT ?8 OFFSET ?9"#,
            $f.under,
            no_text,
            p.name_or_pinyin,
            p.phone,
            p.id_tail,
            $f.category,
            $f.status,
            $limit,
            $offset
        )
        .fetch_all($conn)
        .await?
    }};
}

pub async fn search(
    conn: &mut SqliteConnection,
    f: &Filter<'_>,
    sort: MemberSort,
    descending: bool,
    limit: u32,
    offset: u32,
) -> Result<Vec<MemberRow>> {
    // Without a text or subtree filter most rows match: walk the sort column's index and stop at
    // the page. With one, few rows match: find them first and sort just those (a leading `+`
    // keeps SQLite from walking the index, which would visit the whole county to fill a page).
    let p = &f.patterns;
    let walk_index = p.name_or_pinyin.is_none() && p.phone.is_none() && p.id_tail.is_none() && f.under.is_none();
    let rows = match (sort, descending, walk_index) {
        (MemberSort::Name, false, true) => search_sorted!(conn, f, limit, offset, "m.sort_name, m.id"),
        (MemberSort::Name, false, false) => search_sorted!(conn, f, limit, offset, "+m.sort_name, m.id"),
        (MemberSort::Name, true, true) => search_sorted!(conn, f, limit, offset, "m.sort_name DESC, m.id DESC"),
        (MemberSort::Name, true, false) => search_sorted!(conn, f, limit, offset, "+m.sort_name DESC, m.id DESC"),
        (MemberSort::BirthDate, false, true) => search_sorted!(conn, f, limit, offset, "m.birth_date, m.id"),
        (MemberSort::BirthDate, false, false) => search_sorted!(conn, f, limit, offset, "+m.birth_date, m.id"),
        (MemberSort::BirthDate, true, true) => search_sorted!(conn, f, limit, offset, "m.birth_date DESC, m.id DESC"),
        (MemberSort::BirthDate, true, false) => search_sorted!(conn, f, limit, offset, "+m.birth_date DESC, m.id DESC"),
        (MemberSort::JoinedOn, false, true) => search_sorted!(conn, f, limit, offset, "m.joined_on, m.id"),
        (MemberSort::JoinedOn, false, false) => search_sorted!(conn, f, limit, offset, "+m.joined_on, m.id"),
        (MemberSort::JoinedOn, true, true) => search_sorted!(conn, f, limit, offset, "m.joined_on DESC, m.id DESC"),
        (MemberSort::JoinedOn, true, false) => search_sorted!(conn, f, limit, offset, "+m.joined_on DESC, m.id DESC"),
        (MemberSort::Organization, false, true) => search_sorted!(conn, f, limit, offset, "o.path, m.sort_name, m.id"),
        (MemberSort::Organization, false, false) => {
            search_sorted!(conn, f, limit, offset, "+o.path, m.sort_name, m.id")
        }
        (MemberSort::Organization, true, true) => {
            search_sorted!(conn, f, limit, offset, "o.path DESC, m.sort_name, m.id")
        }
        (MemberSort::Organization, true, false) => {
            search_sorted!(conn, f, limit, offset, "+o.path DESC, m.sort_name, m.id")
        }
        (MemberSort::CreatedAt, false, true) => search_sorted!(conn, f, limit, offset, "m.id"),
        (MemberSort::CreatedAt, false, false) => search_sorted!(conn, f, limit, offset, "+m.id"),
        (MemberSort::CreatedAt, true, true) => search_sorted!(conn, f, limit, offset, "m.id DESC"),
        (MemberSort::CreatedAt, true, false) => search_sorted!(conn, f, limit, offset, "+m.id DESC"),
    };
    Ok(rows.into_iter().map(list_row).collect())
}

/// A list row as the UI shows it, personal data masked.
pub(crate) fn list_row(r: ListRow) -> MemberRow {
    MemberRow {
        id: r.id,
        name: r.name,
        gender: r.gender,
        ethnicity: r.ethnicity,
        birth_date: r.birth_date,
        joined_on: r.joined_on,
        org_id: r.org_id,
        org_name: r.org_name,
        category: r.category,
        status: r.status,
        status_date: r.status_date,
        id_number_masked: r.id_number.as_deref().map(mask_id_number).unwrap_or_default(),
        phone_masked: mask_phone(&r.phone),
        post_name: r.post_name,
    }
}

/// Every member a filter matches (for batch actions on "all search results").
pub async fn matching_ids(conn: &mut SqliteConnection, f: &Filter<'_>) -> Result<Vec<i64>> {
    let p = &f.patterns;
    let no_text = p.name_or_pinyin.is_none() && p.phone.is_none() && p.id_tail.is_none();
    Ok(sqlx::query_scalar!(
        r#"SELECT m.id AS "id!"
           FROM members m
           WHERE m.deleted_at IS NULL
             AND (?1 IS NULL OR m.org_id IN (SELECT org_id FROM org_subtree WHERE root_id = ?1))
             AND (?2 OR m.search_text LIKE ?3 ESCAPE '\' OR m.phone LIKE ?4 ESCAPE '\' OR m.id_number LIKE ?5 ESCAPE '\')
             AND (?6 IS NULL OR m.category = ?6)
             AND (?7 IS NULL OR m.status = ?7)
           ORDER BY m.id"#,
        f.under,
        no_text,
        p.name_or_pinyin,
        p.phone,
        p.id_tail,
        f.category,
        f.status
    )
    .fetch_all(conn)
    .await?)
}

/// Live members by status, and on-roll members by category, under a subtree (or everywhere).
pub async fn counts(conn: &mut SqliteConnection, under: Option<i64>) -> Result<Vec<(String, String, i64)>> {
    let rows = sqlx::query!(
        r#"SELECT m.status, m.category, count(*) AS "n!: i64"
           FROM members m JOIN organizations o ON o.id = m.org_id
           WHERE m.deleted_at IS NULL AND (?1 IS NULL OR o.id IN (SELECT org_id FROM org_subtree WHERE root_id = ?1))
           GROUP BY m.status, m.category"#,
        under
    )
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(|r| (r.status, r.category, r.n)).collect())
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use sqlx::SqlitePool;

    use super::*;
    use crate::roster::members::{example_input, validate};

    async fn branch(pool: &SqlitePool) -> i64 {
        let conn = &mut *pool.acquire().await.unwrap();
        let county =
            crate::roster::orgs::store::insert(conn, None, crate::common::catalog::OrgKind::County, None, None, "县")
                .await
                .unwrap();
        let county = crate::roster::orgs::store::get(conn, county).await.unwrap();
        crate::roster::orgs::store::insert(
            conn,
            Some(&county),
            crate::common::catalog::OrgKind::Branch,
            None,
            None,
            "支部",
        )
        .await
        .unwrap()
    }

    fn record(org_id: i64) -> MemberRecord {
        validate(&example_input(org_id), NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()).unwrap()
    }

    #[sqlx::test]
    async fn the_id_number_index_admits_one_live_record(pool: SqlitePool) {
        let org = branch(&pool).await;
        let conn = &mut *pool.acquire().await.unwrap();
        let first = insert(conn, "u1", &record(org)).await.unwrap();
        // Storage itself refuses the duplicate, even if a caller skipped the domain check.
        let twice = insert(conn, "u2", &record(org)).await.unwrap_err();
        assert!(matches!(&twice, Error::Storage(sqlx::Error::Database(d)) if d.is_unique_violation()), "{twice:?}");
        soft_delete(conn, first).await.unwrap();
        insert(conn, "u3", &record(org)).await.unwrap();
    }

    #[sqlx::test]
    async fn members_cannot_point_at_a_missing_organization(pool: SqlitePool) {
        let conn = &mut *pool.acquire().await.unwrap();
        let orphan = insert(conn, "u1", &record(4242)).await.unwrap_err();
        assert!(
            matches!(&orphan, Error::Storage(sqlx::Error::Database(d)) if d.is_foreign_key_violation()),
            "foreign keys are enforced: {orphan:?}"
        );
    }
}
