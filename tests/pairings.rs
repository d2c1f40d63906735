use sanliang::common::catalog::{OrgKind, SupportKind, UnitKind};
use sanliang::error::ErrorKind;
use sanliang::roster::orgs::{self, OrgInput};
use sanliang::sijin::pairings::{self, AgreementInput, PairingInput, SupportInput};

use crate::orgs::small_tree;
use crate::support;

async fn unit(pool: &sqlx::SqlitePool, county: i64, name: &str) -> i64 {
    let input = OrgInput {
        parent_id: Some(county),
        kind: OrgKind::Unit,
        unit_kind: Some(UnitKind::Organ),
        stationed_in: None,
        name: name.into(),
    };
    orgs::create(pool, input).await.unwrap().id
}

fn pairing(unit: i64, community: i64) -> PairingInput {
    PairingInput {
        unit_id: Some(unit),
        community_id: Some(community),
        start_on: "2026-01-05".into(),
        signed_on: "2026-01-05".into(),
        agreement_until: "2028-12-31".into(),
        agreement: "共建活动场所、完善服务设施、开展志愿服务".into(),
    }
}

#[tokio::test]
async fn a_unit_pairs_with_a_community_and_its_funds_are_kept_to_the_fen() {
    let t = support::fresh().await;
    let [county, _, community, branch, _] = small_tree(&t.pool).await;
    let bureau = unit(&t.pool, county.id, "县民政局").await;
    let today = support::today();
    let p = pairings::create(&t.pool, &pairing(bureau, community.id), today).await.unwrap();
    assert_eq!((p.unit_name.as_str(), p.community_name.as_str()), ("县民政局", "河咀社区党总支"));

    // Nonsense is refused at the field it concerns.
    let err = pairings::create(&t.pool, &pairing(bureau, community.id), today).await.unwrap_err();
    assert_eq!((err.kind(), err.field()), (ErrorKind::Conflict, Some("communityId")));
    let err = pairings::create(&t.pool, &pairing(bureau, branch.id), today).await.unwrap_err();
    assert_eq!(err.field(), Some("communityId"));
    let err = pairings::create(&t.pool, &pairing(community.id, community.id), today).await.unwrap_err();
    assert_eq!(err.field(), Some("unitId"));
    let mut bad = pairing(unit(&t.pool, county.id, "团县委").await, community.id);
    bad.agreement_until = "2025-12-31".into();
    assert_eq!(pairings::create(&t.pool, &bad, today).await.unwrap_err().field(), Some("agreementUntil"));

    let support = |kind, on: &str, amount: &str| SupportInput {
        pairing_id: p.id,
        kind: Some(kind),
        given_on: on.into(),
        description: "协调资金建成居家养老活动中心".into(),
        amount: amount.into(),
        version: None,
    };
    let funds =
        pairings::add_support(&t.pool, &support(SupportKind::Funds, "2026-03-01", "45万元"), today).await.unwrap();
    assert_eq!(funds.amount_fen, Some(45_000_000));
    pairings::add_support(&t.pool, &support(SupportKind::Funds, "2026-04-01", "0.10"), today).await.unwrap();
    pairings::add_support(&t.pool, &support(SupportKind::Funds, "2026-04-02", "0.20"), today).await.unwrap();
    pairings::add_support(&t.pool, &support(SupportKind::Activity, "2026-05-04", ""), today).await.unwrap();
    let err = pairings::add_support(&t.pool, &support(SupportKind::Funds, "2026-05-04", ""), today).await.unwrap_err();
    assert_eq!(err.field(), Some("amount"));
    let err = pairings::add_support(&t.pool, &support(SupportKind::Other, "2025-12-31", ""), today).await.unwrap_err();
    assert_eq!(err.field(), Some("givenOn"), "before the pairing began");

    let listed = pairings::list(&t.pool, Some(county.id), today).await.unwrap();
    assert_eq!(listed[0].funds_fen, 45_000_030, "0.10 + 0.20 adds up to exactly 0.30");
    assert_eq!(listed[0].records, 4);
    // A wrong record is deleted and leaves the sums.
    let wrong =
        pairings::add_support(&t.pool, &support(SupportKind::Funds, "2026-06-01", "9999"), today).await.unwrap();
    pairings::delete_support(&t.pool, wrong.id).await.unwrap();
    assert_eq!(pairings::list(&t.pool, None, today).await.unwrap()[0].funds_fen, 45_000_030);
    let stats = pairings::stats(&t.pool, None).await.unwrap();
    assert_eq!((stats.pairings, stats.communities, stats.funds_fen), (1, 1, 45_000_030));

    let err = pairings::end(&t.pool, p.id, "2025-12-01", today).await.unwrap_err();
    assert_eq!(err.field(), Some("endOn"));
    let ended = pairings::end(&t.pool, p.id, "2026-11-01", today).await.unwrap();
    assert_eq!(ended.end_on.map(|d| d.to_string()).as_deref(), Some("2026-11-01"));
    let err = pairings::add_support(&t.pool, &support(SupportKind::Other, "2026-11-20", ""), today).await.unwrap_err();
    assert_eq!(err.field(), Some("givenOn"), "after the pairing ended");
    // Once ended, the pair may be formed again.
    pairings::create(&t.pool, &pairing(bureau, community.id), today).await.unwrap();

    // The scanned agreement is kept in the data folder under its original name.
    let scan = t.dir.path().join("协议.pdf");
    std::fs::write(&scan, b"%PDF-1.4 scan").unwrap();
    let with_scan = pairings::attach_scan(&t.pool, t.dir.path(), p.id, &scan, today).await.unwrap();
    assert_eq!(with_scan.scan_name.as_deref(), Some("协议.pdf"));
    assert_eq!(std::fs::read_dir(t.dir.path().join(sanliang::common::files::SCAN_DIR)).unwrap().count(), 1);
}

#[tokio::test]
async fn an_open_agreement_ending_within_the_notice_days_is_marked_ending_soon() {
    let t = support::fresh().await;
    let [county, _, community, _, _] = small_tree(&t.pool).await;
    let today = support::today();
    // (days from today to the agreement's end, ended?, marked?): the notice covers today to 60 days on.
    let cases = [(0, false, true), (60, false, true), (61, false, false), (30, true, false)];
    for (i, (days, ended, _)) in cases.iter().enumerate() {
        let bureau = unit(&t.pool, county.id, &format!("县第{i}局")).await;
        let mut input = pairing(bureau, community.id);
        input.start_on = "2026-01-05".into();
        input.agreement_until = (today + chrono::Days::new(*days)).to_string();
        let p = pairings::create(&t.pool, &input, today).await.unwrap();
        if *ended {
            pairings::end(&t.pool, p.id, &today.to_string(), today).await.unwrap();
        }
    }
    let listed = pairings::list(&t.pool, None, today).await.unwrap();
    for (i, (days, ended, marked)) in cases.iter().enumerate() {
        let p = listed.iter().find(|p| p.unit_name == format!("县第{i}局")).unwrap();
        assert_eq!(p.agreement_ending_soon, *marked, "{days} days, ended: {ended}");
    }
    // A day later the one ending today has run out and is no longer "ending soon".
    let tomorrow = today + chrono::Days::new(1);
    let later = pairings::list(&t.pool, None, tomorrow).await.unwrap();
    assert!(!later.iter().find(|p| p.unit_name == "县第0局").unwrap().agreement_ending_soon);
    assert!(later.iter().find(|p| p.unit_name == "县第1局").unwrap().agreement_ending_soon);
}

#[tokio::test]
async fn the_demo_has_the_seeds_pairings_and_the_cli_prints_them() {
    let t = support::demo().await;
    let all = pairings::list(&t.pool, None, support::today()).await.unwrap();
    let civil = all.iter().find(|p| p.unit_name == "县民政局").unwrap();
    assert!(civil.community_name.starts_with("大街社区"));
    assert_eq!(civil.funds_fen, 45_000_000, "县民政局's 45万元 for 大街社区's elderly-care centre");
    assert!(all.iter().any(|p| p.unit_name == "共青团江川县委员会" && p.community_name.starts_with("下营社区")));
    t.pool.close().await;

    let out = crate::support::cli().args(["pairings", "--data-dir", t.dir.path().to_str().unwrap()]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    assert!(
        text.contains("结对共建\t5") && text.contains("县民政局\t大街社区党总支") && text.contains("资金¥450,000.00"),
        "{text}"
    );
}

#[tokio::test]
async fn a_cadre_help_pair_keeps_dated_records() {
    use sanliang::sijin::help_pairs::{self, HelpPairInput};
    let t = support::fresh().await;
    let [_, _, community, _, _] = small_tree(&t.pool).await;
    let today = support::today();
    let input = HelpPairInput {
        community_id: Some(community.id),
        cadre: "杨建华".into(),
        cadre_title: "县委常委".into(),
        helped: "河咀村3组 李大爷（独居老人）".into(),
        start_on: "2026-03-01".into(),
    };
    let pair = help_pairs::create(&t.pool, &input, today).await.unwrap();
    let err = help_pairs::add_record(&t.pool, pair.id, "2026-02-28", "送米送油", today).await.unwrap_err();
    assert_eq!(err.field(), Some("helpedOn"), "before the pair was formed");
    help_pairs::add_record(&t.pool, pair.id, "2026-06-01", "帮助申请临时救助", today).await.unwrap();
    let pair = help_pairs::add_record(&t.pool, pair.id, "2026-09-10", "送米送油", today).await.unwrap();
    assert_eq!((pair.records, pair.last_record.map(|d| d.to_string())), (2, Some("2026-09-10".into())));
    assert_eq!(help_pairs::records(&t.pool, pair.id).await.unwrap()[0].text, "送米送油", "newest first");
    assert_eq!(pairings::stats(&t.pool, None).await.unwrap().help_pairs, 1);

    // The household no longer needs the help: the pair ends, keeps its records, stops counting.
    let err = help_pairs::end(&t.pool, pair.id, "2026-09-01", today).await.unwrap_err();
    assert!(err.field() == Some("endOn") && err.to_string().contains("2026-09-10"), "{err}");
    assert_eq!(help_pairs::end(&t.pool, pair.id, "2026-11-29", today).await.unwrap_err().field(), Some("endOn"));
    let ended = help_pairs::end(&t.pool, pair.id, "2026-10-31", today).await.unwrap();
    assert_eq!((ended.end_on.map(|d| d.to_string()), ended.records), (Some("2026-10-31".into()), 2));
    assert_eq!(pairings::stats(&t.pool, None).await.unwrap().help_pairs, 0);
    let late = help_pairs::add_record(&t.pool, pair.id, "2026-11-05", "回访", today).await.unwrap_err();
    assert_eq!(late.field(), Some("helpedOn"));
    assert_eq!(help_pairs::end(&t.pool, pair.id, "2026-11-01", today).await.unwrap_err().kind(), ErrorKind::Conflict);
    assert_eq!(help_pairs::list(&t.pool, None).await.unwrap().len(), 1, "still listed, as ended");
}

#[tokio::test]
async fn an_agreement_is_corrected_and_renewed_and_the_ending_reminder_goes() {
    let t = support::fresh().await;
    let [county, _, community, _, _] = small_tree(&t.pool).await;
    let bureau = unit(&t.pool, county.id, "县司法局").await;
    let today = support::today();
    let mut input = pairing(bureau, community.id);
    input.agreement_until = "2026-12-31".into();
    let p = pairings::create(&t.pool, &input, today).await.unwrap();
    let ending = |r: &[sanliang::overview::reminders::Reminder]| r.iter().any(|r| r.key == "agreements");
    assert!(ending(&sanliang::overview::reminders::for_today(&t.pool, None, today).await.unwrap()));

    // Refused at the field: a term before signing, a signing date in the future.
    let renew = |signed: &str, until: &str| AgreementInput {
        signed_on: signed.into(),
        agreement_until: until.into(),
        agreement: "续签：共建老年活动中心、开展法律进社区".into(),
        version: None,
    };
    let err = pairings::update_agreement(&t.pool, p.id, &renew("2026-11-20", "2026-11-01"), today).await.unwrap_err();
    assert_eq!(err.field(), Some("agreementUntil"));
    let err = pairings::update_agreement(&t.pool, p.id, &renew("2026-11-29", "2029-12-31"), today).await.unwrap_err();
    assert_eq!(err.field(), Some("signedOn"));

    // 续签 for three more years: the pairing keeps its records, the reminder goes.
    let renewed = pairings::update_agreement(&t.pool, p.id, &renew("2026-11-20", "2029-12-31"), today).await.unwrap();
    assert_eq!(renewed.agreement_until.map(|d| d.to_string()).as_deref(), Some("2029-12-31"));
    assert_eq!(renewed.agreement, "续签：共建老年活动中心、开展法律进社区");
    assert_eq!(renewed.start_on.to_string(), "2026-01-05");
    assert!(!ending(&sanliang::overview::reminders::for_today(&t.pool, None, today).await.unwrap()));

    // An ended pairing's agreement stays as it was.
    pairings::end(&t.pool, p.id, "2026-11-25", today).await.unwrap();
    let err = pairings::update_agreement(&t.pool, p.id, &renew("2026-11-20", "2030-12-31"), today).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict);
}

#[tokio::test]
async fn a_mistyped_support_record_is_corrected_within_its_pairing() {
    let t = support::fresh().await;
    let [county, _, community, _, _] = small_tree(&t.pool).await;
    let bureau = unit(&t.pool, county.id, "县民政局").await;
    let today = support::today();
    let p = pairings::create(&t.pool, &pairing(bureau, community.id), today).await.unwrap();
    let input = |on: &str, amount: &str| SupportInput {
        pairing_id: p.id,
        kind: Some(SupportKind::Funds),
        given_on: on.into(),
        description: "协调资金建成居家养老活动中心".into(),
        amount: amount.into(),
        version: None,
    };
    let r = pairings::add_support(&t.pool, &input("2026-03-01", "4.5万"), today).await.unwrap();
    assert_eq!(r.amount_fen, Some(4_500_000));

    // Refused at the field, nothing changed: a date before the pairing, no amount for funds.
    let err = pairings::update_support(&t.pool, r.id, &input("2025-12-31", "45万"), today).await.unwrap_err();
    assert_eq!(err.field(), Some("givenOn"));
    let err = pairings::update_support(&t.pool, r.id, &input("2026-03-01", ""), today).await.unwrap_err();
    assert_eq!(err.field(), Some("amount"));
    // The amount as the page shows it is read back exactly.
    let fixed = pairings::update_support(&t.pool, r.id, &input("2026-03-01", "¥450,000.00"), today).await.unwrap();
    assert_eq!((fixed.id, fixed.amount_fen), (r.id, Some(45_000_000)));
    assert_eq!(pairings::stats(&t.pool, None).await.unwrap().funds_fen, 45_000_000);

    pairings::delete_support(&t.pool, r.id).await.unwrap();
    let gone = pairings::update_support(&t.pool, r.id, &input("2026-03-01", "1"), today).await.unwrap_err();
    assert_eq!(gone.kind(), ErrorKind::NotFound);
    assert_eq!(pairings::delete_support(&t.pool, r.id).await.unwrap_err().kind(), ErrorKind::NotFound);
}
