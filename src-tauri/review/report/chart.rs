//! The report's charts as vector drawings (bars and lines, never bitmaps), in black and greys so
//! they read the same from an office laser printer: horizontal bars with each value at the bar's
//! end, and month lines over a value axis with a legend — the second line dashed with open
//! points. Every mark stays inside the text block.

use super::page::{LEFT, RIGHT, SMALL, WIDTH};
use crate::print::canvas::{Align, Font, Sheet, BLACK, GREY};
use crate::print::fonts::{face, FaceKind, PT_TO_MM};

const INK: (f32, f32, f32) = (0.25, 0.25, 0.25);
const LIGHT: (f32, f32, f32) = (0.72, 0.72, 0.72);
/// Labels and values, in pt.
const LABEL: f32 = 9.0;
/// The caption's line under a chart.
const CAPTION: f32 = 9.0;
/// Bars: one per this many mm, this thick.
const BAR_PITCH: f32 = 7.0;
const BAR_HEIGHT: f32 = 4.4;
/// The widest a bar's label may be before it is shortened.
const LABEL_MAX: f32 = 40.0;
/// Lines: the legend's row, the plot's height, the value labels' column, the month labels' row.
const LEGEND: f32 = 7.0;
const PLOT: f32 = 48.0;
const AXIS_LABELS: f32 = 14.0;
const MONTHS: f32 = 7.0;
const POINT: f32 = 1.8;

/// One bar: its label, its value and how the value is written at its end.
#[derive(Debug, Clone)]
pub struct Bar {
    pub label: String,
    pub value: f64,
    pub text: String,
}

/// One line over the categories; `None` leaves a gap (a month with nothing owed).
#[derive(Debug, Clone)]
pub struct Series {
    pub name: String,
    pub values: Vec<Option<f64>>,
}

/// The value axis: its top value and how many steps up to it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scale {
    pub top: f64,
    pub steps: usize,
    pub percent: bool,
}

impl Scale {
    /// 0–100% in four steps.
    pub fn percent() -> Scale {
        Scale { top: 100.0, steps: 4, percent: true }
    }

    /// Four round steps (1, 2 or 5 × 10ⁿ each) reaching at least `max`.
    pub fn counts(max: f64) -> Scale {
        let rough = (max / 4.0).max(1.0);
        let power = 10f64.powf(rough.log10().floor());
        let step = [1.0, 2.0, 5.0, 10.0].into_iter().map(|m| m * power).find(|s| *s >= rough).unwrap_or(10.0 * power);
        Scale { top: step * 4.0, steps: 4, percent: false }
    }

    fn tick_text(&self, k: usize) -> String {
        let v = self.top * k as f64 / self.steps as f64;
        if self.percent {
            format!("{v}%")
        } else {
            format!("{v}")
        }
    }
}

#[derive(Debug, Clone)]
pub enum Chart {
    Bars { caption: String, bars: Vec<Bar> },
    Lines { caption: String, categories: Vec<String>, series: Vec<Series>, scale: Scale },
}

/// `text` as wide as `width` mm at most, shortened with "…" when it is not.
fn shortened(text: &str, size: f32, width: f32) -> String {
    let f = face(FaceKind::Sans);
    if f.width_mm(text, size) <= width {
        return text.to_owned();
    }
    let mut chars: Vec<char> = text.chars().collect();
    while !chars.is_empty() && f.width_mm(&format!("{}…", chars.iter().collect::<String>()), size) > width {
        chars.pop();
    }
    format!("{}…", chars.into_iter().collect::<String>())
}

impl Chart {
    pub fn height(&self) -> f32 {
        match self {
            Chart::Bars { bars, .. } => 2.0 + bars.len() as f32 * BAR_PITCH + 2.0 + CAPTION,
            Chart::Lines { .. } => LEGEND + PLOT + MONTHS + CAPTION,
        }
    }

    /// Draws the chart with its top at `top`; its caption is the last line.
    pub fn draw(&self, sheet: &mut Sheet, top: f32) {
        let caption = match self {
            Chart::Bars { caption, bars } => {
                draw_bars(sheet, top, bars);
                caption
            }
            Chart::Lines { caption, categories, series, scale } => {
                draw_lines(sheet, top, categories, series, *scale);
                caption
            }
        };
        let caption_top = top + self.height() - CAPTION + (CAPTION - SMALL * PT_TO_MM) / 2.0;
        sheet.text(Font::sans(SMALL), LEFT + WIDTH / 2.0, caption_top, Align::Center, caption);
    }
}

fn draw_bars(sheet: &mut Sheet, top: f32, bars: &[Bar]) {
    let f = face(FaceKind::Sans);
    let label_w = bars.iter().map(|b| f.width_mm(&b.label, LABEL)).fold(0.0, f32::max).min(LABEL_MAX);
    let value_w = bars.iter().map(|b| f.width_mm(&b.text, LABEL)).fold(0.0, f32::max) + 2.0;
    let x0 = LEFT + label_w + 2.0;
    let span = RIGHT - value_w - x0;
    let max = bars.iter().map(|b| b.value).fold(0.0, f64::max);
    let text_h = LABEL * PT_TO_MM;
    let first = top + 2.0;
    for (i, bar) in bars.iter().enumerate() {
        let y = first + i as f32 * BAR_PITCH + (BAR_PITCH - BAR_HEIGHT) / 2.0;
        let text_top = y + (BAR_HEIGHT - text_h) / 2.0;
        sheet.text(Font::sans(LABEL), x0 - 2.0, text_top, Align::Right, &shortened(&bar.label, LABEL, label_w));
        let w = if max > 0.0 { (bar.value / max) as f32 * span } else { 0.0 };
        if w > 0.0 {
            sheet.bar((x0, y, w, BAR_HEIGHT), INK);
        }
        sheet.text(Font::sans(LABEL), x0 + w + 1.5, text_top, Align::Left, &bar.text);
    }
    sheet.line(x0, top + 1.0, x0, first + bars.len() as f32 * BAR_PITCH + 1.0, 0.6, BLACK);
}

fn draw_lines(sheet: &mut Sheet, top: f32, categories: &[String], series: &[Series], scale: Scale) {
    let f = face(FaceKind::Sans);
    let text_h = LABEL * PT_TO_MM;
    // The legend, right-aligned above the plot: a sample of each line and its name.
    let mut x = RIGHT;
    for (i, s) in series.iter().enumerate().rev() {
        let w = f.width_mm(&s.name, LABEL);
        sheet.text(Font::sans(LABEL), x, top + (LEGEND - text_h) / 2.0, Align::Right, &s.name);
        let sample_right = x - w - 1.5;
        let y = top + LEGEND / 2.0;
        stroke_series(sheet, i, &[(sample_right - 8.0, y), (sample_right, y)]);
        point(sheet, i, (sample_right - 4.0, y));
        x = sample_right - 8.0 - 5.0;
    }
    let (x0, x1) = (LEFT + AXIS_LABELS, RIGHT - 2.0);
    let (plot_top, plot_bottom) = (top + LEGEND, top + LEGEND + PLOT);
    for k in 0..=scale.steps {
        let y = plot_bottom - PLOT * k as f32 / scale.steps as f32;
        if k == 0 {
            sheet.line(x0, y, x1, y, 0.6, BLACK);
        } else {
            sheet.polyline(&[(x0, y), (x1, y)], 0.4, LIGHT, Some(1.0));
        }
        sheet.text(Font::sans(LABEL).color(GREY), x0 - 1.5, y - text_h / 2.0, Align::Right, &scale.tick_text(k));
    }
    sheet.line(x0, plot_top, x0, plot_bottom, 0.6, BLACK);
    let step = (x1 - x0) / categories.len().max(1) as f32;
    let at = |i: usize| x0 + (i as f32 + 0.5) * step;
    for (i, c) in categories.iter().enumerate() {
        sheet.text(Font::sans(LABEL), at(i), plot_bottom + (MONTHS - text_h) / 2.0, Align::Center, c);
    }
    let y_of = |v: f64| plot_bottom - PLOT * (v / scale.top).clamp(0.0, 1.0) as f32;
    for (n, s) in series.iter().enumerate() {
        // A gap where a value is missing: the line is drawn in runs.
        let mut run: Vec<(f32, f32)> = Vec::new();
        for (i, v) in s.values.iter().enumerate().chain(std::iter::once((usize::MAX, &None))) {
            match v {
                Some(v) => run.push((at(i), y_of(*v))),
                None => {
                    if run.len() > 1 {
                        stroke_series(sheet, n, &run);
                    }
                    for p in run.drain(..) {
                        point(sheet, n, p);
                    }
                }
            }
        }
    }
}

/// The first series solid in dark grey, the others dashed in mid grey.
fn stroke_series(sheet: &mut Sheet, n: usize, points: &[(f32, f32)]) {
    if n == 0 {
        sheet.polyline(points, 1.2, INK, None);
    } else {
        sheet.polyline(points, 1.2, GREY, Some(1.5));
    }
}

fn point(sheet: &mut Sheet, n: usize, p: (f32, f32)) {
    if n == 0 {
        sheet.dot(p, POINT, true, INK);
    } else {
        sheet.dot(p, POINT, false, GREY);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::print::canvas::MarkKind;

    #[test]
    fn count_scales_reach_the_largest_value_in_round_steps() {
        assert_eq!(Scale::counts(0.0).top, 4.0);
        assert_eq!(Scale::counts(3.0).top, 4.0);
        assert_eq!(Scale::counts(17.0).top, 20.0);
        assert_eq!(Scale::counts(37.0).top, 40.0);
        assert_eq!(Scale::counts(41.0).top, 80.0);
        assert_eq!(Scale::counts(190.0).top, 200.0);
        assert_eq!(Scale::percent().tick_text(2), "50%");
    }

    #[test]
    fn long_labels_are_shortened_to_their_column() {
        let long = "江川县人民政府办公室机关第一党支部党员服务队";
        let short = shortened(long, LABEL, 20.0);
        assert!(short.ends_with('…') && face(FaceKind::Sans).width_mm(&short, LABEL) <= 20.0, "{short}");
        assert_eq!(shortened("民政局", LABEL, 20.0), "民政局");
    }

    #[test]
    fn bars_are_as_long_as_their_values_and_stay_inside_the_text_block() {
        let values = [450_000.0, 90_000.0, 36_000.5, 0.0];
        let bars = values
            .iter()
            .enumerate()
            .map(|(i, v)| Bar {
                label: format!("共建单位{i}号机关党支部联合党委"), value: *v, text: format!("{v:.2}")
            })
            .collect();
        let chart = Chart::Bars { caption: "图1　投入资金".into(), bars };
        let mut sheet = Sheet::new(210.0, 297.0);
        chart.draw(&mut sheet, 60.0);
        let drawn: Vec<_> = sheet.marks.iter().filter(|m| m.kind == MarkKind::Bar).collect();
        assert_eq!(drawn.len(), 3, "a zero value draws no bar");
        for (bar, v) in drawn.iter().zip(values) {
            let ratio = bar.w / drawn[0].w;
            assert!((ratio - (v / values[0]) as f32).abs() < 1e-4, "{ratio} for {v}");
            assert!((bar.x - drawn[0].x).abs() < 1e-4, "bars start on one axis");
        }
        for m in &sheet.marks {
            assert!(m.x >= LEFT - 0.01 && m.x + m.w <= RIGHT + 0.01, "{m:?} leaves the block");
            assert!(m.y >= 60.0 - 0.01 && m.y + m.h <= 60.0 + chart.height() + 0.01, "{m:?} leaves the chart");
        }
    }

    #[test]
    fn a_line_breaks_where_a_value_is_missing() {
        let chart = Chart::Lines {
            caption: "图".into(),
            categories: (1..=4).map(|m| format!("{m}月")).collect(),
            series: vec![Series { name: "走访率".into(), values: vec![Some(50.0), Some(100.0), None, Some(25.0)] }],
            scale: Scale::percent(),
        };
        let mut sheet = Sheet::new(210.0, 297.0);
        chart.draw(&mut sheet, 40.0);
        let dots: Vec<_> = sheet.marks.iter().filter(|m| m.kind == MarkKind::Dot).collect();
        // The legend's sample point and the three values.
        assert_eq!(dots.len(), 4);
        let centre = |i: usize| dots[i].y + dots[i].h / 2.0;
        let bottom = 40.0 + LEGEND + PLOT;
        assert!((bottom - centre(1) - PLOT * 0.5).abs() < 0.01);
        assert!((bottom - centre(2) - PLOT).abs() < 0.01);
        assert!((bottom - centre(3) - PLOT * 0.25).abs() < 0.01);
    }
}
