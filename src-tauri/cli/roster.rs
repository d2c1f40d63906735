//! `sanliang demo` and `sanliang members`: loading the demo county and listing the roster.

use sanliang::common::catalog::{Category, MemberStatus};
use sanliang::common::limits;
use sanliang::demo::{self, DemoScale};
use sanliang::error::Result;
use sanliang::paths::today;
use sanliang::roster::members::{self, MemberQuery};
use sqlx::SqlitePool;

use crate::{every_page, Scale};

pub async fn demo(pool: &SqlitePool, scale: Scale) -> Result<()> {
    let scale = match scale {
        Scale::Community => DemoScale::Community,
        Scale::County => DemoScale::County,
    };
    let summary = demo::load(pool, scale, today()).await?;
    out!("已载入示例数据：{} 个组织，{} 名党员", summary.organizations, summary.members);
    Ok(())
}

/// 清除示例数据.
pub async fn clear_demo(pool: &SqlitePool, data_dir: &std::path::Path) -> Result<()> {
    let cleared = demo::clear::clear(pool, data_dir).await?;
    out!("已清除示例数据：{} 个组织，{} 名党员，共 {} 条记录", cleared.organizations, cleared.members, cleared.records);
    Ok(())
}

/// Members matching the search, phones and ID numbers masked; the count goes to stderr.
pub async fn members(pool: &SqlitePool, search: &str, org: Option<i64>) -> Result<()> {
    let total = every_page(|page| {
        let query = MemberQuery {
            org_id: org,
            text: search.to_owned(),
            page,
            page_size: limits::PAGE_SIZE_MAX,
            ..Default::default()
        };
        async move {
            let result = members::search(pool, &query).await?;
            for m in &result.rows {
                out!(
                    "{}\t{}\t{}\t{}\t{}\t{}\t{}",
                    m.id,
                    m.name,
                    m.org_name,
                    Category::label(m.category),
                    MemberStatus::label(m.status),
                    m.phone_masked,
                    m.id_number_masked
                );
            }
            Ok(result.total)
        }
    })
    .await?;
    eprintln!("共 {total} 名党员");
    Ok(())
}
