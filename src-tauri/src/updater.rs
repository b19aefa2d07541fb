//! The kiosk's updater: a background thread that polls the configured feed, installs a newer
//! signed snapshot through `fairway-core`'s [`Library`], swaps the app's read pool and tells the
//! interface with a `snapshot-installed` event carrying the new sequence.
//!
//! Every decision (checks, pointers, fallback) is the core's; this thread only schedules it.
//! A refused or failed update is logged and the kiosk stays on what it shows.

use std::time::Duration;

use fairway_core::update::{Feed, Library};
use tauri::{AppHandle, Emitter, Manager, Runtime};

use crate::Kiosk;
use crate::pool::SnapshotPool;

/// The event the interface listens to; its payload is the new sequence number.
pub const SNAPSHOT_INSTALLED: &str = "snapshot-installed";

/// Starts polling `feed` every `every`, the first time at once.
pub fn spawn<R: Runtime>(app: AppHandle<R>, library: Library, feed: Feed, every: Duration) {
    let started = std::thread::Builder::new()
        .name("fairway-updater".to_owned())
        .spawn(move || {
            loop {
                poll_once(&app, &library, &feed);
                std::thread::sleep(every);
            }
        });
    if let Err(e) = started {
        eprintln!("fairway-kiosk: cannot start the updater: {e}");
    }
}

fn poll_once<R: Runtime>(app: &AppHandle<R>, library: &Library, feed: &Feed) {
    let installed = match library.install(feed) {
        Ok(installed) => installed,
        Err(e) if e.is_not_newer() => return,
        Err(e) => {
            eprintln!(
                "fairway-kiosk: update from {} refused: {e}",
                feed.describe()
            );
            return;
        }
    };
    let sequence = installed.pointer.sequence;
    match (
        SnapshotPool::open(&installed.path),
        app.try_state::<Kiosk>(),
    ) {
        (Ok(pool), Some(kiosk)) => {
            kiosk.swap(pool);
            eprintln!(
                "fairway-kiosk: installed and switched to sequence {sequence} ({})",
                installed.signed_by
            );
            if let Err(e) = app.emit(SNAPSHOT_INSTALLED, sequence) {
                eprintln!("fairway-kiosk: cannot tell the interface: {e}");
            }
        }
        (Err(e), _) => eprintln!(
            "fairway-kiosk: sequence {sequence} installed but does not open ({e}); \
             it is used at the next start only if it opens then"
        ),
        (_, None) => {}
    }
}
