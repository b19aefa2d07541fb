//! The manifest: the small JSON file next to a snapshot that says which file is current and
//! how to check it (size, SHA-256, sequence, expiry). It is what the organiser's key signs.

use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use time::OffsetDateTime;

/// The manifest's file name, next to the snapshot.
pub const MANIFEST_FILE: &str = "manifest.json";
/// The minisign signature of the manifest's bytes.
pub const SIGNATURE_FILE: &str = "manifest.json.minisig";

/// `manifest.json`. Times are RFC 3339 in UTC.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub fair_id: String,
    /// Strictly increasing from one published snapshot to the next.
    pub sequence: u64,
    /// The snapshot's file name, `<fair-id>-<sequence>.sqlite`, in the manifest's folder.
    pub file: String,
    /// The snapshot's size in bytes.
    pub size: u64,
    /// Lower-case hex SHA-256 of the snapshot file.
    pub sha256: String,
    #[serde(with = "time::serde::rfc3339")]
    pub created: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub expires: OffsetDateTime,
    pub schema_version: i64,
}

/// Why a manifest could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ManifestError {
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: io::Error },
    #[error("{path}: not a valid manifest: {source}")]
    Parse {
        path: PathBuf,
        source: serde_json::Error,
    },
}

impl Manifest {
    /// The exact bytes written to `manifest.json` (and signed): pretty JSON and a final newline.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut bytes = serde_json::to_vec_pretty(self).unwrap_or_default();
        bytes.push(b'\n');
        bytes
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Manifest, serde_json::Error> {
        serde_json::from_slice(bytes)
    }

    pub fn read(path: &Path) -> Result<Manifest, ManifestError> {
        let bytes = std::fs::read(path).map_err(|source| ManifestError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Manifest::from_bytes(&bytes).map_err(|source| ManifestError::Parse {
            path: path.to_path_buf(),
            source,
        })
    }
}

/// `<fair-id>-<sequence>.sqlite`.
pub fn snapshot_file_name(fair_id: &str, sequence: u64) -> String {
    format!("{fair_id}-{sequence}.sqlite")
}

/// The manifest that describes `snapshot`: `manifest.json` in the same folder.
pub fn manifest_path_for(snapshot: &Path) -> PathBuf {
    snapshot.with_file_name(MANIFEST_FILE)
}

/// The signature of a manifest: `<manifest>.minisig`.
pub fn signature_path_for(manifest: &Path) -> PathBuf {
    manifest.with_file_name(SIGNATURE_FILE)
}

/// Size and lower-case hex SHA-256 of a file, read in chunks.
pub fn file_digest(path: &Path) -> io::Result<(u64, String)> {
    let mut file = File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    let mut size = 0u64;
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
        size += n as u64;
    }
    Ok((size, hex::encode(hasher.finalize())))
}
