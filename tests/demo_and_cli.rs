use chrono::Datelike;
use sanliang::common::catalog::PledgeStatus;
use sanliang::demo::{self, DemoScale};
use sanliang::error::ErrorKind;
use sanliang::overview::stats;
use sanliang::roster::members::{self, MemberQuery};
use sanliang::roster::orgs;
use sanliang::sanliang::pledges::{self, PledgeQuery};

use crate::support;

#[tokio::test]
async fn the_demo_county_has_the_seed_communities_and_about_300_members() {
    let t = support::fresh().await;
    let summary = demo::load(&t.pool, DemoScale::Community, support::today()).await.unwrap();
    assert!((280..=320).contains(&summary.members), "{summary:?}");
    let tree = orgs::tree(&t.pool).await.unwrap();
    assert_eq!(tree[0].org.name, "中共江川县委");
    let mut communities = Vec::new();
    for town in &tree[0].children {
        for c in &town.children {
            communities.push(c.org.name.clone());
        }
    }
    for seed in ["大街社区", "河咀社区", "下营社区", "大庄社区", "上头营社区"] {
        assert!(communities.iter().any(|c| c.starts_with(seed)), "{seed} missing: {communities:?}");
    }
    let s = stats::home(&t.pool, None).await.unwrap();
    assert!(s.by_category.iter().all(|c| c.count > 0), "every category is represented: {:?}", s.by_category);
    assert!(s.by_status.iter().all(|c| c.count > 0), "every status is represented: {:?}", s.by_status);
    assert!(s.organizations.iter().any(|o| o.code == "unit" && o.count > 0));

    // 亮承诺: this year's pledges in every state, last year's closed and appraised.
    let today = support::today();
    let this_year = PledgeQuery { year: Some(2026), page: 1, page_size: 200, ..Default::default() };
    let page = pledges::search(&t.pool, &this_year, today).await.unwrap();
    let c = &page.counts;
    assert!(c.total > 250 && c.draft > 0 && c.published > 0 && c.overdue > 0 && c.completed == 0, "{c:?}");
    let drafts = PledgeQuery { status: Some(PledgeStatus::Draft), ..this_year.clone() };
    let drafts = pledges::search(&t.pool, &drafts, today).await.unwrap().rows;
    assert!(drafts.iter().all(|r| r.status == PledgeStatus::Draft) && drafts.len() as i64 == c.draft);
    let draft = &drafts[0];
    assert!(pledges::get(&t.pool, draft.id, today)
        .await
        .unwrap()
        .items
        .iter()
        .all(|i| i.deadline.is_some() || !i.flags.is_empty()));
    let last_year = PledgeQuery { year: Some(2025), page: 1, page_size: 200, ..Default::default() };
    let page = pledges::search(&t.pool, &last_year, today).await.unwrap();
    assert!(page.counts.completed > 50 && page.counts.published == 0 && page.counts.overdue == 0, "{:?}", page.counts);
    let closed = pledges::get(&t.pool, page.rows[0].id, today).await.unwrap();
    assert_eq!(closed.appraisals.len(), 3, "appraised by organization, members and residents");
    assert!(closed.items.iter().all(|i| i.deadline.is_some_and(|d| d.year() == 2025)));
}

#[tokio::test]
async fn the_demo_is_deterministic_and_only_loads_into_an_empty_database() {
    let names = |pool: sqlx::SqlitePool| async move {
        let q = MemberQuery { page: 1, page_size: 200, sort: members::MemberSort::CreatedAt, ..Default::default() };
        members::search(&pool, &q).await.unwrap().rows.into_iter().map(|r| (r.name, r.birth_date)).collect::<Vec<_>>()
    };
    let a = support::fresh().await;
    let b = support::fresh().await;
    demo::load(&a.pool, DemoScale::Community, support::today()).await.unwrap();
    demo::load(&b.pool, DemoScale::Community, support::today()).await.unwrap();
    assert_eq!(names(a.pool.clone()).await, names(b.pool.clone()).await);
    let err = demo::load(&a.pool, DemoScale::Community, support::today()).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict);
}

fn sanliang(args: &[&str]) -> (bool, String, String) {
    let out = crate::support::cli().args(args).output().expect("run sanliang");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_command_line_writes_the_demo_and_searches_members() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_str().unwrap();
    let (ok, out, err) = sanliang(&["demo", "--data-dir", d]);
    assert!(ok, "{err}");
    assert!(out.contains("已载入示例数据"), "{out}");

    let (ok, all, err) = sanliang(&["members", "--data-dir", d, "--search", ""]);
    assert!(ok, "{err}");
    let lines = all.lines().count();
    assert!((280..=320).contains(&lines), "{lines} members listed");
    assert!(err.contains(&format!("共 {lines} 名党员")), "{err}");
    // Lists mask personal data.
    assert!(all.lines().all(|l| !l.contains("530421") || l.contains("****")), "unmasked ID in output");

    // Search by the pinyin initials of someone in the list.
    let first = all.lines().next().unwrap().split('\t').nth(1).unwrap().to_owned();
    let initials: String = sanliang::roster::search_key::pinyin_spellings(&first)[0].1.clone();
    let (ok, found, _) = sanliang(&["members", "--data-dir", d, "--search", &initials]);
    assert!(ok);
    assert!(found.lines().any(|l| l.split('\t').nth(1) == Some(first.as_str())), "{first} not found by {initials}");

    // Pledges as the page shows them: the same overdue ones, moved by --today.
    let (ok, overdue, err) = sanliang(&["pledges", "--data-dir", d, "--status", "overdue", "--today", "2026-11-28"]);
    assert!(ok, "{err}");
    let figure = |out: &str, label: &str| -> usize {
        out.lines().find_map(|l| l.strip_prefix(&format!("{label}\t"))).unwrap().parse().unwrap()
    };
    let listed = overdue.lines().filter(|l| l.starts_with("承诺：")).count();
    assert!(listed > 0 && listed == figure(&overdue, "已逾期"), "{overdue}");
    assert!(overdue.lines().filter(|l| l.starts_with("承诺：")).all(|l| l.contains("\t已逾期\t")));
    let (ok, early, _) = sanliang(&["pledges", "--data-dir", d, "--status", "overdue", "--today", "2026-03-01"]);
    assert!(ok);
    assert_eq!(figure(&early, "已逾期"), 0, "nothing is overdue before the first deadlines");
    let (ok, _, err) = sanliang(&["pledges", "--data-dir", d, "--status", "late"]);
    assert!(!ok && err.contains("overdue"), "{err}");

    let (ok, _, err) = sanliang(&["demo", "--data-dir", d]);
    assert!(!ok, "a second demo load is refused");
    assert!(err.contains("空数据库"), "{err}");
}

#[test]
fn the_command_line_needs_a_data_folder() {
    let out = crate::support::cli().args(["members"]).output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--data-dir"));
}

async fn scalar(pool: &sqlx::SqlitePool, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(pool).await.unwrap()
}

/// 清除示例数据 on a database used for real afterwards: the demo, and what was added to its
/// organizations, go in one step; the secretary's own county stays, and so does its member.
#[tokio::test]
async fn clearing_the_demo_removes_it_and_what_hangs_on_it_and_keeps_the_secretarys_own_data() {
    let t = support::demo().await;
    let demo_orgs = scalar(&t.pool, "SELECT count(*) FROM organizations").await;
    let demo_members = scalar(&t.pool, "SELECT count(*) FROM members").await;
    assert!(demo::clear::present(&t.pool).await.unwrap());

    // The secretary's own county, with a member.
    let chain =
        orgs::OrgChain {
            county: "通海县".into(), township: "秀山街道".into(), community: "北苑社区党总支".into()
        };
    let own = orgs::create_chain(&t.pool, &chain).await.unwrap();
    let mine = members::MemberInput {
        org_id: Some(own.id),
        name: "赵自己".into(),
        gender: Some(sanliang::common::catalog::Gender::Female),
        ethnicity: "汉族".into(),
        birth_date: "1988-08-08".into(),
        joined_on: "2012-07-01".into(),
        category: Some(sanliang::common::catalog::Category::NoPost),
        ..Default::default()
    };
    let mine = members::create(&t.pool, &mine, support::today()).await.unwrap();
    // A member added to a demo branch later, and a photo given to a demo member: both hang on the demo.
    let branch = scalar(&t.pool, "SELECT id FROM organizations WHERE name = '河咀社区第一党支部'").await;
    let added = members::MemberInput {
        org_id: Some(branch),
        name: "钱后来".into(),
        birth_date: "1990-09-09".into(),
        ..mine_input()
    };
    members::create(&t.pool, &added, support::today()).await.unwrap();
    let with_photo = scalar(&t.pool, "SELECT min(id) FROM members").await;
    let picked = t.dir.path().join("照片.png");
    std::fs::copy(concat!(env!("CARGO_MANIFEST_DIR"), "/icons/32x32.png"), &picked).unwrap();
    sanliang::roster::photos::set(&t.pool, t.dir.path(), sanliang::roster::photos::Whose::Member(with_photo), &picked)
        .await
        .unwrap();
    let photo =
        sanliang::roster::photos::path(&t.pool, t.dir.path(), sanliang::roster::photos::Whose::Member(with_photo))
            .await
            .unwrap()
            .unwrap();

    let asked = demo::clear::preview(&t.pool).await.unwrap();
    assert_eq!((asked.organizations, asked.members), (demo_orgs, demo_members + 1));
    let cleared = demo::clear::clear(&t.pool, t.dir.path()).await.unwrap();
    assert_eq!(cleared, asked);

    // Only the secretary's own data remains, whole and consistent.
    assert_eq!(scalar(&t.pool, "SELECT count(*) FROM organizations").await, 3);
    let left: Vec<i64> = sqlx::query_scalar("SELECT id FROM members").fetch_all(&t.pool).await.unwrap();
    assert_eq!(left, [mine.id]);
    for table in [
        "identity_marks",
        "posts",
        "post_assignments",
        "zones",
        "zone_items",
        "pledges",
        "pledge_items",
        "pledge_progress",
        "pledge_appraisals",
        "pairings",
        "support_records",
        "help_pairs",
        "help_records",
        "contact_leaders",
        "leader_communities",
        "leader_visits",
        "diary_entries",
        "difficulties",
        "deputies",
        "deputy_communities",
        "reception_points",
        "deputy_visits",
        "suggestions",
        "volunteer_activities",
        "volunteer_participants",
    ] {
        assert_eq!(scalar(&t.pool, &format!("SELECT count(*) FROM {table}")).await, 0, "{table}");
    }
    assert!(!photo.exists(), "the demo member's photo went with the member");
    let broken: Vec<(String,)> = sqlx::query_as("PRAGMA foreign_key_check").fetch_all(&t.pool).await.unwrap();
    assert!(broken.is_empty(), "{broken:?}");
    assert!(!demo::clear::present(&t.pool).await.unwrap());
    let e = demo::clear::clear(&t.pool, t.dir.path()).await.unwrap_err();
    assert_eq!((e.kind(), e.to_string()), (ErrorKind::NotFound, "没有可清除的示例数据".to_owned()));
}

fn mine_input() -> members::MemberInput {
    members::MemberInput {
        gender: Some(sanliang::common::catalog::Gender::Male),
        ethnicity: "汉族".into(),
        joined_on: "2015-07-01".into(),
        category: Some(sanliang::common::catalog::Category::NoPost),
        ..Default::default()
    }
}

#[test]
fn the_command_line_clears_the_demo() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_str().unwrap();
    let o = support::cli().args(["demo", "--data-dir", data]).output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let o = support::cli().args(["demo", "--clear", "--data-dir", data]).output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let said = String::from_utf8_lossy(&o.stdout);
    assert!(said.starts_with("已清除示例数据：29 个组织，300 名党员，共 "), "{said}");
    let o = support::cli().args(["demo", "--clear", "--data-dir", data]).output().unwrap();
    assert!(!o.status.success());
    assert_eq!(String::from_utf8_lossy(&o.stderr).trim(), "错误：没有可清除的示例数据");
}

/// The command line writing while the window holds the database: it waits its turn, and when the
/// turn does not come it says so plainly and changes nothing.
#[tokio::test]
async fn the_command_line_writing_while_the_window_writes_gets_a_clear_message_and_changes_nothing() {
    use sqlx::Connection;
    let t = support::fresh().await;
    let data = t.dir.path().to_str().unwrap().to_owned();
    let options = sqlx::sqlite::SqliteConnectOptions::new().filename(sanliang::db::db_path(t.dir.path()));
    let mut window = sqlx::SqliteConnection::connect_with(&options).await.unwrap();
    sqlx::query("BEGIN IMMEDIATE").execute(&mut window).await.unwrap();
    let out = tokio::task::spawn_blocking(move || support::cli().args(["demo", "--data-dir", &data]).output().unwrap())
        .await
        .unwrap();
    sqlx::query("ROLLBACK").execute(&mut window).await.unwrap();
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert_eq!(said.lines().next(), Some(format!("错误：{}", sanliang::error::BUSY).as_str()), "{said}");
    assert_eq!(scalar(&t.pool, "SELECT count(*) FROM organizations").await, 0);
    let ok: String = sqlx::query_scalar("PRAGMA integrity_check").fetch_one(&t.pool).await.unwrap();
    assert_eq!(ok, "ok");
}
