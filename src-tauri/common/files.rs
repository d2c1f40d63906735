//! Files the app writes and the files users hand over: one atomic writer (a part file beside
//! the target, flushed and synced, renamed over it, removed on every failure) and one list of
//! accepted kinds per purpose, which the file dialogs and the checks both use.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// What a file dialog offers and a check accepts for one purpose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileKind {
    /// The filter's name in the dialog.
    pub label: &'static str,
    /// What the files are, in the sentence that refuses another kind ("“a.exe”不是{noun}").
    pub noun: &'static str,
    /// Lower-case extensions without the dot.
    pub extensions: &'static [&'static str],
}

/// Member photos and the emblem artwork (checked by content too).
pub const IMAGES: FileKind =
    FileKind { label: "图片（PNG/JPEG）", noun: "PNG或JPEG图片", extensions: &["png", "jpg", "jpeg"] };
/// Evidence of a pledge fulfilled (践诺证明材料).
pub const EVIDENCE: FileKind = FileKind {
    label: "图片、PDF、Office文档",
    noun: "图片、PDF或Office文档",
    extensions: &["png", "jpg", "jpeg", "pdf", "doc", "docx", "xls", "xlsx"],
};
/// A signed agreement's scan (共建协议扫描件).
pub const SCANS: FileKind =
    FileKind { label: "PDF或图片", noun: "PDF或图片", extensions: &["pdf", "png", "jpg", "jpeg"] };
/// What the print centre saves.
/// 交换文件 between a community's install and the county's.
pub const EXCHANGE: FileKind = FileKind { label: "交换文件", noun: "交换文件", extensions: &["sljh"] };
pub const PDF: FileKind = FileKind { label: "PDF 文件", noun: "PDF文件", extensions: &["pdf"] };
/// Rosters to import (导入花名册) and the workbooks the import saves.
pub const ROSTERS: FileKind =
    FileKind { label: "Excel或CSV表格", noun: "Excel或CSV表格", extensions: &["xlsx", "xls", "csv", "txt"] };
pub const XLSX: FileKind = FileKind { label: "Excel工作簿", noun: "Excel工作簿", extensions: &["xlsx"] };
pub const ZIP: FileKind = FileKind { label: "压缩包", noun: "zip压缩包", extensions: &["zip"] };

/// Where the files the records point to are kept, inside the data folder: members' photos,
/// pledges' evidence, agreements' scans. A backup holds these folders and the emblem.
pub const PHOTO_DIR: &str = "photos";
pub const EVIDENCE_DIR: &str = "evidence";
pub const SCAN_DIR: &str = "agreements";
/// Files replaced or cleared, kept until the recycle bin is emptied (see `common::recycled`).
pub const BIN_DIR: &str = "bin";
pub const STORED_DIRS: [&str; 4] = [PHOTO_DIR, EVIDENCE_DIR, SCAN_DIR, BIN_DIR];
/// Where records name their stored files: (folder, table, column holding the file name).
pub const STORED_COLUMNS: [(&str, &str, &str); 4] = [
    (PHOTO_DIR, "members", "photo"),
    (EVIDENCE_DIR, "pledge_evidence", "stored_name"),
    (SCAN_DIR, "pairings", "scan_file"),
    (BIN_DIR, "binned_files", "file"),
];
/// The emblem artwork's file name without its extension (`emblem.png` or `emblem.jpg`).
pub const EMBLEM: &str = "emblem";
pub const EMBLEM_EXTENSIONS: [&str; 2] = ["png", "jpg"];

/// The largest file a user may hand over.
pub const MAX_BYTES: u64 = 20 * 1024 * 1024;

/// The part file written beside `target` before it is renamed over it.
pub fn part_path(target: &Path) -> PathBuf {
    let mut name = target.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(".part");
    target.with_file_name(name)
}

/// Fails as Windows does when another program holds an existing `target` open without sharing
/// writes (a PDF reader, WPS: os error 32), before anything is written — so the message names
/// the program in the way rather than a failed rename. Elsewhere an existing file opens.
fn check_not_held(target: &Path) -> std::io::Result<()> {
    match std::fs::OpenOptions::new().write(true).open(target) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// Writes `bytes` to `target` so that it is either the whole new file or untouched: written to
/// a part file, flushed and synced, then renamed over `target`. The part file is removed on
/// every failure (a full disk, the old file open in another program on Windows).
pub fn write_atomic(target: &Path, bytes: &[u8]) -> std::io::Result<()> {
    check_not_held(target)?;
    let part = part_path(target);
    let result = (|| {
        let mut file = std::fs::File::create(&part)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        std::fs::rename(&part, target)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&part);
    }
    result
}

/// Copies `source` to `target` the same way as [`write_atomic`].
pub fn copy_atomic(source: &Path, target: &Path) -> std::io::Result<()> {
    check_not_held(target)?;
    let part = part_path(target);
    let result = (|| {
        std::fs::copy(source, &part)?;
        // Windows flushes only a file opened for writing (FlushFileBuffers needs write access).
        std::fs::OpenOptions::new().write(true).open(&part)?.sync_all()?;
        std::fs::rename(&part, target)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&part);
    }
    result
}

/// A file the user picked, checked before anything is copied.
#[derive(Debug, Clone)]
pub struct Picked {
    pub path: PathBuf,
    /// The name the user knows it by.
    pub name: String,
    /// Lower-case extension.
    pub ext: String,
    pub bytes: u64,
}

/// Checks a picked file's kind and size; the message names the file and what is accepted.
pub fn check(source: &Path, kind: FileKind, field: &str) -> Result<Picked> {
    let name = source.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let ext = source.extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
    if !kind.extensions.contains(&ext.as_str()) {
        return Err(Error::validation(
            field,
            format!("“{name}”不是{}，不能添加（可用：{}）", kind.noun, kind.extensions.join("、")),
        ));
    }
    let meta = std::fs::metadata(source).map_err(|_| Error::validation(field, format!("无法读取“{name}”")))?;
    if meta.len() == 0 {
        return Err(Error::validation(field, format!("“{name}”是空文件")));
    }
    if meta.len() > MAX_BYTES {
        return Err(Error::validation(field, format!("“{name}”大于20MB，请压缩后再添加")));
    }
    Ok(Picked { path: source.to_owned(), name, ext, bytes: meta.len() })
}

/// Copies a checked file into `data_dir/dir/<uuid>.<ext>`; returns the stored name.
pub fn keep_copy(data_dir: &Path, dir: &str, picked: &Picked, field: &str) -> Result<String> {
    let target_dir = data_dir.join(dir);
    std::fs::create_dir_all(&target_dir)?;
    let stored = format!("{}.{}", uuid::Uuid::new_v4(), picked.ext);
    copy_atomic(&picked.path, &target_dir.join(&stored)).map_err(|e| {
        Error::validation(field, format!("无法复制“{}”：{}", picked.name, crate::error::io_message(&e)))
    })?;
    Ok(stored)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_write_replaces_the_file_whole_and_leaves_no_part_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("承诺卡 2026.pdf");
        std::fs::write(&target, b"old").unwrap();
        write_atomic(&target, b"new contents").unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"new contents");
        assert!(!part_path(&target).exists());
    }

    #[test]
    fn a_copy_is_whole_and_leaves_no_part_file() {
        let dir = tempfile::tempdir().unwrap();
        let source = dir.path().join("走访 照片.jpg");
        std::fs::write(&source, b"\xFF\xD8 photo").unwrap();
        let target = dir.path().join("证明材料").join("a.jpg");
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        copy_atomic(&source, &target).unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"\xFF\xD8 photo");
        assert!(!part_path(&target).exists());
        assert!(source.exists(), "the user's file stays");
    }

    #[test]
    fn a_failed_write_leaves_the_old_file_and_no_part_file() {
        let dir = tempfile::tempdir().unwrap();
        // The target is a folder: the rename fails after the part file was written.
        let target = dir.path().join("已存在的文件夹");
        std::fs::create_dir(&target).unwrap();
        std::fs::write(target.join("inside.txt"), b"kept").unwrap();
        write_atomic(&target, b"new").unwrap_err();
        assert!(!part_path(&target).exists(), "the part file is removed");
        assert_eq!(std::fs::read(target.join("inside.txt")).unwrap(), b"kept");
        // A missing folder: nothing is created.
        let missing = dir.path().join("已拔出的U盘").join("a.pdf");
        assert_eq!(write_atomic(&missing, b"new").unwrap_err().kind(), std::io::ErrorKind::NotFound);
        assert!(!missing.parent().unwrap().exists());
    }

    #[test]
    fn a_copy_is_whole_or_absent() {
        let dir = tempfile::tempdir().unwrap();
        let source = dir.path().join("照片.jpg");
        std::fs::write(&source, b"jpeg bytes").unwrap();
        let target = dir.path().join("copy.jpg");
        copy_atomic(&source, &target).unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"jpeg bytes");
        let gone = dir.path().join("不存在.jpg");
        assert_eq!(copy_atomic(&gone, &dir.path().join("other.jpg")).unwrap_err().kind(), std::io::ErrorKind::NotFound);
        assert!(!part_path(&dir.path().join("other.jpg")).exists());
    }

    #[test]
    fn picked_files_are_checked_for_kind_emptiness_and_size() {
        let dir = tempfile::tempdir().unwrap();
        let exe = dir.path().join("setup.EXE");
        std::fs::write(&exe, b"MZ").unwrap();
        let err = check(&exe, EVIDENCE, "evidence").unwrap_err();
        assert_eq!(err.field(), Some("evidence"));
        assert_eq!(
            err.to_string(),
            "“setup.EXE”不是图片、PDF或Office文档，不能添加（可用：png、jpg、jpeg、pdf、doc、docx、xls、xlsx）"
        );
        let empty = dir.path().join("空.pdf");
        std::fs::write(&empty, b"").unwrap();
        assert_eq!(check(&empty, SCANS, "scan").unwrap_err().to_string(), "“空.pdf”是空文件");
        let scan = dir.path().join("协议 扫描.PDF");
        std::fs::write(&scan, b"%PDF-1.4").unwrap();
        let picked = check(&scan, SCANS, "scan").unwrap();
        assert_eq!((picked.name.as_str(), picked.ext.as_str(), picked.bytes), ("协议 扫描.PDF", "pdf", 8));
    }
}
