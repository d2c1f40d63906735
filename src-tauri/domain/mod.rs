//! The Tauri-free core: rules and use cases over the database, callable from commands,
//! the command line and tests alike.

pub mod catalog;
pub mod changes;
pub mod demo;
mod demo_pledges;
mod demo_sijin;
pub mod deputies;
pub mod difficulties;
pub mod files;
pub mod help_pairs;
pub mod identity;
pub mod leaders;
pub mod members;
pub mod money;
pub mod orgs;
pub mod pairings;
pub mod photos;
pub mod pledge_cycle;
pub mod pledges;
pub mod posts;
pub mod preferences;
pub mod reminders;
pub mod search_key;
pub mod stats;
pub mod validate;
pub mod volunteering;
pub mod zones;
