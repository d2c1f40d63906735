//! The exchange file: a zip of `manifest.json` (what it is, who sent it, when, whether it holds
//! personal data, and the data's SHA-256) and `data.json` (each table's records, references
//! written as the referenced records' uuids). Reading checks all of it before anything is used:
//! a foreign, damaged, truncated or future-version file is refused with the reason in Chinese.

use std::collections::BTreeMap;
use std::io::{Cursor, Read, Write};

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

use crate::common::catalog::OrgKind;
use crate::error::{Error, Result};

/// The manifest's `format`: marks a zip as an exchange file of ours.
pub const FORMAT: &str = "sanliang-siji-exchange";
/// The layout this build writes and reads; a newer one is refused.
pub const FORMAT_VERSION: u32 = 1;
pub const MANIFEST: &str = "manifest.json";
pub const DATA: &str = "data.json";
/// The file name's extension (a zip inside).
pub const EXTENSION: &str = "sljh";

/// An organization named in the manifest: the exported one and those above it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrgRef {
    pub uuid: String,
    pub name: String,
    pub kind: OrgKind,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Manifest {
    pub format: String,
    pub format_version: u32,
    pub app_version: String,
    /// The sender's latest migration: a file from a newer database is refused.
    pub schema_version: i64,
    /// When the file was written (UTC, RFC 3339): a newer file replaces an older one.
    pub exported_at: String,
    /// The exported organization.
    pub source: OrgRef,
    /// The organizations above it, from the top.
    pub ancestors: Vec<OrgRef>,
    /// Whether ID numbers and phones are in the file (the sender ticked the box).
    pub personal_data: bool,
    /// Records per table.
    pub counts: BTreeMap<String, usize>,
    /// SHA-256 of `data.json`, lower-case hex.
    pub data_sha256: String,
}

impl Manifest {
    /// "中共江川县委 / 大街街道党工委 / 河咀社区党总支".
    pub fn source_path(&self) -> String {
        self.ancestors.iter().chain([&self.source]).map(|o| o.name.as_str()).collect::<Vec<_>>().join(" / ")
    }
}

/// Each table's records: column → value, references as uuids.
pub type Data = BTreeMap<String, Vec<Map<String, Value>>>;

pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

fn zip_failed(e: impl std::fmt::Display) -> Error {
    Error::Io(std::io::Error::other(format!("写交换文件失败：{e}")))
}

/// The file's bytes: the data, then the manifest that vouches for it.
pub fn write(manifest: &Manifest, data_json: &[u8]) -> Result<Vec<u8>> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    zip.start_file(DATA, options).map_err(zip_failed)?;
    zip.write_all(data_json)?;
    zip.start_file(MANIFEST, options).map_err(zip_failed)?;
    zip.write_all(&serde_json::to_vec_pretty(manifest).map_err(zip_failed)?)?;
    Ok(zip.finish().map_err(zip_failed)?.into_inner())
}

/// Why a file is refused, in Chinese, naming it.
fn refused(name: &str, why: &str) -> Error {
    Error::validation("file", format!("“{name}”{why}，没有导入任何数据"))
}

const DAMAGED: &str = "已损坏或不完整（可能没有复制完），请让对方重新导出后再试";
const FOREIGN: &str = "不是三亮四进工作台的交换文件";

fn entry(zip: &mut ZipArchive<Cursor<&[u8]>>, name: &str, file: &str) -> Result<Vec<u8>> {
    let mut found = zip.by_name(name).map_err(|_| refused(file, DAMAGED))?;
    let mut bytes = Vec::new();
    found.read_to_end(&mut bytes).map_err(|_| refused(file, DAMAGED))?;
    Ok(bytes)
}

/// Reads and checks a file named `file` (for messages): ours, a version this build reads, from
/// a database no newer than `schema_version`, its data whole (the checksum) and well formed.
pub fn read(bytes: &[u8], file: &str, schema_version: i64) -> Result<(Manifest, Data)> {
    let mut zip = match ZipArchive::new(Cursor::new(bytes)) {
        Ok(zip) => zip,
        // A zip cut short has lost its directory at the end; anything else is not a zip at all.
        Err(_) if bytes.starts_with(b"PK") => return Err(refused(file, DAMAGED)),
        Err(_) => return Err(refused(file, FOREIGN)),
    };
    if zip.by_name(MANIFEST).is_err() {
        return Err(refused(file, FOREIGN));
    }
    let raw = entry(&mut zip, MANIFEST, file)?;
    let head: Value = serde_json::from_slice(&raw).map_err(|_| refused(file, DAMAGED))?;
    if head.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(refused(file, FOREIGN));
    }
    let version = head.get("formatVersion").and_then(Value::as_u64).unwrap_or(0);
    if version > u64::from(FORMAT_VERSION) {
        return Err(refused(file, &format!("由更新版本的工作台导出（文件格式第{version}版，本机只能读到第{FORMAT_VERSION}版），请先升级本机的工作台")));
    }
    let manifest: Manifest = serde_json::from_value(head).map_err(|_| refused(file, DAMAGED))?;
    if manifest.schema_version > schema_version {
        return Err(refused(file, "由更新版本的工作台导出（数据结构更新），请先升级本机的工作台"));
    }
    let data = entry(&mut zip, DATA, file)?;
    if sha256_hex(&data) != manifest.data_sha256 {
        return Err(refused(file, DAMAGED));
    }
    let data: Data = serde_json::from_slice(&data).map_err(|_| refused(file, DAMAGED))?;
    Ok((manifest, data))
}
