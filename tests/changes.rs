use chrono::{DateTime, Duration, Utc};
use sanliang::common::catalog::{Category, Gender, MarkType, OrgKind, VisitKind};
use sanliang::common::clock;
use sanliang::overview::changes;
use sanliang::roster::members::MemberInput;
use sanliang::sanliang::identity::{self, BulkMark, MemberSelection};
use sanliang::sijin::leaders::{self, VisitInput};

use crate::orgs::{add, small_tree};
use crate::support;
use crate::zones::member;

fn at(rfc3339: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(rfc3339).unwrap().with_timezone(&Utc)
}

fn texts(changes: Vec<changes::Change>) -> Vec<String> {
    let mut t: Vec<String> = changes.into_iter().map(|c| c.text).collect();
    t.sort();
    t
}

#[tokio::test]
async fn recent_changes_read_one_line_per_batch_in_the_chosen_organization_for_thirty_days() {
    let t = support::fresh().await;
    let today = support::today();
    // Every write is stamped by a pinned clock: the batch within one minute, the edit later.
    let (batch, edit) = (at("2026-11-28T02:00:05Z"), at("2026-11-28T02:03:30Z"));
    let (street, community, other, b) = clock::pinned(batch, async {
        let [_, street, community, branch, other] = small_tree(&t.pool).await;
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
        (street, community, other, b)
    })
    .await;

    let everywhere = changes::recent(&t.pool, None, batch, 12).await.unwrap();
    assert!(everywhere.iter().all(|c| c.at == "2026-11-28T02:00:05Z"), "{everywhere:?}");
    assert_eq!(
        texts(everywhere),
        ["为 李明 等 2 名党员登记亮身份（佩戴党徽）", "新增党员 李明 等 3 名", "联系领导走访：杨建华 → 河咀社区党总支"]
    );
    // In 大街街道 only: the member of 宁海街道 is not counted.
    let here = changes::recent(&t.pool, Some(street.id), batch, 12).await.unwrap();
    assert!(here.iter().any(|c| c.text == "新增党员 李明 等 2 名"), "{here:?}");
    let there = changes::recent(&t.pool, Some(other.id), batch, 12).await.unwrap();
    assert_eq!(texts(there), ["新增党员 赵六"]);

    // An edit shows as a change of its own, newest first; a month later nothing is recent.
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
    clock::pinned(edit, sanliang::roster::members::update(&t.pool, b, &input, today)).await.unwrap();
    let latest = changes::recent(&t.pool, None, edit, 12).await.unwrap();
    assert_eq!((latest[0].text.as_str(), latest[0].at.as_str()), ("修改党员信息：王强", "2026-11-28T02:03:30Z"));
    assert_eq!(latest.len(), 4, "{latest:?}");
    assert_eq!(changes::recent(&t.pool, None, batch + Duration::days(30), 12).await.unwrap().len(), 4);
    assert!(changes::recent(&t.pool, None, edit + Duration::days(31), 12).await.unwrap().is_empty());
}

#[tokio::test]
async fn a_batch_that_straddles_a_minute_reads_as_two_lines() {
    let t = support::fresh().await;
    let [_, _, community, _, _] = clock::pinned(at("2026-11-28T02:00:00Z"), small_tree(&t.pool)).await;
    clock::pinned(at("2026-11-28T02:00:59Z"), member(&t.pool, community.id, "李明")).await;
    clock::pinned(at("2026-11-28T02:00:59Z"), member(&t.pool, community.id, "王强")).await;
    clock::pinned(at("2026-11-28T02:01:00Z"), member(&t.pool, community.id, "赵六")).await;
    let recent = changes::recent(&t.pool, None, at("2026-11-28T02:02:00Z"), 12).await.unwrap();
    let lines: Vec<(&str, &str)> = recent.iter().map(|c| (c.text.as_str(), c.at.as_str())).collect();
    assert_eq!(lines, [("新增党员 赵六", "2026-11-28T02:01:00Z"), ("新增党员 李明 等 2 名", "2026-11-28T02:00:59Z")]);
}
