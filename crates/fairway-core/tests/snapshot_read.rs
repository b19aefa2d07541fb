//! The read-only reader returns what the build put in, in the JSON shapes the CLI documents,
//! with indexed queries, and cannot write.

mod snapshot_fixture;

use std::path::{Path, PathBuf};

use fairway_core::snapshot::{ExhibitorFilter, SCHEMA_VERSION, Snapshot, SnapshotError};
use serde_json::json;
use snapshot_fixture::{fixture, options};

fn built() -> (tempfile::TempDir, PathBuf) {
    let f = fixture();
    let out = tempfile::tempdir().expect("output folder");
    let report = f.build(out.path(), options());
    (out, report.snapshot)
}

fn open(path: &Path) -> Snapshot {
    Snapshot::open(path).expect("the snapshot opens")
}

#[test]
fn info_json_has_the_documented_shape() {
    let (_out, path) = built();
    let info = open(&path).info().expect("info");
    assert_eq!(
        serde_json::to_value(&info).expect("info serialises"),
        json!({
            "fair": {"id": "expo-2025", "name_en": "China–ASEAN Expo", "name_zh": "中国—东盟博览会"},
            "sequence": 1,
            "counts": {"halls": 2, "pavilions": 2, "categories": 4, "booths": 4, "exhibitors": 3,
                       "products": 3, "kiosks": 1, "connectors": 1, "assets": 5}
        })
    );
}

#[test]
fn exhibitor_profile_json_has_the_documented_shape() {
    let (_out, path) = built();
    let snapshot = open(&path);
    let profile = snapshot
        .exhibitor("E0001")
        .expect("query runs")
        .expect("E0001 exists");
    let logo = profile.logo.clone().expect("E0001 has a logo");
    let rice = profile.products[0]
        .image
        .clone()
        .expect("the rice has a picture");
    let value = serde_json::to_value(&profile).expect("profile serialises");
    let mut documented = value.clone();
    documented
        .as_object_mut()
        .expect("an object")
        .remove("labels");
    assert_eq!(
        documented,
        json!({
            "id": "E0001",
            "name_en": "Siam Foods",
            "name_zh": "暹罗食品",
            "country": "TH",
            "pavilion": "thailand",
            "booths": ["N1-A02", "N1-A01"],
            "categories": ["food"],
            "website": "https://siam.example",
            "description_en": "Rice and noodles.",
            "description_zh": "大米和面条。",
            "contact": {"name_en": "Somchai", "name_zh": "颂猜", "title_en": "Sales Director",
                        "title_zh": "销售总监", "email": "sales@siam.example", "phone": "+6621234567"},
            "products": [{"name_en": "Jasmine rice", "name_zh": "茉莉香米", "description_en": null,
                          "description_zh": null,
                          "image": {"sha256": rice.sha256, "width": 200, "height": 100}}],
            "logo": {"sha256": logo.sha256, "width": 512, "height": 256}
        }),
        "booths keep the source's order; the 800×400 logo is shrunk to 512×256"
    );
    assert_eq!(value["labels"]["pavilion"]["name_zh"], "泰国馆");
    assert_eq!(value["labels"]["booths"][0]["hall_name_en"], "Hall N1");
    assert_eq!(value["labels"]["categories"][0]["name_en"], "Food");
}

#[test]
fn exhibitor_with_blank_cells_shows_nulls_and_products_in_source_order() {
    let (_out, path) = built();
    let snapshot = open(&path);
    let profile = snapshot.exhibitor("E0002").expect("query").expect("E0002");
    let value = serde_json::to_value(&profile).expect("serialises");
    assert_eq!(value["website"], serde_json::Value::Null);
    assert_eq!(value["contact"]["email"], serde_json::Value::Null);
    let names: Vec<&str> = profile
        .products
        .iter()
        .map(|p| p.name_en.as_str())
        .collect();
    assert_eq!(names, ["Deepal S7", "Spare parts"]);
    let car = profile.products[0].image.clone().expect("car picture");
    assert_eq!(
        (car.width, car.height),
        (1024, 512),
        "products fit in 1024 px"
    );
    assert_eq!(value["products"][1]["image"], serde_json::Value::Null);
    assert!(snapshot.exhibitor("E9999").expect("query").is_none());
}

#[test]
fn assets_are_served_by_their_hash_with_their_type() {
    let (_out, path) = built();
    let snapshot = open(&path);
    let profile = snapshot.exhibitor("E0002").expect("query").expect("E0002");
    let car = profile.products[0].image.clone().expect("car picture");
    let blob = snapshot.asset(&car.sha256).expect("query").expect("stored");
    assert_eq!(
        blob.mime, "image/jpeg",
        "an opaque product picture is a JPEG"
    );
    assert!(blob.bytes.starts_with(&[0xff, 0xd8, 0xff]));
    let logo = snapshot
        .asset(&profile.logo.expect("logo").sha256)
        .expect("query")
        .expect("stored");
    assert_eq!(logo.mime, "image/png");
    assert!(snapshot.asset("00").expect("query").is_none());
}

#[test]
fn exhibitor_lists_are_alphabetical_ignoring_case_and_diacritics() {
    let (_out, path) = built();
    let snapshot = open(&path);
    let all = snapshot
        .exhibitors(&ExhibitorFilter::default())
        .expect("list");
    let ids: Vec<&str> = all.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(
        ids,
        ["E0003", "E0002", "E0001"],
        "Ångström sorts as angstrom, before Chang'an and Siam"
    );
    assert_eq!(all[1].booths, ["N2-B01"]);
    assert_eq!(all[0].logo, all[1].logo, "identical logos share one asset");

    let page = snapshot
        .exhibitors(&ExhibitorFilter {
            offset: 1,
            limit: Some(1),
            ..ExhibitorFilter::default()
        })
        .expect("page");
    assert_eq!(page.len(), 1);
    assert_eq!(page[0].id, "E0002");
}

#[test]
fn exhibitor_rowids_follow_the_alphabetical_order() {
    let (_out, path) = built();
    let snapshot = open(&path);
    let by_rowid: Vec<String> = snapshot
        .connection()
        .prepare("SELECT id FROM exhibitors ORDER BY rowid")
        .expect("prepare")
        .query_map([], |r| r.get(0))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows");
    let listed: Vec<String> = snapshot
        .exhibitors(&ExhibitorFilter::default())
        .expect("list")
        .into_iter()
        .map(|e| e.id)
        .collect();
    assert_eq!(
        by_rowid, listed,
        "lists filtered through an index come out in rowid order"
    );
}

#[test]
fn exhibitor_filters_by_pavilion_country_hall_and_category_with_its_children() {
    let (_out, path) = built();
    let snapshot = open(&path);
    let ids = |filter: ExhibitorFilter| -> Vec<String> {
        snapshot
            .exhibitors(&filter)
            .expect("list")
            .into_iter()
            .map(|e| e.id)
            .collect()
    };
    let some = |s: &str| Some(s.to_owned());
    assert_eq!(
        ids(ExhibitorFilter {
            pavilion: some("thailand"),
            ..Default::default()
        }),
        ["E0001"]
    );
    assert_eq!(
        ids(ExhibitorFilter {
            country: some("CN"),
            ..Default::default()
        }),
        ["E0003", "E0002"]
    );
    assert_eq!(
        ids(ExhibitorFilter {
            hall: some("N2"),
            ..Default::default()
        }),
        ["E0003", "E0002"]
    );
    assert_eq!(
        ids(ExhibitorFilter {
            category: some("vehicles"),
            ..Default::default()
        }),
        ["E0003", "E0002"],
        "a parent category lists its children's exhibitors"
    );
    assert_eq!(
        ids(ExhibitorFilter {
            category: some("ev"),
            ..Default::default()
        }),
        ["E0002"]
    );
    assert_eq!(
        ids(ExhibitorFilter {
            category: some("parts"),
            pavilion: some("chongqing"),
            ..Default::default()
        }),
        ["E0002"],
        "filters combine"
    );
    assert!(
        ids(ExhibitorFilter {
            hall: some("nowhere"),
            ..Default::default()
        })
        .is_empty()
    );
}

#[test]
fn categories_form_a_tree_whose_parents_count_each_exhibitor_once() {
    let (_out, path) = built();
    let tree = open(&path).categories().expect("categories");
    let value = serde_json::to_value(&tree).expect("serialises");
    assert_eq!(
        value,
        json!([
            {"slug": "vehicles", "name_en": "Vehicles", "name_zh": "汽车", "exhibitors": 2,
             "children": [
                {"slug": "ev", "name_en": "Electric vehicles", "name_zh": "电动汽车",
                 "exhibitors": 1, "children": []},
                {"slug": "parts", "name_en": "Parts", "name_zh": "零部件",
                 "exhibitors": 2, "children": []}
             ]},
            {"slug": "food", "name_en": "Food", "name_zh": "食品", "exhibitors": 1, "children": []}
        ]),
        "E0002 is in ev and parts and E0003 in parts and vehicles: vehicles counts 2, not 4"
    );
}

#[test]
fn pavilions_come_with_exhibitor_counts_kind_colour_and_logo() {
    let (_out, path) = built();
    let snapshot = open(&path);
    let pavilions = snapshot.pavilions().expect("pavilions");
    assert_eq!(pavilions.len(), 2);
    let th = &pavilions[0];
    assert_eq!(
        (
            th.slug.as_str(),
            th.kind.as_str(),
            th.color.as_deref(),
            th.exhibitors
        ),
        ("thailand", "country", Some("#1d4ed8"), 1)
    );
    let logo = th.logo.clone().expect("Thailand has a logo");
    assert_eq!(
        (logo.width, logo.height),
        (100, 60),
        "small logos are not upscaled"
    );
    assert_eq!(pavilions[1].logo, None);
    assert_eq!(
        snapshot.pavilion("chongqing").expect("query"),
        Some(pavilions[1].clone())
    );
    assert_eq!(snapshot.pavilion("atlantis").expect("query"), None);
}

#[test]
fn halls_booths_kiosks_connectors_and_fair_come_back_as_written() {
    let (_out, path) = built();
    let snapshot = open(&path);
    let halls = snapshot.halls().expect("halls");
    assert_eq!(
        halls.iter().map(|h| h.code.as_str()).collect::<Vec<_>>(),
        ["N1", "N2"]
    );
    assert_eq!(halls[1].level, 2);

    let booths = snapshot.booths_in_hall("N1").expect("booths");
    assert_eq!(booths.len(), 2);
    assert_eq!(booths[0].code, "N1-A01");
    assert_eq!(booths[0].exhibitors, ["E0001"]);
    assert_eq!(booths[0].pavilion.as_deref(), Some("thailand"));
    assert!(snapshot.booths_in_hall("N9").expect("booths").is_empty());

    let kiosks = snapshot.kiosks().expect("kiosks");
    assert_eq!(kiosks[0].label_zh.as_deref(), Some("主入口"));
    let connectors = snapshot.connectors().expect("connectors");
    assert_eq!(connectors[0].kind, "elevator");
    assert!(connectors[0].step_free);

    let fair = snapshot.fair().expect("fair");
    assert_eq!(fair.timezone.as_deref(), Some("Asia/Shanghai"));
    assert_eq!(fair.default_language, "en");
}

#[test]
fn the_reader_cannot_write() {
    let (_out, path) = built();
    let snapshot = open(&path);
    let err = snapshot
        .connection()
        .execute("INSERT INTO meta (key, value) VALUES ('x', 'y')", [])
        .expect_err("a snapshot is read-only");
    assert!(
        err.to_string().contains("readonly")
            || err.to_string().contains("query_only")
            || err.to_string().contains("read-only")
            || err.to_string().contains("attempt to write"),
        "{err}"
    );
    assert!(
        snapshot
            .connection()
            .execute_batch("CREATE TEMP TABLE scratch (x)")
            .is_err(),
        "query_only also refuses temporary tables"
    );
}

#[test]
fn a_snapshot_from_a_newer_schema_is_refused_with_a_clear_message() {
    let (_out, path) = built();
    {
        let conn = rusqlite::Connection::open(&path).expect("open for writing");
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .expect("bump user_version");
    }
    let err = Snapshot::open(&path).expect_err("newer schema");
    assert!(matches!(err, SnapshotError::NewerSchema { .. }), "{err}");
    let message = err.to_string();
    assert!(
        message.contains(&format!("schema version {}", SCHEMA_VERSION + 1))
            && message.contains("newer than this fairway knows"),
        "{message}"
    );
}

#[test]
fn files_that_are_not_snapshots_are_refused() {
    let dir = tempfile::tempdir().expect("folder");
    let text = dir.path().join("notes.sqlite");
    std::fs::write(&text, "hello, not a database").expect("write");
    let err = Snapshot::open(&text).expect_err("text file");
    assert!(matches!(err, SnapshotError::NotASnapshot { .. }), "{err}");

    let empty_db = dir.path().join("empty.sqlite");
    rusqlite::Connection::open(&empty_db)
        .expect("create")
        .execute_batch("CREATE TABLE t (x)")
        .expect("table");
    let err = Snapshot::open(&empty_db).expect_err("plain database");
    assert!(err.to_string().contains("not a Fairway snapshot"), "{err}");

    let err = Snapshot::open(&dir.path().join("absent.sqlite")).expect_err("absent");
    assert!(err.to_string().contains("no such file"), "{err}");
}

#[test]
fn per_item_queries_use_indexes_not_full_scans() {
    let (_out, path) = built();
    let snapshot = open(&path);
    let conn = snapshot.connection();
    let plan = |sql: &str| -> String {
        let mut stmt = conn
            .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
            .expect("explain");
        let rows = stmt
            .query_map([], |r| r.get::<_, String>(3))
            .expect("plan rows");
        rows.map(|r| r.expect("plan row"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    for (what, sql) in [
        (
            "exhibitor by id",
            "SELECT * FROM exhibitors WHERE id = 'E0001'",
        ),
        (
            "asset by hash",
            "SELECT bytes FROM assets WHERE sha256 = 'x'",
        ),
        ("booths of a hall", "SELECT * FROM booths WHERE hall = 'N1'"),
        (
            "exhibitors of a pavilion",
            "SELECT id FROM exhibitors WHERE pavilion = 'x' ORDER BY sort_key, rowid",
        ),
        (
            "alphabetical list",
            "SELECT id FROM exhibitors ORDER BY sort_key, rowid LIMIT 20",
        ),
        (
            "products of an exhibitor",
            "SELECT * FROM products WHERE exhibitor = 1 ORDER BY ord",
        ),
        (
            "booths of an exhibitor",
            "SELECT * FROM exhibitor_booths WHERE exhibitor = 1",
        ),
        (
            "exhibitors of a category",
            "SELECT exhibitor FROM exhibitor_categories WHERE category = 'ev'",
        ),
    ] {
        let p = plan(sql);
        assert!(
            !p.lines()
                .any(|l| l.starts_with("SCAN ") && !l.contains("USING")),
            "{what} must not scan a table:\n{p}"
        );
        assert!(
            !p.contains("TEMP B-TREE"),
            "{what} must not sort at query time:\n{p}"
        );
    }
}
