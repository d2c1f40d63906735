//! Every sentence the backups say to the user, in one place.

pub fn not_ours(name: &str) -> String {
    format!("“{name}”不是三亮四进工作台的备份文件，或文件不完整，未作任何改动。请选择程序生成的备份文件（.zip）")
}

pub fn damaged(name: &str, part: &str) -> String {
    format!("备份文件“{name}”已损坏（{part} 与校验值不符或缺失），未作任何改动。请换一个备份文件")
}

pub fn newer(name: &str, theirs: i64, ours: i64) -> String {
    format!(
        "备份文件“{name}”来自较新版本的三亮四进工作台（数据库版本 {theirs}），本程序只支持到版本 {ours}。请先升级程序，再恢复这个备份"
    )
}

pub fn unreadable(name: &str, why: &str) -> String {
    format!("无法读取“{name}”：{why}")
}
