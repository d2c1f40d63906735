use sanliang::common::catalog::{DifficultyStatus, LeaderLevel, OrgKind, VisitKind};
use sanliang::error::ErrorKind;
use sanliang::sijin::difficulties::{self, AdvanceInput, DifficultyInput};
use sanliang::sijin::leaders::{self, LeaderInput, VisitInput};

use crate::orgs::{add, small_tree};
use crate::support;

/// 杨建华, a county leader, in contact with `community` since 1 January 2026.
pub async fn contact_leader(pool: &sqlx::SqlitePool, community: i64) -> leaders::Leader {
    let input = LeaderInput { name: "杨建华".into(), level: Some(LeaderLevel::County), ..Default::default() };
    let leader = leaders::create(pool, &input).await.unwrap();
    leaders::assign(pool, leader.id, Some(community), "2026-01-01", support::today()).await.unwrap();
    leader
}

fn visit(leader: i64, community: i64, on: &str) -> VisitInput {
    VisitInput {
        leader_id: Some(leader),
        community_id: Some(community),
        visited_on: on.into(),
        kind: Some(VisitKind::Talk),
        participants: "社区两委、居民代表".into(),
        notes: "民情恳谈会".into(),
        difficulties: Vec::new(),
    }
}

#[tokio::test]
async fn each_leader_owes_each_community_a_visit_a_month_and_the_last_day_counts() {
    let t = support::fresh().await;
    let [_, street, a, _, _] = small_tree(&t.pool).await;
    let b = add(&t.pool, Some(&street), OrgKind::Community, "大街社区党总支").await;
    let c = add(&t.pool, Some(&street), OrgKind::Community, "下营社区党总支").await;
    let today = support::today();
    let input = LeaderInput {
        name: "杨建华".into(),
        level: Some(LeaderLevel::County),
        title: "县委常委".into(),
        phone: String::new(),
        version: None,
    };
    let leader = leaders::create(&t.pool, &input).await.unwrap();
    leaders::assign(&t.pool, leader.id, Some(a.id), "2026-01-01", today).await.unwrap();
    leaders::assign(&t.pool, leader.id, Some(b.id), "2026-01-01", today).await.unwrap();
    let twice = leaders::assign(&t.pool, leader.id, Some(b.id), "2026-02-01", today).await.unwrap_err();
    assert_eq!(twice.kind(), ErrorKind::Conflict);
    leaders::assign(&t.pool, leader.id, Some(c.id), "2026-11-15", today).await.unwrap();

    leaders::log_visit(&t.pool, &visit(leader.id, a.id, "2026-10-31"), today).await.unwrap();
    let names = |m: Vec<leaders::MissingVisit>| m.into_iter().map(|m| m.community_name).collect::<Vec<_>>();
    let october = names(leaders::missing_visits(&t.pool, None, "2026-10").await.unwrap());
    assert_eq!(october, ["大街社区党总支"], "the visit on 31 October counts; 下营 was not his yet");
    leaders::log_visit(&t.pool, &visit(leader.id, b.id, "2026-11-01"), today).await.unwrap();
    let november = leaders::missing_visits(&t.pool, None, "2026-11").await.unwrap();
    assert_eq!(names(november.clone()), ["河咀社区党总支", "下营社区党总支"]);
    assert_eq!(november[0].last_visit.map(|d| d.to_string()).as_deref(), Some("2026-10-31"));

    // A visit before he was the community's contact leader is refused.
    let early = leaders::log_visit(&t.pool, &visit(leader.id, c.id, "2026-11-10"), today).await.unwrap_err();
    assert_eq!(early.field(), Some("communityId"));
    let future = leaders::log_visit(&t.pool, &visit(leader.id, c.id, "2026-11-29"), today).await.unwrap_err();
    assert_eq!(future.field(), Some("visitedOn"));

    // 民情日记 of his communities, listed by month.
    leaders::add_diary(&t.pool, leader.id, a.id, "2026-11-05", "走访湖滨巷，居民反映路灯问题", today).await.unwrap();
    let other = add(&t.pool, Some(&street), OrgKind::Community, "上头营社区党总支").await;
    let err = leaders::add_diary(&t.pool, leader.id, other.id, "2026-11-05", "日记", today).await.unwrap_err();
    assert_eq!(err.field(), Some("communityId"));
    let diaries = leaders::diaries(&t.pool, None, "2026-11").await.unwrap();
    assert_eq!(diaries.len(), 1);
    assert!(leaders::diaries(&t.pool, None, "2026-10").await.unwrap().is_empty());
}

#[tokio::test]
async fn difficulties_are_saved_with_their_visit_and_only_move_forward_with_dates() {
    let t = support::fresh().await;
    let [_, _, community, _, _] = small_tree(&t.pool).await;
    let today = support::today();
    let input = LeaderInput { name: "李明".into(), level: Some(LeaderLevel::Township), ..Default::default() };
    let leader = leaders::create(&t.pool, &input).await.unwrap();
    leaders::assign(&t.pool, leader.id, Some(community.id), "2026-01-01", today).await.unwrap();
    let difficulty = |content: &str| DifficultyInput {
        raised_by: "王大妈".into(),
        content: content.into(),
        responsible: "社区主任".into(),
    };

    // One bad row: nothing of the visit is saved.
    let mut v = visit(leader.id, community.id, "2026-11-02");
    v.difficulties = vec![difficulty("巷道路灯不亮"), difficulty("  ")];
    let err = leaders::log_visit(&t.pool, &v, today).await.unwrap_err();
    assert_eq!(err.field(), Some("difficulties.1.content"));
    assert!(leaders::visits(&t.pool, None, None).await.unwrap().is_empty());

    v.difficulties = vec![difficulty("巷道路灯不亮")];
    let saved = leaders::log_visit(&t.pool, &v, today).await.unwrap();
    assert_eq!(saved.difficulties, 1);
    let mut older = visit(leader.id, community.id, "2026-10-05");
    older.difficulties = vec![difficulty("楼道堆放杂物")];
    leaders::log_visit(&t.pool, &older, today).await.unwrap();
    let open = difficulties::open(&t.pool, None).await.unwrap();
    assert_eq!(
        open.iter().map(|d| d.content.as_str()).collect::<Vec<_>>(),
        ["楼道堆放杂物", "巷道路灯不亮"],
        "oldest first"
    );

    let id = open[1].id;
    let step = |on: &str, outcome: &str| AdvanceInput { id, on: on.into(), outcome: outcome.into() };
    let err = difficulties::advance(&t.pool, &step("2026-11-01", ""), today).await.unwrap_err();
    assert!(err.to_string().contains("不能早于上一步"), "{err}");
    let d = difficulties::advance(&t.pool, &step("2026-11-03", "已报供电所"), today).await.unwrap();
    assert_eq!(d.status, DifficultyStatus::InProgress);
    let d = difficulties::advance(&t.pool, &step("2026-11-10", "已更换路灯3盏"), today).await.unwrap();
    assert_eq!(d.status, DifficultyStatus::Resolved);
    let d = difficulties::advance(&t.pool, &step("2026-11-11", ""), today).await.unwrap();
    assert_eq!(
        (d.status, d.answered_on.map(|d| d.to_string())),
        (DifficultyStatus::Answered, Some("2026-11-11".into()))
    );
    let err = difficulties::advance(&t.pool, &step("2026-11-12", ""), today).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict);
    assert_eq!(difficulties::open(&t.pool, None).await.unwrap().len(), 1);

    // A visit whose difficulty is being handled cannot be deleted; one still 待办 goes with it.
    let err = leaders::delete_visit(&t.pool, saved.id).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict);
    let older_visit = leaders::visits(&t.pool, None, Some("2026-10")).await.unwrap()[0].id;
    leaders::delete_visit(&t.pool, older_visit).await.unwrap();
    assert!(difficulties::open(&t.pool, None).await.unwrap().is_empty());
    assert_eq!(leaders::visits(&t.pool, None, None).await.unwrap().len(), 1);
}

#[tokio::test]
async fn the_demo_has_leaders_with_visits_and_the_cli_prints_the_month() {
    let t = support::demo().await;
    let all = leaders::list(&t.pool, None).await.unwrap();
    assert!(all.iter().any(|l| l.level == LeaderLevel::County) && all.iter().any(|l| l.level == LeaderLevel::Township));
    let missing = leaders::missing_visits(&t.pool, None, "2026-11").await.unwrap();
    // The same pairs counted from the rows: each leader–community contact open in November with
    // no visit in November.
    let owed: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM leader_communities lc
         WHERE lc.start_on <= '2026-11-30' AND (lc.end_on IS NULL OR lc.end_on >= '2026-11-01')
           AND NOT EXISTS (SELECT 1 FROM leader_visits v WHERE v.leader_id = lc.leader_id
                           AND v.community_id = lc.community_id AND v.deleted_at IS NULL
                           AND v.visited_on BETWEEN '2026-11-01' AND '2026-11-30')",
    )
    .fetch_one(&t.pool)
    .await
    .unwrap();
    assert_eq!(missing.len() as i64, owed);
    let october = leaders::missing_visits(&t.pool, None, "2026-10").await.unwrap();
    assert!(
        !missing.is_empty() && missing.len() > october.len(),
        "November is under way: {} vs {}",
        missing.len(),
        october.len()
    );
    assert!(!difficulties::open(&t.pool, None).await.unwrap().is_empty());
    t.pool.close().await;

    let out = crate::support::cli()
        .args(["visits", "--data-dir", t.dir.path().to_str().unwrap(), "--period", "2026-11"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    assert!(text.contains(&format!("2026-11未走访\t{}", missing.len())), "{text}");
    assert_eq!(text.lines().filter(|l| l.starts_with("未走访：")).count(), missing.len());
}

#[tokio::test]
async fn a_leader_who_moves_on_ends_his_contact_and_stops_owing_visits_from_that_month() {
    let t = support::fresh().await;
    let [_, street, a, _, _] = small_tree(&t.pool).await;
    let b = add(&t.pool, Some(&street), OrgKind::Community, "大街社区党总支").await;
    let today = support::today();
    let input = LeaderInput { name: "杨建华".into(), level: Some(LeaderLevel::County), ..Default::default() };
    let leader = leaders::create(&t.pool, &input).await.unwrap();
    leaders::assign(&t.pool, leader.id, Some(a.id), "2026-03-01", today).await.unwrap();
    leaders::assign(&t.pool, leader.id, Some(b.id), "2026-03-01", today).await.unwrap();
    leaders::log_visit(&t.pool, &visit(leader.id, a.id, "2026-10-12"), today).await.unwrap();

    // Refused with the reason at the date: before the start, in the future, before a visit.
    let end = |on: &'static str| leaders::end_assignment(&t.pool, leader.id, a.id, on, today);
    let early = end("2026-02-28").await.unwrap_err();
    assert_eq!(
        (early.field(), early.to_string().as_str()),
        (Some("endOn"), "结束日期不能早于开始联系的日期 2026-03-01")
    );
    assert_eq!(end("2026-11-29").await.unwrap_err().field(), Some("endOn"));
    let before_visit = end("2026-10-11").await.unwrap_err();
    assert_eq!(before_visit.field(), Some("endOn"));
    assert!(before_visit.to_string().contains("2026-10-12"), "{before_visit}");

    let after = end("2026-11-05").await.unwrap();
    assert_eq!(after.communities.iter().map(|c| c.community_name.as_str()).collect::<Vec<_>>(), ["大街社区党总支"]);
    assert_eq!(end("2026-11-06").await.unwrap_err().kind(), ErrorKind::NotFound, "nothing open to end");

    // October is still owed by whoever was in force then; November no longer by him for 河咀.
    let names = |m: Vec<leaders::MissingVisit>| m.into_iter().map(|m| m.community_name).collect::<Vec<_>>();
    assert_eq!(names(leaders::missing_visits(&t.pool, None, "2026-10").await.unwrap()), ["大街社区党总支"]);
    assert_eq!(names(leaders::missing_visits(&t.pool, None, "2026-11").await.unwrap()), ["大街社区党总支"]);
    // No visit after the end: he is not the contact leader any more.
    let late = leaders::log_visit(&t.pool, &visit(leader.id, a.id, "2026-11-20"), today).await.unwrap_err();
    assert_eq!(late.field(), Some("communityId"));
    // He can be assigned again later; the history stays.
    leaders::assign(&t.pool, leader.id, Some(a.id), "2026-11-20", today).await.unwrap();
    leaders::log_visit(&t.pool, &visit(leader.id, a.id, "2026-11-20"), today).await.unwrap();
    // A contact entered by mistake ends on the day it began.
    let ended = leaders::end_assignment(&t.pool, leader.id, b.id, "2026-03-01", today).await.unwrap();
    assert!(ended.communities.iter().all(|c| c.community_id != b.id));
}

#[tokio::test]
async fn a_mistyped_leader_is_corrected_and_one_entered_by_mistake_deleted_but_not_one_with_visits() {
    let t = support::fresh().await;
    let [_, _, community, _, _] = small_tree(&t.pool).await;
    let today = support::today();
    let input = |name: &str| LeaderInput { name: name.into(), level: Some(LeaderLevel::County), ..Default::default() };
    let leader = leaders::create(&t.pool, &input("杨建花")).await.unwrap();
    leaders::assign(&t.pool, leader.id, Some(community.id), "2026-01-01", today).await.unwrap();

    assert_eq!(leaders::update(&t.pool, leader.id, &input("")).await.unwrap_err().field(), Some("name"));
    let mut fixed = input("杨建华");
    fixed.title = "县委常委、组织部部长".into();
    fixed.phone = "0877-8011234".into();
    let saved = leaders::update(&t.pool, leader.id, &fixed).await.unwrap();
    assert_eq!((saved.name.as_str(), saved.title.as_str()), ("杨建华", "县委常委、组织部部长"));
    assert_eq!(saved.communities.len(), 1, "his communities stay");

    leaders::log_visit(&t.pool, &visit(leader.id, community.id, "2026-11-02"), today).await.unwrap();
    let kept = leaders::delete(&t.pool, leader.id).await.unwrap_err();
    assert_eq!(kept.kind(), ErrorKind::Conflict);
    assert!(kept.to_string().contains("1 次走访"), "{kept}");

    // Diaries are the record of his work too: one diary and no visit keeps a leader.
    let diarist = leaders::create(&t.pool, &input("李文")).await.unwrap();
    leaders::assign(&t.pool, diarist.id, Some(community.id), "2026-01-01", today).await.unwrap();
    leaders::add_diary(&t.pool, diarist.id, community.id, "2026-11-05", "走访湖滨巷", today).await.unwrap();
    let kept = leaders::delete(&t.pool, diarist.id).await.unwrap_err();
    assert_eq!(kept.to_string(), "李文已有 0 次走访、1 篇民情日记，不能删除；如已调离，请用“结束联系”");
    leaders::end_assignment(&t.pool, diarist.id, community.id, "2026-11-05", today).await.unwrap();

    // A duplicate entered by mistake goes, with its unused assignment; the month no longer asks it.
    let twin = leaders::create(&t.pool, &input("杨建华")).await.unwrap();
    leaders::assign(&t.pool, twin.id, Some(community.id), "2026-01-01", today).await.unwrap();
    assert_eq!(leaders::missing_visits(&t.pool, None, "2026-11").await.unwrap().len(), 1);
    leaders::delete(&t.pool, twin.id).await.unwrap();
    assert!(leaders::missing_visits(&t.pool, None, "2026-11").await.unwrap().is_empty());
    let left: Vec<i64> = leaders::list(&t.pool, None).await.unwrap().iter().map(|l| l.id).collect();
    assert_eq!(left.len(), 2, "杨建华 and 李文 stay");
    assert!(!left.contains(&twin.id));
    assert_eq!(leaders::update(&t.pool, twin.id, &fixed).await.unwrap_err().kind(), ErrorKind::NotFound);
}

#[tokio::test]
async fn a_diary_entry_is_corrected_and_one_written_by_mistake_deleted() {
    let t = support::fresh().await;
    let [_, _, community, _, _] = small_tree(&t.pool).await;
    let today = support::today();
    let leader = contact_leader(&t.pool, community.id).await;
    leaders::add_diary(&t.pool, leader.id, community.id, "2026-11-05", "走访湖宾巷", today).await.unwrap();
    let id = leaders::diaries(&t.pool, None, "2026-11").await.unwrap()[0].id;

    assert_eq!(
        leaders::update_diary(&t.pool, id, "2026-11-29", "走访湖滨巷", None, today).await.unwrap_err().field(),
        Some("writtenOn")
    );
    assert_eq!(
        leaders::update_diary(&t.pool, id, "2026-11-05", " ", None, today).await.unwrap_err().field(),
        Some("text")
    );
    leaders::update_diary(&t.pool, id, "2026-10-30", "走访湖滨巷，居民反映路灯不亮", None, today).await.unwrap();
    assert!(leaders::diaries(&t.pool, None, "2026-11").await.unwrap().is_empty(), "moved to October");
    let october = leaders::diaries(&t.pool, None, "2026-10").await.unwrap();
    assert_eq!(october[0].text, "走访湖滨巷，居民反映路灯不亮");

    leaders::delete_diary(&t.pool, id).await.unwrap();
    assert!(leaders::diaries(&t.pool, None, "2026-10").await.unwrap().is_empty());
    assert_eq!(leaders::delete_diary(&t.pool, id).await.unwrap_err().kind(), ErrorKind::NotFound);
    // With no diary and no visit left, a leader entered by mistake can go.
    leaders::delete(&t.pool, leader.id).await.unwrap();
}
