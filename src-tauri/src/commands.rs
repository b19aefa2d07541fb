//! The commands the interface invokes (see `ui/README.md`): each takes its arguments, makes one
//! call into `fairway-core` on a worker thread and returns a serialisable value or a
//! [`CommandError`]. Nothing here decides anything about the fair.

use fairway_core::card::CardView;
use fairway_core::model::Language;
use fairway_core::snapshot::{
    CategoryNode, CountryName, ExhibitorPage, ExhibitorProfile, Fair, Hall, Pavilion, SearchResult,
};
use tauri::State;

use crate::Kiosk;
use crate::args::{ExhibitorFilter, SearchQuery};
use crate::config::KioskConfig;
use crate::error::CommandError;

#[tauri::command]
pub async fn fair(kiosk: State<'_, Kiosk>) -> Result<Fair, CommandError> {
    kiosk.read(|s| Ok(s.fair()?)).await
}

#[tauri::command]
pub async fn pavilions(kiosk: State<'_, Kiosk>) -> Result<Vec<Pavilion>, CommandError> {
    kiosk.read(|s| Ok(s.pavilions()?)).await
}

#[tauri::command]
pub async fn pavilion(kiosk: State<'_, Kiosk>, slug: String) -> Result<Pavilion, CommandError> {
    kiosk
        .read(move |s| {
            s.pavilion(&slug)?
                .ok_or_else(|| CommandError::not_found(format!("no pavilion {slug:?}")))
        })
        .await
}

#[tauri::command]
pub async fn categories(kiosk: State<'_, Kiosk>) -> Result<Vec<CategoryNode>, CommandError> {
    kiosk.read(|s| Ok(s.categories()?)).await
}

#[tauri::command]
pub async fn exhibitors(
    kiosk: State<'_, Kiosk>,
    filter: ExhibitorFilter,
) -> Result<ExhibitorPage, CommandError> {
    let filter = filter.into();
    kiosk.read(move |s| Ok(s.exhibitor_page(&filter)?)).await
}

#[tauri::command]
pub async fn exhibitor(
    kiosk: State<'_, Kiosk>,
    id: String,
) -> Result<ExhibitorProfile, CommandError> {
    kiosk
        .read(move |s| {
            s.exhibitor(&id)?
                .ok_or_else(|| CommandError::not_found(format!("no exhibitor {id:?}")))
        })
        .await
}

#[tauri::command]
pub async fn search(
    kiosk: State<'_, Kiosk>,
    query: SearchQuery,
) -> Result<Vec<SearchResult>, CommandError> {
    let query = query.into();
    kiosk.read(move |s| Ok(s.search_results(&query)?)).await
}

#[tauri::command]
pub async fn halls(kiosk: State<'_, Kiosk>) -> Result<Vec<Hall>, CommandError> {
    kiosk.read(|s| Ok(s.halls()?)).await
}

#[tauri::command]
pub async fn countries(kiosk: State<'_, Kiosk>) -> Result<Vec<CountryName>, CommandError> {
    kiosk.read(|s| Ok(s.countries()?)).await
}

#[tauri::command]
pub async fn kiosk_config(kiosk: State<'_, Kiosk>) -> Result<KioskConfig, CommandError> {
    Ok(kiosk.config().clone())
}

/// The "Take contact" screen: the exhibitor's card with `lang` first, its QR and, for an https
/// website, the website's QR.
#[tauri::command]
pub async fn contact_card(
    kiosk: State<'_, Kiosk>,
    id: String,
    lang: Language,
) -> Result<CardView, CommandError> {
    kiosk
        .read(move |s| {
            let profile = s
                .exhibitor(&id)?
                .ok_or_else(|| CommandError::not_found(format!("no exhibitor {id:?}")))?;
            CardView::of(&profile, lang).map_err(|e| {
                CommandError::internal(format!("the card of {id} does not encode: {e}"))
            })
        })
        .await
}
