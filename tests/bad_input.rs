//! Bad input, table-driven: every text field of every form, with its limit from `limits.rs`,
//! refused one character past the limit (counted in characters: the test types a character
//! outside the BMP), with a NUL inside, and — where the field is one line — with a line break;
//! accepted at the limit with an invisible right-to-left override inside. Each refusal names the
//! field and says why in Chinese, and leaves the database as it was.

use sanliang::common::catalog::{
    Category, DeputyRole, Gender, LeaderLevel, MarkType, OrgKind, ParticipantKind, PostKind, SupportKind, UnitKind,
    VisitKind,
};
use sanliang::common::limits;
use sanliang::error::{ErrorKind, Result};
use sanliang::roster::members::{self, MemberInput};
use sanliang::roster::orgs::{self, OrgInput};
use sanliang::sanliang::identity::{self, BulkMark, MemberSelection};
use sanliang::sanliang::pledges::{self, ItemInput, PledgeInput};
use sanliang::sanliang::{posts, zones};
use sanliang::sijin::deputies::{self, DeputyInput, DeputyVisitInput, ReceptionInput, SuggestionInput};
use sanliang::sijin::difficulties::DifficultyInput;
use sanliang::sijin::help_pairs::{self, HelpPairInput};
use sanliang::sijin::leaders::{self, LeaderInput, VisitInput};
use sanliang::sijin::pairings::{self, PairingInput, SupportInput};
use sanliang::sijin::volunteering::{self, ActivityInput, ParticipantInput};

use crate::orgs::small_tree;
use crate::support::{self, TestDb};
use crate::zones::member;

/// What a form needs to exist: a community with a member, a contact leader, a paired deputy, a
/// unit paired with the community, a help pair.
struct Fixture {
    t: TestDb,
    county: i64,
    community: i64,
    member: i64,
    leader: i64,
    deputy: i64,
    pairing: i64,
    /// A unit not yet paired with the community.
    free_unit: i64,
    help_pair: i64,
}

async fn fixture() -> Fixture {
    let t = support::fresh().await;
    let [county, _, community, _, _] = small_tree(&t.pool).await;
    let member = member(&t.pool, community.id, "李明").await;
    let leader = crate::leaders::contact_leader(&t.pool, community.id).await.id;
    let deputy = DeputyInput { name: "普丽华".into(), roles: vec![DeputyRole::Npc], ..Default::default() };
    let deputy = deputies::create(&t.pool, &deputy).await.unwrap().id;
    deputies::pair(&t.pool, deputy, Some(community.id), "2026-01-01", support::today()).await.unwrap();
    let unit = orgs::create(
        &t.pool,
        OrgInput {
            parent_id: Some(county.id),
            kind: OrgKind::Unit,
            unit_kind: Some(UnitKind::Organ),
            stationed_in: None,
            name: "县司法局".into(),
        },
    )
    .await
    .unwrap();
    let unit_of = |name: &str| OrgInput {
        parent_id: Some(county.id),
        kind: OrgKind::Unit,
        unit_kind: Some(UnitKind::Organ),
        stationed_in: None,
        name: name.into(),
    };
    let free_unit = orgs::create(&t.pool, unit_of("县民政局")).await.unwrap().id;
    let pairing = PairingInput {
        unit_id: Some(unit.id),
        community_id: Some(community.id),
        start_on: "2026-01-01".into(),
        ..Default::default()
    };
    let pairing = pairings::create(&t.pool, &pairing, support::today()).await.unwrap().id;
    let pair = HelpPairInput {
        community_id: Some(community.id),
        cadre: "杨建华".into(),
        helped: "李大爷".into(),
        start_on: "2026-01-01".into(),
        ..Default::default()
    };
    let help_pair = help_pairs::create(&t.pool, &pair, support::today()).await.unwrap().id;
    Fixture { t, county: county.id, community: community.id, member, leader, deputy, pairing, free_unit, help_pair }
}

/// A text field of a form: the form, the field the error names, its label in the message, its
/// limit, and whether it is one line.
struct Field {
    form: Form,
    field: &'static str,
    label: &'static str,
    limit: usize,
    one_line: bool,
}

#[derive(Debug, Clone, Copy)]
enum Form {
    Member(&'static str),
    Org,
    Post(&'static str),
    Zone,
    Identity,
    Pledge(&'static str),
    Leader,
    Visit(&'static str),
    Difficulty(&'static str),
    Diary,
    Deputy,
    Reception(&'static str),
    DeputyVisit(&'static str),
    Suggestion(&'static str),
    Pairing,
    Support,
    Activity(&'static str),
    HelpPair(&'static str),
    HelpRecord,
    PrintSetting(&'static str),
}

fn fields() -> Vec<Field> {
    use Form::*;
    let f = |form, field, label, limit, one_line| Field { form, field, label, limit, one_line };
    vec![
        f(Member("address"), "address", "住址", limits::ADDRESS, true),
        f(Member("workUnit"), "workUnit", "工作单位", limits::MEMBER_WORK_UNIT, true),
        f(Member("notes"), "notes", "备注", limits::MEMBER_NOTES, false),
        f(Org, "name", "组织名称", limits::ORG_NAME, true),
        f(Post("name"), "name", "岗位名称", limits::POST_NAME, true),
        f(Post("duties"), "duties", "岗位职责", limits::POST_DUTIES, false),
        f(Zone, "name", "责任区名称", limits::ZONE_NAME, true),
        f(Identity, "place", "地点/岗位", limits::MARK_PLACE, true),
        f(Pledge("content"), "items.0.content", "第1项的承诺内容", limits::PLEDGE_CONTENT, false),
        f(Pledge("measures"), "items.0.measures", "第1项的措施", limits::PLEDGE_MEASURES, true),
        f(Pledge("owner"), "items.0.owner", "第1项的责任人", limits::PLEDGE_OWNER, true),
        f(Leader, "title", "职务", limits::JOB_TITLE, true),
        f(Visit("participants"), "participants", "参加人员", limits::PARTICIPANTS, true),
        f(Visit("notes"), "notes", "情况记录", limits::LONG_NOTES, false),
        f(Difficulty("raisedBy"), "difficulties.0.raisedBy", "反映人", limits::PERSON, true),
        f(Difficulty("content"), "difficulties.0.content", "困难或诉求", limits::RECORD_TEXT, true),
        f(Difficulty("responsible"), "difficulties.0.responsible", "责任人", limits::PERSON, true),
        f(Diary, "text", "民情日记", limits::LONG_NOTES, false),
        f(Deputy, "workUnit", "工作单位", limits::DEPUTY_WORK_UNIT, true),
        f(Reception("place"), "place", "接待地点", limits::PLACE, true),
        f(Reception("schedule"), "schedule", "接待时间", limits::SCHEDULE, true),
        f(DeputyVisit("notes"), "notes", "活动情况", limits::LONG_NOTES, false),
        f(Suggestion("raisedBy"), "suggestions.0.raisedBy", "提出人", limits::PERSON, true),
        f(Suggestion("content"), "suggestions.0.content", "意见建议", limits::RECORD_TEXT, true),
        f(Pairing, "agreement", "协议内容", limits::AGREEMENT, false),
        f(Support, "description", "帮扶内容", limits::RECORD_TEXT, false),
        f(Activity("organizer"), "organizer", "承办单位", limits::ACTIVITY_LABEL, true),
        f(Activity("serviceType"), "serviceType", "服务类型", limits::ACTIVITY_LABEL, true),
        f(Activity("place"), "place", "地点", limits::PLACE, true),
        f(HelpPair("cadreTitle"), "cadreTitle", "职务", limits::JOB_TITLE, true),
        f(HelpPair("helped"), "helped", "帮扶对象", limits::HELPED, true),
        f(HelpRecord, "text", "帮扶情况", limits::RECORD_TEXT, false),
        f(PrintSetting("cardTitle"), "cardTitle", "承诺卡标题", limits::PRINT_TITLE, true),
        f(PrintSetting("noticeTitle"), "noticeTitle", "公示表标题", limits::NOTICE_TITLE, true),
        f(PrintSetting("issuer"), "issuer", "监制单位", limits::PRINT_FOOTER, true),
    ]
}

/// Submits the form with `value` in the field and everything else valid.
async fn submit(x: &Fixture, form: Form, value: String) -> Result<()> {
    let (pool, today) = (&x.t.pool, support::today());
    let pick = |name: &str, wanted: &str, valid: &str| if name == wanted { value.clone() } else { valid.to_owned() };
    match form {
        Form::Member(name) => {
            let input = MemberInput {
                org_id: Some(x.community),
                name: "王强".into(),
                gender: Some(Gender::Male),
                ethnicity: "汉族".into(),
                birth_date: "1970-01-01".into(),
                joined_on: "1995-07-01".into(),
                category: Some(Category::NoPost),
                address: pick(name, "address", "大街2组73号"),
                work_unit: pick(name, "workUnit", "县税务局"),
                notes: pick(name, "notes", ""),
                ..Default::default()
            };
            members::create(pool, &input, today).await.map(drop)
        }
        Form::Org => {
            let input = OrgInput {
                parent_id: Some(x.community),
                kind: OrgKind::Branch,
                unit_kind: None,
                stationed_in: None,
                name: value,
            };
            orgs::create(pool, input).await.map(drop)
        }
        Form::Post(name) => {
            let input = posts::PostInput {
                community_id: Some(x.community),
                name: pick(name, "name", "文明劝导岗"),
                kind: Some(PostKind::Vanguard),
                duties: pick(name, "duties", "每周两次劝导"),
                capacity: 1,
                version: None,
            };
            posts::create(pool, &input).await.map(drop)
        }
        Form::Zone => {
            zones::create(pool, &zones::ZoneInput { community_id: Some(x.community), name: value }).await.map(drop)
        }
        Form::Identity => {
            let bulk = BulkMark {
                selection: MemberSelection::Ids(vec![x.member]),
                mark_type: MarkType::Badge,
                shown_on: "2026-11-01".into(),
                place: value,
            };
            identity::record_bulk(pool, &bulk, today).await.map(drop)
        }
        Form::Pledge(name) => {
            let item = ItemInput {
                content: pick(name, "content", "为独居老人安装烟感报警器"),
                measures: pick(name, "measures", "联系消防站"),
                owner: pick(name, "owner", "李明"),
                deadline: "2026-12-10".into(),
            };
            let input = PledgeInput {
                member_id: Some(x.member),
                org_id: None,
                year: 2026,
                pledged_on: "2026-03-01".into(),
                items: vec![item],
                version: None,
            };
            pledges::create(pool, &input, today).await.map(drop)
        }
        Form::Leader => {
            let input = LeaderInput {
                name: "罗志明".into(),
                level: Some(LeaderLevel::County),
                title: value,
                phone: String::new(),
                version: None,
            };
            leaders::create(pool, &input).await.map(drop)
        }
        Form::Visit(_) | Form::Difficulty(_) => {
            let (visit_field, difficulty_field) = match form {
                Form::Visit(n) => (n, ""),
                Form::Difficulty(n) => ("", n),
                _ => unreachable!(),
            };
            let difficulty = DifficultyInput {
                raised_by: pick(difficulty_field, "raisedBy", "湖滨巷住户"),
                content: pick(difficulty_field, "content", "下水道堵塞"),
                responsible: pick(difficulty_field, "responsible", "社区主任"),
            };
            let input = VisitInput {
                leader_id: Some(x.leader),
                community_id: Some(x.community),
                visited_on: "2026-11-20".into(),
                kind: Some(VisitKind::Talk),
                participants: pick(visit_field, "participants", "社区两委"),
                notes: pick(visit_field, "notes", "民情恳谈会"),
                difficulties: vec![difficulty],
            };
            leaders::log_visit(pool, &input, today).await.map(drop)
        }
        Form::Diary => leaders::add_diary(pool, x.leader, x.community, "2026-11-20", &value, today).await,
        Form::Deputy => {
            let input = DeputyInput {
                name: "张丽芬".into(),
                roles: vec![DeputyRole::Cppcc],
                work_unit: value,
                phone: String::new(),
                version: None,
            };
            deputies::create(pool, &input).await.map(drop)
        }
        Form::Reception(name) => {
            let input = ReceptionInput {
                community_id: Some(x.community),
                place: pick(name, "place", "党群服务中心一楼"),
                schedule: pick(name, "schedule", "每周三下午"),
                deputy_ids: vec![x.deputy],
                version: None,
            };
            deputies::add_reception(pool, &input).await.map(drop)
        }
        Form::DeputyVisit(_) | Form::Suggestion(_) => {
            let (visit_field, suggestion_field) = match form {
                Form::DeputyVisit(n) => (n, ""),
                Form::Suggestion(n) => ("", n),
                _ => unreachable!(),
            };
            let suggestion = SuggestionInput {
                raised_by: pick(suggestion_field, "raisedBy", "居民代表"),
                content: pick(suggestion_field, "content", "增设图书角"),
            };
            let input = DeputyVisitInput {
                deputy_id: Some(x.deputy),
                community_id: Some(x.community),
                visited_on: "2026-11-20".into(),
                notes: pick(visit_field, "notes", "上政治理论课"),
                suggestions: vec![suggestion],
            };
            deputies::log_visit(pool, &input, today).await.map(drop)
        }
        Form::Pairing => {
            let input = PairingInput {
                unit_id: Some(x.free_unit),
                community_id: Some(x.community),
                start_on: "2026-01-01".into(),
                signed_on: "2026-01-01".into(),
                agreement_until: "2027-12-31".into(),
                agreement: value,
            };
            pairings::create(pool, &input, today).await.map(drop)
        }
        Form::Support => {
            let input = SupportInput {
                pairing_id: x.pairing,
                kind: Some(SupportKind::Funds),
                given_on: "2026-11-01".into(),
                description: value,
                amount: "45万".into(),
                version: None,
            };
            pairings::add_support(pool, &input, today).await.map(drop)
        }
        Form::Activity(name) => {
            let input = ActivityInput {
                community_id: Some(x.community),
                held_on: "2026-11-01".into(),
                organizer: pick(name, "organizer", "县人民医院"),
                service_type: pick(name, "serviceType", "义务诊疗"),
                place: pick(name, "place", "社区广场"),
                people_served: 30,
                participants: vec![ParticipantInput {
                    member_id: Some(x.member),
                    kind: Some(ParticipantKind::Member),
                    hours: "2".into(),
                    ..Default::default()
                }],
                version: None,
            };
            volunteering::record(pool, &input, today).await.map(drop)
        }
        Form::HelpPair(name) => {
            let input = HelpPairInput {
                community_id: Some(x.community),
                cadre: "罗志明".into(),
                cadre_title: pick(name, "cadreTitle", "副局长"),
                helped: pick(name, "helped", "王大妈"),
                start_on: "2026-01-01".into(),
            };
            help_pairs::create(pool, &input, today).await.map(drop)
        }
        Form::HelpRecord => help_pairs::add_record(pool, x.help_pair, "2026-11-01", &value, today).await.map(drop),
        Form::PrintSetting(name) => {
            let mut s = sanliang::print::settings::load(pool, x.t.dir.path()).await?;
            match name {
                "cardTitle" => s.card_title = value,
                "noticeTitle" => s.notice_title = value,
                _ => s.issuer = value,
            }
            sanliang::print::settings::save(pool, x.t.dir.path(), &s).await.map(drop)
        }
    }
}

/// Every row of every table, so a refusal is seen to leave the database as it was.
async fn snapshot(x: &Fixture) -> Vec<(String, i64, String)> {
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_sqlx%' ORDER BY name",
    )
    .fetch_all(&x.t.pool)
    .await
    .unwrap();
    let mut out = Vec::new();
    for table in tables {
        let count: i64 =
            sqlx::query_scalar(&format!("SELECT count(*) FROM \"{table}\"")).fetch_one(&x.t.pool).await.unwrap();
        let latest: Option<String> = sqlx::query_scalar(&format!("SELECT max(rowid) || '' FROM \"{table}\""))
            .fetch_one(&x.t.pool)
            .await
            .unwrap_or(None);
        out.push((table, count, latest.unwrap_or_default()));
    }
    out
}

#[tokio::test]
async fn every_text_field_refuses_overlong_and_control_text_by_name_and_keeps_the_database_unchanged() {
    let fields = fields();
    assert_eq!(fields.len(), 35, "a new text field belongs in this table");
    for f in fields {
        let x = fixture().await;
        let before = snapshot(&x).await;
        let mut cases = vec![
            ("one past the limit", "𠮷".repeat(f.limit + 1), format!("{}不能超过{}个字", f.label, f.limit)),
            (
                "a NUL inside",
                "文字\u{0}文字".to_owned(),
                format!("{}中有无法显示和打印的控制字符，请重新输入", f.label),
            ),
            ("a bell inside", "文字\u{7}".to_owned(), format!("{}中有无法显示和打印的控制字符，请重新输入", f.label)),
        ];
        if f.one_line {
            cases.push(("a line break", "第一行\n第二行".to_owned(), format!("{}只能写一行，请去掉换行", f.label)));
        }
        for (case, value, message) in cases {
            let err = submit(&x, f.form, value).await.expect_err(&format!("{:?} {case}", f.form));
            assert_eq!(
                (err.kind(), err.field(), err.to_string()),
                (ErrorKind::Validation, Some(f.field), message),
                "{:?}: {case}",
                f.form
            );
            assert_eq!(snapshot(&x).await, before, "{:?}: {case} left something written", f.form);
        }
        // At the limit, with an invisible right-to-left override (dropped), it is accepted.
        let at_limit = format!("\u{202E}{}", "𠮷".repeat(f.limit));
        submit(&x, f.form, at_limit).await.unwrap_or_else(|e| panic!("{:?} at its limit: {e}", f.form));
    }
}

#[tokio::test]
async fn a_members_name_birth_date_and_id_number_are_refused_at_their_field() {
    let x = fixture().await;
    let base = MemberInput {
        org_id: Some(x.community),
        name: "王强".into(),
        gender: Some(Gender::Male),
        ethnicity: "汉族".into(),
        birth_date: "1970-01-01".into(),
        joined_on: "1995-07-01".into(),
        category: Some(Category::NoPost),
        ..Default::default()
    };
    let before = snapshot(&x).await;
    let cases: Vec<(&str, MemberInput, &str, String)> = vec![
        ("empty name", MemberInput { name: " ".into(), ..base.clone() }, "name", "请填写姓名".into()),
        (
            "overlong name",
            MemberInput { name: "𠮷".repeat(limits::NAME + 1), ..base.clone() },
            "name",
            format!("姓名不能超过{}个字", limits::NAME),
        ),
        (
            "a NUL in the name",
            MemberInput { name: "王\u{0}强".into(), ..base.clone() },
            "name",
            "姓名中不能含有“\u{0}”".into(),
        ),
        (
            "born before 1900",
            MemberInput { birth_date: "1899-12-31".into(), ..base.clone() },
            "birthDate",
            "出生日期不合理".into(),
        ),
        (
            "born tomorrow",
            MemberInput { birth_date: "2026-11-29".into(), joined_on: String::new(), ..base.clone() },
            "birthDate",
            "出生日期不能晚于今天".into(),
        ),
        (
            "an 18-character ID with a Chinese character",
            MemberInput { id_number: "53042119700101张232".into(), ..base.clone() },
            "idNumber",
            "身份证号前17位应为数字".into(),
        ),
        (
            "an 18-character ID ending in a character outside the BMP",
            MemberInput { id_number: "53042119700101123𠮷".into(), ..base.clone() },
            "idNumber",
            "身份证号最后一位应为数字或X".into(),
        ),
        (
            "a phone of letters",
            MemberInput { phone: "abc".into(), ..base.clone() },
            "phone",
            "电话应为11位手机号或座机号（如0877-8012345）".into(),
        ),
    ];
    for (case, input, field, message) in cases {
        let err = members::create(&x.t.pool, &input, support::today()).await.expect_err(case);
        assert_eq!((err.kind(), err.field(), err.to_string()), (ErrorKind::Validation, Some(field), message), "{case}");
    }
    assert_eq!(snapshot(&x).await, before, "nothing written");
    assert!(x.county > 0);
}
