//! The manifest parser and the signature check on arbitrary bytes.
//!
//! Input: the manifest's bytes, a NUL byte, the `.minisig` text (a manifest is JSON, which
//! never holds a raw NUL, so the split loses nothing). The manifest goes through
//! `Manifest::from_bytes`; one that parses must write back to the same value. The pair then
//! goes through `verify_pinned` against a fixed public key whose secret key was thrown away
//! after signing one random text that is not in the corpus: no input can be signed by it, so a
//! check that accepts is a forgery, and every refusal must be one line.
#![no_main]

use std::sync::OnceLock;

use fairway_core::snapshot::manifest::Manifest;
use fairway_core::snapshot::sign::PublicKey;
use fairway_core::snapshot::verify::verify_pinned;
use libfuzzer_sys::fuzz_target;

/// The fuzzing key (`minisign -G`); its secret half no longer exists.
const PUBLIC_KEY: &str = "untrusted comment: minisign public key 9F07E0FA9A04D9E3
RWTj2QSa+uAHn4G9qLsks12bOUHK5Psez+PEFJz8uTtesRsRWpqjnQNe
";

fn key() -> &'static PublicKey {
    static KEY: OnceLock<PublicKey> = OnceLock::new();
    KEY.get_or_init(|| PublicKey::parse(PUBLIC_KEY).expect("the fuzzing public key parses"))
}

fuzz_target!(|data: &[u8]| {
    let (manifest_bytes, signature) = match data.iter().position(|&b| b == 0) {
        Some(nul) => (&data[..nul], &data[nul + 1..]),
        None => (data, &[][..]),
    };

    if let Ok(manifest) = Manifest::from_bytes(manifest_bytes) {
        let written = manifest.to_bytes();
        assert_eq!(
            Manifest::from_bytes(&written).ok().as_ref(),
            Some(&manifest),
            "a manifest that parses writes back to itself: {:?}",
            String::from_utf8_lossy(&written)
        );
    }

    // The kiosk reads the signature with `read_to_string`, so it only ever sees UTF-8.
    let Ok(signature) = std::str::from_utf8(signature) else {
        return;
    };
    match verify_pinned(manifest_bytes, signature, std::slice::from_ref(key())) {
        Ok(verdict) => panic!("a forged signature was accepted: {verdict}"),
        Err(reason) => assert!(
            !reason.contains(['\n', '\r']),
            "a refusal of two lines: {reason:?}"
        ),
    }
});
