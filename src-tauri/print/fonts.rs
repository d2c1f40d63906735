//! The two faces every print uses, shipped in `fonts/` (Noto CJK SC, SIL OFL 1.1, rebuilt by
//! `scripts/build-fonts.sh`): serif bold for titles, sans regular for text. Parsed once;
//! advance widths cached per character.

use std::collections::HashMap;
use std::sync::{OnceLock, RwLock};

use printpdf::{FontId, ParsedFont};

const SANS_BYTES: &[u8] = include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/fonts/NotoSansSC-Regular.otf"));
const SERIF_BYTES: &[u8] = include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/fonts/NotoSerifSC-Bold.otf"));

/// Which face a piece of text is set in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FaceKind {
    Sans,
    Serif,
}

pub struct Face {
    pub kind: FaceKind,
    pub parsed: ParsedFont,
    units_per_em: f32,
    /// Ascent below the em top, as a fraction of the size.
    pub ascent: f32,
    widths: RwLock<HashMap<char, Option<f32>>>,
}

impl Face {
    fn load(kind: FaceKind, bytes: &[u8]) -> Face {
        // The fonts are part of the program; a face that does not parse is a build defect.
        #[allow(clippy::expect_used)]
        let parsed = ParsedFont::from_bytes(bytes, 0, &mut Vec::new()).expect("bundled font parses");
        let metrics = &parsed.font_metrics;
        let units_per_em = f32::from(metrics.units_per_em.max(1));
        let ascent = metrics.ascent / units_per_em;
        Face { kind, parsed, units_per_em, ascent, widths: RwLock::new(HashMap::new()) }
    }

    /// The PDF resource name of this face: fixed, so the same data gives the same bytes.
    pub fn id(&self) -> FontId {
        FontId(match self.kind {
            FaceKind::Sans => "F1".into(),
            FaceKind::Serif => "F2".into(),
        })
    }

    /// Advance width of a character in em, or None when the face has no glyph for it.
    pub fn advance(&self, c: char) -> Option<f32> {
        if let Some(w) = self.widths.read().ok().and_then(|m| m.get(&c).copied()) {
            return w;
        }
        let w = self
            .parsed
            .lookup_glyph_index(c as u32)
            .filter(|g| *g != 0)
            .map(|g| f32::from(self.parsed.get_horizontal_advance(g)) / self.units_per_em);
        if let Ok(mut m) = self.widths.write() {
            m.insert(c, w);
        }
        w
    }

    pub fn has(&self, c: char) -> bool {
        c.is_control() || self.advance(c).is_some()
    }

    /// Width of `text` set at `size_pt`, in millimetres (a missing glyph counts as 1 em).
    pub fn width_mm(&self, text: &str, size_pt: f32) -> f32 {
        let em: f32 = text.chars().map(|c| self.advance(c).unwrap_or(1.0)).sum();
        em * size_pt * PT_TO_MM
    }
}

pub const PT_TO_MM: f32 = 25.4 / 72.0;

pub fn face(kind: FaceKind) -> &'static Face {
    static SANS: OnceLock<Face> = OnceLock::new();
    static SERIF: OnceLock<Face> = OnceLock::new();
    match kind {
        FaceKind::Sans => SANS.get_or_init(|| Face::load(FaceKind::Sans, SANS_BYTES)),
        FaceKind::Serif => SERIF.get_or_init(|| Face::load(FaceKind::Serif, SERIF_BYTES)),
    }
}

/// Characters of `text` that `kind` cannot print (spaces and line breaks aside).
pub fn missing(kind: FaceKind, text: &str) -> Vec<char> {
    let face = face(kind);
    let mut out: Vec<char> = text.chars().filter(|c| !c.is_whitespace() && !face.has(*c)).collect();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_faces_cover_rare_name_characters_and_measure_cjk_as_one_em() {
        for kind in [FaceKind::Sans, FaceKind::Serif] {
            assert!(missing(kind, "堃喆燚犇淼赟䶮𠮷李·阿依古丽（）：，。0-9A").is_empty(), "{kind:?}");
            let f = face(kind);
            assert!((f.advance('党').unwrap() - 1.0).abs() < 0.01);
            assert!(f.advance('1').unwrap() < 0.7);
        }
        // A private-use character is in no face.
        assert_eq!(missing(FaceKind::Sans, "张\u{E000}三"), ['\u{E000}']);
        let w = face(FaceKind::Sans).width_mm("党员", 10.0);
        assert!((w - 2.0 * 10.0 * PT_TO_MM).abs() < 0.05, "{w}");
    }
}
