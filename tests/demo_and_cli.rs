use std::process::Command;

use sanliang::domain::demo::{self, DemoScale};
use sanliang::domain::members::{self, MemberQuery};
use sanliang::domain::{orgs, stats};
use sanliang::error::ErrorKind;

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
    let out = Command::new(env!("CARGO_BIN_EXE_sanliang")).args(args).output().expect("run sanliang");
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
    let initials: String = sanliang::domain::search_key::pinyin_spellings(&first)[0].1.clone();
    let (ok, found, _) = sanliang(&["members", "--data-dir", d, "--search", &initials]);
    assert!(ok);
    assert!(found.lines().any(|l| l.split('\t').nth(1) == Some(first.as_str())), "{first} not found by {initials}");

    let (ok, _, err) = sanliang(&["demo", "--data-dir", d]);
    assert!(!ok, "a second demo load is refused");
    assert!(err.contains("空数据库"), "{err}");
}

#[test]
fn the_command_line_needs_a_data_folder() {
    let out = Command::new(env!("CARGO_BIN_EXE_sanliang"))
        .args(["members"])
        .env_remove("SANLIANG_DATA_DIR")
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--data-dir"));
}
