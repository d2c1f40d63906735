//! 四进: units paired with communities (1+1) and cadre help pairs, contact leaders with their
//! visits, diaries and residents' difficulties, deputies with their visits and reception
//! points, and volunteer activities.

pub mod deputies;
pub mod difficulties;
pub mod help_pairs;
pub mod leaders;
pub mod pairings;
pub mod volunteering;
