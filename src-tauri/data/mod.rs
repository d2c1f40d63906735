//! Data in and out of the app: importing rosters (and, to come, exports, backups and history).

pub mod import;
