//! How a recorded column reads in 操作记录: its Chinese name, and its value as the forms show it
//! (codes as their labels, money in 元, ID numbers and phones masked).

use serde_json::Value;

use crate::common::catalog::{
    Appraiser, BinnedFileKind, Category, DeputyRole, DifficultyStatus, Gender, LeaderLevel, MarkType, MemberStatus,
    OrgKind, ParticipantKind, PlanWho, PledgeStatus, PostHow, PostKind, Rating, RecordKind, Responsibility, Shift,
    SupportKind, UnitKind, VisitKind, ZoneItemKind,
};
use crate::common::money::format_fen;
use crate::common::validate::{mask_id_number, mask_phone};
use crate::sijin::schedule::repeat::Repeat;

/// Columns never shown: keys and bookkeeping (the action already says a record was deleted).
/// Columns pointing to another record are shown by that record's name instead (see
/// [`reference`]).
fn hidden(column: &str) -> bool {
    matches!(column, "id" | "uuid" | "path" | "deleted_at" | "sort_order" | "search_text" | "sort_name" | "series")
}

/// The record a column points to, whose name is shown in its place.
pub fn reference(column: &str) -> Option<RecordKind> {
    match column {
        "org_id" | "community_id" | "parent_id" | "unit_id" | "stationed_in" => Some(RecordKind::Organization),
        "member_id" => Some(RecordKind::Member),
        _ => None,
    }
}

/// The Chinese name of a column of a table; `None` for a column not shown.
pub fn label(kind: RecordKind, column: &str) -> Option<&'static str> {
    if hidden(column) || (column.ends_with("_id") && reference(column).is_none()) {
        return None;
    }
    Some(match (kind, column) {
        (
            RecordKind::Member | RecordKind::ContactLeader | RecordKind::Deputy | RecordKind::VolunteerParticipant,
            "name",
        ) => "姓名",
        (RecordKind::Member, "org_id") => "所在支部",
        (RecordKind::Organization, "parent_id") => "上级组织",
        (RecordKind::Organization, "kind") => "组织类型",
        (RecordKind::ZoneItem | RecordKind::Post, "kind") => "类型",
        (RecordKind::BinnedFile, "kind") => "文件类型",
        (RecordKind::BinnedFile, "original_name") => "原文件名",
        (RecordKind::SupportRecord, "kind") => "支持类型",
        (RecordKind::LeaderVisit, "kind") => "走访方式",
        (RecordKind::VolunteerParticipant, "kind") => "身份",
        (RecordKind::Pledge, "org_id") => "党组织",
        (RecordKind::Pairing, "unit_id") => "单位",
        (_, "name") => "名称",
        (_, "org_id") => "组织",
        (_, "community_id") => "社区",
        (_, "member_id") => "党员",
        (_, "unit_kind") => "单位类别",
        (_, "stationed_in") => "驻在社区",
        (_, "gender") => "性别",
        (_, "ethnicity") => "民族",
        (_, "birth_date") => "出生日期",
        (_, "joined_on") => "入党时间",
        (_, "education") => "学历",
        (_, "id_number") => "身份证号",
        (_, "phone") => "联系电话",
        (_, "address") => "现居住地",
        (_, "work_unit") => "工作单位",
        (_, "category") => "党员类别",
        (_, "status") => "状态",
        (_, "status_date") => "状态日期",
        (_, "notes") => "备注",
        (_, "photo") => "照片",
        (_, "mark_type") => "亮身份方式",
        (_, "shown_on") => "日期",
        (_, "place") => "地点",
        (_, "duties") => "职责",
        (_, "capacity") => "人数",
        (_, "how") => "方式",
        (_, "start_on") => "开始日期",
        (_, "end_on") => "结束日期",
        (_, "year") => "年度",
        (_, "pledged_on") => "承诺日期",
        (_, "published_on") => "公示日期",
        (_, "closed_on") => "结项日期",
        (_, "seq") => "序号",
        (_, "content") => "内容",
        (_, "measures") => "措施",
        (_, "owner") => "责任人",
        (_, "deadline") => "完成时限",
        (_, "done_on") => "完成日期",
        (_, "entered_on") => "日期",
        (_, "text") => "内容",
        (_, "original_name") => "文件",
        (_, "stored_name") => "保存的文件",
        (_, "file") => "文件",
        (_, "bytes") => "大小（字节）",
        (_, "appraiser") => "评议人",
        (_, "rating") => "评议结果",
        (_, "comment") => "评语",
        (_, "appraised_on") => "评议日期",
        (_, "signed_on") => "签订日期",
        (_, "agreement_until") => "协议有效期至",
        (_, "agreement") => "协议内容",
        (_, "scan_file") => "协议扫描件",
        (_, "scan_name") => "扫描件名称",
        (_, "given_on") => "日期",
        (_, "description") => "说明",
        (_, "amount_fen") => "金额（元）",
        (_, "cadre") => "帮扶干部",
        (_, "cadre_title") => "职务",
        (_, "helped") => "帮扶对象",
        (_, "helped_on") => "日期",
        (_, "level") => "级别",
        (_, "title") => "职务",
        (_, "visited_on") => "走访日期",
        (_, "participants") => "参加人员",
        (_, "written_on") => "日期",
        (_, "raised_by") => "反映人",
        (_, "responsible") => "责任人",
        (_, "raised_on") => "反映日期",
        (_, "started_on") => "办理日期",
        (_, "resolved_on") => "办结日期",
        (_, "answered_on") => "答复日期",
        (_, "outcome") => "办理结果",
        (_, "roles") => "身份",
        (_, "schedule") => "接待时间",
        (_, "on_duty") => "值班人员",
        (_, "replied_on") => "答复日期",
        (_, "reply") => "答复",
        (_, "held_on") => "活动日期",
        (_, "organizer") => "组织方",
        (_, "service_type") => "服务类型",
        (_, "people_served") => "服务人数",
        (_, "hours_tenths") => "时长（小时）",
        (_, "on_date") => "日期",
        (_, "shift") => "时段",
        (_, "starts_at") => "开始时间",
        (_, "ends_at") => "结束时间",
        (_, "who_kind") => "服务方",
        (_, "who_name") => "服务人员",
        (_, "service") => "服务内容",
        (_, "repeat_rule") => "重复",
        (_, "moved_from") => "原定日期",
        (_, "cancelled_on") => "取消日期",
        (RecordKind::Responsibility, "role") => "责任类别",
        (RecordKind::Responsibility, "person") => "责任人",
        _ => return None,
    })
}

/// A value as the forms show it. Codes read as their labels; an ID number or phone is masked,
/// since the log is read over a shoulder as easily as the roster.
pub fn shown(kind: RecordKind, column: &str, value: &Value) -> String {
    let text = match value {
        Value::Null => return String::new(),
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        other => other.to_string(),
    };
    let code = |label: Option<&'static str>| label.map_or_else(|| text.clone(), str::to_owned);
    match (kind, column) {
        (_, "id_number") => mask_id_number(&text),
        (_, "phone") => mask_phone(&text),
        (_, "amount_fen") => value.as_i64().map_or(text, format_fen),
        (_, "hours_tenths") => value.as_i64().map_or(text, |t| format!("{}.{}", t / 10, t % 10)),
        (_, "gender") => code(Gender::from_code(&text).map(Gender::label)),
        (_, "category") => code(Category::from_code(&text).map(Category::label)),
        (RecordKind::Member, "status") => code(MemberStatus::from_code(&text).map(MemberStatus::label)),
        (RecordKind::Pledge, "status") => code(PledgeStatus::from_code(&text).map(PledgeStatus::label)),
        (RecordKind::Difficulty, "status") => code(DifficultyStatus::from_code(&text).map(DifficultyStatus::label)),
        (RecordKind::Organization, "kind") => code(OrgKind::from_code(&text).map(OrgKind::label)),
        (RecordKind::Post, "kind") => code(PostKind::from_code(&text).map(PostKind::label)),
        (RecordKind::ZoneItem, "kind") => code(ZoneItemKind::from_code(&text).map(ZoneItemKind::label)),
        (RecordKind::SupportRecord, "kind") => code(SupportKind::from_code(&text).map(SupportKind::label)),
        (RecordKind::LeaderVisit, "kind") => code(VisitKind::from_code(&text).map(VisitKind::label)),
        (RecordKind::VolunteerParticipant, "kind") => {
            code(ParticipantKind::from_code(&text).map(ParticipantKind::label))
        }
        (RecordKind::BinnedFile, "kind") => code(BinnedFileKind::from_code(&text).map(BinnedFileKind::label)),
        (RecordKind::Responsibility, "role") => code(Responsibility::from_code(&text).map(Responsibility::label)),
        (_, "shift") => code(Shift::from_code(&text).map(Shift::label)),
        (_, "who_kind") => code(PlanWho::from_code(&text).map(PlanWho::label)),
        (_, "repeat_rule") => Repeat::parse(&text).map_or(text, Repeat::label),
        (_, "unit_kind") => code(UnitKind::from_code(&text).map(UnitKind::label)),
        (_, "mark_type") => code(MarkType::from_code(&text).map(MarkType::label)),
        (_, "how") => code(PostHow::from_code(&text).map(PostHow::label)),
        (_, "appraiser") => code(Appraiser::from_code(&text).map(Appraiser::label)),
        (_, "rating") => code(Rating::from_code(&text).map(Rating::label)),
        (_, "level") => code(LeaderLevel::from_code(&text).map(LeaderLevel::label)),
        (_, "roles") => {
            let roles: Vec<String> = text
                .split(',')
                .map(|r| DeputyRole::from_code(r.trim()).map_or_else(|| r.to_owned(), |d| d.label().to_owned()))
                .collect();
            roles.join("、")
        }
        _ => text,
    }
}

/// Whether a column is either named or deliberately not shown: a test holds every column of
/// every recorded table to it, so a column added later is not shown as nothing by accident.
pub fn known(kind: RecordKind, column: &str) -> bool {
    matches!(column, "created_at" | "updated_at")
        || hidden(column)
        || column.ends_with("_id")
        || label(kind, column).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn values_read_as_the_forms_show_them() {
        assert_eq!(shown(RecordKind::Member, "gender", &json!("female")), "女");
        assert_eq!(shown(RecordKind::Member, "id_number", &json!("110105194912310021")), "1101051949****0021");
        assert_eq!(shown(RecordKind::Member, "phone", &json!("13812345678")), "138****5678");
        assert_eq!(shown(RecordKind::SupportRecord, "amount_fen", &json!(1_234_550)), format_fen(1_234_550));
        assert_eq!(shown(RecordKind::VolunteerParticipant, "hours_tenths", &json!(25)), "2.5");
        assert_eq!(shown(RecordKind::Member, "name", &json!("李明")), "李明");
        assert_eq!(shown(RecordKind::Member, "notes", &Value::Null), "");
    }

    #[test]
    fn keys_are_hidden_and_references_named() {
        assert_eq!(label(RecordKind::Member, "uuid"), None);
        assert_eq!(label(RecordKind::PledgeItem, "pledge_id"), None);
        assert_eq!(label(RecordKind::Member, "org_id"), Some("所在支部"));
        assert_eq!(label(RecordKind::Member, "name"), Some("姓名"));
        assert_eq!(label(RecordKind::Zone, "name"), Some("名称"));
    }
}
