//! `fairway build`: source folder → snapshot file + manifest (+ signature), atomically.
//!
//! All the slow and fallible work happens away from the output folder: images are re-encoded
//! in parallel, the tables are written into a scratch database in a temporary folder, and only
//! then is the finished file copied into the output folder (`VACUUM INTO` a temporary name,
//! fsync, rename without overwriting). The manifest and its signature are prepared in memory
//! before they replace the old ones. If anything fails, the output folder is put back as it
//! was: partial files are removed, replaced files restored, and a folder the build created is
//! removed again.

use std::collections::HashMap;
use std::fs::{self, File};
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use serde::Serialize;
use sha2::{Digest, Sha256};
use time::OffsetDateTime;

use crate::import::{SourceError, Warning};
use crate::media::{self, Asset, ImageRole, MediaError};
use crate::model::FairSource;
use crate::snapshot::dto::{Counts, Meta};
use crate::snapshot::manifest::{self, MANIFEST_FILE, Manifest, SIGNATURE_FILE};
use crate::snapshot::schema::{self, SCHEMA_VERSION};
use crate::snapshot::sign::{KeyError, SecretKey};
use crate::snapshot::write;

/// How long a snapshot stays valid when nothing else is said.
pub const DEFAULT_VALID_FOR: time::Duration = time::Duration::days(90);

/// What `fairway build` can be told.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// `None`: one more than the sequence of `manifest.json` in the output folder, or 1.
    pub sequence: Option<u64>,
    /// A minisign secret key (see [`crate::snapshot::keygen`]); signs `manifest.json`.
    pub secret_key: Option<PathBuf>,
    /// `None`: now.
    pub created: Option<OffsetDateTime>,
    /// How long after `created` the snapshot expires.
    pub valid_for: time::Duration,
}

impl Default for BuildOptions {
    fn default() -> Self {
        BuildOptions {
            sequence: None,
            secret_key: None,
            created: None,
            valid_for: DEFAULT_VALID_FOR,
        }
    }
}

/// What a build produced.
#[derive(Debug, Clone, Serialize)]
pub struct BuildReport {
    /// The snapshot file, `<out>/<fair-id>-<sequence>.sqlite`.
    pub snapshot: PathBuf,
    pub manifest: Manifest,
    /// `manifest.json.minisig` when a secret key was given.
    pub signature: Option<PathBuf>,
    /// The importer's warnings (empty from [`build_snapshot`]).
    pub warnings: Vec<Warning>,
    pub counts: Counts,
    pub elapsed: Duration,
    /// Where the time went, phase by phase, for figures printed by benchmarks and the CLI.
    pub phases: Vec<Phase>,
}

/// How long one phase of a build took.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Phase {
    /// `source hash`, `images`, `tables`, `search index`, `routes`, `publish`.
    pub name: &'static str,
    pub elapsed: Duration,
}

/// Why a build failed. One line; nothing was left in the output folder.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error(transparent)]
    Source(#[from] SourceError),
    #[error("{image} ({used_by}): {source}")]
    Image {
        image: String,
        used_by: String,
        source: MediaError,
    },
    #[error("{image} ({used_by}): cannot read: {source}")]
    ImageRead {
        image: String,
        used_by: String,
        source: io::Error,
    },
    #[error("fair id {0:?} cannot name a snapshot file (use letters, digits, '-', '_' and '.')")]
    FairId(String),
    #[error("{path}: already exists; a new snapshot needs a higher sequence than {sequence}")]
    SnapshotExists { path: PathBuf, sequence: u64 },
    #[error(
        "sequence {sequence} is not higher than {previous}, the sequence of {manifest}; sequences must grow"
    )]
    SequenceNotGreater {
        sequence: u64,
        previous: u64,
        manifest: PathBuf,
    },
    #[error("{0}; pass --sequence to choose one")]
    PreviousManifest(manifest::ManifestError),
    #[error("snapshot expiry is out of range (created {created} plus {valid_for})")]
    Expiry {
        created: String,
        valid_for: time::Duration,
    },
    #[error(transparent)]
    Key(#[from] KeyError),
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: io::Error },
    #[error("writing the snapshot: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("computing the routes: {0}")]
    Route(#[from] crate::route::RouteError),
    #[error("creating the snapshot schema: {0}")]
    Schema(#[from] rusqlite_migration::Error),
}

fn io_at(path: &Path) -> impl FnOnce(io::Error) -> BuildError + '_ {
    move |source| BuildError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Reads and validates `source_dir`, then builds its snapshot into `out_dir`.
pub fn build(
    source_dir: &Path,
    out_dir: &Path,
    opts: &BuildOptions,
) -> Result<BuildReport, BuildError> {
    let started = Instant::now();
    let imported = crate::import::load(source_dir)?;
    let mut report = build_snapshot(&imported.source, out_dir, opts)?;
    report.warnings = imported.warnings;
    report.elapsed = started.elapsed();
    Ok(report)
}

/// Builds the snapshot of an already loaded source into `out_dir`.
pub fn build_snapshot(
    source: &FairSource,
    out_dir: &Path,
    opts: &BuildOptions,
) -> Result<BuildReport, BuildError> {
    let started = Instant::now();
    let fair_id = &source.fair.id;
    if !is_file_name_safe(fair_id) {
        return Err(BuildError::FairId(fair_id.clone()));
    }

    // Everything that can be refused cheaply is refused before the slow work.
    let sequence = next_sequence(out_dir, opts.sequence)?;
    let file_name = manifest::snapshot_file_name(fair_id, sequence);
    let final_path = out_dir.join(&file_name);
    if final_path.exists() {
        return Err(BuildError::SnapshotExists {
            path: final_path,
            sequence,
        });
    }
    let key = opts
        .secret_key
        .as_deref()
        .map(SecretKey::read)
        .transpose()?;
    let created = opts
        .created
        .unwrap_or_else(OffsetDateTime::now_utc)
        .to_offset(time::UtcOffset::UTC)
        .replace_nanosecond(0)
        .unwrap_or_else(|_| OffsetDateTime::now_utc());
    let expires = created
        .checked_add(opts.valid_for)
        .ok_or_else(|| BuildError::Expiry {
            created: rfc3339(created),
            valid_for: opts.valid_for,
        })?;

    let mut phases = Vec::new();
    let mut clock = Instant::now();
    let mut lap = |name: &'static str| {
        phases.push(Phase {
            name,
            elapsed: clock.elapsed(),
        });
        clock = Instant::now();
    };

    let source_hash = source_hash(&source.root, Some(out_dir))?;
    lap("source hash");
    let (assets, addresses) = reencode_images(source)?;
    lap("images");

    // The scratch database lives in the system's temporary folder and disappears with it.
    let scratch_dir = tempfile::Builder::new()
        .prefix("fairway-build-")
        .tempdir()
        .map_err(io_at(&std::env::temp_dir()))?;
    let scratch_path = scratch_dir.path().join("snapshot.sqlite");
    let mut conn = rusqlite::Connection::open(&scratch_path)?;
    schema::configure_scratch(&conn)?;
    schema::create(&mut conn)?;
    let tx = conn.transaction()?;
    write::write_assets(&tx, &assets)?;
    drop(assets);
    write::write_source(&tx, source, &addresses)?;
    write::write_meta(
        &tx,
        &Meta {
            fair_id: fair_id.clone(),
            sequence,
            created: rfc3339(created),
            source_hash,
            generator: generator(),
        },
    )?;
    lap("tables");
    crate::search::build_index(&tx)?;
    tx.commit()?;
    lap("search index");
    // After the commit, whose foreign-key checks name a bad reference better than routing would.
    let tx = conn.transaction()?;
    crate::route::precompute(&tx)?;
    tx.commit()?;
    lap("routes");
    let counts = crate::snapshot::read::counts(&conn)?;

    // From here on the output folder changes; the guard undoes every change unless disarmed.
    let mut guard = OutDir::prepare(out_dir)?;
    let tmp = published_file()
        .prefix(".fairway-")
        .suffix(".sqlite.tmp")
        .tempfile_in(out_dir)
        .map_err(io_at(out_dir))?;
    conn.execute("VACUUM INTO ?1", [tmp.path().to_string_lossy().as_ref()])?;
    drop(conn);
    tmp.as_file().sync_all().map_err(io_at(tmp.path()))?;
    let (size, sha256) = manifest::file_digest(tmp.path()).map_err(io_at(tmp.path()))?;

    let manifest = Manifest {
        fair_id: fair_id.clone(),
        sequence,
        file: file_name.clone(),
        size,
        sha256,
        created,
        expires,
        schema_version: SCHEMA_VERSION,
    };
    let manifest_bytes = manifest.to_bytes();
    let signature = match &key {
        Some(key) => Some(key.sign(
            &manifest_bytes,
            &format!(
                "timestamp:{}\tfile:{file_name}\tsequence:{sequence}",
                created.unix_timestamp()
            ),
        )?),
        None => None,
    };

    // Publish: the snapshot first (never over an existing file), then the manifest and its
    // signature. A build without a key removes an older signature, which would not match.
    tmp.persist_noclobber(&final_path).map_err(|e| {
        if e.error.kind() == io::ErrorKind::AlreadyExists {
            BuildError::SnapshotExists {
                path: final_path.clone(),
                sequence,
            }
        } else {
            BuildError::Io {
                path: final_path.clone(),
                source: e.error,
            }
        }
    })?;
    guard.created_file(final_path.clone());
    let manifest_path = out_dir.join(MANIFEST_FILE);
    let signature_path = out_dir.join(SIGNATURE_FILE);
    guard.replace(&manifest_path, Some(&manifest_bytes))?;
    guard.replace(&signature_path, signature.as_deref().map(str::as_bytes))?;
    sync_dir(out_dir)?;
    guard.disarm();
    lap("publish");

    Ok(BuildReport {
        snapshot: final_path,
        manifest,
        signature: signature.map(|_| signature_path),
        warnings: Vec::new(),
        counts,
        elapsed: started.elapsed(),
        phases,
    })
}

/// `fairway <version>`, stored in `meta.generator`.
pub fn generator() -> String {
    format!("fairway {}", env!("CARGO_PKG_VERSION"))
}

fn rfc3339(t: OffsetDateTime) -> String {
    t.format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_else(|_| t.to_string())
}

fn is_file_name_safe(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('.')
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// The sequence to build: the one asked for, or one more than the output folder's current
/// manifest. An explicit sequence must still be higher than that manifest's.
fn next_sequence(out_dir: &Path, asked: Option<u64>) -> Result<u64, BuildError> {
    let manifest_path = out_dir.join(MANIFEST_FILE);
    let previous = if manifest_path.exists() {
        match Manifest::read(&manifest_path) {
            Ok(m) => Some(m.sequence),
            // A broken manifest only matters when the next sequence has to come from it.
            Err(e) if asked.is_none() => return Err(BuildError::PreviousManifest(e)),
            Err(_) => None,
        }
    } else {
        None
    };
    match (asked, previous) {
        (Some(sequence), Some(previous)) if sequence <= previous => {
            Err(BuildError::SequenceNotGreater {
                sequence,
                previous,
                manifest: manifest_path,
            })
        }
        (Some(sequence), _) => Ok(sequence),
        (None, Some(previous)) => Ok(previous.saturating_add(1)),
        (None, None) => Ok(1),
    }
}

/// SHA-256 over every file of the source folder: for each file, in sorted order of its path
/// relative to `root` (with `/` separators), the path, a NUL byte, the length as 8 little-endian
/// bytes, and the contents. `skip` (the output folder, when it lies inside) is left out.
pub fn source_hash(root: &Path, skip: Option<&Path>) -> Result<String, BuildError> {
    let skip = skip.and_then(|s| s.canonicalize().ok());
    let mut files = Vec::new();
    collect_files(root, root, skip.as_deref(), &mut files)?;
    files.sort();
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    for (name, path) in files {
        let mut file = File::open(&path).map_err(io_at(&path))?;
        let len = file.metadata().map_err(io_at(&path))?.len();
        hasher.update(name.as_bytes());
        hasher.update([0u8]);
        hasher.update(len.to_le_bytes());
        loop {
            let n = file.read(&mut buf).map_err(io_at(&path))?;
            if n == 0 {
                break;
            }
            hasher.update(&buf[..n]);
        }
    }
    Ok(hex::encode(hasher.finalize()))
}

fn collect_files(
    root: &Path,
    dir: &Path,
    skip: Option<&Path>,
    out: &mut Vec<(String, PathBuf)>,
) -> Result<(), BuildError> {
    for entry in fs::read_dir(dir).map_err(io_at(dir))? {
        let entry = entry.map_err(io_at(dir))?;
        let path = entry.path();
        let kind = fs::metadata(&path).map_err(io_at(&path))?;
        if kind.is_dir() {
            if skip.is_some() && path.canonicalize().ok().as_deref() == skip {
                continue;
            }
            collect_files(root, &path, skip, out)?;
        } else if kind.is_file() {
            let rel = path.strip_prefix(root).unwrap_or(&path);
            let name = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            out.push((name, path));
        }
    }
    Ok(())
}

/// One image file in one role, and the first row that uses it (for error messages).
#[derive(Debug, Clone)]
struct ImageUse {
    name: String,
    role: ImageRole,
    used_by: String,
}

/// Re-encodes every referenced image once per role. Files are read and hashed in parallel,
/// identical contents are re-encoded only once, and the first failure in source order is
/// reported, naming the file and who uses it.
fn reencode_images(source: &FairSource) -> Result<(Vec<Asset>, write::ImageAddresses), BuildError> {
    let mut uses: Vec<ImageUse> = Vec::new();
    let mut seen: HashMap<(String, ImageRole), ()> = HashMap::new();
    let mut add = |name: &Option<String>, role: ImageRole, used_by: &dyn Fn() -> String| {
        if let Some(name) = name
            && seen.insert((name.clone(), role), ()).is_none()
        {
            uses.push(ImageUse {
                name: name.clone(),
                role,
                used_by: used_by(),
            });
        }
    };
    for p in &source.pavilions {
        add(&p.logo, ImageRole::Logo, &|| {
            format!("logo of pavilion {}", p.slug)
        });
    }
    for e in &source.exhibitors {
        add(&e.logo, ImageRole::Logo, &|| {
            format!("logo of exhibitor {}", e.id)
        });
    }
    for p in &source.products {
        add(&p.image, ImageRole::Product, &|| {
            format!(
                "image of product {:?} of exhibitor {}",
                p.name_en, p.exhibitor
            )
        });
    }

    let read = |u: &ImageUse| -> Result<Vec<u8>, BuildError> {
        read_image(source, &u.name).map_err(|e| match e {
            ImageReadError::Io(source) => BuildError::ImageRead {
                image: format!("images/{}", u.name),
                used_by: u.used_by.clone(),
                source,
            },
            ImageReadError::Media(source) => BuildError::Image {
                image: format!("images/{}", u.name),
                used_by: u.used_by.clone(),
                source,
            },
        })
    };

    // Pass 1: content hashes, so a picture reused under many names is encoded once.
    let hashes = par_map(&uses, |u| {
        read(u).map(|bytes| <[u8; 32]>::from(Sha256::digest(&bytes)))
    })?;
    let mut unique: Vec<usize> = Vec::new();
    let mut first_of: HashMap<([u8; 32], ImageRole), usize> = HashMap::new();
    let mut slot_of_use = Vec::with_capacity(uses.len());
    for (i, (u, hash)) in uses.iter().zip(&hashes).enumerate() {
        let slot = *first_of.entry((*hash, u.role)).or_insert_with(|| {
            unique.push(i);
            unique.len() - 1
        });
        slot_of_use.push(slot);
    }

    // Pass 2: re-encode each distinct content once.
    let assets = par_map(&unique, |&i| {
        let u = &uses[i];
        let bytes = read(u)?;
        media::reencode(&bytes, u.role).map_err(|source| BuildError::Image {
            image: format!("images/{}", u.name),
            used_by: u.used_by.clone(),
            source,
        })
    })?;

    let mut addresses = write::ImageAddresses::with_capacity(uses.len());
    for (u, slot) in uses.into_iter().zip(slot_of_use) {
        addresses.insert((u.name, u.role), assets[slot].sha256.clone());
    }
    Ok((assets, addresses))
}

enum ImageReadError {
    Io(io::Error),
    Media(MediaError),
}

/// Reads an image named in the source, refusing names that leave `images/` and files over the
/// size limit without reading them whole (a CSV cell could name `/dev/zero`).
fn read_image(source: &FairSource, name: &str) -> Result<Vec<u8>, ImageReadError> {
    let inside = Path::new(name)
        .components()
        .all(|c| matches!(c, std::path::Component::Normal(_)));
    if !inside || name.is_empty() {
        return Err(ImageReadError::Io(io::Error::new(
            io::ErrorKind::InvalidInput,
            "image names must name a file inside images/",
        )));
    }
    let path = source.image_path(name);
    let file = File::open(&path).map_err(ImageReadError::Io)?;
    let meta = file.metadata().map_err(ImageReadError::Io)?;
    if !meta.is_file() {
        return Err(ImageReadError::Io(io::Error::new(
            io::ErrorKind::InvalidInput,
            "not a regular file",
        )));
    }
    let limit = media::MAX_FILE_BYTES as u64;
    if meta.len() > limit {
        return Err(ImageReadError::Media(MediaError::TooLarge {
            size: usize::try_from(meta.len()).unwrap_or(usize::MAX),
            max: media::MAX_FILE_BYTES,
        }));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(ImageReadError::Io)?;
    Ok(bytes)
}

/// Runs `f` over `items` on every available core and returns the results in order, or the
/// error of the lowest failing index (the same one a sequential run would report: workers stop
/// taking items past a known failure but finish everything before it).
fn par_map<T: Sync, R: Send>(
    items: &[T],
    f: impl Fn(&T) -> Result<R, BuildError> + Sync,
) -> Result<Vec<R>, BuildError> {
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, items.len().max(1));
    let next = AtomicUsize::new(0);
    let first_failure = AtomicUsize::new(usize::MAX);
    let batches: Vec<Vec<(usize, Result<R, BuildError>)>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        if i >= items.len() || i > first_failure.load(Ordering::Relaxed) {
                            break;
                        }
                        let result = f(&items[i]);
                        if result.is_err() {
                            first_failure.fetch_min(i, Ordering::Relaxed);
                        }
                        done.push((i, result));
                    }
                    done
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    });
    let mut slots: Vec<Option<Result<R, BuildError>>> = (0..items.len()).map(|_| None).collect();
    for (i, result) in batches.into_iter().flatten() {
        slots[i] = Some(result);
    }
    let mut out = Vec::with_capacity(items.len());
    for slot in slots {
        match slot {
            Some(Ok(r)) => out.push(r),
            Some(Err(e)) => return Err(e),
            // Only items after a failure are skipped, and the failure is returned first.
            None => break,
        }
    }
    Ok(out)
}

/// The output folder's changes so far, undone on drop unless the build succeeded.
#[derive(Debug)]
struct OutDir {
    /// Folders this build created, outermost first.
    created_dirs: Vec<PathBuf>,
    /// Files that did not exist before.
    created_files: Vec<PathBuf>,
    /// Files replaced, with their previous contents (`None`: they did not exist).
    replaced: Vec<(PathBuf, Option<Vec<u8>>)>,
    armed: bool,
}

impl OutDir {
    fn prepare(out_dir: &Path) -> Result<OutDir, BuildError> {
        let mut missing = Vec::new();
        let mut dir = Some(out_dir);
        while let Some(d) = dir {
            if d.as_os_str().is_empty() || d.exists() {
                break;
            }
            missing.push(d.to_path_buf());
            dir = d.parent();
        }
        missing.reverse();
        let mut guard = OutDir {
            created_dirs: Vec::new(),
            created_files: Vec::new(),
            replaced: Vec::new(),
            armed: true,
        };
        for d in missing {
            fs::create_dir(&d).map_err(io_at(&d))?;
            guard.created_dirs.push(d);
        }
        Ok(guard)
    }

    fn created_file(&mut self, path: PathBuf) {
        self.created_files.push(path);
    }

    /// Atomically replaces `path` with `bytes` (temporary file, fsync, rename), or removes it
    /// when `bytes` is `None`; remembers the old contents for the undo.
    fn replace(&mut self, path: &Path, bytes: Option<&[u8]>) -> Result<(), BuildError> {
        let old = match fs::read(path) {
            Ok(old) => Some(old),
            Err(e) if e.kind() == io::ErrorKind::NotFound => None,
            Err(e) => return Err(io_at(path)(e)),
        };
        if old.is_none() && bytes.is_none() {
            return Ok(());
        }
        self.replaced.push((path.to_path_buf(), old));
        match bytes {
            Some(bytes) => write_atomically(path, bytes),
            None => fs::remove_file(path).map_err(io_at(path)),
        }
    }

    fn disarm(&mut self) {
        self.armed = false;
    }
}

impl Drop for OutDir {
    fn drop(&mut self) {
        if !self.armed {
            return;
        }
        // Best effort: the build already failed, and its error is the one to report.
        for (path, old) in self.replaced.iter().rev() {
            let _ = match old {
                Some(bytes) => write_atomically(path, bytes),
                None => fs::remove_file(path).map_err(io_at(path)),
            };
        }
        for path in &self.created_files {
            let _ = fs::remove_file(path);
        }
        for dir in self.created_dirs.iter().rev() {
            let _ = fs::remove_dir(dir);
        }
    }
}

/// A temporary file that becomes part of a feed. Feeds are served by web servers and copied to
/// kiosks under other users, so published files are world-readable (tempfile's default is 0600).
fn published_file<'a>() -> tempfile::Builder<'a, 'a> {
    let mut builder = tempfile::Builder::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o644));
    }
    builder
}

fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), BuildError> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut tmp = published_file()
        .prefix(".fairway-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(io_at(dir))?;
    io::Write::write_all(&mut tmp, bytes).map_err(io_at(tmp.path()))?;
    tmp.as_file().sync_all().map_err(io_at(tmp.path()))?;
    tmp.persist(path).map_err(|e| BuildError::Io {
        path: path.to_path_buf(),
        source: e.error,
    })?;
    Ok(())
}

/// Makes the renames in `dir` durable.
fn sync_dir(dir: &Path) -> Result<(), BuildError> {
    #[cfg(unix)]
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(io_at(dir))?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}
