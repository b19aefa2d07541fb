//! QR symbols for contact cards: byte mode only, error correction M, the smallest version.
//!
//! The bits are built by hand with one byte-mode segment because the `qrcode` crate's automatic
//! mode puts many Chinese strings into Kanji mode (their UTF-8 bytes happen to look like
//! Shift JIS), which phones then decode as garbage. The payload is UTF-8 without a BOM and
//! without an ECI header: every phone camera reads byte mode as UTF-8, while some stumble over
//! an ECI designator. Error correction M is the usual trade between size and robustness for a
//! screen that is read from half a metre.

use std::fmt::Write as _;
use std::io::Cursor;

use qrcode::bits::Bits;
use qrcode::{EcLevel, QrCode, Version};

/// Light modules around the symbol, as the QR standard asks; readers need the margin.
pub const QUIET_ZONE: usize = 4;

/// The largest version [`encode`] tries; QR codes end at 40.
const MAX_VERSION: i16 = 40;

/// Why a payload has no QR symbol.
#[derive(Debug, thiserror::Error)]
pub enum QrError {
    #[error("the payload of {0} bytes does not fit any QR version at error correction M")]
    TooLong(usize),
    #[error("building the QR symbol: {0}")]
    Encode(qrcode::types::QrError),
    #[error("the module size must be between 1 and {max} pixels, not {got}")]
    ModuleSize { got: u32, max: u32 },
    #[error("writing the PNG: {0}")]
    Png(#[from] image::ImageError),
}

/// The largest module size [`QrSymbol::to_png`] accepts; bigger images help no reader.
pub const MAX_MODULE_PX: u32 = 64;

/// How a segment of the QR bit stream is encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum SegmentMode {
    Numeric,
    Alphanumeric,
    Byte,
    Kanji,
    Eci,
    /// A mode indicator this reader does not know (FNC1, structured append).
    Other(u8),
}

/// One segment of the data bit stream: its mode and its character count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Segment {
    pub mode: SegmentMode,
    pub count: usize,
}

/// An encoded QR symbol: the module grid without the quiet zone, and the data codewords it
/// carries (before error correction), kept so tests can check which modes were used.
#[derive(Debug, Clone)]
pub struct QrSymbol {
    version: u8,
    width: usize,
    dark: Vec<bool>,
    data_codewords: Vec<u8>,
}

/// Encodes `payload` as one byte-mode segment at error correction M, in the smallest version
/// that holds it.
pub fn encode(payload: &[u8]) -> Result<QrSymbol, QrError> {
    for v in 1..=MAX_VERSION {
        let version = Version::Normal(v);
        let Ok(bits) = byte_mode_bits(payload, version) else {
            continue;
        };
        let data_codewords = bits.into_bytes();
        // `Bits` is not `Clone`; building it twice is cheaper than it sounds (a few hundred bytes).
        let bits = byte_mode_bits(payload, version).map_err(QrError::Encode)?;
        let code = QrCode::with_bits(bits, EcLevel::M).map_err(QrError::Encode)?;
        let width = code.width();
        let dark = code
            .to_colors()
            .into_iter()
            .map(|c| c == qrcode::Color::Dark)
            .collect();
        return Ok(QrSymbol {
            version: u8::try_from(v).unwrap_or(u8::MAX),
            width,
            dark,
            data_codewords,
        });
    }
    Err(QrError::TooLong(payload.len()))
}

fn byte_mode_bits(payload: &[u8], version: Version) -> Result<Bits, qrcode::types::QrError> {
    let mut bits = Bits::new(version);
    bits.push_byte_data(payload)?;
    bits.push_terminator(EcLevel::M)?;
    Ok(bits)
}

impl QrSymbol {
    /// The QR version, 1 to 40.
    pub fn version(&self) -> u8 {
        self.version
    }

    /// Modules per side, without the quiet zone.
    pub fn width(&self) -> usize {
        self.width
    }

    /// Modules per side with the quiet zone on both sides.
    pub fn width_with_quiet_zone(&self) -> usize {
        self.width + 2 * QUIET_ZONE
    }

    /// Whether the module at column `x`, row `y` (quiet zone excluded) is dark; outside the
    /// symbol everything is light.
    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        x < self.width && y < self.width && self.dark[y * self.width + x]
    }

    /// The data codewords before error correction: mode indicators, counts, data, terminator
    /// and padding.
    pub fn data_codewords(&self) -> &[u8] {
        &self.data_codewords
    }

    /// The segments of the data bit stream, read back from the codewords. Fairway writes one
    /// byte-mode segment; this lets a test prove that no Kanji segment slipped in.
    pub fn segments(&self) -> Vec<Segment> {
        segments(&self.data_codewords, self.version)
    }

    /// An SVG of the symbol with its quiet zone: one unit per module, dark on white, with
    /// `shape-rendering="crispEdges"` so scaled modules stay sharp. Each row's dark runs become
    /// one path, which keeps the string small.
    pub fn to_svg(&self) -> String {
        let size = self.width_with_quiet_zone();
        format!(
            concat!(
                r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {s} {s}" width="{s}" height="{s}" shape-rendering="crispEdges">"#,
                r##"<rect width="{s}" height="{s}" fill="#ffffff"/><path fill="#000000" d="{p}"/></svg>"##
            ),
            s = size,
            p = self.svg_path()
        )
    }

    /// The SVG path data of the dark modules, one unit per module, offset by the quiet zone
    /// (so it belongs in a `viewBox` of [`QrSymbol::width_with_quiet_zone`] units). Each row's
    /// dark runs become one rectangle, which keeps the string small. The interface draws its
    /// QR from this: numbers and path letters only, set as an attribute, never parsed as markup.
    pub fn svg_path(&self) -> String {
        let mut path = String::with_capacity(self.width * self.width);
        for y in 0..self.width {
            let mut x = 0;
            while x < self.width {
                if !self.is_dark(x, y) {
                    x += 1;
                    continue;
                }
                let start = x;
                while x < self.width && self.is_dark(x, y) {
                    x += 1;
                }
                let run = x - start;
                // Writing into a String cannot fail.
                let _ = write!(
                    path,
                    "M{} {}h{run}v1h-{run}z",
                    start + QUIET_ZONE,
                    y + QUIET_ZONE
                );
            }
        }
        path
    }

    /// A grey-scale PNG of the symbol with its quiet zone, `module_px` pixels per module.
    pub fn to_png(&self, module_px: u32) -> Result<Vec<u8>, QrError> {
        let image = self.to_image(module_px)?;
        let mut bytes = Vec::new();
        image.write_to(&mut Cursor::new(&mut bytes), image::ImageFormat::Png)?;
        Ok(bytes)
    }

    /// The symbol as a grey-scale image (0 dark, 255 light), `module_px` pixels per module.
    pub fn to_image(&self, module_px: u32) -> Result<image::GrayImage, QrError> {
        if !(1..=MAX_MODULE_PX).contains(&module_px) {
            return Err(QrError::ModuleSize {
                got: module_px,
                max: MAX_MODULE_PX,
            });
        }
        let modules = u32::try_from(self.width_with_quiet_zone()).unwrap_or(u32::MAX);
        let side = modules * module_px;
        let quiet = QUIET_ZONE as u32;
        Ok(image::GrayImage::from_fn(side, side, |px, py| {
            let (mx, my) = (px / module_px, py / module_px);
            let dark = mx >= quiet
                && my >= quiet
                && self.is_dark((mx - quiet) as usize, (my - quiet) as usize);
            image::Luma([if dark { 0 } else { 255 }])
        }))
    }
}

/// Walks a QR data bit stream (ISO/IEC 18004, section 7.4) of the given version and lists its
/// segments; reading stops at the terminator or where the stream ends.
pub fn segments(codewords: &[u8], version: u8) -> Vec<Segment> {
    let mut reader = BitReader {
        bytes: codewords,
        pos: 0,
    };
    // Character count indicator lengths for versions 1–9, 10–26 and 27–40.
    let tier = match version {
        0..=9 => 0,
        10..=26 => 1,
        _ => 2,
    };
    let mut segments = Vec::new();
    while let Some(indicator) = reader.take(4) {
        let (mode, count_bits) = match indicator {
            0 => break,
            0b0001 => (SegmentMode::Numeric, [10, 12, 14][tier]),
            0b0010 => (SegmentMode::Alphanumeric, [9, 11, 13][tier]),
            0b0100 => (SegmentMode::Byte, [8, 16, 16][tier]),
            0b1000 => (SegmentMode::Kanji, [8, 10, 12][tier]),
            0b0111 => {
                // An ECI designator is 8, 16 or 24 bits, told apart by its leading bits.
                let Some(first) = reader.take(8) else { break };
                let extra = match first {
                    f if f & 0x80 == 0 => 0,
                    f if f & 0xC0 == 0x80 => 8,
                    _ => 16,
                };
                segments.push(Segment {
                    mode: SegmentMode::Eci,
                    count: 0,
                });
                if reader.take(extra).is_none() {
                    break;
                }
                continue;
            }
            other => {
                segments.push(Segment {
                    mode: SegmentMode::Other(other as u8),
                    count: 0,
                });
                break;
            }
        };
        let Some(count) = reader.take(count_bits) else {
            break;
        };
        segments.push(Segment { mode, count });
        let data_bits = match mode {
            SegmentMode::Numeric => count / 3 * 10 + [0, 4, 7][count % 3],
            SegmentMode::Alphanumeric => count / 2 * 11 + (count % 2) * 6,
            SegmentMode::Byte => count * 8,
            SegmentMode::Kanji => count * 13,
            _ => 0,
        };
        if reader.skip(data_bits).is_none() {
            break;
        }
    }
    segments
}

struct BitReader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl BitReader<'_> {
    /// The next `n` bits (at most 24) as a number, or `None` when the stream ends first.
    fn take(&mut self, n: usize) -> Option<usize> {
        if self.pos + n > self.bytes.len() * 8 {
            return None;
        }
        let mut value = 0;
        for _ in 0..n {
            let bit = (self.bytes[self.pos / 8] >> (7 - self.pos % 8)) & 1;
            value = (value << 1) | usize::from(bit);
            self.pos += 1;
        }
        Some(value)
    }

    fn skip(&mut self, n: usize) -> Option<()> {
        if self.pos + n > self.bytes.len() * 8 {
            return None;
        }
        self.pos += n;
        Some(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_text_is_one_byte_mode_segment() {
        // The crate's automatic mode would put these characters into Kanji mode.
        let payload = "点心".as_bytes();
        let symbol = encode(payload).expect("a short payload encodes");
        assert_eq!(
            symbol.segments(),
            vec![Segment {
                mode: SegmentMode::Byte,
                count: payload.len()
            }],
            "one byte-mode segment carries the UTF-8 bytes"
        );
        assert_eq!(symbol.version(), 1, "six bytes fit version 1");
    }

    #[test]
    fn the_segment_reader_sees_kanji_mode_from_the_automatic_encoder() {
        // Proves the reader can tell: the crate's automatic mode chooses Kanji for bytes that
        // read as Shift JIS double-byte characters (here 亜 four times), as many UTF-8 Chinese
        // strings partly do.
        let bits = qrcode::bits::encode_auto(b"\x88\x9f\x88\x9f\x88\x9f\x88\x9f", EcLevel::M)
            .expect("encodes");
        let version = match bits.version() {
            Version::Normal(v) => v as u8,
            Version::Micro(_) => 0,
        };
        let modes: Vec<SegmentMode> = segments(&bits.into_bytes(), version)
            .into_iter()
            .map(|s| s.mode)
            .collect();
        assert!(
            modes.contains(&SegmentMode::Kanji),
            "the automatic encoder picks Kanji: {modes:?}"
        );
    }

    #[test]
    fn a_zero_module_size_is_refused() {
        let symbol = encode(b"x").expect("encodes");
        assert!(symbol.to_png(0).is_err(), "no image has zero-pixel modules");
    }
}
