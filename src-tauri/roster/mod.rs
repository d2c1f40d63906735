//! The roster: organizations, party members, their photos and the pinyin keys they are found by.

pub mod members;
pub mod orgs;
pub mod photos;
pub mod search_key;
