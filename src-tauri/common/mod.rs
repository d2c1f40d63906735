//! What every practice shares: the codes stored in SQLite (catalog), validation, money,
//! files, and the settings key–value store with the preferences the UI may keep in it.

pub mod catalog;
pub mod files;
pub mod limits;
pub mod money;
pub mod period;
pub mod preferences;
pub(crate) mod settings;
pub mod validate;
