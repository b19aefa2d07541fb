//! Prints how long `build_snapshot` takes for a fair of many exhibitors, each with its own
//! logo (the DESIGN target: 20,000 exhibitors with logos in under 60 s on 2 cores).
//!
//! `cargo bench -p fairway-core --bench build_scale` (set `FAIRWAY_BENCH_EXHIBITORS` to change
//! the size). It prints figures; it asserts nothing about time.

use std::io::Cursor;
use std::time::Instant;

use fairway_core::build::{BuildOptions, build_snapshot};
use fairway_core::model::{
    Booth, Category, Exhibitor, Fair, FairSource, Hall, Language, Pavilion, PavilionKind, Product,
};
use fairway_core::snapshot::{ExhibitorFilter, Snapshot};
use image::{DynamicImage, ImageFormat, Rgba, RgbaImage};

fn logo(i: usize) -> Vec<u8> {
    // 600×300, like a real logo: flat colours on a transparent background (a disc and a bar in
    // per-exhibitor colours), so every file is distinct and needs resizing to 512 px.
    let seed = i as u32;
    let disc = Rgba([(seed % 256) as u8, (seed / 256 % 256) as u8, 90, 255]);
    let bar = Rgba([30, (seed * 7 % 256) as u8, (seed * 13 % 256) as u8, 255]);
    let img = RgbaImage::from_fn(600, 300, |x, y| {
        let (dx, dy) = (x as i64 - 150, y as i64 - 150);
        if dx * dx + dy * dy < 110 * 110 {
            disc
        } else if (300..580).contains(&x) && (120..180).contains(&y) {
            bar
        } else {
            Rgba([0, 0, 0, 0])
        }
    });
    let mut out = Cursor::new(Vec::new());
    DynamicImage::ImageRgba8(img)
        .write_to(&mut out, ImageFormat::Png)
        .expect("encoding a logo");
    out.into_inner()
}

fn main() {
    let n: usize = std::env::var("FAIRWAY_BENCH_EXHIBITORS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20_000);
    let dir = tempfile::tempdir().expect("temporary folder");
    let images = dir.path().join("images");
    std::fs::create_dir(&images).expect("images folder");

    let started = Instant::now();
    let mut bytes_total = 0usize;
    for i in 0..n {
        let png = logo(i);
        bytes_total += png.len();
        std::fs::write(images.join(format!("e{i:05}.png")), png).expect("writing a logo");
    }
    println!(
        "wrote {n} logos ({:.1} MB) in {:.1} s",
        bytes_total as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );

    // One logo, re-encoded again and again: the cost per image, without I/O or threads.
    let sample = logo(7);
    let t = Instant::now();
    for _ in 0..50 {
        fairway_core::media::reencode(&sample, fairway_core::media::ImageRole::Logo)
            .expect("re-encodes");
    }
    println!(
        "one 600×300 logo re-encoded to 512×256 in {:.2} ms",
        t.elapsed().as_secs_f64() * 1000.0 / 50.0
    );
    let small = {
        let img = RgbaImage::from_fn(400, 200, |x, y| Rgba([x as u8, y as u8, 7, 255]));
        let mut out = Cursor::new(Vec::new());
        DynamicImage::ImageRgba8(img)
            .write_to(&mut out, ImageFormat::Png)
            .expect("encoding a logo");
        out.into_inner()
    };
    let t = Instant::now();
    for _ in 0..50 {
        fairway_core::media::reencode(&small, fairway_core::media::ImageRole::Logo)
            .expect("re-encodes");
    }
    println!(
        "one 400×200 logo (no resize) re-encoded in {:.2} ms",
        t.elapsed().as_secs_f64() * 1000.0 / 50.0
    );

    let halls: Vec<Hall> = (0..10)
        .map(|h| Hall {
            code: format!("H{h}"),
            name_en: format!("Hall {h}"),
            name_zh: format!("{h}号馆"),
            level: 1,
            width_m: 200.0,
            depth_m: 100.0,
            x_m: 210.0 * f64::from(h),
            y_m: 0.0,
        })
        .collect();
    let source = FairSource {
        root: dir.path().to_path_buf(),
        fair: Fair {
            id: "scale".into(),
            name_en: "Scale Fair".into(),
            name_zh: "规模展".into(),
            venue_en: None,
            venue_zh: None,
            starts_on: None,
            ends_on: None,
            timezone: None,
            default_language: Language::En,
        },
        pavilions: vec![Pavilion {
            slug: "p".into(),
            kind: PavilionKind::Theme,
            name_en: "P".into(),
            name_zh: "P".into(),
            country: None,
            hall: Some("H0".into()),
            color: None,
            description_en: None,
            description_zh: None,
            logo: None,
        }],
        // Ten parents with five children each; every exhibitor is in two children.
        categories: (0..10)
            .flat_map(|p| {
                std::iter::once(Category {
                    slug: format!("c{p}"),
                    name_en: format!("Category {p}"),
                    name_zh: format!("类别{p}"),
                    parent: None,
                })
                .chain((0..5).map(move |c| Category {
                    slug: format!("c{p}-{c}"),
                    name_en: format!("Category {p}.{c}"),
                    name_zh: format!("类别{p}.{c}"),
                    parent: Some(format!("c{p}")),
                }))
            })
            .collect(),
        booths: (0..n)
            .map(|i| Booth {
                code: format!("B{i:05}"),
                hall: format!("H{}", i % 10),
                x_m: (i % 60) as f64 * 3.0,
                y_m: ((i / 60) % 30) as f64 * 3.0,
                width_m: 3.0,
                depth_m: 3.0,
                pavilion: None,
            })
            .collect(),
        exhibitors: (0..n)
            .map(|i| Exhibitor {
                id: format!("E{i:05}"),
                name_en: format!("Company {i}"),
                name_zh: Some(format!("公司{i}")),
                pavilion: (i % 7 == 0).then(|| "p".to_owned()),
                booths: vec![format!("B{i:05}")],
                categories: vec![
                    format!("c{}-{}", i % 10, i % 5),
                    format!("c{}-{}", (i / 10) % 10, (i / 3) % 5),
                ],
                description_en: Some("We make things and sell them worldwide.".into()),
                logo: Some(format!("e{i:05}.png")),
                ..Exhibitor::default()
            })
            .collect(),
        products: (0..n)
            .map(|i| Product {
                exhibitor: format!("E{i:05}"),
                name_en: format!("Product {i}"),
                ..Product::default()
            })
            .collect(),
        halls,
        connectors: Vec::new(),
        kiosks: Vec::new(),
    };

    let out = tempfile::tempdir().expect("output folder");
    let cores = std::thread::available_parallelism().map_or(1, |c| c.get());
    let report =
        build_snapshot(&source, out.path(), &BuildOptions::default()).expect("the build succeeds");
    println!(
        "built {n} exhibitors with logos on {cores} cores in {:.1} s; snapshot {:.1} MB, {} assets",
        report.elapsed.as_secs_f64(),
        report.manifest.size as f64 / 1e6,
        report.counts.assets
    );

    for phase in &report.phases {
        println!("  {:<13} {:.1} s", phase.name, phase.elapsed.as_secs_f64());
    }

    let snapshot = Snapshot::open(&report.snapshot).expect("snapshot opens");
    let t = Instant::now();
    let page = snapshot
        .exhibitors(&ExhibitorFilter {
            limit: Some(50),
            ..ExhibitorFilter::default()
        })
        .expect("list");
    let list_time = t.elapsed();
    let t = Instant::now();
    let profile = snapshot
        .exhibitor(&format!("E{:05}", n / 2))
        .expect("profile");
    let profile_time = t.elapsed();
    let t = Instant::now();
    let categories = snapshot.categories().expect("categories");
    let category_time = t.elapsed();
    let t = Instant::now();
    let in_parent = snapshot
        .exhibitors(&ExhibitorFilter {
            category: Some("c3".into()),
            limit: Some(50),
            ..ExhibitorFilter::default()
        })
        .expect("category list");
    let in_parent_time = t.elapsed();
    let t = Instant::now();
    let in_hall = snapshot
        .exhibitors(&ExhibitorFilter {
            hall: Some("H4".into()),
            limit: Some(50),
            ..ExhibitorFilter::default()
        })
        .expect("hall list");
    let in_hall_time = t.elapsed();
    let t = Instant::now();
    let booths = snapshot.booths_in_hall("H4").expect("booths");
    let booths_time = t.elapsed();
    println!(
        "first list page ({} rows) {list_time:?}; one profile ({}) {profile_time:?}; \
         category tree ({} parents) {category_time:?}; first page of a parent category ({}) \
         {in_parent_time:?}; first page of a hall ({}) {in_hall_time:?}; booths of a hall ({}) \
         {booths_time:?}",
        page.len(),
        profile.is_some(),
        categories.len(),
        in_parent.len(),
        in_hall.len(),
        booths.len(),
    );
}
