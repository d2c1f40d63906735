//! The demo county's members: plausible names, ages, ID numbers and phones, each passing the
//! roster's own rules, with their 亮身份 marks, posts and departures.

use std::collections::HashSet;

use chrono::{Datelike, Months, NaiveDate};
use rand::rngs::SmallRng;
use rand::Rng;

use super::orgs::Tree;
use super::{date_between, pick};
use crate::common::catalog::{Category, Gender, MarkType, MemberStatus, PostHow, EDUCATIONS};
use crate::common::validate::id_check_char;
use crate::db::batch::next_id;
use crate::error::Result;
use crate::roster::members::batch as member_batch;
use crate::roster::members::{validate, MemberInput};
use crate::sanliang::identity::store as identity_store;
use crate::sanliang::posts::store as post_store;

/// 江川县's administrative division code, the first six digits of local ID numbers.
const AREA_CODE: &str = "530421";

const SURNAMES: &[(&str, u32)] = &[
    ("李", 60),
    ("王", 50),
    ("张", 45),
    ("刘", 30),
    ("杨", 40),
    ("赵", 20),
    ("陈", 25),
    ("周", 15),
    ("普", 18),
    ("毕", 10),
    ("白", 12),
    ("段", 10),
    ("施", 8),
    ("徐", 10),
    ("马", 12),
    ("何", 12),
    ("朱", 8),
    ("孙", 8),
    ("钱", 5),
    ("罗", 10),
    ("高", 8),
    ("黄", 10),
    ("龚", 5),
    ("保", 6),
    ("矣", 4),
    ("单", 3),
    ("曾", 4),
    ("解", 2),
    ("查", 2),
    ("仇", 1),
    ("尹", 6),
    ("董", 6),
    ("番", 2),
    ("柏", 3),
];
const GIVEN: &[&str] = &[
    "建", "国", "华", "明", "秀", "英", "红", "伟", "芳", "丽", "军", "平", "兰", "云", "文", "玉", "海", "春", "德",
    "志", "梅", "林", "琼", "艳", "勇", "杰", "涛", "静", "敏", "强", "福", "昌", "荣", "萍", "燕", "斌", "鹏", "磊",
    "婷", "洁", "宏", "祥", "珍", "凤", "仙", "发", "忠", "学", "光", "成", "晓", "丹", "蕊", "琴", "堃", "喆", "燚",
    "犇", "淼", "赟", "翔", "睿", "瑶", "晨",
];
const ETHNIC_WEIGHTS: &[(&str, u32)] =
    &[("汉族", 78), ("彝族", 12), ("回族", 4), ("白族", 2), ("哈尼族", 2), ("傣族", 1), ("苗族", 1)];
const CATEGORY_WEIGHTS: &[(Category, u32)] = &[
    (Category::InService, 34),
    (Category::NoPost, 36),
    (Category::Committee, 5),
    (Category::StationedFrontline, 10),
    (Category::WindowPost, 8),
    (Category::EnterpriseFrontline, 7),
];
const WORK_UNITS: &[&str] = &[
    "县民政局",
    "县人民医院",
    "县司法局",
    "县市场监管局",
    "县自来水公司",
    "大街街道便民服务中心",
    "县供销社",
    "县人社局",
    "县税务局",
    "星云湖渔业合作社",
    "县第一中学",
    "县农业农村局",
];

fn phone(rng: &mut SmallRng) -> String {
    match rng.random_range(0..20) {
        0 => String::new(),
        1 | 2 => format!("0877-80{:05}", rng.random_range(0..100_000)),
        _ => {
            let prefix = ["138", "139", "150", "151", "158", "187", "188", "135", "137", "177"];
            format!("{}{:08}", prefix[rng.random_range(0..prefix.len())], rng.random_range(0..100_000_000u32))
        }
    }
}

/// Who may make pledges: (member id, name, category, joined on).
pub type Pledger = (i64, String, Category, NaiveDate);

/// What the demo's members did, written after them: departures, marks and posts taken.
#[derive(Default)]
struct Lives {
    left: Vec<(i64, MemberStatus, NaiveDate)>,
    marks: Vec<(i64, MarkType, NaiveDate, String)>,
    posts: Vec<(i64, i64, PostHow, NaiveDate)>,
}

/// Writes `total` members across the tree's branches and communities; returns those on the roll.
/// Everyone is drawn first, then written a chunk a statement with the ids SQLite gives in order.
pub async fn load(
    tx: &mut sqlx::SqliteConnection,
    rng: &mut SmallRng,
    tree: &mut Tree,
    total: usize,
    today: NaiveDate,
) -> Result<Vec<Pledger>> {
    let mut used_ids = HashSet::new();
    let mut used_person = HashSet::new();
    let mut pledgers = Vec::new();
    let mut records = Vec::with_capacity(total);
    let mut lives = Lives::default();
    let first_id = next_id(tx, "members").await?;
    let mut attempt = 0usize;
    while records.len() < total {
        attempt += 1;
        let (org, community, community_id) = &tree.member_orgs[attempt % tree.member_orgs.len()];
        let Some((input, joined, category)) = person(rng, &mut used_ids, &mut used_person, org.id, community, today)
        else {
            continue;
        };
        // Generated data passes the same rules as typed data.
        records.push(validate(&input, today)?);
        let id = first_id + records.len() as i64 - 1;
        let on_roll = life(&mut lives, rng, id, category, community, joined, today);
        if on_roll {
            if let Some(posts) = tree.community_posts.get_mut(community_id) {
                take_post(&mut lives, rng, id, category, joined, today, posts);
            }
            pledgers.push((id, input.name.clone(), category, joined));
        }
    }
    member_batch::insert(tx, &records, |_| {}).await?;
    member_batch::set_statuses(tx, &lives.left).await?;
    identity_store::insert_many(tx, &lives.marks).await?;
    post_store::insert_assignments(tx, &lives.posts).await?;
    Ok(pledgers)
}

/// A plausible member of `community`, or None when the draw repeats a person or an ID number
/// already written (the caller draws again). Returns the form as typed, the joining date and category.
/// A plausible name: a surname by its frequency and one or two given characters.
pub(crate) fn person_name(rng: &mut SmallRng) -> String {
    let mut name = (*pick(rng, SURNAMES)).to_owned();
    for _ in 0..rng.random_range(1..=2) {
        name.push_str(GIVEN[rng.random_range(0..GIVEN.len())]);
    }
    name
}

fn person(
    rng: &mut SmallRng,
    used_ids: &mut HashSet<String>,
    used_person: &mut HashSet<(String, NaiveDate)>,
    org_id: i64,
    community: &str,
    today: NaiveDate,
) -> Option<(MemberInput, NaiveDate, Category)> {
    let name = person_name(rng);
    let birth = date_between(
        rng,
        NaiveDate::from_ymd_opt(1938, 1, 1).unwrap_or(today),
        NaiveDate::from_ymd_opt(2003, 12, 31).unwrap_or(today),
    );
    if !used_person.insert((name.clone(), birth)) {
        return None;
    }
    let male = rng.random_bool(0.6);
    // The day after the 18th birthday, which also settles those born on 29 February.
    let adult = birth.checked_add_months(Months::new(18 * 12)).and_then(|d| d.succ_opt()).unwrap_or(birth);
    let earliest_join = adult.max(NaiveDate::from_ymd_opt(1958, 7, 1).unwrap_or(adult));
    let joined = date_between(rng, earliest_join, NaiveDate::from_ymd_opt(2025, 12, 31).unwrap_or(today));
    let id_number = if rng.random_range(0..10) == 0 {
        String::new()
    } else {
        let seq = rng.random_range(0..500) * 2 + u32::from(male);
        let first17 = format!("{AREA_CODE}{}{seq:03}", birth.format("%Y%m%d"));
        let id = format!("{first17}{}", id_check_char(&first17).unwrap_or('0'));
        if !used_ids.insert(id.clone()) {
            return None;
        }
        id
    };
    let category = *pick(rng, CATEGORY_WEIGHTS);
    let age = today.year() - birth.year();
    let education = if age > 65 { EDUCATIONS[rng.random_range(4..7)] } else { EDUCATIONS[rng.random_range(0..6)] };
    let work_unit = match category {
        Category::NoPost => String::new(),
        Category::Committee => format!("{community}居委会"),
        _ => WORK_UNITS[rng.random_range(0..WORK_UNITS.len())].to_owned(),
    };
    let input = MemberInput {
        org_id: Some(org_id),
        name,
        gender: Some(if male { Gender::Male } else { Gender::Female }),
        ethnicity: (*pick(rng, ETHNIC_WEIGHTS)).to_owned(),
        birth_date: birth.format("%Y-%m-%d").to_string(),
        joined_on: joined.format("%Y-%m-%d").to_string(),
        education: education.to_owned(),
        id_number,
        phone: phone(rng),
        address: format!(
            "{}{}组{}号",
            community.trim_end_matches("社区"),
            rng.random_range(1..12),
            rng.random_range(1..80)
        ),
        work_unit,
        category: Some(category),
        notes: String::new(),
        confirm_duplicate: true,
        version: None,
    };
    Some((input, joined, category))
}

/// The last day the demo dates anything a member did.
fn until(joined: NaiveDate, today: NaiveDate) -> NaiveDate {
    today.min(NaiveDate::from_ymd_opt(2026, 10, 31).unwrap_or(today)).max(joined)
}

/// The day the practice began for this member: 2011-06-01, or joining if later.
fn practice_start(joined: NaiveDate, today: NaiveDate) -> NaiveDate {
    joined.max(NaiveDate::from_ymd_opt(2011, 6, 1).unwrap_or(joined)).min(until(joined, today))
}

/// A few members have since transferred out or died; of the rest most have shown identity
/// (亮身份: the badge, and a post or zone by category). Returns whether the member is on the roll.
fn life(
    lives: &mut Lives,
    rng: &mut SmallRng,
    id: i64,
    category: Category,
    community: &str,
    joined: NaiveDate,
    today: NaiveDate,
) -> bool {
    let roll = rng.random_range(0..100);
    if roll < 8 {
        let status = if roll < 5 { MemberStatus::Transferred } else { MemberStatus::Deceased };
        let when = date_between(rng, joined, until(joined, today));
        lives.left.push((id, status, when));
        return false;
    }
    if rng.random_range(0..100) < 85 {
        let mut marks = vec![(MarkType::Badge, String::new())];
        match category {
            Category::WindowPost => marks.push((MarkType::ModelPost, "便民服务窗口".to_owned())),
            Category::StationedFrontline | Category::EnterpriseFrontline => {
                marks.push((MarkType::VanguardPost, "一线岗位".to_owned()))
            }
            Category::NoPost if rng.random_bool(0.4) => {
                marks.push((MarkType::ResponsibilityZone, format!("{}责任区", community.trim_end_matches("社区"))))
            }
            _ => {}
        }
        for (mark, place) in marks {
            let shown = date_between(rng, practice_start(joined, today), until(joined, today));
            lives.marks.push((id, mark, shown, place));
        }
    }
    true
}

/// 亮职责: most members on the roll hold one of their community's posts that still has room;
/// in-service members claimed theirs, the others were assigned.
fn take_post(
    lives: &mut Lives,
    rng: &mut SmallRng,
    id: i64,
    category: Category,
    joined: NaiveDate,
    today: NaiveDate,
    posts: &mut [(i64, i64, i64)],
) {
    if rng.random_range(0..100) >= 80 {
        return;
    }
    let start = rng.random_range(0..posts.len());
    let free = (0..posts.len()).map(|k| (start + k) % posts.len()).find(|k| posts[*k].2 < posts[*k].1);
    if let Some(k) = free {
        posts[k].2 += 1;
        let how = if category == Category::InService { PostHow::Claimed } else { PostHow::Assigned };
        let on = date_between(rng, practice_start(joined, today), until(joined, today));
        lives.posts.push((posts[k].0, id, how, on));
    }
}
