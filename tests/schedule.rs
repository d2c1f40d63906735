//! 服务安排: repeating dates, moving and cancelling one of them, checks with their messages,
//! clashes, tying a recorded activity to its date, missed dates from the day after, the home
//! page's reminder and copying last month — on a real database with a small county.

use chrono::NaiveDate;
use sanliang::common::catalog::{PlanStatus, PlanWho, RecordKind, Shift};
use sanliang::common::period::Period;
use sanliang::error::ErrorKind;
use sanliang::overview::reminders;
use sanliang::sijin::schedule::{self, PlanEntry, PlanInput};
use sqlx::SqlitePool;

use crate::support::{self, TestDb};

const DAJIE: i64 = 11;
const HEZUI: i64 = 12;
const MINZHENG: i64 = 40;
const WANG: i64 = 7;
const ZHAO: i64 = 8;
const LI_HUA: i64 = 5;
const DAJIE_POINT: i64 = 1;
const HEZUI_POINT: i64 = 2;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

const FIXTURE: &str = r#"
INSERT INTO organizations (id, uuid, parent_id, kind, unit_kind, name, path, sort_order, created_at, updated_at) VALUES
  (1, 'o1', NULL, 'county', NULL, '宁县', '/1/', 1, 't', 't'),
  (2, 'o2', 1, 'township', NULL, '大街街道', '/1/2/', 1, 't', 't'),
  (11, 'o11', 2, 'community', NULL, '大街社区', '/1/2/11/', 1, 't', 't'),
  (12, 'o12', 2, 'community', NULL, '河咀社区', '/1/2/12/', 2, 't', 't'),
  (40, 'o40', NULL, 'unit', 'organ', '县民政局', '/40/', 9, 't', 't');
INSERT INTO pairings (id, uuid, unit_id, community_id, start_on, created_at, updated_at) VALUES
  (1, 'p1', 40, 11, '2026-01-01', 't', 't');
INSERT INTO contact_leaders (id, uuid, name, level, created_at, updated_at) VALUES
  (7, 'l7', '王建国', 'county', 't', 't'), (8, 'l8', '赵敏', 'township', 't', 't');
INSERT INTO leader_communities (id, uuid, leader_id, community_id, start_on, created_at, updated_at) VALUES
  (1, 'lc1', 7, 11, '2026-01-01', 't', 't'), (2, 'lc2', 8, 12, '2026-01-01', 't', 't');
INSERT INTO deputies (id, uuid, name, roles, created_at, updated_at) VALUES (5, 'd5', '李华', 'npc', 't', 't');
INSERT INTO deputy_communities (id, uuid, deputy_id, community_id, start_on, created_at, updated_at) VALUES
  (1, 'dc1', 5, 11, '2026-01-01', 't', 't'), (2, 'dc2', 5, 12, '2026-01-01', 't', 't');
INSERT INTO reception_points (id, uuid, community_id, place, schedule, created_at, updated_at) VALUES
  (1, 'r1', 11, '大街社区接待点', '每周二上午', 't', 't'), (2, 'r2', 12, '河咀社区接待点', '每周三上午', 't', 't');
"#;

async fn county() -> TestDb {
    let db = support::fresh().await;
    sqlx::raw_sql(FIXTURE).execute(&db.pool).await.unwrap();
    db
}

/// The deputy's weekly duty at 大街社区's reception point, Tuesday mornings from 1 December.
fn duty() -> PlanInput {
    PlanInput {
        community_id: Some(DAJIE),
        on_date: "2026-12-01".into(),
        shift: Some(Shift::Morning),
        reception_point_id: Some(DAJIE_POINT),
        who_kind: Some(PlanWho::Deputy),
        who_id: Some(LI_HUA),
        service: "政策解答".into(),
        repeat: "weekly:2".into(),
        ..Default::default()
    }
}

/// The paired unit's free clinic on the square, 3 December in the afternoon.
fn clinic() -> PlanInput {
    PlanInput {
        community_id: Some(DAJIE),
        on_date: "2026-12-03".into(),
        shift: Some(Shift::Afternoon),
        place: "社区广场".into(),
        who_kind: Some(PlanWho::Unit),
        who_id: Some(MINZHENG),
        service: "义务诊疗".into(),
        ..Default::default()
    }
}

async fn plan(pool: &SqlitePool, input: PlanInput, today: &str) -> Vec<PlanEntry> {
    schedule::plan(pool, &input, d(today)).await.unwrap()
}

async fn month(pool: &SqlitePool, org: i64, m: u32, today: &str) -> schedule::MonthPlan {
    let period = if m == 1 { Period::Month(2027, 1) } else { Period::Month(2026, m) };
    schedule::month_plan(pool, Some(org), period, d(today)).await.unwrap()
}

fn days(entries: &[PlanEntry]) -> Vec<String> {
    entries.iter().map(|e| e.on_date.format("%m-%d").to_string()).collect()
}

#[tokio::test]
async fn a_weekly_duty_gives_the_months_tuesdays_and_one_date_moves_or_cancels_alone() {
    let db = county().await;
    let made = plan(&db.pool, duty(), "2026-11-28").await;
    assert_eq!(days(&made), ["12-01", "12-08", "12-15", "12-22", "12-29"]);
    assert!(made.iter().all(|e| e.repeat_label.as_deref() == Some("每周二") && e.series == made[0].series));
    assert_eq!(
        (made[0].place.as_str(), made[0].who.as_str(), made[0].weekday.as_str()),
        ("大街社区接待点", "李华", "周二")
    );

    // The 8th moves to Wednesday the 9th; the 15th is called off.
    let moved =
        schedule::update(&db.pool, made[1].id, &PlanInput { on_date: "2026-12-09".into(), ..duty() }, d("2026-11-28"))
            .await
            .unwrap();
    assert_eq!((moved.on_date, moved.moved_from), (d("2026-12-09"), Some(d("2026-12-08"))));
    let cancelled = schedule::cancel(&db.pool, made[2].id, true, d("2026-11-28")).await.unwrap();
    assert_eq!(cancelled.status, PlanStatus::Cancelled);

    let dec = month(&db.pool, DAJIE, 12, "2026-11-28").await;
    assert_eq!(days(&dec.entries), ["12-01", "12-09", "12-15", "12-22", "12-29"]);
    let statuses: Vec<PlanStatus> = dec.entries.iter().map(|e| e.status).collect();
    use PlanStatus::*;
    assert_eq!(statuses, [Due, Due, Cancelled, Due, Due]);
    assert_eq!(dec.entries[1].moved_from, Some(d("2026-12-08")));
    assert!(dec.entries.iter().all(|e| e.series == made[0].series), "the moved date stays in its series");

    // Brought back, the 15th is due again; moved back, the 9th forgets it was moved.
    let back = schedule::cancel(&db.pool, made[2].id, false, d("2026-11-28")).await.unwrap();
    assert_eq!(back.status, PlanStatus::Due);
    let home =
        schedule::update(&db.pool, made[1].id, &PlanInput { on_date: "2026-12-08".into(), ..duty() }, d("2026-11-28"))
            .await
            .unwrap();
    assert_eq!(home.moved_from, None);
}

#[tokio::test]
async fn a_plan_that_cannot_be_kept_is_refused_at_its_field_and_nothing_is_written() {
    let db = county().await;
    let today = d("2026-11-28");
    let cases: Vec<(PlanInput, &str, &str)> = vec![
        (PlanInput { service: " ".into(), ..clinic() }, "service", "请填写服务内容"),
        (PlanInput { who_id: Some(99), ..clinic() }, "whoId", "所选单位未与这个社区结对共建"),
        (PlanInput { community_id: Some(HEZUI), ..clinic() }, "whoId", "所选单位未与这个社区结对共建"),
        (
            PlanInput { who_kind: Some(PlanWho::Leader), who_id: Some(ZHAO), ..clinic() },
            "whoId",
            "所选领导不是这个社区的联系领导",
        ),
        (
            PlanInput { who_kind: Some(PlanWho::Team), who_id: None, ..clinic() },
            "whoName",
            "请填写志愿服务队或承办单位",
        ),
        (PlanInput { reception_point_id: Some(HEZUI_POINT), ..duty() }, "receptionPointId", "所选接待点不属于这个社区"),
        (PlanInput { place: String::new(), ..clinic() }, "place", "请选择接待点或填写地点"),
        (PlanInput { community_id: Some(2), ..clinic() }, "communityId", "服务安排按社区制定，请选择一个社区"),
        (PlanInput { on_date: "2026-02-30".into(), ..clinic() }, "onDate", "请填写有效的日期（格式：2026-11-28）"),
        (PlanInput { on_date: "2028-01-05".into(), ..clinic() }, "onDate", "服务安排的日期应在今天前后一年之内"),
        (
            PlanInput { shift: Some(Shift::Hours), starts_at: "10:00".into(), ends_at: "9:30".into(), ..clinic() },
            "endsAt",
            "结束时间应晚于开始时间",
        ),
        (
            PlanInput { shift: Some(Shift::Hours), starts_at: "上午".into(), ..clinic() },
            "startsAt",
            "请填写开始时间，如 09:00",
        ),
        (PlanInput { repeat: "weekly:9".into(), ..duty() }, "repeat", "重复方式不对，请重新选择"),
        (
            PlanInput { on_date: "2026-12-06".into(), repeat: "nth:1:6".into(), ..duty() },
            "repeat",
            "12月6日起本月没有“每月第一个周六”的日期",
        ),
    ];
    for (input, field, message) in cases {
        let err = schedule::plan(&db.pool, &input, today).await.unwrap_err();
        assert_eq!(
            (err.kind(), err.field(), err.to_string().as_str()),
            (ErrorKind::Validation, Some(field), message),
            "{input:?}"
        );
    }
    let rows: i64 = sqlx::query_scalar("SELECT count(*) FROM schedule_entries").fetch_one(&db.pool).await.unwrap();
    assert_eq!(rows, 0);
}

#[tokio::test]
async fn clashes_are_shown_for_a_deputy_twice_a_point_twice_and_a_leader_with_nothing_planned() {
    let db = county().await;
    let duty = plan(&db.pool, duty(), "2026-11-28").await;
    // The same deputy at 河咀's point on Tuesday 8 December, also in the morning.
    let elsewhere = PlanInput {
        community_id: Some(HEZUI),
        on_date: "2026-12-08".into(),
        reception_point_id: Some(HEZUI_POINT),
        repeat: String::new(),
        ..self::duty()
    };
    let hezui = plan(&db.pool, elsewhere, "2026-11-28").await;
    // A team at 大街's point all day on the 22nd, when the deputy is there in the morning.
    let team = PlanInput {
        on_date: "2026-12-22".into(),
        shift: Some(Shift::AllDay),
        who_kind: Some(PlanWho::Team),
        who_id: None,
        who_name: "县医院志愿服务队".into(),
        service: "义务诊疗".into(),
        repeat: String::new(),
        ..self::duty()
    };
    let team = plan(&db.pool, team, "2026-11-28").await;

    let dec = month(&db.pool, DAJIE, 12, "2026-11-28").await;
    let found: Vec<(&str, Vec<i64>, &str)> =
        dec.clashes.iter().map(|c| (c.code.as_str(), c.entry_ids.clone(), c.detail.as_str())).collect();
    assert_eq!(
        found,
        [
            (
                "deputy_twice",
                vec![duty[1].id, hezui[0].id],
                "12月8日上午，李华同时安排在大街社区接待点（大街社区）和河咀社区接待点（河咀社区）"
            ),
            (
                "point_twice",
                vec![duty[3].id, team[0].id],
                "12月22日上午，大街社区接待点同时安排了李华和县医院志愿服务队"
            ),
            ("leader_unplanned", vec![], "王建国—大街社区"),
        ]
    );
    // Planning the leader's visit answers the last one.
    let visit = PlanInput {
        on_date: "2026-12-10".into(),
        reception_point_id: None,
        place: "社区会议室".into(),
        who_kind: Some(PlanWho::Leader),
        who_id: Some(WANG),
        service: "民情恳谈".into(),
        repeat: String::new(),
        ..self::duty()
    };
    plan(&db.pool, visit, "2026-11-28").await;
    let dec = month(&db.pool, DAJIE, 12, "2026-11-28").await;
    assert!(dec.clashes.iter().all(|c| c.code != "leader_unplanned"), "{:?}", dec.clashes);
    // 河咀's own plan shows the deputy clash too, and its leader with nothing planned.
    let hezui_plan = month(&db.pool, HEZUI, 12, "2026-11-28").await;
    let codes: Vec<&str> = hezui_plan.clashes.iter().map(|c| c.code.as_str()).collect();
    assert_eq!(codes, ["deputy_twice", "leader_unplanned"]);
}

#[tokio::test]
async fn a_recorded_activity_fulfils_its_date_and_a_date_with_nothing_recorded_is_missed_the_day_after() {
    let db = county().await;
    let duty = plan(&db.pool, duty(), "2026-11-28").await;
    let clinic = plan(&db.pool, clinic(), "2026-11-28").await.remove(0);
    // The unit's clinic is recorded as its support to the community, a day late.
    sqlx::raw_sql(
        "INSERT INTO support_records (id, uuid, pairing_id, kind, given_on, description, created_at, updated_at)
         VALUES (1, 's1', 1, 'activity', '2026-12-04', '义诊进社区', 't', 't'),
                (2, 's2', 1, 'activity', '2026-12-20', '慰问困难党员', 't', 't')",
    )
    .execute(&db.pool)
    .await
    .unwrap();
    let proposed = schedule::candidates(&db.pool, clinic.id).await.unwrap();
    let labels: Vec<(RecordKind, &str)> = proposed.iter().map(|r| (r.kind, r.label.as_str())).collect();
    assert_eq!(labels, [(RecordKind::SupportRecord, "县民政局 义诊进社区")], "the one within a week, not the 20th's");
    assert!(schedule::candidates(&db.pool, duty[0].id).await.unwrap().is_empty(), "nothing the deputy recorded");

    let err = schedule::fulfil(&db.pool, clinic.id, RecordKind::SupportRecord, 2, d("2026-12-04")).await.unwrap_err();
    assert_eq!((err.kind(), err.field()), (ErrorKind::Validation, Some("record")));
    let done = schedule::fulfil(&db.pool, clinic.id, RecordKind::SupportRecord, 1, d("2026-12-04")).await.unwrap();
    assert_eq!(done.status, PlanStatus::Done);
    assert_eq!(done.fulfilled_by.as_ref().map(|r| r.label.as_str()), Some("12月4日 县民政局 义诊进社区"));

    // The duty of Tuesday 1 December is due that day and missed from the 2nd.
    let on = |today: &str| {
        let pool = db.pool.clone();
        let today = today.to_owned();
        async move { month(&pool, DAJIE, 12, &today).await.entries.iter().map(|e| e.status).collect::<Vec<_>>() }
    };
    use PlanStatus::*;
    assert_eq!(on("2026-12-01").await, [Due, Done, Due, Due, Due, Due]);
    assert_eq!(on("2026-12-02").await, [Missed, Done, Due, Due, Due, Due]);

    let today = d("2026-12-04");
    let missed = schedule::missed(&db.pool, Some(DAJIE), today).await.unwrap();
    assert_eq!(missed.iter().map(|e| e.id).collect::<Vec<_>>(), [duty[0].id]);
    let reminder =
        reminders::for_today(&db.pool, Some(2), today).await.unwrap().into_iter().find(|r| r.key == "schedule");
    let reminder = reminder.expect("the home page reminds of the missed date");
    assert_eq!(
        (reminder.title.as_str(), reminder.examples.clone(), reminder.route.as_str()),
        ("1项服务安排已过期未记录", vec!["12月1日上午 政策解答（大街社区）".to_owned()], "/schedule")
    );

    // A cancelled date is neither missed nor reminded of; untied, the clinic is missed again.
    schedule::cancel(&db.pool, duty[0].id, true, today).await.unwrap();
    assert!(schedule::missed(&db.pool, Some(DAJIE), today).await.unwrap().is_empty());
    let untied = schedule::unfulfil(&db.pool, clinic.id, today).await.unwrap();
    assert_eq!(untied.status, PlanStatus::Missed);
    let called_off = schedule::cancel(&db.pool, clinic.id, true, today).await.unwrap();
    assert_eq!(called_off.status, PlanStatus::Cancelled, "with nothing recorded a missed date may be called off");
}

#[tokio::test]
async fn last_months_plan_is_copied_once_series_by_their_rule_single_dates_by_their_day() {
    let db = county().await;
    plan(&db.pool, duty(), "2026-11-28").await;
    plan(&db.pool, clinic(), "2026-11-28").await;
    let eve = PlanInput { on_date: "2026-12-31".into(), service: "敬老".into(), ..clinic() };
    plan(&db.pool, eve, "2026-11-28").await;
    let off = plan(
        &db.pool,
        PlanInput { on_date: "2026-12-18".into(), service: "法律咨询".into(), ..clinic() },
        "2026-11-28",
    )
    .await;
    schedule::cancel(&db.pool, off[0].id, true, d("2026-11-28")).await.unwrap();

    let jan = Period::Month(2027, 1);
    let first = schedule::copy_previous(&db.pool, DAJIE, jan).await.unwrap();
    assert_eq!((first.created, first.skipped), (6, 0));
    let plan_jan = month(&db.pool, DAJIE, 1, "2026-12-20").await;
    let got: Vec<(String, &str)> =
        plan_jan.entries.iter().map(|e| (e.on_date.format("%m-%d").to_string(), e.service.as_str())).collect();
    let want = [
        ("01-03", "义务诊疗"),
        ("01-05", "政策解答"),
        ("01-12", "政策解答"),
        ("01-19", "政策解答"),
        ("01-26", "政策解答"),
        ("01-31", "敬老"),
    ];
    assert_eq!(got, want.map(|(a, b)| (a.to_owned(), b)));
    assert!(plan_jan.entries.iter().all(|e| e.status == PlanStatus::Due));

    let again = schedule::copy_previous(&db.pool, DAJIE, jan).await.unwrap();
    assert_eq!((again.created, again.skipped), (0, 6), "copying twice adds nothing");
    let err = schedule::copy_previous(&db.pool, HEZUI, jan).await.unwrap_err();
    assert_eq!((err.field(), err.to_string().as_str()), (Some("month"), "2026年12月没有服务安排，无可复制"));
}

#[test]
fn the_command_line_prints_the_months_plan_with_where_each_date_stands_and_the_clash() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_str().unwrap();
    let run = |args: &[&str]| {
        let out = support::cli().args(args).arg("--data-dir").arg(data).output().unwrap();
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    assert!(run(&["demo"]).0);
    // The tests' today is 2026-11-28: November's dates have passed (done or missed), December's are to come.
    let (ok, out, err) = run(&["schedule", "--month", "2026-11"]);
    assert!(ok, "{err}");
    let figure = |label: &str| -> usize {
        out.lines()
            .find_map(|l| l.strip_prefix(&format!("{label}\t")))
            .unwrap_or_else(|| panic!("{label}: {out}"))
            .parse()
            .unwrap()
    };
    let entries: Vec<&str> = out.lines().filter(|l| l.starts_with("安排：")).collect();
    let header = format!("2026年11月服务安排\t{}项", entries.len());
    assert_eq!(out.lines().next(), Some(header.as_str()));
    for (label, status) in [("已完成", "已完成"), ("已过期未记录", "已过期未记录")] {
        let listed = entries.iter().filter(|l| l.contains(&format!("\t{status}"))).count();
        assert!(listed > 0, "no {status} in the demo: {out}");
        assert_eq!(listed, figure(label), "{label}");
    }
    assert!(
        entries.iter().filter(|l| l.contains("\t已完成\t")).all(|l| l.matches('\t').count() >= 8),
        "a done date names its record"
    );
    let clashes: Vec<&str> = out.lines().filter(|l| l.starts_with("冲突：")).collect();
    assert_eq!(clashes.len(), 1, "the demo's one clash: {out}");
    assert!(clashes[0].starts_with("冲突：同一接待点同一时段安排了两支队伍\t"), "{}", clashes[0]);
    let (ok, december, _) = run(&["schedule", "--month", "2026-12"]);
    assert!(ok && december.lines().filter(|l| l.starts_with("安排：")).all(|l| l.contains("\t未到期")), "{december}");
    let (ok, _, err) = run(&["schedule", "--month", "2026-13"]);
    assert!(!ok && err.contains("请填写月份（格式：2026-11）"), "{err}");
}

#[cfg_attr(
    windows,
    ignore = "poppler is a Linux program; the bytes are pinned by print::the_same_data_prints_the_same_bytes_on_every_system"
)]
#[tokio::test]
async fn the_months_sheet_and_the_deputies_passes_print_what_was_planned() {
    use sanliang::print::data::Selection;
    use sanliang::print::{self, Paper, PrintKind, PrintOptions};
    let t = crate::print::demo_with_print_settings().await;
    let hezui = crate::print::hezui(&t.pool).await;
    let november = Period::Month(2026, 11);
    let plan = schedule::month_plan(&t.pool, Some(hezui), november, support::today()).await.unwrap();
    // One date called off: it leaves the sheet.
    let off = &plan.entries[1];
    schedule::cancel(&t.pool, off.id, true, support::today()).await.unwrap();
    let options = |kind| PrintOptions {
        kind,
        selection: Selection { org_id: Some(hezui), ..Default::default() },
        year: None,
        paper: Paper::A4,
        crop_marks: true,
        month: Some("2026-11".into()),
    };
    let job = print::prepare(&t.pool, t.dir.path(), options(PrintKind::Schedule), support::today()).await.unwrap();
    let (bytes, summary) = job.compose(None, &mut |_, _| true).unwrap();
    assert_eq!((summary.items, summary.sheets), (plan.entries.len() - 1, 1));
    let text = crate::print::pdftotext(&bytes).replace(' ', "");
    for expected in ["河咀社区党总支2026年11月服务安排", "服务单位（人员）", "监督电话：0877-8012345", "第1页共1页"]
    {
        assert!(text.contains(expected), "{expected}: {text}");
    }
    let dated = |e: &PlanEntry| format!("{}{}{}", e.on_date.format("%-m月%-d日"), e.weekday, e.time_label);
    for e in plan.entries.iter().filter(|e| e.id != off.id) {
        assert!(text.contains(&dated(e)), "{} missing: {text}", dated(e));
    }
    let lines_of = |t: &str, e: &PlanEntry| t.lines().filter(|l| l.contains(&dated(e))).count();
    let same_slot = plan.entries.iter().filter(|e| dated(e) == dated(off)).count();
    assert_eq!(lines_of(&text, off), same_slot - 1, "the cancelled date is left off");
    // A month with nothing planned has nothing to print, and says so.
    let mut empty = options(PrintKind::Schedule);
    empty.month = Some("2027-01".into());
    let err = print::prepare(&t.pool, t.dir.path(), empty, support::today()).await.err().unwrap();
    assert_eq!(err.to_string(), "所选范围内2027年1月没有服务安排，没有可打印的内容");

    // The passes: one per deputy paired with 河咀, ten to a sheet, each with every community.
    let job = print::prepare(&t.pool, t.dir.path(), options(PrintKind::DeputyPasses), support::today()).await.unwrap();
    let (bytes, summary) = job.compose(None, &mut |_, _| true).unwrap();
    let paired: Vec<(String, String)> = sqlx::query_as(
        "SELECT d.name, d.roles FROM deputies d WHERE EXISTS (SELECT 1 FROM deputy_communities dc
           WHERE dc.deputy_id = d.id AND dc.community_id = ?1 AND dc.end_on IS NULL) ORDER BY d.id",
    )
    .bind(hezui)
    .fetch_all(&t.pool)
    .await
    .unwrap();
    assert!(!paired.is_empty());
    assert_eq!((summary.items, summary.sheets), (paired.len(), paired.len().div_ceil(10)));
    let text = crate::print::pdftotext(&bytes).replace(' ', "");
    assert_eq!(text.matches("代表委员工作证").count(), paired.len());
    for (name, roles) in &paired {
        assert!(text.contains(name.as_str()), "{name}");
        if roles.contains("npc") {
            assert!(text.contains("人大代表"));
        }
    }
    assert!(text.contains("联系社区：") && text.contains("河咀社区党总支"), "{text}");
    // Each pass keeps to its 86 × 54 mm card.
    let grid = print::badges::GRID;
    for sheet in job.sheets_drawn().unwrap() {
        for m in sheet.marks.iter().filter(|m| m.kind != print::canvas::MarkKind::CropMark) {
            let inside = grid.cells().into_iter().any(|(x, y)| {
                m.x >= x - 0.01
                    && m.y >= y - 0.01
                    && m.x + m.w <= x + grid.cell.0 + 0.01
                    && m.y + m.h <= y + grid.cell.1 + 0.01
            });
            assert!(inside, "{m:?} leaves its card");
        }
    }
}

#[tokio::test]
async fn the_review_counts_dates_planned_done_and_missed_per_who_comes() {
    let db = county().await;
    let duty = plan(&db.pool, duty(), "2026-11-28").await;
    let clinic = plan(&db.pool, clinic(), "2026-11-28").await.remove(0);
    // The 15th called off; the clinic recorded on the 4th and tied to its date.
    schedule::cancel(&db.pool, duty[2].id, true, d("2026-12-04")).await.unwrap();
    sqlx::raw_sql(
        "INSERT INTO support_records (id, uuid, pairing_id, kind, given_on, description, created_at, updated_at)
         VALUES (1, 's1', 1, 'activity', '2026-12-04', '义诊进社区', 't', 't')",
    )
    .execute(&db.pool)
    .await
    .unwrap();
    schedule::fulfil(&db.pool, clinic.id, RecordKind::SupportRecord, 1, d("2026-12-04")).await.unwrap();

    let figures = |today: &str| {
        let pool = db.pool.clone();
        let today = d(today);
        async move {
            let s = sanliang::review::statistics(&pool, Some(DAJIE), Period::Month(2026, 12), today).await.unwrap();
            let per: Vec<(String, i64, i64, i64)> =
                s.schedule.by_kind.iter().map(|k| (k.code.clone(), k.planned, k.done, k.missed)).collect();
            ((s.schedule.planned, s.schedule.done, s.schedule.missed), per)
        }
    };
    // On the 10th: four Tuesdays planned (the 15th called off), the 1st and the 8th passed
    // unrecorded; the unit's clinic done.
    let (totals, per) = figures("2026-12-10").await;
    assert_eq!(totals, (5, 1, 2));
    let row = |code: &str| per.iter().find(|p| p.0 == code).cloned().unwrap();
    assert_eq!(row("deputy"), ("deputy".into(), 4, 0, 2));
    assert_eq!(row("unit"), ("unit".into(), 1, 1, 0));
    assert_eq!(row("team"), ("team".into(), 0, 0, 0));
    // After the month: every unrecorded Tuesday is missed.
    assert_eq!(figures("2027-01-05").await.0, (5, 1, 4));
    // As of the 3rd the 15th was still planned (called off on the 4th), the clinic not yet done
    // nor missed, the 1st missed.
    assert_eq!(figures("2026-12-03").await.0, (6, 0, 1));
    // 河咀 planned nothing.
    let hezui =
        sanliang::review::statistics(&db.pool, Some(HEZUI), Period::Month(2026, 12), d("2026-12-10")).await.unwrap();
    assert_eq!((hezui.schedule.planned, hezui.schedule.done, hezui.schedule.missed), (0, 0, 0));
}

#[tokio::test]
async fn a_deputys_photo_goes_on_the_pass_and_a_replaced_one_comes_back_from_the_bin() {
    use sanliang::data::bin::{self, BinKey};
    use sanliang::print::canvas::MarkKind;
    use sanliang::print::data::Selection;
    use sanliang::print::{self, Paper, PrintKind, PrintOptions};
    use sanliang::roster::photos::{self, Whose};
    use sanliang::sijin::deputies;

    let db = county().await;
    let dir = db.dir.path();
    // A photo picked from a folder with a space and Chinese in its name.
    let picks = dir.join("照片 文件夹");
    std::fs::create_dir_all(&picks).unwrap();
    let (first, second) = (picks.join("李华 旧照.png"), picks.join("李华.png"));
    std::fs::write(&first, crate::print::png_bytes()).unwrap();
    let mut other = crate::print::png_bytes();
    other.extend(b"\0"); // a different file, the same picture
    std::fs::write(&second, &other).unwrap();

    let li = Whose::Deputy(LI_HUA);
    photos::set(&db.pool, dir, li, &first).await.unwrap();
    assert!(deputies::get(&db.pool, LI_HUA).await.unwrap().has_photo);
    let options = PrintOptions {
        kind: PrintKind::DeputyPasses,
        selection: Selection { org_id: Some(DAJIE), ..Default::default() },
        year: None,
        paper: Paper::A4,
        crop_marks: true,
        month: None,
    };
    let job = print::prepare(&db.pool, dir, options, support::today()).await.unwrap();
    let sheet = job.sheets_drawn().unwrap().remove(0);
    let image = sheet.marks.iter().find(|m| m.kind == MarkKind::Image).expect("the photo is on the pass");
    let (x, y) = print::badges::GRID.cells()[0];
    assert!(image.x >= x + 5.0 - 0.01 && image.x + image.w <= x + 25.0 + 0.01, "{image:?}");
    assert!(image.y >= y + 16.0 - 0.01 && image.y + image.h <= y + 42.0 + 0.01, "{image:?}");
    let name = sheet.marks.iter().find(|m| m.kind == MarkKind::Text("李华".into())).unwrap();
    assert!(name.x >= x + 28.0 - 0.01, "the name sits beside the photo: {name:?}");

    // Replaced: the first photo goes to the bin under the deputy's name, and comes back.
    photos::set(&db.pool, dir, li, &second).await.unwrap();
    let listed = bin::list(&db.pool).await.unwrap();
    let seen: Vec<&str> = listed.iter().map(|e| e.subject.as_str()).collect();
    assert_eq!(seen, ["李华 · 照片"]);
    bin::restore(&db.pool, dir, &BinKey { kind: RecordKind::BinnedFile, id: listed[0].id }).await.unwrap();
    let now = photos::path(&db.pool, dir, li).await.unwrap().unwrap();
    assert_eq!(std::fs::read(now).unwrap(), crate::print::png_bytes(), "the first photo is back");
    // Removed: to the bin, and the pass prints without it.
    photos::clear(&db.pool, dir, li).await.unwrap();
    assert!(!deputies::get(&db.pool, LI_HUA).await.unwrap().has_photo);
    let err = photos::set(&db.pool, dir, Whose::Deputy(99), &first).await.unwrap_err();
    assert_eq!((err.kind(), err.to_string().as_str()), (ErrorKind::NotFound, "代表委员不存在"));
}

#[tokio::test]
async fn a_leaders_recorded_visit_is_proposed_for_his_planned_talk_and_not_for_another_leaders() {
    let db = county().await;
    let talk = PlanInput {
        on_date: "2026-12-10".into(),
        reception_point_id: None,
        place: "社区会议室".into(),
        who_kind: Some(PlanWho::Leader),
        who_id: Some(WANG),
        service: "民情恳谈".into(),
        repeat: String::new(),
        ..duty()
    };
    let talk = plan(&db.pool, talk, "2026-11-28").await.remove(0);
    // 王建国 came two days late; 赵敏 visited 河咀 the same day; a visit of his a month on is too far.
    sqlx::raw_sql(
        "INSERT INTO leader_visits (id, uuid, leader_id, community_id, visited_on, kind, created_at, updated_at) VALUES
           (1, 'v1', 7, 11, '2026-12-12', 'talk', 't', 't'),
           (2, 'v2', 8, 12, '2026-12-10', 'talk', 't', 't'),
           (3, 'v3', 7, 11, '2027-01-10', 'visit', 't', 't')",
    )
    .execute(&db.pool)
    .await
    .unwrap();
    let proposed = schedule::candidates(&db.pool, talk.id).await.unwrap();
    let got: Vec<(RecordKind, i64, &str)> = proposed.iter().map(|r| (r.kind, r.id, r.label.as_str())).collect();
    assert_eq!(got, [(RecordKind::LeaderVisit, 1, "王建国 走访")]);
    let done = schedule::fulfil(&db.pool, talk.id, RecordKind::LeaderVisit, 1, d("2026-12-12")).await.unwrap();
    assert_eq!((done.status, done.fulfilled_by.map(|r| r.on_date)), (PlanStatus::Done, Some(d("2026-12-12"))));
    // The visit deleted, the talk is missed again.
    sqlx::raw_sql("UPDATE leader_visits SET deleted_at = 't' WHERE id = 1").execute(&db.pool).await.unwrap();
    let later = month(&db.pool, DAJIE, 12, "2026-12-13").await;
    let again = later.entries.iter().find(|e| e.id == talk.id).unwrap();
    assert_eq!(again.status, PlanStatus::Missed);
}
