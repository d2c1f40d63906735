//! Photos of members and of deputies: an image the user picks is checked, copied into the data
//! folder's `photos/` directory under the owner's UUID (a phone's large picture scaled down
//! first), and read back for the form. A photo replaced or removed goes to the recycle bin.

use std::path::{Path, PathBuf};

use sqlx::{SqliteConnection, SqlitePool};

use crate::common::catalog::BinnedFileKind;
use crate::common::recycled::{self, Owner};
use crate::error::{Error, Result};

use crate::common::files::{MAX_BYTES, PHOTO_DIR};

/// Whose photo: a member's (党员) or a deputy's (代表委员, for the 工作证).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Whose {
    Member(i64),
    Deputy(i64),
}

impl Whose {
    /// The table holding the owner's `uuid` and `photo` (a name of ours, never the user's).
    fn table(self) -> &'static str {
        match self {
            Whose::Member(_) => "members",
            Whose::Deputy(_) => "deputies",
        }
    }

    fn id(self) -> i64 {
        match self {
            Whose::Member(id) | Whose::Deputy(id) => id,
        }
    }

    /// The owner a binned photo is kept under, to come back to.
    pub fn owner(self) -> Owner {
        match self {
            Whose::Member(id) => Owner { member_id: Some(id), ..Owner::default() },
            Whose::Deputy(id) => Owner { deputy_id: Some(id), ..Owner::default() },
        }
    }

    fn gone(self) -> Error {
        Error::NotFound(if matches!(self, Whose::Member(_)) { "党员不存在" } else { "代表委员不存在" }.into())
    }
}

/// The owner's uuid (the photo's file name), refusing a deleted or unknown owner.
pub async fn uuid_of(conn: &mut SqliteConnection, whose: Whose) -> Result<String> {
    let sql = format!("SELECT uuid FROM {} WHERE id = ?1 AND deleted_at IS NULL", whose.table());
    let uuid: Option<String> = sqlx::query_scalar(&sql).bind(whose.id()).fetch_optional(conn).await?;
    uuid.ok_or_else(|| whose.gone())
}

async fn photo_file(conn: &mut SqliteConnection, whose: Whose) -> Result<Option<String>> {
    let sql = format!("SELECT photo FROM {} WHERE id = ?1 AND deleted_at IS NULL", whose.table());
    let file: Option<Option<String>> = sqlx::query_scalar(&sql).bind(whose.id()).fetch_optional(conn).await?;
    Ok(file.flatten())
}

/// Names the owner's photo file (none: no photo).
pub async fn set_file(conn: &mut SqliteConnection, whose: Whose, file: Option<&str>) -> Result<()> {
    let sql = format!("UPDATE {} SET photo = ?1, updated_at = ?2 WHERE id = ?3", whose.table());
    sqlx::query(&sql).bind(file).bind(crate::db::now()).bind(whose.id()).execute(conn).await?;
    Ok(())
}

/// The largest photo kept as supplied, in pixels; a larger one (a phone's 12-megapixel picture)
/// is stored scaled to fit, as JPEG — more than any printed item needs, and small in backups.
pub const STORED_PX: (u32, u32) = (900, 1200);

/// The photo scaled into [`STORED_PX`] as a JPEG, or `None` when it fits already (or cannot be
/// decoded, and is then kept as it came).
fn scaled(bytes: &[u8]) -> Option<Vec<u8>> {
    let reader = image::ImageReader::new(std::io::Cursor::new(bytes)).with_guessed_format().ok()?;
    let (w, h) = reader.into_dimensions().ok()?;
    if w <= STORED_PX.0 && h <= STORED_PX.1 {
        return None;
    }
    let picture = image::load_from_memory(bytes).ok()?;
    let small = picture.resize(STORED_PX.0, STORED_PX.1, image::imageops::FilterType::Triangle).into_rgb8();
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 88).encode_image(&small).ok()?;
    Some(jpeg)
}

/// The image format, told by the file's first bytes rather than its name.
fn sniff(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A]) {
        Some("png")
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("jpg")
    } else {
        None
    }
}

pub async fn set(pool: &SqlitePool, data_dir: &Path, whose: Whose, source: &Path) -> Result<()> {
    let mut conn = pool.acquire().await?;
    let uuid = uuid_of(&mut conn, whose).await?;
    let meta = std::fs::metadata(source).map_err(|_| Error::validation("photo", "无法读取所选照片文件"))?;
    if meta.len() > MAX_BYTES {
        return Err(Error::validation("photo", "照片文件不能大于20MB"));
    }
    let bytes = std::fs::read(source).map_err(|_| Error::validation("photo", "无法读取所选照片文件"))?;
    let ext = sniff(&bytes).ok_or_else(|| Error::validation("photo", "照片应为PNG或JPEG图片"))?;
    let (bytes, ext) = match scaled(&bytes) {
        Some(jpeg) => (jpeg, "jpg"),
        None => (bytes, ext),
    };
    drop(conn);
    let dir = data_dir.join(PHOTO_DIR);
    std::fs::create_dir_all(&dir)?;
    let mut tx = crate::db::write(pool).await?;
    // The photo replaced goes to the recycle bin first: the new one may take its file name.
    to_bin(&mut tx, data_dir, whose).await?;
    let file = format!("{uuid}.{ext}");
    crate::common::files::write_atomic(&dir.join(&file), &bytes)?;
    set_file(&mut tx, whose, Some(&file)).await?;
    tx.commit().await?;
    Ok(())
}

/// Moves the owner's photo, if any, to the recycle bin.
pub async fn to_bin(conn: &mut SqliteConnection, data_dir: &Path, whose: Whose) -> Result<()> {
    if let Some(old) = photo_file(conn, whose).await? {
        let path = data_dir.join(PHOTO_DIR).join(old);
        recycled::keep(conn, data_dir, BinnedFileKind::Photo, whose.owner(), &path, "").await?;
        set_file(conn, whose, None).await?;
    }
    Ok(())
}

/// 移除照片: the photo goes to the recycle bin, from which it can be put back.
pub async fn clear(pool: &SqlitePool, data_dir: &Path, whose: Whose) -> Result<()> {
    let mut tx = crate::db::write(pool).await?;
    to_bin(&mut tx, data_dir, whose).await?;
    tx.commit().await?;
    Ok(())
}

/// The owner's photo file, if any.
pub async fn path(pool: &SqlitePool, data_dir: &Path, whose: Whose) -> Result<Option<PathBuf>> {
    let mut conn = pool.acquire().await?;
    Ok(photo_file(&mut conn, whose).await?.map(|f| data_dir.join(PHOTO_DIR).join(f)))
}

/// The photo as a `data:` URL the form can show without widening the web view's file access.
pub async fn data_url(pool: &SqlitePool, data_dir: &Path, whose: Whose) -> Result<Option<String>> {
    let Some(path) = path(pool, data_dir, whose).await? else { return Ok(None) };
    let bytes = std::fs::read(&path)?;
    let mime = if sniff(&bytes) == Some("png") { "image/png" } else { "image/jpeg" };
    Ok(Some(format!("data:{mime};base64,{}", base64(&bytes))))
}

fn base64(bytes: &[u8]) -> String {
    const TABLE: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = (u32::from(chunk[0]) << 16)
            | (u32::from(*chunk.get(1).unwrap_or(&0)) << 8)
            | u32::from(*chunk.get(2).unwrap_or(&0));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(TABLE[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc4648_vectors() {
        for (input, want) in [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foobar", "Zm9vYmFy")] {
            assert_eq!(base64(input.as_bytes()), want);
        }
    }

    #[test]
    fn only_png_and_jpeg_are_accepted() {
        assert_eq!(sniff(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0]), Some("png"));
        assert_eq!(sniff(&[0xFF, 0xD8, 0xFF, 0xE0]), Some("jpg"));
        assert_eq!(sniff(b"GIF89a"), None);
    }
}
