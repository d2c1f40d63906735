//! Desk sign (桌牌): an A4 sheet folded across the middle into a tent; the same face is set
//! on both halves, the far one turned 180° so that both read upright once folded.

use super::canvas::{Align, Font, Sheet, GREY, RED};
use super::data::Person;
use super::fonts::face;
use super::Art;

pub const SHEET: (f32, f32) = super::imposition::A4;

/// One face, in a half of the sheet whose top is at `top`; `turned` for the far half.
fn face_half(sheet: &mut Sheet, top: f32, turned: bool, person: &Person, art: &Art) {
    let (w, half) = (sheet.width, sheet.height / 2.0);
    // Local (x, y, height) → the sheet: upright as is, turned mirrored about the half's centre.
    let text = |sheet: &mut Sheet, font: Font, cx: f32, y: f32, s: &str| {
        let h = font.size * super::fonts::PT_TO_MM;
        if turned {
            sheet.text_upside_down(font, w - cx, top + half - y - h, Align::Center, s);
        } else {
            sheet.text(font, cx, top + y, Align::Center, s);
        }
    };
    let mut y = 22.0;
    if let Some(emblem) = &art.emblem {
        let (ew, eh) = emblem.fit(24.0, 24.0);
        let (ix, iy) =
            if turned { (w - (w / 2.0 + ew / 2.0), top + half - y - eh) } else { (w / 2.0 - ew / 2.0, top + y) };
        sheet.image(emblem.id.clone(), (ix, iy, ew, eh), turned);
        y += eh + 6.0;
    } else {
        y += 12.0;
    }
    // The name as large as fits the width, at most 72 pt.
    let name_size = (72.0f32).min((w - 40.0) / face(super::fonts::FaceKind::Serif).width_mm(&person.name, 1.0));
    text(sheet, Font::serif(name_size), w / 2.0, y, &person.name);
    y += name_size * super::fonts::PT_TO_MM + 8.0;
    let post = person.post.as_ref().map_or_else(|| "共产党员".to_owned(), |p| p.0.clone());
    let post_size = (20.0f32).min((w - 30.0) / face(super::fonts::FaceKind::Sans).width_mm(&post, 1.0));
    text(sheet, Font::sans(post_size).color(RED), w / 2.0, y, &post);
    let org = person.branch.clone().unwrap_or_else(|| person.community.clone());
    let org_size = (12.0f32).min((w - 30.0) / face(super::fonts::FaceKind::Sans).width_mm(&org, 1.0));
    text(sheet, Font::sans(org_size).color(GREY), w / 2.0, half - 20.0, &org);
}

pub fn draw(sheet: &mut Sheet, person: &Person, art: &Art) {
    let (w, h) = (sheet.width, sheet.height);
    face_half(sheet, 0.0, true, person, art);
    face_half(sheet, h / 2.0, false, person, art);
    // The fold, and a red rule near each face's foot.
    sheet.dashed(5.0, h / 2.0, w - 5.0, h / 2.0, GREY);
    sheet.line(15.0, h - 12.0, w - 15.0, h - 12.0, 1.5, RED);
    sheet.line(15.0, 12.0, w - 15.0, 12.0, 1.5, RED);
}
