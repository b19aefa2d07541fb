//! `build_snapshot` on a hand-made fair: what lands in the output folder, and what does not
//! when the build fails.

mod snapshot_fixture;

use fairway_core::build::{BuildError, BuildOptions, build_snapshot, source_hash};
use fairway_core::snapshot::{Manifest, SCHEMA_VERSION, Snapshot, manifest};
use snapshot_fixture::{CREATED, fixture, listing, options};

#[test]
fn build_writes_a_snapshot_and_a_manifest_that_describes_it() {
    let f = fixture();
    let out = tempfile::tempdir().expect("output folder");
    let report = f.build(out.path(), options());

    assert_eq!(
        listing(out.path()),
        vec!["expo-2025-1.sqlite", "manifest.json"],
        "an unsigned build writes exactly the snapshot and its manifest, no -wal/-journal files"
    );
    assert_eq!(report.snapshot, out.path().join("expo-2025-1.sqlite"));
    let on_disk = Manifest::read(&out.path().join("manifest.json")).expect("manifest parses");
    assert_eq!(on_disk, report.manifest);
    let (size, sha) = manifest::file_digest(&report.snapshot).expect("snapshot readable");
    assert_eq!(on_disk.size, size, "manifest size is the file's size");
    assert_eq!(on_disk.sha256, sha, "manifest sha256 is the file's hash");
    assert_eq!(on_disk.fair_id, "expo-2025");
    assert_eq!(on_disk.sequence, 1);
    assert_eq!(on_disk.schema_version, SCHEMA_VERSION);
    assert_eq!(on_disk.created, CREATED);
    assert_eq!(on_disk.expires, CREATED + time::Duration::days(90));

    let json: serde_json::Value = serde_json::from_slice(
        &std::fs::read(out.path().join("manifest.json")).expect("manifest bytes"),
    )
    .expect("manifest is JSON");
    assert_eq!(
        json["created"], "2025-06-01T08:00:00Z",
        "times are RFC 3339 UTC"
    );
    assert_eq!(json["expires"], "2025-08-30T08:00:00Z");
    assert_eq!(json["file"], "expo-2025-1.sqlite");
}

#[test]
fn built_snapshot_passes_sqlite_integrity_check_and_uses_a_rollback_journal() {
    let f = fixture();
    let out = tempfile::tempdir().expect("output folder");
    let report = f.build(out.path(), options());
    let conn = rusqlite::Connection::open_with_flags(
        &report.snapshot,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
    )
    .expect("snapshot opens");
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity_check runs");
    assert_eq!(check, "ok");
    let journal: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .expect("journal_mode");
    assert_ne!(journal, "wal", "a snapshot must not need -wal files");
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .expect("user_version");
    assert_eq!(version, SCHEMA_VERSION);
}

#[test]
fn build_stores_meta_rows_with_the_source_hash() {
    let f = fixture();
    let out = tempfile::tempdir().expect("output folder");
    let report = f.build(out.path(), options());
    let snapshot = Snapshot::open(&report.snapshot).expect("snapshot opens");
    let meta = snapshot.meta();
    assert_eq!(meta.fair_id, "expo-2025");
    assert_eq!(meta.sequence, 1);
    assert_eq!(meta.created, "2025-06-01T08:00:00Z");
    assert_eq!(
        meta.generator,
        format!("fairway {}", env!("CARGO_PKG_VERSION"))
    );
    assert_eq!(
        meta.source_hash,
        source_hash(f.root(), None).expect("hashing the source"),
        "meta.source_hash is the hash of the source folder"
    );

    f.write_image("unused.png", &snapshot_fixture::png_rgba(4, 4, 9));
    assert_ne!(
        meta.source_hash,
        source_hash(f.root(), None).expect("hashing the source"),
        "any added file changes the source hash"
    );
}

#[test]
fn build_counts_what_it_wrote_and_stores_each_image_once() {
    let f = fixture();
    let out = tempfile::tempdir().expect("output folder");
    let report = f.build(out.path(), options());
    let c = report.counts;
    assert_eq!(
        (
            c.halls,
            c.pavilions,
            c.categories,
            c.booths,
            c.exhibitors,
            c.products,
            c.kiosks,
            c.connectors
        ),
        (2, 2, 4, 4, 3, 3, 1, 1)
    );
    assert_eq!(
        c.assets, 5,
        "th.png, e1.png, e2.png, car.jpg and cup.png; e2-copy.png is the same picture as e2.png"
    );
}

#[test]
fn next_build_takes_the_next_sequence_and_keeps_the_previous_snapshot() {
    let f = fixture();
    let out = tempfile::tempdir().expect("output folder");
    f.build(out.path(), options());
    let second = f.build(out.path(), options());
    assert_eq!(second.manifest.sequence, 2);
    assert_eq!(
        listing(out.path()),
        vec!["expo-2025-1.sqlite", "expo-2025-2.sqlite", "manifest.json"]
    );
    let third = f.build(
        out.path(),
        BuildOptions {
            sequence: Some(10),
            ..options()
        },
    );
    assert_eq!(third.manifest.file, "expo-2025-10.sqlite");
}

#[test]
fn build_refuses_a_sequence_that_does_not_grow() {
    let f = fixture();
    let out = tempfile::tempdir().expect("output folder");
    f.build(out.path(), options());
    f.build(out.path(), options());
    let before = listing(out.path());
    let manifest_before = std::fs::read(out.path().join("manifest.json")).expect("manifest");

    let err = build_snapshot(
        &f.source,
        out.path(),
        &BuildOptions {
            sequence: Some(2),
            ..options()
        },
    )
    .expect_err("sequence 2 exists already");
    assert!(
        matches!(
            err,
            BuildError::SequenceNotGreater {
                sequence: 2,
                previous: 2,
                ..
            }
        ),
        "unexpected error: {err}"
    );
    assert!(err.to_string().contains("sequences must grow"), "{err}");
    assert_eq!(
        listing(out.path()),
        before,
        "a refused build changes nothing"
    );
    assert_eq!(
        std::fs::read(out.path().join("manifest.json")).expect("manifest"),
        manifest_before
    );
}

#[test]
fn build_refuses_to_overwrite_an_existing_snapshot_file() {
    let f = fixture();
    let out = tempfile::tempdir().expect("output folder");
    // A stray file of the name the next build would take, without a manifest naming it.
    std::fs::write(out.path().join("expo-2025-1.sqlite"), b"precious").expect("stray file");
    let err = build_snapshot(&f.source, out.path(), &options()).expect_err("name is taken");
    assert!(matches!(err, BuildError::SnapshotExists { .. }), "{err}");
    assert!(err.to_string().contains("already exists"), "{err}");
    assert_eq!(
        std::fs::read(out.path().join("expo-2025-1.sqlite")).expect("stray file"),
        b"precious"
    );
}

#[test]
fn a_broken_image_fails_the_build_naming_the_file_and_who_uses_it_and_leaves_no_folder() {
    let f = fixture();
    std::fs::write(
        f.root().join("images/e2.png"),
        b"this is text, not a picture",
    )
    .expect("write");
    let parent = tempfile::tempdir().expect("parent folder");
    let out = parent.path().join("new").join("out");

    let err = build_snapshot(&f.source, &out, &options()).expect_err("e2.png is broken");
    assert_eq!(
        err.to_string(),
        "images/e2.png (logo of exhibitor E0002): not a PNG or JPEG file"
    );
    assert!(
        listing(parent.path()).is_empty(),
        "the output folder (and its parent) did not exist before, so they must not exist after"
    );
}

#[test]
fn a_failed_build_leaves_an_existing_output_folder_as_it_was() {
    let f = fixture();
    let out = tempfile::tempdir().expect("output folder");
    f.build(out.path(), options());
    let before = listing(out.path());
    let manifest_before = std::fs::read(out.path().join("manifest.json")).expect("manifest");

    // A product picture that claims to be a PNG but stops after its header.
    let car = snapshot_fixture::png_rgba(64, 64, 7);
    f.write_image("car.jpg", &car[..car.len() / 2]);
    let err = build_snapshot(&f.source, out.path(), &options()).expect_err("car.jpg is truncated");
    let message = err.to_string();
    assert!(
        message.starts_with("images/car.jpg (image of product \"Deepal S7\" of exhibitor E0002): "),
        "{message}"
    );
    assert_eq!(listing(out.path()), before);
    assert_eq!(
        std::fs::read(out.path().join("manifest.json")).expect("manifest"),
        manifest_before
    );
}

#[test]
fn a_missing_image_file_is_named_in_the_error() {
    let mut f = fixture();
    f.source.products[1].image = Some("missing.png".into());
    let out = tempfile::tempdir().expect("output folder");
    let err = build_snapshot(&f.source, out.path(), &options()).expect_err("no such file");
    assert!(
        err.to_string().starts_with(
            "images/missing.png (image of product \"Jasmine rice\" of exhibitor E0001): cannot read"
        ),
        "{err}"
    );
    assert!(listing(out.path()).is_empty());
}

#[test]
fn a_row_pointing_at_an_unknown_hall_fails_the_build_and_leaves_nothing() {
    let mut f = fixture();
    f.source.booths[0].hall = "N9".into();
    let out = tempfile::tempdir().expect("output folder");
    let err = build_snapshot(&f.source, out.path(), &options()).expect_err("unknown hall");
    assert!(err.to_string().contains("FOREIGN KEY"), "{err}");
    assert!(listing(out.path()).is_empty());
}

#[test]
fn a_fair_id_that_cannot_name_a_file_is_refused() {
    let mut f = fixture();
    f.source.fair.id = "../escape".into();
    let out = tempfile::tempdir().expect("output folder");
    let err = build_snapshot(&f.source, out.path(), &options()).expect_err("bad id");
    assert!(matches!(err, BuildError::FairId(_)), "{err}");
}

#[test]
fn an_unsigned_build_removes_a_stale_signature() {
    let f = fixture();
    let out = tempfile::tempdir().expect("output folder");
    let keys = tempfile::tempdir().expect("key folder");
    let (_, secret) = fairway_core::snapshot::keygen(keys.path()).expect("keygen");
    f.build(
        out.path(),
        BuildOptions {
            secret_key: Some(secret),
            ..options()
        },
    );
    assert!(out.path().join("manifest.json.minisig").exists());
    f.build(out.path(), options());
    assert!(
        !out.path().join("manifest.json.minisig").exists(),
        "a signature of the previous manifest would not match the new one"
    );
}

#[test]
fn image_names_that_leave_the_images_folder_are_refused() {
    let mut f = fixture();
    f.source.exhibitors[0].logo = Some("../fair.toml".into());
    let out = tempfile::tempdir().expect("output folder");
    let err = build_snapshot(&f.source, out.path(), &options()).expect_err("escapes images/");
    assert_eq!(
        err.to_string(),
        "images/../fair.toml (logo of exhibitor E0001): cannot read: image names must name a file inside images/"
    );
    f.source.exhibitors[0].logo = Some("/etc/hostname".into());
    let err = build_snapshot(&f.source, out.path(), &options()).expect_err("absolute path");
    assert!(
        err.to_string().contains("must name a file inside images/"),
        "{err}"
    );
    assert!(listing(out.path()).is_empty());
}

#[test]
fn an_image_file_over_the_size_limit_is_refused_before_it_is_read() {
    let f = fixture();
    let file = std::fs::File::create(f.root().join("images/e1.png")).expect("create");
    file.set_len(6 * 1024 * 1024).expect("a sparse 6 MiB file");
    let out = tempfile::tempdir().expect("output folder");
    let err = build_snapshot(&f.source, out.path(), &options()).expect_err("too large");
    assert_eq!(
        err.to_string(),
        "images/e1.png (logo of exhibitor E0001): the file is 6291456 bytes, more than the 5242880 bytes (5 MiB) allowed"
    );
}
