//! 直接打印: a composed job is kept as a PDF in the data folder's `printing/` and handed to the
//! system's printing — CUPS's `lp` on Linux (default printer, the sheet's paper preset, no
//! scaling so sizes stay exact), the shell's 打印 verb on Windows (PowerShell starting the file
//! through .NET with that verb; the PDF program registered for it prints on the default printer,
//! the PDF's own page size carrying the paper) — and whatever goes wrong becomes a Chinese
//! sentence saying what to do.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use serde::Serialize;
use ts_rs::TS;

use super::Paper;
use crate::error::{Error, Result};

/// The folder under the data folder where PDFs wait for the printer.
pub const SPOOL_DIR: &str = "printing";
/// How long a PDF handed to the printer is kept (the Windows handler reads it after we return).
pub const KEEP: Duration = Duration::from_secs(24 * 60 * 60);

/// The system whose printing is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Platform {
    Linux,
    Windows,
}

impl Platform {
    pub const fn current() -> Platform {
        if cfg!(windows) {
            Platform::Windows
        } else {
            Platform::Linux
        }
    }
}

/// A program to run, with its arguments and environment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invocation {
    pub program: OsString,
    pub args: Vec<OsString>,
    pub env: Vec<(&'static str, OsString)>,
}

/// Where a job went, for the window's message.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PrintSent {
    /// The printer's name when the system told it (CUPS does; the Windows verb does not).
    pub printer: Option<String>,
    /// The paper the sheets need: A4 or A3.
    pub paper: Paper,
    pub sheets: usize,
    pub items: usize,
}

/// CUPS's name for a sheet size.
pub const fn media(paper: Paper) -> &'static str {
    match paper {
        Paper::A3 => "A3",
        Paper::A4 => "A4",
        Paper::A5 => "A5",
        Paper::A6 => "A6",
    }
}

/// The shell's print verb through .NET (no wildcard reading of the path, as Start-Process would):
/// what a missing handler says goes to standard error and the exit code is 1.
const WINDOWS_PRINT: &str = "try { $i = New-Object System.Diagnostics.ProcessStartInfo; \
    $i.FileName = $env:SANLIANG_PRINT_FILE; $i.Verb = 'print'; $i.UseShellExecute = $true; \
    $i.WindowStyle = 'Hidden'; [void][System.Diagnostics.Process]::Start($i) } \
    catch { [Console]::Error.WriteLine($_.Exception.Message); exit 1 }";

/// The program that prints `file` on `platform` on `paper`, titled `title` in the queue.
pub fn invocation(platform: Platform, file: &Path, paper: Paper, title: &str) -> Invocation {
    match platform {
        Platform::Linux => Invocation {
            program: "lp".into(),
            args: [
                "-t",
                title,
                "-o",
                &format!("media={}", media(paper)),
                // Sizes are exact (an 86×54 mm badge, crop marks): never fitted to the page.
                "-o",
                "print-scaling=none",
                "--",
            ]
            .iter()
            .map(OsString::from)
            .chain([file.as_os_str().to_owned()])
            .collect(),
            // CUPS's messages in English, so what went wrong can be told apart.
            env: vec![("LC_ALL", "C".into()), ("LANG", "C".into())],
        },
        Platform::Windows => Invocation {
            program: "powershell.exe".into(),
            args: ["-NoProfile", "-NonInteractive", "-Command", WINDOWS_PRINT].iter().map(OsString::from).collect(),
            // The path travels in the environment: no quoting of spaces or Chinese characters.
            env: vec![("SANLIANG_PRINT_FILE", file.as_os_str().to_owned())],
        },
    }
}

const SAVE_INSTEAD: &str = "也可以点“保存为PDF”，在PDF阅读器中打印";

/// The sentence for a printing program that could not be started at all.
pub fn not_started(platform: Platform, e: &std::io::Error) -> Error {
    let message = match (platform, e.kind()) {
        (Platform::Linux, std::io::ErrorKind::NotFound) => {
            format!("这台电脑没有安装打印服务（找不到 lp 命令）。请安装 CUPS 并添加打印机；{SAVE_INSTEAD}")
        }
        (Platform::Linux, _) => format!("无法启动打印服务（lp）：{e}。{SAVE_INSTEAD}"),
        (Platform::Windows, _) => format!("无法启动系统的打印功能（PowerShell）：{e}。{SAVE_INSTEAD}"),
    };
    Error::Io(std::io::Error::other(message))
}

/// The sentence for a printing program that ran and refused, from what it said.
pub fn refused(platform: Platform, said: &str) -> Error {
    let said = said.trim();
    let message = match platform {
        Platform::Linux if said.contains("No default destination") => {
            format!("没有设置默认打印机。请在系统设置的“打印机”中添加打印机并设为默认；{SAVE_INSTEAD}")
        }
        Platform::Linux if said.contains("does not exist") => {
            format!("默认打印机已不存在。请在系统设置的“打印机”中重新选择默认打印机；{SAVE_INSTEAD}")
        }
        Platform::Linux if said.contains("Unable to connect") || said.contains("scheduler is not running") => {
            format!("打印服务没有运行。请重新启动电脑或在系统设置中打开打印服务；{SAVE_INSTEAD}")
        }
        Platform::Linux if said.contains("not accepting") => {
            format!("打印机暂停接收任务。请在系统设置的“打印机”中恢复它；{SAVE_INSTEAD}")
        }
        Platform::Linux => format!("打印机没有接受这份文件：{said}。{SAVE_INSTEAD}"),
        Platform::Windows => format!(
            "这台电脑没有能打印PDF的程序。请安装PDF阅读器（例如WPS或Adobe Reader）并设为PDF文件的默认程序；{SAVE_INSTEAD}"
        ),
    };
    Error::Io(std::io::Error::other(message))
}

/// The printer CUPS named in "request id is HP_LaserJet-12 (1 file(s))".
pub fn printer_from_reply(reply: &str) -> Option<String> {
    let id = reply.split("request id is ").nth(1)?.split_whitespace().next()?;
    let (printer, job) = id.rsplit_once('-')?;
    (job.chars().all(|c| c.is_ascii_digit()) && !printer.is_empty()).then(|| printer.to_owned())
}

/// Runs `invocation`, with `program` in place of its program when given (tests use a stand-in
/// printer); returns the printer's name when the system said it.
pub fn send_with(platform: Platform, invocation: &Invocation, program: Option<&Path>) -> Result<Option<String>> {
    let mut command = std::process::Command::new(program.map_or(invocation.program.as_os_str(), Path::as_os_str));
    command.args(&invocation.args).envs(invocation.env.iter().map(|(k, v)| (k, v)));
    command.stdin(std::process::Stdio::null());
    #[cfg(windows)]
    {
        use std::os::windows::process::CommandExt;
        // No console window flashes up behind the app.
        const CREATE_NO_WINDOW: u32 = 0x0800_0000;
        command.creation_flags(CREATE_NO_WINDOW);
    }
    let out = command.output().map_err(|e| not_started(platform, &e))?;
    let said = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    if !out.status.success() {
        tracing::warn!(status = ?out.status.code(), said = %said.trim(), "direct print refused");
        return Err(refused(platform, &said));
    }
    Ok(printer_from_reply(&said))
}

/// A file name for `title` in the spool: what the queue shows, safe on every system.
pub fn spool_name(title: &str, stamp: &str) -> String {
    let clean: String =
        title.chars().map(|c| if c.is_control() || r#"\/:*?"<>|"#.contains(c) { '_' } else { c }).take(60).collect();
    let clean = clean.trim();
    format!("{}-{stamp}.pdf", if clean.is_empty() { "打印" } else { clean })
}

/// Makes the spool folder and removes what was handed to the printer more than [`KEEP`] ago.
pub fn spool_dir(data_dir: &Path, now: SystemTime) -> std::io::Result<PathBuf> {
    let dir = data_dir.join(SPOOL_DIR);
    std::fs::create_dir_all(&dir)?;
    for entry in std::fs::read_dir(&dir)?.flatten() {
        let old =
            entry.metadata().and_then(|m| m.modified()).is_ok_and(|t| now.duration_since(t).unwrap_or_default() > KEEP);
        if old {
            let _ = std::fs::remove_file(entry.path());
        }
    }
    Ok(dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linux_asks_lp_for_the_sheet_paper_without_scaling() {
        let inv = invocation(Platform::Linux, Path::new("/数据 目录/承诺卡.pdf"), Paper::A3, "承诺卡");
        assert_eq!(inv.program, OsString::from("lp"));
        let args: Vec<String> = inv.args.iter().map(|a| a.to_string_lossy().into_owned()).collect();
        assert_eq!(args, ["-t", "承诺卡", "-o", "media=A3", "-o", "print-scaling=none", "--", "/数据 目录/承诺卡.pdf"]);
        assert!(inv.env.contains(&("LC_ALL", "C".into())));
    }

    #[test]
    fn windows_uses_the_print_verb_with_the_path_in_the_environment() {
        let file = Path::new(r"C:\Users\张 三\AppData\Local\printing\承诺卡.pdf");
        let inv = invocation(Platform::Windows, file, Paper::A4, "承诺卡");
        assert_eq!(inv.program, OsString::from("powershell.exe"));
        let script = inv.args.last().map(|a| a.to_string_lossy().into_owned()).unwrap_or_default();
        assert!(script.contains("$i.FileName = $env:SANLIANG_PRINT_FILE; $i.Verb = 'print';"), "{script}");
        assert!(script.contains("exit 1"), "a refusal must end the program with an error: {script}");
        assert_eq!(inv.env, vec![("SANLIANG_PRINT_FILE", file.as_os_str().to_owned())]);
        // The path never enters the command text, so no quoting can break it.
        assert!(inv.args.iter().all(|a| !a.to_string_lossy().contains("张")));
    }

    #[test]
    fn cups_replies_are_told_apart() {
        let message = |p, said| refused(p, said).to_ipc().message;
        assert!(message(Platform::Linux, "lp: Error - No default destination.").starts_with("没有设置默认打印机。"));
        assert!(
            message(Platform::Linux, "lp: The printer or class does not exist.").starts_with("默认打印机已不存在。")
        );
        assert!(message(Platform::Linux, "lp: Unable to connect to server").starts_with("打印服务没有运行。"));
        assert!(message(Platform::Linux, "lp: Destination \"HP\" is not accepting jobs.")
            .starts_with("打印机暂停接收任务。"));
        assert_eq!(
            message(Platform::Linux, "lp: out of paper\n"),
            "打印机没有接受这份文件：lp: out of paper。也可以点“保存为PDF”，在PDF阅读器中打印"
        );
        assert!(message(Platform::Windows, "没有应用程序与此操作的指定文件有关联。")
            .starts_with("这台电脑没有能打印PDF的程序。"));
        let missing = std::io::Error::from(std::io::ErrorKind::NotFound);
        assert!(not_started(Platform::Linux, &missing)
            .to_ipc()
            .message
            .starts_with("这台电脑没有安装打印服务（找不到 lp 命令）"));
    }

    #[test]
    fn the_printer_is_read_from_the_cups_reply() {
        assert_eq!(printer_from_reply("request id is HP_LaserJet-12 (1 file(s))\n").as_deref(), Some("HP_LaserJet"));
        assert_eq!(printer_from_reply("request id is Office-2F-7 (1 file(s))").as_deref(), Some("Office-2F"));
        assert_eq!(printer_from_reply(""), None);
        assert_eq!(printer_from_reply("request id is broken"), None);
    }

    /// A stand-in `lp` that says `reply` on stdout and exits 0, or says it on stderr and exits 1.
    #[cfg(unix)]
    fn stand_in(dir: &Path, name: &str, reply: &str, ok: bool) -> std::io::Result<PathBuf> {
        use std::os::unix::fs::PermissionsExt;
        let path = dir.join(name);
        // It answers only when asked in the C locale, as the app asks.
        let body = if ok { format!("echo '{reply}'") } else { format!("echo '{reply}' >&2; exit 1") };
        std::fs::write(&path, format!("#!/bin/sh\n[ \"$LC_ALL\" = C ] || exit 9\n{body}\n"))?;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755))?;
        Ok(path)
    }

    #[cfg(unix)]
    #[test]
    fn what_lp_answers_becomes_the_printer_or_the_reason() -> std::io::Result<()> {
        use crate::error::ErrorKind;
        let dir = tempfile::tempdir()?;
        let inv = invocation(Platform::Linux, &dir.path().join("卡.pdf"), Paper::A4, "承诺卡");
        let accepting = stand_in(dir.path(), "lp-ok", "request id is HP-3 (1 file(s))", true)?;
        assert_eq!(send_with(Platform::Linux, &inv, Some(&accepting)).ok().flatten().as_deref(), Some("HP"));
        let refusing = stand_in(dir.path(), "lp-none", "lp: Error - No default destination.", false)?;
        let err = send_with(Platform::Linux, &inv, Some(&refusing)).err();
        let err = err.as_ref().map(|e| (e.kind(), e.to_ipc().message));
        assert_eq!(
            err,
            Some((
                ErrorKind::Io,
                "没有设置默认打印机。请在系统设置的“打印机”中添加打印机并设为默认；也可以点“保存为PDF”，在PDF阅读器中打印".into()
            ))
        );
        let err = send_with(Platform::Linux, &inv, Some(&dir.path().join("no-lp"))).err();
        let message = err.map(|e| e.to_ipc().message).unwrap_or_default();
        assert!(message.starts_with("这台电脑没有安装打印服务（找不到 lp 命令）"), "{message}");
        Ok(())
    }

    #[test]
    fn spool_names_are_safe_files() {
        assert_eq!(spool_name("承诺卡/2026:第一", "20261203-101500"), "承诺卡_2026_第一-20261203-101500.pdf");
        assert_eq!(spool_name("  ", "1"), "打印-1.pdf");
        assert_eq!(spool_name(&"长".repeat(80), "1").chars().count(), 60 + "-1.pdf".chars().count());
    }

    #[test]
    fn a_spooled_file_is_kept_a_day_then_removed() -> std::io::Result<()> {
        let data = tempfile::tempdir()?;
        let dir = spool_dir(data.path(), SystemTime::now())?;
        assert_eq!(dir, data.path().join(SPOOL_DIR));
        std::fs::write(dir.join("cards.pdf"), b"%PDF")?;
        spool_dir(data.path(), SystemTime::now() + Duration::from_secs(3600))?;
        assert!(dir.join("cards.pdf").exists(), "an hour later the printer may still be reading it");
        spool_dir(data.path(), SystemTime::now() + 2 * KEEP)?;
        assert!(!dir.join("cards.pdf").exists(), "two days later it is gone");
        Ok(())
    }
}
