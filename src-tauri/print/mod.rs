//! Printing: pledge cards, supervision boards, identity badges, desk signs, zone signs, notice
//! sheets, the 服务安排 sheet and deputies' passes as exact PDFs — our own small layout layer over printpdf, with the bundled
//! Chinese fonts subset into each file. A job is gathered from the database (`prepare`), then
//! composed sheet by sheet (`compose`), reporting progress and stopping when cancelled.

pub mod badges;
pub mod boards;
pub mod canvas;
pub mod data;
pub mod deputy_passes;
pub mod desk_signs;
pub mod direct;
pub mod document;
pub mod fonts;
pub mod imposition;
pub mod layout;
pub mod notice;
mod parallel;
pub mod pledge_card;
pub mod schedule_sheet;
pub mod settings;
pub(crate) mod store;
pub mod zone_signs;

use std::path::Path;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use sqlx::SqlitePool;
use ts_rs::TS;

use crate::common::period::Period;
use crate::error::{Error, Result};
use canvas::Sheet;
use data::{Person, Promise, Selection, ZoneSheet};
use deputy_passes::DeputyPass;
use document::{Document, Image};
use imposition::{Grid, A3, A4};
use pledge_card::CardSize;
use schedule_sheet::ScheduleSheet;
use settings::PrintSettings;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PrintKind {
    /// 承诺卡
    PledgeCards,
    /// 岗位监督牌
    Boards,
    /// 党员身份标识胸牌
    Badges,
    /// 桌牌
    DeskSigns,
    /// 党员责任区标识牌
    ZoneSigns,
    /// 公示表
    Notice,
    /// 服务安排公示表
    Schedule,
    /// 代表委员工作证
    DeputyPasses,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub enum Paper {
    #[default]
    A4,
    A3,
    /// Pledge cards: four A6 cards on an A4 sheet.
    A6,
    /// Pledge cards: two A5 cards on a landscape A4 sheet.
    A5,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PrintOptions {
    pub kind: PrintKind,
    #[serde(default)]
    pub selection: Selection,
    /// The pledge year; this year when empty.
    #[serde(default)]
    pub year: Option<i32>,
    #[serde(default)]
    pub paper: Paper,
    #[serde(default = "yes")]
    pub crop_marks: bool,
    /// The 服务安排 sheet's month ("2026-12"); this month when empty.
    #[serde(default)]
    pub month: Option<String>,
}

/// Sheets drawn between two progress reports (a few hundred milliseconds of a big job).
const SHEETS_PER_BATCH: usize = 64;

fn yes() -> bool {
    true
}

/// Text that did not fit its box even at the smallest size.
#[derive(Debug, Clone)]
pub struct Overflowed {
    pub who: String,
    pub field: &'static str,
    pub overflow: layout::Overflow,
}

impl From<Overflowed> for Error {
    fn from(o: Overflowed) -> Error {
        Error::validation(
            "content",
            format!(
                "{}的{}太长，最小字号下仍需{}行（只能放下{}行），请精简后再打印",
                o.who, o.field, o.overflow.lines_needed, o.overflow.lines_available
            ),
        )
    }
}

/// A pledge item as printed: its content and deadline.
pub fn promise_text(p: &Promise) -> String {
    match p.deadline {
        Some(d) => format!("{}（完成时限：{}）", p.content, d.format("%Y年%-m月%-d日")),
        None => p.content.clone(),
    }
}

/// What every item may show besides its data: the settings and the emblem artwork.
pub struct Art {
    pub settings: PrintSettings,
    pub emblem: Option<Image>,
}

/// What a job prints, gathered and checked, ready to compose.
pub struct Job {
    pub options: PrintOptions,
    pub settings: PrintSettings,
    pub year: i32,
    pub people: Vec<Person>,
    pub zones: Vec<ZoneSheet>,
    pub schedule: Vec<ScheduleSheet>,
    pub passes: Vec<DeputyPass>,
    emblem: Option<Vec<u8>>,
}

/// How far a print job has got, sent to the window while it composes.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PrintProgress {
    pub done: usize,
    pub total: usize,
}

/// Where a PDF was saved, and what is in it.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PrintSaved {
    pub path: String,
    pub summary: PrintSummary,
}

/// A finished PDF and what is in it.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PrintSummary {
    pub items: usize,
    pub sheets: usize,
    pub bytes: usize,
}

pub async fn prepare(pool: &SqlitePool, data_dir: &Path, options: PrintOptions, today: NaiveDate) -> Result<Job> {
    let settings = settings::load(pool, data_dir).await?;
    let year = options.year.unwrap_or(today.year());
    let (mut people, mut zones, mut schedule, mut passes) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    match options.kind {
        PrintKind::ZoneSigns => zones = data::zones(pool, &options.selection).await?,
        PrintKind::Schedule => {
            let month = match options.month.as_deref() {
                Some(m) if !m.is_empty() => crate::sijin::schedule::month("month", m)?,
                _ => Period::month_of(today),
            };
            schedule = data::schedule_sheets(pool, &options.selection, month, today).await?;
            if schedule.is_empty() {
                let label = crate::review::period_label(month);
                return Err(Error::validation("selection", format!("所选范围内{label}没有服务安排，没有可打印的内容")));
            }
        }
        PrintKind::DeputyPasses => {
            passes = data::deputy_passes(pool, data_dir, &options.selection).await?;
            if passes.is_empty() {
                return Err(Error::validation("selection", "所选范围内没有结对的代表委员，没有可打印的内容"));
            }
        }
        // The card is what a member signs, drafts included; public items show published pledges.
        PrintKind::PledgeCards => people = data::people(pool, data_dir, &options.selection, year, false).await?,
        _ => people = data::people(pool, data_dir, &options.selection, year, true).await?,
    }
    if people.is_empty() && zones.is_empty() && schedule.is_empty() && passes.is_empty() {
        let what = if options.kind == PrintKind::ZoneSigns { "党员责任区" } else { "在册党员" };
        return Err(Error::validation("selection", format!("所选范围内没有{what}，没有可打印的内容")));
    }
    data::check_glyphs(data::person_texts(&people))?;
    data::check_glyphs(data::zone_texts(&zones))?;
    data::check_glyphs(data::schedule_texts(&schedule, &passes))?;
    let emblem = match settings::emblem_path(data_dir) {
        Some(p) if matches!(options.kind, PrintKind::Badges | PrintKind::Boards | PrintKind::DeskSigns) => {
            Some(std::fs::read(p)?)
        }
        _ => None,
    };
    Ok(Job { options, settings, year, people, zones, schedule, passes, emblem })
}

impl Job {
    pub fn items(&self) -> usize {
        match self.options.kind {
            PrintKind::ZoneSigns => self.zones.len(),
            PrintKind::Schedule => self.schedule.iter().map(|s| s.rows.len()).sum(),
            PrintKind::DeputyPasses => self.passes.len(),
            _ => self.people.len(),
        }
    }

    /// Sheets the whole job takes.
    pub fn sheets(&self) -> usize {
        match self.grid() {
            Some(grid) => self.items().div_ceil(grid.per_sheet()),
            None if matches!(self.options.kind, PrintKind::Notice | PrintKind::Schedule) => {
                let art = Art { settings: self.settings.clone(), emblem: None };
                self.table_pages(&art).map_or(0, |p| p.len())
            }
            None => self.items(),
        }
    }

    fn grid(&self) -> Option<Grid> {
        match self.options.kind {
            PrintKind::PledgeCards if self.options.paper == Paper::A5 => Some(pledge_card::grid(CardSize::A5)),
            PrintKind::PledgeCards => Some(pledge_card::grid(CardSize::A6)),
            PrintKind::Badges | PrintKind::DeputyPasses => Some(badges::GRID),
            _ => None,
        }
    }

    /// The paper the sheets are printed on: A3 where chosen, else A4 (cards are laid out on A4).
    pub fn sheet_paper(&self) -> Paper {
        if self.large() {
            Paper::A3
        } else {
            Paper::A4
        }
    }

    fn large(&self) -> bool {
        self.options.paper == Paper::A3
    }

    /// The pages of a table: the 公示表 or the 服务安排 sheet, each community on pages of its own.
    fn table_pages(&self, art: &Art) -> Result<Vec<Sheet>> {
        let sheet = if self.large() { (A3.1, A3.0) } else { (A4.1, A4.0) };
        if self.options.kind == PrintKind::Schedule {
            let layout = schedule_sheet::layout(sheet);
            let mut pages = Vec::new();
            for s in &self.schedule {
                pages.extend(schedule_sheet::pages(&layout, s, art)?);
            }
            return Ok(pages);
        }
        let layout = notice::Layout::new(sheet);
        let mut pages = Vec::new();
        let mut start = 0;
        while start < self.people.len() {
            let community = &self.people[start].community;
            let end = start + self.people[start..].iter().take_while(|p| &p.community == community).count();
            let group: Vec<&Person> = self.people[start..end].iter().collect();
            pages.extend(notice::community_pages(&layout, community, &group, art, self.year)?);
            start = end;
        }
        Ok(pages)
    }

    /// Composes the PDF, at most `max_sheets` sheets (a preview needs one). `progress` hears
    /// (sheets done, sheets in all) and returns false to cancel.
    pub fn compose(
        &self,
        max_sheets: Option<usize>,
        progress: &mut dyn FnMut(usize, usize) -> bool,
    ) -> Result<(Vec<u8>, PrintSummary)> {
        let mut doc = Document::new(&self.title());
        let (sheets, items) = self.draw(&mut doc, max_sheets.unwrap_or(usize::MAX), progress)?;
        let sheet_count = sheets.len();
        let bytes = doc.into_bytes(sheets);
        let summary = PrintSummary { items, sheets: sheet_count, bytes: bytes.len() };
        Ok((bytes, summary))
    }

    /// Every sheet of the job, drawn but not written, for geometry checks.
    pub fn sheets_drawn(&self) -> Result<Vec<Sheet>> {
        Ok(self.draw(&mut Document::new(""), usize::MAX, &mut |_, _| true)?.0)
    }

    /// Draws up to `limit` sheets; returns them and how many items they hold.
    fn draw(
        &self,
        doc: &mut Document,
        limit: usize,
        progress: &mut dyn FnMut(usize, usize) -> bool,
    ) -> Result<(Vec<Sheet>, usize)> {
        let emblem = self.emblem.as_deref().and_then(|b| doc.add_image(b));
        let art = Art { settings: self.settings.clone(), emblem };
        let mut sheets: Vec<Sheet> = Vec::new();
        let mut items = 0;
        let mut step = |sheets: &mut Vec<Sheet>, sheet: Sheet, total: usize| -> Result<()> {
            sheets.push(sheet);
            if progress(sheets.len(), total) {
                Ok(())
            } else {
                Err(Error::Cancelled)
            }
        };
        if self.options.kind == PrintKind::DeputyPasses {
            let grid = badges::GRID;
            let per = grid.per_sheet();
            let total = self.passes.len().div_ceil(per).min(limit);
            for chunk in self.passes.chunks(per).take(total) {
                let mut sheet = Sheet::new(grid.sheet.0, grid.sheet.1);
                for (pass, cell) in chunk.iter().zip(grid.cells()) {
                    let photo = pass
                        .photo
                        .as_ref()
                        .and_then(|p| std::fs::read(p).ok())
                        .and_then(|b| doc.add_photo(&b, deputy_passes::PHOTO_PX));
                    deputy_passes::draw(&mut sheet, cell, pass, &art, photo.as_ref())?;
                    items += 1;
                }
                if self.options.crop_marks {
                    grid.crop_marks(&mut sheet);
                }
                step(&mut sheets, sheet, total)?;
            }
        } else if let Some(grid) = self.grid() {
            let per = grid.per_sheet();
            let total = self.items().div_ceil(per).min(limit);
            let chunks: Vec<(usize, &[Person])> = self.people.chunks(per).take(total).enumerate().collect();
            // On every core, a batch at a time: progress is told and a cancel heard in between.
            for batch in chunks.chunks(SHEETS_PER_BATCH) {
                let drawn = parallel::map(batch, |(n, people)| self.grid_sheet(grid, *n, people, &art));
                for ((_, people), sheet) in batch.iter().zip(drawn) {
                    items += people.len();
                    step(&mut sheets, sheet?, total)?;
                }
            }
        } else if matches!(self.options.kind, PrintKind::Notice | PrintKind::Schedule) {
            let pages = self.table_pages(&art)?;
            let total = pages.len().min(limit);
            for page in pages.into_iter().take(total) {
                step(&mut sheets, page, total)?;
            }
            items = self.items();
        } else if self.options.kind == PrintKind::ZoneSigns {
            let total = self.zones.len().min(limit);
            for zone in self.zones.iter().take(total) {
                let mut sheet = Sheet::new(zone_signs::SHEET.0, zone_signs::SHEET.1);
                zone_signs::draw(&mut sheet, zone, &art)?;
                items += 1;
                step(&mut sheets, sheet, total)?;
            }
        } else {
            let total = self.people.len().min(limit);
            let size = if self.large() { A3 } else { A4 };
            for person in self.people.iter().take(total) {
                let mut sheet = Sheet::new(size.0, size.1);
                if self.options.kind == PrintKind::Boards {
                    let photo = person
                        .photo
                        .as_ref()
                        .and_then(|p| std::fs::read(p).ok())
                        .and_then(|b| doc.add_photo(&b, boards::PHOTO_PX));
                    boards::draw(&mut sheet, person, &art, photo.as_ref())?;
                } else {
                    sheet = Sheet::new(desk_signs::SHEET.0, desk_signs::SHEET.1);
                    desk_signs::draw(&mut sheet, person, &art);
                }
                items += 1;
                step(&mut sheets, sheet, total)?;
            }
        }
        Ok((sheets, items))
    }

    /// Sheet `n` of cards or badges, holding `people`.
    fn grid_sheet(&self, grid: Grid, n: usize, people: &[Person], art: &Art) -> Result<Sheet> {
        let per = grid.per_sheet();
        let mut sheet = Sheet::new(grid.sheet.0, grid.sheet.1);
        for (k, (person, cell)) in people.iter().zip(grid.cells()).enumerate() {
            if self.options.kind == PrintKind::Badges {
                badges::draw(&mut sheet, cell, person, art)?;
            } else {
                let serial = format!("{}-{:04}", self.year, n * per + k + 1);
                pledge_card::draw(&mut sheet, cell, grid.cell, person, &art.settings, self.year, &serial)?;
            }
        }
        if self.options.crop_marks {
            grid.crop_marks(&mut sheet);
        }
        Ok(sheet)
    }

    /// The job's name, as the PDF's title and the printer's queue show it.
    pub fn title(&self) -> String {
        let s = &self.settings;
        match self.options.kind {
            PrintKind::PledgeCards => s.card_title.clone(),
            PrintKind::Boards => "岗位监督牌".into(),
            PrintKind::Badges => "党员身份标识".into(),
            PrintKind::DeskSigns => "党员桌牌".into(),
            PrintKind::ZoneSigns => s.zone_title.clone(),
            PrintKind::Notice => s.notice_title.clone(),
            PrintKind::Schedule => "服务安排".into(),
            PrintKind::DeputyPasses => "代表委员工作证".into(),
        }
    }
}
