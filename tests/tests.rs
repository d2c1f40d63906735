//! Integration tests: the core against real SQLite files in temporary data folders.
#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

// TypeScript bindings in ui/src are generated from the Rust types and must not be stale.
mod bindings;
// Opening, migrating and backing up the database file.
mod database;
// 备份与恢复: whole backups, refused files, interrupted swaps, automatic backups.
mod backup;
// The codes stored in SQLite are the catalog's: CHECK lists tied to it, unknown codes refused.
mod codes;
// The organization tree: placement rules, moves, refused deletions.
mod orgs;
// The roster: saving, duplicates, status changes, search by pinyin, phone and ID tail.
mod members;
// Roster search through its key index: typed forms, phone parts, ID tails, keys kept current.
mod search;
// 亮身份: batch marks in one transaction, counts and the not-yet list per subtree.
mod identity;
// 亮职责: posts, claiming and setting them, one current post per member, history.
mod posts;
// 党员责任区: items covered by exactly one member, uncovered items, refusals.
mod zones;
// 亮承诺: drafts, vague items, publication, progress, overdue by a moved clock, appraisal,
// copying a year, evidence files.
mod pledges;
// The 亮承诺 list against each pledge judged from its items; the item totals kept by triggers.
mod pledge_list;
// Printing: pledge cards as text in small, deterministic PDFs; missing glyphs; geometry.
mod print;
// The PDF files read back: words where they were drawn, ink only in the boxes, golden pictures.
// poppler is a Linux program: on Windows the same PDFs are proven byte-identical instead
// (print::the_same_data_prints_the_same_bytes_on_every_system).
#[cfg(not(windows))]
mod print_pictures;
// 机关单位进社区: pairings, agreements, support records in exact fen.
mod pairings;
// 党员干部进社区: monthly visits per leader and community, difficulties to closure.
mod leaders;
// 代表委员进社区: quarterly visits, suggestions answered, reception points.
mod deputies;
// 志愿者进社区: activities with participants, exact hours, per-member periods.
mod volunteering;
// 服务安排: repeating dates, moving and cancelling one, clashes, tying records, missed dates,
// copying last month.
mod schedule;
// 待办提醒: missing visits, stale difficulties, ending agreements, judged on a given day.
mod reminders;
// The demo data set and the command-line binary.
mod demo_and_cli;
// Data folders and PDFs under Chinese names with spaces; a PDF held open by a reader (Windows).
mod files;
// 关于 and 导出诊断信息: the data's figures, the zip for support without personal data.
mod about;
// What ships: installer configuration, release workflow, CSP, the window's capability.
mod shipping;

// 最近变动 on the home page: batches as one line, scoped, the last thirty days.
mod changes;

// 导入花名册: a workbook with a title row and mixed errors, duplicates, one transaction, GBK text.
mod import;
// 交换文件: round trip, the same file twice, newer and older, damaged files, privacy, read-only.
mod exchange;
// 导出花名册: masked unless asked, date cells, and back again through the import.
mod export;

// 操作记录: every table's writes recorded by its triggers, a member's history, the filters.
mod history;

// "Changed since it was opened" on every form that edits a record.
mod versions;

// 检查汇总: the county review's statistics against the seed county, periods, subtrees, the sentence.
mod review;
// 台账 (review/ledgers/).
mod review_ledgers;
// 工作情况报告 (review/report/): pdftotext, page geometry, rendered margins. poppler is a Linux
// program; on Windows the report is built by the unit tests of its layout.
#[cfg(not(windows))]
mod review_report;

// Bad input, one table of every text field of every form with its limit.
mod bad_input;

mod support;
