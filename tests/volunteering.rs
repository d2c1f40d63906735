use chrono::NaiveDate;
use sanliang::common::catalog::ParticipantKind;
use sanliang::error::ErrorKind;
use sanliang::sijin::volunteering::{self, period_bounds, ActivityInput, ParticipantInput};

use crate::orgs::small_tree;
use crate::support;
use crate::zones::member;

#[tokio::test]
async fn an_activity_keeps_participants_and_hours_and_each_member_sees_a_period() {
    let t = support::fresh().await;
    let [_, _, community, _, _] = small_tree(&t.pool).await;
    let a = member(&t.pool, community.id, "李华").await;
    let today = support::today();
    let who = |member_id: Option<i64>, name: &str, kind, hours: &str| ParticipantInput {
        member_id,
        name: name.into(),
        kind: Some(kind),
        hours: hours.into(),
    };
    let mut input = ActivityInput {
        community_id: Some(community.id),
        held_on: "2026-11-28".into(),
        organizer: "县医院".into(),
        service_type: "义务诊疗".into(),
        place: "河咀社区广场".into(),
        people_served: 86,
        participants: vec![
            who(Some(a), "", ParticipantKind::Member, "2.5"),
            who(None, "杨佳怡", ParticipantKind::League, "3"),
        ],
        version: None,
    };
    // One bad row refuses the whole activity.
    input.participants.push(who(None, "王五", ParticipantKind::Other, "25"));
    let err = volunteering::record(&t.pool, &input, today).await.unwrap_err();
    assert_eq!(err.field(), Some("participants.2.hours"));
    input.participants.pop();
    let saved = volunteering::record(&t.pool, &input, today).await.unwrap();
    assert_eq!((saved.participants, saved.hours_tenths, saved.people_served), (2, 55, 86));
    let mut again = input.clone();
    again.held_on = "2026-10-10".into();
    again.participants = vec![who(Some(a), "", ParticipantKind::Member, "1")];
    volunteering::record(&t.pool, &again, today).await.unwrap();

    let (from, to) = period_bounds("p", "2026-11").unwrap();
    assert_eq!(
        (from, to),
        (NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(), NaiveDate::from_ymd_opt(2026, 11, 30).unwrap())
    );
    let november = volunteering::member_hours(&t.pool, None, from, to).await.unwrap();
    assert_eq!(
        november.iter().map(|m| (m.name.as_str(), m.activities, m.hours_tenths)).collect::<Vec<_>>(),
        [("李华", 1, 25)]
    );
    let (from, to) = period_bounds("p", "2026").unwrap();
    let year = volunteering::member_hours(&t.pool, None, from, to).await.unwrap();
    assert_eq!((year[0].activities, year[0].hours_tenths), (2, 35), "league members are not counted as party members");
    volunteering::delete(&t.pool, saved.id).await.unwrap();
    let (from, to) = period_bounds("p", "2026").unwrap();
    assert_eq!(
        volunteering::member_hours(&t.pool, None, from, to).await.unwrap()[0].hours_tenths,
        10,
        "a deleted activity's hours go"
    );
    // A deleted activity is gone: deleting it again or opening it to correct it says so.
    let again = volunteering::delete(&t.pool, saved.id).await.unwrap_err();
    assert_eq!((again.kind(), again.to_string()), (ErrorKind::NotFound, "志愿服务活动不存在".to_owned()));
    // A member entered by mistake and deleted no longer appears among the volunteers.
    sanliang::roster::members::delete(&t.pool, a, today).await.unwrap();
    assert!(
        volunteering::member_hours(&t.pool, None, from, to).await.unwrap().is_empty(),
        "a deleted member's hours go"
    );
    let err = volunteering::record(&t.pool, &ActivityInput { held_on: "2026-11-29".into(), ..input.clone() }, today)
        .await
        .unwrap_err();
    assert_eq!(err.field(), Some("heldOn"));
}

#[tokio::test]
async fn an_activity_is_corrected_all_or_nothing_and_hours_follow() {
    let t = support::fresh().await;
    let [_, _, community, _, _] = small_tree(&t.pool).await;
    let a = member(&t.pool, community.id, "李华").await;
    let b = member(&t.pool, community.id, "王强").await;
    let today = support::today();
    let who = |member_id: Option<i64>, name: &str, kind, hours: &str| ParticipantInput {
        member_id,
        name: name.into(),
        kind: Some(kind),
        hours: hours.into(),
    };
    let input = ActivityInput {
        community_id: Some(community.id),
        held_on: "2026-11-20".into(),
        organizer: "县医院".into(),
        service_type: "义务诊疗".into(),
        place: "河咀社区广场".into(),
        people_served: 86,
        participants: vec![
            who(Some(a), "", ParticipantKind::Member, "2.5"),
            who(None, "杨佳怡", ParticipantKind::League, "3"),
        ],
        version: None,
    };
    let saved = volunteering::record(&t.pool, &input, today).await.unwrap();

    // A bad row in the correction changes nothing at all.
    let mut fixed = input.clone();
    fixed.people_served = 120;
    fixed.participants =
        vec![who(Some(a), "", ParticipantKind::Member, "3"), who(Some(b), "", ParticipantKind::Member, "0")];
    let err = volunteering::update(&t.pool, saved.id, &fixed, today).await.unwrap_err();
    assert_eq!(err.field(), Some("participants.1.hours"));
    let people = volunteering::participants(&t.pool, saved.id).await.unwrap();
    assert_eq!(
        people.iter().map(|p| (p.name.as_str(), p.hours_tenths)).collect::<Vec<_>>(),
        [("李华", 25), ("杨佳怡", 30)]
    );

    fixed.participants[1].hours = "1.5".into();
    let changed = volunteering::update(&t.pool, saved.id, &fixed, today).await.unwrap();
    assert_eq!((changed.participants, changed.hours_tenths, changed.people_served), (2, 45, 120));
    let people = volunteering::participants(&t.pool, saved.id).await.unwrap();
    assert_eq!(
        people.iter().map(|p| (p.member_id, p.kind, p.hours_tenths)).collect::<Vec<_>>(),
        [(Some(a), ParticipantKind::Member, 30), (Some(b), ParticipantKind::Member, 15)]
    );
    let (from, to) = period_bounds("p", "2026-11").unwrap();
    let hours = volunteering::member_hours(&t.pool, None, from, to).await.unwrap();
    let mut got: Vec<(&str, i64)> = hours.iter().map(|m| (m.name.as_str(), m.hours_tenths)).collect();
    got.sort();
    assert_eq!(got, [("李华", 30), ("王强", 15)]);
    let missing = volunteering::update(&t.pool, 9999, &fixed, today).await.unwrap_err();
    assert_eq!((missing.kind(), missing.to_string()), (ErrorKind::NotFound, "志愿服务活动不存在".to_owned()));
}
