use sanliang::common::catalog::{Category, Gender, MemberStatus, PostHow, PostKind};
use sanliang::error::ErrorKind;
use sanliang::roster::members::{self, MemberInput, StatusChange};
use sanliang::sanliang::posts::{self, AssignInput, PostInput};

use crate::orgs::{add, small_tree};
use crate::support;

fn post_input(community: i64, name: &str, capacity: i64) -> PostInput {
    PostInput {
        community_id: Some(community),
        name: name.into(),
        kind: Some(PostKind::Vanguard),
        duties: "在便民服务窗口为居民办理事项，一次告知、限时办结。".into(),
        capacity,
        version: None,
    }
}

async fn member(pool: &sqlx::SqlitePool, org: i64, name: &str, category: Category) -> i64 {
    let input = MemberInput {
        org_id: Some(org),
        name: name.into(),
        gender: Some(Gender::Female),
        ethnicity: "汉族".into(),
        birth_date: "1980-03-03".into(),
        joined_on: "2005-07-01".into(),
        category: Some(category),
        ..Default::default()
    };
    members::create(pool, &input, support::today()).await.unwrap().id
}

fn assign(post_id: i64, member_id: i64, how: PostHow, on: &str) -> AssignInput {
    AssignInput { post_id, member_id: Some(member_id), how, start_on: on.into() }
}

#[tokio::test]
async fn an_in_service_member_claims_a_post_and_the_counts_follow() {
    let t = support::fresh().await;
    let [_, _, community, branch, _] = small_tree(&t.pool).await;
    let post = posts::create(&t.pool, &post_input(community.id, "便民服务窗口先锋岗", 2)).await.unwrap();
    let a = member(&t.pool, branch.id, "李明", Category::InService).await;
    let b = member(&t.pool, community.id, "王芳", Category::NoPost).await;

    let held =
        posts::assign(&t.pool, &assign(post.id, a, PostHow::Claimed, "2026-03-01"), support::today()).await.unwrap();
    assert_eq!((held.member_name.as_str(), held.how), ("李明", PostHow::Claimed));
    // 认岗 is for in-service members; others are set a post (设岗).
    let err = posts::assign(&t.pool, &assign(post.id, b, PostHow::Claimed, "2026-03-01"), support::today())
        .await
        .unwrap_err();
    assert_eq!(err.field(), Some("how"));
    posts::assign(&t.pool, &assign(post.id, b, PostHow::Assigned, "2026-03-02"), support::today()).await.unwrap();

    let s = posts::stats(&t.pool, Some(community.id)).await.unwrap();
    assert_eq!((s.active_members, s.with_post, s.claimed, s.assigned, s.posts), (2, 2, 1, 1, 1));
    assert_eq!(posts::list(&t.pool, Some(community.id)).await.unwrap()[0].holders, 2);
    assert_eq!(posts::holders(&t.pool, post.id).await.unwrap().len(), 2);
}

#[tokio::test]
async fn one_current_post_per_member_full_posts_and_other_communities_are_refused() {
    let t = support::fresh().await;
    let [_, street, community, branch, _] = small_tree(&t.pool).await;
    let elsewhere = add(&t.pool, Some(&street), sanliang::common::catalog::OrgKind::Community, "下营社区党总支").await;
    let p1 = posts::create(&t.pool, &post_input(community.id, "先锋岗一", 1)).await.unwrap();
    let p2 = posts::create(&t.pool, &post_input(community.id, "先锋岗二", 1)).await.unwrap();
    let far = posts::create(&t.pool, &post_input(elsewhere.id, "先锋岗", 5)).await.unwrap();
    let a = member(&t.pool, branch.id, "李明", Category::InService).await;
    let b = member(&t.pool, branch.id, "王芳", Category::InService).await;

    let first =
        posts::assign(&t.pool, &assign(p1.id, a, PostHow::Claimed, "2026-01-01"), support::today()).await.unwrap();
    let err =
        posts::assign(&t.pool, &assign(p2.id, a, PostHow::Claimed, "2026-01-02"), support::today()).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict);
    assert!(err.to_string().contains("先锋岗一"), "{err}");
    let err =
        posts::assign(&t.pool, &assign(p1.id, b, PostHow::Claimed, "2026-01-02"), support::today()).await.unwrap_err();
    assert!(err.to_string().contains("已满"), "{err}");
    let err =
        posts::assign(&t.pool, &assign(far.id, b, PostHow::Claimed, "2026-01-02"), support::today()).await.unwrap_err();
    assert_eq!(err.field(), Some("memberId"));

    // Ending the first post frees the member and the place; history keeps both.
    let err = posts::end(&t.pool, first.id, "2025-12-31", support::today()).await.unwrap_err();
    assert_eq!(err.field(), Some("endOn"));
    posts::end(&t.pool, first.id, "2026-06-30", support::today()).await.unwrap();
    posts::assign(&t.pool, &assign(p2.id, a, PostHow::Claimed, "2026-07-01"), support::today()).await.unwrap();
    posts::assign(&t.pool, &assign(p1.id, b, PostHow::Claimed, "2026-07-01"), support::today()).await.unwrap();
    let history = posts::member_history(&t.pool, a).await.unwrap();
    assert_eq!(
        history.iter().map(|h| (h.post_name.as_str(), h.end_on.is_some())).collect::<Vec<_>>(),
        [("先锋岗一", true), ("先锋岗二", false)]
    );
}

#[tokio::test]
async fn post_rules_dates_and_members_off_the_roll() {
    let t = support::fresh().await;
    let [_, street, community, branch, _] = small_tree(&t.pool).await;
    for (input, field) in [
        (post_input(street.id, "岗", 1), "communityId"),
        (post_input(community.id, "", 1), "name"),
        (post_input(community.id, "岗", 0), "capacity"),
        (PostInput { duties: " ".into(), ..post_input(community.id, "岗", 1) }, "duties"),
    ] {
        assert_eq!(posts::create(&t.pool, &input).await.unwrap_err().field(), Some(field));
    }
    let post = posts::create(&t.pool, &post_input(community.id, "岗", 3)).await.unwrap();
    assert_eq!(
        posts::create(&t.pool, &post_input(community.id, "岗", 1)).await.unwrap_err().kind(),
        ErrorKind::Conflict
    );
    let a = member(&t.pool, branch.id, "李明", Category::InService).await;
    for (date, field) in [("2026-11-29", "startOn"), ("2026-02-30", "startOn"), ("2005-06-30", "startOn")] {
        let err =
            posts::assign(&t.pool, &assign(post.id, a, PostHow::Claimed, date), support::today()).await.unwrap_err();
        assert_eq!(err.field(), Some(field), "{date}");
    }
    let gone = StatusChange { status: MemberStatus::Deceased, date: Some("2026-01-01".into()) };
    members::set_status(&t.pool, a, &gone, support::today()).await.unwrap();
    let err = posts::assign(&t.pool, &assign(post.id, a, PostHow::Claimed, "2026-02-01"), support::today())
        .await
        .unwrap_err();
    assert_eq!(err.field(), Some("memberId"));
    // A post with holders cannot shrink below them or be deleted.
    let b = member(&t.pool, branch.id, "王芳", Category::InService).await;
    posts::assign(&t.pool, &assign(post.id, b, PostHow::Claimed, "2026-02-01"), support::today()).await.unwrap();
    assert_eq!(posts::delete(&t.pool, post.id).await.unwrap_err().kind(), ErrorKind::Conflict);
    let c = member(&t.pool, branch.id, "赵刚", Category::InService).await;
    posts::assign(&t.pool, &assign(post.id, c, PostHow::Claimed, "2026-02-01"), support::today()).await.unwrap();
    let err = posts::update(&t.pool, post.id, &post_input(community.id, "岗", 1)).await.unwrap_err();
    assert_eq!(
        (err.kind(), err.field(), err.to_string()),
        (ErrorKind::Validation, Some("capacity"), "岗位上已有2名党员，人数不能少于此数".to_owned())
    );
    let kept = posts::update(&t.pool, post.id, &post_input(community.id, "岗", 2)).await.unwrap();
    assert_eq!((kept.capacity, kept.holders), (2, 2), "down to exactly its holders is allowed");
}

#[tokio::test]
async fn the_demo_has_posts_held_by_most_members_and_the_cli_prints_them() {
    let t = support::demo().await;
    let pool = t.pool.clone();
    let s = posts::stats(&pool, None).await.unwrap();
    // Counted straight from the rows: members on the roll holding a post now, and how.
    let count = |sql: String| {
        let pool = pool.clone();
        async move { sqlx::query_scalar::<_, i64>(&sql).fetch_one(&pool).await.unwrap() }
    };
    let holding = "FROM post_assignments a JOIN members m ON m.id = a.member_id
                   WHERE a.end_on IS NULL AND m.deleted_at IS NULL AND m.status = 'active'";
    let with_post = count(format!("SELECT count(DISTINCT a.member_id) {holding}")).await;
    let claimed = count(format!("SELECT count(*) {holding} AND a.how = 'claimed'")).await;
    assert_eq!((s.with_post, s.claimed, s.assigned), (with_post, claimed, with_post - claimed));
    assert_eq!(s.posts, 20, "five communities set up the four posts of the seed");
    assert!(s.with_post * 100 / s.active_members >= 60, "{s:?}");
    assert!(s.claimed > 0 && s.assigned > 0, "{s:?}");
    pool.close().await;
    let out = crate::support::cli().args(["posts", "--data-dir", t.dir.path().to_str().unwrap()]).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains(&format!("已认岗定责\t{}", s.with_post)), "{text}");
    assert_eq!(text.lines().filter(|l| l.starts_with("岗位：")).count(), 20);
}
