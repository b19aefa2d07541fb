//! The committed demo fair passes the importer cleanly: no error and no warning.

use std::path::Path;

#[test]
fn demo_fair_imports_without_errors_or_warnings() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/demo-fair");
    let imported =
        fairway_core::import::load(&dir).unwrap_or_else(|e| panic!("demo fair imports: {e}"));
    assert!(
        imported.warnings.is_empty(),
        "the demo fair raises no warnings: {:?}",
        imported.warnings
    );
    assert!(
        imported.source.exhibitors.len() >= 300,
        "the demo fair has at least 300 exhibitors"
    );
}

#[test]
fn synthetic_fairs_import_without_errors_or_warnings() {
    for (exhibitors, seed) in [(40, 1), (1500, 9)] {
        let dir = tempfile::tempdir().expect("a temp dir");
        fairway_core::synth::write_synthetic(dir.path(), exhibitors, seed).expect("synth writes");
        let imported = fairway_core::import::load(dir.path())
            .unwrap_or_else(|e| panic!("a synthetic fair of {exhibitors} imports: {e}"));
        assert!(
            imported.warnings.is_empty(),
            "no warnings: {:?}",
            imported.warnings
        );
        assert_eq!(
            imported.source.exhibitors.len(),
            exhibitors,
            "every exhibitor is read"
        );
    }
}
