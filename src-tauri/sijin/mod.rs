//! 四进: units paired with communities (1+1) and cadre help pairs, contact leaders with their
//! visits, diaries and residents' difficulties, deputies with their visits and reception
//! points, volunteer activities, and the monthly 服务安排 of who comes when.

pub mod deputies;
pub mod difficulties;
pub mod help_pairs;
pub mod leaders;
pub mod pairings;
pub mod schedule;
pub mod volunteering;
