use sanliang::common::catalog::{Category, Gender, OrgKind, ZoneItemKind};
use sanliang::error::ErrorKind;
use sanliang::roster::members::{self, MemberInput};
use sanliang::sanliang::zones::{self, CoverInput, ZoneInput, ZoneItemsInput};

use crate::orgs::{add, small_tree};
use crate::support;

pub async fn member(pool: &sqlx::SqlitePool, org: i64, name: &str) -> i64 {
    let input = MemberInput {
        org_id: Some(org),
        name: name.into(),
        gender: Some(Gender::Male),
        ethnicity: "汉族".into(),
        birth_date: "1970-01-01".into(),
        joined_on: "1995-07-01".into(),
        category: Some(Category::NoPost),
        ..Default::default()
    };
    members::create(pool, &input, support::today()).await.unwrap().id
}

#[tokio::test]
async fn a_zone_gets_items_and_each_item_exactly_one_member() {
    let t = support::fresh().await;
    let [_, street, community, branch, _] = small_tree(&t.pool).await;
    let zone = zones::create(&t.pool, &ZoneInput { community_id: Some(community.id), name: "环湖第一责任区".into() })
        .await
        .unwrap();
    let items = zones::add_items(
        &t.pool,
        &ZoneItemsInput {
            zone_id: zone.id, kind: ZoneItemKind::Lane, names: "湖滨1巷\n湖滨2巷\n\n湖滨2巷\n".into()
        },
    )
    .await
    .unwrap();
    assert_eq!(
        items.iter().map(|i| i.name.as_str()).collect::<Vec<_>>(),
        ["湖滨1巷", "湖滨2巷"],
        "blank and repeated lines dropped"
    );
    zones::add_items(
        &t.pool,
        &ZoneItemsInput { zone_id: zone.id, kind: ZoneItemKind::Household, names: "河咀村1组7号".into() },
    )
    .await
    .unwrap();
    assert_eq!(zones::uncovered(&t.pool, Some(community.id)).await.unwrap().len(), 3);

    let a = member(&t.pool, branch.id, "李明").await;
    let b = member(&t.pool, community.id, "王强").await;
    let lanes: Vec<i64> = items.iter().map(|i| i.id).collect();
    zones::cover(&t.pool, &CoverInput { item_ids: lanes.clone(), member_id: Some(a) }).await.unwrap();
    // Covering again by the same member is fine; by another member is refused, naming who covers it.
    zones::cover(&t.pool, &CoverInput { item_ids: vec![lanes[0]], member_id: Some(a) }).await.unwrap();
    let household = zones::uncovered(&t.pool, None).await.unwrap()[0].id;
    let err = zones::cover(&t.pool, &CoverInput { item_ids: vec![household, lanes[1]], member_id: Some(b) })
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict);
    assert!(err.to_string().contains("湖滨2巷") && err.to_string().contains("李明"), "{err}");
    // The batch was one transaction: the household stays uncovered.
    assert_eq!(zones::uncovered(&t.pool, None).await.unwrap().len(), 1);

    zones::cover(&t.pool, &CoverInput { item_ids: vec![household], member_id: Some(b) }).await.unwrap();
    assert!(zones::uncovered(&t.pool, None).await.unwrap().is_empty());
    let listed = zones::list(&t.pool, Some(street.id)).await.unwrap();
    assert_eq!((listed[0].items, listed[0].covered), (3, 3));
    let mut names = listed[0].members.clone();
    names.sort();
    assert_eq!(names, ["李明", "王强"]);

    zones::release(&t.pool, lanes[1]).await.unwrap();
    zones::cover(&t.pool, &CoverInput { item_ids: vec![lanes[1]], member_id: Some(b) }).await.unwrap();
}

#[tokio::test]
async fn zone_rules_are_refused_with_reasons() {
    let t = support::fresh().await;
    let [_, street, community, _, other] = small_tree(&t.pool).await;
    let elsewhere = add(&t.pool, Some(&other), OrgKind::Community, "大庄社区党总支").await;
    assert_eq!(
        zones::create(&t.pool, &ZoneInput { community_id: Some(street.id), name: "区".into() })
            .await
            .unwrap_err()
            .field(),
        Some("communityId")
    );
    assert_eq!(
        zones::create(&t.pool, &ZoneInput { community_id: Some(community.id), name: " ".into() })
            .await
            .unwrap_err()
            .field(),
        Some("name")
    );
    let zone =
        zones::create(&t.pool, &ZoneInput { community_id: Some(community.id), name: "区".into() }).await.unwrap();
    assert_eq!(
        zones::create(&t.pool, &ZoneInput { community_id: Some(community.id), name: "区".into() })
            .await
            .unwrap_err()
            .kind(),
        ErrorKind::Conflict
    );
    let add_lane = |names: &str| ZoneItemsInput { zone_id: zone.id, kind: ZoneItemKind::Lane, names: names.into() };
    assert_eq!(zones::add_items(&t.pool, &add_lane("\n \n")).await.unwrap_err().field(), Some("names"));
    zones::add_items(&t.pool, &add_lane("湖滨1巷")).await.unwrap();
    // All or none: one duplicate refuses the whole list.
    assert_eq!(zones::add_items(&t.pool, &add_lane("湖滨3巷\n湖滨1巷")).await.unwrap_err().kind(), ErrorKind::Conflict);
    assert_eq!(zones::items(&t.pool, zone.id).await.unwrap().len(), 1);
    // A member of another community cannot cover it.
    let far = member(&t.pool, elsewhere.id, "赵六").await;
    let item = zones::items(&t.pool, zone.id).await.unwrap()[0].id;
    assert_eq!(
        zones::cover(&t.pool, &CoverInput { item_ids: vec![item], member_id: Some(far) }).await.unwrap_err().field(),
        Some("memberId")
    );
}

#[tokio::test]
async fn the_demo_has_hezui_lakeside_zones_with_a_few_uncovered_items() {
    let t = support::demo().await;
    let zones = zones::list(&t.pool, None).await.unwrap();
    assert_eq!(zones.len(), 12);
    assert!(zones.iter().all(|z| z.community_name.starts_with("河咀社区")));
    let uncovered = zones::uncovered(&t.pool, None).await.unwrap().len();
    assert!((1..20).contains(&uncovered), "{uncovered}");
}

#[tokio::test]
async fn zones_and_their_items_are_renamed_and_deleted_and_nothing_is_left_behind() {
    let t = support::fresh().await;
    let [_, _, community, branch, _] = small_tree(&t.pool).await;
    let create = |name: &str| ZoneInput { community_id: Some(community.id), name: name.into() };
    let first = zones::create(&t.pool, &create("第一责任区")).await.unwrap();
    let second = zones::create(&t.pool, &create("第二责任区")).await.unwrap();

    // A zone's new name must be unique in its community; the same name is fine.
    let err = zones::rename(&t.pool, second.id, "第一责任区").await.unwrap_err();
    assert_eq!((err.kind(), err.field()), (ErrorKind::Conflict, Some("name")));
    assert_eq!(zones::rename(&t.pool, second.id, " ").await.unwrap_err().field(), Some("name"));
    assert_eq!(zones::rename(&t.pool, second.id, "第二责任区").await.unwrap().name, "第二责任区");
    assert_eq!(zones::rename(&t.pool, second.id, "湖心责任区").await.unwrap().name, "湖心责任区");

    let lanes = |zone_id: i64, names: &str| ZoneItemsInput { zone_id, kind: ZoneItemKind::Lane, names: names.into() };
    let items = zones::add_items(&t.pool, &lanes(first.id, "湖滨1巷\n湖滨2巷\n湖宾3巷")).await.unwrap();
    zones::add_items(&t.pool, &lanes(second.id, "湖心1巷\n湖心2巷")).await.unwrap();
    let a = member(&t.pool, branch.id, "李明").await;
    zones::cover(&t.pool, &CoverInput { item_ids: vec![items[0].id, items[2].id], member_id: Some(a) }).await.unwrap();

    // A typo in an item's name is corrected; a name its zone already has is refused at the field.
    assert_eq!(zones::rename_item(&t.pool, items[2].id, "湖滨2巷").await.unwrap_err().field(), Some("name"));
    let fixed = zones::rename_item(&t.pool, items[2].id, "湖滨3巷").await.unwrap();
    assert_eq!((fixed.name.as_str(), fixed.member_id), ("湖滨3巷", Some(a)), "the member keeps covering it");
    // The same name in another zone is fine.
    zones::rename_item(&t.pool, items[1].id, "湖心1巷").await.unwrap();

    // Deleting an item: gone from the zone's figures and from the member's items.
    zones::delete_item(&t.pool, items[0].id).await.unwrap();
    let zone = zones::list(&t.pool, None).await.unwrap().into_iter().find(|z| z.id == first.id).unwrap();
    assert_eq!((zone.items, zone.covered), (2, 1));
    assert_eq!(
        zones::of_member(&t.pool, a).await.unwrap().iter().map(|i| i.name.as_str()).collect::<Vec<_>>(),
        ["湖滨3巷"]
    );
    assert_eq!(zones::delete_item(&t.pool, items[0].id).await.unwrap_err().kind(), ErrorKind::NotFound);
    // Its name can be used again.
    zones::add_items(&t.pool, &lanes(first.id, "湖滨1巷")).await.unwrap();

    // Deleting a zone takes its items with it: not listed, not uncovered, not covered, not printed.
    assert_eq!(zones::delete(&t.pool, first.id).await.unwrap(), 3);
    let left = zones::list(&t.pool, None).await.unwrap();
    assert_eq!(left.iter().map(|z| z.name.as_str()).collect::<Vec<_>>(), ["湖心责任区"]);
    let uncovered = zones::uncovered(&t.pool, None).await.unwrap();
    assert!(uncovered.iter().all(|i| i.zone_id == second.id), "{uncovered:?}");
    assert!(zones::of_member(&t.pool, a).await.unwrap().is_empty());
    let signs = sanliang::print::data::zones(&t.pool, &Default::default()).await.unwrap();
    assert_eq!(signs.iter().map(|z| z.name.as_str()).collect::<Vec<_>>(), ["湖心责任区"]);
    assert_eq!(zones::delete(&t.pool, first.id).await.unwrap_err().kind(), ErrorKind::NotFound);
    // The deleted zone's name is free again in the community.
    zones::create(&t.pool, &create("第一责任区")).await.unwrap();
}

#[tokio::test]
async fn a_member_who_leaves_leaves_their_post_and_zone_and_the_public_sign() {
    use sanliang::common::catalog::{MemberStatus, PostHow, PostKind};
    use sanliang::print::data::{self, Selection};
    use sanliang::roster::members::StatusChange;
    use sanliang::sanliang::posts::{self, AssignInput, PostInput};

    let t = support::fresh().await;
    let [_, _, community, branch, _] = small_tree(&t.pool).await;
    let post = posts::create(
        &t.pool,
        &PostInput {
            community_id: Some(community.id),
            name: "环湖巡查岗".into(),
            kind: Some(PostKind::Service),
            duties: "每周巡查环湖步道两次".into(),
            capacity: 3,
            version: None,
        },
    )
    .await
    .unwrap();
    let zone = zones::create(&t.pool, &ZoneInput { community_id: Some(community.id), name: "环湖责任区".into() })
        .await
        .unwrap();
    let lanes = zones::add_items(
        &t.pool,
        &ZoneItemsInput { zone_id: zone.id, kind: ZoneItemKind::Lane, names: "湖滨1巷\n湖滨2巷".into() },
    )
    .await
    .unwrap();
    let (li, wang) = (member(&t.pool, branch.id, "李明").await, member(&t.pool, branch.id, "王强").await);
    for (who, lane) in [(li, lanes[0].id), (wang, lanes[1].id)] {
        let assign = AssignInput {
            post_id: post.id,
            member_id: Some(who),
            how: PostHow::Assigned,
            start_on: "2026-01-05".into(),
        };
        posts::assign(&t.pool, &assign, support::today()).await.unwrap();
        zones::cover(&t.pool, &CoverInput { item_ids: vec![lane], member_id: Some(who) }).await.unwrap();
    }
    let sign_names = |pool: sqlx::SqlitePool| async move {
        let selection = Selection { org_id: None, category: None, ids: vec![], query: None, limit: None };
        let sheets = data::zones(&pool, &selection).await.unwrap();
        sheets[0].members.iter().map(|(name, _)| name.clone()).collect::<Vec<_>>()
    };
    assert_eq!(sign_names(t.pool.clone()).await, ["李明", "王强"]);

    // 李明 dies on 2026-10-08: his post ends that day, his lane is uncovered, the sign drops him.
    let died = StatusChange { status: MemberStatus::Deceased, date: Some("2026-10-08".into()) };
    members::set_status(&t.pool, li, &died, support::today()).await.unwrap();
    let history = posts::member_history(&t.pool, li).await.unwrap();
    assert_eq!(history[0].end_on, chrono::NaiveDate::from_ymd_opt(2026, 10, 8));
    assert_eq!(posts::list(&t.pool, None).await.unwrap()[0].holders, 1);
    assert_eq!(
        zones::uncovered(&t.pool, None).await.unwrap().iter().map(|i| i.name.as_str()).collect::<Vec<_>>(),
        ["湖滨1巷"]
    );
    assert_eq!(sign_names(t.pool.clone()).await, ["王强"]);

    // 王强 was entered by mistake and is deleted: the same, dated today.
    members::delete(&t.pool, wang, support::today()).await.unwrap();
    assert_eq!(posts::member_history(&t.pool, wang).await.unwrap()[0].end_on, Some(support::today()));
    assert_eq!(posts::list(&t.pool, None).await.unwrap()[0].holders, 0);
    assert_eq!(zones::uncovered(&t.pool, None).await.unwrap().len(), 2);
    assert!(sign_names(t.pool.clone()).await.is_empty());
}
