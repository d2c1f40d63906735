//! Where the main window goes on the screen it opens on, in physical pixels: kept where it was
//! (the size and place the user left it, restored from the last run) when that lies on the
//! screen's work area, otherwise the default size — shrunk to fit — centred in the work area, and
//! maximized when even the minimum size does not fit. The taskbar never covers it.

/// A rectangle in physical pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rect {
    pub x: i32,
    pub y: i32,
    pub width: u32,
    pub height: u32,
}

impl Rect {
    fn right(&self) -> i64 {
        i64::from(self.x) + i64::from(self.width)
    }

    fn bottom(&self) -> i64 {
        i64::from(self.y) + i64::from(self.height)
    }
}

/// What to do with the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    Keep,
    /// The outer size and position to give it.
    Move(Rect),
    Maximize,
}

/// How far a window's outer frame may stick out of the work area: Windows 10 and 11 count an
/// invisible resize border of about 7 px (at 100 %) on each side into the outer frame.
pub const BORDER_SLACK: u32 = 8;

/// Where the window whose outer frame is `window` goes in `work` (the screen minus the
/// taskbar); `default` and `min` are outer sizes already scaled to physical pixels.
pub fn fit(window: Rect, work: Rect, default: (u32, u32), min: (u32, u32), scale: f64) -> Placement {
    let slack = i64::from((f64::from(BORDER_SLACK) * scale).round() as u32);
    let inside = i64::from(window.x) >= i64::from(work.x) - slack
        && i64::from(window.y) >= i64::from(work.y) - slack
        && window.right() <= work.right() + slack
        && window.bottom() <= work.bottom() + slack;
    if inside && window.width >= min.0 && window.height >= min.1 {
        return Placement::Keep;
    }
    if work.width < min.0 || work.height < min.1 {
        return Placement::Maximize;
    }
    let (width, height) = (default.0.min(work.width), default.1.min(work.height));
    Placement::Move(Rect {
        x: work.x + ((work.width - width) / 2) as i32,
        y: work.y + ((work.height - height) / 2) as i32,
        width,
        height,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const DEFAULT: (u32, u32) = (1366, 768);
    const MIN: (u32, u32) = (1024, 640);

    fn rect(x: i32, y: i32, width: u32, height: u32) -> Rect {
        Rect { x, y, width, height }
    }

    #[test]
    fn a_window_left_on_the_work_area_stays_where_the_user_put_it() {
        let work = rect(0, 0, 1920, 1040);
        assert_eq!(fit(rect(100, 50, 1200, 800), work, DEFAULT, MIN, 1.0), Placement::Keep);
        // Windows' invisible borders stick out by 7 px: still on the screen.
        assert_eq!(fit(rect(-7, 0, 1934, 1047), work, DEFAULT, MIN, 1.0), Placement::Keep);
        // On a second screen to the left.
        assert_eq!(fit(rect(-1800, 20, 1366, 768), rect(-1920, 0, 1920, 1040), DEFAULT, MIN, 1.0), Placement::Keep);
    }

    #[test]
    fn on_a_small_screen_the_default_window_shrinks_above_the_taskbar() {
        // 1366×768 with a 40 px taskbar: the full default would sit under it.
        let work = rect(0, 0, 1366, 728);
        assert_eq!(fit(rect(0, 0, 1366, 768), work, DEFAULT, MIN, 1.0), Placement::Move(rect(0, 0, 1366, 728)));
        // A taskbar on the left.
        let work = rect(62, 0, 1304, 768);
        assert_eq!(fit(rect(0, 0, 1366, 768), work, DEFAULT, MIN, 1.0), Placement::Move(rect(62, 0, 1304, 768)));
        // 1920×1080 at 125 %: the default (scaled by the caller) is centred.
        let work = rect(0, 0, 1920, 1032);
        let default = (1708, 960);
        assert_eq!(fit(rect(0, 0, 1708, 960), work, default, MIN, 1.25), Placement::Keep);
        assert_eq!(fit(rect(900, 400, 1708, 960), work, default, MIN, 1.25), Placement::Move(rect(106, 36, 1708, 960)));
    }

    #[test]
    fn a_window_off_the_screen_comes_back_and_a_tiny_screen_gets_it_maximized() {
        let work = rect(0, 0, 1366, 728);
        // Left on a second screen that is gone.
        assert_eq!(fit(rect(2000, 100, 1200, 700), work, DEFAULT, MIN, 1.0), Placement::Move(rect(0, 0, 1366, 728)));
        // Restored smaller than the minimum.
        assert_eq!(fit(rect(10, 10, 600, 400), work, DEFAULT, MIN, 1.0), Placement::Move(rect(0, 0, 1366, 728)));
        // 1024×600 netbook: the minimum does not fit.
        assert_eq!(fit(rect(0, 0, 1366, 768), rect(0, 0, 1024, 560), DEFAULT, MIN, 1.0), Placement::Maximize);
    }
}
