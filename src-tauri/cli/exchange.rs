//! `sanliang exchange export|import`: a community's (or any subtree's) 交换文件 written for the
//! township or county, and such files read into this database.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use sanliang::common::files;
use sanliang::data::exchange::{self, apply, ImportStatus};
use sanliang::error::{Error, Result};
use sqlx::SqlitePool;

#[derive(Args)]
pub struct ExchangeArgs {
    #[command(subcommand)]
    what: ExchangeWhat,
}

#[derive(Subcommand)]
enum ExchangeWhat {
    /// 导出交换文件: the organization's subtree (default: the whole database) for the county.
    Export {
        #[arg(long)]
        out: PathBuf,
        #[arg(long)]
        org: Option<i64>,
        /// Also write ID numbers and phones (the file then holds personal data).
        #[arg(long)]
        with_personal_data: bool,
    },
    /// 导入交换文件: checks every file, then imports them all in one transaction.
    Import {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}

pub async fn run(pool: &SqlitePool, args: ExchangeArgs) -> Result<()> {
    match args.what {
        ExchangeWhat::Export { out, org, with_personal_data } => {
            let (bytes, s) = exchange::export(pool, org, with_personal_data).await?;
            files::write_atomic(&out, &bytes).map_err(|e| Error::file(&out, e))?;
            let personal = if s.personal_data { "含身份证号和电话" } else { "不含身份证号和电话" };
            out!(
                "已导出交换文件：{}，{} 名党员，{} 条记录（{personal}）：{}",
                s.source,
                s.members,
                s.records,
                out.display()
            );
        }
        ExchangeWhat::Import { files } => {
            for i in exchange::import_files(pool, &files).await? {
                let what = match i.status {
                    ImportStatus::Imported => "已导入",
                    ImportStatus::Replaced => "已更新",
                    ImportStatus::Unchanged => "已导入过，未更改",
                };
                out!("{what}：{}（{}导出，{} 名党员）", i.source, apply::words(&i.exported_at), i.members);
            }
        }
    }
    Ok(())
}
