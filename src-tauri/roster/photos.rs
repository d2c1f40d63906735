//! Member photos: an image the user picks is checked, copied into the data folder's
//! `photos/` directory under the member's UUID (a phone's large picture scaled down first), and
//! read back for the form. A photo replaced or removed goes to the recycle bin.

use std::path::{Path, PathBuf};

use sqlx::{SqliteConnection, SqlitePool};

use crate::common::catalog::BinnedFileKind;
use crate::common::recycled::{self, Owner};
use crate::error::{Error, Result};
use crate::roster::members::store;

use crate::common::files::{MAX_BYTES, PHOTO_DIR};

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

pub async fn set(pool: &SqlitePool, data_dir: &Path, member_id: i64, source: &Path) -> Result<()> {
    let mut conn = pool.acquire().await?;
    let member = store::get(&mut conn, member_id).await?;
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
    to_bin(&mut tx, data_dir, member_id).await?;
    let file = format!("{}.{ext}", member.uuid);
    crate::common::files::write_atomic(&dir.join(&file), &bytes)?;
    store::set_photo(&mut tx, member_id, Some(&file)).await?;
    tx.commit().await?;
    Ok(())
}

/// Moves the member's photo, if any, to the recycle bin.
pub async fn to_bin(conn: &mut SqliteConnection, data_dir: &Path, member_id: i64) -> Result<()> {
    if let Some(old) = store::photo_file(conn, member_id).await? {
        let owner = Owner { member_id: Some(member_id), pairing_id: None };
        recycled::keep(conn, data_dir, BinnedFileKind::Photo, owner, &data_dir.join(PHOTO_DIR).join(old), "").await?;
        store::set_photo(conn, member_id, None).await?;
    }
    Ok(())
}

/// 移除照片: the photo goes to the recycle bin, from which it can be put back.
pub async fn clear(pool: &SqlitePool, data_dir: &Path, member_id: i64) -> Result<()> {
    let mut tx = crate::db::write(pool).await?;
    to_bin(&mut tx, data_dir, member_id).await?;
    tx.commit().await?;
    Ok(())
}

/// The photo file of a member, if any.
pub async fn path(pool: &SqlitePool, data_dir: &Path, member_id: i64) -> Result<Option<PathBuf>> {
    let mut conn = pool.acquire().await?;
    Ok(store::photo_file(&mut conn, member_id).await?.map(|f| data_dir.join(PHOTO_DIR).join(f)))
}

/// The photo as a `data:` URL the form can show without widening the web view's file access.
pub async fn data_url(pool: &SqlitePool, data_dir: &Path, member_id: i64) -> Result<Option<String>> {
    let Some(path) = path(pool, data_dir, member_id).await? else { return Ok(None) };
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
