//! What the app is told when it starts: each launch setting from its flag on the command line
//! (`--data-dir DIR` or `--data-dir=DIR`), else its environment variable. The data folder, what
//! "today" is (moved by tests), and the hooks unattended tests answer the file dialogs and pace a
//! print with — so a test driver that starts the app with arguments needs no environment.

use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};

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
    /// The file a save dialog saves to; a folder: the name the dialog proposes, in that folder.
    SaveAs,
    /// A file that lists, one per line, the files the app would open in the system's program.
    OpenedLog,
    /// A print holds after this many sheets until it is cancelled, so a test sees its progress
    /// and cancels it at a known point.
    PrintHoldAfter,
    /// Where backups go until the user chooses a folder (else the Documents folder's).
    BackupDir,
    /// The command line's import holds inside its transaction after this many rows, so a test
    /// kills it halfway.
    ImportHoldAfter,
    /// A restore in the window finds the data still in use, as Windows can report for a while,
    /// so a test sees the restore left ready for the next start.
    RestoreInUse,
}

impl Setting {
    pub const ALL: [Setting; 9] = [
        Setting::DataDir,
        Setting::Today,
        Setting::Pick,
        Setting::SaveAs,
        Setting::OpenedLog,
        Setting::PrintHoldAfter,
        Setting::BackupDir,
        Setting::ImportHoldAfter,
        Setting::RestoreInUse,
    ];

    pub const fn flag(self) -> &'static str {
        match self {
            Setting::DataDir => "--data-dir",
            Setting::Today => "--today",
            Setting::Pick => "--pick",
            Setting::SaveAs => "--save-as",
            Setting::OpenedLog => "--opened-log",
            Setting::PrintHoldAfter => "--print-hold-after",
            Setting::BackupDir => "--backup-dir",
            Setting::ImportHoldAfter => "--import-hold-after",
            Setting::RestoreInUse => "--restore-in-use",
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
            Setting::BackupDir => "SANLIANG_BACKUP_DIR",
            Setting::ImportHoldAfter => "SANLIANG_IMPORT_HOLD_AFTER",
            Setting::RestoreInUse => "SANLIANG_RESTORE_IN_USE",
        }
    }

    /// A hook for unattended tests (answering file dialogs, logging what would be opened,
    /// holding a print): honoured by debug builds only, so no user's environment or shortcut can
    /// make a release build pick or write files on its own.
    pub const fn is_test_hook(self) -> bool {
        matches!(
            self,
            Setting::Pick
                | Setting::SaveAs
                | Setting::OpenedLog
                | Setting::PrintHoldAfter
                | Setting::ImportHoldAfter
                | Setting::RestoreInUse
        )
    }

    /// The value among `args` (either spelling), else from the environment; empty is unset. With
    /// `hooks` off (release builds), test hooks are never read and only the data folder is read
    /// from the environment: a flag is typed on purpose, a variable can leak in from anywhere.
    pub fn read_with(
        self,
        args: impl IntoIterator<Item = OsString>,
        env: impl Fn(&str) -> Option<OsString>,
        hooks: bool,
    ) -> Option<OsString> {
        if self.is_test_hook() && !hooks {
            return None;
        }
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
        if !hooks && self != Setting::DataDir {
            return None;
        }
        env(self.env()).filter(|v| !v.is_empty())
    }

    /// [`Setting::read_with`] this build's rule over `args` and the process environment.
    pub fn read_from(self, args: impl IntoIterator<Item = OsString>) -> Option<OsString> {
        self.read_with(args, |name| std::env::var_os(name), TEST_HOOKS)
    }

    /// The value on this process's command line, else from the environment.
    pub fn read(self) -> Option<OsString> {
        self.read_from(std::env::args_os().skip(1))
    }
}

/// Whether this build honours the test hooks: debug builds (tests, development) do, release
/// builds (what users install) do not.
pub const TEST_HOOKS: bool = cfg!(debug_assertions);

/// The marker file that makes a copy portable: with a file of this name beside the program,
/// the data folder is [`PORTABLE_DATA`] beside it too (a USB stick, a PC where nothing may be
/// installed).
pub const PORTABLE_MARKER: &str = "portable";
/// The data folder of a portable copy, beside the program.
pub const PORTABLE_DATA: &str = "数据";

/// Where the data lives: the `--data-dir` setting; else, for a portable copy, beside the
/// program; else the user's local application data folder (on Windows under
/// `%LOCALAPPDATA%`, which the uninstaller's "delete application data" removes — and nothing
/// outside it).
pub fn data_dir(setting: Option<PathBuf>, exe: Option<&Path>, local: impl FnOnce() -> PathBuf) -> PathBuf {
    if let Some(dir) = setting {
        return dir;
    }
    portable_data_dir(exe).unwrap_or_else(local)
}

/// The data folder beside `exe` when a [`PORTABLE_MARKER`] file is there.
pub fn portable_data_dir(exe: Option<&Path>) -> Option<PathBuf> {
    let beside = exe.and_then(Path::parent).filter(|dir| dir.join(PORTABLE_MARKER).is_file())?;
    Some(beside.join(PORTABLE_DATA))
}

/// The data folder the app was told to use, if any.
pub fn data_dir_override() -> Option<PathBuf> {
    Setting::DataDir.read().map(PathBuf::from)
}

/// The folder automatic backups go to by default.
pub const BACKUP_FOLDER: &str = "三亮四进备份";

/// Where backups go unless the user chose a folder: the `--backup-dir` setting; else, for a
/// portable copy, a folder beside the program; else the user's Documents folder's
/// `三亮四进备份` — never inside the data folder, which an uninstaller may delete.
pub fn backup_dir(
    setting: Option<PathBuf>,
    exe: Option<&Path>,
    documents: Option<PathBuf>,
    data_dir: &Path,
) -> PathBuf {
    let name = BACKUP_FOLDER;
    if let Some(dir) = setting {
        return dir;
    }
    if let Some(beside) = portable_data_dir(exe).as_deref().and_then(Path::parent) {
        return beside.join(name);
    }
    match documents {
        Some(documents) => documents.join(name),
        None => data_dir.parent().unwrap_or(data_dir).join(name),
    }
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

    /// What a release build reads: no test hook by flag or variable, no date from a variable;
    /// the data folder and a typed `--today` still count.
    #[test]
    fn a_release_build_ignores_the_test_hooks() {
        let env = |name: &str| Some(OsString::from(format!("{name}-value")));
        let given = |s: Setting| args(&[s.flag(), "given"]);
        for s in Setting::ALL {
            let release = s.read_with(given(s), env, false);
            let debug = s.read_with(given(s), env, true);
            assert_eq!(debug, Some("given".into()), "{s:?}");
            assert_eq!(release, if s.is_test_hook() { None } else { Some("given".into()) }, "{s:?}");
            let from_env = s.read_with(Vec::new(), env, false);
            let wanted = (s == Setting::DataDir).then(|| OsString::from("SANLIANG_DATA_DIR-value"));
            assert_eq!(from_env, wanted, "{s:?} from the environment");
        }
        let hooks: Vec<_> = Setting::ALL.into_iter().filter(|s| s.is_test_hook()).map(Setting::env).collect();
        assert_eq!(
            hooks,
            [
                "SANLIANG_PICK",
                "SANLIANG_SAVE_AS",
                "SANLIANG_OPENED_LOG",
                "SANLIANG_PRINT_HOLD_AFTER",
                "SANLIANG_IMPORT_HOLD_AFTER",
                "SANLIANG_RESTORE_IN_USE"
            ]
        );
        assert_eq!(TEST_HOOKS, cfg!(debug_assertions));
    }

    #[test]
    fn the_data_folder_is_the_setting_else_beside_a_portable_program_else_the_users() {
        let root = tempfile::tempdir().unwrap();
        let program = root.path().join("三亮四进 便携版");
        std::fs::create_dir_all(&program).unwrap();
        let exe = program.join("sanliang-siji.exe");
        let local = || PathBuf::from("LocalAppData/cn.sanliangsijin.workbench");
        assert_eq!(data_dir(None, Some(&exe), local), local());
        std::fs::write(program.join(PORTABLE_MARKER), b"").unwrap();
        assert_eq!(data_dir(None, Some(&exe), local), program.join("数据"));
        assert_eq!(data_dir(Some("D:/党建数据".into()), Some(&exe), local), PathBuf::from("D:/党建数据"));
        // A folder named like the marker is not the marker.
        std::fs::remove_file(program.join(PORTABLE_MARKER)).unwrap();
        std::fs::create_dir(program.join(PORTABLE_MARKER)).unwrap();
        assert_eq!(data_dir(None, Some(&exe), local), local());
    }

    #[test]
    fn backups_go_to_the_setting_else_beside_a_portable_program_else_to_documents() {
        let root = tempfile::tempdir().unwrap();
        let program = root.path().join("三亮四进 便携版");
        std::fs::create_dir_all(&program).unwrap();
        let exe = program.join("sanliang-siji.exe");
        let data = root.path().join("AppData").join("cn.sanliangsijin.workbench");
        let documents = || Some(root.path().join("我的文档"));
        assert_eq!(backup_dir(None, Some(&exe), documents(), &data), root.path().join("我的文档").join("三亮四进备份"));
        assert_eq!(backup_dir(None, Some(&exe), None, &data), root.path().join("AppData").join("三亮四进备份"));
        std::fs::write(program.join(PORTABLE_MARKER), b"").unwrap();
        assert_eq!(backup_dir(None, Some(&exe), documents(), &data), program.join("三亮四进备份"));
        assert_eq!(backup_dir(Some("E:/备份".into()), Some(&exe), documents(), &data), PathBuf::from("E:/备份"));
    }
}
