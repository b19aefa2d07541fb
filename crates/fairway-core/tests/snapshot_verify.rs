//! Keys, signatures and `verify`: a good snapshot passes every check, and each kind of damage
//! is named by the check that catches it. The stock `minisign` tool must agree with Fairway.

mod snapshot_fixture;

use std::path::{Path, PathBuf};
use std::process::Command;

use fairway_core::build::BuildOptions;
use fairway_core::snapshot::{KeyError, VerifyReport, keygen, verify, verify_at};
use snapshot_fixture::{CREATED, fixture, options};

struct Signed {
    _keys: tempfile::TempDir,
    out: tempfile::TempDir,
    public: PathBuf,
    snapshot: PathBuf,
}

fn signed_build() -> Signed {
    let f = fixture();
    let keys = tempfile::tempdir().expect("key folder");
    let (public, secret) = keygen(keys.path()).expect("keygen");
    let out = tempfile::tempdir().expect("output folder");
    let report = f.build(
        out.path(),
        BuildOptions {
            secret_key: Some(secret),
            ..options()
        },
    );
    Signed {
        _keys: keys,
        out,
        public,
        snapshot: report.snapshot,
    }
}

/// Verifies as of a day after the build, so the expiry check is about the test, not the clock.
fn check(snapshot: &Path, pubkey: Option<&Path>) -> VerifyReport {
    verify_at(snapshot, pubkey, CREATED + time::Duration::days(1))
}

fn first_failure(report: &VerifyReport) -> (&str, &str) {
    let failed = report
        .first_failure()
        .unwrap_or_else(|| panic!("expected a failing check:\n{report}"));
    (failed.name, failed.detail.as_str())
}

#[test]
fn a_signed_snapshot_passes_every_check_in_order() {
    let s = signed_build();
    assert!(s.out.path().join("manifest.json.minisig").exists());
    let report = check(&s.snapshot, Some(&s.public));
    assert!(report.is_ok(), "{report}");
    let names: Vec<&str> = report.checks.iter().map(|c| c.name).collect();
    assert_eq!(
        names,
        [
            "manifest",
            "file",
            "size",
            "sha256",
            "signature",
            "sequence",
            "expiry",
            "schema",
            "integrity"
        ]
    );
}

#[test]
fn the_minisign_tool_verifies_what_fairway_signs() {
    let s = signed_build();
    let output = Command::new("minisign")
        .arg("-V")
        .arg("-p")
        .arg(&s.public)
        .arg("-m")
        .arg(s.out.path().join("manifest.json"))
        .output();
    let output = match output {
        Ok(output) => output,
        Err(e) => {
            panic!("the `minisign` binary is needed for this test (apt-get install minisign): {e}")
        }
    };
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "minisign -V failed: {stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        stdout.contains("file:expo-2025-1.sqlite") && stdout.contains("sequence:1"),
        "the trusted comment names the snapshot file and sequence: {stdout}"
    );
}

/// A key pair made by the stock tool without a password (`minisign -G -W`).
fn minisign_keys(dir: &Path) -> (PathBuf, PathBuf) {
    let public = dir.join("k.pub");
    let secret = dir.join("k.key");
    let output = Command::new("minisign")
        .args(["-G", "-W", "-p"])
        .arg(&public)
        .arg("-s")
        .arg(&secret)
        .output()
        .expect("the `minisign` binary is needed for this test (apt-get install minisign)");
    assert!(output.status.success(), "minisign -G -W failed");
    (public, secret)
}

#[test]
fn a_key_made_by_minisign_without_a_password_signs_snapshots() {
    let f = fixture();
    let keys = tempfile::tempdir().expect("key folder");
    let (public, secret) = minisign_keys(keys.path());
    let out = tempfile::tempdir().expect("output folder");
    let report = f.build(
        out.path(),
        BuildOptions {
            secret_key: Some(secret),
            ..options()
        },
    );
    let verified = check(&report.snapshot, Some(&public));
    assert!(verified.is_ok(), "{verified}");
    let output = Command::new("minisign")
        .arg("-V")
        .arg("-p")
        .arg(&public)
        .arg("-m")
        .arg(out.path().join("manifest.json"))
        .output()
        .expect("minisign runs");
    assert!(output.status.success(), "minisign -V agrees");
}

#[test]
fn a_damaged_minisign_key_is_still_refused() {
    let keys = tempfile::tempdir().expect("key folder");
    let (_, secret) = minisign_keys(keys.path());
    let text = std::fs::read_to_string(&secret).expect("key text");
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    // Flip a character inside the secret scalar (bytes 62..94 of the decoded key).
    let mut key: Vec<char> = lines[1].chars().collect();
    key[100] = if key[100] == 'A' { 'B' } else { 'A' };
    lines[1] = key.into_iter().collect();
    std::fs::write(&secret, lines.join("\n") + "\n").expect("write back");
    let f = fixture();
    let out = tempfile::tempdir().expect("output folder");
    let error = fairway_core::build::build_snapshot(
        &f.source,
        out.path(),
        &BuildOptions {
            secret_key: Some(secret),
            ..options()
        },
    )
    .expect_err("a damaged key must not sign");
    assert!(error.to_string().contains("k.key"), "{error}");
}

#[test]
fn a_flipped_byte_in_the_snapshot_fails_the_sha256_check() {
    let s = signed_build();
    let mut bytes = std::fs::read(&s.snapshot).expect("snapshot");
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x01;
    std::fs::write(&s.snapshot, bytes).expect("write back");
    let report = check(&s.snapshot, Some(&s.public));
    assert!(!report.is_ok());
    let (name, detail) = first_failure(&report);
    assert_eq!(name, "sha256", "{report}");
    assert!(detail.contains("manifest says"), "{detail}");
    assert!(
        report.check("size").expect("size check").ok,
        "the size is unchanged"
    );
}

#[test]
fn a_truncated_snapshot_fails_the_size_check() {
    let s = signed_build();
    let bytes = std::fs::read(&s.snapshot).expect("snapshot");
    std::fs::write(&s.snapshot, &bytes[..bytes.len() - 4096]).expect("truncate");
    let report = check(&s.snapshot, Some(&s.public));
    assert_eq!(first_failure(&report).0, "size", "{report}");
}

#[test]
fn a_tampered_manifest_fails_the_signature_check() {
    let s = signed_build();
    let manifest = s.out.path().join("manifest.json");
    let text = std::fs::read_to_string(&manifest).expect("manifest");
    // Push the expiry a year out: everything else still matches the file.
    let tampered = text.replace("2025-08-30", "2026-08-30");
    assert_ne!(text, tampered);
    std::fs::write(&manifest, tampered).expect("write");
    let report = check(&s.snapshot, Some(&s.public));
    let (name, detail) = first_failure(&report);
    assert_eq!(name, "signature", "{report}");
    assert!(
        detail.starts_with("signature does not match the key"),
        "{detail}"
    );
}

#[test]
fn a_tampered_manifest_fails_the_hash_check_even_without_a_key() {
    let s = signed_build();
    let manifest = s.out.path().join("manifest.json");
    let text = std::fs::read_to_string(&manifest).expect("manifest");
    let sha = text
        .lines()
        .find(|l| l.contains("\"sha256\""))
        .expect("sha256 line")
        .to_owned();
    std::fs::write(&manifest, text.replace(&sha, "  \"sha256\": \"00\",")).expect("write");
    let report = check(&s.snapshot, None);
    assert_eq!(first_failure(&report).0, "sha256", "{report}");
}

#[test]
fn a_signature_from_another_key_fails_the_signature_check() {
    let s = signed_build();
    let other = tempfile::tempdir().expect("other key folder");
    let (other_public, _) = keygen(other.path()).expect("keygen");
    let report = check(&s.snapshot, Some(&other_public));
    let (name, detail) = first_failure(&report);
    assert_eq!(name, "signature", "{report}");
    assert!(
        detail.starts_with("signature does not match the key"),
        "{detail}"
    );
}

#[test]
fn a_missing_signature_fails_when_a_key_is_given() {
    let s = signed_build();
    std::fs::remove_file(s.out.path().join("manifest.json.minisig")).expect("remove signature");
    let report = check(&s.snapshot, Some(&s.public));
    let (name, detail) = first_failure(&report);
    assert_eq!(name, "signature", "{report}");
    assert!(detail.starts_with("no signature"), "{detail}");

    let unkeyed = check(&s.snapshot, None);
    assert!(
        unkeyed.is_ok(),
        "without a key the signature is not required:\n{unkeyed}"
    );
    assert!(
        unkeyed
            .check("signature")
            .expect("reported")
            .detail
            .contains("not checked"),
        "{unkeyed}"
    );
}

#[test]
fn a_missing_manifest_is_the_first_and_only_failure() {
    let s = signed_build();
    std::fs::remove_file(s.out.path().join("manifest.json")).expect("remove manifest");
    let report = check(&s.snapshot, Some(&s.public));
    assert_eq!(report.checks.len(), 1);
    assert_eq!(first_failure(&report).0, "manifest");

    std::fs::write(s.out.path().join("manifest.json"), "{not json").expect("write");
    let report = check(&s.snapshot, Some(&s.public));
    let (name, detail) = first_failure(&report);
    assert_eq!(name, "manifest");
    assert!(detail.contains("not a valid manifest"), "{detail}");
}

#[test]
fn a_manifest_for_another_file_fails_the_file_check() {
    let s = signed_build();
    let renamed = s.out.path().join("expo-2025-7.sqlite");
    std::fs::rename(&s.snapshot, &renamed).expect("rename");
    let report = check(&renamed, Some(&s.public));
    let (name, detail) = first_failure(&report);
    assert_eq!(name, "file", "{report}");
    assert_eq!(
        detail,
        "manifest names expo-2025-1.sqlite, not expo-2025-7.sqlite"
    );
}

#[test]
fn an_expired_snapshot_fails_the_expiry_check() {
    let s = signed_build();
    let report = verify_at(
        &s.snapshot,
        Some(&s.public),
        CREATED + time::Duration::days(91),
    );
    let (name, detail) = first_failure(&report);
    assert_eq!(name, "expiry", "{report}");
    assert_eq!(detail, "expired 2025-08-30T08:00:00Z");
    assert!(
        !verify(&s.snapshot, Some(&s.public)).is_ok(),
        "a 2025 snapshot valid for 90 days has expired by now"
    );
}

#[test]
fn keygen_refuses_to_overwrite_existing_keys() {
    let keys = tempfile::tempdir().expect("key folder");
    let (public, secret) = keygen(keys.path()).expect("first keygen");
    let before = std::fs::read(&secret).expect("secret key");
    let err = keygen(keys.path()).expect_err("keys exist");
    assert!(matches!(err, KeyError::Exists { .. }), "{err}");
    assert!(err.to_string().contains("refusing to overwrite"), "{err}");
    assert_eq!(std::fs::read(&secret).expect("secret key"), before);
    let text = std::fs::read_to_string(&public).expect("public key");
    assert!(
        text.starts_with("untrusted comment: minisign public key"),
        "{text}"
    );

    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&secret)
            .expect("metadata")
            .permissions()
            .mode();
        assert_eq!(
            mode & 0o077,
            0,
            "the secret key is readable by its owner only"
        );
    }
}

#[test]
fn building_with_a_public_key_as_the_secret_key_fails_clearly() {
    let f = fixture();
    let keys = tempfile::tempdir().expect("key folder");
    let (public, _) = keygen(keys.path()).expect("keygen");
    let out = tempfile::tempdir().expect("output folder");
    let err = fairway_core::build::build_snapshot(
        &f.source,
        out.path(),
        &BuildOptions {
            secret_key: Some(public),
            ..options()
        },
    )
    .expect_err("not a secret key");
    assert!(
        err.to_string().contains("not a minisign secret key"),
        "{err}"
    );
    assert!(snapshot_fixture::listing(out.path()).is_empty());
}
