//! The snapshot file: schema, writer, read-only reader, manifest, signing and verification.
//!
//! A snapshot is one immutable SQLite file, `<fair-id>-<sequence>.sqlite`, written by
//! [`crate::build`], with `manifest.json` (and `manifest.json.minisig` when signed) next to it.
//! Kiosks open it with [`Snapshot::open`], which cannot write.

pub mod dto;
pub mod listing;
pub mod manifest;
pub mod read;
pub mod schema;
pub mod sign;
pub mod verify;
pub mod write;

pub use dto::*;
pub use listing::{CountryName, ExhibitorPage, SearchResult};
pub use manifest::{MANIFEST_FILE, Manifest, ManifestError, SIGNATURE_FILE};
pub use read::{Snapshot, SnapshotError};
pub use schema::SCHEMA_VERSION;
pub use sign::{KeyError, PUBLIC_KEY_FILE, PublicKey, SECRET_KEY_FILE, SecretKey, keygen};
pub use verify::{Check, VerifyReport, verify, verify_at, verify_pinned, verify_pinned_at};
