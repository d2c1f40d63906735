//! 岗位监督牌: one member per A4 or A3 portrait sheet — 党员先锋岗 / 党员示范岗 title, the
//! emblem artwork if supplied, photo if the member has one, name, post and duties, pledges,
//! 监督电话 and 欢迎群众监督.

use super::canvas::{Align, Font, Sheet, GREY, RED};
use super::data::Person;
use super::document::Image;
use super::fonts::FaceKind;
use super::layout::{fit, fit_line, fit_list, TextBox};
use super::{Art, Overflowed};
use crate::common::catalog::PostKind;

/// The most pixels a board's photo keeps: its 40 × 52 mm box at 190 dpi on A4 (135 dpi on A3) —
/// sharp on an office printer, and 500 boards of phone pictures print within 500 MB.
pub const PHOTO_PX: (u32, u32) = (300, 390);

pub fn draw(sheet: &mut Sheet, person: &Person, art: &Art, photo: Option<&Image>) -> Result<(), Overflowed> {
    let (w, h) = (sheet.width, sheet.height);
    let s = w / 210.0;
    let fail = |field: &'static str, o| Overflowed { who: person.name.clone(), field, overflow: o };
    sheet.rect((8.0 * s, 8.0 * s, w - 16.0 * s, h - 16.0 * s), 3.0 * s, RED);
    sheet.rect((11.0 * s, 11.0 * s, w - 22.0 * s, h - 22.0 * s), 0.8 * s, RED);
    let mut top = 20.0 * s;
    if let Some(emblem) = &art.emblem {
        let (ew, eh) = emblem.fit(30.0 * s, 30.0 * s);
        sheet.image(emblem.id.clone(), (w / 2.0 - ew / 2.0, top, ew, eh), false);
        top += eh + 4.0 * s;
    }
    let title = match person.post.as_ref().map(|p| p.1) {
        Some(PostKind::Model) => &art.settings.model_title,
        _ => &art.settings.vanguard_title,
    };
    sheet.text(Font::serif(44.0 * s).color(RED), w / 2.0, top, Align::Center, title);
    top += 24.0 * s;
    sheet.line(20.0 * s, top, w - 20.0 * s, top, 1.5 * s, RED);
    top += 8.0 * s;

    let left = 24.0 * s;
    let right = w - 24.0 * s;
    let mut text_left = left;
    if let Some(p) = photo {
        let (pw, ph) = p.fit(40.0 * s, 52.0 * s);
        sheet.image(p.id.clone(), (left, top, pw, ph), false);
        text_left = left + pw + 8.0 * s;
    }
    // One line, 30 pt (scaled to the paper), smaller for a long name.
    let name_size =
        fit_line(FaceKind::Serif, &person.name, right - text_left, 30.0 * s, 15.0 * s).map_err(|o| fail("姓名", o))?;
    sheet.text(Font::serif(name_size), text_left, top, Align::Left, &person.name);
    let org = match &person.branch {
        Some(b) => format!("{}　{b}", person.community),
        None => person.community.clone(),
    };
    let line = |max: f32| TextBox {
        width: right - text_left,
        height: max * 1.3 * super::fonts::PT_TO_MM,
        max,
        min: 8.0,
        spacing: 1.3,
    };
    let fitted = fit(FaceKind::Sans, &org, &line(13.0 * s), None).map_err(|o| fail("所属组织", o))?;
    sheet.paragraph(FaceKind::Sans, &fitted, text_left, top + 15.0 * s, GREY);
    let post = person.post.as_ref().map_or("—".to_owned(), |p| p.0.clone());
    let fitted = fit(FaceKind::Sans, &format!("岗位：{post}"), &line(15.0 * s), None).map_err(|o| fail("岗位", o))?;
    sheet.paragraph(FaceKind::Sans, &fitted, text_left, top + 25.0 * s, super::canvas::BLACK);
    top += if photo.is_some() { 60.0 * s } else { 38.0 * s };

    let bottom = h - 48.0 * s;
    let duties = person.post.as_ref().map(|p| p.2.clone()).unwrap_or_default();
    let (duty_h, promise_h) =
        if duties.is_empty() { (0.0, bottom - top) } else { ((bottom - top) * 0.4, (bottom - top) * 0.6) };
    if !duties.is_empty() {
        sheet.text(Font::serif(16.0 * s).color(RED), left, top, Align::Left, "岗位职责");
        let b = TextBox { width: right - left, height: duty_h - 12.0 * s, max: 14.0 * s, min: 8.0, spacing: 1.5 };
        let fitted = fit(FaceKind::Sans, &duties, &b, None).map_err(|o| fail("岗位职责", o))?;
        sheet.paragraph(FaceKind::Sans, &fitted, left, top + 9.0 * s, super::canvas::BLACK);
        top += duty_h;
    }
    sheet.text(Font::serif(16.0 * s).color(RED), left, top, Align::Left, "承诺事项");
    let items: Vec<String> = person.promises.iter().map(super::promise_text).collect();
    if items.is_empty() {
        sheet.text(Font::sans(12.0 * s).color(GREY), left, top + 9.0 * s, Align::Left, "（尚未公示承诺）");
    } else {
        let b = TextBox { width: right - left, height: promise_h - 12.0 * s, max: 14.0 * s, min: 8.0, spacing: 1.5 };
        let fitted = fit_list(FaceKind::Sans, &items, &b).map_err(|o| fail("承诺内容", o))?;
        sheet.paragraph(FaceKind::Sans, &fitted, left, top + 9.0 * s, super::canvas::BLACK);
    }

    sheet.line(20.0 * s, h - 44.0 * s, w - 20.0 * s, h - 44.0 * s, 0.8 * s, RED);
    sheet.text(Font::serif(22.0 * s).color(RED), w / 2.0, h - 39.0 * s, Align::Center, "欢迎群众监督");
    let phone = format!("监督电话：{}", art.settings.phone);
    sheet.text(Font::sans(14.0 * s), w / 2.0, h - 27.0 * s, Align::Center, &phone);
    if !art.settings.issuer.is_empty() {
        sheet.text(Font::sans(9.0 * s).color(GREY), w / 2.0, h - 19.0 * s, Align::Center, &art.settings.issuer);
    }
    Ok(())
}
