//! "Changed since it was opened" on every form that edits a record: the form's save carries the
//! version it read; a change made meanwhile (the command line, an import) refuses the save with
//! the record named and leaves that change in place; read again, the same save goes through; a
//! change to another record does not refuse it.

use std::fmt::Debug;

use chrono::Datelike;

use sanliang::common::versions;
use sanliang::error::{Error, Result};
use sanliang::sanliang::pledges::{self, ItemInput, PledgeInput};
use sanliang::sanliang::posts::{self, PostInput};
use sanliang::sijin::deputies::{self, DeputyInput, ReceptionInput};
use sanliang::sijin::leaders::{self, LeaderInput};
use sanliang::sijin::pairings::{self, AgreementInput, SupportInput};
use sanliang::sijin::volunteering::{self, ActivityInput, ParticipantInput};

use crate::orgs::small_tree;
use crate::support;
use crate::zones::member;

/// A stale save: refused on the version field, naming the record as `what`.
fn assert_stale<T: Debug>(result: Result<T>, what: &str) {
    match result {
        Err(Error::Conflict { field, message }) => {
            assert_eq!(field.as_deref(), Some(versions::FIELD), "{what}");
            let start = format!("{what}在您打开之后又被修改过（");
            assert!(message.starts_with(&start), "{message}");
            assert!(message.ends_with("为免覆盖这些修改，这次没有保存。请关闭窗口，重新打开后再修改。"), "{message}");
        }
        other => panic!("{what}: expected a stale save, got {other:?}"),
    }
}

#[tokio::test]
async fn a_post_saved_over_a_change_is_refused_but_not_over_a_change_to_another_post() {
    let t = support::demo().await;
    let list = posts::list(&t.pool, None).await.unwrap();
    let (opened, other) = (&list[0], &list[1]);
    let form = |p: &posts::Post, duties: &str, version| PostInput {
        community_id: Some(p.community_id),
        name: p.name.clone(),
        kind: Some(p.kind),
        duties: duties.into(),
        capacity: p.capacity,
        version,
    };
    // Another post changing does not make this form stale.
    posts::update(&t.pool, other.id, &form(other, "另一岗位的职责改过了", None)).await.unwrap();
    let saved = posts::update(&t.pool, opened.id, &form(opened, "第一次保存", Some(opened.version))).await.unwrap();
    assert_eq!(saved.duties, "第一次保存");
    // The form, still showing what it read first, saves again after the command line changed it.
    posts::update(&t.pool, opened.id, &form(opened, "别处改的职责", None)).await.unwrap();
    assert_stale(
        posts::update(&t.pool, opened.id, &form(opened, "表单里的职责", Some(saved.version))).await,
        &format!("岗位“{}”", opened.name),
    );
    let now = posts::list(&t.pool, None).await.unwrap().into_iter().find(|p| p.id == opened.id).unwrap();
    assert_eq!(now.duties, "别处改的职责", "the change made elsewhere stays");
    // Opened again, it saves.
    let saved = posts::update(&t.pool, opened.id, &form(&now, "表单里的职责", Some(now.version))).await.unwrap();
    assert_eq!(saved.duties, "表单里的职责");
}

#[tokio::test]
async fn a_draft_pledge_saved_after_its_items_changed_elsewhere_is_refused() {
    let t = support::fresh().await;
    let today = support::today();
    let [_, _, community, _, _] = small_tree(&t.pool).await;
    let m = member(&t.pool, community.id, "李华").await;
    let item = |content: &str| ItemInput {
        content: content.into(),
        measures: "建立台账，每月小结".into(),
        owner: "李华".into(),
        deadline: "2026-12-31".into(),
    };
    let input = |items: Vec<ItemInput>, version| PledgeInput {
        member_id: Some(m),
        org_id: None,
        year: 2026,
        pledged_on: "2026-03-01".into(),
        items,
        version,
    };
    let created = pledges::create(&t.pool, &input(vec![item("每月走访独居老人不少于2次")], None), today).await.unwrap();
    let opened = pledges::get(&t.pool, created.id, today).await.unwrap();
    // Only an item changes elsewhere: the pledge's own row is untouched, and still it is stale.
    pledges::update(&t.pool, opened.id, &input(vec![item("每月走访独居老人不少于3次")], None), today).await.unwrap();
    assert_stale(
        pledges::update(&t.pool, opened.id, &input(vec![item("调解邻里矛盾纠纷")], Some(opened.version)), today).await,
        "李华的2026年承诺",
    );
    let now = pledges::get(&t.pool, opened.id, today).await.unwrap();
    assert_eq!(now.items.iter().map(|i| i.content.as_str()).collect::<Vec<_>>(), ["每月走访独居老人不少于3次"]);
    let saved = pledges::update(&t.pool, opened.id, &input(vec![item("调解邻里矛盾纠纷")], Some(now.version)), today)
        .await
        .unwrap();
    assert_eq!(saved.items[0].content, "调解邻里矛盾纠纷");
}

#[tokio::test]
async fn a_leader_and_a_diary_entry_saved_over_a_change_are_refused() {
    let t = support::demo().await;
    let today = support::today();
    let opened = leaders::list(&t.pool, None).await.unwrap().remove(0);
    let form = |title: &str, version| LeaderInput {
        name: opened.name.clone(),
        level: Some(opened.level),
        title: title.into(),
        phone: opened.phone.clone(),
        version,
    };
    leaders::update(&t.pool, opened.id, &form("别处改的职务", None)).await.unwrap();
    assert_stale(
        leaders::update(&t.pool, opened.id, &form("表单里的职务", Some(opened.version))).await,
        &format!("联系领导“{}”的信息", opened.name),
    );
    let now = leaders::list(&t.pool, None).await.unwrap().into_iter().find(|l| l.id == opened.id).unwrap();
    assert_eq!(now.title, "别处改的职务");
    assert_eq!(
        leaders::update(&t.pool, opened.id, &form("表单里的职务", Some(now.version))).await.unwrap().title,
        "表单里的职务"
    );

    let month = today.format("%Y-%m").to_string();
    let entry = leaders::diaries(&t.pool, None, &month).await.unwrap().remove(0);
    let on = entry.written_on.to_string();
    leaders::update_diary(&t.pool, entry.id, &on, "别处改的日记", None, today).await.unwrap();
    assert_stale(
        leaders::update_diary(&t.pool, entry.id, &on, "表单里的日记", Some(entry.version), today).await,
        "这篇民情日记",
    );
    let now = leaders::diaries(&t.pool, None, &month).await.unwrap().into_iter().find(|d| d.id == entry.id).unwrap();
    assert_eq!(now.text, "别处改的日记");
    leaders::update_diary(&t.pool, entry.id, &on, "表单里的日记", Some(now.version), today).await.unwrap();
}

#[tokio::test]
async fn a_deputy_and_a_reception_point_saved_over_a_change_are_refused() {
    let t = support::demo().await;
    let opened = deputies::list(&t.pool, None).await.unwrap().remove(0);
    let form = |work_unit: &str, version| DeputyInput {
        name: opened.name.clone(),
        roles: opened.roles.clone(),
        work_unit: work_unit.into(),
        phone: opened.phone.clone(),
        version,
    };
    deputies::update(&t.pool, opened.id, &form("别处改的单位", None)).await.unwrap();
    assert_stale(
        deputies::update(&t.pool, opened.id, &form("表单里的单位", Some(opened.version))).await,
        &format!("“{}”的信息", opened.name),
    );
    let now = deputies::list(&t.pool, None).await.unwrap().into_iter().find(|d| d.id == opened.id).unwrap();
    assert_eq!(now.work_unit, "别处改的单位");
    deputies::update(&t.pool, opened.id, &form("表单里的单位", Some(now.version))).await.unwrap();

    let point = deputies::receptions(&t.pool, None).await.unwrap().remove(0);
    let form = |schedule: &str, version| ReceptionInput {
        community_id: Some(point.community_id),
        place: point.place.clone(),
        schedule: schedule.into(),
        deputy_ids: point.on_duty_ids.clone(),
        version,
    };
    deputies::update_reception(&t.pool, point.id, &form("每周三上午", None)).await.unwrap();
    assert_stale(
        deputies::update_reception(&t.pool, point.id, &form("每周五下午", Some(point.version))).await,
        &format!("接待点“{}”", point.place),
    );
    let now = deputies::receptions(&t.pool, None).await.unwrap().into_iter().find(|p| p.id == point.id).unwrap();
    assert_eq!(now.schedule, "每周三上午");
    deputies::update_reception(&t.pool, point.id, &form("每周五下午", Some(now.version))).await.unwrap();
}

#[tokio::test]
async fn an_activity_saved_after_its_participants_changed_elsewhere_is_refused() {
    let t = support::demo().await;
    let today = support::today();
    let year = (today.with_month(1).unwrap().with_day(1).unwrap(), today);
    let opened = volunteering::list(&t.pool, None, year.0, year.1)
        .await
        .unwrap()
        .into_iter()
        .find(|a| a.participants >= 2)
        .expect("an activity with two participants in the demo");
    let people: Vec<ParticipantInput> = volunteering::participants(&t.pool, opened.id)
        .await
        .unwrap()
        .into_iter()
        .map(|p| ParticipantInput {
            member_id: p.member_id,
            name: p.name,
            kind: Some(p.kind),
            hours: format!("{}.{}", p.hours_tenths / 10, p.hours_tenths % 10),
        })
        .collect();
    let form = |place: &str, people: &[ParticipantInput], version| ActivityInput {
        community_id: Some(opened.community_id),
        held_on: opened.held_on.to_string(),
        organizer: opened.organizer.clone(),
        service_type: opened.service_type.clone(),
        place: place.into(),
        people_served: opened.people_served,
        participants: people.to_vec(),
        version,
    };
    // Elsewhere only the participants change: one leaves.
    volunteering::update(&t.pool, opened.id, &form(&opened.place, &people[1..], None), today).await.unwrap();
    let what = format!("{}的“{}”活动", opened.held_on.format("%-m月%-d日"), opened.service_type);
    assert_stale(
        volunteering::update(&t.pool, opened.id, &form("社区广场", &people, Some(opened.version)), today).await,
        &what,
    );
    assert_eq!(volunteering::participants(&t.pool, opened.id).await.unwrap().len(), people.len() - 1);
    let now = volunteering::list(&t.pool, None, year.0, year.1)
        .await
        .unwrap()
        .into_iter()
        .find(|a| a.id == opened.id)
        .unwrap();
    let saved =
        volunteering::update(&t.pool, opened.id, &form("社区广场", &people, Some(now.version)), today).await.unwrap();
    assert_eq!((saved.place.as_str(), saved.participants), ("社区广场", people.len() as i64));
}

#[tokio::test]
async fn an_agreement_and_a_support_record_saved_over_a_change_are_refused() {
    let t = support::demo().await;
    let today = support::today();
    let opened = pairings::list(&t.pool, None, today).await.unwrap().into_iter().find(|p| p.end_on.is_none()).unwrap();
    let form = |agreement: &str, version| AgreementInput {
        signed_on: opened.signed_on.map(|d| d.to_string()).unwrap_or_default(),
        agreement_until: opened.agreement_until.map(|d| d.to_string()).unwrap_or_default(),
        agreement: agreement.into(),
        version,
    };
    pairings::update_agreement(&t.pool, opened.id, &form("别处改的协议内容", None), today).await.unwrap();
    assert_stale(
        pairings::update_agreement(&t.pool, opened.id, &form("表单里的协议内容", Some(opened.version)), today).await,
        &format!("{}与{}的共建协议", opened.unit_name, opened.community_name),
    );
    let now = pairings::list(&t.pool, None, today).await.unwrap().into_iter().find(|p| p.id == opened.id).unwrap();
    assert_eq!(now.agreement, "别处改的协议内容");
    pairings::update_agreement(&t.pool, opened.id, &form("表单里的协议内容", Some(now.version)), today).await.unwrap();

    let record = pairings::support_records(&t.pool, opened.id).await.unwrap().remove(0);
    let form = |description: &str, version| SupportInput {
        pairing_id: opened.id,
        kind: Some(record.kind),
        given_on: record.given_on.to_string(),
        description: description.into(),
        amount: record.amount_fen.map(|f| format!("{}.{:02}", f / 100, f % 100)).unwrap_or_default(),
        version,
    };
    pairings::update_support(&t.pool, record.id, &form("别处改的帮扶内容", None), today).await.unwrap();
    assert_stale(
        pairings::update_support(&t.pool, record.id, &form("表单里的帮扶内容", Some(record.version)), today).await,
        "这条帮扶记录",
    );
    let now =
        pairings::support_records(&t.pool, opened.id).await.unwrap().into_iter().find(|r| r.id == record.id).unwrap();
    assert_eq!(now.description, "别处改的帮扶内容");
    pairings::update_support(&t.pool, record.id, &form("表单里的帮扶内容", Some(now.version)), today).await.unwrap();
}
