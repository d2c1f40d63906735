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
        version: None,
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

/// A database as the first release made it: only the first migration applied (as that release
/// recorded it), with rows in each of its tables.
async fn first_release_database(dir: &std::path::Path) {
    use sqlx::migrate::Migrate;
    use sqlx::{ConnectOptions, Connection};
    let migrator = sqlx::migrate!("./migrations");
    let first = migrator.iter().next().unwrap();
    let mut conn = sqlx::sqlite::SqliteConnectOptions::new()
        .filename(db::db_path(dir))
        .create_if_missing(true)
        .connect()
        .await
        .unwrap();
    conn.ensure_migrations_table().await.unwrap();
    conn.apply(first).await.unwrap();
    let at = "2026-11-28T01:00:00Z";
    for (id, parent, kind, name, path) in [
        (1, None, "county", "江川区", "/1/"),
        (2, Some(1), "township", "大街街道", "/1/2/"),
        (3, Some(2), "community", "大街社区党总支", "/1/2/3/"),
        (4, Some(3), "branch", "第一党支部", "/1/2/3/4/"),
    ] {
        sqlx::query(
            "INSERT INTO organizations (id, uuid, parent_id, kind, name, path, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
        )
        .bind(id)
        .bind(format!("org-{id}"))
        .bind(parent)
        .bind(kind)
        .bind(name)
        .bind(path)
        .bind(at)
        .execute(&mut conn)
        .await
        .unwrap();
    }
    sqlx::query(
        "INSERT INTO members (id, uuid, org_id, name, gender, ethnicity, birth_date, joined_on, id_number, phone,
                              category, status, photo, search_text, sort_name, created_at, updated_at)
         VALUES (1, 'm-1', 4, '张三', 'male', '汉族', '1980-01-01', '2005-07-01', '530421198001011232', '13812345678',
                 'in_service', 'active', 'm-1.jpg', '张三 zhangsan zs', 'zhangsan', ?1, ?1),
                (2, 'm-2', 3, '李丽', 'female', '彝族', '1985-06-01', '2008-07-01', NULL, '',
                 'no_post', 'transferred', NULL, '李丽 lili ll', 'lili', ?1, ?1)",
    )
    .bind(at)
    .execute(&mut conn)
    .await
    .unwrap();
    sqlx::query("INSERT INTO settings (key, value, updated_at) VALUES ('currentOrgId', '3', ?1)")
        .bind(at)
        .execute(&mut conn)
        .await
        .unwrap();
    conn.close().await.unwrap();
}

#[tokio::test]
async fn a_database_of_the_first_release_opens_with_every_record_intact() {
    let dir = tempfile::tempdir().unwrap();
    first_release_database(dir.path()).await;
    let pool = db::open(dir.path()).await.unwrap();
    assert_eq!(db::schema_version(&pool).await, db::latest_schema_version());
    let orgs: Vec<(i64, String, String)> =
        sqlx::query_as("SELECT id, kind, name FROM organizations ORDER BY id").fetch_all(&pool).await.unwrap();
    assert_eq!(
        orgs,
        [
            (1, "county".into(), "江川区".into()),
            (2, "township".into(), "大街街道".into()),
            (3, "community".into(), "大街社区党总支".into()),
            (4, "branch".into(), "第一党支部".into()),
        ]
    );
    let members = sanliang::roster::members::get(&pool, 1).await.unwrap();
    assert_eq!(
        (members.name.as_str(), members.org_id, members.birth_date.to_string(), members.has_photo),
        ("张三", 4, "1980-01-01".to_owned(), true)
    );
    let transferred: String =
        sqlx::query_scalar("SELECT status FROM members WHERE id = 2").fetch_one(&pool).await.unwrap();
    assert_eq!(transferred, "transferred");
    let id_number: String =
        sqlx::query_scalar("SELECT id_number FROM members WHERE id = 1").fetch_one(&pool).await.unwrap();
    assert_eq!(id_number, "530421198001011232");
    let kept: String =
        sqlx::query_scalar("SELECT value FROM settings WHERE key = 'currentOrgId'").fetch_one(&pool).await.unwrap();
    assert_eq!(kept, "3");
    // The tree works on the upgraded file: 张三 counts in his branch and up the tree.
    let tree = sanliang::roster::orgs::tree(&pool).await.unwrap();
    assert_eq!(tree[0].active_members, 1);
    // The copy taken before upgrading is there.
    let backups = std::fs::read_dir(dir.path())
        .unwrap()
        .filter(|e| e.as_ref().unwrap().file_name().to_string_lossy().ends_with(".bak"))
        .count();
    assert_eq!(backups, 1);
}

#[tokio::test]
async fn a_database_from_a_newer_version_is_refused_with_both_versions_named_and_left_untouched() {
    let t = support::fresh().await;
    let newer = db::latest_schema_version() + 1;
    sqlx::query(
        "INSERT INTO _sqlx_migrations (version, description, installed_on, success, checksum, execution_time)
         VALUES (?1, 'from the future', '2027-01-01', 1, x'00', 0)",
    )
    .bind(newer)
    .execute(&t.pool)
    .await
    .unwrap();
    db::close(&t.pool).await;
    let before = std::fs::read(db::db_path(t.dir.path())).unwrap();

    let e = db::open(t.dir.path()).await.unwrap_err();
    let expected = format!(
        "这个数据文件由较新版本的三亮四进工作台使用过（数据库版本 {newer}），本程序只支持到版本 {}。\n数据文件未作任何改动。请安装最新版本的程序后再打开。",
        db::latest_schema_version()
    );
    assert_eq!((e.kind(), e.to_string()), (sanliang::error::ErrorKind::Storage, expected.clone()));
    // The window shows that sentence as it is.
    let state = AppState::open(t.dir.path().to_path_buf(), t.dir.path().join("备份")).await;
    assert_eq!(state.info().await.unwrap().startup_error, Some(expected));
    assert_eq!(std::fs::read(db::db_path(t.dir.path())).unwrap(), before);
}
