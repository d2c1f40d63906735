//! Data in and out of the app and kept safe: importing and exporting rosters, backups and
//! restore, and the history of every change.

pub mod backup;
pub mod bin;
pub mod cascade;
pub mod exchange;
pub mod export;
pub mod history;
pub mod import;
