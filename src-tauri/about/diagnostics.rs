//! 导出诊断信息: one zip a secretary can send to support — the log files and an anonymous
//! summary (versions, system, record counts, print settings without the phone). No names, ID
//! numbers or phones: the logs are masked as written and the summary is masked again.

use std::io::Write;
use std::path::Path;

use sqlx::SqlitePool;

use crate::common::log;
use crate::common::validate::mask_phone;
use crate::error::{Error, Result};

/// The summary's name inside the zip.
pub const SUMMARY_FILE: &str = "诊断摘要.txt";
/// The folder of the log files inside the zip.
pub const LOGS_IN_ZIP: &str = "logs";

/// A diagnostic zip written: where, and how many log files it holds.
#[derive(Debug, Clone, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct DiagnosticsSaved {
    pub path: String,
    pub logs: usize,
}

/// The anonymous summary: one `name: value` line each.
pub async fn summary(pool: &SqlitePool, data_dir: &Path, today: chrono::NaiveDate) -> Result<String> {
    let about = super::info(pool, data_dir).await?;
    let print = crate::print::settings::load(pool, data_dir).await?;
    let mut lines = vec![
        format!("程序版本: {}", about.version),
        format!("数据库版本: {}", about.schema_version),
        format!("系统: {}", about.system),
        format!("导出日期: {today}"),
        format!("数据库大小: {} 字节", about.database_bytes),
        format!("日志文件: {} 个", log::files(data_dir).len()),
    ];
    lines.extend(about.counts.iter().map(|c| format!("记录数 {}: {}", c.label, c.count)));
    lines.push(format!("打印 监制单位: {}", print.issuer));
    lines.push(format!(
        "打印 监督电话: {}",
        if print.phone.is_empty() { "（未设置）".into() } else { mask_phone(&print.phone) }
    ));
    lines.push(format!("打印 徽标: {}", if print.has_emblem { "已设置" } else { "未设置" }));
    Ok(log::redact(&(lines.join("\r\n") + "\r\n")).into_owned())
}

/// Writes the zip to `target` (whole or not at all); returns how many log files it holds.
pub async fn write(pool: &SqlitePool, data_dir: &Path, target: &Path, today: chrono::NaiveDate) -> Result<usize> {
    let summary = summary(pool, data_dir, today).await?;
    let logs = log::files(data_dir);
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let zip_error = |e: zip::result::ZipError| Error::Io(std::io::Error::other(e));
    zip.start_file(SUMMARY_FILE, options).map_err(zip_error)?;
    zip.write_all(summary.as_bytes())?;
    for file in &logs {
        let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let text = std::fs::read_to_string(file).map_err(|e| Error::file(file, e))?;
        zip.start_file(format!("{LOGS_IN_ZIP}/{name}"), options).map_err(zip_error)?;
        zip.write_all(log::redact(&text).as_bytes())?;
    }
    let bytes = zip.finish().map_err(zip_error)?.into_inner();
    crate::common::files::write_atomic(target, &bytes).map_err(|e| Error::file(target, e))?;
    tracing::info!(logs = logs.len(), bytes = bytes.len(), "diagnostics exported");
    Ok(logs.len())
}
