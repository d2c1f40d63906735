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
    /// The root of an organization subtree; none for the whole county.
    pub under: Option<i64>,
    /// What the search text matches; none without text.
    pub text: Option<TextPatterns>,
    pub category: Option<&'a str>,
    pub status: Option<&'a str>,
}

/// Calls `$then!` with the roster search's SQL as literals (checked queries take only literals):
/// the WHERE clause of the filters over ?1 to ?3; the members a search text finds, from
/// `member_keys` and a scan for what the keys do not hold, over ?4 to ?8; and a list page's
/// columns around the subquery picking its ids (CROSS JOIN keeps the page the outer loop: else
/// SQLite may walk the whole roster in the page's order to spare sorting its 20 rows).
macro_rules! with_search_sql {
    ($then:ident! ($($rest:tt)*)) => {
        $then!(
            "m.deleted_at IS NULL
             AND (?1 IS NULL OR m.org_id IN (SELECT org_id FROM org_subtree WHERE root_id = ?1))
             AND (?2 IS NULL OR m.category = ?2)
             AND (?3 IS NULL OR m.status = ?3)",
            " AND m.id IN (SELECT member_id FROM member_keys WHERE key >= ?4 AND key < ?5
                   UNION ALL SELECT member_id FROM member_keys WHERE key = ?6
                   UNION ALL SELECT id FROM members WHERE ?7 IS NOT NULL AND phone LIKE ?7 ESCAPE '\\'
                   UNION ALL SELECT id FROM members WHERE ?8 IS NOT NULL AND id_number LIKE ?8 ESCAPE '\\')",
            r#"SELECT m.id AS "id!", m.name, m.gender AS "gender: Gender", m.ethnicity, m.birth_date AS "birth_date: NaiveDate",
                      m.joined_on AS "joined_on: NaiveDate", m.org_id, o.name AS org_name,
                      m.category AS "category: Category", m.status AS "status: MemberStatus",
                      m.status_date AS "status_date: NaiveDate", m.id_number, m.phone, p.name AS "post_name?"
               FROM (SELECT m.id FROM "#,
            ") page CROSS JOIN members m ON m.id = page.id JOIN organizations o ON o.id = m.org_id
               LEFT JOIN post_assignments a ON a.member_id = m.id AND a.end_on IS NULL
               LEFT JOIN posts p ON p.id = a.post_id
               ORDER BY ",
            $($rest)*
        )
    };
}

macro_rules! count_query {
    ($filters:literal, $hits:literal, $columns:literal, $joins:literal, $conn:expr, $f:expr) => {
        match &$f.text {
            None => {
                sqlx::query_scalar!(
                    r#"SELECT count(*) AS "n!: i64" FROM members m WHERE "# + $filters,
                    $f.under,
                    $f.category,
                    $f.status
                )
                .fetch_one($conn)
                .await?
            }
            Some(t) => {
                sqlx::query_scalar!(
                    r#"SELECT count(*) AS "n!: i64" FROM members m WHERE "# + $filters + $hits,
                    $f.under,
                    $f.category,
                    $f.status,
                    t.from,
                    t.until,
                    t.id_tail_key,
                    t.phone_scan,
                    t.id_tail_scan
                )
                .fetch_one($conn)
                .await?
            }
        }
    };
}

pub async fn count(conn: &mut SqliteConnection, f: &Filter<'_>) -> Result<i64> {
    Ok(with_search_sql!(count_query!(conn, f)))
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
/// With a search text (`found`), the members it finds come first and just those are sorted.
/// The page's ids are picked from the members alone; only its rows are joined to their posts.
macro_rules! list_query {
    ($filters:literal, $hits:literal, $columns:literal, $joins:literal,
     $conn:expr, $f:expr, $limit:expr, $offset:expr, $from:literal, $order:literal) => {
        sqlx::query_as!(
            ListRow,
            $columns + $from + " WHERE " + $filters + " ORDER BY " + $order + " LIMIT ?4 OFFSET ?5" + $joins + $order,
            $f.under,
            $f.category,
            $f.status,
            $limit,
            $offset
        )
        .fetch_all($conn)
        .await?
    };
    ($filters:literal, $hits:literal, $columns:literal, $joins:literal,
     $conn:expr, $f:expr, $t:expr, $limit:expr, $offset:expr, found $from:literal, $order:literal) => {
        sqlx::query_as!(
            ListRow,
            $columns
                + $from
                + " WHERE "
                + $filters
                + $hits
                + " ORDER BY "
                + $order
                + " LIMIT ?9 OFFSET ?10"
                + $joins
                + $order,
            $f.under,
            $f.category,
            $f.status,
            $t.from,
            $t.until,
            $t.id_tail_key,
            $t.phone_scan,
            $t.id_tail_scan,
            $limit,
            $offset
        )
        .fetch_all($conn)
        .await?
    };
}

/// A page in an order: `org` orders need the organizations beside the members.
macro_rules! search_sorted {
    ($conn:expr, $f:expr, $limit:expr, $offset:expr, $order:literal) => {
        with_search_sql!(list_query!($conn, $f, $limit, $offset, "members m", $order))
    };
    ($conn:expr, $f:expr, $limit:expr, $offset:expr, org $order:literal) => {
        with_search_sql!(list_query!($conn, $f, $limit, $offset, "members m JOIN organizations o ON o.id = m.org_id", $order))
    };
    ($conn:expr, $f:expr, $t:expr, $limit:expr, $offset:expr, found $order:literal) => {
        with_search_sql!(list_query!($conn, $f, $t, $limit, $offset, found "members m", $order))
    };
    ($conn:expr, $f:expr, $t:expr, $limit:expr, $offset:expr, found org $order:literal) => {
        with_search_sql!(list_query!(
            $conn, $f, $t, $limit, $offset, found "members m JOIN organizations o ON o.id = m.org_id", $order
        ))
    };
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
    if let Some(t) = &f.text {
        let rows = match (sort, descending) {
            (MemberSort::Name, false) => search_sorted!(conn, f, t, limit, offset, found "+m.sort_name, m.id"),
            (MemberSort::Name, true) => search_sorted!(conn, f, t, limit, offset, found "+m.sort_name DESC, m.id DESC"),
            (MemberSort::BirthDate, false) => search_sorted!(conn, f, t, limit, offset, found "+m.birth_date, m.id"),
            (MemberSort::BirthDate, true) => {
                search_sorted!(conn, f, t, limit, offset, found "+m.birth_date DESC, m.id DESC")
            }
            (MemberSort::JoinedOn, false) => search_sorted!(conn, f, t, limit, offset, found "+m.joined_on, m.id"),
            (MemberSort::JoinedOn, true) => {
                search_sorted!(conn, f, t, limit, offset, found "+m.joined_on DESC, m.id DESC")
            }
            (MemberSort::Organization, false) => {
                search_sorted!(conn, f, t, limit, offset, found org "+o.path, m.sort_name, m.id")
            }
            (MemberSort::Organization, true) => {
                search_sorted!(conn, f, t, limit, offset, found org "+o.path DESC, m.sort_name, m.id")
            }
            (MemberSort::CreatedAt, false) => search_sorted!(conn, f, t, limit, offset, found "+m.id"),
            (MemberSort::CreatedAt, true) => search_sorted!(conn, f, t, limit, offset, found "+m.id DESC"),
        };
        return Ok(rows.into_iter().map(list_row).collect());
    }
    let walk_index = f.under.is_none();
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
        (MemberSort::Organization, false, true) => {
            search_sorted!(conn, f, limit, offset, org "o.path, m.sort_name, m.id")
        }
        (MemberSort::Organization, false, false) => {
            search_sorted!(conn, f, limit, offset, org "+o.path, m.sort_name, m.id")
        }
        (MemberSort::Organization, true, true) => {
            search_sorted!(conn, f, limit, offset, org "o.path DESC, m.sort_name, m.id")
        }
        (MemberSort::Organization, true, false) => {
            search_sorted!(conn, f, limit, offset, org "+o.path DESC, m.sort_name, m.id")
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

macro_rules! matching_query {
    ($filters:literal, $hits:literal, $columns:literal, $joins:literal, $conn:expr, $f:expr) => {
        match &$f.text {
            None => {
                sqlx::query_scalar!(
                    r#"SELECT m.id AS "id!" FROM members m WHERE "# + $filters + " ORDER BY m.id",
                    $f.under,
                    $f.category,
                    $f.status
                )
                .fetch_all($conn)
                .await?
            }
            Some(t) => {
                sqlx::query_scalar!(
                    r#"SELECT m.id AS "id!" FROM members m WHERE "# + $filters + $hits + " ORDER BY m.id",
                    $f.under,
                    $f.category,
                    $f.status,
                    t.from,
                    t.until,
                    t.id_tail_key,
                    t.phone_scan,
                    t.id_tail_scan
                )
                .fetch_all($conn)
                .await?
            }
        }
    };
}

/// Every member a filter matches (for batch actions on "all search results").
pub async fn matching_ids(conn: &mut SqliteConnection, f: &Filter<'_>) -> Result<Vec<i64>> {
    Ok(with_search_sql!(matching_query!(conn, f)))
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

    macro_rules! count_plan_sql {
        ($filters:literal, $hits:literal, $columns:literal, $joins:literal $(,)?) => {
            concat!("EXPLAIN QUERY PLAN SELECT count(*) FROM members m WHERE ", $filters)
        };
    }

    /// A roster count without text (the whole county, a subtree, a category, a status) reads the
    /// live members' filter index alone, never their rows.
    #[sqlx::test]
    async fn a_count_without_text_reads_the_filter_index_alone(pool: SqlitePool) {
        let org = branch(&pool).await;
        let conn = &mut *pool.acquire().await.unwrap();
        insert(conn, "u1", &record(org)).await.unwrap();
        let plan: Vec<String> = sqlx::query(with_search_sql!(count_plan_sql!()))
            .bind(None::<i64>)
            .bind(None::<&str>)
            .bind(None::<&str>)
            .fetch_all(&mut *conn)
            .await
            .unwrap()
            .iter()
            .map(|r| sqlx::Row::get::<String, _>(r, "detail"))
            .collect();
        assert_eq!(
            plan.first().map(String::as_str),
            Some("SCAN m USING COVERING INDEX members_live_filters"),
            "{plan:?}"
        );
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
