//! 最近变动 on the home page: what was entered or changed lately in the chosen organization,
//! newest first, one line per batch ("为 李明 等 25 名党员登记亮身份（佩戴党徽）"), each linking
//! to its page. Derived from the records' own timestamps, so no write can forget to log itself.

mod model;
pub(crate) mod store;

pub use model::*;

use chrono::{DateTime, Duration, SecondsFormat, Utc};
use sqlx::SqlitePool;

use crate::common::catalog::{ChangeKind, DifficultyStatus, MarkType, PledgeStatus, PostHow, SupportKind};
use crate::common::limits;
use crate::error::Result;
use store::ChangeRow;

pub async fn recent(pool: &SqlitePool, org_id: Option<i64>, now: DateTime<Utc>, limit: i64) -> Result<Vec<Change>> {
    let since = (now - Duration::days(limits::RECENT_CHANGE_DAYS)).to_rfc3339_opts(SecondsFormat::Secs, true);
    let mut conn = pool.acquire().await?;
    let under = crate::roster::orgs::store::narrowing(&mut conn, org_id).await?;
    let rows = store::recent(&mut conn, under, &since, limit).await?;
    Ok(rows.into_iter().filter_map(change).collect())
}

fn change(r: ChangeRow) -> Option<Change> {
    let kind = ChangeKind::from_code(&r.kind)?;
    let text = sentence(kind, &short(&r.subject), &r.detail, r.count);
    Some(Change { kind, at: r.at, text, count: r.count })
}

/// Long free text (a resident's difficulty) is cut to what a line can hold.
fn short(text: &str) -> String {
    crate::common::validate::shorten(text, 18)
}

fn sentence(kind: ChangeKind, s: &str, detail: &str, n: i64) -> String {
    // "李明 " or "李明 等 25 名党员".
    let who = |unit: &str| if n > 1 { format!("{s} 等 {n} {unit}") } else { format!("{s} ") };
    // "联系领导走访：杨建华 → 河咀社区" or, for a batch, "联系领导走访 99 次（杨建华 → 河咀社区 等）".
    let batch = |what: &str, unit: &str| {
        if n > 1 {
            format!("{what} {n} {unit}（{s} 等）")
        } else {
            format!("{what}：{s}")
        }
    };
    match kind {
        ChangeKind::MemberAdded => format!("新增党员 {}", who("名").trim_end()),
        ChangeKind::MemberChanged => format!("修改党员信息：{}", who("名").trim_end()),
        ChangeKind::Identity => {
            let mark = MarkType::from_code(detail).map_or("", |m| m.label());
            format!("为 {}登记亮身份（{mark}）", who("名党员"))
        }
        ChangeKind::Post => {
            let how = PostHow::from_code(detail).map_or("认岗定责", |h| h.label());
            format!("{}{how}", who("名党员"))
        }
        ChangeKind::Pledge => {
            let what = match PledgeStatus::from_code(detail) {
                Some(PledgeStatus::Draft) => "承诺草稿已保存",
                Some(PledgeStatus::Published) => "承诺已公示",
                Some(PledgeStatus::Completed) => "承诺已结项（已完成）",
                Some(PledgeStatus::NotCompleted) => "承诺已结项（未完成）",
                _ => "承诺有变动",
            };
            if n > 1 {
                format!("{s} 等 {n} 份{what}")
            } else {
                format!("{s} 的{what}")
            }
        }
        ChangeKind::Progress => batch("记录践诺", "条"),
        ChangeKind::Support => {
            let what = SupportKind::from_code(detail).map_or("", |k| k.label());
            batch(&format!("结对共建{what}支持"), "笔")
        }
        ChangeKind::LeaderVisit => batch("联系领导走访", "次"),
        ChangeKind::Difficulty => {
            let step = DifficultyStatus::from_code(detail).map_or("", |d| d.label());
            if n > 1 {
                format!("群众诉求“{s}”等 {n} 件标记为{step}")
            } else {
                format!("群众诉求“{s}”标记为{step}")
            }
        }
        ChangeKind::DeputyVisit => batch("代表委员进社区", "次"),
        ChangeKind::Reply => {
            if n > 1 {
                format!("意见建议“{s}”等 {n} 条已答复")
            } else {
                format!("意见建议“{s}”已答复")
            }
        }
        ChangeKind::Volunteering => batch("志愿服务活动", "次"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batches_read_as_one_line_with_their_count() {
        assert_eq!(sentence(ChangeKind::Identity, "李明", "badge", 25), "为 李明 等 25 名党员登记亮身份（佩戴党徽）");
        assert_eq!(sentence(ChangeKind::MemberAdded, "欧阳喆", "", 1), "新增党员 欧阳喆");
        assert_eq!(sentence(ChangeKind::MemberAdded, "白军福", "", 300), "新增党员 白军福 等 300 名");
        assert_eq!(sentence(ChangeKind::Post, "李明", "claimed", 1), "李明 认岗定责");
        assert_eq!(sentence(ChangeKind::Pledge, "李明", "published", 1), "李明 的承诺已公示");
        assert_eq!(
            sentence(ChangeKind::Support, "县民政局 → 大街社区党总支", "funds", 1),
            "结对共建资金支持：县民政局 → 大街社区党总支"
        );
        assert_eq!(
            sentence(ChangeKind::LeaderVisit, "杨建华 → 河咀社区党总支", "", 1),
            "联系领导走访：杨建华 → 河咀社区党总支"
        );
        // A batch may mix leaders: the count leads, the first is only an example.
        assert_eq!(
            sentence(ChangeKind::LeaderVisit, "杨建华 → 河咀社区党总支", "", 3),
            "联系领导走访 3 次（杨建华 → 河咀社区党总支 等）"
        );
        assert_eq!(
            short("湖滨巷下水道堵塞，污水外溢，居民出行困难，希望尽快疏通"),
            "湖滨巷下水道堵塞，污水外溢，居民出行…"
        );
    }
}
