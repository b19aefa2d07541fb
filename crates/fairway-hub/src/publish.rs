//! `fairway publish`: the next snapshot from the master data. The organiser's source copy
//! (`DATA/source/`) gives the fixed parts of the fair; each exhibitor's editable fields and
//! products are replaced by its master profile (the approved changes). Uploaded pictures named
//! by a profile are written into `DATA/source/images/` under their content names (a name is its
//! bytes' SHA-256, so a file there is never replaced by different bytes), and
//! [`fairway_core::build::build_snapshot`] does the rest: re-encoding, tables, index, routes,
//! signature, the atomic publish into the feed folder.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use fairway_core::build::{BuildOptions, build_snapshot};
use fairway_core::snapshot::manifest::{MANIFEST_FILE, Manifest};

use crate::store::Store;
use crate::{HubError, io_at};

/// What a publish made.
#[derive(Debug, Clone)]
pub struct Published {
    pub sequence: u64,
    pub snapshot: PathBuf,
    pub exhibitors: usize,
    pub elapsed: Duration,
}

/// Builds and signs the next snapshot into `feed_dir`: sequence one more than the last one
/// published from this hub or found in `feed_dir/manifest.json`, whichever is higher.
pub fn publish(
    store: &mut Store,
    secret_key: &Path,
    feed_dir: &Path,
) -> Result<Published, HubError> {
    let started = Instant::now();
    if !secret_key.is_file() {
        return Err(HubError::Message(format!(
            "{}: no secret key there (make one with `fairway keygen --out DIR`)",
            secret_key.display()
        )));
    }
    let feed_sequence = match std::fs::read(feed_dir.join(MANIFEST_FILE)) {
        Ok(bytes) => Some(
            Manifest::from_bytes(&bytes)
                .map_err(|e| {
                    HubError::Message(format!("{}: {e}", feed_dir.join(MANIFEST_FILE).display()))
                })?
                .sequence,
        ),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(io_at(&feed_dir.join(MANIFEST_FILE))(e)),
    };
    let sequence = store.last_sequence()?.max(feed_sequence).unwrap_or(0) + 1;

    let source_dir = store.source_dir();
    let mut source = fairway_core::import::load(&source_dir)?.source;
    let profiles = store.profiles()?;
    let images_dir = source_dir.join("images");
    let mut written: HashSet<String> = HashSet::new();
    let mut products = Vec::with_capacity(source.products.len());
    for exhibitor in &mut source.exhibitors {
        let Some(profile) = profiles.get(&exhibitor.id) else {
            // An exhibitor the organiser added to the source after init keeps its source record.
            products.extend(
                source
                    .products
                    .iter()
                    .filter(|p| p.exhibitor == exhibitor.id)
                    .cloned(),
            );
            continue;
        };
        for name in profile.images() {
            if written.contains(name) || images_dir.join(name).is_file() {
                continue;
            }
            let (_, bytes) = store.image(name)?.ok_or_else(|| {
                HubError::Message(format!(
                    "exhibitor {}'s profile names image {name:?}, which is neither in {} nor uploaded",
                    exhibitor.id,
                    images_dir.display()
                ))
            })?;
            write_new(&images_dir, name, &bytes)?;
            written.insert(name.to_owned());
        }
        let (edited, edited_products) = profile.apply(exhibitor);
        *exhibitor = edited;
        products.extend(edited_products);
    }
    source.products = products;

    std::fs::create_dir_all(feed_dir).map_err(io_at(feed_dir))?;
    let report = build_snapshot(
        &source,
        feed_dir,
        &BuildOptions {
            sequence: Some(sequence),
            secret_key: Some(secret_key.to_path_buf()),
            ..BuildOptions::default()
        },
    )?;
    let elapsed = started.elapsed();
    store.record_publication(
        sequence,
        &report.manifest.file,
        &report.manifest.sha256,
        u64::try_from(elapsed.as_millis()).unwrap_or(u64::MAX),
    )?;
    Ok(Published {
        sequence,
        snapshot: report.snapshot,
        exhibitors: source.exhibitors.len(),
        elapsed,
    })
}

/// Writes `bytes` as `dir/name` through a temporary file and a rename, synced.
fn write_new(dir: &Path, name: &str, bytes: &[u8]) -> Result<(), HubError> {
    use std::io::Write as _;
    std::fs::create_dir_all(dir).map_err(io_at(dir))?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".upload-")
        .tempfile_in(dir)
        .map_err(io_at(dir))?;
    tmp.write_all(bytes).map_err(io_at(tmp.path()))?;
    tmp.as_file().sync_all().map_err(io_at(tmp.path()))?;
    let target = dir.join(name);
    tmp.persist(&target).map_err(|e| io_at(&target)(e.error))?;
    Ok(())
}
