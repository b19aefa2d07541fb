//! The hostile image corpus, generated in code: truncated, malformed, huge-dimension and
//! decompression-bomb PNG and JPEG files, plus the valid oddities that must still be accepted.
//!
//! Shared by `tests/hostile_images.rs` (verdicts through `media::reencode` and the importer) and
//! `examples/hostile_images.rs` (time and peak memory of each, printed by
//! `scripts/hostile-images.sh`). Bombs are written through a streaming zlib encoder, so making
//! one never holds its decoded size in memory.
#![allow(dead_code)]

use std::io::{Cursor, Write};

use flate2::Compression;
use flate2::write::ZlibEncoder;
use image::{DynamicImage, ImageFormat, Rgb, RgbImage};

/// What the pipeline must do with a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expect {
    /// Refused; the error's message contains this text.
    Refused(&'static str),
    /// Accepted and re-encoded.
    Accepted,
}

/// One hostile file.
#[derive(Debug, Clone)]
pub struct Case {
    /// A short name, also the file's name (with `ext`) in a source folder's `images/`.
    pub name: &'static str,
    pub ext: &'static str,
    pub bytes: Vec<u8>,
    pub expect: Expect,
}

impl Case {
    pub fn file_name(&self) -> String {
        format!("{}.{}", self.name, self.ext)
    }
}

/// Every case, in a fixed order.
pub fn corpus() -> Vec<Case> {
    let jpeg = rgb(64, 48, ImageFormat::Jpeg);
    let png = rgb(64, 48, ImageFormat::Png);
    let case = |name, ext, bytes, expect| Case {
        name,
        ext,
        bytes,
        expect,
    };
    vec![
        case("valid-png", "png", png.clone(), Expect::Accepted),
        case("valid-jpeg", "jpg", jpeg.clone(), Expect::Accepted),
        case(
            "truncated-png",
            "png",
            png[..png.len() / 2].to_vec(),
            Expect::Refused("corrupt or truncated"),
        ),
        case(
            "truncated-jpeg",
            "jpg",
            jpeg[..jpeg.len() * 2 / 3].to_vec(),
            Expect::Refused("ends before the JPEG end-of-image marker"),
        ),
        case(
            "text-named-png",
            "png",
            b"id,name_en\nE1,Not an image\n".to_vec(),
            Expect::Refused("not a PNG or JPEG file"),
        ),
        case(
            "gif-named-jpg",
            "jpg",
            b"GIF89a\x01\x00\x01\x00\x00\x00\x00;".to_vec(),
            Expect::Refused("not a PNG or JPEG file"),
        ),
        case(
            "png-100000x100000",
            "png",
            png_header_only(100_000, 100_000, 8, 2),
            Expect::Refused("100000×100000 pixels, more than the 4096×4096"),
        ),
        case(
            "png-bomb-4096x4096x16bit",
            "png",
            png_of_zeros(4096, 4096, 16, 6, &[]),
            Expect::Refused("more than the 67108864 bytes (64 MiB) allowed"),
        ),
        case(
            "png-iccp-256mib",
            "png",
            png_of_zeros(
                16,
                16,
                8,
                2,
                &[chunk(b"iCCP", &compressed_zeros(b"icc\0\0", 1 << 28))],
            ),
            Expect::Accepted,
        ),
        case(
            "png-ztxt-256mib",
            "png",
            png_of_zeros(
                16,
                16,
                8,
                2,
                &[chunk(b"zTXt", &compressed_zeros(b"Comment\0\0", 1 << 28))],
            ),
            Expect::Accepted,
        ),
        case(
            "jpeg-sof-65535x65535",
            "jpg",
            jpeg_with_size(&jpeg, 65535, 65535),
            Expect::Refused("65535×65535 pixels, more than the 4096×4096"),
        ),
        case(
            "jpeg-sof-4096x4096-tiny-scan",
            "jpg",
            jpeg_with_size(&jpeg, 4096, 4096),
            Expect::Refused("corrupt or truncated"),
        ),
        case(
            "png-0x0",
            "png",
            png_header_only(0, 0, 8, 2),
            Expect::Refused("corrupt or truncated"),
        ),
        case(
            "jpeg-0x0",
            "jpg",
            jpeg_with_size(&jpeg, 0, 0),
            Expect::Refused("corrupt or truncated"),
        ),
        case(
            "six-mib",
            "png",
            six_mib(&png),
            Expect::Refused("more than the 5242880 bytes (5 MiB)"),
        ),
        case(
            "png-corrupt-idat",
            "png",
            png_with_corrupt_idat(&png),
            Expect::Refused("corrupt or truncated"),
        ),
        case(
            "png-interlaced",
            "png",
            interlaced_png(33, 17),
            Expect::Accepted,
        ),
        case("jpeg-cmyk", "jpg", CMYK_JPEG.to_vec(), Expect::Accepted),
    ]
}

/// An 8×8 CMYK JPEG (Adobe APP14 marker, four components) made by ImageMagick; no Rust encoder
/// writes CMYK, and 321 bytes are small enough to keep.
pub const CMYK_JPEG: &[u8] = include_bytes!("cmyk.jpg");

/// An opaque gradient in `format`.
pub fn rgb(w: u32, h: u32, format: ImageFormat) -> Vec<u8> {
    let img = RgbImage::from_fn(w, h, |x, y| Rgb(pixel(x, y)));
    let mut out = Cursor::new(Vec::new());
    DynamicImage::ImageRgb8(img)
        .write_to(&mut out, format)
        .expect("encoding a test image in memory");
    out.into_inner()
}

/// The colour of the test gradient at (x, y).
pub fn pixel(x: u32, y: u32) -> [u8; 3] {
    [
        (x * 7 % 256) as u8,
        (y * 13 % 256) as u8,
        ((x + y) % 256) as u8,
    ]
}

pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xffff_ffffu32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xedb8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A PNG chunk: length, type, data, CRC.
pub fn chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut out = u32::try_from(data.len())
        .expect("a chunk under 4 GiB")
        .to_be_bytes()
        .to_vec();
    let mut body = kind.to_vec();
    body.extend_from_slice(data);
    out.extend_from_slice(&body);
    out.extend_from_slice(&crc32(&body).to_be_bytes());
    out
}

fn ihdr(w: u32, h: u32, depth: u8, colour: u8, interlace: u8) -> Vec<u8> {
    let mut data = w.to_be_bytes().to_vec();
    data.extend_from_slice(&h.to_be_bytes());
    data.extend_from_slice(&[depth, colour, 0, 0, interlace]);
    chunk(b"IHDR", &data)
}

fn channels(colour: u8) -> usize {
    match colour {
        0 => 1,
        2 => 3,
        4 => 2,
        6 => 4,
        other => panic!("colour type {other} is not used here"),
    }
}

/// A PNG signature and IHDR claiming `w`×`h`, an empty IDAT and IEND: nothing behind the claim.
pub fn png_header_only(w: u32, h: u32, depth: u8, colour: u8) -> Vec<u8> {
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend(ihdr(w, h, depth, colour, 0));
    png.extend(chunk(b"IDAT", &zlib(&[])));
    png.extend(chunk(b"IEND", &[]));
    png
}

/// A complete PNG of `w`×`h` black pixels, `extra` chunks before IDAT. The rows are compressed
/// one at a time, so a 128 MiB image costs one row of memory to make.
pub fn png_of_zeros(w: u32, h: u32, depth: u8, colour: u8, extra: &[Vec<u8>]) -> Vec<u8> {
    let row = vec![0u8; 1 + w as usize * channels(colour) * usize::from(depth) / 8];
    let mut z = ZlibEncoder::new(Vec::new(), Compression::best());
    for _ in 0..h {
        z.write_all(&row).expect("compressing into memory");
    }
    let idat = z.finish().expect("compressing into memory");
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend(ihdr(w, h, depth, colour, 0));
    for c in extra {
        png.extend_from_slice(c);
    }
    // Large IDAT data is split into chunks as encoders do (the format allows any split).
    for part in idat.chunks(1 << 16) {
        png.extend(chunk(b"IDAT", part));
    }
    png.extend(chunk(b"IEND", &[]));
    png
}

/// `prefix` followed by the zlib stream of `len` zero bytes, compressed a mebibyte at a time.
pub fn compressed_zeros(prefix: &[u8], len: usize) -> Vec<u8> {
    let block = vec![0u8; 1 << 20];
    let mut z = ZlibEncoder::new(prefix.to_vec(), Compression::best());
    let mut left = len;
    while left > 0 {
        let n = left.min(block.len());
        z.write_all(&block[..n]).expect("compressing into memory");
        left -= n;
    }
    z.finish().expect("compressing into memory")
}

/// `data` as one zlib stream.
pub fn zlib(data: &[u8]) -> Vec<u8> {
    let mut z = ZlibEncoder::new(Vec::new(), Compression::default());
    z.write_all(data).expect("compressing into memory");
    z.finish().expect("compressing into memory")
}

/// `jpeg` with the height and width of its (first) SOF0 segment replaced; the scan is untouched.
pub fn jpeg_with_size(jpeg: &[u8], w: u16, h: u16) -> Vec<u8> {
    let sof = jpeg
        .windows(2)
        .position(|m| m == [0xff, 0xc0])
        .expect("a baseline JPEG has an SOF0 segment");
    let mut out = jpeg.to_vec();
    // FF C0, length (2), precision (1), height (2), width (2).
    out[sof + 5..sof + 7].copy_from_slice(&h.to_be_bytes());
    out[sof + 7..sof + 9].copy_from_slice(&w.to_be_bytes());
    out
}

/// A valid PNG followed by zero bytes up to 6 MiB.
fn six_mib(png: &[u8]) -> Vec<u8> {
    let mut out = png.to_vec();
    out.resize(6 * 1024 * 1024, 0);
    out
}

/// `png` with bytes in the middle of its first IDAT's data flipped and the CRC fixed again, so
/// only the zlib stream can tell.
fn png_with_corrupt_idat(png: &[u8]) -> Vec<u8> {
    let at = png
        .windows(4)
        .position(|w| w == b"IDAT")
        .expect("a PNG has an IDAT chunk");
    let len = u32::from_be_bytes(png[at - 4..at].try_into().expect("four bytes")) as usize;
    let mut out = png.to_vec();
    for b in &mut out[at + 4 + len / 3..at + 4 + len * 2 / 3] {
        *b ^= 0x5a;
    }
    let crc = crc32(&out[at..at + 4 + len]);
    out[at + 4 + len..at + 8 + len].copy_from_slice(&crc.to_be_bytes());
    out
}

/// The Adam7 passes: x and y of the first pixel, then the steps.
const ADAM7: [(u32, u32, u32, u32); 7] = [
    (0, 0, 8, 8),
    (4, 0, 8, 8),
    (0, 4, 4, 8),
    (2, 0, 4, 4),
    (0, 2, 2, 4),
    (1, 0, 2, 2),
    (0, 1, 1, 2),
];

/// The gradient of [`rgb`] as an Adam7-interlaced RGB PNG, encoded by hand (the `image` crate
/// writes only non-interlaced PNGs).
pub fn interlaced_png(w: u32, h: u32) -> Vec<u8> {
    let mut raw = Vec::new();
    for (x0, y0, dx, dy) in ADAM7 {
        let xs: Vec<u32> = (x0..w).step_by(dx as usize).collect();
        if xs.is_empty() {
            continue;
        }
        for y in (y0..h).step_by(dy as usize) {
            raw.push(0); // filter type None
            for &x in &xs {
                raw.extend_from_slice(&pixel(x, y));
            }
        }
    }
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend(ihdr(w, h, 8, 2, 1));
    png.extend(chunk(b"IDAT", &zlib(&raw)));
    png.extend(chunk(b"IEND", &[]));
    png
}
