//! The Linux package (`cargo xtask deb`, part of `test`): the Tauri bundler packs the tested
//! programs into a .deb, its control data and files are checked, apt installs it into this machine,
//! the end-to-end `installed` flow opens the installed program to its first screen under Xvfb, and
//! apt removes it again.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{node, run, Result};

pub const PACKAGE: &str = "sanliang-siji";
const INSTALLED_APP: &str = "/usr/bin/sanliang-siji";

/// What `dpkg-deb` prints for `args`.
fn dpkg_deb(args: &[&str]) -> Result<String> {
    let out = Command::new("dpkg-deb").args(args).output().map_err(|e| format!("cannot run dpkg-deb: {e}"))?;
    if !out.status.success() {
        return Err(format!("dpkg-deb {}: {}", args.join(" "), String::from_utf8_lossy(&out.stderr)));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Builds the .deb from the programs the end-to-end tests ran and returns its path. They are
/// built as the tests build them (`cargo test --no-run`: with the dev-dependencies in the feature
/// resolution, a plain `cargo build` — or `tauri build` — would compile a hundred crates again
/// with other features, for the same program).
fn build(root: &Path) -> Result<PathBuf> {
    run(root, "cargo", &["test", "--no-run", "--test", "e2e"], &[])?;
    let node = node::env(root)?;
    let env: Vec<(&str, &str)> = node.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let cli = root.join("ui/node_modules/.bin/tauri").display().to_string();
    run(root, &cli, &["bundle", "--debug", "--bundles", "deb", "--ci"], &env)?;
    let version = env!("CARGO_PKG_VERSION");
    let deb = root.join(format!("target/debug/bundle/deb/{PACKAGE}_{version}_amd64.deb"));
    if !deb.exists() {
        return Err(format!("the bundler made no {}", deb.display()));
    }
    Ok(deb)
}

/// The package's name, dependencies, programs, menu entry and icons.
fn check(deb: &Path) -> Result {
    let deb_s = deb.display().to_string();
    let field = |name: &str| dpkg_deb(&["-f", &deb_s, name]).map(|v| v.trim().to_owned());
    let expect = |what: &str, ok: bool, seen: &str| if ok { Ok(()) } else { Err(format!("the .deb's {what}: {seen}")) };
    let name = field("Package")?;
    expect("package name", name == PACKAGE, &name)?;
    let depends = field("Depends")?;
    expect("dependencies", depends.contains("libwebkit2gtk-4.1-0") && depends.contains("libgtk-3-0"), &depends)?;
    let files = dpkg_deb(&["-c", &deb_s])?;
    for path in [
        "usr/bin/sanliang-siji",
        "usr/bin/sanliang",
        "usr/share/applications/sanliang-siji.desktop",
        "usr/share/icons/hicolor/128x128/apps/sanliang-siji.png",
    ] {
        let listed = |l: &str| l.ends_with(&format!(" {path}")) || l.ends_with(&format!(" ./{path}"));
        expect("files", files.lines().any(listed), path)?;
    }
    let unpacked = std::env::temp_dir().join(format!("sanliang-deb-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&unpacked);
    dpkg_deb(&["-x", &deb_s, &unpacked.display().to_string()])?;
    let desktop = std::fs::read_to_string(unpacked.join("usr/share/applications/sanliang-siji.desktop"));
    let _ = std::fs::remove_dir_all(&unpacked);
    let desktop = desktop.map_err(|e| format!("the menu entry: {e}"))?;
    for line in ["Name=三亮四进工作台", "Exec=sanliang-siji", "Icon=sanliang-siji", "Categories=Office;"] {
        expect("menu entry", desktop.lines().any(|l| l == line), &format!("no {line} in\n{desktop}"))?;
    }
    Ok(())
}

pub fn test(root: &Path) -> Result {
    let deb = build(root)?;
    check(&deb)?;
    let size = std::fs::metadata(&deb).map(|m| m.len()).unwrap_or_default();
    eprintln!("==> {} ({:.1} MB) checked", deb.display(), size as f64 / 1e6);
    let deb_s = deb.display().to_string();
    run(
        root,
        "apt-get",
        &["install", "-y", "--no-install-recommends", &deb_s],
        &[("DEBIAN_FRONTEND", "noninteractive")],
    )?;
    let flow =
        run(root, "cargo", &["test", "--test", "e2e", "installed"], &[("SANLIANG_E2E_INSTALLED_APP", INSTALLED_APP)]);
    let removed = run(root, "apt-get", &["remove", "-y", PACKAGE], &[("DEBIAN_FRONTEND", "noninteractive")]);
    flow?;
    removed?;
    if Path::new(INSTALLED_APP).exists() {
        return Err(format!("{INSTALLED_APP} is still there after removing the package"));
    }
    Ok(())
}
