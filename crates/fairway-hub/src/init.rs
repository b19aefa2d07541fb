//! `fairway hub init`: a new data folder from a fair source folder. The source is validated by
//! the importer, copied into `DATA/source/` (the organiser's fixed parts of the fair), and every
//! exhibitor's editable profile becomes version 1 in the master database.

use std::collections::HashMap;
use std::fs;
use std::path::Path;

use fairway_core::edit::ProfileEdit;
use fairway_core::model::Product;

use crate::store::{self, Store};
use crate::{HubError, io_at};

/// What `init` made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InitReport {
    pub fair_id: String,
    pub exhibitors: usize,
    /// The importer's warnings about the source (unknown columns, ...), one line each.
    pub warnings: Vec<String>,
}

/// Creates the hub's data folder `data` from the source folder `source`. Refuses a data folder
/// that exists and is not empty; on failure removes what it created.
pub fn init(source: &Path, data: &Path) -> Result<InitReport, HubError> {
    if data.exists() {
        let mut entries = fs::read_dir(data).map_err(io_at(data))?;
        if entries.next().is_some() {
            return Err(HubError::Message(format!(
                "{}: not empty; hub data goes into a new or empty folder",
                data.display()
            )));
        }
    }
    let imported = fairway_core::import::load(source)?;
    fs::create_dir_all(data).map_err(io_at(data))?;
    let result = fill(source, data, &imported.source).map(|mut report| {
        report.warnings = imported.warnings.iter().map(ToString::to_string).collect();
        report
    });
    if result.is_err() {
        // Leave the folder as empty as we found it.
        let _ = fs::remove_dir_all(data.join(store::SOURCE_DIR));
        for suffix in ["", "-wal", "-shm"] {
            let _ = fs::remove_file(data.join(format!("{}{suffix}", store::DB_FILE)));
        }
    }
    result
}

fn fill(
    source: &Path,
    data: &Path,
    fair: &fairway_core::model::FairSource,
) -> Result<InitReport, HubError> {
    copy_dir(source, &data.join(store::SOURCE_DIR))?;
    let mut by_exhibitor: HashMap<&str, Vec<Product>> = HashMap::new();
    for product in &fair.products {
        by_exhibitor
            .entry(product.exhibitor.as_str())
            .or_default()
            .push(product.clone());
    }
    let profiles: Vec<(String, ProfileEdit)> = fair
        .exhibitors
        .iter()
        .map(|e| {
            let products = by_exhibitor.get(e.id.as_str()).map_or(&[][..], |p| &p[..]);
            (e.id.clone(), ProfileEdit::of(e, products))
        })
        .collect();
    let mut store = Store::create(data)?;
    store.fill(&fair.fair.id, &profiles)?;
    Ok(InitReport {
        fair_id: fair.fair.id.clone(),
        exhibitors: profiles.len(),
        warnings: Vec::new(),
    })
}

/// Copies a folder's regular files and folders (symbolic links are not followed).
fn copy_dir(from: &Path, to: &Path) -> Result<(), HubError> {
    fs::create_dir_all(to).map_err(io_at(to))?;
    for entry in fs::read_dir(from).map_err(io_at(from))? {
        let entry = entry.map_err(io_at(from))?;
        let kind = entry.file_type().map_err(io_at(&entry.path()))?;
        let target = to.join(entry.file_name());
        if kind.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else if kind.is_file() {
            fs::copy(entry.path(), &target).map_err(io_at(&entry.path()))?;
            // The copy is the organiser's master from now on: on disk before init says done.
            fs::File::open(&target)
                .and_then(|f| f.sync_all())
                .map_err(io_at(&target))?;
        }
    }
    Ok(())
}
