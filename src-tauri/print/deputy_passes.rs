//! 代表委员工作证: the pass a deputy wears when serving in a community, 86 × 54 mm, ten on an A4
//! sheet with crop marks like members' badges — a red band with the title, the photo if one is
//! kept, the name, the roles (党代表、人大代表、政协委员) and the communities the deputy is paired with.

use super::badges::GRID;
use std::path::PathBuf;

use super::canvas::{Align, Font, Sheet, GREY, RED};
use super::document::Image;
use super::fonts::{FaceKind, PT_TO_MM};
use super::layout::{fit, fit_line, TextBox};
use super::{Art, Overflowed};

const TITLE: &str = "代表委员工作证";
const WHITE: (f32, f32, f32) = (1.0, 1.0, 1.0);
/// The most pixels a pass's photo keeps: its 20 × 26 mm box at about 300 dpi.
pub const PHOTO_PX: (u32, u32) = (240, 310);

/// A deputy as the pass shows them.
#[derive(Debug, Clone)]
pub struct DeputyPass {
    pub name: String,
    /// 人大代表、政协委员.
    pub roles: String,
    /// The communities paired with now, 、-separated.
    pub communities: String,
    /// The photo file, when one is kept.
    pub photo: Option<PathBuf>,
}

pub fn draw(
    sheet: &mut Sheet,
    (x, y): (f32, f32),
    pass: &DeputyPass,
    art: &Art,
    photo: Option<&Image>,
) -> Result<(), Overflowed> {
    let (w, h) = GRID.cell;
    let fail = |field: &'static str, o| Overflowed { who: pass.name.clone(), field, overflow: o };
    sheet.rect((x + 1.5, y + 1.5, w - 3.0, 12.0), 0.0, RED);
    sheet.text(Font::serif(14.0).color(WHITE), x + w / 2.0, y + 3.9, Align::Center, TITLE);
    // With a photo at the left, the words are centred in the room beside it.
    let (left, right) = match photo {
        Some(p) => {
            let (pw, ph) = p.fit(20.0, 26.0);
            sheet.image(p.id.clone(), (x + 5.0, y + 16.0 + (26.0 - ph) / 2.0, pw, ph), false);
            (x + 28.0, x + w - 5.0)
        }
        None => (x + 5.0, x + w - 5.0),
    };
    let (mid, room) = ((left + right) / 2.0, right - left);
    let size = fit_line(FaceKind::Serif, &pass.name, room, 20.0, 10.5).map_err(|o| fail("姓名", o))?;
    sheet.text(Font::serif(size), mid, y + 17.5 + (20.0 - size) * PT_TO_MM / 2.0, Align::Center, &pass.name);
    let roles = fit_line(FaceKind::Sans, &pass.roles, room, 9.5, 6.0).map_err(|o| fail("身份", o))?;
    sheet.text(Font::sans(roles).color(RED), mid, y + 29.5, Align::Center, &pass.roles);
    let text = format!("联系社区：{}", pass.communities);
    let b = TextBox { width: room, height: 8.6, max: 8.0, min: 5.5, spacing: 1.2 };
    let fitted = fit(FaceKind::Sans, &text, &b, None).map_err(|o| fail("联系社区", o))?;
    let widest = fitted.lines.iter().map(|l| l.width).fold(0.0, f32::max);
    sheet.paragraph(FaceKind::Sans, &fitted, mid - widest / 2.0, y + 36.0, GREY);
    sheet.line(x + 6.0, y + h - 6.5, x + w - 6.0, y + h - 6.5, 0.6, RED);
    if !art.settings.issuer.is_empty() {
        sheet.text(Font::sans(6.5).color(GREY), x + w / 2.0, y + h - 5.2, Align::Center, &art.settings.issuer);
    }
    Ok(())
}
