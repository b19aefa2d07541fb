//! The kiosk's updater: a background thread that polls the configured feed, installs a newer
//! signed snapshot through `fairway-core`'s [`Library`], swaps the app's read pool and tells the
//! interface with a `snapshot-installed` event carrying the new sequence.
//!
//! Every decision (checks, pointers, fallback) is the core's; this thread only schedules it.
//! A refused or failed update is logged and the kiosk stays on what it shows.

use std::sync::mpsc::{RecvTimeoutError, Sender};
use std::time::Duration;

use notify::{RecommendedWatcher, RecursiveMode, Watcher};

use fairway_core::update::{Feed, Library};
use tauri::{AppHandle, Emitter, Manager, Runtime};

use crate::Kiosk;
use crate::pool::SnapshotPool;

/// The event the interface listens to; its payload is the new sequence number.
pub const SNAPSHOT_INSTALLED: &str = "snapshot-installed";

/// Starts polling `feed` every `every`, the first time at once. A folder feed (a USB stick, a
/// network share) is also watched, so a snapshot copied into it is taken within a moment of the
/// copy settling rather than at the next poll.
pub fn spawn<R: Runtime>(app: AppHandle<R>, library: Library, feed: Feed, every: Duration) {
    let started = std::thread::Builder::new()
        .name("fairway-updater".to_owned())
        .spawn(move || {
            let (tx, rx) = std::sync::mpsc::channel::<()>();
            // Kept alive for the thread's life; `None` when the feed is not a folder or the
            // system cannot watch it (then polling alone does the work).
            let _watcher = watch(&feed, tx);
            // The app's state exists once its setup has run, with the event loop.
            while app.try_state::<Kiosk>().is_none() {
                std::thread::sleep(Duration::from_millis(50));
            }
            if let Some(kiosk) = app.try_state::<Kiosk>() {
                let seconds = u32::try_from(every.as_secs()).unwrap_or(u32::MAX);
                kiosk.log().set_feed(feed.describe(), seconds);
            }
            let mut retries = 0;
            loop {
                let refused = !poll_once(&app, &library, &feed);
                // A feed caught mid-copy (new manifest, old signature) is refused; look again
                // shortly rather than at the next poll.
                let wait = if refused && retries > 0 {
                    retries -= 1;
                    SETTLE * 4
                } else {
                    every
                };
                match rx.recv_timeout(wait) {
                    Ok(()) => {
                        // A copy arrives as many events; let it settle, then look once.
                        std::thread::sleep(SETTLE);
                        while rx.try_recv().is_ok() {}
                        retries = 3;
                    }
                    Err(RecvTimeoutError::Timeout) => {}
                    Err(RecvTimeoutError::Disconnected) => std::thread::sleep(every),
                }
            }
        });
    if let Err(e) = started {
        crate::logging::error(&format!("cannot start the updater: {e}"));
    }
}

/// How long a folder feed must be quiet after a change before the updater looks.
const SETTLE: Duration = Duration::from_millis(500);

fn watch(feed: &Feed, tx: Sender<()>) -> Option<RecommendedWatcher> {
    let Feed::Folder(dir) = feed else {
        return None;
    };
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if event.is_ok() {
            let _ = tx.send(());
        }
    })
    .map_err(|e| crate::logging::warn(&format!("cannot watch {}: {e}", dir.display())))
    .ok()?;
    match watcher.watch(dir, RecursiveMode::NonRecursive) {
        Ok(()) => Some(watcher),
        Err(e) => {
            crate::logging::warn(&format!(
                "cannot watch {}: {e}; polling only",
                dir.display()
            ));
            None
        }
    }
}

/// One look at the feed; `false` when the feed was refused or failed.
fn poll_once<R: Runtime>(app: &AppHandle<R>, library: &Library, feed: &Feed) -> bool {
    let kiosk = app.try_state::<Kiosk>();
    // Errors reach the staff status and the log file (StatusLog::error writes both).
    let log = |message: String| match &kiosk {
        Some(kiosk) => kiosk.log().error(&message),
        None => crate::logging::error(&message),
    };
    if let Some(kiosk) = &kiosk {
        kiosk.log().checked();
    }
    // The snapshot the kiosk serves may be older than the pointers say (an install that would
    // not open); it must not be pruned from under the pool.
    let in_use: Vec<std::path::PathBuf> = kiosk
        .as_ref()
        .map(|k| vec![k.pool().path().to_path_buf()])
        .unwrap_or_default();
    let installed = match library.install_keeping(feed, &in_use) {
        Ok(installed) => installed,
        Err(e) if e.is_not_newer() => return true,
        Err(e) => {
            log(format!("update from {} refused: {e}", feed.describe()));
            return false;
        }
    };
    let sequence = installed.pointer.sequence;
    match (SnapshotPool::open(&installed.path), &kiosk) {
        (Ok(pool), Some(kiosk)) => {
            kiosk.swap(pool);
            kiosk.log().installed(&format!("sequence {sequence}"));
            crate::logging::info(&format!(
                "installed and switched to sequence {sequence} ({})",
                installed.signed_by
            ));
            if let Err(e) = app.emit(SNAPSHOT_INSTALLED, sequence) {
                crate::logging::warn(&format!("cannot tell the interface: {e}"));
            }
        }
        (Err(e), _) => log(format!(
            "sequence {sequence} installed but does not open ({e}); \
             it is used at the next start only if it opens then"
        )),
        (_, None) => {}
    }
    true
}
