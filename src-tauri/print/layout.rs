//! Our text layout: measuring with the font's advance widths, wrapping with Chinese
//! line-breaking rules (no line starts with closing punctuation, none ends with an opening
//! one), hanging indents for numbered items, and shrinking text to fit its box down to a
//! minimum size — reporting, never clipping, what still does not fit.

use super::fonts::{face, FaceKind, PT_TO_MM};

/// Characters that may not begin a line.
const NO_START: &str = "，。、；：？！）」』”’》〉】〕…—·,.;:?!)]}%～";
/// Characters that may not end a line.
const NO_END: &str = "（「『“‘《〈【〔([{";

#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub text: String,
    /// Offset from the box's left edge, in mm (the hanging indent of continuation lines).
    pub indent: f32,
    pub width: f32,
}

/// Text set in a box: the size chosen and its lines.
#[derive(Debug, Clone, PartialEq)]
pub struct Fitted {
    pub size: f32,
    /// Baseline-to-baseline distance, in mm.
    pub leading: f32,
    pub lines: Vec<Line>,
}

impl Fitted {
    pub fn height(&self) -> f32 {
        self.leading * self.lines.len() as f32
    }
}

/// Text that does not fit its box even at the minimum size.
#[derive(Debug, Clone, PartialEq)]
pub struct Overflow {
    pub text: String,
    pub lines_needed: usize,
    pub lines_available: usize,
}

/// Units that are never split: a run of Latin letters and digits (with the points, commas,
/// slashes and per cent signs inside or after it: "82.1%", "1,326", "0/157"), or one other character.
fn units(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut word = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() || (!word.is_empty() && matches!(c, '.' | ',' | '%' | '/')) {
            word.push(c);
            continue;
        }
        if !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
        out.push(c.to_string());
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

fn starts_forbidden(unit: &str) -> bool {
    unit.chars().next().is_some_and(|c| NO_START.contains(c))
}

fn ends_forbidden(unit: &str) -> bool {
    unit.chars().last().is_some_and(|c| NO_END.contains(c))
}

/// Wraps `text` into lines no wider than `width` mm. When `hanging` is set, the text begins
/// with that prefix (e.g. "1. ") and continuation lines are indented by its width.
pub fn wrap(kind: FaceKind, text: &str, size: f32, width: f32, hanging: Option<&str>) -> Vec<Line> {
    let f = face(kind);
    let indent = hanging.map_or(0.0, |p| f.width_mm(p, size));
    let mut lines: Vec<Vec<String>> = Vec::new();
    let mut current: Vec<String> = Vec::new();
    let mut used = 0.0;
    for paragraph in text.split('\n') {
        for unit in units(paragraph) {
            let w = f.width_mm(&unit, size);
            let room = if lines.is_empty() { width } else { width - indent };
            if used + w > room + 0.01 && !current.is_empty() {
                // Kinsoku: pull the previous unit down with a forbidden line start, and never
                // leave an opening bracket at a line end.
                // A run of them (“）：”) all stays with the character before it.
                let mut carry: Vec<String> = Vec::new();
                let mut next = unit.as_str();
                while starts_forbidden(next) && current.len() > 1 {
                    carry.insert(0, current.pop().unwrap_or_default());
                    next = carry.first().map_or("", String::as_str);
                }
                while current.len() > 1 && current.last().is_some_and(|u| ends_forbidden(u)) {
                    carry.insert(0, current.pop().unwrap_or_default());
                }
                lines.push(std::mem::take(&mut current));
                used = carry.iter().map(|u| f.width_mm(u, size)).sum();
                current = carry;
            }
            used += w;
            current.push(unit);
        }
        lines.push(std::mem::take(&mut current));
        used = 0.0;
    }
    lines
        .into_iter()
        .enumerate()
        .map(|(i, units)| {
            let text: String = units.concat();
            let text = if i == 0 { text } else { text.trim_start().to_owned() };
            Line { width: f.width_mm(&text, size), indent: if i == 0 { 0.0 } else { indent }, text }
        })
        .collect()
}

/// A box for text: its size in mm, the largest and smallest type size in pt, and the line
/// spacing as a multiple of the type size.
#[derive(Debug, Clone, Copy)]
pub struct TextBox {
    pub width: f32,
    pub height: f32,
    pub max: f32,
    pub min: f32,
    pub spacing: f32,
}

/// The largest size from `max` down to `min` (half-point steps) at which `text` fits `width` mm
/// on one line (a name on a badge or a board); an overflow when it does not fit even at `min`.
pub fn fit_line(kind: FaceKind, text: &str, width: f32, max: f32, min: f32) -> Result<f32, Overflow> {
    let em = face(kind).width_mm(text, 1.0);
    let mut size = max;
    while size >= min - 0.001 {
        if em * size <= width + 0.01 {
            return Ok(size);
        }
        size -= 0.5;
    }
    Err(Overflow { text: text.to_owned(), lines_needed: 2, lines_available: 1 })
}

/// Sets `text` in a box at the largest size from `max` down to `min` (half-point steps) at
/// which every line fits.
pub fn fit(kind: FaceKind, text: &str, b: &TextBox, hanging: Option<&str>) -> Result<Fitted, Overflow> {
    shrink(b, || text.to_owned(), |size| wrap(kind, text, size, b.width, hanging))
}

/// Numbered items set together in one box, each "N. " with continuation lines hanging
/// under its text, at the largest size that fits them all.
pub fn fit_list(kind: FaceKind, items: &[String], b: &TextBox) -> Result<Fitted, Overflow> {
    shrink(
        b,
        || items.join("\n"),
        |size| {
            let mut lines = Vec::new();
            for (i, item) in items.iter().enumerate() {
                let prefix = format!("{}. ", i + 1);
                lines.extend(wrap(kind, &format!("{prefix}{item}"), size, b.width, Some(&prefix)));
            }
            lines
        },
    )
}

fn shrink(b: &TextBox, text: impl Fn() -> String, lines_at: impl Fn(f32) -> Vec<Line>) -> Result<Fitted, Overflow> {
    let mut size = b.max;
    loop {
        let lines = lines_at(size);
        let leading = size * b.spacing * PT_TO_MM;
        let fits_wide = lines.iter().all(|l| l.indent + l.width <= b.width + 0.01);
        if fits_wide && leading * lines.len() as f32 <= b.height + 0.01 {
            return Ok(Fitted { size, leading, lines });
        }
        if size - 0.5 < b.min - 0.001 {
            return Err(Overflow {
                text: text(),
                lines_needed: lines.len(),
                lines_available: (b.height / leading).floor() as usize,
            });
        }
        size -= 0.5;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_stay_inside_their_width_and_obey_the_line_breaking_rules() {
        let text = "每月走访辖区独居老人不少于2次，帮助解决实际困难，做到小事不出巷、大事不出社区（含节假日）。联系领导（县长）：王";
        for width in [20.0, 31.0, 37.5, 44.0, 60.0, 45.0, 46.0, 47.0, 48.0, 49.0, 50.0, 51.0] {
            let lines = wrap(FaceKind::Sans, text, 10.0, width, None);
            assert_eq!(lines.iter().map(|l| l.text.as_str()).collect::<String>(), text, "nothing lost");
            for (i, l) in lines.iter().enumerate() {
                assert!(l.width <= width + 0.01, "line {i} {:?} is {} mm in {width}", l.text, l.width);
                if i > 0 {
                    assert!(!starts_forbidden(&l.text[..l.text.chars().next().unwrap().len_utf8()]), "{:?}", l.text);
                }
                assert!(i + 1 == lines.len() || !ends_forbidden(&l.text), "{:?}", l.text);
            }
        }
    }

    #[test]
    fn numbered_items_hang_and_latin_words_stay_whole() {
        let lines = wrap(
            FaceKind::Sans,
            "1. 组织老年文艺队排练，年内演出不少于3场，参加County Festival",
            9.0,
            30.0,
            Some("1. "),
        );
        assert!(lines.len() > 2);
        let indent = face(FaceKind::Sans).width_mm("1. ", 9.0);
        assert_eq!(lines[0].indent, 0.0);
        assert!(lines[1..].iter().all(|l| (l.indent - indent).abs() < 0.001));
        assert!(lines.iter().any(|l| l.text.contains("County")) && lines.iter().any(|l| l.text.contains("Festival")));
        // Figures stay whole: a rate in a narrow table cell moves down entire.
        let lines = wrap(FaceKind::Sans, "82.1%", 10.5, 8.0, None);
        assert_eq!(lines.iter().map(|l| l.text.as_str()).collect::<Vec<_>>(), ["82.1%"]);
    }

    #[test]
    fn long_text_shrinks_to_fit_and_reports_when_it_cannot() {
        let text = "为辖区12户独居老人各安装1个烟感报警器，并教会使用。".repeat(3);
        let b = TextBox { width: 80.0, height: 20.0, max: 12.0, min: 7.0, spacing: 1.3 };
        let fitted = fit(FaceKind::Sans, &text, &b, None).unwrap();
        assert!(fitted.size < 12.0 && fitted.size >= 7.0);
        assert!(fitted.height() <= 20.0 + 0.01);
        let err = fit(FaceKind::Sans, &text.repeat(4), &b, None).unwrap_err();
        assert!(err.lines_needed > err.lines_available);
    }
}
