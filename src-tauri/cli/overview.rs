//! `sanliang reminders`: what needs doing, as the home page shows it.

use chrono::NaiveDate;
use sanliang::error::Result;
use sanliang::overview::reminders;
use sqlx::SqlitePool;

pub async fn reminders(pool: &SqlitePool, org: Option<i64>, on: NaiveDate) -> Result<()> {
    let all = reminders::for_today(pool, org, on).await?;
    if all.is_empty() {
        out!("没有待办提醒");
    }
    for r in all {
        out!("{}\t{}\t{}", r.key, r.title, r.examples.join("；"));
    }
    Ok(())
}
