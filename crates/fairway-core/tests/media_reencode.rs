//! `media::reencode` on good, hostile and broken files.

mod snapshot_fixture;

use fairway_core::media::{self, ImageRole, MAX_FILE_BYTES, MediaError};
use image::{ImageBuffer, ImageFormat, Rgba};
use sha2::{Digest, Sha256};
use snapshot_fixture::{png_rgba, rgb};

fn crc32(bytes: &[u8]) -> u32 {
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

fn png_chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(
        &u32::try_from(data.len())
            .expect("small chunk")
            .to_be_bytes(),
    );
    let mut body = kind.to_vec();
    body.extend_from_slice(data);
    out.extend_from_slice(&body);
    out.extend_from_slice(&crc32(&body).to_be_bytes());
    out
}

/// A well-formed PNG header claiming `w`×`h` RGB pixels, followed by a tiny IDAT.
fn png_claiming(w: u32, h: u32) -> Vec<u8> {
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&w.to_be_bytes());
    ihdr.extend_from_slice(&h.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend(png_chunk(b"IHDR", &ihdr));
    // An empty zlib stream: one final stored block of length 0, Adler-32 of nothing.
    png.extend(png_chunk(
        b"IDAT",
        &[0x78, 0x01, 0x01, 0x00, 0x00, 0xff, 0xff, 0, 0, 0, 1],
    ));
    png.extend(png_chunk(b"IEND", &[]));
    png
}

/// Inserts a chunk just before IEND (the last 12 bytes).
fn with_chunk_before_iend(png: &[u8], kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let (body, iend) = png.split_at(png.len() - 12);
    let mut out = body.to_vec();
    out.extend(png_chunk(kind, data));
    out.extend_from_slice(iend);
    out
}

/// Inserts an APP1 EXIF segment (orientation `orientation`, plus a marker string) after SOI.
fn jpeg_with_exif(jpeg: &[u8], orientation: u16, marker: &[u8]) -> Vec<u8> {
    let mut tiff = b"II*\x00\x08\x00\x00\x00".to_vec();
    tiff.extend_from_slice(&1u16.to_le_bytes()); // one IFD entry
    tiff.extend_from_slice(&0x0112u16.to_le_bytes()); // Orientation
    tiff.extend_from_slice(&3u16.to_le_bytes()); // SHORT
    tiff.extend_from_slice(&1u32.to_le_bytes());
    tiff.extend_from_slice(&orientation.to_le_bytes());
    tiff.extend_from_slice(&[0, 0]);
    tiff.extend_from_slice(&0u32.to_le_bytes()); // no next IFD
    tiff.extend_from_slice(marker);
    let mut payload = b"Exif\x00\x00".to_vec();
    payload.extend(tiff);
    let mut out = jpeg[..2].to_vec();
    out.extend_from_slice(&[0xff, 0xe1]);
    out.extend_from_slice(
        &u16::try_from(payload.len() + 2)
            .expect("small segment")
            .to_be_bytes(),
    );
    out.extend(payload);
    out.extend_from_slice(&jpeg[2..]);
    out
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn an_empty_file_is_refused() {
    assert_eq!(
        media::reencode(&[], ImageRole::Logo),
        Err(MediaError::Empty)
    );
    assert_eq!(MediaError::Empty.to_string(), "the file is empty");
}

#[test]
fn a_text_file_is_refused_whatever_its_name() {
    let err = media::reencode(b"name,logo\nACME,acme.png\n", ImageRole::Logo)
        .expect_err("text is not an image");
    assert_eq!(err, MediaError::NotPngOrJpeg);
    assert_eq!(err.to_string(), "not a PNG or JPEG file");
}

#[test]
fn other_image_formats_are_refused() {
    let gif = b"GIF89a\x01\x00\x01\x00\x00\x00\x00;";
    assert_eq!(
        media::reencode(gif, ImageRole::Product),
        Err(MediaError::NotPngOrJpeg)
    );
}

#[test]
fn a_file_over_five_mebibytes_is_refused_before_decoding() {
    let mut big = b"\x89PNG\r\n\x1a\n".to_vec();
    big.resize(MAX_FILE_BYTES + 1, 0);
    let err = media::reencode(&big, ImageRole::Product).expect_err("too large");
    assert!(matches!(err, MediaError::TooLarge { .. }), "{err}");
    assert!(err.to_string().contains("5 MiB"), "{err}");
}

#[test]
fn a_png_claiming_60000_by_60000_pixels_is_refused_from_its_header() {
    let png = png_claiming(60_000, 60_000);
    assert!(png.len() < 100, "the hostile file is tiny");
    let err = media::reencode(&png, ImageRole::Logo).expect_err("far too large");
    assert_eq!(
        err,
        MediaError::DimensionsTooLarge {
            width: 60_000,
            height: 60_000,
            max: 4096
        }
    );
    assert_eq!(
        err.to_string(),
        "the image is 60000×60000 pixels, more than the 4096×4096 allowed"
    );
}

#[test]
fn a_decompression_bomb_within_the_pixel_limit_is_refused_for_its_memory() {
    // 3000×3000 16-bit RGBA of zeros: about 0.1 MB on disk, 72 MB once decoded.
    let bomb: ImageBuffer<Rgba<u16>, Vec<u16>> = ImageBuffer::new(3000, 3000);
    let mut bytes = std::io::Cursor::new(Vec::new());
    image::DynamicImage::ImageRgba16(bomb)
        .write_to(&mut bytes, ImageFormat::Png)
        .expect("encoding the bomb");
    let bytes = bytes.into_inner();
    assert!(
        bytes.len() < MAX_FILE_BYTES,
        "the bomb passes the file size check"
    );
    let err = media::reencode(&bytes, ImageRole::Product).expect_err("bomb");
    assert!(matches!(err, MediaError::TooMuchMemory { .. }), "{err}");
    assert!(err.to_string().contains("64 MiB"), "{err}");
}

#[test]
fn a_truncated_png_is_reported_as_corrupt() {
    let png = png_rgba(300, 200, 1);
    let err = media::reencode(&png[..png.len() / 2], ImageRole::Logo).expect_err("truncated");
    assert!(matches!(err, MediaError::Corrupt(_)), "{err}");
    assert!(
        err.to_string()
            .starts_with("the image is corrupt or truncated"),
        "{err}"
    );

    let header_only = &png[..20];
    assert!(matches!(
        media::reencode(header_only, ImageRole::Logo),
        Err(MediaError::Corrupt(_))
    ));
}

#[test]
fn a_png_whose_data_does_not_match_its_header_is_corrupt() {
    // 2×2 pixels announced, no pixel data in the (valid, empty) zlib stream.
    let err = media::reencode(&png_claiming(2, 2), ImageRole::Logo).expect_err("no pixels");
    assert!(matches!(err, MediaError::Corrupt(_)), "{err}");
}

#[test]
fn a_truncated_jpeg_is_refused() {
    let jpeg = rgb(400, 300, 2, ImageFormat::Jpeg);
    let err = media::reencode(&jpeg[..jpeg.len() / 3], ImageRole::Product)
        .expect_err("a JPEG cut after a third");
    assert_eq!(
        err.to_string(),
        "the image is corrupt or truncated: the file ends before the JPEG end-of-image marker"
    );
    assert!(matches!(
        media::reencode(&jpeg[..3], ImageRole::Product),
        Err(MediaError::Corrupt(_))
    ));
}

#[test]
fn exif_and_text_metadata_are_gone_after_reencoding() {
    let jpeg = jpeg_with_exif(&rgb(64, 32, 3, ImageFormat::Jpeg), 1, b"GPS 29.56N 106.55E");
    assert!(
        contains(&jpeg, b"GPS 29.56N"),
        "the input carries the marker"
    );
    let out = media::reencode(&jpeg, ImageRole::Product).expect("re-encodes");
    assert!(!contains(&out.bytes, b"Exif"), "no EXIF segment");
    assert!(!contains(&out.bytes, b"GPS 29.56N"));

    let png = with_chunk_before_iend(&png_rgba(64, 32, 4), b"tEXt", b"Author\0Jane Doe, +86 138");
    assert!(contains(&png, b"Jane Doe"));
    let out = media::reencode(&png, ImageRole::Logo).expect("re-encodes");
    assert!(!contains(&out.bytes, b"Jane Doe"), "no text chunk");
    assert!(!contains(&out.bytes, b"tEXt"));
}

#[test]
fn exif_orientation_is_applied_to_the_pixels_before_it_is_dropped() {
    let jpeg = jpeg_with_exif(&rgb(200, 100, 5, ImageFormat::Jpeg), 6, b"");
    let out = media::reencode(&jpeg, ImageRole::Product).expect("re-encodes");
    assert_eq!(
        (out.width, out.height),
        (100, 200),
        "orientation 6 turns the picture upright"
    );
}

#[test]
fn logos_fit_in_512_and_products_in_1024_pixels_keeping_their_shape() {
    let logo = media::reencode(&png_rgba(1000, 250, 1), ImageRole::Logo).expect("logo");
    assert_eq!((logo.width, logo.height), (512, 128));
    assert_eq!(logo.mime, "image/png");
    let decoded = image::load_from_memory(&logo.bytes).expect("output decodes");
    assert_eq!((decoded.width(), decoded.height()), (512, 128));

    let tall =
        media::reencode(&rgb(300, 3000, 2, ImageFormat::Png), ImageRole::Product).expect("product");
    assert_eq!((tall.width, tall.height), (102, 1024));
    assert_eq!(
        tall.mime, "image/jpeg",
        "an opaque product picture becomes a JPEG"
    );

    let small =
        media::reencode(&rgb(40, 30, 3, ImageFormat::Jpeg), ImageRole::Logo).expect("small logo");
    assert_eq!((small.width, small.height), (40, 30), "never upscaled");
    assert_eq!(small.mime, "image/png", "logos are always PNG");

    let see_through =
        media::reencode(&png_rgba(2000, 1000, 4), ImageRole::Product).expect("product with alpha");
    assert_eq!((see_through.width, see_through.height), (1024, 512));
    assert_eq!(
        see_through.mime, "image/png",
        "alpha is kept, so it stays PNG"
    );
}

#[test]
fn the_same_input_gives_the_same_bytes_and_hash() {
    let input = rgb(1500, 900, 6, ImageFormat::Jpeg);
    let a = media::reencode(&input, ImageRole::Product).expect("first");
    let b = media::reencode(&input, ImageRole::Product).expect("second");
    assert_eq!(a.sha256, b.sha256);
    assert_eq!(a.bytes, b.bytes);
    assert_eq!(
        a.sha256,
        hex::encode(Sha256::digest(&a.bytes)),
        "sha256 addresses the output"
    );
    assert_eq!(a.sha256.len(), 64);
    assert!(
        a.sha256
            .chars()
            .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase())
    );
}
