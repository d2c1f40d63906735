//! One sheet of paper in millimetres from its top-left corner, turned into printpdf operations
//! (which count points from the bottom-left). Every mark the print items make goes through
//! here, so the geometry tests can read back where things landed.

use printpdf::{
    Color, Line, LineDashPattern, LinePoint, Mm, Op, PaintMode, PdfFontHandle, PdfPage, Point, Pt, Rect, Rgb, TextItem,
    TextMatrix, TextRenderingMode, WindingOrder, XObjectId, XObjectTransform,
};

use super::fonts::{face, FaceKind, PT_TO_MM};
use super::layout::Fitted;

/// How far below the baseline the ideographs of the bundled Noto CJK faces reach, as a fraction
/// of the size (their em box runs from 0.88 em above the baseline to 0.12 em below).
const IDEOGRAPH_DESCENT: f32 = 0.12;
/// The outline's width of heavy text, as a fraction of its size.
const HEAVY_STROKE: f32 = 0.035;

pub const RED: (f32, f32, f32) = (0.784, 0.086, 0.114);
pub const BLACK: (f32, f32, f32) = (0.0, 0.0, 0.0);
pub const GREY: (f32, f32, f32) = (0.45, 0.45, 0.45);

fn color((r, g, b): (f32, f32, f32)) -> Color {
    Color::Rgb(Rgb { r, g, b, icc_profile: None })
}

fn mm(v: f32) -> Pt {
    Mm(v).into_pt()
}

/// Where something was put, for geometry tests: a box in mm from the top-left.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    pub kind: MarkKind,
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

#[derive(Debug, Clone, PartialEq)]
pub enum MarkKind {
    Text(String),
    Line,
    CropMark,
    Rect,
    Image,
    /// A chart's bar: its box is the bar.
    Bar,
    /// A chart's data point: its box is centred on the point.
    Dot,
}

pub struct Sheet {
    pub width: f32,
    pub height: f32,
    ops: Vec<Op>,
    pub marks: Vec<Mark>,
}

/// A face at a size in a colour.
#[derive(Debug, Clone, Copy)]
pub struct Font {
    pub face: FaceKind,
    pub size: f32,
    pub rgb: (f32, f32, f32),
    /// Set heavier by outlining the glyphs as well as filling them (the report's 黑体 headings:
    /// the bundled sans face has one weight).
    pub heavy: bool,
}

impl Font {
    pub fn sans(size: f32) -> Font {
        Font { face: FaceKind::Sans, size, rgb: BLACK, heavy: false }
    }

    pub fn serif(size: f32) -> Font {
        Font { face: FaceKind::Serif, size, rgb: BLACK, heavy: false }
    }

    pub fn color(self, rgb: (f32, f32, f32)) -> Font {
        Font { rgb, ..self }
    }

    pub fn heavy(self) -> Font {
        Font { heavy: true, ..self }
    }
}

/// How text is anchored horizontally at `x`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Align {
    Left,
    Center,
    Right,
}

impl Sheet {
    pub fn new(width: f32, height: f32) -> Sheet {
        Sheet { width, height, ops: Vec::new(), marks: Vec::new() }
    }

    fn point(&self, x: f32, y: f32) -> Point {
        Point { x: mm(x), y: mm(self.height - y) }
    }

    /// One line of text with its top at `top` (mm); returns its width in mm.
    pub fn text(&mut self, font: Font, x: f32, top: f32, align: Align, text: &str) -> f32 {
        self.place_text(font, x, top, align, text, false)
    }

    /// Text turned 180° within the same box (the far face of a folded desk sign).
    pub fn text_upside_down(&mut self, font: Font, x: f32, top: f32, align: Align, text: &str) -> f32 {
        self.place_text(font, x, top, align, text, true)
    }

    fn place_text(&mut self, font: Font, x: f32, top: f32, align: Align, text: &str, upside_down: bool) -> f32 {
        let f = face(font.face);
        let width = f.width_mm(text, font.size);
        let left = match align {
            Align::Left => x,
            Align::Center => x - width / 2.0,
            Align::Right => x - width,
        };
        let height = font.size * PT_TO_MM;
        // Upright, the baseline is `ascent` below the box top; turned, the glyphs hang from a
        // baseline `ascent` above the box bottom, starting at the box's right edge. The mark is
        // where the ink lands: the ideographs' em box around that baseline (as a reader of the
        // PDF finds it), which sits lower than `top` by the font's ascent beyond the em box.
        let ink_top = if upside_down {
            top + height - f.ascent * height - IDEOGRAPH_DESCENT * height
        } else {
            top + f.ascent * height - (1.0 - IDEOGRAPH_DESCENT) * height
        };
        self.marks.push(Mark { kind: MarkKind::Text(text.to_owned()), x: left, y: ink_top, w: width, h: height });
        let matrix = if upside_down {
            let p = self.point(left + width, top + height - f.ascent * height);
            // A half turn as the exact matrix (−1, 0, 0, −1): a rotation by angle would go through
            // sine and cosine, whose last digits differ between Windows' and Linux's libraries.
            TextMatrix::Raw([-1.0, 0.0, 0.0, -1.0, p.x.0, p.y.0])
        } else {
            let p = self.point(left, top + f.ascent * height);
            TextMatrix::Translate(p.x, p.y)
        };
        if font.heavy {
            self.ops.extend([
                Op::SaveGraphicsState,
                Op::SetTextRenderingMode { mode: TextRenderingMode::FillStroke },
                Op::SetOutlineColor { col: color(font.rgb) },
                Op::SetOutlineThickness { pt: Pt(font.size * HEAVY_STROKE) },
            ]);
        }
        self.ops.extend([
            Op::StartTextSection,
            Op::SetFillColor { col: color(font.rgb) },
            Op::SetFont { font: PdfFontHandle::External(f.id()), size: Pt(font.size) },
            Op::SetTextMatrix { matrix },
            Op::ShowText { items: vec![TextItem::Text(text.to_owned())] },
            Op::EndTextSection,
        ]);
        if font.heavy {
            self.ops.push(Op::RestoreGraphicsState);
        }
        width
    }

    /// Fitted text with its first line's top at `top`.
    pub fn paragraph(&mut self, face: FaceKind, fitted: &Fitted, x: f32, top: f32, rgb: (f32, f32, f32)) {
        let height = fitted.size * PT_TO_MM;
        let font = Font { face, size: fitted.size, rgb, heavy: false };
        for (i, line) in fitted.lines.iter().enumerate() {
            // Centre the glyph height inside each line's leading.
            let line_top = top + i as f32 * fitted.leading + (fitted.leading - height) / 2.0;
            self.text(font, x + line.indent, line_top, Align::Left, &line.text);
        }
    }

    fn stroke(&mut self, points: &[(f32, f32)], thickness: f32, rgb: (f32, f32, f32), dash: Option<f32>) {
        let line = Line {
            points: points.iter().map(|(x, y)| LinePoint { p: self.point(*x, *y), bezier: false }).collect(),
            is_closed: false,
        };
        self.ops.extend([
            Op::SaveGraphicsState,
            Op::SetOutlineColor { col: color(rgb) },
            Op::SetOutlineThickness { pt: Pt(thickness) },
        ]);
        if let Some(d) = dash {
            self.ops.push(Op::SetLineDashPattern { dash: LineDashPattern::new(0.0, &[d, d]) });
        }
        self.ops.extend([Op::DrawLine { line }, Op::RestoreGraphicsState]);
    }

    /// The mark of a straight stroke from (x1, y1) to (x2, y2): its bounding box.
    fn segment(&mut self, kind: MarkKind, (x1, y1): (f32, f32), (x2, y2): (f32, f32)) {
        self.marks.push(Mark { kind, x: x1.min(x2), y: y1.min(y2), w: (x2 - x1).abs(), h: (y2 - y1).abs() });
    }

    pub fn line(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, thickness: f32, rgb: (f32, f32, f32)) {
        self.segment(MarkKind::Line, (x1, y1), (x2, y2));
        self.stroke(&[(x1, y1), (x2, y2)], thickness, rgb, None);
    }

    pub fn dashed(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, rgb: (f32, f32, f32)) {
        self.segment(MarkKind::Line, (x1, y1), (x2, y2));
        self.stroke(&[(x1, y1), (x2, y2)], 0.5, rgb, Some(2.0));
    }

    /// A line through several points (mm), solid or dashed with `dash` mm on and off.
    pub fn polyline(&mut self, points: &[(f32, f32)], thickness: f32, rgb: (f32, f32, f32), dash: Option<f32>) {
        for pair in points.windows(2) {
            self.segment(MarkKind::Line, pair[0], pair[1]);
        }
        // The dash is given in mm like everything else; the PDF counts it in points.
        self.stroke(points, thickness, rgb, dash.map(|d| mm(d).0));
    }

    /// A chart's bar, filled.
    pub fn bar(&mut self, (x, y, w, h): (f32, f32, f32, f32), rgb: (f32, f32, f32)) {
        self.rect((x, y, w, h), 0.0, rgb);
        if let Some(m) = self.marks.last_mut() {
            m.kind = MarkKind::Bar;
        }
    }

    /// A chart's data point: a square of `size` mm centred on (x, y), filled or outlined.
    pub fn dot(&mut self, (x, y): (f32, f32), size: f32, filled: bool, rgb: (f32, f32, f32)) {
        self.rect((x - size / 2.0, y - size / 2.0, size, size), if filled { 0.0 } else { 0.6 }, rgb);
        if let Some(m) = self.marks.last_mut() {
            m.kind = MarkKind::Dot;
        }
    }

    /// A hairline crop mark on a cut line.
    pub fn crop_mark(&mut self, x1: f32, y1: f32, x2: f32, y2: f32) {
        self.segment(MarkKind::CropMark, (x1, y1), (x2, y2));
        self.stroke(&[(x1, y1), (x2, y2)], 0.25, BLACK, None);
    }

    /// A rectangle (x, y, width, height), outlined with `thickness` pt or, when 0, filled.
    pub fn rect(&mut self, (x, y, w, h): (f32, f32, f32, f32), thickness: f32, rgb: (f32, f32, f32)) {
        let filled = thickness == 0.0;
        self.marks.push(Mark { kind: MarkKind::Rect, x, y, w, h });
        self.ops.extend([
            Op::SaveGraphicsState,
            Op::SetOutlineColor { col: color(rgb) },
            Op::SetFillColor { col: color(rgb) },
            Op::SetOutlineThickness { pt: Pt(thickness) },
            Op::DrawRectangle {
                rectangle: Rect {
                    x: mm(x),
                    y: mm(self.height - y - h),
                    width: mm(w),
                    height: mm(h),
                    mode: Some(if filled { PaintMode::Fill } else { PaintMode::Stroke }),
                    winding_order: Some(WindingOrder::NonZero),
                },
            },
            Op::RestoreGraphicsState,
        ]);
    }

    /// An image scaled into the box (x, y, width, height) — the caller keeps its aspect ratio —
    /// optionally turned 180° for the far face of a desk sign.
    ///
    /// The image's matrix is given whole (its unit square scaled straight to the box in points,
    /// no pixel-size scale for printpdf to multiply in): printpdf combines matrices with
    /// `mul_add`, whose last digit differs between Windows' and Linux's maths libraries, and
    /// products with 0 and 1 are the only ones exact everywhere — so both write the same bytes.
    pub fn image(&mut self, id: XObjectId, (x, y, w, h): (f32, f32, f32, f32), upside_down: bool) {
        self.marks.push(Mark { kind: MarkKind::Image, x, y, w, h });
        // Turned, it is mirrored in both axes about its own corner (a half turn as exact
        // negative scales, not a rotation through sine and cosine) and placed from the box's
        // opposite corner (top right on the page): it lands in the same box, upside down.
        let (corner_x, corner_y) = if upside_down { (x + w, self.height - y) } else { (x, self.height - y - h) };
        let turn = if upside_down { -1.0 } else { 1.0 };
        self.ops.push(Op::UseXobject {
            id,
            transform: XObjectTransform {
                translate_x: Some(mm(corner_x)),
                translate_y: Some(mm(corner_y)),
                scale_x: Some(turn * mm(w).0),
                scale_y: Some(turn * mm(h).0),
                no_auto_scale: true,
                ..Default::default()
            },
        });
    }

    pub fn into_page(self) -> PdfPage {
        PdfPage::new(Mm(self.width), Mm(self.height), self.ops)
    }
}
