//! Roster search through the `member_keys` index: the forms people type (a surname in full and
//! the rest by initials, stopping part-way, every reading of a polyphonic surname), phone parts
//! and ID-number tails, the keys following renames, deletions and an older file's keys, and the
//! whole demo's searches against a reference judged here from the members' own columns.

use sanliang::roster::members::{self, MemberInput, MemberQuery, MemberSort};
use sanliang::roster::search_key::search_keys;
use sqlx::SqlitePool;

use crate::orgs::small_tree;
use crate::support;

fn member(org_id: i64, name: &str, id_number: &str, phone: &str) -> MemberInput {
    MemberInput {
        org_id: Some(org_id),
        name: name.into(),
        gender: Some(sanliang::common::catalog::Gender::Male),
        ethnicity: "汉族".into(),
        birth_date: "1980-01-01".into(),
        joined_on: "2005-07-01".into(),
        id_number: id_number.into(),
        phone: phone.into(),
        category: Some(sanliang::common::catalog::Category::InService),
        ..Default::default()
    }
}

fn search(text: &str) -> MemberQuery {
    MemberQuery { text: text.into(), page: 1, page_size: 50, sort: MemberSort::Name, ..Default::default() }
}

async fn names(pool: &SqlitePool, text: &str) -> Vec<String> {
    let page = members::search(pool, &search(text)).await.unwrap();
    assert_eq!(page.total, page.rows.len() as i64, "{text}: the count agrees with the rows");
    page.rows.into_iter().map(|r| r.name).collect()
}

#[tokio::test]
async fn a_surname_in_full_and_the_rest_by_initials_finds_the_member_for_every_reading() {
    let t = support::fresh().await;
    let [_, _, _, branch, _] = small_tree(&t.pool).await;
    members::create(&t.pool, &member(branch.id, "张三丰", "530421198001011232", "13812345678"), support::today())
        .await
        .unwrap();
    members::create(&t.pool, &member(branch.id, "单雄信", "", "0877-2012345"), support::today()).await.unwrap();
    members::create(&t.pool, &member(branch.id, "张三", "", ""), support::today()).await.unwrap();
    for typed in ["zhangsf", "zhangsanf", "zhangsanfeng", "zsf", "Zhang SF", "sanf", "三丰"] {
        assert_eq!(names(&t.pool, typed).await, ["张三丰"], "{typed}");
    }
    for typed in ["zhangs", "zs", "张三"] {
        assert_eq!(names(&t.pool, typed).await, ["张三", "张三丰"], "{typed}");
    }
    for typed in ["shanxx", "danxx", "shanxiongx", "sxx", "dxx", "雄信"] {
        assert_eq!(names(&t.pool, typed).await, ["单雄信"], "{typed}");
    }
    for typed in ["zhangsx", "angsan", "丰三", "shanxy"] {
        assert!(names(&t.pool, typed).await.is_empty(), "{typed}");
    }
    // A phone by any part of three digits or more, with its dash; fewer digits scan the phones.
    for typed in ["5678", "138", "12345678"] {
        assert_eq!(names(&t.pool, typed).await, ["张三丰"], "{typed}");
    }
    assert_eq!(names(&t.pool, "12").await, ["单雄信", "张三丰"]);
    assert_eq!(names(&t.pool, "0877-20").await, ["单雄信"]);
    assert_eq!(names(&t.pool, "2012345").await, ["单雄信"]);
    // An ID number by its tail: kept tails (3 to 8), and longer ones scanned; never its middle.
    for typed in ["232", "1232", "01011232", "198001011232", "530421198001011232"] {
        assert_eq!(names(&t.pool, typed).await, ["张三丰"], "{typed}");
    }
    assert!(names(&t.pool, "19800101").await.is_empty(), "the middle of an ID number is not its tail");
}

#[tokio::test]
async fn the_keys_follow_a_rename_a_new_phone_and_deletions() {
    let t = support::fresh().await;
    let [_, _, _, branch, _] = small_tree(&t.pool).await;
    let today = support::today();
    let m = members::create(&t.pool, &member(branch.id, "张三丰", "", "13812345678"), today).await.unwrap();
    let mut renamed = member(branch.id, "李四光", "", "13900001111");
    renamed.version = Some(m.version);
    members::update(&t.pool, m.id, &renamed, today).await.unwrap();
    assert!(names(&t.pool, "zhangsf").await.is_empty());
    assert!(names(&t.pool, "5678").await.is_empty(), "the old phone");
    assert_eq!(names(&t.pool, "lisg").await, ["李四光"]);
    assert_eq!(names(&t.pool, "0000111").await, ["李四光"]);
    // Deleted, the member is found no more; emptied from the bin, the keys go too.
    members::delete(&t.pool, m.id, today).await.unwrap();
    assert!(names(&t.pool, "lisg").await.is_empty());
    sanliang::data::bin::empty(&t.pool, t.dir.path()).await.unwrap();
    let left: i64 = sqlx::query_scalar("SELECT count(*) FROM member_keys").fetch_one(&t.pool).await.unwrap();
    assert_eq!(left, 0);
}

#[tokio::test]
async fn a_file_with_an_older_versions_keys_is_indexed_again_when_opened() {
    let t = support::fresh().await;
    let [_, _, _, branch, _] = small_tree(&t.pool).await;
    members::create(&t.pool, &member(branch.id, "张三丰", "", ""), support::today()).await.unwrap();
    // As an older version wrote it: full spellings and initials only, no key version.
    sqlx::raw_sql(
        "UPDATE members SET search_text = '张三丰 zhangsanfeng zsf';
         DELETE FROM settings WHERE key = 'roster.search_keys';",
    )
    .execute(&t.pool)
    .await
    .unwrap();
    assert!(names(&t.pool, "zhangsf").await.is_empty());
    sanliang::db::close(&t.pool).await;
    let pool = sanliang::db::open(t.dir.path()).await.unwrap();
    assert_eq!(names(&pool, "zhangsf").await, ["张三丰"]);
    let stored: String = sqlx::query_scalar("SELECT search_text FROM members").fetch_one(&pool).await.unwrap();
    assert_eq!(stored, search_keys("张三丰").join(" "));
}

/// The demo's members found by typed texts, judged from their names, phones and ID numbers.
#[tokio::test]
async fn the_demo_is_searched_as_each_member_judged_from_their_own_columns() {
    let t = support::demo().await;
    let everyone: Vec<(i64, String, String, Option<String>, String)> = sqlx::query_as(
        "SELECT id, name, phone, id_number, sort_name FROM members WHERE deleted_at IS NULL ORDER BY sort_name, id",
    )
    .fetch_all(&t.pool)
    .await
    .unwrap();
    let name = &everyone[7].1;
    let phone = everyone.iter().map(|m| &m.2).find(|p| p.len() >= 11).unwrap();
    let id_number = everyone.iter().find_map(|m| m.3.clone()).unwrap();
    let initials: String =
        search_keys(name).into_iter().find(|k| k.is_ascii() && k.len() == name.chars().count()).unwrap();
    let surname_and_initials = format!("{}{}", search_keys(&name[..3])[1], &initials[1..]);
    let typed = [
        name.chars().take(1).collect::<String>(),
        name.clone(),
        initials,
        surname_and_initials,
        phone[phone.len() - 4..].to_owned(),
        id_number[id_number.len() - 4..].to_owned(),
        id_number[id_number.len() - 10..].to_owned(),
        "9".to_owned(),
    ];
    for text in typed {
        let q: String = text.to_lowercase();
        let digits = q.chars().all(|c| c.is_ascii_digit() || c == 'x' || c == '-');
        let expected: Vec<i64> = everyone
            .iter()
            .filter(|(_, name, phone, id, _)| {
                if digits {
                    phone.contains(&q) || id.as_deref().is_some_and(|id| id.ends_with(&q.to_uppercase()))
                } else {
                    search_keys(name).iter().any(|k| k.starts_with(&q))
                }
            })
            .map(|m| m.0)
            .collect();
        assert!(!expected.is_empty(), "{text} finds someone in the demo");
        let page = members::search(&t.pool, &MemberQuery { page_size: 200, ..search(&text) }).await.unwrap();
        assert_eq!(page.total, expected.len() as i64, "{text}");
        let shown: Vec<i64> = page.rows.iter().map(|r| r.id).collect();
        assert_eq!(shown, expected[..expected.len().min(200)], "{text}");
        let all = members::matching_ids(&t.pool, &search(&text)).await.unwrap();
        let mut sorted = expected.clone();
        sorted.sort();
        assert_eq!(all, sorted, "{text}");
    }
}
