//! The commands the interface invokes (see `ui/README.md`): each takes its arguments, makes one
//! call into `fairway-core` on a worker thread and returns a serialisable value or a
//! [`CommandError`]. Nothing here decides anything about the fair.

use fairway_core::card::CardView;
use fairway_core::model::Language;
use fairway_core::route::{Route, RouteError};
use fairway_core::snapshot::{
    CategoryNode, CountryName, ExhibitorPage, ExhibitorProfile, Fair, Hall, HallMap, Kiosk as Spot,
    Pavilion, SearchResult,
};
use serde::Serialize;
use tauri::State;
use ts_rs::TS;

use crate::Kiosk;
use crate::args::{ExhibitorFilter, SearchQuery};
use crate::config::KioskConfig;
use crate::error::{CommandError, ErrorCode};

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

/// One hall's floor map: outline, booths with their exhibitors, pavilion tints, connectors and
/// kiosks, in hall metres.
#[tauri::command]
pub async fn hall_map(kiosk: State<'_, Kiosk>, hall: String) -> Result<HallMap, CommandError> {
    kiosk
        .read(move |s| {
            s.hall_map(&hall)?
                .ok_or_else(|| CommandError::not_found(format!("no hall {hall:?}")))
        })
        .await
}

/// A walking route from a kiosk id or booth code to a booth code.
#[tauri::command]
pub async fn route(
    kiosk: State<'_, Kiosk>,
    from: String,
    to: String,
    step_free: bool,
) -> Result<Route, CommandError> {
    kiosk
        .read(move |s| s.route(&from, &to, step_free).map_err(route_error))
        .await
}

/// Where this kiosk stands on the floor map.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Here {
    /// The kiosk the map shows as "you are here".
    pub kiosk: Spot,
    /// The id the configuration names.
    pub configured_id: String,
    /// True when the configured id is not in the snapshot and `kiosk` is its first kiosk
    /// instead: the screen says so rather than pretending to know where it stands.
    pub fallback: bool,
}

/// The kiosk's own position: the configured kiosk, else the snapshot's first one (flagged), else
/// `not_found` when the fair has no kiosks at all.
#[tauri::command]
pub async fn here(kiosk: State<'_, Kiosk>) -> Result<Here, CommandError> {
    let configured_id = kiosk.config().kiosk_id.clone();
    kiosk
        .read(move |s| here_in(s.kiosks()?, configured_id))
        .await
}

/// [`here`] over a list of kiosks, apart for testing.
pub fn here_in(kiosks: Vec<Spot>, configured_id: String) -> Result<Here, CommandError> {
    if let Some(spot) = kiosks.iter().find(|k| k.id == configured_id) {
        return Ok(Here {
            kiosk: spot.clone(),
            configured_id,
            fallback: false,
        });
    }
    let first = kiosks
        .into_iter()
        .next()
        .ok_or_else(|| CommandError::not_found("this fair has no kiosks on its floor map"))?;
    Ok(Here {
        kiosk: first,
        configured_id,
        fallback: true,
    })
}

/// Unknown places are `not_found`; a fair whose aisles or connectors do not lead there is
/// `no_route` (the map says so and keeps the step-free toggle); the rest is the snapshot's fault.
pub fn route_error(e: RouteError) -> CommandError {
    let code = match &e {
        RouteError::UnknownPlace(_) | RouteError::UnknownBooth(_) => ErrorCode::NotFound,
        RouteError::NoWalkableEdge(_)
        | RouteError::KioskNotWalkable(_)
        | RouteError::NoStepFreeRoute { .. }
        | RouteError::NoRoute { .. } => ErrorCode::NoRoute,
        RouteError::Data(_) | RouteError::Sqlite(_) => ErrorCode::Snapshot,
    };
    CommandError::new(code, e.to_string())
}

/// The staff status screen: the snapshot shown, the feed, the last check and errors. The
/// interface also polls it to notice a new snapshot.
#[tauri::command]
pub async fn status(kiosk: State<'_, Kiosk>) -> Result<crate::status::KioskStatus, CommandError> {
    Ok(kiosk.status())
}

/// The interface's heartbeat, every `supervise::HEARTBEAT_SECONDS`: the page is alive, and
/// nobody has touched the screen for `quiet_ms`. It feeds the supervisor's watchdog and the
/// nightly restart's wait (`supervise.rs`); the first one tells systemd the kiosk is ready.
#[tauri::command]
pub async fn heartbeat(kiosk: State<'_, Kiosk>, quiet_ms: u64) -> Result<(), CommandError> {
    match kiosk.heartbeats().beat(quiet_ms) {
        crate::supervise::BeatKind::First => {
            crate::logging::info("the interface is up (first heartbeat)");
            crate::supervise::notify_ready("showing the fair");
        }
        crate::supervise::BeatKind::Back => {
            crate::logging::info("the interface is back after its web process ended");
        }
        crate::supervise::BeatKind::Ongoing => {}
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spot(id: &str) -> Spot {
        Spot {
            id: id.to_owned(),
            hall: "N1".to_owned(),
            x_m: 1.0,
            y_m: 2.0,
            label_en: None,
            label_zh: None,
        }
    }

    #[test]
    fn the_configured_kiosk_is_here_when_the_snapshot_has_it() {
        let here = here_in(vec![spot("A"), spot("B")], "B".into()).expect("a kiosk");
        assert_eq!(here.kiosk.id, "B");
        assert!(!here.fallback, "the configured kiosk is no fallback");
    }

    #[test]
    fn an_unknown_kiosk_id_falls_back_to_the_first_kiosk_and_says_so() {
        let here = here_in(vec![spot("A"), spot("B")], "demo".into()).expect("a kiosk");
        assert_eq!(here.kiosk.id, "A", "the snapshot's first kiosk");
        assert!(here.fallback, "the screen must be told it is a guess");
        assert_eq!(
            here_in(vec![], "demo".into()).map_err(|e| e.code),
            Err(ErrorCode::NotFound),
            "no kiosks at all is not a crash"
        );
    }

    #[test]
    fn route_errors_map_to_codes_the_map_branches_on() {
        let no_step_free = RouteError::NoStepFreeRoute {
            from: "K1".into(),
            to: "A1".into(),
        };
        assert_eq!(route_error(no_step_free).code, ErrorCode::NoRoute);
        assert_eq!(
            route_error(RouteError::UnknownBooth("Z9".into())).code,
            ErrorCode::NotFound
        );
    }
}
