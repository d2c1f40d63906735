//! Preferences the UI keeps between starts (the organization that scopes every page),
//! limited to a known set of keys so the web view cannot write arbitrary settings.

use sqlx::SqlitePool;

use crate::common::settings as store;
use crate::error::{Error, Result};

/// Keys the UI may read and write, with the longest value each may hold.
const KEYS: &[(&str, usize)] = &[("currentOrgId", 20)];

fn check_key(key: &str) -> Result<usize> {
    KEYS.iter().find(|(k, _)| *k == key).map(|(_, max)| *max).ok_or_else(|| Error::validation("key", "未知的设置项"))
}

pub async fn get(pool: &SqlitePool, key: &str) -> Result<Option<String>> {
    check_key(key)?;
    store::get(&mut *pool.acquire().await?, key).await
}

pub async fn set(pool: &SqlitePool, key: &str, value: &str) -> Result<()> {
    if value.chars().count() > check_key(key)? {
        return Err(Error::validation("value", "设置值过长"));
    }
    store::set(&mut *pool.acquire().await?, key, value).await
}
