//! A small hand-made fair, with real image files in a temporary folder, shared by the snapshot,
//! build and verify tests (the importer is not needed to build it).
#![allow(dead_code)]

use std::io::Cursor;
use std::path::{Path, PathBuf};

use fairway_core::build::{BuildOptions, BuildReport, build_snapshot};
use fairway_core::model::{
    Booth, Category, Connector, ConnectorKind, Exhibitor, Fair, FairSource, Hall, Kiosk, Language,
    Pavilion, PavilionKind, Product,
};
use image::{DynamicImage, ImageFormat, Rgb, RgbImage, Rgba, RgbaImage};
use time::macros::datetime;

/// A PNG with an alpha channel, `w`×`h`, coloured by position so re-encodes differ by size.
pub fn png_rgba(w: u32, h: u32, seed: u8) -> Vec<u8> {
    let img = RgbaImage::from_fn(w, h, |x, y| {
        Rgba([
            (x % 256) as u8,
            (y % 256) as u8,
            seed,
            if x < w / 2 { 255 } else { 128 },
        ])
    });
    encode(DynamicImage::ImageRgba8(img), ImageFormat::Png)
}

/// An opaque RGB image in `format`.
pub fn rgb(w: u32, h: u32, seed: u8, format: ImageFormat) -> Vec<u8> {
    let img = RgbImage::from_fn(w, h, |x, y| Rgb([(x % 256) as u8, seed, (y % 256) as u8]));
    encode(DynamicImage::ImageRgb8(img), format)
}

fn encode(img: DynamicImage, format: ImageFormat) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    img.write_to(&mut out, format)
        .expect("encoding a test image in memory");
    out.into_inner()
}

/// A source folder on disk (only `images/` and a `fair.toml` placeholder; the tables are in
/// the returned [`FairSource`]).
pub struct Fixture {
    pub dir: tempfile::TempDir,
    pub source: FairSource,
}

impl Fixture {
    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn write_image(&self, name: &str, bytes: &[u8]) {
        std::fs::write(self.root().join("images").join(name), bytes).expect("writing an image");
    }

    /// Builds into `out` with a fixed creation time, so expiry is predictable.
    pub fn build(&self, out: &Path, opts: BuildOptions) -> BuildReport {
        build_snapshot(&self.source, out, &opts).expect("the fixture builds")
    }
}

/// 2025-06-01T08:00:00Z: the creation time the tests build with.
pub const CREATED: time::OffsetDateTime = datetime!(2025-06-01 08:00:00 UTC);

pub fn options() -> BuildOptions {
    BuildOptions {
        created: Some(CREATED),
        ..BuildOptions::default()
    }
}

fn s(v: &str) -> Option<String> {
    Some(v.to_owned())
}

pub fn fixture() -> Fixture {
    let dir = tempfile::tempdir().expect("temporary folder");
    let root = dir.path().to_path_buf();
    std::fs::create_dir(root.join("images")).expect("images folder");
    std::fs::write(root.join("fair.toml"), "id = \"expo-2025\"\n").expect("fair.toml");
    let f = Fixture {
        dir,
        source: source(root),
    };
    f.write_image("th.png", &png_rgba(100, 60, 1));
    f.write_image("e1.png", &png_rgba(800, 400, 2));
    // The same picture under two names is stored once.
    f.write_image("e2.png", &png_rgba(300, 300, 3));
    f.write_image("e2-copy.png", &png_rgba(300, 300, 3));
    f.write_image("car.jpg", &rgb(2000, 1000, 4, ImageFormat::Jpeg));
    f.write_image("cup.png", &png_rgba(200, 100, 5));
    f
}

pub fn source(root: PathBuf) -> FairSource {
    FairSource {
        root,
        fair: Fair {
            id: "expo-2025".into(),
            name_en: "China–ASEAN Expo".into(),
            name_zh: "中国—东盟博览会".into(),
            venue_en: s("Nanning International Convention Centre"),
            venue_zh: s("南宁国际会展中心"),
            starts_on: s("2025-09-17"),
            ends_on: s("2025-09-21"),
            timezone: s("Asia/Shanghai"),
            default_language: Language::En,
        },
        halls: vec![
            Hall {
                code: "N1".into(),
                name_en: "Hall N1".into(),
                name_zh: "N1馆".into(),
                level: 1,
                width_m: 100.0,
                depth_m: 60.0,
                x_m: 0.0,
                y_m: 0.0,
            },
            Hall {
                code: "N2".into(),
                name_en: "Hall N2".into(),
                name_zh: "N2馆".into(),
                level: 2,
                width_m: 80.0,
                depth_m: 60.0,
                x_m: 110.0,
                y_m: 0.0,
            },
        ],
        pavilions: vec![
            Pavilion {
                slug: "thailand".into(),
                kind: PavilionKind::Country,
                name_en: "Thailand Pavilion".into(),
                name_zh: "泰国馆".into(),
                country: s("TH"),
                hall: s("N1"),
                color: s("#1d4ed8"),
                description_en: s("Thai companies"),
                description_zh: s("泰国企业"),
                logo: s("th.png"),
            },
            Pavilion {
                slug: "chongqing".into(),
                kind: PavilionKind::Region,
                name_en: "Chongqing Pavilion".into(),
                name_zh: "重庆馆".into(),
                country: s("CN"),
                hall: s("N2"),
                color: None,
                description_en: None,
                description_zh: None,
                logo: None,
            },
        ],
        // A child listed before its parent: the writer must not depend on the order.
        categories: vec![
            Category {
                slug: "ev".into(),
                name_en: "Electric vehicles".into(),
                name_zh: "电动汽车".into(),
                parent: s("vehicles"),
            },
            Category {
                slug: "vehicles".into(),
                name_en: "Vehicles".into(),
                name_zh: "汽车".into(),
                parent: None,
            },
            Category {
                slug: "parts".into(),
                name_en: "Parts".into(),
                name_zh: "零部件".into(),
                parent: s("vehicles"),
            },
            Category {
                slug: "food".into(),
                name_en: "Food".into(),
                name_zh: "食品".into(),
                parent: None,
            },
        ],
        booths: vec![
            booth("N1-A01", "N1", 2.0, Some("thailand")),
            booth("N1-A02", "N1", 6.0, Some("thailand")),
            booth("N2-B01", "N2", 2.0, Some("chongqing")),
            booth("N2-B02", "N2", 6.0, None),
        ],
        exhibitors: vec![
            Exhibitor {
                id: "E0001".into(),
                name_en: "Siam Foods".into(),
                name_zh: s("暹罗食品"),
                country: s("TH"),
                pavilion: s("thailand"),
                booths: vec!["N1-A02".into(), "N1-A01".into()],
                categories: vec!["food".into()],
                website: s("https://siam.example"),
                email: s("sales@siam.example"),
                phone: s("+6621234567"),
                contact_name_en: s("Somchai"),
                contact_name_zh: s("颂猜"),
                title_en: s("Sales Director"),
                title_zh: s("销售总监"),
                description_en: s("Rice and noodles."),
                description_zh: s("大米和面条。"),
                logo: s("e1.png"),
            },
            Exhibitor {
                id: "E0002".into(),
                name_en: "Chang'an Automobile".into(),
                name_zh: s("长安汽车"),
                country: s("CN"),
                pavilion: s("chongqing"),
                booths: vec!["N2-B01".into()],
                categories: vec!["ev".into(), "parts".into()],
                logo: s("e2.png"),
                ..Exhibitor::default()
            },
            Exhibitor {
                id: "E0003".into(),
                name_en: "Ångström Parts".into(),
                name_zh: None,
                country: s("CN"),
                pavilion: None,
                booths: vec!["N2-B02".into()],
                categories: vec!["parts".into(), "vehicles".into()],
                logo: s("e2-copy.png"),
                ..Exhibitor::default()
            },
        ],
        products: vec![
            Product {
                exhibitor: "E0002".into(),
                name_en: "Deepal S7".into(),
                name_zh: s("深蓝S7"),
                description_en: s("An electric SUV."),
                description_zh: None,
                image: s("car.jpg"),
            },
            Product {
                exhibitor: "E0001".into(),
                name_en: "Jasmine rice".into(),
                name_zh: s("茉莉香米"),
                description_en: None,
                description_zh: None,
                image: s("cup.png"),
            },
            Product {
                exhibitor: "E0002".into(),
                name_en: "Spare parts".into(),
                ..Product::default()
            },
        ],
        connectors: vec![Connector {
            from_hall: "N1".into(),
            from_x_m: 100.0,
            from_y_m: 30.0,
            to_hall: "N2".into(),
            to_x_m: 0.0,
            to_y_m: 30.0,
            kind: ConnectorKind::Elevator,
            step_free: true,
        }],
        kiosks: vec![Kiosk {
            id: "K1".into(),
            hall: "N1".into(),
            x_m: 50.0,
            y_m: 55.0,
            label_en: s("Main entrance"),
            label_zh: s("主入口"),
        }],
    }
}

fn booth(code: &str, hall: &str, x: f64, pavilion: Option<&str>) -> Booth {
    Booth {
        code: code.into(),
        hall: hall.into(),
        x_m: x,
        y_m: 10.0,
        width_m: 3.0,
        depth_m: 3.0,
        pavilion: pavilion.map(str::to_owned),
    }
}

/// The names of the entries of a folder, sorted.
pub fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("listing a folder")
        .map(|e| {
            e.expect("folder entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}
