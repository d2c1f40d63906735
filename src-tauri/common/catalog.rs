//! Fixed vocabularies (member categories, statuses, 民族, education, organization kinds)
//! with the Chinese labels users see; the UI reads them from here, never keeps its own copy.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A code of a vocabulary with its label and how many records carry it (figures by kind).
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LabeledCount {
    pub code: String,
    pub label: String,
    pub count: i64,
}

macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $code:literal : $label:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
        pub enum $name {
            $(#[serde(rename = $code)] $variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            pub fn from_code(code: &str) -> Option<Self> {
                match code { $($code => Some($name::$variant),)+ _ => None }
            }

            /// Every code with its label and the count `count` gives it, in the vocabulary's order.
            pub fn counted(count: impl Fn(Self) -> i64) -> Vec<LabeledCount> {
                Self::ALL
                    .iter()
                    .map(|v| LabeledCount { code: v.code().to_owned(), label: v.label().to_owned(), count: count(*v) })
                    .collect()
            }

            pub fn options() -> Vec<CatalogOption> {
                Self::ALL.iter().map(|v| CatalogOption { value: v.code().to_owned(), label: v.label().to_owned() }).collect()
            }
        }

        // Stored as its code: `kind AS "kind: SupportKind"` in a checked query decodes it, and a
        // code this version does not know (a corrupt row, a newer file) is an error, not a guess.
        impl sqlx::Type<sqlx::Sqlite> for $name {
            fn type_info() -> sqlx::sqlite::SqliteTypeInfo {
                <str as sqlx::Type<sqlx::Sqlite>>::type_info()
            }

            fn compatible(ty: &sqlx::sqlite::SqliteTypeInfo) -> bool {
                <str as sqlx::Type<sqlx::Sqlite>>::compatible(ty)
            }
        }

        impl<'r> sqlx::Decode<'r, sqlx::Sqlite> for $name {
            fn decode(value: sqlx::sqlite::SqliteValueRef<'r>) -> Result<Self, sqlx::error::BoxDynError> {
                let code = <&str as sqlx::Decode<sqlx::Sqlite>>::decode(value)?;
                Self::from_code(code).ok_or_else(|| unknown_code(stringify!($name), code))
            }
        }

        impl<'q> sqlx::Encode<'q, sqlx::Sqlite> for $name {
            fn encode_by_ref(
                &self,
                buf: &mut Vec<sqlx::sqlite::SqliteArgumentValue<'q>>,
            ) -> Result<sqlx::encode::IsNull, sqlx::error::BoxDynError> {
                <&str as sqlx::Encode<sqlx::Sqlite>>::encode(self.code(), buf)
            }
        }
    };
}

/// The error a stored code this version does not know decodes to.
fn unknown_code(vocabulary: &str, code: &str) -> sqlx::error::BoxDynError {
    format!("unknown {vocabulary} code {code:?} in the database").into()
}

vocabulary!(
    /// What a record of 操作记录 or 回收站 is: the table it lives in, named as the secretary knows it.
    RecordKind {
        Organization = "organizations": "组织",
        Member = "members": "党员",
        IdentityMark = "identity_marks": "亮身份登记",
        Post = "posts": "岗位",
        PostAssignment = "post_assignments": "认岗定责",
        Zone = "zones": "责任区",
        ZoneItem = "zone_items": "责任区对象",
        Pledge = "pledges": "承诺",
        PledgeItem = "pledge_items": "承诺事项",
        PledgeProgress = "pledge_progress": "践诺记录",
        PledgeEvidence = "pledge_evidence": "践诺佐证",
        PledgeAppraisal = "pledge_appraisals": "承诺评议",
        Pairing = "pairings": "结对共建",
        SupportRecord = "support_records": "共建支持",
        HelpPair = "help_pairs": "结对帮扶",
        HelpRecord = "help_records": "帮扶记录",
        ContactLeader = "contact_leaders": "联系领导",
        LeaderCommunity = "leader_communities": "领导联系社区",
        LeaderVisit = "leader_visits": "领导走访",
        DiaryEntry = "diary_entries": "民情日记",
        Difficulty = "difficulties": "群众诉求",
        Deputy = "deputies": "代表委员",
        DeputyCommunity = "deputy_communities": "代表委员联系社区",
        ReceptionPoint = "reception_points": "接待站点",
        DeputyVisit = "deputy_visits": "代表委员进社区",
        Suggestion = "suggestions": "意见建议",
        VolunteerActivity = "volunteer_activities": "志愿服务活动",
        VolunteerParticipant = "volunteer_participants": "志愿服务参与",
        BinnedFile = "binned_files": "替换或移除的文件",
        Responsibility = "org_responsibilities": "责任人",
        ScheduleEntry = "schedule_entries": "服务安排",
        ScheduleFulfilment = "schedule_fulfilments": "服务安排完成记录",
    }
);

vocabulary!(
    /// A file that went to the recycle bin when it was replaced or cleared.
    BinnedFileKind {
        Photo = "photo": "照片",
        Scan = "scan": "协议扫描件",
        Emblem = "emblem": "党徽图案",
    }
);

vocabulary!(
    /// The part of the work a record belongs to: the filter of 操作记录.
    RecordArea {
        Roster = "roster": "组织与党员",
        Identity = "identity": "亮身份",
        Duties = "duties": "亮职责",
        Pledges = "pledges": "亮承诺",
        Pairings = "pairings": "机关单位进社区",
        Leaders = "leaders": "党员干部进社区",
        Deputies = "deputies": "代表委员进社区",
        Volunteering = "volunteering": "志愿者进社区",
        Schedule = "schedule": "服务安排",
    }
);

impl RecordKind {
    pub fn area(self) -> RecordArea {
        use RecordKind::*;
        match self {
            Organization | Member | BinnedFile | Responsibility => RecordArea::Roster,
            IdentityMark => RecordArea::Identity,
            Post | PostAssignment | Zone | ZoneItem => RecordArea::Duties,
            Pledge | PledgeItem | PledgeProgress | PledgeEvidence | PledgeAppraisal => RecordArea::Pledges,
            Pairing | SupportRecord | HelpPair | HelpRecord => RecordArea::Pairings,
            ContactLeader | LeaderCommunity | LeaderVisit | DiaryEntry | Difficulty => RecordArea::Leaders,
            Deputy | DeputyCommunity | ReceptionPoint | DeputyVisit | Suggestion => RecordArea::Deputies,
            VolunteerActivity | VolunteerParticipant => RecordArea::Volunteering,
            ScheduleEntry | ScheduleFulfilment => RecordArea::Schedule,
        }
    }
}

vocabulary!(
    /// What a write did to a record, as 操作记录 says it.
    HistoryAction {
        Create = "create": "新增",
        Update = "update": "修改",
        Delete = "delete": "删除",
        Restore = "restore": "恢复",
    }
);

vocabulary!(
    /// 党员类别, from the seed.
    Category {
        InService = "in_service": "在职党员",
        NoPost = "no_post": "无职党员",
        Committee = "committee": "社区“两委”成员",
        StationedFrontline = "stationed_frontline": "驻社区单位一线党员",
        WindowPost = "window_post": "窗口岗位党员",
        EnterpriseFrontline = "enterprise_frontline": "企业/社会组织一线党员",
    }
);

vocabulary!(
    /// 在册 / 转出 / 去世.
    MemberStatus {
        Active = "active": "在册",
        Transferred = "transferred": "转出",
        Deceased = "deceased": "去世",
    }
);

vocabulary!(
    Gender {
        Male = "male": "男",
        Female = "female": "女",
    }
);

vocabulary!(
    /// Levels of the organization tree, and units beside it.
    OrgKind {
        County = "county": "县",
        Township = "township": "乡镇/街道",
        Community = "community": "社区",
        Branch = "branch": "党支部",
        Unit = "unit": "单位",
    }
);

vocabulary!(
    UnitKind {
        Organ = "organ": "机关事业单位",
        Enterprise = "enterprise": "企业",
        Social = "social": "社会组织",
    }
);

vocabulary!(
    /// 亮身份 marks, from the seed.
    MarkType {
        Badge = "badge": "佩戴党徽",
        VanguardPost = "vanguard_post": "党员先锋岗",
        ModelPost = "model_post": "党员示范岗",
        ResponsibilityZone = "responsibility_zone": "党员责任区",
        WorkPass = "work_pass": "工作证",
    }
);

vocabulary!(
    /// Kinds of service post (服务岗位).
    PostKind {
        Vanguard = "vanguard": "党员先锋岗",
        Model = "model": "党员示范岗",
        Service = "service": "服务岗",
        Zone = "zone": "责任区岗",
    }
);

vocabulary!(
    /// How a member came to hold a post.
    PostHow {
        Claimed = "claimed": "认岗定责",
        Assigned = "assigned": "设岗定责",
    }
);

vocabulary!(
    /// What a responsibility-zone item is.
    ZoneItemKind {
        Lane = "lane": "巷道",
        Building = "building": "楼栋",
        Household = "household": "户",
    }
);

vocabulary!(
    /// Where a pledge stands. `Overdue` is never stored: a published pledge is overdue when an
    /// item's deadline has passed without it being done, judged against today's date.
    PledgeStatus {
        Draft = "draft": "草稿",
        Published = "published": "践诺中",
        Overdue = "overdue": "已逾期",
        Completed = "completed": "已完成",
        NotCompleted = "not_completed": "未完成",
    }
);

vocabulary!(
    /// Who appraises a pledge (评诺).
    Appraiser {
        Organization = "organization": "党组织评议",
        Members = "members": "党员互评",
        Residents = "residents": "群众评议",
    }
);

vocabulary!(
    Rating {
        Satisfied = "satisfied": "满意",
        Fair = "fair": "基本满意",
        Unsatisfied = "unsatisfied": "不满意",
    }
);

vocabulary!(
    /// What a paired unit brought to its community.
    SupportKind {
        Funds = "funds": "资金",
        Facilities = "facilities": "设施",
        Activity = "activity": "活动",
        Other = "other": "其他",
    }
);

vocabulary!(
    /// Contact leaders: 县级 or 科级 (township) cadres.
    LeaderLevel {
        County = "county": "县级领导",
        Township = "township": "科级领导",
    }
);

vocabulary!(
    VisitKind {
        Talk = "talk": "民情恳谈",
        Visit = "visit": "走访",
        Review = "review": "点评",
    }
);

vocabulary!(
    /// A resident's difficulty, followed to closure; it only moves forward.
    DifficultyStatus {
        Open = "open": "待办",
        InProgress = "in_progress": "办理中",
        Resolved = "resolved": "已解决",
        Answered = "answered": "已反馈",
    }
);

vocabulary!(
    /// What a line of 最近变动 on the home page is about; the label names the page it opens.
    ChangeKind {
        MemberAdded = "member_added": "党员名册",
        MemberChanged = "member_changed": "党员名册",
        Identity = "identity": "亮身份",
        Post = "post": "亮职责",
        Pledge = "pledge": "亮承诺",
        Progress = "progress": "亮承诺",
        Support = "support": "结对共建",
        LeaderVisit = "leader_visit": "联系领导",
        Difficulty = "difficulty": "联系领导",
        DeputyVisit = "deputy_visit": "代表委员",
        Reply = "reply": "代表委员",
        Volunteering = "volunteering": "志愿服务",
    }
);

vocabulary!(
    /// A deputy's roles; one person may hold several.
    DeputyRole {
        Party = "party": "党代表",
        Npc = "npc": "人大代表",
        Cppcc = "cppcc": "政协委员",
    }
);

vocabulary!(
    /// Who took part in a volunteer activity.
    ParticipantKind {
        Member = "member": "党员",
        League = "league": "共青团员",
        Other = "other": "其他",
    }
);

vocabulary!(
    /// Age bands of the county review's member table, by age on the day counted.
    AgeBand {
        UpTo35 = "to_35": "35岁及以下",
        From36 = "36_45": "36至45岁",
        From46 = "46_55": "46至55岁",
        From56 = "56_60": "56至60岁",
        Over60 = "over_60": "61岁及以上",
    }
);

vocabulary!(
    /// The seed's responsibility chain: 县委书记 first, 乡镇（街道）党（工）委书记 direct,
    /// 总支书记 specific; contact leaders guide (指导责任人) and are read from their pairings.
    Responsibility {
        First = "first": "第一责任人",
        Direct = "direct": "直接责任人",
        Specific = "specific": "具体责任人",
    }
);

vocabulary!(
    /// The rules a community of the 一览表 can fall short of.
    ShortfallKind {
        NoPairing = "no_pairing": "无结对共建单位",
        LeaderVisits = "leader_visits": "联系领导未按月走访",
        DeputyVisits = "deputy_visits": "代表委员未按季走访",
        OverduePledges = "overdue_pledges": "承诺逾期",
        StaleDifficulties = "stale_difficulties": "困难超过30天未反馈",
    }
);

vocabulary!(
    /// When in the day a 服务安排 entry is: a half day, the whole day, or a time range typed.
    Shift {
        Morning = "morning": "上午",
        Afternoon = "afternoon": "下午",
        AllDay = "all_day": "全天",
        Hours = "hours": "时段",
    }
);

vocabulary!(
    /// Who comes to serve in a 服务安排 entry.
    PlanWho {
        Unit = "unit": "联系单位",
        Leader = "leader": "联系领导",
        Deputy = "deputy": "代表委员",
        Team = "team": "志愿服务队",
        Members = "members": "党员",
    }
);

vocabulary!(
    /// Where a 服务安排 entry stands: fulfilled by a record, still to come, past with nothing
    /// recorded, or called off.
    PlanStatus {
        Done = "done": "已完成",
        Due = "due": "未到期",
        Missed = "missed": "已过期未记录",
        Cancelled = "cancelled": "已取消",
    }
);

vocabulary!(
    /// What a month's 服务安排 shows as a clash: allowed, but pointed out.
    ClashKind {
        DeputyTwice = "deputy_twice": "同一代表委员同一时段安排在两处",
        PointTwice = "point_twice": "同一接待点同一时段安排了两支队伍",
        LeaderUnplanned = "leader_unplanned": "联系领导本月应走访，但未安排",
    }
);

/// Organizing units and service types the seed names, offered (not imposed) in the form.
pub const VOLUNTEER_ORGANIZERS: [&str; 6] = ["工会", "共青团", "妇联", "县医院", "民政", "司法"];
pub const SERVICE_TYPES: [&str; 7] =
    ["政策解答", "业务办理", "义务诊疗", "法律咨询", "敬老", "关爱留守儿童", "环境监护"];

/// Themes the seed recommends for each category's pledges, offered while writing one.
/// Organization pledges use the committee's themes.
pub fn pledge_themes(category: Option<Category>) -> &'static [&'static str] {
    const COMMITTEE: &[&str] = &["服务社区居民", "改善社区环境", "管理公共事务", "促进社区和谐"];
    const IN_SERVICE: &[&str] = &["完善服务机制", "简化服务手续", "提供优质服务"];
    const NO_POST: &[&str] =
        &["宣传党的政策", "维护环境卫生", "加强治安防范", "调解邻里矛盾", "丰富社区文化", "带头创业和带领就业"];
    match category {
        None | Some(Category::Committee) => COMMITTEE,
        Some(Category::NoPost) => NO_POST,
        Some(
            Category::InService | Category::StationedFrontline | Category::WindowPost | Category::EnterpriseFrontline,
        ) => IN_SERVICE,
    }
}

impl OrgKind {
    /// The kinds that may sit directly under a parent of this kind.
    pub fn allowed_children(self) -> &'static [OrgKind] {
        match self {
            OrgKind::County => &[OrgKind::Township, OrgKind::Unit],
            OrgKind::Township => &[OrgKind::Community, OrgKind::Unit],
            OrgKind::Community => &[OrgKind::Branch],
            OrgKind::Branch | OrgKind::Unit => &[],
        }
    }

    /// Members are registered with a community's 党总支 or one of its branches.
    pub fn holds_members(self) -> bool {
        matches!(self, OrgKind::Community | OrgKind::Branch)
    }
}

/// The 56 民族, in the order of GB 3304.
pub const ETHNICITIES: [&str; 56] = [
    "汉族",
    "蒙古族",
    "回族",
    "藏族",
    "维吾尔族",
    "苗族",
    "彝族",
    "壮族",
    "布依族",
    "朝鲜族",
    "满族",
    "侗族",
    "瑶族",
    "白族",
    "土家族",
    "哈尼族",
    "哈萨克族",
    "傣族",
    "黎族",
    "傈僳族",
    "佤族",
    "畲族",
    "高山族",
    "拉祜族",
    "水族",
    "东乡族",
    "纳西族",
    "景颇族",
    "柯尔克孜族",
    "土族",
    "达斡尔族",
    "仫佬族",
    "羌族",
    "布朗族",
    "撒拉族",
    "毛南族",
    "仡佬族",
    "锡伯族",
    "阿昌族",
    "普米族",
    "塔吉克族",
    "怒族",
    "乌孜别克族",
    "俄罗斯族",
    "鄂温克族",
    "德昂族",
    "保安族",
    "裕固族",
    "京族",
    "塔塔尔族",
    "独龙族",
    "鄂伦春族",
    "赫哲族",
    "门巴族",
    "珞巴族",
    "基诺族",
];

pub const EDUCATIONS: [&str; 8] = ["研究生", "大学本科", "大学专科", "中等专科", "高中", "初中", "小学", "其他"];

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CatalogOption {
    pub value: String,
    pub label: String,
}

/// Everything the forms offer as a choice.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Catalog {
    pub categories: Vec<CatalogOption>,
    pub statuses: Vec<CatalogOption>,
    pub genders: Vec<CatalogOption>,
    pub org_kinds: Vec<CatalogOption>,
    pub unit_kinds: Vec<CatalogOption>,
    pub mark_types: Vec<CatalogOption>,
    pub post_kinds: Vec<CatalogOption>,
    pub post_hows: Vec<CatalogOption>,
    pub zone_item_kinds: Vec<CatalogOption>,
    pub pledge_statuses: Vec<CatalogOption>,
    pub appraisers: Vec<CatalogOption>,
    pub ratings: Vec<CatalogOption>,
    pub support_kinds: Vec<CatalogOption>,
    pub leader_levels: Vec<CatalogOption>,
    pub visit_kinds: Vec<CatalogOption>,
    pub difficulty_statuses: Vec<CatalogOption>,
    pub deputy_roles: Vec<CatalogOption>,
    pub participant_kinds: Vec<CatalogOption>,
    pub record_kinds: Vec<CatalogOption>,
    pub record_areas: Vec<CatalogOption>,
    pub history_actions: Vec<CatalogOption>,
    pub shifts: Vec<CatalogOption>,
    pub plan_whos: Vec<CatalogOption>,
    pub plan_statuses: Vec<CatalogOption>,
    pub volunteer_organizers: Vec<String>,
    pub service_types: Vec<String>,
    /// Recommended pledge themes per category code; `organization` for 党组织承诺.
    pub pledge_themes: Vec<PledgeThemes>,
    pub ethnicities: Vec<String>,
    pub educations: Vec<String>,
    /// Which kinds of organization may be created under each kind (the core enforces it).
    pub allowed_children: Vec<AllowedChildren>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PledgeThemes {
    pub category: Option<Category>,
    pub themes: Vec<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AllowedChildren {
    pub kind: OrgKind,
    pub children: Vec<OrgKind>,
}

pub fn catalog() -> Catalog {
    Catalog {
        categories: Category::options(),
        statuses: MemberStatus::options(),
        genders: Gender::options(),
        org_kinds: OrgKind::options(),
        unit_kinds: UnitKind::options(),
        mark_types: MarkType::options(),
        post_kinds: PostKind::options(),
        post_hows: PostHow::options(),
        zone_item_kinds: ZoneItemKind::options(),
        pledge_statuses: PledgeStatus::options(),
        appraisers: Appraiser::options(),
        ratings: Rating::options(),
        support_kinds: SupportKind::options(),
        leader_levels: LeaderLevel::options(),
        visit_kinds: VisitKind::options(),
        difficulty_statuses: DifficultyStatus::options(),
        deputy_roles: DeputyRole::options(),
        participant_kinds: ParticipantKind::options(),
        record_kinds: RecordKind::options(),
        record_areas: RecordArea::options(),
        history_actions: HistoryAction::options(),
        shifts: Shift::options(),
        plan_whos: PlanWho::options(),
        plan_statuses: PlanStatus::options(),
        volunteer_organizers: VOLUNTEER_ORGANIZERS.iter().map(|s| (*s).to_owned()).collect(),
        service_types: SERVICE_TYPES.iter().map(|s| (*s).to_owned()).collect(),
        pledge_themes: std::iter::once(None)
            .chain(Category::ALL.iter().copied().map(Some))
            .map(|c| PledgeThemes { category: c, themes: pledge_themes(c).iter().map(|t| (*t).to_owned()).collect() })
            .collect(),
        ethnicities: ETHNICITIES.iter().map(|s| (*s).to_owned()).collect(),
        educations: EDUCATIONS.iter().map(|s| (*s).to_owned()).collect(),
        allowed_children: OrgKind::ALL
            .iter()
            .map(|k| AllowedChildren { kind: *k, children: k.allowed_children().to_vec() })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn there_are_fifty_six_distinct_ethnicities() {
        let set: std::collections::HashSet<_> = ETHNICITIES.iter().collect();
        assert_eq!(set.len(), 56);
    }

    #[test]
    fn codes_round_trip() {
        for c in Category::ALL {
            assert_eq!(Category::from_code(c.code()), Some(*c));
        }
        assert_eq!(Category::from_code("nope"), None);
    }
}
