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
