//! The TypeScript bindings in `ui/src/bindings/` are exactly what the Rust types export: a type
//! changed on one side and not the other fails here. `FAIRWAY_UPDATE_BINDINGS=1 cargo test -p
//! fairway-kiosk --test bindings` rewrites them.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

fn read_dir(dir: &Path) -> BTreeMap<String, String> {
    let mut files = BTreeMap::new();
    for entry in fs::read_dir(dir)
        .expect("the bindings folder is readable")
        .flatten()
    {
        let name = entry.file_name().to_string_lossy().into_owned();
        let text = fs::read_to_string(entry.path()).expect("a binding is text");
        files.insert(name, text);
    }
    files
}

#[test]
fn committed_typescript_bindings_match_the_rust_types() {
    let committed_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../ui/src/bindings");
    if std::env::var_os("FAIRWAY_UPDATE_BINDINGS").is_some() {
        if committed_dir.exists() {
            fs::remove_dir_all(&committed_dir).expect("the old bindings can be removed");
        }
        fairway_kiosk::bindings::export(&committed_dir).expect("the bindings export");
    }
    let fresh_dir = tempfile::tempdir().expect("a temporary folder");
    fairway_kiosk::bindings::export(fresh_dir.path()).expect("the bindings export");
    let fresh = read_dir(fresh_dir.path());
    let committed = read_dir(&committed_dir);
    assert!(
        fresh.len() > 10,
        "every crossing type is exported: {:?}",
        fresh.keys()
    );
    let names = |m: &BTreeMap<String, String>| m.keys().cloned().collect::<Vec<_>>();
    assert_eq!(
        names(&committed),
        names(&fresh),
        "ui/src/bindings holds exactly the generated files; rerun with FAIRWAY_UPDATE_BINDINGS=1"
    );
    for (name, text) in &fresh {
        assert_eq!(
            committed.get(name),
            Some(text),
            "ui/src/bindings/{name} is stale; rerun with FAIRWAY_UPDATE_BINDINGS=1"
        );
    }
}
