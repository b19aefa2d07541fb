//! Installing signed snapshots on a kiosk from a folder feed and an HTTP feed: the happy path,
//! the fallback rules at start-up, key rotation, and the tamper matrix, where every refused
//! case names its check and the kiosk keeps serving what it had.

mod update_fixture;

use std::path::Path;

use fairway_core::snapshot::{MANIFEST_FILE, Manifest, SIGNATURE_FILE};
use fairway_core::update::{Feed, Library, Resolved, UpdateError};
use time::OffsetDateTime;
use update_fixture::{Faults, FeedServer, Keys, SmallFair, assert_serves, flip_byte};

fn folder_feed(dir: &Path) -> Feed {
    Feed::Folder(dir.to_path_buf())
}

/// A library with sequence 1 installed from `keys`.
struct Kiosk {
    _data: tempfile::TempDir,
    library: Library,
}

fn kiosk_on_sequence_1(fair: &SmallFair, keys: &Keys) -> Kiosk {
    let data = tempfile::tempdir().expect("data folder");
    let library = Library::open(data.path(), vec![keys.public()]).expect("library");
    let feed = tempfile::tempdir().expect("feed folder");
    fair.publish(feed.path(), 1, &keys.secret);
    library
        .install(&folder_feed(feed.path()))
        .expect("sequence 1 installs");
    Kiosk {
        _data: data,
        library,
    }
}

fn expect_rejection(result: Result<impl std::fmt::Debug, UpdateError>, check: &str, case: &str) {
    match result {
        Err(e) => {
            println!("{case}: refused: {e}");
            assert_eq!(
                e.check(),
                Some(check),
                "{case}: expected the {check} check to refuse it, got: {e}"
            );
            assert!(
                e.to_string()
                    .starts_with(&format!("{check} check failed: ")),
                "{case}: the message must name the check: {e}"
            );
        }
        Ok(installed) => panic!("{case}: must be refused, but installed {installed:?}"),
    }
}

#[test]
fn a_signed_folder_feed_installs_and_becomes_current() {
    let (fair, keys) = (SmallFair::new(), Keys::new());
    let data = tempfile::tempdir().expect("data folder");
    let library = Library::open(data.path(), vec![keys.public()]).expect("library");
    assert_eq!(
        library.resolve().chosen,
        Resolved::Nothing,
        "a new kiosk has nothing"
    );

    let feed = tempfile::tempdir().expect("feed folder");
    fair.publish(feed.path(), 1, &keys.secret);
    let installed = library
        .install(&folder_feed(feed.path()))
        .expect("a signed feed installs");
    assert_eq!(installed.pointer.sequence, 1);
    assert_eq!(installed.replaced, None);
    assert_eq!(installed.signed_by, "signed by pinned key 1");
    assert!(
        installed.pointer.file.starts_with("expo-2025-1-"),
        "unique name: {}",
        installed.pointer.file
    );
    assert_serves(&library, 1, "after the first install");
    // The stock tool agrees with the kiosk about the feed's signature.
    let minisign = std::process::Command::new("minisign")
        .arg("-V")
        .arg("-p")
        .arg(&keys.public_path)
        .arg("-m")
        .arg(feed.path().join(MANIFEST_FILE))
        .output()
        .expect("minisign is installed (Debian's minisign package)");
    assert!(
        minisign.status.success(),
        "minisign -V verifies the manifest the kiosk accepted: {}",
        String::from_utf8_lossy(&minisign.stderr)
    );
    let staging: Vec<_> = std::fs::read_dir(data.path().join("staging"))
        .expect("staging")
        .collect();
    assert!(staging.is_empty(), "staging is emptied after an install");
}

#[test]
fn a_snapshot_the_kiosk_still_has_open_is_never_pruned() {
    let (fair, keys) = (SmallFair::new(), Keys::new());
    let kiosk = kiosk_on_sequence_1(&fair, &keys);
    // The kiosk serves sequence 1; sequence 2 installs but (say) would not open, so the kiosk
    // stays on 1 while the pointers move on to 2 and then 3.
    let open = kiosk.library.resolve().path.expect("sequence 1 is current");
    for sequence in 2..=3 {
        let feed = tempfile::tempdir().expect("feed folder");
        fair.publish(feed.path(), sequence, &keys.secret);
        let installed = kiosk
            .library
            .install_keeping(&folder_feed(feed.path()), std::slice::from_ref(&open))
            .expect("a newer snapshot installs");
        assert!(
            installed.pruned.is_empty(),
            "sequence {sequence}: nothing the kiosk has open is pruned: {:?}",
            installed.pruned
        );
    }
    assert!(open.exists(), "the open snapshot is still there");
    // Once the kiosk has moved on, the next install prunes it.
    let feed = tempfile::tempdir().expect("feed folder");
    fair.publish(feed.path(), 4, &keys.secret);
    let installed = kiosk
        .library
        .install_keeping(&folder_feed(feed.path()), &[])
        .expect("sequence 4 installs");
    assert_eq!(installed.pruned.len(), 2, "{:?}", installed.pruned);
    assert!(!open.exists(), "no longer open, so pruned");
}

#[test]
fn a_newer_snapshot_becomes_current_and_the_one_before_stays_as_fallback() {
    let (fair, keys) = (SmallFair::new(), Keys::new());
    let kiosk = kiosk_on_sequence_1(&fair, &keys);
    let mut installed_files = vec![kiosk.library.resolve().pointer.expect("current").file];
    for sequence in 2..=4 {
        let feed = tempfile::tempdir().expect("feed folder");
        fair.publish(feed.path(), sequence, &keys.secret);
        let installed = kiosk
            .library
            .install(&folder_feed(feed.path()))
            .expect("a newer snapshot installs");
        assert_eq!(installed.replaced.map(|p| p.sequence), Some(sequence - 1));
        assert_serves(&kiosk.library, sequence, "after an update");
        installed_files.push(installed.pointer.file);
    }
    let mut on_disk = update_fixture_listing(&kiosk.library.snapshots_dir());
    on_disk.sort();
    let mut kept = installed_files[2..].to_vec();
    kept.sort();
    assert_eq!(
        on_disk, kept,
        "only current (4) and previous (3) are kept; older ones are pruned"
    );

    // Losing `current` falls back to `previous`.
    std::fs::write(kiosk.library.root().join("current"), b"{ not json").expect("damage");
    let resolution = kiosk.library.resolve();
    assert_eq!(
        resolution.chosen,
        Resolved::Previous,
        "{}",
        resolution.reason
    );
    assert_eq!(resolution.pointer.map(|p| p.sequence), Some(3));
    assert!(
        resolution.reason.contains("current pointer is damaged"),
        "the reason says why: {}",
        resolution.reason
    );
}

fn update_fixture_listing(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .expect("listing")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect()
}

#[test]
fn start_up_falls_back_to_previous_then_to_nothing_and_says_why() {
    let (fair, keys) = (SmallFair::new(), Keys::new());
    let kiosk = kiosk_on_sequence_1(&fair, &keys);
    let feed = tempfile::tempdir().expect("feed folder");
    fair.publish(feed.path(), 2, &keys.secret);
    let installed = kiosk
        .library
        .install(&folder_feed(feed.path()))
        .expect("sequence 2 installs");

    // The file `current` names is gone (a disk error, a careless technician).
    std::fs::remove_file(&installed.path).expect("removing the current snapshot");
    let resolution = kiosk.library.resolve();
    assert_eq!(
        resolution.chosen,
        Resolved::Previous,
        "{}",
        resolution.reason
    );
    assert_eq!(resolution.pointer.map(|p| p.sequence), Some(1));

    std::fs::remove_file(kiosk.library.root().join("previous")).expect("removing previous");
    let resolution = kiosk.library.resolve();
    assert_eq!(resolution.chosen, Resolved::Nothing);
    assert!(resolution.path.is_none());
    assert!(
        resolution.reason.contains("previous pointer is missing"),
        "the reason names both problems: {}",
        resolution.reason
    );
}

#[test]
fn a_manifest_signed_by_the_second_pinned_key_is_accepted_for_rotation() {
    let fair = SmallFair::new();
    let (old_keys, new_keys) = (Keys::new(), Keys::new());
    let data = tempfile::tempdir().expect("data folder");
    let library = Library::open(data.path(), vec![old_keys.public(), new_keys.public()])
        .expect("library with two key slots");
    let feed = tempfile::tempdir().expect("feed folder");
    fair.publish(feed.path(), 1, &old_keys.secret);
    let first = library.install(&folder_feed(feed.path())).expect("old key");
    assert_eq!(first.signed_by, "signed by pinned key 1");

    let feed = tempfile::tempdir().expect("feed folder");
    fair.publish(feed.path(), 2, &new_keys.secret);
    let second = library
        .install(&folder_feed(feed.path()))
        .expect("the rotated key is accepted");
    assert_eq!(second.signed_by, "signed by pinned key 2");
    assert_serves(&library, 2, "after a key rotation");
}

/// One way to spoil a feed that would otherwise carry sequence 2.
type Tamper = fn(&SmallFair, &Keys, &Path);

#[test]
fn every_tampered_or_stale_feed_is_refused_with_its_reason_and_the_kiosk_keeps_its_snapshot() {
    let fair = SmallFair::new();
    let keys = Keys::new();
    let cases: Vec<(&str, &str, Tamper)> = vec![
        (
            "a flipped byte in the snapshot",
            "sha256",
            |fair, keys, dir| {
                let snapshot = fair.publish(dir, 2, &keys.secret);
                flip_byte(&snapshot, 4096 + 17);
            },
        ),
        (
            "a flipped byte in the manifest",
            "signature",
            |fair, keys, dir| {
                fair.publish(dir, 2, &keys.secret);
                let text = std::fs::read_to_string(dir.join(MANIFEST_FILE)).expect("manifest");
                // Sequence 2 becomes 3: still valid JSON, no longer what was signed.
                let changed = text.replacen("\"sequence\": 2", "\"sequence\": 3", 1);
                assert_ne!(text, changed, "the manifest holds the sequence");
                std::fs::write(dir.join(MANIFEST_FILE), changed).expect("write");
            },
        ),
        (
            "a byte of garbage in the manifest",
            "signature",
            |fair, keys, dir| {
                fair.publish(dir, 2, &keys.secret);
                flip_byte(&dir.join(MANIFEST_FILE), 0);
            },
        ),
        ("a missing signature", "signature", |fair, keys, dir| {
            fair.publish(dir, 2, &keys.secret);
            std::fs::write(dir.join(SIGNATURE_FILE), "").expect("empty signature");
        }),
        (
            "a manifest signed by an unpinned key",
            "signature",
            |fair, _keys, dir| {
                let stranger = Keys::new();
                fair.publish(dir, 2, &stranger.secret);
            },
        ),
        ("the same sequence again", "sequence", |fair, keys, dir| {
            fair.publish(dir, 1, &keys.secret);
        }),
        ("an older sequence", "sequence", |fair, keys, dir| {
            fair.publish(dir, 0, &keys.secret);
        }),
        ("an expired manifest", "expiry", |fair, keys, dir| {
            let long_ago = OffsetDateTime::now_utc() - time::Duration::days(10);
            fair.publish_at(dir, 2, &keys.secret, long_ago, time::Duration::days(1));
        }),
        (
            "a manifest of one snapshot with another's file",
            "sha256",
            |fair, keys, dir| {
                // Sequence 2's signed manifest, next to sequence 3's file under 2's name.
                let snapshot = fair.publish(dir, 2, &keys.secret);
                let other = tempfile::tempdir().expect("other feed");
                let other_file = fair.publish(other.path(), 3, &keys.secret);
                std::fs::copy(other_file, snapshot).expect("swapping the file");
            },
        ),
        (
            "a file larger than the manifest says",
            "size",
            |fair, keys, dir| {
                let snapshot = fair.publish(dir, 2, &keys.secret);
                let mut bytes = std::fs::read(&snapshot).expect("snapshot");
                bytes.extend_from_slice(&[0u8; 4096]);
                std::fs::write(snapshot, bytes).expect("write");
            },
        ),
        ("a truncated file", "size", |fair, keys, dir| {
            let snapshot = fair.publish(dir, 2, &keys.secret);
            let bytes = std::fs::read(&snapshot).expect("snapshot");
            std::fs::write(snapshot, &bytes[..bytes.len() / 2]).expect("write");
        }),
    ];

    let kiosk = kiosk_on_sequence_1(&fair, &keys);
    for (case, check, tamper) in cases {
        let feed = tempfile::tempdir().expect("feed folder");
        tamper(&fair, &keys, feed.path());
        expect_rejection(
            kiosk.library.install(&folder_feed(feed.path())),
            check,
            case,
        );
        assert_serves(&kiosk.library, 1, case);
    }

    // A snapshot over the kiosk's size cap is refused from the manifest, before the download.
    let feed = tempfile::tempdir().expect("feed folder");
    let snapshot = fair.publish(feed.path(), 2, &keys.secret);
    std::fs::remove_file(snapshot).expect("the file is not even needed");
    let capped = Library::open(kiosk.library.root(), vec![keys.public()])
        .expect("library")
        .with_max_size(1024);
    let result = capped.install(&folder_feed(feed.path()));
    expect_rejection(result, "size", "an oversized file");
    assert_serves(&kiosk.library, 1, "an oversized file");

    // And the same kiosk still takes a good update afterwards.
    let feed = tempfile::tempdir().expect("feed folder");
    fair.publish(feed.path(), 2, &keys.secret);
    kiosk
        .library
        .install(&folder_feed(feed.path()))
        .expect("a good feed installs after the refusals");
    assert_serves(&kiosk.library, 2, "after the refusals");
}

#[test]
fn a_missing_feed_is_a_feed_error_and_changes_nothing() {
    let (fair, keys) = (SmallFair::new(), Keys::new());
    let kiosk = kiosk_on_sequence_1(&fair, &keys);
    let gone = kiosk.library.root().join("no-such-feed");
    let err = kiosk
        .library
        .install(&folder_feed(&gone))
        .expect_err("an empty feed installs nothing");
    assert!(
        matches!(err, UpdateError::Feed { .. }),
        "a feed that cannot be read is a feed error: {err}"
    );
    assert!(err.to_string().contains("manifest.json"), "{err}");
    assert_serves(&kiosk.library, 1, "a missing feed");
}

#[test]
fn an_http_feed_installs_and_resumes_a_transfer_cut_short() {
    let (fair, keys) = (SmallFair::new(), Keys::new());
    let kiosk = kiosk_on_sequence_1(&fair, &keys);
    let feed_dir = tempfile::tempdir().expect("feed folder");
    let snapshot = fair.publish(feed_dir.path(), 2, &keys.secret);
    let size = std::fs::metadata(&snapshot).expect("snapshot").len();
    let server = FeedServer::serve(feed_dir.path());
    let cut = size / 3;
    *server.faults.lock().expect("faults") = Faults {
        cut_next_after: Some(cut),
        stop_at: None,
    };

    let installed = kiosk
        .library
        .install(&Feed::parse(&server.base))
        .expect("the HTTP feed installs");
    assert_eq!(installed.pointer.sequence, 2);
    assert_serves(&kiosk.library, 2, "after an HTTP install");
    let name = snapshot
        .file_name()
        .expect("name")
        .to_string_lossy()
        .into_owned();
    let requests = server.requests();
    assert!(
        requests.contains(&format!("GET /{name} range=-"))
            && requests.contains(&format!("GET /{name} range={cut}")),
        "the second request resumes at byte {cut}: {requests:?}"
    );
}

#[test]
fn a_truncated_http_download_is_refused_kept_and_resumed_by_the_next_poll() {
    let (fair, keys) = (SmallFair::new(), Keys::new());
    let kiosk = kiosk_on_sequence_1(&fair, &keys);
    let feed_dir = tempfile::tempdir().expect("feed folder");
    let snapshot = fair.publish(feed_dir.path(), 2, &keys.secret);
    let size = std::fs::metadata(&snapshot).expect("snapshot").len();
    let server = FeedServer::serve(feed_dir.path());
    let half = size / 2;
    server.faults.lock().expect("faults").stop_at = Some(half);

    let feed = Feed::parse(&server.base);
    expect_rejection(
        kiosk.library.install(&feed),
        "download",
        "a truncated download",
    );
    assert_serves(&kiosk.library, 1, "a truncated download");

    server.faults.lock().expect("faults").stop_at = None;
    kiosk
        .library
        .install(&feed)
        .expect("the next poll finishes the download");
    assert_serves(&kiosk.library, 2, "after the resumed download");
    let name = snapshot
        .file_name()
        .expect("name")
        .to_string_lossy()
        .into_owned();
    assert!(
        server
            .requests()
            .contains(&format!("GET /{name} range={half}")),
        "the next poll asks only for the rest: {:?}",
        server.requests()
    );
}

#[test]
fn an_http_feed_that_sends_more_than_the_manifest_says_is_refused() {
    let (fair, keys) = (SmallFair::new(), Keys::new());
    let kiosk = kiosk_on_sequence_1(&fair, &keys);
    let feed_dir = tempfile::tempdir().expect("feed folder");
    let snapshot = fair.publish(feed_dir.path(), 2, &keys.secret);
    let mut bytes = std::fs::read(&snapshot).expect("snapshot");
    bytes.extend_from_slice(&[7u8; 100_000]);
    std::fs::write(&snapshot, bytes).expect("write");
    let server = FeedServer::serve(feed_dir.path());
    expect_rejection(
        kiosk.library.install(&Feed::parse(&server.base)),
        "size",
        "an oversized HTTP body",
    );
    assert_serves(&kiosk.library, 1, "an oversized HTTP body");
    let _ = Manifest::read(&feed_dir.path().join(MANIFEST_FILE)).expect("manifest untouched");
}
