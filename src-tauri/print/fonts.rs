//! The two faces every print uses, shipped in `fonts/` (Noto CJK SC, SIL OFL 1.1, rebuilt by
//! `scripts/build-fonts.sh`): serif bold for titles, sans regular for text. Parsed once;
//! advance widths cached per character.

use std::collections::HashMap;
use std::sync::{OnceLock, RwLock};

use allsorts::binary::read::ReadScope;
use allsorts::binary::write::{WriteBinary, WriteBuffer};
use allsorts::tables::cmap::owned::CmapSubtable as OwnedCmap;
use allsorts::tables::cmap::CmapSubtable;
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
        let mut parsed = ParsedFont::from_bytes(bytes, 0, &mut Vec::new()).expect("bundled font parses");
        if let Some(dense) = parsed.cmap_subtable.as_ref().and_then(dense_cmap) {
            parsed.cmap_subtable = Some(dense);
        }
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

/// The widest span of code points a dense map may cover (the BMP and the CJK extensions of
/// planes 2 and 3): 256k glyph ids, 512 KB.
const DENSE_SPAN: u32 = 0x4_0000;

/// The face's character map as one array indexed by code point. printpdf looks every printed
/// character up in it twice (to choose the subset's glyphs, then to write the text), and the
/// parser keeps a CJK face's map as thousands of ranges searched one after another: two fifths
/// of the time 3,560 cards took. Same mapping; a character the face lacks inside the span gets
/// glyph 0 (.notdef) instead of none — [`Face::advance`] treats both as missing, and a print
/// never reaches printpdf with such a character (`check_glyphs` refuses it first). None when
/// the map is already direct or spans more than [`DENSE_SPAN`].
fn dense_cmap(cmap: &OwnedCmap) -> Option<OwnedCmap> {
    if !matches!(cmap, OwnedCmap::Format12(_)) {
        return None;
    }
    let mut buffer = WriteBuffer::new();
    OwnedCmap::write(&mut buffer, cmap.clone()).ok()?;
    let bytes = buffer.into_inner();
    let table = ReadScope::new(&bytes).read::<CmapSubtable<'_>>().ok()?;
    let mut pairs: Vec<(u32, u16)> = Vec::new();
    table.mappings_fn(|ch, gid| pairs.push((ch, gid))).ok()?;
    let first = pairs.iter().map(|p| p.0).min()?;
    let last = pairs.iter().map(|p| p.0).max()?;
    if last - first >= DENSE_SPAN {
        return None;
    }
    let mut glyph_id_array = vec![0u16; (last - first + 1) as usize];
    for (ch, gid) in pairs {
        glyph_id_array[(ch - first) as usize] = gid;
    }
    Some(OwnedCmap::Format10 { language: 0, start_char_code: first, glyph_id_array })
}

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
    fn the_dense_map_gives_every_character_the_glyph_the_fonts_own_map_gives() {
        for bytes in [SANS_BYTES, SERIF_BYTES] {
            let own = ParsedFont::from_bytes(bytes, 0, &mut Vec::new()).unwrap().cmap_subtable.clone().unwrap();
            let dense = dense_cmap(&own).expect("a CJK face's map is made dense");
            let OwnedCmap::Format10 { start_char_code, ref glyph_id_array, .. } = dense else { panic!("{dense:?}") };
            let end = start_char_code + glyph_id_array.len() as u32;
            let mut mapped = 0;
            for ch in (0..end + 16).chain([0x2_0BB7, 0x10_FFFF]) {
                let expected = own.map_glyph(ch).unwrap();
                let got = dense.map_glyph(ch).unwrap();
                match expected {
                    Some(gid) => {
                        assert_eq!(got, Some(gid), "U+{ch:04X}");
                        mapped += 1;
                    }
                    None => assert!(matches!(got, None | Some(0)), "U+{ch:04X}: {got:?}"),
                }
            }
            assert!(mapped > 20_000, "{mapped} characters mapped");
        }
        assert!(matches!(face(FaceKind::Sans).parsed.cmap_subtable, Some(OwnedCmap::Format10 { .. })));
    }

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
