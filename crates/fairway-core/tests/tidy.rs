//! Repository rules that can be checked as ordinary tests (in the spirit of rust-analyzer's
//! `tidy.rs`): the architecture invariants from ARCHITECTURE.md that a grep can hold.

use std::fs;
use std::path::{Path, PathBuf};

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            if path.file_name().is_some_and(|n| n == "target") {
                continue;
            }
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn core_crate_depends_on_no_shell_framework() {
    let manifest = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml"))
        .expect("fairway-core's Cargo.toml is readable");
    for forbidden in ["tauri", "axum", "hyper", "reqwest", "tokio", "wry"] {
        let found = manifest
            .lines()
            .any(|l| l.trim_start().starts_with(forbidden) && l.contains('='));
        assert!(
            !found,
            "fairway-core must know nothing of Tauri, HTTP or async runtimes, but depends on {forbidden}"
        );
    }
}

#[test]
fn the_core_speaks_http_only_in_the_update_feed() {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    let offenders: Vec<_> = files
        .iter()
        .filter(|p| !p.ends_with("src/update/feed.rs"))
        .filter(|p| fs::read_to_string(p).is_ok_and(|text| text.contains("ureq")))
        .collect();
    assert!(
        offenders.is_empty(),
        "the HTTP client belongs in update/feed.rs only (the feed); found in {offenders:?}"
    );
}

#[test]
fn every_source_module_starts_with_a_doc_header() {
    let mut files = Vec::new();
    rust_files(&repo_root().join("crates"), &mut files);
    assert!(!files.is_empty(), "the crates folder holds Rust files");
    let missing: Vec<_> = files
        .iter()
        .filter(|p| p.components().any(|c| c.as_os_str() == "src"))
        .filter(|p| {
            let text = fs::read_to_string(p).unwrap_or_default();
            !text.trim_start().starts_with("//!")
        })
        .collect();
    assert!(
        missing.is_empty(),
        "modules without a `//!` header saying what they are for: {missing:?}"
    );
}

#[test]
fn no_test_is_ignored_or_expects_a_panic() {
    let mut files = Vec::new();
    rust_files(&repo_root().join("crates"), &mut files);
    let this_file = Path::new(file!())
        .file_name()
        .expect("this file has a name");
    let offenders: Vec<_> = files
        .iter()
        .filter(|p| p.file_name() != Some(this_file))
        .filter(|p| {
            let text = fs::read_to_string(p).unwrap_or_default();
            text.contains("#[ignore") || text.contains("#[should_panic")
        })
        .collect();
    assert!(
        offenders.is_empty(),
        "tests must run and must not rely on panics: {offenders:?}"
    );
}

#[test]
fn unsafe_code_is_allowed_in_one_place_only() {
    let root = repo_root();
    let mut files = Vec::new();
    for dir in ["crates", "src-tauri/src", "tests"] {
        rust_files(&root.join(dir), &mut files);
    }
    let this_file = Path::new(file!())
        .file_name()
        .expect("this file has a name");
    let offenders: Vec<_> = files
        .iter()
        .filter(|p| p.file_name() != Some(this_file))
        .filter(|p| !p.ends_with("src-tauri/src/window.rs"))
        .filter(|p| {
            let text = fs::read_to_string(p).unwrap_or_default();
            text.contains("allow(unsafe_code)") || text.contains("unsafe {")
        })
        .collect();
    assert!(
        offenders.is_empty(),
        "unsafe code belongs only in src-tauri/src/window.rs (WebKit's zoom gesture and its painting switch): {offenders:?}"
    );
    let window = fs::read_to_string(root.join("src-tauri/src/window.rs"))
        .expect("src-tauri/src/window.rs is readable");
    assert_eq!(
        window.matches("allow(unsafe_code)").count(),
        2,
        "window.rs allows unsafe code for two functions only: the zoom gesture and choose_painting"
    );
    assert_eq!(
        window.matches("unsafe {").count(),
        window.matches("// SAFETY:").count(),
        "every unsafe block in window.rs says why it is sound"
    );
}
