//! SQL writing and reading many members at once (an import of a whole roster), a chunk of records
//! a statement (`db::batch`). The triggers still record each row in 操作记录.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde_json::{json, Value};
use sqlx::{Row, SqliteConnection};

use super::model::MemberRecord;
use crate::common::catalog::{Category, Gender, MemberStatus};
use crate::db::batch::{in_chunks, CHUNK};
use crate::error::Result;

/// The stored columns of a record as JSON, keyed by column name.
fn json_of(r: &MemberRecord) -> Value {
    json!({
        "org_id": r.org_id, "name": r.name, "gender": r.gender.code(), "ethnicity": r.ethnicity,
        "birth_date": r.birth_date.to_string(), "joined_on": r.joined_on.to_string(), "education": r.education,
        "id_number": r.id_number, "phone": r.phone, "address": r.address, "work_unit": r.work_unit,
        "category": r.category.code(), "notes": r.notes, "search_text": r.search_text, "sort_name": r.sort_name,
    })
}

/// New members, each with a new uuid, in the order given; `done` hears how many are written
/// after each statement.
pub async fn insert(conn: &mut SqliteConnection, records: &[MemberRecord], done: impl FnMut(usize)) -> Result<()> {
    let rows: Vec<Value> = records.iter().map(|r| with(json_of(r), "uuid", uuid::Uuid::new_v4().to_string())).collect();
    in_chunks(
        conn,
        "INSERT INTO members (uuid, org_id, name, gender, ethnicity, birth_date, joined_on, education, id_number,
                              phone, address, work_unit, category, notes, search_text, sort_name, created_at, updated_at)
         SELECT value ->> 'uuid', value ->> 'org_id', value ->> 'name', value ->> 'gender', value ->> 'ethnicity',
                value ->> 'birth_date', value ->> 'joined_on', value ->> 'education', value ->> 'id_number',
                value ->> 'phone', value ->> 'address', value ->> 'work_unit', value ->> 'category', value ->> 'notes',
                value ->> 'search_text', value ->> 'sort_name', ?2, ?2
         FROM json_each(?1) ORDER BY key",
        &rows,
        done,
    )
    .await
}

/// Members rewritten with these records (live ones only, as a form's save); `done` as for
/// [`insert`].
pub async fn update(
    conn: &mut SqliteConnection,
    records: &[(i64, MemberRecord)],
    done: impl FnMut(usize),
) -> Result<()> {
    let rows: Vec<Value> = records.iter().map(|(id, r)| with(json_of(r), "id", *id)).collect();
    in_chunks(
        conn,
        "UPDATE members SET org_id = j.value ->> 'org_id', name = j.value ->> 'name', gender = j.value ->> 'gender',
                ethnicity = j.value ->> 'ethnicity', birth_date = j.value ->> 'birth_date',
                joined_on = j.value ->> 'joined_on', education = j.value ->> 'education',
                id_number = j.value ->> 'id_number', phone = j.value ->> 'phone', address = j.value ->> 'address',
                work_unit = j.value ->> 'work_unit', category = j.value ->> 'category', notes = j.value ->> 'notes',
                search_text = j.value ->> 'search_text', sort_name = j.value ->> 'sort_name', updated_at = ?2
         FROM json_each(?1) AS j
         WHERE members.id = j.value ->> 'id' AND members.deleted_at IS NULL",
        &rows,
        done,
    )
    .await
}

/// Members who left the roll (转出, 去世), each on its date: (member, status, date).
pub async fn set_statuses(conn: &mut SqliteConnection, rows: &[(i64, MemberStatus, NaiveDate)]) -> Result<()> {
    let rows: Vec<Value> = rows
        .iter()
        .map(|(id, status, on)| json!({ "id": id, "status": status.code(), "status_date": on.to_string() }))
        .collect();
    in_chunks(
        conn,
        "UPDATE members SET status = j.value ->> 'status', status_date = j.value ->> 'status_date', updated_at = ?2
         FROM json_each(?1) AS j WHERE members.id = j.value ->> 'id'",
        &rows,
        |_| {},
    )
    .await
}

/// A row's JSON with one more key.
fn with(mut row: Value, key: &str, value: impl Into<Value>) -> Value {
    row[key] = value.into();
    row
}

/// The stored records of these live members, by id.
pub async fn records(conn: &mut SqliteConnection, ids: &[i64]) -> Result<HashMap<i64, MemberRecord>> {
    let mut out = HashMap::with_capacity(ids.len());
    for chunk in ids.chunks(CHUNK * 10) {
        let rows = sqlx::query(
            "SELECT id, org_id, name, gender, ethnicity, birth_date, joined_on, education, id_number, phone, address,
                    work_unit, category, notes, search_text, sort_name
             FROM members WHERE id IN (SELECT value FROM json_each(?1)) AND deleted_at IS NULL",
        )
        .bind(Value::from(chunk.to_vec()).to_string())
        .fetch_all(&mut *conn)
        .await?;
        for row in rows {
            let record = MemberRecord {
                org_id: row.try_get("org_id")?,
                name: row.try_get("name")?,
                gender: row.try_get::<Gender, _>("gender")?,
                ethnicity: row.try_get("ethnicity")?,
                birth_date: row.try_get::<NaiveDate, _>("birth_date")?,
                joined_on: row.try_get::<NaiveDate, _>("joined_on")?,
                education: row.try_get("education")?,
                id_number: row.try_get("id_number")?,
                phone: row.try_get("phone")?,
                address: row.try_get("address")?,
                work_unit: row.try_get("work_unit")?,
                category: row.try_get::<Category, _>("category")?,
                notes: row.try_get("notes")?,
                search_text: row.try_get("search_text")?,
                sort_name: row.try_get("sort_name")?,
            };
            out.insert(row.try_get("id")?, record);
        }
    }
    Ok(out)
}

/// The setting naming the version of the search keys the members are indexed by.
const KEYS_VERSION_SETTING: &str = "roster.search_keys";

/// Every member's search keys written again when they were made by another version of
/// `search_key` (a file from an older app, a restored backup), in one transaction; the
/// `member_keys` triggers follow. Nothing is recorded in 操作记录: the keys are derived.
pub async fn reindex(pool: &sqlx::SqlitePool) -> Result<()> {
    use crate::common::settings;
    use crate::roster::search_key::{search_text, KEYS_VERSION};
    // Read first: an opening while another program writes (an import) must not wait for it.
    if settings::get(&mut *pool.acquire().await?, KEYS_VERSION_SETTING).await?.as_deref() == Some(KEYS_VERSION) {
        return Ok(());
    }
    let mut tx = crate::db::write(pool).await?;
    if settings::get(&mut tx, KEYS_VERSION_SETTING).await?.as_deref() == Some(KEYS_VERSION) {
        return Ok(());
    }
    let names: Vec<(i64, String)> = sqlx::query_as("SELECT id, name FROM members").fetch_all(&mut *tx).await?;
    let rows: Vec<Value> =
        names.iter().map(|(id, name)| json!({ "id": id, "search_text": search_text(name) })).collect();
    for chunk in rows.chunks(CHUNK) {
        sqlx::query(
            "UPDATE members SET search_text = j.value ->> 'search_text'
             FROM json_each(?1) AS j WHERE members.id = j.value ->> 'id'",
        )
        .bind(Value::from(chunk.to_vec()).to_string())
        .execute(&mut *tx)
        .await?;
    }
    settings::set(&mut tx, KEYS_VERSION_SETTING, KEYS_VERSION).await?;
    tx.commit().await?;
    Ok(())
}
