//! The kiosk's data folder and the install procedure.
//!
//! ```text
//! DATA/lock                        held while an install runs (one installer at a time)
//! DATA/staging/                    downloads (<sha256>.part, resumable) and the file under test
//! DATA/snapshots/<fair>-<seq>-<sha256 prefix>.sqlite   installed snapshots, never rewritten
//! DATA/current, DATA/previous      small JSON pointers, each replaced atomically
//! ```
//!
//! An install checks the signed manifest before downloading anything, verifies the staged file
//! with every check of [`crate::snapshot::verify`], moves it under its unique name, then writes
//! `previous` (what the kiosk ran on) and `current` (the new one), each by write-temp, fsync,
//! rename, fsync-folder. A crash at any moment leaves `current` naming a complete snapshot: the
//! old one or the new one. Only snapshots older than `previous` are ever deleted.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::UpdateError;
use super::feed::{DEFAULT_MAX_SNAPSHOT_SIZE, Feed};
use crate::snapshot::manifest::{MANIFEST_FILE, Manifest, SIGNATURE_FILE};
use crate::snapshot::{PublicKey, Snapshot, verify_pinned, verify_pinned_at};

const CURRENT: &str = "current";
const PREVIOUS: &str = "previous";
const STAGING: &str = "staging";
const SNAPSHOTS: &str = "snapshots";
const LOCK: &str = "lock";

/// What a pointer file says: which installed snapshot, and what it must look like.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pointer {
    /// The file name in `snapshots/`.
    pub file: String,
    pub fair_id: String,
    pub sequence: u64,
    pub size: u64,
    /// Lower-case hex SHA-256 of the file.
    pub sha256: String,
}

/// A successful install.
#[derive(Debug, Clone)]
pub struct Installed {
    /// The new `current`.
    pub pointer: Pointer,
    /// Its path, ready for a new read pool.
    pub path: PathBuf,
    /// What the kiosk ran on before, now `previous`.
    pub replaced: Option<Pointer>,
    /// Snapshot files deleted because they were older than `previous`.
    pub pruned: Vec<String>,
    /// Which pinned key signed the manifest ("signed by pinned key 2").
    pub signed_by: String,
}

/// Which snapshot start-up chose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Resolved {
    Current,
    /// `current` was missing or damaged; the fallback is used.
    Previous,
    /// Nothing usable is installed: the app shows the demo fair and says so.
    Nothing,
}

/// The start-up choice and why it was made.
#[derive(Debug, Clone)]
pub struct Resolution {
    pub chosen: Resolved,
    pub pointer: Option<Pointer>,
    pub path: Option<PathBuf>,
    /// One sentence for the log and the staff status.
    pub reason: String,
}

/// A kiosk data folder with its pinned keys.
#[derive(Debug)]
pub struct Library {
    root: PathBuf,
    keys: Vec<PublicKey>,
    max_size: u64,
}

impl Library {
    /// Opens (creating if needed) the data folder. `keys` are the pinned public keys, in slot
    /// order; a manifest signed by any of them is accepted.
    pub fn open(root: &Path, keys: Vec<PublicKey>) -> Result<Library, UpdateError> {
        for dir in [root.to_path_buf(), root.join(STAGING), root.join(SNAPSHOTS)] {
            std::fs::create_dir_all(&dir).map_err(UpdateError::io(&dir))?;
        }
        Ok(Library {
            root: root.to_path_buf(),
            keys,
            max_size: DEFAULT_MAX_SNAPSHOT_SIZE,
        })
    }

    /// Refuses snapshot files over `bytes`.
    pub fn with_max_size(mut self, bytes: u64) -> Library {
        self.max_size = bytes;
        self
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn snapshots_dir(&self) -> PathBuf {
        self.root.join(SNAPSHOTS)
    }

    /// The path of an installed snapshot.
    pub fn path_of(&self, pointer: &Pointer) -> PathBuf {
        self.snapshots_dir().join(&pointer.file)
    }

    /// Reads one pointer file (`current` or `previous`) as it is, unchecked.
    fn read_pointer(&self, name: &str) -> Result<Pointer, String> {
        let path = self.root.join(name);
        let bytes = match std::fs::read(&path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(format!("{name} pointer is missing"));
            }
            Err(e) => return Err(format!("{name} pointer cannot be read: {e}")),
        };
        serde_json::from_slice(&bytes).map_err(|e| format!("{name} pointer is damaged: {e}"))
    }

    /// A pointer is usable when its file is there, has the recorded size, opens as a snapshot
    /// of this binary's schema and carries the recorded fair and sequence. (The SHA-256 was
    /// checked at install; hashing a large file at every start would cost the start time.)
    fn check_pointer(&self, name: &str) -> Result<(Pointer, PathBuf), String> {
        let pointer = self.read_pointer(name)?;
        if !is_safe_file_name(&pointer.file) {
            return Err(format!(
                "{name} pointer names an unsafe file {:?}",
                pointer.file
            ));
        }
        let path = self.path_of(&pointer);
        let size = std::fs::metadata(&path)
            .map_err(|e| format!("{name} names {}: {e}", pointer.file))?
            .len();
        if size != pointer.size {
            return Err(format!(
                "{name} names {}, which is {size} bytes instead of {}",
                pointer.file, pointer.size
            ));
        }
        let snapshot = Snapshot::open(&path).map_err(|e| format!("{name}: {e}"))?;
        let meta = snapshot.meta();
        if meta.sequence != pointer.sequence || meta.fair_id != pointer.fair_id {
            return Err(format!(
                "{name} names {}, which holds fair {} sequence {}, not fair {} sequence {}",
                pointer.file, meta.fair_id, meta.sequence, pointer.fair_id, pointer.sequence
            ));
        }
        Ok((pointer, path))
    }

    /// Start-up: `current`, else `previous`, else nothing (the app then uses the demo fair).
    pub fn resolve(&self) -> Resolution {
        let current_problem = match self.check_pointer(CURRENT) {
            Ok((pointer, path)) => {
                return Resolution {
                    chosen: Resolved::Current,
                    reason: format!(
                        "current snapshot: fair {} sequence {}",
                        pointer.fair_id, pointer.sequence
                    ),
                    pointer: Some(pointer),
                    path: Some(path),
                };
            }
            Err(problem) => problem,
        };
        match self.check_pointer(PREVIOUS) {
            Ok((pointer, path)) => Resolution {
                chosen: Resolved::Previous,
                reason: format!(
                    "{current_problem}; falling back to the previous snapshot: fair {} sequence {}",
                    pointer.fair_id, pointer.sequence
                ),
                pointer: Some(pointer),
                path: Some(path),
            },
            Err(previous_problem) => Resolution {
                chosen: Resolved::Nothing,
                pointer: None,
                path: None,
                reason: format!(
                    "no usable snapshot installed ({current_problem}; {previous_problem})"
                ),
            },
        }
    }

    /// Installs the feed's snapshot if it is newer and passes every check, as of now.
    pub fn install(&self, feed: &Feed) -> Result<Installed, UpdateError> {
        self.install_at(feed, OffsetDateTime::now_utc())
    }

    /// [`Library::install`] for a kiosk that has `in_use` open: those files are never pruned,
    /// even when they are older than `previous` (a kiosk whose last install would not open
    /// keeps serving an older snapshot than the pointers say).
    pub fn install_keeping(
        &self,
        feed: &Feed,
        in_use: &[PathBuf],
    ) -> Result<Installed, UpdateError> {
        self.install_inner(feed, OffsetDateTime::now_utc(), in_use)
    }

    /// [`Library::install`] as of `now` (the expiry check compares against it).
    pub fn install_at(&self, feed: &Feed, now: OffsetDateTime) -> Result<Installed, UpdateError> {
        self.install_inner(feed, now, &[])
    }

    fn install_inner(
        &self,
        feed: &Feed,
        now: OffsetDateTime,
        in_use: &[PathBuf],
    ) -> Result<Installed, UpdateError> {
        let lock_path = self.root.join(LOCK);
        let lock = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(UpdateError::io(&lock_path))?;
        // Released when `lock` drops, or by the kernel when the process dies.
        lock.lock().map_err(UpdateError::io(&lock_path))?;

        let running = self.resolve();

        // 1. The manifest and its signature, checked before a byte of the snapshot is fetched.
        let manifest_bytes = feed.fetch_small(MANIFEST_FILE)?;
        let signature = feed.fetch_small(SIGNATURE_FILE)?;
        let signature = String::from_utf8(signature)
            .map_err(|_| UpdateError::rejected("signature", "the signature is not text"))?;
        let signed_by = verify_pinned(&manifest_bytes, &signature, &self.keys)
            .map_err(|detail| UpdateError::rejected("signature", detail))?;
        let manifest = Manifest::from_bytes(&manifest_bytes)
            .map_err(|e| UpdateError::rejected("manifest", format!("not a valid manifest: {e}")))?;
        self.check_manifest(&manifest, running.pointer.as_ref(), now)?;

        // 2. The snapshot, into staging. A `.part` named by the hash is resumed, anything else
        // in staging is a leftover of an earlier attempt.
        let staging = self.root.join(STAGING);
        let part_name = format!("{}.part", manifest.sha256);
        clear_dir_except(&staging, &part_name)?;
        let part = staging.join(&part_name);
        feed.fetch_snapshot(&manifest.file, manifest.size, &part)?;

        // 3. Every check of `verify`, on the staged file next to the staged manifest.
        let staged = staging.join(&manifest.file);
        rename(&part, &staged)?;
        write_synced(&staging.join(MANIFEST_FILE), &manifest_bytes)?;
        write_synced(&staging.join(SIGNATURE_FILE), signature.as_bytes())?;
        let report = verify_pinned_at(&staged, &self.keys, now);
        if let Some(failed) = report.first_failure() {
            let _ = std::fs::remove_file(&staged);
            return Err(UpdateError::Rejected {
                check: failed.name,
                detail: failed.detail.clone(),
            });
        }
        // 4. Under its unique name. An existing file of that name holds the same bytes (the
        // name carries the hash, and only verified files are ever moved in): keep it.
        let pointer = Pointer {
            file: format!(
                "{}-{}-{}.sqlite",
                manifest.fair_id,
                manifest.sequence,
                &manifest.sha256[..16]
            ),
            fair_id: manifest.fair_id.clone(),
            sequence: manifest.sequence,
            size: manifest.size,
            sha256: manifest.sha256.clone(),
        };
        let path = self.path_of(&pointer);
        if path.exists() {
            let _ = std::fs::remove_file(&staged);
        } else {
            rename(&staged, &path)?;
            sync_dir(&self.snapshots_dir())?;
        }

        // 5. The pointers: first what the kiosk ran on becomes `previous`, then `current`.
        if let Some(old) = &running.pointer {
            replace_atomically(&self.root, PREVIOUS, &pointer_bytes(old))?;
        }
        replace_atomically(&self.root, CURRENT, &pointer_bytes(&pointer))?;

        let _ = clear_dir_except(&staging, "");
        let pruned = match &running.pointer {
            Some(previous) => self.prune(previous, &pointer, in_use),
            None => Vec::new(),
        };
        Ok(Installed {
            pointer,
            path,
            replaced: running.pointer,
            pruned,
            signed_by,
        })
    }

    /// Sequence, fair, expiry, names and size: what can be refused from the manifest alone.
    fn check_manifest(
        &self,
        manifest: &Manifest,
        running: Option<&Pointer>,
        now: OffsetDateTime,
    ) -> Result<(), UpdateError> {
        for (what, name) in [("fair id", &manifest.fair_id), ("file", &manifest.file)] {
            if !is_safe_file_name(name) {
                return Err(UpdateError::rejected(
                    "manifest",
                    format!("the {what} {name:?} is not a plain file name"),
                ));
            }
        }
        let sha_ok = manifest.sha256.len() == 64
            && manifest
                .sha256
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
        if !sha_ok {
            return Err(UpdateError::rejected(
                "manifest",
                format!(
                    "sha256 {:?} is not 64 lower-case hex digits",
                    manifest.sha256
                ),
            ));
        }
        if let Some(running) = running {
            if manifest.fair_id != running.fair_id {
                return Err(UpdateError::rejected(
                    "manifest",
                    format!(
                        "the feed is of fair {}, this kiosk shows fair {}",
                        manifest.fair_id, running.fair_id
                    ),
                ));
            }
            if manifest.sequence <= running.sequence {
                return Err(UpdateError::rejected(
                    "sequence",
                    format!(
                        "the feed has sequence {}, not newer than the installed {}",
                        manifest.sequence, running.sequence
                    ),
                ));
            }
        }
        if now >= manifest.expires {
            return Err(UpdateError::rejected(
                "expiry",
                format!(
                    "the manifest expired {}",
                    manifest
                        .expires
                        .format(&time::format_description::well_known::Rfc3339)
                        .unwrap_or_else(|_| manifest.expires.to_string())
                ),
            ));
        }
        if manifest.size > self.max_size {
            return Err(UpdateError::rejected(
                "size",
                format!(
                    "the manifest says {} bytes, over this kiosk's cap of {} bytes",
                    manifest.size, self.max_size
                ),
            ));
        }
        Ok(())
    }

    /// Deletes installed snapshots older than `previous`; never `previous` or `current`, which
    /// may be open, nor a file the caller has open. Failures are ignored: the file is tried
    /// again after the next install.
    fn prune(&self, previous: &Pointer, current: &Pointer, in_use: &[PathBuf]) -> Vec<String> {
        let mut pruned = Vec::new();
        let Ok(entries) = std::fs::read_dir(self.snapshots_dir()) else {
            return pruned;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name == previous.file
                || name == current.file
                || in_use
                    .iter()
                    .any(|p| p.file_name() == Some(entry.file_name().as_os_str()))
            {
                continue;
            }
            let Some(sequence) = sequence_of(&name, &previous.fair_id) else {
                continue;
            };
            if sequence < previous.sequence && std::fs::remove_file(entry.path()).is_ok() {
                pruned.push(name);
            }
        }
        pruned.sort();
        pruned
    }
}

/// The sequence in `<fair>-<seq>-<hash>.sqlite`, for files of `fair_id` only.
fn sequence_of(file: &str, fair_id: &str) -> Option<u64> {
    let rest = file.strip_prefix(fair_id)?.strip_prefix('-')?;
    let rest = rest.strip_suffix(".sqlite")?;
    let (sequence, hash) = rest.split_once('-')?;
    (hash.len() == 16).then_some(())?;
    sequence.parse().ok()
}

fn is_safe_file_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 200
        && !name.starts_with('.')
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b))
}

fn pointer_bytes(pointer: &Pointer) -> Vec<u8> {
    let mut bytes = serde_json::to_vec_pretty(pointer).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}

fn rename(from: &Path, to: &Path) -> Result<(), UpdateError> {
    std::fs::rename(from, to).map_err(UpdateError::io(to))
}

fn write_synced(path: &Path, bytes: &[u8]) -> Result<(), UpdateError> {
    let mut file = File::create(path).map_err(UpdateError::io(path))?;
    file.write_all(bytes).map_err(UpdateError::io(path))?;
    file.sync_all().map_err(UpdateError::io(path))
}

/// Replaces `dir/name` so that a reader (or a crash) sees the old bytes or the new ones, never
/// a mix: write a temporary file, fsync it, rename it over, fsync the folder.
fn replace_atomically(dir: &Path, name: &str, bytes: &[u8]) -> Result<(), UpdateError> {
    let temp = dir.join(format!(".{name}.tmp"));
    write_synced(&temp, bytes)?;
    rename(&temp, &dir.join(name))?;
    sync_dir(dir)
}

/// Makes a rename in `dir` durable. (Windows has no folder fsync; its renames are journaled.)
fn sync_dir(dir: &Path) -> Result<(), UpdateError> {
    #[cfg(unix)]
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(UpdateError::io(dir))?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// Removes every file in `dir` but `keep` (staging holds only Fairway's own files).
fn clear_dir_except(dir: &Path, keep: &str) -> Result<(), UpdateError> {
    let entries = std::fs::read_dir(dir).map_err(UpdateError::io(dir))?;
    for entry in entries.flatten() {
        if entry.file_name() != keep {
            let path = entry.path();
            if path.is_dir() {
                std::fs::remove_dir_all(&path).map_err(UpdateError::io(&path))?;
            } else {
                std::fs::remove_file(&path).map_err(UpdateError::io(&path))?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sequence_is_read_back_from_unique_names_of_the_same_fair_only() {
        assert_eq!(
            sequence_of("expo-2025-7-0123456789abcdef.sqlite", "expo-2025"),
            Some(7)
        );
        assert_eq!(sequence_of("expo-2025-7-0123.sqlite", "expo-2025"), None);
        assert_eq!(
            sequence_of("other-7-0123456789abcdef.sqlite", "expo-2025"),
            None
        );
    }

    #[test]
    fn unsafe_file_names_are_refused() {
        for name in ["", "../x.sqlite", "a/b", ".hidden", "a b"] {
            assert!(!is_safe_file_name(name), "{name:?} must be refused");
        }
        assert!(is_safe_file_name("expo-2025-3.sqlite"));
    }
}
