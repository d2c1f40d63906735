//! Data in and out of the app: importing and exporting rosters (and, to come, backups and history).

pub mod export;
pub mod import;
