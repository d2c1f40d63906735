//! 党员责任区 sign for a zone: A4 landscape — title, zone name, community, its scope (lanes,
//! buildings, households) and the members responsible with their phones.

use super::canvas::{Align, Font, Sheet, BLACK, GREY, RED};
use super::data::ZoneSheet;
use super::fonts::FaceKind;
use super::layout::{fit, TextBox};
use super::{Art, Overflowed};
use crate::common::catalog::ZoneItemKind;

pub const SHEET: (f32, f32) = (297.0, 210.0);

pub fn draw(sheet: &mut Sheet, zone: &ZoneSheet, art: &Art) -> Result<(), Overflowed> {
    let (w, h) = (sheet.width, sheet.height);
    let fail = |field: &'static str, o| Overflowed { who: zone.name.clone(), field, overflow: o };
    sheet.rect((8.0, 8.0, w - 16.0, h - 16.0), 3.0, RED);
    sheet.text(Font::serif(48.0).color(RED), w / 2.0, 18.0, Align::Center, &art.settings.zone_title);
    sheet.text(Font::serif(28.0), w / 2.0, 40.0, Align::Center, &zone.name);
    sheet.text(Font::sans(13.0).color(GREY), w / 2.0, 53.0, Align::Center, &zone.community);
    sheet.line(20.0, 61.0, w - 20.0, 61.0, 1.2, RED);

    let mut scope = Vec::new();
    for kind in ZoneItemKind::ALL {
        let names: Vec<&str> = zone.items.iter().filter(|(k, _)| k == kind).map(|(_, n)| n.as_str()).collect();
        if !names.is_empty() {
            scope.push(format!("{}：{}", kind.label(), names.join("、")));
        }
    }
    sheet.text(Font::serif(16.0).color(RED), 24.0, 67.0, Align::Left, "责任范围");
    let b = TextBox { width: w - 48.0, height: 62.0, max: 16.0, min: 9.0, spacing: 1.5 };
    let fitted = fit(FaceKind::Sans, &scope.join("\n"), &b, None).map_err(|o| fail("责任范围", o))?;
    sheet.paragraph(FaceKind::Sans, &fitted, 24.0, 76.0, BLACK);

    sheet.text(Font::serif(16.0).color(RED), 24.0, 142.0, Align::Left, "责任党员");
    let people: Vec<String> = zone
        .members
        .iter()
        .map(|(name, phone)| if phone.is_empty() { name.clone() } else { format!("{name}（{phone}）") })
        .collect();
    let people = if people.is_empty() { "（尚未落实）".to_owned() } else { people.join("　") };
    let b = TextBox { width: w - 48.0, height: 22.0, max: 18.0, min: 9.0, spacing: 1.4 };
    let fitted = fit(FaceKind::Sans, &people, &b, None).map_err(|o| fail("责任党员", o))?;
    sheet.paragraph(FaceKind::Sans, &fitted, 24.0, 151.0, BLACK);

    let foot = format!("欢迎群众监督　监督电话：{}", art.settings.phone);
    sheet.text(Font::sans(12.0), w / 2.0, h - 28.0, Align::Center, &foot);
    if !art.settings.issuer.is_empty() {
        sheet.text(Font::sans(9.0).color(GREY), w / 2.0, h - 19.0, Align::Center, &art.settings.issuer);
    }
    Ok(())
}
