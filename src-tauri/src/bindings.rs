//! The TypeScript side of every type that crosses to the interface, generated with ts-rs into
//! `ui/src/bindings/` (one file per type) and committed. `tests/bindings.rs` fails when the
//! committed files differ from what this exports; run it with `FAIRWAY_UPDATE_BINDINGS=1` to
//! rewrite them.

use std::path::Path;

use fairway_core::card::CardView;
use fairway_core::model::{Language, PavilionKind};
use fairway_core::route::Route;
use fairway_core::snapshot::{
    CategoryNode, CountryName, ExhibitorPage, ExhibitorProfile, Fair, Hall, HallMap, Pavilion,
    SearchResult,
};
use ts_rs::{ExportError, TS};

use crate::args::{ExhibitorFilter, SearchQuery};
use crate::commands::Here;
use crate::config::KioskConfig;
use crate::error::CommandError;

/// Writes every binding (and the types they use) into `dir`.
pub fn export(dir: &Path) -> Result<(), ExportError> {
    Fair::export_all_to(dir)?;
    Hall::export_all_to(dir)?;
    Pavilion::export_all_to(dir)?;
    CategoryNode::export_all_to(dir)?;
    ExhibitorPage::export_all_to(dir)?;
    ExhibitorProfile::export_all_to(dir)?;
    SearchResult::export_all_to(dir)?;
    CountryName::export_all_to(dir)?;
    HallMap::export_all_to(dir)?;
    Route::export_all_to(dir)?;
    ExhibitorFilter::export_all_to(dir)?;
    SearchQuery::export_all_to(dir)?;
    KioskConfig::export_all_to(dir)?;
    CommandError::export_all_to(dir)?;
    Language::export_all_to(dir)?;
    PavilionKind::export_all_to(dir)?;
    CardView::export_all_to(dir)?;
    crate::status::KioskStatus::export_all_to(dir)?;
    Here::export_all_to(dir)?;
    // Exhibitor mode.
    crate::editor::dto::EditorStart::export_all_to(dir)?;
    crate::editor::dto::Preview::export_all_to(dir)?;
    crate::editor::dto::SubmitOutcome::export_all_to(dir)?;
    crate::editor::dto::Submissions::export_all_to(dir)?;
    Ok(())
}
