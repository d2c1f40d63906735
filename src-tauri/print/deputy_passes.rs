//! 代表委员工作证: the pass a deputy wears when serving in a community, 86 × 54 mm, ten on an A4
//! sheet with crop marks like members' badges — a red band with the title, the name, the roles
//! (党代表、人大代表、政协委员) and the communities the deputy is paired with.

use super::badges::GRID;
use super::canvas::{Align, Font, Sheet, GREY, RED};
use super::fonts::{FaceKind, PT_TO_MM};
use super::layout::{fit, fit_line, TextBox};
use super::{Art, Overflowed};

const TITLE: &str = "代表委员工作证";
const WHITE: (f32, f32, f32) = (1.0, 1.0, 1.0);

/// A deputy as the pass shows them.
#[derive(Debug, Clone)]
pub struct DeputyPass {
    pub name: String,
    /// 人大代表、政协委员.
    pub roles: String,
    /// The communities paired with now, 、-separated.
    pub communities: String,
}

pub fn draw(sheet: &mut Sheet, (x, y): (f32, f32), pass: &DeputyPass, art: &Art) -> Result<(), Overflowed> {
    let (w, h) = GRID.cell;
    let fail = |field: &'static str, o| Overflowed { who: pass.name.clone(), field, overflow: o };
    sheet.rect((x + 1.5, y + 1.5, w - 3.0, 12.0), 0.0, RED);
    sheet.text(Font::serif(14.0).color(WHITE), x + w / 2.0, y + 3.9, Align::Center, TITLE);
    let size = fit_line(FaceKind::Serif, &pass.name, w - 10.0, 20.0, 10.5).map_err(|o| fail("姓名", o))?;
    sheet.text(Font::serif(size), x + w / 2.0, y + 17.5 + (20.0 - size) * PT_TO_MM / 2.0, Align::Center, &pass.name);
    let roles = fit_line(FaceKind::Sans, &pass.roles, w - 10.0, 9.5, 6.0).map_err(|o| fail("身份", o))?;
    sheet.text(Font::sans(roles).color(RED), x + w / 2.0, y + 29.5, Align::Center, &pass.roles);
    let text = format!("联系社区：{}", pass.communities);
    let b = TextBox { width: w - 10.0, height: 8.6, max: 8.0, min: 5.5, spacing: 1.2 };
    let fitted = fit(FaceKind::Sans, &text, &b, None).map_err(|o| fail("联系社区", o))?;
    let widest = fitted.lines.iter().map(|l| l.width).fold(0.0, f32::max);
    sheet.paragraph(FaceKind::Sans, &fitted, x + w / 2.0 - widest / 2.0, y + 36.0, GREY);
    sheet.line(x + 6.0, y + h - 6.5, x + w - 6.0, y + h - 6.5, 0.6, RED);
    if !art.settings.issuer.is_empty() {
        sheet.text(Font::sans(6.5).color(GREY), x + w / 2.0, y + h - 5.2, Align::Center, &art.settings.issuer);
    }
    Ok(())
}
