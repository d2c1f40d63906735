use chrono::NaiveDate;
use sanliang::common::catalog::{Appraiser, PledgeStatus, Rating};
use sanliang::error::ErrorKind;
use sanliang::roster::members;
use sanliang::sanliang::pledges::cycle::{self, AppraisalInput, CloseInput, ProgressInput};
use sanliang::sanliang::pledges::{self, ItemInput, PledgeInput, PledgeQuery};

use crate::orgs::small_tree;
use crate::support;
use crate::zones::member;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn item(content: &str, deadline: &str) -> ItemInput {
    ItemInput {
        content: content.into(),
        measures: "建立台账，每月小结".into(),
        owner: "李华".into(),
        deadline: deadline.into(),
    }
}

fn three_items() -> Vec<ItemInput> {
    vec![
        item("每月走访辖区独居老人不少于2次", "2026-06-30"),
        item("组织环湖巷道环境卫生清扫每季度1次", "2026-09-30"),
        item("调解邻里矛盾纠纷，做到小事不出巷", "2026-12-31"),
    ]
}

fn input(member_id: i64, items: Vec<ItemInput>) -> PledgeInput {
    PledgeInput {
        member_id: Some(member_id),
        org_id: None,
        year: 2026,
        pledged_on: "2026-03-01".into(),
        items,
        version: None,
    }
}

#[tokio::test]
async fn a_pledge_goes_from_draft_to_appraisal_and_is_overdue_only_after_its_deadline() {
    let t = support::fresh().await;
    let [_, _, community, _, _] = small_tree(&t.pool).await;
    let m = member(&t.pool, community.id, "李华").await;
    let today = d("2026-03-10");
    let p = pledges::create(&t.pool, &input(m, three_items()), today).await.unwrap();
    assert_eq!(p.status, PledgeStatus::Draft);
    assert_eq!(p.items.len(), 3);
    assert!(p.items.iter().all(|i| i.flags.is_empty()));

    // Nonsense is refused: progress or appraisal before publication.
    let progress = |item_id, on: &str, done| ProgressInput {
        pledge_id: p.id,
        item_id,
        entered_on: on.into(),
        text: "本月走访独居老人5户".into(),
        item_done: done,
    };
    let err = cycle::add_progress(&t.pool, &progress(None, "2026-03-05", false), today).await.unwrap_err();
    assert!(err.to_string().contains("尚未公示"), "{err}");
    let appraisal = |on: &str| AppraisalInput {
        pledge_id: p.id,
        appraiser: Some(Appraiser::Residents),
        rating: Some(Rating::Satisfied),
        comment: "走访到位".into(),
        appraised_on: on.into(),
    };
    let err = cycle::appraise(&t.pool, &appraisal("2026-03-06"), today).await.unwrap_err();
    assert!(err.to_string().contains("尚未公示"), "{err}");

    let err = pledges::publish(&t.pool, p.id, "2026-02-28", today).await.unwrap_err();
    assert_eq!(err.field(), Some("publishedOn"), "publication before the pledge date");
    let err = pledges::publish(&t.pool, p.id, "2026-03-11", today).await.unwrap_err();
    assert!(err.to_string().contains("不能晚于今天"));
    let p = pledges::publish(&t.pool, p.id, "2026-03-05", today).await.unwrap();
    assert_eq!((p.status, p.published_on), (PledgeStatus::Published, Some(d("2026-03-05"))));

    let err = cycle::add_progress(&t.pool, &progress(None, "2026-03-04", false), today).await.unwrap_err();
    assert_eq!(err.field(), Some("enteredOn"));
    assert!(err.to_string().contains("不能早于公示日期"), "{err}");
    let first = p.items[0].id;
    // The day of publication itself is after publication enough.
    let p = cycle::add_progress(&t.pool, &progress(Some(first), "2026-03-05", false), today).await.unwrap();
    assert_eq!(p.progress.len(), 1);
    assert_eq!(p.progress[0].item_seq, Some(1));

    // The clock moves: on the deadline day the pledge is still in time, the day after it is overdue.
    let on_deadline = pledges::get(&t.pool, p.id, d("2026-06-30")).await.unwrap();
    assert_eq!(on_deadline.status, PledgeStatus::Published);
    let after = pledges::get(&t.pool, p.id, d("2026-07-01")).await.unwrap();
    assert_eq!(after.status, PledgeStatus::Overdue);
    assert!(after.items[0].overdue && !after.items[1].overdue);

    // Completing the late item lifts the overdue state; closing as completed needs every item done.
    let july = d("2026-07-02");
    cycle::add_progress(&t.pool, &progress(Some(first), "2026-07-02", true), july).await.unwrap();
    assert_eq!(pledges::get(&t.pool, p.id, july).await.unwrap().status, PledgeStatus::Published);
    let close = |outcome, on: &str| CloseInput { pledge_id: p.id, outcome: Some(outcome), closed_on: on.into() };
    let err = cycle::close(&t.pool, &close(PledgeStatus::Completed, "2026-07-02"), july).await.unwrap_err();
    assert!(err.to_string().contains("还有2项没有完成"), "{err}");
    let year_end = d("2026-12-31");
    for item in &p.items[1..] {
        cycle::add_progress(&t.pool, &progress(Some(item.id), "2026-12-20", true), year_end).await.unwrap();
    }
    let closed = cycle::close(&t.pool, &close(PledgeStatus::Completed, "2026-12-30"), year_end).await.unwrap();
    assert_eq!((closed.status, closed.closed_on), (PledgeStatus::Completed, Some(d("2026-12-30"))));
    let err = cycle::add_progress(&t.pool, &progress(None, "2026-12-31", false), year_end).await.unwrap_err();
    assert!(err.to_string().contains("已结项"));

    // 评诺 by three parties; "unsatisfied" needs a reason.
    let mut unhappy = appraisal("2026-12-31");
    unhappy.rating = Some(Rating::Unsatisfied);
    unhappy.comment = " ".into();
    let err = cycle::appraise(&t.pool, &unhappy, year_end).await.unwrap_err();
    assert_eq!(err.field(), Some("comment"));
    let appraised = cycle::appraise(&t.pool, &appraisal("2026-12-31"), year_end).await.unwrap();
    assert_eq!(appraised.appraisals.len(), 1);
    assert_eq!(appraised.appraisals[0].rating, Rating::Satisfied);
    // Only "unsatisfied" needs words: a satisfied appraisal may come without a comment.
    let mut brief = appraisal("2026-12-31");
    brief.appraiser = Some(Appraiser::Members);
    brief.comment = String::new();
    assert_eq!(cycle::appraise(&t.pool, &brief, year_end).await.unwrap().appraisals.len(), 2);
}

#[tokio::test]
async fn vague_items_are_saved_as_drafts_but_not_published() {
    let t = support::fresh().await;
    let [_, _, community, _, _] = small_tree(&t.pool).await;
    let m = member(&t.pool, community.id, "王芳").await;
    let today = support::today();
    let mut items = three_items();
    items[1] = ItemInput { content: "服务群众".into(), ..Default::default() };
    let p = pledges::create(&t.pool, &input(m, items), today).await.unwrap();
    assert_eq!(p.items[1].flags.len(), 4, "{:?}", p.items[1].flags);
    let err = pledges::publish(&t.pool, p.id, "2026-03-05", today).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Validation);
    assert!(err.to_string().starts_with("第2项内容过于笼统"), "{err}");
    assert!(err.to_string().contains("没有完成时限"), "{err}");
    assert_eq!(pledges::get(&t.pool, p.id, today).await.unwrap().status, PledgeStatus::Draft);

    // Fixing the draft rewrites all items at once; then it publishes.
    let p = pledges::update(&t.pool, p.id, &input(m, three_items()), today).await.unwrap();
    assert_eq!(p.items[1].content, "组织环湖巷道环境卫生清扫每季度1次");
    pledges::publish(&t.pool, p.id, "2026-03-05", today).await.unwrap();
    let err = pledges::update(&t.pool, p.id, &input(m, three_items()), today).await.unwrap_err();
    assert!(err.to_string().contains("已公示"));
    let err = pledges::delete(&t.pool, p.id).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict);

    // A second pledge for the same year is refused, and a deadline before the pledge date too.
    let err = pledges::create(&t.pool, &input(m, three_items()), today).await.unwrap_err();
    assert!(err.to_string().contains("已有2026年的承诺"), "{err}");
    let mut early = input(m, vec![item("每月走访辖区独居老人不少于2次", "2026-02-01")]);
    early.year = 2026;
    early.member_id = Some(member(&t.pool, community.id, "赵敏").await);
    let err = pledges::create(&t.pool, &early, today).await.unwrap_err();
    assert_eq!(err.field(), Some("items.0.deadline"));
}

#[tokio::test]
async fn lists_put_overdue_first_and_a_new_year_starts_from_last_years_pledges() {
    let t = support::fresh().await;
    let [county, _, community, branch, _] = small_tree(&t.pool).await;
    let today = support::today();
    let a = member(&t.pool, branch.id, "甲党员").await;
    let b = member(&t.pool, branch.id, "乙党员").await;
    let gone = member(&t.pool, branch.id, "丙党员").await;
    let late = pledges::create(&t.pool, &input(a, three_items()), today).await.unwrap();
    pledges::publish(&t.pool, late.id, "2026-03-05", today).await.unwrap();
    let mut on_time = input(b, vec![item("年底前为辖区困难家庭办理救助3户", "2026-12-31")]);
    on_time.pledged_on = "2026-03-01".into();
    let on_time = pledges::create(&t.pool, &on_time, today).await.unwrap();
    pledges::publish(&t.pool, on_time.id, "2026-03-05", today).await.unwrap();
    pledges::create(&t.pool, &input(gone, three_items()), today).await.unwrap();
    let org = PledgeInput {
        member_id: None,
        org_id: Some(community.id),
        year: 2026,
        pledged_on: "2026-01-10".into(),
        items: vec![item("建成社区居家养老服务中心并投入使用", "2026-10-31")],
        version: None,
    };
    let org = pledges::create(&t.pool, &org, today).await.unwrap();
    assert_eq!(org.owner_name, "河咀社区党总支");

    let page = pledges::search(
        &t.pool,
        &PledgeQuery { org_id: Some(county.id), year: Some(2026), page: 1, page_size: 20, ..Default::default() },
        today,
    )
    .await
    .unwrap();
    assert_eq!(page.total, 4);
    assert_eq!((page.counts.overdue, page.counts.published, page.counts.draft), (1, 1, 2));
    assert_eq!(page.rows[0].owner_name, "甲党员", "overdue first");
    assert_eq!(page.rows[0].overdue_items, 2);
    assert_eq!(page.rows[1].owner_name, "乙党员");
    let only_overdue = pledges::search(
        &t.pool,
        &PledgeQuery { status: Some(PledgeStatus::Overdue), page: 1, page_size: 20, ..Default::default() },
        today,
    )
    .await
    .unwrap();
    assert_eq!(only_overdue.rows.iter().map(|r| r.id).collect::<Vec<_>>(), [late.id]);

    // 丙 leaves the roll; the new year copies the other three as drafts, deadlines moved a year.
    let change = members::StatusChange {
        status: sanliang::common::catalog::MemberStatus::Transferred,
        date: Some("2026-11-01".into()),
    };
    members::set_status(&t.pool, gone, &change, today).await.unwrap();
    let summary = pledges::copy_year(&t.pool, None, 2026, 2027, today).await.unwrap();
    assert_eq!((summary.created, summary.existing, summary.inactive), (3, 0, 1));
    let again = pledges::copy_year(&t.pool, None, 2026, 2027, today).await.unwrap();
    assert_eq!((again.created, again.existing), (0, 3), "copying twice creates nothing twice");
    let copies = pledges::of_member(&t.pool, a, today).await.unwrap();
    assert_eq!(
        copies.iter().map(|r| (r.year, r.status)).collect::<Vec<_>>(),
        [(2027, PledgeStatus::Draft), (2026, PledgeStatus::Overdue)]
    );
    let copy = pledges::get(&t.pool, copies[0].id, today).await.unwrap();
    assert_eq!(copy.pledged_on, d("2027-01-01"));
    assert_eq!(
        copy.items.iter().map(|i| i.deadline).collect::<Vec<_>>(),
        [Some(d("2027-06-30")), Some(d("2027-09-30")), Some(d("2027-12-31"))]
    );
    assert!(copy.items.iter().all(|i| i.done_on.is_none()));
}

#[tokio::test]
async fn evidence_files_are_copied_into_the_data_folder_all_or_none() {
    let t = support::fresh().await;
    let [_, _, community, _, _] = small_tree(&t.pool).await;
    let m = member(&t.pool, community.id, "李华").await;
    let today = support::today();
    let p = pledges::create(&t.pool, &input(m, three_items()), today).await.unwrap();
    pledges::publish(&t.pool, p.id, "2026-03-05", today).await.unwrap();
    let p = cycle::add_progress(
        &t.pool,
        &ProgressInput {
            pledge_id: p.id,
            item_id: None,
            entered_on: "2026-04-01".into(),
            text: "走访记录".into(),
            item_done: false,
        },
        today,
    )
    .await
    .unwrap();
    let progress_id = p.progress[0].id;
    let src = tempfile::tempdir().unwrap();
    let photo = src.path().join("走访照片.jpg");
    std::fs::write(&photo, [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3]).unwrap();
    let script = src.path().join("run.exe");
    std::fs::write(&script, b"MZ").unwrap();

    let err = cycle::attach_evidence(&t.pool, t.dir.path(), progress_id, &[photo.clone(), script]).await.unwrap_err();
    assert!(err.to_string().contains("run.exe"), "{err}");
    let evidence_dir = t.dir.path().join(sanliang::common::files::EVIDENCE_DIR);
    let files = |dir: &std::path::Path| std::fs::read_dir(dir).map(|r| r.count()).unwrap_or(0);
    assert_eq!(files(&evidence_dir), 0, "nothing copied when one file is refused");

    let saved = cycle::attach_evidence(&t.pool, t.dir.path(), progress_id, std::slice::from_ref(&photo)).await.unwrap();
    assert_eq!(saved.len(), 1);
    assert_eq!((saved[0].original_name.as_str(), saved[0].bytes), ("走访照片.jpg", 7));
    let path = cycle::evidence_path(&t.pool, t.dir.path(), saved[0].id).await.unwrap();
    assert_eq!(std::fs::read(path).unwrap(), [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3]);
    assert_eq!(files(&evidence_dir), 1);
    let p = pledges::get(&t.pool, p.id, today).await.unwrap();
    assert_eq!(p.progress[0].evidence.len(), 1);

    // The wrong photo attached by mistake is removed with its copy; the original stays.
    let again = cycle::attach_evidence(&t.pool, t.dir.path(), progress_id, std::slice::from_ref(&photo)).await.unwrap();
    assert_eq!(files(&evidence_dir), 2);
    cycle::remove_evidence(&t.pool, t.dir.path(), again[1].id).await.unwrap();
    assert_eq!(files(&evidence_dir), 1);
    assert!(photo.exists(), "the user's own file is never touched");
    assert_eq!(pledges::get(&t.pool, p.id, today).await.unwrap().progress[0].evidence.len(), 1);
    let gone = cycle::remove_evidence(&t.pool, t.dir.path(), again[1].id).await.unwrap_err();
    assert_eq!(gone.kind(), ErrorKind::NotFound);

    // A copy someone already deleted from the data folder: the record still goes.
    let third = cycle::attach_evidence(&t.pool, t.dir.path(), progress_id, std::slice::from_ref(&photo)).await.unwrap();
    let copy = cycle::evidence_path(&t.pool, t.dir.path(), third[1].id).await.unwrap();
    std::fs::remove_file(&copy).unwrap();
    cycle::remove_evidence(&t.pool, t.dir.path(), third[1].id).await.unwrap();
    // A copy that cannot be removed (here a folder stands in its place) is reported, not ignored.
    let fourth =
        cycle::attach_evidence(&t.pool, t.dir.path(), progress_id, std::slice::from_ref(&photo)).await.unwrap();
    let copy = cycle::evidence_path(&t.pool, t.dir.path(), fourth[1].id).await.unwrap();
    std::fs::remove_file(&copy).unwrap();
    std::fs::create_dir(&copy).unwrap();
    let stuck = cycle::remove_evidence(&t.pool, t.dir.path(), fourth[1].id).await.unwrap_err();
    assert_eq!(stuck.kind(), ErrorKind::Io);
    std::fs::remove_dir(&copy).unwrap();
    assert_eq!(pledges::get(&t.pool, p.id, today).await.unwrap().progress[0].evidence.len(), 1);

    // Once the pledge is closed, its evidence is the record and stays.
    let close =
        CloseInput { pledge_id: p.id, outcome: Some(PledgeStatus::NotCompleted), closed_on: "2026-11-20".into() };
    cycle::close(&t.pool, &close, today).await.unwrap();
    let kept = cycle::remove_evidence(&t.pool, t.dir.path(), saved[0].id).await.unwrap_err();
    assert_eq!(kept.kind(), ErrorKind::Conflict);
    assert!(kept.to_string().contains("走访照片.jpg"), "{kept}");
    assert_eq!(files(&evidence_dir), 1);
}
