//! Data in and out of the app: importing and exporting rosters and backups and restore.

pub mod backup;
pub mod export;
pub mod import;
