//! The pictures 使用说明 shows (`ui/src/help/shots/`), taken by the flows in the real window and
//! compared with the ones the help page ships: block by block in grey, with a tolerance for
//! anti-aliasing, so a page that changed makes the run fail until the pictures are taken again
//! (`UPDATE_HELP_SHOTS=1 cargo test --test e2e help`) and the help never shows a window that is gone.

use std::path::{Path, PathBuf};

use super::R;

/// Blocks of this many pixels square are compared by their mean grey.
const BLOCK: usize = 16;
/// How far the mean grey of the blocks may differ on average (0–255) before the picture is stale.
const MEAN_TOLERANCE: f64 = 2.0;
/// How many blocks (as a share) may differ by more than [`BLOCK_TOLERANCE`] grey levels.
const CHANGED_SHARE: f64 = 0.01;
const BLOCK_TOLERANCE: f64 = 24.0;

pub fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/src/help/shots")
}

pub fn updating() -> bool {
    std::env::var_os("UPDATE_HELP_SHOTS").is_some_and(|v| !v.is_empty())
}

/// A picture as the mean grey of each block, with its size in pixels.
pub struct Blocks {
    pub width: usize,
    pub height: usize,
    means: Vec<f64>,
}

pub fn blocks(png: &[u8]) -> R<Blocks> {
    let mut reader = png::Decoder::new(std::io::Cursor::new(png)).read_info()?;
    let mut pixels = vec![0; reader.output_buffer_size().ok_or("a picture too large")?];
    let frame = reader.next_frame(&mut pixels)?;
    let (width, height) = (frame.width as usize, frame.height as usize);
    let channels = frame.color_type.samples();
    let depth = frame.bit_depth as usize;
    if depth != 8 {
        return Err(format!("a PNG of {depth} bits per sample").into());
    }
    let (cols, rows) = (width.div_ceil(BLOCK), height.div_ceil(BLOCK));
    let (mut sums, mut counts) = (vec![0.0; cols * rows], vec![0usize; cols * rows]);
    for y in 0..height {
        for x in 0..width {
            let at = (y * width + x) * channels;
            let grey = match channels {
                1 | 2 => f64::from(pixels[at]),
                _ => {
                    0.299 * f64::from(pixels[at])
                        + 0.587 * f64::from(pixels[at + 1])
                        + 0.114 * f64::from(pixels[at + 2])
                }
            };
            let b = (y / BLOCK) * cols + x / BLOCK;
            sums[b] += grey;
            counts[b] += 1;
        }
    }
    let means = sums.iter().zip(&counts).map(|(s, &c)| s / c.max(1) as f64).collect();
    Ok(Blocks { width, height, means })
}

/// Why `new` no longer looks like `old`, if it does not.
pub fn difference(old: &Blocks, new: &Blocks) -> Option<String> {
    if (old.width, old.height) != (new.width, new.height) {
        return Some(format!("{}×{} now, {}×{} in the help", new.width, new.height, old.width, old.height));
    }
    let diffs: Vec<f64> = old.means.iter().zip(&new.means).map(|(a, b)| (a - b).abs()).collect();
    let mean = diffs.iter().sum::<f64>() / diffs.len().max(1) as f64;
    let changed = diffs.iter().filter(|&&d| d > BLOCK_TOLERANCE).count() as f64 / diffs.len().max(1) as f64;
    (mean > MEAN_TOLERANCE || changed > CHANGED_SHARE)
        .then(|| format!("mean grey differs by {mean:.2}, {:.1} % of blocks changed", changed * 100.0))
}

/// Compares the picture just taken with the one the help ships, or keeps it when updating.
pub fn check(name: &str, png: &[u8]) -> R {
    let file = dir().join(format!("{name}.png"));
    // Kept beside the other screenshots too, for a person to look at.
    let screens = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/e2e-screenshots");
    std::fs::create_dir_all(&screens)?;
    std::fs::write(screens.join(format!("help-{name}.png")), png)?;
    if updating() {
        std::fs::create_dir_all(dir())?;
        std::fs::write(&file, png)?;
        return Ok(());
    }
    let shipped = std::fs::read(&file).map_err(|e| format!("{}: {e}", file.display()))?;
    match difference(&blocks(&shipped)?, &blocks(png)?) {
        None => Ok(()),
        Some(why) => Err(format!(
            "the picture {name} of 使用说明 is stale ({why}); look at target/e2e-screenshots/help-{name}.png and run `UPDATE_HELP_SHOTS=1 cargo test --test e2e help`"
        )
        .into()),
    }
}
