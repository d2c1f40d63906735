//! What every practice shares: the codes stored in SQLite (catalog), the write clock,
//! validation, money, files, workbooks, the log, and the settings key–value store with the preferences the UI may
//! keep in it.

pub mod catalog;
pub mod clock;
pub mod files;
pub mod limits;
pub mod log;
pub mod money;
pub mod period;
pub mod preferences;
#[cfg(test)]
mod properties;
pub mod recycled;
pub(crate) mod settings;
pub mod validate;
pub mod versions;
pub mod window_fit;
pub mod xlsx;
