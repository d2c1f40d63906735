//! The figures sentence in the seed's style, ready to paste into a report: "目前，已结成单位共建
//! 对子19对，……已有3504名社区党员认岗定责。" A figure that is zero is left out.

use super::model::{leaders_at, Statistics};
use crate::common::catalog::LeaderLevel;
use crate::common::money;

/// Clauses joined in the seed's order; `None` where every figure of a clause is zero.
pub fn sentence(s: &Statistics) -> String {
    let counted = |n: i64, text: &dyn Fn(i64) -> String| (n > 0).then(|| text(n));
    let pairs: Vec<String> = [
        counted(s.pairings.pairings, &|n| format!("单位共建对子{n}对")),
        counted(s.pairings.help_pairs, &|n| format!("党员领导干部帮扶对子{n}对")),
        counted(s.deputies.pairs, &|n| format!("党代表、人大代表、政协委员共建对子{n}对")),
    ]
    .into_iter()
    .flatten()
    .collect();
    let leaders: Vec<String> = [
        counted(leaders_at(&s.leaders, LeaderLevel::County), &|n| format!("{n}名县级党员领导干部")),
        counted(leaders_at(&s.leaders, LeaderLevel::Township), &|n| format!("{n}名科级乡镇街道党员领导干部")),
    ]
    .into_iter()
    .flatten()
    .collect();
    let clauses: Vec<String> = [
        (!pairs.is_empty()).then(|| format!("已结成{}", pairs.join("，"))),
        (!leaders.is_empty()).then(|| format!("明确了{}为社区共建联系领导", leaders.join("、"))),
        counted(s.deputies.reception_points, &|n| format!("建立党代表、人大代表和政协委员接待点{n}处")),
        counted(s.pairings.funds_fen, &|fen| format!("共建单位帮扶资金{}", money::in_words(fen))),
        counted(s.identity.shown.count, &|n| format!("已有{n}名社区党员亮出身份")),
        counted(s.posts.with_post.count, &|n| format!("已有{n}名社区党员认岗定责")),
        counted(s.pledges.made, &|n| {
            let done = s.pledges.completed;
            if done > 0 {
                format!("党组织和党员作出承诺{n}份、已兑现{done}份")
            } else {
                format!("党组织和党员作出承诺{n}份")
            }
        }),
        counted(s.volunteering.activities, &|n| {
            let served = s.volunteering.people_served;
            if served > 0 {
                format!("开展志愿服务活动{n}次、服务群众{served}人次")
            } else {
                format!("开展志愿服务活动{n}次")
            }
        }),
    ]
    .into_iter()
    .flatten()
    .collect();
    if clauses.is_empty() {
        "目前尚无可汇总的工作数据。".to_owned()
    } else {
        format!("目前，{}。", clauses.join("，"))
    }
}
