//! 导入花名册: a roster file read, its header found, every row checked with the member form's own
//! rules and shown as a preview; then the accepted rows written in one transaction.

pub mod columns;
pub mod orgs;
pub mod rows;
pub mod sheet;
pub mod values;
