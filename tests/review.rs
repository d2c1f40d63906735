//! 检查汇总: the statistics of a county review against a fixture built to the seed's figures
//! (`fixtures/seed_county.sql`). Expected figures are worked out here from the fixture's own
//! rules (member n in community 11 + (n-1)%19, …), never read from the code under test.

use chrono::NaiveDate;
use sanliang::common::period::Period;
use sanliang::error::ErrorKind;
use sanliang::review::{self, responsibility, Share, Statistics};
use sqlx::SqlitePool;

use crate::support::{self, TestDb};

const SEED: &str = include_str!("fixtures/seed_county.sql");
const COUNTY: i64 = 1;
const DAJIE_STREET: i64 = 2;
const NINGHAI_STREET: i64 = 3;
const DAJIE_COMMUNITY: i64 = 11;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

pub(crate) async fn seed_county() -> TestDb {
    let db = support::fresh().await;
    sqlx::raw_sql(SEED).execute(&db.pool).await.unwrap();
    db
}

async fn stats(pool: &SqlitePool, org: Option<i64>, period: Period) -> Statistics {
    review::statistics(pool, org, period, support::today()).await.unwrap()
}

fn count(items: &[sanliang::common::catalog::LabeledCount], code: &str) -> i64 {
    items.iter().find(|c| c.code == code).unwrap_or_else(|| panic!("no {code} in {items:?}")).count
}

/// The fixture's communities that lie in a street: 11–20 in 大街街道, 21–29 in 宁海街道.
fn in_dajie(community: i64) -> bool {
    (11..=20).contains(&community)
}

#[tokio::test]
async fn the_seed_county_reproduces_the_report_figures() {
    let db = seed_county().await;
    let s = stats(&db.pool, None, Period::Year(2026)).await;

    assert_eq!(s.scope.org_name, "江川县");
    assert_eq!((s.scope.first, s.scope.last, s.scope.as_of), (d("2026-01-01"), d("2026-12-31"), support::today()));
    assert_eq!(s.pairings.pairings, 19);
    assert_eq!(s.pairings.communities_paired, 19);
    assert_eq!(s.pairings.agreements, 19);
    assert_eq!(s.pairings.agreements_ending, 0, "the agreements run to 2028");
    assert_eq!(s.pairings.help_pairs, 38);
    assert_eq!(s.pairings.funds_fen, 45_000_000);
    let funds: Vec<(&str, i64)> = s.pairings.funds_by_unit.iter().map(|u| (u.unit.as_str(), u.fen)).collect();
    assert_eq!(funds, [("县民政局", 45_000_000)]);

    assert_eq!(count(&s.leaders.leaders, "county"), 19);
    assert_eq!(count(&s.leaders.leaders, "township"), 19);
    assert_eq!(s.leaders.pairs, 38);
    // January to November (today is 28 November): every pair owed each month, none visited.
    assert_eq!(s.leaders.months.len(), 11);
    assert_eq!(s.leaders.compliance, Share::new(0, 38 * 11));
    assert!(!s.leaders.months.last().unwrap().complete, "November is still running");
    assert_eq!(s.leaders.compliance.percent_text(), "0%");

    // Deputy k has roles by k % 4: 0 party, 1 npc, 2 cppcc, 3 party and npc.
    let role = |r: &[u32]| (1..=57).filter(|k| r.contains(&(k % 4))).count() as i64;
    assert_eq!(count(&s.deputies.by_role, "party"), role(&[0, 3]));
    assert_eq!(count(&s.deputies.by_role, "npc"), role(&[1, 3]));
    assert_eq!(count(&s.deputies.by_role, "cppcc"), role(&[2]));
    assert_eq!(s.deputies.deputies, 57);
    assert_eq!(s.deputies.pairs, 114);
    assert_eq!(s.deputies.reception_points, 19);
    assert_eq!(s.deputies.quarters.len(), 4);
    assert_eq!(s.deputies.compliance, Share::new(0, 114 * 4));

    assert_eq!(s.members.on_roll, 3610);
    assert_eq!(count(&s.members.by_ethnicity, "彝族"), 3610 / 5);
    assert_eq!(count(&s.members.by_ethnicity, "汉族"), 3610 - 3610 / 5);
    assert_eq!(s.members.by_ethnicity[0].code, "汉族", "most members first");
    // Everyone was born on 1970-06-15: 56 on 28 November 2026.
    assert_eq!(count(&s.members.by_age, "56_60"), 3610);
    assert_eq!(count(&s.members.by_gender, "female"), 3610 / 2);
    assert_eq!(count(&s.members.by_category, "in_service"), 3610 / 3);

    assert_eq!(s.identity.shown, Share::new(3560, 3610));
    assert_eq!(s.identity.shown.percent_text(), "98.6%");
    assert_eq!(count(&s.identity.by_mark, "badge"), 3560);
    assert_eq!(s.identity.first_shown, 3560);
    assert_eq!(s.posts.posts, 19);
    assert_eq!(s.posts.with_post, Share::new(3504, 3610));
    let claimed = (1..=3504).filter(|n| n % 3 == 0).count() as i64;
    assert_eq!((s.posts.claimed, s.posts.assigned), (claimed, 3504 - claimed));

    assert_eq!(
        s.sentence,
        "目前，已结成单位共建对子19对，党员领导干部帮扶对子38对，党代表、人大代表、政协委员共建对子114对，\
         明确了19名县级党员领导干部、19名科级乡镇街道党员领导干部为社区共建联系领导，\
         建立党代表、人大代表和政协委员接待点19处，共建单位帮扶资金45万元，\
         已有3560名社区党员亮出身份，已有3504名社区党员认岗定责。"
    );
}

#[tokio::test]
async fn the_county_table_has_a_row_per_community_in_the_trees_order_with_its_shortfalls() {
    let db = seed_county().await;
    let s = stats(&db.pool, Some(COUNTY), Period::Year(2026)).await;
    let ids: Vec<i64> = s.communities.iter().map(|r| r.org_id).collect();
    assert_eq!(ids, (11..=29).collect::<Vec<_>>());
    let dajie = &s.communities[0];
    assert_eq!((dajie.name.as_str(), dajie.township.as_str()), ("大街社区", "大街街道"));
    assert_eq!(s.communities[10].township, "宁海街道");
    // Member n is in community 11 + (n-1)%19.
    let members_of = |c: i64, up_to: i64| (1..=up_to).filter(|n| 11 + (n - 1) % 19 == c).count() as i64;
    for row in &s.communities {
        assert_eq!(row.on_roll, members_of(row.org_id, 3610), "{}", row.name);
        assert_eq!(row.shown, Share::new(members_of(row.org_id, 3560), row.on_roll), "{}", row.name);
        assert_eq!(row.with_post, Share::new(members_of(row.org_id, 3504), row.on_roll), "{}", row.name);
        assert_eq!(row.pairings, 1);
        // Two leaders per community, eleven months; six deputy pairs, four quarters; no visits.
        assert_eq!(row.leader_visits, Share::new(0, 2 * 11));
        assert_eq!(row.deputy_visits, Share::new(0, 6 * 4));
        let codes: Vec<&str> = row.shortfalls.iter().map(|f| f.code.as_str()).collect();
        assert_eq!(codes, ["leader_visits", "deputy_visits"], "{}", row.name);
        assert_eq!(row.shortfalls[0].count, 22);
        assert_eq!(row.shortfalls[0].label, "联系领导未按月走访");
    }
    assert_eq!(dajie.funds_fen, 45_000_000);
    assert!(s.communities[1..].iter().all(|r| r.funds_fen == 0));
    assert_eq!(s.communities.iter().map(|r| r.on_roll).sum::<i64>(), s.members.on_roll);
}

#[tokio::test]
async fn a_street_counts_only_its_own_communities() {
    let db = seed_county().await;
    let s = stats(&db.pool, Some(DAJIE_STREET), Period::Year(2026)).await;
    assert_eq!(s.scope.org_name, "大街街道");
    assert_eq!(s.communities.len(), 10);
    let members = (1..=3610).filter(|n| in_dajie(11 + (n - 1) % 19)).count() as i64;
    let shown = (1..=3560).filter(|n| in_dajie(11 + (n - 1) % 19)).count() as i64;
    let with_post = (1..=3504).filter(|n| in_dajie(11 + (n - 1) % 19)).count() as i64;
    assert_eq!(s.members.on_roll, members);
    assert_eq!(s.identity.shown, Share::new(shown, members));
    assert_eq!(s.posts.with_post, Share::new(with_post, members));
    assert_eq!(s.pairings.pairings, 10);
    assert_eq!(s.pairings.help_pairs, (0..38).filter(|i| in_dajie(11 + i % 19)).count() as i64);
    let deputy_pairs: Vec<i64> = (0..114).filter(|k| in_dajie(11 + k % 19)).collect();
    assert_eq!(s.deputies.pairs, deputy_pairs.len() as i64);
    let mut deputies: Vec<i64> = deputy_pairs.iter().map(|k| k / 2 + 1).collect();
    deputies.dedup();
    assert_eq!(s.deputies.deputies, deputies.len() as i64);
    assert_eq!((count(&s.leaders.leaders, "county"), count(&s.leaders.leaders, "township")), (10, 10));
    assert_eq!(s.deputies.reception_points, 10);
    assert_eq!(s.pairings.funds_fen, 45_000_000, "大街社区 is in 大街街道");

    // 宁海街道 had no funds: the sentence leaves the clause out rather than writing 0.
    let s = stats(&db.pool, Some(NINGHAI_STREET), Period::Year(2026)).await;
    assert_eq!(s.pairings.funds_fen, 0);
    assert!(s.pairings.funds_by_unit.is_empty());
    assert!(s.sentence.starts_with("目前，已结成单位共建对子9对，"), "{}", s.sentence);
    assert!(!s.sentence.contains("资金"), "{}", s.sentence);
    assert!(!s.sentence.contains('0'), "{}", s.sentence);

    // A single community: its own table row, nothing of its neighbours.
    let s = stats(&db.pool, Some(DAJIE_COMMUNITY), Period::Year(2026)).await;
    assert_eq!(s.members.on_roll, (1..=3610).filter(|n| (n - 1) % 19 == 0).count() as i64);
    assert_eq!(s.communities.len(), 1);
    assert_eq!(s.leaders.pairs, 2);
    assert_eq!(s.deputies.pairs, 6);
}

#[tokio::test]
async fn records_on_a_periods_last_day_count_in_it_and_not_in_the_next() {
    let db = seed_county().await;
    let p = &db.pool;
    sqlx::raw_sql(
        r#"INSERT INTO leader_visits (uuid, leader_id, community_id, visited_on, kind, created_at, updated_at)
           VALUES ('v1', 1, 11, '2026-03-31', 'talk', '2026-03-31T00:00:00Z', '2026-03-31T00:00:00Z');
           INSERT INTO deputy_visits (uuid, deputy_id, community_id, visited_on, created_at, updated_at)
           VALUES ('dv1', 1, 11, '2026-06-30', '2026-06-30T00:00:00Z', '2026-06-30T00:00:00Z');
           INSERT INTO difficulties (uuid, community_id, raised_by, content, responsible, status, raised_on,
                                     started_on, resolved_on, answered_on, created_at, updated_at)
           VALUES ('df1', 11, '居民', '路灯不亮', '社区', 'answered', '2026-03-31', '2026-04-01', '2026-04-03',
                   '2026-04-05', '2026-03-31T00:00:00Z', '2026-04-05T00:00:00Z');
           UPDATE members SET status = 'transferred', status_date = '2026-06-30' WHERE id = 1;
           UPDATE members SET status = 'transferred', status_date = '2026-07-01' WHERE id = 2;"#,
    )
    .execute(p)
    .await
    .unwrap();

    let q1 = stats(p, None, Period::Quarter(2026, 1)).await;
    assert_eq!(count(&q1.leaders.visits, "talk"), 1);
    assert_eq!(q1.leaders.months.iter().map(|m| m.visited.count).collect::<Vec<_>>(), [0, 0, 1]);
    assert_eq!((q1.difficulties.raised, q1.difficulties.answered, q1.difficulties.open), (1, 0, 1));
    assert_eq!(q1.difficulties.median_days_to_close, None);
    // Posts were taken from 1 April: none at the end of March.
    assert_eq!(q1.posts.with_post, Share::new(0, 3610));
    assert_eq!(q1.posts.with_post.percent_text(), "0%");

    let q2 = stats(p, None, Period::Quarter(2026, 2)).await;
    assert_eq!(count(&q2.leaders.visits, "talk"), 0);
    assert_eq!((q2.difficulties.raised, q2.difficulties.answered, q2.difficulties.open), (0, 1, 0));
    assert_eq!(q2.difficulties.median_days_to_close, Some(5.0));
    assert_eq!(q2.deputies.visits, 1);
    assert_eq!(q2.deputies.compliance, Share::new(1, 114));
    // Member 1 left on the quarter's last day, member 2 the day after.
    assert_eq!(q2.members.on_roll, 3609);
    assert_eq!(q2.members.transferred, 1);
    assert_eq!(q2.posts.with_post, Share::new(3503, 3609));
    let q3 = stats(p, None, Period::Quarter(2026, 3)).await;
    assert_eq!(q3.deputies.visits, 0);
    assert_eq!((q3.members.on_roll, q3.members.transferred), (3608, 1));

    // A custom range from 15 March judges March from the 15th: the visit on the 31st counts.
    let range = stats(p, None, Period::Range(d("2026-03-15"), d("2026-04-30"))).await;
    assert_eq!(range.scope.period_label, "2026年3月15日至4月30日");
    let months: Vec<(&str, Share)> = range.leaders.months.iter().map(|m| (m.period.as_str(), m.visited)).collect();
    assert_eq!(months, [("2026-03", Share::new(1, 38)), ("2026-04", Share::new(0, 38))]);
    // Identity was shown on 1 March: in the year, but not first shown within this range.
    assert_eq!((range.identity.shown.count, range.identity.first_shown), (3560, 0));
}

#[tokio::test]
async fn pledges_count_as_they_stood_at_the_periods_end() {
    let db = seed_county().await;
    sqlx::raw_sql(
        r#"INSERT INTO pledges (id, uuid, year, member_id, pledged_on, status, published_on, closed_on, created_at, updated_at)
           VALUES (1, 'p1', 2026, 1, '2026-02-01', 'completed', '2026-02-10', '2026-05-20', '2026-02-01T00:00:00Z', '2026-05-20T00:00:00Z'),
                  (2, 'p2', 2026, 2, '2026-02-01', 'published', '2026-02-10', NULL, '2026-02-01T00:00:00Z', '2026-02-10T00:00:00Z');
           INSERT INTO pledges (id, uuid, year, org_id, pledged_on, status, created_at, updated_at)
           VALUES (3, 'p3', 2026, 11, '2026-02-01', 'draft', '2026-02-01T00:00:00Z', '2026-02-01T00:00:00Z');
           INSERT INTO pledge_items (uuid, pledge_id, seq, content, measures, owner, deadline, done_on, created_at, updated_at)
           VALUES ('i1', 1, 1, '帮助困难户', '每月走访', '本人', '2026-03-31', '2026-05-20', '2026-02-01T00:00:00Z', '2026-05-20T00:00:00Z'),
                  ('i2', 2, 1, '清理楼道', '每周一次', '本人', '2026-03-31', NULL, '2026-02-01T00:00:00Z', '2026-02-01T00:00:00Z');
           INSERT INTO pledge_appraisals (uuid, pledge_id, appraiser, rating, comment, appraised_on, created_at, updated_at)
           VALUES ('a1', 1, 'organization', 'satisfied', '', '2026-05-25', '2026-05-25T00:00:00Z', '2026-05-25T00:00:00Z'),
                  ('a2', 1, 'residents', 'fair', '', '2026-06-01', '2026-06-01T00:00:00Z', '2026-06-01T00:00:00Z'),
                  ('a3', 3, 'members', 'unsatisfied', '', '2026-06-01', '2026-06-01T00:00:00Z', '2026-06-01T00:00:00Z');"#,
    )
    .execute(&db.pool)
    .await
    .unwrap();
    // At the end of March both published pledges are due that day and not late yet.
    let march = stats(&db.pool, None, Period::Month(2026, 3)).await.pledges;
    assert_eq!((march.made, march.published, march.overdue, march.in_progress, march.completed), (3, 2, 0, 2, 0));
    assert_eq!((march.by_members, march.by_organizations, march.drafts), (2, 1, 1));
    // In April both are late; at the year's count the first was completed in May.
    let april = stats(&db.pool, None, Period::Month(2026, 4)).await.pledges;
    assert_eq!((april.overdue, april.in_progress, april.completed), (2, 0, 0));
    let year = stats(&db.pool, None, Period::Year(2026)).await.pledges;
    assert_eq!((year.overdue, year.completed, year.not_completed), (1, 1, 0));
    // The appraisals given by the period's end, a member's pledge's and the organization's draft's.
    let given = |p: &sanliang::review::PledgeFigures| -> Vec<(String, String, i64)> {
        p.appraisals
            .iter()
            .flat_map(|a| {
                a.ratings.iter().filter(|r| r.count > 0).map(|r| (a.appraiser.code.clone(), r.code.clone(), r.count))
            })
            .collect()
    };
    let pairs =
        |v: &[(&str, &str, i64)]| v.iter().map(|(a, r, n)| (a.to_string(), r.to_string(), *n)).collect::<Vec<_>>();
    assert_eq!(
        given(&year),
        pairs(&[("organization", "satisfied", 1), ("members", "unsatisfied", 1), ("residents", "fair", 1)])
    );
    assert_eq!(
        given(&stats(&db.pool, None, Period::Month(2026, 5)).await.pledges),
        pairs(&[("organization", "satisfied", 1)])
    );
    // 河咀社区 (12) holds only member 2's pledge, which nobody appraised.
    assert_eq!(given(&stats(&db.pool, Some(12), Period::Year(2026)).await.pledges), pairs(&[]));
    // Member 1 and the draft are 大街社区's (11), member 2 河咀社区's (12).
    let rows = stats(&db.pool, Some(COUNTY), Period::Year(2026)).await.communities;
    let line = |i: usize| (rows[i].pledges, rows[i].pledges_completed, rows[i].pledges_overdue);
    assert_eq!((line(0), line(1)), ((2, 1, 0), (1, 0, 1)));
    assert!(!rows[0].shortfalls.iter().any(|f| f.code == "overdue_pledges"));
    assert!(rows[1].shortfalls.iter().any(|f| f.code == "overdue_pledges" && f.count == 1));
}

#[tokio::test]
async fn an_empty_organization_has_no_rates_and_says_so() {
    let db = support::fresh().await;
    sqlx::raw_sql(
        r#"INSERT INTO organizations (id, uuid, parent_id, kind, name, path, sort_order, created_at, updated_at) VALUES
             (1, 'o1', NULL, 'county', '空县', '/1/', 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
             (2, 'o2', 1, 'community', '空社区', '/1/2/', 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"#,
    )
    .execute(&db.pool)
    .await
    .unwrap();
    let s = stats(&db.pool, Some(1), Period::Month(2026, 11)).await;
    assert_eq!(s.identity.shown, Share::new(0, 0));
    assert_eq!(s.identity.shown.percent(), None);
    assert_eq!(s.identity.shown.percent_text(), "—");
    assert_eq!(s.communities[0].with_post.percent_text(), "—");
    assert_eq!(s.leaders.compliance.percent_text(), "—");
    assert_eq!(s.sentence, "目前尚无可汇总的工作数据。");
    let json = serde_json::to_string(&s).unwrap();
    assert!(!json.contains("NaN") && !json.contains("null,\"of\""), "{json}");

    let err = review::statistics(&db.pool, Some(99), Period::Year(2026), support::today()).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    let err = review::statistics(&db.pool, None, Period::Year(2027), support::today()).await.unwrap_err();
    assert_eq!(
        (err.kind(), err.field(), err.to_string().as_str()),
        (ErrorKind::Validation, Some("period"), "2027年尚未开始，没有可统计的数据")
    );
}

#[tokio::test]
async fn the_responsibility_chain_is_recorded_per_level_and_named_in_the_review() {
    let db = seed_county().await;
    let p = &db.pool;
    responsibility::set(p, COUNTY, "王建国（县委书记）").await.unwrap();
    responsibility::set(p, DAJIE_STREET, "李华（街道党工委书记）").await.unwrap();
    responsibility::set(p, DAJIE_COMMUNITY, "  赵敏（社区党总支书记） ").await.unwrap();
    let got = responsibility::get(p, DAJIE_COMMUNITY).await.unwrap();
    assert_eq!((got.role.code(), got.person.as_str()), ("specific", "赵敏（社区党总支书记）"));

    let c = stats(p, Some(DAJIE_COMMUNITY), Period::Year(2026)).await.responsibility;
    assert_eq!(c.first.as_deref(), Some("王建国（县委书记）"));
    assert_eq!(c.direct.as_deref(), Some("李华（街道党工委书记）"));
    assert_eq!(c.specific.as_deref(), Some("赵敏（社区党总支书记）"));
    assert_eq!(c.guiding, ["县领导1（副县长）", "街道领导20（街道党工委委员）"]);
    let county = stats(p, None, Period::Year(2026)).await.responsibility;
    assert_eq!((county.first.as_deref(), county.direct, county.specific), (Some("王建国（县委书记）"), None, None));
    assert_eq!(county.guiding.len(), 38);

    // Emptying the name removes the record; a unit answers for nothing; a name has a limit.
    responsibility::set(p, DAJIE_STREET, "").await.unwrap();
    assert_eq!(responsibility::get(p, DAJIE_STREET).await.unwrap().person, "");
    let err = responsibility::set(p, 31, "张三").await.unwrap_err();
    assert_eq!(
        (err.kind(), err.field(), err.to_string().as_str()),
        (ErrorKind::Validation, Some("orgId"), "只有县、乡镇（街道）和社区记录责任人")
    );
    let err = responsibility::set(p, COUNTY, &"长".repeat(200)).await.unwrap_err();
    assert_eq!((err.kind(), err.field()), (ErrorKind::Validation, Some("person")));
    assert_eq!(
        responsibility::get(p, COUNTY).await.unwrap().person,
        "王建国（县委书记）",
        "the refused name changed nothing"
    );
}

#[tokio::test]
async fn stats_on_the_command_line_prints_the_documented_json_and_refuses_a_bad_period() {
    let db = seed_county().await;
    db.pool.close().await;
    let dir = db.dir.path().to_str().unwrap();
    let out = support::cli().args(["stats", "--data-dir", dir, "--period", "2026", "--json"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["scope"]["period"], "2026");
    assert_eq!(json["scope"]["asOf"], "2026-11-28");
    assert_eq!(json["identity"]["shown"]["count"], 3560);
    assert_eq!(json["posts"]["withPost"]["count"], 3504);
    assert_eq!(json["pairings"]["fundsFen"], 45_000_000);
    assert_eq!(json["deputies"]["pairs"], 114);
    assert_eq!(json["communities"].as_array().unwrap().len(), 19);

    let out = support::cli()
        .args(["stats", "--data-dir", dir, "--org", "2", "--period", "2026-01-01..2026-06-30"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(text.starts_with("大街街道 2026年1月1日至6月30日（统计至2026-06-30）"), "{text}");

    let out = support::cli().args(["stats", "--data-dir", dir, "--period", "2026-13"]).output().unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("统计期间的格式不对"), "{err}");
}

#[tokio::test]
async fn counting_on_two_connections_side_by_side_gives_the_figures_of_one() {
    // The app's pool counts the members' side and the work side at once; a pool of one
    // connection counts them in turn. Both must read the same data and give the same figures.
    let db = support::demo().await;
    let file = sanliang::db::db_path(db.dir.path());
    let options = sqlx::sqlite::SqliteConnectOptions::new().filename(&file);
    let single = sqlx::sqlite::SqlitePoolOptions::new().max_connections(1).connect_with(options).await.unwrap();
    assert!(db.pool.options().get_max_connections() > 1);
    for period in [Period::Year(2026), Period::Quarter(2026, 3), Period::Month(2026, 11)] {
        let side_by_side = serde_json::to_value(stats(&db.pool, None, period).await).unwrap();
        let in_turn = serde_json::to_value(stats(&single, None, period).await).unwrap();
        assert_eq!(side_by_side, in_turn, "{period}");
        assert!(side_by_side["members"]["onRoll"].as_i64().unwrap() > 0, "the demo has members");
    }
}
