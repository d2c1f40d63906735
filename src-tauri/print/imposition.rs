//! Several items on one sheet: a grid of equal cells and the crop marks that show where to
//! cut. Marks lie on the cut lines, in the sheet margin outside the grid, or — when the grid
//! fills the sheet — a little inside the edge, in the blank band every item keeps at its border.

use super::canvas::Sheet;

pub const A4: (f32, f32) = (210.0, 297.0);
pub const A3: (f32, f32) = (297.0, 420.0);

/// Where printers can print: nothing closer than this to the sheet edge.
pub const PRINTABLE_INSET: f32 = 3.0;
const MARK: f32 = 4.0;

#[derive(Debug, Clone, Copy)]
pub struct Grid {
    pub sheet: (f32, f32),
    pub cell: (f32, f32),
    pub cols: usize,
    pub rows: usize,
    /// Space between neighbouring cells (x, y).
    pub gap: (f32, f32),
}

impl Grid {
    pub fn per_sheet(&self) -> usize {
        self.cols * self.rows
    }

    /// Top-left of the whole grid, centred on the sheet.
    fn origin(&self) -> (f32, f32) {
        let w = self.cols as f32 * self.cell.0 + (self.cols as f32 - 1.0) * self.gap.0;
        let h = self.rows as f32 * self.cell.1 + (self.rows as f32 - 1.0) * self.gap.1;
        ((self.sheet.0 - w) / 2.0, (self.sheet.1 - h) / 2.0)
    }

    /// Top-left corners of the cells, row by row.
    pub fn cells(&self) -> Vec<(f32, f32)> {
        let (ox, oy) = self.origin();
        (0..self.rows)
            .flat_map(|r| {
                (0..self.cols).map(move |c| {
                    (ox + c as f32 * (self.cell.0 + self.gap.0), oy + r as f32 * (self.cell.1 + self.gap.1))
                })
            })
            .collect()
    }

    /// The cut lines: every cell edge that is not the sheet's own edge.
    pub fn cuts(&self) -> (Vec<f32>, Vec<f32>) {
        let mut xs: Vec<f32> = Vec::new();
        let mut ys: Vec<f32> = Vec::new();
        for (x, y) in self.cells() {
            for v in [x, x + self.cell.0] {
                if v > 0.01 && v < self.sheet.0 - 0.01 && !xs.iter().any(|e| (e - v).abs() < 0.01) {
                    xs.push(v);
                }
            }
            for v in [y, y + self.cell.1] {
                if v > 0.01 && v < self.sheet.1 - 0.01 && !ys.iter().any(|e| (e - v).abs() < 0.01) {
                    ys.push(v);
                }
            }
        }
        (xs, ys)
    }

    pub fn crop_marks(&self, sheet: &mut Sheet) {
        let (ox, oy) = self.origin();
        let (xs, ys) = self.cuts();
        // Outside the grid when the margin has room, otherwise just inside the printable edge.
        let band = |margin: f32| {
            if margin >= PRINTABLE_INSET + MARK + 1.0 {
                (margin - 1.0 - MARK, margin - 1.0)
            } else {
                (PRINTABLE_INSET, PRINTABLE_INSET + MARK)
            }
        };
        let (top_a, top_b) = band(oy);
        let (left_a, left_b) = band(ox);
        let (w, h) = self.sheet;
        for x in &xs {
            sheet.crop_mark(*x, top_a, *x, top_b);
            sheet.crop_mark(*x, h - top_b, *x, h - top_a);
        }
        for y in &ys {
            sheet.crop_mark(left_a, *y, left_b, *y);
            sheet.crop_mark(w - left_b, *y, w - left_a, *y);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::print::canvas::MarkKind;

    fn check(grid: Grid, blank_band: f32) {
        let mut sheet = Sheet::new(grid.sheet.0, grid.sheet.1);
        grid.crop_marks(&mut sheet);
        let cells = grid.cells();
        let (xs, ys) = grid.cuts();
        assert!(!sheet.marks.is_empty());
        for m in &sheet.marks {
            assert_eq!(m.kind, MarkKind::CropMark);
            // On a cut line.
            let on_x = m.w == 0.0 && xs.iter().any(|x| (x - m.x).abs() < 0.001);
            let on_y = m.h == 0.0 && ys.iter().any(|y| (y - m.y).abs() < 0.001);
            assert!(on_x || on_y, "{m:?} is on no cut line");
            // Printable, and never over an item's content (inside its blank border band).
            assert!(m.x >= PRINTABLE_INSET - 0.001 && m.x + m.w <= grid.sheet.0 - PRINTABLE_INSET + 0.001, "{m:?}");
            assert!(m.y >= PRINTABLE_INSET - 0.001 && m.y + m.h <= grid.sheet.1 - PRINTABLE_INSET + 0.001, "{m:?}");
            for (cx, cy) in &cells {
                let inner =
                    (cx + blank_band, cy + blank_band, cx + grid.cell.0 - blank_band, cy + grid.cell.1 - blank_band);
                let overlaps = m.x < inner.2 && m.x + m.w > inner.0 && m.y < inner.3 && m.y + m.h > inner.1;
                assert!(!overlaps, "{m:?} crosses the content of the cell at ({cx}, {cy})");
            }
        }
        // Cells stay on the sheet and do not overlap.
        for (i, (x, y)) in cells.iter().enumerate() {
            assert!(
                *x >= -0.001
                    && *y >= -0.001
                    && x + grid.cell.0 <= grid.sheet.0 + 0.001
                    && y + grid.cell.1 <= grid.sheet.1 + 0.001
            );
            for (x2, y2) in &cells[i + 1..] {
                assert!((x - x2).abs() >= grid.cell.0 - 0.001 || (y - y2).abs() >= grid.cell.1 - 0.001);
            }
        }
    }

    #[test]
    fn crop_marks_sit_on_cut_lines_clear_of_every_item() {
        // Four A6 pledge cards fill an A4 sheet: marks go inside the edge, in the cards' border band.
        let a6 = Grid { sheet: A4, cell: (105.0, 148.0), cols: 2, rows: 2, gap: (0.0, 1.0) };
        assert_eq!(a6.cells(), [(0.0, 0.0), (105.0, 0.0), (0.0, 149.0), (105.0, 149.0)]);
        check(a6, 4.0);
        // Ten 86×54 badges leave margins: marks go outside the grid.
        let badges = Grid { sheet: A4, cell: (86.0, 54.0), cols: 2, rows: 5, gap: (0.0, 0.0) };
        assert_eq!(badges.per_sheet(), 10);
        check(badges, 0.0);
        // Two A5 cards on a landscape A4.
        check(Grid { sheet: (297.0, 210.0), cell: (148.0, 210.0), cols: 2, rows: 1, gap: (1.0, 0.0) }, 4.0);
    }
}
