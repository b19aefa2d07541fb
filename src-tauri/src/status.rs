//! What the kiosk knows about its own state, for the staff status screen: which snapshot it
//! shows and why, where updates come from, when it last looked, and the last errors.

use std::collections::VecDeque;
use std::sync::Mutex;

use serde::Serialize;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;
use ts_rs::TS;

/// How many errors the status screen lists.
pub const KEEP_ERRORS: usize = 8;

/// The staff status as the interface receives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct KioskStatus {
    pub fair_id: String,
    /// The installed snapshot's sequence; the interface refreshes when it changes.
    #[ts(type = "number")]
    pub sequence: u64,
    /// The snapshot file's name.
    pub snapshot: String,
    /// When that snapshot was built (RFC 3339, UTC).
    pub built: String,
    /// One sentence: why the kiosk started on what it shows.
    pub started_from: String,
    /// The feed polled for updates; `None` when updates are off.
    pub feed: Option<String>,
    pub poll_seconds: Option<u32>,
    /// RFC 3339, UTC.
    pub last_check: Option<String>,
    pub last_installed: Option<String>,
    /// Newest first, each with its time.
    pub errors: Vec<String>,
    /// Whether WebKit's own two-finger page zoom is switched off (see `window.rs`).
    pub page_zoom_gesture: String,
    /// Who restarts the kiosk, and how (`supervise.rs`).
    pub supervision: String,
    /// When the nightly restart is due; `None`: none configured.
    pub nightly_restart: Option<String>,
    /// The log file written now; `None`: standard error only.
    pub log_file: Option<String>,
}

/// The part of the status the updater writes.
#[derive(Debug, Default)]
pub struct StatusLog {
    inner: Mutex<LogInner>,
}

#[derive(Debug, Default)]
struct LogInner {
    started_from: String,
    feed: Option<String>,
    poll_seconds: Option<u32>,
    last_check: Option<String>,
    last_installed: Option<String>,
    errors: VecDeque<String>,
    page_zoom_gesture: Option<String>,
    supervision: Option<String>,
    nightly_restart: Option<String>,
}

fn now() -> String {
    OffsetDateTime::now_utc()
        .replace_nanosecond(0)
        .ok()
        .and_then(|t| t.format(&Rfc3339).ok())
        .unwrap_or_default()
}

impl StatusLog {
    pub fn new(started_from: impl Into<String>) -> StatusLog {
        StatusLog {
            inner: Mutex::new(LogInner {
                started_from: started_from.into(),
                ..LogInner::default()
            }),
        }
    }

    fn with<T>(&self, f: impl FnOnce(&mut LogInner) -> T) -> T {
        let mut guard = self
            .inner
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        f(&mut guard)
    }

    pub fn set_feed(&self, feed: String, poll_seconds: u32) {
        self.with(|s| {
            s.feed = Some(feed);
            s.poll_seconds = Some(poll_seconds);
        });
    }

    /// Records what became of WebKit's page-zoom gesture when the window was set up.
    pub fn set_page_zoom_gesture(&self, state: &str) {
        self.with(|s| s.page_zoom_gesture = Some(state.to_owned()));
    }

    /// Records who supervises the kiosk and when the nightly restart is due.
    pub fn set_supervision(&self, supervision: String, nightly_restart: Option<String>) {
        self.with(|s| {
            s.supervision = Some(supervision);
            s.nightly_restart = nightly_restart;
        });
    }

    pub fn checked(&self) {
        let t = now();
        self.with(|s| s.last_check = Some(t));
    }

    pub fn installed(&self, what: &str) {
        let t = now();
        self.with(|s| s.last_installed = Some(format!("{t} {what}")));
    }

    /// Records an error for the staff status and writes it to the log.
    pub fn error(&self, message: &str) {
        crate::logging::error(message);
        let line = format!("{} {message}", now());
        self.with(|s| {
            s.errors.push_front(line);
            s.errors.truncate(KEEP_ERRORS);
        });
    }

    /// The status with the snapshot facts filled in by the caller.
    pub fn snapshot(
        &self,
        fair_id: String,
        sequence: u64,
        snapshot: String,
        built: String,
    ) -> KioskStatus {
        self.with(|s| KioskStatus {
            fair_id,
            sequence,
            snapshot,
            built,
            started_from: s.started_from.clone(),
            feed: s.feed.clone(),
            poll_seconds: s.poll_seconds,
            last_check: s.last_check.clone(),
            last_installed: s.last_installed.clone(),
            errors: s.errors.iter().cloned().collect(),
            page_zoom_gesture: s
                .page_zoom_gesture
                .clone()
                .unwrap_or_else(|| "not set up yet".to_owned()),
            supervision: s
                .supervision
                .clone()
                .unwrap_or_else(|| "not set up yet".to_owned()),
            nightly_restart: s.nightly_restart.clone(),
            log_file: crate::logging::path().map(|p| p.display().to_string()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_log_keeps_the_newest_errors_first_and_only_so_many() {
        let log = StatusLog::new("the demo fair");
        for i in 0..(KEEP_ERRORS + 3) {
            log.error(&format!("problem {i}"));
        }
        let status = log.snapshot("f".into(), 3, "f-3.sqlite".into(), "t".into());
        assert_eq!(status.errors.len(), KEEP_ERRORS);
        assert!(status.errors[0].ends_with(&format!("problem {}", KEEP_ERRORS + 2)));
        assert_eq!(status.started_from, "the demo fair");
        assert_eq!(status.sequence, 3);
    }
}
