//! Whole pledges written at once — the pledge, its items, progress and appraisals in its final
//! state — a chunk of rows a statement (`db::batch`), for loading many (the demo county's ≈30,000).

use chrono::NaiveDate;
use serde_json::json;
use sqlx::SqliteConnection;

use super::model::ValidPledge;
use crate::common::catalog::{Appraiser, PledgeStatus, Rating};
use crate::db::batch::{in_chunks, next_id};
use crate::error::Result;

/// A pledge as it stands after its year's work: what was promised, when it was published and
/// closed, which items were done when, the progress entered and the appraisals given.
pub struct WholePledge {
    pub pledge: ValidPledge,
    pub status: PledgeStatus,
    pub published_on: Option<NaiveDate>,
    pub closed_on: Option<NaiveDate>,
    /// When each item (by its place in `pledge.items`) was done.
    pub done_on: Vec<Option<NaiveDate>>,
    /// Progress entries in the order entered: the item's place (none for the whole pledge), the
    /// day, the text.
    pub progress: Vec<(Option<usize>, NaiveDate, String)>,
    pub appraisals: Vec<(Appraiser, Rating, String, NaiveDate)>,
}

/// Writes the pledges in order; their rows get the ids they would get written one by one.
pub async fn insert(conn: &mut SqliteConnection, pledges: &[WholePledge]) -> Result<()> {
    let (mut pledge_id, mut item_id) = (next_id(conn, "pledges").await?, next_id(conn, "pledge_items").await?);
    let (mut heads, mut items, mut progress, mut appraisals) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let uuid = || uuid::Uuid::new_v4().to_string();
    for w in pledges {
        let p = &w.pledge;
        heads.push(json!({
            "id": pledge_id, "uuid": uuid(), "year": p.year, "member_id": p.member_id, "org_id": p.org_id,
            "pledged_on": p.pledged_on.to_string(), "status": w.status.code(),
            "published_on": w.published_on.map(|d| d.to_string()), "closed_on": w.closed_on.map(|d| d.to_string()),
        }));
        let first_item = item_id;
        for (k, item) in p.items.iter().enumerate() {
            items.push(json!({
                "id": item_id, "uuid": uuid(), "pledge_id": pledge_id, "seq": k + 1, "content": item.content,
                "measures": item.measures, "owner": item.owner, "deadline": item.deadline.map(|d| d.to_string()),
                "done_on": w.done_on.get(k).copied().flatten().map(|d| d.to_string()),
            }));
            item_id += 1;
        }
        for (item, on, text) in &w.progress {
            progress.push(json!({
                "uuid": uuid(), "pledge_id": pledge_id, "item_id": item.map(|k| first_item + k as i64),
                "entered_on": on.to_string(), "text": text,
            }));
        }
        for (appraiser, rating, comment, on) in &w.appraisals {
            appraisals.push(json!({
                "uuid": uuid(), "pledge_id": pledge_id, "appraiser": appraiser.code(), "rating": rating.code(),
                "comment": comment, "appraised_on": on.to_string(),
            }));
        }
        pledge_id += 1;
    }
    let each = |_| {};
    in_chunks(conn, INSERT_PLEDGES, &heads, each).await?;
    in_chunks(conn, INSERT_ITEMS, &items, each).await?;
    in_chunks(conn, INSERT_PROGRESS, &progress, each).await?;
    in_chunks(conn, INSERT_APPRAISALS, &appraisals, each).await
}

const INSERT_PLEDGES: &str = "INSERT INTO pledges (id, uuid, year, member_id, org_id, pledged_on, status, published_on,
                                                  closed_on, created_at, updated_at)
     SELECT value ->> 'id', value ->> 'uuid', value ->> 'year', value ->> 'member_id', value ->> 'org_id',
            value ->> 'pledged_on', value ->> 'status', value ->> 'published_on', value ->> 'closed_on', ?2, ?2
     FROM json_each(?1) ORDER BY key";
const INSERT_ITEMS: &str =
    "INSERT INTO pledge_items (id, uuid, pledge_id, seq, content, measures, owner, deadline, done_on,
                                                     created_at, updated_at)
     SELECT value ->> 'id', value ->> 'uuid', value ->> 'pledge_id', value ->> 'seq', value ->> 'content',
            value ->> 'measures', value ->> 'owner', value ->> 'deadline', value ->> 'done_on', ?2, ?2
     FROM json_each(?1) ORDER BY key";
const INSERT_PROGRESS: &str = "INSERT INTO pledge_progress (uuid, pledge_id, item_id, entered_on, text, created_at, updated_at)
     SELECT value ->> 'uuid', value ->> 'pledge_id', value ->> 'item_id', value ->> 'entered_on', value ->> 'text', ?2, ?2
     FROM json_each(?1) ORDER BY key";
const INSERT_APPRAISALS: &str =
    "INSERT INTO pledge_appraisals (uuid, pledge_id, appraiser, rating, comment, appraised_on,
                                                               created_at, updated_at)
     SELECT value ->> 'uuid', value ->> 'pledge_id', value ->> 'appraiser', value ->> 'rating', value ->> 'comment',
            value ->> 'appraised_on', ?2, ?2
     FROM json_each(?1) ORDER BY key";
