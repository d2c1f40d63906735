//! Turning sheets into one PDF file: the bundled faces under fixed names, images under fixed
//! names, fixed metadata, fonts subset to the characters used — so the same data gives the
//! same bytes.

use printpdf::{PdfDocument, PdfSaveOptions, RawImage, RawImageData, RawImageFormat, XObject, XObjectId};

use super::canvas::Sheet;
use super::fonts::{face, FaceKind};

/// An image in the document: its name and pixel size.
#[derive(Debug, Clone)]
pub struct Image {
    pub id: XObjectId,
    pub px: (u32, u32),
}

impl Image {
    /// The largest size (mm) inside `max_w` × `max_h` at the image's own aspect ratio.
    pub fn fit(&self, max_w: f32, max_h: f32) -> (f32, f32) {
        let ratio = self.px.0.max(1) as f32 / self.px.1.max(1) as f32;
        if max_w / max_h > ratio {
            (max_h * ratio, max_h)
        } else {
            (max_w, max_w / ratio)
        }
    }
}

pub struct Document {
    pdf: PdfDocument,
    images: usize,
}

impl Document {
    pub fn new(title: &str) -> Document {
        let mut pdf = PdfDocument::new(title);
        pdf.metadata.info.creator = "三亮四进工作台".into();
        pdf.metadata.info.producer = "三亮四进工作台".into();
        for kind in [FaceKind::Sans, FaceKind::Serif] {
            let f = face(kind);
            pdf.resources.fonts.map.insert(f.id(), printpdf::PdfFont::new(f.parsed.clone()));
        }
        Document { pdf, images: 0 }
    }

    /// Adds a photo no larger than `max` pixels: one within it goes in as supplied; a larger one
    /// (a 12-megapixel phone picture) is decoded, scaled down and only the scaled pixels kept — the
    /// document holds every image until it is written, so 500 boards stay within memory.
    pub fn add_photo(&mut self, bytes: &[u8], max: (u32, u32)) -> Option<Image> {
        let reader = image::ImageReader::new(std::io::Cursor::new(bytes)).with_guessed_format().ok()?;
        let (w, h) = reader.into_dimensions().ok()?;
        if w <= max.0 && h <= max.1 {
            return self.add_image(bytes);
        }
        let decoded = image::load_from_memory(bytes).ok()?;
        let scaled = decoded.resize(max.0, max.1, image::imageops::FilterType::Triangle);
        drop(decoded);
        let (width, height) = (scaled.width() as usize, scaled.height() as usize);
        let (pixels, data_format) = if scaled.color().has_alpha() {
            (scaled.into_rgba8().into_raw(), RawImageFormat::RGBA8)
        } else {
            (scaled.into_rgb8().into_raw(), RawImageFormat::RGB8)
        };
        let raw = RawImage { pixels: RawImageData::U8(pixels), width, height, data_format, tag: Vec::new() };
        Some(self.insert(raw))
    }

    fn insert(&mut self, image: RawImage) -> Image {
        let px = (image.width as u32, image.height as u32);
        self.images += 1;
        let id = XObjectId(format!("Im{}", self.images));
        self.pdf.resources.xobjects.map.insert(id.clone(), XObject::Image(image));
        Image { id, px }
    }

    /// Adds a PNG or JPEG once, as supplied; None when it cannot be decoded.
    pub fn add_image(&mut self, bytes: &[u8]) -> Option<Image> {
        let image = RawImage::decode_from_bytes(bytes, &mut Vec::new()).ok()?;
        Some(self.insert(image))
    }

    /// The file: what printpdf's `save` writes, its streams compressed on every core.
    pub fn into_bytes(mut self, sheets: Vec<Sheet>) -> Vec<u8> {
        self.pdf.pages = sheets.into_iter().map(Sheet::into_page).collect();
        let options = PdfSaveOptions::default();
        let mut doc = self.pdf.to_lopdf_document(&options, &mut Vec::new());
        if options.optimize {
            // lopdf's `compress`, stream by stream as it does, on every core.
            let mut streams: Vec<&mut lopdf::Stream> = doc
                .objects
                .values_mut()
                .filter_map(|object| match object {
                    lopdf::Object::Stream(stream) if stream.allows_compression => Some(stream),
                    _ => None,
                })
                .collect();
            // As lopdf does: a stream that fails to compress is kept as it is.
            super::parallel::for_each_mut(&mut streams, |stream| {
                let _ = stream.compress();
            });
        }
        let mut bytes = Vec::new();
        // Writing into memory fails only when memory does.
        if let Err(e) = doc.save_to(&mut bytes) {
            tracing::error!("writing the PDF failed: {e}");
        }
        fix_trailer_id(&mut bytes);
        bytes
    }
}

/// printpdf writes a random file identifier into the trailer; replace it, byte for byte in
/// place (so no offset moves), with one derived from the content.
fn fix_trailer_id(bytes: &mut [u8]) {
    let Some(at) = find_last(bytes, b"/ID") else { return };
    let digest = fnv1a(&bytes[..at]);
    let hex = format!("{digest:016x}{:016x}", digest.rotate_left(29) ^ 0x9E37_79B9_7F4A_7C15);
    let hex = hex.as_bytes();
    let mut i = at;
    for _ in 0..2 {
        let Some(open) = bytes[i..].iter().position(|b| *b == b'(').map(|p| p + i) else { return };
        let Some(close) = bytes[open..].iter().position(|b| *b == b')').map(|p| p + open) else { return };
        for (k, b) in bytes[open + 1..close].iter_mut().enumerate() {
            *b = hex[k % hex.len()];
        }
        i = close + 1;
    }
}

fn find_last(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3))
}
