//! The Windows build, proven on Linux: cross-builds the app and the `sanliang` command line for
//! x86_64-pc-windows-gnu with Debian's mingw-w64, and runs the core's integration tests on that
//! build under Wine (a fresh Wine prefix in `target/wine`, with a stand-in for the one system
//! DLL Wine 8 lacks). The app window itself needs the WebView2 runtime, which Wine has not.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{run, Result};

pub const TARGET: &str = "x86_64-pc-windows-gnu";
const MINGW_GCC: &str = "x86_64-w64-mingw32-gcc";

/// Where the Windows build's files go, beside the Linux build's.
pub fn target_dir(root: &Path) -> PathBuf {
    root.join("target").join(TARGET)
}

fn wine_dir(root: &Path) -> PathBuf {
    root.join("target").join("wine")
}

/// The Rust standard library for the Windows target, added once.
fn rust_target(root: &Path) -> Result {
    let out = Command::new("rustup").args(["target", "list", "--installed"]).output();
    match out {
        Ok(o) if String::from_utf8_lossy(&o.stdout).lines().any(|l| l.trim() == TARGET) => Ok(()),
        Ok(_) => run(root, "rustup", &["target", "add", TARGET], &[]),
        Err(e) => Err(format!("rustup is needed to add the {TARGET} target: {e}")),
    }
}

/// A Wine prefix of our own with `bcryptprimitives.dll` (tests/wine) in its system folder;
/// returns the environment to run Windows programs in it.
fn wine_prefix(root: &Path) -> Result<Vec<(String, String)>> {
    let dir = wine_dir(root);
    let prefix = dir.join("prefix");
    let env = vec![
        ("WINEPREFIX".to_owned(), prefix.display().to_string()),
        ("WINEDEBUG".to_owned(), "-all".to_owned()),
        // No Mono or Gecko: nothing here needs them, and their installers would ask.
        ("WINEDLLOVERRIDES".to_owned(), "mscoree=;mshtml=".to_owned()),
        // Console programs only: no window, no display needed.
        ("DISPLAY".to_owned(), String::new()),
    ];
    let borrowed: Vec<(&str, &str)> = env.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let system32 = prefix.join("drive_c").join("windows").join("system32");
    if !system32.join("kernel32.dll").exists() {
        std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
        run(root, "wineboot", &["--init"], &borrowed)?;
        // wineboot returns before the prefix is written; wineserver -w waits for it.
        run(root, "wineserver", &["-w"], &borrowed)?;
    }
    let source = root.join("tests").join("wine");
    let dll = system32.join("bcryptprimitives.dll");
    let (c, def) = (source.join("bcryptprimitives.c"), source.join("bcryptprimitives.def"));
    let args = ["-shared", "-O2", "-o", &dll.display().to_string(), &c.display().to_string()]
        .into_iter()
        .map(str::to_owned)
        .chain([def.display().to_string(), "-ladvapi32".to_owned()])
        .collect::<Vec<_>>();
    run(root, MINGW_GCC, &args.iter().map(String::as_str).collect::<Vec<_>>(), &[])?;
    Ok(env)
}

/// Cross-builds both programs and runs the core's integration tests under Wine.
pub fn test(root: &Path) -> Result {
    rust_target(root)?;
    let mut env = wine_prefix(root)?;
    env.push(("CARGO_TARGET_X86_64_PC_WINDOWS_GNU_RUNNER".into(), "wine".into()));
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let target = format!("--target={TARGET}");
    // The core's tests, without the desktop app (no Tauri): storage, paths, files, printing.
    run(root, "cargo", &["test", &target, "--no-default-features", "--lib", "--test", "tests"], &env)?;
    // Both programs as a Windows user gets them.
    run(root, "cargo", &["build", &target, "--bins"], &[])?;
    let debug = target_dir(root).join("debug");
    for exe in ["sanliang-siji.exe", "sanliang.exe"] {
        check_gui_or_console(&debug.join(exe))?;
    }
    let zip = crate::portable::build(&debug, &target_dir(root))?;
    crate::portable::check(root, &zip, &env)
}

/// The app is a Windows GUI program (no console window behind it); the command line is a
/// console program. Read from the PE header's subsystem field.
fn check_gui_or_console(exe: &Path) -> Result {
    let bytes = std::fs::read(exe).map_err(|e| format!("{}: {e}", exe.display()))?;
    let pe = bytes
        .get(0x3c..0x40)
        .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
        .filter(|&at| bytes.get(at..at + 4) == Some(b"PE\0\0"))
        .ok_or_else(|| format!("{} is not a Windows program", exe.display()))?;
    // The optional header follows the 20-byte file header; PE32+ has magic 0x20b and the
    // subsystem at offset 68 of it.
    let optional = pe + 24;
    let magic = u16::from_le_bytes([bytes[optional], bytes[optional + 1]]);
    let subsystem = u16::from_le_bytes([bytes[optional + 68], bytes[optional + 69]]);
    let name = exe.file_name().and_then(|n| n.to_str()).unwrap_or_default();
    let wanted = if name.starts_with("sanliang-siji") { 2 } else { 3 }; // 2 GUI, 3 console
    if magic != 0x20b || subsystem != wanted {
        return Err(format!("{name}: PE magic {magic:#x}, subsystem {subsystem} (wanted PE32+ and {wanted})"));
    }
    eprintln!(
        "==> {name}: PE32+, {} subsystem, {} KB",
        if wanted == 2 { "GUI" } else { "console" },
        bytes.len() / 1024
    );
    Ok(())
}
