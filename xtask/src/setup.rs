//! Installs what a fresh Debian/Ubuntu machine lacks: the system libraries Tauri builds
//! against, and for tests Xvfb, WebKitWebDriver and tauri-driver. Elsewhere it only checks.

use std::process::Command;

use crate::Result;

/// Needed to build and run the app.
const BUILD_PACKAGES: &[&str] = &[
    "build-essential",
    "pkg-config",
    "libwebkit2gtk-4.1-dev",
    "libssl-dev",
    "libxdo-dev",
    "libayatana-appindicator3-dev",
    "librsvg2-dev",
    "sqlite3",
    // Chinese text in the window on a Linux desktop that has no CJK font yet.
    "fonts-noto-cjk",
];
/// Needed by the tests: a virtual display, the WebDriver for WebKitGTK, PDF tools, and the
/// Windows cross-build (mingw-w64) with Wine to run its tests.
const TEST_PACKAGES: &[&str] = &[
    "xvfb",
    "xauth",
    "dbus-daemon",
    "webkit2gtk-driver",
    "poppler-utils",
    "faketime",
    "gcc-mingw-w64-x86-64",
    "wine",
    "wine64",
];

fn installed(package: &str) -> bool {
    Command::new("dpkg-query")
        .args(["-W", "-f=${Status}", package])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).contains("install ok installed"))
        .unwrap_or(false)
}

pub fn system_packages(for_tests: bool) -> Result {
    if !cfg!(target_os = "linux") || Command::new("dpkg-query").arg("--version").output().is_err() {
        return Ok(());
    }
    let mut wanted: Vec<&str> = BUILD_PACKAGES.to_vec();
    if for_tests {
        wanted.extend_from_slice(TEST_PACKAGES);
    }
    let missing: Vec<&str> = wanted.into_iter().filter(|p| !installed(p)).collect();
    if missing.is_empty() {
        return Ok(());
    }
    eprintln!("==> installing {}", missing.join(" "));
    let is_root = Command::new("id").arg("-u").output().map(|o| o.stdout.starts_with(b"0")).unwrap_or(false);
    let apt = |args: &[&str]| -> Result {
        let mut cmd = if is_root { Command::new("apt-get") } else { Command::new("sudo") };
        if !is_root {
            cmd.arg("apt-get");
        }
        let status = cmd.args(args).env("DEBIAN_FRONTEND", "noninteractive").status().map_err(|e| e.to_string())?;
        if status.success() {
            Ok(())
        } else {
            Err(format!("apt-get {} failed", args.join(" ")))
        }
    };
    apt(&["update", "-qq"])?;
    let mut args = vec!["install", "-y", "-qq", "--no-install-recommends"];
    args.extend(missing);
    apt(&args)
}

/// tauri-driver 2.x bridges WebDriver clients to WebKitWebDriver for Tauri windows.
pub fn tauri_driver() -> Result {
    if Command::new("tauri-driver").arg("--help").output().is_ok() {
        return Ok(());
    }
    let home_bin = std::env::var("CARGO_HOME")
        .map(std::path::PathBuf::from)
        .or_else(|_| std::env::var("HOME").map(|h| std::path::Path::new(&h).join(".cargo")))
        .map(|p| p.join("bin").join("tauri-driver"));
    if home_bin.as_ref().is_ok_and(|p| p.exists()) {
        return Ok(());
    }
    crate::run(&crate::root(), "cargo", &["install", "tauri-driver", "--version", "^2", "--locked"], &[])
}
