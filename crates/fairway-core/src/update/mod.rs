//! Snapshot updates on a kiosk: fetch a signed snapshot from a feed (a folder or an HTTP base
//! URL), check it, install it next to the one in use, switch the `current` pointer atomically,
//! and hot-swap the read pool while queries run.
//!
//! [`Library`] owns the kiosk's data folder; [`Feed`] says where new snapshots come from;
//! [`SnapshotHandle`] is the swappable read pool the app queries through. Nothing here writes to
//! a snapshot, renames, overwrites or deletes a database that may be open, or leaves the kiosk
//! without the snapshot it had when anything fails.

mod feed;
mod library;
mod pool;

use std::path::PathBuf;

pub use feed::{DEFAULT_MAX_SNAPSHOT_SIZE, Feed};
pub use library::{Installed, Library, Pointer, Resolution, Resolved};
pub use pool::{PooledSnapshot, SnapshotHandle, SnapshotPool};

/// Why an update was not installed. The kiosk stays on what it had in every case; the message
/// names the check that failed.
#[derive(Debug, thiserror::Error)]
pub enum UpdateError {
    /// The feed could not be read (missing file, connection refused, HTTP error).
    #[error("feed {feed}: {detail}")]
    Feed { feed: String, detail: String },
    /// The feed was read but what it offers was refused by a named check.
    #[error("{check} check failed: {detail}")]
    Rejected { check: &'static str, detail: String },
    /// The kiosk's own data folder could not be read or written.
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl UpdateError {
    /// The name of the check that refused the update (manifest, signature, sequence, expiry,
    /// size, download, file, sha256, schema, integrity), if a check did.
    pub fn check(&self) -> Option<&'static str> {
        match self {
            UpdateError::Rejected { check, .. } => Some(check),
            _ => None,
        }
    }

    /// True when the feed offers nothing newer than what is installed: the normal answer of a
    /// poll, not worth more than a debug line.
    pub fn is_not_newer(&self) -> bool {
        self.check() == Some("sequence")
    }

    fn rejected(check: &'static str, detail: impl Into<String>) -> UpdateError {
        UpdateError::Rejected {
            check,
            detail: detail.into(),
        }
    }

    fn io(path: &std::path::Path) -> impl FnOnce(std::io::Error) -> UpdateError + '_ {
        move |source| UpdateError::Io {
            path: path.to_path_buf(),
            source,
        }
    }
}
