//! What ships, held in place: the installers' configuration and the workflow that builds them,
//! the window's content security policy and its capability.

use std::path::{Path, PathBuf};

use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn json(path: &str) -> Value {
    let text = std::fs::read_to_string(root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn strings(v: &Value) -> Vec<&str> {
    v.as_array().unwrap_or_else(|| panic!("not a list: {v}")).iter().map(|s| s.as_str().unwrap()).collect()
}

#[test]
fn the_installers_are_chinese_per_user_with_webview2_embedded_or_offline() {
    let conf = json("tauri.conf.json");
    let bundle = &conf["bundle"];
    assert_eq!(bundle["active"], true);
    assert_eq!(strings(&bundle["targets"]), ["nsis", "msi", "deb"]);
    let windows = &bundle["windows"];
    // Simplified Chinese screens, no language question, installed for the user without
    // administrator rights.
    assert_eq!(strings(&windows["nsis"]["languages"]), ["SimpChinese"]);
    assert_eq!(windows["nsis"]["displayLanguageSelector"], false);
    assert_eq!(windows["nsis"]["installMode"], "currentUser");
    assert_eq!(windows["wix"]["language"], "zh-CN");
    // The normal installer brings the WebView2 bootstrapper (a PC with internet fetches the
    // runtime); the offline one, for intranet PCs, carries the whole runtime installer.
    assert_eq!(windows["webviewInstallMode"]["type"], "embedBootstrapper");
    let offline = json("tauri.offline.conf.json");
    assert_eq!(offline["bundle"]["windows"]["webviewInstallMode"]["type"], "offlineInstaller");
    assert_eq!(strings(&offline["bundle"]["targets"]), ["nsis"]);

    // Every icon named is there and is what its name says.
    let mut icons: Vec<&str> = strings(&bundle["icon"]);
    icons.push(windows["nsis"]["installerIcon"].as_str().unwrap());
    for icon in icons {
        let bytes = std::fs::read(root().join(icon)).unwrap_or_else(|e| panic!("{icon}: {e}"));
        let magic: &[u8] = if icon.ends_with(".ico") { b"\0\0\x01\0" } else { b"\x89PNG\r\n\x1a\n" };
        assert!(bytes.starts_with(magic), "{icon} is not a {}", Path::new(icon).extension().unwrap().display());
    }

    // The release workflow builds both installers and the .msi on Windows, the offline one
    // from the override above, under its own name.
    let workflow = std::fs::read_to_string(root().join(".github/workflows/release.yml")).unwrap();
    for needed in [
        "runs-on: windows-latest",
        "tauri-apps/tauri-action@v0",
        "args: --bundles nsis,msi",
        "cargo tauri build --config tauri.offline.conf.json --bundles nsis",
        "-offline-setup.exe",
        "releaseDraft: true",
    ] {
        assert!(workflow.contains(needed), "release.yml lacks {needed:?}");
    }
}

/// No remote source, no `eval`, nothing framed; scripts only from the app itself. Inline styles
/// are allowed (Element Plus sets them), inline scripts are not.
#[test]
fn the_window_loads_nothing_remote_and_runs_only_its_own_scripts() {
    let conf = json("tauri.conf.json");
    let csp = conf["app"]["security"]["csp"].as_object().expect("a CSP as directives");
    let allowed =
        ["'self'", "'none'", "data:", "blob:", "asset:", "http://asset.localhost", "ipc:", "http://ipc.localhost"];
    for (directive, sources) in csp {
        for source in sources.as_str().unwrap().split_whitespace() {
            let inline_style = directive == "style-src" && source == "'unsafe-inline'";
            assert!(allowed.contains(&source) || inline_style, "{directive} allows {source}");
        }
    }
    for (directive, sources) in [
        ("default-src", "'self'"),
        ("script-src", "'self'"),
        ("object-src", "'none'"),
        ("frame-ancestors", "'none'"),
        ("base-uri", "'none'"),
    ] {
        assert_eq!(csp.get(directive).and_then(Value::as_str), Some(sources), "{directive}");
    }
    assert_eq!(conf["app"]["withGlobalTauri"], false, "no Tauri API on window for injected scripts");
}

/// The main window's capability is the app's own command sets and nothing else: no plugin's
/// file system, shell, dialog or SQL permissions reach the web view (dialogs are opened by the
/// app's commands, which choose the paths; a path never comes from the page).
#[test]
fn the_window_may_call_only_the_apps_own_commands() {
    let capability = json("capabilities/main.json");
    assert_eq!(strings(&capability["windows"]), ["main"]);
    let mut granted: Vec<&str> = strings(&capability["permissions"]);
    granted.sort_unstable();
    let sets = std::fs::read_to_string(root().join("permissions/areas.toml")).unwrap();
    let mut areas: Vec<&str> =
        sets.lines().filter_map(|l| l.strip_prefix("identifier = ")).map(|id| id.trim_matches('"')).collect();
    areas.sort_unstable();
    assert!(areas.len() >= 12, "{areas:?}");
    assert_eq!(granted, areas);
}
