//! 亮承诺 in the demo county: last year's pledges completed and appraised, this year's
//! published with progress (a few overdue, a few still drafts — one of them vague), and each
//! community's own pledge. Items follow the seed's themes for each member category.

use chrono::{Datelike, Days, NaiveDate};
use rand::rngs::SmallRng;
use rand::Rng;
use sqlx::SqliteConnection;

use crate::common::catalog::{Appraiser, Category, PledgeStatus, Rating};
use crate::error::Result;
use crate::sanliang::pledges::batch::{self, WholePledge};
use crate::sanliang::pledges::{ValidItem, ValidPledge};

/// (content, measures) of concrete pledges, by the seed's themes.
const COMMITTEE: &[(&str, &str)] = &[
    ("每月到网格内走访困难家庭不少于4户并建立台账", "建立走访台账，每月在支部党员大会上通报"),
    ("年内完成辖区3条背街小巷路面硬化和路灯安装", "争取项目资金，组织党员义务监督施工质量"),
    ("每季度召开一次居民议事会，按季公开社区财务收支", "议事会记录和财务公开栏按季更新"),
    ("组织邻里节活动2次，化解矛盾纠纷不少于10件", "依托调解室和楼栋长收集矛盾线索"),
];
const IN_SERVICE: &[(&str, &str)] = &[
    ("为居民代办社保、医保业务，做到一次告知、限时办结", "在社区便民服务站设立党员代办点"),
    ("每季度到社区报到服务不少于2次，参加志愿服务8小时以上", "在职党员报到登记，活动签到留档"),
    ("梳理本岗位办事流程，精简群众办事材料不少于2项", "对照办事清单逐项梳理，向群众公开"),
    ("窗口服务做到首问负责，群众满意率达到95%以上", "设立意见箱，每月回访办事群众"),
];
const NO_POST: &[(&str, &str)] = &[
    ("每月在小区宣传栏更新一次党的政策宣传内容", "结合主题党日学习，整理成通俗宣传材料"),
    ("负责房前屋后和责任巷道环境卫生，每周巡查不少于2次", "发现问题当天劝导，不能解决的报告社区"),
    ("参加社区夜间治安巡逻，每月不少于4次", "与社区巡逻队统一排班，做好巡逻记录"),
    ("及时调解楼栋邻里纠纷，做到小事不出楼栋", "发现矛盾当日上门，重大纠纷报社区调解室"),
    ("组织老年文艺队排练，年内演出不少于3场", "每周二、四下午在社区活动室排练"),
    ("带动2名以上失业居民实现就业", "收集岗位信息，推荐到合作企业面试"),
];
const PROGRESS: &[&str] = &[
    "已按计划落实，记录在台账中",
    "本月完成既定任务，群众反映良好",
    "已完成阶段目标，下一步继续跟进",
    "走访中收集群众意见3条，已反馈社区",
];
const COMMENTS: &[&str] = &["承诺事项全部兑现，群众认可", "按时完成，服务热情", "完成较好，希望继续保持"];

fn bank(category: Option<Category>) -> &'static [(&'static str, &'static str)] {
    match category {
        None | Some(Category::Committee) => COMMITTEE,
        Some(Category::NoPost) => NO_POST,
        Some(_) => IN_SERVICE,
    }
}

fn last_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    let next =
        if month == 12 { NaiveDate::from_ymd_opt(year + 1, 1, 1) } else { NaiveDate::from_ymd_opt(year, month + 1, 1) };
    next.and_then(|d| d.pred_opt())
}

fn items(rng: &mut SmallRng, category: Option<Category>, owner: &str, year: i32, from: NaiveDate) -> Vec<ValidItem> {
    let bank = bank(category);
    let count = rng.random_range(2..=3).min(bank.len());
    let start = rng.random_range(0..bank.len());
    (0..count)
        .map(|k| {
            let (content, measures) = bank[(start + k) % bank.len()];
            let month = rng.random_range(from.month().max(3)..=12);
            ValidItem {
                content: content.to_owned(),
                measures: measures.to_owned(),
                owner: owner.to_owned(),
                deadline: last_of_month(year, month).filter(|d| *d >= from),
            }
        })
        .collect()
}

/// A pledge for `year` judged on `today`: drafted, published, items done or left open,
/// progress, and for past years closing and appraisal.
fn pledge(
    rng: &mut SmallRng,
    owner: (Option<i64>, Option<i64>),
    category: Option<Category>,
    owner_name: &str,
    year: i32,
    today: NaiveDate,
) -> WholePledge {
    let pledged_on = NaiveDate::from_ymd_opt(year, 2, 20 + rng.random_range(0..8)).unwrap_or(today).min(today);
    let mut items = items(rng, category, owner_name, year, pledged_on);
    let draft = year == today.year() && rng.random_range(0..100) < 6;
    if draft && rng.random_bool(0.5) {
        // The vague pledge the seed complains about, left for the secretary to fix.
        items.push(ValidItem {
            content: "服务群众".into(),
            measures: String::new(),
            owner: String::new(),
            deadline: None,
        });
    }
    let mut whole = WholePledge {
        done_on: vec![None; items.len()],
        pledge: ValidPledge { member_id: owner.0, org_id: owner.1, year, pledged_on, items },
        status: PledgeStatus::Draft,
        published_on: None,
        closed_on: None,
        progress: Vec::new(),
        appraisals: Vec::new(),
    };
    if draft {
        return whole;
    }
    let published_on = (pledged_on + Days::new(rng.random_range(3..10))).min(today);
    whole.status = PledgeStatus::Published;
    whole.published_on = Some(published_on);
    let mut all_done = true;
    let deadlines: Vec<_> = whole.pledge.items.iter().map(|i| i.deadline).collect();
    for (k, deadline) in deadlines.into_iter().enumerate() {
        let Some(deadline) = deadline else { continue };
        let due = deadline < today;
        // Most past-due items were done on time; a few are overdue; some later ones are done early.
        let on_time = if year < today.year() { 97 } else { 90 };
        let done = rng.random_range(0..100) < if due { on_time } else { 25 };
        let entries = rng.random_range(1..=2);
        let span = (deadline.min(today) - published_on).num_days().max(0) as u64;
        for e in 0..entries {
            let on = published_on + Days::new(if span == 0 { 0 } else { rng.random_range(0..=span) });
            let finishing = done && e + 1 == entries;
            if finishing {
                whole.done_on[k] = Some(on);
            }
            let text = PROGRESS[rng.random_range(0..PROGRESS.len())];
            whole.progress.push((Some(k), on, if finishing { "已全部完成，资料已归档" } else { text }.to_owned()));
        }
        all_done &= done;
    }
    if year < today.year() {
        let closed_on = NaiveDate::from_ymd_opt(year, 12, 28).unwrap_or(today);
        whole.status = if all_done { PledgeStatus::Completed } else { PledgeStatus::NotCompleted };
        whole.closed_on = Some(closed_on);
        for appraiser in Appraiser::ALL {
            let rating = match rng.random_range(0..100) {
                0..85 => Rating::Satisfied,
                85..97 => Rating::Fair,
                _ => Rating::Unsatisfied,
            };
            let comment = if rating == Rating::Unsatisfied {
                "个别事项推进较慢"
            } else {
                COMMENTS[rng.random_range(0..COMMENTS.len())]
            };
            whole.appraisals.push((*appraiser, rating, comment.to_owned(), closed_on));
        }
    }
    whole
}

/// Pledges for members on the roll (id, name, category, joined) and for each community's
/// party organization, written together.
pub(crate) async fn load(
    tx: &mut SqliteConnection,
    rng: &mut SmallRng,
    members: &[(i64, String, Category, NaiveDate)],
    communities: &[(i64, String)],
    today: NaiveDate,
) -> Result<()> {
    let year = today.year();
    let mut all = Vec::with_capacity(communities.len() * 2 + members.len() * 3 / 2);
    for (id, name) in communities {
        all.push(pledge(rng, (None, Some(*id)), None, &format!("{name}书记"), year - 1, today));
        all.push(pledge(rng, (None, Some(*id)), None, &format!("{name}书记"), year, today));
    }
    for (id, name, category, joined) in members {
        if joined.year() < year - 1 && rng.random_bool(0.5) {
            all.push(pledge(rng, (Some(*id), None), Some(*category), name, year - 1, today));
        }
        all.push(pledge(rng, (Some(*id), None), Some(*category), name, year, today));
    }
    batch::insert(tx, &all).await
}
