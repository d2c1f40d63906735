//! 党员身份标识 chest badge: 86 × 54 mm, ten on an A4 sheet with crop marks — a red band with
//! the title (and the emblem artwork if supplied), the name, organization and post.

use super::canvas::{Align, Font, Sheet, GREY, RED};
use super::data::Person;
use super::fonts::FaceKind;
use super::fonts::PT_TO_MM;
use super::imposition::{Grid, A4};
use super::layout::{fit, fit_line, TextBox};
use super::{Art, Overflowed};

pub const GRID: Grid = Grid { sheet: A4, cell: (86.0, 54.0), cols: 2, rows: 5, gap: (0.0, 0.0) };
const WHITE: (f32, f32, f32) = (1.0, 1.0, 1.0);

pub fn draw(sheet: &mut Sheet, (x, y): (f32, f32), person: &Person, art: &Art) -> Result<(), Overflowed> {
    let (w, h) = GRID.cell;
    let fail = |field: &'static str, o| Overflowed { who: person.name.clone(), field, overflow: o };
    sheet.rect((x + 1.5, y + 1.5, w - 3.0, 14.0), 0.0, RED);
    let mut title_x = x + w / 2.0;
    if let Some(emblem) = &art.emblem {
        let (ew, eh) = emblem.fit(11.0, 11.0);
        sheet.image(emblem.id.clone(), (x + 5.0, y + 3.0, ew, eh), false);
        title_x += (ew + 2.0) / 2.0;
    }
    sheet.text(Font::serif(15.0).color(WHITE), title_x, y + 4.2, Align::Center, &art.settings.badge_title);
    // The name on one line: 20 pt, smaller for a long transliterated name (买买提·艾力·阿不都热合曼),
    // its middle where a 20 pt name's would be.
    let size = fit_line(FaceKind::Serif, &person.name, w - 10.0, 20.0, 10.5).map_err(|o| fail("姓名", o))?;
    sheet.text(Font::serif(size), x + w / 2.0, y + 20.0 + (20.0 - size) * PT_TO_MM / 2.0, Align::Center, &person.name);
    let mut line = |text: &str, top: f32, field: &'static str| -> Result<(), Overflowed> {
        let b = TextBox { width: w - 10.0, height: 4.2, max: 8.5, min: 5.5, spacing: 1.2 };
        let fitted = fit(FaceKind::Sans, text, &b, None).map_err(|o| fail(field, o))?;
        let left = x + w / 2.0 - fitted.lines[0].width / 2.0;
        sheet.paragraph(FaceKind::Sans, &fitted, left, top, GREY);
        Ok(())
    };
    let org = person.branch.clone().unwrap_or_else(|| person.community.clone());
    line(&org, y + 35.0, "所属组织")?;
    if let Some((post, _, _)) = &person.post {
        line(post, y + 41.0, "岗位")?;
    }
    sheet.line(x + 6.0, y + h - 5.0, x + w - 6.0, y + h - 5.0, 0.6, RED);
    Ok(())
}
