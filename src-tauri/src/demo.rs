//! The demo fair for a kiosk started with no configuration: its snapshot is built from the demo
//! source folder into the app's cache folder on first start and reused afterwards, until the
//! source (or the snapshot schema) changes.

use std::path::{Path, PathBuf};

use fairway_core::build::{self, BuildError, BuildOptions};
use fairway_core::snapshot::{MANIFEST_FILE, Manifest, SCHEMA_VERSION, Snapshot};

/// The demo fair's kiosk a configuration-less start stands at (`kiosks.csv`).
pub const KIOSK_ID: &str = "K-N1-ENTRANCE";

/// The demo fair's source folder: next to the app's resources when bundled, else in the source
/// tree this binary was built from.
pub fn source_folder(resource_dir: Option<&Path>) -> Option<PathBuf> {
    let bundled = resource_dir.map(|d| d.join("demo-fair"));
    let tree = Path::new(env!("CARGO_MANIFEST_DIR")).join("../assets/demo-fair");
    bundled
        .into_iter()
        .chain([tree])
        .find(|p| p.join("fair.toml").is_file())
}

/// Why the demo snapshot is not available.
#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error("the demo fair's source folder was not found (looked for demo-fair/fair.toml)")]
    NoSource,
    #[error("building the demo fair: {0}")]
    Build(#[from] BuildError),
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// The demo snapshot for `source`, cached under `cache_dir/demo/<source hash>-v<schema>/`.
/// Hashing the folder (a few MB) costs milliseconds; building it costs seconds, once.
pub fn snapshot(source: &Path, cache_dir: &Path) -> Result<PathBuf, DemoError> {
    let hash = build::source_hash(source, None)?;
    let short = hash.get(..16).unwrap_or(&hash);
    let dir = cache_dir
        .join("demo")
        .join(format!("{short}-v{SCHEMA_VERSION}"));
    if let Some(path) = built(&dir) {
        return Ok(path);
    }
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| DemoError::Io { path, source }
    };
    let parent = cache_dir.join("demo");
    std::fs::create_dir_all(&parent).map_err(io(&parent))?;
    // Build beside the final folder and rename it into place, so a kiosk that stops halfway
    // (or a second one starting at the same time) never sees half a snapshot.
    let staging = tempfile_dir(&parent).map_err(io(&parent))?;
    build::build(source, staging.path(), &BuildOptions::default())?;
    let staged = staging.keep();
    if std::fs::rename(&staged, &dir).is_err() {
        // Someone else finished first: use theirs and drop ours.
        let _ = std::fs::remove_dir_all(&staged);
    }
    built(&dir).ok_or_else(|| DemoError::Io {
        path: dir.clone(),
        source: std::io::Error::new(
            std::io::ErrorKind::NotFound,
            "the built snapshot is missing",
        ),
    })
}

/// The snapshot in `dir` when it is complete and readable.
fn built(dir: &Path) -> Option<PathBuf> {
    let manifest = Manifest::read(&dir.join(MANIFEST_FILE)).ok()?;
    let path = dir.join(&manifest.file);
    Snapshot::open(&path).ok().map(|_| path)
}

fn tempfile_dir(parent: &Path) -> std::io::Result<TempDir> {
    TempDir::new_in(parent)
}

/// A staging folder removed again unless kept.
#[derive(Debug)]
struct TempDir {
    path: Option<PathBuf>,
}

impl TempDir {
    fn new_in(parent: &Path) -> std::io::Result<TempDir> {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        let path = parent.join(format!(".staging-{}-{nanos}", std::process::id()));
        std::fs::create_dir(&path)?;
        Ok(TempDir { path: Some(path) })
    }

    fn path(&self) -> &Path {
        self.path.as_deref().unwrap_or(Path::new("."))
    }

    fn keep(mut self) -> PathBuf {
        self.path.take().unwrap_or_default()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        if let Some(path) = self.path.take() {
            let _ = std::fs::remove_dir_all(path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_kiosk_stands_on_the_demo_fairs_map() {
        let source = source_folder(None).expect("the source tree holds assets/demo-fair");
        let imported = fairway_core::import::load(&source).expect("the demo fair loads");
        assert!(
            imported.source.kiosks.iter().any(|k| k.id == KIOSK_ID),
            "{KIOSK_ID} is one of the demo fair's kiosks"
        );
    }

    #[test]
    fn the_demo_snapshot_is_built_once_and_reused() {
        let cache = tempfile::tempdir().expect("a temporary cache folder");
        let source = source_folder(None).expect("the source tree holds assets/demo-fair");
        let first = snapshot(&source, cache.path()).expect("the demo fair builds");
        let modified = std::fs::metadata(&first)
            .and_then(|m| m.modified())
            .expect("mtime");
        let second = snapshot(&source, cache.path()).expect("the cached demo opens");
        assert_eq!(
            first, second,
            "an unchanged source reuses the cached snapshot"
        );
        let again = std::fs::metadata(&second)
            .and_then(|m| m.modified())
            .expect("mtime");
        assert_eq!(modified, again, "the cached snapshot was not rebuilt");
        let leftovers: Vec<_> = std::fs::read_dir(cache.path().join("demo"))
            .expect("the demo cache folder exists")
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().starts_with(".staging"))
            .collect();
        assert!(
            leftovers.is_empty(),
            "no staging folders are left: {leftovers:?}"
        );
    }
}
