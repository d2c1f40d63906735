//! What printed items say that is not data: titles, the issuing organization line and the
//! supervision phone — settings kept in the database, never hard-coded on the items — and the
//! party emblem artwork the user may supply (placed unmodified; never drawn by us).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sqlx::{SqliteConnection, SqlitePool};
use ts_rs::TS;

use crate::common::catalog::BinnedFileKind;
use crate::common::files::{EMBLEM, EMBLEM_EXTENSIONS};
use crate::common::limits;
use crate::common::recycled::{self, Owner};
use crate::common::settings as store;
use crate::common::validate::check_text;
use crate::error::{Error, Result};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PrintSettings {
    pub card_title: String,
    pub vanguard_title: String,
    pub model_title: String,
    pub badge_title: String,
    pub zone_title: String,
    pub notice_title: String,
    /// The line naming who issues the item, e.g. 中共江川县委组织部监制.
    pub issuer: String,
    /// 监督电话.
    pub phone: String,
    /// Whether emblem artwork has been supplied.
    #[serde(default)]
    pub has_emblem: bool,
}

impl Default for PrintSettings {
    fn default() -> Self {
        PrintSettings {
            card_title: "党员承诺卡".into(),
            vanguard_title: "党员先锋岗".into(),
            model_title: "党员示范岗".into(),
            badge_title: "共产党员".into(),
            zone_title: "党员责任区".into(),
            notice_title: "社区党员公开承诺公示表".into(),
            issuer: String::new(),
            phone: String::new(),
            has_emblem: false,
        }
    }
}

const PREFIX: &str = "print.";

fn fields(s: &mut PrintSettings) -> [(&'static str, &'static str, &mut String, usize); 8] {
    [
        ("cardTitle", "承诺卡标题", &mut s.card_title, limits::PRINT_TITLE),
        ("vanguardTitle", "先锋岗标题", &mut s.vanguard_title, limits::PRINT_TITLE),
        ("modelTitle", "示范岗标题", &mut s.model_title, limits::PRINT_TITLE),
        ("badgeTitle", "胸牌标题", &mut s.badge_title, limits::PRINT_TITLE),
        ("zoneTitle", "责任区牌标题", &mut s.zone_title, limits::PRINT_TITLE),
        ("noticeTitle", "公示表标题", &mut s.notice_title, limits::NOTICE_TITLE),
        ("issuer", "监制单位", &mut s.issuer, limits::PRINT_FOOTER),
        ("phone", "监督电话", &mut s.phone, limits::PRINT_FOOTER),
    ]
}

pub async fn load(pool: &SqlitePool, data_dir: &Path) -> Result<PrintSettings> {
    let mut conn = pool.acquire().await?;
    let mut s = PrintSettings::default();
    for (key, _, value, _) in fields(&mut s) {
        if let Some(v) = store::get(&mut conn, &format!("{PREFIX}{key}")).await? {
            *value = v;
        }
    }
    s.has_emblem = emblem_path(data_dir).is_some();
    Ok(s)
}

pub async fn save(pool: &SqlitePool, data_dir: &Path, input: &PrintSettings) -> Result<PrintSettings> {
    let mut s = input.clone();
    for (key, label, value, max) in fields(&mut s) {
        // Titles are required; the issuer line and phone may stay empty.
        *value = check_text(key, label, value, max, key.ends_with("Title"))?;
    }
    let mut tx = crate::db::write(pool).await?;
    for (key, _, value, _) in fields(&mut s) {
        store::set(&mut tx, &format!("{PREFIX}{key}"), value).await?;
    }
    tx.commit().await?;
    load(pool, data_dir).await
}

/// The emblem file in the data folder, if the user supplied one.
pub fn emblem_path(data_dir: &Path) -> Option<PathBuf> {
    EMBLEM_EXTENSIONS.iter().map(|ext| data_dir.join(format!("{EMBLEM}.{ext}"))).find(|p| p.exists())
}

/// Copies emblem artwork (PNG or JPEG, as supplied) into the data folder; the one it replaces
/// goes to the recycle bin.
pub async fn set_emblem(pool: &SqlitePool, data_dir: &Path, source: &Path) -> Result<()> {
    let bytes = std::fs::read(source).map_err(|_| Error::validation("emblem", "无法读取所选图片"))?;
    let ext = if bytes.starts_with(&[0x89, b'P', b'N', b'G']) {
        "png"
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        "jpg"
    } else {
        return Err(Error::validation("emblem", "党徽图案应为PNG或JPEG图片"));
    };
    let mut tx = crate::db::write(pool).await?;
    emblem_to_bin(&mut tx, data_dir).await?;
    let target = data_dir.join(format!("{EMBLEM}.{ext}"));
    crate::common::files::write_atomic(&target, &bytes)?;
    tx.commit().await?;
    Ok(())
}

/// Moves the emblem, if any, to the recycle bin.
pub async fn emblem_to_bin(conn: &mut SqliteConnection, data_dir: &Path) -> Result<()> {
    if let Some(old) = emblem_path(data_dir) {
        recycled::keep(conn, data_dir, BinnedFileKind::Emblem, Owner::default(), &old, "").await?;
    }
    Ok(())
}

/// 移除党徽图案: it goes to the recycle bin, from which it can be put back.
pub async fn clear_emblem(pool: &SqlitePool, data_dir: &Path) -> Result<()> {
    let mut tx = crate::db::write(pool).await?;
    emblem_to_bin(&mut tx, data_dir).await?;
    tx.commit().await?;
    Ok(())
}
