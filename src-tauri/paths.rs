//! Where the data lives: `--data-dir DIR`, else `SANLIANG_DATA_DIR`, else the app's local
//! data folder; and what "today" is (`SANLIANG_TODAY` moves the clock for tests).

use std::path::PathBuf;

use chrono::NaiveDate;

pub const DATA_DIR_ENV: &str = "SANLIANG_DATA_DIR";
pub const TODAY_ENV: &str = "SANLIANG_TODAY";

/// `--data-dir DIR` or `--data-dir=DIR` among the process arguments, else the environment.
pub fn data_dir_override(args: impl IntoIterator<Item = String>) -> Option<PathBuf> {
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        if arg == "--data-dir" {
            return args.next().map(PathBuf::from);
        }
        if let Some(dir) = arg.strip_prefix("--data-dir=") {
            return Some(PathBuf::from(dir));
        }
    }
    std::env::var_os(DATA_DIR_ENV).filter(|v| !v.is_empty()).map(PathBuf::from)
}

/// Today's local date, unless `SANLIANG_TODAY=YYYY-MM-DD` says otherwise.
pub fn today() -> NaiveDate {
    std::env::var(TODAY_ENV)
        .ok()
        .and_then(|v| crate::common::validate::parse_ymd(&v))
        .unwrap_or_else(|| chrono::Local::now().date_naive())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_dir_flag_in_both_spellings() {
        let a = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert_eq!(data_dir_override(a(&["app", "--data-dir", "/x"])), Some(PathBuf::from("/x")));
        assert_eq!(data_dir_override(a(&["app", "--data-dir=/y"])), Some(PathBuf::from("/y")));
    }
}
