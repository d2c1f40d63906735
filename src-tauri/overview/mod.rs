//! What the home page shows: figures, 待办提醒 and 最近变动, read across the practices.

pub mod changes;
pub mod reminders;
pub mod stats;
