use chrono::NaiveDate;
use sanliang::common::catalog::{OrgKind, UnitKind, VisitKind};
use sanliang::overview::reminders;
use sanliang::roster::orgs::{self, OrgInput};
use sanliang::sijin::difficulties::DifficultyInput;
use sanliang::sijin::leaders::{self, VisitInput};
use sanliang::sijin::pairings::{self, PairingInput};

use crate::orgs::small_tree;
use crate::support;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[tokio::test]
async fn reminders_follow_missing_visits_stale_difficulties_and_ending_agreements() {
    let t = support::fresh().await;
    let [county, _, community, _, _] = small_tree(&t.pool).await;
    let today = support::today();
    let keys = |r: Vec<reminders::Reminder>| r.into_iter().map(|r| r.key).collect::<Vec<_>>();
    assert!(reminders::for_today(&t.pool, None, today).await.unwrap().is_empty());

    let leader = crate::leaders::contact_leader(&t.pool, community.id).await;
    assert_eq!(keys(reminders::for_today(&t.pool, None, today).await.unwrap()), ["leader_visits"]);

    // A visit in October with a difficulty still open: November's visit is owed, the difficulty is stale.
    let visit = |on: &str, difficulties| VisitInput {
        leader_id: Some(leader.id),
        community_id: Some(community.id),
        visited_on: on.into(),
        kind: Some(VisitKind::Visit),
        difficulties,
        ..Default::default()
    };
    let hard = vec![DifficultyInput {
        raised_by: "王大妈".into(),
        content: "路灯不亮".into(),
        responsible: "社区主任".into(),
    }];
    leaders::log_visit(&t.pool, &visit("2026-10-29", hard), today).await.unwrap();
    assert_eq!(
        keys(reminders::for_today(&t.pool, None, today).await.unwrap()),
        ["leader_visits"],
        "29 days old is not yet stale"
    );
    assert_eq!(
        keys(reminders::for_today(&t.pool, None, d("2026-11-29")).await.unwrap()),
        ["leader_visits", "difficulties"]
    );
    leaders::log_visit(&t.pool, &visit("2026-11-02", Vec::new()), today).await.unwrap();
    assert_eq!(keys(reminders::for_today(&t.pool, None, d("2026-11-29")).await.unwrap()), ["difficulties"]);

    // An agreement ending within 60 days is a reminder; one ending later is not.
    let unit = orgs::create(
        &t.pool,
        OrgInput {
            parent_id: Some(county.id),
            kind: OrgKind::Unit,
            unit_kind: Some(UnitKind::Organ),
            stationed_in: None,
            name: "县民政局".into(),
        },
    )
    .await
    .unwrap();
    let input = PairingInput {
        unit_id: Some(unit.id),
        community_id: Some(community.id),
        start_on: "2026-01-05".into(),
        signed_on: "2026-01-05".into(),
        agreement_until: "2027-01-26".into(),
        ..Default::default()
    };
    pairings::create(&t.pool, &input, today).await.unwrap();
    assert!(
        keys(reminders::for_today(&t.pool, None, today).await.unwrap()).contains(&"agreements".to_owned()),
        "59 days ahead"
    );
    assert!(
        !keys(reminders::for_today(&t.pool, None, d("2026-11-26")).await.unwrap()).contains(&"agreements".to_owned()),
        "61 days ahead"
    );
}

#[tokio::test]
async fn the_home_page_counts_the_practice_of_the_demo() {
    let t = support::demo().await;
    let figures = sanliang::overview::stats::practice(&t.pool, None, support::today()).await.unwrap();
    let count = |code: &str| figures.iter().find(|f| f.code == code).unwrap().count;
    let identity = sanliang::sanliang::identity::summary(&t.pool, None).await.unwrap();
    assert_eq!(count("shown"), identity.shown);
    assert!(count("with_post") > 0 && count("pledges_overdue") > 0);
    assert_eq!(count("pledges_done"), 0, "this year's pledges are still in progress on 28 November");
    assert_eq!(count("pairings"), 5);
}

/// Each reminder as the home page shows it — count, title, examples and page — on a hand-made
/// fixture whose figures are counted here: two communities in two townships, a deputy who
/// visited one of them (raising one suggestion a day too late to be stale, one a day old
/// enough), a deputy who never visited the other, and pledges overdue, in time and drafted.
#[tokio::test]
async fn every_reminder_counts_names_and_links_what_is_due_in_the_chosen_scope() {
    use sanliang::common::catalog::{DeputyRole, OrgKind};
    use sanliang::sanliang::pledges::{self, ItemInput, PledgeInput};
    use sanliang::sijin::deputies::{self, DeputyInput, DeputyVisitInput, SuggestionInput};

    let t = support::fresh().await;
    let [_, street, hezui, _, other] = small_tree(&t.pool).await;
    let dazhuang = crate::orgs::add(&t.pool, Some(&other), OrgKind::Community, "大庄社区党总支").await;
    let today = support::today(); // 2026-11-28: suggestions raised before 2026-10-29 are stale

    let deputy = |name: &str| DeputyInput { name: name.into(), roles: vec![DeputyRole::Npc], ..Default::default() };
    let pu = deputies::create(&t.pool, &deputy("普丽华")).await.unwrap();
    let li = deputies::create(&t.pool, &deputy("李建国")).await.unwrap();
    deputies::pair(&t.pool, pu.id, Some(hezui.id), "2026-01-01", today).await.unwrap();
    deputies::pair(&t.pool, li.id, Some(dazhuang.id), "2026-01-01", today).await.unwrap();
    for (on, content) in [("2026-10-28", "增设老年活动室"), ("2026-10-29", "巷道加装路灯")] {
        let visit = DeputyVisitInput {
            deputy_id: Some(pu.id),
            community_id: Some(hezui.id),
            visited_on: on.into(),
            notes: "接待群众".into(),
            suggestions: vec![SuggestionInput { raised_by: "居民代表".into(), content: content.into() }],
        };
        deputies::log_visit(&t.pool, &visit, today).await.unwrap();
    }

    let item = |deadline: &str| ItemInput {
        content: "每月走访辖区独居老人不少于2次".into(),
        measures: "建立台账，每月小结".into(),
        owner: "本人".into(),
        deadline: deadline.into(),
    };
    let pledge = async |org: i64, name: &str, deadline: &str, publish: bool| {
        let member = crate::zones::member(&t.pool, org, name).await;
        let input = PledgeInput {
            member_id: Some(member),
            org_id: None,
            year: 2026,
            pledged_on: "2026-03-01".into(),
            items: vec![item(deadline)],
            version: None,
        };
        let p = pledges::create(&t.pool, &input, today).await.unwrap();
        if publish {
            pledges::publish(&t.pool, p.id, "2026-03-05", today).await.unwrap();
        }
    };
    pledge(hezui.id, "王芳", "2026-06-30", true).await; // overdue
    pledge(dazhuang.id, "赵强", "2026-09-30", true).await; // overdue
    pledge(hezui.id, "陈静", "2026-12-31", true).await; // in time
    pledge(hezui.id, "刘洋", "2026-06-30", false).await; // a draft is not overdue

    let shown =
        |r: &reminders::Reminder| (r.key.clone(), r.count, r.title.clone(), r.examples.clone(), r.route.clone());
    let all: Vec<_> = reminders::for_today(&t.pool, None, today).await.unwrap().iter().map(shown).collect();
    let strings = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert_eq!(
        all,
        [
            (
                "deputy_visits".to_owned(),
                1,
                "本季度还有1处代表委员未进结对社区".to_owned(),
                strings(&["李建国—大庄社区党总支"]),
                "/deputies".to_owned()
            ),
            (
                "suggestions".to_owned(),
                1,
                "1条意见建议超过30天未答复".to_owned(),
                strings(&["河咀社区党总支 增设老年活动室"]),
                "/deputies".to_owned()
            ),
            ("pledges".to_owned(), 2, "2份承诺已逾期".to_owned(), strings(&["王芳", "赵强"]), "/pledges".to_owned()),
        ]
    );

    // The township of 河咀 sees its own: its stale suggestion and its one overdue pledge.
    let street_only: Vec<_> =
        reminders::for_today(&t.pool, Some(street.id), today).await.unwrap().iter().map(shown).collect();
    assert_eq!(
        street_only.iter().map(|r| (r.0.as_str(), r.1)).collect::<Vec<_>>(),
        [("suggestions", 1), ("pledges", 1)]
    );
    assert_eq!(street_only[1].3, strings(&["王芳"]));

    // The home page's practice figures count overdue pledges in the same scope.
    let overdue = |figures: Vec<sanliang::overview::stats::PracticeFigure>| {
        figures.into_iter().find(|f| f.code == "pledges_overdue").unwrap().count
    };
    assert_eq!(overdue(sanliang::overview::stats::practice(&t.pool, None, today).await.unwrap()), 2);
    assert_eq!(overdue(sanliang::overview::stats::practice(&t.pool, Some(street.id), today).await.unwrap()), 1);

    // A day later the second suggestion is stale too.
    let next_day = d("2026-11-29");
    let later = reminders::for_today(&t.pool, Some(street.id), next_day).await.unwrap();
    let suggestions = later.iter().find(|r| r.key == "suggestions").unwrap();
    assert_eq!(suggestions.count, 2);
    assert_eq!(suggestions.examples, strings(&["河咀社区党总支 增设老年活动室", "河咀社区党总支 巷道加装路灯"]));
}

/// The home page's figures on a hand-made roster counted here: two communities in two
/// townships, members of several categories, one transferred out and one deceased.
#[tokio::test]
async fn the_home_figures_count_members_by_status_and_category_in_scope() {
    use sanliang::common::catalog::{Category, Gender, MemberStatus, OrgKind};
    use sanliang::overview::stats;
    use sanliang::roster::members::{self, MemberInput, StatusChange};

    let t = support::fresh().await;
    let [_, street, hezui, _, other] = small_tree(&t.pool).await;
    let dazhuang = crate::orgs::add(&t.pool, Some(&other), OrgKind::Community, "大庄社区党总支").await;
    let today = support::today();
    let add = async |org: i64, name: &str, category: Category, status: Option<MemberStatus>| {
        let input = MemberInput {
            org_id: Some(org),
            name: name.into(),
            gender: Some(Gender::Female),
            ethnicity: "汉族".into(),
            birth_date: "1980-05-01".into(),
            joined_on: "2005-07-01".into(),
            category: Some(category),
            ..Default::default()
        };
        let id = members::create(&t.pool, &input, today).await.unwrap().id;
        if let Some(status) = status {
            let change = StatusChange { status, date: Some("2026-06-30".into()) };
            members::set_status(&t.pool, id, &change, today).await.unwrap();
        }
    };
    add(hezui.id, "王一", Category::NoPost, None).await;
    add(hezui.id, "王二", Category::NoPost, None).await;
    add(hezui.id, "王三", Category::Committee, None).await;
    add(hezui.id, "王四", Category::NoPost, Some(MemberStatus::Transferred)).await;
    add(dazhuang.id, "赵一", Category::InService, None).await;
    add(dazhuang.id, "赵二", Category::NoPost, Some(MemberStatus::Deceased)).await;

    let counts = |list: &[sanliang::common::catalog::LabeledCount]| {
        list.iter().map(|c| (c.code.clone(), c.count)).collect::<Vec<_>>()
    };
    let pairs = |v: &[(&str, i64)]| v.iter().map(|(c, n)| (c.to_string(), *n)).collect::<Vec<_>>();
    let all = stats::home(&t.pool, None).await.unwrap();
    assert_eq!(
        counts(&all.organizations),
        pairs(&[("county", 1), ("township", 2), ("community", 2), ("branch", 1), ("unit", 0)])
    );
    assert_eq!(counts(&all.by_status), pairs(&[("active", 4), ("transferred", 1), ("deceased", 1)]));
    assert_eq!(
        counts(&all.by_category),
        pairs(&[
            ("in_service", 1),
            ("no_post", 2),
            ("committee", 1),
            ("stationed_frontline", 0),
            ("window_post", 0),
            ("enterprise_frontline", 0)
        ])
    );
    assert_eq!(all.active_members, 4);

    // 大街街道 sees 河咀 only; the organizations stay the whole database's.
    let street_only = stats::home(&t.pool, Some(street.id)).await.unwrap();
    assert_eq!(counts(&street_only.organizations), counts(&all.organizations));
    assert_eq!(counts(&street_only.by_status), pairs(&[("active", 3), ("transferred", 1), ("deceased", 0)]));
    assert_eq!(counts(&street_only.by_category)[..3], pairs(&[("in_service", 0), ("no_post", 2), ("committee", 1)]));
    assert_eq!(street_only.active_members, 3);
}
