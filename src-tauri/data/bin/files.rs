//! Putting a file back from the recycle bin: a member's or a deputy's photo, an agreement scan or the emblem
//! returns to its place, and the one there now goes to the bin in its stead.

use std::path::Path;

use sqlx::SqliteConnection;

use crate::common::catalog::BinnedFileKind;
use crate::common::files::{EMBLEM, EMBLEM_EXTENSIONS, PHOTO_DIR, SCAN_DIR};
use crate::common::recycled::{self, Owner};
use crate::error::{Error, Result};
use crate::roster::photos::{self, Whose};

pub async fn restore(conn: &mut SqliteConnection, data_dir: &Path, id: i64, gone: &str) -> Result<()> {
    let binned = recycled::get(conn, data_dir, id).await?.ok_or_else(|| Error::NotFound(gone.into()))?;
    if !binned.path.exists() {
        return Err(Error::NotFound("回收站中的这个文件已不存在（可能被移动或删除），无法恢复".into()));
    }
    let ext = binned.path.extension().map(|e| e.to_string_lossy().into_owned()).unwrap_or_default();
    match (binned.kind, binned.owner) {
        (BinnedFileKind::Photo, Owner { member_id, deputy_id, .. }) if member_id.or(deputy_id).is_some() => {
            let whose = match (member_id, deputy_id) {
                (Some(member), _) => Whose::Member(member),
                (None, Some(deputy)) => Whose::Deputy(deputy),
                (None, None) => return Err(Error::NotFound(gone.into())),
            };
            let uuid = photos::uuid_of(conn, whose).await?;
            photos::to_bin(conn, data_dir, whose).await?;
            let file = format!("{uuid}.{ext}");
            recycled::take(conn, data_dir, id, &data_dir.join(PHOTO_DIR).join(&file)).await?;
            photos::set_file(conn, whose, Some(&file)).await?;
        }
        (BinnedFileKind::Scan, Owner { pairing_id: Some(pairing), .. }) => {
            let current: Option<(Option<String>, Option<String>)> =
                sqlx::query_as("SELECT scan_file, scan_name FROM pairings WHERE id = ?1")
                    .bind(pairing)
                    .fetch_optional(&mut *conn)
                    .await?;
            if let Some((Some(file), name)) = current {
                let owner = Owner { pairing_id: Some(pairing), ..Owner::default() };
                let path = data_dir.join(SCAN_DIR).join(file);
                recycled::keep(conn, data_dir, BinnedFileKind::Scan, owner, &path, &name.unwrap_or_default()).await?;
            }
            let file = format!("{}.{ext}", uuid::Uuid::new_v4());
            recycled::take(conn, data_dir, id, &data_dir.join(SCAN_DIR).join(&file)).await?;
            sqlx::query("UPDATE pairings SET scan_file = ?1, scan_name = ?2, updated_at = ?3 WHERE id = ?4")
                .bind(&file)
                .bind(&binned.original_name)
                .bind(crate::db::now())
                .bind(pairing)
                .execute(&mut *conn)
                .await?;
        }
        (BinnedFileKind::Emblem, _) => {
            let current = EMBLEM_EXTENSIONS.iter().map(|e| data_dir.join(format!("{EMBLEM}.{e}"))).find(|p| p.exists());
            if let Some(current) = current {
                recycled::keep(conn, data_dir, BinnedFileKind::Emblem, Owner::default(), &current, "").await?;
            }
            recycled::take(conn, data_dir, id, &data_dir.join(format!("{EMBLEM}.{ext}"))).await?;
        }
        _ => return Err(Error::NotFound(gone.into())),
    }
    Ok(())
}
