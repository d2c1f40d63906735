use std::path::Path;

/// The committed file equals what the Rust side generates; `UPDATE_BINDINGS=1` rewrites it.
fn up_to_date(relative: &str, generated: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, generated).expect("write bindings");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "{relative} is stale: run `UPDATE_BINDINGS=1 cargo test --test tests bindings` and commit it"
    );
}

#[test]
fn typescript_bindings_are_up_to_date() {
    up_to_date("ui/src/bindings.ts", &sanliang::bindings::typescript());
}

#[test]
fn typescript_command_calls_are_up_to_date() {
    up_to_date("ui/src/api/commands.ts", sanliang::bindings::command_calls());
}

/// Every command the UI calls is one the app declares and grants: the capability lists each
/// area's permission set, and the sets name exactly the commands of `commands.ts`.
#[test]
fn the_window_is_granted_exactly_the_declared_commands() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let calls = sanliang::bindings::command_calls();
    let mut declared: Vec<String> = calls
        .lines()
        .filter_map(|l| l.trim().strip_prefix("invokeCmd<"))
        .filter_map(|l| l.split('\'').nth(1))
        .map(|name| format!("allow-{}", name.replace('_', "-")))
        .collect();
    declared.sort();
    let sets = std::fs::read_to_string(root.join("permissions/areas.toml")).unwrap();
    let mut granted: Vec<String> = sets
        .lines()
        .filter_map(|l| {
            l.trim().strip_prefix("\"allow-").map(|rest| format!("allow-{}", rest.trim_end_matches([',', '"'])))
        })
        .collect();
    granted.sort();
    assert_eq!(declared, granted);
    assert!(declared.len() > 100, "{} commands", declared.len());
    let capability = std::fs::read_to_string(root.join("capabilities/main.json")).unwrap();
    for area in sets.lines().filter_map(|l| l.strip_prefix("identifier = ")) {
        assert!(capability.contains(area), "the capability grants {area}");
    }
    assert!(!capability.contains("fs:") && !capability.contains("shell:") && !capability.contains("sql:"));
}
