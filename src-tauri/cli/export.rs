//! `sanliang export members --out F.xlsx`: the roster (or a search of it) as the app exports it.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use sanliang::common::files;
use sanliang::data::export;
use sanliang::error::{Error, Result};
use sanliang::roster::members::MemberQuery;
use sqlx::SqlitePool;

#[derive(Args)]
pub struct ExportArgs {
    #[command(subcommand)]
    what: ExportWhat,
}

#[derive(Subcommand)]
enum ExportWhat {
    /// 导出花名册 to .xlsx; ID numbers and phones masked unless --unmasked.
    Members {
        #[arg(long)]
        out: PathBuf,
        #[arg(long)]
        org: Option<i64>,
        /// Name, pinyin, or the tail of a phone or ID number.
        #[arg(long, default_value = "")]
        search: String,
        /// Write ID numbers and phones whole (the file then holds personal data).
        #[arg(long)]
        unmasked: bool,
    },
}

pub async fn run(pool: &SqlitePool, args: ExportArgs) -> Result<()> {
    let ExportWhat::Members { out, org, search, unmasked } = args.what;
    let query = MemberQuery { org_id: org, text: search, ..Default::default() };
    let (bytes, exported) = export::members_workbook(pool, &query, unmasked).await?;
    files::write_atomic(&out, &bytes).map_err(|e| Error::file(&out, e))?;
    out!("已导出 {} 名党员：{}", exported.members, out.display());
    Ok(())
}
