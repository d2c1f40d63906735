//! End-to-end tests: the real app window, driven through tauri-driver and WebKitWebDriver
//! under Xvfb, each on a fresh data folder. Linux only (tauri-driver uses WebKitWebDriver here).
#![cfg(target_os = "linux")]
#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

mod harness;
// Foundation: demo data, organizations, the roster form with the core's validation, search,
// edit, status change, and the home counts following along.
mod roster;
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
// The organization chosen in the title bar scopes the pages and is kept between starts.
mod scope;
// A database that cannot be opened is reported in a Chinese dialog and left untouched.
mod startup;
