//! Pages of a PDF as a printer sees them: rendered in grey by poppler (`pdftoppm`), read back
//! pixel by pixel — for the print and report tests that look for ink where it belongs.

use std::path::Path;
use std::process::Command;

/// A grey picture of one page, one byte a pixel (0 black, 255 white).
pub struct Gray {
    pub width: usize,
    pub height: usize,
    pub pixels: Vec<u8>,
}

impl Gray {
    /// Reads a binary PGM as pdftoppm writes it.
    pub fn from_pgm(bytes: &[u8]) -> Gray {
        let mut fields = Vec::new();
        let mut at = 0;
        while fields.len() < 4 {
            while bytes[at].is_ascii_whitespace() {
                at += 1;
            }
            let start = at;
            while !bytes[at].is_ascii_whitespace() {
                at += 1;
            }
            fields.push(String::from_utf8_lossy(&bytes[start..at]).into_owned());
        }
        assert_eq!(fields[0], "P5", "a binary grey PGM");
        let (width, height): (usize, usize) = (fields[1].parse().unwrap(), fields[2].parse().unwrap());
        let pixels = bytes[at + 1..].to_vec();
        assert_eq!(pixels.len(), width * height);
        Gray { width, height, pixels }
    }

    pub fn to_pgm(&self) -> Vec<u8> {
        let mut out = format!("P5\n{} {}\n255\n", self.width, self.height).into_bytes();
        out.extend_from_slice(&self.pixels);
        out
    }

    /// The pixels inside a box in millimetres (at least one pixel wide and high).
    pub fn region(&self, (x, y, w, h): (f32, f32, f32, f32), dpi: u32) -> Vec<u8> {
        let px = |mm: f32| (mm / 25.4 * dpi as f32).max(0.0);
        let (x0, y0) = (px(x).floor() as usize, px(y).floor() as usize);
        let (x1, y1) = ((px(x + w).ceil() as usize).max(x0 + 1), (px(y + h).ceil() as usize).max(y0 + 1));
        let mut out = Vec::new();
        for row in y0..y1.min(self.height) {
            for col in x0..x1.min(self.width) {
                out.push(self.pixels[row * self.width + col]);
            }
        }
        out
    }
}

/// Page `page` (from 1) rendered in grey at `dpi`.
pub fn render(pdf: &Path, page: usize, dpi: u32) -> Gray {
    let page = page.to_string();
    let out = Command::new("pdftoppm")
        .args(["-gray", "-f", &page, "-l", &page, "-r", &dpi.to_string()])
        .arg(pdf)
        .output()
        .expect("pdftoppm (poppler-utils)");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    Gray::from_pgm(&out.stdout)
}
