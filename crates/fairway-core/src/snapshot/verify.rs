//! `fairway verify` and the kiosk's install checks: a snapshot against the manifest next to it,
//! check by check, in a fixed order, each one named so a failure says exactly what is wrong.

use std::path::Path;

use serde::Serialize;
use time::OffsetDateTime;

use super::manifest::{self, Manifest};
use super::read::{open_read_only, read_meta};
use super::schema::{self, SCHEMA_VERSION};
use super::sign::PublicKey;

/// One named check and its outcome.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Check {
    /// manifest, file, size, sha256, signature, sequence, expiry, schema or integrity.
    pub name: &'static str,
    pub ok: bool,
    /// What was found, or why it failed.
    pub detail: String,
}

/// Every check that ran, in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VerifyReport {
    pub checks: Vec<Check>,
}

impl VerifyReport {
    pub fn is_ok(&self) -> bool {
        !self.checks.is_empty() && self.checks.iter().all(|c| c.ok)
    }

    /// The first check that failed, the one to tell the organiser about.
    pub fn first_failure(&self) -> Option<&Check> {
        self.checks.iter().find(|c| !c.ok)
    }

    /// Looks a check up by name.
    pub fn check(&self, name: &str) -> Option<&Check> {
        self.checks.iter().find(|c| c.name == name)
    }

    fn push(&mut self, name: &'static str, result: Result<String, String>) {
        let (ok, detail) = match result {
            Ok(detail) => (true, detail),
            Err(detail) => (false, detail),
        };
        self.checks.push(Check { name, ok, detail });
    }
}

impl std::fmt::Display for VerifyReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for c in &self.checks {
            let mark = if c.ok { "ok  " } else { "FAIL" };
            writeln!(f, "{mark} {:<10} {}", c.name, c.detail)?;
        }
        Ok(())
    }
}

/// Checks `snapshot` against `manifest.json` in its folder, now. With a public key the
/// signature `manifest.json.minisig` is required and must match it.
pub fn verify(snapshot: &Path, pubkey: Option<&Path>) -> VerifyReport {
    verify_at(snapshot, pubkey, OffsetDateTime::now_utc())
}

/// [`verify`] as of `now` (the expiry check compares against it).
pub fn verify_at(snapshot: &Path, pubkey: Option<&Path>, now: OffsetDateTime) -> VerifyReport {
    verify_with(snapshot, now, |manifest_path, manifest_bytes| {
        check_signature(manifest_path, manifest_bytes, pubkey)
    })
}

/// The kiosk's form of [`verify_at`]: the signature is required and must match one of the
/// pinned keys (two slots, so the organiser can rotate keys without stranding kiosks).
pub fn verify_pinned_at(snapshot: &Path, keys: &[PublicKey], now: OffsetDateTime) -> VerifyReport {
    verify_with(snapshot, now, |manifest_path, manifest_bytes| {
        check_pinned_signature(manifest_path, manifest_bytes, keys)
    })
}

fn verify_with(
    snapshot: &Path,
    now: OffsetDateTime,
    signature: impl FnOnce(&Path, &[u8]) -> Result<String, String>,
) -> VerifyReport {
    let mut report = VerifyReport { checks: Vec::new() };
    let manifest_path = manifest::manifest_path_for(snapshot);

    // Without a manifest nothing else can be compared; stop here.
    let manifest_bytes = match std::fs::read(&manifest_path) {
        Ok(bytes) => bytes,
        Err(e) => {
            report.push(
                "manifest",
                Err(format!("{}: cannot read: {e}", manifest_path.display())),
            );
            return report;
        }
    };
    let manifest = match Manifest::from_bytes(&manifest_bytes) {
        Ok(m) => m,
        Err(e) => {
            report.push(
                "manifest",
                Err(format!(
                    "{}: not a valid manifest: {e}",
                    manifest_path.display()
                )),
            );
            return report;
        }
    };
    report.push(
        "manifest",
        Ok(format!(
            "{} (fair {}, sequence {})",
            manifest_path.display(),
            manifest.fair_id,
            manifest.sequence
        )),
    );

    let file_name = snapshot
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    report.push(
        "file",
        if manifest.file == file_name {
            Ok(format!("manifest names {file_name}"))
        } else {
            Err(format!("manifest names {}, not {file_name}", manifest.file))
        },
    );

    let size = std::fs::metadata(snapshot).map(|m| m.len());
    report.push(
        "size",
        match size {
            Ok(size) if size == manifest.size => Ok(format!("{size} bytes")),
            Ok(size) => Err(format!(
                "file is {size} bytes, manifest says {}",
                manifest.size
            )),
            Err(e) => Err(format!("{}: cannot read: {e}", snapshot.display())),
        },
    );

    report.push(
        "sha256",
        match manifest::file_digest(snapshot) {
            Ok((_, sha)) if sha == manifest.sha256 => Ok(sha),
            Ok((_, sha)) => Err(format!(
                "file hashes to {sha}, manifest says {}",
                manifest.sha256
            )),
            Err(e) => Err(format!("{}: cannot read: {e}", snapshot.display())),
        },
    );

    report.push("signature", signature(&manifest_path, &manifest_bytes));

    let conn = open_read_only(snapshot);
    report.push(
        "sequence",
        match conn
            .as_ref()
            .map_err(|e| e.to_string())
            .and_then(|c| read_meta(c).map_err(|e| format!("cannot read the meta table: {e}")))
        {
            Ok(meta) if meta.fair_id != manifest.fair_id => Err(format!(
                "snapshot is of fair {}, manifest says {}",
                meta.fair_id, manifest.fair_id
            )),
            Ok(meta) if meta.sequence != manifest.sequence => Err(format!(
                "snapshot has sequence {}, manifest says {}",
                meta.sequence, manifest.sequence
            )),
            Ok(meta) => Ok(format!("fair {}, sequence {}", meta.fair_id, meta.sequence)),
            Err(e) => Err(e),
        },
    );

    report.push(
        "expiry",
        if now < manifest.expires {
            Ok(format!("expires {}", rfc3339(manifest.expires)))
        } else {
            Err(format!("expired {}", rfc3339(manifest.expires)))
        },
    );

    report.push(
        "schema",
        match conn.as_ref().map_err(|e| e.to_string()).and_then(|c| {
            schema::version(c).map_err(|e| format!("cannot read the schema version: {e}"))
        }) {
            Ok(v) if v != manifest.schema_version => Err(format!(
                "snapshot has schema version {v}, manifest says {}",
                manifest.schema_version
            )),
            Ok(v) if v > SCHEMA_VERSION => Err(format!(
                "schema version {v} is newer than this fairway knows ({SCHEMA_VERSION})"
            )),
            Ok(v) if v < SCHEMA_VERSION => Err(format!(
                "schema version {v} is older than this fairway reads ({SCHEMA_VERSION})"
            )),
            Ok(v) => Ok(format!("version {v}")),
            Err(e) => Err(e),
        },
    );

    report.push(
        "integrity",
        match conn.as_ref().map_err(|e| e.to_string()).and_then(|c| {
            c.query_row("PRAGMA integrity_check", [], |r| r.get::<_, String>(0))
                .map_err(|e| e.to_string())
        }) {
            Ok(result) if result == "ok" => Ok("ok".to_owned()),
            Ok(result) => Err(format!("integrity_check: {result}")),
            Err(e) => Err(format!("integrity_check failed: {e}")),
        },
    );
    report
}

fn check_signature(
    manifest_path: &Path,
    manifest_bytes: &[u8],
    pubkey: Option<&Path>,
) -> Result<String, String> {
    let Some(pubkey) = pubkey else {
        return Ok("not checked: no public key given".to_owned());
    };
    let key = PublicKey::read(pubkey).map_err(|e| format!("cannot use the public key: {e}"))?;
    let sig_path = manifest::signature_path_for(manifest_path);
    let signature = match std::fs::read_to_string(&sig_path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(format!("no signature: {} is missing", sig_path.display()));
        }
        Err(e) => return Err(format!("{}: cannot read: {e}", sig_path.display())),
    };
    key.verify(manifest_bytes, &signature)
        .map_err(|e| format!("signature does not match the key: {e}"))?;
    Ok(format!("signed by {}", pubkey.display()))
}

fn check_pinned_signature(
    manifest_path: &Path,
    manifest_bytes: &[u8],
    keys: &[PublicKey],
) -> Result<String, String> {
    let sig_path = manifest::signature_path_for(manifest_path);
    let signature = match std::fs::read_to_string(&sig_path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(format!("no signature: {} is missing", sig_path.display()));
        }
        Err(e) => return Err(format!("{}: cannot read: {e}", sig_path.display())),
    };
    verify_pinned(manifest_bytes, &signature, keys)
}

/// Checks a `.minisig` text against the pinned keys, in slot order; says which slot signed.
pub fn verify_pinned(data: &[u8], signature: &str, keys: &[PublicKey]) -> Result<String, String> {
    if keys.is_empty() {
        return Err("no public key is pinned".to_owned());
    }
    let mut reasons = Vec::new();
    for (slot, key) in keys.iter().enumerate() {
        match key.verify(data, signature) {
            Ok(()) => return Ok(format!("signed by pinned key {}", slot + 1)),
            Err(e) => reasons.push(format!("key {}: {e}", slot + 1)),
        }
    }
    Err(format!(
        "signature does not match any pinned key ({})",
        reasons.join("; ")
    ))
}

fn rfc3339(t: OffsetDateTime) -> String {
    t.format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_else(|_| t.to_string())
}
