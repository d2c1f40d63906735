use sanliang::common::catalog::{Category, MarkType, MemberStatus};
use sanliang::error::ErrorKind;
use sanliang::roster::members::{self, MemberQuery, StatusChange};
use sanliang::sanliang::identity::{self, BulkMark, MemberSelection};

use crate::orgs::small_tree;
use crate::support;

fn mark(selection: MemberSelection, mark_type: MarkType, date: &str) -> BulkMark {
    BulkMark { selection, mark_type, shown_on: date.into(), place: String::new() }
}

async fn three_members(pool: &sqlx::SqlitePool) -> (i64, i64, [i64; 3]) {
    let [_, _, community, branch, other] = small_tree(pool).await;
    let mut ids = [0; 3];
    for (i, (name, org, category)) in [
        ("李明", branch.id, Category::InService),
        ("王芳", branch.id, Category::NoPost),
        ("赵强", community.id, Category::NoPost),
    ]
    .into_iter()
    .enumerate()
    {
        let input = members::MemberInput {
            org_id: Some(org),
            name: name.into(),
            gender: Some(sanliang::common::catalog::Gender::Male),
            ethnicity: "汉族".into(),
            birth_date: format!("197{i}-05-01"),
            joined_on: "2000-07-01".into(),
            category: Some(category),
            ..Default::default()
        };
        ids[i] = members::create(pool, &input, support::today()).await.unwrap().id;
    }
    (community.id, other.id, ids)
}

#[tokio::test]
async fn a_batch_marks_everyone_a_filter_matches_in_one_go_and_counts_follow() {
    let t = support::fresh().await;
    let (community, other, [a, b, c]) = three_members(&t.pool).await;
    let no_post = MemberQuery { org_id: Some(community), category: Some(Category::NoPost), ..Default::default() };
    let r = identity::record_bulk(
        &t.pool,
        &mark(MemberSelection::Query(no_post), MarkType::Badge, "2026-11-01"),
        support::today(),
    )
    .await
    .unwrap();
    assert_eq!((r.recorded, r.already, r.skipped), (2, 0, 0));

    let s = identity::summary(&t.pool, Some(community)).await.unwrap();
    assert_eq!((s.active_members, s.shown, s.not_shown), (3, 2, 1));
    assert_eq!(s.by_type.iter().find(|x| x.code == "badge").unwrap().count, 2);
    // The home page's figure alone: the same two counts.
    assert_eq!(identity::shown(&t.pool, Some(community)).await.unwrap(), (3, 2));
    assert_eq!(identity::shown(&t.pool, Some(other)).await.unwrap(), (0, 0));
    let missing = identity::not_shown(&t.pool, Some(community), 1, 20).await.unwrap();
    assert_eq!(missing.rows.iter().map(|r| r.id).collect::<Vec<_>>(), [a]);
    assert_eq!(missing.total, 1);
    // Another subtree has nobody.
    assert_eq!(identity::summary(&t.pool, Some(other)).await.unwrap().active_members, 0);

    // Marking again is harmless; a second kind of mark adds to the first.
    let again = mark(MemberSelection::Ids(vec![a, b, c]), MarkType::Badge, "2026-11-02");
    let r = identity::record_bulk(&t.pool, &again, support::today()).await.unwrap();
    assert_eq!((r.recorded, r.already), (1, 2));
    identity::record_bulk(
        &t.pool,
        &mark(MemberSelection::Ids(vec![b]), MarkType::ResponsibilityZone, "2026-11-02"),
        support::today(),
    )
    .await
    .unwrap();
    let marks = identity::member_marks(&t.pool, b).await.unwrap();
    assert_eq!(marks.iter().map(|m| m.mark_type).collect::<Vec<_>>(), [MarkType::Badge, MarkType::ResponsibilityZone]);
    assert_eq!(identity::summary(&t.pool, None).await.unwrap().not_shown, 0);
}

#[tokio::test]
async fn members_off_the_roll_are_skipped_and_a_missing_member_writes_nothing() {
    let t = support::fresh().await;
    let (_, _, [a, b, _]) = three_members(&t.pool).await;
    let gone = StatusChange { status: MemberStatus::Transferred, date: Some("2026-01-01".into()) };
    members::set_status(&t.pool, b, &gone, support::today()).await.unwrap();
    let r = identity::record_bulk(
        &t.pool,
        &mark(MemberSelection::Ids(vec![a, b]), MarkType::Badge, "2026-11-01"),
        support::today(),
    )
    .await
    .unwrap();
    assert_eq!((r.recorded, r.skipped), (1, 1));

    // One bad id in the batch: the whole batch is refused and nothing is written.
    let batch = mark(MemberSelection::Ids(vec![a, 4242]), MarkType::VanguardPost, "2026-11-01");
    let err = identity::record_bulk(&t.pool, &batch, support::today()).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    assert!(identity::member_marks(&t.pool, a).await.unwrap().iter().all(|m| m.mark_type != MarkType::VanguardPost));
}

#[tokio::test]
async fn impossible_dates_and_empty_selections_are_refused() {
    let t = support::fresh().await;
    let (_, _, [a, ..]) = three_members(&t.pool).await;
    for date in ["2026-11-29", "2026-02-30", ""] {
        let err = identity::record_bulk(
            &t.pool,
            &mark(MemberSelection::Ids(vec![a]), MarkType::Badge, date),
            support::today(),
        )
        .await
        .unwrap_err();
        assert_eq!(err.field(), Some("shownOn"), "{date}");
    }
    let err = identity::record_bulk(
        &t.pool,
        &mark(MemberSelection::Ids(vec![]), MarkType::Badge, "2026-11-01"),
        support::today(),
    )
    .await
    .unwrap_err();
    assert_eq!(err.field(), Some("selection"));
    let mut long = mark(MemberSelection::Ids(vec![a]), MarkType::Badge, "2026-11-01");
    long.place = "窗".repeat(31);
    assert_eq!(identity::record_bulk(&t.pool, &long, support::today()).await.unwrap_err().field(), Some("place"));
}

#[tokio::test]
async fn the_demo_shows_most_members_with_identity_and_the_cli_prints_the_figures() {
    let t = support::demo().await;
    let pool = t.pool.clone();
    let s = identity::summary(&pool, None).await.unwrap();
    // The figures counted straight from the rows, not by the code under test.
    let count = |sql: String| {
        let pool = pool.clone();
        async move { sqlx::query_scalar::<_, i64>(&sql).fetch_one(&pool).await.unwrap() }
    };
    let on_roll = count("SELECT count(*) FROM members WHERE deleted_at IS NULL AND status = 'active'".into()).await;
    let shown = count(
        "SELECT count(DISTINCT m.id) FROM members m JOIN identity_marks i ON i.member_id = m.id AND i.deleted_at IS NULL
         WHERE m.deleted_at IS NULL AND m.status = 'active'"
            .into(),
    )
    .await;
    assert_eq!((s.active_members, s.shown, s.not_shown), (on_roll, shown, on_roll - shown));
    assert!(s.shown * 100 / s.active_members >= 75, "{s:?}");
    assert!(s.not_shown > 0, "the page has someone to act on");
    assert!(s.by_type.iter().filter(|t| t.code != "work_pass").all(|t| t.count > 0), "{s:?}");
    pool.close().await;

    let out = crate::support::cli().args(["identity", "--data-dir", t.dir.path().to_str().unwrap()]).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains(&format!("已亮身份\t{}", s.shown)), "{text}");
    assert_eq!(text.lines().filter(|l| l.starts_with("未亮身份：")).count() as i64, s.not_shown);
}
