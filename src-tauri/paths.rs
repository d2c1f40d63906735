//! What the app is told when it starts: each launch setting from its flag on the command line
//! (`--data-dir DIR` or `--data-dir=DIR`), else its environment variable. The data folder, what
//! "today" is (moved by tests), and the hooks unattended tests answer the file dialogs and pace a
//! print with — so a test driver that starts the app with arguments needs no environment.

use std::ffi::{OsStr, OsString};
use std::path::PathBuf;

use chrono::NaiveDate;

/// One launch setting; its flag and environment variable are named once, here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Setting {
    /// The data folder (else the app's local data folder).
    DataDir,
    /// Today's date, `YYYY-MM-DD` (else the system's).
    Today,
    /// The files an open dialog picks, a path list (`:`-separated on Linux, `;` on Windows).
    Pick,
    /// The file a save dialog saves to.
    SaveAs,
    /// A file that lists, one per line, the files the app would open in the system's program.
    OpenedLog,
    /// A print holds after this many sheets until it is cancelled, so a test sees its progress
    /// and cancels it at a known point.
    PrintHoldAfter,
}

impl Setting {
    pub const ALL: [Setting; 6] =
        [Setting::DataDir, Setting::Today, Setting::Pick, Setting::SaveAs, Setting::OpenedLog, Setting::PrintHoldAfter];

    pub const fn flag(self) -> &'static str {
        match self {
            Setting::DataDir => "--data-dir",
            Setting::Today => "--today",
            Setting::Pick => "--pick",
            Setting::SaveAs => "--save-as",
            Setting::OpenedLog => "--opened-log",
            Setting::PrintHoldAfter => "--print-hold-after",
        }
    }

    pub const fn env(self) -> &'static str {
        match self {
            Setting::DataDir => "SANLIANG_DATA_DIR",
            Setting::Today => "SANLIANG_TODAY",
            Setting::Pick => "SANLIANG_PICK",
            Setting::SaveAs => "SANLIANG_SAVE_AS",
            Setting::OpenedLog => "SANLIANG_OPENED_LOG",
            Setting::PrintHoldAfter => "SANLIANG_PRINT_HOLD_AFTER",
        }
    }

    /// The value among `args` (either spelling), else from the environment; empty is unset.
    pub fn read_from(self, args: impl IntoIterator<Item = OsString>) -> Option<OsString> {
        let flag = self.flag();
        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            if arg == OsStr::new(flag) {
                return args.next().filter(|v| !v.is_empty());
            }
            let value = arg.to_str().and_then(|a| a.strip_prefix(flag)).and_then(|rest| rest.strip_prefix('='));
            if let Some(value) = value.filter(|v| !v.is_empty()) {
                return Some(value.into());
            }
        }
        std::env::var_os(self.env()).filter(|v| !v.is_empty())
    }

    /// The value on this process's command line, else from the environment.
    pub fn read(self) -> Option<OsString> {
        self.read_from(std::env::args_os().skip(1))
    }
}

/// The data folder the app was told to use, if any.
pub fn data_dir_override() -> Option<PathBuf> {
    Setting::DataDir.read().map(PathBuf::from)
}

/// Today's local date, unless the `--today` setting says otherwise.
pub fn today() -> NaiveDate {
    Setting::Today
        .read()
        .and_then(|v| v.to_str().and_then(crate::common::validate::parse_ymd))
        .unwrap_or_else(|| chrono::Local::now().date_naive())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(v: &[&str]) -> Vec<OsString> {
        v.iter().map(OsString::from).collect()
    }

    #[test]
    fn a_setting_is_read_in_both_spellings_and_only_under_its_own_flag() {
        assert_eq!(Setting::DataDir.read_from(args(&["--data-dir", "/x 张三"])), Some("/x 张三".into()));
        assert_eq!(Setting::DataDir.read_from(args(&["--data-dir=/y"])), Some("/y".into()));
        assert_eq!(
            Setting::Today.read_from(args(&["--data-dir", "/x", "--today", "2027-01-02"])),
            Some("2027-01-02".into())
        );
        // `--save-asx` is not `--save-as`.
        assert_eq!(Setting::SaveAs.read_from(args(&["--save-asx=/a", "--save-as=/b"])), Some("/b".into()));
        assert_eq!(Setting::PrintHoldAfter.read_from(args(&["--print-hold-after", "5"])), Some("5".into()));
    }
}
