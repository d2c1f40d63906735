use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use sanliang::common::catalog::{HistoryAction, RecordArea, RecordKind};
use sanliang::common::clock;
use sanliang::data::history::{self, fields, FieldChange, HistoryFilter};
use sanliang::db::history::{recorded_tables, trigger_names};
use sanliang::error::Error;
use sanliang::roster::members::{self, MemberInput};
use sqlx::Row;

use crate::orgs::small_tree;
use crate::support;
use crate::zones::member;

fn at(rfc3339: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(rfc3339).unwrap().with_timezone(&Utc)
}

fn all() -> HistoryFilter {
    HistoryFilter { limit: 200, ..Default::default() }
}

#[tokio::test]
async fn every_table_of_the_data_is_recorded_named_and_every_column_described() {
    let t = support::fresh().await;
    let mut conn = t.pool.acquire().await.unwrap();
    let tables: BTreeSet<String> = recorded_tables(&mut conn).await.unwrap().into_iter().collect();
    let named: BTreeSet<String> = RecordKind::ALL.iter().map(|k| k.code().to_owned()).collect();
    assert_eq!(tables, named, "a table of the data without a name in 操作记录, or a name without a table");
    let triggers: BTreeSet<String> = sqlx::query_scalar("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        .fetch_all(&mut *conn)
        .await
        .unwrap()
        .into_iter()
        .collect();
    for table in &tables {
        for name in trigger_names(table) {
            assert!(triggers.contains(&name), "{table} has no trigger {name}");
        }
        let kind = RecordKind::from_code(table).unwrap();
        let columns: Vec<String> = sqlx::query_scalar("SELECT name FROM pragma_table_info(?1)")
            .bind(table)
            .fetch_all(&mut *conn)
            .await
            .unwrap();
        for column in columns {
            assert!(fields::known(kind, &column), "{table}.{column} is neither named nor hidden in 操作记录");
        }
    }
}

#[tokio::test]
async fn the_triggers_are_renewed_only_when_their_text_changed() {
    let t = support::fresh().await;
    let dir = t.dir.path().to_owned();
    let sql = "SELECT sql FROM sqlite_master WHERE name = 'history_members_update'";
    let first: String = sqlx::query_scalar(sql).fetch_one(&t.pool).await.unwrap();
    // A trigger someone broke (or an older version's) is put right at the next opening.
    sqlx::raw_sql(
        "DROP TRIGGER history_members_update;
         CREATE TRIGGER history_members_update AFTER UPDATE ON members BEGIN SELECT 1; END;",
    )
    .execute(&t.pool)
    .await
    .unwrap();
    t.pool.close().await;
    let pool = sanliang::db::open(&dir).await.unwrap();
    let renewed: String = sqlx::query_scalar(sql).fetch_one(&pool).await.unwrap();
    assert_eq!(renewed, first);
    pool.close().await;
    // An ordinary opening rewrites nothing: the schema's cookie stays.
    let cookie = |p: &sqlx::SqlitePool| {
        let p = p.clone();
        async move { sqlx::query_scalar::<_, i64>("PRAGMA schema_version").fetch_one(&p).await.unwrap() }
    };
    let pool = sanliang::db::open(&dir).await.unwrap();
    let one = cookie(&pool).await;
    pool.close().await;
    let pool = sanliang::db::open(&dir).await.unwrap();
    assert_eq!(cookie(&pool).await, one);
}

/// Every table of the demo: a save that changes nothing leaves nothing, removing a row leaves
/// the row as it was, putting it back leaves it as it is — proven on the triggers themselves, so
/// no statement of any write path escapes them.
#[tokio::test]
async fn every_table_records_its_inserts_changes_and_removals_and_the_demo_records_nothing() {
    let t = support::demo().await;
    let logged: i64 = sqlx::query_scalar("SELECT count(*) FROM change_log").fetch_one(&t.pool).await.unwrap();
    assert_eq!(logged, 0, "loading the demo is nobody's work");
    let mut tx = t.pool.begin().await.unwrap();
    sqlx::query("PRAGMA defer_foreign_keys = ON").execute(&mut *tx).await.unwrap();
    let tables = recorded_tables(&mut tx).await.unwrap();
    let mut exercised = 0;
    for table in &tables {
        let q = sanliang::db::quoted_name(table);
        let Some(id): Option<i64> =
            sqlx::query_scalar(&format!("SELECT min(rowid) FROM {q}")).fetch_one(&mut *tx).await.unwrap()
        else {
            continue;
        };
        exercised += 1;
        let log = |action: &str| {
            format!("SELECT count(*) FROM change_log WHERE table_name = '{table}' AND row_id = {id} AND action = '{action}'")
        };
        sqlx::query(&format!("UPDATE {q} SET rowid = rowid WHERE rowid = {id}")).execute(&mut *tx).await.unwrap();
        let all: i64 = sqlx::query_scalar(&format!("SELECT count(*) FROM change_log WHERE table_name = '{table}'"))
            .fetch_one(&mut *tx)
            .await
            .unwrap();
        assert_eq!(all, 0, "{table}: a save that changes nothing is recorded");
        sqlx::query(&format!("CREATE TEMP TABLE saved AS SELECT * FROM {q} WHERE rowid = {id}"))
            .execute(&mut *tx)
            .await
            .unwrap();
        sqlx::query(&format!("DELETE FROM {q} WHERE rowid = {id}")).execute(&mut *tx).await.unwrap();
        let removed: i64 = sqlx::query_scalar(&log("delete")).fetch_one(&mut *tx).await.unwrap();
        assert_eq!(removed, 1, "{table}: a removal left no record");
        sqlx::query(&format!("INSERT INTO {q} SELECT * FROM temp.saved")).execute(&mut *tx).await.unwrap();
        let created: i64 = sqlx::query_scalar(&log("create")).fetch_one(&mut *tx).await.unwrap();
        assert_eq!(created, 1, "{table}: an insert left no record");
        // The record copied is the row: every column but bookkeeping, with its value.
        let row = sqlx::query(&format!(
            "SELECT before, (SELECT after FROM change_log WHERE table_name = '{table}' AND action = 'create') AS after
             FROM change_log WHERE table_name = '{table}' AND action = 'delete'"
        ))
        .fetch_one(&mut *tx)
        .await
        .unwrap();
        let (before, after): (String, String) = (row.get(0), row.get(1));
        assert_eq!(before, after, "{table}: removed and put back, the copies differ");
        let value: serde_json::Value = serde_json::from_str(&before).unwrap();
        assert_eq!(value["id"].as_i64(), Some(id), "{table}: {before}");
        assert!(value.get("updated_at").is_none(), "{table}: bookkeeping copied: {before}");
        sqlx::query("DROP TABLE temp.saved").execute(&mut *tx).await.unwrap();
    }
    tx.rollback().await.unwrap();
    // The community demo fills every table but the few it has no use for.
    assert!(exercised >= tables.len() - 3, "only {exercised} of {} tables had rows", tables.len());
}

fn input(org: i64, name: &str) -> MemberInput {
    MemberInput {
        org_id: Some(org),
        name: name.into(),
        gender: Some(sanliang::common::catalog::Gender::Female),
        ethnicity: "汉族".into(),
        birth_date: "1980-05-06".into(),
        joined_on: "2001-07-01".into(),
        id_number: "110105198005060029".into(),
        phone: "13812345678".into(),
        category: Some(sanliang::common::catalog::Category::NoPost),
        ..Default::default()
    }
}

#[tokio::test]
async fn a_members_history_reads_what_changed_when_and_by_whom_with_personal_data_masked() {
    let t = support::fresh().await;
    let today = support::today();
    let [_, _, community, branch, _] = small_tree(&t.pool).await;
    history::set_operator(&t.pool, "  王书记 ").await.unwrap();
    let id = clock::pinned(at("2026-11-30T01:00:00Z"), members::create(&t.pool, &input(branch.id, "张丽"), today))
        .await
        .unwrap()
        .id;
    let other = member(&t.pool, branch.id, "李明").await;
    history::set_operator(&t.pool, "刘干事").await.unwrap();
    let mut changed = input(community.id, "张丽华");
    changed.phone = "13900001111".into();
    clock::pinned(at("2026-12-01T02:30:00Z"), members::update(&t.pool, id, &changed, today)).await.unwrap();
    // Saved again unchanged: nothing to record.
    clock::pinned(at("2026-12-01T02:31:00Z"), members::update(&t.pool, id, &changed, today)).await.unwrap();
    clock::pinned(at("2026-12-02T03:00:00Z"), members::delete(&t.pool, id, today)).await.unwrap();

    let mine = history::list(&t.pool, &HistoryFilter { member_id: Some(id), ..all() }).await.unwrap();
    assert_eq!(mine.total, 3);
    let e: Vec<(HistoryAction, &str, &str, &str)> =
        mine.entries.iter().map(|e| (e.action, e.at.as_str(), e.operator.as_str(), e.subject.as_str())).collect();
    assert_eq!(
        e,
        [
            (HistoryAction::Delete, "2026-12-02T03:00:00Z", "刘干事", "张丽华"),
            (HistoryAction::Update, "2026-12-01T02:30:00Z", "刘干事", "张丽华"),
            (HistoryAction::Create, "2026-11-30T01:00:00Z", "王书记", "张丽"),
        ]
    );
    let change = |f: &str, b: &str, a: &str| FieldChange { field: f.into(), before: b.into(), after: a.into() };
    let mut update = mine.entries[1].changes.clone();
    update.sort_by(|a, b| a.field.cmp(&b.field));
    let mut expected = vec![
        change("姓名", "张丽", "张丽华"),
        change("所在支部", &branch.name, &community.name),
        change("联系电话", "138****5678", "139****1111"),
    ];
    expected.sort_by(|a, b| a.field.cmp(&b.field));
    assert_eq!(update, expected);
    let created = &mine.entries[2].changes;
    assert!(created.contains(&change("身份证号", "", "1101051980****0029")), "{created:?}");
    assert!(created.contains(&change("性别", "", "女")), "{created:?}");
    assert!(!created.iter().any(|c| c.after.contains("110105198005060029")), "an ID number shown whole");

    // The whole log, by day and area: the other member's creation is there, the member's own
    // history did not show it.
    let whole = history::list(&t.pool, &all()).await.unwrap();
    assert!(whole.entries.iter().any(|e| e.subject == "李明" && e.kind == RecordKind::Member));
    assert!(!mine.entries.iter().any(|e| e.subject == "李明"));
    let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let that_day = history::list(&t.pool, &HistoryFilter { from: Some(day), to: Some(day), ..all() }).await.unwrap();
    // The update alone (at 02:30 UTC, 12月1日 in any zone from UTC−2 to UTC+21); the rest was
    // written on the real day.
    let ats: Vec<&str> = that_day.entries.iter().map(|e| e.at.as_str()).collect();
    assert_eq!(ats, ["2026-12-01T02:30:00Z"]);
    let roster = history::list(&t.pool, &HistoryFilter { area: Some(RecordArea::Roster), ..all() }).await.unwrap();
    let pledges = history::list(&t.pool, &HistoryFilter { area: Some(RecordArea::Pledges), ..all() }).await.unwrap();
    assert_eq!(pledges.total, 0);
    assert_eq!(roster.total, whole.total, "everything written here was organizations and members");
    let _ = other;
}

#[tokio::test]
async fn an_overlong_operator_and_a_reversed_period_are_refused_at_their_fields() {
    let t = support::fresh().await;
    let long = "王".repeat(sanliang::common::limits::OPERATOR + 1);
    match history::set_operator(&t.pool, &long).await {
        Err(Error::Validation { field, message }) => {
            assert_eq!(field.as_deref(), Some("operator"));
            assert_eq!(message, format!("操作人姓名不能超过 {} 个字", sanliang::common::limits::OPERATOR));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(history::operator(&t.pool).await.unwrap(), "");
    let d = |day| chrono::NaiveDate::from_ymd_opt(2026, 12, day).unwrap();
    match history::list(&t.pool, &HistoryFilter { from: Some(d(3)), to: Some(d(1)), ..all() }).await {
        Err(Error::Validation { field, message }) => {
            assert_eq!(field.as_deref(), Some("to"));
            assert_eq!(message, "结束日期不能早于开始日期");
        }
        other => panic!("{other:?}"),
    }
}

mod bin {
    use super::*;
    use sanliang::common::catalog::ZoneItemKind;
    use sanliang::data::bin::{self, BinKey};
    use sanliang::sanliang::zones::{self, ZoneInput, ZoneItemsInput};

    #[tokio::test]
    async fn a_deleted_member_comes_back_from_the_bin_unless_their_id_number_now_belongs_to_someone_else() {
        let t = support::fresh().await;
        let today = support::today();
        let [_, _, _, branch, _] = small_tree(&t.pool).await;
        let id = members::create(&t.pool, &input(branch.id, "张丽"), today).await.unwrap().id;
        members::delete(&t.pool, id, today).await.unwrap();
        let listed = bin::list(&t.pool).await.unwrap();
        let subjects: Vec<(RecordKind, &str)> = listed.iter().map(|e| (e.kind, e.subject.as_str())).collect();
        assert_eq!(subjects, [(RecordKind::Member, "张丽")]);
        // Someone else now holds the ID number: refused at the field, nothing changed.
        let newcomer = members::create(&t.pool, &input(branch.id, "张丽娟"), today).await.unwrap();
        match bin::restore(&t.pool, t.dir.path(), &BinKey { kind: RecordKind::Member, id }).await {
            Err(Error::Conflict { field, message }) => {
                assert_eq!(field.as_deref(), Some("idNumber"));
                assert_eq!(
                    message,
                    "身份证号 1101051980****0029 现在属于党员“张丽娟”，不能恢复。如果是同一个人，请直接使用现有的记录"
                );
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(bin::list(&t.pool).await.unwrap().len(), 1);
        members::delete(&t.pool, newcomer.id, today).await.unwrap();
        bin::restore(&t.pool, t.dir.path(), &BinKey { kind: RecordKind::Member, id }).await.unwrap();
        assert_eq!(members::get(&t.pool, id).await.unwrap().name, "张丽");
        let listed = bin::list(&t.pool).await.unwrap();
        assert_eq!(listed.iter().map(|e| e.subject.as_str()).collect::<Vec<_>>(), ["张丽娟"]);
        // The restore is in her history.
        let mine = history::list(&t.pool, &HistoryFilter { member_id: Some(id), ..all() }).await.unwrap();
        assert_eq!(mine.entries[0].action, HistoryAction::Restore);
        // Restoring again: it is no longer there.
        match bin::restore(&t.pool, t.dir.path(), &BinKey { kind: RecordKind::Member, id }).await {
            Err(Error::NotFound(m)) => assert_eq!(m, "回收站中没有这条记录（可能已经恢复或已清空）"),
            other => panic!("{other:?}"),
        }
    }

    #[tokio::test]
    async fn a_zone_comes_back_with_the_lanes_deleted_with_it_and_a_clash_of_names_is_refused() {
        let t = support::fresh().await;
        let [_, _, community, _, _] = small_tree(&t.pool).await;
        let zone =
            zones::create(&t.pool, &ZoneInput { community_id: Some(community.id), name: "环湖第一责任区".into() })
                .await
                .unwrap();
        let items =
            ZoneItemsInput { zone_id: zone.id, kind: ZoneItemKind::Lane, names: "湖滨1巷\n湖滨2巷".into() };
        zones::add_items(&t.pool, &items).await.unwrap();
        zones::delete(&t.pool, zone.id).await.unwrap();
        let listed = bin::list(&t.pool).await.unwrap();
        assert_eq!(listed.len(), 1, "the lanes are listed with their zone: {listed:?}");
        assert_eq!((listed[0].kind, listed[0].with), (RecordKind::Zone, 2));
        assert_eq!(listed[0].subject, format!("{} · 环湖第一责任区", community.name));
        // A new zone of the same name: the old one cannot come back beside it.
        let again =
            zones::create(&t.pool, &ZoneInput { community_id: Some(community.id), name: "环湖第一责任区".into() })
                .await
                .unwrap();
        match bin::restore(&t.pool, t.dir.path(), &BinKey { kind: RecordKind::Zone, id: zone.id }).await {
            Err(Error::Conflict { field: None, message }) => {
                assert_eq!(
                    message,
                    "现有的责任区中已有与它相同的一条（同名或同一年度），不能恢复。请先修改或删除现有的责任区"
                )
            }
            other => panic!("{other:?}"),
        }
        zones::delete(&t.pool, again.id).await.unwrap();
        bin::restore(&t.pool, t.dir.path(), &BinKey { kind: RecordKind::Zone, id: zone.id }).await.unwrap();
        let live: i64 = sqlx::query_scalar("SELECT count(*) FROM zone_items WHERE zone_id = ?1 AND deleted_at IS NULL")
            .bind(zone.id)
            .fetch_one(&t.pool)
            .await
            .unwrap();
        assert_eq!(live, 2);
    }

    #[tokio::test]
    async fn emptying_removes_the_bin_with_what_belongs_to_it_its_history_and_its_files_only() {
        let t = support::fresh().await;
        let today = support::today();
        let [_, _, _, branch, _] = small_tree(&t.pool).await;
        let gone = members::create(&t.pool, &input(branch.id, "张丽"), today).await.unwrap().id;
        let kept = member(&t.pool, branch.id, "李明").await;
        let photos = t.dir.path().join(sanliang::common::files::PHOTO_DIR);
        std::fs::create_dir_all(&photos).unwrap();
        for (id, file) in [(gone, "gone.jpg"), (kept, "kept.jpg")] {
            std::fs::write(photos.join(file), b"jpeg").unwrap();
            sqlx::query("UPDATE members SET photo = ?1 WHERE id = ?2")
                .bind(file)
                .bind(id)
                .execute(&t.pool)
                .await
                .unwrap();
        }
        let mark = sanliang::sanliang::identity::BulkMark {
            selection: sanliang::sanliang::identity::MemberSelection::Ids(vec![gone, kept]),
            mark_type: sanliang::common::catalog::MarkType::Badge,
            shown_on: "2026-11-01".into(),
            place: String::new(),
        };
        sanliang::sanliang::identity::record_bulk(&t.pool, &mark, today).await.unwrap();
        members::delete(&t.pool, gone, today).await.unwrap();
        let asked = bin::preview_empty(&t.pool).await.unwrap();
        // The member, and the mark that belonged to her.
        assert_eq!((asked.deleted, asked.records, asked.files), (1, 2, 1));
        let done = bin::empty(&t.pool, t.dir.path()).await.unwrap();
        assert_eq!(done, asked);
        assert!(!photos.join("gone.jpg").exists());
        assert!(photos.join("kept.jpg").exists());
        assert!(bin::list(&t.pool).await.unwrap().is_empty());
        let about_her: i64 = sqlx::query_scalar("SELECT count(*) FROM change_log WHERE member_id = ?1")
            .bind(gone)
            .fetch_one(&t.pool)
            .await
            .unwrap();
        assert_eq!(about_her, 0, "her personal data stays in the log");
        assert_eq!(members::get(&t.pool, kept).await.unwrap().name, "李明");
        let ok: String =
            sqlx::query_scalar("PRAGMA foreign_key_check").fetch_optional(&t.pool).await.unwrap().unwrap_or_default();
        assert_eq!(ok, "");
    }

    fn picture(dir: &std::path::Path, name: &str, icon: &str) -> std::path::PathBuf {
        let path = dir.join(name);
        std::fs::copy(format!("{}/icons/{icon}", env!("CARGO_MANIFEST_DIR")), &path).unwrap();
        path
    }

    #[tokio::test]
    async fn a_replaced_photo_waits_in_the_bin_and_comes_back_sending_the_newer_one_there() {
        let t = support::fresh().await;
        let [_, _, _, branch, _] = small_tree(&t.pool).await;
        let id = member(&t.pool, branch.id, "李明").await;
        let (first, second) =
            (picture(t.dir.path(), "旧 照片.png", "32x32.png"), picture(t.dir.path(), "新照片.png", "128x128.png"));
        let photos = sanliang::roster::photos::path;
        sanliang::roster::photos::set(&t.pool, t.dir.path(), sanliang::roster::photos::Whose::Member(id), &first)
            .await
            .unwrap();
        sanliang::roster::photos::set(&t.pool, t.dir.path(), sanliang::roster::photos::Whose::Member(id), &second)
            .await
            .unwrap();
        let listed = bin::list(&t.pool).await.unwrap();
        let seen: Vec<(RecordKind, &str)> = listed.iter().map(|e| (e.kind, e.subject.as_str())).collect();
        assert_eq!(seen, [(RecordKind::BinnedFile, "李明 · 照片")]);
        bin::restore(&t.pool, t.dir.path(), &BinKey { kind: RecordKind::BinnedFile, id: listed[0].id }).await.unwrap();
        let now = photos(&t.pool, t.dir.path(), sanliang::roster::photos::Whose::Member(id)).await.unwrap().unwrap();
        assert_eq!(std::fs::read(now).unwrap(), std::fs::read(&first).unwrap(), "the first photo is back");
        let listed = bin::list(&t.pool).await.unwrap();
        assert_eq!(listed.len(), 1, "the newer one went to the bin in its stead");
        // Emptied, the bin's files go; the photo in use stays.
        let emptied = bin::empty(&t.pool, t.dir.path()).await.unwrap();
        assert_eq!((emptied.deleted, emptied.files), (1, 1), "{emptied:?}");
        assert_eq!(std::fs::read_dir(t.dir.path().join("bin")).unwrap().count(), 0);
        assert!(photos(&t.pool, t.dir.path(), sanliang::roster::photos::Whose::Member(id))
            .await
            .unwrap()
            .unwrap()
            .exists());
    }

    #[tokio::test]
    async fn a_replaced_emblem_comes_back_from_the_bin() {
        let t = support::fresh().await;
        let (first, second) =
            (picture(t.dir.path(), "党徽.png", "32x32.png"), picture(t.dir.path(), "党徽 新.png", "128x128.png"));
        sanliang::print::settings::set_emblem(&t.pool, t.dir.path(), &first).await.unwrap();
        sanliang::print::settings::set_emblem(&t.pool, t.dir.path(), &second).await.unwrap();
        let listed = bin::list(&t.pool).await.unwrap();
        assert_eq!(listed.iter().map(|e| e.subject.as_str()).collect::<Vec<_>>(), ["党徽图案"]);
        bin::restore(&t.pool, t.dir.path(), &BinKey { kind: RecordKind::BinnedFile, id: listed[0].id }).await.unwrap();
        let now = sanliang::print::settings::emblem_path(t.dir.path()).unwrap();
        assert_eq!(std::fs::read(now).unwrap(), std::fs::read(&first).unwrap());
        sanliang::print::settings::clear_emblem(&t.pool, t.dir.path()).await.unwrap();
        assert!(sanliang::print::settings::emblem_path(t.dir.path()).is_none());
        assert_eq!(bin::list(&t.pool).await.unwrap().len(), 2, "both are in the bin now");
    }
}

#[tokio::test]
async fn a_save_over_a_change_made_since_the_form_opened_is_refused_with_when_and_by_whom() {
    let t = support::fresh().await;
    let today = support::today();
    let [_, _, _, branch, _] = small_tree(&t.pool).await;
    let id = members::create(&t.pool, &input(branch.id, "张丽"), today).await.unwrap().id;
    // The form opens.
    let opened = members::get(&t.pool, id).await.unwrap();
    // Meanwhile the command line (an import, say) changes her, as 刘干事.
    history::set_operator(&t.pool, "刘干事").await.unwrap();
    let mut elsewhere = input(branch.id, "张丽");
    elsewhere.address = "湖滨路 8 号".into();
    clock::pinned(at("2026-12-01T02:30:00Z"), members::update(&t.pool, id, &elsewhere, today)).await.unwrap();
    // The form saves what it showed: refused, nothing overwritten.
    let mut form = input(branch.id, "张丽");
    form.phone = "13900001111".into();
    form.version = Some(opened.version);
    match members::update(&t.pool, id, &form, today).await {
        Err(Error::Conflict { field, message }) => {
            assert_eq!(field.as_deref(), Some(sanliang::common::versions::FIELD));
            let when = sanliang::common::versions::stale("党员“张丽”的信息", "2026-12-01T02:30:00Z", "刘干事");
            assert_eq!(message, when);
            assert!(message.starts_with("党员“张丽”的信息在您打开之后又被修改过（12月1日 "), "{message}");
            assert!(
                message.ends_with("，操作人：刘干事）。为免覆盖这些修改，这次没有保存。请关闭窗口，重新打开后再修改。"),
                "{message}"
            );
        }
        other => panic!("{other:?}"),
    }
    let now = members::get(&t.pool, id).await.unwrap();
    assert_eq!((now.address.as_str(), now.phone.as_str()), ("湖滨路 8 号", "13812345678"));
    // Opened again, the same save goes through.
    form.version = Some(now.version);
    form.address = now.address.clone();
    let saved = members::update(&t.pool, id, &form, today).await.unwrap();
    assert_eq!(saved.phone, "13900001111");
    assert!(saved.version > now.version, "a save gives a new version");
}

#[tokio::test]
async fn importing_the_roster_as_it_stands_records_nothing_and_a_changed_row_is_recorded_once() {
    use sanliang::data::import::columns::Column;
    use sanliang::data::import::sheet::Cell;
    use sanliang::data::import::{self, ImportOptions, OnDuplicate};
    let t = support::demo().await;
    let everyone = sanliang::roster::members::MemberQuery::default();
    let (bytes, _) = sanliang::data::export::members_workbook(&t.pool, &everyone, true).await.unwrap();
    let file = t.dir.path().join("全体 花名册.xlsx");
    std::fs::write(&file, bytes).unwrap();
    let mut sheets = import::read(&file).await.unwrap();
    let options = ImportOptions { on_duplicate: OnDuplicate::Update, ..Default::default() };
    let logged =
        || async { sqlx::query_scalar::<_, i64>("SELECT count(*) FROM change_log").fetch_one(&t.pool).await.unwrap() };
    let report = import::import_sheets(&t.pool, &sheets, &options, support::today()).await.unwrap();
    let members: i64 =
        sqlx::query_scalar("SELECT count(*) FROM members WHERE deleted_at IS NULL").fetch_one(&t.pool).await.unwrap();
    assert_eq!((report.updated as i64, report.created), (members, 0));
    assert_eq!(logged().await, 0, "the roster as it stands changes nothing");
    // One address changed in the file: one record, of that change.
    let is_address = |c: &Cell| matches!(c, Cell::Text(t) if Column::Address.headers().contains(&t.as_str()));
    let rows = &mut sheets[0].rows;
    let head = rows.iter().position(|r| r.iter().any(is_address)).unwrap();
    let address = rows[head].iter().position(is_address).unwrap();
    let row =
        (head + 1..rows.len()).find(|&i| matches!(rows[i].get(address), Some(Cell::Text(t)) if !t.is_empty())).unwrap();
    let Some(Cell::Text(old)) = rows[row].get(address).cloned() else { unreachable!() };
    rows[row][address] = Cell::Text(format!("{old}（新）"));
    import::import_sheets(&t.pool, &sheets, &options, support::today()).await.unwrap();
    let page = history::list(&t.pool, &all()).await.unwrap();
    assert_eq!(page.total, 1);
    assert_eq!(page.entries[0].action, HistoryAction::Update);
    assert_eq!(
        page.entries[0].changes,
        [FieldChange { field: "现居住地".into(), before: old.clone(), after: format!("{old}（新）") }]
    );
}
