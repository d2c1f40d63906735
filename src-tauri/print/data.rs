//! What a print job is about — members (with organization, post and pledge items) or zones —
//! gathered from the database, and checked for characters no bundled face can print before
//! anything is drawn.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Deserialize;
use sqlx::SqlitePool;
use ts_rs::TS;

use super::deputy_passes::DeputyPass;
use super::fonts::{missing, FaceKind};
use super::schedule_sheet::ScheduleSheet;
use crate::common::catalog::{Category, DeputyRole, OrgKind, PlanStatus, PlanWho, PostKind, ZoneItemKind};
use crate::common::files::PHOTO_DIR;
use crate::common::period::Period;
use crate::error::{Error, Result};
use crate::print::store;
use crate::roster::members::{self, MemberQuery};
use crate::sijin::schedule;

/// Whom or what to print: an organization subtree (all when empty), a category, or a hand
/// selection of members or zones.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct Selection {
    pub org_id: Option<i64>,
    pub category: Option<Category>,
    /// When not empty, only these members (or zones, for zone signs).
    pub ids: Vec<i64>,
    /// The roster's current filter: the members it finds (used instead of the fields above).
    pub query: Option<MemberQuery>,
    /// Only the first this many members or zones (the command line's `--limit`, for trials and
    /// benchmarks); read no further than that.
    #[serde(skip)]
    #[ts(skip)]
    pub limit: Option<usize>,
}

#[derive(Debug, Clone)]
pub struct Promise {
    pub content: String,
    pub deadline: Option<NaiveDate>,
}

#[derive(Debug, Clone)]
pub struct Person {
    pub id: i64,
    pub name: String,
    pub category: Category,
    pub phone: String,
    pub photo: Option<PathBuf>,
    /// The community (党总支) the member belongs to, and the branch if any.
    pub community: String,
    pub branch: Option<String>,
    pub post: Option<(String, PostKind, String)>,
    pub promises: Vec<Promise>,
}

#[derive(Debug, Clone)]
pub struct ZoneSheet {
    pub name: String,
    pub community: String,
    pub items: Vec<(ZoneItemKind, String)>,
    /// The members covering its items, in order of appearance, with their phones.
    pub members: Vec<(String, String)>,
}

fn ids_json(ids: &[i64]) -> Option<String> {
    (!ids.is_empty()).then(|| format!("[{}]", ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",")))
}

/// Members on the roll for a selection, in organization and name order, with their pledge
/// items for `year` (drafts left out when `published_only`).
pub async fn people(
    pool: &SqlitePool,
    data_dir: &Path,
    selection: &Selection,
    year: i32,
    published_only: bool,
) -> Result<Vec<Person>> {
    let (under, ids, category) = match &selection.query {
        Some(query) => {
            let found = members::matching_ids(pool, query).await?;
            if found.is_empty() {
                return Err(Error::validation("selection", "名册当前的筛选条件没有找到党员"));
            }
            (None, ids_json(&found), None)
        }
        None => (selection.org_id, ids_json(&selection.ids), selection.category.map(Category::code)),
    };
    let limit = selection.limit.map_or(-1, |n| i64::try_from(n).unwrap_or(i64::MAX));
    let mut conn = pool.acquire().await?;
    let rows = store::members(&mut conn, under, category, ids.as_deref(), limit).await?;
    // The pledges of the members read, not of everyone under the organization.
    let read: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let mut promises: HashMap<i64, Vec<Promise>> = HashMap::new();
    let items = match ids_json(&read) {
        Some(read) => store::member_pledge_items(&mut conn, &read, year, published_only).await?,
        None => Vec::new(),
    };
    for item in items {
        promises.entry(item.member_id).or_default().push(Promise { content: item.content, deadline: item.deadline });
    }
    Ok(rows
        .into_iter()
        .map(|r| {
            let (community, branch) = if r.org_kind == OrgKind::Branch {
                (r.parent_name.unwrap_or_default(), Some(r.org_name))
            } else {
                (r.org_name, None)
            };
            let post = match (r.post_name, r.post_kind, r.post_duties) {
                (Some(name), Some(kind), Some(duties)) => Some((name, kind, duties)),
                _ => None,
            };
            Person {
                id: r.id,
                name: r.name,
                category: r.category,
                phone: r.phone,
                photo: r.photo.map(|f| data_dir.join(PHOTO_DIR).join(f)),
                community,
                branch,
                post,
                promises: promises.remove(&r.id).unwrap_or_default(),
            }
        })
        .collect())
}

pub async fn zones(pool: &SqlitePool, selection: &Selection) -> Result<Vec<ZoneSheet>> {
    let ids = ids_json(&selection.ids);
    let rows = store::zones(&mut *pool.acquire().await?, selection.org_id, ids.as_deref()).await?;
    let mut out: Vec<(i64, ZoneSheet)> = Vec::new();
    for r in rows {
        if out.last().is_none_or(|(id, _)| *id != r.zone_id) {
            if selection.limit.is_some_and(|n| out.len() == n) {
                break;
            }
            let sheet =
                ZoneSheet { name: r.zone_name, community: r.community_name, items: Vec::new(), members: Vec::new() };
            out.push((r.zone_id, sheet));
        }
        let Some((_, zone)) = out.last_mut() else { continue };
        zone.items.push((r.kind, r.item_name));
        if let Some(name) = r.member_name {
            if !zone.members.iter().any(|(n, _)| *n == name) {
                zone.members.push((name, r.member_phone.unwrap_or_default()));
            }
        }
    }
    Ok(out.into_iter().map(|(_, z)| z).collect())
}

/// Refuses a job with text that no bundled face can print, naming each member and field, so
/// nothing is ever printed as an empty box.
pub fn check_glyphs<'a>(texts: impl IntoIterator<Item = (&'a str, &'static str, &'a str, FaceKind)>) -> Result<()> {
    let mut problems: Vec<String> = Vec::new();
    for (who, field, text, kind) in texts {
        let chars = missing(kind, text);
        if !chars.is_empty() {
            let shown: String =
                chars.iter().map(|c| format!("“{c}”(U+{:04X})", *c as u32)).collect::<Vec<_>>().join("、");
            problems.push(format!("{who}的{field}含有字库中没有的字{shown}"));
        }
    }
    if problems.is_empty() {
        return Ok(());
    }
    let more = problems.len().saturating_sub(10);
    let mut message = problems.into_iter().take(10).collect::<Vec<_>>().join("；");
    if more > 0 {
        message.push_str(&format!("；另有{more}处"));
    }
    Err(Error::validation("glyphs", format!("无法打印：{message}。请改用常用字或造字后再打印。")))
}

/// The texts of people that are set on cards, boards and sheets, for `check_glyphs`.
pub fn person_texts(people: &[Person]) -> Vec<(&str, &'static str, &str, FaceKind)> {
    let mut out = Vec::new();
    for p in people {
        out.push((p.name.as_str(), "姓名", p.name.as_str(), FaceKind::Sans));
        out.push((p.name.as_str(), "姓名", p.name.as_str(), FaceKind::Serif));
        out.push((p.name.as_str(), "所属组织", p.community.as_str(), FaceKind::Sans));
        if let Some(b) = &p.branch {
            out.push((p.name.as_str(), "所属组织", b.as_str(), FaceKind::Sans));
        }
        if let Some((post, _, duties)) = &p.post {
            out.push((p.name.as_str(), "岗位", post.as_str(), FaceKind::Sans));
            out.push((p.name.as_str(), "岗位职责", duties.as_str(), FaceKind::Sans));
        }
        for promise in &p.promises {
            out.push((p.name.as_str(), "承诺内容", promise.content.as_str(), FaceKind::Sans));
        }
    }
    out
}

/// The texts of zone signs, for `check_glyphs`.
pub fn zone_texts(zones: &[ZoneSheet]) -> Vec<(&str, &'static str, &str, FaceKind)> {
    let mut out = Vec::new();
    for z in zones {
        out.push((z.name.as_str(), "名称", z.name.as_str(), FaceKind::Serif));
        for (_, item) in &z.items {
            out.push((z.name.as_str(), "责任范围", item.as_str(), FaceKind::Sans));
        }
        for (member, _) in &z.members {
            out.push((z.name.as_str(), "责任党员", member.as_str(), FaceKind::Sans));
        }
    }
    out
}

/// Each community's month of 服务安排 under the selection's organization, cancelled dates left
/// off; a community with nothing planned has no sheet.
pub async fn schedule_sheets(
    pool: &SqlitePool,
    selection: &Selection,
    month: Period,
    today: NaiveDate,
) -> Result<Vec<ScheduleSheet>> {
    let plan = schedule::month_plan(pool, selection.org_id, month, today).await?;
    let mut out: Vec<(i64, ScheduleSheet)> = Vec::new();
    for e in plan.entries.iter().filter(|e| e.status != PlanStatus::Cancelled) {
        if out.iter().all(|(c, _)| *c != e.community_id) {
            let sheet = ScheduleSheet {
                community: e.community_name.clone(),
                month_label: plan.month_label.clone(),
                rows: Vec::new(),
            };
            out.push((e.community_id, sheet));
        }
        let who = match e.who_kind {
            PlanWho::Team | PlanWho::Members => e.who.clone(),
            kind => format!("{}（{}）", e.who, kind.label()),
        };
        let row = [
            e.on_date.format("%-m月%-d日").to_string(),
            e.weekday.clone(),
            e.time_label.clone(),
            e.place.clone(),
            who,
            e.service.clone(),
        ];
        if let Some((_, sheet)) = out.iter_mut().find(|(c, _)| *c == e.community_id) {
            sheet.rows.push(row);
        }
    }
    Ok(out.into_iter().map(|(_, s)| s).collect())
}

/// The deputies paired with a community under the selection's organization, for their passes.
pub async fn deputy_passes(pool: &SqlitePool, data_dir: &Path, selection: &Selection) -> Result<Vec<DeputyPass>> {
    let rows = store::deputy_passes(&mut *pool.acquire().await?, selection.org_id).await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let roles: Vec<&str> =
                r.roles.split(',').filter_map(|c| DeputyRole::from_code(c.trim())).map(DeputyRole::label).collect();
            let photo = r.photo.map(|f| data_dir.join(PHOTO_DIR).join(f));
            DeputyPass { name: r.name, roles: roles.join("、"), communities: r.communities, photo }
        })
        .collect())
}

/// The texts of 服务安排 sheets and deputies' passes, for `check_glyphs`.
pub fn schedule_texts<'a>(
    sheets: &'a [ScheduleSheet],
    passes: &'a [DeputyPass],
) -> Vec<(&'a str, &'static str, &'a str, FaceKind)> {
    let mut out = Vec::new();
    for s in sheets {
        out.push((s.community.as_str(), "名称", s.community.as_str(), FaceKind::Serif));
        for r in &s.rows {
            for (text, field) in [(&r[3], "地点"), (&r[4], "服务单位（人员）"), (&r[5], "服务内容")] {
                out.push((s.community.as_str(), field, text.as_str(), FaceKind::Sans));
            }
        }
    }
    for p in passes {
        out.push((p.name.as_str(), "姓名", p.name.as_str(), FaceKind::Serif));
        out.push((p.name.as_str(), "联系社区", p.communities.as_str(), FaceKind::Sans));
    }
    out
}
