use sanliang::common::catalog::{DeputyRole, OrgKind};
use sanliang::error::ErrorKind;
use sanliang::sijin::deputies::{self, DeputyInput, DeputyVisitInput, ReceptionInput, SuggestionInput};

use crate::orgs::{add, small_tree};
use crate::support;

fn visit(deputy: i64, community: i64, on: &str) -> DeputyVisitInput {
    DeputyVisitInput {
        deputy_id: Some(deputy),
        community_id: Some(community),
        visited_on: on.into(),
        notes: "给居民上政治理论课".into(),
        suggestions: Vec::new(),
    }
}

#[tokio::test]
async fn each_deputy_owes_each_paired_community_a_visit_a_calendar_quarter() {
    let t = support::fresh().await;
    let [_, street, a, _, _] = small_tree(&t.pool).await;
    let b = add(&t.pool, Some(&street), OrgKind::Community, "大庄社区党总支").await;
    let today = support::today();
    let input =
        DeputyInput { name: "普丽华".into(), roles: vec![DeputyRole::Npc, DeputyRole::Party], ..Default::default() };
    let deputy = deputies::create(&t.pool, &input).await.unwrap();
    assert_eq!(deputy.roles, [DeputyRole::Party, DeputyRole::Npc], "several roles, in the catalog's order");
    let none = deputies::create(&t.pool, &DeputyInput { name: "张三".into(), ..Default::default() }).await.unwrap_err();
    assert_eq!(none.field(), Some("roles"));
    deputies::pair(&t.pool, deputy.id, Some(a.id), "2026-01-01", today).await.unwrap();
    deputies::pair(&t.pool, deputy.id, Some(b.id), "2026-01-01", today).await.unwrap();
    assert_eq!(
        deputies::pair(&t.pool, deputy.id, Some(b.id), "2026-02-01", today).await.unwrap_err().kind(),
        ErrorKind::Conflict
    );

    // The last day of Q3 counts for Q3, and not for Q4.
    deputies::log_visit(&t.pool, &visit(deputy.id, a.id, "2026-09-30"), today).await.unwrap();
    let names = |m: Vec<deputies::MissingDeputyVisit>| m.into_iter().map(|m| m.community_name).collect::<Vec<_>>();
    assert_eq!(names(deputies::missing_visits(&t.pool, None, "2026-Q3").await.unwrap()), ["大庄社区党总支"]);
    assert_eq!(
        names(deputies::missing_visits(&t.pool, None, "2026-Q4").await.unwrap()),
        ["河咀社区党总支", "大庄社区党总支"]
    );
    let mut with_suggestion = visit(deputy.id, b.id, "2026-10-01");
    with_suggestion.suggestions =
        vec![SuggestionInput { raised_by: "居民代表".into(), content: "增设老年活动室".into() }];
    deputies::log_visit(&t.pool, &with_suggestion, today).await.unwrap();
    assert_eq!(
        names(deputies::missing_visits(&t.pool, None, "2026-11").await.unwrap()),
        ["河咀社区党总支"],
        "a month names its quarter"
    );

    // Suggestions are answered once, not before they were raised.
    let open = deputies::open_suggestions(&t.pool, None).await.unwrap();
    assert_eq!(open.len(), 1);
    let early = deputies::reply(&t.pool, open[0].id, "2026-09-30", "已列入计划", today).await.unwrap_err();
    assert_eq!(early.field(), Some("repliedOn"));
    let answered = deputies::reply(&t.pool, open[0].id, "2026-10-20", "已协调场地，年底前开放", today).await.unwrap();
    assert!(answered.replied_on.is_some());
    assert_eq!(
        deputies::reply(&t.pool, open[0].id, "2026-10-21", "再答", today).await.unwrap_err().kind(),
        ErrorKind::Conflict
    );
    assert!(deputies::open_suggestions(&t.pool, None).await.unwrap().is_empty());
    let q4 = deputies::visits(&t.pool, None, "2026-Q4").await.unwrap();
    let answered = deputies::delete_visit(&t.pool, q4[0].id).await.unwrap_err();
    assert_eq!(answered.kind(), ErrorKind::Conflict, "a visit whose suggestion was answered stays");
    let q3 = deputies::visits(&t.pool, None, "2026-Q3").await.unwrap();
    deputies::delete_visit(&t.pool, q3[0].id).await.unwrap();
    assert_eq!(
        deputies::missing_visits(&t.pool, None, "2026-Q3").await.unwrap().len(),
        2,
        "the deleted visit no longer counts"
    );

    // A visit to a community the deputy is not paired with is refused.
    let c = add(&t.pool, Some(&street), OrgKind::Community, "下营社区党总支").await;
    assert_eq!(
        deputies::log_visit(&t.pool, &visit(deputy.id, c.id, "2026-11-02"), today).await.unwrap_err().field(),
        Some("communityId")
    );

    let point = deputies::add_reception(
        &t.pool,
        &ReceptionInput {
            community_id: Some(a.id),
            place: "河咀社区代表委员接待室".into(),
            schedule: "每月5日、20日上午".into(),
            deputy_ids: vec![deputy.id],
            version: None,
        },
    )
    .await
    .unwrap();
    assert_eq!(point.on_duty, ["普丽华"]);
}

#[tokio::test]
async fn a_deputy_pairing_is_ended_and_no_longer_owes_that_quarter() {
    let t = support::fresh().await;
    let [_, street, a, _, _] = small_tree(&t.pool).await;
    let b = add(&t.pool, Some(&street), OrgKind::Community, "大庄社区党总支").await;
    let today = support::today();
    let input = DeputyInput { name: "普丽华".into(), roles: vec![DeputyRole::Npc], ..Default::default() };
    let deputy = deputies::create(&t.pool, &input).await.unwrap();
    deputies::pair(&t.pool, deputy.id, Some(a.id), "2026-01-01", today).await.unwrap();
    deputies::pair(&t.pool, deputy.id, Some(b.id), "2026-01-01", today).await.unwrap();
    deputies::log_visit(&t.pool, &visit(deputy.id, a.id, "2026-10-08"), today).await.unwrap();

    let end = |on: &'static str| deputies::end_pair(&t.pool, deputy.id, b.id, on, today);
    assert_eq!(end("2025-12-31").await.unwrap_err().field(), Some("endOn"));
    assert_eq!(end("2026-12-01").await.unwrap_err().field(), Some("endOn"));
    let refused = deputies::end_pair(&t.pool, deputy.id, a.id, "2026-10-01", today).await.unwrap_err();
    assert!(refused.to_string().contains("2026-10-08"), "{refused}");

    let names = |m: Vec<deputies::MissingDeputyVisit>| m.into_iter().map(|m| m.community_name).collect::<Vec<_>>();
    assert_eq!(names(deputies::missing_visits(&t.pool, None, "2026-Q4").await.unwrap()), ["大庄社区党总支"]);
    let after = end("2026-10-15").await.unwrap();
    assert_eq!(after.communities.iter().map(|(_, n)| n.as_str()).collect::<Vec<_>>(), ["河咀社区党总支"]);
    assert!(deputies::missing_visits(&t.pool, None, "2026-Q4").await.unwrap().is_empty());
    assert_eq!(
        names(deputies::missing_visits(&t.pool, None, "2026-Q3").await.unwrap()),
        ["河咀社区党总支", "大庄社区党总支"]
    );
    assert_eq!(end("2026-10-16").await.unwrap_err().kind(), ErrorKind::NotFound);
}

#[tokio::test]
async fn a_deputy_is_corrected_and_one_entered_by_mistake_deleted_but_not_one_with_visits() {
    let t = support::fresh().await;
    let [_, _, community, _, _] = small_tree(&t.pool).await;
    let today = support::today();
    let input = DeputyInput { name: "普丽花".into(), roles: vec![DeputyRole::Npc], ..Default::default() };
    let deputy = deputies::create(&t.pool, &input).await.unwrap();
    deputies::pair(&t.pool, deputy.id, Some(community.id), "2026-01-01", today).await.unwrap();

    let no_roles = DeputyInput { roles: Vec::new(), ..input.clone() };
    assert_eq!(deputies::update(&t.pool, deputy.id, &no_roles).await.unwrap_err().field(), Some("roles"));
    let fixed =
        DeputyInput { name: "普丽华".into(), roles: vec![DeputyRole::Cppcc, DeputyRole::Npc], ..input.clone() };
    let saved = deputies::update(&t.pool, deputy.id, &fixed).await.unwrap();
    assert_eq!(saved.name, "普丽华");
    assert_eq!(saved.roles, [DeputyRole::Npc, DeputyRole::Cppcc]);
    assert_eq!(saved.communities.len(), 1);

    deputies::log_visit(&t.pool, &visit(deputy.id, community.id, "2026-10-08"), today).await.unwrap();
    let kept = deputies::delete(&t.pool, deputy.id).await.unwrap_err();
    assert!(kept.to_string().contains("1 次进社区"), "{kept}");

    let twin = deputies::create(&t.pool, &fixed).await.unwrap();
    deputies::pair(&t.pool, twin.id, Some(community.id), "2026-01-01", today).await.unwrap();
    assert_eq!(deputies::missing_visits(&t.pool, None, "2026-Q4").await.unwrap().len(), 1);
    deputies::delete(&t.pool, twin.id).await.unwrap();
    assert!(deputies::missing_visits(&t.pool, None, "2026-Q4").await.unwrap().is_empty());
    assert_eq!(deputies::list(&t.pool, None).await.unwrap().len(), 1);
}

#[tokio::test]
async fn a_reception_point_changes_its_schedule_and_deputies_and_is_closed() {
    let t = support::fresh().await;
    let [_, street, a, branch, _] = small_tree(&t.pool).await;
    let input = |name: &str| DeputyInput { name: name.into(), roles: vec![DeputyRole::Npc], ..Default::default() };
    let pu = deputies::create(&t.pool, &input("普丽华")).await.unwrap();
    let li = deputies::create(&t.pool, &input("李红霞")).await.unwrap();
    let point = |community: i64, schedule: &str, on_duty: Vec<i64>| ReceptionInput {
        community_id: Some(community),
        place: "河咀社区代表委员接待室".into(),
        schedule: schedule.into(),
        deputy_ids: on_duty,
        version: None,
    };
    let p = deputies::add_reception(&t.pool, &point(a.id, "每月5日上午", vec![pu.id])).await.unwrap();

    // Refused at the field, and nothing changes.
    let err = deputies::update_reception(&t.pool, p.id, &point(a.id, " ", vec![li.id])).await.unwrap_err();
    assert_eq!(err.field(), Some("schedule"));
    let err = deputies::update_reception(&t.pool, p.id, &point(branch.id, "每周三", vec![li.id])).await.unwrap_err();
    assert_eq!(err.field(), Some("communityId"));
    let err = deputies::update_reception(&t.pool, p.id, &point(a.id, "每周三", vec![li.id, 999])).await.unwrap_err();
    assert_eq!(err.field(), Some("deputyIds"));
    assert_eq!(deputies::receptions(&t.pool, None).await.unwrap()[0].schedule, "每月5日上午");

    let changed =
        deputies::update_reception(&t.pool, p.id, &point(a.id, "每周三下午", vec![pu.id, li.id])).await.unwrap();
    assert_eq!(
        (changed.schedule.as_str(), changed.on_duty.clone()),
        ("每周三下午", vec!["普丽华".to_owned(), "李红霞".to_owned()])
    );
    assert_eq!(changed.on_duty_ids, [pu.id, li.id]);

    // A deputy deleted since is no longer listed on duty.
    deputies::delete(&t.pool, li.id).await.unwrap();
    assert_eq!(deputies::receptions(&t.pool, Some(street.id)).await.unwrap()[0].on_duty, ["普丽华"]);

    deputies::delete_reception(&t.pool, p.id).await.unwrap();
    assert!(deputies::receptions(&t.pool, None).await.unwrap().is_empty());
    assert_eq!(deputies::delete_reception(&t.pool, p.id).await.unwrap_err().kind(), ErrorKind::NotFound);
}
