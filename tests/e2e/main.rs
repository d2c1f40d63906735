//! End-to-end tests: the real app window, driven through tauri-driver and its platform's
//! WebDriver (WebKitWebDriver under Xvfb on Linux, msedgedriver on Windows), each flow on a fresh
//! data folder. It compiles everywhere and runs where a driver exists.
#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

mod harness;
// Foundation: demo data, organizations, the roster form with the core's validation, search,
// edit, status change, and the home counts following along.
mod roster;
// Corrections: an organization renamed and moved, a mark removed, a photo set and cleared, a
// member deleted.
mod corrections;
// 亮身份: batch marking from a filtered roster and from the not-yet list.
mod identity;
// 亮职责: a new post, claimed by an in-service member, counts and holders.
mod posts;
// 党员责任区: a zone with lanes, assigned to a member; double assignment refused.
mod zones;
// 亮承诺: a pledge written with a vague item, fixed, published, progress recorded, overdue once
// the clock moves past a deadline, appraised.
mod pledges;
// Printing: members ticked in the roster, a live preview, the PDF saved to a chosen file.
mod print;
// 机关单位进社区: a pairing with its agreement and a 45万元 fund record.
mod pairings;
// 党员干部进社区: a visit with a difficulty, followed to closure; the monthly list shrinks.
mod leaders;
// 代表委员进社区: a visit with a suggestion, answered; the quarterly list shrinks.
mod deputies;
// 志愿者进社区: an activity with a member and a league member, hours checked.
mod volunteering;
// 服务安排: a weekly duty and a unit's clinic planned; a week later one done, one missed.
mod schedule;
// The organization chosen in the title bar scopes the pages and is kept between starts.
mod scope;
// 关于: the data's figures, its folder opened, the diagnostic zip with this session's log.
mod about;
// The window: brought back onto the work area, its place kept between starts, one at a time.
mod window;
// 使用说明: F1, its topics, and its pictures taken here.
mod help;
// The installed .deb opens its first screen (run by `cargo xtask deb` only).
mod installed;
// 导入花名册: a workbook checked, a column re-mapped, errors saved, the rest imported; the first
// run's community built and a roster imported into it.
mod import;
// 清除示例数据: the demo removed in one step, the first screen back.
mod demo;
// 数据备份: a backup taken, a foreign file refused, a deleted member restored with the photo.
mod backup;
// 操作记录 and 回收站: a change read in the member's history, a deleted member brought back, the
// bin emptied after the question.
mod history;
// 检查汇总: the county's figures, a period and a community chosen, the sentence copied.
mod review;
// 数据交换: two communities' exchange files imported into a fresh county, in the tree and figures.
mod exchange;
// A database that cannot be opened is reported in a Chinese dialog and left untouched.
mod startup;

fn main() -> std::process::ExitCode {
    harness::runner::main(flows![
        startup::a_broken_database_is_reported_and_left_untouched,
        roster::a_secretary_builds_the_roster_and_the_home_counts_follow,
        import::a_roster_workbook_is_checked_remapped_and_imported_and_its_error_rows_saved,
        import::the_first_run_builds_the_community_and_imports_the_roster_into_it,
        demo::the_demo_is_cleared_in_one_step_and_the_first_screen_returns,
        backup::a_backup_brings_a_deleted_member_back_with_the_photo_and_a_foreign_file_is_refused,
        backup::a_restore_the_system_holds_up_finishes_at_the_next_start,
        history::a_members_change_is_in_their_history_and_a_deleted_member_comes_back_from_the_bin,
        corrections::a_secretary_renames_and_moves_a_branch_fixes_a_members_marks_and_photo_and_deletes_a_member,
        scope::the_chosen_organization_scopes_the_pages_and_is_kept_between_starts,
        identity::a_secretary_records_identity_for_a_filtered_set_and_for_picked_members,
        posts::a_secretary_sets_up_a_post_and_a_member_claims_it,
        zones::a_secretary_creates_a_zone_assigns_its_lanes_and_double_assignment_is_refused,
        pledges::a_pledge_is_written_published_followed_overdue_on_a_later_day_and_appraised,
        print::pledge_cards_for_members_picked_in_the_roster_are_previewed_and_saved_to_a_file,
        print::a_pdf_that_cannot_be_written_is_reported_in_chinese_with_the_system_words_behind_details,
        print::a_long_print_shows_its_progress_and_cancelling_it_leaves_no_file,
        print::direct_printing_hands_the_sheets_to_the_printer_or_says_why_it_cannot,
        pairings::a_unit_is_paired_with_a_community_under_an_agreement_and_a_fund_is_recorded_to_the_fen,
        leaders::a_leader_visit_with_a_difficulty_is_logged_and_the_difficulty_followed_to_closure,
        deputies::a_deputy_visit_with_a_suggestion_is_recorded_and_the_suggestion_answered,
        volunteering::a_volunteer_activity_with_a_member_and_a_league_member_is_recorded,
        schedule::a_weekly_duty_and_a_units_clinic_are_planned_and_a_week_later_one_is_done_and_one_missed,
        review::the_review_page_counts_the_county_drills_into_a_community_and_copies_the_sentence,
        exchange::two_communities_exchange_files_are_imported_into_a_fresh_county_and_counted,
        exchange::a_damaged_exchange_file_is_refused_beside_the_button_and_nothing_is_imported,
        about::about_shows_the_data_and_exports_the_logs_for_support,
        window::a_window_left_off_the_screen_comes_back_and_its_place_is_kept_between_starts,
        window::a_second_start_hands_over_to_the_running_window_and_opens_no_other,
        window::at_its_smallest_size_every_page_keeps_its_actions_in_view,
        help::f1_opens_the_help_whose_pictures_show_the_window_as_it_is,
        installed::the_installed_package_opens_its_first_screen,
    ])
}
