//! Thin Tauri commands, one file per domain: each checks the input's shape and calls the core.

pub mod app;
pub mod deputies;
pub mod dialogs;
pub mod identity;
pub mod leaders;
pub mod members;
pub mod orgs;
pub mod pairings;
pub mod pledges;
pub mod posts;
pub mod print;
pub mod volunteering;
pub mod zones;

use crate::error::Result;
use crate::state::AppState;

/// The list handed to `invoke_handler`; `build.rs` lists the same names for permissions.
#[macro_export]
macro_rules! command_handlers {
    () => {
        tauri::generate_handler![
            $crate::commands::app::app_info,
            $crate::commands::app::catalog_get,
            $crate::commands::app::home_stats,
            $crate::commands::app::demo_load,
            $crate::commands::app::preference_get,
            $crate::commands::app::preference_set,
            $crate::commands::app::reminders,
            $crate::commands::app::home_practice,
            $crate::commands::app::home_changes,
            $crate::commands::orgs::org_tree,
            $crate::commands::orgs::org_create,
            $crate::commands::orgs::org_rename,
            $crate::commands::orgs::org_move,
            $crate::commands::orgs::org_delete,
            $crate::commands::members::member_search,
            $crate::commands::members::member_get,
            $crate::commands::members::member_create,
            $crate::commands::members::member_update,
            $crate::commands::members::member_set_status,
            $crate::commands::members::member_delete,
            $crate::commands::members::member_photo_pick,
            $crate::commands::members::member_photo_clear,
            $crate::commands::members::member_photo_get,
            $crate::commands::identity::identity_mark_bulk,
            $crate::commands::identity::identity_summary,
            $crate::commands::identity::identity_not_shown,
            $crate::commands::identity::identity_member_marks,
            $crate::commands::identity::identity_mark_remove,
            $crate::commands::posts::post_list,
            $crate::commands::posts::post_create,
            $crate::commands::posts::post_update,
            $crate::commands::posts::post_delete,
            $crate::commands::posts::post_holders,
            $crate::commands::posts::post_assign,
            $crate::commands::posts::post_end,
            $crate::commands::posts::post_stats,
            $crate::commands::posts::post_member_history,
            $crate::commands::zones::zone_list,
            $crate::commands::zones::zone_create,
            $crate::commands::zones::zone_items_add,
            $crate::commands::zones::zone_items,
            $crate::commands::zones::zone_cover,
            $crate::commands::zones::zone_release,
            $crate::commands::zones::zone_uncovered,
            $crate::commands::zones::zone_member_items,
            $crate::commands::zones::zone_rename,
            $crate::commands::zones::zone_delete,
            $crate::commands::zones::zone_item_rename,
            $crate::commands::zones::zone_item_delete,
            $crate::commands::pledges::pledge_search,
            $crate::commands::pledges::pledge_get,
            $crate::commands::pledges::pledge_create,
            $crate::commands::pledges::pledge_update,
            $crate::commands::pledges::pledge_publish,
            $crate::commands::pledges::pledge_delete,
            $crate::commands::pledges::pledge_copy_year,
            $crate::commands::pledges::pledge_of_member,
            $crate::commands::pledges::pledge_progress_add,
            $crate::commands::pledges::pledge_close,
            $crate::commands::pledges::pledge_appraise,
            $crate::commands::pledges::pledge_evidence_pick,
            $crate::commands::pledges::pledge_evidence_open,
            $crate::commands::pledges::pledge_evidence_remove,
            $crate::commands::print::print_settings_get,
            $crate::commands::print::print_settings_set,
            $crate::commands::print::print_emblem_pick,
            $crate::commands::print::print_emblem_clear,
            $crate::commands::print::print_count,
            $crate::commands::print::print_preview,
            $crate::commands::print::print_save,
            $crate::commands::print::print_cancel,
            $crate::commands::print::print_open_last,
            $crate::commands::pairings::pairing_list,
            $crate::commands::pairings::pairing_stats,
            $crate::commands::pairings::pairing_create,
            $crate::commands::pairings::pairing_end,
            $crate::commands::pairings::pairing_agreement_update,
            $crate::commands::pairings::pairing_support_add,
            $crate::commands::pairings::pairing_supports,
            $crate::commands::pairings::pairing_scan_pick,
            $crate::commands::leaders::leader_list,
            $crate::commands::leaders::leader_create,
            $crate::commands::leaders::leader_assign,
            $crate::commands::leaders::leader_unassign,
            $crate::commands::leaders::leader_update,
            $crate::commands::leaders::leader_delete,
            $crate::commands::leaders::visit_log,
            $crate::commands::leaders::visit_list,
            $crate::commands::leaders::diary_add,
            $crate::commands::leaders::visit_missing,
            $crate::commands::leaders::difficulty_open,
            $crate::commands::leaders::difficulty_advance,
            $crate::commands::deputies::deputy_list,
            $crate::commands::deputies::deputy_create,
            $crate::commands::deputies::deputy_pair,
            $crate::commands::deputies::deputy_unpair,
            $crate::commands::deputies::deputy_update,
            $crate::commands::deputies::deputy_delete,
            $crate::commands::deputies::reception_list,
            $crate::commands::deputies::reception_add,
            $crate::commands::deputies::reception_update,
            $crate::commands::deputies::reception_delete,
            $crate::commands::deputies::deputy_visit_log,
            $crate::commands::deputies::deputy_visit_list,
            $crate::commands::deputies::deputy_missing,
            $crate::commands::deputies::suggestion_open,
            $crate::commands::deputies::suggestion_reply,
            $crate::commands::volunteering::volunteer_record,
            $crate::commands::volunteering::volunteer_list,
            $crate::commands::volunteering::volunteer_member_hours,
            $crate::commands::leaders::diary_list,
            $crate::commands::leaders::diary_update,
            $crate::commands::leaders::diary_delete,
            $crate::commands::pairings::help_pair_list,
            $crate::commands::pairings::help_pair_create,
            $crate::commands::pairings::help_record_add,
            $crate::commands::pairings::help_records,
            $crate::commands::pairings::help_pair_end,
            $crate::commands::pairings::pairing_support_delete,
            $crate::commands::pairings::pairing_support_update,
            $crate::commands::leaders::visit_delete,
            $crate::commands::deputies::deputy_visit_delete,
            $crate::commands::volunteering::volunteer_delete,
            $crate::commands::volunteering::volunteer_update,
            $crate::commands::volunteering::volunteer_participants,
        ]
    };
}

pub(crate) fn pool(state: &AppState) -> Result<&sqlx::SqlitePool> {
    state.pool()
}
