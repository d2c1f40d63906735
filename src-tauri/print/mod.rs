//! Printing: pledge cards, supervision boards, identity badges, desk signs, zone signs and
//! notice sheets as exact PDFs — our own small layout layer over printpdf, with the bundled
//! Chinese fonts subset into each file. A job is gathered from the database (`prepare`), then
//! composed sheet by sheet (`compose`), reporting progress and stopping when cancelled.

pub mod canvas;
pub mod data;
pub mod document;
pub mod fonts;
pub mod imposition;
pub mod layout;
pub mod pledge_card;
pub mod settings;

use std::path::Path;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use sqlx::SqlitePool;
use ts_rs::TS;

use crate::error::{Error, Result};
use canvas::Sheet;
use data::{Person, Selection};
use document::Document;
use pledge_card::CardSize;
use settings::PrintSettings;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PrintKind {
    /// 承诺卡
    PledgeCards,
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
}

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

/// What a job prints, gathered and checked, ready to compose.
pub struct Job {
    pub options: PrintOptions,
    pub settings: PrintSettings,
    pub year: i32,
    pub people: Vec<Person>,
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
    let people = match options.kind {
        PrintKind::PledgeCards => data::people(pool, data_dir, &options.selection, year, false).await?,
    };
    if people.is_empty() {
        return Err(Error::validation("selection", "所选范围内没有在册党员，没有可打印的内容"));
    }
    data::check_glyphs(data::person_texts(&people))?;
    Ok(Job { options, settings, year, people })
}

impl Job {
    pub fn items(&self) -> usize {
        self.people.len()
    }

    pub fn sheets(&self) -> usize {
        self.items().div_ceil(self.per_sheet())
    }

    fn per_sheet(&self) -> usize {
        match self.options.kind {
            PrintKind::PledgeCards => pledge_card::grid(self.card_size()).per_sheet(),
        }
    }

    fn card_size(&self) -> CardSize {
        if self.options.paper == Paper::A5 {
            CardSize::A5
        } else {
            CardSize::A6
        }
    }

    /// Composes the PDF, at most `max_sheets` sheets (a preview needs one). `progress` hears
    /// (sheets done, sheets in all) and returns false to cancel.
    pub fn compose(
        &self,
        max_sheets: Option<usize>,
        progress: &mut dyn FnMut(usize, usize) -> bool,
    ) -> Result<(Vec<u8>, PrintSummary)> {
        let total = max_sheets.map_or(self.sheets(), |m| m.min(self.sheets()));
        let per = self.per_sheet();
        let mut sheets: Vec<Sheet> = Vec::with_capacity(total);
        let grid = pledge_card::grid(self.card_size());
        for (n, chunk) in self.people.chunks(per).take(total).enumerate() {
            let mut sheet = Sheet::new(grid.sheet.0, grid.sheet.1);
            for (k, (person, cell)) in chunk.iter().zip(grid.cells()).enumerate() {
                let serial = format!("{}-{:04}", self.year, n * per + k + 1);
                pledge_card::draw(&mut sheet, cell, grid.cell, person, &self.settings, self.year, &serial)?;
            }
            if self.options.crop_marks {
                grid.crop_marks(&mut sheet);
            }
            sheets.push(sheet);
            if !progress(n + 1, total) {
                return Err(Error::Cancelled);
            }
        }
        let items = self.people.len().min(total * per);
        let bytes = Document::new(&self.settings.card_title).into_bytes(sheets);
        let summary = PrintSummary { items, sheets: total, bytes: bytes.len() };
        Ok((bytes, summary))
    }
}
