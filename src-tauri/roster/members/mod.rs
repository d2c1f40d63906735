//! The party-member roster (党员名册): validation of a member record, saving, status changes,
//! soft deletion, and search as a secretary types.

pub(crate) mod batch;
mod model;
pub(crate) mod store;

pub use model::*;

use chrono::NaiveDate;
use sqlx::SqlitePool;

use crate::common::catalog::{Category, Gender, MemberStatus, RecordKind, EDUCATIONS, ETHNICITIES};
use crate::common::limits;
use crate::common::validate::{self, check_name, check_paragraphs, check_phone, check_text};
use crate::common::versions;
use crate::error::{Error, Result};
use crate::roster::orgs::store as org_store;
use crate::roster::search_key;

fn parse_date(field: &str, label: &str, text: &str) -> Result<NaiveDate> {
    let text = text.trim();
    if text.is_empty() {
        return Err(Error::validation(field, format!("请填写{label}")));
    }
    validate::parse_ymd(text)
        .ok_or_else(|| Error::validation(field, format!("{label}不是有效日期（格式：2026-11-28）")))
}

/// Checks every field of the form against the rules, in the order they appear in the form.
pub fn validate(input: &MemberInput, today: NaiveDate) -> Result<MemberRecord> {
    let name = check_name("name", &input.name)?;
    let org_id = input.org_id.ok_or_else(|| Error::validation("orgId", "请选择所属组织"))?;
    let gender = input.gender.ok_or_else(|| Error::validation("gender", "请选择性别"))?;
    let ethnicity = input.ethnicity.trim().to_owned();
    if !ETHNICITIES.contains(&ethnicity.as_str()) {
        return Err(Error::validation("ethnicity", "请从列表中选择民族"));
    }
    let id_number = validate::normalize_id_number(&input.id_number);
    let id_info = if id_number.is_empty() {
        None
    } else {
        Some(validate::parse_id_number(&id_number).map_err(|m| Error::validation("idNumber", m))?)
    };
    let birth_date = match (&id_info, input.birth_date.trim().is_empty()) {
        // The ID number already says when; an empty field takes it from there.
        (Some(info), true) => info.birth_date,
        _ => parse_date("birthDate", "出生日期", &input.birth_date)?,
    };
    validate::check_birth_date(birth_date, today)?;
    if let Some(info) = &id_info {
        if info.birth_date != birth_date {
            return Err(Error::validation(
                "idNumber",
                format!("身份证号中的出生日期（{}）与填写的出生日期不一致", info.birth_date.format("%Y-%m-%d")),
            ));
        }
        let id_gender = if info.male { Gender::Male } else { Gender::Female };
        if id_gender != gender {
            return Err(Error::validation(
                "idNumber",
                format!("身份证号显示性别为{}，与所选性别不一致", id_gender.label()),
            ));
        }
    }
    let joined_on = parse_date("joinedOn", "入党日期", &input.joined_on)?;
    validate::check_joined_on(birth_date, joined_on, today)?;
    let education = input.education.trim().to_owned();
    if !education.is_empty() && !EDUCATIONS.contains(&education.as_str()) {
        return Err(Error::validation("education", "请从列表中选择学历"));
    }
    let phone = check_phone("phone", &input.phone)?;
    let address = check_text("address", "住址", &input.address, limits::ADDRESS, false)?;
    let work_unit = check_text("workUnit", "工作单位", &input.work_unit, limits::MEMBER_WORK_UNIT, false)?;
    let category = input.category.ok_or_else(|| Error::validation("category", "请选择党员类别"))?;
    let notes = check_paragraphs("notes", "备注", &input.notes, limits::MEMBER_NOTES, false)?;
    Ok(MemberRecord {
        search_text: search_key::search_text(&name),
        sort_name: search_key::sort_name(&name),
        org_id,
        name,
        gender,
        ethnicity,
        birth_date,
        joined_on,
        education,
        id_number: (!id_number.is_empty()).then_some(id_number),
        phone,
        address,
        work_unit,
        category,
        notes,
    })
}

/// Rules that need the database: the organization holds members, the ID number is unique,
/// and a same-name, same-birth-date member is confirmed as a different person.
async fn check_against_store(
    pool: &SqlitePool,
    record: &MemberRecord,
    except: Option<i64>,
    confirmed: bool,
) -> Result<()> {
    let mut conn = pool.acquire().await?;
    let org = org_store::get(&mut conn, record.org_id)
        .await
        .map_err(|_| Error::validation("orgId", "所选组织不存在或已删除"))?;
    if !org.kind.holds_members() {
        return Err(Error::validation("orgId", "党员应登记在社区党总支或党支部"));
    }
    if let Some(id_number) = &record.id_number {
        if let Some((other, org_name)) = store::find_by_id_number(&mut conn, id_number, except).await? {
            return Err(Error::conflict(
                Some("idNumber"),
                format!("该身份证号已登记给党员“{other}”（{org_name}），同一人不能重复登记"),
            ));
        }
    }
    if !confirmed {
        if let Some(org_name) = store::find_same_person(&mut conn, &record.name, record.birth_date, except).await? {
            return Err(Error::NeedsConfirmation {
                message: format!(
                    "{}已有一名同名、出生日期相同（{}）的党员“{}”。确认不是同一人后再保存？",
                    org_name,
                    record.birth_date.format("%Y-%m-%d"),
                    record.name
                ),
            });
        }
    }
    Ok(())
}

pub async fn create(pool: &SqlitePool, input: &MemberInput, today: NaiveDate) -> Result<Member> {
    let record = validate(input, today)?;
    check_against_store(pool, &record, None, input.confirm_duplicate).await?;
    let mut conn = pool.acquire().await?;
    let id = store::insert(&mut conn, &uuid::Uuid::new_v4().to_string(), &record).await?;
    store::get(&mut conn, id).await
}

pub async fn update(pool: &SqlitePool, id: i64, input: &MemberInput, today: NaiveDate) -> Result<Member> {
    let record = validate(input, today)?;
    let mut conn = pool.acquire().await?;
    let existing = store::get(&mut conn, id).await?;
    drop(conn);
    // Re-saving an unchanged name and birth date needs no confirmation.
    let confirmed =
        input.confirm_duplicate || (existing.name == record.name && existing.birth_date == record.birth_date);
    check_against_store(pool, &record, Some(id), confirmed).await?;
    let mut tx = crate::db::write(pool).await?;
    versions::check(&mut tx, RecordKind::Member, id, input.version, &format!("党员“{}”的信息", existing.name)).await?;
    store::update(&mut tx, id, &record).await?;
    let member = store::get(&mut tx, id).await?;
    tx.commit().await?;
    Ok(member)
}

pub async fn get(pool: &SqlitePool, id: i64) -> Result<Member> {
    store::get(&mut *pool.acquire().await?, id).await
}

/// 转出 / 去世 with a date, or back to 在册 (a correction) without one. A member who leaves
/// leaves their post that day and no longer covers a responsibility zone, in the same
/// transaction: the public signs and posts must not show someone who is gone. A correction back
/// to 在册 does not restore them; the secretary assigns them again.
pub async fn set_status(pool: &SqlitePool, id: i64, change: &StatusChange, today: NaiveDate) -> Result<Member> {
    let mut conn = crate::db::write(pool).await?;
    let member = store::get(&mut conn, id).await?;
    let date = match change.status {
        MemberStatus::Active => None,
        other => {
            let date = parse_date("date", &format!("{}日期", other.label()), change.date.as_deref().unwrap_or(""))?;
            if date > today {
                return Err(Error::validation("date", format!("{}日期不能晚于今天", other.label())));
            }
            if date < member.joined_on {
                return Err(Error::validation("date", format!("{}日期不能早于入党日期", other.label())));
            }
            Some(date)
        }
    };
    store::set_status(&mut conn, id, change.status, date).await?;
    if let Some(date) = date {
        store::end_duties(&mut conn, id, date).await?;
    }
    let member = store::get(&mut conn, id).await?;
    conn.commit().await?;
    Ok(member)
}

/// Moves the record to the recycle state: it disappears from lists but its history stays; its
/// post ends today and its responsibility-zone items become uncovered, in one transaction.
pub async fn delete(pool: &SqlitePool, id: i64, today: NaiveDate) -> Result<()> {
    let mut tx = crate::db::write(pool).await?;
    store::get(&mut tx, id).await?;
    store::soft_delete(&mut tx, id).await?;
    store::end_duties(&mut tx, id, today).await?;
    tx.commit().await?;
    Ok(())
}

/// Shortest phone part and ID-number tails the search keys hold (the `member_keys` migration
/// writes the same lengths).
const KEYED_DIGITS: usize = 3;
const KEYED_ID_TAIL: std::ops::RangeInclusive<usize> = 3..=8;

pub fn text_patterns(text: &str) -> TextPatterns {
    // People type "zhang san", "ZS", or a pasted number with spaces.
    let q: String = text.chars().filter(|c| !c.is_whitespace()).flat_map(char::to_lowercase).collect();
    if q.is_empty() {
        return TextPatterns::default();
    }
    let escaped = q.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
    let range = |key: String| (Some(successor(&key)), Some(key));
    let digits = q.chars().all(|c| c.is_ascii_digit() || c == 'x' || c == '-');
    if !digits {
        let (until, from) = range(q);
        return TextPatterns { from, until, ..Default::default() };
    }
    let length = q.chars().count();
    let (until, from) = if length >= KEYED_DIGITS { range(format!("#{q}")) } else { (None, None) };
    let tail = q.to_ascii_uppercase();
    TextPatterns {
        from,
        until,
        id_tail_key: KEYED_ID_TAIL.contains(&length).then(|| format!("${tail}")),
        phone_scan: (length < KEYED_DIGITS).then(|| format!("%{escaped}%")),
        id_tail_scan: (!KEYED_ID_TAIL.contains(&length)).then(|| format!("%{}", escaped.to_ascii_uppercase())),
    }
}

/// The least text greater than every text beginning with `key`: its last character's next.
fn successor(key: &str) -> String {
    let mut chars: Vec<char> = key.chars().collect();
    while let Some(last) = chars.pop() {
        let next = (last as u32 + 1..=char::MAX as u32).find_map(char::from_u32);
        if let Some(next) = next {
            chars.push(next);
            return chars.into_iter().collect();
        }
    }
    // Only U+10FFFF characters: every key beginning with them ends the range.
    format!("{key}\u{10FFFF}")
}

/// The filter of a query; the whole county's root is no subtree filter (`orgs::narrowing`).
async fn filter_of(conn: &mut sqlx::SqliteConnection, query: &MemberQuery) -> Result<store::Filter<'static>> {
    let text = text_patterns(&query.text);
    Ok(store::Filter {
        under: crate::roster::orgs::narrowing(conn, query.org_id).await?,
        text: (text != TextPatterns::default()).then_some(text),
        category: query.category.map(Category::code),
        status: query.status.map(MemberStatus::code),
    })
}

/// The ids of every member a query matches, ignoring its pagination.
pub async fn matching_ids(pool: &SqlitePool, query: &MemberQuery) -> Result<Vec<i64>> {
    let mut conn = pool.acquire().await?;
    let filter = filter_of(&mut conn, query).await?;
    store::matching_ids(&mut conn, &filter).await
}

pub async fn search(pool: &SqlitePool, query: &MemberQuery) -> Result<MemberPage> {
    let mut conn = pool.acquire().await?;
    let page_size = query.page_size.clamp(1, limits::PAGE_SIZE_MAX);
    let page = query.page.max(1);
    let filter = filter_of(&mut conn, query).await?;
    let total = store::count(&mut conn, &filter).await?;
    let rows =
        store::search(&mut conn, &filter, query.sort, query.descending, page_size, (page - 1) * page_size).await?;
    Ok(MemberPage { rows, total })
}

/// A valid form for unit tests of this module and of storage.
#[cfg(test)]
pub(crate) fn example_input(org_id: i64) -> MemberInput {
    MemberInput {
        org_id: Some(org_id),
        name: "张三".into(),
        gender: Some(Gender::Male),
        ethnicity: "汉族".into(),
        birth_date: "1980-01-01".into(),
        joined_on: "2005-07-01".into(),
        id_number: "530421198001011232".into(),
        phone: "13812345678".into(),
        category: Some(Category::InService),
        ..Default::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
    }

    fn input() -> MemberInput {
        example_input(1)
    }

    fn field_of(err: Error) -> Option<String> {
        err.field().map(str::to_owned)
    }

    #[test]
    fn a_complete_form_validates() {
        let rec = validate(&input(), today()).unwrap();
        assert_eq!(rec.id_number.as_deref(), Some("530421198001011232"));
        assert!(rec.search_text.contains("zs"));
    }

    #[test]
    fn a_wrong_check_digit_is_reported_at_the_id_field() {
        let mut i = input();
        i.id_number = "530421198001011237".into();
        assert_eq!(field_of(validate(&i, today()).unwrap_err()).as_deref(), Some("idNumber"));
    }

    #[test]
    fn id_number_must_agree_with_birth_date_and_gender() {
        let mut i = input();
        i.birth_date = "1980-01-02".into();
        let e = validate(&i, today()).unwrap_err();
        assert_eq!(e.field(), Some("idNumber"));
        assert!(e.to_string().contains("出生日期"));
        let mut i = input();
        i.gender = Some(Gender::Female);
        let e = validate(&i, today()).unwrap_err();
        assert!(e.to_string().contains("性别"), "{e}");
    }

    #[test]
    fn empty_birth_date_is_taken_from_the_id_number() {
        let mut i = input();
        i.birth_date = String::new();
        assert_eq!(validate(&i, today()).unwrap().birth_date, NaiveDate::from_ymd_opt(1980, 1, 1).unwrap());
    }

    #[test]
    fn impossible_dates_are_reported_at_their_fields() {
        let mut i = input();
        i.id_number.clear();
        i.birth_date = "1981-02-29".into();
        assert_eq!(field_of(validate(&i, today()).unwrap_err()).as_deref(), Some("birthDate"));
        let mut i = input();
        i.joined_on = "2005-13-01".into();
        assert_eq!(field_of(validate(&i, today()).unwrap_err()).as_deref(), Some("joinedOn"));
        let mut i = input();
        i.joined_on = "1997-12-31".into();
        assert_eq!(field_of(validate(&i, today()).unwrap_err()).as_deref(), Some("joinedOn"));
    }

    #[test]
    fn unknown_ethnicity_and_missing_category_are_refused() {
        let mut i = input();
        i.ethnicity = "火星族".into();
        assert_eq!(field_of(validate(&i, today()).unwrap_err()).as_deref(), Some("ethnicity"));
        let mut i = input();
        i.category = None;
        assert_eq!(field_of(validate(&i, today()).unwrap_err()).as_deref(), Some("category"));
    }

    #[test]
    fn digits_search_phone_and_id_tail_letters_search_names() {
        let p = text_patterns("1236");
        assert_eq!((p.from.as_deref(), p.until.as_deref()), (Some("#1236"), Some("#1237")));
        assert_eq!(p.id_tail_key.as_deref(), Some("$1236"));
        assert_eq!((p.phone_scan, p.id_tail_scan), (None, None));
        let p = text_patterns("Zhang San");
        assert_eq!((p.from.as_deref(), p.until.as_deref()), (Some("zhangsan"), Some("zhangsao")));
        assert_eq!(p.id_tail_key, None);
        let p = text_patterns("张三");
        assert_eq!((p.from.as_deref(), p.until.as_deref()), (Some("张三"), Some("张上")));
        assert_eq!(text_patterns("  "), TextPatterns::default());
        // Too few digits for the keys, or a tail longer than they hold: scanned.
        let p = text_patterns("12");
        assert_eq!((p.from, p.phone_scan.as_deref(), p.id_tail_scan.as_deref()), (None, Some("%12%"), Some("%12")));
        let p = text_patterns("0101123x");
        assert_eq!((p.id_tail_key.as_deref(), p.id_tail_scan), (Some("$0101123X"), None));
        let p = text_patterns("198001011232");
        assert_eq!((p.id_tail_key, p.id_tail_scan.as_deref()), (None, Some("%198001011232")));
        assert_eq!(successor("a\u{10FFFF}"), "b");
    }
}
