//! Generated pictures: exhibitor and pavilion logos (PNG) and product photos (JPEG).
//!
//! Nothing is copied from anywhere. A logo is a badge (circle, rounded square or diamond) in a
//! colour derived from the name's hash, carrying a mirrored 5×5 block pattern like a monogram; a
//! product picture is a soft gradient with a shaded object on it. Drawing is plain arithmetic on
//! an RGB buffer so the bytes only depend on the seed (and the encoder version).

use std::io;

use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::{CompressionType, FilterType, PngEncoder};
use image::{ExtendedColorType, ImageEncoder};

use super::rng::{Rng, mix};

type Rgb = [u8; 3];

/// A colour from hue (0..360), saturation and value (0..1).
fn hsv(h: f64, s: f64, v: f64) -> Rgb {
    let c = v * s;
    let hp = (h % 360.0) / 60.0;
    let x = c * (1.0 - ((hp % 2.0) - 1.0).abs());
    let (r, g, b) = match hp as u32 {
        0 => (c, x, 0.0),
        1 => (x, c, 0.0),
        2 => (0.0, c, x),
        3 => (0.0, x, c),
        4 => (x, 0.0, c),
        _ => (c, 0.0, x),
    };
    let m = v - c;
    let to = |f: f64| ((f + m) * 255.0).round().clamp(0.0, 255.0) as u8;
    [to(r), to(g), to(b)]
}

/// Parses `#rrggbb`.
pub(crate) fn parse_color(text: &str) -> Option<Rgb> {
    let hex = text.strip_prefix('#')?;
    if hex.len() != 6 {
        return None;
    }
    let part = |i: usize| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok();
    Some([part(0)?, part(2)?, part(4)?])
}

fn blend(a: Rgb, b: Rgb, t: f64) -> Rgb {
    let f = |x: u8, y: u8| (f64::from(x) + (f64::from(y) - f64::from(x)) * t).round() as u8;
    [f(a[0], b[0]), f(a[1], b[1]), f(a[2], b[2])]
}

/// The pixels `a..b` whose centres lie within `lo..=hi` on a line of `n` pixels.
fn span(lo: f64, hi: f64, n: usize) -> (usize, usize) {
    let a = (lo - 0.5).ceil().max(0.0) as usize;
    let b = ((hi - 0.5).floor() + 1.0).clamp(0.0, n as f64) as usize;
    (a, b.max(a))
}

/// Paints pixels `a..b` of an RGB row. Whole spans are copied at once: the drawing loops run
/// per row, not per pixel, so that even an unoptimised build draws 20,000 logos quickly.
fn fill(row: &mut [u8], (a, b): (usize, usize), color: Rgb) {
    if b > a {
        row[a * 3..b * 3].copy_from_slice(&color.repeat(b - a));
    }
}

/// A square logo of `size` pixels for the given hash, in `color` when one is given.
pub(crate) fn logo_png(seed: u64, size: u32, color: Option<Rgb>) -> io::Result<Vec<u8>> {
    let mut rng = Rng::new(mix(seed));
    let hue = rng.below(360) as f64;
    let badge = color.unwrap_or_else(|| {
        hsv(
            hue,
            0.55 + rng.below(35) as f64 / 100.0,
            0.55 + rng.below(30) as f64 / 100.0,
        )
    });
    let paper = blend(badge, [255, 255, 255], 0.88);
    let mark = [255, 255, 255];
    let shape = rng.below(3);
    // A 5×5 pattern mirrored left to right, like a monogram made of blocks.
    let mut pattern = [[false; 5]; 5];
    for row in &mut pattern {
        for col in 0..3 {
            let on = rng.chance(55);
            row[col] = on;
            row[4 - col] = on;
        }
    }
    pattern[2][2] = true;

    let n = size as usize;
    let s = f64::from(size);
    let centre = s / 2.0;
    let radius = s * 0.44;
    let grid_origin = s * 0.27;
    let cell = s * 0.46 / 5.0;
    let blank = paper.repeat(n);
    let mut pixels = Vec::with_capacity(n * n * 3);
    for y in 0..n {
        let fy = y as f64 + 0.5;
        let dy = (fy - centre).abs();
        let half = match shape {
            0 => (dy <= radius).then(|| (radius * radius - dy * dy).sqrt()),
            1 => {
                // A rounded square: straight sides, quarter circles at the corners.
                let (inner, corner) = (radius * 0.75, radius * 0.25);
                if dy <= inner {
                    Some(radius)
                } else {
                    (dy <= radius)
                        .then(|| inner + (corner * corner - (dy - inner) * (dy - inner)).sqrt())
                }
            }
            _ => (dy <= radius * 1.2).then_some(radius * 1.2 - dy),
        };
        let mut row = blank.clone();
        if let Some(half) = half {
            fill(&mut row, span(centre - half, centre + half, n), badge);
        }
        // The pattern lies well inside every badge shape, so it needs no clipping.
        let gy = ((fy - grid_origin) / cell).floor();
        if (0.0..5.0).contains(&gy) {
            for (gx, on) in pattern[gy as usize].iter().enumerate() {
                if *on {
                    let lo = grid_origin + gx as f64 * cell;
                    let (a, b) = span(lo, lo + cell, n);
                    // A pixel belongs to the cell whose half-open range holds its centre.
                    let b = if b > a && (b as f64 - 0.5) >= lo + cell {
                        b - 1
                    } else {
                        b
                    };
                    fill(&mut row, (a, b), mark);
                }
            }
        }
        pixels.extend_from_slice(&row);
    }
    // Small logos are the synthetic fairs' thousands: the fast encoder keeps those quick.
    let compression = if size >= 128 {
        CompressionType::Default
    } else {
        CompressionType::Fast
    };
    let mut out = Vec::new();
    PngEncoder::new_with_quality(&mut out, compression, FilterType::Adaptive)
        .write_image(&pixels, size, size, ExtendedColorType::Rgb8)
        .map_err(io::Error::other)?;
    Ok(out)
}

/// A product photo of `width`×`height` pixels: a gradient backdrop and a shaded object.
pub(crate) fn product_jpeg(seed: u64, width: u32, height: u32) -> io::Result<Vec<u8>> {
    let mut rng = Rng::new(mix(seed ^ 0x5052_4F44));
    let hue = rng.below(360) as f64;
    let top = hsv(hue, 0.15, 0.97);
    let bottom = hsv(hue, 0.25, 0.80);
    let body = hsv((hue + 150.0 + rng.below(60) as f64) % 360.0, 0.65, 0.75);
    let shape = rng.below(3);
    let n = width as usize;
    let (w, h) = (f64::from(width), f64::from(height));
    let (cx, cy) = (w / 2.0, h * 0.52);
    let r = h * 0.30;
    // Shading changes in vertical bands a few pixels wide, which JPEG smooths over.
    let band = (n / 60).max(2);
    let mut pixels = Vec::with_capacity(n * height as usize * 3);
    for y in 0..height {
        let fy = f64::from(y) + 0.5;
        let dy = fy - cy;
        let backdrop = blend(top, bottom, fy / h);
        let mut row = backdrop.repeat(n);
        // A soft shadow under the object.
        let sy = (fy - (cy + r * 1.05)) / (r * 0.18);
        if sy.abs() <= 1.0 {
            let half = r * 1.1 * (1.0 - sy * sy).sqrt();
            fill(
                &mut row,
                span(cx - half, cx + half, n),
                blend(backdrop, [60, 60, 60], 0.35),
            );
        }
        let half = match shape {
            // A sphere.
            0 => (dy.abs() <= r).then(|| (r * r - dy * dy).sqrt()),
            // A box.
            1 => (dy.abs() <= r * 0.9).then_some(r * 1.2),
            // A bottle: a body and a neck.
            _ => {
                if dy.abs() <= r {
                    Some(r * 0.45)
                } else {
                    (dy < 0.0 && dy >= -r * 1.45).then_some(r * 0.18)
                }
            }
        };
        if let Some(half) = half {
            let (a, b) = span(cx - half, cx + half, n);
            let mut x = a;
            while x < b {
                let end = (x + band).min(b);
                let dx = x as f64 + band as f64 / 2.0 - cx;
                // Lit from the top left.
                let light = match shape {
                    0 => 1.0 - 0.5 * ((dx + dy + r) / (2.0 * r)).clamp(0.0, 1.0),
                    1 => {
                        if dx < 0.0 {
                            1.0
                        } else {
                            0.78
                        }
                    }
                    _ => 1.0 - 0.4 * ((dx + half) / (2.0 * half)).clamp(0.0, 1.0),
                };
                fill(&mut row, (x, end), blend([0, 0, 0], body, light));
                x = end;
            }
        }
        pixels.extend_from_slice(&row);
    }
    let mut out = Vec::new();
    JpegEncoder::new_with_quality(&mut out, 70)
        .encode(&pixels, width, height, ExtendedColorType::Rgb8)
        .map_err(io::Error::other)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_parse_from_hex() {
        assert_eq!(parse_color("#c8102e"), Some([0xc8, 0x10, 0x2e]));
        assert_eq!(parse_color("c8102e"), None);
        assert_eq!(parse_color("#c810"), None);
    }

    #[test]
    fn logos_decode_at_their_size() {
        let png = logo_png(7, 64, None).expect("a logo encodes");
        let decoded = image::load_from_memory(&png).expect("the logo decodes");
        assert_eq!((decoded.width(), decoded.height()), (64, 64));
    }
}
