//! The demo fair and the synthetic fairs, read back as an organiser's tools would: with the `csv`
//! crate, column by column, against DESIGN "The fair source folder".

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fs;
use std::path::{Path, PathBuf};

use fairway_core::synth::{self, SynthReport};

type Row = HashMap<String, String>;

/// Every row of a CSV file of the folder, keyed by header.
fn rows(dir: &Path, file: &str) -> Vec<Row> {
    let path = dir.join(file);
    let bytes = fs::read(&path).expect("the CSV file exists");
    assert!(
        !bytes.starts_with(b"\xEF\xBB\xBF"),
        "{file} must be written without a BOM"
    );
    let mut reader = csv::Reader::from_reader(bytes.as_slice());
    let headers = reader.headers().expect("a header row").clone();
    reader
        .records()
        .map(|r| {
            let record = r.expect("every record parses");
            headers
                .iter()
                .zip(record.iter())
                .map(|(h, v)| (h.to_owned(), v.to_owned()))
                .collect()
        })
        .collect()
}

fn header(dir: &Path, file: &str) -> Vec<String> {
    let mut reader = csv::Reader::from_path(dir.join(file)).expect("the CSV file opens");
    reader
        .headers()
        .expect("a header row")
        .iter()
        .map(str::to_owned)
        .collect()
}

fn num(row: &Row, column: &str) -> f64 {
    row[column].parse().expect("a number in metres")
}

/// All files under a folder, by relative path, with their bytes.
fn files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).expect("the folder lists") {
            let path = entry.expect("a folder entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path
                    .strip_prefix(dir)
                    .expect("inside the folder")
                    .to_path_buf();
                out.insert(rel, fs::read(&path).expect("the file reads"));
            }
        }
    }
    out
}

/// The committed demo fair. `demo_fair_in_assets_is_what_the_generator_writes` proves it is
/// exactly the generator's output, so the other tests read it instead of drawing it again.
fn demo_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/demo-fair")
}

fn synthetic(exhibitors: usize, seed: u64) -> (tempfile::TempDir, SynthReport) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let report =
        synth::write_synthetic(dir.path(), exhibitors, seed).expect("the synthetic fair writes");
    (dir, report)
}

#[test]
fn same_seed_writes_byte_identical_folders_and_another_seed_does_not() {
    let (a, _) = synthetic(400, 7);
    let (b, _) = synthetic(400, 7);
    let (c, _) = synthetic(400, 8);
    let (fa, fb, fc) = (files(a.path()), files(b.path()), files(c.path()));
    assert_eq!(
        fa.keys().collect::<Vec<_>>(),
        fb.keys().collect::<Vec<_>>(),
        "same seed, same files"
    );
    for (path, bytes) in &fa {
        assert!(
            bytes == &fb[path],
            "{} differs between two runs with the same seed",
            path.display()
        );
    }
    let exhibitors = Path::new("exhibitors.csv");
    assert_ne!(
        fa[exhibitors], fc[exhibitors],
        "another seed must give other exhibitors"
    );
}

#[test]
fn demo_fair_in_assets_is_what_the_generator_writes() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let report = synth::write_demo_fair(dir.path()).expect("the demo fair writes");
    let (written, committed) = (files(dir.path()), files(&demo_dir()));
    assert_eq!(
        report.images,
        files(&dir.path().join("images")).len(),
        "the report counts the pictures"
    );
    let names = |m: &BTreeMap<PathBuf, Vec<u8>>| m.keys().cloned().collect::<BTreeSet<_>>();
    assert_eq!(
        names(&written),
        names(&committed),
        "assets/demo-fair has other files than the generator writes; run `cargo run -p fairway-core --example demo_fair`"
    );
    for (path, bytes) in &written {
        assert!(
            bytes == &committed[path],
            "assets/demo-fair/{} is stale; run `cargo run -p fairway-core --example demo_fair`",
            path.display()
        );
    }
}

#[test]
fn every_file_has_exactly_the_columns_of_the_contract() {
    let dir = demo_dir();
    let expected: &[(&str, &str)] = &[
        (
            "halls.csv",
            "code,name_en,name_zh,level,width_m,depth_m,x_m,y_m",
        ),
        (
            "pavilions.csv",
            "slug,kind,name_en,name_zh,country,hall,color,description_en,description_zh,logo",
        ),
        ("categories.csv", "slug,name_en,name_zh,parent"),
        ("booths.csv", "code,hall,x_m,y_m,width_m,depth_m,pavilion"),
        (
            "exhibitors.csv",
            "id,name_en,name_zh,country,pavilion,booths,categories,website,email,phone,contact_name_en,contact_name_zh,title_en,title_zh,description_en,description_zh,logo",
        ),
        (
            "products.csv",
            "exhibitor,name_en,name_zh,description_en,description_zh,image",
        ),
        (
            "connectors.csv",
            "from_hall,from_x_m,from_y_m,to_hall,to_x_m,to_y_m,kind,step_free",
        ),
        ("kiosks.csv", "id,hall,x_m,y_m,label_en,label_zh"),
    ];
    for (file, columns) in expected {
        assert_eq!(
            header(&dir, file).join(","),
            *columns,
            "{file} must follow DESIGN's column list"
        );
    }
    let toml = fs::read_to_string(dir.join("fair.toml")).expect("fair.toml reads");
    let fair: toml::Table = toml.parse().expect("fair.toml is valid TOML");
    for key in [
        "id",
        "name_en",
        "name_zh",
        "venue_en",
        "venue_zh",
        "starts_on",
        "ends_on",
        "timezone",
    ] {
        assert!(fair.contains_key(key), "fair.toml must have {key}");
    }
    assert_eq!(fair["timezone"].as_str(), Some("Asia/Shanghai"));
}

#[test]
fn demo_fair_meets_the_counts_the_issue_asks_for() {
    let dir = demo_dir();
    let d = dir.as_path();
    let halls = rows(d, "halls.csv");
    let levels: BTreeSet<&str> = halls.iter().map(|h| h["level"].as_str()).collect();
    assert!(
        halls.len() >= 6 && levels.len() >= 2,
        "at least 6 halls on at least 2 levels"
    );

    let pavilions = rows(d, "pavilions.csv");
    let kinds: BTreeSet<&str> = pavilions.iter().map(|p| p["kind"].as_str()).collect();
    assert!(
        pavilions.len() >= 12,
        "at least 12 pavilions, got {}",
        pavilions.len()
    );
    assert_eq!(
        kinds,
        BTreeSet::from(["city", "country", "region", "theme"]),
        "all four kinds"
    );
    for slug in [
        "thailand",
        "vietnam",
        "laos",
        "singapore",
        "hong-kong",
        "chongqing",
    ] {
        assert!(
            pavilions.iter().any(|p| p["slug"] == slug),
            "the {slug} pavilion is there"
        );
    }
    for p in &pavilions {
        let color = &p["color"];
        assert!(
            color.len() == 7
                && color.starts_with('#')
                && color[1..].chars().all(|c| c.is_ascii_hexdigit()),
            "{color} is #rrggbb"
        );
        assert!(
            !p["description_en"].is_empty()
                && !p["description_zh"].is_empty()
                && !p["logo"].is_empty()
        );
    }

    let categories = rows(d, "categories.csv");
    let tops = categories.iter().filter(|c| c["parent"].is_empty()).count();
    assert!(
        tops >= 8 && categories.len() - tops >= 30,
        "two levels: {tops} top, {} children",
        categories.len() - tops
    );

    let exhibitors = rows(d, "exhibitors.csv");
    let bilingual = exhibitors
        .iter()
        .filter(|e| !e["name_en"].is_empty() && !e["name_zh"].is_empty())
        .count();
    assert!(
        bilingual >= 300,
        "at least 300 exhibitors with both names, got {bilingual}"
    );
    assert!(
        exhibitors.iter().any(|e| e["name_zh"].is_empty()),
        "a few exhibitors without a Chinese name"
    );
    assert!(
        exhibitors
            .iter()
            .any(|e| e["description_zh"].is_empty() && !e["description_en"].is_empty())
    );
    assert!(
        exhibitors
            .iter()
            .any(|e| e["description_en"].is_empty() && !e["description_zh"].is_empty())
    );
    let with_logo = exhibitors.iter().filter(|e| !e["logo"].is_empty()).count();
    assert!(
        with_logo * 4 > exhibitors.len() * 3,
        "most exhibitors have a logo"
    );

    let products = rows(d, "products.csv");
    assert!(
        products.len() >= 300 && products.iter().any(|p| !p["image"].is_empty()),
        "products, some with pictures"
    );

    let kiosks = rows(d, "kiosks.csv");
    assert!(kiosks.len() >= 4, "at least 4 kiosks");
    let kiosk_halls: BTreeSet<&str> = kiosks.iter().map(|k| k["hall"].as_str()).collect();
    assert!(kiosk_halls.len() >= 4, "kiosks stand in different halls");

    let connectors = rows(d, "connectors.csv");
    let kinds: BTreeSet<&str> = connectors.iter().map(|c| c["kind"].as_str()).collect();
    for kind in [
        "door",
        "corridor",
        "stairs",
        "escalator",
        "elevator",
        "ramp",
    ] {
        assert!(kinds.contains(kind), "the demo has a {kind}");
    }
    for c in &connectors {
        let step_free = matches!(
            c["kind"].as_str(),
            "door" | "corridor" | "elevator" | "ramp"
        );
        assert_eq!(
            c["step_free"],
            step_free.to_string(),
            "step_free of a {}",
            c["kind"]
        );
    }
}

#[test]
fn demo_fair_has_what_the_search_acceptance_tests_look_for() {
    let exhibitors = rows(&demo_dir(), "exhibitors.csv");
    let zh = |needle: &str| {
        exhibitors
            .iter()
            .filter(|e| e["name_zh"].contains(needle))
            .count()
    };
    let banks = exhibitors
        .iter()
        .filter(|e| e["name_zh"].contains("重庆") && e["name_zh"].contains("银行"))
        .count();
    assert!(banks >= 2, "several Chongqing banks, got {banks}");
    assert!(zh("重庆") >= 20, "many Chongqing companies");
    for place in ["长安", "厦门", "六安"] {
        assert!(
            zh(place) >= 2,
            "several companies with {place} in their Chinese name"
        );
    }
    let thai: Vec<&Row> = exhibitors
        .iter()
        .filter(|e| e["pavilion"] == "thailand")
        .collect();
    assert!(thai.len() >= 10, "a Thailand pavilion with companies");
    assert!(
        thai.iter()
            .all(|e| e["name_zh"].is_empty() || e["name_zh"].starts_with("泰国")),
        "Thai companies' Chinese names start with 泰国"
    );
    assert!(
        exhibitors
            .iter()
            .filter(|e| e["name_zh"].contains("泰国"))
            .all(|e| e["pavilion"] == "thailand"),
        "only Thai companies have 泰国 in their name"
    );
    assert!(
        exhibitors
            .iter()
            .any(|e| e["name_en"] == "Cà Phê Sông Hồng Co., Ltd." && e["pavilion"] == "vietnam"),
        "the Vietnamese coffee company with diacritics"
    );
    assert!(
        exhibitors.iter().any(|e| e["name_en"].contains('"')),
        "a name with quotes"
    );
    assert!(
        exhibitors.iter().any(|e| e["name_en"].contains('&')),
        "a name with an ampersand"
    );
    assert!(
        exhibitors.iter().any(|e| e["name_en"].contains(',')),
        "a name with a comma"
    );
    assert!(
        exhibitors
            .iter()
            .any(|e| e["description_en"].contains('\n')),
        "a description with a line break"
    );
}

#[test]
fn exhibitors_refer_only_to_things_that_exist() {
    let (synthetic_dir, _) = synthetic(1500, 3);
    for d in [demo_dir().as_path(), synthetic_dir.path()] {
        let booths = rows(d, "booths.csv");
        let booth_pavilion: HashMap<&str, &str> = booths
            .iter()
            .map(|b| (b["code"].as_str(), b["pavilion"].as_str()))
            .collect();
        assert_eq!(booth_pavilion.len(), booths.len(), "booth codes are unique");
        for b in &booths {
            assert!(
                b["code"]
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-')
                    && b["code"].starts_with(&format!("{}-", b["hall"])),
                "booth code {} is <hall>-<row><number>",
                b["code"]
            );
        }
        let pavilions: BTreeSet<String> = rows(d, "pavilions.csv")
            .into_iter()
            .map(|p| p["slug"].clone())
            .collect();
        let categories: BTreeSet<String> = rows(d, "categories.csv")
            .into_iter()
            .map(|c| c["slug"].clone())
            .collect();
        let exhibitors = rows(d, "exhibitors.csv");
        let mut ids = BTreeSet::new();
        let mut used_booths = BTreeSet::new();
        for e in &exhibitors {
            assert!(
                ids.insert(e["id"].clone()),
                "exhibitor id {} is unique",
                e["id"]
            );
            let codes: Vec<&str> = e["booths"].split(';').collect();
            assert!(
                (1..=2).contains(&codes.len()),
                "{} has one or two booths",
                e["id"]
            );
            for code in codes {
                assert_eq!(
                    booth_pavilion.get(code),
                    Some(&e["pavilion"].as_str()),
                    "{}'s booth {code} exists and carries its pavilion",
                    e["id"]
                );
                assert!(
                    used_booths.insert(code.to_owned()),
                    "booth {code} belongs to one exhibitor"
                );
            }
            assert!(e["pavilion"].is_empty() || pavilions.contains(&e["pavilion"]));
            let cats: Vec<&str> = e["categories"].split(';').collect();
            assert!(
                (1..=3).contains(&cats.len()) && cats.iter().all(|c| categories.contains(*c)),
                "{}'s categories exist",
                e["id"]
            );
            assert_eq!(e["country"].len(), 2, "an ISO country code");
        }
        for p in rows(d, "products.csv") {
            assert!(
                ids.contains(&p["exhibitor"]),
                "product of a known exhibitor"
            );
        }
    }
}

/// Axis-aligned rectangles in one hall's coordinates.
#[derive(Debug, Clone, Copy)]
struct Rect {
    x: f64,
    y: f64,
    w: f64,
    d: f64,
}

impl Rect {
    fn of(row: &Row) -> Self {
        Rect {
            x: num(row, "x_m"),
            y: num(row, "y_m"),
            w: num(row, "width_m"),
            d: num(row, "depth_m"),
        }
    }
    fn overlaps(&self, o: &Rect) -> bool {
        self.x < o.x + o.w && o.x < self.x + self.w && self.y < o.y + o.d && o.y < self.y + self.d
    }
    /// Strictly inside, not on the border: a point on a booth's edge is still walkable.
    fn contains(&self, x: f64, y: f64) -> bool {
        x > self.x && x < self.x + self.w && y > self.y && y < self.y + self.d
    }
}

fn booths_by_hall(d: &Path) -> BTreeMap<String, Vec<Rect>> {
    let mut out: BTreeMap<String, Vec<Rect>> = BTreeMap::new();
    for b in rows(d, "booths.csv") {
        out.entry(b["hall"].clone()).or_default().push(Rect::of(&b));
    }
    out
}

#[test]
fn booths_never_overlap_lie_inside_their_halls_and_face_an_aisle() {
    let (synthetic_dir, _) = synthetic(2500, 11);
    for d in [demo_dir().as_path(), synthetic_dir.path()] {
        let halls: HashMap<String, Row> = rows(d, "halls.csv")
            .into_iter()
            .map(|h| (h["code"].clone(), h))
            .collect();
        for (hall, booths) in booths_by_hall(d) {
            let h = &halls[&hall];
            let (hw, hd) = (num(h, "width_m"), num(h, "depth_m"));
            for (i, b) in booths.iter().enumerate() {
                assert!(
                    b.x >= 3.0 && b.y >= 3.0 && b.x + b.w <= hw - 3.0 && b.y + b.d <= hd - 3.0,
                    "a booth of {hall} keeps the edge aisle clear: {b:?}"
                );
                // Rows in a grid only meet booths of their own block; checking every pair in a
                // hall is quadratic but small enough.
                for o in &booths[i + 1..] {
                    assert!(!b.overlaps(o), "booths of {hall} overlap: {b:?} and {o:?}");
                }
                // A 3 m deep strip in front of one long side is free of booths.
                let fronts = [
                    Rect {
                        x: b.x,
                        y: b.y - 3.0,
                        w: b.w,
                        d: 3.0,
                    },
                    Rect {
                        x: b.x,
                        y: b.y + b.d,
                        w: b.w,
                        d: 3.0,
                    },
                ];
                assert!(
                    fronts.iter().any(|f| booths.iter().all(|o| !f.overlaps(o))),
                    "booth {b:?} of {hall} has an aisle in front of it"
                );
            }
        }
    }
}

#[test]
fn kiosks_and_connector_ends_stand_in_aisles_and_join_every_hall() {
    let (synthetic_dir, _) = synthetic(20_000 / 4, 5);
    for d in [demo_dir().as_path(), synthetic_dir.path()] {
        let halls: HashMap<String, Row> = rows(d, "halls.csv")
            .into_iter()
            .map(|h| (h["code"].clone(), h))
            .collect();
        let booths = booths_by_hall(d);
        let free = |hall: &str, x: f64, y: f64| {
            booths
                .get(hall)
                .is_none_or(|bs| bs.iter().all(|b| !b.contains(x, y)))
        };
        for k in rows(d, "kiosks.csv") {
            let h = &halls[&k["hall"]];
            let (x, y) = (num(&k, "x_m"), num(&k, "y_m"));
            assert!(
                x > 0.0 && y > 0.0 && x < num(h, "width_m") && y < num(h, "depth_m"),
                "kiosk {} is inside its hall",
                k["id"]
            );
            assert!(
                free(&k["hall"], x, y),
                "kiosk {} stands in an aisle",
                k["id"]
            );
        }
        let mut links: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for c in rows(d, "connectors.csv") {
            for (hall, x, y) in [
                ("from_hall", "from_x_m", "from_y_m"),
                ("to_hall", "to_x_m", "to_y_m"),
            ] {
                let h = &halls[&c[hall]];
                let (x, y) = (num(&c, x), num(&c, y));
                let (w, dd) = (num(h, "width_m"), num(h, "depth_m"));
                let on_edge = ((x == 0.0 || x == w) && (0.0..=dd).contains(&y))
                    || ((y == 0.0 || y == dd) && (0.0..=w).contains(&x));
                assert!(
                    on_edge,
                    "a {} end ({x}, {y}) lies on a wall of {}",
                    c["kind"], c[hall]
                );
                assert!(
                    free(&c[hall], x, y),
                    "a {} end is not inside a booth",
                    c["kind"]
                );
            }
            links
                .entry(c["from_hall"].clone())
                .or_default()
                .push(c["to_hall"].clone());
            links
                .entry(c["to_hall"].clone())
                .or_default()
                .push(c["from_hall"].clone());
        }
        let start = halls.keys().min().expect("some hall").clone();
        let mut seen = BTreeSet::from([start.clone()]);
        let mut queue = vec![start];
        while let Some(h) = queue.pop() {
            for n in links.get(&h).into_iter().flatten() {
                if seen.insert(n.clone()) {
                    queue.push(n.clone());
                }
            }
        }
        assert_eq!(
            seen.len(),
            halls.len(),
            "every hall can be reached from every other"
        );
    }
}

/// True for the E.164 numbers reserved for fiction: UK drama, US 555-01xx, Australian drama.
fn fiction_phone(phone: &str) -> bool {
    let in_range = |prefix: &str, lo: u32, hi: u32| {
        phone
            .strip_prefix(prefix)
            .filter(|rest| {
                rest.len() == lo.to_string().len().max(hi.to_string().len()) || rest.len() == 4
            })
            .and_then(|rest| rest.parse::<u32>().ok())
            .is_some_and(|n| (lo..=hi).contains(&n))
    };
    (phone.len() == 13 && in_range("+44207946", 0, 999))
        || (phone.len() == 12 && in_range("+1202555", 100, 199))
        || (phone.len() == 12 && in_range("+614915", 70006, 70159))
}

#[test]
fn contact_details_are_fiction_phones_and_example_addresses() {
    assert!(
        fiction_phone("+442079460000")
            && fiction_phone("+12025550199")
            && fiction_phone("+61491570159")
    );
    assert!(
        !fiction_phone("+442079461000")
            && !fiction_phone("+12025550200")
            && !fiction_phone("+61491570005")
    );
    let (synthetic_dir, _) = synthetic(3000, 9);
    for d in [demo_dir().as_path(), synthetic_dir.path()] {
        let exhibitors = rows(d, "exhibitors.csv");
        let mut phones = 0;
        for e in &exhibitors {
            if !e["phone"].is_empty() {
                phones += 1;
                assert!(
                    fiction_phone(&e["phone"]),
                    "{} has a real-looking phone {}",
                    e["id"],
                    e["phone"]
                );
            }
            let email = &e["email"];
            assert!(
                email.ends_with("@example.com") || email.ends_with("@example.cn"),
                "{} e-mail {email}",
                e["id"]
            );
            let site = &e["website"];
            assert!(
                site.starts_with("https://")
                    && (site.ends_with(".example.com") || site.ends_with(".example.cn")),
                "{} website {site}",
                e["id"]
            );
        }
        assert!(
            phones * 10 > exhibitors.len() * 8,
            "most exhibitors have a phone"
        );
    }
}

#[test]
fn every_referenced_image_exists_and_every_image_is_referenced() {
    let dir = demo_dir();
    let d = dir.as_path();
    let mut named = BTreeSet::new();
    for (file, column) in [
        ("exhibitors.csv", "logo"),
        ("pavilions.csv", "logo"),
        ("products.csv", "image"),
    ] {
        for row in rows(d, file) {
            if !row[column].is_empty() {
                named.insert(row[column].clone());
            }
        }
    }
    let on_disk: BTreeSet<String> = fs::read_dir(d.join("images"))
        .expect("images/ lists")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    assert_eq!(
        named, on_disk,
        "images/ holds exactly the pictures the CSVs name"
    );
    for name in named.iter().filter(|n| {
        n.starts_with("logo-E000") || n.starts_with("pavilion-") || n.starts_with("product-000")
    }) {
        let picture = image::open(d.join("images").join(name)).expect("the picture decodes");
        let size = (picture.width(), picture.height());
        let expected = if name.starts_with("product-") {
            (480, 360)
        } else {
            (256, 256)
        };
        assert_eq!(size, expected, "{name} has the expected size");
    }
    let total: u64 = files(d).values().map(|b| b.len() as u64).sum();
    println!("demo fair: {} pictures, {total} bytes", on_disk.len());
    assert!(
        total < 4 * 1024 * 1024,
        "the demo folder stays under 4 MB, got {total} bytes"
    );
}

#[test]
fn a_synthetic_fair_of_twenty_thousand_exhibitors_writes_completely() {
    let started = std::time::Instant::now();
    let (dir, report) = synthetic(20_000, 42);
    println!(
        "20,000 exhibitors written in {:?}: {report:?}",
        started.elapsed()
    );
    let d = dir.path();
    assert_eq!(report.exhibitors, 20_000);
    assert_eq!(rows(d, "exhibitors.csv").len(), 20_000);
    assert_eq!(rows(d, "booths.csv").len(), report.booths);
    assert!(report.booths >= 20_000);
    let halls = rows(d, "halls.csv");
    assert_eq!(halls.len(), report.halls);
    let levels: BTreeSet<&str> = halls.iter().map(|h| h["level"].as_str()).collect();
    assert!(levels.len() >= 2, "a big fair spreads over levels");
    let connectors = rows(d, "connectors.csv");
    for kind in ["door", "stairs", "elevator"] {
        assert!(
            connectors.iter().any(|c| c["kind"] == kind),
            "a big fair has {kind}s"
        );
    }
    let logos = rows(d, "exhibitors.csv")
        .iter()
        .filter(|e| !e["logo"].is_empty())
        .count();
    assert_eq!(logos, 20_000, "every synthetic exhibitor has a logo");
    assert_eq!(
        fs::read_dir(d.join("images"))
            .expect("images/ lists")
            .count(),
        report.images
    );
    let kinds: BTreeSet<String> = rows(d, "pavilions.csv")
        .into_iter()
        .map(|p| p["kind"].clone())
        .collect();
    assert_eq!(kinds.len(), 4, "all four pavilion kinds");
}

#[test]
fn tiny_synthetic_fairs_still_have_two_levels_and_every_pavilion_kind() {
    for exhibitors in [0, 1, 10] {
        let (dir, report) = synthetic(exhibitors, 1);
        let d = dir.path();
        assert_eq!(report.exhibitors, exhibitors);
        assert_eq!(rows(d, "exhibitors.csv").len(), exhibitors);
        let levels: BTreeSet<String> = rows(d, "halls.csv")
            .into_iter()
            .map(|h| h["level"].clone())
            .collect();
        assert_eq!(levels.len(), 2, "{exhibitors} exhibitors: two levels");
        let kinds: BTreeSet<String> = rows(d, "pavilions.csv")
            .into_iter()
            .map(|p| p["kind"].clone())
            .collect();
        assert_eq!(
            kinds.len(),
            4,
            "{exhibitors} exhibitors: all four pavilion kinds"
        );
        assert!(
            rows(d, "connectors.csv")
                .iter()
                .any(|c| c["kind"] == "elevator"),
            "a lift between the levels"
        );
    }
}
