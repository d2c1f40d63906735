//! 备份与恢复: one zip holds the newest rows and every stored file; a restore brings them back
//! with the replaced data saved aside; a damaged, truncated, foreign or newer file is refused
//! with its reason and changes nothing; an interrupted swap finishes at the next start;
//! automatic backups once a day, thinned by the retention.

use std::io::{Read, Write};
use std::path::Path;

use sanliang::data::backup::{self, auto, swap};
use sanliang::error::ErrorKind;
use sanliang::roster::members;
use sanliang::roster::photos::{self, Whose};
use sqlx::SqlitePool;

use crate::support;

async fn count(pool: &SqlitePool, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(pool).await.unwrap()
}

async fn live_members(pool: &SqlitePool) -> i64 {
    count(pool, "SELECT count(*) FROM members WHERE deleted_at IS NULL").await
}

/// A member with a photo, as a secretary gives one.
async fn member_with_photo(t: &support::TestDb) -> i64 {
    let id = count(&t.pool, "SELECT min(id) FROM members WHERE deleted_at IS NULL").await;
    let src = t.dir.path().join("照片 原图.png");
    std::fs::copy(concat!(env!("CARGO_MANIFEST_DIR"), "/icons/32x32.png"), &src).unwrap();
    photos::set(&t.pool, t.dir.path(), Whose::Member(id), &src).await.unwrap();
    id
}

/// Restores `file` as the app does: prepared, the pool closed, swapped, opened again.
async fn restore(t: support::TestDb, file: &Path, aside: &Path) -> (support::TestDb, backup::Restored) {
    let restored = backup::prepare_restore(&t.pool, t.dir.path(), file, aside).await.unwrap();
    sanliang::db::close(&t.pool).await;
    assert!(swap::finish_pending(t.dir.path()).unwrap());
    let pool = sanliang::db::open(t.dir.path()).await.unwrap();
    (support::TestDb { dir: t.dir, pool }, restored)
}

#[tokio::test]
async fn a_backup_holds_the_newest_rows_and_every_file_and_a_restore_brings_them_back() {
    let t = support::demo().await;
    let out = tempfile::tempdir().unwrap();
    let with_photo = member_with_photo(&t).await;
    let photo = photos::path(&t.pool, t.dir.path(), Whose::Member(with_photo)).await.unwrap().unwrap();
    let emblem = t.dir.path().join("emblem.png");
    std::fs::write(&emblem, crate::print::png_bytes()).unwrap();
    // Written just now: still in the WAL, not yet in the database file.
    let branch = count(&t.pool, "SELECT min(org_id) FROM members").await;
    let late = members::create(
        &t.pool,
        &members::MemberInput {
            org_id: Some(branch),
            name: "刚录入".into(),
            gender: Some(sanliang::common::catalog::Gender::Female),
            ethnicity: "汉族".into(),
            birth_date: "1990-05-06".into(),
            joined_on: "2015-07-01".into(),
            category: Some(sanliang::common::catalog::Category::NoPost),
            ..Default::default()
        },
        support::today(),
    )
    .await
    .unwrap();
    assert!(std::fs::metadata(t.dir.path().join("sanliang.db-wal")).unwrap().len() > 0);
    let before = (live_members(&t.pool).await, count(&t.pool, "SELECT count(*) FROM organizations").await);

    let file = out.path().join("三亮四进 备份.zip");
    let written = backup::create(&t.pool, t.dir.path(), &file).await.unwrap();
    assert_eq!((written.members, written.organizations), before);
    assert_eq!(written.files, 2, "the photo and the emblem");
    assert_eq!(written.bytes, std::fs::metadata(&file).unwrap().len());
    assert_eq!(written.schema_version, sanliang::db::latest_schema_version());
    let names: Vec<String> = {
        let zip = zip::ZipArchive::new(std::fs::File::open(&file).unwrap()).unwrap();
        zip.file_names().map(|n| n.unwrap().into_owned()).collect()
    };
    let stored_photo = format!("files/photos/{}", photo.file_name().unwrap().to_string_lossy());
    for name in ["manifest.json", "sanliang.db", "files/emblem.png", &stored_photo] {
        assert!(names.iter().any(|n| n == name), "{name} in {names:?}");
    }
    assert!(!out.path().join("三亮四进 备份.zip.part").exists());

    // Afterwards the member with the photo is deleted, the photo and emblem gone, another added.
    members::delete(&t.pool, with_photo, support::today()).await.unwrap();
    photos::clear(&t.pool, t.dir.path(), Whose::Member(with_photo)).await.ok();
    std::fs::remove_file(&photo).ok();
    std::fs::remove_file(&emblem).unwrap();
    members::delete(&t.pool, late.id, support::today()).await.unwrap();
    let after_deletes = live_members(&t.pool).await;
    assert_eq!(after_deletes, before.0 - 2);

    let aside = out.path().join("恢复前的数据.zip");
    let (t, restored) = restore(t, &file, &aside).await;
    assert_eq!((restored.restored.members, restored.aside.members), (before.0, after_deletes));
    assert_eq!(live_members(&t.pool).await, before.0);
    assert!(!members::get(&t.pool, with_photo).await.unwrap().name.is_empty());
    assert!(members::get(&t.pool, with_photo).await.unwrap().has_photo);
    let back = photos::path(&t.pool, t.dir.path(), Whose::Member(with_photo)).await.unwrap().unwrap();
    assert_eq!(
        std::fs::read(back).unwrap(),
        std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/icons/32x32.png")).unwrap()
    );
    assert_eq!(std::fs::read(&emblem).unwrap(), crate::print::png_bytes());
    assert_eq!(members::get(&t.pool, late.id).await.unwrap().name, "刚录入");
    // The replaced data were saved aside whole, and nothing of the swap is left behind.
    assert_eq!(backup::inspect(t.dir.path(), &aside).await.unwrap().members, after_deletes);
    for left in [swap::STAGING, swap::ASIDE] {
        assert!(!t.dir.path().join(left).exists(), "{left}");
    }
    let check: String = sqlx::query_scalar("PRAGMA integrity_check").fetch_one(&t.pool).await.unwrap();
    assert_eq!(check, "ok");
}

/// Copies the zip `from` to `to`, letting `edit` change each entry's name and bytes (or drop it).
fn rewrite(from: &Path, to: &Path, edit: impl Fn(&str, Vec<u8>) -> Option<(String, Vec<u8>)>) {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(from).unwrap()).unwrap();
    let mut out = zip::ZipWriter::new(std::fs::File::create(to).unwrap());
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).unwrap();
        let name = entry.name().unwrap().into_owned();
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).unwrap();
        if let Some((name, bytes)) = edit(&name, bytes) {
            out.start_file(name, zip::write::SimpleFileOptions::default()).unwrap();
            out.write_all(&bytes).unwrap();
        }
    }
    out.finish().unwrap();
}

fn edit_manifest(bytes: Vec<u8>, change: impl Fn(&mut serde_json::Value)) -> Vec<u8> {
    let mut manifest: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    change(&mut manifest);
    serde_json::to_vec(&manifest).unwrap()
}

#[tokio::test]
async fn a_damaged_truncated_foreign_or_newer_backup_is_refused_and_nothing_changes() {
    let t = support::demo().await;
    member_with_photo(&t).await;
    let out = tempfile::tempdir().unwrap();
    let good = out.path().join("good.zip");
    backup::create(&t.pool, t.dir.path(), &good).await.unwrap();
    let bytes = std::fs::read(&good).unwrap();
    let members_before = live_members(&t.pool).await;

    let file = |name: &str, content: &[u8]| {
        let path = out.path().join(name);
        std::fs::write(&path, content).unwrap();
        path
    };
    let truncated = file("半截 备份.zip", &bytes[..bytes.len() / 2]);
    let text = file("notes.zip", "不是压缩包".as_bytes());
    let foreign = out.path().join("照片打包.zip");
    rewrite(&good, &foreign, |name, b| (name != "manifest.json").then(|| (name.to_owned(), b)));
    let altered = out.path().join("改过的.zip");
    rewrite(&good, &altered, |name, mut b| {
        if name == "sanliang.db" {
            let middle = b.len() / 2;
            b[middle] ^= 0xFF;
        }
        Some((name.to_owned(), b))
    });
    let newer = out.path().join("新版本.zip");
    let latest = sanliang::db::latest_schema_version();
    rewrite(&good, &newer, |name, b| {
        let b = if name == "manifest.json" {
            edit_manifest(b, |m| m["schemaVersion"] = serde_json::json!(latest + 1))
        } else {
            b
        };
        Some((name.to_owned(), b))
    });
    let escaping = out.path().join("越界.zip");
    rewrite(&good, &escaping, |name, b| {
        let b = if name == "manifest.json" {
            edit_manifest(b, |m| {
                let entries = m["entries"].as_array_mut().unwrap();
                let photo =
                    entries.iter_mut().find(|e| e["name"].as_str().unwrap().starts_with("files/photos/")).unwrap();
                photo["name"] = serde_json::json!("files/photos/../../evil.exe");
            })
        } else {
            b
        };
        Some((name.to_owned(), b))
    });

    let not_ours = |n: &str| {
        format!("“{n}”不是三亮四进工作台的备份文件，或文件不完整，未作任何改动。请选择程序生成的备份文件（.zip）")
    };
    let cases = [
        (truncated, not_ours("半截 备份.zip")),
        (text, not_ours("notes.zip")),
        (foreign, not_ours("照片打包.zip")),
        (
            altered,
            "备份文件“改过的.zip”已损坏（sanliang.db 与校验值不符或缺失），未作任何改动。请换一个备份文件".to_owned(),
        ),
        (
            newer,
            format!(
                "备份文件“新版本.zip”来自较新版本的三亮四进工作台（数据库版本 {}），本程序只支持到版本 {latest}。请先升级程序，再恢复这个备份",
                latest + 1
            ),
        ),
        (
            escaping,
            "备份文件“越界.zip”已损坏（files/photos/../../evil.exe 与校验值不符或缺失），未作任何改动。请换一个备份文件"
                .to_owned(),
        ),
    ];
    let aside = out.path().join("aside.zip");
    for (path, message) in &cases {
        for e in [
            backup::inspect(t.dir.path(), path).await.unwrap_err(),
            backup::prepare_restore(&t.pool, t.dir.path(), path, &aside).await.unwrap_err(),
        ] {
            assert_eq!((e.kind(), e.field(), e.to_string()), (ErrorKind::Validation, Some("file"), message.clone()));
        }
        assert!(!aside.exists(), "nothing saved aside for a refused file");
        assert!(!swap::finish_pending(t.dir.path()).unwrap(), "nothing staged");
    }
    assert!(!t.dir.path().join("evil.exe").exists() && !out.path().join("evil.exe").exists());
    assert_eq!(live_members(&t.pool).await, members_before);
    let leftovers: Vec<String> = std::fs::read_dir(t.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[tokio::test]
async fn a_restore_interrupted_midway_is_finished_at_the_next_start() {
    let t = support::demo().await;
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("备份.zip");
    backup::create(&t.pool, t.dir.path(), &file).await.unwrap();
    let members_in_backup = live_members(&t.pool).await;
    let gone = count(&t.pool, "SELECT min(id) FROM members WHERE deleted_at IS NULL").await;
    members::delete(&t.pool, gone, support::today()).await.unwrap();
    backup::prepare_restore(&t.pool, t.dir.path(), &file, &out.path().join("aside.zip")).await.unwrap();
    sanliang::db::close(&t.pool).await;
    // The crash: the old database moved aside, the new one not yet in.
    let aside = t.dir.path().join(swap::ASIDE);
    std::fs::create_dir_all(&aside).unwrap();
    swap::patiently(|| std::fs::rename(t.dir.path().join("sanliang.db"), aside.join("sanliang.db"))).unwrap();
    assert!(!t.dir.path().join("sanliang.db").exists());

    // The next start (the app's AppState::open and the command line both do this first).
    let state = sanliang::state::AppState::open(t.dir.path().to_owned(), out.path().to_owned()).await;
    let pool = state.pool().unwrap();
    assert_eq!(live_members(&pool).await, members_in_backup);
    assert_eq!(
        count(&pool, &format!("SELECT count(*) FROM members WHERE id = {gone} AND deleted_at IS NULL")).await,
        1
    );
    assert!(!t.dir.path().join(swap::STAGING).exists() && !aside.exists());
}

#[tokio::test]
async fn the_command_line_backs_up_and_restores_and_refuses_a_bad_file() {
    let t = support::demo().await;
    let members_before = live_members(&t.pool).await;
    sanliang::db::close(&t.pool).await;
    let data = t.dir.path().to_str().unwrap();
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("命令行 备份.zip");
    let o = support::cli().args(["backup", "--data-dir", data, "--out", file.to_str().unwrap()]).output().unwrap();
    let said = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(said.starts_with(&format!("已备份到 {}（", file.display())), "{said}");
    assert!(said.contains(&format!("党员 {members_before} 名，文件 0 个）")), "{said}");

    // Remove a member, then restore from the command line with the old data saved aside.
    let pool = sanliang::db::open(t.dir.path()).await.unwrap();
    let gone = count(&pool, "SELECT min(id) FROM members WHERE deleted_at IS NULL").await;
    members::delete(&pool, gone, support::today()).await.unwrap();
    sanliang::db::close(&pool).await;
    let aside = out.path().join("另存");
    let o = support::cli()
        .args(["restore", "--data-dir", data, "--aside", aside.to_str().unwrap(), file.to_str().unwrap()])
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(said.starts_with(&format!("已恢复 {}（", file.display())), "{said}");
    assert!(said.contains(&format!("原有数据已另存为 {}", aside.join("恢复前的数据-").display())), "{said}");
    let pool = sanliang::db::open(t.dir.path()).await.unwrap();
    assert_eq!(live_members(&pool).await, members_before);
    sanliang::db::close(&pool).await;

    let bad = out.path().join("坏的.zip");
    std::fs::write(&bad, b"PK\x03\x04 not really").unwrap();
    let o = support::cli().args(["restore", "--data-dir", data, bad.to_str().unwrap()]).output().unwrap();
    assert!(!o.status.success());
    assert_eq!(
        String::from_utf8_lossy(&o.stderr).trim(),
        "错误：“坏的.zip”不是三亮四进工作台的备份文件，或文件不完整，未作任何改动。请选择程序生成的备份文件（.zip）"
    );
}

/// The data still in use when the swap comes (as Windows can report for a while after the
/// database closed): the restore is left ready and said so, the data are as they were, and the
/// next opening of the folder finishes it before anything reads the database. Every step is a
/// command of its own, so no connection of this test's process is open while files move.
#[tokio::test]
async fn a_restore_the_system_holds_up_is_finished_at_the_next_start() {
    use sanliang::paths::Setting;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("数据 文件夹");
    let data = data.to_str().unwrap();
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("恢复用 备份.zip");
    let aside = out.path().join("另存");
    let run = |args: &[&str], hold: bool| {
        let mut cli = support::cli();
        if hold {
            cli.env(Setting::RestoreInUse.env(), "1");
        }
        let o = cli.args(args).args(["--data-dir", data]).output().unwrap();
        assert!(o.status.success(), "{args:?}: {}", String::from_utf8_lossy(&o.stderr));
        String::from_utf8_lossy(&o.stdout).into_owned()
    };
    run(&["demo"], false);
    let said = run(&["backup", "--out", file.to_str().unwrap()], false);
    let members: i64 = said.split("党员 ").nth(1).and_then(|t| t.split(' ').next()).unwrap().parse().unwrap();
    assert!(members > 0, "{said}");
    run(&["demo", "--clear"], false);

    let said = run(&["restore", "--aside", aside.to_str().unwrap(), file.to_str().unwrap()], true);
    assert!(said.starts_with("备份已检查无误，但数据文件仍被占用（无法读写文件"), "{said}");
    assert!(
        said.contains(&format!("恢复将在下次打开这个数据文件夹时（程序或命令行）自动完成：{}（", file.display())),
        "{said}"
    );
    assert!(said.contains(&format!("原有数据已另存为 {}", aside.join("恢复前的数据-").display())), "{said}");
    assert!(swap::is_ready(Path::new(data)));
    assert!(run(&["identity"], false).contains("党员"), "any next start finishes it first");
    assert!(!swap::is_ready(Path::new(data)));
    let pool = sanliang::db::open(Path::new(data)).await.unwrap();
    assert_eq!(live_members(&pool).await, members, "the cleared demo is back");
    sanliang::db::close(&pool).await;
}

#[tokio::test]
async fn an_automatic_backup_is_taken_once_a_day_and_old_ones_are_thinned() {
    let empty = support::fresh().await;
    let folder = tempfile::tempdir().unwrap();
    let now = support::today().and_hms_opt(9, 30, 0).unwrap();
    let taken = auto::run_if_due(&empty.pool, empty.dir.path(), folder.path(), now).await.unwrap();
    assert_eq!(taken, None, "an empty database is not backed up");

    let t = support::demo().await;
    // Automatic backups of the 40 days before, and a file of the user's that is never touched.
    for i in 1..=40u64 {
        let day = support::today() - chrono::Days::new(i);
        std::fs::write(folder.path().join(auto::file_name(day.and_hms_opt(9, 0, 0).unwrap())), b"old").unwrap();
    }
    std::fs::write(folder.path().join("我的备份.zip"), b"mine").unwrap();
    let taken = auto::run_if_due(&t.pool, t.dir.path(), folder.path(), now).await.unwrap().unwrap();
    assert_eq!(Path::new(&taken.path).file_name().unwrap().to_string_lossy(), "三亮四进自动备份-2026-11-28-093000.zip");
    assert_eq!(taken.members, live_members(&t.pool).await);
    let later = auto::run_if_due(&t.pool, t.dir.path(), folder.path(), now + chrono::Duration::hours(8)).await.unwrap();
    assert_eq!(later, None, "one a day");

    let mut kept: Vec<String> = std::fs::read_dir(folder.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    kept.sort();
    // 2026-11-28 is a Saturday. Kept, worked out by hand: the 7 newest days (11-22 … 11-28); the
    // newest of the 4 newest ISO weeks (11-28, 11-22, 11-15, 11-08); the newest of each month
    // (11-28, 10-31).
    let days = [
        "2026-10-31",
        "2026-11-08",
        "2026-11-15",
        "2026-11-22",
        "2026-11-23",
        "2026-11-24",
        "2026-11-25",
        "2026-11-26",
        "2026-11-27",
    ];
    let mut expected: Vec<String> = days.iter().map(|d| format!("三亮四进自动备份-{d}-090000.zip")).collect();
    expected.push("三亮四进自动备份-2026-11-28-093000.zip".into());
    expected.push("我的备份.zip".into());
    expected.sort();
    assert_eq!(kept, expected);
    let last = auto::last(&t.pool).await.unwrap().unwrap();
    assert_eq!((last.automatic, last.failed, last.path), (true, None, taken.path));
}

#[tokio::test]
async fn the_database_is_synced_in_full_at_every_commit() {
    let t = support::fresh().await;
    let level: i64 = sqlx::query_scalar("PRAGMA synchronous").fetch_one(&t.pool).await.unwrap();
    assert_eq!(level, 2, "FULL");
}

/// A damaged copy of a backup: cut short, a run of bytes overwritten, or bytes of nowhere.
#[derive(Debug, Clone)]
enum Damage {
    Cut(f64),
    Overwrite(f64, Vec<u8>),
    Noise(Vec<u8>),
}

fn damage() -> impl proptest::strategy::Strategy<Value = Damage> {
    use proptest::prelude::*;
    prop_oneof![
        (0.0..1.0f64).prop_map(Damage::Cut),
        ((0.0..1.0f64), prop::collection::vec(any::<u8>(), 1..16)).prop_map(|(at, b)| Damage::Overwrite(at, b)),
        prop::collection::vec(any::<u8>(), 0..2048).prop_map(Damage::Noise),
    ]
}

fn damaged(good: &[u8], how: &Damage) -> Vec<u8> {
    match how {
        Damage::Cut(at) => good[..(good.len() as f64 * at) as usize].to_vec(),
        Damage::Overwrite(at, bytes) => {
            let mut out = good.to_vec();
            let start = ((good.len() - bytes.len()) as f64 * at) as usize;
            out[start..start + bytes.len()].copy_from_slice(bytes);
            out
        }
        Damage::Noise(bytes) => bytes.clone(),
    }
}

/// Restore fuzzed (a bounded run here; `PROPTEST_CASES=5000` for a longer one): whatever the file,
/// no panic, a damaged one is refused at the file with one of the restore's sentences, and the
/// data folder is left as it was. A change the checks cannot see (a byte of a zip header that
/// nothing reads) may pass, and then restores the backup's own data.
#[test]
fn restore_of_a_damaged_file_never_panics_and_never_changes_the_data() {
    use proptest::prelude::*;
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
    let (t, good) = runtime.block_on(async {
        let t = support::demo().await;
        member_with_photo(&t).await;
        let file = t.dir.path().join("good.zip");
        backup::create(&t.pool, t.dir.path(), &file).await.unwrap();
        let good = std::fs::read(&file).unwrap();
        std::fs::remove_file(&file).unwrap();
        (t, good)
    });
    let members = runtime.block_on(live_members(&t.pool));
    let out = tempfile::tempdir().unwrap();
    let known = ["不是三亮四进工作台的备份文件", "已损坏", "来自较新版本", "无法读取"];
    let config = ProptestConfig { cases: 48, failure_persistence: None, ..ProptestConfig::default() };
    proptest!(config, |(how in damage())| {
        let file = out.path().join("坏了的 备份.zip");
        std::fs::write(&file, damaged(&good, &how)).unwrap();
        let aside = out.path().join("aside.zip");
        let result = runtime.block_on(backup::prepare_restore(&t.pool, t.dir.path(), &file, &aside));
        match result {
            Err(e) => {
                prop_assert_eq!((e.kind(), e.field()), (ErrorKind::Validation, Some("file")));
                let message = e.to_string();
                prop_assert!(known.iter().any(|k| message.contains(k)), "{}", message);
                prop_assert!(!aside.exists());
                prop_assert!(!swap::finish_pending(t.dir.path()).unwrap());
            }
            Ok(restored) => {
                prop_assert_eq!(restored.restored.members, members);
                swap::discard(t.dir.path());
                std::fs::remove_file(&aside).unwrap();
            }
        }
        prop_assert_eq!(runtime.block_on(live_members(&t.pool)), members);
    });
}
