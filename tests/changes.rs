use chrono::{Duration, Utc};
use sanliang::common::catalog::{Category, Gender, MarkType, OrgKind, VisitKind};
use sanliang::overview::changes;
use sanliang::roster::members::MemberInput;
use sanliang::sanliang::identity::{self, BulkMark, MemberSelection};
use sanliang::sijin::leaders::{self, VisitInput};

use crate::orgs::{add, small_tree};
use crate::support;
use crate::zones::member;

#[tokio::test]
async fn recent_changes_read_one_line_per_batch_in_the_chosen_organization_for_thirty_days() {
    let t = support::fresh().await;
    let [_, street, community, branch, other] = small_tree(&t.pool).await;
    let today = support::today();
    let a = member(&t.pool, branch.id, "李明").await;
    let b = member(&t.pool, community.id, "王强").await;
    let elsewhere = add(&t.pool, Some(&other), OrgKind::Community, "大庄社区党总支").await;
    member(&t.pool, elsewhere.id, "赵六").await;
    let bulk = BulkMark {
        selection: MemberSelection::Ids(vec![a, b]),
        mark_type: MarkType::Badge,
        shown_on: "2026-11-01".into(),
        place: String::new(),
    };
    identity::record_bulk(&t.pool, &bulk, today).await.unwrap();
    let leader = crate::leaders::contact_leader(&t.pool, community.id).await;
    let visit = VisitInput {
        leader_id: Some(leader.id),
        community_id: Some(community.id),
        visited_on: "2026-11-20".into(),
        kind: Some(VisitKind::Talk),
        ..Default::default()
    };
    leaders::log_visit(&t.pool, &visit, today).await.unwrap();

    let now = Utc::now();
    let texts = |c: Vec<changes::Change>| {
        let mut t: Vec<String> = c.into_iter().map(|c| c.text).collect();
        t.sort();
        t
    };
    let everywhere = changes::recent(&t.pool, None, now, 12).await.unwrap();
    assert!(everywhere.windows(2).all(|w| w[0].at >= w[1].at), "newest first");
    assert_eq!(
        texts(everywhere),
        ["为 李明 等 2 名党员登记亮身份（佩戴党徽）", "新增党员 李明 等 3 名", "联系领导走访：杨建华 → 河咀社区党总支"]
    );
    // In 大街街道 only: the member of 宁海街道 is not counted.
    let here = changes::recent(&t.pool, Some(street.id), now, 12).await.unwrap();
    assert!(here.iter().any(|c| c.text == "新增党员 李明 等 2 名"), "{here:?}");
    let there = changes::recent(&t.pool, Some(other.id), now, 12).await.unwrap();
    assert_eq!(texts(there), ["新增党员 赵六"]);

    // An edit shows as a change of its own; a month later, nothing is recent any more.
    let input = MemberInput {
        org_id: Some(community.id),
        name: "王强".into(),
        gender: Some(Gender::Male),
        ethnicity: "汉族".into(),
        birth_date: "1970-01-01".into(),
        joined_on: "1995-07-01".into(),
        category: Some(Category::NoPost),
        phone: "13800000000".into(),
        ..Default::default()
    };
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    sanliang::roster::members::update(&t.pool, b, &input, today).await.unwrap();
    let latest = changes::recent(&t.pool, None, Utc::now(), 1).await.unwrap();
    assert_eq!(latest[0].text, "修改党员信息：王强");
    assert!(changes::recent(&t.pool, None, now + Duration::days(31), 12).await.unwrap().is_empty());
}
