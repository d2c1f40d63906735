//! Generates Tauri's context and the permissions of our own commands: the web view may call
//! only the commands listed here and granted in `capabilities/`.

const COMMANDS: &[&str] = &[
    "app_info",
    "catalog_get",
    "home_stats",
    "demo_load",
    "preference_get",
    "preference_set",
    "org_tree",
    "org_create",
    "org_rename",
    "org_move",
    "org_delete",
    "member_search",
    "member_get",
    "member_create",
    "member_update",
    "member_set_status",
    "member_delete",
    "member_photo_pick",
    "member_photo_clear",
    "member_photo_get",
    "identity_mark_bulk",
    "identity_summary",
    "identity_not_shown",
    "identity_member_marks",
    "identity_mark_remove",
    "post_list",
    "post_create",
    "post_update",
    "post_delete",
    "post_holders",
    "post_assign",
    "post_end",
    "post_stats",
    "post_member_history",
    "zone_list",
    "zone_create",
    "zone_items_add",
    "zone_items",
    "zone_cover",
    "zone_release",
    "zone_uncovered",
];

fn main() {
    let attributes = tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    if let Err(e) = tauri_build::try_build(attributes) {
        panic!("tauri-build failed: {e:#}");
    }
}
