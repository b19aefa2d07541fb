//! The image pipeline on arbitrary bytes: `media::reencode` in both roles.
//!
//! It must never panic, and what it accepts must be what a snapshot may hold: a PNG or JPEG
//! (by its magic bytes and its MIME type), addressed by its SHA-256, whose header says the
//! dimensions the asset claims, no larger than the role's longest side. Every refusal is one line.
#![no_main]

use std::io::Cursor;

use fairway_core::media::{self, ImageRole};
use image::{ImageFormat, ImageReader};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for role in [ImageRole::Logo, ImageRole::Product] {
        match media::reencode(data, role) {
            Ok(asset) => {
                let format = match asset.mime {
                    "image/png" => ImageFormat::Png,
                    "image/jpeg" => ImageFormat::Jpeg,
                    other => panic!("an asset of type {other}"),
                };
                let magic: &[u8] = match format {
                    ImageFormat::Png => b"\x89PNG\r\n\x1a\n",
                    _ => b"\xff\xd8\xff",
                };
                assert!(
                    asset.bytes.starts_with(magic),
                    "{} without its magic",
                    asset.mime
                );
                let max = role.max_side();
                assert!(
                    asset.width.max(asset.height) <= max && asset.width.min(asset.height) >= 1,
                    "{role:?} asset of {}×{} pixels",
                    asset.width,
                    asset.height
                );
                let header = ImageReader::with_format(Cursor::new(&asset.bytes), format)
                    .into_dimensions()
                    .expect("Fairway's own output has a readable header");
                assert_eq!(
                    header,
                    (asset.width, asset.height),
                    "the asset's dimensions are its file's"
                );
            }
            Err(e) => {
                let text = e.to_string();
                assert!(
                    !text.contains(['\n', '\r']),
                    "a refusal of two lines: {text:?}"
                );
            }
        }
    }
});
