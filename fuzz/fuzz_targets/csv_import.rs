//! The CSV importer on arbitrary bytes: one file of a small, valid source folder is replaced by
//! the input and the whole folder goes through `import::load`, the reader `fairway build` uses.
//!
//! Input: the first byte picks the file (its value modulo the number of CSV files, in the order
//! of `FILES`), the rest is that file's contents. The importer must never panic, and whatever it
//! says (an error or warnings) must be one line, as DESIGN's "bad input" target asks.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use fairway_core::import;
use libfuzzer_sys::fuzz_target;

/// The template folder's CSV files, in selector order, with their valid contents.
const FILES: [(&str, &str); 8] = [
    ("exhibitors.csv", include_str!("../source/exhibitors.csv")),
    ("products.csv", include_str!("../source/products.csv")),
    ("booths.csv", include_str!("../source/booths.csv")),
    ("halls.csv", include_str!("../source/halls.csv")),
    ("pavilions.csv", include_str!("../source/pavilions.csv")),
    ("categories.csv", include_str!("../source/categories.csv")),
    ("connectors.csv", include_str!("../source/connectors.csv")),
    ("kiosks.csv", include_str!("../source/kiosks.csv")),
];

struct Source {
    // Kept so the folder lives as long as the process.
    _dir: tempfile::TempDir,
    root: PathBuf,
}

/// The template written once per process, into memory-backed /dev/shm when there is one.
fn source() -> &'static Source {
    static SOURCE: OnceLock<Source> = OnceLock::new();
    SOURCE.get_or_init(|| {
        let shm = std::path::Path::new("/dev/shm");
        let dir = if shm.is_dir() {
            tempfile::tempdir_in(shm)
        } else {
            tempfile::tempdir()
        }
        .expect("a temporary folder for the template source");
        let root = dir.path().to_path_buf();
        std::fs::write(root.join("fair.toml"), include_str!("../source/fair.toml"))
            .expect("writing fair.toml");
        for (name, text) in FILES {
            std::fs::write(root.join(name), text).expect("writing a template CSV");
        }
        // The importer checks only that a named image exists; its contents are the build's job.
        std::fs::create_dir(root.join("images")).expect("images folder");
        for image in ["logo.png", "pavilion.png", "product.jpg"] {
            std::fs::write(root.join("images").join(image), b"").expect("writing an image");
        }
        if let Err(e) = import::load(&root) {
            panic!("the template source folder must import cleanly: {e}");
        }
        Source { _dir: dir, root }
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, contents)) = data.split_first() else {
        return;
    };
    let source = source();
    let (name, original) = FILES[usize::from(selector) % FILES.len()];
    let path = source.root.join(name);
    std::fs::write(&path, contents).expect("writing the fuzzed CSV");
    let result = import::load(&source.root);
    std::fs::write(&path, original).expect("restoring the template CSV");
    match result {
        Ok(imported) => {
            for warning in &imported.warnings {
                let text = warning.to_string();
                assert!(
                    !text.contains(['\n', '\r']),
                    "a warning of two lines: {text:?}"
                );
            }
        }
        Err(e) => {
            let text = e.to_string();
            assert!(
                !text.contains(['\n', '\r']),
                "an error of two lines: {text:?}"
            );
            assert!(!text.is_empty(), "an empty error");
        }
    }
});
