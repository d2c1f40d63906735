//! 三亮: 亮身份 (identity marks), 亮职责 (service posts and responsibility zones) and
//! 亮承诺 (pledges from promise to appraisal).

pub mod identity;
pub mod pledges;
pub mod posts;
pub mod zones;
