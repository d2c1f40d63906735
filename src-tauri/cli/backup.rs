//! `sanliang backup --out F.zip` and `sanliang restore F.zip`: the app's 立即备份 and 恢复, the
//! current data saved aside before a restore as the app does.

use std::path::{Path, PathBuf};

use sanliang::data::backup::swap::Swapped;
use sanliang::data::backup::{self, BackupInfo};
use sanliang::error::Result;
use sanliang::paths::{self, Setting};
use sqlx::SqlitePool;

fn described(b: &BackupInfo) -> String {
    format!(
        "{}（{} 创建，程序版本 {}，组织 {} 个，党员 {} 名，文件 {} 个）",
        b.path,
        b.created_at.replace('T', " ").trim_end_matches('Z'),
        b.app_version,
        b.organizations,
        b.members,
        b.files
    )
}

pub async fn backup(pool: &SqlitePool, data_dir: &Path, out: &Path) -> Result<()> {
    let written = backup::create(pool, data_dir, out).await?;
    out!("已备份到 {}，{} 字节", described(&written), written.bytes);
    Ok(())
}

/// The folder the data replaced by a restore is saved to, when `--aside` does not say.
async fn aside_folder(pool: &SqlitePool, data_dir: &Path) -> Result<PathBuf> {
    let home = std::env::var_os(if cfg!(windows) { "USERPROFILE" } else { "HOME" });
    let documents = home.map(|h| PathBuf::from(h).join("Documents"));
    let exe = std::env::current_exe().ok();
    let default = paths::backup_dir(Setting::BackupDir.read().map(Into::into), exe.as_deref(), documents, data_dir);
    backup::auto::folder(pool, &default).await
}

/// Restores `file` and returns the pool opened again on the restored data.
pub async fn restore(pool: SqlitePool, data_dir: &Path, file: &Path, aside: Option<PathBuf>) -> Result<SqlitePool> {
    let folder = match aside {
        Some(folder) => folder,
        None => aside_folder(&pool, data_dir).await?,
    };
    std::fs::create_dir_all(&folder).map_err(|e| sanliang::error::Error::file(&folder, e))?;
    let restored =
        backup::prepare_restore(&pool, data_dir, file, &backup::aside_path(&folder, chrono::Local::now())).await?;
    sanliang::db::close(&pool).await;
    let swapped = backup::swap::finish_now(data_dir)?;
    let pool = sanliang::db::open(data_dir).await?;
    match swapped {
        Swapped::Now => out!("已恢复 {}", described(&restored.restored)),
        Swapped::AtNextStart(why) => {
            out!("备份已检查无误，但数据文件仍被占用（{}），", why.to_ipc().message);
            out!("恢复将在下次打开这个数据文件夹时（程序或命令行）自动完成：{}", described(&restored.restored));
        }
    }
    out!("原有数据已另存为 {}", restored.aside.path);
    Ok(pool)
}
