//! The app's log: one file a day in the data folder's `logs`, the last [`KEEP_DAYS`] kept, every
//! line passed through [`redact`] so no ID number or phone reaches the disk. The core writes
//! events with `tracing`; only the desktop app installs this writer (tests and the command line
//! log nowhere).

use std::borrow::Cow;
use std::io::Write;
use std::path::{Path, PathBuf};

use tracing_subscriber::fmt::MakeWriter;

/// The folder of the log files inside a data folder.
pub const LOG_DIR: &str = "logs";
/// How many daily files are kept; older ones are deleted when a new day's file starts.
pub const KEEP_DAYS: usize = 14;
const PREFIX: &str = "sanliang";
const SUFFIX: &str = "log";

/// The log folder of a data folder.
pub fn log_dir(data_dir: &Path) -> PathBuf {
    data_dir.join(LOG_DIR)
}

/// The log files of a data folder, oldest first.
pub fn files(data_dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(log_dir(data_dir))
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
            name.starts_with(PREFIX) && name.ends_with(SUFFIX) && p.is_file()
        })
        .collect();
    files.sort();
    files
}

/// The writer of the log in `data_dir`: daily files, pruned to [`KEEP_DAYS`], lines redacted.
pub fn writer(data_dir: &Path) -> std::io::Result<Redacting> {
    let dir = log_dir(data_dir);
    std::fs::create_dir_all(&dir)?;
    let appender = tracing_appender::rolling::Builder::new()
        .rotation(tracing_appender::rolling::Rotation::DAILY)
        .filename_prefix(PREFIX)
        .filename_suffix(SUFFIX)
        .max_log_files(KEEP_DAYS)
        .build(&dir)
        .map_err(std::io::Error::other)?;
    Ok(Redacting(appender))
}

/// The subscriber that writes `writer`'s lines: local time, level, where, message and fields.
pub fn subscriber(writer: Redacting) -> impl tracing::Subscriber + Send + Sync {
    tracing_subscriber::fmt()
        .with_writer(writer)
        .with_ansi(false)
        .with_timer(tracing_subscriber::fmt::time::ChronoLocal::new("%Y-%m-%d %H:%M:%S%.3f".into()))
        .with_target(true)
        .with_max_level(tracing::Level::INFO)
        .finish()
}

/// Starts the app's log in `data_dir`; `false` (and a line on stderr) when it cannot, and the
/// app runs on without it.
pub fn start(data_dir: &Path) -> bool {
    match writer(data_dir).map(subscriber) {
        Ok(subscriber) => tracing::subscriber::set_global_default(subscriber).is_ok(),
        Err(e) => {
            eprintln!("无法写日志（{}）：{e}", log_dir(data_dir).display());
            false
        }
    }
}

/// A log writer that masks personal numbers in each line it writes.
pub struct Redacting(tracing_appender::rolling::RollingFileAppender);

/// One line's writer: the formatter hands it a whole event in one `write`.
pub struct RedactingLine<W: Write>(W);

impl<'a> MakeWriter<'a> for Redacting {
    type Writer = RedactingLine<tracing_appender::rolling::RollingWriter<'a>>;

    fn make_writer(&'a self) -> Self::Writer {
        RedactingLine(self.0.make_writer())
    }
}

impl<W: Write> Write for RedactingLine<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let text = String::from_utf8_lossy(buf);
        self.0.write_all(redact(&text).as_bytes())?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}

/// Masks what could be an ID number, a mobile phone or any other long personal number: every run
/// of 11 or more digits (half- or full-width, an ID's final X with it) keeps its first 3 and last
/// 2 characters and stars the rest. Dates, times, counts and row numbers are shorter and stay,
/// as do 14-digit moments from 20xx (the schema version).
pub fn redact(text: &str) -> Cow<'_, str> {
    let is_digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut changed = false;
    let mut i = 0;
    while i < chars.len() {
        if !is_digit(chars[i]) {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && is_digit(chars[i]) {
            i += 1;
        }
        if i < chars.len() && matches!(chars[i], 'X' | 'x' | 'Ｘ' | 'ｘ') && i - start == 17 {
            i += 1;
        }
        let run = &chars[start..i];
        // YYYYMMDDhhmmss (a migration's version) is a moment, not a person's number.
        let moment = run.len() == 14 && run[..2] == ['2', '0'];
        if run.len() >= 11 && !moment {
            changed = true;
            out.extend(&run[..3]);
            out.extend(std::iter::repeat_n('*', run.len() - 5));
            out.extend(&run[run.len() - 2..]);
        } else {
            out.extend(run);
        }
    }
    if changed {
        Cow::Owned(out)
    } else {
        Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_numbers_and_phones_are_masked_and_short_numbers_kept() {
        assert_eq!(redact("身份证号 53042119800307123X 不对"), "身份证号 530*************3X 不对");
        assert_eq!(redact("id=530421198003071234,"), "id=530*************34,");
        assert_eq!(redact("电话13812345678"), "电话138******78");
        assert_eq!(redact("１３８１２３４５６７８"), "１３８******７８");
        assert_eq!(redact("旧证530421800307123"), "旧证530**********23");
        assert_eq!(redact("卡号53042119800307"), "卡号530*********07", "14 digits not from 20xx");
        let kept = "2026-12-02 21:30:00.123 第 1234567890 行 0877-8012345 member_id=42 after=20261202000013";
        assert!(matches!(redact(kept), Cow::Borrowed(_)), "{kept}");
    }

    #[test]
    fn the_log_keeps_its_lines_redacted_and_only_the_last_days() {
        let dir = tempfile::tempdir().unwrap();
        let logs = log_dir(dir.path());
        std::fs::create_dir_all(&logs).unwrap();
        for day in 1..=20 {
            std::fs::write(logs.join(format!("{PREFIX}.2026-10-{day:02}.{SUFFIX}")), "old\n").unwrap();
        }
        std::fs::write(logs.join("notes.txt"), "not a log").unwrap();
        let subscriber = subscriber(writer(dir.path()).unwrap());
        tracing::subscriber::with_default(subscriber, || {
            tracing::warn!(command = "member_create", "身份证号 530421198003071234 已登记");
        });
        let files = files(dir.path());
        assert_eq!(files.len(), KEEP_DAYS, "{files:?}");
        assert!(logs.join("notes.txt").exists(), "only log files are pruned");
        let today = std::fs::read_to_string(files.last().unwrap()).unwrap();
        assert!(today.contains(" WARN ") && today.contains("command=\"member_create\""), "{today}");
        assert!(today.contains("身份证号 530*************34 已登记"), "{today}");
        assert!(!today.contains("198003071234"), "{today}");
    }
}
