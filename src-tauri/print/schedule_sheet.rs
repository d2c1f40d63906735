//! 服务安排公示表: a community's month of 服务安排 for the notice board — date, weekday, time,
//! place, who comes and what they do — on landscape A4 (or A3) in the 公示表's table, with the
//! 监督电话 at the foot. Cancelled dates are left off.

use super::canvas::Sheet;
use super::notice::{table_pages, Layout};
use super::{Art, Overflowed};

const HEADERS: [&str; 6] = ["日期", "星期", "时间", "地点", "服务单位（人员）", "服务内容"];
/// Column widths on landscape A4, in mm; the last takes the rest.
const WIDTHS: [f32; 5] = [28.0, 16.0, 28.0, 72.0, 72.0];

/// One community's month, as printed: a row per date.
#[derive(Debug, Clone)]
pub struct ScheduleSheet {
    pub community: String,
    /// 2026年12月.
    pub month_label: String,
    pub rows: Vec<[String; 6]>,
}

pub fn layout(sheet: (f32, f32)) -> Layout {
    Layout::with_widths(sheet, &WIDTHS)
}

/// The pages of one community's month.
pub fn pages(layout: &Layout, s: &ScheduleSheet, art: &Art) -> Result<Vec<Sheet>, Overflowed> {
    let rows = s.rows.iter().map(|r| (format!("{}{}", r[0], r[2]), layout.row(r, false))).collect();
    let title = format!("{}{}服务安排", s.community, s.month_label);
    let sub = format!("共{}项服务　欢迎群众参与和监督", s.rows.len());
    table_pages(layout, &title, &sub, &HEADERS, rows, "服务安排", art)
}
