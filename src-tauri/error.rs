//! The one error type of the core, and how it crosses IPC as `{ kind, message, field?, detail? }`:
//! the message is always Chinese a secretary can act on; the technical text (SQLite's or the
//! operating system's words) travels separately as `detail`, shown behind 详情 for support.

use std::path::Path;

use serde::Serialize;
use ts_rs::TS;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// User input that breaks a rule; `field` names the form field (camelCase) it concerns.
    #[error("{message}")]
    Validation { field: Option<String>, message: String },
    /// The action would be valid but needs the user's confirmation first
    /// (e.g. another member has the same name and birth date).
    #[error("{message}")]
    NeedsConfirmation { message: String },
    /// A record that the action needs does not exist (or was deleted).
    #[error("{0}")]
    NotFound(String),
    /// The action conflicts with existing data (a duplicate, or children that block a delete).
    #[error("{message}")]
    Conflict { field: Option<String>, message: String },
    #[error("数据库错误：{0}")]
    Storage(#[from] sqlx::Error),
    /// The database could not be opened at start; the message says why, in Chinese.
    #[error("{0}")]
    Unavailable(String),
    #[error("数据库升级失败：{0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
    #[error("文件读写错误：{0}")]
    Io(#[from] std::io::Error),
    /// Writing or reading a file the user chose (e.g. saving a PDF) failed.
    #[error("文件“{}”读写错误：{source}", path.display())]
    File { path: std::path::PathBuf, source: std::io::Error },
    /// The user stopped a long job (a large print) before it finished.
    #[error("已取消")]
    Cancelled,
    /// A command panicked (a defect): caught, so the window hears of it; `detail` is the panic's text.
    #[error("{command}: {detail}")]
    Internal { command: &'static str, detail: String },
}

impl Error {
    pub fn validation(field: &str, message: impl Into<String>) -> Self {
        Error::Validation { field: Some(field.to_owned()), message: message.into() }
    }

    pub fn conflict(field: Option<&str>, message: impl Into<String>) -> Self {
        Error::Conflict { field: field.map(str::to_owned), message: message.into() }
    }

    /// A failure on a file the user chose, reported with its name.
    pub fn file(path: &Path, source: std::io::Error) -> Self {
        Error::File { path: path.to_owned(), source }
    }

    /// Whether a write touched a record imported from an exchange file (read-only here).
    pub fn is_imported_write(&self) -> bool {
        matches!(self, Error::Storage(sqlx::Error::Database(d)) if d.message().contains(crate::data::exchange::guard::READ_ONLY))
    }

    pub fn kind(&self) -> ErrorKind {
        if self.is_imported_write() {
            return ErrorKind::Conflict;
        }
        match self {
            Error::Validation { .. } => ErrorKind::Validation,
            Error::NeedsConfirmation { .. } => ErrorKind::NeedsConfirmation,
            Error::NotFound(_) => ErrorKind::NotFound,
            Error::Conflict { .. } => ErrorKind::Conflict,
            Error::Storage(_) | Error::Migration(_) | Error::Unavailable(_) => ErrorKind::Storage,
            Error::Io(_) | Error::File { .. } => ErrorKind::Io,
            Error::Cancelled => ErrorKind::Cancelled,
            Error::Internal { .. } => ErrorKind::Internal,
        }
    }

    pub fn field(&self) -> Option<&str> {
        match self {
            Error::Validation { field, .. } | Error::Conflict { field, .. } => field.as_deref(),
            _ => None,
        }
    }

    /// Whether SQLite gave up waiting for another writer (the window and the command line writing
    /// at once, past the busy timeout): SQLITE_BUSY and its extended codes, SQLITE_LOCKED.
    pub fn is_busy(&self) -> bool {
        match self {
            Error::Storage(sqlx::Error::Database(d)) => {
                d.code().and_then(|c| c.parse::<i32>().ok()).is_some_and(|c| c & 0xff == 5 || c & 0xff == 6)
            }
            _ => false,
        }
    }

    /// The Chinese message for the window; the technical text goes to `detail`.
    pub fn to_ipc(&self) -> IpcError {
        let (message, detail) = match self {
            Error::Storage(_) if self.is_imported_write() => (IMPORTED_READ_ONLY.to_owned(), None),
            Error::Storage(_) if self.is_busy() => (BUSY.to_owned(), Some(self.to_string())),
            Error::Storage(_) | Error::Migration(_) => (STORAGE_FAILED.to_owned(), Some(self.to_string())),
            Error::Internal { .. } => (INTERNAL_FAILED.to_owned(), Some(self.to_string())),
            Error::Io(e) => (io_message(e), Some(e.to_string())),
            Error::File { path, source } => {
                let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                (format!("无法读写文件“{name}”：{}", io_message(source)), Some(self.to_string()))
            }
            _ => (self.to_string(), None),
        };
        IpcError { kind: self.kind(), message, field: self.field().map(str::to_owned), detail }
    }
}

/// A write to a record imported from an exchange file.
pub const IMPORTED_READ_ONLY: &str =
    "这是从交换文件导入的数据，在这里只能查看；请在该社区的工作台中修改后重新导出交换文件";

const INTERNAL_FAILED: &str = "程序内部出错，刚才的操作没有完成。请重试；如果反复出现，请点“详情”把内容发给技术支持";

/// Another program kept the database busy for longer than the busy timeout.
pub const BUSY: &str = "数据正被另一个程序写入（例如同时运行的命令行导入或恢复），等了一会儿仍未写完。刚才的操作没有完成，也没有改动任何数据；请稍后重试";

const STORAGE_FAILED: &str = "数据库读写出错，刚才的操作没有完成。请重试；如果反复出现，请点“详情”把内容发给技术支持";

/// What a file failure means for the user, in Chinese. Windows reports a file held open by
/// another program (a PDF reader, WPS) as sharing or lock violations (os errors 32 and 33).
pub(crate) fn io_message(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    let text = e.to_string();
    match (e.raw_os_error(), e.kind()) {
        (Some(32 | 33), _) if cfg!(windows) => "文件正被其他程序打开（例如 PDF 阅读器或 WPS），请关闭它后重试".into(),
        (_, K::PermissionDenied) => {
            "没有权限写入：文件可能是只读的，或正被其他程序打开；请关闭它或换一个位置后重试".into()
        }
        (_, K::NotFound) => "找不到这个文件或文件夹，它可能已被移动或删除".into(),
        (_, K::StorageFull) => "磁盘空间不足，请清理后重试".into(),
        (_, K::ReadOnlyFilesystem) => "这个位置是只读的（例如光盘或写保护的U盘），请换一个位置".into(),
        (_, K::IsADirectory) => "这是一个文件夹，请选择或填写一个文件名".into(),
        // Messages the core wrote itself in Chinese pass through as they are.
        _ if text.chars().next().is_some_and(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) => text,
        _ => "文件读写出错，刚才的操作没有完成。请重试；如果反复出现，请点“详情”把内容发给技术支持".into(),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    Validation,
    NeedsConfirmation,
    NotFound,
    Conflict,
    Storage,
    Io,
    Cancelled,
    Internal,
}

/// What the web view receives when a command fails.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IpcError {
    pub kind: ErrorKind,
    pub message: String,
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// The technical text behind the message (SQLite's or the system's), for 详情.
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

impl Serialize for Error {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        self.to_ipc().serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use std::io;

    use super::*;

    #[test]
    fn technical_text_goes_to_detail_and_the_message_says_what_to_do() {
        let storage = Error::Storage(sqlx::Error::PoolTimedOut).to_ipc();
        assert!(storage.message.starts_with("数据库读写出错"), "{}", storage.message);
        assert!(storage.detail.unwrap().contains("pool timed out"));

        let denied =
            Error::file(Path::new("/tmp/承诺卡.pdf"), io::Error::from(io::ErrorKind::PermissionDenied)).to_ipc();
        assert_eq!(denied.kind, ErrorKind::Io);
        assert!(denied.message.starts_with("无法读写文件“承诺卡.pdf”：没有权限写入"), "{}", denied.message);
        assert!(denied.detail.unwrap().contains("/tmp/承诺卡.pdf"));

        let missing = Error::Io(io::Error::from(io::ErrorKind::NotFound)).to_ipc();
        assert!(missing.message.starts_with("找不到这个文件"), "{}", missing.message);
        let ours = Error::Io(io::Error::other("无法用系统程序打开PDF：no handler")).to_ipc();
        assert_eq!(ours.message, "无法用系统程序打开PDF：no handler");
        let theirs = Error::Io(io::Error::other("task panicked")).to_ipc();
        assert!(theirs.message.starts_with("文件读写出错"), "{}", theirs.message);
        assert_eq!(theirs.detail.as_deref(), Some("task panicked"));

        // Rule messages carry no detail.
        let rule = Error::validation("name", "请填写姓名").to_ipc();
        assert_eq!((rule.message.as_str(), rule.detail), ("请填写姓名", None));
    }

    /// Windows' sharing and lock violations (another program has the file open) — run on the
    /// Windows build under Wine by the test command.
    #[cfg(windows)]
    #[test]
    fn a_file_held_by_another_program_says_so_on_windows() {
        for code in [32, 33] {
            let held =
                Error::file(Path::new(r"C:\Users\张 三\承诺卡.pdf"), io::Error::from_raw_os_error(code)).to_ipc();
            assert_eq!(
                held.message, "无法读写文件“承诺卡.pdf”：文件正被其他程序打开（例如 PDF 阅读器或 WPS），请关闭它后重试",
                "os error {code}"
            );
        }
    }
}
