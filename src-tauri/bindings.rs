//! The TypeScript types of everything that crosses IPC, generated from the Rust structs.
//! `ui/src/bindings.ts` is this text; a test fails when the committed file is stale
//! (`UPDATE_BINDINGS=1 cargo test --test tests bindings` rewrites it).

use ts_rs::{Config, TS};

use crate::common::{catalog, limits};
use crate::data::{backup, bin, exchange, history, import};
use crate::overview::{changes, reminders, stats};
use crate::review::{self, ledgers, report, responsibility};
use crate::roster::{members, orgs};
use crate::sanliang::pledges::{self, cycle};
use crate::sanliang::{identity, posts, zones};
use crate::sijin::{deputies, difficulties, help_pairs, leaders, pairings, schedule, volunteering};
use crate::{about, demo, error, print, state};

macro_rules! declarations {
    ($cfg:expr; $($t:ty),+ $(,)?) => {
        vec![$(<$t as TS>::decl($cfg)),+]
    };
}

pub fn typescript() -> String {
    // Integer keys and counts are far below 2^53: plain numbers, not bigint.
    let cfg = &Config::new().with_large_int("number");
    let decls = declarations!(cfg;
        error::ErrorKind, error::IpcError, state::AppInfo,
        catalog::Category, catalog::MemberStatus, catalog::Gender, catalog::OrgKind, catalog::UnitKind,
        catalog::CatalogOption, catalog::AllowedChildren, catalog::Catalog,
        orgs::Organization, orgs::OrgNode, orgs::OrgInput, orgs::OrgChain,
        members::Member, members::MemberRow, members::MemberInput, members::MemberSort, members::MemberQuery,
        members::MemberPage, members::StatusChange,
        import::columns::Column, import::rows::CellIssue, import::OnDuplicate, import::ImportOptions,
        import::RowOutcome, import::preview::ColumnChoice, import::preview::Duplicate, import::preview::PreviewRow, import::preview::ImportCounts,
        import::ImportPreview, import::ImportReport,
        backup::BackupInfo, backup::Restored, backup::auto::LastBackup, backup::auto::BackupStatus,
        catalog::LabeledCount, stats::HomeStats, stats::PracticeFigure,
        demo::DemoScale, demo::DemoSummary, demo::clear::DemoCleared,
        catalog::MarkType, identity::IdentityMark, identity::MemberSelection, identity::BulkMark,
        identity::BulkMarkResult, identity::IdentitySummary,
        catalog::PostKind, catalog::PostHow, posts::Post, posts::PostInput, posts::PostAssignment, posts::AssignInput,
        posts::PostStats,
        catalog::ZoneItemKind, zones::Zone, zones::ZoneItem, zones::ZoneInput, zones::ZoneItemsInput, zones::CoverInput,
        catalog::PledgeStatus, catalog::Appraiser, catalog::Rating, catalog::PledgeThemes,
        pledges::PledgeItem, pledges::Progress, pledges::Evidence, pledges::Appraisal, pledges::Pledge,
        pledges::PledgeRow, pledges::PledgeQuery, pledges::PledgeCounts, pledges::PledgePage, pledges::ItemInput,
        pledges::PledgeInput, pledges::CopySummary,
        cycle::ProgressInput, cycle::CloseInput, cycle::AppraisalInput,
        print::PrintKind, print::Paper, print::data::Selection, print::PrintOptions, print::PrintSummary,
        print::settings::PrintSettings, print::PrintProgress, print::PrintSaved, print::direct::PrintSent,
        about::FontLicence, about::AboutInfo, about::Folder, about::diagnostics::DiagnosticsSaved,
        catalog::SupportKind, pairings::Pairing, pairings::PairingInput, pairings::SupportRecord, pairings::SupportInput,
        pairings::PairingStats, pairings::AgreementInput,
        catalog::LeaderLevel, catalog::VisitKind, catalog::DifficultyStatus, leaders::Leader, leaders::LeaderCommunity,
        leaders::LeaderInput, leaders::Visit, leaders::VisitInput, leaders::MissingVisit, difficulties::Difficulty,
        difficulties::DifficultyInput, difficulties::AdvanceInput,
        catalog::DeputyRole, deputies::Deputy, deputies::DeputyInput, deputies::ReceptionPoint, deputies::ReceptionInput,
        deputies::DeputyVisit, deputies::DeputyVisitInput, deputies::SuggestionInput, deputies::Suggestion,
        deputies::MissingDeputyVisit, reminders::Reminder,
        catalog::ParticipantKind, volunteering::Activity, volunteering::ActivityInput, volunteering::ParticipantInput,
        volunteering::MemberHours, volunteering::Participant, leaders::DiaryEntry, help_pairs::HelpPair, help_pairs::HelpPairInput,
        help_pairs::HelpRecord, catalog::ChangeKind, changes::Change,
        catalog::RecordKind, catalog::RecordArea, catalog::HistoryAction, history::HistoryFilter, history::FieldChange,
        history::HistoryEntry, history::HistoryPage, bin::BinEntry, bin::BinKey, bin::BinEmptied,
        catalog::AgeBand, catalog::Responsibility, catalog::ShortfallKind, review::ReviewScope, review::Share,
        review::MemberFigures, review::IdentityFigures, review::PostFigures, review::ZoneFigures, review::Appraisals,
        review::PledgeFigures, review::UnitFunds, review::SupportByKind, review::PairingFigures, review::Compliance,
        review::LeaderFigures, review::DifficultyFigures, review::MonthFlow, review::DeputyFigures,
        review::VolunteerFigures, review::ResponsibilityChain, review::Shortfall, review::CommunityRow,
        review::Statistics, review::ScheduleFigures, review::PlanCount, responsibility::ResponsiblePerson, ledgers::LedgerSummary, report::ReportSummary,
        exchange::ExchangeSummary, exchange::ImportStatus, exchange::Imported, exchange::ImportedOrg,
        catalog::Shift, catalog::PlanWho, catalog::PlanStatus, catalog::ClashKind, schedule::PlanEntry,
        schedule::PlanInput, schedule::PlanRecord, schedule::Clash, schedule::MonthPlan, schedule::CopyOutcome,
    );
    let mut out = String::from("// Generated from the Rust structs by src-tauri/bindings.rs. Do not edit.\n\n");
    for d in decls {
        out.push_str("export ");
        out.push_str(&d);
        out.push_str("\n\n");
    }
    out.push_str(&limits::typescript());
    out.push_str(&format!(
        "\n\n/** The field a save over a record changed since its form opened is refused on (common/versions.rs). */\nexport const STALE_FIELD = {:?}",
        crate::common::versions::FIELD
    ));
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// `ui/src/api/commands.ts`: the typed call of every command, generated by build.rs from the
/// `#[tauri::command]` functions in `src-tauri/commands/`.
pub fn command_calls() -> &'static str {
    include_str!(concat!(env!("OUT_DIR"), "/commands.ts"))
}
