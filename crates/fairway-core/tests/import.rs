//! The fair source folder importer, driven through `import::load` on folders written into
//! temporary directories: one small valid fair, and for each bad input a copy of it with one file
//! changed.

use std::fs;
use std::path::Path;
use std::time::Instant;

use fairway_core::import::{self, Imported, SourceError};
use fairway_core::model::{ConnectorKind, Language, PavilionKind};
use proptest::prelude::*;
use tempfile::TempDir;

const FAIR_TOML: &str = r#"id = "wcf-2026"
name_en = "Western China Test Fair"
name_zh = "西部测试博览会"
venue_en = "Test Expo Centre"
starts_on = 2026-09-18
ends_on = "2026-09-22"
timezone = "Asia/Shanghai"
default_language = "zh"
"#;

const HALLS: &str = "\
code,name_en,name_zh,level,width_m,depth_m,x_m,y_m
N1,North Hall 1,北1馆,1,100,60,0,0
N2,North Hall 2,北2馆,,80,60,120,0
S1,South Hall 1,南1馆,2,50,40,0,100
";

const PAVILIONS: &str = "\
slug,kind,name_en,name_zh,country,hall,color,description_en,description_zh,logo
thailand,country,Thailand Pavilion,泰国馆,th,N1,#1E90FF,Rice and silk.,,thailand.png
hong-kong,city,Hong Kong Pavilion,香港馆,HK,N2,,,,
nev,theme,New Energy Vehicles,新能源汽车,,S1,,,,
";

const CATEGORIES: &str = "\
slug,name_en,name_zh,parent
coffee,Coffee,咖啡,food
food,Food,食品,
finance,Finance,金融,
";

const BOOTHS: &str = "\
code,hall,x_m,y_m,width_m,depth_m,pavilion
N1-A01,N1,0,0,3,3,thailand
N1-A02,N1,3,0,3,3,thailand
N2-B01,N2,10,10,6,3,hong-kong
S1-C01,S1,0,0,9,6,
";

const EXHIBITORS: &str = "\
id,name_en,name_zh,country,pavilion,booths,categories,website,email,phone,contact_name_en,contact_name_zh,title_en,title_zh,description_en,description_zh,logo
ex-1,Chongqing Example Bank,重庆示例银行,CN,,N2-B01,finance,https://bank.example.cn,info@example.cn,+86 23 5550 1234,Li Wei,李伟,Manager,经理,A bank.,一家银行。,bank.png
ex-2,Siam Coffee,暹罗咖啡,TH,thailand,N1-A01; N1-A02,coffee;food,,,,,,,,,,
";

const PRODUCTS: &str = "\
exhibitor,name_en,name_zh,description_en,description_zh,image
ex-2,Arabica beans,阿拉比卡咖啡豆,Roasted in Chiang Mai.,,beans.jpg
";

const CONNECTORS: &str = "\
from_hall,from_x_m,from_y_m,to_hall,to_x_m,to_y_m,kind,step_free
N1,100,30,N2,0,30,door,
N1,50,60,S1,25,0,stairs,no
N2,40,60,S1,40,0,elevator,yes
";

const KIOSKS: &str = "\
id,hall,x_m,y_m,label_en,label_zh
k1,N1,50,30,North entrance,北入口
";

/// Writes the small valid fair into a fresh temporary folder, with `changes` applied: each names
/// a file and gives its new bytes, or `None` to leave the file out.
fn fair_with(changes: &[(&str, Option<&[u8]>)]) -> TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let files: [(&str, &[u8]); 9] = [
        ("fair.toml", FAIR_TOML.as_bytes()),
        ("halls.csv", HALLS.as_bytes()),
        ("pavilions.csv", PAVILIONS.as_bytes()),
        ("categories.csv", CATEGORIES.as_bytes()),
        ("booths.csv", BOOTHS.as_bytes()),
        ("exhibitors.csv", EXHIBITORS.as_bytes()),
        ("products.csv", PRODUCTS.as_bytes()),
        ("connectors.csv", CONNECTORS.as_bytes()),
        ("kiosks.csv", KIOSKS.as_bytes()),
    ];
    for (name, contents) in files {
        let contents = match changes.iter().find(|(changed, _)| *changed == name) {
            Some((_, replacement)) => *replacement,
            None => Some(contents),
        };
        if let Some(contents) = contents {
            fs::write(dir.path().join(name), contents).expect("write a source file");
        }
    }
    fs::create_dir(dir.path().join("images")).expect("create images/");
    for image in ["thailand.png", "bank.png", "beans.jpg"] {
        // The importer only checks that images exist; their contents are the snapshot's business.
        fs::write(dir.path().join("images").join(image), b"image bytes").expect("write an image");
    }
    dir
}

/// The valid fair with one file replaced by `contents`.
fn fair_with_file(name: &str, contents: &str) -> TempDir {
    fair_with(&[(name, Some(contents.as_bytes()))])
}

fn load(dir: &TempDir) -> Imported {
    match import::load(dir.path()) {
        Ok(imported) => imported,
        Err(e) => panic!("the fair should load, but: {e}"),
    }
}

fn load_error(dir: &TempDir) -> SourceError {
    match import::load(dir.path()) {
        Ok(_) => panic!("the fair should be refused"),
        Err(e) => e,
    }
}

/// Asserts that an error points at `file`, `line` and `column` and that its one-line message
/// contains every one of `words`.
fn assert_error(
    e: &SourceError,
    file: &str,
    line: Option<u64>,
    column: Option<&str>,
    words: &[&str],
) {
    let shown = e.to_string();
    assert_eq!(e.file, file, "wrong file in: {shown}");
    assert_eq!(e.line, line, "wrong line in: {shown}");
    assert_eq!(e.column.as_deref(), column, "wrong column in: {shown}");
    assert!(!shown.contains('\n'), "the error must be one line: {shown}");
    for word in words {
        assert!(
            shown.contains(word),
            "the error should mention {word:?}: {shown}"
        );
    }
}

#[test]
fn valid_fair_loads_every_file_and_column() {
    let dir = fair_with(&[]);
    let Imported { source, warnings } = load(&dir);
    assert_eq!(warnings, vec![], "a clean folder gives no warnings");

    assert_eq!(source.fair.id, "wcf-2026");
    assert_eq!(source.fair.name_zh, "西部测试博览会");
    assert_eq!(source.fair.venue_zh, None);
    assert_eq!(
        source.fair.starts_on.as_deref(),
        Some("2026-09-18"),
        "a TOML date literal is accepted"
    );
    assert_eq!(source.fair.ends_on.as_deref(), Some("2026-09-22"));
    assert_eq!(source.fair.timezone.as_deref(), Some("Asia/Shanghai"));
    assert_eq!(source.fair.default_language, Language::Zh);

    assert_eq!(source.halls.len(), 3);
    assert_eq!(
        source.halls[1].level, 1,
        "a blank level means the ground floor"
    );
    assert_eq!(source.halls[2].level, 2);
    assert_eq!(
        (source.halls[1].x_m, source.halls[1].width_m),
        (120.0, 80.0)
    );

    let thailand = &source.pavilions[0];
    assert_eq!(thailand.kind, PavilionKind::Country);
    assert_eq!(
        thailand.country.as_deref(),
        Some("TH"),
        "country codes are stored in upper case"
    );
    assert_eq!(
        thailand.color.as_deref(),
        Some("#1e90ff"),
        "colours are stored in lower case"
    );
    assert_eq!(thailand.logo.as_deref(), Some("thailand.png"));
    assert_eq!(source.pavilions[1].kind, PavilionKind::City);

    assert_eq!(
        source.categories[0].parent.as_deref(),
        Some("food"),
        "a parent may come later in the file"
    );
    assert_eq!(source.booths.len(), 4);
    assert_eq!(source.booths[3].pavilion, None);

    let bank = &source.exhibitors[0];
    assert_eq!(
        bank.phone.as_deref(),
        Some("+862355501234"),
        "phones are stored in E.164"
    );
    assert_eq!(bank.website.as_deref(), Some("https://bank.example.cn"));
    assert_eq!(bank.contact_name_zh.as_deref(), Some("李伟"));
    assert_eq!(bank.description_zh.as_deref(), Some("一家银行。"));
    let coffee = &source.exhibitors[1];
    assert_eq!(coffee.booths, ["N1-A01", "N1-A02"]);
    assert_eq!(coffee.categories, ["coffee", "food"]);

    assert_eq!(source.products[0].image.as_deref(), Some("beans.jpg"));
    assert_eq!(source.connectors.len(), 3);
    assert!(
        source.connectors[0].step_free,
        "a door without a step_free value is step-free"
    );
    assert_eq!(source.connectors[1].kind, ConnectorKind::Stairs);
    assert!(!source.connectors[1].step_free);
    assert!(source.connectors[2].step_free, "'yes' means true");
    assert_eq!(source.kiosks[0].label_zh.as_deref(), Some("北入口"));
    assert_eq!(
        source.image_path("bank.png"),
        dir.path().join("images").join("bank.png")
    );
}

#[test]
fn optional_files_may_be_absent() {
    let dir = fair_with(&[
        ("products.csv", None),
        ("connectors.csv", None),
        ("kiosks.csv", None),
    ]);
    let source = load(&dir).source;
    assert!(source.products.is_empty() && source.connectors.is_empty() && source.kiosks.is_empty());
}

#[test]
fn missing_required_file_is_named() {
    let e = load_error(&fair_with(&[("booths.csv", None)]));
    assert_error(&e, "booths.csv", None, None, &["missing"]);
}

#[test]
fn missing_required_column_names_file_and_column() {
    let e = load_error(&fair_with_file(
        "booths.csv",
        "code,hall,x_m,y_m,width_m,pavilion\nN1-A01,N1,0,0,3,\n",
    ));
    assert_error(
        &e,
        "booths.csv",
        Some(1),
        Some("depth_m"),
        &["required column"],
    );
}

#[test]
fn header_names_ignore_case_and_spaces() {
    let dir = fair_with_file("kiosks.csv", " ID , Hall ,X_M,y_m\nk1,N1,1,1\n");
    assert_eq!(load(&dir).source.kiosks[0].id, "k1");
}

#[test]
fn duplicate_exhibitor_id_names_both_lines() {
    let csv = format!("{EXHIBITORS}ex-1,Another Bank,,,,N1-A01,,,,,,,,,,,\n");
    let e = load_error(&fair_with_file("exhibitors.csv", &csv));
    assert_error(
        &e,
        "exhibitors.csv",
        Some(4),
        Some("id"),
        &["duplicate", "ex-1", "line 2"],
    );
}

#[test]
fn duplicate_booth_code_names_both_lines() {
    let csv = format!("{BOOTHS}N1-A01,N1,50,50,3,3,\n");
    let e = load_error(&fair_with_file("booths.csv", &csv));
    assert_error(
        &e,
        "booths.csv",
        Some(6),
        Some("code"),
        &["duplicate", "N1-A01", "line 2"],
    );
}

#[test]
fn duplicate_hall_pavilion_category_and_kiosk_are_refused() {
    let cases = [
        ("halls.csv", format!("{HALLS}N2,Again,又,1,10,10,0,0\n"), 5),
        (
            "pavilions.csv",
            format!("{PAVILIONS}nev,theme,Again,又,,,,,,\n"),
            5,
        ),
        ("categories.csv", format!("{CATEGORIES}food,Again,又,\n"), 5),
        ("kiosks.csv", format!("{KIOSKS}k1,N2,1,1,,\n"), 3),
    ];
    for (file, csv, line) in cases {
        let e = load_error(&fair_with_file(file, &csv));
        assert_eq!((e.file.as_str(), e.line), (file, Some(line)), "{e}");
        assert!(e.message.contains("duplicate"), "{e}");
    }
}

#[test]
fn booth_in_unknown_hall_is_refused() {
    let csv = format!("{BOOTHS}X9-A01,X9,0,0,3,3,\n");
    let e = load_error(&fair_with_file("booths.csv", &csv));
    assert_error(
        &e,
        "booths.csv",
        Some(6),
        Some("hall"),
        &["unknown hall", "X9", "halls.csv"],
    );
}

#[test]
fn exhibitor_at_unknown_booth_is_refused() {
    let csv = EXHIBITORS.replace("N1-A01; N1-A02", "N1-A01; N1-Z99");
    let e = load_error(&fair_with_file("exhibitors.csv", &csv));
    assert_error(
        &e,
        "exhibitors.csv",
        Some(3),
        Some("booths"),
        &["unknown booth", "N1-Z99"],
    );
}

#[test]
fn exhibitor_in_unknown_pavilion_is_refused() {
    let csv = EXHIBITORS.replace(",thailand,", ",laos,");
    let e = load_error(&fair_with_file("exhibitors.csv", &csv));
    assert_error(
        &e,
        "exhibitors.csv",
        Some(3),
        Some("pavilion"),
        &["unknown pavilion", "laos"],
    );
}

#[test]
fn booth_in_unknown_pavilion_is_refused() {
    let csv = BOOTHS.replace("S1-C01,S1,0,0,9,6,", "S1-C01,S1,0,0,9,6,vietnam");
    let e = load_error(&fair_with_file("booths.csv", &csv));
    assert_error(
        &e,
        "booths.csv",
        Some(5),
        Some("pavilion"),
        &["unknown pavilion", "vietnam"],
    );
}

#[test]
fn exhibitor_in_unknown_category_is_refused() {
    let csv = EXHIBITORS.replace("coffee;food", "coffee;tea");
    let e = load_error(&fair_with_file("exhibitors.csv", &csv));
    assert_error(
        &e,
        "exhibitors.csv",
        Some(3),
        Some("categories"),
        &["unknown category", "tea"],
    );
}

#[test]
fn pavilion_in_unknown_hall_is_refused() {
    let csv = PAVILIONS.replace(",HK,N2,", ",HK,N7,");
    let e = load_error(&fair_with_file("pavilions.csv", &csv));
    assert_error(
        &e,
        "pavilions.csv",
        Some(3),
        Some("hall"),
        &["unknown hall", "N7"],
    );
}

#[test]
fn product_of_unknown_exhibitor_is_refused() {
    let csv = format!("{PRODUCTS}ex-404,Ghost,,,,\n");
    let e = load_error(&fair_with_file("products.csv", &csv));
    assert_error(
        &e,
        "products.csv",
        Some(3),
        Some("exhibitor"),
        &["unknown exhibitor", "ex-404"],
    );
}

#[test]
fn categories_are_at_most_two_levels_deep() {
    let csv = format!("{CATEGORIES}espresso,Espresso,浓缩咖啡,coffee\n");
    let e = load_error(&fair_with_file("categories.csv", &csv));
    assert_error(
        &e,
        "categories.csv",
        Some(5),
        Some("parent"),
        &["two levels", "coffee"],
    );

    let csv = format!("{CATEGORIES}tea,Tea,茶,tea\n");
    let e = load_error(&fair_with_file("categories.csv", &csv));
    assert_error(
        &e,
        "categories.csv",
        Some(5),
        Some("parent"),
        &["own parent"],
    );

    let csv = format!("{CATEGORIES}tea,Tea,茶,drinks\n");
    let e = load_error(&fair_with_file("categories.csv", &csv));
    assert_error(
        &e,
        "categories.csv",
        Some(5),
        Some("parent"),
        &["unknown category", "drinks"],
    );
}

#[test]
fn exhibitor_without_a_booth_is_refused() {
    let csv = EXHIBITORS.replace("N1-A01; N1-A02", " ; ");
    let e = load_error(&fair_with_file("exhibitors.csv", &csv));
    assert_error(
        &e,
        "exhibitors.csv",
        Some(3),
        Some("booths"),
        &["at least one"],
    );
}

#[test]
fn booth_outside_its_hall_is_refused() {
    let csv = format!("{BOOTHS}N1-Z01,N1,98,0,3,3,\n");
    let e = load_error(&fair_with_file("booths.csv", &csv));
    assert_error(
        &e,
        "booths.csv",
        Some(6),
        Some("x_m"),
        &["outside hall N1", "N1-Z01"],
    );

    let csv = format!("{BOOTHS}N1-Z01,N1,0,58,3,3,\n");
    let e = load_error(&fair_with_file("booths.csv", &csv));
    assert_error(&e, "booths.csv", Some(6), Some("y_m"), &["outside hall N1"]);

    let csv = format!("{BOOTHS}N1-Z01,N1,-1,0,3,3,\n");
    let e = load_error(&fair_with_file("booths.csv", &csv));
    assert_error(&e, "booths.csv", Some(6), Some("x_m"), &["outside hall N1"]);
}

#[test]
fn booth_on_the_far_edge_of_its_hall_is_inside() {
    let csv = format!("{BOOTHS}N1-Z01,N1,97,57,3,3,\n");
    assert_eq!(
        load(&fair_with_file("booths.csv", &csv))
            .source
            .booths
            .len(),
        5
    );
}

#[test]
fn overlapping_booths_are_refused_naming_both() {
    let csv = format!("{BOOTHS}N1-A03,N1,5,2,3,3,\n");
    let e = load_error(&fair_with_file("booths.csv", &csv));
    assert_error(
        &e,
        "booths.csv",
        Some(6),
        None,
        &["N1-A03 overlaps booth N1-A02", "line 3", "hall N1"],
    );
}

#[test]
fn touching_booths_and_same_place_in_other_halls_are_fine() {
    // N1-A03 touches N1-A02's right edge; S1-A01 has N1-A01's coordinates in another hall.
    let csv = format!(
        "{BOOTHS}N1-A03,N1,6,0,0.1,3,\nN1-A04,N1,6.1,0,0.2,3,\nN1-A05,N1,6.3,0,3,3,\nS1-A01,S1,20,20,3,3,\n"
    );
    assert_eq!(
        load(&fair_with_file("booths.csv", &csv))
            .source
            .booths
            .len(),
        8
    );
}

#[test]
fn booth_with_zero_or_bad_size_is_refused() {
    for (cells, column) in [
        ("0,0,0,3", "width_m"),
        ("0,0,3,-2", "depth_m"),
        ("0,NaN,3,3", "y_m"),
        ("0,0,3,inf", "depth_m"),
        ("x,0,3,3", "x_m"),
    ] {
        let csv = format!("{BOOTHS}N1-Z01,N1,{cells},\n");
        let e = load_error(&fair_with_file("booths.csv", &csv));
        assert_error(&e, "booths.csv", Some(6), Some(column), &[]);
    }
}

#[test]
fn connector_must_join_two_halls_at_points_inside_them() {
    let csv = format!("{CONNECTORS}N1,0,0,N1,10,0,corridor,\n");
    let e = load_error(&fair_with_file("connectors.csv", &csv));
    assert_error(
        &e,
        "connectors.csv",
        Some(5),
        Some("to_hall"),
        &["two different halls"],
    );

    let csv = format!("{CONNECTORS}N1,0,0,N2,81,0,door,\n");
    let e = load_error(&fair_with_file("connectors.csv", &csv));
    assert_error(
        &e,
        "connectors.csv",
        Some(5),
        Some("to_x_m"),
        &["outside hall N2"],
    );

    let csv = format!("{CONNECTORS}N1,0,0,Q1,0,0,door,\n");
    let e = load_error(&fair_with_file("connectors.csv", &csv));
    assert_error(
        &e,
        "connectors.csv",
        Some(5),
        Some("to_hall"),
        &["unknown hall", "Q1"],
    );

    let csv = format!("{CONNECTORS}N1,0,0,N2,0,0,teleporter,\n");
    let e = load_error(&fair_with_file("connectors.csv", &csv));
    assert_error(&e, "connectors.csv", Some(5), Some("kind"), &["teleporter"]);

    let csv = format!("{CONNECTORS}N1,0,0,N2,0,0,escalator,true\n");
    let e = load_error(&fair_with_file("connectors.csv", &csv));
    assert_error(
        &e,
        "connectors.csv",
        Some(5),
        Some("step_free"),
        &["escalator"],
    );

    let csv = format!("{CONNECTORS}N1,0,0,N2,0,0,door,maybe\n");
    let e = load_error(&fair_with_file("connectors.csv", &csv));
    assert_error(&e, "connectors.csv", Some(5), Some("step_free"), &["maybe"]);
}

#[test]
fn kiosk_outside_its_hall_is_refused() {
    let csv = format!("{KIOSKS}k2,S1,10,41,,\n");
    let e = load_error(&fair_with_file("kiosks.csv", &csv));
    assert_error(&e, "kiosks.csv", Some(3), Some("y_m"), &["outside hall S1"]);
}

#[test]
fn gbk_file_is_refused_naming_file_and_line() {
    // "重庆" in GBK is D6 D8 C7 EC: not UTF-8.
    let mut csv = EXHIBITORS.as_bytes().to_vec();
    csv.extend_from_slice(b"ex-3,Chongqing Hot Pot,\xd6\xd8\xc7\xec,CN,,S1-C01,,,,,,,,,,,\n");
    let e = load_error(&fair_with(&[("exhibitors.csv", Some(&csv))]));
    assert_error(
        &e,
        "exhibitors.csv",
        Some(4),
        None,
        &["not UTF-8", "GBK", "save the file as UTF-8"],
    );
    assert_eq!(
        e.to_string(),
        "exhibitors.csv:4: not UTF-8 text (GBK or another encoding?); save the file as UTF-8"
    );
}

#[test]
fn utf16_file_is_refused() {
    let mut bytes = vec![0xFF, 0xFE];
    for unit in HALLS.encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    let e = load_error(&fair_with(&[("halls.csv", Some(&bytes))]));
    assert_error(&e, "halls.csv", None, None, &["UTF-16", "UTF-8"]);
}

#[test]
fn utf8_bom_is_accepted_in_csv_and_toml() {
    let csv = format!("\u{feff}{HALLS}");
    let toml = format!("\u{feff}{FAIR_TOML}");
    let dir = fair_with(&[
        ("halls.csv", Some(csv.as_bytes())),
        ("fair.toml", Some(toml.as_bytes())),
    ]);
    let source = load(&dir).source;
    assert_eq!(
        source.halls[0].code, "N1",
        "the BOM must not become part of the first column name"
    );
    assert_eq!(source.fair.id, "wcf-2026");
}

#[test]
fn missing_logo_file_is_named() {
    let csv = EXHIBITORS.replace("bank.png", "missing-logo.png");
    let e = load_error(&fair_with_file("exhibitors.csv", &csv));
    assert_error(
        &e,
        "exhibitors.csv",
        Some(2),
        Some("logo"),
        &["missing-logo.png", "not found", "images/"],
    );

    let csv = PRODUCTS.replace("beans.jpg", "gone.jpg");
    let e = load_error(&fair_with_file("products.csv", &csv));
    assert_error(
        &e,
        "products.csv",
        Some(2),
        Some("image"),
        &["gone.jpg", "not found"],
    );

    let csv = PAVILIONS.replace("thailand.png", "flag.png");
    let e = load_error(&fair_with_file("pavilions.csv", &csv));
    assert_error(&e, "pavilions.csv", Some(2), Some("logo"), &["flag.png"]);
}

#[test]
fn image_names_with_paths_are_refused() {
    for bad in ["../fair.toml", "sub/bank.png", "..\\\\bank.png"] {
        let csv = EXHIBITORS.replace("bank.png", bad);
        let e = load_error(&fair_with_file("exhibitors.csv", &csv));
        assert_error(&e, "exhibitors.csv", Some(2), Some("logo"), &["images/"]);
    }
}

#[test]
fn quoted_cells_keep_commas_quotes_and_line_breaks() {
    let csv = format!(
        "{EXHIBITORS}ex-3,\"Hot Pot, Inc.\",,,,S1-C01,,,,,,,,,\"Says \"\"hello\"\",\nthen, goodbye.\",,\n\
         ex-4,After The Break,,,,S1-C01,,,,,,,,,,,\n"
    );
    let source = load(&fair_with_file("exhibitors.csv", &csv)).source;
    assert_eq!(source.exhibitors[2].name_en, "Hot Pot, Inc.");
    assert_eq!(
        source.exhibitors[2].description_en.as_deref(),
        Some("Says \"hello\",\nthen, goodbye.")
    );

    // The record after a two-line cell starts on line 6; its error must say so.
    let csv = csv.replace("After The Break,,,,S1-C01", "After The Break,,,,S1-Z01");
    let e = load_error(&fair_with_file("exhibitors.csv", &csv));
    assert_error(&e, "exhibitors.csv", Some(6), Some("booths"), &["S1-Z01"]);
}

#[test]
fn crlf_line_ends_are_accepted() {
    let csv = EXHIBITORS.replace('\n', "\r\n");
    let source = load(&fair_with_file("exhibitors.csv", &csv)).source;
    assert_eq!(
        source.exhibitors[1].logo, None,
        "the CR must not stick to the last cell"
    );
}

#[test]
fn lists_are_trimmed_and_blank_entries_dropped() {
    let csv = EXHIBITORS.replace(
        "N1-A01; N1-A02,coffee;food",
        "\" N1-A01 ;; N1-A02 ; \",\"coffee; ;food;\"",
    );
    let source = load(&fair_with_file("exhibitors.csv", &csv)).source;
    assert_eq!(source.exhibitors[1].booths, ["N1-A01", "N1-A02"]);
    assert_eq!(source.exhibitors[1].categories, ["coffee", "food"]);
}

#[test]
fn unknown_columns_warn_and_are_ignored() {
    let csv = "code,hall,x_m,y_m,width_m,depth_m,pavilion,sponsor\nN1-A01,N1,0,0,3,3,,gold\n";
    let dir = fair_with(&[
        ("booths.csv", Some(csv.as_bytes())),
        (
            "exhibitors.csv",
            Some(b"id,name_en,booths\nex-1,Bank,N1-A01\n"),
        ),
        ("products.csv", None),
    ]);
    let imported = load(&dir);
    assert_eq!(imported.warnings.len(), 1, "{:?}", imported.warnings);
    assert_eq!(imported.warnings[0].file, "booths.csv");
    assert!(
        imported.warnings[0].message.contains("sponsor"),
        "{}",
        imported.warnings[0]
    );
}

#[test]
fn unknown_fair_toml_keys_warn() {
    let toml = format!("{FAIR_TOML}organiser = \"Somebody\"\n");
    let imported = load(&fair_with_file("fair.toml", &toml));
    assert_eq!(imported.warnings.len(), 1);
    assert_eq!(imported.warnings[0].line, Some(9));
    assert!(imported.warnings[0].message.contains("organiser"));
}

#[test]
fn bad_fair_toml_values_name_the_key() {
    let cases = [
        (
            FAIR_TOML.replace("default_language = \"zh\"", "default_language = \"fr\""),
            "default_language",
            8,
        ),
        (
            FAIR_TOML.replace("ends_on = \"2026-09-22\"", "ends_on = \"2026-09-17\""),
            "ends_on",
            6,
        ),
        (
            FAIR_TOML.replace("ends_on = \"2026-09-22\"", "ends_on = \"22/09/2026\""),
            "ends_on",
            6,
        ),
        (
            FAIR_TOML.replace("name_zh = \"西部测试博览会\"\n", ""),
            "name_zh",
            0,
        ),
        (FAIR_TOML.replace("id = \"wcf-2026\"", "id = 2026"), "id", 1),
    ];
    for (toml, key, line) in cases {
        let e = load_error(&fair_with_file("fair.toml", &toml));
        let line = (line > 0).then_some(line);
        assert_error(&e, "fair.toml", line, Some(key), &[]);
    }
    let e = load_error(&fair_with_file("fair.toml", "id = \"x\"\nname_en = \n"));
    assert_error(&e, "fair.toml", Some(2), None, &["not valid TOML"]);
}

#[test]
fn blank_cells_mean_no_value() {
    let csv = "id,name_en,name_zh,country,booths,website,email,phone,description_en\n\
               ex-1,  Bank  ,  ,   ,N1-A01, , ,\t,\" \"\n";
    let dir = fair_with(&[
        ("exhibitors.csv", Some(csv.as_bytes())),
        ("products.csv", None),
    ]);
    let e = &load(&dir).source.exhibitors[0];
    assert_eq!(e.name_en, "Bank", "cells are trimmed");
    assert_eq!(
        (
            &e.name_zh,
            &e.country,
            &e.website,
            &e.email,
            &e.phone,
            &e.description_en
        ),
        (&None, &None, &None, &None, &None, &None),
        "blank cells are no value"
    );
}

#[test]
fn blank_required_cell_is_refused() {
    let csv = HALLS.replace("N2,North Hall 2,北2馆", "N2,North Hall 2,  ");
    let e = load_error(&fair_with_file("halls.csv", &csv));
    assert_error(&e, "halls.csv", Some(3), Some("name_zh"), &["blank"]);
}

#[test]
fn blank_rows_are_skipped() {
    let csv = format!("{BOOTHS},,,,,,\n\n");
    assert_eq!(
        load(&fair_with_file("booths.csv", &csv))
            .source
            .booths
            .len(),
        4
    );
}

#[test]
fn row_with_too_many_cells_is_refused() {
    let csv = format!("{KIOSKS}k2,N1,1,1,Hall A, east side,\n");
    let e = load_error(&fair_with_file("kiosks.csv", &csv));
    assert_error(
        &e,
        "kiosks.csv",
        Some(3),
        None,
        &["7 cells", "header has 6", "double quotes"],
    );
}

#[test]
fn multi_megabyte_cell_gives_one_line_error_naming_column_and_limit() {
    let huge = "重庆火锅,\"很好\"\n".repeat(400_000); // About 6 MB.
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record(["id", "name_en", "booths", "description_zh"])
        .expect("header");
    out.write_record(["ex-1", "Bank", "N1-A01", huge.as_str()])
        .expect("row");
    let bytes = out.into_inner().expect("csv bytes");
    assert!(bytes.len() > 5_000_000);
    let dir = fair_with(&[("exhibitors.csv", Some(&bytes)), ("products.csv", None)]);
    let e = load_error(&dir);
    assert_error(
        &e,
        "exhibitors.csv",
        Some(2),
        Some("description_zh"),
        &["limit of 2000 characters"],
    );
    assert!(e.to_string().len() < 200, "the error stays short: {e}");
}

#[test]
fn multi_megabyte_cell_in_a_field_with_a_shape_rule_stays_short() {
    for column in ["website", "email", "phone", "id", "logo"] {
        let huge = "x".repeat(3_000_000);
        let header = if column == "id" {
            "id,name_en,booths".to_owned()
        } else {
            format!("id,name_en,booths,{column}")
        };
        let row = if column == "id" {
            format!("{huge},Bank,N1-A01")
        } else {
            format!("ex-1,Bank,N1-A01,{huge}")
        };
        let csv = format!("{header}\n{row}\n");
        let dir = fair_with(&[
            ("exhibitors.csv", Some(csv.as_bytes())),
            ("products.csv", None),
        ]);
        let e = load_error(&dir);
        assert_error(&e, "exhibitors.csv", Some(2), Some(column), &[]);
        assert!(
            e.to_string().len() < 200,
            "the error for {column} stays short: {e}"
        );
    }
}

#[test]
fn file_over_the_size_limit_is_refused_before_reading() {
    let dir = fair_with(&[]);
    let file = fs::OpenOptions::new()
        .write(true)
        .open(dir.path().join("exhibitors.csv"))
        .expect("open exhibitors.csv");
    // A sparse file: large on paper, nothing written.
    file.set_len(import::MAX_FILE_BYTES + 1)
        .expect("grow the file");
    let e = load_error(&dir);
    assert_error(&e, "exhibitors.csv", None, None, &["limit is 200 MiB"]);
}

#[test]
fn bad_email_phone_and_website_name_their_column() {
    let cases = [
        ("info@example.cn", "info(at)example.cn", "email"),
        ("+86 23 5550 1234", "023 5550 1234", "phone"),
        (
            "https://bank.example.cn",
            "http://bank.example.cn",
            "website",
        ),
        ("https://bank.example.cn", "bank.example.cn", "website"),
        (",CN,", ",ZZ,", "country"),
        ("Li Wei", "Li\u{7}Wei", "contact_name_en"),
    ];
    for (good, bad, column) in cases {
        let csv = EXHIBITORS.replacen(good, bad, 1);
        let e = load_error(&fair_with_file("exhibitors.csv", &csv));
        assert_error(&e, "exhibitors.csv", Some(2), Some(column), &[]);
    }
}

#[test]
fn bad_pavilion_kind_colour_and_country_name_their_column() {
    let cases = [
        (",city,", ",town,", "kind"),
        ("#1E90FF", "blue", "color"),
        (",th,", ",tha,", "country"),
    ];
    for (good, bad, column) in cases {
        let csv = PAVILIONS.replacen(good, bad, 1);
        let e = load_error(&fair_with_file("pavilions.csv", &csv));
        assert_eq!(e.column.as_deref(), Some(column), "{e}");
    }
}

#[test]
fn bad_ids_are_refused() {
    let csv = format!("{BOOTHS}N1 A09,N1,50,50,3,3,\n");
    let e = load_error(&fair_with_file("booths.csv", &csv));
    assert_error(&e, "booths.csv", Some(6), Some("code"), &["not a valid id"]);
}

#[test]
fn twenty_thousand_exhibitors_load_quickly() {
    // 20 halls of 100 × 100 m, each with a 32 × 32 grid of 3 × 3 m booths: 20,480 booths.
    let mut halls = String::from("code,name_en,name_zh,width_m,depth_m\n");
    let mut booths = String::from("code,hall,x_m,y_m,width_m,depth_m\n");
    let mut exhibitors = String::from(
        "id,name_en,name_zh,country,booths,website,email,phone,description_en,description_zh\n",
    );
    let mut n = 0;
    for h in 0..20 {
        halls.push_str(&format!("H{h},Hall {h},{h}号馆,100,100\n"));
        for i in 0..32 {
            for j in 0..32 {
                booths.push_str(&format!(
                    "H{h}-{i}-{j},H{h},{},{},3,3\n",
                    f64::from(i) * 3.1,
                    f64::from(j) * 3.1
                ));
                if n < 20_000 {
                    exhibitors.push_str(&format!(
                        "ex-{n},Company {n} Ltd,重庆{n}有限公司,CN,H{h}-{i}-{j},https://c{n}.example.cn,info@c{n}.example.cn,+86 23 5550 {:04},\"Makes things, well.\",生产各种产品。\n",
                        n % 10_000
                    ));
                }
                n += 1;
            }
        }
    }
    let dir = fair_with(&[
        ("halls.csv", Some(halls.as_bytes())),
        ("pavilions.csv", Some(b"slug,kind,name_en,name_zh\n")),
        ("booths.csv", Some(booths.as_bytes())),
        ("exhibitors.csv", Some(exhibitors.as_bytes())),
        ("products.csv", None),
        ("connectors.csv", None),
        ("kiosks.csv", None),
    ]);
    let started = Instant::now();
    let source = load(&dir).source;
    let elapsed = started.elapsed();
    assert_eq!(source.exhibitors.len(), 20_000);
    assert_eq!(source.booths.len(), 20_480);
    eprintln!("import::load of 20,000 exhibitors and 20,480 booths took {elapsed:?}");
}

/// Text a spreadsheet cell might hold: CSV's special characters, line breaks, CJK and emoji.
fn cell_text() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just(",".to_owned()),
        Just("\"".to_owned()),
        Just("\r".to_owned()),
        Just("\n".to_owned()),
        Just("\r\n".to_owned()),
        Just(";".to_owned()),
        Just(" ".to_owned()),
        Just("\t".to_owned()),
        Just("重庆".to_owned()),
        Just("銀行".to_owned()),
        Just("🚗".to_owned()),
        Just("👩‍🔬".to_owned()),
        Just("Cà phê".to_owned()),
        "[a-zA-Z0-9]{1,8}",
        "[\u{4e00}-\u{9fa5}]{1,4}",
    ];
    prop::collection::vec(pieces, 0..60).prop_map(|parts| parts.concat())
}

fn write_exhibitors(descriptions: &[String]) -> Vec<u8> {
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record(["id", "name_en", "booths", "description_en"])
        .expect("header");
    for (i, description) in descriptions.iter().enumerate() {
        out.write_record([
            format!("ex-{i}").as_str(),
            "Company",
            "N1-A01",
            description.as_str(),
        ])
        .expect("row");
    }
    out.into_inner().expect("csv bytes")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_description_round_trips_through_the_csv_file(descriptions in prop::collection::vec(cell_text(), 1..5)) {
        let bytes = write_exhibitors(&descriptions);
        let dir = fair_with(&[("exhibitors.csv", Some(&bytes)), ("products.csv", None)]);
        let source = import::load(dir.path()).map_err(|e| TestCaseError::fail(e.to_string()))?.source;
        prop_assert_eq!(source.exhibitors.len(), descriptions.len());
        for (exhibitor, written) in source.exhibitors.iter().zip(&descriptions) {
            // Cells are trimmed and a blank cell is no value; everything else comes back as written.
            let expected = Some(written.trim()).filter(|t| !t.is_empty());
            prop_assert_eq!(exhibitor.description_en.as_deref(), expected);
        }
    }
}

#[test]
fn load_refuses_a_path_that_is_not_a_folder() {
    let dir = fair_with(&[]);
    let e = import::load(&dir.path().join("fair.toml")).expect_err("a file is not a fair folder");
    assert!(e.to_string().contains("not a folder"), "{e}");
    let e = import::load(Path::new("/nonexistent/fair")).expect_err("a missing folder");
    assert!(e.to_string().contains("not a folder"), "{e}");
}

#[test]
fn missing_images_folder_is_named_when_an_image_is_used() {
    let dir = fair_with(&[]);
    fs::remove_dir_all(dir.path().join("images")).expect("remove images/");
    let e = load_error(&dir);
    assert_error(
        &e,
        "pavilions.csv",
        Some(2),
        Some("logo"),
        &["thailand.png", "folder images/ is missing"],
    );
}

#[test]
fn column_named_twice_in_the_header_is_refused() {
    let e = load_error(&fair_with_file(
        "kiosks.csv",
        "id,hall,x_m,y_m,HALL\nk1,N1,1,1,N2\n",
    ));
    assert_error(&e, "kiosks.csv", Some(1), Some("hall"), &["twice"]);
}

#[test]
fn empty_required_file_asks_for_a_header() {
    let e = load_error(&fair_with_file("categories.csv", ""));
    assert_error(&e, "categories.csv", None, None, &["empty", "header"]);
}
