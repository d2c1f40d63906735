//! The one error type of the core, and how it crosses IPC as `{ kind, message, field? }`.

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
    /// The user stopped a long job (a large print) before it finished.
    #[error("已取消")]
    Cancelled,
}

impl Error {
    pub fn validation(field: &str, message: impl Into<String>) -> Self {
        Error::Validation { field: Some(field.to_owned()), message: message.into() }
    }

    pub fn conflict(field: Option<&str>, message: impl Into<String>) -> Self {
        Error::Conflict { field: field.map(str::to_owned), message: message.into() }
    }

    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::Validation { .. } => ErrorKind::Validation,
            Error::NeedsConfirmation { .. } => ErrorKind::NeedsConfirmation,
            Error::NotFound(_) => ErrorKind::NotFound,
            Error::Conflict { .. } => ErrorKind::Conflict,
            Error::Storage(_) | Error::Migration(_) | Error::Unavailable(_) => ErrorKind::Storage,
            Error::Io(_) => ErrorKind::Io,
            Error::Cancelled => ErrorKind::Cancelled,
        }
    }

    pub fn field(&self) -> Option<&str> {
        match self {
            Error::Validation { field, .. } | Error::Conflict { field, .. } => field.as_deref(),
            _ => None,
        }
    }

    pub fn to_ipc(&self) -> IpcError {
        IpcError { kind: self.kind(), message: self.to_string(), field: self.field().map(str::to_owned) }
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
}

impl Serialize for Error {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        self.to_ipc().serialize(serializer)
    }
}
