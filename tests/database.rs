use sanliang::db;
use sanliang::state::AppState;

use crate::support;

#[tokio::test]
async fn a_new_data_folder_gets_a_migrated_database_in_wal_mode_with_foreign_keys() {
    let t = support::fresh().await;
    assert!(db::db_path(t.dir.path()).exists());
    let mode: String = sqlx::query_scalar("PRAGMA journal_mode").fetch_one(&t.pool).await.unwrap();
    assert_eq!(mode, "wal");
    let fk: i64 = sqlx::query_scalar("PRAGMA foreign_keys").fetch_one(&t.pool).await.unwrap();
    assert_eq!(fk, 1);
    let tables: Vec<String> = sqlx::query_scalar("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .fetch_all(&t.pool)
        .await
        .unwrap();
    for t in ["members", "organizations", "settings"] {
        assert!(tables.iter().any(|x| x == t), "{t} missing from {tables:?}");
    }
}

#[tokio::test]
async fn reopening_an_up_to_date_database_makes_no_backup() {
    let t = support::fresh().await;
    t.pool.close().await;
    let pool = db::open(t.dir.path()).await.unwrap();
    pool.close().await;
    let backups = std::fs::read_dir(t.dir.path())
        .unwrap()
        .filter(|e| e.as_ref().unwrap().file_name().to_string_lossy().ends_with(".bak"))
        .count();
    assert_eq!(backups, 0);
}

#[tokio::test]
async fn a_failed_upgrade_leaves_a_backup_and_the_data_intact() {
    let t = support::fresh().await;
    sqlx::query("INSERT INTO settings (key, value, updated_at) VALUES ('probe', 'kept', 'now')")
        .execute(&t.pool)
        .await
        .unwrap();
    // Pretend the first migration never ran: re-running it fails because its tables exist.
    // (Not the last one: a data-only migration can run twice without failing.)
    sqlx::query("DELETE FROM _sqlx_migrations WHERE version = (SELECT min(version) FROM _sqlx_migrations)")
        .execute(&t.pool)
        .await
        .unwrap();
    t.pool.close().await;

    let err = db::open(t.dir.path()).await.expect_err("the upgrade must fail");
    assert_eq!(err.kind(), sanliang::error::ErrorKind::Storage);

    let backup = std::fs::read_dir(t.dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .find(|e| e.file_name().to_string_lossy().ends_with(".bak"))
        .expect("a backup was written before migrating");
    let copy = sqlx::SqlitePool::connect(&format!("sqlite:{}", backup.path().display())).await.unwrap();
    let kept: String =
        sqlx::query_scalar("SELECT value FROM settings WHERE key = 'probe'").fetch_one(&copy).await.unwrap();
    assert_eq!(kept, "kept");
    let original = sqlx::SqlitePool::connect(&format!("sqlite:{}", db::db_path(t.dir.path()).display())).await.unwrap();
    let kept: String =
        sqlx::query_scalar("SELECT value FROM settings WHERE key = 'probe'").fetch_one(&original).await.unwrap();
    assert_eq!(kept, "kept", "the failed migration rolled back");
}

#[tokio::test]
async fn a_file_that_is_not_a_database_is_reported_in_chinese_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = db::db_path(dir.path());
    let junk = "这不是数据库文件 — not a database".repeat(200);
    std::fs::write(&path, &junk).unwrap();

    let state = AppState::open(dir.path().to_path_buf(), dir.path().join("备份")).await;
    let info = state.info().await.unwrap();
    let message = info.startup_error.expect("the error is reported to the window");
    assert!(message.contains("无法打开数据库文件"), "{message}");
    assert!(message.contains("数据文件未作任何改动"), "{message}");
    let err = state.pool().map(|_| ()).unwrap_err();
    assert_eq!(err.kind(), sanliang::error::ErrorKind::Storage, "commands answer with the start-up error");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), junk);
}

#[tokio::test]
async fn an_upgrade_ends_the_posts_and_zones_of_members_who_left_before_it() {
    use sanliang::common::catalog::{PostHow, PostKind, ZoneItemKind};
    use sanliang::sanliang::{posts, zones};

    let t = support::fresh().await;
    let [_, _, community, branch, _] = crate::orgs::small_tree(&t.pool).await;
    let member = crate::zones::member(&t.pool, branch.id, "李明").await;
    let input = posts::PostInput {
        community_id: Some(community.id),
        name: "环湖巡查岗".into(),
        kind: Some(PostKind::Service),
        duties: "巡查".into(),
        capacity: 2,
    };
    let post = posts::create(&t.pool, &input).await.unwrap();
    let assign = posts::AssignInput {
        post_id: post.id,
        member_id: Some(member),
        how: PostHow::Assigned,
        start_on: "2026-01-05".into(),
    };
    posts::assign(&t.pool, &assign, support::today()).await.unwrap();
    let zone = zones::create(&t.pool, &zones::ZoneInput { community_id: Some(community.id), name: "环湖".into() })
        .await
        .unwrap();
    let items = zones::add_items(
        &t.pool,
        &zones::ZoneItemsInput { zone_id: zone.id, kind: ZoneItemKind::Lane, names: "湖滨1巷".into() },
    )
    .await
    .unwrap();
    zones::cover(&t.pool, &zones::CoverInput { item_ids: vec![items[0].id], member_id: Some(member) }).await.unwrap();
    // What an older version left behind: marked 去世 on 2026-10-08 with post and lane kept.
    sqlx::query("UPDATE members SET status = 'deceased', status_date = '2026-10-08' WHERE id = ?1")
        .bind(member)
        .execute(&t.pool)
        .await
        .unwrap();
    sqlx::query("DELETE FROM _sqlx_migrations WHERE version = 20261202000012").execute(&t.pool).await.unwrap();
    t.pool.close().await;

    let pool = db::open(t.dir.path()).await.unwrap();
    let history = posts::member_history(&pool, member).await.unwrap();
    assert_eq!(history[0].end_on, chrono::NaiveDate::from_ymd_opt(2026, 10, 8));
    assert_eq!(zones::uncovered(&pool, None).await.unwrap().len(), 1);
}

/// Writes from several windows' worth of commands at once (the pool holds four connections): each
/// reads, then writes in one transaction. Begun deferred, the second writer's read snapshot goes
/// stale and SQLite refuses it at once with "database is locked"; begun IMMEDIATE, each waits its
/// turn under the busy timeout and every one succeeds.
#[tokio::test]
async fn concurrent_saves_wait_their_turn_instead_of_failing_as_locked() {
    use sanliang::common::catalog::ZoneItemKind;
    use sanliang::sanliang::zones::{self, ZoneInput, ZoneItemsInput};
    let t = support::fresh().await;
    let [_, _, community, _, _] = crate::orgs::small_tree(&t.pool).await;
    let zone = zones::create(&t.pool, &ZoneInput { community_id: Some(community.id), name: "湖滨责任区".into() })
        .await
        .unwrap();
    let saves = (0..24).map(|i| {
        let pool = t.pool.clone();
        tokio::spawn(async move {
            let input = ZoneItemsInput { zone_id: zone.id, kind: ZoneItemKind::Lane, names: format!("湖滨{i}巷") };
            zones::add_items(&pool, &input).await
        })
    });
    let results: Vec<_> = futures_util::future::join_all(saves).await.into_iter().map(|r| r.unwrap()).collect();
    let failed: Vec<_> = results.iter().filter_map(|r| r.as_ref().err()).collect();
    assert!(failed.is_empty(), "{} of 24 saves failed: {failed:?}", failed.len());
    assert_eq!(zones::items(&t.pool, zone.id).await.unwrap().len(), 24);
}
