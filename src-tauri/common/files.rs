//! Files the user hands over (scans, evidence) copied into the data folder: type and size
//! checked first, written beside and renamed, so a failed copy never leaves half a file.

use std::path::Path;

use crate::error::{Error, Result};

pub const MAX_BYTES: u64 = 20 * 1024 * 1024;

/// Copies `source` into `data_dir/dir/<uuid>.<ext>`; returns (stored name, original name).
pub fn keep_copy(
    data_dir: &Path,
    dir: &str,
    source: &Path,
    extensions: &[&str],
    field: &str,
) -> Result<(String, String)> {
    let name = source.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let ext = source.extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
    if !extensions.contains(&ext.as_str()) {
        return Err(Error::validation(field, format!("“{name}”的类型不受支持（可用：{}）", extensions.join("、"))));
    }
    let meta = std::fs::metadata(source).map_err(|_| Error::validation(field, format!("无法读取“{name}”")))?;
    if meta.len() == 0 {
        return Err(Error::validation(field, format!("“{name}”是空文件")));
    }
    if meta.len() > MAX_BYTES {
        return Err(Error::validation(field, format!("“{name}”大于20MB，请压缩后再添加")));
    }
    let target_dir = data_dir.join(dir);
    std::fs::create_dir_all(&target_dir)?;
    let stored = format!("{}.{ext}", uuid::Uuid::new_v4());
    let tmp = target_dir.join(format!("{stored}.tmp"));
    std::fs::copy(source, &tmp).map_err(|_| Error::validation(field, format!("无法复制“{name}”")))?;
    std::fs::rename(&tmp, target_dir.join(&stored))?;
    Ok((stored, name))
}
