//! The `fairway` binary driven as an organiser or a script would: real processes, the real demo
//! fair, temporary output folders, and the independent `sqlite3` and `minisign` tools.

mod common;

use std::path::Path;
use std::process::Command;

use common::{demo_fair, demo_snapshot, fairway, run, stderr, stdout};
use serde_json::Value;

fn json_of(cmd: &mut Command) -> Value {
    let out = run(cmd);
    assert!(out.status.success(), "command succeeds: {}", stderr(&out));
    serde_json::from_slice(&out.stdout).expect("--json prints one JSON document")
}

fn search(query: &str) -> Vec<Value> {
    let doc = json_of(
        fairway()
            .arg("search")
            .arg(demo_snapshot())
            .arg(query)
            .arg("--json"),
    );
    doc["results"]
        .as_array()
        .expect("results is an array")
        .clone()
}

fn show(id: &str) -> Value {
    json_of(
        fairway()
            .arg("show")
            .arg(demo_snapshot())
            .arg(id)
            .arg("--json"),
    )
}

#[test]
fn every_subcommand_has_help() {
    for sub in [
        "build", "synth", "info", "show", "search", "route", "verify", "keygen", "install",
    ] {
        let out = run(fairway().arg(sub).arg("--help"));
        assert!(out.status.success(), "`fairway {sub} --help` exits 0");
        assert!(
            stdout(&out).contains("Usage"),
            "`fairway {sub} --help` prints usage"
        );
    }
}

#[test]
fn demo_snapshot_passes_sqlite_integrity_check() {
    let out = run(Command::new("sqlite3")
        .arg(demo_snapshot())
        .arg("PRAGMA integrity_check"));
    assert!(
        out.status.success(),
        "sqlite3 is installed by scripts/check.sh and opens the snapshot"
    );
    assert_eq!(
        stdout(&out).trim(),
        "ok",
        "the independent sqlite3 tool calls the snapshot sound"
    );
}

#[test]
fn info_json_has_the_documented_shape_and_demo_counts() {
    let info = json_of(fairway().arg("info").arg(demo_snapshot()).arg("--json"));
    for key in ["id", "name_en", "name_zh"] {
        assert!(
            info["fair"][key].is_string(),
            "info.fair.{key} is a string: {info}"
        );
    }
    assert!(
        info["sequence"].as_u64().is_some(),
        "info.sequence is a number"
    );
    let counts = &info["counts"];
    for key in [
        "halls",
        "pavilions",
        "categories",
        "booths",
        "exhibitors",
        "products",
        "kiosks",
        "connectors",
        "assets",
    ] {
        assert!(
            counts[key].as_u64().is_some(),
            "info.counts.{key} is a number: {counts}"
        );
    }
    assert!(
        counts["halls"].as_u64() >= Some(6),
        "the demo fair has at least six halls"
    );
    assert!(
        counts["pavilions"].as_u64() >= Some(12),
        "the demo fair has at least twelve pavilions"
    );
    assert!(
        counts["exhibitors"].as_u64() >= Some(300),
        "the demo fair has at least 300 exhibitors"
    );
    assert!(
        counts["kiosks"].as_u64() >= Some(4),
        "the demo fair has at least four kiosks"
    );
    assert!(
        counts["assets"].as_u64() > Some(0),
        "logos made it into the assets table"
    );
}

#[test]
fn show_json_has_the_documented_shape() {
    let first = &search("chongqing")[0];
    let profile = show(first["id"].as_str().expect("hit ids are strings"));
    for key in [
        "id",
        "name_en",
        "name_zh",
        "country",
        "pavilion",
        "booths",
        "categories",
        "website",
        "description_en",
        "description_zh",
        "contact",
        "products",
        "logo",
    ] {
        assert!(
            profile.get(key).is_some(),
            "show --json has key {key}: {profile}"
        );
    }
    for key in [
        "name_en", "name_zh", "title_en", "title_zh", "email", "phone",
    ] {
        assert!(
            profile["contact"].get(key).is_some(),
            "contact has key {key}"
        );
    }
    assert!(
        profile["booths"].as_array().is_some_and(|b| !b.is_empty()),
        "an exhibitor has a booth"
    );
}

#[test]
fn show_of_an_unknown_exhibitor_is_a_one_line_error() {
    let out = run(fairway().arg("show").arg(demo_snapshot()).arg("NO-SUCH-ID"));
    assert!(!out.status.success(), "an unknown id is an error");
    let err = stderr(&out);
    assert_eq!(err.trim().lines().count(), 1, "one line on stderr: {err}");
    assert!(err.contains("NO-SUCH-ID"), "the error names the id: {err}");
}

fn name_zh(hit: &Value) -> &str {
    hit["name_zh"].as_str().unwrap_or("")
}

#[test]
fn search_for_chongqing_and_cq_puts_chongqing_companies_first() {
    for query in ["chongqing", "cq", "chongq", "Chong Qing"] {
        let results = search(query);
        assert!(!results.is_empty(), "{query:?} finds something");
        assert!(
            name_zh(&results[0]).contains("重庆"),
            "{query:?} puts a 重庆 company first, got {}",
            results[0]
        );
    }
}

#[test]
fn search_for_thailand_in_chinese_finds_thai_exhibitors_first() {
    let results = search("泰国");
    assert!(!results.is_empty(), "泰国 finds something");
    let first = show(results[0]["id"].as_str().expect("id"));
    assert_eq!(
        first["country"], "TH",
        "泰国 puts a Thai exhibitor first: {first}"
    );
}

#[test]
fn search_for_bank_in_chinese_finds_banks_first() {
    let results = search("银行");
    assert!(
        name_zh(&results[0]).contains("银行"),
        "银行 puts a bank first: {}",
        results[0]
    );
    let by_pinyin = search("yinhang");
    assert!(
        name_zh(&by_pinyin[0]).contains("银行"),
        "yinhang puts a bank first: {}",
        by_pinyin[0]
    );
}

#[test]
fn search_for_a_booth_code_puts_its_exhibitor_first() {
    let hit = &search("chongqing")[0];
    let booth = hit["booths"][0].as_str().expect("a booth code").to_string();
    let results = search(&booth);
    assert_eq!(
        results[0]["booths"]
            .as_array()
            .map(|b| b.contains(&Value::from(booth.clone()))),
        Some(true),
        "searching {booth} puts an exhibitor of that booth first: {}",
        results[0]
    );
}

#[test]
fn search_without_diacritics_finds_vietnamese_coffee() {
    let results = search("ca phe");
    assert!(!results.is_empty(), "`ca phe` finds something");
    let name = results[0]["name_en"].as_str().unwrap_or("");
    assert!(
        name.contains("Cà Phê"),
        "`ca phe` finds the Cà Phê company first, got {name}"
    );
}

#[test]
fn hostile_search_queries_never_fail() {
    for query in [
        "\"",
        "'",
        "*",
        "NEAR(",
        "a OR b",
        "'; DROP TABLE exhibitors; --",
        "🍜🍜",
        "\u{1}\u{7f}",
        "^",
        "col:val",
        "(((",
        "AND",
        "-",
        "重庆\"银行",
    ] {
        let out = run(fairway()
            .arg("search")
            .arg(demo_snapshot())
            .arg(query)
            .arg("--json"));
        assert!(
            out.status.success(),
            "{query:?} is searched, not an error: {}",
            stderr(&out)
        );
        let doc: Value = serde_json::from_slice(&out.stdout).expect("one JSON document");
        assert!(doc["results"].is_array(), "{query:?} gives a results array");
    }
}

#[test]
fn signed_build_verifies_with_fairway_and_with_minisign() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let keys = dir.path().join("keys");
    let out = run(fairway().arg("keygen").arg("--out").arg(&keys));
    assert!(out.status.success(), "keygen works: {}", stderr(&out));
    let feed = dir.path().join("feed");
    let out = run(fairway()
        .arg("build")
        .arg(demo_fair())
        .arg("--out")
        .arg(&feed)
        .arg("--sequence")
        .arg("7")
        .arg("--key")
        .arg(keys.join("fairway.key")));
    assert!(
        out.status.success(),
        "a signed build works: {}",
        stderr(&out)
    );
    let manifest: Value = serde_json::from_slice(
        &std::fs::read(feed.join("manifest.json")).expect("manifest.json is written"),
    )
    .expect("manifest.json is JSON");
    assert_eq!(
        manifest["sequence"], 7,
        "the manifest carries the requested sequence"
    );
    let snapshot = feed.join(manifest["file"].as_str().expect("manifest names its file"));
    let out = run(fairway()
        .arg("verify")
        .arg(&snapshot)
        .arg("--pubkey")
        .arg(keys.join("fairway.pub")));
    assert!(
        out.status.success(),
        "fairway verify accepts it: {}{}",
        stdout(&out),
        stderr(&out)
    );
    let out = run(Command::new("minisign")
        .arg("-V")
        .arg("-p")
        .arg(keys.join("fairway.pub"))
        .arg("-m")
        .arg(feed.join("manifest.json")));
    assert!(
        out.status.success(),
        "Debian's minisign verifies Fairway's signature: {}",
        stderr(&out)
    );

    // One flipped byte in the snapshot: verify names the failing check.
    let mut bytes = std::fs::read(&snapshot).expect("snapshot is readable");
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x5a;
    std::fs::write(&snapshot, &bytes).expect("snapshot is writable in the temp dir");
    let out = run(fairway()
        .arg("verify")
        .arg(&snapshot)
        .arg("--pubkey")
        .arg(keys.join("fairway.pub")));
    assert!(!out.status.success(), "a flipped byte is refused");
    assert!(
        stderr(&out).contains("sha256"),
        "the error names the hash check: {}",
        stderr(&out)
    );
}

#[test]
fn failed_build_leaves_nothing_in_the_output_folder() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let source = dir.path().join("fair");
    copy_dir(&demo_fair(), &source);
    // Break one cell deep in the file: an e-mail without an @.
    let path = source.join("exhibitors.csv");
    let text = std::fs::read_to_string(&path).expect("exhibitors.csv is readable");
    let broken = text.replacen("@example", "#example", 1);
    assert_ne!(text, broken, "the demo has e-mail addresses to break");
    std::fs::write(&path, broken).expect("writable");
    let out_dir = dir.path().join("feed");
    let out = run(fairway()
        .arg("build")
        .arg(&source)
        .arg("--out")
        .arg(&out_dir));
    assert!(!out.status.success(), "a broken e-mail stops the build");
    let err = stderr(&out);
    assert_eq!(err.trim().lines().count(), 1, "one line on stderr: {err}");
    assert!(
        err.contains("exhibitors.csv") && err.contains("email"),
        "names file and column: {err}"
    );
    let left: Vec<_> = std::fs::read_dir(&out_dir)
        .map(|d| d.flatten().collect())
        .unwrap_or_default();
    assert!(left.is_empty(), "nothing is left in --out: {left:?}");
}

#[test]
fn synth_writes_a_folder_that_builds() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let source = dir.path().join("synthetic");
    let out = run(fairway()
        .args(["synth", "--exhibitors", "500", "--seed", "3", "--out"])
        .arg(&source));
    assert!(out.status.success(), "synth works: {}", stderr(&out));
    let feed = dir.path().join("feed");
    let out = run(fairway().arg("build").arg(&source).arg("--out").arg(&feed));
    assert!(
        out.status.success(),
        "a synthetic fair builds: {}",
        stderr(&out)
    );
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create dir");
    for entry in std::fs::read_dir(from).expect("read dir").flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy file");
        }
    }
}

#[cfg(unix)]
#[test]
fn published_snapshot_and_manifest_are_world_readable_for_feed_servers() {
    use std::os::unix::fs::PermissionsExt;
    let snapshot = demo_snapshot();
    let manifest = snapshot.with_file_name("manifest.json");
    for path in [snapshot.to_path_buf(), manifest] {
        let mode = std::fs::metadata(&path)
            .expect("published file exists")
            .permissions()
            .mode();
        assert_eq!(
            mode & 0o044,
            0o044,
            "{} is readable by group and others: {mode:o}",
            path.display()
        );
    }
}

#[test]
fn install_takes_a_signed_feed_once_and_then_names_the_sequence_check() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let (source, feed, keys, data) = (
        dir.path().join("source"),
        dir.path().join("feed"),
        dir.path().join("keys"),
        dir.path().join("kiosk"),
    );
    for cmd in [
        fairway()
            .args(["synth", "--exhibitors", "5", "--out"])
            .arg(&source),
        fairway().args(["keygen", "--out"]).arg(&keys),
        fairway()
            .arg("build")
            .arg(&source)
            .arg("--out")
            .arg(&feed)
            .arg("--key")
            .arg(keys.join("fairway.key")),
    ] {
        let out = run(cmd);
        assert!(out.status.success(), "setup step fails: {}", stderr(&out));
    }
    let install = || {
        run(fairway()
            .arg("install")
            .arg(&feed)
            .arg("--data")
            .arg(&data)
            .arg("--pubkey")
            .arg(keys.join("fairway.pub")))
    };
    let first = install();
    assert!(first.status.success(), "first install: {}", stderr(&first));
    assert!(
        stdout(&first).contains("sequence 1 as"),
        "says what it installed: {}",
        stdout(&first)
    );
    let again = install();
    assert_eq!(again.status.code(), Some(1), "the same sequence is refused");
    let message = stderr(&again);
    assert!(
        message.starts_with("fairway: error: sequence check failed:")
            && message.lines().count() == 1,
        "one line naming the check: {message}"
    );
}
