//! Image checks and re-encoding: PNG/JPEG in, explicit decoder limits, resized and
//! metadata-free PNG/JPEG out, addressed by SHA-256.
//!
//! Everything that reaches a snapshot goes through [`reencode`], so a kiosk's webview only ever
//! decodes files that Fairway wrote itself. The checks run cheapest first: size, magic bytes,
//! the dimensions in the header, the memory the pixels would need, and only then the decoder,
//! which also runs under explicit [`image::Limits`] (the crate's defaults have no size limit).

use std::io::Cursor;

use fast_image_resize as fir;
use fast_image_resize::PixelType;
use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::{CompressionType, FilterType as PngFilter, PngEncoder};
use image::{
    DynamicImage, ExtendedColorType, ImageDecoder, ImageEncoder, ImageError, ImageFormat,
    ImageReader,
};
use serde::Serialize;
use sha2::{Digest, Sha256};

/// The largest file accepted, in bytes (5 MiB).
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;
/// The largest width or height accepted, in pixels.
pub const MAX_DIMENSION: u32 = 4096;
/// The most memory the decoder may use for one image, in bytes (64 MiB).
pub const MAX_DECODE_BYTES: u64 = 64 * 1024 * 1024;
/// JPEG quality of re-encoded product pictures.
pub const JPEG_QUALITY: u8 = 85;

const PNG_MAGIC: &[u8] = b"\x89PNG\r\n\x1a\n";
const JPEG_MAGIC: &[u8] = b"\xff\xd8\xff";

/// What an image is for; it decides the largest side and the output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ImageRole {
    /// Exhibitor and pavilion logos: at most 512 px, always PNG (sharp edges, often alpha).
    Logo,
    /// Product pictures: at most 1024 px, JPEG unless they have an alpha channel.
    Product,
}

impl ImageRole {
    /// The longest side, in pixels, after re-encoding. Smaller images are never upscaled.
    pub fn max_side(self) -> u32 {
        match self {
            ImageRole::Logo => 512,
            ImageRole::Product => 1024,
        }
    }
}

/// A re-encoded image, ready to be stored in a snapshot's `assets` table.
#[derive(Clone, PartialEq, Eq)]
pub struct Asset {
    /// Lower-case hex SHA-256 of `bytes`: the asset's address.
    pub sha256: String,
    /// `image/png` or `image/jpeg`.
    pub mime: &'static str,
    pub width: u32,
    pub height: u32,
    pub bytes: Vec<u8>,
}

impl std::fmt::Debug for Asset {
    // The bytes would drown any test failure message; their hash identifies them.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Asset")
            .field("sha256", &self.sha256)
            .field("mime", &self.mime)
            .field("width", &self.width)
            .field("height", &self.height)
            .field("len", &self.bytes.len())
            .finish()
    }
}

/// Why an image was refused. Each message is one line an organiser can act on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MediaError {
    #[error("the file is empty")]
    Empty,
    #[error("the file is {size} bytes, more than the {max} bytes (5 MiB) allowed")]
    TooLarge { size: usize, max: usize },
    #[error("not a PNG or JPEG file")]
    NotPngOrJpeg,
    #[error("the image is {width}×{height} pixels, more than the {max}×{max} allowed")]
    DimensionsTooLarge { width: u32, height: u32, max: u32 },
    #[error("the image has no pixels ({width}×{height})")]
    NoPixels { width: u32, height: u32 },
    #[error(
        "the image would need {needed} bytes of memory to decode, more than the {max} bytes (64 MiB) allowed"
    )]
    TooMuchMemory { needed: u64, max: u64 },
    #[error("the image is corrupt or truncated: {0}")]
    Corrupt(String),
    #[error("the image could not be re-encoded: {0}")]
    Encode(String),
}

/// Checks, decodes, resizes and re-encodes one image. The output carries no metadata (EXIF,
/// text chunks, ICC profiles), is at most [`ImageRole::max_side`] pixels on its longest side,
/// and is the same bytes for the same input.
pub fn reencode(bytes: &[u8], role: ImageRole) -> Result<Asset, MediaError> {
    let format = sniff(bytes)?;
    // The PNG decoder inflates an ICC profile whole while it reads the header, outside the
    // decoder limits: a 250 KB iCCP chunk became 256 MiB of memory (found by the hostile image
    // corpus). Pixels need only the critical chunks and the transparency, and the output drops
    // the rest anyway, so nothing else reaches the decoder, not even its header read.
    let stripped;
    let bytes = if format == ImageFormat::Png {
        stripped = png_pixel_chunks(bytes);
        &stripped[..]
    } else {
        bytes
    };
    if format == ImageFormat::Jpeg && !jpeg_is_complete(bytes) {
        return Err(MediaError::Corrupt(
            "the file ends before the JPEG end-of-image marker".to_owned(),
        ));
    }
    let (width, height) = header_dimensions(bytes, format)?;
    if width == 0 || height == 0 {
        return Err(MediaError::NoPixels { width, height });
    }
    if width > MAX_DIMENSION || height > MAX_DIMENSION {
        return Err(MediaError::DimensionsTooLarge {
            width,
            height,
            max: MAX_DIMENSION,
        });
    }
    if format == ImageFormat::Jpeg {
        jpeg_data_fits_dimensions(bytes, width, height)?;
    }

    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    reader.limits(limits());
    let mut decoder = reader.into_decoder().map_err(decode_error)?;
    let needed = decoder.total_bytes();
    if needed > MAX_DECODE_BYTES {
        return Err(MediaError::TooMuchMemory {
            needed,
            max: MAX_DECODE_BYTES,
        });
    }
    // The orientation lives in EXIF, which re-encoding drops, so it is applied to the pixels.
    let orientation = decoder.orientation().map_err(decode_error)?;
    let mut image = DynamicImage::from_decoder(decoder).map_err(decode_error)?;
    image.apply_orientation(orientation);

    let pixels = fit(Pixels::from_image(image), role.max_side())?;
    encode(&pixels, role)
}

/// Decides the format from the magic bytes; file names are never trusted.
fn sniff(bytes: &[u8]) -> Result<ImageFormat, MediaError> {
    if bytes.is_empty() {
        return Err(MediaError::Empty);
    }
    if bytes.len() > MAX_FILE_BYTES {
        return Err(MediaError::TooLarge {
            size: bytes.len(),
            max: MAX_FILE_BYTES,
        });
    }
    if bytes.starts_with(PNG_MAGIC) {
        Ok(ImageFormat::Png)
    } else if bytes.starts_with(JPEG_MAGIC) {
        Ok(ImageFormat::Jpeg)
    } else {
        Err(MediaError::NotPngOrJpeg)
    }
}

/// The JPEG decoder fills a cut-off picture with grey instead of failing, so a truncated file
/// is caught here: the last scan (the last SOS marker, `FF DA`) must be followed by the
/// end-of-image marker (`FF D9`). Neither pair can occur inside entropy-coded data, where every
/// `FF` byte is followed by `00`; an EXIF thumbnail's own markers all come before the main
/// image's scans.
fn jpeg_is_complete(bytes: &[u8]) -> bool {
    let Some(last_scan) = bytes.windows(2).rposition(|w| w == [0xff, 0xda]) else {
        return false;
    };
    bytes[last_scan..].windows(2).any(|w| w == [0xff, 0xd9])
}

/// The JPEG decoder also fills with grey a picture whose frame header (SOF) claims more pixels
/// than its scans hold, so a few hundred bytes claiming 4096×4096 pixels would become a 48 MiB
/// grey image (found by the hostile image corpus). Every 8×8 block of the component with the
/// most horizontal samples costs at least one bit (its DC code, in baseline and progressive
/// alike), and there are at least width × height / 256 such blocks (vertical subsampling is at
/// most 4), so the bytes from the first scan on must number at least width × height / 2048.
/// Real files carry far more; the bound only catches headers that lie.
fn jpeg_data_fits_dimensions(bytes: &[u8], width: u32, height: u32) -> Result<(), MediaError> {
    let first_scan = bytes
        .windows(2)
        .position(|w| w == [0xff, 0xda])
        .unwrap_or(bytes.len());
    let data = (bytes.len() - first_scan) as u64;
    let needed = u64::from(width) * u64::from(height) / 2048;
    if data < needed {
        return Err(MediaError::Corrupt(format!(
            "the JPEG holds {data} bytes of image data, too few for {width}×{height} pixels \
             (at least {needed})"
        )));
    }
    Ok(())
}

/// The PNG chunks that make its pixels: the signature, IHDR, PLTE, tRNS, IDAT and IEND, in
/// their order. Every other chunk (ICC profiles, text, EXIF, animation) is left out. A chunk
/// that runs past the end of the file is kept as it is when it is one of these (the decoder
/// then reports the file as truncated, as before) and dropped otherwise.
fn png_pixel_chunks(bytes: &[u8]) -> Vec<u8> {
    const KEPT: [&[u8; 4]; 5] = [b"IHDR", b"PLTE", b"tRNS", b"IDAT", b"IEND"];
    let kept = |kind: &[u8]| KEPT.iter().any(|k| kind == k.as_slice());
    let mut out = Vec::with_capacity(bytes.len());
    out.extend_from_slice(&bytes[..PNG_MAGIC.len().min(bytes.len())]);
    let mut at = PNG_MAGIC.len();
    while let Some(header) = bytes.get(at..at + 8) {
        let len = u32::from_be_bytes([header[0], header[1], header[2], header[3]]) as usize;
        let kind = &header[4..8];
        let end = at.saturating_add(12).saturating_add(len);
        let Some(chunk) = bytes.get(at..end) else {
            if kept(kind) {
                out.extend_from_slice(&bytes[at..]);
            }
            return out;
        };
        if kept(kind) {
            out.extend_from_slice(chunk);
        }
        if kind == b"IEND" {
            return out;
        }
        at = end;
    }
    // Fewer than 8 bytes left: a cut-off chunk header, kept so the decoder says so.
    out.extend_from_slice(bytes.get(at..).unwrap_or_default());
    out
}

/// Reads only the header. No pixel buffer is allocated, so a file claiming 60000×60000 pixels
/// costs nothing before it is refused.
fn header_dimensions(bytes: &[u8], format: ImageFormat) -> Result<(u32, u32), MediaError> {
    ImageReader::with_format(Cursor::new(bytes), format)
        .into_dimensions()
        .map_err(decode_error)
}

fn limits() -> image::Limits {
    // `Limits` is non-exhaustive: start from the defaults and tighten every field.
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_DIMENSION);
    limits.max_image_height = Some(MAX_DIMENSION);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    limits
}

fn decode_error(err: ImageError) -> MediaError {
    match err {
        ImageError::Limits(e) => {
            MediaError::Corrupt(one_line(format!("decoder limit reached: {e}")))
        }
        ImageError::IoError(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => {
            MediaError::Corrupt("the file ends too early".to_owned())
        }
        other => MediaError::Corrupt(one_line(other.to_string())),
    }
}

/// A decoder's or encoder's message as one line: some end theirs with a newline (the JPEG
/// decoder's "Not enough bytes" does, found by fuzzing), and every refusal is one line.
fn one_line(message: String) -> String {
    message.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn encode_error(err: impl std::fmt::Display) -> MediaError {
    MediaError::Encode(one_line(err.to_string()))
}

/// Decoded pixels, 8 bits per channel: RGBA when the image has alpha, RGB otherwise.
struct Pixels {
    raw: Vec<u8>,
    width: u32,
    height: u32,
    has_alpha: bool,
}

impl Pixels {
    fn from_image(image: DynamicImage) -> Pixels {
        let (width, height) = (image.width(), image.height());
        let has_alpha = image.color().has_alpha();
        let raw = if has_alpha {
            image.into_rgba8().into_raw()
        } else {
            image.into_rgb8().into_raw()
        };
        Pixels {
            raw,
            width,
            height,
            has_alpha,
        }
    }

    fn pixel_type(&self) -> PixelType {
        if self.has_alpha {
            PixelType::U8x4
        } else {
            PixelType::U8x3
        }
    }
}

/// Shrinks to fit a `max`×`max` square, keeping the aspect ratio; never upscales.
///
/// `fast_image_resize` does this with SIMD in well under a millisecond for a logo, where the
/// `image` crate's filtered resize takes several; with 20,000 logos per build that is the
/// difference between seconds and minutes. Alpha is premultiplied while filtering, so
/// transparent pixels do not bleed their colour into the edges.
fn fit(pixels: Pixels, max: u32) -> Result<Pixels, MediaError> {
    let (width, height) = (pixels.width, pixels.height);
    if width <= max && height <= max {
        return Ok(pixels);
    }
    let scale = f64::from(max) / f64::from(width.max(height));
    let side = |v: u32| -> u32 { ((f64::from(v) * scale).round() as u32).clamp(1, max) };
    let (new_width, new_height) = (side(width), side(height));
    let pixel_type = pixels.pixel_type();
    let src = fir::images::Image::from_vec_u8(width, height, pixels.raw, pixel_type)
        .map_err(encode_error)?;
    let mut dst = fir::images::Image::new(new_width, new_height, pixel_type);
    let options = fir::ResizeOptions::new()
        .resize_alg(fir::ResizeAlg::Convolution(fir::FilterType::Lanczos3));
    fir::Resizer::new()
        .resize(&src, &mut dst, &options)
        .map_err(encode_error)?;
    Ok(Pixels {
        raw: dst.into_vec(),
        width: new_width,
        height: new_height,
        has_alpha: pixels.has_alpha,
    })
}

fn encode(pixels: &Pixels, role: ImageRole) -> Result<Asset, MediaError> {
    let (width, height) = (pixels.width, pixels.height);
    let color = if pixels.has_alpha {
        ExtendedColorType::Rgba8
    } else {
        ExtendedColorType::Rgb8
    };
    let mut out = Vec::new();
    let mime = if role == ImageRole::Product && !pixels.has_alpha {
        JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY)
            .write_image(&pixels.raw, width, height, color)
            .map_err(encode_error)?;
        "image/jpeg"
    } else {
        // Fast deflate keeps a 20,000-logo build within its time budget; logos are small.
        PngEncoder::new_with_quality(&mut out, CompressionType::Fast, PngFilter::Adaptive)
            .write_image(&pixels.raw, width, height, color)
            .map_err(encode_error)?;
        "image/png"
    };
    Ok(Asset {
        sha256: hex::encode(Sha256::digest(&out)),
        mime,
        width,
        height,
        bytes: out,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A chunk with a made-up CRC (the filter does not read CRCs; the decoder does).
    fn chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
        let mut out = (data.len() as u32).to_be_bytes().to_vec();
        out.extend_from_slice(kind);
        out.extend_from_slice(data);
        out.extend_from_slice(&[1, 2, 3, 4]);
        out
    }

    #[test]
    fn the_png_chunk_filter_drops_the_icc_profile_and_text_before_the_decoder_sees_them() {
        // Regression: the PNG decoder inflated a 250 KB iCCP chunk to 256 MiB, outside the
        // decoder limits (tests/hostile_images.rs, scripts/hostile-images.sh).
        let ihdr = chunk(b"IHDR", &[0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
        let trns = chunk(b"tRNS", &[0, 0, 0, 0, 0, 0]);
        let idat = chunk(b"IDAT", &[0x78, 0x01]);
        let iend = chunk(b"IEND", &[]);
        let mut png = PNG_MAGIC.to_vec();
        for part in [
            &ihdr,
            &chunk(b"iCCP", b"icc\0\0compressed profile"),
            &trns,
            &chunk(b"zTXt", b"Comment\0\0text"),
            &idat,
            &iend,
            &b"trailing bytes"[..].to_vec(),
        ] {
            png.extend_from_slice(part);
        }
        let expected = [PNG_MAGIC, &ihdr, &trns, &idat, &iend].concat();
        assert_eq!(
            png_pixel_chunks(&png),
            expected,
            "only the chunks that make pixels reach the decoder"
        );
    }

    #[test]
    fn the_png_chunk_filter_keeps_a_cut_off_idat_and_drops_a_cut_off_profile() {
        let ihdr = chunk(b"IHDR", &[0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
        let idat = chunk(b"IDAT", &[0x78, 0x01, 0, 0]);
        let png = [PNG_MAGIC, &ihdr, &idat[..idat.len() - 3]].concat();
        assert_eq!(
            png_pixel_chunks(&png),
            png,
            "a truncated IDAT stays, so the decoder reports the truncation"
        );
        let iccp = chunk(b"iCCP", b"icc\0\0profile");
        let cut = [PNG_MAGIC, &ihdr, &iccp[..iccp.len() - 3]].concat();
        assert_eq!(
            png_pixel_chunks(&cut),
            [PNG_MAGIC, &ihdr].concat(),
            "a truncated profile never reaches the decoder"
        );
    }
}
