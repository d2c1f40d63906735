//! 承诺卡: one member's pledge for a year on an A6 card (four per A4) or an A5 card (two per
//! landscape A4): title, community and branch, name, category, post, numbered items with their
//! deadlines, the signature line and date, 监督电话, the issuing organization and a serial number.
//! A member without a pledge gets ruled lines to write it by hand.

use super::canvas::{Align, Font, Sheet, BLACK, GREY, RED};
use super::data::Person;
use super::fonts::FaceKind;
use super::imposition::{Grid, A4};
use super::layout::{fit, fit_list, TextBox};
use super::settings::PrintSettings;
use super::Overflowed;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CardSize {
    A6,
    A5,
}

pub fn grid(size: CardSize) -> Grid {
    match size {
        CardSize::A6 => Grid { sheet: A4, cell: (105.0, 148.0), cols: 2, rows: 2, gap: (0.0, 1.0) },
        CardSize::A5 => Grid { sheet: (A4.1, A4.0), cell: (148.0, 210.0), cols: 2, rows: 1, gap: (1.0, 0.0) },
    }
}

fn deadline_text(d: Option<chrono::NaiveDate>) -> String {
    d.map(|d| format!("（完成时限：{}）", d.format("%Y年%-m月%-d日"))).unwrap_or_default()
}

/// Draws one card with its top-left at (x, y). `s` scales the A6 design to the card size.
#[allow(clippy::too_many_arguments)]
pub fn draw(
    sheet: &mut Sheet,
    (x, y): (f32, f32),
    (w, h): (f32, f32),
    person: &Person,
    settings: &PrintSettings,
    year: i32,
    serial: &str,
) -> Result<(), Overflowed> {
    let s = w / 105.0;
    let inset = 4.0 * s;
    let left = x + inset + 3.0 * s;
    let width = w - 2.0 * (inset + 3.0 * s);
    let fail =
        |field: &'static str, o: super::layout::Overflow| Overflowed { who: person.name.clone(), field, overflow: o };
    sheet.rect((x + inset, y + inset, w - 2.0 * inset, h - 2.0 * inset), 1.2, RED);
    let i2 = inset + 1.2 * s;
    sheet.rect((x + i2, y + i2, w - 2.0 * i2, h - 2.0 * i2), 0.4, RED);

    let title = format!("{year}年度{}", settings.card_title);
    sheet.text(Font::serif(17.0 * s).color(RED), x + w / 2.0, y + 10.5 * s, Align::Center, &title);
    let org = match &person.branch {
        Some(b) => format!("{}　{b}", person.community),
        None => person.community.clone(),
    };
    let one_line =
        |max: f32| TextBox { width, height: max * 1.25 * super::fonts::PT_TO_MM, max, min: 6.0, spacing: 1.25 };
    let org_fit = fit(FaceKind::Sans, &org, &one_line(8.5 * s), None).map_err(|o| fail("所属组织", o))?;
    let org_top = y + 19.5 * s;
    let org_x = x + w / 2.0 - org_fit.lines[0].width / 2.0;
    sheet.paragraph(FaceKind::Sans, &org_fit, org_x, org_top, GREY);
    sheet.line(left, y + 25.5 * s, left + width, y + 25.5 * s, 0.6, RED);

    let size = 10.0 * s;
    let row1 = y + 28.5 * s;
    sheet.text(Font::sans(size), left, row1, Align::Left, &format!("姓名：{}", person.name));
    let category = format!("类别：{}", short_category(person));
    sheet.text(Font::sans(size), left + width * 0.45, row1, Align::Left, &category);
    let post = person.post.as_ref().map_or("—".to_owned(), |(name, _, _)| name.clone());
    let post_fit = fit(FaceKind::Sans, &format!("岗位：{post}"), &one_line(size), None).map_err(|o| fail("岗位", o))?;
    sheet.paragraph(FaceKind::Sans, &post_fit, left, y + 35.0 * s, BLACK);

    sheet.text(Font::serif(10.5 * s).color(RED), left, y + 43.0 * s, Align::Left, "承诺事项");
    let items_top = y + 49.5 * s;
    let items_bottom = y + h - 37.0 * s;
    if person.promises.is_empty() {
        // Ruled lines for a pledge written by hand.
        let mut line_y = items_top + 8.0 * s;
        let mut n = 1;
        while line_y <= items_bottom {
            sheet.text(Font::sans(9.0 * s).color(GREY), left, line_y - 4.5 * s, Align::Left, &format!("{n}."));
            sheet.line(left + 4.0 * s, line_y, left + width, line_y, 0.3, GREY);
            line_y += 9.0 * s;
            n += 1;
        }
    } else {
        let items: Vec<String> =
            person.promises.iter().map(|p| format!("{}{}", p.content, deadline_text(p.deadline))).collect();
        let b = TextBox { width, height: items_bottom - items_top, max: 10.5 * s, min: 6.0, spacing: 1.45 };
        let fitted = fit_list(FaceKind::Sans, &items, &b).map_err(|o| fail("承诺内容", o))?;
        sheet.paragraph(FaceKind::Sans, &fitted, left, items_top, BLACK);
    }

    let small = Font::sans(9.0 * s);
    let sign = y + h - 33.0 * s;
    let label = sheet.text(small, left, sign, Align::Left, "承诺人签字：");
    sheet.line(left + label, sign + 4.2 * s, left + width * 0.55, sign + 4.2 * s, 0.4, BLACK);
    sheet.text(small, left + width, sign, Align::Right, "　　年　　月　　日");
    let phone = format!("监督电话：{}", settings.phone);
    sheet.text(small, left, y + h - 25.5 * s, Align::Left, &phone);
    let grey = |size: f32| Font::sans(size).color(GREY);
    if !settings.issuer.is_empty() {
        sheet.text(grey(7.5 * s), x + w / 2.0, y + h - 18.0 * s, Align::Center, &settings.issuer);
    }
    sheet.text(grey(7.0 * s), left + width, y + h - 12.5 * s, Align::Right, &format!("No. {serial}"));
    Ok(())
}

fn short_category(p: &Person) -> &'static str {
    use crate::common::catalog::Category::*;
    match p.category {
        InService => "在职党员",
        NoPost => "无职党员",
        Committee => "两委成员",
        StationedFrontline => "驻区单位党员",
        WindowPost => "窗口岗位党员",
        EnterpriseFrontline => "企业一线党员",
    }
}
