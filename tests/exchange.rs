//! 交换文件 between real data folders: a community exported from the demo and imported into a
//! fresh install gives the same statistics with the same uuids; the same file twice changes
//! nothing; a newer file replaces, an older one is refused naming both dates; a tampered byte, a
//! truncated, foreign or future-version file is refused and nothing changes; personal data only
//! when asked; imported records read-only; the command line with Chinese paths.

use std::io::{Read, Write};

use chrono::{DateTime, Utc};
use sanliang::common::clock;
use sanliang::common::period::Period;
use sanliang::data::exchange::{self, ImportStatus};
use sanliang::error::Error;
use sanliang::review;
use sqlx::SqlitePool;

use crate::support;

fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().to_utc()
}

async fn org(pool: &SqlitePool, name: &str) -> i64 {
    sqlx::query_scalar("SELECT id FROM organizations WHERE name = ?1").bind(name).fetch_one(pool).await.unwrap()
}

async fn number(pool: &SqlitePool, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(pool).await.unwrap()
}

/// The statistics as JSON, without the organization's id (which differs between databases).
async fn figures(pool: &SqlitePool, org_id: i64) -> serde_json::Value {
    let s = review::statistics(pool, Some(org_id), Period::Year(2026), support::today()).await.unwrap();
    let mut v = serde_json::to_value(&s).unwrap();
    v["scope"]["orgId"] = serde_json::Value::Null;
    for row in v["communities"].as_array_mut().unwrap() {
        row["orgId"] = serde_json::Value::Null;
    }
    v
}

async fn export_at(pool: &SqlitePool, name: &str, when: &str, personal: bool) -> Vec<u8> {
    let id = org(pool, name).await;
    clock::pinned(at(when), exchange::export(pool, Some(id), personal)).await.unwrap().0
}

/// A file's entry, read back.
fn entry(bytes: &[u8], name: &str) -> Vec<u8> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = Vec::new();
    zip.by_name(name).unwrap().read_to_end(&mut out).unwrap();
    out
}

/// A zip of the given entries, stored.
fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes) in entries {
        zip.start_file(*name, zip::write::SimpleFileOptions::default()).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

fn message(e: Error) -> String {
    match e {
        Error::Validation { field, message } => {
            assert_eq!(field.as_deref(), Some("file"));
            message
        }
        other => panic!("not a refusal of the file: {other:?}"),
    }
}

/// Every table's row count: "nothing changed" is all of them the same.
async fn counts(pool: &SqlitePool) -> Vec<(String, i64)> {
    let mut out = Vec::new();
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('settings', '_sqlx_migrations') ORDER BY name",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    for t in tables {
        out.push((t.clone(), number(pool, &format!("SELECT count(*) FROM \"{t}\"")).await));
    }
    out
}

#[tokio::test]
async fn two_communities_round_trip_into_a_fresh_county_with_the_same_figures_and_uuids() {
    let source = support::demo().await;
    let hezui = export_at(&source.pool, "河咀社区党总支", "2026-11-28T10:00:00Z", false).await;
    let dazhuang = export_at(&source.pool, "大庄社区党总支", "2026-11-28T10:00:00Z", false).await;
    let county = support::fresh().await;
    let files = vec![("河咀.sljh".to_owned(), hezui.clone()), ("大庄.sljh".to_owned(), dazhuang)];
    let done = exchange::import(&county.pool, &files).await.unwrap();
    assert_eq!(done.iter().map(|i| i.status).collect::<Vec<_>>(), [ImportStatus::Imported, ImportStatus::Imported]);
    assert_eq!(done[0].source, "中共江川县委 / 大街街道党工委 / 河咀社区党总支");

    for name in ["河咀社区党总支", "大庄社区党总支"] {
        let (a, b) = (org(&source.pool, name).await, org(&county.pool, name).await);
        assert_eq!(figures(&source.pool, a).await, figures(&county.pool, b).await, "{name}'s figures");
        for table in ["members", "identity_marks", "pledges", "leader_visits", "volunteer_activities"] {
            let uuids = |pool: &SqlitePool, id: i64| {
                let sql = format!(
                    "SELECT uuid FROM {table} WHERE uuid IN (SELECT uuid FROM {table}) AND {} ORDER BY uuid",
                    match table {
                        "members" => "org_id IN (SELECT org_id FROM org_subtree WHERE root_id = ?1)",
                        "identity_marks" | "pledges" => {
                            "member_id IN (SELECT id FROM members WHERE org_id IN (SELECT org_id FROM org_subtree WHERE root_id = ?1))"
                        }
                        _ => "community_id = ?1",
                    }
                );
                let pool = pool.clone();
                async move { sqlx::query_scalar::<_, String>(&sql).bind(id).fetch_all(&pool).await.unwrap() }
            };
            let (x, y) = (uuids(&source.pool, a).await, uuids(&county.pool, b).await);
            assert!(!x.is_empty(), "{name} has {table}");
            assert_eq!(x, y, "{name}'s {table} keep their uuids");
        }
    }
    // Both under one county and their streets, as in the sender's tree; both marked imported.
    assert_eq!(number(&county.pool, "SELECT count(*) FROM organizations WHERE kind = 'county'").await, 1);
    assert_eq!(number(&county.pool, "SELECT count(*) FROM organizations WHERE kind = 'township'").await, 2);
    assert_eq!(number(&county.pool, "SELECT count(*) FROM exchange_imports").await, 2);

    // The same file again changes nothing.
    let before = counts(&county.pool).await;
    let again = exchange::import(&county.pool, &[("河咀.sljh".to_owned(), hezui)]).await.unwrap();
    assert_eq!(again[0].status, ImportStatus::Unchanged);
    assert_eq!(counts(&county.pool).await, before);
}

#[tokio::test]
async fn a_newer_file_replaces_the_communitys_data_and_an_older_one_is_refused_naming_both_dates() {
    let source = support::demo().await;
    let older = export_at(&source.pool, "河咀社区党总支", "2026-11-01T02:00:00Z", false).await;
    // Between the two files the community records one more volunteer activity.
    let community = org(&source.pool, "河咀社区党总支").await;
    sqlx::query(
        "INSERT INTO volunteer_activities (uuid, community_id, held_on, organizer, service_type, place, people_served, notes, created_at, updated_at)
         VALUES ('activity-new', ?1, '2026-11-20', '工会', '敬老', '河咀社区广场', 30, '', '2026-11-20T00:00:00Z', '2026-11-20T00:00:00Z')",
    )
    .bind(community)
    .execute(&source.pool)
    .await
    .unwrap();
    let newer = export_at(&source.pool, "河咀社区党总支", "2026-11-28T02:00:00Z", false).await;

    let county = support::fresh().await;
    exchange::import(&county.pool, &[("旧.sljh".to_owned(), older.clone())]).await.unwrap();
    let activities = "SELECT count(*) FROM volunteer_activities";
    let first = number(&county.pool, activities).await;
    let done = exchange::import(&county.pool, &[("新.sljh".to_owned(), newer)]).await.unwrap();
    assert_eq!(done[0].status, ImportStatus::Replaced);
    assert_eq!(number(&county.pool, activities).await, first + 1, "the newer file's data in place of the older's");
    assert_eq!(number(&county.pool, "SELECT count(*) FROM organizations WHERE name = '河咀社区党总支'").await, 1);
    let b = org(&county.pool, "河咀社区党总支").await;
    assert_eq!(figures(&source.pool, community).await, figures(&county.pool, b).await);

    let before = counts(&county.pool).await;
    let refused = exchange::import(&county.pool, &[("旧.sljh".to_owned(), older)]).await.unwrap_err();
    assert_eq!(
        message(refused),
        "“旧.sljh”是2026年11月1日 10:00导出的，比已导入的（2026年11月28日 10:00导出）旧，没有导入；请选择最新导出的文件"
    );
    assert_eq!(counts(&county.pool).await, before, "nothing changed");
}

#[tokio::test]
async fn damaged_truncated_foreign_and_future_files_are_refused_and_nothing_changes() {
    let source = support::demo().await;
    let good = export_at(&source.pool, "河咀社区党总支", "2026-11-28T02:00:00Z", false).await;
    let manifest: serde_json::Value = serde_json::from_slice(&entry(&good, "manifest.json")).unwrap();
    let data = entry(&good, "data.json");

    // One byte of the data changed, the manifest left as it was.
    let mut tampered_data = data.clone();
    let at = tampered_data.iter().position(|b| *b == b'7').unwrap();
    tampered_data[at] = b'8';
    let manifest_bytes = serde_json::to_vec(&manifest).unwrap();
    let tampered = zip_of(&[("data.json", &tampered_data), ("manifest.json", &manifest_bytes)]);
    let truncated = good[..good.len() * 2 / 3].to_vec();
    let foreign = zip_of(&[("readme.txt", "hello".as_bytes())]);
    let mut future_manifest = manifest.clone();
    future_manifest["formatVersion"] = 2.into();
    let future = zip_of(&[("data.json", &data), ("manifest.json", &serde_json::to_vec(&future_manifest).unwrap())]);

    let county = support::fresh().await;
    let before = counts(&county.pool).await;
    let damaged = "已损坏或不完整（可能没有复制完），请让对方重新导出后再试，没有导入任何数据";
    for (name, bytes, expected) in [
        ("改过.sljh", tampered, format!("“改过.sljh”{damaged}")),
        ("半个.sljh", truncated, format!("“半个.sljh”{damaged}")),
        ("别的.zip", foreign, "“别的.zip”不是三亮四进工作台的交换文件，没有导入任何数据".to_owned()),
        ("文本.sljh", b"just text".to_vec(), "“文本.sljh”不是三亮四进工作台的交换文件，没有导入任何数据".to_owned()),
        (
            "新版.sljh",
            future,
            "“新版.sljh”由更新版本的工作台导出（文件格式第2版，本机只能读到第1版），请先升级本机的工作台，没有导入任何数据"
                .to_owned(),
        ),
    ] {
        // With a good file beside it: all or nothing.
        let files = [("好.sljh".to_owned(), good.clone()), (name.to_owned(), bytes)];
        let e = exchange::import(&county.pool, &files).await.unwrap_err();
        assert_eq!(message(e), expected);
        assert_eq!(counts(&county.pool).await, before, "{name}: nothing changed");
    }
}

#[tokio::test]
async fn personal_data_travels_only_when_asked_and_the_file_says_which() {
    let source = support::demo().await;
    let plain = export_at(&source.pool, "河咀社区党总支", "2026-11-28T02:00:00Z", false).await;
    let full = export_at(&source.pool, "河咀社区党总支", "2026-11-28T02:00:00Z", true).await;
    let id_numbers: Vec<String> = sqlx::query_scalar(
        "SELECT id_number FROM members WHERE id_number IS NOT NULL AND org_id IN (SELECT org_id FROM org_subtree WHERE root_id = (SELECT id FROM organizations WHERE name = '河咀社区党总支'))",
    )
    .fetch_all(&source.pool)
    .await
    .unwrap();
    let phones: Vec<String> = sqlx::query_scalar(
        "SELECT phone FROM members WHERE phone <> '' AND org_id IN (SELECT org_id FROM org_subtree WHERE root_id = (SELECT id FROM organizations WHERE name = '河咀社区党总支'))",
    )
    .fetch_all(&source.pool)
    .await
    .unwrap();
    assert!(!id_numbers.is_empty() && !phones.is_empty());
    let text = |bytes: &[u8]| String::from_utf8(entry(bytes, "data.json")).unwrap();
    let (plain_text, full_text) = (text(&plain), text(&full));
    assert!(id_numbers.iter().chain(&phones).all(|v| !plain_text.contains(v.as_str())), "none in the plain file");
    assert!(id_numbers.iter().chain(&phones).all(|v| full_text.contains(v.as_str())), "all in the full file");
    let says = |bytes: &[u8]| {
        serde_json::from_slice::<serde_json::Value>(&entry(bytes, "manifest.json")).unwrap()["personalData"].clone()
    };
    assert_eq!((says(&plain), says(&full)), (false.into(), true.into()));

    // Imported without them, the members are there with empty ID numbers and phones.
    let county = support::fresh().await;
    exchange::import(&county.pool, &[("河咀.sljh".to_owned(), plain)]).await.unwrap();
    assert_eq!(
        number(&county.pool, "SELECT count(*) FROM members WHERE id_number IS NOT NULL OR phone <> ''").await,
        0
    );
    let in_source = number(
        &source.pool,
        "SELECT count(*) FROM members WHERE org_id IN (SELECT org_id FROM org_subtree WHERE root_id = (SELECT id FROM organizations WHERE name = '河咀社区党总支'))",
    )
    .await;
    assert_eq!(number(&county.pool, "SELECT count(*) FROM members").await, in_source);
}

#[tokio::test]
async fn imported_records_are_read_only_and_the_own_ones_stay_writable() {
    let source = support::demo().await;
    let file = export_at(&source.pool, "河咀社区党总支", "2026-11-28T02:00:00Z", false).await;
    let county = support::fresh().await;
    exchange::import(&county.pool, &[("河咀.sljh".to_owned(), file)]).await.unwrap();
    let county_id = number(&county.pool, "SELECT id FROM organizations WHERE kind = 'county'").await;

    for sql in [
        "UPDATE members SET name = '改名' WHERE id = (SELECT min(id) FROM members)",
        "DELETE FROM identity_marks WHERE id = (SELECT min(id) FROM identity_marks)",
        "UPDATE organizations SET name = '改名' WHERE name = '河咀社区党总支'",
        "INSERT INTO zones (uuid, community_id, name, created_at, updated_at) SELECT 'z-new', id, '新责任区', '2026-11-28T00:00:00Z', '2026-11-28T00:00:00Z' FROM organizations WHERE name = '河咀社区党总支'",
    ] {
        let e = Error::from(sqlx::query(sql).execute(&county.pool).await.unwrap_err());
        assert!(e.is_imported_write(), "{sql}: {e:?}");
        let ipc = e.to_ipc();
        assert_eq!(
            (ipc.message.as_str(), ipc.kind),
            (sanliang::error::IMPORTED_READ_ONLY, sanliang::error::ErrorKind::Conflict),
            "{sql}"
        );
    }
    // The county's own organizations stay writable: a new street beside the imported ones.
    use sanliang::roster::orgs::{self, OrgInput};
    let input = OrgInput {
        parent_id: Some(county_id),
        kind: sanliang::common::catalog::OrgKind::Township,
        unit_kind: None,
        stationed_in: None,
        name: "新街道党工委".into(),
    };
    orgs::create(&county.pool, input).await.unwrap();
    // And a branch under the imported community is refused through the same rule.
    let community = org(&county.pool, "河咀社区党总支").await;
    let input = OrgInput {
        parent_id: Some(community),
        kind: sanliang::common::catalog::OrgKind::Branch,
        unit_kind: None,
        stationed_in: None,
        name: "河咀社区第九党支部".into(),
    };
    assert!(orgs::create(&county.pool, input).await.unwrap_err().is_imported_write());
}

#[tokio::test]
async fn the_command_line_exports_and_imports_exchange_files_at_chinese_paths() {
    let source = support::demo().await;
    let community = org(&source.pool, "河咀社区党总支").await;
    source.pool.close().await;
    let folder = tempfile::Builder::new().prefix("交换 文件 ").tempdir().unwrap();
    let file = folder.path().join("河咀社区 2026.sljh");
    let out = support::cli()
        .args([
            "exchange",
            "export",
            "--data-dir",
            source.dir.path().to_str().unwrap(),
            "--org",
            &community.to_string(),
            "--out",
        ])
        .arg(&file)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.starts_with("已导出交换文件：中共江川县委 / 大街街道党工委 / 河咀社区党总支，"), "{said}");
    assert!(said.contains("（不含身份证号和电话）"), "{said}");

    let county = tempfile::Builder::new().prefix("县 数据 ").tempdir().unwrap();
    let import = || {
        support::cli()
            .args(["exchange", "import", "--data-dir", county.path().to_str().unwrap()])
            .arg(&file)
            .output()
            .unwrap()
    };
    let out = import();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(
        String::from_utf8_lossy(&out.stdout).starts_with("已导入：中共江川县委 / 大街街道党工委 / 河咀社区党总支（")
    );
    let out = import();
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("已导入过，未更改："));

    let broken = folder.path().join("坏的.sljh");
    std::fs::write(&broken, b"PK\x03\x04broken").unwrap();
    let out = support::cli()
        .args(["exchange", "import", "--data-dir", county.path().to_str().unwrap()])
        .arg(&broken)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("“坏的.sljh”已损坏或不完整"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[tokio::test]
async fn members_from_an_older_versions_file_are_found_by_this_versions_search_keys() {
    let source = support::demo().await;
    let community = org(&source.pool, "河咀社区党总支").await;
    let (id, name): (i64, String) =
        sqlx::query_as("SELECT id, name FROM members WHERE org_id IN (SELECT org_id FROM org_subtree WHERE root_id = ?1) ORDER BY id LIMIT 1")
            .bind(community)
            .fetch_one(&source.pool)
            .await
            .unwrap();
    // The sender's keys as an older version wrote them: the name alone.
    sqlx::query("UPDATE members SET search_text = name, sort_name = name WHERE id = ?1")
        .bind(id)
        .execute(&source.pool)
        .await
        .unwrap();
    let file = export_at(&source.pool, "河咀社区党总支", "2026-11-28T10:00:00Z", false).await;
    let county = support::fresh().await;
    exchange::import(&county.pool, &[("河咀.sljh".to_owned(), file)]).await.unwrap();
    let keys = sanliang::roster::search_key::search_keys(&name);
    let initials = keys.iter().find(|k| k.is_ascii() && k.len() == name.chars().count()).unwrap();
    let query = sanliang::roster::members::MemberQuery {
        text: initials.clone(),
        page: 1,
        page_size: 200,
        ..Default::default()
    };
    let found = sanliang::roster::members::search(&county.pool, &query).await.unwrap();
    assert!(found.rows.iter().any(|r| r.name == name), "{name} by {initials}");
    let stored: (String, String) = sqlx::query_as("SELECT search_text, sort_name FROM members WHERE name = ?1")
        .bind(&name)
        .fetch_one(&county.pool)
        .await
        .unwrap();
    assert_eq!(stored, (keys.join(" "), sanliang::roster::search_key::sort_name(&name)));
}
