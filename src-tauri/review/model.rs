//! The figures of a county review, as the page, the exports and `sanliang stats --json` read
//! them. Each block is counted by one function of `review/` and defined in `docs/statistics.md`.

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use crate::common::catalog::{LabeledCount, LeaderLevel, OrgKind};

/// What was counted, over which organizations and days.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReviewScope {
    /// The organization counted with everything under it; `None` is the whole database.
    pub org_id: Option<i64>,
    /// Its name, or the county's (the tree's root) for the whole database.
    pub org_name: String,
    pub org_kind: Option<OrgKind>,
    /// The period as `Period` writes it: `2026`, `2026-Q4`, `2026-11`, `2026-03-01~2026-06-30`.
    pub period: String,
    /// The period in words: 2026年, 2026年第四季度, 2026年11月, 2026年3月1日至6月30日.
    pub period_label: String,
    pub first: NaiveDate,
    pub last: NaiveDate,
    /// The day standing figures are taken at: the period's last day, or today while it runs.
    pub as_of: NaiveDate,
}

/// A count with the number it is a share of; the rate is `None` when the base is zero.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Share {
    pub count: i64,
    pub of: i64,
}

impl Share {
    pub fn new(count: i64, of: i64) -> Share {
        Share { count, of }
    }

    /// Per cent with one decimal; `None` when there is nothing to be a share of.
    pub fn percent(self) -> Option<f64> {
        (self.of > 0).then(|| (self.count as f64 * 1000.0 / self.of as f64).round() / 10.0)
    }

    /// "97.5%", or "—" when there is nothing to be a share of (never "NaN%").
    pub fn percent_text(self) -> String {
        self.percent().map_or_else(|| "—".to_owned(), |p| format!("{p}%"))
    }
}

#[derive(Debug, Clone, Default, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MemberFigures {
    /// On the roll (在册) at `as_of`.
    pub on_roll: i64,
    pub by_category: Vec<LabeledCount>,
    pub by_gender: Vec<LabeledCount>,
    /// 民族, most members first.
    pub by_ethnicity: Vec<LabeledCount>,
    pub by_age: Vec<LabeledCount>,
    /// Joined the party within the period.
    pub joined: i64,
    /// Transferred out (转出) within the period.
    pub transferred: i64,
    /// Died within the period.
    pub deceased: i64,
}

#[derive(Debug, Clone, Default, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IdentityFigures {
    /// Members on the roll who have shown identity by any mark, of those on the roll.
    pub shown: Share,
    /// Members on the roll per mark they have shown.
    pub by_mark: Vec<LabeledCount>,
    /// Members who showed identity for the first time within the period.
    pub first_shown: i64,
}

#[derive(Debug, Clone, Default, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PostFigures {
    /// Service posts of the communities.
    pub posts: i64,
    /// Members on the roll holding a post, of those on the roll.
    pub with_post: Share,
    /// 认岗定责: chosen by in-service members.
    pub claimed: i64,
    /// 设岗定责: set for members without a post.
    pub assigned: i64,
}

#[derive(Debug, Clone, Default, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ZoneFigures {
    pub zones: i64,
    /// Lanes, buildings and households with a member answering for them, of all of them.
    pub covered_items: Share,
    /// Members answering for at least one item.
    pub members: i64,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Appraisals {
    pub appraiser: LabeledCount,
    /// 满意 / 基本满意 / 不满意.
    pub ratings: Vec<LabeledCount>,
}

#[derive(Debug, Clone, Default, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PledgeFigures {
    /// Pledges of the period's years made by `as_of`, members' and organizations' together.
    pub made: i64,
    pub by_members: i64,
    pub by_organizations: i64,
    pub published: i64,
    pub completed: i64,
    pub not_completed: i64,
    /// Published, not closed, with an item past its deadline and not done, at `as_of`.
    pub overdue: i64,
    /// Published and neither closed nor overdue.
    pub in_progress: i64,
    /// Not yet published at `as_of`.
    pub drafts: i64,
    /// Per appraising party (党组织 / 党员 / 群众), the ratings given by `as_of`.
    pub appraisals: Vec<Appraisals>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct UnitFunds {
    pub unit: String,
    pub fen: i64,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SupportByKind {
    pub code: String,
    pub label: String,
    pub count: i64,
    pub fen: i64,
}

#[derive(Debug, Clone, Default, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PairingFigures {
    /// Unit–community pairings (单位共建对子) in force at `as_of`.
    pub pairings: i64,
    /// Communities with at least one of them.
    pub communities_paired: i64,
    /// Of the pairings, those with a signed agreement in force at `as_of`.
    pub agreements: i64,
    /// Agreements in force whose term ends within the notice days after `as_of`.
    pub agreements_ending: i64,
    /// Support given within the period, per kind: records and the amounts written on them.
    pub support: Vec<SupportByKind>,
    /// Funds given within the period, in fen.
    pub funds_fen: i64,
    /// Funds given within the period per unit, largest first.
    pub funds_by_unit: Vec<UnitFunds>,
    /// 党员领导干部帮扶对子 in force at `as_of`.
    pub help_pairs: i64,
    /// Help given to them within the period (records).
    pub help_records: i64,
}

/// One month (leaders) or quarter (deputies) of the visit rule.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Compliance {
    /// `2026-11` or `2026-Q4`.
    pub period: String,
    /// Pairs owed a visit, and of them those visited.
    pub visited: Share,
    /// False for the month or quarter still running at `as_of`.
    pub complete: bool,
}

#[derive(Debug, Clone, Default, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LeaderFigures {
    /// Contact leaders with a community of the scope at `as_of`, per level.
    pub leaders: Vec<LabeledCount>,
    /// Leader–community pairs in force at `as_of`.
    pub pairs: i64,
    /// Visits within the period, per kind (民情恳谈 / 走访 / 点评).
    pub visits: Vec<LabeledCount>,
    /// The monthly rule, month by month.
    pub months: Vec<Compliance>,
    /// The months together.
    pub compliance: Share,
    /// 民情日记 written within the period.
    pub diaries: i64,
}

#[derive(Debug, Clone, Default, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DifficultyFigures {
    /// Raised within the period.
    pub raised: i64,
    /// Resolved within the period.
    pub resolved: i64,
    /// Answered back to the resident (反馈) within the period.
    pub answered: i64,
    /// Not yet answered at `as_of`.
    pub open: i64,
    /// Median days from raised to answered, of those answered within the period.
    pub median_days_to_close: Option<f64>,
    /// Raised and answered, month by month: (`2026-11`, raised, answered).
    pub months: Vec<MonthFlow>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MonthFlow {
    pub month: String,
    pub raised: i64,
    pub answered: i64,
}

#[derive(Debug, Clone, Default, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DeputyFigures {
    /// Deputies paired with a community of the scope at `as_of`, per role (one person may hold several).
    pub by_role: Vec<LabeledCount>,
    /// Those deputies, each once.
    pub deputies: i64,
    /// Deputy–community pairs in force at `as_of`.
    pub pairs: i64,
    pub reception_points: i64,
    /// Visits within the period.
    pub visits: i64,
    /// The quarterly rule, quarter by quarter.
    pub quarters: Vec<Compliance>,
    pub compliance: Share,
    /// Suggestions raised within the period.
    pub suggestions: i64,
    /// Suggestions answered within the period.
    pub answered: i64,
    /// Suggestions not yet answered at `as_of`.
    pub open: i64,
}

#[derive(Debug, Clone, Default, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct VolunteerFigures {
    /// Activities held within the period.
    pub activities: i64,
    /// Places taken in them (one person in two activities counts twice).
    pub participants: i64,
    /// Members taking part, each once.
    pub members: i64,
    /// Members' hours, in tenths of an hour.
    pub member_hours_tenths: i64,
    /// Everyone's hours, in tenths of an hour.
    pub hours_tenths: i64,
    pub people_served: i64,
    /// Activities per service type, most first.
    pub by_service: Vec<LabeledCount>,
}

/// 服务安排 of the period: dates planned, done and missed, in all and per who comes.
#[derive(Debug, Clone, Default, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ScheduleFigures {
    pub planned: i64,
    pub done: i64,
    pub missed: i64,
    /// Per 服务方, in the vocabulary's order.
    pub by_kind: Vec<PlanCount>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PlanCount {
    pub code: String,
    pub label: String,
    pub planned: i64,
    pub done: i64,
    pub missed: i64,
}

/// 第一责任人 / 直接责任人 / 具体责任人 of an organization, and 指导责任人 (contact leaders).
#[derive(Debug, Clone, Default, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ResponsibilityChain {
    pub first: Option<String>,
    pub direct: Option<String>,
    pub specific: Option<String>,
    /// Contact leaders of the communities in scope at `as_of`: "name（title）".
    pub guiding: Vec<String>,
}

/// A rule a community falls short of, with how many times.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Shortfall {
    pub code: String,
    pub label: String,
    pub count: i64,
}

/// One line of the 一览表.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CommunityRow {
    pub org_id: i64,
    pub name: String,
    /// The township (street) it belongs to.
    pub township: String,
    pub on_roll: i64,
    pub shown: Share,
    pub with_post: Share,
    pub pledges: i64,
    pub pledges_completed: i64,
    pub pledges_overdue: i64,
    pub pairings: i64,
    pub funds_fen: i64,
    pub leader_visits: Share,
    pub deputy_visits: Share,
    pub difficulties_open: i64,
    pub volunteer_activities: i64,
    pub shortfalls: Vec<Shortfall>,
}

/// Everything a review counts, for one organization subtree and period.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Statistics {
    pub scope: ReviewScope,
    pub members: MemberFigures,
    pub identity: IdentityFigures,
    pub posts: PostFigures,
    pub zones: ZoneFigures,
    pub pledges: PledgeFigures,
    pub pairings: PairingFigures,
    pub leaders: LeaderFigures,
    pub difficulties: DifficultyFigures,
    pub deputies: DeputyFigures,
    pub volunteering: VolunteerFigures,
    pub schedule: ScheduleFigures,
    pub responsibility: ResponsibilityChain,
    /// One row per community in scope, in the tree's order.
    pub communities: Vec<CommunityRow>,
    /// The figures sentence, ready to paste.
    pub sentence: String,
}

/// A level's count of contact leaders, named for the figures sentence.
pub fn leaders_at(figures: &LeaderFigures, level: LeaderLevel) -> i64 {
    figures.leaders.iter().find(|l| l.code == level.code()).map_or(0, |l| l.count)
}
