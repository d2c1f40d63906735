//! `sanliang bench --boards-with-photos N`: the first N members given a 12-megapixel phone picture
//! as their photo, their supervision boards printed, and the process's peak memory reported — run
//! in a process of its own, so the peak is the print's.

use std::time::Instant;

use sanliang::error::{Error, Result};
use sanliang::paths::today;
use sanliang::print::data::Selection;
use sanliang::print::{self, Paper, PrintKind, PrintOptions};
use sqlx::SqlitePool;

/// The process's peak resident memory in MB (Linux's `VmHWM`), where the system tells it.
fn peak_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let kb: f64 =
        status.lines().find_map(|l| l.strip_prefix("VmHWM:"))?.trim().trim_end_matches("kB").trim().parse().ok()?;
    Some(kb / 1024.0)
}

pub async fn boards(pool: &SqlitePool, data_dir: &std::path::Path, n: usize) -> Result<()> {
    let ids: Vec<i64> = sqlx::query_scalar("SELECT id FROM members WHERE deleted_at IS NULL ORDER BY id LIMIT ?1")
        .bind(n as i64)
        .fetch_all(pool)
        .await?;
    // A 4000 × 3000 picture with detail in it, as a phone takes it.
    let picture = image::RgbImage::from_fn(3000, 4000, |x, y| {
        image::Rgb([((x * 7 + y * 3) % 251) as u8, ((x ^ y) % 241) as u8, ((x * y) % 239) as u8])
    });
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 85)
        .encode_image(&picture)
        .map_err(|e| Error::Io(std::io::Error::other(e.to_string())))?;
    drop(picture);
    let file = data_dir.join("bench-photo.jpg");
    std::fs::write(&file, &jpeg)?;
    for id in &ids {
        sanliang::roster::photos::set(pool, data_dir, sanliang::roster::photos::Whose::Member(*id), &file).await?;
    }
    let before = peak_mb();
    let started = Instant::now();
    let selection = Selection { ids: ids.clone(), ..Selection::default() };
    let options = PrintOptions {
        kind: PrintKind::Boards,
        selection,
        year: None,
        paper: Paper::A4,
        crop_marks: false,
        month: None,
    };
    let job = print::prepare(pool, data_dir, options, today()).await?;
    let (bytes, _) = job.compose(None, &mut |_, _| true)?;
    let mb = |v: Option<f64>| v.map_or("—".to_owned(), |m| format!("{m:.0} MB"));
    out!(
        "岗位监督牌（A4）{} 份，每人一张 {:.1} MB 的 1200 万像素照片：{:.2?}，PDF {:.1} MB，进程内存峰值 {}（打印前 {}）",
        ids.len(),
        jpeg.len() as f64 / 1e6,
        started.elapsed(),
        bytes.len() as f64 / 1e6,
        mb(peak_mb()),
        mb(before)
    );
    Ok(())
}
